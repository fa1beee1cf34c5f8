//! Products: the product model, list filters, create/update bodies with the document's
//! rules, bulk create/update results, export and import.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::PerPage;
use crate::{Error, Result};

marketplace_core::string_enum! {
    /// A product's publication state, as used by the list filter `status`.
    pub enum ProductStatus {
        /// Published (`products.published = 1`).
        Published = "published",
        /// Waiting for approval.
        Pending = "pending",
        /// Not published.
        Unpublished = "unpublished",
    }
    /// A status this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// A product's unit (`unit`): `adet` (default) or `kg`.
    pub enum ProductUnit {
        /// Pieces (the server's default).
        Adet = "adet",
        /// Kilograms (also what a `decibel` value implies).
        Kg = "kg",
    }
    /// A unit this version does not know (refused in requests, kept in responses).
    Other(String)
}

/// A product as the API returns it. The document shows request fields and table columns
/// but no product response sample, so everything but `id` is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// Product id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Main category id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub category_id: Option<u64>,
    /// Brand id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub brand_id: Option<u64>,
    /// Unit price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub unit_price: Option<Decimal>,
    /// Stock quantity.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub current_stock: Option<i64>,
    /// SKU.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub sku: Option<String>,
    /// Barcode.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub barcode: Option<String>,
    /// Delivery time in days.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub delivery_time: Option<u32>,
    /// Unit (`adet` or `kg`).
    #[serde(default)]
    pub unit: Option<ProductUnit>,
    /// Weight.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub weight: Option<Decimal>,
    /// Tax rate.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub tax_rate: Option<Decimal>,
    /// Whether the product can be returned.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub refundable: Option<bool>,
    /// Whether the product is published.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub published: Option<bool>,
    /// Whether this is a digital product.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub digital: Option<bool>,
    /// URL slug (name + timestamp).
    #[serde(default)]
    pub slug: Option<String>,
    /// Thumbnail image (URL or upload id).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub thumbnail_img: Option<String>,
    /// Gallery images (comma-separated upload ids, or URLs).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub photos: Option<String>,
    /// Meta title.
    #[serde(default)]
    pub meta_title: Option<String>,
    /// Meta description.
    #[serde(default)]
    pub meta_description: Option<String>,
    /// Created at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Updated at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Filters of `GET products`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductQuery {
    /// Search in product names (`search`).
    pub search: Option<String>,
    /// Publication filter (`status`).
    pub status: Option<ProductStatus>,
    /// Page size (`per_page`, [`PerPage::All`] for everything).
    pub per_page: PerPage,
    /// Page number, from 1 (`page`).
    pub page: Option<u32>,
}

impl ProductQuery {
    /// No filters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Search in product names.
    #[must_use]
    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.search = Some(text.into());
        self
    }

    /// Only products in this state.
    #[must_use]
    pub fn status(mut self, status: impl Into<ProductStatus>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// Page size.
    #[must_use]
    pub fn per_page(mut self, per_page: PerPage) -> Self {
        self.per_page = per_page;
        self
    }

    /// Page number, from 1.
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }
}

/// Body of `POST products` (and one item of `POST products/bulk`).
///
/// Required by the document: `name`, `description`, `category_id`, `unit_price`,
/// `current_stock`, `thumbnail_img_url` and at least two `gallery_images_urls`; they are
/// checked by [`NewProduct::validate`] before anything is sent. Optional fields left `None`
/// are not sent, so the server's documented defaults apply (`refundable` true, `unit`
/// "adet", `meta_title` = name, `meta_description` = first 140 characters of the
/// description, an automatic `sku`, the panel's default tax).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewProduct {
    /// Product name (required).
    pub name: String,
    /// Description (required).
    pub description: String,
    /// Main category id (required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_id: Option<u64>,
    /// Additional category ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_ids: Vec<u64>,
    /// Brand id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<u64>,
    /// Unit price (required, ≥ 0).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub unit_price: Option<Decimal>,
    /// Stock quantity (required, ≥ 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_stock: Option<i64>,
    /// SKU (generated by the server when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Barcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Delivery time in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_time: Option<u32>,
    /// Unit: `adet` (server default) or `kg`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<ProductUnit>,
    /// Weight.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub weight: Option<Decimal>,
    /// Decibel value, 0–200; makes the unit `kg`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub decibel: Option<Decimal>,
    /// Tax rate (the panel's default tax when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub tax_rate: Option<Decimal>,
    /// Whether the product can be returned (server default: true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refundable: Option<bool>,
    /// Thumbnail URL (required; the server downloads and compresses it).
    pub thumbnail_img_url: String,
    /// Gallery image URLs (required, at least 2).
    #[serde(default)]
    pub gallery_images_urls: Vec<String>,
    /// Meta title (server default: the name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_title: Option<String>,
    /// Meta description (server default: first 140 characters of the description).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_description: Option<String>,
}

/// Body of `PUT products/{id}`: only the fields that are set are sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductUpdate {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Main category id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_id: Option<u64>,
    /// Additional category ids (synced: replaces the current ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_ids: Option<Vec<u64>>,
    /// Brand id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<u64>,
    /// Unit price (≥ 0; also updates the stock price).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub unit_price: Option<Decimal>,
    /// Stock quantity (≥ 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_stock: Option<i64>,
    /// SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Barcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Delivery time in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_time: Option<u32>,
    /// Unit: `adet` or `kg`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<ProductUnit>,
    /// Weight.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub weight: Option<Decimal>,
    /// Decibel value, 0–200; makes the unit `kg`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub decibel: Option<Decimal>,
    /// Tax rate (replaces the current taxes; absent keeps them).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub tax_rate: Option<Decimal>,
    /// Whether the product can be returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refundable: Option<bool>,
    /// Publish or unpublish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
    /// New thumbnail URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail_img_url: Option<String>,
    /// New gallery image URLs (at least 2 when given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gallery_images_urls: Option<Vec<String>>,
    /// Meta title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_title: Option<String>,
    /// Meta description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta_description: Option<String>,
}

/// One item of `POST products/bulk-update`: `id` plus the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductBulkUpdateItem {
    /// Product id (required, must belong to the seller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// Unit price (≥ 0; also updates the stock price).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub unit_price: Option<Decimal>,
    /// Stock quantity (≥ 0; for variant products the first stock record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_stock: Option<i64>,
    /// Publish or unpublish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
}

/// `{"products": [...]}`, the body of the bulk endpoints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ProductsBody<'a, T> {
    pub(crate) products: &'a [T],
}

/// `data` of `POST products/bulk`: totals and the per-item outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkCreateResult {
    /// Items sent.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total: Option<u64>,
    /// Items created.
    #[serde(default, with = "marketplace_core::codec::lenient::int")]
    pub success_count: u64,
    /// Items that failed.
    #[serde(default, with = "marketplace_core::codec::lenient::int")]
    pub failed_count: u64,
    /// Server time spent.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub execution_time_seconds: Option<Decimal>,
    /// Throughput.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub products_per_second: Option<Decimal>,
    /// The items that were created.
    #[serde(default)]
    pub success: Vec<BulkItemOutcome>,
    /// The items that failed, with why.
    #[serde(default)]
    pub failed: Vec<BulkItemOutcome>,
}

/// One item's outcome in a bulk result. The document elides the item shape (`[...]`), so
/// the usual fields are optional and a bare string (an error message) is accepted too.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BulkItemOutcome {
    /// Position of the item in the request, when the server reports it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<u64>,
    /// The product id (created or updated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The product name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// What went wrong (`error` or `message`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Per-field messages, when the server sends a validation map.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub field_errors: Vec<ItemFieldError>,
}

impl<'de> Deserialize<'de> for BulkItemOutcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
            index: Option<u64>,
            #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
            id: Option<u64>,
            #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
            product_id: Option<u64>,
            #[serde(default)]
            name: Option<String>,
            #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
            sku: Option<String>,
            #[serde(default)]
            error: Option<String>,
            #[serde(default)]
            message: Option<String>,
            #[serde(default)]
            errors: Option<serde_json::Value>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Text(String),
            Item(Raw),
        }
        Ok(match Shape::deserialize(deserializer)? {
            Shape::Text(error) => BulkItemOutcome {
                error: Some(error),
                ..BulkItemOutcome::default()
            },
            Shape::Item(raw) => BulkItemOutcome {
                index: raw.index,
                id: raw.id.or(raw.product_id),
                name: raw.name,
                sku: raw.sku,
                error: raw.error.or(raw.message),
                field_errors: field_errors(raw.errors),
            },
        })
    }
}

/// One validation message for one field of one bulk item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemFieldError {
    /// The field (empty when the server gave only messages).
    pub field: String,
    /// The message.
    pub message: String,
}

/// `{"field": ["msg", ...]}` (or `["msg", ...]`) into field errors.
fn field_errors(value: Option<serde_json::Value>) -> Vec<ItemFieldError> {
    use ItemFieldError as FieldError;
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match value {
        Some(serde_json::Value::Object(map)) => map
            .iter()
            .flat_map(|(field, msgs)| {
                let msgs = match msgs {
                    serde_json::Value::Array(a) => a.iter().map(text).collect(),
                    other => vec![text(other)],
                };
                msgs.into_iter().map(move |message| FieldError {
                    field: field.clone(),
                    message,
                })
            })
            .collect(),
        Some(serde_json::Value::Array(list)) => list
            .iter()
            .map(|m| FieldError {
                field: String::new(),
                message: text(m),
            })
            .collect(),
        Some(serde_json::Value::String(message)) => vec![FieldError {
            field: String::new(),
            message,
        }],
        _ => Vec::new(),
    }
}

/// `data` of the bulk product update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkUpdateResult {
    /// Items updated.
    #[serde(default, with = "marketplace_core::codec::lenient::int")]
    pub updated_count: u64,
    /// Items that failed.
    #[serde(default, with = "marketplace_core::codec::lenient::int")]
    pub failed_count: u64,
    /// Why each failed item failed.
    #[serde(default)]
    pub errors: Vec<BulkItemOutcome>,
}

/// `data` of `GET products/export` (without `download=true`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportLink {
    /// Where to download the Excel file.
    pub download_url: String,
    /// File name.
    #[serde(default)]
    pub filename: Option<String>,
    /// Size in bytes.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub file_size: Option<u64>,
    /// The server's hint.
    #[serde(default)]
    pub note: Option<String>,
}

/// A downloaded file (`GET products/export?download=true`).
#[derive(Debug, Clone, PartialEq)]
pub struct DownloadedFile {
    /// File name from `Content-Disposition`, when present.
    pub file_name: Option<String>,
    /// `Content-Type`, when present.
    pub content_type: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// `data` of a product import. The document does not show it: counts and errors are
/// optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportResult {
    /// Rows read.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total: Option<u64>,
    /// Products created or updated.
    #[serde(
        default,
        alias = "imported_count",
        alias = "imported",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub success_count: Option<u64>,
    /// Rows that failed.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub failed_count: Option<u64>,
    /// Why rows failed.
    #[serde(default)]
    pub errors: Vec<BulkItemOutcome>,
}

fn check_price(field: &str, value: Option<&Decimal>) -> Result<()> {
    match value {
        Some(v) if *v < Decimal::ZERO => Err(Error::invalid_input(field, "must be 0 or more")),
        _ => Ok(()),
    }
}

fn check_stock(field: &str, value: Option<i64>) -> Result<()> {
    match value {
        Some(v) if v < 0 => Err(Error::invalid_input(field, "must be 0 or more")),
        _ => Ok(()),
    }
}

fn check_unit_and_decibel(
    prefix: &str,
    unit: Option<&ProductUnit>,
    decibel: Option<&Decimal>,
) -> Result<()> {
    if let Some(ProductUnit::Other(raw)) = unit {
        return Err(Error::invalid_input(
            format!("{prefix}unit"),
            format!("must be \"adet\" or \"kg\", not {raw:?}"),
        ));
    }
    if let Some(db) = decibel {
        if *db < Decimal::ZERO || *db > Decimal::from(200) {
            return Err(Error::invalid_input(
                format!("{prefix}decibel"),
                "must be between 0 and 200",
            ));
        }
        if unit == Some(&ProductUnit::Adet) {
            return Err(Error::invalid_input(
                format!("{prefix}unit"),
                "a decibel value makes the unit \"kg\"; \"adet\" contradicts it",
            ));
        }
    }
    Ok(())
}

fn check_gallery(prefix: &str, urls: &[String]) -> Result<()> {
    let field = format!("{prefix}gallery_images_urls");
    if urls.len() < 2 {
        return Err(Error::invalid_input(
            field,
            "at least 2 images are required",
        ));
    }
    if urls.iter().any(|u| u.trim().is_empty()) {
        return Err(Error::invalid_input(field, "contains an empty URL"));
    }
    Ok(())
}

fn required_text(field: String, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(field, "is required"));
    }
    Ok(())
}

impl NewProduct {
    /// Check the document's rules; the error names the offending field.
    pub fn validate(&self) -> Result<()> {
        self.validate_at("")
    }

    /// As [`NewProduct::validate`], field names prefixed (`products[3].`).
    pub(crate) fn validate_at(&self, prefix: &str) -> Result<()> {
        let f = |name: &str| format!("{prefix}{name}");
        required_text(f("name"), &self.name)?;
        required_text(f("description"), &self.description)?;
        if self.category_id.is_none() {
            return Err(Error::invalid_input(f("category_id"), "is required"));
        }
        let Some(price) = &self.unit_price else {
            return Err(Error::invalid_input(f("unit_price"), "is required"));
        };
        check_price(&f("unit_price"), Some(price))?;
        let Some(stock) = self.current_stock else {
            return Err(Error::invalid_input(f("current_stock"), "is required"));
        };
        check_stock(&f("current_stock"), Some(stock))?;
        required_text(f("thumbnail_img_url"), &self.thumbnail_img_url)?;
        check_gallery(prefix, &self.gallery_images_urls)?;
        check_unit_and_decibel(prefix, self.unit.as_ref(), self.decibel.as_ref())?;
        check_price(&f("tax_rate"), self.tax_rate.as_ref())?;
        check_price(&f("weight"), self.weight.as_ref())?;
        Ok(())
    }
}

impl ProductUpdate {
    /// Check the document's rules for the fields that are set.
    pub fn validate(&self) -> Result<()> {
        if let Some(name) = &self.name {
            required_text("name".into(), name)?;
        }
        check_price("unit_price", self.unit_price.as_ref())?;
        check_stock("current_stock", self.current_stock)?;
        if let Some(urls) = &self.gallery_images_urls {
            check_gallery("", urls)?;
        }
        if let Some(url) = &self.thumbnail_img_url {
            required_text("thumbnail_img_url".into(), url)?;
        }
        check_unit_and_decibel("", self.unit.as_ref(), self.decibel.as_ref())?;
        check_price("tax_rate", self.tax_rate.as_ref())?;
        check_price("weight", self.weight.as_ref())?;
        Ok(())
    }
}

impl ProductBulkUpdateItem {
    /// Check the item: `id` is required, price and stock are ≥ 0.
    pub(crate) fn validate_at(&self, prefix: &str) -> Result<()> {
        if self.id.is_none() {
            return Err(Error::invalid_input(format!("{prefix}id"), "is required"));
        }
        check_price(&format!("{prefix}unit_price"), self.unit_price.as_ref())?;
        check_stock(&format!("{prefix}current_stock"), self.current_stock)
    }
}
