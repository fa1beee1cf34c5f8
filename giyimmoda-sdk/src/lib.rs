//! # giyimmoda-sdk
//!
//! Typed async client for the Giyim Moda seller API
//! (`https://www.giyimmoda.com.tr/api/seller/`), built on [`marketplace_core`].
//!
//! Two authentication modes: `X-API-Key` / `X-API-Secret` headers
//! ([`ClientBuilder::api_key`], preferred by Giyim Moda) or an e-mail/password login that
//! yields a Bearer token ([`ClientBuilder::login`]). The documented 600 requests/minute
//! limit and the shared transport (retry, timeouts, tracing) apply to both.
//!
//! The `{success, message, data, pagination}` envelope is unwrapped in one place; list
//! endpoints stream every page (or take `per_page=all`); validation failures keep the
//! server's `errors: {field: [..]}` readable through [`Error::field_errors`]. Endpoint
//! groups hang off [`Client`] (`products()`, `orders()`, `refunds()`, `stocks()`,
//! `prices()`, `webhooks()`, `reports()`, `coupons()`, …), and [`webhook::WebhookReceiver`]
//! verifies `X-Webhook-Signature` (HMAC-SHA256) deliveries and de-duplicates them.
//!
//! [`adapter`] implements `marketplace_core::Marketplace` for [`Client`] (status tables in
//! its docs); with the `sandbox` feature, `sandbox::Sandbox` runs a stateful fake of this
//! API on 127.0.0.1 (both auth modes, products, orders, refunds, stock/prices, signed
//! webhooks with redelivery).
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

pub mod adapter;
pub mod api;
pub mod auth;
mod client;
pub mod model;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod webhook;

pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use marketplace_core::{Error, Result};
