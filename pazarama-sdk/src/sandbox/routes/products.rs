//! Product create + batch result, price/stock queues and listing states, product reads.

use std::collections::HashMap;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::response::Response;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Sb, bad_request, decode, num_param, ok, ok_with, page_of, param};
use crate::model::{
    BatchErrors, CreateProductsRequest, CreateProductsResult, ListingOperationStatus, ListingState,
    PriceOutcome, PriceUpdateRequest, ProductBatchResult, ProductBatchStatus, ProductState,
    StockOutcome, StockUpdateRequest,
};
use crate::sandbox::state::{ListingBatch, ListingItem, ProductBatch};

const QUEUED: &str = "Fiyat/Stok güncelleme işleminiz sıraya alındı.";

pub(crate) async fn create(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: CreateProductsRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.products.is_empty() {
        return bad_request("En az bir ürün gönderilmelidir.");
    }
    let mut state = shared.settled();
    let mut earlier: Vec<String> = Vec::new();
    let mut items = Vec::new();
    for product in request.products {
        let refs: Vec<&str> = earlier.iter().map(String::as_str).collect();
        let reason = state.product_failure(&product, &refs);
        earlier.push(product.code.trim().to_owned());
        items.push((product, reason));
    }
    let id = Uuid::new_v4();
    let created_at = Utc::now();
    state.product_batches.insert(
        id,
        ProductBatch {
            received: Instant::now(),
            created_at,
            items,
            done: false,
        },
    );
    ok_with(
        CreateProductsResult {
            batch_request_id: id,
            creation_date: Some(created_at),
            error: Some(BatchErrors::default()),
        },
        Some("Ürününüz onaya gönderildi."),
    )
}

pub(crate) async fn batch_result(
    axum::extract::State(shared): Sb,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(text) = param(&query, "BatchRequestId").map(str::trim) else {
        return bad_request("BatchRequestId zorunludur.");
    };
    let Ok(id) = Uuid::parse_str(text) else {
        return bad_request(format!("{text} için işlem bulunamadı."));
    };
    let state = shared.settled();
    let Some(batch) = state.product_batches.get(&id) else {
        return bad_request(format!("{id} için işlem bulunamadı."));
    };
    let total = u32::try_from(batch.items.len()).unwrap_or(u32::MAX);
    let failed = batch.items.iter().filter(|(_, r)| r.is_some()).count();
    let result = if batch.done {
        ProductBatchResult {
            status: ProductBatchStatus::Done,
            batch_request_id: Some(id),
            batch_result: batch.results(),
            failed_products: Vec::new(),
            total_count: Some(total),
            failed_count: Some(u32::try_from(failed).unwrap_or(u32::MAX)),
            creation_date: Some(batch.created_at),
        }
    } else {
        ProductBatchResult {
            status: ProductBatchStatus::InProgress,
            batch_request_id: Some(id),
            batch_result: Vec::new(),
            failed_products: Vec::new(),
            total_count: Some(total),
            failed_count: Some(0),
            creation_date: Some(batch.created_at),
        }
    };
    ok(result)
}

fn queue(shared: &crate::sandbox::state::Shared, items: Vec<ListingItem>) -> Response {
    let id = Uuid::new_v4();
    let mut state = shared.settled();
    state.listing_log.extend(items.iter().cloned());
    let ref_ids = items.iter().map(|_| Uuid::new_v4()).collect();
    state.listing_batches.insert(
        id,
        ListingBatch {
            received: Instant::now(),
            ref_ids,
            items,
            outcomes: None,
        },
    );
    ok_with(id, Some(QUEUED))
}

pub(crate) async fn update_prices(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: PriceUpdateRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.items.is_empty() {
        return bad_request("items boş olamaz.");
    }
    queue(
        &shared,
        request.items.into_iter().map(ListingItem::Price).collect(),
    )
}

pub(crate) async fn update_stock(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: StockUpdateRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.items.is_empty() {
        return bad_request("items boş olamaz.");
    }
    queue(
        &shared,
        request.items.into_iter().map(ListingItem::Stock).collect(),
    )
}

/// `data` of the listing-state answer: the results and the counters (the document's
/// second shape).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListingSummary {
    data: Vec<ListingState>,
    success_count: usize,
    not_completed_count: usize,
    failed_count: usize,
    processing_count: usize,
    total_count: usize,
    page_index: u32,
    page_size: u32,
    total_pages: u32,
    has_next_page: bool,
}

pub(crate) async fn listing_states(
    axum::extract::State(shared): Sb,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let page = match num_param(&query, "page", 1) {
        Ok(p) => p.max(1),
        Err(r) => return r,
    };
    let size = match num_param(&query, "pageSize", 3000) {
        Ok(s) => s.max(1),
        Err(r) => return r,
    };
    let Ok(batch_id) = Uuid::parse_str(id.trim()) else {
        return bad_request(format!("{id} için işlem bulunamadı."));
    };
    let state = shared.settled();
    let Some(batch) = state.listing_batches.get(&batch_id) else {
        return bad_request(format!("{id} için işlem bulunamadı."));
    };
    let states: Vec<ListingState> = batch
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let outcome = batch.outcomes.as_ref().and_then(|o| o.get(i));
            let (status, detail, text) = match outcome {
                None => (
                    ListingOperationStatus::Processing,
                    String::new(),
                    "İşleniyor",
                ),
                Some(None) => (
                    ListingOperationStatus::Succeeded,
                    "Başarılı".to_owned(),
                    "Başarılı",
                ),
                Some(Some(reason)) => (
                    ListingOperationStatus::NotCompleted,
                    reason.clone(),
                    "Tamamlanamadı",
                ),
            };
            let (price, stock) = match item {
                ListingItem::Price(p) => (
                    Some(PriceOutcome {
                        status,
                        operation_detail: Some(detail),
                        sale_price: Some(p.sale_price),
                        list_price: Some(p.list_price),
                    }),
                    None,
                ),
                ListingItem::Stock(s) => (
                    None,
                    Some(StockOutcome {
                        status,
                        operation_detail: Some(detail),
                        count: Some(i64::from(s.stock_count)),
                    }),
                ),
            };
            ListingState {
                id: batch.ref_ids.get(i).copied(),
                seller_id: Some(state.seller_id),
                batch_id: Some(batch_id),
                ref_id: batch.ref_ids.get(i).copied(),
                code: item.code().to_owned(),
                price,
                stock,
                operation_source_text: Some("MerchantApi".to_owned()),
                operation_status_text: Some(text.to_owned()),
            }
        })
        .collect();
    let count = |wanted: ListingOperationStatus| {
        states
            .iter()
            .filter(|s| {
                s.price
                    .as_ref()
                    .map(|p| p.status)
                    .or(s.stock.as_ref().map(|s| s.status))
                    == Some(wanted)
            })
            .count()
    };
    let total = states.len();
    let total_pages =
        u32::try_from(total.div_ceil(usize::try_from(size).unwrap_or(1))).unwrap_or(u32::MAX);
    let summary = ListingSummary {
        success_count: count(ListingOperationStatus::Succeeded),
        not_completed_count: count(ListingOperationStatus::NotCompleted),
        failed_count: count(ListingOperationStatus::Failed),
        processing_count: count(ListingOperationStatus::Processing),
        total_count: total,
        page_index: page,
        page_size: size,
        total_pages,
        has_next_page: page < total_pages,
        data: page_of(&states, page, size),
    };
    ok(summary)
}

pub(crate) async fn list(
    axum::extract::State(shared): Sb,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let approved = match param(&query, "Approved").map(str::trim) {
        None | Some("") => None,
        Some(v) if v.eq_ignore_ascii_case("true") => Some(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Some(false),
        Some(v) => return bad_request(format!("Approved true ya da false olmalıdır: {v}")),
    };
    let page = match num_param(&query, "Page", 1) {
        Ok(p) => p.max(1),
        Err(r) => return r,
    };
    let size = match num_param(&query, "Size", 10) {
        Ok(s) => s.max(1),
        Err(r) => return r,
    };
    let code = param(&query, "Code")
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let state = shared.settled();
    let found: Vec<_> = state
        .products
        .iter()
        .filter(|p| approved.is_none_or(|a| (p.state == ProductState::Approved) == a))
        .filter(|p| code.is_none_or(|c| p.product.code == c))
        .map(crate::sandbox::state::ProductRec::summary)
        .collect();
    ok(page_of(&found, page, size))
}

#[derive(Deserialize)]
struct DetailRequest {
    #[serde(rename = "Code", alias = "code")]
    code: String,
}

pub(crate) async fn detail(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: DetailRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let state = shared.settled();
    match state.product(&request.code) {
        Some(p) => ok(p.detail()),
        None => bad_request(format!("{} barkodlu ürün bulunamadı.", request.code.trim())),
    }
}
