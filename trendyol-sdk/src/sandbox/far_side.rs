//! The sandbox as the far side of `marketplace_core::conformance` (feature `conformance`).
//!
//! Unified ↔ Trendyol mappings are local here (the adapter has its own): unified order
//! ids are `shipmentPackageId`s, claim ids are Trendyol claim ids, question ids are the
//! numeric question ids, SKUs are barcodes.

use async_trait::async_trait;
use marketplace_core::conformance::FarSide;
use marketplace_core::model::{
    ClaimRejection, ClaimStatus, Money, OrderStatus, ProductAttribute, ProductDraft, StatusMove,
    StockPrice,
};
use marketplace_core::paging::TimeWindow;
use marketplace_core::{Error, Result};
use rust_decimal::Decimal;

use crate::model::claim::ClaimItemStatus;
use crate::model::orders::PackageStatus;

use super::Sandbox;
use super::seed::{COLOR_ATTRIBUTE, SIZE_ATTRIBUTE};

/// A seeded brand ("Anadolu Moda").
const DEFAULT_BRAND: i64 = 1001;
/// A seeded leaf category ("Tişört").
const DEFAULT_CATEGORY: i64 = 411;

/// Barcode of the draft the far side calls valid.
const VALID_SKU: &str = "8680009990017";
/// Barcode of the draft with an unknown brand.
const INVALID_SKU: &str = "8680009990024";

fn to_package_status(status: &OrderStatus) -> PackageStatus {
    match status {
        OrderStatus::Awaiting => PackageStatus::Awaiting,
        OrderStatus::Created => PackageStatus::Created,
        OrderStatus::Picking => PackageStatus::Picking,
        OrderStatus::Invoiced => PackageStatus::Invoiced,
        OrderStatus::Shipped => PackageStatus::Shipped,
        OrderStatus::AtCollectionPoint => PackageStatus::AtCollectionPoint,
        OrderStatus::Delivered => PackageStatus::Delivered,
        OrderStatus::UnDelivered => PackageStatus::UnDelivered,
        OrderStatus::Cancelled => PackageStatus::Cancelled,
        OrderStatus::UnSupplied => PackageStatus::UnSupplied,
        OrderStatus::Split => PackageStatus::UnPacked,
        OrderStatus::Returned => PackageStatus::Returned,
        other => PackageStatus::Other(other.as_str().to_owned()),
    }
}

fn to_order_status(status: &PackageStatus) -> OrderStatus {
    match status {
        PackageStatus::Awaiting => OrderStatus::Awaiting,
        PackageStatus::Created => OrderStatus::Created,
        PackageStatus::Picking => OrderStatus::Picking,
        PackageStatus::Invoiced => OrderStatus::Invoiced,
        PackageStatus::Shipped => OrderStatus::Shipped,
        PackageStatus::AtCollectionPoint => OrderStatus::AtCollectionPoint,
        PackageStatus::Delivered => OrderStatus::Delivered,
        PackageStatus::UnDelivered => OrderStatus::UnDelivered,
        PackageStatus::Cancelled => OrderStatus::Cancelled,
        PackageStatus::UnSupplied => OrderStatus::UnSupplied,
        PackageStatus::UnPacked => OrderStatus::Split,
        PackageStatus::Returned => OrderStatus::Returned,
        other => OrderStatus::Other(other.as_str().to_owned()),
    }
}

fn to_claim_status(status: &ClaimItemStatus) -> ClaimStatus {
    match status {
        ClaimItemStatus::Created => ClaimStatus::Created,
        ClaimItemStatus::WaitingInAction => ClaimStatus::WaitingInAction,
        ClaimItemStatus::WaitingFraudCheck | ClaimItemStatus::InAnalysis => ClaimStatus::InReview,
        ClaimItemStatus::Unresolved => ClaimStatus::Unresolved,
        ClaimItemStatus::Accepted => ClaimStatus::Accepted,
        ClaimItemStatus::Rejected => ClaimStatus::Rejected,
        ClaimItemStatus::Cancelled => ClaimStatus::Cancelled,
        other => ClaimStatus::Other(other.as_str().to_owned()),
    }
}

fn missing(what: &str, id: &str) -> Error {
    Error::invalid_input("id", format!("the sandbox holds no {what} {id}"))
}

fn draft(sku: &str, brand: i64) -> ProductDraft {
    let mut draft = ProductDraft::new(
        sku,
        "Kadın Organik Pamuk Basic Tişört Ekru",
        Money::new(Decimal::new(29_990, 2), "TRY"),
    );
    draft.barcode = Some(sku.to_owned());
    draft.group_code = Some("TS-ORGANIK-10".into());
    draft.description = "%100 organik pamuk, rahat kesim basic tişört.".into();
    draft.brand_id = Some(brand.to_string());
    draft.category_id = Some(DEFAULT_CATEGORY.to_string());
    draft.list_price = Some(Money::new(Decimal::new(34_990, 2), "TRY"));
    draft.vat_rate = Some(Decimal::from(20));
    draft.stock = 40;
    draft.images = vec![format!("https://cdn.sandbox.example/urun/{sku}.jpg")];
    draft.attributes = vec![
        ProductAttribute {
            id: Some(COLOR_ATTRIBUTE.to_string()),
            name: Some("Renk".into()),
            value_id: None,
            value: Some("Ekru".into()),
        },
        ProductAttribute {
            id: Some(SIZE_ATTRIBUTE.to_string()),
            name: Some("Beden".into()),
            value_id: None,
            value: Some("M".into()),
        },
    ];
    draft
}

#[async_trait]
impl FarSide for Sandbox {
    async fn seed_orders(&self, window: TimeWindow, count: usize) -> Result<Vec<String>> {
        Ok(Sandbox::seed_orders(self, window, count)
            .into_iter()
            .map(|id| id.to_string())
            .collect())
    }

    async fn seed_order(&self, status: OrderStatus) -> Result<String> {
        Ok(Sandbox::seed_order(self, to_package_status(&status)).to_string())
    }

    async fn order_status(&self, id: &str) -> Result<OrderStatus> {
        let package: u64 = id.parse().map_err(|_| missing("package", id))?;
        Sandbox::order_status(self, package)
            .map(|s| to_order_status(&s))
            .ok_or_else(|| missing("package", id))
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
        draft(VALID_SKU, DEFAULT_BRAND)
    }

    fn invalid_draft(&self) -> ProductDraft {
        // A brand id that is not in the seeded reference data: fails per item.
        draft(INVALID_SKU, 999_999)
    }

    async fn stock_items_received(&self, sku: &str) -> Vec<StockPrice> {
        self.stock_prices_received(sku)
    }

    async fn seed_pending_claim(&self) -> Result<String> {
        Ok(self.seed_claim())
    }

    async fn claim_status(&self, id: &str) -> Result<ClaimStatus> {
        Sandbox::claim_status(self, id)
            .map(|s| to_claim_status(&s))
            .ok_or_else(|| missing("claim", id))
    }

    fn rejection(&self) -> ClaimRejection {
        // 451 "returned item did not reach us" needs no evidence files.
        ClaimRejection::new("İade edilen ürün depomuza ulaşmadı.").reason_code("451")
    }

    async fn seed_waiting_question(&self) -> Result<String> {
        Ok(self.seed_question().to_string())
    }

    async fn question_answer(&self, id: &str) -> Result<Option<String>> {
        let question: u64 = id.parse().map_err(|_| missing("question", id))?;
        Ok(Sandbox::question_answer(self, question))
    }
}
