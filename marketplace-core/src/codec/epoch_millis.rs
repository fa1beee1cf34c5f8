//! [`DateTime<Utc>`] that goes out as epoch milliseconds (a JSON integer).
//!
//! For request bodies and query strings that want millis. Deserializing is as lenient as
//! [`datetime`](super::datetime): epoch millis or seconds, RFC 3339, Istanbul local
//! formats, Turkish month names.

use chrono::{DateTime, Utc};
use serde::{Deserializer, Serializer};

use super::scalar::Scalar;

const EXPECTING: &str = "an epoch number or date/time string";

/// Deserialize a [`DateTime<Utc>`] (same rules as [`datetime`](super::datetime)).
pub fn deserialize<'de, D>(deserializer: D) -> Result<DateTime<Utc>, D::Error>
where
    D: Deserializer<'de>,
{
    super::datetime::from_scalar(&Scalar::deserialize(deserializer, EXPECTING)?)
}

/// Serialize as epoch milliseconds (`i64`).
pub fn serialize<S>(value: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    serializer.serialize_i64(value.timestamp_millis())
}

/// `Option<DateTime<Utc>>` as epoch milliseconds: `null`, `""` and (with
/// `#[serde(default)]`) a missing field are `None`; `None` serializes as `null`.
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serializer};

    use super::super::scalar::Scalar;

    /// Deserialize an optional date/time (same rules as [`datetime`](crate::codec::datetime)).
    pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<DateTime<Utc>>, D::Error>
    where
        D: Deserializer<'de>,
    {
        super::super::datetime::option_from_scalar(&Scalar::deserialize(
            deserializer,
            super::EXPECTING,
        )?)
    }

    /// Serialize an optional date/time as epoch milliseconds or `null`.
    pub fn serialize<S>(value: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        match value {
            Some(dt) => serializer.serialize_some(&dt.timestamp_millis()),
            None => serializer.serialize_none(),
        }
    }
}
