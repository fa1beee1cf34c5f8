//! The integrator flows behind the `products`, `inventory_sync`, `claims` and `questions`
//! examples. Each returns a summary that the example prints and `tests/flows.rs` asserts,
//! so what you run and what is tested is the same code.
//!
//! Every flow takes already-built clients, so it runs unchanged against the sandboxes and
//! against the real marketplaces (the examples refuse to write to a real account unless
//! `EXAMPLES_LIVE_WRITES=1`, see [`guard_live_writes`]).

use std::time::Duration;

use chrono::Utc;
use futures::TryStreamExt;
use marketplace_core::batch::BatchPoller;
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::{
    BatchHandle, BatchOutcome, Claim, ClaimQuery, ClaimRejection, ClaimStatus, ItemOutcome,
    MarketplaceId, Question, QuestionQuery, StockPrice,
};
use marketplace_core::{Error, Marketplace, Result};
use rust_decimal::Decimal;
use trendyol_sdk::model::product::{
    ArchiveItem, Brand, Category, ContentUpdateItem, Image, ProductAttribute, ProductCreateItem,
};

use crate::BoxError;

/// Environment variable that allows the write examples to change a real account.
pub const LIVE_WRITES_VAR: &str = "EXAMPLES_LIVE_WRITES";

/// Refuse to run a writing example against a real account unless
/// `EXAMPLES_LIVE_WRITES=1`: these examples create products, change stock and decide
/// returns, which is fine in a sandbox and a surprise on a real shop.
pub fn guard_live_writes(any_live: bool) -> std::result::Result<(), BoxError> {
    if !any_live || std::env::var(LIVE_WRITES_VAR).is_ok_and(|v| v == "1") {
        return Ok(());
    }
    Err(format!(
        "real credentials found: this example writes (products, stock, claims, answers). \
         Set {LIVE_WRITES_VAR}=1 to run it against your real account, or unset the \
         credentials to use the sandbox"
    )
    .into())
}

/// A batch poller for the examples: quick first polls (sandbox batches finish in
/// milliseconds), capped at 10 s between polls, giving up after 5 minutes.
pub fn poller() -> BatchPoller {
    BatchPoller::new()
        .initial_interval(Duration::from_millis(100))
        .max_interval(Duration::from_secs(10))
        .deadline(Duration::from_secs(300))
}

// =======================================================================================
// products
// =======================================================================================

/// What the catalogue lookup found: a leaf category, its attributes, a brand.
#[derive(Debug, Clone)]
pub struct CatalogLookup {
    /// Leaf categories in the tree.
    pub leaf_count: usize,
    /// The chosen leaf category's id.
    pub category_id: i64,
    /// Its path from the root, e.g. `Giyim > Tişört`.
    pub category_path: String,
    /// Its attributes: `(id, name, required, allows a free-text value)`.
    pub attributes: Vec<(i64, String, bool, bool)>,
    /// The brand found by name.
    pub brand: Brand,
}

/// Category tree → first leaf → its attributes; brand by exact name.
pub async fn lookup_catalog(
    client: &trendyol_sdk::Client,
    brand_name: &str,
) -> Result<CatalogLookup> {
    let products = client.products();
    let tree = products.category_tree(None).await?;
    let leaf_count = tree.leaves().len();
    let (path, leaf) = tree
        .categories
        .iter()
        .find_map(|root| first_leaf(root, Vec::new()))
        .ok_or_else(|| Error::invalid_input("category", "the category tree has no leaf"))?;
    let attributes = products
        .category_attributes(leaf.id, None)
        .await?
        .category_attributes
        .into_iter()
        .map(|a| {
            (
                a.attribute.id,
                a.attribute.name.unwrap_or_default(),
                a.required.unwrap_or(false),
                a.allow_custom.unwrap_or(false),
            )
        })
        .collect();
    let brand = products
        .brands_by_name(brand_name)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::invalid_input("brand", format!("no brand named {brand_name:?}")))?;
    Ok(CatalogLookup {
        leaf_count,
        category_id: leaf.id,
        category_path: path.join(" > "),
        attributes,
        brand,
    })
}

fn first_leaf<'a>(c: &'a Category, mut path: Vec<&'a str>) -> Option<(Vec<&'a str>, &'a Category)> {
    path.push(&c.name);
    if c.is_leaf() {
        return Some((path, c));
    }
    c.sub_categories
        .iter()
        .find_map(|child| first_leaf(child, path.clone()))
}

/// Two create items: one valid for `lookup`, and one with an unknown brand and a non-leaf
/// category (Trendyol accepts the request and fails that item in the batch).
pub fn demo_products(lookup: &CatalogLookup, barcode_prefix: &str) -> Vec<ProductCreateItem> {
    let attributes: Vec<ProductAttribute> = lookup
        .attributes
        .iter()
        .filter(|(_, _, required, custom)| *required && *custom)
        .map(|(id, name, _, _)| {
            let value = match name.as_str() {
                "Renk" => "Lacivert",
                "Beden" => "M",
                _ => "Standart",
            };
            ProductAttribute::custom(*id, value)
        })
        .collect();
    let item = |suffix: &str, title: &str, brand_id: i64, category_id: i64| ProductCreateItem {
        barcode: format!("{barcode_prefix}{suffix}"),
        title: title.to_owned(),
        product_main_id: format!("{barcode_prefix}-MODEL"),
        brand_id,
        category_id,
        quantity: 40,
        stock_code: Some(format!("STK-{barcode_prefix}{suffix}")),
        description: format!("{title}. %100 pamuk, Türkiye'de üretilmiştir."),
        currency_type: Some("TRY".into()),
        list_price: Decimal::new(39_990, 2),
        sale_price: Decimal::new(29_990, 2),
        vat_rate: 20,
        images: vec![Image::new(format!(
            "https://cdn.example.com/urun/{barcode_prefix}{suffix}.jpg"
        ))],
        attributes: attributes.clone(),
        ..ProductCreateItem::default()
    };
    vec![
        item(
            "01",
            "Basic Pamuklu Tişört Lacivert",
            lookup.brand.id,
            lookup.category_id,
        ),
        // Unknown brand, and a category that is not a leaf.
        item("02", "Oversize Tişört Bej", 999_999_999, 1),
    ]
}

/// What the products flow did.
#[derive(Debug, Clone)]
pub struct ProductsSummary {
    /// The catalogue lookup.
    pub lookup: CatalogLookup,
    /// The create batch: one item per product, failures with Trendyol's reasons.
    pub created: BatchOutcome,
    /// The content id Trendyol gave the product that was created.
    pub content_id: Option<i64>,
    /// The content update batch (the new product plus an unknown content id).
    pub content_update: Option<BatchOutcome>,
    /// The archive batch for the new product.
    pub archived: Option<BatchOutcome>,
}

/// Look up the catalogue, create two products (one invalid) and wait for the batch, update
/// the new product's content in bulk (with one unknown content id), then archive it.
pub async fn products_flow(
    client: &trendyol_sdk::Client,
    brand_name: &str,
    barcode_prefix: &str,
    poller: &BatchPoller,
) -> Result<ProductsSummary> {
    let lookup = lookup_catalog(client, brand_name).await?;
    let products = client.products();
    let items = demo_products(&lookup, barcode_prefix);
    let batch = products.create(&items).await?;
    let created = products
        .wait_batch(&batch.batch_request_id, poller)
        .await?
        .outcome();

    let mut summary = ProductsSummary {
        lookup,
        created,
        content_id: None,
        content_update: None,
        archived: None,
    };
    let Some(ok) = summary.created.succeeded().next().map(|i| i.key.clone()) else {
        return Ok(summary);
    };
    let content_id = products
        .product_base(&ok)
        .await?
        .content_id
        .and_then(|id| id.as_str().parse::<i64>().ok());
    summary.content_id = content_id;

    if let Some(content_id) = content_id {
        let update = [
            ContentUpdateItem {
                content_id,
                title: Some("Basic Pamuklu Tişört Lacivert — Yeni Sezon".into()),
                description: Some("Yeni sezon: %100 organik pamuk, ön yıkamalı, çekmez.".into()),
                ..ContentUpdateItem::default()
            },
            ContentUpdateItem {
                content_id: 404_404_404,
                title: Some("Silinmiş bir ürün".into()),
                ..ContentUpdateItem::default()
            },
        ];
        let batch = products.update_content(&update).await?;
        summary.content_update = Some(
            products
                .wait_batch(&batch.batch_request_id, poller)
                .await?
                .outcome(),
        );
    }

    let batch = products.archive(&[ArchiveItem::archive(&ok)]).await?;
    summary.archived = Some(
        products
            .wait_batch(&batch.batch_request_id, poller)
            .await?
            .outcome(),
    );
    Ok(summary)
}

/// A barcode prefix unique to this run (Trendyol refuses a barcode twice).
pub fn run_prefix() -> String {
    format!("DEMO{}", Utc::now().timestamp())
}

// =======================================================================================
// inventory
// =======================================================================================

/// What an inventory sync did.
#[derive(Debug, Clone)]
pub struct InventorySummary {
    /// Where it was sent.
    pub marketplace: MarketplaceId,
    /// Updates the shop produced (given to the coalescer).
    pub requested: u64,
    /// Items that went on the wire after coalescing.
    pub sent_items: usize,
    /// Requests (batches) sent.
    pub requests: usize,
    /// The value sent for the SKU that was updated ten times.
    pub hot_sku_sent: Option<StockPrice>,
    /// Per-item results of every batch, after waiting for them.
    pub outcomes: Vec<BatchOutcome>,
}

impl InventorySummary {
    /// Items the marketplace applied.
    pub fn succeeded(&self) -> usize {
        self.outcomes.iter().map(|o| o.succeeded().count()).sum()
    }

    /// Items the marketplace refused, with its reasons.
    pub fn failed(&self) -> Vec<&ItemOutcome> {
        self.outcomes
            .iter()
            .flat_map(BatchOutcome::failed)
            .collect()
    }
}

/// The updates a shop makes in a busy minute: `hot` sold ten times (stock 10 → 1, the last
/// one also repriced), and a stock count for every SKU of `others`.
pub fn busy_minute(hot: &str, others: &[String]) -> Vec<StockPrice> {
    let mut updates: Vec<StockPrice> = (1..=10u32)
        .map(|n| StockPrice::new(hot).quantity(11 - n))
        .collect();
    if let Some(last) = updates.last_mut() {
        *last = last.clone().sale_price(Decimal::new(27_990, 2));
    }
    updates.extend(
        others
            .iter()
            .zip((5..25u32).cycle())
            .map(|(sku, quantity)| StockPrice::new(sku).quantity(quantity)),
    );
    updates
}

/// Trendyol: coalesce `updates`, push them in chunks of 1,000 with
/// `inventory().push_coalesced`, wait for every batch.
pub async fn trendyol_inventory_sync(
    client: &trendyol_sdk::Client,
    updates: &[StockPrice],
    hot: &str,
    poller: &BatchPoller,
) -> Result<InventorySummary> {
    let mut coalescer = StockPriceCoalescer::new();
    coalescer.extend(updates.iter().cloned());
    let report = client.inventory().push_coalesced(&mut coalescer).await;
    if let Some(err) = report.errors.into_iter().next() {
        return Err(err);
    }
    let mut outcomes = Vec::new();
    for id in &report.batch_request_ids {
        outcomes.push(client.products().wait_batch(id, poller).await?.outcome());
    }
    Ok(InventorySummary {
        marketplace: MarketplaceId::Trendyol,
        requested: coalescer.stats().requested,
        sent_items: report.sent_items,
        requests: report.batch_request_ids.len(),
        hot_sku_sent: coalescer.last_sent(hot),
        outcomes,
    })
}

/// Any marketplace through the unified `update_stock_prices` (which coalesces and chunks
/// to the marketplace's limit), then `wait_batch` on every handle.
pub async fn unified_inventory_sync(
    marketplace: &dyn Marketplace,
    updates: &[StockPrice],
    hot: &str,
    poller: &BatchPoller,
) -> Result<InventorySummary> {
    // The same coalescing the adapter does, only to report what goes on the wire.
    let mut preview = StockPriceCoalescer::new();
    preview.extend(updates.iter().cloned());
    let items: Vec<StockPrice> = preview
        .drain_chunks(usize::MAX)
        .into_iter()
        .flatten()
        .collect();
    let handles: Vec<BatchHandle> = marketplace.update_stock_prices(updates).await?;
    let mut outcomes = Vec::new();
    for handle in &handles {
        outcomes.push(marketplace.wait_batch(handle, poller).await?);
    }
    Ok(InventorySummary {
        marketplace: marketplace.id(),
        requested: updates.len() as u64,
        sent_items: items.len(),
        requests: handles.len(),
        hot_sku_sent: items.into_iter().find(|i| i.sku == hot),
        outcomes,
    })
}

/// Up to `limit` barcodes of the seller's approved Trendyol products (one per variant).
pub async fn trendyol_barcodes(client: &trendyol_sdk::Client, limit: usize) -> Result<Vec<String>> {
    let query = trendyol_sdk::model::product::ApprovedProductQuery::default();
    let products = client.products();
    let mut stream = std::pin::pin!(products.approved_stream(&query));
    let mut barcodes = Vec::new();
    while let Some(product) = stream.try_next().await? {
        barcodes.extend(product.variants.into_iter().map(|v| v.barcode));
        if barcodes.len() >= limit {
            barcodes.truncate(limit);
            break;
        }
    }
    Ok(barcodes)
}

/// Up to `limit` SKUs of a marketplace's products, through the unified `products` stream.
pub async fn unified_skus(marketplace: &dyn Marketplace, limit: usize) -> Result<Vec<String>> {
    let mut stream = marketplace.products(&marketplace_core::model::ProductQuery::default());
    let mut skus = Vec::new();
    while let Some(product) = stream.try_next().await? {
        skus.push(product.sku);
        if skus.len() >= limit {
            break;
        }
    }
    Ok(skus)
}

/// Sandbox only: create `count` products on Trendyol (via createProducts, 1,000 per
/// request) so a stock sync has SKUs to update; returns their barcodes.
pub async fn seed_trendyol_skus(
    client: &trendyol_sdk::Client,
    count: usize,
    poller: &BatchPoller,
) -> Result<Vec<String>> {
    let lookup = lookup_catalog(client, "Ege Spor").await?;
    let template = demo_products(&lookup, "SEED").remove(0);
    let items: Vec<ProductCreateItem> = (0..count)
        .map(|i| ProductCreateItem {
            barcode: format!("86809{i:08}"),
            product_main_id: format!("SEED-{}", i / 4),
            title: format!("Basic Tişört #{i}"),
            stock_code: None,
            ..template.clone()
        })
        .collect();
    let mut barcodes = Vec::with_capacity(count);
    for chunk in items.chunks(trendyol_sdk::api::products::MAX_ITEMS) {
        let batch = client.products().create(chunk).await?;
        let outcome = client
            .products()
            .wait_batch(&batch.batch_request_id, poller)
            .await?
            .outcome();
        barcodes.extend(outcome.succeeded().map(|i| i.key.clone()));
    }
    Ok(barcodes)
}

// =======================================================================================
// claims
// =======================================================================================

/// How a marketplace's claim gets rejected.
pub enum Rejecter<'a> {
    /// Through the unified `reject_claim`.
    Unified(ClaimRejection),
    /// Pazarama with evidence photos (`reject_refund_with_documents`).
    PazaramaWithPhotos(
        &'a pazarama_sdk::Client,
        ClaimRejection,
        Vec<pazarama_sdk::model::DocumentObject>,
    ),
}

impl Rejecter<'_> {
    /// The reason sent.
    pub fn rejection(&self) -> &ClaimRejection {
        match self {
            Rejecter::Unified(r) | Rejecter::PazaramaWithPhotos(_, r, _) => r,
        }
    }

    async fn reject(&self, marketplace: &dyn Marketplace, claim: &Claim) -> Result<()> {
        match self {
            Rejecter::Unified(r) => marketplace.reject_claim(claim, &[], r).await,
            Rejecter::PazaramaWithPhotos(client, r, photos) => {
                pazarama_sdk::adapter::reject_refund_with_documents(
                    client,
                    claim,
                    &[],
                    r,
                    photos.clone(),
                )
                .await
            }
        }
    }
}

/// Trendyol: reason 451 "the returned item did not arrive" (needs no evidence files).
pub fn trendyol_rejecter() -> Rejecter<'static> {
    Rejecter::Unified(
        trendyol_sdk::adapter::ClaimRejectReason::ReturnNotReceived
            .rejection("Kargo takip numarasına göre iade paketi depomuza ulaşmadı."),
    )
}

/// Pazarama: "the product was used", with a photo of it.
pub fn pazarama_rejecter(client: &pazarama_sdk::Client) -> Rejecter<'_> {
    let rejection = pazarama_sdk::adapter::RefundRejection::new(
        pazarama_sdk::model::RefundRejectType::Used,
        "Ürün kullanılmış ve etiketi sökülmüş olarak geldi; fotoğraf ektedir.",
    );
    Rejecter::PazaramaWithPhotos(
        client,
        rejection.into(),
        vec![pazarama_sdk::model::DocumentObject::new(
            "iade-urun.png",
            TINY_PNG.to_vec(),
        )],
    )
}

/// Giyim Moda: "the product was used".
pub fn giyimmoda_rejecter() -> Rejecter<'static> {
    Rejecter::Unified(
        giyimmoda_sdk::adapter::RefundRejectReason::Used
            .rejection("Ürün kullanılmış ve etiketi sökülmüş olarak geldi."),
    )
}

/// A 1×1 PNG, standing in for the photo of a returned item.
pub const TINY_PNG: [u8; 68] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// What the claims flow did on one marketplace.
#[derive(Debug)]
pub struct ClaimsSummary {
    /// Where.
    pub marketplace: MarketplaceId,
    /// Every claim listed: `(id, order number, status)`.
    pub listed: Vec<(String, String, ClaimStatus)>,
    /// The approved claim as re-read afterwards.
    pub approved: Option<Claim>,
    /// The rejected claim as re-read afterwards, with the reason sent.
    pub rejected: Option<(Claim, ClaimRejection)>,
    /// What approving the rejected claim answered (an [`Error::InvalidTransition`],
    /// nothing sent).
    pub illegal_move: Option<Error>,
}

/// List the claims, approve the first one waiting for the seller, reject the second with
/// `rejecter`, then try to approve the rejected one.
pub async fn claims_flow(
    marketplace: &dyn Marketplace,
    rejecter: &Rejecter<'_>,
) -> Result<ClaimsSummary> {
    let claims: Vec<Claim> = marketplace
        .claims(&ClaimQuery::default())
        .try_collect()
        .await?;
    let mut summary = ClaimsSummary {
        marketplace: marketplace.id(),
        listed: claims
            .iter()
            .map(|c| (c.id.clone(), c.order_number.clone(), c.status.clone()))
            .collect(),
        approved: None,
        rejected: None,
        illegal_move: None,
    };
    let mut waiting = claims.iter().filter(|c| c.status.awaits_seller());
    if let Some(claim) = waiting.next() {
        marketplace.approve_claim(claim, &[]).await?;
        summary.approved = Some(marketplace.claim(&claim.id).await?);
    }
    if let Some(claim) = waiting.next() {
        rejecter.reject(marketplace, claim).await?;
        let rejected = marketplace.claim(&claim.id).await?;
        summary.illegal_move = try_illegal_approval(marketplace, &rejected).await;
        summary.rejected = Some((rejected, rejecter.rejection().clone()));
    }
    Ok(summary)
}

/// Approve an already decided claim: the state machine refuses before anything is sent.
/// Returns the error (`None` if the marketplace accepted, which would be a bug).
pub async fn try_illegal_approval(marketplace: &dyn Marketplace, claim: &Claim) -> Option<Error> {
    marketplace.approve_claim(claim, &[]).await.err()
}

// =======================================================================================
// questions
// =======================================================================================

/// One answered question.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The question as it was before answering.
    pub question: Question,
    /// The answer sent.
    pub answer: String,
}

/// The reply template: a greeting, the product name when known, and a sign-off. Between
/// 10 and 2,000 characters (Trendyol's rule).
pub fn template_answer(question: &Question) -> String {
    let product = question
        .product_name
        .as_deref()
        .map_or_else(String::new, |p| format!(" {p} hakkındaki"));
    format!(
        "Merhaba, ürünümüzle ilgilendiğiniz için teşekkür ederiz.{product} sorunuzu ilgili \
         ekibimize ilettik; ürün açıklamasındaki beden tablosu ve kumaş bilgisi günceldir. \
         İyi alışverişler dileriz!"
    )
}

/// Answer every question waiting for an answer on `marketplace` with
/// [`template_answer`].
pub async fn answer_waiting_questions(marketplace: &dyn Marketplace) -> Result<Vec<Answered>> {
    let waiting: Vec<Question> = marketplace
        .questions(&QuestionQuery::unanswered())
        .try_collect()
        .await?;
    let mut answered = Vec::with_capacity(waiting.len());
    for question in waiting {
        let answer = template_answer(&question);
        marketplace.answer_question(&question, &answer).await?;
        answered.push(Answered { question, answer });
    }
    Ok(answered)
}

/// Shorten `text` to `max` characters with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars()
            .take(max.saturating_sub(1))
            .chain(['…'])
            .collect()
    }
}
