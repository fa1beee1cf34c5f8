//! Incoming webhook deliveries: verify, decode, de-duplicate.
//!
//! Giyim Moda signs each delivery with `X-Webhook-Signature`: the HMAC-SHA256 of the raw
//! body, keyed with the subscription's secret (hex). [`WebhookReceiver::receive`]
//! checks the signature in constant time over the **raw** bytes (via
//! [`marketplace_core::webhook::Verifier`]), only then decodes the documented payload
//! `{event, timestamp, data}` into a [`WebhookPayload`], and finally accepts each event
//! once through a [`Deduplicator`] (a replay is `Error::WebhookRejected(Rejection::Duplicate)`:
//! answer it with a 2xx, see [`Rejection::status_code`]).
//!
//! ```
//! use giyimmoda_sdk::webhook::{EventData, WebhookReceiver};
//! use marketplace_core::webhook::InMemoryDeduplicator;
//! use std::time::Duration;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> giyimmoda_sdk::Result<()> {
//! let receiver = WebhookReceiver::new("your-secret-key");
//! let seen = InMemoryDeduplicator::new(Duration::from_secs(24 * 3600), 100_000);
//!
//! let body = br#"{"event":"order.created","timestamp":"2026-01-03T10:30:00Z","data":{"order_id":123,"code":"20260103-001","grand_total":"150.00"}}"#;
//! let headers = receiver.sign(body); // what Giyim Moda sends
//! let payload = receiver.receive(&headers, body, &seen).await?;
//! match payload.data {
//!     EventData::Order(order) => assert_eq!(order.order_id, Some(123)),
//!     _ => unreachable!(),
//! }
//! assert!(receiver.receive(&headers, body, &seen).await.is_err()); // the replay
//! # Ok(()) }
//! ```

use std::fmt;

use chrono::{DateTime, Utc};
use marketplace_core::webhook::{Deduplicator, Rejection, Verifier, body_digest_key};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use crate::model::WebhookEvent;
use crate::model::{DeliveryStatus, PaymentStatus};
use crate::{Error, Result};

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "X-Webhook-Signature";

/// A verified, decoded delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookPayload {
    /// The event type (unknown events are kept as [`WebhookEvent::Other`]).
    pub event: WebhookEvent,
    /// When the event happened.
    pub timestamp: Option<DateTime<Utc>>,
    /// The event's data, typed by event.
    pub data: EventData,
    /// The key this delivery was de-duplicated by.
    pub dedup_key: String,
}

/// `data` of a delivery.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventData {
    /// `order.created`, `order.updated`, `order.cancelled`.
    Order(OrderEventData),
    /// `stock.updated`.
    Stock(StockEventData),
    /// An event this version does not know: the raw JSON, not an error.
    Unknown(serde_json::Value),
}

/// The data of an order event. The document shows `order_id`, `code` and `grand_total`;
/// the rest is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderEventData {
    /// Order id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_id: Option<u64>,
    /// Order code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Total.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub grand_total: Option<Decimal>,
    /// Delivery status, when sent.
    #[serde(default)]
    pub delivery_status: Option<DeliveryStatus>,
    /// Payment status, when sent.
    #[serde(default)]
    pub payment_status: Option<PaymentStatus>,
}

/// The data of a `stock.updated` event (not shown in the document; all optional).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StockEventData {
    /// Product id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub product_id: Option<u64>,
    /// Stock record id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub stock_id: Option<u64>,
    /// Variant.
    #[serde(default)]
    pub variant: Option<String>,
    /// SKU.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub sku: Option<String>,
    /// New quantity.
    #[serde(
        default,
        alias = "quantity",
        alias = "current_stock",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub qty: Option<i64>,
}

#[derive(Deserialize)]
struct RawPayload {
    event: WebhookEvent,
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    timestamp: Option<String>,
    #[serde(default)]
    data: serde_json::Value,
}

/// Verifies and decodes deliveries for one subscription secret. `Debug` redacts it.
#[derive(Clone)]
pub struct WebhookReceiver {
    verifier: Verifier,
    secret: secrecy::SecretString,
}

impl fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("verifier", &self.verifier)
            .field("secret", &"[REDACTED]")
            .finish()
    }
}

impl WebhookReceiver {
    /// A receiver for deliveries signed with `secret`.
    pub fn new(secret: impl Into<String>) -> Self {
        let secret = secrecy::SecretString::from(secret.into());
        WebhookReceiver {
            verifier: Verifier::hmac_sha256(secret.clone()),
            secret,
        }
    }

    /// Refuse bodies larger than `limit` bytes (default 1 MiB).
    #[must_use]
    pub fn with_max_body_bytes(mut self, limit: usize) -> Self {
        self.verifier = self.verifier.with_max_body_bytes(limit);
        self
    }

    /// Check the signature of `body` (the raw bytes as received).
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<()> {
        self.verifier.verify(headers, body).map_err(Error::from)
    }

    /// Verify, decode, and accept each event once: the whole receiving path.
    ///
    /// Errors: [`Error::WebhookRejected`] for a bad/missing signature, an oversized body,
    /// or a duplicate ([`Rejection::Duplicate`] — acknowledge it with a 2xx);
    /// [`Error::Decode`] for a verified body that is not the documented payload (its key
    /// is not recorded, so a corrected re-delivery is accepted).
    pub async fn receive(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        dedup: &dyn Deduplicator,
    ) -> Result<WebhookPayload> {
        self.verify(headers, body)?;
        let payload = parse(body)?;
        if !dedup.first_seen(&payload.dedup_key).await {
            return Err(Error::WebhookRejected(Rejection::Duplicate {
                key: payload.dedup_key,
            }));
        }
        Ok(payload)
    }

    /// The headers Giyim Moda would send with `body` — for testing your own handler.
    pub fn sign(&self, body: &[u8]) -> HeaderMap {
        use secrecy::ExposeSecret;
        let signature =
            marketplace_core::webhook::sign_hmac_sha256_hex(self.secret.expose_secret(), body);
        let mut headers = HeaderMap::new();
        if let Ok(mut value) = HeaderValue::from_str(&signature) {
            value.set_sensitive(true);
            headers.insert(HeaderName::from_static("x-webhook-signature"), value);
        }
        headers
    }
}

fn decode_data<T: DeserializeOwned>(data: serde_json::Value) -> Result<T> {
    serde_json::from_value(data).map_err(|e| Error::Decode {
        path: "data".into(),
        message: e.to_string(),
        body_snippet: String::new(),
    })
}

/// Decode a delivery body (without verifying it: use [`WebhookReceiver::receive`] for
/// anything that came over the network).
///
/// The de-duplication key is `giyimmoda:{event}:{order_id or product_id/stock_id}:{timestamp}`
/// when the payload has a timestamp, otherwise the SHA-256 of the body.
pub fn parse(body: &[u8]) -> Result<WebhookPayload> {
    let raw: RawPayload = marketplace_core::codec::decode(body)?;
    let timestamp = match raw.timestamp.as_deref() {
        Some(t) if !t.trim().is_empty() => Some(
            marketplace_core::codec::parse_datetime(t).map_err(|e| Error::Decode {
                path: "timestamp".into(),
                message: e.to_string(),
                body_snippet: String::new(),
            })?,
        ),
        _ => None,
    };
    let (data, subject) = match &raw.event {
        WebhookEvent::OrderCreated | WebhookEvent::OrderUpdated | WebhookEvent::OrderCancelled => {
            let order: OrderEventData = decode_data(raw.data)?;
            let subject = order
                .order_id
                .map(|id| id.to_string())
                .or_else(|| order.code.clone());
            (EventData::Order(order), subject)
        }
        WebhookEvent::StockUpdated => {
            let stock: StockEventData = decode_data(raw.data)?;
            let subject = match (stock.product_id, stock.stock_id) {
                (None, None) => None,
                (p, s) => Some(format!(
                    "{}/{}",
                    p.map(|v| v.to_string()).unwrap_or_default(),
                    s.map(|v| v.to_string()).unwrap_or_default()
                )),
            };
            (EventData::Stock(stock), subject)
        }
        _ => (EventData::Unknown(raw.data), None),
    };
    let dedup_key = match (&raw.timestamp, subject) {
        (Some(ts), Some(subject)) if !ts.trim().is_empty() => {
            format!("giyimmoda:{}:{subject}:{ts}", raw.event)
        }
        _ => body_digest_key(body),
    };
    Ok(WebhookPayload {
        event: raw.event,
        timestamp,
        data,
        dedup_key,
    })
}
