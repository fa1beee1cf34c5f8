//! Product reviews: `client.reviews()`.

use futures::Stream;
use marketplace_core::http::Request;

use super::listing;
use crate::model::{ListPage, ListQuery, Review};
use crate::{Client, Result};

/// Review calls (`reviews`).
#[derive(Debug, Clone, Copy)]
pub struct Reviews<'a> {
    client: &'a Client,
}

impl Client {
    /// Customer reviews of the seller's products.
    pub fn reviews(&self) -> Reviews<'_> {
        Reviews { client: self }
    }
}

impl Reviews<'_> {
    /// One page of reviews (`GET reviews`; `per_page` may be [`PerPage::All`](crate::model::PerPage::All)).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Review>> {
        listing::list(self.client, Request::get("reviews"), query).await
    }

    /// Every review, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Review>> + '_ {
        listing::stream(self.client, query, || Request::get("reviews"))
    }

    /// One page of one product's reviews (`GET reviews/product/{productId}`).
    pub async fn by_product(&self, product_id: u64, query: &ListQuery) -> Result<ListPage<Review>> {
        let request =
            Request::get("reviews/product/{productId}").path_param("productId", product_id);
        listing::list(self.client, request, query).await
    }

    /// Every review of one product, page by page.
    pub fn stream_by_product(
        &self,
        product_id: u64,
        query: &ListQuery,
    ) -> impl Stream<Item = Result<Review>> + '_ {
        listing::stream(self.client, query, move || {
            Request::get("reviews/product/{productId}").path_param("productId", product_id)
        })
    }
}
