//! Products (reference §4): reference data, create, updates, reads, batch results,
//! archive / delete / unlock / buybox.
//!
//! Rate-limit groups (§1.5, from 14 September 2026): reads use `product-read`, writes
//! `product-write`. Product create is a POST that is **not** retried after it may have
//! reached the server (a retry could create a second batch); poll the batch instead.

use std::future::Future;

use futures::Stream;
use marketplace_core::batch::BatchPoller;
use marketplace_core::http::{Part, Request};
use marketplace_core::paging::{CursorPage, Page, PagingOptions, paginate, paginate_cursor};

use super::checks;
use crate::model::batch::BatchRequestResult;
use crate::model::product::{
    ApprovedProduct, ApprovedProductQuery, ArchiveItem, AttributeValue, AttributeValuePage,
    BarcodeItem, BatchRequestId, Brand, BrandList, BuyboxInfo, BuyboxRequest, BuyboxResponse,
    CargoProvider, CategoryAttributes, CategoryTree, ContentUpdateItem, CreateBrand, CreatedBrand,
    DeliveryInfoUpdateItem, InventoryAndPrice, InventoryAndPriceQuery, PAGE_NUMBER_CAP,
    ProductAttribute, ProductBase, ProductCreateItem, ProductPage, UnapprovedProduct,
    UnapprovedProductQuery, UnapprovedUpdateItem, UpdateAuditPage, UpdateAuditQuery, VAT_RATES,
    VariantUpdateItem,
};
use crate::{Client, Error, Result};

/// Rate-limit group of product reads (§1.5).
pub const PRODUCT_READ: &str = "product-read";
/// Rate-limit group of product writes (§1.5).
pub const PRODUCT_WRITE: &str = "product-write";

/// Most items per create / update / archive request.
pub const MAX_ITEMS: usize = 1000;

impl Client {
    /// Products: reference data, create, update, read, batch results (§4).
    pub fn products(&self) -> Products<'_> {
        Products {
            client: self,
            storefront: None,
            language: None,
        }
    }
}

/// The product endpoints. Get one with [`Client::products`].
#[derive(Debug, Clone)]
pub struct Products<'a> {
    client: &'a Client,
    storefront: Option<String>,
    language: Option<String>,
}

impl<'a> Products<'a> {
    /// Send `storefrontcode` (default `TR` on Trendyol's side) on the calls that take it:
    /// category tree, category attributes and values, update audits, cargo providers, and
    /// as `storeFrontCode` on create brand.
    #[must_use]
    pub fn storefront(mut self, code: impl Into<String>) -> Self {
        self.storefront = Some(code.into());
        self
    }

    /// Send `Accept-Language` (`tr`, `en`, `ro`, `ar`, `el`) on the category, attribute and
    /// update-audit reads. The TR storefront always answers in Turkish.
    #[must_use]
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    fn seller(&self) -> u64 {
        self.client.seller_id()
    }

    fn localized(&self, mut req: Request) -> Request {
        if let Some(code) = &self.storefront {
            req = req.header("storefrontcode", code);
        }
        if let Some(lang) = &self.language {
            req = req.header("accept-language", lang);
        }
        req
    }

    fn read(&self, template: &'static str) -> Request {
        Request::get(template)
            .path_param("sellerId", self.seller())
            .rate_group(PRODUCT_READ)
    }

    async fn write<B: serde::Serialize>(&self, req: Request, body: &B) -> Result<BatchRequestId> {
        let req = req
            .path_param("sellerId", self.seller())
            .json(body)
            .rate_group(PRODUCT_WRITE);
        self.client.transport().execute(req).await
    }

    // ---- §4.1 reference data -----------------------------------------------------------

    /// `getBrands`: one page (`size` below 1000 is ignored by Trendyol).
    pub async fn brands(&self, page: u32, size: u32) -> Result<BrandList> {
        let req = Request::get("/integration/product/brands")
            .query("page", page)
            .query("size", size)
            .rate_group(PRODUCT_READ);
        self.client.transport().execute(req).await
    }

    /// Every brand, page by page (1000 per page) until an empty page.
    pub fn brands_stream(&self) -> impl Stream<Item = Result<Brand>> + '_ {
        paginate(
            PagingOptions::default().concurrency(1),
            move |page| async move { Ok(Page::new(self.brands(page, 1000).await?.brands)) },
        )
    }

    /// `getBrandsByName` (case-sensitive exact name; answer is a bare array).
    pub async fn brands_by_name(&self, name: &str) -> Result<Vec<Brand>> {
        checks::text("name", name, 200)?;
        let req = Request::get("/integration/product/brands/by-name")
            .query("name", name)
            .rate_group(PRODUCT_READ);
        self.client.transport().execute(req).await
    }

    /// `createBrand`: multipart with `name` and 1–3 `images`.
    pub async fn create_brand(&self, brand: &CreateBrand) -> Result<CreatedBrand> {
        checks::text("name", &brand.name, 200)?;
        if brand.images.is_empty() || brand.images.len() > 3 {
            return Err(Error::invalid_input(
                "images",
                format!("1 to 3 images are required, got {}", brand.images.len()),
            ));
        }
        let mut parts = vec![Part::text("name", brand.name.clone())];
        parts.extend(brand.images.iter().map(|f| {
            Part::file(
                "images",
                f.file_name.clone(),
                f.mime.clone(),
                f.data.clone(),
            )
        }));
        let store = brand
            .store_front_code
            .as_deref()
            .or(self.storefront.as_deref())
            .unwrap_or("TR");
        let req = Request::post("/integration/product/sellers/{sellerId}/brands")
            .path_param("sellerId", self.seller())
            .header("storefrontcode", store)
            .multipart(parts)
            .rate_group(PRODUCT_WRITE);
        self.client.transport().execute(req).await
    }

    /// `getCategoryTree`, optionally filtered by a name matching any level.
    pub async fn category_tree(&self, name: Option<&str>) -> Result<CategoryTree> {
        let req = Request::get("/integration/product/product-categories")
            .query_opt("name", name)
            .rate_group(PRODUCT_READ);
        self.client.transport().execute(self.localized(req)).await
    }

    /// `getCategoryAttributes` (V2). `required`: `Some(true)` only required, `Some(false)`
    /// only optional, `None` all.
    pub async fn category_attributes(
        &self,
        category_id: i64,
        required: Option<bool>,
    ) -> Result<CategoryAttributes> {
        let req = Request::get("/integration/product/categories/{categoryId}/attributes")
            .path_param("categoryId", category_id)
            .query_opt("required", required)
            .rate_group(PRODUCT_READ);
        self.client.transport().execute(self.localized(req)).await
    }

    /// `getCategoryAttributeValues` (V2): one page (`size` ≤ 1000).
    pub async fn attribute_values(
        &self,
        category_id: i64,
        attribute_id: i64,
        page: u32,
        size: u32,
    ) -> Result<AttributeValuePage> {
        checks::page_size("size", Some(size), 1000)?;
        let req = Request::get(
            "/integration/product/categories/{categoryId}/attributes/{attributeId}/values",
        )
        .path_param("categoryId", category_id)
        .path_param("attributeId", attribute_id)
        .query("page", page)
        .query("size", size)
        .rate_group(PRODUCT_READ);
        self.client.transport().execute(self.localized(req)).await
    }

    /// Every value of an attribute, 1000 per page.
    pub fn attribute_values_stream(
        &self,
        category_id: i64,
        attribute_id: i64,
    ) -> impl Stream<Item = Result<AttributeValue>> + '_ {
        paginate(
            PagingOptions::default().concurrency(2),
            move |page| async move {
                let p = self
                    .attribute_values(category_id, attribute_id, page, 1000)
                    .await?;
                Ok(to_page(p.content, p.total_pages, p.total_elements))
            },
        )
    }

    /// `getCargoProviders` (codes for a product's `cargoProviders`).
    pub async fn cargo_providers(&self) -> Result<Vec<CargoProvider>> {
        let req = Request::get("/integration/product/lookup/cargo-providers");
        self.client.transport().execute(self.localized(req)).await
    }

    // ---- §4.2 create ---------------------------------------------------------------------

    /// `createProducts` V2: ≤ 1000 items, each checked for the required fields before
    /// sending. Asynchronous: read the result with [`Products::batch_result`] /
    /// [`Products::wait_batch`]. Never retried after it may have reached Trendyol.
    pub async fn create(&self, items: &[ProductCreateItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            validate_create(i, item)?;
        }
        let req = Request::post("/integration/product/sellers/{sellerId}/v2/products");
        self.write(req, &ItemsBody { items }).await
    }

    // ---- §4.3 updates ------------------------------------------------------------------

    /// `unapproved-bulk-update` (unapproved products, key `barcode`).
    pub async fn update_unapproved(
        &self,
        items: &[UnapprovedUpdateItem],
    ) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            let f = |name: &str| format!("items[{i}].{name}");
            barcode(&f("barcode"), &item.barcode)?;
            if let Some(t) = &item.title {
                checks::text(&f("title"), t, 100)?;
            }
            if let Some(d) = &item.description {
                checks::text(&f("description"), d, 30_000)?;
            }
            if let Some(v) = item.vat_rate {
                vat(&f("vatRate"), v)?;
            }
            if let Some(images) = &item.images {
                image_count(&f("images"), images.len())?;
            }
            checks::opt_max_len(&f("lotNumber"), item.lot_number.as_deref(), 100)?;
            checks::opt_max_len(&f("stockCode"), item.stock_code.as_deref(), 100)?;
        }
        let req = Request::post(
            "/integration/product/sellers/{sellerId}/products/unapproved-bulk-update",
        );
        self.write(req, &ItemsBody { items }).await
    }

    /// `content-bulk-update` (approved products, key `contentId`; when any attribute
    /// changes send all of them).
    pub async fn update_content(&self, items: &[ContentUpdateItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            let f = |name: &str| format!("items[{i}].{name}");
            if item.content_id <= 0 {
                return Err(Error::invalid_input(f("contentId"), "is required"));
            }
            if let Some(t) = &item.title {
                checks::text(&f("title"), t, 100)?;
            }
            if let Some(d) = &item.description {
                checks::text(&f("description"), d, 30_000)?;
            }
            if let Some(images) = &item.images {
                image_count(&f("images"), images.len())?;
            }
        }
        let req =
            Request::post("/integration/product/sellers/{sellerId}/products/content-bulk-update");
        self.write(req, &ItemsBody { items }).await
    }

    /// `variant-bulk-update` (approved products, key `barcode`).
    pub async fn update_variants(&self, items: &[VariantUpdateItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            let f = |name: &str| format!("items[{i}].{name}");
            barcode(&f("barcode"), &item.barcode)?;
            if let Some(v) = item.vat_rate {
                vat(&f("vatRate"), v)?;
            }
            if item.channels.as_ref().is_some_and(Vec::is_empty) {
                return Err(Error::invalid_input(
                    f("channels"),
                    "an empty list is an error; leave it out to keep the channels",
                ));
            }
            checks::opt_max_len(&f("lotNumber"), item.lot_number.as_deref(), 100)?;
            checks::opt_max_len(&f("stockCode"), item.stock_code.as_deref(), 100)?;
        }
        let req =
            Request::post("/integration/product/sellers/{sellerId}/products/variant-bulk-update");
        self.write(req, &ItemsBody { items }).await
    }

    /// `delivery-info-bulk-update`.
    pub async fn update_delivery_info(
        &self,
        items: &[DeliveryInfoUpdateItem],
    ) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            barcode(&format!("items[{i}].barcode"), &item.barcode)?;
        }
        let req = Request::post(
            "/integration/product/sellers/{sellerId}/products/delivery-info-bulk-update",
        );
        self.write(req, &ItemsBody { items }).await
    }

    /// `getUpdateAudits`: per-field outcome of content updates of one content.
    pub async fn update_audits(
        &self,
        content_id: i64,
        query: &UpdateAuditQuery,
    ) -> Result<UpdateAuditPage> {
        checks::page_size("size", query.size, 1000)?;
        let req = self
            .read("/integration/product/sellers/{sellerId}/products/{contentId}/update-audits")
            .path_param("contentId", content_id)
            .query_struct(query);
        self.client.transport().execute(self.localized(req)).await
    }

    // ---- §4.4 reads --------------------------------------------------------------------

    /// `filterApprovedProducts`: one page (`size` ≤ 100, content-based).
    pub async fn approved(
        &self,
        query: &ApprovedProductQuery,
    ) -> Result<ProductPage<ApprovedProduct>> {
        checks::page_size("size", query.size, 100)?;
        checks::date_range("endDate", query.start_date, query.end_date, None)?;
        if let Some(b) = &query.barcodes {
            barcode_list("barcodes", b)?;
        }
        let req = self
            .read("/integration/product/sellers/{sellerId}/products/approved")
            .query_struct(query);
        self.client.transport().execute(req).await
    }

    /// Every approved product matching `query`: pages by number while `page × size`
    /// stays within Trendyol's 10,000 cap, then follows `nextPageToken`.
    pub fn approved_stream(
        &self,
        query: &ApprovedProductQuery,
    ) -> impl Stream<Item = Result<ApprovedProduct>> + 'a {
        let this = self.clone();
        let query = query.clone();
        let size = query.size.unwrap_or(100);
        let first = query.page.unwrap_or(0);
        token_paged(first, size, move |page, token| {
            let mut q = query.clone();
            q.page = page;
            q.size = Some(size);
            q.next_page_token = token;
            let this = this.clone();
            async move { this.approved(&q).await }
        })
    }

    /// `filterApprovedProductsInventoryAndPrice`: one page (`size` ≤ 100).
    pub async fn approved_inventory_and_price(
        &self,
        query: &InventoryAndPriceQuery,
    ) -> Result<ProductPage<InventoryAndPrice>> {
        checks::page_size("size", query.size, 100)?;
        if let Some(b) = &query.barcodes {
            barcode_list("barcodes", b)?;
        }
        let req = self
            .read("/integration/product/sellers/{sellerId}/products/approved/inventory-and-price")
            .query_struct(query);
        self.client.transport().execute(req).await
    }

    /// Every approved product's stock and prices (number paging, then `nextPageToken`).
    pub fn approved_inventory_and_price_stream(
        &self,
        query: &InventoryAndPriceQuery,
    ) -> impl Stream<Item = Result<InventoryAndPrice>> + '_ {
        let query = query.clone();
        let size = query.size.unwrap_or(100);
        let first = query.page.unwrap_or(0);
        token_paged(first, size, move |page, token| {
            let mut q = query.clone();
            q.page = page;
            q.size = Some(size);
            q.next_page_token = token;
            async move { self.approved_inventory_and_price(&q).await }
        })
    }

    /// `filterUnapprovedProducts`: one page (`size` ≤ 1000).
    pub async fn unapproved(
        &self,
        query: &UnapprovedProductQuery,
    ) -> Result<ProductPage<UnapprovedProduct>> {
        checks::page_size("size", query.size, 1000)?;
        checks::date_range("endDate", query.start_date, query.end_date, None)?;
        let req = self
            .read("/integration/product/sellers/{sellerId}/products/unapproved")
            .query_struct(query);
        self.client.transport().execute(req).await
    }

    /// Every unapproved product (number paging, then `nextPageToken`).
    pub fn unapproved_stream(
        &self,
        query: &UnapprovedProductQuery,
    ) -> impl Stream<Item = Result<UnapprovedProduct>> + 'a {
        let this = self.clone();
        let query = query.clone();
        let size = query.size.unwrap_or(100);
        let first = query.page.unwrap_or(0);
        token_paged(first, size, move |page, token| {
            let mut q = query.clone();
            q.page = page;
            q.size = Some(size);
            q.next_page_token = token;
            let this = this.clone();
            async move { this.unapproved(&q).await }
        })
    }

    /// `getProductBase` by barcode (percent-encoded into the path).
    pub async fn product_base(&self, barcode: &str) -> Result<ProductBase> {
        let req = self
            .read("/integration/product/sellers/{sellerId}/product/{barcode}")
            .path_param("barcode", barcode);
        self.client.transport().execute(req).await
    }

    // ---- §4.5 batch results ------------------------------------------------------------

    /// `getBatchRequestResult` for any batch (create, updates, stock & price, archive,
    /// delete, unlock). Results are kept for 4 hours.
    pub async fn batch_result(&self, batch_request_id: &str) -> Result<BatchRequestResult> {
        let req = self
            .read(
                "/integration/product/sellers/{sellerId}/products/batch-requests/{batchRequestId}",
            )
            .path_param("batchRequestId", batch_request_id);
        self.client.transport().execute(req).await
    }

    /// Poll [`Products::batch_result`] with `poller` until the batch is finished (see
    /// [`crate::model::batch`] for the rules per batch type), and return the last result.
    /// Use [`BatchRequestResult::outcome`] for per-item failures.
    pub async fn wait_batch(
        &self,
        batch_request_id: &str,
        poller: &BatchPoller,
    ) -> Result<BatchRequestResult> {
        poller
            .poll(batch_request_id, || self.batch_result(batch_request_id))
            .await
    }

    // ---- §4.6 archive, delete, unlock, buybox -----------------------------------------

    /// `archive-state`: archive (`archived: true`) or un-archive; ≤ 1000 items.
    pub async fn archive(&self, items: &[ArchiveItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            barcode(&format!("items[{i}].barcode"), &item.barcode)?;
        }
        let req = Request::put("/integration/product/sellers/{sellerId}/products/archive-state");
        self.write(req, &ItemsBody { items }).await
    }

    /// `deleteProducts` (DELETE with a JSON body). Only pending products and products
    /// archived for more than a day can be deleted. The maximum per request is not
    /// documented; the usual 1000 is enforced.
    pub async fn delete(&self, items: &[BarcodeItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            checks::text(&format!("items[{i}].barcode"), &item.barcode, 40)?;
        }
        let req = Request::delete("/integration/product/sellers/{sellerId}/products");
        self.write(req, &ItemsBody { items }).await
    }

    /// `unlock`: unlock products stopped for price errors or unsupplied items.
    pub async fn unlock(&self, items: &[BarcodeItem]) -> Result<BatchRequestId> {
        checks::item_count("items", items, MAX_ITEMS)?;
        for (i, item) in items.iter().enumerate() {
            checks::text(&format!("items[{i}].barcode"), &item.barcode, 40)?;
        }
        let req = Request::put("/integration/product/sellers/{sellerId}/products/unlock");
        self.write(req, &ItemsBody { items }).await
    }

    /// `getBuyboxInformation` for up to 10 barcodes (synchronous).
    pub async fn buybox(&self, barcodes: &[String]) -> Result<Vec<BuyboxInfo>> {
        checks::item_count("barcodes", barcodes, 10)?;
        let body = BuyboxRequest {
            barcodes: barcodes.to_vec(),
        };
        let req =
            Request::post("/integration/product/sellers/{sellerId}/products/buybox-information")
                .path_param("sellerId", self.seller())
                .json(&body)
                .rate_group(PRODUCT_WRITE)
                // A read in POST form: re-sending it is harmless.
                .idempotent(true);
        let resp: BuyboxResponse = self.client.transport().execute(req).await?;
        Ok(resp.buybox_info)
    }
}

/// `{"items":[...]}` without copying the caller's slice.
#[derive(serde::Serialize)]
pub(crate) struct ItemsBody<'a, T> {
    pub(crate) items: &'a [T],
}

fn to_page<T>(items: Vec<T>, total_pages: Option<u32>, total_elements: Option<u64>) -> Page<T> {
    let mut page = Page::new(items);
    page.total_pages = total_pages;
    page.total_elements = total_elements;
    page
}

/// Stream a product filter: page numbers while `(page + 1) × size` ≤ 10,000, then the
/// `nextPageToken` of the last page. Ends on an empty page, at the last page, when no
/// token is offered past the cap, or when a token repeats.
fn token_paged<T, F, Fut>(first: u32, size: u32, mut fetch: F) -> impl Stream<Item = Result<T>>
where
    F: FnMut(Option<u32>, Option<String>) -> Fut,
    Fut: Future<Output = Result<ProductPage<T>>>,
{
    let size = size.max(1);
    paginate_cursor(move |cursor: Option<String>| {
        let (page, token) = match cursor.as_deref() {
            None => (Some(first), None),
            Some(c) => match c.strip_prefix("p:") {
                Some(n) => (n.parse().ok(), None),
                None => (None, c.strip_prefix("t:").map(str::to_owned)),
            },
        };
        let fut = fetch(page, token);
        async move {
            let resp = fut.await?;
            let next = if resp.content.is_empty() {
                None
            } else if let Some(page) = page {
                let next = page.saturating_add(1);
                let last = resp.total_pages.is_some_and(|t| next >= t);
                let within_cap = (u64::from(next) + 1) * u64::from(size) <= PAGE_NUMBER_CAP;
                if last {
                    None
                } else if within_cap {
                    Some(format!("p:{next}"))
                } else {
                    resp.next_page_token.as_ref().map(|t| format!("t:{t}"))
                }
            } else {
                resp.next_page_token.as_ref().map(|t| format!("t:{t}"))
            };
            Ok(CursorPage {
                items: resp.content,
                next,
            })
        }
    })
}

fn barcode(field: &str, value: &str) -> Result<()> {
    checks::text(field, value, 40)?;
    let ok = value
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' '));
    if !ok {
        return Err(Error::invalid_input(
            field,
            "only letters, digits and `.`, `-`, `_` are allowed",
        ));
    }
    Ok(())
}

fn barcode_list(field: &str, joined: &str) -> Result<()> {
    let n = joined.split(',').filter(|s| !s.trim().is_empty()).count();
    if n > 50 {
        return Err(Error::invalid_input(
            field,
            format!("at most 50 barcodes, got {n}"),
        ));
    }
    Ok(())
}

fn vat(field: &str, rate: u8) -> Result<()> {
    if VAT_RATES.contains(&rate) {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field,
            format!("must be one of 0, 1, 10, 20, got {rate}"),
        ))
    }
}

fn image_count(field: &str, n: usize) -> Result<()> {
    if n == 0 || n > 8 {
        return Err(Error::invalid_input(
            field,
            format!("1 to 8 images are required, got {n}"),
        ));
    }
    Ok(())
}

fn validate_create(i: usize, item: &ProductCreateItem) -> Result<()> {
    let f = |name: &str| format!("items[{i}].{name}");
    barcode(&f("barcode"), &item.barcode)?;
    checks::text(&f("title"), &item.title, 100)?;
    checks::text(&f("productMainId"), &item.product_main_id, 40)?;
    if item.brand_id <= 0 {
        return Err(Error::invalid_input(
            f("brandId"),
            "is required (a brand id from getBrands)",
        ));
    }
    if item.category_id <= 0 {
        return Err(Error::invalid_input(
            f("categoryId"),
            "is required (a leaf category id from getCategoryTree)",
        ));
    }
    checks::text(&f("description"), &item.description, 30_000)?;
    checks::opt_max_len(&f("stockCode"), item.stock_code.as_deref(), 100)?;
    checks::opt_max_len(&f("lotNumber"), item.lot_number.as_deref(), 100)?;
    if item.sale_price <= rust_decimal::Decimal::ZERO {
        return Err(Error::invalid_input(
            f("salePrice"),
            "must be greater than 0",
        ));
    }
    if item.list_price < item.sale_price {
        return Err(Error::invalid_input(
            f("listPrice"),
            "must be greater than or equal to salePrice",
        ));
    }
    vat(&f("vatRate"), item.vat_rate)?;
    image_count(&f("images"), item.images.len())?;
    for (j, image) in item.images.iter().enumerate() {
        if !image.url.starts_with("https://") {
            return Err(Error::invalid_input(
                f(&format!("images[{j}].url")),
                "must be an https URL",
            ));
        }
    }
    if item.attributes.is_empty() {
        return Err(Error::invalid_input(
            f("attributes"),
            "is required (the category's required attributes)",
        ));
    }
    for (j, attr) in item.attributes.iter().enumerate() {
        check_attribute(&f(&format!("attributes[{j}]")), attr)?;
    }
    Ok(())
}

fn check_attribute(field: &str, attr: &ProductAttribute) -> Result<()> {
    if attr.attribute_id <= 0 {
        return Err(Error::invalid_input(
            format!("{field}.attributeId"),
            "is required",
        ));
    }
    if !attr.has_value() {
        return Err(Error::invalid_input(
            format!("{field}.attributeValueId"),
            "an attribute needs a value id or a custom value",
        ));
    }
    Ok(())
}
