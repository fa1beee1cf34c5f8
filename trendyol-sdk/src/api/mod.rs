//! Endpoint groups, one per area, each borrowing the [`Client`](crate::Client):
//! `client.orders()`, `client.webhooks()`, …

pub mod locations;
pub mod orders;
pub mod sellers;
pub mod webhooks;
