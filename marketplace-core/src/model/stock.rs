//! Stock and price updates, the most frequent write a seller makes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An absolute stock and/or price for one SKU (barcode / stock code).
///
/// `None` means "leave as is". Values are absolute, never deltas, which is what makes
/// re-sending them safe (idempotent) and coalescing them correct (last write wins).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct StockPrice {
    /// The marketplace's item key: barcode on Trendyol, product code on Pazarama, SKU on Giyim Moda.
    pub sku: String,
    /// Units available for sale.
    pub quantity: Option<u32>,
    /// The price the buyer pays.
    pub sale_price: Option<Decimal>,
    /// The list ("strike-through") price, where the marketplace has one.
    pub list_price: Option<Decimal>,
}

impl StockPrice {
    /// An update for `sku` that changes nothing yet; add values with the setters.
    pub fn new(sku: impl Into<String>) -> Self {
        StockPrice {
            sku: sku.into(),
            ..StockPrice::default()
        }
    }

    /// Set the quantity.
    #[must_use]
    pub fn quantity(mut self, quantity: u32) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// Set the sale price.
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
