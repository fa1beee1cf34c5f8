//! Refunds (returns): `client.refunds()`.

use std::future::Future;

use futures::Stream;
use marketplace_core::http::Request;
use marketplace_core::paging::{Page, PagingOptions, paginate};

use crate::model::{
    Refund, RefundPage, RefundQuery, RefundRevisionRequest, RefundUpdateResult, UpdateRefundRequest,
};
use crate::{Client, Result};

/// Return requests: list, approve, reject, send to review, revise.
#[derive(Debug, Clone, Copy)]
pub struct Refunds<'a> {
    client: &'a Client,
}

impl Client {
    /// Return requests (`order/getRefund`, `order/updateRefund`, refund revision).
    pub fn refunds(&self) -> Refunds<'_> {
        Refunds { client: self }
    }
}

/// Page size the refund and cancellation streams use unless the query sets one.
pub const DEFAULT_REFUND_PAGE_SIZE: u32 = 100;

impl Refunds<'_> {
    /// One page of return requests (`POST order/getRefund`).
    pub async fn list(&self, query: &RefundQuery) -> Result<RefundPage> {
        query.validate()?;
        let request = Request::post("/order/getRefund")
            .idempotent(true)
            .json(query);
        super::send(self.client, request, "refunds").await
    }

    /// Every return request matching `query`, page by page from `query`'s page (or 1).
    pub fn stream(&self, query: &RefundQuery) -> impl Stream<Item = Result<Refund>> + '_ {
        refund_stream(query, move |q| async move { self.list(&q).await })
    }

    /// Approve, reject or send a return to review (`POST order/updateRefund`), after
    /// checking the document's rules (see [`UpdateRefundRequest::validate`]).
    pub async fn update(
        &self,
        request: &UpdateRefundRequest,
    ) -> Result<Option<RefundUpdateResult>> {
        request.validate()?;
        let req = Request::post("/order/updateRefund").json(request);
        super::send_optional(self.client, req).await
    }

    /// Answer Pazarama's revision request with documents and a description
    /// (`POST order/api/refund/revision`, section 3.31).
    pub async fn revise(&self, request: &RefundRevisionRequest) -> Result<()> {
        request.validate()?;
        let req = Request::post("/order/api/refund/revision").json(request);
        super::send_unit(self.client, req).await
    }
}

/// Page through a [`RefundPage`] endpoint: ends at the last page by the reported record
/// count, or (without a count) after a short page, and always on an empty page.
pub(crate) fn refund_stream<'a, F, Fut>(
    query: &RefundQuery,
    mut fetch: F,
) -> impl Stream<Item = Result<Refund>> + 'a
where
    F: FnMut(RefundQuery) -> Fut + 'a,
    Fut: Future<Output = Result<RefundPage>> + 'a,
{
    let size = query.page_size.unwrap_or(DEFAULT_REFUND_PAGE_SIZE).max(1);
    let first = query.page_number.unwrap_or(1).max(1);
    let query = query.clone();
    let options = PagingOptions {
        first_page: first,
        ..PagingOptions::one_based().concurrency(1)
    };
    paginate(options, move |page| {
        let q = RefundQuery {
            page_number: Some(page),
            page_size: Some(size),
            ..query.clone()
        };
        let fut = fetch(q);
        async move {
            let result = fut.await?;
            let short = result.refund_list.len() < usize::try_from(size).unwrap_or(usize::MAX);
            let last = result
                .response_page
                .as_ref()
                .and_then(|p| p.is_last(page, size))
                .unwrap_or(short);
            let items = Page::new(result.refund_list);
            // `total_pages` counts from `first_page`.
            Ok(if last {
                items.total_pages(page - first + 1)
            } else {
                items
            })
        }
    })
}
