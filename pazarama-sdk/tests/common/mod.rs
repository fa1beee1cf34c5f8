//! Shared test helpers: a client pointed at a wiremock server with a token mock.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::needless_pass_by_value
)]

use pazarama_sdk::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A client whose token and API URLs point at `server`; the token endpoint answers `tok`.
pub(crate) async fn client(server: &MockServer) -> Client {
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": "tok", "expires_in": 3600, "token_type": "Bearer"
        })))
        .mount(server)
        .await;
    Client::builder()
        .client_id("cid")
        .client_secret("csecret")
        .token_url(format!("{}/connect/token", server.uri()))
        .base_url(server.uri())
        .build()
        .unwrap()
}

/// A JSON response with `body` as its raw text.
pub(crate) fn json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json")
}

/// The `{data, success: true}` envelope around `data`.
pub(crate) fn ok(data: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "data": data, "success": true, "messageCode": null, "message": null,
        "userMessage": null, "fromCache": false
    }))
}

/// Requests that reached `server` other than the token call.
pub(crate) async fn api_requests(server: &MockServer) -> Vec<wiremock::Request> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path() != "/connect/token")
        .collect()
}
