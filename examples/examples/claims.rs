//! Claims / returns (roadmap sprint 12) on all three marketplaces through the unified
//! `ClaimApi`: list the claims, approve one that waits for the seller, reject another with
//! a reason (Pazarama: with a photo of the returned item, which it requires), and show the
//! state machine refusing an illegal move — approving the claim just rejected fails with
//! `Error::InvalidTransition` before anything is sent.
//!
//! `cargo run --example claims` — sandboxes without credentials; real accounts only with
//! `EXAMPLES_LIVE_WRITES=1`.
#![allow(clippy::print_stdout)]

use examples::flows::{self, ClaimsSummary, Rejecter};
use marketplace_core::model::Claim;
use marketplace_core::{Error, Marketplace};

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    let trendyol = examples::trendyol().await?;
    let pazarama = examples::pazarama().await?;
    let giyimmoda = examples::giyimmoda().await?;
    flows::guard_live_writes(
        !trendyol.is_sandbox() || !pazarama.is_sandbox() || !giyimmoda.is_sandbox(),
    )?;

    let runs: [(&dyn Marketplace, Rejecter<'_>); 3] = [
        (&trendyol.client, flows::trendyol_rejecter()),
        (&pazarama.client, flows::pazarama_rejecter(&pazarama.client)),
        (&giyimmoda.client, flows::giyimmoda_rejecter()),
    ];
    for (marketplace, rejecter) in &runs {
        let summary = flows::claims_flow(*marketplace, rejecter).await?;
        print(&summary, rejecter);
    }
    Ok(())
}

fn print(s: &ClaimsSummary, rejecter: &Rejecter<'_>) {
    println!("\n== {}: {} claims", s.marketplace, s.listed.len());
    for (id, order, status) in &s.listed {
        println!(
            "  {:<38} order {:<14} {status}",
            flows::truncate(id, 38),
            order
        );
    }
    match &s.approved {
        Some(claim) => println!("approve {} → now {}", claim.id, lines(claim)),
        None => println!("no claim waiting for the seller to approve"),
    }
    match &s.rejected {
        Some((claim, rejection)) => {
            let photos = match rejecter {
                Rejecter::PazaramaWithPhotos(_, _, photos) => {
                    format!(", {} photo(s) attached", photos.len())
                }
                Rejecter::Unified(_) => String::new(),
            };
            println!(
                "reject  {} (reason {}: {:?}{photos}) → now {}",
                claim.id,
                rejection.reason_code.as_deref().unwrap_or("-"),
                rejection.text,
                lines(claim)
            );
        }
        None => println!("no second claim waiting for the seller to reject"),
    }
    match &s.illegal_move {
        Some(Error::InvalidTransition { entity, from, to }) => println!(
            "approve it again → Error::InvalidTransition ({entity}: {from} → {to}), nothing sent"
        ),
        Some(other) => println!("approve it again → refused: {other}"),
        None if s.rejected.is_some() => println!("approve it again → accepted?! (unexpected)"),
        None => {}
    }
}

/// The claim's status, and its lines' when they differ.
fn lines(claim: &Claim) -> String {
    let statuses: Vec<String> = claim
        .lines
        .iter()
        .filter_map(|l| l.status.as_ref().map(ToString::to_string))
        .collect();
    if statuses.iter().all(|s| *s == claim.status.to_string()) {
        claim.status.to_string()
    } else {
        format!("{} (lines: {})", claim.status, statuses.join(", "))
    }
}
