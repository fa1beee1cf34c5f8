//! Seller services over HTTP against wiremock on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marketplace_core::codec::Id;
use serde_json::json;
use trendyol_sdk::model::sellers::{
    CommonLabelRequest, DeleteInvoiceLinkRequest, InvoiceFile, InvoiceLinkRequest,
};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn field_of(err: Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other}"),
    }
}

#[tokio::test]
async fn addresses_decode_the_documented_sample_and_old_flag_names() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/sellers/777/addresses"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(include_str!("fixtures/sellers/addresses.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let a = client(&server).sellers().addresses().await.unwrap();
    let first = &a.supplier_addresses[0];
    assert_eq!(first.id, Some(Id::from(1u64)));
    assert_eq!(first.address_type.as_deref(), Some("Shipment"));
    assert_eq!(first.is_shipment_address, Some(true));
    assert_eq!(first.is_default, Some(true));
    assert_eq!(first.post_code.as_deref(), Some("post-code-0"));
    assert_eq!(a.default_invoice_address.unwrap().id, Some(Id::from(2u64)));
    assert_eq!(a.default_returning_address.unwrap().present, Some(true));
    // The older EN guide spelling.
    let old: trendyol_sdk::model::sellers::SupplierAddress = marketplace_core::codec::decode(
        br#"{"id": 3, "returningAddress": true, "shipmentAddress": false, "invoiceAddress": "false", "default": true}"#,
    )
    .unwrap();
    assert_eq!(
        (
            old.is_returning_address,
            old.is_shipment_address,
            old.is_invoice_address,
            old.is_default
        ),
        (Some(true), Some(false), Some(false), Some(true))
    );
}

#[tokio::test]
async fn common_label_create_and_get() {
    let server = MockServer::start().await;
    let p = "/integration/sellers/777/common-label/7280027504111111";
    Mock::given(method("POST"))
        .and(path(p))
        .and(header("user-agent", "777 - SelfIntegration"))
        .and(body_json(
            json!({"format":"ZPL","boxQuantity":5,"volumetricHeight":3.5}),
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(p))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data":[{"label":"^XA.......^XZ","format":"ZPL"}]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let req = CommonLabelRequest {
        box_quantity: Some(5),
        volumetric_height: Some("3.5".parse().unwrap()),
        ..Default::default()
    };
    c.sellers()
        .create_common_label(7_280_027_504_111_111u64, &req)
        .await
        .unwrap();
    let labels = c
        .sellers()
        .common_label(7_280_027_504_111_111u64)
        .await
        .unwrap();
    assert_eq!(labels.data[0].label.as_deref(), Some("^XA.......^XZ"));
    let pdf = CommonLabelRequest {
        format: "PDF".into(),
        ..Default::default()
    };
    assert_eq!(
        field_of(
            c.sellers()
                .create_common_label(1u64, &pdf)
                .await
                .unwrap_err()
        ),
        "format"
    );
}

#[tokio::test]
async fn invoice_link_send_and_delete() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/sellers/777/seller-invoice-links"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(body_json(
            json!({"invoiceLink":"https://example.com/invoice.pdf","shipmentPackageId":435346,
                               "invoiceDateTime":1678788898,"invoiceNumber":"TY42024567890123"}),
        ))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/integration/sellers/777/seller-invoice-links/delete"))
        .and(body_json(
            json!({"serviceSourceId":88787,"channelId":1,"customerId":888888888}),
        ))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server);
    let link = InvoiceLinkRequest {
        invoice_link: "https://example.com/invoice.pdf".into(),
        shipment_package_id: Id::from(435_346u64),
        invoice_date_time: Some(1_678_788_898),
        invoice_number: Some("TY42024567890123".into()),
    };
    c.sellers().send_invoice_link(&link).await.unwrap();
    c.sellers()
        .delete_invoice_link(&DeleteInvoiceLinkRequest::new(88_787u64, 888_888_888u64))
        .await
        .unwrap();
}

#[tokio::test]
async fn invoice_rules_are_checked_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let c = client(&server);
    let s = c.sellers();
    let link = InvoiceLinkRequest {
        invoice_link: "https://example.com/invoice.pdf".into(),
        shipment_package_id: Id::from(1u64),
        invoice_date_time: None,
        invoice_number: None,
    };
    let bad_number = InvoiceLinkRequest {
        invoice_number: Some("TY41924567890123".into()),
        ..link.clone()
    };
    assert_eq!(
        field_of(s.send_invoice_link(&bad_number).await.unwrap_err()),
        "invoiceNumber"
    );
    let bad_time = InvoiceLinkRequest {
        invoice_date_time: Some(12345),
        ..link.clone()
    };
    assert_eq!(
        field_of(s.send_invoice_link(&bad_time).await.unwrap_err()),
        "invoiceDateTime"
    );
    let bad_link = InvoiceLinkRequest {
        invoice_link: "invoice.pdf".into(),
        ..link
    };
    assert_eq!(
        field_of(s.send_invoice_link(&bad_link).await.unwrap_err()),
        "invoiceLink"
    );
    let big = InvoiceFile {
        shipment_package_id: 1,
        file_name: "a.pdf".into(),
        mime: "application/pdf".into(),
        data: vec![0; 10 * 1024 * 1024 + 1],
        ..Default::default()
    };
    assert_eq!(
        field_of(s.upload_invoice_file(&big).await.unwrap_err()),
        "file"
    );
    let gif = InvoiceFile {
        mime: "image/gif".into(),
        data: vec![1],
        ..big.clone()
    };
    assert_eq!(
        field_of(s.upload_invoice_file(&gif).await.unwrap_err()),
        "file"
    );
    let empty = InvoiceFile {
        data: vec![],
        ..big
    };
    assert_eq!(
        field_of(s.upload_invoice_file(&empty).await.unwrap_err()),
        "file"
    );
}

#[tokio::test]
async fn invoice_file_upload_is_multipart() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/sellers/777/seller-invoice-file"))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    let file = InvoiceFile {
        shipment_package_id: 435_346,
        file_name: "invoice.pdf".into(),
        mime: "application/pdf".into(),
        data: b"%PDF-1.4 test".to_vec(),
        invoice_date_time: Some(1_678_788_898_000),
        invoice_number: Some("TY42024567890123".into()),
    };
    client(&server)
        .sellers()
        .upload_invoice_file(&file)
        .await
        .unwrap();
    let req = &server.received_requests().await.unwrap()[0];
    let ct = req.headers.get("content-type").unwrap().to_str().unwrap();
    assert!(ct.starts_with("multipart/form-data"), "{ct}");
    let body = String::from_utf8_lossy(&req.body);
    for needle in [
        "name=\"shipmentPackageId\"",
        "435346",
        "name=\"file\"; filename=\"invoice.pdf\"",
        "application/pdf",
        "%PDF-1.4 test",
        "name=\"invoiceDateTime\"",
        "1678788898000",
        "name=\"invoiceNumber\"",
        "TY42024567890123",
    ] {
        assert!(body.contains(needle), "missing {needle} in {body}");
    }
}
