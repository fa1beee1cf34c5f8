//! Endpoint groups, reached through methods on [`Client`](crate::Client):
//! `client.products()`, …. Each method builds a request description and sends it through
//! the client's transport.

mod checks;
pub mod claims;
pub mod finance;
pub mod inventory;
pub mod products;
pub mod questions;

pub use claims::Claims;
pub use finance::Finance;
pub use inventory::{Inventory, PushReport};
pub use products::Products;
pub use questions::Questions;
