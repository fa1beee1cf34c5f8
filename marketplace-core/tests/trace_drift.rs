//! Unknown response fields: a warning by default, an error in strict mode.
//!
//! In a test binary of its own: `tracing` caches per-callsite interest process-wide, so a
//! span first hit by a parallel test that has no subscriber would stay disabled here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use marketplace_core::http::{Request, Transport};
use marketplace_core::{Error, MarketplaceId};
use serde::Deserialize;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug, Deserialize, PartialEq)]
struct Thing {
    id: u64,
    name: String,
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
async fn unknown_fields_warn_by_default_and_fail_in_strict_mode() {
    use marketplace_core::http::DriftMode;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "id": 1, "name": "x", "newField": true, "other": {"deep": 1}
        })))
        .mount(&server)
        .await;
    let build = |mode| {
        Transport::builder(MarketplaceId::Trendyol, server.uri())
            .drift_mode(mode)
            .build()
            .unwrap()
    };

    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    let thing: Thing = build(DriftMode::Warn)
        .execute(Request::get("/things/{id}").path_param("id", 1))
        .await
        .unwrap();
    drop(guard);
    assert_eq!(thing.name, "x");
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("WARN"), "{log}");
    assert!(log.contains("newField, other"), "{log}");
    assert!(log.contains("path=/things/{id}"), "{log}");

    let err = build(DriftMode::Strict)
        .execute::<Thing>(Request::get("/x"))
        .await
        .unwrap_err();
    match err {
        Error::Decode { path, message, .. } => {
            assert_eq!(path, "newField");
            assert!(message.contains("2 unknown field(s)"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let thing: Thing = build(DriftMode::Off)
        .execute(Request::get("/x"))
        .await
        .unwrap();
    assert_eq!(thing.id, 1);
}
