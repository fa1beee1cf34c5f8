//! Conversations, support tickets and product queries against a mock Giyim Moda
//! (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::model::{ListQuery, NewTicket};
use giyimmoda_sdk::{Client, Error};
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

async fn expect_no_request(server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(server)
        .await;
}

fn ok(data: &serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": true, "data": data}))
}

#[tokio::test]
async fn conversations_list_stream_and_get() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/conversations"))
        .and(query_param("page", "1"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{"id": 7, "title": "Beden sorusu", "sender_id": "45", "receiver_id": 10,
                      "updated_at": "2025-01-03 10:30:00", "unread": 2}],
            "pagination": {"current_page": 1, "last_page": 1, "total": 1}
        })))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/conversations/7"))
        .respond_with(ok(&json!({
            "id": 7, "title": "Beden sorusu",
            "messages": [
                {"id": 1, "user_id": 45, "message": "M beden var mı?", "created_at": "2025-01-03 10:00:00"},
                {"id": "2", "user_id": 10, "message": "Evet, var."}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .conversations()
        .list(&ListQuery::new().page(1))
        .await
        .unwrap();
    assert_eq!(page.items[0].sender_id, Some(45));
    assert!(page.items[0].updated_at.is_some());
    assert_eq!(page.items[0].extra["unread"], 2);
    let all: Vec<_> = client
        .conversations()
        .stream(&ListQuery::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    let c = client.conversations().get(7).await.unwrap();
    assert_eq!(c.messages.len(), 2);
    assert_eq!(c.messages[1].id, 2);
    assert_eq!(c.messages[1].message.as_deref(), Some("Evet, var."));
}

#[tokio::test]
async fn send_message_posts_the_text() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/conversations/7/message"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"message": "Kargoya verildi."})))
        .respond_with(ok(
            &json!({"id": 3, "user_id": 10, "message": "Kargoya verildi."}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let m = client(&server)
        .conversations()
        .send_message(7, "Kargoya verildi.")
        .await
        .unwrap();
    assert_eq!(m.id, 3);
}

#[tokio::test]
async fn blank_texts_are_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let client = client(&server);
    let err = client
        .conversations()
        .send_message(7, " \n")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "message"));
    let err = client.support_tickets().reply(1, "").await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "reply"));
    let err = client.product_queries().reply(1, "  ").await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "reply"));
    let err = client
        .support_tickets()
        .create(&NewTicket {
            subject: "Ödeme".into(),
            details: "".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "details"));
    let err = client
        .support_tickets()
        .create(&NewTicket::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "subject"));
}

#[tokio::test]
async fn support_tickets_list_get_create_reply() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/support-tickets"))
        .respond_with(ok(&json!([
            {"id": 1, "code": 1736000000, "subject": "Ödeme gecikti", "status": "pending"}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/support-tickets/1"))
        .respond_with(ok(&json!({
            "id": 1, "subject": "Ödeme gecikti", "status": "open",
            "replies": [{"id": 5, "user_id": 1, "reply": "İnceliyoruz", "created_at": "2025-01-04 09:00"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/support-tickets"))
        .and(body_json(
            json!({"subject": "Ödeme gecikti", "details": "Aralık ödemesi gelmedi."}),
        ))
        .respond_with(ok(
            &json!({"id": 2, "subject": "Ödeme gecikti", "status": "pending"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/support-tickets/1/reply"))
        .and(body_json(json!({"reply": "Teşekkürler"})))
        .respond_with(ok(&json!({"id": 6, "reply": "Teşekkürler"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .support_tickets()
        .list(&ListQuery::new())
        .await
        .unwrap();
    assert_eq!(page.items[0].code.as_deref(), Some("1736000000"));
    assert_eq!(page.items[0].status.as_deref(), Some("pending"));
    let t = client.support_tickets().get(1).await.unwrap();
    assert_eq!(t.replies[0].reply.as_deref(), Some("İnceliyoruz"));
    assert!(t.replies[0].created_at.is_some());
    let new = NewTicket {
        subject: "Ödeme gecikti".into(),
        details: "Aralık ödemesi gelmedi.".into(),
        ..Default::default()
    };
    assert_eq!(client.support_tickets().create(&new).await.unwrap().id, 2);
    let r = client
        .support_tickets()
        .reply(1, "Teşekkürler")
        .await
        .unwrap();
    assert_eq!(r.id, Some(6));
}

#[tokio::test]
async fn product_queries_list_get_reply() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/product-queries"))
        .and(query_param("per_page", "20"))
        .respond_with(ok(&json!([
            {"id": 31, "product_id": "789", "customer_id": 45, "question": "Kumaşı nedir?", "reply": null},
            {"id": 32, "question": "Yıkanır mı?", "reply": "Evet, 30 derece."}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/product-queries/31"))
        .respond_with(ok(
            &json!({"id": 31, "question": "Kumaşı nedir?", "reply": ""}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/product-queries/31/reply"))
        .and(body_json(json!({"reply": "%100 pamuk."})))
        .respond_with(ok(
            &json!({"id": 31, "question": "Kumaşı nedir?", "reply": "%100 pamuk."}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .product_queries()
        .list(&ListQuery::new().per_page(giyimmoda_sdk::model::PerPage::Count(20)))
        .await
        .unwrap();
    assert_eq!(page.items[0].product_id, Some(789));
    assert!(!page.items[0].is_answered());
    assert!(page.items[1].is_answered());
    let q = client.product_queries().get(31).await.unwrap();
    assert!(!q.is_answered());
    let q = client
        .product_queries()
        .reply(31, "%100 pamuk.")
        .await
        .unwrap();
    assert_eq!(q.reply.as_deref(), Some("%100 pamuk."));
}
