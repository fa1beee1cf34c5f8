//! [`Client`] and its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use marketplace_core::MarketplaceId;
use marketplace_core::http::{
    BasicAuth, BearerAuth, DriftMode, RateLimitMode, RetryPolicy, Transport, TransportOptions,
};
use secrecy::SecretString;

use crate::auth::ClientCredentials;
use crate::{Error, Result};

/// Pazarama's API host.
pub const DEFAULT_API_URL: &str = "https://isortagimapi.pazarama.com";
/// Pazarama's OAuth token endpoint.
pub const DEFAULT_TOKEN_URL: &str = "https://isortagimgiris.pazarama.com/connect/token";

/// A Pazarama API client. Cheap to clone: clones share the connection pool, the rate
/// limiter and the cached token.
#[derive(Clone)]
pub struct Client {
    transport: Transport,
}

impl Client {
    /// Start configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The API base URL.
    pub fn api_url(&self) -> &str {
        self.transport.base_url().as_str()
    }

    /// The transport (OAuth, rate limit, retry) every request goes through.
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
    client_id: Option<String>,
    client_secret: Option<SecretString>,
    api_url: Option<String>,
    token_url: Option<String>,
    options: TransportOptions,
}

impl ClientBuilder {
    /// Client id from the İş Ortağım panel ("Hesap Bilgileri").
    #[must_use]
    pub fn client_id(mut self, id: impl Into<String>) -> Self {
        self.client_id = Some(id.into());
        self
    }

    /// Client secret. Never printed.
    #[must_use]
    pub fn client_secret(mut self, secret: impl Into<String>) -> Self {
        self.client_secret = Some(SecretString::from(secret.into()));
        self
    }

    /// API base URL (default [`DEFAULT_API_URL`]).
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.api_url = Some(url.into());
        self
    }

    /// Token endpoint (default [`DEFAULT_TOKEN_URL`]).
    #[must_use]
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        self.token_url = Some(url.into());
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

    /// Override client-side rate limiting (default: none; Pazarama documents no limit).
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

    /// Validate and build.
    pub fn build(self) -> Result<Client> {
        let client_id = self
            .client_id
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| Error::invalid_input("client_id", "is required"))?;
        let client_secret = self
            .client_secret
            .ok_or_else(|| Error::invalid_input("client_secret", "is required"))?;
        let token_url = self.token_url.as_deref().unwrap_or(DEFAULT_TOKEN_URL);
        let api_url = self.api_url.as_deref().unwrap_or(DEFAULT_API_URL);

        let token_options = TransportOptions {
            rate_limit: None,
            ..self.options.clone()
        };
        let token = token_options.apply(
            Transport::builder(MarketplaceId::Pazarama, token_url)
                .auth(Arc::new(BasicAuth::new(&client_id, &client_secret)?)),
        );
        let api = self
            .options
            .apply(Transport::builder(MarketplaceId::Pazarama, api_url));
        let source = ClientCredentials {
            token_transport: token.build()?,
        };
        let transport = api
            .auth(Arc::new(BearerAuth::new(Arc::new(source))))
            .build()?;
        Ok(Client { transport })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("client_id", &self.client_id)
            .field("client_secret", &"[REDACTED]")
            .field("api_url", &self.api_url)
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_redacts() {
        assert!(Client::builder().build().is_err());
        let b = || {
            Client::builder()
                .client_id("id")
                .client_secret("hunter2-secret")
        };
        let client = b().build().unwrap();
        let dbg = format!("{client:?} {:?}", b());
        assert!(!dbg.contains("hunter2"), "{dbg}");
        let err = b().token_url("::").build().unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }));
    }

    static_assertions::assert_impl_all!(Client: Send, Sync, Clone, fmt::Debug);
}
