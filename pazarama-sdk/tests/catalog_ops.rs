//! Catalog search / quick add (§3.21), sale limit (§3.24), VAT (§3.27) and open/close sale
//! (§3.32) against a mock Pazarama.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{api_requests, client, json};
use pazarama_sdk::Error;
use pazarama_sdk::model::{
    CatalogSearchRequest, QuickAddRequest, SaleLimitRequest, SaleStatus, VatRateUpdateRequest,
};
use rust_decimal::Decimal;
use uuid::{Uuid, uuid};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer};

fn sample(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

fn invalid_field(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn catalog_search_sends_the_documented_sample_and_decodes_the_answer() {
    let request_text = include_str!("fixtures/catalog_ops/catalog_search_request.json");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/getProductTitleCodeSearch"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(sample(request_text)))
        .respond_with(json(include_str!(
            "fixtures/catalog_ops/catalog_search_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let request = CatalogSearchRequest {
        seller_id: Some("xy9bf337-83yx-4617-xy46-08d97204yx6d".into()),
        ..CatalogSearchRequest::by_code("9786257220897")
    };
    let result = client(&server)
        .await
        .products()
        .catalog_search(&request)
        .await
        .unwrap();
    assert_eq!(result.products.len(), 1);
    let p = &result.products[0];
    assert_eq!(p.product_id, uuid!("37c5e1c1-2da0-481f-f0e0-08dac7c0bbb6"));
    assert_eq!(p.brand_name.as_deref(), Some("Mona Kitap"));
    assert_eq!(p.vat_rate, Some(0));
    assert_eq!(p.is_variantable.as_deref(), Some("Varyantsız"));
    let paging = result.page_response.unwrap();
    assert_eq!(paging.total_count, Some(1));
    assert_eq!(paging.total_pages, Some(1));
}

#[tokio::test]
async fn catalog_search_needs_a_code_or_a_name() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .products()
        .catalog_search(&CatalogSearchRequest::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "code");
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn quick_add_sends_the_documented_sample_and_decodes_the_answer() {
    let request_text = include_str!("fixtures/catalog_ops/quick_add_request.json");
    let request: QuickAddRequest = serde_json::from_str(request_text).unwrap();
    assert_eq!(request.product.sale_price, Decimal::new(88845, 2));
    // The sample's productId has a trailing space: it decodes, and is sent trimmed.
    assert_eq!(
        request.product.product_id,
        uuid!("ee2e2559-25f2-4872-595b-08d9cb9100ab")
    );
    assert_eq!(
        request.product.brand_id,
        Some(uuid!("fecf7511-513d-47d5-a3a5-5064e5e1ca5c"))
    );
    let mut expected = sample(request_text);
    expected["product"]["productId"] = "ee2e2559-25f2-4872-595b-08d9cb9100ab".into();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/addProductsWithBarcodes"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(expected))
        .respond_with(json(include_str!(
            "fixtures/catalog_ops/quick_add_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let result = client(&server)
        .await
        .products()
        .quick_add(&request)
        .await
        .unwrap();
    assert_eq!(result.code.as_deref(), Some("9786257220897"));
    assert_eq!(
        result.product_id,
        Some(uuid!("37c5e1c1-2da0-481f-f0e0-08dac7c0bbb6"))
    );
    // Not a GUID in the document's sample, so kept as text.
    assert_eq!(
        result.seller_id.as_deref(),
        Some("xy9bf337-83yx-4617-xy46-08d97204yx6d")
    );
    assert_eq!(result.list_price, Some(Decimal::new(99, 0)));
    assert_eq!(result.sale_price, Some(Decimal::new(88, 0)));
    assert_eq!(result.stock_count, Some(0));
}

#[tokio::test]
async fn quick_add_is_checked_before_sending() {
    let server = MockServer::start().await;
    let mut request: QuickAddRequest =
        serde_json::from_str(include_str!("fixtures/catalog_ops/quick_add_request.json")).unwrap();
    request.product.product_id = Uuid::nil();
    let err = client(&server)
        .await
        .products()
        .quick_add(&request)
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "product.productId");
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn sale_limit_sends_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/upsertSellerProductSaleLimit"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(sample(include_str!(
            "fixtures/catalog_ops/sale_limit_request.json"
        ))))
        .respond_with(json(include_str!(
            "fixtures/catalog_ops/sale_limit_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let ok = client(&server)
        .await
        .products()
        .set_sale_limit(&SaleLimitRequest {
            code: "productSaleLimittest".into(),
            quantity: 1,
        })
        .await
        .unwrap();
    assert!(ok);
}

#[tokio::test]
async fn sale_limit_needs_a_code() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .products()
        .set_sale_limit(&SaleLimitRequest::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "code");
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn vat_rates_are_put_in_bulk_as_documented() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/product/vatRate/bulk"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(sample(include_str!(
            "fixtures/catalog_ops/vat_rate_request.json"
        ))))
        .respond_with(json(include_str!(
            "fixtures/catalog_ops/vat_rate_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let ok = client(&server)
        .await
        .products()
        .update_vat_rates(&VatRateUpdateRequest::new([
            ("caak2940".to_owned(), 0),
            ("caak2772".to_owned(), 0),
        ]))
        .await
        .unwrap();
    assert!(ok);
}

#[tokio::test]
async fn vat_rates_are_checked_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server).await;
    let err = client
        .products()
        .update_vat_rates(&VatRateUpdateRequest::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "listingVatRates");
    let err = client
        .products()
        .update_vat_rates(&VatRateUpdateRequest::new([
            ("a".to_owned(), 10),
            ("b".to_owned(), 180),
        ]))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "listingVatRates[1].vatRate");
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn sale_status_closes_a_catalog_product_as_documented() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/external-status"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(sample(include_str!(
            "fixtures/catalog_ops/sale_status_request.json"
        ))))
        .respond_with(json(include_str!(
            "fixtures/catalog_ops/sale_status_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let result = client(&server)
        .await
        .products()
        .set_sale_status("test", SaleStatus::Closed)
        .await
        .unwrap();
    assert_eq!(result.result.len(), 1);
    let outcome = &result.result[0];
    assert!(outcome.success);
    assert_eq!(outcome.code.as_deref(), Some("test"));
    assert_eq!(outcome.product_status, Some(SaleStatus::Closed));
}

#[tokio::test]
async fn sale_status_rejects_other_codes_before_sending() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .products()
        .set_sale_status("test", SaleStatus::Unknown(5))
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "productStatus");
    assert_eq!(SaleStatus::from_code(1), SaleStatus::Open);
    assert_eq!(serde_json::to_string(&SaleStatus::Closed).unwrap(), "10");
    assert!(api_requests(&server).await.is_empty());
}
