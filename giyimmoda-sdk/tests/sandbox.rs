//! End-to-end: the SDK `Client` against the Giyim Moda sandbox on 127.0.0.1.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use giyimmoda_sdk::Error;
use giyimmoda_sdk::model::{
    Approval, DeliveryStatus, NewOrder, NewOrderCustomer, NewOrderItem, NewProduct, NewWebhook,
    OrderQuery, PaymentType, PerPage, ProductQuery, ProductUnit, ProductUpdate, RefundFilter,
    RefundQuery, WebhookEvent, WebhookUpdate,
};
use giyimmoda_sdk::sandbox::{Sandbox, SandboxConfig};
use giyimmoda_sdk::webhook::{EventData, WebhookReceiver};
use marketplace_core::webhook::InMemoryDeduplicator;
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// A raw request with the sandbox's API key (for what the SDK refuses to send).
async fn raw(
    sandbox: &Sandbox,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.base_url()))
        .header("X-API-Key", Sandbox::API_KEY)
        .header("X-API-Secret", Sandbox::API_SECRET);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn new_product(name: &str, sku: &str) -> NewProduct {
    NewProduct {
        name: name.to_owned(),
        description: "Yumuşak dokulu, %100 pamuk triko kazak.".to_owned(),
        category_id: Some(149),
        brand_id: Some(5),
        unit_price: Some(Decimal::new(34990, 2)),
        current_stock: Some(12),
        sku: Some(sku.to_owned()),
        thumbnail_img_url: "https://example.com/thumb.jpg".to_owned(),
        gallery_images_urls: vec![
            "https://example.com/img1.jpg".to_owned(),
            "https://example.com/img2.jpg".to_owned(),
        ],
        ..NewProduct::default()
    }
}

fn field_errors(e: &Error) -> Vec<String> {
    e.field_errors().iter().map(|f| f.field.clone()).collect()
}

// ---------------------------------------------------------------- auth & routing

#[tokio::test]
async fn api_key_is_checked_and_wrong_credentials_are_401() {
    let sandbox = Sandbox::start().await.unwrap();
    let profile = sandbox.client().profile().get().await.unwrap();
    assert_eq!(profile.email.as_deref(), Some(Sandbox::EMAIL));

    let wrong = sandbox
        .client_builder()
        .api_key(Sandbox::API_KEY)
        .api_secret("wrong-secret")
        .build()
        .unwrap();
    let err = wrong.profile().get().await.unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Auth {
                status: Some(401),
                ..
            }
        ),
        "{err:?}"
    );

    let response = reqwest::get(format!("{}profile", sandbox.base_url()))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["success"], json!(false));
    assert!(
        body["message"].as_str().unwrap().contains("X-API-Key"),
        "{body}"
    );
}

#[tokio::test]
async fn login_gives_a_bearer_token_and_a_revoked_token_logs_in_again() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.login_client();
    let page = client.products().list(&ProductQuery::new()).await.unwrap();
    assert_eq!(page.items.len(), 10);
    client.brands().get(5).await.unwrap();
    assert_eq!(sandbox.logins(), 1, "one login for two calls");

    sandbox.revoke_tokens();
    let brand = client.brands().get(7).await.unwrap();
    assert_eq!(brand.name, "Mavi");
    assert_eq!(sandbox.logins(), 2, "a 401 makes the client log in again");

    let bad = sandbox
        .client_builder()
        .login(Sandbox::EMAIL, "yanlis")
        .build()
        .unwrap();
    let err = bad.brands().get(5).await.unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
}

#[tokio::test]
async fn unknown_routes_and_ids_are_404() {
    let sandbox = Sandbox::start().await.unwrap();
    let (status, body) = raw(&sandbox, reqwest::Method::GET, "no-such-endpoint", None).await;
    assert_eq!(status, 404);
    assert_eq!(body["success"], json!(false));
    let (status, _) = raw(&sandbox, reqwest::Method::GET, "products/abc", None).await;
    assert_eq!(status, 404);
    let err = sandbox.client().orders().get(999_999).await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err:?}");
}

// ---------------------------------------------------------------- seed

#[tokio::test]
async fn seeded_data_is_believable_and_complete() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let products = client
        .products()
        .list(&ProductQuery::new().per_page(PerPage::All))
        .await
        .unwrap();
    assert_eq!(products.items.len(), 10);
    assert!(
        products.pagination.is_none(),
        "per_page=all has no pagination"
    );
    assert!(
        products
            .items
            .iter()
            .all(|p| p.photos.as_deref().unwrap().split(',').count() >= 2)
    );

    let orders = client
        .orders()
        .list(&OrderQuery::new().per_page(PerPage::All))
        .await
        .unwrap()
        .items;
    assert!(orders.len() >= 30, "{}", orders.len());
    let now = chrono::Utc::now();
    assert!(
        orders
            .iter()
            .all(|o| now - o.date.unwrap() <= chrono::TimeDelta::days(45))
    );
    for status in [
        DeliveryStatus::Pending,
        DeliveryStatus::Confirmed,
        DeliveryStatus::PickedUp,
        DeliveryStatus::OnTheWay,
        DeliveryStatus::Delivered,
        DeliveryStatus::Cancelled,
    ] {
        assert!(
            orders
                .iter()
                .any(|o| o.delivery_status.as_ref() == Some(&status)),
            "no {status} order"
        );
    }
    let pending = client
        .refunds()
        .list(&RefundQuery::new().status(RefundFilter::Pending))
        .await
        .unwrap();
    assert_eq!(pending.items.len(), 3);
    let questions = client
        .product_queries()
        .list(&Default::default())
        .await
        .unwrap()
        .items;
    assert_eq!(questions.iter().filter(|q| !q.is_answered()).count(), 3);

    let empty = Sandbox::start_with(SandboxConfig::new().seed(false))
        .await
        .unwrap();
    let none = empty
        .client()
        .orders()
        .list(&OrderQuery::new())
        .await
        .unwrap();
    assert!(none.items.is_empty());
    assert_eq!(
        empty
            .client()
            .brands()
            .list(1, PerPage::All)
            .await
            .unwrap()
            .items
            .len(),
        5
    );
}

// ---------------------------------------------------------------- products

#[tokio::test]
async fn products_page_search_and_filter() {
    let sandbox = Sandbox::start().await.unwrap();
    let products = sandbox.client();
    let products = products.products();
    let page = products
        .list(&ProductQuery::new().per_page(PerPage::Count(4)).page(3))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    let p = page.pagination.unwrap();
    assert_eq!((p.current_page, p.last_page, p.total), (3, 3, Some(10)));

    let found = products
        .list(&ProductQuery::new().search("gömlek"))
        .await
        .unwrap()
        .items;
    assert_eq!(found.len(), 3, "{found:?}");
    let hidden = products
        .list(&ProductQuery::new().status("unpublished"))
        .await
        .unwrap()
        .items;
    assert_eq!(hidden.len(), 1);
    assert_eq!(hidden[0].name.as_deref(), Some("Chino Pantolon"));

    use futures::TryStreamExt;
    let q = ProductQuery::new().per_page(PerPage::Count(3));
    let all: Vec<_> = products.stream(&q).try_collect().await.unwrap();
    assert_eq!(all.len(), 10, "the stream walks every page");
}

#[tokio::test]
async fn product_create_applies_the_documented_defaults() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let mut new = new_product("Triko Kazak", "GM-KZK-001");
    new.decibel = Some(Decimal::from(40));
    let created = client.products().create(&new).await.unwrap();
    assert!(created.id > 0);
    assert_eq!(
        created.unit,
        Some(ProductUnit::Kg),
        "a decibel value makes the unit kg"
    );
    assert_eq!(created.meta_title.as_deref(), Some("Triko Kazak"));
    assert_eq!(
        created.meta_description.as_deref(),
        Some(new.description.as_str())
    );
    assert_eq!(created.published, Some(true));
    assert_eq!(created.refundable, Some(true));
    assert_eq!(created.tax_rate, Some(Decimal::from(20)));
    assert_eq!(
        created.photos.as_deref(),
        Some("https://example.com/img1.jpg,https://example.com/img2.jpg")
    );
    assert!(created.slug.as_deref().unwrap().starts_with("triko-kazak-"));
    assert_eq!(client.products().get(created.id).await.unwrap(), created);

    let mut unnamed_sku = new_product("Örme Hırka", "x");
    unnamed_sku.sku = None;
    let auto = client.products().create(&unnamed_sku).await.unwrap();
    assert_eq!(
        auto.sku,
        Some(format!("GM-{}", auto.id)),
        "the SKU is generated"
    );
    assert_eq!(auto.unit, Some(ProductUnit::Adet));
}

#[tokio::test]
async fn product_rules_are_enforced_with_422_field_errors() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut body = serde_json::to_value(new_product("Tek Görselli", "GM-1")).unwrap();
    body["gallery_images_urls"] = json!(["https://example.com/only.jpg"]);
    body.as_object_mut().unwrap().remove("description");
    let (status, answer) = raw(&sandbox, reqwest::Method::POST, "products", Some(body)).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["success"], json!(false));
    assert_eq!(
        answer["errors"]["gallery_images_urls"][0],
        json!("The gallery images urls field must have at least 2 items.")
    );
    assert!(answer["errors"]["description"].is_array(), "{answer}");

    // Rules the SDK cannot check itself come back as typed field errors.
    let mut unknown = new_product("Bilinmeyen Kategori", "GM-2");
    unknown.category_id = Some(999_999);
    unknown.brand_id = Some(424_242);
    let err = sandbox
        .client()
        .products()
        .create(&unknown)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(422));
    let fields = field_errors(&err);
    assert!(fields.contains(&"category_id".to_owned()), "{fields:?}");
    assert!(fields.contains(&"brand_id".to_owned()), "{fields:?}");

    let (status, answer) = raw(
        &sandbox,
        reqwest::Method::PUT,
        "products/1001",
        Some(json!({"gallery_images_urls": ["https://example.com/a.jpg"], "decibel": 250})),
    )
    .await;
    assert_eq!(status, 422, "{answer}");
    assert!(answer["errors"]["gallery_images_urls"].is_array());
    assert!(answer["errors"]["decibel"].is_array());
    assert_eq!(
        sandbox
            .client()
            .products()
            .list(&ProductQuery::new().per_page(PerPage::All))
            .await
            .unwrap()
            .items
            .len(),
        10
    );
}

#[tokio::test]
async fn product_update_and_delete() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let update = ProductUpdate {
        name: Some("Çiçek Desenli Uzun Elbise".to_owned()),
        unit_price: Some(Decimal::new(39999, 2)),
        current_stock: Some(7),
        published: Some(false),
        ..ProductUpdate::default()
    };
    let updated = client.products().update(1001, &update).await.unwrap();
    assert_eq!(updated.name.as_deref(), Some("Çiçek Desenli Uzun Elbise"));
    assert_eq!(
        updated.meta_title.as_deref(),
        Some("Çiçek Desenli Uzun Elbise")
    );
    let read = client.products().get(1001).await.unwrap();
    assert_eq!(read.unit_price, Some(Decimal::new(39999, 2)));
    assert_eq!(read.current_stock, Some(7));
    assert_eq!(read.published, Some(false));
    assert_eq!(sandbox.stock_items_received("GM-ELB-001").len(), 1);

    client.products().delete(1001).await.unwrap();
    assert_eq!(
        client.products().get(1001).await.unwrap_err().status(),
        Some(404)
    );
    assert_eq!(
        client.products().delete(1001).await.unwrap_err().status(),
        Some(404)
    );
}

// ---------------------------------------------------------------- orders

fn customer() -> NewOrderCustomer {
    NewOrderCustomer {
        name: "Deniz Koç".to_owned(),
        email: "deniz.koc@example.com".to_owned(),
        phone: "05551112233".to_owned(),
        address: "Bağdat Cad. No:5".to_owned(),
        city: "İstanbul".to_owned(),
        country: "Türkiye".to_owned(),
        postal_code: "34728".to_owned(),
        tc_identity_number: None,
    }
}

#[tokio::test]
async fn orders_filter_by_status_payment_date_and_search() {
    let sandbox = Sandbox::start().await.unwrap();
    let orders = sandbox.client();
    let orders = orders.orders();
    let all = orders
        .list(&OrderQuery::new().per_page(PerPage::All))
        .await
        .unwrap()
        .items;
    let delivered = orders
        .list(
            &OrderQuery::new()
                .status(DeliveryStatus::Delivered)
                .per_page(PerPage::All),
        )
        .await
        .unwrap()
        .items;
    assert!(!delivered.is_empty());
    assert!(
        delivered
            .iter()
            .all(|o| o.delivery_status == Some(DeliveryStatus::Delivered))
    );
    let unpaid = orders
        .list(
            &OrderQuery::new()
                .payment_status("unpaid")
                .per_page(PerPage::All),
        )
        .await
        .unwrap()
        .items;
    assert!(!unpaid.is_empty() && unpaid.len() < all.len());

    let istanbul = marketplace_core::codec::datetime::ISTANBUL;
    let today = chrono::Utc::now().with_timezone(&istanbul).date_naive();
    let week = orders
        .list(
            &OrderQuery::new()
                .date_from(today - chrono::TimeDelta::days(7))
                .date_to(today)
                .per_page(PerPage::All),
        )
        .await
        .unwrap()
        .items;
    let expected = all
        .iter()
        .filter(|o| {
            o.date.unwrap().with_timezone(&istanbul).date_naive()
                >= today - chrono::TimeDelta::days(7)
        })
        .count();
    assert_eq!(week.len(), expected);
    assert!(week.len() < all.len());

    let code = all[5].code.clone().unwrap();
    let found = orders
        .list(&OrderQuery::new().search(code.clone()))
        .await
        .unwrap()
        .items;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Some(code));

    // Newest first, 15 per page by default.
    let first = orders.list(&OrderQuery::new()).await.unwrap();
    assert_eq!(first.items.len(), 15);
    assert!(first.items.windows(2).all(|w| w[0].date >= w[1].date));
}

#[tokio::test]
async fn order_status_moves_follow_the_rules() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let id = sandbox.seed_order(DeliveryStatus::Pending);
    let moved = client
        .orders()
        .update_status(id, DeliveryStatus::Confirmed, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved.delivery_status, Some(DeliveryStatus::Confirmed));
    let shipped = client
        .orders()
        .update_status(id, DeliveryStatus::OnTheWay, Some("YK123456789"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shipped.tracking_code.as_deref(), Some("YK123456789"));
    assert_eq!(sandbox.order_status(id), Some(DeliveryStatus::OnTheWay));
    let listed = client
        .orders()
        .list(
            &OrderQuery::new()
                .status(DeliveryStatus::OnTheWay)
                .per_page(PerPage::All),
        )
        .await
        .unwrap()
        .items;
    assert!(
        listed.iter().any(|o| o.id == id),
        "the move shows on the next list"
    );
    assert!(
        client
            .orders()
            .get(id)
            .await
            .unwrap()
            .order_details
            .iter()
            .all(|l| l.delivery_status == Some(DeliveryStatus::OnTheWay)),
        "every line moves with the order"
    );

    // Backwards, and cancelling after pick-up, are refused with 422.
    for to in [
        DeliveryStatus::Confirmed,
        DeliveryStatus::Cancelled,
        DeliveryStatus::OnTheWay,
    ] {
        let err = client
            .orders()
            .update_status(id, to.clone(), None)
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(422), "{to}: {err:?}");
        assert_eq!(field_errors(&err), vec!["delivery_status".to_owned()]);
    }
    assert_eq!(
        client.orders().cancel(id).await.unwrap_err().status(),
        Some(422)
    );
    let (status, body) = raw(
        &sandbox,
        reqwest::Method::PUT,
        &format!("orders/{id}/status"),
        Some(json!({"delivery_status": "lost"})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["delivery_status"].is_array());
    assert_eq!(sandbox.order_status(id), Some(DeliveryStatus::OnTheWay));
}

#[tokio::test]
async fn order_create_deducts_stock_and_cancel_puts_it_back() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let before = client
        .products()
        .get(1001)
        .await
        .unwrap()
        .current_stock
        .unwrap();
    let order = client
        .orders()
        .create(&NewOrder {
            customer: customer(),
            items: vec![NewOrderItem {
                product_id: 1001,
                quantity: 2,
                variation: None,
            }],
            payment_type: PaymentType::CashOnDelivery,
            additional_info: Some("Kapıya bırakın".to_owned()),
        })
        .await
        .unwrap();
    assert_eq!(order.delivery_status, Some(DeliveryStatus::Pending));
    assert_eq!(order.order_details[0].price, Some(Decimal::new(89998, 2)));
    assert_eq!(
        order.grand_total,
        Some(Decimal::new(89998, 2)),
        "free shipping over 500 TL"
    );
    assert_eq!(
        client.products().get(1001).await.unwrap().current_stock,
        Some(before - 2)
    );

    let cancelled = client.orders().cancel(order.id).await.unwrap().unwrap();
    assert_eq!(cancelled.delivery_status, Some(DeliveryStatus::Cancelled));
    assert_eq!(
        client.products().get(1001).await.unwrap().current_stock,
        Some(before)
    );
    assert_eq!(
        client.orders().cancel(order.id).await.unwrap_err().status(),
        Some(422)
    );

    let err = client
        .orders()
        .create(&NewOrder {
            customer: customer(),
            items: vec![NewOrderItem {
                product_id: 1005,
                quantity: 1,
                variation: None,
            }],
            payment_type: PaymentType::Iyzico,
            additional_info: None,
        })
        .await
        .unwrap_err();
    assert_eq!(
        field_errors(&err),
        vec!["items.0.quantity".to_owned()],
        "product 1005 is out of stock"
    );
}

#[tokio::test]
async fn invoice_upload_sets_the_invoice_url() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let id = sandbox.seed_order(DeliveryStatus::Confirmed);
    let upload = client
        .orders()
        .upload_invoice(id, "fatura.pdf", b"%PDF-1.4".to_vec())
        .await
        .unwrap();
    assert_eq!(upload.order_id, Some(id));
    let order = client.orders().get(id).await.unwrap();
    assert_eq!(order.invoice_url, upload.invoice_url);
    assert!(order.invoice_url.unwrap().ends_with(".pdf"));
}

// ---------------------------------------------------------------- webhooks

/// What a tiny receiver on 127.0.0.1 got: (path, signature header, body).
type Received = std::sync::Arc<std::sync::Mutex<Vec<(String, Option<String>, String)>>>;

/// Start a receiver that answers 500 to the first `fail_first` deliveries, then 200.
async fn receiver(fail_first: usize) -> (String, Received) {
    use axum::http::{HeaderMap, StatusCode, Uri};
    let received: Received = Default::default();
    let seen = received.clone();
    let app = axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: String| {
        let seen = seen.clone();
        async move {
            let signature = headers
                .get("x-webhook-signature")
                .map(|v| v.to_str().unwrap().to_owned());
            let mut seen = seen.lock().unwrap();
            seen.push((uri.path().to_owned(), signature, body));
            if seen.len() <= fail_first {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::OK
            }
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

fn fast_webhooks() -> SandboxConfig {
    SandboxConfig::new().webhook_retry_interval(Duration::from_millis(30))
}

#[tokio::test]
async fn webhook_registration_validates_and_generates_a_secret() {
    let sandbox = Sandbox::start().await.unwrap();
    let webhooks = sandbox.client();
    let webhooks = webhooks.webhooks();
    let generated = webhooks
        .create(&NewWebhook {
            event_type: Some(WebhookEvent::OrderCreated),
            url: "http://127.0.0.1:9/siparis".to_owned(),
            secret: None,
        })
        .await
        .unwrap();
    assert!(generated.secret.as_deref().unwrap().starts_with("whsec_"));
    assert_eq!(generated.is_active, Some(true));
    let own = webhooks
        .create(&NewWebhook {
            event_type: Some(WebhookEvent::StockUpdated),
            url: "https://example.com/stok".to_owned(),
            secret: Some("benim-anahtarim".to_owned()),
        })
        .await
        .unwrap();
    assert_eq!(own.secret.as_deref(), Some("benim-anahtarim"));
    let listed = webhooks.list().await.unwrap().items;
    assert_eq!(
        listed.iter().map(|w| w.id).collect::<Vec<_>>(),
        vec![generated.id, own.id]
    );

    let (status, body) = raw(
        &sandbox,
        reqwest::Method::POST,
        "webhooks",
        Some(json!({"event_type": "order.deleted", "url": "ftp://example.com"})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body["errors"]["event_type"].is_array() && body["errors"]["url"].is_array(),
        "{body}"
    );

    let paused = webhooks
        .update(
            own.id,
            &WebhookUpdate {
                is_active: Some(false),
                ..WebhookUpdate::default()
            },
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(paused.is_active, Some(false));
    webhooks.delete(own.id).await.unwrap();
    assert_eq!(
        webhooks.delete(own.id).await.unwrap_err().status(),
        Some(404)
    );
    assert_eq!(webhooks.list().await.unwrap().items.len(), 1);
}

#[tokio::test]
async fn an_order_move_is_delivered_signed_and_redelivered_after_a_failure() {
    let sandbox = Sandbox::start_with(fast_webhooks()).await.unwrap();
    let (url, received) = receiver(1).await;
    let client = sandbox.client();
    let hook = client
        .webhooks()
        .create(&NewWebhook {
            event_type: Some(WebhookEvent::OrderUpdated),
            url: format!("{url}/v1/webhooks/giyimmoda"),
            secret: Some("gizli-anahtar".to_owned()),
        })
        .await
        .unwrap();
    let id = sandbox.seed_order(DeliveryStatus::Pending);
    client
        .orders()
        .update_status(id, DeliveryStatus::Confirmed, None)
        .await
        .unwrap();

    let deliveries = sandbox.wait_for_deliveries(2, Duration::from_secs(5)).await;
    assert_eq!(deliveries.len(), 2, "{deliveries:?}");
    assert_eq!(
        (deliveries[0].attempt, deliveries[0].status),
        (1, Some(500))
    );
    assert_eq!(
        (deliveries[1].attempt, deliveries[1].status),
        (2, Some(200))
    );
    assert_eq!(deliveries[0].webhook_id, hook.id);
    assert_eq!(
        deliveries[0].body, deliveries[1].body,
        "a re-delivery sends the same bytes"
    );

    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, "/v1/webhooks/giyimmoda");
    let receiver = WebhookReceiver::new("gizli-anahtar");
    let seen = InMemoryDeduplicator::new(Duration::from_secs(60), 100);
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "x-webhook-signature",
        got[1].1.clone().unwrap().parse().unwrap(),
    );
    assert_eq!(
        got[1].1.as_deref(),
        Some(
            marketplace_core::webhook::sign_hmac_sha256_hex("gizli-anahtar", got[1].2.as_bytes())
                .as_str()
        )
    );
    let payload = receiver
        .receive(&headers, got[1].2.as_bytes(), &seen)
        .await
        .unwrap();
    assert_eq!(payload.event, WebhookEvent::OrderUpdated);
    match payload.data {
        EventData::Order(order) => {
            assert_eq!(order.order_id, Some(id));
            assert_eq!(order.delivery_status, Some(DeliveryStatus::Confirmed));
            assert_eq!(order.code, sandbox.order(id).unwrap().code);
        }
        other => panic!("{other:?}"),
    }
    let again = receiver
        .receive(&headers, got[0].2.as_bytes(), &seen)
        .await
        .unwrap_err();
    assert!(
        matches!(again, Error::WebhookRejected(_)),
        "the re-delivery is a duplicate"
    );
    // Signed with another secret: refused.
    let wrong = WebhookReceiver::new("baska-anahtar");
    assert!(
        wrong
            .receive(&headers, got[1].2.as_bytes(), &seen)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn each_event_reaches_only_its_subscribers() {
    let sandbox = Sandbox::start_with(fast_webhooks()).await.unwrap();
    let (url, received) = receiver(0).await;
    let client = sandbox.client();
    for (event, path) in [
        (WebhookEvent::OrderCreated, "created"),
        (WebhookEvent::OrderCancelled, "cancelled"),
        (WebhookEvent::StockUpdated, "stock"),
    ] {
        client
            .webhooks()
            .create(&NewWebhook {
                event_type: Some(event),
                url: format!("{url}/{path}"),
                secret: None,
            })
            .await
            .unwrap();
    }
    let id = sandbox.seed_order(DeliveryStatus::Confirmed);
    assert!(sandbox.change_order_status(id, DeliveryStatus::Cancelled));
    assert_eq!(sandbox.order_status(id), Some(DeliveryStatus::Cancelled));
    let stock = client.stocks().by_product(1002).await.unwrap().stocks[0].id;
    client.stocks().update(stock, 9).await.unwrap();
    let moved = sandbox.seed_order(DeliveryStatus::Pending);
    client
        .orders()
        .update_status(moved, DeliveryStatus::Confirmed, None)
        .await
        .unwrap();

    let deliveries = sandbox.wait_for_deliveries(2, Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let got = received.lock().unwrap().clone();
    let mut paths: Vec<&str> = got.iter().map(|(p, ..)| p.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        vec!["/cancelled", "/stock"],
        "no subscriber for order.updated: {deliveries:?}"
    );
    let stock_body: Value =
        serde_json::from_str(&got.iter().find(|g| g.0 == "/stock").unwrap().2).unwrap();
    assert_eq!(stock_body["event"], json!("stock.updated"));
    assert_eq!(stock_body["data"]["product_id"], json!(1002));
    assert_eq!(stock_body["data"]["qty"], json!(9));
    let secret = client.webhooks().list().await.unwrap().items[1]
        .secret
        .clone()
        .unwrap();
    let cancelled = got.iter().find(|g| g.0 == "/cancelled").unwrap();
    let headers: reqwest::header::HeaderMap = [(
        "x-webhook-signature".parse().unwrap(),
        cancelled.1.clone().unwrap().parse().unwrap(),
    )]
    .into_iter()
    .collect();
    WebhookReceiver::new(secret)
        .verify(&headers, cancelled.2.as_bytes())
        .unwrap();
}

#[tokio::test]
async fn redelivery_stops_at_the_attempt_cap() {
    let sandbox = Sandbox::start_with(fast_webhooks().webhook_max_attempts(3))
        .await
        .unwrap();
    // A port nobody listens on.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    sandbox
        .client()
        .webhooks()
        .create(&NewWebhook {
            event_type: Some(WebhookEvent::OrderUpdated),
            url: format!("http://{closed}/hook"),
            secret: None,
        })
        .await
        .unwrap();
    let id = sandbox.seed_order(DeliveryStatus::Pending);
    sandbox.change_order_status(id, DeliveryStatus::Confirmed);
    let deliveries = sandbox.wait_for_deliveries(3, Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    let deliveries_after = sandbox.deliveries();
    assert_eq!(deliveries_after.len(), 3, "{deliveries:?}");
    assert!(
        deliveries_after
            .iter()
            .all(|d| d.status.is_none() && d.error.is_some())
    );
    assert_eq!(
        deliveries_after
            .iter()
            .map(|d| d.attempt)
            .collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
}

// ---------------------------------------------------------------- bulk, stocks, prices

#[tokio::test]
async fn bulk_create_reports_each_item_synchronously() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let good = new_product("Toplu Ürün 1", "GM-TOPLU-1");
    let mut unknown_brand = new_product("Toplu Ürün 2", "GM-TOPLU-2");
    unknown_brand.brand_id = Some(77);
    let mut unknown_category = new_product("Toplu Ürün 3", "GM-TOPLU-3");
    unknown_category.category_id = Some(31_337);
    let result = client
        .products()
        .bulk_create(&[good, unknown_brand, unknown_category])
        .await
        .unwrap();
    assert_eq!(
        (result.total, result.success_count, result.failed_count),
        (Some(3), 1, 2)
    );
    assert_eq!(result.success[0].sku.as_deref(), Some("GM-TOPLU-1"));
    let created = result.success[0].id.unwrap();
    assert_eq!(
        client
            .products()
            .get(created)
            .await
            .unwrap()
            .name
            .as_deref(),
        Some("Toplu Ürün 1")
    );
    assert_eq!(result.failed[0].index, Some(1));
    assert_eq!(
        result.failed[0].error.as_deref(),
        Some("The selected brand id is invalid.")
    );
    assert_eq!(result.failed[0].field_errors[0].field, "brand_id");
    assert_eq!(result.failed[1].sku.as_deref(), Some("GM-TOPLU-3"));
    assert_eq!(result.failed[1].field_errors[0].field, "category_id");

    // An item the SDK would refuse (one gallery image) fails on its own on the server.
    let mut items = vec![serde_json::to_value(new_product("Tamam", "GM-OK")).unwrap()];
    let mut one_image = serde_json::to_value(new_product("Tek Görsel", "GM-TEK")).unwrap();
    one_image["gallery_images_urls"] = json!(["https://example.com/1.jpg"]);
    items.push(one_image);
    let (status, body) = raw(
        &sandbox,
        reqwest::Method::POST,
        "products/bulk",
        Some(json!({"products": items})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["message"],
        json!("Bulk product creation completed. 1 successful, 1 failed.")
    );
    assert_eq!(
        body["data"]["failed"][0]["errors"]["gallery_images_urls"][0],
        json!("The gallery images urls field must have at least 2 items.")
    );
    assert_eq!(
        client
            .products()
            .list(&ProductQuery::new().per_page(PerPage::All))
            .await
            .unwrap()
            .items
            .len(),
        12
    );
}

#[tokio::test]
async fn stock_and_price_writes_show_on_product_reads() {
    use giyimmoda_sdk::model::{PriceUpdate, ProductBulkUpdateItem, StockQuery, StockUpdate};
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let record = client.stocks().by_product(1002).await.unwrap();
    assert_eq!(record.total_stock, Some(18));
    let stock_id = record.stocks[0].id;

    let one = client.stocks().update(stock_id, 25).await.unwrap().unwrap();
    assert_eq!(one.qty, Some(25));
    assert_eq!(
        client.products().get(1002).await.unwrap().current_stock,
        Some(25)
    );

    let other = client.stocks().by_product(1003).await.unwrap().stocks[0].id;
    let bulk = client
        .stocks()
        .bulk_update(&[
            StockUpdate { id: other, qty: 0 },
            StockUpdate { id: 4242, qty: 1 },
        ])
        .await
        .unwrap();
    assert_eq!((bulk.updated_count, bulk.failed_count), (1, 1));
    assert_eq!(bulk.errors[0].id, Some(4242));
    let out = client
        .stocks()
        .list(&StockQuery::new().out_of_stock())
        .await
        .unwrap()
        .items;
    assert_eq!(
        out.iter().filter_map(|s| s.product_id).collect::<Vec<_>>(),
        vec![1003, 1005]
    );
    let low = client
        .stocks()
        .low_stock(1, PerPage::Default)
        .await
        .unwrap()
        .items;
    assert!(
        low.iter().all(|s| s.qty.unwrap() <= 5) && low.len() == 2,
        "{low:?}"
    );

    client
        .prices()
        .update(1002, Decimal::new(54990, 2))
        .await
        .unwrap();
    let prices = client
        .prices()
        .bulk_update(&[PriceUpdate {
            product_id: 1004,
            unit_price: Decimal::new(12990, 2),
        }])
        .await
        .unwrap();
    assert_eq!(prices.updated_count, 1);
    assert_eq!(
        client.products().get(1002).await.unwrap().unit_price,
        Some(Decimal::new(54990, 2))
    );
    assert_eq!(
        client.products().get(1004).await.unwrap().unit_price,
        Some(Decimal::new(12990, 2))
    );

    let both = client
        .products()
        .bulk_update(&[
            ProductBulkUpdateItem {
                id: Some(1006),
                unit_price: Some(Decimal::new(39990, 2)),
                current_stock: Some(11),
                published: Some(false),
            },
            ProductBulkUpdateItem {
                id: Some(9_999_999),
                current_stock: Some(1),
                ..Default::default()
            },
        ])
        .await
        .unwrap();
    assert_eq!((both.updated_count, both.failed_count), (1, 1));
    let p = client.products().get(1006).await.unwrap();
    assert_eq!(
        (p.unit_price, p.current_stock, p.published),
        (Some(Decimal::new(39990, 2)), Some(11), Some(false))
    );

    // Every item that arrived, per SKU, in order (stock-only, price-only, or both).
    let items = sandbox.stock_items_received("GM-ELB-002");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].quantity, Some(25));
    assert_eq!(items[1].sale_price, Some(Decimal::new(54990, 2)));
    let items = sandbox.stock_items_received("GM-GML-001");
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].quantity, items[0].sale_price),
        (Some(11), Some(Decimal::new(39990, 2)))
    );
    assert_eq!(
        sandbox.product_by_sku("GM-GML-001").unwrap().current_stock,
        Some(11)
    );
}

// ---------------------------------------------------------------- refunds, questions

#[tokio::test]
async fn refunds_are_approved_or_rejected_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let pending = client
        .refunds()
        .list(&RefundQuery::new().status(RefundFilter::Pending))
        .await
        .unwrap()
        .items;
    assert_eq!(pending.len(), 3);
    assert!(
        pending.iter().all(|r| r.order.is_none()),
        "the list carries no nested order"
    );
    let detail = client.refunds().get(pending[0].id).await.unwrap();
    assert_eq!(
        detail.order.as_ref().unwrap().delivery_status,
        Some(DeliveryStatus::Delivered)
    );
    assert_eq!(
        detail.order_detail.as_ref().unwrap().id,
        detail.order_detail_id
    );

    let approved = client.refunds().approve(&detail).await.unwrap();
    assert_eq!(approved.seller_approval, Some(Approval::Approved));
    assert_eq!(approved.seller_approval_text.as_deref(), Some("Onaylandı"));
    let rejected = client
        .refunds()
        .reject(&pending[1], "Ürün kullanılmış durumda")
        .await
        .unwrap();
    assert_eq!(rejected.seller_approval, Some(Approval::Rejected));
    assert_eq!(
        rejected.rejection_reason.as_deref(),
        Some("Ürün kullanılmış durumda")
    );
    assert_eq!(
        sandbox.refund_status(pending[1].id),
        Some(Approval::Rejected)
    );

    // The SDK refuses a second decision itself; the sandbox refuses it too.
    let writes = sandbox.writes_received();
    let err = client.refunds().approve(&rejected).await.unwrap_err();
    assert!(matches!(err, Error::InvalidTransition { .. }), "{err:?}");
    assert_eq!(sandbox.writes_received(), writes, "nothing sent");
    let (status, body) = raw(
        &sandbox,
        reqwest::Method::POST,
        &format!("refund-requests/{}/approve", rejected.id),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["seller_approval"].is_array(), "{body}");
    let (status, body) = raw(
        &sandbox,
        reqwest::Method::POST,
        &format!("refund-requests/{}/reject", pending[2].id),
        Some(json!({"rejection_reason": "x".repeat(501)})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["rejection_reason"].is_array());

    let seeded = sandbox.seed_refund();
    assert_eq!(sandbox.refund_status(seeded), Some(Approval::Pending));
    let approved_list = client
        .refunds()
        .list(&RefundQuery::new().status(RefundFilter::Approved))
        .await
        .unwrap()
        .items;
    assert_eq!(approved_list.len(), 2, "the seeded approved one and ours");
}

#[tokio::test]
async fn questions_are_answered_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let waiting: Vec<_> = client
        .product_queries()
        .list(&Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .filter(|q| !q.is_answered())
        .collect();
    assert_eq!(waiting.len(), 3);
    let text = "Merhaba, ürünümüz %100 pamukludur.";
    let answered = client
        .product_queries()
        .reply(waiting[0].id, text)
        .await
        .unwrap();
    assert_eq!(answered.reply.as_deref(), Some(text));
    assert_eq!(
        sandbox.question_answer(waiting[0].id).as_deref(),
        Some(text)
    );
    assert!(
        client
            .product_queries()
            .get(waiting[0].id)
            .await
            .unwrap()
            .is_answered()
    );
    let again = client
        .product_queries()
        .reply(waiting[0].id, "tekrar")
        .await
        .unwrap_err();
    assert_eq!(again.status(), Some(422));

    let id = sandbox.seed_question();
    assert_eq!(sandbox.question_answer(id), None);
    let filtered = client
        .product_queries()
        .list(&giyimmoda_sdk::model::ListQuery::new().filter("status", "pending"))
        .await
        .unwrap()
        .items;
    assert_eq!(
        filtered.len(),
        3,
        "two seeded still waiting plus the new one"
    );
}

// ---------------------------------------------------------------- conformance far side

#[cfg(feature = "conformance")]
#[tokio::test]
async fn far_side_seeds_and_reports_through_the_sandbox() {
    use marketplace_core::conformance::FarSide;
    use marketplace_core::model::{ClaimStatus, OrderStatus};
    use marketplace_core::paging::TimeWindow;

    let sandbox = Sandbox::start().await.unwrap();
    let far: &dyn FarSide = &sandbox;
    let window = TimeWindow::last_days(40);
    let ids = far.seed_orders(window, 57).await.unwrap();
    assert_eq!(ids.len(), 57);
    let from = window
        .start
        .with_timezone(&marketplace_core::codec::datetime::ISTANBUL)
        .date_naive();
    let listed = sandbox
        .client()
        .orders()
        .list(&OrderQuery::new().date_from(from).per_page(PerPage::All))
        .await
        .unwrap()
        .items;
    assert!(
        ids.iter()
            .all(|id| listed.iter().any(|o| o.id.to_string() == *id))
    );
    assert!(ids.iter().all(|id| {
        let d = sandbox.order(id.parse().unwrap()).unwrap().date.unwrap();
        d > window.start && d < window.end
    }));

    let (from, to, _) = far.forward_move();
    let id = far.seed_order(from.clone()).await.unwrap();
    assert_eq!(far.order_status(&id).await.unwrap(), from);
    let order_id: u64 = id.parse().unwrap();
    sandbox
        .client()
        .orders()
        .update_status(order_id, DeliveryStatus::Confirmed, None)
        .await
        .unwrap();
    assert_eq!(far.order_status(&id).await.unwrap(), to);
    let (bad_from, _) = far.illegal_move();
    let id = far.seed_order(bad_from.clone()).await.unwrap();
    assert_eq!(far.order_status(&id).await.unwrap(), bad_from);
    assert!(far.seed_order(OrderStatus::Returned).await.is_err());

    // Drafts: the valid one is created, the invalid one fails with a reason.
    let (good, bad) = (far.valid_draft(), far.invalid_draft());
    let as_new = |d: &marketplace_core::model::ProductDraft| NewProduct {
        name: d.title.clone(),
        description: d.description.clone(),
        category_id: d.category_id.as_ref().map(|c| c.parse().unwrap()),
        brand_id: d.brand_id.as_ref().map(|b| b.parse().unwrap()),
        unit_price: Some(d.price.amount),
        current_stock: Some(i64::from(d.stock)),
        sku: Some(d.sku.clone()),
        thumbnail_img_url: d.images[0].clone(),
        gallery_images_urls: d.images.clone(),
        ..NewProduct::default()
    };
    let result = sandbox
        .client()
        .products()
        .bulk_create(&[as_new(&good), as_new(&bad)])
        .await
        .unwrap();
    assert_eq!(result.success[0].sku.as_deref(), Some(good.sku.as_str()));
    assert_eq!(result.failed[0].sku.as_deref(), Some(bad.sku.as_str()));
    assert!(result.failed[0].error.is_some());
    assert!(far.stock_items_received(&good.sku).await.is_empty());

    let claim = far.seed_pending_claim().await.unwrap();
    assert_eq!(
        far.claim_status(&claim).await.unwrap(),
        ClaimStatus::WaitingInAction
    );
    let refund = sandbox
        .client()
        .refunds()
        .get(claim.parse().unwrap())
        .await
        .unwrap();
    sandbox
        .client()
        .refunds()
        .reject(&refund, &far.rejection().text)
        .await
        .unwrap();
    assert_eq!(
        far.claim_status(&claim).await.unwrap(),
        ClaimStatus::Rejected
    );

    let question = far.seed_waiting_question().await.unwrap();
    assert_eq!(far.question_answer(&question).await.unwrap(), None);
    sandbox
        .client()
        .product_queries()
        .reply(question.parse().unwrap(), "Evet")
        .await
        .unwrap();
    assert_eq!(
        far.question_answer(&question).await.unwrap().as_deref(),
        Some("Evet")
    );
    assert!(far.question_answer("12345678").await.is_err());
    assert!(far.writes_received().await >= 4);
}

// ---------------------------------------------------------------- rate limit

#[tokio::test]
async fn over_the_rate_limit_is_429_with_retry_after() {
    let window = Duration::from_secs(1);
    let sandbox = Sandbox::start_with(SandboxConfig::new().rate_limit(3, window))
        .await
        .unwrap();
    let client = sandbox
        .client_builder()
        .api_key(Sandbox::API_KEY)
        .api_secret(Sandbox::API_SECRET)
        .retry_policy(marketplace_core::http::RetryPolicy::never())
        .build()
        .unwrap();
    for _ in 0..3 {
        client.brands().get(5).await.unwrap();
    }
    let err = client.brands().get(5).await.unwrap_err();
    match &err {
        Error::RateLimited { retry_after } => {
            assert_eq!(*retry_after, Some(Duration::from_secs(1)));
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    let response = reqwest::Client::new()
        .get(format!("{}brands", sandbox.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "1");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["success"], json!(false));

    // The next window accepts requests again; without a limit nothing is refused.
    tokio::time::sleep(window).await;
    assert_eq!(client.brands().get(6).await.unwrap().name, "LC Waikiki");
    let unlimited = Sandbox::start().await.unwrap();
    for _ in 0..20 {
        unlimited.client().brands().get(5).await.unwrap();
    }
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    client.brands().get(5).await.unwrap();
    drop(sandbox);
    tokio::time::sleep(Duration::from_millis(20)).await;
    let err = client.brands().get(5).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
}

// ---------------------------------------------------------------- payment / commission history

#[tokio::test]
async fn commission_and_payment_history_follow_the_delivered_orders() {
    use futures::TryStreamExt;
    use giyimmoda_sdk::model::ListQuery;

    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let delivered = client
        .orders()
        .list(
            &OrderQuery::new()
                .status(DeliveryStatus::Delivered)
                .per_page(PerPage::All),
        )
        .await
        .unwrap()
        .items;
    assert!(delivered.len() >= 5, "{}", delivered.len());

    let commissions: Vec<_> = client
        .commissions()
        .stream(&ListQuery::new().per_page(PerPage::Count(5)))
        .try_collect()
        .await
        .unwrap();
    let lines: usize = delivered.iter().map(|o| o.order_details.len()).sum();
    assert_eq!(commissions.len(), lines);
    assert_eq!(commissions, sandbox.commissions());
    for order in &delivered {
        for line in &order.order_details {
            let record = commissions
                .iter()
                .find(|c| c.order_detail_id == line.id)
                .unwrap();
            assert_eq!(record.order_id, Some(order.id));
            let (fee, earning) = (
                record.admin_commission.unwrap(),
                record.seller_earning.unwrap(),
            );
            assert!(fee > Decimal::ZERO && earning > fee);
            assert_eq!(fee + earning, line.price.unwrap());
        }
    }

    let payments: Vec<_> = client
        .payments()
        .stream(&ListQuery::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        payments.len(),
        delivered.len(),
        "seeded deliveries are all due"
    );
    assert_eq!(payments, sandbox.payments());
    for payment in &payments {
        let order_id = payment.id - 800_000;
        let earned: Decimal = commissions
            .iter()
            .filter(|c| c.order_id == Some(order_id))
            .filter_map(|c| c.seller_earning)
            .sum();
        assert_eq!(payment.amount, Some(earned));
        assert!(payment.created_at.unwrap() <= chrono::Utc::now());
        assert_eq!(payment.payment_method.as_deref(), Some("bank_payment"));
    }
    let one = client.payments().get(payments[0].id).await.unwrap();
    assert_eq!(one, payments[0]);
    let record = client
        .commissions()
        .get(commissions[0].id.unwrap())
        .await
        .unwrap();
    assert_eq!(record, commissions[0]);
    assert_eq!(
        client.payments().get(1).await.unwrap_err().status(),
        Some(404)
    );

    // Delivered just now: commission booked at once, payout not due yet.
    let fresh = sandbox.seed_order(DeliveryStatus::Delivered);
    let fresh_lines = sandbox.order(fresh).unwrap().order_details.len();
    assert_eq!(sandbox.commissions().len(), lines + fresh_lines);
    let page = client.commissions().list(&ListQuery::new()).await.unwrap();
    assert_eq!(page.items[0].order_id, Some(fresh));
    assert_eq!(
        page.pagination.unwrap().total,
        Some((lines + fresh_lines) as u64)
    );
    assert_eq!(sandbox.payments().len(), payments.len());
}
