//! Cancellation requests: `client.cancellations()`.

use futures::Stream;
use marketplace_core::http::Request;

use super::refunds::refund_stream;
use crate::model::{CancelUpdateRequest, Refund, RefundPage, RefundQuery, RefundUpdateResult};
use crate::{Client, Result};

/// Buyers' cancellation requests (section 3.23): list, approve, reject.
#[derive(Debug, Clone, Copy)]
pub struct Cancellations<'a> {
    client: &'a Client,
}

impl Client {
    /// Cancellation requests (`order/api/cancel/items`, `order/api/cancel`).
    pub fn cancellations(&self) -> Cancellations<'_> {
        Cancellations { client: self }
    }
}

impl Cancellations<'_> {
    /// One page of cancellation requests (`POST order/api/cancel/items`).
    pub async fn list(&self, query: &RefundQuery) -> Result<RefundPage> {
        query.validate()?;
        let request = Request::post("/order/api/cancel/items")
            .idempotent(true)
            .json(query);
        super::send(self.client, request, "cancellation requests").await
    }

    /// Every cancellation request matching `query`, page by page.
    pub fn stream(&self, query: &RefundQuery) -> impl Stream<Item = Result<Refund>> + '_ {
        refund_stream(query, move |q| async move { self.list(&q).await })
    }

    /// Approve (2) or reject (3) a cancellation request (`PUT order/api/cancel`); any
    /// other status is refused before sending.
    pub async fn update(
        &self,
        request: &CancelUpdateRequest,
    ) -> Result<Option<RefundUpdateResult>> {
        request.validate()?;
        let req = Request::put("/order/api/cancel").json(request);
        super::send_optional(self.client, req).await
    }
}
