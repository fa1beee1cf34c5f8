//! Orders: the order model, list filters, creation, status updates, invoices.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::PerPage;
use crate::{Error, Result};

marketplace_core::string_enum! {
    /// An order's `delivery_status`.
    pub enum DeliveryStatus {
        /// Waiting (the default of a new order).
        Pending = "pending",
        /// Confirmed by the seller.
        Confirmed = "confirmed",
        /// Picked up by the carrier.
        PickedUp = "picked_up",
        /// On the way.
        OnTheWay = "on_the_way",
        /// Delivered.
        Delivered = "delivered",
        /// Cancelled.
        Cancelled = "cancelled",
    }
    /// A status this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// An order's `payment_status` (read-only: set by the marketplace's admins).
    pub enum PaymentStatus {
        /// Paid.
        Paid = "paid",
        /// Not paid.
        Unpaid = "unpaid",
    }
    /// A status this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// How an order is paid (`payment_type`).
    pub enum PaymentType {
        /// Bank transfer.
        BankPayment = "bank_payment",
        /// Cash on delivery.
        CashOnDelivery = "cash_on_delivery",
        /// Wallet balance.
        WalletPayment = "wallet_payment",
        /// Card payment through iyzico.
        Iyzico = "iyzico",
    }
    /// A payment type this version does not know.
    Other(String)
}

/// The customer of an order, as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderCustomer {
    /// Customer (user) id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone: Option<String>,
}

/// One line of an order (`order_details`), when the detail endpoint includes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderDetail {
    /// Line id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Product id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub product_id: Option<u64>,
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
    /// This line's delivery status.
    #[serde(default)]
    pub delivery_status: Option<DeliveryStatus>,
}

/// An order (list and detail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// Order id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Order code, e.g. `20241215-14302545`.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Order date (Istanbul local time on the wire).
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub date: Option<DateTime<Utc>>,
    /// The customer.
    #[serde(default)]
    pub customer: Option<OrderCustomer>,
    /// Payment type.
    #[serde(default)]
    pub payment_type: Option<PaymentType>,
    /// Payment status.
    #[serde(default)]
    pub payment_status: Option<PaymentStatus>,
    /// Delivery status.
    #[serde(default)]
    pub delivery_status: Option<DeliveryStatus>,
    /// Total.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub grand_total: Option<Decimal>,
    /// Carrier tracking code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub tracking_code: Option<String>,
    /// Shipping address (an object or a JSON string, as stored).
    #[serde(default)]
    pub shipping_address: Option<serde_json::Value>,
    /// Extra information.
    #[serde(default)]
    pub additional_info: Option<String>,
    /// Lines (`order_details`, or `items`), when included.
    #[serde(default, alias = "items")]
    pub order_details: Vec<OrderDetail>,
    /// Invoice URL, when an invoice was uploaded.
    #[serde(default)]
    pub invoice_url: Option<String>,
}

/// Filters of `GET orders`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrderQuery {
    /// Delivery status (`status`).
    pub status: Option<DeliveryStatus>,
    /// Payment status (`payment_status`).
    pub payment_status: Option<PaymentStatus>,
    /// From this date (`date_from`, `Y-m-d`).
    pub date_from: Option<NaiveDate>,
    /// Up to this date (`date_to`, `Y-m-d`).
    pub date_to: Option<NaiveDate>,
    /// Free-text search (`search`).
    pub search: Option<String>,
    /// Page size (`per_page`).
    pub per_page: PerPage,
    /// Page number from 1 (`page`).
    pub page: Option<u32>,
}

impl OrderQuery {
    /// No filters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only orders with this delivery status.
    #[must_use]
    pub fn status(mut self, status: impl Into<DeliveryStatus>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// Only paid or only unpaid orders.
    #[must_use]
    pub fn payment_status(mut self, status: impl Into<PaymentStatus>) -> Self {
        self.payment_status = Some(status.into());
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

    /// Free-text search (e.g. an order code).
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

/// The customer block of `POST orders`: every field but `tc_identity_number` is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOrderCustomer {
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Delivery address.
    pub address: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
    /// Postal code.
    pub postal_code: String,
    /// Turkish identity number (11 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tc_identity_number: Option<String>,
}

/// One line of `POST orders`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewOrderItem {
    /// Product id (must belong to the seller).
    pub product_id: u64,
    /// Quantity (at least 1).
    pub quantity: u32,
    /// Variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variation: Option<String>,
}

/// Body of `POST orders`. Code, date, prices, taxes, shipping and total are computed by
/// the server; `payment_status` is read-only and not part of the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewOrder {
    /// The customer.
    pub customer: NewOrderCustomer,
    /// The lines (at least one).
    pub items: Vec<NewOrderItem>,
    /// How it is paid.
    pub payment_type: PaymentType,
    /// Extra information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<String>,
}

impl NewOrder {
    /// Check the document's rules; the error names the field.
    pub fn validate(&self) -> Result<()> {
        let c = &self.customer;
        for (field, value) in [
            ("customer.name", &c.name),
            ("customer.email", &c.email),
            ("customer.phone", &c.phone),
            ("customer.address", &c.address),
            ("customer.city", &c.city),
            ("customer.country", &c.country),
            ("customer.postal_code", &c.postal_code),
        ] {
            if value.trim().is_empty() {
                return Err(Error::invalid_input(field, "is required"));
            }
        }
        if let Some(tc) = &c.tc_identity_number {
            if tc.chars().count() != 11 {
                return Err(Error::invalid_input(
                    "customer.tc_identity_number",
                    "must be 11 characters",
                ));
            }
        }
        if self.items.is_empty() {
            return Err(Error::invalid_input(
                "items",
                "at least one item is required",
            ));
        }
        for (i, item) in self.items.iter().enumerate() {
            if item.product_id == 0 {
                return Err(Error::invalid_input(
                    format!("items[{i}].product_id"),
                    "is required",
                ));
            }
            if item.quantity < 1 {
                return Err(Error::invalid_input(
                    format!("items[{i}].quantity"),
                    "must be at least 1",
                ));
            }
        }
        if let PaymentType::Other(raw) = &self.payment_type {
            return Err(Error::invalid_input(
                "payment_type",
                format!(
                    "must be bank_payment, cash_on_delivery, wallet_payment or iyzico, not {raw:?}"
                ),
            ));
        }
        Ok(())
    }
}

/// Body of `PUT orders/{id}/status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderStatusUpdate {
    /// The new delivery status (one of the six documented values).
    pub delivery_status: DeliveryStatus,
    /// Carrier tracking code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_code: Option<String>,
}

/// `data` of `POST orders/{id}/upload-invoice`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceUpload {
    /// The order.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_id: Option<u64>,
    /// The upload id of the invoice file.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub invoice_file_id: Option<u64>,
    /// Where the invoice can be downloaded.
    #[serde(default)]
    pub invoice_url: Option<String>,
}
