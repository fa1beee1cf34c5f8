//! The seller's addresses: `client.addresses()`.

use futures::Stream;
use marketplace_core::http::Request;

use super::listing;
use crate::model::{Address, AddressInput, ListPage, ListQuery};
use crate::{Client, Error, Result};

/// Address book calls (`addresses`).
#[derive(Debug, Clone, Copy)]
pub struct Addresses<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's addresses.
    pub fn addresses(&self) -> Addresses<'_> {
        Addresses { client: self }
    }
}

impl Addresses<'_> {
    /// One page of addresses (`GET addresses`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Address>> {
        listing::list(self.client, Request::get("addresses"), query).await
    }

    /// Every address, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Address>> + '_ {
        listing::stream(self.client, query, || Request::get("addresses"))
    }

    /// One address (`GET addresses/{id}`).
    pub async fn get(&self, id: u64) -> Result<Address> {
        let request = Request::get("addresses/{id}").path_param("id", id);
        super::send(self.client, request, "address").await
    }

    /// Add an address (`POST addresses`); `address` must be set and non-empty.
    pub async fn create(&self, input: &AddressInput) -> Result<Address> {
        listing::non_empty("address", input.address.as_deref().unwrap_or_default())?;
        let request = Request::post("addresses").json(input);
        super::send(self.client, request, "address").await
    }

    /// Change the fields set in `input` (`PUT addresses/{id}`). An empty update is
    /// rejected before sending.
    pub async fn update(&self, id: u64, input: &AddressInput) -> Result<Address> {
        if input.is_empty() {
            return Err(Error::invalid_input("address", "nothing to update"));
        }
        let request = Request::put("addresses/{id}")
            .path_param("id", id)
            .json(input);
        super::send(self.client, request, "address").await
    }

    /// Delete an address (`DELETE addresses/{id}`).
    pub async fn delete(&self, id: u64) -> Result<()> {
        let request = Request::delete("addresses/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }

    /// Make an address the default one (`PUT addresses/{id}/set-default`).
    pub async fn set_default(&self, id: u64) -> Result<()> {
        let request = Request::put("addresses/{id}/set-default").path_param("id", id);
        super::send_unit(self.client, request).await
    }
}
