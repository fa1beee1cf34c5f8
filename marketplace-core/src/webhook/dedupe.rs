//! Replay protection: accept each event once.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::time::Instant;

use super::hex_lower;

/// Remembers which events were already accepted, so a re-delivery is handled once.
///
/// Object safe (`&dyn Deduplicator`, `Box<dyn Deduplicator>`, `Arc<dyn Deduplicator>`),
/// `Send + Sync`.
///
/// The methods are `async` (via `async-trait`) because the store that matters in production
/// is usually shared between several receiver instances — Redis `SET key 1 NX EX ttl`, a
/// database unique index — and those clients are async; a synchronous trait would force
/// them to block a runtime thread. [`InMemoryDeduplicator`] never awaits and also offers the
/// synchronous [`InMemoryDeduplicator::check_and_record`].
///
/// An implementation over a store that can fail has to choose: answering `true` on a store
/// error ("fail open") risks handling an event twice, which handlers should tolerate anyway
/// (Trendyol recommends periodic re-sync, and its deliveries carry the full order state);
/// answering `false` would acknowledge and drop a possibly new event.
#[async_trait::async_trait]
pub trait Deduplicator: Send + Sync {
    /// Atomically check and record `key`: `true` the first time it is seen within the
    /// window (handle the event), `false` for a replay (acknowledge, do not handle).
    async fn first_seen(&self, key: &str) -> bool;

    /// Forget `key`, so its next delivery is handled again. Call it when handling an
    /// accepted event failed and you asked the marketplace to re-deliver.
    async fn forget(&self, key: &str);
}

/// A de-duplication key for byte-identical deliveries: `sha256:` + the hex SHA-256 of the
/// raw body.
///
/// Use it when the payload carries no event id (Trendyol re-sends the same order model on a
/// retry). Two deliveries of the same event with different bytes (e.g. a later
/// `lastModifiedDate`) get different keys, which is usually what you want: they carry
/// different state.
pub fn body_digest_key(body: &[u8]) -> String {
    format!("sha256:{}", hex_lower(&Sha256::digest(body)))
}

/// An in-process [`Deduplicator`] with a time-to-live and a bound on memory.
///
/// - A key is remembered for `ttl` from its **first** sighting (a replay does not extend
///   it); at or after `first_seen + ttl` the key is new again.
/// - At most `max_entries` keys are kept; when full, the oldest key is evicted first (so
///   under a flood, replays of the oldest events may be accepted again — size the cap for
///   your event rate × `ttl`).
/// - Time is [`tokio::time::Instant`], so tests can use `tokio::time::pause()`/`advance()`.
/// - Thread-safe: a `std::sync::Mutex`, held only for the O(1) amortised bookkeeping and
///   never across an `.await`. Share it with an `Arc`.
///
/// It only protects one process: several receiver instances need a shared store.
pub struct InMemoryDeduplicator {
    ttl: Duration,
    max_entries: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Live keys and when they were first seen.
    seen: HashMap<Arc<str>, Instant>,
    /// The same keys, oldest first (insertion times are monotonic, so this is also expiry order).
    order: VecDeque<(Instant, Arc<str>)>,
}

impl Inner {
    fn purge_expired(&mut self, now: Instant, ttl: Duration) {
        while let Some((first_seen, _)) = self.order.front() {
            if now.saturating_duration_since(*first_seen) < ttl {
                break;
            }
            self.pop_oldest();
        }
    }

    fn pop_oldest(&mut self) {
        if let Some((_, key)) = self.order.pop_front() {
            self.seen.remove(&key);
        }
    }
}

impl InMemoryDeduplicator {
    /// Remember keys for `ttl`, at most `max_entries` of them (a cap of 0 is treated as 1).
    pub fn new(ttl: Duration, max_entries: usize) -> Self {
        InMemoryDeduplicator {
            ttl,
            max_entries: max_entries.max(1),
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The synchronous form of [`Deduplicator::first_seen`].
    pub fn check_and_record(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut inner = self.lock();
        inner.purge_expired(now, self.ttl);
        if inner.seen.contains_key(key) {
            return false;
        }
        while inner.seen.len() >= self.max_entries {
            inner.pop_oldest();
        }
        let key: Arc<str> = Arc::from(key);
        inner.seen.insert(Arc::clone(&key), now);
        inner.order.push_back((now, key));
        true
    }

    /// The synchronous form of [`Deduplicator::forget`].
    pub fn remove(&self, key: &str) {
        let mut inner = self.lock();
        if inner.seen.remove(key).is_some() {
            inner.order.retain(|(_, k)| &**k != key);
        }
    }

    /// How many keys are remembered now (expired ones are dropped first).
    pub fn len(&self) -> usize {
        let mut inner = self.lock();
        inner.purge_expired(Instant::now(), self.ttl);
        inner.seen.len()
    }

    /// Whether no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The time-to-live of a key.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// The most keys kept at once.
    pub fn max_entries(&self) -> usize {
        self.max_entries
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The bookkeeping cannot panic half-way in a way that breaks invariants we rely on
        // for safety; a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for InMemoryDeduplicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InMemoryDeduplicator")
            .field("ttl", &self.ttl)
            .field("max_entries", &self.max_entries)
            .field("len", &self.lock().seen.len())
            .finish()
    }
}

#[async_trait::async_trait]
impl Deduplicator for InMemoryDeduplicator {
    async fn first_seen(&self, key: &str) -> bool {
        self.check_and_record(key)
    }

    async fn forget(&self, key: &str) {
        self.remove(key);
    }
}
