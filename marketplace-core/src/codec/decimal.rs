//! [`Decimal`] from JSON numbers or strings, serialized as a JSON number.
//!
//! Accepted input:
//!
//! - a JSON number, integer or fractional, taken from its **exact text**: `19.99` becomes
//!   exactly `19.99`, never `19.989999…` (with serde_json's `raw_value` feature, which this
//!   crate enables; behind serde's buffering — `#[serde(flatten)]`, untagged enums — the
//!   number arrives as an `f64` and its shortest round-trip text is used, which is exact
//!   for up to 15 significant digits);
//! - exponent notation (`1.5e3`);
//! - a string with the same forms, trimmed: `"19.99"`, `" 19.99 "`, `"+5"`;
//! - Turkish decimal comma when there is no dot: `"19,99"`;
//! - grouped thousands: `"1.234,56"` (Turkish), `"1,234.56"`, `"1.234.567"`; groups must
//!   be three digits, so `"1.23,4"` is an error rather than a guess.
//!
//! Anything else (`null`, `true`, `"abc"`, `"1e400"`, a value beyond `Decimal`'s 96-bit
//! range) is an error that quotes the bad value. Use [`option`] when the field may be
//! `null`, `""` or missing.
//!
//! Serialization writes a JSON number: integers as integers, other values as the shortest
//! float that reads back as the same decimal, and — only when no `f64` can carry every
//! digit — serde_json's raw number text (exact in JSON; other serializers see serde_json's
//! raw-value struct).

use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::de::{self, Deserializer};
use serde::ser::{Error as _, Serialize, Serializer};

use super::scalar::Scalar;

const EXPECTING: &str = "a decimal number or numeric string";

/// Deserialize a [`Decimal`] (see the [module docs](self) for the accepted forms).
pub fn deserialize<'de, D>(deserializer: D) -> Result<Decimal, D::Error>
where
    D: Deserializer<'de>,
{
    let scalar = Scalar::deserialize(deserializer, EXPECTING)?;
    from_scalar(&scalar)
}

/// Serialize a [`Decimal`] as a JSON number.
pub fn serialize<S>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    if value.fract().is_zero() {
        if let Some(i) = value.to_i64() {
            return serializer.serialize_i64(i);
        }
    }
    if let Some(f) = value.to_f64() {
        if parse_number_text(&f.to_string()).as_ref() == Ok(value) {
            return serializer.serialize_f64(f);
        }
    }
    let raw = serde_json::value::RawValue::from_string(value.normalize().to_string())
        .map_err(S::Error::custom)?;
    raw.serialize(serializer)
}

pub(crate) fn from_scalar<E: de::Error>(scalar: &Scalar) -> Result<Decimal, E> {
    let parsed = match scalar {
        Scalar::Number(text) => parse_number_text(text),
        Scalar::Str(text) => parse_decimal_str(text),
        Scalar::Null | Scalar::Bool(_) => Err("expected a decimal number"),
    };
    parsed.map_err(|reason| {
        E::custom(format_args!(
            "invalid decimal {}: {reason}",
            scalar.describe()
        ))
    })
}

/// Parse the text of a JSON number (or a plain numeric string) exactly.
pub(crate) fn parse_number_text(text: &str) -> Result<Decimal, &'static str> {
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() {
        return Err("empty");
    }
    let body = text.strip_prefix('-').unwrap_or(text);
    let mut seen_dot = false;
    let mut seen_exp = false;
    let mut digits = 0usize;
    let mut prev = '\0';
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' if !seen_dot && !seen_exp => seen_dot = true,
            'e' | 'E' if !seen_exp && digits > 0 => seen_exp = true,
            '+' | '-' if matches!(prev, 'e' | 'E') => {}
            _ => return Err("not a number"),
        }
        prev = c;
    }
    if digits == 0 || matches!(prev, 'e' | 'E' | '+' | '-') {
        return Err("not a number");
    }
    if seen_exp {
        Decimal::from_scientific(text).map_err(|_| "out of range")
    } else {
        Decimal::from_str(text).map_err(|_| "out of range")
    }
}

/// Parse a string: trims, then understands decimal commas and thousands groups.
fn parse_decimal_str(raw: &str) -> Result<Decimal, &'static str> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("empty");
    }
    let last_dot = text.rfind('.');
    let last_comma = text.rfind(',');
    let normalized = match (last_dot, last_comma) {
        (None, None) => return parse_number_text(text),
        // "19,99": decimal comma.
        (None, Some(_)) => {
            if text.matches(',').count() > 1 {
                return Err("ambiguous separators");
            }
            text.replacen(',', ".", 1)
        }
        // "1.5" or "1.234.567".
        (Some(_), None) => {
            if text.matches('.').count() == 1 {
                return parse_number_text(text);
            }
            ungroup(text, '.')?
        }
        // "1.234,56": dot groups, comma decimal.
        (Some(dot), Some(comma)) if comma > dot => {
            let (int, frac) = text.split_at(comma);
            format!("{}.{}", ungroup(int, '.')?, &frac[1..])
        }
        // "1,234.56": comma groups, dot decimal.
        (Some(dot), Some(_)) => {
            let (int, frac) = text.split_at(dot);
            format!("{}.{}", ungroup(int, ',')?, &frac[1..])
        }
    };
    parse_number_text(&normalized)
}

/// Remove thousands separators `sep` from an integer part, checking the groups.
fn ungroup(int: &str, sep: char) -> Result<String, &'static str> {
    let unsigned = int.trim_start_matches(['+', '-']);
    let sign = &int[..int.len() - unsigned.len()];
    let mut groups = unsigned.split(sep);
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let mut out = format!("{sign}{first}");
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return Err("malformed digit grouping");
        }
        out.push_str(group);
    }
    if !first_ok || sign.len() > 1 {
        return Err("malformed digit grouping");
    }
    Ok(out)
}

/// `Option<Decimal>`: `null`, `""` (or whitespace) and — with `#[serde(default)]` — a
/// missing field become `None`; anything else is read like [`decimal`](super).
///
/// Serializes `None` as `null` and `Some` as a JSON number.
pub mod option {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    use super::super::scalar::Scalar;

    /// Deserialize an optional [`Decimal`].
    pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<Decimal>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let scalar = Scalar::deserialize(deserializer, super::EXPECTING)?;
        if scalar.is_blank() {
            Ok(None)
        } else {
            super::from_scalar(&scalar).map(Some)
        }
    }

    /// Serialize an optional [`Decimal`] as a JSON number or `null`.
    pub fn serialize<S>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        match value {
            Some(d) => serializer.serialize_some(&AsNumber(d)),
            None => serializer.serialize_none(),
        }
    }

    struct AsNumber<'a>(&'a Decimal);

    impl serde::Serialize for AsNumber<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            super::serialize(self.0, serializer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Price {
        #[serde(with = "crate::codec::decimal")]
        amount: Decimal,
        #[serde(default, with = "crate::codec::decimal::option")]
        discount: Option<Decimal>,
    }

    fn amount(json_value: &str) -> Result<Decimal, serde_json::Error> {
        serde_json::from_str::<Price>(&format!(r#"{{"amount": {json_value}}}"#)).map(|p| p.amount)
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn decimal_from_json_numbers_is_exact() {
        assert_eq!(amount("19.99").unwrap().to_string(), "19.99");
        assert_eq!(amount("0.1").unwrap().to_string(), "0.1");
        assert_eq!(amount("100").unwrap(), dec("100"));
        assert_eq!(amount("-42.50").unwrap().to_string(), "-42.50");
        assert_eq!(amount("1.5e3").unwrap(), dec("1500"));
        assert_eq!(amount("2E-2").unwrap(), dec("0.02"));
        assert_eq!(
            amount("12345678901234567890.123456").unwrap().to_string(),
            "12345678901234567890.123456"
        );
    }

    #[test]
    fn decimal_with_many_fraction_digits_does_not_fail() {
        // More digits than Decimal's 28 significant digits: rounded, not an error or panic.
        let d = amount("0.12345678901234567890123456789012345").unwrap();
        assert!(d.to_string().starts_with("0.123456789012345678901234567"));
    }

    #[test]
    fn decimal_from_strings() {
        assert_eq!(amount(r#""19.99""#).unwrap().to_string(), "19.99");
        assert_eq!(amount(r#"" 19.99 ""#).unwrap().to_string(), "19.99");
        assert_eq!(amount(r#""19,99""#).unwrap().to_string(), "19.99");
        assert_eq!(amount(r#""1.234,56""#).unwrap().to_string(), "1234.56");
        assert_eq!(
            amount(r#""-1.234.567,5""#).unwrap().to_string(),
            "-1234567.5"
        );
        assert_eq!(amount(r#""1,234.56""#).unwrap().to_string(), "1234.56");
        assert_eq!(amount(r#""1.234.567""#).unwrap(), dec("1234567"));
        assert_eq!(amount(r#""+5""#).unwrap(), dec("5"));
        assert_eq!(amount(r#""0""#).unwrap(), Decimal::ZERO);
    }

    #[test]
    fn decimal_rejects_garbage_and_names_the_value() {
        for bad in [
            r#""""#,
            r#""   ""#,
            r#""abc""#,
            r#""19.99TL""#,
            r#""1,2,3""#,
            r#""1.23,4""#,
            r#""12.34.56""#,
            r#""--1""#,
            r#""1e""#,
            r#""NaN""#,
            r#""1_000""#,
            "1e400",
            r#""1e400""#,
            r#""1e99999999999999999999999""#,
            "123456789012345678901234567890123",
            "null",
            "true",
            "{}",
            "[1]",
        ] {
            let err = amount(bad).expect_err(bad);
            let msg = err.to_string();
            assert!(!msg.is_empty());
            if bad.starts_with('"') && bad.len() > 2 && !bad.trim_matches('"').trim().is_empty() {
                assert!(msg.contains(bad.trim_matches('"')), "{bad}: {msg}");
            }
        }
        let msg = amount("1e400").unwrap_err().to_string();
        assert!(msg.contains("1e400"), "{msg}");
    }

    #[test]
    fn decimal_rejects_very_long_input_with_short_message() {
        let long = format!(r#""{}""#, "9".repeat(10_000));
        let msg = amount(&long).unwrap_err().to_string();
        assert!(msg.len() < 300, "{}", msg.len());
    }

    #[test]
    fn decimal_option_blank_and_missing() {
        let p: Price = serde_json::from_str(r#"{"amount": 1}"#).unwrap();
        assert_eq!(p.discount, None);
        let p: Price = serde_json::from_str(r#"{"amount": 1, "discount": null}"#).unwrap();
        assert_eq!(p.discount, None);
        let p: Price = serde_json::from_str(r#"{"amount": 1, "discount": ""}"#).unwrap();
        assert_eq!(p.discount, None);
        let p: Price = serde_json::from_str(r#"{"amount": 1, "discount": " 2,5 "}"#).unwrap();
        assert_eq!(p.discount, Some(dec("2.5")));
        assert!(serde_json::from_str::<Price>(r#"{"amount": 1, "discount": "x"}"#).is_err());
    }

    #[test]
    fn decimal_serializes_as_json_number() {
        let p = Price {
            amount: dec("19.99"),
            discount: Some(dec("100")),
        };
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"amount":19.99,"discount":100}"#
        );
        let p = Price {
            amount: dec("12345678901234567890.123456"),
            discount: None,
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"amount":12345678901234567890.123456,"discount":null}"#
        );
        assert_eq!(serde_json::from_str::<Price>(&json).unwrap(), p);
    }

    #[test]
    fn decimal_behind_flatten_and_untagged_uses_float_text() {
        #[derive(Debug, Deserialize)]
        struct Outer {
            #[serde(flatten)]
            price: Price,
            #[serde(flatten)]
            rest: std::collections::HashMap<String, serde_json::Value>,
        }
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        enum Either {
            Priced(Price),
        }
        let o: Outer =
            serde_json::from_str(r#"{"amount": 19.99, "discount": "0,5", "x": 1}"#).unwrap();
        assert_eq!(o.price.amount.to_string(), "19.99");
        assert_eq!(o.price.discount, Some(dec("0.5")));
        assert_eq!(o.rest.len(), 1);
        let Either::Priced(p) =
            serde_json::from_str(r#"{"amount": 0.1, "discount": null}"#).unwrap();
        assert_eq!(p.amount.to_string(), "0.1");
        assert_eq!(p.discount, None);
        let p: Price = serde_json::from_value(serde_json::json!({"amount": 19.99})).unwrap();
        assert_eq!(p.amount.to_string(), "19.99");
    }

    #[test]
    fn decimal_round_trips() {
        for s in [
            "0",
            "-0.5",
            "19.99",
            "1234.5678",
            "79228162514264337593543950335",
            "0.0000001",
        ] {
            let p = Price {
                amount: dec(s),
                discount: Some(dec(s)),
            };
            let back: Price = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            assert_eq!(back, p, "{s}");
        }
    }
}
