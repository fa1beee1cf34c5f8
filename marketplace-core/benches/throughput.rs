//! Throughput of the hot paths a large sync exercises, as a plain bench binary:
//! `cargo bench -p marketplace-core --bench throughput`.
//!
//! Targets (checked here, not in unit tests — machines are noisy): decoding a page of 200
//! order-like records with lenient decimals/dates/ids ≥ 20 MB/s; coalescing 100,000 stock
//! updates into chunks < 200 ms; streaming 50,000 items through `paginate` < 100 ms.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::cast_possible_truncation,
    clippy::needless_pass_by_value
)]

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use marketplace_core::codec::{self, Id};
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::StockPrice;
use marketplace_core::paging::{Page, PagingOptions, paginate};
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Line {
    line_id: Id,
    barcode: String,
    quantity: u32,
    #[serde(with = "codec::decimal")]
    line_unit_price: Decimal,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Package {
    shipment_package_id: Id,
    order_number: String,
    #[serde(with = "codec::datetime")]
    order_date: DateTime<Utc>,
    #[serde(with = "codec::decimal")]
    package_gross_amount: Decimal,
    cargo_tracking_number: Id,
    status: String,
    lines: Vec<Line>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct OrdersPage {
    content: Vec<Package>,
    #[serde(rename = "totalPages")]
    total_pages: u32,
}

fn orders_page(n: usize) -> Vec<u8> {
    let packages: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "shipmentPackageId": 3_000_000_000u64 + i as u64,
                "orderNumber": format!("10{i:08}"),
                "orderDate": 1_720_107_451_532u64 + i as u64,
                "packageGrossAmount": "1249.90",
                "cargoTrackingNumber": 7_260_001_151_141_191u64,
                "status": "Created",
                "customerFirstName": "Ayşe",
                "lines": (0..3).map(|j| serde_json::json!({
                    "lineId": i * 10 + j, "barcode": format!("869{i:010}{j}"),
                    "quantity": 1 + j, "lineUnitPrice": 416.63, "productName": "Tişört"
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({"content": packages, "totalPages": 50})).unwrap()
}

fn report(name: &str, elapsed: Duration, detail: String) {
    println!(
        "{name:<28} {:>10.2} ms   {detail}",
        elapsed.as_secs_f64() * 1000.0
    );
}

fn bench_decode() {
    let body = orders_page(200);
    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        let page: OrdersPage = codec::decode(&body).unwrap();
        assert_eq!(page.content.len(), 200);
    }
    let elapsed = start.elapsed();
    let mb = (body.len() * rounds) as f64 / 1e6;
    report(
        "decode 200-package page",
        elapsed / rounds as u32,
        format!(
            "{:.1} MB/s ({} bytes/page)",
            mb / elapsed.as_secs_f64(),
            body.len()
        ),
    );
}

fn bench_decode_with_drift_report() {
    // What `Transport::execute` does in the default `DriftMode::Warn`.
    let body = orders_page(200);
    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        let page = codec::decode_report::<OrdersPage>(&body).unwrap();
        assert_eq!(page.value.content.len(), 200);
        assert_eq!(page.ignored.len(), 800); // customerFirstName + 3 × productName per package
    }
    let elapsed = start.elapsed();
    let mb = (body.len() * rounds) as f64 / 1e6;
    report(
        "decode + drift report",
        elapsed / rounds as u32,
        format!("{:.1} MB/s", mb / elapsed.as_secs_f64()),
    );
}

fn bench_coalesce() {
    let start = Instant::now();
    let mut c = StockPriceCoalescer::new();
    for i in 0..100_000u32 {
        c.push(StockPrice::new(format!("SKU-{}", i % 20_000)).quantity(i));
    }
    let chunks = c.drain_chunks(1000);
    let items: usize = chunks.iter().map(Vec::len).sum();
    report(
        "coalesce 100k updates",
        start.elapsed(),
        format!("{items} items in {} chunks", chunks.len()),
    );
}

async fn bench_paging() {
    let start = Instant::now();
    let fetch = |n: u32| async move {
        Ok(Page::new((n * 500..n * 500 + 500).collect::<Vec<u32>>()).total_pages(100))
    };
    let items: Vec<u32> = paginate(PagingOptions::default().concurrency(8), fetch)
        .try_collect()
        .await
        .unwrap();
    report(
        "paginate 50k items",
        start.elapsed(),
        format!("{} items", items.len()),
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    bench_decode();
    bench_decode_with_drift_report();
    bench_coalesce();
    bench_paging().await;
}
