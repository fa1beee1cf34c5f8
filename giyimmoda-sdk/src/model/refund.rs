//! Refund requests (`refund-requests`).

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{DeliveryStatus, PaymentStatus, PerPage};

marketplace_core::code_enum! {
    /// An approval state: `seller_approval`, `admin_approval`, `refund_status`
    /// (0 waiting, 1 approved, 2 rejected).
    pub enum Approval {
        /// Waiting (`0`, "Bekliyor").
        Pending = 0,
        /// Approved (`1`, "Onaylandı").
        Approved = 1,
        /// Rejected (`2`, "Reddedildi").
        Rejected = 2,
    }
    /// A code this version does not know.
    Unknown(i64)
}

marketplace_core::string_enum! {
    /// List filter on the seller's decision (`status`).
    pub enum RefundFilter {
        /// Every request.
        All = "all",
        /// Waiting for the seller.
        Pending = "pending",
        /// Approved.
        Approved = "approved",
        /// Rejected.
        Rejected = "rejected",
    }
    /// A filter value this version does not know.
    Other(String)
}

/// The customer of a refund request: the same shape as an order's customer.
pub type RefundCustomer = super::order::OrderCustomer;

/// The product being returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefundProduct {
    /// Product id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Thumbnail URL.
    #[serde(default)]
    pub thumbnail: Option<String>,
    /// SKU.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub sku: Option<String>,
}

/// The order line being returned (detail endpoint).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefundOrderDetail {
    /// Line id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Variant.
    #[serde(default)]
    pub variation: Option<String>,
    /// Quantity.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub quantity: Option<u32>,
    /// Price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub price: Option<Decimal>,
    /// Tax.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub tax: Option<Decimal>,
    /// Shipping cost.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub shipping_cost: Option<Decimal>,
}

/// The order of a refund request (detail endpoint).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefundOrder {
    /// Order id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Order code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Order date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub date: Option<DateTime<Utc>>,
    /// Payment status.
    #[serde(default)]
    pub payment_status: Option<PaymentStatus>,
    /// Delivery status.
    #[serde(default)]
    pub delivery_status: Option<DeliveryStatus>,
}

/// A refund request. Approve/reject answers carry only part of it, so everything but
/// `id` is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefundRequest {
    /// Refund request id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Order id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_id: Option<u64>,
    /// Order code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub order_code: Option<String>,
    /// Order line id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_detail_id: Option<u64>,
    /// Seller id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub seller_id: Option<u64>,
    /// The customer.
    #[serde(default)]
    pub customer: Option<RefundCustomer>,
    /// The product.
    #[serde(default)]
    pub product: Option<RefundProduct>,
    /// Why the customer returns it.
    #[serde(default)]
    pub reason: Option<String>,
    /// Amount to refund (price + tax + shipping).
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub refund_amount: Option<Decimal>,
    /// `individual` or `company`.
    #[serde(default)]
    pub refund_type: Option<String>,
    /// `refund_type` in Turkish.
    #[serde(default)]
    pub refund_type_text: Option<String>,
    /// The seller's decision. Only [`Approval::Pending`] requests can be approved or
    /// rejected.
    #[serde(default)]
    pub seller_approval: Option<Approval>,
    /// `seller_approval` in Turkish.
    #[serde(default)]
    pub seller_approval_text: Option<String>,
    /// The admins' decision.
    #[serde(default)]
    pub admin_approval: Option<Approval>,
    /// `admin_approval` in Turkish.
    #[serde(default)]
    pub admin_approval_text: Option<String>,
    /// The refund's state.
    #[serde(default)]
    pub refund_status: Option<Approval>,
    /// `refund_status` in Turkish.
    #[serde(default)]
    pub refund_status_text: Option<String>,
    /// Why it was rejected.
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// The order line (detail endpoint).
    #[serde(default)]
    pub order_detail: Option<RefundOrderDetail>,
    /// The order (detail endpoint).
    #[serde(default)]
    pub order: Option<RefundOrder>,
    /// Created at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Updated at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Filters of `GET refund-requests`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefundQuery {
    /// The seller's decision (`status`).
    pub status: Option<RefundFilter>,
    /// The refund's state (`refund_status`: pending, approved, rejected).
    pub refund_status: Option<RefundFilter>,
    /// From this date (`date_from`).
    pub date_from: Option<NaiveDate>,
    /// Up to this date (`date_to`).
    pub date_to: Option<NaiveDate>,
    /// Order code search (`search`).
    pub search: Option<String>,
    /// Page size (`per_page`).
    pub per_page: PerPage,
    /// Page number from 1 (`page`).
    pub page: Option<u32>,
}

impl RefundQuery {
    /// No filters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Filter on the seller's decision.
    #[must_use]
    pub fn status(mut self, status: impl Into<RefundFilter>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// Filter on the refund's state.
    #[must_use]
    pub fn refund_status(mut self, status: impl Into<RefundFilter>) -> Self {
        self.refund_status = Some(status.into());
        self
    }

    /// From this date.
    #[must_use]
    pub fn date_from(mut self, date: impl Into<NaiveDate>) -> Self {
        self.date_from = Some(date.into());
        self
    }

    /// Up to this date.
    #[must_use]
    pub fn date_to(mut self, date: impl Into<NaiveDate>) -> Self {
        self.date_to = Some(date.into());
        self
    }

    /// Search by order code.
    #[must_use]
    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.search = Some(text.into());
        self
    }

    /// Page size.
    #[must_use]
    pub fn per_page(mut self, per_page: PerPage) -> Self {
        self.per_page = per_page;
        self
    }

    /// Page number, from 1.
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }
}

/// Body of `POST refund-requests/{id}/reject`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RefundRejection<'a> {
    pub(crate) rejection_reason: &'a str,
}
