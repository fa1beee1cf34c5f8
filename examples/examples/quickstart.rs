//! Quickstart: the last 7 days of orders from Trendyol, Pazarama and Giyim Moda through
//! one unified loop over `Vec<Box<dyn Marketplace>>`, printed as one table.
//!
//! `cargo run --example quickstart` — uses real credentials from the environment when
//! present (see `examples/src/lib.rs`), otherwise each marketplace's built-in sandbox.
#![allow(clippy::print_stdout)]

use futures::TryStreamExt;
use marketplace_core::model::{Order, OrderQuery};
use marketplace_core::paging::TimeWindow;

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    let marketplaces = examples::marketplaces().await?;
    let window = TimeWindow::last_days(7);
    let query = OrderQuery::window(window.start, window.end);

    println!(
        "\n{:<10} {:<38} {:<18} {:<12} {:>12}  created (UTC)",
        "market", "order id", "number", "status", "total"
    );
    println!("{}", "-".repeat(110));
    let mut grand_total = 0usize;
    for marketplace in &marketplaces.all {
        let orders: Vec<Order> = marketplace.orders(&query).try_collect().await?;
        for order in &orders {
            println!("{}", row(order));
        }
        println!(
            "{:<10} {} orders in the last 7 days",
            marketplace.id(),
            orders.len()
        );
        grand_total += orders.len();
    }
    println!("{}", "-".repeat(110));
    println!(
        "{grand_total} orders across {} marketplaces",
        marketplaces.all.len()
    );
    Ok(())
}

fn row(order: &Order) -> String {
    let total = order.total.as_ref().map_or_else(
        || "-".to_owned(),
        |m| format!("{} {}", m.amount, m.currency),
    );
    let created = order.created_at.map_or_else(
        || "-".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M").to_string(),
    );
    format!(
        "{:<10} {:<38} {:<18} {:<12} {:>12}  {}",
        order.marketplace.as_str(),
        truncate(&order.id, 38),
        truncate(&order.number, 18),
        order.status.as_str(),
        total,
        created
    )
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}
