//! Finance (§9): settlements, other financials and payment orders from the seed.

use std::sync::Arc;

use axum::Router;
use axum::extract::{RawQuery, State as AxState};
use axum::routing::get;
use chrono::TimeDelta;

use crate::model::finance::{FINANCE_PAGE_SIZES, FinancePage, FinancialRecord, PaymentOrder};

use super::{ApiError, Params, Shared, page_of};

type Handler<T> = Result<T, ApiError>;

const BASE: &str = "/integration/finance/che/sellers/{sellerId}";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(&format!("{BASE}/settlements"), get(settlements))
        .route(&format!("{BASE}/otherfinancials"), get(other_financials))
        .route(&format!("{BASE}/payment-order"), get(payment_orders))
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_order(message)
}

#[derive(Clone, Copy)]
enum Which {
    Settlements,
    Other,
}

/// The statement rules: a transaction type, a range of at most 15 days (or a payment
/// date / payment order id), size 500 or 1000.
fn statement(
    shared: &Shared,
    raw: Option<&str>,
    which: Which,
) -> Handler<FinancePage<FinancialRecord>> {
    let q = Params::parse(raw);
    let types: Vec<String> = q
        .all("transactionType")
        .into_iter()
        .chain(q.all("transactionTypes"))
        .map(str::to_owned)
        .collect();
    if types.is_empty() {
        // Trendyol answers 500 here; the sandbox says why instead.
        return Err(bad("transactionType zorunludur."));
    }
    let page = q.number::<u32>("page").map_err(bad)?.unwrap_or(0);
    let size = q.number::<u32>("size").map_err(bad)?.unwrap_or(500);
    if !FINANCE_PAGE_SIZES.contains(&size) {
        return Err(bad(format!("size 500 veya 1000 olmalıdır: {size}")));
    }
    let start = q.millis("startDate").map_err(bad)?;
    let end = q.millis("endDate").map_err(bad)?;
    let payment_order: Option<String> = q.get("paymentOrderId").map(str::to_owned);
    match (start, end) {
        (Some(s), Some(e)) => {
            if e < s || e - s > TimeDelta::days(15) {
                return Err(bad("startDate ile endDate arası en fazla 15 gün olabilir."));
            }
        }
        (None, None) if payment_order.is_some() || q.get("paymentDate").is_some() => {}
        _ => return Err(bad("startDate ve endDate birlikte gönderilmelidir.")),
    }
    let state = shared.lock();
    let source = match which {
        Which::Settlements => &state.settlements,
        Which::Other => &state.other_financials,
    };
    let records: Vec<FinancialRecord> = source
        .iter()
        .filter(|r| {
            r.transaction_type
                .as_ref()
                .is_some_and(|t| types.iter().any(|x| x == t))
        })
        .filter(|r| match (start, end) {
            (Some(s), Some(e)) => r.transaction_date.is_some_and(|d| d >= s && d <= e),
            _ => true,
        })
        .filter(|r| {
            payment_order.as_deref().is_none_or(|p| {
                r.payment_order_id
                    .as_ref()
                    .is_some_and(|id| id.as_str() == p)
            })
        })
        .cloned()
        .collect();
    let (content, total_pages) = page_of(&records, page, size);
    Ok(FinancePage {
        page: Some(page),
        size: Some(size),
        total_pages: Some(total_pages),
        total_elements: Some(records.len() as u64),
        content,
    })
}

async fn settlements(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<FinancePage<FinancialRecord>>> {
    statement(&shared, raw.as_deref(), Which::Settlements).map(axum::Json)
}

async fn other_financials(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<FinancePage<FinancialRecord>>> {
    statement(&shared, raw.as_deref(), Which::Other).map(axum::Json)
}

async fn payment_orders(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<FinancePage<PaymentOrder>>> {
    let q = Params::parse(raw.as_deref());
    let page = q.number::<u32>("page").map_err(bad)?.unwrap_or(0);
    let size = q.number::<u32>("size").map_err(bad)?.unwrap_or(10);
    if size == 0 || size > 10 {
        return Err(bad(format!("size en fazla 10 olabilir: {size}")));
    }
    let all = shared.lock().payment_orders.clone();
    let (content, total_pages) = page_of(&all, page, size);
    Ok(axum::Json(FinancePage {
        page: Some(page),
        size: Some(size),
        total_pages: Some(total_pages),
        total_elements: Some(all.len() as u64),
        content,
    }))
}
