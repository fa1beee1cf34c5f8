//! Digital (downloadable) products.
//!
//! The API document lists the digital product endpoints (list, get, create, update,
//! delete, download) but shows no sample request or answer. The models follow the
//! documented physical product fields where they apply (`name`, `description`,
//! `category_id`, `unit_price`, `thumbnail_img_url`) and keep every other field in
//! `extra`; how the downloadable file itself is attached is not documented (`file_url`
//! is an assumption, `extra` takes anything else).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// A digital product. No documented sample: unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigitalProduct {
    /// Product id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub name: Option<String>,
    /// Main category id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub category_id: Option<u64>,
    /// Unit price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub unit_price: Option<Decimal>,
    /// Whether it is published.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub published: Option<bool>,
    /// Creation time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST digital-products`. Checked before sending: `name` is not blank and
/// `unit_price` ≥ 0.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewDigitalProduct {
    /// Name.
    pub name: String,
    /// Main category id.
    pub category_id: u64,
    /// Unit price (sent as a JSON number).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub unit_price: Decimal,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Thumbnail image URL (downloaded by the server, as for physical products).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail_img_url: Option<String>,
    /// URL of the downloadable file (assumed field name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_url: Option<String>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `PUT digital-products/{id}`: only the fields that are set are sent. Checked
/// before sending: a set `name` is not blank, a set `unit_price` is ≥ 0.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DigitalProductUpdate {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Main category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<u64>,
    /// Unit price.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub unit_price: Option<Decimal>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Published or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
    /// Thumbnail image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail_img_url: Option<String>,
    /// URL of the downloadable file (assumed field name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_url: Option<String>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DigitalProductUpdate {
    /// Whether nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.category_id.is_none()
            && self.unit_price.is_none()
            && self.description.is_none()
            && self.published.is_none()
            && self.thumbnail_img_url.is_none()
            && self.file_url.is_none()
            && self.extra.is_empty()
    }
}

/// What `GET digital-products/{id}/download` gave back.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DigitalDownload {
    /// The file itself.
    File {
        /// The file's bytes.
        bytes: Vec<u8>,
        /// File name from `Content-Disposition`, if any.
        file_name: Option<String>,
        /// `Content-Type`, if any.
        content_type: Option<String>,
    },
    /// A JSON answer with a link (shaped like the documented product export answer).
    Link(DownloadLink),
}

/// A download link answer: `{download_url, filename, file_size}` (the shape the document
/// shows for the product export).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DownloadLink {
    /// Where to fetch the file.
    pub download_url: String,
    /// File name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub filename: Option<String>,
    /// Size in bytes.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub file_size: Option<u64>,
}
