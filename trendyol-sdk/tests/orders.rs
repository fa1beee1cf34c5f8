//! Orders over HTTP against wiremock on 127.0.0.1: reading packages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use futures::TryStreamExt;
use marketplace_core::codec::Id;
use serde_json::{Value, json};
use trendyol_sdk::api::orders::{PackageStreamQuery, ShipmentPackagesQuery};
use trendyol_sdk::model::orders::{OrderByDirection, OrderByField, PackageStatus};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const V2_PAGE: &str = include_str!("fixtures/orders/shipment_packages_v2.json");
const V2_PATH: &str = "/integration/order/sellers/777/v2/orders";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn at(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, d, 0, 0, 0).unwrap()
}

fn params(req: &Request) -> HashMap<String, String> {
    req.url.query_pairs().into_owned().collect()
}

fn package(id: u64) -> Value {
    json!({"shipmentPackageId": id, "status": "Created", "lines": []})
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(V2_PATH))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .and(query_param(
            "startDate",
            at(1).timestamp_millis().to_string(),
        ))
        .and(query_param(
            "endDate",
            at(10).timestamp_millis().to_string(),
        ))
        .and(query_param("page", "2"))
        .and(query_param("size", "50"))
        .and(query_param("orderNumber", "10654411111"))
        .and(query_param("status", "Created,Picking"))
        .and(query_param("orderByField", "PackageLastModifiedDate"))
        .and(query_param("orderByDirection", "DESC"))
        .and(query_param("shipmentPackageIds", "11"))
        .and(query_param("supplierId", "777"))
        .respond_with(ResponseTemplate::new(200).set_body_string(V2_PAGE))
        .expect(1)
        .mount(&server)
        .await;
    let q = ShipmentPackagesQuery::new()
        .start_date(at(1))
        .end_date(at(10))
        .page(2u32)
        .size(50u32)
        .order_number("10654411111")
        .status(PackageStatus::Created)
        .status(PackageStatus::Picking)
        .order_by_field(OrderByField::PackageLastModifiedDate)
        .order_by_direction(OrderByDirection::Desc)
        .shipment_package_id(11u64)
        .shipment_package_id(12u64)
        .supplier_id(777u64);
    let page = client(&server).orders().list(&q).await.unwrap();
    assert_eq!(page.total_elements, Some(1));
    assert_eq!(
        page.content[0].shipment_package_id,
        Id::from(3_330_111_111u64)
    );
    assert_eq!(
        page.content[0].lines[0].stock_code.as_deref(),
        Some("111111")
    );
    let reqs = server.received_requests().await.unwrap();
    let ids: Vec<_> = reqs[0]
        .url
        .query_pairs()
        .filter(|(k, _)| k == "shipmentPackageIds")
        .map(|(_, v)| v.into_owned())
        .collect();
    assert_eq!(ids, ["11", "12"]);
}

#[tokio::test]
async fn list_rejects_bad_queries_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let orders = client(&server);
    let orders = orders.orders();
    let cases = [
        (ShipmentPackagesQuery::new().size(201u32), "size"),
        (
            ShipmentPackagesQuery::new()
                .start_date(at(10))
                .end_date(at(1)),
            "startDate",
        ),
        (
            ShipmentPackagesQuery::new()
                .start_date(at(1))
                .end_date(at(20)),
            "startDate",
        ),
        (
            (0..51u64).fold(ShipmentPackagesQuery::new(), |q, i| {
                q.shipment_package_id(i)
            }),
            "shipmentPackageIds",
        ),
    ];
    for (q, field) in cases {
        match orders.list(&q).await.unwrap_err() {
            Error::InvalidInput { field: f, .. } => assert_eq!(f, field),
            other => panic!("{other}"),
        }
    }
    // The stream checks too, and yields the error.
    let err = orders
        .stream(
            &ShipmentPackagesQuery::new()
                .start_date(at(10))
                .end_date(at(1)),
        )
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }));
}

/// A 5-week range becomes three windows (14 + 14 + 7 days) with exact millis; pages within
/// a window are followed; a package on a shared boundary comes once.
#[tokio::test]
async fn stream_splits_five_weeks_into_three_windows_and_yields_each_package_once() {
    let server = MockServer::start().await;
    let start = at(1);
    let w1 = start.timestamp_millis();
    let w2 = (start + TimeDelta::days(14)).timestamp_millis();
    let w3 = (start + TimeDelta::days(28)).timestamp_millis();
    let end = (start + TimeDelta::days(35)).timestamp_millis();
    Mock::given(method("GET"))
        .and(path(V2_PATH))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(move |req: &Request| {
            let p = params(req);
            let s: i64 = p["startDate"].parse().unwrap();
            let page: u32 = p["page"].parse().unwrap();
            assert_eq!(p["size"], "2");
            assert_eq!(p["status"], "Created");
            let (content, total) = match (s, page) {
                (s, 0) if s == w1 => (vec![package(1), package(2)], 3),
                (s, 1) if s == w1 => (vec![package(3)], 3),
                (s, 0) if s == w2 => (vec![package(3), package(4)], 2),
                (s, 0) if s == w3 => (vec![package(5)], 1),
                _ => (vec![], 0),
            };
            ResponseTemplate::new(200).set_body_json(json!({
                "totalElements": total, "totalPages": (total + 1) / 2, "page": page, "size": 2,
                "content": content
            }))
        })
        .mount(&server)
        .await;
    let q = ShipmentPackagesQuery::new()
        .start_date(start)
        .end_date(start + TimeDelta::days(35))
        .status(PackageStatus::Created)
        .size(2u32);
    let c = client(&server);
    let got: Vec<_> = c.orders().stream(&q).try_collect().await.unwrap();
    let ids: Vec<_> = got
        .iter()
        .map(|p| p.shipment_package_id.as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    let windows: Vec<(String, String, String)> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let p = params(r);
            (
                p["startDate"].clone(),
                p["endDate"].clone(),
                p["page"].clone(),
            )
        })
        .collect();
    assert_eq!(
        windows,
        [
            (w1.to_string(), w2.to_string(), "0".to_string()),
            (w1.to_string(), w2.to_string(), "1".to_string()),
            (w2.to_string(), w3.to_string(), "0".to_string()),
            (w3.to_string(), end.to_string(), "0".to_string()),
        ]
    );
}

/// A window whose `totalElements` is over the 10,000 cap is halved, not truncated.
#[tokio::test]
async fn stream_narrows_a_window_over_the_10000_cap() {
    let server = MockServer::start().await;
    let start = at(1);
    let mid = (start + TimeDelta::days(5)).timestamp_millis();
    Mock::given(method("GET"))
        .and(path(V2_PATH))
        .respond_with(move |req: &Request| {
            let p = params(req);
            let s: i64 = p["startDate"].parse().unwrap();
            let e: i64 = p["endDate"].parse().unwrap();
            let body = if e - s > TimeDelta::days(5).num_milliseconds() {
                json!({"totalElements": 10_001, "totalPages": 51, "page": 0, "size": 200,
                       "content": [package(1)]})
            } else if s < mid {
                json!({"totalElements": 1, "totalPages": 1, "content": [package(1)]})
            } else {
                json!({"totalElements": 1, "totalPages": 1, "content": [package(2)]})
            };
            ResponseTemplate::new(200).set_body_json(body)
        })
        .mount(&server)
        .await;
    let q = ShipmentPackagesQuery::new()
        .start_date(start)
        .end_date(start + TimeDelta::days(10));
    let c = client(&server);
    let got: Vec<_> = c.orders().stream(&q).try_collect().await.unwrap();
    let ids: Vec<_> = got
        .iter()
        .map(|p| p.shipment_package_id.as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2]);
    let reqs = server.received_requests().await.unwrap();
    let seen: Vec<(String, String)> = reqs
        .iter()
        .map(|r| {
            let p = params(r);
            (p["startDate"].clone(), p["endDate"].clone())
        })
        .collect();
    let (s, e) = (
        start.timestamp_millis(),
        (start + TimeDelta::days(10)).timestamp_millis(),
    );
    assert_eq!(
        seen,
        [
            (s.to_string(), e.to_string()),
            (s.to_string(), mid.to_string()),
            (mid.to_string(), e.to_string()),
        ]
    );
    assert!(reqs.iter().all(|r| params(r)["size"] == "200"));
}

#[tokio::test]
async fn cursor_stream_follows_next_cursor_until_has_more_is_false() {
    let server = MockServer::start().await;
    let path_s = "/integration/order/sellers/777/orders/stream";
    Mock::given(method("GET"))
        .and(path(path_s))
        .and(query_param_is_missing("nextCursor"))
        .and(query_param("size", "2"))
        .and(query_param("packageItemStatuses", "Created,Shipped"))
        .and(query_param(
            "lastModifiedStartDate",
            at(1).timestamp_millis().to_string(),
        ))
        .and(query_param(
            "lastModifiedEndDate",
            at(3).timestamp_millis().to_string(),
        ))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "hasMore": true, "nextCursor": "609ca79b", "size": 2,
            "content": [package(1), package(2)]
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(path_s))
        .and(query_param("nextCursor", "609ca79b"))
        .and(query_param("packageItemStatuses", "Created,Shipped"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "hasMore": false, "nextCursor": "", "size": 2, "content": [package(3)]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let q = PackageStreamQuery::new()
        .size(2u32)
        .package_item_status(PackageStatus::Created)
        .package_item_status(PackageStatus::Shipped)
        .last_modified_start_date(at(1))
        .last_modified_end_date(at(3));
    let c = client(&server);
    let got: Vec<_> = c.orders().cursor_stream(&q).try_collect().await.unwrap();
    let ids: Vec<_> = got
        .iter()
        .map(|p| p.shipment_package_id.as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 3]);
    // Range over two weeks is refused before sending.
    let bad = PackageStreamQuery::new()
        .last_modified_start_date(at(1))
        .last_modified_end_date(at(20));
    let err = c.orders().stream_page(&bad, None).await.unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { ref field, .. } if field == "lastModifiedStartDate")
    );
}

#[tokio::test]
async fn package_streams_are_send_so_a_sync_can_run_in_a_spawned_task() {
    fn assert_send<T: Send>(_: &T) {}
    let server = MockServer::start().await;
    let client = client(&server);
    let orders = client.orders();
    assert_send(&orders.stream(&ShipmentPackagesQuery::default()));
    assert_send(&orders.cursor_stream(&PackageStreamQuery::default()));
}
