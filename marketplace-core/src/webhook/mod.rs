//! Verification and de-duplication of incoming webhook deliveries.
//!
//! A webhook receiver should, in this order:
//!
//! 1. read the **raw** body bytes (never a re-serialised JSON value: one changed byte breaks
//!    a signature) and refuse bodies over a size limit — [`Verifier::max_body_bytes`] tells
//!    your HTTP framework what limit to enforce while reading;
//! 2. [`Verifier::verify`] the delivery against the raw bytes and the request headers, with
//!    every credential comparison in constant time;
//! 3. only then parse the body (with the marketplace crate's payload types);
//! 4. drop replays with a [`Deduplicator`] keyed by something that identifies the event
//!    ([`Verifier::verify_and_dedupe`] does 2 and 4 together; it never records a key for a
//!    delivery that failed verification, so forged deliveries cannot poison the cache).
//!
//! The supported schemes ([`Credentials`]):
//!
//! | marketplace | scheme | header |
//! |---|---|---|
//! | Trendyol, `authenticationType: BASIC_AUTHENTICATION` | [`Credentials::Basic`] | `Authorization: Basic base64(username:password)` |
//! | Trendyol, `authenticationType: API_KEY` | [`Credentials::ApiKey`] | `x-api-key: <apiKey>` ([`DEFAULT_API_KEY_HEADER`]) |
//! | Giyim Moda | [`Credentials::HmacSha256`] | `X-Webhook-Signature: <hex HMAC-SHA256 of the body>` ([`DEFAULT_SIGNATURE_HEADER`]) |
//!
//! Trendyol signs nothing: Basic and API-key deliveries prove who sent them, not that the
//! body is intact, and nothing in them prevents a replay — de-duplicate by event.
//!
//! [`Rejection::status_code`] suggests what to answer; note that a [`Rejection::Duplicate`]
//! should be acknowledged with a 2xx, otherwise the marketplace keeps re-delivering it
//! (Trendyol retries every 5 minutes and deactivates the webhook after repeated failures).
//!
//! For your own tests, [`Verifier::delivery_headers`], [`sign_hmac_sha256_hex`],
//! [`basic_auth_headers`], [`api_key_headers`] and [`hmac_sha256_headers`] build what a
//! marketplace would send.
//!
//! # Example
//!
//! ```
//! use marketplace_core::webhook::{InMemoryDeduplicator, Rejection, Verifier, body_digest_key};
//! use std::time::Duration;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Giyim Moda: the secret you gave (or were given) when creating the webhook.
//! let verifier = Verifier::hmac_sha256("whsec_example");
//!
//! // What arrives: raw body bytes and headers (here built with the test helper).
//! let body = br#"{"event":"order.created","timestamp":"2026-01-03T10:30:00Z","data":{"order_id":123}}"#;
//! let headers = verifier.delivery_headers(body)?;
//!
//! verifier.verify(&headers, body)?;
//! assert_eq!(verifier.verify(&headers, b"{}"), Err(Rejection::BadSignature));
//!
//! // Replay protection: the same event is accepted once within the TTL.
//! let seen = InMemoryDeduplicator::new(Duration::from_secs(24 * 3600), 100_000);
//! let key = body_digest_key(body);
//! verifier.verify_and_dedupe(&headers, body, &key, &seen).await?;
//! let replay = verifier.verify_and_dedupe(&headers, body, &key, &seen).await;
//! assert!(matches!(replay, Err(Rejection::Duplicate { .. })));
//! assert_eq!(replay.unwrap_err().status_code(), http::StatusCode::OK); // acknowledge, don't process
//! # Ok(())
//! # }
//! ```

mod dedupe;
mod signing;
mod verify;

pub use dedupe::{Deduplicator, InMemoryDeduplicator, body_digest_key};
pub use signing::{api_key_headers, basic_auth_headers, hmac_sha256_headers, sign_hmac_sha256_hex};
pub use verify::{
    Credentials, DEFAULT_API_KEY_HEADER, DEFAULT_MAX_BODY_BYTES, DEFAULT_SIGNATURE_HEADER, Verifier,
};

/// Why a webhook delivery was refused.
///
/// Messages name the header involved and the kind of problem, never a secret and never the
/// credential or signature that was presented.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The body is larger than the configured limit.
    #[error("body of {size} bytes exceeds the {limit}-byte limit")]
    BodyTooLarge {
        /// Size of the delivered body.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The header that should carry the credentials is absent.
    #[error("missing credentials: no `{header}` header")]
    MissingCredentials {
        /// The expected header (lower case).
        header: String,
    },
    /// The credentials header is present but cannot be read as credentials.
    #[error("malformed credentials in `{header}`: {reason}")]
    MalformedCredentials {
        /// The header (lower case).
        header: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// Well-formed credentials that do not match the configured ones.
    #[error("wrong credentials")]
    WrongCredentials,
    /// The signature header is absent.
    #[error("missing signature header")]
    MissingSignature,
    /// The signature header is present but is not a hex HMAC-SHA256.
    #[error("malformed signature: {reason}")]
    MalformedSignature {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A well-formed signature that does not match the body.
    #[error("signature does not match the body")]
    BadSignature,
    /// This event was already accepted within the de-duplication window.
    #[error("duplicate delivery of event `{key}`")]
    Duplicate {
        /// The de-duplication key of the event.
        key: String,
    },
}

impl Rejection {
    /// Whether this is a replay of an already accepted event (authentic, but not new).
    pub fn is_duplicate(&self) -> bool {
        matches!(self, Rejection::Duplicate { .. })
    }

    /// The HTTP status a receiver should answer with.
    ///
    /// `413` for an oversized body, `401` for missing, malformed or wrong credentials or
    /// signatures, and `200` for a [`Rejection::Duplicate`]: the delivery is authentic and
    /// was already handled, so acknowledge it, or the marketplace keeps re-sending it.
    pub fn status_code(&self) -> http::StatusCode {
        match self {
            Rejection::BodyTooLarge { .. } => http::StatusCode::PAYLOAD_TOO_LARGE,
            Rejection::Duplicate { .. } => http::StatusCode::OK,
            _ => http::StatusCode::UNAUTHORIZED,
        }
    }
}

/// Lower-case hex of `bytes`.
fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests;
