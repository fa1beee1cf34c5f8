//! The sandbox's HTTP plumbing: the envelope, errors, auth, rate limit, paging, bodies.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Sandbox, Shared};
use crate::model::{Envelope, Pagination};

/// Query parameters of a request.
pub(crate) type Params = HashMap<String, String>;

/// An error answer: `{success: false, message, errors?}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    errors: BTreeMap<String, Vec<String>>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    success: bool,
    message: &'a str,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    errors: &'a BTreeMap<String, Vec<String>>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            errors: BTreeMap::new(),
        }
    }

    pub(crate) fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("{what} bulunamadı"))
    }

    /// 422 with one field error.
    pub(crate) fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        errors.into_error()
    }

    /// 422 with a message and no field.
    pub(crate) fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            success: false,
            message: &self.message,
            errors: &self.errors,
        };
        (self.status, axum::Json(body)).into_response()
    }
}

/// Laravel-style validation errors, collected field by field.
#[derive(Debug, Default)]
pub(crate) struct FieldErrors(pub(crate) BTreeMap<String, Vec<String>>);

impl FieldErrors {
    pub(crate) fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_default().push(message.into());
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first message, for one-line summaries.
    pub(crate) fn first(&self) -> String {
        self.0
            .values()
            .flatten()
            .next()
            .cloned()
            .unwrap_or_else(|| "The given data was invalid.".to_owned())
    }

    pub(crate) fn into_error(self) -> ApiError {
        let message = self.first();
        let extra = self
            .0
            .values()
            .map(Vec::len)
            .sum::<usize>()
            .saturating_sub(1);
        let message = match extra {
            0 => message,
            1 => format!("{message} (and 1 more error)"),
            n => format!("{message} (and {n} more errors)"),
        };
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message,
            errors: self.0,
        }
    }

    /// `Err(422)` when anything was collected.
    pub(crate) fn check(self) -> Result<(), ApiError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self.into_error())
        }
    }
}

pub(crate) type ApiResult = Result<Response, ApiError>;

/// `{success: true, message?, data}`.
pub(crate) fn ok<T: Serialize>(message: Option<&str>, data: T) -> ApiResult {
    Ok(axum::Json(Envelope {
        success: true,
        message: message.map(str::to_owned),
        data: Some(data),
        pagination: None,
    })
    .into_response())
}

/// `{success: true, data: [...], pagination?}`.
pub(crate) fn list<T: Serialize>(items: Vec<T>, pagination: Option<Pagination>) -> ApiResult {
    Ok(axum::Json(Envelope {
        success: true,
        message: None,
        data: Some(items),
        pagination,
    })
    .into_response())
}

/// Cut one page out of `items` per `per_page` (default 15; `all` / `-1`: everything, no
/// `pagination` block) and `page` (from 1).
pub(crate) fn page<T>(
    items: Vec<T>,
    params: &Params,
) -> Result<(Vec<T>, Option<Pagination>), ApiError> {
    let per_page = match params.get("per_page").map(|s| s.trim()) {
        None | Some("") => 15,
        Some("all" | "-1") => return Ok((items, None)),
        Some(n) => match n.parse::<u32>() {
            Ok(n) if (1..=1000).contains(&n) => n,
            _ => {
                return Err(ApiError::field(
                    "per_page",
                    "The per page must be between 1 and 1000, \"all\" or -1.",
                ));
            }
        },
    };
    let page = match params.get("page").map(|s| s.trim()) {
        None | Some("") => 1,
        Some(n) => match n.parse::<u32>() {
            Ok(n) if n >= 1 => n,
            _ => return Err(ApiError::field("page", "The page must be at least 1.")),
        },
    };
    let total = items.len();
    let per = usize::try_from(per_page).unwrap_or(15);
    let last_page = u32::try_from(total.div_ceil(per).max(1)).unwrap_or(u32::MAX);
    let skip = usize::try_from(page - 1)
        .unwrap_or(usize::MAX)
        .saturating_mul(per);
    let items: Vec<T> = items.into_iter().skip(skip).take(per).collect();
    Ok((
        items,
        Some(Pagination {
            current_page: page,
            last_page,
            per_page: Some(per_page),
            total: Some(u64::try_from(total).unwrap_or(u64::MAX)),
        }),
    ))
}

/// A path id: anything but a positive integer is "not found".
pub(crate) fn id(raw: &str, what: &str) -> Result<u64, ApiError> {
    raw.parse::<u64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::not_found(what))
}

/// Decode a JSON body into `T`; a bad body is 422 naming what failed.
pub(crate) fn json<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    if body.is_empty() {
        return Err(ApiError::unprocessable("The request body must be JSON."));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::unprocessable(format!("The request body is invalid: {e}")))
}

/// The body as a JSON object (for presence checks before typed decoding).
pub(crate) fn json_object(
    body: &Bytes,
) -> Result<serde_json::Map<String, serde_json::Value>, ApiError> {
    match json::<serde_json::Value>(body)? {
        serde_json::Value::Object(map) => Ok(map),
        _ => Err(ApiError::unprocessable(
            "The request body must be a JSON object.",
        )),
    }
}

#[derive(serde::Deserialize)]
struct LoginBody {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    password: Option<String>,
}

/// `POST login`: `{email, password}` → `{success, message, data: {token, token_type}}`.
pub(crate) async fn login(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let body: LoginBody = json(&body)?;
    let mut errors = FieldErrors::default();
    if body.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
        errors.add("email", "The email field is required.");
    }
    if body.password.as_deref().is_none_or(str::is_empty) {
        errors.add("password", "The password field is required.");
    }
    errors.check()?;
    if body.email.as_deref() != Some(Sandbox::EMAIL)
        || body.password.as_deref() != Some(Sandbox::PASSWORD)
    {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "E-posta veya şifre hatalı",
        ));
    }
    let token = {
        let mut state = shared.lock();
        state.logins += 1;
        let token = format!(
            "{}|sb{:016x}{:04x}",
            state.logins, state.token_salt, state.logins
        );
        state.tokens.insert(token.clone());
        token
    };
    ok(
        Some("Giriş başarılı"),
        serde_json::json!({"token": token, "token_type": "Bearer"}),
    )
}

/// Unknown route.
pub(crate) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "Endpoint bulunamadı")
}

/// Rate limit, then auth (except `login`), then count writes.
pub(crate) async fn gate(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(retry_after) = over_limit(&shared) {
        let mut response =
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Too Many Attempts.").into_response();
        if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    let is_login = request
        .uri()
        .path()
        .trim_end_matches('/')
        .ends_with("/api/seller/login");
    if !is_login {
        if let Err(e) = authenticate(&shared, request.headers()) {
            return e.into_response();
        }
        if request.method() != Method::GET && request.method() != Method::HEAD {
            shared.lock().writes += 1;
        }
    }
    next.run(request).await
}

/// `Some(seconds to wait)` when this request is over the configured limit.
fn over_limit(shared: &Shared) -> Option<u64> {
    let (limit, window) = shared.config.rate_limit?;
    let now = Instant::now();
    let mut state = shared.lock();
    let (started, count) = &mut state.rate_window;
    if now.duration_since(*started) >= window {
        *started = now;
        *count = 0;
    }
    if *count >= limit {
        let left = window.saturating_sub(now.duration_since(*started));
        return Some(left.as_secs() + u64::from(left.subsec_nanos() > 0));
    }
    *count += 1;
    None
}

fn authenticate(shared: &Shared, headers: &axum::http::HeaderMap) -> Result<(), ApiError> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let unauthorized = |m: &str| ApiError::new(StatusCode::UNAUTHORIZED, m);
    if let Some(auth) = text("authorization") {
        let token = auth
            .strip_prefix("Bearer ")
            .ok_or_else(|| unauthorized("Unauthenticated."))?;
        return if shared.lock().tokens.contains(token.trim()) {
            Ok(())
        } else {
            Err(unauthorized("Unauthenticated."))
        };
    }
    match (text("x-api-key"), text("x-api-secret")) {
        (Some(key), Some(secret)) if key == Sandbox::API_KEY && secret == Sandbox::API_SECRET => {
            Ok(())
        }
        (Some(_), Some(_)) => Err(unauthorized("Geçersiz API anahtarı veya gizli anahtar")),
        _ => Err(unauthorized(
            "API anahtarı gerekli (X-API-Key ve X-API-Secret) veya Bearer token",
        )),
    }
}
