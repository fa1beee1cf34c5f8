//! Brands and categories.

use serde::{Deserialize, Serialize};

/// A brand. The API document lists the endpoints but no sample, so every field but
/// `id` and `name` is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brand {
    /// Brand id (goes into a product's `brand_id`).
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Brand name.
    pub name: String,
    /// Logo URL or upload id.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub logo: Option<String>,
    /// URL slug.
    #[serde(default)]
    pub slug: Option<String>,
}

/// A category. The document lists the endpoints (`categories`, `categories/tree`,
/// `categories/{id}`) but no sample, so every field but `id` and `name` is optional;
/// `children` is filled by the tree endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// Category id (goes into a product's `category_id` / `category_ids`).
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Category name.
    pub name: String,
    /// Parent category id (`0` or absent for a root).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub parent_id: Option<u64>,
    /// Depth in the tree (0 for roots).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub level: Option<u32>,
    /// URL slug.
    #[serde(default)]
    pub slug: Option<String>,
    /// Commission rate for this category, when the API reports one.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub commission_rate: Option<rust_decimal::Decimal>,
    /// Sub-categories (tree endpoint).
    #[serde(default, alias = "childrens", alias = "child")]
    pub children: Vec<Category>,
}
