//! Digital products: `client.digital_products()`.

use futures::Stream;
use marketplace_core::http::{RawResponse, Request};
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use rust_decimal::Decimal;

use super::listing;
use crate::model::{
    DigitalDownload, DigitalProduct, DigitalProductUpdate, DownloadLink, Envelope, ListPage,
    ListQuery, NewDigitalProduct,
};
use crate::{Client, Error, Result};

/// Digital product calls (`digital-products`).
#[derive(Debug, Clone, Copy)]
pub struct DigitalProducts<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's digital (downloadable) products.
    pub fn digital_products(&self) -> DigitalProducts<'_> {
        DigitalProducts { client: self }
    }
}

fn check_price(price: Option<Decimal>) -> Result<()> {
    match price {
        Some(p) if p < Decimal::ZERO => Err(Error::invalid_input(
            "unit_price",
            format!("must not be negative, got {p}"),
        )),
        _ => Ok(()),
    }
}

impl DigitalProducts<'_> {
    /// One page of digital products (`GET digital-products`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<DigitalProduct>> {
        listing::list(self.client, Request::get("digital-products"), query).await
    }

    /// Every digital product, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<DigitalProduct>> + '_ {
        listing::stream(self.client, query, || Request::get("digital-products"))
    }

    /// One digital product (`GET digital-products/{id}`).
    pub async fn get(&self, id: u64) -> Result<DigitalProduct> {
        let request = Request::get("digital-products/{id}").path_param("id", id);
        super::send(self.client, request, "digital product").await
    }

    /// Create a digital product (`POST digital-products`); `name` must not be blank and
    /// `unit_price` must not be negative.
    pub async fn create(&self, product: &NewDigitalProduct) -> Result<DigitalProduct> {
        listing::non_empty("name", &product.name)?;
        check_price(Some(product.unit_price))?;
        let request = Request::post("digital-products").json(product);
        super::send(self.client, request, "digital product").await
    }

    /// Change the fields set in `update` (`PUT digital-products/{id}`). An empty update,
    /// a blank name or a negative price is rejected before sending.
    pub async fn update(&self, id: u64, update: &DigitalProductUpdate) -> Result<DigitalProduct> {
        if update.is_empty() {
            return Err(Error::invalid_input("digital_product", "nothing to update"));
        }
        if let Some(name) = &update.name {
            listing::non_empty("name", name)?;
        }
        check_price(update.unit_price)?;
        let request = Request::put("digital-products/{id}")
            .path_param("id", id)
            .json(update);
        super::send(self.client, request, "digital product").await
    }

    /// Delete a digital product (`DELETE digital-products/{id}`).
    pub async fn delete(&self, id: u64) -> Result<()> {
        let request = Request::delete("digital-products/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }

    /// Download the product's file (`GET digital-products/{id}/download`). A JSON answer
    /// is read as a link (`{download_url, …}` in the envelope), anything else is the file.
    pub async fn download(&self, id: u64) -> Result<DigitalDownload> {
        let request = Request::get("digital-products/{id}/download").path_param("id", id);
        let response = self.client.transport().execute_raw(request).await?;
        let content_type = header_text(&response, CONTENT_TYPE);
        if content_type
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("json"))
        {
            let envelope: Envelope<DownloadLink> = marketplace_core::codec::decode(&response.body)?;
            return envelope
                .into_required("download")
                .map(DigitalDownload::Link);
        }
        let file_name = header_text(&response, CONTENT_DISPOSITION)
            .as_deref()
            .and_then(disposition_file_name);
        Ok(DigitalDownload::File {
            bytes: response.body.to_vec(),
            file_name,
            content_type,
        })
    }
}

fn header_text(response: &RawResponse, name: reqwest::header::HeaderName) -> Option<String> {
    response
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The file name of a `Content-Disposition` value: `filename="a b.pdf"` or `filename=a.pdf`,
/// else `filename*=UTF-8''a.pdf` (percent-escapes kept as they are).
fn disposition_file_name(value: &str) -> Option<String> {
    let mut extended = None;
    for part in value.split(';').map(str::trim) {
        let Some((key, raw)) = part.split_once('=') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let raw = raw.trim();
        if key == "filename" {
            let name = raw.trim_matches('"');
            if !name.is_empty() {
                return Some(name.to_owned());
            }
        } else if key == "filename*" {
            let name = raw.rsplit("''").next().unwrap_or(raw);
            if !name.is_empty() {
                extended = Some(name.to_owned());
            }
        }
    }
    extended
}

#[cfg(test)]
mod tests {
    use super::disposition_file_name;

    #[test]
    fn file_names_from_content_disposition() {
        assert_eq!(
            disposition_file_name(r#"attachment; filename="e kitap.pdf""#).as_deref(),
            Some("e kitap.pdf")
        );
        assert_eq!(
            disposition_file_name("attachment; filename=a.zip").as_deref(),
            Some("a.zip")
        );
        assert_eq!(
            disposition_file_name("attachment; filename*=UTF-8''kitap.pdf").as_deref(),
            Some("kitap.pdf")
        );
        assert_eq!(disposition_file_name("inline"), None);
    }
}
