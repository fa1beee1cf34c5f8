//! The unified model shared by every marketplace crate.
//!
//! Marketplace crates keep their own wire models (field names exactly as each marketplace
//! sends them) and convert into these types in their `adapter` module. Everything here is a
//! plain struct with public fields so that conversion is a struct literal, and every status
//! is a `#[non_exhaustive]` enum whose last variant keeps a value it does not know
//! ([`OrderStatus::Other`], [`BatchState::Unknown`], …): a new status from a marketplace is
//! data, never a decode error.
//!
//! Status enums travel as stable `snake_case` strings: [`OrderStatus::as_str`],
//! [`std::fmt::Display`], [`std::str::FromStr`] (infallible) and serde all use the same
//! string, so `"picking".parse::<OrderStatus>()` and `serde_json::from_str("\"picking\"")`
//! agree.

use std::fmt;

/// Which marketplace a record or error belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum MarketplaceId {
    /// Trendyol (trendyol.com).
    Trendyol,
    /// Pazarama (pazarama.com).
    Pazarama,
    /// Giyim Moda (giyimmoda.com.tr).
    GiyimModa,
    /// Any other marketplace implemented outside this workspace.
    Other(String),
}

impl MarketplaceId {
    /// A stable lowercase name: `trendyol`, `pazarama`, `giyimmoda`, or the custom name.
    pub fn as_str(&self) -> &str {
        match self {
            MarketplaceId::Trendyol => "trendyol",
            MarketplaceId::Pazarama => "pazarama",
            MarketplaceId::GiyimModa => "giyimmoda",
            MarketplaceId::Other(name) => name,
        }
    }
}

impl fmt::Display for MarketplaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

mod batch;
mod claim;
mod money;
mod order;
mod party;
mod product;
mod question;
mod stock;

pub use batch::{BatchHandle, BatchKind, BatchOutcome, BatchState, ItemOutcome};
pub use claim::{Claim, ClaimLine, ClaimQuery, ClaimRejection, ClaimStatus};
pub use money::Money;
pub use order::{Order, OrderLine, OrderQuery, OrderStatus, StatusMove};
pub use party::{Address, Customer};
pub use product::{Product, ProductAttribute, ProductDraft, ProductQuery};
pub use question::{Question, QuestionQuery, QuestionStatus};
pub use stock::StockPrice;

#[cfg(test)]
mod tests {
    use std::fmt::Debug;
    use std::str::FromStr;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use super::*;

    /// serde, `FromStr`, `Display` and `as_str` agree for every known variant and for the
    /// catch-all, and the catch-all keeps the raw value.
    fn assert_string_enum<T>(known: &[T], other: T)
    where
        T: FromStr<Err = std::convert::Infallible>
            + Serialize
            + DeserializeOwned
            + fmt::Display
            + PartialEq
            + Debug
            + Clone,
    {
        let mut seen = std::collections::HashSet::new();
        for value in known.iter().cloned().chain(std::iter::once(other)) {
            let text = value.to_string();
            assert!(seen.insert(text.clone()), "duplicate wire string {text}");
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(
                json,
                serde_json::to_string(&text).unwrap(),
                "serde != Display"
            );
            let from_json: T = serde_json::from_str(&json).unwrap();
            let from_str: T = text.parse().unwrap();
            assert_eq!(from_json, value, "serde round trip of {text}");
            assert_eq!(from_str, value, "FromStr round trip of {text}");
        }
    }

    #[test]
    fn order_status_strings_round_trip() {
        assert_string_enum(OrderStatus::KNOWN, OrderStatus::Other("Repack".into()));
        assert_eq!(OrderStatus::KNOWN.len(), 13);
    }

    #[test]
    fn claim_status_strings_round_trip() {
        assert_string_enum(ClaimStatus::KNOWN, ClaimStatus::Other("InAnalysis2".into()));
    }

    #[test]
    fn question_status_strings_round_trip() {
        assert_string_enum(
            QuestionStatus::KNOWN,
            QuestionStatus::Other("ARCHIVED".into()),
        );
    }

    #[test]
    fn batch_state_strings_round_trip() {
        assert_string_enum(BatchState::KNOWN, BatchState::Unknown("QUEUED".into()));
    }

    #[test]
    fn batch_kind_strings_round_trip() {
        assert_string_enum(BatchKind::KNOWN, BatchKind::Other("unlock".into()));
    }

    #[test]
    fn unknown_values_are_kept() {
        let status: OrderStatus = serde_json::from_str("\"UnPacked2\"").unwrap();
        assert_eq!(status, OrderStatus::Other("UnPacked2".into()));
        assert_eq!(status.as_str(), "UnPacked2");
        assert_eq!(OrderStatus::from("shipped"), OrderStatus::Shipped);
        assert_eq!(
            ClaimStatus::from(String::from("accepted")),
            ClaimStatus::Accepted
        );
    }
}
