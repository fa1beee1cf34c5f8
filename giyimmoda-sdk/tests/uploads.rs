//! Uploads against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use giyimmoda_sdk::model::{FileUpload, ListQuery};
use giyimmoda_sdk::{Client, Error};
use serde_json::json;
use wiremock::matchers::{any, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

fn ok(data: &serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": true, "data": data}))
}

fn upload() -> serde_json::Value {
    json!({
        "id": 456, "file_original_name": "invoice", "file_name": "uploads/all/invoice.pdf",
        "user_id": 10, "file_size": "24576", "extension": "pdf", "type": "document",
        "created_at": "2024-12-15 14:30:25", "url": "https://example.com/storage/uploads/all/invoice.pdf"
    })
}

#[tokio::test]
async fn list_and_get_decode_the_documented_columns() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/uploads"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(&json!([upload()])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/uploads/456"))
        .respond_with(ok(&upload()))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client.uploads().list(&ListQuery::new()).await.unwrap();
    let u = &page.items[0];
    assert_eq!(u.file_size, Some(24_576));
    assert_eq!(u.upload_type.as_deref(), Some("document"));
    assert_eq!(u.extension.as_deref(), Some("pdf"));
    assert_eq!(
        u.extra["url"],
        "https://example.com/storage/uploads/all/invoice.pdf"
    );
    let u = client.uploads().get(456).await.unwrap();
    assert_eq!(u.file_name.as_deref(), Some("uploads/all/invoice.pdf"));
}

#[tokio::test]
async fn upload_sends_a_multipart_file_part() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/uploads"))
        .and(header("x-api-secret", "shh"))
        .and(|req: &Request| {
            let ct = req
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let body = String::from_utf8_lossy(&req.body);
            ct.starts_with("multipart/form-data")
                && body.contains("name=\"file\"; filename=\"fatura.pdf\"")
                && body.contains("Content-Type: application/pdf")
                && body.contains("%PDF-1.7 fake")
        })
        .respond_with(ok(&upload()))
        .expect(1)
        .mount(&server)
        .await;
    let file = FileUpload::new("fatura.pdf", "application/pdf", b"%PDF-1.7 fake".to_vec());
    let u = client(&server).uploads().upload(&file).await.unwrap();
    assert_eq!(u.id, 456);
}

#[tokio::test]
async fn upload_field_name_can_be_changed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/uploads"))
        .and(|req: &Request| String::from_utf8_lossy(&req.body).contains("name=\"aiz_file\""))
        .respond_with(ok(&upload()))
        .expect(1)
        .mount(&server)
        .await;
    let file = FileUpload::new("a.jpg", "image/jpeg", vec![0xFF, 0xD8, 0xFF]).field("aiz_file");
    client(&server).uploads().upload(&file).await.unwrap();
}

#[tokio::test]
async fn empty_file_is_rejected_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    let err = client
        .uploads()
        .upload(&FileUpload::new("a.pdf", "application/pdf", Vec::new()))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "data"));
    let err = client
        .uploads()
        .upload(&FileUpload::new("", "application/pdf", vec![1]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "file_name"));
}

#[tokio::test]
async fn delete_sends_delete() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/uploads/456"))
        .respond_with(ok(&json!(null)))
        .expect(1)
        .mount(&server)
        .await;
    client(&server).uploads().delete(456).await.unwrap();
}
