//! Product supply ("temin") information (§3.30): the seller's commercial templates
//! (`product-commercials`) and attaching them to a product
//! (`product/upsertSellerProductCommercial`).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::category::null_as_empty;
use super::guid::check_set;
use super::product::check_text;
use crate::{Error, Result};

marketplace_core::code_enum! {
    /// Who the template names (`type`). Domestic products (`isImported: false`) take 0 or
    /// 3; imported ones 1, 2 or 3.
    pub enum CommercialType {
        /// Manufacturer established in Türkiye (domestic).
        Manufacturer = 0,
        /// Importer (imported).
        Importer = 1,
        /// Authorised representative established in Türkiye (imported).
        AuthorizedRepresentative = 2,
        /// Fulfilment service provider established in Türkiye (both).
        FulfilmentServiceProvider = 3,
    }
    /// A code this version does not know.
    Unknown(i64)
}

/// A commercial template of the seller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommercialTemplate {
    /// Template id (a GUID); goes into a product's `productCommercialId` / `commercialIds`.
    #[serde(with = "super::guid")]
    pub commercial_id: Uuid,
    /// Whether the product is imported.
    #[serde(default, with = "marketplace_core::codec::lenient::bool")]
    pub is_imported: bool,
    /// Who the template names.
    #[serde(rename = "type")]
    pub kind: CommercialType,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Brand.
    #[serde(default)]
    pub brand: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Address.
    #[serde(default)]
    pub address: Option<String>,
}

/// Answer of the template calls: the seller's templates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommercialTemplateList {
    /// The templates.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub product_commercial_list: Vec<CommercialTemplate>,
}

/// Body of creating (`POST`) or updating (`PUT`) a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommercialTemplateRequest {
    /// Whether the product is imported.
    pub is_imported: bool,
    /// Who the template names (must fit `is_imported`, see [`CommercialType`]).
    #[serde(rename = "type")]
    pub kind: CommercialType,
    /// Name (required).
    pub name: String,
    /// Title.
    pub title: String,
    /// Brand.
    pub brand: String,
    /// E-mail.
    pub email: String,
    /// Address.
    pub address: String,
}

impl CommercialTemplateRequest {
    /// A name, and a type that fits `isImported` (domestic: 0 or 3; imported: 1, 2 or 3).
    pub fn validate(&self) -> Result<()> {
        check_text("name", &self.name, None)?;
        let allowed: &[CommercialType] = if self.is_imported {
            &[
                CommercialType::Importer,
                CommercialType::AuthorizedRepresentative,
                CommercialType::FulfilmentServiceProvider,
            ]
        } else {
            &[
                CommercialType::Manufacturer,
                CommercialType::FulfilmentServiceProvider,
            ]
        };
        if !allowed.contains(&self.kind) {
            let origin = if self.is_imported {
                "imported products take 1, 2 or 3"
            } else {
                "domestic products take 0 or 3"
            };
            return Err(Error::invalid_input(
                "type",
                format!("{} does not fit: {origin}", self.kind),
            ));
        }
        Ok(())
    }
}

/// Body of `product/upsertSellerProductCommercial`: set a product's supply information.
/// Fields left empty are reset by Pazarama.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductCommercialUpdate {
    /// Barcode (required).
    pub code: String,
    /// Safety information (reset when `None`).
    #[serde(default)]
    pub security_description: Option<String>,
    /// Template ids (GUIDs; reset when empty).
    #[serde(default, with = "super::guid::vec")]
    pub commercial_ids: Vec<Uuid>,
}

impl ProductCommercialUpdate {
    /// A barcode, and no nil template id.
    pub fn validate(&self) -> Result<()> {
        check_text("code", &self.code, None)?;
        for (i, id) in self.commercial_ids.iter().enumerate() {
            check_set(&format!("commercialIds[{i}]"), id)?;
        }
        Ok(())
    }
}
