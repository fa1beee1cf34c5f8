//! Endpoint groups. Every call goes through one helper here that unwraps Pazarama's
//! [`Envelope`] in one place.

pub mod brands;
pub mod cancellations;
pub mod categories;
pub mod commercials;
pub mod delivery;
pub mod finance;
pub mod orders;
pub mod products;
pub mod questions;
pub mod refunds;

use marketplace_core::http::Request;
use serde::de::DeserializeOwned;

use crate::model::Envelope;
use crate::{Client, Result};

/// Send `request` and return the envelope's `data` (required).
pub(crate) async fn send<T: DeserializeOwned>(
    client: &Client,
    request: Request,
    what: &str,
) -> Result<T> {
    let envelope: Envelope<T> = client.transport().execute(request).await?;
    envelope.into_required(what)
}

/// Send `request` and return the envelope's `data`, which may be absent.
#[allow(dead_code)] // used by the endpoint groups that land next
pub(crate) async fn send_optional<T: DeserializeOwned>(
    client: &Client,
    request: Request,
) -> Result<Option<T>> {
    let envelope: Envelope<T> = client.transport().execute(request).await?;
    envelope.into_data()
}

/// Send `request`, check `success`, ignore `data`.
#[allow(dead_code)] // used by the endpoint groups that land next
pub(crate) async fn send_unit(client: &Client, request: Request) -> Result<()> {
    let envelope: Envelope<serde::de::IgnoredAny> = client.transport().execute(request).await?;
    envelope.into_data().map(drop)
}
