//! Forward-compatible enums for marketplace status values.
//!
//! Marketplaces add statuses without notice. [`string_enum!`](crate::string_enum) and
//! [`code_enum!`](crate::code_enum) declare `#[non_exhaustive]` enums whose last variant
//! *keeps* an unknown value (`Other(String)` / `Unknown(i64)`), so a new status is data,
//! never a decode failure, and serializes back exactly as received. Both generate
//! `KNOWN`, `as_str()`/`code()`, `Display`, `FromStr` / `From`, and serde impls that agree.
//!
//! ```
//! marketplace_core::string_enum! {
//!     /// A package status.
//!     pub enum PackageStatus {
//!         /// Created.
//!         Created = "Created",
//!         /// Shipped.
//!         Shipped = "Shipped",
//!     }
//!     /// A status this version does not know.
//!     Other(String)
//! }
//! marketplace_core::code_enum! {
//!     /// An item status code.
//!     pub enum ItemStatus {
//!         /// Awaiting approval.
//!         Waiting = 3,
//!         /// Shipped.
//!         Shipped = 5,
//!     }
//!     /// A code this version does not know.
//!     Unknown(i64)
//! }
//! let s: PackageStatus = serde_json::from_str("\"AtCollectionPoint\"").unwrap();
//! assert_eq!(s, PackageStatus::Other("AtCollectionPoint".into()));
//! assert_eq!(serde_json::to_string(&s).unwrap(), "\"AtCollectionPoint\"");
//! let c: ItemStatus = serde_json::from_str("\"5\"").unwrap(); // codes may come as strings
//! assert_eq!(c, ItemStatus::Shipped);
//! assert_eq!(serde_json::to_string(&ItemStatus::Unknown(99)).unwrap(), "99");
//! ```

/// Declare a string-valued enum that keeps unknown values (see the [module docs](crate::enums)).
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
        $(#[$ometa:meta])* $other:ident(String)
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            $(#[$ometa])* $other(String),
        }

        impl $name {
            /// Every variant except the catch-all, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The stable wire string of this value; for the catch-all, the value it kept.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::$other(raw) => raw,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            /// Exact (case-sensitive) match of a known wire string, otherwise the catch-all
            /// variant keeping `s`.
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(match s {
                    $( $wire => $name::$variant, )+
                    other => $name::$other(other.to_owned()),
                })
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s.parse() {
                    Ok(value) => value,
                    Err(never) => match never {},
                }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name::from(s.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let raw = <::std::borrow::Cow<'de, str> as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                Ok($name::from(raw.as_ref()))
            }
        }
    };
}

/// Declare an integer-coded enum that keeps unknown codes (see the [module docs](crate::enums)).
///
/// Deserializes from a JSON integer or a numeric string; serializes as an integer.
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+
        }
        $(#[$ometa:meta])* $other:ident(i64)
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            $(#[$ometa])* $other(i64),
        }

        impl $name {
            /// Every variant except the catch-all, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The numeric code of this value; for the catch-all, the code it kept.
            pub fn code(&self) -> i64 {
                match self {
                    $( $name::$variant => $code, )+
                    $name::$other(raw) => *raw,
                }
            }

            /// The value for `code` (the catch-all for codes this version does not know).
            pub fn from_code(code: i64) -> Self {
                match code {
                    $( $code => $name::$variant, )+
                    other => $name::$other(other),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}", self.code())
            }
        }

        impl From<i64> for $name {
            fn from(code: i64) -> Self {
                $name::from_code(code)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::num::ParseIntError;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                s.trim().parse::<i64>().map($name::from_code)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.code())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let code: i64 = $crate::codec::lenient::int::deserialize(deserializer)?;
                Ok($name::from_code(code))
            }
        }
    };
}

#[cfg(test)]
#[allow(unreachable_pub)]
mod tests {
    crate::code_enum! {
        /// Test codes.
        pub enum Code {
            /// One.
            One = 1,
            /// Twelve.
            Twelve = 12,
        }
        /// Unknown.
        Unknown(i64)
    }

    #[test]
    fn code_enum_serde_and_from_str_agree() {
        for c in Code::KNOWN.iter().copied().chain([Code::Unknown(77)]) {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), c);
            assert_eq!(c.to_string().parse::<Code>().unwrap(), c);
            let quoted = format!("\"{}\"", c.code());
            assert_eq!(serde_json::from_str::<Code>(&quoted).unwrap(), c);
        }
        assert!(serde_json::from_str::<Code>("\"x\"").is_err());
        assert!(serde_json::from_str::<Code>("1.5").is_err());
    }
}
