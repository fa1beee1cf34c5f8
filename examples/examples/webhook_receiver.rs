//! Webhook receiver: order webhooks from Trendyol and Giyim Moda become targeted "sync this
//! order" jobs (roadmap sprint 8).
//!
//! An axum server on 127.0.0.1 (port from `PORT`, default a free one) with
//! `POST /v1/webhooks/trendyol` (also served as `/v1/webhooks/ty`: Trendyol refuses webhook
//! URLs that contain "trendyol") and `POST /v1/webhooks/giyimmoda`. Each request's raw body
//! is verified by the SDK's receiver (Trendyol: Basic or `x-api-key`; Giyim Moda: HMAC-SHA256
//! in `X-Webhook-Signature`), replays are acknowledged with 200 but dropped, and each new
//! event becomes one job on an in-memory queue that a worker drains.
//!
//! ```text
//! cargo run --example webhook_receiver              # no credentials: the demo below
//! cargo run --example webhook_receiver -- --demo    # the demo, against the sandboxes
//! cargo run --example webhook_receiver -- --serve   # just serve until Ctrl-C
//! ```
//!
//! The demo (sandbox only — it changes orders): register the webhook through the SDK (the
//! "enable webhooks for this connection" step), change an order, show the delivery turning
//! into a job, deliver the same event again (no second job) and a forged one (401).
//!
//! Serving reads the receiver's credentials from `WEBHOOK_TRENDYOL_API_KEY` (or
//! `WEBHOOK_TRENDYOL_USERNAME` + `WEBHOOK_TRENDYOL_PASSWORD`) and `WEBHOOK_GIYIMMODA_SECRET`.
#![allow(clippy::print_stdout)]

use std::env;
use std::time::Duration;

use examples::BoxError;
use examples::webhooks::{
    GIYIMMODA_PATH, JobReceiver, Outcome, Received, Source, SyncJob, TRENDYOL_PATH,
    TRENDYOL_REGISTER_PATH, WebhookInbox, job_queue,
};
use giyimmoda_sdk::model::{DeliveryStatus, NewWebhook, OrderQuery, PerPage, WebhookEvent};
use giyimmoda_sdk::webhook::WebhookReceiver as GiyimModaReceiver;
use reqwest::header::{HeaderMap, HeaderValue};
use tokio::sync::mpsc;
use trendyol_sdk::api::orders::ShipmentPackagesQuery;
use trendyol_sdk::model::orders::{LineQuantity, PackageStatus};
use trendyol_sdk::model::webhooks::WebhookRequest;
use trendyol_sdk::webhook::WebhookReceiver as TrendyolReceiver;

/// How long the demo waits for a delivery to arrive and be handled.
const WAIT: Duration = Duration::from_secs(10);

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let args: Vec<String> = env::args().skip(1).collect();
    let port = match var("PORT") {
        Some(port) => port.parse::<u16>()?,
        None => 0,
    };
    let demo = if args.iter().any(|a| a == "--serve") {
        false
    } else if args.iter().any(|a| a == "--demo") {
        true
    } else {
        let credentials = ["TRENDYOL_API_KEY", "GIYIMMODA_API_KEY"]
            .iter()
            .any(|v| var(v).is_some());
        if !credentials {
            println!(
                "(no marketplace credentials: running the demo against the sandboxes; `-- --serve` just serves)"
            );
        }
        !credentials
    };
    if demo {
        run_demo(port).await
    } else {
        serve(port).await
    }
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.trim().is_empty())
}

// ---- serving --------------------------------------------------------------------------------

async fn serve(port: u16) -> Result<(), BoxError> {
    let (jobs, queue) = job_queue();
    let inbox = WebhookInbox::new(jobs);
    let trendyol = match (
        var("WEBHOOK_TRENDYOL_USERNAME"),
        var("WEBHOOK_TRENDYOL_PASSWORD"),
    ) {
        (Some(user), Some(pass)) => {
            println!("Trendyol deliveries: Basic authentication as {user:?}");
            TrendyolReceiver::basic(user, pass)
        }
        _ => {
            let key = var("WEBHOOK_TRENDYOL_API_KEY").unwrap_or_else(|| {
                println!(
                    "(no WEBHOOK_TRENDYOL_API_KEY: Trendyol deliveries must carry x-api-key: example-trendyol-key)"
                );
                "example-trendyol-key".to_owned()
            });
            TrendyolReceiver::api_key(key)
        }
    };
    let secret = var("WEBHOOK_GIYIMMODA_SECRET").unwrap_or_else(|| {
        println!(
            "(no WEBHOOK_GIYIMMODA_SECRET: Giyim Moda deliveries must be signed with example-giyimmoda-secret)"
        );
        "example-giyimmoda-secret".to_owned()
    });
    inbox.enable_trendyol(trendyol);
    inbox.enable_giyimmoda(GiyimModaReceiver::new(secret));
    let server = inbox.serve(port).await?;

    println!("webhook receiver listening on http://{}", server.addr());
    println!(
        "  POST {}  (register {} with Trendyol: its URLs must not contain \"trendyol\")",
        server.url(TRENDYOL_PATH),
        server.url(TRENDYOL_REGISTER_PATH)
    );
    println!("  POST {}", server.url(GIYIMMODA_PATH));
    println!(
        "register them with client.webhooks().create(..) on a public address (a tunnel or proxy to this port); Ctrl-C stops"
    );
    let worker = tokio::spawn(worker(queue, None, None));
    tokio::signal::ctrl_c().await?;
    println!("stopping");
    drop(server);
    worker.abort();
    Ok(())
}

// ---- the worker -----------------------------------------------------------------------------

/// Drain the queue: for each job, do the targeted sync when a client is at hand (re-fetch
/// that one order). Reports `(job, what was done)` on `done`, or prints it without `done`.
async fn worker(
    mut queue: JobReceiver,
    clients: Option<(Option<trendyol_sdk::Client>, Option<giyimmoda_sdk::Client>)>,
    done: Option<mpsc::UnboundedSender<(SyncJob, String)>>,
) {
    let (trendyol, giyimmoda) = clients.unwrap_or_default();
    while let Some(job) = queue.recv().await {
        let fetched = match job.marketplace {
            Source::Trendyol => match &trendyol {
                Some(client) => sync_trendyol(client, &job).await.map(Some),
                None => Ok(None),
            },
            Source::GiyimModa => match &giyimmoda {
                Some(client) => sync_giyimmoda(client, &job).await.map(Some),
                None => Ok(None),
            },
        };
        let report = match fetched {
            Ok(Some(status)) => format!(
                "re-fetched {} order {}: now {status}",
                job.marketplace, job.order_id
            ),
            Ok(None) => "would re-fetch this one order now".to_owned(),
            Err(error) => format!("sync failed: {error}"),
        };
        match &done {
            Some(done) => {
                let _ = done.send((job, report));
            }
            None => println!("worker: {job}: {report}"),
        }
    }
}

async fn sync_trendyol(client: &trendyol_sdk::Client, job: &SyncJob) -> Result<String, BoxError> {
    let page = client
        .orders()
        .list(&ShipmentPackagesQuery::new().order_number(job.order_id.clone()))
        .await?;
    let package = page
        .content
        .iter()
        .find(|p| Some(p.shipment_package_id.to_string()) == job.package_id)
        .ok_or("the package is not in the order any more")?;
    Ok(package
        .status
        .as_ref()
        .map_or_else(|| "-".to_owned(), |s| s.to_string()))
}

async fn sync_giyimmoda(client: &giyimmoda_sdk::Client, job: &SyncJob) -> Result<String, BoxError> {
    let order = client.orders().get(job.order_id.parse()?).await?;
    Ok(order
        .delivery_status
        .map_or_else(|| "-".to_owned(), |s| s.to_string()))
}

// ---- the demo -------------------------------------------------------------------------------

struct Demo {
    inbox: WebhookInbox,
    server: examples::webhooks::RunningServer,
    done: mpsc::UnboundedReceiver<(SyncJob, String)>,
    http: reqwest::Client,
    events: usize,
    deliveries: usize,
    jobs: usize,
}

impl Demo {
    /// Wait for the worker to finish the job of the next new event.
    async fn next_job(&mut self) -> Result<(SyncJob, String), BoxError> {
        let job = tokio::time::timeout(WAIT, self.done.recv())
            .await
            .map_err(|_| "no delivery arrived in time")?
            .ok_or("the worker stopped")?;
        self.jobs += 1;
        Ok(job)
    }

    /// The marketplace's own delivery: the next request the inbox answers.
    async fn delivered(&mut self) -> Result<Received, BoxError> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let received = self.inbox.received();
            if received.len() > self.deliveries {
                self.deliveries += 1;
                return received.last().cloned().ok_or_else(|| "no request".into());
            }
            if tokio::time::Instant::now() >= deadline {
                return Err("no delivery arrived in time".into());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// POST a delivery to the receiver as a marketplace would; print and return the answer.
    async fn deliver(
        &mut self,
        path: &str,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<u16, BoxError> {
        let response = self
            .http
            .post(self.server.url(path))
            .headers(headers)
            .body(body)
            .send()
            .await?;
        let status = response.status().as_u16();
        let text = response.text().await?;
        println!("   POST {path} -> {status} ({text})");
        self.deliveries += 1;
        Ok(status)
    }

    /// No job may appear after a refused or duplicate delivery (jobs are queued before the
    /// answer, so give the worker a moment and look).
    async fn expect_no_job(&mut self) -> Result<(), BoxError> {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if let Ok((job, _)) = self.done.try_recv() {
            return Err(format!("unexpected second job: {job}").into());
        }
        println!("   no new job");
        Ok(())
    }
}

fn describe(received: &Received) -> String {
    let outcome = match &received.outcome {
        Outcome::Queued(n) => format!("accepted, {n} sync job(s) queued"),
        Outcome::Duplicate => "duplicate, acknowledged".to_owned(),
        Outcome::Rejected(reason) => format!("rejected: {reason}"),
        other => format!("{other:?}"),
    };
    format!(
        "POST {} ({} bytes) -> {} {outcome}",
        received.path,
        received.body.len(),
        received.status.as_u16()
    )
}

async fn run_demo(port: u16) -> Result<(), BoxError> {
    let trendyol = examples::trendyol().await?;
    let giyimmoda = examples::giyimmoda().await?;

    let (jobs, queue) = job_queue();
    let inbox = WebhookInbox::new(jobs);
    let server = inbox.serve(port).await?;
    let (done_tx, done) = mpsc::unbounded_channel();
    let clients = (
        Some(trendyol.client.clone()),
        Some(giyimmoda.client.clone()),
    );
    let worker = tokio::spawn(worker(queue, Some(clients), Some(done_tx)));

    println!("\nwebhook receiver listening on http://{}", server.addr());
    println!(
        "  POST {TRENDYOL_PATH}   (registered as {TRENDYOL_REGISTER_PATH}: Trendyol refuses URLs containing \"trendyol\")"
    );
    println!("  POST {GIYIMMODA_PATH}");

    let mut demo = Demo {
        inbox,
        server,
        done,
        http: reqwest::Client::new(),
        events: 0,
        deliveries: 0,
        jobs: 0,
    };

    match &trendyol.sandbox {
        Some(sandbox) => trendyol_demo(&mut demo, &trendyol.client, sandbox).await?,
        None => println!(
            "\n(skipping Trendyol: the demo changes an order, so it only runs against the sandbox; unset TRENDYOL_* to try it)"
        ),
    }
    match &giyimmoda.sandbox {
        Some(sandbox) => giyimmoda_demo(&mut demo, &giyimmoda.client, sandbox).await?,
        None => println!(
            "\n(skipping Giyim Moda: the demo changes an order, so it only runs against the sandbox; unset GIYIMMODA_* to try it)"
        ),
    }

    println!(
        "\n{} events, {} deliveries to the receiver -> {} sync jobs (exactly one per event)",
        demo.events, demo.deliveries, demo.jobs
    );
    worker.abort();
    if demo.jobs != demo.events {
        return Err(format!("{} jobs for {} events", demo.jobs, demo.events).into());
    }
    Ok(())
}

async fn trendyol_demo(
    demo: &mut Demo,
    client: &trendyol_sdk::Client,
    sandbox: &trendyol_sdk::sandbox::Sandbox,
) -> Result<(), BoxError> {
    println!("\n== Trendyol (sandbox)");
    let key = "demo-trendyol-webhook-key";
    let request = WebhookRequest::api_key(demo.server.url(TRENDYOL_REGISTER_PATH), key);
    demo.inbox
        .enable_trendyol(TrendyolReceiver::for_registration(&request)?);
    let created = client.webhooks().create(&request).await?;
    println!(
        "1. enable webhooks for this connection: createWebhook {} (API_KEY) -> id {}",
        request.url,
        created.id.as_deref().unwrap_or("-")
    );

    // An order waiting for the seller: the first Created package of the last week.
    let page = client
        .orders()
        .list(&ShipmentPackagesQuery::new().status(PackageStatus::Created))
        .await?;
    let package = match page.content.into_iter().find(|p| !p.lines.is_empty()) {
        Some(package) => package,
        None => sandbox
            .package(sandbox.seed_order(PackageStatus::Created))
            .ok_or("the sandbox lost its package")?,
    };
    let lines: Vec<LineQuantity> = package
        .lines
        .iter()
        .map(|l| LineQuantity::new(l.line_id.clone(), l.quantity.unwrap_or(1)))
        .collect();
    client
        .orders()
        .picking(package.shipment_package_id.clone(), lines)
        .await?;
    demo.events += 1;
    println!(
        "2. change an order: package {} (order {}) Created -> Picking (updatePackageStatus)",
        package.shipment_package_id,
        package.order_number.as_deref().unwrap_or("-")
    );

    let (job, report) = demo.next_job().await?;
    let delivered = demo.delivered().await?;
    println!("3. Trendyol delivered: {}", describe(&delivered));
    println!("   job: {job}");
    println!("   worker: {report}");

    println!("4. the same event again (the captured delivery, byte for byte):");
    let status = demo
        .deliver(
            TRENDYOL_PATH,
            delivered.headers.clone(),
            delivered.body.to_vec(),
        )
        .await?;
    if status != 200 {
        return Err(format!("a duplicate should be acknowledged with 200, got {status}").into());
    }
    demo.expect_no_job().await?;

    println!("5. a forged delivery (a wrong x-api-key):");
    let mut headers = HeaderMap::new();
    headers.insert("x-api-key", HeaderValue::from_static("guessed-key"));
    headers.insert("content-type", HeaderValue::from_static("application/json"));
    let status = demo
        .deliver(TRENDYOL_PATH, headers, delivered.body.to_vec())
        .await?;
    if status != 401 {
        return Err(format!("a forged delivery should get 401, got {status}").into());
    }
    demo.expect_no_job().await?;
    Ok(())
}

async fn giyimmoda_demo(
    demo: &mut Demo,
    client: &giyimmoda_sdk::Client,
    sandbox: &giyimmoda_sdk::sandbox::Sandbox,
) -> Result<(), BoxError> {
    println!("\n== Giyim Moda (sandbox)");
    let url = demo.server.url(GIYIMMODA_PATH);
    // One subscription per order event, without a secret: Giyim Moda generates one and
    // returns it; the receiver verifies signatures with it.
    let mut secret = None;
    let mut ids = Vec::new();
    for event in [
        WebhookEvent::OrderCreated,
        WebhookEvent::OrderUpdated,
        WebhookEvent::OrderCancelled,
    ] {
        let hook = client
            .webhooks()
            .create(&NewWebhook {
                event_type: Some(event.clone()),
                url: url.clone(),
                secret: secret.clone(),
            })
            .await?;
        ids.push(format!("{event} -> id {}", hook.id));
        secret = secret.or(hook.secret);
    }
    println!(
        "1. enable webhooks for this connection: POST webhooks {url} for {} (signing secret generated by Giyim Moda)",
        ids.join(", ")
    );
    let secret = secret.ok_or("Giyim Moda returned no webhook secret")?;
    demo.inbox
        .enable_giyimmoda(GiyimModaReceiver::new(secret.clone()));

    // A pending order: confirm it.
    let pending = client
        .orders()
        .list(
            &OrderQuery::new()
                .status(DeliveryStatus::Pending)
                .per_page(PerPage::All),
        )
        .await?;
    let order_id = match pending.items.first() {
        Some(order) => order.id,
        None => sandbox.seed_order(DeliveryStatus::Pending),
    };
    client
        .orders()
        .update_status(order_id, DeliveryStatus::Confirmed, None)
        .await?;
    demo.events += 1;
    println!(
        "2. change an order: order {order_id} pending -> confirmed (PUT orders/{{id}}/status)"
    );

    let (job, report) = demo.next_job().await?;
    let delivered = demo.delivered().await?;
    println!("3. Giyim Moda delivered: {}", describe(&delivered));
    println!("   job: {job}");
    println!("   worker: {report}");

    println!("4. the same event again (the captured delivery and its signature):");
    let status = demo
        .deliver(
            GIYIMMODA_PATH,
            delivered.headers.clone(),
            delivered.body.to_vec(),
        )
        .await?;
    if status != 200 {
        return Err(format!("a duplicate should be acknowledged with 200, got {status}").into());
    }
    demo.expect_no_job().await?;

    println!("5. a tampered delivery (the body changed to \"delivered\", the signature kept):");
    let tampered = String::from_utf8_lossy(&delivered.body).replace("confirmed", "delivered");
    let status = demo
        .deliver(GIYIMMODA_PATH, delivered.headers.clone(), tampered.into())
        .await?;
    if status != 401 {
        return Err(format!("a tampered delivery should get 401, got {status}").into());
    }
    demo.expect_no_job().await?;
    Ok(())
}
