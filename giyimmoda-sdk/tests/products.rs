//! Products against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::TryStreamExt;
use giyimmoda_sdk::model::{
    NewProduct, PerPage, ProductBulkUpdateItem, ProductQuery, ProductStatus, ProductUnit,
    ProductUpdate,
};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{any, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

fn ok(data: Value) -> ResponseTemplate {
    let mut body = json!({"success": true});
    body["data"] = data;
    ResponseTemplate::new(200).set_body_json(body)
}

/// JSON equality where numbers compare by value (`150` == `150.00`).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

async fn only_body(server: &MockServer) -> Value {
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    serde_json::from_slice(&requests[0].body).unwrap()
}

fn sample() -> NewProduct {
    serde_json::from_str(include_str!("fixtures/products/create_request.json")).unwrap()
}

/// A server that fails the test if anything reaches it.
async fn silent_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    server
}

fn field_of(err: Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[tokio::test]
async fn lists_products_with_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products"))
        .and(query_param("search", "gömlek"))
        .and(query_param("status", "pending"))
        .and(query_param("per_page", "all"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(json!([
            {"id": "123", "name": "Gömlek", "unit_price": "199.90", "current_stock": "7",
             "published": 0, "unit": "adet", "created_at": "2024-12-15 14:30:25"},
            {"id": 124, "name": null, "unit": "litre", "refundable": "1"}
        ])))
        .expect(1)
        .mount(&server)
        .await;
    let query = ProductQuery::new()
        .search("gömlek")
        .status(ProductStatus::Pending)
        .per_page(PerPage::All);
    let page = client(&server).products().list(&query).await.unwrap();
    assert!(page.pagination.is_none());
    let p = &page.items[0];
    assert_eq!(p.id, 123);
    assert_eq!(p.unit_price, Some(Decimal::new(19990, 2)));
    assert_eq!(p.current_stock, Some(7));
    assert_eq!(p.published, Some(false));
    assert_eq!(p.unit, Some(ProductUnit::Adet));
    // Istanbul local time.
    assert_eq!(
        p.created_at.unwrap().to_rfc3339(),
        "2024-12-15T11:30:25+00:00"
    );
    let q = &page.items[1];
    assert_eq!(q.name, None);
    assert_eq!(q.unit, Some(ProductUnit::Other("litre".into())));
    assert_eq!(q.refundable, Some(true));
}

#[tokio::test]
async fn streams_products_with_the_filters_on_every_page() {
    let server = MockServer::start().await;
    for page in 1..=2u32 {
        Mock::given(method("GET"))
            .and(path("/api/seller/products"))
            .and(query_param("page", page.to_string()))
            .and(query_param("status", "published"))
            .and(query_param("per_page", "50"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true,
                "data": [{"id": page * 10}],
                "pagination": {"current_page": page, "last_page": 2, "per_page": 50, "total": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let query = ProductQuery::new()
        .status("published")
        .per_page(PerPage::Count(50));
    let ids: Vec<u64> = client
        .products()
        .stream(&query)
        .map_ok(|p| p.id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, vec![10, 20]);
}

#[tokio::test]
async fn gets_a_product() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products/123"))
        .respond_with(ok(
            json!({"id": 123, "name": "Gömlek", "sku": 998877, "weight": "0,5"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let p = client(&server).products().get(123).await.unwrap();
    assert_eq!(p.name.as_deref(), Some("Gömlek"));
    assert_eq!(p.sku.as_deref(), Some("998877"));
    assert_eq!(p.weight, Some(Decimal::new(5, 1)));
}

#[tokio::test]
async fn malformed_product_is_a_decode_error_naming_the_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products/1"))
        .respond_with(ok(json!({"id": 1, "unit_price": "abc"})))
        .mount(&server)
        .await;
    let err = client(&server).products().get(1).await.unwrap_err();
    match err {
        Error::Decode { path, .. } => assert_eq!(path, "data.unit_price"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn creates_a_product_from_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products"))
        .and(header("content-type", "application/json"))
        .respond_with(ok(
            json!({"id": 555, "name": "Yeni Ürün", "slug": "yeni-urun-1734"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let created = client(&server).products().create(&sample()).await.unwrap();
    assert_eq!(created.id, 555);
    assert_eq!(created.slug.as_deref(), Some("yeni-urun-1734"));
    let sent = only_body(&server).await;
    let doc: Value =
        serde_json::from_str(include_str!("fixtures/products/create_request.json")).unwrap();
    assert!(same_json(&sent, &doc), "{sent}");
}

#[tokio::test]
async fn create_leaves_documented_defaults_to_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products"))
        .respond_with(ok(json!({"id": 1})))
        .mount(&server)
        .await;
    let minimal = NewProduct {
        name: "Tişört".into(),
        description: "Pamuk".into(),
        category_id: Some(149),
        unit_price: Some(Decimal::new(9990, 2)),
        current_stock: Some(0),
        thumbnail_img_url: "https://example.com/t.jpg".into(),
        gallery_images_urls: vec![
            "https://example.com/1.jpg".into(),
            "https://example.com/2.jpg".into(),
        ],
        ..NewProduct::default()
    };
    client(&server).products().create(&minimal).await.unwrap();
    let sent = only_body(&server).await;
    let keys: Vec<&str> = sent
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for absent in [
        "refundable",
        "meta_title",
        "meta_description",
        "unit",
        "sku",
        "tax_rate",
        "category_ids",
    ] {
        assert!(!keys.contains(&absent), "{absent} sent: {sent}");
    }
    assert_eq!(sent["unit_price"], json!(99.9));
}

#[tokio::test]
async fn create_rules_are_checked_before_sending() {
    let server = silent_server().await;
    let client = client(&server);
    type Breaker = fn(&mut NewProduct);
    let cases: Vec<(&str, Breaker)> = vec![
        ("name", |p| p.name = " ".into()),
        ("description", |p| p.description.clear()),
        ("category_id", |p| p.category_id = None),
        ("unit_price", |p| p.unit_price = None),
        ("unit_price", |p| p.unit_price = Some(Decimal::new(-1, 2))),
        ("current_stock", |p| p.current_stock = None),
        ("current_stock", |p| p.current_stock = Some(-3)),
        ("thumbnail_img_url", |p| p.thumbnail_img_url.clear()),
        ("gallery_images_urls", |p| {
            p.gallery_images_urls.truncate(1);
        }),
        ("gallery_images_urls", |p| {
            p.gallery_images_urls[1] = String::new();
        }),
        ("decibel", |p| {
            p.unit = None;
            p.decibel = Some(Decimal::from(201));
        }),
        ("decibel", |p| {
            p.unit = None;
            p.decibel = Some(Decimal::from(-1));
        }),
        ("unit", |p| p.decibel = Some(Decimal::from(80))), // sample has unit "adet"
        ("unit", |p| p.unit = Some(ProductUnit::from("litre"))),
        ("tax_rate", |p| p.tax_rate = Some(Decimal::from(-20))),
    ];
    for (field, breaker) in cases {
        let mut product = sample();
        breaker(&mut product);
        let err = client.products().create(&product).await.unwrap_err();
        assert_eq!(field_of(err), field);
    }
    // Boundaries are allowed.
    let mut ok = sample();
    ok.unit = Some(ProductUnit::Kg);
    ok.decibel = Some(Decimal::from(200));
    ok.validate().unwrap();
    ok.unit = None;
    ok.decibel = Some(Decimal::ZERO);
    ok.validate().unwrap();
}

#[tokio::test]
async fn updates_only_the_fields_set() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/products/123"))
        .respond_with(ok(json!({"id": 123, "unit_price": 120, "published": true})))
        .expect(1)
        .mount(&server)
        .await;
    let update = ProductUpdate {
        unit_price: Some(Decimal::from(120)),
        published: Some(true),
        ..ProductUpdate::default()
    };
    let p = client(&server)
        .products()
        .update(123, &update)
        .await
        .unwrap();
    assert_eq!(p.unit_price, Some(Decimal::from(120)));
    assert_eq!(
        only_body(&server).await,
        json!({"unit_price": 120, "published": true})
    );
}

#[tokio::test]
async fn update_rules_are_checked_before_sending() {
    let server = silent_server().await;
    let client = client(&server);
    let cases = [
        (
            "current_stock",
            ProductUpdate {
                current_stock: Some(-1),
                ..Default::default()
            },
        ),
        (
            "unit_price",
            ProductUpdate {
                unit_price: Some(Decimal::from(-5)),
                ..Default::default()
            },
        ),
        (
            "gallery_images_urls",
            ProductUpdate {
                gallery_images_urls: Some(vec!["a".into()]),
                ..Default::default()
            },
        ),
        (
            "decibel",
            ProductUpdate {
                decibel: Some(Decimal::from(500)),
                ..Default::default()
            },
        ),
        (
            "name",
            ProductUpdate {
                name: Some(String::new()),
                ..Default::default()
            },
        ),
    ];
    for (field, update) in cases {
        let err = client.products().update(1, &update).await.unwrap_err();
        assert_eq!(field_of(err), field);
    }
}

#[tokio::test]
async fn deletes_a_product() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/products/123"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "message": "Ürün silindi"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    client(&server).products().delete(123).await.unwrap();
}

#[tokio::test]
async fn bulk_create_decodes_the_documented_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/products/bulk_create_response.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let products = vec![sample(), sample()];
    let result = client(&server)
        .products()
        .bulk_create(&products)
        .await
        .unwrap();
    assert_eq!(
        (result.total, result.success_count, result.failed_count),
        (Some(2), 2, 0)
    );
    assert_eq!(result.execution_time_seconds, Some(Decimal::new(345, 2)));
    assert_eq!(result.products_per_second, Some(Decimal::new(58, 2)));
    let sent = only_body(&server).await;
    assert_eq!(sent["products"].as_array().unwrap().len(), 2);
    assert_eq!(sent["products"][1]["name"], "Yeni Ürün");
}

#[tokio::test]
async fn bulk_create_reports_each_item() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "message": "Bulk product creation completed. 1 successful, 2 failed.",
            "data": {
                "total": 3, "success_count": 1, "failed_count": "2",
                "success": [{"index": 0, "product_id": "901", "name": "A", "sku": "SKU-A"}],
                "failed": [
                    {"index": 1, "name": "B", "error": "Kategori bulunamadı",
                     "errors": {"category_id": ["Geçersiz kategori"]}},
                    "Görsel indirilemedi"
                ]
            }
        })))
        .expect(1)
        .mount(&server)
        .await;
    let r = client(&server)
        .products()
        .bulk_create(&[sample(), sample(), sample()])
        .await
        .unwrap();
    assert_eq!(r.success[0].id, Some(901));
    assert_eq!(r.success[0].sku.as_deref(), Some("SKU-A"));
    assert_eq!(r.failed[0].index, Some(1));
    assert_eq!(r.failed[0].error.as_deref(), Some("Kategori bulunamadı"));
    assert_eq!(r.failed[0].field_errors[0].field, "category_id");
    assert_eq!(r.failed[0].field_errors[0].message, "Geçersiz kategori");
    assert_eq!(r.failed[1].error.as_deref(), Some("Görsel indirilemedi"));
}

#[tokio::test]
async fn bulk_create_names_the_bad_item_and_sends_nothing() {
    let server = silent_server().await;
    let mut bad = sample();
    bad.gallery_images_urls.pop();
    let err = client(&server)
        .products()
        .bulk_create(&[sample(), bad])
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "products[1].gallery_images_urls");
    let err = client(&server)
        .products()
        .bulk_create(&[])
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "products");
}

#[tokio::test]
async fn bulk_updates_from_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk-update"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/products/bulk_update_response.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let doc: Value =
        serde_json::from_str(include_str!("fixtures/products/bulk_update_request.json")).unwrap();
    let items: Vec<ProductBulkUpdateItem> =
        serde_json::from_value(doc["products"].clone()).unwrap();
    let r = client(&server)
        .products()
        .bulk_update(&items)
        .await
        .unwrap();
    assert_eq!((r.updated_count, r.failed_count), (2, 0));
    assert!(r.errors.is_empty());
    assert!(same_json(&only_body(&server).await, &doc));
}

#[tokio::test]
async fn bulk_update_errors_are_typed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk-update"))
        .respond_with(ok(json!({
            "updated_count": 1, "failed_count": 1,
            "errors": [{"id": 999, "message": "Ürün bulunamadı veya size ait değil"}]
        })))
        .mount(&server)
        .await;
    let items = [
        ProductBulkUpdateItem {
            id: Some(1),
            current_stock: Some(5),
            ..Default::default()
        },
        ProductBulkUpdateItem {
            id: Some(999),
            published: Some(false),
            ..Default::default()
        },
    ];
    let r = client(&server)
        .products()
        .bulk_update(&items)
        .await
        .unwrap();
    assert_eq!(r.failed_count, 1);
    assert_eq!(r.errors[0].id, Some(999));
    assert_eq!(
        r.errors[0].error.as_deref(),
        Some("Ürün bulunamadı veya size ait değil")
    );
}

#[tokio::test]
async fn bulk_update_rules_are_checked_before_sending() {
    let server = silent_server().await;
    let client = client(&server);
    let ok_item = ProductBulkUpdateItem {
        id: Some(1),
        ..Default::default()
    };
    let cases = [
        (
            "products[1].id",
            ProductBulkUpdateItem {
                unit_price: Some(Decimal::ONE),
                ..Default::default()
            },
        ),
        (
            "products[1].unit_price",
            ProductBulkUpdateItem {
                id: Some(2),
                unit_price: Some(Decimal::NEGATIVE_ONE),
                ..Default::default()
            },
        ),
        (
            "products[1].current_stock",
            ProductBulkUpdateItem {
                id: Some(2),
                current_stock: Some(-1),
                ..Default::default()
            },
        ),
    ];
    for (field, bad) in cases {
        let err = client
            .products()
            .bulk_update(&[ok_item.clone(), bad])
            .await
            .unwrap_err();
        assert_eq!(field_of(err), field);
    }
}

#[tokio::test]
async fn export_returns_the_documented_link() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products/export"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            include_str!("fixtures/products/export_response.json"),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let link = client(&server).products().export_link().await.unwrap();
    assert!(
        link.download_url
            .ends_with("seller_products_10_2024-12-15_143025.xlsx")
    );
    assert_eq!(link.file_size, Some(245_760));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].url.query(), None);
}

#[tokio::test]
async fn export_downloads_the_file_bytes() {
    let server = MockServer::start().await;
    let xlsx = b"PK\x03\x04fake-xlsx".to_vec();
    Mock::given(method("GET"))
        .and(path("/api/seller/products/export"))
        .and(query_param("download", "true"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "content-disposition",
                    "attachment; filename=\"seller_products.xlsx\"",
                )
                .set_body_raw(
                    xlsx.clone(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let file = client(&server).products().export_file().await.unwrap();
    assert_eq!(file.bytes, xlsx);
    assert_eq!(file.file_name.as_deref(), Some("seller_products.xlsx"));
    assert!(file.content_type.unwrap().contains("spreadsheetml"));
}

#[tokio::test]
async fn imports_a_csv_as_multipart() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/import"))
        .respond_with(ok(
            json!({"total": 2, "imported_count": 1, "failed_count": 1,
            "errors": [{"row": 3, "message": "category_id zorunludur"}]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let csv = "name,description,category_id\nA,B,149\n";
    let r = client(&server)
        .products()
        .import("products.csv", csv)
        .await
        .unwrap();
    assert_eq!(
        (r.total, r.success_count, r.failed_count),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(r.errors[0].error.as_deref(), Some("category_id zorunludur"));
    let req = &server.received_requests().await.unwrap()[0];
    let ct = req.headers.get("content-type").unwrap().to_str().unwrap();
    assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
    let body = String::from_utf8_lossy(&req.body);
    assert!(
        body.contains("name=\"file\"; filename=\"products.csv\""),
        "{body}"
    );
    assert!(body.contains("Content-Type: text/csv"), "{body}");
    assert!(body.contains(csv));
}

#[tokio::test]
async fn import_refuses_other_files_without_sending() {
    let server = silent_server().await;
    let err = client(&server)
        .products()
        .import("products.pdf", "x")
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "file");
    let err = client(&server)
        .products()
        .import("p.xlsx", Vec::new())
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "file");
}

#[tokio::test]
async fn bulk_create_is_not_resent_after_a_5xx() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/products/bulk"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server)
        .products()
        .bulk_create(&[sample()])
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
}
