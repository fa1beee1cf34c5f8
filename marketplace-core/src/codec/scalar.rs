//! Reading one JSON scalar together with its exact source text.
//!
//! serde_json (without its `arbitrary_precision` feature) hands a visitor an `f64` for
//! `19.99` and for integers beyond `u64`, which loses digits. With the `raw_value`
//! feature it can instead hand over the *text* of a value: a visitor asks for it by
//! calling `deserialize_newtype_struct` with serde_json's raw-value token (this is how
//! [`serde_json::value::RawValue`] itself works). [`Scalar::deserialize`] does that, and
//! falls back to ordinary typed visits for every other deserializer (serde's internal
//! buffers behind `#[serde(flatten)]` / untagged enums, `serde_json::Value`, other
//! formats), where the number has already been converted and its shortest round-trip
//! text is used.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Unexpected, Visitor};

/// The name serde_json's deserializer recognises to hand over raw JSON text.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// Longest excerpt of a bad value quoted in an error message.
const QUOTE_LIMIT: usize = 64;

/// One JSON scalar. Numbers keep their source text where the deserializer allows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scalar {
    /// `null` (or a missing optional value).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A JSON number, as its text (`19.99`, `-3`, `7260001151141191123456`, `1e3`).
    Number(String),
    /// A JSON string, unescaped.
    Str(String),
}

impl Scalar {
    /// Read one scalar; objects and arrays are an `invalid type` error naming `expecting`.
    pub(crate) fn deserialize<'de, D>(
        deserializer: D,
        expecting: &'static str,
    ) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, ScalarVisitor { expecting })
    }

    /// Whether this is `null` or a string that is empty after trimming.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Scalar::Null => true,
            Scalar::Str(s) => s.trim().is_empty(),
            Scalar::Bool(_) | Scalar::Number(_) => false,
        }
    }

    /// The value as it appeared, for error messages: `null`, `true`, `1e400`, `"abc"`.
    pub(crate) fn describe(&self) -> String {
        match self {
            Scalar::Null => "null".to_owned(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Number(n) => format!("number {}", quote_limited(n, false)),
            Scalar::Str(s) => format!("string {}", quote_limited(s, true)),
        }
    }
}

/// `text`, cut to [`QUOTE_LIMIT`] characters, optionally in Debug quotes.
pub(crate) fn quote_limited(text: &str, quoted: bool) -> String {
    let mut chars = text.char_indices();
    let cut = chars.nth(QUOTE_LIMIT).map(|(i, _)| i);
    let (head, ellipsis) = match cut {
        Some(end) => (&text[..end], "…"),
        None => (text, ""),
    };
    if quoted {
        format!("{head:?}{ellipsis}")
    } else {
        format!("{head}{ellipsis}")
    }
}

/// Lower-case `text` and fold Turkish letters to ASCII (`İ ı I i` → `i`, `ş` → `s`,
/// `ğ` → `g`, `ü` → `u`, `ö` → `o`, `ç` → `c`), so `"HAYIR"`, `"hayır"` and `"hayir"`
/// compare equal. Characters outside ASCII and Turkish letters are kept lower-cased.
pub(crate) fn fold_turkish(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'İ' | 'ı' | 'I' | 'i' => out.push('i'),
            'Ş' | 'ş' => out.push('s'),
            'Ğ' | 'ğ' => out.push('g'),
            'Ü' | 'ü' => out.push('u'),
            'Ö' | 'ö' => out.push('o'),
            'Ç' | 'ç' => out.push('c'),
            // Combining dot above, left over from a generic lower-casing of `İ`.
            '\u{307}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

struct ScalarVisitor {
    expecting: &'static str,
}

impl ScalarVisitor {
    fn parse_raw<E: de::Error>(&self, raw: &str) -> Result<Scalar, E> {
        let raw = raw.trim();
        match raw.as_bytes().first() {
            Some(b'"') => serde_json::from_str::<String>(raw)
                .map(Scalar::Str)
                .map_err(E::custom),
            Some(b'{') => Err(E::invalid_type(Unexpected::Map, self)),
            Some(b'[') => Err(E::invalid_type(Unexpected::Seq, self)),
            Some(b'n') if raw == "null" => Ok(Scalar::Null),
            Some(b't') if raw == "true" => Ok(Scalar::Bool(true)),
            Some(b'f') if raw == "false" => Ok(Scalar::Bool(false)),
            Some(b'-' | b'0'..=b'9') => Ok(Scalar::Number(raw.to_owned())),
            _ => Err(E::invalid_value(Unexpected::Str(raw), self)),
        }
    }
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        if v.is_finite() {
            // Display prints the shortest text that round-trips: 19.99 stays "19.99".
            Ok(Scalar::Number(v.to_string()))
        } else {
            Err(E::invalid_value(Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        // serde_json answers the raw-value request with a one-entry map
        // `{TOKEN: "<raw json text>"}`; any other map is a real JSON object.
        match map.next_key::<String>()? {
            Some(key) if key == RAW_VALUE_TOKEN => {
                let raw: String = map.next_value()?;
                self.parse_raw(&raw)
            }
            _ => Err(de::Error::invalid_type(Unexpected::Map, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(json: &str) -> Result<Scalar, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        Scalar::deserialize(&mut de, "a scalar")
    }

    #[test]
    fn scalar_keeps_exact_number_text() {
        assert_eq!(scalar("19.99").unwrap(), Scalar::Number("19.99".into()));
        assert_eq!(
            scalar("7260001151141191123456").unwrap(),
            Scalar::Number("7260001151141191123456".into())
        );
        assert_eq!(scalar("-1.5E+3").unwrap(), Scalar::Number("-1.5E+3".into()));
        assert_eq!(scalar("1e400").unwrap(), Scalar::Number("1e400".into()));
    }

    #[test]
    fn scalar_reads_other_kinds() {
        assert_eq!(scalar("null").unwrap(), Scalar::Null);
        assert_eq!(scalar("true").unwrap(), Scalar::Bool(true));
        assert_eq!(
            scalar(r#""a\"b\u00e7""#).unwrap(),
            Scalar::Str("a\"bç".into())
        );
        assert!(scalar("{}").is_err());
        assert!(scalar("[1]").is_err());
    }

    #[test]
    fn scalar_through_value_uses_shortest_float_text() {
        let v = serde_json::json!(19.99);
        assert_eq!(
            Scalar::deserialize(v, "x").unwrap(),
            Scalar::Number("19.99".into())
        );
    }

    #[test]
    fn fold_turkish_folds_dotted_and_dotless_i() {
        assert_eq!(fold_turkish("HAYIR"), "hayir");
        assert_eq!(fold_turkish("hayır"), "hayir");
        assert_eq!(fold_turkish("ŞUBAT"), "subat");
        assert_eq!(fold_turkish("AĞUSTOS"), "agustos");
        assert_eq!(fold_turkish("EYLÜL"), "eylul");
        assert_eq!(fold_turkish("NİSAN"), "nisan");
        assert_eq!(fold_turkish("Nisan"), "nisan");
        assert_eq!(fold_turkish("i\u{307}"), "i");
    }

    #[test]
    fn quote_limited_cuts_long_text() {
        let long = "ş".repeat(500);
        let q = quote_limited(&long, true);
        assert!(q.chars().count() < 80, "{q}");
        assert!(q.ends_with('…'));
    }
}
