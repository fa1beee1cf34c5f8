//! Reviews against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::Client;
use giyimmoda_sdk::model::{ListQuery, PerPage};
use serde_json::json;
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
async fn list_decodes_lenient_values() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reviews"))
        .and(query_param("per_page", "all"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [
                {"id": 1, "product_id": "789", "user_id": 45, "rating": "5", "comment": "Harika",
                 "status": 1, "created_at": "2024-12-15 14:30:25", "user": {"name": "Ahmet"}},
                {"id": "2", "rating": null, "comment": null}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .reviews()
        .list(&ListQuery::new().per_page(PerPage::All))
        .await
        .unwrap();
    let r = &page.items[0];
    assert_eq!(r.product_id, Some(789));
    assert_eq!(r.rating, Some(5));
    assert_eq!(r.comment.as_deref(), Some("Harika"));
    assert_eq!(r.status, Some(true));
    assert_eq!(r.extra["user"]["name"], "Ahmet");
    assert_eq!(page.items[1].id, 2);
    assert_eq!(page.items[1].rating, None);
}

#[tokio::test]
async fn by_product_uses_the_product_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reviews/product/789"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{"id": 3, "product_id": 789, "rating": 4}],
            "pagination": {"current_page": 2, "last_page": 2, "per_page": 15, "total": 16}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .reviews()
        .by_product(789, &ListQuery::new().page(2))
        .await
        .unwrap();
    assert_eq!(page.items[0].rating, Some(4));
    assert_eq!(page.pagination.unwrap().current_page, 2);
}

#[tokio::test]
async fn stream_by_product_walks_the_pages() {
    let server = MockServer::start().await;
    for page in 1..=2u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/reviews/product/789"))
            .and(query_param("page", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true,
                "data": [{"id": page}],
                "pagination": {"current_page": page, "last_page": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let ids: Vec<u64> = client
        .reviews()
        .stream_by_product(789, &ListQuery::new())
        .map_ok(|r| r.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec![1, 2]);
}
