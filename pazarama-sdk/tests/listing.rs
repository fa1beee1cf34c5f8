//! Price/stock v2 updates and their listing-state results against a mock Pazarama.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{api_requests, client, json, ok};
use futures::TryStreamExt;
use pazarama_sdk::Error;
use pazarama_sdk::model::{
    ListingOperationStatus, ListingStateQuery, PriceItem, PriceUpdateRequest, StockItem,
    StockUpdateRequest,
};
use rust_decimal::Decimal;
use serde_json::json;
use uuid::{Uuid, uuid};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SUMMARY_BATCH: Uuid = uuid!("d600b662-eca2-46bc-a411-be268263ae20");
const B: Uuid = uuid!("b0000000-0000-4000-8000-00000000000b");
const B1: Uuid = uuid!("b0000000-0000-4000-8000-000000000001");
const ID2: Uuid = uuid!("1d000000-0000-4000-8000-000000000002");

fn invalid_field(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn update_prices_sends_the_documented_sample_and_returns_the_batch_id() {
    // The document's sample, trailing spaces in the barcodes included.
    let sample = include_str!("fixtures/listing/price_update_request.json");
    let request: PriceUpdateRequest = serde_json::from_str(sample).unwrap();
    assert_eq!(request.items[1].sale_price, Decimal::new(103_761, 2));
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/updatePrice-v2"))
        .and(header("authorization", "Bearer tok"))
        .and(header("content-type", "application/json"))
        .respond_with(json(include_str!(
            "fixtures/listing/price_update_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let id = client(&server)
        .await
        .products()
        .update_prices(&request)
        .await
        .unwrap();
    assert_eq!(id, uuid!("b14a42a6-9311-4d79-bcf6-346df5f39294"));
    let sent = api_requests(&server).await;
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(
        body,
        json!({"items": [
            {"code": "ESSN218 ", "listPrice": 15000, "salePrice": 15000},
            {"code": "8683670274616 ", "listPrice": 1037.61, "salePrice": 1037.61}
        ]})
    );
}

#[tokio::test]
async fn update_stock_sends_the_documented_sample_and_returns_the_batch_id() {
    let sample = include_str!("fixtures/listing/stock_update_request.json");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/updateStock-v2"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(
            serde_json::from_str::<serde_json::Value>(sample).unwrap(),
        ))
        .respond_with(json(include_str!(
            "fixtures/listing/stock_update_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let request = StockUpdateRequest::new([
        StockItem::new("5707055046711 ", 1),
        StockItem::new("8683670279192 ", 1),
    ]);
    let id = client(&server)
        .await
        .products()
        .update_stock(&request)
        .await
        .unwrap();
    assert_eq!(id, uuid!("7e618393-2fe4-459d-acf7-eb38bb1d72ce"));
}

#[tokio::test]
async fn stock_update_is_retried_after_a_5xx_because_it_is_idempotent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/updateStock-v2"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/product/updateStock-v2"))
        .respond_with(ok(json!(format!("{ID2} "))))
        .expect(1)
        .mount(&server)
        .await;
    let id = client(&server)
        .await
        .products()
        .update_stock(&StockUpdateRequest::new([StockItem::new("A", 3)]))
        .await
        .unwrap();
    assert_eq!(id, ID2);
}

#[tokio::test]
async fn price_and_stock_updates_are_checked_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server).await;
    let products = client.products();
    let err = products
        .update_prices(&PriceUpdateRequest::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "items");
    let err = products
        .update_prices(&PriceUpdateRequest::new([
            PriceItem::new("A", Decimal::ONE, Decimal::ONE),
            PriceItem::new("B", Decimal::ONE, Decimal::new(-5, 1)),
        ]))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "items[1].salePrice");
    let err = products
        .update_prices(&PriceUpdateRequest::new([PriceItem::new(
            "x".repeat(101),
            Decimal::ONE,
            Decimal::ONE,
        )]))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "items[0].code");
    let err = products
        .update_stock(&StockUpdateRequest::new([StockItem::new("", 1)]))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "items[0].code");
    let err = products
        .update_stock(&StockUpdateRequest::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "items");
    let err = products
        .listing_states(Uuid::nil(), &ListingStateQuery::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "batchId");
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn listing_states_decode_the_paged_sample_with_per_code_price_outcomes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/listing-state/batch-id/7e618393-2fe4-459d-acf7-eb38bb1d72ce/lake-projections",
        ))
        .and(query_param("page", "1"))
        .and(query_param("pageSize", "3000"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!(
            "fixtures/listing/listing_state_page.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .await
        .products()
        .listing_states(
            uuid!("7e618393-2fe4-459d-acf7-eb38bb1d72ce"),
            &ListingStateQuery::default(),
        )
        .await
        .unwrap();
    assert_eq!(page.page_index, Some(1));
    assert_eq!(page.total_pages, Some(1));
    assert_eq!(page.has_next_page, Some(true));
    assert_eq!(page.items.len(), 2);
    let first = &page.items[0];
    assert_eq!(first.code, "ESSN218");
    assert_eq!(
        first.id,
        Some(uuid!("be2f4b41-049c-4386-a8db-a37affaf0d33"))
    );
    assert_eq!(
        first.seller_id,
        Some(uuid!("ef9bf337-83bb-4617-ef46-08d97204cc6d"))
    );
    assert_eq!(
        first.batch_id,
        Some(uuid!("c9db0524-3302-4c54-82b9-01a4442faadb"))
    );
    assert_eq!(
        first.ref_id,
        Some(uuid!("6f1f7782-991e-4bdc-91ad-7ebaf45698a1"))
    );
    let price = first.price.as_ref().unwrap();
    assert_eq!(price.status, ListingOperationStatus::NotCompleted);
    assert_eq!(price.operation_detail.as_deref(), Some("Ürün bulunamadı"));
    assert_eq!(price.sale_price, Some(Decimal::new(15000, 0)));
    assert_eq!(first.stock, None);
    assert!(!first.succeeded());
    assert!(first.is_terminal());
    assert_eq!(first.messages(), ["Ürün bulunamadı"]);
    assert_eq!(
        first.operation_status_text.as_deref(),
        Some("Tamamlanamadı")
    );
}

#[tokio::test]
async fn listing_states_decode_the_summary_sample_with_stock_outcomes_and_counters() {
    // The document's second sample lost its opening lines in the PDF; the list is assumed
    // to be `data.data` (see the fixture).
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/listing-state/batch-id/{SUMMARY_BATCH}/lake-projections"
        )))
        .respond_with(json(include_str!(
            "fixtures/listing/listing_state_summary.json"
        )))
        .mount(&server)
        .await;
    let page = client(&server)
        .await
        .products()
        .listing_states(SUMMARY_BATCH, &ListingStateQuery::default())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.success_count, Some(1));
    assert_eq!(page.not_completed_count, Some(2));
    assert_eq!(page.processing_count, Some(1));
    assert_eq!(page.total_count, Some(4));
    assert!(!page.is_terminal());
    let processing = &page.items[0];
    assert_eq!(
        processing.stock.as_ref().unwrap().status,
        ListingOperationStatus::Processing
    );
    assert!(!processing.is_terminal());
    let done = &page.items[1];
    assert_eq!(done.code, "8683670279192");
    assert_eq!(done.stock.as_ref().unwrap().count, Some(1));
    assert!(done.succeeded());
}

#[tokio::test]
async fn listing_states_keep_unknown_status_codes_and_accept_strings() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/listing-state/batch-id/{B}/lake-projections"
        )))
        .respond_with(ok(json!([
            {"code": 8680000000017_u64, "price": {"status": "9", "operationDetail": null,
             "salePrice": "10,50", "listPrice": "12"}, "stock": null}
        ])))
        .mount(&server)
        .await;
    let page = client(&server)
        .await
        .products()
        .listing_states(B, &ListingStateQuery::default())
        .await
        .unwrap();
    let item = &page.items[0];
    assert_eq!(item.code, "8680000000017");
    let price = item.price.as_ref().unwrap();
    assert_eq!(price.status, ListingOperationStatus::Unknown(9));
    assert_eq!(price.sale_price, Some(Decimal::new(1050, 2)));
    assert!(!item.is_terminal());
}

#[tokio::test]
async fn listing_states_success_false_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/listing-state/batch-id/{B}/lake-projections"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": null, "success": false, "messageCode": "MSS9", "userMessage": "Batch bulunamadı"
        })))
        .mount(&server)
        .await;
    let err = client(&server)
        .await
        .products()
        .listing_states(B, &ListingStateQuery::default())
        .await
        .unwrap_err();
    match err {
        Error::Api { code, message, .. } => {
            assert_eq!(code.as_deref(), Some("MSS9"));
            assert_eq!(message, "Batch bulunamadı");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn listing_state_stream_pages_until_a_short_page() {
    let server = MockServer::start().await;
    let item = |code: &str| json!({"code": code, "stock": {"status": 0, "count": 1}});
    for (page, codes) in [(1, vec!["a", "b"]), (2, vec!["c"])] {
        Mock::given(method("GET"))
            .and(path(format!(
                "/listing-state/batch-id/{B1}/lake-projections"
            )))
            .and(query_param("page", page.to_string()))
            .and(query_param("pageSize", "2"))
            .respond_with(ok(json!({
                "data": codes.iter().map(|c| item(c)).collect::<Vec<_>>(),
                "successCount": 3
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    let codes: Vec<String> = client
        .products()
        .listing_state_stream(B1, 2)
        .map_ok(|s| s.code)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(codes, ["a", "b", "c"]);
}
