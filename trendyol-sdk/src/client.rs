//! [`Client`], its builder and the environments it can talk to.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use marketplace_core::MarketplaceId;
use marketplace_core::http::{BasicAuth, RateLimit, RateLimitMode, Transport};
use secrecy::SecretString;

use crate::{Error, Result};

/// Where the client sends requests.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Environment {
    /// `https://apigw.trendyol.com`.
    #[default]
    Production,
    /// `https://stageapigw.trendyol.com` (needs an allow-listed IP and stage credentials).
    Stage,
    /// Any base URL (a sandbox, a proxy, a test server).
    Custom(String),
}

impl Environment {
    /// The base URL of this environment.
    pub fn base_url(&self) -> &str {
        match self {
            Environment::Production => "https://apigw.trendyol.com",
            Environment::Stage => "https://stageapigw.trendyol.com",
            Environment::Custom(url) => url,
        }
    }
}

/// A Trendyol API client. Cheap to clone: clones share the connection pool, the rate
/// limiter and the credentials.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    seller_id: u64,
    environment: Environment,
    transport: Transport,
}

impl Client {
    /// Start configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The seller (supplier) id every path is scoped to.
    pub fn seller_id(&self) -> u64 {
        self.inner.seller_id
    }

    /// The environment the client talks to.
    pub fn environment(&self) -> &Environment {
        &self.inner.environment
    }

    /// The transport (auth, rate limit, retry) every request goes through.
    pub fn transport(&self) -> &Transport {
        &self.inner.transport
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("seller_id", &self.inner.seller_id)
            .field("environment", &self.inner.environment)
            .field("transport", &self.inner.transport)
            .finish()
    }
}

/// Configures a [`Client`]; [`ClientBuilder::build`] validates everything once.
#[derive(Default)]
pub struct ClientBuilder {
    seller_id: Option<u64>,
    api_key: Option<String>,
    api_secret: Option<SecretString>,
    environment: Environment,
    integrator: Option<String>,
    timeout: Option<Duration>,
    http: Option<reqwest::Client>,
    rate_limit: Option<RateLimitMode>,
}

impl ClientBuilder {
    /// Seller id from the seller panel ("Hesap Bilgilerim" → "Entegrasyon Bilgileri").
    #[must_use]
    pub fn seller_id(mut self, id: u64) -> Self {
        self.seller_id = Some(id);
        self
    }

    /// API key (the Basic-auth user name).
    #[must_use]
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// API secret (the Basic-auth password). Never printed.
    #[must_use]
    pub fn api_secret(mut self, secret: impl Into<String>) -> Self {
        self.api_secret = Some(SecretString::from(secret.into()));
        self
    }

    /// Production (default), stage, or a custom URL.
    #[must_use]
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// Shorthand for `environment(Environment::Custom(url))`.
    #[must_use]
    pub fn base_url(self, url: impl Into<String>) -> Self {
        self.environment(Environment::Custom(url.into()))
    }

    /// Integrator company name for the `User-Agent` (`"{sellerId} - {name}"`); default
    /// `SelfIntegration`. Alphanumeric, at most 30 characters.
    #[must_use]
    pub fn integrator(mut self, name: impl Into<String>) -> Self {
        self.integrator = Some(name.into());
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

    /// Override client-side rate limiting (default: 50 requests per 10 s per endpoint).
    #[must_use]
    pub fn rate_limit(mut self, mode: RateLimitMode) -> Self {
        self.rate_limit = Some(mode);
        self
    }

    /// Validate and build.
    pub fn build(self) -> Result<Client> {
        let seller_id = self
            .seller_id
            .ok_or_else(|| Error::invalid_input("seller_id", "is required"))?;
        let api_key = self
            .api_key
            .filter(|k| !k.trim().is_empty())
            .ok_or_else(|| Error::invalid_input("api_key", "is required"))?;
        let api_secret = self
            .api_secret
            .ok_or_else(|| Error::invalid_input("api_secret", "is required"))?;
        let integrator = self.integrator.unwrap_or_else(|| "SelfIntegration".into());
        validate_integrator(&integrator)?;
        let rate_limit = self.rate_limit.unwrap_or(RateLimitMode::PerEndpoint {
            default: RateLimit::new(50, Duration::from_secs(10)),
            groups: Vec::new(),
        });
        let mut transport =
            Transport::builder(MarketplaceId::Trendyol, self.environment.base_url())
                .auth(Arc::new(BasicAuth::new(&api_key, &api_secret)?))
                .user_agent(format!("{seller_id} - {integrator}"))
                .rate_limit(rate_limit);
        if let Some(timeout) = self.timeout {
            transport = transport.timeout(timeout);
        }
        if let Some(http) = self.http {
            transport = transport.http_client(http);
        }
        Ok(Client {
            inner: Arc::new(Inner {
                seller_id,
                environment: self.environment,
                transport: transport.build()?,
            }),
        })
    }
}

fn validate_integrator(name: &str) -> Result<()> {
    if name.is_empty() || name.chars().count() > 30 || !name.chars().all(char::is_alphanumeric) {
        return Err(Error::invalid_input(
            "integrator",
            "must be 1-30 alphanumeric characters (Trendyol User-Agent rule)",
        ));
    }
    Ok(())
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("seller_id", &self.seller_id)
            .field("api_key", &self.api_key)
            .field("api_secret", &"[REDACTED]")
            .field("environment", &self.environment)
            .field("integrator", &self.integrator)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder() -> ClientBuilder {
        Client::builder()
            .seller_id(42)
            .api_key("key")
            .api_secret("topsecret")
    }

    #[test]
    fn builds_and_redacts() {
        let client = builder().environment(Environment::Stage).build().unwrap();
        assert_eq!(
            client.environment().base_url(),
            "https://stageapigw.trendyol.com"
        );
        let dbg = format!("{client:?} {:?}", builder());
        assert!(!dbg.contains("topsecret"), "{dbg}");
        assert!(!dbg.contains("a2V5OnRvcHNlY3JldA"), "{dbg}");
    }

    #[test]
    fn validates_input() {
        assert!(Client::builder().build().is_err());
        let err = builder().integrator("Not Valid!").build().unwrap_err();
        assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "integrator"));
        let err = builder().integrator("A".repeat(31)).build().unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }));
        assert!(builder().integrator("TrendyolSoft").build().is_ok());
        let err = builder().base_url("nope").build().unwrap_err();
        assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "base_url"));
    }

    static_assertions::assert_impl_all!(Client: Send, Sync, Clone, fmt::Debug);
}
