//! Customer questions (reference §8).

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use serde::{Deserialize, Serialize};

marketplace_core::string_enum! {
    /// Status of a customer question.
    pub enum QuestionStatus {
        /// Waiting for the seller's answer (the only status that can be answered).
        WaitingForAnswer = "WAITING_FOR_ANSWER",
        /// Answered.
        Answered = "ANSWERED",
        /// Rejected.
        Rejected = "REJECTED",
        /// Reported.
        Reported = "REPORTED",
        /// Not answered in time (3 business days) or too many banned-word answers.
        Unanswered = "UNANSWERED",
    }
    /// A status this version does not know.
    Other(String)
}

/// Shortest answer Trendyol accepts (characters).
pub const MIN_ANSWER_CHARS: usize = 10;
/// Longest answer Trendyol accepts (characters).
pub const MAX_ANSWER_CHARS: usize = 2000;

/// Query of `getQuestionFilter`. Without dates Trendyol returns the last week; a range
/// longer than 2 weeks is silently clamped by Trendyol, so
/// [`Questions::stream`](crate::api::Questions::stream) splits it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionQuery {
    /// Questions of one product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
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
    /// Status filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<QuestionStatus>,
    /// `CreatedDate` (default) / `LastModifiedDate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by_field: Option<String>,
    /// `DESC` (default) / `ASC`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by_direction: Option<String>,
    /// Page (0-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size (reference max 200; the guide says 50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

query_setters!(QuestionQuery {
    /// Filter by barcode.
    barcode: string,
    /// Range start.
    start_date: date,
    /// Range end.
    end_date: date,
    /// Sort field.
    order_by_field: string,
    /// Sort direction.
    order_by_direction: string,
    /// Page (0-based).
    page: u32,
    /// Page size.
    size: u32,
});

impl QuestionQuery {
    /// Filter by status.
    #[must_use]
    pub fn status(mut self, status: impl Into<QuestionStatus>) -> Self {
        self.status = Some(status.into());
        self
    }
}

/// One page of `getQuestionFilter`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionPage {
    /// The questions.
    #[serde(default)]
    pub content: Vec<Question>,
    /// This page.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub size: Option<u32>,
    /// Total questions.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_elements: Option<u64>,
    /// Total pages.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total_pages: Option<u32>,
}

/// A customer question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Question id.
    pub id: Id,
    /// The question.
    #[serde(default)]
    pub text: Option<String>,
    /// Customer id.
    #[serde(default)]
    pub customer_id: Option<Id>,
    /// Masked user name (empty when `show_user_name` is false).
    #[serde(default)]
    pub user_name: Option<String>,
    /// Whether the user name is shown.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub show_user_name: Option<bool>,
    /// Status.
    #[serde(default)]
    pub status: Option<QuestionStatus>,
    /// Public question.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub public: Option<bool>,
    /// Model code of the product.
    #[serde(default)]
    pub product_main_id: Option<String>,
    /// Product name.
    #[serde(default)]
    pub product_name: Option<String>,
    /// Product image.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Product page.
    #[serde(default)]
    pub web_url: Option<String>,
    /// Asked at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
    /// "Answered in …" text.
    #[serde(default)]
    pub answered_date_message: Option<String>,
    /// The answer.
    #[serde(default)]
    pub answer: Option<QuestionAnswer>,
    /// A rejected answer.
    #[serde(default)]
    pub rejected_answer: Option<RejectedAnswer>,
    /// When the answer was rejected.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub rejected_date: Option<DateTime<Utc>>,
    /// Reason.
    #[serde(default)]
    pub reason: Option<String>,
    /// Why it was reported.
    #[serde(default)]
    pub report_reason: Option<String>,
    /// When it was reported.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub reported_date: Option<DateTime<Utc>>,
}

/// The seller's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionAnswer {
    /// Answer id.
    #[serde(default)]
    pub id: Option<Id>,
    /// Answer text.
    #[serde(default)]
    pub text: Option<String>,
    /// Answered at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
    /// Trendyol found private information.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub has_private_info: Option<bool>,
}

/// A rejected answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectedAnswer {
    /// Answer id.
    #[serde(default)]
    pub id: Option<Id>,
    /// Answer text.
    #[serde(default)]
    pub text: Option<String>,
    /// Answered at.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
    /// Why it was rejected.
    #[serde(default)]
    pub reason: Option<String>,
}

/// `answerQuestion` body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnswerRequest {
    /// The answer, 10–2000 characters.
    pub text: String,
}

/// `answerQuestion` answer: the reference documents a plain JSON string
/// ("Cevabınız başarıyla kaydedilmiştir."), the guide `{"answerId": 0}`; both decode, and
/// an empty body is accepted too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum AnswerResponse {
    /// `{"answerId": ...}`.
    Created {
        /// The new answer's id.
        #[serde(rename = "answerId")]
        answer_id: Id,
    },
    /// A confirmation message.
    Message(String),
    /// No body.
    Empty,
}

impl AnswerResponse {
    /// Decode a response body of `answerQuestion` (JSON string, object, or empty).
    pub fn from_body(body: &[u8]) -> marketplace_core::Result<Self> {
        let trimmed = body.trim_ascii();
        if trimmed.is_empty() {
            return Ok(AnswerResponse::Empty);
        }
        if trimmed.first() != Some(&b'{') && trimmed.first() != Some(&b'"') {
            // text/plain confirmation.
            return Ok(AnswerResponse::Message(
                String::from_utf8_lossy(trimmed).into_owned(),
            ));
        }
        marketplace_core::codec::decode(trimmed)
    }

    /// The answer id, when Trendyol sent one.
    pub fn answer_id(&self) -> Option<&Id> {
        match self {
            AnswerResponse::Created { answer_id } => Some(answer_id),
            _ => None,
        }
    }
}
