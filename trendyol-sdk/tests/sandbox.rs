//! End-to-end: the SDK client against the stateful sandbox on 127.0.0.1.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use chrono::{TimeDelta, Utc};
use futures::TryStreamExt;
use marketplace_core::batch::BatchPoller;
use rust_decimal::Decimal;
use trendyol_sdk::api::orders::{PackageStreamQuery, ShipmentPackagesQuery};
use trendyol_sdk::model::batch::{BatchItemStatus, BatchStatus};
use trendyol_sdk::model::claim::{ClaimItemStatus, ClaimQuery, CreateClaimIssue};
use trendyol_sdk::model::finance::{FinanceQuery, TransactionType};
use trendyol_sdk::model::inventory::InventoryItem;
use trendyol_sdk::model::orders::{
    LineQuantity, PackageStatus, UnsuppliedReason, UnsuppliedRequest,
};
use trendyol_sdk::model::product::{
    ApprovedProductQuery, Image, InventoryAndPriceQuery, ProductAttribute, ProductCreateItem,
};
use trendyol_sdk::model::question::{QuestionQuery, QuestionStatus};
use trendyol_sdk::model::webhooks::{WebhookEventStatus, WebhookRequest, WebhookState};
use trendyol_sdk::sandbox::{API_KEY, API_SECRET, SELLER_ID, Sandbox, SandboxConfig};
use trendyol_sdk::webhook::WebhookReceiver;
use trendyol_sdk::{Client, Error};

fn poller() -> BatchPoller {
    BatchPoller::new()
        .initial_interval(Duration::from_millis(20))
        .deadline(Duration::from_secs(10))
}

fn fast() -> SandboxConfig {
    SandboxConfig::default()
        .batch_delay(Duration::from_millis(100))
        .webhook_retry_interval(Duration::from_millis(50))
}

fn api_status(err: &Error) -> Option<u16> {
    match err {
        Error::Api { status, .. } => Some(*status),
        _ => None,
    }
}

fn api_message(err: &Error) -> String {
    match err {
        Error::Api { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

// ---- (1) skeleton, auth, headers ------------------------------------------------------------

#[tokio::test]
async fn client_is_authenticated_and_sees_seeded_orders_of_the_last_week() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let page = client
        .orders()
        .list(&ShipmentPackagesQuery::new().size(200u32))
        .await
        .unwrap();
    let week_ago = Utc::now() - TimeDelta::days(7);
    assert!(page.total_elements.unwrap() >= 4, "{page:?}");
    assert_eq!(page.content.len() as u64, page.total_elements.unwrap());
    for p in &page.content {
        assert!(p.order_date.unwrap() >= week_ago);
        assert_eq!(p.supplier_id, Some(SELLER_ID));
        assert!(!p.lines.is_empty());
        assert_eq!(p.currency_code.as_deref(), Some("TRY"));
        assert!(p.shipment_address.as_ref().unwrap().city.is_some());
        assert!(p.package_total_price.unwrap() > Decimal::ZERO);
    }
    // Sorted by lastModifiedDate, newest first (default direction).
    let stamps: Vec<_> = page.content.iter().map(|p| p.last_modified_date).collect();
    assert!(stamps.windows(2).all(|w| w[0] >= w[1]));
}

#[tokio::test]
async fn wrong_secret_is_401_in_trendyols_shape() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox
        .client_builder()
        .api_secret("wrong")
        .build()
        .unwrap();
    let err = client
        .orders()
        .list(&ShipmentPackagesQuery::new())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Auth {
                status: Some(401),
                ..
            }
        ),
        "{err:?}"
    );
    let raw = reqwest::Client::new()
        .get(format!(
            "{}/integration/order/sellers/{SELLER_ID}/v2/orders",
            sandbox.base_url()
        ))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 401);
    let body: serde_json::Value = raw.json().await.unwrap();
    assert_eq!(body["exception"], "ClientApiAuthenticationException");
}

#[tokio::test]
async fn missing_or_invalid_user_agent_is_a_bare_403() {
    let sandbox = Sandbox::start().await.unwrap();
    let url = format!(
        "{}/integration/order/sellers/{SELLER_ID}/v2/orders",
        sandbox.base_url()
    );
    let http = reqwest::Client::new();
    let none = http
        .get(&url)
        .basic_auth(API_KEY, Some(API_SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 403);
    assert!(none.bytes().await.unwrap().is_empty());
    let bad = http
        .get(&url)
        .header("user-agent", "curl/8.0")
        .basic_auth(API_KEY, Some(API_SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 403);
    let good = http
        .get(&url)
        .header("user-agent", format!("{SELLER_ID} - TrendyolSoft"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), 200);
}

#[tokio::test]
async fn another_sellers_path_is_403_and_unknown_routes_are_404() {
    let sandbox = Sandbox::start().await.unwrap();
    let other = sandbox.client_builder().seller_id(999).build().unwrap();
    let err = other
        .orders()
        .list(&ShipmentPackagesQuery::new())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), Some(403), "{err:?}");
    let resp = reqwest::Client::new()
        .get(format!("{}/integration/nothing/here", sandbox.base_url()))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("/integration/nothing/here")
    );
}

// ---- (1) getShipmentPackages V2 ---------------------------------------------------------------

#[tokio::test]
async fn orders_page_by_number_and_filter_by_date_status_and_ids() {
    let sandbox = Sandbox::start_with(fast().seed(false)).await.unwrap();
    let client = sandbox.client().unwrap();
    let now = Utc::now();
    let window = marketplace_core::paging::TimeWindow::new(now - TimeDelta::days(10), now);
    let ids = sandbox.seed_orders(window, 7);
    let old = sandbox.seed_orders(
        marketplace_core::paging::TimeWindow::new(
            now - TimeDelta::days(40),
            now - TimeDelta::days(30),
        ),
        3,
    );

    // Three pages of 3 cover the 7 packages of the window, each once.
    let q = ShipmentPackagesQuery::new()
        .start_date(now - TimeDelta::days(12))
        .end_date(now)
        .size(3u32);
    let mut seen = Vec::new();
    for page in 0..3u32 {
        let got = client.orders().list(&q.clone().page(page)).await.unwrap();
        assert_eq!(got.total_elements, Some(7));
        assert_eq!(got.total_pages, Some(3));
        assert_eq!(got.page, Some(page));
        seen.extend(
            got.content
                .iter()
                .map(|p| p.shipment_package_id.as_u64().unwrap()),
        );
    }
    seen.sort_unstable();
    let mut expected = ids.clone();
    expected.sort_unstable();
    assert_eq!(seen, expected);

    // The old packages are only in their own window; the stream reaches them (> 14 days).
    let old_page = client
        .orders()
        .list(
            &ShipmentPackagesQuery::new()
                .start_date(now - TimeDelta::days(41))
                .end_date(now - TimeDelta::days(29)),
        )
        .await
        .unwrap();
    assert_eq!(old_page.content.len(), 3);
    let all: Vec<_> = client
        .orders()
        .stream(
            &ShipmentPackagesQuery::new()
                .start_date(now - TimeDelta::days(45))
                .end_date(now),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 10);
    assert!(old.iter().all(|id| {
        all.iter()
            .any(|p| p.shipment_package_id.as_u64() == Some(*id))
    }));

    // Status and package-id filters.
    sandbox.change_order_status(ids[0], PackageStatus::Cancelled);
    let cancelled = client
        .orders()
        .list(
            &ShipmentPackagesQuery::new()
                .start_date(now - TimeDelta::days(12))
                .end_date(now)
                .status(PackageStatus::Cancelled),
        )
        .await
        .unwrap();
    assert_eq!(cancelled.content.len(), 1);
    assert_eq!(
        cancelled.content[0].shipment_package_id.as_u64(),
        Some(ids[0])
    );
    let by_id = client
        .orders()
        .list(
            &ShipmentPackagesQuery::new()
                .start_date(now - TimeDelta::days(12))
                .end_date(now)
                .shipment_package_id(ids[1])
                .shipment_package_id(ids[2]),
        )
        .await
        .unwrap();
    assert_eq!(by_id.content.len(), 2);
}

#[tokio::test]
async fn range_over_two_weeks_and_page_size_over_200_are_refused_by_the_server() {
    let sandbox = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let now = Utc::now().timestamp_millis();
    let get = |query: String| {
        http.get(format!(
            "{}/integration/order/sellers/{SELLER_ID}/v2/orders?{query}",
            sandbox.base_url()
        ))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .send()
    };
    let wide = get(format!("startDate={}&endDate={now}", now - 15 * 86_400_000))
        .await
        .unwrap();
    assert_eq!(wide.status(), 400);
    let body: serde_json::Value = wide.json().await.unwrap();
    assert_eq!(body["error"], "BAD_REQUEST");
    assert!(body["message"].as_str().unwrap().contains("2 hafta"));
    assert_eq!(get("size=201".into()).await.unwrap().status(), 400);
    assert_eq!(get("page=50&size=200".into()).await.unwrap().status(), 400);
}

#[tokio::test]
async fn package_status_follows_picking_then_invoiced() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let id = sandbox.seed_order(PackageStatus::Created);
    let package = sandbox.package(id).unwrap();
    let lines: Vec<LineQuantity> = package
        .lines
        .iter()
        .map(|l| LineQuantity::new(l.line_id.clone(), l.quantity.unwrap()))
        .collect();

    // Invoiced straight from Created is refused by Trendyol (Picking comes first).
    let err = client
        .orders()
        .invoiced(id, lines.clone(), "EME2026000025208")
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), Some(400), "{err:?}");
    assert!(api_message(&err).contains("Invoiced"), "{err:?}");
    assert_eq!(sandbox.order_status(id), Some(PackageStatus::Created));

    client.orders().picking(id, lines.clone()).await.unwrap();
    assert_eq!(sandbox.order_status(id), Some(PackageStatus::Picking));
    // Visible on the next list, with history and a newer lastModifiedDate.
    let listed = client
        .orders()
        .list(&ShipmentPackagesQuery::new().order_number(package.order_number.clone().unwrap()))
        .await
        .unwrap();
    let seen = &listed.content[0];
    assert_eq!(seen.status, Some(PackageStatus::Picking));
    assert_eq!(
        seen.package_histories.last().unwrap().status,
        Some(PackageStatus::Picking)
    );
    assert!(seen.last_modified_date > package.last_modified_date);

    // Picking twice is an illegal move.
    let again = client
        .orders()
        .picking(id, lines.clone())
        .await
        .unwrap_err();
    assert_eq!(api_status(&again), Some(400));

    // A line that is not in the package, or too many items, is refused.
    let wrong = client
        .orders()
        .invoiced(id, vec![LineQuantity::new(1u64, 1)], "EME1")
        .await
        .unwrap_err();
    assert_eq!(api_status(&wrong), Some(400));

    client
        .orders()
        .invoiced(id, lines, "EME2026000025208")
        .await
        .unwrap();
    assert_eq!(sandbox.order_status(id), Some(PackageStatus::Invoiced));

    // Unknown package → 404.
    let missing = client
        .orders()
        .picking(1u64, vec![LineQuantity::new(1u64, 1)])
        .await
        .unwrap_err();
    assert_eq!(api_status(&missing), Some(404));
}

#[tokio::test]
async fn partial_unsupplied_moves_the_rest_to_a_new_package() {
    let sandbox = Sandbox::start_with(fast().seed(false)).await.unwrap();
    let client = sandbox.client().unwrap();
    // Variant 0 has two lines.
    let id = sandbox.seed_order(PackageStatus::Created);
    let package = sandbox.package(id).unwrap();
    assert_eq!(package.lines.len(), 2);
    let first = &package.lines[0];
    client
        .orders()
        .unsupplied(
            id,
            &UnsuppliedRequest {
                lines: vec![LineQuantity::new(
                    first.line_id.clone(),
                    first.quantity.unwrap(),
                )],
                reason_id: UnsuppliedReason::OutOfStock,
            },
        )
        .await
        .unwrap();
    assert_eq!(sandbox.order_status(id), Some(PackageStatus::UnSupplied));
    let all = sandbox.packages();
    let fresh = all
        .iter()
        .find(|p| p.origin_package_ids.iter().any(|o| o.as_u64() == Some(id)))
        .expect("a new package for the remaining line");
    assert_eq!(fresh.order_number, package.order_number);
    assert_eq!(fresh.created_by.as_deref(), Some("cancel"));
    assert_eq!(fresh.lines.len(), 1);
    assert_eq!(fresh.status, Some(PackageStatus::Created));
}

#[tokio::test]
async fn order_stream_follows_the_cursor_and_refuses_changed_filters() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let q = PackageStreamQuery::new().size(4u32);
    let all: Vec<_> = client
        .orders()
        .cursor_stream(&q)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.len(),
        sandbox.packages().len(),
        "all seeded changes are recent"
    );
    let first = client.orders().stream_page(&q, None).await.unwrap();
    assert_eq!(first.has_more, Some(true));
    let cursor = first.next_cursor.unwrap();
    let other = PackageStreamQuery::new()
        .size(4u32)
        .package_item_status(PackageStatus::Created);
    let err = client
        .orders()
        .stream_page(&other, Some(&cursor))
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), Some(400));
}

// ---- (2) webhooks -------------------------------------------------------------------------------

/// A tiny receiver on 127.0.0.1: answers with the queued statuses (then 200) and records
/// every delivery's headers and body.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
    _server: tokio::task::JoinHandle<()>,
}

async fn receiver(mut answers: Vec<u16>) -> Receiver {
    answers.reverse();
    let answers = Arc::new(Mutex::new(answers));
    let got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>> = Arc::default();
    let record = got.clone();
    let app = axum::Router::new().route(
        "/hooks/orders",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let record = record.clone();
            let answers = answers.clone();
            async move {
                record.lock().unwrap().push((headers, body));
                let code = answers.lock().unwrap().pop().unwrap_or(200);
                StatusCode::from_u16(code).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Receiver {
        url: format!("http://{addr}/hooks/orders"),
        got,
        _server: server,
    }
}

async fn wait_for<F: Fn() -> bool>(what: &str, check: F) {
    for _ in 0..200 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test]
async fn webhook_is_delivered_with_basic_auth_and_redelivered_after_a_failure() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let hook = receiver(vec![500]).await;
    let registration = WebhookRequest::basic(&hook.url, "ty-hooks", "s3cr3t-pass")
        .statuses([WebhookEventStatus::Picking]);
    let created = client.webhooks().create(&registration).await.unwrap();
    let hook_id = created.id.unwrap();
    let listed = client.webhooks().list().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, Some(WebhookState::Active));
    assert_eq!(listed[0].username.as_deref(), Some("ty-hooks"));

    // A seller move through the API fires the webhook.
    let id = sandbox.seed_order(PackageStatus::Created);
    let package = sandbox.package(id).unwrap();
    let lines = package
        .lines
        .iter()
        .map(|l| LineQuantity::new(l.line_id.clone(), l.quantity.unwrap()))
        .collect();
    client.orders().picking(id, lines).await.unwrap();

    wait_for("the re-delivery", || hook.got.lock().unwrap().len() >= 2).await;
    let deliveries = sandbox.deliveries();
    assert_eq!(deliveries.len(), 2, "{deliveries:?}");
    assert_eq!(deliveries[0].attempt, 1);
    assert_eq!(deliveries[0].response_status, Some(500));
    assert_eq!(deliveries[1].attempt, 2);
    assert!(deliveries[1].succeeded());
    assert!(
        deliveries
            .iter()
            .all(|d| d.webhook_id == hook_id && d.package_id == id)
    );

    // Both attempts carry the same, verifiable payload (so a receiver can de-duplicate).
    let verifier = WebhookReceiver::for_registration(&registration).unwrap();
    let got = hook.got.lock().unwrap().clone();
    let first = verifier.verify(&got[0].0, &got[0].1).unwrap();
    let second = verifier.verify(&got[1].0, &got[1].1).unwrap();
    assert_eq!(first.key, second.key);
    assert_eq!(first.package.shipment_package_id.as_u64(), Some(id));
    assert_eq!(first.package.status, Some(PackageStatus::Picking));
    let envelope: serde_json::Value = serde_json::from_slice(&got[0].1).unwrap();
    assert_eq!(envelope["totalElements"], 1);
    // A wrong password would not verify.
    let wrong = WebhookReceiver::basic("ty-hooks", "other");
    assert!(wrong.verify(&got[0].0, &got[0].1).is_err());
}

#[tokio::test]
async fn api_key_webhook_gets_only_its_statuses_and_can_be_deactivated() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let hook = receiver(vec![]).await;
    let registration =
        WebhookRequest::api_key(&hook.url, "k-123456").statuses([WebhookEventStatus::Shipped]);
    let id = client
        .webhooks()
        .create(&registration)
        .await
        .unwrap()
        .id
        .unwrap();
    let package = sandbox.seed_order(PackageStatus::Invoiced);

    // SHIPPED is subscribed: delivered with the key in x-api-key.
    assert!(sandbox.change_order_status(package, PackageStatus::Shipped));
    wait_for("the delivery", || hook.got.lock().unwrap().len() == 1).await;
    let (headers, body) = hook.got.lock().unwrap()[0].clone();
    assert_eq!(headers.get("x-api-key").unwrap(), "k-123456");
    assert!(headers.get("authorization").is_none());
    let event = WebhookReceiver::api_key("k-123456")
        .verify(&headers, &body)
        .unwrap();
    assert_eq!(event.package.status, Some(PackageStatus::Shipped));

    // DELIVERED is not subscribed; a deactivated webhook gets nothing.
    sandbox.change_order_status(package, PackageStatus::Delivered);
    client.webhooks().deactivate(&id).await.unwrap();
    let other = sandbox.seed_order(PackageStatus::Invoiced);
    sandbox.change_order_status(other, PackageStatus::Shipped);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(hook.got.lock().unwrap().len(), 1);
    let listed = client.webhooks().list().await.unwrap();
    assert_eq!(listed[0].status, Some(WebhookState::Passive));

    client.webhooks().activate(&id).await.unwrap();
    client.webhooks().delete(&id).await.unwrap();
    assert!(client.webhooks().list().await.unwrap().is_empty());
    let err = client.webhooks().delete(&id).await.unwrap_err();
    assert_eq!(api_status(&err), Some(404));
}

#[tokio::test]
async fn webhook_turns_passive_after_the_configured_failures() {
    let sandbox = Sandbox::start_with(fast().webhook_max_failures(3))
        .await
        .unwrap();
    let client = sandbox.client().unwrap();
    let hook = receiver(vec![503; 10]).await;
    client
        .webhooks()
        .create(&WebhookRequest::api_key(&hook.url, "k"))
        .await
        .unwrap();
    let id = sandbox.seed_order(PackageStatus::Created);
    sandbox.change_order_status(id, PackageStatus::Cancelled);
    wait_for("three attempts", || sandbox.deliveries().len() == 3).await;
    tokio::time::sleep(Duration::from_millis(120)).await;
    assert_eq!(sandbox.deliveries().len(), 3, "no fourth attempt");
    let listed = client.webhooks().list().await.unwrap();
    assert_eq!(listed[0].status, Some(WebhookState::Passive));
}

#[tokio::test]
async fn webhook_registration_rules_are_enforced_by_the_server() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let http = reqwest::Client::new();
    let post = |body: serde_json::Value| {
        http.post(format!(
            "{}/integration/webhook/sellers/{SELLER_ID}/webhooks",
            sandbox.base_url()
        ))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .json(&body)
        .send()
    };
    for url in [
        "http://LocalHost:8080/hook",
        "https://hooks.dolap.example/x",
        "https://my-TRENDYOL-sync.example/x",
    ] {
        let resp =
            post(serde_json::json!({"url": url, "authenticationType": "API_KEY", "apiKey": "k"}))
                .await
                .unwrap();
        assert_eq!(resp.status(), 400, "{url}");
    }
    let resp = post(serde_json::json!({"url": "https://ok.example/x", "authenticationType": "BASIC_AUTHENTICATION", "username": "u"}))
        .await
        .unwrap();
    assert_eq!(resp.status(), 400, "password missing");

    for i in 0..15 {
        client
            .webhooks()
            .create(&WebhookRequest::api_key(
                format!("http://127.0.0.1:9/h{i}"),
                "k",
            ))
            .await
            .unwrap();
    }
    let err = client
        .webhooks()
        .create(&WebhookRequest::api_key("http://127.0.0.1:9/h16", "k"))
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), Some(400));
    assert!(api_message(&err).contains("15"), "{err:?}");
}

// ---- (3) products and stock & price -----------------------------------------------------------

fn product(barcode: &str, brand_id: i64, category_id: i64) -> ProductCreateItem {
    ProductCreateItem {
        barcode: barcode.into(),
        title: "Kadın Organik Pamuk Tişört Ekru".into(),
        product_main_id: "TS-ORG-77".into(),
        brand_id,
        category_id,
        quantity: 30,
        stock_code: Some(format!("STK-{barcode}")),
        description: "%100 organik pamuk.".into(),
        currency_type: Some("TRY".into()),
        list_price: Decimal::new(34_990, 2),
        sale_price: Decimal::new(29_990, 2),
        vat_rate: 20,
        images: vec![Image::new("https://cdn.example.com/a.jpg")],
        attributes: vec![ProductAttribute::custom(47, "Ekru")],
        ..ProductCreateItem::default()
    }
}

#[tokio::test]
async fn product_create_is_in_progress_then_completed_with_a_per_item_failure() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let items = [
        product("8680007770011", 1001, 411),
        product("8680007770028", 999_999, 411),
        product("8680007770035", 1001, 400),
    ];
    let batch = client.products().create(&items).await.unwrap();
    let first = client
        .products()
        .batch_result(&batch.batch_request_id)
        .await
        .unwrap();
    assert_eq!(first.status, Some(BatchStatus::InProgress));
    assert!(!first.is_finished());

    let done = client
        .products()
        .wait_batch(&batch.batch_request_id, &poller())
        .await
        .unwrap();
    assert_eq!(done.status, Some(BatchStatus::Completed));
    assert_eq!(done.item_count, Some(3));
    assert_eq!(done.failed_item_count, Some(2));
    let outcome = done.outcome();
    let ok = outcome
        .items
        .iter()
        .find(|i| i.key == "8680007770011")
        .unwrap();
    assert!(ok.succeeded);
    let bad_brand = outcome
        .items
        .iter()
        .find(|i| i.key == "8680007770028")
        .unwrap();
    assert!(!bad_brand.succeeded);
    assert!(bad_brand.messages[0].contains("Marka"), "{bad_brand:?}");
    let bad_category = &done.items[2];
    assert_eq!(bad_category.status, Some(BatchItemStatus::Failed));
    assert!(bad_category.failure_reasons[0].contains("Kategori"));

    // The created product is readable; the failed ones are not.
    let page = client
        .products()
        .approved(&ApprovedProductQuery::default().barcode("8680007770011"))
        .await
        .unwrap();
    assert_eq!(page.content.len(), 1);
    assert_eq!(
        page.content[0].variants[0].stock.as_ref().unwrap().quantity,
        Some(30)
    );
    assert_eq!(
        page.content[0].brand.as_ref().unwrap().name.as_deref(),
        Some("Anadolu Moda")
    );
    let none = client
        .products()
        .approved(&ApprovedProductQuery::default().barcode("8680007770028"))
        .await
        .unwrap();
    assert!(none.content.is_empty());

    // Unknown batch id → 404 in the product error shape.
    let err = client.products().batch_result("nope").await.unwrap_err();
    assert_eq!(api_status(&err), Some(404));
}

#[tokio::test]
async fn stock_and_price_are_queued_then_visible() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let barcode = "8680001000011";
    let before = sandbox.product_stock(barcode).unwrap();
    let item = InventoryItem::new(barcode)
        .quantity(7)
        .sale_price(Decimal::new(19_990, 2))
        .list_price(Decimal::new(24_990, 2));
    let batch = client
        .inventory()
        .update(&[
            item.clone(),
            InventoryItem::new("0000000000000").quantity(1),
        ])
        .await
        .unwrap();

    // Not applied yet.
    let q = InventoryAndPriceQuery::default().barcode(barcode);
    let now = client
        .products()
        .approved_inventory_and_price(&q)
        .await
        .unwrap();
    assert_eq!(now.content[0].variants[0].quantity, Some(before.0));
    let pending = client
        .products()
        .batch_result(&batch.batch_request_id)
        .await
        .unwrap();
    assert_eq!(pending.status, None, "stock batches carry no batch status");
    assert!(!pending.is_finished());

    let done = client
        .products()
        .wait_batch(&batch.batch_request_id, &poller())
        .await
        .unwrap();
    assert!(done.is_finished());
    assert_eq!(done.status, None);
    assert_eq!(done.items[0].status, Some(BatchItemStatus::Success));
    assert_eq!(done.items[1].status, Some(BatchItemStatus::Failed));
    let after = client
        .products()
        .approved_inventory_and_price(&q)
        .await
        .unwrap();
    let variant = &after.content[0].variants[0];
    assert_eq!(variant.quantity, Some(7));
    assert_eq!(variant.sale_price, Some(Decimal::new(19_990, 2)));
    assert_eq!(variant.list_price, Some(Decimal::new(24_990, 2)));
    assert_eq!(sandbox.stock_items_received(barcode), vec![item.clone()]);

    // The identical body again within 15 minutes is refused (and not retried).
    let again = client
        .inventory()
        .update(&[item, InventoryItem::new("0000000000000").quantity(1)])
        .await
        .unwrap_err();
    assert_eq!(api_status(&again), Some(400));
    assert!(api_message(&again).contains("15 dakika"), "{again:?}");
}

#[tokio::test]
async fn reference_data_and_archive() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let brands = client.products().brands(0, 1000).await.unwrap();
    assert_eq!(brands.brands.len(), 5);
    let by_name = client.products().brands_by_name("Ege Spor").await.unwrap();
    assert_eq!(by_name[0].id, 1004);
    let tree = client.products().category_tree(None).await.unwrap();
    assert!(
        tree.leaves()
            .iter()
            .any(|c| c.id == 411 && c.name == "Tişört")
    );
    let attrs = client
        .products()
        .category_attributes(411, None)
        .await
        .unwrap();
    assert_eq!(attrs.category_attributes.len(), 2);

    let batch = client
        .products()
        .archive(&[trendyol_sdk::model::product::ArchiveItem::archive(
            "8680001000080",
        )])
        .await
        .unwrap();
    client
        .products()
        .wait_batch(&batch.batch_request_id, &poller())
        .await
        .unwrap();
    let base = client
        .products()
        .product_base("8680001000080")
        .await
        .unwrap();
    assert_eq!(base.archived, Some(true));
}

#[tokio::test]
async fn content_bulk_update_is_a_batch_with_per_item_failures() {
    use trendyol_sdk::model::batch::BatchRequestType;
    use trendyol_sdk::model::product::ContentUpdateItem;

    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client().unwrap();
    let approved = client
        .products()
        .approved(&ApprovedProductQuery::default().barcode("8680001000011"))
        .await
        .unwrap();
    let content_id: i64 = approved.content[0].content_id.as_str().parse().unwrap();
    let batch = client
        .products()
        .update_content(&[
            ContentUpdateItem {
                content_id,
                title: Some("Yeni başlık: pamuklu tişört".into()),
                description: Some("Güncellenmiş açıklama.".into()),
                ..ContentUpdateItem::default()
            },
            ContentUpdateItem {
                content_id: 999_999,
                title: Some("Olmayan içerik".into()),
                ..ContentUpdateItem::default()
            },
        ])
        .await
        .unwrap();
    let result = client
        .products()
        .wait_batch(&batch.batch_request_id, &poller())
        .await
        .unwrap();
    assert_eq!(result.status, Some(BatchStatus::Completed));
    assert_eq!(
        result.batch_request_type,
        Some(BatchRequestType::ApprovedProductContentUpdate)
    );
    assert_eq!(result.failed_item_count, Some(1));
    assert_eq!(result.items[0].status, Some(BatchItemStatus::Success));
    assert_eq!(result.items[0].key(), content_id.to_string());
    assert_eq!(result.items[1].status, Some(BatchItemStatus::Failed));
    assert!(result.items[1].failure_reasons[0].contains("999999"));

    let after = client
        .products()
        .approved(&ApprovedProductQuery::default().barcode("8680001000011"))
        .await
        .unwrap();
    assert_eq!(
        after.content[0].title.as_deref(),
        Some("Yeni başlık: pamuklu tişört")
    );
}

// ---- (4) claims and questions -------------------------------------------------------------------

#[tokio::test]
async fn claims_are_approved_and_rejected_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let waiting = client
        .claims()
        .list(&ClaimQuery::default().claim_item_status(ClaimItemStatus::WaitingInAction))
        .await
        .unwrap();
    assert_eq!(waiting.content.len(), 3);
    let reasons = client.claims().issue_reasons().await.unwrap();
    assert!(reasons.iter().any(|r| r.id == 451));

    let to_approve = &waiting.content[0];
    let ids: Vec<String> = to_approve.claim_items().map(|i| i.id.clone()).collect();
    client.claims().approve(&to_approve.id, &ids).await.unwrap();
    assert_eq!(
        sandbox.claim_status(&to_approve.id),
        Some(ClaimItemStatus::Accepted)
    );
    // Deciding twice is refused by the server…
    let twice = client
        .claims()
        .approve(&to_approve.id, &ids)
        .await
        .unwrap_err();
    assert_eq!(api_status(&twice), Some(400));
    // …and by the SDK before sending, once the claim is re-read.
    let reread = client
        .claims()
        .list(&ClaimQuery {
            claim_ids: vec![to_approve.id.clone()],
            ..ClaimQuery::default()
        })
        .await
        .unwrap();
    let writes = sandbox.writes_received();
    let refused = client
        .claims()
        .approve_items(&reread.content[0], &ids)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, Error::InvalidTransition { .. }),
        "{refused:?}"
    );
    assert_eq!(sandbox.writes_received(), writes);
    let audits = client.claims().item_audits(&ids[0]).await.unwrap();
    assert_eq!(audits[0].new_status, Some(ClaimItemStatus::Accepted));

    let to_reject = &waiting.content[1];
    let issue = CreateClaimIssue {
        claim_issue_reason_id: 451,
        claim_item_ids: to_reject.claim_items().map(|i| i.id.clone()).collect(),
        description: "İade edilen ürün depomuza ulaşmadı.".into(),
        files: Vec::new(),
    };
    client.claims().reject(&to_reject.id, &issue).await.unwrap();
    assert_eq!(
        sandbox.claim_status(&to_reject.id),
        Some(ClaimItemStatus::Rejected)
    );
    // Reason 2077 needs evidence files: the server refuses it without them.
    let third = &waiting.content[2];
    let mut no_files = issue.clone();
    no_files.claim_issue_reason_id = 2077;
    no_files.claim_item_ids = third.claim_items().map(|i| i.id.clone()).collect();
    let http = reqwest::Client::new();
    let resp = http
        .post(format!(
            "{}/integration/order/sellers/{SELLER_ID}/claims/{}/issue?claimIssueReasonId=2077&claimItemIdList={}&description=yok",
            sandbox.base_url(),
            third.id,
            no_files.claim_item_ids.join(",")
        ))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(
        sandbox.claim_status(&third.id),
        Some(ClaimItemStatus::WaitingInAction)
    );
}

#[tokio::test]
async fn waiting_questions_are_answered_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let waiting = client
        .questions()
        .list(&QuestionQuery::default().status(QuestionStatus::WaitingForAnswer))
        .await
        .unwrap();
    assert_eq!(waiting.content.len(), 3);
    let id = waiting.content[0].id.as_u64().unwrap();
    let text = "Merhaba, ürünümüz %100 pamukludur; 30 derecede yıkayabilirsiniz.";
    let answer = client.questions().answer(id, text).await.unwrap();
    assert!(answer.answer_id().is_some());
    assert_eq!(sandbox.question_answer(id).as_deref(), Some(text));
    let one = client.questions().get(id).await.unwrap();
    assert_eq!(one.status, Some(QuestionStatus::Answered));
    assert_eq!(one.answer.unwrap().text.as_deref(), Some(text));
    let twice = client.questions().answer(id, text).await.unwrap_err();
    assert_eq!(api_status(&twice), Some(400));

    let fresh = sandbox.seed_question();
    let short = reqwest::Client::new()
        .post(format!(
            "{}/integration/qna/sellers/{SELLER_ID}/questions/{fresh}/answers",
            sandbox.base_url()
        ))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .json(&serde_json::json!({"text": "kısa"}))
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), 400);
    assert_eq!(sandbox.question_answer(fresh), None);
}

// ---- (6) rate limit and finance -------------------------------------------------------------------

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let sandbox = Sandbox::start_with(fast().rate_limit(2, Duration::from_millis(500)))
        .await
        .unwrap();
    let strict: Client = sandbox
        .client_builder()
        .retry_policy(marketplace_core::http::RetryPolicy::never())
        .build()
        .unwrap();
    let q = ShipmentPackagesQuery::new();
    strict.orders().list(&q).await.unwrap();
    strict.orders().list(&q).await.unwrap();
    let err = strict.orders().list(&q).await.unwrap_err();
    match err {
        Error::RateLimited { retry_after } => assert_eq!(retry_after, Some(Duration::from_secs(1))),
        other => panic!("expected RateLimited, got {other:?}"),
    }
    // The default sandbox client waits for Retry-After and gets through.
    let patient = sandbox.client().unwrap();
    let page = patient.orders().list(&q).await.unwrap();
    assert!(!page.content.is_empty());
}

#[tokio::test]
async fn finance_statements_are_served_from_the_seed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let now = Utc::now();
    let sales: Vec<_> = client
        .finance()
        .settlements_stream(
            &FinanceQuery::of_type(TransactionType::Sale)
                .start_date(now - TimeDelta::days(60))
                .end_date(now),
        )
        .try_collect()
        .await
        .unwrap();
    assert!(sales.len() >= 10, "{}", sales.len());
    assert!(
        sales
            .iter()
            .all(|r| r.transaction_type.as_deref() == Some("Sale"))
    );
    assert!(sales.iter().all(|r| r.credit.unwrap() > Decimal::ZERO));
    let other = client
        .finance()
        .other_financials(
            &FinanceQuery::of_type(TransactionType::DeductionInvoices)
                .start_date(now - TimeDelta::days(14))
                .end_date(now),
        )
        .await
        .unwrap();
    assert_eq!(other.content.len(), 1);
    let orders = client.finance().payment_orders(0, 10).await.unwrap();
    assert_eq!(orders.content.len(), 3);
}

#[tokio::test]
async fn writes_are_counted_and_the_server_stops_on_drop() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    assert_eq!(sandbox.writes_received(), 0);
    client
        .orders()
        .list(&ShipmentPackagesQuery::new())
        .await
        .unwrap();
    assert_eq!(sandbox.writes_received(), 0);
    let _ = client.webhooks().delete("nope").await;
    assert_eq!(sandbox.writes_received(), 1);
    let url = sandbox.base_url().to_owned();
    drop(sandbox);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let after = reqwest::Client::new()
        .get(format!("{url}/integration/order/claim-issue-reasons"))
        .timeout(Duration::from_secs(1))
        .send()
        .await;
    assert!(after.is_err(), "server still answering after drop");
}

// ---- (5) the conformance far side ---------------------------------------------------------------

#[cfg(feature = "conformance")]
#[tokio::test]
async fn far_side_maps_unified_statuses_and_seeds_what_the_scenarios_need() {
    use marketplace_core::conformance::FarSide;
    use marketplace_core::model::{ClaimStatus, OrderStatus};

    let sandbox = Sandbox::start_with(fast().seed(false)).await.unwrap();
    let far: &dyn FarSide = &sandbox;
    let window = marketplace_core::paging::TimeWindow::last_days(40);
    let ids = far.seed_orders(window, 57).await.unwrap();
    assert_eq!(ids.len(), 57);
    let listed: Vec<_> = sandbox
        .client()
        .unwrap()
        .orders()
        .stream(&ShipmentPackagesQuery::new().window(window))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 57);

    let id = far.seed_order(OrderStatus::Split).await.unwrap();
    assert_eq!(far.order_status(&id).await.unwrap(), OrderStatus::Split);
    assert_eq!(
        sandbox.order_status(id.parse().unwrap()),
        Some(PackageStatus::UnPacked)
    );
    let (from, to, _) = far.forward_move();
    assert!(from.can_move_to(&to));
    let (from, to) = far.illegal_move();
    assert!(!from.can_move_to(&to));

    let (good, bad) = (far.valid_draft(), far.invalid_draft());
    assert_ne!(good.sku, bad.sku);
    assert_eq!(good.barcode.as_deref(), Some(good.sku.as_str()));

    let claim = far.seed_pending_claim().await.unwrap();
    assert_eq!(
        far.claim_status(&claim).await.unwrap(),
        ClaimStatus::WaitingInAction
    );
    assert_eq!(far.rejection().reason_code.as_deref(), Some("451"));
    let question = far.seed_waiting_question().await.unwrap();
    assert_eq!(far.question_answer(&question).await.unwrap(), None);
    assert!(far.order_status("nope").await.is_err());
    assert_eq!(far.writes_received().await, 0);
}

// ---- seller services (§6) ----------------------------------------------------------------

fn raw_upload(sandbox: &Sandbox, form: reqwest::multipart::Form) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .post(format!(
            "{}/integration/sellers/{SELLER_ID}/seller-invoice-file",
            sandbox.base_url()
        ))
        .header("user-agent", format!("{SELLER_ID} - SelfIntegration"))
        .basic_auth(API_KEY, Some(API_SECRET))
        .multipart(form)
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

#[tokio::test]
async fn supplier_addresses_are_served_with_the_defaults() {
    use trendyol_sdk::model::sellers::SupplierAddress;
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let addresses = client.sellers().addresses().await.unwrap();
    assert_eq!(addresses.supplier_addresses.len(), 4);
    let kinds: Vec<_> = addresses
        .supplier_addresses
        .iter()
        .filter_map(|a| a.address_type.as_deref())
        .collect();
    assert_eq!(kinds, ["Shipment", "Shipment", "Invoice", "Returning"]);
    let shipment: &SupplierAddress = addresses.default_shipment_address.as_ref().unwrap();
    assert_eq!(shipment.is_default, Some(true));
    assert_eq!(shipment.is_shipment_address, Some(true));
    assert_eq!(shipment.city.as_deref(), Some("Kocaeli"));
    let invoice = addresses.default_invoice_address.as_ref().unwrap();
    assert_eq!(invoice.is_invoice_address, Some(true));
    assert_eq!(
        addresses
            .default_returning_address
            .as_ref()
            .unwrap()
            .present,
        Some(true)
    );
}

#[tokio::test]
async fn common_label_needs_picking_or_invoiced_and_serves_the_stored_zpl() {
    use trendyol_sdk::model::sellers::CommonLabelRequest;
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let created = sandbox.seed_order(PackageStatus::Created);
    let created_ctn = sandbox
        .package(created)
        .unwrap()
        .cargo_tracking_number
        .unwrap();
    let err = client
        .sellers()
        .create_common_label(created_ctn.clone(), &CommonLabelRequest::default())
        .await
        .unwrap_err();
    assert_eq!(api_status(&err), Some(400), "{err}");
    assert!(api_message(&err).contains("Picking"), "{err}");

    let unknown = client
        .sellers()
        .create_common_label(1u64, &CommonLabelRequest::default())
        .await
        .unwrap_err();
    assert_eq!(api_status(&unknown), Some(404), "{unknown}");

    let picking = sandbox.seed_order(PackageStatus::Picking);
    let ctn = sandbox
        .package(picking)
        .unwrap()
        .cargo_tracking_number
        .unwrap();
    let before = client
        .sellers()
        .common_label(ctn.clone())
        .await
        .unwrap_err();
    assert_eq!(api_status(&before), Some(404), "{before}");

    let request = CommonLabelRequest {
        box_quantity: Some(2),
        ..CommonLabelRequest::default()
    };
    client
        .sellers()
        .create_common_label(ctn.clone(), &request)
        .await
        .unwrap();
    let labels = client.sellers().common_label(ctn.clone()).await.unwrap();
    assert_eq!(labels.data.len(), 2);
    let served: Vec<String> = labels
        .data
        .iter()
        .map(|l| l.label.clone().unwrap())
        .collect();
    assert_eq!(served, sandbox.common_labels(ctn.as_str()));
    for (i, label) in served.iter().enumerate() {
        assert!(
            label.starts_with("^XA") && label.ends_with("^XZ"),
            "{label}"
        );
        assert!(label.contains(ctn.as_str()));
        assert!(label.contains(&format!("Koli {}/2", i + 1)));
    }
    assert!(
        labels
            .data
            .iter()
            .all(|l| l.format.as_deref() == Some("ZPL"))
    );
}

#[tokio::test]
async fn invoice_link_is_recorded_once_and_deleted_with_the_customer_id() {
    use trendyol_sdk::model::sellers::{DeleteInvoiceLinkRequest, InvoiceLinkRequest};
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let id = sandbox.seed_order(PackageStatus::Invoiced);
    let other = sandbox.seed_order(PackageStatus::Invoiced);
    let link = "https://fatura.example.com/2026/TY42024567890123.pdf";
    let request = InvoiceLinkRequest {
        invoice_link: link.into(),
        shipment_package_id: id.into(),
        invoice_date_time: Some(1_678_788_898),
        invoice_number: Some("TY42024567890123".into()),
    };
    client.sellers().send_invoice_link(&request).await.unwrap();
    assert_eq!(sandbox.invoice_link(id).as_deref(), Some(link));
    assert_eq!(
        sandbox.package(id).unwrap().invoice_link.as_deref(),
        Some(link)
    );

    let again = client
        .sellers()
        .send_invoice_link(&request)
        .await
        .unwrap_err();
    assert_eq!(api_status(&again), Some(409), "{again}");
    let reused = client
        .sellers()
        .send_invoice_link(&InvoiceLinkRequest {
            shipment_package_id: other.into(),
            ..request.clone()
        })
        .await
        .unwrap_err();
    assert_eq!(api_status(&reused), Some(409), "{reused}");
    let missing = client
        .sellers()
        .send_invoice_link(&InvoiceLinkRequest {
            invoice_link: "https://fatura.example.com/x.pdf".into(),
            shipment_package_id: 1u64.into(),
            invoice_date_time: None,
            invoice_number: None,
        })
        .await
        .unwrap_err();
    assert_eq!(api_status(&missing), Some(404), "{missing}");

    let customer = sandbox.package(id).unwrap().customer_id.unwrap();
    let wrong = client
        .sellers()
        .delete_invoice_link(&DeleteInvoiceLinkRequest::new(id, 1u64))
        .await
        .unwrap_err();
    assert_eq!(api_status(&wrong), Some(400), "{wrong}");
    client
        .sellers()
        .delete_invoice_link(&DeleteInvoiceLinkRequest::new(id, customer))
        .await
        .unwrap();
    assert_eq!(sandbox.invoice_link(id), None);
    assert_eq!(sandbox.package(id).unwrap().invoice_link, None);
}

#[tokio::test]
async fn invoice_file_is_accepted_once_and_checked_like_the_sdk_does() {
    use trendyol_sdk::model::sellers::InvoiceFile;
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    let id = sandbox.seed_order(PackageStatus::Invoiced);
    let file = InvoiceFile {
        shipment_package_id: id,
        file_name: "fatura.pdf".into(),
        mime: "application/pdf".into(),
        data: pdf(),
        invoice_date_time: None,
        invoice_number: Some("TY42024567890123".into()),
    };
    client.sellers().upload_invoice_file(&file).await.unwrap();
    let stored = sandbox.invoice_file(id).unwrap();
    assert_eq!(stored.file_name, "fatura.pdf");
    assert_eq!(stored.mime, "application/pdf");
    assert_eq!(stored.data, pdf());
    assert_eq!(stored.invoice_number.as_deref(), Some("TY42024567890123"));
    assert_eq!(
        sandbox.package(id).unwrap().invoice_link.as_deref(),
        Some(stored.url.as_str())
    );
    let again = client
        .sellers()
        .upload_invoice_file(&file)
        .await
        .unwrap_err();
    assert_eq!(api_status(&again), Some(409), "{again}");

    // What the SDK refuses before sending, the server refuses too.
    let other = sandbox.seed_order(PackageStatus::Invoiced);
    let part = |data: Vec<u8>, mime: &str| {
        reqwest::multipart::Part::bytes(data)
            .file_name("fatura.pdf")
            .mime_str(mime)
            .unwrap()
    };
    let form = |data: Vec<u8>, mime: &str| {
        reqwest::multipart::Form::new()
            .text("shipmentPackageId", other.to_string())
            .part("file", part(data, mime))
    };
    let too_big = raw_upload(
        &sandbox,
        form(vec![b'%'; 10 * 1024 * 1024 + 1], "application/pdf"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(too_big.status(), 400);
    assert!(too_big.text().await.unwrap().contains("10 MB"));
    let wrong_type = raw_upload(&sandbox, form(b"hello".to_vec(), "text/plain"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), 400);
    let not_a_pdf = raw_upload(&sandbox, form(b"hello".to_vec(), "application/pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(not_a_pdf.status(), 400);
    let no_file = raw_upload(
        &sandbox,
        reqwest::multipart::Form::new().text("shipmentPackageId", other.to_string()),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(no_file.status(), 400);
    let unknown = raw_upload(
        &sandbox,
        reqwest::multipart::Form::new()
            .text("shipmentPackageId", "1")
            .part("file", part(pdf(), "application/pdf")),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(unknown.status(), 404);
    assert!(sandbox.invoice_file(other).is_none());
}

#[tokio::test]
async fn finance_records_are_inspectable() {
    let sandbox = Sandbox::start().await.unwrap();
    let settlements = sandbox.settlements();
    assert!(
        settlements
            .iter()
            .any(|r| r.transaction_type.as_deref() == Some("Sale"))
    );
    let other = sandbox.other_financials();
    assert!(
        other
            .iter()
            .any(|r| r.transaction_type.as_deref() == Some("PaymentOrder"))
    );
}
