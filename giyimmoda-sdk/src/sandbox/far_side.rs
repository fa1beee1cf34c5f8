//! [`FarSide`] for the sandbox (feature `conformance`): the conformance suite seeds and
//! inspects Giyim Moda through the sandbox's own inspection API.
//!
//! The unified ↔ Giyim Moda status mapping here is the sandbox's own (private) one; it
//! should agree with the crate's adapter:
//!
//! | unified | `delivery_status` (seeding) | read back from `delivery_status` |
//! |---|---|---|
//! | `Awaiting`, `Created` | `pending` | `pending` → `Created` |
//! | `Picking`, `Invoiced` | `confirmed` | `confirmed` → `Picking` |
//! | `Shipped` | `picked_up` | `picked_up`, `on_the_way` → `Shipped` |
//! | `Delivered` | `delivered` | `delivered` → `Delivered` |
//! | `Cancelled`, `UnSupplied` | `cancelled` | `cancelled` → `Cancelled` |
//!
//! Refund requests: `seller_approval` 0 → `WaitingInAction`, 1 → `Accepted`,
//! 2 → `Rejected`.

use async_trait::async_trait;
use marketplace_core::conformance::FarSide;
use marketplace_core::model::{
    ClaimRejection, ClaimStatus, Money, OrderStatus, ProductDraft, StatusMove, StockPrice,
};
use marketplace_core::paging::TimeWindow;
use marketplace_core::{MarketplaceId, Result};
use rust_decimal::Decimal;

use super::Sandbox;
use crate::Error;
use crate::model::{Approval, DeliveryStatus};

fn to_delivery(status: &OrderStatus) -> Option<DeliveryStatus> {
    Some(match status {
        OrderStatus::Awaiting | OrderStatus::Created => DeliveryStatus::Pending,
        OrderStatus::Picking | OrderStatus::Invoiced => DeliveryStatus::Confirmed,
        OrderStatus::Shipped => DeliveryStatus::PickedUp,
        OrderStatus::Delivered => DeliveryStatus::Delivered,
        OrderStatus::Cancelled | OrderStatus::UnSupplied => DeliveryStatus::Cancelled,
        _ => return None,
    })
}

fn to_unified(status: &DeliveryStatus) -> OrderStatus {
    match status {
        DeliveryStatus::Pending => OrderStatus::Created,
        DeliveryStatus::Confirmed => OrderStatus::Picking,
        DeliveryStatus::PickedUp | DeliveryStatus::OnTheWay => OrderStatus::Shipped,
        DeliveryStatus::Delivered => OrderStatus::Delivered,
        DeliveryStatus::Cancelled => OrderStatus::Cancelled,
        DeliveryStatus::Other(raw) => OrderStatus::Other(raw.clone()),
    }
}

fn parse_id(id: &str) -> Result<u64> {
    id.trim()
        .parse()
        .map_err(|_| Error::invalid_input("id", format!("not a Giyim Moda id: {id:?}")))
}

fn not_found(what: &str, id: &str) -> Error {
    Error::invalid_input("id", format!("the sandbox holds no {what} {id}"))
}

fn draft(sku: &str, title: &str, category: &str) -> ProductDraft {
    let mut draft = ProductDraft::new(sku, title, Money::new(Decimal::new(34990, 2), "TRY"));
    draft.description =
        "Yumuşak dokulu, %100 pamuk triko kazak. Makinede 30 derecede yıkanabilir.".to_owned();
    draft.barcode = Some(format!("8690000{:06}", sku.len() * 1111));
    draft.brand_id = Some("5".to_owned());
    draft.category_id = Some(category.to_owned());
    draft.vat_rate = Some(Decimal::from(20));
    draft.stock = 12;
    draft.images = vec![
        "https://example.com/triko-kazak-1.jpg".to_owned(),
        "https://example.com/triko-kazak-2.jpg".to_owned(),
        "https://example.com/triko-kazak-3.jpg".to_owned(),
    ];
    draft.delivery_days = Some(2);
    draft
}

#[async_trait]
impl FarSide for Sandbox {
    async fn seed_orders(&self, window: TimeWindow, count: usize) -> Result<Vec<String>> {
        Ok(Sandbox::seed_orders(self, window.start, window.end, count)
            .into_iter()
            .map(|id| id.to_string())
            .collect())
    }

    async fn seed_order(&self, status: OrderStatus) -> Result<String> {
        let delivery = to_delivery(&status).ok_or(Error::Unsupported {
            marketplace: MarketplaceId::GiyimModa,
            operation: "an order in this status (no Giyim Moda delivery_status for it)",
        })?;
        Ok(Sandbox::seed_order(self, delivery).to_string())
    }

    async fn order_status(&self, id: &str) -> Result<OrderStatus> {
        let status =
            Sandbox::order_status(self, parse_id(id)?).ok_or_else(|| not_found("order", id))?;
        Ok(to_unified(&status))
    }

    fn forward_move(&self) -> (OrderStatus, OrderStatus, StatusMove) {
        (
            OrderStatus::Created,
            OrderStatus::Picking,
            StatusMove::new(),
        )
    }

    fn illegal_move(&self) -> (OrderStatus, OrderStatus) {
        (OrderStatus::Delivered, OrderStatus::Picking)
    }

    async fn writes_received(&self) -> usize {
        Sandbox::writes_received(self)
    }

    fn valid_draft(&self) -> ProductDraft {
        draft("GM-KZK-001", "Triko Kazak", "149")
    }

    fn invalid_draft(&self) -> ProductDraft {
        // Category 999999 is not in the sandbox's reference data: the item fails.
        draft("GM-KZK-999", "Bilinmeyen Kategoride Kazak", "999999")
    }

    async fn stock_items_received(&self, sku: &str) -> Vec<StockPrice> {
        Sandbox::stock_items_received(self, sku)
    }

    async fn seed_pending_claim(&self) -> Result<String> {
        Ok(self.seed_refund().to_string())
    }

    async fn claim_status(&self, id: &str) -> Result<ClaimStatus> {
        let approval = self
            .refund_status(parse_id(id)?)
            .ok_or_else(|| not_found("refund request", id))?;
        Ok(match approval {
            Approval::Pending => ClaimStatus::WaitingInAction,
            Approval::Approved => ClaimStatus::Accepted,
            Approval::Rejected => ClaimStatus::Rejected,
            Approval::Unknown(code) => ClaimStatus::Other(code.to_string()),
        })
    }

    fn rejection(&self) -> ClaimRejection {
        ClaimRejection::new("Ürün kullanılmış durumda, iade kabul edilemez")
    }

    async fn seed_waiting_question(&self) -> Result<String> {
        Ok(self.seed_question().to_string())
    }

    async fn question_answer(&self, id: &str) -> Result<Option<String>> {
        let id = parse_id(id)?;
        if self.question(id).is_none() {
            return Err(not_found("question", &id.to_string()));
        }
        Ok(Sandbox::question_answer(self, id))
    }
}
