//! Every JSON sample in Trendyol's documents decodes, as given, into this crate's models.
//!
//! Sources (in `../shared/api-docs/`): `trendyol-api.md` (fenced samples and the inline
//! JSON bodies of the prose), `trendyol-webhook-model.txt` (the webhook package) and
//! `trendyol-batch-request-result.txt` (five batch results). The fixtures are copied
//! character for character; where the document trims a sample (`…`, `...`, `<int64>`,
//! `{ "...": "same shape" }`, `//` comments) the test applies the smallest fix that makes
//! it JSON and says so next to it. Samples the crate already had as fixtures are reused.
//!
//! Response samples are decoded with `decode_report` and must leave no field unknown —
//! exactly what a client in strict drift mode checks. Request samples are decoded into the
//! request type, serialized again, and must produce the same field names.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::str::FromStr;

use marketplace_core::codec::{Id, decode, decode_report};
use marketplace_core::http::{DriftMode, ErrorParser};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use trendyol_sdk::error::TrendyolErrorParser;
use trendyol_sdk::model::batch::{
    BatchItemStatus, BatchRequestResult, BatchRequestType, BatchStatus,
};
use trendyol_sdk::model::claim::{
    ApproveClaimItems, ClaimIssueReason, ClaimItemStatus, ClaimPage, CreateClaim, CreatedClaim,
};
use trendyol_sdk::model::finance::{CargoInvoiceItem, FinancePage, FinancialRecord};
use trendyol_sdk::model::inventory::InventoryItem;
use trendyol_sdk::model::orders::{
    AlternativeDeliveryRequest, BoxInfoRequest, CargoProvider as OrderCargoProvider,
    ChangeCargoProviderRequest, ExtendDeliveryDateRequest, LaborCost, MultiSplitRequest,
    MultiSplitResponse, PackageStatus, QuantitySplitRequest, QuantitySplitResponse,
    ShipmentPackage, ShipmentPackagesPage, ShipmentPackagesStreamPage, SplitPackagesRequest,
    SplitRequest, SplitResponse, TestOrderResponse, TrackingDetailsRequest, UnsuppliedReason,
    UnsuppliedRequest, UpdatePackageStatusRequest, UpdateTrackingNumberRequest,
    UpdateWarehouseRequest,
};
use trendyol_sdk::model::product::{
    ApprovedProduct, ArchiveItem, BarcodeItem, BatchRequestId, Brand, BrandList, BuyboxRequest,
    CargoProvider, CategoryAttributes, CategoryTree, CreatedBrand, DeliveryInfoUpdateItem, Items,
    ProductBase, ProductCreateItem, ProductPage,
};
use trendyol_sdk::model::question::{AnswerRequest, AnswerResponse, QuestionPage};
use trendyol_sdk::model::sellers::{
    CommonLabelRequest, CommonLabels, DeleteInvoiceLinkRequest, InvoiceLinkRequest,
    SupplierAddresses,
};
use trendyol_sdk::model::webhooks::{
    CreateWebhookResponse, Webhook, WebhookAuthType, WebhookEventStatus, WebhookRequest,
    WebhookState,
};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

macro_rules! sample {
    ($file:literal) => {
        include_str!(concat!("fixtures/", $file))
    };
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn millis(dt: Option<chrono::DateTime<chrono::Utc>>) -> i64 {
    dt.unwrap().timestamp_millis()
}

/// Decode a response sample; the model must know every field in it (strict drift mode).
fn response<T: DeserializeOwned>(text: &str) -> T {
    let report = decode_report::<T>(text.as_bytes()).unwrap();
    assert!(
        report.ignored.is_empty(),
        "fields the model ignores: {:?}",
        report.ignored
    );
    report.value
}

/// Decode a request sample into its request type, serialize it again, and check that the
/// same (non-null) field names come out.
fn request<T: DeserializeOwned + Serialize>(text: &str) -> T {
    let value: T = response(text);
    let again = serde_json::to_value(&value).unwrap();
    let given: Value = serde_json::from_str(text).unwrap();
    assert_eq!(field_paths(&again), field_paths(&given), "{again}");
    value
}

/// `a`, `a.b`, `a[].c`, … of every non-null value.
fn field_paths(v: &Value) -> BTreeSet<String> {
    fn walk(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if child.is_null() {
                        continue;
                    }
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    out.insert(p.clone());
                    walk(child, &p, out);
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
    walk(v, "", &mut out);
    out
}

/// The document's sample is not JSON as given; apply the minimal textual fix (each `from`
/// must occur) and return the result.
fn fixed(text: &str, edits: &[(&str, &str)]) -> String {
    assert!(
        serde_json::from_str::<Value>(text).is_err(),
        "sample is valid JSON as given; no fix needed"
    );
    let mut out = text.to_owned();
    for (from, to) in edits {
        assert!(out.contains(from), "{from:?} not in the sample");
        out = out.replacen(from, to, 1);
    }
    out
}

// ---------------------------------------------------------------------------------------
// §1.7 error bodies
// ---------------------------------------------------------------------------------------

#[test]
fn errors_1_7_every_documented_error_body_yields_its_message() {
    let parser = TrendyolErrorParser::default();
    let json = Some("application/json");

    let p = parser.parse(
        400,
        json,
        sample!("doc_samples/errors_1_7_product.json").as_bytes(),
    );
    assert_eq!(p.message.as_deref(), Some("string"));

    // Trimmed with `...` as the errorCode / timestamp value: as given the parser still
    // answers (raw text as the message), and with `...` → `null` it reads the message.
    let legacy500 = sample!("doc_samples/errors_1_7_product_legacy_500.json");
    assert!(
        parser
            .parse(500, json, legacy500.as_bytes())
            .message
            .is_some()
    );
    let p = parser.parse(
        500,
        json,
        fixed(legacy500, &[(":...}", ":null}")]).as_bytes(),
    );
    assert_eq!(p.message.as_deref(), Some("Exception Occured"));

    let legacy400 = sample!("doc_samples/errors_1_7_product_legacy_400.json");
    let p = parser.parse(
        400,
        json,
        fixed(legacy400, &[(":...,", ":1620422483339,")]).as_bytes(),
    );
    assert!(p.message.is_some() || p.code.is_some(), "{p:?}");

    let p = parser.parse(
        404,
        json,
        sample!("doc_samples/errors_1_7_order.json").as_bytes(),
    );
    assert_eq!(p.message.as_deref(), Some("string"));

    // `<long>` placeholder → a number.
    let invoice = sample!("doc_samples/errors_1_7_invoice.json");
    let p = parser.parse(
        409,
        json,
        fixed(invoice, &[("<long>", "1678788898000")]).as_bytes(),
    );
    assert_eq!(p.message.as_deref(), Some("..."));
    assert_eq!(p.code.as_deref(), Some("CONFLICT"));

    let p = parser.parse(
        400,
        json,
        sample!("doc_samples/errors_1_7_common_label.json").as_bytes(),
    );
    assert_eq!(p.message.as_deref(), Some("..."));
}

// ---------------------------------------------------------------------------------------
// §2 orders (and the webhook model, which is the same package)
// ---------------------------------------------------------------------------------------

const V2_PAGE: &str = sample!("orders/shipment_packages_v2.json");
const WEBHOOK_PACKAGE: &str = sample!("orders/webhook_package_legacy.json");

#[test]
fn orders_2_1_shipment_packages_sample() {
    let page: ShipmentPackagesPage = response(V2_PAGE);
    assert_eq!(page.total_elements, Some(1));
    let p = &page.content[0];
    assert_eq!(p.shipment_package_id, Id::from(3_330_111_111u64));
    assert_eq!(p.shipment_package_status, Some(PackageStatus::Delivered));
    assert_eq!(p.package_total_price, Some(dec("498.9")));
    assert_eq!(
        p.cargo_tracking_number.as_ref().unwrap().as_str(),
        "7280027504111111"
    );
    assert_eq!(p.created_by.as_deref(), Some("order-creation"));
    assert!(p.origin_package_ids.is_empty());
    let line = &p.lines[0];
    assert_eq!(line.line_id, Id::from(4_765_111_111u64));
    assert_eq!(line.stock_code.as_deref(), Some("111111"));
    assert_eq!(line.content_id, Some(Id::from(1_239_111_111u64)));
    assert_eq!(line.vat_rate, Some(dec("20.0")));
    assert_eq!(line.discount_details[0].line_item_price, Some(dec("498.9")));
    assert_eq!(p.package_histories[0].status, Some(PackageStatus::Created));
}

#[test]
fn orders_2_2_stream_page_sample() {
    let given = sample!("doc_samples/orders_2_2_stream_page.json");
    // As given, `content` holds the placeholder `{ "...": "same as §2.1" }`, which is not a
    // package (no id): decoding fails and names the place.
    match decode::<ShipmentPackagesStreamPage>(given.as_bytes()) {
        Err(Error::Decode { path, .. }) => assert_eq!(path, "content[0]"),
        other => panic!("{other:?}"),
    }
    // Minimal fix: put the §2.1 package where the placeholder points.
    let package =
        serde_json::to_string(&serde_json::from_str::<Value>(V2_PAGE).unwrap()["content"][0])
            .unwrap();
    let text = given.replacen(r#"{ "...": "same as §2.1" }"#, &package, 1);
    let page: ShipmentPackagesStreamPage = response(&text);
    assert_eq!(page.has_more, Some(true));
    assert_eq!(
        page.next_cursor.as_deref(),
        Some("609ca79b-1fdf-4c4e-a814-498ce9c1c039")
    );
    assert_eq!(page.size, Some(50));
    assert_eq!(page.content[0].order_number.as_deref(), Some("10654411111"));
}

#[test]
fn webhook_model_package_sample_with_the_pre_2026_names() {
    // Minimal fix (already applied in the fixture): the `// CEE/GULF bölgesi için` comments
    // after `countyId`, `countyName`, `shortAddress`, `stateName` are removed.
    let p: ShipmentPackage = response(WEBHOOK_PACKAGE);
    assert_eq!(p.shipment_package_id, Id::from(58_746_490u64));
    assert_eq!(p.package_gross_amount, Some(dec("1500.00")));
    assert_eq!(p.package_total_price, Some(dec("1500.00")));
    assert_eq!(p.identity_number.as_deref(), Some("11111111111"));
    assert_eq!(p.three_p_by_trendyol, Some(false));
    assert_eq!(p.agreed_delivery_date_extendible, Some(false));
    assert_eq!(p.extended_agreed_delivery_date, None, "0 means not set");
    assert_eq!(p.agreed_delivery_extension_start_date, None);
    assert_eq!(p.agreed_delivery_extension_end_date, None);
    assert_eq!(p.group_deal, Some(false));
    let address = p.shipment_address.as_ref().unwrap();
    assert_eq!(address.county_name.as_deref(), Some("XXX"));
    assert_eq!(
        address
            .address_lines
            .as_ref()
            .unwrap()
            .address_line1
            .as_deref(),
        Some("xxx")
    );
    let line = &p.lines[0];
    assert_eq!(line.line_id, Id::from(7_392_373u64));
    assert_eq!(line.stock_code.as_deref(), Some("merchantSku"));
    assert_eq!(line.sku.as_deref(), Some("578419588"));
    assert_eq!(line.seller_id, Some(2738));
    assert_eq!(line.vat_rate, Some(dec("18.00")));
    assert_eq!(line.discount_details.len(), 5);
    assert_eq!(
        line.fast_delivery_options[0].kind.as_deref(),
        Some("SameDayShipping")
    );
    // The webhook body may also come wrapped in the page envelope.
    let wrapped = format!(
        r#"{{"totalElements":1,"totalPages":1,"page":0,"size":1,"content":[{WEBHOOK_PACKAGE}]}}"#
    );
    let page: ShipmentPackagesPage = response(&wrapped);
    assert_eq!(page.content[0], p);
}

#[test]
fn orders_2_3_update_status_request_samples() {
    let picking: UpdatePackageStatusRequest =
        request(sample!("doc_samples/orders_2_3_status_picking.json"));
    assert_eq!(picking.status, PackageStatus::Picking);
    assert_eq!(picking.lines[0].line_id, Id::from(123_456_789u64));
    assert_eq!(picking.lines[0].quantity, 3);
    assert_eq!(picking.params.invoice_number, None);
    let invoiced: UpdatePackageStatusRequest =
        request(sample!("doc_samples/orders_2_3_status_invoiced.json"));
    assert_eq!(invoiced.status, PackageStatus::Invoiced);
    assert_eq!(
        invoiced.params.invoice_number.as_deref(),
        Some("EME2018000025208")
    );
}

#[test]
fn orders_2_4_unsupplied_request_sample() {
    let r: UnsuppliedRequest = request(sample!("doc_samples/orders_2_4_unsupplied.json"));
    assert_eq!(r.reason_id, UnsuppliedReason::OutOfStock);
    assert_eq!(r.lines[0].line_id, Id::from(123_456u64));
}

#[test]
fn orders_2_5_tracking_request_samples() {
    let r: UpdateTrackingNumberRequest =
        request(sample!("doc_samples/orders_2_5_tracking_number.json"));
    assert_eq!(r.tracking_number, "string");
    let r: TrackingDetailsRequest =
        request(sample!("doc_samples/orders_2_5_tracking_details.json"));
    assert_eq!(r.provider_code, "DHLMP");
    assert_eq!(r.return_tracking_number.as_deref(), Some("137456971563"));
}

#[test]
fn orders_2_6_split_samples() {
    let r: SplitRequest = request(sample!("doc_samples/orders_2_6_split_request.json"));
    assert_eq!(r.order_line_ids, [Id::from(123_456_789u64)]);
    let r: MultiSplitRequest = request(sample!("doc_samples/orders_2_6_multi_split_request.json"));
    assert_eq!(r.split_groups.len(), 2);
    assert_eq!(r.split_groups[1].order_line_ids[2], Id::from(9u64));
    let r: QuantitySplitRequest = request(sample!(
        "doc_samples/orders_2_6_quantity_split_request.json"
    ));
    assert_eq!(r.quantity_split[0].quantities, [2, 2]);
    // Trimmed with `, ...` after the first package: dropped.
    let text = fixed(
        sample!("doc_samples/orders_2_6_split_packages_request.json"),
        &[("]}, ...]", "]}]")],
    );
    let r: SplitPackagesRequest = request(&text);
    assert_eq!(r.split_packages[0].package_details[0].quantities, 2);
    assert_eq!(
        r.split_packages[0].package_details[1].order_line_id,
        Id::from(123_456u64)
    );

    // The answers are shapes with placeholders (`<int64>`, `...`): filled with numbers.
    let text = fixed(
        sample!("doc_samples/orders_2_6_split_response.json"),
        &[("<int64>", "3330111112")],
    );
    let r: SplitResponse = response(&text);
    assert_eq!(r.new_package_id, Some(Id::from(3_330_111_112u64)));
    let text = fixed(
        sample!("doc_samples/orders_2_6_multi_split_response.json"),
        &[("...", "3330111113")],
    );
    let r: MultiSplitResponse = response(&text);
    assert_eq!(
        r.results[0].new_package_id,
        Some(Id::from(3_330_111_113u64))
    );
    let text = fixed(
        sample!("doc_samples/orders_2_6_quantity_split_response.json"),
        &[("...", "1,2")],
    );
    let r: QuantitySplitResponse = response(&text);
    assert_eq!(r.new_package_ids, [Id::from(1u64), Id::from(2u64)]);
}

#[test]
fn orders_2_7_to_2_13_write_request_samples() {
    let r: ChangeCargoProviderRequest =
        request(sample!("doc_samples/orders_2_7_cargo_provider.json"));
    assert_eq!(r.cargo_provider, OrderCargoProvider::Aras);
    let r: BoxInfoRequest = request(sample!("doc_samples/orders_2_8_box_info.json"));
    assert_eq!((r.box_quantity, r.deci), (4, dec("4.4")));
    // `<int>` placeholder → a number.
    let text = fixed(
        sample!("doc_samples/orders_2_10_warehouse.json"),
        &[("<int>", "372389")],
    );
    let r: UpdateWarehouseRequest = request(&text);
    assert_eq!(r.warehouse_id, 372_389);
    let r: ExtendDeliveryDateRequest =
        request(sample!("doc_samples/orders_2_11_extend_delivery.json"));
    assert_eq!(r.extended_day_count, 1);
    // A bare array, trimmed with `, ...`: dropped.
    let text = fixed(
        sample!("doc_samples/orders_2_12_labor_costs.json"),
        &[("}, ...]", "}]")],
    );
    let r: Vec<LaborCost> = request(&text);
    assert_eq!(r[0].order_line_id, Id::from(3_653_527_482u64));
    assert_eq!(r[0].labor_cost_per_item, dec("32.12"));
    let r: AlternativeDeliveryRequest =
        request(sample!("doc_samples/orders_2_13_alternative_delivery.json"));
    assert!(!r.is_phone_number);
    assert_eq!(r.tracking_info, "http://tex....");
    assert_eq!((r.box_quantity, r.deci), (Some(1), Some(dec("1.4"))));
    let r: AlternativeDeliveryRequest = request(sample!(
        "doc_samples/orders_2_13_alternative_delivery_digital.json"
    ));
    assert!(r.is_phone_number);
    assert_eq!(r.params.digital_code.as_deref(), Some("AX4567fasdf"));
}

#[test]
fn orders_2_15_test_order_response_sample() {
    let r: TestOrderResponse =
        response(sample!("doc_samples/orders_2_15_test_order_response.json"));
    assert_eq!(r.order_number.as_deref(), Some("123456789"));
}

// ---------------------------------------------------------------------------------------
// §3 webhooks
// ---------------------------------------------------------------------------------------

#[test]
fn webhooks_3_samples() {
    let r: WebhookRequest = request(sample!("doc_samples/webhooks_3_create_request.json"));
    assert_eq!(r.url, "https://testwebhook.com");
    assert_eq!(r.authentication_type, WebhookAuthType::ApiKey);
    assert_eq!(r.username.as_deref(), Some("user"));
    assert_eq!(
        r.subscribed_statuses,
        [WebhookEventStatus::Created, WebhookEventStatus::Picking]
    );
    assert!(
        !format!("{r:?}").contains("123456"),
        "secrets stay redacted"
    );

    let r: CreateWebhookResponse = response(sample!("doc_samples/webhooks_3_create_response.json"));
    assert_eq!(r.id.as_deref(), Some("string"));

    let list: Vec<Webhook> = response(sample!("webhooks/list.json"));
    assert_eq!(
        list[0].id.as_deref(),
        Some("5297c986-6e09-4615-9f16-0deff65a0890")
    );
    assert_eq!(list[0].status, Some(WebhookState::Passive));
    assert_eq!(millis(list[0].last_modified_date), 1_734_010_262_454);
    assert_eq!(list[0].subscribed_statuses.len(), 5);
}

// ---------------------------------------------------------------------------------------
// §4 products
// ---------------------------------------------------------------------------------------

#[test]
fn products_4_1_reference_data_samples() {
    // Trimmed with `, ...`: dropped.
    let text = fixed(
        sample!("doc_samples/products_4_1_brands.json"),
        &[("}, ...]", "}]")],
    );
    let brands: BrandList = response(&text);
    assert_eq!(brands.brands[0].id, 10);
    assert_eq!(brands.brands[0].name, "TrendyolMilla");

    let by_name: Vec<Brand> = response(sample!("products/brands_by_name.json"));
    assert_eq!(by_name[0].name, "TRENDYOLMİLLA");

    let text = fixed(
        sample!("doc_samples/products_4_1_create_brand_response.json"),
        &[("<int64>", "187803")],
    );
    let created: CreatedBrand = response(&text);
    assert_eq!(created.brand_id, 187_803);

    let tree: CategoryTree = response(sample!("products/category_tree.json"));
    assert_eq!(tree.categories[0].id, 1162);
    assert_eq!(tree.leaves()[0].name, "Atkı");

    let attrs: CategoryAttributes =
        response(sample!("doc_samples/products_4_1_category_attributes.json"));
    assert_eq!(attrs.id, 14609);
    let a = &attrs.category_attributes[0];
    assert_eq!(a.attribute.id, 293);
    assert_eq!(a.attribute.name.as_deref(), Some("Beden"));
    assert_eq!(
        (a.required, a.varianter, a.slicer),
        (Some(true), Some(true), Some(false))
    );

    let text = fixed(
        sample!("doc_samples/products_4_1_cargo_providers.json"),
        &[("}, ...]", "}]")],
    );
    let providers: Vec<CargoProvider> = response(&text);
    assert_eq!(providers[1].code, "YKMP");
    assert_eq!(providers[1].name.as_deref(), Some("Yurtiçi Kargo"));
}

#[test]
fn products_4_2_create_request_sample() {
    let r: Items<ProductCreateItem> = request(sample!("products/create_request.json"));
    let item = &r.items[0];
    assert_eq!(item.barcode, "TestBarcode");
    assert_eq!(item.origin.as_deref(), Some("AD"));
    assert_eq!(
        item.delivery_option.as_ref().unwrap().delivery_duration,
        Some(0)
    );
    assert_eq!(item.attributes[0].attribute_value_id, Some(1));
    assert_eq!(
        item.attributes[1].custom_attribute_value.as_deref(),
        Some("String")
    );
    assert_eq!(item.cargo_providers, ["<cargo code>"]);
}

#[test]
fn products_4_3_delivery_info_item_sample() {
    let r: DeliveryInfoUpdateItem =
        request(sample!("doc_samples/products_4_3_delivery_info_item.json"));
    assert_eq!(r.delivery_options.delivery_duration, Some(0));
    assert_eq!(
        r.delivery_options.fast_delivery_type.as_deref(),
        Some("FAST_DELIVERY")
    );
}

#[test]
fn products_4_4_approved_sample() {
    let page: ProductPage<ApprovedProduct> =
        response(sample!("doc_samples/products_4_4_approved.json"));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("eyJzb3J0IjpbMTI3MTU4MTVdfQ==")
    );
    let p = &page.content[0];
    assert_eq!(p.content_id, Id::from(12_715_815u64));
    assert_eq!(p.brand.as_ref().unwrap().name.as_deref(), Some("GUEYA"));
    assert_eq!(p.attributes[0].attribute_value.as_deref(), Some("Kırmızı"));
    let v = &p.variants[0];
    assert_eq!(v.barcode, "12613876842A60");
    assert_eq!(v.channels, ["CORE", "LUXE"]);
    assert_eq!(v.stock.as_ref().unwrap().quantity, Some(0));
    assert_eq!(
        v.price.as_ref().unwrap().price_seen_by_customer,
        Some(dec("169"))
    );
    assert_eq!(v.commission, Some(dec("7.83")));
    assert_eq!(v.lock_reason, None);
    assert_eq!(millis(v.seller_created_date), 1_760_534_152_000);
}

#[test]
fn products_4_4_product_base_sample() {
    let b: ProductBase = response(sample!("products/product_base.json"));
    assert_eq!(b.barcode, "smoketest-250049");
    assert_eq!(b.approved, Some(true));
    assert_eq!(b.content_id, Some(Id::from(9_511_264u64)));
    assert_eq!(millis(b.approved_date), 1_763_622_556_000);
}

#[test]
fn batch_4_5_generic_schema_sample() {
    // The reference writes the enum choices as the value (`"IN_PROGRESS | COMPLETED"`):
    // kept as unknown values, which the poller does not treat as finished.
    let r: BatchRequestResult = response(sample!("doc_samples/batch_4_5_generic.json"));
    assert_eq!(
        r.status,
        Some(BatchStatus::Other("IN_PROGRESS | COMPLETED".into()))
    );
    assert_eq!(
        r.batch_request_type,
        Some(BatchRequestType::ProductV2OnBoarding)
    );
    let item = &r.items[0];
    assert_eq!(
        item.status,
        Some(BatchItemStatus::Other("SUCCESS | FAILED".into()))
    );
    assert_eq!(item.failure_reasons, ["string"]);
    let product = item.request_item.product.as_ref().unwrap();
    assert_eq!(
        product.attributes[0].custom_attribute_value.as_deref(),
        Some("string")
    );
    assert!(!r.is_finished());
}

#[test]
fn batch_result_samples_of_all_five_types() {
    let create: BatchRequestResult = response(sample!("batch/create.json"));
    assert_eq!(create.status, Some(BatchStatus::Completed));
    let product = create.items[0].request_item.product.as_ref().unwrap();
    assert_eq!(product.brand_id, Some(187_803));
    assert_eq!(
        product.attributes[1].custom_attribute_value.as_deref(),
        Some("White")
    );
    assert_eq!(product.attributes[0].attribute_value_id, Some(2904));

    let update: BatchRequestResult = response(sample!("batch/update.json"));
    assert_eq!(
        update.batch_request_type,
        Some(BatchRequestType::ProductV2Update)
    );
    assert_eq!(update.items[0].key(), "11111122222");

    // The reference's own copy (§4.5) of the stock & price sample is the same body.
    let stock: BatchRequestResult = response(sample!("batch/stock_price.json"));
    assert_eq!(stock.status, None);
    assert_eq!(stock.items[0].request_item.sale_price, Some(dec("100")));
    assert_eq!(
        millis(stock.items[0].request_item.update_request_date),
        1_746_704_227_950
    );
    assert!(stock.is_finished());

    let archive: BatchRequestResult = response(sample!("batch/archive.json"));
    assert_eq!(archive.source_type.as_deref(), Some("WEB"));
    assert_eq!(archive.items[0].request_item.archived, Some(true));
    assert_eq!(
        archive.items[0].batch_request_log_id.as_deref(),
        Some("1ebea453-6ed2-4638-8977-1713bb34845d")
    );

    let delete: BatchRequestResult = response(sample!("batch/delete.json"));
    assert_eq!(
        delete.batch_request_type,
        Some(BatchRequestType::ProductDeletion)
    );
    assert_eq!(delete.items[0].key(), "PMPGJ8X734OVJ69R88");
}

#[test]
fn products_4_6_request_samples() {
    let r: Items<ArchiveItem> = request(sample!("doc_samples/products_4_6_archive_request.json"));
    assert_eq!(r.items[0], ArchiveItem::archive("barkod-1234"));
    assert_eq!(r.items[1], ArchiveItem::unarchive("barkod-5678"));
    let r: Items<BarcodeItem> = request(sample!("doc_samples/products_4_6_delete_request.json"));
    assert_eq!(r.items[1].barcode, "test456");
    let r: Items<BarcodeItem> = request(sample!("doc_samples/products_4_6_unlock_request.json"));
    assert_eq!(r.items[0].barcode, "...");
    let r: BuyboxRequest = request(sample!("doc_samples/products_4_6_buybox_request.json"));
    assert_eq!(r.barcodes, ["..."]);
}

// ---------------------------------------------------------------------------------------
// §5 inventory
// ---------------------------------------------------------------------------------------

#[test]
fn inventory_5_samples() {
    let r: Items<InventoryItem> = request(sample!("doc_samples/inventory_5_request.json"));
    let item = &r.items[0];
    assert_eq!(item.barcode, "8680000000");
    assert_eq!(item.quantity, Some(100));
    assert_eq!(item.sale_price, Some(dec("112.85")));
    assert_eq!(item.list_price, Some(dec("113.85")));
    let r: BatchRequestId = response(sample!("doc_samples/inventory_5_response.json"));
    assert_eq!(
        r.batch_request_id,
        "fa75dfd5-6ce6-4730-a09e-97563500000-1529854840"
    );
}

// ---------------------------------------------------------------------------------------
// §6 sellers
// ---------------------------------------------------------------------------------------

#[test]
fn sellers_6_1_addresses_sample() {
    let given = sample!("doc_samples/sellers_6_1_addresses.json");
    // As given it decodes; the only fields the model does not know are the document's
    // `{ "...": "same shape" }` placeholders.
    let report = decode_report::<SupplierAddresses>(given.as_bytes()).unwrap();
    assert_eq!(
        report.ignored,
        ["defaultShipmentAddress....", "defaultInvoiceAddress...."]
    );
    let a = &report.value.supplier_addresses[0];
    assert_eq!(a.id, Some(Id::from(1u64)));
    assert_eq!(a.address_type.as_deref(), Some("Shipment"));
    assert_eq!(a.city.as_deref(), Some("Kocaeli"));
    assert_eq!(a.post_code.as_deref(), Some("post-code-0"));
    assert_eq!(
        (a.is_shipment_address, a.is_default),
        (Some(true), Some(true))
    );
    assert_eq!(
        report
            .value
            .default_returning_address
            .as_ref()
            .unwrap()
            .present,
        Some(true)
    );
    // Minimal fix: the placeholders become the address they stand for; then nothing is unknown.
    let address = serde_json::to_string(
        &serde_json::from_str::<Value>(given).unwrap()["supplierAddresses"][0],
    )
    .unwrap();
    let text = given.replace(r#"{ "...": "same shape" }"#, &address);
    let full: SupplierAddresses = response(&text);
    assert_eq!(full.default_shipment_address.as_ref(), Some(a));
}

#[test]
fn sellers_6_2_common_label_samples() {
    let r: CommonLabelRequest =
        request(sample!("doc_samples/sellers_6_2_common_label_request.json"));
    assert_eq!(r.format, "ZPL");
    assert_eq!(r.box_quantity, Some(5));
    assert_eq!(r.volumetric_height, Some(dec("3.5")));
    let r: CommonLabels = response(sample!(
        "doc_samples/sellers_6_2_common_label_response.json"
    ));
    assert_eq!(r.data[0].label.as_deref(), Some("^XA.......^XZ"));
    assert_eq!(r.data[0].format.as_deref(), Some("ZPL"));
}

#[test]
fn sellers_6_3_invoice_link_request_samples() {
    let r: InvoiceLinkRequest =
        request(sample!("doc_samples/sellers_6_3_invoice_link_request.json"));
    assert_eq!(r.shipment_package_id, Id::from(435_346u64));
    assert_eq!(r.invoice_date_time, Some(1_678_788_898));
    assert_eq!(r.invoice_number.as_deref(), Some("TY42024567890123"));
    let r: DeleteInvoiceLinkRequest = request(sample!(
        "doc_samples/sellers_6_3_delete_invoice_link_request.json"
    ));
    assert_eq!(r, DeleteInvoiceLinkRequest::new(88_787u64, 888_888_888u64));
}

// ---------------------------------------------------------------------------------------
// §7 claims
// ---------------------------------------------------------------------------------------

#[test]
fn claims_7_1_claims_sample() {
    let page: ClaimPage = response(sample!("doc_samples/claims_7_1_claims.json"));
    assert_eq!(page.total_elements, Some(2099));
    let c = &page.content[0];
    assert_eq!(
        c.claim_id.as_deref(),
        Some("f9da2317-876b-4b86-b8f7-0535c3b65731")
    );
    // Larger than u64: kept digit for digit and sent back unchanged.
    let tracking = c.cargo_tracking_number.as_ref().unwrap();
    assert_eq!(tracking.as_str(), "72602420957047276000");
    assert_eq!(
        serde_json::to_string(tracking).unwrap(),
        "72602420957047276000"
    );
    assert_eq!(
        c.cargo_sender_number.as_ref().unwrap().as_str(),
        "8106459254413"
    );
    assert_eq!(
        c.rejected_package_info.as_ref().unwrap().dont_ship_back,
        Some(false)
    );
    assert_eq!(
        c.replacement_outbound_package_info.as_ref().unwrap().items,
        ["b71461e3-..."]
    );
    let line = &c.items[0];
    assert_eq!(line.order_line.merchant_sku.as_deref(), Some("2083667"));
    assert_eq!(line.order_line.price, Some(dec("12.95")));
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
    assert_eq!(c.order_outbound_package_id, Some(Id::from(58_835_111u64)));
}

#[test]
fn claims_7_2_to_7_5_samples() {
    let text = fixed(
        sample!("doc_samples/claims_7_2_issue_reasons.json"),
        &[("}, ...]", "}]")],
    );
    let reasons: Vec<ClaimIssueReason> = response(&text);
    assert_eq!(reasons[0].id, 1651);

    let r: ApproveClaimItems = request(sample!("doc_samples/claims_7_3_approve_request.json"));
    assert_eq!(
        r.claim_line_item_id_list,
        ["f9da2317-876b-4b86-b8f7-0535c3b65731"]
    );
    assert!(r.params.is_empty());
    // `params: {}` is a field name too; it round-trips.
    assert!(
        serde_json::to_string(&r)
            .unwrap()
            .contains(r#""params":{}"#)
    );

    let r: CreateClaim = request(sample!("doc_samples/claims_7_5_create_claim_request.json"));
    assert_eq!(r.claim_items[0].reason_id, 401);
    assert_eq!(r.customer_id, Some(888_888_888));
    assert_eq!(r.shipment_company_id, Some(4));
    assert_eq!(
        (r.exclude_listing, r.force_package_creation),
        (Some(true), Some(true))
    );

    let r: CreatedClaim = response(sample!("doc_samples/claims_7_5_create_claim_response.json"));
    assert_eq!(r.claim_id, "string");
    assert_eq!(
        r.cargo_tracking_number.as_ref().unwrap().as_str(),
        "733xxxxxxx"
    );
    assert_eq!(r.claim_item_ids, ["string"]);
}

// ---------------------------------------------------------------------------------------
// §8 questions
// ---------------------------------------------------------------------------------------

#[test]
fn questions_8_samples() {
    let page: QuestionPage = response(sample!("questions/filter.json"));
    assert_eq!(
        (page.page, page.size, page.total_elements),
        (Some(10), Some(2), Some(864))
    );
    let q = &page.content[0];
    assert_eq!(q.id, Id::from(0u64));
    assert_eq!(q.public, Some(true));
    assert_eq!(q.answer.as_ref().unwrap().has_private_info, Some(true));
    assert_eq!(
        q.rejected_answer.as_ref().unwrap().reason.as_deref(),
        Some("string")
    );

    let r: AnswerRequest = request(sample!("doc_samples/questions_8_3_answer_request.json"));
    assert_eq!(r.text, "...");
    let guide = sample!("doc_samples/questions_8_3_answer_response_guide.json");
    let r = AnswerResponse::from_body(guide.as_bytes()).unwrap();
    assert_eq!(r.answer_id(), Some(&Id::from(0u64)));
    // The reference documents a plain JSON string; the fixture is that string as JSON.
    let reference = sample!("doc_samples/questions_8_3_answer_response_ref.json");
    let r = AnswerResponse::from_body(reference.as_bytes()).unwrap();
    assert_eq!(
        r,
        AnswerResponse::Message("Cevabınız başarıyla kaydedilmiştir.".into())
    );
}

// ---------------------------------------------------------------------------------------
// §9 finance
// ---------------------------------------------------------------------------------------

#[test]
fn finance_9_samples() {
    let page: FinancePage<FinancialRecord> = response(sample!("finance/settlements.json"));
    assert_eq!(page.total_elements, Some(438_974));
    let r = &page.content[0];
    assert_eq!(r.id, Id::from("725041340"));
    assert_eq!(r.transaction_type.as_deref(), Some("Satış"));
    assert_eq!(r.credit, Some(dec("449.99")));
    assert_eq!(r.commission_amount, Some(dec("67.4985")));
    assert_eq!(r.commission_invoice_serial_number, None);
    assert_eq!(r.shipment_package_id, Some(Id::from(1_111_111_111u64)));
    assert_eq!(r.affiliate.as_deref(), Some("TRENDYOLTR"));

    let page: FinancePage<CargoInvoiceItem> = response(sample!("finance/cargo_invoice_items.json"));
    assert_eq!(page.content.len(), 2);
    assert_eq!(
        page.content[1].shipment_package_type.as_deref(),
        Some("İade Kargo Bedeli")
    );
    assert_eq!(
        page.content[0].parcel_unique_id.as_ref().unwrap().as_str(),
        "7260001151141191"
    );
    assert_eq!(page.content[0].amount, Some(dec("34.24")));
}

// ---------------------------------------------------------------------------------------
// Strict drift mode against the documented order samples
// ---------------------------------------------------------------------------------------

const V2_PATH: &str = "/integration/order/sellers/777/v2/orders";

fn strict_client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .drift_mode(DriftMode::Strict)
        .build()
        .unwrap()
}

#[tokio::test]
async fn strict_drift_mode_accepts_the_documented_get_shipment_packages_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_raw(V2_PAGE, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let page = strict_client(&server)
        .orders()
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(
        page.content[0].shipment_package_id,
        Id::from(3_330_111_111u64)
    );
}

#[tokio::test]
async fn strict_drift_mode_accepts_the_documented_package_with_pre_2026_names() {
    // The webhook-model package (old names plus the fields removed in April 2026) served as
    // a page: every field of it is in the model, so strict mode passes.
    let body = format!(
        r#"{{"totalElements":1,"totalPages":1,"page":0,"size":1,"content":[{WEBHOOK_PACKAGE}]}}"#
    );
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let page = strict_client(&server)
        .orders()
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(page.content[0].lines[0].sku.as_deref(), Some("578419588"));
}

#[tokio::test]
async fn strict_drift_mode_names_a_field_the_model_does_not_know() {
    let body = V2_PAGE.replacen(
        r#""shipmentNumber": 606404425"#,
        r#""shipmentNumber": 606404425, "brandNewField": {"x": 1}"#,
        1,
    );
    assert_ne!(body, V2_PAGE);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    match strict_client(&server)
        .orders()
        .list(&Default::default())
        .await
    {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "content[0].brandNewField");
            assert!(message.contains("strict"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
