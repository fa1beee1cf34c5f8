//! Customer questions (§8) over wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, TimeDelta, Utc};
use futures::TryStreamExt;
use serde_json::json;
use trendyol_sdk::model::question::{AnswerResponse, QuestionQuery, QuestionStatus};
use trendyol_sdk::{Client, Error};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .seller_id(777)
        .api_key("key")
        .api_secret("secret")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn fixture(text: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(text.as_bytes().to_vec(), "application/json")
}

fn field_of(err: &Error) -> &str {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn ms(v: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(v).unwrap()
}

#[tokio::test]
async fn filter_sends_query_and_decodes_the_documented_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/qna/sellers/777/questions/filter"))
        .and(query_param("status", "WAITING_FOR_ANSWER"))
        .and(query_param("startDate", "1763000000000"))
        .and(query_param("endDate", "1763600000000"))
        .and(query_param("page", "10"))
        .and(query_param("size", "2"))
        .and(query_param("supplierId", "777"))
        .and(header("authorization", "Basic a2V5OnNlY3JldA=="))
        .and(header("user-agent", "777 - SelfIntegration"))
        .respond_with(fixture(include_str!("fixtures/questions/filter.json")))
        .expect(1)
        .mount(&server)
        .await;
    let query = QuestionQuery::default()
        .status(QuestionStatus::WaitingForAnswer)
        .start_date(ms(1_763_000_000_000))
        .end_date(ms(1_763_600_000_000))
        .page(10)
        .size(2);
    let page = client(&server).questions().list(&query).await.unwrap();
    assert_eq!(page.total_elements, Some(864));
    assert_eq!(page.total_pages, Some(432));
    let q = &page.content[0];
    assert_eq!(q.id.as_str(), "0");
    assert_eq!(
        q.status,
        Some(QuestionStatus::Other("string".into())),
        "the sample's placeholder status is kept, not an error"
    );
    assert_eq!(q.public, Some(true));
    assert_eq!(q.answer.as_ref().unwrap().has_private_info, Some(true));
    assert_eq!(
        q.rejected_answer.as_ref().unwrap().reason.as_deref(),
        Some("string")
    );
}

#[tokio::test]
async fn a_single_page_over_two_weeks_is_refused() {
    let server = MockServer::start().await;
    let query = QuestionQuery::default()
        .start_date(ms(0))
        .end_date(ms(0) + TimeDelta::days(15));
    let err = client(&server).questions().list(&query).await.unwrap_err();
    assert_eq!(field_of(&err), "endDate");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn stream_splits_long_ranges_into_two_week_windows_and_dedups() {
    let server = MockServer::start().await;
    let start = ms(1_700_000_000_000);
    let mid = start + TimeDelta::days(14);
    let end = start + TimeDelta::days(20);
    // Window 1 has question 1 and 2; window 2 repeats 2 (boundary) and adds 3.
    Mock::given(method("GET"))
        .and(path("/integration/qna/sellers/777/questions/filter"))
        .and(query_param(
            "startDate",
            start.timestamp_millis().to_string(),
        ))
        .and(query_param("endDate", mid.timestamp_millis().to_string()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "content": [{"id": 1}, {"id": 2}], "totalPages": 1, "page": 0, "size": 50
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/integration/qna/sellers/777/questions/filter"))
        .and(query_param("startDate", mid.timestamp_millis().to_string()))
        .and(query_param("endDate", end.timestamp_millis().to_string()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "content": [{"id": "2"}, {"id": 3}], "totalPages": 1, "page": 0, "size": 50
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let query = QuestionQuery::default().start_date(start).end_date(end);
    let all: Vec<_> = client
        .questions()
        .stream(&query)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = all.iter().map(|q| q.id.as_str().to_owned()).collect();
    assert_eq!(ids, ["1", "2", "3"]);
}

#[tokio::test]
async fn stream_without_dates_pages() {
    let server = MockServer::start().await;
    for page in 0..2 {
        Mock::given(method("GET"))
            .and(path("/integration/qna/sellers/777/questions/filter"))
            .and(query_param("page", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "content": [{"id": page}], "totalPages": 2
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let all: Vec<_> = client
        .questions()
        .stream(&QuestionQuery::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn get_question_by_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integration/qna/sellers/777/questions/3458726"))
        .respond_with(fixture(include_str!("fixtures/questions/question.json")))
        .expect(1)
        .mount(&server)
        .await;
    let q = client(&server).questions().get(3_458_726).await.unwrap();
    assert_eq!(q.id.as_u64(), Some(3_458_726));
    assert_eq!(q.status, Some(QuestionStatus::WaitingForAnswer));
    assert_eq!(q.customer_id.unwrap().as_str(), "99887766");
    assert_eq!(q.show_user_name, Some(false));
    assert_eq!(q.answer, None);
    assert_eq!(
        q.creation_date.unwrap().timestamp_millis(),
        1_763_622_556_000
    );
}

#[tokio::test]
async fn answer_accepts_both_documented_response_shapes() {
    let server = MockServer::start().await;
    let text = "Evet, ürün su geçirmez kumaştan üretilmiştir.";
    Mock::given(method("POST"))
        .and(path("/integration/qna/sellers/777/questions/1/answers"))
        .and(body_json(json!({ "text": text })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"answerId": 5566})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/integration/qna/sellers/777/questions/2/answers"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!("Cevabınız başarıyla kaydedilmiştir.")),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/integration/qna/sellers/777/questions/3/answers"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let a = client.questions().answer(1, text).await.unwrap();
    assert_eq!(a.answer_id().unwrap().as_str(), "5566");
    let b = client.questions().answer(2, text).await.unwrap();
    assert_eq!(
        b,
        AnswerResponse::Message("Cevabınız başarıyla kaydedilmiştir.".into())
    );
    let c = client.questions().answer(3, text).await.unwrap();
    assert_eq!(c, AnswerResponse::Empty);
}

#[tokio::test]
async fn answer_length_is_checked_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server);
    for bad in ["", "   ", "kısa", &"ç".repeat(2001)] {
        let err = client.questions().answer(1, bad).await.unwrap_err();
        assert_eq!(field_of(&err), "text", "{bad:?}");
    }
}

#[tokio::test]
async fn answer_limits_count_characters_not_bytes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/integration/qna/sellers/777/questions/9/answers"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"answerId": 1})))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    // 2000 two-byte characters and exactly 10 characters are both fine.
    client
        .questions()
        .answer(9, &"ş".repeat(2000))
        .await
        .unwrap();
    client.questions().answer(9, "çççççççççç").await.unwrap();
}
