//! Serde types for Trendyol's requests and responses, one module per area.
//!
//! Field names are exactly Trendyol's (serde renames); money is
//! [`rust_decimal::Decimal`], dates are [`chrono::DateTime<chrono::Utc>`] read from epoch
//! milliseconds, ids that can exceed `u64` are [`marketplace_core::codec::Id`], and
//! status enums keep values this version does not know.
//!
//! Nothing here knows about HTTP; the endpoint groups in [`crate::api`] send and receive
//! these types.

/// Builder-style setters for query structs whose fields are `Option`s.
macro_rules! query_setters {
    ($ty:ty { $( $(#[$m:meta])* $name:ident : $kind:tt ),* $(,)? }) => {
        impl $ty {
            $( query_setters!(@one $(#[$m])* $name : $kind); )*
        }
    };
    (@one $(#[$m:meta])* $name:ident : string) => {
        $(#[$m])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(value.into());
            self
        }
    };
    (@one $(#[$m:meta])* $name:ident : date) => {
        $(#[$m])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<DateTime<Utc>>) -> Self {
            self.$name = Some(value.into());
            self
        }
    };
    (@one $(#[$m:meta])* $name:ident : u32) => {
        $(#[$m])*
        #[must_use]
        pub fn $name(mut self, value: u32) -> Self {
            self.$name = Some(value);
            self
        }
    };
    (@one $(#[$m:meta])* $name:ident : i64) => {
        $(#[$m])*
        #[must_use]
        pub fn $name(mut self, value: i64) -> Self {
            self.$name = Some(value);
            self
        }
    };
}

pub mod batch;
pub mod claim;
pub mod finance;
pub mod inventory;
pub mod orders;
pub mod product;
pub mod question;
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
