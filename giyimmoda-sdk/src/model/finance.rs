//! Money the seller earns and withdraws: payment history, withdraw requests, commission
//! history.
//!
//! The API document lists these endpoints (`payment-history`, `withdraw-requests`,
//! `commission-history`) but shows no sample answer. The models name the usual columns
//! of the platform's `payments`, `seller_withdraw_requests` and `commission_histories`
//! tables, all optional except `id` and read leniently (amounts as [`Decimal`] from
//! numbers or `"250.00"` strings), and keep every other field in `extra`.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// A payout the platform made to the seller (`payment-history`). No documented sample:
/// unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Payment {
    /// Payment id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Amount paid.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub amount: Option<Decimal>,
    /// Payment method (`bank_payment`, `cash`, …).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub payment_method: Option<String>,
    /// Transaction code / reference.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub txn_code: Option<String>,
    /// When it was paid.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A request to withdraw the seller's balance (`withdraw-requests`). No documented
/// sample: unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WithdrawRequest {
    /// Request id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Amount asked for.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub amount: Option<Decimal>,
    /// The seller's note.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub message: Option<String>,
    /// Status as sent (a code such as `0`/`1` or a word; not documented).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub status: Option<String>,
    /// When it was asked for.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST withdraw-requests`. `amount` must be greater than zero (checked before
/// sending); the document states no minimum, so any other limit is the server's.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewWithdrawRequest {
    /// Amount to withdraw (sent as a JSON number).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub amount: Decimal,
    /// Note for the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Commission taken on one order line (`commission-history`, also the rows of the
/// commission report). No documented sample: unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommissionRecord {
    /// Record id (absent in report rows that are aggregates).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Order id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_id: Option<u64>,
    /// Order line id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_detail_id: Option<u64>,
    /// The platform's commission.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub admin_commission: Option<Decimal>,
    /// What the seller keeps.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub seller_earning: Option<Decimal>,
    /// When it was booked.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}
