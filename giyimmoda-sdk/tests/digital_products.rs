//! Digital products against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use giyimmoda_sdk::model::{DigitalDownload, DigitalProductUpdate, ListQuery, NewDigitalProduct};
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

fn product() -> serde_json::Value {
    json!({
        "id": 501, "name": "Dikiş Kalıbı PDF", "category_id": "149",
        "unit_price": "49.90", "published": true, "digital": 1,
        "created_at": "2025-01-03 10:00:00"
    })
}

#[tokio::test]
async fn list_and_get_decode() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/digital-products"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(&json!([product()])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/digital-products/501"))
        .respond_with(ok(&product()))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .digital_products()
        .list(&ListQuery::new())
        .await
        .unwrap();
    assert_eq!(page.items[0].category_id, Some(149));
    assert_eq!(page.items[0].unit_price, Some(Decimal::new(4990, 2)));
    assert_eq!(page.items[0].extra["digital"], 1);
    let p = client.digital_products().get(501).await.unwrap();
    assert_eq!(p.name.as_deref(), Some("Dikiş Kalıbı PDF"));
    assert_eq!(p.published, Some(true));
}

#[tokio::test]
async fn create_posts_the_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/digital-products"))
        .and(body_json(json!({
            "name": "Dikiş Kalıbı PDF", "category_id": 149, "unit_price": 49.9,
            "file_url": "https://example.com/kalip.pdf"
        })))
        .respond_with(ok(&product()))
        .expect(1)
        .mount(&server)
        .await;
    let new = NewDigitalProduct {
        name: "Dikiş Kalıbı PDF".into(),
        category_id: 149,
        unit_price: Decimal::new(4990, 2),
        file_url: Some("https://example.com/kalip.pdf".into()),
        ..Default::default()
    };
    let p = client(&server)
        .digital_products()
        .create(&new)
        .await
        .unwrap();
    assert_eq!(p.id, 501);
}

#[tokio::test]
async fn bad_create_and_update_are_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let client = client(&server);
    let err = client
        .digital_products()
        .create(&NewDigitalProduct {
            name: "".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "name"));
    let err = client
        .digital_products()
        .create(&NewDigitalProduct {
            name: "X".into(),
            unit_price: Decimal::from(-1),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "unit_price"));
    let err = client
        .digital_products()
        .update(501, &DigitalProductUpdate::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "digital_product"));
}

#[tokio::test]
async fn update_and_delete() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/digital-products/501"))
        .and(body_json(json!({"unit_price": 59.9, "published": false})))
        .respond_with(ok(&product()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/digital-products/501"))
        .respond_with(ok(&json!(null)))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let update = DigitalProductUpdate {
        unit_price: Some(Decimal::new(599, 1)),
        published: Some(false),
        ..Default::default()
    };
    client
        .digital_products()
        .update(501, &update)
        .await
        .unwrap();
    client.digital_products().delete(501).await.unwrap();
}

#[tokio::test]
async fn download_returns_the_file_bytes() {
    let server = MockServer::start().await;
    let pdf = b"%PDF-1.7 fake".to_vec();
    Mock::given(method("GET"))
        .and(path("/api/seller/digital-products/501/download"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/pdf")
                .insert_header("content-disposition", "attachment; filename=\"kalip.pdf\"")
                .set_body_bytes(pdf.clone()),
        )
        .expect(1)
        .mount(&server)
        .await;
    match client(&server)
        .digital_products()
        .download(501)
        .await
        .unwrap()
    {
        DigitalDownload::File {
            bytes,
            file_name,
            content_type,
        } => {
            assert_eq!(bytes, pdf);
            assert_eq!(file_name.as_deref(), Some("kalip.pdf"));
            assert_eq!(content_type.as_deref(), Some("application/pdf"));
        }
        other => panic!("expected a file, got {other:?}"),
    }
}

#[tokio::test]
async fn download_as_a_link() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/digital-products/501/download"))
        .respond_with(ok(&json!({
            "download_url": "https://example.com/storage/kalip.pdf",
            "filename": "kalip.pdf",
            "file_size": "245760"
        })))
        .expect(1)
        .mount(&server)
        .await;
    match client(&server)
        .digital_products()
        .download(501)
        .await
        .unwrap()
    {
        DigitalDownload::Link(link) => {
            assert_eq!(link.download_url, "https://example.com/storage/kalip.pdf");
            assert_eq!(link.file_size, Some(245_760));
        }
        other => panic!("expected a link, got {other:?}"),
    }
}
