//! Serde models of the Pazarama API, field names exactly as Pazarama sends them.

mod catalog;
mod envelope;
mod orders;
mod refunds;

pub use catalog::{Brand, BrandQuery};
pub use envelope::Envelope;
pub use orders::*;
pub use refunds::*;
