//! Seller services (reference §6): addresses, common labels, invoice links and files.

use marketplace_core::codec::Id;
use marketplace_core::codec::lenient::bool::option as flag;
use marketplace_core::codec::lenient::int::option as int;
use marketplace_core::codec::lenient::string::option as text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::null_as_default;

/// Answer of getSuppliersAddresses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupplierAddresses {
    /// All addresses.
    #[serde(default, deserialize_with = "null_as_default")]
    pub supplier_addresses: Vec<SupplierAddress>,
    /// Default shipment address.
    #[serde(default)]
    pub default_shipment_address: Option<SupplierAddress>,
    /// Default invoice address.
    #[serde(default)]
    pub default_invoice_address: Option<SupplierAddress>,
    /// Default returning address (the sample shows only `{"present": true}`).
    #[serde(default)]
    pub default_returning_address: Option<SupplierAddress>,
}

/// A seller address. The flags are read from the current names (`isDefault`, …) or the
/// older ones (`default`, `shipmentAddress`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupplierAddress {
    /// Id (use it as `shipmentAddressId` / `returningAddressId`).
    #[serde(default)]
    pub id: Option<Id>,
    /// `Shipment`, `Invoice` or `Returning`.
    #[serde(default)]
    pub address_type: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// City code.
    #[serde(default, with = "int")]
    pub city_code: Option<i64>,
    /// District.
    #[serde(default)]
    pub district: Option<String>,
    /// District id.
    #[serde(default, with = "int")]
    pub district_id: Option<i64>,
    /// Postal code.
    #[serde(default, with = "text")]
    pub post_code: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<String>,
    /// Full address.
    #[serde(default)]
    pub full_address: Option<String>,
    /// Returning address.
    #[serde(default, alias = "returningAddress", with = "flag")]
    pub is_returning_address: Option<bool>,
    /// Shipment address.
    #[serde(default, alias = "shipmentAddress", with = "flag")]
    pub is_shipment_address: Option<bool>,
    /// Invoice address.
    #[serde(default, alias = "invoiceAddress", with = "flag")]
    pub is_invoice_address: Option<bool>,
    /// Default of its type.
    #[serde(default, alias = "default", with = "flag")]
    pub is_default: Option<bool>,
    /// Present (only seen on `defaultReturningAddress`).
    #[serde(default, with = "flag")]
    pub present: Option<bool>,
}

/// Body of createCommonLabel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommonLabelRequest {
    /// Label format; only `ZPL` exists.
    pub format: String,
    /// Number of boxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_quantity: Option<u32>,
    /// Volumetric height.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub volumetric_height: Option<Decimal>,
}

impl Default for CommonLabelRequest {
    fn default() -> Self {
        CommonLabelRequest {
            format: "ZPL".into(),
            box_quantity: None,
            volumetric_height: None,
        }
    }
}

/// Answer of getCommonLabel: one label per box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommonLabels {
    /// The labels.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<CommonLabel>,
}

/// One label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommonLabel {
    /// The label program (`^XA…^XZ` for ZPL).
    #[serde(default)]
    pub label: Option<String>,
    /// Format (`ZPL`).
    #[serde(default)]
    pub format: Option<String>,
}

/// Body of sendInvoiceLink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceLinkRequest {
    /// Public link to the invoice (must stay reachable for 10 years).
    pub invoice_link: String,
    /// The package.
    pub shipment_package_id: Id,
    /// Invoice time, epoch seconds (10 digits) or milliseconds (13); micro-export only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_date_time: Option<i64>,
    /// Invoice number (`^[A-Za-z0-9]{3}20[2-9][0-9]\d{9}$`); micro-export only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
}

/// Body of deleteInvoiceLink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteInvoiceLinkRequest {
    /// The package id.
    pub service_source_id: Id,
    /// Always 1.
    pub channel_id: i64,
    /// The order's customer id.
    pub customer_id: Id,
}

impl DeleteInvoiceLinkRequest {
    /// Delete the link of `shipment_package_id` (channel 1).
    pub fn new(shipment_package_id: impl Into<Id>, customer_id: impl Into<Id>) -> Self {
        DeleteInvoiceLinkRequest {
            service_source_id: shipment_package_id.into(),
            channel_id: 1,
            customer_id: customer_id.into(),
        }
    }
}

/// An invoice file for uploadInvoiceFile (multipart).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InvoiceFile {
    /// The package.
    pub shipment_package_id: u64,
    /// File name (e.g. `invoice.pdf`).
    pub file_name: String,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub mime: String,
    /// The file (at most 10 MB).
    pub data: Vec<u8>,
    /// Invoice time, epoch seconds or millis (micro-export).
    pub invoice_date_time: Option<i64>,
    /// Invoice number (micro-export).
    pub invoice_number: Option<String>,
}
