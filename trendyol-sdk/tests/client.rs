//! The client's wire identity against a mock server (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marketplace_core::http::Request;
use trendyol_sdk::Client;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn every_call_carries_basic_auth_and_the_required_user_agent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/brands"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap();
    client
        .transport()
        .execute_unit(Request::get("/integration/product/brands"))
        .await
        .unwrap();
}
