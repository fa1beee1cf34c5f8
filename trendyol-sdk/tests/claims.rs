//! Claims (§7) over wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use rust_decimal::Decimal;
use serde_json::json;
use trendyol_sdk::model::claim::{
    Claim, ClaimItemStatus, ClaimPage, ClaimQuery, CreateClaim, CreateClaimIssue, CreateClaimItem,
    UploadFile,
};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{
    body_json, body_string_contains, header, header_regex, method, path, query_param,
};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ITEM: &str = "b71461e3-d1a0-4c1d-9a6d-18ecbcb5158c";
const CLAIM: &str = "f9da2317-876b-4b86-b8f7-0535c3b65731";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn fixture(text: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(text.as_bytes().to_vec(), "application/json")
}

fn field_of(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// The documented claim with its one item in `status`.
fn claim_with_status(status: &str) -> Claim {
    let text = include_str!("fixtures/claims/claims.json").replace(
        r#""claimItemStatus": { "name": "Created" }"#,
        &format!(r#""claimItemStatus": {{ "name": "{status}" }}"#),
    );
    let page: ClaimPage = marketplace_core::codec::decode(text.as_bytes()).unwrap();
    page.content.into_iter().next().unwrap()
}

fn issue(reason: i64, files: Vec<UploadFile>) -> CreateClaimIssue {
    CreateClaimIssue {
        claim_issue_reason_id: reason,
        claim_item_ids: vec![ITEM.into()],
        description: "Ürün kullanılmış olarak geldi".into(),
        files,
    }
}

#[tokio::test]
async fn get_claims_sends_filters_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/order/sellers/777/claims"))
        .and(query_param("claimItemStatus", "WaitingInAction"))
        .and(query_param("startDate", "1525000000000"))
        .and(query_param("endDate", "1526000000000"))
        .and(query_param("size", "50"))
        .and(query_param("page", "0"))
        .and(query_param("orderNumber", "65745805"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(fixture(include_str!("fixtures/claims/claims.json")))
        .expect(1)
        .mount(&server)
        .await;
    let ms = |v| chrono::DateTime::from_timestamp_millis(v).unwrap();
    let query = ClaimQuery::default()
        .claim_item_status(ClaimItemStatus::WaitingInAction)
        .start_date(ms(1_525_000_000_000))
        .end_date(ms(1_526_000_000_000))
        .size(50)
        .page(0)
        .order_number("65745805");
    let page = client(&server).claims().list(&query).await.unwrap();
    assert_eq!(page.total_elements, Some(2099));
    let claim = &page.content[0];
    assert_eq!(claim.id, CLAIM);
    assert_eq!(claim.order_number.as_deref(), Some("65745805"));
    assert_eq!(
        claim.cargo_tracking_number.as_ref().unwrap().as_str(),
        "72602420957047276000",
        "tracking number beyond u64 kept exactly"
    );
    assert_eq!(
        claim.rejected_package_info.as_ref().unwrap().dont_ship_back,
        Some(false)
    );
    let line = &claim.items[0];
    assert_eq!(line.order_line.merchant_sku.as_deref(), Some("2083667"));
    assert_eq!(line.order_line.price, Some(Decimal::new(1295, 2)));
    assert_eq!(line.order_line.vat_rate, Some(Decimal::from(8)));
    let item = &line.claim_items[0];
    assert_eq!(item.status(), Some(&ClaimItemStatus::Created));
    assert_eq!(
        item.customer_claim_item_reason
            .as_ref()
            .unwrap()
            .code
            .as_deref(),
        Some("UNFIT")
    );
    assert_eq!(item.accept_detail.as_deref(), Some("SUPPLIER"));
    assert_eq!(
        claim.claim_date.unwrap().timestamp_millis(),
        1_525_844_162_827
    );
}

#[tokio::test]
async fn claims_stream_pages_through_all_pages() {
    let server = MockServer::start().await;
    for page in 0..2 {
        Mock::given(method("GET"))
            .and(path("/integration/order/sellers/777/claims"))
            .and(query_param("page", page.to_string()))
            .and(query_param("size", "200"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "totalPages": 2, "totalElements": 2, "page": page, "size": 200,
                "content": [{"id": format!("claim-{page}"), "items": []}]
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let claims: Vec<_> = client
        .claims()
        .stream(&ClaimQuery::default())
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["claim-0", "claim-1"]);
}

#[test]
fn unknown_claim_item_status_is_kept() {
    let claim = claim_with_status("WaitingForCourier");
    let item = claim.claim_item(ITEM).unwrap();
    assert_eq!(
        item.status(),
        Some(&ClaimItemStatus::Other("WaitingForCourier".into()))
    );
    assert_eq!(
        serde_json::to_value(item.status().unwrap()).unwrap(),
        json!("WaitingForCourier")
    );
}

#[tokio::test]
async fn claim_issue_reasons() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/order/claim-issue-reasons"))
        .respond_with(fixture(include_str!("fixtures/claims/issue_reasons.json")))
        .expect(1)
        .mount(&server)
        .await;
    let reasons = client(&server).claims().issue_reasons().await.unwrap();
    assert_eq!(reasons.len(), 3);
    assert_eq!(reasons[0].id, 1651);
    assert_eq!(
        reasons[2].name.as_deref(),
        Some("Kişiye özel üretilmiş ürün")
    );
}

#[tokio::test]
async fn approve_items_sends_the_documented_body() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(format!(
            "/integration/order/sellers/777/claims/{CLAIM}/items/approve"
        )))
        .and(body_json(
            json!({"claimLineItemIdList": [ITEM], "params": {}}),
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let claim = claim_with_status("WaitingInAction");
    client(&server)
        .claims()
        .approve_items(&claim, &[ITEM.to_owned()])
        .await
        .unwrap();
}

#[tokio::test]
async fn approving_or_rejecting_an_item_not_waiting_in_action_is_a_typed_error() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    let claim = claim_with_status("Rejected");
    let err = client
        .claims()
        .approve_items(&claim, &[ITEM.to_owned()])
        .await
        .unwrap_err();
    match err {
        Error::InvalidTransition { entity, from, to } => {
            assert_eq!(
                (entity, from.as_str(), to.as_str()),
                ("claim item", "Rejected", "Accepted")
            );
        }
        other => panic!("{other:?}"),
    }
    let err = client
        .claims()
        .reject_items(&claim, &issue(1651, vec![]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidTransition { ref from, .. } if from == "Rejected"));
    let waiting = claim_with_status("WaitingInAction");
    let err = client
        .claims()
        .approve_items(&waiting, &["not-an-item".to_owned()])
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "claimLineItemIdList");
}

#[tokio::test]
async fn reject_sends_fields_in_the_query_and_files_as_multipart() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!(
            "/integration/order/sellers/777/claims/{CLAIM}/issue"
        )))
        .and(query_param("claimIssueReasonId", "2077"))
        .and(query_param(
            "claimItemIdList",
            format!("{ITEM},second-item"),
        ))
        .and(query_param("description", "Ürün kullanılmış olarak geldi"))
        .and(header_regex(
            "content-type",
            "^multipart/form-data; boundary=",
        ))
        .and(body_string_contains(
            "name=\"files\"; filename=\"kanit.jpg\"",
        ))
        .and(body_string_contains("JPEGDATA"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let mut req = issue(
        2077,
        vec![UploadFile::new(
            "kanit.jpg",
            "image/jpeg",
            b"JPEGDATA".to_vec(),
        )],
    );
    req.claim_item_ids.push("second-item".into());
    client(&server).claims().reject(CLAIM, &req).await.unwrap();
}

#[tokio::test]
async fn reject_without_files_is_allowed_only_for_the_listed_reasons() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!(
            "/integration/order/sellers/777/claims/{CLAIM}/issue"
        )))
        .and(query_param("claimIssueReasonId", "451"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let claim = claim_with_status("WaitingInAction");
    client
        .claims()
        .reject_items(&claim, &issue(451, vec![]))
        .await
        .unwrap();

    // Reason 2077 needs evidence: nothing is sent.
    let err = client
        .claims()
        .reject(CLAIM, &issue(2077, vec![]))
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "files");
    let mut long = issue(451, vec![]);
    long.description = "x".repeat(501);
    assert_eq!(
        field_of(&client.claims().reject(CLAIM, &long).await.unwrap_err()),
        "description"
    );
    let mut none = issue(451, vec![]);
    none.claim_item_ids.clear();
    assert_eq!(
        field_of(&client.claims().reject(CLAIM, &none).await.unwrap_err()),
        "claimItemIdList"
    );
    assert_eq!(
        field_of(
            &client
                .claims()
                .reject(CLAIM, &issue(0, vec![]))
                .await
                .unwrap_err()
        ),
        "claimIssueReasonId"
    );
}

#[tokio::test]
async fn create_claim_posts_the_body_and_decodes_the_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/order/sellers/777/claims/create"))
        .and(body_json(json!({
            "claimItems": [{"barcode": "99999999999", "customerNote": "vazgeçti", "quantity": 1, "reasonId": 401}],
            "customerId": 888888888, "excludeListing": true, "forcePackageCreation": true,
            "orderNumber": "65745805", "shipmentCompanyId": 4
        })))
        .respond_with(fixture(include_str!(
            "fixtures/claims/create_claim_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server)
        .claims()
        .create(&CreateClaim {
            claim_items: vec![CreateClaimItem {
                barcode: "99999999999".into(),
                customer_note: Some("vazgeçti".into()),
                quantity: 1,
                reason_id: 401,
            }],
            customer_id: Some(888_888_888),
            exclude_listing: Some(true),
            force_package_creation: Some(true),
            order_number: "65745805".into(),
            shipment_company_id: Some(4),
        })
        .await
        .unwrap();
    assert_eq!(created.claim_id, "c0ffee00-0000-4000-8000-000000000001");
    assert_eq!(
        created.cargo_tracking_number.unwrap().as_str(),
        "733xxxxxxx"
    );
    assert_eq!(created.claim_item_ids, ["ci-1"]);
}

#[tokio::test]
async fn create_claim_requires_order_number_and_items() {
    let server = MockServer::start().await;
    let client = client(&server);
    let err = client
        .claims()
        .create(&CreateClaim::default())
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "orderNumber");
    let err = client
        .claims()
        .create(&CreateClaim {
            order_number: "1".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "claimItems");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn claim_item_audits_decode_numbers_as_strings_and_unknown_statuses() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/integration/order/sellers/777/claims/items/{ITEM}/audit"
        )))
        .respond_with(fixture(include_str!("fixtures/claims/item_audits.json")))
        .expect(1)
        .mount(&server)
        .await;
    let audits = client(&server).claims().item_audits(ITEM).await.unwrap();
    assert_eq!(audits.len(), 2);
    assert_eq!(audits[0].previous_status, Some(ClaimItemStatus::Created));
    assert_eq!(audits[0].new_status, Some(ClaimItemStatus::WaitingInAction));
    let who = audits[0].user_info_document.as_ref().unwrap();
    assert_eq!(who.executor_app.as_deref(), Some("SellerIntegrationApi"));
    assert_eq!(who.executor_user.as_deref(), Some("12345"));
    assert_eq!(
        audits[1].new_status,
        Some(ClaimItemStatus::Other("SellerReviewing".into()))
    );
    assert_eq!(audits[1].user_info_document, None);
}
