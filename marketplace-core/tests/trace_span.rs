//! One tracing span per call, with the fields it promises and no secrets.
//!
//! In a test binary of its own: `tracing` caches per-callsite interest process-wide, so a
//! span first hit by a parallel test that has no subscriber would stay disabled here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use marketplace_core::MarketplaceId;
use marketplace_core::http::{BasicAuth, Request, RetryPolicy, Transport};
use secrecy::SecretString;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        ..RetryPolicy::default()
    }
}

/// Collects what the tracing subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn one_span_per_call_with_template_status_attempt_and_no_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let t = Transport::builder(MarketplaceId::Trendyol, server.uri())
        .auth(Arc::new(
            BasicAuth::new("key", &SecretString::from("tr4ce-secret".to_owned())).unwrap(),
        ))
        .retry_policy(fast_retries(3))
        .build()
        .unwrap();
    t.execute_unit(
        Request::put("/sellers/{sellerId}/packages/{id}")
            .path_param("sellerId", 99)
            .path_param("id", "PKG-CUSTOMER-123")
            .json(&serde_json::json!({"customerName": "Ayşe Yılmaz"})),
    )
    .await
    .unwrap();
    drop(_guard);

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let closes: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("marketplace_core::http::transport: close"))
        .collect();
    assert_eq!(closes.len(), 1, "one span per call:\n{log}");
    let line = closes[0];
    for expected in [
        "marketplace.request",
        "marketplace=trendyol",
        "method=PUT",
        "path=/sellers/{sellerId}/packages/{id}",
        "status=200",
        "attempt=2",
        "elapsed_ms=",
    ] {
        assert!(line.contains(expected), "missing {expected} in {line}");
    }
    for secret in [
        "tr4ce-secret",
        "a2V5OnRyNGNlLXNlY3JldA",
        "PKG-CUSTOMER-123",
        "Ayşe",
    ] {
        assert!(!log.contains(secret), "{secret} leaked into traces:\n{log}");
    }
}
