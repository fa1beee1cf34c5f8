//! Client-side rate limiting: never send more than N requests in any window of length T.
//!
//! Marketplaces state their limits as "N requests per T" (Trendyol: 50 to the same endpoint
//! per 10 s; Giyim Moda: 600 per minute) and answer the (N+1)-th with 429. A sliding-window
//! log enforces exactly that: a request may start only when fewer than N requests started
//! in the last T. (A token bucket with burst N — governor's GCRA — lets up to ~2N through in
//! the first window, which is what gets a seller throttled; hence this small limiter, which
//! also runs on tokio's clock so tests can pause time.)
//!
//! Limits are kept per key: one shared key for per-client limits, or the request's rate
//! group / path template for per-endpoint limits. The limiter lives in the transport's
//! `Arc`, so every clone of a client shares it.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// "At most `requests` in any window of length `per`".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window (at least 1).
    pub requests: u32,
    /// Window length.
    pub per: Duration,
}

impl RateLimit {
    /// `requests` per `per`. A zero count is treated as 1 (a limit that admits nothing
    /// would hang every call).
    pub fn new(requests: u32, per: Duration) -> Self {
        RateLimit {
            requests: requests.max(1),
            per,
        }
    }

    /// `requests` per second.
    pub fn per_second(requests: u32) -> Self {
        Self::new(requests, Duration::from_secs(1))
    }

    /// `requests` per minute.
    pub fn per_minute(requests: u32) -> Self {
        Self::new(requests, Duration::from_secs(60))
    }
}

/// How a transport's limits are keyed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RateLimitMode {
    /// No client-side limiting.
    #[default]
    Off,
    /// One limit shared by every request of the client.
    PerClient(RateLimit),
    /// A limit per endpoint (path template) or per named group, with overrides.
    PerEndpoint {
        /// Limit for endpoints and groups without an override.
        default: RateLimit,
        /// Overrides by group name or path template.
        groups: Vec<(String, RateLimit)>,
    },
}

/// The limiter a transport consults before every attempt.
#[derive(Debug, Default)]
pub struct RateLimiter {
    mode: RateLimitMode,
    windows: Mutex<HashMap<String, VecDeque<Instant>>>,
}

const CLIENT_KEY: &str = "";

// Endpoint and group windows live in one map; prefixes keep a group named like a path apart.
fn endpoint_key(template: &str) -> String {
    format!("endpoint:{template}")
}

fn group_key(group: &str) -> String {
    format!("group:{group}")
}

impl RateLimiter {
    /// A limiter for `mode`.
    pub fn new(mode: RateLimitMode) -> Self {
        RateLimiter {
            mode,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// The mode this limiter enforces.
    pub fn mode(&self) -> &RateLimitMode {
        &self.mode
    }

    /// Wait until a request to endpoint `template` (in rate group `group`, if any) may
    /// start, and record that it started.
    ///
    /// Per client: one shared window. Per endpoint: the endpoint's own window (its override
    /// by template, else the default) **and**, when the request names a group that has a
    /// limit, the group's window — marketplaces cap both ("50 per endpoint per 10 s" and
    /// "1,000 product reads per minute").
    pub async fn acquire(&self, template: &str, group: Option<&str>) {
        match &self.mode {
            RateLimitMode::Off => {}
            RateLimitMode::PerClient(limit) => self.wait_for(CLIENT_KEY, *limit).await,
            RateLimitMode::PerEndpoint { default, groups } => {
                let find = |key: &str| groups.iter().find(|(name, _)| name == key).map(|(_, l)| *l);
                let endpoint = find(template).unwrap_or(*default);
                self.wait_for(&endpoint_key(template), endpoint).await;
                if let Some((group, limit)) = group.and_then(|g| find(g).map(|l| (g, l))) {
                    self.wait_for(&group_key(group), limit).await;
                }
            }
        }
    }

    async fn wait_for(&self, key: &str, limit: RateLimit) {
        loop {
            match self.try_acquire(key, limit, Instant::now()) {
                None => return,
                Some(wait) => tokio::time::sleep(wait).await,
            }
        }
    }

    /// Record a start at `now` if allowed; otherwise say how long to wait.
    fn try_acquire(&self, key: &str, limit: RateLimit, now: Instant) -> Option<Duration> {
        // A poisoned lock only means another task panicked mid-update; the log of
        // timestamps is still usable, so keep limiting rather than giving up.
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let log = windows.entry(key.to_owned()).or_default();
        while log
            .front()
            .is_some_and(|started| now.duration_since(*started) >= limit.per)
        {
            log.pop_front();
        }
        if log.len() < limit.requests as usize {
            log.push_back(now);
            return None;
        }
        let oldest = log.front().copied().unwrap_or(now);
        Some(
            (oldest + limit.per)
                .saturating_duration_since(now)
                .max(Duration::from_millis(1)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn never_more_than_n_in_any_window() {
        let limiter = Arc::new(RateLimiter::new(RateLimitMode::PerClient(RateLimit::new(
            5,
            Duration::from_secs(1),
        ))));
        let start = Instant::now();
        let mut handles = Vec::new();
        for _ in 0..23 {
            let l = limiter.clone();
            handles.push(tokio::spawn(async move {
                l.acquire("x", None).await;
                Instant::now()
            }));
        }
        let mut times = Vec::new();
        for h in handles {
            times.push(h.await.unwrap());
        }
        times.sort();
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..]
                .iter()
                .take_while(|u| u.duration_since(*t) < Duration::from_secs(1))
                .count();
            assert!(
                in_window <= 5,
                "{in_window} starts within 1 s of start #{i}"
            );
        }
        // 23 requests at 5/s need at least 4 full windows.
        assert!(times[22].duration_since(start) >= Duration::from_secs(4));
    }

    #[tokio::test(start_paused = true)]
    async fn per_endpoint_keys_are_independent_and_groups_override() {
        let limiter = RateLimiter::new(RateLimitMode::PerEndpoint {
            default: RateLimit::new(1, Duration::from_secs(10)),
            groups: vec![("fast".into(), RateLimit::new(3, Duration::from_secs(10)))],
        });
        let start = Instant::now();
        limiter.acquire("/a", None).await;
        limiter.acquire("/b", None).await;
        for _ in 0..3 {
            limiter.acquire("fast", None).await;
        }
        assert_eq!(Instant::now(), start, "independent keys did not wait");
        limiter.acquire("/a", None).await;
        assert!(Instant::now().duration_since(start) >= Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn grouped_requests_respect_both_the_endpoint_and_the_group_limit() {
        let limiter = RateLimiter::new(RateLimitMode::PerEndpoint {
            default: RateLimit::new(2, Duration::from_secs(10)),
            groups: vec![("reads".into(), RateLimit::new(3, Duration::from_secs(60)))],
        });
        let start = Instant::now();
        // Two endpoints in one group: the endpoint limit (2) and the group limit (3) both hold.
        limiter.acquire("/a", Some("reads")).await;
        limiter.acquire("/a", Some("reads")).await;
        limiter.acquire("/b", Some("reads")).await;
        assert_eq!(Instant::now(), start);
        limiter.acquire("/b", Some("reads")).await; // group full: waits for the 60 s window
        assert!(Instant::now().duration_since(start) >= Duration::from_secs(60));
        let t = Instant::now();
        limiter.acquire("/a", Some("unlimited-group")).await; // a group without a limit: endpoint only
        assert_eq!(Instant::now(), t);
    }

    #[tokio::test(start_paused = true)]
    async fn off_never_waits() {
        let limiter = RateLimiter::new(RateLimitMode::Off);
        let start = Instant::now();
        for _ in 0..1000 {
            limiter.acquire("/a", None).await;
        }
        assert_eq!(Instant::now(), start);
    }
}
