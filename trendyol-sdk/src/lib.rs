//! # trendyol-sdk
//!
//! Typed async client for the Trendyol seller (marketplace) API, built on
//! [`marketplace_core`].
//!
//! - **Client**: production / stage / any base URL, Basic auth, the required
//!   `User-Agent` (`"{sellerId} - {integrator}"`, validated), Trendyol's documented rate
//!   limits ([`default_rate_limits`]: 50 requests / 10 s per endpoint plus the service-group
//!   quotas), error hints ([`error::TrendyolErrorParser`]), and the shared transport (retry,
//!   timeouts, tracing, drift report).
//! - **Endpoint groups** (one handler per area, reached from [`Client`]):
//!   [`orders`](Client::orders) (getShipmentPackages V2 as a stream that splits any range
//!   into 2-week windows and narrows windows over the 10,000-record cap, the cursor stream,
//!   every package write, stage test orders), [`locations`](Client::locations),
//!   [`webhooks`](Client::webhooks) (validated before sending), [`products`](Client::products)
//!   (reference data, create V2, the V2 updates, filters as streams, batch results and
//!   polling, archive/delete/unlock/buybox), [`inventory`](Client::inventory) (price and
//!   stock through the core coalescer), [`claims`](Client::claims),
//!   [`questions`](Client::questions), [`finance`](Client::finance), [`sellers`](Client::sellers)
//!   (addresses, common labels, invoices).
//! - **Incoming webhooks**: [`webhook::WebhookReceiver`] verifies Basic / API-key deliveries
//!   in constant time, decodes the package (old and new field names) and de-duplicates.
//! - **Unified model**: [`adapter`] implements `marketplace_core::Marketplace` for
//!   [`Client`] (status tables in its docs); with the `sandbox` feature, `sandbox::Sandbox`
//!   runs a stateful fake of this API on 127.0.0.1 (orders, webhooks with redelivery,
//!   products and batches, stock/price, claims, questions, finance).
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

pub mod adapter;
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
