//! Products against a mock Pazarama (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::{api_requests, client, json, ok};
use marketplace_core::batch::BatchPoller;
use marketplace_core::model::BatchState;
use pazarama_sdk::Error;
use pazarama_sdk::model::{
    CreateProductsRequest, NewProduct, ProductAttribute, ProductBatchStatus,
    ProductCommercialAdditionalInfo, ProductCommercialRef, ProductDeliveryType, ProductImage,
};
use rust_decimal::Decimal;
use serde_json::json;
use uuid::{Uuid, uuid};
use wiremock::matchers::{body_json, body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const A1: Uuid = uuid!("a1a1a1a1-0000-4000-8000-000000000001");
const V1: Uuid = uuid!("11111111-0000-4000-8000-0000000000f1");
const D1: Uuid = uuid!("d1d1d1d1-0000-4000-8000-000000000001");
const C34: Uuid = uuid!("c17e0000-0000-4000-8000-000000000034");
const B1: Uuid = uuid!("b0000000-0000-4000-8000-000000000001");
const B9: Uuid = uuid!("b0000000-0000-4000-8000-000000000009");
const BERR: Uuid = uuid!("b0000000-0000-4000-8000-0000000000e7");

fn invalid_field(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn product() -> NewProduct {
    NewProduct {
        name: "Tişört".into(),
        display_name: "Pamuklu Tişört".into(),
        description: "<p>Pamuk</p>".into(),
        brand_id: uuid!("0a097abf-3c2e-42c9-fd40-08dbf9534e72"),
        desi: 1,
        code: "8680000000017".into(),
        group_code: "TS-1".into(),
        stock_code: "TS-1-M".into(),
        stock_count: 5,
        list_price: Decimal::new(19999, 2),
        sale_price: Decimal::new(14950, 2),
        vat_rate: 10,
        images: vec![ProductImage::new("https://cdn.example.com/1.jpg")],
        category_id: uuid!("8ddbf6c0-d95b-42ed-ab42-a75e5ba03a12"),
        attributes: vec![ProductAttribute::new(A1, V1)],
        ..NewProduct::default()
    }
}

// ---------------------------------------------------------------- create + batch result

#[tokio::test]
async fn create_sends_the_documented_sample_body_and_returns_the_batch_id() {
    // The fixture is the document's sample request: the PDF's line breaks inside image
    // URLs and the description were joined, and its trailing comma removed.
    let sample = include_str!("fixtures/products/create_request.json");
    let request: CreateProductsRequest = serde_json::from_str(sample).unwrap();
    assert_eq!(request.products[0].product_sale_limit_quantity, Some(0));
    assert_eq!(request.products[0].list_price, Decimal::new(1_042_599, 2));
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/create"))
        .and(header("authorization", "Bearer tok"))
        .and(header("content-type", "application/json"))
        .and(body_json(
            serde_json::from_str::<serde_json::Value>(sample).unwrap(),
        ))
        .respond_with(json(include_str!("fixtures/products/create_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let result = client(&server)
        .await
        .products()
        .create(&request)
        .await
        .unwrap();
    assert_eq!(
        result.batch_request_id,
        uuid!("6df9e91d-9529-4ebb-95ee-0f4b429ee939")
    );
    assert_eq!(
        result.creation_date.unwrap().to_rfc3339(),
        "2024-01-26T09:30:08.263820400+00:00"
    );
    let error = result.error.unwrap();
    assert!(error.errors.is_empty());
    assert_eq!(error.message, None);
}

#[tokio::test]
async fn create_sends_sale_limit_delivery_types_and_commercials() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/create"))
        .and(body_partial_json(json!({"products": [{
            "code": "8680000000017",
            "listPrice": 199.99,
            "salePrice": 149.5,
            "productSaleLimitQuantity": 2,
            "images": [{"imageurl": "https://cdn.example.com/1.jpg"}],
            "attributes": [{"attributeId": A1.to_string(), "attributeValueId": V1.to_string()}],
            "deliveryTypes": [{"deliveryId": D1.to_string(), "cityList": [C34.to_string()]}],
            "productCommercialAdditionalInfo": {"securityDescription": "Çocuklardan uzak tutun"},
            "productCommercials": [{"productCommercialId": "4a5a0181-9c73-4d3e-99bb-08ddc848c9b9"}]
        }]})))
        .respond_with(ok(
            json!({"batchRequestId": B1.to_string(), "creationDate": null, "error": null}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let request = CreateProductsRequest::new([NewProduct {
        product_sale_limit_quantity: Some(2),
        delivery_types: vec![ProductDeliveryType {
            delivery_id: D1,
            city_list: vec![C34],
            ..ProductDeliveryType::default()
        }],
        product_commercial_additional_info: Some(ProductCommercialAdditionalInfo {
            security_description: Some("Çocuklardan uzak tutun".into()),
        }),
        product_commercials: vec![ProductCommercialRef {
            product_commercial_id: uuid!("4a5a0181-9c73-4d3e-99bb-08ddc848c9b9"),
        }],
        ..product()
    }]);
    let result = client(&server)
        .await
        .products()
        .create(&request)
        .await
        .unwrap();
    assert_eq!(result.batch_request_id, B1);
    assert_eq!(result.creation_date, None);
    // Optional parts are left out when not set.
    let body = serde_json::to_value(CreateProductsRequest::new([product()])).unwrap();
    let sent = &body["products"][0];
    for absent in [
        "productSaleLimitQuantity",
        "deliveryTypes",
        "productCommercials",
        "productCommercialAdditionalInfo",
        "currencyType",
    ] {
        assert!(sent.get(absent).is_none(), "{absent} should be omitted");
    }
}

#[tokio::test]
async fn create_rejects_bad_products_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server).await;
    let cases: Vec<(CreateProductsRequest, &str)> = vec![
        (CreateProductsRequest::default(), "products"),
        (
            CreateProductsRequest::new([NewProduct {
                name: "x".repeat(101),
                ..product()
            }]),
            "products[0].name",
        ),
        (
            CreateProductsRequest::new([
                product(),
                NewProduct {
                    display_name: "ş".repeat(251),
                    ..product()
                },
            ]),
            "products[1].displayName",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                brand_id: Uuid::nil(),
                ..product()
            }]),
            "products[0].brandId",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                stock_code: "s".repeat(101),
                ..product()
            }]),
            "products[0].stockCode",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                images: vec![],
                ..product()
            }]),
            "products[0].images",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                sale_price: Decimal::new(-1, 0),
                ..product()
            }]),
            "products[0].salePrice",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                list_price: Decimal::new(19_999, 3),
                ..product()
            }]),
            "products[0].listPrice",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                attributes: vec![ProductAttribute::new(A1, Uuid::nil())],
                ..product()
            }]),
            "products[0].attributes[0].attributeValueId",
        ),
        (
            CreateProductsRequest::new([NewProduct {
                category_id: Uuid::nil(),
                ..product()
            }]),
            "products[0].categoryId",
        ),
    ];
    for (request, field) in cases {
        let err = client.products().create(&request).await.unwrap_err();
        assert_eq!(invalid_field(&err), field);
    }
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn batch_result_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .and(query_param(
            "BatchRequestId",
            "d7a0d65e-d409-4650-aa80-9866917a0f93",
        ))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!(
            "fixtures/products/batch_result_done.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let result = client(&server)
        .await
        .products()
        .batch_result(uuid!("d7a0d65e-d409-4650-aa80-9866917a0f93"))
        .await
        .unwrap();
    assert_eq!(result.status, ProductBatchStatus::Done);
    assert_eq!(result.total_count, Some(1));
    assert_eq!(result.failed_count, Some(0));
    assert!(result.batch_result.is_empty());
    assert!(result.all_succeeded());
    let outcome = result.to_outcome("ignored");
    assert_eq!(outcome.state, BatchState::Completed);
    assert_eq!(outcome.handle.id, "d7a0d65e-d409-4650-aa80-9866917a0f93");
}

#[tokio::test]
async fn batch_result_requires_an_id() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .products()
        .batch_result(Uuid::nil())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "batchRequestId");
    assert!(api_requests(&server).await.is_empty());
}

fn batch_status(status: &serde_json::Value) -> ResponseTemplate {
    ok(
        json!({"status": status, "batchRequestId": B9.to_string(), "batchResult": [], "totalCount": 2, "failedCount": 0}),
    )
}

#[tokio::test]
async fn wait_batch_polls_in_progress_until_done() {
    let server = MockServer::start().await;
    // 1 → 1 (as a string) → 2: three polls.
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .and(query_param("BatchRequestId", B9.to_string()))
        .respond_with(batch_status(&json!(1)))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .respond_with(batch_status(&json!("1")))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .respond_with(batch_status(&json!(2)))
        .expect(1)
        .mount(&server)
        .await;
    // Real time, short intervals: paused tokio time would fire the HTTP timeouts while
    // the runtime waits on the mock server's socket.
    let poller = BatchPoller::new()
        .initial_interval(Duration::from_millis(5))
        .jitter(false);
    let result = client(&server)
        .await
        .products()
        .wait_batch(B9, &poller)
        .await
        .unwrap();
    assert_eq!(result.status, ProductBatchStatus::Done);
    assert_eq!(api_requests(&server).await.len(), 3);
}

#[tokio::test]
async fn wait_batch_returns_an_error_batch_with_per_item_messages() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .respond_with(ok(json!({
            "status": 3,
            "batchRequestId": BERR.to_string(),
            "batchResult": [
                {"code": "8680000000017", "reason": "Kategori bulunamadı"},
                {"productCode": "8680000000024", "errors": ["Marka geçersiz", "Görsel yok"]},
                {"code": "8680000000031", "reason": null}
            ],
            "failedProducts": [{"productCode": "8680000000048", "errorReason": "Barkod kullanımda"}],
            "totalCount": "4",
            "failedCount": "3",
            "creationDate": "2024-01-26 12:25"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let result = client(&server)
        .await
        .products()
        .wait_batch(
            BERR,
            &BatchPoller::new().initial_interval(Duration::from_millis(5)),
        )
        .await
        .unwrap();
    assert_eq!(result.status, ProductBatchStatus::Error);
    assert_eq!(result.failed_count, Some(3));
    assert!(!result.all_succeeded());
    assert_eq!(
        result.batch_result[1].messages(),
        ["Marka geçersiz", "Görsel yok"]
    );
    let outcome = result.to_outcome("ignored");
    assert_eq!(outcome.state, BatchState::Failed);
    let failed: Vec<(&str, Vec<String>)> = outcome
        .failed()
        .map(|i| (i.key.as_str(), i.messages.clone()))
        .collect();
    assert_eq!(
        failed,
        [
            ("8680000000017", vec!["Kategori bulunamadı".to_owned()]),
            (
                "8680000000024",
                vec!["Marka geçersiz".to_owned(), "Görsel yok".to_owned()]
            ),
            ("8680000000048", vec!["Barkod kullanımda".to_owned()]),
        ]
    );
    assert_eq!(outcome.succeeded().count(), 1);
}

#[tokio::test]
async fn wait_batch_keeps_an_unknown_status_pending_until_the_deadline() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .respond_with(batch_status(&json!(7)))
        .mount(&server)
        .await;
    let poller = BatchPoller::new()
        .initial_interval(Duration::from_millis(5))
        .max_interval(Duration::from_millis(20))
        .deadline(Duration::from_millis(150));
    let err = client(&server)
        .await
        .products()
        .wait_batch(B9, &poller)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BatchTimeout { .. }), "{err:?}");
}

#[tokio::test]
async fn batch_ids_tolerate_spaces_and_case_but_a_non_guid_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .and(query_param("BatchRequestId", B9.to_string()))
        .respond_with(ok(json!({
            "status": 2,
            "batchRequestId": format!(" {} ", B9.to_string().to_uppercase()),
            "batchResult": []
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .and(query_param("BatchRequestId", B1.to_string()))
        .respond_with(ok(json!({"status": 2, "batchRequestId": "b-1"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let result = client.products().batch_result(B9).await.unwrap();
    assert_eq!(result.batch_request_id, Some(B9));
    match client.products().batch_result(B1).await {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "data.batchRequestId");
            assert!(message.contains("\"b-1\" is not a GUID"), "{message}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}
