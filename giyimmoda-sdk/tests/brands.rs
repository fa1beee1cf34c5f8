//! Brands against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::Client;
use giyimmoda_sdk::model::PerPage;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn lists_all_brands_with_key_headers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands"))
        .and(query_param("per_page", "all"))
        .and(header("x-api-key", "sk_test"))
        .and(header("x-api-secret", "shh"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "success": true,
            "data": [{"id": 5, "name": "Koton"}, {"id": "6", "name": "LC Waikiki", "logo": 12}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .brands()
        .list(1, PerPage::All)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[1].id, 6);
    assert_eq!(page.items[1].logo.as_deref(), Some("12"));
    assert!(page.pagination.is_none());
}

#[tokio::test]
async fn streams_until_the_last_page() {
    let server = MockServer::start().await;
    for page in 1..=3u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/brands"))
            .and(query_param("page", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "success": true,
                "data": [{"id": page, "name": format!("B{page}")}],
                "pagination": {"current_page": page, "last_page": 3, "per_page": 1, "total": 3}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let ids: Vec<u64> = client
        .brands()
        .stream()
        .map_ok(|b| b.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec![1, 2, 3]);
}

#[tokio::test]
async fn validation_errors_are_readable_field_by_field() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands/9"))
        .respond_with(ResponseTemplate::new(422).set_body_json(serde_json::json!({
            "success": false, "message": "Validation error", "errors": {"id": ["Geçersiz marka"]}
        })))
        .mount(&server)
        .await;
    let err = client(&server).brands().get(9).await.unwrap_err();
    assert_eq!(err.status(), Some(422));
    assert_eq!(err.field_errors()[0].field, "id");
    assert_eq!(err.field_errors()[0].message, "Geçersiz marka");
}

#[tokio::test]
async fn an_unpaginated_answer_is_the_only_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "success": true, "data": [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let ids: Vec<u64> = client
        .brands()
        .stream()
        .map_ok(|b| b.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec![1, 2]);
}
