//! Stocks and prices against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use giyimmoda_sdk::model::{PerPage, PriceUpdate, StockQuery, StockUpdate};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{
    any, body_json, header, method, path, query_param, query_param_is_missing,
};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

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

fn bulk_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "success": true, "message": "Bulk update completed. Updated: 1, Failed: 1",
        "data": {"updated_count": 1, "failed_count": 1, "errors": [{"id": 8, "error": "Bulunamadı"}]}
    }))
}

#[tokio::test]
async fn lists_stocks_with_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/stocks"))
        .and(query_param("product_id", "789"))
        .and(query_param("low_stock", "true"))
        .and(query_param_is_missing("out_of_stock"))
        .and(query_param("per_page", "all"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": [{"id": 11, "product_id": 789, "variant": "", "sku": "SKU-1", "price": "150.00", "qty": "3"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let query = StockQuery::new()
        .product_id(789)
        .low_stock()
        .per_page(PerPage::All);
    let page = client(&server).stocks().list(&query).await.unwrap();
    let s = &page.items[0];
    assert_eq!((s.id, s.product_id, s.qty), (11, Some(789), Some(3)));
    assert_eq!(s.price, Some(Decimal::from(150)));
    assert_eq!(s.variant.as_deref(), Some(""));
}

#[tokio::test]
async fn lists_out_of_stock() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/stocks"))
        .and(query_param("out_of_stock", "true"))
        .and(query_param_is_missing("low_stock"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": [{"id": 12, "quantity": 0}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .stocks()
        .list(&StockQuery::new().out_of_stock())
        .await
        .unwrap();
    assert_eq!(page.items[0].qty, Some(0));
}

#[tokio::test]
async fn gets_stocks_by_product_in_any_shape() {
    let server = MockServer::start().await;
    let shapes = [
        json!([{"id": 1, "product_id": 789, "qty": 2}, {"id": 2, "product_id": 789, "qty": 3}]),
        json!({"product_id": "789", "total_stock": 5, "stocks": [{"id": 1, "qty": 2}, {"id": 2, "qty": 3}]}),
        json!({"id": 1, "product_id": 789, "qty": 5}),
    ];
    for (i, data) in shapes.into_iter().enumerate() {
        Mock::given(method("GET"))
            .and(path(format!("/api/seller/stocks/product/{}", 789 + i)))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"success": true, "data": data})),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let a = client.stocks().by_product(789).await.unwrap();
    assert_eq!((a.product_id, a.stocks.len()), (Some(789), 2));
    let b = client.stocks().by_product(790).await.unwrap();
    assert_eq!(
        (b.product_id, b.total_stock, b.stocks[1].qty),
        (Some(789), Some(5), Some(3))
    );
    let c = client.stocks().by_product(791).await.unwrap();
    assert_eq!((c.stocks.len(), c.total_stock), (1, Some(5)));
}

#[tokio::test]
async fn lists_low_stock_warnings() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/stocks/low-stock"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": [{"id": 5, "product_name": "Gömlek", "qty": 1}],
            "pagination": {"current_page": 2, "last_page": 2, "per_page": 15, "total": 16}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .stocks()
        .low_stock(2, PerPage::Default)
        .await
        .unwrap();
    assert_eq!(page.items[0].product_name.as_deref(), Some("Gömlek"));
    assert_eq!(page.pagination.unwrap().total, Some(16));
}

#[tokio::test]
async fn updates_one_stock_and_retries_it_as_idempotent() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/stocks/11"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/stocks/11"))
        .and(body_json(json!({"qty": 40})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "data": {"id": 11, "qty": 40}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let s = client(&server)
        .stocks()
        .update(11, 40)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.qty, Some(40));
}

#[tokio::test]
async fn bulk_updates_stocks_and_retries_the_absolute_write() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/stocks/bulk-update"))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/stocks/bulk-update"))
        .and(body_json(
            json!({"stocks": [{"id": 11, "qty": 0}, {"id": 8, "qty": 5}]}),
        ))
        .respond_with(bulk_ok())
        .expect(1)
        .mount(&server)
        .await;
    let r = client(&server)
        .stocks()
        .bulk_update(&[
            StockUpdate { id: 11, qty: 0 },
            StockUpdate { id: 8, qty: 5 },
        ])
        .await
        .unwrap();
    assert_eq!((r.updated_count, r.failed_count), (1, 1));
    assert_eq!(r.errors[0].id, Some(8));
    assert_eq!(r.errors[0].error.as_deref(), Some("Bulunamadı"));
}

#[tokio::test]
async fn stock_rules_are_checked_before_sending() {
    let server = silent_server().await;
    let client = client(&server);
    assert_eq!(
        field_of(client.stocks().update(11, -1).await.unwrap_err()),
        "qty"
    );
    let err = client
        .stocks()
        .bulk_update(&[StockUpdate { id: 1, qty: 1 }, StockUpdate { id: 0, qty: 1 }])
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "stocks[1].id");
    let err = client
        .stocks()
        .bulk_update(&[StockUpdate { id: 1, qty: -2 }])
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "stocks[0].qty");
    assert_eq!(
        field_of(client.stocks().bulk_update(&[]).await.unwrap_err()),
        "stocks"
    );
}

#[tokio::test]
async fn updates_one_price() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/prices/product/789"))
        .and(body_json(json!({"unit_price": 199.99})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "message": "Fiyat güncellendi"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .prices()
        .update(789, Decimal::new(19999, 2))
        .await
        .unwrap();
}

#[tokio::test]
async fn bulk_updates_prices() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/prices/bulk-update"))
        .and(body_json(json!({"prices": [
            {"product_id": 123, "unit_price": 199.99},
            {"product_id": 124, "unit_price": 300}
        ]})))
        .respond_with(bulk_ok())
        .expect(1)
        .mount(&server)
        .await;
    let r = client(&server)
        .prices()
        .bulk_update(&[
            PriceUpdate {
                product_id: 123,
                unit_price: Decimal::new(19999, 2),
            },
            PriceUpdate {
                product_id: 124,
                unit_price: Decimal::from(300),
            },
        ])
        .await
        .unwrap();
    assert_eq!(r.updated_count, 1);
}

#[tokio::test]
async fn price_rules_are_checked_before_sending() {
    let server = silent_server().await;
    let client = client(&server);
    let err = client
        .prices()
        .update(1, Decimal::NEGATIVE_ONE)
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "unit_price");
    let err = client
        .prices()
        .bulk_update(&[PriceUpdate {
            product_id: 0,
            unit_price: Decimal::ONE,
        }])
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "prices[0].product_id");
    let err = client
        .prices()
        .bulk_update(&[
            PriceUpdate {
                product_id: 1,
                unit_price: Decimal::ONE,
            },
            PriceUpdate {
                product_id: 2,
                unit_price: Decimal::new(-1, 2),
            },
        ])
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "prices[1].unit_price");
}
