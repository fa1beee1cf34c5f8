//! The unified, marketplace-agnostic API.
//!
//! Every marketplace client implements [`Marketplace`] — the sum of [`OrderApi`],
//! [`ProductApi`], [`ClaimApi`] and [`QuestionApi`] — so one loop can serve Trendyol,
//! Pazarama and Giyim Moda through `&dyn Marketplace` or `Box<dyn Marketplace>`.
//!
//! # Design
//!
//! - The traits are object safe, `Send + Sync`, and built with [`macro@async_trait`].
//! - **Every method has a default body** that returns [`Error::Unsupported`] naming the
//!   marketplace and the operation (listing methods return a one-item stream holding that
//!   error). Adding a method is therefore never a breaking change, a marketplace that cannot
//!   do something says so instead of silently doing nothing, and a test double implements
//!   only what a test needs.
//! - The defaults need to know *which* marketplace they speak for, hence the small
//!   supertrait [`MarketplaceIdentity`] with its one required method, `id()`.
//! - State-changing operations come in pairs: a **provided** method that checks the move
//!   is legal in the unified state machine ([`OrderStatus::can_move_to`],
//!   [`ClaimStatus::ensure_transition`], [`QuestionStatus::can_be_answered`]) and a
//!   `send_*` method that talks to the marketplace. **Implementors override the `send_*`
//!   method, not the checked one**: the check then runs before any request, and an
//!   illegal move is a typed error instead of a 400 round trip.
//! - What an implementation supports is listed by [`Marketplace::capabilities`], which
//!   must be honest: a capability is listed if and only if the matching method does not
//!   return [`Error::Unsupported`].
//!
//! # Example
//!
//! A function that works with any marketplace, and a do-nothing implementation that
//! shows the defaults:
//!
//! ```
//! use futures::StreamExt;
//! use marketplace_core::model::{MarketplaceId, OrderQuery, OrderStatus};
//! use marketplace_core::traits::{
//!     ClaimApi, Marketplace, MarketplaceIdentity, OrderApi, ProductApi, QuestionApi,
//! };
//! use marketplace_core::{Error, Result};
//!
//! /// Order numbers of the new orders of any marketplace.
//! async fn new_order_numbers(marketplace: &dyn Marketplace) -> Result<Vec<String>> {
//!     let query = OrderQuery::default().status(OrderStatus::Created);
//!     let mut orders = marketplace.orders(&query);
//!     let mut numbers = Vec::new();
//!     while let Some(order) = orders.next().await {
//!         numbers.push(order?.number);
//!     }
//!     Ok(numbers)
//! }
//!
//! /// A marketplace that supports nothing: every method keeps its default.
//! struct Nothing;
//! impl MarketplaceIdentity for Nothing {
//!     fn id(&self) -> MarketplaceId {
//!         MarketplaceId::Other("nothing".into())
//!     }
//! }
//! impl OrderApi for Nothing {}
//! impl ProductApi for Nothing {}
//! impl ClaimApi for Nothing {}
//! impl QuestionApi for Nothing {}
//! impl Marketplace for Nothing {}
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let marketplace: Box<dyn Marketplace> = Box::new(Nothing);
//! let err = new_order_numbers(marketplace.as_ref()).await.unwrap_err();
//! assert!(matches!(err, Error::Unsupported { operation: "orders", .. }));
//! assert!(marketplace.capabilities().is_empty());
//! # });
//! ```

use std::fmt;

use async_trait::async_trait;
use futures::stream::{self, BoxStream, StreamExt};

use crate::batch::BatchPoller;
use crate::model::{
    BatchHandle, BatchOutcome, Claim, ClaimQuery, ClaimRejection, ClaimStatus, MarketplaceId,
    Order, OrderQuery, OrderStatus, Product, ProductDraft, ProductQuery, Question, QuestionQuery,
    QuestionStatus, StatusMove, StockPrice,
};
use crate::{Error, Result};

/// The error every default method returns.
fn unsupported(marketplace: MarketplaceId, operation: &'static str) -> Error {
    Error::Unsupported {
        marketplace,
        operation,
    }
}

/// A stream holding only the [`Error::Unsupported`] error: the default of listing methods.
fn unsupported_stream<'a, T: Send + 'a>(
    marketplace: MarketplaceId,
    operation: &'static str,
) -> BoxStream<'a, Result<T>> {
    stream::once(async move { Err(unsupported(marketplace, operation)) }).boxed()
}

/// Which marketplace an implementation speaks for; the supertrait of every API trait.
pub trait MarketplaceIdentity: Send + Sync {
    /// The marketplace this client talks to.
    fn id(&self) -> MarketplaceId;
}

/// Orders: list, fetch, move forward.
#[async_trait]
pub trait OrderApi: MarketplaceIdentity {
    /// All orders matching `query`, page after page, as a lazy stream.
    ///
    /// The stream owns what it needs (implementations clone the query), and ends after
    /// the first error. Default: [`Error::Unsupported`] (`"orders"`).
    fn orders(&self, query: &OrderQuery) -> BoxStream<'_, Result<Order>> {
        let _ = query;
        unsupported_stream(self.id(), "orders")
    }

    /// One order by the marketplace's id ([`Order::id`]).
    ///
    /// Default: [`Error::Unsupported`] (`"order"`).
    async fn order(&self, id: &str) -> Result<Order> {
        let _ = id;
        Err(unsupported(self.id(), "order"))
    }

    /// Move `order` (or the lines named in `details`) to status `to`.
    ///
    /// Checks first, sending nothing when a check fails:
    /// - `order.status` must be able to move to `to` ([`OrderStatus::can_move_to`]),
    ///   otherwise [`Error::InvalidTransition`] with `entity: "order"`;
    /// - every id in `details.line_ids` must be a line of `order`
    ///   ([`Error::InvalidInput`] on `line_ids` otherwise), and a line that carries its own
    ///   status must be able to move too (`entity: "order line"`).
    ///
    /// Then calls [`send_order_status`](OrderApi::send_order_status). Implementors override
    /// that method, not this one.
    async fn move_order(&self, order: &Order, to: OrderStatus, details: StatusMove) -> Result<()> {
        if !order.status.can_move_to(&to) {
            return Err(Error::InvalidTransition {
                entity: "order",
                from: order.status.to_string(),
                to: to.to_string(),
            });
        }
        for line_id in &details.line_ids {
            let Some(line) = order.line(line_id) else {
                return Err(Error::invalid_input(
                    "line_ids",
                    format!("order {} has no line {line_id}", order.id),
                ));
            };
            if let Some(status) = &line.status {
                if !status.can_move_to(&to) {
                    return Err(Error::InvalidTransition {
                        entity: "order line",
                        from: status.to_string(),
                        to: to.to_string(),
                    });
                }
            }
        }
        self.send_order_status(order, to, details).await
    }

    /// Send an already validated status move to the marketplace.
    ///
    /// Called by [`move_order`](OrderApi::move_order) after its checks; implement this.
    /// Default: [`Error::Unsupported`] (`"move_order"`).
    async fn send_order_status(
        &self,
        order: &Order,
        to: OrderStatus,
        details: StatusMove,
    ) -> Result<()> {
        let _ = (order, to, details);
        Err(unsupported(self.id(), "move_order"))
    }
}

/// Products: list, push drafts, update stock and prices, follow batches.
#[async_trait]
pub trait ProductApi: MarketplaceIdentity {
    /// All products matching `query`, as a lazy stream that ends after the first error.
    ///
    /// Default: [`Error::Unsupported`] (`"products"`).
    fn products(&self, query: &ProductQuery) -> BoxStream<'_, Result<Product>> {
        let _ = query;
        unsupported_stream(self.id(), "products")
    }

    /// Create (or fully update) products. Returns the batch that processes them; follow it
    /// with [`batch_outcome`](ProductApi::batch_outcome) or
    /// [`wait_batch`](ProductApi::wait_batch). Synchronous marketplaces return a handle whose
    /// outcome is already complete.
    ///
    /// Default: [`Error::Unsupported`] (`"push_drafts"`).
    async fn push_drafts(&self, drafts: &[ProductDraft]) -> Result<BatchHandle> {
        let _ = drafts;
        Err(unsupported(self.id(), "push_drafts"))
    }

    /// The current state and per-item results of a batch.
    ///
    /// Default: [`Error::Unsupported`] (`"batch_outcome"`).
    async fn batch_outcome(&self, handle: &BatchHandle) -> Result<BatchOutcome> {
        let _ = handle;
        Err(unsupported(self.id(), "batch_outcome"))
    }

    /// Write absolute stock and/or prices. Large inputs are split into as many batches as
    /// the marketplace's per-request limit requires, hence one handle per batch sent.
    ///
    /// Default: [`Error::Unsupported`] (`"update_stock_prices"`).
    async fn update_stock_prices(&self, updates: &[StockPrice]) -> Result<Vec<BatchHandle>> {
        let _ = updates;
        Err(unsupported(self.id(), "update_stock_prices"))
    }

    /// Poll [`batch_outcome`](ProductApi::batch_outcome) with `poller` until the batch is
    /// terminal, or fail with [`Error::BatchTimeout`] at the poller's deadline.
    async fn wait_batch(&self, handle: &BatchHandle, poller: &BatchPoller) -> Result<BatchOutcome> {
        poller.poll(&handle.id, || self.batch_outcome(handle)).await
    }
}

/// Claims (returns): list, approve, reject.
#[async_trait]
pub trait ClaimApi: MarketplaceIdentity {
    /// All claims matching `query`, as a lazy stream that ends after the first error.
    ///
    /// Default: [`Error::Unsupported`] (`"claims"`).
    fn claims(&self, query: &ClaimQuery) -> BoxStream<'_, Result<Claim>> {
        let _ = query;
        unsupported_stream(self.id(), "claims")
    }

    /// One claim by the marketplace's id ([`Claim::id`]).
    ///
    /// Default: [`Error::Unsupported`] (`"claim"`).
    async fn claim(&self, id: &str) -> Result<Claim> {
        let _ = id;
        Err(unsupported(self.id(), "claim"))
    }

    /// Approve the claim lines `line_ids` (empty: every line of the claim).
    ///
    /// Checks first ([`check_claim_decision`] towards [`ClaimStatus::Accepted`]), then
    /// calls [`send_claim_approval`](ClaimApi::send_claim_approval) with the resolved,
    /// non-empty list of line ids. Implementors override that method, not this one.
    async fn approve_claim(&self, claim: &Claim, line_ids: &[String]) -> Result<()> {
        let lines = check_claim_decision(claim, line_ids, &ClaimStatus::Accepted)?;
        self.send_claim_approval(claim, &lines).await
    }

    /// Reject the claim lines `line_ids` (empty: every line of the claim) for `rejection`.
    ///
    /// Refuses an empty `rejection.text` ([`Error::InvalidInput`]), checks the move
    /// ([`check_claim_decision`] towards [`ClaimStatus::Rejected`]), then calls
    /// [`send_claim_rejection`](ClaimApi::send_claim_rejection). Implementors override that
    /// method, not this one.
    async fn reject_claim(
        &self,
        claim: &Claim,
        line_ids: &[String],
        rejection: &ClaimRejection,
    ) -> Result<()> {
        if rejection.text.trim().is_empty() {
            return Err(Error::invalid_input(
                "rejection.text",
                "a rejection needs an explanation",
            ));
        }
        let lines = check_claim_decision(claim, line_ids, &ClaimStatus::Rejected)?;
        self.send_claim_rejection(claim, &lines, rejection).await
    }

    /// Send an already validated approval of `line_ids` (never empty).
    ///
    /// Default: [`Error::Unsupported`] (`"approve_claim"`).
    async fn send_claim_approval(&self, claim: &Claim, line_ids: &[String]) -> Result<()> {
        let _ = (claim, line_ids);
        Err(unsupported(self.id(), "approve_claim"))
    }

    /// Send an already validated rejection of `line_ids` (never empty).
    ///
    /// Default: [`Error::Unsupported`] (`"reject_claim"`).
    async fn send_claim_rejection(
        &self,
        claim: &Claim,
        line_ids: &[String],
        rejection: &ClaimRejection,
    ) -> Result<()> {
        let _ = (claim, line_ids, rejection);
        Err(unsupported(self.id(), "reject_claim"))
    }
}

/// The checks [`ClaimApi::approve_claim`] and [`ClaimApi::reject_claim`] run before
/// anything is sent; returns the line ids to send.
///
/// - The claim's status must allow the move to `to` ([`ClaimStatus::ensure_transition`]).
/// - `line_ids` empty means every line of the claim; a claim without lines then stands
///   for itself (its id is used, for marketplaces with one line per claim).
/// - Each named line must belong to the claim ([`Error::InvalidInput`] on `line_ids`), and
///   a line that carries its own status must allow the move too.
pub fn check_claim_decision(
    claim: &Claim,
    line_ids: &[String],
    to: &ClaimStatus,
) -> Result<Vec<String>> {
    claim.status.ensure_transition(to)?;
    let lines: Vec<String> = if !line_ids.is_empty() {
        line_ids.to_vec()
    } else if claim.lines.is_empty() {
        vec![claim.id.clone()]
    } else {
        claim.lines.iter().map(|line| line.id.clone()).collect()
    };
    if claim.lines.is_empty() {
        return Ok(lines);
    }
    for id in &lines {
        let Some(line) = claim.line(id) else {
            return Err(Error::invalid_input(
                "line_ids",
                format!("claim {} has no line {id}", claim.id),
            ));
        };
        if let Some(status) = &line.status {
            status.ensure_transition(to)?;
        }
    }
    Ok(lines)
}

/// Buyers' questions: list, answer.
#[async_trait]
pub trait QuestionApi: MarketplaceIdentity {
    /// All questions matching `query`, as a lazy stream that ends after the first error.
    ///
    /// Default: [`Error::Unsupported`] (`"questions"`).
    fn questions(&self, query: &QuestionQuery) -> BoxStream<'_, Result<Question>> {
        let _ = query;
        unsupported_stream(self.id(), "questions")
    }

    /// One question by the marketplace's id ([`Question::id`]).
    ///
    /// Default: [`Error::Unsupported`] (`"question"`).
    async fn question(&self, id: &str) -> Result<Question> {
        let _ = id;
        Err(unsupported(self.id(), "question"))
    }

    /// Answer `question` with `text` (surrounding whitespace is trimmed).
    ///
    /// Refuses, sending nothing: a blank text ([`Error::InvalidInput`] on `text`); a
    /// question that cannot be answered now — already answered, rejected, expired, or in an
    /// unknown status ([`Error::InvalidTransition`] with `entity: "question"`, see
    /// [`QuestionStatus::can_be_answered`]). Marketplace length limits (Trendyol: 10–2000
    /// characters) are checked by the marketplace crate in `send_answer`.
    ///
    /// Then calls [`send_answer`](QuestionApi::send_answer). Implementors override that
    /// method, not this one.
    async fn answer_question(&self, question: &Question, text: &str) -> Result<()> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::invalid_input("text", "an answer cannot be empty"));
        }
        if !question.status.can_be_answered() {
            return Err(Error::InvalidTransition {
                entity: "question",
                from: question.status.to_string(),
                to: QuestionStatus::Answered.to_string(),
            });
        }
        self.send_answer(question, text).await
    }

    /// Send an already validated, trimmed, non-empty answer.
    ///
    /// Default: [`Error::Unsupported`] (`"answer_question"`).
    async fn send_answer(&self, question: &Question, text: &str) -> Result<()> {
        let _ = (question, text);
        Err(unsupported(self.id(), "answer_question"))
    }
}

/// A whole marketplace: orders, products, claims and questions, plus what it supports.
pub trait Marketplace: OrderApi + ProductApi + ClaimApi + QuestionApi {
    /// What this implementation supports.
    ///
    /// Must be honest: list a capability if and only if the matching method does not
    /// answer [`Error::Unsupported`], so a caller can decide up front (hide a button,
    /// skip a sync job) instead of calling and failing. Default: nothing.
    fn capabilities(&self) -> Capabilities {
        Capabilities::none()
    }
}

/// One operation of the unified API.
///
/// [`Capability::operation`] is the name [`Error::Unsupported`] uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Capability {
    /// [`OrderApi::orders`].
    ListOrders,
    /// [`OrderApi::order`].
    GetOrder,
    /// [`OrderApi::move_order`].
    MoveOrder,
    /// [`ProductApi::products`].
    ListProducts,
    /// [`ProductApi::push_drafts`].
    PushDrafts,
    /// [`ProductApi::batch_outcome`] (and so [`ProductApi::wait_batch`]).
    BatchOutcome,
    /// [`ProductApi::update_stock_prices`].
    UpdateStockPrices,
    /// [`ClaimApi::claims`].
    ListClaims,
    /// [`ClaimApi::claim`].
    GetClaim,
    /// [`ClaimApi::approve_claim`].
    ApproveClaim,
    /// [`ClaimApi::reject_claim`].
    RejectClaim,
    /// [`QuestionApi::questions`].
    ListQuestions,
    /// [`QuestionApi::question`].
    GetQuestion,
    /// [`QuestionApi::answer_question`].
    AnswerQuestion,
}

impl Capability {
    /// Every capability, in declaration order.
    pub const ALL: &'static [Capability] = &[
        Capability::ListOrders,
        Capability::GetOrder,
        Capability::MoveOrder,
        Capability::ListProducts,
        Capability::PushDrafts,
        Capability::BatchOutcome,
        Capability::UpdateStockPrices,
        Capability::ListClaims,
        Capability::GetClaim,
        Capability::ApproveClaim,
        Capability::RejectClaim,
        Capability::ListQuestions,
        Capability::GetQuestion,
        Capability::AnswerQuestion,
    ];

    /// The operation name, as in [`Error::Unsupported::operation`](Error::Unsupported).
    pub fn operation(self) -> &'static str {
        match self {
            Capability::ListOrders => "orders",
            Capability::GetOrder => "order",
            Capability::MoveOrder => "move_order",
            Capability::ListProducts => "products",
            Capability::PushDrafts => "push_drafts",
            Capability::BatchOutcome => "batch_outcome",
            Capability::UpdateStockPrices => "update_stock_prices",
            Capability::ListClaims => "claims",
            Capability::GetClaim => "claim",
            Capability::ApproveClaim => "approve_claim",
            Capability::RejectClaim => "reject_claim",
            Capability::ListQuestions => "questions",
            Capability::GetQuestion => "question",
            Capability::AnswerQuestion => "answer_question",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.operation())
    }
}

/// A set of [`Capability`] values (a small bit set; `Copy`).
///
/// ```
/// use marketplace_core::traits::{Capabilities, Capability};
///
/// let caps = Capabilities::none().with(Capability::ListOrders).with(Capability::MoveOrder);
/// assert!(caps.supports(Capability::MoveOrder));
/// assert!(!caps.supports(Capability::AnswerQuestion));
/// assert_eq!(caps.iter().count(), 2);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Capabilities {
    bits: u32,
}

impl Capabilities {
    /// No capabilities.
    pub const fn none() -> Self {
        Capabilities { bits: 0 }
    }

    /// Every capability this version of the crate knows.
    pub fn all() -> Self {
        Capability::ALL.iter().copied().collect()
    }

    /// This set plus `capability`.
    #[must_use]
    pub fn with(self, capability: Capability) -> Self {
        Capabilities {
            bits: self.bits | capability.bit(),
        }
    }

    /// This set minus `capability`.
    #[must_use]
    pub fn without(self, capability: Capability) -> Self {
        Capabilities {
            bits: self.bits & !capability.bit(),
        }
    }

    /// Whether `capability` is in the set.
    pub fn supports(self, capability: Capability) -> bool {
        self.bits & capability.bit() != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The capabilities in the set, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Capability> {
        Capability::ALL
            .iter()
            .copied()
            .filter(move |capability| self.supports(*capability))
    }
}

impl FromIterator<Capability> for Capabilities {
    fn from_iter<I: IntoIterator<Item = Capability>>(iter: I) -> Self {
        iter.into_iter()
            .fold(Capabilities::none(), Capabilities::with)
    }
}

impl Extend<Capability> for Capabilities {
    fn extend<I: IntoIterator<Item = Capability>>(&mut self, iter: I) {
        for capability in iter {
            *self = self.with(capability);
        }
    }
}

impl fmt::Debug for Capabilities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use futures::StreamExt;
    use rust_decimal::Decimal;
    use static_assertions::assert_impl_all;

    use super::*;
    use crate::model::{
        BatchKind, BatchState, ClaimLine, ItemOutcome, Money, OrderLine, QuestionStatus,
    };

    assert_impl_all!(Box<dyn Marketplace>: Send, Sync);
    assert_impl_all!(Box<dyn OrderApi>: Send, Sync);
    assert_impl_all!(std::sync::Arc<dyn Marketplace>: Send, Sync, Clone);
    assert_impl_all!(Capabilities: Send, Sync, Copy, fmt::Debug);

    /// Implements only `id()`: every operation keeps its default.
    struct Bare;

    impl MarketplaceIdentity for Bare {
        fn id(&self) -> MarketplaceId {
            MarketplaceId::Other("bare".into())
        }
    }
    impl OrderApi for Bare {}
    impl ProductApi for Bare {}
    impl ClaimApi for Bare {}
    impl QuestionApi for Bare {}
    impl Marketplace for Bare {}

    fn assert_unsupported<T: fmt::Debug>(result: Result<T>, expected: &'static str) {
        match result {
            Err(Error::Unsupported {
                marketplace,
                operation,
            }) => {
                assert_eq!(marketplace, MarketplaceId::Other("bare".into()));
                assert_eq!(operation, expected);
            }
            other => panic!("{expected}: expected Unsupported, got {other:?}"),
        }
    }

    async fn single<T: fmt::Debug>(mut stream: BoxStream<'_, Result<T>>) -> Result<T> {
        let first = stream.next().await.unwrap();
        assert!(stream.next().await.is_none(), "default stream has one item");
        first
    }

    fn order(status: OrderStatus) -> Order {
        let mut order = Order::new(MarketplaceId::Trendyol, "3330111111", "10654411111", status);
        let price = Money::try_lira(Decimal::new(49890, 2));
        order
            .lines
            .push(OrderLine::new("L1", "111111", "Ayakkabı", 1, price.clone()));
        order
            .lines
            .push(OrderLine::new("L2", "111112", "Çorap", 2, price));
        order
    }

    fn claim(status: ClaimStatus) -> Claim {
        let mut claim = Claim::new(MarketplaceId::Trendyol, "f9da2317", "65745805", status);
        claim.lines.push(ClaimLine {
            id: "b71461e3".into(),
            sku: "2083667".into(),
            quantity: 1,
            ..ClaimLine::default()
        });
        claim
    }

    fn question(status: QuestionStatus) -> Question {
        Question::new(MarketplaceId::Trendyol, "42", "Garanti var mı?", status)
    }

    #[tokio::test]
    async fn every_default_is_unsupported() {
        let m: Box<dyn Marketplace> = Box::new(Bare);
        let handle = BatchHandle::new(m.id(), "b", BatchKind::ProductCreate);

        assert_unsupported(single(m.orders(&OrderQuery::default())).await, "orders");
        assert_unsupported(m.order("1").await, "order");
        assert_unsupported(
            m.move_order(
                &order(OrderStatus::Created),
                OrderStatus::Picking,
                StatusMove::new(),
            )
            .await,
            "move_order",
        );
        assert_unsupported(
            single(m.products(&ProductQuery::default())).await,
            "products",
        );
        assert_unsupported(m.push_drafts(&[]).await, "push_drafts");
        assert_unsupported(m.batch_outcome(&handle).await, "batch_outcome");
        assert_unsupported(m.update_stock_prices(&[]).await, "update_stock_prices");
        assert_unsupported(
            m.wait_batch(&handle, &BatchPoller::new()).await,
            "batch_outcome",
        );
        assert_unsupported(single(m.claims(&ClaimQuery::default())).await, "claims");
        assert_unsupported(m.claim("1").await, "claim");
        let pending = claim(ClaimStatus::WaitingInAction);
        assert_unsupported(m.approve_claim(&pending, &[]).await, "approve_claim");
        assert_unsupported(
            m.reject_claim(&pending, &[], &ClaimRejection::new("Ürün kullanılmış"))
                .await,
            "reject_claim",
        );
        assert_unsupported(
            single(m.questions(&QuestionQuery::default())).await,
            "questions",
        );
        assert_unsupported(m.question("1").await, "question");
        assert_unsupported(
            m.answer_question(&question(QuestionStatus::WaitingForAnswer), "Evet, 2 yıl.")
                .await,
            "answer_question",
        );
        assert_eq!(m.capabilities(), Capabilities::none());
    }

    /// Counts every `send_*` call and records what it was given.
    #[derive(Default)]
    struct Counting {
        sends: AtomicUsize,
        last_lines: Mutex<Vec<String>>,
        last_answer: Mutex<String>,
    }

    impl Counting {
        fn sends(&self) -> usize {
            self.sends.load(Ordering::SeqCst)
        }
    }

    impl MarketplaceIdentity for Counting {
        fn id(&self) -> MarketplaceId {
            MarketplaceId::Trendyol
        }
    }

    #[async_trait]
    impl OrderApi for Counting {
        async fn send_order_status(&self, _: &Order, _: OrderStatus, d: StatusMove) -> Result<()> {
            self.sends.fetch_add(1, Ordering::SeqCst);
            *self.last_lines.lock().unwrap() = d.line_ids;
            Ok(())
        }
    }

    #[async_trait]
    impl ClaimApi for Counting {
        async fn send_claim_approval(&self, _: &Claim, lines: &[String]) -> Result<()> {
            self.sends.fetch_add(1, Ordering::SeqCst);
            *self.last_lines.lock().unwrap() = lines.to_vec();
            Ok(())
        }

        async fn send_claim_rejection(
            &self,
            _: &Claim,
            lines: &[String],
            _: &ClaimRejection,
        ) -> Result<()> {
            self.sends.fetch_add(1, Ordering::SeqCst);
            *self.last_lines.lock().unwrap() = lines.to_vec();
            Ok(())
        }
    }

    #[async_trait]
    impl QuestionApi for Counting {
        async fn send_answer(&self, _: &Question, text: &str) -> Result<()> {
            self.sends.fetch_add(1, Ordering::SeqCst);
            *self.last_answer.lock().unwrap() = text.to_owned();
            Ok(())
        }
    }

    fn assert_transition<T: fmt::Debug>(result: Result<T>, entity: &str, from: &str, to: &str) {
        match result {
            Err(Error::InvalidTransition {
                entity: e,
                from: f,
                to: t,
            }) => assert_eq!((e, f.as_str(), t.as_str()), (entity, from, to)),
            other => panic!("expected InvalidTransition, got {other:?}"),
        }
    }

    fn assert_invalid_input<T: fmt::Debug>(result: Result<T>, field: &str) {
        match result {
            Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidInput on {field}, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn move_order_refuses_illegal_moves_without_sending() {
        let m = Counting::default();
        let shipped = order(OrderStatus::Shipped);
        assert_transition(
            m.move_order(&shipped, OrderStatus::Picking, StatusMove::new())
                .await,
            "order",
            "shipped",
            "picking",
        );
        let cancelled = order(OrderStatus::Cancelled);
        assert_transition(
            m.move_order(&cancelled, OrderStatus::Invoiced, StatusMove::new())
                .await,
            "order",
            "cancelled",
            "invoiced",
        );
        let created = order(OrderStatus::Created);
        assert_invalid_input(
            m.move_order(
                &created,
                OrderStatus::Picking,
                StatusMove::new().lines(["L9"]),
            )
            .await,
            "line_ids",
        );
        let mut mixed = order(OrderStatus::Picking);
        mixed.lines[1].status = Some(OrderStatus::Invoiced);
        assert_transition(
            m.move_order(
                &mixed,
                OrderStatus::Picking,
                StatusMove::new().lines(["L2"]),
            )
            .await,
            "order",
            "picking",
            "picking",
        );
        assert_transition(
            m.move_order(
                &mixed,
                OrderStatus::Invoiced,
                StatusMove::new().lines(["L2"]),
            )
            .await,
            "order line",
            "invoiced",
            "invoiced",
        );
        assert_eq!(m.sends(), 0, "nothing may be sent for an illegal move");

        m.move_order(
            &created,
            OrderStatus::Picking,
            StatusMove::new().lines(["L1"]),
        )
        .await
        .unwrap();
        m.move_order(
            &mixed,
            OrderStatus::Invoiced,
            StatusMove::new()
                .lines(["L1"])
                .invoice_number("EME2018000025208"),
        )
        .await
        .unwrap();
        assert_eq!(m.sends(), 2);
        assert_eq!(*m.last_lines.lock().unwrap(), ["L1"]);
    }

    #[tokio::test]
    async fn claim_decisions_refuse_illegal_moves_without_sending() {
        let m = Counting::default();
        let reason = ClaimRejection::new("Gelen ürün kullanılmış").reason_code("5");
        assert_transition(
            m.approve_claim(&claim(ClaimStatus::Rejected), &[]).await,
            "claim",
            "rejected",
            "accepted",
        );
        assert_transition(
            m.reject_claim(&claim(ClaimStatus::Accepted), &[], &reason)
                .await,
            "claim",
            "accepted",
            "rejected",
        );
        assert_transition(
            m.approve_claim(&claim(ClaimStatus::Other("Frozen".into())), &[])
                .await,
            "claim",
            "Frozen",
            "accepted",
        );
        assert_transition(
            m.approve_claim(&claim(ClaimStatus::Created), &[]).await,
            "claim",
            "created",
            "accepted",
        );
        assert_invalid_input(
            m.reject_claim(
                &claim(ClaimStatus::WaitingInAction),
                &[],
                &ClaimRejection::new("  "),
            )
            .await,
            "rejection.text",
        );
        assert_invalid_input(
            m.approve_claim(&claim(ClaimStatus::WaitingInAction), &["nope".to_owned()])
                .await,
            "line_ids",
        );
        let mut line_done = claim(ClaimStatus::WaitingInAction);
        line_done.lines[0].status = Some(ClaimStatus::Rejected);
        assert_transition(
            m.approve_claim(&line_done, &[]).await,
            "claim",
            "rejected",
            "accepted",
        );
        assert_eq!(m.sends(), 0, "nothing may be sent for an illegal move");

        m.approve_claim(&claim(ClaimStatus::WaitingInAction), &[])
            .await
            .unwrap();
        assert_eq!(*m.last_lines.lock().unwrap(), ["b71461e3"]);
        let no_lines = Claim::new(
            MarketplaceId::Pazarama,
            "59eff35d",
            "1",
            ClaimStatus::WaitingInAction,
        );
        m.reject_claim(&no_lines, &[], &reason).await.unwrap();
        assert_eq!(*m.last_lines.lock().unwrap(), ["59eff35d"]);
        assert_eq!(m.sends(), 2);
    }

    #[tokio::test]
    async fn answer_question_refuses_without_sending() {
        let m = Counting::default();
        assert_invalid_input(
            m.answer_question(&question(QuestionStatus::WaitingForAnswer), " \n ")
                .await,
            "text",
        );
        assert_transition(
            m.answer_question(&question(QuestionStatus::Answered), "Evet.")
                .await,
            "question",
            "answered",
            "answered",
        );
        assert_transition(
            m.answer_question(&question(QuestionStatus::AnswerPending), "Evet.")
                .await,
            "question",
            "answer_pending",
            "answered",
        );
        assert_transition(
            m.answer_question(&question(QuestionStatus::Other("LOCKED".into())), "Evet.")
                .await,
            "question",
            "LOCKED",
            "answered",
        );
        assert_eq!(m.sends(), 0, "nothing may be sent for an illegal answer");

        m.answer_question(
            &question(QuestionStatus::WaitingForAnswer),
            "  Evet, 2 yıl garantili.  ",
        )
        .await
        .unwrap();
        assert_eq!(m.sends(), 1);
        assert_eq!(*m.last_answer.lock().unwrap(), "Evet, 2 yıl garantili.");
    }

    /// `wait_batch` polls `batch_outcome` until it is terminal.
    struct Batches {
        polls: AtomicUsize,
    }

    impl MarketplaceIdentity for Batches {
        fn id(&self) -> MarketplaceId {
            MarketplaceId::Pazarama
        }
    }

    #[async_trait]
    impl ProductApi for Batches {
        async fn batch_outcome(&self, handle: &BatchHandle) -> Result<BatchOutcome> {
            let poll = self.polls.fetch_add(1, Ordering::SeqCst) + 1;
            Ok(BatchOutcome {
                handle: handle.clone(),
                state: if poll < 3 {
                    BatchState::InProgress
                } else {
                    BatchState::Completed
                },
                items: vec![ItemOutcome::success("SKU-1")],
            })
        }
    }

    #[tokio::test(start_paused = true)]
    async fn wait_batch_polls_batch_outcome() {
        let m = Batches {
            polls: AtomicUsize::new(0),
        };
        let handle = BatchHandle::new(m.id(), "6df9e91d", BatchKind::ProductCreate);
        let poller = BatchPoller::new().deadline(Duration::from_secs(30));
        let outcome = m.wait_batch(&handle, &poller).await.unwrap();
        assert_eq!(outcome.state, BatchState::Completed);
        assert_eq!(m.polls.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn capabilities_set() {
        let all = Capabilities::all();
        for capability in Capability::ALL {
            assert!(all.supports(*capability));
            assert!(!all.without(*capability).supports(*capability));
        }
        assert_eq!(all.iter().count(), Capability::ALL.len());
        let some: Capabilities = [Capability::ListOrders, Capability::AnswerQuestion]
            .into_iter()
            .collect();
        assert_eq!(format!("{some:?}"), "{ListOrders, AnswerQuestion}");
        assert_eq!(Capability::MoveOrder.to_string(), "move_order");
        assert!(Capabilities::default().is_empty());
    }
}
