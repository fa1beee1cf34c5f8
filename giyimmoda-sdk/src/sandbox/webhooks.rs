//! `webhooks…` (subscriptions) and the deliveries: `{event, timestamp, data}` signed with
//! `X-Webhook-Signature` (HMAC-SHA256 hex of the body, keyed with the subscription's
//! secret), re-delivered until a 2xx or the attempt cap.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use chrono::{SecondsFormat, Utc};
use serde::Serialize;
use serde_json::Value;

use super::Shared;
use super::http::{self, ApiError, ApiResult, FieldErrors};
use super::state::Delivery;
use crate::model::{NewWebhook, Order, Stock, Webhook, WebhookEvent, WebhookUpdate};
use crate::webhook::{OrderEventData, SIGNATURE_HEADER, StockEventData};

/// `GET webhooks`: the seller's subscriptions (not paged).
pub(crate) async fn list(State(shared): State<Arc<Shared>>) -> ApiResult {
    let items: Vec<Webhook> = shared.lock().webhooks.values().cloned().collect();
    http::list(items, None)
}

fn check_event(errors: &mut FieldErrors, value: Option<&Value>, required: bool) {
    match value {
        None | Some(Value::Null) if required => errors.add("event_type", "The event type field is required."),
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if !matches!(WebhookEvent::from(s.as_str()), WebhookEvent::Other(_)) => {}
        Some(_) => errors.add(
            "event_type",
            "The selected event type is invalid. Use order.created, order.updated, order.cancelled or stock.updated.",
        ),
    }
}

fn check_url(errors: &mut FieldErrors, value: Option<&Value>, required: bool) {
    match value {
        None | Some(Value::Null) if required => errors.add("url", "The url field is required."),
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => {
            let ok = url::Url::parse(s)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
            if !ok {
                errors.add("url", "The url field must be a valid URL.");
            }
        }
        Some(_) => errors.add("url", "The url field must be a valid URL."),
    }
}

fn check_secret(errors: &mut FieldErrors, value: Option<&Value>) {
    match value {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 255 => {}
        Some(_) => errors.add(
            "secret",
            "The secret field must be a non-empty string of at most 255 characters.",
        ),
    }
}

/// `POST webhooks` with `{event_type, url, secret?}`; the secret is generated when absent
/// and returned either way.
pub(crate) async fn create(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let obj = http::json_object(&body)?;
    let mut errors = FieldErrors::default();
    check_event(&mut errors, obj.get("event_type"), true);
    check_url(&mut errors, obj.get("url"), true);
    check_secret(&mut errors, obj.get("secret"));
    errors.check()?;
    let new: NewWebhook = serde_json::from_value(Value::Object(obj))
        .map_err(|e| ApiError::unprocessable(format!("The webhook is invalid: {e}")))?;
    let webhook = {
        let mut state = shared.lock();
        let id = state.next();
        let secret = new.secret.unwrap_or_else(|| {
            let salt = state.token_salt;
            format!("whsec_{:016x}{:08x}", salt.rotate_left(17) ^ id, id)
        });
        let now = Utc::now();
        let webhook = Webhook {
            id,
            event_type: new.event_type,
            url: Some(new.url),
            secret: Some(secret),
            is_active: Some(true),
            created_at: Some(now),
            updated_at: Some(now),
        };
        state.webhooks.insert(id, webhook.clone());
        webhook
    };
    http::ok(Some("Webhook oluşturuldu"), webhook)
}

/// `PUT webhooks/{id}`: the fields sent replace the stored ones.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Webhook")?;
    let obj = http::json_object(&body)?;
    let mut errors = FieldErrors::default();
    check_event(&mut errors, obj.get("event_type"), false);
    check_url(&mut errors, obj.get("url"), false);
    check_secret(&mut errors, obj.get("secret"));
    errors.check()?;
    let update: WebhookUpdate = serde_json::from_value(Value::Object(obj))
        .map_err(|e| ApiError::unprocessable(format!("The webhook is invalid: {e}")))?;
    let webhook = {
        let mut state = shared.lock();
        let hook = state
            .webhooks
            .get_mut(&id)
            .ok_or_else(|| ApiError::not_found("Webhook"))?;
        if update.event_type.is_some() {
            hook.event_type = update.event_type;
        }
        if update.url.is_some() {
            hook.url = update.url;
        }
        if update.secret.is_some() {
            hook.secret = update.secret;
        }
        if update.is_active.is_some() {
            hook.is_active = update.is_active;
        }
        hook.updated_at = Some(Utc::now());
        hook.clone()
    };
    http::ok(Some("Webhook güncellendi"), webhook)
}

/// `DELETE webhooks/{id}`.
pub(crate) async fn delete(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Webhook")?;
    if shared.lock().webhooks.remove(&id).is_none() {
        return Err(ApiError::not_found("Webhook"));
    }
    http::ok(Some("Webhook silindi"), Value::Null)
}

#[derive(Serialize)]
struct Payload<'a, T> {
    event: &'a WebhookEvent,
    timestamp: String,
    data: T,
}

/// Deliver `event` about `order` to every active subscription for it.
pub(crate) fn fire_order(shared: &Arc<Shared>, event: &WebhookEvent, order: &Order) {
    let data = OrderEventData {
        order_id: Some(order.id),
        code: order.code.clone(),
        grand_total: order.grand_total,
        delivery_status: order.delivery_status.clone(),
        payment_status: order.payment_status.clone(),
    };
    fire(shared, event, data);
}

/// Deliver `stock.updated` for `stock` to every active subscription for it.
pub(crate) fn fire_stock(shared: &Arc<Shared>, stock: &Stock) {
    let data = StockEventData {
        product_id: stock.product_id,
        stock_id: Some(stock.id),
        variant: stock.variant.clone(),
        sku: stock.sku.clone(),
        qty: stock.qty,
    };
    fire(shared, &WebhookEvent::StockUpdated, data);
}

fn fire<T: Serialize>(shared: &Arc<Shared>, event: &WebhookEvent, data: T) {
    let targets: Vec<(u64, String, String)> = shared
        .lock()
        .webhooks
        .values()
        .filter(|w| w.is_active != Some(false) && w.event_type.as_ref() == Some(event))
        .filter_map(|w| Some((w.id, w.url.clone()?, w.secret.clone().unwrap_or_default())))
        .collect();
    if targets.is_empty() {
        return;
    }
    let payload = Payload {
        event,
        // Milliseconds keep two events about one order in the same second apart (the
        // receiver de-duplicates by event, order and timestamp).
        timestamp: Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        data,
    };
    let Ok(body) = serde_json::to_string(&payload) else {
        return;
    };
    for (webhook_id, url, secret) in targets {
        let task = shared.runtime.spawn(deliver(
            Arc::clone(shared),
            webhook_id,
            event.clone(),
            url,
            secret,
            body.clone(),
        ));
        shared.track(task.abort_handle());
    }
}

/// POST `body` until the receiver answers 2xx, every `webhook_retry_interval`, at most
/// `webhook_max_attempts` times; every attempt is recorded.
async fn deliver(
    shared: Arc<Shared>,
    webhook_id: u64,
    event: WebhookEvent,
    url: String,
    secret: String,
    body: String,
) {
    let signature =
        marketplace_core::webhook::sign_hmac_sha256_hex(secret.as_bytes(), body.as_bytes());
    let max = shared.config.webhook_max_attempts.max(1);
    for attempt in 1..=max {
        let sent = shared
            .http
            .post(&url)
            .header("content-type", "application/json")
            .header("user-agent", "GiyimModa-Webhook/1.0")
            .header("x-webhook-event", event.as_str())
            .header(SIGNATURE_HEADER, &signature)
            .body(body.clone())
            .send()
            .await;
        let (status, error) = match sent {
            Ok(response) => (Some(response.status().as_u16()), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let delivery = Delivery {
            webhook_id,
            event: event.clone(),
            url: url.clone(),
            attempt,
            status,
            error,
            body: body.clone(),
            signature: signature.clone(),
            at: Utc::now(),
        };
        let done = delivery.succeeded();
        shared.lock().deliveries.push(delivery);
        if done {
            return;
        }
        if attempt < max {
            tokio::time::sleep(shared.config.webhook_retry_interval).await;
        }
    }
}
