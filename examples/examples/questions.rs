//! Questions and answers (roadmap sprint 13): answer every question waiting for an answer
//! on Trendyol, Pazarama and Giyim Moda with one template, through the unified
//! `QuestionApi` (the state machine refuses questions that cannot be answered any more).
//!
//! `cargo run --example questions` — sandboxes without credentials; real accounts only with
//! `EXAMPLES_LIVE_WRITES=1` (the answers are public on the product page).
#![allow(clippy::print_stdout)]

use examples::flows;

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    let marketplaces = examples::marketplaces().await?;
    let s = &marketplaces.sandboxes;
    flows::guard_live_writes(
        s.trendyol.is_none() || s.pazarama.is_none() || s.giyimmoda.is_none(),
    )?;

    let mut total = 0;
    for marketplace in &marketplaces.all {
        let answered = flows::answer_waiting_questions(marketplace.as_ref()).await?;
        println!(
            "\n== {}: {} waiting question(s) answered",
            marketplace.id(),
            answered.len()
        );
        for a in &answered {
            let q = &a.question;
            println!(
                "  #{} {} — {:?}",
                flows::truncate(&q.id, 38),
                q.product_name.as_deref().unwrap_or("(product not given)"),
                flows::truncate(&q.text, 70)
            );
            println!("      ↳ {}", a.answer);
        }
        total += answered.len();
    }
    println!(
        "\n{total} questions answered across {} marketplaces",
        marketplaces.all.len()
    );
    Ok(())
}
