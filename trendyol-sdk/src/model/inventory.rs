//! Stock and price updates (reference §5, `updatePriceAndInventory`).

use marketplace_core::model::StockPrice;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Most items per `updatePriceAndInventory` request.
pub const MAX_ITEMS: usize = 1000;

/// Highest stock Trendyol accepts per product.
pub const MAX_QUANTITY: u32 = 20_000;

/// One item of `updatePriceAndInventory`: absolute values, `None` leaves a field as is
/// (stock and price can be sent separately).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryItem {
    /// Barcode, exactly as stored by Trendyol (inner spaces removed).
    pub barcode: String,
    /// Sellable stock (≤ 20,000).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub quantity: Option<u32>,
    /// Selling price (TSF).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub sale_price: Option<Decimal>,
    /// Strike-through price (PSF), ≥ `sale_price`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub list_price: Option<Decimal>,
}

impl InventoryItem {
    /// An item for `barcode` that changes nothing yet.
    pub fn new(barcode: impl Into<String>) -> Self {
        InventoryItem {
            barcode: barcode.into(),
            ..Self::default()
        }
    }

    /// Set the quantity.
    #[must_use]
    pub fn quantity(mut self, quantity: u32) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// Set the selling price.
    #[must_use]
    pub fn sale_price(mut self, price: Decimal) -> Self {
        self.sale_price = Some(price);
        self
    }

    /// Set the list price.
    #[must_use]
    pub fn list_price(mut self, price: Decimal) -> Self {
        self.list_price = Some(price);
        self
    }
}

impl From<&StockPrice> for InventoryItem {
    fn from(update: &StockPrice) -> Self {
        InventoryItem {
            barcode: update.sku.clone(),
            quantity: update.quantity,
            sale_price: update.sale_price,
            list_price: update.list_price,
        }
    }
}

impl From<StockPrice> for InventoryItem {
    fn from(update: StockPrice) -> Self {
        InventoryItem {
            barcode: update.sku,
            quantity: update.quantity,
            sale_price: update.sale_price,
            list_price: update.list_price,
        }
    }
}
