//! When to re-send a request, as a pure function.
//!
//! [`decide`] takes everything it needs as arguments — no clock, no I/O, jitter passed in —
//! so the whole policy is one table test (STYLE.md §8–10). The rules:
//!
//! | outcome | idempotent call | non-idempotent call |
//! |---|---|---|
//! | connect error (request never left) | retry | retry |
//! | 429 Too Many Requests (rejected before processing) | retry, honouring `Retry-After` | same |
//! | 408, 500, 502, 503, 504, timeout | retry | **stop**: it may have been processed |
//! | any other status / error | stop | stop |
//!
//! A retry waits `Retry-After` when the server sent one (clamped to
//! [`RetryPolicy::max_retry_after`]), otherwise capped exponential backoff with full
//! jitter: `uniform(0, min(max_delay, initial_delay * 2^(attempt-1)))`. Retrying stops after
//! [`RetryPolicy::max_attempts`] attempts or when the next wait would pass
//! [`RetryPolicy::max_elapsed`].

use std::time::Duration;

/// Limits for retrying one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Total attempts including the first (1 = never retry).
    pub max_attempts: u32,
    /// Backoff base for the first retry.
    pub initial_delay: Duration,
    /// Backoff cap.
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; longer values are clamped to this.
    pub max_retry_after: Duration,
    /// No retry is started if the call would then have taken longer than this.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            max_elapsed: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }
}

/// What one attempt produced, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// The server answered with this (non-success) status.
    Status {
        /// HTTP status.
        status: u16,
        /// Parsed `Retry-After`, if the server sent one.
        retry_after: Option<Duration>,
    },
    /// The connection could not be established: nothing reached the server.
    ConnectError,
    /// The attempt timed out: the server may have processed it.
    Timeout,
    /// Any other transport failure mid-request: the server may have processed it.
    OtherTransport,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Give up and return the error.
    Stop,
    /// Wait this long, then send again.
    RetryAfter(Duration),
}

/// Decide whether attempt number `attempt` (1-based) should be followed by another.
///
/// `elapsed` is the time since the first attempt started; `jitter` is a number in
/// `[0, 1)` drawn by the caller (pass a fixed value in tests).
pub fn decide(
    policy: &RetryPolicy,
    idempotent: bool,
    outcome: AttemptOutcome,
    attempt: u32,
    elapsed: Duration,
    jitter: f64,
) -> RetryDecision {
    if attempt >= policy.max_attempts || !is_safe_to_resend(idempotent, outcome) {
        return RetryDecision::Stop;
    }
    let wait = match outcome {
        AttemptOutcome::Status {
            retry_after: Some(after),
            ..
        } => after.min(policy.max_retry_after),
        _ => backoff(policy, attempt, jitter),
    };
    if elapsed.saturating_add(wait) > policy.max_elapsed {
        return RetryDecision::Stop;
    }
    RetryDecision::RetryAfter(wait)
}

fn is_safe_to_resend(idempotent: bool, outcome: AttemptOutcome) -> bool {
    match outcome {
        AttemptOutcome::ConnectError => true,
        AttemptOutcome::Status { status: 429, .. } => true,
        AttemptOutcome::Status { status, .. } => {
            idempotent && matches!(status, 408 | 500 | 502 | 503 | 504)
        }
        AttemptOutcome::Timeout | AttemptOutcome::OtherTransport => idempotent,
    }
}

/// Full-jitter capped exponential backoff for the retry after attempt `attempt`.
fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let exp = attempt.saturating_sub(1).min(30);
    let ceiling = policy
        .initial_delay
        .saturating_mul(1u32 << exp)
        .min(policy.max_delay);
    ceiling.mul_f64(jitter.clamp(0.0, 1.0))
}

/// Parse a `Retry-After` header value: delay-seconds, or an HTTP date relative to `now`.
/// Unparseable values give `None` (the caller falls back to backoff).
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(secs).ok();
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delta = at.with_timezone(&chrono::Utc) - now;
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttemptOutcome::*;
    use RetryDecision::*;

    fn status(code: u16) -> AttemptOutcome {
        Status {
            status: code,
            retry_after: None,
        }
    }

    #[test]
    fn decision_table() {
        let p = RetryPolicy::default();
        let zero = Duration::ZERO;
        // (idempotent, outcome, attempt, expected) with jitter 1.0 (ceiling of backoff).
        let rows: Vec<(bool, AttemptOutcome, u32, RetryDecision)> = vec![
            // connect errors: any method
            (
                true,
                ConnectError,
                1,
                RetryAfter(Duration::from_millis(250)),
            ),
            (
                false,
                ConnectError,
                1,
                RetryAfter(Duration::from_millis(250)),
            ),
            // 429: any method, Retry-After honoured
            (
                false,
                Status {
                    status: 429,
                    retry_after: Some(Duration::from_secs(1)),
                },
                1,
                RetryAfter(Duration::from_secs(1)),
            ),
            (true, status(429), 2, RetryAfter(Duration::from_millis(500))),
            // Retry-After clamped
            (
                true,
                Status {
                    status: 429,
                    retry_after: Some(Duration::from_secs(3600)),
                },
                1,
                RetryAfter(Duration::from_secs(60)),
            ),
            // 5xx: idempotent only
            (true, status(503), 1, RetryAfter(Duration::from_millis(250))),
            (true, status(500), 3, RetryAfter(Duration::from_secs(1))),
            (true, status(502), 1, RetryAfter(Duration::from_millis(250))),
            (true, status(504), 1, RetryAfter(Duration::from_millis(250))),
            (true, status(408), 1, RetryAfter(Duration::from_millis(250))),
            (false, status(503), 1, Stop),
            (false, status(500), 1, Stop),
            // timeouts and mid-request failures: idempotent only
            (true, Timeout, 1, RetryAfter(Duration::from_millis(250))),
            (false, Timeout, 1, Stop),
            (
                true,
                OtherTransport,
                1,
                RetryAfter(Duration::from_millis(250)),
            ),
            (false, OtherTransport, 1, Stop),
            // client errors never
            (true, status(400), 1, Stop),
            (true, status(401), 1, Stop),
            (true, status(404), 1, Stop),
            (true, status(409), 1, Stop),
            (true, status(501), 1, Stop),
            // attempt budget
            (true, status(503), 4, Stop),
            (true, status(429), 4, Stop),
            (false, ConnectError, 4, Stop),
        ];
        for (i, (idempotent, outcome, attempt, expected)) in rows.into_iter().enumerate() {
            let got = decide(&p, idempotent, outcome, attempt, zero, 1.0);
            assert_eq!(
                got, expected,
                "row {i}: {idempotent} {outcome:?} attempt {attempt}"
            );
        }
    }

    #[test]
    fn backoff_is_capped_and_jittered() {
        let p = RetryPolicy {
            max_attempts: 100,
            ..RetryPolicy::default()
        };
        let at = |attempt, jitter| decide(&p, true, status(503), attempt, Duration::ZERO, jitter);
        assert_eq!(at(1, 0.0), RetryAfter(Duration::ZERO));
        assert_eq!(at(1, 0.5), RetryAfter(Duration::from_millis(125)));
        assert_eq!(at(20, 1.0), RetryAfter(Duration::from_secs(8)));
        assert_eq!(at(99, 1.0), RetryAfter(Duration::from_secs(8)));
    }

    #[test]
    fn elapsed_budget_stops_retries() {
        let p = RetryPolicy::default();
        let d = decide(&p, true, status(503), 1, Duration::from_secs(119), 1.0);
        assert_eq!(d, RetryAfter(Duration::from_millis(250)));
        let d = decide(&p, true, status(503), 1, Duration::from_secs(120), 1.0);
        assert_eq!(d, Stop);
    }

    #[test]
    fn never_policy_never_retries() {
        let p = RetryPolicy::never();
        assert_eq!(decide(&p, true, ConnectError, 1, Duration::ZERO, 0.5), Stop);
    }

    #[test]
    fn retry_after_parsing() {
        let now = chrono::DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(parse_retry_after("1", now), Some(Duration::from_secs(1)));
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("1.5", now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("NaN", now), None);
        assert_eq!(parse_retry_after("1e300", now), None);
    }
}
