//! `QuestionAnswer/...`: lists, one question, the search, answering.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::Query;
use axum::response::Response;
use chrono::Utc;
use uuid::Uuid;

use super::{Sb, bad_request, decode, num_param, ok, ok_empty, page_of, param, response_page};
use crate::model::{
    AnswerRequest, QuestionList, QuestionSearchPage, QuestionSearchQuery, QuestionStatus,
    QuestionStatusEntry, QuestionSummary, QuestionTopic,
};

const DEFAULT_PAGE_SIZE: u32 = 10;

/// The topic every seeded question carries.
const TOPICS: [(u128, &str); 3] = [
    (
        0x7091_c000_0000_4000_8000_0000_0000_0001,
        "Ürün Özellikleri",
    ),
    (
        0x7091_c000_0000_4000_8000_0000_0000_0002,
        "Kargo ve Teslimat",
    ),
    (0x7091_c000_0000_4000_8000_0000_0000_0003, "Garanti ve İade"),
];

pub(crate) async fn statuses() -> Response {
    let entries = [
        (QuestionStatus::AwaitingAnswer, "Cevap Bekliyor"),
        (QuestionStatus::Answered, "Cevaplandı"),
        (QuestionStatus::AwaitingApproval, "Onay Bekliyor"),
        (QuestionStatus::Rejected, "Reddedildi"),
    ];
    ok(entries
        .iter()
        .map(|(id, value)| QuestionStatusEntry {
            id: *id,
            value: Some((*value).to_owned()),
        })
        .collect::<Vec<_>>())
}

pub(crate) async fn topics() -> Response {
    ok(TOPICS
        .iter()
        .map(|(id, topic)| QuestionTopic {
            id: Uuid::from_u128(*id),
            topic: Some((*topic).to_owned()),
        })
        .collect::<Vec<_>>())
}

pub(crate) async fn list(
    axum::extract::State(shared): Sb,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let page = match num_param(&query, "pageIndex", 1) {
        Ok(p) => p.max(1),
        Err(r) => return r,
    };
    let size = match num_param(&query, "pageSize", DEFAULT_PAGE_SIZE) {
        Ok(s) => s.max(1),
        Err(r) => return r,
    };
    let state = shared.settled();
    let mut all = state.questions.clone();
    all.sort_by_key(|q| std::cmp::Reverse(q.question_date));
    let summaries: Vec<QuestionSummary> = all
        .iter()
        .map(|q| QuestionSummary {
            question_id: q.question_id,
            product_name: q.product_name.clone(),
            question_date: q.question_date,
            question_status: q.question_status,
        })
        .collect();
    let waiting = all
        .iter()
        .filter(|q| q.question_status == Some(QuestionStatus::AwaitingAnswer))
        .count();
    ok(QuestionList {
        seller_id: Some(state.seller_id),
        approval_answers_by_merchant: page_of(&summaries, page, size),
        un_answered_count: Some(u64::try_from(waiting).unwrap_or(u64::MAX)),
        page_response: Some(response_page(summaries.len(), page, size)),
    })
}

pub(crate) async fn get_one(
    axum::extract::State(shared): Sb,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(id) = param(&query, "questionId").and_then(|v| v.trim().parse::<Uuid>().ok()) else {
        return bad_request("questionId geçerli bir GUID olmalıdır.");
    };
    let state = shared.settled();
    match state.questions.iter().find(|q| q.question_id == id) {
        Some(q) => ok(q.clone()),
        None => bad_request(format!("{id} sorusu bulunamadı.")),
    }
}

pub(crate) async fn answer(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: AnswerRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.text.trim().is_empty() {
        return bad_request("Cevap metni boş olamaz.");
    }
    let mut state = shared.settled();
    let Some(question) = state
        .questions
        .iter_mut()
        .find(|q| q.question_id == request.question_id)
    else {
        return bad_request(format!("{} sorusu bulunamadı.", request.question_id));
    };
    if question.question_status != Some(QuestionStatus::AwaitingAnswer) {
        return bad_request("Bu soru daha önce cevaplanmış.");
    }
    question.answer = Some(request.text);
    question.answer_date = Some(Utc::now());
    question.question_status = Some(QuestionStatus::Answered);
    ok_empty()
}

pub(crate) async fn search(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let query: QuestionSearchQuery = match decode(&body) {
        Ok(q) => q,
        Err(r) => return r,
    };
    if let Err(e) = query.validate() {
        return bad_request(format!("Geçersiz sorgu: {e}"));
    }
    let page = query.page_index.unwrap_or(1).max(1);
    let size = query.page_size.unwrap_or(DEFAULT_PAGE_SIZE).max(1);
    let state = shared.settled();
    let mut found: Vec<_> = state
        .questions
        .iter()
        .filter(|q| {
            query
                .barcode
                .as_deref()
                .is_none_or(|b| q.barcode.as_deref() == Some(b.trim()))
        })
        .filter(|q| query.topic_id.is_none_or(|t| q.topic_id == Some(t)))
        .filter(|q| {
            query
                .question_status
                .is_none_or(|s| q.question_status == Some(s))
        })
        .filter(|q| {
            query
                .question_start_date
                .is_none_or(|start| q.question_date.is_some_and(|d| d >= start))
        })
        .filter(|q| {
            query
                .question_end_date
                .is_none_or(|end| q.question_date.is_some_and(|d| d <= end))
        })
        .cloned()
        .collect();
    found.sort_by_key(|q| std::cmp::Reverse(q.question_date));
    ok(QuestionSearchPage {
        seller_id: Some(state.seller_id),
        approval_answers_by_merchant_searchs: page_of(&found, page, size),
        page_response: Some(response_page(found.len(), page, size)),
    })
}
