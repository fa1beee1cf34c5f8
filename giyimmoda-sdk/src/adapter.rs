//! The unified [`marketplace_core`] traits for Giyim Moda.
//!
//! [`Client`] implements [`Marketplace`] (and so [`OrderApi`], [`ProductApi`], [`ClaimApi`],
//! [`QuestionApi`]), so a Giyim Moda client can sit in a `Vec<Box<dyn Marketplace>>` next to
//! Trendyol and Pazarama. This module also holds the pure mapping functions (no HTTP) between
//! this crate's [`model`] and the unified model, and typed accessors
//! ([`original_order`], [`original_refund`], [`original_product`], [`original_question`])
//! that turn a unified record's `raw` back into the Giyim Moda record it came from.
//!
//! ```
//! use giyimmoda_sdk::Client;
//! use marketplace_core::Marketplace;
//!
//! let client = Client::builder().api_key("k").api_secret("s").build()?;
//! let all: Vec<Box<dyn Marketplace>> = vec![Box::new(client)];
//! assert_eq!(all[0].id().as_str(), "giyimmoda");
//! # Ok::<(), giyimmoda_sdk::Error>(())
//! ```
//!
//! # Orders: `delivery_status` → [`OrderStatus`]
//!
//! | Giyim Moda `delivery_status` | unified |
//! |---|---|
//! | `pending` | `Created` — but `Awaiting` when `payment_status` is `unpaid` and `payment_type` is not `cash_on_delivery` (a bank transfer not yet received) |
//! | `confirmed` | `Picking` |
//! | `picked_up` | `Shipped` |
//! | `on_the_way` | `Shipped` |
//! | `delivered` | `Delivered` |
//! | `cancelled` | `Cancelled` |
//! | missing | as `pending` (the document's default) |
//! | anything else | `Other(raw value)` |
//!
//! Order lines (`order_details`, sent by the detail endpoint) carry their own
//! `delivery_status`, mapped with the same table (without the payment rule).
//!
//! # Orders: unified moves → Giyim Moda calls
//!
//! Giyim Moda moves whole orders (`PUT orders/{id}/status` updates every line), so a move
//! naming only some of the lines is refused ([`Error::InvalidInput`] on `line_ids`).
//!
//! | unified target | call |
//! |---|---|
//! | `Picking` | `PUT orders/{id}/status` `{"delivery_status": "confirmed"}` |
//! | `Shipped` | `PUT orders/{id}/status` `{"delivery_status": "on_the_way", "tracking_code": …}` |
//! | `Delivered` | `PUT orders/{id}/status` `{"delivery_status": "delivered"}` |
//! | `Cancelled` | `POST orders/{id}/cancel` (the server also puts the stock back) |
//! | any other | refused before sending: [`Error::InvalidInput`] on `to` (`Created` needs the payment, which Giyim Moda's admins confirm; invoices are files: `client.orders().upload_invoice`) |
//!
//! [`StatusMove::tracking_number`] is sent as `tracking_code` with any status update;
//! `invoice_number`, `invoice_url`, `cargo_provider` and `reason_code` have no Giyim Moda
//! field and are ignored.
//!
//! # Claims: refund requests → [`ClaimStatus`]
//!
//! A refund request has three 0/1/2 codes (0 `Bekliyor`, 1 `Onaylandı`, 2 `Reddedildi`).
//! The first rule that applies wins:
//!
//! | `refund_status` | `admin_approval` | `seller_approval` | unified |
//! |---|---|---|---|
//! | 1 | any | any | `Accepted` (refunded) |
//! | 2 | any | any | `Rejected` |
//! | 0 / missing | 1 | any | `Accepted` (the admins decided) |
//! | 0 / missing | 2 | any | `Rejected` (the admins decided) |
//! | 0 / missing | 0 / missing | 0 | `WaitingInAction` (only state that can be approved/rejected) |
//! | 0 / missing | 0 / missing | 1 | `Accepted` |
//! | 0 / missing | 0 / missing | 2 | `Rejected` |
//! | unknown code anywhere above | | | `Other("refund_status=N")` / `Other("admin_approval=N")` / `Other("seller_approval=N")` |
//! | 0 / missing | 0 / missing | missing | `Other("seller_approval=missing")` |
//!
//! A refund request covers one order line: the unified claim has one [`ClaimLine`] whose
//! id is the refund request id — when the answer includes the order line (the detail
//! endpoint does, the list does not), otherwise no line and the claim stands for itself.
//!
//! Rejections: Giyim Moda takes a free-text `rejection_reason` of at most 500 characters.
//! [`RefundRejectReason`] is this crate's typed vocabulary on top of it: its
//! [`code`](RefundRejectReason::code) goes into [`ClaimRejection::reason_code`], and the
//! text sent is `"<Turkish label>: <your text>"`. An unknown `reason_code` is refused.
//!
//! # Questions: product queries → [`QuestionStatus`]
//!
//! | `reply` | unified |
//! |---|---|
//! | non-blank text | `Answered` |
//! | `null`, missing or blank | `WaitingForAnswer` |
//!
//! # Products, drafts, stock and prices
//!
//! - `push_drafts` converts every draft ([`new_product_from_draft`] +
//!   [`NewProduct::validate`]); drafts that fail are reported as failed items without being
//!   sent, the rest go in one `POST products/bulk`. Draft fields Giyim Moda has no place
//!   for ([`draft_warnings`]) are reported as messages of the succeeded item. Giyim Moda answers synchronously, so the
//!   returned handle is already complete.
//! - `update_stock_prices` coalesces the updates ([`StockPriceCoalescer`]: last value per
//!   SKU and field wins), resolves each SKU to its product id (`GET products`, stopping as
//!   soon as every SKU is found) and sends chunks of at most [`MAX_STOCK_PRICE_ITEMS`]
//!   through `POST products/bulk-update` — the one bulk endpoint whose body the document
//!   shows, carrying stock *and* price in one item. A SKU no product has, or an update
//!   carrying only a list price (Giyim Moda has none), is a failed item of the outcome.
//!
//! # Batch handles
//!
//! Both bulk calls are synchronous, so their handles are already complete. The outcome is
//! encoded into the handle id (`giyimmoda-sync:` + JSON of the items) rather than cached in
//! the client: [`Client`] stays the [`Marketplace`] (no wrapper type, like the other
//! marketplace crates), nothing grows in memory in a long-running service that pushes stock
//! every minute, and a handle that was persisted or sent to another process still answers
//! [`ProductApi::batch_outcome`] without any request.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use marketplace_core::codec::datetime::ISTANBUL;
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::{
    Address, BatchHandle, BatchKind, BatchOutcome, Claim, ClaimLine, ClaimQuery, ClaimRejection,
    ClaimStatus, Customer, ItemOutcome, MarketplaceId, Money, Order, OrderLine, OrderQuery,
    OrderStatus, Product, ProductDraft, ProductQuery, Question, QuestionQuery, QuestionStatus,
    StatusMove, StockPrice,
};
use marketplace_core::paging::{Page, PagingOptions, dedup_by_key, paginate};
use marketplace_core::traits::{
    Capabilities, ClaimApi, Marketplace, MarketplaceIdentity, OrderApi, ProductApi, QuestionApi,
};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::refunds::MAX_REJECTION_REASON_CHARS;
use crate::model::{
    self, Approval, BulkCreateResult, BulkItemOutcome, BulkUpdateResult, DeliveryStatus, ListPage,
    ListQuery, NewProduct, PaymentStatus, PaymentType, PerPage, ProductBulkUpdateItem,
    ProductQuestion, ProductStatus, RefundFilter, RefundQuery, RefundRequest,
};
use crate::{Client, Error, Result};

/// At most this many items go into one `POST products/bulk-update`. The document states
/// no limit; this is a conservative assumption.
pub const MAX_STOCK_PRICE_ITEMS: usize = 100;

/// Prefix of the ids of the (already complete) batch handles this adapter hands out.
pub const SYNC_HANDLE_PREFIX: &str = "giyimmoda-sync:";

/// Page size the adapter asks for when walking lists.
const PAGE_SIZE: u32 = 100;

const MARKETPLACE: MarketplaceId = MarketplaceId::GiyimModa;

// ---------------------------------------------------------------------------------------
// Status tables
// ---------------------------------------------------------------------------------------

/// The `delivery_status` table (see the module docs), without the payment rule.
pub const DELIVERY_STATUS_TABLE: &[(DeliveryStatus, OrderStatus)] = &[
    (DeliveryStatus::Pending, OrderStatus::Created),
    (DeliveryStatus::Confirmed, OrderStatus::Picking),
    (DeliveryStatus::PickedUp, OrderStatus::Shipped),
    (DeliveryStatus::OnTheWay, OrderStatus::Shipped),
    (DeliveryStatus::Delivered, OrderStatus::Delivered),
    (DeliveryStatus::Cancelled, OrderStatus::Cancelled),
];

/// The unified move → `delivery_status` table (see the module docs); `Cancelled` goes
/// through the cancel endpoint instead, see [`delivery_move`].
pub const MOVE_TABLE: &[(OrderStatus, DeliveryStatus)] = &[
    (OrderStatus::Picking, DeliveryStatus::Confirmed),
    (OrderStatus::Shipped, DeliveryStatus::OnTheWay),
    (OrderStatus::Delivered, DeliveryStatus::Delivered),
];

/// The unified status of a `delivery_status` alone (line level, no payment rule).
pub fn delivery_status_to_unified(status: &DeliveryStatus) -> OrderStatus {
    match status {
        DeliveryStatus::Pending => OrderStatus::Created,
        DeliveryStatus::Confirmed => OrderStatus::Picking,
        DeliveryStatus::PickedUp | DeliveryStatus::OnTheWay => OrderStatus::Shipped,
        DeliveryStatus::Delivered => OrderStatus::Delivered,
        DeliveryStatus::Cancelled => OrderStatus::Cancelled,
        DeliveryStatus::Other(raw) => OrderStatus::Other(raw.clone()),
    }
}

/// An order's unified status: the `delivery_status` table plus the payment rule
/// (`pending` + `unpaid` + not cash on delivery → `Awaiting`). A missing
/// `delivery_status` counts as `pending`, the document's default.
pub fn order_status(
    delivery: Option<&DeliveryStatus>,
    payment: Option<&PaymentStatus>,
    payment_type: Option<&PaymentType>,
) -> OrderStatus {
    let delivery = delivery.unwrap_or(&DeliveryStatus::Pending);
    let awaiting_payment = matches!(payment, Some(PaymentStatus::Unpaid))
        && !matches!(payment_type, Some(PaymentType::CashOnDelivery));
    match delivery {
        DeliveryStatus::Pending if awaiting_payment => OrderStatus::Awaiting,
        other => delivery_status_to_unified(other),
    }
}

/// What moving an order to a unified status does on Giyim Moda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryMove {
    /// `PUT orders/{id}/status` with this `delivery_status`.
    Status(DeliveryStatus),
    /// `POST orders/{id}/cancel`.
    Cancel,
}

/// The Giyim Moda call for a unified move (see the module docs); targets Giyim Moda has no
/// status for are [`Error::InvalidInput`] on `to`.
pub fn delivery_move(to: &OrderStatus) -> Result<DeliveryMove> {
    match to {
        OrderStatus::Picking => Ok(DeliveryMove::Status(DeliveryStatus::Confirmed)),
        OrderStatus::Shipped => Ok(DeliveryMove::Status(DeliveryStatus::OnTheWay)),
        OrderStatus::Delivered => Ok(DeliveryMove::Status(DeliveryStatus::Delivered)),
        OrderStatus::Cancelled => Ok(DeliveryMove::Cancel),
        OrderStatus::Created => Err(Error::invalid_input(
            "to",
            "Giyim Moda's admins confirm payments; a seller cannot move an order to created",
        )),
        OrderStatus::Invoiced => Err(Error::invalid_input(
            "to",
            "Giyim Moda has no invoiced status; upload the invoice with client.orders().upload_invoice",
        )),
        other => Err(Error::invalid_input(
            "to",
            format!(
                "Giyim Moda has no delivery status for {other}; it takes picking, shipped, delivered or cancelled"
            ),
        )),
    }
}

/// A refund request's unified status from its three codes (see the module docs).
pub fn claim_status(
    seller_approval: Option<&Approval>,
    admin_approval: Option<&Approval>,
    refund_status: Option<&Approval>,
) -> ClaimStatus {
    let unknown = |field: &str, code: i64| ClaimStatus::Other(format!("{field}={code}"));
    match refund_status {
        Some(Approval::Approved) => return ClaimStatus::Accepted,
        Some(Approval::Rejected) => return ClaimStatus::Rejected,
        Some(Approval::Unknown(code)) => return unknown("refund_status", *code),
        Some(Approval::Pending) | None => {}
    }
    match admin_approval {
        Some(Approval::Approved) => return ClaimStatus::Accepted,
        Some(Approval::Rejected) => return ClaimStatus::Rejected,
        Some(Approval::Unknown(code)) => return unknown("admin_approval", *code),
        Some(Approval::Pending) | None => {}
    }
    match seller_approval {
        Some(Approval::Pending) => ClaimStatus::WaitingInAction,
        Some(Approval::Approved) => ClaimStatus::Accepted,
        Some(Approval::Rejected) => ClaimStatus::Rejected,
        Some(Approval::Unknown(code)) => unknown("seller_approval", *code),
        None => ClaimStatus::Other("seller_approval=missing".to_owned()),
    }
}

/// A product query's unified status: answered iff it has a non-blank `reply`.
pub fn question_status(question: &ProductQuestion) -> QuestionStatus {
    if question.is_answered() {
        QuestionStatus::Answered
    } else {
        QuestionStatus::WaitingForAnswer
    }
}

// ---------------------------------------------------------------------------------------
// Reject reasons
// ---------------------------------------------------------------------------------------

marketplace_core::string_enum! {
    /// Why a seller rejects a refund request: this crate's vocabulary on top of Giyim
    /// Moda's free-text `rejection_reason`. Convert with
    /// [`rejection`](RefundRejectReason::rejection); the text sent is
    /// `"<label>: <text>"` (at most 500 characters in all).
    pub enum RefundRejectReason {
        /// The product was used (`Ürün kullanılmış`).
        Used = "used",
        /// Damaged by the customer (`Ürün müşteri kaynaklı hasarlı`).
        Damaged = "damaged",
        /// Parts or accessories missing (`Ürün eksik parça veya aksesuarla gönderilmiş`).
        MissingParts = "missing_parts",
        /// Not the product that was sold (`Gönderilen ürün satılan ürün değil`).
        WrongProduct = "wrong_product",
        /// Tags or packaging removed (`Ürün etiketi veya ambalajı çıkarılmış`).
        TagsRemoved = "tags_removed",
        /// The return period has passed (`İade süresi geçmiş`).
        PeriodExpired = "period_expired",
        /// Not returnable (hygiene, made to order) (`Ürün iade edilemez`).
        NotReturnable = "not_returnable",
        /// Nothing arrived (`İade edilen ürün ulaşmadı`).
        NotReceived = "not_received",
        /// Another reason, explained in the text (`Diğer`).
        Other = "other",
    }
    /// A code this crate does not know (refused when rejecting).
    Unknown(String)
}

impl RefundRejectReason {
    /// The Turkish label put in front of the text, `None` for [`Unknown`](Self::Unknown).
    pub fn label(&self) -> Option<&'static str> {
        Some(match self {
            RefundRejectReason::Used => "Ürün kullanılmış",
            RefundRejectReason::Damaged => "Ürün müşteri kaynaklı hasarlı",
            RefundRejectReason::MissingParts => "Ürün eksik parça veya aksesuarla gönderilmiş",
            RefundRejectReason::WrongProduct => "Gönderilen ürün satılan ürün değil",
            RefundRejectReason::TagsRemoved => "Ürün etiketi veya ambalajı çıkarılmış",
            RefundRejectReason::PeriodExpired => "İade süresi geçmiş",
            RefundRejectReason::NotReturnable => "Ürün iade edilemez",
            RefundRejectReason::NotReceived => "İade edilen ürün ulaşmadı",
            RefundRejectReason::Other => "Diğer",
            RefundRejectReason::Unknown(_) => return None,
        })
    }

    /// The code that goes into [`ClaimRejection::reason_code`].
    pub fn code(&self) -> &str {
        self.as_str()
    }

    /// A unified rejection with this reason and an explanation.
    pub fn rejection(&self, text: impl Into<String>) -> ClaimRejection {
        ClaimRejection::new(text).reason_code(self.code())
    }
}

/// The `rejection_reason` sent for a unified rejection: `"<label>: <text>"` with a known
/// [`RefundRejectReason`] code, the text alone without a code. Refuses an unknown code
/// (`rejection.reason_code`), a blank text and more than 500 characters
/// (`rejection.text`).
pub fn rejection_reason_text(rejection: &ClaimRejection) -> Result<String> {
    let text = rejection.text.trim();
    if text.is_empty() {
        return Err(Error::invalid_input(
            "rejection.text",
            "a rejection needs an explanation",
        ));
    }
    let full = match rejection.reason_code.as_deref() {
        None => text.to_owned(),
        Some(code) => {
            let reason = RefundRejectReason::from(code.trim());
            let Some(label) = reason.label() else {
                return Err(Error::invalid_input(
                    "rejection.reason_code",
                    format!(
                        "Giyim Moda reason codes are {}, not {code:?}",
                        RefundRejectReason::KNOWN
                            .iter()
                            .map(RefundRejectReason::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            };
            format!("{label}: {text}")
        }
    };
    if full.chars().count() > MAX_REJECTION_REASON_CHARS {
        return Err(Error::invalid_input(
            "rejection.text",
            format!(
                "Giyim Moda takes at most {MAX_REJECTION_REASON_CHARS} characters (reason label included)"
            ),
        ));
    }
    Ok(full)
}

// ---------------------------------------------------------------------------------------
// Raw records
// ---------------------------------------------------------------------------------------

fn to_raw<T: Serialize>(record: &T) -> Result<serde_json::Value> {
    serde_json::to_value(record).map_err(|e| Error::Decode {
        path: "raw".to_owned(),
        message: e.to_string(),
        body_snippet: String::new(),
    })
}

fn original<T: DeserializeOwned>(
    marketplace: &MarketplaceId,
    raw: Option<&serde_json::Value>,
    what: &str,
) -> Result<T> {
    if *marketplace != MARKETPLACE {
        return Err(Error::invalid_input(
            "marketplace",
            format!("this {what} comes from {marketplace}, not Giyim Moda"),
        ));
    }
    let raw = raw.ok_or_else(|| {
        Error::invalid_input(
            "raw",
            format!("this {what} does not carry Giyim Moda's record"),
        )
    })?;
    serde_json::from_value(raw.clone()).map_err(|e| Error::Decode {
        path: "raw".to_owned(),
        message: format!("{what}: {e}"),
        body_snippet: String::new(),
    })
}

/// The Giyim Moda order a unified [`Order`] was made from.
pub fn original_order(order: &Order) -> Result<model::Order> {
    original(&order.marketplace, order.raw.as_ref(), "order")
}

/// The Giyim Moda refund request a unified [`Claim`] was made from.
pub fn original_refund(claim: &Claim) -> Result<RefundRequest> {
    original(&claim.marketplace, claim.raw.as_ref(), "claim")
}

/// The Giyim Moda product a unified [`Product`] was made from.
pub fn original_product(product: &Product) -> Result<model::Product> {
    original(&product.marketplace, product.raw.as_ref(), "product")
}

/// The Giyim Moda product query a unified [`Question`] was made from.
pub fn original_question(question: &Question) -> Result<ProductQuestion> {
    original(&question.marketplace, question.raw.as_ref(), "question")
}

// ---------------------------------------------------------------------------------------
// Giyim Moda → unified
// ---------------------------------------------------------------------------------------

fn lira(amount: Decimal) -> Money {
    Money::try_lira(amount)
}

fn non_blank(value: Option<&String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty()).cloned()
}

fn missing(path: String, message: &str) -> Error {
    Error::Decode {
        path,
        message: message.to_owned(),
        body_snippet: String::new(),
    }
}

/// A unified order line from one `order_details` entry (`index` names it in errors).
///
/// Giyim Moda's lines carry no SKU or product name (only `product_id` and `variation`):
/// `sku` is left empty, `product_name` is the variation. `price` is taken as the price of
/// the whole line (unit price × quantity, as the refund sample suggests: `refund_amount` =
/// `price` + `tax` + `shipping_cost`), so `unit_price = price / quantity` and
/// `line_total = price + tax`. A missing `price` or `quantity`, or a quantity of 0, is
/// [`Error::Decode`] naming the field.
pub fn order_line_from(index: usize, detail: &model::OrderDetail) -> Result<OrderLine> {
    let field = |name: &str| format!("order_details[{index}].{name}");
    let quantity = detail
        .quantity
        .ok_or_else(|| missing(field("quantity"), "missing"))?;
    if quantity == 0 {
        return Err(missing(field("quantity"), "must be at least 1"));
    }
    let price = detail
        .price
        .ok_or_else(|| missing(field("price"), "missing"))?;
    let id = detail
        .id
        .map_or_else(|| format!("line-{index}"), |id| id.to_string());
    let variation = detail.variation.clone().unwrap_or_default();
    let mut line = OrderLine::new(
        id,
        String::new(),
        variation,
        quantity,
        lira(price / Decimal::from(quantity)),
    );
    line.line_total = lira(price + detail.tax.unwrap_or_default());
    line.product_id = detail.product_id.map(|id| id.to_string());
    line.status = detail
        .delivery_status
        .as_ref()
        .map(delivery_status_to_unified);
    Ok(line)
}

/// An address from Giyim Moda's `shipping_address` (an object, or a JSON string of one,
/// with `name`, `phone`, `address`, `city`, `district`, `postal_code`, `country`); any other
/// text becomes [`Address::full_text`].
pub fn address_from(value: &serde_json::Value) -> Option<Address> {
    use serde_json::Value;
    match value {
        Value::String(text) if text.trim().is_empty() => None,
        Value::String(text) => match serde_json::from_str::<Value>(text) {
            Ok(object @ Value::Object(_)) => address_from(&object),
            _ => Some(Address {
                full_text: Some(text.clone()),
                ..Address::default()
            }),
        },
        Value::Object(map) => {
            let text = |key: &str| match map.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            let country_code = text("country").and_then(|c| {
                let folded = c.trim().to_lowercase();
                ["turkey", "türkiye", "turkiye", "tr"]
                    .contains(&folded.as_str())
                    .then(|| "TR".to_owned())
            });
            Some(Address {
                name: text("name").unwrap_or_default(),
                company: text("company"),
                phone: text("phone"),
                lines: text("address").into_iter().collect(),
                district: text("district"),
                city: text("city"),
                postal_code: text("postal_code"),
                country_code,
                full_text: None,
            })
        }
        _ => None,
    }
}

/// A unified order from a Giyim Moda order (status per the module docs' table).
pub fn order_from(order: &model::Order) -> Result<Order> {
    let status = order_status(
        order.delivery_status.as_ref(),
        order.payment_status.as_ref(),
        order.payment_type.as_ref(),
    );
    let number = order.code.clone().unwrap_or_else(|| order.id.to_string());
    let mut unified = Order::new(MARKETPLACE, order.id.to_string(), number, status);
    unified.created_at = order.date;
    unified.customer = order.customer.as_ref().map(|c| Customer {
        id: c.id.map(|id| id.to_string()),
        name: c.name.clone().unwrap_or_default(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        ..Customer::default()
    });
    unified.shipping_address = order.shipping_address.as_ref().and_then(address_from);
    unified.lines = order
        .order_details
        .iter()
        .enumerate()
        .map(|(i, d)| order_line_from(i, d))
        .collect::<Result<_>>()?;
    unified.total = order.grand_total.map(lira);
    unified.tracking_number = non_blank(order.tracking_code.as_ref());
    unified.invoice_url = non_blank(order.invoice_url.as_ref());
    unified.raw = Some(to_raw(order)?);
    Ok(unified)
}

fn looks_like_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://")
}

/// A unified product from a Giyim Moda product. `on_sale` is `published`; images are the
/// thumbnail and the gallery entries that are URLs (upload ids are skipped — they stay in
/// `raw`); a negative stock has no unified value (`None`).
pub fn product_from(product: &model::Product) -> Result<Product> {
    let mut unified = Product::new(
        MARKETPLACE,
        product.sku.clone().unwrap_or_default(),
        product.name.clone().unwrap_or_default(),
    );
    unified.barcode = product.barcode.clone();
    unified.product_id = Some(product.id.to_string());
    unified.description = product.description.clone();
    unified.brand = product.brand_id.map(|id| id.to_string());
    unified.category = product.category_id.map(|id| id.to_string());
    unified.stock = product
        .current_stock
        .and_then(|stock| u32::try_from(stock).ok());
    unified.sale_price = product.unit_price.map(lira);
    unified.vat_rate = product.tax_rate;
    unified.on_sale = product.published;
    unified.archived = Some(false);
    let mut images: Vec<String> = Vec::new();
    let candidates = product
        .thumbnail_img
        .iter()
        .cloned()
        .chain(product.photos.iter().flat_map(|p| {
            p.split(',')
                .map(|s| s.trim().to_owned())
                .collect::<Vec<_>>()
        }));
    for image in candidates {
        if looks_like_url(&image) && !images.contains(&image) {
            images.push(image);
        }
    }
    unified.images = images;
    unified.raw = Some(to_raw(product)?);
    Ok(unified)
}

/// A unified claim from a Giyim Moda refund request (status per the module docs' table).
///
/// The claim has one line (id = the refund request id) when the order line is included
/// (detail endpoint); a present order line without `quantity` is [`Error::Decode`].
pub fn claim_from(refund: &RefundRequest) -> Result<Claim> {
    let status = claim_status(
        refund.seller_approval.as_ref(),
        refund.admin_approval.as_ref(),
        refund.refund_status.as_ref(),
    );
    let order_number = refund
        .order_code
        .clone()
        .or_else(|| refund.order.as_ref().and_then(|o| o.code.clone()))
        .or_else(|| refund.order_id.map(|id| id.to_string()))
        .unwrap_or_default();
    let mut claim = Claim::new(MARKETPLACE, refund.id.to_string(), order_number, status);
    claim.order_id = refund
        .order_id
        .or_else(|| refund.order.as_ref().and_then(|o| o.id))
        .map(|id| id.to_string());
    claim.created_at = refund.created_at;
    claim.updated_at = refund.updated_at;
    claim.customer = refund.customer.as_ref().map(|c| Customer {
        id: c.id.map(|id| id.to_string()),
        name: c.name.clone().unwrap_or_default(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        ..Customer::default()
    });
    claim.refund_amount = refund.refund_amount.map(lira);
    if let Some(detail) = &refund.order_detail {
        let quantity = detail
            .quantity
            .ok_or_else(|| missing("order_detail.quantity".to_owned(), "missing"))?;
        let product = refund.product.as_ref();
        claim.lines.push(ClaimLine {
            id: refund.id.to_string(),
            order_line_id: detail
                .id
                .or(refund.order_detail_id)
                .map(|id| id.to_string()),
            sku: product.and_then(|p| p.sku.clone()).unwrap_or_default(),
            barcode: None,
            product_name: product.and_then(|p| p.name.clone()).unwrap_or_default(),
            quantity,
            status: None,
            reason: refund.reason.clone(),
            reason_code: None,
            customer_note: None,
            price: detail.price.map(lira),
        });
    }
    claim.raw = Some(to_raw(refund)?);
    Ok(claim)
}

fn extra_text(question: &ProductQuestion, paths: &[&[&str]]) -> Option<String> {
    paths.iter().find_map(|path| {
        let (first, rest) = path.split_first()?;
        let mut value = question.extra.get(*first)?;
        for key in rest {
            value = value.get(*key)?;
        }
        match value {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    })
}

/// A unified question from a Giyim Moda product query (status per the module docs'
/// table). Customer and product names and the SKU are taken from the answer's extra fields
/// when present (`customer.name` / `customer_name`, `product.name` / `product_name`,
/// `product.sku` / `sku`).
pub fn question_from(question: &ProductQuestion) -> Result<Question> {
    let mut unified = Question::new(
        MARKETPLACE,
        question.id.to_string(),
        question.question.clone().unwrap_or_default(),
        question_status(question),
    );
    unified.created_at = question.created_at;
    unified.customer_name = extra_text(question, &[&["customer", "name"], &["customer_name"]]);
    unified.product_name = extra_text(question, &[&["product", "name"], &["product_name"]]);
    unified.sku = extra_text(question, &[&["product", "sku"], &["sku"]]);
    unified.product_id = question.product_id.map(|id| id.to_string());
    unified.answer = non_blank(question.reply.as_ref());
    unified.raw = Some(to_raw(question)?);
    Ok(unified)
}

// ---------------------------------------------------------------------------------------
// Unified → Giyim Moda
// ---------------------------------------------------------------------------------------

fn parse_id(field: &str, value: &str) -> Result<u64> {
    value.trim().parse::<u64>().map_err(|_| {
        Error::invalid_input(field, format!("Giyim Moda ids are numbers, not {value:?}"))
    })
}

fn require_lira(field: &str, money: &Money) -> Result<Decimal> {
    if !money.currency.eq_ignore_ascii_case("TRY") {
        return Err(Error::invalid_input(
            field,
            format!("Giyim Moda sells in TRY, not {}", money.currency),
        ));
    }
    Ok(money.amount)
}

/// The `POST products` / `products/bulk` item for a draft (not yet validated: call
/// [`NewProduct::validate`]).
///
/// - `sku` is required (the batch outcome names items by it); `category_id` is required
///   and `brand_id` optional, both Giyim Moda's numeric ids.
/// - `images[0]` is the thumbnail and every image goes into the gallery (Giyim Moda wants
///   at least two).
/// - `price` (and `list_price`, if any) must be in TRY.
/// - `vat_rate` → `tax_rate`, `stock` → `current_stock`, `delivery_days` →
///   `delivery_time`.
/// - What Giyim Moda's product body has no place for — a brand given only by name, a list
///   price, attributes, `dimensional_weight` — is not sent; [`draft_warnings`] lists it and
///   `push_drafts` puts those warnings in the item's outcome, so nothing is dropped
///   silently.
pub fn new_product_from_draft(draft: &ProductDraft) -> Result<NewProduct> {
    if draft.sku.trim().is_empty() {
        return Err(Error::invalid_input(
            "sku",
            "is required (the batch outcome names items by SKU)",
        ));
    }
    let category_id = match draft.category_id.as_deref() {
        Some(id) => Some(parse_id("category_id", id)?),
        None => return Err(Error::invalid_input("category_id", "is required")),
    };
    let brand_id = match draft.brand_id.as_deref() {
        Some(id) => Some(parse_id("brand_id", id)?),
        None => None,
    };
    let price = require_lira("price", &draft.price)?;
    if let Some(list) = &draft.list_price {
        require_lira("list_price", list)?;
    }
    Ok(NewProduct {
        name: draft.title.clone(),
        description: draft.description.clone(),
        category_id,
        brand_id,
        unit_price: Some(price),
        current_stock: Some(i64::from(draft.stock)),
        sku: Some(draft.sku.clone()),
        barcode: draft.barcode.clone(),
        delivery_time: draft.delivery_days,
        tax_rate: draft.vat_rate,
        thumbnail_img_url: draft.images.first().cloned().unwrap_or_default(),
        gallery_images_urls: draft.images.clone(),
        ..NewProduct::default()
    })
}

/// What of `draft` Giyim Moda's product body has no place for, as messages (empty when
/// everything is sent). See [`new_product_from_draft`].
pub fn draft_warnings(draft: &ProductDraft) -> Vec<String> {
    let mut warnings = Vec::new();
    if draft.brand_id.is_none()
        && draft
            .brand_name
            .as_ref()
            .is_some_and(|n| !n.trim().is_empty())
    {
        warnings
            .push("brand_name not sent: Giyim Moda takes a brand id (client.brands())".to_owned());
    }
    if draft
        .list_price
        .as_ref()
        .is_some_and(|list| list.amount != draft.price.amount)
    {
        warnings.push("list_price not sent: Giyim Moda has no list price".to_owned());
    }
    if !draft.attributes.is_empty() {
        warnings.push("attributes not sent: Giyim Moda's product body has none".to_owned());
    }
    if draft.dimensional_weight.is_some() {
        warnings.push("dimensional_weight not sent: Giyim Moda's product body has none".to_owned());
    }
    warnings
}

/// The `products/bulk-update` item for a coalesced stock/price update of product
/// `product_id`. The list price is not part of it (Giyim Moda has none).
pub fn bulk_update_item(update: &StockPrice, product_id: u64) -> ProductBulkUpdateItem {
    ProductBulkUpdateItem {
        id: Some(product_id),
        unit_price: update.sale_price,
        current_stock: update.quantity.map(i64::from),
        published: None,
    }
}

/// An item's messages: its field errors (`field: message`), and its `error` unless that
/// only repeats one of them.
fn messages_of(outcome: &BulkItemOutcome) -> Vec<String> {
    let mut messages: Vec<String> = outcome
        .error
        .iter()
        .filter(|error| !outcome.field_errors.iter().any(|e| &e.message == *error))
        .cloned()
        .collect();
    messages.extend(outcome.field_errors.iter().map(|e| {
        if e.field.is_empty() {
            e.message.clone()
        } else {
            format!("{}: {}", e.field, e.message)
        }
    }));
    if messages.is_empty() {
        messages.push("Giyim Moda reported a failure without a reason".to_owned());
    }
    messages
}

/// What identifies one sent item in a bulk answer.
#[derive(Debug, Clone, Copy)]
struct SentItem<'a> {
    key: &'a str,
    name: Option<&'a str>,
    product_id: Option<u64>,
}

impl SentItem<'_> {
    fn is(&self, index: usize, outcome: &BulkItemOutcome) -> bool {
        if let Some(sku) = &outcome.sku {
            return sku == self.key;
        }
        if let (Some(id), Some(mine)) = (outcome.id, self.product_id) {
            return id == mine;
        }
        if let Some(i) = outcome.index {
            return usize::try_from(i).is_ok_and(|i| i == index);
        }
        matches!((&outcome.name, self.name), (Some(a), Some(b)) if a == b)
    }
}

/// Per-item outcomes of a bulk answer: an item named in `failed` failed with its
/// messages; otherwise it succeeded when named in `success`, or when every reported
/// failure is accounted for by other items; otherwise its outcome is unknown and it is
/// reported as failed.
fn bulk_outcomes(
    sent: &[SentItem<'_>],
    success: &[BulkItemOutcome],
    failed: &[BulkItemOutcome],
    failed_count: u64,
) -> Vec<ItemOutcome> {
    let mut matched_failures = HashSet::new();
    let mut outcomes: Vec<Option<ItemOutcome>> = vec![None; sent.len()];
    for (i, item) in sent.iter().enumerate() {
        if let Some((f, failure)) = failed.iter().enumerate().find(|(_, f)| item.is(i, f)) {
            matched_failures.insert(f);
            outcomes[i] = Some(ItemOutcome::failure(item.key, messages_of(failure)));
        } else if success.iter().any(|s| item.is(i, s)) {
            outcomes[i] = Some(ItemOutcome::success(item.key));
        }
    }
    let reported = u64::try_from(failed.len())
        .unwrap_or(u64::MAX)
        .max(failed_count);
    let all_failures_known = matched_failures.len() == failed.len()
        && u64::try_from(matched_failures.len()).unwrap_or(u64::MAX) >= reported;
    sent.iter()
        .zip(outcomes)
        .map(|(item, outcome)| {
            outcome.unwrap_or_else(|| {
                if all_failures_known {
                    ItemOutcome::success(item.key)
                } else {
                    ItemOutcome::failure(
                        item.key,
                        ["Giyim Moda reported failures without naming this item; check it"],
                    )
                }
            })
        })
        .collect()
}

/// Per-item outcomes of `POST products/bulk` for the drafts sent, in order.
pub fn create_outcomes(sent: &[ProductDraft], result: &BulkCreateResult) -> Vec<ItemOutcome> {
    let items: Vec<SentItem<'_>> = sent
        .iter()
        .map(|d| SentItem {
            key: &d.sku,
            name: Some(&d.title),
            product_id: None,
        })
        .collect();
    bulk_outcomes(&items, &result.success, &result.failed, result.failed_count)
}

/// Per-item outcomes of `POST products/bulk-update` for `(sku, product id)` pairs sent, in
/// order.
pub fn update_outcomes(sent: &[(String, u64)], result: &BulkUpdateResult) -> Vec<ItemOutcome> {
    let items: Vec<SentItem<'_>> = sent
        .iter()
        .map(|(sku, id)| SentItem {
            key: sku,
            name: None,
            product_id: Some(*id),
        })
        .collect();
    bulk_outcomes(&items, &[], &result.errors, result.failed_count)
}

// ---------------------------------------------------------------------------------------
// Synchronous batch handles
// ---------------------------------------------------------------------------------------

/// An already complete handle carrying `items` (see the module docs).
pub fn sync_handle(kind: BatchKind, items: &[ItemOutcome]) -> Result<BatchHandle> {
    let json = serde_json::to_string(items).map_err(|e| Error::Decode {
        path: "items".to_owned(),
        message: e.to_string(),
        body_snippet: String::new(),
    })?;
    Ok(BatchHandle::new(
        MARKETPLACE,
        format!("{SYNC_HANDLE_PREFIX}{json}"),
        kind,
    ))
}

/// The outcome a handle from [`sync_handle`] carries; any other handle is
/// [`Error::InvalidInput`] on `handle`.
pub fn sync_outcome(handle: &BatchHandle) -> Result<BatchOutcome> {
    if handle.marketplace != MARKETPLACE {
        return Err(Error::invalid_input(
            "handle",
            format!("a {} batch, not a Giyim Moda one", handle.marketplace),
        ));
    }
    let json = handle.id.strip_prefix(SYNC_HANDLE_PREFIX).ok_or_else(|| {
        Error::invalid_input(
            "handle",
            "not a handle this adapter made (Giyim Moda has no batch ids)",
        )
    })?;
    let items: Vec<ItemOutcome> = serde_json::from_str(json).map_err(|e| {
        Error::invalid_input("handle", format!("corrupt Giyim Moda batch handle: {e}"))
    })?;
    Ok(BatchOutcome::completed_now(handle.clone(), items))
}

// ---------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------

fn istanbul_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&ISTANBUL).date_naive()
}

/// The last day a half-open window `[.., end)` touches, in Istanbul.
fn last_day(end: DateTime<Utc>) -> NaiveDate {
    istanbul_date(end - chrono::TimeDelta::nanoseconds(1))
}

fn in_window(
    at: Option<DateTime<Utc>>,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
) -> bool {
    // No date: the server's day filter already let it through.
    at.is_none_or(|at| start.is_none_or(|s| at >= s) && end.is_none_or(|e| at < e))
}

fn per_page(size: Option<u32>) -> PerPage {
    PerPage::Count(size.unwrap_or(PAGE_SIZE).max(1))
}

fn page_of<T>(list: ListPage<T>) -> Page<T> {
    let page = Page::new(list.items);
    match list.pagination {
        Some(p) => {
            let page = page.total_pages(p.last_page);
            match p.total {
                Some(total) => page.total_elements(total),
                None => page,
            }
        }
        // No paging block: the whole list came in one answer.
        None => page.total_pages(1),
    }
}

/// The `GET orders` filters for a unified query: the window becomes Istanbul days
/// (`date_from`/`date_to`, refined client-side to the instant), the order number a
/// `search`, a single status with exactly one `delivery_status` a `status` filter.
pub fn order_list_query(query: &OrderQuery) -> model::OrderQuery {
    let mut q = model::OrderQuery::new().per_page(per_page(query.page_size));
    q.date_from = query.start.map(istanbul_date);
    q.date_to = query.end.map(last_day);
    q.search.clone_from(&query.number);
    if let [only] = query.statuses.as_slice() {
        q.status = match only {
            OrderStatus::Awaiting | OrderStatus::Created => Some(DeliveryStatus::Pending),
            OrderStatus::Picking => Some(DeliveryStatus::Confirmed),
            OrderStatus::Delivered => Some(DeliveryStatus::Delivered),
            OrderStatus::Cancelled => Some(DeliveryStatus::Cancelled),
            _ => None,
        };
    }
    q
}

/// The `GET refund-requests` filters for a unified query (window as for orders; a single
/// `WaitingInAction` status becomes `status=pending`; the order number a `search`).
pub fn refund_list_query(query: &ClaimQuery) -> RefundQuery {
    let mut q = RefundQuery::new().per_page(per_page(query.page_size));
    q.date_from = query.start.map(istanbul_date);
    q.date_to = query.end.map(last_day);
    q.search.clone_from(&query.order_number);
    if let [ClaimStatus::WaitingInAction] = query.statuses.as_slice() {
        q.status = Some(RefundFilter::Pending);
    }
    q
}

/// The `GET products` filters for a unified query. `on_sale` → `status=published` /
/// `unpublished`; `approved: false` → `status=pending`. Giyim Moda cannot filter on
/// approval otherwise, nor combine the two ([`Error::InvalidInput`]).
pub fn product_list_query(query: &ProductQuery) -> Result<model::ProductQuery> {
    let mut q = model::ProductQuery::new().per_page(per_page(query.page_size));
    q.search.clone_from(&query.search);
    q.status = match (query.on_sale, query.approved) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid_input(
                "approved",
                "Giyim Moda filters on one state at a time: use on_sale or approved",
            ));
        }
        (Some(true), None) => Some(ProductStatus::Published),
        (Some(false), None) => Some(ProductStatus::Unpublished),
        (None, Some(false)) => Some(ProductStatus::Pending),
        (None, Some(true)) => {
            return Err(Error::invalid_input(
                "approved",
                "Giyim Moda cannot list approved products only; use on_sale",
            ));
        }
        (None, None) => None,
    };
    Ok(q)
}

fn error_stream<'a, T: Send + 'a>(error: Error) -> BoxStream<'a, Result<T>> {
    futures::stream::once(async move { Err(error) }).boxed()
}

// ---------------------------------------------------------------------------------------
// Trait implementations
// ---------------------------------------------------------------------------------------

impl MarketplaceIdentity for Client {
    fn id(&self) -> MarketplaceId {
        MARKETPLACE
    }
}

impl Marketplace for Client {
    /// Everything: every operation of the unified API is implemented for Giyim Moda.
    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }
}

#[async_trait]
impl OrderApi for Client {
    /// Orders in the query's window (Istanbul days on the wire, refined to the instant),
    /// each once (deduplicated by id, since pages shift while new orders arrive), filtered
    /// by status and number. Lines are included when the list answer carries them.
    fn orders(&self, query: &OrderQuery) -> BoxStream<'_, Result<Order>> {
        let filters = order_list_query(query);
        let query = query.clone();
        let pages = paginate(PagingOptions::one_based(), move |page| {
            let filters = filters.clone().page(page);
            async move { self.orders().list(&filters).await.map(page_of) }
        });
        let orders = dedup_by_key(pages, |o: &model::Order| o.id)
            .and_then(|o| async move { order_from(&o) });
        orders
            .try_filter(move |o| {
                let keep = in_window(o.created_at, query.start, query.end)
                    && (query.statuses.is_empty() || query.statuses.contains(&o.status))
                    && query.number.as_ref().is_none_or(|n| *n == o.number);
                futures::future::ready(keep)
            })
            .boxed()
    }

    async fn order(&self, id: &str) -> Result<Order> {
        let id = parse_id("id", id)?;
        order_from(&self.orders().get(id).await?)
    }

    /// Sends the call from the module docs' move table.
    async fn send_order_status(
        &self,
        order: &Order,
        to: OrderStatus,
        details: StatusMove,
    ) -> Result<()> {
        let id = parse_id("order.id", &order.id)?;
        if !details.line_ids.is_empty() {
            let named: HashSet<&str> = details.line_ids.iter().map(String::as_str).collect();
            if order.lines.iter().any(|l| !named.contains(l.id.as_str())) {
                return Err(Error::invalid_input(
                    "line_ids",
                    "Giyim Moda moves whole orders; name every line or none",
                ));
            }
        }
        let tracking = details
            .tracking_number
            .as_deref()
            .filter(|t| !t.trim().is_empty());
        match delivery_move(&to)? {
            DeliveryMove::Status(status) => {
                self.orders().update_status(id, status, tracking).await?;
            }
            DeliveryMove::Cancel => {
                self.orders().cancel(id).await?;
            }
        }
        Ok(())
    }
}

impl Client {
    /// Product ids of `skus` (matched on SKU, else barcode), walking `GET products` until
    /// all are found.
    async fn product_ids(&self, skus: &HashSet<String>) -> Result<HashMap<String, u64>> {
        let mut found = HashMap::new();
        if skus.is_empty() {
            return Ok(found);
        }
        let filters = model::ProductQuery::new().per_page(PerPage::Count(PAGE_SIZE));
        let mut products = std::pin::pin!(paginate(PagingOptions::one_based(), |page| {
            let filters = filters.clone().page(page);
            async move { self.products().list(&filters).await.map(page_of) }
        }));
        let mut by_barcode = HashMap::new();
        while let Some(product) = products.try_next().await? {
            if let Some(sku) = product.sku.as_ref().filter(|s| skus.contains(*s)) {
                found.insert(sku.clone(), product.id);
            }
            if let Some(barcode) = product.barcode.as_ref().filter(|b| skus.contains(*b)) {
                by_barcode.entry(barcode.clone()).or_insert(product.id);
            }
            if found.len() == skus.len() {
                return Ok(found);
            }
        }
        for (barcode, id) in by_barcode {
            found.entry(barcode).or_insert(id);
        }
        Ok(found)
    }

    /// Send one coalesced chunk; returns its per-item outcomes.
    async fn push_stock_chunk(
        &self,
        chunk: &[StockPrice],
        ids: &HashMap<String, u64>,
    ) -> Result<Vec<ItemOutcome>> {
        let mut outcomes: Vec<Option<ItemOutcome>> = vec![None; chunk.len()];
        let mut items = Vec::new();
        let mut sent = Vec::new();
        let mut positions = Vec::new();
        for (i, update) in chunk.iter().enumerate() {
            let Some(&id) = ids.get(&update.sku) else {
                outcomes[i] = Some(ItemOutcome::failure(
                    &update.sku,
                    [format!(
                        "no Giyim Moda product has SKU or barcode {:?} (variant stock: client.stocks())",
                        update.sku
                    )],
                ));
                continue;
            };
            if update.quantity.is_none() && update.sale_price.is_none() {
                outcomes[i] = Some(ItemOutcome::failure(
                    &update.sku,
                    ["Giyim Moda has no list price; nothing else to send"],
                ));
                continue;
            }
            items.push(bulk_update_item(update, id));
            sent.push((update.sku.clone(), id));
            positions.push(i);
        }
        if !items.is_empty() {
            let result = self.products().bulk_update(&items).await?;
            for (outcome, i) in update_outcomes(&sent, &result).into_iter().zip(positions) {
                outcomes[i] = Some(outcome);
            }
        }
        Ok(chunk
            .iter()
            .zip(outcomes)
            .map(|(update, outcome)| {
                let mut outcome = outcome.unwrap_or_else(|| ItemOutcome::success(&update.sku));
                if update.list_price.is_some() && outcome.succeeded {
                    outcome
                        .messages
                        .push("list price not sent: Giyim Moda has none".to_owned());
                }
                outcome
            })
            .collect())
    }
}

#[async_trait]
impl ProductApi for Client {
    /// Products matching the query (see [`product_list_query`]); `skus` filters on SKU or
    /// barcode client-side; `archived: Some(true)` yields nothing (Giyim Moda does not
    /// archive).
    fn products(&self, query: &ProductQuery) -> BoxStream<'_, Result<Product>> {
        let filters = match product_list_query(query) {
            Ok(filters) => filters,
            Err(e) => return error_stream(e),
        };
        if query.archived == Some(true) {
            return futures::stream::empty().boxed();
        }
        let skus: HashSet<String> = query.skus.iter().cloned().collect();
        let pages = paginate(PagingOptions::one_based(), move |page| {
            let filters = filters.clone().page(page);
            async move { self.products().list(&filters).await.map(page_of) }
        });
        dedup_by_key(pages, |p: &model::Product| p.id)
            .try_filter(move |p| {
                let keep = skus.is_empty()
                    || p.sku.as_ref().is_some_and(|s| skus.contains(s))
                    || p.barcode.as_ref().is_some_and(|b| skus.contains(b));
                futures::future::ready(keep)
            })
            .and_then(|p| async move { product_from(&p) })
            .boxed()
    }

    /// Converts and validates every draft; sends the valid ones in one
    /// `POST products/bulk`; returns an already complete handle naming every draft.
    async fn push_drafts(&self, drafts: &[ProductDraft]) -> Result<BatchHandle> {
        if drafts.is_empty() {
            return Err(Error::invalid_input(
                "drafts",
                "at least one draft is required",
            ));
        }
        let mut outcomes: Vec<Option<ItemOutcome>> = vec![None; drafts.len()];
        let mut products = Vec::new();
        let mut sent = Vec::new();
        let mut positions = Vec::new();
        for (i, draft) in drafts.iter().enumerate() {
            match new_product_from_draft(draft).and_then(|p| p.validate().map(|()| p)) {
                Ok(product) => {
                    products.push(product);
                    sent.push(draft.clone());
                    positions.push(i);
                }
                Err(e) => outcomes[i] = Some(ItemOutcome::failure(&draft.sku, [e.to_string()])),
            }
        }
        if !products.is_empty() {
            let result = self.products().bulk_create(&products).await?;
            for (outcome, i) in create_outcomes(&sent, &result).into_iter().zip(positions) {
                outcomes[i] = Some(outcome);
            }
        }
        let items: Vec<ItemOutcome> = drafts
            .iter()
            .zip(outcomes)
            .map(|(d, o)| {
                let mut outcome = o.unwrap_or_else(|| ItemOutcome::success(&d.sku));
                if outcome.succeeded {
                    outcome.messages.extend(draft_warnings(d));
                }
                outcome
            })
            .collect();
        sync_handle(BatchKind::ProductCreate, &items)
    }

    /// The outcome carried by a handle from `push_drafts`/`update_stock_prices`; no request.
    async fn batch_outcome(&self, handle: &BatchHandle) -> Result<BatchOutcome> {
        sync_outcome(handle)
    }

    /// Coalesces, resolves SKUs, sends chunks of [`MAX_STOCK_PRICE_ITEMS`] through
    /// `POST products/bulk-update`; one complete handle per chunk.
    async fn update_stock_prices(&self, updates: &[StockPrice]) -> Result<Vec<BatchHandle>> {
        let mut coalescer = StockPriceCoalescer::new();
        coalescer.extend(updates.iter().cloned());
        let chunks = coalescer.drain_chunks(MAX_STOCK_PRICE_ITEMS);
        let skus: HashSet<String> = chunks.iter().flatten().map(|u| u.sku.clone()).collect();
        let ids = self.product_ids(&skus).await?;
        let mut handles = Vec::with_capacity(chunks.len());
        for chunk in &chunks {
            let outcomes = self.push_stock_chunk(chunk, &ids).await?;
            handles.push(sync_handle(BatchKind::StockPrice, &outcomes)?);
        }
        Ok(handles)
    }
}

#[async_trait]
impl ClaimApi for Client {
    /// Refund requests in the window (see [`refund_list_query`]), filtered by status and
    /// order number client-side, each once.
    fn claims(&self, query: &ClaimQuery) -> BoxStream<'_, Result<Claim>> {
        let filters = refund_list_query(query);
        let query = query.clone();
        let pages = paginate(PagingOptions::one_based(), move |page| {
            let filters = filters.clone().page(page);
            async move { self.refunds().list(&filters).await.map(page_of) }
        });
        dedup_by_key(pages, |r: &RefundRequest| r.id)
            .and_then(|r| async move { claim_from(&r) })
            .try_filter(move |c| {
                let keep = in_window(c.created_at, query.start, query.end)
                    && (query.statuses.is_empty() || query.statuses.contains(&c.status))
                    && query
                        .order_number
                        .as_ref()
                        .is_none_or(|n| *n == c.order_number);
                futures::future::ready(keep)
            })
            .boxed()
    }

    async fn claim(&self, id: &str) -> Result<Claim> {
        let id = parse_id("id", id)?;
        claim_from(&self.refunds().get(id).await?)
    }

    /// `POST refund-requests/{id}/approve`.
    async fn send_claim_approval(&self, claim: &Claim, line_ids: &[String]) -> Result<()> {
        let refund = self.refund_for(claim, line_ids).await?;
        self.refunds().approve(&refund).await.map(drop)
    }

    /// `POST refund-requests/{id}/reject` with [`rejection_reason_text`].
    async fn send_claim_rejection(
        &self,
        claim: &Claim,
        line_ids: &[String],
        rejection: &ClaimRejection,
    ) -> Result<()> {
        let reason = rejection_reason_text(rejection)?;
        let refund = self.refund_for(claim, line_ids).await?;
        self.refunds().reject(&refund, &reason).await.map(drop)
    }
}

impl Client {
    /// The refund request behind `claim` (its `raw`, or fetched when it has none); a
    /// refund request has one line, whose id is the claim's.
    async fn refund_for(&self, claim: &Claim, line_ids: &[String]) -> Result<RefundRequest> {
        if let Some(other) = line_ids.iter().find(|l| **l != claim.id) {
            return Err(Error::invalid_input(
                "line_ids",
                format!(
                    "a Giyim Moda refund request has one line ({}), not {other}",
                    claim.id
                ),
            ));
        }
        match claim.raw {
            Some(_) => original_refund(claim),
            None => self.refunds().get(parse_id("claim.id", &claim.id)?).await,
        }
    }
}

#[async_trait]
impl QuestionApi for Client {
    /// Product queries, filtered client-side on the window (`created_at`), statuses and SKU
    /// (when the answer names the product's SKU), each once.
    fn questions(&self, query: &QuestionQuery) -> BoxStream<'_, Result<Question>> {
        let list = ListQuery::new().per_page(per_page(query.page_size));
        let query = query.clone();
        let pages = paginate(PagingOptions::one_based(), move |page| {
            let list = list.clone().page(page);
            async move { self.product_queries().list(&list).await.map(page_of) }
        });
        dedup_by_key(pages, |q: &ProductQuestion| q.id)
            .and_then(|q| async move { question_from(&q) })
            .try_filter(move |q| {
                let keep = in_window(q.created_at, query.start, query.end)
                    && (query.statuses.is_empty() || query.statuses.contains(&q.status))
                    && query.sku.as_ref().is_none_or(|s| q.sku.as_ref() == Some(s));
                futures::future::ready(keep)
            })
            .boxed()
    }

    async fn question(&self, id: &str) -> Result<Question> {
        let id = parse_id("id", id)?;
        question_from(&self.product_queries().get(id).await?)
    }

    /// `PUT product-queries/{id}/reply`.
    async fn send_answer(&self, question: &Question, text: &str) -> Result<()> {
        let id = parse_id("question.id", &question.id)?;
        self.product_queries().reply(id, text).await.map(drop)
    }
}
