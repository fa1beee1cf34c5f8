//! Finance report (roadmap sprint 14): the last 30 days of Trendyol settlements and other
//! financials, Pazarama payment agreements and Giyim Moda commission/payment history,
//! summed per marketplace as "what I sold / what was deducted / what was paid", printed
//! as a table and drawn as an SVG bar chart.
//!
//! `cargo run --example finance_report` — each marketplace from its environment
//! credentials or its built-in sandbox (see `examples/src/lib.rs`). The chart goes to
//! `$PAZARYERI_OUT` (default `./pazaryeri-out/`), created if missing. How each
//! marketplace's records are read is in `examples/src/finance.rs`.
#![allow(clippy::print_stdout)]

use examples::BoxError;
use examples::documents::{LocalStorage, Storage};
use examples::finance;
use marketplace_core::paging::TimeWindow;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let window = TimeWindow::last_days(30);
    let trendyol = examples::trendyol().await?;
    let pazarama = examples::pazarama().await?;
    let giyimmoda = examples::giyimmoda().await?;
    println!(
        "\nFinance from {} to {} (UTC)\n",
        window.start.format("%Y-%m-%d %H:%M"),
        window.end.format("%Y-%m-%d %H:%M")
    );

    let summaries = vec![
        finance::trendyol(&trendyol.client, window).await?,
        finance::pazarama(&pazarama.client, window).await?,
        finance::giyimmoda(&giyimmoda.client, window).await?,
    ];
    print!("{}", finance::table(&summaries));

    let title = format!(
        "Sold / deducted / paid, {} to {}",
        window.start.format("%Y-%m-%d"),
        window.end.format("%Y-%m-%d")
    );
    let svg = finance::svg_chart(&summaries, &title);
    let storage = LocalStorage::from_env();
    let path = storage.put("finance-report.svg", svg.as_bytes())?;
    println!("\nwrote {path} (open it in a browser)");
    Ok(())
}
