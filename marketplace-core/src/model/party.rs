//! People and places: customers and addresses.

use serde::{Deserialize, Serialize};

/// The buyer of an order or the opener of a claim.
///
/// Marketplaces mask or omit much of this (Trendyol relays e-mail through an alias and
/// sends the identity number only for some orders; Giyim Moda sends a phone), so everything
/// but the name is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Customer {
    /// The marketplace's customer id, when it exposes one.
    pub id: Option<String>,
    /// Full name as the marketplace shows it.
    pub name: String,
    /// E-mail address (often a marketplace relay alias).
    pub email: Option<String>,
    /// Phone number, as sent.
    pub phone: Option<String>,
    /// Tax number (VKN) for corporate invoices.
    pub tax_number: Option<String>,
    /// Tax office for corporate invoices.
    pub tax_office: Option<String>,
    /// National identity number (TCKN), sent only when the marketplace requires it.
    pub identity_number: Option<String>,
}

/// A postal address (shipping or billing).
///
/// Turkish addresses are district (`ilçe`) + city (`il`) + free text; the marketplaces
/// differ in how they split the rest, so `lines` holds whatever street lines were sent and
/// `full_text` the marketplace's own one-line rendering when it has one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Address {
    /// Recipient name.
    pub name: String,
    /// Company name, for corporate addresses.
    pub company: Option<String>,
    /// Recipient phone number.
    pub phone: Option<String>,
    /// Street lines (neighbourhood, street, building, …), in order.
    pub lines: Vec<String>,
    /// District (`ilçe`).
    pub district: Option<String>,
    /// City (`il`).
    pub city: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, e.g. `TR`.
    pub country_code: Option<String>,
    /// The whole address as one text, as the marketplace renders it.
    pub full_text: Option<String>,
}
