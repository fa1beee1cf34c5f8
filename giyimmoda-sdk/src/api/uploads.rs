//! Uploaded files: `client.uploads()`.

use futures::Stream;
use marketplace_core::http::{Part, Request};

use super::listing;
use crate::model::{FileUpload, ListPage, ListQuery, Upload};
use crate::{Client, Error, Result};

/// Upload calls (`uploads`).
#[derive(Debug, Clone, Copy)]
pub struct Uploads<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's uploaded files.
    pub fn uploads(&self) -> Uploads<'_> {
        Uploads { client: self }
    }
}

impl Uploads<'_> {
    /// One page of uploads (`GET uploads`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Upload>> {
        listing::list(self.client, Request::get("uploads"), query).await
    }

    /// Every upload, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Upload>> + '_ {
        listing::stream(self.client, query, || Request::get("uploads"))
    }

    /// One upload's details (`GET uploads/{id}`).
    pub async fn get(&self, id: u64) -> Result<Upload> {
        let request = Request::get("uploads/{id}").path_param("id", id);
        super::send(self.client, request, "upload").await
    }

    /// Upload a file (`POST uploads`, multipart). An empty file, file name or field name
    /// is rejected before sending.
    pub async fn upload(&self, file: &FileUpload) -> Result<Upload> {
        listing::non_empty("field", &file.field)?;
        listing::non_empty("file_name", &file.file_name)?;
        if file.data.is_empty() {
            return Err(Error::invalid_input("data", "the file is empty"));
        }
        let part = Part::file(
            file.field.clone(),
            file.file_name.clone(),
            file.content_type.clone(),
            file.data.clone(),
        );
        let request = Request::post("uploads").multipart(vec![part]);
        super::send(self.client, request, "upload").await
    }

    /// Delete an upload (`DELETE uploads/{id}`).
    pub async fn delete(&self, id: u64) -> Result<()> {
        let request = Request::delete("uploads/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }
}
