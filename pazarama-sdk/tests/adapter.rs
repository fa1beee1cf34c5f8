//! The unified `marketplace_core` API over Pazarama (`pazarama_sdk::adapter`), against a
//! mock Pazarama on 127.0.0.1: mapping tables row by row, every trait method's requests,
//! and the refusals that send nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{api_requests, client, json, ok};
use futures::TryStreamExt;
use marketplace_core::model::{
    BatchHandle, BatchKind, BatchState, ClaimQuery, ClaimRejection, ClaimStatus, MarketplaceId,
    Money, OrderQuery, OrderStatus, ProductDraft, ProductQuery, QuestionQuery, QuestionStatus,
    StatusMove, StockPrice,
};
use marketplace_core::paging::TimeWindow;
use marketplace_core::traits::{Capability, Marketplace};
use pazarama_sdk::adapter::{
    self, BATCH_STATE_TABLE, CLAIM_STATUS_TABLE, ClaimKind, ORDER_STATUS_TABLE,
    QUESTION_STATUS_TABLE, RefundRejection,
};
use pazarama_sdk::model::{
    self as pz, DocumentObject, OrderItemStatus, ProductBatchStatus, RefundRejectType, RefundStatus,
};
use pazarama_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, body_partial_json, method, path, query_param};
use wiremock::{Mock, MockServer};

const ORDER_ID: &str = "d4fb5f23-6330-4eb0-a81c-35847560df86";
const ITEM_ID: &str = "5516bd97-5344-4d22-a346-0f263c0f51ca";
const REFUND_ID: &str = "ef2affaf-fdfc-4128-b5bc-3a4c1129e662";
const CANCEL_ID: &str = "59eff35d-b399-407d-bc0e-62821ce9f623";
const QUESTION_ID: &str = "56643287-ad2c-40be-9088-08dc076bf0d7";
const CARGO_ID: &str = "0ba3ad2c-3d1c-4b49-9a3a-5c3ea1c0b2d1";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn order_fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/orders/get_orders_for_api.json")).unwrap()
}

/// The documented sample order with its items replaced by `items` (built from the sample's
/// item with the given statuses and ids).
fn order_with_items(statuses: &[(i64, &str)]) -> pz::Order {
    let fixture = order_fixture();
    let mut order = fixture["data"][0].clone();
    let template = order["items"][0].clone();
    order["items"] = statuses
        .iter()
        .map(|(status, id)| {
            let mut item = template.clone();
            item["orderItemStatus"] = json!(status);
            item["orderItemId"] = json!(id);
            item
        })
        .collect();
    serde_json::from_value(order).unwrap()
}

fn sample_order() -> pz::Order {
    serde_json::from_value(order_fixture()["data"][0].clone()).unwrap()
}

fn unified_status(text: &str) -> OrderStatus {
    text.parse().unwrap()
}

// ------------------------------------------------------------------------------------
// Mapping tables, row by row
// ------------------------------------------------------------------------------------

#[test]
fn order_item_status_table_row_by_row() {
    let documented = [3, 12, 5, 16, 19, 11, 14, 6, 18, 13, 7, 8, 9, 10];
    assert_eq!(
        ORDER_STATUS_TABLE
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>(),
        documented,
        "every documented code has a row, in the document's order"
    );
    let expected = [
        (3, OrderStatus::Created),
        (12, OrderStatus::Picking),
        (5, OrderStatus::Shipped),
        (16, OrderStatus::AtCollectionPoint),
        (19, OrderStatus::AtCollectionPoint),
        (11, OrderStatus::Delivered),
        (14, OrderStatus::UnDelivered),
        (6, OrderStatus::Cancelled),
        (18, OrderStatus::Other("18".into())),
        (13, OrderStatus::UnSupplied),
        (7, OrderStatus::ReturnRequested),
        (8, OrderStatus::Returned),
        (9, OrderStatus::Delivered),
        (10, OrderStatus::Returned),
    ];
    for ((code, text), (code2, status)) in ORDER_STATUS_TABLE.iter().zip(expected) {
        assert_eq!(*code, code2);
        let mapped = adapter::order_status_of(OrderItemStatus::from_code(*code));
        assert_eq!(mapped, status, "code {code}");
        assert_eq!(mapped, unified_status(text), "table text of {code}");
    }
    // Every status the crate knows has a row; an unknown one keeps its code.
    for known in OrderItemStatus::KNOWN {
        assert!(ORDER_STATUS_TABLE.iter().any(|(c, _)| *c == known.code()));
    }
    assert_eq!(
        adapter::order_status_of(OrderItemStatus::Unknown(42)),
        OrderStatus::Other("42".into())
    );
}

#[test]
fn seller_targets_map_back_to_item_statuses() {
    let rows = [
        (OrderStatus::Picking, Some(OrderItemStatus::Preparing)),
        (OrderStatus::Shipped, Some(OrderItemStatus::Shipped)),
        (OrderStatus::Delivered, Some(OrderItemStatus::Delivered)),
        (OrderStatus::UnDelivered, Some(OrderItemStatus::Undelivered)),
        (OrderStatus::UnSupplied, Some(OrderItemStatus::Unsupplied)),
        (OrderStatus::Created, None),
        (OrderStatus::Invoiced, None),
        (OrderStatus::Cancelled, None),
        (OrderStatus::ReturnRequested, None),
        (OrderStatus::Returned, None),
        (OrderStatus::Other("18".into()), None),
    ];
    for (unified, pazarama) in rows {
        assert_eq!(adapter::item_status_for(&unified), pazarama, "{unified}");
    }
}

#[test]
fn refund_status_table_row_by_row() {
    let expected = [
        (1, ClaimStatus::WaitingInAction),
        (2, ClaimStatus::Accepted),
        (3, ClaimStatus::Rejected),
        (4, ClaimStatus::Accepted),
        (5, ClaimStatus::Rejected),
        (6, ClaimStatus::Accepted),
        (7, ClaimStatus::Cancelled),
        (8, ClaimStatus::Accepted),
        (9, ClaimStatus::InReview),
    ];
    assert_eq!(CLAIM_STATUS_TABLE.len(), expected.len());
    for ((code, text), (code2, status)) in CLAIM_STATUS_TABLE.iter().zip(expected) {
        assert_eq!(*code, code2);
        let mapped = adapter::claim_status_of(RefundStatus::from_code(*code));
        assert_eq!(mapped, status, "refund status {code}");
        assert_eq!(mapped, text.parse::<ClaimStatus>().unwrap());
    }
    assert_eq!(
        adapter::claim_status_of(RefundStatus::Unknown(77)),
        ClaimStatus::Other("77".into())
    );
}

#[test]
fn question_status_table_row_by_row() {
    let expected = [
        (0, QuestionStatus::WaitingForAnswer),
        (1, QuestionStatus::Answered),
        (2, QuestionStatus::AnswerPending),
        (3, QuestionStatus::Rejected),
    ];
    assert_eq!(QUESTION_STATUS_TABLE.len(), expected.len());
    for ((code, text), (code2, status)) in QUESTION_STATUS_TABLE.iter().zip(expected) {
        assert_eq!(*code, code2);
        let p = pz::QuestionStatus::from_code(*code);
        assert_eq!(adapter::question_status_of(p), status, "question {code}");
        assert_eq!(status, text.parse::<QuestionStatus>().unwrap());
        assert_eq!(adapter::pazarama_question_status(&status), Some(p));
    }
    assert_eq!(
        adapter::question_status_of(pz::QuestionStatus::Unknown(5)),
        QuestionStatus::Other("5".into())
    );
    assert_eq!(
        adapter::pazarama_question_status(&QuestionStatus::Reported),
        None
    );
}

#[test]
fn batch_state_table_row_by_row() {
    let expected = [
        (1, BatchState::InProgress),
        (2, BatchState::Completed),
        (3, BatchState::Failed),
    ];
    assert_eq!(BATCH_STATE_TABLE.len(), expected.len());
    for ((code, text), (code2, state)) in BATCH_STATE_TABLE.iter().zip(expected) {
        assert_eq!(*code, code2);
        let mapped = adapter::batch_state_of(ProductBatchStatus::from_code(*code));
        assert_eq!(mapped, state);
        assert_eq!(mapped, text.parse::<BatchState>().unwrap());
    }
    let unknown = adapter::batch_state_of(ProductBatchStatus::Unknown(4));
    assert_eq!(unknown, BatchState::Unknown("4".into()));
    assert!(!unknown.is_terminal());
}

#[test]
fn order_level_status_rule() {
    use OrderStatus as S;
    let rows: Vec<(Vec<S>, S)> = vec![
        (vec![S::Picking, S::Picking], S::Picking),
        // least advanced open item
        (vec![S::Shipped, S::Created, S::Picking], S::Created),
        (vec![S::Delivered, S::Shipped], S::Shipped),
        (vec![S::Delivered, S::UnDelivered], S::UnDelivered),
        (vec![S::ReturnRequested, S::Delivered], S::Delivered),
        // closed items do not count while one is open
        (vec![S::Cancelled, S::Picking], S::Picking),
        (vec![S::UnSupplied, S::Shipped, S::Returned], S::Shipped),
        // unknown statuses only when nothing else is open
        (vec![S::Other("18".into()), S::Picking], S::Picking),
        (
            vec![S::Other("18".into()), S::Cancelled],
            S::Other("18".into()),
        ),
        // all closed
        (vec![S::Cancelled, S::Cancelled], S::Cancelled),
        (vec![S::Cancelled, S::UnSupplied], S::UnSupplied),
        (vec![S::Cancelled, S::Returned, S::UnSupplied], S::Returned),
    ];
    for (lines, expected) in rows {
        assert_eq!(
            adapter::order_level_status(&lines, None),
            expected,
            "{lines:?}"
        );
    }
    assert_eq!(
        adapter::order_level_status(&[], Some(OrderItemStatus::Preparing)),
        S::Picking
    );
    assert_eq!(
        adapter::order_level_status(&[], None),
        S::Other("no_items".into())
    );
}

// ------------------------------------------------------------------------------------
// Model mapping
// ------------------------------------------------------------------------------------

#[test]
fn documented_order_maps_to_the_unified_order() {
    let o = adapter::order_of(&sample_order()).unwrap();
    assert_eq!(o.marketplace, MarketplaceId::Pazarama);
    assert_eq!(o.id, ORDER_ID);
    assert_eq!(o.number, "235795225");
    assert_eq!(o.status, OrderStatus::Created);
    assert_eq!(o.total, Some(Money::try_lira(dec("1.00"))));
    assert_eq!(o.discount, Some(Money::try_lira(dec("0.20"))));
    let customer = o.customer.as_ref().unwrap();
    assert_eq!(customer.name, "PazaramaSipariş");
    assert_eq!(customer.email.as_deref(), Some("pzrmsprs@pazarama.com"));
    assert_eq!(
        customer.id.as_deref(),
        Some("f442961c-d818-4de3-1e11-08d941fd1d2f")
    );
    let ship = o.shipping_address.as_ref().unwrap();
    assert_eq!(ship.city.as_deref(), Some("Kütahya"));
    assert_eq!(ship.district.as_deref(), Some("Merkez"));
    assert_eq!(ship.lines, ["Merkez Mah", "Cami sk. NO: 5"]);
    assert_eq!(ship.phone.as_deref(), Some("054243029677"));
    assert_eq!(o.cargo_provider.as_deref(), Some("PTT"));
    assert_eq!(o.tracking_number, None);
    assert_eq!(
        o.tracking_url.as_deref(),
        Some("https://gonderitakip.ptt.gov.tr")
    );
    assert_eq!(o.lines.len(), 1);
    let line = &o.lines[0];
    assert_eq!(line.id, ITEM_ID);
    assert_eq!(line.sku, "deneroyaldene-1");
    assert_eq!(line.product_name, "DenemeTişörtDeneme");
    assert_eq!(line.quantity, 1);
    assert_eq!(line.unit_price, Money::try_lira(dec("1.00")));
    assert_eq!(line.line_total, Money::try_lira(dec("1.00")));
    assert_eq!(line.discount, Some(Money::try_lira(dec("0.20"))));
    assert_eq!(line.vat_rate, Some(dec("18")));
    assert_eq!(line.status, Some(OrderStatus::Created));
    // Nothing is lost: the typed record comes back from `raw`.
    assert_eq!(adapter::original_order(&o).unwrap(), sample_order());
}

#[test]
fn mixed_items_keep_their_own_statuses() {
    let o = adapter::order_of(&order_with_items(&[
        (5, "11111111-1111-1111-1111-111111111111"),
        (12, "22222222-2222-2222-2222-222222222222"),
        (6, "33333333-3333-3333-3333-333333333333"),
        (77, "44444444-4444-4444-4444-444444444444"),
    ]))
    .unwrap();
    assert_eq!(o.status, OrderStatus::Picking);
    let statuses: Vec<_> = o.lines.iter().map(|l| l.status.clone().unwrap()).collect();
    assert_eq!(
        statuses,
        [
            OrderStatus::Shipped,
            OrderStatus::Picking,
            OrderStatus::Cancelled,
            OrderStatus::Other("77".into())
        ]
    );
}

#[test]
fn a_missing_price_or_code_is_a_decode_error_naming_the_field() {
    let mut raw = order_fixture()["data"][0].clone();
    raw["items"][0]["salePrice"] = Value::Null;
    let order: pz::Order = serde_json::from_value(raw.clone()).unwrap();
    match adapter::order_of(&order) {
        Err(Error::Decode { path, .. }) => assert_eq!(path, "items[0].salePrice"),
        other => panic!("expected Decode, got {other:?}"),
    }
    raw["items"][0]["salePrice"] = json!({"value": "1,50", "currency": "TL"});
    raw["items"][0]["product"]["code"] = Value::Null;
    let order: pz::Order = serde_json::from_value(raw).unwrap();
    match adapter::order_of(&order) {
        Err(Error::Decode { path, .. }) => assert_eq!(path, "items[0].product.code"),
        other => panic!("expected Decode, got {other:?}"),
    }
}

fn product_summary(extra: Value) -> pz::ProductSummary {
    let mut value: Value =
        serde_json::from_str::<Value>(include_str!("fixtures/products/products_approved.json"))
            .unwrap()["data"][0]
            .clone();
    if let Value::Object(map) = extra {
        for (k, v) in map {
            value[k] = v;
        }
    }
    serde_json::from_value(value).unwrap()
}

#[test]
fn product_listing_maps_and_negative_stock_is_refused() {
    let p = adapter::product_of(&product_summary(json!({"state": 3, "stockCount": "7"}))).unwrap();
    assert_eq!(p.sku, "MST9082147828410TNS");
    assert_eq!(p.barcode.as_deref(), Some("MST9082147828410TNS"));
    assert_eq!(p.title, "TEN PELUS TAYT PT580-2");
    assert_eq!(p.brand.as_deref(), Some("TANLABUTİK"));
    assert_eq!(p.category.as_deref(), Some("KadınTayt"));
    assert_eq!(p.stock, Some(7));
    assert_eq!(p.sale_price, Some(Money::try_lira(dec("420"))));
    assert_eq!(p.vat_rate, Some(dec("10")));
    assert_eq!(p.approved, Some(true));
    assert_eq!(p.group_code, None, "a blank group code is no group code");
    assert_eq!(
        adapter::original_product(&p).unwrap().stock_code.as_deref(),
        Some("PT580-2 TENPELUŞ-TAYT-SMTNS")
    );
    let unapproved = adapter::product_of(&product_summary(json!({"state": 0}))).unwrap();
    assert_eq!(unapproved.approved, Some(false));
    match adapter::product_of(&product_summary(json!({"stockCount": -2}))) {
        Err(Error::Decode { path, .. }) => assert_eq!(path, "stockCount"),
        other => panic!("expected Decode, got {other:?}"),
    }
}

fn draft(sku: &str) -> ProductDraft {
    let mut d = ProductDraft::new(sku, "Pamuklu Tişört", Money::try_lira(dec("199.90")));
    d.description = "<p>%100 pamuk</p>".into();
    d.brand_id = Some("b1f5a0a4-8f4e-4a59-9d43-3c1b7e0a1111".into());
    d.category_id = Some("c2a6b1b5-9a5f-4b6a-8e54-4d2c8f1b2222".into());
    d.vat_rate = Some(dec("20"));
    d.dimensional_weight = Some(dec("1.2"));
    d.stock = 15;
    d.images = vec!["https://cdn.example.com/t.jpg".into()];
    d.attributes = vec![marketplace_core::model::ProductAttribute::predefined(
        "a1a1a1a1-0000-4000-8000-000000000001",
        "11111111-0000-4000-8000-0000000000f1 ",
    )];
    d
}

#[test]
fn drafts_become_create_requests_and_bad_drafts_name_the_field() {
    let request = adapter::create_request_of(&[draft("TSRT-001")]).unwrap();
    let p = &request.products[0];
    assert_eq!(p.code, "TSRT-001");
    assert_eq!(p.stock_code, "TSRT-001");
    assert_eq!(p.group_code, "TSRT-001");
    assert_eq!(p.desi, 2, "desi is rounded up");
    assert_eq!(p.vat_rate, 20);
    assert_eq!(p.sale_price, dec("199.90"));
    assert_eq!(p.list_price, dec("199.90"));
    assert_eq!(p.currency_type.as_deref(), Some("TRY"));
    assert_eq!(
        p.attributes,
        [pz::ProductAttribute::new(
            uuid::uuid!("a1a1a1a1-0000-4000-8000-000000000001"),
            uuid::uuid!("11111111-0000-4000-8000-0000000000f1")
        )]
    );
    assert_eq!(
        p.brand_id,
        uuid::uuid!("b1f5a0a4-8f4e-4a59-9d43-3c1b7e0a1111")
    );

    let field = |d: ProductDraft| match adapter::create_request_of(&[draft("OK"), d]) {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    };
    let mut d = draft("X");
    d.brand_id = None;
    assert_eq!(field(d), "drafts[1].brand_id");
    let mut d = draft("X");
    d.brand_id = Some("Koton".into());
    assert_eq!(field(d), "drafts[1].brand_id");
    let mut d = draft("X");
    d.category_id = Some("c2a6b1b5".into());
    assert_eq!(field(d), "drafts[1].category_id");
    let mut d = draft("X");
    d.attributes = vec![marketplace_core::model::ProductAttribute::predefined(
        "renk", "mavi",
    )];
    assert_eq!(field(d), "drafts[1].attributes[0].id");
    let mut d = draft("X");
    d.vat_rate = Some(dec("8.5"));
    assert_eq!(field(d), "drafts[1].vat_rate");
    let mut d = draft("X");
    d.dimensional_weight = None;
    assert_eq!(field(d), "drafts[1].dimensional_weight");
    let mut d = draft("X");
    d.barcode = Some("8680000000001".into());
    assert_eq!(field(d), "drafts[1].barcode");
    let mut d = draft("X");
    d.attributes = vec![marketplace_core::model::ProductAttribute::named(
        "Renk", "Mavi",
    )];
    assert_eq!(field(d), "drafts[1].attributes[0]");
    let mut d = draft("X");
    d.images.clear();
    assert_eq!(field(d), "drafts[1].images");
    let mut d = draft("X");
    d.price = Money::new(dec("10"), "EUR");
    assert_eq!(field(d), "drafts[1].price");
}

#[test]
fn ten_updates_of_one_sku_become_one_item_per_request() {
    let updates: Vec<StockPrice> = (1..=10u32)
        .map(|i| {
            StockPrice::new("TSRT-001")
                .quantity(i)
                .sale_price(Decimal::new(1000 + i64::from(i), 1))
        })
        .collect();
    let requests = adapter::stock_price_requests(&updates, 1000).unwrap();
    assert_eq!(requests.len(), 1);
    let (stock, prices) = &requests[0];
    assert_eq!(stock.items, [pz::StockItem::new("TSRT-001", 10)]);
    assert_eq!(
        prices.items,
        [pz::PriceItem::new("TSRT-001", dec("101.0"), dec("101.0"))]
    );
    // A list price alone cannot be sent.
    match adapter::stock_price_requests(&[StockPrice::new("A").list_price(dec("5"))], 10) {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "updates[A].sale_price"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    // Chunking.
    let many: Vec<_> = (0..5)
        .map(|i| StockPrice::new(format!("S{i}")).quantity(1))
        .collect();
    let chunks = adapter::stock_price_requests(&many, 2).unwrap();
    assert_eq!(
        chunks
            .iter()
            .map(|(s, _)| s.items.len())
            .collect::<Vec<_>>(),
        [2, 2, 1]
    );
}

#[test]
fn refund_and_question_records_map() {
    let page: Value =
        serde_json::from_str(include_str!("fixtures/refunds/get_refund.json")).unwrap();
    let refund: pz::Refund = serde_json::from_value(page["data"]["refundList"][0].clone()).unwrap();
    let claim = adapter::claim_of(&refund, ClaimKind::Refund);
    assert_eq!(claim.id, REFUND_ID);
    assert_eq!(claim.order_number, "818589784");
    assert_eq!(claim.status, ClaimStatus::WaitingInAction);
    assert_eq!(claim.refund_amount, Some(Money::try_lira(dec("1.75"))));
    assert_eq!(claim.cargo_provider.as_deref(), Some("MNG"));
    assert_eq!(claim.tracking_number.as_deref(), Some("54895647251356"));
    assert_eq!(claim.customer.as_ref().unwrap().name, "DilaraDemiral");
    let line = &claim.lines[0];
    assert_eq!(line.id, REFUND_ID);
    assert_eq!(line.sku, "201040500");
    assert_eq!(line.quantity, 1);
    assert_eq!(line.reason.as_deref(), Some("Ürünün parçası eksik"));
    assert_eq!(line.customer_note.as_deref(), Some("test"));
    let record = adapter::original_claim(&claim).unwrap();
    assert_eq!(record.kind, ClaimKind::Refund);
    assert_eq!(record.record, refund);

    let page: Value = serde_json::from_str(include_str!("fixtures/questions/search.json")).unwrap();
    let q: pz::Question =
        serde_json::from_value(page["data"]["approvalAnswersByMerchantSearchs"][0].clone())
            .unwrap();
    let question = adapter::question_of(&q);
    assert_eq!(question.id, QUESTION_ID);
    assert_eq!(question.text, "garanti varmı");
    assert_eq!(question.status, QuestionStatus::AnswerPending);
    assert_eq!(question.sku.as_deref(), Some("MSTK55550"));
    assert_eq!(question.customer_name.as_deref(), Some("M**** S****"));
    assert!(question.answer.as_deref().unwrap().starts_with("Merhaba"));
    assert_eq!(
        question.topic.as_deref(),
        Some("cd6a0496-6b0f-471f-9d6f-eb53c3d0cb20")
    );
    assert_eq!(adapter::original_question(&question).unwrap(), q);
}

#[test]
fn reject_reasons_convert_both_ways() {
    for reason in RefundRejectType::KNOWN {
        let unified: ClaimRejection = RefundRejection::new(*reason, "Açıklama").into();
        assert_eq!(unified.reason_code, Some(reason.code().to_string()));
        assert_eq!(unified.text, "Açıklama");
        let back = RefundRejection::try_from(&unified).unwrap();
        assert_eq!(back.reason, *reason);
    }
    for bad in [None, Some("13"), Some("iade"), Some("0")] {
        let mut r = ClaimRejection::new("x");
        r.reason_code = bad.map(str::to_owned);
        match RefundRejection::try_from(&r) {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "rejection.reason_code"),
            other => panic!("{bad:?}: expected InvalidInput, got {other:?}"),
        }
    }
}

// ------------------------------------------------------------------------------------
// The trait impls over HTTP
// ------------------------------------------------------------------------------------

#[tokio::test]
async fn works_as_a_boxed_marketplace_with_every_capability() {
    let server = MockServer::start().await;
    let marketplaces: Vec<Box<dyn Marketplace>> = vec![Box::new(client(&server).await)];
    for m in &marketplaces {
        assert_eq!(m.id(), MarketplaceId::Pazarama);
        for capability in Capability::ALL {
            assert!(m.capabilities().supports(*capability), "{capability}");
        }
    }
}

#[tokio::test]
async fn orders_over_40_days_are_windowed_and_yielded_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(body_partial_json(json!({"pageNumber": 1, "pageSize": 100})))
        .respond_with(json(include_str!(
            "fixtures/orders/get_orders_for_api.json"
        )))
        .expect(4) // two windows, twice
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let window = TimeWindow::last_days(40);
    let orders: Vec<_> = c
        .orders(&OrderQuery::window(window.start, window.end))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 1, "the same order in both windows comes once");
    assert_eq!(orders[0].id, ORDER_ID);
    // Status filter on the order-level status.
    let none: Vec<_> = c
        .orders(&OrderQuery::window(window.start, window.end).status(OrderStatus::Shipped))
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn one_order_by_number_or_by_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(body_json(json!({"orderNumber": 235795225u64})))
        .respond_with(json(include_str!(
            "fixtures/orders/get_orders_for_api.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(body_partial_json(json!({"pageNumber": 1})))
        .respond_with(json(include_str!(
            "fixtures/orders/get_orders_for_api.json"
        )))
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let by_number = c.order("235795225").await.unwrap();
    assert_eq!(by_number.id, ORDER_ID);
    let by_id = c.order(ORDER_ID).await.unwrap();
    assert_eq!(by_id.number, "235795225");
    match c.order("not-an-id").await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "id"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

async fn mount_status_update(server: &MockServer, body: Value, times: u64) {
    Mock::given(method("PUT"))
        .and(path("/order/updateOrderStatus"))
        .and(body_json(body))
        .respond_with(ok(Value::Null))
        .expect(times)
        .mount(server)
        .await;
}

#[tokio::test]
async fn moving_an_order_updates_each_open_item() {
    let server = MockServer::start().await;
    let a = "11111111-1111-1111-1111-111111111111";
    let b = "22222222-2222-2222-2222-222222222222";
    let cancelled = "33333333-3333-3333-3333-333333333333";
    for item in [a, b] {
        mount_status_update(
            &server,
            json!({"orderNumber": 235795225u64, "item": {"orderItemId": item, "status": 12}}),
            1,
        )
        .await;
    }
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let order = adapter::order_of(&order_with_items(&[(3, a), (3, b), (6, cancelled)])).unwrap();
    assert_eq!(order.status, OrderStatus::Created);
    c.move_order(&order, OrderStatus::Picking, StatusMove::new())
        .await
        .unwrap();
    assert_eq!(
        api_requests(&server).await.len(),
        2,
        "the cancelled item is skipped"
    );
}

#[tokio::test]
async fn shipping_named_lines_sends_the_cargo_fields() {
    let server = MockServer::start().await;
    let a = "11111111-1111-1111-1111-111111111111";
    let b = "22222222-2222-2222-2222-222222222222";
    mount_status_update(
        &server,
        json!({"orderNumber": 235795225u64, "item": {
            "orderItemId": b, "status": 5, "deliveryType": 1,
            "shippingTrackingNumber": "PTT123456", "cargoCompanyId": CARGO_ID
        }}),
        1,
    )
    .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let order = adapter::order_of(&order_with_items(&[(3, a), (12, b)])).unwrap();
    c.move_order(
        &order,
        OrderStatus::Shipped,
        StatusMove::new()
            .lines([b])
            .tracking_number("PTT123456")
            .cargo_provider(CARGO_ID),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn illegal_or_incomplete_moves_send_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ok(Value::Null))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let created = adapter::order_of(&sample_order()).unwrap();

    // The unified chain allows Created → Delivered, Pazarama's seller flow does not (12 first).
    match c
        .move_order(&created, OrderStatus::Delivered, StatusMove::new())
        .await
    {
        Err(Error::InvalidTransition { entity, .. }) => assert_eq!(entity, "order item"),
        other => panic!("expected InvalidTransition, got {other:?}"),
    }
    // Cancelling is the buyer's.
    assert!(matches!(
        c.move_order(&created, OrderStatus::Cancelled, StatusMove::new())
            .await,
        Err(Error::InvalidTransition { .. })
    ));
    // Refused by the unified state machine.
    let shipped = adapter::order_of(&order_with_items(&[(5, ITEM_ID)])).unwrap();
    assert!(matches!(
        c.move_order(&shipped, OrderStatus::Picking, StatusMove::new())
            .await,
        Err(Error::InvalidTransition {
            entity: "order",
            ..
        })
    ));
    // Shipping needs tracking number and a carrier GUID.
    let picking = adapter::order_of(&order_with_items(&[(12, ITEM_ID)])).unwrap();
    for (details, field) in [
        (
            StatusMove::new().cargo_provider(CARGO_ID),
            "tracking_number",
        ),
        (StatusMove::new().tracking_number("T1"), "cargo_provider"),
        (
            StatusMove::new()
                .tracking_number("T1")
                .cargo_provider("PTT"),
            "cargo_provider",
        ),
    ] {
        match c.move_order(&picking, OrderStatus::Shipped, details).await {
            Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidInput on {field}, got {other:?}"),
        }
    }
    // An item with a pending cancellation request (18) cannot be shipped.
    let mixed = adapter::order_of(&order_with_items(&[
        (12, ITEM_ID),
        (18, "22222222-2222-2222-2222-222222222222"),
    ]))
    .unwrap();
    assert!(matches!(
        c.move_order(
            &mixed,
            OrderStatus::Shipped,
            StatusMove::new()
                .tracking_number("T1")
                .cargo_provider(CARGO_ID)
        )
        .await,
        Err(Error::InvalidTransition { .. })
    ));
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn invoiced_sends_the_invoice_link() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/invoice-link"))
        .and(body_json(json!({
            "invoiceLink": "https://fatura.example.com/1.pdf",
            "orderid": ORDER_ID,
            "deliveryCompanyId": null,
            "trackingNumber": null
        })))
        .respond_with(ok(Value::Null))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let picking = adapter::order_of(&order_with_items(&[(12, ITEM_ID)])).unwrap();
    c.move_order(
        &picking,
        OrderStatus::Invoiced,
        StatusMove::new().invoice_url("https://fatura.example.com/1.pdf"),
    )
    .await
    .unwrap();
    match c
        .move_order(&picking, OrderStatus::Invoiced, StatusMove::new())
        .await
    {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "invoice_url"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn products_stream_per_sku_with_the_approval_filter() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product/products"))
        .and(query_param("Approved", "true"))
        .and(query_param("Code", "MST9082147828410TNS"))
        .and(query_param("Page", "1"))
        .respond_with(json(include_str!(
            "fixtures/products/products_approved.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let products: Vec<_> = c
        .products(
            &ProductQuery::default()
                .sku("MST9082147828410TNS")
                .approved(true),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(products.len(), 1);
    assert_eq!(products[0].sku, "MST9082147828410TNS");
    assert_eq!(products[0].sale_price, Some(Money::try_lira(dec("420"))));
    // Filters Pazarama cannot answer are refused, not ignored.
    let err = c
        .products(&ProductQuery::default().on_sale(true))
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { field, .. } if field == "on_sale"));
}

#[tokio::test]
async fn pushed_drafts_become_a_batch_with_per_item_outcomes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/create"))
        .and(body_partial_json(json!({"products": [
            {"code": "TSRT-001", "stockCode": "TSRT-001", "salePrice": 199.9, "vatRate": 20, "desi": 2},
            {"code": "TSRT-002"}
        ]})))
        .respond_with(json(include_str!("fixtures/products/create_response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let batch = "6df9e91d-9529-4ebb-95ee-0f4b429ee939";
    Mock::given(method("GET"))
        .and(path("/product/getProductBatchResult"))
        .and(query_param("BatchRequestId", batch))
        .respond_with(ok(json!({
            "status": 2, "batchRequestId": batch,
            "batchResult": [{"code": "TSRT-002", "reason": "Kategori bulunamadı"}],
            "totalCount": 2, "failedCount": 1
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let handle = c
        .push_drafts(&[draft("TSRT-001"), draft("TSRT-002")])
        .await
        .unwrap();
    assert_eq!(handle.id, batch);
    assert_eq!(handle.kind, BatchKind::ProductCreate);
    let outcome = c.batch_outcome(&handle).await.unwrap();
    assert_eq!(outcome.state, BatchState::Completed);
    let failed: Vec<_> = outcome.failed().collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].key, "TSRT-002");
    assert_eq!(failed[0].messages, ["Kategori bulunamadı"]);
    assert!(
        outcome.succeeded().any(|i| i.key == "TSRT-001"),
        "a pushed code not reported failed succeeded: {outcome:?}"
    );
}

#[tokio::test]
async fn an_invalid_draft_sends_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/create"))
        .respond_with(ok(Value::Null))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let mut bad = draft("X");
    bad.category_id = None;
    match c.push_drafts(&[draft("OK"), bad]).await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "drafts[1].category_id"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn stock_and_price_updates_are_coalesced_and_followed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/updateStock-v2"))
        .and(body_json(
            json!({"items": [{"code": "TSRT-001", "stockCount": 10}]}),
        ))
        .respond_with(ok(json!("5b000000-0000-4000-8000-000000000001")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/product/updatePrice-v2"))
        .and(body_json(json!({"items": [
            {"code": "TSRT-001", "listPrice": 101, "salePrice": 101}
        ]})))
        .respond_with(ok(json!("c9db0524-3302-4c54-82b9-01a4442faadb")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(
            "/listing-state/batch-id/c9db0524-3302-4c54-82b9-01a4442faadb/lake-projections",
        ))
        .respond_with(json(include_str!(
            "fixtures/listing/listing_state_page.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let updates: Vec<StockPrice> = (1..=10u32)
        .map(|i| {
            StockPrice::new("TSRT-001")
                .quantity(i)
                .sale_price(Decimal::new(1000 + i64::from(i), 1))
        })
        .collect();
    let handles = c.update_stock_prices(&updates).await.unwrap();
    assert_eq!(
        handles.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [
            "5b000000-0000-4000-8000-000000000001",
            "c9db0524-3302-4c54-82b9-01a4442faadb"
        ]
    );
    assert!(handles.iter().all(|h| h.kind == BatchKind::StockPrice));
    let outcome = c.batch_outcome(&handles[1]).await.unwrap();
    assert_eq!(outcome.state, BatchState::Completed);
    assert_eq!(outcome.items.len(), 2);
    assert!(!outcome.items[0].succeeded);
    assert_eq!(outcome.items[0].key, "ESSN218");
    assert_eq!(outcome.items[0].messages, ["Ürün bulunamadı"]);
}

#[tokio::test]
async fn an_empty_listing_state_is_in_progress() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/listing-state/batch-id/b0000000-0000-4000-8000-000000000001/lake-projections",
        ))
        .respond_with(ok(json!([])))
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let handle = BatchHandle::new(
        MarketplaceId::Pazarama,
        "b0000000-0000-4000-8000-000000000001",
        BatchKind::StockPrice,
    );
    let outcome = c.batch_outcome(&handle).await.unwrap();
    assert_eq!(outcome.state, BatchState::InProgress);
}

#[tokio::test]
async fn a_batch_handle_that_is_not_a_guid_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    for kind in [BatchKind::StockPrice, BatchKind::ProductCreate] {
        let handle = BatchHandle::new(MarketplaceId::Pazarama, "b1", kind);
        match c.batch_outcome(&handle).await {
            Err(Error::InvalidInput { field, reason }) => {
                assert_eq!(field, "handle.id");
                assert!(reason.contains("GUID"), "{reason}");
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }
    assert!(api_requests(&server).await.is_empty());
}

async fn mount_claim_lists(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/order/getRefund"))
        .respond_with(json(include_str!("fixtures/refunds/get_refund.json")))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/order/api/cancel/items"))
        .respond_with(json(include_str!("fixtures/refunds/cancel_items.json")))
        .mount(server)
        .await;
}

#[tokio::test]
async fn claims_are_refunds_then_cancellation_requests() {
    let server = MockServer::start().await;
    mount_claim_lists(&server).await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let claims: Vec<_> = c
        .claims(&ClaimQuery::default().status(ClaimStatus::WaitingInAction))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        claims.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [REFUND_ID, CANCEL_ID]
    );
    assert_eq!(
        adapter::original_claim(&claims[1]).unwrap().kind,
        ClaimKind::Cancellation
    );
    let requests = api_requests(&server).await;
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body["refundStatus"], 1,
        "waiting claims are filtered by Pazarama"
    );
    assert!(body["requestStartDate"].is_string());

    let found = c.claim(CANCEL_ID).await.unwrap();
    assert_eq!(found.order_number, "696730236");
}

#[tokio::test]
async fn approving_and_rejecting_claims() {
    let server = MockServer::start().await;
    mount_claim_lists(&server).await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .and(body_json(json!({"refundId": REFUND_ID, "status": 2})))
        .respond_with(ok(Value::Null))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .and(body_json(json!({
            "refundId": REFUND_ID, "status": 3, "refundRejectType": 10,
            "description": "Koli boş geldi"
        })))
        .respond_with(ok(Value::Null))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/order/api/cancel"))
        .and(body_json(json!({"refundId": CANCEL_ID, "status": 2})))
        .respond_with(ok(Value::Null))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let refund = c.claim(REFUND_ID).await.unwrap();
    let cancellation = c.claim(CANCEL_ID).await.unwrap();
    c.approve_claim(&refund, &[]).await.unwrap();
    c.approve_claim(&cancellation, &[]).await.unwrap();
    let reason: ClaimRejection =
        RefundRejection::new(RefundRejectType::EmptyPackage, "Koli boş geldi").into();
    c.reject_claim(&refund, &[], &reason).await.unwrap();
}

#[tokio::test]
async fn refused_claim_decisions_send_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .respond_with(ok(Value::Null))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let page: Value =
        serde_json::from_str(include_str!("fixtures/refunds/get_refund.json")).unwrap();
    let refund: pz::Refund = serde_json::from_value(page["data"]["refundList"][0].clone()).unwrap();
    let pending = adapter::claim_of(&refund, ClaimKind::Refund);

    // A photo is required for reason 5 (used): the unified call cannot carry one.
    let used: ClaimRejection = RefundRejection::new(RefundRejectType::Used, "Kullanılmış").into();
    match c.reject_claim(&pending, &[], &used).await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "documentObjects"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    // No reason code.
    match c
        .reject_claim(&pending, &[], &ClaimRejection::new("Neden yok"))
        .await
    {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "rejection.reason_code"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    // Deciding a decided claim.
    let mut rejected_record = refund.clone();
    rejected_record.refund_status = Some(RefundStatus::RejectedBySeller);
    let rejected = adapter::claim_of(&rejected_record, ClaimKind::Refund);
    assert!(matches!(
        c.approve_claim(&rejected, &[]).await,
        Err(Error::InvalidTransition {
            entity: "claim",
            ..
        })
    ));
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn rejecting_with_photos_goes_through_the_same_checks() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/updateRefund"))
        .and(body_partial_json(json!({
            "refundId": REFUND_ID, "status": 3, "refundRejectType": 5,
            "description": "Kullanılmış",
            "documentObjects": [{"name": "foto.png"}]
        })))
        .respond_with(ok(Value::Null))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let page: Value =
        serde_json::from_str(include_str!("fixtures/refunds/get_refund.json")).unwrap();
    let refund: pz::Refund = serde_json::from_value(page["data"]["refundList"][0].clone()).unwrap();
    let pending = adapter::claim_of(&refund, ClaimKind::Refund);
    let used: ClaimRejection = RefundRejection::new(RefundRejectType::Used, "Kullanılmış").into();
    let photo = DocumentObject::new("foto.png", vec![0x89, 0x50, 0x4e, 0x47]);
    adapter::reject_refund_with_documents(&client, &pending, &[], &used, vec![photo.clone()])
        .await
        .unwrap();
    let mut accepted = pending.clone();
    accepted.status = ClaimStatus::Accepted;
    assert!(matches!(
        adapter::reject_refund_with_documents(&client, &accepted, &[], &used, vec![photo]).await,
        Err(Error::InvalidTransition { .. })
    ));
}

#[tokio::test]
async fn questions_are_searched_fetched_and_answered() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/QuestionAnswer/getApprovalAnswersByMerchantSearch"))
        .and(body_partial_json(json!({
            "barcode": "MSTK55550", "questionStatus": 2, "pageIndex": 1
        })))
        .respond_with(json(include_str!("fixtures/questions/search.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/QuestionAnswer/getApprovalAnswerById"))
        .and(query_param("questionId", QUESTION_ID))
        .respond_with(json(include_str!("fixtures/questions/by_id.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/QuestionAnswer/sellerAnswer"))
        .and(body_json(json!({
            "questionId": QUESTION_ID, "text": "Evet, 2 yıl garantilidir."
        })))
        .respond_with(ok(Value::Null))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let listed: Vec<_> = c
        .questions(
            &QuestionQuery::default()
                .sku("MSTK55550")
                .status(QuestionStatus::AnswerPending),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, QuestionStatus::AnswerPending);
    let waiting = c.question(QUESTION_ID).await.unwrap();
    assert_eq!(waiting.status, QuestionStatus::WaitingForAnswer);
    c.answer_question(&waiting, "  Evet, 2 yıl garantilidir. ")
        .await
        .unwrap();
    // An answered question is refused before sending (the mock expects one answer only).
    assert!(matches!(
        c.answer_question(&listed[0], "Tekrar").await,
        Err(Error::InvalidTransition {
            entity: "question",
            ..
        })
    ));
}

#[tokio::test]
async fn batches_pazarama_does_not_run_are_refused() {
    let server = MockServer::start().await;
    let client: Client = client(&server).await;
    let c: &dyn Marketplace = &client;
    let handle = BatchHandle::new(MarketplaceId::Pazarama, "x", BatchKind::Archive);
    assert!(matches!(
        c.batch_outcome(&handle).await,
        Err(Error::InvalidInput { field, .. }) if field == "handle.kind"
    ));
    assert!(api_requests(&server).await.is_empty());
}
