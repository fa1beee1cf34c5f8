//! The unified API ([`marketplace_core::Marketplace`]) for the Trendyol [`Client`].
//!
//! With this module a Trendyol client is one of the marketplaces an integrator can hold as
//! `Box<dyn Marketplace>`: shipment packages become unified [`Order`]s, claims become
//! [`Claim`]s, customer questions [`Question`]s, approved and unapproved products
//! [`Product`]s, and batch results [`BatchOutcome`]s. The mapping functions are public and
//! pure (no HTTP), so they can be used on webhook payloads or stored records too.
//!
//! Nothing Trendyol sent is lost: every unified record carries Trendyol's own typed record,
//! serialized, in its `raw` field, and [`original_order`], [`original_claim`],
//! [`original_question`] and [`original_product`] turn it back into the crate's model.
//!
//! # Orders
//!
//! A unified [`Order`] is one Trendyol **shipment package**: [`Order::id`] is the
//! `shipmentPackageId` (what every package write needs), [`Order::number`] the
//! `orderNumber` shared by all packages of an order. [`OrderLine::id`] is the line's
//! `lineId`; its `sku` is the `stockCode` (else the barcode). Money is `Money { amount,
//! currencyCode }` (`TRY` when Trendyol sends no currency). A line without `quantity` or
//! `lineUnitPrice` is an [`Error::Decode`] naming the field — never a silent zero.
//!
//! Package status (`status`, else `shipmentPackageStatus`) and line status
//! (`orderLineItemStatusName`) map to [`OrderStatus`] by this table
//! ([`PACKAGE_STATUS_TABLE`], [`order_status`]):
//!
//! | Trendyol package status | unified [`OrderStatus`] |
//! |---|---|
//! | `Awaiting` | `Awaiting` |
//! | `Created` | `Created` |
//! | `Picking` | `Picking` |
//! | `Invoiced` | `Invoiced` |
//! | `Shipped` | `Shipped` |
//! | `AtCollectionPoint` | `AtCollectionPoint` |
//! | `Delivered` | `Delivered` |
//! | `UnDelivered` | `UnDelivered` |
//! | `Cancelled` | `Cancelled` |
//! | `UnSupplied` | `UnSupplied` |
//! | `Returned` | `Returned` |
//! | `UnPacked` | `Split` |
//! | `Verified` | `Other("Verified")` |
//! | `Repack` | `Other("Repack")` |
//! | anything else, e.g. `Frozen` | `Other("Frozen")` (raw value kept) |
//!
//! `Verified` and `Repack` are kept as `Other`: the documents do not say where they sit in
//! the fulfilment chain, so no unified move is allowed from them (a caller can still use
//! [`crate::Orders`] directly). A package without any status is an [`Error::Decode`] on
//! `status`.
//!
//! A unified status filter ([`OrderQuery::statuses`]) is sent as the Trendyol statuses
//! mapping to it ([`package_statuses_for`]) and checked again on the mapped orders.
//!
//! ## Moves ([`OrderApi::move_order`])
//!
//! After the unified checks ([`OrderStatus::can_move_to`]), a move becomes these calls
//! ([`StatusMove::line_ids`] empty = every line of the package, each with its quantity):
//!
//! | unified move to | Trendyol call(s) | needs |
//! |---|---|---|
//! | `Picking` | `updatePackageStatus` `Picking` | – |
//! | `Invoiced` | from `Created`: `Picking` then `Invoiced`; otherwise `Invoiced` | `invoice_number` |
//! | `Shipped` | `updateTrackingNumber` (seller's own carrier contract) | `tracking_number` |
//! | `UnSupplied` | `items/unsupplied` with `reasonId` ([`UnsuppliedReason`]) | `reason_code` (500, 501, 502, 504, 505, 506) |
//! | `Split` | `split`: the named lines go to a new package (the original becomes `UnPacked`) | `line_ids` |
//! | `Delivered` | `manual-invoice-delivery` (alternative-delivery packages), from `Shipped`/`AtCollectionPoint`/`UnDelivered` | – |
//! | `Returned` | `manual-return` (alternative-delivery packages), from `Shipped`/`AtCollectionPoint`/`UnDelivered`/`Delivered` | – |
//! | `Awaiting`, `Created`, `AtCollectionPoint`, `UnDelivered`, `Cancelled`, `ReturnRequested` | none: Trendyol or the carrier sets these | refused |
//!
//! Refused before sending, as [`Error::InvalidTransition`] (`entity: "order"`): a move to a
//! status the seller cannot set on Trendyol; any move of an `Awaiting` package (Trendyol:
//! stock reservation only, do not process); `Delivered`/`Returned` of a package that was
//! not shipped. A missing detail is [`Error::InvalidInput`] naming it (`invoice_number`,
//! `tracking_number`, `reason_code`, `line_ids`).
//!
//! # Claims
//!
//! A Trendyol claim has no status of its own; each claim item (one per returned unit) has
//! one. A unified [`Claim`] has one [`ClaimLine`] per **claim item** (`ClaimLine::id` = the
//! claim item id that approve/reject take, `quantity` 1), each line with its own status,
//! mapped by ([`CLAIM_STATUS_TABLE`], [`claim_status`]):
//!
//! | Trendyol `claimItemStatus` | unified [`ClaimStatus`] |
//! |---|---|
//! | `Created` | `Created` |
//! | `WaitingInAction` | `WaitingInAction` |
//! | `WaitingFraudCheck` | `InReview` |
//! | `InAnalysis` | `InReview` |
//! | `Unresolved` | `Unresolved` |
//! | `Accepted` | `Accepted` |
//! | `Rejected` | `Rejected` |
//! | `Cancelled` | `Cancelled` |
//! | anything else | `Other(raw)`; a missing status is `Other("")` |
//!
//! The claim's own status ([`claim_level_status`]): while some item is open, the first open
//! status found in the order `WaitingInAction`, `Unresolved`, `InReview`, `Created`,
//! `Other`; when every item is decided, `Accepted` if any item was accepted, else
//! `Rejected` if any was rejected, else `Cancelled`. A claim without items is an
//! [`Error::Decode`] on `items`.
//!
//! Approving sends `approveClaimLineItems` with the claim item ids; rejecting sends
//! `createClaimIssue` with [`ClaimRejection::reason_code`] as `claimIssueReasonId` (the
//! typed vocabulary is [`ClaimRejectReason`]; [`ClaimRejection::text`] is the
//! `description`, ≤ 500 characters). Trendyol requires evidence files except for reasons
//! 1651, 451 and 2101: the unified call cannot carry files, so a reason needing them is
//! refused as [`Error::InvalidInput`] on `files` — use
//! [`Client::reject_claim_with_files`] for those.
//!
//! # Questions
//!
//! | Trendyol question `status` | unified [`QuestionStatus`] |
//! |---|---|
//! | `WAITING_FOR_ANSWER` | `WaitingForAnswer` |
//! | `ANSWERED` | `Answered` |
//! | `REJECTED` | `Rejected` |
//! | `REPORTED` | `Reported` |
//! | `UNANSWERED` | `Unanswered` |
//! | anything else | `Other(raw)`; a missing status is `Other("")` |
//!
//! ([`QUESTION_STATUS_TABLE`], [`question_status`]). Answers go to `answerQuestion`
//! (10–2000 characters, checked before sending).
//!
//! # Products, drafts, stock and price
//!
//! On Trendyol the item key of every product write is the **barcode**, so the unified
//! SKU is the barcode: [`Product::sku`] = barcode, [`StockPrice::sku`] = barcode, and a
//! [`ProductDraft`] is sent with `barcode` = `draft.barcode` or else `draft.sku`
//! (`stockCode` = `draft.sku`); batch outcomes are keyed by barcode. Approved products are
//! listed per variant (one [`Product`] per barcode), then unapproved ones (unless the query
//! asks for approved ones only). Drafts need Trendyol's numeric `brand_id` and
//! `category_id`, a `vat_rate` of 0, 1, 10 or 20, numeric attribute ids, and pass
//! [`crate::Products::create`]'s checks; anything missing is [`Error::InvalidInput`]
//! naming `drafts[i].field` before anything is sent.
//!
//! Stock and price updates go through a [`StockPriceCoalescer`] (ten updates of one
//! barcode become one item carrying the last values), are checked as a whole before the
//! first request, and are sent in requests of at most 1000 items; one [`BatchHandle`] per
//! request.
//!
//! # Batches
//!
//! `getBatchRequestResult` → [`BatchOutcome`] ([`batch_outcome`], [`BATCH_STATE_TABLE`]):
//!
//! | Trendyol batch `status` | items | unified [`BatchState`] |
//! |---|---|---|
//! | `COMPLETED` | any | `Completed` (per-item success/failure in the items) |
//! | `FAILED` | any | `Failed` |
//! | `IN_PROGRESS` | any | `InProgress` |
//! | other, e.g. `QUEUED` | any | `Unknown("QUEUED")` (not terminal) |
//! | absent (stock & price batches) | ≥ 1 item, all `SUCCESS`/`FAILED`, all `itemCount` listed | `Completed` |
//! | absent | none yet, some still `IN_PROGRESS`/unknown, or fewer than `itemCount` | `InProgress` |
//!
//! Each item becomes an [`ItemOutcome`] keyed by barcode, `succeeded` only for `SUCCESS`,
//! with Trendyol's `failureReasons` as messages.

use std::future::ready;

use async_trait::async_trait;
use futures::stream::{self, BoxStream};
use futures::{Stream, StreamExt, TryStreamExt};
use marketplace_core::codec::Id;
use marketplace_core::error::ErrorBody;
use marketplace_core::inventory::StockPriceCoalescer;
use marketplace_core::model::{
    Address, BatchHandle, BatchKind, BatchOutcome, BatchState, Claim, ClaimLine, ClaimQuery,
    ClaimRejection, ClaimStatus, Customer, ItemOutcome, MarketplaceId, Money, Order, OrderLine,
    OrderQuery, OrderStatus, Product, ProductDraft, ProductQuery, Question, QuestionQuery,
    QuestionStatus, StatusMove, StockPrice,
};
use marketplace_core::traits::{
    Capabilities, ClaimApi, Marketplace, MarketplaceIdentity, OrderApi, ProductApi, QuestionApi,
    check_claim_decision,
};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::orders::ShipmentPackagesQuery;
use crate::model::batch::BatchRequestResult;
use crate::model::claim::{
    Claim as TyClaim, ClaimItemStatus, ClaimQuery as TyClaimQuery, CreateClaimIssue,
    REASONS_WITHOUT_FILES, UploadFile,
};
use crate::model::inventory::{InventoryItem, MAX_ITEMS};
use crate::model::orders::{
    LineQuantity, OrderAddress, PackageStatus, ShipmentPackage, SplitRequest, UnsuppliedReason,
    UnsuppliedRequest, UpdateTrackingNumberRequest,
};
use crate::model::product::{
    ApprovedProduct, ApprovedProductQuery, DeliveryOption, Image, ProductAttribute,
    ProductCreateItem, UnapprovedProduct, UnapprovedProductQuery, VAT_RATES,
};
use crate::model::question::{
    Question as TyQuestion, QuestionQuery as TyQuestionQuery, QuestionStatus as TyQuestionStatus,
};
use crate::{Client, Error, Result};

/// The currency assumed when Trendyol sends none.
pub const DEFAULT_CURRENCY: &str = "TRY";

// ---------------------------------------------------------------------------------------
// Status tables
// ---------------------------------------------------------------------------------------

/// Trendyol package status → unified [`OrderStatus`] (wire strings), row by row as in the
/// [module docs](self). [`order_status`] implements it.
pub const PACKAGE_STATUS_TABLE: &[(&str, &str)] = &[
    ("Awaiting", "awaiting"),
    ("Created", "created"),
    ("Picking", "picking"),
    ("Invoiced", "invoiced"),
    ("Shipped", "shipped"),
    ("AtCollectionPoint", "at_collection_point"),
    ("Delivered", "delivered"),
    ("UnDelivered", "undelivered"),
    ("Cancelled", "cancelled"),
    ("UnSupplied", "unsupplied"),
    ("Returned", "returned"),
    ("UnPacked", "split"),
    ("Verified", "Verified"),
    ("Repack", "Repack"),
];

/// Trendyol claim item status → unified [`ClaimStatus`] (wire strings); see
/// [`claim_status`].
pub const CLAIM_STATUS_TABLE: &[(&str, &str)] = &[
    ("Created", "created"),
    ("WaitingInAction", "waiting_in_action"),
    ("WaitingFraudCheck", "in_review"),
    ("InAnalysis", "in_review"),
    ("Unresolved", "unresolved"),
    ("Accepted", "accepted"),
    ("Rejected", "rejected"),
    ("Cancelled", "cancelled"),
];

/// Trendyol question status → unified [`QuestionStatus`] (wire strings); see
/// [`question_status`].
pub const QUESTION_STATUS_TABLE: &[(&str, &str)] = &[
    ("WAITING_FOR_ANSWER", "waiting_for_answer"),
    ("ANSWERED", "answered"),
    ("REJECTED", "rejected"),
    ("REPORTED", "reported"),
    ("UNANSWERED", "unanswered"),
];

/// Trendyol batch `status` → unified [`BatchState`] for batches that carry one; batches
/// without a status (stock & price) are derived from their items (see [`batch_state`]).
pub const BATCH_STATE_TABLE: &[(&str, &str)] = &[
    ("COMPLETED", "completed"),
    ("FAILED", "failed"),
    ("IN_PROGRESS", "in_progress"),
];

/// The unified status of a Trendyol package (or line) status.
pub fn order_status(status: &PackageStatus) -> OrderStatus {
    match status {
        PackageStatus::Awaiting => OrderStatus::Awaiting,
        PackageStatus::Created => OrderStatus::Created,
        PackageStatus::Picking => OrderStatus::Picking,
        PackageStatus::Invoiced => OrderStatus::Invoiced,
        PackageStatus::Shipped => OrderStatus::Shipped,
        PackageStatus::AtCollectionPoint => OrderStatus::AtCollectionPoint,
        PackageStatus::Delivered => OrderStatus::Delivered,
        PackageStatus::UnDelivered => OrderStatus::UnDelivered,
        PackageStatus::Cancelled => OrderStatus::Cancelled,
        PackageStatus::UnSupplied => OrderStatus::UnSupplied,
        PackageStatus::Returned => OrderStatus::Returned,
        PackageStatus::UnPacked => OrderStatus::Split,
        other => OrderStatus::Other(other.as_str().to_owned()),
    }
}

/// The Trendyol package statuses that map to `status` (the inverse of [`order_status`]);
/// empty for statuses Trendyol does not have (`ReturnRequested`).
pub fn package_statuses_for(status: &OrderStatus) -> Vec<PackageStatus> {
    let status = status.clone();
    let mut known: Vec<PackageStatus> = PackageStatus::KNOWN
        .iter()
        .filter(|s| order_status(s) == status)
        .cloned()
        .collect();
    if known.is_empty() {
        if let OrderStatus::Other(raw) = &status {
            known.push(PackageStatus::from(raw.as_str()));
        }
    }
    known
}

/// The unified status of a Trendyol claim item status.
pub fn claim_status(status: &ClaimItemStatus) -> ClaimStatus {
    match status {
        ClaimItemStatus::Created => ClaimStatus::Created,
        ClaimItemStatus::WaitingInAction => ClaimStatus::WaitingInAction,
        ClaimItemStatus::WaitingFraudCheck | ClaimItemStatus::InAnalysis => ClaimStatus::InReview,
        ClaimItemStatus::Unresolved => ClaimStatus::Unresolved,
        ClaimItemStatus::Accepted => ClaimStatus::Accepted,
        ClaimItemStatus::Rejected => ClaimStatus::Rejected,
        ClaimItemStatus::Cancelled => ClaimStatus::Cancelled,
        other => ClaimStatus::Other(other.as_str().to_owned()),
    }
}

/// The Trendyol claim item statuses that map to `status` (inverse of [`claim_status`]).
pub fn claim_item_statuses_for(status: &ClaimStatus) -> Vec<ClaimItemStatus> {
    let mut known: Vec<ClaimItemStatus> = ClaimItemStatus::KNOWN
        .iter()
        .filter(|s| claim_status(s) == *status)
        .cloned()
        .collect();
    if known.is_empty() {
        if let ClaimStatus::Other(raw) = status {
            known.push(ClaimItemStatus::from(raw.as_str()));
        }
    }
    known
}

/// The status of a whole claim from its items' unified statuses (rule in the
/// [module docs](self)); `None` when there are no items.
pub fn claim_level_status(items: &[ClaimStatus]) -> Option<ClaimStatus> {
    if items.is_empty() {
        return None;
    }
    let open_priority = [
        ClaimStatus::WaitingInAction,
        ClaimStatus::Unresolved,
        ClaimStatus::InReview,
        ClaimStatus::Created,
    ];
    for wanted in &open_priority {
        if items.contains(wanted) {
            return Some(wanted.clone());
        }
    }
    if let Some(other) = items.iter().find(|s| matches!(s, ClaimStatus::Other(_))) {
        return Some(other.clone());
    }
    for decided in [ClaimStatus::Accepted, ClaimStatus::Rejected] {
        if items.contains(&decided) {
            return Some(decided);
        }
    }
    Some(ClaimStatus::Cancelled)
}

/// The unified status of a Trendyol question status.
pub fn question_status(status: &TyQuestionStatus) -> QuestionStatus {
    match status {
        TyQuestionStatus::WaitingForAnswer => QuestionStatus::WaitingForAnswer,
        TyQuestionStatus::Answered => QuestionStatus::Answered,
        TyQuestionStatus::Rejected => QuestionStatus::Rejected,
        TyQuestionStatus::Reported => QuestionStatus::Reported,
        TyQuestionStatus::Unanswered => QuestionStatus::Unanswered,
        other => QuestionStatus::Other(other.as_str().to_owned()),
    }
}

/// The Trendyol question status for a unified one (inverse of [`question_status`]);
/// `None` for `AnswerPending`, which Trendyol does not have.
pub fn question_status_for(status: &QuestionStatus) -> Option<TyQuestionStatus> {
    match status {
        QuestionStatus::WaitingForAnswer => Some(TyQuestionStatus::WaitingForAnswer),
        QuestionStatus::Answered => Some(TyQuestionStatus::Answered),
        QuestionStatus::Rejected => Some(TyQuestionStatus::Rejected),
        QuestionStatus::Reported => Some(TyQuestionStatus::Reported),
        QuestionStatus::Unanswered => Some(TyQuestionStatus::Unanswered),
        QuestionStatus::Other(raw) => Some(TyQuestionStatus::from(raw.as_str())),
        _ => None,
    }
}

/// The unified state of a batch result (table in the [module docs](self)).
pub fn batch_state(result: &BatchRequestResult) -> BatchState {
    result.state()
}

/// The unified outcome of a batch result, for the caller's `handle` (whose kind is kept).
pub fn batch_outcome(handle: &BatchHandle, result: &BatchRequestResult) -> BatchOutcome {
    let mut outcome = result.outcome();
    outcome.handle = handle.clone();
    outcome.state = batch_state(result);
    outcome.items = result
        .items
        .iter()
        .map(|item| ItemOutcome {
            key: item.key(),
            succeeded: item.status == Some(crate::model::batch::BatchItemStatus::Success),
            messages: item.failure_reasons.clone(),
        })
        .collect();
    outcome
}

// ---------------------------------------------------------------------------------------
// Reject reasons and unsupplied reasons
// ---------------------------------------------------------------------------------------

marketplace_core::code_enum! {
    /// Why the seller rejects a claim: Trendyol's claim issue reasons (`claimIssueReasonId`).
    ///
    /// Trendyol's list changes (load it with [`crate::Claims::issue_reasons`]); the
    /// variants are the reasons the documents describe, any other id is kept in
    /// `Unknown`. Convert to the unified [`ClaimRejection`] with
    /// [`ClaimRejectReason::rejection`].
    pub enum ClaimRejectReason {
        /// 1651 "Ürün iade şartlarına uygun değil" (not eligible for return; not usable in
        /// the first 24 h after the claim enters `WaitingInAction`). No files needed.
        NotEligibleForReturn = 1651,
        /// 451 "İade edilen ürün bize ulaşmadı" (the returned item did not arrive). No
        /// files needed.
        ReturnNotReceived = 451,
        /// 2101 (documented as not needing files).
        Reason2101 = 2101,
        /// 2077 personalised / custom-made item.
        CustomMade = 2077,
        /// 2078 no defect; accepted for customer satisfaction.
        NoDefectGoodwill = 2078,
        /// 2079 sent correctly; the returned item is missing, damaged or different.
        ReturnedItemMissingOrDamaged = 2079,
    }
    /// Any other reason id from `getClaimIssueReasons`.
    Unknown(i64)
}

/// Reason ids Trendyol removed on 8 October 2026: requests with them fail.
pub const RETIRED_CLAIM_ISSUE_REASONS: [i64; 6] = [251, 1701, 1751, 2201, 2001, 2151];

impl ClaimRejectReason {
    /// Whether `createClaimIssue` needs evidence files with this reason (all but 1651,
    /// 451 and 2101).
    pub fn requires_files(&self) -> bool {
        !REASONS_WITHOUT_FILES.contains(&self.code())
    }

    /// Whether Trendyol retired this id (see [`RETIRED_CLAIM_ISSUE_REASONS`]).
    pub fn is_retired(&self) -> bool {
        RETIRED_CLAIM_ISSUE_REASONS.contains(&self.code())
    }

    /// The unified rejection: `reason_code` = the id, `text` = the explanation.
    pub fn rejection(self, text: impl Into<String>) -> ClaimRejection {
        ClaimRejection::new(text).reason_code(self.code().to_string())
    }

    /// The reason named by a unified rejection's `reason_code`: required, numeric,
    /// positive and not retired ([`Error::InvalidInput`] on `rejection.reason_code`).
    pub fn from_rejection(rejection: &ClaimRejection) -> Result<Self> {
        let field = "rejection.reason_code";
        let code = rejection.reason_code.as_deref().ok_or_else(|| {
            Error::invalid_input(
                field,
                "Trendyol needs a claimIssueReasonId (see ClaimRejectReason / getClaimIssueReasons)",
            )
        })?;
        let id: i64 = code.trim().parse().map_err(|_| {
            Error::invalid_input(
                field,
                format!("{code:?} is not a Trendyol claim issue reason id"),
            )
        })?;
        let reason = ClaimRejectReason::from_code(id);
        if id <= 0 || reason.is_retired() {
            return Err(Error::invalid_input(
                field,
                format!("{id} is not a current Trendyol claim issue reason"),
            ));
        }
        Ok(reason)
    }
}

impl From<&crate::model::claim::ClaimIssueReason> for ClaimRejectReason {
    fn from(reason: &crate::model::claim::ClaimIssueReason) -> Self {
        ClaimRejectReason::from_code(reason.id)
    }
}

/// The `createClaimIssue` input for a unified rejection of `claim_item_ids`, with `files`
/// as evidence. Refused ([`Error::InvalidInput`]) without a usable reason code, or without
/// files for a reason that needs them (`files`).
pub fn claim_issue(
    rejection: &ClaimRejection,
    claim_item_ids: &[String],
    files: Vec<UploadFile>,
) -> Result<CreateClaimIssue> {
    let reason = ClaimRejectReason::from_rejection(rejection)?;
    if files.is_empty() && reason.requires_files() {
        return Err(Error::invalid_input(
            "files",
            format!(
                "Trendyol needs evidence files with reason {} (only 1651, 451 and 2101 go without); \
                 use Client::reject_claim_with_files",
                reason.code()
            ),
        ));
    }
    Ok(CreateClaimIssue {
        claim_issue_reason_id: reason.code(),
        claim_item_ids: claim_item_ids.to_vec(),
        description: rejection.text.trim().to_owned(),
        files,
    })
}

/// The unsupplied reason named by a unified move's `reason_code` (required; one of the
/// documented ids 500, 501, 502, 504, 505, 506).
pub fn unsupplied_reason(reason_code: Option<&str>) -> Result<UnsuppliedReason> {
    let known = "500 out of stock, 501 defective, 502 wrong price, 504 integration error, \
                 505 bulk purchase, 506 force majeure";
    let code = reason_code.ok_or_else(|| {
        Error::invalid_input("reason_code", format!("Trendyol needs a reason: {known}"))
    })?;
    let reason = code
        .trim()
        .parse::<i64>()
        .map(UnsuppliedReason::from_code)
        .map_err(|_| {
            Error::invalid_input("reason_code", format!("{code:?} is not a number; {known}"))
        })?;
    if let UnsuppliedReason::Unknown(id) = reason {
        return Err(Error::invalid_input(
            "reason_code",
            format!("{id} is not a Trendyol unsupplied reason; {known}"),
        ));
    }
    Ok(reason)
}

// ---------------------------------------------------------------------------------------
// Records → unified
// ---------------------------------------------------------------------------------------

fn missing(path: impl Into<String>) -> Error {
    Error::Decode {
        path: path.into(),
        message: "missing field (Trendyol sent no value)".to_owned(),
        body_snippet: String::new(),
    }
}

fn not_found(what: &str, id: &str) -> Error {
    Error::Api {
        status: 404,
        code: Some("NOT_FOUND".to_owned()),
        message: format!("Trendyol returned no {what} with id {id}"),
        body: Box::new(ErrorBody::default()),
    }
}

fn raw_of<T: Serialize>(record: &T) -> Option<serde_json::Value> {
    serde_json::to_value(record).ok()
}

fn original<T: DeserializeOwned>(raw: Option<&serde_json::Value>, what: &str) -> Result<T> {
    let raw = raw.ok_or_else(|| {
        Error::invalid_input("raw", format!("this {what} carries no Trendyol record"))
    })?;
    let bytes = serde_json::to_vec(raw).map_err(|e| Error::Decode {
        path: String::new(),
        message: e.to_string(),
        body_snippet: String::new(),
    })?;
    marketplace_core::codec::decode(&bytes)
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn money(amount: Decimal, currency: &str) -> Money {
    Money::new(amount, currency)
}

fn join_name(first: Option<&str>, last: Option<&str>) -> String {
    [first, last]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A unified address from a Trendyol package address.
pub fn address(a: &OrderAddress) -> Address {
    let name = non_empty(a.full_name.as_deref())
        .unwrap_or_else(|| join_name(a.first_name.as_deref(), a.last_name.as_deref()));
    let mut lines: Vec<String> = [a.address1.as_deref(), a.address2.as_deref()]
        .into_iter()
        .filter_map(non_empty)
        .collect();
    if lines.is_empty() {
        if let Some(l) = &a.address_lines {
            lines = [l.address_line1.as_deref(), l.address_line2.as_deref()]
                .into_iter()
                .filter_map(non_empty)
                .collect();
        }
    }
    if let Some(n) = non_empty(a.neighborhood.as_deref()) {
        if !lines.iter().any(|l| l.contains(&n)) {
            lines.insert(0, n);
        }
    }
    Address {
        name,
        company: non_empty(a.company.as_deref()),
        phone: non_empty(a.phone.as_deref()),
        lines,
        district: non_empty(a.district.as_deref()),
        city: non_empty(a.city.as_deref()),
        postal_code: non_empty(a.postal_code.as_deref()),
        country_code: non_empty(a.country_code.as_deref()),
        full_text: non_empty(a.full_address.as_deref()),
    }
}

/// The unified order for a Trendyol shipment package (see the [module docs](self)).
///
/// Fails with [`Error::Decode`] naming the field when the package has no status, or a line
/// has no `quantity` or `lineUnitPrice`.
pub fn order_from_package(p: &ShipmentPackage) -> Result<Order> {
    let status = p
        .status
        .as_ref()
        .or(p.shipment_package_status.as_ref())
        .map(order_status)
        .ok_or_else(|| missing("status"))?;
    let currency = non_empty(p.currency_code.as_deref()).unwrap_or_else(|| DEFAULT_CURRENCY.into());
    let mut order = Order::new(
        MarketplaceId::Trendyol,
        p.shipment_package_id.as_str(),
        p.order_number.clone().unwrap_or_default(),
        status,
    );
    order.created_at = p.order_date;
    order.updated_at = p.last_modified_date;
    let invoice_address = p.invoice_address.as_ref();
    let name = join_name(
        p.customer_first_name.as_deref(),
        p.customer_last_name.as_deref(),
    );
    if !name.is_empty() || p.customer_id.is_some() || p.customer_email.is_some() {
        order.customer = Some(Customer {
            id: p.customer_id.as_ref().map(|id| id.as_str().to_owned()),
            name,
            email: non_empty(p.customer_email.as_deref()),
            phone: p
                .shipment_address
                .as_ref()
                .and_then(|a| non_empty(a.phone.as_deref())),
            tax_number: invoice_address
                .and_then(|a| non_empty(a.tax_number.as_deref()))
                .or_else(|| non_empty(p.tax_number.as_deref())),
            tax_office: invoice_address.and_then(|a| non_empty(a.tax_office.as_deref())),
            identity_number: non_empty(p.identity_number.as_deref()),
        });
    }
    order.shipping_address = p.shipment_address.as_ref().map(address);
    order.billing_address = invoice_address.map(address);
    for (i, line) in p.lines.iter().enumerate() {
        order.lines.push(order_line(i, line, &currency)?);
    }
    order.total = p.package_total_price.map(|a| money(a, &currency));
    order.discount = p
        .package_total_discount
        .or_else(|| sum(p.package_seller_discount, p.package_ty_discount))
        .map(|a| money(a, &currency));
    order.cargo_provider = non_empty(p.cargo_provider_name.as_deref());
    order.tracking_number = p
        .cargo_tracking_number
        .as_ref()
        .map(|id| id.as_str().to_owned());
    order.tracking_url = non_empty(p.cargo_tracking_link.as_deref());
    order.invoice_url = non_empty(p.invoice_link.as_deref());
    order.raw = raw_of(p);
    Ok(order)
}

fn sum(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
    }
}

fn order_line(i: usize, l: &crate::model::orders::OrderLine, currency: &str) -> Result<OrderLine> {
    let quantity = l
        .quantity
        .ok_or_else(|| missing(format!("lines[{i}].quantity")))?;
    let unit = l
        .line_unit_price
        .ok_or_else(|| missing(format!("lines[{i}].lineUnitPrice")))?;
    let currency = non_empty(l.currency_code.as_deref()).unwrap_or_else(|| currency.to_owned());
    let sku = non_empty(l.stock_code.as_deref())
        .or_else(|| non_empty(l.barcode.as_deref()))
        .unwrap_or_default();
    let mut line = OrderLine::new(
        l.line_id.as_str(),
        sku,
        l.product_name.clone().unwrap_or_default(),
        quantity,
        money(unit, &currency),
    );
    let discount = l
        .line_total_discount
        .or_else(|| sum(l.line_seller_discount, l.line_ty_discount));
    let gross = l
        .line_gross_amount
        .unwrap_or(unit * Decimal::from(quantity));
    line.line_total = money(gross - discount.unwrap_or_default(), &currency);
    line.discount = discount
        .filter(|d| !d.is_zero())
        .map(|d| money(d, &currency));
    line.barcode = non_empty(l.barcode.as_deref());
    line.product_id = l.content_id.as_ref().map(|id| id.as_str().to_owned());
    line.vat_rate = l.vat_rate;
    line.status = non_empty(l.order_line_item_status_name.as_deref())
        .map(|s| order_status(&PackageStatus::from(s.as_str())));
    Ok(line)
}

/// The Trendyol package an [`Order`] was made from (its `raw` record).
pub fn original_order(order: &Order) -> Result<ShipmentPackage> {
    original(order.raw.as_ref(), "order")
}

/// The unified claim for a Trendyol claim (see the [module docs](self)).
pub fn claim_from_trendyol(c: &TyClaim) -> Result<Claim> {
    let mut lines = Vec::new();
    for entry in &c.items {
        let ol = &entry.order_line;
        let currency = DEFAULT_CURRENCY;
        for item in &entry.claim_items {
            let reason = item
                .customer_claim_item_reason
                .as_ref()
                .or(item.trendyol_claim_item_reason.as_ref());
            lines.push(ClaimLine {
                id: item.id.clone(),
                order_line_id: ol.id.as_ref().map(|id| id.as_str().to_owned()),
                sku: non_empty(ol.merchant_sku.as_deref())
                    .or_else(|| non_empty(ol.barcode.as_deref()))
                    .unwrap_or_default(),
                barcode: non_empty(ol.barcode.as_deref()),
                product_name: ol.product_name.clone().unwrap_or_default(),
                quantity: 1,
                status: Some(
                    item.status()
                        .map_or_else(|| ClaimStatus::Other(String::new()), claim_status),
                ),
                reason: reason.and_then(|r| non_empty(r.name.as_deref())),
                reason_code: reason.and_then(|r| {
                    non_empty(r.code.as_deref())
                        .or_else(|| r.external_reason_id.map(|id| id.to_string()))
                }),
                customer_note: non_empty(item.customer_note.as_deref()),
                price: ol.price.map(|p| money(p, currency)),
            });
        }
    }
    let statuses: Vec<ClaimStatus> = lines.iter().filter_map(|l| l.status.clone()).collect();
    let status = claim_level_status(&statuses).ok_or_else(|| missing("items"))?;
    let mut claim = Claim::new(
        MarketplaceId::Trendyol,
        c.id.clone(),
        c.order_number.clone().unwrap_or_default(),
        status,
    );
    claim.order_id = c
        .order_shipment_package_id
        .as_ref()
        .map(|id| id.as_str().to_owned());
    claim.created_at = c.claim_date;
    claim.updated_at = c.last_modified_date;
    let name = join_name(
        c.customer_first_name.as_deref(),
        c.customer_last_name.as_deref(),
    );
    if !name.is_empty() {
        claim.customer = Some(Customer {
            name,
            ..Customer::default()
        });
    }
    let total: Option<Decimal> = lines
        .iter()
        .map(|l| l.price.as_ref().map(|m| m.amount))
        .sum();
    claim.refund_amount = total.map(|t| money(t, DEFAULT_CURRENCY));
    claim.lines = lines;
    claim.cargo_provider = non_empty(c.cargo_provider_name.as_deref());
    claim.tracking_number = c
        .cargo_tracking_number
        .as_ref()
        .map(|id| id.as_str().to_owned());
    claim.raw = raw_of(c);
    Ok(claim)
}

/// The Trendyol claim a unified [`Claim`] was made from.
pub fn original_claim(claim: &Claim) -> Result<TyClaim> {
    original(claim.raw.as_ref(), "claim")
}

/// The unified question for a Trendyol question.
pub fn question_from_trendyol(q: &TyQuestion) -> Question {
    let status = q
        .status
        .as_ref()
        .map_or_else(|| QuestionStatus::Other(String::new()), question_status);
    let mut question = Question::new(
        MarketplaceId::Trendyol,
        q.id.as_str(),
        q.text.clone().unwrap_or_default(),
        status,
    );
    question.created_at = q.creation_date;
    question.customer_name = if q.show_user_name == Some(false) {
        None
    } else {
        non_empty(q.user_name.as_deref())
    };
    question.product_name = non_empty(q.product_name.as_deref());
    question.product_id = non_empty(q.product_main_id.as_deref());
    question.product_url = non_empty(q.web_url.as_deref());
    question.public = q.public;
    question.answer = q.answer.as_ref().and_then(|a| non_empty(a.text.as_deref()));
    question.answered_at = q.answer.as_ref().and_then(|a| a.creation_date);
    question.raw = raw_of(q);
    question
}

/// The Trendyol question a unified [`Question`] was made from.
pub fn original_question(question: &Question) -> Result<TyQuestion> {
    original(question.raw.as_ref(), "question")
}

/// The Trendyol record behind a unified [`Product`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TrendyolProduct {
    /// An approved content, with `variants` holding only the variant of this product.
    Approved(Box<ApprovedProduct>),
    /// An unapproved product.
    Unapproved(Box<UnapprovedProduct>),
}

fn quantity_u32(q: Option<i64>) -> Option<u32> {
    q.map(|q| u32::try_from(q.max(0)).unwrap_or(u32::MAX))
}

/// One unified product per variant (barcode) of an approved Trendyol content.
pub fn products_from_approved(p: &ApprovedProduct) -> Vec<Product> {
    p.variants
        .iter()
        .map(|v| {
            let mut product = Product::new(
                MarketplaceId::Trendyol,
                v.barcode.clone(),
                p.title.clone().unwrap_or_default(),
            );
            product.barcode = Some(v.barcode.clone());
            product.product_id = Some(p.content_id.as_str().to_owned());
            product.group_code = non_empty(p.product_main_id.as_deref());
            product.description = non_empty(p.description.as_deref());
            product.brand = p.brand.as_ref().and_then(|b| non_empty(b.name.as_deref()));
            product.category = p
                .category
                .as_ref()
                .and_then(|c| non_empty(c.name.as_deref()));
            product.stock = quantity_u32(v.stock.as_ref().and_then(|s| s.quantity));
            product.sale_price = v
                .price
                .as_ref()
                .and_then(|pr| pr.sale_price)
                .map(|a| money(a, DEFAULT_CURRENCY));
            product.list_price = v
                .price
                .as_ref()
                .and_then(|pr| pr.list_price)
                .map(|a| money(a, DEFAULT_CURRENCY));
            product.vat_rate = v.vat_rate;
            product.approved = Some(true);
            let locked = v.locked == Some(true) || v.blacklisted == Some(true);
            let archived = v.archived == Some(true);
            product.on_sale = v.on_sale.map(|on| on && !locked && !archived);
            product.archived = v.archived;
            product.images = p.images.iter().map(|i| i.url.clone()).collect();
            product.url = non_empty(v.product_url.as_deref());
            let mut record = p.clone();
            record.variants = vec![v.clone()];
            product.raw = raw_of(&TrendyolProduct::Approved(Box::new(record)));
            product
        })
        .collect()
}

fn name_of(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => non_empty(Some(s)),
        serde_json::Value::Object(m) => m
            .get("name")
            .and_then(serde_json::Value::as_str)
            .and_then(|s| non_empty(Some(s))),
        _ => None,
    }
}

/// The unified product for an unapproved Trendyol product.
pub fn product_from_unapproved(p: &UnapprovedProduct) -> Product {
    let mut product = Product::new(
        MarketplaceId::Trendyol,
        p.barcode.clone(),
        p.title.clone().unwrap_or_default(),
    );
    product.barcode = Some(p.barcode.clone());
    product.group_code = non_empty(p.product_main_id.as_deref());
    product.description = non_empty(p.description.as_deref());
    product.brand = name_of(p.brand.as_ref());
    product.category = name_of(p.category.as_ref());
    product.stock = quantity_u32(p.quantity);
    product.sale_price = p.sale_price.map(|a| money(a, DEFAULT_CURRENCY));
    product.list_price = p.list_price.map(|a| money(a, DEFAULT_CURRENCY));
    product.vat_rate = p.vat_rate;
    product.approved = Some(false);
    product.on_sale = Some(false);
    product.images = p.media.iter().map(|i| i.url.clone()).collect();
    product.raw = raw_of(&TrendyolProduct::Unapproved(Box::new(p.clone())));
    product
}

/// The Trendyol record a unified [`Product`] was made from.
pub fn original_product(product: &Product) -> Result<TrendyolProduct> {
    original(product.raw.as_ref(), "product")
}

// ---------------------------------------------------------------------------------------
// Unified → Trendyol requests
// ---------------------------------------------------------------------------------------

fn numeric_id(field: &str, value: Option<&str>) -> Result<i64> {
    let value = value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| Error::invalid_input(field, "is required (Trendyol's numeric id)"))?;
    value
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| Error::invalid_input(field, format!("{value:?} is not a Trendyol id")))
}

/// The `createProducts` item for a draft (`index` names the draft in errors:
/// `drafts[index].field`). See the [module docs](self) for what is required.
pub fn create_item_from_draft(index: usize, d: &ProductDraft) -> Result<ProductCreateItem> {
    let f = |name: &str| format!("drafts[{index}].{name}");
    let currency = d.price.currency.trim().to_owned();
    if let Some(list) = &d.list_price {
        if list.currency.trim() != currency {
            return Err(Error::invalid_input(
                f("list_price"),
                format!(
                    "currency {} differs from the price's {currency}",
                    list.currency
                ),
            ));
        }
    }
    let vat = d
        .vat_rate
        .ok_or_else(|| Error::invalid_input(f("vat_rate"), "is required: 0, 1, 10 or 20"))?;
    let vat_rate = VAT_RATES
        .iter()
        .copied()
        .find(|r| Decimal::from(*r) == vat)
        .ok_or_else(|| {
            Error::invalid_input(f("vat_rate"), format!("must be 0, 1, 10 or 20, got {vat}"))
        })?;
    let mut attributes = Vec::with_capacity(d.attributes.len());
    for (j, a) in d.attributes.iter().enumerate() {
        let attribute_id = numeric_id(&f(&format!("attributes[{j}].id")), a.id.as_deref())?;
        let attr = match (&a.value_id, &a.value) {
            (Some(value_id), _) => ProductAttribute::value(
                attribute_id,
                numeric_id(&f(&format!("attributes[{j}].value_id")), Some(value_id))?,
            ),
            (None, Some(text)) => ProductAttribute::custom(attribute_id, text.clone()),
            (None, None) => {
                return Err(Error::invalid_input(
                    f(&format!("attributes[{j}].value_id")),
                    "an attribute needs a value id or a custom value",
                ));
            }
        };
        attributes.push(attr);
    }
    let barcode = d.barcode.clone().unwrap_or_else(|| d.sku.clone());
    Ok(ProductCreateItem {
        product_main_id: d.group_code.clone().unwrap_or_else(|| d.sku.clone()),
        barcode,
        title: d.title.clone(),
        brand_id: numeric_id(&f("brand_id"), d.brand_id.as_deref())?,
        category_id: numeric_id(&f("category_id"), d.category_id.as_deref())?,
        quantity: d.stock,
        stock_code: Some(d.sku.clone()),
        dimensional_weight: d.dimensional_weight,
        description: d.description.clone(),
        currency_type: (!currency.is_empty()).then_some(currency),
        list_price: d.list_price.as_ref().map_or(d.price.amount, |l| l.amount),
        sale_price: d.price.amount,
        vat_rate,
        delivery_option: d.delivery_days.map(|days| DeliveryOption {
            delivery_duration: Some(days),
            fast_delivery_type: None,
        }),
        images: d.images.iter().map(Image::new).collect(),
        attributes,
        ..ProductCreateItem::default()
    })
}

/// The `updatePriceAndInventory` item for a unified update (barcode = `sku`).
pub fn inventory_item(update: &StockPrice) -> InventoryItem {
    InventoryItem::from(update)
}

fn package_query(query: &OrderQuery) -> Result<Option<ShipmentPackagesQuery>> {
    let mut q = ShipmentPackagesQuery::new();
    q.start_date = query.start;
    q.end_date = query.end;
    q.size = query.page_size;
    q.order_number = query.number.clone();
    for status in &query.statuses {
        for s in package_statuses_for(status) {
            if !q.statuses.contains(&s) {
                q.statuses.push(s);
            }
        }
    }
    if !query.statuses.is_empty() && q.statuses.is_empty() {
        return Ok(None);
    }
    Ok(Some(q))
}

fn lines_to_move(order: &Order, details: &StatusMove) -> Result<Vec<LineQuantity>> {
    let lines: Vec<LineQuantity> = order
        .lines
        .iter()
        .filter(|l| details.line_ids.is_empty() || details.line_ids.contains(&l.id))
        .map(|l| LineQuantity::new(wire_id(&l.id), l.quantity))
        .collect();
    if lines.is_empty() {
        return Err(Error::invalid_input(
            "lines",
            format!("order {} has no lines to move", order.id),
        ));
    }
    Ok(lines)
}

/// An id as Trendyol wants it on the wire: a JSON number when it is one, else a string.
fn wire_id(id: &str) -> Id {
    id.trim()
        .parse::<u64>()
        .map_or_else(|_| Id::new(id.trim()), Id::from)
}

fn refuse_move(order: &Order, to: &OrderStatus) -> Error {
    Error::InvalidTransition {
        entity: "order",
        from: order.status.to_string(),
        to: to.to_string(),
    }
}

fn parse_u64(field: &str, id: &str) -> Result<u64> {
    id.trim()
        .parse()
        .map_err(|_| Error::invalid_input(field, format!("{id:?} is not a Trendyol id")))
}

/// Ends a stream after its first error (the unified listing contract).
fn stop_after_error<'a, T: Send + 'a>(
    s: impl Stream<Item = Result<T>> + Send + 'a,
) -> BoxStream<'a, Result<T>> {
    s.scan(false, |failed, item| {
        if *failed {
            return ready(None);
        }
        *failed = item.is_err();
        ready(Some(item))
    })
    .boxed()
}

fn error_stream<'a, T: Send + 'a>(e: Error) -> BoxStream<'a, Result<T>> {
    stream::once(async move { Err(e) }).boxed()
}

// ---------------------------------------------------------------------------------------
// Trait implementations
// ---------------------------------------------------------------------------------------

impl MarketplaceIdentity for Client {
    fn id(&self) -> MarketplaceId {
        MarketplaceId::Trendyol
    }
}

#[async_trait]
impl OrderApi for Client {
    /// Shipment packages in the window (split into two-week windows and de-duplicated by
    /// [`crate::Orders::stream`]), mapped to orders.
    fn orders(&self, query: &OrderQuery) -> BoxStream<'_, Result<Order>> {
        let q = match package_query(query) {
            Ok(Some(q)) => q,
            Ok(None) => return stream::empty().boxed(),
            Err(e) => return error_stream(e),
        };
        let wanted = query.statuses.clone();
        let orders = Client::orders(self)
            .stream(&q)
            .and_then(|p| ready(order_from_package(&p)))
            .try_filter(move |o| ready(wanted.is_empty() || wanted.contains(&o.status)));
        stop_after_error(orders)
    }

    /// `getShipmentPackages` filtered by `shipmentPackageIds` = `id`.
    async fn order(&self, id: &str) -> Result<Order> {
        let package_id = parse_u64("id", id)?;
        let page = Client::orders(self)
            .list(&ShipmentPackagesQuery::new().shipment_package_id(package_id))
            .await?;
        let package = page
            .content
            .iter()
            .find(|p| p.shipment_package_id.as_str() == id.trim())
            .ok_or_else(|| not_found("shipment package", id))?;
        order_from_package(package)
    }

    async fn send_order_status(
        &self,
        order: &Order,
        to: OrderStatus,
        details: StatusMove,
    ) -> Result<()> {
        if order.status == OrderStatus::Awaiting {
            return Err(refuse_move(order, &to));
        }
        let orders = Client::orders(self);
        let package = wire_id(&order.id);
        match &to {
            OrderStatus::Picking => {
                orders
                    .picking(package, lines_to_move(order, &details)?)
                    .await
            }
            OrderStatus::Invoiced => {
                let invoice = non_empty(details.invoice_number.as_deref()).ok_or_else(|| {
                    Error::invalid_input("invoice_number", "Trendyol needs the invoice number")
                })?;
                let lines = lines_to_move(order, &details)?;
                if order.status == OrderStatus::Created {
                    orders.picking(package.clone(), lines.clone()).await?;
                }
                orders.invoiced(package, lines, invoice).await
            }
            OrderStatus::Shipped => {
                let tracking = non_empty(details.tracking_number.as_deref()).ok_or_else(|| {
                    Error::invalid_input(
                        "tracking_number",
                        "Trendyol marks a package shipped when the carrier scans it; with your own \
                         carrier contract, send its tracking number",
                    )
                })?;
                orders
                    .update_tracking_number(
                        package,
                        &UpdateTrackingNumberRequest {
                            tracking_number: tracking,
                        },
                    )
                    .await
            }
            OrderStatus::UnSupplied => {
                let reason_id = unsupplied_reason(details.reason_code.as_deref())?;
                let lines = lines_to_move(order, &details)?;
                orders
                    .unsupplied(package, &UnsuppliedRequest { lines, reason_id })
                    .await
            }
            OrderStatus::Split => {
                if details.line_ids.is_empty() {
                    return Err(Error::invalid_input(
                        "line_ids",
                        "name the lines that go to the new package",
                    ));
                }
                let order_line_ids = details.line_ids.iter().map(|id| wire_id(id)).collect();
                orders
                    .split(package, &SplitRequest { order_line_ids })
                    .await
                    .map(|_| ())
            }
            OrderStatus::Delivered
                if matches!(
                    order.status,
                    OrderStatus::Shipped
                        | OrderStatus::AtCollectionPoint
                        | OrderStatus::UnDelivered
                ) =>
            {
                orders.manual_deliver(package).await
            }
            OrderStatus::Returned
                if matches!(
                    order.status,
                    OrderStatus::Shipped
                        | OrderStatus::AtCollectionPoint
                        | OrderStatus::UnDelivered
                        | OrderStatus::Delivered
                ) =>
            {
                orders.manual_return(package).await
            }
            _ => Err(refuse_move(order, &to)),
        }
    }
}

impl Client {
    fn approved_products(&self, query: &ProductQuery) -> Result<BoxStream<'_, Result<Product>>> {
        let mut q = ApprovedProductQuery {
            size: query.page_size,
            ..ApprovedProductQuery::default()
        };
        match query.skus.as_slice() {
            [] => {}
            [one] => q.barcode = Some(one.clone()),
            many if many.len() <= 50 => q.barcodes = Some(many.join(",")),
            many => {
                return Err(Error::invalid_input(
                    "skus",
                    format!("at most 50 barcodes per query, got {}", many.len()),
                ));
            }
        }
        q.status = match (query.on_sale, query.archived) {
            (Some(true), _) => Some("onSale".into()),
            (Some(false), None) => Some("notOnSale".into()),
            (None, Some(true)) => Some("archived".into()),
            _ => None,
        };
        Ok(self
            .products()
            .approved_stream(&q)
            .map_ok(|p| stream::iter(products_from_approved(&p).into_iter().map(Ok)))
            .try_flatten()
            .boxed())
    }

    fn unapproved_products(&self, query: &ProductQuery) -> BoxStream<'_, Result<Product>> {
        let mut q = UnapprovedProductQuery {
            size: query.page_size,
            ..UnapprovedProductQuery::default()
        };
        if let [one] = query.skus.as_slice() {
            q.barcode = Some(one.clone());
        }
        self.products()
            .unapproved_stream(&q)
            .map_ok(|p| product_from_unapproved(&p))
            .boxed()
    }

    /// Reject claim items with evidence files — the form Trendyol requires for every
    /// reason except 1651, 451 and 2101, which the unified
    /// [`ClaimApi::reject_claim`] cannot carry.
    ///
    /// Runs the same checks as [`ClaimApi::reject_claim`] first (non-empty text, the
    /// [`ClaimStatus`] state machine, lines of the claim; [`ClaimRejectReason::from_rejection`]),
    /// sending nothing when one fails.
    pub async fn reject_claim_with_files(
        &self,
        claim: &Claim,
        line_ids: &[String],
        rejection: &ClaimRejection,
        files: Vec<UploadFile>,
    ) -> Result<()> {
        if rejection.text.trim().is_empty() {
            return Err(Error::invalid_input(
                "rejection.text",
                "a rejection needs an explanation",
            ));
        }
        let lines = check_claim_decision(claim, line_ids, &ClaimStatus::Rejected)?;
        check_waiting(claim, &lines, &ClaimStatus::Rejected)?;
        let issue = claim_issue(rejection, &lines, files)?;
        self.claims().reject(&claim.id, &issue).await
    }
}

#[async_trait]
impl ProductApi for Client {
    /// Approved products (one per variant), then unapproved ones unless the query asks for
    /// approved (or on-sale, or archived) products only. SKU, search, on-sale and archive
    /// filters are also applied to the mapped products.
    fn products(&self, query: &ProductQuery) -> BoxStream<'_, Result<Product>> {
        let approved = match query.approved {
            Some(false) => stream::empty().boxed(),
            _ => match self.approved_products(query) {
                Ok(s) => s,
                Err(e) => return error_stream(e),
            },
        };
        let unapproved_wanted = query.approved != Some(true)
            && query.on_sale != Some(true)
            && query.archived != Some(true);
        let unapproved = if unapproved_wanted {
            self.unapproved_products(query)
        } else {
            stream::empty().boxed()
        };
        let query = query.clone();
        let search = query.search.as_deref().map(str::to_lowercase);
        let all = approved.chain(unapproved).try_filter(move |p| {
            let keep = (query.skus.is_empty() || query.skus.contains(&p.sku))
                && search
                    .as_ref()
                    .is_none_or(|s| p.title.to_lowercase().contains(s))
                && query.on_sale.is_none_or(|v| p.on_sale == Some(v))
                && query
                    .archived
                    .is_none_or(|v| p.archived.unwrap_or(false) == v);
            ready(keep)
        });
        stop_after_error(all)
    }

    /// `createProducts` V2 with every draft; the handle's id is Trendyol's batch id.
    async fn push_drafts(&self, drafts: &[ProductDraft]) -> Result<BatchHandle> {
        if drafts.is_empty() {
            return Err(Error::invalid_input(
                "drafts",
                "must contain at least one draft",
            ));
        }
        let items = drafts
            .iter()
            .enumerate()
            .map(|(i, d)| create_item_from_draft(i, d))
            .collect::<Result<Vec<_>>>()?;
        let id = Client::products(self).create(&items).await?;
        Ok(BatchHandle::new(
            MarketplaceId::Trendyol,
            id.batch_request_id,
            BatchKind::ProductCreate,
        ))
    }

    /// `getBatchRequestResult` for the handle, as a [`BatchOutcome`] (see [`batch_outcome`]).
    async fn batch_outcome(&self, handle: &BatchHandle) -> Result<BatchOutcome> {
        let result = Client::products(self).batch_result(&handle.id).await?;
        Ok(batch_outcome(handle, &result))
    }

    /// Coalesce, check everything, then `updatePriceAndInventory` in requests of at most
    /// 1000 items (one handle each). If a request fails, its error is returned; earlier
    /// requests were accepted by Trendyol.
    async fn update_stock_prices(&self, updates: &[StockPrice]) -> Result<Vec<BatchHandle>> {
        for (i, u) in updates.iter().enumerate() {
            if u.sku.trim().is_empty() {
                return Err(Error::invalid_input(
                    format!("updates[{i}].sku"),
                    "is required",
                ));
            }
            if u.quantity.is_none() && u.sale_price.is_none() && u.list_price.is_none() {
                return Err(Error::invalid_input(
                    format!("updates[{i}]"),
                    "set at least one of quantity, sale_price, list_price",
                ));
            }
        }
        let mut coalescer = StockPriceCoalescer::new();
        for u in updates {
            coalescer.push(u.clone());
        }
        let chunks: Vec<Vec<InventoryItem>> = coalescer
            .drain_chunks(MAX_ITEMS)
            .iter()
            .map(|chunk| chunk.iter().map(inventory_item).collect())
            .collect();
        for item in chunks.iter().flatten() {
            crate::api::inventory::validate(&format!("updates[{}]", item.barcode), item)?;
        }
        let mut handles = Vec::with_capacity(chunks.len());
        for chunk in &chunks {
            let id = self.inventory().update(chunk).await?;
            handles.push(BatchHandle::new(
                MarketplaceId::Trendyol,
                id.batch_request_id,
                BatchKind::StockPrice,
            ));
        }
        Ok(handles)
    }
}

/// Trendyol's own rule on top of the unified state machine: only claim items in
/// `WaitingInAction` can be approved or rejected (an `InReview` claim, which the unified
/// machine lets move, is being checked by Trendyol and cannot be decided by the seller).
fn check_waiting(claim: &Claim, line_ids: &[String], to: &ClaimStatus) -> Result<()> {
    let status_of = |id: &String| {
        claim
            .line(id)
            .and_then(|l| l.status.clone())
            .unwrap_or_else(|| claim.status.clone())
    };
    match line_ids
        .iter()
        .map(status_of)
        .find(|s| *s != ClaimStatus::WaitingInAction)
    {
        None => Ok(()),
        Some(from) => Err(Error::InvalidTransition {
            entity: "claim item",
            from: from.to_string(),
            to: to.to_string(),
        }),
    }
}

fn claim_query(query: &ClaimQuery) -> TyClaimQuery {
    let mut q = TyClaimQuery {
        start_date: query.start,
        end_date: query.end,
        size: query.page_size,
        order_number: query.order_number.clone(),
        ..TyClaimQuery::default()
    };
    if let [one] = query.statuses.as_slice() {
        if let [exact] = claim_item_statuses_for(one).as_slice() {
            q.claim_item_status = Some(exact.clone());
        }
    }
    q
}

#[async_trait]
impl ClaimApi for Client {
    /// `getClaims` page by page, mapped; a status filter is applied to the claims' unified
    /// status (and sent as `claimItemStatus` when it names exactly one Trendyol status).
    fn claims(&self, query: &ClaimQuery) -> BoxStream<'_, Result<Claim>> {
        let q = claim_query(query);
        let wanted = query.statuses.clone();
        let claims = Client::claims(self)
            .stream(&q)
            .and_then(|c| ready(claim_from_trendyol(&c)))
            .try_filter(move |c| ready(wanted.is_empty() || wanted.contains(&c.status)));
        stop_after_error(claims)
    }

    /// `getClaims` filtered by `claimIds` = `id`.
    async fn claim(&self, id: &str) -> Result<Claim> {
        let q = TyClaimQuery {
            claim_ids: vec![id.to_owned()],
            ..TyClaimQuery::default()
        };
        let page = Client::claims(self).list(&q).await?;
        let claim = page
            .content
            .iter()
            .find(|c| c.id == id || c.claim_id.as_deref() == Some(id))
            .ok_or_else(|| not_found("claim", id))?;
        claim_from_trendyol(claim)
    }

    /// `approveClaimLineItems` with the claim item ids (each must be `WaitingInAction`).
    async fn send_claim_approval(&self, claim: &Claim, line_ids: &[String]) -> Result<()> {
        check_waiting(claim, line_ids, &ClaimStatus::Accepted)?;
        Client::claims(self).approve(&claim.id, line_ids).await
    }

    /// `createClaimIssue` with the reason id and description (no files: see
    /// [`Client::reject_claim_with_files`]).
    async fn send_claim_rejection(
        &self,
        claim: &Claim,
        line_ids: &[String],
        rejection: &ClaimRejection,
    ) -> Result<()> {
        check_waiting(claim, line_ids, &ClaimStatus::Rejected)?;
        let issue = claim_issue(rejection, line_ids, Vec::new())?;
        Client::claims(self).reject(&claim.id, &issue).await
    }
}

#[async_trait]
impl QuestionApi for Client {
    /// `getQuestionFilter` (ranges split into two-week windows), mapped; a status filter is
    /// sent when it names one status and applied to the mapped questions.
    fn questions(&self, query: &QuestionQuery) -> BoxStream<'_, Result<Question>> {
        let mut q = TyQuestionQuery {
            start_date: query.start,
            end_date: query.end,
            barcode: query.sku.clone(),
            size: query.page_size,
            ..TyQuestionQuery::default()
        };
        if let [one] = query.statuses.as_slice() {
            match question_status_for(one) {
                Some(s) => q.status = Some(s),
                None => return stream::empty().boxed(),
            }
        }
        let wanted = query.statuses.clone();
        let questions = Client::questions(self)
            .stream(&q)
            .map_ok(|q| question_from_trendyol(&q))
            .try_filter(move |q| ready(wanted.is_empty() || wanted.contains(&q.status)));
        stop_after_error(questions)
    }

    /// `getQuestion`.
    async fn question(&self, id: &str) -> Result<Question> {
        let id = parse_u64("id", id)?;
        let q = Client::questions(self).get(id).await?;
        Ok(question_from_trendyol(&q))
    }

    /// `answerQuestion` (10–2000 characters, checked before sending).
    async fn send_answer(&self, question: &Question, text: &str) -> Result<()> {
        let id = parse_u64("question.id", &question.id)?;
        Client::questions(self).answer(id, text).await.map(|_| ())
    }
}

impl Marketplace for Client {
    /// Every unified operation.
    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }
}
