//! Accounting and finance (`order/paymentAgreement`).

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::orders::validate_range;
use crate::Result;

/// Body of `POST order/paymentAgreement`: transactions in a date range. Dates are sent
/// as RFC 3339 UTC (`2023-01-01T00:00:01.768Z`), as in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentAgreementQuery {
    /// Start of the range.
    #[serde(with = "marketplace_core::codec::datetime")]
    pub start_date: DateTime<Utc>,
    /// End of the range.
    #[serde(with = "marketplace_core::codec::datetime")]
    pub end_date: DateTime<Utc>,
    /// Only this allowance (payout) date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub allowance_date: Option<DateTime<Utc>>,
    /// Only this order.
    #[serde(default)]
    pub order_id: Option<Id>,
}

impl PaymentAgreementQuery {
    /// Transactions in `[start, end]`.
    pub fn between(start: impl Into<DateTime<Utc>>, end: impl Into<DateTime<Utc>>) -> Self {
        PaymentAgreementQuery {
            start_date: start.into(),
            end_date: end.into(),
            allowance_date: None,
            order_id: None,
        }
    }

    /// Check: start not after end.
    pub fn validate(&self) -> Result<()> {
        validate_range(Some(self.start_date), Some(self.end_date), "endDate", false)
    }
}

/// Transactions and totals (`paymentAgreement`'s `data`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentAgreement {
    /// The transactions.
    #[serde(default)]
    pub transaction_list: Vec<Transaction>,
    /// Sum of the amounts.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub total_amount: Option<Decimal>,
    /// Sum of the commissions.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub total_commission: Option<Decimal>,
    /// Sum of the allowances (payouts).
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub total_allowance: Option<Decimal>,
}

/// One financial transaction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// The order (its number in the document's sample).
    #[serde(default)]
    pub order_id: Option<Id>,
    /// Transaction code.
    #[serde(default)]
    pub trx_code: Option<String>,
    /// Transaction id.
    #[serde(default)]
    pub trx_id: Option<Uuid>,
    /// Amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub amount: Option<Decimal>,
    /// Instalment number.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub installment_number: Option<u32>,
    /// Commission.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub commission_amount: Option<Decimal>,
    /// Coupon discount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub coupon_discount: Option<Decimal>,
    /// Allowance (payout) amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub allowance_amount: Option<Decimal>,
    /// Kind, as text (`Satış`, sale).
    #[serde(default)]
    pub status: Option<String>,
    /// When the transaction happened.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub transaction_date: Option<DateTime<Utc>>,
    /// When it was paid out.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub transferred_date: Option<DateTime<Utc>>,
}
