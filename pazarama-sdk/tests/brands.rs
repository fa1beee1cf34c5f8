//! Brands against a mock Pazarama (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use pazarama_sdk::Client;
use pazarama_sdk::model::BrandQuery;
use uuid::uuid;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": "tok", "expires_in": 3600, "token_type": "Bearer"
        })))
        .mount(server)
        .await;
    Client::builder()
        .client_id("cid")
        .client_secret("csecret")
        .token_url(format!("{}/connect/token", server.uri()))
        .base_url(server.uri())
        .build()
        .unwrap()
}

#[tokio::test]
async fn lists_brands_by_name_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/brand/getBrands"))
        .and(query_param("Page", "1"))
        .and(query_param("Size", "100"))
        .and(query_param("name", "Tat-bi Makarna"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/catalog/brands.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let brands = client(&server)
        .await
        .brands()
        .list(&BrandQuery::named("Tat-bi Makarna"))
        .await
        .unwrap();
    assert_eq!(brands.len(), 1);
    assert_eq!(brands[0].id, uuid!("1cea1866-b916-4f4f-bdbe-08db68d6a026"));
    assert_eq!(brands[0].name, "Tat-bi Makarna");
    assert_eq!(brands[0].status, Some(false));
    assert_eq!(brands[0].seo_name, None);
}

#[tokio::test]
async fn streams_every_page_and_stops_after_a_short_page() {
    let server = MockServer::start().await;
    let brand = |i: u32| serde_json::json!({"id": format!("b0000000-0000-4000-8000-{i:012}"), "name": format!("Brand {i}")});
    for (page, range) in [(1, 0..2), (2, 2..4), (3, 4..5)] {
        Mock::given(method("GET"))
            .and(path("/brand/getBrands"))
            .and(query_param("Page", page.to_string()))
            .and(query_param("Size", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "data": range.map(brand).collect::<Vec<_>>(), "success": true
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    let names: Vec<String> = client
        .brands()
        .stream(&BrandQuery::default().size(2))
        .map_ok(|b| b.name)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        names,
        ["Brand 0", "Brand 1", "Brand 2", "Brand 3", "Brand 4"]
    );
}

#[tokio::test]
async fn success_false_is_an_error_with_pazaramas_message() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/brand/getBrands"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "data": null, "success": false, "messageCode": "401", "userMessage": "Yetkisiz istek"
        })))
        .mount(&server)
        .await;
    let err = client(&server)
        .await
        .brands()
        .list(&BrandQuery::default())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Yetkisiz istek"), "{err}");
}
