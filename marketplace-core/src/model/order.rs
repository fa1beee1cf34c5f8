//! Orders, order lines, order statuses and order queries.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Address, Customer, MarketplaceId, Money};

crate::string_enum! {
    /// Where an order (or one order line) is in its life.
    ///
    /// How the three marketplaces map onto it:
    ///
    /// | unified | Trendyol | Pazarama item status | Giyim Moda `delivery_status` |
    /// |---|---|---|---|
    /// | `Awaiting` | `Awaiting` | – | (`payment_status: unpaid`) |
    /// | `Created` | `Created` | 3 Siparişiniz Alındı | `pending` |
    /// | `Picking` | `Picking` | 12 Hazırlanıyor | `confirmed` |
    /// | `Invoiced` | `Invoiced` | – | – |
    /// | `Shipped` | `Shipped` | 5 Kargoya Verildi | `picked_up`, `on_the_way` |
    /// | `AtCollectionPoint` | `AtCollectionPoint` | 16 Mağazada, 19 Teslimat Noktasında | – |
    /// | `Delivered` | `Delivered` | 11 Teslim Edildi | `delivered` |
    /// | `UnDelivered` | `UnDelivered` | 14 Teslim Edilemedi | – |
    /// | `Cancelled` | `Cancelled` | 6 İptal Edildi | `cancelled` |
    /// | `UnSupplied` | `UnSupplied` | 13 Tedarik Edilemedi | – |
    /// | `Split` | `UnPacked` | – | – |
    /// | `ReturnRequested` | – | 7 İade Süreci Başlatıldı | – |
    /// | `Returned` | `Returned` | 10 İade Edildi | – |
    ///
    /// Anything else (Pazarama 18 "cancellation started", a status added next year) is
    /// [`OrderStatus::Other`] with the marketplace's raw value, which the adapter chooses.
    ///
    /// # Forward order
    ///
    /// The fulfilment chain is
    /// `Awaiting → Created → Picking → Invoiced → Shipped → AtCollectionPoint → Delivered`,
    /// and [`can_move_to`](OrderStatus::can_move_to) allows any move *forward* along it
    /// (skipping steps is allowed; a marketplace that insists on every step, like
    /// Trendyol's `Picking` before `Invoiced`, checks that itself). Besides the chain:
    ///
    /// - `Cancelled` from any state before `Shipped`; `UnSupplied` and `Split` from
    ///   `Created`, `Picking` or `Invoiced` (an `Awaiting` order is not to be processed);
    /// - `UnDelivered` from `Shipped` or `AtCollectionPoint`; from `UnDelivered` to
    ///   `Delivered` (second attempt) or `Returned`;
    /// - `ReturnRequested` from `Delivered`; from `ReturnRequested` to `Returned`, or back to
    ///   `Delivered` when the return is rejected (the one documented backward move);
    /// - `Returned` also from `Shipped`, `AtCollectionPoint` and `Delivered`.
    ///
    /// Terminal states ([`is_terminal`](OrderStatus::is_terminal): `Cancelled`, `UnSupplied`,
    /// `Split`, `Returned`) move nowhere, a status never "moves" to itself, and nothing moves
    /// from or to [`OrderStatus::Other`]: we cannot prove such a move legal, so it is refused
    /// before anything is sent.
    pub enum OrderStatus {
        /// Stock is reserved but payment/approval is pending; do not process or ship yet.
        Awaiting = "awaiting",
        /// Paid and ready for the seller to process.
        Created = "created",
        /// The seller is preparing (picking/packing) the order.
        Picking = "picking",
        /// The seller has issued the invoice.
        Invoiced = "invoiced",
        /// Handed to the carrier.
        Shipped = "shipped",
        /// Waiting at a pickup point or store for the buyer.
        AtCollectionPoint = "at_collection_point",
        /// Delivered to the buyer.
        Delivered = "delivered",
        /// The carrier could not deliver it.
        UnDelivered = "undelivered",
        /// Cancelled (by the buyer, the marketplace or the seller).
        Cancelled = "cancelled",
        /// The seller could not supply it (out of stock, defective, …).
        UnSupplied = "unsupplied",
        /// The package was split into new packages (Trendyol `UnPacked`); look for those.
        Split = "split",
        /// The buyer started a return; the claim tracks the details.
        ReturnRequested = "return_requested",
        /// Returned to the seller.
        Returned = "returned",
    }
    /// A status this crate does not know; keeps the marketplace's raw value.
    Other(String)
}

impl OrderStatus {
    /// Position on the fulfilment chain, for the statuses that are on it.
    fn chain_rank(&self) -> Option<u8> {
        Some(match self {
            OrderStatus::Awaiting => 0,
            OrderStatus::Created => 1,
            OrderStatus::Picking => 2,
            OrderStatus::Invoiced => 3,
            OrderStatus::Shipped => 4,
            OrderStatus::AtCollectionPoint => 5,
            OrderStatus::Delivered => 6,
            _ => return None,
        })
    }

    /// Whether no further move is possible: `Cancelled`, `UnSupplied`, `Split`, `Returned`.
    ///
    /// `Delivered` is not terminal (a return can still follow); [`OrderStatus::Other`] is
    /// not known to be terminal.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            OrderStatus::Cancelled
                | OrderStatus::UnSupplied
                | OrderStatus::Split
                | OrderStatus::Returned
        )
    }

    /// Whether the order has not left the seller yet (before `Shipped`).
    pub fn is_before_shipment(&self) -> bool {
        self.chain_rank().is_some_and(|rank| rank < 4)
    }

    /// Whether moving from `self` to `next` follows the forward order documented on
    /// [`OrderStatus`].
    pub fn can_move_to(&self, next: &OrderStatus) -> bool {
        use OrderStatus as S;
        if self == next || self.is_terminal() {
            return false;
        }
        match (self, next) {
            (S::Other(_), _) | (_, S::Other(_)) => false,
            (S::Cancelled, _) => self.is_before_shipment(),
            (_, S::Cancelled) => self.is_before_shipment(),
            (_, S::UnSupplied | S::Split) => {
                matches!(self, S::Created | S::Picking | S::Invoiced)
            }
            (_, S::UnDelivered) => matches!(self, S::Shipped | S::AtCollectionPoint),
            (S::UnDelivered, S::Delivered | S::Returned) => true,
            (S::UnDelivered, _) => false,
            (_, S::ReturnRequested) => matches!(self, S::Delivered),
            (S::ReturnRequested, S::Returned | S::Delivered) => true,
            (S::ReturnRequested, _) => false,
            (_, S::Returned) => matches!(self, S::Shipped | S::AtCollectionPoint | S::Delivered),
            (from, to) => match (from.chain_rank(), to.chain_rank()) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            },
        }
    }
}

/// An order — or, on marketplaces that ship per package (Trendyol), one shipment package.
///
/// `id` is whatever the marketplace needs to act on it (Trendyol `shipmentPackageId`,
/// Pazarama `orderId`, Giyim Moda `id`); `number` is what the buyer sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// The marketplace this order came from.
    pub marketplace: MarketplaceId,
    /// The marketplace's own id for this order/package.
    pub id: String,
    /// The order number shown to the buyer.
    pub number: String,
    /// Current status (for the order or package as a whole).
    pub status: OrderStatus,
    /// When the order was placed.
    pub created_at: Option<DateTime<Utc>>,
    /// When the marketplace last changed it.
    pub updated_at: Option<DateTime<Utc>>,
    /// The buyer.
    pub customer: Option<Customer>,
    /// Where to ship.
    pub shipping_address: Option<Address>,
    /// Where to invoice.
    pub billing_address: Option<Address>,
    /// The order lines.
    pub lines: Vec<OrderLine>,
    /// What the buyer pays in total (after discounts).
    pub total: Option<Money>,
    /// Total discount applied to the order.
    pub discount: Option<Money>,
    /// Carrier name, e.g. `Trendyol Express`.
    pub cargo_provider: Option<String>,
    /// Carrier tracking number.
    pub tracking_number: Option<String>,
    /// Public tracking URL.
    pub tracking_url: Option<String>,
    /// Invoice number, once invoiced.
    pub invoice_number: Option<String>,
    /// Link to the invoice document, once uploaded.
    pub invoice_url: Option<String>,
    /// The marketplace's own record, as it sent it (its typed model serialized), for
    /// fields the unified model has no place for. Filled by the marketplace crates'
    /// adapters, which also offer a typed accessor that turns it back into their model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Value>,
}

impl Order {
    /// An order with the given identity and status and nothing else filled in.
    pub fn new(
        marketplace: MarketplaceId,
        id: impl Into<String>,
        number: impl Into<String>,
        status: OrderStatus,
    ) -> Self {
        Order {
            marketplace,
            id: id.into(),
            number: number.into(),
            status,
            created_at: None,
            updated_at: None,
            customer: None,
            shipping_address: None,
            billing_address: None,
            lines: Vec::new(),
            total: None,
            discount: None,
            cargo_provider: None,
            tracking_number: None,
            tracking_url: None,
            invoice_number: None,
            invoice_url: None,
            raw: None,
        }
    }

    /// The line with this id, if any.
    pub fn line(&self, id: &str) -> Option<&OrderLine> {
        self.lines.iter().find(|line| line.id == id)
    }
}

/// One line of an order: a product, a quantity and its prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    /// The marketplace's id for this line (Trendyol `lineId`, Pazarama item id, Giyim Moda
    /// order detail id).
    pub id: String,
    /// The seller's stock code / SKU.
    pub sku: String,
    /// The product's barcode, when sent.
    pub barcode: Option<String>,
    /// The marketplace's product id, when sent.
    pub product_id: Option<String>,
    /// Product name as shown to the buyer.
    pub product_name: String,
    /// Units ordered.
    pub quantity: u32,
    /// Price of one unit (before line discounts).
    pub unit_price: Money,
    /// What the buyer pays for the line (after discounts).
    pub line_total: Money,
    /// Discount on the line, if any.
    pub discount: Option<Money>,
    /// VAT rate in percent (e.g. `20`).
    pub vat_rate: Option<Decimal>,
    /// This line's own status, on marketplaces that track lines separately.
    pub status: Option<OrderStatus>,
}

impl OrderLine {
    /// A line of `quantity` units at `unit_price`, with `line_total = unit_price × quantity`.
    pub fn new(
        id: impl Into<String>,
        sku: impl Into<String>,
        product_name: impl Into<String>,
        quantity: u32,
        unit_price: Money,
    ) -> Self {
        let line_total = Money::new(
            unit_price.amount * Decimal::from(quantity),
            unit_price.currency.clone(),
        );
        OrderLine {
            id: id.into(),
            sku: sku.into(),
            barcode: None,
            product_id: None,
            product_name: product_name.into(),
            quantity,
            unit_price,
            line_total,
            discount: None,
            vat_rate: None,
            status: None,
        }
    }
}

/// Details that go with a status move (see `OrderApi::move_order` in [`crate::traits`]).
///
/// Which fields a marketplace needs depends on the move: Trendyol takes an invoice number
/// with `Invoiced` and a reason with `UnSupplied`; Giyim Moda a tracking code with
/// `Shipped`. Unused fields are ignored by the marketplace crate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StatusMove {
    /// Only these order lines (by [`OrderLine::id`]); empty means the whole order.
    pub line_ids: Vec<String>,
    /// Invoice number, for `Invoiced`.
    pub invoice_number: Option<String>,
    /// Link to the invoice, for marketplaces that take one.
    pub invoice_url: Option<String>,
    /// Carrier tracking number, for `Shipped`.
    pub tracking_number: Option<String>,
    /// Carrier name or the marketplace's carrier code.
    pub cargo_provider: Option<String>,
    /// The marketplace's reason code, for `UnSupplied`/`Cancelled` (e.g. Trendyol `500`).
    pub reason_code: Option<String>,
}

impl StatusMove {
    /// No details: move the whole order.
    pub fn new() -> Self {
        StatusMove::default()
    }

    /// Only move these lines.
    #[must_use]
    pub fn lines<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.line_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Set the invoice number.
    #[must_use]
    pub fn invoice_number(mut self, number: impl Into<String>) -> Self {
        self.invoice_number = Some(number.into());
        self
    }

    /// Set the invoice link.
    #[must_use]
    pub fn invoice_url(mut self, url: impl Into<String>) -> Self {
        self.invoice_url = Some(url.into());
        self
    }

    /// Set the tracking number.
    #[must_use]
    pub fn tracking_number(mut self, number: impl Into<String>) -> Self {
        self.tracking_number = Some(number.into());
        self
    }

    /// Set the carrier.
    #[must_use]
    pub fn cargo_provider(mut self, provider: impl Into<String>) -> Self {
        self.cargo_provider = Some(provider.into());
        self
    }

    /// Set the reason code.
    #[must_use]
    pub fn reason_code(mut self, code: impl Into<String>) -> Self {
        self.reason_code = Some(code.into());
        self
    }
}

/// Which orders to list.
///
/// Marketplaces cap the time window (Trendyol: two weeks per query, one month of
/// history; Pazarama: one month); the marketplace crate splits a longer window into
/// allowed pieces. No window means the marketplace's default (usually the last week).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderQuery {
    /// Orders created/changed at or after this instant.
    pub start: Option<DateTime<Utc>>,
    /// Orders created/changed before this instant.
    pub end: Option<DateTime<Utc>>,
    /// Only these statuses; empty means all.
    pub statuses: Vec<OrderStatus>,
    /// Only the order with this number.
    pub number: Option<String>,
    /// Page size to request, if the caller wants to override the crate's default.
    pub page_size: Option<u32>,
}

impl OrderQuery {
    /// All orders in `[start, end)`.
    pub fn window(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        OrderQuery {
            start: Some(start),
            end: Some(end),
            ..OrderQuery::default()
        }
    }

    /// Add a status filter.
    #[must_use]
    pub fn status(mut self, status: OrderStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Only the order with this number.
    #[must_use]
    pub fn number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Set the page size.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus as S;

    #[test]
    fn order_status_moves_table() {
        let other = || S::Other("Repack".into());
        let allowed = [
            (S::Awaiting, S::Created),
            (S::Awaiting, S::Picking),
            (S::Awaiting, S::Cancelled),
            (S::Created, S::Picking),
            (S::Created, S::Invoiced),
            (S::Created, S::Shipped),
            (S::Created, S::Delivered),
            (S::Created, S::Cancelled),
            (S::Created, S::UnSupplied),
            (S::Created, S::Split),
            (S::Picking, S::Invoiced),
            (S::Picking, S::Shipped),
            (S::Picking, S::UnSupplied),
            (S::Picking, S::Cancelled),
            (S::Invoiced, S::Shipped),
            (S::Invoiced, S::Cancelled),
            (S::Invoiced, S::UnSupplied),
            (S::Shipped, S::AtCollectionPoint),
            (S::Shipped, S::Delivered),
            (S::Shipped, S::UnDelivered),
            (S::Shipped, S::Returned),
            (S::AtCollectionPoint, S::Delivered),
            (S::AtCollectionPoint, S::UnDelivered),
            (S::AtCollectionPoint, S::Returned),
            (S::UnDelivered, S::Delivered),
            (S::UnDelivered, S::Returned),
            (S::Delivered, S::ReturnRequested),
            (S::Delivered, S::Returned),
            (S::ReturnRequested, S::Returned),
            (S::ReturnRequested, S::Delivered),
        ];
        let refused = [
            (S::Picking, S::Created),
            (S::Invoiced, S::Picking),
            (S::Shipped, S::Invoiced),
            (S::Delivered, S::Shipped),
            (S::Delivered, S::AtCollectionPoint),
            (S::Picking, S::Picking),
            (S::Awaiting, S::UnSupplied),
            (S::Awaiting, S::Split),
            (S::Awaiting, S::ReturnRequested),
            (S::Shipped, S::Cancelled),
            (S::Shipped, S::UnSupplied),
            (S::Created, S::UnDelivered),
            (S::Created, S::Returned),
            (S::Awaiting, S::Awaiting),
            (S::UnDelivered, S::Shipped),
            (S::UnDelivered, S::Cancelled),
            (S::ReturnRequested, S::Shipped),
            (S::Cancelled, S::Created),
            (S::Cancelled, S::Picking),
            (S::UnSupplied, S::Created),
            (S::Split, S::Created),
            (S::Returned, S::Delivered),
            (S::Returned, S::ReturnRequested),
            (other(), S::Picking),
            (S::Picking, other()),
            (other(), other()),
        ];
        for (from, to) in &allowed {
            assert!(from.can_move_to(to), "{from} -> {to} should be allowed");
        }
        for (from, to) in &refused {
            assert!(!from.can_move_to(to), "{from} -> {to} should be refused");
        }
    }

    #[test]
    fn terminal_states_move_nowhere() {
        for from in S::KNOWN.iter().filter(|s| s.is_terminal()) {
            for to in S::KNOWN {
                assert!(!from.can_move_to(to), "{from} -> {to}");
            }
        }
        assert!(!S::Delivered.is_terminal());
        assert!(!S::Other("x".into()).is_terminal());
    }

    #[test]
    fn chain_is_forward_only() {
        let chain = [
            S::Awaiting,
            S::Created,
            S::Picking,
            S::Invoiced,
            S::Shipped,
            S::AtCollectionPoint,
            S::Delivered,
        ];
        for (i, from) in chain.iter().enumerate() {
            for (j, to) in chain.iter().enumerate() {
                assert_eq!(from.can_move_to(to), i < j, "{from} -> {to}");
            }
        }
    }

    #[test]
    fn line_total_is_unit_price_times_quantity() {
        let line = OrderLine::new(
            "1",
            "SKU",
            "Tişört",
            3,
            Money::try_lira(Decimal::new(1999, 2)),
        );
        assert_eq!(line.line_total, Money::try_lira(Decimal::new(5997, 2)));
    }
}
