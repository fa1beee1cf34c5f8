//! Webhook subscriptions (`webhooks…`) and the event names they use.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

marketplace_core::string_enum! {
    /// A webhook event type (`event_type` of a subscription, `event` of a delivery).
    pub enum WebhookEvent {
        /// A new order was created.
        OrderCreated = "order.created",
        /// An order's status changed.
        OrderUpdated = "order.updated",
        /// An order was cancelled.
        OrderCancelled = "order.cancelled",
        /// A stock level changed.
        StockUpdated = "stock.updated",
    }
    /// An event this version does not know.
    Other(String)
}

/// A webhook subscription. `Debug` redacts `secret`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Webhook {
    /// Subscription id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// The event it fires on.
    #[serde(default)]
    pub event_type: Option<WebhookEvent>,
    /// Where deliveries go.
    #[serde(default)]
    pub url: Option<String>,
    /// The signing secret (returned when the server generated it).
    #[serde(default)]
    pub secret: Option<String>,
    /// Whether deliveries are active.
    #[serde(
        default,
        alias = "active",
        with = "marketplace_core::codec::lenient::bool::option"
    )]
    pub is_active: Option<bool>,
    /// Created at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Updated at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("id", &self.id)
            .field("event_type", &self.event_type)
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "[REDACTED]"))
            .field("is_active", &self.is_active)
            .finish_non_exhaustive()
    }
}

/// Body of `POST webhooks`. Without `secret` the server generates one. `Debug` redacts
/// `secret`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewWebhook {
    /// The event to subscribe to.
    pub event_type: Option<WebhookEvent>,
    /// The receiving URL (http or https).
    pub url: String,
    /// The signing secret (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// Body of `PUT webhooks/{id}`: only the fields that are set are sent. `Debug` redacts
/// `secret`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookUpdate {
    /// New event type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<WebhookEvent>,
    /// New URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// New secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

impl fmt::Debug for NewWebhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewWebhook")
            .field("event_type", &self.event_type)
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

impl fmt::Debug for WebhookUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookUpdate")
            .field("event_type", &self.event_type)
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "[REDACTED]"))
            .field("is_active", &self.is_active)
            .finish()
    }
}

fn check_url(url: &str) -> Result<()> {
    let parsed = url::Url::parse(url).map_err(|e| Error::invalid_input("url", e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::invalid_input("url", "must be http or https"));
    }
    Ok(())
}

fn check_secret(secret: Option<&String>) -> Result<()> {
    if secret.is_some_and(|s| s.trim().is_empty()) {
        return Err(Error::invalid_input(
            "secret",
            "is empty (leave it out to let the server generate one)",
        ));
    }
    Ok(())
}

impl NewWebhook {
    /// Check the request: `event_type` is required, `url` must be http(s).
    pub fn validate(&self) -> Result<()> {
        match &self.event_type {
            None => return Err(Error::invalid_input("event_type", "is required")),
            Some(WebhookEvent::Other(raw)) if raw.trim().is_empty() => {
                return Err(Error::invalid_input("event_type", "is required"));
            }
            Some(_) => {}
        }
        check_url(&self.url)?;
        check_secret(self.secret.as_ref())
    }
}

impl WebhookUpdate {
    /// Check the fields that are set.
    pub fn validate(&self) -> Result<()> {
        if let Some(url) = &self.url {
            check_url(url)?;
        }
        check_secret(self.secret.as_ref())
    }
}
