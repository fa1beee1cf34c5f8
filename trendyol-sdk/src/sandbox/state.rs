//! The sandbox's in-memory marketplace: packages, webhooks, products, batches, claims,
//! questions and finance records, plus the rules that change them.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;

use crate::model::batch::{
    BatchItem, BatchItemStatus, BatchProduct, BatchRequestItem, BatchRequestResult,
    BatchRequestType, BatchStatus,
};
use crate::model::claim::{Claim, ClaimIssueReason, ClaimItemAudit};
use crate::model::finance::{FinancialRecord, PaymentOrder};
use crate::model::inventory::{InventoryItem, MAX_QUANTITY};
use crate::model::orders::{PackageHistory, PackageStatus, ShipmentPackage};
use crate::model::product::{
    ApprovedProduct, ApprovedVariant, ArchiveItem, Brand, Category, ContentUpdateItem, Image,
    InventoryAndPrice, InventoryAndPriceVariant, NamedRef, ProductAttribute, ProductCreateItem,
    VariantPrice, VariantStock,
};
use crate::model::question::Question;
use crate::model::webhooks::{Webhook, WebhookEventStatus, WebhookState};

use super::Delivery;

/// How long Trendyol refuses an identical stock & price body (§5).
pub(crate) const IDENTICAL_BODY_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Most webhooks per seller, passive ones included (§3).
pub(crate) const MAX_WEBHOOKS: usize = 15;

/// How a registered webhook authenticates its deliveries.
#[derive(Clone)]
pub(crate) enum HookAuth {
    Basic { username: String, password: String },
    ApiKey(String),
}

/// A registered webhook with the secrets Trendyol keeps (and never returns).
#[derive(Clone)]
pub(crate) struct HookEntry {
    pub(crate) hook: Webhook,
    pub(crate) auth: HookAuth,
}

/// A product variant as the sandbox stores it (one per barcode).
#[derive(Debug, Clone)]
pub(crate) struct ProductRecord {
    pub(crate) barcode: String,
    pub(crate) content_id: u64,
    pub(crate) variant_id: u64,
    pub(crate) title: String,
    pub(crate) product_main_id: String,
    pub(crate) brand_id: i64,
    pub(crate) category_id: i64,
    pub(crate) description: String,
    pub(crate) stock_code: Option<String>,
    pub(crate) quantity: i64,
    pub(crate) sale_price: Decimal,
    pub(crate) list_price: Decimal,
    pub(crate) vat_rate: u8,
    pub(crate) images: Vec<Image>,
    pub(crate) attributes: Vec<ProductAttribute>,
    pub(crate) archived: bool,
    pub(crate) created: DateTime<Utc>,
    pub(crate) modified: DateTime<Utc>,
    pub(crate) stock_modified: Option<DateTime<Utc>>,
}

/// What a batch carries until it is processed.
#[derive(Debug, Clone)]
pub(crate) enum BatchPayload {
    Create(Vec<ProductCreateItem>),
    Inventory(Vec<InventoryItem>, DateTime<Utc>),
    Archive(Vec<ArchiveItem>),
    Content(Vec<ContentUpdateItem>),
}

/// A queued or processed batch.
#[derive(Debug, Clone)]
pub(crate) struct BatchEntry {
    pub(crate) id: String,
    pub(crate) kind: BatchRequestType,
    pub(crate) created: DateTime<Utc>,
    pub(crate) ready_at: Instant,
    pub(crate) item_count: u32,
    pub(crate) payload: BatchPayload,
    /// Per-item results, once processed.
    pub(crate) items: Option<Vec<BatchItem>>,
    pub(crate) finished: Option<DateTime<Utc>>,
}

/// Why a package write was refused: HTTP status and Trendyol-style message.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub(crate) status: u16,
    pub(crate) message: String,
}

impl Refusal {
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Refusal {
            status: 400,
            message: message.into(),
        }
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Refusal {
            status: 404,
            message: message.into(),
        }
    }
}

/// The whole fake marketplace.
pub(crate) struct State {
    pub(crate) seller_id: u64,
    pub(crate) packages: BTreeMap<u64, ShipmentPackage>,
    pub(crate) next_package_id: u64,
    pub(crate) next_line_id: u64,
    pub(crate) next_order_number: u64,
    last_stamp_ms: i64,
    pub(crate) hooks: Vec<HookEntry>,
    pub(crate) deliveries: Vec<Delivery>,
    pub(crate) brands: Vec<Brand>,
    pub(crate) categories: Vec<Category>,
    pub(crate) products: BTreeMap<String, ProductRecord>,
    pub(crate) next_content_id: u64,
    pub(crate) batches: HashMap<String, BatchEntry>,
    pub(crate) batch_order: Vec<String>,
    pub(crate) stock_items: Vec<InventoryItem>,
    pub(crate) recent_inventory_bodies: Vec<(String, Instant)>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) claim_audits: Vec<ClaimItemAudit>,
    pub(crate) issue_reasons: Vec<ClaimIssueReason>,
    pub(crate) questions: BTreeMap<u64, Question>,
    pub(crate) next_question_id: u64,
    pub(crate) next_answer_id: u64,
    pub(crate) settlements: Vec<FinancialRecord>,
    pub(crate) other_financials: Vec<FinancialRecord>,
    pub(crate) payment_orders: Vec<PaymentOrder>,
    pub(crate) sellers: super::sellers::SellerState,
    pub(crate) writes: usize,
    pub(crate) rate_window: Option<(Instant, u32)>,
}

impl State {
    pub(crate) fn new(seller_id: u64) -> Self {
        State {
            seller_id,
            packages: BTreeMap::new(),
            next_package_id: 3_330_000_001,
            next_line_id: 4_765_000_001,
            next_order_number: 10_654_400_001,
            last_stamp_ms: 0,
            hooks: Vec::new(),
            deliveries: Vec::new(),
            brands: Vec::new(),
            categories: Vec::new(),
            products: BTreeMap::new(),
            next_content_id: 1_239_000_001,
            batches: HashMap::new(),
            batch_order: Vec::new(),
            stock_items: Vec::new(),
            recent_inventory_bodies: Vec::new(),
            claims: Vec::new(),
            claim_audits: Vec::new(),
            issue_reasons: Vec::new(),
            questions: BTreeMap::new(),
            next_question_id: 700_001,
            next_answer_id: 900_001,
            settlements: Vec::new(),
            other_financials: Vec::new(),
            payment_orders: Vec::new(),
            sellers: super::sellers::SellerState::new(),
            writes: 0,
            rate_window: None,
        }
    }

    /// "Now", strictly increasing by at least a millisecond per call, so every change of a
    /// package gets a distinct `lastModifiedDate` (the webhook de-duplication key needs it).
    pub(crate) fn stamp(&mut self) -> DateTime<Utc> {
        let now = Utc::now().timestamp_millis();
        let ms = now.max(self.last_stamp_ms + 1);
        self.last_stamp_ms = ms;
        DateTime::from_timestamp_millis(ms).unwrap_or_else(Utc::now)
    }

    // ---- orders -------------------------------------------------------------------------

    /// The status of a package.
    pub(crate) fn package_status(&self, id: u64) -> Option<PackageStatus> {
        self.packages.get(&id).and_then(|p| p.status.clone())
    }

    /// Set a package's status (no rule check): stamps it, records the history and the
    /// line statuses. Returns the updated package.
    pub(crate) fn set_status(&mut self, id: u64, status: PackageStatus) -> Option<ShipmentPackage> {
        let at = self.stamp();
        let package = self.packages.get_mut(&id)?;
        for line in &mut package.lines {
            line.order_line_item_status_name = Some(status.as_str().to_owned());
        }
        package.status = Some(status.clone());
        package.shipment_package_status = Some(status.clone());
        package.last_modified_date = Some(at);
        package.package_histories.push(PackageHistory {
            created_date: Some(at),
            status: Some(status),
        });
        Some(package.clone())
    }

    /// updatePackageStatus with Trendyol's rules (§2.3): only `Picking` (from `Created`)
    /// and then `Invoiced` (from `Picking`, with an invoice number); the lines must belong
    /// to the package and not exceed their quantities.
    pub(crate) fn seller_status_update(
        &mut self,
        id: u64,
        status: &PackageStatus,
        lines: &[(Id, u32)],
        invoice_number: Option<&str>,
    ) -> Result<ShipmentPackage, Refusal> {
        let package = self
            .packages
            .get(&id)
            .ok_or_else(|| Refusal::not_found(format!("{id} numaralı paket bulunamadı.")))?;
        let current = package.status.clone().unwrap_or(PackageStatus::Created);
        check_lines(package, lines)?;
        match status {
            PackageStatus::Picking => {
                if invoice_number.is_some() {
                    return Err(Refusal::bad_request(
                        "invoiceNumber yalnızca Invoiced statüsü ile gönderilebilir.",
                    ));
                }
                if current != PackageStatus::Created {
                    return Err(illegal(&current, status));
                }
            }
            PackageStatus::Invoiced => {
                if invoice_number.is_none_or(|n| n.trim().is_empty()) {
                    return Err(Refusal::bad_request(
                        "Invoiced statüsü için invoiceNumber zorunludur.",
                    ));
                }
                if current != PackageStatus::Picking {
                    return Err(illegal(&current, status));
                }
            }
            other => {
                return Err(Refusal::bad_request(format!(
                    "{other} statüsü satıcı tarafından güncellenemez; yalnızca Picking ve Invoiced."
                )));
            }
        }
        self.set_status(id, status.clone())
            .ok_or_else(|| Refusal::not_found(format!("{id} numaralı paket bulunamadı.")))
    }

    /// cancelOrderPackageItem (§2.4): the lines are not supplied. All of them → the
    /// package becomes `UnSupplied`; some → the package becomes `UnSupplied` and the rest
    /// moves to a new package (same order number, `createdBy: cancel`). Returns the changed
    /// packages (old first).
    pub(crate) fn unsupplied(
        &mut self,
        id: u64,
        lines: &[(Id, u32)],
    ) -> Result<Vec<ShipmentPackage>, Refusal> {
        let package = self
            .packages
            .get(&id)
            .ok_or_else(|| Refusal::not_found(format!("{id} numaralı paket bulunamadı.")))?
            .clone();
        let current = package.status.clone().unwrap_or(PackageStatus::Created);
        if !matches!(
            current,
            PackageStatus::Created | PackageStatus::Picking | PackageStatus::Invoiced
        ) {
            return Err(Refusal::bad_request(format!(
                "{current} statüsündeki paket için tedarik edememe bildirilemez."
            )));
        }
        check_lines(&package, lines)?;
        let mut remaining = package.lines.clone();
        for (line_id, qty) in lines {
            if let Some(line) = remaining.iter_mut().find(|l| &l.line_id == line_id) {
                line.quantity = Some(line.quantity.unwrap_or(0).saturating_sub(*qty));
            }
        }
        remaining.retain(|l| l.quantity.unwrap_or(0) > 0);
        let mut changed = Vec::new();
        if let Some(old) = self.set_status(id, PackageStatus::UnSupplied) {
            changed.push(old);
        }
        if !remaining.is_empty() {
            let new_id = self.next_package_id;
            self.next_package_id += 1;
            let at = self.stamp();
            let mut fresh = package;
            fresh.shipment_package_id = Id::from(new_id);
            fresh.lines = remaining;
            fresh.created_by = Some("cancel".into());
            fresh.origin_package_ids = vec![Id::from(id)];
            fresh.last_modified_date = Some(at);
            fresh.package_histories.push(PackageHistory {
                created_date: Some(at),
                status: fresh.status.clone(),
            });
            recompute_totals(&mut fresh);
            self.packages.insert(new_id, fresh.clone());
            changed.push(fresh);
        }
        Ok(changed)
    }

    /// The active webhooks subscribed to `status`.
    pub(crate) fn hooks_for(&self, status: &PackageStatus) -> Vec<HookEntry> {
        let event = webhook_status(status);
        self.hooks
            .iter()
            .filter(|h| h.hook.status == Some(WebhookState::Active))
            .filter(|h| {
                h.hook.subscribed_statuses.is_empty()
                    || event
                        .as_ref()
                        .is_some_and(|e| h.hook.subscribed_statuses.contains(e))
            })
            .cloned()
            .collect()
    }

    // ---- products and batches ------------------------------------------------------------

    /// Whether `id` is a leaf category.
    pub(crate) fn is_leaf_category(&self, id: i64) -> bool {
        self.categories
            .iter()
            .flat_map(Category::walk)
            .any(|c| c.id == id && c.is_leaf())
    }

    /// Queue a batch that finishes `delay` from now.
    pub(crate) fn queue_batch(
        &mut self,
        kind: BatchRequestType,
        payload: BatchPayload,
        item_count: usize,
        delay: Duration,
    ) -> String {
        let now = Utc::now();
        let id = format!("{}-{}", uuid::Uuid::new_v4(), now.timestamp());
        self.batches.insert(
            id.clone(),
            BatchEntry {
                id: id.clone(),
                kind,
                created: now,
                ready_at: Instant::now() + delay,
                item_count: u32::try_from(item_count).unwrap_or(u32::MAX),
                payload,
                items: None,
                finished: None,
            },
        );
        self.batch_order.push(id.clone());
        id
    }

    /// Process every batch whose delay has passed, in the order they arrived.
    pub(crate) fn settle(&mut self, now: Instant) {
        let due: Vec<String> = self
            .batch_order
            .iter()
            .filter(|id| {
                self.batches
                    .get(*id)
                    .is_some_and(|b| b.items.is_none() && b.ready_at <= now)
            })
            .cloned()
            .collect();
        for id in due {
            let Some(payload) = self.batches.get(&id).map(|b| b.payload.clone()) else {
                continue;
            };
            let items = match payload {
                BatchPayload::Create(items) => items.iter().map(|i| self.apply_create(i)).collect(),
                BatchPayload::Inventory(items, at) => {
                    items.iter().map(|i| self.apply_inventory(i, at)).collect()
                }
                BatchPayload::Archive(items) => {
                    items.iter().map(|i| self.apply_archive(i)).collect()
                }
                BatchPayload::Content(items) => {
                    items.iter().map(|i| self.apply_content(i)).collect()
                }
            };
            let finished = Utc::now();
            if let Some(batch) = self.batches.get_mut(&id) {
                batch.items = Some(items);
                batch.finished = Some(finished);
            }
        }
    }

    fn apply_create(&mut self, item: &ProductCreateItem) -> BatchItem {
        let mut reasons = Vec::new();
        if !self.brands.iter().any(|b| b.id == item.brand_id) {
            reasons.push(format!(
                "Marka bulunamadı: brandId {} geçerli bir marka değil.",
                item.brand_id
            ));
        }
        if !self.is_leaf_category(item.category_id) {
            reasons.push(format!(
                "Kategori bulunamadı: categoryId {} bir alt (yaprak) kategori değil.",
                item.category_id
            ));
        }
        if self.products.contains_key(&item.barcode) {
            reasons.push(format!("{} barkodlu ürün zaten mevcut.", item.barcode));
        }
        if item.list_price < item.sale_price {
            reasons.push("Liste fiyatı satış fiyatından küçük olamaz.".to_owned());
        }
        if reasons.is_empty() {
            let content_id = self
                .products
                .values()
                .find(|p| p.product_main_id == item.product_main_id)
                .map(|p| p.content_id)
                .unwrap_or_else(|| {
                    let id = self.next_content_id;
                    self.next_content_id += 1;
                    id
                });
            let now = Utc::now();
            let variant_id = 80_000_000 + self.products.len() as u64 + 1;
            self.products.insert(
                item.barcode.clone(),
                ProductRecord {
                    barcode: item.barcode.clone(),
                    content_id,
                    variant_id,
                    title: item.title.clone(),
                    product_main_id: item.product_main_id.clone(),
                    brand_id: item.brand_id,
                    category_id: item.category_id,
                    description: item.description.clone(),
                    stock_code: item.stock_code.clone(),
                    quantity: i64::from(item.quantity),
                    sale_price: item.sale_price,
                    list_price: item.list_price,
                    vat_rate: item.vat_rate,
                    images: item.images.clone(),
                    attributes: item.attributes.clone(),
                    archived: false,
                    created: now,
                    modified: now,
                    stock_modified: None,
                },
            );
        }
        BatchItem {
            request_item: BatchRequestItem {
                barcode: Some(item.barcode.clone()),
                product: Some(BatchProduct {
                    barcode: Some(item.barcode.clone()),
                    title: Some(item.title.clone()),
                    product_main_id: Some(item.product_main_id.clone()),
                    brand_id: Some(item.brand_id),
                    category_id: Some(item.category_id),
                    quantity: Some(i64::from(item.quantity)),
                    stock_code: item.stock_code.clone(),
                    dimensional_weight: item.dimensional_weight,
                    description: Some(item.description.clone()),
                    currency_type: item.currency_type.clone(),
                    list_price: Some(item.list_price),
                    sale_price: Some(item.sale_price),
                    vat_rate: Some(Decimal::from(item.vat_rate)),
                    images: item.images.clone(),
                    attributes: item.attributes.clone(),
                    cargo_company_id: item.cargo_company_id,
                    shipment_address_id: item.shipment_address_id,
                    returning_address_id: item.returning_address_id,
                    delivery_duration: item.delivery_duration,
                    delivery_option: item.delivery_option.clone(),
                    content_id: None,
                }),
                ..BatchRequestItem::default()
            },
            status: Some(outcome(&reasons)),
            failure_reasons: reasons,
            batch_request_log_id: None,
        }
    }

    fn apply_inventory(&mut self, item: &InventoryItem, at: DateTime<Utc>) -> BatchItem {
        let mut reasons = Vec::new();
        match self.products.get_mut(&item.barcode) {
            None => reasons.push(format!("{} barkodlu onaylı ürün bulunamadı.", item.barcode)),
            Some(p) => {
                let sale = item.sale_price.unwrap_or(p.sale_price);
                let list = item.list_price.unwrap_or(p.list_price);
                if item.quantity.is_some_and(|q| q > MAX_QUANTITY) {
                    reasons.push(format!("Stok en fazla {MAX_QUANTITY} olabilir."));
                } else if list < sale {
                    reasons.push("Liste fiyatı satış fiyatından küçük olamaz.".to_owned());
                } else {
                    if let Some(q) = item.quantity {
                        p.quantity = i64::from(q);
                        p.stock_modified = Some(Utc::now());
                    }
                    p.sale_price = sale;
                    p.list_price = list;
                    p.modified = Utc::now();
                }
            }
        }
        BatchItem {
            request_item: BatchRequestItem {
                barcode: Some(item.barcode.clone()),
                quantity: item.quantity.map(i64::from),
                sale_price: item.sale_price,
                list_price: item.list_price,
                update_request_date: Some(at),
                ..BatchRequestItem::default()
            },
            status: Some(outcome(&reasons)),
            failure_reasons: reasons,
            batch_request_log_id: None,
        }
    }

    fn apply_archive(&mut self, item: &ArchiveItem) -> BatchItem {
        let seller = self.seller_id;
        let reasons = match self.products.get_mut(&item.barcode) {
            None => vec![format!("{} barkodlu ürün bulunamadı.", item.barcode)],
            Some(p) => {
                p.archived = item.archived;
                p.modified = Utc::now();
                Vec::new()
            }
        };
        BatchItem {
            request_item: BatchRequestItem {
                barcode: Some(item.barcode.clone()),
                archived: Some(item.archived),
                supplier_id: Some(Id::from(seller)),
                ..BatchRequestItem::default()
            },
            status: Some(outcome(&reasons)),
            failure_reasons: reasons,
            batch_request_log_id: Some(uuid::Uuid::new_v4().to_string()),
        }
    }

    fn apply_content(&mut self, item: &ContentUpdateItem) -> BatchItem {
        let content_id = u64::try_from(item.content_id).unwrap_or_default();
        let now = Utc::now();
        let mut found = false;
        for p in self
            .products
            .values_mut()
            .filter(|p| p.content_id == content_id)
        {
            found = true;
            if let Some(title) = &item.title {
                p.title.clone_from(title);
            }
            if let Some(description) = &item.description {
                p.description.clone_from(description);
            }
            if let Some(images) = &item.images {
                p.images.clone_from(images);
            }
            if let Some(attributes) = &item.attributes {
                p.attributes.clone_from(attributes);
            }
            p.modified = now;
        }
        let reasons = if found {
            Vec::new()
        } else {
            vec![format!(
                "{} contentId'li onaylı ürün bulunamadı.",
                item.content_id
            )]
        };
        BatchItem {
            request_item: BatchRequestItem {
                content_id: Some(Id::from(content_id)),
                product: Some(BatchProduct {
                    title: item.title.clone(),
                    description: item.description.clone(),
                    images: item.images.clone().unwrap_or_default(),
                    attributes: item.attributes.clone().unwrap_or_default(),
                    content_id: Some(Id::from(content_id)),
                    ..BatchProduct::default()
                }),
                ..BatchRequestItem::default()
            },
            status: Some(outcome(&reasons)),
            failure_reasons: reasons,
            batch_request_log_id: None,
        }
    }

    /// A batch as getBatchRequestResult shows it.
    pub(crate) fn batch_result(&self, id: &str) -> Option<BatchRequestResult> {
        let b = self.batches.get(id)?;
        let inventory = b.kind == BatchRequestType::ProductInventoryUpdate;
        let (status, items, failed) = match &b.items {
            None => (Some(BatchStatus::InProgress), Vec::new(), 0),
            Some(items) => {
                let failed = items
                    .iter()
                    .filter(|i| i.status == Some(BatchItemStatus::Failed))
                    .count();
                (
                    Some(BatchStatus::Completed),
                    items.clone(),
                    u32::try_from(failed).unwrap_or(u32::MAX),
                )
            }
        };
        Some(BatchRequestResult {
            batch_request_id: b.id.clone(),
            // Stock & price batches never carry a batch status (§4.5).
            status: if inventory { None } else { status },
            creation_date: Some(b.created),
            last_modification: Some(b.finished.unwrap_or(b.created)),
            source_type: Some("API".into()),
            item_count: Some(b.item_count),
            failed_item_count: Some(failed),
            batch_request_type: Some(b.kind.clone()),
            items,
            notes: None,
        })
    }

    fn brand_ref(&self, id: i64) -> NamedRef {
        NamedRef {
            id: Some(id),
            name: self
                .brands
                .iter()
                .find(|b| b.id == id)
                .map(|b| b.name.clone()),
        }
    }

    fn category_ref(&self, id: i64) -> NamedRef {
        NamedRef {
            id: Some(id),
            name: self
                .categories
                .iter()
                .flat_map(Category::walk)
                .find(|c| c.id == id)
                .map(|c| c.name.clone()),
        }
    }

    /// Approved contents (grouped by content id), filtered by `keep`.
    pub(crate) fn approved_products(
        &self,
        keep: impl Fn(&ProductRecord) -> bool,
    ) -> Vec<ApprovedProduct> {
        let mut contents: BTreeMap<u64, ApprovedProduct> = BTreeMap::new();
        for p in self.products.values().filter(|p| keep(p)) {
            let entry = contents
                .entry(p.content_id)
                .or_insert_with(|| ApprovedProduct {
                    content_id: Id::from(p.content_id),
                    product_main_id: Some(p.product_main_id.clone()),
                    brand: Some(self.brand_ref(p.brand_id)),
                    category: Some(self.category_ref(p.category_id)),
                    creation_date: Some(p.created),
                    last_modified_date: Some(p.modified),
                    last_modified_by: Some("SellerIntegrationApi".into()),
                    title: Some(p.title.clone()),
                    description: Some(p.description.clone()),
                    images: p.images.clone(),
                    attributes: p.attributes.clone(),
                    variants: Vec::new(),
                });
            entry.variants.push(ApprovedVariant {
                variant_id: Some(Id::from(p.variant_id)),
                supplier_id: Some(Id::from(self.seller_id)),
                barcode: p.barcode.clone(),
                commission: Some(Decimal::new(15, 0)),
                attributes: Vec::new(),
                product_url: Some(format!(
                    "https://www.trendyol.com/sandbox/p-{}?merchantId={}",
                    p.content_id, self.seller_id
                )),
                on_sale: Some(!p.archived && p.quantity > 0),
                channels: vec!["CORE".into()],
                delivery_option: None,
                stock: Some(VariantStock {
                    quantity: Some(p.quantity),
                    last_modified_date: p.stock_modified,
                }),
                price: Some(VariantPrice {
                    sale_price: Some(p.sale_price),
                    list_price: Some(p.list_price),
                    price_seen_by_customer: Some(p.sale_price),
                }),
                stock_code: p.stock_code.clone(),
                origin: Some("TR".into()),
                vat_rate: Some(Decimal::from(p.vat_rate)),
                seller_created_date: Some(p.created),
                seller_modified_date: Some(p.modified),
                locked: Some(false),
                lock_reason: None,
                lock_date: None,
                archived: Some(p.archived),
                archived_date: None,
                doc_needed: Some(false),
                has_violation: Some(false),
                blacklisted: Some(false),
            });
        }
        contents.into_values().collect()
    }

    /// Stock and prices (grouped by content id), filtered by `keep`.
    pub(crate) fn inventory_and_prices(
        &self,
        keep: impl Fn(&ProductRecord) -> bool,
    ) -> Vec<InventoryAndPrice> {
        let mut contents: BTreeMap<u64, InventoryAndPrice> = BTreeMap::new();
        for p in self.products.values().filter(|p| keep(p)) {
            contents
                .entry(p.content_id)
                .or_insert_with(|| InventoryAndPrice {
                    content_id: Some(Id::from(p.content_id)),
                    product_main_id: Some(p.product_main_id.clone()),
                    variants: Vec::new(),
                })
                .variants
                .push(InventoryAndPriceVariant {
                    variant_id: Some(Id::from(p.variant_id)),
                    barcode: p.barcode.clone(),
                    sale_price: Some(p.sale_price),
                    list_price: Some(p.list_price),
                    quantity: Some(p.quantity),
                    stock_code: p.stock_code.clone(),
                    stock_last_modified_date: p.stock_modified,
                });
        }
        contents.into_values().collect()
    }

    /// Forget stock & price bodies older than the 15-minute window; whether `body` was
    /// seen inside it (then it is refused), else remember it.
    pub(crate) fn repeated_inventory_body(&mut self, body: &str, now: Instant) -> bool {
        self.recent_inventory_bodies
            .retain(|(_, at)| now.duration_since(*at) < IDENTICAL_BODY_WINDOW);
        if self.recent_inventory_bodies.iter().any(|(b, _)| b == body) {
            return true;
        }
        self.recent_inventory_bodies.push((body.to_owned(), now));
        false
    }

    // ---- rate limit ------------------------------------------------------------------------

    /// Count a request against a fixed window of `limit` per `per`; `Some(wait)` when over.
    pub(crate) fn over_rate_limit(
        &mut self,
        limit: u32,
        per: Duration,
        now: Instant,
    ) -> Option<Duration> {
        let (start, count) = match self.rate_window {
            Some((start, count)) if now.duration_since(start) < per => (start, count),
            _ => (now, 0),
        };
        if count >= limit {
            self.rate_window = Some((start, count));
            Some(per.saturating_sub(now.duration_since(start)))
        } else {
            self.rate_window = Some((start, count + 1));
            None
        }
    }
}

fn outcome(reasons: &[String]) -> BatchItemStatus {
    if reasons.is_empty() {
        BatchItemStatus::Success
    } else {
        BatchItemStatus::Failed
    }
}

fn illegal(from: &PackageStatus, to: &PackageStatus) -> Refusal {
    Refusal::bad_request(format!(
        "Paket {from} statüsünde olduğu için {to} statüsüne güncellenemez."
    ))
}

fn check_lines(package: &ShipmentPackage, lines: &[(Id, u32)]) -> Result<(), Refusal> {
    if lines.is_empty() {
        return Err(Refusal::bad_request("lines boş olamaz."));
    }
    for (line_id, qty) in lines {
        let Some(line) = package.lines.iter().find(|l| &l.line_id == line_id) else {
            return Err(Refusal::bad_request(format!(
                "{line_id} numaralı satır {} numaralı pakete ait değil.",
                package.shipment_package_id
            )));
        };
        if *qty == 0 || *qty > line.quantity.unwrap_or(0) {
            return Err(Refusal::bad_request(format!(
                "{line_id} numaralı satır için geçersiz adet: {qty}."
            )));
        }
    }
    Ok(())
}

/// Package totals from its lines.
pub(crate) fn recompute_totals(package: &mut ShipmentPackage) {
    let gross: Decimal = package
        .lines
        .iter()
        .map(|l| l.line_unit_price.unwrap_or_default() * Decimal::from(l.quantity.unwrap_or(0)))
        .sum();
    for line in &mut package.lines {
        line.line_gross_amount = Some(
            line.line_unit_price.unwrap_or_default() * Decimal::from(line.quantity.unwrap_or(0)),
        );
    }
    package.package_gross_amount = Some(gross);
    package.package_total_price = Some(gross);
}

/// The webhook vocabulary (UPPER_SNAKE) for a package status.
pub(crate) fn webhook_status(status: &PackageStatus) -> Option<WebhookEventStatus> {
    Some(match status {
        PackageStatus::Awaiting => WebhookEventStatus::Awaiting,
        PackageStatus::Created => WebhookEventStatus::Created,
        PackageStatus::Picking => WebhookEventStatus::Picking,
        PackageStatus::Invoiced => WebhookEventStatus::Invoiced,
        PackageStatus::Shipped => WebhookEventStatus::Shipped,
        PackageStatus::Cancelled => WebhookEventStatus::Cancelled,
        PackageStatus::Delivered => WebhookEventStatus::Delivered,
        PackageStatus::UnDelivered => WebhookEventStatus::UnDelivered,
        PackageStatus::Returned => WebhookEventStatus::Returned,
        PackageStatus::AtCollectionPoint => WebhookEventStatus::AtCollectionPoint,
        PackageStatus::UnPacked => WebhookEventStatus::UnPacked,
        PackageStatus::UnSupplied => WebhookEventStatus::UnSupplied,
        PackageStatus::Verified => WebhookEventStatus::Verified,
        _ => return None,
    })
}

/// `days` before now.
pub(crate) fn days_ago(days: i64) -> DateTime<Utc> {
    Utc::now() - TimeDelta::days(days)
}
