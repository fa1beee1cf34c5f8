//! Seller services (reference §6): addresses, common labels, invoice links and files.

use marketplace_core::codec::Id;
use marketplace_core::http::{Part, Request};

use crate::model::sellers::{
    CommonLabelRequest, CommonLabels, DeleteInvoiceLinkRequest, InvoiceFile, InvoiceLinkRequest,
    SupplierAddresses,
};
use crate::{Client, Error, Result};

/// Largest invoice file uploadInvoiceFile accepts.
pub const MAX_INVOICE_FILE_BYTES: usize = 10 * 1024 * 1024;

impl Client {
    /// Seller services: addresses, common labels, invoices (reference §6).
    pub fn sellers(&self) -> Sellers<'_> {
        Sellers { client: self }
    }
}

/// The seller services group; see [`Client::sellers`].
#[derive(Debug, Clone, Copy)]
pub struct Sellers<'a> {
    client: &'a Client,
}

fn check_invoice_number(number: &str) -> Result<()> {
    let b = number.as_bytes();
    let ok = b.len() == 16
        && b[..3].iter().all(u8::is_ascii_alphanumeric)
        && b[3..5] == *b"20"
        && (b'2'..=b'9').contains(&b[5])
        && b[6..].iter().all(u8::is_ascii_digit);
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(
            "invoiceNumber",
            "must be 3 letters/digits, a year 2020-2099 and 9 digits (16 characters)",
        ))
    }
}

fn check_invoice_time(at: i64) -> Result<()> {
    let digits = at.to_string().len();
    if at <= 0 || !(digits == 10 || digits == 13) {
        return Err(Error::invalid_input(
            "invoiceDateTime",
            "must be epoch seconds (10 digits) or milliseconds (13 digits)",
        ));
    }
    Ok(())
}

impl Sellers<'_> {
    /// getSuppliersAddresses (`GET /integration/sellers/{sellerId}/addresses`). Limited
    /// to 1 request per hour until 14.09.2026.
    pub async fn addresses(&self) -> Result<SupplierAddresses> {
        let req = Request::get("/integration/sellers/{sellerId}/addresses")
            .path_param("sellerId", self.client.seller_id());
        self.client.transport().execute(req).await
    }

    /// createCommonLabel (`POST /integration/sellers/{sellerId}/common-label/{cargoTrackingNumber}`);
    /// ask after setting Picking or Invoiced.
    pub async fn create_common_label(
        &self,
        cargo_tracking_number: impl Into<Id>,
        request: &CommonLabelRequest,
    ) -> Result<()> {
        if request.format != "ZPL" {
            return Err(Error::invalid_input("format", "only ZPL exists"));
        }
        let req =
            Request::post("/integration/sellers/{sellerId}/common-label/{cargoTrackingNumber}")
                .path_param("sellerId", self.client.seller_id())
                .path_param("cargoTrackingNumber", cargo_tracking_number.into())
                .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// getCommonLabel (`GET` same path): the ZPL labels, one per box.
    pub async fn common_label(&self, cargo_tracking_number: impl Into<Id>) -> Result<CommonLabels> {
        let req =
            Request::get("/integration/sellers/{sellerId}/common-label/{cargoTrackingNumber}")
                .path_param("sellerId", self.client.seller_id())
                .path_param("cargoTrackingNumber", cargo_tracking_number.into());
        self.client.transport().execute(req).await
    }

    /// sendInvoiceLink (`POST /integration/sellers/{sellerId}/seller-invoice-links`; 201).
    pub async fn send_invoice_link(&self, request: &InvoiceLinkRequest) -> Result<()> {
        match url::Url::parse(request.invoice_link.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => {}
            _ => {
                return Err(Error::invalid_input(
                    "invoiceLink",
                    "must be an absolute http(s) URL",
                ));
            }
        }
        if let Some(n) = &request.invoice_number {
            check_invoice_number(n)?;
        }
        if let Some(at) = request.invoice_date_time {
            check_invoice_time(at)?;
        }
        let req = Request::post("/integration/sellers/{sellerId}/seller-invoice-links")
            .path_param("sellerId", self.client.seller_id())
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// deleteInvoiceLink (`POST /integration/sellers/{sellerId}/seller-invoice-links/delete`; 202).
    pub async fn delete_invoice_link(&self, request: &DeleteInvoiceLinkRequest) -> Result<()> {
        let req = Request::post("/integration/sellers/{sellerId}/seller-invoice-links/delete")
            .path_param("sellerId", self.client.seller_id())
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// uploadInvoiceFile (`POST /integration/sellers/{sellerId}/seller-invoice-file`,
    /// multipart). Checked before sending: non-empty, at most 10 MB, PDF/JPEG/PNG, and the
    /// micro-export fields' formats.
    pub async fn upload_invoice_file(&self, file: &InvoiceFile) -> Result<()> {
        if file.data.is_empty() {
            return Err(Error::invalid_input("file", "must not be empty"));
        }
        if file.data.len() > MAX_INVOICE_FILE_BYTES {
            return Err(Error::invalid_input(
                "file",
                format!("{} bytes is over the 10 MB limit", file.data.len()),
            ));
        }
        if !matches!(
            file.mime.as_str(),
            "application/pdf" | "image/jpeg" | "image/png"
        ) {
            return Err(Error::invalid_input(
                "file",
                "must be application/pdf, image/jpeg or image/png",
            ));
        }
        let mut parts = vec![
            Part::text("shipmentPackageId", file.shipment_package_id.to_string()),
            Part::file(
                "file",
                file.file_name.clone(),
                file.mime.clone(),
                file.data.clone(),
            ),
        ];
        if let Some(at) = file.invoice_date_time {
            check_invoice_time(at)?;
            parts.push(Part::text("invoiceDateTime", at.to_string()));
        }
        if let Some(n) = &file.invoice_number {
            check_invoice_number(n)?;
            parts.push(Part::text("invoiceNumber", n.clone()));
        }
        let req = Request::post("/integration/sellers/{sellerId}/seller-invoice-file")
            .path_param("sellerId", self.client.seller_id())
            .multipart(parts);
        self.client.transport().execute_unit(req).await
    }
}
