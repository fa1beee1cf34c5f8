//! Orders (reference §2): reading shipment packages and every package write.

use chrono::{DateTime, TimeDelta, Utc};
use futures::{Stream, StreamExt, TryStreamExt, stream};
use marketplace_core::http::Request;
use marketplace_core::paging::{
    CursorPage, Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, paginate_cursor,
    windowed,
};

use marketplace_core::codec::Id;
use rust_decimal::Decimal;

use crate::model::orders::{
    AlternativeDeliveryRequest, BoxInfoRequest, CargoProvider, ChangeCargoProviderRequest,
    ExtendDeliveryDateRequest, LaborCost, LineQuantity, MultiSplitRequest, MultiSplitResponse,
    OrderByDirection, OrderByField, PackageStatus, QuantitySplitRequest, QuantitySplitResponse,
    ShipmentPackage, ShipmentPackagesPage, ShipmentPackagesStreamPage, SplitPackagesRequest,
    SplitRequest, SplitResponse, TestOrderRequest, TestOrderResponse, TestPackageStatusRequest,
    TrackingDetailsRequest, UnsuppliedRequest, UpdatePackageStatusRequest,
    UpdateTrackingNumberRequest, UpdateWarehouseRequest,
};
use crate::{Client, Environment, Error, Result};

/// getShipmentPackages V2.
/// Path template of getShipmentPackages V2 (also its rate-limit key).
pub const PACKAGES_V2: &str = "/integration/order/sellers/{sellerId}/v2/orders";
/// getShipmentPackagesStream.
const PACKAGES_STREAM: &str = "/integration/order/sellers/{sellerId}/orders/stream";
/// Prefix of every package write.
const PACKAGE: &str = "/integration/order/sellers/{sellerId}/shipment-packages/{packageId}";

/// Largest page size of getShipmentPackages and the order stream.
pub const MAX_PAGE_SIZE: u32 = 200;
/// Most records getShipmentPackages V2 lets a query reach (`maxQueryWindowResult`).
pub const MAX_QUERY_RESULTS: u64 = 10_000;
/// Longest date range of one getShipmentPackages / order stream query.
pub const MAX_RANGE_DAYS: i64 = 14;
/// Most package ids in one `shipmentPackageIds` filter.
pub const MAX_PACKAGE_IDS: usize = 50;

impl Client {
    /// Orders: shipment packages and package writes (reference §2).
    pub fn orders(&self) -> Orders<'_> {
        Orders { client: self }
    }
}

/// The orders endpoint group; see [`Client::orders`].
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    client: &'a Client,
}

/// Filters of getShipmentPackages V2 (reference §2.1). Every field is optional.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use trendyol_sdk::api::orders::ShipmentPackagesQuery;
/// use trendyol_sdk::model::orders::{OrderByDirection, PackageStatus};
///
/// let q = ShipmentPackagesQuery::new()
///     .status(PackageStatus::Created)
///     .start_date(Utc.with_ymd_and_hms(2026, 5, 1, 0, 0, 0).unwrap())
///     .end_date(Utc.with_ymd_and_hms(2026, 5, 10, 0, 0, 0).unwrap())
///     .order_by_direction(OrderByDirection::Desc)
///     .size(50u32);
/// assert_eq!(q.size, Some(50));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ShipmentPackagesQuery {
    /// `startDate`: packages after this instant (sent as epoch milliseconds).
    pub start_date: Option<DateTime<Utc>>,
    /// `endDate`: packages up to this instant (epoch milliseconds).
    pub end_date: Option<DateTime<Utc>>,
    /// `page` (0-based).
    pub page: Option<u32>,
    /// `size` (at most [`MAX_PAGE_SIZE`]).
    pub size: Option<u32>,
    /// `orderNumber`: one order.
    pub order_number: Option<String>,
    /// `status`: one or more package statuses (several are comma-joined, as the guide shows).
    pub statuses: Vec<PackageStatus>,
    /// `orderByField`.
    pub order_by_field: Option<OrderByField>,
    /// `orderByDirection`.
    pub order_by_direction: Option<OrderByDirection>,
    /// `shipmentPackageIds` (at most [`MAX_PACKAGE_IDS`]; sent as repeated parameters).
    pub shipment_package_ids: Vec<u64>,
    /// `supplierId` (guide tables only; the same number as the seller id).
    pub supplier_id: Option<u64>,
}

impl ShipmentPackagesQuery {
    /// An empty query (Trendyol then answers with the last week).
    pub fn new() -> Self {
        Self::default()
    }

    /// Set `startDate`.
    #[must_use]
    pub fn start_date(mut self, at: impl Into<DateTime<Utc>>) -> Self {
        self.start_date = Some(at.into());
        self
    }

    /// Set `endDate`.
    #[must_use]
    pub fn end_date(mut self, at: impl Into<DateTime<Utc>>) -> Self {
        self.end_date = Some(at.into());
        self
    }

    /// Set both dates from a window.
    #[must_use]
    pub fn window(mut self, window: TimeWindow) -> Self {
        self.start_date = Some(window.start);
        self.end_date = Some(window.end);
        self
    }

    /// Set `page`.
    #[must_use]
    pub fn page(mut self, page: impl Into<u32>) -> Self {
        self.page = Some(page.into());
        self
    }

    /// Set `size`.
    #[must_use]
    pub fn size(mut self, size: impl Into<u32>) -> Self {
        self.size = Some(size.into());
        self
    }

    /// Set `orderNumber`.
    #[must_use]
    pub fn order_number(mut self, number: impl Into<String>) -> Self {
        self.order_number = Some(number.into());
        self
    }

    /// Add a `status`.
    #[must_use]
    pub fn status(mut self, status: impl Into<PackageStatus>) -> Self {
        self.statuses.push(status.into());
        self
    }

    /// Set `orderByField`.
    #[must_use]
    pub fn order_by_field(mut self, field: impl Into<OrderByField>) -> Self {
        self.order_by_field = Some(field.into());
        self
    }

    /// Set `orderByDirection`.
    #[must_use]
    pub fn order_by_direction(mut self, direction: impl Into<OrderByDirection>) -> Self {
        self.order_by_direction = Some(direction.into());
        self
    }

    /// Add a `shipmentPackageIds` entry.
    #[must_use]
    pub fn shipment_package_id(mut self, id: impl Into<u64>) -> Self {
        self.shipment_package_ids.push(id.into());
        self
    }

    /// Set `supplierId`.
    #[must_use]
    pub fn supplier_id(mut self, id: impl Into<u64>) -> Self {
        self.supplier_id = Some(id.into());
        self
    }

    fn validate(&self, check_range: bool) -> Result<()> {
        if let Some(size) = self.size {
            if size == 0 || size > MAX_PAGE_SIZE {
                return Err(Error::invalid_input(
                    "size",
                    format!("must be 1..={MAX_PAGE_SIZE}"),
                ));
            }
        }
        if self.shipment_package_ids.len() > MAX_PACKAGE_IDS {
            return Err(Error::invalid_input(
                "shipmentPackageIds",
                format!("at most {MAX_PACKAGE_IDS} ids per query"),
            ));
        }
        check_dates(self.start_date, self.end_date, "startDate", check_range)
    }

    fn to_request(&self, seller_id: u64) -> Request {
        let mut req = Request::get(PACKAGES_V2)
            .path_param("sellerId", seller_id)
            .query_opt("startDate", self.start_date.map(|d| d.timestamp_millis()))
            .query_opt("endDate", self.end_date.map(|d| d.timestamp_millis()))
            .query_opt("page", self.page)
            .query_opt("size", self.size)
            .query_opt("orderNumber", self.order_number.as_deref())
            .query_opt("status", join(&self.statuses))
            .query_opt("orderByField", self.order_by_field.as_ref())
            .query_opt("orderByDirection", self.order_by_direction.as_ref());
        for id in &self.shipment_package_ids {
            req = req.query("shipmentPackageIds", id);
        }
        req.query_opt("supplierId", self.supplier_id)
    }
}

/// Filters of getShipmentPackagesStream (reference §2.2).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct PackageStreamQuery {
    /// `size` (default 50, at most [`MAX_PAGE_SIZE`]).
    pub size: Option<u32>,
    /// `packageItemStatuses`: line-item statuses, comma-joined.
    pub package_item_statuses: Vec<PackageStatus>,
    /// `lastModifiedStartDate` (epoch milliseconds).
    pub last_modified_start_date: Option<DateTime<Utc>>,
    /// `lastModifiedEndDate` (epoch milliseconds).
    pub last_modified_end_date: Option<DateTime<Utc>>,
}

impl PackageStreamQuery {
    /// An empty query (Trendyol then limits it to the last two weeks).
    pub fn new() -> Self {
        Self::default()
    }

    /// Set `size`.
    #[must_use]
    pub fn size(mut self, size: impl Into<u32>) -> Self {
        self.size = Some(size.into());
        self
    }

    /// Add a `packageItemStatuses` entry.
    #[must_use]
    pub fn package_item_status(mut self, status: impl Into<PackageStatus>) -> Self {
        self.package_item_statuses.push(status.into());
        self
    }

    /// Set `lastModifiedStartDate`.
    #[must_use]
    pub fn last_modified_start_date(mut self, at: impl Into<DateTime<Utc>>) -> Self {
        self.last_modified_start_date = Some(at.into());
        self
    }

    /// Set `lastModifiedEndDate`.
    #[must_use]
    pub fn last_modified_end_date(mut self, at: impl Into<DateTime<Utc>>) -> Self {
        self.last_modified_end_date = Some(at.into());
        self
    }

    fn validate(&self) -> Result<()> {
        if let Some(size) = self.size {
            if size == 0 || size > MAX_PAGE_SIZE {
                return Err(Error::invalid_input(
                    "size",
                    format!("must be 1..={MAX_PAGE_SIZE}"),
                ));
            }
        }
        check_dates(
            self.last_modified_start_date,
            self.last_modified_end_date,
            "lastModifiedStartDate",
            true,
        )
    }
}

fn check_dates(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    field: &str,
    check_range: bool,
) -> Result<()> {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            return Err(Error::invalid_input(field, "date range is backwards"));
        }
        if check_range && end - start > TimeDelta::days(MAX_RANGE_DAYS) {
            return Err(Error::invalid_input(
                field,
                format!(
                    "date range longer than {MAX_RANGE_DAYS} days (use the stream, which splits it)"
                ),
            ));
        }
    }
    Ok(())
}

fn join(statuses: &[PackageStatus]) -> Option<String> {
    (!statuses.is_empty()).then(|| {
        statuses
            .iter()
            .map(PackageStatus::as_str)
            .collect::<Vec<_>>()
            .join(",")
    })
}

impl<'a> Orders<'a> {
    /// The client this group belongs to.
    pub fn client(&self) -> &'a Client {
        self.client
    }

    fn seller_id(&self) -> u64 {
        self.client.seller_id()
    }

    /// getShipmentPackages V2, one page (`GET /integration/order/sellers/{sellerId}/v2/orders`).
    ///
    /// The date range may be at most [`MAX_RANGE_DAYS`] days; for longer ranges, or to
    /// read past the 10,000-record cap, use [`Orders::stream`].
    pub async fn list(&self, query: &ShipmentPackagesQuery) -> Result<ShipmentPackagesPage> {
        query.validate(true)?;
        self.client
            .transport()
            .execute(query.to_request(self.seller_id()))
            .await
    }

    /// Every package matching `query`, as a lazy stream.
    ///
    /// The range is `query.start_date..query.end_date` (missing end: now; missing start:
    /// seven days before the end, Trendyol's own default). It is split into windows of at
    /// most two weeks; each window is paged (`size` from the query, default 200); a window
    /// whose `totalElements` exceeds the 10,000-record cap is halved until it fits, rather
    /// than silently stopping at the cap. Each package is yielded once (by
    /// `shipmentPackageId`), even when it sits on a window boundary. `query.page` is ignored.
    pub fn stream(
        &self,
        query: &ShipmentPackagesQuery,
    ) -> impl Stream<Item = Result<ShipmentPackage>> + 'a {
        let this = *self;
        let prepared = query.validate(false).map(|()| {
            let end = query.end_date.unwrap_or_else(Utc::now);
            let start = query.start_date.unwrap_or(end - TimeDelta::days(7));
            let size = query.size.unwrap_or(MAX_PAGE_SIZE);
            let mut base = query.clone();
            base.size = Some(size);
            (TimeWindow::new(start, end), base, size)
        });
        match prepared {
            Err(e) => stream::once(async move { Err(e) }).left_stream(),
            Ok((range, base, size)) => {
                let mut paging = PagingOptions::default().concurrency(2);
                // Pages past the cap are not reachable; never ask for them.
                paging.max_pages =
                    u32::try_from(MAX_QUERY_RESULTS.div_ceil(u64::from(size))).unwrap_or(u32::MAX);
                let options = WindowOptions::new(TimeDelta::days(MAX_RANGE_DAYS))
                    .max_results(MAX_QUERY_RESULTS)
                    .paging(paging);
                let packages = windowed(range, options, move |window, page| {
                    let q = base.clone().window(window).page(page);
                    async move {
                        let got = this.list(&q).await?;
                        Ok(to_page(got))
                    }
                });
                dedup_by_key(packages, |p: &ShipmentPackage| {
                    p.shipment_package_id.clone()
                })
                .right_stream()
            }
        }
    }

    /// getShipmentPackagesStream, one page
    /// (`GET /integration/order/sellers/{sellerId}/orders/stream`). Pass `None` as the
    /// cursor on the first call and the returned `nextCursor` afterwards, with the same query.
    pub async fn stream_page(
        &self,
        query: &PackageStreamQuery,
        cursor: Option<&str>,
    ) -> Result<ShipmentPackagesStreamPage> {
        query.validate()?;
        let req = Request::get(PACKAGES_STREAM)
            .path_param("sellerId", self.seller_id())
            .query_opt("size", query.size)
            .query_opt("nextCursor", cursor.filter(|c| !c.is_empty()))
            .query_opt("packageItemStatuses", join(&query.package_item_statuses))
            .query_opt(
                "lastModifiedStartDate",
                query.last_modified_start_date.map(|d| d.timestamp_millis()),
            )
            .query_opt(
                "lastModifiedEndDate",
                query.last_modified_end_date.map(|d| d.timestamp_millis()),
            );
        self.client.transport().execute(req).await
    }

    /// getShipmentPackagesStream as a lazy stream following `nextCursor` until `hasMore`
    /// is false (or the cursor is empty or repeats).
    pub fn cursor_stream(
        &self,
        query: &PackageStreamQuery,
    ) -> impl Stream<Item = Result<ShipmentPackage>> + 'a {
        let this = *self;
        let query = query.clone();
        paginate_cursor(move |cursor: Option<String>| {
            let query = query.clone();
            async move {
                let page = this.stream_page(&query, cursor.as_deref()).await?;
                let next = if page.has_more == Some(false) {
                    None
                } else {
                    page.next_cursor
                };
                Ok(CursorPage {
                    items: page.content,
                    next,
                })
            }
        })
        .into_stream()
    }
}

fn to_page(got: ShipmentPackagesPage) -> Page<ShipmentPackage> {
    let mut page = Page::new(got.content);
    page.total_pages = got.total_pages;
    page.total_elements = got.total_elements;
    page
}

/// Package writes (§2.3–§2.14) and the stage-only test helpers (§2.15).
impl Orders<'_> {
    fn package_request(
        &self,
        method: http::Method,
        suffix: &'static str,
        package_id: &Id,
    ) -> Request {
        let template = match suffix {
            "" => std::borrow::Cow::Borrowed(PACKAGE),
            s => std::borrow::Cow::Owned(format!("{PACKAGE}{s}")),
        };
        Request::new(method, template)
            .path_param("sellerId", self.seller_id())
            .path_param("packageId", package_id)
    }

    /// updatePackageStatus (`PUT …/shipment-packages/{packageId}`): set `Picking` or
    /// `Invoiced` (with an invoice number). Checked before sending: the status is one of
    /// those two, `Invoiced` carries a non-empty invoice number, `Picking` none, and there
    /// is at least one line with a positive quantity.
    pub async fn update_status(
        &self,
        package_id: impl Into<Id>,
        request: &UpdatePackageStatusRequest,
    ) -> Result<()> {
        check_lines(&request.lines)?;
        let invoice = request.params.invoice_number.as_deref();
        match request.status {
            PackageStatus::Picking if invoice.is_some() => {
                return Err(Error::invalid_input(
                    "params.invoiceNumber",
                    "may only be sent with status Invoiced",
                ));
            }
            PackageStatus::Picking => {}
            PackageStatus::Invoiced => {
                if invoice.is_none_or(|n| n.trim().is_empty()) {
                    return Err(Error::invalid_input(
                        "params.invoiceNumber",
                        "is required for status Invoiced",
                    ));
                }
            }
            ref other => {
                return Err(Error::invalid_input(
                    "status",
                    format!("only Picking or Invoiced can be set by the seller, not {other}"),
                ));
            }
        }
        let req = self
            .package_request(http::Method::PUT, "", &package_id.into())
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// Shorthand: move `lines` of the package to `Picking`.
    pub async fn picking(&self, package_id: impl Into<Id>, lines: Vec<LineQuantity>) -> Result<()> {
        self.update_status(package_id, &UpdatePackageStatusRequest::picking(lines))
            .await
    }

    /// Shorthand: move `lines` of the package to `Invoiced` with `invoice_number`.
    pub async fn invoiced(
        &self,
        package_id: impl Into<Id>,
        lines: Vec<LineQuantity>,
        invoice_number: impl Into<String>,
    ) -> Result<()> {
        self.update_status(
            package_id,
            &UpdatePackageStatusRequest::invoiced(lines, invoice_number),
        )
        .await
    }

    /// cancelOrderPackageItem (`PUT …/items/unsupplied`): report lines that cannot be
    /// supplied. The package gets a new id afterwards; re-fetch the order.
    pub async fn unsupplied(
        &self,
        package_id: impl Into<Id>,
        request: &UnsuppliedRequest,
    ) -> Result<()> {
        check_lines(&request.lines)?;
        let req = self
            .package_request(http::Method::PUT, "/items/unsupplied", &package_id.into())
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// updateTrackingNumber, TR (`PUT …/update-tracking-number`; deprecated by Trendyol).
    pub async fn update_tracking_number(
        &self,
        package_id: impl Into<Id>,
        request: &UpdateTrackingNumberRequest,
    ) -> Result<()> {
        if request.tracking_number.trim().is_empty() {
            return Err(Error::invalid_input("trackingNumber", "must not be empty"));
        }
        let req = self
            .package_request(
                http::Method::PUT,
                "/update-tracking-number",
                &package_id.into(),
            )
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// updateTrackingNumber, international (`PUT …/tracking-details`, header
    /// `storeFrontCode` required).
    pub async fn update_tracking_details(
        &self,
        package_id: impl Into<Id>,
        store_front_code: &str,
        request: &TrackingDetailsRequest,
    ) -> Result<()> {
        if store_front_code.trim().is_empty() {
            return Err(Error::invalid_input("storeFrontCode", "is required"));
        }
        if request.cargo_sender_number.trim().is_empty() {
            return Err(Error::invalid_input(
                "cargoSenderNumber",
                "must not be empty",
            ));
        }
        if request.provider_code.trim().is_empty() {
            return Err(Error::invalid_input("providerCode", "must not be empty"));
        }
        let req = self
            .package_request(http::Method::PUT, "/tracking-details", &package_id.into())
            .header("storefrontcode", store_front_code)
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// splitShipmentPackage (`POST …/split`): move lines to one new package (async; the
    /// original becomes `UnPacked`).
    pub async fn split(
        &self,
        package_id: impl Into<Id>,
        request: &SplitRequest,
    ) -> Result<SplitResponse> {
        if request.order_line_ids.is_empty() {
            return Err(Error::invalid_input("orderLineIds", "must not be empty"));
        }
        let req = self
            .package_request(http::Method::POST, "/split", &package_id.into())
            .json(request);
        self.client.transport().execute(req).await
    }

    /// multiSplitShipmentPackage (`POST …/multi-split`): one new package per group; lines
    /// not listed form another package.
    pub async fn multi_split(
        &self,
        package_id: impl Into<Id>,
        request: &MultiSplitRequest,
    ) -> Result<MultiSplitResponse> {
        if request.split_groups.is_empty() {
            return Err(Error::invalid_input("splitGroups", "must not be empty"));
        }
        if request
            .split_groups
            .iter()
            .any(|g| g.order_line_ids.is_empty())
        {
            return Err(Error::invalid_input(
                "splitGroups.orderLineIds",
                "every group needs at least one line",
            ));
        }
        let req = self
            .package_request(http::Method::POST, "/multi-split", &package_id.into())
            .json(request);
        self.client.transport().execute(req).await
    }

    /// splitShipmentPackageByQuantity (`POST …/quantity-split`).
    pub async fn split_by_quantity(
        &self,
        package_id: impl Into<Id>,
        request: &QuantitySplitRequest,
    ) -> Result<QuantitySplitResponse> {
        if request.quantity_split.is_empty() {
            return Err(Error::invalid_input("quantitySplit", "must not be empty"));
        }
        if request
            .quantity_split
            .iter()
            .any(|q| q.quantities.is_empty() || q.quantities.contains(&0))
        {
            return Err(Error::invalid_input(
                "quantitySplit.quantities",
                "each line needs quantities, each at least 1",
            ));
        }
        let req = self
            .package_request(http::Method::POST, "/quantity-split", &package_id.into())
            .json(request);
        self.client.transport().execute(req).await
    }

    /// splitMultiPackagesByQuantity (`POST …/split-packages`); lines left out go to
    /// another new package. Asynchronous; answers without a body.
    pub async fn split_packages(
        &self,
        package_id: impl Into<Id>,
        request: &SplitPackagesRequest,
    ) -> Result<()> {
        if request.split_packages.is_empty()
            || request
                .split_packages
                .iter()
                .any(|p| p.package_details.is_empty())
        {
            return Err(Error::invalid_input(
                "splitPackages",
                "needs at least one package, each with at least one line",
            ));
        }
        if request
            .split_packages
            .iter()
            .flat_map(|p| &p.package_details)
            .any(|d| d.quantities == 0)
        {
            return Err(Error::invalid_input(
                "splitPackages.packageDetails.quantities",
                "must be at least 1",
            ));
        }
        let req = self
            .package_request(http::Method::POST, "/split-packages", &package_id.into())
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// changeCargoProvider (`PUT …/cargo-providers`); once per package per 5 minutes.
    pub async fn change_cargo_provider(
        &self,
        package_id: impl Into<Id>,
        provider: impl Into<CargoProvider>,
    ) -> Result<()> {
        let body = ChangeCargoProviderRequest {
            cargo_provider: provider.into(),
        };
        if body.cargo_provider.as_str().trim().is_empty() {
            return Err(Error::invalid_input("cargoProvider", "must not be empty"));
        }
        let req = self
            .package_request(http::Method::PUT, "/cargo-providers", &package_id.into())
            .json(&body);
        self.client.transport().execute_unit(req).await
    }

    /// updateBoxInfo (`PUT …/box-info`).
    pub async fn update_box_info(
        &self,
        package_id: impl Into<Id>,
        request: &BoxInfoRequest,
    ) -> Result<()> {
        if request.box_quantity == 0 {
            return Err(Error::invalid_input("boxQuantity", "must be at least 1"));
        }
        if request.deci <= Decimal::ZERO {
            return Err(Error::invalid_input("deci", "must be positive"));
        }
        let req = self
            .package_request(http::Method::PUT, "/box-info", &package_id.into())
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// deliveredByService (`PUT …/delivered-by-service`, no body).
    pub async fn delivered_by_service(&self, package_id: impl Into<Id>) -> Result<()> {
        let req = self.package_request(
            http::Method::PUT,
            "/delivered-by-service",
            &package_id.into(),
        );
        self.client.transport().execute_unit(req).await
    }

    /// updateWarehouse (`PUT …/warehouse`; answers text `200 OK`).
    pub async fn update_warehouse(
        &self,
        package_id: impl Into<Id>,
        warehouse_id: u64,
    ) -> Result<()> {
        let req = self
            .package_request(http::Method::PUT, "/warehouse", &package_id.into())
            .json(&UpdateWarehouseRequest { warehouse_id });
        self.client.transport().execute_unit(req).await
    }

    /// extendAgreedDeliveryDate (`PUT …/extended-agreed-delivery-date`) by 1, 2 or 3 days.
    pub async fn extend_agreed_delivery_date(
        &self,
        package_id: impl Into<Id>,
        extended_day_count: u8,
    ) -> Result<()> {
        if !(1..=3).contains(&extended_day_count) {
            return Err(Error::invalid_input(
                "extendedDayCount",
                "must be 1, 2 or 3",
            ));
        }
        let req = self
            .package_request(
                http::Method::PUT,
                "/extended-agreed-delivery-date",
                &package_id.into(),
            )
            .json(&ExtendDeliveryDateRequest { extended_day_count });
        self.client.transport().execute_unit(req).await
    }

    /// updateLaborCosts (`PUT …/labor-costs`; the body is a bare array).
    pub async fn update_labor_costs(
        &self,
        package_id: impl Into<Id>,
        costs: &[LaborCost],
    ) -> Result<()> {
        if costs.is_empty() {
            return Err(Error::invalid_input("laborCosts", "must not be empty"));
        }
        if costs.iter().any(|c| c.labor_cost_per_item < Decimal::ZERO) {
            return Err(Error::invalid_input(
                "laborCostPerItem",
                "must not be negative",
            ));
        }
        let req = self
            .package_request(http::Method::PUT, "/labor-costs", &package_id.into())
            .json(costs);
        self.client.transport().execute_unit(req).await
    }

    /// processAlternativeDelivery (`PUT …/alternative-delivery`); the package moves to
    /// `Shipped`.
    pub async fn alternative_delivery(
        &self,
        package_id: impl Into<Id>,
        request: &AlternativeDeliveryRequest,
    ) -> Result<()> {
        if request.tracking_info.trim().is_empty() {
            return Err(Error::invalid_input("trackingInfo", "must not be empty"));
        }
        let req = self
            .package_request(
                http::Method::PUT,
                "/alternative-delivery",
                &package_id.into(),
            )
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// processAlternativeDeliveryDigital (`PUT …/alternative-delivery-digital`): digital
    /// goods; `params.digitalCode` (6–120 characters) is required.
    pub async fn alternative_delivery_digital(
        &self,
        package_id: impl Into<Id>,
        request: &AlternativeDeliveryRequest,
    ) -> Result<()> {
        if request.tracking_info.trim().is_empty() {
            return Err(Error::invalid_input("trackingInfo", "must not be empty"));
        }
        let len = request
            .params
            .digital_code
            .as_deref()
            .map_or(0, |c| c.chars().count());
        if !(6..=120).contains(&len) {
            return Err(Error::invalid_input(
                "params.digitalCode",
                "is required, 6-120 characters",
            ));
        }
        let req = self
            .package_request(
                http::Method::PUT,
                "/alternative-delivery-digital",
                &package_id.into(),
            )
            .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// Manual delivery of an alternative-delivery package by package id
    /// (`PUT …/manual-invoice-delivery`, the reference's path).
    pub async fn manual_deliver(&self, package_id: impl Into<Id>) -> Result<()> {
        let req = self.package_request(
            http::Method::PUT,
            "/manual-invoice-delivery",
            &package_id.into(),
        );
        self.client.transport().execute_unit(req).await
    }

    /// Manual return of an alternative-delivery package by package id
    /// (`PUT …/manual-return`).
    pub async fn manual_return(&self, package_id: impl Into<Id>) -> Result<()> {
        let req = self.package_request(http::Method::PUT, "/manual-return", &package_id.into());
        self.client.transport().execute_unit(req).await
    }

    /// Manual delivery by cargo tracking number
    /// (`PUT …/shipment-packages/manual-invoice-delivery-by-tracking-number/{cargoTrackingNumber}`).
    pub async fn manual_deliver_by_tracking_number(
        &self,
        cargo_tracking_number: impl Into<Id>,
    ) -> Result<()> {
        let req = Request::put(
            "/integration/order/sellers/{sellerId}/shipment-packages/manual-invoice-delivery-by-tracking-number/{cargoTrackingNumber}",
        )
        .path_param("sellerId", self.seller_id())
        .path_param("cargoTrackingNumber", cargo_tracking_number.into());
        self.client.transport().execute_unit(req).await
    }

    /// Manual return by cargo tracking number
    /// (`PUT …/shipment-packages/manual-return-by-tracking-number/{cargoTrackingNumber}`).
    pub async fn manual_return_by_tracking_number(
        &self,
        cargo_tracking_number: impl Into<Id>,
    ) -> Result<()> {
        let req = Request::put(
            "/integration/order/sellers/{sellerId}/shipment-packages/manual-return-by-tracking-number/{cargoTrackingNumber}",
        )
        .path_param("sellerId", self.seller_id())
        .path_param("cargoTrackingNumber", cargo_tracking_number.into());
        self.client.transport().execute_unit(req).await
    }

    fn stage_only(&self, operation: &str) -> Result<()> {
        match self.client.environment() {
            Environment::Stage | Environment::Custom(_) => Ok(()),
            Environment::Production => Err(Error::invalid_input(
                "environment",
                format!("{operation} exists only on the stage environment"),
            )),
        }
    }

    /// createTestOrder (stage only: `POST /integration/test/order/orders/core`, header
    /// `sellerID`). Refused before sending on [`Environment::Production`].
    pub async fn create_test_order(&self, request: &TestOrderRequest) -> Result<TestOrderResponse> {
        self.stage_only("createTestOrder")?;
        if request.lines.is_empty() {
            return Err(Error::invalid_input("lines", "must not be empty"));
        }
        let req = Request::post("/integration/test/order/orders/core")
            .header("sellerid", self.seller_id().to_string())
            .json(request);
        self.client.transport().execute(req).await
    }

    /// Move a test package forward (stage only:
    /// `PUT /integration/test/order/sellers/{sellerId}/shipment-packages/{packageId}/status`)
    /// to `Shipped`, `AtCollectionPoint`, `Delivered`, `UnDelivered` or `Returned`.
    pub async fn update_test_package_status(
        &self,
        package_id: impl Into<Id>,
        request: &TestPackageStatusRequest,
    ) -> Result<()> {
        self.stage_only("updateTestOrderStatus")?;
        if !matches!(
            request.status,
            PackageStatus::Shipped
                | PackageStatus::AtCollectionPoint
                | PackageStatus::Delivered
                | PackageStatus::UnDelivered
                | PackageStatus::Returned
        ) {
            return Err(Error::invalid_input(
                "status",
                "test status must be Shipped, AtCollectionPoint, Delivered, UnDelivered or Returned",
            ));
        }
        let req = Request::put(
            "/integration/test/order/sellers/{sellerId}/shipment-packages/{packageId}/status",
        )
        .path_param("sellerId", self.seller_id())
        .path_param("packageId", package_id.into())
        .header("sellerid", self.seller_id().to_string())
        .json(request);
        self.client.transport().execute_unit(req).await
    }

    /// Move a test claim to WaitingInAction (stage only:
    /// `PUT /integration/test/order/sellers/{sellerId}/claims/waiting-in-action`);
    /// `shipment_package_id` is getClaims' `orderShipmentPackageId`.
    pub async fn test_claim_waiting_in_action(
        &self,
        shipment_package_id: impl Into<Id>,
    ) -> Result<()> {
        self.stage_only("updateTestClaimToWaitingInAction")?;
        let req =
            Request::put("/integration/test/order/sellers/{sellerId}/claims/waiting-in-action")
                .path_param("sellerId", self.seller_id())
                .header("sellerid", self.seller_id().to_string())
                .json(&serde_json::json!({ "shipmentPackageId": shipment_package_id.into() }));
        self.client.transport().execute_unit(req).await
    }
}

fn check_lines(lines: &[LineQuantity]) -> Result<()> {
    if lines.is_empty() {
        return Err(Error::invalid_input("lines", "must not be empty"));
    }
    if lines.iter().any(|l| l.quantity == 0) {
        return Err(Error::invalid_input("lines.quantity", "must be at least 1"));
    }
    Ok(())
}
