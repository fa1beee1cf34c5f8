//! Receiving Trendyol's order webhooks.
//!
//! Trendyol POSTs the full shipment package — the same model as getShipmentPackages
//! ([`ShipmentPackage`]) — whenever a subscribed package status changes, authenticated the
//! way you registered the webhook (Basic or an API key in `x-api-key`). It signs nothing
//! and re-sends failed deliveries every 5 minutes, so a receiver should:
//!
//! 1. verify the credentials over the **raw** request (constant time, via
//!    [`marketplace_core::webhook::Verifier`]) before parsing anything;
//! 2. decode the body (a bare package or a `{"content": [...]}` page envelope; old and new
//!    field names both work);
//! 3. drop re-deliveries by a stable key — package id + status + `lastModifiedDate` — with a
//!    [`Deduplicator`]. A status change of the same package is a new event.
//!
//! ```
//! use std::time::Duration;
//! use marketplace_core::webhook::InMemoryDeduplicator;
//! use trendyol_sdk::webhook::WebhookReceiver;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> trendyol_sdk::Result<()> {
//! let receiver = WebhookReceiver::api_key("my-registered-key");
//! let seen = InMemoryDeduplicator::new(Duration::from_secs(24 * 3600), 100_000);
//!
//! // In your HTTP handler: the request headers and the raw body bytes.
//! let body = br#"{"shipmentPackageId": 1, "status": "Created", "lastModifiedDate": 1762865408581}"#;
//! let headers = receiver.delivery_headers(body).expect("valid key"); // what Trendyol sends
//!
//! let event = receiver.receive(&headers, body, &seen).await?;
//! assert_eq!(event.key, "1:Created:1762865408581");
//! // The same delivery again is acknowledged but not handled twice.
//! let again = receiver.receive(&headers, body, &seen).await.unwrap_err();
//! assert!(matches!(again, trendyol_sdk::Error::WebhookRejected(r) if r.is_duplicate()));
//! # Ok(()) }
//! ```

use http::HeaderMap;
use http::header::InvalidHeaderValue;
use marketplace_core::codec::decode;
use marketplace_core::webhook::{Credentials, Deduplicator, Rejection, Verifier};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::model::orders::{ShipmentPackage, ShipmentPackagesPage};
use crate::model::webhooks::{WebhookAuthType, WebhookRequest};
use crate::{Error, Result};

/// One verified, decoded webhook event: a package in a new state.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookEvent {
    /// The package, exactly as getShipmentPackages would return it.
    pub package: ShipmentPackage,
    /// De-duplication key: `{shipmentPackageId}:{status}:{lastModifiedDate millis}`
    /// (`-` for a missing part). Stable across re-deliveries of the same event; a status
    /// change of the package gives a new key.
    pub key: String,
}

impl WebhookEvent {
    /// Wrap a package, computing its key.
    pub fn new(package: ShipmentPackage) -> Self {
        let key = event_key(&package);
        WebhookEvent { package, key }
    }
}

/// The de-duplication key of a package (see [`WebhookEvent::key`]).
pub fn event_key(package: &ShipmentPackage) -> String {
    let status = package
        .status
        .as_ref()
        .or(package.shipment_package_status.as_ref())
        .map_or("-", |s| s.as_str());
    let modified = package
        .last_modified_date
        .map_or_else(|| "-".to_owned(), |d| d.timestamp_millis().to_string());
    format!("{}:{status}:{modified}", package.shipment_package_id)
}

/// Verifies and decodes incoming Trendyol webhook deliveries. Cheap to clone; `Debug`
/// never prints a secret.
#[derive(Debug, Clone)]
pub struct WebhookReceiver {
    verifier: Verifier,
}

impl WebhookReceiver {
    /// A receiver for deliveries authenticated with these credentials.
    pub fn new(credentials: Credentials) -> Self {
        WebhookReceiver {
            verifier: Verifier::new(credentials),
        }
    }

    /// For a webhook registered with `BASIC_AUTHENTICATION`.
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Self::new(Credentials::basic(
            username,
            SecretString::from(password.into()),
        ))
    }

    /// For a webhook registered with `API_KEY` (sent in `x-api-key`).
    pub fn api_key(key: impl Into<String>) -> Self {
        Self::new(Credentials::api_key(SecretString::from(key.into())))
    }

    /// For the webhook registered with `request` (the body you sent to create/update it).
    pub fn for_registration(request: &WebhookRequest) -> Result<Self> {
        crate::api::webhooks::validate(request)?;
        match &request.authentication_type {
            WebhookAuthType::ApiKey => {
                let key = request
                    .api_key
                    .as_ref()
                    .ok_or_else(|| Error::invalid_input("apiKey", "is required for API_KEY"))?;
                Ok(Self::api_key(key.expose_secret()))
            }
            _ => {
                let (Some(user), Some(pass)) = (&request.username, &request.password) else {
                    return Err(Error::invalid_input(
                        "username",
                        "username and password are required for BASIC_AUTHENTICATION",
                    ));
                };
                Ok(Self::basic(user.clone(), pass.expose_secret()))
            }
        }
    }

    /// Set the largest accepted body (default 1 MiB).
    #[must_use]
    pub fn with_max_body_bytes(mut self, limit: usize) -> Self {
        self.verifier = self.verifier.with_max_body_bytes(limit);
        self
    }

    /// The underlying verifier.
    pub fn verifier(&self) -> &Verifier {
        &self.verifier
    }

    /// Verify the delivery's credentials (constant time), then decode it into the events
    /// it carries: one for a bare package, one per package of a page envelope.
    ///
    /// Errors: [`Error::WebhookRejected`] (answer with [`Rejection::status_code`], 401/413)
    /// before anything is parsed; [`Error::Decode`] for a body that is not a package (400).
    pub fn verify_all(&self, headers: &HeaderMap, body: &[u8]) -> Result<Vec<WebhookEvent>> {
        self.verifier.verify(headers, body)?;
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            content: Option<IgnoredAny>,
        }
        let packages = if decode::<Probe>(body)?.content.is_some() {
            decode::<ShipmentPackagesPage>(body)?.content
        } else {
            vec![decode::<ShipmentPackage>(body)?]
        };
        Ok(packages.into_iter().map(WebhookEvent::new).collect())
    }

    /// [`WebhookReceiver::verify_all`] for the usual delivery of exactly one package.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<WebhookEvent> {
        let mut events = self.verify_all(headers, body)?;
        if events.len() != 1 {
            return Err(Error::Decode {
                path: "content".into(),
                message: format!(
                    "expected one package in the delivery, found {}",
                    events.len()
                ),
                body_snippet: String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned(),
            });
        }
        events
            .pop()
            .ok_or_else(|| Error::invalid_input("body", "no package"))
    }

    /// Verify, decode, then drop a re-delivery: a key already seen by `dedupe` gives
    /// [`Error::WebhookRejected`]`(`[`Rejection::Duplicate`]`)` — acknowledge it with 200,
    /// don't handle it. A key is recorded only for a delivery that verified and decoded.
    pub async fn receive(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        dedupe: &dyn Deduplicator,
    ) -> Result<WebhookEvent> {
        let event = self.verify(headers, body)?;
        if dedupe.first_seen(&event.key).await {
            Ok(event)
        } else {
            Err(Rejection::Duplicate { key: event.key }.into())
        }
    }

    /// The headers Trendyol would send with `body` to this receiver (for testing your
    /// handler).
    pub fn delivery_headers(
        &self,
        body: &[u8],
    ) -> std::result::Result<HeaderMap, InvalidHeaderValue> {
        self.verifier.delivery_headers(body)
    }
}
