//! `POST /connect/token`: OAuth2 client credentials, as Pazarama's IdentityServer does it.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;

use super::Sb;
use crate::sandbox::{SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET};

const SCOPE: &str = "merchantgatewayapi.fullaccess";

fn oauth_error(error: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({ "error": error })),
    )
        .into_response()
}

fn whole_seconds(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

pub(crate) async fn token(
    axum::extract::State(shared): Sb,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let credentials = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b.trim()).ok())
        .and_then(|raw| String::from_utf8(raw).ok());
    let expected = format!("{SANDBOX_CLIENT_ID}:{SANDBOX_CLIENT_SECRET}");
    if credentials.as_deref() != Some(expected.as_str()) {
        return oauth_error("invalid_client");
    }
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if field("grant_type") != Some("client_credentials") {
        return oauth_error("unsupported_grant_type");
    }
    if field("scope").is_some_and(|s| s.split(' ').all(|s| s != SCOPE)) {
        return oauth_error("invalid_scope");
    }
    let ttl = shared.config.token_ttl;
    let advertised = shared.config.advertised_expires_in.unwrap_or(ttl);
    let access_token = format!("pzsb.{}", uuid::Uuid::new_v4().simple());
    {
        let mut state = shared.lock();
        state
            .tokens
            .insert(access_token.clone(), Instant::now() + ttl);
        state.tokens_issued += 1;
    }
    axum::Json(json!({
        "access_token": access_token,
        "expires_in": whole_seconds(advertised),
        "token_type": "Bearer",
        "scope": SCOPE,
    }))
    .into_response()
}
