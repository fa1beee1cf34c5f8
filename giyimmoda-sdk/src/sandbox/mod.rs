//! A stateful, in-process fake of the Giyim Moda seller API on 127.0.0.1 (feature
//! `sandbox`), for examples that run without an account and for end-to-end tests.
//!
//! ```no_run
//! # async fn demo() -> giyimmoda_sdk::Result<()> {
//! use giyimmoda_sdk::model::{OrderQuery, PerPage};
//! use giyimmoda_sdk::sandbox::Sandbox;
//!
//! let sandbox = Sandbox::start().await?;
//! let client = sandbox.client(); // X-API-Key / X-API-Secret the sandbox checks
//! let orders = client.orders().list(&OrderQuery::new().per_page(PerPage::All)).await?;
//! println!("{} orders", orders.items.len());
//! # Ok(()) }
//! ```
//!
//! # What it serves
//!
//! Everything below `/api/seller/` that the SDK sends, decoded into the crate's own
//! [`model`](crate::model) types and answered in the `{success, message, data, pagination}`
//! envelope with those types serialized:
//!
//! | area | behaviour |
//! |---|---|
//! | auth | `X-API-Key` + `X-API-Secret` ([`Sandbox::API_KEY`], [`Sandbox::API_SECRET`]), or `POST login` with [`Sandbox::EMAIL`] / [`Sandbox::PASSWORD`] → `Authorization: Bearer 1\|…`; anything else is 401 `{success: false, message}` |
//! | products | list (`search`, `status`, `per_page` incl. `all`/`-1`, `page`), get, create, update, delete, `bulk` (per-item success/failure: unknown category/brand fails), `bulk-update`; the document's rules give 422 `{success: false, message, errors: {field: [..]}}` (e.g. fewer than 2 gallery images) |
//! | stocks, prices | list/low-stock/by product, `PUT stocks/{id}`, `stocks/bulk-update`, `PUT prices/product/{id}`, `prices/bulk-update`; applied at once (Giyim Moda answers these synchronously) and visible on product reads |
//! | orders | list (`status`, `payment_status`, `date_from`/`date_to` as Istanbul dates, `search`, paging), get, create (stock deducted), `PUT orders/{id}/status` (forward moves only: `pending → confirmed → picked_up → on_the_way → delivered`; `cancelled` only before pick-up), `cancel` (stock put back), `upload-invoice` |
//! | refund requests | list (`status`, `refund_status`, dates, `search`), get, approve, reject (only `seller_approval = 0`, else 422) |
//! | product queries | list, get, `PUT …/reply` (answering twice is 422) |
//! | webhooks | list, create (`order.created`, `order.updated`, `order.cancelled`, `stock.updated`; secret generated when absent), update, delete; deliveries signed with `X-Webhook-Signature` (HMAC-SHA256 hex of the body), re-delivered on failure every [`SandboxConfig::webhook_retry_interval`] |
//! | payment history, commission history | list (paging), get; derived from the delivered orders on every read: one commission record per line at the category's `commission_rate`, one payout per order 7 days after the order date (not listed before it is due) |
//! | profile, categories, brands | minimal: seeded reference data (see [`Sandbox::CATEGORY_IDS`], [`Sandbox::BRAND_IDS`]) |
//!
//! Unknown routes are 404; with [`SandboxConfig::rate_limit`] set, requests over the
//! limit get 429 with `Retry-After`.

mod catalog;
#[cfg(feature = "conformance")]
mod far_side;
mod finance;
mod http;
mod orders;
mod products;
mod questions;
mod refunds;
mod seed;
mod state;
mod stocks;
mod webhooks;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::{get, post, put};
use chrono::{DateTime, Utc};
use marketplace_core::http::RetryPolicy;
use marketplace_core::model::StockPrice;
use tokio::task::{AbortHandle, JoinHandle};

use crate::model::{Approval, DeliveryStatus, Order, ProductQuestion, RefundRequest, WebhookEvent};
use crate::{Client, Error, Result};

pub use state::Delivery;
use state::State;

/// How the sandbox behaves. `Default` is what [`Sandbox::start`] uses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SandboxConfig {
    /// Kept for parity with the other marketplaces' sandboxes (default 300 ms). Giyim
    /// Moda has no batches: bulk creates and stock/price writes are answered
    /// synchronously, so this sandbox applies them at once and does not use the delay.
    pub batch_delay: Duration,
    /// When set, at most this many requests per window; the rest get 429 with
    /// `Retry-After` (the real API allows 600 per minute).
    pub rate_limit: Option<(u32, Duration)>,
    /// Wait between re-deliveries of a webhook the receiver did not accept with a 2xx
    /// (default 1 s).
    pub webhook_retry_interval: Duration,
    /// Delivery attempts per event and webhook, the first included (default 20).
    pub webhook_max_attempts: u32,
    /// Seed believable data (products, orders, refund requests, questions); default true.
    /// Reference data (categories, brands, profile) is always there.
    pub seed: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            batch_delay: Duration::from_millis(300),
            rate_limit: None,
            webhook_retry_interval: Duration::from_secs(1),
            webhook_max_attempts: 20,
            seed: true,
        }
    }
}

impl SandboxConfig {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// See [`SandboxConfig::batch_delay`].
    #[must_use]
    pub fn batch_delay(mut self, delay: Duration) -> Self {
        self.batch_delay = delay;
        self
    }

    /// Allow `requests` per `window`; more get 429 with `Retry-After`.
    #[must_use]
    pub fn rate_limit(mut self, requests: u32, window: Duration) -> Self {
        self.rate_limit = Some((requests, window));
        self
    }

    /// Wait this long between webhook re-deliveries.
    #[must_use]
    pub fn webhook_retry_interval(mut self, interval: Duration) -> Self {
        self.webhook_retry_interval = interval;
        self
    }

    /// Give up on a delivery after this many attempts (at least 1).
    #[must_use]
    pub fn webhook_max_attempts(mut self, attempts: u32) -> Self {
        self.webhook_max_attempts = attempts.max(1);
        self
    }

    /// Seed products, orders, refund requests and questions (or start empty).
    #[must_use]
    pub fn seed(mut self, seed: bool) -> Self {
        self.seed = seed;
        self
    }
}

/// What the server task and the handle share.
pub(crate) struct Shared {
    pub(crate) config: SandboxConfig,
    state: Mutex<State>,
    pub(crate) http: reqwest::Client,
    pub(crate) runtime: tokio::runtime::Handle,
    tasks: Mutex<Vec<AbortHandle>>,
}

impl Shared {
    /// The state. Never held across an `.await`.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keep a background task so it ends with the sandbox.
    pub(crate) fn track(&self, task: AbortHandle) {
        let mut tasks = self.tasks.lock().unwrap_or_else(PoisonError::into_inner);
        tasks.retain(|t| !t.is_finished());
        tasks.push(task);
    }

    fn abort_tasks(&self) {
        let tasks = self.tasks.lock().unwrap_or_else(PoisonError::into_inner);
        for task in tasks.iter() {
            task.abort();
        }
    }
}

/// A running sandbox. The server (and any webhook re-delivery) stops when it is dropped.
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    base_url: String,
    server: JoinHandle<()>,
    client: Client,
    login_client: Client,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("base_url", &self.base_url)
            .field("config", &self.shared.config)
            .finish_non_exhaustive()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.server.abort();
        self.shared.abort_tasks();
    }
}

impl Sandbox {
    /// The API key the sandbox accepts (`X-API-Key`).
    pub const API_KEY: &'static str = "sk_test_giyimmoda_sandbox";
    /// The API secret the sandbox accepts (`X-API-Secret`).
    pub const API_SECRET: &'static str = "sandbox-secret";
    /// The seller e-mail the sandbox's `POST login` accepts.
    pub const EMAIL: &'static str = "satici@giyimmoda.test";
    /// The password that goes with [`Sandbox::EMAIL`].
    pub const PASSWORD: &'static str = "sandbox-sifre";
    /// Category ids a product may use (anything else fails validation).
    pub const CATEGORY_IDS: &'static [u64] = &[1, 2, 149, 150, 151, 152, 153, 154];
    /// Brand ids a product may use (anything else fails validation).
    pub const BRAND_IDS: &'static [u64] = &[5, 6, 7, 8, 9];

    /// Start with [`SandboxConfig::default`].
    pub async fn start() -> Result<Sandbox> {
        Self::start_with(SandboxConfig::default()).await
    }

    /// Start with `config`: bind a free port on 127.0.0.1, seed, serve.
    pub async fn start_with(config: SandboxConfig) -> Result<Sandbox> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| Error::invalid_input("sandbox", format!("cannot bind 127.0.0.1: {e}")))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::invalid_input("sandbox", format!("no local address: {e}")))?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .map_err(Error::Transport)?;
        let mut state = State::new(Utc::now());
        if config.seed {
            seed::seed(&mut state, Utc::now());
        }
        let shared = Arc::new(Shared {
            config,
            state: Mutex::new(state),
            http,
            runtime: tokio::runtime::Handle::current(),
            tasks: Mutex::new(Vec::new()),
        });
        let base_url = format!("http://{addr}/api/seller/");
        let client = client_builder(&base_url)
            .api_key(Self::API_KEY)
            .api_secret(Self::API_SECRET)
            .build()?;
        let login_client = client_builder(&base_url)
            .login(Self::EMAIL, Self::PASSWORD)
            .build()?;
        let app = router(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            // The server runs until the handle aborts it; an accept error ends it.
            let _ = axum::serve(listener, app).await;
        });
        Ok(Sandbox {
            shared,
            addr,
            base_url,
            server,
            client,
            login_client,
        })
    }

    /// The API base URL to give [`ClientBuilder::base_url`](crate::ClientBuilder::base_url),
    /// e.g. `http://127.0.0.1:PORT/api/seller/`.
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

    /// A retry policy fast enough for tests: 3 attempts, millisecond backoff, `Retry-After`
    /// honoured up to 1 s.
    pub fn fast_retry_policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            initial_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(50),
            max_retry_after: Duration::from_secs(1),
            max_elapsed: Duration::from_secs(5),
        }
    }

    /// A client pointed at the sandbox, with the API key and secret it accepts and
    /// [`Sandbox::fast_retry_policy`].
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// A client that logs in with [`Sandbox::EMAIL`] / [`Sandbox::PASSWORD`] and sends the
    /// Bearer token it gets.
    pub fn login_client(&self) -> Client {
        self.login_client.clone()
    }

    /// A builder with the base URL and retry policy set, and no credentials — for tests
    /// of wrong credentials.
    pub fn client_builder(&self) -> crate::ClientBuilder {
        client_builder(&self.base_url)
    }

    /// Forget every issued Bearer token (the next Bearer call gets 401, so the client
    /// logs in again).
    pub fn revoke_tokens(&self) {
        self.shared.lock().tokens.clear();
    }

    /// Successful logins so far.
    pub fn logins(&self) -> usize {
        self.shared.lock().logins
    }

    /// Number of authenticated write requests (anything but GET) received so far.
    pub fn writes_received(&self) -> usize {
        self.shared.lock().writes
    }

    /// Add one order in `status` (dated now), without firing webhooks; returns its id.
    pub fn seed_order(&self, status: DeliveryStatus) -> u64 {
        let now = Utc::now();
        let mut state = self.shared.lock();
        seed::add_order(&mut state, now, status, None)
    }

    /// Add `count` orders spread evenly inside `[start, end]`; returns their ids.
    pub fn seed_orders(&self, start: DateTime<Utc>, end: DateTime<Utc>, count: usize) -> Vec<u64> {
        let mut state = self.shared.lock();
        let span = (end - start).num_milliseconds().max(0);
        let steps = i64::try_from(count).unwrap_or(i64::MAX).saturating_add(1);
        (1..=count)
            .map(|i| {
                let i = i64::try_from(i).unwrap_or(i64::MAX);
                let at = start + chrono::TimeDelta::milliseconds(span / steps * i);
                seed::add_order(&mut state, at, DeliveryStatus::Confirmed, None)
            })
            .collect()
    }

    /// The order as the sandbox holds it.
    pub fn order(&self, id: u64) -> Option<Order> {
        self.shared.lock().orders.get(&id).cloned()
    }

    /// The order's delivery status.
    pub fn order_status(&self, id: u64) -> Option<DeliveryStatus> {
        self.shared
            .lock()
            .orders
            .get(&id)
            .and_then(|o| o.delivery_status.clone())
    }

    /// Change an order's status as the marketplace would (no transition rules: this is
    /// the marketplace's side) and fire `order.updated` (or `order.cancelled`) to the
    /// subscribed webhooks. Returns false for an unknown order.
    pub fn change_order_status(&self, id: u64, status: DeliveryStatus) -> bool {
        let order = {
            let mut state = self.shared.lock();
            let Some(order) = state.orders.get_mut(&id) else {
                return false;
            };
            let event = if status == DeliveryStatus::Cancelled {
                WebhookEvent::OrderCancelled
            } else {
                WebhookEvent::OrderUpdated
            };
            orders::set_status(order, status);
            (event, order.clone())
        };
        let (event, order) = order;
        webhooks::fire_order(&self.shared, &event, &order);
        true
    }

    /// Add one refund request waiting for the seller (`seller_approval = 0`); returns its id.
    pub fn seed_refund(&self) -> u64 {
        let now = Utc::now();
        let mut state = self.shared.lock();
        seed::add_refund(&mut state, now, Approval::Pending)
    }

    /// The refund request as the sandbox holds it.
    pub fn refund(&self, id: u64) -> Option<RefundRequest> {
        self.shared.lock().refunds.get(&id).cloned()
    }

    /// The seller's decision on a refund request (`seller_approval`).
    pub fn refund_status(&self, id: u64) -> Option<Approval> {
        self.shared
            .lock()
            .refunds
            .get(&id)
            .and_then(|r| r.seller_approval)
    }

    /// Add one product question waiting for an answer; returns its id.
    pub fn seed_question(&self) -> u64 {
        let now = Utc::now();
        let mut state = self.shared.lock();
        seed::add_question(&mut state, now, None)
    }

    /// The question as the sandbox holds it.
    pub fn question(&self, id: u64) -> Option<ProductQuestion> {
        self.shared.lock().questions.get(&id).cloned()
    }

    /// The answer the sandbox holds for a question, if any.
    pub fn question_answer(&self, id: u64) -> Option<String> {
        self.shared
            .lock()
            .questions
            .get(&id)
            .and_then(|q| q.reply.clone())
    }

    /// Every stock/price item that arrived for `sku`, in arrival order: one item per
    /// `products/bulk-update` item (stock and price together), `stocks/…` item (stock) or
    /// `prices/…` item (price).
    pub fn stock_items_received(&self, sku: &str) -> Vec<StockPrice> {
        self.shared
            .lock()
            .stock_items
            .iter()
            .filter(|i| i.sku == sku)
            .cloned()
            .collect()
    }

    /// A product's current stock and unit price, by SKU.
    pub fn product_by_sku(&self, sku: &str) -> Option<crate::model::Product> {
        self.shared
            .lock()
            .products
            .values()
            .find(|p| p.product.sku.as_deref() == Some(sku))
            .map(state::ProductRec::view)
    }

    /// The commission records `GET commission-history` serves now (newest first).
    pub fn commissions(&self) -> Vec<crate::model::CommissionRecord> {
        finance::commissions(&self.shared.lock())
    }

    /// The payouts `GET payment-history` serves now (newest first).
    pub fn payments(&self) -> Vec<crate::model::Payment> {
        finance::payments(&self.shared.lock(), Utc::now())
    }

    /// Every webhook delivery attempt so far, in order.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared.lock().deliveries.clone()
    }

    /// Wait until at least `count` delivery attempts were made, or `timeout` passed;
    /// returns the attempts so far.
    pub async fn wait_for_deliveries(&self, count: usize, timeout: Duration) -> Vec<Delivery> {
        let deadline = Instant::now() + timeout;
        loop {
            let deliveries = self.deliveries();
            if deliveries.len() >= count || Instant::now() >= deadline {
                return deliveries;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

fn client_builder(base_url: &str) -> crate::ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .retry_policy(Sandbox::fast_retry_policy())
        .timeout(Duration::from_secs(10))
}

fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/login", post(http::login))
        .route(
            "/profile",
            get(catalog::profile).put(catalog::update_profile),
        )
        .route("/categories", get(catalog::categories))
        .route("/categories/tree", get(catalog::category_tree))
        .route("/categories/{id}", get(catalog::category))
        .route("/brands", get(catalog::brands))
        .route("/brands/{id}", get(catalog::brand))
        .route("/products", get(products::list).post(products::create))
        .route("/products/bulk", post(products::bulk_create))
        .route("/products/bulk-update", post(products::bulk_update))
        .route(
            "/products/{id}",
            get(products::get)
                .put(products::update)
                .delete(products::delete),
        )
        .route("/stocks", get(stocks::list))
        .route("/stocks/low-stock", get(stocks::low_stock))
        .route("/stocks/product/{id}", get(stocks::by_product))
        .route("/stocks/bulk-update", post(stocks::bulk_update))
        .route("/stocks/{id}", put(stocks::update))
        .route("/prices/product/{id}", put(stocks::update_price))
        .route("/prices/bulk-update", post(stocks::bulk_update_prices))
        .route("/orders", get(orders::list).post(orders::create))
        .route("/orders/{id}", get(orders::get))
        .route("/orders/{id}/status", put(orders::update_status))
        .route("/orders/{id}/cancel", post(orders::cancel))
        .route("/orders/{id}/upload-invoice", post(orders::upload_invoice))
        .route("/refund-requests", get(refunds::list))
        .route("/refund-requests/{id}", get(refunds::get))
        .route("/refund-requests/{id}/approve", post(refunds::approve))
        .route("/refund-requests/{id}/reject", post(refunds::reject))
        .route("/product-queries", get(questions::list))
        .route("/product-queries/{id}", get(questions::get))
        .route("/product-queries/{id}/reply", put(questions::reply))
        .route("/payment-history", get(finance::list_payments))
        .route("/payment-history/{id}", get(finance::get_payment))
        .route("/commission-history", get(finance::list_commissions))
        .route("/commission-history/{id}", get(finance::get_commission))
        .route("/webhooks", get(webhooks::list).post(webhooks::create))
        .route(
            "/webhooks/{id}",
            put(webhooks::update).delete(webhooks::delete),
        );
    Router::new()
        .nest("/api/seller", api)
        .fallback(http::not_found)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            http::gate,
        ))
        .with_state(shared)
}
