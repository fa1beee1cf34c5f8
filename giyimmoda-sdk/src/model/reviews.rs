//! Product reviews.
//!
//! The API document lists `reviews` and `reviews/product/{productId}` but shows no sample
//! answer. [`Review`] names the platform's `reviews` columns, all optional except `id`,
//! and keeps every other field (customer, product, photos, …) in `extra`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// A customer's review of a product. No documented sample: unknown fields are kept in
/// `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Review id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Reviewed product.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub product_id: Option<u64>,
    /// Reviewing customer.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub user_id: Option<u64>,
    /// Stars, 1–5.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub rating: Option<u8>,
    /// Review text.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub comment: Option<String>,
    /// Whether the review is published.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub status: Option<bool>,
    /// When it was written.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}
