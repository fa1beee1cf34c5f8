//! Webhook subscriptions (reference §3, `/integration/webhook/sellers/{sellerId}/webhooks`).
//!
//! For receiving deliveries, see the `webhook` module.

use marketplace_core::http::Request;
use secrecy::ExposeSecret;

use crate::model::webhooks::{
    CreateWebhookResponse, Webhook, WebhookAuthType, WebhookEventStatus, WebhookRequest,
};
use crate::{Client, Error, Result};

const WEBHOOKS: &str = "/integration/webhook/sellers/{sellerId}/webhooks";
const WEBHOOK: &str = "/integration/webhook/sellers/{sellerId}/webhooks/{id}";

/// Words Trendyol refuses in a webhook URL (matched case-insensitively).
pub const FORBIDDEN_URL_WORDS: [&str; 3] = ["trendyol", "dolap", "localhost"];

impl Client {
    /// Webhook subscriptions (reference §3).
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { client: self }
    }
}

/// The webhook subscription group; see [`Client::webhooks`].
#[derive(Debug, Clone, Copy)]
pub struct Webhooks<'a> {
    client: &'a Client,
}

/// Check a create/update body the way Trendyol will, before sending it.
///
/// - `url`: an absolute `http(s)` URL without "trendyol", "dolap" or "localhost" (any case);
/// - `BASIC_AUTHENTICATION` needs a non-empty `username` and `password`; `API_KEY` needs a
///   non-empty `apiKey`; other types are refused;
/// - `subscribedStatuses` only from the documented set.
pub fn validate(request: &WebhookRequest) -> Result<()> {
    let url = request.url.trim();
    if url.is_empty() {
        return Err(Error::invalid_input("url", "is required"));
    }
    let lower = url.to_lowercase();
    if let Some(word) = FORBIDDEN_URL_WORDS.iter().find(|w| lower.contains(*w)) {
        return Err(Error::invalid_input(
            "url",
            format!("must not contain \"{word}\" (Trendyol rule, any case)"),
        ));
    }
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
        _ => {
            return Err(Error::invalid_input(
                "url",
                "must be an absolute http(s) URL",
            ));
        }
    }
    let filled = |s: Option<&str>| s.is_some_and(|s| !s.trim().is_empty());
    match &request.authentication_type {
        WebhookAuthType::BasicAuthentication => {
            if !filled(request.username.as_deref()) {
                return Err(Error::invalid_input(
                    "username",
                    "is required for BASIC_AUTHENTICATION",
                ));
            }
            if !filled(request.password.as_ref().map(|p| p.expose_secret())) {
                return Err(Error::invalid_input(
                    "password",
                    "is required for BASIC_AUTHENTICATION",
                ));
            }
        }
        WebhookAuthType::ApiKey => {
            if !filled(request.api_key.as_ref().map(|k| k.expose_secret())) {
                return Err(Error::invalid_input("apiKey", "is required for API_KEY"));
            }
        }
        other => {
            return Err(Error::invalid_input(
                "authenticationType",
                format!("must be BASIC_AUTHENTICATION or API_KEY, not {other}"),
            ));
        }
    }
    if let Some(bad) = request
        .subscribed_statuses
        .iter()
        .find(|s| matches!(s, WebhookEventStatus::Other(_)))
    {
        return Err(Error::invalid_input(
            "subscribedStatuses",
            format!("{bad} is not a documented webhook status"),
        ));
    }
    Ok(())
}

impl Webhooks<'_> {
    fn one(&self, request: Request, id: &str) -> Request {
        request
            .path_param("sellerId", self.client.seller_id())
            .path_param("id", id)
    }

    /// createWebhook (`POST …/webhooks`), after [`validate`]. At most 15 webhooks per
    /// seller, passive ones included.
    pub async fn create(&self, request: &WebhookRequest) -> Result<CreateWebhookResponse> {
        validate(request)?;
        let req = Request::post(WEBHOOKS)
            .path_param("sellerId", self.client.seller_id())
            .json(request);
        self.client.transport().execute(req).await
    }

    /// getWebhooks (`GET …/webhooks`; a bare array, no paging).
    pub async fn list(&self) -> Result<Vec<Webhook>> {
        let req = Request::get(WEBHOOKS).path_param("sellerId", self.client.seller_id());
        self.client.transport().execute(req).await
    }

    /// updateWebhook (`PUT …/webhooks/{id}`, a full replace), after [`validate`].
    pub async fn update(&self, id: &str, request: &WebhookRequest) -> Result<()> {
        validate(request)?;
        let req = self.one(Request::put(WEBHOOK), id).json(request);
        self.client.transport().execute_unit(req).await
    }

    /// deleteWebhook (`DELETE …/webhooks/{id}`).
    pub async fn delete(&self, id: &str) -> Result<()> {
        let req = self.one(Request::delete(WEBHOOK), id);
        self.client.transport().execute_unit(req).await
    }

    /// activateWebhook (`PUT …/webhooks/{id}/activate`).
    pub async fn activate(&self, id: &str) -> Result<()> {
        let req = self.one(Request::put(format!("{WEBHOOK}/activate")), id);
        self.client.transport().execute_unit(req).await
    }

    /// deactivateWebhook (`PUT …/webhooks/{id}/deactivate`).
    pub async fn deactivate(&self, id: &str) -> Result<()> {
        let req = self.one(Request::put(format!("{WEBHOOK}/deactivate")), id);
        self.client.transport().execute_unit(req).await
    }
}
