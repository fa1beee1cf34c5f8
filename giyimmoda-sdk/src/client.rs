//! [`Client`] and its builder.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use marketplace_core::MarketplaceId;
use marketplace_core::http::{HeaderAuth, RateLimit, RateLimitMode, Transport};
use secrecy::SecretString;

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
    base_url: Option<String>,
    timeout: Option<Duration>,
    http: Option<reqwest::Client>,
    rate_limit: Option<RateLimitMode>,
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

    /// Base URL (default [`DEFAULT_BASE_URL`]).
    #[must_use]
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Per-attempt timeout (default 30 s).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Use this HTTP client (proxies, custom TLS) instead of the shared one.
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Override client-side rate limiting (default: 600 requests per minute).
    #[must_use]
    pub fn rate_limit(mut self, mode: RateLimitMode) -> Self {
        self.rate_limit = Some(mode);
        self
    }

    /// Validate and build.
    pub fn build(self) -> Result<Client> {
        let key = self
            .api_key
            .ok_or_else(|| Error::invalid_input("api_key", "is required"))?;
        let secret = self
            .api_secret
            .ok_or_else(|| Error::invalid_input("api_secret", "is required"))?;
        let auth = HeaderAuth::new([("x-api-key", &key), ("x-api-secret", &secret)])?;
        let base_url = self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let mut transport = Transport::builder(MarketplaceId::GiyimModa, base_url)
            .auth(Arc::new(auth))
            .rate_limit(
                self.rate_limit
                    .unwrap_or(RateLimitMode::PerClient(RateLimit::per_minute(600))),
            );
        if let Some(timeout) = self.timeout {
            transport = transport.timeout(timeout);
        }
        if let Some(http) = self.http {
            transport = transport.http_client(http);
        }
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

    static_assertions::assert_impl_all!(Client: Send, Sync, Clone, fmt::Debug);
}
