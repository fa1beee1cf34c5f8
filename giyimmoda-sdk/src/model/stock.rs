//! Stocks (`stocks…`) and prices (`prices…`).

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::PerPage;
use crate::{Error, Result};

/// A stock record (`product_stocks`): one per product variant. The document shows no
/// sample, so everything but `id` is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stock {
    /// Stock record id (what [`StockUpdate::id`] and `PUT stocks/{id}` take).
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// The product.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub product_id: Option<u64>,
    /// The product's name, when included.
    #[serde(default)]
    pub product_name: Option<String>,
    /// Variant (`""` for a product without variants).
    #[serde(default)]
    pub variant: Option<String>,
    /// SKU.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub sku: Option<String>,
    /// Price of this variant.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub price: Option<Decimal>,
    /// Quantity in stock.
    #[serde(
        default,
        alias = "quantity",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub qty: Option<i64>,
}

/// `GET stocks/product/{productId}`: the stock records of one product. The document does
/// not show the answer; a bare list, a single record, or `{stocks: [...]}` (with optional
/// `product_id` / `total_stock`) are accepted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProductStocks {
    /// The product, when the answer names it.
    pub product_id: Option<u64>,
    /// Total quantity, when the answer reports it.
    pub total_stock: Option<i64>,
    /// The stock records.
    pub stocks: Vec<Stock>,
}

impl<'de> Deserialize<'de> for ProductStocks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped {
            #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
            product_id: Option<u64>,
            #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
            total_stock: Option<i64>,
            #[serde(alias = "variants", alias = "items")]
            stocks: Vec<Stock>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            List(Vec<Stock>),
            Wrapped(Wrapped),
            Single(Stock),
        }
        Ok(match Shape::deserialize(deserializer)? {
            Shape::List(stocks) => ProductStocks {
                product_id: stocks.first().and_then(|s| s.product_id),
                total_stock: None,
                stocks,
            },
            Shape::Wrapped(w) => ProductStocks {
                product_id: w.product_id,
                total_stock: w.total_stock,
                stocks: w.stocks,
            },
            Shape::Single(stock) => ProductStocks {
                product_id: stock.product_id,
                total_stock: stock.qty,
                stocks: vec![stock],
            },
        })
    }
}

/// Filters of `GET stocks`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StockQuery {
    /// Only this product's records (`product_id`).
    pub product_id: Option<u64>,
    /// Only records low on stock (`low_stock=true`).
    pub low_stock: bool,
    /// Only records out of stock (`out_of_stock=true`).
    pub out_of_stock: bool,
    /// Page size (`per_page`).
    pub per_page: PerPage,
    /// Page number from 1 (`page`).
    pub page: Option<u32>,
}

impl StockQuery {
    /// No filters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only this product's records.
    #[must_use]
    pub fn product_id(mut self, id: u64) -> Self {
        self.product_id = Some(id);
        self
    }

    /// Only records low on stock.
    #[must_use]
    pub fn low_stock(mut self) -> Self {
        self.low_stock = true;
        self
    }

    /// Only records out of stock.
    #[must_use]
    pub fn out_of_stock(mut self) -> Self {
        self.out_of_stock = true;
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

/// An absolute stock write: set record `id` to `qty`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockUpdate {
    /// Stock record id.
    pub id: u64,
    /// New quantity (≥ 0).
    pub qty: i64,
}

/// An absolute price write: set product `product_id`'s unit price.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceUpdate {
    /// Product id.
    pub product_id: u64,
    /// New unit price (≥ 0).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub unit_price: Decimal,
}

/// `{"qty": n}`.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct QtyBody {
    pub(crate) qty: i64,
}

/// `{"unit_price": p}`.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct UnitPriceBody {
    #[serde(with = "marketplace_core::codec::decimal")]
    pub(crate) unit_price: Decimal,
}

/// `{"stocks": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StocksBody<'a> {
    pub(crate) stocks: &'a [StockUpdate],
}

/// `{"prices": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PricesBody<'a> {
    pub(crate) prices: &'a [PriceUpdate],
}

impl StockUpdate {
    pub(crate) fn validate_at(&self, prefix: &str) -> Result<()> {
        if self.id == 0 {
            return Err(Error::invalid_input(format!("{prefix}id"), "is required"));
        }
        if self.qty < 0 {
            return Err(Error::invalid_input(
                format!("{prefix}qty"),
                "must be 0 or more",
            ));
        }
        Ok(())
    }
}

impl PriceUpdate {
    pub(crate) fn validate_at(&self, prefix: &str) -> Result<()> {
        if self.product_id == 0 {
            return Err(Error::invalid_input(
                format!("{prefix}product_id"),
                "is required",
            ));
        }
        if self.unit_price < Decimal::ZERO {
            return Err(Error::invalid_input(
                format!("{prefix}unit_price"),
                "must be 0 or more",
            ));
        }
        Ok(())
    }
}
