//! # giyimmoda-sdk
//!
//! Typed async client for the Giyim Moda seller API
//! (`https://www.giyimmoda.com.tr/api/seller/`), built on [`marketplace_core`].
//!
//! Status: the client foundation — builder, `X-API-Key` / `X-API-Secret` authentication,
//! the documented 600 requests/minute limit and the shared transport (retry, timeouts,
//! tracing). The e-mail/password (Bearer) login mode, the endpoint groups (profile,
//! products, orders, refund requests, stocks, prices, reports, webhooks, …), signed
//! webhook verification and the sandbox land next, one area at a time.
//!
//! ```
//! use giyimmoda_sdk::Client;
//!
//! let client = Client::builder()
//!     .api_key("sk_live_123")
//!     .api_secret("my-secret")
//!     .build()?;
//! assert_eq!(client.base_url(), "https://www.giyimmoda.com.tr/api/seller/");
//! # Ok::<(), giyimmoda_sdk::Error>(())
//! ```
#![forbid(unsafe_code)]

pub mod api;
mod client;
pub mod model;

pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use marketplace_core::{Error, Result};
