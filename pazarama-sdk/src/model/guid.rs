//! Lenient (de)serialization of Pazarama's GUIDs as [`Uuid`].
//!
//! Pazarama's own samples carry GUIDs with stray whitespace (`"ee2e2559-…-08d9cb9100ab "`
//! in §3.21), so decoding trims before parsing; any of the forms [`Uuid::parse_str`]
//! accepts (hyphenated, simple, braced, `urn:uuid:`, any case) is taken. GUIDs are sent
//! as the hyphenated lower-case string.
//!
//! Use with `#[serde(with = "crate::model::guid")]` for a required id,
//! `#[serde(default, with = "crate::model::guid::option")]` for an optional one (`null`,
//! missing and a blank string are `None`) and
//! `#[serde(default, with = "crate::model::guid::vec")]` for a list (`null` is empty).

use serde::{Deserialize, Deserializer, Serializer};
use uuid::Uuid;

use crate::{Error, Result};

/// Parse `value` (trimmed) as a GUID; anything else is [`Error::InvalidInput`] naming
/// `field`.
pub fn parse(field: &str, value: &str) -> Result<Uuid> {
    Uuid::parse_str(value.trim())
        .map_err(|_| Error::invalid_input(field, format!("{value:?} is not a Pazarama id (GUID)")))
}

/// [`Error::InvalidInput`] naming `field` when `id` is the nil GUID (what a
/// `Default` request holds before the id is set).
pub(crate) fn check_set(field: &str, id: &Uuid) -> Result<()> {
    if id.is_nil() {
        Err(Error::invalid_input(field, "is required"))
    } else {
        Ok(())
    }
}

fn from_text<E: serde::de::Error>(text: &str) -> std::result::Result<Uuid, E> {
    Uuid::parse_str(text.trim()).map_err(|e| E::custom(format!("{text:?} is not a GUID: {e}")))
}

/// Serialize a GUID as the hyphenated lower-case string.
pub fn serialize<S: Serializer>(id: &Uuid, serializer: S) -> std::result::Result<S::Ok, S::Error> {
    serializer.collect_str(&id.hyphenated())
}

/// Deserialize a GUID from a string, ignoring surrounding whitespace.
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Uuid, D::Error> {
    let text = String::deserialize(deserializer)?;
    from_text(&text)
}

/// An optional GUID: `null`, a missing field or a blank string are `None`.
pub mod option {
    use super::*;

    /// Serialize `Some` as the hyphenated lower-case string, `None` as `null`.
    pub fn serialize<S: Serializer>(
        id: &Option<Uuid>,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match id {
            Some(id) => serializer.collect_str(&id.hyphenated()),
            None => serializer.serialize_none(),
        }
    }

    /// Deserialize `null`, a blank string or a GUID (whitespace ignored).
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Option<Uuid>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) if text.trim().is_empty() => Ok(None),
            Some(text) => from_text(&text).map(Some),
        }
    }
}

/// A list of GUIDs: `null` is an empty list; each entry is trimmed before parsing.
pub mod vec {
    use super::*;

    /// Serialize as a list of hyphenated lower-case strings.
    pub fn serialize<S: Serializer>(
        ids: &[Uuid],
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(ids.iter().map(|id| id.hyphenated().to_string()))
    }

    /// Deserialize `null` or a list of GUID strings.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Vec<Uuid>, D::Error> {
        Option::<Vec<String>>::deserialize(deserializer)?
            .unwrap_or_default()
            .iter()
            .map(|text| from_text(text))
            .collect()
    }
}

/// A bare GUID decoded leniently, e.g. the `data` of the price/stock update answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub(crate) struct Guid(#[serde(deserialize_with = "deserialize")] pub(crate) Uuid);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use serde::{Deserialize, Serialize};
    use uuid::Uuid;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Ids {
        #[serde(with = "super")]
        one: Uuid,
        #[serde(default, with = "super::option")]
        maybe: Option<Uuid>,
        #[serde(default, with = "super::vec")]
        many: Vec<Uuid>,
    }

    const ID: &str = "ee2e2559-25f2-4872-595b-08d9cb9100ab";

    #[test]
    fn trailing_space_upper_case_blank_and_null_are_tolerated() {
        let ids: Ids = serde_json::from_value(serde_json::json!({
            "one": format!("{ID} "),
            "maybe": " ",
            "many": [format!(" {}", ID.to_uppercase())],
        }))
        .unwrap();
        let id: Uuid = ID.parse().unwrap();
        assert_eq!(ids.one, id);
        assert_eq!(ids.maybe, None);
        assert_eq!(ids.many, vec![id]);

        let ids: Ids =
            serde_json::from_value(serde_json::json!({ "one": ID, "maybe": null, "many": null }))
                .unwrap();
        assert_eq!((ids.maybe, ids.many.len()), (None, 0));
    }

    #[test]
    fn serializes_hyphenated_lower_case() {
        let id: Uuid = ID.parse().unwrap();
        let json = serde_json::to_value(Ids {
            one: id,
            maybe: Some(id),
            many: vec![id],
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "one": ID, "maybe": ID, "many": [ID] })
        );
    }

    #[test]
    fn a_non_guid_is_an_error_naming_the_value() {
        let err = serde_json::from_value::<Ids>(serde_json::json!({
            "one": "xy9bf337-83yx-4617-xy46-08d97204yx6d"
        }))
        .unwrap_err();
        assert!(err.to_string().contains("xy9bf337"), "{err}");
    }

    #[test]
    fn parse_names_the_field() {
        let err = super::parse("brand_id", "not-a-guid").unwrap_err();
        assert!(err.to_string().contains("brand_id"), "{err}");
        assert_eq!(
            super::parse("x", &format!(" {ID} ")).unwrap().to_string(),
            ID
        );
    }
}
