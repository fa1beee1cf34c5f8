//! Products as listed on a marketplace, and drafts a seller pushes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{MarketplaceId, Money};

/// A product (variant) as it is listed on a marketplace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// The marketplace this listing is on.
    pub marketplace: MarketplaceId,
    /// The seller's stock code / SKU.
    pub sku: String,
    /// The barcode (GTIN or the seller's own).
    pub barcode: Option<String>,
    /// The marketplace's id for the product.
    pub product_id: Option<String>,
    /// The seller's grouping code for variants of one model (Trendyol `productMainId`,
    /// Pazarama `groupCode`).
    pub group_code: Option<String>,
    /// Title.
    pub title: String,
    /// Description (may be HTML).
    pub description: Option<String>,
    /// Brand name.
    pub brand: Option<String>,
    /// Category name or id, as the marketplace sends it.
    pub category: Option<String>,
    /// Units available for sale.
    pub stock: Option<u32>,
    /// The price the buyer pays.
    pub sale_price: Option<Money>,
    /// The list ("strike-through") price.
    pub list_price: Option<Money>,
    /// VAT rate in percent.
    pub vat_rate: Option<Decimal>,
    /// Whether the marketplace has approved the listing (`None` if it does not say).
    pub approved: Option<bool>,
    /// Whether it is currently on sale (listed, not locked, not archived).
    pub on_sale: Option<bool>,
    /// Whether it is archived.
    pub archived: Option<bool>,
    /// Image URLs, main image first.
    pub images: Vec<String>,
    /// Link to the product page.
    pub url: Option<String>,
    /// The marketplace's own record, as it sent it (its typed model serialized), for
    /// fields the unified model has no place for. Filled by the marketplace crates'
    /// adapters, which also offer a typed accessor that turns it back into their model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Value>,
}

impl Product {
    /// A product with this SKU and title and nothing else filled in.
    pub fn new(
        marketplace: MarketplaceId,
        sku: impl Into<String>,
        title: impl Into<String>,
    ) -> Self {
        Product {
            marketplace,
            sku: sku.into(),
            barcode: None,
            product_id: None,
            group_code: None,
            title: title.into(),
            description: None,
            brand: None,
            category: None,
            stock: None,
            sale_price: None,
            list_price: None,
            vat_rate: None,
            approved: None,
            on_sale: None,
            archived: None,
            images: Vec::new(),
            url: None,
            raw: None,
        }
    }
}

/// A category attribute value of a draft (colour, size, material, …).
///
/// Marketplaces identify attributes by id (Trendyol, Pazarama) or by name; values are
/// either one of the marketplace's predefined values (`value_id`) or free text (`value`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProductAttribute {
    /// The marketplace's attribute id.
    pub id: Option<String>,
    /// The attribute's name.
    pub name: Option<String>,
    /// The marketplace's predefined value id.
    pub value_id: Option<String>,
    /// The value as text (a custom value, or the label of `value_id`).
    pub value: Option<String>,
}

impl ProductAttribute {
    /// Attribute `id` with predefined value `value_id`.
    pub fn predefined(id: impl Into<String>, value_id: impl Into<String>) -> Self {
        ProductAttribute {
            id: Some(id.into()),
            value_id: Some(value_id.into()),
            ..ProductAttribute::default()
        }
    }

    /// Attribute `id` with a free-text value.
    pub fn custom(id: impl Into<String>, value: impl Into<String>) -> Self {
        ProductAttribute {
            id: Some(id.into()),
            value: Some(value.into()),
            ..ProductAttribute::default()
        }
    }

    /// Attribute identified by name, with a free-text value.
    pub fn named(name: impl Into<String>, value: impl Into<String>) -> Self {
        ProductAttribute {
            name: Some(name.into()),
            value: Some(value.into()),
            ..ProductAttribute::default()
        }
    }
}

/// A product a seller pushes to a marketplace (create or full update).
///
/// Brand and category ids are the marketplace's own (look them up with the marketplace
/// crate's reference-data endpoints); a marketplace crate refuses a draft missing
/// something it requires with [`crate::Error::InvalidInput`] before sending it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDraft {
    /// The seller's stock code / SKU.
    pub sku: String,
    /// Barcode.
    pub barcode: Option<String>,
    /// Grouping code for variants of one model.
    pub group_code: Option<String>,
    /// Title.
    pub title: String,
    /// Description (HTML allowed on most marketplaces).
    pub description: String,
    /// The marketplace's brand id.
    pub brand_id: Option<String>,
    /// Brand name, for marketplaces that take a name.
    pub brand_name: Option<String>,
    /// The marketplace's category id.
    pub category_id: Option<String>,
    /// Sale price.
    pub price: Money,
    /// List price, if different from the sale price.
    pub list_price: Option<Money>,
    /// VAT rate in percent.
    pub vat_rate: Option<Decimal>,
    /// Initial stock.
    pub stock: u32,
    /// Image URLs, main image first.
    pub images: Vec<String>,
    /// Category attributes.
    pub attributes: Vec<ProductAttribute>,
    /// Dimensional weight (desi), where required.
    pub dimensional_weight: Option<Decimal>,
    /// Days from order to shipment, where the marketplace takes it.
    pub delivery_days: Option<u32>,
}

impl ProductDraft {
    /// A draft with the essentials; fill in the rest through the public fields.
    pub fn new(sku: impl Into<String>, title: impl Into<String>, price: Money) -> Self {
        ProductDraft {
            sku: sku.into(),
            barcode: None,
            group_code: None,
            title: title.into(),
            description: String::new(),
            brand_id: None,
            brand_name: None,
            category_id: None,
            price,
            list_price: None,
            vat_rate: None,
            stock: 0,
            images: Vec::new(),
            attributes: Vec::new(),
            dimensional_weight: None,
            delivery_days: None,
        }
    }
}

/// Which products to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProductQuery {
    /// Only these SKUs / barcodes; empty means all.
    pub skus: Vec<String>,
    /// Free-text search (title), where supported.
    pub search: Option<String>,
    /// Only approved (`true`) or unapproved (`false`) products.
    pub approved: Option<bool>,
    /// Only products on sale (`true`) or not (`false`).
    pub on_sale: Option<bool>,
    /// Only archived (`true`) or not archived (`false`) products.
    pub archived: Option<bool>,
    /// Page size to request, if the caller wants to override the crate's default.
    pub page_size: Option<u32>,
}

impl ProductQuery {
    /// Add a SKU / barcode filter.
    #[must_use]
    pub fn sku(mut self, sku: impl Into<String>) -> Self {
        self.skus.push(sku.into());
        self
    }

    /// Filter by approval.
    #[must_use]
    pub fn approved(mut self, approved: bool) -> Self {
        self.approved = Some(approved);
        self
    }

    /// Filter by on-sale state.
    #[must_use]
    pub fn on_sale(mut self, on_sale: bool) -> Self {
        self.on_sale = Some(on_sale);
        self
    }

    /// Set the page size.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }
}
