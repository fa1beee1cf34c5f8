//! Refunds and cancellation requests against a mock Pazarama (127.0.0.1).
//!
//! Fixtures are the document's samples with only PDF breakage fixed: split keys
//! (`"refu ndId"` → `"refundId"`), spaces inside GUIDs and numbers, run-together dates
//! (`"6Ekim2021 14 :53"` → `"6 Ekim 2021 14:53"`), a missing comma, and the base64 of the
//! section 3.29 sample joined onto one line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use marketplace_core::codec::Id;
use pazarama_sdk::model::{
    CancelUpdateRequest, DocumentObject, MAX_REFUND_DOCUMENT_BYTES, RefundQuery, RefundRejectType,
    RefundReviewType, RefundRevisionRequest, RefundStatus, UpdateRefundRequest,
};
use pazarama_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use uuid::Uuid;
use wiremock::matchers::{any, body_json, body_partial_json, header, method, path};
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

fn uuid(s: &str) -> Uuid {
    s.parse().unwrap()
}

const REFUND: &str = "ef2affaf-fdfc-4128-b5bc-3a4c1129e662";

fn fixture(body: &'static str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body, "application/json")
}

fn ord0() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "data": null, "success": true, "messageCode": "ORD0", "message": null,
        "userMessage": null, "fromCache": false
    }))
}

/// Mount a catch-all that must never be hit (client-side checks send nothing).
async fn nothing_may_be_sent(server: &MockServer) {
    Mock::given(any())
        .and(wiremock::matchers::path_regex("^/order"))
        .respond_with(ord0())
        .expect(0)
        .mount(server)
        .await;
}

#[tokio::test]
async fn lists_split_refunds_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getRefund"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(json!({
            "pageSize": 10, "pageNumber": 1, "refundStatus": 1, "SplitItems": true,
            "requestStartDate": "2021-10-01T00:00", "requestEndDate": "2021-10-08T00:00"
        })))
        .respond_with(fixture(include_str!("fixtures/refunds/get_refund.json")))
        .expect(1)
        .mount(&server)
        .await;
    let query = RefundQuery::between(
        at("2021-10-01T00:00:00+03:00"),
        at("2021-10-08T00:00:00+03:00"),
    )
    .status(RefundStatus::Pending)
    .split_items(true)
    .page(1)
    .size(10);
    let page = client(&server).await.refunds().list(&query).await.unwrap();
    let paging = page.response_page.as_ref().unwrap();
    assert_eq!(
        (paging.total_count, paging.total_pages),
        (Some(49), Some(1))
    );
    assert_eq!(
        page.page_report
            .as_ref()
            .unwrap()
            .total_rejected_refund_count,
        Some(13)
    );
    let r = &page.refund_list[0];
    assert_eq!(r.refund_id, uuid(REFUND));
    assert_eq!(r.order_number, Some(818589784));
    assert_eq!(r.order_date, Some(at("2021-10-06T14:53:00+03:00")));
    assert_eq!(r.refund_date, Some(at("2021-10-06T19:46:00+03:00")));
    assert_eq!(r.refund_number, Some(564213));
    assert_eq!(r.refund_status, Some(RefundStatus::Pending));
    assert_eq!(r.payment_type.as_deref(), Some("Banka/Kredi Kartı"));
    assert_eq!(
        r.total_amount.as_ref().unwrap().value,
        "23.5".parse::<Decimal>().unwrap()
    );
    assert_eq!(r.refund_amount.as_ref().unwrap().value_int, Some(175));
    assert_eq!(r.refund_amount.as_ref().unwrap().whole_part_string, None);
    assert_eq!(r.product_code.as_deref(), Some("201040500"));
    assert_eq!(r.product_stock_code, None);
    assert_eq!(r.shipment_code, Some(Id::from(54895647251356u64)));
    assert_eq!(r.quantity, None);
}

fn refund_row(n: u32) -> serde_json::Value {
    json!({"refundId": format!("00000000-0000-0000-0000-{n:012}"), "refundStatus": "2", "orderNumber": "7"})
}

#[tokio::test]
async fn the_refund_stream_pages_until_the_total_count() {
    let server = MockServer::start().await;
    for (page, rows) in [(1, vec![1, 2]), (2, vec![3, 4]), (3, vec![5])] {
        Mock::given(method("POST"))
            .and(path("/order/getRefund"))
            .and(body_partial_json(json!({"pageNumber": page, "pageSize": 2})))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "data": {
                    "responsePage": {"pageSize": 2, "pageIndex": page, "totalCount": 5, "totalPages": 3},
                    "refundList": rows.into_iter().map(refund_row).collect::<Vec<_>>()
                },
                "success": true
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    let refunds: Vec<_> = client
        .refunds()
        .stream(&RefundQuery::default().size(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(refunds.len(), 5);
    assert_eq!(
        refunds[4].refund_id,
        uuid("00000000-0000-0000-0000-000000000005")
    );
    assert_eq!(
        refunds[0].refund_status,
        Some(RefundStatus::ApprovedBySeller)
    );
    assert_eq!(refunds[0].order_number, Some(7));
}

#[tokio::test]
async fn approves_a_refund() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .and(body_json(json!({"refundId": REFUND, "status": 2})))
        .respond_with(ord0())
        .expect(1)
        .mount(&server)
        .await;
    let out = client(&server)
        .await
        .refunds()
        .update(&UpdateRefundRequest::approve(uuid(REFUND)))
        .await
        .unwrap();
    assert_eq!(out, None);
}

#[tokio::test]
async fn rejects_a_refund_with_a_base64_photo() {
    let server = MockServer::start().await;
    let photo = b"\x89PNG\r\n\x1a\nfake".to_vec();
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .and(body_json(json!({
            "refundId": REFUND,
            "status": 3,
            "quantity": 1,
            "refundRejectType": 2,
            "documentObjects": [{"name": "hasar.png", "bytes": STANDARD.encode(&photo)}],
            "description": "Kutu ezik geldi"
        })))
        .respond_with(fixture(include_str!("fixtures/refunds/cancel_update.json")))
        .expect(1)
        .mount(&server)
        .await;
    let request = UpdateRefundRequest::reject(
        uuid(REFUND),
        RefundRejectType::DefectiveOrDamaged,
        "Kutu ezik geldi",
    )
    .quantity(1)
    .document(DocumentObject::new("hasar.png", photo));
    let out = client(&server)
        .await
        .refunds()
        .update(&request)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        out.refund_status.as_deref(),
        Some("Tedarikçi TarafındanReddedildi")
    );
    assert_eq!(out.order_number, Some(696730236));
    // Debug shows the size, not the bytes.
    assert!(format!("{request:?}").contains("<12 bytes>"));
}

#[tokio::test]
async fn sends_a_refund_to_review_and_decodes_the_documented_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .and(body_partial_json(json!({
            "status": 9, "refundReviewType": 3, "description": "Ekran çalışmıyor"
        })))
        .respond_with(fixture(include_str!(
            "fixtures/refunds/update_refund_review.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let request = UpdateRefundRequest::review(uuid(REFUND), RefundReviewType::Other)
        .description("Ekran çalışmıyor");
    let out = client(&server)
        .await
        .refunds()
        .update(&request)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        out.refund_status.as_deref(),
        Some("İncelemeye Gönderme Talep Edildi")
    );
    assert_eq!(out.refund_id, Some(Uuid::nil()));
}

#[test]
fn the_documented_review_request_decodes_with_its_photo() {
    let request: UpdateRefundRequest = serde_json::from_str(include_str!(
        "fixtures/refunds/update_refund_review_request.json"
    ))
    .unwrap();
    assert_eq!(request.status, RefundStatus::SentToReview);
    assert_eq!(
        request.refund_reject_type,
        Some(RefundRejectType::Unknown(0))
    );
    assert_eq!(
        request.refund_review_type,
        Some(RefundReviewType::AuthorizedServiceReview)
    );
    let doc = &request.document_objects[0];
    assert_eq!(doc.name, "images.png");
    assert!(doc.bytes.starts_with(b"\x89PNG"), "decoded base64 is a PNG");
    // Round trip: serializes back to the same base64.
    let again: UpdateRefundRequest =
        serde_json::from_value(serde_json::to_value(&request).unwrap()).unwrap();
    assert_eq!(again, request);
}

#[tokio::test]
async fn refund_rules_are_enforced_before_sending() {
    let server = MockServer::start().await;
    nothing_may_be_sent(&server).await;
    let client = client(&server).await;
    let id = uuid(REFUND);
    let photo = || DocumentObject::new("a.jpg", vec![1u8; 10]);
    let reject = |reason| UpdateRefundRequest::reject(id, reason, "açıklama").document(photo());
    let too_big = DocumentObject::new("big.jpg", vec![0u8; MAX_REFUND_DOCUMENT_BYTES + 1]);
    let cases: Vec<(UpdateRefundRequest, &str)> = vec![
        (
            reject(RefundRejectType::Used)
                .document(photo())
                .document(photo())
                .document(photo()),
            "documentObjects",
        ),
        (
            UpdateRefundRequest::reject(id, RefundRejectType::Used, "x").document(too_big),
            "documentObjects[0].bytes",
        ),
        (
            UpdateRefundRequest::reject(id, RefundRejectType::Used, "x")
                .document(DocumentObject::new(" ", vec![1])),
            "documentObjects[0].name",
        ),
        // A photo is required for every reason except 10 and 11.
        (
            UpdateRefundRequest::reject(id, RefundRejectType::NotMyProduct, "x"),
            "documentObjects",
        ),
        (
            UpdateRefundRequest::reject(id, RefundRejectType::Other, "x"),
            "documentObjects",
        ),
        // A description is required for every rejection.
        (
            UpdateRefundRequest::reject(id, RefundRejectType::EmptyPackage, "  "),
            "description",
        ),
        (
            UpdateRefundRequest {
                refund_reject_type: None,
                ..reject(RefundRejectType::Used)
            },
            "refundRejectType",
        ),
        // Review type "Other" needs a description; a review needs a type.
        (
            UpdateRefundRequest::review(id, RefundReviewType::Other),
            "description",
        ),
        (
            UpdateRefundRequest {
                refund_review_type: None,
                ..UpdateRefundRequest::review(id, RefundReviewType::ManufacturerReview)
            },
            "refundReviewType",
        ),
        // Only 2, 3 and 9 may be sent.
        (
            UpdateRefundRequest {
                status: RefundStatus::ApprovedByBackoffice,
                ..UpdateRefundRequest::approve(id)
            },
            "status",
        ),
        (
            UpdateRefundRequest {
                refund_reject_type: Some(RefundRejectType::Used),
                ..UpdateRefundRequest::approve(id)
            },
            "refundRejectType",
        ),
        (UpdateRefundRequest::approve(id).quantity(0), "quantity"),
    ];
    for (request, field) in cases {
        let r = client.refunds().update(&request).await;
        assert!(
            matches!(&r, Err(Error::InvalidInput { field: f, .. }) if f == field),
            "{field}: {r:?}"
        );
    }
}

#[tokio::test]
async fn reasons_10_and_11_need_no_photo_and_review_types_1_2_need_no_description() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .respond_with(ord0())
        .expect(4)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let id = uuid(REFUND);
    for request in [
        UpdateRefundRequest::reject(id, RefundRejectType::EmptyPackage, "Boş geldi"),
        UpdateRefundRequest::reject(id, RefundRejectType::PackageNotReceived, "Gelmedi"),
        UpdateRefundRequest::review(id, RefundReviewType::ManufacturerReview),
        UpdateRefundRequest::review(id, RefundReviewType::AuthorizedServiceReview),
    ] {
        client.refunds().update(&request).await.unwrap();
    }
}

#[tokio::test]
async fn answers_a_revision_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/api/refund/revision"))
        .and(body_json(json!({
            "refundId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "documentObjects": [{"name": "fatura.pdf", "bytes": "JVBERg=="}],
            "description": "Fatura ektedir"
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "messageCode": "string", "message": "string",
            "userMessage": "string", "fromCache": true
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let mut request = RefundRevisionRequest {
        refund_id: uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        document_objects: vec![DocumentObject::new("fatura.pdf", b"%PDF".to_vec())],
        description: "Fatura ektedir".into(),
    };
    client.refunds().revise(&request).await.unwrap();
    request.description = String::new();
    let r = client.refunds().revise(&request).await;
    assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "description"));
}

mod cancellations {
    use super::*;

    const CANCEL: &str = "59eff35d-b399-407d-bc0e-62821ce9f623";

    #[tokio::test]
    async fn lists_cancel_requests_and_trusts_the_count_over_a_zero_page_total() {
        let server = MockServer::start().await;
        // The document's sample says totalPages 0 for 1 record: the stream still yields it
        // and asks for no second page.
        Mock::given(method("POST"))
            .and(path("/order/api/cancel/items"))
            .and(body_json(json!({
                "pageSize": 10, "pageNumber": 1,
                "requestStartDate": "2024-02-20T00:00", "requestEndDate": "2024-03-02T00:00"
            })))
            .respond_with(fixture(include_str!("fixtures/refunds/cancel_items.json")))
            .expect(2)
            .mount(&server)
            .await;
        let client = client(&server).await;
        let query = RefundQuery::between(
            at("2024-02-20T00:00:00+03:00"),
            at("2024-03-02T00:00:00+03:00"),
        )
        .page(1)
        .size(10);
        let page = client.cancellations().list(&query).await.unwrap();
        let c = &page.refund_list[0];
        assert_eq!(c.refund_id, uuid(CANCEL));
        assert_eq!(c.order_date, Some(at("2024-03-01T10:12:00+03:00")));
        assert_eq!(c.refund_status, Some(RefundStatus::Pending));
        assert_eq!(c.quantity, Some(1));
        assert_eq!(
            c.total_amount
                .as_ref()
                .unwrap()
                .decimal_separator
                .as_deref(),
            Some(",")
        );
        assert_eq!(c.shipment_code, None);
        let all: Vec<_> = client
            .cancellations()
            .stream(&query)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all.len(), 1);
    }

    #[tokio::test]
    async fn rejects_a_cancel_request_and_refuses_other_statuses() {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path("/order/api/cancel"))
            .and(body_json(json!({"refundId": CANCEL, "status": 3})))
            .respond_with(fixture(include_str!("fixtures/refunds/cancel_update.json")))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("PUT"))
            .and(path("/order/api/cancel"))
            .and(body_json(
                json!({"refundId": CANCEL, "status": 2, "quantity": 1}),
            ))
            .respond_with(ord0())
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server).await;
        let out = client
            .cancellations()
            .update(&CancelUpdateRequest::reject(uuid(CANCEL)))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            out.order_item_id,
            Some(uuid("37287b10-f93f-44ef-b10b-2566709cfd64"))
        );
        assert_eq!(out.refund_type.as_deref(), Some("Yanlışadresseçtim"));
        client
            .cancellations()
            .update(&CancelUpdateRequest::approve(uuid(CANCEL)).quantity(1))
            .await
            .unwrap();
        for status in [
            RefundStatus::Pending,
            RefundStatus::AutoApproved,
            RefundStatus::Unknown(42),
        ] {
            let r = client
                .cancellations()
                .update(&CancelUpdateRequest {
                    status,
                    ..CancelUpdateRequest::approve(uuid(CANCEL))
                })
                .await;
            assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "status"));
        }
    }
}
