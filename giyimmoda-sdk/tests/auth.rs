//! E-mail/password (Bearer) login against a mock Giyim Moda (127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use giyimmoda_sdk::{Client, Error};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .login("seller@example.com", "your_password")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap()
}

fn brand_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "success": true, "data": {"id": 5, "name": "Koton"}
    }))
}

fn token(t: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "success": true, "message": "Giriş başarılı", "data": {"token": t, "token_type": "Bearer"}
    }))
}

#[tokio::test]
async fn logs_in_once_and_sends_the_bearer_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/login"))
        .and(header("content-type", "application/json"))
        .and(body_json(serde_json::json!({
            "email": "seller@example.com", "password": "your_password"
        })))
        .respond_with(token("1|abcdef"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands/5"))
        .and(header("authorization", "Bearer 1|abcdef"))
        .respond_with(brand_ok())
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    assert_eq!(client.brands().get(5).await.unwrap().name, "Koton");
    assert_eq!(client.clone().brands().get(5).await.unwrap().id, 5);
    let requests = server.received_requests().await.unwrap();
    let brand_call = requests
        .iter()
        .find(|r| r.url.path().ends_with("/5"))
        .unwrap();
    assert!(brand_call.headers.get("x-api-key").is_none());
}

#[tokio::test]
async fn a_401_logs_in_again_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/login"))
        .respond_with(token("1|old"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/seller/login"))
        // A top-level token field works too.
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"success": true, "token": "2|new", "expires_in": "3600"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands/5"))
        .and(header("authorization", "Bearer 1|old"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(
                serde_json::json!({"success": false, "message": "Unauthenticated."}),
            ),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands/5"))
        .and(header("authorization", "Bearer 2|new"))
        .respond_with(brand_ok())
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(client(&server).brands().get(5).await.unwrap().name, "Koton");
}

#[tokio::test]
async fn a_second_401_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/login"))
        .respond_with(token("1|tok"))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/seller/brands/5"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(
                serde_json::json!({"success": false, "message": "Unauthenticated."}),
            ),
        )
        .expect(2)
        .mount(&server)
        .await;
    let err = client(&server).brands().get(5).await.unwrap_err();
    match &err {
        Error::Auth { status, message } => {
            assert_eq!(*status, Some(401));
            assert!(message.contains("Unauthenticated"), "{message}");
        }
        other => panic!("expected Error::Auth, got {other:?}"),
    }
    assert!(!err.to_string().contains("your_password"));
}

#[tokio::test]
async fn refused_login_is_an_auth_error_without_the_password() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/auth/login"))
        .respond_with(ResponseTemplate::new(422).set_body_json(serde_json::json!({
            "success": false, "message": "Geçersiz e-posta veya şifre",
            "errors": {"email": ["Bu bilgiler kayıtlarımızla eşleşmiyor."]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .login("seller@example.com", "your_password")
        .login_path("auth/login")
        .base_url(format!("{}/api/seller/", server.uri()))
        .build()
        .unwrap();
    let err = client.brands().get(5).await.unwrap_err();
    assert!(
        matches!(&err, Error::Auth { status: Some(422), message } if message.contains("Geçersiz")),
        "{err:?}"
    );
    let text = format!("{err} {err:?} {client:?}");
    assert!(!text.contains("your_password"), "{text}");
}

#[tokio::test]
async fn login_without_a_token_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/seller/login"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"success": true, "data": {}})),
        )
        .mount(&server)
        .await;
    let err = client(&server).brands().get(5).await.unwrap_err();
    assert!(matches!(err, Error::Auth { status: None, .. }), "{err:?}");
}
