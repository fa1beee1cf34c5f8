//! Booleans, integers and strings that arrive in the "wrong" JSON type.
//!
//! - [`bool`](mod@bool): `true`/`false`, `1`/`0`, and the strings `"true"`, `"false"`,
//!   `"1"`, `"0"`, `"yes"`, `"no"`, `"evet"`, `"hayır"` (trimmed, case-insensitive,
//!   Turkish letters folded: `"HAYIR"`, `"hayir"`, `"EVET"` work).
//! - [`int`]: any integer type (`u8` … `u64`, `i8` … `i64`, `usize`, `i128`) from a JSON
//!   number or a numeric string (`42`, `"42"`, `" 42 "`, `"+42"`, `42.0`, `"4.2e1"`). A
//!   value that does not fit the target type, or has a fraction, is an error — never a
//!   wrap-around or a truncation.
//! - [`string`]: a string, or a number kept as its exact JSON text (`12345678901234567890123`
//!   stays `"12345678901234567890123"`, `1.50` stays `"1.50"`).
//!
//! Each has an `option` submodule where `null` and (with `#[serde(default)]`) a missing
//! field are `None`; for `bool::option` and `int::option` an empty or blank string is
//! `None` too, while `string::option` keeps `""` as `Some("")`.
//!
//! ```
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Line {
//!     #[serde(with = "marketplace_core::codec::lenient::int")]
//!     quantity: u32,
//!     #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
//!     vat_rate: Option<u8>,
//!     #[serde(with = "marketplace_core::codec::lenient::bool")]
//!     gift: bool,
//!     #[serde(with = "marketplace_core::codec::lenient::string")]
//!     barcode: String,
//! }
//!
//! let line: Line = serde_json::from_str(
//!     r#"{"quantity": "3", "vat_rate": "", "gift": "Evet", "barcode": 8680000000017}"#,
//! )?;
//! assert_eq!((line.quantity, line.vat_rate, line.gift), (3, None, true));
//! assert_eq!(line.barcode, "8680000000017");
//! # Ok::<(), serde_json::Error>(())
//! ```

use rust_decimal::prelude::ToPrimitive;

/// Lenient `bool`; see the [module docs](super) for the accepted values.
pub mod bool {
    use serde::de::{self, Deserializer};
    use serde::ser::Serializer;

    use super::super::scalar::{Scalar, fold_turkish};

    const EXPECTING: &str = "a boolean, 1/0 or a yes/no string";

    pub(super) fn from_scalar<E: de::Error>(scalar: &Scalar) -> Result<::core::primitive::bool, E> {
        let parsed = match scalar {
            Scalar::Bool(b) => Some(*b),
            Scalar::Number(n) => match n.as_str() {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            },
            Scalar::Str(s) => match fold_turkish(s.trim()).as_str() {
                "true" | "1" | "yes" | "evet" => Some(true),
                "false" | "0" | "no" | "hayir" => Some(false),
                _ => None,
            },
            Scalar::Null => None,
        };
        parsed.ok_or_else(|| E::custom(format_args!("invalid boolean {}", scalar.describe())))
    }

    /// Deserialize a lenient boolean.
    pub fn deserialize<'de, D>(deserializer: D) -> Result<::core::primitive::bool, D::Error>
    where
        D: Deserializer<'de>,
    {
        from_scalar(&Scalar::deserialize(deserializer, EXPECTING)?)
    }

    /// Serialize as a JSON boolean.
    pub fn serialize<S>(value: &::core::primitive::bool, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        serializer.serialize_bool(*value)
    }

    /// Optional lenient `bool`: `null`, `""` and a missing field (with
    /// `#[serde(default)]`) are `None`.
    pub mod option {
        use serde::{Deserializer, Serializer};

        use super::super::super::scalar::Scalar;

        /// Deserialize an optional lenient boolean.
        pub fn deserialize<'de, D>(
            deserializer: D,
        ) -> Result<Option<::core::primitive::bool>, D::Error>
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

        /// Serialize as a JSON boolean or `null`.
        pub fn serialize<S>(
            value: &Option<::core::primitive::bool>,
            serializer: S,
        ) -> Result<S::Ok, S::Error>
        where
            S: Serializer,
        {
            match value {
                Some(b) => serializer.serialize_some(b),
                None => serializer.serialize_none(),
            }
        }
    }
}

/// Lenient integers of any type that implements `TryFrom<i128>`.
pub mod int {
    use serde::de::{Deserializer, Error};
    use serde::ser::{Serialize, Serializer};

    use super::super::scalar::Scalar;

    const EXPECTING: &str = "an integer or numeric string";

    pub(super) fn from_scalar<T, E>(scalar: &Scalar) -> Result<T, E>
    where
        T: TryFrom<i128>,
        E: Error,
    {
        let wide = match scalar {
            Scalar::Number(text) | Scalar::Str(text) => super::parse_i128(text.trim()),
            Scalar::Null | Scalar::Bool(_) => Err("expected an integer"),
        };
        wide.and_then(|v| T::try_from(v).map_err(|_| "out of range"))
            .map_err(|reason| {
                E::custom(format_args!(
                    "invalid {} {}: {reason}",
                    std::any::type_name::<T>(),
                    scalar.describe()
                ))
            })
    }

    /// Deserialize an integer of type `T` from a number or numeric string.
    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: TryFrom<i128>,
    {
        from_scalar(&Scalar::deserialize(deserializer, EXPECTING)?)
    }

    /// Serialize as a JSON number.
    pub fn serialize<S, T>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        T: Serialize,
    {
        value.serialize(serializer)
    }

    /// Optional lenient integer: `null`, `""` and a missing field (with
    /// `#[serde(default)]`) are `None`.
    pub mod option {
        use serde::{Deserializer, Serialize, Serializer};

        use super::super::super::scalar::Scalar;

        /// Deserialize an optional integer of type `T`.
        pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
        where
            D: Deserializer<'de>,
            T: TryFrom<i128>,
        {
            let scalar = Scalar::deserialize(deserializer, super::EXPECTING)?;
            if scalar.is_blank() {
                Ok(None)
            } else {
                super::from_scalar(&scalar).map(Some)
            }
        }

        /// Serialize as a JSON number or `null`.
        pub fn serialize<S, T>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
        where
            S: Serializer,
            T: Serialize,
        {
            value.serialize(serializer)
        }
    }
}

/// A string, or a JSON number kept as its exact text.
pub mod string {
    use serde::de::{Deserializer, Error};
    use serde::ser::Serializer;

    use super::super::scalar::Scalar;

    const EXPECTING: &str = "a string or number";

    pub(super) fn from_scalar<E: Error>(scalar: Scalar) -> Result<String, E> {
        match scalar {
            Scalar::Str(s) | Scalar::Number(s) => Ok(s),
            other => Err(E::custom(format_args!(
                "invalid string {}: expected a string or number",
                other.describe()
            ))),
        }
    }

    /// Deserialize a string, keeping a number's text.
    pub fn deserialize<'de, D>(deserializer: D) -> Result<String, D::Error>
    where
        D: Deserializer<'de>,
    {
        from_scalar(Scalar::deserialize(deserializer, EXPECTING)?)
    }

    /// Serialize as a JSON string.
    pub fn serialize<S>(value: &str, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        serializer.serialize_str(value)
    }

    /// Optional string-or-number: `null` and a missing field (with `#[serde(default)]`)
    /// are `None`; `""` stays `Some("")`.
    pub mod option {
        use serde::{Deserializer, Serializer};

        use super::super::super::scalar::Scalar;

        /// Deserialize an optional string, keeping a number's text.
        pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
        where
            D: Deserializer<'de>,
        {
            match Scalar::deserialize(deserializer, super::EXPECTING)? {
                Scalar::Null => Ok(None),
                other => super::from_scalar(other).map(Some),
            }
        }

        /// Serialize as a JSON string or `null`.
        pub fn serialize<S>(value: &Option<String>, serializer: S) -> Result<S::Ok, S::Error>
        where
            S: Serializer,
        {
            match value {
                Some(s) => serializer.serialize_some(s.as_str()),
                None => serializer.serialize_none(),
            }
        }
    }
}

/// An integer from number text: plain digits exactly, otherwise a decimal with no fraction.
fn parse_i128(text: &str) -> Result<i128, &'static str> {
    let plain = text.strip_prefix('+').unwrap_or(text);
    let digits = plain.strip_prefix('-').unwrap_or(plain);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return plain.parse::<i128>().map_err(|_| "out of range");
    }
    let dec = super::decimal::parse_number_text(text).map_err(|_| "not an integer")?;
    if !dec.fract().is_zero() {
        return Err("has a fractional part");
    }
    dec.to_i128().ok_or("out of range")
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Flags {
        #[serde(with = "crate::codec::lenient::bool")]
        on: bool,
        #[serde(default, with = "crate::codec::lenient::bool::option")]
        maybe: Option<bool>,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Ints {
        #[serde(with = "crate::codec::lenient::int")]
        small: u8,
        #[serde(with = "crate::codec::lenient::int")]
        signed: i32,
        #[serde(with = "crate::codec::lenient::int")]
        big: u64,
        #[serde(default, with = "crate::codec::lenient::int::option")]
        opt: Option<i64>,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Texts {
        #[serde(with = "crate::codec::lenient::string")]
        code: String,
        #[serde(default, with = "crate::codec::lenient::string::option")]
        note: Option<String>,
    }

    fn on(v: &str) -> Result<bool, serde_json::Error> {
        serde_json::from_str::<Flags>(&format!(r#"{{"on": {v}}}"#)).map(|f| f.on)
    }

    fn maybe(v: &str) -> Result<Option<bool>, serde_json::Error> {
        serde_json::from_str::<Flags>(&format!(r#"{{"on": true, "maybe": {v}}}"#)).map(|f| f.maybe)
    }

    #[test]
    fn lenient_bool_accepts_many_spellings() {
        for t in [
            "true",
            "1",
            r#""true""#,
            r#""TRUE""#,
            r#""1""#,
            r#""yes""#,
            r#""Yes""#,
            r#""evet""#,
            r#""EVET""#,
            r#"" Evet ""#,
        ] {
            assert!(on(t).unwrap(), "{t}");
        }
        for f in [
            "false",
            "0",
            r#""false""#,
            r#""False""#,
            r#""0""#,
            r#""no""#,
            r#""NO""#,
            r#""hayır""#,
            r#""HAYIR""#,
            r#""hayir""#,
            r#""Hayır""#,
        ] {
            assert!(!on(f).unwrap(), "{f}");
        }
    }

    #[test]
    fn lenient_bool_rejects_garbage() {
        for bad in [
            "2",
            "-1",
            "1.5",
            "null",
            r#""""#,
            r#""maybe""#,
            r#""tru""#,
            r#""10""#,
            "[]",
            "{}",
        ] {
            let err = on(bad).expect_err(bad);
            assert!(
                err.to_string().contains("boolean") || err.to_string().contains("expected"),
                "{err}"
            );
        }
        assert!(on(r#""maybe""#).unwrap_err().to_string().contains("maybe"));
    }

    #[test]
    fn lenient_bool_option() {
        assert_eq!(maybe("null").unwrap(), None);
        assert_eq!(maybe(r#""""#).unwrap(), None);
        assert_eq!(maybe(r#""hayır""#).unwrap(), Some(false));
        assert_eq!(maybe("1").unwrap(), Some(true));
        assert!(maybe(r#""x""#).is_err());
        let f: Flags = serde_json::from_str(r#"{"on": "1"}"#).unwrap();
        assert_eq!(f.maybe, None);
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"on":true,"maybe":null}"#
        );
    }

    fn ints(small: &str, signed: &str, big: &str, opt: &str) -> Result<Ints, serde_json::Error> {
        serde_json::from_str(&format!(
            r#"{{"small": {small}, "signed": {signed}, "big": {big}, "opt": {opt}}}"#
        ))
    }

    #[test]
    fn lenient_int_from_numbers_and_strings() {
        let v = ints(
            "255",
            "-2147483648",
            "18446744073709551615",
            "-9223372036854775808",
        )
        .unwrap();
        assert_eq!(
            v,
            Ints {
                small: 255,
                signed: i32::MIN,
                big: u64::MAX,
                opt: Some(i64::MIN)
            }
        );
        let v = ints(r#""7""#, r#"" -12 ""#, r#""18446744073709551615""#, r#""""#).unwrap();
        assert_eq!(
            v,
            Ints {
                small: 7,
                signed: -12,
                big: u64::MAX,
                opt: None
            }
        );
        let v = ints("3.0", r#""+5""#, "1e3", "null").unwrap();
        assert_eq!(
            v,
            Ints {
                small: 3,
                signed: 5,
                big: 1000,
                opt: None
            }
        );
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"small":3,"signed":5,"big":1000,"opt":null}"#
        );
        let v: Ints = serde_json::from_str(r#"{"small": 1, "signed": 1, "big": 1}"#).unwrap();
        assert_eq!(v.opt, None);
    }

    #[test]
    fn lenient_int_out_of_range_is_error_not_wrap() {
        let cases = [
            ("256", "0", "0", "null", "u8"),
            ("-1", "0", "0", "null", "u8"),
            ("0", "2147483648", "0", "null", "i32"),
            ("0", "0", "18446744073709551616", "null", "u64"),
            ("0", "0", "-1", "null", "u64"),
            ("0", "0", r#""7260001151141191123456""#, "null", "u64"),
            ("0", "0", "0", "9223372036854775808", "i64"),
            ("0", "0", "0", "1e400", "i64"),
            (
                "0",
                "0",
                "0",
                "123456789012345678901234567890123456789012",
                "i64",
            ),
        ];
        for (a, b, c, d, ty) in cases {
            let err = ints(a, b, c, d).expect_err(&format!("{a} {b} {c} {d}"));
            let msg = err.to_string();
            assert!(msg.contains(ty), "{msg}");
        }
    }

    #[test]
    fn lenient_int_rejects_garbage() {
        for bad in [
            "1.5",
            r#""1.5""#,
            r#""abc""#,
            r#""""#,
            "null",
            "true",
            r#""12abc""#,
            r#""1,000""#,
            r#""--1""#,
            "[1]",
        ] {
            assert!(ints(bad, "0", "0", "null").is_err(), "{bad}");
        }
        let long = format!(r#""{}""#, "1".repeat(10_000));
        let msg = ints(&long, "0", "0", "null").unwrap_err().to_string();
        assert!(msg.len() < 300);
    }

    #[test]
    fn lenient_string_keeps_number_text() {
        let t: Texts =
            serde_json::from_str(r#"{"code": 7260001151141191123456, "note": 1.50}"#).unwrap();
        assert_eq!(t.code, "7260001151141191123456");
        assert_eq!(t.note.as_deref(), Some("1.50"));
        let t: Texts = serde_json::from_str(r#"{"code": "ABC-1", "note": ""}"#).unwrap();
        assert_eq!(t.note.as_deref(), Some(""));
        let t: Texts = serde_json::from_str(r#"{"code": -3, "note": null}"#).unwrap();
        assert_eq!(
            t,
            Texts {
                code: "-3".into(),
                note: None
            }
        );
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"code":"-3","note":null}"#
        );
        let t: Texts = serde_json::from_str(r#"{"code": "x"}"#).unwrap();
        assert_eq!(t.note, None);
        for bad in ["null", "true", "{}", "[]"] {
            assert!(
                serde_json::from_str::<Texts>(&format!(r#"{{"code": {bad}}}"#)).is_err(),
                "{bad}"
            );
        }
    }
}
