//! Webhook subscriptions (reference §3): request and list models.

use std::fmt;

use chrono::{DateTime, Utc};
use marketplace_core::codec::epoch_millis::option as millis;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize, Serializer};

use super::null_as_default;

marketplace_core::string_enum! {
    /// How Trendyol authenticates its deliveries to your endpoint.
    pub enum WebhookAuthType {
        /// `Authorization: Basic base64(username:password)`.
        BasicAuthentication = "BASIC_AUTHENTICATION",
        /// The key in the `x-api-key` header.
        ApiKey = "API_KEY",
    }
    /// A value this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// A package status a webhook can subscribe to (UPPER_SNAKE, unlike the order API).
    pub enum WebhookEventStatus {
        /// Created.
        Created = "CREATED",
        /// Picking.
        Picking = "PICKING",
        /// Invoiced.
        Invoiced = "INVOICED",
        /// Shipped.
        Shipped = "SHIPPED",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Delivered.
        Delivered = "DELIVERED",
        /// Undelivered.
        UnDelivered = "UNDELIVERED",
        /// Returned.
        Returned = "RETURNED",
        /// Unsupplied.
        UnSupplied = "UNSUPPLIED",
        /// Awaiting.
        Awaiting = "AWAITING",
        /// Unpacked (split).
        UnPacked = "UNPACKED",
        /// At a collection point.
        AtCollectionPoint = "AT_COLLECTION_POINT",
        /// Verified.
        Verified = "VERIFIED",
    }
    /// A value this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// Whether a webhook is delivering.
    pub enum WebhookState {
        /// Delivering.
        Active = "ACTIVE",
        /// Stopped (by you, or automatically after 13 failed deliveries).
        Passive = "PASSIVE",
    }
    /// A value this version does not know.
    Other(String)
}

/// Body of createWebhook and updateWebhook (update is a full replace: resend the secrets).
///
/// `Debug` never prints the password or the API key. It also deserializes (the documented
/// sample body decodes), so a fake server or a proxy can read it.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookRequest {
    /// Your endpoint. Must not contain "trendyol", "dolap" or "localhost" (any case).
    pub url: String,
    /// Basic-auth user name (required for `BASIC_AUTHENTICATION`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Basic-auth password (required for `BASIC_AUTHENTICATION`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "expose",
        deserialize_with = "secret"
    )]
    pub password: Option<SecretString>,
    /// How Trendyol authenticates to you.
    pub authentication_type: WebhookAuthType,
    /// The key Trendyol sends in `x-api-key` (required for `API_KEY`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "expose",
        deserialize_with = "secret"
    )]
    pub api_key: Option<SecretString>,
    /// Statuses to deliver; empty means all (including statuses added later).
    #[serde(default, deserialize_with = "null_as_default")]
    pub subscribed_statuses: Vec<WebhookEventStatus>,
}

impl WebhookRequest {
    /// A webhook that Trendyol calls with Basic authentication.
    pub fn basic(
        url: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        WebhookRequest {
            url: url.into(),
            username: Some(username.into()),
            password: Some(SecretString::from(password.into())),
            authentication_type: WebhookAuthType::BasicAuthentication,
            api_key: None,
            subscribed_statuses: Vec::new(),
        }
    }

    /// A webhook that Trendyol calls with an API key in `x-api-key`.
    pub fn api_key(url: impl Into<String>, api_key: impl Into<String>) -> Self {
        WebhookRequest {
            url: url.into(),
            username: None,
            password: None,
            authentication_type: WebhookAuthType::ApiKey,
            api_key: Some(SecretString::from(api_key.into())),
            subscribed_statuses: Vec::new(),
        }
    }

    /// Subscribe to these statuses only.
    #[must_use]
    pub fn statuses(mut self, statuses: impl IntoIterator<Item = WebhookEventStatus>) -> Self {
        self.subscribed_statuses = statuses.into_iter().collect();
        self
    }
}

fn expose<S: Serializer>(value: &Option<SecretString>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(secret) => serializer.serialize_str(secret.expose_secret()),
        None => serializer.serialize_none(),
    }
}

fn secret<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(SecretString::from))
}

impl fmt::Debug for WebhookRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |s: &Option<SecretString>| s.as_ref().map(|_| "[REDACTED]");
        f.debug_struct("WebhookRequest")
            .field("url", &self.url)
            .field("username", &self.username)
            .field("password", &redacted(&self.password))
            .field("authentication_type", &self.authentication_type)
            .field("api_key", &redacted(&self.api_key))
            .field("subscribed_statuses", &self.subscribed_statuses)
            .finish()
    }
}

/// Answer of createWebhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateWebhookResponse {
    /// The new webhook's id (needed for update/delete).
    #[serde(default)]
    pub id: Option<String>,
}

/// A registered webhook (getWebhooks). Passwords and keys are never returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    /// Id (a UUID).
    #[serde(default)]
    pub id: Option<String>,
    /// Created.
    #[serde(default, with = "millis")]
    pub created_date: Option<DateTime<Utc>>,
    /// Last modified (null until the first update).
    #[serde(default, with = "millis")]
    pub last_modified_date: Option<DateTime<Utc>>,
    /// Endpoint.
    #[serde(default)]
    pub url: Option<String>,
    /// Basic-auth user name.
    #[serde(default)]
    pub username: Option<String>,
    /// Authentication type.
    #[serde(default)]
    pub authentication_type: Option<WebhookAuthType>,
    /// `ACTIVE` or `PASSIVE`.
    #[serde(default)]
    pub status: Option<WebhookState>,
    /// Subscribed statuses (`null`/empty: all).
    #[serde(default, deserialize_with = "null_as_default")]
    pub subscribed_statuses: Vec<WebhookEventStatus>,
    /// Storefront (undocumented, seen in production).
    #[serde(default)]
    pub store_front_code: Option<String>,
    /// Country codes (undocumented, seen in production).
    #[serde(default, deserialize_with = "null_as_default")]
    pub country_codes: Vec<String>,
}
