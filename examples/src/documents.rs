//! Labels and invoices (roadmap sprint 11): where documents are kept, and the Trendyol
//! flows that produce or send them — download a common (cargo) label, send an invoice
//! link, upload an invoice file.
//!
//! Storage is a strategy ([`Storage`]); the examples use [`LocalStorage`], a folder
//! (`$PAZARYERI_OUT`, default `./pazaryeri-out/`) created on first write. An S3/MinIO
//! store would implement the same trait.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use marketplace_core::paging::TimeWindow;
use trendyol_sdk::api::orders::ShipmentPackagesQuery;
use trendyol_sdk::model::orders::{PackageStatus, ShipmentPackage};
use trendyol_sdk::model::sellers::{CommonLabelRequest, InvoiceFile, InvoiceLinkRequest};

use crate::BoxError;

/// Environment variable naming the output folder.
pub const OUT_ENV: &str = "PAZARYERI_OUT";

/// The output folder when [`OUT_ENV`] is not set.
pub const DEFAULT_OUT: &str = "pazaryeri-out";

/// Where documents (labels, invoices, reports) are kept.
pub trait Storage {
    /// Store `data` under `key` (a relative path such as `labels/123.zpl`), replacing
    /// what was there; returns where it went (a file path, an object URL, …).
    fn put(&self, key: &str, data: &[u8]) -> io::Result<String>;

    /// Read back what is stored under `key`.
    fn get(&self, key: &str) -> io::Result<Vec<u8>>;
}

/// A folder on the local disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    /// Keep documents under `root` (created on the first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        LocalStorage { root: root.into() }
    }

    /// `$PAZARYERI_OUT`, or `./pazaryeri-out/`.
    pub fn from_env() -> Self {
        let root = std::env::var_os(OUT_ENV)
            .filter(|v| !v.is_empty())
            .map_or_else(|| PathBuf::from(DEFAULT_OUT), PathBuf::from);
        Self::new(root)
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file a key maps to; a key that would leave the folder (absolute, `..`) is
    /// refused.
    pub fn path(&self, key: &str) -> io::Result<PathBuf> {
        let relative = Path::new(key);
        let safe = !key.is_empty()
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !safe {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("storage key {key:?} must be a relative path inside the folder"),
            ));
        }
        Ok(self.root.join(relative))
    }
}

impl Storage for LocalStorage {
    fn put(&self, key: &str, data: &[u8]) -> io::Result<String> {
        let path = self.path(key)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, data)?;
        Ok(path.display().to_string())
    }

    fn get(&self, key: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.path(key)?)
    }
}

/// Trendyol packages of the last two weeks in `status` (one page of up to 200), e.g.
/// `Picking` ones for labels or `Invoiced` ones for invoices.
pub async fn packages_in(
    client: &trendyol_sdk::Client,
    status: PackageStatus,
) -> Result<Vec<ShipmentPackage>, BoxError> {
    let query = ShipmentPackagesQuery::new()
        .window(TimeWindow::last_days(14))
        .status(status)
        .size(200u32);
    Ok(client.orders().list(&query).await?.content)
}

/// A common label fetched and stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLabel {
    /// The ZPL as stored: one `^XA…^XZ` program per box, one per line.
    pub zpl: String,
    /// How many labels (boxes).
    pub boxes: usize,
    /// Where it was written.
    pub location: String,
}

/// Ask Trendyol for the common label of `cargo_tracking_number` (`boxes` boxes), fetch
/// it, and store the ZPL as `labels/{cargo_tracking_number}.zpl`.
///
/// The label may not be ready the moment it is requested; an empty answer or a 404 is
/// asked again a few times before giving up.
pub async fn download_common_label(
    client: &trendyol_sdk::Client,
    storage: &dyn Storage,
    cargo_tracking_number: &str,
    boxes: u32,
) -> Result<StoredLabel, BoxError> {
    let sellers = client.sellers();
    let request = CommonLabelRequest {
        box_quantity: Some(boxes),
        ..CommonLabelRequest::default()
    };
    sellers
        .create_common_label(cargo_tracking_number, &request)
        .await?;
    let mut attempt = 0;
    let labels = loop {
        attempt += 1;
        match sellers.common_label(cargo_tracking_number).await {
            Ok(labels) if !labels.data.is_empty() => break labels,
            Ok(_) if attempt < 5 => {}
            Err(err) if err.status() == Some(404) && attempt < 5 => {}
            Ok(_) => return Err(format!("no label for {cargo_tracking_number}").into()),
            Err(err) => return Err(err.into()),
        }
        tokio::time::sleep(Duration::from_millis(300 * attempt)).await;
    };
    let programs: Vec<String> = labels.data.into_iter().filter_map(|l| l.label).collect();
    let zpl = programs.join("\n") + "\n";
    let location = storage.put(
        &format!("labels/{cargo_tracking_number}.zpl"),
        zpl.as_bytes(),
    )?;
    Ok(StoredLabel {
        zpl,
        boxes: programs.len(),
        location,
    })
}

/// Send the link of an invoice hosted elsewhere (your e-invoice provider) for a package.
pub async fn send_invoice_link(
    client: &trendyol_sdk::Client,
    shipment_package_id: u64,
    link: &str,
) -> Result<(), BoxError> {
    let request = InvoiceLinkRequest {
        invoice_link: link.to_owned(),
        shipment_package_id: shipment_package_id.into(),
        invoice_date_time: None,
        invoice_number: None,
    };
    client.sellers().send_invoice_link(&request).await?;
    Ok(())
}

/// An uploaded invoice: where the copy was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedInvoice {
    /// The package.
    pub shipment_package_id: u64,
    /// Where the local copy was written.
    pub location: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// Keep a copy of `file` as `invoices/{package}/{file name}`, then upload it to Trendyol.
/// The SDK checks size (≤ 10 MB) and type before anything is sent; a refused file is
/// neither stored nor sent.
pub async fn upload_invoice(
    client: &trendyol_sdk::Client,
    storage: &dyn Storage,
    file: &InvoiceFile,
) -> Result<UploadedInvoice, BoxError> {
    if file.data.len() > trendyol_sdk::api::sellers::MAX_INVOICE_FILE_BYTES {
        // Same rule as the SDK's; checked here too so nothing is stored either.
        return Err(trendyol_sdk::Error::invalid_input(
            "file",
            format!("{} bytes is over the 10 MB limit", file.data.len()),
        )
        .into());
    }
    client.sellers().upload_invoice_file(file).await?;
    let name = Path::new(&file.file_name).file_name().map_or_else(
        || "invoice".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let location = storage.put(
        &format!("invoices/{}/{name}", file.shipment_package_id),
        &file.data,
    )?;
    Ok(UploadedInvoice {
        shipment_package_id: file.shipment_package_id,
        location,
        bytes: file.data.len(),
    })
}

/// A small, valid one-page PDF saying `lines` — a stand-in for the invoice your
/// e-invoice software produces.
pub fn simple_pdf(lines: &[String]) -> Vec<u8> {
    let escape = |s: &str| {
        s.chars()
            .map(|c| match c {
                '(' | ')' | '\\' => format!("\\{c}"),
                c if c.is_ascii() && !c.is_ascii_control() => c.to_string(),
                _ => "?".to_owned(),
            })
            .collect::<String>()
    };
    let mut text = String::from("BT /F1 12 Tf 50 780 Td 16 TL\n");
    for line in lines {
        text.push_str(&format!("({}) '\n", escape(line)));
    }
    text.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{text}endstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn keys_cannot_leave_the_folder() {
        let storage = LocalStorage::new("/tmp/x");
        assert!(storage.path("labels/1.zpl").is_ok());
        assert!(storage.path("../etc/passwd").is_err());
        assert!(storage.path("/etc/passwd").is_err());
        assert!(storage.path("").is_err());
    }

    #[test]
    fn the_pdf_has_a_header_an_xref_and_an_end() {
        let pdf = String::from_utf8(simple_pdf(&["Fatura (1)".into()])).unwrap();
        assert!(pdf.starts_with("%PDF-1.4\n"));
        assert!(pdf.contains("(Fatura \\(1\\)) '"));
        let xref: usize = pdf
            .lines()
            .skip_while(|l| *l != "startxref")
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert!(pdf[xref..].starts_with("xref"));
        assert!(pdf.ends_with("%%EOF\n"));
    }
}
