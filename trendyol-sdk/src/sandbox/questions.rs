//! Customer questions (§8): filter, get one, answer.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxState};
use axum::http::StatusCode;
use axum::routing::{get, post};
use chrono::{TimeDelta, Utc};
use marketplace_core::codec::Id;
use serde_json::json;

use crate::model::question::{
    AnswerRequest, MAX_ANSWER_CHARS, MIN_ANSWER_CHARS, Question, QuestionAnswer, QuestionPage,
    QuestionStatus,
};

use super::{ApiError, Params, Shape, Shared, decode_body, page_of};

type Handler<T> = Result<T, ApiError>;

const BASE: &str = "/integration/qna/sellers/{sellerId}/questions";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(&format!("{BASE}/filter"), get(filter))
        .route(&format!("{BASE}/{{id}}"), get(one))
        .route(&format!("{BASE}/{{id}}/answers"), post(answer))
}

fn bad(key: &str, message: impl Into<String>) -> ApiError {
    ApiError::product(StatusCode::BAD_REQUEST, key, message)
}

/// getQuestionFilter: without dates the last week; a longer range than 2 weeks is
/// silently clamped (as Trendyol does).
async fn filter(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<QuestionPage>> {
    let q = Params::parse(raw.as_deref());
    let err = |m: String| bad("invalid.parameter", m);
    let page = q.number::<u32>("page").map_err(err)?.unwrap_or(0);
    let size = q.number::<u32>("size").map_err(err)?.unwrap_or(20);
    if size == 0 || size > 200 {
        return Err(err(format!("size en fazla 200 olabilir: {size}")));
    }
    let start = q.millis("startDate").map_err(err)?;
    let end = q.millis("endDate").map_err(err)?;
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e.min(s + TimeDelta::weeks(2))),
        (Some(s), None) => (s, s + TimeDelta::weeks(2)),
        (None, Some(e)) => (e - TimeDelta::weeks(1), e),
        (None, None) => {
            let now = Utc::now();
            (now - TimeDelta::weeks(1), now)
        }
    };
    let status = q.get("status").map(QuestionStatus::from);
    let ascending = q
        .get("orderByDirection")
        .is_some_and(|d| d.eq_ignore_ascii_case("ASC"));
    let mut found: Vec<Question> = shared
        .lock()
        .questions
        .values()
        .filter(|x| x.creation_date.is_some_and(|d| d >= start && d <= end))
        .filter(|x| status.as_ref().is_none_or(|s| x.status.as_ref() == Some(s)))
        .cloned()
        .collect();
    found.sort_by_key(|x| x.creation_date);
    if !ascending {
        found.reverse();
    }
    let (content, total_pages) = page_of(&found, page, size);
    Ok(axum::Json(QuestionPage {
        content,
        page: Some(page),
        size: Some(size),
        total_elements: Some(found.len() as u64),
        total_pages: Some(total_pages),
    }))
}

fn question_id(raw: &str) -> Handler<u64> {
    raw.parse()
        .map_err(|_| bad("invalid.parameter", format!("id geçersiz: {raw}")))
}

fn not_found(id: u64) -> ApiError {
    ApiError::product(
        StatusCode::NOT_FOUND,
        "question.not.found",
        format!("{id} id'li soru bulunamadı."),
    )
}

async fn one(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
) -> Handler<axum::Json<Question>> {
    let id = question_id(&id)?;
    shared
        .lock()
        .questions
        .get(&id)
        .cloned()
        .map(axum::Json)
        .ok_or_else(|| not_found(id))
}

/// answerQuestion: 10–2000 characters, only for `WAITING_FOR_ANSWER`.
async fn answer(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, id)): Path<(String, String)>,
    body: Bytes,
) -> Handler<axum::Json<serde_json::Value>> {
    let id = question_id(&id)?;
    let request: AnswerRequest = decode_body(&body, Shape::Product)?;
    let text = request.text.trim().to_owned();
    let len = text.chars().count();
    if len == 0 {
        return Err(bad("answer.empty", "Cevap boş olamaz."));
    }
    if len < MIN_ANSWER_CHARS {
        return Err(bad(
            "answer.too.short",
            format!("Cevap en az {MIN_ANSWER_CHARS} karakter olmalıdır."),
        ));
    }
    if len > MAX_ANSWER_CHARS {
        return Err(bad(
            "answer.too.long",
            format!("Cevap en fazla {MAX_ANSWER_CHARS} karakter olabilir."),
        ));
    }
    let mut state = shared.lock();
    let answer_id = state.next_answer_id;
    let question = state.questions.get_mut(&id).ok_or_else(|| not_found(id))?;
    if question.status != Some(QuestionStatus::WaitingForAnswer) {
        return Err(bad(
            "question.already.answered",
            format!(
                "Bu soru cevaplanamaz; durumu {}.",
                question
                    .status
                    .as_ref()
                    .map_or("bilinmeyen", QuestionStatus::as_str)
            ),
        ));
    }
    question.status = Some(QuestionStatus::Answered);
    question.answered_date_message = Some("az önce".into());
    question.answer = Some(QuestionAnswer {
        id: Some(Id::from(answer_id)),
        text: Some(text),
        creation_date: Some(Utc::now()),
        has_private_info: Some(false),
    });
    state.next_answer_id += 1;
    Ok(axum::Json(json!({ "answerId": answer_id })))
}
