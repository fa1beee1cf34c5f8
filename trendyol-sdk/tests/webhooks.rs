//! Webhook subscriptions over HTTP against wiremock on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::json;
use trendyol_sdk::model::webhooks::{
    WebhookAuthType, WebhookEventStatus, WebhookRequest, WebhookState,
};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BASE: &str = "/integration/webhook/sellers/777/webhooks";
const ID: &str = "5297c986-6e09-4615-9f16-0deff65a0890";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn ok_text() -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "text/plain")
        .set_body_string("200 OK")
}

#[tokio::test]
async fn create_sends_the_documented_body_and_returns_the_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(BASE))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .and(body_json(json!({
            "url": "https://hooks.example.com/ty", "authenticationType": "API_KEY",
            "apiKey": "123456", "subscribedStatuses": ["CREATED", "PICKING"]
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": ID})))
        .expect(1)
        .mount(&server)
        .await;
    let req = WebhookRequest::api_key("https://hooks.example.com/ty", "123456")
        .statuses([WebhookEventStatus::Created, WebhookEventStatus::Picking]);
    let created = client(&server).webhooks().create(&req).await.unwrap();
    assert_eq!(created.id.as_deref(), Some(ID));
}

#[tokio::test]
async fn list_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(BASE))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(include_str!("fixtures/webhooks/list.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let hooks = client(&server).webhooks().list().await.unwrap();
    let h = &hooks[0];
    assert_eq!(h.id.as_deref(), Some(ID));
    assert_eq!(
        h.created_date.unwrap().timestamp_millis(),
        1_733_317_686_667
    );
    assert_eq!(
        h.authentication_type,
        Some(WebhookAuthType::BasicAuthentication)
    );
    assert_eq!(h.status, Some(WebhookState::Passive));
    assert_eq!(h.subscribed_statuses[4], WebhookEventStatus::UnPacked);
    assert_eq!(h.username.as_deref(), Some("test1"));
}

#[tokio::test]
async fn list_tolerates_nulls_and_unknown_values() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(BASE))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{
            "id": ID, "lastModifiedDate": null, "subscribedStatuses": null,
            "status": "SUSPENDED", "storeFrontCode": "TR", "countryCodes": ["TR"]
        }])))
        .mount(&server)
        .await;
    let hooks = client(&server).webhooks().list().await.unwrap();
    assert_eq!(hooks[0].last_modified_date, None);
    assert!(hooks[0].subscribed_statuses.is_empty());
    assert_eq!(
        hooks[0].status,
        Some(WebhookState::Other("SUSPENDED".into()))
    );
    assert_eq!(hooks[0].country_codes, ["TR"]);
}

#[tokio::test]
async fn update_delete_activate_deactivate_accept_text_200_ok() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/{ID}")))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(body_json(json!({
            "url": "https://hooks.example.com/ty", "username": "user", "password": "pass",
            "authenticationType": "BASIC_AUTHENTICATION", "subscribedStatuses": []
        })))
        .respond_with(ok_text())
        .expect(1)
        .mount(&server)
        .await;
    for (verb, suffix) in [("DELETE", ""), ("PUT", "/activate"), ("PUT", "/deactivate")] {
        Mock::given(method(verb))
            .and(path(format!("{BASE}/{ID}{suffix}")))
            .and(header("user-agent", "777 - SelfIntegration"))
            .respond_with(ok_text())
            .expect(1)
            .mount(&server)
            .await;
    }
    let c = client(&server);
    let w = c.webhooks();
    w.update(
        ID,
        &WebhookRequest::basic("https://hooks.example.com/ty", "user", "pass"),
    )
    .await
    .unwrap();
    w.delete(ID).await.unwrap();
    w.activate(ID).await.unwrap();
    w.deactivate(ID).await.unwrap();
}

#[tokio::test]
async fn every_rule_is_checked_before_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let c = client(&server);
    let w = c.webhooks();
    let mut basic_no_user = WebhookRequest::basic("https://hooks.example.com", "", "p");
    basic_no_user.username = None;
    let mut basic_no_pass = WebhookRequest::basic("https://hooks.example.com", "u", "");
    basic_no_pass.api_key = Some("k".to_string().into());
    let mut api_no_key = WebhookRequest::api_key("https://hooks.example.com", "");
    api_no_key.username = Some("u".into());
    let mut unknown_type = WebhookRequest::api_key("https://hooks.example.com", "k");
    unknown_type.authentication_type = WebhookAuthType::Other("OAUTH".into());
    let cases = [
        (
            WebhookRequest::api_key("https://my-TRENDYOL-hooks.com", "k"),
            "url",
        ),
        (
            WebhookRequest::api_key("https://hooks.example.com/Dolap", "k"),
            "url",
        ),
        (
            WebhookRequest::api_key("http://LocalHost:8080/hook", "k"),
            "url",
        ),
        (WebhookRequest::api_key("not a url", "k"), "url"),
        (WebhookRequest::api_key("", "k"), "url"),
        (basic_no_user, "username"),
        (basic_no_pass, "password"),
        (api_no_key, "apiKey"),
        (unknown_type, "authenticationType"),
        (
            WebhookRequest::api_key("https://hooks.example.com", "k").statuses([
                WebhookEventStatus::Created,
                WebhookEventStatus::Other("Created".into()),
            ]),
            "subscribedStatuses",
        ),
    ];
    for (req, field) in cases {
        for err in [
            w.create(&req).await.unwrap_err(),
            w.update(ID, &req).await.unwrap_err(),
        ] {
            match err {
                Error::InvalidInput { field: f, .. } => assert_eq!(f, field, "{req:?}"),
                other => panic!("{other}"),
            }
        }
    }
}

#[test]
fn request_debug_redacts_secrets() {
    let dbg = format!(
        "{:?} {:?}",
        WebhookRequest::basic("https://h.example.com", "user", "hunter2"),
        WebhookRequest::api_key("https://h.example.com", "sekret-key")
    );
    assert!(
        !dbg.contains("hunter2") && !dbg.contains("sekret-key"),
        "{dbg}"
    );
    assert!(dbg.contains("[REDACTED]"));
}
