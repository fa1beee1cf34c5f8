//! Addresses against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::model::{AddressInput, ListQuery, PerPage};
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

fn address(id: u64) -> serde_json::Value {
    json!({
        "id": id,
        "address": "Atatürk Cad. No:123",
        "country_id": "223",
        "state_id": 40,
        "city_id": null,
        "postal_code": 34000,
        "phone": "05551234567",
        "set_default": 1,
        "city": {"id": 5, "name": "Kadıköy"}
    })
}

#[tokio::test]
async fn list_sends_paging_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/addresses"))
        .and(query_param("page", "2"))
        .and(query_param("per_page", "10"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [address(7)],
            "pagination": {"current_page": 2, "last_page": 2, "per_page": 10, "total": 11}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .addresses()
        .list(&ListQuery::new().page(2).per_page(PerPage::Count(10)))
        .await
        .unwrap();
    let a = &page.items[0];
    assert_eq!(a.id, 7);
    assert_eq!(a.country_id, Some(223));
    assert_eq!(a.city_id, None);
    assert_eq!(a.postal_code.as_deref(), Some("34000"));
    assert_eq!(a.set_default, Some(true));
    assert_eq!(a.extra["city"]["name"], "Kadıköy");
    assert_eq!(page.pagination.unwrap().total, Some(11));
}

#[tokio::test]
async fn stream_of_an_unpaginated_answer_asks_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/addresses"))
        .and(query_param("page", "1"))
        .respond_with(ok(&json!([address(1), address(2)])))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let ids: Vec<u64> = client
        .addresses()
        .stream(&ListQuery::new())
        .map_ok(|a| a.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec![1, 2]);
}

#[tokio::test]
async fn get_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/addresses/7"))
        .respond_with(ok(&address(7)))
        .expect(1)
        .mount(&server)
        .await;
    let a = client(&server).addresses().get(7).await.unwrap();
    assert_eq!(a.address.as_deref(), Some("Atatürk Cad. No:123"));
}

#[tokio::test]
async fn create_posts_the_fields_set() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/addresses"))
        .and(body_json(json!({
            "address": "Atatürk Cad. No:123", "city_id": 5, "postal_code": "34000", "phone": "05551234567"
        })))
        .respond_with(ok(&address(8)))
        .expect(1)
        .mount(&server)
        .await;
    let input = AddressInput {
        address: Some("Atatürk Cad. No:123".into()),
        city_id: Some(5),
        postal_code: Some("34000".into()),
        phone: Some("05551234567".into()),
        ..Default::default()
    };
    let a = client(&server).addresses().create(&input).await.unwrap();
    assert_eq!(a.id, 8);
}

#[tokio::test]
async fn create_without_address_text_is_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let input = AddressInput {
        address: Some("  ".into()),
        phone: Some("05551234567".into()),
        ..Default::default()
    };
    let err = client(&server)
        .addresses()
        .create(&input)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "address"));
    let err = client(&server)
        .addresses()
        .update(7, &AddressInput::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "address"));
}

#[tokio::test]
async fn update_puts_the_fields_set() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/addresses/7"))
        .and(body_json(json!({"phone": "05559999999"})))
        .respond_with(ok(&address(7)))
        .expect(1)
        .mount(&server)
        .await;
    let input = AddressInput {
        phone: Some("05559999999".into()),
        ..Default::default()
    };
    client(&server).addresses().update(7, &input).await.unwrap();
}

#[tokio::test]
async fn delete_and_set_default() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/addresses/7"))
        .respond_with(ok(&json!(null)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/addresses/8/set-default"))
        .respond_with(ok(&json!({"id": 8, "set_default": true})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    client.addresses().delete(7).await.unwrap();
    client.addresses().set_default(8).await.unwrap();
}
