//! Trendyol's error bodies, with hints for the failures whose cause Trendyol does not say.

use marketplace_core::http::{ErrorParser, GenericErrorParser, ParsedError};

/// Reads every documented Trendyol error shape (via core's generic parser) and adds:
///
/// - **426** (brownouts of the retired V1 order path before its shutdown) →
///   [`Error::Deprecated`](crate::Error::Deprecated) with a hint to use getShipmentPackages V2;
/// - **403 without a body** → hint "missing or invalid User-Agent?" (Trendyol blocks
///   requests without a valid `User-Agent` that way);
/// - **503 on the stage environment** → hint "IP not allow-listed for stage?".
#[derive(Debug, Clone, Copy, Default)]
pub struct TrendyolErrorParser {
    /// Whether the client talks to the stage environment.
    pub stage: bool,
}

impl ErrorParser for TrendyolErrorParser {
    fn parse(&self, status: u16, content_type: Option<&str>, body: &[u8]) -> ParsedError {
        let mut parsed = GenericErrorParser.parse(status, content_type, body);
        match status {
            426 => {
                parsed.deprecated = true;
                parsed.hint = Some(
                    "the legacy order path is being shut down; use getShipmentPackages V2 \
                     (`client.orders().list` / `stream`)"
                        .to_owned(),
                );
            }
            403 if body.iter().all(u8::is_ascii_whitespace) => {
                parsed.hint = Some("missing or invalid User-Agent?".to_owned());
            }
            503 if self.stage => {
                parsed.hint = Some(
                    "on stage a 503 usually means this IP is not allow-listed by Trendyol"
                        .to_owned(),
                );
            }
            _ => {}
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_for_the_undocumented_causes() {
        let prod = TrendyolErrorParser { stage: false };
        let stage = TrendyolErrorParser { stage: true };
        let p = prod.parse(426, Some("text/plain"), b"Upgrade Required");
        assert!(p.deprecated && p.hint.as_deref().is_some_and(|h| h.contains("V2")));
        assert!(
            prod.parse(403, None, b"")
                .hint
                .is_some_and(|h| h.contains("User-Agent"))
        );
        assert!(
            prod.parse(403, None, br#"{"message":"no role"}"#)
                .hint
                .is_none()
        );
        assert!(
            stage
                .parse(503, None, b"")
                .hint
                .is_some_and(|h| h.contains("allow-listed"))
        );
        assert!(prod.parse(503, None, b"").hint.is_none());
        let p = prod.parse(
            400,
            Some("application/json"),
            br#"{"errors":[{"key":"k","message":"m"}]}"#,
        );
        assert_eq!((p.message.as_deref(), p.hint), (Some("m"), None));
    }
}
