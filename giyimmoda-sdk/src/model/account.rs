//! The seller's own account: profile, shop and addresses.
//!
//! The API document lists these endpoints (`profile`, `shop`, `shop/verification`,
//! `addresses`) but shows no sample request or answer. The models therefore name only
//! the usual columns of the platform's `users` / `shops` / `addresses` tables, all
//! optional and read leniently, and keep every other field the server sends in `extra`.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// The seller's account (`GET profile`). No documented sample: unknown fields are kept in
/// [`Profile::extra`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// User id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone: Option<String>,
    /// Avatar URL or upload id.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub avatar: Option<String>,
    /// Account creation time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer (the document shows none).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `PUT profile`: only the fields that are set are sent. No documented field
/// list: fields not named here can go into [`ProfileUpdate::extra`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ProfileUpdate {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// New phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// New avatar URL or upload id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProfileUpdate {
    /// Whether nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.phone.is_none()
            && self.avatar.is_none()
            && self.extra.is_empty()
    }
}

/// The seller's shop (`GET shop`). No documented sample: unknown fields are kept in
/// [`Shop::extra`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shop {
    /// Shop id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Shop name.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub name: Option<String>,
    /// URL slug.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub slug: Option<String>,
    /// Logo URL or upload id.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub logo: Option<String>,
    /// Phone number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone: Option<String>,
    /// Address text.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub address: Option<String>,
    /// Average rating.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub rating: Option<Decimal>,
    /// Whether the shop is verified (`verification_status`, 0/1 or boolean).
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub verification_status: Option<bool>,
    /// Meta title.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub meta_title: Option<String>,
    /// Meta description.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub meta_description: Option<String>,
    /// Creation time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer (the document shows none).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `PUT shop`: only the fields that are set are sent. No documented field list:
/// fields not named here can go into [`ShopUpdate::extra`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ShopUpdate {
    /// Shop name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Address text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Logo URL or upload id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Meta title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_title: Option<String>,
    /// Meta description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_description: Option<String>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ShopUpdate {
    /// Whether nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.phone.is_none()
            && self.address.is_none()
            && self.logo.is_none()
            && self.meta_title.is_none()
            && self.meta_description.is_none()
            && self.extra.is_empty()
    }
}

/// Body of `POST shop/verification`. The document does not list the verification form's
/// fields (the platform's form is configurable), so this is a plain field map.
///
/// ```
/// use giyimmoda_sdk::model::ShopVerification;
///
/// let form = ShopVerification::new()
///     .field("company_name", "Örnek Tekstil Ltd.")
///     .field("tax_number", "1234567890");
/// assert_eq!(form.fields.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ShopVerification {
    /// The form fields.
    pub fields: Extra,
}

impl ShopVerification {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set a field.
    #[must_use]
    pub fn field(mut self, name: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.fields.insert(name.into(), value.into());
        self
    }
}

/// A pickup / return address of the seller (`addresses`). No documented sample: unknown
/// fields (country/city names or objects, coordinates, …) are kept in [`Address::extra`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Address id.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Street address text.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub address: Option<String>,
    /// Country id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub country_id: Option<u64>,
    /// State / province id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub state_id: Option<u64>,
    /// City / district id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub city_id: Option<u64>,
    /// Postal code.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub postal_code: Option<String>,
    /// Phone number.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub phone: Option<String>,
    /// Whether this is the default address (`set_default`, 0/1 or boolean).
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub set_default: Option<bool>,
    /// Every other field of the answer (the document shows none).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST addresses` and `PUT addresses/{id}`: only the fields that are set are
/// sent. No documented field list: fields not named here can go into
/// [`AddressInput::extra`]. Creating requires a non-empty `address`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AddressInput {
    /// Street address text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Country id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_id: Option<u64>,
    /// State / province id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_id: Option<u64>,
    /// City / district id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_id: Option<u64>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Further fields, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AddressInput {
    /// Whether nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self.address.is_none()
            && self.country_id.is_none()
            && self.state_id.is_none()
            && self.city_id.is_none()
            && self.postal_code.is_none()
            && self.phone.is_none()
            && self.extra.is_empty()
    }
}
