//! `stocks…` and `prices…`: one stock record per product; writes apply at once and show on
//! product reads; every item is recorded for [`Sandbox::stock_items_received`](super::Sandbox::stock_items_received).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use chrono::Utc;
use marketplace_core::model::StockPrice;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::Shared;
use super::http::{self, ApiError, ApiResult, FieldErrors, Params};
use super::state::ProductRec;
use crate::model::{
    BulkItemOutcome, BulkUpdateResult, PriceUpdate, ProductStocks, Stock, StockUpdate,
};

/// At or below this quantity a record counts as low on stock.
pub(crate) const LOW_STOCK: i64 = 5;

fn flag(params: &Params, name: &str) -> bool {
    params
        .get(name)
        .is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"))
}

fn records(shared: &Shared, keep: impl Fn(&Stock) -> bool) -> Vec<Stock> {
    shared
        .lock()
        .products
        .values()
        .map(ProductRec::stock)
        .filter(|s| keep(s))
        .collect()
}

/// `GET stocks`: `product_id`, `low_stock`, `out_of_stock`, paging.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let product_id = match params.get("product_id").map(|s| s.trim()) {
        None | Some("") => None,
        Some(raw) => Some(raw.parse::<u64>().map_err(|_| {
            ApiError::field("product_id", "The product id field must be an integer.")
        })?),
    };
    let (low, out) = (flag(&params, "low_stock"), flag(&params, "out_of_stock"));
    let items = records(&shared, |s| {
        let qty = s.qty.unwrap_or(0);
        product_id.is_none_or(|id| s.product_id == Some(id))
            && (!low || qty <= LOW_STOCK)
            && (!out || qty <= 0)
    });
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET stocks/low-stock`.
pub(crate) async fn low_stock(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let items = records(&shared, |s| s.qty.unwrap_or(0) <= LOW_STOCK);
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET stocks/product/{productId}`: `{product_id, total_stock, stocks}`.
pub(crate) async fn by_product(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = http::id(&id, "Ürün")?;
    let stock = shared.lock().products.get(&id).map(ProductRec::stock);
    let stock = stock.ok_or_else(|| ApiError::not_found("Ürün"))?;
    http::ok(
        None,
        ProductStocks {
            product_id: Some(id),
            total_stock: stock.qty,
            stocks: vec![stock],
        },
    )
}

#[derive(Deserialize)]
struct QtyBody {
    #[serde(default)]
    qty: Option<serde_json::Value>,
}

/// Set the stock of the product owning `stock_id`; returns the new record.
fn set_qty(shared: &Shared, stock_id: u64, qty: i64) -> Option<Stock> {
    let mut state = shared.lock();
    let rec = state.product_by_stock(stock_id)?;
    rec.product.current_stock = Some(qty);
    rec.product.updated_at = Some(Utc::now());
    let stock = rec.stock();
    state.stock_items.push(StockPrice {
        sku: stock.sku.clone().unwrap_or_default(),
        quantity: u32::try_from(qty).ok(),
        sale_price: None,
        list_price: None,
    });
    Some(stock)
}

/// `PUT stocks/{id}` with `{"qty": n}`.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Stok kaydı")?;
    let body: QtyBody = http::json(&body)?;
    let qty = match body.qty.as_ref() {
        None | Some(serde_json::Value::Null) => {
            return Err(ApiError::field("qty", "The qty field is required."));
        }
        Some(v) => v.as_i64().filter(|q| *q >= 0).ok_or_else(|| {
            ApiError::field("qty", "The qty field must be an integer of at least 0.")
        })?,
    };
    let stock = set_qty(&shared, id, qty).ok_or_else(|| ApiError::not_found("Stok kaydı"))?;
    super::webhooks::fire_stock(&shared, &stock);
    http::ok(Some("Stok güncellendi"), stock)
}

#[derive(Deserialize)]
struct StocksBody {
    #[serde(default)]
    stocks: Option<Vec<StockUpdate>>,
}

#[derive(Deserialize)]
struct PricesBody {
    #[serde(default)]
    prices: Option<Vec<PriceUpdate>>,
}

fn outcome(i: usize, id: u64, message: &str) -> BulkItemOutcome {
    BulkItemOutcome {
        index: u64::try_from(i).ok(),
        id: Some(id),
        error: Some(message.to_owned()),
        ..BulkItemOutcome::default()
    }
}

fn counted(updated: u64, errors: Vec<BulkItemOutcome>) -> ApiResult {
    let failed = u64::try_from(errors.len()).unwrap_or(u64::MAX);
    let message = format!("Bulk update completed. Updated: {updated}, Failed: {failed}");
    http::ok(
        Some(&message),
        BulkUpdateResult {
            updated_count: updated,
            failed_count: failed,
            errors,
        },
    )
}

/// `POST stocks/bulk-update` with `{"stocks": [{"id", "qty"}]}`.
pub(crate) async fn bulk_update(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let body: StocksBody = http::json(&body)?;
    let items = body.stocks.filter(|s| !s.is_empty()).ok_or_else(|| {
        let mut e = FieldErrors::default();
        e.add("stocks", "The stocks field is required.");
        e.into_error()
    })?;
    let mut errors = Vec::new();
    let mut changed = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.qty < 0 {
            errors.push(outcome(i, item.id, "The qty field must be at least 0."));
            continue;
        }
        match set_qty(&shared, item.id, item.qty) {
            Some(stock) => changed.push(stock),
            None => errors.push(outcome(i, item.id, "Stok kaydı bulunamadı")),
        }
    }
    for stock in &changed {
        super::webhooks::fire_stock(&shared, stock);
    }
    counted(u64::try_from(changed.len()).unwrap_or(u64::MAX), errors)
}

/// Set a product's unit price; `None` for an unknown product.
fn set_price(shared: &Shared, product_id: u64, price: Decimal) -> Option<crate::model::Product> {
    let mut state = shared.lock();
    let rec = state.products.get_mut(&product_id)?;
    rec.product.unit_price = Some(price);
    rec.product.updated_at = Some(Utc::now());
    let view = rec.view();
    state.stock_items.push(StockPrice {
        sku: view.sku.clone().unwrap_or_default(),
        quantity: None,
        sale_price: Some(price),
        list_price: None,
    });
    Some(view)
}

#[derive(Deserialize)]
struct UnitPriceBody {
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    unit_price: Option<Decimal>,
}

/// `PUT prices/product/{productId}` with `{"unit_price": p}`.
pub(crate) async fn update_price(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Ürün")?;
    let body: UnitPriceBody = http::json(&body)?;
    let price = body
        .unit_price
        .ok_or_else(|| ApiError::field("unit_price", "The unit price field is required."))?;
    if price < Decimal::ZERO {
        return Err(ApiError::field(
            "unit_price",
            "The unit price field must be at least 0.",
        ));
    }
    let product = set_price(&shared, id, price).ok_or_else(|| ApiError::not_found("Ürün"))?;
    http::ok(Some("Fiyat güncellendi"), product)
}

/// `POST prices/bulk-update` with `{"prices": [{"product_id", "unit_price"}]}`.
pub(crate) async fn bulk_update_prices(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> ApiResult {
    let body: PricesBody = http::json(&body)?;
    let items = body.prices.filter(|p| !p.is_empty()).ok_or_else(|| {
        let mut e = FieldErrors::default();
        e.add("prices", "The prices field is required.");
        e.into_error()
    })?;
    let mut errors = Vec::new();
    let mut updated = 0u64;
    for (i, item) in items.iter().enumerate() {
        if item.unit_price < Decimal::ZERO {
            errors.push(outcome(
                i,
                item.product_id,
                "The unit price field must be at least 0.",
            ));
            continue;
        }
        match set_price(&shared, item.product_id, item.unit_price) {
            Some(_) => updated += 1,
            None => errors.push(outcome(
                i,
                item.product_id,
                "Ürün bulunamadı veya size ait değil",
            )),
        }
    }
    counted(updated, errors)
}
