//! Money: an exact decimal amount with its currency.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An amount of money. Never a float: marketplaces settle to the kuruş.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The exact amount.
    pub amount: Decimal,
    /// ISO 4217 code, e.g. `TRY`.
    pub currency: String,
}

impl Money {
    /// Money in the given currency.
    pub fn new(amount: Decimal, currency: impl Into<String>) -> Self {
        Money {
            amount,
            currency: currency.into(),
        }
    }

    /// Turkish lira, the currency of all three marketplaces' domestic storefronts.
    pub fn try_lira(amount: Decimal) -> Self {
        Money::new(amount, "TRY")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}
