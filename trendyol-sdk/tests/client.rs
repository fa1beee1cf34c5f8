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

#[tokio::test]
async fn retired_paths_and_blocked_requests_come_back_with_hints() {
    use trendyol_sdk::Error;
    let server = MockServer::start().await;
    Mock::given(path("/integration/order/sellers/777/orders"))
        .respond_with(ResponseTemplate::new(426))
        .mount(&server)
        .await;
    Mock::given(path("/integration/product/brands"))
        .respond_with(ResponseTemplate::new(403))
        .mount(&server)
        .await;
    let client = Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap();
    let err = client
        .transport()
        .execute_unit(Request::get("/integration/order/sellers/777/orders"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Deprecated { status: 426, hint, .. } if hint.contains("V2")),
        "{err:?}"
    );
    let err = client
        .transport()
        .execute_unit(Request::get("/integration/product/brands"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("User-Agent"), "{err}");
}

#[test]
fn default_limits_cover_the_documented_groups() {
    use marketplace_core::http::RateLimitMode;
    let RateLimitMode::PerEndpoint { default, groups } = trendyol_sdk::default_rate_limits() else {
        panic!("per-endpoint limits expected");
    };
    assert_eq!((default.requests, default.per.as_secs()), (50, 10));
    let names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
    for expected in ["product-read", "product-write", "inventory-write"] {
        assert!(names.contains(&expected), "{names:?}");
    }
}
