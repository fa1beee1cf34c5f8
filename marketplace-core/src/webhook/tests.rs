use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use http::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};

use super::*;

const USER: &str = "trendyol-hook";
const PASSWORD: &str = "pa55-w0rd-SECRET-xyz";
const API_KEY: &str = "ak-SECRET-0123456789";
const HMAC_SECRET: &str = "whsec-SECRET-abcdef";
const BODY: &[u8] = br#"{"event":"order.created","data":{"order_id":123}}"#;

fn headers(name: &str, value: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(
        HeaderName::from_bytes(name.as_bytes()).unwrap(),
        HeaderValue::from_str(value).unwrap(),
    );
    h
}

fn basic() -> Verifier {
    Verifier::basic(USER, PASSWORD)
}

fn api_key() -> Verifier {
    Verifier::api_key(API_KEY)
}

fn hmac() -> Verifier {
    Verifier::hmac_sha256(HMAC_SECRET)
}

fn malformed_credentials(header: &str, reason: &'static str) -> Rejection {
    Rejection::MalformedCredentials {
        header: header.into(),
        reason,
    }
}

// ---- Basic ----------------------------------------------------------------------------

#[test]
fn basic_accepts_right_credentials() {
    let h = basic_auth_headers(USER, PASSWORD).unwrap();
    assert_eq!(basic().verify(&h, BODY), Ok(()));
    // Scheme name is case-insensitive.
    let token = BASE64.encode(format!("{USER}:{PASSWORD}"));
    let h = headers("authorization", &format!("bAsIc {token}"));
    assert_eq!(basic().verify(&h, BODY), Ok(()));
}

#[test]
fn basic_rejects_wrong_username_or_password() {
    for (u, p) in [
        (USER, "wrong"),
        ("wrong", PASSWORD),
        (USER, ""),
        ("", ""),
        (USER, &format!("{PASSWORD}x")[..]),
    ] {
        let h = basic_auth_headers(u, p).unwrap();
        assert_eq!(
            basic().verify(&h, BODY),
            Err(Rejection::WrongCredentials),
            "{u}:{p}"
        );
    }
}

#[test]
fn basic_rejects_missing_header() {
    assert_eq!(
        basic().verify(&HeaderMap::new(), BODY),
        Err(Rejection::MissingCredentials {
            header: "authorization".into()
        })
    );
}

#[test]
fn basic_rejects_malformed_with_specific_reason() {
    let cases = [
        ("Basic !!!not-base64!!!", "credentials are not valid base64"),
        (
            &format!("Basic {}", BASE64.encode("no-colon-here"))[..],
            "decoded credentials have no `:` between username and password",
        ),
        (
            &format!("Bearer {}", BASE64.encode(format!("{USER}:{PASSWORD}")))[..],
            "authorization scheme is not Basic",
        ),
        ("Basic", "expected `Basic <base64(username:password)>`"),
    ];
    for (value, reason) in cases {
        assert_eq!(
            basic().verify(&headers("Authorization", value), BODY),
            Err(malformed_credentials("authorization", reason)),
            "{value}"
        );
    }
}

#[test]
fn repeated_credentials_header_is_malformed() {
    let mut h = basic_auth_headers(USER, PASSWORD).unwrap();
    h.append(
        AUTHORIZATION,
        HeaderValue::from_static("Basic Zm9vOmJhcg=="),
    );
    assert_eq!(
        basic().verify(&h, BODY),
        Err(malformed_credentials(
            "authorization",
            "header sent more than once"
        ))
    );
}

// ---- API key --------------------------------------------------------------------------

#[test]
fn api_key_accepts_right_key_in_trendyol_header() {
    let h = headers("x-api-key", API_KEY);
    assert_eq!(api_key().verify(&h, BODY), Ok(()));
}

#[test]
fn api_key_rejects_wrong_and_missing() {
    for wrong in [
        "",
        "ak",
        &format!("{API_KEY}0"),
        &API_KEY[..API_KEY.len() - 1],
    ] {
        assert_eq!(
            api_key().verify(&headers("x-api-key", wrong), BODY),
            Err(Rejection::WrongCredentials),
            "{wrong}"
        );
    }
    assert_eq!(
        api_key().verify(&headers("authorization", API_KEY), BODY),
        Err(Rejection::MissingCredentials {
            header: "x-api-key".into()
        })
    );
}

#[test]
fn api_key_custom_header_name() {
    let v = Verifier::new(Credentials::api_key_in(
        "X-Hook-Token".parse().unwrap(),
        API_KEY,
    ));
    assert_eq!(v.verify(&headers("x-hook-token", API_KEY), BODY), Ok(()));
    assert_eq!(
        v.verify(&headers("x-api-key", API_KEY), BODY),
        Err(Rejection::MissingCredentials {
            header: "x-hook-token".into()
        })
    );
}

// ---- HMAC -----------------------------------------------------------------------------

#[test]
fn hmac_accepts_right_signature_in_all_documented_forms() {
    let sig = sign_hmac_sha256_hex(HMAC_SECRET, BODY);
    assert_eq!(sig.len(), 64);
    for value in [
        sig.clone(),
        sig.to_uppercase(),
        format!("sha256={sig}"),
        format!("SHA256={}", sig.to_uppercase()),
        format!("  {sig} "),
    ] {
        let h = headers("X-Webhook-Signature", &value);
        assert_eq!(hmac().verify(&h, BODY), Ok(()), "{value}");
    }
}

#[test]
fn hmac_rejects_tampered_body_and_wrong_secret() {
    let h = hmac_sha256_headers(
        HeaderName::from_static(DEFAULT_SIGNATURE_HEADER),
        HMAC_SECRET,
        BODY,
    )
    .unwrap();
    let mut tampered = BODY.to_vec();
    tampered[10] ^= 1;
    assert_eq!(hmac().verify(&h, &tampered), Err(Rejection::BadSignature));
    assert_eq!(
        Verifier::hmac_sha256("other-secret").verify(&h, BODY),
        Err(Rejection::BadSignature)
    );
    // A signature of the right shape but all zeros.
    let h = headers("x-webhook-signature", &"0".repeat(64));
    assert_eq!(hmac().verify(&h, BODY), Err(Rejection::BadSignature));
}

#[test]
fn hmac_rejects_missing_and_malformed_with_specific_reason() {
    assert_eq!(
        hmac().verify(&HeaderMap::new(), BODY),
        Err(Rejection::MissingSignature)
    );
    let sig = sign_hmac_sha256_hex(HMAC_SECRET, BODY);
    let not_hex = Rejection::MalformedSignature {
        reason: "signature is not hexadecimal",
    };
    let wrong_len = Rejection::MalformedSignature {
        reason: "signature is not 64 hex digits (a SHA-256 HMAC)",
    };
    let cases = [
        (format!("{}zz", &sig[..62]), &not_hex),
        ("sha1=abcdef".to_owned(), &not_hex),
        (sig[..62].to_owned(), &wrong_len),
        (format!("{sig}00"), &wrong_len),
        ("sha256=".to_owned(), &wrong_len),
    ];
    for (value, expected) in cases {
        let h = headers("x-webhook-signature", &value);
        assert_eq!(hmac().verify(&h, BODY).as_ref(), Err(expected), "{value}");
    }
}

#[test]
fn sign_matches_rfc4231_vector() {
    assert_eq!(
        sign_hmac_sha256_hex("Jefe", b"what do ya want for nothing?"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[test]
fn header_names_are_case_insensitive() {
    let sig = sign_hmac_sha256_hex(HMAC_SECRET, BODY);
    for name in [
        "X-Webhook-Signature",
        "x-webhook-signature",
        "X-WEBHOOK-SIGNATURE",
    ] {
        assert_eq!(hmac().verify(&headers(name, &sig), BODY), Ok(()), "{name}");
    }
    for name in ["X-Api-Key", "X-API-KEY"] {
        assert_eq!(
            api_key().verify(&headers(name, API_KEY), BODY),
            Ok(()),
            "{name}"
        );
    }
    let v = Verifier::new(Credentials::hmac_sha256_in(
        "X-Custom-Sig".parse().unwrap(),
        HMAC_SECRET,
    ));
    assert_eq!(v.verify(&headers("x-CUSTOM-sig", &sig), BODY), Ok(()));
}

// ---- Body size ------------------------------------------------------------------------

#[test]
fn oversized_body_rejected_before_any_credential_check() {
    let big = vec![b'x'; 101];
    for v in [basic(), api_key(), hmac()] {
        let v = v.with_max_body_bytes(100);
        // No credentials at all: still the size is what is reported, so it was checked first.
        assert_eq!(
            v.verify(&HeaderMap::new(), &big),
            Err(Rejection::BodyTooLarge {
                size: 101,
                limit: 100
            })
        );
        // Even with valid credentials for that body.
        let h = v.delivery_headers(&big).unwrap();
        assert!(matches!(
            v.verify(&h, &big),
            Err(Rejection::BodyTooLarge { .. })
        ));
        // At the limit is fine.
        let ok = &big[..100];
        assert_eq!(v.verify(&v.delivery_headers(ok).unwrap(), ok), Ok(()));
    }
    assert_eq!(hmac().max_body_bytes(), DEFAULT_MAX_BODY_BYTES);
    assert_eq!(
        hmac().check_size(DEFAULT_MAX_BODY_BYTES + 1),
        Err(Rejection::BodyTooLarge {
            size: DEFAULT_MAX_BODY_BYTES + 1,
            limit: DEFAULT_MAX_BODY_BYTES
        })
    );
}

#[test]
fn delivery_headers_round_trip_and_are_sensitive() {
    for v in [basic(), api_key(), hmac()] {
        let h = v.delivery_headers(BODY).unwrap();
        assert_eq!(v.verify(&h, BODY), Ok(()), "{v:?}");
        assert!(h.values().all(HeaderValue::is_sensitive));
    }
}

// ---- Secrets never leak ---------------------------------------------------------------

#[test]
fn debug_output_contains_no_secret() {
    let secrets = [PASSWORD, API_KEY, HMAC_SECRET];
    let creds = [
        Credentials::basic(USER, PASSWORD),
        Credentials::api_key(API_KEY),
        Credentials::hmac_sha256(HMAC_SECRET),
    ];
    let verifiers = [basic(), api_key(), hmac()];
    let mut outputs: Vec<String> = creds.iter().map(|c| format!("{c:?}")).collect();
    outputs.extend(verifiers.iter().map(|v| format!("{v:?}")));
    outputs.extend(verifiers.iter().map(|v| format!("{v:#?}")));
    for out in &outputs {
        assert!(out.contains("[REDACTED]"), "{out}");
        for secret in secrets {
            assert!(!out.contains(secret), "{out}");
            assert!(!out.contains("SECRET"), "{out}");
        }
    }
    assert!(format!("{:?}", Credentials::basic(USER, PASSWORD)).contains(USER));
}

#[test]
fn rejection_messages_contain_no_secret_or_presented_credential() {
    let presented = "presented-SECRET-guess";
    let mut rejections = Vec::new();
    for v in [basic(), api_key(), hmac()] {
        for h in [
            basic_auth_headers(presented, presented).unwrap(),
            headers("authorization", presented),
            headers(
                "authorization",
                &format!("Basic {}", BASE64.encode(presented)),
            ),
            headers("x-api-key", presented),
            headers("x-webhook-signature", presented),
            headers(
                "x-webhook-signature",
                &sign_hmac_sha256_hex(presented, BODY),
            ),
            HeaderMap::new(),
        ] {
            if let Err(r) = v.verify(&h, BODY) {
                rejections.push(r);
            }
        }
    }
    assert!(rejections.len() >= 15);
    for r in &rejections {
        let texts = [
            r.to_string(),
            format!("{r:?}"),
            crate::Error::from(r.clone()).to_string(),
        ];
        for text in texts {
            for secret in [PASSWORD, API_KEY, HMAC_SECRET, presented] {
                assert!(!text.contains(secret), "{text}");
            }
            assert!(!text.contains("SECRET"), "{text}");
        }
    }
}

#[test]
fn status_codes() {
    assert_eq!(
        Rejection::BodyTooLarge { size: 2, limit: 1 }.status_code(),
        http::StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        Rejection::BadSignature.status_code(),
        http::StatusCode::UNAUTHORIZED
    );
    let dup = Rejection::Duplicate { key: "k".into() };
    assert!(dup.is_duplicate());
    assert_eq!(dup.status_code(), http::StatusCode::OK);
}

// ---- De-duplication -------------------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn same_event_twice_is_accepted_once() {
    let v = hmac();
    let dedupe = InMemoryDeduplicator::new(Duration::from_secs(60), 100);
    let h = v.delivery_headers(BODY).unwrap();
    let key = body_digest_key(BODY);
    assert_eq!(v.verify_and_dedupe(&h, BODY, &key, &dedupe).await, Ok(()));
    assert_eq!(
        v.verify_and_dedupe(&h, BODY, &key, &dedupe).await,
        Err(Rejection::Duplicate { key: key.clone() })
    );
    // A different event is new.
    let other = br#"{"event":"order.created","data":{"order_id":124}}"#;
    let h2 = v.delivery_headers(other).unwrap();
    assert_eq!(
        v.verify_and_dedupe(&h2, other, &body_digest_key(other), &dedupe)
            .await,
        Ok(())
    );
}

#[tokio::test(start_paused = true)]
async fn unverified_delivery_does_not_poison_the_cache() {
    let v = hmac();
    let dedupe = InMemoryDeduplicator::new(Duration::from_secs(60), 100);
    let forged = headers("x-webhook-signature", &"ab".repeat(32));
    assert_eq!(
        v.verify_and_dedupe(&forged, BODY, "evt-1", &dedupe).await,
        Err(Rejection::BadSignature)
    );
    assert!(dedupe.is_empty());
    let h = v.delivery_headers(BODY).unwrap();
    assert_eq!(
        v.verify_and_dedupe(&h, BODY, "evt-1", &dedupe).await,
        Ok(())
    );
}

#[tokio::test(start_paused = true)]
async fn accepted_again_after_ttl() {
    let dedupe = InMemoryDeduplicator::new(Duration::from_secs(60), 100);
    assert!(dedupe.first_seen("evt").await);
    tokio::time::advance(Duration::from_secs(30)).await;
    assert!(!dedupe.first_seen("evt").await);
    // The replay did not extend the window: 60 s after the first sighting it is new again.
    tokio::time::advance(Duration::from_secs(29)).await;
    assert!(!dedupe.first_seen("evt").await);
    tokio::time::advance(Duration::from_secs(1)).await;
    assert!(dedupe.first_seen("evt").await);
    assert!(!dedupe.first_seen("evt").await);
}

#[tokio::test(start_paused = true)]
async fn expired_entries_are_dropped() {
    let dedupe = InMemoryDeduplicator::new(Duration::from_secs(10), 1000);
    for i in 0..50 {
        assert!(dedupe.check_and_record(&format!("evt-{i}")));
    }
    assert_eq!(dedupe.len(), 50);
    tokio::time::advance(Duration::from_secs(10)).await;
    assert_eq!(dedupe.len(), 0);
}

#[tokio::test(start_paused = true)]
async fn max_entries_bound_holds_and_oldest_is_evicted_first() {
    let cap = 100;
    let dedupe = InMemoryDeduplicator::new(Duration::from_secs(3600), cap);
    for i in 0..10_000 {
        assert!(dedupe.check_and_record(&format!("evt-{i}")));
        assert!(dedupe.len() <= cap);
        if i % 1000 == 0 {
            tokio::time::advance(Duration::from_millis(1)).await;
        }
    }
    assert_eq!(dedupe.len(), cap);
    // The newest `cap` are remembered, the older ones were evicted.
    assert!(!dedupe.check_and_record("evt-9999"));
    assert!(!dedupe.check_and_record("evt-9900"));
    assert!(dedupe.check_and_record("evt-9899"));
    assert!(dedupe.len() <= cap);
    assert!(dedupe.check_and_record("evt-0"));
    assert_eq!(
        InMemoryDeduplicator::new(Duration::ZERO, 0).max_entries(),
        1
    );
}

#[tokio::test(start_paused = true)]
async fn forget_allows_redelivery() {
    let dedupe: Arc<dyn Deduplicator> =
        Arc::new(InMemoryDeduplicator::new(Duration::from_secs(60), 10));
    assert!(dedupe.first_seen("evt").await);
    dedupe.forget("evt").await;
    assert!(dedupe.first_seen("evt").await);
    assert!(!dedupe.first_seen("evt").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn deduplicator_is_thread_safe() {
    let dedupe = Arc::new(InMemoryDeduplicator::new(Duration::from_secs(60), 10_000));
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let d = Arc::clone(&dedupe);
        tasks.push(tokio::spawn(async move {
            let mut accepted = 0;
            for i in 0..500 {
                if d.first_seen(&format!("evt-{i}")).await {
                    accepted += 1;
                }
            }
            accepted
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap();
    }
    assert_eq!(total, 500, "each key accepted exactly once across tasks");
}

static_assertions::assert_impl_all!(Verifier: Send, Sync, Clone, std::fmt::Debug);
static_assertions::assert_impl_all!(InMemoryDeduplicator: Send, Sync, Deduplicator, std::fmt::Debug);
static_assertions::assert_obj_safe!(Deduplicator);
static_assertions::assert_impl_all!(Rejection: Send, Sync, Clone, PartialEq, std::error::Error);

#[test]
fn verify_and_dedupe_future_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let v = hmac();
    let dedupe = InMemoryDeduplicator::new(Duration::from_secs(1), 1);
    let h = HeaderMap::new();
    let fut = v.verify_and_dedupe(&h, BODY, "k", &dedupe);
    assert_send(&fut);
}
