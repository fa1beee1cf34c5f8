//! `products…`: list, get, create (the document's rules), update, delete, bulk create,
//! bulk update.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use chrono::Utc;
use marketplace_core::model::StockPrice;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Shared;
use super::http::{self, ApiError, ApiResult, FieldErrors, Params};
use super::seed;
use super::state::State as Data;
use crate::model::{
    BulkCreateResult, BulkItemOutcome, BulkUpdateResult, NewProduct, Product,
    ProductBulkUpdateItem, ProductUnit, ProductUpdate, Stock,
};

/// The panel's default tax rate, used when a product is created without `tax_rate`.
const DEFAULT_TAX_RATE: i64 = 20;

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }
}

fn is_blank(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

fn as_id(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Laravel's wording for a field name: `gallery_images_urls` → `gallery images urls`.
fn words(field: &str) -> String {
    field.replace('_', " ")
}

/// The document's product rules over the raw JSON (so a missing field is a 422, not a
/// decode error). `required` is true for create, false for update (only present fields
/// are checked).
pub(crate) fn check_product(obj: &Map<String, Value>, data: &Data, required: bool) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let present = |f: &str| obj.get(f).is_some_and(|v| !v.is_null());
    for field in ["name", "description", "thumbnail_img_url"] {
        if required && is_blank(obj.get(field))
            || !required && present(field) && is_blank(obj.get(field))
        {
            errors.add(field, format!("The {} field is required.", words(field)));
        } else if present(field) && !obj.get(field).is_some_and(Value::is_string) {
            errors.add(
                field,
                format!("The {} field must be a string.", words(field)),
            );
        }
    }
    if let Some(Value::String(name)) = obj.get("name") {
        if name.chars().count() > 255 {
            errors.add(
                "name",
                "The name field must not be greater than 255 characters.",
            );
        }
    }
    for field in ["unit_price", "current_stock", "category_id"] {
        if required && !present(field) {
            errors.add(field, format!("The {} field is required.", words(field)));
        }
    }
    for field in ["unit_price", "weight", "tax_rate", "decibel"] {
        if let Some(v) = obj.get(field).filter(|v| !v.is_null()) {
            match number(v) {
                None => errors.add(
                    field,
                    format!("The {} field must be a number.", words(field)),
                ),
                Some(n) if n < 0.0 => errors.add(
                    field,
                    format!("The {} field must be at least 0.", words(field)),
                ),
                Some(n) if field == "decibel" && n > 200.0 => {
                    errors.add(field, "The decibel field must be between 0 and 200.");
                }
                Some(_) => {}
            }
        }
    }
    if let Some(v) = obj.get("current_stock").filter(|v| !v.is_null()) {
        match v.as_i64() {
            None => errors.add(
                "current_stock",
                "The current stock field must be an integer.",
            ),
            Some(n) if n < 0 => errors.add(
                "current_stock",
                "The current stock field must be at least 0.",
            ),
            Some(_) => {}
        }
    }
    if let Some(v) = obj.get("category_id").filter(|v| !v.is_null()) {
        match as_id(v) {
            Some(id) if data.category_exists(id) => {}
            _ => errors.add("category_id", "The selected category id is invalid."),
        }
    }
    if let Some(v) = obj.get("category_ids").filter(|v| !v.is_null()) {
        match v.as_array() {
            None => errors.add("category_ids", "The category ids field must be an array."),
            Some(ids) => {
                for (i, id) in ids.iter().enumerate() {
                    if !as_id(id).is_some_and(|id| data.category_exists(id)) {
                        errors.add(
                            format!("category_ids.{i}"),
                            format!("The selected category_ids.{i} is invalid."),
                        );
                    }
                }
            }
        }
    }
    if let Some(v) = obj.get("brand_id").filter(|v| !v.is_null()) {
        match as_id(v) {
            Some(id) if data.brand_exists(id) => {}
            _ => errors.add("brand_id", "The selected brand id is invalid."),
        }
    }
    if let Some(v) = obj.get("unit").filter(|v| !v.is_null()) {
        if !matches!(v.as_str(), Some("adet" | "kg")) {
            errors.add("unit", "The selected unit is invalid.");
        }
    }
    match obj.get("gallery_images_urls") {
        None | Some(Value::Null) if required => {
            errors.add(
                "gallery_images_urls",
                "The gallery images urls field is required.",
            );
        }
        None | Some(Value::Null) => {}
        Some(Value::Array(urls)) => {
            if urls.len() < 2 {
                errors.add(
                    "gallery_images_urls",
                    "The gallery images urls field must have at least 2 items.",
                );
            }
            for (i, url) in urls.iter().enumerate() {
                if !url
                    .as_str()
                    .is_some_and(|u| u.starts_with("http://") || u.starts_with("https://"))
                {
                    errors.add(
                        format!("gallery_images_urls.{i}"),
                        format!("The gallery_images_urls.{i} field must be a valid URL."),
                    );
                }
            }
        }
        Some(_) => errors.add(
            "gallery_images_urls",
            "The gallery images urls field must be an array.",
        ),
    }
    if let Some(Value::String(url)) = obj.get("thumbnail_img_url") {
        if !(url.trim().is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            errors.add(
                "thumbnail_img_url",
                "The thumbnail img url field must be a valid URL.",
            );
        }
    }
    if let Some(v) = obj.get("refundable").filter(|v| !v.is_null()) {
        if !v.is_boolean() && !matches!(v.as_i64(), Some(0 | 1)) {
            errors.add("refundable", "The refundable field must be true or false.");
        }
    }
    errors
}

/// The product a valid create body becomes, with the document's defaults.
fn build(new: NewProduct) -> Product {
    let now = Utc::now();
    let unit = if new.decibel.is_some() || new.unit == Some(ProductUnit::Kg) {
        ProductUnit::Kg
    } else {
        ProductUnit::Adet
    };
    let meta_title = new
        .meta_title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| new.name.clone());
    let meta_description = new
        .meta_description
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| seed::meta_description(&new.description));
    Product {
        id: 0,
        slug: Some(seed::slug(&new.name, now)),
        name: Some(new.name),
        description: Some(new.description),
        category_id: new.category_id,
        brand_id: new.brand_id,
        unit_price: new.unit_price,
        current_stock: new.current_stock,
        sku: new.sku.filter(|s| !s.trim().is_empty()),
        barcode: new.barcode,
        delivery_time: new.delivery_time,
        unit: Some(unit),
        weight: new.weight,
        tax_rate: Some(new.tax_rate.unwrap_or(Decimal::from(DEFAULT_TAX_RATE))),
        refundable: Some(new.refundable.unwrap_or(true)),
        published: Some(true),
        digital: Some(false),
        thumbnail_img: Some(new.thumbnail_img_url),
        photos: Some(new.gallery_images_urls.join(",")),
        meta_title: Some(meta_title),
        meta_description: Some(meta_description),
        created_at: Some(now),
        updated_at: Some(now),
    }
}

/// Validate and decode one create body; `Err` carries the field errors.
fn parse_new(value: &Value, data: &Data) -> Result<NewProduct, FieldErrors> {
    let Some(obj) = value.as_object() else {
        let mut errors = FieldErrors::default();
        errors.add("product", "The product must be an object.");
        return Err(errors);
    };
    let errors = check_product(obj, data, true);
    if !errors.is_empty() {
        return Err(errors);
    }
    serde_json::from_value::<NewProduct>(value.clone()).map_err(|e| {
        let mut errors = FieldErrors::default();
        errors.add("product", format!("The product is invalid: {e}"));
        errors
    })
}

/// `GET products`: `search` (name), `status` (published / pending / unpublished), paging.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let search = params
        .get("search")
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let status = params
        .get("status")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if let Some(status) = &status {
        if !matches!(status.as_str(), "published" | "pending" | "unpublished") {
            return Err(ApiError::field("status", "The selected status is invalid."));
        }
    }
    let items: Vec<Product> = {
        let state = shared.lock();
        state
            .products
            .values()
            .map(super::state::ProductRec::view)
            .filter(|p| {
                search.as_ref().is_none_or(|s| {
                    p.name
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().contains(s))
                })
            })
            .filter(|p| match status.as_deref() {
                Some("published") => p.published == Some(true),
                Some("unpublished") => p.published == Some(false),
                // The sandbox approves every product at once: nothing is pending.
                Some(_) => false,
                None => true,
            })
            .collect()
    };
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET products/{id}`.
pub(crate) async fn get(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Ürün")?;
    let product = shared
        .lock()
        .products
        .get(&id)
        .map(super::state::ProductRec::view);
    http::ok(None, product.ok_or_else(|| ApiError::not_found("Ürün"))?)
}

/// `POST products`.
pub(crate) async fn create(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let value: Value = http::json(&body)?;
    let product = {
        let mut state = shared.lock();
        let new = parse_new(&value, &state).map_err(FieldErrors::into_error)?;
        let id = seed::insert_product(&mut state, build(new));
        state.products.get(&id).map(super::state::ProductRec::view)
    };
    http::ok(
        Some("Ürün başarıyla oluşturuldu"),
        product.ok_or_else(|| ApiError::not_found("Ürün"))?,
    )
}

/// `PUT products/{id}`: only the fields sent change.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Ürün")?;
    let obj = http::json_object(&body)?;
    let (product, stock) = {
        let mut state = shared.lock();
        if !state.products.contains_key(&id) {
            return Err(ApiError::not_found("Ürün"));
        }
        check_product(&obj, &state, false).check()?;
        let update: ProductUpdate = serde_json::from_value(Value::Object(obj))
            .map_err(|e| ApiError::unprocessable(format!("The product is invalid: {e}")))?;
        let Some(rec) = state.products.get_mut(&id) else {
            return Err(ApiError::not_found("Ürün"));
        };
        let p = &mut rec.product;
        let now = Utc::now();
        if let Some(name) = update.name {
            p.slug = Some(seed::slug(&name, now));
            p.name = Some(name);
        }
        if let Some(d) = update.description {
            p.description = Some(d);
        }
        if update.category_id.is_some() {
            p.category_id = update.category_id;
        }
        if update.brand_id.is_some() {
            p.brand_id = update.brand_id;
        }
        let price_changed = update.unit_price.is_some();
        if price_changed {
            p.unit_price = update.unit_price;
        }
        let stock_changed = update.current_stock.is_some();
        if stock_changed {
            p.current_stock = update.current_stock;
        }
        macro_rules! set {
            ($($field:ident),*) => {$(
                if update.$field.is_some() { p.$field = update.$field; }
            )*};
        }
        set!(
            sku,
            barcode,
            delivery_time,
            weight,
            tax_rate,
            refundable,
            published
        );
        if update.decibel.is_some() || update.unit == Some(ProductUnit::Kg) {
            p.unit = Some(ProductUnit::Kg);
        } else if update.unit.is_some() {
            p.unit = update.unit;
        }
        if let Some(url) = update.thumbnail_img_url {
            p.thumbnail_img = Some(url);
        }
        if let Some(urls) = update.gallery_images_urls {
            p.photos = Some(urls.join(","));
        }
        // Blank or absent meta fields fall back to the name / description.
        p.meta_title = update
            .meta_title
            .filter(|t| !t.trim().is_empty())
            .or_else(|| p.name.clone());
        p.meta_description = update
            .meta_description
            .filter(|t| !t.trim().is_empty())
            .or_else(|| p.description.as_deref().map(seed::meta_description));
        p.updated_at = Some(now);
        let view = rec.view();
        let stock = rec.stock();
        if price_changed || stock_changed {
            let item = StockPrice {
                sku: view.sku.clone().unwrap_or_default(),
                quantity: update.current_stock.and_then(|q| u32::try_from(q).ok()),
                sale_price: update.unit_price,
                list_price: None,
            };
            state.stock_items.push(item);
        }
        (view, stock_changed.then_some(stock))
    };
    if let Some(stock) = stock {
        super::webhooks::fire_stock(&shared, &stock);
    }
    http::ok(Some("Ürün başarıyla güncellendi"), product)
}

/// `DELETE products/{id}`.
pub(crate) async fn delete(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Ürün")?;
    if shared.lock().products.remove(&id).is_none() {
        return Err(ApiError::not_found("Ürün"));
    }
    http::ok(Some("Ürün silindi"), Value::Null)
}

#[derive(Deserialize)]
struct ProductsBody<T> {
    #[serde(default)]
    products: Option<Vec<T>>,
}

/// One item of a bulk create answer, as the wire carries it (`errors` as a field map).
#[derive(Serialize)]
struct WireOutcome {
    index: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sku: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<std::collections::BTreeMap<String, Vec<String>>>,
}

/// `POST products/bulk`: each item created or failed on its own (synchronously, as the
/// real API does); unknown category/brand ids fail the item with a reason.
pub(crate) async fn bulk_create(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let started = std::time::Instant::now();
    let body: ProductsBody<Value> = http::json(&body)?;
    let items = match body.products {
        Some(items) if !items.is_empty() => items,
        _ => {
            return Err(ApiError::field(
                "products",
                "The products field is required.",
            ));
        }
    };
    let (success, failed) = {
        let mut state = shared.lock();
        let mut success = Vec::new();
        let mut failed = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let index = u64::try_from(i).unwrap_or(u64::MAX);
            let name = item.get("name").and_then(Value::as_str).map(str::to_owned);
            let sku = item.get("sku").and_then(Value::as_str).map(str::to_owned);
            match parse_new(item, &state) {
                Ok(new) => {
                    let id = seed::insert_product(&mut state, build(new));
                    let view = state.products.get(&id).map(super::state::ProductRec::view);
                    success.push(WireOutcome {
                        index,
                        id: Some(id),
                        name,
                        sku: view.and_then(|p| p.sku),
                        error: None,
                        errors: None,
                    });
                }
                Err(errors) => failed.push(WireOutcome {
                    index,
                    id: None,
                    name,
                    sku,
                    error: Some(errors.first()),
                    errors: Some(errors.0),
                }),
            }
        }
        (success, failed)
    };
    let total = u64::try_from(items.len()).unwrap_or(u64::MAX);
    let ok = u64::try_from(success.len()).unwrap_or(u64::MAX);
    let bad = u64::try_from(failed.len()).unwrap_or(u64::MAX);
    let seconds = Decimal::try_from(started.elapsed().as_secs_f64())
        .unwrap_or_default()
        .round_dp(2);
    let per_second = if seconds.is_zero() {
        Decimal::from(ok)
    } else {
        (Decimal::from(ok) / seconds).round_dp(2)
    };
    let totals = BulkCreateResult {
        total: Some(total),
        success_count: ok,
        failed_count: bad,
        execution_time_seconds: Some(seconds),
        products_per_second: Some(per_second),
        success: Vec::new(),
        failed: Vec::new(),
    };
    // The crate's result type, with the items in their wire shape (`errors` as a map).
    let mut data =
        serde_json::to_value(totals).map_err(|e| ApiError::unprocessable(e.to_string()))?;
    if let Some(obj) = data.as_object_mut() {
        obj.insert(
            "success".into(),
            serde_json::to_value(success).unwrap_or_default(),
        );
        obj.insert(
            "failed".into(),
            serde_json::to_value(failed).unwrap_or_default(),
        );
    }
    let message = format!("Bulk product creation completed. {ok} successful, {bad} failed.");
    http::ok(Some(&message), data)
}

/// `POST products/bulk-update`: price, stock and publication per item; unknown ids fail
/// that item only.
pub(crate) async fn bulk_update(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let body: ProductsBody<ProductBulkUpdateItem> = http::json(&body)?;
    let items = match body.products {
        Some(items) if !items.is_empty() => items,
        _ => {
            return Err(ApiError::field(
                "products",
                "The products field is required.",
            ));
        }
    };
    let mut errors = Vec::new();
    let mut updated = 0u64;
    let mut stocks: Vec<Stock> = Vec::new();
    {
        let mut state = shared.lock();
        for (i, item) in items.iter().enumerate() {
            let index = Some(u64::try_from(i).unwrap_or(u64::MAX));
            let fail = |id: Option<u64>, message: &str| BulkItemOutcome {
                index,
                id,
                error: Some(message.to_owned()),
                ..BulkItemOutcome::default()
            };
            let Some(id) = item.id else {
                errors.push(fail(None, "The id field is required."));
                continue;
            };
            if item.unit_price.is_some_and(|p| p < Decimal::ZERO) {
                errors.push(fail(Some(id), "The unit price field must be at least 0."));
                continue;
            }
            if item.current_stock.is_some_and(|q| q < 0) {
                errors.push(fail(
                    Some(id),
                    "The current stock field must be at least 0.",
                ));
                continue;
            }
            let Some(rec) = state.products.get_mut(&id) else {
                errors.push(fail(Some(id), "Ürün bulunamadı veya size ait değil"));
                continue;
            };
            let p = &mut rec.product;
            if item.unit_price.is_some() {
                p.unit_price = item.unit_price;
            }
            if item.current_stock.is_some() {
                p.current_stock = item.current_stock;
            }
            if item.published.is_some() {
                p.published = item.published;
            }
            p.updated_at = Some(Utc::now());
            updated += 1;
            let sku = p.sku.clone().unwrap_or_default();
            if item.current_stock.is_some() {
                stocks.push(rec.stock());
            }
            if item.unit_price.is_some() || item.current_stock.is_some() {
                state.stock_items.push(StockPrice {
                    sku,
                    quantity: item.current_stock.and_then(|q| u32::try_from(q).ok()),
                    sale_price: item.unit_price,
                    list_price: None,
                });
            }
        }
    }
    for stock in &stocks {
        super::webhooks::fire_stock(&shared, stock);
    }
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
