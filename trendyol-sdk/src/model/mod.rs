//! Serde types for every Trendyol area, with Trendyol's own field names.
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
pub mod product;
pub mod question;
