//! Categories, attributes, seller delivery types and cities against a mock Pazarama.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{api_requests, client, json};
use pazarama_sdk::Error;
use rust_decimal::Decimal;
use uuid::{Uuid, uuid};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer};

#[tokio::test]
async fn category_tree_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/category/getCategoryTree"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!("fixtures/categories/category_tree.json")))
        .expect(1)
        .mount(&server)
        .await;
    let tree = client(&server).await.categories().tree().await.unwrap();
    assert_eq!(tree.len(), 1);
    let c = &tree[0];
    assert_eq!(c.id, uuid!("3053ce72-9208-40bb-8775-001fb4ca654b"));
    assert_eq!(
        c.parent_id,
        Some(uuid!("00b8be55-5ec1-46fd-97d9-1f70cfed5a12"))
    );
    assert_eq!(c.code, None);
    assert_eq!(c.parent_categories.len(), 5);
    assert_eq!(c.parent_categories[4], "IsıSensörleri");
    assert_eq!(c.display_order, Some(1));
    assert!(c.leaf);
}

#[tokio::test]
async fn category_tree_tolerates_nulls_and_strings() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/category/getCategoryTree"))
        .respond_with(common::ok(serde_json::json!([
            {"id": "C0000000-0000-4000-8000-0000000000C1 ", "parentId": "", "parentCategories": null, "name": "Kök",
             "displayOrder": "3", "leaf": "false", "code": 12}
        ])))
        .mount(&server)
        .await;
    let tree = client(&server).await.categories().tree().await.unwrap();
    assert_eq!(tree[0].id, uuid!("c0000000-0000-4000-8000-0000000000c1"));
    assert_eq!(tree[0].parent_id, None);
    assert!(tree[0].parent_categories.is_empty());
    assert_eq!(tree[0].display_order, Some(3));
    assert!(!tree[0].leaf);
    assert_eq!(tree[0].code.as_deref(), Some("12"));
    assert_eq!(tree[0].display_name, None);
}

#[tokio::test]
async fn category_with_attributes_sends_the_id_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/category/getCategoryWithAttributes"))
        .and(query_param("Id", "a0fdcfde-8b5f-4c4c-82d1-a900b1732ddb"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!(
            "fixtures/categories/category_with_attributes.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let category = client(&server)
        .await
        .categories()
        .with_attributes(uuid!("a0fdcfde-8b5f-4c4c-82d1-a900b1732ddb"))
        .await
        .unwrap();
    assert_eq!(category.name, "Adımsayar");
    assert_eq!(category.attributes.len(), 4);
    let color = &category.attributes[0];
    assert_eq!(color.name, "Renk");
    assert!(color.is_required);
    assert!(!color.is_variantable);
    assert_eq!(color.attribute_values.len(), 12);
    assert_eq!(color.attribute_values[0].value.as_deref(), Some("Siyah"));
    assert_eq!(
        category.attributes[1].attribute_values[1].id,
        uuid!("0a4c2b61-79fa-4460-9f40-e04a17773c37")
    );
}

#[tokio::test]
async fn category_with_attributes_requires_an_id_and_sends_nothing() {
    let server = MockServer::start().await;
    let err = client(&server)
        .await
        .categories()
        .with_attributes(Uuid::nil())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "id"),
        "{err:?}"
    );
    assert!(api_requests(&server).await.is_empty());
}

#[tokio::test]
async fn seller_delivery_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/sellerRegister/getSellerDelivery"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!(
            "fixtures/categories/seller_delivery.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let delivery = client(&server)
        .await
        .delivery()
        .seller_delivery()
        .await
        .unwrap();
    let cargo = delivery.cargo_company.unwrap();
    assert_eq!(
        cargo.delivery_id,
        Some(uuid!("f46132bc-1f24-47dc-b396-08d9720587ab"))
    );
    assert_eq!(cargo.price, Some(Decimal::new(990, 2)));
    assert_eq!(cargo.campaign_price, Some(Decimal::ZERO));
    assert_eq!(cargo.campaign_amount, Some(Decimal::ONE));
    assert_eq!(cargo.delivery_duration, Some(4));
    assert_eq!(cargo.approve_status, Some(-1));
    assert_eq!(cargo.divide_cargo, Some(true));
    assert_eq!(cargo.cargo_companies.len(), 4);
    assert_eq!(
        cargo.cargo_companies[2].cargo_company_name.as_deref(),
        Some("YurtiçiKargo")
    );
    assert_eq!(cargo.cargo_companies[2].cargo_card_type, Some(1));
    assert!(delivery.fast_delivery.is_empty());
    assert!(delivery.store_delivery.is_empty());
    let prefs = delivery.seller_delivery_preferences.unwrap();
    assert_eq!(prefs.other_cargo_option, Some(true));
    assert_eq!(prefs.can_fast_delivery, Some(false));
}

const F1: &str = "f1f1f1f1-0000-4000-8000-000000000001";
const S1: &str = "51515151-0000-4000-8000-000000000001";
const S2: &str = "51515151-0000-4000-8000-000000000002";
const C34: Uuid = uuid!("c17e0000-0000-4000-8000-000000000034");

#[tokio::test]
async fn seller_delivery_accepts_store_delivery_as_object_or_list_and_string_prices() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/sellerRegister/getSellerDelivery"))
        .respond_with(common::ok(serde_json::json!({
            "cargoCompany": null,
            "fastDelivery": {"deliveryId": F1, "price": "14,90", "city": format!("{C34} ")},
            "storeDelivery": [
                {"deliveryId": S1, "storeName": "Kadıköy", "addressDetail": "Moda Cd. 1",
                 "cargoCompanyId": null, "city": ""},
                {"deliveryId": S2, "storeName": "Beşiktaş"}
            ]
        })))
        .mount(&server)
        .await;
    let delivery = client(&server)
        .await
        .delivery()
        .seller_delivery()
        .await
        .unwrap();
    assert_eq!(delivery.cargo_company, None);
    assert_eq!(delivery.fast_delivery.len(), 1);
    assert_eq!(delivery.fast_delivery[0].price, Some(Decimal::new(1490, 2)));
    assert_eq!(delivery.fast_delivery[0].city, Some(C34));
    assert_eq!(
        delivery.fast_delivery[0].delivery_id,
        Some(uuid!("f1f1f1f1-0000-4000-8000-000000000001"))
    );
    assert_eq!(delivery.store_delivery[0].city, None);
    assert_eq!(delivery.store_delivery[0].cargo_company_id, None);
    assert_eq!(delivery.store_delivery.len(), 2);
    assert_eq!(
        delivery.store_delivery[0].store_name.as_deref(),
        Some("Kadıköy")
    );
    assert_eq!(delivery.seller_delivery_preferences, None);
}

#[tokio::test]
async fn cities_decode_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/parameter/cities"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(json(include_str!("fixtures/categories/cities.json")))
        .expect(1)
        .mount(&server)
        .await;
    let cities = client(&server).await.delivery().cities().await.unwrap();
    assert_eq!(cities.len(), 6);
    assert_eq!(cities[0].name, "İstanbul");
    assert_eq!(cities[0].code.as_deref(), Some("34"));
    assert_eq!(cities[0].id, uuid!("86f65eba-a61f-428d-a689-0d5f3adee575"));
    assert_eq!(cities[1].code.as_deref(), Some("6"));
}

#[tokio::test]
async fn a_category_id_that_is_not_a_guid_is_a_decode_error_naming_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/category/getCategoryTree"))
        .respond_with(common::ok(serde_json::json!([
            {"id": "c0000000-0000-4000-8000-0000000000c1", "name": "Kök"},
            {"id": "c0000000-0000-4000-8000-0000000000c2", "parentId": "kok", "name": "Alt"}
        ])))
        .mount(&server)
        .await;
    match client(&server).await.categories().tree().await {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "data[1].parentId");
            assert!(message.contains("\"kok\" is not a GUID"), "{message}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}
