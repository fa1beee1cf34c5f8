//! Serde models of the Pazarama API, field names exactly as Pazarama sends them.

mod catalog;
mod category;
mod envelope;

pub use catalog::{Brand, BrandQuery};
pub use category::{
    AttributeValue, CargoCompany, Category, CategoryAttribute, CategoryWithAttributes, City,
    DeliveryOption, SellerDelivery, SellerDeliveryPreferences,
};
pub use envelope::Envelope;
