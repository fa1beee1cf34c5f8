//! Brands (and, as they land, categories).

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
