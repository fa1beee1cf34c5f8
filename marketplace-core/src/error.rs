//! The one error type every pazaryeri crate returns.
//!
//! Errors keep what a caller needs to decide what to do next: the HTTP status and the
//! marketplace's own message for API errors, the JSON path that failed for decode errors,
//! the server's `Retry-After` for rate limits. They never contain credentials: bodies are
//! kept only as a short snippet of what the *server* sent, and request headers are never
//! copied into an error.

use std::fmt;
use std::time::Duration;

use crate::model::MarketplaceId;

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many bytes of a response body an error keeps.
pub const BODY_SNIPPET_LIMIT: usize = 512;

/// Everything that can go wrong talking to a marketplace.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The marketplace answered with a non-success status.
    #[error("API error {status}{}: {message}{}", code_suffix(.code), hint_suffix(&.body.hint))]
    Api {
        /// HTTP status code.
        status: u16,
        /// The marketplace's machine-readable error code, when it sent one.
        code: Option<String>,
        /// The marketplace's human-readable message (or the status text when it sent none).
        message: String,
        /// Raw details: content type, a short body snippet, per-field validation errors.
        body: Box<ErrorBody>,
    },
    /// The endpoint is retired or being shut down (e.g. Trendyol answers 426 on the legacy
    /// order path during brownouts); `hint` says what to use instead.
    #[error("endpoint retired ({status}): {message}; {hint}")]
    Deprecated {
        /// HTTP status (426 on Trendyol).
        status: u16,
        /// The marketplace's message, or the status text.
        message: String,
        /// What to use instead.
        hint: String,
    },
    /// Still rate limited after the retry budget was spent.
    #[error("rate limited by the marketplace{}", retry_suffix(.retry_after))]
    RateLimited {
        /// What the server's `Retry-After` asked for, if anything.
        retry_after: Option<Duration>,
    },
    /// Credentials were refused, or a token could not be obtained.
    #[error("authentication failed{}: {message}", status_suffix(.status))]
    Auth {
        /// HTTP status of the refusal, when there was one.
        status: Option<u16>,
        /// What went wrong, in the marketplace's words where possible (never a secret).
        message: String,
    },
    /// A response could not be decoded into the expected model.
    #[error("could not decode response at `{path}`: {message} (body starts: {body_snippet:?})")]
    Decode {
        /// JSON path of the field that failed, e.g. `content[3].lines[0].price`.
        path: String,
        /// What serde said.
        message: String,
        /// The first bytes of the body, for diagnosis.
        body_snippet: String,
    },
    /// The request could not be sent or the connection failed.
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// The request or the whole operation ran out of time.
    #[error("timed out: {0}")]
    Timeout(String),
    /// Polling a batch did not reach a terminal state before the deadline.
    #[error("batch {batch_id} not finished after {waited:?}")]
    BatchTimeout {
        /// The batch being polled.
        batch_id: String,
        /// How long the poller waited.
        waited: Duration,
    },
    /// The caller's input breaks a rule the marketplace documents; nothing was sent.
    #[error("invalid input for `{field}`: {reason}")]
    InvalidInput {
        /// Field (or parameter) that is wrong.
        field: String,
        /// Why it is wrong.
        reason: String,
    },
    /// The marketplace does not offer this operation.
    #[error("{marketplace} does not support {operation}")]
    Unsupported {
        /// The marketplace asked.
        marketplace: MarketplaceId,
        /// The operation that is not available.
        operation: &'static str,
    },
    /// A status change the marketplace's state machine does not allow; nothing was sent.
    #[error("cannot move {entity} from {from} to {to}")]
    InvalidTransition {
        /// What is being moved (`claim`, `order item`, …).
        entity: &'static str,
        /// Current status.
        from: String,
        /// Requested status.
        to: String,
    },
    /// An incoming webhook delivery was refused.
    #[error("webhook rejected: {0}")]
    WebhookRejected(#[from] crate::webhook::Rejection),
}

/// Details of an API error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// The response's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The first [`BODY_SNIPPET_LIMIT`] bytes of the body (lossy UTF-8).
    pub snippet: String,
    /// Per-field validation messages (`{"errors": {"field": ["msg"]}}` style bodies).
    pub field_errors: Vec<FieldError>,
    /// A likely cause the SDK knows for this status (e.g. "missing or invalid User-Agent?").
    pub hint: Option<String>,
}

/// One validation message for one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field the marketplace complained about.
    pub field: String,
    /// Its message.
    pub message: String,
}

impl Error {
    /// Whether trying the same call again later could succeed.
    ///
    /// This classifies the error only; whether a *particular* call may be re-sent also
    /// depends on its idempotency (see [`crate::http::retry`]).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api { status, .. } => *status == 429 || *status >= 500,
            Error::RateLimited { .. } | Error::Timeout(_) => true,
            Error::Transport(e) => e.is_connect() || e.is_timeout(),
            _ => false,
        }
    }

    /// Whether this is a timeout of a request or of a batch poll.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout(_) | Error::BatchTimeout { .. })
            || matches!(self, Error::Transport(e) if e.is_timeout())
    }

    /// The HTTP status behind this error, if there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } | Error::Deprecated { status, .. } => Some(*status),
            Error::RateLimited { .. } => Some(429),
            Error::Auth { status, .. } => *status,
            _ => None,
        }
    }

    /// Per-field validation errors the marketplace sent (empty for other errors).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Api { body, .. } => &body.field_errors,
            _ => &[],
        }
    }

    /// Shorthand for [`Error::InvalidInput`].
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// Cut a body to at most [`BODY_SNIPPET_LIMIT`] bytes on a char boundary.
pub fn body_snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    truncate_chars(&text, BODY_SNIPPET_LIMIT)
}

fn truncate_chars(text: &str, max_bytes: usize) -> String {
    if text.len() <= max_bytes {
        return text.to_owned();
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn code_suffix(code: &Option<String>) -> String {
    code.as_deref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default()
}

fn hint_suffix(hint: &Option<String>) -> String {
    hint.as_deref()
        .map(|h| format!(" (hint: {h})"))
        .unwrap_or_default()
}

fn retry_suffix(retry_after: &Option<Duration>) -> String {
    retry_after
        .map(|d| format!(", retry after {d:?}"))
        .unwrap_or_default()
}

fn status_suffix(status: &Option<u16>) -> String {
    status.map(|s| format!(" ({s})")).unwrap_or_default()
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_truncates_on_char_boundary() {
        let body = "ş".repeat(400); // 800 bytes
        let s = body_snippet(body.as_bytes());
        assert!(s.len() <= BODY_SNIPPET_LIMIT + '…'.len_utf8());
        assert!(s.ends_with('…'));
    }

    #[test]
    fn classification() {
        let api = |status| Error::Api {
            status,
            code: None,
            message: String::new(),
            body: Box::default(),
        };
        assert!(api(503).is_retryable());
        assert!(api(429).is_retryable());
        assert!(!api(400).is_retryable());
        assert!(Error::RateLimited { retry_after: None }.is_retryable());
        assert!(!Error::invalid_input("x", "y").is_retryable());
        assert_eq!(api(404).status(), Some(404));
        assert!(Error::Timeout("GET /x".into()).is_timeout());
    }

    #[test]
    fn display_names_code_and_message() {
        let e = Error::Api {
            status: 400,
            code: Some("invalid.barcode".into()),
            message: "Barkod geçersiz".into(),
            body: Box::default(),
        };
        assert_eq!(
            e.to_string(),
            "API error 400 (invalid.barcode): Barkod geçersiz"
        );
    }
}
