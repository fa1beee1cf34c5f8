//! Products: `client.products()`.
//!
//! Paths the document names: `GET/POST products`, `POST products/bulk`,
//! `GET products/export`. Paths it describes without naming, assumed here (Laravel
//! conventions, matching `stocks/bulk-update` and `prices/bulk-update`):
//! `GET/PUT/DELETE products/{id}`, `POST products/bulk-update`, and
//! `POST products/import` with the file in the multipart field `file`.

use futures::Stream;
use marketplace_core::http::{Part, RawResponse, Request};

use crate::model::{
    BulkCreateResult, BulkUpdateResult, DownloadedFile, Envelope, ExportLink, ImportResult,
    ListPage, NewProduct, PerPage, Product, ProductBulkUpdateItem, ProductQuery, ProductUpdate,
    ProductsBody,
};
use crate::{Client, Error, Result};

/// Product management (`products…`).
#[derive(Debug, Clone, Copy)]
pub struct Products<'a> {
    client: &'a Client,
}

impl Client {
    /// Product management.
    pub fn products(&self) -> Products<'_> {
        Products { client: self }
    }
}

fn list_request(query: &ProductQuery, page: Option<u32>, per_page: PerPage) -> Request {
    Request::get("products")
        .query_opt("search", query.search.as_deref())
        .query_opt(
            "status",
            query.status.as_ref().map(|s| s.as_str().to_owned()),
        )
        .query_opt("per_page", per_page.as_query())
        .query_opt("page", page)
}

impl Products<'_> {
    /// One page of products (`GET products`).
    pub async fn list(&self, query: &ProductQuery) -> Result<ListPage<Product>> {
        let request = list_request(query, query.page, query.per_page);
        super::send_page(self.client, request).await
    }

    /// Every product matching `query`, page by page (`query.page` is ignored; a
    /// [`PerPage::All`] is sent as the API's default page size).
    pub fn stream<'q>(
        &'q self,
        query: &'q ProductQuery,
    ) -> impl Stream<Item = Result<Product>> + 'q {
        let per_page = match query.per_page {
            PerPage::All => PerPage::Default,
            other => other,
        };
        super::stream_pages(self.client, move |page| {
            list_request(query, Some(page), per_page)
        })
    }

    /// One product (`GET products/{id}`).
    pub async fn get(&self, id: u64) -> Result<Product> {
        let request = Request::get("products/{id}").path_param("id", id);
        super::send(self.client, request, "product").await
    }

    /// Create a product (`POST products`). The document's rules are checked first
    /// ([`NewProduct::validate`]); nothing is sent when one fails.
    pub async fn create(&self, product: &NewProduct) -> Result<Product> {
        product.validate()?;
        let request = Request::post("products").json(product);
        super::send(self.client, request, "product").await
    }

    /// Update the fields that are set (`PUT products/{id}`), after
    /// [`ProductUpdate::validate`].
    pub async fn update(&self, id: u64, update: &ProductUpdate) -> Result<Product> {
        update.validate()?;
        let request = Request::put("products/{id}")
            .path_param("id", id)
            .json(update);
        super::send(self.client, request, "product").await
    }

    /// Delete a product (`DELETE products/{id}`; not shown in the document's endpoint
    /// list — see the module docs).
    pub async fn delete(&self, id: u64) -> Result<()> {
        let request = Request::delete("products/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }

    /// Create many products at once (`POST products/bulk`); the result reports each item's
    /// success or failure. Every item is validated first (errors name
    /// `products[i].field`). Not retried after it may have reached the server.
    pub async fn bulk_create(&self, products: &[NewProduct]) -> Result<BulkCreateResult> {
        if products.is_empty() {
            return Err(Error::invalid_input(
                "products",
                "at least one product is required",
            ));
        }
        for (i, p) in products.iter().enumerate() {
            p.validate_at(&format!("products[{i}]."))?;
        }
        let request = Request::post("products/bulk").json(&ProductsBody { products });
        super::send(self.client, request, "bulk create result").await
    }

    /// Update price, stock and/or publication of many products
    /// (`POST products/bulk-update`). Every item needs `id`; prices and stock are ≥ 0.
    pub async fn bulk_update(&self, items: &[ProductBulkUpdateItem]) -> Result<BulkUpdateResult> {
        if items.is_empty() {
            return Err(Error::invalid_input(
                "products",
                "at least one item is required",
            ));
        }
        for (i, item) in items.iter().enumerate() {
            item.validate_at(&format!("products[{i}]."))?;
        }
        let request = Request::post("products/bulk-update").json(&ProductsBody { products: items });
        super::send(self.client, request, "bulk update result").await
    }

    /// Export all products to Excel and return the download link (`GET products/export`).
    pub async fn export_link(&self) -> Result<ExportLink> {
        super::send(self.client, Request::get("products/export"), "export link").await
    }

    /// Export all products and download the Excel file directly
    /// (`GET products/export?download=true`).
    pub async fn export_file(&self) -> Result<DownloadedFile> {
        let request = Request::get("products/export").query("download", "true");
        let response = self.client.transport().execute_raw(request).await?;
        Ok(downloaded(response))
    }

    /// Import products from a CSV or Excel file (`POST products/import`, multipart field
    /// `file`). `file_name` decides the MIME type sent (`.csv`, `.xls`, `.xlsx`).
    pub async fn import(&self, file_name: &str, bytes: impl Into<Vec<u8>>) -> Result<ImportResult> {
        let lower = file_name.to_ascii_lowercase();
        let mime = if lower.ends_with(".csv") {
            "text/csv"
        } else if lower.ends_with(".xlsx") {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        } else if lower.ends_with(".xls") {
            "application/vnd.ms-excel"
        } else {
            return Err(Error::invalid_input(
                "file",
                "must be a .csv, .xls or .xlsx file",
            ));
        };
        let bytes = bytes.into();
        if bytes.is_empty() {
            return Err(Error::invalid_input("file", "is empty"));
        }
        let request = Request::post("products/import")
            .multipart(vec![Part::file("file", file_name, mime, bytes)]);
        let envelope: Envelope<ImportResult> = self.client.transport().execute(request).await?;
        Ok(envelope.into_data()?.unwrap_or_default())
    }
}

/// A raw download with the file name from `Content-Disposition`.
pub(crate) fn downloaded(response: RawResponse) -> DownloadedFile {
    let header = |name: &str| {
        response
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let file_name = header("content-disposition").and_then(|cd| {
        cd.split(';').find_map(|part| {
            let part = part.trim();
            let value = part.strip_prefix("filename=")?;
            Some(value.trim_matches('"').to_owned())
        })
    });
    let content_type = header("content-type");
    DownloadedFile {
        file_name,
        content_type,
        bytes: Vec::from(response.body),
    }
}
