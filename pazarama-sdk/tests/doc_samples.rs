//! Every JSON example of the Pazarama integration document decodes (issue 4).
//!
//! The examples that an area test already serves through the client (`tests/<area>.rs`
//! with `tests/fixtures/<area>/`) are decoded there; this file decodes the rest, kept in
//! `tests/fixtures/doc_samples/<section>_<name>.json`, and
//! [`every_documented_example_maps_every_field`] decodes *all* of them once more with
//! [`decode_report`] to prove that no documented field is silently dropped.
//!
//! Each sample is the document's text. Where the PDF extraction broke it, only that was
//! repaired, and the fixture's name says so:
//!
//! - `_spacing_fixed`: spaces the PDF put inside keys and GUIDs removed
//!   (`"refu ndId"` → `"refundId"`, `"it em"` → `"item"`,
//!   `"ef2affaf-…-3a4c1129e66 2"` → `"…e662"`, `"2024 -09-01T00:01"` → `"2024-09-01T00:01"`);
//! - `_comma_fixed` / `_commas_fixed`: the comma missing at a PDF line end added (invoice
//!   link samples, after `"orderid"` and `"orderItemId"`);
//! - `_closing_brace_added`: the `}` the PDF lost at a page break added (the first
//!   `updateOrderStatus` sample);
//! - `_example_marker_removed_from_number`: the word "örnek" ("example") the document
//!   writes after the bare number `236730742` removed (section 3.33; inside strings it is
//!   valid JSON and kept);
//! - `_braces_added`: a bare list of fields the document shows (section 3.30) wrapped in
//!   `{}`.
//!
//! Responses decode into [`Envelope<T>`] with the `T` the client uses; requests decode into
//! the request type and serialize back with the same field names (and, where no date is
//! re-formatted, the same JSON).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use marketplace_core::codec::{decode, decode_report};
use pazarama_sdk::model::*;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use uuid::Uuid;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn uuid(s: &str) -> Uuid {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The envelope of a documented answer, decoded as the client decodes it.
fn envelope<T: DeserializeOwned>(body: &str) -> Envelope<T> {
    decode(body.as_bytes()).unwrap()
}

/// The paths of every non-null field of `value` (`item.status`, `items[].orderItemId`).
fn field_paths(value: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    if child.is_null() {
                        continue;
                    }
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    out.insert(path.clone());
                    walk(child, &path, out);
                }
            }
            Value::Array(items) => {
                for item in items {
                    walk(item, &format!("{prefix}[]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(value, "", &mut out);
    out
}

/// `value` without its `null` fields (a `None` may be omitted or sent as `null`).
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Decode a documented request body and check it serializes back with the same fields.
fn request<T: DeserializeOwned + Serialize>(body: &str) -> (T, Value) {
    let typed: T = decode(body.as_bytes()).unwrap();
    let sample: Value = serde_json::from_str(body).unwrap();
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(
        field_paths(&back),
        field_paths(&sample),
        "field names differ after a round trip"
    );
    (typed, back)
}

/// Like [`request`], and the JSON sent back is the sample itself (nulls aside).
fn request_unchanged<T: DeserializeOwned + Serialize>(body: &str) -> T {
    let (typed, back) = request::<T>(body);
    let sample: Value = serde_json::from_str(body).unwrap();
    assert_eq!(without_nulls(&back), without_nulls(&sample));
    typed
}

// ---------------------------------------------------------------------------------------
// Orders (getOrdersForApi / V2, status updates, invoice links, packages, labor costs)
// ---------------------------------------------------------------------------------------

#[test]
fn orders_get_orders_request_samples_decode() {
    let by_number: OrderQuery = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_get_orders_request_by_number.json"
    ));
    assert_eq!(by_number.order_number, Some(735071747));
    assert_eq!(by_number.start_date, Some(at("2021-05-14T13:30:00+03:00")));
    assert_eq!(by_number.end_date, Some(at("2021-05-24T17:30:00+03:00")));
    assert_eq!(by_number.validate().map_err(|e| e.to_string()), Ok(()));

    let (paging, back) = request::<OrderQuery>(include_str!(
        "fixtures/doc_samples/orders_get_orders_request_paging.json"
    ));
    assert_eq!((paging.page_size, paging.page_number), (Some(500), Some(1)));
    assert_eq!(paging.start_date, Some(at("2023-02-01T00:00:00+03:00")));
    assert_eq!(paging.end_date, Some(at("2023-02-17T00:00:00+03:00")));
    // A date-only sample goes back out as that day's midnight, Istanbul time.
    assert_eq!(back["startDate"], "2023-02-01T00:00");
    assert_eq!(back["endDate"], "2023-02-17T00:00");
}

#[test]
fn orders_v2_request_samples_decode() {
    // `"2024 -09-01T00:01"` in the PDF.
    let by_number: OrderQuery = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_v2_request_by_number_spacing_fixed.json"
    ));
    assert_eq!(by_number.order_number, Some(735071747));
    assert_eq!(by_number.start_date, Some(at("2024-09-01T00:01:00+03:00")));
    assert_eq!(by_number.end_date, Some(at("2024-09-30T23:59:00+03:00")));

    let (paging, back) = request::<OrderQuery>(include_str!(
        "fixtures/doc_samples/orders_v2_request_paging.json"
    ));
    assert_eq!((paging.page_size, paging.page_number), (Some(500), Some(1)));
    assert_eq!(paging.end_date, Some(at("2024-09-30T00:00:00+03:00")));
    assert_eq!(back["startDate"], "2024-09-01T00:00");
}

#[test]
fn orders_update_status_shipped_request_sample_decodes() {
    let request: UpdateOrderStatusRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_update_status_shipped_request_closing_brace_added.json"
    ));
    assert_eq!(request.order_number, 127063369);
    let item = &request.item;
    assert_eq!(
        item.order_item_id,
        uuid("6b09a841-2fb1-4afb-bdc1-7078f95ba4c5")
    );
    assert_eq!(item.status, OrderItemStatus::Shipped);
    assert_eq!(item.delivery_type, Some(DeliveryType::Cargo));
    assert_eq!(
        item.shipping_tracking_number.as_deref(),
        Some("1615598038857")
    );
    assert_eq!(
        item.tracking_url.as_deref(),
        Some("https://www.yurticikargo.com/")
    );
    assert_eq!(
        item.cargo_company_id,
        Some(uuid("7b5567ff-abe7-487e-5c79-08d8e480366a"))
    );
    assert_eq!(request.validate().map_err(|e| e.to_string()), Ok(()));
}

#[test]
fn orders_update_item_status_request_sample_decodes() {
    // `"it em"` and `"d6da388 c-…-afc9271b801 b"` in the PDF.
    let request: UpdateOrderStatusRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_update_item_status_request_spacing_fixed.json"
    ));
    assert_eq!(request.order_number, 735071747);
    assert_eq!(
        request.item.order_item_id,
        uuid("d6da388c-f465-4f9c-8800-afc9271b801b")
    );
    assert_eq!(request.item.status, OrderItemStatus::Preparing);
    assert_eq!(request.item.cargo_company_id, None);
    assert_eq!(request.validate().map_err(|e| e.to_string()), Ok(()));
}

#[test]
fn orders_update_status_list_request_sample_decodes() {
    let request: UpdateOrderStatusListRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_update_status_list_request.json"
    ));
    assert_eq!(request.order_number, 735071747);
    assert_eq!(request.status, OrderItemStatus::Delivered);
}

#[test]
fn orders_invoice_link_request_samples_decode() {
    let order: InvoiceLinkRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_invoice_link_order_request_spacing_and_comma_fixed.json"
    ));
    let order_id = uuid("0d145804-5d05-4e4a-a4a0-921e45c8a5e3");
    assert_eq!(order.invoice_link, "https://faturaUrl.pdf");
    assert_eq!(order.order_id, order_id);
    assert_eq!(
        (order.delivery_company_id, order.tracking_number.as_deref()),
        (None, None)
    );
    assert_eq!(
        order,
        InvoiceLinkRequest::for_order(order_id, "https://faturaUrl.pdf")
    );

    let package: InvoiceLinkRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_invoice_link_package_request_spacing_and_comma_fixed.json"
    ));
    let carrier = uuid("6d6e004a-23b1-43d1-4d30-08d8e87e3449");
    assert_eq!(
        package,
        InvoiceLinkRequest::for_package(order_id, "https://faturaUrl.pdf", carrier, "321321321")
    );

    let item: InvoiceLinkRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_invoice_link_item_request_spacing_and_commas_fixed.json"
    ));
    assert_eq!(
        item.order_item_id,
        Some(uuid("209c4d98-08de-4ea4-b681-c4b148b2e8fb"))
    );
    assert_eq!(item.tracking_number.as_deref(), Some("321321321"));
    for request in [&order, &package, &item] {
        assert_eq!(request.validate().map_err(|e| e.to_string()), Ok(()));
    }
}

#[test]
fn orders_delivery_split_and_cancel_request_samples_decode() {
    let split: DeliverySplitRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_delivery_split_request.json"
    ));
    assert_eq!(split.order_id, uuid("d5ffad30-05d0-4ddb-ae0d-02bae029b3ec"));
    assert_eq!(split.shipment_code, "PZ00156261297");
    assert_eq!(
        split.seller_address_id,
        uuid("41883dc0-03c5-402a-3b09-08dcde201845")
    );
    assert_eq!(
        split.cargo_company_id,
        uuid("6d6e004a-23b1-43d1-4d30-08d8e87e3449")
    );
    assert_eq!(
        split.items,
        [SplitItem {
            order_item_id: uuid("9ec8e34f-830b-432b-bc7a-6793b69f97c6"),
            quantity: 1
        }]
    );
    assert_eq!(split.validate().map_err(|e| e.to_string()), Ok(()));

    let cancel: DeliveryCancelRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_delivery_cancel_request.json"
    ));
    assert_eq!(cancel.order_id, split.order_id);
    assert_eq!(cancel.shipment_code, "PZ98214690189");
}

#[test]
fn orders_labor_costs_request_sample_decodes() {
    let request: LaborCostRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_labor_costs_request.json"
    ));
    assert_eq!(
        request.items,
        [LaborCostItem {
            order_item_id: uuid("7caa8b89-894f-4ce5-9175-47c496e17657"),
            labor_cost: 10,
            process_count: 0,
        }]
    );
}

#[test]
fn orders_bulk_status_update_request_sample_decodes() {
    // The PDF writes `"orderNumber": 236730742örnek` ("örnek" = example).
    let request: BulkStatusUpdateRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/orders_bulk_status_update_request_example_marker_removed_from_number.json"
    ));
    assert_eq!(request.order_number, 236730742);
    assert_eq!(
        request.order_item_ids,
        [uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    );
    let dto = &request.update_shipment_dto;
    assert_eq!(
        dto.cargo_company_id,
        Some(uuid("8eb9aeb7-fd11-425b-9930-08d8e48cc18f"))
    );
    assert_eq!(dto.delivery_type, Some(DeliveryType::Cargo));
    assert_eq!(dto.shipment_number.as_deref(), Some("PZörnek"));
    assert_eq!(
        dto.shipping_tracking_number.as_deref(),
        Some("604164846124örnek")
    );
    assert_eq!(dto.status, OrderItemStatus::Shipped);
    assert_eq!(dto.sub_status, Some(0));
    assert_eq!(request.validate().map_err(|e| e.to_string()), Ok(()));
}

#[test]
fn write_answer_samples_decode_as_success() {
    // updateOrderStatus: `data: null`, no `fromCache`.
    let status: Envelope<Value> = envelope(include_str!(
        "fixtures/doc_samples/orders_update_status_response.json"
    ));
    assert!(status.success);
    assert_eq!(status.from_cache, None);
    assert_eq!(status.into_data().unwrap(), None);

    let invoice: Envelope<Value> = envelope(include_str!(
        "fixtures/doc_samples/orders_invoice_link_response.json"
    ));
    assert_eq!(invoice.message_code.as_deref(), Some("ORD0"));
    assert_eq!(invoice.from_cache, Some(false));
    assert_eq!(invoice.into_data().unwrap(), None);

    // The swagger-style placeholders of sections 3.28, 3.31 and 3.33.
    for body in [
        include_str!("fixtures/doc_samples/orders_labor_costs_response.json"),
        include_str!("fixtures/doc_samples/refunds_revision_response.json"),
    ] {
        let answer: Envelope<Value> = envelope(body);
        assert_eq!(answer.message_code.as_deref(), Some("string"));
        assert_eq!(answer.user_message.as_deref(), Some("string"));
        assert_eq!(answer.from_cache, Some(true));
        assert_eq!(answer.into_data().unwrap(), None);
    }
    let bulk: Envelope<Value> = envelope(include_str!(
        "fixtures/doc_samples/orders_bulk_status_update_response.json"
    ));
    assert_eq!(bulk.into_data().unwrap(), Some(Value::from("string")));
}

// ---------------------------------------------------------------------------------------
// Refunds and cancellations
// ---------------------------------------------------------------------------------------

#[test]
fn refunds_get_refund_request_samples_decode() {
    // `"refu ndStatus"` in the PDF.
    let (query, back) = request::<RefundQuery>(include_str!(
        "fixtures/doc_samples/refunds_get_refund_request_spacing_fixed.json"
    ));
    assert_eq!((query.page_size, query.page_number), (Some(10), Some(1)));
    assert_eq!(query.refund_status, Some(RefundStatus::Pending));
    assert_eq!(query.split_items, None);
    assert_eq!(
        query.request_start_date,
        Some(at("2021-10-01T00:00:00+03:00"))
    );
    assert_eq!(
        query.request_end_date,
        Some(at("2021-10-08T00:00:00+03:00"))
    );
    assert_eq!(back["requestEndDate"], "2021-10-08T00:00");

    // Section 3.25, with `SplitItems` spelled as the document spells it.
    let (split, back) = request::<RefundQuery>(include_str!(
        "fixtures/doc_samples/refunds_get_refund_split_items_request_spacing_fixed.json"
    ));
    assert_eq!(split.split_items, Some(true));
    assert_eq!(split.refund_status, Some(RefundStatus::Pending));
    assert_eq!(back["SplitItems"], true);
}

#[test]
fn refunds_update_refund_approve_and_reject_request_samples_decode() {
    // `"refu ndId"` and `"…3a4c1129e66 2"` in the PDF.
    let approve: UpdateRefundRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/refunds_update_refund_approve_request_spacing_fixed.json"
    ));
    let refund_id = uuid("ef2affaf-fdfc-4128-b5bc-3a4c1129e662");
    assert_eq!(approve, UpdateRefundRequest::approve(refund_id));

    // Section 3.18 capitalises `RefundRejectType`; section 3.29 writes `refundRejectType`.
    // Both are read; the client sends the camelCase spelling.
    let body = include_str!(
        "fixtures/doc_samples/refunds_update_refund_reject_request_spacing_fixed.json"
    );
    let reject: UpdateRefundRequest = decode(body.as_bytes()).unwrap();
    assert_eq!(reject.refund_id, refund_id);
    assert_eq!(reject.status, RefundStatus::RejectedBySeller);
    assert_eq!(
        reject.refund_reject_type,
        Some(RefundRejectType::NotMyProduct)
    );
    let back = serde_json::to_value(&reject).unwrap();
    assert_eq!(
        back,
        serde_json::json!({
            "refundId": "ef2affaf-fdfc-4128-b5bc-3a4c1129e662",
            "status": 3,
            "refundRejectType": 1
        })
    );
}

#[test]
fn refunds_revision_request_sample_decodes() {
    // The sample's `"bytes": "string"` is unpadded base64 (4 bytes); it is read as such.
    let (request, back) = request::<RefundRevisionRequest>(include_str!(
        "fixtures/doc_samples/refunds_revision_request.json"
    ));
    assert_eq!(
        request.refund_id,
        uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6")
    );
    assert_eq!(request.description, "string");
    assert_eq!(request.document_objects.len(), 1);
    assert_eq!(request.document_objects[0].name, "string");
    assert_eq!(request.document_objects[0].bytes, [0xb2, 0xda, 0xe2, 0x9e]);
    // Sent back padded.
    assert_eq!(back["documentObjects"][0]["bytes"], "string==");
    assert_eq!(request.validate().map_err(|e| e.to_string()), Ok(()));
}

#[test]
fn cancellations_request_samples_decode() {
    let update: CancelUpdateRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/cancellations_update_request.json"
    ));
    assert_eq!(
        update,
        CancelUpdateRequest::reject(uuid("59eff35d-b399-407d-bc0e-62821ce9f623"))
    );

    let (query, back) = request::<RefundQuery>(include_str!(
        "fixtures/doc_samples/cancellations_items_request.json"
    ));
    assert_eq!((query.page_size, query.page_number), (Some(10), Some(1)));
    assert_eq!((query.refund_status, query.order_number), (None, None));
    assert_eq!(
        query.request_start_date,
        Some(at("2024-02-20T00:00:00+03:00"))
    );
    assert_eq!(
        query.request_end_date,
        Some(at("2024-03-02T00:00:00+03:00"))
    );
    assert_eq!(back["requestStartDate"], "2024-02-20T00:00");
}

// ---------------------------------------------------------------------------------------
// Finance, questions, products
// ---------------------------------------------------------------------------------------

#[test]
fn finance_payment_agreement_request_sample_decodes() {
    let query: PaymentAgreementQuery = request_unchanged(include_str!(
        "fixtures/doc_samples/finance_payment_agreement_request.json"
    ));
    assert_eq!(query.start_date, at("2023-01-01T00:00:01.768Z"));
    assert_eq!(query.end_date, at("2023-01-02T23:59:59.768Z"));
    assert_eq!((query.allowance_date, query.order_id), (None, None));
}

#[test]
fn questions_answer_and_search_request_samples_decode() {
    let answer: AnswerRequest = request_unchanged(include_str!(
        "fixtures/doc_samples/questions_answer_request.json"
    ));
    assert_eq!(
        answer.question_id,
        uuid("56643287-ad2c-40be-9088-08dc076bf0d7")
    );
    assert!(answer.text.starts_with("Merhaba, Evet efendim"));

    let search: QuestionSearchQuery = request_unchanged(include_str!(
        "fixtures/doc_samples/questions_search_request.json"
    ));
    assert_eq!(
        search,
        QuestionSearchQuery {
            page_index: Some(1),
            page_size: Some(10),
            ..QuestionSearchQuery::default()
        }
    );
    // The client sends the unset filters as `null`, as the sample does.
    let sent = serde_json::to_value(&search).unwrap();
    let sample: Value = serde_json::from_str(include_str!(
        "fixtures/doc_samples/questions_search_request.json"
    ))
    .unwrap();
    assert_eq!(sent, sample);
}

#[test]
fn products_create_commercial_fields_fragment_decodes_inside_the_create_sample() {
    // Section 3.30 shows only the two new fields of a `product/create` product; they are
    // put into the create sample's product and the whole body decoded.
    let mut body: Value =
        serde_json::from_str(include_str!("fixtures/products/create_request.json")).unwrap();
    let fragment: Value = serde_json::from_str(include_str!(
        "fixtures/doc_samples/products_create_commercial_fields_fragment_braces_added.json"
    ))
    .unwrap();
    let product = body["products"][0].as_object_mut().unwrap();
    for (key, value) in fragment.as_object().unwrap() {
        product.insert(key.clone(), value.clone());
    }
    let text = body.to_string();
    let (request, back) = request::<CreateProductsRequest>(&text);
    let product = &request.products[0];
    assert_eq!(
        product
            .product_commercial_additional_info
            .as_ref()
            .unwrap()
            .security_description
            .as_deref(),
        Some("string")
    );
    assert_eq!(
        product.product_commercials,
        [ProductCommercialRef {
            product_commercial_id: uuid::uuid!("3fa85f64-5717-4562-b3fc-2c963f66afa6")
        }]
    );
    assert_eq!(product.list_price, dec("10425.99"));
    assert_eq!(
        back["products"][0]["productCommercials"],
        fragment["productCommercials"]
    );
}

// ---------------------------------------------------------------------------------------
// All samples: nothing the document shows is dropped
// ---------------------------------------------------------------------------------------

/// Decode `body` as `T` and return the fields `T` has no place for.
fn ignored<T: DeserializeOwned>(name: &str, body: &str) -> Vec<String> {
    match decode_report::<T>(body.as_bytes()) {
        Ok(report) => report
            .ignored
            .into_iter()
            .map(|path| format!("{name}: {path}"))
            .collect(),
        Err(error) => vec![format!("{name}: does not decode: {error}")],
    }
}

macro_rules! sample {
    ($out:ident, $ty:ty, $file:literal) => {
        $out.extend(ignored::<$ty>(
            $file,
            include_str!(concat!("fixtures/", $file)),
        ))
    };
}

/// Every documented example — the area fixtures and the ones above — decodes into its
/// model with no field left over. (Not listed: the bodies of `getProductDetail` and
/// `external-status` and the listing-state answers decode into crate-private types —
/// `tests/product_list.rs`, `tests/catalog_ops.rs` and `tests/listing.rs` check them
/// through the client — and the §3.30 create fragment is checked inside the create sample
/// by its own test above.)
#[test]
fn every_documented_example_maps_every_field() {
    let mut out: Vec<String> = Vec::new();
    // Brands, categories, delivery, cities.
    sample!(out, Envelope<Vec<Brand>>, "catalog/brands.json");
    sample!(
        out,
        Envelope<Vec<Category>>,
        "categories/category_tree.json"
    );
    sample!(
        out,
        Envelope<CategoryWithAttributes>,
        "categories/category_with_attributes.json"
    );
    sample!(
        out,
        Envelope<SellerDelivery>,
        "categories/seller_delivery.json"
    );
    sample!(out, Envelope<Vec<City>>, "categories/cities.json");
    // Products.
    sample!(out, CreateProductsRequest, "products/create_request.json");
    sample!(
        out,
        Envelope<CreateProductsResult>,
        "products/create_response.json"
    );
    sample!(
        out,
        Envelope<ProductBatchResult>,
        "products/batch_result_done.json"
    );
    sample!(out, PriceUpdateRequest, "listing/price_update_request.json");
    sample!(out, Envelope<String>, "listing/price_update_response.json");
    sample!(out, StockUpdateRequest, "listing/stock_update_request.json");
    sample!(out, Envelope<String>, "listing/stock_update_response.json");
    sample!(
        out,
        Envelope<Vec<ProductSummary>>,
        "products/products_approved.json"
    );
    sample!(
        out,
        Envelope<Vec<ProductSummary>>,
        "products/products_not_approved.json"
    );
    sample!(out, Envelope<ProductDetail>, "products/product_detail.json");
    // Orders.
    sample!(
        out,
        OrderQuery,
        "doc_samples/orders_get_orders_request_by_number.json"
    );
    sample!(
        out,
        OrderQuery,
        "doc_samples/orders_get_orders_request_paging.json"
    );
    sample!(out, Envelope<Vec<Order>>, "orders/get_orders_for_api.json");
    sample!(
        out,
        UpdateOrderStatusRequest,
        "doc_samples/orders_update_status_shipped_request_closing_brace_added.json"
    );
    sample!(
        out,
        Envelope<Value>,
        "doc_samples/orders_update_status_response.json"
    );
    sample!(
        out,
        UpdateOrderStatusRequest,
        "doc_samples/orders_update_item_status_request_spacing_fixed.json"
    );
    sample!(
        out,
        UpdateOrderStatusListRequest,
        "doc_samples/orders_update_status_list_request.json"
    );
    sample!(
        out,
        InvoiceLinkRequest,
        "doc_samples/orders_invoice_link_order_request_spacing_and_comma_fixed.json"
    );
    sample!(
        out,
        InvoiceLinkRequest,
        "doc_samples/orders_invoice_link_package_request_spacing_and_comma_fixed.json"
    );
    sample!(
        out,
        InvoiceLinkRequest,
        "doc_samples/orders_invoice_link_item_request_spacing_and_commas_fixed.json"
    );
    sample!(
        out,
        Envelope<Value>,
        "doc_samples/orders_invoice_link_response.json"
    );
    sample!(
        out,
        OrderQuery,
        "doc_samples/orders_v2_request_by_number_spacing_fixed.json"
    );
    sample!(out, OrderQuery, "doc_samples/orders_v2_request_paging.json");
    sample!(
        out,
        DeliverySplitRequest,
        "doc_samples/orders_delivery_split_request.json"
    );
    sample!(
        out,
        DeliveryCancelRequest,
        "doc_samples/orders_delivery_cancel_request.json"
    );
    sample!(
        out,
        LaborCostRequest,
        "doc_samples/orders_labor_costs_request.json"
    );
    sample!(
        out,
        Envelope<Value>,
        "doc_samples/orders_labor_costs_response.json"
    );
    sample!(
        out,
        BulkStatusUpdateRequest,
        "doc_samples/orders_bulk_status_update_request_example_marker_removed_from_number.json"
    );
    sample!(
        out,
        Envelope<Value>,
        "doc_samples/orders_bulk_status_update_response.json"
    );
    // Refunds and cancellations.
    sample!(
        out,
        RefundQuery,
        "doc_samples/refunds_get_refund_request_spacing_fixed.json"
    );
    sample!(
        out,
        RefundQuery,
        "doc_samples/refunds_get_refund_split_items_request_spacing_fixed.json"
    );
    sample!(out, Envelope<RefundPage>, "refunds/get_refund.json");
    sample!(
        out,
        UpdateRefundRequest,
        "doc_samples/refunds_update_refund_approve_request_spacing_fixed.json"
    );
    sample!(
        out,
        UpdateRefundRequest,
        "doc_samples/refunds_update_refund_reject_request_spacing_fixed.json"
    );
    sample!(
        out,
        UpdateRefundRequest,
        "refunds/update_refund_review_request.json"
    );
    sample!(
        out,
        Envelope<RefundUpdateResult>,
        "refunds/update_refund_review.json"
    );
    sample!(
        out,
        RefundRevisionRequest,
        "doc_samples/refunds_revision_request.json"
    );
    sample!(
        out,
        Envelope<Value>,
        "doc_samples/refunds_revision_response.json"
    );
    sample!(
        out,
        CancelUpdateRequest,
        "doc_samples/cancellations_update_request.json"
    );
    sample!(
        out,
        Envelope<RefundUpdateResult>,
        "refunds/cancel_update.json"
    );
    sample!(
        out,
        RefundQuery,
        "doc_samples/cancellations_items_request.json"
    );
    sample!(out, Envelope<RefundPage>, "refunds/cancel_items.json");
    // Finance.
    sample!(
        out,
        PaymentAgreementQuery,
        "doc_samples/finance_payment_agreement_request.json"
    );
    sample!(
        out,
        Envelope<PaymentAgreement>,
        "finance/payment_agreement.json"
    );
    // Catalog, sale limits, VAT, sale status.
    sample!(
        out,
        CatalogSearchRequest,
        "catalog_ops/catalog_search_request.json"
    );
    sample!(
        out,
        Envelope<CatalogSearchResult>,
        "catalog_ops/catalog_search_response.json"
    );
    sample!(out, QuickAddRequest, "catalog_ops/quick_add_request.json");
    sample!(
        out,
        Envelope<QuickAddResult>,
        "catalog_ops/quick_add_response.json"
    );
    sample!(out, SaleLimitRequest, "catalog_ops/sale_limit_request.json");
    sample!(out, Envelope<bool>, "catalog_ops/sale_limit_response.json");
    sample!(
        out,
        VatRateUpdateRequest,
        "catalog_ops/vat_rate_request.json"
    );
    sample!(out, Envelope<bool>, "catalog_ops/vat_rate_response.json");
    sample!(
        out,
        Envelope<SaleStatusResult>,
        "catalog_ops/sale_status_response.json"
    );
    // Questions.
    sample!(
        out,
        Envelope<Vec<QuestionStatusEntry>>,
        "questions/statuses.json"
    );
    sample!(out, Envelope<Vec<QuestionTopic>>, "questions/topics.json");
    sample!(out, Envelope<QuestionList>, "questions/list.json");
    sample!(out, Envelope<Question>, "questions/by_id.json");
    sample!(
        out,
        AnswerRequest,
        "doc_samples/questions_answer_request.json"
    );
    sample!(out, Envelope<bool>, "questions/answer.json");
    sample!(
        out,
        QuestionSearchQuery,
        "doc_samples/questions_search_request.json"
    );
    sample!(out, Envelope<QuestionSearchPage>, "questions/search.json");
    // Product commercials (the PUT body is the same as the POST body).
    sample!(
        out,
        ProductCommercialUpdate,
        "commercials/upsert_product_commercial_request.json"
    );
    sample!(
        out,
        Envelope<CommercialTemplateList>,
        "commercials/templates_list_response.json"
    );
    sample!(
        out,
        CommercialTemplateRequest,
        "commercials/template_request.json"
    );
    sample!(
        out,
        Envelope<CommercialTemplateList>,
        "commercials/template_create_response.json"
    );
    assert!(
        out.is_empty(),
        "documented fields not decoded:\n{}",
        out.join("\n")
    );
}

/// Every date format the document shows decodes to the right instant: ISO with an offset,
/// ISO without one and `YYYY-MM-DD HH:MM` (Istanbul time), and Turkish month names.
#[test]
fn every_date_format_the_document_shows_decodes() {
    let batch: ProductBatchResult =
        envelope::<ProductBatchResult>(include_str!("fixtures/products/batch_result_done.json"))
            .into_required("batch")
            .unwrap();
    assert_eq!(
        batch.creation_date,
        Some(at("2024-01-26T12:25:15.043+03:00"))
    );
    let created: CreateProductsResult =
        envelope::<CreateProductsResult>(include_str!("fixtures/products/create_response.json"))
            .into_required("create")
            .unwrap();
    assert_eq!(
        created.creation_date,
        Some(at("2024-01-26T12:30:08.2638204+03:00"))
    );
    let orders: Vec<Order> =
        envelope::<Vec<Order>>(include_str!("fixtures/orders/get_orders_for_api.json"))
            .into_required("orders")
            .unwrap();
    assert_eq!(orders[0].order_date, Some(at("2023-01-25T15:22:00+03:00")));
    let cancels: RefundPage =
        envelope::<RefundPage>(include_str!("fixtures/refunds/cancel_items.json"))
            .into_required("cancel items")
            .unwrap();
    let cancel = &cancels.refund_list[0];
    assert_eq!(cancel.order_date, Some(at("2024-03-01T10:12:00+03:00")));
    assert_eq!(cancel.refund_date, Some(at("2024-03-01T10:21:00+03:00")));
    let refunds: RefundPage =
        envelope::<RefundPage>(include_str!("fixtures/refunds/get_refund.json"))
            .into_required("refunds")
            .unwrap();
    assert_eq!(
        refunds.refund_list[0].refund_date,
        Some(at("2021-10-06T19:46:00+03:00"))
    );
    let finance: PaymentAgreement =
        envelope::<PaymentAgreement>(include_str!("fixtures/finance/payment_agreement.json"))
            .into_required("finance")
            .unwrap();
    assert_eq!(
        finance.transaction_list[0].transferred_date,
        Some(at("2023-02-03T00:00:00+03:00"))
    );
    let question: Question = envelope::<Question>(include_str!("fixtures/questions/by_id.json"))
        .into_required("question")
        .unwrap();
    assert_eq!(
        question.question_date,
        Some(at("2023-12-28T09:12:16.333+03:00"))
    );
}
