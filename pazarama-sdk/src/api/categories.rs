//! Categories: `client.categories()`.

use marketplace_core::http::Request;

use crate::model::guid::check_set;
use crate::model::{Category, CategoryWithAttributes};
use crate::{Client, Result};
use uuid::Uuid;

/// Category lookups (`category/getCategoryTree`, `category/getCategoryWithAttributes`).
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
    /// The whole category tree, as a flat list (each node names its parent and its path).
    /// Products are created under `leaf` categories only.
    pub async fn tree(&self) -> Result<Vec<Category>> {
        let request = Request::get("/category/getCategoryTree");
        super::send(self.client, request, "category tree").await
    }

    /// One category with its attributes and their allowed values. `id` must not be the
    /// nil GUID.
    pub async fn with_attributes(&self, id: Uuid) -> Result<CategoryWithAttributes> {
        check_set("id", &id)?;
        let request = Request::get("/category/getCategoryWithAttributes").query("Id", id);
        super::send(self.client, request, "category with attributes").await
    }
}
