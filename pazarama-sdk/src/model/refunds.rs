//! Refunds (`order/getRefund`, `order/updateRefund`, refund revision) and cancellation
//! requests (`order/api/cancel/items`, `order/api/cancel`), which share one record shape.

use std::fmt;

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::orders::{Amount, validate_range, wire_date};
use crate::{Error, Result};

marketplace_core::code_enum! {
    /// Status of a refund or cancellation request (`refundStatus`).
    pub enum RefundStatus {
        /// 1: waiting for the seller (Onay Bekliyor).
        Pending = 1,
        /// 2: approved by the seller.
        ApprovedBySeller = 2,
        /// 3: rejected by the seller (goes to Pazarama's back office).
        RejectedBySeller = 3,
        /// 4: approved by Pazarama's back office.
        ApprovedByBackoffice = 4,
        /// 5: rejected by Pazarama's back office.
        RejectedByBackoffice = 5,
        /// 6: approved automatically (the seller did not act).
        AutoApproved = 6,
        /// 7: the request was withdrawn (Talep İptal Edildi).
        Withdrawn = 7,
        /// 8: approved directly.
        DirectApproval = 8,
        /// 9: sent to review by the seller (the status of the document's "send to review"
        /// sample in section 3.29; not in the status table).
        SentToReview = 9,
    }
    /// A status this version does not know.
    Unknown(i64)
}

marketplace_core::code_enum! {
    /// Why the seller rejects a return (`refundRejectType`).
    pub enum RefundRejectType {
        /// 1: the returned product is not mine.
        NotMyProduct = 1,
        /// 2: the returned product is defective or damaged.
        DefectiveOrDamaged = 2,
        /// 3: fewer units came back.
        MissingQuantity = 3,
        /// 4: the wrong product came back.
        WrongProduct = 4,
        /// 5: the returned product was used.
        Used = 5,
        /// 6: the returned product is counterfeit.
        Counterfeit = 6,
        /// 7: a part or accessory is missing.
        MissingPartOrAccessory = 7,
        /// 8: the product I sent is not defective.
        NotDefective = 8,
        /// 9: the product I sent is not the wrong one.
        NotWrong = 9,
        /// 10: the return package arrived empty (no photo required).
        EmptyPackage = 10,
        /// 11: the return package never reached me (no photo required).
        PackageNotReceived = 11,
        /// 12: other.
        Other = 12,
    }
    /// A reason this version does not know.
    Unknown(i64)
}

impl RefundRejectType {
    /// Whether the document requires a photo with this reason: every reason except
    /// 10 (empty package) and 11 (package not received).
    pub fn requires_photo(self) -> bool {
        !matches!(
            self,
            RefundRejectType::EmptyPackage | RefundRejectType::PackageNotReceived
        )
    }
}

marketplace_core::code_enum! {
    /// What kind of review a return is sent to (`refundReviewType`, section 3.29).
    pub enum RefundReviewType {
        /// 1: manufacturer review.
        ManufacturerReview = 1,
        /// 2: authorised service review.
        AuthorizedServiceReview = 2,
        /// 3: other (a description of the problem is required).
        Other = 3,
    }
    /// A review type this version does not know.
    Unknown(i64)
}

/// One refund or cancellation request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refund {
    /// Row number in the result.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<i64>,
    /// Refund id: the key of every update.
    pub refund_id: Uuid,
    /// Order number (matches the order services).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_number: Option<u64>,
    /// When the order was placed.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub order_date: Option<DateTime<Utc>>,
    /// Refund number.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub refund_number: Option<u64>,
    /// The buyer's reason, as text.
    #[serde(default)]
    pub refund_type: Option<String>,
    /// Status.
    #[serde(default)]
    pub refund_status: Option<RefundStatus>,
    /// Status name (Turkish).
    #[serde(default)]
    pub refund_status_name: Option<String>,
    /// Payment type, as text here (`Banka/Kredi Kartı`).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub payment_type: Option<String>,
    /// When the request was made.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub refund_date: Option<DateTime<Utc>>,
    /// Order total.
    #[serde(default)]
    pub total_amount: Option<Amount>,
    /// Amount to refund.
    #[serde(default)]
    pub refund_amount: Option<Amount>,
    /// Buyer id.
    #[serde(default)]
    pub customer_id: Option<Uuid>,
    /// Buyer name.
    #[serde(default)]
    pub customer_name: Option<String>,
    /// Buyer e-mail.
    #[serde(default)]
    pub customer_email: Option<String>,
    /// Buyer phone.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub customer_phone_number: Option<String>,
    /// Buyer address.
    #[serde(default)]
    pub customer_address: Option<String>,
    /// Product name.
    #[serde(default)]
    pub product_name: Option<String>,
    /// Product code (barcode), matches the order item's product.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub product_code: Option<String>,
    /// Seller stock code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub product_stock_code: Option<String>,
    /// Carrier of the return.
    #[serde(default)]
    pub shipment_company_name: Option<String>,
    /// Return shipment code (contracted carrier).
    #[serde(default)]
    pub shipment_code: Option<Id>,
    /// The buyer's description.
    #[serde(default)]
    pub description: Option<String>,
    /// Back-office description.
    #[serde(default)]
    pub bo_description: Option<String>,
    /// Quantity (1 per record with `SplitItems`).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub quantity: Option<u32>,
    /// Order item, when sent.
    #[serde(default)]
    pub order_item_id: Option<Uuid>,
}

/// One page of refunds or cancellation requests.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundPage {
    /// Paging information.
    #[serde(default)]
    pub response_page: Option<ResponsePage>,
    /// Counts by status.
    #[serde(default)]
    pub page_report: Option<RefundPageReport>,
    /// The requests on this page.
    #[serde(default)]
    pub refund_list: Vec<Refund>,
}

/// Paging information of a page (`responsePage` / `pageResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponsePage {
    /// Page size used.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page_size: Option<u32>,
    /// Page number, from 1.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page_index: Option<u32>,
    /// Total number of records.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_count: Option<u64>,
    /// Total number of pages (not always right: the document shows 0 pages for 1 record).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
}

impl ResponsePage {
    /// Whether page `page` (requested with `size`) is the last one according to the total
    /// record count (`None` when the count is unknown).
    pub(crate) fn is_last(&self, page: u32, size: u32) -> Option<bool> {
        let total = self.total_count?;
        let per_page = self.page_size.filter(|s| *s > 0).unwrap_or(size).max(1);
        Some(u64::from(page) * u64::from(per_page) >= total)
    }
}

/// Counts by status (`pageReport`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundPageReport {
    /// All requests.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_refund_count: Option<u64>,
    /// Waiting.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_waiting_refund_count: Option<u64>,
    /// Approved.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_approved_refund_count: Option<u64>,
    /// Rejected.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_rejected_refund_count: Option<u64>,
}

/// Query (request body) of `order/getRefund` and `order/api/cancel/items`.
///
/// Dates are sent as Istanbul local time, `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundQuery {
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// Page number, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<u32>,
    /// Only this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_status: Option<RefundStatus>,
    /// One record per unit, each with its own `refundId` (refunds only, section 3.25).
    #[serde(
        default,
        rename = "SplitItems",
        skip_serializing_if = "Option::is_none"
    )]
    pub split_items: Option<bool>,
    /// Requests made from this instant.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "wire_date::serialize_minutes",
        deserialize_with = "marketplace_core::codec::datetime::option::deserialize"
    )]
    pub request_start_date: Option<DateTime<Utc>>,
    /// Requests made until this instant.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "wire_date::serialize_minutes",
        deserialize_with = "marketplace_core::codec::datetime::option::deserialize"
    )]
    pub request_end_date: Option<DateTime<Utc>>,
    /// One order (cancellation requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<u64>,
}

impl RefundQuery {
    /// Requests made in `[start, end]`.
    pub fn between(start: impl Into<DateTime<Utc>>, end: impl Into<DateTime<Utc>>) -> Self {
        RefundQuery {
            request_start_date: Some(start.into()),
            request_end_date: Some(end.into()),
            ..Self::default()
        }
    }

    /// Only requests with this status.
    #[must_use]
    pub fn status(mut self, status: RefundStatus) -> Self {
        self.refund_status = Some(status);
        self
    }

    /// One record per unit (`SplitItems: true`).
    #[must_use]
    pub fn split_items(mut self, split: bool) -> Self {
        self.split_items = Some(split);
        self
    }

    /// Only this order.
    #[must_use]
    pub fn order_number(mut self, order_number: u64) -> Self {
        self.order_number = Some(order_number);
        self
    }

    /// Set the page number (from 1).
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page_number = Some(page);
        self
    }

    /// Set the page size.
    #[must_use]
    pub fn size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Check: start not after end, page number and size at least 1.
    pub fn validate(&self) -> Result<()> {
        if self.page_number == Some(0) {
            return Err(Error::invalid_input(
                "pageNumber",
                "pages are numbered from 1",
            ));
        }
        if self.page_size == Some(0) {
            return Err(Error::invalid_input("pageSize", "must be at least 1"));
        }
        validate_range(
            self.request_start_date,
            self.request_end_date,
            "requestEndDate",
            false,
        )
    }
}

/// The most files one refund action may carry.
pub const MAX_REFUND_DOCUMENTS: usize = 3;
/// The largest file one refund action may carry: 5 MB (taken as 5 MiB, 5,242,880 bytes).
pub const MAX_REFUND_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;

/// A file attached to a refund action: a name and its bytes (sent base64-encoded).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentObject {
    /// File name, e.g. `images.png`.
    pub name: String,
    /// File content.
    #[serde(with = "base64_bytes")]
    pub bytes: Vec<u8>,
}

impl DocumentObject {
    /// A file named `name` with content `bytes`.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        DocumentObject {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

impl fmt::Debug for DocumentObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocumentObject")
            .field("name", &self.name)
            .field("bytes", &format_args!("<{} bytes>", self.bytes.len()))
            .finish()
    }
}

/// Standard base64; written padded, read with or without padding (and across line breaks).
mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::DecodePaddingMode;
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
    use serde::{Deserialize, Deserializer, Serializer};

    /// The standard alphabet, padding optional: the document's revision sample sends the
    /// unpadded `"string"`.
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );

    pub(super) fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        let compact: String = text.split_whitespace().collect();
        LENIENT
            .decode(compact.as_bytes())
            .map_err(serde::de::Error::custom)
    }
}

/// Check the document's file rules: at most 3 files, each non-empty, named, ≤ 5 MB.
fn validate_documents(documents: &[DocumentObject]) -> Result<()> {
    if documents.len() > MAX_REFUND_DOCUMENTS {
        return Err(Error::invalid_input(
            "documentObjects",
            format!(
                "at most {MAX_REFUND_DOCUMENTS} files per product, got {}",
                documents.len()
            ),
        ));
    }
    for (i, doc) in documents.iter().enumerate() {
        if doc.name.trim().is_empty() {
            return Err(Error::invalid_input(
                format!("documentObjects[{i}].name"),
                "must not be empty",
            ));
        }
        if doc.bytes.is_empty() {
            return Err(Error::invalid_input(
                format!("documentObjects[{i}].bytes"),
                "the file is empty",
            ));
        }
        if doc.bytes.len() > MAX_REFUND_DOCUMENT_BYTES {
            return Err(Error::invalid_input(
                format!("documentObjects[{i}].bytes"),
                format!(
                    "{} is {} bytes; a file may not exceed 5 MB ({MAX_REFUND_DOCUMENT_BYTES} bytes)",
                    doc.name,
                    doc.bytes.len()
                ),
            ));
        }
    }
    Ok(())
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// Body of `POST order/updateRefund`: approve (2), reject (3) or send to review (9) a
/// return. Build it with [`approve`](Self::approve), [`reject`](Self::reject) or
/// [`review`](Self::review).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRefundRequest {
    /// The refund.
    pub refund_id: Uuid,
    /// 2 approve, 3 reject, 9 send to review.
    pub status: RefundStatus,
    /// Quantity the action applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// Rejection reason (status 3). Read as `refundRejectType` or, as the document's
    /// section 3.18 sample spells it, `RefundRejectType`; always sent as `refundRejectType`.
    #[serde(
        default,
        alias = "RefundRejectType",
        skip_serializing_if = "Option::is_none"
    )]
    pub refund_reject_type: Option<RefundRejectType>,
    /// Photos / documents (reject and review).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document_objects: Vec<DocumentObject>,
    /// Review type (status 9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_review_type: Option<RefundReviewType>,
    /// Explanation (required to reject, and to send to review as "other").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateRefundRequest {
    fn with_status(refund_id: Uuid, status: RefundStatus) -> Self {
        UpdateRefundRequest {
            refund_id,
            status,
            quantity: None,
            refund_reject_type: None,
            document_objects: Vec::new(),
            refund_review_type: None,
            description: None,
        }
    }

    /// Approve the return (status 2).
    pub fn approve(refund_id: Uuid) -> Self {
        Self::with_status(refund_id, RefundStatus::ApprovedBySeller)
    }

    /// Reject the return (status 3) for `reason`, explained by `description`. Add photos
    /// with [`document`](Self::document): required for every reason except 10 and 11.
    pub fn reject(
        refund_id: Uuid,
        reason: RefundRejectType,
        description: impl Into<String>,
    ) -> Self {
        UpdateRefundRequest {
            refund_reject_type: Some(reason),
            description: Some(description.into()),
            ..Self::with_status(refund_id, RefundStatus::RejectedBySeller)
        }
    }

    /// Send the return to review (status 9) of `review_type`. "Other" needs a
    /// [`description`](Self::description).
    pub fn review(refund_id: Uuid, review_type: RefundReviewType) -> Self {
        UpdateRefundRequest {
            refund_review_type: Some(review_type),
            ..Self::with_status(refund_id, RefundStatus::SentToReview)
        }
    }

    /// Attach a file.
    #[must_use]
    pub fn document(mut self, document: DocumentObject) -> Self {
        self.document_objects.push(document);
        self
    }

    /// Set the description.
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Set the quantity the action applies to.
    #[must_use]
    pub fn quantity(mut self, quantity: u32) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// Check the document's rules (section 3.29): only 2, 3 or 9; at most 3 files of at
    /// most 5 MB; rejecting needs a reason, a description, and a photo unless the reason
    /// is 10 or 11; a review needs a review type, and a description for "other".
    pub fn validate(&self) -> Result<()> {
        if self.quantity == Some(0) {
            return Err(Error::invalid_input("quantity", "must be at least 1"));
        }
        validate_documents(&self.document_objects)?;
        match self.status {
            RefundStatus::ApprovedBySeller => {
                if self.refund_reject_type.is_some() {
                    return Err(Error::invalid_input(
                        "refundRejectType",
                        "only for status 3 (reject)",
                    ));
                }
                if self.refund_review_type.is_some() {
                    return Err(Error::invalid_input(
                        "refundReviewType",
                        "only for status 9 (send to review)",
                    ));
                }
                Ok(())
            }
            RefundStatus::RejectedBySeller => {
                let Some(reason) = self.refund_reject_type else {
                    return Err(Error::invalid_input(
                        "refundRejectType",
                        "required when rejecting (status 3)",
                    ));
                };
                if self.refund_review_type.is_some() {
                    return Err(Error::invalid_input(
                        "refundReviewType",
                        "only for status 9 (send to review)",
                    ));
                }
                if blank(self.description.as_deref()) {
                    return Err(Error::invalid_input(
                        "description",
                        "required when rejecting a return",
                    ));
                }
                if reason.requires_photo() && self.document_objects.is_empty() {
                    return Err(Error::invalid_input(
                        "documentObjects",
                        format!(
                            "a photo is required for rejection reason {reason} (only 10 and 11 need none)"
                        ),
                    ));
                }
                Ok(())
            }
            RefundStatus::SentToReview => {
                let Some(review) = self.refund_review_type else {
                    return Err(Error::invalid_input(
                        "refundReviewType",
                        "required when sending to review",
                    ));
                };
                if self.refund_reject_type.is_some() {
                    return Err(Error::invalid_input(
                        "refundRejectType",
                        "only for status 3 (reject)",
                    ));
                }
                if review == RefundReviewType::Other && blank(self.description.as_deref()) {
                    return Err(Error::invalid_input(
                        "description",
                        "required when the review type is 3 (other): describe the problem",
                    ));
                }
                Ok(())
            }
            other => Err(Error::invalid_input(
                "status",
                format!(
                    "a seller may only approve (2), reject (3) or send to review (9), not {other}"
                ),
            )),
        }
    }
}

/// What `updateRefund` and `order/api/cancel` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundUpdateResult {
    /// Order number (0 in some answers).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub order_number: Option<u64>,
    /// Request number.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub request_no: Option<i64>,
    /// The refund.
    #[serde(default)]
    pub refund_id: Option<Uuid>,
    /// The order item.
    #[serde(default)]
    pub order_item_id: Option<Uuid>,
    /// The buyer's reason, as text.
    #[serde(default)]
    pub refund_type: Option<String>,
    /// The new status, as text (`Tedarikçi Tarafından Reddedildi`).
    #[serde(default)]
    pub refund_status: Option<String>,
}

/// Body of the refund revision call (`order/api/refund/revision`, section 3.31): extra
/// documents and a description Pazarama asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundRevisionRequest {
    /// The refund.
    pub refund_id: Uuid,
    /// Documents (same limits as [`UpdateRefundRequest`]).
    #[serde(default)]
    pub document_objects: Vec<DocumentObject>,
    /// Description (required).
    pub description: String,
}

impl RefundRevisionRequest {
    /// Check: a description, at most 3 files of at most 5 MB.
    pub fn validate(&self) -> Result<()> {
        if self.description.trim().is_empty() {
            return Err(Error::invalid_input(
                "description",
                "required for a refund revision",
            ));
        }
        validate_documents(&self.document_objects)
    }
}

/// Body of `PUT order/api/cancel`: approve (2) or reject (3) a cancellation request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelUpdateRequest {
    /// The cancellation request (its `refundId`).
    pub refund_id: Uuid,
    /// 2 approve or 3 reject.
    pub status: RefundStatus,
    /// Quantity the decision applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
}

impl CancelUpdateRequest {
    /// Approve the cancellation (status 2).
    pub fn approve(refund_id: Uuid) -> Self {
        CancelUpdateRequest {
            refund_id,
            status: RefundStatus::ApprovedBySeller,
            quantity: None,
        }
    }

    /// Reject the cancellation (status 3).
    pub fn reject(refund_id: Uuid) -> Self {
        CancelUpdateRequest {
            refund_id,
            status: RefundStatus::RejectedBySeller,
            quantity: None,
        }
    }

    /// Set the quantity.
    #[must_use]
    pub fn quantity(mut self, quantity: u32) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// Only 2 (approve) and 3 (reject); a quantity of at least 1.
    pub fn validate(&self) -> Result<()> {
        if !matches!(
            self.status,
            RefundStatus::ApprovedBySeller | RefundStatus::RejectedBySeller
        ) {
            return Err(Error::invalid_input(
                "status",
                format!(
                    "a seller may only approve (2) or reject (3) a cancellation, not {}",
                    self.status
                ),
            ));
        }
        if self.quantity == Some(0) {
            return Err(Error::invalid_input("quantity", "must be at least 1"));
        }
        Ok(())
    }
}
