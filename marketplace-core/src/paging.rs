//! Page-numbered and cursor endpoints as lazy `Stream`s, and date-range splitting.
//!
//! - [`paginate`]: "page N of M" endpoints → a stream of items. The first page is fetched
//!   alone (it says how many pages there are); the rest are fetched ahead with at most
//!   `concurrency` requests in flight and yielded **in order**. Memory is bounded by
//!   `concurrency` pages. The stream cannot loop forever: it ends at the last page, on an
//!   empty page, at `max_pages`, and right after the first error (which it yields).
//! - [`paginate_cursor`]: cursor endpoints; ends when the cursor is absent or repeats.
//! - [`windowed`]: for APIs that cap a query's date range (Trendyol: 2 weeks, Pazarama:
//!   1 month) or its result count (Trendyol: 10,000 records): splits the range into
//!   windows, narrows any window whose result count exceeds the cap (halving it rather
//!   than silently stopping at the cap), and pages within each window.
//! - [`dedup_by_key`]: yields each item once, for ranges whose windows share a boundary.
//!
//! ```
//! use futures::{StreamExt, TryStreamExt};
//! use marketplace_core::paging::{paginate, Page, PagingOptions};
//!
//! # async fn demo() -> marketplace_core::Result<()> {
//! // A fake endpoint with 3 pages of 2 items.
//! let fetch = |page: u32| async move {
//!     Ok(Page::new(vec![page * 2, page * 2 + 1]).total_pages(3))
//! };
//! let all: Vec<u32> = paginate(PagingOptions::default(), fetch).try_collect().await?;
//! assert_eq!(all, vec![0, 1, 2, 3, 4, 5]);
//! # Ok(()) }
//! # futures::executor::block_on(demo()).unwrap();
//! ```

use std::collections::HashSet;
use std::future::Future;
use std::hash::Hash;

use chrono::{DateTime, TimeDelta, Utc};
use futures::{Stream, StreamExt, TryStreamExt, stream};

use crate::error::Result;

/// One page of results, as the endpoint reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// How many pages the query has in all, when the endpoint says.
    pub total_pages: Option<u32>,
    /// How many items the query has in all, when the endpoint says.
    pub total_elements: Option<u64>,
}

impl<T> Page<T> {
    /// A page with these items and no totals.
    pub fn new(items: Vec<T>) -> Self {
        Page {
            items,
            total_pages: None,
            total_elements: None,
        }
    }

    /// Set the total page count.
    #[must_use]
    pub fn total_pages(mut self, total: u32) -> Self {
        self.total_pages = Some(total);
        self
    }

    /// Set the total element count.
    #[must_use]
    pub fn total_elements(mut self, total: u64) -> Self {
        self.total_elements = Some(total);
        self
    }
}

/// How [`paginate`] walks the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagingOptions {
    /// Number of the first page: 0 (Trendyol) or 1 (Pazarama, Giyim Moda).
    pub first_page: u32,
    /// Pages fetched ahead concurrently (K ≥ 1). Memory is bounded by K pages.
    pub concurrency: usize,
    /// Safety stop: never fetch more pages than this.
    pub max_pages: u32,
}

impl Default for PagingOptions {
    fn default() -> Self {
        PagingOptions {
            first_page: 0,
            concurrency: 4,
            max_pages: 100_000,
        }
    }
}

impl PagingOptions {
    /// Options for APIs whose first page is 1.
    pub fn one_based() -> Self {
        PagingOptions {
            first_page: 1,
            ..Self::default()
        }
    }

    /// Set the read-ahead concurrency (clamped to at least 1).
    #[must_use]
    pub fn concurrency(mut self, k: usize) -> Self {
        self.concurrency = k.max(1);
        self
    }
}

/// Turn a page-numbered endpoint into a stream of its items (see the module docs).
///
/// `fetch(n)` fetches page `n` (numbered from `options.first_page`).
pub fn paginate<T, F, Fut>(options: PagingOptions, mut fetch: F) -> impl Stream<Item = Result<T>>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
{
    async_stream::try_stream! {
        let page = fetch(options.first_page).await?;
        let rest = pages_after(page, options, fetch);
        let mut rest = std::pin::pin!(rest);
        while let Some(item) = rest.try_next().await? {
            yield item;
        }
    }
}

/// Yield the items of `first` (already fetched), then of the pages after it.
fn pages_after<T, F, Fut>(
    first: Page<T>,
    options: PagingOptions,
    mut fetch: F,
) -> impl Stream<Item = Result<T>>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
{
    async_stream::try_stream! {
        let start = options.first_page;
        let total = first.total_pages;
        let first_was_empty = first.items.is_empty();
        for item in first.items {
            yield item;
        }
        if first_was_empty {
            return;
        }
        // One past the last page number to fetch.
        let limit = start.saturating_add(options.max_pages);
        match total {
            Some(total) => {
                let end = start.saturating_add(total).min(limit);
                let mut rest = stream::iter(start.saturating_add(1)..end)
                    .map(&mut fetch)
                    .buffered(options.concurrency.max(1));
                while let Some(page) = rest.try_next().await? {
                    if page.items.is_empty() {
                        break;
                    }
                    for item in page.items {
                        yield item;
                    }
                }
            }
            None => {
                let mut n = start.saturating_add(1);
                while n < limit {
                    let page = fetch(n).await?;
                    if page.items.is_empty() {
                        break;
                    }
                    // A later page may know the total even when the first did not.
                    let last = page.total_pages.map(|t| start.saturating_add(t));
                    for item in page.items {
                        yield item;
                    }
                    n += 1;
                    if last.is_some_and(|end| n >= end) {
                        break;
                    }
                }
            }
        }
    }
}

/// One page of a cursor-paged endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct CursorPage<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// The cursor for the next page; `None` on the last page.
    pub next: Option<String>,
}

/// Turn a cursor-paged endpoint into a stream of its items. `fetch(None)` fetches the
/// first page. Ends when the cursor is absent, empty, or repeats (a server bug that would
/// otherwise loop forever), and after the first error.
pub fn paginate_cursor<T, F, Fut>(mut fetch: F) -> impl Stream<Item = Result<T>>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<CursorPage<T>>>,
{
    async_stream::try_stream! {
        let mut seen = HashSet::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = fetch(cursor.take()).await?;
            for item in page.items {
                yield item;
            }
            match page.next {
                Some(next) if !next.is_empty() && seen.insert(next.clone()) => cursor = Some(next),
                _ => break,
            }
        }
    }
}

/// A time range `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    /// Start of the range.
    pub start: DateTime<Utc>,
    /// End of the range.
    pub end: DateTime<Utc>,
}

impl TimeWindow {
    /// The range from `start` to `end`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        TimeWindow { start, end }
    }

    /// The `days` days up to now.
    pub fn last_days(days: i64) -> Self {
        let end = Utc::now();
        TimeWindow {
            start: end - TimeDelta::days(days),
            end,
        }
    }

    /// Length of the range (zero if `end` is before `start`).
    pub fn span(&self) -> TimeDelta {
        (self.end - self.start).max(TimeDelta::zero())
    }

    /// Consecutive windows of at most `max_span` covering the range; each window starts
    /// where the previous one ended. An empty or inverted range gives no windows.
    pub fn split(&self, max_span: TimeDelta) -> Vec<TimeWindow> {
        if self.end <= self.start || max_span <= TimeDelta::zero() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut start = self.start;
        while start < self.end {
            let end = (start + max_span).min(self.end);
            out.push(TimeWindow { start, end });
            start = end;
        }
        out
    }

    /// The two halves of the range, if it is longer than `min_span`.
    pub fn halves(&self, min_span: TimeDelta) -> Option<(TimeWindow, TimeWindow)> {
        let span = self.span();
        if span <= min_span {
            return None;
        }
        let mid = self.start + span / 2;
        Some((
            TimeWindow::new(self.start, mid),
            TimeWindow::new(mid, self.end),
        ))
    }
}

/// How [`windowed`] splits a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowOptions {
    /// The longest range one query may cover.
    pub max_span: TimeDelta,
    /// The most results one query can reach (e.g. Trendyol's 10,000); a window reporting
    /// more is halved until it fits or reaches `min_span`.
    pub max_results: Option<u64>,
    /// Windows are not narrowed below this.
    pub min_span: TimeDelta,
    /// Paging within each window.
    pub paging: PagingOptions,
}

impl WindowOptions {
    /// Windows of at most `max_span`, no result cap, default paging.
    pub fn new(max_span: TimeDelta) -> Self {
        WindowOptions {
            max_span,
            max_results: None,
            min_span: TimeDelta::minutes(1),
            paging: PagingOptions::default(),
        }
    }

    /// Narrow windows whose total exceeds `cap`.
    #[must_use]
    pub fn max_results(mut self, cap: u64) -> Self {
        self.max_results = Some(cap);
        self
    }

    /// Paging within each window.
    #[must_use]
    pub fn paging(mut self, paging: PagingOptions) -> Self {
        self.paging = paging;
        self
    }
}

/// Stream every item of `range`, querying window by window (see the module docs).
///
/// `fetch(window, n)` fetches page `n` of `window`. Windows are queried in chronological
/// order; within a window, pages are fetched ahead as in [`paginate`]. Windows share
/// their boundary instants, so an item stamped exactly on one may come twice — wrap the
/// stream in [`dedup_by_key`] when the API's range is inclusive at both ends.
pub fn windowed<T, F, Fut>(
    range: TimeWindow,
    options: WindowOptions,
    mut fetch: F,
) -> impl Stream<Item = Result<T>>
where
    F: FnMut(TimeWindow, u32) -> Fut,
    Fut: Future<Output = Result<Page<T>>>,
{
    async_stream::try_stream! {
        // Earliest window last, so `pop` takes windows in chronological order.
        let mut pending: Vec<TimeWindow> = range.split(options.max_span);
        pending.reverse();
        let first_page = options.paging.first_page;
        while let Some(window) = pending.pop() {
            let page = fetch(window, first_page).await?;
            let too_many = options
                .max_results
                .zip(page.total_elements)
                .is_some_and(|(cap, total)| total > cap);
            if too_many {
                if let Some((early, late)) = window.halves(options.min_span) {
                    tracing::debug!(?window, total = page.total_elements, "narrowing window over the result cap");
                    pending.push(late);
                    pending.push(early);
                    continue;
                }
                tracing::warn!(?window, total = page.total_elements, "window at minimum span still over the result cap; results past the cap are not reachable");
            }
            let rest = pages_after(page, options.paging, |n| fetch(window, n));
            let mut rest = std::pin::pin!(rest);
            while let Some(item) = rest.try_next().await? {
                yield item;
            }
        }
    }
}

/// Yield each item once, by `key`. Memory grows with the number of distinct keys.
pub fn dedup_by_key<S, T, K, F>(stream: S, mut key: F) -> impl Stream<Item = Result<T>>
where
    S: Stream<Item = Result<T>>,
    F: FnMut(&T) -> K,
    K: Eq + Hash,
{
    let mut seen = HashSet::new();
    stream.try_filter(move |item| futures::future::ready(seen.insert(key(item))))
}
