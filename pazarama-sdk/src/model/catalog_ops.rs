//! Catalog search and quick add (§3.21), sale limits (§3.24), VAT (§3.27) and opening /
//! closing catalog products for sale (§3.32).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::category::null_as_empty;
use super::guid::check_set;
use super::product::{check_price, check_text};
use crate::{Error, Result};

/// Body of `product/getProductTitleCodeSearch`: search Pazarama's catalog by barcode or
/// name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogSearchRequest {
    /// Barcode (empty: search by name).
    #[serde(default)]
    pub code: String,
    /// Name (empty: search by barcode).
    #[serde(default)]
    pub name: String,
    /// Page size.
    pub size: u32,
    /// Page number, from 1.
    pub page: u32,
    /// Seller id (sent when set).
    ///
    /// Kept as a `String`, not a GUID: the document's only sample of this field (§3.21)
    /// is the placeholder `"xy9bf337-83yx-4617-xy46-08d97204yx6d"`, which is not a GUID,
    /// and the seller is known from the token anyway, so whatever text is given is sent
    /// as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_id: Option<String>,
}

impl Default for CatalogSearchRequest {
    fn default() -> Self {
        CatalogSearchRequest {
            code: String::new(),
            name: String::new(),
            size: 10,
            page: 1,
            seller_id: None,
        }
    }
}

impl CatalogSearchRequest {
    /// Search by barcode.
    pub fn by_code(code: impl Into<String>) -> Self {
        CatalogSearchRequest {
            code: code.into(),
            ..Self::default()
        }
    }

    /// Search by name.
    pub fn by_name(name: impl Into<String>) -> Self {
        CatalogSearchRequest {
            name: name.into(),
            ..Self::default()
        }
    }

    /// A barcode or a name, page ≥ 1, size ≥ 1.
    pub fn validate(&self) -> Result<()> {
        if self.code.trim().is_empty() && self.name.trim().is_empty() {
            return Err(Error::invalid_input("code", "give a barcode or a name"));
        }
        if self.page == 0 {
            return Err(Error::invalid_input("page", "pages start at 1"));
        }
        if self.size == 0 {
            return Err(Error::invalid_input("size", "must be at least 1"));
        }
        Ok(())
    }
}

/// Answer of the catalog search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogSearchResult {
    /// Matching catalog products.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub products: Vec<CatalogProduct>,
    /// Paging information.
    #[serde(default)]
    pub page_response: Option<PageResponse>,
}

/// Paging information of a catalog search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageResponse {
    /// Page number.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page_index: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page_size: Option<u32>,
    /// Number of matches.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_count: Option<u64>,
    /// Number of pages.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
}

/// A product of Pazarama's catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogProduct {
    /// Catalog product id (a GUID), for quick add.
    #[serde(with = "super::guid")]
    pub product_id: Uuid,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Name shown on the storefront.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Barcode.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Category name.
    #[serde(default)]
    pub category_name: Option<String>,
    /// Brand name.
    #[serde(default)]
    pub brand_name: Option<String>,
    /// VAT rate in percent.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub vat_rate: Option<u32>,
    /// Image URL.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Whether it has variants, as text ("Varyantsız").
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub is_variantable: Option<String>,
}

/// Body of `product/addProductsWithBarcodes`: sell a catalog product.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickAddRequest {
    /// The product.
    pub product: QuickAddProduct,
}

/// A catalog product to sell, with the seller's price and stock.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickAddProduct {
    /// Catalog product id (a GUID, from the catalog search; the document's sample has a
    /// trailing space, which is ignored).
    #[serde(with = "super::guid")]
    pub product_id: Uuid,
    /// Barcode.
    pub code: String,
    /// Stock code.
    pub stock_code: String,
    /// List price.
    #[serde(with = "marketplace_core::codec::decimal")]
    pub list_price: Decimal,
    /// Stock count.
    pub stock_count: u32,
    /// Sale price.
    #[serde(with = "marketplace_core::codec::decimal")]
    pub sale_price: Decimal,
    /// Installment count.
    pub installment_count: u32,
    /// Brand id (a GUID, sent when set).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::guid::option"
    )]
    pub brand_id: Option<Uuid>,
}

impl QuickAddRequest {
    /// Product id, barcode and stock code set; prices decimal(18,2), not negative.
    pub fn validate(&self) -> Result<()> {
        let p = &self.product;
        check_set("product.productId", &p.product_id)?;
        check_text("product.code", &p.code, Some(100))?;
        check_text("product.stockCode", &p.stock_code, Some(100))?;
        check_price("product.listPrice", p.list_price)?;
        check_price("product.salePrice", p.sale_price)?;
        Ok(())
    }
}

/// Answer of the quick add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickAddResult {
    /// Barcode.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Stock code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub stock_code: Option<String>,
    /// Catalog product id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub product_id: Option<Uuid>,
    /// Seller id.
    ///
    /// Kept as a `String`, not a GUID: the document's sample answer (§3.21) carries the
    /// placeholder `"xy9bf337-83yx-4617-xy46-08d97204yx6d"`, which is not a GUID, and a
    /// strict type would make that answer fail to decode.
    #[serde(default)]
    pub seller_id: Option<String>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// Stock count.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub stock_count: Option<i64>,
    /// Sale price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// Installment count.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub installment_count: Option<i64>,
}

/// Body of `product/upsertSellerProductSaleLimit`: most units of a product per order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SaleLimitRequest {
    /// Barcode.
    pub code: String,
    /// The limit (`0`: no limit). Spelled `Quantity` as in the document.
    #[serde(rename = "Quantity")]
    pub quantity: u32,
}

/// Body of `product/vatRate/bulk`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatRateUpdateRequest {
    /// The new rates (at least one).
    pub listing_vat_rates: Vec<VatRateItem>,
}

/// A product's new VAT rate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatRateItem {
    /// Barcode (required).
    pub product_code: String,
    /// VAT rate in percent (required).
    pub vat_rate: u32,
}

impl VatRateUpdateRequest {
    /// Rates for these barcodes.
    pub fn new(items: impl IntoIterator<Item = (String, u32)>) -> Self {
        VatRateUpdateRequest {
            listing_vat_rates: items
                .into_iter()
                .map(|(product_code, vat_rate)| VatRateItem {
                    product_code,
                    vat_rate,
                })
                .collect(),
        }
    }

    /// At least one item, each with a barcode and a rate of at most 100.
    pub fn validate(&self) -> Result<()> {
        if self.listing_vat_rates.is_empty() {
            return Err(Error::invalid_input("listingVatRates", "at least one item"));
        }
        for (i, item) in self.listing_vat_rates.iter().enumerate() {
            check_text(
                &format!("listingVatRates[{i}].productCode"),
                &item.product_code,
                None,
            )?;
            if item.vat_rate > 100 {
                return Err(Error::invalid_input(
                    format!("listingVatRates[{i}].vatRate"),
                    "a percentage, at most 100",
                ));
            }
        }
        Ok(())
    }
}

marketplace_core::code_enum! {
    /// Sale status of a catalog product (`product/external-status`).
    pub enum SaleStatus {
        /// Open for sale.
        Open = 1,
        /// Closed for sale.
        Closed = 10,
    }
    /// A code this version does not know.
    Unknown(i64)
}

/// Body of `product/external-status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SaleStatusRequest {
    pub(crate) product_item: SaleStatusItem,
}

/// One product and its wanted sale status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SaleStatusItem {
    pub(crate) code: String,
    pub(crate) product_status: SaleStatus,
}

/// Answer of `product/external-status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleStatusResult {
    /// Per-product results.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub result: Vec<SaleStatusOutcome>,
}

/// Result for one product of `product/external-status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleStatusOutcome {
    /// Whether it worked.
    #[serde(default, with = "marketplace_core::codec::lenient::bool")]
    pub success: bool,
    /// Pazarama's message.
    #[serde(default)]
    pub message: Option<String>,
    /// Barcode.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// The status now set.
    #[serde(default)]
    pub product_status: Option<SaleStatus>,
}
