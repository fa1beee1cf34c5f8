//! Buyers' product questions and their statuses.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::MarketplaceId;

crate::string_enum! {
    /// Where a buyer's question is in its life.
    ///
    /// | unified | Trendyol | Pazarama `questionStatus` | Giyim Moda |
    /// |---|---|---|---|
    /// | `WaitingForAnswer` | `WAITING_FOR_ANSWER` | 0 Cevap Bekliyor | unanswered query |
    /// | `AnswerPending` | – | 2 Onay Bekliyor (answer awaits moderation) | – |
    /// | `Answered` | `ANSWERED` | 1 Cevaplandı | replied query |
    /// | `Rejected` | `REJECTED` | 3 Reddedildi | – |
    /// | `Reported` | `REPORTED` | – | – |
    /// | `Unanswered` | `UNANSWERED` (expired or too many banned-word answers) | – | – |
    ///
    /// Only `WaitingForAnswer` can be answered
    /// ([`can_be_answered`](QuestionStatus::can_be_answered)); an adapter maps any status in
    /// which its marketplace accepts a (new) answer to it. [`QuestionStatus::Other`] is not
    /// answered: we cannot prove the marketplace would accept it.
    pub enum QuestionStatus {
        /// Waiting for the seller's answer.
        WaitingForAnswer = "waiting_for_answer",
        /// Answered; the answer awaits the marketplace's moderation.
        AnswerPending = "answer_pending",
        /// Answered and published.
        Answered = "answered",
        /// The question (or its answer) was rejected by the marketplace.
        Rejected = "rejected",
        /// Reported by the seller as inappropriate.
        Reported = "reported",
        /// Closed without an answer (time limit passed or answering blocked).
        Unanswered = "unanswered",
    }
    /// A status this crate does not know; keeps the marketplace's raw value.
    Other(String)
}

impl QuestionStatus {
    /// Whether the seller may answer now (only `WaitingForAnswer`).
    pub fn can_be_answered(&self) -> bool {
        matches!(self, QuestionStatus::WaitingForAnswer)
    }

    /// Whether an answer has been given (`AnswerPending` or `Answered`).
    pub fn is_answered(&self) -> bool {
        matches!(
            self,
            QuestionStatus::AnswerPending | QuestionStatus::Answered
        )
    }
}

/// A buyer's question about a product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The marketplace this question came from.
    pub marketplace: MarketplaceId,
    /// The marketplace's id for the question.
    pub id: String,
    /// What the buyer asked.
    pub text: String,
    /// Current status.
    pub status: QuestionStatus,
    /// When it was asked.
    pub created_at: Option<DateTime<Utc>>,
    /// The buyer's (often masked) display name.
    pub customer_name: Option<String>,
    /// The product's name.
    pub product_name: Option<String>,
    /// The product's barcode / SKU, when sent.
    pub sku: Option<String>,
    /// The marketplace's product id, when sent.
    pub product_id: Option<String>,
    /// Link to the product page.
    pub product_url: Option<String>,
    /// The topic, on marketplaces that categorise questions (Pazarama).
    pub topic: Option<String>,
    /// Whether the question is shown publicly on the product page.
    pub public: Option<bool>,
    /// The seller's answer, once given.
    pub answer: Option<String>,
    /// When it was answered.
    pub answered_at: Option<DateTime<Utc>>,
    /// The marketplace's own record, as it sent it (its typed model serialized), for
    /// fields the unified model has no place for. Filled by the marketplace crates'
    /// adapters, which also offer a typed accessor that turns it back into their model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Value>,
}

impl Question {
    /// A question with the given identity, text and status and nothing else filled in.
    pub fn new(
        marketplace: MarketplaceId,
        id: impl Into<String>,
        text: impl Into<String>,
        status: QuestionStatus,
    ) -> Self {
        Question {
            marketplace,
            id: id.into(),
            text: text.into(),
            status,
            created_at: None,
            customer_name: None,
            product_name: None,
            sku: None,
            product_id: None,
            product_url: None,
            topic: None,
            public: None,
            answer: None,
            answered_at: None,
            raw: None,
        }
    }
}

/// Which questions to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuestionQuery {
    /// Questions asked at or after this instant.
    pub start: Option<DateTime<Utc>>,
    /// Questions asked before this instant.
    pub end: Option<DateTime<Utc>>,
    /// Only these statuses; empty means all.
    pub statuses: Vec<QuestionStatus>,
    /// Only questions about this barcode / SKU.
    pub sku: Option<String>,
    /// Page size to request, if the caller wants to override the crate's default.
    pub page_size: Option<u32>,
}

impl QuestionQuery {
    /// All questions in `[start, end)`.
    pub fn window(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        QuestionQuery {
            start: Some(start),
            end: Some(end),
            ..QuestionQuery::default()
        }
    }

    /// Questions still waiting for an answer.
    pub fn unanswered() -> Self {
        QuestionQuery::default().status(QuestionStatus::WaitingForAnswer)
    }

    /// Add a status filter.
    #[must_use]
    pub fn status(mut self, status: QuestionStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Only questions about this barcode / SKU.
    #[must_use]
    pub fn sku(mut self, sku: impl Into<String>) -> Self {
        self.sku = Some(sku.into());
        self
    }

    /// Set the page size.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }
}
