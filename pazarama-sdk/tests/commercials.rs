//! Product commercial templates and product supply information (§3.30) against a mock
//! Pazarama.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{api_requests, client, json, ok};
use pazarama_sdk::Error;
use pazarama_sdk::model::{CommercialTemplateRequest, CommercialType, ProductCommercialUpdate};
use serde_json::json;
use uuid::{Uuid, uuid};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer};

fn invalid_field(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// The document's POST sample, with `type` 1: its `isImported: true, type: 0` breaks the
/// document's own rule (imported: 1, 2 or 3), which this crate enforces.
fn template() -> CommercialTemplateRequest {
    let mut sample: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/commercials/template_request.json")).unwrap();
    sample["type"] = json!(1);
    serde_json::from_value(sample).unwrap()
}

#[tokio::test]
async fn lists_templates_as_documented() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/product-commercials"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!(
            "fixtures/commercials/templates_list_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let list = client(&server)
        .await
        .product_commercials()
        .list()
        .await
        .unwrap();
    let t = &list.product_commercial_list[0];
    assert_eq!(
        t.commercial_id,
        uuid!("4a5a0181-9c73-4d3e-99bb-08ddc848c9b9")
    );
    assert!(t.is_imported);
    assert_eq!(t.kind, CommercialType::FulfilmentServiceProvider);
    assert_eq!(t.email.as_deref(), Some("test@hotmail.com"));
}

#[tokio::test]
async fn creates_a_template_and_decodes_the_documented_answer() {
    // The answer fixture drops the document's extra outer pair of braces.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product-commercials"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(json!({
            "isImported": true, "type": 1, "name": "string", "title": "string",
            "brand": "string", "email": "string", "address": "string"
        })))
        .respond_with(json(include_str!(
            "fixtures/commercials/template_create_response.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let list = client(&server)
        .await
        .product_commercials()
        .create(&template())
        .await
        .unwrap();
    assert_eq!(
        list.product_commercial_list[0].commercial_id,
        uuid!("3fa85f64-5717-4562-b3fc-2c963f66afa6")
    );
    assert_eq!(
        list.product_commercial_list[0].kind,
        CommercialType::Manufacturer
    );
}

#[tokio::test]
async fn updates_and_deletes_a_template_by_id_in_the_route() {
    let server = MockServer::start().await;
    let route = "/product-commercials/id/4a5a0181-9c73-4d3e-99bb-08ddc848c9b9/product-commercial";
    Mock::given(method("PUT"))
        .and(path(route))
        .and(body_json(serde_json::to_value(template()).unwrap()))
        .respond_with(ok(json!({"productCommercialList": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(route))
        .and(header("authorization", "Bearer tok"))
        .respond_with(ok(json!(true)))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let list = client
        .product_commercials()
        .update(uuid!("4a5a0181-9c73-4d3e-99bb-08ddc848c9b9"), &template())
        .await
        .unwrap();
    assert!(list.product_commercial_list.is_empty());
    client
        .product_commercials()
        .delete(uuid!("4a5a0181-9c73-4d3e-99bb-08ddc848c9b9"))
        .await
        .unwrap();
}

#[tokio::test]
async fn template_type_must_fit_the_origin_and_nothing_is_sent_otherwise() {
    let server = MockServer::start().await;
    let client = client(&server).await;
    let imported_manufacturer = CommercialTemplateRequest {
        kind: CommercialType::Manufacturer,
        ..template()
    };
    let err = client
        .product_commercials()
        .create(&imported_manufacturer)
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "type");
    let domestic_importer = CommercialTemplateRequest {
        is_imported: false,
        kind: CommercialType::Importer,
        ..template()
    };
    let err = client
        .product_commercials()
        .update(
            uuid!("4a5a0181-9c73-4d3e-99bb-08ddc848c9b9"),
            &domestic_importer,
        )
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "type");
    let err = client
        .product_commercials()
        .delete(Uuid::nil())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "id");
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn sets_a_products_commercial_information_as_documented() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/product/upsertSellerProductCommercial"))
        .and(header("authorization", "Bearer tok"))
        .and(body_json(
            serde_json::from_str::<serde_json::Value>(include_str!(
                "fixtures/commercials/upsert_product_commercial_request.json"
            ))
            .unwrap(),
        ))
        .respond_with(ok(json!(true)))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .await
        .product_commercials()
        .set_for_product(&ProductCommercialUpdate {
            code: "string".into(),
            security_description: Some("string".into()),
            commercial_ids: vec![uuid!("3fa85f64-5717-4562-b3fc-2c963f66afa6")],
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn product_commercial_information_needs_a_code() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .product_commercials()
        .set_for_product(&ProductCommercialUpdate::default())
        .await
        .unwrap_err();
    assert_eq!(invalid_field(&err), "code");
    assert!(api_requests(&server).await.is_empty());
}
