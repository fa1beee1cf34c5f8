//! Stocks (`client.stocks()`) and prices (`client.prices()`).
//!
//! The document names the paths but not the bodies. Assumed here: `PUT stocks/{id}`
//! takes `{"qty": n}` (the `product_stocks.qty` column; `{id}` is a stock record id),
//! `POST stocks/bulk-update` takes `{"stocks": [{"id", "qty"}]}`,
//! `PUT prices/product/{productId}` takes `{"unit_price": p}` and
//! `POST prices/bulk-update` takes `{"prices": [{"product_id", "unit_price"}]}`.
//! All four write absolute values, so they are marked idempotent and may be retried.

use futures::Stream;
use marketplace_core::http::Request;

use crate::model::{
    BulkUpdateResult, ListPage, PerPage, PriceUpdate, PricesBody, ProductStocks, QtyBody, Stock,
    StockQuery, StockUpdate, StocksBody, UnitPriceBody,
};
use crate::{Client, Error, Result};

/// Stock levels (`stocks…`).
#[derive(Debug, Clone, Copy)]
pub struct Stocks<'a> {
    client: &'a Client,
}

/// Prices (`prices…`).
#[derive(Debug, Clone, Copy)]
pub struct Prices<'a> {
    client: &'a Client,
}

impl Client {
    /// Stock levels.
    pub fn stocks(&self) -> Stocks<'_> {
        Stocks { client: self }
    }

    /// Prices.
    pub fn prices(&self) -> Prices<'_> {
        Prices { client: self }
    }
}

fn list_request(query: &StockQuery, page: Option<u32>, per_page: PerPage) -> Request {
    Request::get("stocks")
        .query_opt("product_id", query.product_id)
        .query_opt("low_stock", query.low_stock.then_some("true"))
        .query_opt("out_of_stock", query.out_of_stock.then_some("true"))
        .query_opt("per_page", per_page.as_query())
        .query_opt("page", page)
}

impl Stocks<'_> {
    /// One page of stock records (`GET stocks`).
    pub async fn list(&self, query: &StockQuery) -> Result<ListPage<Stock>> {
        let request = list_request(query, query.page, query.per_page);
        super::send_page(self.client, request).await
    }

    /// Every stock record matching `query`, page by page.
    pub fn stream<'q>(&'q self, query: &'q StockQuery) -> impl Stream<Item = Result<Stock>> + 'q {
        let per_page = match query.per_page {
            PerPage::All => PerPage::Default,
            other => other,
        };
        super::stream_pages(self.client, move |page| {
            list_request(query, Some(page), per_page)
        })
    }

    /// The stock records of one product (`GET stocks/product/{productId}`).
    pub async fn by_product(&self, product_id: u64) -> Result<ProductStocks> {
        let request =
            Request::get("stocks/product/{productId}").path_param("productId", product_id);
        super::send(self.client, request, "product stocks").await
    }

    /// Low-stock warnings (`GET stocks/low-stock`).
    pub async fn low_stock(&self, page: u32, per_page: PerPage) -> Result<ListPage<Stock>> {
        let request = Request::get("stocks/low-stock")
            .query("page", page.max(1))
            .query_opt("per_page", per_page.as_query());
        super::send_page(self.client, request).await
    }

    /// Set one stock record's quantity (`PUT stocks/{id}`). Returns the record when the
    /// API sends it back.
    pub async fn update(&self, id: u64, qty: i64) -> Result<Option<Stock>> {
        StockUpdate { id, qty }.validate_at("")?;
        let request = Request::put("stocks/{id}")
            .path_param("id", id)
            .json(&QtyBody { qty })
            .idempotent(true);
        super::send_opt(self.client, request).await
    }

    /// Set many stock records' quantities (`POST stocks/bulk-update`).
    pub async fn bulk_update(&self, items: &[StockUpdate]) -> Result<BulkUpdateResult> {
        if items.is_empty() {
            return Err(Error::invalid_input(
                "stocks",
                "at least one item is required",
            ));
        }
        for (i, item) in items.iter().enumerate() {
            item.validate_at(&format!("stocks[{i}]."))?;
        }
        let request = Request::post("stocks/bulk-update")
            .json(&StocksBody { stocks: items })
            .idempotent(true);
        super::send(self.client, request, "bulk stock update result").await
    }
}

impl Prices<'_> {
    /// Set one product's unit price (`PUT prices/product/{productId}`).
    pub async fn update(&self, product_id: u64, unit_price: rust_decimal::Decimal) -> Result<()> {
        PriceUpdate {
            product_id,
            unit_price,
        }
        .validate_at("")?;
        let request = Request::put("prices/product/{productId}")
            .path_param("productId", product_id)
            .json(&UnitPriceBody { unit_price })
            .idempotent(true);
        super::send_unit(self.client, request).await
    }

    /// Set many products' unit prices (`POST prices/bulk-update`).
    pub async fn bulk_update(&self, items: &[PriceUpdate]) -> Result<BulkUpdateResult> {
        if items.is_empty() {
            return Err(Error::invalid_input(
                "prices",
                "at least one item is required",
            ));
        }
        for (i, item) in items.iter().enumerate() {
            item.validate_at(&format!("prices[{i}]."))?;
        }
        let request = Request::post("prices/bulk-update")
            .json(&PricesBody { prices: items })
            .idempotent(true);
        super::send(self.client, request, "bulk price update result").await
    }
}
