//! # pazarama-sdk
//!
//! Typed async client for the Pazarama seller API ("İş Ortağım"), built on
//! [`marketplace_core`].
//!
//! - **Auth**: OAuth2 client credentials — the token is cached, refreshed ahead of its
//!   1-hour expiry, fetched once however many calls need it (single-flight), and renewed
//!   once when the API answers 401.
//! - **Envelope**: every answer's `{data, success, messageCode, message, userMessage}` is
//!   unwrapped in one place; `success: false` is an [`Error::Api`] even on HTTP 200.
//! - **Services** (one handler per area, reached from [`Client`]): [`brands`](Client::brands),
//!   [`categories`](Client::categories), [`delivery`](Client::delivery) (delivery types,
//!   cities), [`products`](Client::products) (create + batch results and polling, price and
//!   stock v2 + listing-state results, filter, detail, catalog search, quick add, sale
//!   limits, VAT, open/close sale), [`product_commercials`](Client::product_commercials),
//!   [`orders`](Client::orders) (v1/v2 by number or date range — ranges over a month are
//!   split automatically — status updates with the client-side item status flow, invoice
//!   links, split delivery, labor costs), [`refunds`](Client::refunds) (approve / reject /
//!   review with document rules checked before sending, revision),
//!   [`cancellations`](Client::cancellations), [`finance`](Client::finance) (payment
//!   agreement), [`questions`](Client::questions).
//! - **Unified model**: [`adapter`] implements `marketplace_core::Marketplace` for
//!   [`Client`] (status tables and the order-level status rule in its docs); with the
//!   `sandbox` feature, `sandbox::Sandbox` runs a stateful fake of this API on 127.0.0.1
//!   (OAuth tokens that expire, orders, products and batches, price/stock, refunds,
//!   cancellations, questions, finance).
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

pub mod adapter;
pub mod api;
mod auth;
mod client;
pub mod model;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder, DEFAULT_API_URL, DEFAULT_TOKEN_URL};
pub use marketplace_core::{Error, Result};
