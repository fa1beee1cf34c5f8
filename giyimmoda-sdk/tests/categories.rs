//! Categories against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::Client;
use giyimmoda_sdk::model::PerPage;
use rust_decimal::Decimal;
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
async fn lists_all_categories() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/categories"))
        .and(query_param("per_page", "all"))
        .and(query_param("page", "1"))
        .and(header("x-api-secret", "shh"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [
                {"id": 149, "name": "Kadın", "parent_id": 0, "level": 0},
                {"id": "150", "name": "Elbise", "parent_id": "149", "level": "1", "commission_rate": "12.5", "slug": null}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .categories()
        .list(1, PerPage::All)
        .await
        .unwrap();
    assert_eq!(page.items[1].id, 150);
    assert_eq!(page.items[1].parent_id, Some(149));
    assert_eq!(page.items[1].level, Some(1));
    assert_eq!(page.items[1].commission_rate, Some(Decimal::new(125, 1)));
    assert!(page.items[0].children.is_empty());
}

#[tokio::test]
async fn streams_categories() {
    let server = MockServer::start().await;
    for page in 1..=2u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/categories"))
            .and(query_param("page", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true,
                "data": [{"id": page, "name": format!("K{page}")}],
                "pagination": {"current_page": page, "last_page": 2, "per_page": 1, "total": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let names: Vec<String> = client
        .categories()
        .stream()
        .map_ok(|c| c.name)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["K1", "K2"]);
}

#[tokio::test]
async fn gets_the_tree() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/categories/tree"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{"id": 149, "name": "Kadın", "children": [
                {"id": 150, "name": "Elbise", "parent_id": 149, "children": [
                    {"id": 151, "name": "Mini Elbise", "parent_id": 150}
                ]}
            ]}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let tree = client(&server).categories().tree().await.unwrap();
    assert_eq!(tree[0].children[0].children[0].name, "Mini Elbise");
    assert_eq!(tree[0].children[0].children[0].parent_id, Some(150));
}

#[tokio::test]
async fn gets_one_category() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/categories/150"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": {"id": 150, "name": "Elbise", "parent_id": 149}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server).categories().get(150).await.unwrap();
    assert_eq!((c.id, c.name.as_str()), (150, "Elbise"));
}
