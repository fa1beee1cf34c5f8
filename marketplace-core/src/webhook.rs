//! Verification and de-duplication of incoming webhook deliveries.

/// Why a webhook delivery was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The body is larger than the configured limit.
    #[error("body of {size} bytes exceeds the {limit}-byte limit")]
    BodyTooLarge {
        /// Size of the delivered body.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
}
