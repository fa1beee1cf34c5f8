//! Paging and window splitting against a real HTTP server (wiremock on 127.0.0.1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{TimeDelta, TimeZone, Utc};
use futures::{StreamExt, TryStreamExt};
use marketplace_core::http::{Request, RetryPolicy, Transport};
use marketplace_core::paging::{
    Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, paginate, windowed,
};
use marketplace_core::{Error, MarketplaceId};
use serde::Deserialize;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiPage {
    content: Vec<u32>,
    total_pages: u32,
    total_elements: u64,
}

impl From<ApiPage> for Page<u32> {
    fn from(p: ApiPage) -> Self {
        Page::new(p.content)
            .total_pages(p.total_pages)
            .total_elements(p.total_elements)
    }
}

fn transport(server: &MockServer) -> Transport {
    Transport::builder(MarketplaceId::Trendyol, server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

/// Serves `pages` pages of `size` items (page n holds n*size .. n*size+size), recording
/// arrival and tracking how many requests are being served at once.
struct Pages {
    pages: u32,
    size: u32,
    delay: Duration,
    arrivals: Arc<Mutex<Vec<(u32, Instant)>>>,
}

impl Respond for Pages {
    fn respond(&self, req: &wiremock::Request) -> ResponseTemplate {
        let page: u32 = req
            .url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .map(|(_, v)| v.parse().unwrap())
            .unwrap();
        self.arrivals.lock().unwrap().push((page, Instant::now()));
        let content: Vec<u32> = if page < self.pages {
            (page * self.size..page * self.size + self.size).collect()
        } else {
            vec![]
        };
        ResponseTemplate::new(200)
            .set_delay(self.delay)
            .set_body_json(serde_json::json!({
                "content": content,
                "totalPages": self.pages,
                "totalElements": self.pages * self.size,
            }))
    }
}

fn fetch_page(
    t: &Transport,
    page: u32,
) -> impl std::future::Future<Output = marketplace_core::Result<Page<u32>>> + use<> {
    let t = t.clone();
    async move {
        let p: ApiPage = t
            .execute(Request::get("/items").query("page", page).query("size", 10))
            .await?;
        Ok(p.into())
    }
}

#[tokio::test]
async fn yields_every_item_in_order_and_stops_at_the_last_page() {
    let server = MockServer::start().await;
    let arrivals = Arc::new(Mutex::new(Vec::new()));
    Mock::given(method("GET"))
        .and(path("/items"))
        .respond_with(Pages {
            pages: 7,
            size: 10,
            delay: Duration::ZERO,
            arrivals: arrivals.clone(),
        })
        .mount(&server)
        .await;
    let t = transport(&server);
    let items: Vec<u32> = paginate(PagingOptions::default().concurrency(3), |n| {
        fetch_page(&t, n)
    })
    .try_collect()
    .await
    .unwrap();
    assert_eq!(items, (0..70).collect::<Vec<_>>());
    let mut pages: Vec<u32> = arrivals.lock().unwrap().iter().map(|(p, _)| *p).collect();
    pages.sort();
    assert_eq!(
        pages,
        (0..7).collect::<Vec<_>>(),
        "each page fetched once, none past the last"
    );
}

#[tokio::test]
async fn never_more_than_k_requests_in_flight() {
    let server = MockServer::start().await;
    let arrivals = Arc::new(Mutex::new(Vec::new()));
    let delay = Duration::from_millis(150);
    Mock::given(method("GET"))
        .respond_with(Pages {
            pages: 12,
            size: 10,
            delay,
            arrivals: arrivals.clone(),
        })
        .mount(&server)
        .await;
    let t = transport(&server);
    let k = 3;
    let items: Vec<u32> = paginate(PagingOptions::default().concurrency(k), |n| {
        fetch_page(&t, n)
    })
    .try_collect()
    .await
    .unwrap();
    assert_eq!(items.len(), 120);
    let times: Vec<Instant> = arrivals.lock().unwrap().iter().map(|(_, t)| *t).collect();
    // Each request is in flight for at least `delay` after it arrives, so requests that
    // arrive within `delay` of each other overlap.
    let overlap = delay - Duration::from_millis(20);
    let max_overlapping = times
        .iter()
        .map(|t0| {
            times
                .iter()
                .filter(|t| **t >= *t0 && t.duration_since(*t0) < overlap)
                .count()
        })
        .max()
        .unwrap();
    assert!(
        max_overlapping <= k,
        "{max_overlapping} requests overlapped, K = {k}"
    );
    assert!(max_overlapping >= 2, "read-ahead should overlap requests");
}

#[tokio::test]
async fn in_flight_bound_counted_exactly() {
    // The same bound, counted exactly around the fetch future.
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let fetch = |n: u32| {
        let (in_flight, peak) = (in_flight.clone(), peak.clone());
        async move {
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(5)).await;
            in_flight.fetch_sub(1, Ordering::SeqCst);
            Ok(Page::new(vec![n]).total_pages(40))
        }
    };
    let items: Vec<u32> = paginate(PagingOptions::default().concurrency(4), fetch)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, (0..40).collect::<Vec<_>>());
    assert_eq!(peak.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn an_error_mid_stream_ends_the_stream_with_that_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(serde_json::json!({"message": "bad page"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(Pages {
            pages: 5,
            size: 10,
            delay: Duration::ZERO,
            arrivals: Arc::default(),
        })
        .mount(&server)
        .await;
    let t = transport(&server);
    let results: Vec<marketplace_core::Result<u32>> =
        paginate(PagingOptions::default().concurrency(1), |n| {
            fetch_page(&t, n)
        })
        .collect()
        .await;
    assert_eq!(results.len(), 21, "20 items then the error, nothing after");
    assert!(results[..20].iter().all(Result::is_ok));
    match &results[20] {
        Err(Error::Api {
            status: 400,
            message,
            ..
        }) => assert_eq!(message, "bad page"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn unknown_totals_stop_on_an_empty_page() {
    let calls = AtomicUsize::new(0);
    let fetch = |n: u32| {
        calls.fetch_add(1, Ordering::SeqCst);
        async move { Ok(Page::new(if n <= 3 { vec![n] } else { vec![] })) }
    };
    let items: Vec<u32> = paginate(PagingOptions::one_based(), fetch)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, vec![1, 2, 3]);
    assert_eq!(calls.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn windows_split_at_max_span_and_narrow_over_the_cap() {
    // 30 days, 14-day windows, cap 100 results: the service holds 1 item per hour, so
    // a 14-day window (336) is over the cap and gets halved until it fits.
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let range = TimeWindow::new(start, start + TimeDelta::days(30));
    let queried = Arc::new(Mutex::new(Vec::new()));
    let fetch = |w: TimeWindow, page: u32| {
        let queried = queried.clone();
        async move {
            assert!(w.span() <= TimeDelta::days(14));
            queried.lock().unwrap().push((w, page));
            // Items: hour stamps in [start, end).
            let hours: Vec<i64> = (0..)
                .map(|h| start + TimeDelta::hours(h))
                .take_while(|t| *t < range.end)
                .filter(|t| *t >= w.start && *t < w.end)
                .map(|t| t.timestamp())
                .collect();
            let size = 50;
            let total_pages = u32::try_from(hours.len().div_ceil(size)).unwrap();
            let items: Vec<i64> = hours
                .iter()
                .copied()
                .skip(page as usize * size)
                .take(size)
                .collect();
            Ok(Page::new(items)
                .total_pages(total_pages)
                .total_elements(hours.len() as u64))
        }
    };
    let items: Vec<i64> = windowed(
        range,
        WindowOptions::new(TimeDelta::days(14)).max_results(100),
        fetch,
    )
    .try_collect()
    .await
    .unwrap();
    assert_eq!(items.len(), 30 * 24, "every hour exactly once");
    assert!(items.windows(2).all(|w| w[0] < w[1]), "chronological");
    let queried = queried.lock().unwrap();
    assert!(
        queried.iter().any(|(w, _)| w.span() < TimeDelta::days(14)),
        "narrowed"
    );
}

#[tokio::test]
async fn dedup_drops_repeats_across_window_boundaries() {
    let s = futures::stream::iter(vec![Ok(1), Ok(2), Ok(2), Ok(3), Ok(1)]);
    let out: Vec<i32> = dedup_by_key(s, |x| *x).try_collect().await.unwrap();
    assert_eq!(out, vec![1, 2, 3]);
}

#[test]
fn split_covers_the_range_without_gaps() {
    let start = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    let w = TimeWindow::new(start, start + TimeDelta::days(45));
    let parts = w.split(TimeDelta::days(14));
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[0].start, w.start);
    assert_eq!(parts[3].end, w.end);
    assert!(parts.windows(2).all(|p| p[0].end == p[1].start));
    assert!(parts.iter().all(|p| p.span() <= TimeDelta::days(14)));
    assert!(
        TimeWindow::new(w.end, w.start)
            .split(TimeDelta::days(1))
            .is_empty()
    );
    assert!(w.split(TimeDelta::zero()).is_empty());
}

#[tokio::test]
async fn max_pages_is_a_hard_stop() {
    let fetch = |n: u32| async move { Ok(Page::new(vec![n])) };
    let opts = PagingOptions {
        max_pages: 5,
        ..PagingOptions::default()
    };
    let items: Vec<u32> = paginate(opts, fetch).try_collect().await.unwrap();
    assert_eq!(items, vec![0, 1, 2, 3, 4]);
}

#[tokio::test]
async fn a_cursor_stream_ends_on_a_repeated_cursor() {
    use marketplace_core::paging::{CursorPage, paginate_cursor};
    let fetch = |cursor: Option<String>| async move {
        let n: u32 = cursor.as_deref().map_or(0, |c| c.parse().unwrap());
        // After "2" the server keeps answering cursor "2": a loop the stream must break.
        let next = if n < 2 { n + 1 } else { 2 };
        Ok(CursorPage {
            items: vec![n],
            next: Some(next.to_string()),
        })
    };
    let items: Vec<u32> = paginate_cursor(fetch).try_collect().await.unwrap();
    assert_eq!(items, vec![0, 1, 2]);
}

#[test]
fn streams_are_send_when_their_fetch_is() {
    // Unified traits return `BoxStream` (Send): the paging combinators must not force !Send.
    fn assert_send<T: Send>(_: &T) {}
    let fetch = |n: u32| async move { Ok(Page::new(vec![n]).total_pages(2)) };
    assert_send(&paginate(PagingOptions::default(), fetch));
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let range = TimeWindow::new(start, start + TimeDelta::days(30));
    let fetch = |_: TimeWindow, n: u32| async move { Ok(Page::new(vec![n])) };
    let s = windowed(range, WindowOptions::new(TimeDelta::days(14)), fetch);
    assert_send(&s);
    assert_send(&dedup_by_key(s, |n| *n));
}
