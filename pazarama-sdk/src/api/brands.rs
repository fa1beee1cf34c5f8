//! Brands: `client.brands()`.

use futures::Stream;
use marketplace_core::http::Request;
use marketplace_core::paging::{Page, PagingOptions, paginate};

use crate::model::{Brand, BrandQuery};
use crate::{Client, Result};

/// Brand lookups (`brand/getBrands`).
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

const DEFAULT_PAGE_SIZE: u32 = 100;

impl Brands<'_> {
    /// One page of brands.
    pub async fn list(&self, query: &BrandQuery) -> Result<Vec<Brand>> {
        let request = Request::get("/brand/getBrands")
            .query("Page", query.page.unwrap_or(1))
            .query("Size", query.size.unwrap_or(DEFAULT_PAGE_SIZE))
            .query_opt("name", query.name.as_deref());
        super::send(self.client, request, "brands").await
    }

    /// Every brand matching `query`, page by page (pages are fetched one at a time, as
    /// the service reports no total; the stream ends after a short or empty page).
    pub fn stream(&self, query: &BrandQuery) -> impl Stream<Item = Result<Brand>> + '_ {
        let query = query.clone();
        let size = query.size.unwrap_or(DEFAULT_PAGE_SIZE);
        let options = PagingOptions::one_based().concurrency(1);
        paginate(options, move |page| {
            let query = BrandQuery {
                page: Some(page),
                size: Some(size),
                ..query.clone()
            };
            async move {
                let items = self.list(&query).await?;
                // A short page is the last one: report it as such so no extra request is made.
                let is_last = items.len() < usize::try_from(size).unwrap_or(usize::MAX);
                let page_items = Page::new(items);
                Ok(if is_last {
                    page_items.total_pages(page)
                } else {
                    page_items
                })
            }
        })
    }
}
