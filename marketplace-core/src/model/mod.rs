//! The unified model shared by every marketplace crate.

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

mod money;
mod stock;

pub use money::Money;
pub use stock::StockPrice;
