//! Claims (§7): list, issue reasons, approve, reject (createClaimIssue), item audits.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxState};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use chrono::Utc;

use crate::model::claim::{
    ApproveClaimItems, Claim, ClaimIssueReason, ClaimItemAudit, ClaimItemStatus,
    ClaimItemStatusRef, ClaimPage, ExecutorInfo, REASONS_WITHOUT_FILES,
};

use super::state::State;
use super::{ApiError, Params, Shape, Shared, decode_body, page_of};

type Handler<T> = Result<T, ApiError>;

const BASE: &str = "/integration/order/sellers/{sellerId}/claims";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(BASE, get(list))
        .route("/integration/order/claim-issue-reasons", get(issue_reasons))
        .route(&format!("{BASE}/{{claimId}}/items/approve"), put(approve))
        .route(&format!("{BASE}/{{claimId}}/issue"), post(reject))
        .route(&format!("{BASE}/items/{{claimItemId}}/audit"), get(audits))
}

fn bad(key: &str, message: impl Into<String>) -> ApiError {
    ApiError::product(StatusCode::BAD_REQUEST, key, message)
}

async fn list(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<ClaimPage>> {
    let q = Params::parse(raw.as_deref());
    let err = |m: String| bad("invalid.parameter", m);
    let page = q.number::<u32>("page").map_err(err)?.unwrap_or(0);
    let size = q.number::<u32>("size").map_err(err)?.unwrap_or(50);
    if size == 0 || size > 200 {
        return Err(err(format!("size en fazla 200 olabilir: {size}")));
    }
    let start = q.millis("startDate").map_err(err)?;
    let end = q.millis("endDate").map_err(err)?;
    let status = q.get("claimItemStatus").map(ClaimItemStatus::from);
    let order_number = q.get("orderNumber");
    let ids = q.all("claimIds");
    let mut claims: Vec<Claim> = shared
        .lock()
        .claims
        .iter()
        .filter(|c| start.is_none_or(|s| c.claim_date.is_some_and(|d| d >= s)))
        .filter(|c| end.is_none_or(|e| c.claim_date.is_some_and(|d| d <= e)))
        .filter(|c| {
            status
                .as_ref()
                .is_none_or(|s| c.claim_items().any(|i| i.status() == Some(s)))
        })
        .filter(|c| order_number.is_none_or(|n| c.order_number.as_deref() == Some(n)))
        .filter(|c| ids.is_empty() || ids.contains(&c.id.as_str()))
        .cloned()
        .collect();
    claims.sort_by_key(|c| std::cmp::Reverse(c.last_modified_date));
    let (content, total_pages) = page_of(&claims, page, size);
    Ok(axum::Json(ClaimPage {
        total_elements: Some(claims.len() as u64),
        total_pages: Some(total_pages),
        page: Some(page),
        size: Some(size),
        content,
    }))
}

async fn issue_reasons(AxState(shared): AxState<Arc<Shared>>) -> axum::Json<Vec<ClaimIssueReason>> {
    axum::Json(shared.lock().issue_reasons.clone())
}

/// Move `item_ids` of claim `claim_id` from `WaitingInAction` to `to`; any other state
/// (deciding twice included) is refused and nothing changes.
fn decide(
    state: &mut State,
    claim_id: &str,
    item_ids: &[String],
    to: &ClaimItemStatus,
) -> Handler<()> {
    let claim = state
        .claims
        .iter_mut()
        .find(|c| c.id == claim_id)
        .ok_or_else(|| {
            ApiError::product(
                StatusCode::NOT_FOUND,
                "claim.not.found",
                format!("{claim_id} id'li iade talebi bulunamadı."),
            )
        })?;
    if item_ids.is_empty() {
        return Err(bad(
            "claim.item.required",
            "En az bir iade kalemi gönderilmelidir.",
        ));
    }
    for id in item_ids {
        let item = claim.claim_item(id).ok_or_else(|| {
            bad(
                "claim.item.not.found",
                format!("{id} kalemi {claim_id} iade talebine ait değil."),
            )
        })?;
        let current = item.status().cloned();
        if current != Some(ClaimItemStatus::WaitingInAction) {
            return Err(bad(
                "claim.item.status.not.valid",
                format!(
                    "{id} kalemi {} statüsünde; yalnızca WaitingInAction kalemler için işlem yapılabilir.",
                    current.map_or_else(|| "bilinmeyen".to_owned(), |s| s.to_string())
                ),
            ));
        }
    }
    let now = Utc::now();
    let mut audits = Vec::new();
    for line in &mut claim.items {
        for item in &mut line.claim_items {
            if item_ids.contains(&item.id) {
                item.claim_item_status = Some(ClaimItemStatusRef { name: to.clone() });
                item.resolved = Some(true);
                if *to == ClaimItemStatus::Accepted {
                    item.accepted_by_seller = Some(true);
                    item.accept_detail = Some("SUPPLIER".into());
                }
                audits.push(ClaimItemAudit {
                    claim_id: Some(claim_id.to_owned()),
                    claim_item_id: Some(item.id.clone()),
                    previous_status: Some(ClaimItemStatus::WaitingInAction),
                    new_status: Some(to.clone()),
                    user_info_document: Some(ExecutorInfo {
                        executor_id: Some(super::SELLER_ID.into()),
                        executor_app: Some("SellerIntegrationApi".into()),
                        executor_user: Some(super::SELLER_ID.to_string()),
                    }),
                    date: Some(now),
                });
            }
        }
    }
    claim.last_modified_date = Some(now);
    state.claim_audits.extend(audits);
    Ok(())
}

async fn approve(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, claim_id)): Path<(String, String)>,
    body: Bytes,
) -> Handler<Response> {
    let request: ApproveClaimItems = decode_body(&body, Shape::Product)?;
    decide(
        &mut shared.lock(),
        &claim_id,
        &request.claim_line_item_id_list,
        &ClaimItemStatus::Accepted,
    )?;
    Ok(StatusCode::OK.into_response())
}

/// createClaimIssue: the fields in the query string, evidence files as multipart parts.
async fn reject(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, claim_id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Handler<Response> {
    let q = Params::parse(raw.as_deref());
    let reason: i64 = q
        .number("claimIssueReasonId")
        .map_err(|m| bad("invalid.parameter", m))?
        .ok_or_else(|| {
            bad(
                "claimIssueReasonId.required",
                "claimIssueReasonId zorunludur.",
            )
        })?;
    let items: Vec<String> = q
        .all("claimItemIdList")
        .into_iter()
        .map(str::to_owned)
        .collect();
    let description = q.get("description").unwrap_or_default();
    if description.trim().is_empty() || description.chars().count() > 500 {
        return Err(bad(
            "description.not.valid",
            "description zorunludur ve en fazla 500 karakter olabilir.",
        ));
    }
    let mut state = shared.lock();
    if !state.issue_reasons.iter().any(|r| r.id == reason) {
        return Err(bad(
            "claim.issue.reason.not.found",
            format!("{reason} geçerli bir ret sebebi değil."),
        ));
    }
    let has_files = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
        && !body.is_empty();
    if !has_files && !REASONS_WITHOUT_FILES.contains(&reason) {
        return Err(bad(
            "claim.issue.file.required",
            format!("{reason} ret sebebi için belge (dosya) yüklenmesi zorunludur."),
        ));
    }
    decide(&mut state, &claim_id, &items, &ClaimItemStatus::Rejected)?;
    Ok(StatusCode::OK.into_response())
}

async fn audits(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, item_id)): Path<(String, String)>,
) -> axum::Json<Vec<ClaimItemAudit>> {
    axum::Json(
        shared
            .lock()
            .claim_audits
            .iter()
            .filter(|a| a.claim_item_id.as_deref() == Some(item_id.as_str()))
            .cloned()
            .collect(),
    )
}
