//! Products: create, batch results, and the product models shared by the product calls.

use chrono::{DateTime, Utc};
use marketplace_core::batch::BatchProgress;
use marketplace_core::model::{
    BatchHandle, BatchKind, BatchOutcome, BatchState, ItemOutcome, MarketplaceId,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::category::null_as_empty;
use super::guid::check_set;
use crate::{Error, Result};

/// Body of `product/create`: one or more products.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateProductsRequest {
    /// The products to create (at least one).
    pub products: Vec<NewProduct>,
}

/// A product to create. Field limits from the document's table are checked before sending
/// (see [`NewProduct::validate`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewProduct {
    /// Product name (required, at most 100 characters).
    pub name: String,
    /// Name shown on the storefront (required, at most 250 characters).
    pub display_name: String,
    /// Description, HTML allowed (required).
    pub description: String,
    /// Brand id (a GUID from `brand/getBrands`, required).
    #[serde(with = "super::guid")]
    pub brand_id: Uuid,
    /// Cargo size in desi (required).
    pub desi: u32,
    /// Barcode (required, at most 500 characters).
    pub code: String,
    /// Group code tying variants together.
    pub group_code: String,
    /// Stock code (required, at most 100 characters).
    pub stock_code: String,
    /// Stock count.
    pub stock_count: u32,
    /// List price (decimal(18,2), not negative).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub list_price: Decimal,
    /// Sale price (decimal(18,2), not negative).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub sale_price: Decimal,
    /// Most units of this product one order may contain (`None` or `0`: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_sale_limit_quantity: Option<u32>,
    /// Currency (`"TRY"` in the document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_type: Option<String>,
    /// VAT rate in percent (required).
    pub vat_rate: u32,
    /// Image URLs (at least one, each at most 500 characters).
    #[serde(default)]
    pub images: Vec<ProductImage>,
    /// Category id (a GUID of a `leaf` category, required).
    #[serde(with = "super::guid")]
    pub category_id: Uuid,
    /// Attribute values (ids from `category/getCategoryWithAttributes`).
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
    /// Delivery types (ids from `sellerRegister/getSellerDelivery`); omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivery_types: Vec<ProductDeliveryType>,
    /// Extra supply ("temin") information (§3.30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_commercial_additional_info: Option<ProductCommercialAdditionalInfo>,
    /// Commercial templates to attach (§3.30, ids from `product-commercials`); omitted
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub product_commercials: Vec<ProductCommercialRef>,
}

/// A product image. Pazarama's create sample spells the key `imageurl`; responses use
/// `imageUrl` (both are accepted).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProductImage {
    /// Image URL.
    #[serde(rename = "imageurl", alias = "imageUrl", alias = "ImageUrl")]
    pub image_url: String,
}

impl ProductImage {
    /// An image at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        ProductImage {
            image_url: url.into(),
        }
    }
}

/// An attribute value of a product (ids from `category/getCategoryWithAttributes`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductAttribute {
    /// Attribute id (a GUID).
    #[serde(with = "super::guid")]
    pub attribute_id: Uuid,
    /// Attribute value id (a GUID).
    #[serde(with = "super::guid")]
    pub attribute_value_id: Uuid,
}

impl ProductAttribute {
    /// The value `attribute_value_id` of attribute `attribute_id`.
    pub fn new(attribute_id: Uuid, attribute_value_id: Uuid) -> Self {
        ProductAttribute {
            attribute_id,
            attribute_value_id,
        }
    }
}

/// A delivery type of a product.
///
/// The document says only that every delivery type of the seller may be given, by the
/// `deliveryId` of `sellerRegister/getSellerDelivery`, optionally limited to cities (ids
/// from `parameter/cities`); the exact shape is not shown. `cityList` is this crate's
/// reading; anything else can be sent through `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductDeliveryType {
    /// Delivery type id (a GUID).
    #[serde(with = "super::guid")]
    pub delivery_id: Uuid,
    /// City ids (GUIDs) the delivery type is limited to (empty: every city; omitted when
    /// empty).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "super::guid::vec"
    )]
    pub city_list: Vec<Uuid>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// `productCommercialAdditionalInfo` of a product (§3.30).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductCommercialAdditionalInfo {
    /// Safety information text.
    #[serde(default)]
    pub security_description: Option<String>,
}

/// A commercial template attached to a product (§3.30).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductCommercialRef {
    /// Template id (a GUID: `commercialId` of `product-commercials`).
    #[serde(with = "super::guid")]
    pub product_commercial_id: Uuid,
}

/// Check that `value` is set (not blank) and at most `max` characters.
pub(crate) fn check_text(field: &str, value: &str, max: Option<usize>) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(field, "is required"));
    }
    check_len(field, value, max)
}

/// Check that `value` has at most `max` characters.
pub(crate) fn check_len(field: &str, value: &str, max: Option<usize>) -> Result<()> {
    if let Some(max) = max {
        let len = value.chars().count();
        if len > max {
            return Err(Error::invalid_input(
                field,
                format!("is {len} characters long; at most {max} allowed"),
            ));
        }
    }
    Ok(())
}

/// Check a decimal(18,2) price: not negative, at most two decimals, at most 16 integer
/// digits.
pub(crate) fn check_price(field: &str, value: Decimal) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Error::invalid_input(field, "must not be negative"));
    }
    if value.normalize().scale() > 2 {
        return Err(Error::invalid_input(
            field,
            format!("{value} has more than two decimals (decimal(18,2))"),
        ));
    }
    if value.trunc().abs() >= Decimal::from(10_i64.pow(16)) {
        return Err(Error::invalid_input(field, "too large for decimal(18,2)"));
    }
    Ok(())
}

impl CreateProductsRequest {
    /// A request for these products.
    pub fn new(products: impl IntoIterator<Item = NewProduct>) -> Self {
        CreateProductsRequest {
            products: products.into_iter().collect(),
        }
    }

    /// Check the document's rules (at least one product, then every product's fields).
    pub fn validate(&self) -> Result<()> {
        if self.products.is_empty() {
            return Err(Error::invalid_input("products", "at least one product"));
        }
        for (i, product) in self.products.iter().enumerate() {
            product.validate(&format!("products[{i}]"))?;
        }
        Ok(())
    }
}

impl NewProduct {
    /// Check the required fields and lengths of the document's table; `prefix` is put in
    /// front of the field names of the error (e.g. `products[0]`).
    pub fn validate(&self, prefix: &str) -> Result<()> {
        let f = |name: &str| format!("{prefix}.{name}");
        check_text(&f("name"), &self.name, Some(100))?;
        check_text(&f("displayName"), &self.display_name, Some(250))?;
        check_text(&f("description"), &self.description, None)?;
        check_set(&f("brandId"), &self.brand_id)?;
        check_text(&f("code"), &self.code, Some(500))?;
        check_text(&f("stockCode"), &self.stock_code, Some(100))?;
        check_set(&f("categoryId"), &self.category_id)?;
        check_price(&f("listPrice"), self.list_price)?;
        check_price(&f("salePrice"), self.sale_price)?;
        if self.images.is_empty() {
            return Err(Error::invalid_input(f("images"), "at least one image"));
        }
        for (i, image) in self.images.iter().enumerate() {
            check_text(
                &f(&format!("images[{i}].imageurl")),
                &image.image_url,
                Some(500),
            )?;
        }
        for (i, attribute) in self.attributes.iter().enumerate() {
            check_set(
                &f(&format!("attributes[{i}].attributeId")),
                &attribute.attribute_id,
            )?;
            check_set(
                &f(&format!("attributes[{i}].attributeValueId")),
                &attribute.attribute_value_id,
            )?;
        }
        for (i, delivery) in self.delivery_types.iter().enumerate() {
            check_set(
                &f(&format!("deliveryTypes[{i}].deliveryId")),
                &delivery.delivery_id,
            )?;
        }
        for (i, commercial) in self.product_commercials.iter().enumerate() {
            check_set(
                &f(&format!("productCommercials[{i}].productCommercialId")),
                &commercial.product_commercial_id,
            )?;
        }
        Ok(())
    }
}

/// Answer of `product/create`: the batch to poll with `getProductBatchResult`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateProductsResult {
    /// The batch request id (a GUID), kept by Pazarama for 4 hours.
    #[serde(with = "super::guid")]
    pub batch_request_id: Uuid,
    /// When the batch was created.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
    /// Validation errors Pazarama found at once.
    #[serde(default)]
    pub error: Option<BatchErrors>,
}

/// `error` of a create answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchErrors {
    /// The error texts.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub errors: Vec<String>,
    /// A summary message.
    #[serde(default)]
    pub message: Option<String>,
}

marketplace_core::code_enum! {
    /// Status of a product batch (`getProductBatchResult`).
    pub enum ProductBatchStatus {
        /// Still being processed.
        InProgress = 1,
        /// Finished; see `failedCount` and the items.
        Done = 2,
        /// Failed.
        Error = 3,
    }
    /// A status code this version does not know (not terminal).
    Unknown(i64)
}

/// Answer of `product/getProductBatchResult`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductBatchResult {
    /// Where the batch is.
    pub status: ProductBatchStatus,
    /// The batch request id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub batch_request_id: Option<Uuid>,
    /// Per-product results (shape not shown in the document, see [`ProductBatchItem`]).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub batch_result: Vec<ProductBatchItem>,
    /// Failed products, as some Pazarama versions report them separately (undocumented).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub failed_products: Vec<ProductBatchItem>,
    /// Number of products in the batch.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_count: Option<u32>,
    /// Number of products that failed.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub failed_count: Option<u32>,
    /// When the batch was created.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
}

/// One product of a batch result. The document's sample has an empty list; the field names
/// are those Pazarama is seen to send (`code` or `productCode`, `reason` or
/// `errorReason`, or a list of `errors`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductBatchItem {
    /// Barcode of the product.
    #[serde(default, alias = "productCode")]
    pub code: Option<String>,
    /// Failure reason, if it failed.
    #[serde(default, alias = "errorReason")]
    pub reason: Option<String>,
    /// Failure reasons as a list.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub errors: Vec<String>,
}

impl ProductBatchItem {
    /// Every message of this item (`reason` first, then `errors`), blanks left out.
    pub fn messages(&self) -> Vec<String> {
        self.reason
            .iter()
            .chain(self.errors.iter())
            .filter(|m| !m.trim().is_empty())
            .cloned()
            .collect()
    }
}

impl BatchProgress for ProductBatchResult {
    fn is_terminal(&self) -> bool {
        matches!(
            self.status,
            ProductBatchStatus::Done | ProductBatchStatus::Error
        )
    }
}

impl ProductBatchResult {
    /// Whether the batch finished with status Done and no failed product.
    pub fn all_succeeded(&self) -> bool {
        self.status == ProductBatchStatus::Done
            && self.failed_count.unwrap_or(0) == 0
            && self.failed_products.is_empty()
            && self.batch_result.iter().all(|i| i.messages().is_empty())
    }

    /// The unified outcome: a `batchResult` item with messages and every
    /// `failedProducts` item are failures, the other items successes. `id` is used when the
    /// answer carries no batch id.
    pub fn to_outcome(&self, id: &str) -> BatchOutcome {
        let state = match self.status {
            ProductBatchStatus::InProgress => BatchState::InProgress,
            ProductBatchStatus::Done => BatchState::Completed,
            ProductBatchStatus::Error => BatchState::Failed,
            ProductBatchStatus::Unknown(code) => BatchState::Unknown(code.to_string()),
        };
        let item = |item: &ProductBatchItem, failed: bool| {
            let key = item.code.clone().unwrap_or_default();
            let messages = item.messages();
            if failed || !messages.is_empty() {
                ItemOutcome::failure(key, messages)
            } else {
                ItemOutcome::success(key)
            }
        };
        let items = self
            .batch_result
            .iter()
            .map(|i| item(i, false))
            .chain(self.failed_products.iter().map(|i| item(i, true)))
            .collect();
        BatchOutcome {
            handle: BatchHandle::new(
                MarketplaceId::Pazarama,
                self.batch_request_id
                    .map_or_else(|| id.to_owned(), |b| b.to_string()),
                BatchKind::ProductCreate,
            ),
            state,
            items,
        }
    }
}

marketplace_core::code_enum! {
    /// Approval state of a product (`state` of `product/products` and `getProductDetail`).
    pub enum ProductState {
        /// Waiting for the first approval ("Onay Bekliyor-İlk Onay").
        AwaitingFirstApproval = 1,
        /// Waiting for approval of an update ("Onay Bekliyor Güncelleme").
        AwaitingUpdateApproval = 2,
        /// Approved ("Onaylandı").
        Approved = 3,
        /// Rejected, waiting for changes ("Reddedildi Değişiklik Bekleyen").
        RejectedAwaitingChanges = 6,
        /// Updated after a rejection ("Redden Dönüp Güncellenenler").
        UpdatedAfterRejection = 7,
    }
    /// A state this version does not know (the document's sample also shows `0`).
    Unknown(i64)
}

/// Query of `product/products`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductQuery {
    /// `true`: approved products, `false`: products not (yet) approved.
    pub approved: Option<bool>,
    /// One product by barcode (all products when absent).
    pub code: Option<String>,
    /// Page number, from 1 (default 1).
    pub page: Option<u32>,
    /// Page size (default 250 in this SDK, as in the document's examples).
    pub size: Option<u32>,
}

impl ProductQuery {
    /// Approved (`true`) or not approved (`false`) products.
    pub fn approved(approved: bool) -> Self {
        ProductQuery {
            approved: Some(approved),
            ..Self::default()
        }
    }

    /// Only the product with barcode `code`.
    #[must_use]
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Set the page number (from 1).
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
}

/// An attribute as `product/products` reports it (by name).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedAttribute {
    /// Attribute name.
    #[serde(default)]
    pub attribute_name: Option<String>,
    /// Attribute value.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub attribute_value: Option<String>,
}

/// A product of the seller as `product/products` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductSummary {
    /// Product name.
    #[serde(default)]
    pub name: Option<String>,
    /// Name shown on the storefront.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Description (HTML).
    #[serde(default)]
    pub description: Option<String>,
    /// Brand name.
    #[serde(default)]
    pub brand_name: Option<String>,
    /// Barcode.
    #[serde(with = "marketplace_core::codec::lenient::string")]
    pub code: String,
    /// Group code.
    #[serde(default)]
    pub group_code: Option<String>,
    /// Stock count.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub stock_count: Option<i64>,
    /// Stock code.
    #[serde(default)]
    pub stock_code: Option<String>,
    /// Priority rank.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub priority_rank: Option<i64>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// Sale price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// VAT rate in percent.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub vat_rate: Option<u32>,
    /// Category name.
    #[serde(default)]
    pub category_name: Option<String>,
    /// Approval state.
    #[serde(default)]
    pub state: Option<ProductState>,
    /// Approval state as text ("Onay Bekliyor-İlk Onay").
    #[serde(default)]
    pub status: Option<String>,
    /// Why approval is pending.
    #[serde(default)]
    pub waiting_approve_exp: Option<String>,
    /// Attributes by name.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attributes: Vec<NamedAttribute>,
    /// Images.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub images: Vec<ProductImage>,
    /// Delivery types (shape undocumented; kept as sent).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub delivery_types: Vec<serde_json::Value>,
}

/// Everything about one product (`product/getProductDetail`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductDetail {
    /// Product name.
    #[serde(default)]
    pub name: Option<String>,
    /// Name shown on the storefront.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Description (HTML).
    #[serde(default)]
    pub description: Option<String>,
    /// Brand id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub brand_id: Option<Uuid>,
    /// Brand name.
    #[serde(default)]
    pub brand_name: Option<String>,
    /// Barcode.
    #[serde(with = "marketplace_core::codec::lenient::string")]
    pub code: String,
    /// Stock count.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub stock_count: Option<i64>,
    /// Stock code.
    #[serde(default)]
    pub stock_code: Option<String>,
    /// Priority rank.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub priority_rank: Option<i64>,
    /// VAT rate in percent.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub vat_rate: Option<u32>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// Sale price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// Installment count.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub installment_count: Option<i64>,
    /// Category id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub category_id: Option<Uuid>,
    /// Approval state.
    #[serde(default)]
    pub state: Option<ProductState>,
    /// Approval state as text ("Onaylandı").
    #[serde(default)]
    pub state_description: Option<String>,
    /// Attribute values by id.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attributes: Vec<ProductAttribute>,
    /// Images.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub images: Vec<ProductImage>,
    /// Group code.
    #[serde(default)]
    pub group_code: Option<String>,
    /// Badges (shape undocumented; kept as sent).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub badges: Vec<serde_json::Value>,
    /// Whether the product comes from Pazarama's catalog.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub is_catalog_product: Option<bool>,
}

/// Body of `product/getProductDetail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ProductDetailRequest<'a> {
    #[serde(rename = "Code")]
    pub(crate) code: &'a str,
}
