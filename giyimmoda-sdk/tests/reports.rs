//! Reports against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use giyimmoda_sdk::model::{GroupBy, ProductReportQuery, ReportPeriod, SalesReportQuery};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{any, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("sk_test")
        .api_secret("shh")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

async fn expect_no_request(server: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(server)
        .await;
}

fn ok(data: &serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": true, "data": data}))
}

fn december() -> ReportPeriod {
    ReportPeriod::between(
        NaiveDate::from_ymd_opt(2024, 12, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    )
}

#[tokio::test]
async fn sales_sends_range_and_grouping_and_reads_rows_and_summary() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reports/sales"))
        .and(query_param("date_from", "2024-12-01"))
        .and(query_param("date_to", "2024-12-31"))
        .and(query_param("group_by", "week"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(&json!({
            "total_sales": "1500.00",
            "currency": "TRY",
            "data": [
                {"period": "2024-49", "total_sales": "1000.00", "total_orders": "4"},
                {"period": 202450, "total_sales": 500.5, "total_orders": 2, "avg": "250.25"}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let query = SalesReportQuery::new()
        .period(december())
        .group_by(GroupBy::Week);
    let report = client(&server).reports().sales(&query).await.unwrap();
    assert_eq!(report.rows.len(), 2);
    assert_eq!(report.rows[0].total_sales, Some(Decimal::new(100_000, 2)));
    assert_eq!(report.rows[0].total_orders, Some(4));
    assert_eq!(report.rows[1].period.as_deref(), Some("202450"));
    assert_eq!(report.rows[1].total_sales, Some(Decimal::new(5005, 1)));
    assert_eq!(report.rows[1].extra["avg"], "250.25");
    assert_eq!(report.summary["total_sales"], "1500.00");
    assert!(!report.summary.contains_key("data"));
}

#[tokio::test]
async fn sales_accepts_a_plain_list_and_sends_no_unset_parameters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reports/sales"))
        .and(query_param_is_missing("date_from"))
        .and(query_param_is_missing("group_by"))
        .respond_with(ok(
            &json!([{"period": "2024-12-15", "total_sales": "250.00"}]),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let report = client(&server)
        .reports()
        .sales(&SalesReportQuery::new())
        .await
        .unwrap();
    assert_eq!(report.rows[0].period.as_deref(), Some("2024-12-15"));
    assert_eq!(report.rows[0].total_orders, None);
    assert!(report.summary.is_empty());
}

#[test]
fn group_by_keeps_unknown_values() {
    let g: GroupBy = serde_json::from_str("\"quarter\"").unwrap();
    assert_eq!(g, GroupBy::Other("quarter".into()));
    assert_eq!(serde_json::to_string(&g).unwrap(), "\"quarter\"");
    for known in GroupBy::KNOWN {
        assert_eq!(known.as_str().parse::<GroupBy>().unwrap(), *known);
    }
    assert_eq!(GroupBy::Month.to_string(), "month");
}

#[tokio::test]
async fn products_sends_limit_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reports/products"))
        .and(query_param("limit", "5"))
        .and(query_param("date_from", "2024-12-01"))
        .respond_with(ok(&json!({"products": [
            {"product_id": "789", "name": "Elbise", "total_quantity": 12, "total_sales": "1800.00"}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    let query = ProductReportQuery::new().period(december()).limit(5);
    let report = client(&server).reports().products(&query).await.unwrap();
    assert_eq!(report.rows[0].product_id, Some(789));
    assert_eq!(report.rows[0].total_quantity, Some(12));
    assert_eq!(report.rows[0].total_sales, Some(Decimal::new(180_000, 2)));
}

#[tokio::test]
async fn zero_limit_and_inverted_range_are_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let client = client(&server);
    let err = client
        .reports()
        .products(&ProductReportQuery::new().limit(0))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "limit"));
    let inverted = ReportPeriod::new()
        .date_from(NaiveDate::from_ymd_opt(2025, 1, 2).unwrap())
        .date_to(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    let err = client.reports().dashboard(&inverted).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "date_to"));
}

#[tokio::test]
async fn commission_report_decodes_rows() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reports/commission"))
        .and(query_param("date_to", "2024-12-31"))
        .respond_with(ok(&json!({
            "total_commission": "45.00",
            "items": [{"order_id": 123, "admin_commission": "25.00", "seller_earning": "225.00"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let report = client(&server)
        .reports()
        .commission(&december())
        .await
        .unwrap();
    assert_eq!(report.rows[0].order_id, Some(123));
    assert_eq!(report.rows[0].seller_earning, Some(Decimal::new(22_500, 2)));
    assert_eq!(report.summary["total_commission"], "45.00");
}

#[tokio::test]
async fn dashboard_decodes_numbers_sent_as_strings() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reports/dashboard"))
        .respond_with(ok(&json!({
            "total_sales": "12500.75",
            "total_orders": "48",
            "pending_orders": 3,
            "total_products": null,
            "low_stock_products": 2
        })))
        .expect(1)
        .mount(&server)
        .await;
    let d = client(&server)
        .reports()
        .dashboard(&ReportPeriod::new())
        .await
        .unwrap();
    assert_eq!(d.total_sales, Some(Decimal::new(1_250_075, 2)));
    assert_eq!(d.total_orders, Some(48));
    assert_eq!(d.pending_orders, Some(3));
    assert_eq!(d.total_products, None);
    assert_eq!(d.extra["low_stock_products"], 2);
}

#[tokio::test]
async fn a_malformed_row_names_its_position() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/reports/sales"))
        .respond_with(ok(&json!([{"total_sales": "abc"}])))
        .mount(&server)
        .await;
    let err = client(&server)
        .reports()
        .sales(&SalesReportQuery::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("row 0"), "{err}");
}
