//! Orders: `client.orders()`.

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use futures::Stream;
use marketplace_core::http::Request;
use marketplace_core::paging::{
    Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, windowed,
};
use uuid::Uuid;

use crate::model::{
    BulkStatusUpdateRequest, DeliveryCancelRequest, DeliverySplitRequest, InvoiceLinkRequest,
    ItemStatusUpdate, LaborCostRequest, ORDER_QUERY_MAX_SPAN, Order, OrderItemStatus, OrderQuery,
    UpdateOrderStatusListRequest, UpdateOrderStatusRequest, check_move,
};
use crate::{Client, Result};

/// Order lookups and order writes (`order/...`).
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    client: &'a Client,
}

impl Client {
    /// Orders: lists, status updates, invoice links, package split, labor costs.
    pub fn orders(&self) -> Orders<'_> {
        Orders { client: self }
    }
}

/// Page size the order streams use unless told otherwise.
pub const DEFAULT_ORDER_PAGE_SIZE: u32 = 100;

const ORDERS_V1: &str = "/order/getOrdersForApi";
const ORDERS_V2: &str = "/order/getOrdersForApiV2";

impl Orders<'_> {
    /// One page of orders (`POST order/getOrdersForApi`), by order number and/or a date
    /// range of at most one month. Items with a quantity above 1 come as one item.
    pub async fn list(&self, query: &OrderQuery) -> Result<Vec<Order>> {
        self.fetch(ORDERS_V1, query).await
    }

    /// One page of orders from the split service (`POST order/getOrdersForApiV2`, section
    /// 3.25): every unit is its own item with `quantity` 1 and its own `orderItemId`.
    pub async fn list_split(&self, query: &OrderQuery) -> Result<Vec<Order>> {
        self.fetch(ORDERS_V2, query).await
    }

    async fn fetch(&self, path: &'static str, query: &OrderQuery) -> Result<Vec<Order>> {
        query.validate()?;
        let request = Request::post(path).idempotent(true).json(query);
        super::send(self.client, request, "orders").await
    }

    /// Every order placed in `range`, of any length: the range is split into windows of
    /// [`ORDER_QUERY_MAX_SPAN`] (the service refuses more than one month), each window is
    /// paged, and every order is yielded once even when pages or windows overlap.
    ///
    /// The range is widened to whole minutes (the service's precision).
    pub fn stream(&self, range: TimeWindow) -> impl Stream<Item = Result<Order>> + '_ {
        self.stream_with(range, DEFAULT_ORDER_PAGE_SIZE, false)
    }

    /// [`stream`](Self::stream) over the split V2 service ([`list_split`](Self::list_split)).
    pub fn stream_split(&self, range: TimeWindow) -> impl Stream<Item = Result<Order>> + '_ {
        self.stream_with(range, DEFAULT_ORDER_PAGE_SIZE, true)
    }

    /// [`stream`](Self::stream) with an explicit page size, from the V1 service or (with
    /// `split_items`) the split V2 service.
    pub fn stream_with(
        &self,
        range: TimeWindow,
        page_size: u32,
        split_items: bool,
    ) -> impl Stream<Item = Result<Order>> + '_ {
        let path = if split_items { ORDERS_V2 } else { ORDERS_V1 };
        let size = page_size.max(1);
        let range = TimeWindow::new(floor_minute(range.start), ceil_minute(range.end));
        let options = WindowOptions::new(ORDER_QUERY_MAX_SPAN)
            .paging(PagingOptions::one_based().concurrency(1));
        let orders = windowed(range, options, move |window, page| {
            let query = OrderQuery::between(window.start, window.end)
                .page(page)
                .size(size);
            async move {
                let items = self.fetch(path, &query).await?;
                Ok(last_if_short(items, page, size))
            }
        });
        dedup_by_key(orders, |order: &Order| order.order_id)
    }
}

/// A page that reports itself as the last one when it is shorter than `size` (the order
/// services report no totals).
pub(crate) fn last_if_short<T>(items: Vec<T>, page: u32, size: u32) -> Page<T> {
    let short = items.len() < usize::try_from(size).unwrap_or(usize::MAX);
    let out = Page::new(items);
    if short { out.total_pages(page) } else { out }
}

fn floor_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::minutes(1)).unwrap_or(t)
}

fn ceil_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    let floor = floor_minute(t);
    if floor == t {
        t
    } else {
        floor + TimeDelta::minutes(1)
    }
}

impl Orders<'_> {
    /// Set one item's status (`PUT order/updateOrderStatus`) without checking the move
    /// against the item's current status; the body is still validated (seller statuses
    /// only; carrier and tracking number for 5). Prefer
    /// [`update_item_status`](Self::update_item_status) when you know the current status.
    pub async fn update_status(&self, request: &UpdateOrderStatusRequest) -> Result<()> {
        request.validate()?;
        let req = Request::put("/order/updateOrderStatus").json(request);
        super::send_unit(self.client, req).await
    }

    /// Move one item from `current` to `update.status`: an illegal move (see
    /// [`can_move`](crate::model::can_move)) is [`Error::InvalidTransition`](crate::Error)
    /// and nothing is sent.
    pub async fn update_item_status(
        &self,
        order_number: u64,
        current: OrderItemStatus,
        update: ItemStatusUpdate,
    ) -> Result<()> {
        check_move(current, update.status)?;
        self.update_status(&UpdateOrderStatusRequest {
            order_number,
            item: update,
        })
        .await
    }

    /// Set every item of an order to one status (`PUT order/updateOrderStatusList`).
    pub async fn update_status_list(&self, request: &UpdateOrderStatusListRequest) -> Result<()> {
        request.validate()?;
        let req = Request::put("/order/updateOrderStatusList").json(request);
        super::send_unit(self.client, req).await
    }

    /// Update several items of one order with the same status data
    /// (`POST order/api/bulk-status-update`, section 3.33).
    pub async fn bulk_status_update(&self, request: &BulkStatusUpdateRequest) -> Result<()> {
        request.validate()?;
        let req = Request::post("/order/api/bulk-status-update").json(request);
        super::send_unit(self.client, req).await
    }
}

impl Orders<'_> {
    /// Attach an invoice link to an order, a package or an item (`POST order/invoice-link`).
    pub async fn set_invoice_link(&self, request: &InvoiceLinkRequest) -> Result<()> {
        request.validate()?;
        // Re-sending sets the same link again: safe to retry.
        let req = Request::post("/order/invoice-link")
            .idempotent(true)
            .json(request);
        super::send_unit(self.client, req).await
    }

    /// Split items of a package into a new package (`PUT order/api/delivery/split`).
    pub async fn split_delivery(&self, request: &DeliverySplitRequest) -> Result<()> {
        request.validate()?;
        // Each call creates a package: never re-sent after it may have arrived.
        let req = Request::put("/order/api/delivery/split")
            .idempotent(false)
            .json(request);
        super::send_unit(self.client, req).await
    }

    /// Undo a package split (`PUT order/api/delivery/cancel`).
    pub async fn cancel_split_delivery(&self, request: &DeliveryCancelRequest) -> Result<()> {
        if request.shipment_code.trim().is_empty() {
            return Err(crate::Error::invalid_input(
                "shipmentCode",
                "must not be empty",
            ));
        }
        let req = Request::put("/order/api/delivery/cancel").json(request);
        super::send_unit(self.client, req).await
    }

    /// Set labor costs of an order's items (`PUT order/api/{orderId}/items/labor-costs`).
    pub async fn set_labor_costs(&self, order_id: Uuid, request: &LaborCostRequest) -> Result<()> {
        request.validate()?;
        let req = Request::put("/order/api/{orderId}/items/labor-costs")
            .path_param("orderId", order_id)
            .json(request);
        super::send_unit(self.client, req).await
    }
}
