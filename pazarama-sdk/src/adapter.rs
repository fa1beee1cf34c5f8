//! The unified [`marketplace_core`] API for Pazarama: [`Client`] implements
//! [`Marketplace`], so it can sit in a `Vec<Box<dyn Marketplace>>` next to the other
//! marketplaces.
//!
//! Everything here is mapping — pure functions from this crate's [`model`](crate::model)
//! types to the unified ones and back — plus the trait impls, which call this crate's own
//! endpoint methods. Every unified record keeps the Pazarama record it came from in `raw`;
//! the typed accessors ([`original_order`], [`original_product`], [`original_claim`],
//! [`original_question`]) turn it back into the model type.
//!
//! [`Client`]'s own endpoint groups (`client.orders()`, `client.products()`,
//! `client.questions()`) share names with unified methods; call the unified ones through
//! the traits: `let m: &dyn Marketplace = &client;` or `OrderApi::orders(&client, &query)`.
//!
//! # Identities
//!
//! | unified | Pazarama |
//! |---|---|
//! | [`Order::id`] | `orderId` (GUID) — [`OrderApi::order`] also accepts the order number |
//! | [`Order::number`] | `orderNumber` (what the status updates use) |
//! | [`OrderLine::id`] | `orderItemId` (GUID, the key of every status update) |
//! | [`OrderLine::sku`], [`Product::sku`], [`StockPrice::sku`], [`ProductDraft::sku`] | product `code` (Pazarama's barcode, the key of price/stock/batch results) |
//! | [`Claim::id`], [`ClaimLine::id`] | `refundId` (one line per claim) |
//! | [`Question::id`] | `questionId` (GUID) |
//! | [`BatchHandle::id`] | `batchRequestId` (product create) or the price/stock batch id |
//!
//! # Order item status → [`OrderStatus`]
//!
//! Pazarama tracks the status per order item (`orderItemStatus`); each [`OrderLine::status`]
//! carries its item's status ([`order_status_of`]):
//!
//! | code | Pazarama | unified |
//! |---|---|---|
//! | 3 | Siparişiniz Alındı | `Created` |
//! | 12 | Siparişiniz Hazırlanıyor | `Picking` |
//! | 5 | Siparişiniz Kargoya Verildi | `Shipped` |
//! | 16 | Siparişiniz Mağazada | `AtCollectionPoint` |
//! | 19 | Siparişiniz Teslimat Noktasında | `AtCollectionPoint` |
//! | 11 | Teslim Edildi | `Delivered` |
//! | 14 | Teslim Edilemedi | `UnDelivered` |
//! | 6 | Siparişiniz İptal Edildi | `Cancelled` |
//! | 18 | İptal Süreci Başlatıldı | `Other("18")` (a buyer's cancellation request awaits the seller; no move is legal) |
//! | 13 | Tedarik Edilemedi | `UnSupplied` |
//! | 7 | İade Süreci Başlatıldı | `ReturnRequested` |
//! | 8 | İade Onaylandı | `Returned` (the return is accepted; the money goes back) |
//! | 9 | İade Reddedildi | `Delivered` (the goods stay with the buyer) |
//! | 10 | İade Edildi | `Returned` |
//! | any other | – | `Other("<code>")` |
//!
//! ## Order-level status
//!
//! An order whose items are in different statuses gets one status by this rule
//! ([`order_level_status`]):
//!
//! 1. Items that are *closed* — `Cancelled`, `UnSupplied`, `Returned` — do not count while
//!    any other item is open.
//! 2. Among the open items with a known status, the order has the status of the **least
//!    advanced** one, in the order `Created < Picking < Shipped < AtCollectionPoint <
//!    UnDelivered < Delivered < ReturnRequested`: the order is only as far as its slowest
//!    item, so the work still to do shows.
//! 3. If every open item is in an unknown status (`Other`, e.g. 18), the order takes the
//!    first such status.
//! 4. If every item is closed: `Returned` if any item was returned, else `UnSupplied` if
//!    any could not be supplied, else `Cancelled` (so: all cancelled → `Cancelled`).
//! 5. An order without items takes its `orderStatus` (same codes), or `Other("no_items")`.
//!
//! ## Moves ([`OrderApi::move_order`])
//!
//! A unified move becomes one `PUT order/updateOrderStatus` per item — for the items named in
//! [`StatusMove::line_ids`], or else for every open item not already in the target status
//! (closed items are skipped). Every item's move is checked against Pazarama's seller flow
//! ([`can_move`](crate::model::can_move)) **before anything is sent**; one illegal item move
//! refuses the whole call with [`Error::InvalidTransition`].
//!
//! | unified target | Pazarama | needs |
//! |---|---|---|
//! | `Picking` | 12 | – |
//! | `Shipped` | 5 | [`StatusMove::tracking_number`] and [`StatusMove::cargo_provider`] = the carrier's `cargoCompanyId` (GUID) |
//! | `Delivered` | 11 | – |
//! | `UnDelivered` | 14 | – |
//! | `UnSupplied` | 13 | – |
//! | `Invoiced` | no status: `POST order/invoice-link` for the order (or each named item) | [`StatusMove::invoice_url`]; the status does not change |
//! | anything else | refused ([`Error::InvalidTransition`]): cancellations and returns are the buyer's | – |
//!
//! # Refund status → [`ClaimStatus`]
//!
//! Refunds (`order/getRefund`) and cancellation requests (`order/api/cancel/items`) are both
//! [`Claim`]s ([`ClaimKind`] tells which; see [`original_claim`]). [`claim_status_of`]:
//!
//! | code | Pazarama | unified |
//! |---|---|---|
//! | 1 | Onay Bekliyor | `WaitingInAction` |
//! | 2 | Tedarikçi Tarafından Onaylandı | `Accepted` |
//! | 3 | Tedarikçi Tarafından Reddedildi | `Rejected` |
//! | 4 | Backoffice Tarafından Onaylandı | `Accepted` |
//! | 5 | Backoffice Tarafından Reddedildi | `Rejected` |
//! | 6 | Auto Approved | `Accepted` |
//! | 7 | Talep İptal Edildi | `Cancelled` |
//! | 8 | Direkt Onay | `Accepted` |
//! | 9 | sent to review (section 3.29) | `InReview` |
//! | any other | – | `Other("<code>")` |
//!
//! Approving sends status 2; rejecting sends status 3 with a [`RefundRejectType`] — the
//! unified [`ClaimRejection::reason_code`] is that code (`"1"`..`"12"`, build it with
//! [`RefundRejection`]). Pazarama requires a photo for every reason except 10 (empty
//! package) and 11 (package never arrived): the unified call cannot carry files, so other
//! reasons are refused there as [`Error::InvalidInput`] on `documentObjects`; use
//! [`reject_refund_with_documents`]. Cancellation requests are approved/rejected through
//! `PUT order/api/cancel` (no reason on the wire).
//!
//! # Question status → [`QuestionStatus`]
//!
//! | code | Pazarama | unified |
//! |---|---|---|
//! | 0 | Cevap Bekliyor | `WaitingForAnswer` |
//! | 1 | Cevaplandı | `Answered` |
//! | 2 | Onay Bekliyor (the answer awaits moderation) | `AnswerPending` |
//! | 3 | Reddedildi | `Rejected` |
//! | any other | – | `Other("<code>")` |
//!
//! # Product batch status → [`BatchState`]
//!
//! | code | Pazarama | unified |
//! |---|---|---|
//! | 1 | InProgress | `InProgress` |
//! | 2 | Done | `Completed` |
//! | 3 | Error | `Failed` |
//! | any other | – | `Unknown("<code>")` (not terminal) |
//!
//! A price/stock batch has no status of its own: it is `Completed` when every per-code
//! listing state is finished, `InProgress` while any is processing or none is reported yet.
//!
//! # Stock and prices
//!
//! [`ProductApi::update_stock_prices`] runs the updates through
//! [`StockPriceCoalescer`] (ten updates of one SKU → one item, last values win), chunks them
//! by [`MAX_STOCK_PRICE_ITEMS`], and sends per chunk one `updateStock-v2` (the items with a
//! quantity) and one `updatePrice-v2` (the items with a price) — one [`BatchHandle`] each.
//! Pazarama takes both prices together: an update with only a sale price sends it as the
//! list price too (no strike-through price); one with only a list price is refused
//! ([`Error::InvalidInput`] on `sale_price`). Everything is checked before anything is sent.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, OnceLock};

use async_trait::async_trait;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::{
    Address, BatchHandle, BatchKind, BatchOutcome, BatchState, Claim, ClaimLine, ClaimQuery,
    ClaimRejection, ClaimStatus, Customer, ItemOutcome, MarketplaceId, Money, Order, OrderLine,
    OrderQuery, OrderStatus, Product, ProductDraft, ProductQuery, Question, QuestionQuery,
    QuestionStatus, StatusMove, StockPrice,
};
use marketplace_core::paging::{
    Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, paginate, windowed,
};
use marketplace_core::traits::{
    Capabilities, Capability, ClaimApi, Marketplace, MarketplaceIdentity, OrderApi, ProductApi,
    QuestionApi, check_claim_decision,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::api::orders::{DEFAULT_ORDER_PAGE_SIZE, last_if_short};
use crate::api::questions::DEFAULT_QUESTION_PAGE_SIZE;
use crate::api::refunds::refund_stream;
use crate::model::{
    self as pz, CancelUpdateRequest, CreateProductsRequest, DocumentObject, InvoiceLinkRequest,
    ItemStatusUpdate, NewProduct, ORDER_QUERY_MAX_SPAN, OrderItemStatus, PriceItem,
    PriceUpdateRequest, ProductBatchResult, ProductBatchStatus, ProductImage, ProductState,
    ProductSummary, QuestionSearchQuery, Refund, RefundQuery, RefundRejectType, RefundStatus,
    StockItem, StockUpdateRequest, UpdateRefundRequest, check_move,
};
use crate::{Client, Error, Result};

/// Most items one `updatePrice-v2` / `updateStock-v2` request carries here. The document
/// states no limit; 1000 keeps requests a reasonable size.
pub const MAX_STOCK_PRICE_ITEMS: usize = 1000;

/// How far back [`OrderApi::order`] searches for an order given by its `orderId` GUID
/// (Pazarama has no lookup by id; by order number it is one call).
pub const ORDER_LOOKUP_DAYS: i64 = 90;

/// How far back [`ClaimApi::claim`] searches for a refund or cancellation request (Pazarama
/// has no lookup by `refundId`).
pub const CLAIM_LOOKUP_DAYS: i64 = 90;

/// The window [`OrderApi::orders`] and [`ClaimApi::claims`] use when the query sets none.
pub const DEFAULT_WINDOW_DAYS: i64 = 7;

// ---------------------------------------------------------------------------------------
// Status tables
// ---------------------------------------------------------------------------------------

/// The order item status table (see the [module docs](self)), as data: every documented
/// code and the unified status it maps to.
pub const ORDER_STATUS_TABLE: &[(i64, &str)] = &[
    (3, "created"),
    (12, "picking"),
    (5, "shipped"),
    (16, "at_collection_point"),
    (19, "at_collection_point"),
    (11, "delivered"),
    (14, "undelivered"),
    (6, "cancelled"),
    (18, "18"),
    (13, "unsupplied"),
    (7, "return_requested"),
    (8, "returned"),
    (9, "delivered"),
    (10, "returned"),
];

/// The unified status of a Pazarama order item status (table in the [module docs](self)).
pub fn order_status_of(status: OrderItemStatus) -> OrderStatus {
    use OrderItemStatus as P;
    match status {
        P::Received => OrderStatus::Created,
        P::Preparing => OrderStatus::Picking,
        P::Shipped => OrderStatus::Shipped,
        P::AtStore | P::AtDeliveryPoint => OrderStatus::AtCollectionPoint,
        P::Delivered | P::ReturnRejected => OrderStatus::Delivered,
        P::Undelivered => OrderStatus::UnDelivered,
        P::Cancelled => OrderStatus::Cancelled,
        P::Unsupplied => OrderStatus::UnSupplied,
        P::ReturnRequested => OrderStatus::ReturnRequested,
        P::ReturnApproved | P::Returned => OrderStatus::Returned,
        other => OrderStatus::Other(other.code().to_string()),
    }
}

/// The Pazarama item status a seller sets for a unified target, or `None` when a seller
/// cannot set it through the status call (table in the [module docs](self)).
pub fn item_status_for(target: &OrderStatus) -> Option<OrderItemStatus> {
    Some(match target {
        OrderStatus::Picking => OrderItemStatus::Preparing,
        OrderStatus::Shipped => OrderItemStatus::Shipped,
        OrderStatus::Delivered => OrderItemStatus::Delivered,
        OrderStatus::UnDelivered => OrderItemStatus::Undelivered,
        OrderStatus::UnSupplied => OrderItemStatus::Unsupplied,
        _ => return None,
    })
}

/// Best Pazarama item status for a unified one, for lines that carry no Pazarama record.
fn item_status_guess(status: &OrderStatus) -> OrderItemStatus {
    match status {
        OrderStatus::Created => OrderItemStatus::Received,
        OrderStatus::AtCollectionPoint => OrderItemStatus::AtStore,
        OrderStatus::Cancelled => OrderItemStatus::Cancelled,
        OrderStatus::ReturnRequested => OrderItemStatus::ReturnRequested,
        OrderStatus::Returned => OrderItemStatus::Returned,
        OrderStatus::Other(code) => code
            .parse()
            .map_or(OrderItemStatus::Unknown(-1), OrderItemStatus::from_code),
        other => item_status_for(other).unwrap_or(OrderItemStatus::Unknown(-1)),
    }
}

fn is_closed(status: &OrderStatus) -> bool {
    matches!(
        status,
        OrderStatus::Cancelled | OrderStatus::UnSupplied | OrderStatus::Returned
    )
}

/// Progress rank of an open, known status (lower = less advanced).
fn progress_rank(status: &OrderStatus) -> Option<u8> {
    Some(match status {
        OrderStatus::Awaiting => 0,
        OrderStatus::Created => 1,
        OrderStatus::Picking => 2,
        OrderStatus::Invoiced => 3,
        OrderStatus::Shipped => 4,
        OrderStatus::AtCollectionPoint => 5,
        OrderStatus::UnDelivered => 6,
        OrderStatus::Delivered => 7,
        OrderStatus::ReturnRequested => 8,
        _ => return None,
    })
}

/// The order-level status of an order whose items have `lines` statuses; `fallback` is the
/// order's own `orderStatus`, used when it has no items. The rule is in the
/// [module docs](self#order-level-status).
pub fn order_level_status(lines: &[OrderStatus], fallback: Option<OrderItemStatus>) -> OrderStatus {
    if lines.is_empty() {
        return fallback.map_or_else(|| OrderStatus::Other("no_items".into()), order_status_of);
    }
    let open: Vec<&OrderStatus> = lines.iter().filter(|s| !is_closed(s)).collect();
    if open.is_empty() {
        for closed in [
            OrderStatus::Returned,
            OrderStatus::UnSupplied,
            OrderStatus::Cancelled,
        ] {
            if lines.contains(&closed) {
                return closed;
            }
        }
    }
    open.iter()
        .filter_map(|s| progress_rank(s).map(|rank| (rank, *s)))
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, s)| s.clone())
        .or_else(|| open.first().map(|s| (*s).clone()))
        .unwrap_or_else(|| OrderStatus::Other("no_items".into()))
}

/// The refund status table (see the [module docs](self)), as data.
pub const CLAIM_STATUS_TABLE: &[(i64, &str)] = &[
    (1, "waiting_in_action"),
    (2, "accepted"),
    (3, "rejected"),
    (4, "accepted"),
    (5, "rejected"),
    (6, "accepted"),
    (7, "cancelled"),
    (8, "accepted"),
    (9, "in_review"),
];

/// The unified status of a refund / cancellation request status.
pub fn claim_status_of(status: RefundStatus) -> ClaimStatus {
    use RefundStatus as R;
    match status {
        R::Pending => ClaimStatus::WaitingInAction,
        R::ApprovedBySeller | R::ApprovedByBackoffice | R::AutoApproved | R::DirectApproval => {
            ClaimStatus::Accepted
        }
        R::RejectedBySeller | R::RejectedByBackoffice => ClaimStatus::Rejected,
        R::Withdrawn => ClaimStatus::Cancelled,
        R::SentToReview => ClaimStatus::InReview,
        other => ClaimStatus::Other(other.code().to_string()),
    }
}

/// The question status table (see the [module docs](self)), as data.
pub const QUESTION_STATUS_TABLE: &[(i64, &str)] = &[
    (0, "waiting_for_answer"),
    (1, "answered"),
    (2, "answer_pending"),
    (3, "rejected"),
];

/// The unified status of a Pazarama question status.
pub fn question_status_of(status: pz::QuestionStatus) -> QuestionStatus {
    use pz::QuestionStatus as Q;
    match status {
        Q::AwaitingAnswer => QuestionStatus::WaitingForAnswer,
        Q::Answered => QuestionStatus::Answered,
        Q::AwaitingApproval => QuestionStatus::AnswerPending,
        Q::Rejected => QuestionStatus::Rejected,
        other => QuestionStatus::Other(other.code().to_string()),
    }
}

/// The Pazarama question status of a unified one, where there is one.
pub fn pazarama_question_status(status: &QuestionStatus) -> Option<pz::QuestionStatus> {
    Some(match status {
        QuestionStatus::WaitingForAnswer => pz::QuestionStatus::AwaitingAnswer,
        QuestionStatus::Answered => pz::QuestionStatus::Answered,
        QuestionStatus::AnswerPending => pz::QuestionStatus::AwaitingApproval,
        QuestionStatus::Rejected => pz::QuestionStatus::Rejected,
        _ => return None,
    })
}

/// The product batch status table (see the [module docs](self)), as data.
pub const BATCH_STATE_TABLE: &[(i64, &str)] =
    &[(1, "in_progress"), (2, "completed"), (3, "failed")];

/// The unified state of a product batch status.
pub fn batch_state_of(status: ProductBatchStatus) -> BatchState {
    match status {
        ProductBatchStatus::InProgress => BatchState::InProgress,
        ProductBatchStatus::Done => BatchState::Completed,
        ProductBatchStatus::Error => BatchState::Failed,
        other => BatchState::Unknown(other.code().to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------

fn decode_error(path: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Decode {
        path: path.into(),
        message: message.into(),
        body_snippet: String::new(),
    }
}

fn to_raw<T: Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

fn from_raw<T: for<'de> Deserialize<'de>>(
    raw: Option<&serde_json::Value>,
    what: &str,
) -> Result<T> {
    let raw = raw.ok_or_else(|| {
        Error::invalid_input("raw", format!("this {what} carries no Pazarama record"))
    })?;
    serde_json::from_value(raw.clone()).map_err(|e| decode_error("raw", e.to_string()))
}

fn lira(amount: Decimal, currency: Option<&str>) -> Money {
    let currency = match currency.map(str::trim) {
        None | Some("" | "TL" | "TRL") => "TRY",
        Some(other) => other,
    };
    Money::new(amount, currency)
}

fn non_blank(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn address_of(a: &pz::Address) -> Address {
    Address {
        name: a.name_surname.clone().unwrap_or_default(),
        company: non_blank(a.company_name.as_deref()),
        phone: non_blank(a.phone_number.as_deref()),
        lines: [a.neighborhood_name.as_deref(), a.address_detail.as_deref()]
            .into_iter()
            .filter_map(non_blank)
            .collect(),
        district: non_blank(a.district_name.as_deref()),
        city: non_blank(a.city_name.as_deref()),
        postal_code: None,
        country_code: None,
        full_text: non_blank(a.display_address_text.as_deref()),
    }
}

/// One Pazarama order item as a unified line. `index` names the item in errors.
pub fn order_line_of(item: &pz::OrderItem, index: usize) -> Result<OrderLine> {
    let path = |field: &str| format!("items[{index}].{field}");
    let product = item.product.clone().unwrap_or_default();
    let sku = non_blank(product.code.as_deref())
        .or_else(|| non_blank(product.stock_code.as_deref()))
        .ok_or_else(|| decode_error(path("product.code"), "the item has no product code"))?;
    let unit_price = item
        .sale_price
        .as_ref()
        .ok_or_else(|| decode_error(path("salePrice"), "the item has no sale price"))?
        .to_money();
    let line_total = item.total_price.as_ref().map_or_else(
        || {
            Money::new(
                unit_price.amount * Decimal::from(item.quantity),
                unit_price.currency.clone(),
            )
        },
        pz::Amount::to_money,
    );
    Ok(OrderLine {
        id: item.order_item_id.to_string(),
        barcode: Some(sku.clone()),
        sku,
        product_id: product.product_id.map(|id| id.to_string()),
        product_name: product
            .name
            .clone()
            .or(product.title.clone())
            .unwrap_or_default(),
        quantity: item.quantity,
        unit_price,
        line_total,
        discount: item.discount_amount.as_ref().map(pz::Amount::to_money),
        vat_rate: product.vat_rate,
        status: Some(order_status_of(item.order_item_status)),
    })
}

/// A Pazarama order as a unified [`Order`] (status by the
/// [order-level rule](self#order-level-status), the record in `raw`).
///
/// An item without a sale price or product code is an [`Error::Decode`] naming it.
pub fn order_of(o: &pz::Order) -> Result<Order> {
    let lines = o
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| order_line_of(item, i))
        .collect::<Result<Vec<_>>>()?;
    let statuses: Vec<OrderStatus> = lines.iter().filter_map(|l| l.status.clone()).collect();
    let status = order_level_status(&statuses, o.order_status);
    let billing = o.billing_address.as_ref();
    let currency = o.currency.as_deref();
    let cargo = o.items.iter().find_map(|i| i.cargo.as_ref());
    let mut order = Order::new(
        MarketplaceId::Pazarama,
        o.order_id.to_string(),
        o.order_number.to_string(),
        status,
    );
    order.created_at = o.order_date;
    order.customer = Some(Customer {
        id: o.customer_id.map(|id| id.to_string()),
        name: o.customer_name.clone().unwrap_or_default(),
        email: non_blank(o.customer_email.as_deref()),
        phone: o
            .shipment_address
            .as_ref()
            .and_then(|a| non_blank(a.phone_number.as_deref())),
        tax_number: billing.and_then(|b| non_blank(b.tax_number.as_deref())),
        tax_office: billing.and_then(|b| non_blank(b.tax_office.as_deref())),
        identity_number: billing.and_then(|b| non_blank(b.identity_number.as_deref())),
    });
    order.shipping_address = o.shipment_address.as_ref().map(address_of);
    order.billing_address = billing.map(address_of);
    order.lines = lines;
    order.total = o.order_amount.map(|a| lira(a, currency));
    order.discount = o.discount_amount.map(|a| lira(a, currency));
    order.cargo_provider = cargo.and_then(|c| non_blank(c.company_name.as_deref()));
    order.tracking_number = cargo
        .and_then(|c| c.tracking_number.as_ref())
        .map(ToString::to_string)
        .filter(|t| !t.trim().is_empty());
    order.tracking_url = cargo.and_then(|c| non_blank(c.tracking_url.as_deref()));
    order.raw = to_raw(o);
    Ok(order)
}

/// The Pazarama order a unified [`Order`] was made from.
pub fn original_order(order: &Order) -> Result<pz::Order> {
    from_raw(order.raw.as_ref(), "order")
}

fn parse_uuid(field: &str, value: &str) -> Result<Uuid> {
    crate::model::guid::parse(field, value)
}

fn parse_order_number(order: &Order) -> Result<u64> {
    order.number.trim().parse().map_err(|_| {
        Error::invalid_input(
            "order.number",
            format!("{:?} is not a Pazarama order number", order.number),
        )
    })
}

/// The item status updates a unified move means for `order` (see the
/// [module docs](self#moves-orderapimove_order)), checked against Pazarama's seller flow.
/// Nothing is sent; an illegal item move is [`Error::InvalidTransition`].
pub fn item_updates_for(
    order: &Order,
    to: &OrderStatus,
    details: &StatusMove,
) -> Result<Vec<ItemStatusUpdate>> {
    let target = item_status_for(to).ok_or_else(|| Error::InvalidTransition {
        entity: "order",
        from: order.status.to_string(),
        to: format!("{to} (a Pazarama seller sets only picking, shipped, delivered, undelivered or unsupplied)"),
    })?;
    let original = original_order(order).ok();
    let current = |line: &OrderLine| -> OrderItemStatus {
        original
            .as_ref()
            .and_then(|o| {
                o.items
                    .iter()
                    .find(|i| i.order_item_id.to_string() == line.id)
            })
            .map(|i| i.order_item_status)
            .or_else(|| line.status.as_ref().map(item_status_guess))
            .unwrap_or_else(|| item_status_guess(&order.status))
    };
    let lines: Vec<&OrderLine> = if details.line_ids.is_empty() {
        order
            .lines
            .iter()
            .filter(|l| {
                let status = l.status.clone().unwrap_or_else(|| order.status.clone());
                !is_closed(&status) && status != *to
            })
            .collect()
    } else {
        details
            .line_ids
            .iter()
            .map(|id| {
                order.line(id).ok_or_else(|| {
                    Error::invalid_input("line_ids", format!("order {} has no line {id}", order.id))
                })
            })
            .collect::<Result<_>>()?
    };
    if lines.is_empty() {
        return Err(Error::invalid_input(
            "line_ids",
            format!("order {} has no open item to move to {to}", order.id),
        ));
    }
    let (cargo, tracking) = if target == OrderItemStatus::Shipped {
        let tracking = non_blank(details.tracking_number.as_deref()).ok_or_else(|| {
            Error::invalid_input("tracking_number", "Pazarama needs it to mark items shipped")
        })?;
        let cargo = details.cargo_provider.as_deref().ok_or_else(|| {
            Error::invalid_input(
                "cargo_provider",
                "Pazarama needs the carrier's cargoCompanyId (GUID) to mark items shipped",
            )
        })?;
        (Some(parse_uuid("cargo_provider", cargo)?), Some(tracking))
    } else {
        (None, None)
    };
    let mut updates = Vec::with_capacity(lines.len());
    for line in lines {
        check_move(current(line), target)?;
        let item = parse_uuid("line_ids", &line.id)?;
        updates.push(match (cargo, &tracking) {
            (Some(cargo), Some(tracking)) => {
                ItemStatusUpdate::shipped(item, cargo, tracking.clone())
            }
            _ => ItemStatusUpdate::new(item, target),
        });
    }
    Ok(updates)
}

// ---------------------------------------------------------------------------------------
// Products, drafts, stock/price, batches
// ---------------------------------------------------------------------------------------

/// A Pazarama product listing as a unified [`Product`]. A negative stock count is an
/// [`Error::Decode`] on `stockCount`.
pub fn product_of(p: &ProductSummary) -> Result<Product> {
    let title = non_blank(p.display_name.as_deref())
        .or_else(|| non_blank(p.name.as_deref()))
        .unwrap_or_else(|| p.code.clone());
    let mut product = Product::new(MarketplaceId::Pazarama, p.code.clone(), title);
    product.barcode = Some(p.code.clone());
    product.group_code = non_blank(p.group_code.as_deref());
    product.description = non_blank(p.description.as_deref());
    product.brand = non_blank(p.brand_name.as_deref());
    product.category = non_blank(p.category_name.as_deref());
    product.stock = p
        .stock_count
        .map(|count| {
            u32::try_from(count)
                .map_err(|_| decode_error("stockCount", format!("{count} is not a stock count")))
        })
        .transpose()?;
    product.sale_price = p.sale_price.map(Money::try_lira);
    product.list_price = p.list_price.map(Money::try_lira);
    product.vat_rate = p.vat_rate.map(Decimal::from);
    product.approved = p.state.map(|s| s == ProductState::Approved);
    product.images = p.images.iter().map(|i| i.image_url.clone()).collect();
    product.raw = to_raw(p);
    Ok(product)
}

/// The Pazarama listing a unified [`Product`] was made from.
pub fn original_product(product: &Product) -> Result<ProductSummary> {
    from_raw(product.raw.as_ref(), "product")
}

/// A unified draft as a Pazarama product to create. `prefix` names the draft in errors
/// (e.g. `drafts[0]`).
///
/// Pazarama identifies a product by one `code` (its barcode): the draft's `sku` is sent as
/// `code` and `stockCode`, and a different `barcode` is refused. Brand, category, VAT rate,
/// desi (`dimensional_weight`, rounded up) and at least one image are required; attributes
/// must be predefined values (`id` + `value_id`); the currency must be TRY; a missing list
/// price is the sale price. `delivery_days` has no Pazarama field and is not sent.
pub fn new_product_of(draft: &ProductDraft, prefix: &str) -> Result<NewProduct> {
    let f = |name: &str| format!("{prefix}.{name}");
    let required = |name: &str, value: &Option<String>| -> Result<String> {
        non_blank(value.as_deref())
            .ok_or_else(|| Error::invalid_input(f(name), "required by Pazarama's product create"))
    };
    let required_guid = |name: &str, value: &Option<String>| -> Result<Uuid> {
        parse_uuid(&f(name), &required(name, value)?)
    };
    if let Some(barcode) = non_blank(draft.barcode.as_deref()) {
        if barcode != draft.sku.trim() {
            return Err(Error::invalid_input(
                f("barcode"),
                "Pazarama identifies a product by one code: set sku to the barcode",
            ));
        }
    }
    for (name, money) in [
        ("price", Some(&draft.price)),
        ("list_price", draft.list_price.as_ref()),
    ] {
        if let Some(m) = money {
            if m.currency != "TRY" {
                return Err(Error::invalid_input(
                    f(name),
                    format!("Pazarama sells in TRY, not {}", m.currency),
                ));
            }
        }
    }
    let vat = draft
        .vat_rate
        .ok_or_else(|| Error::invalid_input(f("vat_rate"), "required by Pazarama"))?;
    let vat_rate = vat
        .to_u32()
        .filter(|_| vat.fract().is_zero())
        .ok_or_else(|| {
            Error::invalid_input(f("vat_rate"), format!("{vat} is not a whole percent"))
        })?;
    let desi = draft
        .dimensional_weight
        .ok_or_else(|| Error::invalid_input(f("dimensional_weight"), "Pazarama needs the desi"))?;
    let desi = desi.ceil().to_u32().ok_or_else(|| {
        Error::invalid_input(f("dimensional_weight"), format!("{desi} is not a desi"))
    })?;
    let attributes = draft
        .attributes
        .iter()
        .enumerate()
        .map(
            |(i, a)| match (non_blank(a.id.as_deref()), non_blank(a.value_id.as_deref())) {
                (Some(id), Some(value)) => Ok(pz::ProductAttribute::new(
                    parse_uuid(&f(&format!("attributes[{i}].id")), &id)?,
                    parse_uuid(&f(&format!("attributes[{i}].value_id")), &value)?,
                )),
                _ => Err(Error::invalid_input(
                    f(&format!("attributes[{i}]")),
                    "Pazarama takes predefined values only: attribute id and value_id",
                )),
            },
        )
        .collect::<Result<Vec<_>>>()?;
    let product = NewProduct {
        name: draft.title.clone(),
        display_name: draft.title.clone(),
        description: draft.description.clone(),
        brand_id: required_guid("brand_id", &draft.brand_id)?,
        desi,
        code: draft.sku.trim().to_owned(),
        group_code: non_blank(draft.group_code.as_deref())
            .unwrap_or_else(|| draft.sku.trim().to_owned()),
        stock_code: draft.sku.trim().to_owned(),
        stock_count: draft.stock,
        list_price: draft
            .list_price
            .as_ref()
            .map_or(draft.price.amount, |m| m.amount),
        sale_price: draft.price.amount,
        product_sale_limit_quantity: None,
        currency_type: Some("TRY".into()),
        vat_rate,
        images: draft.images.iter().map(ProductImage::new).collect(),
        category_id: required_guid("category_id", &draft.category_id)?,
        attributes,
        delivery_types: Vec::new(),
        product_commercial_additional_info: None,
        product_commercials: Vec::new(),
    };
    product.validate(prefix)?;
    Ok(product)
}

/// Unified drafts as one Pazarama create request (each checked, errors name
/// `drafts[i].field`).
pub fn create_request_of(drafts: &[ProductDraft]) -> Result<CreateProductsRequest> {
    if drafts.is_empty() {
        return Err(Error::invalid_input("drafts", "at least one draft"));
    }
    let products = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| new_product_of(d, &format!("drafts[{i}]")))
        .collect::<Result<Vec<_>>>()?;
    Ok(CreateProductsRequest::new(products))
}

/// Coalesced stock/price updates as Pazarama requests: per chunk of at most `max_items`,
/// the stock items and the price items (either may be empty). Checked before anything is
/// sent: a price update needs a sale price (a missing list price is the sale price).
pub fn stock_price_requests(
    updates: &[StockPrice],
    max_items: usize,
) -> Result<Vec<(StockUpdateRequest, PriceUpdateRequest)>> {
    let mut coalescer = StockPriceCoalescer::new();
    for update in updates {
        coalescer.push(update.clone());
    }
    let mut out = Vec::new();
    for chunk in coalescer.drain_chunks(max_items.max(1)) {
        let mut stock = Vec::new();
        let mut prices = Vec::new();
        for item in &chunk {
            if let Some(quantity) = item.quantity {
                stock.push(StockItem::new(item.sku.clone(), quantity));
            }
            match (item.sale_price, item.list_price) {
                (Some(sale), list) => {
                    prices.push(PriceItem::new(item.sku.clone(), list.unwrap_or(sale), sale));
                }
                (None, Some(_)) => {
                    return Err(Error::invalid_input(
                        format!("updates[{}].sale_price", item.sku),
                        "Pazarama sets list and sale price together: give the sale price too",
                    ));
                }
                (None, None) => {}
            }
        }
        let stock = StockUpdateRequest::new(stock);
        let prices = PriceUpdateRequest::new(prices);
        if !stock.items.is_empty() {
            stock.validate()?;
        }
        if !prices.items.is_empty() {
            prices.validate()?;
        }
        out.push((stock, prices));
    }
    Ok(out)
}

/// A product batch result as a unified outcome. `pushed` are the codes sent with the batch,
/// when known: once the batch is Done, each one Pazarama does not report as failed counts as
/// a success (Pazarama's answer often lists no items).
pub fn batch_outcome_of(result: &ProductBatchResult, id: &str, pushed: &[String]) -> BatchOutcome {
    let mut outcome = result.to_outcome(id);
    outcome.state = batch_state_of(result.status);
    if outcome.state == BatchState::Completed {
        for code in pushed {
            if !outcome.items.iter().any(|i| &i.key == code) {
                outcome.items.push(ItemOutcome::success(code.clone()));
            }
        }
    }
    outcome
}

/// Codes sent with recent product batches, so a Done batch that lists no items still
/// reports each product (bounded; the oldest batches are forgotten first).
/// Batch id → codes pushed, and the batch ids oldest first.
type PushedBatches = (HashMap<String, Vec<String>>, VecDeque<String>);

fn pushed_codes() -> &'static Mutex<PushedBatches> {
    static PUSHED: OnceLock<Mutex<PushedBatches>> = OnceLock::new();
    PUSHED.get_or_init(|| Mutex::new((HashMap::new(), VecDeque::new())))
}

const PUSHED_BATCHES_KEPT: usize = 512;

fn remember_batch(id: &str, codes: Vec<String>) {
    if let Ok(mut guard) = pushed_codes().lock() {
        let (map, order) = &mut *guard;
        if map.insert(id.to_owned(), codes).is_none() {
            order.push_back(id.to_owned());
        }
        while order.len() > PUSHED_BATCHES_KEPT {
            if let Some(old) = order.pop_front() {
                map.remove(&old);
            }
        }
    }
}

fn pushed_for(id: &str) -> Vec<String> {
    pushed_codes()
        .lock()
        .ok()
        .and_then(|guard| guard.0.get(id).cloned())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------

/// Which Pazarama service a [`Claim`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A return (`order/getRefund`, decided with `order/updateRefund`).
    Refund,
    /// A buyer's cancellation request (`order/api/cancel/items`, decided with
    /// `PUT order/api/cancel`).
    Cancellation,
}

/// The Pazarama record behind a unified [`Claim`]: which service, and the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// Refund or cancellation request.
    pub kind: ClaimKind,
    /// The record as Pazarama sent it.
    pub record: Refund,
}

/// A refund or cancellation request as a unified [`Claim`] with one line (the record is one
/// product; Pazarama's sample sends no quantity, so a missing one is 1).
pub fn claim_of(refund: &Refund, kind: ClaimKind) -> Claim {
    let status = refund
        .refund_status
        .map_or_else(|| ClaimStatus::Other("missing".into()), claim_status_of);
    let mut claim = Claim::new(
        MarketplaceId::Pazarama,
        refund.refund_id.to_string(),
        refund
            .order_number
            .map(|n| n.to_string())
            .unwrap_or_default(),
        status.clone(),
    );
    claim.created_at = refund.refund_date;
    claim.customer = refund.customer_name.as_ref().map(|name| Customer {
        id: refund.customer_id.map(|id| id.to_string()),
        name: name.clone(),
        email: non_blank(refund.customer_email.as_deref()),
        phone: non_blank(refund.customer_phone_number.as_deref()),
        ..Customer::default()
    });
    let code = non_blank(refund.product_code.as_deref());
    claim.lines.push(ClaimLine {
        id: refund.refund_id.to_string(),
        order_line_id: refund.order_item_id.map(|id| id.to_string()),
        sku: code
            .clone()
            .or_else(|| non_blank(refund.product_stock_code.as_deref()))
            .unwrap_or_default(),
        barcode: code,
        product_name: refund.product_name.clone().unwrap_or_default(),
        quantity: refund.quantity.unwrap_or(1),
        status: Some(status),
        reason: non_blank(refund.refund_type.as_deref()),
        reason_code: None,
        customer_note: non_blank(refund.description.as_deref()),
        price: refund.refund_amount.as_ref().map(pz::Amount::to_money),
    });
    claim.refund_amount = refund.refund_amount.as_ref().map(pz::Amount::to_money);
    claim.cargo_provider = non_blank(refund.shipment_company_name.as_deref());
    claim.tracking_number = refund
        .shipment_code
        .as_ref()
        .map(ToString::to_string)
        .filter(|t| !t.trim().is_empty());
    claim.raw = to_raw(&ClaimRecord {
        kind,
        record: refund.clone(),
    });
    claim
}

/// The Pazarama record (and its kind) a unified [`Claim`] was made from.
pub fn original_claim(claim: &Claim) -> Result<ClaimRecord> {
    from_raw(claim.raw.as_ref(), "claim")
}

fn claim_kind(claim: &Claim) -> ClaimKind {
    original_claim(claim).map_or(ClaimKind::Refund, |r| r.kind)
}

/// A seller's reason to reject a Pazarama return, with its explanation: Pazarama's reject
/// vocabulary ([`RefundRejectType`] 1–12) reachable from the unified
/// [`ClaimApi::reject_claim`] through [`ClaimRejection`].
///
/// ```
/// use marketplace_core::model::ClaimRejection;
/// use pazarama_sdk::adapter::RefundRejection;
/// use pazarama_sdk::model::RefundRejectType;
///
/// let unified: ClaimRejection =
///     RefundRejection::new(RefundRejectType::EmptyPackage, "Koli boş geldi").into();
/// assert_eq!(unified.reason_code.as_deref(), Some("10"));
/// let back = RefundRejection::try_from(&unified)?;
/// assert_eq!(back.reason, RefundRejectType::EmptyPackage);
/// # Ok::<(), pazarama_sdk::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundRejection {
    /// Pazarama's reason.
    pub reason: RefundRejectType,
    /// The explanation (`description`).
    pub text: String,
}

impl RefundRejection {
    /// A rejection for `reason`, explained by `text`.
    pub fn new(reason: RefundRejectType, text: impl Into<String>) -> Self {
        RefundRejection {
            reason,
            text: text.into(),
        }
    }
}

impl From<RefundRejection> for ClaimRejection {
    fn from(r: RefundRejection) -> Self {
        ClaimRejection::new(r.text).reason_code(r.reason.code().to_string())
    }
}

impl TryFrom<&ClaimRejection> for RefundRejection {
    type Error = Error;

    /// The `reason_code` must be one of Pazarama's reasons (1–12).
    fn try_from(r: &ClaimRejection) -> Result<Self> {
        let code = r.reason_code.as_deref().map(str::trim).ok_or_else(|| {
            Error::invalid_input(
                "rejection.reason_code",
                "Pazarama needs a RefundRejectType (1-12)",
            )
        })?;
        let reason = code
            .parse::<i64>()
            .map(RefundRejectType::from_code)
            .ok()
            .filter(|r| !matches!(r, RefundRejectType::Unknown(_)))
            .ok_or_else(|| {
                Error::invalid_input(
                    "rejection.reason_code",
                    format!("{code:?} is not a Pazarama RefundRejectType (1-12)"),
                )
            })?;
        Ok(RefundRejection::new(reason, r.text.trim()))
    }
}

/// Reject a Pazarama return through the unified state machine **with photos**, which
/// Pazarama requires for every reason except 10 and 11 (the unified
/// [`ClaimApi::reject_claim`] cannot carry files). Runs the same checks first
/// ([`check_claim_decision`], text, reason, at most 3 files of 5 MB), sending nothing when
/// one fails.
pub async fn reject_refund_with_documents(
    client: &Client,
    claim: &Claim,
    line_ids: &[String],
    rejection: &ClaimRejection,
    documents: Vec<DocumentObject>,
) -> Result<()> {
    if rejection.text.trim().is_empty() {
        return Err(Error::invalid_input(
            "rejection.text",
            "a rejection needs an explanation",
        ));
    }
    let lines = check_claim_decision(claim, line_ids, &ClaimStatus::Rejected)?;
    send_rejection(client, claim, &lines, rejection, documents).await
}

async fn send_rejection(
    client: &Client,
    claim: &Claim,
    lines: &[String],
    rejection: &ClaimRejection,
    documents: Vec<DocumentObject>,
) -> Result<()> {
    let ids = lines
        .iter()
        .map(|id| parse_uuid("line_ids", id))
        .collect::<Result<Vec<_>>>()?;
    match claim_kind(claim) {
        ClaimKind::Cancellation => {
            for id in ids {
                client
                    .cancellations()
                    .update(&CancelUpdateRequest::reject(id))
                    .await?;
            }
        }
        ClaimKind::Refund => {
            let reason = RefundRejection::try_from(rejection)?;
            let requests: Vec<UpdateRefundRequest> = ids
                .into_iter()
                .map(|id| {
                    let mut req =
                        UpdateRefundRequest::reject(id, reason.reason, reason.text.clone());
                    req.document_objects = documents.clone();
                    req.validate().map(|()| req)
                })
                .collect::<Result<_>>()?;
            for req in &requests {
                client.refunds().update(req).await?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------

/// A Pazarama question as a unified [`Question`].
pub fn question_of(q: &pz::Question) -> Question {
    let status = q.question_status.map_or_else(
        || QuestionStatus::Other("missing".into()),
        question_status_of,
    );
    let mut question = Question::new(
        MarketplaceId::Pazarama,
        q.question_id.to_string(),
        q.question.clone().unwrap_or_default(),
        status,
    );
    question.created_at = q.question_date;
    question.customer_name = non_blank(q.masked_user_name.as_deref());
    question.product_name = non_blank(q.product_name.as_deref());
    question.sku = non_blank(q.barcode.as_deref());
    question.topic = q.topic_id.map(|t| t.to_string());
    question.answer = non_blank(q.answer.as_deref());
    question.answered_at = q.answer_date;
    question.raw = to_raw(q);
    question
}

/// The Pazarama question a unified [`Question`] was made from.
pub fn original_question(question: &Question) -> Result<pz::Question> {
    from_raw(question.raw.as_ref(), "question")
}

// ---------------------------------------------------------------------------------------
// Trait impls
// ---------------------------------------------------------------------------------------

fn floor_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::minutes(1)).unwrap_or(t)
}

fn ceil_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    let floor = floor_minute(t);
    if floor == t {
        t
    } else {
        floor + TimeDelta::minutes(1)
    }
}

fn window_of(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    default_days: i64,
) -> TimeWindow {
    let end = end.unwrap_or_else(Utc::now);
    let start = start.unwrap_or(end - TimeDelta::days(default_days));
    TimeWindow::new(start, end)
}

fn error_stream<'a, T: Send + 'a>(error: Error) -> BoxStream<'a, Result<T>> {
    futures::stream::once(async move { Err(error) }).boxed()
}

impl Client {
    /// Orders in `range` (any length), every order once: the V1 order service over windows
    /// of at most [`ORDER_QUERY_MAX_SPAN`], paged, deduplicated by `orderId`.
    fn order_records(&self, range: TimeWindow, page_size: u32) -> BoxStream<'_, Result<pz::Order>> {
        let size = page_size.max(1);
        let range = TimeWindow::new(floor_minute(range.start), ceil_minute(range.end));
        let options = WindowOptions::new(ORDER_QUERY_MAX_SPAN)
            .paging(PagingOptions::one_based().concurrency(1));
        let orders = windowed(range, options, move |window, page| {
            let query = pz::OrderQuery::between(window.start, window.end)
                .page(page)
                .size(size);
            async move {
                let items = self.orders().list(&query).await?;
                Ok(last_if_short(items, page, size))
            }
        });
        dedup_by_key(orders, |order: &pz::Order| order.order_id).boxed()
    }
}

impl MarketplaceIdentity for Client {
    fn id(&self) -> MarketplaceId {
        MarketplaceId::Pazarama
    }
}

#[async_trait]
impl OrderApi for Client {
    /// Orders placed in the query's window (default: the last [`DEFAULT_WINDOW_DAYS`] days),
    /// split into windows Pazarama accepts, each order once. A `number` query looks that
    /// order up; `statuses` filter on the order-level status.
    fn orders(&self, query: &OrderQuery) -> BoxStream<'_, Result<Order>> {
        let statuses = query.statuses.clone();
        let keep = move |order: &Order| statuses.is_empty() || statuses.contains(&order.status);
        if let Some(number) = &query.number {
            let Ok(number) = number.trim().parse::<u64>() else {
                return error_stream(Error::invalid_input(
                    "number",
                    format!("{number:?} is not a Pazarama order number"),
                ));
            };
            return futures::stream::once(async move {
                self.orders().list(&pz::OrderQuery::by_number(number)).await
            })
            .map_ok(|orders| futures::stream::iter(orders.into_iter().map(Ok)))
            .try_flatten()
            .and_then(|o| async move { order_of(&o) })
            .try_filter(move |o| futures::future::ready(keep(o)))
            .boxed();
        }
        let range = window_of(query.start, query.end, DEFAULT_WINDOW_DAYS);
        let size = query.page_size.unwrap_or(DEFAULT_ORDER_PAGE_SIZE);
        self.order_records(range, size)
            .and_then(|o| async move { order_of(&o) })
            .try_filter(move |o| futures::future::ready(keep(o)))
            .boxed()
    }

    /// One order by its number (one call) or by its `orderId` GUID (a search over the last
    /// [`ORDER_LOOKUP_DAYS`] days: Pazarama has no lookup by id).
    async fn order(&self, id: &str) -> Result<Order> {
        let not_found = || Error::invalid_input("id", format!("no Pazarama order {id}"));
        if let Ok(number) = id.trim().parse::<u64>() {
            let orders = self
                .orders()
                .list(&pz::OrderQuery::by_number(number))
                .await?;
            let order = orders
                .iter()
                .find(|o| o.order_number == number)
                .or(orders.first())
                .ok_or_else(not_found)?;
            return order_of(order);
        }
        let wanted = parse_uuid("id", id)?;
        let range = TimeWindow::last_days(ORDER_LOOKUP_DAYS);
        let mut orders = self.order_records(range, DEFAULT_ORDER_PAGE_SIZE);
        while let Some(order) = orders.next().await {
            let order = order?;
            if order.order_id == wanted {
                return order_of(&order);
            }
        }
        Err(not_found())
    }

    async fn send_order_status(
        &self,
        order: &Order,
        to: OrderStatus,
        details: StatusMove,
    ) -> Result<()> {
        if to == OrderStatus::Invoiced {
            return send_invoice_link(self, order, &details).await;
        }
        let updates = item_updates_for(order, &to, &details)?;
        let number = parse_order_number(order)?;
        let requests: Vec<pz::UpdateOrderStatusRequest> = updates
            .into_iter()
            .map(|item| pz::UpdateOrderStatusRequest {
                order_number: number,
                item,
            })
            .collect();
        for request in &requests {
            request.validate()?;
        }
        for request in &requests {
            self.orders().update_status(request).await?;
        }
        Ok(())
    }
}

/// `Invoiced`: Pazarama has no such status; the invoice link goes to the order (or to each
/// named item).
async fn send_invoice_link(client: &Client, order: &Order, details: &StatusMove) -> Result<()> {
    let url = non_blank(details.invoice_url.as_deref()).ok_or_else(|| {
        Error::invalid_input(
            "invoice_url",
            "Pazarama records an invoice as a link: give the invoice URL",
        )
    })?;
    let order_id = parse_uuid("order.id", &order.id)?;
    let requests: Vec<InvoiceLinkRequest> = if details.line_ids.is_empty() {
        vec![InvoiceLinkRequest::for_order(order_id, url)]
    } else {
        details
            .line_ids
            .iter()
            .map(|id| {
                parse_uuid("line_ids", id)
                    .map(|item| InvoiceLinkRequest::for_order(order_id, url.clone()).item(item))
            })
            .collect::<Result<_>>()?
    };
    for request in &requests {
        request.validate()?;
    }
    for request in &requests {
        client.orders().set_invoice_link(request).await?;
    }
    Ok(())
}

#[async_trait]
impl ProductApi for Client {
    /// The seller's products (`product/products`): one stream per SKU in `skus` (Pazarama
    /// filters by code), else all; `approved` is sent, `search` filters titles here.
    /// `on_sale` and `archived` are not reported by Pazarama's list: asking for them is an
    /// [`Error::InvalidInput`].
    fn products(&self, query: &ProductQuery) -> BoxStream<'_, Result<Product>> {
        if query.on_sale.is_some() || query.archived.is_some() {
            let field = if query.on_sale.is_some() {
                "on_sale"
            } else {
                "archived"
            };
            return error_stream(Error::invalid_input(
                field,
                "Pazarama's product list does not report it; filter on the products instead",
            ));
        }
        let base = pz::ProductQuery {
            approved: query.approved,
            size: query.page_size,
            ..pz::ProductQuery::default()
        };
        let queries: Vec<pz::ProductQuery> = if query.skus.is_empty() {
            vec![base]
        } else {
            query
                .skus
                .iter()
                .map(|sku| base.clone().code(sku.clone()))
                .collect()
        };
        let search = query.search.as_ref().map(|s| s.to_lowercase());
        futures::stream::iter(queries)
            .map(move |q| product_pages(self, q))
            .flatten()
            .and_then(|p| async move { product_of(&p) })
            .try_filter(move |p| {
                futures::future::ready(
                    search
                        .as_ref()
                        .is_none_or(|s| p.title.to_lowercase().contains(s)),
                )
            })
            .boxed()
    }

    async fn push_drafts(&self, drafts: &[ProductDraft]) -> Result<BatchHandle> {
        let request = create_request_of(drafts)?;
        let result = self.products().create(&request).await?;
        remember_batch(
            &result.batch_request_id.to_string(),
            request.products.iter().map(|p| p.code.clone()).collect(),
        );
        Ok(BatchHandle::new(
            MarketplaceId::Pazarama,
            result.batch_request_id.to_string(),
            BatchKind::ProductCreate,
        ))
    }

    async fn batch_outcome(&self, handle: &BatchHandle) -> Result<BatchOutcome> {
        match &handle.kind {
            BatchKind::ProductCreate | BatchKind::ProductUpdate => {
                let id = parse_uuid("handle.id", &handle.id)?;
                let result = self.products().batch_result(id).await?;
                let mut outcome = batch_outcome_of(&result, &handle.id, &pushed_for(&handle.id));
                outcome.handle = handle.clone();
                Ok(outcome)
            }
            BatchKind::StockPrice => listing_outcome(self, handle).await,
            _ => Err(Error::invalid_input(
                "handle.kind",
                format!("Pazarama has no {} batches", handle.kind),
            )),
        }
    }

    async fn update_stock_prices(&self, updates: &[StockPrice]) -> Result<Vec<BatchHandle>> {
        let requests = stock_price_requests(updates, MAX_STOCK_PRICE_ITEMS)?;
        let mut handles = Vec::new();
        for (stock, prices) in &requests {
            if !stock.items.is_empty() {
                let id = self.products().update_stock(stock).await?;
                handles.push(BatchHandle::new(
                    MarketplaceId::Pazarama,
                    id.to_string(),
                    BatchKind::StockPrice,
                ));
            }
            if !prices.items.is_empty() {
                let id = self.products().update_prices(prices).await?;
                handles.push(BatchHandle::new(
                    MarketplaceId::Pazarama,
                    id.to_string(),
                    BatchKind::StockPrice,
                ));
            }
        }
        Ok(handles)
    }
}

fn product_pages(
    client: &Client,
    query: pz::ProductQuery,
) -> BoxStream<'_, Result<ProductSummary>> {
    let size = query.size.unwrap_or(250).max(1);
    paginate(PagingOptions::one_based().concurrency(1), move |page| {
        let query = pz::ProductQuery {
            page: Some(page),
            size: Some(size),
            ..query.clone()
        };
        async move {
            let items = client.products().list(&query).await?;
            Ok(last_if_short(items, page, size))
        }
    })
    .boxed()
}

/// The outcome of a price/stock batch from its listing states.
async fn listing_outcome(client: &Client, handle: &BatchHandle) -> Result<BatchOutcome> {
    let size = pz::ListingStateQuery::default().page_size;
    let batch_id = parse_uuid("handle.id", &handle.id)?;
    let mut items = Vec::new();
    let mut in_progress = false;
    let mut page = 1;
    loop {
        let result = client
            .products()
            .listing_states(
                batch_id,
                &pz::ListingStateQuery {
                    page,
                    page_size: size,
                },
            )
            .await?;
        if page == 1 && result.items.is_empty() && result.total_count != Some(0) {
            in_progress = true;
        }
        in_progress |= !result.is_terminal();
        let count = result.items.len();
        for state in &result.items {
            items.push(if state.succeeded() {
                ItemOutcome::success(state.code.clone())
            } else {
                let mut messages = state.messages();
                if messages.is_empty() {
                    messages.extend(state.operation_status_text.clone());
                }
                ItemOutcome::failure(state.code.clone(), messages)
            });
        }
        let last = count < usize::try_from(size).unwrap_or(usize::MAX)
            || result.has_next_page == Some(false)
            || result.total_pages.is_none_or(|total| page >= total);
        if last || page >= 1000 {
            break;
        }
        page += 1;
    }
    Ok(BatchOutcome {
        handle: handle.clone(),
        state: if in_progress {
            BatchState::InProgress
        } else {
            BatchState::Completed
        },
        items,
    })
}

fn refund_query_of(query: &ClaimQuery) -> Result<RefundQuery> {
    let window = window_of(query.start, query.end, DEFAULT_WINDOW_DAYS);
    let mut q = RefundQuery::between(window.start, window.end);
    q.page_size = query.page_size;
    if let Some(number) = &query.order_number {
        q.order_number = Some(number.trim().parse().map_err(|_| {
            Error::invalid_input(
                "order_number",
                format!("{number:?} is not a Pazarama order number"),
            )
        })?);
    }
    if let [only] = query.statuses.as_slice() {
        if *only == ClaimStatus::WaitingInAction {
            q.refund_status = Some(RefundStatus::Pending);
        }
    }
    Ok(q)
}

fn claim_records<'a>(client: &'a Client, query: &RefundQuery) -> BoxStream<'a, Result<Claim>> {
    let refunds = refund_stream(
        query,
        move |q| async move { client.refunds().list(&q).await },
    )
    .map_ok(|r| claim_of(&r, ClaimKind::Refund));
    let cancellations = refund_stream(query, move |q| async move {
        client.cancellations().list(&q).await
    })
    .map_ok(|r| claim_of(&r, ClaimKind::Cancellation));
    refunds.chain(cancellations).boxed()
}

#[async_trait]
impl ClaimApi for Client {
    /// Returns, then cancellation requests, made in the query's window (default: the last
    /// [`DEFAULT_WINDOW_DAYS`] days); `statuses` and `order_number` filter.
    fn claims(&self, query: &ClaimQuery) -> BoxStream<'_, Result<Claim>> {
        let q = match refund_query_of(query) {
            Ok(q) => q,
            Err(e) => return error_stream(e),
        };
        let statuses = query.statuses.clone();
        let number = query.order_number.clone();
        claim_records(self, &q)
            .try_filter(move |c| {
                futures::future::ready(
                    (statuses.is_empty() || statuses.contains(&c.status))
                        && number.as_ref().is_none_or(|n| n.trim() == c.order_number),
                )
            })
            .boxed()
    }

    /// One refund or cancellation request by `refundId`: a search over the last
    /// [`CLAIM_LOOKUP_DAYS`] days (Pazarama has no lookup by id).
    async fn claim(&self, id: &str) -> Result<Claim> {
        let wanted = parse_uuid("id", id)?.to_string();
        let window = TimeWindow::last_days(CLAIM_LOOKUP_DAYS);
        let query = RefundQuery::between(window.start, window.end + TimeDelta::minutes(1));
        let mut claims = claim_records(self, &query);
        while let Some(claim) = claims.next().await {
            let claim = claim?;
            if claim.id == wanted {
                return Ok(claim);
            }
        }
        Err(Error::invalid_input(
            "id",
            format!("no Pazarama refund {id}"),
        ))
    }

    async fn send_claim_approval(&self, claim: &Claim, line_ids: &[String]) -> Result<()> {
        let ids = line_ids
            .iter()
            .map(|id| parse_uuid("line_ids", id))
            .collect::<Result<Vec<_>>>()?;
        let kind = claim_kind(claim);
        for id in ids {
            match kind {
                ClaimKind::Refund => {
                    self.refunds()
                        .update(&UpdateRefundRequest::approve(id))
                        .await?;
                }
                ClaimKind::Cancellation => {
                    self.cancellations()
                        .update(&CancelUpdateRequest::approve(id))
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// Rejects with the [`RefundRejectType`] in `rejection.reason_code`; without photos
    /// only reasons 10 and 11 pass Pazarama's rules (see [`reject_refund_with_documents`]).
    async fn send_claim_rejection(
        &self,
        claim: &Claim,
        line_ids: &[String],
        rejection: &ClaimRejection,
    ) -> Result<()> {
        send_rejection(self, claim, line_ids, rejection, Vec::new()).await
    }
}

#[async_trait]
impl QuestionApi for Client {
    /// Questions through the filtered search: window, SKU (barcode) and a status Pazarama
    /// knows are sent; several statuses filter here.
    fn questions(&self, query: &QuestionQuery) -> BoxStream<'_, Result<Question>> {
        let mut search = QuestionSearchQuery {
            barcode: query.sku.clone(),
            question_start_date: query.start,
            question_end_date: query.end,
            ..QuestionSearchQuery::default()
        };
        if let [only] = query.statuses.as_slice() {
            search.question_status = pazarama_question_status(only);
        }
        let size = query.page_size.unwrap_or(DEFAULT_QUESTION_PAGE_SIZE).max(1);
        let statuses = query.statuses.clone();
        paginate(PagingOptions::one_based().concurrency(1), move |page| {
            let q = QuestionSearchQuery {
                page_index: Some(page),
                page_size: Some(size),
                ..search.clone()
            };
            async move {
                let found = self.questions().search(&q).await?;
                let items = found.approval_answers_by_merchant_searchs;
                let short = items.len() < usize::try_from(size).unwrap_or(usize::MAX);
                let last = found
                    .page_response
                    .as_ref()
                    .and_then(|p| p.is_last(page, size))
                    .unwrap_or(short);
                let out = Page::new(items);
                Ok(if last { out.total_pages(page) } else { out })
            }
        })
        .map_ok(|q| question_of(&q))
        .try_filter(move |q| {
            futures::future::ready(statuses.is_empty() || statuses.contains(&q.status))
        })
        .boxed()
    }

    async fn question(&self, id: &str) -> Result<Question> {
        let id = parse_uuid("id", id)?;
        Ok(question_of(&self.questions().get(id).await?))
    }

    async fn send_answer(&self, question: &Question, text: &str) -> Result<()> {
        let id = parse_uuid("question.id", &question.id)?;
        self.questions().answer(id, text).await
    }
}

impl Marketplace for Client {
    /// Everything: Pazarama offers every unified operation.
    fn capabilities(&self) -> Capabilities {
        Capability::ALL.iter().copied().collect()
    }
}
