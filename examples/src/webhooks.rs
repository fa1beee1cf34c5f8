//! The reusable half of the `webhook_receiver` example: an axum router with
//! `POST /v1/webhooks/trendyol` and `POST /v1/webhooks/giyimmoda` that turns each verified,
//! new delivery into a targeted "sync this order" [`SyncJob`] on an in-memory queue.
//!
//! Trendyol refuses to deliver to a URL containing "trendyol", so the Trendyol handler is
//! also served at [`TRENDYOL_REGISTER_PATH`] (`/v1/webhooks/ty`): register that one.
//!
//! What a delivery goes through, in order (see `marketplace_core::webhook`):
//!
//! 1. size: a `Content-Length` over [`MAX_BODY_BYTES`], or a body that turns out longer
//!    while it is read, is refused with 413 before anything else;
//! 2. the **raw** body bytes and headers are verified by the SDK's receiver — Trendyol:
//!    Basic or `x-api-key` as registered; Giyim Moda: HMAC-SHA256 in `X-Webhook-Signature`
//!    with the subscription's secret — missing/wrong credentials or signature: 401;
//! 3. only then is the body parsed (a verified body that is not the marketplace's payload:
//!    400);
//! 4. replays are dropped through one shared [`Deduplicator`] (Trendyol: package id +
//!    status + `lastModifiedDate`; Giyim Moda: event + order + timestamp) and answered
//!    **200**, so the marketplace stops re-sending them, without a second job;
//! 5. each new event becomes one [`SyncJob`] `{marketplace, order id, status}` on the queue;
//!    if the queue is gone the event is forgotten again and answered 503, so the
//!    marketplace's re-delivery is handled later instead of being dropped as a duplicate.
//!
//! ```no_run
//! # async fn demo() -> Result<(), examples::BoxError> {
//! use examples::webhooks::{WebhookInbox, job_queue};
//!
//! let (jobs, mut queue) = job_queue();
//! let inbox = WebhookInbox::new(jobs);
//! inbox.enable_trendyol(trendyol_sdk::webhook::WebhookReceiver::api_key("my-key"));
//! inbox.enable_giyimmoda(giyimmoda_sdk::webhook::WebhookReceiver::new("whsec_…"));
//! let server = inbox.serve(0).await?;
//! println!("register {}", server.url(examples::webhooks::TRENDYOL_REGISTER_PATH));
//! while let Some(job) = queue.recv().await {
//!     println!("{job}");
//! }
//! # Ok(()) }
//! ```

use std::collections::VecDeque;
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::routing::post;
use marketplace_core::Error;
use marketplace_core::webhook::{
    DEFAULT_MAX_BODY_BYTES, Deduplicator, InMemoryDeduplicator, Rejection,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// Route of Trendyol's deliveries, as the roadmap names it.
///
/// Trendyol refuses webhook URLs that contain "Trendyol", "Dolap" or "Localhost" (any case),
/// so this path cannot be registered with Trendyol as it is: register
/// [`TRENDYOL_REGISTER_PATH`] (the same handler), or keep this path behind a proxy that
/// rewrites to it.
pub const TRENDYOL_PATH: &str = "/v1/webhooks/trendyol";
/// The same Trendyol route under a name Trendyol accepts: the URL to register.
pub const TRENDYOL_REGISTER_PATH: &str = "/v1/webhooks/ty";
/// Route of Giyim Moda's deliveries.
pub const GIYIMMODA_PATH: &str = "/v1/webhooks/giyimmoda";
/// Largest accepted delivery body (1 MiB; an order payload is a few kilobytes).
pub const MAX_BODY_BYTES: usize = DEFAULT_MAX_BODY_BYTES;
/// How long an accepted event is remembered for replay protection (24 hours).
pub const DEDUPE_TTL: Duration = Duration::from_secs(24 * 3600);
/// How many accepted events are remembered at most.
pub const DEDUPE_MAX_ENTRIES: usize = 100_000;
/// How many requests [`WebhookInbox::received`] keeps (the most recent ones).
const LOG_CAPACITY: usize = 1_000;

/// Which marketplace a delivery or job is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Trendyol.
    Trendyol,
    /// Giyim Moda.
    GiyimModa,
}

impl Source {
    /// `trendyol` or `giyimmoda`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Trendyol => "trendyol",
            Source::GiyimModa => "giyimmoda",
        }
    }

    /// The route to register with this marketplace ([`TRENDYOL_REGISTER_PATH`] for
    /// Trendyol, [`GIYIMMODA_PATH`] for Giyim Moda).
    pub fn path(self) -> &'static str {
        match self {
            Source::Trendyol => TRENDYOL_REGISTER_PATH,
            Source::GiyimModa => GIYIMMODA_PATH,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A targeted "sync this order" job, made from one accepted webhook event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncJob {
    /// The marketplace to fetch from.
    pub marketplace: Source,
    /// The order to re-fetch: Trendyol's `orderNumber` (the package id when absent),
    /// Giyim Moda's `order_id` (the order code when absent).
    pub order_id: String,
    /// Trendyol's `shipmentPackageId` (the unit whose status changed); `None` for Giyim Moda.
    pub package_id: Option<String>,
    /// The status the event announced (`Picking`, `picked_up`, …), or the event name when
    /// the payload carried no status.
    pub status: String,
    /// The key the event was de-duplicated by.
    pub event_key: String,
}

impl fmt::Display for SyncJob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sync {} order {}", self.marketplace, self.order_id)?;
        if let Some(package) = &self.package_id {
            write!(f, " (package {package})")?;
        }
        write!(f, " -> {}", self.status)
    }
}

/// The sending end of the job queue (cheap to clone).
pub type JobSender = mpsc::UnboundedSender<SyncJob>;
/// The receiving end of the job queue: the worker's.
pub type JobReceiver = mpsc::UnboundedReceiver<SyncJob>;

/// A new in-memory job queue.
pub fn job_queue() -> (JobSender, JobReceiver) {
    mpsc::unbounded_channel()
}

/// What the receiver did with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Verified and new: this many jobs were queued.
    Queued(usize),
    /// Verified, but every event in it was already handled: acknowledged, no job.
    Duplicate,
    /// Refused before parsing (size, credentials, signature); the reason, without secrets.
    Rejected(String),
    /// Verified, but not the marketplace's payload.
    BadPayload(String),
    /// Webhooks for this marketplace are not enabled on this receiver.
    NotEnabled,
    /// The job queue is closed; the event was forgotten so a re-delivery is handled.
    QueueClosed,
}

/// One request the receiver answered (kept for inspection and the demo's replay).
#[derive(Debug, Clone)]
pub struct Received {
    /// Which marketplace's route it came in on.
    pub marketplace: Source,
    /// The request path (e.g. `/v1/webhooks/ty`).
    pub path: String,
    /// Its headers, as received.
    pub headers: HeaderMap,
    /// Its raw body (empty when refused before reading).
    pub body: Bytes,
    /// The status answered.
    pub status: StatusCode,
    /// What was done with it.
    pub outcome: Outcome,
}

/// The receiver's state: which marketplaces are enabled with which credentials, the shared
/// de-duplication store and the job queue. Cheap to clone; build the router with
/// [`WebhookInbox::router`].
#[derive(Clone)]
pub struct WebhookInbox {
    inner: Arc<Inner>,
}

struct Inner {
    trendyol: RwLock<Option<trendyol_sdk::webhook::WebhookReceiver>>,
    giyimmoda: RwLock<Option<giyimmoda_sdk::webhook::WebhookReceiver>>,
    dedupe: Arc<dyn Deduplicator>,
    jobs: JobSender,
    log: Mutex<VecDeque<Received>>,
}

impl fmt::Debug for WebhookInbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookInbox")
            .field("trendyol", &self.trendyol_receiver().is_some())
            .field("giyimmoda", &self.giyimmoda_receiver().is_some())
            .finish_non_exhaustive()
    }
}

impl WebhookInbox {
    /// An inbox queueing jobs on `jobs`, with an in-memory de-duplicator
    /// ([`DEDUPE_TTL`], [`DEDUPE_MAX_ENTRIES`]) shared by both routes. No marketplace is
    /// enabled yet.
    pub fn new(jobs: JobSender) -> Self {
        Self::with_deduplicator(
            jobs,
            Arc::new(InMemoryDeduplicator::new(DEDUPE_TTL, DEDUPE_MAX_ENTRIES)),
        )
    }

    /// An inbox with your own de-duplication store (e.g. Redis, shared by several
    /// receiver instances).
    pub fn with_deduplicator(jobs: JobSender, dedupe: Arc<dyn Deduplicator>) -> Self {
        WebhookInbox {
            inner: Arc::new(Inner {
                trendyol: RwLock::new(None),
                giyimmoda: RwLock::new(None),
                dedupe,
                jobs,
                log: Mutex::new(VecDeque::new()),
            }),
        }
    }

    /// Accept Trendyol deliveries authenticated as `receiver` expects (replaces any
    /// earlier credentials).
    pub fn enable_trendyol(&self, receiver: trendyol_sdk::webhook::WebhookReceiver) {
        *self
            .inner
            .trendyol
            .write()
            .unwrap_or_else(PoisonError::into_inner) =
            Some(receiver.with_max_body_bytes(MAX_BODY_BYTES));
    }

    /// Accept Giyim Moda deliveries signed with `receiver`'s secret (replaces any earlier
    /// secret).
    pub fn enable_giyimmoda(&self, receiver: giyimmoda_sdk::webhook::WebhookReceiver) {
        *self
            .inner
            .giyimmoda
            .write()
            .unwrap_or_else(PoisonError::into_inner) =
            Some(receiver.with_max_body_bytes(MAX_BODY_BYTES));
    }

    fn trendyol_receiver(&self) -> Option<trendyol_sdk::webhook::WebhookReceiver> {
        self.inner
            .trendyol
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn giyimmoda_receiver(&self) -> Option<giyimmoda_sdk::webhook::WebhookReceiver> {
        self.inner
            .giyimmoda
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Every request answered so far (the most recent 1,000), oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.lock_log().iter().cloned().collect()
    }

    fn lock_log(&self) -> std::sync::MutexGuard<'_, VecDeque<Received>> {
        self.inner
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn record(&self, received: Received) {
        let mut log = self.lock_log();
        while log.len() >= LOG_CAPACITY {
            log.pop_front();
        }
        log.push_back(received);
    }

    /// The axum router: `POST` [`TRENDYOL_PATH`] (and its registrable alias
    /// [`TRENDYOL_REGISTER_PATH`]) and `POST` [`GIYIMMODA_PATH`].
    pub fn router(&self) -> Router {
        Router::new()
            .route(TRENDYOL_PATH, post(trendyol))
            .route(TRENDYOL_REGISTER_PATH, post(trendyol))
            .route(GIYIMMODA_PATH, post(giyimmoda))
            // The handlers enforce MAX_BODY_BYTES themselves while reading.
            .layer(DefaultBodyLimit::disable())
            .with_state(self.clone())
    }

    /// Serve [`WebhookInbox::router`] on `127.0.0.1:port` (0 = a free port) in the
    /// background.
    pub async fn serve(&self, port: u16) -> std::io::Result<RunningServer> {
        serve(self.router(), port).await
    }

    /// Read the body, refusing it with 413 as soon as it is known to be too large.
    async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, Rejection> {
        let too_large = |size| Rejection::BodyTooLarge {
            size,
            limit: MAX_BODY_BYTES,
        };
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<usize>().ok());
        if let Some(len) = declared.filter(|len| *len > MAX_BODY_BYTES) {
            return Err(too_large(len));
        }
        axum::body::to_bytes(body, MAX_BODY_BYTES)
            .await
            .map_err(|_| too_large(MAX_BODY_BYTES.saturating_add(1)))
    }

    /// Queue `job` after its key was recorded; on a closed queue, forget the key again.
    async fn enqueue(&self, job: SyncJob) -> Result<(), ()> {
        let key = job.event_key.clone();
        if self.inner.jobs.send(job).is_err() {
            self.inner.dedupe.forget(&key).await;
            return Err(());
        }
        Ok(())
    }

    async fn handle(
        &self,
        source: Source,
        path: String,
        headers: HeaderMap,
        body: Body,
    ) -> (StatusCode, String) {
        let (body, status, outcome) = match Self::read_body(&headers, body).await {
            Err(rejection) => (
                Bytes::new(),
                rejection.status_code(),
                Outcome::Rejected(rejection.to_string()),
            ),
            Ok(body) => {
                let (status, outcome) = match source {
                    Source::Trendyol => self.handle_trendyol(&headers, &body).await,
                    Source::GiyimModa => self.handle_giyimmoda(&headers, &body).await,
                };
                (body, status, outcome)
            }
        };
        let text = match &outcome {
            Outcome::Queued(n) => format!("accepted: {n} sync job(s) queued"),
            Outcome::Duplicate => "duplicate: already handled".to_owned(),
            Outcome::Rejected(reason) => format!("rejected: {reason}"),
            Outcome::BadPayload(reason) => format!("bad payload: {reason}"),
            Outcome::NotEnabled => format!("webhooks for {source} are not enabled"),
            Outcome::QueueClosed => "job queue unavailable, retry later".to_owned(),
        };
        self.record(Received {
            marketplace: source,
            path,
            headers,
            body,
            status,
            outcome,
        });
        (status, text)
    }

    async fn handle_trendyol(&self, headers: &HeaderMap, body: &[u8]) -> (StatusCode, Outcome) {
        let Some(receiver) = self.trendyol_receiver() else {
            return (StatusCode::NOT_FOUND, Outcome::NotEnabled);
        };
        let events = match receiver.verify_all(headers, body) {
            Ok(events) => events,
            Err(error) => return refused(error),
        };
        let mut queued = 0;
        for event in events {
            // One shared store for both marketplaces: namespace Trendyol's keys.
            let key = format!("trendyol:{}", event.key);
            if !self.inner.dedupe.first_seen(&key).await {
                continue;
            }
            let package = &event.package;
            let package_id = package.shipment_package_id.to_string();
            let status = package
                .status
                .as_ref()
                .or(package.shipment_package_status.as_ref())
                .map_or_else(|| "-".to_owned(), |s| s.as_str().to_owned());
            let job = SyncJob {
                marketplace: Source::Trendyol,
                order_id: package
                    .order_number
                    .clone()
                    .unwrap_or_else(|| package_id.clone()),
                package_id: Some(package_id),
                status,
                event_key: key,
            };
            if self.enqueue(job).await.is_err() {
                return (StatusCode::SERVICE_UNAVAILABLE, Outcome::QueueClosed);
            }
            queued += 1;
        }
        accepted(queued)
    }

    async fn handle_giyimmoda(&self, headers: &HeaderMap, body: &[u8]) -> (StatusCode, Outcome) {
        use giyimmoda_sdk::webhook::EventData;

        let Some(receiver) = self.giyimmoda_receiver() else {
            return (StatusCode::NOT_FOUND, Outcome::NotEnabled);
        };
        let payload = match receiver.receive(headers, body, &*self.inner.dedupe).await {
            Ok(payload) => payload,
            Err(error) => return refused(error),
        };
        let EventData::Order(order) = &payload.data else {
            // A stock or unknown event: acknowledged, nothing to sync per order.
            return (StatusCode::OK, Outcome::Queued(0));
        };
        let Some(order_id) = order
            .order_id
            .map(|id| id.to_string())
            .or_else(|| order.code.clone())
        else {
            return (StatusCode::OK, Outcome::Queued(0));
        };
        let status = order
            .delivery_status
            .as_ref()
            .map_or_else(|| payload.event.to_string(), |s| s.as_str().to_owned());
        let job = SyncJob {
            marketplace: Source::GiyimModa,
            order_id,
            package_id: None,
            status,
            event_key: payload.dedup_key,
        };
        if self.enqueue(job).await.is_err() {
            return (StatusCode::SERVICE_UNAVAILABLE, Outcome::QueueClosed);
        }
        (StatusCode::OK, Outcome::Queued(1))
    }
}

/// 200 with the number of jobs queued from verified events (none: all were duplicates).
fn accepted(queued: usize) -> (StatusCode, Outcome) {
    if queued == 0 {
        (StatusCode::OK, Outcome::Duplicate)
    } else {
        (StatusCode::OK, Outcome::Queued(queued))
    }
}

/// The answer to a delivery the SDK refused.
fn refused(error: Error) -> (StatusCode, Outcome) {
    match error {
        Error::WebhookRejected(rejection) if rejection.is_duplicate() => {
            (rejection.status_code(), Outcome::Duplicate)
        }
        Error::WebhookRejected(rejection) => (
            rejection.status_code(),
            Outcome::Rejected(rejection.to_string()),
        ),
        other => (
            StatusCode::BAD_REQUEST,
            Outcome::BadPayload(other.to_string()),
        ),
    }
}

async fn trendyol(
    State(inbox): State<WebhookInbox>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> (StatusCode, String) {
    inbox
        .handle(Source::Trendyol, uri.path().to_owned(), headers, body)
        .await
}

async fn giyimmoda(
    State(inbox): State<WebhookInbox>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> (StatusCode, String) {
    inbox
        .handle(Source::GiyimModa, uri.path().to_owned(), headers, body)
        .await
}

/// Serve any router (e.g. [`WebhookInbox::router`] with extra layers) on
/// `127.0.0.1:port` (0 = a free port) in the background.
pub async fn serve(router: Router, port: u16) -> std::io::Result<RunningServer> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    let task = tokio::spawn(async move {
        // An I/O error ends the server task; `RunningServer::wait` returns then.
        let _ = axum::serve(listener, router).await;
    });
    Ok(RunningServer { addr, task })
}

/// The receiver serving in the background; stops when dropped.
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl RunningServer {
    /// The bound address (127.0.0.1 and the actual port).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT{path}` — an IP, not `localhost`: Trendyol refuses webhook
    /// URLs containing "localhost".
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Wait until the server task ends (it only ends on an I/O error or when aborted).
    pub async fn wait(mut self) {
        let _ = (&mut self.task).await;
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
