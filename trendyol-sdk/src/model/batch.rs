//! `getBatchRequestResult` (reference §4.5 and `trendyol-batch-request-result.txt`): one
//! model for every batch type — product create, the four updates, stock & price, archive,
//! delete, unlock.
//!
//! # When is a batch finished?
//!
//! [`BatchRequestResult::is_finished`] (and so [`BatchProgress::is_terminal`]) decides:
//!
//! 1. **The batch has a `status`** (every type except stock & price): finished when it is
//!    `COMPLETED` or `FAILED`; `IN_PROGRESS` and unknown values keep the poller waiting.
//!    A `COMPLETED` batch may still contain failed items (partial success) and, for
//!    delivery-option and unlock batches, items reported `IN_PROGRESS`; those show up as
//!    still pending in [`BatchRequestResult::pending_items`].
//! 2. **No batch `status`** (`ProductInventoryUpdate`, where Trendyol never sends one):
//!    finished when there is at least one item, every item has a final status (`SUCCESS`
//!    or `FAILED`), and — when `itemCount` is sent — all `itemCount` items are listed.
//!
//! [`BatchRequestResult::outcome`] turns the result into the unified
//! [`BatchOutcome`] with per-item failure reasons.

use chrono::{DateTime, Utc};
use marketplace_core::batch::BatchProgress;
use marketplace_core::codec::Id;
use marketplace_core::model::{
    BatchHandle, BatchKind, BatchOutcome, BatchState, ItemOutcome, MarketplaceId,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::product::{DeliveryOption, Image, ProductAttribute};

marketplace_core::string_enum! {
    /// Batch-level status.
    pub enum BatchStatus {
        /// Still being processed.
        InProgress = "IN_PROGRESS",
        /// Processed; inspect every item (failures are possible).
        Completed = "COMPLETED",
        /// The batch failed as a whole.
        Failed = "FAILED",
    }
    /// A status this version does not know (not treated as finished).
    Other(String)
}

marketplace_core::string_enum! {
    /// Item-level status.
    pub enum BatchItemStatus {
        /// The item was applied.
        Success = "SUCCESS",
        /// The item was rejected; see `failureReasons`.
        Failed = "FAILED",
        /// Still being processed (delivery-option and unlock batches).
        InProgress = "IN_PROGRESS",
    }
    /// A status this version does not know (not treated as final).
    Other(String)
}

impl BatchItemStatus {
    /// Whether the item is done (`SUCCESS` or `FAILED`).
    pub fn is_final(&self) -> bool {
        matches!(self, BatchItemStatus::Success | BatchItemStatus::Failed)
    }
}

marketplace_core::string_enum! {
    /// What the batch does (`batchRequestType`).
    pub enum BatchRequestType {
        /// createProducts V2.
        ProductV2OnBoarding = "ProductV2OnBoarding",
        /// unapproved-bulk-update.
        ProductV2Update = "ProductV2Update",
        /// content-bulk-update.
        ApprovedProductContentUpdate = "ApprovedProductContentUpdate",
        /// variant-bulk-update.
        ApprovedProductVariantUpdate = "ApprovedProductVariantUpdate",
        /// delivery-info-bulk-update.
        ProductDeliveryOptionUpdate = "ProductDeliveryOptionUpdate",
        /// updatePriceAndInventory (no batch status).
        ProductInventoryUpdate = "ProductInventoryUpdate",
        /// archive-state.
        ProductArchiveUpdate = "ProductArchiveUpdate",
        /// deleteProducts.
        ProductDeletion = "ProductDeletion",
        /// unlock.
        ProductUnlockUpdate = "ProductUnlockUpdate",
    }
    /// A type this version does not know.
    Other(String)
}

impl BatchRequestType {
    /// The unified batch kind.
    pub fn kind(&self) -> BatchKind {
        match self {
            BatchRequestType::ProductV2OnBoarding => BatchKind::ProductCreate,
            BatchRequestType::ProductV2Update
            | BatchRequestType::ApprovedProductContentUpdate
            | BatchRequestType::ApprovedProductVariantUpdate
            | BatchRequestType::ProductDeliveryOptionUpdate => BatchKind::ProductUpdate,
            BatchRequestType::ProductInventoryUpdate => BatchKind::StockPrice,
            BatchRequestType::ProductArchiveUpdate => BatchKind::Archive,
            BatchRequestType::ProductDeletion => BatchKind::Delete,
            other => BatchKind::Other(other.as_str().to_owned()),
        }
    }
}

/// The result of one batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchRequestResult {
    /// The batch id.
    #[serde(deserialize_with = "marketplace_core::codec::lenient::string::deserialize")]
    pub batch_request_id: String,
    /// Batch status; **absent for stock & price batches**.
    #[serde(default)]
    pub status: Option<BatchStatus>,
    /// When the batch was created.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub creation_date: Option<DateTime<Utc>>,
    /// When it last changed.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub last_modification: Option<DateTime<Utc>>,
    /// `API` or `WEB` (done in the seller panel).
    #[serde(default)]
    pub source_type: Option<String>,
    /// Number of items in the batch.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub item_count: Option<u32>,
    /// Number of failed items.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub failed_item_count: Option<u32>,
    /// What the batch does.
    #[serde(default)]
    pub batch_request_type: Option<BatchRequestType>,
    /// Per-item results.
    #[serde(default)]
    pub items: Vec<BatchItem>,
    /// Notes (archive batches; shape not documented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<serde_json::Value>,
}

/// One item of a batch result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchItem {
    /// What was sent, as Trendyol parsed it.
    #[serde(default)]
    pub request_item: BatchRequestItem,
    /// Item status.
    #[serde(default)]
    pub status: Option<BatchItemStatus>,
    /// Why the item failed.
    #[serde(default, deserialize_with = "failure_reasons")]
    pub failure_reasons: Vec<String>,
    /// Log id (archive batches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_request_log_id: Option<String>,
}

impl BatchItem {
    /// The key of the item: the barcode (top level or in the product echo), else the
    /// content id, else an empty string.
    pub fn key(&self) -> String {
        let r = &self.request_item;
        r.barcode
            .clone()
            .or_else(|| r.product.as_ref().and_then(|p| p.barcode.clone()))
            .or_else(|| r.content_id.as_ref().map(|id| id.as_str().to_owned()))
            .or_else(|| {
                r.product
                    .as_ref()
                    .and_then(|p| p.content_id.as_ref())
                    .map(|id| id.as_str().to_owned())
            })
            .unwrap_or_default()
    }

    /// Whether the item has a final status.
    pub fn is_final(&self) -> bool {
        self.status.as_ref().is_some_and(BatchItemStatus::is_final)
    }
}

/// Failure reasons are documented as strings; real bodies sometimes carry `null` or
/// objects with a `message`. Strings are kept, objects become their `message` (or their
/// JSON text), `null` entries are dropped.
fn failure_reasons<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let raw: Option<Vec<serde_json::Value>> = Option::deserialize(d)?;
    Ok(raw
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Object(ref m) => Some(
                m.get("message")
                    .and_then(serde_json::Value::as_str)
                    .map_or_else(|| v.to_string(), str::to_owned),
            ),
            other => Some(other.to_string()),
        })
        .collect())
}

/// The request echo of a batch item. Which fields are present depends on the batch type:
/// create/update carry `product` + `barcode`, stock & price the flat
/// `barcode`/`quantity`/`salePrice`/`listPrice`/`updateRequestDate`, archive
/// `barcode`/`archived`/`supplierId`, delete and unlock only `barcode`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchRequestItem {
    /// Barcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Product echo (create / update).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<BatchProduct>,
    /// Content id (content updates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_id: Option<Id>,
    /// Quantity (stock & price).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::int::option"
    )]
    pub quantity: Option<i64>,
    /// Selling price (stock & price).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub sale_price: Option<Decimal>,
    /// List price (stock & price).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::decimal::option"
    )]
    pub list_price: Option<Decimal>,
    /// When the stock & price update was requested (ISO-8601 string).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::datetime::option"
    )]
    pub update_request_date: Option<DateTime<Utc>>,
    /// Target archive state (archive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "marketplace_core::codec::lenient::bool::option"
    )]
    pub archived: Option<bool>,
    /// Seller id (archive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_id: Option<Id>,
}

/// The product echo of a create / update batch item, as Trendyol parsed it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchProduct {
    /// Barcode.
    #[serde(default)]
    pub barcode: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Model code.
    #[serde(default)]
    pub product_main_id: Option<String>,
    /// Brand id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub brand_id: Option<i64>,
    /// Category id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub category_id: Option<i64>,
    /// Quantity.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub quantity: Option<i64>,
    /// Stock code.
    #[serde(default)]
    pub stock_code: Option<String>,
    /// Desi.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub dimensional_weight: Option<Decimal>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Currency.
    #[serde(default)]
    pub currency_type: Option<String>,
    /// List price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
    /// Selling price.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// VAT rate.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub vat_rate: Option<Decimal>,
    /// Images.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub images: Vec<Image>,
    /// Attributes.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attributes: Vec<ProductAttribute>,
    /// Cargo company id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub cargo_company_id: Option<i64>,
    /// Shipment address id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub shipment_address_id: Option<i64>,
    /// Returning address id.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub returning_address_id: Option<i64>,
    /// Delivery duration.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub delivery_duration: Option<u32>,
    /// Delivery option.
    #[serde(default)]
    pub delivery_option: Option<DeliveryOption>,
    /// Content id.
    #[serde(default)]
    pub content_id: Option<Id>,
}

fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

impl BatchRequestResult {
    /// Whether polling can stop; see the [module docs](self) for the rules.
    pub fn is_finished(&self) -> bool {
        match &self.status {
            Some(status) => matches!(status, BatchStatus::Completed | BatchStatus::Failed),
            None => {
                let all_listed = self
                    .item_count
                    .is_none_or(|n| self.items.len() >= n as usize);
                !self.items.is_empty() && all_listed && self.items.iter().all(BatchItem::is_final)
            }
        }
    }

    /// The batch state: from `status` when sent, else derived from the items (rule 2 of
    /// the [module docs](self)): `Completed` once every item is final.
    pub fn state(&self) -> BatchState {
        match &self.status {
            Some(BatchStatus::Completed) => BatchState::Completed,
            Some(BatchStatus::Failed) => BatchState::Failed,
            Some(BatchStatus::InProgress) => BatchState::InProgress,
            Some(other) => BatchState::Unknown(other.as_str().to_owned()),
            None if self.is_finished() => BatchState::Completed,
            None => BatchState::InProgress,
        }
    }

    /// Items that failed.
    pub fn failed_items(&self) -> impl Iterator<Item = &BatchItem> + '_ {
        self.items
            .iter()
            .filter(|i| i.status == Some(BatchItemStatus::Failed))
    }

    /// Items without a final status yet.
    pub fn pending_items(&self) -> impl Iterator<Item = &BatchItem> + '_ {
        self.items.iter().filter(|i| !i.is_final())
    }

    /// The unified outcome: state plus one [`ItemOutcome`] per item (keyed by barcode,
    /// `succeeded` only for `SUCCESS`, messages = Trendyol's failure reasons).
    pub fn outcome(&self) -> BatchOutcome {
        let kind = self.batch_request_type.as_ref().map_or_else(
            || BatchKind::Other("unknown".into()),
            BatchRequestType::kind,
        );
        BatchOutcome {
            handle: BatchHandle::new(MarketplaceId::Trendyol, self.batch_request_id.clone(), kind),
            state: self.state(),
            items: self
                .items
                .iter()
                .map(|item| ItemOutcome {
                    key: item.key(),
                    succeeded: item.status == Some(BatchItemStatus::Success),
                    messages: item.failure_reasons.clone(),
                })
                .collect(),
        }
    }
}

impl BatchProgress for BatchRequestResult {
    fn is_terminal(&self) -> bool {
        self.is_finished()
    }
}
