//! Categories: `client.categories()`.

use futures::Stream;
use marketplace_core::http::Request;

use crate::model::{Category, ListPage, PerPage};
use crate::{Client, Result};

/// Category lookups (`categories`, `categories/tree`, `categories/{id}`).
#[derive(Debug, Clone, Copy)]
pub struct Categories<'a> {
    client: &'a Client,
}

impl Client {
    /// Category lookups.
    pub fn categories(&self) -> Categories<'_> {
        Categories { client: self }
    }
}

impl Categories<'_> {
    /// One page of categories (`per_page` may be [`PerPage::All`]).
    pub async fn list(&self, page: u32, per_page: PerPage) -> Result<ListPage<Category>> {
        let request = Request::get("categories")
            .query("page", page.max(1))
            .query_opt("per_page", per_page.as_query());
        super::send_page(self.client, request).await
    }

    /// Every category, page by page.
    pub fn stream(&self) -> impl Stream<Item = Result<Category>> + '_ {
        super::stream_pages(self.client, |page| {
            Request::get("categories").query("page", page)
        })
    }

    /// The category tree: root categories with their `children`, recursively.
    pub async fn tree(&self) -> Result<Vec<Category>> {
        super::send(
            self.client,
            Request::get("categories/tree"),
            "category tree",
        )
        .await
    }

    /// One category.
    pub async fn get(&self, id: u64) -> Result<Category> {
        let request = Request::get("categories/{id}").path_param("id", id);
        super::send(self.client, request, "category").await
    }
}
