//! Paging helpers shared by the list endpoints that take a [`ListQuery`].

use futures::Stream;
use marketplace_core::http::Request;
use marketplace_core::paging::{Page, PagingOptions, paginate};
use serde::de::DeserializeOwned;

use crate::model::{ListPage, ListQuery};
use crate::{Client, Result};

/// Add `page` (if any), `per_page` and the pass-through filters of `query` to `request`.
pub(crate) fn paged(mut request: Request, query: &ListQuery, page: Option<u32>) -> Request {
    if let Some(page) = page {
        request = request.query("page", page.max(1));
    }
    request = request.query_opt("per_page", query.per_page.as_query());
    for (name, value) in &query.filters {
        request = request.query(name.clone(), value);
    }
    request
}

/// One page: `request` with the paging of `query`.
pub(crate) async fn list<T: DeserializeOwned>(
    client: &Client,
    request: Request,
    query: &ListQuery,
) -> Result<ListPage<T>> {
    super::send_page(client, paged(request, query, query.page)).await
}

/// Every item: `request()` builds the bare request, each page adds its paging.
///
/// Unlike [`super::stream_pages`], an answer without `pagination` (the endpoint ignored
/// paging, or `per_page=all`) is taken as the only page, so the stream cannot re-fetch
/// the same full list page after page.
pub(crate) fn stream<'a, T, F>(
    client: &'a Client,
    query: &ListQuery,
    request: F,
) -> impl Stream<Item = Result<T>> + 'a
where
    T: DeserializeOwned + 'a,
    F: Fn() -> Request + 'a,
{
    let query = query.clone();
    paginate(PagingOptions::one_based(), move |page| {
        let req = paged(request(), &query, Some(page));
        async move {
            let list: ListPage<T> = super::send_page(client, req).await?;
            let mut out = Page::new(list.items);
            match list.pagination {
                Some(p) => {
                    out = out.total_pages(p.last_page);
                    if let Some(total) = p.total {
                        out = out.total_elements(total);
                    }
                }
                None => out = out.total_pages(1),
            }
            Ok(out)
        }
    })
}

/// `Err(InvalidInput)` when `text` is empty or only whitespace.
pub(crate) fn non_empty(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(crate::Error::invalid_input(field, "must not be empty"));
    }
    Ok(())
}
