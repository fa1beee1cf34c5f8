//! Serde helpers for the marketplaces' real-world JSON.
//!
//! Marketplace APIs send prices as numbers or as strings with a Turkish decimal comma,
//! dates as epoch milliseconds or as `1 Mart 2024 10:12`, booleans as `"evet"`, ids larger
//! than `u64`, and now and then the same key twice in one object. The helpers here let a
//! model say what it *means* and accept all of that:
//!
//! | helper | Rust type | accepts |
//! | --- | --- | --- |
//! | [`decimal`], [`decimal::option`] | `Decimal`, `Option<Decimal>` | numbers (exact text), `"19.99"`, `"19,99"`, `"1.234,56"` |
//! | [`datetime`], [`datetime::option`] | `DateTime<Utc>` (out: RFC 3339) | epoch ms/s, RFC 3339, Istanbul local forms, Turkish month names |
//! | [`epoch_millis`], [`epoch_millis::option`] | `DateTime<Utc>` (out: epoch ms) | same as `datetime` |
//! | [`lenient::bool`] (+ `::option`) | `bool` | `true`, `1`, `"1"`, `"yes"`, `"evet"`, `"hayır"`, … |
//! | [`lenient::int`] (+ `::option`) | any integer type | numbers and numeric strings, range-checked |
//! | [`lenient::string`] (+ `::option`) | `String` | strings, and numbers as their exact text |
//! | [`Id`] | itself | any JSON number or string, kept exactly, serialized back unchanged |
//!
//! The `option` variants turn `null`, `""` and — with `#[serde(default)]` — a missing
//! field into `None`.
//!
//! Every client turns a response body into a model with [`decode`] (or [`decode_report`],
//! which also lists the fields the model ignored): it names the failing JSON path in
//! [`crate::Error::Decode`] and lets the last of two duplicate keys win.
//!
//! Numbers are read from their exact JSON text through serde_json's `raw_value` feature
//! (enabled by this crate), so `19.99` is exactly `19.99` and `7260001151141191123456`
//! keeps every digit. The one exception is values that serde buffers before the model sees
//! them (`#[serde(flatten)]`, untagged and internally tagged enums): there serde_json has
//! already produced an `f64`, whose shortest text is used — exact for up to 15 significant
//! digits, lossy beyond. See [`Id`] for details.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use marketplace_core::codec::{self, Id};
//! use rust_decimal::Decimal;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, Deserialize, Serialize)]
//! #[serde(rename_all = "camelCase")]
//! struct Package {
//!     id: Id,
//!     #[serde(with = "marketplace_core::codec::decimal")]
//!     total_price: Decimal,
//!     #[serde(default, with = "marketplace_core::codec::decimal::option")]
//!     discount: Option<Decimal>,
//!     #[serde(with = "marketplace_core::codec::datetime")]
//!     order_date: DateTime<Utc>,
//!     #[serde(default, with = "marketplace_core::codec::epoch_millis::option")]
//!     shipped_at: Option<DateTime<Utc>>,
//!     #[serde(with = "marketplace_core::codec::lenient::bool")]
//!     gift: bool,
//!     #[serde(with = "marketplace_core::codec::lenient::int")]
//!     quantity: u32,
//!     #[serde(default, deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize")]
//!     cargo_tracking_number: Option<String>,
//! }
//!
//! let body = br#"{
//!     "id": 7260001151141191123456,
//!     "totalPrice": "1.234,56",
//!     "discount": "",
//!     "orderDate": "1 Mart 2024 10:12",
//!     "gift": "evet",
//!     "quantity": "2",
//!     "cargoTrackingNumber": 7330000000000000000123,
//!     "newField": true
//! }"#;
//!
//! let report = codec::decode_report::<Package>(body)?;
//! let package = report.value;
//! assert_eq!(package.id.as_str(), "7260001151141191123456");
//! assert_eq!(package.total_price.to_string(), "1234.56");
//! assert_eq!(package.discount, None);
//! assert_eq!(package.order_date.to_rfc3339(), "2024-03-01T07:12:00+00:00");
//! assert!(package.gift);
//! assert_eq!(package.quantity, 2);
//! assert_eq!(package.cargo_tracking_number.as_deref(), Some("7330000000000000000123"));
//! assert_eq!(report.ignored, ["newField"]);
//!
//! let json = serde_json::to_string(&package).unwrap();
//! assert!(json.starts_with(r#"{"id":7260001151141191123456,"totalPrice":1234.56,"discount":null,"orderDate":"2024-03-01T07:12:00Z""#));
//! # Ok::<(), marketplace_core::Error>(())
//! ```

pub mod datetime;
pub mod decimal;
pub mod epoch_millis;
pub mod lenient;

mod decode;
mod id;
mod scalar;

pub use datetime::{ParseDateError, parse_datetime};
pub use decode::{Decoded, decode, decode_report};
pub use id::Id;
