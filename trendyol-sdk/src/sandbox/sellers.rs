//! Seller services (§6): supplier addresses, common labels (ZPL), invoice links and
//! invoice files.
//!
//! Rules applied as Trendyol documents them: a common label is created for a package's
//! cargo tracking number once the package is `Picking` or `Invoiced`, format `ZPL` only,
//! one label per box; an invoice link must be an absolute http(s) URL, the invoice number
//! and time follow the micro-export formats, a package takes one invoice (409 otherwise)
//! and a link serves one package; deleting a link needs the order's customer id and
//! channel 1; an invoice file is multipart with `shipmentPackageId` and `file` (PDF, JPEG
//! or PNG — the content must match the type — at most 10 MB, not future-dated).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State as AxState};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;

use crate::api::sellers::MAX_INVOICE_FILE_BYTES;
use crate::model::orders::{PackageStatus, ShipmentPackage};
use crate::model::sellers::{
    CommonLabel, CommonLabelRequest, CommonLabels, DeleteInvoiceLinkRequest, InvoiceLinkRequest,
    SupplierAddress, SupplierAddresses,
};

use super::{ApiError, Shape, Shared, decode_body};

type Handler<T> = Result<T, ApiError>;

const BASE: &str = "/integration/sellers/{sellerId}";

/// Most boxes one common label request may ask for (the sandbox's own bound).
const MAX_BOXES: u32 = 99;

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(&format!("{BASE}/addresses"), get(addresses))
        .route(
            &format!("{BASE}/common-label/{{cargoTrackingNumber}}"),
            post(create_label).get(get_label),
        )
        .route(&format!("{BASE}/seller-invoice-links"), post(send_link))
        .route(
            &format!("{BASE}/seller-invoice-links/delete"),
            post(delete_link),
        )
        .route(
            &format!("{BASE}/seller-invoice-file"),
            // Room for a file a little over the limit, so the size rule answers (400)
            // instead of the body limit (413).
            post(upload_file).layer(DefaultBodyLimit::max(MAX_INVOICE_FILE_BYTES + 1024 * 1024)),
        )
}

/// An invoice file the sandbox accepted (see [`Sandbox::invoice_file`](super::Sandbox::invoice_file)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReceivedInvoiceFile {
    /// The package it belongs to.
    pub shipment_package_id: u64,
    /// The file name sent.
    pub file_name: String,
    /// The content type sent.
    pub mime: String,
    /// The file's bytes.
    pub data: Vec<u8>,
    /// `invoiceNumber`, when sent.
    pub invoice_number: Option<String>,
    /// `invoiceDateTime` as sent (epoch seconds or millis), when sent.
    pub invoice_date_time: Option<i64>,
    /// Where the sandbox "hosts" it (also the package's `invoiceLink`).
    pub url: String,
}

/// A sent invoice link.
#[derive(Debug, Clone)]
pub(crate) struct LinkRecord {
    pub(crate) link: String,
}

/// What the seller-services area holds.
pub(crate) struct SellerState {
    pub(crate) addresses: SupplierAddresses,
    /// Labels by cargo tracking number.
    pub(crate) labels: HashMap<String, Vec<CommonLabel>>,
    /// Invoice links by package id.
    pub(crate) links: BTreeMap<u64, LinkRecord>,
    /// Invoice files by package id.
    pub(crate) files: BTreeMap<u64, ReceivedInvoiceFile>,
}

impl SellerState {
    /// The seller's addresses (reference data, always there) and nothing else yet.
    pub(crate) fn new() -> Self {
        let address = |id: u64,
                       kind: &str,
                       city: &str,
                       city_code: i64,
                       district: &str,
                       district_id: i64,
                       street: &str,
                       default: bool| {
            SupplierAddress {
                id: Some(Id::from(id)),
                address_type: Some(kind.to_owned()),
                country: Some("Türkiye".into()),
                city: Some(city.to_owned()),
                city_code: Some(city_code),
                district: Some(district.to_owned()),
                district_id: Some(district_id),
                post_code: Some(format!("{city_code:02}400")),
                address: Some(street.to_owned()),
                full_address: Some(format!("{street} {district}/{city}")),
                is_returning_address: Some(kind == "Returning"),
                is_shipment_address: Some(kind == "Shipment"),
                is_invoice_address: Some(kind == "Invoice"),
                is_default: Some(default),
                present: None,
            }
        };
        let shipment = address(
            1_204_001,
            "Shipment",
            "Kocaeli",
            41,
            "Gebze",
            4101,
            "Güzeller OSB, Nilüfer Sk. No:7",
            true,
        );
        let second_shipment = address(
            1_204_002,
            "Shipment",
            "İstanbul",
            34,
            "Esenyurt",
            3421,
            "Kıraç Mah. Depo Cad. No:18",
            false,
        );
        let invoice = address(
            1_204_003,
            "Invoice",
            "İstanbul",
            34,
            "Şişli",
            3433,
            "Mecidiyeköy Mah. Büyükdere Cad. No:120 K:5",
            true,
        );
        let returning = address(
            1_204_004,
            "Returning",
            "Kocaeli",
            41,
            "Gebze",
            4101,
            "Güzeller OSB, Nilüfer Sk. No:7 (İade Kabul)",
            true,
        );
        SellerState {
            addresses: SupplierAddresses {
                supplier_addresses: vec![
                    shipment.clone(),
                    second_shipment,
                    invoice.clone(),
                    returning,
                ],
                default_shipment_address: Some(shipment),
                default_invoice_address: Some(invoice),
                // As in Trendyol's sample: only `{"present": true}`.
                default_returning_address: Some(SupplierAddress {
                    id: None,
                    address_type: None,
                    country: None,
                    city: None,
                    city_code: None,
                    district: None,
                    district_id: None,
                    post_code: None,
                    address: None,
                    full_address: None,
                    is_returning_address: None,
                    is_shipment_address: None,
                    is_invoice_address: None,
                    is_default: None,
                    present: Some(true),
                }),
            },
            labels: HashMap::new(),
            links: BTreeMap::new(),
            files: BTreeMap::new(),
        }
    }
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_order(message)
}

fn not_found(message: impl Into<String>) -> ApiError {
    ApiError::order(StatusCode::NOT_FOUND, message)
}

fn conflict(message: impl Into<String>) -> ApiError {
    ApiError::order(StatusCode::CONFLICT, message)
}

fn created() -> Response {
    StatusCode::CREATED.into_response()
}

/// getSuppliersAddresses.
async fn addresses(AxState(shared): AxState<Arc<Shared>>) -> axum::Json<SupplierAddresses> {
    axum::Json(shared.lock().sellers.addresses.clone())
}

/// The package whose `cargoTrackingNumber` is `ctn`.
fn package_by_tracking<'a>(
    packages: &'a BTreeMap<u64, ShipmentPackage>,
    ctn: &str,
) -> Option<&'a ShipmentPackage> {
    packages.values().find(|p| {
        p.cargo_tracking_number
            .as_ref()
            .is_some_and(|t| t.as_str() == ctn)
    })
}

fn check_tracking_number(ctn: &str) -> Handler<()> {
    if ctn.is_empty() || !ctn.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad(format!("Geçersiz kargo takip numarası: {ctn}")));
    }
    Ok(())
}

/// A ZPL program for box `index` of `boxes` of `package`.
fn zpl(package: &ShipmentPackage, ctn: &str, index: u32, boxes: u32) -> String {
    let name = format!(
        "{} {}",
        package.customer_first_name.as_deref().unwrap_or_default(),
        package.customer_last_name.as_deref().unwrap_or_default()
    );
    let address = package.shipment_address.as_ref();
    let city = address.and_then(|a| a.city.clone()).unwrap_or_default();
    let district = address.and_then(|a| a.district.clone()).unwrap_or_default();
    let order = package.order_number.as_deref().unwrap_or_default();
    format!(
        "^XA^CI28\
         ^FO40,30^A0N,36,36^FDTrendyol Express^FS\
         ^FO40,80^A0N,28,28^FDAlici: {name}^FS\
         ^FO40,115^A0N,28,28^FD{district} / {city}^FS\
         ^FO40,150^A0N,28,28^FDSiparis: {order}  Paket: {package_id}^FS\
         ^FO40,200^BY3^BCN,120,Y,N,N^FD{ctn}^FS\
         ^FO40,360^A0N,32,32^FDKoli {index}/{boxes}^FS\
         ^XZ",
        name = name.trim(),
        package_id = package.shipment_package_id,
    )
}

/// createCommonLabel: 200 without a body.
async fn create_label(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, ctn)): Path<(String, String)>,
    body: Bytes,
) -> Handler<Response> {
    check_tracking_number(&ctn)?;
    let request: CommonLabelRequest = decode_body(&body, Shape::Order)?;
    if request.format != "ZPL" {
        return Err(bad(format!(
            "Geçersiz etiket formatı: {}; yalnızca ZPL desteklenir.",
            request.format
        )));
    }
    let boxes = request.box_quantity.unwrap_or(1);
    if boxes == 0 || boxes > MAX_BOXES {
        return Err(bad(format!(
            "boxQuantity 1 ile {MAX_BOXES} arasında olmalıdır: {boxes}"
        )));
    }
    if request
        .volumetric_height
        .is_some_and(|h| h <= Decimal::ZERO)
    {
        return Err(bad("volumetricHeight sıfırdan büyük olmalıdır."));
    }
    let mut state = shared.lock();
    let package = package_by_tracking(&state.packages, &ctn)
        .ok_or_else(|| not_found(format!("{ctn} takip numaralı gönderi bulunamadı.")))?;
    let status = package.status.clone().unwrap_or(PackageStatus::Created);
    if !matches!(status, PackageStatus::Picking | PackageStatus::Invoiced) {
        return Err(bad(format!(
            "Ortak etiket yalnızca Picking veya Invoiced statüsündeki paketler için oluşturulabilir; paket {status} statüsünde."
        )));
    }
    let labels: Vec<CommonLabel> = (1..=boxes)
        .map(|i| CommonLabel {
            label: Some(zpl(package, &ctn, i, boxes)),
            format: Some("ZPL".into()),
        })
        .collect();
    state.sellers.labels.insert(ctn, labels);
    Ok(StatusCode::OK.into_response())
}

/// getCommonLabel: `{"data": [{label, format}]}`.
async fn get_label(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, ctn)): Path<(String, String)>,
) -> Handler<axum::Json<CommonLabels>> {
    check_tracking_number(&ctn)?;
    let state = shared.lock();
    if package_by_tracking(&state.packages, &ctn).is_none() {
        return Err(not_found(format!(
            "{ctn} takip numaralı gönderi bulunamadı."
        )));
    }
    let labels = state.sellers.labels.get(&ctn).cloned().ok_or_else(|| {
        not_found(format!(
            "{ctn} için etiket bulunamadı; önce createCommonLabel ile oluşturun."
        ))
    })?;
    Ok(axum::Json(CommonLabels { data: labels }))
}

fn is_http_url(link: &str) -> bool {
    url::Url::parse(link.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// `^[A-Za-z0-9]{3}20[2-9][0-9]\d{9}$`.
fn valid_invoice_number(n: &str) -> bool {
    let b = n.as_bytes();
    b.len() == 16
        && b[..3].iter().all(u8::is_ascii_alphanumeric)
        && b[3..5] == *b"20"
        && (b'2'..=b'9').contains(&b[5])
        && b[6..].iter().all(u8::is_ascii_digit)
}

/// Epoch seconds (10 digits) or millis (13) → time; `Err` names the rule.
fn invoice_time(at: i64) -> Handler<DateTime<Utc>> {
    let digits = at.to_string().len();
    let parsed = match digits {
        10 if at > 0 => DateTime::from_timestamp(at, 0),
        13 if at > 0 => DateTime::from_timestamp_millis(at),
        _ => None,
    };
    parsed.ok_or_else(|| {
        bad("invoiceDateTime 10 (saniye) veya 13 (milisaniye) haneli pozitif bir sayı olmalıdır.")
    })
}

fn package_id(id: &Id) -> Handler<u64> {
    id.as_str()
        .parse()
        .map_err(|_| bad(format!("Geçersiz shipmentPackageId: {id}")))
}

/// Whether the package already carries an invoice (link or file).
fn has_invoice(state: &super::state::State, id: u64) -> bool {
    state.sellers.links.contains_key(&id) || state.sellers.files.contains_key(&id)
}

/// sendInvoiceLink: 201.
async fn send_link(AxState(shared): AxState<Arc<Shared>>, body: Bytes) -> Handler<Response> {
    let request: InvoiceLinkRequest = decode_body(&body, Shape::Order)?;
    let link = request.invoice_link.trim().to_owned();
    if !is_http_url(&link) {
        return Err(bad("invoiceLink geçerli bir http(s) adresi olmalıdır."));
    }
    if let Some(n) = &request.invoice_number {
        if !valid_invoice_number(n) {
            return Err(bad(format!("Geçersiz invoiceNumber: {n}")));
        }
    }
    if let Some(at) = request.invoice_date_time {
        if invoice_time(at)? > Utc::now() {
            return Err(bad("Gelecek tarihli fatura gönderilemez."));
        }
    }
    let id = package_id(&request.shipment_package_id)?;
    let mut state = shared.lock();
    if !state.packages.contains_key(&id) {
        return Err(not_found(format!("{id} numaralı paket bulunamadı.")));
    }
    if has_invoice(&state, id) {
        return Err(conflict(format!(
            "{id} numaralı paket için daha önce fatura gönderilmiş."
        )));
    }
    if state.sellers.links.values().any(|l| l.link == link) {
        return Err(conflict(
            "Bu fatura linki başka bir paket için kullanılmış.",
        ));
    }
    state
        .sellers
        .links
        .insert(id, LinkRecord { link: link.clone() });
    set_invoice_link(&mut state, id, Some(link));
    Ok(created())
}

fn set_invoice_link(state: &mut super::state::State, id: u64, link: Option<String>) {
    let at = state.stamp();
    if let Some(p) = state.packages.get_mut(&id) {
        p.invoice_link = link;
        p.last_modified_date = Some(at);
    }
}

/// deleteInvoiceLink: 202.
async fn delete_link(AxState(shared): AxState<Arc<Shared>>, body: Bytes) -> Handler<Response> {
    let request: DeleteInvoiceLinkRequest = decode_body(&body, Shape::Order)?;
    if request.channel_id != 1 {
        return Err(bad(format!(
            "channelId 1 olmalıdır: {}",
            request.channel_id
        )));
    }
    let id = package_id(&request.service_source_id)?;
    let mut state = shared.lock();
    let package = state
        .packages
        .get(&id)
        .ok_or_else(|| not_found(format!("{id} numaralı paket bulunamadı.")))?;
    if package.customer_id.as_ref() != Some(&request.customer_id) {
        return Err(bad(format!(
            "customerId {} {id} numaralı paketin müşterisi değil.",
            request.customer_id
        )));
    }
    if state.sellers.links.remove(&id).is_none() {
        return Err(not_found(format!(
            "{id} numaralı paket için fatura linki bulunamadı."
        )));
    }
    set_invoice_link(&mut state, id, None);
    Ok(StatusCode::ACCEPTED.into_response())
}

/// One part of a `multipart/form-data` body.
#[derive(Debug)]
struct FormPart {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// `name="value"` parameters of a header value such as Content-Disposition.
fn header_param(value: &str, key: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Parse `multipart/form-data` (RFC 7578) with the boundary of `content_type`.
fn parse_multipart(content_type: &str, body: &[u8]) -> Result<Vec<FormPart>, String> {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    if !mime.eq_ignore_ascii_case("multipart/form-data") {
        return Err(format!(
            "İstek multipart/form-data olmalıdır, {mime} geldi."
        ));
    }
    let boundary = header_param(content_type, "boundary")
        .filter(|b| !b.is_empty())
        .ok_or("multipart boundary eksik.")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let next_delimiter = format!("\r\n--{boundary}").into_bytes();
    let mut pos =
        find(body, &delimiter, 0).ok_or("multipart gövdesi okunamadı.")? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Ok(parts);
        }
        if body.get(pos..pos + 2) != Some(b"\r\n") {
            return Err("multipart gövdesi okunamadı.".into());
        }
        let head_start = pos + 2;
        let head_end = find(body, b"\r\n\r\n", head_start).ok_or("multipart başlığı okunamadı.")?;
        let head = String::from_utf8_lossy(&body[head_start..head_end]);
        let data_start = head_end + 4;
        let data_end =
            find(body, &next_delimiter, data_start).ok_or("multipart gövdesi yarım kalmış.")?;
        let mut part = FormPart {
            name: String::new(),
            file_name: None,
            content_type: None,
            data: body[data_start..data_end].to_vec(),
        };
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                part.name = header_param(value, "name").unwrap_or_default();
                part.file_name = header_param(value, "filename");
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                part.content_type = Some(value.trim().to_owned());
            }
        }
        parts.push(part);
        pos = data_end + next_delimiter.len();
    }
}

/// Whether `data` starts like a file of type `mime`.
fn content_matches(mime: &str, data: &[u8]) -> bool {
    match mime {
        "application/pdf" => data.starts_with(b"%PDF-"),
        "image/jpeg" => data.starts_with(&[0xFF, 0xD8, 0xFF]),
        "image/png" => data.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        _ => false,
    }
}

/// uploadInvoiceFile: 201.
async fn upload_file(
    AxState(shared): AxState<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Handler<Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let parts = parse_multipart(content_type, &body).map_err(bad)?;
    let text = |name: &str| {
        parts
            .iter()
            .find(|p| p.name == name && p.file_name.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let id: u64 = text("shipmentPackageId")
        .ok_or_else(|| bad("shipmentPackageId zorunludur."))?
        .parse()
        .map_err(|_| bad("shipmentPackageId sayı olmalıdır."))?;
    let file = parts
        .iter()
        .find(|p| p.name == "file" && p.file_name.is_some())
        .ok_or_else(|| bad("file zorunludur."))?;
    if file.data.is_empty() {
        return Err(bad("Dosya boş olamaz."));
    }
    if file.data.len() > MAX_INVOICE_FILE_BYTES {
        return Err(bad(format!(
            "Dosya boyutu en fazla 10 MB olabilir ({} bayt geldi).",
            file.data.len()
        )));
    }
    let mime = file
        .content_type
        .as_deref()
        .map(|m| {
            m.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if !matches!(
        mime.as_str(),
        "application/pdf" | "image/jpeg" | "image/png"
    ) {
        return Err(bad(format!(
            "Desteklenmeyen dosya türü: {mime}; PDF, JPEG veya PNG olmalıdır."
        )));
    }
    if !content_matches(&mime, &file.data) {
        return Err(bad(format!("Dosya içeriği {mime} türünde değil.")));
    }
    let invoice_number = text("invoiceNumber");
    if let Some(n) = &invoice_number {
        if !valid_invoice_number(n) {
            return Err(bad(format!("Geçersiz invoiceNumber: {n}")));
        }
    }
    let invoice_date_time = match text("invoiceDateTime") {
        None => None,
        Some(raw) => {
            let at: i64 = raw
                .parse()
                .map_err(|_| bad("invoiceDateTime sayı olmalıdır."))?;
            if invoice_time(at)? > Utc::now() {
                return Err(bad("Gelecek tarihli fatura gönderilemez."));
            }
            Some(at)
        }
    };
    let mut state = shared.lock();
    if !state.packages.contains_key(&id) {
        return Err(not_found(format!("{id} numaralı paket bulunamadı.")));
    }
    if has_invoice(&state, id) {
        return Err(conflict(format!(
            "{id} numaralı paket için daha önce fatura gönderilmiş."
        )));
    }
    let file_name = file.file_name.clone().unwrap_or_default();
    let extension = match mime.as_str() {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        _ => "png",
    };
    let url = format!(
        "https://invoice.sandbox.example/{id}/{}.{extension}",
        uuid::Uuid::new_v4()
    );
    state.sellers.files.insert(
        id,
        ReceivedInvoiceFile {
            shipment_package_id: id,
            file_name,
            mime,
            data: file.data.clone(),
            invoice_number,
            invoice_date_time,
            url: url.clone(),
        },
    );
    set_invoice_link(&mut state, id, Some(url));
    Ok(created())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn multipart_parts_are_read_with_names_file_names_and_types() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"shipmentPackageId\"\r\n\r\n42\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\nbody\r\n--XyZ--\r\n";
        let parts = parse_multipart("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "shipmentPackageId");
        assert_eq!(parts[0].data, b"42");
        assert_eq!(parts[1].file_name.as_deref(), Some("f.pdf"));
        assert_eq!(parts[1].content_type.as_deref(), Some("application/pdf"));
        assert_eq!(parts[1].data, b"%PDF-1.4\r\nbody");
    }

    #[test]
    fn non_multipart_and_broken_bodies_are_refused() {
        assert!(parse_multipart("application/json", b"{}").is_err());
        assert!(parse_multipart("multipart/form-data", b"--x").is_err());
        assert!(parse_multipart("multipart/form-data; boundary=x", b"--x\r\nno end").is_err());
    }

    #[test]
    fn invoice_numbers_and_times_follow_the_documented_formats() {
        assert!(valid_invoice_number("TY42024567890123"));
        assert!(!valid_invoice_number("TY42014567890123"));
        assert!(!valid_invoice_number("TY4202456789012"));
        assert!(invoice_time(1_678_788_898).is_ok());
        assert!(invoice_time(1_678_788_898_000).is_ok());
        assert!(invoice_time(12_345).is_err());
    }
}
