//! Orders (§2): getShipmentPackages V2, the cursor stream and the package writes.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxState};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use chrono::{TimeDelta, Utc};
use marketplace_core::codec::Id;

use crate::model::orders::{
    AlternativeDeliveryRequest, PackageStatus, ShipmentPackage, ShipmentPackagesPage,
    ShipmentPackagesStreamPage, UnsuppliedRequest, UpdatePackageStatusRequest,
};

use super::{ApiError, Params, Shape, Shared, decode_body, page_of, plain_ok, webhooks};

const BASE: &str = "/integration/order/sellers/{sellerId}";

pub(crate) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(&format!("{BASE}/v2/orders"), get(list))
        .route(&format!("{BASE}/orders/stream"), get(stream))
        .route(
            &format!("{BASE}/shipment-packages/{{packageId}}"),
            put(update_status),
        )
        .route(
            &format!("{BASE}/shipment-packages/{{packageId}}/items/unsupplied"),
            put(unsupplied),
        )
        .route(
            &format!("{BASE}/shipment-packages/{{packageId}}/alternative-delivery"),
            put(alternative_delivery),
        )
        .route(
            &format!("{BASE}/shipment-packages/{{packageId}}/{{action}}"),
            put(accept_write),
        )
}

type Handler<T> = Result<T, ApiError>;

fn bad(message: String) -> ApiError {
    ApiError::bad_order(message)
}

fn package_id(raw: &str) -> Handler<u64> {
    raw.parse()
        .map_err(|_| ApiError::bad_order(format!("packageId geçersiz: {raw}")))
}

/// getShipmentPackages V2 (§2.1).
async fn list(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<ShipmentPackagesPage>> {
    let q = Params::parse(raw.as_deref());
    let page = q.number::<u32>("page").map_err(bad)?.unwrap_or(0);
    let size = q.number::<u32>("size").map_err(bad)?.unwrap_or(50);
    if size == 0 || size > 200 {
        return Err(bad(format!("size en fazla 200 olabilir: {size}")));
    }
    if u64::from(page) * u64::from(size) >= 10_000 {
        return Err(bad(
            "maxQueryWindowResult: en fazla 10000 kayda erişilebilir.".to_owned(),
        ));
    }
    let end = q.millis("endDate").map_err(bad)?;
    let start = q.millis("startDate").map_err(bad)?;
    let (start, end) = match (start, end) {
        (None, None) => {
            let now = Utc::now();
            (now - TimeDelta::days(7), now)
        }
        (Some(s), None) => (s, s + TimeDelta::days(14)),
        (None, Some(e)) => (e - TimeDelta::days(7), e),
        (Some(s), Some(e)) => (s, e),
    };
    if end < start {
        return Err(bad("endDate startDate'ten önce olamaz.".to_owned()));
    }
    if end - start > TimeDelta::days(14) {
        return Err(bad(
            "startDate ve endDate arası en fazla 2 hafta olabilir.".to_owned()
        ));
    }
    let statuses: Vec<PackageStatus> = q
        .all("status")
        .into_iter()
        .map(PackageStatus::from)
        .collect();
    let ids: Vec<u64> = q
        .all("shipmentPackageIds")
        .into_iter()
        .map(|s| {
            s.parse()
                .map_err(|_| bad(format!("shipmentPackageIds geçersiz: {s}")))
        })
        .collect::<Handler<_>>()?;
    if ids.len() > 50 {
        return Err(bad("shipmentPackageIds en fazla 50 olabilir.".to_owned()));
    }
    let order_number = q.get("orderNumber");
    let descending = q
        .get("orderByDirection")
        .is_none_or(|d| !d.eq_ignore_ascii_case("ASC"));
    let mut matching: Vec<ShipmentPackage> = {
        let state = shared.lock();
        state
            .packages
            .values()
            .filter(|p| p.order_date.is_some_and(|d| d >= start && d <= end))
            .filter(|p| {
                statuses.is_empty() || p.status.as_ref().is_some_and(|s| statuses.contains(s))
            })
            .filter(|p| order_number.is_none_or(|n| p.order_number.as_deref() == Some(n)))
            .filter(|p| {
                ids.is_empty()
                    || p.shipment_package_id
                        .as_u64()
                        .is_some_and(|id| ids.contains(&id))
            })
            .cloned()
            .collect()
    };
    // PackageLastModifiedDate order; ties by id so paging is stable.
    matching.sort_by_key(|p| (p.last_modified_date, p.shipment_package_id.as_u64()));
    if descending {
        matching.reverse();
    }
    let (content, total_pages) = page_of(&matching, page, size);
    Ok(axum::Json(ShipmentPackagesPage {
        total_elements: Some(matching.len() as u64),
        total_pages: Some(total_pages),
        page: Some(page),
        size: Some(size),
        content,
    }))
}

/// getShipmentPackagesStream (§2.2): `lastModifiedDate` DESC, opaque cursor bound to the
/// filters (reusing it with other filters is a 400).
async fn stream(
    AxState(shared): AxState<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Handler<axum::Json<ShipmentPackagesStreamPage>> {
    let q = Params::parse(raw.as_deref());
    let size = q.number::<u32>("size").map_err(bad)?.unwrap_or(50);
    if size == 0 || size > 200 {
        return Err(bad(format!("size en fazla 200 olabilir: {size}")));
    }
    let statuses: Vec<PackageStatus> = q
        .all("packageItemStatuses")
        .into_iter()
        .map(PackageStatus::from)
        .collect();
    let start = q.millis("lastModifiedStartDate").map_err(bad)?;
    let end = q.millis("lastModifiedEndDate").map_err(bad)?;
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (Some(s), None) => (s, s + TimeDelta::days(14)),
        (None, Some(e)) => (e - TimeDelta::days(14), e),
        // "The last two weeks": up to now, including changes stamped this millisecond.
        (None, None) => {
            let now = Utc::now();
            (now - TimeDelta::days(14), now + TimeDelta::seconds(1))
        }
    };
    if end - start > TimeDelta::days(14) + TimeDelta::seconds(1) || end < start {
        return Err(bad("Tarih aralığı en fazla 2 hafta olabilir.".to_owned()));
    }
    let mut hasher = DefaultHasher::new();
    (
        size,
        q.get("packageItemStatuses"),
        q.get("lastModifiedStartDate"),
        q.get("lastModifiedEndDate"),
    )
        .hash(&mut hasher);
    let filters = format!("{:016x}", hasher.finish());
    let offset = match q.get("nextCursor") {
        None => 0,
        Some(cursor) => {
            let (offset, bound) = cursor
                .split_once('.')
                .ok_or_else(|| bad(format!("nextCursor geçersiz: {cursor}")))?;
            if bound != filters {
                return Err(bad(
                    "Filtreler değiştiğinde yeni bir akış başlatılmalıdır.".to_owned()
                ));
            }
            offset
                .parse::<usize>()
                .map_err(|_| bad(format!("nextCursor geçersiz: {cursor}")))?
        }
    };
    let mut matching: Vec<ShipmentPackage> = {
        let state = shared.lock();
        state
            .packages
            .values()
            .filter(|p| p.last_modified_date.is_some_and(|d| d >= start && d <= end))
            .filter(|p| {
                statuses.is_empty() || p.status.as_ref().is_some_and(|s| statuses.contains(s))
            })
            .cloned()
            .collect()
    };
    matching.sort_by_key(|p| (p.last_modified_date, p.shipment_package_id.as_u64()));
    matching.reverse();
    let content: Vec<ShipmentPackage> = matching
        .iter()
        .skip(offset)
        .take(size as usize)
        .cloned()
        .collect();
    let next = offset + content.len();
    let has_more = next < matching.len();
    Ok(axum::Json(ShipmentPackagesStreamPage {
        has_more: Some(has_more),
        next_cursor: Some(if has_more {
            format!("{next}.{filters}")
        } else {
            String::new()
        }),
        size: Some(size),
        content,
    }))
}

fn line_pairs(lines: &[crate::model::orders::LineQuantity]) -> Vec<(Id, u32)> {
    lines
        .iter()
        .map(|l| (l.line_id.clone(), l.quantity))
        .collect()
}

/// updatePackageStatus (§2.3).
async fn update_status(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, package)): Path<(String, String)>,
    body: Bytes,
) -> Handler<Response> {
    let id = package_id(&package)?;
    let request: UpdatePackageStatusRequest = decode_body(&body, Shape::Order)?;
    let changed = shared
        .lock()
        .seller_status_update(
            id,
            &request.status,
            &line_pairs(&request.lines),
            request.params.invoice_number.as_deref(),
        )
        .map_err(ApiError::from_refusal)?;
    webhooks::notify(&shared, &[changed]);
    Ok(axum::http::StatusCode::OK.into_response())
}

/// cancelOrderPackageItem (§2.4).
async fn unsupplied(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, package)): Path<(String, String)>,
    body: Bytes,
) -> Handler<Response> {
    let id = package_id(&package)?;
    let request: UnsuppliedRequest = decode_body(&body, Shape::Order)?;
    if matches!(
        request.reason_id,
        crate::model::orders::UnsuppliedReason::Unknown(_)
    ) {
        return Err(bad(format!(
            "reasonId geçersiz: {}",
            request.reason_id.code()
        )));
    }
    let changed = shared
        .lock()
        .unsupplied(id, &line_pairs(&request.lines))
        .map_err(ApiError::from_refusal)?;
    webhooks::notify(&shared, &changed);
    Ok(axum::http::StatusCode::OK.into_response())
}

/// processAlternativeDelivery (§2.13): the package moves to `Shipped`.
async fn alternative_delivery(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, package)): Path<(String, String)>,
    body: Bytes,
) -> Handler<Response> {
    let id = package_id(&package)?;
    let _request: AlternativeDeliveryRequest = decode_body(&body, Shape::Order)?;
    let changed = {
        let mut state = shared.lock();
        let status = state.package_status(id).ok_or_else(|| {
            ApiError::order(
                axum::http::StatusCode::NOT_FOUND,
                format!("{id} numaralı paket bulunamadı."),
            )
        })?;
        if !matches!(status, PackageStatus::Picking | PackageStatus::Invoiced) {
            return Err(bad(format!(
                "{status} statüsündeki paket için alternatif teslimat yapılamaz."
            )));
        }
        state.set_status(id, PackageStatus::Shipped)
    };
    if let Some(package) = changed {
        webhooks::notify(&shared, &[package]);
    }
    Ok(axum::http::StatusCode::OK.into_response())
}

/// The other package writes (cargo provider, box info, warehouse, …): accepted for an
/// existing package that has not left the seller; no state change is modelled.
async fn accept_write(
    AxState(shared): AxState<Arc<Shared>>,
    Path((_seller, package, action)): Path<(String, String, String)>,
) -> Handler<Response> {
    const KNOWN: [&str; 10] = [
        "cargo-providers",
        "box-info",
        "delivered-by-service",
        "warehouse",
        "extended-agreed-delivery-date",
        "labor-costs",
        "update-tracking-number",
        "tracking-details",
        "manual-invoice-delivery",
        "manual-return",
    ];
    if !KNOWN.contains(&action.as_str()) {
        return Err(ApiError::order(
            axum::http::StatusCode::NOT_FOUND,
            format!("No handler found for PUT {action}"),
        ));
    }
    let id = package_id(&package)?;
    let status = shared.lock().package_status(id).ok_or_else(|| {
        ApiError::order(
            axum::http::StatusCode::NOT_FOUND,
            format!("{id} numaralı paket bulunamadı."),
        )
    })?;
    let before_shipment = matches!(
        status,
        PackageStatus::Created | PackageStatus::Picking | PackageStatus::Invoiced
    );
    if !before_shipment && !action.starts_with("manual") && action != "labor-costs" {
        return Err(bad(
            "Shipment Update Edilebilir Bir Durumda Değil.".to_owned()
        ));
    }
    Ok(if action == "warehouse" {
        plain_ok()
    } else {
        axum::http::StatusCode::OK.into_response()
    })
}
