//! Orders against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use futures::TryStreamExt;
use giyimmoda_sdk::model::{
    DeliveryStatus, NewOrder, OrderQuery, PaymentStatus, PaymentType, PerPage,
};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{any, body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

fn fixture(name: &str) -> ResponseTemplate {
    let body = match name {
        "list" => include_str!("fixtures/orders/list_response.json"),
        "invoice" => include_str!("fixtures/orders/upload_invoice_response.json"),
        _ => unreachable!(),
    };
    ResponseTemplate::new(200).set_body_raw(body, "application/json")
}

fn new_order() -> NewOrder {
    serde_json::from_str(include_str!("fixtures/orders/create_request.json")).unwrap()
}

async fn silent_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    server
}

fn field_of(err: Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn lists_orders_with_every_filter() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/orders"))
        .and(query_param("status", "on_the_way"))
        .and(query_param("payment_status", "paid"))
        .and(query_param("date_from", "2024-12-01"))
        .and(query_param("date_to", "2024-12-31"))
        .and(query_param("search", "20241215"))
        .and(query_param("per_page", "20"))
        .and(query_param("page", "1"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(fixture("list"))
        .expect(1)
        .mount(&server)
        .await;
    let query = OrderQuery::new()
        .status(DeliveryStatus::OnTheWay)
        .payment_status(PaymentStatus::Paid)
        .date_from(NaiveDate::from_ymd_opt(2024, 12, 1).unwrap())
        .date_to(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap())
        .search("20241215")
        .per_page(PerPage::Count(20))
        .page(1);
    let page = client(&server).orders().list(&query).await.unwrap();
    let p = page.pagination.unwrap();
    assert_eq!((p.current_page, p.last_page, p.total), (1, 5, Some(72)));
    let o = &page.items[0];
    assert_eq!(o.id, 123);
    assert_eq!(o.code.as_deref(), Some("20241215-14302545"));
    assert_eq!(o.date.unwrap().to_rfc3339(), "2024-12-15T11:30:25+00:00");
    let c = o.customer.as_ref().unwrap();
    assert_eq!((c.id, c.name.as_deref()), (Some(45), Some("Ahmet Yılmaz")));
    assert_eq!(o.payment_type, Some(PaymentType::BankPayment));
    assert_eq!(o.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(o.delivery_status, Some(DeliveryStatus::Pending));
    assert_eq!(o.grand_total, Some(Decimal::new(25000, 2)));
}

#[tokio::test]
async fn streams_orders_until_the_last_page() {
    let server = MockServer::start().await;
    for page in 1..=2u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/orders"))
            .and(query_param("page", page.to_string()))
            .and(query_param("payment_status", "unpaid"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true, "data": [{"id": page}],
                "pagination": {"current_page": page, "last_page": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let query = OrderQuery::new().payment_status("unpaid");
    let ids: Vec<u64> = client
        .orders()
        .stream(&query)
        .map_ok(|o| o.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, [1, 2]);
}

#[tokio::test]
async fn gets_an_order_with_unknown_values_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/orders/123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": {"id": "123", "code": 20241215, "delivery_status": "returned",
                     "payment_type": "paypal", "payment_status": null, "grand_total": 250,
                     "customer": null, "tracking_code": 123456789,
                     "order_details": [{"id": 1, "product_id": "789", "quantity": "2",
                                        "price": "125.00", "tax": "0,00"}]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let o = client(&server).orders().get(123).await.unwrap();
    assert_eq!(
        o.delivery_status,
        Some(DeliveryStatus::Other("returned".into()))
    );
    assert_eq!(o.payment_type, Some(PaymentType::Other("paypal".into())));
    assert_eq!(o.payment_status, None);
    assert_eq!(o.code.as_deref(), Some("20241215"));
    assert_eq!(o.tracking_code.as_deref(), Some("123456789"));
    assert_eq!(o.order_details[0].quantity, Some(2));
    assert_eq!(o.order_details[0].price, Some(Decimal::new(12500, 2)));
}

#[tokio::test]
async fn creates_an_order_from_the_documented_sample() {
    let server = MockServer::start().await;
    let doc: Value =
        serde_json::from_str(include_str!("fixtures/orders/create_request.json")).unwrap();
    Mock::given(method("POST"))
        .and(path("/api/seller/orders"))
        .and(body_json(&doc))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "success": true, "message": "Sipariş oluşturuldu",
            "data": {"id": 900, "code": "20260103-001", "delivery_status": "pending", "grand_total": "300.00"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let o = client(&server).orders().create(&new_order()).await.unwrap();
    assert_eq!(o.id, 900);
    assert_eq!(o.grand_total, Some(Decimal::from(300)));
}

#[tokio::test]
async fn order_rules_are_checked_before_sending() {
    let server = silent_server().await;
    let client = client(&server);
    type Breaker = fn(&mut NewOrder);
    let cases: Vec<(&str, Breaker)> = vec![
        ("customer.name", |o| o.customer.name.clear()),
        ("customer.email", |o| o.customer.email.clear()),
        ("customer.phone", |o| o.customer.phone.clear()),
        ("customer.address", |o| o.customer.address.clear()),
        ("customer.city", |o| o.customer.city.clear()),
        ("customer.country", |o| o.customer.country.clear()),
        ("customer.postal_code", |o| o.customer.postal_code.clear()),
        ("customer.tc_identity_number", |o| {
            o.customer.tc_identity_number = Some("123".into());
        }),
        ("items", |o| o.items.clear()),
        ("items[0].quantity", |o| o.items[0].quantity = 0),
        ("items[0].product_id", |o| o.items[0].product_id = 0),
        ("payment_type", |o| {
            o.payment_type = PaymentType::from("paypal");
        }),
    ];
    for (field, breaker) in cases {
        let mut order = new_order();
        breaker(&mut order);
        let err = client.orders().create(&order).await.unwrap_err();
        assert_eq!(field_of(err), field);
    }
}

#[tokio::test]
async fn updates_status_with_tracking_code() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/orders/123/status"))
        .and(body_json(
            json!({"delivery_status": "picked_up", "tracking_code": "YK123456"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "message": "Sipariş durumu güncellendi",
            "data": {"id": 123, "delivery_status": "picked_up", "tracking_code": "YK123456"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let o = client(&server)
        .orders()
        .update_status(123, DeliveryStatus::PickedUp, Some("YK123456"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(o.delivery_status, Some(DeliveryStatus::PickedUp));
}

#[tokio::test]
async fn status_update_without_data_and_without_tracking_code() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/orders/7/status"))
        .and(body_json(json!({"delivery_status": "delivered"})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"success": true, "message": "OK"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let o = client(&server)
        .orders()
        .update_status(7, DeliveryStatus::Delivered, None)
        .await
        .unwrap();
    assert!(o.is_none());
}

#[tokio::test]
async fn unknown_status_is_refused_before_sending() {
    let server = silent_server().await;
    let err = client(&server)
        .orders()
        .update_status(7, DeliveryStatus::from("returned"), None)
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "delivery_status");
}

#[tokio::test]
async fn cancels_an_order() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/orders/123/cancel"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": {"id": 123, "delivery_status": "cancelled"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let o = client(&server).orders().cancel(123).await.unwrap().unwrap();
    assert_eq!(o.delivery_status, Some(DeliveryStatus::Cancelled));
}

#[tokio::test]
async fn cancel_of_a_shipped_order_is_an_api_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/orders/5/cancel"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": false, "message": "Teslim edilmiş sipariş iptal edilemez"
        })))
        .mount(&server)
        .await;
    let err = client(&server).orders().cancel(5).await.unwrap_err();
    assert!(err.to_string().contains("iptal edilemez"), "{err}");
}

#[tokio::test]
async fn uploads_the_invoice_as_multipart() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/orders/123/upload-invoice"))
        .respond_with(fixture("invoice"))
        .expect(1)
        .mount(&server)
        .await;
    let pdf = b"%PDF-1.4 fake".to_vec();
    let up = client(&server)
        .orders()
        .upload_invoice(123, "invoice.pdf", pdf.clone())
        .await
        .unwrap();
    assert_eq!(up.order_id, Some(123));
    assert_eq!(up.invoice_file_id, Some(456));
    assert_eq!(
        up.invoice_url.as_deref(),
        Some("https://example.com/storage/uploads/all/invoice.pdf")
    );
    let req = &server.received_requests().await.unwrap()[0];
    let ct = req.headers.get("content-type").unwrap().to_str().unwrap();
    assert!(ct.starts_with("multipart/form-data"), "{ct}");
    let body = String::from_utf8_lossy(&req.body);
    assert!(
        body.contains("name=\"invoice_file\"; filename=\"invoice.pdf\""),
        "{body}"
    );
    assert!(body.contains("Content-Type: application/pdf"), "{body}");
    assert!(body.contains("%PDF-1.4 fake"));
}

#[tokio::test]
async fn empty_invoice_is_refused_before_sending() {
    let server = silent_server().await;
    let err = client(&server)
        .orders()
        .upload_invoice(1, "invoice.pdf", Vec::new())
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "invoice_file");
}
