//! `order/getRefund`, `order/updateRefund`, the refund revision, and the cancellation
//! requests (`order/api/cancel/items`, `order/api/cancel`) that share the refund shape.

use axum::body::Bytes;
use axum::response::Response;

use super::{Sb, bad_request, decode, ok, ok_empty, page_of, response_page};
use crate::model::{
    CancelUpdateRequest, OrderItemStatus, Refund, RefundPage, RefundPageReport, RefundQuery,
    RefundRevisionRequest, RefundStatus, RefundUpdateResult, UpdateRefundRequest,
};
use crate::sandbox::state::sync_order_status;

const DEFAULT_PAGE_SIZE: u32 = 10;

/// Turkish name of a refund status, as `refundStatusName` carries it.
pub(crate) fn status_name(status: RefundStatus) -> &'static str {
    match status {
        RefundStatus::Pending => "Onay Bekliyor",
        RefundStatus::ApprovedBySeller => "Tedarikçi Tarafından Onaylandı",
        RefundStatus::RejectedBySeller => "Tedarikçi Tarafından Reddedildi",
        RefundStatus::ApprovedByBackoffice => "Backoffice Tarafından Onaylandı",
        RefundStatus::RejectedByBackoffice => "Backoffice Tarafından Reddedildi",
        RefundStatus::AutoApproved => "Otomatik Onaylandı",
        RefundStatus::Withdrawn => "Talep İptal Edildi",
        RefundStatus::DirectApproval => "Direkt Onay",
        RefundStatus::SentToReview => "İncelemeye Gönderildi",
        RefundStatus::Unknown(_) => "Bilinmeyen",
    }
}

pub(crate) async fn list(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let query: RefundQuery = match decode(&body) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let state = shared.settled();
    page(&state.refunds, &query)
}

/// `order/api/cancel/items`: the buyers' cancellation requests, same shape as refunds.
pub(crate) async fn list_cancellations(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let query: RefundQuery = match decode(&body) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let state = shared.settled();
    page(&state.cancellations, &query)
}

/// Filter, count and page refund-shaped records.
fn page(records: &[Refund], query: &RefundQuery) -> Response {
    if let Err(e) = query.validate() {
        return bad_request(format!("Geçersiz sorgu: {e}"));
    }
    let mut found: Vec<_> = records
        .iter()
        .filter(|r| {
            query
                .refund_status
                .is_none_or(|s| r.refund_status == Some(s))
        })
        .filter(|r| query.order_number.is_none_or(|n| r.order_number == Some(n)))
        .filter(|r| {
            query
                .request_start_date
                .is_none_or(|start| r.refund_date.is_some_and(|d| d >= start))
        })
        .filter(|r| {
            query
                .request_end_date
                .is_none_or(|end| r.refund_date.is_some_and(|d| d <= end))
        })
        .cloned()
        .collect();
    found.sort_by_key(|r| (r.refund_date, r.refund_number));
    let count = |pred: &dyn Fn(RefundStatus) -> bool| {
        u64::try_from(
            found
                .iter()
                .filter(|r| r.refund_status.is_some_and(pred))
                .count(),
        )
        .unwrap_or(u64::MAX)
    };
    let report = RefundPageReport {
        total_refund_count: Some(u64::try_from(found.len()).unwrap_or(u64::MAX)),
        total_waiting_refund_count: Some(count(&|s| s == RefundStatus::Pending)),
        total_approved_refund_count: Some(count(&|s| {
            matches!(
                s,
                RefundStatus::ApprovedBySeller
                    | RefundStatus::ApprovedByBackoffice
                    | RefundStatus::AutoApproved
                    | RefundStatus::DirectApproval
            )
        })),
        total_rejected_refund_count: Some(count(&|s| {
            matches!(
                s,
                RefundStatus::RejectedBySeller | RefundStatus::RejectedByBackoffice
            )
        })),
    };
    let page = query.page_number.unwrap_or(1);
    let size = query.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
    ok(RefundPage {
        response_page: Some(response_page(found.len(), page, size)),
        page_report: Some(report),
        refund_list: page_of(&found, page, size),
    })
}

/// `PUT order/api/cancel`: approve (2, the item becomes 6 cancelled) or reject (3, the
/// item goes back to 12 preparing) a pending cancellation request, once.
pub(crate) async fn update_cancellation(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: CancelUpdateRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if let Err(e) = request.validate() {
        return bad_request(format!("Geçersiz istek: {e}"));
    }
    let mut state = shared.settled();
    let Some(record) = state
        .cancellations
        .iter_mut()
        .find(|r| r.refund_id == request.refund_id)
    else {
        return bad_request(format!("{} iptal talebi bulunamadı.", request.refund_id));
    };
    let current = record.refund_status.unwrap_or(RefundStatus::Pending);
    if current != RefundStatus::Pending {
        return bad_request(format!(
            "İptal talebi {} durumunda; yalnızca onay bekleyen talepler güncellenebilir.",
            status_name(current)
        ));
    }
    record.refund_status = Some(request.status);
    record.refund_status_name = Some(status_name(request.status).to_owned());
    let result = RefundUpdateResult {
        order_number: record.order_number,
        request_no: record.refund_number.and_then(|n| i64::try_from(n).ok()),
        refund_id: Some(record.refund_id),
        order_item_id: record.order_item_id,
        refund_type: record.refund_type.clone(),
        refund_status: Some(status_name(request.status).to_owned()),
    };
    let item_status = if request.status == RefundStatus::ApprovedBySeller {
        OrderItemStatus::Cancelled
    } else {
        OrderItemStatus::Preparing
    };
    set_item_status(&mut state, record_key(&result), item_status);
    ok(result)
}

fn record_key(result: &RefundUpdateResult) -> (Option<u64>, Option<uuid::Uuid>) {
    (result.order_number, result.order_item_id)
}

fn set_item_status(
    state: &mut crate::sandbox::state::State,
    (number, item_id): (Option<u64>, Option<uuid::Uuid>),
    status: OrderItemStatus,
) {
    let (Some(number), Some(item_id)) = (number, item_id) else {
        return;
    };
    if let Some(order) = state.order_mut(number) {
        for item in order
            .items
            .iter_mut()
            .filter(|i| i.order_item_id == item_id)
        {
            item.order_item_status = status;
        }
        sync_order_status(order);
    }
}

pub(crate) async fn update(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: UpdateRefundRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    // The document's rules for 2 / 3 / 9 (reason, description, photo, review type).
    if let Err(e) = request.validate() {
        return bad_request(format!("Geçersiz istek: {e}"));
    }
    let mut state = shared.settled();
    let Some(refund) = state
        .refunds
        .iter_mut()
        .find(|r| r.refund_id == request.refund_id)
    else {
        return bad_request(format!("{} iade talebi bulunamadı.", request.refund_id));
    };
    let current = refund.refund_status.unwrap_or(RefundStatus::Pending);
    if current != RefundStatus::Pending {
        return bad_request(format!(
            "İade talebi {} durumunda; yalnızca onay bekleyen talepler güncellenebilir.",
            status_name(current)
        ));
    }
    refund.refund_status = Some(request.status);
    refund.refund_status_name = Some(status_name(request.status).to_owned());
    if request.status == RefundStatus::RejectedBySeller {
        refund.bo_description = request.description.clone();
    }
    let result = RefundUpdateResult {
        order_number: refund.order_number,
        request_no: refund.refund_number.and_then(|n| i64::try_from(n).ok()),
        refund_id: Some(refund.refund_id),
        order_item_id: refund.order_item_id,
        refund_type: refund.refund_type.clone(),
        refund_status: Some(status_name(request.status).to_owned()),
    };
    let (order_number, item_id) = (refund.order_number, refund.order_item_id);
    let item_status = match request.status {
        RefundStatus::ApprovedBySeller => Some(OrderItemStatus::ReturnApproved),
        RefundStatus::RejectedBySeller => Some(OrderItemStatus::ReturnRejected),
        _ => None,
    };
    if let (Some(number), Some(item_id), Some(status)) = (order_number, item_id, item_status) {
        if let Some(order) = state.order_mut(number) {
            for item in order
                .items
                .iter_mut()
                .filter(|i| i.order_item_id == item_id)
            {
                item.order_item_status = status;
            }
            sync_order_status(order);
        }
    }
    ok(result)
}

pub(crate) async fn revise(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let request: RefundRevisionRequest = match decode(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.description.trim().is_empty() {
        return bad_request("description zorunludur.");
    }
    let state = shared.settled();
    if state
        .refunds
        .iter()
        .any(|r| r.refund_id == request.refund_id)
    {
        ok_empty()
    } else {
        bad_request(format!("{} iade talebi bulunamadı.", request.refund_id))
    }
}
