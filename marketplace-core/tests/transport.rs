//! The transport against a real HTTP server (wiremock on 127.0.0.1): retries, rate limits,
//! auth refresh, timeouts and error mapping.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use marketplace_core::http::{
    BasicAuth, BearerAuth, RateLimit, RateLimitMode, Request, RetryPolicy, Token, TokenSource,
    Transport,
};
use marketplace_core::{Error, MarketplaceId};
use secrecy::SecretString;
use serde::Deserialize;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        ..RetryPolicy::default()
    }
}

fn transport(server: &MockServer) -> Transport {
    Transport::builder(MarketplaceId::Trendyol, server.uri())
        .user_agent("1234 - SelfIntegration")
        .retry_policy(fast_retries(3))
        .build()
        .unwrap()
}

#[derive(Debug, Deserialize, PartialEq)]
struct Thing {
    id: u64,
    name: String,
}

#[tokio::test]
async fn sends_user_agent_auth_query_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/sellers/42/things/a%20b"))
        .and(query_param("page", "3"))
        .and(header("user-agent", "1234 - SelfIntegration"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": 7, "name": "x"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let t = Transport::builder(MarketplaceId::Trendyol, server.uri())
        .user_agent("1234 - SelfIntegration")
        .auth(Arc::new(
            BasicAuth::new("key", &SecretString::from("secret".to_owned())).unwrap(),
        ))
        .build()
        .unwrap();
    let thing: Thing = t
        .execute(
            Request::get("/sellers/{id}/things/{name}")
                .path_param("id", 42)
                .path_param("name", "a b")
                .query("page", 3),
        )
        .await
        .unwrap();
    assert_eq!(
        thing,
        Thing {
            id: 7,
            name: "x".into()
        }
    );
    assert!(!format!("{t:?}").contains("secret"));
    assert!(!format!("{t:?}").contains("a2V5OnNlY3JldA"));
}

#[tokio::test]
async fn too_many_requests_is_retried_after_retry_after() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_string("too.many.requests"),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": 1, "name": "ok"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let started = Instant::now();
    let thing: Thing = transport(&server)
        .execute(Request::get("/x"))
        .await
        .unwrap();
    assert_eq!(thing.name, "ok");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn server_errors_are_retried_up_to_the_limit_then_reported_with_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503).set_body_raw("<html>maintenance</html>", "text/html"),
        )
        .expect(3)
        .mount(&server)
        .await;
    let err = transport(&server)
        .execute::<Thing>(Request::get("/x"))
        .await
        .unwrap_err();
    match err {
        Error::Api { status, body, .. } => {
            assert_eq!(status, 503);
            assert_eq!(body.snippet, "<html>maintenance</html>");
            assert_eq!(body.content_type.as_deref(), Some("text/html"));
        }
        other => panic!("expected Api error, got {other:?}"),
    }
}

#[tokio::test]
async fn client_errors_are_not_retried_and_carry_the_message() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(400).set_body_json(serde_json::json!({
            "errors": [{"key": "invalid.date", "message": "Tarih aralığı 2 haftadan uzun olamaz", "errorCode": "ORD-17"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let err = transport(&server)
        .execute::<Thing>(Request::get("/x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(!err.is_retryable());
    let text = err.to_string();
    assert!(
        text.contains("Tarih aralığı 2 haftadan uzun olamaz"),
        "{text}"
    );
    assert!(text.contains("ORD-17"), "{text}");
}

#[tokio::test]
async fn post_is_not_retried_on_5xx_unless_marked_idempotent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/create"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/stock"))
        .respond_with(ResponseTemplate::new(503))
        .expect(3)
        .mount(&server)
        .await;
    let t = transport(&server);
    let err = t
        .execute_unit(Request::post("/create").json(&[1]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    let err = t
        .execute_unit(Request::post("/stock").json(&[1]).idempotent(true))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
}

#[tokio::test]
async fn post_is_retried_on_429_and_exhaustion_is_rate_limited() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).set_body_string("too.many.requests"))
        .expect(3)
        .mount(&server)
        .await;
    let err = transport(&server)
        .execute_unit(Request::post("/create"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
}

#[tokio::test]
async fn connect_errors_are_retried_even_for_post() {
    // Bind then drop a listener: the port is (almost certainly) closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let t = Transport::builder(MarketplaceId::Pazarama, format!("http://127.0.0.1:{port}"))
        .retry_policy(fast_retries(3))
        .build()
        .unwrap();
    let err = t.execute_unit(Request::post("/create")).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(err.is_retryable());
}

#[tokio::test]
async fn slow_answers_time_out_and_idempotent_calls_are_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(500)))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(500)))
        .expect(1)
        .mount(&server)
        .await;
    let t = Transport::builder(MarketplaceId::GiyimModa, server.uri())
        .retry_policy(fast_retries(2))
        .timeout(Duration::from_millis(50))
        .build()
        .unwrap();
    let err = t.execute_unit(Request::get("/slow")).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    // A non-idempotent call is sent once only.
    let err = t
        .execute_unit(Request::post("/slow").timeout(Duration::from_millis(20)))
        .await
        .unwrap_err();
    assert!(err.is_timeout());
}

#[tokio::test]
async fn decode_errors_name_the_field() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id": 1, "name": 5}"#))
        .mount(&server)
        .await;
    let err = transport(&server)
        .execute::<Thing>(Request::get("/x"))
        .await
        .unwrap_err();
    match err {
        Error::Decode {
            path, body_snippet, ..
        } => {
            assert_eq!(path, "name");
            assert!(body_snippet.contains("\"name\": 5"));
        }
        other => panic!("{other:?}"),
    }
}

/// Records when each request arrived.
struct Recorder(Arc<Mutex<Vec<Instant>>>);

impl Respond for Recorder {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        self.0.lock().unwrap().push(Instant::now());
        ResponseTemplate::new(200)
    }
}

#[tokio::test]
async fn rate_limiter_never_exceeds_the_configured_rate() {
    let server = MockServer::start().await;
    let arrivals = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("GET"))
        .respond_with(Recorder(arrivals.clone()))
        .mount(&server)
        .await;
    let per = Duration::from_millis(400);
    let t = Transport::builder(MarketplaceId::Trendyol, server.uri())
        .rate_limit(RateLimitMode::PerEndpoint {
            default: RateLimit::new(5, per),
            groups: vec![],
        })
        .build()
        .unwrap();
    let calls = (0..17).map(|_| t.execute_unit(Request::get("/orders")));
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
    let mut times = arrivals.lock().unwrap().clone();
    times.sort();
    assert_eq!(times.len(), 17);
    // Allow for network jitter between the client's send and the server's clock.
    let window = per - Duration::from_millis(60);
    for (i, t0) in times.iter().enumerate() {
        let n = times[i..]
            .iter()
            .take_while(|t| t.duration_since(*t0) < window)
            .count();
        assert!(n <= 5, "{n} requests within {window:?} starting at #{i}");
    }
    assert!(times[16].duration_since(times[0]) >= per * 3 - Duration::from_millis(60));
}

#[derive(Debug, Default)]
struct Tokens(AtomicUsize);

#[async_trait]
impl TokenSource for Tokens {
    async fn fetch_token(&self) -> marketplace_core::Result<Token> {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        Ok(Token {
            value: SecretString::from(format!("t{n}")),
            expires_in: Some(Duration::from_secs(3600)),
        })
    }
}

#[tokio::test]
async fn a_401_refreshes_the_token_once_and_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("authorization", "Bearer t1"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(header("authorization", "Bearer t2"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let tokens = Arc::new(Tokens::default());
    let t = Transport::builder(MarketplaceId::Pazarama, server.uri())
        .auth(Arc::new(BearerAuth::new(tokens.clone())))
        .build()
        .unwrap();
    t.execute_unit(Request::get("/x")).await.unwrap();
    assert_eq!(tokens.0.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_second_401_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(serde_json::json!({"message": "invalid_token"})),
        )
        .expect(2)
        .mount(&server)
        .await;
    let t = Transport::builder(MarketplaceId::Pazarama, server.uri())
        .auth(Arc::new(BearerAuth::new(Arc::new(Tokens::default()))))
        .build()
        .unwrap();
    let err = t.execute_unit(Request::get("/x")).await.unwrap_err();
    match err {
        Error::Auth { status, message } => {
            assert_eq!(status, Some(401));
            assert_eq!(message, "invalid_token");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn bad_builder_input_is_a_typed_error() {
    for url in ["not a url", "ftp://x", "https://x/?a=b"] {
        let err = Transport::builder(MarketplaceId::Trendyol, url)
            .build()
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { ref field, .. } if field == "base_url"),
            "{url}: {err:?}"
        );
    }
    let err = Transport::builder(MarketplaceId::Trendyol, "https://x")
        .user_agent("bad\nagent")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "user_agent"));
}

#[tokio::test]
async fn base_url_with_a_path_prefix_is_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/seller/products"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let t = Transport::builder(
        MarketplaceId::GiyimModa,
        format!("{}/api/seller/", server.uri()),
    )
    .build()
    .unwrap();
    t.execute_unit(Request::get("products")).await.unwrap();
}

#[derive(Debug)]
struct HintingParser;

impl marketplace_core::http::ErrorParser for HintingParser {
    fn parse(
        &self,
        status: u16,
        content_type: Option<&str>,
        body: &[u8],
    ) -> marketplace_core::http::ParsedError {
        let mut parsed =
            marketplace_core::http::GenericErrorParser.parse(status, content_type, body);
        match status {
            426 => {
                parsed.deprecated = true;
                parsed.hint = Some("use the V2 endpoint".into());
            }
            403 if body.is_empty() => parsed.hint = Some("missing or invalid User-Agent?".into()),
            _ => {}
        }
        parsed
    }
}

#[tokio::test]
async fn marketplace_parsers_add_hints_and_mark_retired_endpoints() {
    let server = MockServer::start().await;
    Mock::given(path("/old"))
        .respond_with(ResponseTemplate::new(426).set_body_string("Upgrade Required"))
        .mount(&server)
        .await;
    Mock::given(path("/forbidden"))
        .respond_with(ResponseTemplate::new(403))
        .mount(&server)
        .await;
    let t = Transport::builder(MarketplaceId::Trendyol, server.uri())
        .error_parser(Arc::new(HintingParser))
        .build()
        .unwrap();
    let err = t.execute_unit(Request::get("/old")).await.unwrap_err();
    assert!(
        matches!(&err, Error::Deprecated { status: 426, hint, .. } if hint == "use the V2 endpoint"),
        "{err:?}"
    );
    let err = t
        .execute_unit(Request::get("/forbidden"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
    assert!(
        err.to_string()
            .ends_with("(hint: missing or invalid User-Agent?)"),
        "{err}"
    );
}
