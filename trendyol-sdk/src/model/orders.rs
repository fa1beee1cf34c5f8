//! Orders: the shipment package (the model of getShipmentPackages, the order stream and
//! the order webhook), its status vocabulary, and the request bodies of the package writes.
//!
//! # The April 2026 field renames
//!
//! On 6 April 2026 Trendyol renamed many package and line fields (reference §2.1):
//! root `id`→`shipmentPackageId`, `grossAmount`→`packageGrossAmount`,
//! `totalDiscount`→`packageSellerDiscount`, `totalTyDiscount`→`packageTyDiscount`,
//! `totalPrice`→`packageTotalPrice`; line `id`→`lineId`, `merchantSku`→`stockCode`,
//! `merchantId`→`sellerId`, `amount`→`lineGrossAmount`, `discount`→`lineSellerDiscount`,
//! `tyDiscount`→`lineTyDiscount`, `price`→`lineUnitPrice`, `productCode`→`contentId`,
//! `vatBaseAmount`→`vatRate`; discount detail `lineItemDiscount`→`lineItemSellerDiscount`
//! (and `tcIdentityNumber`→`identityNumber` in 2025). The fields removed at the same time
//! (`sku`, `agreedDeliveryDateExtendible`, `extendedAgreedDeliveryDate`,
//! `agreedDeliveryExtensionStartDate`/`EndDate`, `groupDeal`) are still read from older
//! payloads (the webhook sample carries them), so strict drift mode passes on them.
//!
//! [`ShipmentPackage`] decodes **both** spellings into the same fields. A payload that
//! carries both (possible during a transition) is not an error: the new name wins. (A plain
//! `#[serde(alias)]` would fail such a payload with "duplicate field".) Serializing writes
//! the new names.

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use marketplace_core::codec::decimal::option as dec;
use marketplace_core::codec::epoch_millis::option as millis;
use marketplace_core::codec::lenient::bool::option as flag;
use marketplace_core::codec::lenient::int::option as int;
use marketplace_core::codec::lenient::string::option as text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::null_as_default;

marketplace_core::string_enum! {
    /// A shipment package status (reference §2.17). Also the `status` query filter.
    pub enum PackageStatus {
        /// Stock reserved, payment not yet confirmed — do not process or ship.
        Awaiting = "Awaiting",
        /// Payment passed; ready to process.
        Created = "Created",
        /// The seller started preparing the package.
        Picking = "Picking",
        /// The seller invoiced the package.
        Invoiced = "Invoiced",
        /// The carrier scanned the package.
        Shipped = "Shipped",
        /// Cancelled.
        Cancelled = "Cancelled",
        /// Delivered to the customer.
        Delivered = "Delivered",
        /// Delivery failed.
        UnDelivered = "UnDelivered",
        /// Returned.
        Returned = "Returned",
        /// Waiting at a collection point.
        AtCollectionPoint = "AtCollectionPoint",
        /// Split into new packages.
        UnPacked = "UnPacked",
        /// The seller could not supply it.
        UnSupplied = "UnSupplied",
        /// Re-packed (older guide text).
        Repack = "Repack",
        /// Verified (order stream line-item status).
        Verified = "Verified",
    }
    /// A status this version does not know, kept as sent.
    Other(String)
}

marketplace_core::string_enum! {
    /// Sort field of getShipmentPackages.
    pub enum OrderByField {
        /// Last modification of the package (the documented default).
        PackageLastModifiedDate = "PackageLastModifiedDate",
        /// Creation date (listed by the reference, announced as removed in 2021).
        CreatedDate = "CreatedDate",
    }
    /// A value this version does not know.
    Other(String)
}

marketplace_core::string_enum! {
    /// Sort direction of getShipmentPackages.
    pub enum OrderByDirection {
        /// Old to new.
        Asc = "ASC",
        /// New to old.
        Desc = "DESC",
    }
    /// A value this version does not know.
    Other(String)
}

/// One page of getShipmentPackages (V1/V2 share the envelope); also the envelope a webhook
/// delivery may come in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShipmentPackagesPage {
    /// Packages matching the query in all (counted per package id).
    #[serde(default, with = "int")]
    pub total_elements: Option<u64>,
    /// Pages in all (may exceed what the 10,000-record cap lets you reach).
    #[serde(default, with = "int")]
    pub total_pages: Option<u32>,
    /// This page's number (0-based).
    #[serde(default, with = "int")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "int")]
    pub size: Option<u32>,
    /// The packages.
    #[serde(default, deserialize_with = "null_as_default")]
    pub content: Vec<ShipmentPackage>,
}

/// One page of getShipmentPackagesStream (cursor paging, no totals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShipmentPackagesStreamPage {
    /// Whether another page follows.
    #[serde(default, with = "flag")]
    pub has_more: Option<bool>,
    /// Cursor for the next page (empty when `hasMore` is false).
    #[serde(default, with = "text")]
    pub next_cursor: Option<String>,
    /// Page size.
    #[serde(default, with = "int")]
    pub size: Option<u32>,
    /// The packages.
    #[serde(default, deserialize_with = "null_as_default")]
    pub content: Vec<ShipmentPackage>,
}

/// A shipment package: the order model of getShipmentPackages, the order stream and the
/// order webhook. Decodes both the pre- and post-April-2026 field names (see the
/// [module docs](self)); serializes with the new names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "raw::RawPackage")]
pub struct ShipmentPackage {
    /// Package id (`shipmentPackageId`, formerly `id`). Changes after a split, partial
    /// cancel or unsupplied; reconcile by [`ShipmentPackage::order_number`].
    pub shipment_package_id: Id,
    /// Order number (shared by all packages of an order).
    #[serde(with = "text")]
    pub order_number: Option<String>,
    /// Order date.
    #[serde(with = "millis")]
    pub order_date: Option<DateTime<Utc>>,
    /// Package status.
    pub status: Option<PackageStatus>,
    /// Package status as a free string (usually equal to `status`).
    pub shipment_package_status: Option<PackageStatus>,
    /// Gross amount (`packageGrossAmount`, formerly `grossAmount`).
    #[serde(with = "dec")]
    pub package_gross_amount: Option<Decimal>,
    /// Seller discount (`packageSellerDiscount`, formerly `totalDiscount`).
    #[serde(with = "dec")]
    pub package_seller_discount: Option<Decimal>,
    /// Trendyol discount (`packageTyDiscount`, formerly `totalTyDiscount`).
    #[serde(with = "dec")]
    pub package_ty_discount: Option<Decimal>,
    /// Total discount (new in 2026).
    #[serde(with = "dec")]
    pub package_total_discount: Option<Decimal>,
    /// Total price (`packageTotalPrice`, formerly `totalPrice`).
    #[serde(with = "dec")]
    pub package_total_price: Option<Decimal>,
    /// Currency (`TRY`).
    pub currency_code: Option<String>,
    /// Customer first name.
    pub customer_first_name: Option<String>,
    /// Customer last name.
    pub customer_last_name: Option<String>,
    /// Customer id.
    pub customer_id: Option<Id>,
    /// Masked customer e-mail (invoices can be sent to it).
    pub customer_email: Option<String>,
    /// Customer national id (TCKN) for gold, fertiliser or large orders
    /// (`identityNumber`, formerly `tcIdentityNumber`).
    #[serde(with = "text")]
    pub identity_number: Option<String>,
    /// Tax number (old payloads carried it on the package).
    #[serde(with = "text")]
    pub tax_number: Option<String>,
    /// Seller id.
    #[serde(with = "int")]
    pub supplier_id: Option<u64>,
    /// Sales channel: 1 = Trendyol, 25 = Trendyol Luxe.
    #[serde(with = "int")]
    pub channel_id: Option<i64>,
    /// Cargo tracking number (may exceed `u64`; kept exactly as sent).
    pub cargo_tracking_number: Option<Id>,
    /// Cargo sender number.
    #[serde(with = "text")]
    pub cargo_sender_number: Option<String>,
    /// Cargo tracking link.
    pub cargo_tracking_link: Option<String>,
    /// Carrier name.
    pub cargo_provider_name: Option<String>,
    /// Cargo volume (desi).
    #[serde(with = "dec")]
    pub cargo_deci: Option<Decimal>,
    /// Shipment number.
    pub shipment_number: Option<Id>,
    /// Delivery address.
    pub shipment_address: Option<OrderAddress>,
    /// Invoice address.
    pub invoice_address: Option<OrderAddress>,
    /// Order lines.
    pub lines: Vec<OrderLine>,
    /// Status history.
    pub package_histories: Vec<PackageHistory>,
    /// 1 = the seller's cargo contract; absent under Trendyol's contract.
    #[serde(with = "int")]
    pub who_pays: Option<i64>,
    /// Delivery type (`normal`, …).
    pub delivery_type: Option<String>,
    /// `Shipment` or `CollectionPoint`.
    pub delivery_address_type: Option<String>,
    /// Delivery time slot.
    #[serde(with = "int")]
    pub time_slot_id: Option<i64>,
    /// Date the seller agreed to hand the package to the carrier by.
    #[serde(with = "millis")]
    pub agreed_delivery_date: Option<DateTime<Utc>>,
    /// Start of the estimated delivery range.
    #[serde(with = "millis")]
    pub estimated_delivery_start_date: Option<DateTime<Utc>>,
    /// End of the estimated delivery range.
    #[serde(with = "millis")]
    pub estimated_delivery_end_date: Option<DateTime<Utc>>,
    /// Origin shipment date.
    #[serde(with = "millis")]
    pub origin_shipment_date: Option<DateTime<Utc>>,
    /// Last modification (part of the webhook de-duplication key).
    #[serde(with = "millis")]
    pub last_modified_date: Option<DateTime<Utc>>,
    /// Corporate (invoice) order.
    #[serde(with = "flag")]
    pub commercial: Option<bool>,
    /// Micro-export order.
    #[serde(with = "flag")]
    pub micro: Option<bool>,
    /// Fast delivery order.
    #[serde(with = "flag")]
    pub fast_delivery: Option<bool>,
    /// `TodayDelivery`, `SameDayShipping`, `FastDelivery` (or empty).
    pub fast_delivery_type: Option<String>,
    /// Delivered by an authorised service.
    #[serde(with = "flag")]
    pub delivered_by_service: Option<bool>,
    /// Gift box requested.
    #[serde(with = "flag")]
    pub gift_box_requested: Option<bool>,
    /// Fulfilled by Trendyol (`3pByTrendyol`).
    #[serde(rename = "3pByTrendyol", with = "flag")]
    pub three_p_by_trendyol: Option<bool>,
    /// Contains a dangerous product.
    #[serde(with = "flag")]
    pub contains_dangerous_product: Option<bool>,
    /// Cash on delivery.
    #[serde(rename = "isCod", with = "flag")]
    pub is_cod: Option<bool>,
    /// "Trendyol Yurt Dışı Aracılığı" order (`is4P`).
    #[serde(rename = "is4P", with = "flag")]
    pub is_4p: Option<bool>,
    /// Warehouse id.
    #[serde(with = "int")]
    pub warehouse_id: Option<i64>,
    /// Why the package exists: `order-creation`, `cancel`, `split`, `transfer`.
    pub created_by: Option<String>,
    /// The first package(s) this one was derived from.
    pub origin_package_ids: Vec<Id>,
    /// Invoice link, if one was sent.
    pub invoice_link: Option<String>,
    /// Payment method (`Kredi Kartı`, `Banka Kartı`, …; added 2026-09).
    pub payment_method: Option<String>,
    /// Whether the agreed delivery date may be extended (removed from payloads on
    /// 6 April 2026; still in older payloads and the webhook sample).
    #[serde(with = "flag")]
    pub agreed_delivery_date_extendible: Option<bool>,
    /// The extended agreed delivery date (removed 6 April 2026; `0` = not extended → `None`).
    #[serde(with = "millis")]
    pub extended_agreed_delivery_date: Option<DateTime<Utc>>,
    /// Start of the window in which the delivery date may be extended (removed 6 April
    /// 2026; `0` → `None`).
    #[serde(with = "millis")]
    pub agreed_delivery_extension_start_date: Option<DateTime<Utc>>,
    /// End of that window; un-extended packages are cancelled then (removed 6 April 2026;
    /// `0` → `None`).
    #[serde(with = "millis")]
    pub agreed_delivery_extension_end_date: Option<DateTime<Utc>>,
    /// Group-deal order (removed 6 April 2026).
    #[serde(with = "flag")]
    pub group_deal: Option<bool>,
}

/// An order line. Decodes both the old and the new field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "raw::RawLine")]
pub struct OrderLine {
    /// Line id (`lineId`, formerly `id`) — what the package writes refer to.
    pub line_id: Id,
    /// Quantity.
    #[serde(with = "int")]
    pub quantity: Option<u32>,
    /// Barcode.
    #[serde(with = "text")]
    pub barcode: Option<String>,
    /// Seller's stock code (`stockCode`, formerly `merchantSku`).
    #[serde(with = "text")]
    pub stock_code: Option<String>,
    /// Product name.
    pub product_name: Option<String>,
    /// Trendyol content id (`contentId`, formerly `productCode`).
    pub content_id: Option<Id>,
    /// Seller id (`sellerId`, formerly `merchantId`).
    #[serde(with = "int")]
    pub seller_id: Option<u64>,
    /// Product origin (`TR`).
    pub product_origin: Option<String>,
    /// Size.
    pub product_size: Option<String>,
    /// Colour.
    pub product_color: Option<String>,
    /// Sales campaign id.
    #[serde(with = "int")]
    pub sales_campaign_id: Option<i64>,
    /// Gross amount (`lineGrossAmount`, formerly `amount`).
    #[serde(with = "dec")]
    pub line_gross_amount: Option<Decimal>,
    /// Seller discount (`lineSellerDiscount`, formerly `discount`).
    #[serde(with = "dec")]
    pub line_seller_discount: Option<Decimal>,
    /// Trendyol discount (`lineTyDiscount`, formerly `tyDiscount`).
    #[serde(with = "dec")]
    pub line_ty_discount: Option<Decimal>,
    /// Total discount (new in 2026).
    #[serde(with = "dec")]
    pub line_total_discount: Option<Decimal>,
    /// Unit price (`lineUnitPrice`, formerly `price`).
    #[serde(with = "dec")]
    pub line_unit_price: Option<Decimal>,
    /// VAT rate (`vatRate`, formerly `vatBaseAmount`).
    #[serde(with = "dec")]
    pub vat_rate: Option<Decimal>,
    /// Commission rate.
    #[serde(with = "dec")]
    pub commission: Option<Decimal>,
    /// Currency.
    pub currency_code: Option<String>,
    /// Per-item price and discounts.
    pub discount_details: Vec<DiscountDetail>,
    /// Line item status.
    pub order_line_item_status_name: Option<String>,
    /// Category id.
    #[serde(with = "int")]
    pub product_category_id: Option<i64>,
    /// Business unit (`Digital Goods` → no customer phone).
    pub business_unit: Option<String>,
    /// Who cancelled the line.
    pub cancelled_by: Option<String>,
    /// Cancel reason.
    pub cancel_reason: Option<String>,
    /// Cancel reason code.
    #[serde(with = "int")]
    pub cancel_reason_code: Option<i64>,
    /// Fast delivery options.
    pub fast_delivery_options: Vec<FastDeliveryOption>,
    /// Trendyol's SKU of the line (removed 6 April 2026; still in older payloads).
    #[serde(with = "text")]
    pub sku: Option<String>,
}

/// Price and discounts of one item of a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "raw::RawDiscountDetail")]
pub struct DiscountDetail {
    /// Item price.
    #[serde(with = "dec")]
    pub line_item_price: Option<Decimal>,
    /// Seller discount (`lineItemSellerDiscount`, formerly `lineItemDiscount`).
    #[serde(with = "dec")]
    pub line_item_seller_discount: Option<Decimal>,
    /// Trendyol discount.
    #[serde(with = "dec")]
    pub line_item_ty_discount: Option<Decimal>,
}

/// A fast delivery option of a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FastDeliveryOption {
    /// `SameDayShipping`, `FastDelivery`, …
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

/// One entry of a package's status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageHistory {
    /// When (GMT).
    #[serde(default, with = "millis")]
    pub created_date: Option<DateTime<Utc>>,
    /// The status entered.
    #[serde(default)]
    pub status: Option<PackageStatus>,
}

/// A delivery or invoice address of a package.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderAddress {
    /// Address id.
    #[serde(default)]
    pub id: Option<Id>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Full name.
    #[serde(default)]
    pub full_name: Option<String>,
    /// Company.
    #[serde(default)]
    pub company: Option<String>,
    /// Address line 1.
    #[serde(default)]
    pub address1: Option<String>,
    /// Address line 2.
    #[serde(default)]
    pub address2: Option<String>,
    /// Structured address lines.
    #[serde(default)]
    pub address_lines: Option<AddressLines>,
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
    /// County id (CEE region).
    #[serde(default, with = "int")]
    pub county_id: Option<i64>,
    /// County name (CEE region).
    #[serde(default)]
    pub county_name: Option<String>,
    /// Short address (Gulf region).
    #[serde(default)]
    pub short_address: Option<String>,
    /// State name (Gulf region).
    #[serde(default)]
    pub state_name: Option<String>,
    /// Postal code.
    #[serde(default, with = "text")]
    pub postal_code: Option<String>,
    /// Country code.
    #[serde(default)]
    pub country_code: Option<String>,
    /// Neighbourhood id.
    #[serde(default, with = "int")]
    pub neighborhood_id: Option<i64>,
    /// Neighbourhood.
    #[serde(default)]
    pub neighborhood: Option<String>,
    /// Phone (null for digital goods).
    #[serde(default, with = "text")]
    pub phone: Option<String>,
    /// The whole address as one line.
    #[serde(default)]
    pub full_address: Option<String>,
    /// Tax office (corporate invoices).
    #[serde(default)]
    pub tax_office: Option<String>,
    /// Tax number (corporate invoices).
    #[serde(default, with = "text")]
    pub tax_number: Option<String>,
    /// Whether the company can receive e-invoices.
    #[serde(default, with = "flag")]
    pub e_invoice_available: Option<bool>,
}

/// Structured address lines.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressLines {
    /// Line 1.
    #[serde(default)]
    pub address_line1: Option<String>,
    /// Line 2.
    #[serde(default)]
    pub address_line2: Option<String>,
}

/// The raw wire shapes with both the old and the new field names, merged into the public
/// types (new name wins).
mod raw {
    use super::*;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct RawPackage {
        #[serde(default)]
        shipment_package_id: Option<Id>,
        #[serde(default, rename = "id")]
        old_id: Option<Id>,
        #[serde(default, with = "text")]
        order_number: Option<String>,
        #[serde(default, with = "millis")]
        order_date: Option<DateTime<Utc>>,
        #[serde(default)]
        status: Option<PackageStatus>,
        #[serde(default)]
        shipment_package_status: Option<PackageStatus>,
        #[serde(default, with = "dec")]
        package_gross_amount: Option<Decimal>,
        #[serde(default, rename = "grossAmount", with = "dec")]
        old_gross_amount: Option<Decimal>,
        #[serde(default, with = "dec")]
        package_seller_discount: Option<Decimal>,
        #[serde(default, rename = "totalDiscount", with = "dec")]
        old_total_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        package_ty_discount: Option<Decimal>,
        #[serde(default, rename = "totalTyDiscount", with = "dec")]
        old_total_ty_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        package_total_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        package_total_price: Option<Decimal>,
        #[serde(default, rename = "totalPrice", with = "dec")]
        old_total_price: Option<Decimal>,
        #[serde(default)]
        currency_code: Option<String>,
        #[serde(default)]
        customer_first_name: Option<String>,
        #[serde(default)]
        customer_last_name: Option<String>,
        #[serde(default)]
        customer_id: Option<Id>,
        #[serde(default)]
        customer_email: Option<String>,
        #[serde(default, with = "text")]
        identity_number: Option<String>,
        #[serde(default, rename = "tcIdentityNumber", with = "text")]
        old_tc_identity_number: Option<String>,
        #[serde(default, with = "text")]
        tax_number: Option<String>,
        #[serde(default, with = "int")]
        supplier_id: Option<u64>,
        #[serde(default, with = "int")]
        channel_id: Option<i64>,
        #[serde(default)]
        cargo_tracking_number: Option<Id>,
        #[serde(default, with = "text")]
        cargo_sender_number: Option<String>,
        #[serde(default)]
        cargo_tracking_link: Option<String>,
        #[serde(default)]
        cargo_provider_name: Option<String>,
        #[serde(default, with = "dec")]
        cargo_deci: Option<Decimal>,
        #[serde(default)]
        shipment_number: Option<Id>,
        #[serde(default)]
        shipment_address: Option<OrderAddress>,
        #[serde(default)]
        invoice_address: Option<OrderAddress>,
        #[serde(default, deserialize_with = "null_as_default")]
        lines: Vec<OrderLine>,
        #[serde(default, deserialize_with = "null_as_default")]
        package_histories: Vec<PackageHistory>,
        #[serde(default, with = "int")]
        who_pays: Option<i64>,
        #[serde(default)]
        delivery_type: Option<String>,
        #[serde(default)]
        delivery_address_type: Option<String>,
        #[serde(default, with = "int")]
        time_slot_id: Option<i64>,
        #[serde(default, with = "millis")]
        agreed_delivery_date: Option<DateTime<Utc>>,
        #[serde(default, with = "millis")]
        estimated_delivery_start_date: Option<DateTime<Utc>>,
        #[serde(default, with = "millis")]
        estimated_delivery_end_date: Option<DateTime<Utc>>,
        #[serde(default, with = "millis")]
        origin_shipment_date: Option<DateTime<Utc>>,
        #[serde(default, with = "millis")]
        last_modified_date: Option<DateTime<Utc>>,
        #[serde(default, with = "flag")]
        commercial: Option<bool>,
        #[serde(default, with = "flag")]
        micro: Option<bool>,
        #[serde(default, with = "flag")]
        fast_delivery: Option<bool>,
        #[serde(default)]
        fast_delivery_type: Option<String>,
        #[serde(default, with = "flag")]
        delivered_by_service: Option<bool>,
        #[serde(default, with = "flag")]
        gift_box_requested: Option<bool>,
        #[serde(default, rename = "3pByTrendyol", with = "flag")]
        three_p_by_trendyol: Option<bool>,
        #[serde(default, with = "flag")]
        contains_dangerous_product: Option<bool>,
        #[serde(default, rename = "isCod", with = "flag")]
        is_cod: Option<bool>,
        #[serde(default, rename = "is4P", with = "flag")]
        is_4p: Option<bool>,
        #[serde(default, with = "int")]
        warehouse_id: Option<i64>,
        #[serde(default)]
        created_by: Option<String>,
        #[serde(default, deserialize_with = "null_as_default")]
        origin_package_ids: Vec<Id>,
        #[serde(default)]
        invoice_link: Option<String>,
        #[serde(default)]
        payment_method: Option<String>,
        #[serde(default, with = "flag")]
        agreed_delivery_date_extendible: Option<bool>,
        #[serde(default, deserialize_with = "zero_as_none")]
        extended_agreed_delivery_date: Option<DateTime<Utc>>,
        #[serde(default, deserialize_with = "zero_as_none")]
        agreed_delivery_extension_start_date: Option<DateTime<Utc>>,
        #[serde(default, deserialize_with = "zero_as_none")]
        agreed_delivery_extension_end_date: Option<DateTime<Utc>>,
        #[serde(default, with = "flag")]
        group_deal: Option<bool>,
    }

    /// Epoch-millis date where Trendyol writes `0` for "not set".
    fn zero_as_none<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        Ok(millis::deserialize(d)?.filter(|dt| dt.timestamp_millis() != 0))
    }

    impl TryFrom<RawPackage> for ShipmentPackage {
        type Error = &'static str;

        fn try_from(r: RawPackage) -> Result<Self, Self::Error> {
            Ok(ShipmentPackage {
                shipment_package_id: r
                    .shipment_package_id
                    .or(r.old_id)
                    .ok_or("missing field `shipmentPackageId` (or the older `id`)")?,
                order_number: r.order_number,
                order_date: r.order_date,
                status: r.status,
                shipment_package_status: r.shipment_package_status,
                package_gross_amount: r.package_gross_amount.or(r.old_gross_amount),
                package_seller_discount: r.package_seller_discount.or(r.old_total_discount),
                package_ty_discount: r.package_ty_discount.or(r.old_total_ty_discount),
                package_total_discount: r.package_total_discount,
                package_total_price: r.package_total_price.or(r.old_total_price),
                currency_code: r.currency_code,
                customer_first_name: r.customer_first_name,
                customer_last_name: r.customer_last_name,
                customer_id: r.customer_id,
                customer_email: r.customer_email,
                identity_number: r.identity_number.or(r.old_tc_identity_number),
                tax_number: r.tax_number,
                supplier_id: r.supplier_id,
                channel_id: r.channel_id,
                cargo_tracking_number: r.cargo_tracking_number,
                cargo_sender_number: r.cargo_sender_number,
                cargo_tracking_link: r.cargo_tracking_link,
                cargo_provider_name: r.cargo_provider_name,
                cargo_deci: r.cargo_deci,
                shipment_number: r.shipment_number,
                shipment_address: r.shipment_address,
                invoice_address: r.invoice_address,
                lines: r.lines,
                package_histories: r.package_histories,
                who_pays: r.who_pays,
                delivery_type: r.delivery_type,
                delivery_address_type: r.delivery_address_type,
                time_slot_id: r.time_slot_id,
                agreed_delivery_date: r.agreed_delivery_date,
                estimated_delivery_start_date: r.estimated_delivery_start_date,
                estimated_delivery_end_date: r.estimated_delivery_end_date,
                origin_shipment_date: r.origin_shipment_date,
                last_modified_date: r.last_modified_date,
                commercial: r.commercial,
                micro: r.micro,
                fast_delivery: r.fast_delivery,
                fast_delivery_type: r.fast_delivery_type,
                delivered_by_service: r.delivered_by_service,
                gift_box_requested: r.gift_box_requested,
                three_p_by_trendyol: r.three_p_by_trendyol,
                contains_dangerous_product: r.contains_dangerous_product,
                is_cod: r.is_cod,
                is_4p: r.is_4p,
                warehouse_id: r.warehouse_id,
                created_by: r.created_by,
                origin_package_ids: r.origin_package_ids,
                invoice_link: r.invoice_link,
                payment_method: r.payment_method,
                agreed_delivery_date_extendible: r.agreed_delivery_date_extendible,
                extended_agreed_delivery_date: r.extended_agreed_delivery_date,
                agreed_delivery_extension_start_date: r.agreed_delivery_extension_start_date,
                agreed_delivery_extension_end_date: r.agreed_delivery_extension_end_date,
                group_deal: r.group_deal,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct RawLine {
        #[serde(default)]
        line_id: Option<Id>,
        #[serde(default, rename = "id")]
        old_id: Option<Id>,
        #[serde(default, with = "int")]
        quantity: Option<u32>,
        #[serde(default, with = "text")]
        barcode: Option<String>,
        #[serde(default, with = "text")]
        stock_code: Option<String>,
        #[serde(default, rename = "merchantSku", with = "text")]
        old_merchant_sku: Option<String>,
        #[serde(default)]
        product_name: Option<String>,
        #[serde(default)]
        content_id: Option<Id>,
        #[serde(default, rename = "productCode")]
        old_product_code: Option<Id>,
        #[serde(default, with = "int")]
        seller_id: Option<u64>,
        #[serde(default, rename = "merchantId", with = "int")]
        old_merchant_id: Option<u64>,
        #[serde(default)]
        product_origin: Option<String>,
        #[serde(default)]
        product_size: Option<String>,
        #[serde(default)]
        product_color: Option<String>,
        #[serde(default, with = "int")]
        sales_campaign_id: Option<i64>,
        #[serde(default, with = "dec")]
        line_gross_amount: Option<Decimal>,
        #[serde(default, rename = "amount", with = "dec")]
        old_amount: Option<Decimal>,
        #[serde(default, with = "dec")]
        line_seller_discount: Option<Decimal>,
        #[serde(default, rename = "discount", with = "dec")]
        old_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        line_ty_discount: Option<Decimal>,
        #[serde(default, rename = "tyDiscount", with = "dec")]
        old_ty_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        line_total_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        line_unit_price: Option<Decimal>,
        #[serde(default, rename = "price", with = "dec")]
        old_price: Option<Decimal>,
        #[serde(default, with = "dec")]
        vat_rate: Option<Decimal>,
        #[serde(default, rename = "vatBaseAmount", with = "dec")]
        old_vat_base_amount: Option<Decimal>,
        #[serde(default, with = "dec")]
        commission: Option<Decimal>,
        #[serde(default)]
        currency_code: Option<String>,
        #[serde(default, deserialize_with = "null_as_default")]
        discount_details: Vec<DiscountDetail>,
        #[serde(default)]
        order_line_item_status_name: Option<String>,
        #[serde(default, with = "int")]
        product_category_id: Option<i64>,
        #[serde(default)]
        business_unit: Option<String>,
        #[serde(default)]
        cancelled_by: Option<String>,
        #[serde(default)]
        cancel_reason: Option<String>,
        #[serde(default, with = "int")]
        cancel_reason_code: Option<i64>,
        #[serde(default, deserialize_with = "null_as_default")]
        fast_delivery_options: Vec<FastDeliveryOption>,
        #[serde(default, with = "text")]
        sku: Option<String>,
    }

    impl TryFrom<RawLine> for OrderLine {
        type Error = &'static str;

        fn try_from(r: RawLine) -> Result<Self, Self::Error> {
            Ok(OrderLine {
                line_id: r
                    .line_id
                    .or(r.old_id)
                    .ok_or("missing field `lineId` (or the older `id`)")?,
                quantity: r.quantity,
                barcode: r.barcode,
                stock_code: r.stock_code.or(r.old_merchant_sku),
                product_name: r.product_name,
                content_id: r.content_id.or(r.old_product_code),
                seller_id: r.seller_id.or(r.old_merchant_id),
                product_origin: r.product_origin,
                product_size: r.product_size,
                product_color: r.product_color,
                sales_campaign_id: r.sales_campaign_id,
                line_gross_amount: r.line_gross_amount.or(r.old_amount),
                line_seller_discount: r.line_seller_discount.or(r.old_discount),
                line_ty_discount: r.line_ty_discount.or(r.old_ty_discount),
                line_total_discount: r.line_total_discount,
                line_unit_price: r.line_unit_price.or(r.old_price),
                vat_rate: r.vat_rate.or(r.old_vat_base_amount),
                commission: r.commission,
                currency_code: r.currency_code,
                discount_details: r.discount_details,
                order_line_item_status_name: r.order_line_item_status_name,
                product_category_id: r.product_category_id,
                business_unit: r.business_unit,
                cancelled_by: r.cancelled_by,
                cancel_reason: r.cancel_reason,
                cancel_reason_code: r.cancel_reason_code,
                fast_delivery_options: r.fast_delivery_options,
                sku: r.sku,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub(super) struct RawDiscountDetail {
        #[serde(default, with = "dec")]
        line_item_price: Option<Decimal>,
        #[serde(default, with = "dec")]
        line_item_seller_discount: Option<Decimal>,
        #[serde(default, rename = "lineItemDiscount", with = "dec")]
        old_line_item_discount: Option<Decimal>,
        #[serde(default, with = "dec")]
        line_item_ty_discount: Option<Decimal>,
    }

    impl From<RawDiscountDetail> for DiscountDetail {
        fn from(r: RawDiscountDetail) -> Self {
            DiscountDetail {
                line_item_price: r.line_item_price,
                line_item_seller_discount: r.line_item_seller_discount.or(r.old_line_item_discount),
                line_item_ty_discount: r.line_item_ty_discount,
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Package writes (reference §2.3–§2.15)
// ---------------------------------------------------------------------------------------

/// A line and a quantity, as the status, unsupplied and test-status writes take them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineQuantity {
    /// The line's id ([`OrderLine::line_id`]).
    pub line_id: Id,
    /// Quantity.
    pub quantity: u32,
}

impl LineQuantity {
    /// `quantity` of line `line_id`.
    pub fn new(line_id: impl Into<Id>, quantity: u32) -> Self {
        LineQuantity {
            line_id: line_id.into(),
            quantity,
        }
    }
}

/// `params` of updatePackageStatus.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusParams {
    /// Invoice number; only with `Invoiced` (required there by this SDK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
}

/// Body of updatePackageStatus (§2.3). Only `Picking` and `Invoiced` may be set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdatePackageStatusRequest {
    /// The lines (with quantities) the status applies to.
    pub lines: Vec<LineQuantity>,
    /// Parameters (the invoice number for `Invoiced`).
    pub params: StatusParams,
    /// `Picking` or `Invoiced`.
    pub status: PackageStatus,
}

impl UpdatePackageStatusRequest {
    /// Move `lines` to `Picking`.
    pub fn picking(lines: Vec<LineQuantity>) -> Self {
        UpdatePackageStatusRequest {
            lines,
            params: StatusParams::default(),
            status: PackageStatus::Picking,
        }
    }

    /// Move `lines` to `Invoiced` with `invoice_number`.
    pub fn invoiced(lines: Vec<LineQuantity>, invoice_number: impl Into<String>) -> Self {
        UpdatePackageStatusRequest {
            lines,
            params: StatusParams {
                invoice_number: Some(invoice_number.into()),
            },
            status: PackageStatus::Invoiced,
        }
    }
}

marketplace_core::code_enum! {
    /// Why the seller cannot supply items (`reasonId` of the unsupplied write, §2.4).
    pub enum UnsuppliedReason {
        /// Out of stock.
        OutOfStock = 500,
        /// Defective product.
        Defective = 501,
        /// Wrong price.
        WrongPrice = 502,
        /// Integration error.
        IntegrationError = 504,
        /// Bulk purchase.
        BulkPurchase = 505,
        /// Force majeure.
        ForceMajeure = 506,
    }
    /// A reason id this version does not know.
    Unknown(i64)
}

/// Body of the unsupplied (cancel items) write (§2.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnsuppliedRequest {
    /// The lines and quantities that cannot be supplied.
    pub lines: Vec<LineQuantity>,
    /// Why.
    pub reason_id: UnsuppliedReason,
}

/// Body of the TR updateTrackingNumber (§2.5, deprecated by Trendyol).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateTrackingNumberRequest {
    /// The seller's carrier tracking number.
    pub tracking_number: String,
}

/// Body of the international tracking-details update (§2.5).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackingDetailsRequest {
    /// Cargo sender number.
    pub cargo_sender_number: String,
    /// Carrier code (`DHLMP`, …).
    pub provider_code: String,
    /// Return tracking number (Germany).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_tracking_number: Option<String>,
}

/// Body of splitShipmentPackage (§2.6): the lines moved to one new package.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitRequest {
    /// Line ids.
    pub order_line_ids: Vec<Id>,
}

/// Answer of splitShipmentPackage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitResponse {
    /// The new package's id.
    #[serde(default)]
    pub new_package_id: Option<Id>,
}

/// Body of multiSplitShipmentPackage (§2.6). Lines left out form their own package.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MultiSplitRequest {
    /// One group per new package.
    pub split_groups: Vec<SplitRequest>,
}

/// Answer of multiSplitShipmentPackage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MultiSplitResponse {
    /// One entry per new package.
    #[serde(default, deserialize_with = "null_as_default")]
    pub results: Vec<SplitResponse>,
}

/// One line of splitShipmentPackageByQuantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantitySplit {
    /// The line.
    pub order_line_id: Id,
    /// Quantities of the resulting packages (each ≥ 1), e.g. `[2, 2]`.
    pub quantities: Vec<u32>,
}

/// Body of splitShipmentPackageByQuantity (§2.6).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantitySplitRequest {
    /// Per-line quantity splits.
    pub quantity_split: Vec<QuantitySplit>,
}

/// Answer of splitShipmentPackageByQuantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantitySplitResponse {
    /// The new packages' ids.
    #[serde(default, deserialize_with = "null_as_default")]
    pub new_package_ids: Vec<Id>,
}

/// One line of one package of splitMultiPackagesByQuantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageDetail {
    /// The line.
    pub order_line_id: Id,
    /// Quantity in this package (a single number here, unlike quantity-split).
    pub quantities: u32,
}

/// One new package of splitMultiPackagesByQuantity.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitPackage {
    /// Its lines.
    pub package_details: Vec<PackageDetail>,
}

/// Body of splitMultiPackagesByQuantity (§2.6). Lines left out go to another new package.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitPackagesRequest {
    /// The new packages.
    pub split_packages: Vec<SplitPackage>,
}

marketplace_core::string_enum! {
    /// Carrier codes accepted by changeCargoProvider (§2.7).
    pub enum CargoProvider {
        /// Yurtiçi Kargo.
        Yurtici = "YKMP",
        /// Aras Kargo.
        Aras = "ARASMP",
        /// Sürat Kargo.
        Surat = "SURATMP",
        /// Horoz Lojistik.
        Horoz = "HOROZMP",
        /// DHL eCommerce.
        DhlEcom = "DHLECOMMP",
        /// PTT Kargo.
        Ptt = "PTTMP",
        /// CEVA.
        Ceva = "CEVAMP",
        /// Trendyol Express.
        Tex = "TEXMP",
        /// Kolay Gelsin.
        KolayGelsin = "KOLAYGELSINMP",
        /// CEVA Tedarik.
        CevaTedarik = "CEVATEDARIK",
    }
    /// A carrier code this version does not know.
    Other(String)
}

/// Body of changeCargoProvider (§2.7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeCargoProviderRequest {
    /// The new carrier.
    pub cargo_provider: CargoProvider,
}

/// Body of updateBoxInfo (§2.8).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoxInfoRequest {
    /// Number of boxes.
    pub box_quantity: u32,
    /// Volume (desi).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub deci: Decimal,
}

/// Body of updateWarehouse (§2.10).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateWarehouseRequest {
    /// The warehouse.
    pub warehouse_id: u64,
}

/// Body of extendAgreedDeliveryDate (§2.11).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtendDeliveryDateRequest {
    /// Days to extend by: 1, 2 or 3.
    pub extended_day_count: u8,
}

/// One entry of updateLaborCosts (§2.12; the body is a bare array of these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaborCost {
    /// The line.
    pub order_line_id: Id,
    /// Labour cost per single item (≥ 0, ≤ the item's invoiced amount).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub labor_cost_per_item: Decimal,
}

/// `params` of the alternative delivery writes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlternativeDeliveryParams {
    /// Digital code sent to the customer (digital goods; 6–120 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_code: Option<String>,
}

/// Body of processAlternativeDelivery (and, with a digital code, the digital variant; §2.13).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlternativeDeliveryRequest {
    /// `false`: `tracking_info` is a tracking link; `true`: a phone number.
    pub is_phone_number: bool,
    /// Tracking link or phone number.
    pub tracking_info: String,
    /// Parameters (required by Trendyol, may be empty).
    pub params: AlternativeDeliveryParams,
    /// Number of boxes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_quantity: Option<u32>,
    /// Volume (desi).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub deci: Option<Decimal>,
}

/// Body of createTestOrder (stage only, §2.15).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestOrderRequest {
    /// Customer.
    pub customer: TestCustomer,
    /// Invoice address.
    pub invoice_address: TestInvoiceAddress,
    /// Lines.
    pub lines: Vec<TestOrderLine>,
    /// Seller.
    pub seller: TestSeller,
    /// Shipping address.
    pub shipping_address: TestShippingAddress,
    /// Corporate invoice (then company, tax number and office are needed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commercial: Option<bool>,
    /// Micro-export region: `AZ` or `GULF`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub micro_region: Option<String>,
}

/// Customer of a test order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestCustomer {
    /// First name.
    pub customer_first_name: String,
    /// Last name.
    pub customer_last_name: String,
}

/// Invoice address of a test order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestInvoiceAddress {
    /// Address text.
    pub address_text: String,
    /// City.
    pub city: String,
    /// District.
    pub district: String,
    /// First name.
    pub invoice_first_name: String,
    /// Last name.
    pub invoice_last_name: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Company (corporate invoices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Neighbourhood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighborhood: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
    /// Tax number (corporate invoices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_tax_number: Option<String>,
    /// Tax office (corporate invoices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_tax_office: Option<String>,
}

/// Shipping address of a test order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestShippingAddress {
    /// Address text.
    pub address_text: String,
    /// City.
    pub city: String,
    /// District.
    pub district: String,
    /// First name.
    pub shipping_first_name: String,
    /// Last name.
    pub shipping_last_name: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Neighbourhood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighborhood: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
}

/// One line of a test order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestOrderLine {
    /// Barcode of a product of the test seller.
    pub barcode: String,
    /// Quantity.
    pub quantity: u32,
    /// Discount percentage.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub discount_percentage: Option<Decimal>,
}

/// Seller of a test order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestSeller {
    /// The test seller id.
    pub seller_id: u64,
}

/// Answer of createTestOrder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestOrderResponse {
    /// The created order number.
    #[serde(default, with = "text")]
    pub order_number: Option<String>,
}

/// Body of the stage-only test package status update (§2.15).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestPackageStatusRequest {
    /// Lines and quantities.
    pub lines: Vec<LineQuantity>,
    /// Parameters (usually empty).
    pub params: StatusParams,
    /// `Shipped`, `AtCollectionPoint`, `Delivered`, `UnDelivered` or `Returned`.
    pub status: PackageStatus,
}

/// A country, city, district or neighbourhood of the address lookups (§2.16).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Internal id — what the child lookups take as their path parameter.
    #[serde(default, with = "int")]
    pub id: Option<i64>,
    /// Code (countries, TR cities).
    #[serde(default, with = "text")]
    pub code: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
}
