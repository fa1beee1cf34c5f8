//! Webhook subscriptions against a mock Giyim Moda (127.0.0.1), and incoming deliveries.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use giyimmoda_sdk::model::{NewWebhook, WebhookEvent, WebhookUpdate};
use giyimmoda_sdk::webhook::{EventData, WebhookReceiver, parse};
use giyimmoda_sdk::{Client, Error};
use marketplace_core::webhook::{InMemoryDeduplicator, Rejection};
use reqwest::header::{HeaderMap, HeaderValue};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{any, body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ORDER_CREATED: &[u8] = include_bytes!("fixtures/webhooks/order_created.json");

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

fn dedup() -> InMemoryDeduplicator {
    InMemoryDeduplicator::new(Duration::from_secs(3600), 1000)
}

fn rejection(err: Error) -> Rejection {
    match err {
        Error::WebhookRejected(r) => r,
        other => panic!("expected WebhookRejected, got {other:?}"),
    }
}

// ---- subscriptions ----

#[tokio::test]
async fn lists_webhooks() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/webhooks"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{"id": 1, "event_type": "order.created", "url": "https://x.test/h",
                      "is_active": 1, "secret": "whsec_1", "created_at": "2026-01-03 10:30:00"},
                     {"id": "2", "event_type": "product.deleted", "active": "0"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server).webhooks().list().await.unwrap();
    assert_eq!(page.items[0].event_type, Some(WebhookEvent::OrderCreated));
    assert_eq!(page.items[0].is_active, Some(true));
    assert_eq!(
        page.items[1].event_type,
        Some(WebhookEvent::Other("product.deleted".into()))
    );
    assert_eq!(page.items[1].is_active, Some(false));
    let dbg = format!("{:?}", page.items[0]);
    assert!(!dbg.contains("whsec_1"), "{dbg}");
}

#[tokio::test]
async fn creates_a_webhook_from_the_documented_sample() {
    let server = MockServer::start().await;
    let doc: Value =
        serde_json::from_str(include_str!("fixtures/webhooks/create_request.json")).unwrap();
    Mock::given(method("POST"))
        .and(path("/api/seller/webhooks"))
        .and(body_json(&doc))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "success": true, "data": {"id": 7, "event_type": "order.created",
            "url": "https://your-domain.com/webhook-handler", "secret": "your-secret-key"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let req: NewWebhook = serde_json::from_value(doc).unwrap();
    assert!(!format!("{req:?}").contains("your-secret-key"));
    let hook = client(&server).webhooks().create(&req).await.unwrap();
    assert_eq!(hook.id, 7);
    assert_eq!(hook.secret.as_deref(), Some("your-secret-key"));
}

#[tokio::test]
async fn creates_a_webhook_without_secret() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/webhooks"))
        .and(body_json(
            json!({"event_type": "stock.updated", "url": "https://x.test/h"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": {"id": 8, "event_type": "stock.updated", "secret": "generated"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let req = NewWebhook {
        event_type: Some(WebhookEvent::StockUpdated),
        url: "https://x.test/h".into(),
        secret: None,
    };
    let hook = client(&server).webhooks().create(&req).await.unwrap();
    assert_eq!(hook.secret.as_deref(), Some("generated"));
}

#[tokio::test]
async fn webhook_rules_are_checked_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    let base = NewWebhook {
        event_type: Some(WebhookEvent::OrderUpdated),
        url: "https://x.test/h".into(),
        secret: None,
    };
    let cases = [
        (
            "event_type",
            NewWebhook {
                event_type: None,
                ..base.clone()
            },
        ),
        (
            "url",
            NewWebhook {
                url: "not a url".into(),
                ..base.clone()
            },
        ),
        (
            "url",
            NewWebhook {
                url: "ftp://x.test/h".into(),
                ..base.clone()
            },
        ),
        (
            "secret",
            NewWebhook {
                secret: Some(" ".into()),
                ..base.clone()
            },
        ),
    ];
    for (field, req) in cases {
        let err = client.webhooks().create(&req).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field: f, .. } if f == field),
            "{err:?}"
        );
    }
    let err = client
        .webhooks()
        .update(
            1,
            &WebhookUpdate {
                url: Some("mailto:a@b.c".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::InvalidInput { field, .. } if field == "url"));
}

#[tokio::test]
async fn updates_a_webhook() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/webhooks/7"))
        .and(body_json(
            json!({"event_type": "order.cancelled", "secret": "new-secret"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": {"id": 7, "event_type": "order.cancelled"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let update = WebhookUpdate {
        event_type: Some(WebhookEvent::OrderCancelled),
        secret: Some("new-secret".into()),
        ..Default::default()
    };
    assert!(!format!("{update:?}").contains("new-secret"));
    let hook = client(&server)
        .webhooks()
        .update(7, &update)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(hook.event_type, Some(WebhookEvent::OrderCancelled));
}

#[tokio::test]
async fn deletes_a_webhook() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/webhooks/7"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "message": "Silindi"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    client(&server).webhooks().delete(7).await.unwrap();
}

// ---- incoming deliveries ----

#[tokio::test]
async fn accepts_a_validly_signed_documented_delivery() {
    let receiver = WebhookReceiver::new("your-secret-key");
    let mut headers = HeaderMap::new();
    let sig = marketplace_core::webhook::sign_hmac_sha256_hex("your-secret-key", ORDER_CREATED);
    headers.insert("X-Webhook-Signature", HeaderValue::from_str(&sig).unwrap());
    let payload = receiver
        .receive(&headers, ORDER_CREATED, &dedup())
        .await
        .unwrap();
    assert_eq!(payload.event, WebhookEvent::OrderCreated);
    assert_eq!(
        payload.timestamp.unwrap().to_rfc3339(),
        "2026-01-03T10:30:00+00:00"
    );
    let EventData::Order(order) = payload.data else {
        panic!("not an order event")
    };
    assert_eq!(order.order_id, Some(123));
    assert_eq!(order.code.as_deref(), Some("20260103-001"));
    assert_eq!(order.grand_total, Some(Decimal::from(150)));
    assert_eq!(
        payload.dedup_key,
        "giyimmoda:order.created:123:2026-01-03T10:30:00Z"
    );
}

#[tokio::test]
async fn refuses_a_tampered_body() {
    let receiver = WebhookReceiver::new("your-secret-key");
    let headers = receiver.sign(ORDER_CREATED);
    let tampered = String::from_utf8(ORDER_CREATED.to_vec())
        .unwrap()
        .replace("150.00", "1.00");
    let err = receiver
        .receive(&headers, tampered.as_bytes(), &dedup())
        .await
        .unwrap_err();
    assert_eq!(rejection(err), Rejection::BadSignature);
}

#[tokio::test]
async fn refuses_the_wrong_secret() {
    let sender = WebhookReceiver::new("someone-else");
    let receiver = WebhookReceiver::new("your-secret-key");
    let err = receiver
        .receive(&sender.sign(ORDER_CREATED), ORDER_CREATED, &dedup())
        .await
        .unwrap_err();
    assert_eq!(rejection(err), Rejection::BadSignature);
}

#[tokio::test]
async fn refuses_a_missing_or_malformed_signature() {
    let receiver = WebhookReceiver::new("your-secret-key");
    let err = receiver
        .receive(&HeaderMap::new(), ORDER_CREATED, &dedup())
        .await
        .unwrap_err();
    assert_eq!(rejection(err), Rejection::MissingSignature);
    let mut headers = HeaderMap::new();
    headers.insert("x-webhook-signature", HeaderValue::from_static("not-hex"));
    let err = receiver
        .receive(&headers, ORDER_CREATED, &dedup())
        .await
        .unwrap_err();
    assert!(matches!(
        rejection(err),
        Rejection::MalformedSignature { .. }
    ));
}

#[tokio::test]
async fn accepts_a_duplicate_delivery_once() {
    let receiver = WebhookReceiver::new("your-secret-key");
    let seen = dedup();
    let headers = receiver.sign(ORDER_CREATED);
    receiver
        .receive(&headers, ORDER_CREATED, &seen)
        .await
        .unwrap();
    let err = receiver
        .receive(&headers, ORDER_CREATED, &seen)
        .await
        .unwrap_err();
    let r = rejection(err);
    assert!(r.is_duplicate());
    assert_eq!(r.status_code(), 200);
    // Same event, re-serialized differently (whitespace): still the same event.
    let compact =
        serde_json::to_vec(&serde_json::from_slice::<Value>(ORDER_CREATED).unwrap()).unwrap();
    let err = receiver
        .receive(&receiver.sign(&compact), &compact, &seen)
        .await
        .unwrap_err();
    assert!(rejection(err).is_duplicate());
}

#[tokio::test]
async fn forged_deliveries_do_not_poison_the_dedup_cache() {
    let receiver = WebhookReceiver::new("your-secret-key");
    let seen = dedup();
    let forged = WebhookReceiver::new("attacker").sign(ORDER_CREATED);
    assert!(
        receiver
            .receive(&forged, ORDER_CREATED, &seen)
            .await
            .is_err()
    );
    receiver
        .receive(&receiver.sign(ORDER_CREATED), ORDER_CREATED, &seen)
        .await
        .unwrap();
}

#[tokio::test]
async fn stock_and_unknown_events() {
    let receiver = WebhookReceiver::new("s");
    let seen = dedup();
    let stock = br#"{"event":"stock.updated","timestamp":"2026-01-03 13:30:00","data":{"product_id":"789","stock_id":11,"qty":"4"}}"#;
    let p = receiver
        .receive(&receiver.sign(stock), stock, &seen)
        .await
        .unwrap();
    assert_eq!(
        p.timestamp.unwrap().to_rfc3339(),
        "2026-01-03T10:30:00+00:00"
    );
    let EventData::Stock(s) = p.data else {
        panic!("not a stock event")
    };
    assert_eq!(
        (s.product_id, s.stock_id, s.qty),
        (Some(789), Some(11), Some(4))
    );
    let unknown = br#"{"event":"review.created","data":{"review_id":5,"rating":4}}"#;
    let p = receiver
        .receive(&receiver.sign(unknown), unknown, &seen)
        .await
        .unwrap();
    assert_eq!(p.event, WebhookEvent::Other("review.created".into()));
    assert_eq!(
        p.data,
        EventData::Unknown(json!({"review_id": 5, "rating": 4}))
    );
    assert!(p.dedup_key.starts_with("sha256:"), "{}", p.dedup_key);
}

#[tokio::test]
async fn a_verified_but_malformed_body_is_a_decode_error_and_not_recorded() {
    let receiver = WebhookReceiver::new("s");
    let seen = dedup();
    let bad = br#"{"event":"order.created","timestamp":"2026-01-03T10:30:00Z","data":{"order_id":"abc"}}"#;
    let err = receiver
        .receive(&receiver.sign(bad), bad, &seen)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(seen.is_empty());
    assert!(matches!(
        parse(b"not json").unwrap_err(),
        Error::Decode { .. }
    ));
}

#[test]
fn receiver_debug_redacts_the_secret() {
    let receiver = WebhookReceiver::new("super-secret-webhook-key");
    let dbg = format!("{receiver:?}");
    assert!(!dbg.contains("super-secret-webhook-key"), "{dbg}");
}
