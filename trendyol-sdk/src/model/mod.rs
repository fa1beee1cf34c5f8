//! Serde types for Trendyol's requests and responses, one module per area.
//!
//! Field names are exactly Trendyol's (serde renames); money is
//! [`rust_decimal::Decimal`], dates are [`chrono::DateTime<chrono::Utc>`] read from epoch
//! milliseconds, ids that can exceed `u64` are [`marketplace_core::codec::Id`], and
//! status enums keep values this version does not know.

pub mod orders;
pub mod sellers;
pub mod webhooks;

/// `null` (or a missing field with `#[serde(default)]`) as the type's default, e.g. an
/// empty `Vec` for `"originPackageIds": null`.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + serde::Deserialize<'de>,
{
    Ok(<Option<T> as serde::Deserialize>::deserialize(deserializer)?.unwrap_or_default())
}
