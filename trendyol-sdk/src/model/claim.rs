//! Claims / returns (reference §7).

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use super::product::UploadFile;

marketplace_core::string_enum! {
    /// Status of a claim item (`claimItemStatus.name`; claims have no status of their own).
    pub enum ClaimItemStatus {
        /// New claim.
        Created = "Created",
        /// Waiting for the seller: only items in this status can be approved or rejected.
        WaitingInAction = "WaitingInAction",
        /// Fraud check (resolves within ~9 h to Accepted or Rejected).
        WaitingFraudCheck = "WaitingFraudCheck",
        /// Accepted.
        Accepted = "Accepted",
        /// Unresolved (dispute).
        Unresolved = "Unresolved",
        /// Rejected.
        Rejected = "Rejected",
        /// Cancelled.
        Cancelled = "Cancelled",
        /// Being analysed by Trendyol.
        InAnalysis = "InAnalysis",
    }
    /// A status this version does not know.
    Other(String)
}

/// Reasons for which `createClaimIssue` does not require files (§7.4).
pub const REASONS_WITHOUT_FILES: [i64; 3] = [1651, 451, 2101];

/// Query of `getClaims` (`size` ≤ 200).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimQuery {
    /// Range start.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub start_date: Option<DateTime<Utc>>,
    /// Range end.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::epoch_millis::option"
    )]
    pub end_date: Option<DateTime<Utc>>,
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size (default 50, max 200).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// Item status filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_item_status: Option<ClaimItemStatus>,
    /// Order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
    /// Claim ids (repeated parameter).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claim_ids: Vec<String>,
}

query_setters!(ClaimQuery {
    /// Range start.
    start_date: date,
    /// Range end.
    end_date: date,
    /// Page (0-based).
    page: u32,
    /// Page size (≤ 200).
    size: u32,
    /// Order number.
    order_number: string,
});

impl ClaimQuery {
    /// Filter by item status.
    #[must_use]
    pub fn claim_item_status(mut self, status: impl Into<ClaimItemStatus>) -> Self {
        self.claim_item_status = Some(status.into());
        self
    }
}

/// One page of `getClaims`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimPage {
    /// Total claims.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_elements: Option<u64>,
    /// Total pages.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
    /// This page.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub size: Option<u32>,
    /// The claims.
    #[serde(default)]
    pub content: Vec<Claim>,
}

/// A claim (return) with its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    /// Claim id (UUID).
    #[serde(deserialize_with = "marketplace_core::codec::lenient::string::deserialize")]
    pub id: String,
    /// Claim id again (the December 2025 rename of `id`).
    #[serde(
        default,
        deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize"
    )]
    pub claim_id: Option<String>,
    /// Order number.
    #[serde(
        default,
        deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize"
    )]
    pub order_number: Option<String>,
    /// Order date.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub order_date: Option<DateTime<Utc>>,
    /// Customer first name.
    #[serde(default)]
    pub customer_first_name: Option<String>,
    /// Customer last name.
    #[serde(default)]
    pub customer_last_name: Option<String>,
    /// When the claim was made (GMT).
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub claim_date: Option<DateTime<Utc>>,
    /// Return tracking number (may exceed `u64`; kept exactly).
    #[serde(default)]
    pub cargo_tracking_number: Option<Id>,
    /// Cargo sender number.
    #[serde(default)]
    pub cargo_sender_number: Option<Id>,
    /// Carrier name.
    #[serde(default)]
    pub cargo_provider_name: Option<String>,
    /// The original shipment package.
    #[serde(default)]
    pub order_shipment_package_id: Option<Id>,
    /// Replacement package, if one was sent.
    #[serde(default, rename = "replacementOutboundpackageinfo")]
    pub replacement_outbound_package_info: Option<ClaimPackageInfo>,
    /// Package of rejected items.
    #[serde(default, rename = "rejectedpackageinfo")]
    pub rejected_package_info: Option<ClaimPackageInfo>,
    /// The claimed lines.
    #[serde(default)]
    pub items: Vec<ClaimLine>,
    /// Last change.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_modified_date: Option<DateTime<Utc>>,
    /// Outbound package id.
    #[serde(default)]
    pub order_outbound_package_id: Option<Id>,
    /// Luxe channel id.
    #[serde(default)]
    pub channel_id: Option<Id>,
}

impl Claim {
    /// Every claim item of every line.
    pub fn claim_items(&self) -> impl Iterator<Item = &ClaimItem> + '_ {
        self.items.iter().flat_map(|line| line.claim_items.iter())
    }

    /// The claim item with this id.
    pub fn claim_item(&self, id: &str) -> Option<&ClaimItem> {
        self.claim_items().find(|item| item.id == id)
    }
}

/// A package attached to a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimPackageInfo {
    /// Package id.
    #[serde(default, rename = "packageid", alias = "packageId")]
    pub package_id: Option<Id>,
    /// Claim item ids in it.
    #[serde(default)]
    pub items: Vec<String>,
    /// Rejected items stay with the seller.
    #[serde(
        default,
        rename = "dontShipBack",
        with = "marketplace_core::codec::lenient::bool::option"
    )]
    pub dont_ship_back: Option<bool>,
}

/// One order line of a claim and its claim items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimLine {
    /// The order line.
    pub order_line: ClaimOrderLine,
    /// One claim item per returned unit.
    #[serde(default)]
    pub claim_items: Vec<ClaimItem>,
}

/// The order line of a claim (still with `merchantSku`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimOrderLine {
    /// Line id.
    #[serde(default)]
    pub id: Option<Id>,
    /// Product name.
    #[serde(default)]
    pub product_name: Option<String>,
    /// Barcode.
    #[serde(default)]
    pub barcode: Option<String>,
    /// Seller SKU.
    #[serde(default)]
    pub merchant_sku: Option<String>,
    /// Colour.
    #[serde(default)]
    pub product_color: Option<String>,
    /// Size.
    #[serde(default)]
    pub product_size: Option<String>,
    /// Unit price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub price: Option<Decimal>,
    /// VAT rate (formerly `vatBaseAmount`).
    #[serde(
        default,
        alias = "vatBaseAmount",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub vat_rate: Option<Decimal>,
}

/// One claimed unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimItem {
    /// Claim item id (used to approve / reject).
    #[serde(deserialize_with = "marketplace_core::codec::lenient::string::deserialize")]
    pub id: String,
    /// Order line item id.
    #[serde(default)]
    pub order_line_item_id: Option<Id>,
    /// The customer's reason.
    #[serde(default)]
    pub customer_claim_item_reason: Option<ClaimReason>,
    /// Trendyol's reason.
    #[serde(default)]
    pub trendyol_claim_item_reason: Option<ClaimReason>,
    /// Status.
    #[serde(default)]
    pub claim_item_status: Option<ClaimItemStatusRef>,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
    /// Customer's note.
    #[serde(default)]
    pub customer_note: Option<String>,
    /// Resolved.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub resolved: Option<bool>,
    /// Auto-accepted after 48 h.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub auto_accepted: Option<bool>,
    /// Accepted by the seller.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub accepted_by_seller: Option<bool>,
    /// `SUPPLIER`, `DISPUTE`, `SYSTEM`.
    #[serde(default)]
    pub accept_detail: Option<String>,
}

impl ClaimItem {
    /// The item's status, if sent.
    pub fn status(&self) -> Option<&ClaimItemStatus> {
        self.claim_item_status.as_ref().map(|s| &s.name)
    }
}

/// `{"name": "..."}` wrapper of a claim item status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimItemStatusRef {
    /// The status.
    pub name: ClaimItemStatus,
}

/// A claim reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimReason {
    /// Reason text.
    #[serde(default)]
    pub name: Option<String>,
    /// Reason id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub external_reason_id: Option<i64>,
    /// Reason code, e.g. `UNFIT`.
    #[serde(default)]
    pub code: Option<String>,
}

/// A reason for rejecting a claim (`getClaimIssueReasons`); `id` goes into
/// `claimIssueReasonId`. The list changes (8 October 2026): load it at runtime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimIssueReason {
    /// Reason id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: i64,
    /// Reason text.
    #[serde(default)]
    pub name: Option<String>,
}

/// `approveClaimLineItems` body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApproveClaimItems {
    /// Claim item ids (`claimItems[].id`).
    pub claim_line_item_id_list: Vec<String>,
    /// Extra parameters (`{}`).
    #[serde(default)]
    pub params: serde_json::Map<String, serde_json::Value>,
}

/// `createClaimIssue` (reject) input. Files are mandatory except for the reasons in
/// [`REASONS_WITHOUT_FILES`]; `description` ≤ 500 characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreateClaimIssue {
    /// Reason id from `getClaimIssueReasons`.
    pub claim_issue_reason_id: i64,
    /// Claim item ids to reject.
    pub claim_item_ids: Vec<String>,
    /// Explanation (≤ 500 characters).
    pub description: String,
    /// Evidence files (pdf, jpeg, …).
    pub files: Vec<UploadFile>,
}

/// `createClaim` body (packages returned without a return code).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateClaim {
    /// The returned items.
    pub claim_items: Vec<CreateClaimItem>,
    /// Customer id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    /// Exclude from listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude_listing: Option<bool>,
    /// Create the package even if it cannot be matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_package_creation: Option<bool>,
    /// Order number (required).
    pub order_number: String,
    /// Carrier id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_company_id: Option<i64>,
}

/// One item of [`CreateClaim`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateClaimItem {
    /// Barcode.
    pub barcode: String,
    /// Customer's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_note: Option<String>,
    /// Quantity.
    pub quantity: u32,
    /// Reason id (401, "gave up", is suggested).
    pub reason_id: i64,
}

/// `createClaim` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedClaim {
    /// The new claim's id.
    #[serde(deserialize_with = "marketplace_core::codec::lenient::string::deserialize")]
    pub claim_id: String,
    /// Return tracking number.
    #[serde(default)]
    pub cargo_tracking_number: Option<Id>,
    /// Claim item ids.
    #[serde(default)]
    pub claim_item_ids: Vec<String>,
}

/// One status change of a claim item (`getClaimItemAudits`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimItemAudit {
    /// Claim id.
    #[serde(default)]
    pub claim_id: Option<String>,
    /// Claim item id.
    #[serde(default)]
    pub claim_item_id: Option<String>,
    /// Status before.
    #[serde(default)]
    pub previous_status: Option<ClaimItemStatus>,
    /// Status after.
    #[serde(default)]
    pub new_status: Option<ClaimItemStatus>,
    /// Who made the change.
    #[serde(default)]
    pub user_info_document: Option<ExecutorInfo>,
    /// When.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub date: Option<DateTime<Utc>>,
}

/// Who changed a claim item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutorInfo {
    /// Executor id.
    #[serde(default)]
    pub executor_id: Option<Id>,
    /// Application, e.g. `SellerIntegrationApi`.
    #[serde(default)]
    pub executor_app: Option<String>,
    /// User (documented as a string, sent as a number).
    #[serde(
        default,
        deserialize_with = "marketplace_core::codec::lenient::string::option::deserialize"
    )]
    pub executor_user: Option<String>,
}
