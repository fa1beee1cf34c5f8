//! Claims / returns (reference §7).
//!
//! `approve` and `reject` send what they are given. `approve_items` and `reject_items`
//! take the [`Claim`] as read with [`Claims::list`] and first check Trendyol's rule that
//! only `WaitingInAction` items can be approved or rejected, returning
//! [`Error::InvalidTransition`] without a request otherwise (Trendyol allows 5 of these
//! calls per minute, so a wasted call is expensive).

use futures::Stream;
use marketplace_core::http::{Part, Request};
use marketplace_core::paging::{Page, PagingOptions, paginate};

use super::checks;
use crate::model::claim::{
    ApproveClaimItems, Claim, ClaimIssueReason, ClaimItemAudit, ClaimItemStatus, ClaimPage,
    ClaimQuery, CreateClaim, CreateClaimIssue, CreatedClaim, REASONS_WITHOUT_FILES,
};
use crate::{Client, Error, Result};

impl Client {
    /// Claims (returns) (§7).
    pub fn claims(&self) -> Claims<'_> {
        Claims { client: self }
    }
}

/// Path template of approveClaimLineItems (also its rate-limit key: 5 / min).
pub const APPROVE: &str = "/integration/order/sellers/{sellerId}/claims/{claimId}/items/approve";
/// Path template of createClaimIssue (also its rate-limit key: 5 / min).
pub const ISSUE: &str = "/integration/order/sellers/{sellerId}/claims/{claimId}/issue";
/// The claim endpoints. Get one with [`Client::claims`].
#[derive(Debug, Clone, Copy)]
pub struct Claims<'a> {
    client: &'a Client,
}

impl<'a> Claims<'a> {
    fn seller(&self) -> u64 {
        self.client.seller_id()
    }

    /// `getClaims`: one page (`size` ≤ 200).
    pub async fn list(&self, query: &ClaimQuery) -> Result<ClaimPage> {
        checks::page_size("size", query.size, 200)?;
        checks::date_range("endDate", query.start_date, query.end_date, None)?;
        let req = Request::get("/integration/order/sellers/{sellerId}/claims")
            .path_param("sellerId", self.seller())
            .query_struct(query);
        self.client.transport().execute(req).await
    }

    /// Every claim matching `query`, page by page (default 200 per page).
    pub fn stream(&self, query: &ClaimQuery) -> impl Stream<Item = Result<Claim>> + 'a {
        let this = *self;
        let mut query = query.clone();
        query.size = Some(query.size.unwrap_or(200));
        let first = query.page.unwrap_or(0);
        let options = PagingOptions {
            first_page: first,
            ..PagingOptions::default()
        }
        .concurrency(2);
        paginate(options, move |page| {
            let mut q = query.clone();
            q.page = Some(page);
            async move {
                let p = this.list(&q).await?;
                let mut out = Page::new(p.content);
                out.total_pages = p.total_pages;
                out.total_elements = p.total_elements;
                Ok(out)
            }
        })
    }

    /// `getClaimIssueReasons` (no seller id).
    pub async fn issue_reasons(&self) -> Result<Vec<ClaimIssueReason>> {
        let req = Request::get("/integration/order/claim-issue-reasons");
        self.client.transport().execute(req).await
    }

    /// `approveClaimLineItems` for these claim item ids. 5 requests per minute.
    pub async fn approve(&self, claim_id: &str, claim_item_ids: &[String]) -> Result<()> {
        checks::item_count("claimLineItemIdList", claim_item_ids, 1000)?;
        let body = ApproveClaimItems {
            claim_line_item_id_list: claim_item_ids.to_vec(),
            params: serde_json::Map::new(),
        };
        let req = Request::put(APPROVE)
            .path_param("sellerId", self.seller())
            .path_param("claimId", claim_id)
            .json(&body);
        self.client.transport().execute_unit(req).await
    }

    /// [`Claims::approve`] after checking that every id is an item of `claim` in
    /// `WaitingInAction`.
    pub async fn approve_items(&self, claim: &Claim, claim_item_ids: &[String]) -> Result<()> {
        check_waiting(
            claim,
            claim_item_ids,
            "claimLineItemIdList",
            &ClaimItemStatus::Accepted,
        )?;
        self.approve(&claim.id, claim_item_ids).await
    }

    /// `createClaimIssue` (reject items). Checked before sending: a reason id, at least
    /// one item, a description of 1–500 characters, and files unless the reason is one of
    /// [`REASONS_WITHOUT_FILES`].
    ///
    /// Wire form: `claimIssueReasonId`, `claimItemIdList` (comma-separated) and
    /// `description` in the query string and the files as `multipart/form-data` parts
    /// named `files` — the long-standing form used by the guide's cURL and most SDKs
    /// (the 2026 reference lists all four as multipart fields; §7.4 notes the conflict).
    pub async fn reject(&self, claim_id: &str, issue: &CreateClaimIssue) -> Result<()> {
        validate_issue(issue)?;
        let mut req = Request::post(ISSUE)
            .path_param("sellerId", self.seller())
            .path_param("claimId", claim_id)
            .query("claimIssueReasonId", issue.claim_issue_reason_id)
            .query("claimItemIdList", issue.claim_item_ids.join(","))
            .query("description", &issue.description);
        if !issue.files.is_empty() {
            req = req.multipart(
                issue
                    .files
                    .iter()
                    .map(|f| {
                        Part::file("files", f.file_name.clone(), f.mime.clone(), f.data.clone())
                    })
                    .collect(),
            );
        }
        self.client.transport().execute_unit(req).await
    }

    /// [`Claims::reject`] after checking that every item is an item of `claim` in
    /// `WaitingInAction`.
    pub async fn reject_items(&self, claim: &Claim, issue: &CreateClaimIssue) -> Result<()> {
        validate_issue(issue)?;
        check_waiting(
            claim,
            &issue.claim_item_ids,
            "claimItemIdList",
            &ClaimItemStatus::Rejected,
        )?;
        self.reject(&claim.id, issue).await
    }

    /// `createClaim`: open a claim for a package returned without a return code.
    pub async fn create(&self, claim: &CreateClaim) -> Result<CreatedClaim> {
        checks::text("orderNumber", &claim.order_number, 100)?;
        checks::item_count("claimItems", &claim.claim_items, 1000)?;
        for (i, item) in claim.claim_items.iter().enumerate() {
            checks::text(&format!("claimItems[{i}].barcode"), &item.barcode, 100)?;
            if item.quantity == 0 {
                return Err(Error::invalid_input(
                    format!("claimItems[{i}].quantity"),
                    "must be at least 1",
                ));
            }
        }
        let req = Request::post("/integration/order/sellers/{sellerId}/claims/create")
            .path_param("sellerId", self.seller())
            .json(claim);
        self.client.transport().execute(req).await
    }

    /// `getClaimItemAudits`: the status history of one claim item.
    pub async fn item_audits(&self, claim_item_id: &str) -> Result<Vec<ClaimItemAudit>> {
        let req =
            Request::get("/integration/order/sellers/{sellerId}/claims/items/{claimItemsId}/audit")
                .path_param("sellerId", self.seller())
                .path_param("claimItemsId", claim_item_id);
        self.client.transport().execute(req).await
    }
}

fn validate_issue(issue: &CreateClaimIssue) -> Result<()> {
    if issue.claim_issue_reason_id <= 0 {
        return Err(Error::invalid_input(
            "claimIssueReasonId",
            "is required (an id from getClaimIssueReasons)",
        ));
    }
    if issue.claim_item_ids.is_empty() || issue.claim_item_ids.iter().any(|id| id.trim().is_empty())
    {
        return Err(Error::invalid_input(
            "claimItemIdList",
            "at least one non-empty claim item id is required",
        ));
    }
    checks::text("description", &issue.description, 500)?;
    if issue.files.is_empty() && !REASONS_WITHOUT_FILES.contains(&issue.claim_issue_reason_id) {
        return Err(Error::invalid_input(
            "files",
            format!(
                "evidence files are required for reason {} (only reasons 1651, 451 and 2101 go without)",
                issue.claim_issue_reason_id
            ),
        ));
    }
    if let Some((i, _)) = issue
        .files
        .iter()
        .enumerate()
        .find(|(_, f)| f.data.is_empty())
    {
        return Err(Error::invalid_input(format!("files[{i}]"), "file is empty"));
    }
    Ok(())
}

fn check_waiting(claim: &Claim, ids: &[String], field: &str, to: &ClaimItemStatus) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::invalid_input(
            field,
            "at least one claim item id is required",
        ));
    }
    for id in ids {
        let item = claim.claim_item(id).ok_or_else(|| {
            Error::invalid_input(field, format!("{id} is not an item of claim {}", claim.id))
        })?;
        match item.status() {
            Some(ClaimItemStatus::WaitingInAction) => {}
            other => {
                return Err(Error::InvalidTransition {
                    entity: "claim item",
                    from: other.map_or_else(|| "unknown".to_owned(), |s| s.as_str().to_owned()),
                    to: to.as_str().to_owned(),
                });
            }
        }
    }
    Ok(())
}
