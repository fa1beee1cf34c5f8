//! [`FarSide`] for [`Sandbox`]: the conformance suite seeds and inspects through the
//! sandbox's inspection API.
//!
//! Ids are what the unified model carries for Pazarama: an order's `orderId` GUID (its
//! number is accepted too), a refund's `refundId`, a question's `questionId`.
//!
//! The status mapping here is a private copy of the adapter's tables (kept small on
//! purpose; `src/adapter.rs` is the authority):
//!
//! | unified | Pazarama item status |
//! |---|---|
//! | `Created` | 3 Received |
//! | `Picking` | 12 Preparing |
//! | `Shipped` | 5 Shipped |
//! | `AtCollectionPoint` | 16 At store (19 reads back the same) |
//! | `Delivered` | 11 Delivered (9 return rejected reads back the same) |
//! | `UnDelivered` | 14 Undelivered |
//! | `Cancelled` | 6 Cancelled (18 cancellation requested reads back as `Other("18")`) |
//! | `UnSupplied` | 13 Unsupplied |
//! | `ReturnRequested` | 7 Return requested |
//! | `Returned` | 10 Returned (8 return approved reads back the same) |
//!
//! | Pazarama refund status | unified claim status |
//! |---|---|
//! | 1 pending | `WaitingInAction` |
//! | 2, 4, 6, 8 approved | `Accepted` |
//! | 3, 5 rejected | `Rejected` |
//! | 7 withdrawn | `Cancelled` |
//! | 9 sent to review | `InReview` |

use async_trait::async_trait;
use marketplace_core::conformance::FarSide;
use marketplace_core::model::{
    ClaimRejection, ClaimStatus, Money, OrderStatus, ProductAttribute, ProductDraft, StatusMove,
    StockPrice,
};
use marketplace_core::paging::TimeWindow;
use marketplace_core::{Error, Result};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::Sandbox;
use super::seed::{BRAND_IDS, CATEGORY_IDS, COLOR_ATTRIBUTE_ID, COLOR_VALUE_IDS};
use crate::model::{Order, OrderItemStatus, RefundStatus};

/// The barcode / SKU of the conformance suite's valid draft.
const CONFORMANCE_SKU: &str = "PZ-CONF-0001";

fn to_pazarama(status: &OrderStatus) -> Result<OrderItemStatus> {
    use OrderItemStatus as P;
    Ok(match status {
        OrderStatus::Created => P::Received,
        OrderStatus::Picking => P::Preparing,
        OrderStatus::Shipped => P::Shipped,
        OrderStatus::AtCollectionPoint => P::AtStore,
        OrderStatus::Delivered => P::Delivered,
        OrderStatus::UnDelivered => P::Undelivered,
        OrderStatus::Cancelled => P::Cancelled,
        OrderStatus::UnSupplied => P::Unsupplied,
        OrderStatus::ReturnRequested => P::ReturnRequested,
        OrderStatus::Returned => P::Returned,
        other => {
            return Err(Error::invalid_input(
                "status",
                format!("Pazarama has no order status for {other}"),
            ));
        }
    })
}

fn to_unified(status: OrderItemStatus) -> OrderStatus {
    use OrderItemStatus as P;
    match status {
        P::Received => OrderStatus::Created,
        P::Preparing => OrderStatus::Picking,
        P::Shipped => OrderStatus::Shipped,
        P::AtStore | P::AtDeliveryPoint => OrderStatus::AtCollectionPoint,
        P::Delivered | P::ReturnRejected => OrderStatus::Delivered,
        P::Undelivered => OrderStatus::UnDelivered,
        P::Cancelled => OrderStatus::Cancelled,
        P::Unsupplied => OrderStatus::UnSupplied,
        P::ReturnRequested => OrderStatus::ReturnRequested,
        P::ReturnApproved | P::Returned => OrderStatus::Returned,
        other => OrderStatus::Other(other.code().to_string()),
    }
}

fn claim_status(status: RefundStatus) -> ClaimStatus {
    use RefundStatus as R;
    match status {
        R::Pending => ClaimStatus::WaitingInAction,
        R::ApprovedBySeller | R::ApprovedByBackoffice | R::AutoApproved | R::DirectApproval => {
            ClaimStatus::Accepted
        }
        R::RejectedBySeller | R::RejectedByBackoffice => ClaimStatus::Rejected,
        R::Withdrawn => ClaimStatus::Cancelled,
        R::SentToReview => ClaimStatus::InReview,
        other => ClaimStatus::Other(other.code().to_string()),
    }
}

fn not_found(what: &str, id: &str) -> Error {
    Error::invalid_input("id", format!("the sandbox holds no {what} {id}"))
}

impl Sandbox {
    /// The order by unified id: its `orderId` GUID or its order number.
    fn find_order(&self, id: &str) -> Result<Order> {
        let id = id.trim();
        let found = match id.parse::<u64>() {
            Ok(number) => self.order(number),
            Err(_) => Uuid::parse_str(id)
                .ok()
                .and_then(|uuid| self.order_by_id(uuid)),
        };
        found.ok_or_else(|| not_found("order", id))
    }
}

fn uuid(what: &str, id: &str) -> Result<Uuid> {
    Uuid::parse_str(id.trim()).map_err(|_| not_found(what, id))
}

fn draft(sku: &str, brand_id: Uuid) -> ProductDraft {
    let mut draft = ProductDraft::new(
        sku,
        format!("Uygunluk Testi Tişört {sku}"),
        Money::new(Decimal::new(19_999, 2), "TRY"),
    );
    draft.barcode = Some(sku.to_owned());
    draft.description = "<p>%100 pamuk, bisiklet yaka.</p>".to_owned();
    draft.brand_id = Some(brand_id.to_string());
    draft.category_id = Some(CATEGORY_IDS[0].to_string());
    draft.list_price = Some(Money::new(Decimal::new(24_999, 2), "TRY"));
    draft.vat_rate = Some(Decimal::from(10));
    draft.stock = 10;
    draft.images = vec![format!("https://cdn.pazarama.com/sandbox/{sku}.jpg")];
    draft.attributes = vec![ProductAttribute::predefined(
        COLOR_ATTRIBUTE_ID.to_string(),
        COLOR_VALUE_IDS[0].to_string(),
    )];
    draft.dimensional_weight = Some(Decimal::ONE);
    draft
}

#[async_trait]
impl FarSide for Sandbox {
    async fn seed_orders(&self, window: TimeWindow, count: usize) -> Result<Vec<String>> {
        Ok(Sandbox::seed_orders(self, window, count)
            .into_iter()
            .map(|o| o.order_id.to_string())
            .collect())
    }

    async fn seed_order(&self, status: OrderStatus) -> Result<String> {
        let status = to_pazarama(&status)?;
        Ok(Sandbox::seed_order(self, status).order_id.to_string())
    }

    async fn order_status(&self, id: &str) -> Result<OrderStatus> {
        let order = self.find_order(id)?;
        order
            .order_status
            .map(to_unified)
            .ok_or_else(|| not_found("order status of", id))
    }

    fn forward_move(&self) -> (OrderStatus, OrderStatus, StatusMove) {
        // 3 → 12, the first move of every Pazarama order.
        (
            OrderStatus::Created,
            OrderStatus::Picking,
            StatusMove::new(),
        )
    }

    fn illegal_move(&self) -> (OrderStatus, OrderStatus) {
        // Delivered is terminal for the seller.
        (OrderStatus::Delivered, OrderStatus::Picking)
    }

    async fn writes_received(&self) -> usize {
        Sandbox::writes_received(self)
    }

    fn valid_draft(&self) -> ProductDraft {
        draft(CONFORMANCE_SKU, BRAND_IDS[0])
    }

    fn invalid_draft(&self) -> ProductDraft {
        // A well-formed brand id the sandbox does not know: fails per item.
        draft(
            "PZ-CONF-BAD-BRAND",
            uuid::uuid!("00000000-0000-4000-8000-00000000b4a0"),
        )
    }

    async fn stock_items_received(&self, sku: &str) -> Vec<StockPrice> {
        Sandbox::stock_items_received(self, sku)
    }

    async fn seed_pending_claim(&self) -> Result<String> {
        Ok(self.seed_claim().to_string())
    }

    async fn claim_status(&self, id: &str) -> Result<ClaimStatus> {
        let refund_id = uuid("claim", id)?;
        Sandbox::claim_status(self, refund_id)
            .map(claim_status)
            .ok_or_else(|| not_found("claim", id))
    }

    fn rejection(&self) -> ClaimRejection {
        // 11: the return package never arrived — the one reason besides 10 that needs no
        // photo.
        ClaimRejection {
            reason_code: Some("11".to_owned()),
            text: "İade paketi depomuza ulaşmadı.".to_owned(),
        }
    }

    async fn seed_waiting_question(&self) -> Result<String> {
        Ok(self.seed_question().to_string())
    }

    async fn question_answer(&self, id: &str) -> Result<Option<String>> {
        let question_id = uuid("question", id)?;
        if self.question(question_id).is_none() {
            return Err(not_found("question", id));
        }
        Ok(Sandbox::question_answer(self, question_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapped_order_status_reads_back() {
        for status in [
            OrderStatus::Created,
            OrderStatus::Picking,
            OrderStatus::Shipped,
            OrderStatus::AtCollectionPoint,
            OrderStatus::Delivered,
            OrderStatus::UnDelivered,
            OrderStatus::Cancelled,
            OrderStatus::UnSupplied,
            OrderStatus::ReturnRequested,
            OrderStatus::Returned,
        ] {
            let pz = to_pazarama(&status).unwrap();
            assert_eq!(to_unified(pz), status);
        }
        assert!(to_pazarama(&OrderStatus::Invoiced).is_err());
        assert_eq!(
            to_unified(OrderItemStatus::CancellationRequested),
            OrderStatus::Other("18".into())
        );
        assert_eq!(
            claim_status(RefundStatus::Pending),
            ClaimStatus::WaitingInAction
        );
        assert_eq!(
            claim_status(RefundStatus::AutoApproved),
            ClaimStatus::Accepted
        );
        assert_eq!(
            claim_status(RefundStatus::RejectedByBackoffice),
            ClaimStatus::Rejected
        );
    }
}
