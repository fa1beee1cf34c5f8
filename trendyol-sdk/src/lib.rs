//! # trendyol-sdk
//!
//! Typed async client for the Trendyol seller (marketplace) API, built on
//! [`marketplace_core`].
//!
//! Status: the client foundation — builder, environments, Basic auth, the required
//! `User-Agent`, Trendyol's per-endpoint rate limit (50 requests / 10 s) and the shared
//! transport (retry, timeouts, tracing). Endpoint groups (orders, products, inventory,
//! webhooks, claims, questions, finance), incoming webhook verification and the sandbox
//! land next, one area at a time.
//!
//! ```
//! use trendyol_sdk::{Client, Environment};
//!
//! let client = Client::builder()
//!     .seller_id(123456)
//!     .api_key("my-key")
//!     .api_secret("my-secret")
//!     .environment(Environment::Stage)
//!     .build()?;
//! assert_eq!(client.seller_id(), 123456);
//! # Ok::<(), trendyol_sdk::Error>(())
//! ```
#![forbid(unsafe_code)]

pub mod api;
mod client;
pub mod error;
pub mod model;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod webhook;

pub use api::locations::Locations;
pub use api::orders::Orders;
pub use api::sellers::Sellers;
pub use api::webhooks::Webhooks;
pub use api::{Claims, Finance, Inventory, Products, PushReport, Questions};
pub use client::{Client, ClientBuilder, Environment, default_rate_limits};
pub use marketplace_core::{Error, Result};
