//! Serde models of the Pazarama API, field names exactly as Pazarama sends them.

mod catalog;
mod envelope;
mod finance;
mod orders;
mod questions;
mod refunds;

pub use catalog::{Brand, BrandQuery};
pub use envelope::Envelope;
pub use finance::*;
pub use orders::*;
pub use questions::*;
pub use refunds::*;
