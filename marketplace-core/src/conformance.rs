//! A conformance suite for [`Marketplace`] implementations (feature `conformance`).
//!
//! Each scenario drives a `&dyn Marketplace` through the unified API and checks the
//! outcome on the *far side* — the marketplace's HTTP API as a wiremock fixture or a
//! sandbox — through the [`FarSide`] trait, which each marketplace crate implements for
//! its own test double. Scenarios return a [`Failure`] naming what went wrong instead of
//! panicking, so a test can run them all and report every failure at once:
//!
//! ```no_run
//! # async fn demo(m: &dyn marketplace_core::Marketplace, far: &dyn marketplace_core::conformance::FarSide) {
//! let reports = marketplace_core::conformance::run_all(m, far).await;
//! let failures: Vec<_> = reports.iter().filter(|r| r.result.is_err()).collect();
//! assert!(failures.is_empty(), "{failures:#?}");
//! # }
//! ```
//!
//! What the scenarios assert (the unified behaviour every marketplace must show):
//!
//! | scenario | behaviour |
//! |---|---|
//! | [`orders_in_window_exactly_once`] | a 40-day window (past Trendyol's 2-week and Pazarama's 1-month caps) yields every seeded order exactly once |
//! | [`order_moves_forward`] | a legal status move reaches the marketplace and shows on the next read |
//! | [`illegal_move_is_refused_before_sending`] | an illegal move is `InvalidTransition` and no request is sent |
//! | [`drafts_report_per_item_outcomes`] | pushing a valid and an invalid draft gives a batch whose outcome names the success and the failure |
//! | [`stock_updates_are_coalesced`] | ten updates of one SKU put one item on the wire, with the last values |
//! | [`claims_are_approved_and_rejected`] | one claim approved, another rejected with a reason; both show their new status |
//! | [`waiting_question_is_answered`] | an answer to a waiting question reaches the marketplace |

use std::collections::HashMap;
use std::fmt;

use async_trait::async_trait;
use futures::TryStreamExt;
use rust_decimal::Decimal;

use crate::batch::BatchPoller;
use crate::error::{Error, Result};
use crate::model::{
    ClaimRejection, ClaimStatus, OrderQuery, OrderStatus, ProductDraft, StatusMove, StockPrice,
};
use crate::paging::TimeWindow;
use crate::traits::Marketplace;

/// The far side of a [`Marketplace`]: seeds data and reports what reached it.
#[async_trait]
pub trait FarSide: Send + Sync {
    /// Hold `count` orders created inside `window`, spread across it; return the ids the
    /// unified [`Order::id`](crate::model::Order::id) will carry.
    async fn seed_orders(&self, window: TimeWindow, count: usize) -> Result<Vec<String>>;
    /// Hold one order in `status`; return its id.
    async fn seed_order(&self, status: OrderStatus) -> Result<String>;
    /// The order's current status as the marketplace sees it.
    async fn order_status(&self, id: &str) -> Result<OrderStatus>;
    /// A legal seller move for this marketplace: `(from, to, details)`.
    fn forward_move(&self) -> (OrderStatus, OrderStatus, StatusMove);
    /// An illegal move: `(from, to)`.
    fn illegal_move(&self) -> (OrderStatus, OrderStatus);
    /// Number of write requests (anything but reads) received so far.
    async fn writes_received(&self) -> usize;
    /// A draft the marketplace accepts.
    fn valid_draft(&self) -> ProductDraft;
    /// A draft the marketplace rejects per item (e.g. unknown category or brand).
    fn invalid_draft(&self) -> ProductDraft;
    /// The stock/price items received for `sku` so far, in arrival order.
    async fn stock_items_received(&self, sku: &str) -> Vec<StockPrice>;
    /// Hold one claim awaiting the seller's decision; return its id.
    async fn seed_pending_claim(&self) -> Result<String>;
    /// The claim's current status as the marketplace sees it.
    async fn claim_status(&self, id: &str) -> Result<ClaimStatus>;
    /// A rejection the marketplace accepts (reason code from its vocabulary + text).
    fn rejection(&self) -> ClaimRejection;
    /// Hold one question waiting for an answer; return its id.
    async fn seed_waiting_question(&self) -> Result<String>;
    /// The answer the marketplace holds for the question, if any.
    async fn question_answer(&self, id: &str) -> Result<Option<String>>;
}

/// Why a scenario failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure(format!("unexpected error: {e}"))
    }
}

/// What one scenario returns.
pub type Outcome = std::result::Result<(), Failure>;

fn check(condition: bool, message: impl FnOnce() -> String) -> Outcome {
    if condition {
        Ok(())
    } else {
        Err(Failure(message()))
    }
}

/// Every seeded order in a 40-day window, each exactly once.
pub async fn orders_in_window_exactly_once(m: &dyn Marketplace, far: &dyn FarSide) -> Outcome {
    let window = TimeWindow::last_days(40);
    let seeded = far.seed_orders(window, 57).await?;
    let ids: Vec<String> = m
        .orders(&OrderQuery::window(window.start, window.end))
        .map_ok(|order| order.id)
        .try_collect()
        .await?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in &ids {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    let repeated: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    check(repeated.is_empty(), || {
        format!("orders yielded more than once: {repeated:?}")
    })?;
    let missing: Vec<_> = seeded
        .iter()
        .filter(|id| !counts.contains_key(id.as_str()))
        .collect();
    check(missing.is_empty(), || {
        format!("seeded orders not yielded: {missing:?}")
    })
}

/// A legal move reaches the marketplace and shows on the next read.
pub async fn order_moves_forward(m: &dyn Marketplace, far: &dyn FarSide) -> Outcome {
    let (from, to, details) = far.forward_move();
    let id = far.seed_order(from).await?;
    let order = m.order(&id).await?;
    m.move_order(&order, to.clone(), details).await?;
    let seen = far.order_status(&id).await?;
    check(seen == to, || {
        format!("marketplace shows {seen} after moving to {to}")
    })?;
    let reread = m.order(&id).await?;
    check(reread.status == to, || {
        format!("client reads {} after moving to {to}", reread.status)
    })
}

/// An illegal move is refused with `InvalidTransition` and nothing is sent.
pub async fn illegal_move_is_refused_before_sending(
    m: &dyn Marketplace,
    far: &dyn FarSide,
) -> Outcome {
    let (from, to) = far.illegal_move();
    let id = far.seed_order(from).await?;
    let order = m.order(&id).await?;
    let before = far.writes_received().await;
    match m.move_order(&order, to.clone(), StatusMove::new()).await {
        Err(Error::InvalidTransition { .. }) => {}
        other => {
            return Err(Failure(format!(
                "moving to {to}: expected InvalidTransition, got {other:?}"
            )));
        }
    }
    let after = far.writes_received().await;
    check(after == before, || {
        format!("{} write(s) sent for a refused move", after - before)
    })
}

/// Pushing a valid and an invalid draft yields a batch whose outcome names both.
pub async fn drafts_report_per_item_outcomes(m: &dyn Marketplace, far: &dyn FarSide) -> Outcome {
    let (good, bad) = (far.valid_draft(), far.invalid_draft());
    let handle = m.push_drafts(&[good.clone(), bad.clone()]).await?;
    let poller = BatchPoller::new()
        .initial_interval(std::time::Duration::from_millis(20))
        .deadline(std::time::Duration::from_secs(20));
    let outcome = m.wait_batch(&handle, &poller).await?;
    check(outcome.is_terminal(), || {
        format!("batch not terminal: {:?}", outcome.state)
    })?;
    let succeeded = outcome.succeeded().any(|i| i.key == good.sku);
    check(succeeded, || {
        format!(
            "valid draft {} not reported as succeeded: {outcome:?}",
            good.sku
        )
    })?;
    let failed = outcome.failed().find(|i| i.key == bad.sku);
    check(failed.is_some_and(|i| !i.messages.is_empty()), || {
        format!(
            "invalid draft {} not reported as failed with a reason: {outcome:?}",
            bad.sku
        )
    })
}

/// Ten updates of one SKU put one item on the wire, carrying the last values.
pub async fn stock_updates_are_coalesced(m: &dyn Marketplace, far: &dyn FarSide) -> Outcome {
    let sku = far.valid_draft().sku;
    let updates: Vec<StockPrice> = (1..=10u32)
        .map(|i| {
            StockPrice::new(sku.clone())
                .quantity(i)
                .sale_price(Decimal::new(1000 + i64::from(i), 1))
        })
        .collect();
    let handles = m.update_stock_prices(&updates).await?;
    let poller = BatchPoller::new()
        .initial_interval(std::time::Duration::from_millis(20))
        .deadline(std::time::Duration::from_secs(20));
    for handle in &handles {
        m.wait_batch(handle, &poller).await?;
    }
    let received = far.stock_items_received(&sku).await;
    check(received.len() == 1, || {
        format!("{} items sent for {sku}, expected 1", received.len())
    })?;
    let item = &received[0];
    check(item.quantity == Some(10), || {
        format!("sent quantity {:?}, expected the last (10)", item.quantity)
    })?;
    check(item.sale_price == Some(Decimal::new(1010, 1)), || {
        format!(
            "sent price {:?}, expected the last (101.0)",
            item.sale_price
        )
    })
}

/// One claim approved and another rejected with a reason; both show the new status.
pub async fn claims_are_approved_and_rejected(m: &dyn Marketplace, far: &dyn FarSide) -> Outcome {
    let approve_id = far.seed_pending_claim().await?;
    let reject_id = far.seed_pending_claim().await?;
    let to_approve = m.claim(&approve_id).await?;
    m.approve_claim(&to_approve, &[]).await?;
    let to_reject = m.claim(&reject_id).await?;
    m.reject_claim(&to_reject, &[], &far.rejection()).await?;
    let approved = far.claim_status(&approve_id).await?;
    check(approved == ClaimStatus::Accepted, || {
        format!("approved claim shows {approved}")
    })?;
    let rejected = far.claim_status(&reject_id).await?;
    check(rejected == ClaimStatus::Rejected, || {
        format!("rejected claim shows {rejected}")
    })?;
    // Deciding again is a typed error before anything is sent.
    let before = far.writes_received().await;
    let again = m.approve_claim(&m.claim(&reject_id).await?, &[]).await;
    check(
        matches!(again, Err(Error::InvalidTransition { .. })),
        || format!("approving a rejected claim gave {again:?}"),
    )?;
    let after = far.writes_received().await;
    check(after == before, || {
        "a write was sent for a refused claim decision".to_owned()
    })
}

/// An answer to a waiting question reaches the marketplace.
pub async fn waiting_question_is_answered(m: &dyn Marketplace, far: &dyn FarSide) -> Outcome {
    let id = far.seed_waiting_question().await?;
    let question = m.question(&id).await?;
    let text = "Merhaba, ürünümüz pamukludur ve 2 iş günü içinde kargoya verilir.";
    m.answer_question(&question, text).await?;
    let stored = far.question_answer(&id).await?;
    check(stored.as_deref() == Some(text), || {
        format!("marketplace holds answer {stored:?}")
    })
}

/// One scenario's name and result.
#[derive(Debug)]
pub struct Report {
    /// Scenario name.
    pub name: &'static str,
    /// What it found.
    pub result: Outcome,
}

/// Run every scenario (in a fixed order) and report each result.
pub async fn run_all(m: &dyn Marketplace, far: &dyn FarSide) -> Vec<Report> {
    let mut reports = Vec::new();
    macro_rules! run {
        ($($scenario:ident),+) => {$(
            reports.push(Report { name: stringify!($scenario), result: $scenario(m, far).await });
        )+};
    }
    run!(
        orders_in_window_exactly_once,
        order_moves_forward,
        illegal_move_is_refused_before_sending,
        drafts_report_per_item_outcomes,
        stock_updates_are_coalesced,
        claims_are_approved_and_rejected,
        waiting_question_is_answered
    );
    reports
}
