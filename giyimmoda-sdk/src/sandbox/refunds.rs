//! `refund-requests…`: list, get, approve, reject (only while `seller_approval = 0`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use chrono::{NaiveDate, Utc};
use marketplace_core::codec::datetime::ISTANBUL;
use serde::Deserialize;

use super::Shared;
use super::http::{self, ApiError, ApiResult, Params};
use super::seed::approval_text;
use crate::model::{Approval, RefundRequest};

fn approval_filter(params: &Params, name: &str) -> Result<Option<Approval>, ApiError> {
    match params.get(name).map(|s| s.trim()) {
        None | Some("" | "all") => Ok(None),
        Some("pending") => Ok(Some(Approval::Pending)),
        Some("approved") => Ok(Some(Approval::Approved)),
        Some("rejected") => Ok(Some(Approval::Rejected)),
        Some(_) => Err(ApiError::field(
            name,
            format!("The selected {} is invalid.", name.replace('_', " ")),
        )),
    }
}

fn date(params: &Params, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    match params.get(name).map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::field(
                    name,
                    format!(
                        "The {} field must match the format Y-m-d.",
                        name.replace('_', " ")
                    ),
                )
            }),
    }
}

/// The list shows the request without the nested `order` / `order_detail`.
fn summary(r: &RefundRequest) -> RefundRequest {
    RefundRequest {
        order: None,
        order_detail: None,
        ..r.clone()
    }
}

/// `GET refund-requests`: `status` (seller decision), `refund_status`, dates, `search`
/// (order code), paging; newest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let status = approval_filter(&params, "status")?;
    let refund_status = approval_filter(&params, "refund_status")?;
    let (from, to) = (date(&params, "date_from")?, date(&params, "date_to")?);
    let search = params
        .get("search")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let mut items: Vec<RefundRequest> = shared
        .lock()
        .refunds
        .values()
        .filter(|r| status.is_none() || r.seller_approval == status)
        .filter(|r| refund_status.is_none() || r.refund_status == refund_status)
        .filter(|r| {
            let day = r
                .created_at
                .map(|d| d.with_timezone(&ISTANBUL).date_naive());
            from.is_none_or(|f| day.is_some_and(|d| d >= f))
                && to.is_none_or(|t| day.is_some_and(|d| d <= t))
        })
        .filter(|r| {
            search.as_ref().is_none_or(|s| {
                r.order_code
                    .as_deref()
                    .is_some_and(|c| c.contains(s.as_str()))
            })
        })
        .map(summary)
        .collect();
    items.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET refund-requests/{id}`.
pub(crate) async fn get(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "İade talebi")?;
    let refund = shared.lock().refunds.get(&id).cloned();
    http::ok(
        None,
        refund.ok_or_else(|| ApiError::not_found("İade talebi"))?,
    )
}

/// Record the seller's decision; 422 unless the request is still waiting.
fn decide(
    shared: &Shared,
    id: u64,
    to: Approval,
    reason: Option<String>,
) -> Result<RefundRequest, ApiError> {
    let mut state = shared.lock();
    let refund = state
        .refunds
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found("İade talebi"))?;
    if refund.seller_approval != Some(Approval::Pending) {
        let current = refund
            .seller_approval
            .as_ref()
            .map_or_else(|| "bilinmiyor".to_owned(), approval_text);
        return Err(ApiError::field(
            "seller_approval",
            format!(
                "Sadece bekleyen (seller_approval = 0) iade talepleri onaylanabilir veya reddedilebilir; bu talep: {current}."
            ),
        ));
    }
    refund.seller_approval_text = Some(approval_text(&to));
    refund.seller_approval = Some(to);
    if reason.is_some() {
        refund.rejection_reason = reason;
    }
    refund.updated_at = Some(Utc::now());
    Ok(refund.clone())
}

/// `POST refund-requests/{id}/approve`.
pub(crate) async fn approve(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = http::id(&id, "İade talebi")?;
    let refund = decide(&shared, id, Approval::Approved, None)?;
    http::ok(Some("İade talebi onaylandı"), refund)
}

#[derive(Deserialize)]
struct RejectBody {
    #[serde(default)]
    rejection_reason: Option<String>,
}

/// `POST refund-requests/{id}/reject` with `{rejection_reason}` (required, ≤ 500 chars).
pub(crate) async fn reject(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "İade talebi")?;
    let body: RejectBody = http::json(&body)?;
    let reason = body.rejection_reason.unwrap_or_default();
    if reason.trim().is_empty() {
        return Err(ApiError::field(
            "rejection_reason",
            "The rejection reason field is required.",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(ApiError::field(
            "rejection_reason",
            "The rejection reason field must not be greater than 500 characters.",
        ));
    }
    let refund = decide(&shared, id, Approval::Rejected, Some(reason))?;
    http::ok(Some("İade talebi reddedildi"), refund)
}
