//! Orders against a mock Pazarama (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeDelta, Utc};
use futures::TryStreamExt;
use marketplace_core::paging::TimeWindow;
use pazarama_sdk::model::{DeliveryType, InvoiceType, OrderItemStatus, OrderQuery, PaymentType};
use pazarama_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{body_json, body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok", "expires_in": 3600, "token_type": "Bearer"
        })))
        .mount(server)
        .await;
    Client::builder()
        .client_id("cid")
        .client_secret("csecret")
        .token_url(format!("{}/connect/token", server.uri()))
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[tokio::test]
async fn lists_one_order_by_number_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    // Fixture: the document's sample response; only `"phoneNumber" :"null ,` was fixed to `null`.
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(header("authorization", "Bearer tok"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "orderNumber": 735071747u64,
            "startDate": "2021-05-14T13:30",
            "endDate": "2021-05-24T17:30"
        })))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/orders/get_orders_for_api.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let query = OrderQuery {
        order_number: Some(735071747),
        ..OrderQuery::between(
            at("2021-05-14T13:30:00+03:00"),
            at("2021-05-24T17:30:00+03:00"),
        )
    };
    let orders = client(&server).await.orders().list(&query).await.unwrap();
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(
        o.order_id.to_string(),
        "d4fb5f23-6330-4eb0-a81c-35847560df86"
    );
    assert_eq!(o.order_number, 235795225);
    assert_eq!(o.order_date, Some(at("2023-01-25T15:22:00+03:00")));
    assert_eq!(o.order_amount, Some(dec("1.00")));
    assert_eq!(o.discount_amount, Some(dec("0.20")));
    assert_eq!(o.payment_type, Some(PaymentType::Card));
    assert_eq!(o.order_status, Some(OrderItemStatus::Received));
    let ship = o.shipment_address.as_ref().unwrap();
    assert_eq!(ship.city_name.as_deref(), Some("Kütahya"));
    assert_eq!(ship.phone_number.as_deref(), Some("054243029677"));
    let bill = o.billing_address.as_ref().unwrap();
    assert_eq!(bill.invoice_type, Some(InvoiceType::Individual));
    assert_eq!(bill.identity_number, None);
    assert_eq!(bill.is_e_invoice_obliged, Some(false));
    let item = &o.items[0];
    assert_eq!(
        item.order_item_id.to_string(),
        "5516bd97-5344-4d22-a346-0f263c0f51ca"
    );
    assert_eq!(item.order_item_status, OrderItemStatus::Received);
    assert_eq!(item.delivery_type, Some(DeliveryType::Cargo));
    assert_eq!(item.quantity, 1);
    let tax = item.tax_amount.as_ref().unwrap();
    assert_eq!(tax.value, dec("0.15"));
    assert_eq!(tax.value_int, Some(15));
    assert_eq!(tax.to_money().currency, "TRY");
    assert_eq!(item.total_price.as_ref().unwrap().value, dec("1.00"));
    assert_eq!(item.delivery_detail.as_ref().unwrap().phone_number, None);
    let cargo = item.cargo.as_ref().unwrap();
    assert_eq!(cargo.company_name.as_deref(), Some("PTT"));
    assert_eq!(cargo.tracking_number, None);
    let product = item.product.as_ref().unwrap();
    assert_eq!(product.code.as_deref(), Some("deneroyaldene-1"));
    assert_eq!(product.vat_rate, Some(dec("18")));
    assert!(product.image_url.as_deref().unwrap().ends_with(".png"));
}

#[tokio::test]
async fn lists_a_page_from_the_split_v2_service() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApiV2"))
        .and(body_json(json!({
            "pageSize": 500, "pageNumber": 1,
            "startDate": "2024-09-01T00:00", "endDate": "2024-09-30T00:00"
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [{
                "orderId": "d4fb5f23-6330-4eb0-a81c-35847560df86",
                "orderNumber": "235795225",
                "orderStatus": "12",
                "sellerAddressId": "41883dc0-03c5-402a-3b09-08dcde201845",
                "items": [
                    {"orderItemId": "9ec8e34f-830b-432b-bc7a-6793b69f97c6", "orderItemStatus": 12, "quantity": "1"},
                    {"orderItemId": "9ec8e34f-830b-432b-bc7a-6793b69f97c7", "orderItemStatus": 77}
                ]
            }],
            "success": true
        })))
        .expect(1)
        .mount(&server)
        .await;
    let query = OrderQuery::between(
        at("2024-09-01T00:00:00+03:00"),
        at("2024-09-30T00:00:00+03:00"),
    )
    .page(1)
    .size(500);
    let orders = client(&server)
        .await
        .orders()
        .list_split(&query)
        .await
        .unwrap();
    let o = &orders[0];
    // Numbers as strings, missing optional fields, an unknown status code kept.
    assert_eq!(o.order_number, 235795225);
    assert_eq!(o.order_status, Some(OrderItemStatus::Preparing));
    assert_eq!(o.order_date, None);
    assert!(o.shipment_address.is_none());
    assert_eq!(o.items[0].quantity, 1);
    assert_eq!(o.items[1].order_item_status, OrderItemStatus::Unknown(77));
    assert_eq!(o.items[1].quantity, 1);
    assert!(o.seller_address_id.is_some());
}

#[tokio::test]
async fn a_range_over_one_month_or_inverted_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let too_long = OrderQuery::between(at("2024-02-01T00:00:00Z"), at("2024-03-01T00:01:00Z"));
    let inverted = OrderQuery::between(at("2024-02-10T00:00:00Z"), at("2024-02-01T00:00:00Z"));
    for q in [too_long, inverted] {
        match client.orders().list(&q).await.unwrap_err() {
            Error::InvalidInput { field, .. } => assert_eq!(field, "endDate"),
            other => panic!("{other:?}"),
        }
    }
    let zero_page = OrderQuery::by_number(1).page(0);
    assert!(matches!(
        client.orders().list(&zero_page).await,
        Err(Error::InvalidInput { field, .. }) if field == "pageNumber"
    ));
}

fn order(n: u32) -> serde_json::Value {
    json!({
        "orderId": format!("00000000-0000-0000-0000-{n:012}"),
        "orderNumber": 1000 + n,
        "items": []
    })
}

#[tokio::test]
async fn a_70_day_range_is_three_windows_and_every_order_comes_once() {
    let server = MockServer::start().await;
    // 28-day windows: [Jan 1, Jan 29), [Jan 29, Feb 26), [Feb 26, Mar 11), Istanbul time.
    let pages: [(&str, &str, u32, Vec<u32>); 6] = [
        ("2024-01-01T00:00", "2024-01-29T00:00", 1, vec![1, 2]),
        ("2024-01-01T00:00", "2024-01-29T00:00", 2, vec![3]),
        // Order 3 again across the window boundary, then 5 across the next page boundary.
        ("2024-01-29T00:00", "2024-02-26T00:00", 1, vec![3, 4]),
        ("2024-01-29T00:00", "2024-02-26T00:00", 2, vec![4, 5]),
        ("2024-01-29T00:00", "2024-02-26T00:00", 3, vec![]),
        ("2024-02-26T00:00", "2024-03-11T00:00", 1, vec![5, 6]),
    ];
    for (start, end, page, ids) in pages {
        Mock::given(method("POST"))
            .and(path("/order/getOrdersForApi"))
            .and(body_json(json!({
                "startDate": start, "endDate": end, "pageNumber": page, "pageSize": 2
            })))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "data": ids.into_iter().map(order).collect::<Vec<_>>(), "success": true
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    // Window 3, page 2: empty.
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(body_partial_json(
            json!({"startDate": "2024-02-26T00:00", "pageNumber": 2}),
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"data": [], "success": true})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let start = at("2024-01-01T00:00:00+03:00");
    let range = TimeWindow::new(start, start + TimeDelta::days(70));
    let numbers: Vec<u64> = client
        .orders()
        .stream_with(range, 2, false)
        .map_ok(|o| o.order_number)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(numbers, [1001, 1002, 1003, 1004, 1005, 1006]);
}

#[tokio::test]
async fn the_split_stream_uses_the_v2_service_and_stops_on_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApiV2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": null, "success": false, "messageCode": "ORD9", "userMessage": "Hata"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let start = at("2024-01-01T00:00:00Z");
    let result: Result<Vec<_>, _> = client
        .orders()
        .stream_split(TimeWindow::new(start, start + TimeDelta::days(40)))
        .try_collect()
        .await;
    assert!(matches!(result, Err(Error::Api { code: Some(c), .. }) if c == "ORD9"));
}
