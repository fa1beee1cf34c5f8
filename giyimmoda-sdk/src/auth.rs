//! How credentials become headers: `X-API-Key` / `X-API-Secret` (see
//! [`ClientBuilder::api_key`](crate::ClientBuilder::api_key)) or an e-mail/password login
//! that yields a Bearer token ([`ClientBuilder::login`](crate::ClientBuilder::login)).
//!
//! The login mode plugs a login [`TokenSource`] into [`marketplace_core::http::BearerAuth`]: the token is
//! fetched on the first call, cached, and fetched again once when the API answers 401
//! (a second 401 becomes [`Error::Auth`]).

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use marketplace_core::http::{Request, Token, TokenSource, Transport};
use marketplace_core::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Where the login request goes, relative to the base URL, when
/// [`ClientBuilder::login_path`](crate::ClientBuilder::login_path) is not set.
///
/// The API document shows the login body (`{"email", "password"}`) and the resulting
/// `Authorization: Bearer 1|…` header, but not the login path; `login` (i.e.
/// `https://www.giyimmoda.com.tr/api/seller/login`) is an assumption.
pub const DEFAULT_LOGIN_PATH: &str = "login";

/// E-mail/password login: a [`TokenSource`] that posts the credentials to the login path
/// through its own unauthenticated transport.
pub(crate) struct Login {
    pub(crate) transport: Transport,
    pub(crate) path: String,
    pub(crate) email: String,
    pub(crate) password: SecretString,
}

impl fmt::Debug for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Login")
            .field("path", &self.path)
            .field("email", &"[REDACTED]")
            .field("password", &"[REDACTED]")
            .finish()
    }
}

/// The login answer. The document does not show it, so the usual Laravel shapes are all
/// accepted: the token in `data.token`, `data.access_token`, `token` or `access_token`,
/// with an optional `expires_in` (seconds) next to it.
#[derive(Deserialize)]
struct LoginResponse {
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    success: Option<bool>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    data: Option<TokenFields>,
    #[serde(flatten)]
    top: TokenFields,
}

#[derive(Deserialize, Default)]
struct TokenFields {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    expires_in: Option<u64>,
}

impl TokenFields {
    fn token(&mut self) -> Option<String> {
        self.token
            .take()
            .or_else(|| self.access_token.take())
            .filter(|t| !t.trim().is_empty())
    }
}

#[derive(serde::Serialize)]
struct LoginBody<'a> {
    email: &'a str,
    password: &'a str,
}

#[async_trait]
impl TokenSource for Login {
    async fn fetch_token(&self) -> Result<Token> {
        let request = Request::post(self.path.clone()).json(&LoginBody {
            email: &self.email,
            password: self.password.expose_secret(),
        });
        let response: LoginResponse = match self.transport.execute(request).await {
            Ok(r) => r,
            Err(Error::Api {
                status, message, ..
            }) => {
                return Err(Error::Auth {
                    status: Some(status),
                    message: format!("login refused: {message}"),
                });
            }
            Err(e) => return Err(e),
        };
        let LoginResponse {
            success,
            message,
            data,
            mut top,
        } = response;
        if success == Some(false) {
            return Err(Error::Auth {
                status: None,
                message: format!(
                    "login refused: {}",
                    message.unwrap_or_else(|| "success: false".into())
                ),
            });
        }
        let mut data = data.unwrap_or_default();
        let expires_in = data.expires_in.or(top.expires_in);
        let token = data
            .token()
            .or_else(|| top.token())
            .ok_or_else(|| Error::Auth {
                status: None,
                message: "login answered without a token".into(),
            })?;
        Ok(Token {
            value: SecretString::from(token),
            expires_in: expires_in.map(Duration::from_secs),
        })
    }
}
