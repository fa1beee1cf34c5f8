//! `order/getOrdersForApi(V2)` and the order item status flow.

use axum::body::Bytes;
use axum::response::Response;
use uuid::Uuid;

use super::{Sb, bad_request, decode, ok, ok_empty, page_of};
use crate::model::{
    BulkStatusUpdateRequest, Cargo, InvoiceLinkRequest, ItemStatusUpdate, Order, OrderItem,
    OrderItemStatus, OrderQuery, UpdateOrderStatusListRequest, UpdateOrderStatusRequest, can_move,
};
use crate::sandbox::seed::CARGO_COMPANY_ID;
use crate::sandbox::state::{State, sync_order_status};

/// Page size when the query sets none.
const DEFAULT_PAGE_SIZE: u32 = 10;

fn query_orders(state: &State, query: &OrderQuery) -> Result<Vec<Order>, Response> {
    if query.order_number.is_none() && (query.start_date.is_none() || query.end_date.is_none()) {
        return Err(bad_request(
            "orderNumber ya da startDate ve endDate alanları zorunludur.",
        ));
    }
    // The document's rules: start before end, at most one month, pages from 1.
    query
        .validate()
        .map_err(|e| bad_request(format!("Geçersiz sorgu: {e}")))?;
    let mut found: Vec<Order> = state
        .orders
        .iter()
        .filter(|o| query.order_number.is_none_or(|n| o.order_number == n))
        .filter(|o| match (query.start_date, query.end_date, o.order_date) {
            (Some(start), Some(end), Some(at)) => start <= at && at < end,
            (None, None, _) => true,
            _ => false,
        })
        .cloned()
        .collect();
    found.sort_by_key(|o| (o.order_date, o.order_number));
    Ok(page_of(
        &found,
        query.page_number.unwrap_or(1),
        query.page_size.unwrap_or(DEFAULT_PAGE_SIZE),
    ))
}

pub(crate) async fn list(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let query: OrderQuery = match decode(&body) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let state = shared.settled();
    match query_orders(&state, &query) {
        Ok(orders) => ok(orders),
        Err(r) => r,
    }
}

pub(crate) async fn list_split(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let query: OrderQuery = match decode(&body) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let state = shared.settled();
    match query_orders(&state, &query) {
        Ok(orders) => ok(orders.into_iter().map(split).collect::<Vec<_>>()),
        Err(r) => r,
    }
}

/// One item per unit, each with quantity 1; the first unit keeps the line's id, the
/// others get ids derived from it (a status update by any of them moves the line).
fn split(mut order: Order) -> Order {
    let mut items = Vec::new();
    for item in order.items {
        for unit in 0..item.quantity {
            let mut one = item.clone();
            one.quantity = 1;
            one.order_item_id = unit_id(item.order_item_id, unit);
            if let (Some(total), Some(sale)) = (one.total_price.as_mut(), item.sale_price.as_ref())
            {
                *total = sale.clone();
            }
            items.push(one);
        }
    }
    order.items = items;
    order
}

fn unit_id(line: Uuid, unit: u32) -> Uuid {
    if unit == 0 {
        line
    } else {
        Uuid::from_u128(line.as_u128() ^ (u128::from(unit) << 96))
    }
}

/// The line an item id (line id or split unit id) belongs to.
fn find_item(order: &mut Order, id: Uuid) -> Option<&mut OrderItem> {
    order
        .items
        .iter_mut()
        .find(|i| (0..i.quantity.max(1)).any(|u| unit_id(i.order_item_id, u) == id))
}

fn label(status: OrderItemStatus) -> String {
    let name = match status {
        OrderItemStatus::Received => "Siparişiniz Alındı",
        OrderItemStatus::Preparing => "Siparişiniz Hazırlanıyor",
        OrderItemStatus::Shipped => "Siparişiniz Kargoya Verildi",
        OrderItemStatus::AtStore => "Siparişiniz Mağazada",
        OrderItemStatus::AtDeliveryPoint => "Siparişiniz Teslimat Noktasında",
        OrderItemStatus::Delivered => "Teslim Edildi",
        OrderItemStatus::Undelivered => "Teslim Edilemedi",
        OrderItemStatus::Cancelled => "Siparişiniz İptal Edildi",
        OrderItemStatus::CancellationRequested => "İptal Süreci Başlatıldı",
        OrderItemStatus::Unsupplied => "Tedarik Edilemedi",
        OrderItemStatus::ReturnRequested => "İade Süreci Başlatıldı",
        OrderItemStatus::ReturnApproved => "İade Onaylandı",
        OrderItemStatus::ReturnRejected => "İade Reddedildi",
        OrderItemStatus::Returned => "İade Edildi",
        OrderItemStatus::Unknown(_) => "Bilinmeyen",
    };
    format!("{} ({name})", status.code())
}

/// Why `from → to` is refused, per the document's order flow.
fn refuse(from: OrderItemStatus, to: OrderItemStatus) -> Option<Response> {
    if !to.is_seller_target() {
        return Some(bad_request(format!(
            "{} statüsü satıcı tarafından verilemez.",
            label(to)
        )));
    }
    if can_move(from, to) {
        return None;
    }
    let hint = if from == OrderItemStatus::Received {
        " Önce 12 (Siparişiniz Hazırlanıyor) statüsüne alınmalıdır."
    } else {
        ""
    };
    Some(bad_request(format!(
        "Sipariş kalemi {} statüsünden {} statüsüne güncellenemez.{hint}",
        label(from),
        label(to)
    )))
}

struct Shipment<'a> {
    status: OrderItemStatus,
    cargo_company_id: Option<Uuid>,
    tracking_number: Option<&'a str>,
    tracking_url: Option<&'a str>,
}

impl<'a> From<&'a ItemStatusUpdate> for Shipment<'a> {
    fn from(u: &'a ItemStatusUpdate) -> Self {
        Shipment {
            status: u.status,
            cargo_company_id: u.cargo_company_id,
            tracking_number: u.shipping_tracking_number.as_deref(),
            tracking_url: u.tracking_url.as_deref(),
        }
    }
}

fn check_shipment(s: &Shipment<'_>) -> Option<Response> {
    if s.status == OrderItemStatus::Shipped
        && (s.tracking_number.is_none_or(|t| t.trim().is_empty())
            || s.cargo_company_id.is_none_or(|c| c.is_nil()))
    {
        return Some(bad_request(
            "5 (Kargoya Verildi) için shippingTrackingNumber ve cargoCompanyId zorunludur.",
        ));
    }
    None
}

fn apply(item: &mut OrderItem, s: &Shipment<'_>) {
    item.order_item_status = s.status;
    if s.status == OrderItemStatus::Shipped {
        let company = match s.cargo_company_id {
            Some(id) if id == CARGO_COMPANY_ID => "Yurtiçi Kargo".to_owned(),
            _ => "Kargo".to_owned(),
        };
        item.cargo = Some(Cargo {
            company_name: Some(company),
            tracking_number: s.tracking_number.map(marketplace_core::codec::Id::from),
            tracking_url: s.tracking_url.map(str::to_owned),
        });
    }
}

/// Move `ids` (every item when `None`) of order `number`, all or nothing.
fn move_items(state: &mut State, number: u64, ids: Option<&[Uuid]>, s: &Shipment<'_>) -> Response {
    if let Some(r) = check_shipment(s) {
        return r;
    }
    let Some(order) = state.order_mut(number) else {
        return bad_request(format!("{number} numaralı sipariş bulunamadı."));
    };
    let targets: Vec<Uuid> = match ids {
        Some(ids) => ids.to_vec(),
        None => order.items.iter().map(|i| i.order_item_id).collect(),
    };
    for id in &targets {
        let Some(item) = find_item(order, *id) else {
            return bad_request(format!(
                "{id} sipariş kalemi {number} siparişinde bulunamadı."
            ));
        };
        if let Some(r) = refuse(item.order_item_status, s.status) {
            return r;
        }
    }
    for id in &targets {
        if let Some(item) = find_item(order, *id) {
            apply(item, s);
        }
    }
    sync_order_status(order);
    ok_empty()
}

pub(crate) async fn update_status(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: UpdateOrderStatusRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let mut state = shared.settled();
    move_items(
        &mut state,
        request.order_number,
        Some(&[request.item.order_item_id]),
        &Shipment::from(&request.item),
    )
}

pub(crate) async fn update_status_list(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: UpdateOrderStatusListRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let mut state = shared.settled();
    let shipment = Shipment {
        status: request.status,
        cargo_company_id: None,
        tracking_number: None,
        tracking_url: None,
    };
    if request.status == OrderItemStatus::Shipped {
        return bad_request(
            "Toplu güncelleme kargo bilgisi taşımaz; 5 için updateOrderStatus ya da bulk-status-update kullanın.",
        );
    }
    move_items(&mut state, request.order_number, None, &shipment)
}

pub(crate) async fn bulk_status_update(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: BulkStatusUpdateRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.order_item_ids.is_empty() {
        return bad_request("orderItemIds boş olamaz.");
    }
    let dto = &request.update_shipment_dto;
    let shipment = Shipment {
        status: dto.status,
        cargo_company_id: dto.cargo_company_id,
        tracking_number: dto.shipping_tracking_number.as_deref(),
        tracking_url: dto.tracking_url.as_deref(),
    };
    let mut state = shared.settled();
    move_items(
        &mut state,
        request.order_number,
        Some(&request.order_item_ids),
        &shipment,
    )
}

pub(crate) async fn invoice_link(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: InvoiceLinkRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let state = shared.settled();
    if state.orders.iter().any(|o| o.order_id == request.order_id) {
        ok_empty()
    } else {
        bad_request(format!("{} siparişi bulunamadı.", request.order_id))
    }
}
