//! [`Client`], its builder and the environments it can talk to.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use marketplace_core::MarketplaceId;
use marketplace_core::http::{
    BasicAuth, DriftMode, RateLimit, RateLimitMode, RetryPolicy, Transport, TransportOptions,
};

use crate::error::TrendyolErrorParser;
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
    options: TransportOptions,
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
        self.options.timeout = Some(timeout);
        self
    }

    /// Use this HTTP client (proxies, custom TLS) instead of the shared one.
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.options.http = Some(client);
        self
    }

    /// Override client-side rate limiting (default: see [`default_rate_limits`]).
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
        let mut options = self.options;
        options.rate_limit.get_or_insert_with(default_rate_limits);
        let transport = options.apply(
            Transport::builder(MarketplaceId::Trendyol, self.environment.base_url())
                .auth(Arc::new(BasicAuth::new(&api_key, &api_secret)?))
                .user_agent(format!("{seller_id} - {integrator}"))
                .error_parser(Arc::new(TrendyolErrorParser {
                    stage: self.environment == Environment::Stage,
                })),
        );
        Ok(Client {
            inner: Arc::new(Inner {
                seller_id,
                environment: self.environment,
                transport: transport.build()?,
            }),
        })
    }
}

/// Trendyol's documented limits (reference §1.5), at the lowest listing-limit tier so no
/// seller is throttled by Trendyol; sellers on higher tiers can pass their own with
/// [`ClientBuilder::rate_limit`]:
///
/// - every endpoint: 50 requests per 10 s (the gateway's burst cap);
/// - product read group (filters, batch results, brands, categories, …): 1,000 / min;
/// - product write group (create, update, archive, delete, unlock, …): 200 / min;
/// - inventory & price write group: 350 / min;
/// - getShipmentPackages: 30 / min; claim approve and claim issue: 5 / min each.
pub fn default_rate_limits() -> RateLimitMode {
    let minute = Duration::from_secs(60);
    RateLimitMode::PerEndpoint {
        default: RateLimit::new(50, Duration::from_secs(10)),
        groups: vec![
            (
                crate::api::products::PRODUCT_READ.into(),
                RateLimit::new(1000, minute),
            ),
            (
                crate::api::products::PRODUCT_WRITE.into(),
                RateLimit::new(200, minute),
            ),
            (
                crate::api::inventory::INVENTORY_WRITE.into(),
                RateLimit::new(350, minute),
            ),
            (
                crate::api::orders::PACKAGES_V2.into(),
                RateLimit::new(30, minute),
            ),
            (
                crate::api::claims::APPROVE.into(),
                RateLimit::new(5, minute),
            ),
            (crate::api::claims::ISSUE.into(), RateLimit::new(5, minute)),
        ],
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
