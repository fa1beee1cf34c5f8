//! [`DateTime<Utc>`] from the many date formats the marketplaces send.
//!
//! Use this module with `#[serde(with = "marketplace_core::codec::datetime")]` (serializes
//! as RFC 3339, e.g. `2024-03-01T07:12:00Z`), [`option`] for fields that may be `null`,
//! `""` or missing, or [`epoch_millis`](super::epoch_millis) when the value must go back
//! out as epoch milliseconds. [`parse_datetime`] is the same parser for plain strings.
//!
//! # Accepted input
//!
//! | form | example | meaning |
//! | --- | --- | --- |
//! | JSON integer or all-digit string | `1709277120000`, `"1709277120"` | epoch **milliseconds**; values with absolute value below 10¹¹ are epoch **seconds** (10¹¹ ms is March 1973, 10¹¹ s is the year 5138, so the ranges cannot be confused for real data) |
//! | JSON fractional number | `1709277120.5` | epoch seconds/milliseconds as above, fraction kept to the millisecond |
//! | RFC 3339 / ISO 8601 with offset | `2024-03-01T10:12:00+03:00`, `2024-03-01T07:12:00.123Z`, `2024-03-01 07:12:00Z`, `2024-03-01T10:12:00+0300` | that instant |
//! | RFC 2822 | `Fri, 01 Mar 2024 10:12:00 +0300` | that instant |
//! | date-time without offset | `2024-03-01 10:12`, `2024-03-01 10:12:00`, `2024-03-01T10:12:00.123` | Istanbul local time |
//! | date only | `2024-03-01` | midnight, Istanbul |
//! | Turkish dotted | `01.03.2024`, `1.3.2024 10:12`, `01.03.2024 10:12:30` | Istanbul local time |
//! | Turkish month names | `1 Mart 2024 10:12`, `01 Ocak 2025`, `15 Ağustos 2024 09:05:30` | Istanbul local time |
//!
//! Month names are matched case-insensitively with Turkish letters folded to ASCII, so
//! `Şubat`/`ŞUBAT`/`Subat`, `Ağustos`/`Agustos`, `Eylül`/`Eylul`, `Kasım`/`Kasim`/`KASIM`,
//! `Aralık`/`Aralik`, `Mayıs`/`Mayis`/`MAYIS`, `Nisan`/`NİSAN` all work, as do the
//! three-letter abbreviations (`Oca`, `Şub`, `Mar`, …). A comma after the year
//! (`1 Mart 2024, 10:12`) and a dot after the day (`1. Mart 2024`) are allowed.
//!
//! # Time zone assumption
//!
//! A time written without an offset is taken as **Europe/Istanbul** local time, which has
//! been a fixed UTC+03:00 with no daylight saving since September 2016 ([`ISTANBUL`]).
//! Times from before that date that carry no offset are therefore off by one hour in
//! summer; the marketplaces' own timestamps are all later than that. No time-zone database
//! is used.
//!
//! Anything else — `""`, `"abc"`, `"32 Mart 2024"`, `"2024-13-01"`, `1e400`, `true`,
//! objects — is an error that quotes the input.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Utc};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::de::{self, Deserializer};
use serde::ser::Serializer;

use super::scalar::{Scalar, fold_turkish, quote_limited};

/// Europe/Istanbul: UTC+03:00 all year since September 2016.
pub const ISTANBUL: FixedOffset = match FixedOffset::east_opt(3 * 3600) {
    Some(offset) => offset,
    // Evaluated at compile time: +03:00 is always in range.
    None => panic!("UTC+03:00 is a valid offset"),
};

/// Absolute epoch values below this are seconds, at or above it milliseconds.
pub const EPOCH_SECONDS_LIMIT: i64 = 100_000_000_000;

const EXPECTING: &str = "a date/time string or epoch number";

/// A date/time text that [`parse_datetime`] could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError {
    input: String,
    reason: &'static str,
}

impl ParseDateError {
    fn new(input: &str, reason: &'static str) -> Self {
        Self {
            input: quote_limited(input, false),
            reason,
        }
    }

    /// The input that was refused (cut to 64 characters, with `…` when cut).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Why it was refused, e.g. `unrecognised format` or `out of range`.
    pub fn reason(&self) -> &str {
        self.reason
    }
}

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date/time {:?}: {}", self.input, self.reason)
    }
}

impl std::error::Error for ParseDateError {}

/// Parse a date/time string in any of the forms listed in the [module docs](self).
///
/// ```
/// use marketplace_core::codec::parse_datetime;
///
/// let a = parse_datetime("1 Mart 2024 10:12").unwrap();
/// let b = parse_datetime("2024-03-01T07:12:00Z").unwrap();
/// assert_eq!(a, b);
/// assert_eq!(parse_datetime("1709277120000").unwrap(), b); // epoch millis
/// assert!(parse_datetime("32 Mart 2024").is_err());
/// ```
pub fn parse_datetime(input: &str) -> Result<DateTime<Utc>, ParseDateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(ParseDateError::new(input, "empty"));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return parse_epoch(text).map_err(|reason| ParseDateError::new(input, reason));
    }
    parse_text(text).ok_or_else(|| ParseDateError::new(input, "unrecognised date/time format"))
}

/// Epoch seconds or milliseconds from the text of a number.
pub(crate) fn parse_epoch(text: &str) -> Result<DateTime<Utc>, &'static str> {
    let millis = if let Ok(int) = text.parse::<i64>() {
        if int.unsigned_abs() < EPOCH_SECONDS_LIMIT.unsigned_abs() {
            int.checked_mul(1000).ok_or("out of range")?
        } else {
            int
        }
    } else {
        let dec = super::decimal::parse_number_text(text).map_err(|_| "not an epoch number")?;
        let dec = if dec.abs() < Decimal::from(EPOCH_SECONDS_LIMIT) {
            dec.checked_mul(Decimal::from(1000)).ok_or("out of range")?
        } else {
            dec
        };
        dec.trunc().to_i64().ok_or("out of range")?
    };
    DateTime::from_timestamp_millis(millis).ok_or("out of range")
}

const OFFSET_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
];

const NAIVE_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S%.f",
    "%d.%m.%Y %H:%M",
];

const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%d.%m.%Y"];

fn parse_text(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.to_utc());
    }
    for format in OFFSET_FORMATS {
        if let Ok(dt) = DateTime::parse_from_str(text, format) {
            return Some(dt.to_utc());
        }
    }
    for format in NAIVE_FORMATS {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return istanbul(naive);
        }
    }
    for format in DATE_FORMATS {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return istanbul(date.and_time(NaiveTime::MIN));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(text) {
        return Some(dt.to_utc());
    }
    parse_turkish(text)
}

/// Interpret a wall-clock time as Istanbul local time.
fn istanbul(naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    naive
        .and_local_timezone(ISTANBUL)
        .single()
        .map(|dt| dt.to_utc())
}

/// ASCII-folded Turkish month names, January first.
const MONTHS: [&str; 12] = [
    "ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim",
    "kasim", "aralik",
];

fn month_number(name: &str) -> Option<u32> {
    let folded = fold_turkish(name.trim_end_matches('.'));
    let index = MONTHS.iter().position(|m| *m == folded).or_else(|| {
        (folded.len() == 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(folded.as_str())))
            .flatten()
    })?;
    u32::try_from(index + 1).ok()
}

/// `D MonthName YYYY[ HH:MM[:SS]]`.
fn parse_turkish(text: &str) -> Option<DateTime<Utc>> {
    let cleaned = text.replace(',', " ");
    let mut tokens = cleaned.split_whitespace();
    let day: u32 = tokens.next()?.trim_end_matches('.').parse().ok()?;
    let month = month_number(tokens.next()?)?;
    let year_token = tokens.next()?;
    if year_token.len() != 4 || !year_token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_token.parse().ok()?;
    let time = match tokens.next() {
        None => NaiveTime::MIN,
        Some(t) => NaiveTime::parse_from_str(t, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
            .ok()?,
    };
    if tokens.next().is_some() {
        return None;
    }
    istanbul(NaiveDate::from_ymd_opt(year, month, day)?.and_time(time))
}

pub(crate) fn from_scalar<E: de::Error>(scalar: &Scalar) -> Result<DateTime<Utc>, E> {
    let reason = match scalar {
        Scalar::Str(text) => return parse_datetime(text).map_err(E::custom),
        Scalar::Number(text) => match parse_epoch(text) {
            Ok(dt) => return Ok(dt),
            Err(reason) => reason,
        },
        Scalar::Null | Scalar::Bool(_) => EXPECTING,
    };
    Err(E::custom(format_args!(
        "invalid date/time {}: {reason}",
        scalar.describe()
    )))
}

/// Deserialize a [`DateTime<Utc>`] from any form in the [module docs](self).
pub fn deserialize<'de, D>(deserializer: D) -> Result<DateTime<Utc>, D::Error>
where
    D: Deserializer<'de>,
{
    from_scalar(&Scalar::deserialize(deserializer, EXPECTING)?)
}

/// Serialize as RFC 3339 in UTC, e.g. `2024-03-01T07:12:00Z` (fractional seconds only
/// when present).
pub fn serialize<S>(value: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    serializer.serialize_str(&value.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

pub(crate) fn option_from_scalar<E: de::Error>(
    scalar: &Scalar,
) -> Result<Option<DateTime<Utc>>, E> {
    if scalar.is_blank() {
        Ok(None)
    } else {
        from_scalar(scalar).map(Some)
    }
}

/// `Option<DateTime<Utc>>`: `null`, `""` and — with `#[serde(default)]` — a missing field
/// become `None`; other values are read like [`datetime`](super). Serializes as RFC 3339
/// or `null`.
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serializer};

    use super::super::scalar::Scalar;

    /// Deserialize an optional date/time.
    pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<DateTime<Utc>>, D::Error>
    where
        D: Deserializer<'de>,
    {
        super::option_from_scalar(&Scalar::deserialize(deserializer, super::EXPECTING)?)
    }

    /// Serialize an optional date/time as RFC 3339 or `null`.
    pub fn serialize<S>(value: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        match value {
            Some(dt) => serializer.serialize_some(&AsRfc3339(dt)),
            None => serializer.serialize_none(),
        }
    }

    struct AsRfc3339<'a>(&'a DateTime<Utc>);

    impl serde::Serialize for AsRfc3339<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            super::serialize(self.0, serializer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Event {
        #[serde(with = "crate::codec::datetime")]
        at: DateTime<Utc>,
        #[serde(default, with = "crate::codec::datetime::option")]
        until: Option<DateTime<Utc>>,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Query {
        #[serde(with = "crate::codec::epoch_millis")]
        start: DateTime<Utc>,
        #[serde(default, with = "crate::codec::epoch_millis::option")]
        end: Option<DateTime<Utc>>,
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
    }

    fn p(s: &str) -> DateTime<Utc> {
        parse_datetime(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn at(json_value: &str) -> Result<DateTime<Utc>, serde_json::Error> {
        serde_json::from_str::<Event>(&format!(r#"{{"at": {json_value}}}"#)).map(|e| e.at)
    }

    #[test]
    fn datetime_epoch_millis_and_seconds() {
        let t = utc(2024, 3, 1, 7, 12, 0);
        assert_eq!(at("1709277120000").unwrap(), t);
        assert_eq!(at(r#""1709277120000""#).unwrap(), t);
        assert_eq!(at("1709277120").unwrap(), t, "seconds below 10^11");
        assert_eq!(at(r#"" 1709277120 ""#).unwrap(), t);
        assert_eq!(at("0").unwrap(), DateTime::UNIX_EPOCH);
        assert_eq!(at("99999999999").unwrap().timestamp(), 99_999_999_999);
        assert_eq!(
            at("100000000000").unwrap().timestamp_millis(),
            100_000_000_000
        );
        assert_eq!(
            at("-86400").unwrap(),
            utc(1969, 12, 31, 0, 0, 0),
            "negative seconds"
        );
        assert_eq!(
            at("-100000000000").unwrap().timestamp_millis(),
            -100_000_000_000
        );
        assert_eq!(
            at("1709277120.5").unwrap().timestamp_millis(),
            1_709_277_120_500
        );
        assert_eq!(at("1.70927712e12").unwrap(), t);
    }

    #[test]
    fn datetime_rfc3339_and_offsets() {
        let t = utc(2024, 3, 1, 7, 12, 0);
        assert_eq!(p("2024-03-01T07:12:00Z"), t);
        assert_eq!(p("2024-03-01T10:12:00+03:00"), t);
        assert_eq!(p("2024-03-01T10:12:00+0300"), t);
        assert_eq!(p("2024-03-01 07:12:00Z"), t);
        assert_eq!(p("2024-03-01T10:12+03:00"), t);
        assert_eq!(p("Fri, 01 Mar 2024 10:12:00 +0300"), t);
        assert_eq!(
            p("2024-03-01T07:12:00.123Z").timestamp_millis(),
            t.timestamp_millis() + 123
        );
    }

    #[test]
    fn datetime_naive_forms_are_istanbul_time() {
        let t = utc(2024, 3, 1, 7, 12, 0);
        assert_eq!(p("2024-03-01 10:12"), t);
        assert_eq!(p("2024-03-01 10:12:00"), t);
        assert_eq!(p("2024-03-01T10:12:00"), t);
        assert_eq!(p("2024-03-01T10:12"), t);
        assert_eq!(
            p("2024-03-01T10:12:00.250").timestamp_millis(),
            t.timestamp_millis() + 250
        );
        assert_eq!(
            p("2024-03-01T10:12:00.1234567").timestamp_subsec_nanos(),
            123_456_700
        );
        assert_eq!(p("2024-03-01"), utc(2024, 2, 29, 21, 0, 0));
        assert_eq!(p("01.03.2024"), utc(2024, 2, 29, 21, 0, 0));
        assert_eq!(p("1.3.2024 10:12"), t);
        assert_eq!(p("01.03.2024 10:12:30"), utc(2024, 3, 1, 7, 12, 30));
        assert_eq!(p("  2024-03-01 10:12  "), t);
    }

    #[test]
    fn datetime_turkish_month_names_each_month() {
        let names = [
            ["Ocak", "OCAK", "ocak"],
            ["Şubat", "ŞUBAT", "Subat"],
            ["Mart", "MART", "mart"],
            ["Nisan", "NİSAN", "NISAN"],
            ["Mayıs", "MAYIS", "Mayis"],
            ["Haziran", "HAZİRAN", "haziran"],
            ["Temmuz", "TEMMUZ", "temmuz"],
            ["Ağustos", "AĞUSTOS", "Agustos"],
            ["Eylül", "EYLÜL", "Eylul"],
            ["Ekim", "EKİM", "EKIM"],
            ["Kasım", "KASIM", "Kasim"],
            ["Aralık", "ARALIK", "Aralik"],
        ];
        for (index, variants) in names.iter().enumerate() {
            let month = u32::try_from(index + 1).unwrap();
            let expected = utc(2024, month, 14, 21, 0, 0);
            for name in variants {
                assert_eq!(p(&format!("15 {name} 2024")), expected, "{name}");
            }
            let abbrev: String = variants[0].chars().take(3).collect();
            assert_eq!(p(&format!("15 {abbrev} 2024")), expected, "{abbrev}");
        }
    }

    #[test]
    fn datetime_turkish_with_times() {
        assert_eq!(p("1 Mart 2024 10:12"), utc(2024, 3, 1, 7, 12, 0));
        assert_eq!(p("01 Ocak 2025"), utc(2024, 12, 31, 21, 0, 0));
        assert_eq!(p("15 Ağustos 2024 09:05:30"), utc(2024, 8, 15, 6, 5, 30));
        assert_eq!(p("1. Mart 2024, 10:12"), utc(2024, 3, 1, 7, 12, 0));
        assert_eq!(p("29 Şubat 2024 23:59:59"), utc(2024, 2, 29, 20, 59, 59));
    }

    #[test]
    fn datetime_rejects_garbage() {
        let long = "9".repeat(5000) + "x";
        for bad in [
            "",
            "   ",
            "abc",
            "32 Mart 2024",
            "29 Şubat 2023",
            "0 Mart 2024",
            "1 Martt 2024",
            "1 Mart 24",
            "1 Mart 2024 25:00",
            "1 Mart 2024 10:12 extra",
            "2024-13-01",
            "2024-02-30",
            "2024-03-01 24:00",
            "31.04.2024",
            "99999999999999999999999",
            "-",
            "1e400",
            "2024-03-01T10:12:00+99:00",
            long.as_str(),
        ] {
            let err = parse_datetime(bad).expect_err(bad);
            assert!(err.to_string().len() < 200, "{bad}: {err}");
            assert!(bad.starts_with(err.input().trim_end_matches('…')));
        }
        for bad in [
            "1e400",
            "true",
            "null",
            "{}",
            "[]",
            "\"\"",
            "\"32 Mart 2024\"",
            "9223372036854775807",
        ] {
            assert!(at(bad).is_err(), "{bad}");
        }
        let msg = at("\"2024-13-01\"").unwrap_err().to_string();
        assert!(msg.contains("2024-13-01"), "{msg}");
        let msg = at("1e400").unwrap_err().to_string();
        assert!(msg.contains("1e400"), "{msg}");
    }

    #[test]
    fn datetime_serializes_rfc3339_and_option() {
        let e = Event {
            at: utc(2024, 3, 1, 7, 12, 0),
            until: None,
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"at":"2024-03-01T07:12:00Z","until":null}"#);
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
        let e: Event = serde_json::from_str(r#"{"at": 0, "until": ""}"#).unwrap();
        assert_eq!(e.until, None);
        let e: Event = serde_json::from_str(r#"{"at": 0, "until": "01.03.2024"}"#).unwrap();
        assert_eq!(e.until, Some(utc(2024, 2, 29, 21, 0, 0)));
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"at":"1970-01-01T00:00:00Z","until":"2024-02-29T21:00:00Z"}"#
        );
    }

    #[test]
    fn epoch_millis_round_trip() {
        let q: Query =
            serde_json::from_str(r#"{"start": "1 Mart 2024 10:12", "end": null}"#).unwrap();
        assert_eq!(q.start, utc(2024, 3, 1, 7, 12, 0));
        assert_eq!(q.end, None);
        assert_eq!(
            serde_json::to_string(&q).unwrap(),
            r#"{"start":1709277120000,"end":null}"#
        );
        let q: Query =
            serde_json::from_str(r#"{"start": 1709277120000, "end": "1709277120"}"#).unwrap();
        assert_eq!(q.end, Some(q.start));
        assert_eq!(
            serde_json::to_string(&q).unwrap(),
            r#"{"start":1709277120000,"end":1709277120000}"#
        );
        assert!(serde_json::from_str::<Query>(r#"{"start": "yesterday"}"#).is_err());
    }

    #[test]
    fn istanbul_is_plus_three() {
        assert_eq!(ISTANBUL.local_minus_utc(), 3 * 3600);
    }
}
