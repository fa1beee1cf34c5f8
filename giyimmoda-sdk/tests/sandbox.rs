//! End-to-end: the SDK `Client` against the Giyim Moda sandbox on 127.0.0.1.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use giyimmoda_sdk::Error;
use giyimmoda_sdk::model::{
    Approval, DeliveryStatus, NewOrder, NewOrderCustomer, NewOrderItem, NewProduct, OrderQuery,
    PaymentType, PerPage, ProductQuery, ProductUnit, ProductUpdate, RefundFilter, RefundQuery,
};
use giyimmoda_sdk::sandbox::{Sandbox, SandboxConfig};
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

#[allow(dead_code)]
fn _unused(_: Approval, _: Duration) {}
