//! Price and stock updates (`updatePrice-v2`, `updateStock-v2`) and their per-code results
//! (`listing-state/batch-id/{id}/lake-projections`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Envelope;
use super::category::null_as_empty;
use super::product::{check_price, check_text};
use crate::{Error, Result};

/// Body of `product/updatePrice-v2`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceUpdateRequest {
    /// The prices to set (at least one).
    pub items: Vec<PriceItem>,
}

/// New prices of one product.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceItem {
    /// Barcode (required, at most 100 characters).
    pub code: String,
    /// List price (decimal(18,2), not negative).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub list_price: Decimal,
    /// Sale price (decimal(18,2), not negative).
    #[serde(with = "marketplace_core::codec::decimal")]
    pub sale_price: Decimal,
}

impl PriceItem {
    /// Prices for barcode `code`.
    pub fn new(code: impl Into<String>, list_price: Decimal, sale_price: Decimal) -> Self {
        PriceItem {
            code: code.into(),
            list_price,
            sale_price,
        }
    }
}

/// Body of `product/updateStock-v2`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StockUpdateRequest {
    /// The stock counts to set (at least one).
    pub items: Vec<StockItem>,
}

/// New stock count of one product.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StockItem {
    /// Barcode (required, at most 100 characters).
    pub code: String,
    /// Stock count.
    pub stock_count: u32,
}

impl StockItem {
    /// Stock `stock_count` for barcode `code`.
    pub fn new(code: impl Into<String>, stock_count: u32) -> Self {
        StockItem {
            code: code.into(),
            stock_count,
        }
    }
}

impl PriceUpdateRequest {
    /// A request for these items.
    pub fn new(items: impl IntoIterator<Item = PriceItem>) -> Self {
        PriceUpdateRequest {
            items: items.into_iter().collect(),
        }
    }

    /// At least one item; each with a barcode of at most 100 characters and
    /// decimal(18,2) prices that are not negative.
    pub fn validate(&self) -> Result<()> {
        if self.items.is_empty() {
            return Err(Error::invalid_input("items", "at least one item"));
        }
        for (i, item) in self.items.iter().enumerate() {
            check_text(&format!("items[{i}].code"), &item.code, Some(100))?;
            check_price(&format!("items[{i}].listPrice"), item.list_price)?;
            check_price(&format!("items[{i}].salePrice"), item.sale_price)?;
        }
        Ok(())
    }
}

impl StockUpdateRequest {
    /// A request for these items.
    pub fn new(items: impl IntoIterator<Item = StockItem>) -> Self {
        StockUpdateRequest {
            items: items.into_iter().collect(),
        }
    }

    /// At least one item; each with a barcode of at most 100 characters.
    pub fn validate(&self) -> Result<()> {
        if self.items.is_empty() {
            return Err(Error::invalid_input("items", "at least one item"));
        }
        for (i, item) in self.items.iter().enumerate() {
            check_text(&format!("items[{i}].code"), &item.code, Some(100))?;
        }
        Ok(())
    }
}

marketplace_core::code_enum! {
    /// Outcome of the price or stock part of one code in a listing-state result.
    ///
    /// 0, 1 and 3 appear in the document's samples with the texts "Başarılı",
    /// "Tamamlanamadı" and "İşleniyor"; 2 is this crate's reading of the `failedCount`
    /// the summary reports.
    pub enum ListingOperationStatus {
        /// Applied ("Başarılı").
        Succeeded = 0,
        /// Could not be applied ("Tamamlanamadı"); see `operationDetail`.
        NotCompleted = 1,
        /// Failed.
        Failed = 2,
        /// Still being processed ("İşleniyor").
        Processing = 3,
    }
    /// A code this version does not know.
    Unknown(i64)
}

impl ListingOperationStatus {
    /// Whether the operation is finished (anything but `Processing` or unknown).
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            ListingOperationStatus::Succeeded
                | ListingOperationStatus::NotCompleted
                | ListingOperationStatus::Failed
        )
    }
}

/// The result for one barcode of a price/stock batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListingState {
    /// Record id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub id: Option<Uuid>,
    /// Seller id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub seller_id: Option<Uuid>,
    /// Batch id (a GUID): what `updatePrice-v2` / `updateStock-v2` returned.
    #[serde(default, with = "super::guid::option")]
    pub batch_id: Option<Uuid>,
    /// Reference id (a GUID).
    #[serde(default, with = "super::guid::option")]
    pub ref_id: Option<Uuid>,
    /// Barcode.
    #[serde(with = "marketplace_core::codec::lenient::string")]
    pub code: String,
    /// Price part (absent for stock updates).
    #[serde(default)]
    pub price: Option<PriceOutcome>,
    /// Stock part (absent for price updates).
    #[serde(default)]
    pub stock: Option<StockOutcome>,
    /// Where the update came from (`MerchantApi`).
    #[serde(default)]
    pub operation_source_text: Option<String>,
    /// Overall state as text ("Başarılı", "Tamamlanamadı", "İşleniyor").
    #[serde(default)]
    pub operation_status_text: Option<String>,
}

impl ListingState {
    /// The statuses of the price and stock parts that are present.
    fn statuses(&self) -> impl Iterator<Item = ListingOperationStatus> + '_ {
        self.price
            .iter()
            .map(|p| p.status)
            .chain(self.stock.iter().map(|s| s.status))
    }

    /// Whether every present part was applied.
    pub fn succeeded(&self) -> bool {
        self.statuses()
            .all(|s| s == ListingOperationStatus::Succeeded)
    }

    /// Whether every present part is finished.
    pub fn is_terminal(&self) -> bool {
        self.statuses().all(|s| s.is_terminal())
    }

    /// The non-empty `operationDetail` texts of the price and stock parts.
    pub fn messages(&self) -> Vec<String> {
        self.price
            .iter()
            .filter_map(|p| p.operation_detail.clone())
            .chain(self.stock.iter().filter_map(|s| s.operation_detail.clone()))
            .filter(|m| !m.trim().is_empty())
            .collect()
    }
}

/// Outcome of a price update for one barcode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceOutcome {
    /// Status.
    pub status: ListingOperationStatus,
    /// Pazarama's explanation ("Ürün bulunamadı", …).
    #[serde(default)]
    pub operation_detail: Option<String>,
    /// The sale price sent.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub sale_price: Option<Decimal>,
    /// The list price sent.
    #[serde(default, with = "marketplace_core::codec::decimal::option")]
    pub list_price: Option<Decimal>,
}

/// Outcome of a stock update for one barcode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StockOutcome {
    /// Status.
    pub status: ListingOperationStatus,
    /// Pazarama's explanation.
    #[serde(default)]
    pub operation_detail: Option<String>,
    /// The stock count sent.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub count: Option<i64>,
}

/// Query of the listing-state results: page (from 1) and page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingStateQuery {
    /// Page number, from 1.
    pub page: u32,
    /// Page size (the document uses 3000).
    pub page_size: u32,
}

impl Default for ListingStateQuery {
    fn default() -> Self {
        ListingStateQuery {
            page: 1,
            page_size: 3000,
        }
    }
}

/// One page of listing-state results, with the totals Pazarama reports.
///
/// The document shows two shapes: a page whose `data` is the list, with `pageIndex`,
/// `totalPages`, `hasNextPage` … beside the envelope fields; and an envelope whose `data`
/// holds the list and the counters (`successCount`, `notCompletedCount`, `failedCount`,
/// `processingCount`, `totalCount`). Both decode into this.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListingStatePage {
    /// The results on this page.
    pub items: Vec<ListingState>,
    /// Page number.
    pub page_index: Option<u32>,
    /// Page size.
    pub page_size: Option<u32>,
    /// Number of pages.
    pub total_pages: Option<u32>,
    /// Number of results.
    pub total_count: Option<u64>,
    /// Whether there is a next page.
    pub has_next_page: Option<bool>,
    /// Codes applied.
    pub success_count: Option<u64>,
    /// Codes not completed.
    pub not_completed_count: Option<u64>,
    /// Codes failed.
    pub failed_count: Option<u64>,
    /// Codes still processing.
    pub processing_count: Option<u64>,
}

impl ListingStatePage {
    /// Whether every result on this page is finished and none is reported processing.
    pub fn is_terminal(&self) -> bool {
        self.processing_count.unwrap_or(0) == 0 && self.items.iter().all(ListingState::is_terminal)
    }
}

/// The raw answer of the listing-state call (see [`ListingStatePage`]).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ListingStateResponse {
    #[serde(default)]
    data: Option<ListingStateData>,
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    success: Option<bool>,
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    message_code: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    user_message: Option<String>,
    #[serde(flatten)]
    counters: Counters,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ListingStateData {
    Items(Vec<ListingState>),
    Summary(Box<ListingStateSummary>),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListingStateSummary {
    // The list's key is cut off in the document; `data` is the likeliest, the others are
    // accepted too.
    #[serde(
        default,
        alias = "items",
        alias = "result",
        alias = "lakeProjections",
        deserialize_with = "null_as_empty"
    )]
    data: Vec<ListingState>,
    #[serde(flatten)]
    counters: Counters,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Counters {
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    page_index: Option<u32>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    page_size: Option<u32>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    total_pages: Option<u32>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    total_count: Option<u64>,
    #[serde(default, with = "marketplace_core::codec::lenient::bool::option")]
    has_next_page: Option<bool>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    success_count: Option<u64>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    not_completed_count: Option<u64>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    failed_count: Option<u64>,
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    processing_count: Option<u64>,
}

impl ListingStateResponse {
    /// Unwrap the envelope (a `success: false` is an error) and merge both shapes.
    pub(crate) fn into_page(self) -> Result<ListingStatePage> {
        let envelope = Envelope {
            data: self.data,
            success: self.success.unwrap_or(true),
            message_code: self.message_code,
            message: self.message,
            user_message: self.user_message,
            from_cache: None,
        };
        let outer = self.counters;
        let (items, inner) = match envelope.into_data()? {
            None => (Vec::new(), Counters::default()),
            Some(ListingStateData::Items(items)) => (items, Counters::default()),
            Some(ListingStateData::Summary(summary)) => (summary.data, summary.counters),
        };
        Ok(ListingStatePage {
            items,
            page_index: inner.page_index.or(outer.page_index),
            page_size: inner.page_size.or(outer.page_size),
            total_pages: inner.total_pages.or(outer.total_pages),
            total_count: inner.total_count.or(outer.total_count),
            has_next_page: inner.has_next_page.or(outer.has_next_page),
            success_count: inner.success_count.or(outer.success_count),
            not_completed_count: inner.not_completed_count.or(outer.not_completed_count),
            failed_count: inner.failed_count.or(outer.failed_count),
            processing_count: inner.processing_count.or(outer.processing_count),
        })
    }
}
