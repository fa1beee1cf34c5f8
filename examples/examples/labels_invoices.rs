//! Labels and invoices on Trendyol (roadmap sprint 11): the seller's addresses, a common
//! cargo label downloaded to a file, an invoice link sent, an invoice file uploaded.
//!
//! `cargo run --example labels_invoices` — against the built-in sandbox unless
//! `TRENDYOL_*` credentials are set (see `examples/src/lib.rs`). Files go to
//! `$PAZARYERI_OUT` (default `./pazaryeri-out/`), created if missing.
//!
//! With a real account the example only reads (addresses, candidate packages) unless
//! `--write` is given; even then it sends an invoice link only from
//! `PAZARYERI_INVOICE_LINK` and uploads an invoice only from the file named by
//! `PAZARYERI_INVOICE_FILE` — never a made-up invoice to a real customer.
#![allow(clippy::print_stdout)]

use examples::BoxError;
use examples::documents::{self, LocalStorage};
use trendyol_sdk::model::orders::{PackageStatus, ShipmentPackage};
use trendyol_sdk::model::sellers::{InvoiceFile, SupplierAddress};

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let connection = examples::trendyol().await?;
    let client = &connection.client;
    let sandbox = connection.is_sandbox();
    let write = sandbox || std::env::args().any(|a| a == "--write");
    let storage = LocalStorage::from_env();
    println!("Documents are kept in {}/", storage.root().display());

    println!("\n== Seller addresses ==");
    let addresses = client.sellers().addresses().await?;
    for a in &addresses.supplier_addresses {
        println!("{}", address_line(a));
    }
    if let Some(a) = &addresses.default_shipment_address {
        println!("default shipment address: #{}", id_of(a));
    }

    let picking = documents::packages_in(client, PackageStatus::Picking).await?;
    let invoiced = documents::packages_in(client, PackageStatus::Invoiced).await?;
    println!(
        "\n{} package(s) in Picking, {} in Invoiced over the last 14 days",
        picking.len(),
        invoiced.len()
    );
    if !write {
        println!(
            "Real account and no --write: stopping before creating labels or sending invoices."
        );
        return Ok(());
    }

    println!("\n== Common label ==");
    match picking.iter().find(|p| p.cargo_tracking_number.is_some()) {
        Some(package) => {
            let ctn = package
                .cargo_tracking_number
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let label = documents::download_common_label(client, &storage, &ctn, 2).await?;
            println!(
                "package {} ({}): {} label(s), {} bytes of ZPL",
                package.shipment_package_id,
                package.cargo_provider_name.as_deref().unwrap_or("-"),
                label.boxes,
                label.zpl.len()
            );
            println!("wrote {}", label.location);
        }
        None => println!("no package in Picking with a tracking number; nothing to label"),
    }

    let mut waiting = invoiced.iter().filter(|p| p.invoice_link.is_none());
    println!("\n== Invoice link ==");
    let link = std::env::var("PAZARYERI_INVOICE_LINK").ok();
    match (waiting.next(), link) {
        (Some(package), Some(link)) => send_link(client, package, &link).await?,
        (Some(package), None) if sandbox => {
            let link = format!(
                "https://fatura.example.com/2026/{}.pdf",
                package.shipment_package_id
            );
            send_link(client, package, &link).await?;
        }
        (Some(_), None) => println!("set PAZARYERI_INVOICE_LINK to send a real invoice link"),
        (None, _) => println!("no Invoiced package without an invoice"),
    }

    println!("\n== Invoice file ==");
    let target = waiting.next();
    let file = match (target, std::env::var("PAZARYERI_INVOICE_FILE").ok()) {
        (None, _) => None,
        (Some(package), Some(path)) => Some(invoice_from_file(package, &path)?),
        (Some(package), None) if sandbox => Some(stand_in_invoice(package)),
        (Some(_), None) => {
            println!("set PAZARYERI_INVOICE_FILE to upload a real invoice (PDF/JPEG/PNG)");
            None
        }
    };
    match file {
        Some(file) => {
            let uploaded = documents::upload_invoice(client, &storage, &file).await?;
            println!(
                "uploaded {} ({} bytes) for package {}",
                file.file_name, uploaded.bytes, uploaded.shipment_package_id
            );
            println!("wrote {}", uploaded.location);
            // The 10 MB rule is checked before anything is sent or stored.
            let too_big = InvoiceFile {
                data: vec![0; trendyol_sdk::api::sellers::MAX_INVOICE_FILE_BYTES + 1],
                ..file
            };
            match documents::upload_invoice(client, &storage, &too_big).await {
                Err(err) => println!("a file over 10 MB is refused before sending: {err}"),
                Ok(_) => return Err("an oversized invoice was accepted".into()),
            }
        }
        None if target.is_none() => println!("no second Invoiced package without an invoice"),
        None => {}
    }

    println!("\nDone. Files are under {}/", storage.root().display());
    Ok(())
}

async fn send_link(
    client: &trendyol_sdk::Client,
    package: &ShipmentPackage,
    link: &str,
) -> Result<(), BoxError> {
    let id = package_id(package)?;
    documents::send_invoice_link(client, id, link).await?;
    println!("sent {link} for package {id}");
    Ok(())
}

fn package_id(package: &ShipmentPackage) -> Result<u64, BoxError> {
    Ok(package.shipment_package_id.as_str().parse()?)
}

fn stand_in_invoice(package: &ShipmentPackage) -> InvoiceFile {
    let id = package_id(package).unwrap_or_default();
    let total = package
        .package_total_price
        .map_or_else(|| "-".to_owned(), examples::finance::format_try);
    let lines = [
        "FATURA (ornek / sample)".to_owned(),
        format!("Paket: {id}"),
        format!(
            "Siparis: {}",
            package.order_number.as_deref().unwrap_or("-")
        ),
        format!("Tutar: {total} TRY"),
    ];
    InvoiceFile {
        shipment_package_id: id,
        file_name: format!("fatura-{id}.pdf"),
        mime: "application/pdf".into(),
        data: documents::simple_pdf(&lines),
        invoice_date_time: None,
        invoice_number: None,
    }
}

fn invoice_from_file(package: &ShipmentPackage, path: &str) -> Result<InvoiceFile, BoxError> {
    let data = std::fs::read(path)?;
    let lower = path.to_ascii_lowercase();
    let mime = if lower.ends_with(".pdf") {
        "application/pdf"
    } else if lower.ends_with(".png") {
        "image/png"
    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        "image/jpeg"
    } else {
        return Err(format!("{path}: use a .pdf, .png or .jpg invoice").into());
    };
    let file_name = std::path::Path::new(path).file_name().map_or_else(
        || "invoice".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(InvoiceFile {
        shipment_package_id: package_id(package)?,
        file_name,
        mime: mime.into(),
        data,
        invoice_date_time: None,
        invoice_number: None,
    })
}

fn id_of(a: &SupplierAddress) -> String {
    a.id.as_ref()
        .map_or_else(|| "-".to_owned(), ToString::to_string)
}

fn address_line(a: &SupplierAddress) -> String {
    format!(
        "#{:<9} {:<10} {:<8} {}",
        id_of(a),
        a.address_type.as_deref().unwrap_or("-"),
        if a.is_default == Some(true) {
            "default"
        } else {
            ""
        },
        a.full_address.as_deref().unwrap_or("-")
    )
}
