//! `payment-history…` and `commission-history…`, derived from the delivered orders.
//!
//! Every line of a delivered order books one commission record: the platform keeps the
//! line's category commission rate (`categories.commission_rate`, 10 % when the product or
//! category is unknown) of the line price, the seller earns the rest. Each delivered order
//! is paid out [`PAYOUT_DELAY_DAYS`] days after the order date (one payment per order, by
//! bank transfer); payouts not due yet are not in the history. The records are computed
//! from the orders on every read, so an order delivered later shows up at once.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;

use super::Shared;
use super::http::{self, ApiError, ApiResult, Params};
use super::state::State as SandboxState;
use crate::model::{CommissionRecord, DeliveryStatus, Payment};

/// Days between an order and its payout.
pub(crate) const PAYOUT_DELAY_DAYS: i64 = 7;

/// Payment ids are the order id plus this.
const PAYMENT_ID_BASE: u64 = 800_000;

/// Commission rate when a line's category is unknown (percent).
const DEFAULT_RATE: i64 = 10;

type Extra = serde_json::Map<String, serde_json::Value>;

fn extra(pairs: &[(&str, serde_json::Value)]) -> Extra {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// The commission rate (percent) of a product's category.
fn rate(state: &SandboxState, product_id: Option<u64>) -> Decimal {
    product_id
        .and_then(|id| state.products.get(&id))
        .and_then(|p| p.product.category_id)
        .and_then(|c| state.categories.iter().find(|cat| cat.id == c))
        .and_then(|c| c.commission_rate)
        .unwrap_or_else(|| Decimal::from(DEFAULT_RATE))
}

/// One record per line of every delivered order, newest first.
pub(crate) fn commissions(state: &SandboxState) -> Vec<CommissionRecord> {
    let mut records: Vec<CommissionRecord> = state
        .orders
        .values()
        .filter(|o| o.delivery_status == Some(DeliveryStatus::Delivered))
        .flat_map(|order| {
            order.order_details.iter().filter_map(move |line| {
                let price = line.price?;
                let rate = rate(state, line.product_id);
                let commission = (price * rate / Decimal::from(100)).round_dp(2);
                Some(CommissionRecord {
                    id: line.id,
                    order_id: Some(order.id),
                    order_detail_id: line.id,
                    admin_commission: Some(commission),
                    seller_earning: Some(price - commission),
                    created_at: order.date,
                    extra: extra(&[
                        ("seller_id", super::seed::SELLER_ID.into()),
                        ("commission_rate", rate.to_string().into()),
                    ]),
                })
            })
        })
        .collect();
    records.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    records
}

/// One payout per delivered order that is due by `now`, newest first.
pub(crate) fn payments(state: &SandboxState, now: DateTime<Utc>) -> Vec<Payment> {
    let commissions = commissions(state);
    let mut payments: Vec<Payment> = state
        .orders
        .values()
        .filter(|o| o.delivery_status == Some(DeliveryStatus::Delivered))
        .filter_map(|order| {
            let paid_at = order.date? + TimeDelta::days(PAYOUT_DELAY_DAYS);
            if paid_at > now {
                return None;
            }
            let amount: Decimal = commissions
                .iter()
                .filter(|c| c.order_id == Some(order.id))
                .filter_map(|c| c.seller_earning)
                .sum();
            let code = order.code.clone().unwrap_or_else(|| order.id.to_string());
            Some(Payment {
                id: PAYMENT_ID_BASE + order.id,
                amount: Some(amount),
                payment_method: Some("bank_payment".into()),
                txn_code: Some(format!("GM-HKD-{code}")),
                created_at: Some(paid_at),
                extra: extra(&[
                    ("seller_id", super::seed::SELLER_ID.into()),
                    (
                        "payment_details",
                        format!("{code} numaralı sipariş hakedişi").into(),
                    ),
                ]),
            })
        })
        .collect();
    payments.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    payments
}

/// `GET payment-history`: paging; newest first.
pub(crate) async fn list_payments(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let items = payments(&shared.lock(), Utc::now());
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET payment-history/{id}`.
pub(crate) async fn get_payment(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = http::id(&id, "Ödeme")?;
    let payment = payments(&shared.lock(), Utc::now())
        .into_iter()
        .find(|p| p.id == id);
    http::ok(None, payment.ok_or_else(|| ApiError::not_found("Ödeme"))?)
}

/// `GET commission-history`: paging; newest first.
pub(crate) async fn list_commissions(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let items = commissions(&shared.lock());
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET commission-history/{id}`.
pub(crate) async fn get_commission(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = http::id(&id, "Komisyon kaydı")?;
    let record = commissions(&shared.lock())
        .into_iter()
        .find(|c| c.id == Some(id));
    http::ok(
        None,
        record.ok_or_else(|| ApiError::not_found("Komisyon kaydı"))?,
    )
}
