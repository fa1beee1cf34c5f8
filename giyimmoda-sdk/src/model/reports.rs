//! Reports: sales, product performance, commission, dashboard.
//!
//! The API document lists the four report endpoints and their query parameters
//! (`date_from`, `date_to` as `Y-m-d`, `group_by` = day/week/month, `limit` for the
//! product report) but shows no sample answer. The row types name the obvious figures,
//! all optional and read leniently (amounts as [`Decimal`] from numbers or `"250.00"`
//! strings), and keep every other field in `extra`. A report answer may be a plain list
//! of rows or an object holding the rows under `data`, `rows`, `items` or `report` next
//! to summary figures; both are accepted (summary figures land in `summary`).

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::CommissionRecord;

type Extra = serde_json::Map<String, Value>;

marketplace_core::string_enum! {
    /// How the sales report groups its rows (`group_by`).
    pub enum GroupBy {
        /// One row per day.
        Day = "day",
        /// One row per week.
        Week = "week",
        /// One row per month.
        Month = "month",
    }
    /// A grouping this version does not know.
    Other(String)
}

/// A date range (`date_from`, `date_to`, both `Y-m-d`, both optional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportPeriod {
    /// First day (`date_from`).
    pub date_from: Option<NaiveDate>,
    /// Last day (`date_to`).
    pub date_to: Option<NaiveDate>,
}

impl ReportPeriod {
    /// No range: the server's default.
    pub fn new() -> Self {
        Self::default()
    }

    /// From `from` to `to`, both inclusive.
    pub fn between(from: NaiveDate, to: NaiveDate) -> Self {
        ReportPeriod {
            date_from: Some(from),
            date_to: Some(to),
        }
    }

    /// Set the first day.
    #[must_use]
    pub fn date_from(mut self, day: impl Into<NaiveDate>) -> Self {
        self.date_from = Some(day.into());
        self
    }

    /// Set the last day.
    #[must_use]
    pub fn date_to(mut self, day: impl Into<NaiveDate>) -> Self {
        self.date_to = Some(day.into());
        self
    }
}

/// Query of `GET reports/sales`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SalesReportQuery {
    /// Date range.
    pub period: ReportPeriod,
    /// Grouping (`group_by`); the server's default when `None`.
    pub group_by: Option<GroupBy>,
}

impl SalesReportQuery {
    /// Everything at the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the date range.
    #[must_use]
    pub fn period(mut self, period: ReportPeriod) -> Self {
        self.period = period;
        self
    }

    /// Set the grouping.
    #[must_use]
    pub fn group_by(mut self, group_by: impl Into<GroupBy>) -> Self {
        self.group_by = Some(group_by.into());
        self
    }
}

/// Query of `GET reports/products`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductReportQuery {
    /// Date range.
    pub period: ReportPeriod,
    /// How many products (`limit`, at least 1); the server's default when `None`.
    pub limit: Option<u32>,
}

impl ProductReportQuery {
    /// Everything at the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the date range.
    #[must_use]
    pub fn period(mut self, period: ReportPeriod) -> Self {
        self.period = period;
        self
    }

    /// Set the number of products.
    #[must_use]
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// One row of the sales report. No documented sample: field names are assumed, other
/// fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalesRow {
    /// The day, week or month the row covers, as sent (`"2024-12-15"`, `"2024-50"`, …).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub period: Option<String>,
    /// Sales total.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub total_sales: Option<Decimal>,
    /// Number of orders.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_orders: Option<u64>,
    /// Every other field of the row.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One row of the product performance report. No documented sample: field names are
/// assumed, other fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductPerformance {
    /// Product id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub product_id: Option<u64>,
    /// Product name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub name: Option<String>,
    /// Units sold.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_quantity: Option<u64>,
    /// Sales total.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub total_sales: Option<Decimal>,
    /// Every other field of the row.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A report: its rows and any summary figures next to them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report<T> {
    /// The rows.
    pub rows: Vec<T>,
    /// Summary figures (every field of an object answer other than the rows).
    pub summary: Extra,
}

impl<T> Default for Report<T> {
    fn default() -> Self {
        Report {
            rows: Vec::new(),
            summary: Extra::new(),
        }
    }
}

/// Keys under which an object answer may hold the rows, tried in this order.
const ROW_KEYS: &[&str] = &["data", "rows", "items", "report", "sales", "products"];

impl<'de, T: DeserializeOwned> Deserialize<'de> for Report<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fn rows<T: DeserializeOwned, E: serde::de::Error>(items: Vec<Value>) -> Result<Vec<T>, E> {
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| T::deserialize(v).map_err(|e| E::custom(format!("row {i}: {e}"))))
                .collect()
        }
        match Value::deserialize(deserializer)? {
            Value::Null => Ok(Report::default()),
            Value::Array(items) => Ok(Report {
                rows: rows(items)?,
                summary: Extra::new(),
            }),
            Value::Object(mut map) => {
                let key = ROW_KEYS
                    .iter()
                    .find(|k| map.get(**k).is_some_and(Value::is_array));
                let items = match key.and_then(|k| map.remove(*k)) {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                };
                Ok(Report {
                    rows: rows(items)?,
                    summary: map,
                })
            }
            other => Err(D::Error::custom(format!(
                "expected a list of rows or an object, got {}",
                Kind(&other)
            ))),
        }
    }
}

struct Kind<'a>(&'a Value);

impl fmt::Display for Kind<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        })
    }
}

/// The sales report.
pub type SalesReport = Report<SalesRow>;
/// The product performance report.
pub type ProductReport = Report<ProductPerformance>;
/// The commission report (rows as in the commission history).
pub type CommissionReport = Report<CommissionRecord>;

/// Dashboard figures (`GET reports/dashboard`). No documented sample: field names are
/// assumed, other fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dashboard {
    /// Sales total.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub total_sales: Option<Decimal>,
    /// Number of orders.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_orders: Option<u64>,
    /// Orders waiting for the seller.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub pending_orders: Option<u64>,
    /// Number of products.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_products: Option<u64>,
    /// Every other figure.
    #[serde(flatten)]
    pub extra: Extra,
}
