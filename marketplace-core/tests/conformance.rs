//! The conformance suite run against an in-memory reference marketplace. This proves the
//! scenarios themselves (they pass for a correct implementation and catch broken ones),
//! and shows how a marketplace crate wires its own implementation and far side.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::stream::{BoxStream, StreamExt};
use marketplace_core::conformance::{self, FarSide};
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::*;
use marketplace_core::paging::{
    Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, windowed,
};
use marketplace_core::traits::{Capabilities, MarketplaceIdentity};
use marketplace_core::{
    ClaimApi, Marketplace, MarketplaceId, OrderApi, ProductApi, QuestionApi, Result,
};
use rust_decimal::Decimal;

#[derive(Default)]
struct State {
    orders: BTreeMap<String, (DateTime<Utc>, OrderStatus)>,
    writes: usize,
    stock: HashMap<String, Vec<StockPrice>>,
    batches: HashMap<String, (u32, Vec<ItemOutcome>)>,
    claims: HashMap<String, ClaimStatus>,
    questions: HashMap<String, Option<String>>,
    next_id: u64,
}

impl State {
    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}-{}", self.next_id)
    }
}

/// The reference marketplace and its far side share the state.
#[derive(Clone, Default)]
struct Reference {
    state: Arc<Mutex<State>>,
    /// Break one behaviour to prove the suite notices.
    sabotage: Option<&'static str>,
}

impl Reference {
    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        f(&mut self.state.lock().unwrap())
    }

    fn order_of(&self, id: &str) -> Result<Order> {
        self.with(|s| {
            let (created, status) = s
                .orders
                .get(id)
                .cloned()
                .ok_or_else(|| marketplace_core::Error::invalid_input("id", "no such order"))?;
            let mut order = Order::new(MarketplaceId::Other("reference".into()), id, id, status);
            order.created_at = Some(created);
            Ok(order)
        })
    }
}

impl MarketplaceIdentity for Reference {
    fn id(&self) -> MarketplaceId {
        MarketplaceId::Other("reference".into())
    }
}

#[async_trait]
impl OrderApi for Reference {
    fn orders(&self, query: &OrderQuery) -> BoxStream<'_, Result<Order>> {
        let range = TimeWindow::new(query.start.unwrap(), query.end.unwrap());
        // Like Trendyol: at most 2 weeks per query, 10 per page, inclusive bounds.
        let options = WindowOptions::new(TimeDelta::days(14)).paging(PagingOptions::default());
        let stream = windowed(range, options, move |w, page| {
            let this = self.clone();
            async move {
                let ids: Vec<String> = this.with(|s| {
                    s.orders
                        .iter()
                        .filter(|(_, (t, _))| *t >= w.start && *t <= w.end)
                        .map(|(id, _)| id.clone())
                        .collect()
                });
                let total = ids.len();
                let items: Vec<Order> = ids
                    .iter()
                    .skip(page as usize * 10)
                    .take(10)
                    .map(|id| this.order_of(id))
                    .collect::<Result<_>>()?;
                Ok(Page::new(items).total_pages(u32::try_from(total.div_ceil(10)).unwrap()))
            }
        });
        if self.sabotage == Some("duplicates") {
            stream.boxed()
        } else {
            dedup_by_key(stream, |o: &Order| o.id.clone()).boxed()
        }
    }

    async fn order(&self, id: &str) -> Result<Order> {
        self.order_of(id)
    }

    async fn send_order_status(&self, order: &Order, to: OrderStatus, _: StatusMove) -> Result<()> {
        self.with(|s| {
            s.writes += 1;
            if let Some(entry) = s.orders.get_mut(&order.id) {
                entry.1 = to;
            }
        });
        Ok(())
    }
}

#[async_trait]
impl ProductApi for Reference {
    async fn push_drafts(&self, drafts: &[ProductDraft]) -> Result<BatchHandle> {
        let items = drafts
            .iter()
            .map(|d| match d.category_id.as_deref() {
                Some("unknown") => ItemOutcome::failure(d.sku.clone(), ["category not found"]),
                _ => ItemOutcome::success(d.sku.clone()),
            })
            .collect();
        let id = self.with(|s| {
            s.writes += 1;
            let id = s.id("batch");
            s.batches.insert(id.clone(), (2, items));
            id
        });
        Ok(BatchHandle::new(self.id(), id, BatchKind::ProductCreate))
    }

    async fn batch_outcome(&self, handle: &BatchHandle) -> Result<BatchOutcome> {
        self.with(|s| {
            let (polls_left, items) = s.batches.get_mut(&handle.id).unwrap();
            let mut outcome = BatchOutcome::completed_now(handle.clone(), items.clone());
            if *polls_left > 0 {
                *polls_left -= 1;
                outcome.state = BatchState::InProgress;
                outcome.items.clear();
            }
            Ok(outcome)
        })
    }

    async fn update_stock_prices(&self, updates: &[StockPrice]) -> Result<Vec<BatchHandle>> {
        let chunks = if self.sabotage == Some("no-coalescing") {
            updates.chunks(1000).map(<[StockPrice]>::to_vec).collect()
        } else {
            let mut coalescer = StockPriceCoalescer::new();
            coalescer.extend(updates.iter().cloned());
            coalescer.drain_chunks(1000)
        };
        let mut handles = Vec::new();
        for chunk in chunks {
            let id = self.with(|s| {
                s.writes += 1;
                for item in &chunk {
                    s.stock
                        .entry(item.sku.clone())
                        .or_default()
                        .push(item.clone());
                }
                let id = s.id("stock");
                let items = chunk
                    .iter()
                    .map(|i| ItemOutcome::success(i.sku.clone()))
                    .collect();
                s.batches.insert(id.clone(), (0, items));
                id
            });
            handles.push(BatchHandle::new(self.id(), id, BatchKind::StockPrice));
        }
        Ok(handles)
    }
}

#[async_trait]
impl ClaimApi for Reference {
    async fn claim(&self, id: &str) -> Result<Claim> {
        let status = self.with(|s| s.claims.get(id).cloned()).unwrap();
        Ok(Claim::new(self.id(), id, "order-1", status))
    }

    async fn send_claim_approval(&self, claim: &Claim, _: &[String]) -> Result<()> {
        self.with(|s| {
            s.writes += 1;
            s.claims.insert(claim.id.clone(), ClaimStatus::Accepted);
        });
        Ok(())
    }

    async fn send_claim_rejection(
        &self,
        claim: &Claim,
        _: &[String],
        _: &ClaimRejection,
    ) -> Result<()> {
        self.with(|s| {
            s.writes += 1;
            s.claims.insert(claim.id.clone(), ClaimStatus::Rejected);
        });
        Ok(())
    }
}

#[async_trait]
impl QuestionApi for Reference {
    async fn question(&self, id: &str) -> Result<Question> {
        let answered = self
            .with(|s| s.questions.get(id).cloned())
            .unwrap()
            .is_some();
        let status = if answered {
            QuestionStatus::Answered
        } else {
            QuestionStatus::WaitingForAnswer
        };
        Ok(Question::new(self.id(), id, "Pamuklu mu?", status))
    }

    async fn send_answer(&self, question: &Question, text: &str) -> Result<()> {
        self.with(|s| {
            s.writes += 1;
            s.questions
                .insert(question.id.clone(), Some(text.to_owned()));
        });
        Ok(())
    }
}

impl Marketplace for Reference {
    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }
}

#[async_trait]
impl FarSide for Reference {
    async fn seed_orders(&self, window: TimeWindow, count: usize) -> Result<Vec<String>> {
        let step = window.span() / i32::try_from(count).unwrap();
        Ok(self.with(|s| {
            (0..count)
                .map(|i| {
                    let id = s.id("order");
                    // Spread over the window, one exactly on a 14-day boundary.
                    let at = if i == 0 {
                        window.start + TimeDelta::days(14)
                    } else {
                        window.start + step * i32::try_from(i).unwrap()
                    };
                    s.orders.insert(id.clone(), (at, OrderStatus::Created));
                    id
                })
                .collect()
        }))
    }

    async fn seed_order(&self, status: OrderStatus) -> Result<String> {
        Ok(self.with(|s| {
            let id = s.id("order");
            s.orders
                .insert(id.clone(), (Utc::now() - TimeDelta::days(400), status));
            id
        }))
    }

    async fn order_status(&self, id: &str) -> Result<OrderStatus> {
        Ok(self.with(|s| s.orders[id].1.clone()))
    }

    fn forward_move(&self) -> (OrderStatus, OrderStatus, StatusMove) {
        (
            OrderStatus::Created,
            OrderStatus::Picking,
            StatusMove::new(),
        )
    }

    fn illegal_move(&self) -> (OrderStatus, OrderStatus) {
        (OrderStatus::Delivered, OrderStatus::Picking)
    }

    async fn writes_received(&self) -> usize {
        self.with(|s| s.writes)
    }

    fn valid_draft(&self) -> ProductDraft {
        let mut d = ProductDraft::new(
            "CONF-OK-1",
            "Pamuklu Tişört",
            Money::try_lira(Decimal::new(24990, 2)),
        );
        d.category_id = Some("411".into());
        d
    }

    fn invalid_draft(&self) -> ProductDraft {
        let mut d = ProductDraft::new(
            "CONF-BAD-1",
            "Kategorisiz",
            Money::try_lira(Decimal::new(100, 0)),
        );
        d.category_id = Some("unknown".into());
        d
    }

    async fn stock_items_received(&self, sku: &str) -> Vec<StockPrice> {
        self.with(|s| s.stock.get(sku).cloned().unwrap_or_default())
    }

    async fn seed_pending_claim(&self) -> Result<String> {
        Ok(self.with(|s| {
            let id = s.id("claim");
            s.claims.insert(id.clone(), ClaimStatus::WaitingInAction);
            id
        }))
    }

    async fn claim_status(&self, id: &str) -> Result<ClaimStatus> {
        Ok(self.with(|s| s.claims[id].clone()))
    }

    fn rejection(&self) -> ClaimRejection {
        ClaimRejection::new("Ürün kullanılmış olarak geldi").reason_code("1651")
    }

    async fn seed_waiting_question(&self) -> Result<String> {
        Ok(self.with(|s| {
            let id = s.id("question");
            s.questions.insert(id.clone(), None);
            id
        }))
    }

    async fn question_answer(&self, id: &str) -> Result<Option<String>> {
        Ok(self.with(|s| s.questions[id].clone()))
    }
}

#[tokio::test]
async fn a_correct_implementation_passes_every_scenario() {
    let reference = Reference::default();
    let reports = conformance::run_all(&reference, &reference).await;
    assert_eq!(reports.len(), 7);
    let failures: Vec<_> = reports.iter().filter(|r| r.result.is_err()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn duplicated_orders_across_windows_are_caught() {
    let broken = Reference {
        sabotage: Some("duplicates"),
        ..Reference::default()
    };
    let result = conformance::orders_in_window_exactly_once(&broken, &broken).await;
    let failure = result.unwrap_err();
    assert!(failure.0.contains("more than once"), "{failure}");
}

#[tokio::test]
async fn missing_coalescing_is_caught() {
    let broken = Reference {
        sabotage: Some("no-coalescing"),
        ..Reference::default()
    };
    let failure = conformance::stock_updates_are_coalesced(&broken, &broken)
        .await
        .unwrap_err();
    assert!(failure.0.contains("10 items sent"), "{failure}");
}
