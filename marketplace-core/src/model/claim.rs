//! Claims (returns / refund requests), their statuses and the seller's rejection.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Customer, MarketplaceId, Money};
use crate::{Error, Result};

crate::string_enum! {
    /// Where a claim (return) — or one claim line — is in its life.
    ///
    /// | unified | Trendyol `claimItemStatus` | Pazarama `refundStatus` | Giyim Moda |
    /// |---|---|---|---|
    /// | `Created` | `Created` (return on its way back) | – | – |
    /// | `WaitingInAction` | `WaitingInAction` | 1 Onay Bekliyor | `seller_approval` 0 / `pending` |
    /// | `InReview` | `WaitingFraudCheck`, `InAnalysis` | – | (`admin_approval` pending) |
    /// | `Unresolved` | `Unresolved` (seller disputed, marketplace decides) | – | – |
    /// | `Accepted` | `Accepted` | 2, 4, 6, 8 (seller/backoffice/auto/direct approval) | `approved` |
    /// | `Rejected` | `Rejected` | 3, 5 (seller/backoffice rejection) | `rejected` |
    /// | `Cancelled` | `Cancelled` | 7 Talep İptal Edildi | – |
    ///
    /// # Transitions
    ///
    /// [`can_transition_to`](ClaimStatus::can_transition_to) allows:
    ///
    /// | from | to |
    /// |---|---|
    /// | `Created` | `WaitingInAction`, `InReview`, `Cancelled` |
    /// | `WaitingInAction` | `Accepted`, `Rejected`, `InReview`, `Unresolved`, `Cancelled` |
    /// | `InReview` | `Accepted`, `Rejected`, `WaitingInAction`, `Unresolved` |
    /// | `Unresolved` | `Accepted`, `Rejected`, `InReview` |
    /// | `Accepted`, `Rejected`, `Cancelled` | nothing (terminal) |
    ///
    /// A status never transitions to itself. Nothing transitions from or to
    /// [`ClaimStatus::Other`]: an unknown status may well be final, and we cannot prove a
    /// move legal, so it is refused before a request is sent. A caller who knows better can
    /// still call the marketplace crate's own endpoint directly.
    pub enum ClaimStatus {
        /// Opened by the buyer; the returned item has not reached the seller yet.
        Created = "created",
        /// The item arrived; the seller must approve or reject.
        WaitingInAction = "waiting_in_action",
        /// The marketplace is checking it (fraud check, analysis, backoffice review).
        InReview = "in_review",
        /// The seller disputed it; the marketplace arbitrates.
        Unresolved = "unresolved",
        /// Approved (by the seller, the marketplace, or automatically); the buyer is refunded.
        Accepted = "accepted",
        /// Rejected for good.
        Rejected = "rejected",
        /// Withdrawn by the buyer or cancelled by the marketplace.
        Cancelled = "cancelled",
    }
    /// A status this crate does not know; keeps the marketplace's raw value.
    Other(String)
}

impl ClaimStatus {
    /// Whether the claim is decided: `Accepted`, `Rejected` or `Cancelled`.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            ClaimStatus::Accepted | ClaimStatus::Rejected | ClaimStatus::Cancelled
        )
    }

    /// Whether the seller is the one expected to act now (`WaitingInAction`).
    pub fn awaits_seller(&self) -> bool {
        matches!(self, ClaimStatus::WaitingInAction)
    }

    /// Whether `self → next` is an allowed transition (see the table on [`ClaimStatus`]).
    pub fn can_transition_to(&self, next: &ClaimStatus) -> bool {
        use ClaimStatus as S;
        match self {
            S::Created => matches!(next, S::WaitingInAction | S::InReview | S::Cancelled),
            S::WaitingInAction => matches!(
                next,
                S::Accepted | S::Rejected | S::InReview | S::Unresolved | S::Cancelled
            ),
            S::InReview => matches!(
                next,
                S::Accepted | S::Rejected | S::WaitingInAction | S::Unresolved
            ),
            S::Unresolved => matches!(next, S::Accepted | S::Rejected | S::InReview),
            S::Accepted | S::Rejected | S::Cancelled | S::Other(_) => false,
        }
    }

    /// `Ok(())` if `self → next` is allowed, otherwise
    /// [`Error::InvalidTransition`] with `entity: "claim"`.
    pub fn ensure_transition(&self, next: &ClaimStatus) -> Result<()> {
        if self.can_transition_to(next) {
            Ok(())
        } else {
            Err(Error::InvalidTransition {
                entity: "claim",
                from: self.to_string(),
                to: next.to_string(),
            })
        }
    }
}

/// A return/refund request for (part of) an order.
///
/// On Trendyol the status lives on each claim item; the adapter puts each item's status
/// on its [`ClaimLine`] and the status of the items still open (or, when all are decided,
/// the common one) on the claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The marketplace this claim came from.
    pub marketplace: MarketplaceId,
    /// The marketplace's id for the claim (Trendyol `claimId`, Pazarama `refundId`, Giyim
    /// Moda refund request id).
    pub id: String,
    /// The order number the claim belongs to.
    pub order_number: String,
    /// The marketplace's id of that order/package, when sent.
    pub order_id: Option<String>,
    /// Overall status.
    pub status: ClaimStatus,
    /// When the buyer opened it.
    pub created_at: Option<DateTime<Utc>>,
    /// When the marketplace last changed it.
    pub updated_at: Option<DateTime<Utc>>,
    /// The buyer.
    pub customer: Option<Customer>,
    /// The returned items.
    pub lines: Vec<ClaimLine>,
    /// Amount to refund, when the marketplace states it.
    pub refund_amount: Option<Money>,
    /// Carrier of the return shipment.
    pub cargo_provider: Option<String>,
    /// Tracking number of the return shipment.
    pub tracking_number: Option<String>,
    /// The marketplace's own record, as it sent it (its typed model serialized), for
    /// fields the unified model has no place for. Filled by the marketplace crates'
    /// adapters, which also offer a typed accessor that turns it back into their model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Value>,
}

impl Claim {
    /// A claim with the given identity and status and nothing else filled in.
    pub fn new(
        marketplace: MarketplaceId,
        id: impl Into<String>,
        order_number: impl Into<String>,
        status: ClaimStatus,
    ) -> Self {
        Claim {
            marketplace,
            id: id.into(),
            order_number: order_number.into(),
            order_id: None,
            status,
            created_at: None,
            updated_at: None,
            customer: None,
            lines: Vec::new(),
            refund_amount: None,
            cargo_provider: None,
            tracking_number: None,
            raw: None,
        }
    }

    /// The line with this id, if any.
    pub fn line(&self, id: &str) -> Option<&ClaimLine> {
        self.lines.iter().find(|line| line.id == id)
    }
}

/// One returned item of a claim.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClaimLine {
    /// The id the marketplace wants when approving/rejecting this line (Trendyol claim item
    /// id; on marketplaces with one line per claim, the claim id).
    pub id: String,
    /// The order line it returns, when known.
    pub order_line_id: Option<String>,
    /// The seller's stock code / SKU.
    pub sku: String,
    /// Barcode, when sent.
    pub barcode: Option<String>,
    /// Product name.
    pub product_name: String,
    /// Units returned on this line (Trendyol sends one claim item per unit).
    pub quantity: u32,
    /// This line's own status, when the marketplace tracks lines separately.
    pub status: Option<ClaimStatus>,
    /// The buyer's reason, as text.
    pub reason: Option<String>,
    /// The marketplace's code for that reason.
    pub reason_code: Option<String>,
    /// The buyer's note.
    pub customer_note: Option<String>,
    /// Price of the returned item(s).
    pub price: Option<Money>,
}

/// Why the seller rejects a claim — marketplace-agnostic.
///
/// Each marketplace has its own reason vocabulary (Trendyol's dynamic claim issue reasons,
/// Pazarama's `RefundRejectType` 1–12, Giyim Moda's free text). Marketplace crates offer a
/// typed reason enum and convert it into this (`reason_code` = the marketplace's code as a
/// string, `text` = the explanation), and accept this back: a `reason_code` the marketplace
/// does not know is refused there as invalid input.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClaimRejection {
    /// The marketplace's reason code (Trendyol `claimIssueReasonId`, Pazarama
    /// `RefundRejectType`); `None` where the marketplace takes only text.
    pub reason_code: Option<String>,
    /// The explanation shown to the marketplace/buyer; must not be empty.
    pub text: String,
}

impl ClaimRejection {
    /// A rejection with an explanation and no reason code.
    pub fn new(text: impl Into<String>) -> Self {
        ClaimRejection {
            reason_code: None,
            text: text.into(),
        }
    }

    /// Set the marketplace's reason code.
    #[must_use]
    pub fn reason_code(mut self, code: impl Into<String>) -> Self {
        self.reason_code = Some(code.into());
        self
    }
}

/// Which claims to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClaimQuery {
    /// Claims created/changed at or after this instant.
    pub start: Option<DateTime<Utc>>,
    /// Claims created/changed before this instant.
    pub end: Option<DateTime<Utc>>,
    /// Only these statuses; empty means all.
    pub statuses: Vec<ClaimStatus>,
    /// Only claims of this order.
    pub order_number: Option<String>,
    /// Page size to request, if the caller wants to override the crate's default.
    pub page_size: Option<u32>,
}

impl ClaimQuery {
    /// All claims in `[start, end)`.
    pub fn window(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        ClaimQuery {
            start: Some(start),
            end: Some(end),
            ..ClaimQuery::default()
        }
    }

    /// Add a status filter.
    #[must_use]
    pub fn status(mut self, status: ClaimStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Only claims of this order.
    #[must_use]
    pub fn order_number(mut self, number: impl Into<String>) -> Self {
        self.order_number = Some(number.into());
        self
    }

    /// Set the page size.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClaimStatus as S;

    /// Every (from, to) pair over the known statuses plus an unknown one, against the table
    /// documented on `ClaimStatus`.
    #[test]
    fn claim_transition_table() {
        let allowed: &[(S, S)] = &[
            (S::Created, S::WaitingInAction),
            (S::Created, S::InReview),
            (S::Created, S::Cancelled),
            (S::WaitingInAction, S::Accepted),
            (S::WaitingInAction, S::Rejected),
            (S::WaitingInAction, S::InReview),
            (S::WaitingInAction, S::Unresolved),
            (S::WaitingInAction, S::Cancelled),
            (S::InReview, S::Accepted),
            (S::InReview, S::Rejected),
            (S::InReview, S::WaitingInAction),
            (S::InReview, S::Unresolved),
            (S::Unresolved, S::Accepted),
            (S::Unresolved, S::Rejected),
            (S::Unresolved, S::InReview),
        ];
        let mut all: Vec<S> = S::KNOWN.to_vec();
        all.push(S::Other("InAnalysis2".into()));
        let mut checked = 0;
        for from in &all {
            for to in &all {
                let expected = allowed.iter().any(|(a, b)| a == from && b == to);
                assert_eq!(from.can_transition_to(to), expected, "{from} -> {to}");
                assert_eq!(
                    from.ensure_transition(to).is_ok(),
                    expected,
                    "{from} -> {to}"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 64);
    }

    #[test]
    fn approving_a_rejected_claim_is_a_typed_error() {
        let err = S::Rejected.ensure_transition(&S::Accepted).unwrap_err();
        match err {
            Error::InvalidTransition { entity, from, to } => {
                assert_eq!(entity, "claim");
                assert_eq!(from, "rejected");
                assert_eq!(to, "accepted");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn terminal_and_seller_states() {
        assert!(S::Accepted.is_terminal());
        assert!(S::Cancelled.is_terminal());
        assert!(!S::Unresolved.is_terminal());
        assert!(S::WaitingInAction.awaits_seller());
        assert!(!S::Created.awaits_seller());
    }
}
