//! The unified conformance suite (marketplace-core, feature `conformance`) run against the
//! Giyimmoda adapter, with the sandbox as the far side.
#![cfg(feature = "conformance")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use giyimmoda_sdk::sandbox::Sandbox;
use marketplace_core::conformance;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn giyimmoda_passes_the_conformance_suite() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = sandbox.client();
    let reports = conformance::run_all(&client, &sandbox).await;
    for report in &reports {
        println!("giyimmoda {:<45} {:?}", report.name, report.result);
    }
    assert_eq!(reports.len(), 7);
    let failures: Vec<_> = reports.iter().filter(|r| r.result.is_err()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
