//! Paging for list endpoints the API document lists without filters.

use super::PerPage;

/// Which page of a list endpoint to fetch, and any filters the API document does not
/// describe (passed through verbatim as query parameters).
///
/// ```
/// use giyimmoda_sdk::model::{ListQuery, PerPage};
///
/// let q = ListQuery::new().page(2).per_page(PerPage::Count(50)).filter("status", "pending");
/// assert_eq!(q.page, Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Page number, from 1 (`page`); `None` lets the server pick the first page. Streams
    /// ignore it and walk every page.
    pub page: Option<u32>,
    /// Items per page (`per_page`).
    pub per_page: PerPage,
    /// Extra query parameters, sent as they are.
    pub filters: Vec<(String, String)>,
}

impl ListQuery {
    /// The first page at the server's default size.
    pub fn new() -> Self {
        Self::default()
    }

    /// Fetch this page (from 1).
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Items per page.
    #[must_use]
    pub fn per_page(mut self, per_page: PerPage) -> Self {
        self.per_page = per_page;
        self
    }

    /// Add a query parameter the API document does not describe.
    #[must_use]
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.push((name.into(), value.into()));
        self
    }
}
