//! Product questions and answers: `client.questions()`.

use futures::Stream;
use marketplace_core::http::Request;
use marketplace_core::paging::{Page, PagingOptions, paginate};
use uuid::Uuid;

use crate::model::{
    AnswerRequest, Question, QuestionList, QuestionListQuery, QuestionSearchPage,
    QuestionSearchQuery, QuestionStatusEntry, QuestionSummary, QuestionTopic, ResponsePage,
};
use crate::{Client, Result};

/// Buyers' product questions (section 3.22).
#[derive(Debug, Clone, Copy)]
pub struct Questions<'a> {
    client: &'a Client,
}

impl Client {
    /// Product questions and answers.
    pub fn questions(&self) -> Questions<'_> {
        Questions { client: self }
    }
}

/// Page size the question streams use unless the query sets one.
pub const DEFAULT_QUESTION_PAGE_SIZE: u32 = 50;

impl Questions<'_> {
    /// The question statuses (`GET QuestionAnswer/getQuestionStatus`).
    pub async fn statuses(&self) -> Result<Vec<QuestionStatusEntry>> {
        let request = Request::get("/QuestionAnswer/getQuestionStatus");
        super::send(self.client, request, "question statuses").await
    }

    /// The question topics (`POST QuestionAnswer/questionTopics`, empty body).
    pub async fn topics(&self) -> Result<Vec<QuestionTopic>> {
        let request = Request::post("/QuestionAnswer/questionTopics")
            .idempotent(true)
            .json(&serde_json::json!({}));
        super::send(self.client, request, "question topics").await
    }

    /// One page of the seller's questions (`GET QuestionAnswer/getApprovalAnswersByMerchant`).
    pub async fn list(&self, query: &QuestionListQuery) -> Result<QuestionList> {
        let request = Request::get("/QuestionAnswer/getApprovalAnswersByMerchant")
            .query_opt("pageIndex", query.page_index)
            .query_opt("pageSize", query.page_size);
        super::send(self.client, request, "questions").await
    }

    /// Every question of [`list`](Self::list), page by page.
    pub fn stream(
        &self,
        query: &QuestionListQuery,
    ) -> impl Stream<Item = Result<QuestionSummary>> + '_ {
        let size = query.page_size.unwrap_or(DEFAULT_QUESTION_PAGE_SIZE).max(1);
        paginate(PagingOptions::one_based().concurrency(1), move |page| {
            let query = QuestionListQuery {
                page_index: Some(page),
                page_size: Some(size),
            };
            async move {
                let list = self.list(&query).await?;
                Ok(page_of(
                    list.approval_answers_by_merchant,
                    list.page_response.as_ref(),
                    page,
                    size,
                ))
            }
        })
    }

    /// One question in full (`GET QuestionAnswer/getApprovalAnswerById?questionId=`).
    pub async fn get(&self, question_id: Uuid) -> Result<Question> {
        let request =
            Request::get("/QuestionAnswer/getApprovalAnswerById").query("questionId", question_id);
        super::send(self.client, request, "question").await
    }

    /// Answer a question (`PUT QuestionAnswer/sellerAnswer`); a blank answer is refused
    /// before sending.
    pub async fn answer(&self, question_id: Uuid, text: impl Into<String>) -> Result<()> {
        let body = AnswerRequest {
            question_id,
            text: text.into(),
        };
        body.validate()?;
        // Not re-sent after it may have arrived: a second answer would be a second answer.
        let request = Request::put("/QuestionAnswer/sellerAnswer")
            .idempotent(false)
            .json(&body);
        super::send_unit(self.client, request).await
    }

    /// One page of the filtered search (`POST QuestionAnswer/getApprovalAnswersByMerchantSearch`).
    pub async fn search(&self, query: &QuestionSearchQuery) -> Result<QuestionSearchPage> {
        query.validate()?;
        let request = Request::post("/QuestionAnswer/getApprovalAnswersByMerchantSearch")
            .idempotent(true)
            .json(query);
        super::send(self.client, request, "question search").await
    }

    /// Every question of [`search`](Self::search), page by page from page 1.
    pub fn search_stream(
        &self,
        query: &QuestionSearchQuery,
    ) -> impl Stream<Item = Result<Question>> + '_ {
        let size = query.page_size.unwrap_or(DEFAULT_QUESTION_PAGE_SIZE).max(1);
        let query = query.clone();
        paginate(PagingOptions::one_based().concurrency(1), move |page| {
            let query = QuestionSearchQuery {
                page_index: Some(page),
                page_size: Some(size),
                ..query.clone()
            };
            async move {
                let found = self.search(&query).await?;
                Ok(page_of(
                    found.approval_answers_by_merchant_searchs,
                    found.page_response.as_ref(),
                    page,
                    size,
                ))
            }
        })
    }
}

/// A page that is the last one by the record count, or (without one) when it is short.
fn page_of<T>(items: Vec<T>, paging: Option<&ResponsePage>, page: u32, size: u32) -> Page<T> {
    let short = items.len() < usize::try_from(size).unwrap_or(usize::MAX);
    let last = paging.and_then(|p| p.is_last(page, size)).unwrap_or(short);
    let out = Page::new(items);
    if last { out.total_pages(page) } else { out }
}
