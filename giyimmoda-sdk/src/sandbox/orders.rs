//! `orders…`: list, get, create, delivery status moves, cancel, invoice upload.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use chrono::NaiveDate;
use marketplace_core::codec::datetime::ISTANBUL;
use serde_json::Value;

use super::Shared;
use super::http::{self, ApiError, ApiResult, FieldErrors, Params};
use super::seed;
use super::state::State as Data;
use crate::model::{
    DeliveryStatus, InvoiceUpload, NewOrder, Order, OrderStatusUpdate, PaymentStatus, PaymentType,
    WebhookEvent,
};

/// Position on the delivery chain; `None` for `cancelled` and unknown values.
fn rank(status: &DeliveryStatus) -> Option<u8> {
    Some(match status {
        DeliveryStatus::Pending => 0,
        DeliveryStatus::Confirmed => 1,
        DeliveryStatus::PickedUp => 2,
        DeliveryStatus::OnTheWay => 3,
        DeliveryStatus::Delivered => 4,
        _ => return None,
    })
}

/// The sandbox's delivery rules: forward only along
/// `pending → confirmed → picked_up → on_the_way → delivered` (steps may be skipped);
/// `cancelled` only from `pending` or `confirmed`; `delivered` and `cancelled` are final.
pub(crate) fn can_move(from: &DeliveryStatus, to: &DeliveryStatus) -> bool {
    match (rank(from), to) {
        (Some(a), DeliveryStatus::Cancelled) => a <= 1,
        (Some(a), to) => rank(to).is_some_and(|b| b > a),
        (None, _) => false,
    }
}

/// Put `status` on the order and every line.
pub(crate) fn set_status(order: &mut Order, status: DeliveryStatus) {
    for line in &mut order.order_details {
        line.delivery_status = Some(status.clone());
    }
    order.delivery_status = Some(status);
}

/// A cancelled order's quantities go back into stock.
fn restore_stock(state: &mut Data, order: &Order) {
    for line in &order.order_details {
        let (Some(pid), Some(qty)) = (line.product_id, line.quantity) else {
            continue;
        };
        if let Some(rec) = state.products.get_mut(&pid) {
            let now = rec.product.current_stock.unwrap_or(0);
            rec.product.current_stock = Some(now + i64::from(qty));
        }
    }
}

fn date_param(params: &Params, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    match params.get(name).map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::field(
                    name,
                    format!(
                        "The {} field must match the format Y-m-d.",
                        name.replace('_', " ")
                    ),
                )
            }),
    }
}

/// `GET orders`: `status`, `payment_status`, `date_from` / `date_to` (Istanbul dates,
/// inclusive), `search` (code or customer name), paging; newest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let text = |name: &str| {
        params
            .get(name)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let status = text("status").map(DeliveryStatus::from);
    if let Some(DeliveryStatus::Other(_)) = status {
        return Err(ApiError::field("status", "The selected status is invalid."));
    }
    let payment = text("payment_status").map(PaymentStatus::from);
    if let Some(PaymentStatus::Other(_)) = payment {
        return Err(ApiError::field(
            "payment_status",
            "The selected payment status is invalid.",
        ));
    }
    let from = date_param(&params, "date_from")?;
    let to = date_param(&params, "date_to")?;
    let search = text("search").map(|s| s.to_lowercase());
    let mut items: Vec<Order> = {
        let state = shared.lock();
        state
            .orders
            .values()
            .filter(|o| status.is_none() || o.delivery_status == status)
            .filter(|o| payment.is_none() || o.payment_status == payment)
            .filter(|o| {
                let day = o.date.map(|d| d.with_timezone(&ISTANBUL).date_naive());
                from.is_none_or(|f| day.is_some_and(|d| d >= f))
                    && to.is_none_or(|t| day.is_some_and(|d| d <= t))
            })
            .filter(|o| {
                search.as_ref().is_none_or(|s| {
                    o.code
                        .as_deref()
                        .is_some_and(|c| c.to_lowercase().contains(s))
                        || o.customer
                            .as_ref()
                            .and_then(|c| c.name.as_deref())
                            .is_some_and(|n| n.to_lowercase().contains(s))
                })
            })
            .cloned()
            .collect()
    };
    items.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET orders/{id}`.
pub(crate) async fn get(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Sipariş")?;
    let order = shared.lock().orders.get(&id).cloned();
    http::ok(None, order.ok_or_else(|| ApiError::not_found("Sipariş"))?)
}

fn check_new_order(obj: &serde_json::Map<String, Value>, data: &Data) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let customer = obj.get("customer").and_then(Value::as_object);
    for field in [
        "name",
        "email",
        "phone",
        "address",
        "city",
        "country",
        "postal_code",
    ] {
        let value = customer.and_then(|c| c.get(field)).and_then(Value::as_str);
        if value.is_none_or(|v| v.trim().is_empty()) {
            errors.add(
                format!("customer.{field}"),
                format!("The customer.{field} field is required."),
            );
        } else if field == "email" && !value.is_some_and(|v| v.contains('@')) {
            errors.add(
                "customer.email",
                "The customer.email field must be a valid email address.",
            );
        }
    }
    if let Some(tc) = customer
        .and_then(|c| c.get("tc_identity_number"))
        .and_then(Value::as_str)
    {
        if tc.chars().count() != 11 {
            errors.add(
                "customer.tc_identity_number",
                "The customer.tc identity number field must be 11 characters.",
            );
        }
    }
    match obj.get("items").and_then(Value::as_array) {
        Some(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                let pid = item.get("product_id").and_then(Value::as_u64);
                let qty = item.get("quantity").and_then(Value::as_i64);
                match pid.and_then(|p| data.products.get(&p)) {
                    None => errors.add(
                        format!("items.{i}.product_id"),
                        format!("The selected items.{i}.product_id is invalid."),
                    ),
                    Some(rec) => {
                        if let Some(q) = qty.filter(|q| *q >= 1) {
                            if rec.product.current_stock.unwrap_or(0) < q {
                                errors.add(
                                    format!("items.{i}.quantity"),
                                    format!(
                                        "Yetersiz stok: {} için en fazla {} adet sipariş verilebilir.",
                                        rec.product.name.as_deref().unwrap_or("ürün"),
                                        rec.product.current_stock.unwrap_or(0)
                                    ),
                                );
                            }
                        }
                    }
                }
                if qty.is_none_or(|q| q < 1) {
                    errors.add(
                        format!("items.{i}.quantity"),
                        format!("The items.{i}.quantity field must be at least 1."),
                    );
                }
            }
        }
        _ => errors.add("items", "The items field is required."),
    }
    let payment = obj
        .get("payment_type")
        .and_then(Value::as_str)
        .map(PaymentType::from);
    match payment {
        None => errors.add("payment_type", "The payment type field is required."),
        Some(PaymentType::Other(_)) => {
            errors.add("payment_type", "The selected payment type is invalid.");
        }
        Some(_) => {}
    }
    errors
}

/// `POST orders`: validated, stock deducted, `order.created` fired.
pub(crate) async fn create(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let obj = http::json_object(&body)?;
    let (order, stocks) = {
        let mut state = shared.lock();
        check_new_order(&obj, &state).check()?;
        let new: NewOrder = serde_json::from_value(Value::Object(obj))
            .map_err(|e| ApiError::unprocessable(format!("The order is invalid: {e}")))?;
        let status = DeliveryStatus::Pending;
        let mut lines = Vec::new();
        let mut stocks = Vec::new();
        for item in &new.items {
            let mut line = seed::order_line(&mut state, item.product_id, item.quantity, &status);
            line.variation = Some(item.variation.clone().unwrap_or_default());
            lines.push(line);
            if let Some(rec) = state.products.get_mut(&item.product_id) {
                let left = rec.product.current_stock.unwrap_or(0) - i64::from(item.quantity);
                rec.product.current_stock = Some(left);
                stocks.push(rec.stock());
            }
        }
        let c = &new.customer;
        let customer_id = state.next();
        let address = serde_json::json!({
            "name": c.name, "email": c.email, "phone": c.phone, "address": c.address,
            "city": c.city, "country": c.country, "postal_code": c.postal_code,
            "tc_identity_number": c.tc_identity_number,
        });
        let id = seed::insert_order(
            &mut state,
            chrono::Utc::now(),
            (customer_id, &c.name, &c.email, &c.phone),
            address,
            new.payment_type.clone(),
            status,
            lines,
        );
        if let Some(order) = state.orders.get_mut(&id) {
            order.additional_info = new.additional_info.clone();
        }
        (state.orders.get(&id).cloned(), stocks)
    };
    let order = order.ok_or_else(|| ApiError::not_found("Sipariş"))?;
    super::webhooks::fire_order(&shared, &WebhookEvent::OrderCreated, &order);
    for stock in &stocks {
        super::webhooks::fire_stock(&shared, stock);
    }
    http::ok(Some("Sipariş başarıyla oluşturuldu"), order)
}

fn illegal(from: &DeliveryStatus, to: &DeliveryStatus) -> ApiError {
    ApiError::field(
        "delivery_status",
        format!("Sipariş durumu '{from}' durumundan '{to}' durumuna değiştirilemez."),
    )
}

/// Move the order to `to` under the rules; the updated order, or the 422/404.
fn move_order(
    shared: &Shared,
    id: u64,
    to: &DeliveryStatus,
    tracking: Option<String>,
) -> Result<Order, ApiError> {
    let mut state = shared.lock();
    let order = state
        .orders
        .get(&id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("Sipariş"))?;
    let from = order
        .delivery_status
        .clone()
        .unwrap_or(DeliveryStatus::Pending);
    if !can_move(&from, to) {
        return Err(illegal(&from, to));
    }
    if *to == DeliveryStatus::Cancelled {
        restore_stock(&mut state, &order);
    }
    let order = state
        .orders
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found("Sipariş"))?;
    set_status(order, to.clone());
    if *to == DeliveryStatus::Delivered && order.payment_type == Some(PaymentType::CashOnDelivery) {
        order.payment_status = Some(PaymentStatus::Paid);
    }
    if tracking.is_some() {
        order.tracking_code = tracking;
    }
    Ok(order.clone())
}

/// `PUT orders/{id}/status` with `{delivery_status, tracking_code?}`; fires
/// `order.updated` (or `order.cancelled`).
pub(crate) async fn update_status(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Sipariş")?;
    let obj = http::json_object(&body)?;
    match obj.get("delivery_status").and_then(Value::as_str) {
        None => {
            return Err(ApiError::field(
                "delivery_status",
                "The delivery status field is required.",
            ));
        }
        Some(s) if matches!(DeliveryStatus::from(s), DeliveryStatus::Other(_)) => {
            return Err(ApiError::field(
                "delivery_status",
                "The selected delivery status is invalid.",
            ));
        }
        Some(_) => {}
    }
    let update: OrderStatusUpdate = serde_json::from_value(Value::Object(obj))
        .map_err(|e| ApiError::unprocessable(format!("The request is invalid: {e}")))?;
    let to = update.delivery_status;
    let order = move_order(
        &shared,
        id,
        &to,
        update.tracking_code.filter(|t| !t.trim().is_empty()),
    )?;
    let event = if to == DeliveryStatus::Cancelled {
        WebhookEvent::OrderCancelled
    } else {
        WebhookEvent::OrderUpdated
    };
    super::webhooks::fire_order(&shared, &event, &order);
    http::ok(Some("Sipariş durumu güncellendi"), order)
}

/// `POST orders/{id}/cancel`: stock goes back, `order.cancelled` fired.
pub(crate) async fn cancel(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Sipariş")?;
    let order = move_order(&shared, id, &DeliveryStatus::Cancelled, None)?;
    super::webhooks::fire_order(&shared, &WebhookEvent::OrderCancelled, &order);
    http::ok(Some("Sipariş iptal edildi"), order)
}

/// `POST orders/{id}/upload-invoice` (multipart, field `invoice_file`).
pub(crate) async fn upload_invoice(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Sipariş")?;
    let multipart = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let has_file = body
        .windows(b"name=\"invoice_file\"".len())
        .any(|w| w == b"name=\"invoice_file\"");
    if !multipart || !has_file {
        return Err(ApiError::field(
            "invoice_file",
            "The invoice file field is required.",
        ));
    }
    let upload = {
        let mut state = shared.lock();
        if !state.orders.contains_key(&id) {
            return Err(ApiError::not_found("Sipariş"));
        }
        let file_id = state.next();
        let url =
            format!("https://www.giyimmoda.com.tr/storage/uploads/all/invoice-{id}-{file_id}.pdf");
        if let Some(order) = state.orders.get_mut(&id) {
            order.invoice_url = Some(url.clone());
        }
        InvoiceUpload {
            order_id: Some(id),
            invoice_file_id: Some(file_id),
            invoice_url: Some(url),
        }
    };
    http::ok(Some("Invoice uploaded successfully"), upload)
}
