//! The unified API (`marketplace_core::Marketplace`) on the Trendyol client: mapping
//! tables row by row, record mapping, and every trait method over HTTP (wiremock on
//! 127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use futures::TryStreamExt;
use marketplace_core::model::{
    BatchHandle, BatchKind, BatchState, ClaimQuery, ClaimRejection, ClaimStatus, Money, OrderQuery,
    OrderStatus, ProductAttribute, ProductDraft, ProductQuery, QuestionQuery, QuestionStatus,
    StatusMove, StockPrice,
};
use marketplace_core::traits::Capability;
use marketplace_core::{Marketplace, MarketplaceId};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use trendyol_sdk::adapter::{
    self, BATCH_STATE_TABLE, CLAIM_STATUS_TABLE, ClaimRejectReason, PACKAGE_STATUS_TABLE,
    QUESTION_STATUS_TABLE, TrendyolProduct,
};
use trendyol_sdk::model::batch::BatchRequestResult;
use trendyol_sdk::model::claim::{Claim as TyClaim, ClaimItemStatus, ClaimPage, UploadFile};
use trendyol_sdk::model::orders::{
    PackageStatus, ShipmentPackage, ShipmentPackagesPage, UnsuppliedReason,
};
use trendyol_sdk::model::product::{ApprovedProduct, ProductPage};
use trendyol_sdk::model::question::{Question as TyQuestion, QuestionStatus as TyQuestionStatus};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{
    body_json, body_partial_json, header_regex, method, path, path_regex, query_param,
};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ORDERS: &str = include_str!("fixtures/orders/shipment_packages_v2.json");
const CLAIMS: &str = include_str!("fixtures/claims/claims.json");
const QUESTION: &str = include_str!("fixtures/questions/question.json");
const APPROVED: &str = include_str!("fixtures/products/approved.json");
const UNAPPROVED: &str = include_str!("fixtures/products/unapproved.json");
const BATCH_CREATE: &str = include_str!("fixtures/batch/create.json");
const BATCH_STOCK: &str = include_str!("fixtures/batch/stock_price.json");

const V2: &str = "/integration/order/sellers/777/v2/orders";
const PKG: &str = "/integration/order/sellers/777/shipment-packages/3330111111";
const CLAIMS_PATH: &str = "/integration/order/sellers/777/claims";
const CLAIM_ID: &str = "f9da2317-876b-4b86-b8f7-0535c3b65731";
const CLAIM_ITEM: &str = "b71461e3-d1a0-4c1d-9a6d-18ecbcb5158c";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

/// Fails the test on any request no other mock answered.
async fn nothing_else(server: &MockServer) {
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(599))
        .expect(0)
        .with_priority(u8::MAX)
        .mount(server)
        .await;
}

fn package() -> ShipmentPackage {
    let page: ShipmentPackagesPage = serde_json::from_str(ORDERS).unwrap();
    page.content.into_iter().next().unwrap()
}

fn package_json(status: &str) -> Value {
    let mut page: Value = serde_json::from_str(ORDERS).unwrap();
    let p = &mut page["content"][0];
    p["status"] = json!(status);
    p["shipmentPackageStatus"] = json!(status);
    p["lines"][0]["orderLineItemStatusName"] = json!(status);
    p.clone()
}

fn order_in(status: &str) -> marketplace_core::model::Order {
    let p: ShipmentPackage = serde_json::from_value(package_json(status)).unwrap();
    adapter::order_from_package(&p).unwrap()
}

fn ty_claim(item_status: &str) -> TyClaim {
    let mut page: Value = serde_json::from_str(CLAIMS).unwrap();
    // The doc sample's tracking number (72602420957047276000) does not fit a u64 and
    // reaches serde_json as a float, which cannot round-trip exactly; use a real-sized one.
    page["content"][0]["cargoTrackingNumber"] = json!(7_260_242_095_704_727u64);
    page["content"][0]["items"][0]["claimItems"][0]["claimItemStatus"]["name"] = json!(item_status);
    let page: ClaimPage = serde_json::from_value(page).unwrap();
    page.content.into_iter().next().unwrap()
}

fn field_of(err: &Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field.clone(),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn assert_transition(err: Error, from: &str, to: &str) {
    match err {
        Error::InvalidTransition {
            entity,
            from: f,
            to: t,
        } => assert_eq!((entity, f.as_str(), t.as_str()), ("order", from, to)),
        other => panic!("expected InvalidTransition, got {other:?}"),
    }
}

// ---- mapping tables, row by row --------------------------------------------------------

#[test]
fn package_status_table_row_by_row() {
    use OrderStatus as O;
    use PackageStatus as P;
    let rows = [
        (P::Awaiting, O::Awaiting),
        (P::Created, O::Created),
        (P::Picking, O::Picking),
        (P::Invoiced, O::Invoiced),
        (P::Shipped, O::Shipped),
        (P::AtCollectionPoint, O::AtCollectionPoint),
        (P::Delivered, O::Delivered),
        (P::UnDelivered, O::UnDelivered),
        (P::Cancelled, O::Cancelled),
        (P::UnSupplied, O::UnSupplied),
        (P::Returned, O::Returned),
        (P::UnPacked, O::Split),
        (P::Verified, O::Other("Verified".into())),
        (P::Repack, O::Other("Repack".into())),
        (P::Other("Frozen".into()), O::Other("Frozen".into())),
    ];
    for (trendyol, unified) in &rows {
        assert_eq!(adapter::order_status(trendyol), *unified, "{trendyol}");
    }
    // The const table says the same, and covers every status the crate knows.
    assert_eq!(PACKAGE_STATUS_TABLE.len(), P::KNOWN.len());
    for (wire, unified) in PACKAGE_STATUS_TABLE {
        assert_eq!(adapter::order_status(&P::from(*wire)).as_str(), *unified);
        assert!(
            rows.iter()
                .any(|(p, o)| p.as_str() == *wire && o.as_str() == *unified)
        );
    }
    // The inverse, used for status filters.
    assert_eq!(adapter::package_statuses_for(&O::Split), [P::UnPacked]);
    assert_eq!(adapter::package_statuses_for(&O::Created), [P::Created]);
    assert_eq!(
        adapter::package_statuses_for(&O::Other("Verified".into())),
        [P::Verified]
    );
    assert_eq!(
        adapter::package_statuses_for(&O::Other("Frozen".into())),
        [P::Other("Frozen".into())]
    );
    assert!(adapter::package_statuses_for(&O::ReturnRequested).is_empty());
}

#[test]
fn claim_status_table_row_by_row() {
    use ClaimItemStatus as T;
    use ClaimStatus as U;
    let rows = [
        (T::Created, U::Created),
        (T::WaitingInAction, U::WaitingInAction),
        (T::WaitingFraudCheck, U::InReview),
        (T::InAnalysis, U::InReview),
        (T::Unresolved, U::Unresolved),
        (T::Accepted, U::Accepted),
        (T::Rejected, U::Rejected),
        (T::Cancelled, U::Cancelled),
        (T::Other("Frozen".into()), U::Other("Frozen".into())),
    ];
    for (trendyol, unified) in &rows {
        assert_eq!(adapter::claim_status(trendyol), *unified, "{trendyol}");
    }
    assert_eq!(CLAIM_STATUS_TABLE.len(), T::KNOWN.len());
    for (wire, unified) in CLAIM_STATUS_TABLE {
        assert_eq!(adapter::claim_status(&T::from(*wire)).as_str(), *unified);
    }
    assert_eq!(
        adapter::claim_item_statuses_for(&U::InReview),
        [T::WaitingFraudCheck, T::InAnalysis]
    );
    assert_eq!(
        adapter::claim_item_statuses_for(&U::WaitingInAction),
        [T::WaitingInAction]
    );
}

#[test]
fn claim_level_status_rules() {
    use ClaimStatus as S;
    let level = |items: &[S]| adapter::claim_level_status(items);
    assert_eq!(level(&[]), None);
    // Open items win, in the documented priority.
    assert_eq!(
        level(&[S::Accepted, S::Created, S::WaitingInAction]),
        Some(S::WaitingInAction)
    );
    assert_eq!(level(&[S::InReview, S::Unresolved]), Some(S::Unresolved));
    assert_eq!(level(&[S::Created, S::InReview]), Some(S::InReview));
    assert_eq!(level(&[S::Rejected, S::Created]), Some(S::Created));
    assert_eq!(
        level(&[S::Accepted, S::Other("Frozen".into())]),
        Some(S::Other("Frozen".into()))
    );
    // All decided.
    assert_eq!(level(&[S::Rejected, S::Accepted]), Some(S::Accepted));
    assert_eq!(level(&[S::Cancelled, S::Rejected]), Some(S::Rejected));
    assert_eq!(level(&[S::Cancelled, S::Cancelled]), Some(S::Cancelled));
}

#[test]
fn question_status_table_row_by_row() {
    use QuestionStatus as U;
    use TyQuestionStatus as T;
    let rows = [
        (T::WaitingForAnswer, U::WaitingForAnswer),
        (T::Answered, U::Answered),
        (T::Rejected, U::Rejected),
        (T::Reported, U::Reported),
        (T::Unanswered, U::Unanswered),
        (T::Other("ARCHIVED".into()), U::Other("ARCHIVED".into())),
    ];
    for (trendyol, unified) in &rows {
        assert_eq!(adapter::question_status(trendyol), *unified, "{trendyol}");
        assert_eq!(
            adapter::question_status_for(unified).as_ref(),
            Some(trendyol),
            "{unified}"
        );
    }
    assert_eq!(QUESTION_STATUS_TABLE.len(), T::KNOWN.len());
    for (wire, unified) in QUESTION_STATUS_TABLE {
        assert_eq!(adapter::question_status(&T::from(*wire)).as_str(), *unified);
    }
    assert_eq!(adapter::question_status_for(&U::AnswerPending), None);
}

fn batch(status: Option<&str>, items: &[&str], item_count: Option<u32>) -> BatchRequestResult {
    let mut body = json!({
        "batchRequestId": "b-1",
        "items": items.iter().enumerate().map(|(i, s)| json!({
            "requestItem": {"barcode": format!("B{i}")},
            "status": s,
            "failureReasons": if *s == "FAILED" { json!(["Stok 20000'den büyük olamaz"]) } else { json!([]) },
        })).collect::<Vec<_>>(),
    });
    if let Some(s) = status {
        body["status"] = json!(s);
    }
    if let Some(n) = item_count {
        body["itemCount"] = json!(n);
    }
    serde_json::from_value(body).unwrap()
}

#[test]
fn batch_state_table_row_by_row() {
    use BatchState as S;
    let rows: Vec<(BatchRequestResult, S)> = vec![
        (
            batch(Some("COMPLETED"), &["SUCCESS", "FAILED"], None),
            S::Completed,
        ),
        (batch(Some("FAILED"), &[], None), S::Failed),
        (
            batch(Some("IN_PROGRESS"), &["SUCCESS"], None),
            S::InProgress,
        ),
        (
            batch(Some("QUEUED"), &[], None),
            S::Unknown("QUEUED".into()),
        ),
        // Stock & price: no batch status, derived from the items.
        (batch(None, &["SUCCESS", "FAILED"], Some(2)), S::Completed),
        (batch(None, &["SUCCESS"], None), S::Completed),
        (batch(None, &[], None), S::InProgress),
        (
            batch(None, &["SUCCESS", "IN_PROGRESS"], None),
            S::InProgress,
        ),
        (batch(None, &["SUCCESS", "PENDING"], None), S::InProgress),
        (batch(None, &["SUCCESS"], Some(2)), S::InProgress),
    ];
    for (result, state) in &rows {
        assert_eq!(adapter::batch_state(result), *state, "{result:?}");
    }
    for (wire, unified) in BATCH_STATE_TABLE {
        assert_eq!(
            adapter::batch_state(&batch(Some(wire), &[], None)).as_str(),
            *unified
        );
    }
    let handle = BatchHandle::new(MarketplaceId::Trendyol, "b-1", BatchKind::StockPrice);
    let outcome = adapter::batch_outcome(&handle, &rows[4].0);
    assert_eq!(outcome.handle, handle);
    assert!(outcome.is_terminal());
    assert_eq!(outcome.succeeded().next().unwrap().key, "B0");
    let failed = outcome.failed().next().unwrap();
    assert_eq!(failed.key, "B1");
    assert_eq!(failed.messages, ["Stok 20000'den büyük olamaz"]);
}

// ---- record mapping ---------------------------------------------------------------------

#[test]
fn order_from_the_doc_sample() {
    let p = package();
    let o = adapter::order_from_package(&p).unwrap();
    assert_eq!(o.marketplace, MarketplaceId::Trendyol);
    assert_eq!(o.id, "3330111111");
    assert_eq!(o.number, "10654411111");
    assert_eq!(o.status, OrderStatus::Delivered);
    assert_eq!(
        o.created_at,
        Utc.timestamp_millis_opt(1_762_253_333_685).single()
    );
    assert_eq!(o.total, Some(Money::try_lira(Decimal::new(4989, 1))));
    assert_eq!(o.discount, Some(Money::try_lira(Decimal::ZERO)));
    let customer = o.customer.as_ref().unwrap();
    assert_eq!(customer.name, "Trendyol Customer");
    assert_eq!(customer.id.as_deref(), Some("1451111111"));
    assert_eq!(customer.identity_number.as_deref(), Some("11111111111"));
    assert_eq!(customer.tax_office.as_deref(), Some("..."));
    let ship = o.shipping_address.as_ref().unwrap();
    assert_eq!(ship.city.as_deref(), Some("İstanbul"));
    assert_eq!(ship.district.as_deref(), Some("Sarıyer"));
    assert_eq!(ship.country_code.as_deref(), Some("TR"));
    assert_eq!(o.cargo_provider.as_deref(), Some("Trendyol Express"));
    assert_eq!(o.tracking_number.as_deref(), Some("7280027504111111"));
    assert_eq!(o.lines.len(), 1);
    let line = &o.lines[0];
    assert_eq!(line.id, "4765111111");
    assert_eq!(line.sku, "111111");
    assert_eq!(line.barcode.as_deref(), Some("8683772071724"));
    assert_eq!(line.product_id.as_deref(), Some("1239111111"));
    assert_eq!(line.quantity, 1);
    assert_eq!(line.unit_price, Money::try_lira(Decimal::new(4989, 1)));
    assert_eq!(line.line_total, Money::try_lira(Decimal::new(4989, 1)));
    assert_eq!(line.vat_rate, Some(Decimal::from(20)));
    assert_eq!(line.status, Some(OrderStatus::Delivered));
    // Nothing is lost: the typed record comes back.
    assert_eq!(adapter::original_order(&o).unwrap(), p);
}

#[test]
fn order_line_totals_subtract_discounts() {
    let mut p = package_json("Created");
    p["lines"][0]["quantity"] = json!(2);
    p["lines"][0]["lineGrossAmount"] = json!("200,00");
    p["lines"][0]["lineTotalDiscount"] = json!(null);
    p["lines"][0]["lineSellerDiscount"] = json!(15);
    p["lines"][0]["lineTyDiscount"] = json!("5");
    p["lines"][0]["lineUnitPrice"] = json!(100);
    let p: ShipmentPackage = serde_json::from_value(p).unwrap();
    let line = &adapter::order_from_package(&p).unwrap().lines[0];
    assert_eq!(line.quantity, 2);
    assert_eq!(line.discount, Some(Money::try_lira(Decimal::from(20))));
    assert_eq!(line.line_total, Money::try_lira(Decimal::from(180)));
}

#[test]
fn missing_price_quantity_or_status_is_an_error_naming_the_field() {
    for (field, wire) in [
        ("lines[0].quantity", "quantity"),
        ("lines[0].lineUnitPrice", "lineUnitPrice"),
    ] {
        let mut p = package_json("Created");
        p["lines"][0][wire] = Value::Null;
        let p: ShipmentPackage = serde_json::from_value(p).unwrap();
        match adapter::order_from_package(&p).unwrap_err() {
            Error::Decode { path, .. } => assert_eq!(path, field),
            other => panic!("expected Decode on {field}, got {other:?}"),
        }
    }
    let mut p = package_json("Created");
    p["status"] = Value::Null;
    p["shipmentPackageStatus"] = Value::Null;
    let p: ShipmentPackage = serde_json::from_value(p).unwrap();
    match adapter::order_from_package(&p).unwrap_err() {
        Error::Decode { path, .. } => assert_eq!(path, "status"),
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[test]
fn unknown_package_status_is_kept_and_cannot_move() {
    let o = order_in("Frozen");
    assert_eq!(o.status, OrderStatus::Other("Frozen".into()));
    assert_eq!(o.lines[0].status, Some(OrderStatus::Other("Frozen".into())));
    assert!(!o.status.can_move_to(&OrderStatus::Picking));
    assert_eq!(order_in("UnPacked").status, OrderStatus::Split);
}

#[test]
fn claim_from_the_doc_sample() {
    let c = ty_claim("WaitingInAction");
    let claim = adapter::claim_from_trendyol(&c).unwrap();
    assert_eq!(claim.id, CLAIM_ID);
    assert_eq!(claim.order_number, "65745805");
    assert_eq!(claim.order_id.as_deref(), Some("3853354"));
    assert_eq!(claim.status, ClaimStatus::WaitingInAction);
    assert_eq!(claim.customer.as_ref().unwrap().name, "John Doe");
    assert_eq!(
        claim.cargo_provider.as_deref(),
        Some("Aras Kargo Marketplace")
    );
    assert_eq!(claim.tracking_number.as_deref(), Some("7260242095704727"));
    assert_eq!(claim.lines.len(), 1);
    let line = &claim.lines[0];
    assert_eq!(line.id, CLAIM_ITEM);
    assert_eq!(line.order_line_id.as_deref(), Some("28717254"));
    assert_eq!(line.sku, "2083667");
    assert_eq!(line.barcode.as_deref(), Some("99999999999"));
    assert_eq!(line.quantity, 1);
    assert_eq!(line.status, Some(ClaimStatus::WaitingInAction));
    assert_eq!(line.reason.as_deref(), Some("Beden uymama"));
    assert_eq!(line.reason_code.as_deref(), Some("UNFIT"));
    assert_eq!(line.customer_note.as_deref(), Some("Customer note"));
    assert_eq!(line.price, Some(Money::try_lira(Decimal::new(1295, 2))));
    assert_eq!(
        claim.refund_amount,
        Some(Money::try_lira(Decimal::new(1295, 2)))
    );
    assert_eq!(adapter::original_claim(&claim).unwrap(), c);

    let fraud = adapter::claim_from_trendyol(&ty_claim("WaitingFraudCheck")).unwrap();
    assert_eq!(fraud.status, ClaimStatus::InReview);
    let odd = adapter::claim_from_trendyol(&ty_claim("Frozen")).unwrap();
    assert_eq!(odd.status, ClaimStatus::Other("Frozen".into()));
}

#[test]
fn question_from_the_doc_sample() {
    let q: TyQuestion = serde_json::from_str(QUESTION).unwrap();
    let question = adapter::question_from_trendyol(&q);
    assert_eq!(question.id, "3458726");
    assert_eq!(question.text, "Bu ürün su geçirir mi?");
    assert_eq!(question.status, QuestionStatus::WaitingForAnswer);
    assert_eq!(question.customer_name, None, "showUserName is false");
    assert_eq!(question.product_name.as_deref(), Some("Yağmurluk"));
    assert_eq!(question.product_id.as_deref(), Some("PM-1"));
    assert_eq!(
        question.product_url.as_deref(),
        Some("https://www.trendyol.com/p")
    );
    assert_eq!(question.public, Some(true));
    assert_eq!(question.answer, None);
    assert_eq!(adapter::original_question(&question).unwrap(), q);
}

#[test]
fn products_from_the_doc_sample_one_per_variant() {
    let page: ProductPage<ApprovedProduct> = serde_json::from_str(APPROVED).unwrap();
    let content = &page.content[0];
    let products = adapter::products_from_approved(content);
    assert_eq!(products.len(), content.variants.len());
    let p = &products[0];
    assert_eq!(p.sku, "12613876842A60");
    assert_eq!(p.barcode.as_deref(), Some("12613876842A60"));
    assert_eq!(p.product_id.as_deref(), Some("12715815"));
    assert_eq!(p.group_code.as_deref(), Some("12613876842A60"));
    assert_eq!(p.title, "Halı");
    assert_eq!(p.brand.as_deref(), Some("GUEYA"));
    assert_eq!(p.category.as_deref(), Some("Halı"));
    assert_eq!(p.stock, Some(0));
    assert_eq!(p.sale_price, Some(Money::try_lira(Decimal::from(222))));
    assert_eq!(p.approved, Some(true));
    assert_eq!(p.on_sale, Some(false));
    assert_eq!(p.archived, Some(false));
    match adapter::original_product(p).unwrap() {
        TrendyolProduct::Approved(record) => {
            assert_eq!(record.content_id, content.content_id);
            assert_eq!(record.variants, vec![content.variants[0].clone()]);
        }
        other => panic!("expected an approved record, got {other:?}"),
    }
}

fn draft(sku: &str) -> ProductDraft {
    let mut d = ProductDraft::new(
        sku,
        "Pamuklu Tişört",
        Money::try_lira(Decimal::new(19990, 2)),
    );
    d.description = "Yüzde yüz pamuk".into();
    d.brand_id = Some("187803".into());
    d.category_id = Some("91266".into());
    d.vat_rate = Some(Decimal::from(20));
    d.stock = 50;
    d.list_price = Some(Money::try_lira(Decimal::new(24990, 2)));
    d.group_code = Some("TSHIRT-1".into());
    d.images = vec!["https://cdn.example.com/1.jpg".into()];
    d.attributes = vec![
        ProductAttribute::predefined("47", "4294"),
        ProductAttribute::custom("338", "Kırmızı"),
    ];
    d.delivery_days = Some(2);
    d
}

#[test]
fn draft_maps_to_a_create_item() {
    let item = adapter::create_item_from_draft(0, &draft("TSHIRT-RED-M")).unwrap();
    let wire = serde_json::to_value(&item).unwrap();
    assert_eq!(
        wire,
        json!({
            "barcode": "TSHIRT-RED-M", "title": "Pamuklu Tişört", "productMainId": "TSHIRT-1",
            "brandId": 187803, "categoryId": 91266, "quantity": 50, "stockCode": "TSHIRT-RED-M",
            "description": "Yüzde yüz pamuk", "currencyType": "TRY",
            "listPrice": 249.90, "salePrice": 199.90, "vatRate": 20,
            "deliveryOption": {"deliveryDuration": 2},
            "images": [{"url": "https://cdn.example.com/1.jpg"}],
            "attributes": [
                {"attributeId": 47, "attributeValueId": 4294},
                {"attributeId": 338, "customAttributeValue": "Kırmızı"}
            ]
        })
    );
    let mut with_barcode = draft("STK-1");
    with_barcode.barcode = Some("8680000000001".into());
    let item = adapter::create_item_from_draft(0, &with_barcode).unwrap();
    assert_eq!(item.barcode, "8680000000001");
    assert_eq!(item.stock_code.as_deref(), Some("STK-1"));
}

#[test]
fn incomplete_drafts_are_invalid_input_naming_the_field() {
    type Change = Box<dyn Fn(&mut ProductDraft)>;
    let cases: Vec<(&str, Change)> = vec![
        ("drafts[3].brand_id", Box::new(|d| d.brand_id = None)),
        (
            "drafts[3].category_id",
            Box::new(|d| d.category_id = Some("Giyim".into())),
        ),
        ("drafts[3].vat_rate", Box::new(|d| d.vat_rate = None)),
        (
            "drafts[3].vat_rate",
            Box::new(|d| d.vat_rate = Some(Decimal::from(18))),
        ),
        (
            "drafts[3].attributes[0].id",
            Box::new(|d| d.attributes[0] = ProductAttribute::named("Renk", "Kırmızı")),
        ),
        (
            "drafts[3].list_price",
            Box::new(|d| d.list_price = Some(Money::new(Decimal::from(300), "EUR"))),
        ),
    ];
    for (field, change) in cases {
        let mut d = draft("X");
        change(&mut d);
        let err = adapter::create_item_from_draft(3, &d).unwrap_err();
        assert_eq!(field_of(&err), field);
    }
}

#[test]
fn claim_reject_reason_vocabulary() {
    let r = ClaimRejectReason::ReturnNotReceived.rejection("İade paketi bize ulaşmadı");
    assert_eq!(r.reason_code.as_deref(), Some("451"));
    assert_eq!(
        ClaimRejectReason::from_rejection(&r).unwrap(),
        ClaimRejectReason::ReturnNotReceived
    );
    assert!(!ClaimRejectReason::NotEligibleForReturn.requires_files());
    assert!(!ClaimRejectReason::ReturnNotReceived.requires_files());
    assert!(!ClaimRejectReason::Reason2101.requires_files());
    assert!(ClaimRejectReason::ReturnedItemMissingOrDamaged.requires_files());
    assert!(ClaimRejectReason::CustomMade.requires_files());
    // Reasons the crate does not name are kept (Trendyol's list is dynamic).
    assert_eq!(
        ClaimRejectReason::from_code(3001),
        ClaimRejectReason::Unknown(3001)
    );
    let listed: ClaimRejectReason =
        (&serde_json::from_value::<trendyol_sdk::model::claim::ClaimIssueReason>(
            json!({"id": 2077, "name": "Kişiye özel üretilmiş ürün"}),
        )
        .unwrap())
            .into();
    assert_eq!(listed, ClaimRejectReason::CustomMade);
    // Refused: no code, not a number, retired ids.
    for (code, ok) in [
        (None, false),
        (Some("abc"), false),
        (Some("251"), false),
        (Some("0"), false),
        (Some("3001"), true),
    ] {
        let mut r = ClaimRejection::new("Gerekçe");
        r.reason_code = code.map(str::to_owned);
        let got = ClaimRejectReason::from_rejection(&r);
        assert_eq!(got.is_ok(), ok, "{code:?}");
        if let Err(e) = got {
            assert_eq!(field_of(&e), "rejection.reason_code");
        }
    }
}

#[test]
fn unsupplied_reasons() {
    assert_eq!(
        adapter::unsupplied_reason(Some("500")).unwrap(),
        UnsuppliedReason::OutOfStock
    );
    assert_eq!(
        adapter::unsupplied_reason(Some(" 506 ")).unwrap(),
        UnsuppliedReason::ForceMajeure
    );
    for code in [None, Some("503"), Some("stok yok")] {
        assert_eq!(
            field_of(&adapter::unsupplied_reason(code).unwrap_err()),
            "reason_code"
        );
    }
}

// ---- the trait objects ------------------------------------------------------------------

#[tokio::test]
async fn a_vec_of_boxed_marketplaces_holds_the_client() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2))
        .respond_with(ResponseTemplate::new(200).set_body_string(ORDERS))
        .mount(&server)
        .await;
    let marketplaces: Vec<Box<dyn Marketplace>> = vec![Box::new(client(&server))];
    for m in &marketplaces {
        assert_eq!(m.id(), MarketplaceId::Trendyol);
        for capability in Capability::ALL {
            assert!(m.capabilities().supports(*capability), "{capability}");
        }
        let end = Utc::now();
        let orders: Vec<_> = m
            .orders(&OrderQuery::window(end - TimeDelta::days(3), end))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(orders.len(), 1);
        assert_eq!(orders[0].number, "10654411111");
    }
}

// ---- orders over HTTP ----------------------------------------------------------------

fn ms(q: &HashMap<String, String>, key: &str) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(q[key].parse().unwrap()).unwrap()
}

#[tokio::test]
async fn orders_in_a_40_day_window_are_yielded_exactly_once() {
    let server = MockServer::start().await;
    let end = Utc.with_ymd_and_hms(2026, 5, 20, 12, 0, 0).unwrap();
    let start = end - TimeDelta::days(40);
    // 57 packages spread over the window, some exactly on two-week boundaries.
    let seeded: Vec<(u64, DateTime<Utc>)> = (0..57u64)
        .map(|i| {
            let at = if i < 3 {
                start + TimeDelta::days(14 * i64::try_from(i).unwrap())
            } else {
                start + TimeDelta::hours(17 * i64::try_from(i).unwrap())
            };
            (9_000_000 + i, at)
        })
        .collect();
    let template = package_json("Created");
    let seeded_for_mock = seeded.clone();
    Mock::given(method("GET"))
        .and(path(V2))
        .respond_with(move |req: &Request| {
            let q: HashMap<String, String> = req.url.query_pairs().into_owned().collect();
            let (from, to) = (ms(&q, "startDate"), ms(&q, "endDate"));
            let size: usize = q["size"].parse().unwrap();
            let page: usize = q["page"].parse().unwrap();
            // Inclusive at both ends: boundary packages appear in two windows.
            let hits: Vec<Value> = seeded_for_mock
                .iter()
                .filter(|(_, at)| *at >= from && *at <= to)
                .map(|(id, at)| {
                    let mut p = template.clone();
                    p["shipmentPackageId"] = json!(id);
                    p["orderDate"] = json!(at.timestamp_millis());
                    p
                })
                .collect();
            let pages = hits.len().div_ceil(size).max(1);
            let content: Vec<Value> = hits.iter().skip(page * size).take(size).cloned().collect();
            ResponseTemplate::new(200).set_body_json(json!({
                "totalElements": hits.len(), "totalPages": pages, "page": page, "size": size,
                "content": content,
            }))
        })
        .mount(&server)
        .await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let ids: Vec<String> = m
        .orders(&OrderQuery::window(start, end).page_size(10))
        .map_ok(|o| o.id)
        .try_collect()
        .await
        .unwrap();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    assert_eq!(counts.len(), 57);
    assert!(counts.values().all(|n| *n == 1), "{counts:?}");
    let requests = server.received_requests().await.unwrap();
    for r in &requests {
        let q: HashMap<String, String> = r.url.query_pairs().into_owned().collect();
        assert!(ms(&q, "endDate") - ms(&q, "startDate") <= TimeDelta::days(14));
    }
}

#[tokio::test]
async fn order_status_filters_are_sent_and_checked() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2))
        .and(query_param("status", "UnPacked"))
        .and(query_param("orderNumber", "10654411111"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "totalElements": 1, "totalPages": 1, "page": 0, "size": 200,
            "content": [package_json("UnPacked")],
        })))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let end = Utc::now();
    let q = OrderQuery::window(end - TimeDelta::days(2), end)
        .status(OrderStatus::Split)
        .number("10654411111");
    let orders: Vec<_> = m.orders(&q).try_collect().await.unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].status, OrderStatus::Split);
    // A status Trendyol does not have matches nothing, without a request.
    let none: Vec<_> = m
        .orders(&OrderQuery::default().status(OrderStatus::ReturnRequested))
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn order_by_id_and_not_found() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2))
        .and(query_param("shipmentPackageIds", "3330111111"))
        .respond_with(ResponseTemplate::new(200).set_body_string(ORDERS))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(V2))
        .and(query_param("shipmentPackageIds", "42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"content": []})))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let o = m.order("3330111111").await.unwrap();
    assert_eq!(o.number, "10654411111");
    match m.order("42").await.unwrap_err() {
        Error::Api { status, .. } => assert_eq!(status, 404),
        other => panic!("expected 404, got {other:?}"),
    }
    assert_eq!(field_of(&m.order("abc").await.unwrap_err()), "id");
}

async fn expect_put(server: &MockServer, suffix: &str, body: Value) {
    Mock::given(method("PUT"))
        .and(path(format!("{PKG}{suffix}")))
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn move_to_picking_sends_update_package_status() {
    let server = MockServer::start().await;
    expect_put(
        &server,
        "",
        json!({"lines":[{"lineId":4765111111u64,"quantity":1}],"params":{},"status":"Picking"}),
    )
    .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    m.move_order(
        &order_in("Created"),
        OrderStatus::Picking,
        StatusMove::new(),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn move_created_to_invoiced_sends_picking_then_invoiced() {
    let server = MockServer::start().await;
    expect_put(
        &server,
        "",
        json!({"lines":[{"lineId":4765111111u64,"quantity":1}],"params":{},"status":"Picking"}),
    )
    .await;
    expect_put(
        &server,
        "",
        json!({"lines":[{"lineId":4765111111u64,"quantity":1}],
               "params":{"invoiceNumber":"EME2018000025208"},"status":"Invoiced"}),
    )
    .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    m.move_order(
        &order_in("Created"),
        OrderStatus::Invoiced,
        StatusMove::new().invoice_number("EME2018000025208"),
    )
    .await
    .unwrap();
    let sent: Vec<Value> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.body_json::<Value>().unwrap()["status"].clone())
        .collect();
    assert_eq!(sent, [json!("Picking"), json!("Invoiced")]);
}

#[tokio::test]
async fn move_picking_to_invoiced_sends_only_invoiced() {
    let server = MockServer::start().await;
    expect_put(
        &server,
        "",
        json!({"lines":[{"lineId":4765111111u64,"quantity":1}],
               "params":{"invoiceNumber":"EME2018000025208"},"status":"Invoiced"}),
    )
    .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    m.move_order(
        &order_in("Picking"),
        OrderStatus::Invoiced,
        StatusMove::new()
            .lines(["4765111111"])
            .invoice_number("EME2018000025208"),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn move_to_shipped_unsupplied_split_delivered_returned() {
    let server = MockServer::start().await;
    expect_put(
        &server,
        "/update-tracking-number",
        json!({"trackingNumber":"7330000000000"}),
    )
    .await;
    expect_put(
        &server,
        "/items/unsupplied",
        json!({"lines":[{"lineId":4765111111u64,"quantity":1}],"reasonId":500}),
    )
    .await;
    Mock::given(method("POST"))
        .and(path(format!("{PKG}/split")))
        .and(body_json(json!({"orderLineIds":[4765111111u64]})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"newPackageId": 1})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{PKG}/manual-invoice-delivery")))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{PKG}/manual-return")))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    m.move_order(
        &order_in("Invoiced"),
        OrderStatus::Shipped,
        StatusMove::new().tracking_number("7330000000000"),
    )
    .await
    .unwrap();
    m.move_order(
        &order_in("Picking"),
        OrderStatus::UnSupplied,
        StatusMove::new().reason_code("500"),
    )
    .await
    .unwrap();
    m.move_order(
        &order_in("Created"),
        OrderStatus::Split,
        StatusMove::new().lines(["4765111111"]),
    )
    .await
    .unwrap();
    m.move_order(
        &order_in("Shipped"),
        OrderStatus::Delivered,
        StatusMove::new(),
    )
    .await
    .unwrap();
    m.move_order(
        &order_in("Delivered"),
        OrderStatus::Returned,
        StatusMove::new(),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn illegal_or_incomplete_moves_are_refused_before_sending() {
    let server = MockServer::start().await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    // The unified state machine.
    let err = m
        .move_order(
            &order_in("Shipped"),
            OrderStatus::Picking,
            StatusMove::new(),
        )
        .await
        .unwrap_err();
    assert_transition(err, "shipped", "picking");
    // Moves the seller cannot make on Trendyol.
    for (from, to, from_name) in [
        ("Created", OrderStatus::Cancelled, "created"),
        ("Shipped", OrderStatus::AtCollectionPoint, "shipped"),
        ("Shipped", OrderStatus::UnDelivered, "shipped"),
        ("Delivered", OrderStatus::ReturnRequested, "delivered"),
        ("Created", OrderStatus::Delivered, "created"),
        ("Awaiting", OrderStatus::Picking, "awaiting"),
        ("Awaiting", OrderStatus::Created, "awaiting"),
    ] {
        let to_name = to.to_string();
        let err = m
            .move_order(&order_in(from), to, StatusMove::new())
            .await
            .unwrap_err();
        assert_transition(err, from_name, &to_name);
    }
    // Unknown statuses never move.
    let err = m
        .move_order(
            &order_in("Verified"),
            OrderStatus::Picking,
            StatusMove::new(),
        )
        .await
        .unwrap_err();
    assert_transition(err, "Verified", "picking");
    // Missing details.
    for (from, to, details, field) in [
        (
            "Picking",
            OrderStatus::Invoiced,
            StatusMove::new(),
            "invoice_number",
        ),
        (
            "Invoiced",
            OrderStatus::Shipped,
            StatusMove::new(),
            "tracking_number",
        ),
        (
            "Created",
            OrderStatus::UnSupplied,
            StatusMove::new(),
            "reason_code",
        ),
        (
            "Created",
            OrderStatus::UnSupplied,
            StatusMove::new().reason_code("503"),
            "reason_code",
        ),
        ("Created", OrderStatus::Split, StatusMove::new(), "line_ids"),
        (
            "Created",
            OrderStatus::Picking,
            StatusMove::new().lines(["999"]),
            "line_ids",
        ),
    ] {
        let err = m
            .move_order(&order_in(from), to, details)
            .await
            .unwrap_err();
        assert_eq!(field_of(&err), field);
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

// ---- products, drafts, batches, stock & price ------------------------------------------

const PRODUCTS: &str = "/integration/product/sellers/777";

#[tokio::test]
async fn products_stream_lists_approved_variants_then_unapproved() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{PRODUCTS}/products/approved")))
        .and(query_param("page", "0"))
        .respond_with(ResponseTemplate::new(200).set_body_string(APPROVED))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{PRODUCTS}/products/unapproved")))
        .and(query_param("page", "0"))
        .respond_with(ResponseTemplate::new(200).set_body_string(UNAPPROVED))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let products: Vec<_> = m
        .products(&ProductQuery::default())
        .try_collect()
        .await
        .unwrap();
    let approved: Vec<_> = products
        .iter()
        .filter(|p| p.approved == Some(true))
        .collect();
    let unapproved: Vec<_> = products
        .iter()
        .filter(|p| p.approved == Some(false))
        .collect();
    assert_eq!(approved.len(), 1);
    assert!(!unapproved.is_empty());
    assert_eq!(products[0].sku, "12613876842A60");
    assert!(matches!(
        adapter::original_product(unapproved[0]).unwrap(),
        TrendyolProduct::Unapproved(_)
    ));
}

#[tokio::test]
async fn approved_only_products_with_a_sku_filter() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{PRODUCTS}/products/approved")))
        .and(query_param("barcode", "12613876842A60"))
        .and(query_param("size", "20"))
        .respond_with(ResponseTemplate::new(200).set_body_string(APPROVED))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let q = ProductQuery::default()
        .sku("12613876842A60")
        .approved(true)
        .page_size(20);
    let products: Vec<_> = m.products(&q).try_collect().await.unwrap();
    assert_eq!(products.len(), 1);
}

#[tokio::test]
async fn push_drafts_sends_create_and_batch_outcome_reads_the_result() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{PRODUCTS}/v2/products")))
        .and(body_partial_json(json!({"items":[
            {"barcode":"TSHIRT-RED-M","stockCode":"TSHIRT-RED-M","brandId":187803,"categoryId":91266,
             "quantity":50,"salePrice":199.90,"listPrice":249.90,"vatRate":20},
            {"barcode":"TSHIRT-RED-L"}
        ]})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"batchRequestId":"76e55c53-e0a4-473c-b4e1-1a008c02a9ab-1736179465"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "{PRODUCTS}/products/batch-requests/76e55c53-e0a4-473c-b4e1-1a008c02a9ab-1736179465"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_string(BATCH_CREATE))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let handle = m
        .push_drafts(&[draft("TSHIRT-RED-M"), draft("TSHIRT-RED-L")])
        .await
        .unwrap();
    assert_eq!(
        handle,
        BatchHandle::new(
            MarketplaceId::Trendyol,
            "76e55c53-e0a4-473c-b4e1-1a008c02a9ab-1736179465",
            BatchKind::ProductCreate
        )
    );
    let outcome = m.batch_outcome(&handle).await.unwrap();
    let expected: BatchRequestResult = serde_json::from_str(BATCH_CREATE).unwrap();
    assert_eq!(outcome.handle, handle);
    assert_eq!(outcome.state, expected.state());
    assert_eq!(outcome.items.len(), expected.items.len());
    assert_eq!(outcome.items[0].key, "11111122222");
}

#[tokio::test]
async fn push_drafts_refuses_bad_drafts_before_sending() {
    let server = MockServer::start().await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    assert_eq!(field_of(&m.push_drafts(&[]).await.unwrap_err()), "drafts");
    let mut bad = draft("B");
    bad.brand_id = None;
    let err = m.push_drafts(&[draft("A"), bad]).await.unwrap_err();
    assert_eq!(field_of(&err), "drafts[1].brand_id");
    let mut no_images = draft("C");
    no_images.images.clear();
    let err = m.push_drafts(&[no_images]).await.unwrap_err();
    assert_eq!(field_of(&err), "items[0].images");
}

const INVENTORY: &str = "/integration/inventory/sellers/777/products/price-and-inventory";

#[tokio::test]
async fn ten_updates_of_one_sku_send_one_item_with_the_last_values() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(INVENTORY))
        .and(body_json(json!({"items":[
            {"barcode":"11111111111","quantity":10,"salePrice":101,"listPrice":150}
        ]})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"batchRequestId":"c57e3453-2c00-11f0-aa3a-be9298facace-1746718627"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "{PRODUCTS}/products/batch-requests/c57e3453-2c00-11f0-aa3a-be9298facace-1746718627"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_string(BATCH_STOCK))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let mut updates: Vec<StockPrice> = (1..=10u32)
        .map(|i| {
            StockPrice::new("11111111111")
                .quantity(i)
                .sale_price(Decimal::new(1000 + i64::from(i), 1))
        })
        .collect();
    updates.insert(
        3,
        StockPrice::new("11111111111").list_price(Decimal::from(150)),
    );
    let handles = m.update_stock_prices(&updates).await.unwrap();
    assert_eq!(handles.len(), 1);
    assert_eq!(handles[0].kind, BatchKind::StockPrice);
    // The stock & price result has no batch status: completion comes from the items.
    let outcome = m.batch_outcome(&handles[0]).await.unwrap();
    assert_eq!(outcome.state, BatchState::Completed);
    assert!(outcome.all_succeeded());
    assert_eq!(outcome.items[0].key, "11111111111");
}

#[tokio::test]
async fn stock_updates_are_chunked_at_1000_items() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(INVENTORY))
        .respond_with(|req: &Request| {
            let body: Value = req.body_json().unwrap();
            let n = body["items"].as_array().unwrap().len();
            ResponseTemplate::new(200).set_body_json(json!({"batchRequestId": format!("b-{n}")}))
        })
        .expect(2)
        .mount(&server)
        .await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let updates: Vec<StockPrice> = (0..1500)
        .map(|i| StockPrice::new(format!("SKU{i}")).quantity(5))
        .collect();
    let handles = m.update_stock_prices(&updates).await.unwrap();
    let ids: Vec<_> = handles.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["b-1000", "b-500"]);
    assert!(m.update_stock_prices(&[]).await.unwrap().is_empty());
}

#[tokio::test]
async fn bad_stock_updates_are_refused_before_sending() {
    let server = MockServer::start().await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let ok: Vec<StockPrice> = (0..1200)
        .map(|i| StockPrice::new(format!("SKU{i}")).quantity(5))
        .collect();
    let mut with_bad = ok.clone();
    with_bad.push(StockPrice::new("SKU-X").quantity(30_000));
    let err = m.update_stock_prices(&with_bad).await.unwrap_err();
    assert_eq!(field_of(&err), "updates[SKU-X].quantity");
    let err = m
        .update_stock_prices(&[StockPrice::new("SKU-Y")])
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "updates[0]");
    let err = m
        .update_stock_prices(&[StockPrice::new("SKU-Z")
            .sale_price(Decimal::from(100))
            .list_price(Decimal::from(90))])
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "updates[SKU-Z].listPrice");
}

// ---- claims -----------------------------------------------------------------------------

fn claims_page(item_status: &str) -> Value {
    let mut page: Value = serde_json::from_str(CLAIMS).unwrap();
    page["content"][0]["items"][0]["claimItems"][0]["claimItemStatus"]["name"] = json!(item_status);
    page["totalPages"] = json!(1);
    page
}

#[tokio::test]
async fn claims_stream_and_claim_by_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(CLAIMS_PATH))
        .and(query_param("claimIds", CLAIM_ID))
        .respond_with(ResponseTemplate::new(200).set_body_json(claims_page("WaitingInAction")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(CLAIMS_PATH))
        .and(query_param("claimItemStatus", "WaitingInAction"))
        .and(query_param("orderNumber", "65745805"))
        .and(query_param("page", "0"))
        .respond_with(ResponseTemplate::new(200).set_body_json(claims_page("WaitingInAction")))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let claim = m.claim(CLAIM_ID).await.unwrap();
    assert_eq!(claim.status, ClaimStatus::WaitingInAction);
    let q = ClaimQuery::default()
        .status(ClaimStatus::WaitingInAction)
        .order_number("65745805");
    let claims: Vec<_> = m.claims(&q).try_collect().await.unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].id, CLAIM_ID);
}

#[tokio::test]
async fn approve_claim_sends_the_claim_item_ids() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(format!("{CLAIMS_PATH}/{CLAIM_ID}/items/approve")))
        .and(body_json(
            json!({"claimLineItemIdList":[CLAIM_ITEM],"params":{}}),
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let claim = adapter::claim_from_trendyol(&ty_claim("WaitingInAction")).unwrap();
    m.approve_claim(&claim, &[]).await.unwrap();
}

#[tokio::test]
async fn reject_claim_sends_the_reason_vocabulary() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{CLAIMS_PATH}/{CLAIM_ID}/issue")))
        .and(query_param("claimIssueReasonId", "451"))
        .and(query_param("claimItemIdList", CLAIM_ITEM))
        .and(query_param("description", "İade paketi bize ulaşmadı"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{CLAIMS_PATH}/{CLAIM_ID}/issue")))
        .and(query_param("claimIssueReasonId", "2079"))
        .and(header_regex(
            "content-type",
            "^multipart/form-data; boundary=",
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let claim = adapter::claim_from_trendyol(&ty_claim("WaitingInAction")).unwrap();
    m.reject_claim(
        &claim,
        &[],
        &ClaimRejectReason::ReturnNotReceived.rejection("İade paketi bize ulaşmadı"),
    )
    .await
    .unwrap();
    c.reject_claim_with_files(
        &claim,
        &[],
        &ClaimRejectReason::ReturnedItemMissingOrDamaged.rejection("Ürün hasarlı geldi"),
        vec![UploadFile::new(
            "kanit.jpg",
            "image/jpeg",
            b"JPEGDATA".to_vec(),
        )],
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn claim_decisions_are_refused_before_sending() {
    let server = MockServer::start().await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let waiting = adapter::claim_from_trendyol(&ty_claim("WaitingInAction")).unwrap();
    // A reason that needs files, through the unified call.
    let err = m
        .reject_claim(
            &waiting,
            &[],
            &ClaimRejectReason::ReturnedItemMissingOrDamaged.rejection("Hasarlı"),
        )
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "files");
    // No reason code, or a retired one.
    let err = m
        .reject_claim(&waiting, &[], &ClaimRejection::new("Hasarlı"))
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "rejection.reason_code");
    let err = m
        .reject_claim(
            &waiting,
            &[],
            &ClaimRejection::new("Hasarlı").reason_code("251"),
        )
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "rejection.reason_code");
    // The state machine: decided or not yet arrived.
    for status in ["Accepted", "Rejected", "Created", "WaitingFraudCheck"] {
        let claim = adapter::claim_from_trendyol(&ty_claim(status)).unwrap();
        let err = m.approve_claim(&claim, &[]).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidTransition {
                    entity: "claim" | "claim item",
                    ..
                }
            ),
            "{status}: {err:?}"
        );
    }
    let err = c
        .reject_claim_with_files(
            &adapter::claim_from_trendyol(&ty_claim("Accepted")).unwrap(),
            &[],
            &ClaimRejectReason::CustomMade.rejection("Kişiye özel"),
            vec![UploadFile::new(
                "a.pdf",
                "application/pdf",
                b"%PDF".to_vec(),
            )],
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidTransition { .. }));
    // Trendyol's own rule: an item under review cannot be decided by the seller.
    let in_review = adapter::claim_from_trendyol(&ty_claim("InAnalysis")).unwrap();
    assert_eq!(in_review.status, ClaimStatus::InReview);
    match m.approve_claim(&in_review, &[]).await.unwrap_err() {
        Error::InvalidTransition { entity, from, to } => {
            assert_eq!(
                (entity, from.as_str(), to.as_str()),
                ("claim item", "in_review", "accepted")
            );
        }
        other => panic!("expected InvalidTransition, got {other:?}"),
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

// ---- questions --------------------------------------------------------------------------

const QNA: &str = "/integration/qna/sellers/777/questions";

#[tokio::test]
async fn questions_stream_get_and_answer() {
    let server = MockServer::start().await;
    let q: Value = serde_json::from_str(QUESTION).unwrap();
    Mock::given(method("GET"))
        .and(path(format!("{QNA}/filter")))
        .and(query_param("status", "WAITING_FOR_ANSWER"))
        .and(query_param("barcode", "8680000000001"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "content": [q], "page": 0, "size": 50, "totalElements": 1, "totalPages": 1
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{QNA}/3458726")))
        .respond_with(ResponseTemplate::new(200).set_body_string(QUESTION))
        .expect(1)
        .mount(&server)
        .await;
    let answer = "Merhaba, ürünümüz su geçirmez kumaştan üretilmiştir.";
    Mock::given(method("POST"))
        .and(path(format!("{QNA}/3458726/answers")))
        .and(body_json(json!({ "text": answer })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"answerId": 91})))
        .expect(1)
        .mount(&server)
        .await;
    nothing_else(&server).await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let listed: Vec<_> = m
        .questions(&QuestionQuery::unanswered().sku("8680000000001"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, "3458726");
    let question = m.question("3458726").await.unwrap();
    assert_eq!(question.status, QuestionStatus::WaitingForAnswer);
    m.answer_question(&question, &format!("  {answer}\n"))
        .await
        .unwrap();
}

#[tokio::test]
async fn answers_are_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(path_regex(".*"))
        .respond_with(ResponseTemplate::new(599))
        .expect(0)
        .mount(&server)
        .await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let q: TyQuestion = serde_json::from_str(QUESTION).unwrap();
    let waiting = adapter::question_from_trendyol(&q);
    // Trendyol's 10-character minimum.
    assert_eq!(
        field_of(&m.answer_question(&waiting, "Evet.").await.unwrap_err()),
        "text"
    );
    let mut answered = waiting.clone();
    answered.status = QuestionStatus::Answered;
    assert!(matches!(
        m.answer_question(&answered, "Evet, su geçirmez.")
            .await
            .unwrap_err(),
        Error::InvalidTransition {
            entity: "question",
            ..
        }
    ));
    // A status Trendyol does not have lists nothing, without a request.
    let none: Vec<_> = m
        .questions(&QuestionQuery::default().status(QuestionStatus::AnswerPending))
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(field_of(&m.question("abc").await.unwrap_err()), "id");
}

#[tokio::test]
async fn a_package_that_cannot_be_mapped_ends_the_stream_with_its_error() {
    let server = MockServer::start().await;
    let mut broken = package_json("Created");
    broken["lines"][0]["lineUnitPrice"] = Value::Null;
    let mut fine = package_json("Created");
    fine["shipmentPackageId"] = json!(3_330_111_112u64);
    Mock::given(method("GET"))
        .and(path(V2))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "totalElements": 2, "totalPages": 1, "page": 0, "size": 200,
            "content": [broken, fine],
        })))
        .mount(&server)
        .await;
    let c = client(&server);
    let m: &dyn Marketplace = &c;
    let end = Utc::now();
    let got: Vec<_> =
        futures::StreamExt::collect(m.orders(&OrderQuery::window(end - TimeDelta::days(1), end)))
            .await;
    assert_eq!(got.len(), 1, "the stream ends after the first error");
    match &got[0] {
        Err(Error::Decode { path, .. }) => assert_eq!(path, "lines[0].lineUnitPrice"),
        other => panic!("expected Decode, got {other:?}"),
    }
}
