//! Product filter (`product/products`) and detail against a mock Pazarama.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{api_requests, client, json, ok};
use futures::TryStreamExt;
use pazarama_sdk::Error;
use pazarama_sdk::model::{ProductQuery, ProductState};
use rust_decimal::Decimal;
use serde_json::json;
use uuid::uuid;
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer};

#[tokio::test]
async fn lists_approved_products_by_code_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/products"))
        .and(query_param("Approved", "true"))
        .and(query_param("Code", "MST9082147828410TNS"))
        .and(query_param("Size", "250"))
        .and(query_param("Page", "1"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!(
            "fixtures/products/products_approved.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let products = client(&server)
        .await
        .products()
        .list(&ProductQuery::approved(true).code("MST9082147828410TNS"))
        .await
        .unwrap();
    assert_eq!(products.len(), 1);
    let p = &products[0];
    assert_eq!(p.code, "MST9082147828410TNS");
    assert_eq!(p.brand_name.as_deref(), Some("TANLABUTİK"));
    assert_eq!(p.list_price, Some(Decimal::new(420, 0)));
    assert_eq!(p.vat_rate, Some(10));
    // The sample's state 0 is not in the document's table: kept, not an error.
    assert_eq!(p.state, Some(ProductState::Unknown(0)));
    assert_eq!(p.status, None);
    assert!(p.attributes.is_empty() && p.images.is_empty() && p.delivery_types.is_empty());
}

#[tokio::test]
async fn lists_products_awaiting_approval_and_decodes_the_documented_sample() {
    // Fixture: the document's "Approved=false" sample; the PDF's line breaks inside the
    // iframe's attributes were joined.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/products"))
        .and(query_param("Approved", "false"))
        .and(query_param_is_missing("Code"))
        .and(query_param("Size", "250"))
        .and(query_param("Page", "1"))
        .respond_with(json(include_str!(
            "fixtures/products/products_not_approved.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let products = client(&server)
        .await
        .products()
        .list(&ProductQuery::approved(false))
        .await
        .unwrap();
    let p = &products[0];
    assert_eq!(p.code, "MS55550");
    assert_eq!(p.state, Some(ProductState::AwaitingFirstApproval));
    assert_eq!(p.status.as_deref(), Some("Onay Bekliyor-İlk Onay"));
    assert_eq!(p.group_code, None);
    assert_eq!(p.priority_rank, Some(99));
    assert_eq!(p.attributes.len(), 4);
    assert_eq!(p.attributes[2].attribute_value.as_deref(), Some("404"));
    assert_eq!(
        p.images[0].image_url,
        "https://cdntest.pazarama.com/gallery/38598c1e-2bb7-4bc0-a32d-08da6a4c65e9/screenshot_11.png"
    );
}

#[tokio::test]
async fn stream_walks_pages_until_a_short_page() {
    let server = MockServer::start().await;
    let product = |i: u32| json!({"code": format!("P{i}"), "listPrice": "10,00", "state": 3});
    for (page, range) in [(1, 0..2), (2, 2..4), (3, 4..4)] {
        Mock::given(method("GET"))
            .and(path("/product/products"))
            .and(query_param("Page", page.to_string()))
            .and(query_param("Size", "2"))
            .and(query_param("Approved", "true"))
            .respond_with(ok(json!(range.map(product).collect::<Vec<_>>())))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    let codes: Vec<String> = client
        .products()
        .stream(&ProductQuery::approved(true).size(2))
        .map_ok(|p| p.code)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(codes, ["P0", "P1", "P2", "P3"]);
}

#[tokio::test]
async fn list_rejects_page_zero_before_sending() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .products()
        .list(&ProductQuery::default().page(0))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "Page"),
        "{err:?}"
    );
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn detail_posts_the_code_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/getProductDetail"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(
            serde_json::from_str::<serde_json::Value>(include_str!(
                "fixtures/products/product_detail_request.json"
            ))
            .unwrap(),
        ))
        .respond_with(json(include_str!("fixtures/products/product_detail.json")))
        .expect(1)
        .mount(&server)
        .await;
    let detail = client(&server)
        .await
        .products()
        .detail("Testt-Tisort-9")
        .await
        .unwrap();
    assert_eq!(detail.code, "Testt-Tisort-9");
    assert_eq!(
        detail.brand_id,
        Some(uuid!("a2b7954f-b06b-48d6-8993-3b7eacd54b94"))
    );
    assert_eq!(detail.list_price, Some(Decimal::new(1999, 0)));
    assert_eq!(detail.sale_price, Some(Decimal::new(1750, 0)));
    assert_eq!(detail.state, Some(ProductState::Approved));
    assert_eq!(detail.state_description.as_deref(), Some("Onaylandı"));
    assert_eq!(detail.attributes.len(), 2);
    assert_eq!(
        detail.attributes[0].attribute_id,
        uuid!("f2a74f71-5cc2-4ed7-a9d9-3874a9e94cb6")
    );
    assert_eq!(detail.group_code.as_deref(), Some("MaviTesttTisort"));
    assert_eq!(detail.is_catalog_product, Some(true));
    assert_eq!(detail.stock_code, None);
}

#[tokio::test]
async fn detail_requires_a_code() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .products()
        .detail("")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "Code"),
        "{err:?}"
    );
    assert!(api_requests(&server).await.is_empty());
}
