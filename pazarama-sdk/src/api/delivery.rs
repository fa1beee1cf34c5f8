//! Seller delivery types and cities: `client.delivery()`.

use marketplace_core::http::Request;

use crate::model::{City, SellerDelivery};
use crate::{Client, Result};

/// Delivery settings (`sellerRegister/getSellerDelivery`) and the city list
/// (`parameter/cities`) used to limit a product's delivery type to cities.
#[derive(Debug, Clone, Copy)]
pub struct Delivery<'a> {
    client: &'a Client,
}

impl Client {
    /// Delivery types and cities.
    pub fn delivery(&self) -> Delivery<'_> {
        Delivery { client: self }
    }
}

impl Delivery<'_> {
    /// The seller's delivery types (cargo, courier, store, digital, donation).
    pub async fn seller_delivery(&self) -> Result<SellerDelivery> {
        let request = Request::get("/sellerRegister/getSellerDelivery");
        super::send(self.client, request, "seller delivery").await
    }

    /// Every city with its id (for product delivery types limited to cities).
    pub async fn cities(&self) -> Result<Vec<City>> {
        let request = Request::get("/parameter/cities");
        super::send(self.client, request, "cities").await
    }
}
