//! Notifications against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use giyimmoda_sdk::model::ListQuery;
use giyimmoda_sdk::{Client, Error};
use marketplace_core::codec::Id;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

fn done() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": true, "message": "OK"}))
}

#[tokio::test]
async fn list_keeps_uuid_ids_and_reads_read_state() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/notifications"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [
                {"id": "9b1f2c3d-0000-4000-8000-000000000001",
                 "type": "App\\Notifications\\OrderNotification",
                 "data": {"order_id": 123, "status": "placed"},
                 "read_at": null, "created_at": "2025-01-03 10:30:00"},
                {"id": 77, "read_at": "2025-01-03 11:00:00"}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .notifications()
        .list(&ListQuery::new())
        .await
        .unwrap();
    let n = &page.items[0];
    assert_eq!(n.id.as_str(), "9b1f2c3d-0000-4000-8000-000000000001");
    assert_eq!(
        n.notification_type.as_deref(),
        Some("App\\Notifications\\OrderNotification")
    );
    assert_eq!(n.data.as_ref().unwrap()["order_id"], 123);
    assert!(!n.is_read());
    assert_eq!(page.items[1].id.as_u64(), Some(77));
    assert!(page.items[1].is_read());
}

#[tokio::test]
async fn mark_read_and_delete_use_the_id_in_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(
            "/api/seller/notifications/9b1f2c3d-0000-4000-8000-000000000001/read",
        ))
        .respond_with(done())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/notifications/77"))
        .respond_with(done())
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    client
        .notifications()
        .mark_read("9b1f2c3d-0000-4000-8000-000000000001")
        .await
        .unwrap();
    client.notifications().delete(77).await.unwrap();
}

#[tokio::test]
async fn bulk_delete_sends_ids_as_received() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/notifications/bulk-delete"))
        .and(body_json(
            json!({"ids": ["9b1f2c3d-0000-4000-8000-000000000001", 77]}),
        ))
        .respond_with(done())
        .expect(1)
        .mount(&server)
        .await;
    let ids = vec![
        Id::from("9b1f2c3d-0000-4000-8000-000000000001"),
        Id::from(77),
    ];
    client(&server)
        .notifications()
        .bulk_delete(ids)
        .await
        .unwrap();
}

#[tokio::test]
async fn empty_bulk_delete_is_rejected_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let err = client(&server)
        .notifications()
        .bulk_delete(Vec::<Id>::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "ids"));
}

#[tokio::test]
async fn success_false_on_a_write_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/notifications/5/read"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": false, "message": "Bildirim bulunamadı"})),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .notifications()
        .mark_read(5)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Bildirim bulunamadı"), "{err}");
}
