//! Payment history: `client.payments()`.

use futures::Stream;
use marketplace_core::http::Request;

use super::listing;
use crate::model::{ListPage, ListQuery, Payment};
use crate::{Client, Result};

/// Payment history calls (`payment-history`).
#[derive(Debug, Clone, Copy)]
pub struct Payments<'a> {
    client: &'a Client,
}

impl Client {
    /// Payouts the platform made to the seller.
    pub fn payments(&self) -> Payments<'_> {
        Payments { client: self }
    }
}

impl Payments<'_> {
    /// One page of payments (`GET payment-history`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Payment>> {
        listing::list(self.client, Request::get("payment-history"), query).await
    }

    /// Every payment, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Payment>> + '_ {
        listing::stream(self.client, query, || Request::get("payment-history"))
    }

    /// One payment (`GET payment-history/{id}`).
    pub async fn get(&self, id: u64) -> Result<Payment> {
        let request = Request::get("payment-history/{id}").path_param("id", id);
        super::send(self.client, request, "payment").await
    }
}
