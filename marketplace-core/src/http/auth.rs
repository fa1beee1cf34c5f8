//! How credentials become request headers.
//!
//! [`Auth`] is the one trait the marketplace crates plug into the transport. Three
//! implementations cover all of them:
//!
//! - [`BasicAuth`] — `Authorization: Basic …` (Trendyol: API key + secret);
//! - [`HeaderAuth`] — fixed secret headers (Giyim Moda: `X-API-Key` + `X-API-Secret`);
//! - [`BearerAuth`] — a bearer token from a [`TokenSource`] (Pazarama OAuth client
//!   credentials, Giyim Moda e-mail/password login), cached, refreshed ahead of expiry,
//!   single-flight (however many calls find it expired, one token request is made), and
//!   renewed once when the API answers 401.
//!
//! Every header carrying a secret is marked sensitive, and every type's `Debug` redacts.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use base64::Engine as _;
use http::{HeaderMap, HeaderName, HeaderValue, header::AUTHORIZATION};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::{Mutex, RwLock};
use tokio::time::Instant;

use crate::error::{Error, Result};

/// Which credentials a request was sent with, so a 401 can invalidate exactly those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AuthTicket(pub u64);

/// Adds credentials to outgoing requests.
#[async_trait]
pub trait Auth: Send + Sync + fmt::Debug {
    /// Insert the credential headers. Returns a ticket identifying the credentials used.
    async fn authorize(&self, headers: &mut HeaderMap) -> Result<AuthTicket>;

    /// The API answered 401 to a request sent with `ticket`. Return `true` if fresh
    /// credentials were (or will be) obtained and the request is worth sending once more.
    /// Static credentials return `false`: a 401 then is final.
    async fn unauthorized(&self, ticket: AuthTicket) -> bool {
        let _ = ticket;
        false
    }
}

/// No credentials (public endpoints, tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAuth;

#[async_trait]
impl Auth for NoAuth {
    async fn authorize(&self, _headers: &mut HeaderMap) -> Result<AuthTicket> {
        Ok(AuthTicket::default())
    }
}

/// HTTP Basic authentication.
#[derive(Clone)]
pub struct BasicAuth {
    header: HeaderValue,
}

impl BasicAuth {
    /// Basic auth for `username` / `password`. Fails if either contains characters a
    /// header cannot carry (the error never contains them).
    pub fn new(username: &str, password: &SecretString) -> Result<Self> {
        let raw = format!("{username}:{}", password.expose_secret());
        let encoded = base64::engine::general_purpose::STANDARD.encode(raw);
        let mut header = HeaderValue::from_str(&format!("Basic {encoded}"))
            .map_err(|_| Error::invalid_input("credentials", "not valid in an HTTP header"))?;
        header.set_sensitive(true);
        Ok(BasicAuth { header })
    }
}

impl fmt::Debug for BasicAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BasicAuth([REDACTED])")
    }
}

#[async_trait]
impl Auth for BasicAuth {
    async fn authorize(&self, headers: &mut HeaderMap) -> Result<AuthTicket> {
        headers.insert(AUTHORIZATION, self.header.clone());
        Ok(AuthTicket::default())
    }
}

/// Fixed secret headers, e.g. `X-API-Key` and `X-API-Secret`.
#[derive(Clone)]
pub struct HeaderAuth {
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl HeaderAuth {
    /// Send each `(name, secret)` pair as a sensitive header.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a SecretString)>) -> Result<Self> {
        let mut headers = Vec::new();
        for (name, secret) in pairs {
            let header_name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::invalid_input(name, "not a valid header name"))?;
            let mut value = HeaderValue::from_str(secret.expose_secret())
                .map_err(|_| Error::invalid_input(name, "not valid in an HTTP header"))?;
            value.set_sensitive(true);
            headers.push((header_name, value));
        }
        Ok(HeaderAuth { headers })
    }
}

impl fmt::Debug for HeaderAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        write!(f, "HeaderAuth({names:?} = [REDACTED])")
    }
}

#[async_trait]
impl Auth for HeaderAuth {
    async fn authorize(&self, headers: &mut HeaderMap) -> Result<AuthTicket> {
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
        Ok(AuthTicket::default())
    }
}

/// A bearer token and how long it stays valid.
pub struct Token {
    /// The token itself.
    pub value: SecretString,
    /// Lifetime from now (`expires_in`). `None` means "until the API says 401".
    pub expires_in: Option<Duration>,
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("value", &"[REDACTED]")
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// Where bearer tokens come from (an OAuth token endpoint, a login call).
#[async_trait]
pub trait TokenSource: Send + Sync + fmt::Debug {
    /// Obtain a new token. Errors should be [`Error::Auth`] naming what the token endpoint
    /// answered, never the credentials sent to it.
    async fn fetch_token(&self) -> Result<Token>;
}

struct Cached {
    header: HeaderValue,
    expires_at: Option<Instant>,
    generation: u64,
}

/// Bearer auth over a [`TokenSource`], with caching, early refresh and single-flight.
pub struct BearerAuth {
    source: Arc<dyn TokenSource>,
    refresh_margin: Duration,
    cached: RwLock<Option<Cached>>,
    refreshing: Mutex<u64>,
}

impl BearerAuth {
    /// Tokens from `source`, refreshed 60 s before they expire.
    pub fn new(source: Arc<dyn TokenSource>) -> Self {
        Self::with_refresh_margin(source, Duration::from_secs(60))
    }

    /// Tokens from `source`, refreshed `margin` before they expire.
    pub fn with_refresh_margin(source: Arc<dyn TokenSource>, margin: Duration) -> Self {
        BearerAuth {
            source,
            refresh_margin: margin,
            cached: RwLock::new(None),
            refreshing: Mutex::new(0),
        }
    }

    /// A valid token header and its generation, fetching one if needed.
    async fn current(&self) -> Result<(HeaderValue, u64)> {
        if let Some(hit) = self.fresh().await {
            return Ok(hit);
        }
        // Single flight: whoever holds this lock fetches; the rest wait, then find the
        // token the first one stored.
        let mut generation = self.refreshing.lock().await;
        if let Some(hit) = self.fresh().await {
            return Ok(hit);
        }
        let token = self.source.fetch_token().await?;
        let mut header = HeaderValue::from_str(&format!("Bearer {}", token.value.expose_secret()))
            .map_err(|_| Error::Auth {
                status: None,
                message: "token endpoint returned a token that is not a valid header value".into(),
            })?;
        header.set_sensitive(true);
        *generation += 1;
        let now = Instant::now();
        *self.cached.write().await = Some(Cached {
            header: header.clone(),
            expires_at: token.expires_in.map(|d| now + d),
            generation: *generation,
        });
        Ok((header, *generation))
    }

    async fn fresh(&self) -> Option<(HeaderValue, u64)> {
        let cached = self.cached.read().await;
        let c = cached.as_ref()?;
        let still_valid = c
            .expires_at
            .is_none_or(|at| Instant::now() + self.refresh_margin < at);
        still_valid.then(|| (c.header.clone(), c.generation))
    }
}

impl fmt::Debug for BearerAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BearerAuth")
            .field("source", &self.source)
            .field("refresh_margin", &self.refresh_margin)
            .field("token", &"[REDACTED]")
            .finish()
    }
}

#[async_trait]
impl Auth for BearerAuth {
    async fn authorize(&self, headers: &mut HeaderMap) -> Result<AuthTicket> {
        let (header, generation) = self.current().await?;
        headers.insert(AUTHORIZATION, header);
        Ok(AuthTicket(generation))
    }

    async fn unauthorized(&self, ticket: AuthTicket) -> bool {
        // Drop the token only if it is still the one that was refused: when 100 calls get
        // 401 for the same token, the first invalidates it and the other 99 reuse the
        // token that the first call's retry fetched.
        let mut cached = self.cached.write().await;
        if cached.as_ref().is_some_and(|c| c.generation == ticket.0) {
            *cached = None;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug, Default)]
    struct CountingSource {
        calls: AtomicUsize,
    }

    #[async_trait]
    impl TokenSource for CountingSource {
        async fn fetch_token(&self) -> Result<Token> {
            let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
            tokio::time::sleep(Duration::from_millis(50)).await;
            Ok(Token {
                value: SecretString::from(format!("tok{n}")),
                expires_in: Some(Duration::from_secs(3600)),
            })
        }
    }

    fn bearer(h: &HeaderMap) -> String {
        h[AUTHORIZATION].to_str().unwrap().to_owned()
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_callers_share_one_token_fetch() {
        let source = Arc::new(CountingSource::default());
        let auth = Arc::new(BearerAuth::new(source.clone()));
        let mut tasks = Vec::new();
        for _ in 0..100 {
            let auth = auth.clone();
            tasks.push(tokio::spawn(async move {
                let mut h = HeaderMap::new();
                auth.authorize(&mut h).await.unwrap();
                bearer(&h)
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), "Bearer tok1");
        }
        assert_eq!(source.calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn refreshes_ahead_of_expiry() {
        let source = Arc::new(CountingSource::default());
        let auth = BearerAuth::new(source.clone());
        let mut h = HeaderMap::new();
        auth.authorize(&mut h).await.unwrap();
        tokio::time::advance(Duration::from_secs(3600 - 61)).await;
        auth.authorize(&mut h).await.unwrap();
        assert_eq!(source.calls.load(Ordering::SeqCst), 1, "still fresh");
        tokio::time::advance(Duration::from_secs(2)).await;
        auth.authorize(&mut h).await.unwrap();
        assert_eq!(bearer(&h), "Bearer tok2", "refreshed inside the margin");
    }

    #[tokio::test(start_paused = true)]
    async fn unauthorized_invalidates_only_the_refused_token() {
        let source = Arc::new(CountingSource::default());
        let auth = BearerAuth::new(source.clone());
        let mut h = HeaderMap::new();
        let old = auth.authorize(&mut h).await.unwrap();
        assert!(auth.unauthorized(old).await);
        let new = auth.authorize(&mut h).await.unwrap();
        assert_ne!(old, new);
        // A late 401 for the old token must not throw away the new one.
        assert!(auth.unauthorized(old).await);
        auth.authorize(&mut h).await.unwrap();
        assert_eq!(source.calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn static_auths_never_retry_and_redact() {
        let secret = SecretString::from("s3cr3t-value".to_owned());
        let basic = BasicAuth::new("key", &secret).unwrap();
        let mut h = HeaderMap::new();
        basic.authorize(&mut h).await.unwrap();
        assert_eq!(h[AUTHORIZATION], "Basic a2V5OnMzY3IzdC12YWx1ZQ==");
        assert!(h[AUTHORIZATION].is_sensitive());
        assert!(!basic.unauthorized(AuthTicket::default()).await);
        let keys = HeaderAuth::new([("x-api-key", &secret), ("x-api-secret", &secret)]).unwrap();
        keys.authorize(&mut h).await.unwrap();
        assert_eq!(h["x-api-secret"], "s3cr3t-value");
        for dbg in [format!("{basic:?}"), format!("{keys:?}")] {
            assert!(!dbg.contains("s3cr3t"), "{dbg}");
            assert!(!dbg.contains("a2V5OnMzY3IzdC12YWx1ZQ"), "{dbg}");
        }
        let bad = SecretString::from("line\nbreak".to_owned());
        let err = HeaderAuth::new([("x-api-key", &bad)])
            .unwrap_err()
            .to_string();
        assert!(!err.contains("line"), "{err}");
    }
}
