//! Brands, categories and other reference data.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A brand (`brand/getBrands`). Its `id` goes into a product's `brandId`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    /// Brand id (a GUID).
    #[serde(with = "super::guid")]
    pub id: Uuid,
    /// Brand name.
    pub name: String,
    /// Logo URL (often empty).
    #[serde(default)]
    pub logo_url: Option<String>,
    /// Web site (often empty).
    #[serde(default)]
    pub website: Option<String>,
    /// Whether the brand is active.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub status: Option<bool>,
    /// SEO name.
    #[serde(default)]
    pub seo_name: Option<String>,
}

/// Query for `brand/getBrands`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BrandQuery {
    /// Page number, from 1 (default 1).
    pub page: Option<u32>,
    /// Page size (default 100 in this SDK; Pazarama's own default is 10).
    pub size: Option<u32>,
    /// Filter by name.
    pub name: Option<String>,
}

impl BrandQuery {
    /// Brands whose name matches `name`.
    pub fn named(name: impl Into<String>) -> Self {
        BrandQuery {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// Set the page size.
    #[must_use]
    pub fn size(mut self, size: u32) -> Self {
        self.size = Some(size);
        self
    }
}
