//! Orders (`order/getOrdersForApi`, `order/getOrdersForApiV2`), the order item status flow
//! and the order write requests (status, invoice links, package split, labor costs).

use chrono::{DateTime, Months, TimeDelta, Utc};
use marketplace_core::codec::Id;
use marketplace_core::model::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Error, Result};

/// The longest date range one order query may cover in this SDK: 28 days.
///
/// The document says the range "may not exceed 1 month" without saying how a month is
/// counted; 28 days is the longest fixed span that never exceeds a calendar month, so a
/// window of this length is accepted whatever the server's definition.
pub const ORDER_QUERY_MAX_SPAN: TimeDelta = TimeDelta::days(28);

marketplace_core::code_enum! {
    /// Status of an order item (`orderItemStatus`), also used for `orderStatus`.
    pub enum OrderItemStatus {
        /// 3: order received (Siparişiniz Alındı) — every new order starts here.
        Received = 3,
        /// 12: being prepared (Siparişiniz Hazırlanıyor).
        Preparing = 12,
        /// 5: handed to the carrier (Siparişiniz Kargoya Verildi).
        Shipped = 5,
        /// 16: at the store (Siparişiniz Mağazada).
        AtStore = 16,
        /// 19: at the delivery point (Siparişiniz Teslimat Noktasında).
        AtDeliveryPoint = 19,
        /// 11: delivered (Teslim Edildi).
        Delivered = 11,
        /// 14: could not be delivered (Teslim Edilemedi).
        Undelivered = 14,
        /// 6: cancelled by the buyer (Siparişiniz İptal Edildi).
        Cancelled = 6,
        /// 18: the buyer asked to cancel (İptal Süreci Başlatıldı).
        CancellationRequested = 18,
        /// 13: the seller could not supply it (Tedarik Edilemedi).
        Unsupplied = 13,
        /// 7: the buyer started a return (İade Süreci Başlatıldı).
        ReturnRequested = 7,
        /// 8: return approved (İade Onaylandı).
        ReturnApproved = 8,
        /// 9: return rejected (İade Reddedildi).
        ReturnRejected = 9,
        /// 10: returned (İade Edildi).
        Returned = 10,
    }
    /// A status code this version does not know.
    Unknown(i64)
}

impl OrderItemStatus {
    /// Whether a seller may set this status through the API at all (12, 5, 11, 14, 13).
    pub fn is_seller_target(self) -> bool {
        matches!(
            self,
            OrderItemStatus::Preparing
                | OrderItemStatus::Shipped
                | OrderItemStatus::Delivered
                | OrderItemStatus::Undelivered
                | OrderItemStatus::Unsupplied
        )
    }

    /// Whether a seller may move an item from `self` to `to` (see [`can_move`]).
    pub fn can_move_to(self, to: OrderItemStatus) -> bool {
        can_move(self, to)
    }
}

/// Whether a **seller** may move an order item from `from` to `to`, per the document's
/// order flow:
///
/// - 3 Received → 12 Preparing (required before anything else) or 13 Unsupplied;
/// - 12 Preparing → 5 Shipped (own carrier), 13 Unsupplied, or 11 Delivered /
///   14 Undelivered (digital delivery, contracted carrier);
/// - 5 Shipped, 16 At store, 19 At delivery point → 11 Delivered or 14 Undelivered.
///
/// Every other move is refused: cancellations (6, 18) are the buyer's, returns (7–10)
/// belong to the refund flow, terminal statuses stay terminal, unknown codes cannot be
/// judged, and "moving" to the same status is not a move.
pub fn can_move(from: OrderItemStatus, to: OrderItemStatus) -> bool {
    use OrderItemStatus as S;
    matches!(
        (from, to),
        (S::Received, S::Preparing | S::Unsupplied)
            | (
                S::Preparing,
                S::Shipped | S::Unsupplied | S::Delivered | S::Undelivered
            )
            | (
                S::Shipped | S::AtStore | S::AtDeliveryPoint,
                S::Delivered | S::Undelivered
            )
    )
}

/// Check a move with [`can_move`]: [`Error::InvalidTransition`] when it is not allowed.
pub fn check_move(from: OrderItemStatus, to: OrderItemStatus) -> Result<()> {
    if can_move(from, to) {
        Ok(())
    } else {
        Err(Error::InvalidTransition {
            entity: "order item",
            from: status_label(from),
            to: status_label(to),
        })
    }
}

fn status_label(status: OrderItemStatus) -> String {
    match status {
        OrderItemStatus::Unknown(code) => format!("unknown status {code}"),
        known => format!("{known:?} ({})", known.code()),
    }
}

marketplace_core::code_enum! {
    /// How an item is delivered (`deliveryType`).
    pub enum DeliveryType {
        /// 1: by carrier.
        Cargo = 1,
        /// 2: by courier.
        Courier = 2,
        /// 3: picked up in store.
        Store = 3,
        /// 4: digital delivery (the code goes to `deliveryDetail.phoneNumber`).
        Digital = 4,
        /// 5: donation.
        Donation = 5,
        /// 10001: delivery point.
        DeliveryPoint = 10001,
    }
    /// A delivery type this version does not know.
    Unknown(i64)
}

marketplace_core::code_enum! {
    /// How the order was paid (`paymentType`).
    pub enum PaymentType {
        /// 1: bank or credit card.
        Card = 1,
        /// 5: wallet.
        Wallet = 5,
        /// 8: Visa click to pay.
        VisaClickToPay = 8,
        /// 11: instalment loan account.
        InstallmentAccount = 11,
    }
    /// A payment type this version does not know.
    Unknown(i64)
}

marketplace_core::code_enum! {
    /// Invoice type of a billing address.
    pub enum InvoiceType {
        /// 1: individual.
        Individual = 1,
        /// 2: corporate.
        Corporate = 2,
    }
    /// An invoice type this version does not know.
    Unknown(i64)
}

/// Pazarama's money object (`value`, `valueInt`, `currency`, `valueString`, …), kept as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    /// The exact amount.
    #[serde(with = "marketplace_core::codec::decimal")]
    pub value: Decimal,
    /// Currency as Pazarama writes it (`TL`).
    #[serde(default)]
    pub currency: Option<String>,
    /// The amount in kuruş (`value × 100`).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub value_int: Option<i64>,
    /// Display text, e.g. `1,00 TL`.
    #[serde(default)]
    pub value_string: Option<String>,
    /// Whole part as text.
    #[serde(default)]
    pub whole_part_string: Option<String>,
    /// Fraction part as text.
    #[serde(default)]
    pub fraction_part_string: Option<String>,
    /// Decimal separator of the display text.
    #[serde(default)]
    pub decimal_separator: Option<String>,
}

impl Amount {
    /// As unified [`Money`]; Pazarama's `TL` (and a missing currency) becomes `TRY`.
    pub fn to_money(&self) -> Money {
        let currency = match self.currency.as_deref().map(str::trim) {
            None | Some("" | "TL" | "TRL") => "TRY",
            Some(other) => other,
        };
        Money::new(self.value, currency)
    }
}

/// An order as `getOrdersForApi` / `getOrdersForApiV2` return it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// Order id (GUID); used by invoice links, package split and labor costs.
    pub order_id: Uuid,
    /// Order number shown to the buyer; used by the status updates.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub order_number: u64,
    /// When the order was placed.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub order_date: Option<DateTime<Utc>>,
    /// Order amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub order_amount: Option<Decimal>,
    /// Shipping amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub shipment_amount: Option<Decimal>,
    /// Discount amount.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub discount_amount: Option<Decimal>,
    /// Discount description (campaign code).
    #[serde(default)]
    pub discount_description: Option<String>,
    /// Currency (`TL`).
    #[serde(default)]
    pub currency: Option<String>,
    /// Payment type.
    #[serde(default)]
    pub payment_type: Option<PaymentType>,
    /// Order status (same codes as [`OrderItemStatus`]).
    #[serde(default)]
    pub order_status: Option<OrderItemStatus>,
    /// Buyer id.
    #[serde(default)]
    pub customer_id: Option<Uuid>,
    /// Buyer name.
    #[serde(default)]
    pub customer_name: Option<String>,
    /// Buyer e-mail.
    #[serde(default)]
    pub customer_email: Option<String>,
    /// Shipping address.
    #[serde(default)]
    pub shipment_address: Option<Address>,
    /// Billing address.
    #[serde(default)]
    pub billing_address: Option<Address>,
    /// The order's items.
    #[serde(default)]
    pub items: Vec<OrderItem>,
    /// Seller shipping address the order ships from (section 3.26).
    #[serde(default)]
    pub seller_address_id: Option<Uuid>,
}

/// A shipping or billing address of an order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// Saved address id.
    #[serde(default)]
    pub address_id: Option<Uuid>,
    /// Address title ("Ev Adresim").
    #[serde(default)]
    pub title: Option<String>,
    /// Name and surname.
    #[serde(default)]
    pub name_surname: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub customer_email: Option<String>,
    /// City.
    #[serde(default)]
    pub city_name: Option<String>,
    /// District.
    #[serde(default)]
    pub district_name: Option<String>,
    /// Neighbourhood.
    #[serde(default)]
    pub neighborhood_name: Option<String>,
    /// Street address.
    #[serde(default)]
    pub address_detail: Option<String>,
    /// The full address as one line.
    #[serde(default)]
    pub display_address_text: Option<String>,
    /// Phone number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone_number: Option<String>,
    /// Turkish identity number (billing).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub identity_number: Option<String>,
    /// Invoice type (billing).
    #[serde(default)]
    pub invoice_type: Option<InvoiceType>,
    /// Company name for corporate invoices.
    #[serde(default)]
    pub company_name: Option<String>,
    /// Tax number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub tax_number: Option<String>,
    /// Tax office.
    #[serde(default)]
    pub tax_office: Option<String>,
    /// Whether the buyer is obliged to e-invoices.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub is_e_invoice_obliged: Option<bool>,
}

/// One item of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    /// Order item id: the key of every status update.
    pub order_item_id: Uuid,
    /// Item status.
    pub order_item_status: OrderItemStatus,
    /// Shipment code (`PZ…`) for sellers on Pazarama's contracted carrier.
    #[serde(default)]
    pub shipment_code: Option<String>,
    /// Shipping cost for contracted carriers.
    #[serde(default)]
    pub shipment_cost: Option<Amount>,
    /// Delivery type.
    #[serde(default)]
    pub delivery_type: Option<DeliveryType>,
    /// Digital delivery contact.
    #[serde(default)]
    pub delivery_detail: Option<DeliveryDetail>,
    /// Quantity (always 1 in the split V2 service).
    #[serde(default = "one", with = "marketplace_core::codec::lenient::int")]
    pub quantity: u32,
    /// List price.
    #[serde(default)]
    pub list_price: Option<Amount>,
    /// Sale price.
    #[serde(default)]
    pub sale_price: Option<Amount>,
    /// Tax amount.
    #[serde(default)]
    pub tax_amount: Option<Amount>,
    /// Shipping amount (for sellers not on the contracted carrier).
    #[serde(default)]
    pub shipment_amount: Option<Amount>,
    /// Total price.
    #[serde(default)]
    pub total_price: Option<Amount>,
    /// Discount.
    #[serde(default)]
    pub discount_amount: Option<Amount>,
    /// Discount description.
    #[serde(default)]
    pub discount_description: Option<String>,
    /// Whether the prices include VAT.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub tax_included: Option<bool>,
    /// Carrier and tracking.
    #[serde(default)]
    pub cargo: Option<Cargo>,
    /// The product sold.
    #[serde(default)]
    pub product: Option<OrderProduct>,
    /// Seller shipping address of this item's package (section 3.26).
    #[serde(default)]
    pub seller_address_id: Option<Uuid>,
}

fn one() -> u32 {
    1
}

/// Digital delivery contact of an item (null except for digital delivery).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryDetail {
    /// Phone number the digital code goes to.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone_number: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
}

/// Carrier information of an item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cargo {
    /// Carrier name.
    #[serde(default)]
    pub company_name: Option<String>,
    /// Tracking number.
    #[serde(default)]
    pub tracking_number: Option<Id>,
    /// Tracking URL.
    #[serde(default)]
    pub tracking_url: Option<String>,
}

/// The product of an order item.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderProduct {
    /// Product id.
    #[serde(default)]
    pub product_id: Option<Uuid>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Storefront URL slug.
    #[serde(default)]
    pub url: Option<String>,
    /// Image URL.
    #[serde(default, rename = "imageURL")]
    pub image_url: Option<String>,
    /// Variant text, e.g. `Gece Mavisi - Ekru/S`.
    #[serde(default)]
    pub variant_option_display: Option<String>,
    /// Seller stock code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub stock_code: Option<String>,
    /// Product code (barcode).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// VAT rate in percent.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub vat_rate: Option<Decimal>,
}

/// Query (request body) of `getOrdersForApi` / `getOrdersForApiV2`: an order number and/or
/// a date range (at most one month; `endDate` is exclusive), with paging.
///
/// Dates are sent as Istanbul local time, `YYYY-MM-DDTHH:MM`, as in the document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderQuery {
    /// One order by number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<u64>,
    /// Start of the range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "wire_date::serialize_minutes",
        deserialize_with = "marketplace_core::codec::datetime::option::deserialize"
    )]
    pub start_date: Option<DateTime<Utc>>,
    /// End of the range (exclusive: orders before this instant).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "wire_date::serialize_minutes",
        deserialize_with = "marketplace_core::codec::datetime::option::deserialize"
    )]
    pub end_date: Option<DateTime<Utc>>,
    /// Page number, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<u32>,
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

impl OrderQuery {
    /// One order by its number.
    pub fn by_number(order_number: u64) -> Self {
        OrderQuery {
            order_number: Some(order_number),
            ..Self::default()
        }
    }

    /// Orders in `[start, end)`.
    pub fn between(start: impl Into<DateTime<Utc>>, end: impl Into<DateTime<Utc>>) -> Self {
        OrderQuery {
            start_date: Some(start.into()),
            end_date: Some(end.into()),
            ..Self::default()
        }
    }

    /// Set the page number (from 1).
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page_number = Some(page);
        self
    }

    /// Set the page size.
    #[must_use]
    pub fn size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Check the document's rules: start before end, a range of at most one month, page
    /// number and size at least 1.
    pub fn validate(&self) -> Result<()> {
        if self.page_number == Some(0) {
            return Err(Error::invalid_input(
                "pageNumber",
                "pages are numbered from 1",
            ));
        }
        if self.page_size == Some(0) {
            return Err(Error::invalid_input("pageSize", "must be at least 1"));
        }
        validate_range(self.start_date, self.end_date, "endDate", true)
    }
}

/// `start <= end`, and (when `month_cap`) `end` no later than one calendar month after `start`.
pub(crate) fn validate_range(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    end_field: &str,
    month_cap: bool,
) -> Result<()> {
    let (Some(start), Some(end)) = (start, end) else {
        return Ok(());
    };
    if end < start {
        return Err(Error::invalid_input(
            end_field,
            format!("must not be before the start date ({start} > {end})"),
        ));
    }
    if month_cap {
        let cap = start.checked_add_months(Months::new(1)).unwrap_or(start);
        if end > cap {
            return Err(Error::invalid_input(
                end_field,
                "the range may not exceed 1 month (use `stream`, which splits longer ranges)",
            ));
        }
    }
    Ok(())
}

/// Date formats Pazarama's request bodies use.
pub(crate) mod wire_date {
    use chrono::{DateTime, Utc};
    use marketplace_core::codec::datetime::ISTANBUL;
    use serde::Serializer;

    /// `YYYY-MM-DDTHH:MM`, Istanbul local time.
    pub(crate) fn minutes(value: &DateTime<Utc>) -> String {
        value
            .with_timezone(&ISTANBUL)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    }

    pub(crate) fn serialize_minutes<S: Serializer>(
        value: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_str(&minutes(v)),
            None => serializer.serialize_none(),
        }
    }
}

/// Body of `PUT order/updateOrderStatus`: one item's new status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderStatusRequest {
    /// Order number.
    pub order_number: u64,
    /// The item and its new status.
    pub item: ItemStatusUpdate,
}

impl UpdateOrderStatusRequest {
    /// Check the document's rules: a status a seller may set (12, 5, 11, 14, 13), and a
    /// carrier and tracking number for 5 (shipped).
    pub fn validate(&self) -> Result<()> {
        self.item.validate("item.")
    }
}

/// The `item` of [`UpdateOrderStatusRequest`].
///
/// Status 5 (shipped) needs `shippingTrackingNumber` and `cargoCompanyId`
/// (`trackingUrl` is optional); build it with [`ItemStatusUpdate::shipped`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemStatusUpdate {
    /// The order item.
    pub order_item_id: Uuid,
    /// Its new status.
    pub status: OrderItemStatus,
    /// Delivery type (sent with status 5 in the document's sample).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_type: Option<DeliveryType>,
    /// Carrier tracking number (required for status 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_tracking_number: Option<String>,
    /// Carrier tracking link (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
    /// Carrier id (required for status 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cargo_company_id: Option<Uuid>,
}

impl ItemStatusUpdate {
    /// Move `order_item_id` to `status` (no tracking fields).
    pub fn new(order_item_id: Uuid, status: OrderItemStatus) -> Self {
        ItemStatusUpdate {
            order_item_id,
            status,
            delivery_type: None,
            shipping_tracking_number: None,
            tracking_url: None,
            cargo_company_id: None,
        }
    }

    /// Status 5, shipped by carrier `cargo_company_id` with `tracking_number`
    /// (delivery type 1, cargo).
    pub fn shipped(
        order_item_id: Uuid,
        cargo_company_id: Uuid,
        tracking_number: impl Into<String>,
    ) -> Self {
        ItemStatusUpdate {
            delivery_type: Some(DeliveryType::Cargo),
            shipping_tracking_number: Some(tracking_number.into()),
            cargo_company_id: Some(cargo_company_id),
            ..Self::new(order_item_id, OrderItemStatus::Shipped)
        }
    }

    /// Set the tracking link.
    #[must_use]
    pub fn tracking_url(mut self, url: impl Into<String>) -> Self {
        self.tracking_url = Some(url.into());
        self
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        if !self.status.is_seller_target() {
            return Err(Error::invalid_input(
                format!("{prefix}status"),
                format!(
                    "a seller may set only 12, 5, 11, 14 or 13, not {}",
                    self.status
                ),
            ));
        }
        validate_shipment(
            prefix,
            self.status,
            self.cargo_company_id,
            self.shipping_tracking_number.as_deref(),
            self.tracking_url.as_deref(),
        )
    }
}

/// Status 5 needs a carrier and a tracking number; a tracking URL must be a web link.
fn validate_shipment(
    prefix: &str,
    status: OrderItemStatus,
    cargo_company_id: Option<Uuid>,
    tracking_number: Option<&str>,
    tracking_url: Option<&str>,
) -> Result<()> {
    if status == OrderItemStatus::Shipped {
        if tracking_number.is_none_or(|t| t.trim().is_empty()) {
            return Err(Error::invalid_input(
                format!("{prefix}shippingTrackingNumber"),
                "required when the status is 5 (shipped)",
            ));
        }
        if cargo_company_id.is_none_or(|id| id.is_nil()) {
            return Err(Error::invalid_input(
                format!("{prefix}cargoCompanyId"),
                "required when the status is 5 (shipped)",
            ));
        }
    }
    if let Some(url) = tracking_url {
        if !is_web_url(url) {
            return Err(Error::invalid_input(
                format!("{prefix}trackingUrl"),
                "must be an http(s) URL",
            ));
        }
    }
    Ok(())
}

pub(crate) fn is_web_url(text: &str) -> bool {
    url::Url::parse(text.trim())
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}

/// Body of `PUT order/updateOrderStatusList`: every item of an order at once (the
/// document's use: 3 Received → 12 Preparing for the whole order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderStatusListRequest {
    /// Order number.
    pub order_number: u64,
    /// New status of every item.
    pub status: OrderItemStatus,
}

impl UpdateOrderStatusListRequest {
    /// Only statuses a seller may set (12, 5, 11, 14, 13).
    pub fn validate(&self) -> Result<()> {
        if self.status.is_seller_target() {
            Ok(())
        } else {
            Err(Error::invalid_input(
                "status",
                format!(
                    "a seller may set only 12, 5, 11, 14 or 13, not {}",
                    self.status
                ),
            ))
        }
    }
}

/// Body of `POST order/api/bulk-status-update` (section 3.33): several items of one order
/// that share the same status data (carrier, tracking number, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkStatusUpdateRequest {
    /// Order number.
    pub order_number: u64,
    /// The items to update (at least one).
    pub order_item_ids: Vec<Uuid>,
    /// The shared status data.
    pub update_shipment_dto: ShipmentUpdate,
}

impl BulkStatusUpdateRequest {
    /// Check the document's rules: at least one distinct item, a seller status, carrier and
    /// tracking number for 5, and nothing but the status for 11 (delivered).
    pub fn validate(&self) -> Result<()> {
        if self.order_item_ids.is_empty() {
            return Err(Error::invalid_input(
                "orderItemIds",
                "at least one order item is required",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = self.order_item_ids.iter().find(|id| !seen.insert(**id)) {
            return Err(Error::invalid_input(
                "orderItemIds",
                format!("{dup} is listed twice"),
            ));
        }
        let dto = &self.update_shipment_dto;
        if !dto.status.is_seller_target() {
            return Err(Error::invalid_input(
                "updateShipmentDto.status",
                format!(
                    "a seller may set only 12, 5, 11, 14 or 13, not {}",
                    dto.status
                ),
            ));
        }
        if dto.status == OrderItemStatus::Delivered
            && (dto.cargo_company_id.is_some()
                || dto.delivery_type.is_some()
                || dto.shipment_number.is_some()
                || dto.shipping_tracking_number.is_some()
                || dto.sub_status.is_some()
                || dto.tracking_url.is_some())
        {
            return Err(Error::invalid_input(
                "updateShipmentDto",
                "for status 11 (delivered) every field except status must be null",
            ));
        }
        validate_shipment(
            "updateShipmentDto.",
            dto.status,
            dto.cargo_company_id,
            dto.shipping_tracking_number.as_deref(),
            dto.tracking_url.as_deref(),
        )
    }
}

/// `updateShipmentDto` of [`BulkStatusUpdateRequest`]. Absent values are sent as `null`,
/// as the document asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShipmentUpdate {
    /// Carrier id.
    #[serde(default)]
    pub cargo_company_id: Option<Uuid>,
    /// Delivery type (the document: send 1).
    #[serde(default)]
    pub delivery_type: Option<DeliveryType>,
    /// Shipment number (`PZ…`).
    #[serde(default)]
    pub shipment_number: Option<String>,
    /// Carrier tracking number.
    #[serde(default)]
    pub shipping_tracking_number: Option<String>,
    /// New status.
    pub status: OrderItemStatus,
    /// Sub-status (the document: send 0).
    #[serde(default)]
    pub sub_status: Option<i64>,
    /// Tracking link.
    #[serde(default)]
    pub tracking_url: Option<String>,
}

impl ShipmentUpdate {
    /// Just a status, every other field `null` (what the document asks for 11, delivered).
    pub fn status(status: OrderItemStatus) -> Self {
        ShipmentUpdate {
            cargo_company_id: None,
            delivery_type: None,
            shipment_number: None,
            shipping_tracking_number: None,
            status,
            sub_status: None,
            tracking_url: None,
        }
    }

    /// Status 5 with carrier and tracking number, delivery type 1 and sub-status 0.
    pub fn shipped(cargo_company_id: Uuid, tracking_number: impl Into<String>) -> Self {
        ShipmentUpdate {
            cargo_company_id: Some(cargo_company_id),
            delivery_type: Some(DeliveryType::Cargo),
            shipping_tracking_number: Some(tracking_number.into()),
            sub_status: Some(0),
            ..Self::status(OrderItemStatus::Shipped)
        }
    }

    /// Set the shipment number.
    #[must_use]
    pub fn shipment_number(mut self, number: impl Into<String>) -> Self {
        self.shipment_number = Some(number.into());
        self
    }

    /// Set the tracking link.
    #[must_use]
    pub fn tracking_url(mut self, url: impl Into<String>) -> Self {
        self.tracking_url = Some(url.into());
        self
    }
}

/// Body of `POST order/invoice-link`: an invoice URL for a whole order, one package
/// (carrier + tracking number) or one item.
///
/// With `deliveryCompanyId` and `trackingNumber` both `null` the link applies to every
/// item of the order; with both set, to the items of that package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceLinkRequest {
    /// Link to the invoice.
    pub invoice_link: String,
    /// The order (the document spells the key `orderid`).
    #[serde(rename = "orderid")]
    pub order_id: Uuid,
    /// One item only (item-level invoice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<Uuid>,
    /// Carrier of the package (`null` for the whole order).
    #[serde(default)]
    pub delivery_company_id: Option<Uuid>,
    /// Tracking number of the package (`null` for the whole order).
    #[serde(default)]
    pub tracking_number: Option<String>,
}

impl InvoiceLinkRequest {
    /// The invoice of the whole order.
    pub fn for_order(order_id: Uuid, invoice_link: impl Into<String>) -> Self {
        InvoiceLinkRequest {
            invoice_link: invoice_link.into(),
            order_id,
            order_item_id: None,
            delivery_company_id: None,
            tracking_number: None,
        }
    }

    /// The invoice of one package of the order.
    pub fn for_package(
        order_id: Uuid,
        invoice_link: impl Into<String>,
        delivery_company_id: Uuid,
        tracking_number: impl Into<String>,
    ) -> Self {
        InvoiceLinkRequest {
            delivery_company_id: Some(delivery_company_id),
            tracking_number: Some(tracking_number.into()),
            ..Self::for_order(order_id, invoice_link)
        }
    }

    /// Limit the invoice to one item.
    #[must_use]
    pub fn item(mut self, order_item_id: Uuid) -> Self {
        self.order_item_id = Some(order_item_id);
        self
    }

    /// Check: an http(s) link; carrier and tracking number both set or both absent.
    pub fn validate(&self) -> Result<()> {
        if !is_web_url(&self.invoice_link) {
            return Err(Error::invalid_input(
                "invoiceLink",
                "must be an http(s) URL",
            ));
        }
        let tracking = self
            .tracking_number
            .as_deref()
            .filter(|t| !t.trim().is_empty());
        match (self.delivery_company_id, tracking) {
            (Some(_), None) => Err(Error::invalid_input(
                "trackingNumber",
                "required with deliveryCompanyId (a package is carrier + tracking number)",
            )),
            (None, Some(_)) => Err(Error::invalid_input(
                "deliveryCompanyId",
                "required with trackingNumber (a package is carrier + tracking number)",
            )),
            _ => Ok(()),
        }
    }
}

/// Body of `PUT order/api/delivery/split` (section 3.26): move items of a package into a
/// new package (new `PZ…` shipment code), possibly from another seller address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliverySplitRequest {
    /// The order.
    pub order_id: Uuid,
    /// The package's current shipment code.
    pub shipment_code: String,
    /// Seller shipping address the new package leaves from (an id from
    /// `sellerRegister/getSellerDelivery` → `sellerShipmentAddresses`).
    pub seller_address_id: Uuid,
    /// Carrier of the new package.
    pub cargo_company_id: Uuid,
    /// Items (and quantities) that move to the new package.
    pub items: Vec<SplitItem>,
}

/// An item of a [`DeliverySplitRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitItem {
    /// The order item.
    pub order_item_id: Uuid,
    /// How many units move.
    pub quantity: u32,
}

impl DeliverySplitRequest {
    /// Check: a shipment code, at least one item, quantities of at least 1.
    pub fn validate(&self) -> Result<()> {
        if self.shipment_code.trim().is_empty() {
            return Err(Error::invalid_input("shipmentCode", "must not be empty"));
        }
        if self.items.is_empty() {
            return Err(Error::invalid_input(
                "items",
                "at least one item is required",
            ));
        }
        if let Some(i) = self.items.iter().position(|i| i.quantity == 0) {
            return Err(Error::invalid_input(
                format!("items[{i}].quantity"),
                "must be at least 1",
            ));
        }
        Ok(())
    }
}

/// Body of `PUT order/api/delivery/cancel` (section 3.26): undo a package split, merging
/// the shipment codes again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryCancelRequest {
    /// The order.
    pub order_id: Uuid,
    /// Shipment code of the package to dissolve.
    pub shipment_code: String,
}

/// Body of `PUT order/api/{orderId}/items/labor-costs` (section 3.28, gold/withholding
/// category): labor cost per item. Accepted while an item is received, preparing or
/// shipped; not after delivery, return or cancellation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaborCostRequest {
    /// The items (at least one).
    pub items: Vec<LaborCostItem>,
}

/// One item of a [`LaborCostRequest`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaborCostItem {
    /// The order item.
    pub order_item_id: Uuid,
    /// Labor cost (an integer in the document).
    pub labor_cost: u64,
    /// How many of the items with the same terms as this one the cost applies to.
    pub process_count: u32,
}

impl LaborCostRequest {
    /// Check: at least one item, each item once.
    pub fn validate(&self) -> Result<()> {
        if self.items.is_empty() {
            return Err(Error::invalid_input(
                "items",
                "at least one item is required",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(i) = self
            .items
            .iter()
            .position(|item| !seen.insert(item.order_item_id))
        {
            return Err(Error::invalid_input(
                format!("items[{i}].orderItemId"),
                "the same item is listed twice",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderItemStatus as S;

    #[test]
    fn can_move_follows_the_documented_seller_flow() {
        let allowed = [
            (S::Received, S::Preparing),
            (S::Received, S::Unsupplied),
            (S::Preparing, S::Shipped),
            (S::Preparing, S::Unsupplied),
            (S::Preparing, S::Delivered),
            (S::Preparing, S::Undelivered),
            (S::Shipped, S::Delivered),
            (S::Shipped, S::Undelivered),
            (S::AtStore, S::Delivered),
            (S::AtStore, S::Undelivered),
            (S::AtDeliveryPoint, S::Delivered),
            (S::AtDeliveryPoint, S::Undelivered),
        ];
        let all: Vec<S> = S::KNOWN.iter().copied().chain([S::Unknown(99)]).collect();
        let mut count = 0;
        for &from in &all {
            for &to in &all {
                let expected = allowed.contains(&(from, to));
                assert_eq!(can_move(from, to), expected, "{from:?} -> {to:?}");
                assert_eq!(check_move(from, to).is_ok(), expected);
                count += usize::from(expected);
            }
        }
        assert_eq!(count, allowed.len());
        // Spot checks of the rules in words.
        assert!(!can_move(S::Received, S::Shipped), "12 comes first");
        assert!(!can_move(S::Shipped, S::Unsupplied));
        assert!(
            !can_move(S::Received, S::Cancelled),
            "cancelling is the buyer's"
        );
        assert!(!can_move(S::CancellationRequested, S::Shipped));
        assert!(
            !can_move(S::Delivered, S::ReturnRequested),
            "returns are the buyer's"
        );
        assert!(!can_move(S::Delivered, S::Delivered));
    }

    #[test]
    fn an_illegal_move_names_both_statuses() {
        let err = check_move(S::Delivered, S::Preparing).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot move order item from Delivered (11) to Preparing (12)"
        );
    }

    #[test]
    fn wire_dates_are_istanbul_minutes() {
        let t = DateTime::parse_from_rfc3339("2024-03-01T07:12:59Z")
            .unwrap()
            .to_utc();
        assert_eq!(wire_date::minutes(&t), "2024-03-01T10:12");
    }
}
