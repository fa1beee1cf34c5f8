//! Orders over HTTP against wiremock on 127.0.0.1: every package write, the address
//! lookups and the stage-only test helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marketplace_core::codec::Id;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use trendyol_sdk::model::orders::{
    AlternativeDeliveryParams, AlternativeDeliveryRequest, BoxInfoRequest, CargoProvider,
    LaborCost, LineQuantity, MultiSplitRequest, PackageDetail, PackageStatus, QuantitySplit,
    QuantitySplitRequest, SplitPackage, SplitPackagesRequest, SplitRequest, StatusParams,
    TestOrderLine, TestOrderRequest, TestPackageStatusRequest, TrackingDetailsRequest,
    UnsuppliedReason, UnsuppliedRequest, UpdatePackageStatusRequest, UpdateTrackingNumberRequest,
};
use trendyol_sdk::{Client, Environment, Error};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PKG: &str = "/integration/order/sellers/777/shipment-packages/3330111111";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

/// Expect exactly one `verb path` with this JSON body (or none), Basic auth and User-Agent.
async fn expect(
    server: &MockServer,
    verb: &str,
    p: &str,
    body: Option<Value>,
    reply: ResponseTemplate,
) {
    let mut mock = Mock::given(method(verb))
        .and(path(p))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"));
    if let Some(body) = body {
        mock = mock
            .and(body_json(body))
            .and(header("content-type", "application/json"));
    }
    mock.respond_with(reply).expect(1).mount(server).await;
}

fn ok_text() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string("200 OK")
}

/// A server on which any request fails the test.
async fn no_requests() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    server
}

fn field_of(err: Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other}"),
    }
}

#[tokio::test]
async fn update_status_picking_and_invoiced() {
    let server = MockServer::start().await;
    expect(
        &server,
        "PUT",
        PKG,
        Some(json!({"lines":[{"lineId":123456789,"quantity":3}],"params":{},"status":"Picking"})),
        ResponseTemplate::new(200),
    )
    .await;
    let c = client(&server);
    c.orders()
        .picking(3_330_111_111u64, vec![LineQuantity::new(123_456_789u64, 3)])
        .await
        .unwrap();
    server.reset().await;
    expect(
        &server,
        "PUT",
        PKG,
        Some(json!({"lines":[{"lineId":123456789,"quantity":3}],
                    "params":{"invoiceNumber":"EME2018000025208"},"status":"Invoiced"})),
        ResponseTemplate::new(200),
    )
    .await;
    c.orders()
        .invoiced(
            3_330_111_111u64,
            vec![LineQuantity::new(123_456_789u64, 3)],
            "EME2018000025208",
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn update_status_rules_are_checked_before_sending() {
    let server = no_requests().await;
    let c = client(&server);
    let lines = || vec![LineQuantity::new(1u64, 1)];
    let orders = c.orders();
    // Invoiced without an invoice number.
    let mut req = UpdatePackageStatusRequest::invoiced(lines(), "");
    assert_eq!(
        field_of(orders.update_status(1u64, &req).await.unwrap_err()),
        "params.invoiceNumber"
    );
    req.params = StatusParams::default();
    assert_eq!(
        field_of(orders.update_status(1u64, &req).await.unwrap_err()),
        "params.invoiceNumber"
    );
    // Picking with one.
    let mut req = UpdatePackageStatusRequest::picking(lines());
    req.params.invoice_number = Some("X".into());
    assert_eq!(
        field_of(orders.update_status(1u64, &req).await.unwrap_err()),
        "params.invoiceNumber"
    );
    // A status the seller cannot set.
    let mut req = UpdatePackageStatusRequest::picking(lines());
    req.status = PackageStatus::Shipped;
    assert_eq!(
        field_of(orders.update_status(1u64, &req).await.unwrap_err()),
        "status"
    );
    // No lines / zero quantity.
    assert_eq!(
        field_of(orders.picking(1u64, vec![]).await.unwrap_err()),
        "lines"
    );
    assert_eq!(
        field_of(
            orders
                .picking(1u64, vec![LineQuantity::new(1u64, 0)])
                .await
                .unwrap_err()
        ),
        "lines.quantity"
    );
}

#[tokio::test]
async fn unsupplied_with_reason_id() {
    let server = MockServer::start().await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/items/unsupplied"),
        Some(json!({"lines":[{"lineId":123456,"quantity":1}],"reasonId":500})),
        ResponseTemplate::new(200),
    )
    .await;
    let req = UnsuppliedRequest {
        lines: vec![LineQuantity::new(123_456u64, 1)],
        reason_id: UnsuppliedReason::OutOfStock,
    };
    client(&server)
        .orders()
        .unsupplied(3_330_111_111u64, &req)
        .await
        .unwrap();
    assert_eq!(UnsuppliedReason::from(506), UnsuppliedReason::ForceMajeure);
    assert_eq!(UnsuppliedReason::from(503), UnsuppliedReason::Unknown(503));
}

#[tokio::test]
async fn tracking_number_both_variants() {
    let server = MockServer::start().await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/update-tracking-number"),
        Some(json!({"trackingNumber":"7330000000000000000123"})),
        ResponseTemplate::new(200),
    )
    .await;
    Mock::given(method("PUT"))
        .and(path(format!("{PKG}/tracking-details")))
        .and(header("storefrontcode", "DE"))
        .and(body_json(
            json!({"cargoSenderNumber":"123","providerCode":"DHLMP",
                               "returnTrackingNumber":"137456971563"}),
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    c.orders()
        .update_tracking_number(
            3_330_111_111u64,
            &UpdateTrackingNumberRequest {
                tracking_number: "7330000000000000000123".into(),
            },
        )
        .await
        .unwrap();
    let details = TrackingDetailsRequest {
        cargo_sender_number: "123".into(),
        provider_code: "DHLMP".into(),
        return_tracking_number: Some("137456971563".into()),
    };
    c.orders()
        .update_tracking_details(3_330_111_111u64, "DE", &details)
        .await
        .unwrap();
    let none = no_requests().await;
    let c = client(&none);
    let empty = UpdateTrackingNumberRequest::default();
    assert_eq!(
        field_of(
            c.orders()
                .update_tracking_number(1u64, &empty)
                .await
                .unwrap_err()
        ),
        "trackingNumber"
    );
    assert_eq!(
        field_of(
            c.orders()
                .update_tracking_details(1u64, "", &details)
                .await
                .unwrap_err()
        ),
        "storeFrontCode"
    );
}

#[tokio::test]
async fn the_four_split_variants() {
    let server = MockServer::start().await;
    expect(
        &server,
        "POST",
        &format!("{PKG}/split"),
        Some(json!({"orderLineIds":[123456789]})),
        ResponseTemplate::new(200).set_body_json(json!({"newPackageId": 3330111112u64})),
    )
    .await;
    expect(
        &server,
        "POST",
        &format!("{PKG}/multi-split"),
        Some(json!({"splitGroups":[{"orderLineIds":[3,5,6]},{"orderLineIds":[7,8,9]}]})),
        ResponseTemplate::new(200)
            .set_body_json(json!({"results":[{"newPackageId":11},{"newPackageId":12}]})),
    )
    .await;
    expect(
        &server,
        "POST",
        &format!("{PKG}/quantity-split"),
        Some(json!({"quantitySplit":[{"orderLineId":1,"quantities":[2,2]}]})),
        ResponseTemplate::new(200).set_body_json(json!({"newPackageIds":[21,"22"]})),
    )
    .await;
    expect(
        &server,
        "POST",
        &format!("{PKG}/split-packages"),
        Some(json!({"splitPackages":[{"packageDetails":[
            {"orderLineId":12345,"quantities":2},{"orderLineId":123456,"quantities":1}]}]})),
        ResponseTemplate::new(200),
    )
    .await;
    let c = client(&server);
    let o = c.orders();
    let r = o
        .split(
            3_330_111_111u64,
            &SplitRequest {
                order_line_ids: vec![Id::from(123_456_789u64)],
            },
        )
        .await
        .unwrap();
    assert_eq!(r.new_package_id, Some(Id::from(3_330_111_112u64)));
    let group = |ids: [u64; 3]| SplitRequest {
        order_line_ids: ids.map(Id::from).to_vec(),
    };
    let r = o
        .multi_split(
            3_330_111_111u64,
            &MultiSplitRequest {
                split_groups: vec![group([3, 5, 6]), group([7, 8, 9])],
            },
        )
        .await
        .unwrap();
    assert_eq!(r.results[1].new_package_id, Some(Id::from(12u64)));
    let r = o
        .split_by_quantity(
            3_330_111_111u64,
            &QuantitySplitRequest {
                quantity_split: vec![QuantitySplit {
                    order_line_id: Id::from(1u64),
                    quantities: vec![2, 2],
                }],
            },
        )
        .await
        .unwrap();
    assert_eq!(r.new_package_ids, vec![Id::from(21u64), Id::from(22u64)]);
    let detail = |id: u64, q| PackageDetail {
        order_line_id: Id::from(id),
        quantities: q,
    };
    o.split_packages(
        3_330_111_111u64,
        &SplitPackagesRequest {
            split_packages: vec![SplitPackage {
                package_details: vec![detail(12345, 2), detail(123_456, 1)],
            }],
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn split_inputs_are_checked_before_sending() {
    let server = no_requests().await;
    let c = client(&server);
    let o = c.orders();
    assert_eq!(
        field_of(o.split(1u64, &SplitRequest::default()).await.unwrap_err()),
        "orderLineIds"
    );
    assert_eq!(
        field_of(
            o.multi_split(1u64, &MultiSplitRequest::default())
                .await
                .unwrap_err()
        ),
        "splitGroups"
    );
    let zero = QuantitySplitRequest {
        quantity_split: vec![QuantitySplit {
            order_line_id: Id::from(1u64),
            quantities: vec![2, 0],
        }],
    };
    assert_eq!(
        field_of(o.split_by_quantity(1u64, &zero).await.unwrap_err()),
        "quantitySplit.quantities"
    );
    assert_eq!(
        field_of(
            o.split_packages(1u64, &SplitPackagesRequest::default())
                .await
                .unwrap_err()
        ),
        "splitPackages"
    );
}

#[tokio::test]
async fn cargo_provider_box_info_service_warehouse_extension_labor_costs() {
    let server = MockServer::start().await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/cargo-providers"),
        Some(json!({"cargoProvider":"ARASMP"})),
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/box-info"),
        Some(json!({"boxQuantity":4,"deci":4.4})),
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/delivered-by-service"),
        None,
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/warehouse"),
        Some(json!({"warehouseId":372389})),
        ok_text(),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/extended-agreed-delivery-date"),
        Some(json!({"extendedDayCount":2})),
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/labor-costs"),
        Some(json!([{"orderLineId":3653527482u64,"laborCostPerItem":32.12}])),
        ResponseTemplate::new(200),
    )
    .await;
    let c = client(&server);
    let o = c.orders();
    let id = 3_330_111_111u64;
    o.change_cargo_provider(id, CargoProvider::Aras)
        .await
        .unwrap();
    o.update_box_info(
        id,
        &BoxInfoRequest {
            box_quantity: 4,
            deci: "4.4".parse().unwrap(),
        },
    )
    .await
    .unwrap();
    o.delivered_by_service(id).await.unwrap();
    o.update_warehouse(id, 372_389).await.unwrap();
    o.extend_agreed_delivery_date(id, 2).await.unwrap();
    o.update_labor_costs(
        id,
        &[LaborCost {
            order_line_id: Id::from(3_653_527_482u64),
            labor_cost_per_item: "32.12".parse().unwrap(),
        }],
    )
    .await
    .unwrap();

    let none = no_requests().await;
    let c = client(&none);
    let o = c.orders();
    assert_eq!(
        field_of(o.extend_agreed_delivery_date(id, 4).await.unwrap_err()),
        "extendedDayCount"
    );
    assert_eq!(
        field_of(o.extend_agreed_delivery_date(id, 0).await.unwrap_err()),
        "extendedDayCount"
    );
    assert_eq!(
        field_of(o.update_labor_costs(id, &[]).await.unwrap_err()),
        "laborCosts"
    );
    let negative = LaborCost {
        order_line_id: Id::from(1u64),
        labor_cost_per_item: Decimal::NEGATIVE_ONE,
    };
    assert_eq!(
        field_of(o.update_labor_costs(id, &[negative]).await.unwrap_err()),
        "laborCostPerItem"
    );
    assert_eq!(
        field_of(
            o.update_box_info(
                id,
                &BoxInfoRequest {
                    box_quantity: 0,
                    deci: Decimal::ONE
                }
            )
            .await
            .unwrap_err()
        ),
        "boxQuantity"
    );
}

#[tokio::test]
async fn alternative_delivery_plain_and_digital() {
    let server = MockServer::start().await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/alternative-delivery"),
        Some(
            json!({"isPhoneNumber":false,"trackingInfo":"http://tex.example/1","params":{},
                    "boxQuantity":1,"deci":1.4}),
        ),
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/alternative-delivery-digital"),
        Some(json!({"isPhoneNumber":true,"trackingInfo":"5555555555",
                    "params":{"digitalCode":"AX4567fasdf"}})),
        ResponseTemplate::new(200),
    )
    .await;
    let c = client(&server);
    let o = c.orders();
    let plain = AlternativeDeliveryRequest {
        is_phone_number: false,
        tracking_info: "http://tex.example/1".into(),
        params: AlternativeDeliveryParams::default(),
        box_quantity: Some(1),
        deci: Some("1.4".parse().unwrap()),
    };
    o.alternative_delivery(3_330_111_111u64, &plain)
        .await
        .unwrap();
    let digital = AlternativeDeliveryRequest {
        is_phone_number: true,
        tracking_info: "5555555555".into(),
        params: AlternativeDeliveryParams {
            digital_code: Some("AX4567fasdf".into()),
        },
        ..Default::default()
    };
    o.alternative_delivery_digital(3_330_111_111u64, &digital)
        .await
        .unwrap();

    let none = no_requests().await;
    let c = client(&none);
    let short = AlternativeDeliveryRequest {
        params: AlternativeDeliveryParams {
            digital_code: Some("12345".into()),
        },
        ..digital.clone()
    };
    assert_eq!(
        field_of(
            c.orders()
                .alternative_delivery_digital(1u64, &short)
                .await
                .unwrap_err()
        ),
        "params.digitalCode"
    );
    let empty = AlternativeDeliveryRequest::default();
    assert_eq!(
        field_of(
            c.orders()
                .alternative_delivery(1u64, &empty)
                .await
                .unwrap_err()
        ),
        "trackingInfo"
    );
}

#[tokio::test]
async fn manual_deliver_and_return_by_package_and_tracking_number() {
    let server = MockServer::start().await;
    let base = "/integration/order/sellers/777/shipment-packages";
    expect(
        &server,
        "PUT",
        &format!("{PKG}/manual-invoice-delivery"),
        None,
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{PKG}/manual-return"),
        None,
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{base}/manual-invoice-delivery-by-tracking-number/72602420957047276000123"),
        None,
        ResponseTemplate::new(200),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{base}/manual-return-by-tracking-number/72602420957047276000123"),
        None,
        ResponseTemplate::new(200),
    )
    .await;
    let c = client(&server);
    let o = c.orders();
    let ctn: Id = serde_json::from_str("72602420957047276000123").unwrap();
    o.manual_deliver(3_330_111_111u64).await.unwrap();
    o.manual_return(3_330_111_111u64).await.unwrap();
    o.manual_deliver_by_tracking_number(ctn.clone())
        .await
        .unwrap();
    o.manual_return_by_tracking_number(ctn).await.unwrap();
}

#[tokio::test]
async fn address_lookups() {
    let server = MockServer::start().await;
    let m = "/integration/member/countries";
    let list = json!([{"id": 100, "code": "1", "name": "Adana"}]);
    for p in [
        m.to_string(),
        format!("{m}/domestic/TR/cities"),
        format!("{m}/domestic/TR/cities/100/districts"),
        format!("{m}/domestic/TR/cities/100/districts/54/neighborhoods"),
        format!("{m}/domestic/AZ/cities"),
        format!("{m}/domestic/AZ/cities/7/districts"),
        format!("{m}/AE/cities"),
        format!("{m}/AE/cities/7/districts"),
    ] {
        expect(
            &server,
            "GET",
            &p,
            None,
            ResponseTemplate::new(200).set_body_json(&list),
        )
        .await;
    }
    let c = client(&server);
    let l = c.locations();
    let all = [
        l.countries().await.unwrap(),
        l.tr_cities().await.unwrap(),
        l.tr_districts(100).await.unwrap(),
        l.tr_neighborhoods(100, 54).await.unwrap(),
        l.az_cities().await.unwrap(),
        l.az_districts(7).await.unwrap(),
        l.cities("AE").await.unwrap(),
        l.districts("AE", 7).await.unwrap(),
    ];
    for got in all {
        assert_eq!(got[0].id, Some(100));
        assert_eq!(got[0].code.as_deref(), Some("1"));
        assert_eq!(got[0].name.as_deref(), Some("Adana"));
    }
}

fn test_order() -> TestOrderRequest {
    let mut req = TestOrderRequest::default();
    req.customer.customer_first_name = "John".into();
    req.customer.customer_last_name = "Doe".into();
    req.lines = vec![TestOrderLine {
        barcode: "9900000000486".into(),
        quantity: 2,
        discount_percentage: Some(Decimal::from(50)),
    }];
    req.seller.seller_id = 777;
    req.invoice_address.city = "İzmir".into();
    req.shipping_address.shipping_first_name = "John".into();
    req
}

#[tokio::test]
async fn stage_test_helpers_send_the_seller_id_header() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/test/order/orders/core"))
        .and(header("sellerid", "777"))
        .and(header("user-agent", "777 - SelfIntegration"))
        .and(wiremock::matchers::body_partial_json(json!({
            "customer": {"customerFirstName": "John", "customerLastName": "Doe"},
            "lines": [{"barcode": "9900000000486", "quantity": 2, "discountPercentage": 50}],
            "seller": {"sellerId": 777},
            "invoiceAddress": {"city": "İzmir"},
            "shippingAddress": {"shippingFirstName": "John"}
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"orderNumber": "123456789"})))
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "PUT",
        "/integration/test/order/sellers/777/shipment-packages/3330111111/status",
        Some(json!({"lines":[{"lineId":1,"quantity":1}],"params":{},"status":"Shipped"})),
        ok_text(),
    )
    .await;
    expect(
        &server,
        "PUT",
        "/integration/test/order/sellers/777/claims/waiting-in-action",
        Some(json!({"shipmentPackageId": 56526451})),
        ok_text(),
    )
    .await;
    let c = client(&server);
    let o = c.orders();
    let created = o.create_test_order(&test_order()).await.unwrap();
    assert_eq!(created.order_number.as_deref(), Some("123456789"));
    let status = TestPackageStatusRequest {
        lines: vec![LineQuantity::new(1u64, 1)],
        params: StatusParams::default(),
        status: PackageStatus::Shipped,
    };
    o.update_test_package_status(3_330_111_111u64, &status)
        .await
        .unwrap();
    o.test_claim_waiting_in_action(56_526_451u64).await.unwrap();
    let bad = TestPackageStatusRequest {
        status: PackageStatus::Picking,
        ..status
    };
    assert_eq!(
        field_of(o.update_test_package_status(1u64, &bad).await.unwrap_err()),
        "status"
    );
}

#[tokio::test]
async fn stage_test_helpers_are_refused_in_production_before_sending() {
    let prod = Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .environment(Environment::Production)
        .build()
        .unwrap();
    let o = prod.orders();
    assert_eq!(
        field_of(o.create_test_order(&test_order()).await.unwrap_err()),
        "environment"
    );
    let status = TestPackageStatusRequest {
        lines: vec![LineQuantity::new(1u64, 1)],
        params: StatusParams::default(),
        status: PackageStatus::Delivered,
    };
    assert_eq!(
        field_of(
            o.update_test_package_status(1u64, &status)
                .await
                .unwrap_err()
        ),
        "environment"
    );
    assert_eq!(
        field_of(o.test_claim_waiting_in_action(1u64).await.unwrap_err()),
        "environment"
    );
}
