//! Endpoint groups. Every call goes through the helpers here, which unwrap Giyim Moda's
//! [`Envelope`] in one place.

pub mod addresses;
pub mod brands;
pub mod categories;
pub mod commissions;
pub mod conversations;
pub mod coupons;
pub mod customers;
pub mod digital_products;
mod listing;
pub mod notifications;
pub mod orders;
pub mod payments;
pub mod product_queries;
pub mod products;
pub mod profile;
pub mod refunds;
pub mod reports;
pub mod reviews;
pub mod shop;
pub mod stocks;
pub mod support_tickets;
pub mod uploads;
pub mod webhooks;
pub mod withdrawals;

use futures::Stream;
use marketplace_core::http::Request;
use marketplace_core::paging::{Page, PagingOptions, paginate};
use serde::de::DeserializeOwned;

use crate::model::{Envelope, ListPage};
use crate::{Client, Result};

/// Send `request` and return the envelope's `data` (required).
pub(crate) async fn send<T: DeserializeOwned>(
    client: &Client,
    request: Request,
    what: &str,
) -> Result<T> {
    let envelope: Envelope<T> = client.transport().execute(request).await?;
    envelope.into_required(what)
}

/// Send `request`, check `success`, ignore `data`.
pub(crate) async fn send_unit(client: &Client, request: Request) -> Result<()> {
    let envelope: Envelope<serde::de::IgnoredAny> = client.transport().execute(request).await?;
    envelope.into_data().map(drop)
}

/// Send a list `request` and return one page.
pub(crate) async fn send_page<T: DeserializeOwned>(
    client: &Client,
    request: Request,
) -> Result<ListPage<T>> {
    let envelope: Envelope<Vec<T>> = client.transport().execute(request).await?;
    envelope.into_page()
}

/// Every item of a list endpoint: `request(page)` builds the request for page `page`
/// (from 1). Pages after the first are fetched ahead, `last_page` ends the stream.
pub(crate) fn stream_pages<'a, T, F>(
    client: &'a Client,
    request: F,
) -> impl Stream<Item = Result<T>> + 'a
where
    T: DeserializeOwned + 'a,
    F: Fn(u32) -> Request + 'a,
{
    paginate(PagingOptions::one_based(), move |page| {
        let req = request(page);
        async move {
            let list: ListPage<T> = send_page(client, req).await?;
            let mut page = Page::new(list.items);
            match list.pagination {
                Some(p) => {
                    page = page.total_pages(p.last_page);
                    if let Some(total) = p.total {
                        page = page.total_elements(total);
                    }
                }
                // No pagination block: the answer is the whole list (e.g. `per_page=all`,
                // or an endpoint that does not page) — do not ask for page 2.
                None => page = page.total_pages(1),
            }
            Ok(page)
        }
    })
}

/// Send `request` and return the envelope's `data`, which may be absent (write endpoints
/// whose answer the document does not show).
pub(crate) async fn send_opt<T: DeserializeOwned>(
    client: &Client,
    request: Request,
) -> Result<Option<T>> {
    let envelope: Envelope<T> = client.transport().execute(request).await?;
    envelope.into_data()
}
