//! Product questions and answers (section 3.22, `QuestionAnswer/...`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::orders::{validate_range, wire_date};
use super::refunds::ResponsePage;
use crate::{Error, Result};

marketplace_core::code_enum! {
    /// Status of a question.
    pub enum QuestionStatus {
        /// 0: waiting for an answer (Cevap Bekliyor).
        AwaitingAnswer = 0,
        /// 1: answered (Cevaplandı).
        Answered = 1,
        /// 2: the answer awaits Pazarama's approval (Onay Bekliyor).
        AwaitingApproval = 2,
        /// 3: rejected (Reddedildi).
        Rejected = 3,
    }
    /// A status this version does not know.
    Unknown(i64)
}

/// An entry of `getQuestionStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionStatusEntry {
    /// The status.
    pub id: QuestionStatus,
    /// Its name (Turkish).
    #[serde(default)]
    pub value: Option<String>,
}

/// A question topic (`questionTopics`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionTopic {
    /// Topic id (filter with [`QuestionSearchQuery::topic_id`]).
    pub id: Uuid,
    /// Topic name.
    #[serde(default)]
    pub topic: Option<String>,
}

/// A question in a list (`getApprovalAnswersByMerchant`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSummary {
    /// The question.
    pub question_id: Uuid,
    /// Product name.
    #[serde(default)]
    pub product_name: Option<String>,
    /// When it was asked.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub question_date: Option<DateTime<Utc>>,
    /// Status.
    #[serde(default)]
    pub question_status: Option<QuestionStatus>,
}

/// One page of `getApprovalAnswersByMerchant`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionList {
    /// The seller.
    #[serde(default)]
    pub seller_id: Option<Uuid>,
    /// The questions on this page.
    #[serde(default)]
    pub approval_answers_by_merchant: Vec<QuestionSummary>,
    /// How many questions wait for an answer.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub un_answered_count: Option<u64>,
    /// Paging information.
    #[serde(default)]
    pub page_response: Option<ResponsePage>,
}

/// A question in full (`getApprovalAnswerById`, `getApprovalAnswersByMerchantSearch`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// The question.
    pub question_id: Uuid,
    /// The seller.
    #[serde(default)]
    pub seller_id: Option<Uuid>,
    /// Product name.
    #[serde(default)]
    pub product_name: Option<String>,
    /// Product image.
    #[serde(default)]
    pub product_image_url: Option<String>,
    /// Product barcode.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub barcode: Option<String>,
    /// Brand name.
    #[serde(default)]
    pub brand: Option<String>,
    /// The asker, masked (`M**** S****`).
    #[serde(default)]
    pub masked_user_name: Option<String>,
    /// The question text.
    #[serde(default)]
    pub question: Option<String>,
    /// When it was asked.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub question_date: Option<DateTime<Utc>>,
    /// The answer, once given.
    #[serde(default)]
    pub answer: Option<String>,
    /// When it was answered.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub answer_date: Option<DateTime<Utc>>,
    /// Status.
    #[serde(default)]
    pub question_status: Option<QuestionStatus>,
    /// Topic.
    #[serde(default)]
    pub topic_id: Option<Uuid>,
}

/// One page of `getApprovalAnswersByMerchantSearch`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSearchPage {
    /// The seller.
    #[serde(default)]
    pub seller_id: Option<Uuid>,
    /// The questions on this page (Pazarama's spelling).
    #[serde(default)]
    pub approval_answers_by_merchant_searchs: Vec<Question>,
    /// Paging information.
    #[serde(default)]
    pub page_response: Option<ResponsePage>,
}

/// Paging of `getApprovalAnswersByMerchant` (sent as `pageIndex` / `pageSize` query
/// parameters; the document shows the call without parameters).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuestionListQuery {
    /// Page number, from 1.
    pub page_index: Option<u32>,
    /// Page size.
    pub page_size: Option<u32>,
}

/// Body of `POST getApprovalAnswersByMerchantSearch`. Unset filters are sent as `null`,
/// as in the document; dates as Istanbul local time `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSearchQuery {
    /// Product barcode.
    #[serde(default)]
    pub barcode: Option<String>,
    /// Topic.
    #[serde(default)]
    pub topic_id: Option<Uuid>,
    /// Asked from.
    #[serde(
        default,
        serialize_with = "wire_date::serialize_minutes",
        deserialize_with = "marketplace_core::codec::datetime::option::deserialize"
    )]
    pub question_start_date: Option<DateTime<Utc>>,
    /// Asked until.
    #[serde(
        default,
        serialize_with = "wire_date::serialize_minutes",
        deserialize_with = "marketplace_core::codec::datetime::option::deserialize"
    )]
    pub question_end_date: Option<DateTime<Utc>>,
    /// Status.
    #[serde(default)]
    pub question_status: Option<QuestionStatus>,
    /// Page number, from 1.
    #[serde(default)]
    pub page_index: Option<u32>,
    /// Page size.
    #[serde(default)]
    pub page_size: Option<u32>,
}

impl QuestionSearchQuery {
    /// Only questions with this status.
    #[must_use]
    pub fn status(mut self, status: QuestionStatus) -> Self {
        self.question_status = Some(status);
        self
    }

    /// Set the page number (from 1).
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page_index = Some(page);
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
        if self.page_index == Some(0) {
            return Err(Error::invalid_input(
                "pageIndex",
                "pages are numbered from 1",
            ));
        }
        if self.page_size == Some(0) {
            return Err(Error::invalid_input("pageSize", "must be at least 1"));
        }
        validate_range(
            self.question_start_date,
            self.question_end_date,
            "questionEndDate",
            false,
        )
    }
}

/// Body of `PUT QuestionAnswer/sellerAnswer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerRequest {
    /// The question.
    pub question_id: Uuid,
    /// The answer.
    pub text: String,
}

impl AnswerRequest {
    /// Check: a non-blank answer (the document states no length limit).
    pub fn validate(&self) -> Result<()> {
        if self.text.trim().is_empty() {
            return Err(Error::invalid_input("text", "the answer must not be empty"));
        }
        Ok(())
    }
}
