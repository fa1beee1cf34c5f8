//! Orders against a mock Pazarama (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeDelta, Utc};
use futures::TryStreamExt;
use marketplace_core::paging::TimeWindow;
use pazarama_sdk::model::{DeliveryType, InvoiceType, OrderItemStatus, OrderQuery, PaymentType};
use pazarama_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{body_json, body_partial_json, header, method, path};
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

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[tokio::test]
async fn lists_one_order_by_number_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    // Fixture: the document's sample response; only `"phoneNumber" :"null ,` was fixed to `null`.
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(header("authorization", "Bearer tok"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "orderNumber": 735071747u64,
            "startDate": "2021-05-14T13:30",
            "endDate": "2021-05-24T17:30"
        })))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/orders/get_orders_for_api.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let query = OrderQuery {
        order_number: Some(735071747),
        ..OrderQuery::between(
            at("2021-05-14T13:30:00+03:00"),
            at("2021-05-24T17:30:00+03:00"),
        )
    };
    let orders = client(&server).await.orders().list(&query).await.unwrap();
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(
        o.order_id.to_string(),
        "d4fb5f23-6330-4eb0-a81c-35847560df86"
    );
    assert_eq!(o.order_number, 235795225);
    assert_eq!(o.order_date, Some(at("2023-01-25T15:22:00+03:00")));
    assert_eq!(o.order_amount, Some(dec("1.00")));
    assert_eq!(o.discount_amount, Some(dec("0.20")));
    assert_eq!(o.payment_type, Some(PaymentType::Card));
    assert_eq!(o.order_status, Some(OrderItemStatus::Received));
    let ship = o.shipment_address.as_ref().unwrap();
    assert_eq!(ship.city_name.as_deref(), Some("Kütahya"));
    assert_eq!(ship.phone_number.as_deref(), Some("054243029677"));
    let bill = o.billing_address.as_ref().unwrap();
    assert_eq!(bill.invoice_type, Some(InvoiceType::Individual));
    assert_eq!(bill.identity_number, None);
    assert_eq!(bill.is_e_invoice_obliged, Some(false));
    let item = &o.items[0];
    assert_eq!(
        item.order_item_id.to_string(),
        "5516bd97-5344-4d22-a346-0f263c0f51ca"
    );
    assert_eq!(item.order_item_status, OrderItemStatus::Received);
    assert_eq!(item.delivery_type, Some(DeliveryType::Cargo));
    assert_eq!(item.quantity, 1);
    let tax = item.tax_amount.as_ref().unwrap();
    assert_eq!(tax.value, dec("0.15"));
    assert_eq!(tax.value_int, Some(15));
    assert_eq!(tax.to_money().currency, "TRY");
    assert_eq!(item.total_price.as_ref().unwrap().value, dec("1.00"));
    assert_eq!(item.delivery_detail.as_ref().unwrap().phone_number, None);
    let cargo = item.cargo.as_ref().unwrap();
    assert_eq!(cargo.company_name.as_deref(), Some("PTT"));
    assert_eq!(cargo.tracking_number, None);
    let product = item.product.as_ref().unwrap();
    assert_eq!(product.code.as_deref(), Some("deneroyaldene-1"));
    assert_eq!(product.vat_rate, Some(dec("18")));
    assert!(product.image_url.as_deref().unwrap().ends_with(".png"));
}

#[tokio::test]
async fn lists_a_page_from_the_split_v2_service() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApiV2"))
        .and(body_json(json!({
            "pageSize": 500, "pageNumber": 1,
            "startDate": "2024-09-01T00:00", "endDate": "2024-09-30T00:00"
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": [{
                "orderId": "d4fb5f23-6330-4eb0-a81c-35847560df86",
                "orderNumber": "235795225",
                "orderStatus": "12",
                "sellerAddressId": "41883dc0-03c5-402a-3b09-08dcde201845",
                "items": [
                    {"orderItemId": "9ec8e34f-830b-432b-bc7a-6793b69f97c6", "orderItemStatus": 12, "quantity": "1"},
                    {"orderItemId": "9ec8e34f-830b-432b-bc7a-6793b69f97c7", "orderItemStatus": 77}
                ]
            }],
            "success": true
        })))
        .expect(1)
        .mount(&server)
        .await;
    let query = OrderQuery::between(
        at("2024-09-01T00:00:00+03:00"),
        at("2024-09-30T00:00:00+03:00"),
    )
    .page(1)
    .size(500);
    let orders = client(&server)
        .await
        .orders()
        .list_split(&query)
        .await
        .unwrap();
    let o = &orders[0];
    // Numbers as strings, missing optional fields, an unknown status code kept.
    assert_eq!(o.order_number, 235795225);
    assert_eq!(o.order_status, Some(OrderItemStatus::Preparing));
    assert_eq!(o.order_date, None);
    assert!(o.shipment_address.is_none());
    assert_eq!(o.items[0].quantity, 1);
    assert_eq!(o.items[1].order_item_status, OrderItemStatus::Unknown(77));
    assert_eq!(o.items[1].quantity, 1);
    assert!(o.seller_address_id.is_some());
}

#[tokio::test]
async fn a_range_over_one_month_or_inverted_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let too_long = OrderQuery::between(at("2024-02-01T00:00:00Z"), at("2024-03-01T00:01:00Z"));
    let inverted = OrderQuery::between(at("2024-02-10T00:00:00Z"), at("2024-02-01T00:00:00Z"));
    for q in [too_long, inverted] {
        match client.orders().list(&q).await.unwrap_err() {
            Error::InvalidInput { field, .. } => assert_eq!(field, "endDate"),
            other => panic!("{other:?}"),
        }
    }
    let zero_page = OrderQuery::by_number(1).page(0);
    assert!(matches!(
        client.orders().list(&zero_page).await,
        Err(Error::InvalidInput { field, .. }) if field == "pageNumber"
    ));
}

fn order(n: u32) -> serde_json::Value {
    json!({
        "orderId": format!("00000000-0000-0000-0000-{n:012}"),
        "orderNumber": 1000 + n,
        "items": []
    })
}

#[tokio::test]
async fn a_70_day_range_is_three_windows_and_every_order_comes_once() {
    let server = MockServer::start().await;
    // 28-day windows: [Jan 1, Jan 29), [Jan 29, Feb 26), [Feb 26, Mar 11), Istanbul time.
    let pages: [(&str, &str, u32, Vec<u32>); 6] = [
        ("2024-01-01T00:00", "2024-01-29T00:00", 1, vec![1, 2]),
        ("2024-01-01T00:00", "2024-01-29T00:00", 2, vec![3]),
        // Order 3 again across the window boundary, then 5 across the next page boundary.
        ("2024-01-29T00:00", "2024-02-26T00:00", 1, vec![3, 4]),
        ("2024-01-29T00:00", "2024-02-26T00:00", 2, vec![4, 5]),
        ("2024-01-29T00:00", "2024-02-26T00:00", 3, vec![]),
        ("2024-02-26T00:00", "2024-03-11T00:00", 1, vec![5, 6]),
    ];
    for (start, end, page, ids) in pages {
        Mock::given(method("POST"))
            .and(path("/order/getOrdersForApi"))
            .and(body_json(json!({
                "startDate": start, "endDate": end, "pageNumber": page, "pageSize": 2
            })))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "data": ids.into_iter().map(order).collect::<Vec<_>>(), "success": true
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    // Window 3, page 2: empty.
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApi"))
        .and(body_partial_json(
            json!({"startDate": "2024-02-26T00:00", "pageNumber": 2}),
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"data": [], "success": true})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let start = at("2024-01-01T00:00:00+03:00");
    let range = TimeWindow::new(start, start + TimeDelta::days(70));
    let numbers: Vec<u64> = client
        .orders()
        .stream_with(range, 2, false)
        .map_ok(|o| o.order_number)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(numbers, [1001, 1002, 1003, 1004, 1005, 1006]);
}

#[tokio::test]
async fn the_split_stream_uses_the_v2_service_and_stops_on_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/order/getOrdersForApiV2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": null, "success": false, "messageCode": "ORD9", "userMessage": "Hata"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let start = at("2024-01-01T00:00:00Z");
    let result: Result<Vec<_>, _> = client
        .orders()
        .stream_split(TimeWindow::new(start, start + TimeDelta::days(40)))
        .try_collect()
        .await;
    assert!(matches!(result, Err(Error::Api { code: Some(c), .. }) if c == "ORD9"));
}

mod status {
    use super::*;
    use pazarama_sdk::model::{
        BulkStatusUpdateRequest, ItemStatusUpdate, ShipmentUpdate, UpdateOrderStatusListRequest,
        UpdateOrderStatusRequest,
    };
    use uuid::Uuid;

    const ITEM: &str = "6b09a841-2fb1-4afb-bdc1-7078f95ba4c5";
    const CARGO: &str = "7b5567ff-abe7-487e-5c79-08d8e480366a";

    fn uuid(s: &str) -> Uuid {
        s.parse().unwrap()
    }

    fn ok_envelope() -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_json(json!({
            "data": null, "success": true, "messageCode": null, "message": null, "userMessage": null
        }))
    }

    async fn nothing_may_be_sent(server: &MockServer) {
        Mock::given(wiremock::matchers::any())
            .and(wiremock::matchers::path_regex("^/order"))
            .respond_with(ok_envelope())
            .expect(0)
            .mount(server)
            .await;
    }

    #[tokio::test]
    async fn ships_an_item_with_the_documented_body() {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path("/order/updateOrderStatus"))
            .and(header("authorization", "Bearer tok"))
            .and(body_json(json!({
                "orderNumber": 127063369,
                "item": {
                    "orderItemId": ITEM,
                    "status": 5,
                    "deliveryType": 1,
                    "shippingTrackingNumber": "1615598038857",
                    "trackingUrl": "https://www.yurticikargo.com/",
                    "cargoCompanyId": CARGO
                }
            })))
            .respond_with(ok_envelope())
            .expect(1)
            .mount(&server)
            .await;
        let update = ItemStatusUpdate::shipped(uuid(ITEM), uuid(CARGO), "1615598038857")
            .tracking_url("https://www.yurticikargo.com/");
        client(&server)
            .await
            .orders()
            .update_item_status(127063369, OrderItemStatus::Preparing, update)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn moves_an_item_to_preparing() {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path("/order/updateOrderStatus"))
            .and(body_json(json!({
                "orderNumber": 735071747,
                "item": {"orderItemId": "d6da388c-f465-4f9c-8800-afc9271b801b", "status": 12}
            })))
            .respond_with(ok_envelope())
            .expect(1)
            .mount(&server)
            .await;
        client(&server)
            .await
            .orders()
            .update_status(&UpdateOrderStatusRequest {
                order_number: 735071747,
                item: ItemStatusUpdate::new(
                    uuid("d6da388c-f465-4f9c-8800-afc9271b801b"),
                    OrderItemStatus::Preparing,
                ),
            })
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn an_illegal_move_is_refused_before_any_request() {
        let server = MockServer::start().await;
        nothing_may_be_sent(&server).await;
        let client = client(&server).await;
        let update = ItemStatusUpdate::shipped(uuid(ITEM), uuid(CARGO), "1");
        let err = client
            .orders()
            .update_item_status(1, OrderItemStatus::Received, update)
            .await
            .unwrap_err();
        match err {
            Error::InvalidTransition { entity, from, to } => {
                assert_eq!(entity, "order item");
                assert!(from.contains("(3)") && to.contains("(5)"), "{from} {to}");
            }
            other => panic!("{other:?}"),
        }
        // Buyer-only and terminal moves too.
        for (from, to) in [
            (OrderItemStatus::Received, OrderItemStatus::Cancelled),
            (OrderItemStatus::Delivered, OrderItemStatus::Preparing),
            (
                OrderItemStatus::CancellationRequested,
                OrderItemStatus::Preparing,
            ),
        ] {
            let r = client
                .orders()
                .update_item_status(1, from, ItemStatusUpdate::new(uuid(ITEM), to))
                .await;
            assert!(
                matches!(r, Err(Error::InvalidTransition { .. })),
                "{from:?}->{to:?}"
            );
        }
    }

    #[tokio::test]
    async fn shipping_without_tracking_fields_is_refused_before_any_request() {
        let server = MockServer::start().await;
        nothing_may_be_sent(&server).await;
        let client = client(&server).await;
        let no_tracking = ItemStatusUpdate {
            cargo_company_id: Some(uuid(CARGO)),
            ..ItemStatusUpdate::new(uuid(ITEM), OrderItemStatus::Shipped)
        };
        let no_cargo = ItemStatusUpdate {
            shipping_tracking_number: Some("123".into()),
            ..ItemStatusUpdate::new(uuid(ITEM), OrderItemStatus::Shipped)
        };
        let bad_url =
            ItemStatusUpdate::shipped(uuid(ITEM), uuid(CARGO), "1").tracking_url("yurtici");
        for (update, field) in [
            (no_tracking, "item.shippingTrackingNumber"),
            (no_cargo, "item.cargoCompanyId"),
            (bad_url, "item.trackingUrl"),
        ] {
            let r = client
                .orders()
                .update_item_status(1, OrderItemStatus::Preparing, update)
                .await;
            assert!(
                matches!(&r, Err(Error::InvalidInput { field: f, .. }) if f == field),
                "{r:?}"
            );
        }
        let r = client
            .orders()
            .update_status(&UpdateOrderStatusRequest {
                order_number: 1,
                item: ItemStatusUpdate::new(uuid(ITEM), OrderItemStatus::ReturnApproved),
            })
            .await;
        assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "item.status"));
    }

    #[tokio::test]
    async fn updates_a_whole_order() {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path("/order/updateOrderStatusList"))
            .and(body_json(json!({"orderNumber": 735071747, "status": 12})))
            .respond_with(ok_envelope())
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server).await;
        client
            .orders()
            .update_status_list(&UpdateOrderStatusListRequest {
                order_number: 735071747,
                status: OrderItemStatus::Preparing,
            })
            .await
            .unwrap();
        let r = client
            .orders()
            .update_status_list(&UpdateOrderStatusListRequest {
                order_number: 735071747,
                status: OrderItemStatus::Cancelled,
            })
            .await;
        assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "status"));
    }

    #[tokio::test]
    async fn bulk_updates_items_with_shared_shipment_data() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/order/api/bulk-status-update"))
            .and(body_json(json!({
                "orderNumber": 236730742,
                "orderItemIds": ["3fa85f64-5717-4562-b3fc-2c963f66afa6", ITEM],
                "updateShipmentDto": {
                    "cargoCompanyId": "8eb9aeb7-fd11-425b-9930-08d8e48cc18f",
                    "deliveryType": 1,
                    "shipmentNumber": "PZ1",
                    "shippingTrackingNumber": "604164846124",
                    "status": 5,
                    "subStatus": 0,
                    "trackingUrl": "https://www.araskargo.com.tr/#!/takip"
                }
            })))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true, "messageCode": "string", "message": "string",
                "userMessage": "string", "fromCache": true, "data": "string"
            })))
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server).await;
        client
            .orders()
            .bulk_status_update(&BulkStatusUpdateRequest {
                order_number: 236730742,
                order_item_ids: vec![uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6"), uuid(ITEM)],
                update_shipment_dto: ShipmentUpdate::shipped(
                    uuid("8eb9aeb7-fd11-425b-9930-08d8e48cc18f"),
                    "604164846124",
                )
                .shipment_number("PZ1")
                .tracking_url("https://www.araskargo.com.tr/#!/takip"),
            })
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn bulk_delivered_sends_nulls_and_bad_bulk_bodies_are_refused() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/order/api/bulk-status-update"))
            .and(body_json(json!({
                "orderNumber": 1,
                "orderItemIds": [ITEM],
                "updateShipmentDto": {
                    "cargoCompanyId": null, "deliveryType": null, "shipmentNumber": null,
                    "shippingTrackingNumber": null, "status": 11, "subStatus": null, "trackingUrl": null
                }
            })))
            .respond_with(ok_envelope())
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server).await;
        let delivered = BulkStatusUpdateRequest {
            order_number: 1,
            order_item_ids: vec![uuid(ITEM)],
            update_shipment_dto: ShipmentUpdate::status(OrderItemStatus::Delivered),
        };
        client
            .orders()
            .bulk_status_update(&delivered)
            .await
            .unwrap();

        let bad = [
            (
                BulkStatusUpdateRequest {
                    order_item_ids: vec![],
                    ..delivered.clone()
                },
                "orderItemIds",
            ),
            (
                BulkStatusUpdateRequest {
                    order_item_ids: vec![uuid(ITEM), uuid(ITEM)],
                    ..delivered.clone()
                },
                "orderItemIds",
            ),
            (
                BulkStatusUpdateRequest {
                    update_shipment_dto: ShipmentUpdate {
                        sub_status: Some(0),
                        ..ShipmentUpdate::status(OrderItemStatus::Delivered)
                    },
                    ..delivered.clone()
                },
                "updateShipmentDto",
            ),
            (
                BulkStatusUpdateRequest {
                    update_shipment_dto: ShipmentUpdate::status(OrderItemStatus::Shipped),
                    ..delivered.clone()
                },
                "updateShipmentDto.shippingTrackingNumber",
            ),
            (
                BulkStatusUpdateRequest {
                    update_shipment_dto: ShipmentUpdate::status(OrderItemStatus::Returned),
                    ..delivered.clone()
                },
                "updateShipmentDto.status",
            ),
        ];
        for (request, field) in bad {
            let r = client.orders().bulk_status_update(&request).await;
            assert!(
                matches!(&r, Err(Error::InvalidInput { field: f, .. }) if f == field),
                "{field}: {r:?}"
            );
        }
    }
}

mod invoices_packages_labor {
    use super::*;
    use pazarama_sdk::model::{
        DeliveryCancelRequest, DeliverySplitRequest, InvoiceLinkRequest, LaborCostItem,
        LaborCostRequest, SplitItem,
    };
    use uuid::Uuid;

    // The document's sample GUIDs, with the PDF's stray spaces removed.
    const ORDER: &str = "0d145804-5d05-4e4a-a4a0-921e45c8a5e3";
    const CARRIER: &str = "6d6e004a-23b1-43d1-4d30-08d8e87e3449";
    const ITEM: &str = "209c4d98-08de-4ea4-b681-c4b148b2e8fb";

    fn uuid(s: &str) -> Uuid {
        s.parse().unwrap()
    }

    fn ord0() -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_json(json!({
            "data": null, "success": true, "messageCode": "ORD0",
            "message": null, "userMessage": null, "fromCache": false
        }))
    }

    #[tokio::test]
    async fn invoice_links_for_order_package_and_item() {
        let server = MockServer::start().await;
        let bodies = [
            json!({"invoiceLink": "https://faturaUrl.pdf", "orderid": ORDER,
                   "deliveryCompanyId": null, "trackingNumber": null}),
            json!({"invoiceLink": "https://faturaUrl.pdf", "orderid": ORDER,
                   "deliveryCompanyId": CARRIER, "trackingNumber": "321321321"}),
            json!({"invoiceLink": "https://faturaUrl.pdf", "orderItemId": ITEM, "orderid": ORDER,
                   "deliveryCompanyId": CARRIER, "trackingNumber": "321321321"}),
        ];
        for body in bodies {
            Mock::given(method("POST"))
                .and(path("/order/invoice-link"))
                .and(header("authorization", "Bearer tok"))
                .and(body_json(body))
                .respond_with(ord0())
                .expect(1)
                .mount(&server)
                .await;
        }
        let client = client(&server).await;
        let orders = client.orders();
        let link = "https://faturaUrl.pdf";
        orders
            .set_invoice_link(&InvoiceLinkRequest::for_order(uuid(ORDER), link))
            .await
            .unwrap();
        let package =
            InvoiceLinkRequest::for_package(uuid(ORDER), link, uuid(CARRIER), "321321321");
        orders.set_invoice_link(&package).await.unwrap();
        orders
            .set_invoice_link(&package.item(uuid(ITEM)))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn bad_invoice_links_are_refused_before_sending() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ord0())
            .expect(0)
            .mount(&server)
            .await;
        let client = client(&server).await;
        let half_package = InvoiceLinkRequest {
            delivery_company_id: Some(uuid(CARRIER)),
            ..InvoiceLinkRequest::for_order(uuid(ORDER), "https://x.example/f.pdf")
        };
        let tracking_only = InvoiceLinkRequest {
            tracking_number: Some("1".into()),
            ..InvoiceLinkRequest::for_order(uuid(ORDER), "https://x.example/f.pdf")
        };
        let not_a_url = InvoiceLinkRequest::for_order(uuid(ORDER), "fatura.pdf");
        for (request, field) in [
            (half_package, "trackingNumber"),
            (tracking_only, "deliveryCompanyId"),
            (not_a_url, "invoiceLink"),
        ] {
            let r = client.orders().set_invoice_link(&request).await;
            assert!(
                matches!(&r, Err(Error::InvalidInput { field: f, .. }) if f == field),
                "{r:?}"
            );
        }
    }

    #[tokio::test]
    async fn splits_a_package_and_cancels_the_split() {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path("/order/api/delivery/split"))
            .and(body_json(json!({
                "orderId": "d5ffad30-05d0-4ddb-ae0d-02bae029b3ec",
                "shipmentCode": "PZ00156261297",
                "sellerAddressId": "41883dc0-03c5-402a-3b09-08dcde201845",
                "cargoCompanyId": CARRIER,
                "items": [{"orderItemId": "9ec8e34f-830b-432b-bc7a-6793b69f97c6", "quantity": 1}]
            })))
            .respond_with(ord0())
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("PUT"))
            .and(path("/order/api/delivery/cancel"))
            .and(body_json(json!({
                "orderId": "d5ffad30-05d0-4ddb-ae0d-02bae029b3ec",
                "shipmentCode": "PZ98214690189"
            })))
            .respond_with(ord0())
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server).await;
        let split = DeliverySplitRequest {
            order_id: uuid("d5ffad30-05d0-4ddb-ae0d-02bae029b3ec"),
            shipment_code: "PZ00156261297".into(),
            seller_address_id: uuid("41883dc0-03c5-402a-3b09-08dcde201845"),
            cargo_company_id: uuid(CARRIER),
            items: vec![SplitItem {
                order_item_id: uuid("9ec8e34f-830b-432b-bc7a-6793b69f97c6"),
                quantity: 1,
            }],
        };
        client.orders().split_delivery(&split).await.unwrap();
        client
            .orders()
            .cancel_split_delivery(&DeliveryCancelRequest {
                order_id: uuid("d5ffad30-05d0-4ddb-ae0d-02bae029b3ec"),
                shipment_code: "PZ98214690189".into(),
            })
            .await
            .unwrap();

        // Bad splits never reach the server (the split mock expects exactly one call).
        let empty = DeliverySplitRequest {
            items: vec![],
            ..split.clone()
        };
        let zero = DeliverySplitRequest {
            items: vec![SplitItem {
                quantity: 0,
                ..split.items[0].clone()
            }],
            ..split.clone()
        };
        for (request, field) in [(empty, "items"), (zero, "items[0].quantity")] {
            let r = client.orders().split_delivery(&request).await;
            assert!(
                matches!(&r, Err(Error::InvalidInput { field: f, .. }) if f == field),
                "{r:?}"
            );
        }
    }

    #[tokio::test]
    async fn sets_labor_costs_with_the_order_id_in_the_path() {
        let server = MockServer::start().await;
        let order = "d5ffad30-05d0-4ddb-ae0d-02bae029b3ec";
        Mock::given(method("PUT"))
            .and(path(format!("/order/api/{order}/items/labor-costs")))
            .and(body_json(json!({"items": [{
                "orderItemId": "7caa8b89-894f-4ce5-9175-47c496e17657",
                "laborCost": 10, "processCount": 0
            }]})))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true, "messageCode": "string", "message": "string",
                "userMessage": "string", "fromCache": true
            })))
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server).await;
        let item = LaborCostItem {
            order_item_id: uuid("7caa8b89-894f-4ce5-9175-47c496e17657"),
            labor_cost: 10,
            process_count: 0,
        };
        client
            .orders()
            .set_labor_costs(
                uuid(order),
                &LaborCostRequest {
                    items: vec![item.clone()],
                },
            )
            .await
            .unwrap();
        let r = client
            .orders()
            .set_labor_costs(uuid(order), &LaborCostRequest::default())
            .await;
        assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "items"));
        let r = client
            .orders()
            .set_labor_costs(
                uuid(order),
                &LaborCostRequest {
                    items: vec![item.clone(), item],
                },
            )
            .await;
        assert!(
            matches!(r, Err(Error::InvalidInput { field, .. }) if field == "items[1].orderItemId")
        );
    }
}
