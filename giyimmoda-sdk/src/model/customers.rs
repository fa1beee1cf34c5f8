//! Customers who bought from the seller.
//!
//! The API document lists `customers` (with `per_page=all`) and `customers/{id}`
//! ("customer detail and order history") but shows no sample answer. The models name the
//! usual user columns and, for the order history, the fields of the documented order list
//! sample (`id`, `code`, `date`, `payment_status`, `delivery_status`, `grand_total`); all
//! optional except `id`, other fields are kept in `extra`.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// A customer (`GET customers`). No documented sample: unknown fields are kept in
/// `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    /// User id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone: Option<String>,
    /// Registration time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A customer with the orders they placed with this seller (`GET customers/{id}`). The
/// order history is read from `orders` (or, if the server names it so, `order_history`).
/// No documented sample: unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerDetail {
    /// User id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone: Option<String>,
    /// Registration time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// The customer's orders with this seller.
    #[serde(default, alias = "order_history")]
    pub orders: Vec<CustomerOrder>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One order in a customer's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerOrder {
    /// Order id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Order code (`20241215-14302545`).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Order time (Istanbul local time on the wire).
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub date: Option<DateTime<Utc>>,
    /// `paid` / `unpaid`.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub payment_status: Option<String>,
    /// `pending`, `confirmed`, `picked_up`, `on_the_way`, `delivered`, `cancelled`.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub delivery_status: Option<String>,
    /// Order total.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub grand_total: Option<Decimal>,
    /// Every other field of the order.
    #[serde(flatten)]
    pub extra: Extra,
}
