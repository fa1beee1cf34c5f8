//! Customer questions (reference §8).

use chrono::TimeDelta;
use futures::{Stream, StreamExt};
use marketplace_core::http::Request;
use marketplace_core::paging::{
    Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, paginate, windowed,
};

use super::checks;
use crate::model::question::{
    AnswerRequest, AnswerResponse, MAX_ANSWER_CHARS, MIN_ANSWER_CHARS, Question, QuestionPage,
    QuestionQuery,
};
use crate::{Client, Error, Result};

/// Longest range one question query covers (Trendyol clamps longer ones silently).
pub const MAX_QUESTION_SPAN_DAYS: i64 = 14;

impl Client {
    /// Customer questions (§8).
    pub fn questions(&self) -> Questions<'_> {
        Questions { client: self }
    }
}

/// The question endpoints. Get one with [`Client::questions`].
#[derive(Debug, Clone, Copy)]
pub struct Questions<'a> {
    client: &'a Client,
}

impl<'a> Questions<'a> {
    fn seller(&self) -> u64 {
        self.client.seller_id()
    }

    /// `getQuestionFilter`: one page. A range over 2 weeks is refused here, because
    /// Trendyol would silently cut it; use [`Questions::stream`] for longer ranges.
    pub async fn list(&self, query: &QuestionQuery) -> Result<QuestionPage> {
        checks::page_size("size", query.size, 200)?;
        checks::date_range(
            "endDate",
            query.start_date,
            query.end_date,
            Some(TimeDelta::days(MAX_QUESTION_SPAN_DAYS)),
        )?;
        let req = Request::get("/integration/qna/sellers/{sellerId}/questions/filter")
            .path_param("sellerId", self.seller())
            .query_struct(query)
            .query("supplierId", self.seller());
        self.client.transport().execute(req).await
    }

    /// Every question matching `query`. With both dates, the range is split into 2-week
    /// windows (each paged), and a question on a window boundary is yielded once.
    pub fn stream(&self, query: &QuestionQuery) -> impl Stream<Item = Result<Question>> + 'a {
        let this = *self;
        let mut query = query.clone();
        query.size = Some(query.size.unwrap_or(50));
        let range = match (query.start_date, query.end_date) {
            (Some(start), Some(end)) => Some(TimeWindow::new(start, end)),
            _ => None,
        };
        let first = query.page.unwrap_or(0);
        let fetch = move |window: Option<TimeWindow>, page: u32| {
            let mut q = query.clone();
            if let Some(w) = window {
                q.start_date = Some(w.start);
                q.end_date = Some(w.end);
            }
            q.page = Some(page);
            async move {
                let p = this.list(&q).await?;
                let mut out = Page::new(p.content);
                out.total_pages = p.total_pages;
                out.total_elements = p.total_elements;
                Ok(out)
            }
        };
        match range {
            Some(range) if range.end < range.start => futures::future::Either::Left(
                futures::stream::once(async {
                    Err(Error::invalid_input(
                        "endDate",
                        "end date is before start date",
                    ))
                })
                .left_stream(),
            ),
            Some(range) => {
                let options = WindowOptions::new(TimeDelta::days(MAX_QUESTION_SPAN_DAYS));
                let items = windowed(range, options, move |w, page| fetch(Some(w), page));
                futures::future::Either::Left(
                    dedup_by_key(items, |q: &Question| q.id.as_str().to_owned()).right_stream(),
                )
            }
            None => {
                let options = PagingOptions {
                    first_page: first,
                    ..PagingOptions::default()
                };
                futures::future::Either::Right(paginate(options, move |page| fetch(None, page)))
            }
        }
    }

    /// `getQuestion`: one question by id.
    pub async fn get(&self, id: u64) -> Result<Question> {
        let req = Request::get("/integration/qna/sellers/{sellerId}/questions/{id}")
            .path_param("sellerId", self.seller())
            .path_param("id", id);
        self.client.transport().execute(req).await
    }

    /// `answerQuestion`: `text` must be 10–2000 characters (checked after trimming, before
    /// sending). Only `WAITING_FOR_ANSWER` questions can be answered.
    pub async fn answer(&self, id: u64, text: &str) -> Result<AnswerResponse> {
        let trimmed = text.trim();
        let len = trimmed.chars().count();
        if len == 0 {
            return Err(Error::invalid_input("text", "the answer must not be empty"));
        }
        if !(MIN_ANSWER_CHARS..=MAX_ANSWER_CHARS).contains(&len) {
            return Err(Error::invalid_input(
                "text",
                format!("must be {MIN_ANSWER_CHARS}-{MAX_ANSWER_CHARS} characters, got {len}"),
            ));
        }
        let req = Request::post("/integration/qna/sellers/{sellerId}/questions/{id}/answers")
            .path_param("sellerId", self.seller())
            .path_param("id", id)
            .json(&AnswerRequest {
                text: trimmed.to_owned(),
            });
        let raw = self.client.transport().execute_raw(req).await?;
        AnswerResponse::from_body(&raw.body)
    }
}
