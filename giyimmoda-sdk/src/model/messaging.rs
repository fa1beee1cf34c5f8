//! Talking to customers and the platform: conversations, support tickets, product
//! queries (customer questions) and notifications.
//!
//! The API document lists these endpoints but shows no sample request or answer. The
//! models name the platform's usual columns (`conversations`/`messages`,
//! `tickets`/`ticket_replies`, `product_queries`, Laravel `notifications`), all optional
//! except `id`, and keep every other field in `extra`. Request bodies use the assumed
//! field names `message` (conversation message), `subject`/`details` (new ticket) and
//! `reply` (ticket reply, product query answer).

use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// A conversation with a customer (`GET conversations`). No documented sample: unknown
/// fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// Conversation id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Subject.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub title: Option<String>,
    /// Who started it.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub sender_id: Option<u64>,
    /// Who it was sent to.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub receiver_id: Option<u64>,
    /// Start time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last activity.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A conversation with its messages (`GET conversations/{id}`). No documented sample:
/// unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationDetail {
    /// Conversation id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Subject.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub title: Option<String>,
    /// The messages, oldest first as sent.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Message id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Author.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub user_id: Option<u64>,
    /// Text.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub message: Option<String>,
    /// When it was sent.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A support ticket to the platform (`GET support-tickets`). No documented sample:
/// unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    /// Ticket id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Ticket code shown to people.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Subject.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub subject: Option<String>,
    /// First message.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub details: Option<String>,
    /// Status as sent (`pending`, `open`, `solved` on the platform; not documented).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub status: Option<String>,
    /// Creation time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A ticket with its replies (`GET support-tickets/{id}`). No documented sample: unknown
/// fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketDetail {
    /// Ticket id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Ticket code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Subject.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub subject: Option<String>,
    /// First message.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub details: Option<String>,
    /// Status as sent.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub status: Option<String>,
    /// Replies, as sent.
    #[serde(default)]
    pub replies: Vec<TicketReply>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One reply on a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketReply {
    /// Reply id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub id: Option<u64>,
    /// Author.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub user_id: Option<u64>,
    /// Text.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub reply: Option<String>,
    /// When it was written.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST support-tickets`; `subject` and `details` must not be blank.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NewTicket {
    /// Subject.
    pub subject: String,
    /// The message.
    pub details: String,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A customer's question about a product (`product-queries`). No documented sample:
/// unknown fields are kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductQuestion {
    /// Question id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Product asked about.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub product_id: Option<u64>,
    /// Asking customer.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub customer_id: Option<u64>,
    /// The question.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub question: Option<String>,
    /// The seller's answer, once given.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub reply: Option<String>,
    /// When it was asked.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProductQuestion {
    /// Whether the question has a non-blank answer.
    pub fn is_answered(&self) -> bool {
        self.reply.as_deref().is_some_and(|r| !r.trim().is_empty())
    }
}

/// A notification for the seller (`notifications`). Ids are kept exactly as sent
/// (Laravel notification ids are UUID strings). No documented sample: unknown fields are
/// kept in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    /// Notification id.
    pub id: Id,
    /// Notification kind (`type`).
    #[serde(
        rename = "type",
        default,
        with = "marketplace_core::codec::lenient::string::option"
    )]
    pub notification_type: Option<String>,
    /// The notification's payload (free-form by nature).
    #[serde(default)]
    pub data: Option<serde_json::Value>,
    /// When it was read; `None` while unread.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub read_at: Option<DateTime<Utc>>,
    /// When it was created.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Notification {
    /// Whether it has been read.
    pub fn is_read(&self) -> bool {
        self.read_at.is_some()
    }
}
