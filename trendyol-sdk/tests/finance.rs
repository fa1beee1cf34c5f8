//! Finance (§9) over wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use futures::TryStreamExt;
use rust_decimal::Decimal;
use serde_json::json;
use trendyol_sdk::model::finance::{FinanceQuery, TransactionType};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SETTLEMENTS: &str = "/integration/finance/che/sellers/777/settlements";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn fixture(text: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(text.as_bytes().to_vec(), "application/json")
}

fn field_of(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn ms(v: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(v).unwrap()
}

#[tokio::test]
async fn settlements_page_sends_type_range_and_size_and_decodes_money() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SETTLEMENTS))
        .and(query_param("transactionType", "Sale"))
        .and(query_param("startDate", "1613000000000"))
        .and(query_param("endDate", "1613800000000"))
        .and(query_param("page", "0"))
        .and(query_param("size", "500"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(fixture(include_str!("fixtures/finance/settlements.json")))
        .expect(1)
        .mount(&server)
        .await;
    let query = FinanceQuery::of_type(TransactionType::Sale)
        .start_date(ms(1_613_000_000_000))
        .end_date(ms(1_613_800_000_000))
        .page(0)
        .size(500);
    let page = client(&server).finance().settlements(&query).await.unwrap();
    assert_eq!(page.total_elements, Some(438_974));
    let r = &page.content[0];
    assert_eq!(r.id.as_str(), "725041340");
    assert_eq!(r.transaction_type.as_deref(), Some("Satış"));
    assert_eq!(r.credit, Some(Decimal::new(44999, 2)));
    assert_eq!(r.commission_amount, Some(Decimal::new(674_985, 4)));
    assert_eq!(r.seller_revenue, Some(Decimal::new(3_824_915, 4)));
    assert_eq!(r.payment_order_id.as_ref().unwrap().as_str(), "112360");
    assert_eq!(r.store_id, None);
    assert_eq!(r.affiliate.as_deref(), Some("TRENDYOLTR"));
}

#[tokio::test]
async fn other_financials_with_types_sub_type_and_payment_date() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/finance/che/sellers/777/otherfinancials"))
        .and(query_param(
            "transactionTypes",
            "DeductionInvoices,PaymentOrder",
        ))
        .and(query_param("transactionSubType", "PlatformServiceFee"))
        .and(query_param("paymentDate", "2025-01-08"))
        .respond_with(fixture(include_str!(
            "fixtures/finance/other_financials.json"
        )))
        .expect(1)
        .mount(&server)
        .await;
    let query = FinanceQuery::of_types([
        TransactionType::DeductionInvoices,
        TransactionType::PaymentOrder,
    ])
    .transaction_sub_type("PlatformServiceFee")
    .payment_date(NaiveDate::from_ymd_opt(2025, 1, 8).unwrap());
    let page = client(&server)
        .finance()
        .other_financials(&query)
        .await
        .unwrap();
    let r = &page.content[0];
    assert_eq!(r.id.as_str(), "DCF2024000123456");
    assert_eq!(r.transaction_type.as_deref(), Some("Kargo Faturası"));
    assert_eq!(r.debt, Some(Decimal::new(123_456, 2)), "\"1.234,56\"");
    assert_eq!(r.currency.as_deref(), Some("TRY"));
    assert_eq!(r.order_number, None);
}

#[tokio::test]
async fn statement_rules_are_checked_before_sending() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    let f = client.finance();
    let range =
        |q: FinanceQuery, days: i64| q.start_date(ms(0)).end_date(ms(0) + TimeDelta::days(days));
    let no_type = range(FinanceQuery::default(), 1);
    assert_eq!(
        field_of(&f.settlements(&no_type).await.unwrap_err()),
        "transactionType"
    );
    let too_long = range(FinanceQuery::of_type(TransactionType::Sale), 16);
    assert_eq!(
        field_of(&f.settlements(&too_long).await.unwrap_err()),
        "endDate"
    );
    let backwards = FinanceQuery::of_type(TransactionType::Sale)
        .start_date(ms(10))
        .end_date(ms(0));
    assert_eq!(
        field_of(&f.settlements(&backwards).await.unwrap_err()),
        "endDate"
    );
    let bad_size = range(FinanceQuery::of_type(TransactionType::Sale), 1).size(200);
    assert_eq!(
        field_of(&f.settlements(&bad_size).await.unwrap_err()),
        "size"
    );
    let no_range = FinanceQuery::of_type(TransactionType::Sale);
    assert_eq!(
        field_of(&f.other_financials(&no_range).await.unwrap_err()),
        "startDate"
    );
    // The stream reports the same problems as its first item, without a request.
    let err = f
        .settlements_stream(&no_type)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(field_of(&err), "transactionType");
    assert_eq!(
        field_of(&f.payment_orders(0, 11).await.unwrap_err()),
        "size"
    );
}

#[tokio::test]
async fn settlements_stream_splits_a_month_into_15_day_windows() {
    let server = MockServer::start().await;
    let start = ms(1_735_689_600_000); // 2025-01-01
    let end = start + TimeDelta::days(31);
    let w1 = start + TimeDelta::days(15);
    let w2 = w1 + TimeDelta::days(15);
    let windows = [(start, w1), (w1, w2), (w2, end)];
    for (i, (s, e)) in windows.iter().enumerate() {
        // Each window has one record, plus the previous window's record (boundary).
        let mut content = vec![json!({"id": format!("r{i}"), "credit": 1})];
        if i > 0 {
            content.push(json!({"id": format!("r{}", i - 1), "credit": 1}));
        }
        Mock::given(method("GET"))
            .and(path(SETTLEMENTS))
            .and(query_param("startDate", s.timestamp_millis().to_string()))
            .and(query_param("endDate", e.timestamp_millis().to_string()))
            .and(query_param("size", "1000"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "page": 0, "size": 1000, "totalPages": 1, "totalElements": content.len(),
                "content": content
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let query = FinanceQuery::of_type(TransactionType::Sale)
        .start_date(start)
        .end_date(end)
        .size(1000);
    let all: Vec<_> = client
        .finance()
        .settlements_stream(&query)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = all.iter().map(|r| r.id.as_str().to_owned()).collect();
    assert_eq!(
        ids,
        ["r0", "r1", "r2"],
        "three windows, boundary duplicates dropped"
    );
}

#[tokio::test]
async fn payment_orders_page_and_stream() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/finance/che/sellers/777/payment-order"))
        .and(query_param("page", "0"))
        .and(query_param("size", "10"))
        .respond_with(fixture(include_str!(
            "fixtures/finance/payment_orders.json"
        )))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client.finance().payment_orders(0, 10).await.unwrap();
    assert_eq!(page.content[0].id.as_str(), "112360");
    assert_eq!(page.content[0].amount, Some(Decimal::new(1_523_475, 2)));
    assert_eq!(page.content[1].amount, Some(Decimal::new(98710, 2)));
    assert_eq!(page.content[1].region_code.as_deref(), Some("TR"));
    let all: Vec<_> = client
        .finance()
        .payment_orders_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn cargo_invoice_items_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/integration/finance/che/sellers/777/cargo-invoice/DCF2024000123456/items",
        ))
        .and(query_param("page", "0"))
        .and(query_param("size", "500"))
        .respond_with(fixture(include_str!(
            "fixtures/finance/cargo_invoice_items.json"
        )))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    let page = client
        .finance()
        .cargo_invoice_items("DCF2024000123456", 0, 500)
        .await
        .unwrap();
    assert_eq!(page.total_elements, Some(25));
    let item = &page.content[1];
    assert_eq!(
        item.shipment_package_type.as_deref(),
        Some("İade Kargo Bedeli")
    );
    assert_eq!(
        item.parcel_unique_id.as_ref().unwrap().as_str(),
        "7265609146531138"
    );
    assert_eq!(item.amount, Some(Decimal::new(3424, 2)));
    assert_eq!(item.desi, Some(Decimal::ONE));
    let all: Vec<_> = client
        .finance()
        .cargo_invoice_items_stream("DCF2024000123456")
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2, "totalPages 1");
}
