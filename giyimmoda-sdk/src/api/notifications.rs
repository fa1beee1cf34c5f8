//! Notifications: `client.notifications()`.

use std::fmt::Display;

use futures::Stream;
use marketplace_core::codec::Id;
use marketplace_core::http::Request;
use serde::Serialize;

use super::listing;
use crate::model::{ListPage, ListQuery, Notification};
use crate::{Client, Error, Result};

/// Notification calls (`notifications`).
#[derive(Debug, Clone, Copy)]
pub struct Notifications<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's notifications.
    pub fn notifications(&self) -> Notifications<'_> {
        Notifications { client: self }
    }
}

/// Body of `POST notifications/bulk-delete` (field name assumed).
#[derive(Serialize)]
struct BulkDelete<'a> {
    ids: &'a [Id],
}

impl Notifications<'_> {
    /// One page of notifications (`GET notifications`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Notification>> {
        listing::list(self.client, Request::get("notifications"), query).await
    }

    /// Every notification, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Notification>> + '_ {
        listing::stream(self.client, query, || Request::get("notifications"))
    }

    /// Mark one as read (`PUT notifications/{id}/read`). `id` is a number or a UUID.
    pub async fn mark_read(&self, id: impl Display) -> Result<()> {
        let request = Request::put("notifications/{id}/read").path_param("id", id);
        super::send_unit(self.client, request).await
    }

    /// Delete one (`DELETE notifications/{id}`).
    pub async fn delete(&self, id: impl Display) -> Result<()> {
        let request = Request::delete("notifications/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }

    /// Delete several (`POST notifications/bulk-delete`, body `{"ids": [...]}` with each
    /// id as it was received); an empty list is rejected before sending.
    pub async fn bulk_delete<I>(&self, ids: I) -> Result<()>
    where
        I: IntoIterator,
        I::Item: Into<Id>,
    {
        let ids: Vec<Id> = ids.into_iter().map(Into::into).collect();
        if ids.is_empty() {
            return Err(Error::invalid_input("ids", "must not be empty"));
        }
        // Deleting the same ids twice leaves the same state: safe to retry.
        let request = Request::post("notifications/bulk-delete")
            .json(&BulkDelete { ids: &ids })
            .idempotent(true);
        super::send_unit(self.client, request).await
    }
}
