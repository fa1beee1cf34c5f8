//! Refund requests against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use futures::TryStreamExt;
use giyimmoda_sdk::model::{
    Approval, DeliveryStatus, PaymentStatus, PerPage, RefundFilter, RefundQuery, RefundRequest,
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

fn raw(body: &'static str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body, "application/json")
}

/// The documented detail sample, decoded (a pending request).
fn pending() -> RefundRequest {
    let v: Value =
        serde_json::from_str(include_str!("fixtures/refunds/get_response.json")).unwrap();
    serde_json::from_value(v["data"].clone()).unwrap()
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

#[tokio::test]
async fn lists_refund_requests_with_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/refund-requests"))
        .and(query_param("status", "pending"))
        .and(query_param("refund_status", "approved"))
        .and(query_param("date_from", "2026-01-01"))
        .and(query_param("date_to", "2026-01-31"))
        .and(query_param("search", "20260107"))
        .and(query_param("per_page", "all"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(raw(include_str!("fixtures/refunds/list_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let query = RefundQuery::new()
        .status(RefundFilter::Pending)
        .refund_status("approved")
        .date_from(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        .date_to(NaiveDate::from_ymd_opt(2026, 1, 31).unwrap())
        .search("20260107")
        .per_page(PerPage::All);
    let page = client(&server).refunds().list(&query).await.unwrap();
    assert_eq!(page.pagination.unwrap().total, Some(72));
    let r = &page.items[0];
    assert_eq!(r.id, 1);
    assert_eq!(r.order_code.as_deref(), Some("20260107-10255162"));
    assert_eq!(r.refund_amount, Some(Decimal::new(2_945_250, 2)));
    assert_eq!(r.seller_approval, Some(Approval::Pending));
    assert_eq!(r.product.as_ref().unwrap().sku.as_deref(), Some("SKU-123"));
    assert_eq!(
        r.customer.as_ref().unwrap().phone.as_deref(),
        Some("05551234567")
    );
    assert_eq!(r.rejection_reason, None);
    assert_eq!(
        r.created_at.unwrap().to_rfc3339(),
        "2026-01-07T07:25:51+00:00"
    );
}

#[tokio::test]
async fn streams_refund_requests() {
    let server = MockServer::start().await;
    for page in 1..=2u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/refund-requests"))
            .and(query_param("page", page.to_string()))
            .and(query_param("status", "all"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true, "data": [{"id": page, "seller_approval": "2"}],
                "pagination": {"current_page": page, "last_page": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let query = RefundQuery::new().status(RefundFilter::All);
    let all: Vec<RefundRequest> = client.refunds().stream(&query).try_collect().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].seller_approval, Some(Approval::Rejected));
}

#[tokio::test]
async fn gets_a_refund_request_with_order_and_line() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/refund-requests/1"))
        .respond_with(raw(include_str!("fixtures/refunds/get_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let r = client(&server).refunds().get(1).await.unwrap();
    assert_eq!(r, pending());
    let line = r.order_detail.unwrap();
    assert_eq!((line.id, line.quantity), (Some(183), Some(1)));
    assert_eq!(line.tax, Some(Decimal::ZERO));
    let order = r.order.unwrap();
    assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(order.delivery_status, Some(DeliveryStatus::Confirmed));
}

#[tokio::test]
async fn unknown_approval_codes_are_kept() {
    let r: RefundRequest =
        serde_json::from_value(json!({"id": 9, "seller_approval": 7, "refund_status": null}))
            .unwrap();
    assert_eq!(r.seller_approval, Some(Approval::Unknown(7)));
    assert_eq!(r.refund_status, None);
}

#[tokio::test]
async fn approves_a_pending_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/refund-requests/1/approve"))
        .respond_with(raw(include_str!("fixtures/refunds/approve_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let r = client(&server).refunds().approve(&pending()).await.unwrap();
    assert_eq!(r.seller_approval, Some(Approval::Approved));
    assert_eq!(r.seller_approval_text.as_deref(), Some("Onaylandı"));
}

#[tokio::test]
async fn rejects_a_pending_request_with_a_reason() {
    let server = MockServer::start().await;
    let doc: Value =
        serde_json::from_str(include_str!("fixtures/refunds/reject_request.json")).unwrap();
    Mock::given(method("POST"))
        .and(path("/api/seller/refund-requests/1/reject"))
        .and(body_json(&doc))
        .respond_with(raw(include_str!("fixtures/refunds/reject_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let r = client(&server)
        .refunds()
        .reject(&pending(), "Ürün kullanılmış durumda, iade kabul edilemez")
        .await
        .unwrap();
    assert_eq!(r.seller_approval, Some(Approval::Rejected));
    assert_eq!(
        r.rejection_reason.as_deref(),
        Some("Ürün kullanılmış durumda, iade kabul edilemez")
    );
}

#[tokio::test]
async fn only_pending_requests_can_be_approved_or_rejected() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    for state in [
        Some(Approval::Approved),
        Some(Approval::Rejected),
        Some(Approval::Unknown(9)),
        None,
    ] {
        let mut decided = pending();
        decided.seller_approval = state;
        let err = client.refunds().approve(&decided).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidTransition { entity: "refund request", to, .. } if to == "approved"),
            "{err:?}"
        );
        let err = client
            .refunds()
            .reject(&decided, "Kullanılmış")
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidTransition { to, .. } if to == "rejected"),
            "{err:?}"
        );
    }
    let mut approved = pending();
    approved.seller_approval = Some(Approval::Approved);
    let err = client.refunds().approve(&approved).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot move refund request from seller_approval 1 to approved"
    );
}

#[tokio::test]
async fn rejection_reason_is_required_and_at_most_500_chars() {
    let server = silent_server().await;
    let client = client(&server);
    for reason in [String::new(), "   ".to_owned(), "ş".repeat(501)] {
        let err = client
            .refunds()
            .reject(&pending(), &reason)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field, .. } if field == "rejection_reason"),
            "{err:?}"
        );
    }
    // 500 multi-byte characters are fine (the limit counts characters, not bytes).
    let ok = "ş".repeat(500);
    assert!(ok.len() > 500);
    drop(server);
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/refund-requests/1/reject"))
        .respond_with(raw(include_str!("fixtures/refunds/reject_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    self::client(&server)
        .refunds()
        .reject(&pending(), &ok)
        .await
        .unwrap();
}
