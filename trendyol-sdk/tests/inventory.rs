//! Stock & price (§5) over wiremock: body, idempotent retry, checks, coalesced pushes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::StockPrice;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use trendyol_sdk::model::inventory::InventoryItem;
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ROUTE: &str = "/integration/inventory/sellers/777/products/price-and-inventory";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn field_of(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn items_in(request: &Request) -> Vec<Value> {
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    body["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn update_sends_the_documented_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .and(body_json(json!({"items": [
            {"barcode": "8680000000", "quantity": 100, "salePrice": 112.85, "listPrice": 113.85},
            {"barcode": "8680000001", "quantity": 0}
        ]})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"batchRequestId": "fa75dfd5-6ce6-4730-a09e-97563500000-1529854840"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let id = client(&server)
        .inventory()
        .update(&[
            InventoryItem::new("8680000000")
                .quantity(100)
                .sale_price(Decimal::new(11285, 2))
                .list_price(Decimal::new(11385, 2)),
            InventoryItem::new("8680000001").quantity(0),
        ])
        .await
        .unwrap();
    assert_eq!(
        id.batch_request_id,
        "fa75dfd5-6ce6-4730-a09e-97563500000-1529854840"
    );
}

#[tokio::test]
async fn update_is_idempotent_and_retried_after_a_5xx() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"batchRequestId": "r-2"})))
        .expect(1)
        .mount(&server)
        .await;
    let id = client(&server)
        .inventory()
        .update(&[InventoryItem::new("A").quantity(1)])
        .await
        .unwrap();
    assert_eq!(id.batch_request_id, "r-2");
}

#[tokio::test]
async fn update_checks_rules_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    let inv = client.inventory();
    assert_eq!(field_of(&inv.update(&[]).await.unwrap_err()), "items");
    let many: Vec<_> = (0..1001)
        .map(|i| InventoryItem::new(format!("B{i}")).quantity(1))
        .collect();
    assert_eq!(field_of(&inv.update(&many).await.unwrap_err()), "items");
    let cases = [
        (
            InventoryItem::new("A").quantity(20_001),
            "items[0].quantity",
        ),
        (InventoryItem::new("A"), "items[0].quantity"),
        (InventoryItem::new("").quantity(1), "items[0].barcode"),
        (
            InventoryItem::new("A").sale_price(Decimal::ZERO),
            "items[0].salePrice",
        ),
        (
            InventoryItem::new("A")
                .sale_price(Decimal::from(10))
                .list_price(Decimal::from(9)),
            "items[0].listPrice",
        ),
    ];
    for (item, field) in cases {
        assert_eq!(field_of(&inv.update(&[item]).await.unwrap_err()), field);
    }
    let dup = [
        InventoryItem::new("A").quantity(1),
        InventoryItem::new("A").quantity(2),
    ];
    assert_eq!(
        field_of(&inv.update(&dup).await.unwrap_err()),
        "items[1].barcode"
    );
    // The largest allowed values pass the checks (and reach no mock: expect(0) above
    // would fail the test if anything had been sent for the bad cases).
}

fn fill(coalescer: &mut StockPriceCoalescer) {
    for q in 1..=10 {
        coalescer.push(StockPrice::new("HOT-1").quantity(q));
    }
    for i in 0..1500 {
        coalescer.push(StockPrice::new(format!("SKU-{i:04}")).quantity(5));
    }
}

#[tokio::test]
async fn push_coalesced_sends_1501_items_in_two_requests() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"batchRequestId": "ok"})))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    let mut coalescer = StockPriceCoalescer::new();
    fill(&mut coalescer);
    let report = client.inventory().push_coalesced(&mut coalescer).await;
    assert_eq!(report.batch_request_ids, ["ok", "ok"]);
    assert_eq!(report.sent_items, 1501);
    assert!(report.errors.is_empty() && report.rejected.is_empty());

    let requests = server.received_requests().await.unwrap();
    let sizes: Vec<_> = requests.iter().map(|r| items_in(r).len()).collect();
    assert_eq!(sizes, [1000, 501]);
    let hot: Vec<_> = requests
        .iter()
        .flat_map(items_in)
        .filter(|i| i["barcode"] == "HOT-1")
        .collect();
    assert_eq!(
        hot,
        [json!({"barcode": "HOT-1", "quantity": 10})],
        "ten updates → one item"
    );
    assert!(coalescer.is_idle());

    // Re-stating what Trendyol already has sends nothing (no identical request within 15 min).
    coalescer.push(StockPrice::new("HOT-1").quantity(10));
    let report = client.inventory().push_coalesced(&mut coalescer).await;
    assert!(report.batch_request_ids.is_empty());
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_failed_chunk_is_requeued_and_sent_next_time() {
    let server = MockServer::start().await;
    // The second chunk (501 items) fails with 500 on every attempt.
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .and(|r: &Request| items_in(r).len() == 501)
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(4)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"batchRequestId": "ok"})))
        .mount(&server)
        .await;
    let client = client(&server);
    let mut coalescer = StockPriceCoalescer::new();
    fill(&mut coalescer);
    let report = client.inventory().push_coalesced(&mut coalescer).await;
    assert_eq!(report.batch_request_ids, ["ok"]);
    assert_eq!(report.sent_items, 1000);
    assert_eq!(report.requeued_items, 501);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].status(), Some(500));
    assert_eq!(
        coalescer.pending_len(),
        501,
        "the failed chunk is back in the queue"
    );
    assert_eq!(coalescer.in_flight_len(), 0);

    // Next push sends exactly the requeued items.
    let report = client.inventory().push_coalesced(&mut coalescer).await;
    assert_eq!(report.batch_request_ids, ["ok"]);
    assert_eq!(report.sent_items, 501);
    assert!(coalescer.is_idle());
}

#[tokio::test]
async fn push_coalesced_drops_items_trendyol_would_refuse() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .and(body_json(
            json!({"items": [{"barcode": "OK", "quantity": 3}]}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"batchRequestId": "b"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let mut coalescer = StockPriceCoalescer::new();
    coalescer.push(StockPrice::new("OK").quantity(3));
    coalescer.push(StockPrice::new("TOO-MANY").quantity(25_000));
    let report = client.inventory().push_coalesced(&mut coalescer).await;
    assert_eq!(report.sent_items, 1);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].0.sku, "TOO-MANY");
    assert_eq!(field_of(&report.rejected[0].1), "item.quantity");
    assert!(
        coalescer.is_idle(),
        "a refused item does not block the queue"
    );
}
