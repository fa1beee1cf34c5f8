//! Products (reference §4): brands, categories, attributes, cargo providers, product
//! create / update bodies, product reads and the archive / delete / unlock / buybox calls.
//!
//! Field names are Trendyol's (camelCase on the wire). Request structs derive `Default`
//! so they can be built with `..Default::default()`.

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------
// §4.1 reference data
// ---------------------------------------------------------------------------------------

/// A brand (`getBrands`, `getBrandsByName`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    /// Brand id (goes into `brandId` of a product).
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: i64,
    /// Brand name.
    pub name: String,
    /// Whether this is a Luxe brand (added 31.07.2026; sent as `LUXE` or `luxe`).
    #[serde(
        default,
        rename = "luxe",
        alias = "LUXE",
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::bool::option"
    )]
    pub luxe: Option<bool>,
}

/// One page of `getBrands` (`{"brands":[...]}`, no paging metadata).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrandList {
    /// The brands on this page.
    #[serde(default)]
    pub brands: Vec<Brand>,
}

/// An image file for [`CreateBrand`].
#[derive(Clone, PartialEq, Eq, Default)]
pub struct UploadFile {
    /// File name sent in the multipart part (e.g. `logo.png`).
    pub file_name: String,
    /// MIME type (e.g. `image/png`, `application/pdf`).
    pub mime: String,
    /// The file's bytes.
    pub data: Vec<u8>,
}

impl UploadFile {
    /// A file part.
    pub fn new(
        file_name: impl Into<String>,
        mime: impl Into<String>,
        data: impl Into<Vec<u8>>,
    ) -> Self {
        UploadFile {
            file_name: file_name.into(),
            mime: mime.into(),
            data: data.into(),
        }
    }
}

impl std::fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadFile")
            .field("file_name", &self.file_name)
            .field("mime", &self.mime)
            .field("len", &self.data.len())
            .finish()
    }
}

/// `createBrand` input (multipart: text `name`, 1–3 files `images`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreateBrand {
    /// Brand name.
    pub name: String,
    /// 1 to 3 brand images.
    pub images: Vec<UploadFile>,
    /// The `storeFrontCode` header (required by Trendyol; `TR` when `None`).
    pub store_front_code: Option<String>,
}

/// `createBrand` answer (`201 {"brandId": ...}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedBrand {
    /// The new brand's id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub brand_id: i64,
}

/// A node of the category tree. Only leaf categories (no `sub_categories`) take products.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// Category id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: i64,
    /// Category name.
    pub name: String,
    /// Parent category id (`None` at the root).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub parent_id: Option<i64>,
    /// Children.
    #[serde(default)]
    pub sub_categories: Vec<Category>,
}

impl Category {
    /// Whether products can be created in this category.
    pub fn is_leaf(&self) -> bool {
        self.sub_categories.is_empty()
    }

    /// This category and all its descendants, depth first.
    pub fn walk(&self) -> Vec<&Category> {
        let mut out = vec![self];
        for child in &self.sub_categories {
            out.extend(child.walk());
        }
        out
    }
}

/// `getCategoryTree` answer: a bare array (current reference) or `{"categories":[...]}`
/// (historical); both decode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CategoryTreeWire")]
pub struct CategoryTree {
    /// Root categories.
    pub categories: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CategoryTreeWire {
    Bare(Vec<Category>),
    Wrapped {
        #[serde(default)]
        categories: Vec<Category>,
    },
}

impl From<CategoryTreeWire> for CategoryTree {
    fn from(wire: CategoryTreeWire) -> Self {
        match wire {
            CategoryTreeWire::Bare(categories) | CategoryTreeWire::Wrapped { categories } => {
                CategoryTree { categories }
            }
        }
    }
}

impl CategoryTree {
    /// Every leaf category, depth first.
    pub fn leaves(&self) -> Vec<&Category> {
        self.categories
            .iter()
            .flat_map(Category::walk)
            .filter(|c| c.is_leaf())
            .collect()
    }
}

/// `getCategoryAttributes` (V2) answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryAttributes {
    /// Category id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: i64,
    /// Category name.
    #[serde(default)]
    pub name: Option<String>,
    /// Display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// The category's attributes.
    #[serde(default)]
    pub category_attributes: Vec<CategoryAttribute>,
}

/// One attribute of a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryAttribute {
    /// Whether a free-text value (`customAttributeValue`) is allowed.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub allow_custom: Option<bool>,
    /// The attribute.
    pub attribute: AttributeRef,
    /// Category id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub category_id: Option<i64>,
    /// Mandatory for products of this category.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub required: Option<bool>,
    /// Varianter: variants within a content (e.g. size).
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub varianter: Option<bool>,
    /// Slicer: opens a separate content (e.g. colour).
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub slicer: Option<bool>,
    /// Several values may be given (`attributeValueIds`).
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub allow_multiple_attribute_values: Option<bool>,
}

/// An attribute's id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeRef {
    /// Attribute id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: i64,
    /// Attribute name.
    #[serde(default)]
    pub name: Option<String>,
}

/// One page of `getCategoryAttributeValues` (V2).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeValuePage {
    /// Total values.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_elements: Option<u64>,
    /// Total pages.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
    /// This page (0-based).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub size: Option<u32>,
    /// The values.
    #[serde(default)]
    pub content: Vec<AttributeValue>,
}

/// A permitted value of an attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeValue {
    /// Value id (goes into `attributeValueId`).
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub attribute_value_id: i64,
    /// Value text (`attributeValueName` in the reference, `attributeValue` in guide samples).
    #[serde(default, alias = "attributeValue")]
    pub attribute_value_name: Option<String>,
}

/// A cargo provider (`getCargoProviders`); `code` goes into a product's `cargoProviders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CargoProvider {
    /// Provider code, e.g. `YKMP`.
    pub code: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Numeric id, where sent (legacy `shipment-providers` had one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
}

// ---------------------------------------------------------------------------------------
// §4.2 create, §4.3 updates: shared parts
// ---------------------------------------------------------------------------------------

/// A product image (`https` URL with a valid certificate; at most 8 per barcode).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Image {
    /// Image URL.
    pub url: String,
}

impl Image {
    /// An image at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Image { url: url.into() }
    }
}

/// A product attribute, as sent in create/update bodies and as read back.
///
/// The documents disagree on the write names (§4.2): the guide sample and the batch echo use
/// `attributeValueId` + `customAttributeValue`, the reference schema `attributeValueIds`
/// (several values) + `attributeValue`. Every name is a field here; only the ones set are
/// sent. Use [`ProductAttribute::value`] / [`ProductAttribute::custom`] for the guide form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductAttribute {
    /// Attribute id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub attribute_id: i64,
    /// Attribute name (read side only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
    /// Chosen value id.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub attribute_value_id: Option<i64>,
    /// Several value ids (reference form, for `allowMultipleAttributeValues`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_value_ids: Option<Vec<i64>>,
    /// Free-text value, for attributes that allow custom values (guide form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_attribute_value: Option<String>,
    /// Value text: the free-text value in the reference form; the value's name on reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<String>,
}

impl ProductAttribute {
    /// `{"attributeId": id, "attributeValueId": value_id}`.
    pub fn value(attribute_id: i64, attribute_value_id: i64) -> Self {
        ProductAttribute {
            attribute_id,
            attribute_value_id: Some(attribute_value_id),
            ..Self::default()
        }
    }

    /// `{"attributeId": id, "customAttributeValue": text}`.
    pub fn custom(attribute_id: i64, text: impl Into<String>) -> Self {
        ProductAttribute {
            attribute_id,
            custom_attribute_value: Some(text.into()),
            ..Self::default()
        }
    }

    /// Whether some value (id, ids or text) is set.
    pub fn has_value(&self) -> bool {
        self.attribute_value_id.is_some()
            || self
                .attribute_value_ids
                .as_ref()
                .is_some_and(|v| !v.is_empty())
            || self
                .custom_attribute_value
                .as_ref()
                .is_some_and(|v| !v.trim().is_empty())
            || self
                .attribute_value
                .as_ref()
                .is_some_and(|v| !v.trim().is_empty())
    }
}

/// Delivery option of a product (`deliveryOption` on create, `deliveryOptions` on the
/// delivery-info bulk update).
///
/// From August 2026 `deliveryDuration` 0 = "ships today", 1 = "ships by tomorrow" and
/// `fastDeliveryType` is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryOption {
    /// Days until shipment.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub delivery_duration: Option<u32>,
    /// `SAME_DAY_SHIPPING` / `FAST_DELIVERY` (legacy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fast_delivery_type: Option<String>,
}

/// The VAT rates Trendyol accepts.
pub const VAT_RATES: [u8; 4] = [0, 1, 10, 20];

/// One product of `createProducts` V2 (§4.2). Required by Trendyol: `barcode`, `title`,
/// `product_main_id`, `brand_id`, `category_id`, `quantity`, `description`, `list_price`,
/// `sale_price`, `vat_rate`, `images`, `attributes` — checked before sending.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductCreateItem {
    /// Barcode: ≤ 40 characters, letters/digits and `.` `-` `_` only (inner spaces are
    /// removed by Trendyol — use the stored form afterwards).
    pub barcode: String,
    /// Title, ≤ 100 characters.
    pub title: String,
    /// Model code grouping the variants, ≤ 40 characters.
    pub product_main_id: String,
    /// Brand id (§4.1).
    pub brand_id: i64,
    /// Leaf category id (§4.1).
    pub category_id: i64,
    /// Stock quantity.
    pub quantity: u32,
    /// Seller's stock code, ≤ 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_code: Option<String>,
    /// Dimensional weight (desi).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub dimensional_weight: Option<Decimal>,
    /// HTML description, ≤ 30,000 characters.
    pub description: String,
    /// ISO-2 country of origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Currency (`TRY`), where needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_type: Option<String>,
    /// Strike-through price (PSF); must be ≥ `sale_price`.
    #[serde(with = "marketplace_core::codec::decimal")]
    pub list_price: Decimal,
    /// Selling price (TSF).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub sale_price: Decimal,
    /// VAT rate: 0, 1, 10 or 20.
    pub vat_rate: u8,
    /// Legacy flat delivery duration.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub delivery_duration: Option<u32>,
    /// Delivery option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_option: Option<DeliveryOption>,
    /// 1 to 8 images.
    #[serde(default)]
    pub images: Vec<Image>,
    /// Lot number, ≤ 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot_number: Option<String>,
    /// Cargo company id (as echoed by the batch result).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub cargo_company_id: Option<i64>,
    /// Cargo provider codes (§4.1 `getCargoProviders`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cargo_providers: Vec<String>,
    /// Shipment address id (§6.1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub shipment_address_id: Option<i64>,
    /// Returning address id (§6.1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub returning_address_id: Option<i64>,
    /// Category attributes (colour values ≤ 50 characters).
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
}

/// `{"items":[...]}` body of the bulk product calls.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Items<T> {
    /// The items.
    pub items: Vec<T>,
}

/// The answer of every asynchronous product / inventory write: read it back with
/// `getBatchRequestResult`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchRequestId {
    /// The batch id (`<uuid>-<epoch seconds>`, opaque).
    #[serde(deserialize_with = "marketplace_core::codec::lenient::string::deserialize")]
    pub batch_request_id: String,
}

/// Whether a variant is sold on the core storefront, Luxe, or both.
pub mod channel {
    /// The core Trendyol storefront.
    pub const CORE: &str = "CORE";
    /// Trendyol Luxe.
    pub const LUXE: &str = "LUXE";
}

/// One item of `unapproved-bulk-update` (key: `barcode`, which cannot change).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnapprovedUpdateItem {
    /// The product's barcode.
    pub barcode: String,
    /// Title, ≤ 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description, ≤ 30,000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Model code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_main_id: Option<String>,
    /// Brand id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<i64>,
    /// Leaf category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<i64>,
    /// Stock code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_code: Option<String>,
    /// Desi.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub dimensional_weight: Option<Decimal>,
    /// VAT rate (0, 1, 10, 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<u8>,
    /// Delivery option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_option: Option<DeliveryOption>,
    /// `ENABLED` / `DISABLED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_based_delivery: Option<String>,
    /// Lot number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot_number: Option<String>,
    /// Shipment address id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_address_id: Option<i64>,
    /// Returning address id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returning_address_id: Option<i64>,
    /// Images (≤ 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<Image>>,
    /// Attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<ProductAttribute>>,
}

/// One item of `content-bulk-update` (approved products, key: `contentId`). Partial
/// updates are fine, except that when any attribute changes **all** attributes must be sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentUpdateItem {
    /// The content id.
    pub content_id: i64,
    /// Title, ≤ 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description, ≤ 30,000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Images (≤ 8; replaces all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<Image>>,
    /// All attributes (when any changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<ProductAttribute>>,
}

/// One item of `variant-bulk-update` (approved products, key: `barcode`). The reference
/// asks for every updatable field (no partial update); the guide says partial works.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariantUpdateItem {
    /// The variant's barcode.
    pub barcode: String,
    /// Stock code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_code: Option<String>,
    /// VAT rate (0, 1, 10, 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<u8>,
    /// Shipment address id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_address_id: Option<i64>,
    /// Returning address id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returning_address_id: Option<i64>,
    /// Desi.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub dimensional_weight: Option<Decimal>,
    /// Lot number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot_number: Option<String>,
    /// `ENABLED` / `DISABLED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_based_delivery: Option<String>,
    /// ISO-2 origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Sales channels ([`channel::CORE`], [`channel::LUXE`]); `Some(vec![])` is an error,
    /// `None` leaves them as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<String>>,
    /// Cargo provider codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cargo_providers: Option<Vec<String>>,
}

/// One item of `delivery-info-bulk-update` (note the plural `deliveryOptions`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryInfoUpdateItem {
    /// The variant's barcode.
    pub barcode: String,
    /// The delivery options.
    pub delivery_options: DeliveryOption,
}

/// Query of `getUpdateAudits`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAuditQuery {
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// `SUCCESS`, `FAIL` or `RUNNING`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl UpdateAuditQuery {
    /// Set the page.
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }
    /// Set the page size.
    #[must_use]
    pub fn size(mut self, size: u32) -> Self {
        self.size = Some(size);
        self
    }
    /// Filter by status.
    #[must_use]
    pub fn status(mut self, status: impl Into<String>) -> Self {
        self.status = Some(status.into());
        self
    }
}

/// One page of `getUpdateAudits` (note `totalPage`, singular, and no `totalElements`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAuditPage {
    /// This page.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub size: Option<u32>,
    /// Total pages.
    #[serde(
        default,
        alias = "totalPages",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub total_page: Option<u32>,
    /// The audits.
    #[serde(default)]
    pub content: Vec<UpdateAudit>,
}

/// The per-field outcome of one content update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAudit {
    /// Barcode.
    #[serde(default)]
    pub barcode: Option<String>,
    /// Content id.
    #[serde(default)]
    pub content_id: Option<Id>,
    /// The batch that made the change.
    #[serde(default)]
    pub batch_request_id: Option<String>,
    /// When it was requested.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub request_date: Option<DateTime<Utc>>,
    /// Field outcomes.
    #[serde(default)]
    pub updates: Vec<FieldUpdate>,
}

/// The outcome of one field of a content update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldUpdate {
    /// `TITLE`, `DESCRIPTION`, `MEDIA`, `ATTRIBUTE`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// `SUCCESS`, `FAIL`, `RUNNING`.
    #[serde(default)]
    pub status: Option<String>,
    /// When it finished.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub completed_date: Option<DateTime<Utc>>,
    /// Why it was rejected.
    #[serde(default)]
    pub reject_reasons: Vec<RejectReason>,
    /// New title.
    #[serde(default)]
    pub changed_title: Option<String>,
    /// Previous title.
    #[serde(default)]
    pub existing_title: Option<String>,
}

/// A rejection reason of an audited update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectReason {
    /// Reason type.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Reason.
    #[serde(default)]
    pub reason: Option<String>,
    /// Detail.
    #[serde(default)]
    pub detail: Option<String>,
    /// Parameters (shape not documented).
    #[serde(default)]
    pub parameters: Option<serde_json::Value>,
}

// ---------------------------------------------------------------------------------------
// §4.4 reads
// ---------------------------------------------------------------------------------------

/// The most `page × size` Trendyol pages by number; past it, `nextPageToken` is needed.
pub const PAGE_NUMBER_CAP: u64 = 10_000;

/// Query of `filterApprovedProducts` (`size` ≤ 100).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovedProductQuery {
    /// One barcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Up to 50 barcodes (comma-joined on the wire).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcodes: Option<String>,
    /// Range start.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub start_date: Option<DateTime<Utc>>,
    /// Range end.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub end_date: Option<DateTime<Utc>>,
    /// `VARIANT_CREATED_DATE`, `VARIANT_MODIFIED_DATE`, `CONTENT_MODIFIED_DATE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_query_type: Option<String>,
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size (≤ 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// Stock code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stock_code: Option<String>,
    /// Origin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Model code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_main_id: Option<String>,
    /// Brand ids (repeated parameter).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub brand_ids: Vec<i64>,
    /// `archived`, `blacklisted`, `locked`, `onSale`, `notOnSale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Content id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_id: Option<i64>,
    /// `ASC` / `DESC` by seller created date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by_direction: Option<String>,
    /// Token for pages past `page × size` = 10,000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// Query of `filterApprovedProductsInventoryAndPrice` (`size` ≤ 100).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryAndPriceQuery {
    /// One barcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Up to 50 barcodes (comma-joined).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcodes: Option<String>,
    /// Content id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_id: Option<i64>,
    /// Stock code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stock_code: Option<String>,
    /// Model code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_main_id: Option<String>,
    /// `archived`, `blacklisted`, `locked`, `onSale`, `notOnSale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size (≤ 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// `asc` / `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by_direction: Option<String>,
    /// Token for pages past 10,000 records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// Query of `filterUnapprovedProducts` (`size` ≤ 1000).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnapprovedProductQuery {
    /// Barcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Range start.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub start_date: Option<DateTime<Utc>>,
    /// Range end.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub end_date: Option<DateTime<Utc>>,
    /// `CREATED_DATE` / `LAST_MODIFIED_DATE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_query_type: Option<String>,
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size (≤ 1000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// Stock code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stock_code: Option<String>,
    /// Model code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_main_id: Option<String>,
    /// Brand ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub brand_ids: Vec<i64>,
    /// `rejected` / `pendingApproval`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Token for pages past 10,000 records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

query_setters!(ApprovedProductQuery {
    /// Filter by barcode.
    barcode: string,
    /// Filter by up to 50 comma-separated barcodes.
    barcodes: string,
    /// Range start.
    start_date: date,
    /// Range end.
    end_date: date,
    /// Which date the range applies to.
    date_query_type: string,
    /// Page (0-based).
    page: u32,
    /// Page size (≤ 100).
    size: u32,
    /// Filter by stock code.
    stock_code: string,
    /// Filter by origin.
    origin: string,
    /// Filter by model code.
    product_main_id: string,
    /// Filter by status.
    status: string,
    /// Filter by content id.
    content_id: i64,
    /// Sort direction.
    order_by_direction: string,
    /// Continue after 10,000 records.
    next_page_token: string,
});

query_setters!(InventoryAndPriceQuery {
    /// Filter by barcode.
    barcode: string,
    /// Filter by up to 50 comma-separated barcodes.
    barcodes: string,
    /// Filter by content id.
    content_id: i64,
    /// Filter by stock code.
    stock_code: string,
    /// Filter by model code.
    product_main_id: string,
    /// Filter by status.
    status: string,
    /// Page (0-based).
    page: u32,
    /// Page size (≤ 100).
    size: u32,
    /// Sort direction.
    order_by_direction: string,
    /// Continue after 10,000 records.
    next_page_token: string,
});

query_setters!(UnapprovedProductQuery {
    /// Filter by barcode.
    barcode: string,
    /// Range start.
    start_date: date,
    /// Range end.
    end_date: date,
    /// Which date the range applies to.
    date_query_type: string,
    /// Page (0-based).
    page: u32,
    /// Page size (≤ 1000).
    size: u32,
    /// Filter by stock code.
    stock_code: string,
    /// Filter by model code.
    product_main_id: string,
    /// Filter by status.
    status: string,
    /// Continue after 10,000 records.
    next_page_token: string,
});

/// A page of a product filter: the usual envelope plus `nextPageToken`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductPage<T> {
    /// Total records.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_elements: Option<u64>,
    /// Total pages.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
    /// This page (0-based).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub size: Option<u32>,
    /// Token for the page after this one, past the 10,000-record cap.
    #[serde(default)]
    pub next_page_token: Option<String>,
    /// The records.
    #[serde(default = "Vec::new")]
    pub content: Vec<T>,
}

/// A `{id, name}` reference (brand, category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedRef {
    /// Id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<i64>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
}

/// An approved product content with its variants (`filterApprovedProducts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovedProduct {
    /// Content id.
    pub content_id: Id,
    /// Model code.
    #[serde(default)]
    pub product_main_id: Option<String>,
    /// Brand.
    #[serde(default)]
    pub brand: Option<NamedRef>,
    /// Category.
    #[serde(default)]
    pub category: Option<NamedRef>,
    /// Created.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
    /// Last modified.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_modified_date: Option<DateTime<Utc>>,
    /// Who modified it last.
    #[serde(default)]
    pub last_modified_by: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Images.
    #[serde(default)]
    pub images: Vec<Image>,
    /// Content attributes.
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
    /// Variants (one per barcode).
    #[serde(default)]
    pub variants: Vec<ApprovedVariant>,
}

/// A variant of an approved product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovedVariant {
    /// Variant id.
    #[serde(default)]
    pub variant_id: Option<Id>,
    /// Seller id.
    #[serde(default)]
    pub supplier_id: Option<Id>,
    /// Barcode.
    pub barcode: String,
    /// Commission rate (%).
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub commission: Option<Decimal>,
    /// Variant attributes.
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
    /// Product page.
    #[serde(default)]
    pub product_url: Option<String>,
    /// On sale.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub on_sale: Option<bool>,
    /// `CORE` / `LUXE`.
    #[serde(default)]
    pub channels: Vec<String>,
    /// Delivery option (`deliveryOption` in the guide, `deliveryOptions` in the reference).
    #[serde(default, alias = "deliveryOptions")]
    pub delivery_option: Option<DeliveryOption>,
    /// Stock.
    #[serde(default)]
    pub stock: Option<VariantStock>,
    /// Prices.
    #[serde(default)]
    pub price: Option<VariantPrice>,
    /// Stock code.
    #[serde(default)]
    pub stock_code: Option<String>,
    /// Origin.
    #[serde(default)]
    pub origin: Option<String>,
    /// VAT rate.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub vat_rate: Option<Decimal>,
    /// Created by the seller.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub seller_created_date: Option<DateTime<Utc>>,
    /// Modified by the seller.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub seller_modified_date: Option<DateTime<Utc>>,
    /// Locked by Trendyol.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub locked: Option<bool>,
    /// Why it is locked.
    #[serde(default)]
    pub lock_reason: Option<String>,
    /// When it was locked.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub lock_date: Option<DateTime<Utc>>,
    /// Archived.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub archived: Option<bool>,
    /// When it was archived.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub archived_date: Option<DateTime<Utc>>,
    /// A document is needed.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub doc_needed: Option<bool>,
    /// Has a violation.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub has_violation: Option<bool>,
    /// Blacklisted.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub blacklisted: Option<bool>,
}

/// A variant's stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariantStock {
    /// Quantity.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub quantity: Option<i64>,
    /// Last stock change.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_modified_date: Option<DateTime<Utc>>,
}

/// A variant's prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariantPrice {
    /// Selling price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// What the customer sees after discounts.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub price_seen_by_customer: Option<Decimal>,
}

/// A content of `filterApprovedProductsInventoryAndPrice`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryAndPrice {
    /// Content id.
    #[serde(default)]
    pub content_id: Option<Id>,
    /// Model code.
    #[serde(default)]
    pub product_main_id: Option<String>,
    /// Variants.
    #[serde(default)]
    pub variants: Vec<InventoryAndPriceVariant>,
}

/// A variant's stock and prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryAndPriceVariant {
    /// Variant id.
    #[serde(default)]
    pub variant_id: Option<Id>,
    /// Barcode.
    pub barcode: String,
    /// Selling price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// Quantity.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub quantity: Option<i64>,
    /// Stock code.
    #[serde(default)]
    pub stock_code: Option<String>,
    /// Last stock update (`None` if never updated).
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub stock_last_modified_date: Option<DateTime<Utc>>,
}

/// An unapproved product (`filterUnapprovedProducts`; one per barcode, images as `media`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnapprovedProduct {
    /// Seller id.
    #[serde(default)]
    pub supplier_id: Option<Id>,
    /// Model code.
    #[serde(default)]
    pub product_main_id: Option<String>,
    /// Created.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub create_date_time: Option<DateTime<Utc>>,
    /// Last update.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_update_date: Option<DateTime<Utc>>,
    /// Last price change.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_price_change_date: Option<DateTime<Utc>>,
    /// Last stock change.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_stock_change_date: Option<DateTime<Utc>>,
    /// Brand (object or plain name, kept as sent).
    #[serde(default)]
    pub brand: Option<serde_json::Value>,
    /// Category (object or plain name, kept as sent).
    #[serde(default)]
    pub category: Option<serde_json::Value>,
    /// Barcode.
    pub barcode: String,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Quantity.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub quantity: Option<i64>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// Selling price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// VAT rate.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub vat_rate: Option<Decimal>,
    /// Desi.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub dimensional_weight: Option<Decimal>,
    /// Stock code.
    #[serde(default)]
    pub stock_code: Option<String>,
    /// Images.
    #[serde(default)]
    pub media: Vec<Image>,
    /// Attributes.
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
    /// Why it was rejected.
    #[serde(default)]
    pub reject_reason_details: Vec<RejectReasonDetail>,
    /// `ENABLED` / `DISABLED`.
    #[serde(default)]
    pub location_based_delivery: Option<String>,
    /// Lot number.
    #[serde(default)]
    pub lot_number: Option<String>,
}

/// A rejection of an unapproved product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectReasonDetail {
    /// Reason.
    #[serde(default)]
    pub reject_reason: Option<String>,
    /// Detail.
    #[serde(default)]
    pub reject_reason_detail: Option<String>,
}

/// `getProductBase` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductBase {
    /// Barcode.
    pub barcode: String,
    /// Approved.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub approved: Option<bool>,
    /// When it was approved.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub approved_date: Option<DateTime<Utc>>,
    /// Archived.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub archived: Option<bool>,
    /// Listing id.
    #[serde(default)]
    pub listing_id: Option<String>,
    /// Content id.
    #[serde(default)]
    pub content_id: Option<Id>,
}

// ---------------------------------------------------------------------------------------
// §4.6 archive, delete, unlock, buybox
// ---------------------------------------------------------------------------------------

/// One item of `archive-state`: `archived: false` un-archives.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveItem {
    /// Barcode (≤ 40 characters).
    pub barcode: String,
    /// Target state.
    pub archived: bool,
}

impl ArchiveItem {
    /// Archive `barcode`.
    pub fn archive(barcode: impl Into<String>) -> Self {
        ArchiveItem {
            barcode: barcode.into(),
            archived: true,
        }
    }

    /// Un-archive `barcode`.
    pub fn unarchive(barcode: impl Into<String>) -> Self {
        ArchiveItem {
            barcode: barcode.into(),
            archived: false,
        }
    }
}

/// `{"barcode": ...}` item of delete and unlock.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BarcodeItem {
    /// Barcode.
    pub barcode: String,
}

impl<S: Into<String>> From<S> for BarcodeItem {
    fn from(barcode: S) -> Self {
        BarcodeItem {
            barcode: barcode.into(),
        }
    }
}

/// `getBuyboxInformation` body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BuyboxRequest {
    /// Up to 10 barcodes.
    pub barcodes: Vec<String>,
}

/// `getBuyboxInformation` answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyboxResponse {
    /// One entry per barcode.
    #[serde(default)]
    pub buybox_info: Vec<BuyboxInfo>,
}

/// Buybox standing of one barcode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyboxInfo {
    /// Barcode.
    pub barcode: String,
    /// Position in the buybox (1 = winning).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub buybox_order: Option<u32>,
    /// The buybox price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub buybox_price: Option<Decimal>,
    /// Whether other sellers offer it.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub has_multiple_seller: Option<bool>,
}
