//! # pazarama-sdk
//!
//! Typed async client for the Pazarama seller API ("İş Ortağım"), built on
//! [`marketplace_core`].
//!
//! Status: the client foundation — builder, OAuth2 client-credentials auth (token cached,
//! refreshed ahead of its 1-hour expiry, single-flight, renewed once on a 401) and the
//! shared transport (rate limit, retry, timeouts, tracing). The services of the
//! integration document (brands, categories, products, orders, refunds, invoices, finance,
//! Q&A, …) and the sandbox land next, one area at a time.
//!
//! ```
//! use pazarama_sdk::Client;
//!
//! let client = Client::builder()
//!     .client_id("my-client-id")
//!     .client_secret("my-client-secret")
//!     .build()?;
//! assert_eq!(client.api_url(), "https://isortagimapi.pazarama.com/");
//! # Ok::<(), pazarama_sdk::Error>(())
//! ```
#![forbid(unsafe_code)]

pub mod api;
mod auth;
mod client;
pub mod model;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder, DEFAULT_API_URL, DEFAULT_TOKEN_URL};
pub use marketplace_core::{Error, Result};
