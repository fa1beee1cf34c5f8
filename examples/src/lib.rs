//! Shared plumbing for the runnable examples: connect to each marketplace with the
//! credentials found in the environment, or fall back to that marketplace's built-in
//! sandbox (printing a one-line notice), so every example runs on a fresh machine.
//!
//! | marketplace | environment variables |
//! |---|---|
//! | Trendyol | `TRENDYOL_SELLER_ID`, `TRENDYOL_API_KEY`, `TRENDYOL_API_SECRET` (+ optional `TRENDYOL_ENV=stage`, `TRENDYOL_INTEGRATOR`) |
//! | Pazarama | `PAZARAMA_CLIENT_ID`, `PAZARAMA_CLIENT_SECRET` |
//! | Giyim Moda | `GIYIMMODA_API_KEY`, `GIYIMMODA_API_SECRET` |
#![allow(clippy::print_stdout)]

use std::env;

pub mod documents;
pub mod finance;

use marketplace_core::Marketplace;

pub mod flows;
pub mod webhooks;

/// Errors the examples report and exit on.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A connected client, and the sandbox serving it when no credentials were given (keep
/// the value alive: dropping it stops the sandbox).
pub struct Connection<C, S> {
    /// The marketplace client.
    pub client: C,
    /// The sandbox behind `client`, when running without credentials.
    pub sandbox: Option<S>,
}

impl<C, S> Connection<C, S> {
    /// Whether this connection talks to the built-in sandbox.
    pub fn is_sandbox(&self) -> bool {
        self.sandbox.is_some()
    }
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn notice(marketplace: &str, vars: &str) {
    println!("({marketplace}: no {vars} in the environment, using the built-in sandbox)");
}

/// Trendyol, from `TRENDYOL_*` or the sandbox.
pub async fn trendyol()
-> Result<Connection<trendyol_sdk::Client, trendyol_sdk::sandbox::Sandbox>, BoxError> {
    if let (Some(seller), Some(key), Some(secret)) = (
        var("TRENDYOL_SELLER_ID"),
        var("TRENDYOL_API_KEY"),
        var("TRENDYOL_API_SECRET"),
    ) {
        let environment = match var("TRENDYOL_ENV").as_deref() {
            Some("stage") => trendyol_sdk::Environment::Stage,
            _ => trendyol_sdk::Environment::Production,
        };
        let mut builder = trendyol_sdk::Client::builder()
            .seller_id(seller.parse()?)
            .api_key(key)
            .api_secret(secret)
            .environment(environment);
        if let Some(integrator) = var("TRENDYOL_INTEGRATOR") {
            builder = builder.integrator(integrator);
        }
        return Ok(Connection {
            client: builder.build()?,
            sandbox: None,
        });
    }
    notice(
        "Trendyol",
        "TRENDYOL_SELLER_ID/TRENDYOL_API_KEY/TRENDYOL_API_SECRET",
    );
    let sandbox = trendyol_sdk::sandbox::Sandbox::start().await?;
    Ok(Connection {
        client: sandbox.client()?,
        sandbox: Some(sandbox),
    })
}

/// Pazarama, from `PAZARAMA_*` or the sandbox.
pub async fn pazarama()
-> Result<Connection<pazarama_sdk::Client, pazarama_sdk::sandbox::Sandbox>, BoxError> {
    if let (Some(id), Some(secret)) = (var("PAZARAMA_CLIENT_ID"), var("PAZARAMA_CLIENT_SECRET")) {
        let client = pazarama_sdk::Client::builder()
            .client_id(id)
            .client_secret(secret)
            .build()?;
        return Ok(Connection {
            client,
            sandbox: None,
        });
    }
    notice("Pazarama", "PAZARAMA_CLIENT_ID/PAZARAMA_CLIENT_SECRET");
    let sandbox = pazarama_sdk::sandbox::Sandbox::start().await?;
    Ok(Connection {
        client: sandbox.client(),
        sandbox: Some(sandbox),
    })
}

/// Giyim Moda, from `GIYIMMODA_*` or the sandbox.
pub async fn giyimmoda()
-> Result<Connection<giyimmoda_sdk::Client, giyimmoda_sdk::sandbox::Sandbox>, BoxError> {
    if let (Some(key), Some(secret)) = (var("GIYIMMODA_API_KEY"), var("GIYIMMODA_API_SECRET")) {
        let client = giyimmoda_sdk::Client::builder()
            .api_key(key)
            .api_secret(secret)
            .build()?;
        return Ok(Connection {
            client,
            sandbox: None,
        });
    }
    notice("Giyim Moda", "GIYIMMODA_API_KEY/GIYIMMODA_API_SECRET");
    let sandbox = giyimmoda_sdk::sandbox::Sandbox::start().await?;
    Ok(Connection {
        client: sandbox.client(),
        sandbox: Some(sandbox),
    })
}

/// All three marketplaces behind the unified trait, plus whatever sandboxes serve them
/// (keep `Marketplaces` alive while using the clients).
pub struct Marketplaces {
    /// The unified clients, Trendyol, Pazarama, Giyim Moda in that order.
    pub all: Vec<Box<dyn Marketplace>>,
    /// Sandboxes kept alive for the clients that use them.
    pub sandboxes: Sandboxes,
}

/// The sandboxes started for [`Marketplaces`].
#[derive(Default)]
pub struct Sandboxes {
    /// Trendyol's, if started.
    pub trendyol: Option<trendyol_sdk::sandbox::Sandbox>,
    /// Pazarama's, if started.
    pub pazarama: Option<pazarama_sdk::sandbox::Sandbox>,
    /// Giyim Moda's, if started.
    pub giyimmoda: Option<giyimmoda_sdk::sandbox::Sandbox>,
}

/// Connect to all three marketplaces.
pub async fn marketplaces() -> Result<Marketplaces, BoxError> {
    let t = trendyol().await?;
    let p = pazarama().await?;
    let g = giyimmoda().await?;
    Ok(Marketplaces {
        all: vec![Box::new(t.client), Box::new(p.client), Box::new(g.client)],
        sandboxes: Sandboxes {
            trendyol: t.sandbox,
            pazarama: p.sandbox,
            giyimmoda: g.sandbox,
        },
    })
}
