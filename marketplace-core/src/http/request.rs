//! A request described as data: what endpoint code hands to [`Transport`](super::Transport).

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue, Method};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::error::{Error, Result};

/// Characters left as they are in a path segment; everything else is percent-encoded, so
/// a barcode like `AB 12/3` stays one segment (`AB%2012%2F3`).
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// One HTTP call, before auth, rate limiting and retries are applied.
///
/// Built by endpoint code, executed by [`Transport::execute`](super::Transport::execute).
///
/// ```
/// use marketplace_core::http::Request;
///
/// let req = Request::get("/sellers/{sellerId}/products/{barcode}")
///     .path_param("sellerId", 42)
///     .path_param("barcode", "AB 12/3")
///     .query("page", 0)
///     .query_opt("status", None::<&str>);
/// assert_eq!(req.path(), "/sellers/42/products/AB%2012%2F3");
/// assert_eq!(req.template(), "/sellers/{sellerId}/products/{barcode}");
/// ```
#[derive(Clone)]
pub struct Request {
    method: Method,
    template: Cow<'static, str>,
    path: String,
    query: Vec<(Cow<'static, str>, String)>,
    headers: HeaderMap,
    body: Body,
    idempotent: bool,
    timeout: Option<Duration>,
    rate_group: Option<Cow<'static, str>>,
    /// First problem met while building: (field, reason). Reported by `validate`.
    error: Option<(String, String)>,
}

/// The body of a [`Request`]. Kept as data (not a stream) so a retry can send it again.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// A JSON document, already serialized.
    Json(Vec<u8>),
    /// `application/x-www-form-urlencoded` fields.
    Form(Vec<(String, String)>),
    /// `multipart/form-data` parts.
    Multipart(Vec<Part>),
}

/// One part of a multipart body.
#[derive(Clone)]
pub struct Part {
    /// Form field name.
    pub name: String,
    /// File name, for file parts.
    pub file_name: Option<String>,
    /// MIME type, for file parts.
    pub mime: Option<String>,
    /// The part's bytes.
    pub data: bytes::Bytes,
}

impl Part {
    /// A plain text field.
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        Part {
            name: name.into(),
            file_name: None,
            mime: None,
            data: bytes::Bytes::from(value.into()),
        }
    }

    /// A file field.
    pub fn file(
        name: impl Into<String>,
        file_name: impl Into<String>,
        mime: impl Into<String>,
        data: impl Into<bytes::Bytes>,
    ) -> Self {
        Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            mime: Some(mime.into()),
            data: data.into(),
        }
    }
}

impl Request {
    /// A request with `method` to a path template such as `/sellers/{sellerId}/orders`.
    ///
    /// The template is what tracing records (never the concrete ids); fill its
    /// placeholders with [`Request::path_param`].
    pub fn new(method: Method, template: impl Into<Cow<'static, str>>) -> Self {
        let template = template.into();
        let idempotent = matches!(
            method,
            Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE
        );
        Request {
            path: template.to_string(),
            method,
            template,
            query: Vec::new(),
            headers: HeaderMap::new(),
            body: Body::Empty,
            idempotent,
            timeout: None,
            rate_group: None,
            error: None,
        }
    }

    /// `GET` request.
    pub fn get(template: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Method::GET, template)
    }

    /// `POST` request (not idempotent unless marked with [`Request::idempotent`]).
    pub fn post(template: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Method::POST, template)
    }

    /// `PUT` request (idempotent by default: PUT by id replaces a resource).
    pub fn put(template: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Method::PUT, template)
    }

    /// `PATCH` request (not idempotent unless marked).
    pub fn patch(template: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Method::PATCH, template)
    }

    /// `DELETE` request (idempotent by default).
    pub fn delete(template: impl Into<Cow<'static, str>>) -> Self {
        Self::new(Method::DELETE, template)
    }

    /// Replace `{name}` in the path with `value`, percent-encoded as one path segment.
    #[must_use]
    pub fn path_param(mut self, name: &str, value: impl fmt::Display) -> Self {
        let placeholder = format!("{{{name}}}");
        let value = value.to_string();
        if value.is_empty() {
            self.fail(name, "must not be empty (it goes into the URL path)");
        }
        let encoded = utf8_percent_encode(&value, PATH_SEGMENT).to_string();
        self.path = self.path.replace(&placeholder, &encoded);
        self
    }

    /// Add a query parameter.
    #[must_use]
    pub fn query(mut self, name: impl Into<Cow<'static, str>>, value: impl fmt::Display) -> Self {
        self.query.push((name.into(), value.to_string()));
        self
    }

    /// Add a query parameter when `value` is `Some`.
    #[must_use]
    pub fn query_opt(
        self,
        name: impl Into<Cow<'static, str>>,
        value: Option<impl fmt::Display>,
    ) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Add query parameters from any serializable struct (`Option::None` fields are skipped
    /// when the struct uses `skip_serializing_if`). Sequences become repeated keys.
    #[must_use]
    pub fn query_struct<Q: Serialize + ?Sized>(mut self, query: &Q) -> Self {
        match serde_json::to_value(query) {
            Ok(serde_json::Value::Object(map)) => {
                for (key, value) in map {
                    push_query_value(&mut self.query, key, value);
                }
            }
            Ok(serde_json::Value::Null) => {}
            Ok(_) => {
                self.fail("query", "query parameters must serialize to an object");
            }
            Err(e) => {
                self.fail("query", e.to_string());
            }
        }
        self
    }

    /// Set a header. Invalid names or values make [`Transport::execute`](super::Transport::execute)
    /// fail with [`Error::InvalidInput`] before anything is sent.
    #[must_use]
    pub fn header(mut self, name: &'static str, value: impl AsRef<str>) -> Self {
        match HeaderValue::from_str(value.as_ref()) {
            Ok(v) => {
                self.headers.insert(HeaderName::from_static(name), v);
            }
            Err(_) => {
                self.fail(name, "header value contains characters HTTP does not allow");
            }
        }
        self
    }

    /// Send `body` as JSON.
    #[must_use]
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Body::Json(bytes),
            Err(e) => {
                self.fail("body", e.to_string());
            }
        }
        self
    }

    /// Send form fields (`application/x-www-form-urlencoded`).
    #[must_use]
    pub fn form(mut self, fields: Vec<(String, String)>) -> Self {
        self.body = Body::Form(fields);
        self
    }

    /// Send a multipart body.
    #[must_use]
    pub fn multipart(mut self, parts: Vec<Part>) -> Self {
        self.body = Body::Multipart(parts);
        self
    }

    /// Mark whether re-sending this request after it may have reached the server is safe.
    ///
    /// GET/PUT/DELETE default to `true`, POST/PATCH to `false`. Mark a POST idempotent
    /// only when it writes absolute values (e.g. "stock = 5"), never when it creates.
    #[must_use]
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// Override the transport's per-attempt timeout for this call.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Put this call in a named rate-limit group (e.g. Trendyol's "product write"), limited
    /// in addition to its endpoint's own limit.
    #[must_use]
    pub fn rate_group(mut self, group: impl Into<Cow<'static, str>>) -> Self {
        self.rate_group = Some(group.into());
        self
    }

    /// HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path template, as recorded in traces.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// The concrete, percent-encoded path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Query parameters in the order they were added.
    pub fn query_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.query.iter().map(|(k, v)| (k.as_ref(), v.as_str()))
    }

    /// Extra headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body.
    pub fn body(&self) -> &Body {
        &self.body
    }

    /// Whether the request may be re-sent after it may have reached the server.
    pub fn is_idempotent(&self) -> bool {
        self.idempotent
    }

    /// Per-call timeout override.
    pub fn timeout_override(&self) -> Option<Duration> {
        self.timeout
    }

    /// The rate-limit group, if the request names one.
    pub fn rate_group_name(&self) -> Option<&str> {
        self.rate_group.as_deref()
    }

    /// Fail if building the request recorded an error (bad header, unserializable body,
    /// empty path parameter, unfilled placeholder).
    pub(crate) fn validate(&mut self) -> Result<()> {
        if let Some((field, reason)) = self.error.take() {
            return Err(Error::InvalidInput { field, reason });
        }
        if let (Some(open), Some(close)) = (self.path.find('{'), self.path.find('}')) {
            if open < close {
                return Err(Error::invalid_input(
                    &self.path[open + 1..close],
                    "path parameter was not provided",
                ));
            }
        }
        Ok(())
    }
}

impl Request {
    fn fail(&mut self, field: &str, reason: impl Into<String>) {
        self.error
            .get_or_insert_with(|| (field.to_owned(), reason.into()));
    }
}

fn push_query_value(
    query: &mut Vec<(Cow<'static, str>, String)>,
    key: String,
    value: serde_json::Value,
) {
    match value {
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => query.push((key.into(), s)),
        serde_json::Value::Array(items) => {
            for item in items {
                push_query_value(query, key.clone(), item);
            }
        }
        other => query.push((key.into(), other.to_string())),
    }
}

impl fmt::Debug for Request {
    // Bodies and header values may carry personal data; Debug shows only the shape.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("template", &self.template)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("body", &self.body)
            .field("idempotent", &self.idempotent)
            .finish()
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Empty => f.write_str("Empty"),
            Body::Json(b) => write!(f, "Json({} bytes)", b.len()),
            Body::Form(fields) => write!(f, "Form({} fields)", fields.len()),
            Body::Multipart(parts) => write!(f, "Multipart({} parts)", parts.len()),
        }
    }
}

impl fmt::Debug for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Part")
            .field("name", &self.name)
            .field("file_name", &self.file_name)
            .field("mime", &self.mime)
            .field("len", &self.data.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_params_are_encoded_as_one_segment() {
        let mut r = Request::get("/a/{x}/b").path_param("x", "ç ö/?#");
        r.validate().unwrap();
        assert_eq!(r.path(), "/a/%C3%A7%20%C3%B6%2F%3F%23/b");
    }

    #[test]
    fn missing_or_empty_path_params_fail_before_sending() {
        let mut r = Request::get("/a/{x}");
        assert!(matches!(r.validate(), Err(Error::InvalidInput { field, .. }) if field == "x"));
        let mut r = Request::get("/a/{x}").path_param("x", "");
        assert!(matches!(r.validate(), Err(Error::InvalidInput { field, .. }) if field == "x"));
    }

    #[test]
    fn default_idempotency_follows_method() {
        assert!(Request::get("/").is_idempotent());
        assert!(Request::put("/").is_idempotent());
        assert!(Request::delete("/").is_idempotent());
        assert!(!Request::post("/").is_idempotent());
        assert!(Request::post("/").idempotent(true).is_idempotent());
    }

    #[test]
    fn query_struct_skips_nulls_and_repeats_sequences() {
        #[derive(Serialize)]
        struct Q {
            page: u32,
            status: Option<String>,
            ids: Vec<u64>,
            approved: bool,
        }
        let r = Request::get("/").query_struct(&Q {
            page: 2,
            status: None,
            ids: vec![1, 2],
            approved: true,
        });
        let mut pairs: Vec<_> = r.query_pairs().collect();
        pairs.sort();
        assert_eq!(
            pairs,
            vec![
                ("approved", "true"),
                ("ids", "1"),
                ("ids", "2"),
                ("page", "2")
            ]
        );
    }

    #[test]
    fn bad_header_value_is_a_typed_error() {
        let mut r = Request::get("/").header("x-test", "a\nb");
        assert!(matches!(r.validate(), Err(Error::InvalidInput { .. })));
    }
}
