//! The unified traits on the Giyim Moda client, against a mock Giyim Moda (127.0.0.1), and
//! the mapping tables of `giyimmoda_sdk::adapter`, row by row.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use chrono::{TimeZone, Utc};
use futures::TryStreamExt;
use giyimmoda_sdk::adapter::{
    self, DELIVERY_STATUS_TABLE, DeliveryMove, MOVE_TABLE, RefundRejectReason, SYNC_HANDLE_PREFIX,
};
use giyimmoda_sdk::model::{
    Approval, BulkCreateResult, DeliveryStatus, OrderDetail, PaymentStatus, PaymentType,
    ProductQuestion, RefundRequest,
};
use giyimmoda_sdk::{Client, Error};
use marketplace_core::batch::BatchPoller;
use marketplace_core::model::{
    BatchHandle, BatchKind, BatchState, ClaimQuery, ClaimRejection, ClaimStatus, MarketplaceId,
    Money, Order, OrderQuery, OrderStatus, ProductDraft, ProductQuery, QuestionQuery,
    QuestionStatus, StatusMove, StockPrice,
};
use marketplace_core::traits::{Capabilities, Capability, Marketplace};
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

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// A server that fails the test if any request reaches it.
async fn silent_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    server
}

fn invalid_field<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn decode_path<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::Decode { path, .. }) => path,
        other => panic!("expected Decode, got {other:?}"),
    }
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn gm_order(value: Value) -> giyimmoda_sdk::model::Order {
    serde_json::from_value(value).unwrap()
}

// ---------------------------------------------------------------------------------------
// Mapping tables, row by row
// ---------------------------------------------------------------------------------------

#[test]
fn delivery_status_table_row_by_row() {
    use DeliveryStatus as D;
    use OrderStatus as S;
    let rows: &[(D, S)] = &[
        (D::Pending, S::Created),
        (D::Confirmed, S::Picking),
        (D::PickedUp, S::Shipped),
        (D::OnTheWay, S::Shipped),
        (D::Delivered, S::Delivered),
        (D::Cancelled, S::Cancelled),
    ];
    assert_eq!(
        rows, DELIVERY_STATUS_TABLE,
        "the const is the documented table"
    );
    for (delivery, unified) in rows {
        assert_eq!(&adapter::delivery_status_to_unified(delivery), unified);
        let paid = adapter::order_status(
            Some(delivery),
            Some(&PaymentStatus::Paid),
            Some(&PaymentType::BankPayment),
        );
        assert_eq!(&paid, unified, "{delivery}");
    }
    // missing → as pending
    assert_eq!(adapter::order_status(None, None, None), S::Created);
    // anything else → Other(raw)
    assert_eq!(
        adapter::order_status(Some(&D::from("returned_to_seller")), None, None),
        S::Other("returned_to_seller".into())
    );
    // the payment rule
    let unpaid = Some(&PaymentStatus::Unpaid);
    assert_eq!(
        adapter::order_status(Some(&D::Pending), unpaid, Some(&PaymentType::BankPayment)),
        S::Awaiting
    );
    assert_eq!(
        adapter::order_status(Some(&D::Pending), unpaid, None),
        S::Awaiting
    );
    assert_eq!(
        adapter::order_status(
            Some(&D::Pending),
            unpaid,
            Some(&PaymentType::CashOnDelivery)
        ),
        S::Created
    );
    assert_eq!(
        adapter::order_status(Some(&D::Confirmed), unpaid, Some(&PaymentType::Iyzico)),
        S::Picking,
        "the payment rule applies to pending orders only"
    );
}

#[test]
fn move_table_row_by_row() {
    use OrderStatus as S;
    let rows: &[(S, DeliveryMove)] = &[
        (S::Picking, DeliveryMove::Status(DeliveryStatus::Confirmed)),
        (S::Shipped, DeliveryMove::Status(DeliveryStatus::OnTheWay)),
        (
            S::Delivered,
            DeliveryMove::Status(DeliveryStatus::Delivered),
        ),
        (S::Cancelled, DeliveryMove::Cancel),
    ];
    for (to, expected) in rows {
        assert_eq!(&adapter::delivery_move(to).unwrap(), expected, "{to}");
    }
    for (to, status) in MOVE_TABLE {
        assert_eq!(
            adapter::delivery_move(to).unwrap(),
            DeliveryMove::Status(status.clone())
        );
    }
    for to in [
        S::Awaiting,
        S::Created,
        S::Invoiced,
        S::AtCollectionPoint,
        S::UnDelivered,
        S::UnSupplied,
        S::Split,
        S::ReturnRequested,
        S::Returned,
        S::Other("x".into()),
    ] {
        assert_eq!(invalid_field(adapter::delivery_move(&to)), "to", "{to}");
    }
}

#[test]
fn claim_status_table_row_by_row() {
    use Approval as A;
    use ClaimStatus as C;
    type Row = (Option<A>, Option<A>, Option<A>, C);
    let rows: &[Row] = &[
        // (seller, admin, refund) → unified
        (
            Some(A::Pending),
            Some(A::Pending),
            Some(A::Approved),
            C::Accepted,
        ),
        (
            Some(A::Rejected),
            Some(A::Rejected),
            Some(A::Approved),
            C::Accepted,
        ),
        (
            Some(A::Approved),
            Some(A::Approved),
            Some(A::Rejected),
            C::Rejected,
        ),
        (
            Some(A::Pending),
            Some(A::Approved),
            Some(A::Pending),
            C::Accepted,
        ),
        (Some(A::Rejected), Some(A::Approved), None, C::Accepted),
        (
            Some(A::Approved),
            Some(A::Rejected),
            Some(A::Pending),
            C::Rejected,
        ),
        (
            Some(A::Pending),
            Some(A::Pending),
            Some(A::Pending),
            C::WaitingInAction,
        ),
        (Some(A::Pending), None, None, C::WaitingInAction),
        (
            Some(A::Approved),
            Some(A::Pending),
            Some(A::Pending),
            C::Accepted,
        ),
        (
            Some(A::Rejected),
            Some(A::Pending),
            Some(A::Pending),
            C::Rejected,
        ),
        (
            Some(A::Pending),
            Some(A::Pending),
            Some(A::Unknown(3)),
            C::Other("refund_status=3".into()),
        ),
        (
            Some(A::Pending),
            Some(A::Unknown(9)),
            None,
            C::Other("admin_approval=9".into()),
        ),
        (
            Some(A::Unknown(5)),
            Some(A::Pending),
            Some(A::Pending),
            C::Other("seller_approval=5".into()),
        ),
        (None, None, None, C::Other("seller_approval=missing".into())),
    ];
    for (seller, admin, refund, unified) in rows {
        assert_eq!(
            &adapter::claim_status(seller.as_ref(), admin.as_ref(), refund.as_ref()),
            unified,
            "{seller:?} {admin:?} {refund:?}"
        );
    }
}

#[test]
fn question_status_table_row_by_row() {
    let q = |reply: Value| -> ProductQuestion {
        serde_json::from_value(json!({"id": 7, "question": "Beden?", "reply": reply})).unwrap()
    };
    assert_eq!(
        adapter::question_status(&q(json!("Evet"))),
        QuestionStatus::Answered
    );
    assert_eq!(
        adapter::question_status(&q(Value::Null)),
        QuestionStatus::WaitingForAnswer
    );
    assert_eq!(
        adapter::question_status(&q(json!("  "))),
        QuestionStatus::WaitingForAnswer
    );
    let no_reply: ProductQuestion = serde_json::from_value(json!({"id": 8})).unwrap();
    assert_eq!(
        adapter::question_status(&no_reply),
        QuestionStatus::WaitingForAnswer
    );
}

#[test]
fn reject_reasons_become_rejection_text() {
    for reason in RefundRejectReason::KNOWN {
        let rejection = reason.rejection("Fotoğraflar ektedir.");
        assert_eq!(rejection.reason_code.as_deref(), Some(reason.code()));
        let text = adapter::rejection_reason_text(&rejection).unwrap();
        assert_eq!(
            text,
            format!("{}: Fotoğraflar ektedir.", reason.label().unwrap())
        );
        assert_eq!(RefundRejectReason::from(reason.code()), *reason);
    }
    assert_eq!(
        adapter::rejection_reason_text(&RefundRejectReason::Used.rejection("  Çizik var "))
            .unwrap(),
        "Ürün kullanılmış: Çizik var"
    );
    // free text alone
    assert_eq!(
        adapter::rejection_reason_text(&ClaimRejection::new("Ürün kullanılmış")).unwrap(),
        "Ürün kullanılmış"
    );
    // unknown code, blank text, too long
    assert_eq!(
        invalid_field(adapter::rejection_reason_text(
            &ClaimRejection::new("x").reason_code("5")
        )),
        "rejection.reason_code"
    );
    assert_eq!(
        invalid_field(adapter::rejection_reason_text(&ClaimRejection::new(" "))),
        "rejection.text"
    );
    let long = "ç".repeat(490);
    assert!(adapter::rejection_reason_text(&ClaimRejection::new(long.clone())).is_ok());
    assert_eq!(
        invalid_field(adapter::rejection_reason_text(
            &RefundRejectReason::Used.rejection(long)
        )),
        "rejection.text",
        "the label counts towards the 500 characters"
    );
}

// ---------------------------------------------------------------------------------------
// Record mapping
// ---------------------------------------------------------------------------------------

#[test]
fn order_from_documented_sample_keeps_the_record() {
    let list = fixture(include_str!("fixtures/orders/list_response.json"));
    let gm = gm_order(list["data"][0].clone());
    let order = adapter::order_from(&gm).unwrap();
    assert_eq!(order.marketplace, MarketplaceId::GiyimModa);
    assert_eq!(order.id, "123");
    assert_eq!(order.number, "20241215-14302545");
    assert_eq!(order.status, OrderStatus::Created);
    assert_eq!(
        order.created_at,
        Some(Utc.with_ymd_and_hms(2024, 12, 15, 11, 30, 25).unwrap()),
        "Istanbul local time"
    );
    let customer = order.customer.as_ref().unwrap();
    assert_eq!(customer.id.as_deref(), Some("45"));
    assert_eq!(customer.name, "Ahmet Yılmaz");
    assert_eq!(customer.phone.as_deref(), Some("05551234567"));
    assert_eq!(order.total, Some(Money::try_lira(d("250.00"))));
    assert!(order.lines.is_empty());
    assert_eq!(adapter::original_order(&order).unwrap(), gm);
}

#[test]
fn order_lines_addresses_and_bad_input() {
    let gm = gm_order(json!({
        "id": "77",
        "code": null,
        "delivery_status": "in_customs",
        "payment_status": "unpaid",
        "payment_type": "cash_on_delivery",
        "tracking_code": 998877,
        "shipping_address": "{\"name\":\"Ayşe Demir\",\"address\":\"Atatürk Cad. 5\",\"city\":\"İzmir\",\"postal_code\":35000,\"country\":\"Turkey\",\"phone\":\"0555\"}",
        "order_details": [
            {"id": 5, "product_id": "36557", "variation": "Kırmızı-M", "quantity": "2",
             "price": "200,00", "tax": "36", "delivery_status": "confirmed"}
        ]
    }));
    let order = adapter::order_from(&gm).unwrap();
    assert_eq!(order.number, "77", "no code: the id");
    assert_eq!(order.status, OrderStatus::Other("in_customs".into()));
    assert_eq!(order.tracking_number.as_deref(), Some("998877"));
    let address = order.shipping_address.as_ref().unwrap();
    assert_eq!(address.name, "Ayşe Demir");
    assert_eq!(address.lines, ["Atatürk Cad. 5"]);
    assert_eq!(address.city.as_deref(), Some("İzmir"));
    assert_eq!(address.postal_code.as_deref(), Some("35000"));
    assert_eq!(address.country_code.as_deref(), Some("TR"));
    let line = &order.lines[0];
    assert_eq!(line.id, "5");
    assert_eq!(line.product_id.as_deref(), Some("36557"));
    assert_eq!(line.product_name, "Kırmızı-M");
    assert_eq!(line.quantity, 2);
    assert_eq!(line.unit_price, Money::try_lira(d("100")));
    assert_eq!(line.line_total, Money::try_lira(d("236")));
    assert_eq!(line.status, Some(OrderStatus::Picking));

    // plain-text address
    let text = gm_order(json!({"id": 1, "shipping_address": "Kadıköy, İstanbul"}));
    let address = adapter::order_from(&text)
        .unwrap()
        .shipping_address
        .unwrap();
    assert_eq!(address.full_text.as_deref(), Some("Kadıköy, İstanbul"));

    // a missing quantity or price is an error naming the field, never a zero
    let no_qty = gm_order(json!({"id": 1, "order_details": [{"id": 1, "price": "10"}]}));
    assert_eq!(
        decode_path(adapter::order_from(&no_qty)),
        "order_details[0].quantity"
    );
    let no_price = gm_order(json!({"id": 1, "order_details": [{"id": 1, "quantity": 1}]}));
    assert_eq!(
        decode_path(adapter::order_from(&no_price)),
        "order_details[0].price"
    );
    let zero = OrderDetail {
        id: Some(1),
        product_id: None,
        variation: None,
        quantity: Some(0),
        price: Some(d("10")),
        tax: None,
        shipping_cost: None,
        delivery_status: None,
    };
    assert_eq!(
        decode_path(adapter::order_line_from(3, &zero)),
        "order_details[3].quantity"
    );
}

#[test]
fn claim_from_documented_samples() {
    let detail: RefundRequest = serde_json::from_value(
        fixture(include_str!("fixtures/refunds/get_response.json"))["data"].clone(),
    )
    .unwrap();
    let claim = adapter::claim_from(&detail).unwrap();
    assert_eq!(claim.id, "1");
    assert_eq!(claim.order_number, "20260107-10255162");
    assert_eq!(claim.order_id.as_deref(), Some("180"));
    assert_eq!(claim.status, ClaimStatus::WaitingInAction);
    assert_eq!(claim.refund_amount, Some(Money::try_lira(d("29452.50"))));
    assert_eq!(claim.customer.as_ref().unwrap().name, "Kupon Test Müşteri");
    let line = &claim.lines[0];
    assert_eq!(line.id, "1", "one line per refund request, with its id");
    assert_eq!(line.order_line_id.as_deref(), Some("183"));
    assert_eq!(line.sku, "SKU-123");
    assert_eq!(
        line.product_name,
        "Black Truffle Noir - Özel Üretim Kristal Çanta"
    );
    assert_eq!(line.quantity, 1);
    assert_eq!(line.reason.as_deref(), Some("Ürün hasarlı geldi"));
    assert_eq!(adapter::original_refund(&claim).unwrap(), detail);

    let listed: RefundRequest = serde_json::from_value(
        fixture(include_str!("fixtures/refunds/list_response.json"))["data"][0].clone(),
    )
    .unwrap();
    let claim = adapter::claim_from(&listed).unwrap();
    assert!(claim.lines.is_empty(), "the list has no order line");

    let mut bad = detail;
    bad.order_detail.as_mut().unwrap().quantity = None;
    assert_eq!(
        decode_path(adapter::claim_from(&bad)),
        "order_detail.quantity"
    );
}

#[test]
fn product_and_question_records() {
    let gm: giyimmoda_sdk::model::Product = serde_json::from_value(json!({
        "id": 42, "name": "Keten Gömlek", "sku": "GML-42", "barcode": "8690000000042",
        "unit_price": 499.9, "current_stock": "12", "tax_rate": 10, "published": 1,
        "brand_id": 5, "category_id": 149,
        "thumbnail_img": "https://cdn.example.com/t.jpg", "photos": "12,https://cdn.example.com/a.jpg"
    }))
    .unwrap();
    let product = adapter::product_from(&gm).unwrap();
    assert_eq!(product.sku, "GML-42");
    assert_eq!(product.product_id.as_deref(), Some("42"));
    assert_eq!(product.stock, Some(12));
    assert_eq!(product.sale_price, Some(Money::try_lira(d("499.90"))));
    assert_eq!(product.vat_rate, Some(d("10")));
    assert_eq!(product.on_sale, Some(true));
    assert_eq!(
        product.images,
        [
            "https://cdn.example.com/t.jpg",
            "https://cdn.example.com/a.jpg"
        ]
    );
    assert_eq!(adapter::original_product(&product).unwrap(), gm);
    let negative: giyimmoda_sdk::model::Product =
        serde_json::from_value(json!({"id": 1, "current_stock": -3})).unwrap();
    assert_eq!(adapter::product_from(&negative).unwrap().stock, None);

    let gm: ProductQuestion = serde_json::from_value(json!({
        "id": "9", "product_id": 42, "question": "Yıkamada çeker mi?", "reply": null,
        "created_at": "2025-01-05 10:00:00",
        "customer": {"name": "M*** K***"}, "product": {"name": "Keten Gömlek", "sku": "GML-42"}
    }))
    .unwrap();
    let question = adapter::question_from(&gm).unwrap();
    assert_eq!(question.id, "9");
    assert_eq!(question.text, "Yıkamada çeker mi?");
    assert_eq!(question.status, QuestionStatus::WaitingForAnswer);
    assert_eq!(question.customer_name.as_deref(), Some("M*** K***"));
    assert_eq!(question.product_name.as_deref(), Some("Keten Gömlek"));
    assert_eq!(question.sku.as_deref(), Some("GML-42"));
    assert_eq!(question.product_id.as_deref(), Some("42"));
    assert_eq!(adapter::original_question(&question).unwrap(), gm);

    // accessors refuse records that are not Giyim Moda's
    let foreign = Order::new(MarketplaceId::Trendyol, "1", "1", OrderStatus::Created);
    assert_eq!(
        invalid_field(adapter::original_order(&foreign)),
        "marketplace"
    );
    let bare = Order::new(MarketplaceId::GiyimModa, "1", "1", OrderStatus::Created);
    assert_eq!(invalid_field(adapter::original_order(&bare)), "raw");
}

fn draft(sku: &str) -> ProductDraft {
    let mut draft = ProductDraft::new(sku, "Keten Gömlek", Money::try_lira(d("499.90")));
    draft.description = "Yazlık keten gömlek".into();
    draft.category_id = Some("149".into());
    draft.brand_id = Some("5".into());
    draft.stock = 20;
    draft.vat_rate = Some(d("10"));
    draft.delivery_days = Some(3);
    draft.barcode = Some("8690000000042".into());
    draft.images = vec![
        "https://cdn.example.com/1.jpg".into(),
        "https://cdn.example.com/2.jpg".into(),
    ];
    draft
}

#[test]
fn drafts_become_new_products() {
    let product = adapter::new_product_from_draft(&draft("GML-42")).unwrap();
    product.validate().unwrap();
    assert_eq!(
        serde_json::to_value(&product).unwrap(),
        json!({
            "name": "Keten Gömlek",
            "description": "Yazlık keten gömlek",
            "category_id": 149,
            "brand_id": 5,
            "unit_price": 499.9,
            "current_stock": 20,
            "sku": "GML-42",
            "barcode": "8690000000042",
            "delivery_time": 3,
            "tax_rate": 10,
            "thumbnail_img_url": "https://cdn.example.com/1.jpg",
            "gallery_images_urls": ["https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg"]
        })
    );
    let refused = |f: fn(&mut ProductDraft)| {
        let mut d = draft("X");
        f(&mut d);
        invalid_field(adapter::new_product_from_draft(&d))
    };
    assert_eq!(refused(|d| d.sku = " ".into()), "sku");
    assert_eq!(refused(|d| d.category_id = None), "category_id");
    assert_eq!(
        refused(|d| d.category_id = Some("giyim".into())),
        "category_id"
    );
    assert_eq!(refused(|d| d.brand_id = Some("Koton".into())), "brand_id");
    assert_eq!(
        refused(|d| d.price = Money::new(d.price.amount, "EUR")),
        "price"
    );
    assert_eq!(
        refused(|d| d.list_price = Some(Money::new(Decimal::from(600), "USD"))),
        "list_price"
    );

    // what has no place in Giyim Moda's body is not sent, and said so
    assert!(adapter::draft_warnings(&draft("X")).is_empty());
    let mut extra = draft("X");
    extra.brand_id = None;
    extra.brand_name = Some("Koton".into());
    extra.list_price = Some(Money::try_lira(Decimal::from(600)));
    extra
        .attributes
        .push(marketplace_core::model::ProductAttribute::named(
            "Renk", "Mavi",
        ));
    extra.dimensional_weight = Some(Decimal::ONE);
    let product = adapter::new_product_from_draft(&extra).unwrap();
    assert_eq!(product.brand_id, None);
    let warnings = adapter::draft_warnings(&extra);
    let fields: Vec<_> = warnings
        .iter()
        .map(|w| w.split(' ').next().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "brand_name",
            "list_price",
            "attributes",
            "dimensional_weight"
        ]
    );
}

#[test]
fn sync_handles_carry_their_outcome() {
    let items = vec![
        marketplace_core::model::ItemOutcome::success("A"),
        marketplace_core::model::ItemOutcome::failure("B", ["kategori bulunamadı"]),
    ];
    let handle = adapter::sync_handle(BatchKind::ProductCreate, &items).unwrap();
    assert!(handle.id.starts_with(SYNC_HANDLE_PREFIX));
    let outcome = adapter::sync_outcome(&handle).unwrap();
    assert_eq!(outcome.state, BatchState::Completed);
    assert_eq!(outcome.items, items);
    let foreign = BatchHandle::new(MarketplaceId::Pazarama, "x", BatchKind::ProductCreate);
    assert_eq!(invalid_field(adapter::sync_outcome(&foreign)), "handle");
    let made_up = BatchHandle::new(MarketplaceId::GiyimModa, "42", BatchKind::StockPrice);
    assert_eq!(invalid_field(adapter::sync_outcome(&made_up)), "handle");
}

#[test]
fn bulk_create_outcomes_match_items() {
    let sent = [draft("A"), draft("B"), draft("C")];
    // the documented sample: no per-item detail, nothing failed
    let sample: BulkCreateResult = serde_json::from_value(
        fixture(include_str!("fixtures/products/bulk_create_response.json"))["data"].clone(),
    )
    .unwrap();
    let outcomes = adapter::create_outcomes(&sent[..2], &sample);
    assert!(outcomes.iter().all(|o| o.succeeded));
    // failures named by sku, by index, or not at all
    let result: BulkCreateResult = serde_json::from_value(json!({
        "success_count": 1, "failed_count": 2,
        "success": [{"id": 900, "sku": "A"}],
        "failed": [{"index": 1, "error": "Kategori bulunamadı", "errors": {"category_id": ["Kategori bulunamadı"]}}, "Görsel indirilemedi"]
    }))
    .unwrap();
    let outcomes = adapter::create_outcomes(&sent, &result);
    assert!(outcomes[0].succeeded);
    assert!(!outcomes[1].succeeded);
    assert_eq!(outcomes[1].messages, ["category_id: Kategori bulunamadı"]);
    assert!(
        !outcomes[2].succeeded,
        "an unnamed failure is not assumed to be someone else's"
    );
}

// ---------------------------------------------------------------------------------------
// The traits over HTTP
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn works_as_boxed_marketplace() {
    let server = MockServer::start().await;
    let list = fixture(include_str!("fixtures/orders/list_response.json"));
    Mock::given(method("GET"))
        .and(path("/api/seller/orders/123"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(json!({"success": true, "data": list["data"][0]})))
        .expect(1)
        .mount(&server)
        .await;
    let all: Vec<Box<dyn Marketplace>> = vec![Box::new(client(&server))];
    for m in &all {
        assert_eq!(m.id(), MarketplaceId::GiyimModa);
        assert_eq!(m.capabilities(), Capabilities::all());
        for capability in Capability::ALL {
            assert!(m.capabilities().supports(*capability), "{capability}");
        }
        let order = m.order("123").await.unwrap();
        assert_eq!(order.number, "20241215-14302545");
        assert_eq!(invalid_field(m.order("abc").await), "id");
    }
}

fn order_json(id: u64, date: &str) -> Value {
    json!({"id": id, "code": format!("C-{id}"), "date": date, "delivery_status": "pending",
           "payment_status": "paid", "payment_type": "iyzico", "grand_total": "10.00"})
}

#[tokio::test]
async fn orders_stream_covers_the_window_exactly_once() {
    let server = MockServer::start().await;
    let pagination =
        |page: u32| json!({"current_page": page, "last_page": 2, "per_page": 100, "total": 6});
    let page = |n: u32, data: Value| {
        Mock::given(method("GET"))
            .and(path("/api/seller/orders"))
            .and(query_param("date_from", "2024-12-10"))
            .and(query_param("date_to", "2024-12-20"))
            .and(query_param("per_page", "100"))
            .and(query_param("page", n.to_string()))
            .respond_with(ok(
                json!({"success": true, "data": data, "pagination": pagination(n)}),
            ))
            .expect(1)
    };
    page(
        1,
        json!([
            order_json(1, "2024-12-15 14:30:25"),
            order_json(2, "2024-12-10 01:00:00"), // 2024-12-09T22:00Z: before the window
            order_json(3, "2024-12-20 02:00:00"), // 2024-12-19T23:00Z: inside
        ]),
    )
    .mount(&server)
    .await;
    page(
        2,
        json!([
            order_json(3, "2024-12-20 02:00:00"), // shifted onto page 2 by a new order
            order_json(4, "2024-12-20 03:30:00"), // 2024-12-20T00:30Z: after the window
            order_json(5, "2024-12-12 09:00:00"),
        ]),
    )
    .mount(&server)
    .await;
    let client = client(&server);
    let query = OrderQuery::window(
        Utc.with_ymd_and_hms(2024, 12, 10, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2024, 12, 20, 0, 0, 0).unwrap(),
    );
    let m: &dyn Marketplace = &client;
    let ids: Vec<String> = m
        .orders(&query)
        .map_ok(|o| o.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["1", "3", "5"]);
}

#[tokio::test]
async fn orders_stream_filters_status_on_the_server_when_it_can() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/orders"))
        .and(query_param("status", "confirmed"))
        .and(query_param("search", "C-8"))
        .respond_with(ok(json!({"success": true, "data": [
            {"id": 8, "code": "C-8", "delivery_status": "confirmed"},
            {"id": 81, "code": "C-81", "delivery_status": "confirmed"}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let query = OrderQuery::default()
        .status(OrderStatus::Picking)
        .number("C-8");
    let orders: Vec<Order> = marketplace_core::OrderApi::orders(&client, &query)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 1, "exact number match client-side");
    assert_eq!(orders[0].status, OrderStatus::Picking);
}

fn unified_order(status: OrderStatus) -> Order {
    let gm = gm_order(json!({
        "id": 123, "code": "20241215-14302545", "delivery_status": "pending",
        "order_details": [
            {"id": 1, "quantity": 1, "price": "100"},
            {"id": 2, "quantity": 1, "price": "150"}
        ]
    }));
    let mut order = adapter::order_from(&gm).unwrap();
    order.status = status;
    order
}

#[tokio::test]
async fn moves_send_the_documented_calls() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/orders/123/status"))
        .and(body_json(
            json!({"delivery_status": "on_the_way", "tracking_code": "TR123456789"}),
        ))
        .respond_with(ok(json!({"success": true, "message": "ok"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/orders/123/status"))
        .and(body_json(json!({"delivery_status": "confirmed"})))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/orders/123/status"))
        .and(body_json(json!({"delivery_status": "delivered"})))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/orders/123/cancel"))
        .respond_with(ok(json!({"success": true})))
        .expect(1)
        .mount(&server)
        .await;
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    m.move_order(
        &unified_order(OrderStatus::Created),
        OrderStatus::Picking,
        StatusMove::new(),
    )
    .await
    .unwrap();
    m.move_order(
        &unified_order(OrderStatus::Picking),
        OrderStatus::Shipped,
        StatusMove::new()
            .tracking_number("TR123456789")
            .cargo_provider("Yurtiçi"),
    )
    .await
    .unwrap();
    m.move_order(
        &unified_order(OrderStatus::Shipped),
        OrderStatus::Delivered,
        StatusMove::new().lines(["1", "2"]),
    )
    .await
    .unwrap();
    m.move_order(
        &unified_order(OrderStatus::Created),
        OrderStatus::Cancelled,
        StatusMove::new(),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn illegal_or_impossible_moves_send_nothing() {
    let server = silent_server().await;
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    let shipped = unified_order(OrderStatus::Shipped);
    assert!(matches!(
        m.move_order(&shipped, OrderStatus::Picking, StatusMove::new())
            .await,
        Err(Error::InvalidTransition {
            entity: "order",
            ..
        })
    ));
    let cancelled = unified_order(OrderStatus::Cancelled);
    assert!(matches!(
        m.move_order(&cancelled, OrderStatus::Delivered, StatusMove::new())
            .await,
        Err(Error::InvalidTransition { .. })
    ));
    let created = unified_order(OrderStatus::Created);
    assert_eq!(
        invalid_field(
            m.move_order(&created, OrderStatus::Invoiced, StatusMove::new())
                .await
        ),
        "to"
    );
    assert_eq!(
        invalid_field(
            m.move_order(&created, OrderStatus::UnSupplied, StatusMove::new())
                .await
        ),
        "to"
    );
    assert_eq!(
        invalid_field(
            m.move_order(
                &created,
                OrderStatus::Picking,
                StatusMove::new().lines(["1"])
            )
            .await
        ),
        "line_ids",
        "Giyim Moda moves whole orders"
    );
    let awaiting = unified_order(OrderStatus::Awaiting);
    assert_eq!(
        invalid_field(
            m.move_order(&awaiting, OrderStatus::Created, StatusMove::new())
                .await
        ),
        "to"
    );
}

#[tokio::test]
async fn products_stream_with_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products"))
        .and(query_param("status", "published"))
        .and(query_param("search", "gömlek"))
        .and(query_param("per_page", "50"))
        .and(query_param("page", "1"))
        .respond_with(ok(json!({"success": true, "data": [
            {"id": 1, "name": "Keten Gömlek", "sku": "GML-1", "unit_price": "10", "current_stock": 3, "published": true},
            {"id": 2, "name": "Pamuk Gömlek", "sku": "GML-2", "barcode": "869", "published": true},
            {"id": 3, "name": "Oxford Gömlek", "sku": "GML-3", "published": true}
        ], "pagination": {"current_page": 1, "last_page": 1}})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let mut query = ProductQuery::default()
        .on_sale(true)
        .page_size(50)
        .sku("GML-1")
        .sku("869");
    query.search = Some("gömlek".into());
    let m: &dyn Marketplace = &client;
    let products: Vec<_> = m.products(&query).try_collect().await.unwrap();
    let skus: Vec<_> = products.iter().map(|p| p.sku.as_str()).collect();
    assert_eq!(skus, ["GML-1", "GML-2"], "SKU or barcode");
    assert_eq!(products[0].stock, Some(3));

    // filters Giyim Moda cannot express fail before sending
    let silent = silent_server().await;
    let client = self::client(&silent);
    let m: &dyn Marketplace = &client;
    let err = m
        .products(&ProductQuery::default().approved(true))
        .try_collect::<Vec<_>>()
        .await;
    assert_eq!(invalid_field(err), "approved");
    let archived = ProductQuery {
        archived: Some(true),
        ..ProductQuery::default()
    };
    assert!(
        m.products(&archived)
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn drafts_push_synchronously_with_per_item_outcomes() {
    let server = MockServer::start().await;
    let mut good = draft("GML-1");
    good.dimensional_weight = Some(Decimal::TWO);
    let bad_server_side = {
        let mut d = draft("GML-2");
        d.category_id = Some("999999".into());
        d
    };
    let bad_client_side = {
        let mut d = draft("GML-3");
        d.images.truncate(1);
        d
    };
    let expected_body = json!({"products": [
        serde_json::to_value(adapter::new_product_from_draft(&good).unwrap()).unwrap(),
        serde_json::to_value(adapter::new_product_from_draft(&bad_server_side).unwrap()).unwrap(),
    ]});
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk"))
        .and(body_json(expected_body))
        .respond_with(ok(json!({
            "success": true,
            "message": "Bulk product creation completed. 1 successful, 1 failed.",
            "data": {"total": 2, "success_count": 1, "failed_count": 1,
                     "success": [{"id": 501, "name": "Keten Gömlek", "sku": "GML-1"}],
                     "failed": [{"sku": "GML-2", "error": "Kategori bulunamadı"}]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    let handle = m
        .push_drafts(&[good, bad_server_side, bad_client_side])
        .await
        .unwrap();
    assert_eq!(handle.kind, BatchKind::ProductCreate);
    let poller = BatchPoller::new().deadline(Duration::from_secs(1));
    let outcome = m.wait_batch(&handle, &poller).await.unwrap();
    assert_eq!(outcome.state, BatchState::Completed);
    let keys: Vec<_> = outcome
        .items
        .iter()
        .map(|i| (i.key.as_str(), i.succeeded))
        .collect();
    assert_eq!(keys, [("GML-1", true), ("GML-2", false), ("GML-3", false)]);
    assert_eq!(
        outcome.items[0].messages,
        ["dimensional_weight not sent: Giyim Moda's product body has none"]
    );
    assert_eq!(outcome.items[1].messages, ["Kategori bulunamadı"]);
    assert!(outcome.items[2].messages[0].contains("gallery_images_urls"));
    assert_eq!(m.batch_outcome(&handle).await.unwrap(), outcome);

    // nothing valid: nothing sent, every draft reported
    let silent = silent_server().await;
    let m: Box<dyn Marketplace> = Box::new(client(&silent));
    let mut no_category = draft("GML-4");
    no_category.category_id = None;
    let handle = m.push_drafts(&[no_category]).await.unwrap();
    let outcome = m.batch_outcome(&handle).await.unwrap();
    assert!(!outcome.items[0].succeeded);
    assert_eq!(invalid_field(m.push_drafts(&[]).await), "drafts");
}

#[tokio::test]
async fn stock_and_price_updates_are_coalesced_into_one_item() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products"))
        .and(query_param("page", "1"))
        .respond_with(ok(json!({"success": true, "data": [
            {"id": 11, "sku": "GML-1"}, {"id": 12, "sku": "GML-2"}, {"id": 13, "sku": "X", "barcode": "8690000000013"}
        ], "pagination": {"current_page": 1, "last_page": 1}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk-update"))
        .and(body_json(json!({"products": [
            {"id": 11, "unit_price": 101, "current_stock": 10},
            {"id": 13, "current_stock": 4}
        ]})))
        .respond_with(ok(
            json!({"success": true, "data": {"updated_count": 2, "failed_count": 0, "errors": []}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut updates: Vec<StockPrice> = (1..=10u32)
        .map(|i| {
            StockPrice::new("GML-1")
                .quantity(i)
                .sale_price(Decimal::new(1000 + i64::from(i), 1))
        })
        .collect();
    updates.push(StockPrice::new("8690000000013").quantity(4));
    updates.push(StockPrice::new("GML-2").list_price(d("99")));
    updates.push(StockPrice::new("NOPE").quantity(1));
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    let handles = m.update_stock_prices(&updates).await.unwrap();
    assert_eq!(handles.len(), 1);
    assert_eq!(handles[0].kind, BatchKind::StockPrice);
    let outcome = m
        .wait_batch(&handles[0], &BatchPoller::new())
        .await
        .unwrap();
    let keys: Vec<_> = outcome
        .items
        .iter()
        .map(|i| (i.key.as_str(), i.succeeded))
        .collect();
    assert_eq!(
        keys,
        [
            ("GML-1", true),
            ("8690000000013", true),
            ("GML-2", false),
            ("NOPE", false)
        ]
    );
    assert!(outcome.items[2].messages[0].contains("list price"));
    assert!(outcome.items[3].messages[0].contains("NOPE"));
}

#[tokio::test]
async fn stock_update_failures_are_reported_per_item() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products"))
        .respond_with(ok(
            json!({"success": true, "data": [{"id": 11, "sku": "A"}, {"id": 12, "sku": "B"}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk-update"))
        .respond_with(ok(
            json!({"success": true, "data": {"updated_count": 1, "failed_count": 1,
            "errors": [{"id": 12, "message": "Ürün bulunamadı"}]}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    let handles = m
        .update_stock_prices(&[
            StockPrice::new("A").quantity(1),
            StockPrice::new("B").quantity(2),
        ])
        .await
        .unwrap();
    let outcome = m.batch_outcome(&handles[0]).await.unwrap();
    assert!(outcome.items[0].succeeded);
    assert_eq!(outcome.items[1].key, "B");
    assert_eq!(outcome.items[1].messages, ["Ürün bulunamadı"]);
    // nothing to update: no request at all
    let silent = silent_server().await;
    let m: Box<dyn Marketplace> = Box::new(client(&silent));
    assert!(m.update_stock_prices(&[]).await.unwrap().is_empty());
}

fn refund_json(id: u64, seller: i64) -> Value {
    let mut refund = fixture(include_str!("fixtures/refunds/get_response.json"))["data"].clone();
    refund["id"] = json!(id);
    refund["seller_approval"] = json!(seller);
    refund
}

#[tokio::test]
async fn claims_are_listed_decided_and_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/refund-requests"))
        .and(query_param("status", "pending"))
        .and(query_param("date_from", "2026-01-01"))
        .and(query_param("page", "1"))
        .respond_with(ok(fixture(include_str!(
            "fixtures/refunds/list_response.json"
        ))
        .as_object()
        .map(|o| {
            let mut o = o.clone();
            o.insert(
                "pagination".into(),
                json!({"current_page": 1, "last_page": 1}),
            );
            Value::Object(o)
        })
        .unwrap()))
        .expect(1)
        .mount(&server)
        .await;
    for (id, seller) in [(1, 0), (2, 0), (3, 2)] {
        Mock::given(method("GET"))
            .and(path(format!("/api/seller/refund-requests/{id}")))
            .respond_with(ok(
                json!({"success": true, "data": refund_json(id, seller)}),
            ))
            .mount(&server)
            .await;
    }
    Mock::given(method("POST"))
        .and(path("/api/seller/refund-requests/1/approve"))
        .respond_with(ok(json!({"success": true, "data": {"id": 1, "seller_approval": 1, "seller_approval_text": "Onaylandı"}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/refund-requests/2/reject"))
        .and(body_json(
            json!({"rejection_reason": "Ürün kullanılmış: Etiketi sökülmüş ve yıkanmış."}),
        ))
        .respond_with(ok(
            json!({"success": true, "data": {"id": 2, "seller_approval": 2}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    let query = ClaimQuery::window(
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap(),
    )
    .status(ClaimStatus::WaitingInAction);
    let claims: Vec<_> = m.claims(&query).try_collect().await.unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].status, ClaimStatus::WaitingInAction);

    let to_approve = m.claim("1").await.unwrap();
    m.approve_claim(&to_approve, &[]).await.unwrap();
    let to_reject = m.claim("2").await.unwrap();
    m.reject_claim(
        &to_reject,
        &[],
        &RefundRejectReason::Used.rejection("Etiketi sökülmüş ve yıkanmış."),
    )
    .await
    .unwrap();

    // deciding a decided claim, an unknown reason, a foreign line: nothing sent
    let rejected = m.claim("3").await.unwrap();
    assert_eq!(rejected.status, ClaimStatus::Rejected);
    assert!(matches!(
        m.approve_claim(&rejected, &[]).await,
        Err(Error::InvalidTransition {
            entity: "claim",
            ..
        })
    ));
    assert_eq!(
        invalid_field(
            m.reject_claim(&to_reject, &[], &ClaimRejection::new("x").reason_code("12"))
                .await
        ),
        "rejection.reason_code"
    );
    assert_eq!(
        invalid_field(m.approve_claim(&to_approve, &["999".to_owned()]).await),
        "line_ids"
    );
}

#[tokio::test]
async fn questions_are_listed_and_answered() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/product-queries"))
        .and(query_param("page", "1"))
        .and(query_param("per_page", "100"))
        .respond_with(ok(json!({"success": true, "data": [
            {"id": 1, "product_id": 42, "question": "Kalıbı dar mı?", "reply": null, "created_at": "2025-01-05 10:00:00"},
            {"id": 2, "product_id": 42, "question": "Pamuklu mu?", "reply": "Evet", "created_at": "2025-01-06 10:00:00"}
        ], "pagination": {"current_page": 1, "last_page": 1}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/product-queries/1"))
        .respond_with(ok(json!({"success": true, "data":
            {"id": 1, "product_id": 42, "question": "Kalıbı dar mı?", "reply": null}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/product-queries/1/reply"))
        .and(body_json(json!({"reply": "Normal kalıptır, kendi bedeninizi alabilirsiniz."})))
        .respond_with(ok(json!({"success": true, "data":
            {"id": 1, "question": "Kalıbı dar mı?", "reply": "Normal kalıptır, kendi bedeninizi alabilirsiniz."}})))
        .expect(1)
        .mount(&server)
        .await;
    let m: Box<dyn Marketplace> = Box::new(client(&server));
    let waiting: Vec<_> = m
        .questions(&QuestionQuery::unanswered())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].id, "1");
    let question = m.question("1").await.unwrap();
    m.answer_question(
        &question,
        "  Normal kalıptır, kendi bedeninizi alabilirsiniz.\n",
    )
    .await
    .unwrap();
    // an answered question is refused before sending (the PUT expects exactly one call)
    let mut answered = question.clone();
    answered.status = QuestionStatus::Answered;
    assert!(matches!(
        m.answer_question(&answered, "Tekrar").await,
        Err(Error::InvalidTransition {
            entity: "question",
            ..
        })
    ));
}
