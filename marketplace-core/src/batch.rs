//! Waiting for asynchronous batch jobs.
//!
//! Trendyol and Pazarama queue product and price/stock writes and answer with a batch id;
//! [`BatchPoller`] fetches the result again and again — with capped exponential backoff and
//! jitter — until it is terminal ([`BatchProgress::is_terminal`]) or a deadline passes.
//!
//! Time comes from `tokio::time`, so tests run under `#[tokio::test(start_paused = true)]`
//! and a five-minute deadline passes instantly.
//!
//! ```
//! use std::time::Duration;
//! use marketplace_core::batch::BatchPoller;
//! use marketplace_core::model::{BatchHandle, BatchKind, BatchOutcome, MarketplaceId};
//!
//! # async fn fetch_result(handle: &BatchHandle) -> marketplace_core::Result<BatchOutcome> {
//! #     Ok(BatchOutcome::completed_now(handle.clone(), Vec::new()))
//! # }
//! # async fn example() -> marketplace_core::Result<()> {
//! let handle = BatchHandle::new(MarketplaceId::Trendyol, "76e55c53", BatchKind::ProductCreate);
//! let poller = BatchPoller::new()
//!     .initial_interval(Duration::from_secs(2))
//!     .deadline(Duration::from_secs(120));
//! let outcome = poller.poll(&handle.id, || fetch_result(&handle)).await?;
//! for failed in outcome.failed() {
//!     eprintln!("{}: {:?}", failed.key, failed.messages);
//! }
//! # Ok(())
//! # }
//! ```

use std::future::Future;
use std::time::Duration;

use rand::Rng;
use tokio::time::Instant;

use crate::model::BatchOutcome;
use crate::{Error, Result};

/// Something a batch "get result" call returns: it knows whether the batch is finished.
pub trait BatchProgress {
    /// Whether polling can stop (the batch completed or failed).
    fn is_terminal(&self) -> bool;
}

impl BatchProgress for BatchOutcome {
    fn is_terminal(&self) -> bool {
        BatchOutcome::is_terminal(self)
    }
}

/// Polls an asynchronous batch until it is terminal, with backoff and a deadline.
///
/// The wait between polls starts at `initial_interval`, grows by `multiplier` after every
/// poll, and never exceeds `max_interval`. Each wait is jittered to between half and all of
/// the current interval ("equal jitter": many pollers started together spread out, but
/// none hammers the marketplace with near-zero waits), and never runs past the deadline:
/// the last poll happens at the deadline.
///
/// Defaults: 1 s initial interval, 30 s cap, ×2, 5 minute deadline (Trendyol and Pazarama
/// keep batch results for 4 hours, and product batches usually finish within a minute).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchPoller {
    initial_interval: Duration,
    max_interval: Duration,
    multiplier: f64,
    deadline: Duration,
    jitter: bool,
}

/// The shortest wait the poller uses, so a zero interval cannot spin.
const MIN_INTERVAL: Duration = Duration::from_millis(1);

impl Default for BatchPoller {
    fn default() -> Self {
        BatchPoller {
            initial_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(30),
            multiplier: 2.0,
            deadline: Duration::from_secs(300),
            jitter: true,
        }
    }
}

impl BatchPoller {
    /// A poller with the default settings.
    pub fn new() -> Self {
        BatchPoller::default()
    }

    /// Wait before the second poll (the first poll is immediate). At least 1 ms.
    #[must_use]
    pub fn initial_interval(mut self, interval: Duration) -> Self {
        self.initial_interval = interval.max(MIN_INTERVAL);
        self
    }

    /// The longest wait between two polls. At least 1 ms.
    #[must_use]
    pub fn max_interval(mut self, interval: Duration) -> Self {
        self.max_interval = interval.max(MIN_INTERVAL);
        self
    }

    /// Growth factor of the wait after each poll. Values below 1 (and NaN) mean 1: the
    /// wait never shrinks.
    #[must_use]
    pub fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = if multiplier.is_finite() && multiplier >= 1.0 {
            multiplier
        } else {
            1.0
        };
        self
    }

    /// How long to keep polling, measured from the first poll.
    #[must_use]
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Turn jitter off (waits are then exactly the backoff intervals) or back on.
    #[must_use]
    pub fn jitter(mut self, enabled: bool) -> Self {
        self.jitter = enabled;
        self
    }

    /// The configured deadline.
    pub fn deadline_duration(&self) -> Duration {
        self.deadline
    }

    /// Call `fetch` until it returns a terminal value, and return that value.
    ///
    /// - The first call is immediate; later ones follow the backoff described on
    ///   [`BatchPoller`].
    /// - An error for which [`Error::is_retryable`] is true (rate limit, 5xx, timeout,
    ///   connect failure) counts as "not finished yet" and is polled again; any other error
    ///   is returned at once.
    /// - If the deadline passes first: [`Error::BatchTimeout`] with `batch_id` and the time
    ///   waited. (A retryable error seen on the last poll is logged, not returned.)
    pub async fn poll<T, F, Fut>(&self, batch_id: &str, mut fetch: F) -> Result<T>
    where
        T: BatchProgress,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let started = Instant::now();
        let mut interval = self.initial_interval.min(self.max_interval);
        let mut attempt: u32 = 0;
        loop {
            attempt = attempt.saturating_add(1);
            match fetch().await {
                Ok(value) if value.is_terminal() => {
                    tracing::debug!(batch_id, attempt, "batch finished");
                    return Ok(value);
                }
                Ok(_) => tracing::trace!(batch_id, attempt, "batch still in progress"),
                Err(error) if error.is_retryable() => {
                    tracing::debug!(batch_id, attempt, %error, "retryable error while polling batch");
                }
                Err(error) => return Err(error),
            }

            let waited = started.elapsed();
            let Some(remaining) = self.deadline.checked_sub(waited).filter(|r| !r.is_zero()) else {
                tracing::warn!(
                    batch_id,
                    attempt,
                    ?waited,
                    "batch not finished before the deadline"
                );
                return Err(Error::BatchTimeout {
                    batch_id: batch_id.to_owned(),
                    waited,
                });
            };
            let pause = self.jittered(interval).min(remaining);
            tokio::time::sleep(pause).await;
            interval = self.next_interval(interval);
        }
    }

    /// The interval after `current`: `current × multiplier`, capped at `max_interval`.
    fn next_interval(&self, current: Duration) -> Duration {
        Duration::try_from_secs_f64(current.as_secs_f64() * self.multiplier)
            .unwrap_or(self.max_interval)
            .min(self.max_interval)
    }

    /// A wait between half and all of `interval` (or exactly `interval` without jitter).
    fn jittered(&self, interval: Duration) -> Duration {
        if !self.jitter {
            return interval;
        }
        let factor: f64 = rand::rng().random_range(0.5..=1.0);
        Duration::try_from_secs_f64(interval.as_secs_f64() * factor)
            .unwrap_or(interval)
            .max(MIN_INTERVAL)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[derive(Debug, PartialEq)]
    struct Progress {
        done: bool,
        poll: usize,
    }

    impl BatchProgress for Progress {
        fn is_terminal(&self) -> bool {
            self.done
        }
    }

    fn counter() -> Arc<AtomicUsize> {
        Arc::new(AtomicUsize::new(0))
    }

    fn server_error() -> Error {
        Error::Api {
            status: 503,
            code: None,
            message: "Service Unavailable".into(),
            body: Box::default(),
        }
    }

    #[tokio::test(start_paused = true)]
    async fn terminal_on_third_poll_returns_it_after_three_fetches() {
        let calls = counter();
        let poller = BatchPoller::new();
        let result = poller
            .poll("b-1", || {
                let calls = calls.clone();
                async move {
                    let poll = calls.fetch_add(1, Ordering::SeqCst) + 1;
                    Ok(Progress {
                        done: poll == 3,
                        poll,
                    })
                }
            })
            .await
            .unwrap();
        assert_eq!(
            result,
            Progress {
                done: true,
                poll: 3
            }
        );
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn never_terminal_times_out_at_the_deadline() {
        let calls = counter();
        let deadline = Duration::from_secs(60);
        let poller = BatchPoller::new()
            .initial_interval(Duration::from_secs(1))
            .max_interval(Duration::from_secs(10))
            .deadline(deadline);
        let started = Instant::now();
        let err = poller
            .poll("b-2", || {
                let calls = calls.clone();
                async move {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Ok(Progress {
                        done: false,
                        poll: 0,
                    })
                }
            })
            .await
            .unwrap_err();
        match err {
            Error::BatchTimeout { batch_id, waited } => {
                assert_eq!(batch_id, "b-2");
                assert_eq!(
                    waited, deadline,
                    "last poll happens exactly at the deadline"
                );
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(started.elapsed(), deadline);
        // 1+2+4+8 then at most 10 s apart (jitter halves at worst): bounded number of polls.
        let polls = calls.load(Ordering::SeqCst);
        assert!((6..=30).contains(&polls), "{polls} polls");
    }

    #[tokio::test(start_paused = true)]
    async fn non_retryable_error_is_returned_at_once() {
        let calls = counter();
        let started = Instant::now();
        let err = BatchPoller::new()
            .poll("b-3", || {
                let calls = calls.clone();
                async move {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Err::<Progress, _>(Error::invalid_input("batchRequestId", "not found"))
                }
            })
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(started.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn retryable_error_then_success() {
        let calls = counter();
        let result = BatchPoller::new()
            .poll("b-4", || {
                let calls = calls.clone();
                async move {
                    let poll = calls.fetch_add(1, Ordering::SeqCst) + 1;
                    match poll {
                        1 | 2 => Err(server_error()),
                        _ => Ok(Progress { done: true, poll }),
                    }
                }
            })
            .await
            .unwrap();
        assert_eq!(result.poll, 3);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn backoff_without_jitter_is_capped_exponential() {
        let times = Arc::new(std::sync::Mutex::new(Vec::new()));
        let started = Instant::now();
        let poller = BatchPoller::new()
            .initial_interval(Duration::from_secs(1))
            .max_interval(Duration::from_secs(5))
            .multiplier(2.0)
            .jitter(false);
        poller
            .poll("b-5", || {
                let times = times.clone();
                async move {
                    let mut times = times.lock().unwrap();
                    times.push(started.elapsed().as_secs());
                    Ok(Progress {
                        done: times.len() == 6,
                        poll: times.len(),
                    })
                }
            })
            .await
            .unwrap();
        assert_eq!(*times.lock().unwrap(), [0, 1, 3, 7, 12, 17]);
    }

    #[tokio::test(start_paused = true)]
    async fn batch_outcome_is_batch_progress() {
        use crate::model::{BatchHandle, BatchKind, BatchState, MarketplaceId};
        let handle = BatchHandle::new(MarketplaceId::Pazarama, "p-1", BatchKind::ProductCreate);
        let calls = counter();
        let outcome = BatchPoller::new()
            .poll(&handle.id, || {
                let calls = calls.clone();
                let handle = handle.clone();
                async move {
                    let poll = calls.fetch_add(1, Ordering::SeqCst) + 1;
                    let state = if poll < 2 {
                        BatchState::InProgress
                    } else {
                        BatchState::Failed
                    };
                    Ok(BatchOutcome {
                        handle,
                        state,
                        items: Vec::new(),
                    })
                }
            })
            .await
            .unwrap();
        assert_eq!(outcome.state, BatchState::Failed);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn setters_clamp_nonsense() {
        let poller = BatchPoller::new()
            .initial_interval(Duration::ZERO)
            .multiplier(f64::NAN);
        assert_eq!(poller.initial_interval, MIN_INTERVAL);
        assert!((poller.multiplier - 1.0).abs() < f64::EPSILON);
        assert_eq!(
            poller.next_interval(Duration::from_secs(1)),
            Duration::from_secs(1)
        );
    }
}
