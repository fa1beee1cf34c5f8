//! [`Id`]: an identifier that keeps whatever JSON number or string the marketplace sent.

use std::cmp::Ordering;
use std::convert::Infallible;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Error as _, Serialize, Serializer};

use super::scalar::Scalar;

/// An identifier exactly as the marketplace sent it: a JSON number or a JSON string.
///
/// Marketplaces send order numbers, package ids and tracking numbers sometimes as numbers,
/// sometimes as strings, and some are larger than `u64` (`7260001151141191123456`). `Id`
/// keeps the text digit for digit and remembers which JSON type it was, so it serializes
/// back unchanged: a number stays a number, a string stays a string.
///
/// - **Equality and hashing** look at the text only: `Id::from(42)` (a number) equals
///   `Id::from("42")` (a string), so an id read from one endpoint as a number finds the
///   same id read from another as a string.
/// - **Ordering**: ids made only of ASCII digits sort numerically (ignoring leading zeros)
///   and before all other ids, which sort by their text.
///
/// # Supported paths for huge numbers
///
/// Numbers are kept exactly when decoded by `serde_json` directly (`serde_json::from_slice`
/// / `from_str` / `from_reader`, [`decode`](super::decode), [`decode_report`](super::decode_report)),
/// through `serde_json`'s `raw_value` feature. Behind serde's own buffering —
/// `#[serde(flatten)]`, `#[serde(untagged)]` and internally tagged enums — or from a
/// `serde_json::Value`, serde_json has already turned an integer beyond `u64`/`i64` into an
/// `f64`; the `Id` then holds that float's text (`7.260001151141191e21`). Ids within the
/// `u64`/`i64` range and all string ids are exact everywhere.
///
/// ```
/// use marketplace_core::codec::Id;
///
/// let id: Id = serde_json::from_str("7260001151141191123456").unwrap();
/// assert_eq!(id.as_str(), "7260001151141191123456");
/// assert_eq!(serde_json::to_string(&id).unwrap(), "7260001151141191123456");
/// assert_eq!(id.as_u64(), None);
///
/// let id: Id = serde_json::from_str(r#""123""#).unwrap();
/// assert_eq!(serde_json::to_string(&id).unwrap(), r#""123""#);
/// assert_eq!(id.as_u64(), Some(123));
/// assert_eq!(id, Id::from(123));
/// ```
#[derive(Clone)]
pub struct Id {
    text: String,
    number: bool,
}

impl Id {
    /// A string id (serializes as a JSON string).
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            number: false,
        }
    }

    /// The id's text: the digits of a number, or the string's content.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The id as a `u64`, when its text is a plain non-negative integer that fits.
    pub fn as_u64(&self) -> Option<u64> {
        if !self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit()) {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// Whether the id arrived (or was made) as a JSON number.
    pub fn is_number(&self) -> bool {
        self.number
    }

    /// The id's text, consuming the id.
    pub fn into_string(self) -> String {
        self.text
    }

    /// The text with leading zeros removed, if the id is all ASCII digits.
    fn numeric_key(&self) -> Option<&str> {
        let t = self.text.as_str();
        (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())).then(|| {
            let trimmed = t.trim_start_matches('0');
            if trimmed.is_empty() { "0" } else { trimmed }
        })
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.number {
            write!(f, "Id({})", self.text)
        } else {
            write!(f, "Id({:?})", self.text)
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Id {}

impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.numeric_key(), other.numeric_key()) {
            (Some(a), Some(b)) => a
                .len()
                .cmp(&b.len())
                .then_with(|| a.cmp(b))
                .then_with(|| self.text.cmp(&other.text)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.text.cmp(&other.text),
        }
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl FromStr for Id {
    type Err = Infallible;

    /// A string id; never fails.
    fn from_str(s: &str) -> Result<Self, Infallible> {
        Ok(Id::new(s))
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id::new(s)
    }
}

impl From<String> for Id {
    fn from(s: String) -> Self {
        Id::new(s)
    }
}

impl From<u64> for Id {
    /// A numeric id (serializes as a JSON number).
    fn from(n: u64) -> Self {
        Self {
            text: n.to_string(),
            number: true,
        }
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.text
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.number {
            return serializer.serialize_str(&self.text);
        }
        if let Ok(n) = self.text.parse::<u64>() {
            serializer.serialize_u64(n)
        } else if let Ok(n) = self.text.parse::<i64>() {
            serializer.serialize_i64(n)
        } else if let Ok(n) = self.text.parse::<u128>() {
            serializer.serialize_u128(n)
        } else if let Ok(n) = self.text.parse::<i128>() {
            serializer.serialize_i128(n)
        } else {
            // Fractional or astronomically large: hand serde_json the exact text.
            serde_json::value::RawValue::from_string(self.text.clone())
                .map_err(S::Error::custom)?
                .serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Scalar::deserialize(deserializer, "a string or number id")? {
            Scalar::Number(text) => Ok(Id { text, number: true }),
            Scalar::Str(text) => Ok(Id::new(text)),
            other => Err(D::Error::custom(format_args!(
                "invalid id {}: expected a string or number",
                other.describe()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet};

    fn round_trip(json: &str) -> (Id, String) {
        let id: Id = serde_json::from_str(json).unwrap();
        let back = serde_json::to_string(&id).unwrap();
        (id, back)
    }

    #[test]
    fn id_number_stays_number_string_stays_string() {
        for json in [
            "0",
            "42",
            "-7",
            "18446744073709551615",
            "18446744073709551616",
            "7260001151141191123456",
            "-170141183460469231731687303715884105728",
            "340282366920938463463374607431768211456123",
            "1.5",
            "1e3",
            r#""42""#,
            r#""7260001151141191123456""#,
            r#""ABC-123/ x""#,
            r#""""#,
            r#""şçğ\"\\""#,
        ] {
            let (_, back) = round_trip(json);
            assert_eq!(back, json, "{json}");
        }
    }

    #[test]
    fn id_huge_number_is_exact() {
        let (id, back) = round_trip("7260001151141191123456");
        assert_eq!(id.as_str(), "7260001151141191123456");
        assert!(id.is_number());
        assert_eq!(id.as_u64(), None);
        assert_eq!(back, "7260001151141191123456");
        assert_eq!(format!("{id:?}"), "Id(7260001151141191123456)");

        #[derive(serde::Deserialize, serde::Serialize)]
        struct Package {
            tracking: Id,
            lines: Vec<Id>,
            maybe: Option<Id>,
        }
        let json = r#"{"tracking":7260001151141191123456,"lines":[1,"2",99999999999999999999999],"maybe":null}"#;
        let p: Package = serde_json::from_slice(json.as_bytes()).unwrap();
        assert_eq!(p.lines[2].as_str(), "99999999999999999999999");
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
    }

    #[test]
    fn id_accessors_and_conversions() {
        let n = Id::from(123u64);
        let s = Id::from("123");
        assert!(n.is_number());
        assert!(!s.is_number());
        assert_eq!(n, s);
        assert_eq!(n.as_u64(), Some(123));
        assert_eq!(s.as_u64(), Some(123));
        assert_eq!(Id::from("-1").as_u64(), None);
        assert_eq!(Id::from("+1").as_u64(), None);
        assert_eq!(Id::from("abc").as_u64(), None);
        assert_eq!(Id::from(String::from("x")), "x");
        assert_eq!("x".parse::<Id>().unwrap(), Id::new("x"));
        assert_eq!(n.to_string(), "123");
        assert_eq!(format!("{s:?}"), "Id(\"123\")");
        assert_eq!(String::from(n.clone()), "123");
        assert_eq!(serde_json::to_string(&n).unwrap(), "123");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"123\"");

        let set: HashSet<Id> = [n, s].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn id_ordering_is_numeric_for_digit_ids() {
        let ids: BTreeSet<Id> = ["10", "9", "b", "100", "a", "007", "7260001151141191123456"]
            .into_iter()
            .map(Id::from)
            .collect();
        let order: Vec<&str> = ids.iter().map(Id::as_str).collect();
        assert_eq!(
            order,
            ["007", "9", "10", "100", "7260001151141191123456", "a", "b"]
        );
        assert_eq!(Id::from("7").cmp(&Id::from("007")), Ordering::Greater);
        assert_ne!(Id::from("7"), Id::from("007"));
    }

    #[test]
    fn id_rejects_null_bool_and_containers() {
        for bad in ["null", "true", "{}", "[1]"] {
            assert!(serde_json::from_str::<Id>(bad).is_err(), "{bad}");
        }
        let opt: Option<Id> = serde_json::from_str("null").unwrap();
        assert_eq!(opt, None);
    }

    #[test]
    fn id_behind_flatten_still_decodes() {
        #[derive(serde::Deserialize)]
        struct Inner {
            id: Id,
        }
        #[derive(serde::Deserialize)]
        struct Outer {
            #[serde(flatten)]
            inner: Inner,
            #[serde(flatten)]
            rest: std::collections::HashMap<String, serde_json::Value>,
        }
        let o: Outer = serde_json::from_str(r#"{"id": 123, "x": 1}"#).unwrap();
        assert_eq!(o.inner.id, Id::from(123));
        assert!(o.inner.id.is_number());
        assert!(o.rest.contains_key("x"));
        let o: Outer = serde_json::from_str(r#"{"id": "A1"}"#).unwrap();
        assert_eq!(o.inner.id.as_str(), "A1");
        // Documented limitation: beyond u64 the buffered number is already an f64.
        let o: Outer = serde_json::from_str(r#"{"id": 7260001151141191123456}"#).unwrap();
        assert!(o.inner.id.is_number());
    }
}
