//! Customers against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use futures::TryStreamExt;
use giyimmoda_sdk::Client;
use giyimmoda_sdk::model::{ListQuery, PerPage};
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
async fn list_all_customers_with_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/customers"))
        .and(query_param("per_page", "all"))
        .and(query_param("search", "ahmet"))
        .and(header("x-api-secret", "shh"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{
                "id": 45, "name": "Ahmet Yılmaz", "email": "ahmet@example.com",
                "phone": "05551234567", "orders_count": 3, "created_at": null
            }]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .customers()
        .list(
            &ListQuery::new()
                .per_page(PerPage::All)
                .filter("search", "ahmet"),
        )
        .await
        .unwrap();
    let c = &page.items[0];
    assert_eq!(c.id, 45);
    assert_eq!(c.email.as_deref(), Some("ahmet@example.com"));
    assert_eq!(c.created_at, None);
    assert_eq!(c.extra["orders_count"], 3);
    assert!(page.pagination.is_none());
}

#[tokio::test]
async fn get_reads_the_order_history() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/customers/45"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": {
                "id": 45, "name": "Ahmet Yılmaz",
                "orders": [{
                    "id": 123, "code": "20241215-14302545", "date": "2024-12-15 14:30:25",
                    "payment_status": "paid", "delivery_status": "pending", "grand_total": "250.00"
                }, {
                    "id": "124", "grand_total": 99.9, "delivery_status": "returned_to_sender"
                }]
            }
        })))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server).customers().get(45).await.unwrap();
    assert_eq!(c.orders.len(), 2);
    let o = &c.orders[0];
    assert_eq!(o.code.as_deref(), Some("20241215-14302545"));
    assert_eq!(
        o.date,
        Some(Utc.with_ymd_and_hms(2024, 12, 15, 11, 30, 25).unwrap())
    );
    assert_eq!(o.grand_total, Some(Decimal::new(25_000, 2)));
    assert_eq!(c.orders[1].id, 124);
    assert_eq!(c.orders[1].grand_total, Some(Decimal::new(999, 1)));
    assert_eq!(
        c.orders[1].delivery_status.as_deref(),
        Some("returned_to_sender")
    );
}

#[tokio::test]
async fn order_history_under_its_other_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/customers/46"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": {"id": 46, "order_history": [{"id": 1}]}
        })))
        .mount(&server)
        .await;
    let c = client(&server).customers().get(46).await.unwrap();
    assert_eq!(c.orders[0].id, 1);
}

#[tokio::test]
async fn stream_walks_every_page() {
    let server = MockServer::start().await;
    for page in 1..=2u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/customers"))
            .and(query_param("page", page.to_string()))
            .and(query_param("per_page", "1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true,
                "data": [{"id": page, "name": format!("C{page}")}],
                "pagination": {"current_page": page, "last_page": 2, "per_page": 1, "total": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let ids: Vec<u64> = client
        .customers()
        .stream(&ListQuery::new().per_page(PerPage::Count(1)))
        .map_ok(|c| c.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec![1, 2]);
}
