//! The sandbox's data, held in the crate's own model types.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use chrono::{DateTime, Utc};
use marketplace_core::model::StockPrice;

use crate::model::{
    Brand, Category, Order, Product, ProductQuestion, Profile, RefundRequest, Stock, Webhook,
    WebhookEvent,
};

/// One webhook delivery attempt.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The subscription it was for.
    pub webhook_id: u64,
    /// The event.
    pub event: WebhookEvent,
    /// Where it was posted.
    pub url: String,
    /// 1 for the first attempt, 2 for the first re-delivery, …
    pub attempt: u32,
    /// The receiver's HTTP status, when it answered.
    pub status: Option<u16>,
    /// Why the attempt failed without a status (connection refused, timeout).
    pub error: Option<String>,
    /// The exact body sent (the same bytes on every attempt).
    pub body: String,
    /// The `X-Webhook-Signature` sent: HMAC-SHA256 hex of `body` with the subscription's
    /// secret.
    pub signature: String,
    /// When the attempt was made.
    pub at: DateTime<Utc>,
}

impl Delivery {
    /// Whether the receiver accepted it (2xx).
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// A product with what the wire model does not carry.
#[derive(Debug, Clone)]
pub(crate) struct ProductRec {
    pub(crate) product: Product,
    /// Its single stock record (`product_stocks.id`).
    pub(crate) stock_id: u64,
}

impl ProductRec {
    /// The product as `GET products/{id}` shows it.
    pub(crate) fn view(&self) -> Product {
        self.product.clone()
    }

    /// Its stock record as `GET stocks` shows it.
    pub(crate) fn stock(&self) -> Stock {
        Stock {
            id: self.stock_id,
            product_id: Some(self.product.id),
            product_name: self.product.name.clone(),
            variant: Some(String::new()),
            sku: self.product.sku.clone(),
            price: self.product.unit_price,
            qty: self.product.current_stock,
        }
    }
}

/// Everything the sandbox holds.
pub(crate) struct State {
    pub(crate) products: BTreeMap<u64, ProductRec>,
    pub(crate) orders: BTreeMap<u64, Order>,
    pub(crate) refunds: BTreeMap<u64, RefundRequest>,
    pub(crate) questions: BTreeMap<u64, ProductQuestion>,
    pub(crate) webhooks: BTreeMap<u64, Webhook>,
    pub(crate) categories: Vec<Category>,
    pub(crate) brands: Vec<Brand>,
    pub(crate) profile: Profile,
    pub(crate) tokens: HashSet<String>,
    pub(crate) token_salt: u64,
    pub(crate) logins: usize,
    pub(crate) writes: usize,
    pub(crate) deliveries: Vec<Delivery>,
    pub(crate) stock_items: Vec<StockPrice>,
    pub(crate) rate_window: (Instant, u32),
    next_id: u64,
}

impl State {
    /// Reference data only (categories, brands, profile).
    pub(crate) fn new(now: DateTime<Utc>) -> Self {
        let salt = u64::try_from(now.timestamp_micros()).unwrap_or(0);
        State {
            products: BTreeMap::new(),
            orders: BTreeMap::new(),
            refunds: BTreeMap::new(),
            questions: BTreeMap::new(),
            webhooks: BTreeMap::new(),
            categories: super::seed::categories(),
            brands: super::seed::brands(),
            profile: super::seed::profile(now),
            tokens: HashSet::new(),
            token_salt: salt,
            logins: 0,
            writes: 0,
            deliveries: Vec::new(),
            stock_items: Vec::new(),
            rate_window: (Instant::now(), 0),
            next_id: 1000,
        }
    }

    /// A fresh number for ids and codes (unique within the sandbox).
    pub(crate) fn next(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub(crate) fn category_exists(&self, id: u64) -> bool {
        self.categories.iter().any(|c| c.id == id)
    }

    pub(crate) fn brand_exists(&self, id: u64) -> bool {
        self.brands.iter().any(|b| b.id == id)
    }

    /// The product owning stock record `stock_id`.
    pub(crate) fn product_by_stock(&mut self, stock_id: u64) -> Option<&mut ProductRec> {
        self.products.values_mut().find(|p| p.stock_id == stock_id)
    }
}
