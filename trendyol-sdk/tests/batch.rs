//! Batch results (§4.5, trendyol-batch-request-result.txt): every documented shape decodes
//! into one model, the terminal rules per shape, and polling over wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use marketplace_core::batch::{BatchPoller, BatchProgress};
use marketplace_core::model::{BatchKind, BatchState};
use rust_decimal::Decimal;
use serde_json::json;
use trendyol_sdk::Client;
use trendyol_sdk::model::batch::{
    BatchItemStatus, BatchRequestResult, BatchRequestType, BatchStatus,
};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn decode(text: &str) -> BatchRequestResult {
    marketplace_core::codec::decode(text.as_bytes()).unwrap()
}

fn fast_poller() -> BatchPoller {
    BatchPoller::new()
        .initial_interval(Duration::from_millis(10))
        .max_interval(Duration::from_millis(20))
        .jitter(false)
        .deadline(Duration::from_secs(10))
}

#[test]
fn product_create_result_decodes() {
    let r = decode(include_str!("fixtures/batch/create.json"));
    assert_eq!(
        r.batch_request_id,
        "76e55c53-e0a4-473c-b4e1-1a008c02a9ab-1736179465"
    );
    assert_eq!(r.status, Some(BatchStatus::Completed));
    assert_eq!(
        r.batch_request_type,
        Some(BatchRequestType::ProductV2OnBoarding)
    );
    assert_eq!(r.item_count, Some(1));
    assert_eq!(r.failed_item_count, Some(0));
    assert_eq!(
        r.creation_date.unwrap().timestamp_millis(),
        1_736_154_265_337
    );
    let item = &r.items[0];
    assert_eq!(item.key(), "11111122222");
    assert_eq!(item.status, Some(BatchItemStatus::Success));
    let product = item.request_item.product.as_ref().unwrap();
    assert_eq!(product.brand_id, Some(187_803));
    assert_eq!(product.currency_type.as_deref(), Some("TRY"));
    assert_eq!(product.cargo_company_id, Some(10));
    assert_eq!(product.shipment_address_id, None);
    assert_eq!(product.attributes.len(), 6);
    assert_eq!(product.attributes[0].attribute_value_id, Some(2904));
    assert_eq!(
        product.attributes[1].custom_attribute_value.as_deref(),
        Some("White")
    );
    assert!(r.is_terminal());
    let outcome = r.outcome();
    assert_eq!(outcome.handle.kind, BatchKind::ProductCreate);
    assert!(outcome.all_succeeded());
}

#[test]
fn product_update_result_decodes() {
    let r = decode(include_str!("fixtures/batch/update.json"));
    assert_eq!(
        r.batch_request_type,
        Some(BatchRequestType::ProductV2Update)
    );
    let product = r.items[0].request_item.product.as_ref().unwrap();
    assert_eq!(product.title.as_deref(), Some("Test Product Title Updated"));
    assert_eq!(product.delivery_option, None);
    assert_eq!(product.content_id, None);
    assert!(r.is_terminal());
    assert_eq!(r.outcome().handle.kind, BatchKind::ProductUpdate);
}

#[test]
fn stock_price_result_has_no_batch_status_and_is_finished_by_its_items() {
    let r = decode(include_str!("fixtures/batch/stock_price.json"));
    assert_eq!(r.status, None);
    assert_eq!(
        r.batch_request_type,
        Some(BatchRequestType::ProductInventoryUpdate)
    );
    let echo = &r.items[0].request_item;
    assert_eq!(echo.barcode.as_deref(), Some("11111111111"));
    assert_eq!(echo.quantity, Some(100));
    assert_eq!(echo.sale_price, Some(Decimal::from(100)));
    assert_eq!(echo.list_price, Some(Decimal::from(100)));
    assert_eq!(
        echo.update_request_date.unwrap().to_rfc3339(),
        "2025-05-08T11:37:07.950+00:00"
    );
    assert!(r.is_terminal(), "every item has a final status");
    assert_eq!(r.state(), BatchState::Completed);
    assert_eq!(r.outcome().handle.kind, BatchKind::StockPrice);
}

#[test]
fn archive_result_decodes_log_id_web_source_and_notes() {
    let r = decode(include_str!("fixtures/batch/archive.json"));
    assert_eq!(
        r.batch_request_type,
        Some(BatchRequestType::ProductArchiveUpdate)
    );
    assert_eq!(r.source_type.as_deref(), Some("WEB"));
    assert_eq!(r.notes, None);
    let item = &r.items[0];
    assert_eq!(item.request_item.archived, Some(true));
    assert_eq!(
        item.request_item.supplier_id.as_ref().unwrap().as_str(),
        "2748"
    );
    assert_eq!(
        item.batch_request_log_id.as_deref(),
        Some("1ebea453-6ed2-4638-8977-1713bb34845d")
    );
    assert_eq!(item.key(), "smoketest-379996");
    assert_eq!(r.outcome().handle.kind, BatchKind::Archive);
}

#[test]
fn delete_result_decodes() {
    let r = decode(include_str!("fixtures/batch/delete.json"));
    assert_eq!(
        r.batch_request_type,
        Some(BatchRequestType::ProductDeletion)
    );
    assert_eq!(r.items[0].key(), "PMPGJ8X734OVJ69R88");
    assert!(r.is_terminal());
    assert_eq!(r.outcome().handle.kind, BatchKind::Delete);
}

#[test]
fn terminal_rules_per_shape() {
    // Batch status wins when present.
    let with_status = |status: &str| {
        decode(&json!({"batchRequestId": "b", "status": status, "items": []}).to_string())
    };
    assert!(!with_status("IN_PROGRESS").is_terminal());
    assert!(with_status("COMPLETED").is_terminal());
    assert!(with_status("FAILED").is_terminal());
    let unknown = with_status("QUEUED");
    assert_eq!(unknown.status, Some(BatchStatus::Other("QUEUED".into())));
    assert!(!unknown.is_terminal(), "unknown status keeps waiting");

    // No batch status (stock & price): decided by the items.
    let no_status = |items: serde_json::Value, count: Option<u32>| {
        decode(
            &json!({"batchRequestId": "b", "itemCount": count, "items": items,
                    "batchRequestType": "ProductInventoryUpdate"})
            .to_string(),
        )
    };
    assert!(!no_status(json!([]), None).is_terminal(), "no items yet");
    let in_progress = no_status(
        json!([{"requestItem": {"barcode": "A"}, "status": "SUCCESS"},
               {"requestItem": {"barcode": "B"}, "status": "IN_PROGRESS"}]),
        Some(2),
    );
    assert!(!in_progress.is_terminal());
    assert_eq!(in_progress.state(), BatchState::InProgress);
    assert_eq!(in_progress.pending_items().count(), 1);
    let partial_listing = no_status(
        json!([{"requestItem": {"barcode": "A"}, "status": "SUCCESS"}]),
        Some(2),
    );
    assert!(!partial_listing.is_terminal(), "itemCount 2, one listed");
    let done = no_status(
        json!([{"requestItem": {"barcode": "A"}, "status": "SUCCESS"},
               {"requestItem": {"barcode": "B"}, "status": "FAILED",
                "failureReasons": ["Stok 20000'den büyük olamaz", null, {"message": "obj"}]}]),
        Some(2),
    );
    assert!(done.is_terminal());
    assert_eq!(done.failed_items().count(), 1);
    assert_eq!(
        done.items[1].failure_reasons,
        ["Stok 20000'den büyük olamaz", "obj"],
        "null dropped, object → message"
    );
    let unknown_item = no_status(
        json!([{"requestItem": {"barcode": "A"}, "status": "QUEUED"}]),
        None,
    );
    assert_eq!(
        unknown_item.items[0].status,
        Some(BatchItemStatus::Other("QUEUED".into()))
    );
    assert!(!unknown_item.is_terminal());
}

#[tokio::test]
async fn wait_batch_polls_until_completed_and_reports_item_failures() {
    let server = MockServer::start().await;
    let route = "/integration/product/sellers/777/products/batch-requests/b-42";
    Mock::given(method("GET"))
        .and(path(route))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "batchRequestId": "b-42", "status": "IN_PROGRESS", "items": [],
            "batchRequestType": "ProductV2OnBoarding", "itemCount": 2
        })))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "batchRequestId": "b-42", "status": "COMPLETED",
            "batchRequestType": "ProductV2OnBoarding", "itemCount": 2, "failedItemCount": 1,
            "items": [
                {"requestItem": {"barcode": "OK-1", "product": {"barcode": "OK-1"}},
                 "status": "SUCCESS", "failureReasons": []},
                {"requestItem": {"barcode": "BAD-1", "product": {"barcode": "BAD-1"}},
                 "status": "FAILED",
                 "failureReasons": ["Kategori bulunamadı", "Zorunlu özellik eksik: Renk"]}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let result = client
        .products()
        .wait_batch("b-42", &fast_poller())
        .await
        .unwrap();
    assert_eq!(result.status, Some(BatchStatus::Completed));
    assert_eq!(result.failed_item_count, Some(1));
    let outcome = result.outcome();
    assert_eq!(outcome.state, BatchState::Completed);
    assert!(!outcome.all_succeeded(), "COMPLETED with a failed item");
    let failed: Vec<_> = outcome.failed().collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].key, "BAD-1");
    assert_eq!(
        failed[0].messages,
        ["Kategori bulunamadı", "Zorunlu özellik eksik: Renk"]
    );
    assert_eq!(outcome.succeeded().next().unwrap().key, "OK-1");
}

#[tokio::test]
async fn wait_batch_for_stock_price_ends_when_every_item_is_final() {
    let server = MockServer::start().await;
    let route = "/integration/product/sellers/777/products/batch-requests/sp-1";
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "batchRequestId": "sp-1", "batchRequestType": "ProductInventoryUpdate", "itemCount": 1,
            "items": [{"requestItem": {"barcode": "A", "quantity": 5}, "status": "IN_PROGRESS"}]
        })))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(
                include_str!("fixtures/batch/stock_price.json")
                    .replace("c57e3453-2c00-11f0-aa3a-be9298facace-1746718627", "sp-1")
                    .into_bytes(),
                "application/json",
            ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let result = client
        .products()
        .wait_batch("sp-1", &fast_poller())
        .await
        .unwrap();
    assert_eq!(result.status, None);
    assert_eq!(result.state(), BatchState::Completed);
    assert!(result.outcome().all_succeeded());
}
