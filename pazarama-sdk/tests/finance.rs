//! Finance against a mock Pazarama (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use pazarama_sdk::model::PaymentAgreementQuery;
use pazarama_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
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

#[tokio::test]
async fn payment_agreement_sends_the_documented_body_and_decodes_the_sample() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/paymentAgreement"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(json!({
            "startDate": "2023-01-01T00:00:01.768Z",
            "endDate": "2023-01-02T23:59:59.768Z",
            "allowanceDate": null,
            "orderId": null
        })))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/finance/payment_agreement.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let query = PaymentAgreementQuery::between(
        at("2023-01-01T00:00:01.768Z"),
        at("2023-01-02T23:59:59.768Z"),
    );
    let out = client(&server)
        .await
        .finance()
        .payment_agreement(&query)
        .await
        .unwrap();
    let one = Decimal::from(1);
    assert_eq!(out.total_amount, Some(one));
    assert_eq!(out.total_commission, Some(Decimal::ZERO));
    assert_eq!(out.total_allowance, Some(one));
    let t = &out.transaction_list[0];
    assert_eq!(t.order_id, Some(Id::from(459916556u64)));
    assert_eq!(t.trx_code.as_deref(), Some("ORDER-23003TArH07110322"));
    assert_eq!(
        t.trx_id.unwrap().to_string(),
        "cab6971e-946b-40ec-97ab-08daed6ab000"
    );
    assert_eq!(t.amount, Some(one));
    assert_eq!(t.installment_number, Some(0));
    assert_eq!(t.status.as_deref(), Some("Satış"));
    // No offset in the document: Istanbul time.
    assert_eq!(t.transaction_date, Some(at("2023-01-03T19:00:00+03:00")));
    assert_eq!(t.transferred_date, Some(at("2023-02-03T00:00:00+03:00")));
}

#[tokio::test]
async fn an_inverted_range_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/paymentAgreement"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let query =
        PaymentAgreementQuery::between(at("2023-02-01T00:00:00Z"), at("2023-01-01T00:00:00Z"));
    let r = client(&server)
        .await
        .finance()
        .payment_agreement(&query)
        .await;
    assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "endDate"));
}

#[tokio::test]
async fn amounts_as_strings_and_missing_fields_decode() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/paymentAgreement"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {
                "transactionList": [{"orderId": "ORD-1", "amount": "12,50", "installmentNumber": "3",
                                      "transactionDate": null}],
                "totalAmount": "12.50"
            },
            "success": true
        })))
        .mount(&server)
        .await;
    let query =
        PaymentAgreementQuery::between(at("2023-01-01T00:00:00Z"), at("2023-01-02T00:00:00Z"));
    let out = client(&server)
        .await
        .finance()
        .payment_agreement(&query)
        .await
        .unwrap();
    let t = &out.transaction_list[0];
    assert_eq!(t.order_id, Some(Id::from("ORD-1")));
    assert_eq!(t.amount, Some("12.50".parse().unwrap()));
    assert_eq!(t.installment_number, Some(3));
    assert_eq!(t.transaction_date, None);
    assert_eq!(out.total_commission, None);
}
