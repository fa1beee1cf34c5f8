//! The roadmap's webhook acceptance checks (sprint 8), end to end against the Trendyol and
//! Giyim Moda sandboxes, all on 127.0.0.1:
//!
//! - a webhook creates a "sync this order" job automatically;
//! - the same event again (a replayed delivery, or the marketplace's own re-delivery after
//!   a lost acknowledgement) creates no duplicate job and is answered 200;
//! - a tampered or unauthenticated delivery is refused with 401 and creates no job.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use examples::webhooks::{
    self, GIYIMMODA_PATH, JobReceiver, MAX_BODY_BYTES, Outcome, Source, SyncJob, TRENDYOL_PATH,
    TRENDYOL_REGISTER_PATH, WebhookInbox, job_queue,
};
use giyimmoda_sdk::model::{DeliveryStatus, NewWebhook, WebhookEvent};
use trendyol_sdk::model::orders::{LineQuantity, PackageStatus};
use trendyol_sdk::model::webhooks::WebhookRequest;
use trendyol_sdk::webhook::WebhookReceiver as TrendyolReceiver;

const RETRY: Duration = Duration::from_millis(50);
const WAIT: Duration = Duration::from_secs(10);
const TY_KEY: &str = "test-webhook-key";
const TY_USER: &str = "hook-user";
const TY_PASS: &str = "hook-pass";
const GM_SECRET: &str = "whsec_test_receiver";

// ---- helpers ------------------------------------------------------------------------------

async fn next_job(queue: &mut JobReceiver) -> SyncJob {
    tokio::time::timeout(WAIT, queue.recv())
        .await
        .expect("a job within the timeout")
        .expect("queue open")
}

fn assert_no_job(queue: &mut JobReceiver) {
    // Jobs are queued before the delivery is answered, so once the answer is in, an absent
    // job is absent for good.
    if let Ok(job) = queue.try_recv() {
        panic!("unexpected extra job: {job}");
    }
}

async fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The most recent request the inbox answered (it is logged just after its job is queued).
async fn last_received(inbox: &WebhookInbox, count: usize) -> webhooks::Received {
    wait_until("the request log", || inbox.received().len() >= count).await;
    inbox.received().pop().unwrap()
}

async fn post(url: &str, headers: &HeaderMap, body: Vec<u8>) -> (StatusCode, String) {
    let response = reqwest::Client::new()
        .post(url)
        .headers(headers.clone())
        .body(body)
        .send()
        .await
        .unwrap();
    let status = StatusCode::from_u16(response.status().as_u16()).unwrap();
    (status, response.text().await.unwrap())
}

/// The inbox's router behind a layer that turns the first 2xx answer into a 500, as if the
/// acknowledgement got lost: the marketplace then re-delivers the same event.
fn losing_first_ack(inbox: &WebhookInbox) -> axum::Router {
    let lost = Arc::new(AtomicBool::new(false));
    inbox
        .router()
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            let lost = Arc::clone(&lost);
            async move {
                let response: Response = next.run(request).await;
                if response.status().is_success() && !lost.swap(true, Ordering::SeqCst) {
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
                response
            }
        }))
}

// ---- Trendyol -----------------------------------------------------------------------------

struct Trendyol {
    sandbox: trendyol_sdk::sandbox::Sandbox,
    client: trendyol_sdk::Client,
    inbox: WebhookInbox,
    queue: JobReceiver,
    server: webhooks::RunningServer,
}

impl Trendyol {
    /// A sandbox with fast re-delivery, an inbox enabled for `registration`'s credentials,
    /// served on a free port (optionally losing the first acknowledgement), and the webhook
    /// registered through the SDK.
    async fn start(registration: impl Fn(String) -> WebhookRequest, lose_first_ack: bool) -> Self {
        let config = trendyol_sdk::sandbox::SandboxConfig::default().webhook_retry_interval(RETRY);
        let sandbox = trendyol_sdk::sandbox::Sandbox::start_with(config)
            .await
            .unwrap();
        let client = sandbox.client().unwrap();
        let (jobs, queue) = job_queue();
        let inbox = WebhookInbox::new(jobs);
        let router = if lose_first_ack {
            losing_first_ack(&inbox)
        } else {
            inbox.router()
        };
        let server = webhooks::serve(router, 0).await.unwrap();
        let request = registration(server.url(TRENDYOL_REGISTER_PATH));
        inbox.enable_trendyol(TrendyolReceiver::for_registration(&request).unwrap());
        let created = client.webhooks().create(&request).await.unwrap();
        assert!(created.id.is_some());
        Trendyol {
            sandbox,
            client,
            inbox,
            queue,
            server,
        }
    }

    /// Move a fresh `Created` package to `Picking` through the SDK; returns its id and
    /// order number.
    async fn pick_a_package(&self) -> (u64, String) {
        let id = self.sandbox.seed_order(PackageStatus::Created);
        let package = self.sandbox.package(id).unwrap();
        let lines = package
            .lines
            .iter()
            .map(|l| LineQuantity::new(l.line_id.clone(), l.quantity.unwrap_or(1)))
            .collect();
        self.client.orders().picking(id, lines).await.unwrap();
        (id, package.order_number.unwrap())
    }
}

fn api_key_hook(url: String) -> WebhookRequest {
    WebhookRequest::api_key(url, TY_KEY)
}

fn basic_hook(url: String) -> WebhookRequest {
    WebhookRequest::basic(url, TY_USER, TY_PASS)
}

#[tokio::test]
async fn trendyol_webhook_creates_a_sync_job_automatically() {
    for registration in [api_key_hook as fn(String) -> WebhookRequest, basic_hook] {
        let mut t = Trendyol::start(registration, false).await;
        let (package_id, order_number) = t.pick_a_package().await;

        let job = next_job(&mut t.queue).await;
        assert_eq!(job.marketplace, Source::Trendyol);
        assert_eq!(job.order_id, order_number);
        assert_eq!(
            job.package_id.as_deref(),
            Some(package_id.to_string().as_str())
        );
        assert_eq!(job.status, "Picking");
        assert!(
            job.event_key
                .starts_with(&format!("trendyol:{package_id}:Picking:"))
        );
        assert_no_job(&mut t.queue);

        // The sandbox saw one delivery, answered 200.
        wait_until("the delivery record", || !t.sandbox.deliveries().is_empty()).await;
        let deliveries = t.sandbox.deliveries();
        assert_eq!(deliveries.len(), 1, "{deliveries:?}");
        assert_eq!(deliveries[0].response_status, Some(200));
        assert_eq!(deliveries[0].package_id, package_id);
    }
}

#[tokio::test]
async fn trendyol_same_event_replayed_creates_no_duplicate_job() {
    let mut t = Trendyol::start(api_key_hook, false).await;
    t.pick_a_package().await;
    let first = next_job(&mut t.queue).await;

    let delivered = last_received(&t.inbox, 1).await;
    assert_eq!(delivered.outcome, Outcome::Queued(1));
    let (status, text) = post(
        &t.server.url(TRENDYOL_PATH),
        &delivered.headers,
        delivered.body.to_vec(),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a duplicate is acknowledged: {text}"
    );
    assert!(text.contains("duplicate"), "{text}");
    assert_no_job(&mut t.queue);
    assert_eq!(
        t.inbox.received().last().unwrap().outcome,
        Outcome::Duplicate
    );

    // A new status of the same package is a new event: one more job.
    let package_id: u64 = first.package_id.unwrap().parse().unwrap();
    assert!(
        t.sandbox
            .change_order_status(package_id, PackageStatus::Shipped)
    );
    let second = next_job(&mut t.queue).await;
    assert_eq!(second.status, "Shipped");
    assert_eq!(second.order_id, first.order_id);
    assert_no_job(&mut t.queue);
}

#[tokio::test]
async fn trendyol_redelivery_after_a_lost_ack_creates_no_duplicate_job() {
    let mut t = Trendyol::start(basic_hook, true).await;
    let (package_id, _) = t.pick_a_package().await;
    let job = next_job(&mut t.queue).await;
    assert_eq!(job.status, "Picking");

    // Trendyol re-delivers until a 2xx: the second attempt is answered 200 as a duplicate.
    wait_until("the re-delivery", || {
        t.sandbox.deliveries().iter().any(|d| d.succeeded())
    })
    .await;
    let deliveries = t.sandbox.deliveries();
    let attempts: Vec<_> = deliveries
        .iter()
        .map(|d| (d.package_id, d.attempt, d.response_status))
        .collect();
    assert_eq!(
        attempts,
        vec![(package_id, 1, Some(500)), (package_id, 2, Some(200))]
    );
    assert_no_job(&mut t.queue);
    let outcomes: Vec<_> = t.inbox.received().into_iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, vec![Outcome::Queued(1), Outcome::Duplicate]);
}

#[tokio::test]
async fn trendyol_unauthenticated_delivery_is_rejected_with_401_and_no_job() {
    let mut t = Trendyol::start(api_key_hook, false).await;
    t.pick_a_package().await;
    next_job(&mut t.queue).await;
    let delivered = last_received(&t.inbox, 1).await;
    let url = t.server.url(TRENDYOL_PATH);

    // Trendyol signs nothing, so the body of a forged delivery is irrelevant: what matters
    // is the credential. A different package status (a would-be new event) with no key, a
    // wrong key, or Basic instead of the registered key are all refused.
    let forged = String::from_utf8(delivered.body.to_vec())
        .unwrap()
        .replace("\"Picking\"", "\"Delivered\"");
    assert_ne!(forged.as_bytes(), &delivered.body[..]);
    let mut wrong_key = HeaderMap::new();
    wrong_key.insert("x-api-key", HeaderValue::from_static("not-the-key"));
    let basic = TrendyolReceiver::basic(TY_USER, TY_PASS)
        .delivery_headers(forged.as_bytes())
        .unwrap();
    for headers in [HeaderMap::new(), wrong_key, basic] {
        let (status, text) = post(&url, &headers, forged.clone().into_bytes()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
        assert!(!text.contains(TY_KEY), "{text}");
        assert_no_job(&mut t.queue);
    }

    // A webhook registered with other credentials than the receiver's: the sandbox's real
    // deliveries are refused with 401 too, and create no job.
    t.inbox
        .enable_trendyol(TrendyolReceiver::api_key("rotated-key-not-registered"));
    let before = t.sandbox.deliveries().len();
    t.pick_a_package().await;
    wait_until("the refused delivery", || {
        t.sandbox.deliveries().len() > before
    })
    .await;
    assert_eq!(t.sandbox.deliveries()[before].response_status, Some(401));
    assert_no_job(&mut t.queue);
}

#[tokio::test]
async fn oversized_delivery_is_rejected_with_413_and_no_job() {
    let mut t = Trendyol::start(api_key_hook, false).await;
    let headers = TrendyolReceiver::api_key(TY_KEY)
        .delivery_headers(b"")
        .unwrap();
    let body = vec![b' '; MAX_BODY_BYTES + 1];
    let (status, text) = post(&t.server.url(TRENDYOL_PATH), &headers, body).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
    assert_no_job(&mut t.queue);
}

// ---- Giyim Moda ---------------------------------------------------------------------------

struct GiyimModa {
    sandbox: giyimmoda_sdk::sandbox::Sandbox,
    client: giyimmoda_sdk::Client,
    inbox: WebhookInbox,
    queue: JobReceiver,
    server: webhooks::RunningServer,
}

impl GiyimModa {
    /// A sandbox with fast re-delivery, an inbox verifying with [`GM_SECRET`], and an
    /// `order.updated` webhook registered through the SDK with `registered_secret`.
    async fn start(registered_secret: &str, lose_first_ack: bool) -> Self {
        let config = giyimmoda_sdk::sandbox::SandboxConfig::new().webhook_retry_interval(RETRY);
        let sandbox = giyimmoda_sdk::sandbox::Sandbox::start_with(config)
            .await
            .unwrap();
        let client = sandbox.client();
        let (jobs, queue) = job_queue();
        let inbox = WebhookInbox::new(jobs);
        inbox.enable_giyimmoda(giyimmoda_sdk::webhook::WebhookReceiver::new(GM_SECRET));
        let router = if lose_first_ack {
            losing_first_ack(&inbox)
        } else {
            inbox.router()
        };
        let server = webhooks::serve(router, 0).await.unwrap();
        let hook = client
            .webhooks()
            .create(&NewWebhook {
                event_type: Some(WebhookEvent::OrderUpdated),
                url: server.url(GIYIMMODA_PATH),
                secret: Some(registered_secret.to_owned()),
            })
            .await
            .unwrap();
        assert_eq!(hook.is_active, Some(true));
        GiyimModa {
            sandbox,
            client,
            inbox,
            queue,
            server,
        }
    }

    /// Confirm a fresh pending order through the SDK; returns its id.
    async fn confirm_an_order(&self) -> u64 {
        let id = self.sandbox.seed_order(DeliveryStatus::Pending);
        self.client
            .orders()
            .update_status(id, DeliveryStatus::Confirmed, None)
            .await
            .unwrap();
        id
    }
}

#[tokio::test]
async fn giyimmoda_webhook_creates_a_sync_job_automatically() {
    let mut g = GiyimModa::start(GM_SECRET, false).await;
    let order_id = g.confirm_an_order().await;

    let job = next_job(&mut g.queue).await;
    assert_eq!(job.marketplace, Source::GiyimModa);
    assert_eq!(job.order_id, order_id.to_string());
    assert_eq!(job.package_id, None);
    assert_eq!(job.status, "confirmed");
    assert!(
        job.event_key
            .starts_with(&format!("giyimmoda:order.updated:{order_id}:"))
    );
    assert_no_job(&mut g.queue);

    let deliveries = g.sandbox.wait_for_deliveries(1, WAIT).await;
    assert_eq!(deliveries.len(), 1, "{deliveries:?}");
    assert_eq!(deliveries[0].status, Some(200));
}

#[tokio::test]
async fn giyimmoda_same_event_replayed_creates_no_duplicate_job() {
    let mut g = GiyimModa::start(GM_SECRET, false).await;
    let order_id = g.confirm_an_order().await;
    next_job(&mut g.queue).await;

    // Replay the exact bytes and signature the sandbox sent.
    let sent = g.sandbox.wait_for_deliveries(1, WAIT).await.pop().unwrap();
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-webhook-signature",
        HeaderValue::from_str(&sent.signature).unwrap(),
    );
    headers.insert("content-type", HeaderValue::from_static("application/json"));
    for _ in 0..2 {
        let (status, text) = post(
            &g.server.url(GIYIMMODA_PATH),
            &headers,
            sent.body.clone().into_bytes(),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{text}");
        assert!(text.contains("duplicate"), "{text}");
    }
    assert_no_job(&mut g.queue);

    // The next status of the same order is a new event: one more job.
    g.client
        .orders()
        .update_status(order_id, DeliveryStatus::PickedUp, None)
        .await
        .unwrap();
    let job = next_job(&mut g.queue).await;
    assert_eq!(job.status, "picked_up");
    assert_eq!(job.order_id, order_id.to_string());
    assert_no_job(&mut g.queue);
}

#[tokio::test]
async fn giyimmoda_redelivery_after_a_lost_ack_creates_no_duplicate_job() {
    let mut g = GiyimModa::start(GM_SECRET, true).await;
    g.confirm_an_order().await;
    next_job(&mut g.queue).await;

    wait_until("the re-delivery", || {
        g.sandbox.deliveries().iter().any(|d| d.succeeded())
    })
    .await;
    let deliveries = g.sandbox.deliveries();
    let attempts: Vec<_> = deliveries.iter().map(|d| (d.attempt, d.status)).collect();
    assert_eq!(attempts, vec![(1, Some(500)), (2, Some(200))]);
    assert_eq!(
        deliveries[0].body, deliveries[1].body,
        "same event, same bytes"
    );
    assert_no_job(&mut g.queue);
    let outcomes: Vec<_> = g.inbox.received().into_iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, vec![Outcome::Queued(1), Outcome::Duplicate]);
}

#[tokio::test]
async fn giyimmoda_tampered_or_unsigned_delivery_is_rejected_with_401_and_no_job() {
    let mut g = GiyimModa::start(GM_SECRET, false).await;
    let order_id = g.confirm_an_order().await;
    next_job(&mut g.queue).await;
    let sent = g.sandbox.wait_for_deliveries(1, WAIT).await.pop().unwrap();
    let url = g.server.url(GIYIMMODA_PATH);

    // The same signature over a changed body (a later status, a new timestamp: what an
    // attacker would need to get a new job) does not verify.
    let tampered = sent
        .body
        .replace("\"confirmed\"", "\"delivered\"")
        .replace("Z\"", "1Z\"");
    assert_ne!(tampered, sent.body);
    let mut signed = HeaderMap::new();
    signed.insert(
        "x-webhook-signature",
        HeaderValue::from_str(&sent.signature).unwrap(),
    );
    let mut garbage = HeaderMap::new();
    garbage.insert("x-webhook-signature", HeaderValue::from_static("sha256=zz"));
    let wrong_secret =
        giyimmoda_sdk::webhook::WebhookReceiver::new("not-the-secret").sign(tampered.as_bytes());
    for headers in [signed, HeaderMap::new(), garbage, wrong_secret] {
        let (status, text) = post(&url, &headers, tampered.clone().into_bytes()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
        assert!(!text.contains(GM_SECRET), "{text}");
        assert_no_job(&mut g.queue);
    }
    assert!(
        g.inbox
            .received()
            .iter()
            .skip(1)
            .all(|r| matches!(r.outcome, Outcome::Rejected(_)))
    );

    // A webhook registered with another secret: the sandbox's own deliveries fail the
    // signature check (401) and create no job.
    let mut other = GiyimModa::start("whsec_someone_else", false).await;
    other.confirm_an_order().await;
    wait_until("the refused delivery", || {
        !other.sandbox.deliveries().is_empty()
    })
    .await;
    assert_eq!(other.sandbox.deliveries()[0].status, Some(401));
    assert_no_job(&mut other.queue);
    assert_eq!(
        g.sandbox.order_status(order_id),
        Some(DeliveryStatus::Confirmed)
    );
}

#[tokio::test]
async fn a_marketplace_that_is_not_enabled_gets_404_and_no_job() {
    let (jobs, mut queue) = job_queue();
    let inbox = WebhookInbox::new(jobs);
    let server = inbox.serve(0).await.unwrap();
    let receiver = giyimmoda_sdk::webhook::WebhookReceiver::new(GM_SECRET);
    let body =
        br#"{"event":"order.updated","timestamp":"2026-01-03T10:30:00Z","data":{"order_id":1}}"#;
    let (status, _) = post(
        &server.url(GIYIMMODA_PATH),
        &receiver.sign(body),
        body.to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_no_job(&mut queue);
}
