//! Profile and shop against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use giyimmoda_sdk::model::{ProfileUpdate, ShopUpdate, ShopVerification};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
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

/// Fails the test (on drop of the server) if any request arrives.
async fn expect_no_request(server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(server)
        .await;
}

fn ok(data: &serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .set_body_json(json!({"success": true, "message": "OK", "data": data}))
}

#[tokio::test]
async fn profile_get_decodes_lenient_fields_and_keeps_unknown_ones() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/profile"))
        .and(header("x-api-key", "sk_test"))
        .and(header("x-api-secret", "shh"))
        .respond_with(ok(&json!({
            "id": "10",
            "name": "Moda Butik",
            "email": "seller@example.com",
            "phone": 5551234567u64,
            "avatar": null,
            "user_type": "seller",
            "created_at": "2024-12-15 14:30:25"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let profile = client(&server).profile().get().await.unwrap();
    assert_eq!(profile.id, 10);
    assert_eq!(profile.name.as_deref(), Some("Moda Butik"));
    assert_eq!(profile.phone.as_deref(), Some("5551234567"));
    assert_eq!(profile.avatar, None);
    // Istanbul local time (UTC+3).
    assert_eq!(
        profile.created_at,
        Some(Utc.with_ymd_and_hms(2024, 12, 15, 11, 30, 25).unwrap())
    );
    assert_eq!(profile.extra["user_type"], "seller");
}

#[tokio::test]
async fn profile_update_sends_only_the_fields_set() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/profile"))
        .and(header("content-type", "application/json"))
        .and(body_json(
            json!({"name": "Yeni Ad", "phone": "05550000000", "iban": "TR00"}),
        ))
        .respond_with(ok(
            &json!({"id": 10, "name": "Yeni Ad", "phone": "05550000000"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut update = ProfileUpdate {
        name: Some("Yeni Ad".into()),
        phone: Some("05550000000".into()),
        ..Default::default()
    };
    update.extra.insert("iban".into(), json!("TR00"));
    let profile = client(&server).profile().update(&update).await.unwrap();
    assert_eq!(profile.name.as_deref(), Some("Yeni Ad"));
}

#[tokio::test]
async fn empty_profile_update_is_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let err = client(&server)
        .profile()
        .update(&ProfileUpdate::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { ref field, .. } if field == "profile"),
        "{err}"
    );
}

#[tokio::test]
async fn success_false_becomes_an_api_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/profile"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": false, "message": "Hesap askıda"})),
        )
        .mount(&server)
        .await;
    let err = client(&server).profile().get().await.unwrap_err();
    assert_eq!(err.to_string(), "API error 200: Hesap askıda");
}

#[tokio::test]
async fn shop_get_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/shop"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(&json!({
            "id": 3,
            "user_id": 10,
            "name": "Moda Butik",
            "slug": "moda-butik",
            "logo": 812,
            "rating": "4.50",
            "verification_status": "1",
            "meta_title": null,
            "created_at": "2024-01-02T10:00:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let shop = client(&server).shop().get().await.unwrap();
    assert_eq!(shop.id, 3);
    assert_eq!(shop.slug.as_deref(), Some("moda-butik"));
    assert_eq!(shop.logo.as_deref(), Some("812"));
    assert_eq!(shop.rating, Some(Decimal::new(450, 2)));
    assert_eq!(shop.verification_status, Some(true));
    assert_eq!(shop.meta_title, None);
    assert_eq!(shop.extra["user_id"], 10);
}

#[tokio::test]
async fn shop_update_sends_the_fields_set() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/shop"))
        .and(body_json(
            json!({"name": "Yeni Butik", "meta_description": "Kadın giyim"}),
        ))
        .respond_with(ok(&json!({"id": 3, "name": "Yeni Butik"})))
        .expect(1)
        .mount(&server)
        .await;
    let update = ShopUpdate {
        name: Some("Yeni Butik".into()),
        meta_description: Some("Kadın giyim".into()),
        ..Default::default()
    };
    let shop = client(&server).shop().update(&update).await.unwrap();
    assert_eq!(shop.name.as_deref(), Some("Yeni Butik"));
}

#[tokio::test]
async fn empty_shop_update_is_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let err = client(&server)
        .shop()
        .update(&ShopUpdate::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "shop"));
}

#[tokio::test]
async fn shop_verification_posts_the_form() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/shop/verification"))
        .and(body_json(
            json!({"company_name": "Örnek Ltd.", "tax_number": "1234567890"}),
        ))
        .respond_with(ok(&json!(null)))
        .expect(1)
        .mount(&server)
        .await;
    let form = ShopVerification::new()
        .field("company_name", "Örnek Ltd.")
        .field("tax_number", "1234567890");
    client(&server)
        .shop()
        .request_verification(&form)
        .await
        .unwrap();
}

#[tokio::test]
async fn empty_shop_verification_is_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let err = client(&server)
        .shop()
        .request_verification(&ShopVerification::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "verification"));
}
