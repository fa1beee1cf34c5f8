//! The HTTP surface: router, the gate every API request passes (rate limit, bearer token,
//! write counting) and the envelope helpers.
// Handlers answer with a `Response` either way; helpers return the ready error response.
#![allow(clippy::result_large_err)]

mod auth;
mod orders;
mod products;
mod questions;
mod reference;
mod refunds;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::state::Shared;
use crate::model::Envelope;

/// The shared state as a handler argument.
pub(crate) type Sb = State<Arc<Shared>>;

/// POST endpoints that only read (they take their query as a JSON body).
const READ_ONLY_POSTS: [&str; 9] = [
    "/order/getOrdersForApi",
    "/order/getOrdersForApiV2",
    "/order/getRefund",
    "/order/api/cancel/items",
    "/order/paymentAgreement",
    "/product/getProductDetail",
    "/product/getProductTitleCodeSearch",
    "/QuestionAnswer/questionTopics",
    "/QuestionAnswer/getApprovalAnswersByMerchantSearch",
];

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        // orders
        .route("/order/getOrdersForApi", post(orders::list))
        .route("/order/getOrdersForApiV2", post(orders::list_split))
        .route("/order/updateOrderStatus", put(orders::update_status))
        .route(
            "/order/updateOrderStatusList",
            put(orders::update_status_list),
        )
        .route(
            "/order/api/bulk-status-update",
            post(orders::bulk_status_update),
        )
        .route("/order/invoice-link", post(orders::invoice_link))
        // products
        .route("/product/create", post(products::create))
        .route(
            "/product/getProductBatchResult",
            get(products::batch_result),
        )
        .route("/product/updatePrice-v2", post(products::update_prices))
        .route("/product/updateStock-v2", post(products::update_stock))
        .route(
            "/listing-state/batch-id/{id}/lake-projections",
            get(products::listing_states),
        )
        .route("/product/products", get(products::list))
        .route("/product/getProductDetail", post(products::detail))
        // refunds
        .route("/order/getRefund", post(refunds::list))
        .route("/order/updateRefund", post(refunds::update))
        .route("/order/api/refund/revision", post(refunds::revise))
        .route("/order/api/cancel/items", post(refunds::list_cancellations))
        .route("/order/api/cancel", put(refunds::update_cancellation))
        // questions
        .route(
            "/QuestionAnswer/getQuestionStatus",
            get(questions::statuses),
        )
        .route("/QuestionAnswer/questionTopics", post(questions::topics))
        .route(
            "/QuestionAnswer/getApprovalAnswersByMerchant",
            get(questions::list),
        )
        .route(
            "/QuestionAnswer/getApprovalAnswerById",
            get(questions::get_one),
        )
        .route("/QuestionAnswer/sellerAnswer", put(questions::answer))
        .route(
            "/QuestionAnswer/getApprovalAnswersByMerchantSearch",
            post(questions::search),
        )
        // reference data and finance
        .route("/brand/getBrands", get(reference::brands))
        .route("/category/getCategoryTree", get(reference::category_tree))
        .route(
            "/category/getCategoryWithAttributes",
            get(reference::category_with_attributes),
        )
        .route("/parameter/cities", get(reference::cities))
        .route(
            "/order/paymentAgreement",
            post(reference::payment_agreement),
        )
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), gate));
    Router::new()
        .route("/connect/token", post(auth::token))
        .merge(api)
        .with_state(shared)
}

/// Rate limit, bearer token, write counting — in that order, like a gateway.
async fn gate(State(shared): Sb, request: Request, next: Next) -> Response {
    if let Some((limit, per)) = shared.config.rate_limit {
        let mut state = shared.lock();
        let now = Instant::now();
        let (start, count) = match state.rate_window {
            Some((start, count)) if now.duration_since(start) < per => (start, count),
            _ => (now, 0),
        };
        if count >= limit {
            state.rate_limited += 1;
            let wait = per.saturating_sub(now.duration_since(start));
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut response = fail(
                StatusCode::TOO_MANY_REQUESTS,
                "429",
                "Çok fazla istek gönderildi, lütfen daha sonra tekrar deneyin.",
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
            return response;
        }
        state.rate_window = Some((start, count + 1));
    }
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    {
        let mut state = shared.lock();
        let valid = state
            .tokens
            .get(&token)
            .is_some_and(|expires| *expires > Instant::now());
        if !valid {
            state.unauthorized += 1;
            drop(state);
            let mut response = fail(
                StatusCode::UNAUTHORIZED,
                "401",
                "Yetkisiz erişim: token geçersiz ya da süresi dolmuş.",
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
            return response;
        }
        let path = request.uri().path();
        let write = request.method() != Method::GET
            && request.method() != Method::HEAD
            && !READ_ONLY_POSTS.contains(&path);
        if write {
            state.writes += 1;
        }
    }
    next.run(request).await
}

async fn not_found() -> Response {
    fail(StatusCode::NOT_FOUND, "404", "İstenen kaynak bulunamadı.")
}

/// `{data, success: true, …}`.
pub(crate) fn ok<T: Serialize>(data: T) -> Response {
    ok_with(data, None)
}

/// `{data, success: true, message, userMessage}`.
pub(crate) fn ok_with<T: Serialize>(data: T, message: Option<&str>) -> Response {
    axum::Json(Envelope {
        data: Some(data),
        success: true,
        message_code: None,
        message: message.map(str::to_owned),
        user_message: message.map(str::to_owned),
        from_cache: Some(false),
    })
    .into_response()
}

/// `{data: null, success: true}` — what Pazarama answers to most writes.
pub(crate) fn ok_empty() -> Response {
    axum::Json(Envelope::<()> {
        data: None,
        success: true,
        message_code: None,
        message: None,
        user_message: None,
        from_cache: None,
    })
    .into_response()
}

/// `{data: null, success: false, messageCode, message, userMessage}` with `status`.
pub(crate) fn fail(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    let message = message.into();
    (
        status,
        axum::Json(Envelope::<()> {
            data: None,
            success: false,
            message_code: Some(code.to_owned()),
            message: Some(message.clone()),
            user_message: Some(message),
            from_cache: Some(false),
        }),
    )
        .into_response()
}

/// A 400 with Pazarama's envelope.
pub(crate) fn bad_request(message: impl Into<String>) -> Response {
    fail(StatusCode::BAD_REQUEST, "400", message)
}

/// Decode a JSON body into the crate's model type, or answer 400.
pub(crate) fn decode<T: DeserializeOwned>(body: &Bytes) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|e| bad_request(format!("İstek gövdesi okunamadı: {e}")))
}

/// A query parameter, by name without regard to case (ASP.NET binds them so).
pub(crate) fn param<'a>(query: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A numeric query parameter: `default` when absent, 400 when not a number.
pub(crate) fn num_param(
    query: &HashMap<String, String>,
    name: &str,
    default: u32,
) -> Result<u32, Response> {
    match param(query, name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| bad_request(format!("{name} bir sayı olmalıdır: {v}"))),
    }
}

/// Page `page` (from 1) of `items` with `size` per page.
pub(crate) fn page_of<T: Clone>(items: &[T], page: u32, size: u32) -> Vec<T> {
    let size = usize::try_from(size.max(1)).unwrap_or(usize::MAX);
    let skip = usize::try_from(page.max(1) - 1)
        .unwrap_or(usize::MAX)
        .saturating_mul(size);
    items.iter().skip(skip).take(size).cloned().collect()
}

/// Pazarama's paging block for `total` records.
pub(crate) fn response_page(total: usize, page: u32, size: u32) -> crate::model::ResponsePage {
    let total = u64::try_from(total).unwrap_or(u64::MAX);
    let size = size.max(1);
    crate::model::ResponsePage {
        page_size: Some(size),
        page_index: Some(page),
        total_count: Some(total),
        total_pages: Some(u32::try_from(total.div_ceil(u64::from(size))).unwrap_or(u32::MAX)),
    }
}
