//! Products (§4) over wiremock on 127.0.0.1: request shape, decoding, client-side checks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use rust_decimal::Decimal;
use serde_json::json;
use trendyol_sdk::model::product::{
    ApprovedProductQuery, ArchiveItem, BarcodeItem, ContentUpdateItem, CreateBrand,
    DeliveryInfoUpdateItem, DeliveryOption, Image, InventoryAndPriceQuery, Items, ProductAttribute,
    ProductCreateItem, UnapprovedProductQuery, UnapprovedUpdateItem, UpdateAuditQuery, UploadFile,
    VariantUpdateItem,
};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{body_json, body_string_contains, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SELLER: u64 = 777;
const AUTH: &str = "Basic a2V5OnNlY3JldA==";
const UA: &str = "777 - SelfIntegration";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(SELLER)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn json_fixture(text: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(text.as_bytes().to_vec(), "application/json")
}

fn batch_id(id: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "batchRequestId": id }))
}

fn field_of(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn valid_item() -> ProductCreateItem {
    ProductCreateItem {
        barcode: "BRC-1".into(),
        title: "Pamuklu Tişört".into(),
        product_main_id: "PM-1".into(),
        brand_id: 187_803,
        category_id: 91_266,
        quantity: 50,
        stock_code: Some("STK-1".into()),
        dimensional_weight: Some(Decimal::new(2, 0)),
        description: "<p>Açıklama</p>".into(),
        origin: Some("TR".into()),
        list_price: Decimal::new(24990, 2),
        sale_price: Decimal::new(19990, 2),
        vat_rate: 20,
        delivery_option: Some(DeliveryOption {
            delivery_duration: Some(1),
            fast_delivery_type: None,
        }),
        images: vec![Image::new("https://cdn.example.com/1.jpg")],
        cargo_company_id: Some(10),
        cargo_providers: vec!["YKMP".into()],
        attributes: vec![
            ProductAttribute::value(293, 2904),
            ProductAttribute::custom(47, "White"),
        ],
        ..Default::default()
    }
}

// ---- §4.1 reference data ---------------------------------------------------------------

#[tokio::test]
async fn brands_page_sends_paging_and_identity_headers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/brands"))
        .and(query_param("page", "0"))
        .and(query_param("size", "1000"))
        .and(header("authorization", AUTH))
        .and(header("user-agent", UA))
        .respond_with(json_fixture(include_str!("fixtures/products/brands.json")))
        .expect(1)
        .mount(&server)
        .await;
    let brands = client(&server).products().brands(0, 1000).await.unwrap();
    assert_eq!(brands.brands.len(), 2);
    assert_eq!(brands.brands[0].id, 10);
    assert_eq!(brands.brands[0].name, "TrendyolMilla");
    assert_eq!(brands.brands[0].luxe, None);
    assert_eq!(brands.brands[1].luxe, Some(true), "LUXE flag decodes");
}

#[tokio::test]
async fn brands_stream_pages_until_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/brands"))
        .and(query_param("page", "0"))
        .respond_with(json_fixture(include_str!("fixtures/products/brands.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/integration/product/brands"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"brands": []})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let all: Vec<_> = client
        .products()
        .brands_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|b| b.id).collect::<Vec<_>>(),
        [10, 11],
        "two brands, then the empty page ends the stream"
    );
}

#[tokio::test]
async fn brands_by_name_decodes_the_bare_array() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/brands/by-name"))
        .and(query_param("name", "TRENDYOLMİLLA"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/brands_by_name.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let brands = client(&server)
        .products()
        .brands_by_name("TRENDYOLMİLLA")
        .await
        .unwrap();
    assert_eq!(brands.len(), 1);
    assert_eq!(brands[0].id, 40);
    assert_eq!(brands[0].name, "TRENDYOLMİLLA");
}

#[tokio::test]
async fn create_brand_is_multipart_with_store_front_code() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/product/sellers/777/brands"))
        .and(header("storefrontcode", "TR"))
        .and(body_string_contains("name=\"name\""))
        .and(body_string_contains("Yeni Marka"))
        .and(body_string_contains("filename=\"logo.png\""))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"brandId": 998877})))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server)
        .products()
        .create_brand(&CreateBrand {
            name: "Yeni Marka".into(),
            images: vec![UploadFile::new(
                "logo.png",
                "image/png",
                b"PNGDATA".to_vec(),
            )],
            store_front_code: None,
        })
        .await
        .unwrap();
    assert_eq!(created.brand_id, 998_877);
}

#[tokio::test]
async fn create_brand_without_images_is_rejected_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201))
        .expect(0)
        .mount(&server)
        .await;
    let err = client(&server)
        .products()
        .create_brand(&CreateBrand {
            name: "Yeni Marka".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "images");
}

#[tokio::test]
async fn category_tree_sends_storefront_and_language_and_decodes_both_shapes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/product-categories"))
        .and(header("storefrontcode", "TR"))
        .and(header("accept-language", "tr"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/category_tree.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let tree = client
        .products()
        .storefront("TR")
        .language("tr")
        .category_tree(None)
        .await
        .unwrap();
    assert_eq!(tree.categories[0].id, 1162);
    assert_eq!(tree.categories[0].parent_id, Some(368));
    let leaves: Vec<_> = tree.leaves().iter().map(|c| c.id).collect();
    assert_eq!(leaves, [382]);

    // Historical wrapped form.
    let wrapped: trendyol_sdk::model::product::CategoryTree = serde_json::from_str(
        r#"{"categories":[{"id":1,"name":"Giyim","parentId":null,"subCategories":[]}]}"#,
    )
    .unwrap();
    assert_eq!(wrapped.categories[0].name, "Giyim");
    assert_eq!(wrapped.categories[0].parent_id, None);
}

#[tokio::test]
async fn category_attributes_v2_with_required_filter() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/categories/14609/attributes"))
        .and(query_param("required", "true"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/category_attributes.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let attrs = client(&server)
        .products()
        .category_attributes(14609, Some(true))
        .await
        .unwrap();
    assert_eq!(attrs.id, 14609);
    let a = &attrs.category_attributes[0];
    assert_eq!(a.attribute.id, 293);
    assert_eq!(a.attribute.name.as_deref(), Some("Beden"));
    assert_eq!(a.required, Some(true));
    assert_eq!(a.varianter, Some(true));
    assert_eq!(a.slicer, Some(false));
    assert_eq!(a.allow_custom, Some(false));
}

#[tokio::test]
async fn attribute_values_accept_both_value_names_and_stream() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/integration/product/categories/14609/attributes/293/values",
        ))
        .and(query_param("page", "0"))
        .and(query_param("size", "1000"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/attribute_values.json"
        )))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .products()
        .attribute_values(14609, 293, 0, 1000)
        .await
        .unwrap();
    assert_eq!(page.total_elements, Some(2));
    assert_eq!(page.content[0].attribute_value_id, 4872);
    assert_eq!(
        page.content[0].attribute_value_name.as_deref(),
        Some("Tek Ebat")
    );
    assert_eq!(
        page.content[1].attribute_value_name.as_deref(),
        Some("Standart")
    );
    let all: Vec<_> = client
        .products()
        .attribute_values_stream(14609, 293)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2, "totalPages 1: one request");
}

#[tokio::test]
async fn attribute_values_page_size_over_1000_is_rejected() {
    let server = MockServer::start().await;
    let err = client(&server)
        .products()
        .attribute_values(1, 2, 0, 1001)
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "size");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn cargo_providers_lookup() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/lookup/cargo-providers"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/cargo_providers.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let providers = client(&server).products().cargo_providers().await.unwrap();
    assert_eq!(providers.len(), 2);
    assert_eq!(providers[1].code, "YKMP");
    assert_eq!(providers[1].name.as_deref(), Some("Yurtiçi Kargo"));
}

// ---- §4.2 create -----------------------------------------------------------------------

#[tokio::test]
async fn create_products_v2_sends_the_typed_body_and_returns_the_batch_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/product/sellers/777/v2/products"))
        .and(header("content-type", "application/json"))
        .and(header("user-agent", UA))
        .and(body_json(json!({"items": [{
            "barcode": "BRC-1", "title": "Pamuklu Tişört", "productMainId": "PM-1",
            "brandId": 187803, "categoryId": 91266, "quantity": 50, "stockCode": "STK-1",
            "dimensionalWeight": 2, "description": "<p>Açıklama</p>", "origin": "TR",
            "listPrice": 249.90, "salePrice": 199.90, "vatRate": 20,
            "deliveryOption": {"deliveryDuration": 1},
            "images": [{"url": "https://cdn.example.com/1.jpg"}],
            "cargoCompanyId": 10, "cargoProviders": ["YKMP"],
            "attributes": [
                {"attributeId": 293, "attributeValueId": 2904},
                {"attributeId": 47, "customAttributeValue": "White"}
            ]
        }]})))
        .respond_with(batch_id("76e55c53-e0a4-473c-b4e1-1a008c02a9ab-1736179465"))
        .expect(1)
        .mount(&server)
        .await;
    let id = client(&server)
        .products()
        .create(&[valid_item()])
        .await
        .unwrap();
    assert_eq!(
        id.batch_request_id,
        "76e55c53-e0a4-473c-b4e1-1a008c02a9ab-1736179465"
    );
}

#[tokio::test]
async fn create_products_is_not_retried_on_5xx() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/product/sellers/777/v2/products"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>bad gateway</html>"))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server)
        .products()
        .create(&[valid_item()])
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(502));
}

#[tokio::test]
async fn create_products_checks_required_fields_and_limits_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(batch_id("x"))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    let products = client.products();

    let err = products.create(&[]).await.unwrap_err();
    assert_eq!(field_of(&err), "items");
    let many = vec![valid_item(); 1001];
    let err = products.create(&many).await.unwrap_err();
    assert_eq!(field_of(&err), "items");

    type Breaker = Box<dyn Fn(&mut ProductCreateItem)>;
    let cases: Vec<(&str, Breaker)> = vec![
        ("items[1].barcode", Box::new(|i| i.barcode.clear())),
        ("items[1].barcode", Box::new(|i| i.barcode = "A".repeat(41))),
        ("items[1].barcode", Box::new(|i| i.barcode = "AB/12".into())),
        ("items[1].title", Box::new(|i| i.title = " ".into())),
        ("items[1].title", Box::new(|i| i.title = "x".repeat(101))),
        (
            "items[1].productMainId",
            Box::new(|i| i.product_main_id.clear()),
        ),
        ("items[1].brandId", Box::new(|i| i.brand_id = 0)),
        ("items[1].categoryId", Box::new(|i| i.category_id = 0)),
        ("items[1].description", Box::new(|i| i.description.clear())),
        (
            "items[1].salePrice",
            Box::new(|i| i.sale_price = Decimal::ZERO),
        ),
        (
            "items[1].listPrice",
            Box::new(|i| i.list_price = Decimal::ONE),
        ),
        ("items[1].vatRate", Box::new(|i| i.vat_rate = 18)),
        ("items[1].images", Box::new(|i| i.images.clear())),
        (
            "items[1].images",
            Box::new(|i| i.images = vec![Image::new("https://a/b.jpg"); 9]),
        ),
        (
            "items[1].images[0].url",
            Box::new(|i| i.images = vec![Image::new("http://a/b.jpg")]),
        ),
        ("items[1].attributes", Box::new(|i| i.attributes.clear())),
        (
            "items[1].attributes[0].attributeValueId",
            Box::new(|i| {
                i.attributes = vec![ProductAttribute {
                    attribute_id: 5,
                    ..Default::default()
                }];
            }),
        ),
        (
            "items[1].stockCode",
            Box::new(|i| i.stock_code = Some("s".repeat(101))),
        ),
    ];
    for (field, break_it) in cases {
        let mut bad = valid_item();
        break_it(&mut bad);
        let err = products.create(&[valid_item(), bad]).await.unwrap_err();
        assert_eq!(field_of(&err), field);
    }
}

#[test]
fn documented_create_body_decodes_into_the_typed_item() {
    let body: Items<ProductCreateItem> =
        serde_json::from_str(include_str!("fixtures/products/create_request.json")).unwrap();
    let item = &body.items[0];
    assert_eq!(item.barcode, "TestBarcode");
    assert_eq!(item.origin.as_deref(), Some("AD"));
    assert_eq!(item.cargo_providers, ["<cargo code>"]);
    assert_eq!(
        item.delivery_option.as_ref().unwrap().delivery_duration,
        Some(0)
    );
    assert_eq!(item.attributes[0].attribute_value_id, Some(1));
    assert_eq!(
        item.attributes[1].custom_attribute_value.as_deref(),
        Some("String")
    );
}

// ---- §4.3 updates ----------------------------------------------------------------------

#[tokio::test]
async fn the_four_bulk_updates_post_items_to_their_paths() {
    let server = MockServer::start().await;
    let base = "/integration/product/sellers/777/products";
    Mock::given(method("POST"))
        .and(path(format!("{base}/unapproved-bulk-update")))
        .and(body_json(
            json!({"items":[{"barcode":"BRC-1","title":"Yeni","vatRate":10}]}),
        ))
        .respond_with(batch_id("u-1"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{base}/content-bulk-update")))
        .and(body_json(
            json!({"items":[{"contentId":12715815,"images":[{"url":"https://a/1.jpg"}]}]}),
        ))
        .respond_with(batch_id("c-1"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{base}/variant-bulk-update")))
        .and(body_json(
            json!({"items":[{"barcode":"BRC-1","stockCode":"S","channels":["CORE","LUXE"]}]}),
        ))
        .respond_with(batch_id("v-1"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{base}/delivery-info-bulk-update")))
        .and(body_json(json!({"items":[{"barcode":"BRC-1","deliveryOptions":{"deliveryDuration":0,"fastDeliveryType":"FAST_DELIVERY"}}]})))
        .respond_with(batch_id("d-1"))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let p = client.products();
    let u = p
        .update_unapproved(&[UnapprovedUpdateItem {
            barcode: "BRC-1".into(),
            title: Some("Yeni".into()),
            vat_rate: Some(10),
            ..Default::default()
        }])
        .await
        .unwrap();
    let c = p
        .update_content(&[ContentUpdateItem {
            content_id: 12_715_815,
            images: Some(vec![Image::new("https://a/1.jpg")]),
            ..Default::default()
        }])
        .await
        .unwrap();
    let v = p
        .update_variants(&[VariantUpdateItem {
            barcode: "BRC-1".into(),
            stock_code: Some("S".into()),
            channels: Some(vec!["CORE".into(), "LUXE".into()]),
            ..Default::default()
        }])
        .await
        .unwrap();
    let d = p
        .update_delivery_info(&[DeliveryInfoUpdateItem {
            barcode: "BRC-1".into(),
            delivery_options: DeliveryOption {
                delivery_duration: Some(0),
                fast_delivery_type: Some("FAST_DELIVERY".into()),
            },
        }])
        .await
        .unwrap();
    assert_eq!(
        [u, c, v, d].map(|b| b.batch_request_id),
        ["u-1", "c-1", "v-1", "d-1"]
    );
}

#[tokio::test]
async fn update_checks_run_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);
    let p = client.products();
    let err = p
        .update_variants(&[VariantUpdateItem {
            barcode: "B".into(),
            channels: Some(vec![]),
            ..Default::default()
        }])
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "items[0].channels");
    let err = p
        .update_content(&[ContentUpdateItem::default()])
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "items[0].contentId");
    let err = p
        .update_unapproved(&[UnapprovedUpdateItem {
            barcode: "B".into(),
            vat_rate: Some(8),
            ..Default::default()
        }])
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "items[0].vatRate");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn update_audits_decode_field_outcomes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/integration/product/sellers/777/products/12715815/update-audits",
        ))
        .and(query_param("status", "FAIL"))
        .and(query_param("page", "0"))
        .and(header("accept-language", "en"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/update_audits.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .products()
        .language("en")
        .update_audits(
            12_715_815,
            &UpdateAuditQuery::default().page(0).status("FAIL"),
        )
        .await
        .unwrap();
    assert_eq!(page.total_page, Some(1));
    let audit = &page.content[0];
    assert_eq!(audit.batch_request_id.as_deref(), Some("b-1"));
    assert_eq!(
        audit.request_date.unwrap().to_rfc3339(),
        "2026-05-08T11:37:07.950+00:00"
    );
    let upd = &audit.updates[0];
    assert_eq!(upd.kind.as_deref(), Some("TITLE"));
    assert_eq!(upd.status.as_deref(), Some("FAIL"));
    assert_eq!(
        upd.reject_reasons[0].reason.as_deref(),
        Some("Yasaklı kelime")
    );
    assert_eq!(upd.changed_title.as_deref(), Some("Yeni"));
}

// ---- §4.4 reads ------------------------------------------------------------------------

#[tokio::test]
async fn approved_products_page_sends_filters_and_decodes_variants() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/sellers/777/products/approved"))
        .and(query_param("page", "0"))
        .and(query_param("size", "20"))
        .and(query_param("status", "onSale"))
        .and(query_param("startDate", "1760000000000"))
        .and(query_param("dateQueryType", "VARIANT_MODIFIED_DATE"))
        .and(query_param("brandIds", "315675"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/approved.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let start = chrono::DateTime::from_timestamp_millis(1_760_000_000_000).unwrap();
    let mut query = ApprovedProductQuery::default()
        .page(0)
        .size(20)
        .status("onSale")
        .start_date(start)
        .date_query_type("VARIANT_MODIFIED_DATE");
    query.brand_ids = vec![315_675];
    let page = client(&server).products().approved(&query).await.unwrap();
    assert_eq!(page.total_elements, Some(1));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("eyJzb3J0IjpbMTI3MTU4MTVdfQ==")
    );
    let product = &page.content[0];
    assert_eq!(product.content_id.as_str(), "12715815");
    assert_eq!(
        product.brand.as_ref().unwrap().name.as_deref(),
        Some("GUEYA")
    );
    assert_eq!(
        product.attributes[0].attribute_value.as_deref(),
        Some("Kırmızı")
    );
    let v = &product.variants[0];
    assert_eq!(v.barcode, "12613876842A60");
    assert_eq!(v.commission, Some(Decimal::new(783, 2)));
    assert_eq!(v.channels, ["CORE", "LUXE"]);
    assert_eq!(v.stock.as_ref().unwrap().quantity, Some(0));
    let price = v.price.as_ref().unwrap();
    assert_eq!(price.sale_price, Some(Decimal::from(222)));
    assert_eq!(price.price_seen_by_customer, Some(Decimal::from(169)));
    assert_eq!(v.lock_reason, None);
    assert_eq!(v.archived, Some(false));
}

#[tokio::test]
async fn approved_stream_switches_to_next_page_token_past_10000_records() {
    let server = MockServer::start().await;
    let page = |barcode: &str, token: Option<&str>| {
        ResponseTemplate::new(200).set_body_json(json!({
            "totalElements": 25000, "totalPages": 250, "page": 99, "size": 100,
            "nextPageToken": token,
            "content": [{"contentId": 1, "variants": [{"barcode": barcode}]}]
        }))
    };
    // page 99 × 100 is the last page reachable by number.
    Mock::given(method("GET"))
        .and(path("/integration/product/sellers/777/products/approved"))
        .and(query_param("page", "99"))
        .respond_with(page("P99", Some("tok-1")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/integration/product/sellers/777/products/approved"))
        .and(query_param("nextPageToken", "tok-1"))
        .respond_with(page("T1", Some("tok-2")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/integration/product/sellers/777/products/approved"))
        .and(query_param("nextPageToken", "tok-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"content": []})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let query = ApprovedProductQuery::default().page(99).size(100);
    let all: Vec<_> = client
        .products()
        .approved_stream(&query)
        .try_collect()
        .await
        .unwrap();
    let barcodes: Vec<_> = all.iter().map(|p| p.variants[0].barcode.as_str()).collect();
    assert_eq!(barcodes, ["P99", "T1"]);
    let requests = server.received_requests().await.unwrap();
    assert!(
        requests[1]
            .url
            .query()
            .unwrap()
            .contains("nextPageToken=tok-1")
            && !requests[1].url.query().unwrap().contains("page="),
        "token pages do not send a page number: {}",
        requests[1].url
    );
}

#[tokio::test]
async fn approved_stream_pages_by_number_until_the_last_page() {
    let server = MockServer::start().await;
    for n in 0..3 {
        Mock::given(method("GET"))
            .and(path("/integration/product/sellers/777/products/approved"))
            .and(query_param("page", n.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "totalPages": 3, "content": [{"contentId": n, "variants": []}]
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let all: Vec<_> = client
        .products()
        .approved_stream(&ApprovedProductQuery::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
}

#[tokio::test]
async fn approved_page_size_over_100_is_rejected() {
    let server = MockServer::start().await;
    let err = client(&server)
        .products()
        .approved(&ApprovedProductQuery::default().size(101))
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "size");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn approved_inventory_and_price_tolerates_strings_and_nulls() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/integration/product/sellers/777/products/approved/inventory-and-price",
        ))
        .and(query_param("barcodes", "12613876842A60,12613876842A61"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/inventory_and_price.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .products()
        .approved_inventory_and_price(
            &InventoryAndPriceQuery::default().barcodes("12613876842A60,12613876842A61"),
        )
        .await
        .unwrap();
    let v = &page.content[0].variants;
    assert_eq!(v[0].list_price, Some(Decimal::new(2505, 1)));
    assert_eq!(v[0].quantity, Some(7));
    assert_eq!(v[1].variant_id.as_ref().unwrap().as_str(), "70228906");
    assert_eq!(v[1].sale_price, Some(Decimal::new(19990, 2)), "\"199,90\"");
    assert_eq!(v[1].list_price, None, "empty string is absent");
    assert_eq!(v[1].quantity, Some(0));
    assert_eq!(v[1].stock_last_modified_date, None);
}

#[tokio::test]
async fn unapproved_products_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/sellers/777/products/unapproved"))
        .and(query_param("status", "rejected"))
        .and(query_param("size", "50"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/unapproved.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .products()
        .unapproved(
            &UnapprovedProductQuery::default()
                .status("rejected")
                .size(50),
        )
        .await
        .unwrap();
    let p = &page.content[0];
    assert_eq!(p.barcode, "BRC-1");
    assert_eq!(p.media[0].url, "https://cdn.example.com/1.jpg");
    assert_eq!(
        p.reject_reason_details[0].reject_reason_detail.as_deref(),
        Some("Beyaz fon gerekli")
    );
    assert_eq!(p.sale_price, Some(Decimal::from(100)));
    assert_eq!(p.last_price_change_date, None);
}

#[tokio::test]
async fn product_base_percent_encodes_the_barcode() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/product/sellers/777/product/AB%2012%2F3"))
        .respond_with(json_fixture(include_str!(
            "fixtures/products/product_base.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let base = client(&server)
        .products()
        .product_base("AB 12/3")
        .await
        .unwrap();
    assert_eq!(base.barcode, "smoketest-250049");
    assert_eq!(base.approved, Some(true));
    assert_eq!(base.content_id.unwrap().as_str(), "9511264");
    assert_eq!(
        base.listing_id.as_deref(),
        Some("a089a30ed1632032913b28099e49d948")
    );
}

// ---- §4.6 archive, delete, unlock, buybox ------------------------------------------------

#[tokio::test]
async fn archive_delete_unlock_send_items_bodies() {
    let server = MockServer::start().await;
    let base = "/integration/product/sellers/777/products";
    Mock::given(method("PUT"))
        .and(path(format!("{base}/archive-state")))
        .and(body_json(json!({"items":[{"barcode":"barkod-1234","archived":true},{"barcode":"barkod-5678","archived":false}]})))
        .respond_with(batch_id("a-1"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(base))
        .and(body_json(
            json!({"items":[{"barcode":"test123"},{"barcode":"test456"}]}),
        ))
        .respond_with(batch_id("del-1"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{base}/unlock")))
        .and(body_json(json!({"items":[{"barcode":"L-1"}]})))
        .respond_with(batch_id("un-1"))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let p = client.products();
    let a = p
        .archive(&[
            ArchiveItem::archive("barkod-1234"),
            ArchiveItem::unarchive("barkod-5678"),
        ])
        .await
        .unwrap();
    let d = p
        .delete(&[BarcodeItem::from("test123"), BarcodeItem::from("test456")])
        .await
        .unwrap();
    let u = p.unlock(&[BarcodeItem::from("L-1")]).await.unwrap();
    assert_eq!(
        [a, d, u].map(|b| b.batch_request_id),
        ["a-1", "del-1", "un-1"]
    );
}

#[tokio::test]
async fn buybox_information() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(
            "/integration/product/sellers/777/products/buybox-information",
        ))
        .and(body_json(json!({"barcodes":["BRC-1"]})))
        .respond_with(json_fixture(include_str!("fixtures/products/buybox.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let info = client
        .products()
        .buybox(&["BRC-1".to_owned()])
        .await
        .unwrap();
    assert_eq!(info[0].buybox_order, Some(1));
    assert_eq!(info[0].buybox_price, Some(Decimal::new(999, 1)));
    assert_eq!(info[0].has_multiple_seller, Some(true));

    let eleven: Vec<String> = (0..11).map(|i| format!("B{i}")).collect();
    let err = client.products().buybox(&eleven).await.unwrap_err();
    assert_eq!(field_of(&err), "barcodes");
}
