//! Endpoint groups, one per area, each borrowing the [`Client`](crate::Client):
//! `client.orders()`, `client.products()`, `client.webhooks()`, … Each method builds a
//! request description and sends it through the client's transport.

mod checks;
pub mod claims;
pub mod finance;
pub mod inventory;
pub mod locations;
pub mod orders;
pub mod products;
pub mod questions;
pub mod sellers;
pub mod webhooks;

pub use claims::Claims;
pub use finance::Finance;
pub use inventory::{Inventory, PushReport};
pub use products::Products;
pub use questions::Questions;
