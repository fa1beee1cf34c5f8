//! Finance — the current-account statement (reference §9).

use chrono::{DateTime, NaiveDate, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

marketplace_core::string_enum! {
    /// `transactionType` values of settlements and other financials.
    pub enum TransactionType {
        /// Sale.
        Sale = "Sale",
        /// Return.
        Return = "Return",
        /// Discount.
        Discount = "Discount",
        /// Discount cancelled.
        DiscountCancel = "DiscountCancel",
        /// Coupon.
        Coupon = "Coupon",
        /// Coupon cancelled.
        CouponCancel = "CouponCancel",
        /// Provision (+).
        ProvisionPositive = "ProvisionPositive",
        /// Provision (−).
        ProvisionNegative = "ProvisionNegative",
        /// Manual refund.
        ManualRefund = "ManualRefund",
        /// Manual refund cancelled.
        ManualRefundCancel = "ManualRefundCancel",
        /// Trendyol discount.
        TyDiscount = "TyDiscount",
        /// Trendyol discount cancelled.
        TyDiscountCancel = "TyDiscountCancel",
        /// Trendyol coupon.
        TyCoupon = "TyCoupon",
        /// Trendyol coupon cancelled.
        TyCouponCancel = "TyCouponCancel",
        /// Seller revenue (+).
        SellerRevenuePositive = "SellerRevenuePositive",
        /// Seller revenue (−).
        SellerRevenueNegative = "SellerRevenueNegative",
        /// Commission (+).
        CommissionPositive = "CommissionPositive",
        /// Commission (−).
        CommissionNegative = "CommissionNegative",
        /// Seller revenue (+) cancelled.
        SellerRevenuePositiveCancel = "SellerRevenuePositiveCancel",
        /// Seller revenue (−) cancelled.
        SellerRevenueNegativeCancel = "SellerRevenueNegativeCancel",
        /// Commission (+) cancelled.
        CommissionPositiveCancel = "CommissionPositiveCancel",
        /// Commission (−) cancelled.
        CommissionNegativeCancel = "CommissionNegativeCancel",
        /// Delivery fee.
        DeliveryFee = "DeliveryFee",
        /// Delivery fee cancelled.
        DeliveryFeeCancel = "DeliveryFeeCancel",
        /// Pay by link.
        PayByLink = "PayByLink",
        /// Other financials: e-commerce withholding.
        Stoppage = "Stoppage",
        /// Other financials: supplier financing.
        CashAdvance = "CashAdvance",
        /// Other financials: wire transfer.
        WireTransfer = "WireTransfer",
        /// Other financials: incoming transfer.
        IncomingTransfer = "IncomingTransfer",
        /// Other financials: return invoice.
        ReturnInvoice = "ReturnInvoice",
        /// Other financials: commission agreement invoice.
        CommissionAgreementInvoice = "CommissionAgreementInvoice",
        /// Other financials: payment order.
        PaymentOrder = "PaymentOrder",
        /// Other financials: deduction invoices (cargo, platform service fee, …).
        DeductionInvoices = "DeductionInvoices",
        /// Other financials: financial item.
        FinancialItem = "FinancialItem",
    }
    /// A type this version does not know.
    Other(String)
}

/// Page sizes the statement endpoints accept.
pub const FINANCE_PAGE_SIZES: [u32; 2] = [500, 1000];

/// Query of `getSettlements` / `getOtherFinancials`.
///
/// Required: a transaction type (`transaction_type` or `transaction_types`), and either a
/// date range (≤ 15 days per request; the stream methods split longer ones),
/// `payment_date` or `payment_order_id`. `size` is 500 (default) or 1000.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FinanceQuery {
    /// One transaction type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_type: Option<TransactionType>,
    /// Several transaction types (sent comma-separated; wins over `transaction_type`).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "comma_joined")]
    pub transaction_types: Vec<TransactionType>,
    /// Sub-type, e.g. `PlatformServiceFee` (needs `DeductionInvoices`; other financials only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_sub_type: Option<String>,
    /// Range start.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub start_date: Option<DateTime<Utc>>,
    /// Range end.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub end_date: Option<DateTime<Utc>>,
    /// Filter by payment (due) date, `yyyy-MM-dd` (Europe/Istanbul).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ymd")]
    pub payment_date: Option<NaiveDate>,
    /// Records of one payout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_order_id: Option<i64>,
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 500 or 1000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

fn comma_joined<S: Serializer>(types: &[TransactionType], s: S) -> Result<S::Ok, S::Error> {
    let joined: Vec<&str> = types.iter().map(TransactionType::as_str).collect();
    s.serialize_str(&joined.join(","))
}

fn ymd<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
        None => s.serialize_none(),
    }
}

query_setters!(FinanceQuery {
    /// Sub-type filter.
    transaction_sub_type: string,
    /// Range start.
    start_date: date,
    /// Range end.
    end_date: date,
    /// Payout id.
    payment_order_id: i64,
    /// Page (0-based).
    page: u32,
    /// 500 or 1000.
    size: u32,
});

impl FinanceQuery {
    /// A query for one transaction type.
    pub fn of_type(kind: impl Into<TransactionType>) -> Self {
        FinanceQuery {
            transaction_type: Some(kind.into()),
            ..Self::default()
        }
    }

    /// A query for several transaction types.
    pub fn of_types<I, T>(kinds: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<TransactionType>,
    {
        FinanceQuery {
            transaction_types: kinds.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Filter by payment date.
    #[must_use]
    pub fn payment_date(mut self, date: NaiveDate) -> Self {
        self.payment_date = Some(date);
        self
    }
}

/// The `{page,size,totalPages,totalElements,content}` envelope of the finance endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FinancePage<T> {
    /// This page.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub size: Option<u32>,
    /// Total pages.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
    /// Total records.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_elements: Option<u64>,
    /// The records.
    #[serde(default = "Vec::new")]
    pub content: Vec<T>,
}

/// One statement record (settlements and other financials share the shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FinancialRecord {
    /// Record id (for cargo invoices: the invoice serial number).
    pub id: Id,
    /// Transaction date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub transaction_date: Option<DateTime<Utc>>,
    /// Barcode.
    #[serde(default)]
    pub barcode: Option<String>,
    /// Localized label ("Satış", "Kargo Faturası"), not the query enum.
    #[serde(default)]
    pub transaction_type: Option<String>,
    /// Receipt id.
    #[serde(default)]
    pub receipt_id: Option<Id>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Debit.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub debt: Option<Decimal>,
    /// Credit.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub credit: Option<Decimal>,
    /// Payment period (days).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub payment_period: Option<i64>,
    /// Commission rate (%).
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub commission_rate: Option<Decimal>,
    /// Commission amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub commission_amount: Option<Decimal>,
    /// Commission invoice serial number.
    #[serde(
        default,
        deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize"
    )]
    pub commission_invoice_serial_number: Option<String>,
    /// Seller revenue.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub seller_revenue: Option<Decimal>,
    /// Order number.
    #[serde(
        default,
        deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize"
    )]
    pub order_number: Option<String>,
    /// Payout id.
    #[serde(default)]
    pub payment_order_id: Option<Id>,
    /// Payment date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub payment_date: Option<DateTime<Utc>>,
    /// Seller id.
    #[serde(default)]
    pub seller_id: Option<Id>,
    /// Store id (null for marketplace sellers).
    #[serde(default)]
    pub store_id: Option<Id>,
    /// Store name.
    #[serde(default)]
    pub store_name: Option<String>,
    /// Store address.
    #[serde(default)]
    pub store_address: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
    /// Order date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub order_date: Option<DateTime<Utc>>,
    /// `TRENDYOLTR` / `TRENDYOLAZJV`.
    #[serde(default)]
    pub affiliate: Option<String>,
    /// Shipment package id.
    #[serde(default)]
    pub shipment_package_id: Option<Id>,
    /// Currency (undocumented, seen in production).
    #[serde(default)]
    pub currency: Option<String>,
}

/// A paid payment order (`getPaymentOrders`); `id` is the `paymentOrderId`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentOrder {
    /// Payment order id.
    pub id: Id,
    /// Status.
    #[serde(default)]
    pub status: Option<String>,
    /// Amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub amount: Option<Decimal>,
    /// Payout date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub payout_date: Option<DateTime<Utc>>,
    /// Payment type.
    #[serde(default)]
    pub payment_type: Option<String>,
    /// Seller id.
    #[serde(default)]
    pub seller_id: Option<Id>,
    /// Region id.
    #[serde(default)]
    pub region_id: Option<Id>,
    /// Region name.
    #[serde(default)]
    pub region_name: Option<String>,
    /// Region code.
    #[serde(default)]
    pub region_code: Option<String>,
}

/// One parcel of a cargo invoice (`getCargoInvoiceItems`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CargoInvoiceItem {
    /// "Gönderi Kargo Bedeli", "İade Kargo Bedeli", …
    #[serde(default)]
    pub shipment_package_type: Option<String>,
    /// Parcel id.
    #[serde(default)]
    pub parcel_unique_id: Option<Id>,
    /// Order number.
    #[serde(
        default,
        deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize"
    )]
    pub order_number: Option<String>,
    /// Amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub amount: Option<Decimal>,
    /// Desi.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub desi: Option<Decimal>,
}
