//! The one entry point that turns a response body into a model.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// serde_json's own nesting limit; the duplicate-key rewrite refuses anything deeper.
const MAX_DEPTH: usize = 128;

/// A decoded value together with the JSON paths the model ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<T> {
    /// The decoded model.
    pub value: T,
    /// Paths of fields present in the body that the model has no place for, in document
    /// order, written like `lines[0].extra` (the same notation as [`crate::Error::Decode`]).
    pub ignored: Vec<String>,
}

/// Decode a JSON response body into `T`.
///
/// - **Errors name the field**: a failure becomes [`crate::Error::Decode`] with the JSON
///   path (`items[1].price`), serde's message and the start of the body.
/// - **Duplicate keys**: JSON objects that repeat a key (seen in the wild) decode with the
///   *last* occurrence winning, at any depth. The body is first decoded directly; only
///   when serde reports a `duplicate field` is it rewritten with the duplicates dropped —
///   keeping every number's exact text — and decoded again.
/// - **Empty bodies**: an empty or whitespace-only body (e.g. a `200` with no content) is
///   decoded as if it were `null`, so `T = ()` gives `()` and `T = Option<_>` gives
///   `None`; any other `T` fails with a `Decode` error. A leading UTF-8 byte-order mark is
///   skipped.
/// - Trailing non-whitespace after the value is an error.
///
/// ```
/// use marketplace_core::codec::decode;
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// #[derive(Debug)]
/// struct Page {
///     items: Vec<Item>,
/// }
/// #[derive(Deserialize)]
/// #[derive(Debug)]
/// struct Item {
///     #[serde(with = "marketplace_core::codec::decimal")]
///     price: rust_decimal::Decimal,
/// }
///
/// let page: Page = decode(br#"{"items": [{"price": "9,90"}]}"#)?;
/// assert_eq!(page.items[0].price.to_string(), "9.90");
///
/// let err = decode::<Page>(br#"{"items": [{"price": 1}, {"price": "abc"}]}"#).unwrap_err();
/// match err {
///     marketplace_core::Error::Decode { path, .. } => assert_eq!(path, "items[1].price"),
///     other => panic!("{other}"),
/// }
///
/// let nothing: Option<Page> = decode(b"  ")?;
/// assert!(nothing.is_none());
/// # Ok::<(), marketplace_core::Error>(())
/// ```
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> crate::Result<T> {
    decode_with(body, |json| {
        let mut de = serde_json::Deserializer::from_slice(json);
        let value = serde_path_to_error::deserialize(&mut de).map_err(Failure::from)?;
        de.end().map_err(Failure::at_root)?;
        Ok(value)
    })
}

/// Like [`decode`], and also report which fields of the body the model ignored.
///
/// Useful in tests and in a "strict mode" log line to notice fields a marketplace added.
///
/// ```
/// use marketplace_core::codec::decode_report;
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Order {
///     lines: Vec<Line>,
/// }
/// #[derive(Deserialize)]
/// struct Line {
///     sku: String,
/// }
///
/// let report = decode_report::<Order>(br#"{"lines": [{"sku": "A", "extra": 1}], "new": true}"#)?;
/// assert_eq!(report.ignored, ["lines[0].extra", "new"]);
/// assert_eq!(report.value.lines[0].sku, "A");
/// # Ok::<(), marketplace_core::Error>(())
/// ```
pub fn decode_report<T: DeserializeOwned>(body: &[u8]) -> crate::Result<Decoded<T>> {
    decode_with(body, |json| {
        let mut ignored = Vec::new();
        let mut de = serde_json::Deserializer::from_slice(json);
        let value = {
            let mut record = |path: serde_ignored::Path<'_>| ignored.push(format_path(&path));
            let tracked = serde_ignored::Deserializer::new(&mut de, &mut record);
            serde_path_to_error::deserialize(tracked).map_err(Failure::from)?
        };
        de.end().map_err(Failure::at_root)?;
        Ok(Decoded { value, ignored })
    })
}

/// Run `attempt` on the body, and once more on a de-duplicated copy if serde complained
/// about a duplicate field.
fn decode_with<T>(body: &[u8], attempt: impl Fn(&[u8]) -> Result<T, Failure>) -> crate::Result<T> {
    let json = json_input(body);
    match attempt(json) {
        Ok(value) => Ok(value),
        Err(failure) if failure.is_duplicate_field() => match dedupe_keys(json) {
            Ok(rewritten) => attempt(rewritten.as_bytes()).map_err(|f| f.into_error(body)),
            Err(error) => Err(Failure::at_root(error).into_error(body)),
        },
        Err(failure) => Err(failure.into_error(body)),
    }
}

/// Skip a UTF-8 BOM; an empty or blank body reads as `null`.
fn json_input(body: &[u8]) -> &[u8] {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if body.trim_ascii().is_empty() {
        b"null"
    } else {
        body
    }
}

/// A decode failure before it becomes a [`crate::Error`].
struct Failure {
    path: String,
    error: serde_json::Error,
}

impl Failure {
    fn at_root(error: serde_json::Error) -> Self {
        Failure {
            path: ".".to_owned(),
            error,
        }
    }

    fn is_duplicate_field(&self) -> bool {
        self.error.is_data() && self.error.to_string().starts_with("duplicate field `")
    }

    fn into_error(self, body: &[u8]) -> crate::Error {
        crate::Error::Decode {
            path: self.path,
            message: self.error.to_string(),
            body_snippet: crate::error::body_snippet(body),
        }
    }
}

impl From<serde_path_to_error::Error<serde_json::Error>> for Failure {
    fn from(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Failure {
            path: e.path().to_string(),
            error: e.into_inner(),
        }
    }
}

/// `lines[0].extra` notation, matching serde_path_to_error's.
fn format_path(path: &serde_ignored::Path<'_>) -> String {
    fn walk(path: &serde_ignored::Path<'_>, out: &mut String) {
        use serde_ignored::Path;
        match path {
            Path::Root => {}
            Path::Seq { parent, index } => {
                walk(parent, out);
                let _ = write!(out, "[{index}]");
            }
            Path::Map { parent, key } => {
                walk(parent, out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => walk(parent, out),
        }
    }
    let mut out = String::new();
    walk(path, &mut out);
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Re-write `json` with every object's repeated keys reduced to their last occurrence
/// (at the position of the first). Scalars, including numbers, are copied verbatim.
fn dedupe_keys(json: &[u8]) -> Result<String, serde_json::Error> {
    let root: &RawValue = serde_json::from_slice(json)?;
    let mut out = String::with_capacity(json.len());
    write_deduped(root, &mut out, 0)?;
    Ok(out)
}

fn write_deduped(raw: &RawValue, out: &mut String, depth: usize) -> Result<(), serde_json::Error> {
    if depth > MAX_DEPTH {
        return Err(de::Error::custom("JSON nested too deeply"));
    }
    let text = raw.get();
    match text.as_bytes().first() {
        Some(b'{') => {
            let Entries(entries) = serde_json::from_str(text)?;
            let mut kept: Vec<(String, &RawValue)> = Vec::with_capacity(entries.len());
            let mut position: HashMap<String, usize> = HashMap::with_capacity(entries.len());
            for (key, value) in entries {
                match position.get(&key) {
                    Some(&i) => {
                        if let Some(slot) = kept.get_mut(i) {
                            slot.1 = value;
                        }
                    }
                    None => {
                        position.insert(key.clone(), kept.len());
                        kept.push((key, value));
                    }
                }
            }
            out.push('{');
            for (i, (key, value)) in kept.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key)?);
                out.push(':');
                write_deduped(value, out, depth + 1)?;
            }
            out.push('}');
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text)?;
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_deduped(item, out, depth + 1)?;
            }
            out.push(']');
        }
        _ => out.push_str(text),
    }
    Ok(())
}

/// An object's entries in document order, duplicates included.
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> de::Deserialize<'de> for Entries<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for EntriesVisitor<'a> {
            type Value = Entries<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'a>, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(key) = map.next_key::<String>()? {
                    let value: &'de RawValue = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Id;
    use rust_decimal::Decimal;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Page {
        items: Vec<Item>,
        #[serde(default)]
        total: Option<u32>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        #[serde(rename = "id")]
        id: Id,
        #[serde(with = "crate::codec::decimal")]
        price: Decimal,
    }

    fn decode_err<T: DeserializeOwned + fmt::Debug>(body: &[u8]) -> (String, String, String) {
        match decode::<T>(body) {
            Err(crate::Error::Decode {
                path,
                message,
                body_snippet,
            }) => (path, message, body_snippet),
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn decode_plain_body_keeps_exact_numbers() {
        let page: Page = decode(
            br#"{"items": [{"id": 7260001151141191123456, "price": 19.99}, {"id": "A-1", "price": "1.234,56"}], "total": 2}"#,
        )
        .unwrap();
        assert_eq!(page.items[0].id.as_str(), "7260001151141191123456");
        assert_eq!(page.items[0].price.to_string(), "19.99");
        assert_eq!(page.items[1].price.to_string(), "1234.56");
        assert_eq!(page.total, Some(2));
    }

    #[test]
    fn decode_error_names_the_path() {
        let body = br#"{"items": [{"id": 1, "price": 1}, {"id": 2, "price": "abc"}]}"#;
        let (path, message, snippet) = decode_err::<Page>(body);
        assert_eq!(path, "items[1].price");
        assert!(message.contains("abc"), "{message}");
        assert_eq!(snippet, String::from_utf8_lossy(body));

        let (path, message, _) = decode_err::<Page>(br#"{"items": [{"id": 1}]}"#);
        assert_eq!(path, "items[0]");
        assert!(message.contains("missing field `price`"), "{message}");

        let (path, _, _) = decode_err::<Page>(br#"{"items": [{"id": null, "price": 1}]}"#);
        assert_eq!(path, "items[0].id");

        let (path, _, _) = decode_err::<Page>(br#"{"items": {}}"#);
        assert_eq!(path, "items");

        let err = decode::<Page>(br#"{"items": [{"id": 1, "price": true}]}"#).unwrap_err();
        assert!(err.to_string().contains("items[0].price"), "{err}");
    }

    #[test]
    fn decode_error_snippet_is_truncated() {
        let body = format!(r#"{{"items": "{}"}}"#, "x".repeat(5000));
        let (_, _, snippet) = decode_err::<Page>(body.as_bytes());
        assert!(snippet.len() <= crate::error::BODY_SNIPPET_LIMIT + 3);
    }

    #[test]
    fn decode_garbage_is_an_error_not_a_panic() {
        let deep = format!(
            r#"{{"a": 1, "a": 2, "b": {}{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let long = "x".repeat(100_000);
        let bodies: Vec<&[u8]> = vec![
            b"abc",
            b"<html><body>502 Bad Gateway</body></html>",
            br#"{"items": [{"id": 1, "price": 2}"#,
            br#"{"items": []} trailing"#,
            b"\xff\xfe\x00",
            b"[]",
            b"1e400",
            deep.as_bytes(),
            long.as_bytes(),
        ];
        for body in bodies {
            assert!(
                matches!(decode::<Page>(body), Err(crate::Error::Decode { .. })),
                "{}",
                String::from_utf8_lossy(&body[..body.len().min(40)])
            );
            assert!(decode_report::<Page>(body).is_err());
        }
    }

    #[test]
    fn decode_duplicate_keys_last_wins() {
        let page: Page = decode(
            br#"{"total": 1, "items": [{"id": 1, "price": 1, "price": "2,50"}], "total": 3}"#,
        )
        .unwrap();
        assert_eq!(page.total, Some(3));
        assert_eq!(page.items[0].price.to_string(), "2.50");
    }

    #[test]
    fn decode_duplicate_keys_nested_keep_exact_numbers() {
        #[derive(Debug, Deserialize)]
        struct Outer {
            inner: Inner,
            list: Vec<Inner>,
        }
        #[derive(Debug, Deserialize)]
        struct Inner {
            id: Id,
            name: String,
        }
        let body = br#"{
            "inner": {"id": 1, "name": "old", "id": 7260001151141191123456, "name": "new"},
            "list": [{"id": "a", "name": "x"}, {"name": "y", "id": 2, "name": "z\u00e7\"q"}],
            "inner": {"id": 99999999999999999999999, "name": "last"}
        }"#;
        let o: Outer = decode(body).unwrap();
        assert_eq!(o.inner.id.as_str(), "99999999999999999999999");
        assert!(o.inner.id.is_number());
        assert_eq!(o.inner.name, "last");
        assert_eq!(o.list[1].id, Id::from(2));
        assert_eq!(o.list[1].name, "zç\"q");
    }

    #[test]
    fn decode_duplicate_keys_then_error_still_names_path() {
        let body = br#"{"items": [{"id": 1, "price": 1}, {"id": 2, "price": 1, "price": "bad"}], "items": [{"id": 1, "price": 1}, {"id": 2, "price": 1, "price": "worse"}]}"#;
        let (path, message, _) = decode_err::<Page>(body);
        assert_eq!(path, "items[1].price");
        assert!(message.contains("worse"), "{message}");
    }

    #[test]
    fn dedupe_keys_rewrites_text_minimally() {
        let out = dedupe_keys(
            br#" {"a": 1, "b": {"x": 1.50, "x": [1, {"k": 1, "k": 2}]}, "a": 3, "c\n": "s"} "#,
        )
        .unwrap();
        assert_eq!(out, r#"{"a":3,"b":{"x":[1,{"k":2}]},"c\n":"s"}"#);
        assert_eq!(
            dedupe_keys(b"7260001151141191123456").unwrap(),
            "7260001151141191123456"
        );
        assert!(dedupe_keys(b"{").is_err());
    }

    #[test]
    fn decode_report_lists_ignored_paths() {
        #[derive(Debug, Deserialize)]
        struct Order {
            lines: Vec<Line>,
            customer: Option<Customer>,
        }
        #[derive(Debug, Deserialize)]
        struct Line {
            sku: String,
            #[serde(with = "crate::codec::decimal")]
            price: Decimal,
        }
        #[derive(Debug, Deserialize)]
        struct Customer {
            name: String,
        }
        let body = br#"{
            "id": 7260001151141191123456,
            "lines": [
                {"sku": "A", "price": 19.99},
                {"sku": "B", "price": "5", "extra": {"deep": [1, 2]}, "more": null}
            ],
            "customer": {"name": "Ay\u015fe", "email": "a@example.com"}
        }"#;
        let report = decode_report::<Order>(body).unwrap();
        assert_eq!(
            report.ignored,
            ["id", "lines[1].extra", "lines[1].more", "customer.email"]
        );
        assert_eq!(report.value.lines[0].price.to_string(), "19.99");
        assert_eq!(report.value.lines[1].sku, "B");
        assert_eq!(report.value.customer.unwrap().name, "Ayşe");

        let clean = decode_report::<Order>(br#"{"lines": [], "customer": null}"#).unwrap();
        assert!(clean.ignored.is_empty());
    }

    #[test]
    fn decode_report_with_duplicates_and_errors() {
        let report = decode_report::<Page>(
            br#"{"items": [{"id": 5, "price": 1, "x": 1, "price": 2, "x": 2}], "total": 1, "total": 2}"#,
        )
        .unwrap();
        assert_eq!(report.ignored, ["items[0].x"]);
        assert_eq!(report.value.total, Some(2));
        assert_eq!(report.value.items[0].price, Decimal::from(2));

        let err =
            decode_report::<Page>(br#"{"items": [{"id": 1, "price": 1}, {"id": 2, "price": []}]}"#)
                .unwrap_err();
        match err {
            crate::Error::Decode { path, .. } => assert_eq!(path, "items[1].price"),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn decode_report_keeps_huge_ids() {
        let report = decode_report::<Vec<Id>>(b"[7260001151141191123456, \"7\"]").unwrap();
        assert_eq!(report.value[0].as_str(), "7260001151141191123456");
        assert_eq!(
            serde_json::to_string(&report.value).unwrap(),
            r#"[7260001151141191123456,"7"]"#
        );
    }

    #[test]
    fn decode_empty_body() {
        decode::<()>(b"").unwrap();
        decode::<()>(b" \r\n\t ").unwrap();
        assert_eq!(decode::<Option<Page>>(b"").unwrap(), None);
        assert_eq!(decode::<Option<Page>>(b"null").unwrap(), None);
        assert_eq!(decode_report::<Option<Page>>(b"").unwrap().value, None);
        let (path, _, snippet) = decode_err::<Page>(b"");
        assert_eq!(path, ".");
        assert_eq!(snippet, "");
        assert!(decode::<Vec<Id>>(b"   ").is_err());
    }

    #[test]
    fn decode_skips_bom() {
        let page: Page = decode(b"\xEF\xBB\xBF{\"items\": []}").unwrap();
        assert!(page.items.is_empty());
    }

    #[test]
    fn decode_into_value_and_maps_tolerates_duplicates() {
        let v: serde_json::Value = decode(br#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(v["a"], 2);
        let m: HashMap<String, u8> = decode(br#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(m["a"], 2);
    }
}
