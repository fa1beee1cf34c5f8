//! Coupons against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, TimeZone, Utc};
use giyimmoda_sdk::model::{CouponType, CouponUpdate, DiscountType, ListQuery, NewCoupon, PerPage};
use giyimmoda_sdk::{Client, Error};
use rust_decimal::Decimal;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path, query_param};
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

fn coupon() -> serde_json::Value {
    json!({
        "id": 11,
        "type": "cart_base",
        "code": "YILBASI25",
        "discount": "25.00",
        "discount_type": "percent",
        "start_date": 1733011200,
        "end_date": "2024-12-31 23:59:59",
        "status": "1",
        "details": "{\"min_buy\":\"100\",\"max_discount\":\"50\"}"
    })
}

#[tokio::test]
async fn list_all_coupons_decodes_types_and_dates() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/coupons"))
        .and(query_param("per_page", "all"))
        .and(header("x-api-key", "sk_test"))
        .respond_with(ok(
            &json!([coupon(), {"id": 12, "type": "flash_base", "discount_type": null}]),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .coupons()
        .list(&ListQuery::new().per_page(PerPage::All))
        .await
        .unwrap();
    let c = &page.items[0];
    assert_eq!(c.coupon_type, Some(CouponType::CartBase));
    assert_eq!(c.discount, Some(Decimal::new(2500, 2)));
    assert_eq!(c.discount_type, Some(DiscountType::Percent));
    // Epoch seconds and Istanbul local time.
    assert_eq!(
        c.start_date,
        Some(Utc.with_ymd_and_hms(2024, 12, 1, 0, 0, 0).unwrap())
    );
    assert_eq!(
        c.end_date,
        Some(Utc.with_ymd_and_hms(2024, 12, 31, 20, 59, 59).unwrap())
    );
    assert_eq!(c.status, Some(true));
    assert!(c.extra.contains_key("details"));
    // An unknown type is kept, not an error.
    assert_eq!(
        page.items[1].coupon_type,
        Some(CouponType::Other("flash_base".into()))
    );
    assert_eq!(page.items[1].discount_type, None);
}

#[tokio::test]
async fn get_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/coupons/11"))
        .respond_with(ok(&coupon()))
        .expect(1)
        .mount(&server)
        .await;
    let c = client(&server).coupons().get(11).await.unwrap();
    assert_eq!(c.code.as_deref(), Some("YILBASI25"));
}

#[tokio::test]
async fn create_posts_the_documented_type_and_dates_as_days() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/coupons"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "type": "product_base",
            "code": "ELBISE10",
            "discount": 10,
            "discount_type": "amount",
            "start_date": "2025-01-01",
            "end_date": "2025-01-31",
            "product_ids": [789, 790]
        })))
        .respond_with(ok(
            &json!({"id": 13, "type": "product_base", "code": "ELBISE10"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut new = NewCoupon::new(
        CouponType::ProductBase,
        "ELBISE10",
        Decimal::from(10),
        DiscountType::Amount,
    );
    new.start_date = NaiveDate::from_ymd_opt(2025, 1, 1);
    new.end_date = NaiveDate::from_ymd_opt(2025, 1, 31);
    new.product_ids = vec![789, 790];
    let c = client(&server).coupons().create(&new).await.unwrap();
    assert_eq!(c.id, 13);
    assert_eq!(c.coupon_type, Some(CouponType::ProductBase));
}

#[tokio::test]
async fn create_checks_happen_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let client = client(&server);
    let base = || {
        NewCoupon::new(
            CouponType::CartBase,
            "KOD",
            Decimal::from(10),
            DiscountType::Percent,
        )
    };
    let cases: Vec<(NewCoupon, &str)> = vec![
        (
            NewCoupon {
                coupon_type: CouponType::from("flash_base"),
                ..base()
            },
            "type",
        ),
        (
            NewCoupon {
                code: " ".into(),
                ..base()
            },
            "code",
        ),
        (
            NewCoupon {
                discount: Decimal::ZERO,
                ..base()
            },
            "discount",
        ),
        (
            NewCoupon {
                discount: Decimal::from(120),
                ..base()
            },
            "discount",
        ),
        (
            NewCoupon {
                start_date: NaiveDate::from_ymd_opt(2025, 2, 1),
                end_date: NaiveDate::from_ymd_opt(2025, 1, 1),
                ..base()
            },
            "end_date",
        ),
        (
            NewCoupon {
                min_buy: Some(Decimal::from(-1)),
                ..base()
            },
            "min_buy",
        ),
        (
            NewCoupon {
                coupon_type: CouponType::ProductBase,
                ..base()
            },
            "product_ids",
        ),
    ];
    for (coupon, expected) in cases {
        let err = client.coupons().create(&coupon).await.unwrap_err();
        match err {
            Error::InvalidInput { field, .. } => assert_eq!(field, expected),
            other => panic!("expected InvalidInput({expected}), got {other:?}"),
        }
    }
}

#[tokio::test]
async fn update_sends_only_the_fields_set() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/seller/coupons/11"))
        .and(body_json(json!({"discount": 30, "end_date": "2025-02-28"})))
        .respond_with(ok(&coupon()))
        .expect(1)
        .mount(&server)
        .await;
    let update = CouponUpdate {
        discount: Some(Decimal::from(30)),
        end_date: NaiveDate::from_ymd_opt(2025, 2, 28),
        ..Default::default()
    };
    client(&server).coupons().update(11, &update).await.unwrap();
}

#[tokio::test]
async fn empty_or_bad_update_is_rejected_before_sending() {
    let server = MockServer::start().await;
    expect_no_request(&server).await;
    let client = client(&server);
    let err = client
        .coupons()
        .update(11, &CouponUpdate::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "coupon"));
    let update = CouponUpdate {
        discount: Some(Decimal::from(150)),
        discount_type: Some(DiscountType::Percent),
        ..Default::default()
    };
    let err = client.coupons().update(11, &update).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "discount"));
}

#[tokio::test]
async fn delete_sends_delete() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/seller/coupons/11"))
        .and(header("x-api-secret", "shh"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "message": "Silindi"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    client(&server).coupons().delete(11).await.unwrap();
}

#[test]
fn coupon_type_round_trips() {
    for t in CouponType::KNOWN {
        let json = serde_json::to_string(t).unwrap();
        assert_eq!(serde_json::from_str::<CouponType>(&json).unwrap(), *t);
        assert_eq!(t.as_str().parse::<CouponType>().unwrap(), *t);
    }
    assert_eq!(CouponType::WelcomeBase.as_str(), "welcome_base");
}

#[tokio::test]
async fn a_malformed_amount_is_a_decode_error_naming_the_field() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/coupons/11"))
        .respond_with(ok(&json!({"id": 11, "discount": "yirmi"})))
        .mount(&server)
        .await;
    let err = client(&server).coupons().get(11).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("data.discount") && text.contains("yirmi"),
        "{text}"
    );
}
