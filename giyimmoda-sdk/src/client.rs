//! [`Client`] and its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use marketplace_core::MarketplaceId;
use marketplace_core::http::{
    Auth, BearerAuth, DriftMode, HeaderAuth, NoAuth, RateLimit, RateLimitMode, RetryPolicy,
    Transport, TransportOptions,
};
use secrecy::SecretString;

use crate::auth::{DEFAULT_LOGIN_PATH, Login};
use crate::{Error, Result};

/// The seller API's base URL.
pub const DEFAULT_BASE_URL: &str = "https://www.giyimmoda.com.tr/api/seller/";

/// A Giyim Moda API client. Cheap to clone: clones share the connection pool and the
/// rate limiter.
#[derive(Clone)]
pub struct Client {
    transport: Transport,
}

impl Client {
    /// Start configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.transport.base_url().as_str()
    }

    /// The transport (auth, rate limit, retry) every request goes through.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("transport", &self.transport)
            .finish()
    }
}

/// Configures a [`Client`]; [`ClientBuilder::build`] validates everything once.
#[derive(Default)]
pub struct ClientBuilder {
    api_key: Option<SecretString>,
    api_secret: Option<SecretString>,
    login: Option<(String, SecretString)>,
    login_path: Option<String>,
    base_url: Option<String>,
    options: TransportOptions,
}

impl ClientBuilder {
    /// API key (`X-API-Key`), created in the seller panel. Never printed.
    #[must_use]
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(SecretString::from(key.into()));
        self
    }

    /// API secret (`X-API-Secret`). Never printed.
    #[must_use]
    pub fn api_secret(mut self, secret: impl Into<String>) -> Self {
        self.api_secret = Some(SecretString::from(secret.into()));
        self
    }

    /// Authenticate with the seller's e-mail and password instead of an API key: the
    /// client logs in on its first call (`POST` [`login_path`](Self::login_path) with
    /// `{"email", "password"}`), sends `Authorization: Bearer <token>`, and logs in again
    /// once when the API answers 401. Use either this or
    /// [`api_key`](Self::api_key) + [`api_secret`](Self::api_secret), not both.
    /// Neither value is ever printed.
    #[must_use]
    pub fn login(mut self, email: impl Into<String>, password: impl Into<String>) -> Self {
        self.login = Some((email.into(), SecretString::from(password.into())));
        self
    }

    /// The login path, relative to the base URL (default [`DEFAULT_LOGIN_PATH`], an
    /// assumption: the API document does not name it).
    #[must_use]
    pub fn login_path(mut self, path: impl Into<String>) -> Self {
        self.login_path = Some(path.into());
        self
    }

    /// Base URL (default [`DEFAULT_BASE_URL`]).
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Per-attempt timeout (default 30 s).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// Use this HTTP client (proxies, custom TLS) instead of the shared one.
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.options.http = Some(client);
        self
    }

    /// Override client-side rate limiting (default: 600 requests per minute, as documented).
    #[must_use]
    pub fn rate_limit(mut self, mode: RateLimitMode) -> Self {
        self.options.rate_limit = Some(mode);
        self
    }

    /// Retry policy (default [`RetryPolicy::default`]: 4 attempts, capped backoff).
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry = Some(policy);
        self
    }

    /// How response fields the models do not know are reported (default
    /// [`DriftMode::Warn`]; [`DriftMode::Strict`] for a CI job that watches for API changes).
    #[must_use]
    pub fn drift_mode(mut self, mode: DriftMode) -> Self {
        self.options.drift = Some(mode);
        self
    }

    /// Validate and build. Exactly one authentication mode is required: `api_key` +
    /// `api_secret`, or `login`.
    pub fn build(self) -> Result<Client> {
        let base_url = self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let auth: Arc<dyn Auth> = match (self.login, self.api_key, self.api_secret) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(Error::invalid_input(
                    "login",
                    "use either api_key/api_secret or login, not both",
                ));
            }
            (Some((email, password)), None, None) => {
                if email.trim().is_empty() {
                    return Err(Error::invalid_input("email", "is required"));
                }
                let login_options = TransportOptions {
                    rate_limit: None,
                    ..self.options.clone()
                };
                let login = login_options.apply(
                    Transport::builder(MarketplaceId::GiyimModa, base_url).auth(Arc::new(NoAuth)),
                );
                let path = self
                    .login_path
                    .unwrap_or_else(|| DEFAULT_LOGIN_PATH.to_owned());
                Arc::new(BearerAuth::new(Arc::new(Login {
                    transport: login.build()?,
                    path,
                    email,
                    password,
                })))
            }
            (None, key, secret) => {
                let key = key.ok_or_else(|| Error::invalid_input("api_key", "is required"))?;
                let secret =
                    secret.ok_or_else(|| Error::invalid_input("api_secret", "is required"))?;
                Arc::new(HeaderAuth::new([
                    ("x-api-key", &key),
                    ("x-api-secret", &secret),
                ])?)
            }
        };
        let mut options = self.options;
        options
            .rate_limit
            .get_or_insert(RateLimitMode::PerClient(RateLimit::per_minute(600)));
        let transport =
            options.apply(Transport::builder(MarketplaceId::GiyimModa, base_url).auth(auth));
        Ok(Client {
            transport: transport.build()?,
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &"[REDACTED]")
            .field("api_secret", &"[REDACTED]")
            .field("login", &self.login.as_ref().map(|_| "[REDACTED]"))
            .field("login_path", &self.login_path)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_redacts() {
        assert!(Client::builder().api_key("k").build().is_err());
        let b = || {
            Client::builder()
                .api_key("sk_live_key")
                .api_secret("very-secret")
        };
        let client = b().build().unwrap();
        let dbg = format!("{client:?} {:?}", b());
        assert!(
            !dbg.contains("sk_live_key") && !dbg.contains("very-secret"),
            "{dbg}"
        );
    }

    #[test]
    fn exactly_one_auth_mode() {
        let both = Client::builder()
            .api_key("k")
            .api_secret("s")
            .login("a@b.c", "pw")
            .build()
            .unwrap_err();
        assert!(
            matches!(&both, Error::InvalidInput { field, .. } if field == "login"),
            "{both}"
        );
        let none = Client::builder().build().unwrap_err();
        assert!(matches!(&none, Error::InvalidInput { field, .. } if field == "api_key"));
        let half = Client::builder()
            .login("a@b.c", "pw")
            .api_secret("s")
            .build();
        assert!(half.is_err());
        let empty = Client::builder().login(" ", "pw").build().unwrap_err();
        assert!(matches!(&empty, Error::InvalidInput { field, .. } if field == "email"));
        assert!(Client::builder().login("a@b.c", "pw").build().is_ok());
    }

    #[test]
    fn login_mode_redacts() {
        let b = || {
            Client::builder()
                .login("seller@example.com", "hunter2-password")
                .login_path("auth/login")
        };
        let client = b().build().unwrap();
        let dbg = format!("{client:?} {:?}", b());
        assert!(
            !dbg.contains("seller@example.com") && !dbg.contains("hunter2-password"),
            "{dbg}"
        );
    }

    static_assertions::assert_impl_all!(Client: Send, Sync, Clone, fmt::Debug);
}
