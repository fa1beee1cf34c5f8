//! Product questions and answers against a mock Pazarama (127.0.0.1).
//! Fixtures are the document's samples (section 3.22), unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use pazarama_sdk::model::{QuestionListQuery, QuestionSearchQuery, QuestionStatus};
use pazarama_sdk::{Client, Error};
use serde_json::json;
use uuid::Uuid;
use wiremock::matchers::{body_json, body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok", "expires_in": 3600, "token_type": "Bearer"
        })))
        .mount(server)
        .await;
    Client::builder()
        .client_id("cid")
        .client_secret("csecret")
        .token_url(format!("{}/connect/token", server.uri()))
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn fixture(body: &'static str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body, "application/json")
}

const QUESTION: &str = "56643287-ad2c-40be-9088-08dc076bf0d7";

#[tokio::test]
async fn statuses_and_topics() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/QuestionAnswer/getQuestionStatus"))
        .and(header("authorization", "Bearer tok"))
        .respond_with(fixture(include_str!("fixtures/questions/statuses.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/QuestionAnswer/questionTopics"))
        .respond_with(fixture(include_str!("fixtures/questions/topics.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let statuses = client.questions().statuses().await.unwrap();
    assert_eq!(statuses.len(), 4);
    assert_eq!(statuses[2].id, QuestionStatus::AwaitingApproval);
    assert_eq!(statuses[2].value.as_deref(), Some("Onay Bekliyor"));
    let topics = client.questions().topics().await.unwrap();
    assert_eq!(topics.len(), 5);
    assert_eq!(topics[1].topic.as_deref(), Some("Teslimat ve Kargo"));
    assert_eq!(
        topics[1].id.to_string(),
        "0ce396f6-9bb2-4a84-9448-ba0b16e3a6b8"
    );
}

#[tokio::test]
async fn lists_and_streams_questions() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/QuestionAnswer/getApprovalAnswersByMerchant"))
        .and(query_param("pageIndex", "1"))
        .and(query_param("pageSize", "10"))
        .respond_with(fixture(include_str!("fixtures/questions/list.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let query = QuestionListQuery {
        page_index: Some(1),
        page_size: Some(10),
    };
    let list = client.questions().list(&query).await.unwrap();
    assert_eq!(list.un_answered_count, Some(2));
    assert_eq!(list.page_response.as_ref().unwrap().total_count, Some(2));
    let q = &list.approval_answers_by_merchant[1];
    assert_eq!(q.product_name.as_deref(), Some("Beyaz Peynir"));
    assert_eq!(q.question_status, Some(QuestionStatus::AwaitingAnswer));
    assert_eq!(q.question_date, Some(at("2023-12-28T09:13:25.483+03:00")));
    // The stream stops after page 1: 2 records in all.
    let all: Vec<_> = client
        .questions()
        .stream(&query)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn gets_one_question_by_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/QuestionAnswer/getApprovalAnswerById"))
        .and(query_param("questionId", QUESTION))
        .respond_with(fixture(include_str!("fixtures/questions/by_id.json")))
        .expect(1)
        .mount(&server)
        .await;
    let q = client(&server)
        .await
        .questions()
        .get(QUESTION.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(q.question.as_deref(), Some("garanti varmı"));
    assert_eq!(q.barcode.as_deref(), Some("MSTK55550"));
    assert_eq!(q.masked_user_name.as_deref(), Some("M**** S****"));
    assert_eq!(q.answer, None);
}

#[tokio::test]
async fn answers_a_question_and_refuses_a_blank_answer() {
    let server = MockServer::start().await;
    let text = "Merhaba, Evet efendim,tüm ürünlerimizgarantikapsamındadır. Güle güle kullanmanız dileğiyle.";
    Mock::given(method("PUT"))
        .and(path("/QuestionAnswer/sellerAnswer"))
        .and(body_json(json!({"questionId": QUESTION, "text": text})))
        .respond_with(fixture(include_str!("fixtures/questions/answer.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let id: Uuid = QUESTION.parse().unwrap();
    client.questions().answer(id, text).await.unwrap();
    let r = client.questions().answer(id, " \n ").await;
    assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "text"));
}

#[tokio::test]
async fn searches_questions_with_the_documented_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/QuestionAnswer/getApprovalAnswersByMerchantSearch"))
        .and(body_json(json!({
            "barcode": null, "topicId": null, "questionStartDate": null,
            "questionEndDate": null, "questionStatus": null, "pageIndex": 1, "pageSize": 10
        })))
        .respond_with(fixture(include_str!("fixtures/questions/search.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let query = QuestionSearchQuery::default().page(1).size(10);
    let page = client.questions().search(&query).await.unwrap();
    let q = &page.approval_answers_by_merchant_searchs[0];
    assert_eq!(q.question_status, Some(QuestionStatus::AwaitingApproval));
    assert!(q.answer.as_deref().unwrap().starts_with("Merhaba"));
    assert_eq!(q.answer_date, Some(at("2023-12-28T10:17:13.023+03:00")));
    assert_eq!(
        q.topic_id.unwrap().to_string(),
        "cd6a0496-6b0f-471f-9d6f-eb53c3d0cb20"
    );
    let all: Vec<_> = client
        .questions()
        .search_stream(&query)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
}

#[tokio::test]
async fn search_filters_are_sent_and_an_inverted_range_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/QuestionAnswer/getApprovalAnswersByMerchantSearch"))
        .and(body_partial_json(json!({
            "barcode": "MSTK55550", "questionStatus": 0,
            "questionStartDate": "2023-12-01T00:00", "questionEndDate": "2023-12-31T00:00"
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "data": {"approvalAnswersByMerchantSearchs": [
                {"questionId": QUESTION, "questionStatus": 9}
            ]},
            "success": true
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let query = QuestionSearchQuery {
        barcode: Some("MSTK55550".into()),
        question_start_date: Some(at("2023-12-01T00:00:00+03:00")),
        question_end_date: Some(at("2023-12-31T00:00:00+03:00")),
        ..QuestionSearchQuery::default()
    }
    .status(QuestionStatus::AwaitingAnswer);
    let page = client.questions().search(&query).await.unwrap();
    assert_eq!(
        page.approval_answers_by_merchant_searchs[0].question_status,
        Some(QuestionStatus::Unknown(9))
    );
    let inverted = QuestionSearchQuery {
        question_start_date: query.question_end_date,
        question_end_date: query.question_start_date,
        ..query
    };
    let r = client.questions().search(&inverted).await;
    assert!(matches!(r, Err(Error::InvalidInput { field, .. }) if field == "questionEndDate"));
}
