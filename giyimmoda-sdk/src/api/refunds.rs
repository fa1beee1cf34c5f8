//! Refund requests: `client.refunds()`.

use futures::Stream;
use marketplace_core::http::Request;

use crate::model::{Approval, ListPage, PerPage, RefundQuery, RefundRejection, RefundRequest};
use crate::{Client, Error, Result};

/// The longest `rejection_reason` the API accepts, in characters.
pub const MAX_REJECTION_REASON_CHARS: usize = 500;

/// Refund requests (`refund-requests…`).
#[derive(Debug, Clone, Copy)]
pub struct Refunds<'a> {
    client: &'a Client,
}

impl Client {
    /// Refund requests.
    pub fn refunds(&self) -> Refunds<'_> {
        Refunds { client: self }
    }
}

fn list_request(query: &RefundQuery, page: Option<u32>, per_page: PerPage) -> Request {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    Request::get("refund-requests")
        .query_opt(
            "status",
            query.status.as_ref().map(|s| s.as_str().to_owned()),
        )
        .query_opt(
            "refund_status",
            query.refund_status.as_ref().map(|s| s.as_str().to_owned()),
        )
        .query_opt("date_from", date(query.date_from))
        .query_opt("date_to", date(query.date_to))
        .query_opt("search", query.search.as_deref())
        .query_opt("per_page", per_page.as_query())
        .query_opt("page", page)
}

/// Only requests the seller has not decided yet can be approved or rejected.
fn require_pending(request: &RefundRequest, to: &str) -> Result<()> {
    match &request.seller_approval {
        Some(Approval::Pending) => Ok(()),
        other => Err(Error::InvalidTransition {
            entity: "refund request",
            from: other.as_ref().map_or_else(
                || "unknown".to_owned(),
                |a| format!("seller_approval {}", a.code()),
            ),
            to: to.to_owned(),
        }),
    }
}

impl Refunds<'_> {
    /// One page of refund requests (`GET refund-requests`).
    pub async fn list(&self, query: &RefundQuery) -> Result<ListPage<RefundRequest>> {
        let request = list_request(query, query.page, query.per_page);
        super::send_page(self.client, request).await
    }

    /// Every refund request matching `query`, page by page.
    pub fn stream<'q>(
        &'q self,
        query: &'q RefundQuery,
    ) -> impl Stream<Item = Result<RefundRequest>> + 'q {
        let per_page = match query.per_page {
            PerPage::All => PerPage::Default,
            other => other,
        };
        super::stream_pages(self.client, move |page| {
            list_request(query, Some(page), per_page)
        })
    }

    /// One refund request with its order and order line (`GET refund-requests/{id}`).
    pub async fn get(&self, id: u64) -> Result<RefundRequest> {
        let request = Request::get("refund-requests/{id}").path_param("id", id);
        super::send(self.client, request, "refund request").await
    }

    /// Approve a fetched refund request (`POST refund-requests/{id}/approve`).
    ///
    /// Only requests with `seller_approval = 0` (waiting) can be approved; anything else
    /// is [`Error::InvalidTransition`] and nothing is sent. Returns the updated request.
    pub async fn approve(&self, refund: &RefundRequest) -> Result<RefundRequest> {
        require_pending(refund, "approved")?;
        let request = Request::post("refund-requests/{id}/approve").path_param("id", refund.id);
        super::send(self.client, request, "refund request").await
    }

    /// Reject a fetched refund request (`POST refund-requests/{id}/reject`) with a reason
    /// (required, at most [`MAX_REJECTION_REASON_CHARS`] characters).
    ///
    /// Only requests with `seller_approval = 0` (waiting) can be rejected; anything else
    /// is [`Error::InvalidTransition`] and nothing is sent.
    pub async fn reject(&self, refund: &RefundRequest, reason: &str) -> Result<RefundRequest> {
        if reason.trim().is_empty() {
            return Err(Error::invalid_input("rejection_reason", "is required"));
        }
        if reason.chars().count() > MAX_REJECTION_REASON_CHARS {
            return Err(Error::invalid_input(
                "rejection_reason",
                format!("must be at most {MAX_REJECTION_REASON_CHARS} characters"),
            ));
        }
        require_pending(refund, "rejected")?;
        let request = Request::post("refund-requests/{id}/reject")
            .path_param("id", refund.id)
            .json(&RefundRejection {
                rejection_reason: reason,
            });
        super::send(self.client, request, "refund request").await
    }
}
