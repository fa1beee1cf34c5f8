//! Coalescing of stock and price updates before they hit the wire.
//!
//! Stock and price writes are the most frequent thing a seller's system sends, and the
//! marketplaces limit them (Trendyol: at most 1000 items per request, batch-processed).
//! [`StockPriceCoalescer`] sits between "something changed" and "push to the marketplace":
//!
//! - **last write wins per SKU, field by field**: ten updates of one SKU become one item;
//!   an update that sets only the quantity keeps an earlier pending price;
//! - **unchanged values are not re-sent**: a field equal to the last value sent (or being
//!   sent) for that SKU is dropped, and an item with nothing left is dropped; prices compare
//!   by value (`10.0 == 10.00`);
//! - **chunking** to the marketplace's maximum items per request;
//! - **no lost updates**: draining does not count as sent. After a push, report the chunk
//!   back with [`StockPriceCoalescer::mark_sent`] (success) or
//!   [`StockPriceCoalescer::requeue`] (failure: its values go back into the queue unless a
//!   newer value for the same field arrived meanwhile). Until then the chunk's SKUs are
//!   *in flight*: newer updates for them are collected but not drained, so one SKU never
//!   has two writes racing on the wire.
//!
//! The coalescer is a plain data structure (`&mut self`, no I/O, no clock); share it
//! between tasks behind a `Mutex`, and do not hold that lock across the push.
//!
//! # Example
//!
//! ```
//! use marketplace_core::inventory::StockPriceCoalescer;
//! use marketplace_core::model::StockPrice;
//! use rust_decimal::Decimal;
//!
//! let mut coalescer = StockPriceCoalescer::new();
//! for quantity in 1..=10 {
//!     coalescer.push(StockPrice::new("8680000000001").quantity(quantity));
//! }
//! coalescer.push(StockPrice::new("8680000000001").sale_price(Decimal::new(19990, 2)));
//! for i in 0..2_500 {
//!     coalescer.push(StockPrice::new(format!("SKU-{i}")).quantity(5));
//! }
//!
//! let chunks = coalescer.drain_chunks(1000); // Trendyol's limit per request
//! assert_eq!(chunks.iter().map(Vec::len).collect::<Vec<_>>(), [1000, 1000, 501]);
//! assert_eq!(
//!     chunks[0][0],
//!     StockPrice::new("8680000000001").quantity(10).sale_price(Decimal::new(19990, 2)),
//! );
//!
//! for chunk in chunks {
//!     // match client.inventory().update(&chunk).await { … }
//!     let pushed_ok = true;
//!     if pushed_ok {
//!         coalescer.mark_sent(&chunk);
//!     } else {
//!         coalescer.requeue(chunk);
//!     }
//! }
//!
//! // Re-stating known values sends nothing.
//! coalescer.push(StockPrice::new("SKU-7").quantity(5));
//! assert!(coalescer.drain_chunks(1000).is_empty());
//! assert_eq!(coalescer.stats().requested, 2_512);
//! assert_eq!(coalescer.stats().drained, 2_501);
//! ```

use std::collections::{HashMap, VecDeque};

use rust_decimal::Decimal;

use crate::model::StockPrice;

/// Collects [`StockPrice`] updates, merges them per SKU, drops what the marketplace already
/// has, and hands them out in chunks. See the [module docs](self).
///
/// Memory: besides what is pending, the coalescer remembers the last values sent for every
/// SKU it has seen (a few dozen bytes each, i.e. proportional to the catalogue). Use
/// [`StockPriceCoalescer::forget`] for SKUs that no longer exist.
#[derive(Debug, Clone, Default)]
pub struct StockPriceCoalescer {
    skus: HashMap<String, SkuState>,
    /// SKUs with pending values, in the order they first became pending (FIFO fairness).
    /// May contain SKUs whose pending values were since cancelled out; draining skips them.
    queue: VecDeque<String>,
    stats: CoalescerStats,
}

/// Counters of a [`StockPriceCoalescer`], since it was created.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CoalescerStats {
    /// Updates given to [`StockPriceCoalescer::push`].
    pub requested: u64,
    /// Items handed out by [`StockPriceCoalescer::drain_chunk`] / `drain_chunks`
    /// (`requested - drained` is roughly what coalescing saved, minus what is still pending).
    pub drained: u64,
    /// Items reported with [`StockPriceCoalescer::mark_sent`].
    pub sent: u64,
    /// Items given back with [`StockPriceCoalescer::requeue`].
    pub requeued: u64,
}

/// The three optional values of a [`StockPrice`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Fields {
    quantity: Option<u32>,
    sale_price: Option<Decimal>,
    list_price: Option<Decimal>,
}

impl Fields {
    fn of(update: &StockPrice) -> Self {
        Fields {
            quantity: update.quantity,
            sale_price: update.sale_price,
            list_price: update.list_price,
        }
    }

    fn is_empty(&self) -> bool {
        self.quantity.is_none() && self.sale_price.is_none() && self.list_price.is_none()
    }

    fn to_update(self, sku: String) -> StockPrice {
        StockPrice {
            sku,
            quantity: self.quantity,
            sale_price: self.sale_price,
            list_price: self.list_price,
        }
    }
}

/// What the coalescer knows about one SKU.
#[derive(Debug, Clone, Default)]
struct SkuState {
    /// Values waiting to be drained.
    pending: Fields,
    /// Values drained and not yet reported back (mark_sent / requeue).
    in_flight: Fields,
    /// Last values confirmed sent. `None`: unknown.
    sent: Fields,
    /// Whether the SKU is in the queue.
    queued: bool,
}

/// Drop `pending` if it equals the value the marketplace has or is about to have.
fn drop_if_unchanged<T: PartialEq + Copy>(
    pending: &mut Option<T>,
    in_flight: Option<T>,
    sent: Option<T>,
) {
    if pending.is_some() && *pending == in_flight.or(sent) {
        *pending = None;
    }
}

impl SkuState {
    fn drop_unchanged(&mut self) {
        let (p, f, s) = (&mut self.pending, self.in_flight, self.sent);
        drop_if_unchanged(&mut p.quantity, f.quantity, s.quantity);
        drop_if_unchanged(&mut p.sale_price, f.sale_price, s.sale_price);
        drop_if_unchanged(&mut p.list_price, f.list_price, s.list_price);
    }
}

impl StockPriceCoalescer {
    /// An empty coalescer that knows nothing about what the marketplace has.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add an update. Fields set in `update` replace pending values for its SKU; fields
    /// left `None` keep them. A field equal to the value last sent (or in flight) for the
    /// SKU is dropped, and so is a pending value that the update sets back to it.
    pub fn push(&mut self, update: StockPrice) {
        self.stats.requested += 1;
        let new = Fields::of(&update);
        let state = self.skus.entry(update.sku.clone()).or_default();
        let pending = &mut state.pending;
        pending.quantity = new.quantity.or(pending.quantity);
        pending.sale_price = new.sale_price.or(pending.sale_price);
        pending.list_price = new.list_price.or(pending.list_price);
        state.drop_unchanged();
        if !state.pending.is_empty() && !state.queued {
            state.queued = true;
            self.queue.push_back(update.sku);
        }
    }

    /// Take up to `max_items` pending items (at least one per call if any is ready; a
    /// `max_items` of 0 is treated as 1), oldest first. Each returned SKU is *in flight*
    /// until reported with [`mark_sent`](Self::mark_sent) or [`requeue`](Self::requeue);
    /// in-flight SKUs are skipped, keeping their place in the queue.
    pub fn drain_chunk(&mut self, max_items: usize) -> Vec<StockPrice> {
        let max_items = max_items.max(1);
        let mut chunk = Vec::new();
        let mut held = Vec::new();
        while chunk.len() < max_items {
            let Some(sku) = self.queue.pop_front() else {
                break;
            };
            let Some(state) = self.skus.get_mut(&sku) else {
                continue;
            };
            if !state.in_flight.is_empty() {
                held.push(sku);
                continue;
            }
            state.queued = false;
            state.drop_unchanged();
            if state.pending.is_empty() {
                continue;
            }
            state.in_flight = std::mem::take(&mut state.pending);
            chunk.push(state.in_flight.to_update(sku));
        }
        for sku in held.into_iter().rev() {
            self.queue.push_front(sku);
        }
        self.stats.drained += chunk.len() as u64;
        chunk
    }

    /// Drain everything ready, in chunks of at most `max_items` (the marketplace's limit
    /// per request; 0 is treated as 1). See [`drain_chunk`](Self::drain_chunk).
    pub fn drain_chunks(&mut self, max_items: usize) -> Vec<Vec<StockPrice>> {
        let mut chunks = Vec::new();
        loop {
            let chunk = self.drain_chunk(max_items);
            if chunk.is_empty() {
                return chunks;
            }
            chunks.push(chunk);
        }
    }

    /// Report items as accepted by the marketplace: their values become the "last sent"
    /// values that later updates are compared with, and their SKUs are no longer in flight.
    ///
    /// Also usable to seed the coalescer with values known to be on the marketplace
    /// (e.g. after a full sync), so that re-stating them sends nothing.
    pub fn mark_sent(&mut self, items: &[StockPrice]) {
        for item in items {
            self.stats.sent += 1;
            let state = self.skus.entry(item.sku.clone()).or_default();
            let new = Fields::of(item);
            state.sent.quantity = new.quantity.or(state.sent.quantity);
            state.sent.sale_price = new.sale_price.or(state.sent.sale_price);
            state.sent.list_price = new.list_price.or(state.sent.list_price);
            state.in_flight = Fields::default();
        }
    }

    /// Give back items whose push failed. Their SKUs are no longer in flight; each value
    /// goes back into the queue (at the front, unless the SKU is already queued with newer
    /// values, in which case it keeps its place) unless a newer value for the same field was
    /// pushed meanwhile. Since a failed request may still have been applied, the last-sent
    /// values of those fields are treated as unknown, so the value is re-sent even if a
    /// later update repeats an older one.
    pub fn requeue(&mut self, items: impl IntoIterator<Item = StockPrice>) {
        let items: Vec<StockPrice> = items.into_iter().collect();
        for item in items.into_iter().rev() {
            self.stats.requeued += 1;
            let failed = Fields::of(&item);
            let state = self.skus.entry(item.sku.clone()).or_default();
            state.in_flight = Fields::default();
            let (pending, sent) = (&mut state.pending, &mut state.sent);
            if failed.quantity.is_some() {
                sent.quantity = None;
                pending.quantity = pending.quantity.or(failed.quantity);
            }
            if failed.sale_price.is_some() {
                sent.sale_price = None;
                pending.sale_price = pending.sale_price.or(failed.sale_price);
            }
            if failed.list_price.is_some() {
                sent.list_price = None;
                pending.list_price = pending.list_price.or(failed.list_price);
            }
            if !state.pending.is_empty() && !state.queued {
                state.queued = true;
                self.queue.push_front(item.sku);
            }
        }
    }

    /// Requeue everything in flight, as if every outstanding push had failed. For recovery
    /// when a push task was cancelled or panicked before reporting back. Returns how many
    /// items were requeued.
    pub fn requeue_in_flight(&mut self) -> usize {
        let items: Vec<StockPrice> = self
            .skus
            .iter()
            .filter(|(_, s)| !s.in_flight.is_empty())
            .map(|(sku, s)| s.in_flight.to_update(sku.clone()))
            .collect();
        let n = items.len();
        self.requeue(items);
        n
    }

    /// Forget everything about `sku`: pending and in-flight values and what was sent.
    pub fn forget(&mut self, sku: &str) {
        self.skus.remove(sku);
        // Its queue entry, if any, is skipped by `drain_chunk`.
    }

    /// The values last confirmed sent for `sku` (fields never sent are `None`).
    pub fn last_sent(&self, sku: &str) -> Option<StockPrice> {
        let state = self.skus.get(sku)?;
        (!state.sent.is_empty()).then(|| state.sent.to_update(sku.to_owned()))
    }

    /// How many SKUs have values waiting (including in-flight SKUs with newer values).
    /// O(SKUs known).
    pub fn pending_len(&self) -> usize {
        self.skus.values().filter(|s| !s.pending.is_empty()).count()
    }

    /// How many SKUs are in flight (drained, not yet reported back). O(SKUs known).
    pub fn in_flight_len(&self) -> usize {
        self.skus
            .values()
            .filter(|s| !s.in_flight.is_empty())
            .count()
    }

    /// Whether nothing is waiting to be drained or reported back.
    pub fn is_idle(&self) -> bool {
        self.skus
            .values()
            .all(|s| s.pending.is_empty() && s.in_flight.is_empty())
    }

    /// The counters.
    pub fn stats(&self) -> CoalescerStats {
        self.stats
    }
}

impl Extend<StockPrice> for StockPriceCoalescer {
    fn extend<I: IntoIterator<Item = StockPrice>>(&mut self, updates: I) {
        for update in updates {
            self.push(update);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn skus(chunk: &[StockPrice]) -> Vec<&str> {
        chunk.iter().map(|i| i.sku.as_str()).collect()
    }

    #[test]
    fn ten_updates_to_one_sku_become_one_item_with_the_last_values() {
        let mut c = StockPriceCoalescer::new();
        for i in 1..=10u32 {
            c.push(
                StockPrice::new("A")
                    .quantity(i)
                    .sale_price(Decimal::from(100 + i)),
            );
        }
        let chunks = c.drain_chunks(1000);
        assert_eq!(
            chunks,
            vec![vec![
                StockPrice::new("A")
                    .quantity(10)
                    .sale_price(Decimal::from(110))
            ]]
        );
        assert_eq!(c.stats().requested, 10);
        assert_eq!(c.stats().drained, 1);
    }

    #[test]
    fn unchanged_values_after_send_are_not_resent() {
        let mut c = StockPriceCoalescer::new();
        let item = StockPrice::new("A").quantity(5).sale_price(d("10.50"));
        c.push(item.clone());
        let chunk = c.drain_chunk(10);
        c.mark_sent(&chunk);
        assert_eq!(c.last_sent("A"), Some(item.clone()));

        c.push(item);
        c.push(StockPrice::new("A").quantity(5));
        assert!(c.drain_chunks(10).is_empty());
        assert!(c.is_idle());

        // Only the changed field goes out.
        c.push(StockPrice::new("A").quantity(5).sale_price(d("11")));
        assert_eq!(
            c.drain_chunks(10),
            vec![vec![StockPrice::new("A").sale_price(d("11"))]]
        );
    }

    #[test]
    fn setting_a_value_back_to_what_was_sent_cancels_the_pending_change() {
        let mut c = StockPriceCoalescer::new();
        c.mark_sent(&[StockPrice::new("A").quantity(3)]);
        c.push(StockPrice::new("A").quantity(5));
        c.push(StockPrice::new("A").quantity(3));
        assert_eq!(c.pending_len(), 0);
        assert!(c.drain_chunks(10).is_empty());
    }

    #[test]
    fn distinct_skus_are_chunked_to_the_limit_in_arrival_order() {
        let mut c = StockPriceCoalescer::new();
        c.extend((0..2500).map(|i| StockPrice::new(format!("SKU-{i}")).quantity(1)));
        let chunks = c.drain_chunks(1000);
        assert_eq!(
            chunks.iter().map(Vec::len).collect::<Vec<_>>(),
            [1000, 1000, 500]
        );
        assert_eq!(chunks[0][0].sku, "SKU-0");
        assert_eq!(chunks[2][499].sku, "SKU-2499");
        assert_eq!(c.stats().drained, 2500);
        assert_eq!(c.in_flight_len(), 2500);
        assert!(c.drain_chunks(1000).is_empty());
        // A limit of 0 still makes progress.
        let mut c = StockPriceCoalescer::new();
        c.push(StockPrice::new("A").quantity(1));
        assert_eq!(c.drain_chunks(0).len(), 1);
    }

    #[test]
    fn field_wise_merge_keeps_earlier_pending_price() {
        let mut c = StockPriceCoalescer::new();
        c.push(
            StockPrice::new("A")
                .sale_price(d("99.90"))
                .list_price(d("120")),
        );
        c.push(StockPrice::new("A").quantity(7));
        c.push(StockPrice::new("A").list_price(d("130")));
        assert_eq!(
            c.drain_chunk(10),
            vec![
                StockPrice::new("A")
                    .quantity(7)
                    .sale_price(d("99.90"))
                    .list_price(d("130"))
            ]
        );
    }

    #[test]
    fn requeue_after_failure_resends_and_newer_values_win() {
        let mut c = StockPriceCoalescer::new();
        c.push(StockPrice::new("A").quantity(5).sale_price(d("10")));
        c.push(StockPrice::new("B").quantity(1));
        let chunk = c.drain_chunk(10);
        assert_eq!(skus(&chunk), ["A", "B"]);

        // While in flight, a newer quantity for A arrives; it is held, not drained.
        c.push(StockPrice::new("A").quantity(6));
        assert!(c.drain_chunk(10).is_empty());

        // The push fails.
        c.requeue(chunk);
        assert_eq!(c.stats().requeued, 2);
        let mut retry = c.drain_chunk(10);
        retry.sort_by(|a, b| a.sku.cmp(&b.sku));
        assert_eq!(
            retry,
            vec![
                StockPrice::new("A").quantity(6).sale_price(d("10")),
                StockPrice::new("B").quantity(1),
            ]
        );
        c.mark_sent(&retry);
        assert!(c.is_idle());
        assert_eq!(
            c.last_sent("A"),
            Some(StockPrice::new("A").quantity(6).sale_price(d("10")))
        );
    }

    #[test]
    fn requeued_items_go_before_newer_skus() {
        let mut c = StockPriceCoalescer::new();
        c.push(StockPrice::new("A").quantity(1));
        c.push(StockPrice::new("B").quantity(1));
        let chunk = c.drain_chunk(10);
        c.push(StockPrice::new("C").quantity(1));
        c.requeue(chunk);
        assert_eq!(skus(&c.drain_chunk(10)), ["A", "B", "C"]);
    }

    #[test]
    fn failed_push_makes_last_sent_unknown() {
        // Sent 3; 5 in flight fails (it may have been applied). Going back to 3 must be sent.
        let mut c = StockPriceCoalescer::new();
        c.mark_sent(&[StockPrice::new("A").quantity(3)]);
        c.push(StockPrice::new("A").quantity(5));
        let chunk = c.drain_chunk(10);
        c.requeue(chunk);
        c.push(StockPrice::new("A").quantity(3));
        assert_eq!(c.drain_chunk(10), vec![StockPrice::new("A").quantity(3)]);
    }

    #[test]
    fn update_back_to_old_value_while_in_flight_is_not_lost() {
        // Sent 3, 5 in flight, then the seller sets 3 again: 3 must follow once 5 lands.
        let mut c = StockPriceCoalescer::new();
        c.mark_sent(&[StockPrice::new("A").quantity(3)]);
        c.push(StockPrice::new("A").quantity(5));
        let chunk = c.drain_chunk(10);
        c.push(StockPrice::new("A").quantity(3));
        assert!(c.drain_chunk(10).is_empty(), "held while in flight");
        c.mark_sent(&chunk);
        assert_eq!(c.drain_chunk(10), vec![StockPrice::new("A").quantity(3)]);
    }

    #[test]
    fn same_value_as_in_flight_is_not_duplicated() {
        let mut c = StockPriceCoalescer::new();
        c.push(StockPrice::new("A").quantity(5));
        let chunk = c.drain_chunk(10);
        c.push(StockPrice::new("A").quantity(5));
        c.mark_sent(&chunk);
        assert!(c.drain_chunks(10).is_empty());
    }

    #[test]
    fn requeue_in_flight_recovers_unreported_chunks() {
        let mut c = StockPriceCoalescer::new();
        c.extend((0..5).map(|i| StockPrice::new(format!("S{i}")).quantity(i)));
        let lost = c.drain_chunk(3);
        assert_eq!(lost.len(), 3);
        assert_eq!(c.requeue_in_flight(), 3);
        assert_eq!(c.in_flight_len(), 0);
        let all: Vec<StockPrice> = c.drain_chunks(10).concat();
        assert_eq!(all.len(), 5);
    }

    #[test]
    fn prices_compare_by_decimal_value() {
        let mut c = StockPriceCoalescer::new();
        c.push(
            StockPrice::new("A")
                .sale_price(d("10.0"))
                .list_price(d("12.5")),
        );
        let chunk = c.drain_chunk(10);
        c.mark_sent(&chunk);
        c.push(
            StockPrice::new("A")
                .sale_price(d("10.00"))
                .list_price(d("12.50")),
        );
        assert!(c.drain_chunks(10).is_empty());
        c.push(StockPrice::new("A").sale_price(d("10.01")));
        assert_eq!(
            c.drain_chunk(10),
            vec![StockPrice::new("A").sale_price(d("10.01"))]
        );
    }

    #[test]
    fn forget_drops_all_knowledge_of_a_sku() {
        let mut c = StockPriceCoalescer::new();
        c.mark_sent(&[StockPrice::new("A").quantity(1)]);
        c.push(StockPrice::new("B").quantity(1));
        c.forget("A");
        c.forget("B");
        assert_eq!(c.last_sent("A"), None);
        assert!(c.drain_chunks(10).is_empty());
        c.push(StockPrice::new("A").quantity(1));
        assert_eq!(c.drain_chunk(10).len(), 1);
    }

    static_assertions::assert_impl_all!(StockPriceCoalescer: Send, Sync, Clone, std::fmt::Debug, Default);
}
