//! OAuth client credentials against a mock token endpoint and API (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marketplace_core::Error;
use marketplace_core::http::Request;
use pazarama_sdk::Client;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .client_id("cid")
        .client_secret("csecret")
        .token_url(format!("{}/connect/token", server.uri()))
        .base_url(server.uri())
        .build()
        .unwrap()
}

#[tokio::test]
async fn one_token_for_a_hundred_concurrent_calls() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .and(header("authorization", "Basic Y2lkOmNzZWNyZXQ="))
        .and(body_string_contains("grant_type=client_credentials"))
        .and(body_string_contains("scope=merchantgatewayapi.fullaccess"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": "tok-1", "expires_in": 3600, "token_type": "Bearer"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/brand/getBrands"))
        .and(header("authorization", "Bearer tok-1"))
        .respond_with(ResponseTemplate::new(200))
        .expect(100)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let calls = (0..100).map(|_| {
        client
            .transport()
            .execute_unit(Request::get("/brand/getBrands"))
    });
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
}

#[tokio::test]
async fn a_refused_token_request_is_an_auth_error_without_the_secret() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(serde_json::json!({"error": "invalid_client"})),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .await
        .transport()
        .execute_unit(Request::get("/brand/getBrands"))
        .await
        .unwrap_err();
    match &err {
        Error::Auth { status, message } => {
            assert_eq!(*status, Some(400));
            assert!(message.contains("invalid_client"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!err.to_string().contains("csecret"));
}
