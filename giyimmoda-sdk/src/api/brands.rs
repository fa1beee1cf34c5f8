//! Brands: `client.brands()`.

use futures::Stream;
use marketplace_core::http::Request;

use crate::model::{Brand, ListPage, PerPage};
use crate::{Client, Result};

/// Brand lookups (`brands`, `brands/{id}`).
#[derive(Debug, Clone, Copy)]
pub struct Brands<'a> {
    client: &'a Client,
}

impl Client {
    /// Brand lookups.
    pub fn brands(&self) -> Brands<'_> {
        Brands { client: self }
    }
}

impl Brands<'_> {
    /// One page of brands (`per_page` may be [`PerPage::All`]).
    pub async fn list(&self, page: u32, per_page: PerPage) -> Result<ListPage<Brand>> {
        let request = Request::get("brands")
            .query("page", page.max(1))
            .query_opt("per_page", per_page.as_query());
        super::send_page(self.client, request).await
    }

    /// Every brand, page by page.
    pub fn stream(&self) -> impl Stream<Item = Result<Brand>> + '_ {
        super::stream_pages(self.client, |page| {
            Request::get("brands").query("page", page)
        })
    }

    /// One brand.
    pub async fn get(&self, id: u64) -> Result<Brand> {
        let request = Request::get("brands/{id}").path_param("id", id);
        super::send(self.client, request, "brand").await
    }
}
