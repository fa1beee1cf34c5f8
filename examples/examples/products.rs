//! Products (roadmap sprint 9) on Trendyol: look up the category tree, a leaf category's
//! attributes and a brand; create two products — one of them invalid (unknown brand,
//! non-leaf category) — and follow the batch until every item has an outcome; bulk-update
//! the new product's content; archive it.
//!
//! `cargo run --example products` — the built-in sandbox without credentials; with
//! `TRENDYOL_*` set it writes to that account only if `EXAMPLES_LIVE_WRITES=1`. The brand
//! looked up is `Ege Spor` (a sandbox brand), or the first argument.
#![allow(clippy::print_stdout)]

use examples::flows::{self, ProductsSummary};
use marketplace_core::model::BatchOutcome;

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    let trendyol = examples::trendyol().await?;
    flows::guard_live_writes(!trendyol.is_sandbox())?;
    let brand = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Ege Spor".to_owned());

    let summary = flows::products_flow(
        &trendyol.client,
        &brand,
        &flows::run_prefix(),
        &flows::poller(),
    )
    .await?;
    print(&summary);
    Ok(())
}

fn print(s: &ProductsSummary) {
    let l = &s.lookup;
    println!("\n== 1. Catalogue lookup");
    println!(
        "category tree: {} leaf categories; using {} (id {})",
        l.leaf_count, l.category_path, l.category_id
    );
    for (id, name, required, custom) in &l.attributes {
        println!(
            "  attribute {id:<5} {name:<12} {}{}",
            if *required { "required" } else { "optional" },
            if *custom { ", free text allowed" } else { "" }
        );
    }
    println!("brand {:?} → id {}", l.brand.name, l.brand.id);

    println!(
        "\n== 2. Create two products (the second has an unknown brand and a non-leaf category)"
    );
    outcome("create", &s.created);

    println!("\n== 3. Bulk content update (the new product + a content id that does not exist)");
    match (&s.content_id, &s.content_update) {
        (Some(id), Some(o)) => {
            println!("the new product's contentId is {id}");
            outcome("content update", o);
        }
        _ => println!("skipped: no product was created"),
    }

    println!("\n== 4. Archive the new product");
    match &s.archived {
        Some(o) => outcome("archive", o),
        None => println!("skipped: no product was created"),
    }
}

fn outcome(what: &str, o: &BatchOutcome) {
    println!(
        "{what} batch {} → {} ({} ok, {} failed)",
        o.handle.id,
        o.state,
        o.succeeded().count(),
        o.failed().count()
    );
    for item in &o.items {
        if item.succeeded {
            println!("  ✔ {}", item.key);
        } else {
            println!("  ✘ {}: {}", item.key, item.messages.join(" | "));
        }
    }
}
