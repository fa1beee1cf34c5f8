//! Incoming webhook deliveries: credentials, decoding (old and new names), de-duplication.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use http::{HeaderMap, HeaderValue};
use marketplace_core::codec::Id;
use marketplace_core::webhook::{InMemoryDeduplicator, Rejection, basic_auth_headers};
use trendyol_sdk::Error;
use trendyol_sdk::model::orders::PackageStatus;
use trendyol_sdk::model::webhooks::WebhookRequest;
use trendyol_sdk::webhook::WebhookReceiver;

const LEGACY: &str = include_str!("fixtures/orders/webhook_package_legacy.json");
const V2_PAGE: &str = include_str!("fixtures/orders/shipment_packages_v2.json");

fn dedupe() -> InMemoryDeduplicator {
    InMemoryDeduplicator::new(Duration::from_secs(3600), 1000)
}

fn rejection(err: Error) -> Rejection {
    match err {
        Error::WebhookRejected(r) => r,
        other => panic!("expected a rejection, got {other}"),
    }
}

#[test]
fn basic_right_credentials_accepted_wrong_or_missing_rejected() {
    let receiver = WebhookReceiver::basic("user", "pass");
    let body = LEGACY.as_bytes();
    let ok = basic_auth_headers("user", "pass").unwrap();
    let event = receiver.verify(&ok, body).unwrap();
    assert_eq!(event.package.shipment_package_id, Id::from(58_746_490u64));

    let wrong = basic_auth_headers("user", "nope").unwrap();
    assert_eq!(
        rejection(receiver.verify(&wrong, body).unwrap_err()),
        Rejection::WrongCredentials
    );
    let wrong_user = basic_auth_headers("admin", "pass").unwrap();
    assert_eq!(
        rejection(receiver.verify(&wrong_user, body).unwrap_err()),
        Rejection::WrongCredentials
    );
    let missing = rejection(receiver.verify(&HeaderMap::new(), body).unwrap_err());
    assert!(matches!(missing, Rejection::MissingCredentials { .. }));
    assert_eq!(missing.status_code(), http::StatusCode::UNAUTHORIZED);
}

#[test]
fn api_key_right_key_accepted_wrong_or_missing_rejected() {
    let receiver = WebhookReceiver::api_key("123456");
    let body = LEGACY.as_bytes();
    let mut headers = HeaderMap::new();
    headers.insert("x-api-key", HeaderValue::from_static("123456"));
    assert!(receiver.verify(&headers, body).is_ok());
    headers.insert("x-api-key", HeaderValue::from_static("1234567"));
    assert_eq!(
        rejection(receiver.verify(&headers, body).unwrap_err()),
        Rejection::WrongCredentials
    );
    // Basic credentials are not an API key.
    let basic = basic_auth_headers("123456", "123456").unwrap();
    assert!(matches!(
        rejection(receiver.verify(&basic, body).unwrap_err()),
        Rejection::MissingCredentials { .. }
    ));
}

#[test]
fn credentials_are_checked_before_the_body_is_parsed() {
    let receiver = WebhookReceiver::api_key("k");
    // Garbage body + no credentials: a rejection, not a decode error.
    let err = receiver.verify(&HeaderMap::new(), b"not json").unwrap_err();
    assert!(matches!(err, Error::WebhookRejected(_)));
    // Garbage body with good credentials: a decode error.
    let headers = receiver.delivery_headers(b"not json").unwrap();
    assert!(matches!(
        receiver.verify(&headers, b"not json").unwrap_err(),
        Error::Decode { .. }
    ));
}

#[test]
fn old_name_and_new_name_payloads_both_decode() {
    let receiver = WebhookReceiver::basic("user", "pass");
    let headers = basic_auth_headers("user", "pass").unwrap();
    // Old names, bare package (the webhook-model sample).
    let old = receiver.verify(&headers, LEGACY.as_bytes()).unwrap();
    assert_eq!(
        old.package.lines[0].stock_code.as_deref(),
        Some("merchantSku")
    );
    assert_eq!(old.package.status, Some(PackageStatus::Invoiced));
    assert_eq!(old.key, "58746490:Invoiced:1722298887684");
    // New names, page envelope (the getShipmentPackages sample).
    let new = receiver.verify(&headers, V2_PAGE.as_bytes()).unwrap();
    assert_eq!(new.package.lines[0].stock_code.as_deref(), Some("111111"));
    assert_eq!(new.key, "3330111111:Delivered:1762865408581");
    // An envelope with two packages: verify_all gives both; verify refuses.
    let two =
        r#"{"content":[{"shipmentPackageId":1,"status":"Created"},{"id":2,"status":"Created"}]}"#;
    let events = receiver.verify_all(&headers, two.as_bytes()).unwrap();
    assert_eq!(
        events.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(),
        ["1:Created:-", "2:Created:-"]
    );
    assert!(matches!(
        receiver.verify(&headers, two.as_bytes()).unwrap_err(),
        Error::Decode { .. }
    ));
}

#[tokio::test]
async fn same_event_twice_is_accepted_once_and_a_status_change_is_new() {
    let receiver = WebhookReceiver::basic("user", "pass");
    let headers = basic_auth_headers("user", "pass").unwrap();
    let seen = dedupe();
    let created =
        br#"{"shipmentPackageId": 7, "status": "Created", "lastModifiedDate": 1762865408581}"#;
    let first = receiver.receive(&headers, created, &seen).await.unwrap();
    assert_eq!(first.key, "7:Created:1762865408581");
    let dup = rejection(
        receiver
            .receive(&headers, created, &seen)
            .await
            .unwrap_err(),
    );
    assert!(dup.is_duplicate());
    assert_eq!(dup.status_code(), http::StatusCode::OK);
    // Same event, re-serialized differently (old names, extra whitespace): still a duplicate.
    let same_old =
        br#"{ "id": 7, "status": "Created", "lastModifiedDate": 1762865408581, "x": 1 }"#;
    assert!(
        rejection(
            receiver
                .receive(&headers, same_old, &seen)
                .await
                .unwrap_err()
        )
        .is_duplicate()
    );
    // Status change of the same package: a new event.
    let picking =
        br#"{"shipmentPackageId": 7, "status": "Picking", "lastModifiedDate": 1762865409999}"#;
    assert_eq!(
        receiver
            .receive(&headers, picking, &seen)
            .await
            .unwrap()
            .key,
        "7:Picking:1762865409999"
    );
}

#[tokio::test]
async fn rejected_deliveries_do_not_poison_the_dedupe_cache() {
    let receiver = WebhookReceiver::basic("user", "pass");
    let seen = dedupe();
    let body = br#"{"shipmentPackageId": 9, "status": "Created", "lastModifiedDate": 1}"#;
    let forged = basic_auth_headers("user", "wrong").unwrap();
    assert!(receiver.receive(&forged, body, &seen).await.is_err());
    let good = basic_auth_headers("user", "pass").unwrap();
    assert!(receiver.receive(&good, body, &seen).await.is_ok());
}

#[test]
fn receiver_from_the_registration_request() {
    let req = WebhookRequest::api_key("https://hooks.example.com/ty", "k-1");
    let receiver = WebhookReceiver::for_registration(&req).unwrap();
    let headers = receiver.delivery_headers(b"{}").unwrap();
    assert_eq!(headers.get("x-api-key").unwrap(), "k-1");
    let req = WebhookRequest::basic("https://hooks.example.com/ty", "u", "p");
    let receiver = WebhookReceiver::for_registration(&req).unwrap();
    assert!(
        receiver
            .verify(&basic_auth_headers("u", "p").unwrap(), LEGACY.as_bytes())
            .is_ok()
    );
    let dbg = format!("{receiver:?}");
    assert!(!dbg.contains("\"p\""), "{dbg}");
    let bad = WebhookRequest::api_key("https://trendyol.example.com", "k");
    assert!(matches!(
        WebhookReceiver::for_registration(&bad),
        Err(Error::InvalidInput { .. })
    ));
}

#[test]
fn oversized_body_is_refused() {
    let receiver = WebhookReceiver::api_key("k").with_max_body_bytes(10);
    let headers = receiver.delivery_headers(b"").unwrap();
    let r = rejection(receiver.verify(&headers, LEGACY.as_bytes()).unwrap_err());
    assert_eq!(r.status_code(), http::StatusCode::PAYLOAD_TOO_LARGE);
}
