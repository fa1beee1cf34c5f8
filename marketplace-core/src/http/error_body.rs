//! Turning a non-success response into [`Error::Api`](crate::Error::Api).
//!
//! Bodies vary by marketplace and even by service (Trendyol alone has seven shapes), and
//! gateways send HTML or plain text. [`ErrorParser`] is the hook; [`GenericErrorParser`]
//! understands every shape the three marketplaces document and never assumes JSON.

use serde_json::Value;

use crate::error::FieldError;

/// What could be read out of an error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedError {
    /// Machine-readable code (`errorCode`, `key`, `error`, `messageCode`, …).
    pub code: Option<String>,
    /// Human-readable message.
    pub message: Option<String>,
    /// Per-field validation messages.
    pub field_errors: Vec<FieldError>,
    /// A likely cause to show with the error (marketplace-specific parsers add these).
    pub hint: Option<String>,
    /// The endpoint is retired: the transport returns [`Error::Deprecated`](crate::Error::Deprecated)
    /// with `hint` instead of `Error::Api`.
    pub deprecated: bool,
}

/// Reads a marketplace's error bodies.
pub trait ErrorParser: Send + Sync + std::fmt::Debug {
    /// Parse `body` of a response with `status`. Must not fail: return what it can.
    fn parse(&self, status: u16, content_type: Option<&str>, body: &[u8]) -> ParsedError;
}

/// Understands the documented shapes:
///
/// - `{"errors":[{"key","message","errorCode"}]}` (Trendyol product services, also with
///   `timestamp`/`exception`);
/// - `{"error":"CODE","message":"…"}` (Trendyol orders, finance, invoices);
/// - `{"error":{"status":400,"errors":[{"code":1001,"type":"…","title":"…"}]}}` (Trendyol label);
/// - `{"success":false,"message":"…","errors":{"field":["msg"]}}` (Giyim Moda);
/// - `{"success":false,"messageCode":"…","message":"…","userMessage":"…"}` (Pazarama);
/// - `{"title":"…","detail":"…","errors":{"Field":["msg"]}}` (ASP.NET problem details);
/// - `{"exception":"ClientApiAuthenticationException"}`;
/// - plain text such as `too.many.requests`; HTML (ignored — the status says enough).
#[derive(Debug, Clone, Copy, Default)]
pub struct GenericErrorParser;

impl ErrorParser for GenericErrorParser {
    fn parse(&self, _status: u16, content_type: Option<&str>, body: &[u8]) -> ParsedError {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => parse_object(&map),
            Ok(Value::String(s)) => text_error(&s),
            Ok(_) => ParsedError::default(),
            Err(_) => {
                let looks_html = content_type.is_some_and(|ct| ct.contains("html"))
                    || body.trim_ascii_start().starts_with(b"<");
                if looks_html {
                    ParsedError::default()
                } else {
                    text_error(&String::from_utf8_lossy(body))
                }
            }
        }
    }
}

fn text_error(text: &str) -> ParsedError {
    let text = text.trim();
    if text.is_empty() {
        return ParsedError::default();
    }
    let message: String = text.chars().take(300).collect();
    // A lone dotted token such as `too.many.requests` doubles as a code.
    let is_token = !message.contains(char::is_whitespace) && message.contains('.');
    ParsedError {
        code: is_token.then(|| message.clone()),
        message: Some(message),
        ..ParsedError::default()
    }
}

fn parse_object(map: &serde_json::Map<String, Value>) -> ParsedError {
    let mut out = ParsedError::default();
    let text = |key: &str| map.get(key).and_then(scalar_text);

    match map.get("error") {
        Some(Value::Object(inner)) => {
            let nested = parse_object(inner);
            out.code = nested.code;
            out.message = nested.message;
            out.field_errors = nested.field_errors;
        }
        Some(v) => out.code = scalar_text(v),
        None => {}
    }
    match map.get("errors") {
        Some(Value::Array(items)) => {
            let (code, message) = from_error_list(items);
            out.code = out.code.or(code);
            out.message = out.message.or(message);
        }
        Some(Value::Object(fields)) => out.field_errors.extend(field_errors(fields)),
        _ => {}
    }
    out.message = out
        .message
        .or_else(|| text("message"))
        .or_else(|| text("userMessage"))
        .or_else(|| text("detail"))
        .or_else(|| text("title"))
        .or_else(|| text("error_description"))
        .or_else(|| text("exception"))
        .or_else(|| out.field_errors.first().map(|f| f.to_string()))
        .or_else(|| text("error"));
    out.code = out
        .code
        .or_else(|| text("errorCode"))
        .or_else(|| text("messageCode"))
        .or_else(|| text("code"))
        .or_else(|| text("exception"));
    out
}

fn from_error_list(items: &[Value]) -> (Option<String>, Option<String>) {
    let mut code = None;
    let mut messages = Vec::new();
    for item in items {
        match item {
            Value::Object(e) => {
                let get = |k: &str| e.get(k).and_then(scalar_text);
                code = code
                    .or_else(|| get("errorCode"))
                    .or_else(|| get("key"))
                    .or_else(|| get("code"))
                    .or_else(|| get("type"));
                if let Some(m) = get("message")
                    .or_else(|| get("title"))
                    .or_else(|| get("detail"))
                {
                    messages.push(m);
                }
            }
            other => messages.extend(scalar_text(other)),
        }
    }
    let message = (!messages.is_empty()).then(|| messages.join("; "));
    (code, message)
}

fn field_errors(fields: &serde_json::Map<String, Value>) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, value) in fields {
        let messages: Vec<String> = match value {
            Value::Array(msgs) => msgs.iter().filter_map(scalar_text).collect(),
            other => scalar_text(other).into_iter().collect(),
        };
        out.extend(messages.into_iter().map(|message| FieldError {
            field: field.clone(),
            message,
        }));
    }
    out
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> ParsedError {
        GenericErrorParser.parse(400, Some("application/json"), body.as_bytes())
    }

    #[test]
    fn documented_shapes() {
        let p = parse(
            r#"{"errors":[{"key":"invalid.barcode","message":"Barkod hatalı","errorCode":"P100"}]}"#,
        );
        assert_eq!(p.code.as_deref(), Some("P100"));
        assert_eq!(p.message.as_deref(), Some("Barkod hatalı"));

        let p = parse(
            r#"{"timestamp":1620422483339,"exception":"ClientApiBusinessException","errors":[{}]}"#,
        );
        assert_eq!(p.message.as_deref(), Some("ClientApiBusinessException"));

        let p = parse(
            r#"{"error":"CONFLICT","message":"Fatura zaten var","timestamp":1,"path":"/x","status":409}"#,
        );
        assert_eq!(p.code.as_deref(), Some("CONFLICT"));
        assert_eq!(p.message.as_deref(), Some("Fatura zaten var"));

        let p = parse(
            r#"{"error":{"status":400,"errors":[{"code":1001,"type":"BadRequestException","title":"Geçersiz"}]}}"#,
        );
        assert_eq!(p.code.as_deref(), Some("1001"));
        assert_eq!(p.message.as_deref(), Some("Geçersiz"));

        let p = parse(
            r#"{"success":false,"message":"Validation error","errors":{"name":["The name field is required."],"unit_price":["must be a number"]}}"#,
        );
        assert_eq!(p.message.as_deref(), Some("Validation error"));
        assert_eq!(p.field_errors.len(), 2);
        assert_eq!(p.field_errors[0].field, "name");

        let p = parse(
            r#"{"data":null,"success":false,"messageCode":"E12","message":null,"userMessage":"Sipariş bulunamadı"}"#,
        );
        assert_eq!(p.code.as_deref(), Some("E12"));
        assert_eq!(p.message.as_deref(), Some("Sipariş bulunamadı"));

        let p = parse(r#"{"exception":"ClientApiAuthenticationException","status":401}"#);
        assert_eq!(
            p.message.as_deref(),
            Some("ClientApiAuthenticationException")
        );
    }

    #[test]
    fn text_html_and_garbage() {
        let p = GenericErrorParser.parse(429, Some("text/plain"), b"too.many.requests");
        assert_eq!(p.code.as_deref(), Some("too.many.requests"));
        let p = GenericErrorParser.parse(
            502,
            Some("text/html"),
            b"<html><body>Bad Gateway</body></html>",
        );
        assert_eq!(p, ParsedError::default());
        let p = GenericErrorParser.parse(500, None, &[0xff, 0xfe, 0x00]);
        assert!(p.message.is_some());
        let p = GenericErrorParser.parse(500, None, b"");
        assert_eq!(p, ParsedError::default());
        let p = parse("[1,2]");
        assert_eq!(p, ParsedError::default());
    }
}
