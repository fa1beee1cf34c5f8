//! Inventory (roadmap sprint 10): a busy minute of stock changes — one SKU updated ten
//! times, a thousand other SKUs once each — coalesced so each SKU goes out once with its
//! last value, pushed in chunks of the marketplace's maximum, and every batch followed to
//! its per-item outcome. The roadmap's acceptance check: the same SKU updated 10 times is
//! idempotent (one item on the wire).
//!
//! Trendyol goes through its typed `inventory().push_coalesced`; Pazarama and Giyim Moda
//! through the unified `ProductApi::update_stock_prices`. One barcode that is not in the
//! catalogue is included on purpose: it comes back as a failed item. (Pazarama takes stock
//! and prices on separate endpoints, so an item with both is in two requests.)
//!
//! `cargo run --example inventory_sync` — sandboxes without credentials (the Trendyol
//! sandbox first gets 999 extra products through createProducts so there are 1,000 SKUs to
//! update); real accounts only with `EXAMPLES_LIVE_WRITES=1`.
#![allow(clippy::print_stdout)]

use examples::flows::{self, InventorySummary};
use marketplace_core::Marketplace;

const UNKNOWN_BARCODE: &str = "8680009999999";

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    let trendyol = examples::trendyol().await?;
    let pazarama = examples::pazarama().await?;
    let giyimmoda = examples::giyimmoda().await?;
    flows::guard_live_writes(
        !trendyol.is_sandbox() || !pazarama.is_sandbox() || !giyimmoda.is_sandbox(),
    )?;
    let poller = flows::poller();

    println!("\n== Trendyol: typed push_coalesced, 1,000 items per request");
    if trendyol.is_sandbox() {
        let seeded = flows::seed_trendyol_skus(&trendyol.client, 999, &poller).await?;
        println!(
            "(sandbox: created {} products to have 1,000 SKUs)",
            seeded.len()
        );
    }
    let mut barcodes = flows::trendyol_barcodes(&trendyol.client, 1_000).await?;
    let hot = barcodes.remove(0);
    barcodes.push(UNKNOWN_BARCODE.to_owned());
    let updates = flows::busy_minute(&hot, &barcodes);
    let summary = flows::trendyol_inventory_sync(&trendyol.client, &updates, &hot, &poller).await?;
    print(&summary, &hot);

    let unified: [(&dyn Marketplace, &str); 2] = [
        (&pazarama.client, "Pazarama"),
        (&giyimmoda.client, "Giyim Moda"),
    ];
    for (marketplace, name) in unified {
        println!("\n== {name}: unified update_stock_prices");
        let mut skus = flows::unified_skus(marketplace, 1_000).await?;
        if skus.is_empty() {
            println!("no products, nothing to sync");
            continue;
        }
        let hot = skus.remove(0);
        skus.push(UNKNOWN_BARCODE.to_owned());
        let updates = flows::busy_minute(&hot, &skus);
        let summary = flows::unified_inventory_sync(marketplace, &updates, &hot, &poller).await?;
        print(&summary, &hot);
    }
    Ok(())
}

fn print(s: &InventorySummary, hot: &str) {
    println!(
        "requested {} updates → sent {} items in {} request{}",
        thousands(s.requested),
        thousands(s.sent_items as u64),
        s.requests,
        if s.requests == 1 { "" } else { "s" }
    );
    if let Some(sent) = &s.hot_sku_sent {
        println!(
            "  {hot}: 10 updates → 1 item (quantity {}, sale price {})",
            sent.quantity.map_or_else(|| "-".into(), |q| q.to_string()),
            sent.sale_price
                .map_or_else(|| "-".into(), |p| p.to_string()),
        );
    }
    println!(
        "  batch outcomes: {} item results ok, {} failed",
        thousands(s.succeeded() as u64),
        s.failed().len()
    );
    for item in s.failed() {
        println!("  ✘ {}: {}", item.key, item.messages.join(" | "));
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
