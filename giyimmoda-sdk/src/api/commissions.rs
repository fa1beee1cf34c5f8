//! Commission history: `client.commissions()`.

use futures::Stream;
use marketplace_core::http::Request;

use super::listing;
use crate::model::{CommissionRecord, ListPage, ListQuery};
use crate::{Client, Result};

/// Commission history calls (`commission-history`).
#[derive(Debug, Clone, Copy)]
pub struct Commissions<'a> {
    client: &'a Client,
}

impl Client {
    /// Commission taken on the seller's sales.
    pub fn commissions(&self) -> Commissions<'_> {
        Commissions { client: self }
    }
}

impl Commissions<'_> {
    /// One page of commission records (`GET commission-history`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<CommissionRecord>> {
        listing::list(self.client, Request::get("commission-history"), query).await
    }

    /// Every commission record, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<CommissionRecord>> + '_ {
        listing::stream(self.client, query, || Request::get("commission-history"))
    }

    /// One commission record (`GET commission-history/{id}`).
    pub async fn get(&self, id: u64) -> Result<CommissionRecord> {
        let request = Request::get("commission-history/{id}").path_param("id", id);
        super::send(self.client, request, "commission record").await
    }
}
