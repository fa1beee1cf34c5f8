//! The shipment package model: documented samples, the April 2026 renames, tolerance.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marketplace_core::codec::{Id, decode};
use rust_decimal::Decimal;
use trendyol_sdk::model::orders::{PackageStatus, ShipmentPackage, ShipmentPackagesPage};

const V2_PAGE: &str = include_str!("fixtures/orders/shipment_packages_v2.json");
const LEGACY_WEBHOOK: &str = include_str!("fixtures/orders/webhook_package_legacy.json");

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn v2_sample_with_new_names_decodes() {
    let page: ShipmentPackagesPage = decode(V2_PAGE.as_bytes()).unwrap();
    assert_eq!(page.total_elements, Some(1));
    assert_eq!(page.total_pages, Some(1));
    let p = &page.content[0];
    assert_eq!(p.shipment_package_id, Id::from(3_330_111_111u64));
    assert_eq!(p.order_number.as_deref(), Some("10654411111"));
    assert_eq!(p.status, Some(PackageStatus::Delivered));
    assert_eq!(p.package_gross_amount, Some(dec("498.9")));
    assert_eq!(p.package_total_price, Some(dec("498.9")));
    assert_eq!(p.package_seller_discount, Some(dec("0.0")));
    assert_eq!(
        p.cargo_tracking_number.as_ref().unwrap().as_str(),
        "7280027504111111"
    );
    assert_eq!(p.shipment_number.as_ref().unwrap().as_str(), "606404425");
    assert_eq!(p.order_date.unwrap().timestamp_millis(), 1_762_253_333_685);
    assert_eq!(
        p.last_modified_date.unwrap().timestamp_millis(),
        1_762_865_408_581
    );
    assert_eq!(p.shipment_address.as_ref().unwrap().city_code, Some(34));
    assert_eq!(
        p.invoice_address.as_ref().unwrap().tax_office.as_deref(),
        Some("...")
    );
    assert_eq!(p.is_cod, Some(false));
    assert_eq!(p.warehouse_id, Some(372_389));
    assert!(p.origin_package_ids.is_empty());
    let l = &p.lines[0];
    assert_eq!(l.line_id, Id::from(4_765_111_111u64));
    assert_eq!(l.stock_code.as_deref(), Some("111111"));
    assert_eq!(l.content_id, Some(Id::from(1_239_111_111u64)));
    assert_eq!(l.seller_id, Some(2738));
    assert_eq!(l.line_gross_amount, Some(dec("498.9")));
    assert_eq!(l.line_unit_price, Some(dec("498.9")));
    assert_eq!(l.vat_rate, Some(dec("20.0")));
    assert_eq!(
        l.discount_details[0].line_item_seller_discount,
        Some(dec("0.0"))
    );
    assert_eq!(p.package_histories[0].status, Some(PackageStatus::Created));
}

#[test]
fn legacy_webhook_sample_with_old_names_decodes_into_the_same_fields() {
    let p: ShipmentPackage = decode(LEGACY_WEBHOOK.as_bytes()).unwrap();
    assert_eq!(p.shipment_package_id, Id::from(58_746_490u64));
    assert_eq!(p.package_gross_amount, Some(dec("1500.00")));
    assert_eq!(p.package_seller_discount, Some(dec("0.00")));
    assert_eq!(p.package_ty_discount, Some(dec("0.00")));
    assert_eq!(p.package_total_price, Some(dec("1500.00")));
    assert_eq!(p.identity_number.as_deref(), Some("11111111111"));
    assert_eq!(p.status, Some(PackageStatus::Invoiced));
    assert_eq!(p.three_p_by_trendyol, Some(false));
    assert_eq!(
        p.shipment_address
            .as_ref()
            .unwrap()
            .address_lines
            .as_ref()
            .unwrap()
            .address_line1
            .as_deref(),
        Some("xxx")
    );
    let l = &p.lines[0];
    assert_eq!(l.line_id, Id::from(7_392_373u64));
    assert_eq!(l.stock_code.as_deref(), Some("merchantSku"));
    assert_eq!(l.content_id, Some(Id::from(68_661_256u64)));
    assert_eq!(l.seller_id, Some(2738));
    assert_eq!(l.line_gross_amount, Some(dec("300.00")));
    assert_eq!(l.line_seller_discount, Some(dec("0.00")));
    assert_eq!(l.line_ty_discount, Some(dec("0.00")));
    assert_eq!(l.line_unit_price, Some(dec("300.00")));
    assert_eq!(l.vat_rate, Some(dec("18.00")));
    assert_eq!(l.discount_details.len(), 5);
    assert_eq!(
        l.discount_details[0].line_item_seller_discount,
        Some(dec("0.00"))
    );
    assert_eq!(
        l.fast_delivery_options[0].kind.as_deref(),
        Some("SameDayShipping")
    );
}

/// The same package written with the old and with the new names gives equal values.
#[test]
fn old_and_new_names_give_equal_values() {
    let old = r#"{"id": 1, "grossAmount": 10.5, "totalDiscount": 1, "totalTyDiscount": 2,
        "totalPrice": 7.5, "tcIdentityNumber": "123",
        "lines": [{"id": 9, "merchantSku": "SKU", "merchantId": 5, "amount": 10.5,
          "discount": 1, "tyDiscount": 2, "price": 10.5, "productCode": 77,
          "vatBaseAmount": 20, "discountDetails": [{"lineItemPrice": 10.5, "lineItemDiscount": 1}]}]}"#;
    let new = r#"{"shipmentPackageId": 1, "packageGrossAmount": 10.5, "packageSellerDiscount": 1,
        "packageTyDiscount": 2, "packageTotalPrice": 7.5, "identityNumber": "123",
        "lines": [{"lineId": 9, "stockCode": "SKU", "sellerId": 5, "lineGrossAmount": 10.5,
          "lineSellerDiscount": 1, "lineTyDiscount": 2, "lineUnitPrice": 10.5, "contentId": 77,
          "vatRate": 20, "discountDetails": [{"lineItemPrice": 10.5, "lineItemSellerDiscount": 1}]}]}"#;
    let a: ShipmentPackage = decode(old.as_bytes()).unwrap();
    let b: ShipmentPackage = decode(new.as_bytes()).unwrap();
    assert_eq!(a, b);
    assert_eq!(b.lines[0].stock_code.as_deref(), Some("SKU"));
}

/// During the transition a payload may carry both names: no "duplicate field" error, and
/// the new name wins.
#[test]
fn payload_with_both_names_decodes_and_the_new_name_wins() {
    let both = r#"{"id": 1, "shipmentPackageId": 2, "grossAmount": 1, "packageGrossAmount": 2,
        "lines": [{"id": 3, "lineId": 4, "merchantSku": "OLD", "stockCode": "NEW",
                   "price": 1, "lineUnitPrice": 2, "productCode": 5, "contentId": 6}]}"#;
    let p: ShipmentPackage = decode(both.as_bytes()).unwrap();
    assert_eq!(p.shipment_package_id, Id::from(2u64));
    assert_eq!(p.package_gross_amount, Some(dec("2")));
    let l = &p.lines[0];
    assert_eq!(l.line_id, Id::from(4u64));
    assert_eq!(l.stock_code.as_deref(), Some("NEW"));
    assert_eq!(l.line_unit_price, Some(dec("2")));
    assert_eq!(l.content_id, Some(Id::from(6u64)));
    // Old name only when the new one is null.
    let p: ShipmentPackage =
        decode(br#"{"shipmentPackageId": null, "id": 8, "lines": null}"#).unwrap();
    assert_eq!(p.shipment_package_id, Id::from(8u64));
}

#[test]
fn tricky_inputs() {
    // Huge tracking number kept exactly; numbers as strings; "" amounts; nulls; unknown status.
    let body =
        br#"{"shipmentPackageId": "3330111111", "cargoTrackingNumber": 72602420957047276000123,
        "packageGrossAmount": "498,90", "packageTotalPrice": "", "orderNumber": 10654411111,
        "status": "SomethingNew", "commercial": "false", "warehouseId": "372389",
        "originPackageIds": [1, "2"], "lines": [{"lineId": "4765", "quantity": "2"}],
        "packageHistories": null, "shipmentAddress": null, "brandNewField": {"x": 1}}"#;
    let p: ShipmentPackage = decode(body).unwrap();
    assert_eq!(p.shipment_package_id.as_str(), "3330111111");
    assert_eq!(
        p.cargo_tracking_number.as_ref().unwrap().as_str(),
        "72602420957047276000123"
    );
    assert_eq!(p.package_gross_amount, Some(dec("498.90")));
    assert_eq!(p.package_total_price, None);
    assert_eq!(p.order_number.as_deref(), Some("10654411111"));
    assert_eq!(p.status, Some(PackageStatus::Other("SomethingNew".into())));
    assert_eq!(p.commercial, Some(false));
    assert_eq!(p.warehouse_id, Some(372_389));
    assert_eq!(p.origin_package_ids, vec![Id::from(1u64), Id::from(2u64)]);
    assert_eq!(p.lines[0].quantity, Some(2));
    assert!(p.package_histories.is_empty());
    // Serializes with the new names and the tracking number unchanged, and round-trips.
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        json.contains(r#""cargoTrackingNumber":72602420957047276000123"#),
        "{json}"
    );
    assert!(
        json.contains(r#""shipmentPackageId":"3330111111""#),
        "{json}"
    );
    assert!(json.contains(r#""lineId":"4765""#), "{json}");
    let back: ShipmentPackage = decode(json.as_bytes()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn missing_package_id_is_a_decode_error_naming_the_place() {
    let err =
        decode::<ShipmentPackagesPage>(br#"{"content": [{"orderNumber": "1"}]}"#).unwrap_err();
    match err {
        trendyol_sdk::Error::Decode { path, .. } => {
            assert!(path.starts_with("content[0]"), "{path}");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn package_status_serde_and_from_str_agree() {
    for s in PackageStatus::KNOWN
        .iter()
        .cloned()
        .chain([PackageStatus::Other("X".into())])
    {
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<PackageStatus>(&json).unwrap(), s);
        assert_eq!(s.as_str().parse::<PackageStatus>().unwrap(), s);
    }
}
