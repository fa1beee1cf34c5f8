//! Payment history, withdraw requests and commission history against a mock Giyim Moda
//! (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::model::{ListQuery, NewWithdrawRequest};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
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

async fn expect_no_request(server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(server)
        .await;
}

fn ok(data: &serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": true, "data": data}))
}

#[tokio::test]
async fn payment_history_list_and_get() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/payment-history"))
        .and(query_param("page", "1"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{"id": 1, "amount": "1250.00", "payment_method": "bank_payment",
                      "txn_code": 998877, "created_at": "2024-12-15 14:30:25"}],
            "pagination": {"current_page": 1, "last_page": 1, "per_page": 15, "total": 1}
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/payment-history/1"))
        .respond_with(ok(
            &json!({"id": "1", "amount": 1250, "payment_details": "IBAN TR.."}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .payments()
        .list(&ListQuery::new().page(1))
        .await
        .unwrap();
    assert_eq!(page.items[0].amount, Some(Decimal::new(125_000, 2)));
    assert_eq!(page.items[0].txn_code.as_deref(), Some("998877"));
    assert!(page.items[0].created_at.is_some());
    let p = client.payments().get(1).await.unwrap();
    assert_eq!(p.amount, Some(Decimal::from(1250)));
    assert_eq!(p.extra["payment_details"], "IBAN TR..");
}

#[tokio::test]
async fn payment_stream_collects_all() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/payment-history"))
        .respond_with(ok(&json!([{"id": 1}, {"id": 2}])))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let all: Vec<_> = client
        .payments()
        .stream(&ListQuery::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn withdraw_requests_list_and_get() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/withdraw-requests"))
        .respond_with(ok(&json!([
            {"id": 4, "amount": "500.00", "message": "Aylık", "status": 0, "created_at": "2025-01-02 09:00:00"}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/withdraw-requests/4"))
        .respond_with(ok(&json!({"id": 4, "amount": "500.00", "status": "paid"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client.withdrawals().list(&ListQuery::new()).await.unwrap();
    assert_eq!(page.items[0].status.as_deref(), Some("0"));
    assert_eq!(page.items[0].message.as_deref(), Some("Aylık"));
    let w = client.withdrawals().get(4).await.unwrap();
    assert_eq!(w.amount, Some(Decimal::new(50_000, 2)));
    assert_eq!(w.status.as_deref(), Some("paid"));
}

#[tokio::test]
async fn withdraw_create_posts_amount_as_a_number() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/withdraw-requests"))
        .and(header("content-type", "application/json"))
        .and(body_json(
            json!({"amount": 500.5, "message": "Ocak hakedişi"}),
        ))
        .respond_with(ok(&json!({"id": 5, "amount": "500.50", "status": 0})))
        .expect(1)
        .mount(&server)
        .await;
    let req = NewWithdrawRequest {
        amount: Decimal::new(5005, 1),
        message: Some("Ocak hakedişi".into()),
    };
    let w = client(&server).withdrawals().create(&req).await.unwrap();
    assert_eq!(w.id, 5);
    assert_eq!(w.amount, Some(Decimal::new(50_050, 2)));
}

#[tokio::test]
async fn withdraw_of_zero_or_less_is_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let client = client(&server);
    for amount in [Decimal::ZERO, Decimal::new(-10, 0)] {
        let req = NewWithdrawRequest {
            amount,
            message: None,
        };
        let err = client.withdrawals().create(&req).await.unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { ref field, .. } if field == "amount"),
            "{err}"
        );
    }
}

#[tokio::test]
async fn withdraw_refused_by_the_server_keeps_field_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/withdraw-requests"))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({
            "success": false, "message": "Validation error",
            "errors": {"amount": ["Minimum çekim tutarı 100 TL"]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let req = NewWithdrawRequest {
        amount: Decimal::from(50),
        message: None,
    };
    let err = client(&server)
        .withdrawals()
        .create(&req)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(422));
    assert_eq!(err.field_errors()[0].field, "amount");
}

#[tokio::test]
async fn commission_history_list_and_get() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/commission-history"))
        .and(query_param("per_page", "50"))
        .respond_with(ok(&json!([{
            "id": 9, "order_id": "123", "order_detail_id": 183,
            "admin_commission": "25.00", "seller_earning": "225.00",
            "created_at": "2024-12-15 14:30:25"
        }])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/commission-history/9"))
        .respond_with(ok(&json!({"id": 9, "admin_commission": 25})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .commissions()
        .list(&ListQuery::new().per_page(giyimmoda_sdk::model::PerPage::Count(50)))
        .await
        .unwrap();
    let c = &page.items[0];
    assert_eq!(c.order_id, Some(123));
    assert_eq!(c.admin_commission, Some(Decimal::new(2500, 2)));
    let c = client.commissions().get(9).await.unwrap();
    assert_eq!(c.id, Some(9));
    assert_eq!(c.admin_commission, Some(Decimal::from(25)));
}
