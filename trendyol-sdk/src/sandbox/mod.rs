//! A stateful, in-process fake of the Trendyol seller API on 127.0.0.1 (feature `sandbox`).
//!
//! ```no_run
//! use trendyol_sdk::sandbox::Sandbox;
//! use trendyol_sdk::api::orders::ShipmentPackagesQuery;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> trendyol_sdk::Result<()> {
//! let sandbox = Sandbox::start().await?;
//! let client = sandbox.client()?;
//! let page = client.orders().list(&ShipmentPackagesQuery::new()).await?;
//! println!("{} packages in the last week", page.content.len());
//! # Ok(()) }
//! ```
//!
//! What it does like Trendyol:
//!
//! - **Requests are checked**: HTTP Basic with the sandbox's key/secret ([`SELLER_ID`],
//!   [`API_KEY`], [`API_SECRET`]; wrong → 401 `ClientApiAuthenticationException`), a
//!   `User-Agent` of the form `"{sellerId} - {Integrator}"` (missing/invalid → bare 403), the
//!   seller id in the path (another seller → 403); unknown routes → 404.
//! - **Orders** (§2): getShipmentPackages V2 with paging, the date range (default last
//!   week, at most 14 days, filtered on `orderDate`), status / order number / package id
//!   filters, sorting by `lastModifiedDate`; the cursor stream; `Picking` then `Invoiced`
//!   (with invoice number) as the only seller moves, anything else 400 with an
//!   `{"error","message"}` body; unsupplied lines (partial → new package).
//! - **Webhooks** (§3): create/list/update/delete/activate/deactivate with the documented
//!   validation (URL words, auth fields, at most 15); every package change is POSTed (the
//!   getShipmentPackages envelope with the package) to every active webhook subscribed to
//!   the status, with Basic or `x-api-key` auth, re-delivered every
//!   [`SandboxConfig::webhook_retry_interval`] until a 2xx; after
//!   [`SandboxConfig::webhook_max_failures`] failures the webhook turns `PASSIVE`.
//! - **Products** (§4, §5): create → batch id, `IN_PROGRESS` for
//!   [`SandboxConfig::batch_delay`], then `COMPLETED` with per-item outcomes (unknown brand,
//!   non-leaf/unknown category, duplicate barcode fail with a reason); stock & price writes
//!   are batches (no batch status) whose values show on product reads once processed;
//!   content-bulk-update is a batch too (unknown `contentId` → failed item; title,
//!   description, images and attributes apply to every variant of the content);
//!   an identical stock & price body within 15 minutes is refused (400).
//! - **Claims** (§7), **questions** (§8) change state when decided/answered; deciding
//!   twice is a 400. **Finance** (§9) serves seeded settlements and other financials.
//! - **Seller services** (§6): supplier addresses; common labels (ZPL, one per box) for
//!   packages in `Picking`/`Invoiced`, stored and served back; invoice links (one invoice
//!   per package, 409 on a second; delete needs the order's customer id) and multipart
//!   invoice files (PDF/JPEG/PNG whose content matches the type, at most 10 MB, not
//!   future-dated), both shown as the package's `invoiceLink`.
//! - **Rate limit**: with [`SandboxConfig::rate_limit`], requests over it get 429
//!   `too.many.requests` with `Retry-After`.
//!
//! Inspection and seeding ([`Sandbox::seed_order`], [`Sandbox::change_order_status`],
//! [`Sandbox::deliveries`], …) let tests and examples drive the far side.

mod claims;
#[cfg(feature = "conformance")]
mod far_side;
mod finance;
mod orders;
mod products;
mod questions;
mod seed;
mod sellers;
mod state;
mod webhooks;

use std::fmt;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use marketplace_core::http::{RateLimitMode, RetryPolicy};
use marketplace_core::model::StockPrice;
use marketplace_core::paging::TimeWindow;
use serde_json::json;

use crate::model::claim::ClaimItemStatus;
use crate::model::inventory::InventoryItem;
use crate::model::orders::{PackageStatus, ShipmentPackage};
use crate::{Client, Error, Result};

pub use sellers::ReceivedInvoiceFile;
use state::State;

/// The seller id the sandbox's credentials belong to.
pub const SELLER_ID: u64 = 123_456;
/// The sandbox's API key (Basic-auth user name).
pub const API_KEY: &str = "sandbox-api-key";
/// The sandbox's API secret (Basic-auth password).
pub const API_SECRET: &str = "sandbox-api-secret";

/// How the sandbox behaves. `Default` is what [`Sandbox::start`] uses.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SandboxConfig {
    /// How long product, stock & price and archive batches stay in progress (default 300 ms).
    pub batch_delay: Duration,
    /// `Some((n, per))`: at most `n` requests per `per`; more get 429 with `Retry-After`.
    pub rate_limit: Option<(u32, Duration)>,
    /// Interval between re-deliveries of a failed webhook (Trendyol: 5 minutes; default 1 s).
    pub webhook_retry_interval: Duration,
    /// Failed deliveries after which a webhook turns `PASSIVE` (Trendyol: 13).
    pub webhook_max_failures: u32,
    /// Seed products, orders, claims, questions and finance records (default `true`;
    /// reference data — brands, categories, claim issue reasons — is always there).
    pub seed: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            batch_delay: Duration::from_millis(300),
            rate_limit: None,
            webhook_retry_interval: Duration::from_secs(1),
            webhook_max_failures: 13,
            seed: true,
        }
    }
}

impl SandboxConfig {
    /// Set [`SandboxConfig::batch_delay`].
    #[must_use]
    pub fn batch_delay(mut self, delay: Duration) -> Self {
        self.batch_delay = delay;
        self
    }

    /// Set [`SandboxConfig::rate_limit`]: at most `requests` per `per`.
    #[must_use]
    pub fn rate_limit(mut self, requests: u32, per: Duration) -> Self {
        self.rate_limit = Some((requests, per));
        self
    }

    /// Set [`SandboxConfig::webhook_retry_interval`].
    #[must_use]
    pub fn webhook_retry_interval(mut self, interval: Duration) -> Self {
        self.webhook_retry_interval = interval;
        self
    }

    /// Set [`SandboxConfig::webhook_max_failures`].
    #[must_use]
    pub fn webhook_max_failures(mut self, failures: u32) -> Self {
        self.webhook_max_failures = failures;
        self
    }

    /// Set [`SandboxConfig::seed`].
    #[must_use]
    pub fn seed(mut self, seed: bool) -> Self {
        self.seed = seed;
        self
    }
}

/// One webhook delivery attempt, as recorded by the sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Delivery {
    /// The webhook's id.
    pub webhook_id: String,
    /// Where it was sent.
    pub url: String,
    /// The package it carried.
    pub package_id: u64,
    /// The package status it announced.
    pub status: PackageStatus,
    /// 1 for the first attempt, 2 for the first re-delivery, …
    pub attempt: u32,
    /// The receiver's HTTP status, if it answered.
    pub response_status: Option<u16>,
    /// Why the attempt failed without an answer (connection refused, timeout).
    pub error: Option<String>,
    /// When it was sent.
    pub at: DateTime<Utc>,
}

impl Delivery {
    /// Whether the receiver answered 2xx.
    pub fn succeeded(&self) -> bool {
        self.response_status
            .is_some_and(|s| (200..300).contains(&s))
    }
}

/// What the route handlers share.
pub(crate) struct Shared {
    state: Mutex<State>,
    pub(crate) config: SandboxConfig,
    pub(crate) http: reqwest::Client,
    pub(crate) runtime: tokio::runtime::Handle,
    pub(crate) closed: AtomicBool,
    expected_auth: String,
}

impl Shared {
    /// Lock the state (a panicked handler does not poison the sandbox).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running sandbox. Dropping it stops the server and pending webhook re-deliveries.
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    base_url: String,
    server: tokio::task::JoinHandle<()>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("base_url", &self.base_url)
            .field("config", &self.shared.config)
            .finish_non_exhaustive()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::SeqCst);
        self.server.abort();
    }
}

impl Sandbox {
    /// Start a sandbox with [`SandboxConfig::default`].
    pub async fn start() -> Result<Sandbox> {
        Self::start_with(SandboxConfig::default()).await
    }

    /// Start a sandbox on `127.0.0.1` (a free port) with `config`.
    pub async fn start_with(config: SandboxConfig) -> Result<Sandbox> {
        let mut state = State::new(SELLER_ID);
        state.seed_reference();
        if config.seed {
            state.seed_demo();
        }
        let expected_auth = marketplace_core::webhook::basic_auth_headers(API_KEY, API_SECRET)
            .ok()
            .and_then(|h| {
                h.get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            })
            .ok_or_else(|| Error::invalid_input("api_key", "cannot build the Basic header"))?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .map_err(Error::Transport)?;
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            config,
            http,
            runtime: tokio::runtime::Handle::current(),
            closed: AtomicBool::new(false),
            expected_auth,
        });
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| Error::invalid_input("sandbox", format!("cannot bind: {e}")))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::invalid_input("sandbox", format!("no local address: {e}")))?;
        let app = router(shared.clone());
        let server = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app).await {
                tracing::warn!(%err, "trendyol sandbox stopped");
            }
        });
        Ok(Sandbox {
            shared,
            addr,
            base_url: format!("http://{addr}"),
            server,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The socket address the sandbox listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The configuration it runs with.
    pub fn config(&self) -> &SandboxConfig {
        &self.shared.config
    }

    /// A client pointed at the sandbox with its credentials, no client-side rate limit
    /// (the sandbox's own limit applies) and a fast retry policy.
    pub fn client(&self) -> Result<Client> {
        self.client_builder().build()
    }

    /// The builder behind [`Sandbox::client`], to adjust before building.
    pub fn client_builder(&self) -> crate::ClientBuilder {
        Client::builder()
            .seller_id(SELLER_ID)
            .api_key(API_KEY)
            .api_secret(API_SECRET)
            .base_url(self.base_url.clone())
            .rate_limit(RateLimitMode::Off)
            .retry_policy(RetryPolicy {
                max_attempts: 4,
                initial_delay: Duration::from_millis(10),
                max_delay: Duration::from_millis(200),
                max_retry_after: Duration::from_secs(2),
                max_elapsed: Duration::from_secs(10),
            })
    }

    // ---- inspection ------------------------------------------------------------------------

    /// Requests other than GET received so far (also those refused).
    pub fn writes_received(&self) -> usize {
        self.shared.lock().writes
    }

    /// A package as the API would return it.
    pub fn package(&self, id: u64) -> Option<ShipmentPackage> {
        self.shared.lock().packages.get(&id).cloned()
    }

    /// Every package, by id.
    pub fn packages(&self) -> Vec<ShipmentPackage> {
        self.shared.lock().packages.values().cloned().collect()
    }

    /// A package's status.
    pub fn order_status(&self, id: u64) -> Option<PackageStatus> {
        self.shared.lock().package_status(id)
    }

    /// Add a package in `status`, ordered an hour ago; returns its id. No webhook fires.
    pub fn seed_order(&self, status: impl Into<PackageStatus>) -> u64 {
        let status = status.into();
        let mut state = self.shared.lock();
        let n = state.packages.len();
        state.add_package(&status, Utc::now() - chrono::TimeDelta::hours(1), n)
    }

    /// Add `count` `Created` packages with order dates spread evenly across `window`;
    /// returns their ids.
    pub fn seed_orders(&self, window: TimeWindow, count: usize) -> Vec<u64> {
        let mut state = self.shared.lock();
        let span = window.end - window.start;
        let steps = i32::try_from(count).unwrap_or(i32::MAX).max(1);
        (0..steps)
            .map(|i| {
                // Centre of each slice, so none sits exactly on a window edge.
                let at = window.start + span * (2 * i + 1) / (2 * steps);
                let n = state.packages.len();
                state.add_package(&PackageStatus::Created, at, n)
            })
            .collect()
    }

    /// Move a package to `status` as Trendyol would (carrier scan, delivery, cancel…),
    /// without the seller rules, and fire the webhooks. `false` if there is no such package.
    pub fn change_order_status(&self, id: u64, status: PackageStatus) -> bool {
        let changed = {
            let mut state = self.shared.lock();
            state.set_status(id, status)
        };
        match changed {
            Some(package) => {
                webhooks::notify(&self.shared, &[package]);
                true
            }
            None => false,
        }
    }

    /// Every webhook delivery attempt so far, in order.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared.lock().deliveries.clone()
    }

    /// Add a claim whose items wait for the seller (`WaitingInAction`); returns its id.
    pub fn seed_claim(&self) -> String {
        self.shared
            .lock()
            .add_claim(&ClaimItemStatus::WaitingInAction, None)
    }

    /// The status of a claim's items (all items of a seeded claim share it), if it exists.
    pub fn claim_status(&self, id: &str) -> Option<ClaimItemStatus> {
        let state = self.shared.lock();
        let claim = state.claims.iter().find(|c| c.id == id)?;
        claim.claim_items().find_map(|i| i.status().cloned())
    }

    /// Add a question waiting for an answer; returns its id.
    pub fn seed_question(&self) -> u64 {
        let mut state = self.shared.lock();
        let n = state.questions.len();
        state.add_question(n, false)
    }

    /// The answer text a question holds, if any.
    pub fn question_answer(&self, id: u64) -> Option<String> {
        self.shared
            .lock()
            .questions
            .get(&id)
            .and_then(|q| q.answer.as_ref())
            .and_then(|a| a.text.clone())
    }

    /// Every stock & price item received for `barcode`, in arrival order (also those of
    /// batches not processed yet).
    pub fn stock_items_received(&self, barcode: &str) -> Vec<InventoryItem> {
        self.shared
            .lock()
            .stock_items
            .iter()
            .filter(|i| i.barcode == barcode)
            .cloned()
            .collect()
    }

    /// [`Sandbox::stock_items_received`] in the unified shape.
    pub fn stock_prices_received(&self, barcode: &str) -> Vec<StockPrice> {
        self.stock_items_received(barcode)
            .into_iter()
            .map(|i| StockPrice {
                sku: i.barcode,
                quantity: i.quantity,
                sale_price: i.sale_price,
                list_price: i.list_price,
            })
            .collect()
    }

    /// The stock and sale price a product currently shows, if it exists (pending batches
    /// whose delay has passed are applied first).
    pub fn product_stock(&self, barcode: &str) -> Option<(i64, rust_decimal::Decimal)> {
        let mut state = self.shared.lock();
        state.settle(Instant::now());
        state
            .products
            .get(barcode)
            .map(|p| (p.quantity, p.sale_price))
    }

    /// The ZPL labels created for a cargo tracking number, one per box (empty if none).
    pub fn common_labels(&self, cargo_tracking_number: &str) -> Vec<String> {
        self.shared
            .lock()
            .sellers
            .labels
            .get(cargo_tracking_number)
            .map(|labels| labels.iter().filter_map(|l| l.label.clone()).collect())
            .unwrap_or_default()
    }

    /// The invoice link sent for a package, if any.
    pub fn invoice_link(&self, shipment_package_id: u64) -> Option<String> {
        self.shared
            .lock()
            .sellers
            .links
            .get(&shipment_package_id)
            .map(|l| l.link.clone())
    }

    /// The invoice file uploaded for a package, if any.
    pub fn invoice_file(&self, shipment_package_id: u64) -> Option<ReceivedInvoiceFile> {
        self.shared
            .lock()
            .sellers
            .files
            .get(&shipment_package_id)
            .cloned()
    }

    /// Every settlement record the sandbox serves (getSettlements), in seed order.
    pub fn settlements(&self) -> Vec<crate::model::finance::FinancialRecord> {
        self.shared.lock().settlements.clone()
    }

    /// Every other-financials record the sandbox serves (getOtherFinancials).
    pub fn other_financials(&self) -> Vec<crate::model::finance::FinancialRecord> {
        self.shared.lock().other_financials.clone()
    }

    /// Barcodes of every product the sandbox holds.
    pub fn product_barcodes(&self) -> Vec<String> {
        self.shared.lock().products.keys().cloned().collect()
    }
}

// ---- the HTTP side -----------------------------------------------------------------------

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .merge(orders::routes())
        .merge(webhooks::routes())
        .merge(products::routes())
        .merge(claims::routes())
        .merge(questions::routes())
        .merge(finance::routes())
        .merge(sellers::routes())
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), guard))
        .with_state(shared)
}

async fn not_found(req: Request) -> Response {
    ApiError::order(
        StatusCode::NOT_FOUND,
        format!("No handler found for {} {}", req.method(), req.uri().path()),
    )
    .into_response()
}

/// Rate limit, write counting, User-Agent, Basic auth and the seller id in the path —
/// in that order, as the gateway does — then processes due batches.
async fn guard(AxState(shared): AxState<Arc<Shared>>, req: Request, next: Next) -> Response {
    let now = Instant::now();
    {
        let mut state = shared.lock();
        if req.method() != axum::http::Method::GET {
            state.writes += 1;
        }
        if let Some((limit, per)) = shared.config.rate_limit {
            if let Some(wait) = state.over_rate_limit(limit, per, now) {
                drop(state);
                return too_many_requests(wait);
            }
        }
    }
    let user_agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    if !user_agent.is_some_and(valid_user_agent) {
        // Trendyol blocks requests without a valid User-Agent with a bare 403.
        return StatusCode::FORBIDDEN.into_response();
    }
    let authorized = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == shared.expected_auth);
    if !authorized {
        return unauthorized();
    }
    if let Some(seller) = path_seller(req.uri().path()) {
        if seller != SELLER_ID.to_string() {
            return ApiError::order(
                StatusCode::FORBIDDEN,
                format!("Seller {seller} is not authorized for these credentials"),
            )
            .into_response();
        }
    }
    shared.lock().settle(now);
    next.run(req).await
}

/// `"{sellerId} - {Integrator}"`: digits, `" - "`, 1–30 alphanumerics.
fn valid_user_agent(ua: &str) -> bool {
    let Some((seller, name)) = ua.split_once(" - ") else {
        return false;
    };
    !seller.is_empty()
        && seller.chars().all(|c| c.is_ascii_digit())
        && !name.is_empty()
        && name.chars().count() <= 30
        && name.chars().all(char::is_alphanumeric)
}

/// The path segment after `sellers`, if any.
fn path_seller(path: &str) -> Option<String> {
    let mut segments = path.split('/');
    segments.find(|s| *s == "sellers")?;
    segments.next().map(str::to_owned)
}

fn unauthorized() -> Response {
    let body = json!({
        "timestamp": Utc::now().timestamp_millis(),
        "status": 401,
        "exception": "ClientApiAuthenticationException",
        "errors": [{
            "key": "ClientApiAuthenticationException",
            "message": "Kimlik doğrulama başarısız: API Key / API Secret hatalı.",
            "errorCode": "401"
        }]
    });
    (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response()
}

fn too_many_requests(wait: Duration) -> Response {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        axum::Json(json!({"error": "TOO_MANY_REQUESTS", "message": "too.many.requests"})),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&secs.max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Which documented error body to answer with (§1.7).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    /// `{"error": "...", "message": "..."}` (orders, finance, webhooks).
    Order,
    /// `{"errors": [{"key", "message", "errorCode"}], "exception", "timestamp"}` (products,
    /// claims, questions).
    Product,
}

/// An error answer in Trendyol's shape.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    shape: Shape,
    key: String,
    message: String,
}

impl ApiError {
    pub(crate) fn order(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            shape: Shape::Order,
            key: String::new(),
            message: message.into(),
        }
    }

    pub(crate) fn product(
        status: StatusCode,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            shape: Shape::Product,
            key: key.into(),
            message: message.into(),
        }
    }

    pub(crate) fn bad_order(message: impl Into<String>) -> Self {
        Self::order(StatusCode::BAD_REQUEST, message)
    }

    /// A refused package write.
    pub(crate) fn from_refusal(r: state::Refusal) -> Self {
        Self::order(
            StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST),
            r.message,
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = match self.shape {
            Shape::Order => json!({
                "error": self.status.canonical_reason().unwrap_or("ERROR").to_uppercase().replace(' ', "_"),
                "message": self.message,
            }),
            Shape::Product => json!({
                "timestamp": Utc::now().timestamp_millis(),
                "exception": "ClientApiBusinessException",
                "errors": [{"key": self.key, "message": self.message, "errorCode": self.key}],
            }),
        };
        (self.status, axum::Json(body)).into_response()
    }
}

/// The `text/plain` `200 OK` several writes answer with.
pub(crate) fn plain_ok() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain;charset=UTF-8")],
        Body::from("200 OK"),
    )
        .into_response()
}

/// Decode a JSON body into one of the crate's model types (400 in `shape` otherwise).
pub(crate) fn decode_body<T: serde::de::DeserializeOwned>(
    body: &[u8],
    shape: Shape,
) -> std::result::Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        let message = format!("İstek gövdesi okunamadı: {e}");
        match shape {
            Shape::Order => ApiError::bad_order(message),
            Shape::Product => {
                ApiError::product(StatusCode::BAD_REQUEST, "invalid.request", message)
            }
        }
    })
}

/// Query parameters in order, repeated ones kept.
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub(crate) fn parse(raw: Option<&str>) -> Self {
        Params(
            url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    pub(crate) fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// A number parameter; `Err` names it when it is not a number.
    pub(crate) fn number<T: std::str::FromStr>(
        &self,
        key: &str,
    ) -> std::result::Result<Option<T>, String> {
        self.get(key)
            .map(|v| v.parse().map_err(|_| format!("{key} geçersiz: {v}")))
            .transpose()
    }

    /// An epoch-millisecond parameter.
    pub(crate) fn millis(&self, key: &str) -> std::result::Result<Option<DateTime<Utc>>, String> {
        Ok(self
            .number::<i64>(key)?
            .and_then(DateTime::from_timestamp_millis))
    }
}

/// One page of `items`: `(page items, total pages)`.
pub(crate) fn page_of<T: Clone>(items: &[T], page: u32, size: u32) -> (Vec<T>, u32) {
    let size = size.max(1) as usize;
    let total_pages = u32::try_from(items.len().div_ceil(size)).unwrap_or(u32::MAX);
    let start = (page as usize).saturating_mul(size);
    let slice = items.iter().skip(start).take(size).cloned().collect();
    (slice, total_pages)
}
