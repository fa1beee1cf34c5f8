//! Product supply information (§3.30): `client.product_commercials()`.

use marketplace_core::http::Request;

use crate::model::guid::check_set;
use crate::model::{CommercialTemplateList, CommercialTemplateRequest, ProductCommercialUpdate};
use crate::{Client, Result};
use uuid::Uuid;

/// The seller's commercial templates (`product-commercials`) and attaching them to
/// products (`product/upsertSellerProductCommercial`). First create a template, then give
/// its id to products (here, or in `productCommercials` of product create).
#[derive(Debug, Clone, Copy)]
pub struct ProductCommercials<'a> {
    client: &'a Client,
}

impl Client {
    /// Commercial templates and product supply information.
    pub fn product_commercials(&self) -> ProductCommercials<'_> {
        ProductCommercials { client: self }
    }
}

const BY_ID: &str = "/product-commercials/id/{id}/product-commercial";

impl ProductCommercials<'_> {
    /// The seller's templates (`GET product-commercials`).
    pub async fn list(&self) -> Result<CommercialTemplateList> {
        let http = Request::get("/product-commercials");
        super::send(self.client, http, "product commercials").await
    }

    /// Create a template (`POST product-commercials`); Pazarama answers with the
    /// template list.
    pub async fn create(
        &self,
        request: &CommercialTemplateRequest,
    ) -> Result<CommercialTemplateList> {
        request.validate()?;
        let http = Request::post("/product-commercials").json(request);
        Ok(super::send_optional(self.client, http)
            .await?
            .unwrap_or_default())
    }

    /// Replace template `id` (`PUT product-commercials/id/{id}/product-commercial`; the
    /// document says only that the id goes into the route, this route is the one it gives
    /// for DELETE).
    pub async fn update(
        &self,
        id: Uuid,
        request: &CommercialTemplateRequest,
    ) -> Result<CommercialTemplateList> {
        check_set("id", &id)?;
        request.validate()?;
        let http = Request::put(BY_ID)
            .path_param("id", id)
            .json(request)
            .idempotent(true);
        Ok(super::send_optional(self.client, http)
            .await?
            .unwrap_or_default())
    }

    /// Delete template `id` (`DELETE product-commercials/id/{id}/product-commercial`).
    pub async fn delete(&self, id: Uuid) -> Result<()> {
        check_set("id", &id)?;
        let http = Request::delete(BY_ID).path_param("id", id).idempotent(true);
        super::send_unit(self.client, http).await
    }

    /// Set a product's safety text and templates
    /// (`POST product/upsertSellerProductCommercial`). What is left empty is reset.
    pub async fn set_for_product(&self, request: &ProductCommercialUpdate) -> Result<()> {
        request.validate()?;
        let http = Request::post("/product/upsertSellerProductCommercial")
            .json(request)
            .idempotent(true);
        super::send_unit(self.client, http).await
    }
}
