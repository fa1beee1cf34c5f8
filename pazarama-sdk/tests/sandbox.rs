//! End-to-end: the SDK's `Client` against the Pazarama sandbox.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use futures::TryStreamExt;
use marketplace_core::batch::BatchPoller;
use marketplace_core::http::RetryPolicy;
use marketplace_core::paging::TimeWindow;
use pazarama_sdk::Error;
use pazarama_sdk::model::{
    BrandQuery, BulkStatusUpdateRequest, CreateProductsRequest, ItemStatusUpdate,
    ListingOperationStatus, ListingStateQuery, OrderItemStatus, OrderQuery, PaymentAgreementQuery,
    PriceItem, PriceUpdateRequest, ProductBatchStatus, ProductQuery, ProductState,
    QuestionListQuery, QuestionSearchQuery, QuestionStatus, RefundQuery, RefundRejectType,
    RefundReviewType, RefundStatus, ShipmentUpdate, StockItem, StockUpdateRequest,
    UpdateOrderStatusListRequest, UpdateOrderStatusRequest, UpdateRefundRequest,
};
use pazarama_sdk::sandbox::{
    BRAND_IDS, CARGO_COMPANY_ID, CATEGORY_IDS, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, Sandbox,
    SandboxConfig, sample_product,
};
use rust_decimal::Decimal;
use serde_json::Value;
use uuid::Uuid;

fn fast() -> SandboxConfig {
    SandboxConfig::default().batch_delay(Duration::from_millis(150))
}

fn poller() -> BatchPoller {
    BatchPoller::new()
        .initial_interval(Duration::from_millis(20))
        .deadline(Duration::from_secs(10))
}

fn cargo() -> Uuid {
    CARGO_COMPANY_ID
}

/// A token straight from the token endpoint, for raw requests.
async fn raw_token(sandbox: &Sandbox) -> String {
    let body: Value = reqwest::Client::new()
        .post(sandbox.token_url())
        .basic_auth(SANDBOX_CLIENT_ID, Some(SANDBOX_CLIENT_SECRET))
        .form(&[
            ("grant_type", "client_credentials"),
            ("scope", "merchantgatewayapi.fullaccess"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    body["access_token"].as_str().unwrap().to_owned()
}

fn api_error(err: &Error) -> (u16, String) {
    match err {
        Error::Api {
            status, message, ..
        } => (*status, message.clone()),
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

// ---------------------------------------------------------------- auth

#[tokio::test]
async fn token_endpoint_checks_basic_credentials_and_form() {
    let sandbox = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    // Wrong secret: IdentityServer's invalid_client.
    let response = http
        .post(sandbox.token_url())
        .basic_auth(SANDBOX_CLIENT_ID, Some("wrong"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "invalid_client");
    // Wrong grant type.
    let response = http
        .post(sandbox.token_url())
        .basic_auth(SANDBOX_CLIENT_ID, Some(SANDBOX_CLIENT_SECRET))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "unsupported_grant_type");
    assert_eq!(sandbox.tokens_issued(), 0);

    // The SDK with wrong credentials gets Error::Auth and never reaches the API.
    let bad = sandbox
        .client_builder()
        .client_secret("not-the-secret")
        .build()
        .unwrap();
    let err = bad.brands().list(&BrandQuery::default()).await.unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert!(!format!("{err:?} {err}").contains("not-the-secret"));
}

#[tokio::test]
async fn api_without_a_valid_token_is_401_in_pazaramas_envelope_and_unknown_routes_404() {
    let sandbox = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let url = format!("{}/brand/getBrands", sandbox.base_url());
    let response = http.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["success"], false);
    assert!(body["userMessage"].as_str().unwrap().contains("token"));
    let response = http.get(&url).bearer_auth("made-up").send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(sandbox.unauthorized_responses(), 2);

    let token = raw_token(&sandbox).await;
    let response = http.get(&url).bearer_auth(&token).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let response = http
        .get(format!("{}/no/such/route", sandbox.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["success"], false);
}

#[tokio::test]
async fn an_expired_token_is_refused_and_the_sdk_renews_it() {
    // Tokens live 300 ms but the endpoint claims an hour: the client keeps using the old
    // token, gets 401, and renews it once.
    let sandbox = Sandbox::start_with(
        fast()
            .token_ttl(Duration::from_millis(300))
            .advertised_expires_in(Duration::from_secs(3600)),
    )
    .await
    .unwrap();
    let client = sandbox.client();
    client.brands().list(&BrandQuery::default()).await.unwrap();
    client.categories().tree().await.unwrap();
    assert_eq!(sandbox.tokens_issued(), 1);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let brands = client.brands().list(&BrandQuery::default()).await.unwrap();
    assert_eq!(brands.len(), 5);
    assert_eq!(sandbox.tokens_issued(), 2);
    assert_eq!(sandbox.unauthorized_responses(), 1);

    // A revoked token takes the same path.
    sandbox.revoke_tokens();
    client.delivery().cities().await.unwrap();
    assert_eq!(sandbox.tokens_issued(), 3);
    assert_eq!(sandbox.unauthorized_responses(), 2);
}

#[tokio::test]
async fn an_honestly_short_ttl_makes_the_sdk_refresh_ahead_without_401() {
    let sandbox = Sandbox::start_with(fast().token_ttl(Duration::from_secs(2)))
        .await
        .unwrap();
    let client = sandbox.client();
    client.brands().list(&BrandQuery::default()).await.unwrap();
    client.brands().list(&BrandQuery::default()).await.unwrap();
    // expires_in 2 s is inside the SDK's 60 s refresh margin: a new token per call.
    assert_eq!(sandbox.tokens_issued(), 2);
    assert_eq!(sandbox.unauthorized_responses(), 0);
}

// ---------------------------------------------------------------- orders

#[tokio::test]
async fn seeded_orders_come_by_date_range_and_page() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let now = Utc::now();
    let all: Vec<_> = client
        .orders()
        .stream(TimeWindow::new(
            now - TimeDelta::days(46),
            now + TimeDelta::minutes(1),
        ))
        .try_collect()
        .await
        .unwrap();
    // 30 seeded orders over 45 days, plus the 3 orders behind the seeded refunds and the 2
    // behind the seeded cancellation requests.
    assert_eq!(all.len(), 35);
    let statuses: std::collections::HashSet<_> =
        all.iter().filter_map(|o| o.order_status).collect();
    for s in [
        OrderItemStatus::Received,
        OrderItemStatus::Preparing,
        OrderItemStatus::Shipped,
        OrderItemStatus::Delivered,
        OrderItemStatus::Cancelled,
    ] {
        assert!(statuses.contains(&s), "no seeded order in {s:?}");
    }
    let first = &all[0];
    assert!(first.customer_name.is_some());
    assert_eq!(
        first.items[0]
            .sale_price
            .as_ref()
            .unwrap()
            .currency
            .as_deref(),
        Some("TL")
    );

    // One window, paged: pages do not overlap and a short page ends it.
    let window = OrderQuery::between(now - TimeDelta::days(20), now);
    let p1 = client
        .orders()
        .list(&window.clone().page(1).size(5))
        .await
        .unwrap();
    let p2 = client
        .orders()
        .list(&window.clone().page(2).size(5))
        .await
        .unwrap();
    assert_eq!(p1.len(), 5);
    assert!(!p2.is_empty());
    assert!(
        p1.iter()
            .all(|a| p2.iter().all(|b| a.order_id != b.order_id))
    );
    for o in p1.iter().chain(&p2) {
        let at = o.order_date.unwrap();
        assert!(at >= now - TimeDelta::days(20) - TimeDelta::minutes(1) && at < now);
    }

    // By number.
    let one = client
        .orders()
        .list(&OrderQuery::by_number(first.order_number))
        .await
        .unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].order_id, first.order_id);
}

#[tokio::test]
async fn the_server_refuses_a_range_over_a_month() {
    let sandbox = Sandbox::start().await.unwrap();
    let token = raw_token(&sandbox).await;
    let response = reqwest::Client::new()
        .post(format!("{}/order/getOrdersForApi", sandbox.base_url()))
        .bearer_auth(token)
        .json(&serde_json::json!({
            "startDate": "2024-01-01T00:00", "endDate": "2024-03-01T00:00",
            "pageNumber": 1, "pageSize": 10
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["success"], false);
    assert!(body["userMessage"].as_str().unwrap().contains("1 month"));
}

#[tokio::test]
async fn the_split_service_gives_one_item_per_unit() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let now = Utc::now();
    let range = TimeWindow::new(now - TimeDelta::days(46), now + TimeDelta::minutes(1));
    let v1: Vec<_> = client.orders().stream(range).try_collect().await.unwrap();
    let multi = v1
        .iter()
        .find(|o| o.items.iter().any(|i| i.quantity == 2))
        .expect("a seeded order with quantity 2");
    let split = client
        .orders()
        .list_split(&OrderQuery::by_number(multi.order_number))
        .await
        .unwrap();
    let units: u32 = multi.items.iter().map(|i| i.quantity).sum();
    assert_eq!(split[0].items.len(), units as usize);
    assert!(split[0].items.iter().all(|i| i.quantity == 1));
    let ids: std::collections::HashSet<_> =
        split[0].items.iter().map(|i| i.order_item_id).collect();
    assert_eq!(ids.len(), split[0].items.len(), "each unit has its own id");
}

#[tokio::test]
async fn order_items_follow_the_documented_flow() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let order = sandbox.seed_order(OrderItemStatus::Received);
    let item = order.items[0].order_item_id;
    let number = order.order_number;

    // 3 → 5 is refused by the server (12 comes first); `update_status` does not check.
    let err = client
        .orders()
        .update_status(&UpdateOrderStatusRequest {
            order_number: number,
            item: ItemStatusUpdate::shipped(item, cargo(), "1615598038857"),
        })
        .await
        .unwrap_err();
    let (status, message) = api_error(&err);
    assert_eq!(status, 400);
    assert!(message.contains("12"), "{message}");
    assert_eq!(
        sandbox.order_status(number),
        Some(OrderItemStatus::Received)
    );

    // 3 → 12 → 5 → 11.
    client
        .orders()
        .update_item_status(
            number,
            OrderItemStatus::Received,
            ItemStatusUpdate::new(item, OrderItemStatus::Preparing),
        )
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status(number),
        Some(OrderItemStatus::Preparing)
    );
    client
        .orders()
        .update_item_status(
            number,
            OrderItemStatus::Preparing,
            ItemStatusUpdate::shipped(item, cargo(), "1615598038857")
                .tracking_url("https://www.yurticikargo.com/"),
        )
        .await
        .unwrap();
    let listed = client
        .orders()
        .list(&OrderQuery::by_number(number))
        .await
        .unwrap();
    let listed_item = &listed[0].items[0];
    assert_eq!(listed_item.order_item_status, OrderItemStatus::Shipped);
    assert_eq!(listed[0].order_status, Some(OrderItemStatus::Shipped));
    let cargo_info = listed_item.cargo.as_ref().unwrap();
    assert_eq!(cargo_info.company_name.as_deref(), Some("Yurtiçi Kargo"));
    assert_eq!(
        cargo_info.tracking_number.as_ref().unwrap().as_str(),
        "1615598038857"
    );
    client
        .orders()
        .update_item_status(
            number,
            OrderItemStatus::Shipped,
            ItemStatusUpdate::new(item, OrderItemStatus::Delivered),
        )
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status(number),
        Some(OrderItemStatus::Delivered)
    );

    // Terminal: 11 → 12 refused by the server too.
    let err = client
        .orders()
        .update_status(&UpdateOrderStatusRequest {
            order_number: number,
            item: ItemStatusUpdate::new(item, OrderItemStatus::Preparing),
        })
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).0, 400);

    // An unknown item of the order.
    let err = client
        .orders()
        .update_status(&UpdateOrderStatusRequest {
            order_number: number,
            item: ItemStatusUpdate::new(Uuid::new_v4(), OrderItemStatus::Preparing),
        })
        .await
        .unwrap_err();
    assert!(api_error(&err).1.contains("bulunamadı"));
}

#[tokio::test]
async fn whole_order_and_bulk_updates_and_buyer_side_changes() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let order = sandbox.seed_order(OrderItemStatus::Received);
    client
        .orders()
        .update_status_list(&UpdateOrderStatusListRequest {
            order_number: order.order_number,
            status: OrderItemStatus::Preparing,
        })
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status(order.order_number),
        Some(OrderItemStatus::Preparing)
    );
    client
        .orders()
        .bulk_status_update(&BulkStatusUpdateRequest {
            order_number: order.order_number,
            order_item_ids: vec![order.items[0].order_item_id],
            update_shipment_dto: ShipmentUpdate::shipped(cargo(), "TRK-42"),
        })
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status(order.order_number),
        Some(OrderItemStatus::Shipped)
    );

    // The buyer cancels another order: it shows on the next list, and 12 is refused.
    let other = sandbox.seed_order(OrderItemStatus::Received);
    sandbox
        .change_order_status(other.order_number, OrderItemStatus::Cancelled)
        .unwrap();
    let listed = client
        .orders()
        .list(&OrderQuery::by_number(other.order_number))
        .await
        .unwrap();
    assert_eq!(listed[0].order_status, Some(OrderItemStatus::Cancelled));
    let err = client
        .orders()
        .update_status_list(&UpdateOrderStatusListRequest {
            order_number: other.order_number,
            status: OrderItemStatus::Preparing,
        })
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).0, 400);
}

#[tokio::test]
async fn seeded_orders_in_a_window_are_listed_exactly_once() {
    let sandbox = Sandbox::start_with(fast().seed(false)).await.unwrap();
    let window = TimeWindow::last_days(40);
    let seeded = sandbox.seed_orders(window, 57);
    let listed: Vec<_> = sandbox
        .client()
        .orders()
        .stream(window)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 57);
    for o in &seeded {
        assert!(listed.iter().any(|l| l.order_id == o.order_id));
    }
}

// ---------------------------------------------------------------- products

#[tokio::test]
async fn product_batch_is_in_progress_then_done_with_per_item_failures() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client();
    let good = sample_product("SB-GOOD-1");
    let mut bad_brand = sample_product("SB-BAD-BRAND");
    bad_brand.brand_id = Uuid::new_v4();
    let mut bad_category = sample_product("SB-BAD-CAT");
    bad_category.category_id = uuid::uuid!("00b8be55-5ec1-46fd-97d9-1f70cfed5a12"); // "Giyim", not a leaf
    let created = client
        .products()
        .create(&CreateProductsRequest::new([
            good.clone(),
            bad_brand,
            bad_category,
        ]))
        .await
        .unwrap();
    assert!(created.creation_date.is_some());

    let early = client
        .products()
        .batch_result(created.batch_request_id)
        .await
        .unwrap();
    assert_eq!(early.status, ProductBatchStatus::InProgress);
    assert_eq!(early.total_count, Some(3));
    assert!(sandbox.product("SB-GOOD-1").is_none(), "not visible yet");

    let done = client
        .products()
        .wait_batch(created.batch_request_id, &poller())
        .await
        .unwrap();
    assert_eq!(done.status, ProductBatchStatus::Done);
    assert_eq!(done.failed_count, Some(2));
    assert!(!done.all_succeeded());
    assert_eq!(done.batch_request_id, Some(created.batch_request_id));
    let outcome = done.to_outcome("ignored");
    assert_eq!(outcome.handle.id, created.batch_request_id.to_string());
    let ok: Vec<_> = outcome.succeeded().map(|i| i.key.clone()).collect();
    assert_eq!(ok, ["SB-GOOD-1"]);
    let failed: Vec<_> = outcome.failed().collect();
    assert_eq!(failed.len(), 2);
    assert!(failed[0].messages[0].contains("Marka bulunamadı"));
    assert!(failed[1].messages[0].contains("en alt kategori"));

    // Created products wait for approval.
    let pending = client
        .products()
        .list(&ProductQuery::approved(false).code("SB-GOOD-1"))
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].state, Some(ProductState::AwaitingFirstApproval));
    assert_eq!(pending[0].brand_name.as_deref(), Some("Koton"));
    let detail = client.products().detail("SB-GOOD-1").await.unwrap();
    assert_eq!(detail.category_id, Some(CATEGORY_IDS[0]));
    assert_eq!(detail.brand_id, Some(BRAND_IDS[0]));

    // Creating the same barcode again fails per item.
    let again = client
        .products()
        .create(&CreateProductsRequest::new([good]))
        .await
        .unwrap();
    let again = client
        .products()
        .wait_batch(again.batch_request_id, &poller())
        .await
        .unwrap();
    assert_eq!(again.failed_count, Some(1));
    assert!(
        again.batch_result[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("zaten")
    );
}

#[tokio::test]
async fn price_and_stock_are_queued_then_visible() {
    let sandbox = Sandbox::start_with(fast()).await.unwrap();
    let client = sandbox.client();
    let before = sandbox.product("ESSN218").unwrap();
    assert_eq!(before.sale_price, Some(Decimal::new(1_899_900, 2)));

    let price_batch = client
        .products()
        .update_prices(&PriceUpdateRequest::new([
            PriceItem::new(
                "ESSN218 ",
                Decimal::new(1_899_900, 2),
                Decimal::new(1_749_900, 2),
            ),
            PriceItem::new("NO-SUCH-CODE", Decimal::ONE, Decimal::ONE),
        ]))
        .await
        .unwrap();
    let stock_batch = client
        .products()
        .update_stock(&StockUpdateRequest::new([StockItem::new("ESSN218", 7)]))
        .await
        .unwrap();

    // Queued: the listing state says processing, reads show the old values.
    let states = client
        .products()
        .listing_states(price_batch, &ListingStateQuery::default())
        .await
        .unwrap();
    assert_eq!(states.items.len(), 2);
    assert_eq!(states.processing_count, Some(2));
    assert!(!states.is_terminal());
    let listed = client
        .products()
        .list(&ProductQuery::approved(true).code("ESSN218"))
        .await
        .unwrap();
    assert_eq!(listed[0].sale_price, Some(Decimal::new(1_899_900, 2)));
    assert_eq!(listed[0].stock_count, Some(3));

    tokio::time::sleep(Duration::from_millis(200)).await;
    let listed = client
        .products()
        .list(&ProductQuery::approved(true).code("ESSN218"))
        .await
        .unwrap();
    assert_eq!(listed[0].sale_price, Some(Decimal::new(1_749_900, 2)));
    assert_eq!(listed[0].stock_count, Some(7));
    let states = client
        .products()
        .listing_states(price_batch, &ListingStateQuery::default())
        .await
        .unwrap();
    assert!(states.is_terminal());
    assert_eq!(states.success_count, Some(1));
    assert_eq!(states.not_completed_count, Some(1));
    let missing = states
        .items
        .iter()
        .find(|s| s.code == "NO-SUCH-CODE")
        .unwrap();
    assert_eq!(
        missing.price.as_ref().unwrap().status,
        ListingOperationStatus::NotCompleted
    );
    assert_eq!(missing.messages(), ["Ürün bulunamadı"]);
    let stock_states = client
        .products()
        .listing_states(stock_batch, &ListingStateQuery::default())
        .await
        .unwrap();
    assert!(stock_states.items[0].succeeded());

    // What reached the sandbox for the SKU: one price item and one stock item, paired.
    let received = sandbox.stock_items_received("ESSN218");
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0].quantity, Some(7));
    assert_eq!(received[0].sale_price, Some(Decimal::new(1_749_900, 2)));
}

// ---------------------------------------------------------------- refunds

#[tokio::test]
async fn refunds_are_decided_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let pending = client
        .refunds()
        .list(&RefundQuery::default().status(RefundStatus::Pending))
        .await
        .unwrap();
    assert_eq!(pending.refund_list.len(), 3);
    assert_eq!(
        pending
            .page_report
            .as_ref()
            .unwrap()
            .total_waiting_refund_count,
        Some(3)
    );
    let [a, b, c] = [0, 1, 2].map(|i| pending.refund_list[i].refund_id);

    let approved = client
        .refunds()
        .update(&UpdateRefundRequest::approve(a))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(approved.refund_id, Some(a));
    assert_eq!(
        sandbox.claim_status(a),
        Some(RefundStatus::ApprovedBySeller)
    );
    let refund = sandbox.refund(a).unwrap();
    let order = sandbox.order(refund.order_number.unwrap()).unwrap();
    assert_eq!(
        order.items[0].order_item_status,
        OrderItemStatus::ReturnApproved
    );

    client
        .refunds()
        .update(&UpdateRefundRequest::reject(
            b,
            RefundRejectType::PackageNotReceived,
            "İade paketi elimize ulaşmadı.",
        ))
        .await
        .unwrap();
    assert_eq!(
        sandbox.claim_status(b),
        Some(RefundStatus::RejectedBySeller)
    );
    client
        .refunds()
        .update(&UpdateRefundRequest::review(
            c,
            RefundReviewType::ManufacturerReview,
        ))
        .await
        .unwrap();
    assert_eq!(sandbox.claim_status(c), Some(RefundStatus::SentToReview));

    // Deciding again is refused by the server.
    let err = client
        .refunds()
        .update(&UpdateRefundRequest::approve(b))
        .await
        .unwrap_err();
    let (status, message) = api_error(&err);
    assert_eq!(status, 400);
    assert!(message.contains("Reddedildi"), "{message}");

    // The list shows the new states.
    let all = client
        .refunds()
        .list(&RefundQuery::default())
        .await
        .unwrap();
    let report = all.page_report.unwrap();
    assert_eq!(report.total_waiting_refund_count, Some(0));
    assert_eq!(report.total_approved_refund_count, Some(1));
    assert_eq!(report.total_rejected_refund_count, Some(1));

    // A freshly seeded claim is pending.
    let fresh = sandbox.seed_claim();
    assert_eq!(sandbox.claim_status(fresh), Some(RefundStatus::Pending));
}

// ---------------------------------------------------------------- questions

#[tokio::test]
async fn waiting_questions_are_answered_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let list = client
        .questions()
        .list(&QuestionListQuery::default())
        .await
        .unwrap();
    assert_eq!(list.un_answered_count, Some(3));
    let id = list.approval_answers_by_merchant[0].question_id;
    let question = client.questions().get(id).await.unwrap();
    assert!(question.question.as_deref().unwrap().ends_with('?'));
    assert_eq!(
        question.question_status,
        Some(QuestionStatus::AwaitingAnswer)
    );

    let text = "Merhaba, ürünümüz %100 pamukludur.";
    client.questions().answer(id, text).await.unwrap();
    assert_eq!(sandbox.question_answer(id).as_deref(), Some(text));
    let question = client.questions().get(id).await.unwrap();
    assert_eq!(question.question_status, Some(QuestionStatus::Answered));
    assert!(question.answer_date.is_some());

    let err = client.questions().answer(id, "tekrar").await.unwrap_err();
    assert_eq!(api_error(&err).0, 400);

    let waiting = client
        .questions()
        .search(&QuestionSearchQuery::default().status(QuestionStatus::AwaitingAnswer))
        .await
        .unwrap();
    assert_eq!(waiting.approval_answers_by_merchant_searchs.len(), 2);
    let seeded = sandbox.seed_question();
    assert!(sandbox.question(seeded).unwrap().answer.is_none());
    assert_eq!(client.questions().topics().await.unwrap().len(), 3);
    assert_eq!(client.questions().statuses().await.unwrap().len(), 4);
}

// ---------------------------------------------------------------- rate limit, counting

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let sandbox = Sandbox::start_with(fast().rate_limit(2, Duration::from_millis(800)))
        .await
        .unwrap();
    let strict = sandbox
        .client_builder()
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    strict.brands().list(&BrandQuery::default()).await.unwrap();
    strict.delivery().cities().await.unwrap();
    let err = strict
        .brands()
        .list(&BrandQuery::default())
        .await
        .unwrap_err();
    match err {
        Error::RateLimited { retry_after } => assert_eq!(retry_after, Some(Duration::from_secs(1))),
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert_eq!(sandbox.rate_limited_responses(), 1);

    // The sandbox's own client waits for Retry-After and gets through.
    let started = std::time::Instant::now();
    let brands = sandbox
        .client()
        .brands()
        .list(&BrandQuery::default())
        .await
        .unwrap();
    assert_eq!(brands.len(), 5);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn only_state_changing_requests_count_as_writes() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let now = Utc::now();
    client
        .orders()
        .list(&OrderQuery::between(now - TimeDelta::days(5), now))
        .await
        .unwrap();
    client
        .refunds()
        .list(&RefundQuery::default())
        .await
        .unwrap();
    client.brands().list(&BrandQuery::default()).await.unwrap();
    assert_eq!(sandbox.writes_received(), 0);
    let order = sandbox.seed_order(OrderItemStatus::Received);
    client
        .orders()
        .update_status_list(&UpdateOrderStatusListRequest {
            order_number: order.order_number,
            status: OrderItemStatus::Preparing,
        })
        .await
        .unwrap();
    assert_eq!(sandbox.writes_received(), 1);
}

// ---------------------------------------------------------------- reference data, finance

#[tokio::test]
async fn reference_data_and_finance() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let brands = client
        .brands()
        .list(&BrandQuery::named("mavi"))
        .await
        .unwrap();
    assert_eq!(brands.len(), 1);
    assert_eq!(brands[0].id, BRAND_IDS[1]);
    let tree = client.categories().tree().await.unwrap();
    assert_eq!(tree.iter().filter(|c| c.leaf).count(), 4);
    let with = client
        .categories()
        .with_attributes(CATEGORY_IDS[0])
        .await
        .unwrap();
    assert_eq!(with.name, "Kadın Tişört");
    assert!(with.attributes.iter().any(|a| a.name == "Renk"));
    let cities = client.delivery().cities().await.unwrap();
    assert!(
        cities
            .iter()
            .any(|c| c.name == "İstanbul" && c.code.as_deref() == Some("34"))
    );

    let now = Utc::now();
    let report = client
        .finance()
        .payment_agreement(&PaymentAgreementQuery::between(
            now - TimeDelta::days(60),
            now,
        ))
        .await
        .unwrap();
    assert!(!report.transaction_list.is_empty());
    let total: Decimal = report
        .transaction_list
        .iter()
        .filter_map(|t| t.amount)
        .sum();
    assert_eq!(report.total_amount, Some(total));
    assert_eq!(
        report.total_allowance.unwrap() + report.total_commission.unwrap(),
        total
    );
    let seeded: Vec<_> = sandbox
        .transactions()
        .into_iter()
        .filter(|t| {
            t.transaction_date
                .is_some_and(|d| d >= now - TimeDelta::days(60))
        })
        .collect();
    assert_eq!(report.transaction_list, seeded);
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let sandbox = Sandbox::start().await.unwrap();
    let url = sandbox.token_url();
    drop(sandbox);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let result = reqwest::Client::new()
        .post(url)
        .timeout(Duration::from_secs(2))
        .send()
        .await;
    assert!(result.is_err());
}

// ---------------------------------------------------------------- conformance far side

#[cfg(feature = "conformance")]
#[tokio::test]
async fn far_side_seeds_and_reports_in_unified_terms() {
    use marketplace_core::conformance::FarSide;
    use marketplace_core::model::{ClaimStatus, OrderStatus};

    let sandbox = Sandbox::start_with(fast().seed(false)).await.unwrap();
    let far: &dyn FarSide = &sandbox;
    let id = far.seed_order(OrderStatus::Picking).await.unwrap();
    assert_eq!(far.order_status(&id).await.unwrap(), OrderStatus::Picking);
    let order = sandbox.order_by_id(id.parse().unwrap()).unwrap();
    assert_eq!(order.order_status, Some(OrderItemStatus::Preparing));
    // The order number works as an id too.
    assert_eq!(
        far.order_status(&order.order_number.to_string())
            .await
            .unwrap(),
        OrderStatus::Picking
    );
    assert!(far.seed_order(OrderStatus::Invoiced).await.is_err());

    let window = TimeWindow::last_days(40);
    assert_eq!(far.seed_orders(window, 4).await.unwrap().len(), 4);

    let claim = far.seed_pending_claim().await.unwrap();
    assert_eq!(
        far.claim_status(&claim).await.unwrap(),
        ClaimStatus::WaitingInAction
    );
    let question = far.seed_waiting_question().await.unwrap();
    assert_eq!(far.question_answer(&question).await.unwrap(), None);
    assert_eq!(far.rejection().reason_code.as_deref(), Some("11"));

    // The valid draft is accepted by the sandbox, the invalid one fails per item.
    let valid = far.valid_draft();
    let invalid = far.invalid_draft();
    assert_eq!(valid.brand_id, Some(BRAND_IDS[0].to_string()));
    let invalid_brand: Uuid = invalid.brand_id.as_deref().unwrap().parse().unwrap();
    assert!(!BRAND_IDS.contains(&invalid_brand));
    assert_eq!(far.writes_received().await, 0);
}

// ---------------------------------------------------------------- cancellations

#[tokio::test]
async fn cancellation_requests_are_decided_once_and_move_the_item() {
    use pazarama_sdk::model::CancelUpdateRequest;

    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let page = client
        .cancellations()
        .list(&RefundQuery::default().status(RefundStatus::Pending))
        .await
        .unwrap();
    assert_eq!(page.refund_list.len(), 2);
    let approve = page.refund_list[0].refund_id;
    let reject = page.refund_list[1].refund_id;
    let number = |id| sandbox.cancellation(id).unwrap().order_number.unwrap();
    assert_eq!(
        sandbox.order_status(number(approve)),
        Some(OrderItemStatus::CancellationRequested)
    );

    client
        .cancellations()
        .update(&CancelUpdateRequest::approve(approve))
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status(number(approve)),
        Some(OrderItemStatus::Cancelled)
    );
    client
        .cancellations()
        .update(&CancelUpdateRequest::reject(reject))
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status(number(reject)),
        Some(OrderItemStatus::Preparing)
    );
    assert_eq!(
        sandbox.cancellation(reject).unwrap().refund_status,
        Some(RefundStatus::RejectedBySeller)
    );
    let err = client
        .cancellations()
        .update(&CancelUpdateRequest::approve(reject))
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).0, 400);
    let fresh = sandbox.seed_cancellation();
    assert_eq!(
        sandbox.cancellation(fresh).unwrap().refund_status,
        Some(RefundStatus::Pending)
    );
}
