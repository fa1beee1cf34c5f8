//! Stock and price (reference §5): `updatePriceAndInventory`, directly or through the core
//! [`StockPriceCoalescer`].
//!
//! The write carries absolute values, so it is marked idempotent (re-sent after a 5xx or a
//! timeout) and shares the `inventory-write` rate-limit group. Trendyol rejects an
//! identical body sent again within 15 minutes; the coalescer never re-sends values that
//! were already accepted, which avoids that.

use std::collections::HashSet;

use marketplace_core::http::Request;
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::StockPrice;
use rust_decimal::Decimal;

use super::checks;
use super::products::ItemsBody;
use crate::model::inventory::{InventoryItem, MAX_ITEMS, MAX_QUANTITY};
use crate::model::product::BatchRequestId;
use crate::{Client, Error, Result};

/// Rate-limit group of stock & price writes (§1.5).
pub const INVENTORY_WRITE: &str = "inventory-write";

impl Client {
    /// Stock and price updates (§5).
    pub fn inventory(&self) -> Inventory<'_> {
        Inventory { client: self }
    }
}

/// The stock & price endpoint. Get one with [`Client::inventory`].
#[derive(Debug, Clone, Copy)]
pub struct Inventory<'a> {
    client: &'a Client,
}

/// What [`Inventory::push_coalesced`] did.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct PushReport {
    /// Batch ids of the accepted requests, in order; read them with
    /// [`Products::batch_result`](crate::api::Products::batch_result).
    pub batch_request_ids: Vec<String>,
    /// Items sent in accepted requests.
    pub sent_items: usize,
    /// Items of failed requests, given back to the coalescer to be sent next time.
    pub requeued_items: usize,
    /// Items Trendyol would refuse (e.g. stock over 20,000): not sent, not requeued, and
    /// forgotten by the coalescer; each with the check that failed.
    pub rejected: Vec<(StockPrice, Error)>,
    /// The error of each failed request.
    pub errors: Vec<Error>,
}

impl Inventory<'_> {
    /// `updatePriceAndInventory`: 1 to 1000 items, each with at least one value, stock
    /// ≤ 20,000, `listPrice` ≥ `salePrice`, no barcode twice. Asynchronous: the result
    /// (item statuses only, no batch status) comes from
    /// [`Products::batch_result`](crate::api::Products::batch_result).
    pub async fn update(&self, items: &[InventoryItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        let mut seen = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            validate(&format!("items[{i}]"), item)?;
            if !seen.insert(item.barcode.as_str()) {
                return Err(Error::invalid_input(
                    format!("items[{i}].barcode"),
                    format!("barcode {} appears more than once", item.barcode),
                ));
            }
        }
        let req =
            Request::post("/integration/inventory/sellers/{sellerId}/products/price-and-inventory")
                .path_param("sellerId", self.client.seller_id())
                .json(&ItemsBody { items })
                .idempotent(true)
                .rate_group(INVENTORY_WRITE);
        self.client.transport().execute(req).await
    }

    /// Send everything pending in `coalescer`, in requests of at most 1000 items.
    ///
    /// Each accepted chunk is reported back with `mark_sent`; a failed chunk is
    /// `requeue`d (sent again on the next call) and its error kept in the report; the
    /// other chunks are still sent. Items that break a documented rule are dropped from the
    /// coalescer and listed in [`PushReport::rejected`] so they cannot block the queue.
    pub async fn push_coalesced(&self, coalescer: &mut StockPriceCoalescer) -> PushReport {
        let mut report = PushReport::default();
        for chunk in coalescer.drain_chunks(MAX_ITEMS) {
            let mut valid = Vec::with_capacity(chunk.len());
            for update in chunk {
                let item = InventoryItem::from(&update);
                match validate("item", &item) {
                    Ok(()) => valid.push(update),
                    Err(err) => {
                        coalescer.forget(&update.sku);
                        report.rejected.push((update, err));
                    }
                }
            }
            if valid.is_empty() {
                continue;
            }
            let items: Vec<InventoryItem> = valid.iter().map(InventoryItem::from).collect();
            match self.update(&items).await {
                Ok(id) => {
                    coalescer.mark_sent(&valid);
                    report.sent_items += valid.len();
                    report.batch_request_ids.push(id.batch_request_id);
                }
                Err(err) => {
                    tracing::warn!(items = valid.len(), %err, "stock/price chunk failed; requeued");
                    report.requeued_items += valid.len();
                    coalescer.requeue(valid);
                    report.errors.push(err);
                }
            }
        }
        report
    }
}

pub(crate) fn validate(field: &str, item: &InventoryItem) -> Result<()> {
    let f = |name: &str| format!("{field}.{name}");
    checks::text(&f("barcode"), &item.barcode, 40)?;
    if item.quantity.is_none() && item.sale_price.is_none() && item.list_price.is_none() {
        return Err(Error::invalid_input(
            f("quantity"),
            "set at least one of quantity, salePrice, listPrice",
        ));
    }
    if let Some(q) = item.quantity {
        if q > MAX_QUANTITY {
            return Err(Error::invalid_input(
                f("quantity"),
                format!("at most {MAX_QUANTITY}, got {q}"),
            ));
        }
    }
    for (name, price) in [
        ("salePrice", item.sale_price),
        ("listPrice", item.list_price),
    ] {
        if price.is_some_and(|p| p <= Decimal::ZERO) {
            return Err(Error::invalid_input(f(name), "must be greater than 0"));
        }
    }
    if let (Some(sale), Some(list)) = (item.sale_price, item.list_price) {
        if list < sale {
            return Err(Error::invalid_input(
                f("listPrice"),
                "must be greater than or equal to salePrice",
            ));
        }
    }
    Ok(())
}
