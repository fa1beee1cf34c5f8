//! Discount coupons.
//!
//! The API document lists the coupon endpoints and the three coupon types
//! (`product_base` — product-based, `cart_base` — cart-based, `welcome_base` — welcome
//! coupon) but shows no sample request or answer. The models use the platform's
//! `coupons` columns (`type`, `code`, `discount`, `discount_type`, `start_date`,
//! `end_date`, …), all optional on the way in except `id`, and keep every other field in
//! `extra`.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

marketplace_core::string_enum! {
    /// What a coupon applies to (`type`).
    pub enum CouponType {
        /// Discount on chosen products (`product_base`).
        ProductBase = "product_base",
        /// Discount on the cart total (`cart_base`).
        CartBase = "cart_base",
        /// Welcome coupon for new customers (`welcome_base`).
        WelcomeBase = "welcome_base",
    }
    /// A type this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// How `discount` is meant (`discount_type`; not in the document, the platform's values).
    pub enum DiscountType {
        /// A fixed amount.
        Amount = "amount",
        /// A percentage (0–100].
        Percent = "percent",
    }
    /// A value this version does not know.
    Other(String)
}

/// A coupon (`GET coupons`, `GET coupons/{id}`). No documented sample: unknown fields
/// are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coupon {
    /// Coupon id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Coupon type (`type`).
    #[serde(rename = "type", default)]
    pub coupon_type: Option<CouponType>,
    /// The code customers enter.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Discount value (amount or percentage, see `discount_type`).
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub discount: Option<Decimal>,
    /// How `discount` is meant.
    #[serde(default)]
    pub discount_type: Option<DiscountType>,
    /// First valid moment (dates, date-times and epoch seconds are all read).
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub start_date: Option<DateTime<Utc>>,
    /// Last valid moment.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub end_date: Option<DateTime<Utc>>,
    /// Whether the coupon is active.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub status: Option<bool>,
    /// Creation time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST coupons`. Checked before sending: `type` is one of the three documented
/// types, `code` is not blank, `discount` > 0 (≤ 100 for percentages), `end_date` is not
/// before `start_date`, `min_buy`/`max_discount` ≥ 0, and a `product_base` coupon names
/// at least one product. Dates go out as `Y-m-d`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCoupon {
    /// Coupon type (`type`).
    #[serde(rename = "type")]
    pub coupon_type: CouponType,
    /// The code customers enter.
    pub code: String,
    /// Discount value.
    #[serde(with = "marketplace_core::codec::decimal")]
    pub discount: Decimal,
    /// How `discount` is meant.
    pub discount_type: DiscountType,
    /// First valid day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// Last valid day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// Products a `product_base` coupon applies to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub product_ids: Vec<u64>,
    /// Minimum cart total (`cart_base`, `welcome_base`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub min_buy: Option<Decimal>,
    /// Largest discount a percentage coupon gives.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub max_discount: Option<Decimal>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl NewCoupon {
    /// A coupon with the required fields; the rest unset.
    pub fn new(
        coupon_type: impl Into<CouponType>,
        code: impl Into<String>,
        discount: Decimal,
        discount_type: impl Into<DiscountType>,
    ) -> Self {
        NewCoupon {
            coupon_type: coupon_type.into(),
            code: code.into(),
            discount,
            discount_type: discount_type.into(),
            start_date: None,
            end_date: None,
            product_ids: Vec::new(),
            min_buy: None,
            max_discount: None,
            extra: Extra::new(),
        }
    }
}

/// Body of `PUT coupons/{id}`: only the fields that are set are sent, checked like
/// [`NewCoupon`]'s.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CouponUpdate {
    /// Coupon type (`type`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub coupon_type: Option<CouponType>,
    /// The code customers enter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Discount value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub discount: Option<Decimal>,
    /// How `discount` is meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_type: Option<DiscountType>,
    /// First valid day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// Last valid day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// Products a `product_base` coupon applies to (sent when set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_ids: Option<Vec<u64>>,
    /// Minimum cart total.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub min_buy: Option<Decimal>,
    /// Largest discount a percentage coupon gives.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub max_discount: Option<Decimal>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl CouponUpdate {
    /// Whether nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self.coupon_type.is_none()
            && self.code.is_none()
            && self.discount.is_none()
            && self.discount_type.is_none()
            && self.start_date.is_none()
            && self.end_date.is_none()
            && self.product_ids.is_none()
            && self.min_buy.is_none()
            && self.max_discount.is_none()
            && self.extra.is_empty()
    }
}
