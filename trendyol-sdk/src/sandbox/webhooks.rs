//! Webhooks (§3): subscriptions through the SDK's own endpoints, and deliveries of
//! package changes with the registered auth, re-delivered until a 2xx.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State as AxState};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, put};
use chrono::Utc;
use serde::Deserialize;

use crate::model::orders::{ShipmentPackage, ShipmentPackagesPage};
use crate::model::webhooks::{
    CreateWebhookResponse, Webhook, WebhookAuthType, WebhookEventStatus, WebhookState,
};

use super::state::{HookAuth, HookEntry, MAX_WEBHOOKS};
use super::{ApiError, Delivery, Shape, Shared, decode_body, plain_ok};

const BASE: &str = "/integration/webhook/sellers/{sellerId}/webhooks";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(BASE, get(list).post(create))
        .route(&format!("{BASE}/{{id}}"), put(update).delete(delete))
        .route(&format!("{BASE}/{{id}}/activate"), put(activate))
        .route(&format!("{BASE}/{{id}}/deactivate"), put(deactivate))
}

/// The create/update body. The crate's `WebhookRequest` only serializes (it holds
/// secrets), so the sandbox reads the same wire shape with the crate's enums.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WebhookBody {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    authentication_type: Option<WebhookAuthType>,
    #[serde(default)]
    api_key: Option<String>,
    #[serde(default)]
    subscribed_statuses: Option<Vec<WebhookEventStatus>>,
}

type Handler<T> = Result<T, ApiError>;

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_order(message)
}

/// Trendyol's documented checks of a create/update body.
fn validate(body: WebhookBody) -> Handler<(String, HookAuth, Vec<WebhookEventStatus>)> {
    let url = body
        .url
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| bad("url zorunludur."))?;
    let lower = url.to_lowercase();
    if let Some(word) = ["trendyol", "dolap", "localhost"]
        .iter()
        .find(|w| lower.contains(*w))
    {
        return Err(bad(format!(
            "Webhook url'i \"{word}\" ibaresi içermemelidir."
        )));
    }
    match url::Url::parse(&url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
        _ => return Err(bad(format!("Geçersiz url: {url}"))),
    }
    let filled = |s: &Option<String>| s.as_ref().is_some_and(|s| !s.trim().is_empty());
    let auth = match body.authentication_type {
        Some(WebhookAuthType::BasicAuthentication) => {
            if !filled(&body.username) || !filled(&body.password) {
                return Err(bad(
                    "BASIC_AUTHENTICATION için username ve password zorunludur.",
                ));
            }
            HookAuth::Basic {
                username: body.username.unwrap_or_default(),
                password: body.password.unwrap_or_default(),
            }
        }
        Some(WebhookAuthType::ApiKey) => {
            if !filled(&body.api_key) {
                return Err(bad("API_KEY için apiKey zorunludur."));
            }
            HookAuth::ApiKey(body.api_key.unwrap_or_default())
        }
        _ => {
            return Err(bad(
                "authenticationType BASIC_AUTHENTICATION veya API_KEY olmalıdır.",
            ));
        }
    };
    let statuses = body.subscribed_statuses.unwrap_or_default();
    if let Some(bad_status) = statuses
        .iter()
        .find(|s| matches!(s, WebhookEventStatus::Other(_)))
    {
        return Err(bad(format!("Geçersiz statü: {bad_status}")));
    }
    Ok((url, auth, statuses))
}

fn auth_type(auth: &HookAuth) -> WebhookAuthType {
    match auth {
        HookAuth::Basic { .. } => WebhookAuthType::BasicAuthentication,
        HookAuth::ApiKey(_) => WebhookAuthType::ApiKey,
    }
}

fn username(auth: &HookAuth) -> Option<String> {
    match auth {
        HookAuth::Basic { username, .. } => Some(username.clone()),
        HookAuth::ApiKey(_) => None,
    }
}

async fn create(
    AxState(shared): AxState<Arc<Shared>>,
    body: Bytes,
) -> Handler<axum::Json<CreateWebhookResponse>> {
    let (url, auth, statuses) = validate(decode_body(&body, Shape::Order)?)?;
    let mut state = shared.lock();
    if state.hooks.len() >= MAX_WEBHOOKS {
        return Err(bad(format!(
            "Bir satıcı için en fazla {MAX_WEBHOOKS} webhook oluşturulabilir (pasif olanlar dahil)."
        )));
    }
    let id = uuid::Uuid::new_v4().to_string();
    state.hooks.push(HookEntry {
        hook: Webhook {
            id: Some(id.clone()),
            created_date: Some(Utc::now()),
            last_modified_date: None,
            url: Some(url),
            username: username(&auth),
            authentication_type: Some(auth_type(&auth)),
            status: Some(WebhookState::Active),
            subscribed_statuses: statuses,
            store_front_code: Some("TR".into()),
            country_codes: vec!["TR".into()],
        },
        auth,
    });
    Ok(axum::Json(CreateWebhookResponse { id: Some(id) }))
}

async fn list(AxState(shared): AxState<Arc<Shared>>) -> axum::Json<Vec<Webhook>> {
    axum::Json(shared.lock().hooks.iter().map(|h| h.hook.clone()).collect())
}

fn not_found(id: &str) -> ApiError {
    ApiError::order(
        StatusCode::NOT_FOUND,
        format!("{id} id'li webhook bulunamadı."),
    )
}

async fn update(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
    body: Bytes,
) -> Handler<Response> {
    let (url, auth, statuses) = validate(decode_body(&body, Shape::Order)?)?;
    let mut state = shared.lock();
    let entry = state
        .hooks
        .iter_mut()
        .find(|h| h.hook.id.as_deref() == Some(id.as_str()))
        .ok_or_else(|| not_found(&id))?;
    entry.hook.url = Some(url);
    entry.hook.username = username(&auth);
    entry.hook.authentication_type = Some(auth_type(&auth));
    entry.hook.subscribed_statuses = statuses;
    entry.hook.last_modified_date = Some(Utc::now());
    entry.auth = auth;
    Ok(plain_ok())
}

async fn delete(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
) -> Handler<Response> {
    let mut state = shared.lock();
    let before = state.hooks.len();
    state
        .hooks
        .retain(|h| h.hook.id.as_deref() != Some(id.as_str()));
    if state.hooks.len() == before {
        return Err(not_found(&id));
    }
    Ok(plain_ok())
}

fn set_state(shared: &Shared, id: &str, to: WebhookState) -> Handler<Response> {
    let mut state = shared.lock();
    let entry = state
        .hooks
        .iter_mut()
        .find(|h| h.hook.id.as_deref() == Some(id))
        .ok_or_else(|| not_found(id))?;
    entry.hook.status = Some(to);
    entry.hook.last_modified_date = Some(Utc::now());
    Ok(plain_ok())
}

async fn activate(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
) -> Handler<Response> {
    set_state(&shared, &id, WebhookState::Active)
}

async fn deactivate(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
) -> Handler<Response> {
    set_state(&shared, &id, WebhookState::Passive)
}

// ---- deliveries --------------------------------------------------------------------------

/// POST each changed package to every active webhook subscribed to its status, in the
/// background. Call without holding the state lock.
pub(crate) fn notify(shared: &Arc<Shared>, packages: &[ShipmentPackage]) {
    for package in packages {
        let Some(status) = package.status.clone() else {
            continue;
        };
        let hooks = shared.lock().hooks_for(&status);
        if hooks.is_empty() {
            continue;
        }
        // The full getShipmentPackages envelope with this one package (§3).
        let envelope = ShipmentPackagesPage {
            total_elements: Some(1),
            total_pages: Some(1),
            page: Some(0),
            size: Some(1),
            content: vec![package.clone()],
        };
        let Ok(body) = serde_json::to_vec(&envelope) else {
            continue;
        };
        let package_id = package.shipment_package_id.as_u64().unwrap_or_default();
        for hook in hooks {
            let shared = shared.clone();
            let body = body.clone();
            let status = status.clone();
            shared
                .runtime
                .clone()
                .spawn(deliver(shared, hook, body, package_id, status));
        }
    }
}

async fn deliver(
    shared: Arc<Shared>,
    hook: HookEntry,
    body: Vec<u8>,
    package_id: u64,
    status: crate::model::orders::PackageStatus,
) {
    let id = hook.hook.id.clone().unwrap_or_default();
    let url = hook.hook.url.clone().unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        if shared.closed.load(Ordering::SeqCst) {
            return;
        }
        attempt += 1;
        let mut request = shared
            .http
            .post(&url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.clone());
        request = match &hook.auth {
            HookAuth::Basic { username, password } => request.basic_auth(username, Some(password)),
            HookAuth::ApiKey(key) => request.header("x-api-key", key),
        };
        let (response_status, error) = match request.send().await {
            Ok(response) => (Some(response.status().as_u16()), None),
            Err(err) => (None, Some(err.to_string())),
        };
        let delivery = Delivery {
            webhook_id: id.clone(),
            url: url.clone(),
            package_id,
            status: status.clone(),
            attempt,
            response_status,
            error,
            at: Utc::now(),
        };
        let succeeded = delivery.succeeded();
        {
            let mut state = shared.lock();
            state.deliveries.push(delivery);
            if !succeeded && attempt >= shared.config.webhook_max_failures {
                // Trendyol turns a webhook passive after 13 failed deliveries (§3).
                if let Some(entry) = state
                    .hooks
                    .iter_mut()
                    .find(|h| h.hook.id.as_deref() == Some(id.as_str()))
                {
                    entry.hook.status = Some(WebhookState::Passive);
                }
                return;
            }
        }
        if succeeded {
            return;
        }
        tokio::time::sleep(shared.config.webhook_retry_interval).await;
    }
}
