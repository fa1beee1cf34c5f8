//! Categories, category attributes, seller delivery types and cities.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

/// A node of the category tree (`category/getCategoryTree`). Products can be created only
/// under categories with `leaf == true`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// Category id (a GUID); goes into a product's `categoryId`.
    #[serde(with = "super::guid")]
    pub id: Uuid,
    /// Parent category id (a GUID; `None` at the root).
    #[serde(default, with = "super::guid::option")]
    pub parent_id: Option<Uuid>,
    /// Category code (usually `null`).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// Names of the path from the root down to this category (Pazarama sends them with
    /// stray spaces; they are kept as sent).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub parent_categories: Vec<String>,
    /// Category name.
    pub name: String,
    /// Name shown on the storefront.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Default sort order.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub display_order: Option<i64>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether this is a bottom-level category (products go only here).
    #[serde(default, with = "marketplace_core::codec::lenient::bool")]
    pub leaf: bool,
}

/// A category with its attributes (`category/getCategoryWithAttributes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryWithAttributes {
    /// Category id (a GUID).
    #[serde(with = "super::guid")]
    pub id: Uuid,
    /// Category name.
    pub name: String,
    /// Name shown on the storefront.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// The attributes a product of this category has.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attributes: Vec<CategoryAttribute>,
}

/// An attribute of a category (its `id` is a product attribute's `attributeId`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryAttribute {
    /// Attribute id (a GUID).
    #[serde(with = "super::guid")]
    pub id: Uuid,
    /// Attribute name.
    pub name: String,
    /// Name shown on the storefront.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Whether products vary by this attribute (variants).
    #[serde(default, with = "marketplace_core::codec::lenient::bool")]
    pub is_variantable: bool,
    /// Whether a product of this category must have this attribute.
    #[serde(default, with = "marketplace_core::codec::lenient::bool")]
    pub is_required: bool,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// The allowed values.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attribute_values: Vec<AttributeValue>,
}

/// An allowed value of a category attribute (its `id` is a product attribute's
/// `attributeValueId`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeValue {
    /// Value id (a GUID).
    #[serde(with = "super::guid")]
    pub id: Uuid,
    /// The value.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub value: Option<String>,
}

/// The seller's delivery settings (`sellerRegister/getSellerDelivery`): cargo, courier
/// ("fast delivery"), store pickup, digital and donation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SellerDelivery {
    /// Cargo delivery (CargoDelivery).
    #[serde(default)]
    pub cargo_company: Option<DeliveryOption>,
    /// Courier delivery (FastDelivery); Pazarama may send one object or a list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub fast_delivery: Vec<DeliveryOption>,
    /// Delivery from a store (StoreDelivery); one object or a list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub store_delivery: Vec<DeliveryOption>,
    /// Digital delivery; one object or a list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub digital: Vec<DeliveryOption>,
    /// Donation delivery; one object or a list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub donation: Vec<DeliveryOption>,
    /// Which delivery kinds the seller may use.
    #[serde(default)]
    pub seller_delivery_preferences: Option<SellerDeliveryPreferences>,
}

/// One delivery type of the seller. Its `deliveryId` is what a product's delivery type
/// refers to. Every field is optional: the document shows only the cargo variant.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryOption {
    /// Delivery type id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub delivery_id: Option<Uuid>,
    /// Cargo company id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub cargo_company_id: Option<Uuid>,
    /// Delivery fee.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub price: Option<Decimal>,
    /// Discounted delivery fee.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub campaign_price: Option<Decimal>,
    /// Basket amount from which the discounted fee applies.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub campaign_amount: Option<Decimal>,
    /// Campaign text.
    #[serde(default)]
    pub campaign_text: Option<String>,
    /// Delivery duration (in `deliveryDurationType` units).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub delivery_duration: Option<i64>,
    /// Unit of `deliveryDuration` (code as sent).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub delivery_duration_type: Option<i64>,
    /// Delivery days (shape undocumented; kept as sent).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub delivery_days: Vec<serde_json::Value>,
    /// Whether it delivers at weekends.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub can_deliver_weekend: Option<bool>,
    /// Whether the seller has its own cargo contract.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub contracted: Option<bool>,
    /// Hybrid cargo.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub hybrid_cargo: Option<bool>,
    /// Whether cargo may be split.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub divide_cargo: Option<bool>,
    /// Whether the shipment fee is fixed.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub is_fixed_shipment_amount: Option<bool>,
    /// Approval status code (`-1` in the document's sample).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub approve_status: Option<i64>,
    /// Delivery duration waiting for approval.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub waiting_approval_delivery_duration: Option<i64>,
    /// Reason given for the delivery duration.
    #[serde(default)]
    pub delivery_duration_reason: Option<String>,
    /// Whether shipment codes are generated automatically.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub auto_shipment_code: Option<bool>,
    /// Cargo companies available.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub cargo_companies: Vec<CargoCompany>,
    /// Store name (store delivery).
    #[serde(default)]
    pub store_name: Option<String>,
    /// City id (a GUID, see cities); absent means every city.
    #[serde(default, with = "super::guid::option")]
    pub city: Option<Uuid>,
    /// Store address (store delivery).
    #[serde(default)]
    pub address_detail: Option<String>,
}

/// A cargo company of the seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CargoCompany {
    /// Cargo company id (a GUID).
    #[serde(with = "super::guid")]
    pub cargo_company_id: Uuid,
    /// Card type code (1 and 2 appear in the document).
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub cargo_card_type: Option<i64>,
    /// Company name.
    #[serde(default)]
    pub cargo_company_name: Option<String>,
}

/// What the seller may offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SellerDeliveryPreferences {
    /// Courier delivery allowed.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub can_fast_delivery: Option<bool>,
    /// Store delivery allowed.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub can_store_delivery: Option<bool>,
    /// Other cargo option.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub other_cargo_option: Option<bool>,
    /// Whether another cargo can be entered.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub can_entered_other_cargo: Option<bool>,
    /// Whether Saturday is a work day.
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    pub saturday_is_work_day: Option<bool>,
}

/// A city (`parameter/cities`), for product delivery types limited to cities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct City {
    /// City id (a GUID).
    #[serde(with = "super::guid")]
    pub id: Uuid,
    /// Plate code (`"34"`; numbers accepted too).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub code: Option<String>,
    /// City name.
    pub name: String,
}

/// `null` or a list → a list.
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// `null`, one object or a list → a list.
fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
    }
    Ok(match Option::<OneOrMany<T>>::deserialize(deserializer)? {
        None => Vec::new(),
        Some(OneOrMany::Many(items)) => items,
        Some(OneOrMany::One(item)) => vec![item],
    })
}
