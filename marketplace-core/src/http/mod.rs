//! HTTP machinery shared by every marketplace client.
//!
//! Endpoint code describes a call as a [`Request`] (method, path template, query, body,
//! idempotency) and hands it to [`Transport::execute`], which applies, in order:
//! the rate limiter ([`rate_limit`]), credentials ([`auth`]), the per-attempt timeout, the
//! retry decision ([`retry`]), a tracing span (`marketplace.request` with marketplace,
//! method, path template, status, attempt, elapsed — never bodies or secrets), and the
//! mapping of error bodies ([`error_body`]) into [`crate::Error`].

pub mod auth;
pub mod error_body;
pub mod rate_limit;
mod request;
pub mod retry;
mod transport;

pub use auth::{Auth, BasicAuth, BearerAuth, HeaderAuth, NoAuth, Token, TokenSource};
pub use error_body::{ErrorParser, GenericErrorParser, ParsedError};
pub use rate_limit::{RateLimit, RateLimitMode, RateLimiter};
pub use request::{Body, Part, Request};
pub use retry::{RetryDecision, RetryPolicy};
pub use transport::{
    DriftMode, RawResponse, Transport, TransportBuilder, TransportOptions, shared_http_client,
};
