//! Asynchronous batch jobs: handles, states and per-item outcomes.
//!
//! Trendyol and Pazarama queue product and price/stock writes and answer with a batch id;
//! the result is fetched later (and kept for about four hours). Marketplaces that answer
//! synchronously (Giyim Moda) return an already completed outcome
//! ([`BatchOutcome::completed_now`]), so callers handle both the same way.

use serde::{Deserialize, Serialize};

use super::MarketplaceId;

crate::string_enum! {
    /// What a batch does.
    pub enum BatchKind {
        /// Create products.
        ProductCreate = "product_create",
        /// Update product content.
        ProductUpdate = "product_update",
        /// Update stock and/or prices.
        StockPrice = "stock_price",
        /// Archive (or unarchive) products.
        Archive = "archive",
        /// Delete products.
        Delete = "delete",
    }
    /// Any other kind; keeps the marketplace's name for it.
    Other(String)
}

crate::string_enum! {
    /// Where a batch is.
    ///
    /// Trendyol `IN_PROGRESS`/`COMPLETED`/`FAILED`; Pazarama 1 InProgress / 2 Done / 3 Error.
    /// Trendyol's stock/price results have no batch status at all: its adapter derives one
    /// from the item statuses.
    pub enum BatchState {
        /// Still being processed.
        InProgress = "in_progress",
        /// Processed; see the items for which succeeded.
        Completed = "completed",
        /// The batch as a whole failed.
        Failed = "failed",
    }
    /// A state this crate does not know; keeps the marketplace's raw value. It is not
    /// treated as terminal: a poller keeps waiting until its deadline.
    Unknown(String)
}

impl BatchState {
    /// Whether the batch is finished (`Completed` or `Failed`).
    pub fn is_terminal(&self) -> bool {
        matches!(self, BatchState::Completed | BatchState::Failed)
    }
}

/// A reference to a batch job on a marketplace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BatchHandle {
    /// The marketplace running it.
    pub marketplace: MarketplaceId,
    /// The marketplace's batch (request) id. For synchronous marketplaces, an id the
    /// marketplace crate made up.
    pub id: String,
    /// What the batch does.
    pub kind: BatchKind,
}

impl BatchHandle {
    /// A handle for batch `id` of the given kind.
    pub fn new(marketplace: MarketplaceId, id: impl Into<String>, kind: BatchKind) -> Self {
        BatchHandle {
            marketplace,
            id: id.into(),
            kind,
        }
    }
}

/// The result for one item of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ItemOutcome {
    /// Which item: the SKU / barcode it was sent with.
    pub key: String,
    /// Whether the marketplace accepted it.
    pub succeeded: bool,
    /// The marketplace's messages (failure reasons, warnings).
    pub messages: Vec<String>,
}

impl ItemOutcome {
    /// A successful item.
    pub fn success(key: impl Into<String>) -> Self {
        ItemOutcome {
            key: key.into(),
            succeeded: true,
            messages: Vec::new(),
        }
    }

    /// A failed item with its reasons.
    pub fn failure<I, S>(key: impl Into<String>, messages: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        ItemOutcome {
            key: key.into(),
            succeeded: false,
            messages: messages.into_iter().map(Into::into).collect(),
        }
    }
}

/// The state of a batch and what happened to each item so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchOutcome {
    /// The batch.
    pub handle: BatchHandle,
    /// Where it is.
    pub state: BatchState,
    /// Per-item results (may be partial while in progress).
    pub items: Vec<ItemOutcome>,
}

impl BatchOutcome {
    /// A completed outcome, for marketplaces that process the request synchronously.
    pub fn completed_now(handle: BatchHandle, items: Vec<ItemOutcome>) -> Self {
        BatchOutcome {
            handle,
            state: BatchState::Completed,
            items,
        }
    }

    /// Whether the batch is finished (see [`BatchState::is_terminal`]).
    pub fn is_terminal(&self) -> bool {
        self.state.is_terminal()
    }

    /// The items that succeeded.
    pub fn succeeded(&self) -> impl Iterator<Item = &ItemOutcome> + '_ {
        self.items.iter().filter(|item| item.succeeded)
    }

    /// The items that failed.
    pub fn failed(&self) -> impl Iterator<Item = &ItemOutcome> + '_ {
        self.items.iter().filter(|item| !item.succeeded)
    }

    /// Whether the batch completed and every item succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.state == BatchState::Completed && self.items.iter().all(|item| item.succeeded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_now_splits_items() {
        let handle = BatchHandle::new(MarketplaceId::GiyimModa, "local-1", BatchKind::StockPrice);
        let outcome = BatchOutcome::completed_now(
            handle,
            vec![
                ItemOutcome::success("A"),
                ItemOutcome::failure("B", ["stok negatif olamaz"]),
                ItemOutcome::success("C"),
            ],
        );
        assert!(outcome.is_terminal());
        assert!(!outcome.all_succeeded());
        let ok: Vec<_> = outcome.succeeded().map(|i| i.key.as_str()).collect();
        let bad: Vec<_> = outcome.failed().map(|i| i.key.as_str()).collect();
        assert_eq!(ok, ["A", "C"]);
        assert_eq!(bad, ["B"]);
    }

    #[test]
    fn unknown_state_is_not_terminal() {
        assert!(!BatchState::Unknown("QUEUED".into()).is_terminal());
        assert!(!BatchState::InProgress.is_terminal());
        assert!(BatchState::Failed.is_terminal());
    }
}
