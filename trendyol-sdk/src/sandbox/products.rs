//! Products (§4) and stock & price (§5): reference data, create → batch, batch results,
//! product reads, archive, updatePriceAndInventory.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxState};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use chrono::Utc;

use crate::model::batch::{BatchRequestResult, BatchRequestType};
use crate::model::inventory::{InventoryItem, MAX_ITEMS};
use crate::model::product::{
    ApprovedProduct, ArchiveItem, BatchRequestId, Brand, BrandList, CategoryAttribute,
    CategoryAttributes, CategoryTree, ContentUpdateItem, InventoryAndPrice, Items, ProductBase,
    ProductCreateItem, ProductPage,
};

use super::state::{BatchPayload, ProductRecord, State};
use super::{ApiError, Params, Shape, Shared, decode_body, page_of};

type Handler<T> = Result<T, ApiError>;

const SELLER: &str = "/integration/product/sellers/{sellerId}";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/integration/product/brands", get(brands))
        .route("/integration/product/brands/by-name", get(brands_by_name))
        .route("/integration/product/product-categories", get(categories))
        .route(
            "/integration/product/categories/{categoryId}/attributes",
            get(category_attributes),
        )
        .route(&format!("{SELLER}/v2/products"), post(create))
        .route(
            &format!("{SELLER}/products/batch-requests/{{batchRequestId}}"),
            get(batch_result),
        )
        .route(&format!("{SELLER}/products/approved"), get(approved))
        .route(
            &format!("{SELLER}/products/approved/inventory-and-price"),
            get(inventory_and_price),
        )
        .route(&format!("{SELLER}/product/{{barcode}}"), get(product_base))
        .route(&format!("{SELLER}/products/archive-state"), put(archive))
        .route(
            &format!("{SELLER}/products/content-bulk-update"),
            post(content_update),
        )
        .route(
            "/integration/inventory/sellers/{sellerId}/products/price-and-inventory",
            post(price_and_inventory),
        )
}

fn bad(key: &str, message: impl Into<String>) -> ApiError {
    ApiError::product(StatusCode::BAD_REQUEST, key, message)
}

fn param_error(message: String) -> ApiError {
    bad("invalid.parameter", message)
}

async fn brands(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<BrandList>> {
    let q = Params::parse(raw.as_deref());
    let page = q.number::<u32>("page").map_err(param_error)?.unwrap_or(0);
    let size = q
        .number::<u32>("size")
        .map_err(param_error)?
        .unwrap_or(1000);
    let all = shared.lock().brands.clone();
    let (brands, _) = page_of(&all, page, size);
    Ok(axum::Json(BrandList { brands }))
}

async fn brands_by_name(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<Vec<Brand>>> {
    let q = Params::parse(raw.as_deref());
    let name = q
        .get("name")
        .ok_or_else(|| bad("name.required", "name zorunludur."))?;
    let found = shared
        .lock()
        .brands
        .iter()
        .filter(|b| b.name == name)
        .cloned()
        .collect();
    Ok(axum::Json(found))
}

async fn categories(AxState(shared): AxState<Arc<Shared>>) -> axum::Json<CategoryTree> {
    axum::Json(CategoryTree {
        categories: shared.lock().categories.clone(),
    })
}

async fn category_attributes(
    AxState(shared): AxState<Arc<Shared>>,
    Path(category): Path<String>,
) -> Handler<axum::Json<CategoryAttributes>> {
    let id: i64 = category
        .parse()
        .map_err(|_| param_error(format!("categoryId geçersiz: {category}")))?;
    let state = shared.lock();
    let name = state
        .categories
        .iter()
        .flat_map(crate::model::product::Category::walk)
        .find(|c| c.id == id && c.is_leaf())
        .map(|c| c.name.clone())
        .ok_or_else(|| {
            ApiError::product(
                StatusCode::NOT_FOUND,
                "category.not.found",
                format!("{id} id'li alt kategori bulunamadı."),
            )
        })?;
    let attributes = State::category_attribute_refs()
        .into_iter()
        .map(|(attribute, slicer, varianter)| CategoryAttribute {
            allow_custom: Some(true),
            attribute,
            category_id: Some(id),
            required: Some(true),
            varianter: Some(varianter),
            slicer: Some(slicer),
            allow_multiple_attribute_values: Some(false),
        })
        .collect();
    Ok(axum::Json(CategoryAttributes {
        id,
        name: Some(name.clone()),
        display_name: Some(name),
        category_attributes: attributes,
    }))
}

/// createProducts V2 (§4.2): accepted as a batch; brand, category and barcode checks run
/// when the batch is processed, so they show up as per-item failures.
async fn create(
    AxState(shared): AxState<Arc<Shared>>,
    body: Bytes,
) -> Handler<axum::Json<BatchRequestId>> {
    let request: Items<ProductCreateItem> = decode_body(&body, Shape::Product)?;
    if request.items.is_empty() || request.items.len() > 1000 {
        return Err(bad(
            "items.size",
            "Bir istekte 1 ile 1000 arasında ürün gönderilebilir.",
        ));
    }
    let count = request.items.len();
    let id = shared.lock().queue_batch(
        BatchRequestType::ProductV2OnBoarding,
        BatchPayload::Create(request.items),
        count,
        shared.config.batch_delay,
    );
    Ok(axum::Json(BatchRequestId {
        batch_request_id: id,
    }))
}

async fn batch_result(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
) -> Handler<axum::Json<BatchRequestResult>> {
    let mut state = shared.lock();
    state.settle(Instant::now());
    state.batch_result(&id).map(axum::Json).ok_or_else(|| {
        ApiError::product(
            StatusCode::NOT_FOUND,
            "batch.request.not.found",
            format!("{id} id'li batch request bulunamadı."),
        )
    })
}

/// Filters shared by the two approved-product reads.
fn product_filter(q: &Params) -> impl Fn(&ProductRecord) -> bool + use<> {
    let barcode = q.get("barcode").map(str::to_owned);
    let barcodes: Vec<String> = q.all("barcodes").into_iter().map(str::to_owned).collect();
    let stock_code = q.get("stockCode").map(str::to_owned);
    let main_id = q.get("productMainId").map(str::to_owned);
    let content_id: Option<u64> = q.get("contentId").and_then(|c| c.parse().ok());
    let status = q.get("status").map(str::to_owned);
    move |p: &ProductRecord| {
        barcode.as_ref().is_none_or(|b| &p.barcode == b)
            && (barcodes.is_empty() || barcodes.contains(&p.barcode))
            && stock_code
                .as_ref()
                .is_none_or(|s| p.stock_code.as_ref() == Some(s))
            && main_id.as_ref().is_none_or(|m| &p.product_main_id == m)
            && content_id.is_none_or(|c| p.content_id == c)
            && match status.as_deref() {
                Some("archived") => p.archived,
                Some("onSale") => !p.archived && p.quantity > 0,
                Some("notOnSale") => p.archived || p.quantity == 0,
                Some("locked" | "blacklisted") => false,
                _ => true,
            }
    }
}

fn paging(q: &Params) -> Handler<(u32, u32)> {
    let page = q.number::<u32>("page").map_err(param_error)?.unwrap_or(0);
    let size = q.number::<u32>("size").map_err(param_error)?.unwrap_or(50);
    if size == 0 || size > 100 {
        return Err(param_error(format!("size en fazla 100 olabilir: {size}")));
    }
    Ok((page, size))
}

fn product_page<T: Clone>(all: &[T], page: u32, size: u32) -> ProductPage<T> {
    let (content, total_pages) = page_of(all, page, size);
    ProductPage {
        total_elements: Some(all.len() as u64),
        total_pages: Some(total_pages),
        page: Some(page),
        size: Some(size),
        next_page_token: None,
        content,
    }
}

async fn approved(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<ProductPage<ApprovedProduct>>> {
    let q = Params::parse(raw.as_deref());
    let (page, size) = paging(&q)?;
    let all = shared.lock().approved_products(product_filter(&q));
    Ok(axum::Json(product_page(&all, page, size)))
}

async fn inventory_and_price(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<ProductPage<InventoryAndPrice>>> {
    let q = Params::parse(raw.as_deref());
    let (page, size) = paging(&q)?;
    let all = shared.lock().inventory_and_prices(product_filter(&q));
    Ok(axum::Json(product_page(&all, page, size)))
}

async fn product_base(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, barcode)): Path<(String, String)>,
) -> Handler<axum::Json<ProductBase>> {
    let state = shared.lock();
    let p = state.products.get(&barcode).ok_or_else(|| {
        ApiError::product(
            StatusCode::NOT_FOUND,
            "product.not.found",
            format!("{barcode} barkodlu ürün bulunamadı."),
        )
    })?;
    Ok(axum::Json(ProductBase {
        barcode: p.barcode.clone(),
        approved: Some(true),
        approved_date: Some(p.created),
        archived: Some(p.archived),
        listing_id: Some(format!("{:x}", p.variant_id)),
        content_id: Some(p.content_id.into()),
    }))
}

async fn archive(
    AxState(shared): AxState<Arc<Shared>>,
    body: Bytes,
) -> Handler<axum::Json<BatchRequestId>> {
    let request: Items<ArchiveItem> = decode_body(&body, Shape::Product)?;
    if request.items.is_empty() || request.items.len() > 1000 {
        return Err(bad(
            "items.size",
            "Bir istekte 1 ile 1000 arasında ürün gönderilebilir.",
        ));
    }
    let count = request.items.len();
    let id = shared.lock().queue_batch(
        BatchRequestType::ProductArchiveUpdate,
        BatchPayload::Archive(request.items),
        count,
        shared.config.batch_delay,
    );
    Ok(axum::Json(BatchRequestId {
        batch_request_id: id,
    }))
}

/// content-bulk-update (§4.3, approved products by `contentId`): a batch; an unknown content
/// id is a per-item failure, otherwise title, description, images and attributes apply to
/// every variant of the content.
async fn content_update(
    AxState(shared): AxState<Arc<Shared>>,
    body: Bytes,
) -> Handler<axum::Json<BatchRequestId>> {
    let request: Items<ContentUpdateItem> = decode_body(&body, Shape::Product)?;
    if request.items.is_empty() || request.items.len() > 1000 {
        return Err(bad(
            "items.size",
            "Bir istekte 1 ile 1000 arasında ürün gönderilebilir.",
        ));
    }
    let count = request.items.len();
    let id = shared.lock().queue_batch(
        BatchRequestType::ApprovedProductContentUpdate,
        BatchPayload::Content(request.items),
        count,
        shared.config.batch_delay,
    );
    Ok(axum::Json(BatchRequestId {
        batch_request_id: id,
    }))
}

/// updatePriceAndInventory (§5): every item is recorded on arrival; values apply when the
/// batch is processed. An identical body within 15 minutes is refused.
async fn price_and_inventory(
    AxState(shared): AxState<Arc<Shared>>,
    body: Bytes,
) -> Handler<axum::Json<BatchRequestId>> {
    let request: Items<InventoryItem> = decode_body(&body, Shape::Product)?;
    if request.items.is_empty() || request.items.len() > MAX_ITEMS {
        return Err(bad(
            "items.size",
            format!("Bir istekte 1 ile {MAX_ITEMS} arasında ürün gönderilebilir."),
        ));
    }
    let canonical = serde_json::to_string(&request.items).unwrap_or_default();
    let mut state = shared.lock();
    if state.repeated_inventory_body(&canonical, Instant::now()) {
        return Err(bad(
            "duplicate.request",
            "15 dakika boyunca aynı isteği tekrarlı olarak atamazsınız!",
        ));
    }
    state.stock_items.extend(request.items.iter().cloned());
    let count = request.items.len();
    let id = state.queue_batch(
        BatchRequestType::ProductInventoryUpdate,
        BatchPayload::Inventory(request.items, Utc::now()),
        count,
        shared.config.batch_delay,
    );
    Ok(axum::Json(BatchRequestId {
        batch_request_id: id,
    }))
}
