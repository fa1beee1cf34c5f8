//! `product-queries…`: list, get, reply (once).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use serde::Deserialize;

use super::Shared;
use super::http::{self, ApiError, ApiResult, Params};
use crate::model::ProductQuestion;

/// `GET product-queries`: optional `status` (`pending` / `answered`), paging; newest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let answered = match params.get("status").map(|s| s.trim()) {
        None | Some("" | "all") => None,
        Some("pending" | "unanswered") => Some(false),
        Some("answered" | "replied") => Some(true),
        Some(_) => return Err(ApiError::field("status", "The selected status is invalid.")),
    };
    let mut items: Vec<ProductQuestion> = shared
        .lock()
        .questions
        .values()
        .filter(|q| answered.is_none_or(|a| q.is_answered() == a))
        .cloned()
        .collect();
    items.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET product-queries/{id}`.
pub(crate) async fn get(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Soru")?;
    let question = shared.lock().questions.get(&id).cloned();
    http::ok(None, question.ok_or_else(|| ApiError::not_found("Soru"))?)
}

#[derive(Deserialize)]
struct ReplyBody {
    #[serde(default)]
    reply: Option<String>,
}

/// `PUT product-queries/{id}/reply` with `{reply}`; a second answer is 422.
pub(crate) async fn reply(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let id = http::id(&id, "Soru")?;
    let body: ReplyBody = http::json(&body)?;
    let text = body.reply.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(ApiError::field("reply", "The reply field is required."));
    }
    if text.chars().count() > 2000 {
        return Err(ApiError::field(
            "reply",
            "The reply field must not be greater than 2000 characters.",
        ));
    }
    let question = {
        let mut state = shared.lock();
        let question = state
            .questions
            .get_mut(&id)
            .ok_or_else(|| ApiError::not_found("Soru"))?;
        if question.is_answered() {
            return Err(ApiError::field("reply", "Bu soru zaten yanıtlanmış."));
        }
        question.reply = Some(text);
        question.extra.insert("status".into(), "answered".into());
        question
            .extra
            .insert("replied_at".into(), chrono::Utc::now().to_rfc3339().into());
        question.clone()
    };
    http::ok(Some("Soru yanıtlandı"), question)
}
