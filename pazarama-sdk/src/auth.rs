//! OAuth2 client credentials against Pazarama's token endpoint.

use std::time::Duration;

use async_trait::async_trait;
use marketplace_core::http::{Request, Token, TokenSource, Transport};
use marketplace_core::{Error, Result};
use secrecy::SecretString;
use serde::Deserialize;

/// Fetches tokens with `grant_type=client_credentials` and
/// `scope=merchantgatewayapi.fullaccess`, authenticating with HTTP Basic
/// (client id / client secret) — the transport given here carries that Basic auth.
#[derive(Debug)]
pub(crate) struct ClientCredentials {
    pub(crate) token_transport: Transport,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[async_trait]
impl TokenSource for ClientCredentials {
    async fn fetch_token(&self) -> Result<Token> {
        let request = Request::post("")
            .form(vec![
                ("grant_type".into(), "client_credentials".into()),
                ("scope".into(), "merchantgatewayapi.fullaccess".into()),
            ])
            // Asking for a token twice is harmless.
            .idempotent(true);
        let response: TokenResponse = match self.token_transport.execute(request).await {
            Ok(r) => r,
            Err(Error::Api {
                status, message, ..
            }) => {
                return Err(Error::Auth {
                    status: Some(status),
                    message: format!("token endpoint refused: {message}"),
                });
            }
            Err(e) => return Err(e),
        };
        Ok(Token {
            value: SecretString::from(response.access_token),
            expires_in: response.expires_in.map(Duration::from_secs),
        })
    }
}
