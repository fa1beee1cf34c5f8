//! Products: `client.products()`.

use marketplace_core::batch::BatchPoller;
use marketplace_core::http::Request;

use crate::model::{CreateProductsRequest, CreateProductsResult, ProductBatchResult};
use crate::{Client, Error, Result};

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
    pub async fn batch_result(&self, batch_request_id: &str) -> Result<ProductBatchResult> {
        let id = required_id("batchRequestId", batch_request_id)?;
        let http = Request::get("/product/getProductBatchResult").query("BatchRequestId", id);
        super::send(self.client, http, "product batch result").await
    }

    /// Poll [`Products::batch_result`] with `poller` until the batch is Done or Error (or
    /// the poller's deadline passes: [`Error::BatchTimeout`]).
    pub async fn wait_batch(
        &self,
        batch_request_id: &str,
        poller: &BatchPoller,
    ) -> Result<ProductBatchResult> {
        let id = required_id("batchRequestId", batch_request_id)?;
        poller.poll(id, || self.batch_result(id)).await
    }
}
