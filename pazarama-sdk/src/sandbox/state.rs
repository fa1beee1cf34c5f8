//! The sandbox's shared state and the rules that change it.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use marketplace_core::model::StockPrice;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::SandboxConfig;
use super::seed;
use crate::model::{
    Brand, Category, City, NewProduct, Order, OrderItemStatus, PriceItem, ProductBatchItem,
    ProductDetail, ProductState, ProductSummary, Question, Refund, StockItem, Transaction,
};

/// State plus configuration, shared by the handle and every route.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    pub(crate) config: SandboxConfig,
}

impl Shared {
    pub(crate) fn new(state: State, config: SandboxConfig) -> Self {
        Shared {
            state: Mutex::new(state),
            config,
        }
    }

    /// Lock the state (never held across an `.await`). A poisoned lock is taken over:
    /// a panicking handler must not take the whole sandbox down.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Lock the state after applying every batch whose delay has passed.
    pub(crate) fn settled(&self) -> MutexGuard<'_, State> {
        let mut state = self.lock();
        state.settle(Instant::now(), self.config.batch_delay);
        state
    }
}

/// A product the seller has.
#[derive(Debug, Clone)]
pub(crate) struct ProductRec {
    pub(crate) product: NewProduct,
    pub(crate) state: ProductState,
    pub(crate) brand_name: String,
    pub(crate) category_name: String,
}

impl ProductRec {
    pub(crate) fn summary(&self) -> ProductSummary {
        let p = &self.product;
        ProductSummary {
            name: Some(p.name.clone()),
            display_name: Some(p.display_name.clone()),
            description: Some(p.description.clone()),
            brand_name: Some(self.brand_name.clone()),
            code: p.code.clone(),
            group_code: Some(p.group_code.clone()),
            stock_count: Some(i64::from(p.stock_count)),
            stock_code: Some(p.stock_code.clone()),
            priority_rank: Some(0),
            list_price: Some(p.list_price),
            sale_price: Some(p.sale_price),
            vat_rate: Some(p.vat_rate),
            category_name: Some(self.category_name.clone()),
            state: Some(self.state),
            status: Some(state_text(self.state).to_owned()),
            waiting_approve_exp: None,
            attributes: Vec::new(),
            images: p.images.clone(),
            delivery_types: Vec::new(),
        }
    }

    pub(crate) fn detail(&self) -> ProductDetail {
        let p = &self.product;
        ProductDetail {
            name: Some(p.name.clone()),
            display_name: Some(p.display_name.clone()),
            description: Some(p.description.clone()),
            brand_id: Some(p.brand_id),
            brand_name: Some(self.brand_name.clone()),
            code: p.code.clone(),
            stock_count: Some(i64::from(p.stock_count)),
            stock_code: Some(p.stock_code.clone()),
            priority_rank: Some(0),
            vat_rate: Some(p.vat_rate),
            list_price: Some(p.list_price),
            sale_price: Some(p.sale_price),
            installment_count: Some(1),
            category_id: Some(p.category_id),
            state: Some(self.state),
            state_description: Some(state_text(self.state).to_owned()),
            attributes: p.attributes.clone(),
            images: p.images.clone(),
            group_code: Some(p.group_code.clone()),
            badges: Vec::new(),
            is_catalog_product: Some(false),
        }
    }
}

fn state_text(state: ProductState) -> &'static str {
    match state {
        ProductState::AwaitingFirstApproval => "Onay Bekliyor-İlk Onay",
        ProductState::AwaitingUpdateApproval => "Onay Bekliyor Güncelleme",
        ProductState::Approved => "Onaylandı",
        ProductState::RejectedAwaitingChanges => "Reddedildi Değişiklik Bekleyen",
        ProductState::UpdatedAfterRejection => "Redden Dönüp Güncellenenler",
        ProductState::Unknown(_) => "",
    }
}

/// A `product/create` batch: each product with the reason it fails (if it does).
#[derive(Debug)]
pub(crate) struct ProductBatch {
    pub(crate) received: Instant,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) items: Vec<(NewProduct, Option<String>)>,
    pub(crate) done: bool,
}

impl ProductBatch {
    pub(crate) fn results(&self) -> Vec<ProductBatchItem> {
        self.items
            .iter()
            .map(|(p, reason)| ProductBatchItem {
                code: Some(p.code.clone()),
                reason: reason.clone(),
                errors: reason.iter().cloned().collect(),
            })
            .collect()
    }
}

/// One item of a price or stock batch.
#[derive(Debug, Clone)]
pub(crate) enum ListingItem {
    Price(PriceItem),
    Stock(StockItem),
}

impl ListingItem {
    pub(crate) fn code(&self) -> &str {
        match self {
            ListingItem::Price(p) => p.code.trim(),
            ListingItem::Stock(s) => s.code.trim(),
        }
    }
}

/// A price/stock batch; `outcomes` (one per item, `None` = applied) once applied.
#[derive(Debug)]
pub(crate) struct ListingBatch {
    pub(crate) received: Instant,
    pub(crate) ref_ids: Vec<Uuid>,
    pub(crate) items: Vec<ListingItem>,
    pub(crate) outcomes: Option<Vec<Option<String>>>,
}

/// Everything the sandbox knows.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) seeded_at: DateTime<Utc>,
    pub(crate) seller_id: Uuid,
    pub(crate) tokens: HashMap<String, Instant>,
    pub(crate) tokens_issued: usize,
    pub(crate) unauthorized: usize,
    pub(crate) rate_limited: usize,
    pub(crate) rate_window: Option<(Instant, u32)>,
    pub(crate) writes: usize,
    pub(crate) brands: Vec<Brand>,
    pub(crate) categories: Vec<Category>,
    pub(crate) cities: Vec<City>,
    pub(crate) products: Vec<ProductRec>,
    pub(crate) product_batches: HashMap<Uuid, ProductBatch>,
    pub(crate) listing_batches: HashMap<Uuid, ListingBatch>,
    /// Every price/stock item received, in order.
    pub(crate) listing_log: Vec<ListingItem>,
    pub(crate) orders: Vec<Order>,
    pub(crate) refunds: Vec<Refund>,
    /// Buyers' cancellation requests (refund-shaped records).
    pub(crate) cancellations: Vec<Refund>,
    pub(crate) questions: Vec<Question>,
    pub(crate) transactions: Vec<Transaction>,
    /// Counter for order numbers, refund numbers and deterministic ids.
    pub(crate) next_number: u64,
}

impl State {
    pub(crate) fn new(_config: &SandboxConfig) -> Self {
        State {
            seeded_at: Utc::now(),
            seller_id: Uuid::from_u128(0x5a4d_b0c5_0000_4000_8000_0000_0000_0001),
            tokens: HashMap::new(),
            tokens_issued: 0,
            unauthorized: 0,
            rate_limited: 0,
            rate_window: None,
            writes: 0,
            brands: Vec::new(),
            categories: Vec::new(),
            cities: Vec::new(),
            products: Vec::new(),
            product_batches: HashMap::new(),
            listing_batches: HashMap::new(),
            listing_log: Vec::new(),
            orders: Vec::new(),
            refunds: Vec::new(),
            cancellations: Vec::new(),
            questions: Vec::new(),
            transactions: Vec::new(),
            next_number: 0,
        }
    }

    /// A fresh number (order numbers start at 735071700, as in the document's samples).
    pub(crate) fn next(&mut self) -> u64 {
        self.next_number += 1;
        735_071_700 + self.next_number
    }

    /// A fresh, deterministic GUID of kind `kind` (so ids differ by kind).
    pub(crate) fn next_id(&mut self, kind: u16) -> Uuid {
        let n = self.next();
        Uuid::from_u128((u128::from(kind) << 64) | u128::from(n) | (0x4000_u128 << 48))
    }

    /// Apply every batch whose delay has passed.
    pub(crate) fn settle(&mut self, now: Instant, delay: Duration) {
        let due: Vec<Uuid> = self
            .product_batches
            .iter()
            .filter(|(_, b)| !b.done && now.duration_since(b.received) >= delay)
            .map(|(id, _)| *id)
            .collect();
        for id in due {
            let Some(batch) = self.product_batches.get_mut(&id) else {
                continue;
            };
            batch.done = true;
            let accepted: Vec<NewProduct> = batch
                .items
                .iter()
                .filter(|(_, reason)| reason.is_none())
                .map(|(p, _)| p.clone())
                .collect();
            for product in accepted {
                self.add_product(product, ProductState::AwaitingFirstApproval);
            }
        }
        let due: Vec<Uuid> = self
            .listing_batches
            .iter()
            .filter(|(_, b)| b.outcomes.is_none() && now.duration_since(b.received) >= delay)
            .map(|(id, _)| *id)
            .collect();
        for id in due {
            let Some(items) = self.listing_batches.get(&id).map(|b| b.items.clone()) else {
                continue;
            };
            let outcomes = items.iter().map(|item| self.apply_listing(item)).collect();
            if let Some(batch) = self.listing_batches.get_mut(&id) {
                batch.outcomes = Some(outcomes);
            }
        }
    }

    /// Apply one price or stock item: `None` when applied, else Pazarama's reason.
    fn apply_listing(&mut self, item: &ListingItem) -> Option<String> {
        let Some(rec) = self.product_mut(item.code()) else {
            return Some("Ürün bulunamadı".to_owned());
        };
        match item {
            ListingItem::Price(p) => {
                if p.sale_price > p.list_price {
                    return Some("İndirimli fiyat liste fiyatından büyük olamaz".to_owned());
                }
                rec.product.list_price = p.list_price;
                rec.product.sale_price = p.sale_price;
            }
            ListingItem::Stock(s) => rec.product.stock_count = s.stock_count,
        }
        None
    }

    pub(crate) fn product(&self, code: &str) -> Option<&ProductRec> {
        let code = code.trim();
        self.products.iter().find(|p| p.product.code == code)
    }

    fn product_mut(&mut self, code: &str) -> Option<&mut ProductRec> {
        let code = code.trim();
        self.products.iter_mut().find(|p| p.product.code == code)
    }

    /// Add (or replace, by barcode) a product.
    pub(crate) fn add_product(&mut self, mut product: NewProduct, state: ProductState) {
        product.code = product.code.trim().to_owned();
        let brand_name = self
            .brands
            .iter()
            .find(|b| b.id == product.brand_id)
            .map(|b| b.name.clone())
            .unwrap_or_default();
        let category_name = self
            .categories
            .iter()
            .find(|c| c.id == product.category_id)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let rec = ProductRec {
            product,
            state,
            brand_name,
            category_name,
        };
        match self.product_mut(&rec.product.code.clone()) {
            Some(existing) => *existing = rec,
            None => self.products.push(rec),
        }
    }

    /// Why Pazarama would refuse this product, if it would.
    pub(crate) fn product_failure(&self, product: &NewProduct, earlier: &[&str]) -> Option<String> {
        if !self.brands.iter().any(|b| b.id == product.brand_id) {
            return Some(format!("Marka bulunamadı: {}", product.brand_id));
        }
        match self.categories.iter().find(|c| c.id == product.category_id) {
            None => return Some(format!("Kategori bulunamadı: {}", product.category_id)),
            Some(c) if !c.leaf => {
                return Some(format!(
                    "Ürünler yalnızca en alt kategoriye eklenebilir: {}",
                    c.name
                ));
            }
            Some(_) => {}
        }
        let code = product.code.trim();
        if self.product(code).is_some() || earlier.contains(&code) {
            return Some(format!("Bu barkod ile kayıtlı bir ürün zaten var: {code}"));
        }
        None
    }

    pub(crate) fn order(&self, number: u64) -> Option<&Order> {
        self.orders.iter().find(|o| o.order_number == number)
    }

    pub(crate) fn order_mut(&mut self, number: u64) -> Option<&mut Order> {
        self.orders.iter_mut().find(|o| o.order_number == number)
    }

    /// Add an order placed at `at` with `lines` items, every item in `status`.
    pub(crate) fn add_order(
        &mut self,
        at: DateTime<Utc>,
        status: OrderItemStatus,
        lines: usize,
    ) -> Order {
        let order = seed::order(self, at, status, lines, 1);
        self.orders.push(order.clone());
        order
    }

    /// A refund waiting for the seller, on a new delivered order.
    pub(crate) fn add_refund(&mut self, at: DateTime<Utc>) -> Uuid {
        let order = self.add_order(at - TimeDelta::days(6), OrderItemStatus::ReturnRequested, 1);
        let refund = seed::refund(self, &order, at);
        let id = refund.refund_id;
        self.refunds.push(refund);
        id
    }

    /// A cancellation request waiting for the seller, on a new order the buyer asked to
    /// cancel while it was being prepared (item status 18).
    pub(crate) fn add_cancellation(&mut self, at: DateTime<Utc>) -> Uuid {
        let order = self.add_order(
            at - TimeDelta::hours(5),
            OrderItemStatus::CancellationRequested,
            1,
        );
        let mut record = seed::refund(self, &order, at);
        record.refund_type = Some("Vazgeçtim".to_owned());
        record.description = Some("Siparişimden vazgeçtim, iptal etmek istiyorum.".to_owned());
        record.shipment_code = None;
        let id = record.refund_id;
        self.cancellations.push(record);
        id
    }

    /// A question waiting for an answer.
    pub(crate) fn add_question(&mut self, at: DateTime<Utc>) -> Uuid {
        let question = seed::question(self, at);
        let id = question.question_id;
        self.questions.push(question);
        id
    }

    pub(crate) fn stock_items_received(&self, code: &str) -> Vec<StockPrice> {
        let code = code.trim();
        let mut out: Vec<StockPrice> = Vec::new();
        for item in self.listing_log.iter().filter(|i| i.code() == code) {
            match item {
                ListingItem::Price(p) => match out.last_mut() {
                    Some(last) if last.sale_price.is_none() => {
                        last.sale_price = Some(p.sale_price);
                        last.list_price = Some(p.list_price);
                    }
                    _ => out.push(StockPrice {
                        sku: code.to_owned(),
                        quantity: None,
                        sale_price: Some(p.sale_price),
                        list_price: Some(p.list_price),
                    }),
                },
                ListingItem::Stock(s) => match out.last_mut() {
                    Some(last) if last.quantity.is_none() => last.quantity = Some(s.stock_count),
                    _ => out.push(StockPrice {
                        sku: code.to_owned(),
                        quantity: Some(s.stock_count),
                        sale_price: None,
                        list_price: None,
                    }),
                },
            }
        }
        out
    }
}

/// Keep `orderStatus` equal to the items' status when they all agree; otherwise the
/// least advanced item's status along the flow (3 < 12 < 5 < …) wins.
pub(crate) fn sync_order_status(order: &mut Order) {
    let first = order.items.first().map(|i| i.order_item_status);
    if order
        .items
        .iter()
        .all(|i| Some(i.order_item_status) == first)
    {
        order.order_status = first;
        return;
    }
    order.order_status = order
        .items
        .iter()
        .map(|i| i.order_item_status)
        .min_by_key(|s| flow_rank(*s));
}

fn flow_rank(status: OrderItemStatus) -> u8 {
    use OrderItemStatus as S;
    match status {
        S::Received => 0,
        S::Preparing => 1,
        S::Shipped => 2,
        S::AtStore | S::AtDeliveryPoint => 3,
        _ => 4,
    }
}

/// Money with two decimals.
pub(crate) fn tl(value: i64) -> Decimal {
    Decimal::new(value, 2)
}
