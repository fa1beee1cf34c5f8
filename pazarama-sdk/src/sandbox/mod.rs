//! A stateful fake of Pazarama's HTTP API on 127.0.0.1 (feature `sandbox`).
//!
//! [`Sandbox::start`] binds a free port, seeds believable data (brands, categories,
//! cities, products, ~30 orders over the last 45 days, refunds and cancellation requests
//! waiting for a decision, unanswered questions, finance transactions) and hands back a [`Client`] already pointed
//! at it — both the API URL and the OAuth token URL.
//!
//! It behaves like Pazarama, not like a canned answer:
//!
//! - **OAuth**: `POST /connect/token` checks the Basic client credentials
//!   ([`SANDBOX_CLIENT_ID`] / [`SANDBOX_CLIENT_SECRET`]) and the form body; tokens expire
//!   after [`SandboxConfig::token_ttl`], after which the API answers 401 and the SDK
//!   fetches a new token.
//! - **Products**: `product/create` returns a batch id; `getProductBatchResult` reports
//!   1 (InProgress) until [`SandboxConfig::batch_delay`] has passed, then 2 (Done) with one
//!   `batchResult` entry per product — products with an unknown brand, an unknown or
//!   non-leaf category or a barcode already in use carry a `reason`. Created products
//!   then show on `product/products` (state 1, awaiting approval).
//! - **Price / stock** (`updatePrice-v2`, `updateStock-v2`) are queued: the listing-state
//!   results say "İşleniyor" and product reads show the old values until `batch_delay`
//!   has passed; then the values are visible and unknown barcodes are "Tamamlanamadı".
//! - **Orders** follow the documented item flow (3 → 12 → 5 → 11/14, 13 from 3 or 12, …);
//!   an illegal move is answered 400 with `success: false`; moves show on the next list.
//! - **Refunds** move from 1 (pending) to 2, 3 or 9 once; deciding twice is refused.
//!   **Cancellation requests** are approved (item → 6) or rejected (item → 12) once.
//!   **Questions** waiting for an answer are answered once.
//! - A **rate limit** ([`SandboxConfig::rate_limit`]) answers 429 with `Retry-After`.
//!
//! ```no_run
//! # async fn demo() -> pazarama_sdk::Result<()> {
//! use pazarama_sdk::sandbox::Sandbox;
//! let sandbox = Sandbox::start().await?;
//! let client = sandbox.client();
//! let brands = client.brands().list(&Default::default()).await?;
//! assert!(!brands.is_empty());
//! # Ok(()) }
//! ```

mod routes;
mod seed;
mod state;

#[cfg(feature = "conformance")]
mod far_side;

use std::net::SocketAddr;
use std::sync::{Arc, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use marketplace_core::http::RetryPolicy;
use marketplace_core::model::StockPrice;
use marketplace_core::paging::TimeWindow;
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::model::{
    NewProduct, Order, OrderItemStatus, ProductSummary, Question, Refund, RefundStatus,
};
use crate::{Client, Error, Result};

pub use seed::{
    BRAND_IDS, CARGO_COMPANY_ID, CATEGORY_IDS, COLOR_ATTRIBUTE_ID, COLOR_VALUE_IDS, sample_product,
};
use state::{Shared, State};

/// The client id the sandbox accepts (Basic auth on the token endpoint).
pub const SANDBOX_CLIENT_ID: &str = "sandbox-client";
/// The client secret the sandbox accepts.
pub const SANDBOX_CLIENT_SECRET: &str = "sandbox-secret";

/// How the sandbox behaves. `Default` is Pazarama's behaviour with short delays.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// How long product batches and price/stock batches stay in progress (default 300 ms).
    pub batch_delay: Duration,
    /// `Some((n, per))`: at most `n` API requests per `per`; more are answered 429 with
    /// `Retry-After` (default none). The token endpoint is not limited.
    pub rate_limit: Option<(u32, Duration)>,
    /// How long an access token is accepted (default 1 hour, as Pazarama documents).
    pub token_ttl: Duration,
    /// The `expires_in` the token endpoint reports (default: `token_ttl`, rounded up to
    /// whole seconds). Report more than the real lifetime to see a token refused with
    /// 401 before the client expects it — the SDK's renew-on-401 path.
    pub advertised_expires_in: Option<Duration>,
    /// Seed the reference data, products, orders, refunds, questions and finance
    /// records (default true). Brands, categories and cities are seeded either way.
    pub seed: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            batch_delay: Duration::from_millis(300),
            rate_limit: None,
            token_ttl: Duration::from_secs(3600),
            advertised_expires_in: None,
            seed: true,
        }
    }
}

impl SandboxConfig {
    /// Set [`batch_delay`](Self::batch_delay).
    #[must_use]
    pub fn batch_delay(mut self, delay: Duration) -> Self {
        self.batch_delay = delay;
        self
    }

    /// Set [`rate_limit`](Self::rate_limit): `requests` per `per`.
    #[must_use]
    pub fn rate_limit(mut self, requests: u32, per: Duration) -> Self {
        self.rate_limit = Some((requests, per));
        self
    }

    /// Set [`token_ttl`](Self::token_ttl).
    #[must_use]
    pub fn token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl;
        self
    }

    /// Set [`advertised_expires_in`](Self::advertised_expires_in).
    #[must_use]
    pub fn advertised_expires_in(mut self, expires_in: Duration) -> Self {
        self.advertised_expires_in = Some(expires_in);
        self
    }

    /// Set [`seed`](Self::seed).
    #[must_use]
    pub fn seed(mut self, seed: bool) -> Self {
        self.seed = seed;
        self
    }
}

/// A running sandbox. The server stops when the handle is dropped.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    client: Client,
    task: JoinHandle<()>,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Sandbox {
    /// Start a sandbox with [`SandboxConfig::default`].
    pub async fn start() -> Result<Sandbox> {
        Self::start_with(SandboxConfig::default()).await
    }

    /// Start a sandbox with `config`.
    pub async fn start_with(config: SandboxConfig) -> Result<Sandbox> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| sandbox_error(format!("cannot bind 127.0.0.1: {e}")))?;
        let addr = listener
            .local_addr()
            .map_err(|e| sandbox_error(format!("no local address: {e}")))?;
        let mut state = State::new(&config);
        seed::seed(&mut state, config.seed, Utc::now());
        let shared = Arc::new(Shared::new(state, config));
        let app = routes::router(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            // The server runs until the handle aborts it; an accept error ends it.
            let _ = axum::serve(listener, app).await;
        });
        let base = format!("http://{addr}");
        let client = Client::builder()
            .client_id(SANDBOX_CLIENT_ID)
            .client_secret(SANDBOX_CLIENT_SECRET)
            .base_url(&base)
            .token_url(format!("{base}/connect/token"))
            .retry_policy(fast_retry_policy())
            .build()?;
        Ok(Sandbox {
            addr,
            shared,
            client,
            task,
        })
    }

    /// `http://127.0.0.1:PORT` — the API base URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The token endpoint, `http://127.0.0.1:PORT/connect/token`.
    pub fn token_url(&self) -> String {
        format!("{}/connect/token", self.base_url())
    }

    /// A client pointed at the sandbox (API and token URL) with the sandbox credentials
    /// and a fast retry policy. Clones share the token cache.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// A client builder pointed at the sandbox with the sandbox credentials, for tests
    /// that need other options (e.g. [`RetryPolicy::never`]).
    pub fn client_builder(&self) -> crate::ClientBuilder {
        Client::builder()
            .client_id(SANDBOX_CLIENT_ID)
            .client_secret(SANDBOX_CLIENT_SECRET)
            .base_url(self.base_url())
            .token_url(self.token_url())
            .retry_policy(fast_retry_policy())
    }

    /// The configuration the sandbox runs with.
    pub fn config(&self) -> &SandboxConfig {
        &self.shared.config
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.lock()
    }

    /// Requests that change state (anything but GET, the token endpoint and Pazarama's
    /// read-only POST queries such as `getOrdersForApi`), including refused ones.
    pub fn writes_received(&self) -> usize {
        self.state().writes
    }

    /// How many tokens the token endpoint has issued.
    pub fn tokens_issued(&self) -> usize {
        self.state().tokens_issued
    }

    /// Requests answered 401 because of a missing, unknown or expired token.
    pub fn unauthorized_responses(&self) -> usize {
        self.state().unauthorized
    }

    /// Requests answered 429 by the rate limit.
    pub fn rate_limited_responses(&self) -> usize {
        self.state().rate_limited
    }

    /// Revoke every issued token (the next API call gets 401).
    pub fn revoke_tokens(&self) {
        self.state().tokens.clear();
    }

    /// Hold a new order (one item, quantity 1, placed now) whose items are in `status`.
    pub fn seed_order(&self, status: OrderItemStatus) -> Order {
        let now = Utc::now();
        self.state().add_order(now, status, 1)
    }

    /// Hold `count` new orders in status 3 (received), placed inside `window` and spread
    /// evenly across it.
    pub fn seed_orders(&self, window: TimeWindow, count: usize) -> Vec<Order> {
        let mut state = self.state();
        let span = (window.end - window.start).num_milliseconds().max(1);
        let n = i64::try_from(count).unwrap_or(i64::MAX).max(1);
        (0..n)
            .map(|i| {
                // Midpoints of `count` equal slices: strictly inside the window.
                let offset = span * (2 * i + 1) / (2 * n);
                let at = window.start + chrono::TimeDelta::milliseconds(offset);
                state.add_order(at, OrderItemStatus::Received, 1)
            })
            .collect()
    }

    /// The order with `order_number`, as the API would list it.
    pub fn order(&self, order_number: u64) -> Option<Order> {
        self.state().order(order_number).cloned()
    }

    /// The order with this order id (GUID).
    pub fn order_by_id(&self, order_id: Uuid) -> Option<Order> {
        self.state()
            .orders
            .iter()
            .find(|o| o.order_id == order_id)
            .cloned()
    }

    /// The status of the order (`orderStatus`, kept equal to its items' status when they
    /// agree).
    pub fn order_status(&self, order_number: u64) -> Option<OrderItemStatus> {
        self.state()
            .order(order_number)
            .and_then(|o| o.order_status)
    }

    /// Set every item of the order to `status` without checking the flow — what the
    /// buyer, the carrier or Pazarama do (cancel, deliver, start a return, …).
    pub fn change_order_status(&self, order_number: u64, status: OrderItemStatus) -> Result<()> {
        let mut state = self.state();
        let order = state
            .order_mut(order_number)
            .ok_or_else(|| Error::invalid_input("order_number", "no such order"))?;
        for item in &mut order.items {
            item.order_item_status = status;
        }
        state::sync_order_status(order);
        Ok(())
    }

    /// Hold a new refund request (status 1, waiting for the seller) on a new delivered
    /// order; returns its `refundId`.
    pub fn seed_claim(&self) -> Uuid {
        self.state().add_refund(Utc::now())
    }

    /// The refund's current status.
    pub fn claim_status(&self, refund_id: Uuid) -> Option<RefundStatus> {
        self.refund(refund_id).and_then(|r| r.refund_status)
    }

    /// The refund as the API would list it.
    pub fn refund(&self, refund_id: Uuid) -> Option<Refund> {
        self.state()
            .refunds
            .iter()
            .find(|r| r.refund_id == refund_id)
            .cloned()
    }

    /// Hold a new cancellation request (status 1) on a new order in status 18
    /// (cancellation requested); returns its `refundId`.
    pub fn seed_cancellation(&self) -> Uuid {
        self.state().add_cancellation(Utc::now())
    }

    /// The cancellation request as `order/api/cancel/items` would list it.
    pub fn cancellation(&self, refund_id: Uuid) -> Option<Refund> {
        self.state()
            .cancellations
            .iter()
            .find(|r| r.refund_id == refund_id)
            .cloned()
    }

    /// Hold a new question waiting for an answer; returns its `questionId`.
    pub fn seed_question(&self) -> Uuid {
        self.state().add_question(Utc::now())
    }

    /// The question as the API would return it.
    pub fn question(&self, question_id: Uuid) -> Option<Question> {
        self.state()
            .questions
            .iter()
            .find(|q| q.question_id == question_id)
            .cloned()
    }

    /// The seller's answer to the question, once given.
    pub fn question_answer(&self, question_id: Uuid) -> Option<String> {
        self.question(question_id).and_then(|q| q.answer)
    }

    /// Every price and stock item that arrived for barcode `code`, in arrival order. A
    /// price item and a stock item of the same barcode are paired into one
    /// [`StockPrice`] when the earlier one lacks that part (one "push" of a SKU sends a
    /// price item and a stock item).
    pub fn stock_items_received(&self, code: &str) -> Vec<StockPrice> {
        self.state().stock_items_received(code)
    }

    /// The product with barcode `code` as `product/products` lists it now (after any
    /// finished batches).
    pub fn product(&self, code: &str) -> Option<ProductSummary> {
        let mut state = self.state();
        state.settle(std::time::Instant::now(), self.config().batch_delay);
        state.product(code).map(state::ProductRec::summary)
    }

    /// Add a product directly (approved, state 3), bypassing the create batch.
    pub fn seed_product(&self, product: NewProduct) {
        self.state()
            .add_product(product, crate::model::ProductState::Approved);
    }

    /// Every finance transaction `order/paymentAgreement` can return (one sale per
    /// delivered seeded order), in seed order.
    pub fn transactions(&self) -> Vec<crate::model::Transaction> {
        self.state().transactions.clone()
    }

    /// When the sandbox's seed data was created (orders are spread over the 45 days
    /// before it).
    pub fn seeded_at(&self) -> DateTime<Utc> {
        self.state().seeded_at
    }
}

/// Fast retries for the sandbox client: 4 attempts, 10–100 ms backoff, `Retry-After`
/// honoured up to 2 s.
pub fn fast_retry_policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 4,
        initial_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(100),
        max_retry_after: Duration::from_secs(2),
        max_elapsed: Duration::from_secs(10),
    }
}

fn sandbox_error(message: String) -> Error {
    Error::invalid_input("sandbox", message)
}
