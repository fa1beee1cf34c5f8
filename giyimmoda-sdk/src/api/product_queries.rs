//! Customer questions about products: `client.product_queries()`.

use futures::Stream;
use marketplace_core::http::Request;
use serde::Serialize;

use super::listing;
use crate::model::{ListPage, ListQuery, ProductQuestion};
use crate::{Client, Result};

/// Product question calls (`product-queries`).
#[derive(Debug, Clone, Copy)]
pub struct ProductQueries<'a> {
    client: &'a Client,
}

impl Client {
    /// Customers' questions about the seller's products.
    pub fn product_queries(&self) -> ProductQueries<'_> {
        ProductQueries { client: self }
    }
}

/// Body of `PUT product-queries/{id}/reply` (field name assumed).
#[derive(Serialize)]
struct ReplyBody<'a> {
    reply: &'a str,
}

impl ProductQueries<'_> {
    /// One page of questions (`GET product-queries`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<ProductQuestion>> {
        listing::list(self.client, Request::get("product-queries"), query).await
    }

    /// Every question, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<ProductQuestion>> + '_ {
        listing::stream(self.client, query, || Request::get("product-queries"))
    }

    /// One question (`GET product-queries/{id}`).
    pub async fn get(&self, id: u64) -> Result<ProductQuestion> {
        let request = Request::get("product-queries/{id}").path_param("id", id);
        super::send(self.client, request, "product query").await
    }

    /// Answer a question (`PUT product-queries/{id}/reply`, body `{"reply": …}`); blank
    /// text is rejected before sending. Returns the answered question.
    pub async fn reply(&self, id: u64, text: &str) -> Result<ProductQuestion> {
        listing::non_empty("reply", text)?;
        let request = Request::put("product-queries/{id}/reply")
            .path_param("id", id)
            .json(&ReplyBody { reply: text });
        super::send(self.client, request, "product query").await
    }
}
