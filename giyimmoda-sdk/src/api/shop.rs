//! The seller's shop: `client.shop()`.

use marketplace_core::http::Request;

use crate::model::{Shop, ShopUpdate, ShopVerification};
use crate::{Client, Error, Result};

/// Shop calls (`shop`, `shop/verification`).
#[derive(Debug, Clone, Copy)]
pub struct Shops<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's shop.
    pub fn shop(&self) -> Shops<'_> {
        Shops { client: self }
    }
}

impl Shops<'_> {
    /// The shop's settings (`GET shop`).
    pub async fn get(&self) -> Result<Shop> {
        super::send(self.client, Request::get("shop"), "shop").await
    }

    /// Change the fields set in `update` (`PUT shop`); returns the saved shop. An empty
    /// update is rejected before sending.
    pub async fn update(&self, update: &ShopUpdate) -> Result<Shop> {
        if update.is_empty() {
            return Err(Error::invalid_input("shop", "nothing to update"));
        }
        super::send(self.client, Request::put("shop").json(update), "shop").await
    }

    /// Apply for shop verification (`POST shop/verification`). The answer's `data` is not
    /// documented and is ignored; an empty form is rejected before sending.
    pub async fn request_verification(&self, form: &ShopVerification) -> Result<()> {
        if form.fields.is_empty() {
            return Err(Error::invalid_input("verification", "no fields given"));
        }
        let request = Request::post("shop/verification").json(form);
        super::send_unit(self.client, request).await
    }
}
