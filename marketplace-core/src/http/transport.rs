//! The chokepoint every request goes through.

use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, RETRY_AFTER, USER_AGENT};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument as _;
use url::Url;

use super::auth::{Auth, AuthTicket, NoAuth};
use super::error_body::{ErrorParser, GenericErrorParser};
use super::rate_limit::{RateLimitMode, RateLimiter};
use super::request::{Body, Request};
use super::retry::{self, AttemptOutcome, RetryDecision, RetryPolicy};
use crate::error::{Error, ErrorBody, Result, body_snippet};
use crate::model::MarketplaceId;

/// A successful response, body fully read.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status (2xx).
    pub status: StatusCode,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body bytes.
    pub body: Bytes,
}

/// Sends [`Request`]s: auth, rate limit, retry with backoff, timeouts, tracing and error
/// mapping in one place. Cheap to clone; clones share the HTTP client, the rate limiter
/// and the auth state.
///
/// ```no_run
/// # async fn demo() -> marketplace_core::Result<()> {
/// use marketplace_core::http::{Request, Transport};
/// use marketplace_core::MarketplaceId;
///
/// let transport = Transport::builder(MarketplaceId::Trendyol, "https://apigw.trendyol.com")
///     .user_agent("1234 - SelfIntegration")
///     .build()?;
/// let brands: serde_json::Value = transport
///     .execute(Request::get("/integration/product/brands").query("page", 0))
///     .await?;
/// # let _ = brands; Ok(()) }
/// ```
#[derive(Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

struct Inner {
    marketplace: MarketplaceId,
    http: reqwest::Client,
    base_url: Url,
    auth: Arc<dyn Auth>,
    user_agent: HeaderValue,
    default_headers: HeaderMap,
    limiter: RateLimiter,
    retry: RetryPolicy,
    timeout: Duration,
    error_parser: Arc<dyn ErrorParser>,
    drift: DriftMode,
}

/// What to do when a response carries fields the model does not know (API drift).
///
/// Marketplaces add fields without notice. They are always ignored when decoding; this
/// decides whether that is observable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DriftMode {
    /// Say nothing (fastest).
    Off,
    /// Log one `tracing` warning per response listing the unknown fields (the default).
    #[default]
    Warn,
    /// Fail the call with [`Error::Decode`] naming the first unknown field — for a CI job
    /// that should notice API changes.
    Strict,
}

/// Configures a [`Transport`].
pub struct TransportBuilder {
    marketplace: MarketplaceId,
    base_url: String,
    auth: Arc<dyn Auth>,
    user_agent: String,
    default_headers: Vec<(&'static str, String)>,
    http: Option<reqwest::Client>,
    rate_limit: RateLimitMode,
    retry: RetryPolicy,
    timeout: Duration,
    error_parser: Arc<dyn ErrorParser>,
    drift: DriftMode,
}

/// The transport settings every marketplace client builder exposes the same way (timeout,
/// HTTP client, rate limit, retry policy, drift mode). `None` keeps the marketplace's
/// default. Builders hold one and [`TransportOptions::apply`] it, so the setters mean the
/// same thing on every client.
#[derive(Debug, Clone, Default)]
pub struct TransportOptions {
    /// Per-attempt timeout.
    pub timeout: Option<Duration>,
    /// A caller-supplied HTTP client.
    pub http: Option<reqwest::Client>,
    /// Client-side rate limiting.
    pub rate_limit: Option<RateLimitMode>,
    /// Retry policy.
    pub retry: Option<RetryPolicy>,
    /// Unknown-field reporting.
    pub drift: Option<DriftMode>,
}

impl TransportOptions {
    /// Apply the options that are set to `builder`.
    pub fn apply(&self, mut builder: TransportBuilder) -> TransportBuilder {
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(http) = &self.http {
            builder = builder.http_client(http.clone());
        }
        if let Some(mode) = &self.rate_limit {
            builder = builder.rate_limit(mode.clone());
        }
        if let Some(retry) = &self.retry {
            builder = builder.retry_policy(retry.clone());
        }
        if let Some(drift) = self.drift {
            builder = builder.drift_mode(drift);
        }
        builder
    }
}

/// The process-wide HTTP client used when the caller supplies none: one connection pool
/// for every marketplace client.
pub fn shared_http_client() -> Result<reqwest::Client> {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    if let Some(client) = CLIENT.get() {
        return Ok(client.clone());
    }
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .pool_idle_timeout(Duration::from_secs(90))
        .build()
        .map_err(Error::Transport)?;
    Ok(CLIENT.get_or_init(|| client).clone())
}

impl TransportBuilder {
    /// Credentials for every request.
    #[must_use]
    pub fn auth(mut self, auth: Arc<dyn Auth>) -> Self {
        self.auth = auth;
        self
    }

    /// The `User-Agent` sent with every request.
    #[must_use]
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// A header sent with every request (e.g. a storefront code).
    #[must_use]
    pub fn default_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.default_headers.push((name, value.into()));
        self
    }

    /// Use this HTTP client instead of the shared one (proxies, custom TLS roots).
    #[must_use]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Client-side rate limiting.
    #[must_use]
    pub fn rate_limit(mut self, mode: RateLimitMode) -> Self {
        self.rate_limit = mode;
        self
    }

    /// Retry policy for every call (a request can still override its timeout).
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Per-attempt timeout (default 30 s).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How error bodies are read (default [`GenericErrorParser`]).
    #[must_use]
    pub fn error_parser(mut self, parser: Arc<dyn ErrorParser>) -> Self {
        self.error_parser = parser;
        self
    }

    /// How unknown response fields are reported (default [`DriftMode::Warn`]).
    #[must_use]
    pub fn drift_mode(mut self, mode: DriftMode) -> Self {
        self.drift = mode;
        self
    }

    /// Validate everything once and build.
    pub fn build(self) -> Result<Transport> {
        let base_url = parse_base_url(&self.base_url)?;
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::invalid_input("user_agent", "not a valid header value"))?;
        let mut default_headers = HeaderMap::new();
        for (name, value) in self.default_headers {
            let value = HeaderValue::from_str(&value)
                .map_err(|_| Error::invalid_input(name, "not a valid header value"))?;
            default_headers.insert(name, value);
        }
        if self.timeout.is_zero() {
            return Err(Error::invalid_input("timeout", "must be greater than zero"));
        }
        let http = match self.http {
            Some(client) => client,
            None => shared_http_client()?,
        };
        Ok(Transport {
            inner: Arc::new(Inner {
                marketplace: self.marketplace,
                http,
                base_url,
                auth: self.auth,
                user_agent,
                default_headers,
                limiter: RateLimiter::new(self.rate_limit),
                retry: self.retry,
                timeout: self.timeout,
                error_parser: self.error_parser,
                drift: self.drift,
            }),
        })
    }
}

fn parse_base_url(raw: &str) -> Result<Url> {
    let url = Url::parse(raw).map_err(|e| Error::invalid_input("base_url", e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::invalid_input("base_url", "must be http or https"));
    }
    if url.cannot_be_a_base() || url.query().is_some() {
        return Err(Error::invalid_input(
            "base_url",
            "must be a base URL without query",
        ));
    }
    Ok(url)
}

impl Transport {
    /// Start configuring a transport for `marketplace` at `base_url`.
    pub fn builder(marketplace: MarketplaceId, base_url: impl Into<String>) -> TransportBuilder {
        TransportBuilder {
            marketplace,
            base_url: base_url.into(),
            auth: Arc::new(NoAuth),
            user_agent: concat!("pazaryeri/", env!("CARGO_PKG_VERSION")).to_owned(),
            default_headers: Vec::new(),
            http: None,
            rate_limit: RateLimitMode::Off,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(30),
            error_parser: Arc::new(GenericErrorParser),
            drift: DriftMode::default(),
        }
    }

    /// The marketplace this transport talks to.
    pub fn marketplace(&self) -> &MarketplaceId {
        &self.inner.marketplace
    }

    /// The base URL requests are resolved against.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// The underlying HTTP client (shared; clone it to reuse the pool elsewhere).
    pub fn http_client(&self) -> &reqwest::Client {
        &self.inner.http
    }

    /// Send `request` and decode the JSON body into `T`, reporting unknown fields as the
    /// [`DriftMode`] says.
    pub async fn execute<T: DeserializeOwned>(&self, request: Request) -> Result<T> {
        let template = request.template().to_owned();
        let response = self.execute_raw(request).await?;
        self.decode(&template, &response.body)
    }

    fn decode<T: DeserializeOwned>(&self, template: &str, body: &[u8]) -> Result<T> {
        if self.inner.drift == DriftMode::Off {
            return crate::codec::decode(body);
        }
        let decoded = crate::codec::decode_report::<T>(body)?;
        if decoded.ignored.is_empty() {
            return Ok(decoded.value);
        }
        if self.inner.drift == DriftMode::Strict {
            return Err(Error::Decode {
                path: decoded.ignored[0].clone(),
                message: format!(
                    "field not in the model (strict drift mode; {} unknown field(s): {})",
                    decoded.ignored.len(),
                    summarize(&decoded.ignored)
                ),
                body_snippet: body_snippet(body),
            });
        }
        tracing::warn!(
            marketplace = %self.inner.marketplace,
            path = %template,
            count = decoded.ignored.len(),
            fields = %summarize(&decoded.ignored),
            "response has fields the model does not know"
        );
        Ok(decoded.value)
    }

    /// Send `request` and ignore the body of a successful answer (some endpoints answer
    /// `text/plain "200 OK"`).
    pub async fn execute_unit(&self, request: Request) -> Result<()> {
        self.execute_raw(request).await.map(drop)
    }

    /// Send `request` and return the successful response as bytes.
    pub async fn execute_raw(&self, mut request: Request) -> Result<RawResponse> {
        request.validate()?;
        let span = tracing::info_span!(
            "marketplace.request",
            marketplace = %self.inner.marketplace,
            method = %request.method(),
            path = %request.template(),
            status = tracing::field::Empty,
            attempt = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        self.run(&request).instrument(span).await
    }

    async fn run(&self, request: &Request) -> Result<RawResponse> {
        let started = Instant::now();
        let url = self.url_for(request)?;
        let mut attempt: u32 = 0;
        let mut reauthorized = false;
        loop {
            attempt += 1;
            self.inner
                .limiter
                .acquire(request.template(), request.rate_group_name())
                .await;
            let (result, ticket) = self.attempt(request, &url).await?;
            let span = tracing::Span::current();
            span.record("attempt", attempt);
            span.record(
                "elapsed_ms",
                u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            );
            let outcome = match result {
                Ok(response) => {
                    span.record("status", response.status.as_u16());
                    if response.status.is_success() {
                        return Ok(response);
                    }
                    if response.status == StatusCode::UNAUTHORIZED {
                        if !reauthorized && self.inner.auth.unauthorized(ticket).await {
                            reauthorized = true;
                            attempt -= 1; // a credential refresh is not a retry
                            continue;
                        }
                        return Err(self.auth_error(&response));
                    }
                    Failure::Response(response)
                }
                Err(failure) => failure,
            };
            let retry_outcome = outcome.as_retry_outcome();
            let decision = retry::decide(
                &self.inner.retry,
                request.is_idempotent(),
                retry_outcome,
                attempt,
                started.elapsed(),
                rand::random::<f64>(),
            );
            match decision {
                RetryDecision::RetryAfter(wait) => {
                    tracing::debug!(?wait, ?retry_outcome, "retrying");
                    tokio::time::sleep(wait).await;
                }
                RetryDecision::Stop => return Err(self.final_error(outcome, request)),
            }
        }
    }

    /// One attempt: auth, send, read the body, all within the per-attempt timeout.
    async fn attempt(
        &self,
        request: &Request,
        url: &Url,
    ) -> Result<(Result<RawResponse, Failure>, AuthTicket)> {
        let mut headers = self.inner.default_headers.clone();
        headers.insert(USER_AGENT, self.inner.user_agent.clone());
        headers.extend(request.headers().clone());
        let ticket = self.inner.auth.authorize(&mut headers).await?;
        let builder = self
            .inner
            .http
            .request(request.method().clone(), url.clone())
            .headers(headers);
        let builder = attach_body(builder, request.body())?;
        let timeout = request.timeout_override().unwrap_or(self.inner.timeout);
        let send = async {
            let response = builder.send().await.map_err(Failure::from_reqwest)?;
            let status = response.status();
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(Failure::from_reqwest)?;
            Ok(RawResponse {
                status,
                headers,
                body,
            })
        };
        let result = match tokio::time::timeout(timeout, send).await {
            Ok(result) => result,
            Err(_) => Err(Failure::TimedOut(timeout)),
        };
        Ok((result, ticket))
    }

    fn url_for(&self, request: &Request) -> Result<Url> {
        let path = request.path().trim_start_matches('/');
        // An empty path means the base URL itself (e.g. a token endpoint given whole).
        let mut url = if path.is_empty() {
            self.inner.base_url.clone()
        } else {
            let base = self.inner.base_url.as_str().trim_end_matches('/');
            Url::parse(&format!("{base}/{path}"))
                .map_err(|e| Error::invalid_input("path", e.to_string()))?
        };
        let mut pairs = request.query_pairs().peekable();
        if pairs.peek().is_some() {
            url.query_pairs_mut().extend_pairs(pairs);
        }
        Ok(url)
    }

    fn api_error(&self, response: &RawResponse) -> Error {
        let content_type = response
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let status = response.status.as_u16();
        let parsed = self
            .inner
            .error_parser
            .parse(status, content_type.as_deref(), &response.body);
        let message = parsed.message.unwrap_or_else(|| {
            response
                .status
                .canonical_reason()
                .unwrap_or("unknown status")
                .to_owned()
        });
        if parsed.deprecated {
            return Error::Deprecated {
                status,
                message,
                hint: parsed
                    .hint
                    .unwrap_or_else(|| "this endpoint is being retired".to_owned()),
            };
        }
        Error::Api {
            status,
            code: parsed.code,
            message,
            body: Box::new(ErrorBody {
                content_type,
                snippet: body_snippet(&response.body),
                field_errors: parsed.field_errors,
                hint: parsed.hint,
            }),
        }
    }

    fn auth_error(&self, response: &RawResponse) -> Error {
        let message = match self.api_error(response) {
            Error::Api { message, .. } => message,
            other => other.to_string(),
        };
        Error::Auth {
            status: Some(response.status.as_u16()),
            message,
        }
    }

    fn final_error(&self, failure: Failure, request: &Request) -> Error {
        match failure {
            Failure::Response(response) if response.status == StatusCode::TOO_MANY_REQUESTS => {
                Error::RateLimited {
                    retry_after: retry_after(&response.headers),
                }
            }
            Failure::Response(response) => self.api_error(&response),
            Failure::TimedOut(after) => Error::Timeout(format!(
                "{} {} after {after:?}",
                request.method(),
                request.template()
            )),
            Failure::Connect(e) | Failure::Other(e) => Error::Transport(e),
        }
    }
}

/// Why an attempt did not succeed (before it becomes an [`Error`]).
enum Failure {
    Response(RawResponse),
    Connect(reqwest::Error),
    TimedOut(Duration),
    Other(reqwest::Error),
}

impl Failure {
    fn from_reqwest(e: reqwest::Error) -> Self {
        if e.is_connect() {
            Failure::Connect(e)
        } else if e.is_timeout() {
            Failure::TimedOut(Duration::ZERO)
        } else {
            Failure::Other(e)
        }
    }

    fn as_retry_outcome(&self) -> AttemptOutcome {
        match self {
            Failure::Response(r) => AttemptOutcome::Status {
                status: r.status.as_u16(),
                retry_after: retry_after(&r.headers),
            },
            Failure::Connect(_) => AttemptOutcome::ConnectError,
            Failure::TimedOut(_) => AttemptOutcome::Timeout,
            Failure::Other(_) => AttemptOutcome::OtherTransport,
        }
    }
}

/// The first few field paths, for a log line or message of bounded size.
fn summarize(paths: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut text = paths
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if paths.len() > SHOWN {
        text.push_str(&format!(", … ({} more)", paths.len() - SHOWN));
    }
    text
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    retry::parse_retry_after(value, chrono::Utc::now())
}

fn attach_body(builder: reqwest::RequestBuilder, body: &Body) -> Result<reqwest::RequestBuilder> {
    Ok(match body {
        Body::Empty => builder,
        Body::Json(bytes) => builder
            .header(CONTENT_TYPE, "application/json")
            .body(bytes.clone()),
        Body::Form(fields) => builder.form(fields),
        Body::Multipart(parts) => {
            let mut form = reqwest::multipart::Form::new();
            for part in parts {
                let mut p =
                    reqwest::multipart::Part::stream(reqwest::Body::from(part.data.clone()));
                if let Some(name) = &part.file_name {
                    p = p.file_name(name.clone());
                }
                if let Some(mime) = &part.mime {
                    p = p
                        .mime_str(mime)
                        .map_err(|_| Error::invalid_input(&part.name, "invalid MIME type"))?;
                }
                form = form.part(part.name.clone(), p);
            }
            builder.multipart(form)
        }
    })
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("marketplace", &self.inner.marketplace)
            .field("base_url", &self.inner.base_url.as_str())
            .field("auth", &self.inner.auth)
            .field("user_agent", &self.inner.user_agent)
            .field("rate_limit", self.inner.limiter.mode())
            .field("retry", &self.inner.retry)
            .field("timeout", &self.inner.timeout)
            .field("drift", &self.inner.drift)
            .finish()
    }
}

impl fmt::Debug for TransportBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportBuilder")
            .field("marketplace", &self.marketplace)
            .field("base_url", &self.base_url)
            .field("auth", &self.auth)
            .field("user_agent", &self.user_agent)
            .finish_non_exhaustive()
    }
}
