//! Orders: `client.orders()`.

use futures::Stream;
use marketplace_core::http::{Part, Request};

use crate::model::{
    DeliveryStatus, InvoiceUpload, ListPage, NewOrder, Order, OrderQuery, OrderStatusUpdate,
    PerPage,
};
use crate::{Client, Error, Result};

/// Orders (`orders…`).
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    client: &'a Client,
}

impl Client {
    /// Orders.
    pub fn orders(&self) -> Orders<'_> {
        Orders { client: self }
    }
}

fn list_request(query: &OrderQuery, page: Option<u32>, per_page: PerPage) -> Request {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    Request::get("orders")
        .query_opt(
            "status",
            query.status.as_ref().map(|s| s.as_str().to_owned()),
        )
        .query_opt(
            "payment_status",
            query.payment_status.as_ref().map(|s| s.as_str().to_owned()),
        )
        .query_opt("date_from", date(query.date_from))
        .query_opt("date_to", date(query.date_to))
        .query_opt("search", query.search.as_deref())
        .query_opt("per_page", per_page.as_query())
        .query_opt("page", page)
}

impl Orders<'_> {
    /// One page of orders (`GET orders`).
    pub async fn list(&self, query: &OrderQuery) -> Result<ListPage<Order>> {
        let request = list_request(query, query.page, query.per_page);
        super::send_page(self.client, request).await
    }

    /// Every order matching `query`, page by page (`query.page` is ignored; a
    /// [`PerPage::All`] is sent as the API's default page size).
    pub fn stream<'q>(&'q self, query: &'q OrderQuery) -> impl Stream<Item = Result<Order>> + 'q {
        let per_page = match query.per_page {
            PerPage::All => PerPage::Default,
            other => other,
        };
        super::stream_pages(self.client, move |page| {
            list_request(query, Some(page), per_page)
        })
    }

    /// One order, with its payment status (`GET orders/{id}`).
    pub async fn get(&self, id: u64) -> Result<Order> {
        let request = Request::get("orders/{id}").path_param("id", id);
        super::send(self.client, request, "order").await
    }

    /// Create an order (`POST orders`) after [`NewOrder::validate`]. Stock is deducted by
    /// the server; the call is not retried after it may have reached the server.
    pub async fn create(&self, order: &NewOrder) -> Result<Order> {
        order.validate()?;
        let request = Request::post("orders").json(order);
        super::send(self.client, request, "order").await
    }

    /// Set the delivery status, optionally with a tracking code
    /// (`PUT orders/{id}/status`). Returns the order when the API sends it back.
    pub async fn update_status(
        &self,
        id: u64,
        status: DeliveryStatus,
        tracking_code: Option<&str>,
    ) -> Result<Option<Order>> {
        if let DeliveryStatus::Other(raw) = &status {
            return Err(Error::invalid_input(
                "delivery_status",
                format!(
                    "must be pending, confirmed, picked_up, on_the_way, delivered or cancelled, not {raw:?}"
                ),
            ));
        }
        if tracking_code.is_some_and(|t| t.trim().is_empty()) {
            return Err(Error::invalid_input("tracking_code", "is empty"));
        }
        let body = OrderStatusUpdate {
            delivery_status: status,
            tracking_code: tracking_code.map(str::to_owned),
        };
        let request = Request::put("orders/{id}/status")
            .path_param("id", id)
            .json(&body);
        super::send_opt(self.client, request).await
    }

    /// Cancel an order (`POST orders/{id}/cancel`); the server puts the stock back.
    /// Returns the order when the API sends it back.
    pub async fn cancel(&self, id: u64) -> Result<Option<Order>> {
        let request = Request::post("orders/{id}/cancel").path_param("id", id);
        super::send_opt(self.client, request).await
    }

    /// Upload the invoice file (`POST orders/{id}/upload-invoice`, multipart field
    /// `invoice_file`). The MIME type follows the file name's extension.
    pub async fn upload_invoice(
        &self,
        id: u64,
        file_name: &str,
        bytes: impl Into<Vec<u8>>,
    ) -> Result<InvoiceUpload> {
        let bytes = bytes.into();
        if bytes.is_empty() {
            return Err(Error::invalid_input("invoice_file", "is empty"));
        }
        if file_name.trim().is_empty() {
            return Err(Error::invalid_input("invoice_file", "needs a file name"));
        }
        let request = Request::post("orders/{id}/upload-invoice")
            .path_param("id", id)
            .multipart(vec![Part::file(
                "invoice_file",
                file_name,
                mime_for(file_name),
                bytes,
            )]);
        super::send(self.client, request, "invoice upload").await
    }
}

/// A MIME type from a file name's extension.
pub(crate) fn mime_for(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "xml" => "application/xml",
        "html" | "htm" => "text/html",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "csv" => "text/csv",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}
