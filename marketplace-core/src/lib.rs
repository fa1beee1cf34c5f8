//! # marketplace-core
//!
//! The shared foundation of the pazaryeri SDKs for Turkish marketplaces (Trendyol,
//! Pazarama, Giyim Moda):
//!
//! - [`model`]: one unified `Order` / `Product` / `Claim` / `Question` model, with money as
//!   [`rust_decimal::Decimal`] and forward-compatible status enums;
//! - [`traits`]: object-safe async traits ([`Marketplace`] and its parts) every
//!   marketplace client implements, so one loop can serve all three;
//! - [`http`]: the one chokepoint every request goes through — auth, rate limit, retry with
//!   backoff and `Retry-After`, timeouts, tracing, error mapping;
//! - [`paging`]: page-numbered endpoints as bounded, read-ahead `Stream`s, and date-window
//!   splitting for APIs that cap a query's range;
//! - [`batch`]: wait for asynchronous batch jobs with backoff and a deadline;
//! - [`webhook`]: constant-time verification of incoming deliveries and de-duplication;
//! - [`inventory`]: coalescing of stock/price updates before they hit the wire;
//! - [`codec`]: serde helpers for the marketplaces' real-world JSON (numbers as strings,
//!   Turkish dates, huge ids, duplicate keys).
//!
//! Marketplace crates build on this; applications usually depend on those and reach this
//! crate through their re-exports.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod batch;
pub mod codec;
#[cfg(feature = "conformance")]
#[cfg_attr(docsrs, doc(cfg(feature = "conformance")))]
pub mod conformance;
pub mod enums;
pub mod error;
pub mod http;
pub mod inventory;
pub mod model;
pub mod paging;
pub mod traits;
pub mod webhook;

pub use error::{Error, Result};

#[doc(hidden)]
pub mod __private {
    //! Re-exports used by this crate's macros; not a public API.
    pub use serde;
}
pub use model::MarketplaceId;
pub use traits::{ClaimApi, Marketplace, OrderApi, ProductApi, QuestionApi};
