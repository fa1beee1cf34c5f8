//! Webhook subscriptions: `client.webhooks()`. Incoming deliveries are verified with
//! [`crate::webhook`].

use marketplace_core::http::Request;

use crate::model::{ListPage, NewWebhook, Webhook, WebhookUpdate};
use crate::{Client, Result};

/// Webhook subscriptions (`webhooks…`).
#[derive(Debug, Clone, Copy)]
pub struct Webhooks<'a> {
    client: &'a Client,
}

impl Client {
    /// Webhook subscriptions.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { client: self }
    }
}

impl Webhooks<'_> {
    /// The seller's subscriptions (`GET webhooks`).
    pub async fn list(&self) -> Result<ListPage<Webhook>> {
        super::send_page(self.client, Request::get("webhooks")).await
    }

    /// Subscribe (`POST webhooks`), after [`NewWebhook::validate`]. Keep the returned
    /// `secret` (or your own) to verify deliveries.
    pub async fn create(&self, webhook: &NewWebhook) -> Result<Webhook> {
        webhook.validate()?;
        let request = Request::post("webhooks").json(webhook);
        super::send(self.client, request, "webhook").await
    }

    /// Change a subscription (`PUT webhooks/{id}`). Returns it when the API sends it back.
    pub async fn update(&self, id: u64, update: &WebhookUpdate) -> Result<Option<Webhook>> {
        update.validate()?;
        let request = Request::put("webhooks/{id}")
            .path_param("id", id)
            .json(update);
        super::send_opt(self.client, request).await
    }

    /// Delete a subscription (`DELETE webhooks/{id}`).
    pub async fn delete(&self, id: u64) -> Result<()> {
        let request = Request::delete("webhooks/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }
}
