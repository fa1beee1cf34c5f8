//! Getting started, fully offline: the two things every seller integration does first.
//!
//! 1. Receive a marketplace webhook: verify its signature over the raw body, refuse a
//!    tampered copy, and accept a re-delivery of the same event only once.
//! 2. Push stock: 10 rapid updates of one SKU plus 2,500 other SKUs become one item for
//!    that SKU and chunks no larger than the marketplace accepts (Trendyol: 1,000).
//!
//! Run it with `cargo run --example getting_started`. No account, no network.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::StockPrice;
use marketplace_core::webhook::{InMemoryDeduplicator, Verifier, body_digest_key};
use rust_decimal::Decimal;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    webhooks().await?;
    stock()?;
    println!("\nAll good.");
    Ok(())
}

async fn webhooks() -> Result<(), Box<dyn std::error::Error>> {
    println!("== 1. Verifying webhook deliveries (Giyim Moda style, HMAC-SHA256) ==");
    let verifier = Verifier::hmac_sha256("whsec_demo_secret");
    let seen = InMemoryDeduplicator::new(Duration::from_secs(24 * 3600), 100_000);

    let body = br#"{"event":"order.created","data":{"order_id":1001,"total":"249.90"}}"#;
    // What the marketplace would send: the body and an X-Webhook-Signature header.
    let headers = verifier.delivery_headers(body)?;
    let key = body_digest_key(body);

    match verifier
        .verify_and_dedupe(&headers, body, &key, &seen)
        .await
    {
        Ok(()) => println!("delivery #1: signature valid, new event -> queue 'sync order 1001'"),
        Err(e) => println!("delivery #1: rejected ({e})"),
    }
    match verifier
        .verify_and_dedupe(&headers, body, &key, &seen)
        .await
    {
        Ok(()) => println!("delivery #2: processed again (this should not happen)"),
        Err(e) => println!(
            "delivery #2: {e} -> answer HTTP {} so the marketplace stops re-sending",
            e.status_code().as_u16()
        ),
    }
    let tampered = br#"{"event":"order.created","data":{"order_id":1001,"total":"0.01"}}"#;
    match verifier.verify(&headers, tampered) {
        Ok(()) => println!("tampered body: accepted (this should not happen)"),
        Err(e) => println!(
            "tampered body: rejected ({e}) -> HTTP {}",
            e.status_code().as_u16()
        ),
    }
    Ok(())
}

fn stock() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== 2. Coalescing stock/price updates before they hit the wire ==");
    let mut coalescer = StockPriceCoalescer::new();
    let mut requested = 0;
    for i in 0..10u32 {
        coalescer.push(
            StockPrice::new("TSHIRT-RED-M")
                .quantity(50 - i)
                .sale_price(Decimal::new(24990, 2)),
        );
        requested += 1;
    }
    for n in 0..2_500u32 {
        coalescer.push(StockPrice::new(format!("SKU-{n:05}")).quantity(n % 40));
        requested += 1;
    }
    let chunks = coalescer.drain_chunks(1_000);
    let sent: usize = chunks.iter().map(Vec::len).sum();
    println!("updates requested: {requested}");
    println!(
        "items to send:     {sent} in {} chunks of {:?}",
        chunks.len(),
        chunks.iter().map(Vec::len).collect::<Vec<_>>()
    );
    let red = chunks
        .iter()
        .flatten()
        .find(|u| u.sku == "TSHIRT-RED-M")
        .expect("the coalesced item");
    println!(
        "TSHIRT-RED-M goes out once: quantity {:?}, price {:?} (the last write wins)",
        red.quantity, red.sale_price
    );
    // Pretend every chunk was accepted, then repeat the same values: nothing to send.
    for chunk in &chunks {
        coalescer.mark_sent(chunk);
    }
    coalescer.push(StockPrice::new("TSHIRT-RED-M").quantity(41));
    println!(
        "same value again after a successful push -> {} items to send",
        coalescer
            .drain_chunks(1_000)
            .iter()
            .map(Vec::len)
            .sum::<usize>()
    );
    Ok(())
}
