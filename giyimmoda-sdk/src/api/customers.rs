//! Customers: `client.customers()`.

use futures::Stream;
use marketplace_core::http::Request;

use super::listing;
use crate::model::{Customer, CustomerDetail, ListPage, ListQuery};
use crate::{Client, Result};

/// Customer calls (`customers`).
#[derive(Debug, Clone, Copy)]
pub struct Customers<'a> {
    client: &'a Client,
}

impl Client {
    /// Customers who bought from the seller.
    pub fn customers(&self) -> Customers<'_> {
        Customers { client: self }
    }
}

impl Customers<'_> {
    /// One page of customers (`GET customers`; `per_page` may be [`PerPage::All`](crate::model::PerPage::All)).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Customer>> {
        listing::list(self.client, Request::get("customers"), query).await
    }

    /// Every customer, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Customer>> + '_ {
        listing::stream(self.client, query, || Request::get("customers"))
    }

    /// One customer with their order history (`GET customers/{id}`).
    pub async fn get(&self, id: u64) -> Result<CustomerDetail> {
        let request = Request::get("customers/{id}").path_param("id", id);
        super::send(self.client, request, "customer").await
    }
}
