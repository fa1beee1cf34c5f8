//! Products: `client.products()`.

use futures::Stream;
use marketplace_core::batch::BatchPoller;
use marketplace_core::http::Request;
use marketplace_core::paging::{Page, PagingOptions, paginate};

use crate::model::guid::{Guid, check_set};
use crate::model::{
    CatalogSearchRequest, CatalogSearchResult, CreateProductsRequest, CreateProductsResult,
    ListingState, ListingStatePage, ListingStateQuery, ListingStateResponse, PriceUpdateRequest,
    ProductBatchResult, ProductDetail, ProductDetailRequest, ProductQuery, ProductSummary,
    QuickAddRequest, QuickAddResult, SaleLimitRequest, SaleStatus, SaleStatusItem,
    SaleStatusRequest, SaleStatusResult, StockUpdateRequest, VatRateUpdateRequest,
};
use crate::{Client, Error, Result};
use uuid::Uuid;

/// Product calls: create and batch results, price/stock, listing, detail, catalog quick
/// add, sale limits, VAT, open/close sale and commercial information.
#[derive(Debug, Clone, Copy)]
pub struct Products<'a> {
    client: &'a Client,
}

impl Client {
    /// Product calls.
    pub fn products(&self) -> Products<'_> {
        Products { client: self }
    }
}

/// Page size of `product/products` when the query sets none.
const DEFAULT_PRODUCT_PAGE_SIZE: u32 = 250;

/// An id that must not be blank.
pub(crate) fn required_id<'s>(field: &str, id: &'s str) -> Result<&'s str> {
    let id = id.trim();
    if id.is_empty() {
        Err(Error::invalid_input(field, "is required"))
    } else {
        Ok(id)
    }
}

impl Products<'_> {
    /// Create products (`POST product/create`). Pazarama queues them: poll the returned
    /// `batchRequestId` with [`Products::batch_result`] or [`Products::wait_batch`].
    ///
    /// The request is validated first (see [`CreateProductsRequest::validate`]). It is
    /// not retried after it may have reached Pazarama (a retry could create a second batch).
    pub async fn create(&self, request: &CreateProductsRequest) -> Result<CreateProductsResult> {
        request.validate()?;
        let http = Request::post("/product/create").json(request);
        super::send(self.client, http, "product create").await
    }

    /// The state of a product batch (`GET product/getProductBatchResult`). Results are
    /// kept for 4 hours.
    pub async fn batch_result(&self, batch_request_id: Uuid) -> Result<ProductBatchResult> {
        check_set("batchRequestId", &batch_request_id)?;
        let http = Request::get("/product/getProductBatchResult")
            .query("BatchRequestId", batch_request_id);
        super::send(self.client, http, "product batch result").await
    }

    /// Poll [`Products::batch_result`] with `poller` until the batch is Done or Error (or
    /// the poller's deadline passes: [`Error::BatchTimeout`]).
    pub async fn wait_batch(
        &self,
        batch_request_id: Uuid,
        poller: &BatchPoller,
    ) -> Result<ProductBatchResult> {
        check_set("batchRequestId", &batch_request_id)?;
        poller
            .poll(&batch_request_id.to_string(), || {
                self.batch_result(batch_request_id)
            })
            .await
    }

    /// Set prices (`POST product/updatePrice-v2`). Returns the id to pass to
    /// [`Products::listing_states`]. Absolute values, so the call is safe to retry.
    pub async fn update_prices(&self, request: &PriceUpdateRequest) -> Result<Uuid> {
        request.validate()?;
        let http = Request::post("/product/updatePrice-v2")
            .json(request)
            .idempotent(true);
        let Guid(id) = super::send(self.client, http, "price update").await?;
        Ok(id)
    }

    /// Set stock counts (`POST product/updateStock-v2`). Returns the id to pass to
    /// [`Products::listing_states`]. Absolute values, so the call is safe to retry.
    pub async fn update_stock(&self, request: &StockUpdateRequest) -> Result<Uuid> {
        request.validate()?;
        let http = Request::post("/product/updateStock-v2")
            .json(request)
            .idempotent(true);
        let Guid(id) = super::send(self.client, http, "stock update").await?;
        Ok(id)
    }

    /// One page of per-barcode results of a price/stock update
    /// (`GET listing-state/batch-id/{id}/lake-projections`).
    pub async fn listing_states(
        &self,
        batch_id: Uuid,
        query: &ListingStateQuery,
    ) -> Result<ListingStatePage> {
        check_set("batchId", &batch_id)?;
        if query.page == 0 {
            return Err(Error::invalid_input("page", "pages start at 1"));
        }
        if query.page_size == 0 {
            return Err(Error::invalid_input("pageSize", "must be at least 1"));
        }
        let http = Request::get("/listing-state/batch-id/{id}/lake-projections")
            .path_param("id", batch_id)
            .query("page", query.page)
            .query("pageSize", query.page_size);
        let response: ListingStateResponse = self.client.transport().execute(http).await?;
        response.into_page()
    }

    /// Every per-barcode result of a price/stock update, page by page. The stream ends
    /// after a short page, when `hasNextPage` is false, or at `totalPages`.
    pub fn listing_state_stream(
        &self,
        batch_id: Uuid,
        page_size: u32,
    ) -> impl Stream<Item = Result<ListingState>> + '_ {
        let options = PagingOptions::one_based().concurrency(1);
        paginate(options, move |page| async move {
            let query = ListingStateQuery { page, page_size };
            let result = self.listing_states(batch_id, &query).await?;
            let is_last = result.items.len() < usize::try_from(page_size).unwrap_or(usize::MAX)
                || result.has_next_page == Some(false)
                || result.total_pages.is_some_and(|total| page >= total);
            let items = Page::new(result.items);
            Ok(if is_last {
                items.total_pages(page)
            } else {
                items
            })
        })
    }

    /// One page of the seller's products (`GET product/products`), filtered by approval
    /// and/or barcode.
    pub async fn list(&self, query: &ProductQuery) -> Result<Vec<ProductSummary>> {
        let page = query.page.unwrap_or(1);
        if page == 0 {
            return Err(Error::invalid_input("Page", "pages start at 1"));
        }
        if query.size == Some(0) {
            return Err(Error::invalid_input("Size", "must be at least 1"));
        }
        let http = Request::get("/product/products")
            .query_opt("Approved", query.approved)
            .query_opt("Code", query.code.as_deref())
            .query("Size", query.size.unwrap_or(DEFAULT_PRODUCT_PAGE_SIZE))
            .query("Page", page);
        super::send(self.client, http, "products").await
    }

    /// Every product matching `query`, page by page from `query.page` (the service
    /// reports no total; the stream ends after a short or empty page).
    pub fn stream(&self, query: &ProductQuery) -> impl Stream<Item = Result<ProductSummary>> + '_ {
        let query = query.clone();
        let size = query.size.unwrap_or(DEFAULT_PRODUCT_PAGE_SIZE);
        let options = PagingOptions {
            first_page: query.page.unwrap_or(1),
            ..PagingOptions::one_based().concurrency(1)
        };
        paginate(options, move |page| {
            let query = ProductQuery {
                page: Some(page),
                size: Some(size),
                ..query.clone()
            };
            async move {
                let items = self.list(&query).await?;
                let is_last = items.len() < usize::try_from(size).unwrap_or(usize::MAX);
                let items = Page::new(items);
                Ok(if is_last {
                    items.total_pages(page)
                } else {
                    items
                })
            }
        })
    }

    /// Everything about one product by barcode (`POST product/getProductDetail`).
    pub async fn detail(&self, code: &str) -> Result<ProductDetail> {
        let code = required_id("Code", code)?;
        let http = Request::post("/product/getProductDetail")
            .json(&ProductDetailRequest { code })
            .idempotent(true);
        super::send(self.client, http, "product detail").await
    }

    /// Search Pazarama's catalog by barcode or name
    /// (`POST product/getProductTitleCodeSearch`, §3.21).
    pub async fn catalog_search(
        &self,
        request: &CatalogSearchRequest,
    ) -> Result<CatalogSearchResult> {
        request.validate()?;
        let http = Request::post("/product/getProductTitleCodeSearch")
            .json(request)
            .idempotent(true);
        super::send(self.client, http, "catalog search").await
    }

    /// Start selling a catalog product with the seller's price and stock
    /// (`POST product/addProductsWithBarcodes`, §3.21).
    pub async fn quick_add(&self, request: &QuickAddRequest) -> Result<QuickAddResult> {
        request.validate()?;
        let http = Request::post("/product/addProductsWithBarcodes").json(request);
        super::send(self.client, http, "quick add").await
    }

    /// Set the most units of a product one order may contain (`0`: no limit)
    /// (`POST product/upsertSellerProductSaleLimit`, §3.24). Returns Pazarama's `data`
    /// flag.
    pub async fn set_sale_limit(&self, request: &SaleLimitRequest) -> Result<bool> {
        required_id("code", &request.code)?;
        let http = Request::post("/product/upsertSellerProductSaleLimit")
            .json(request)
            .idempotent(true);
        Ok(super::send_optional(self.client, http)
            .await?
            .unwrap_or(true))
    }

    /// Update VAT rates only (`PUT product/vatRate/bulk`, §3.27). Returns Pazarama's
    /// `data` flag.
    pub async fn update_vat_rates(&self, request: &VatRateUpdateRequest) -> Result<bool> {
        request.validate()?;
        let http = Request::put("/product/vatRate/bulk")
            .json(request)
            .idempotent(true);
        Ok(super::send_optional(self.client, http)
            .await?
            .unwrap_or(true))
    }

    /// Open (`SaleStatus::Open`, 1) or close (`SaleStatus::Closed`, 10) a catalog product
    /// for sale (`POST product/external-status`, §3.32). Pazarama may show the change
    /// with a delay (cache), but a closed product is not sold meanwhile.
    pub async fn set_sale_status(
        &self,
        code: &str,
        status: SaleStatus,
    ) -> Result<SaleStatusResult> {
        let code = required_id("code", code)?;
        if !matches!(status, SaleStatus::Open | SaleStatus::Closed) {
            return Err(Error::invalid_input(
                "productStatus",
                format!("{status} is not 1 (open) or 10 (closed)"),
            ));
        }
        let body = SaleStatusRequest {
            product_item: SaleStatusItem {
                code: code.to_owned(),
                product_status: status,
            },
        };
        let http = Request::post("/product/external-status")
            .json(&body)
            .idempotent(true);
        super::send(self.client, http, "sale status").await
    }
}
