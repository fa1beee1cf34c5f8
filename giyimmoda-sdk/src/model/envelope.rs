//! The `{success, message, data, pagination}` wrapper around every answer.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Giyim Moda's response wrapper. [`Envelope::into_data`] turns `success: false` into an
/// error (HTTP error statuses never get this far: the transport maps them, including the
/// `errors: {field: [messages]}` map, which lands in [`Error::field_errors`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Whether the call succeeded.
    #[serde(default = "yes", with = "marketplace_core::codec::lenient::bool")]
    pub success: bool,
    /// Human-readable message (Turkish or English).
    #[serde(default)]
    pub message: Option<String>,
    /// The payload.
    #[serde(default = "none")]
    pub data: Option<T>,
    /// Paging information on list endpoints.
    #[serde(default)]
    pub pagination: Option<Pagination>,
}

/// `{current_page, last_page, per_page, total}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagination {
    /// This page's number, from 1.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub current_page: u32,
    /// The last page's number.
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub last_page: u32,
    /// Items per page.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub per_page: Option<u32>,
    /// Items in all.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub total: Option<u64>,
}

/// One page of a list endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPage<T> {
    /// The items.
    pub items: Vec<T>,
    /// Paging information (absent with `per_page=all`).
    pub pagination: Option<Pagination>,
}

/// How many items a list call returns per page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PerPage {
    /// The API's default (15).
    #[default]
    Default,
    /// This many per page.
    Count(u32),
    /// Everything in one answer (`per_page=all`), where the endpoint offers it.
    All,
}

impl PerPage {
    /// The query value, if any.
    pub fn as_query(&self) -> Option<String> {
        match self {
            PerPage::Default => None,
            PerPage::Count(n) => Some(n.to_string()),
            PerPage::All => Some("all".to_owned()),
        }
    }
}

fn none<T>() -> Option<T> {
    None
}

fn yes() -> bool {
    true
}

impl<T> Envelope<T> {
    /// The payload, or [`Error::Api`] (status 200 and the message) when `success` is false.
    pub fn into_data(self) -> Result<Option<T>> {
        if self.success {
            return Ok(self.data);
        }
        Err(Error::Api {
            status: 200,
            code: None,
            message: self
                .message
                .filter(|m| !m.trim().is_empty())
                .unwrap_or_else(|| "Giyim Moda answered success: false".to_owned()),
            body: Box::default(),
        })
    }

    /// The payload, requiring it to be present.
    pub fn into_required(self, what: &str) -> Result<T> {
        self.into_data()?.ok_or_else(|| Error::Decode {
            path: "data".into(),
            message: format!("{what}: Giyim Moda answered success without data"),
            body_snippet: String::new(),
        })
    }
}

impl<T> Envelope<Vec<T>> {
    /// The items and the paging information.
    pub fn into_page(self) -> Result<ListPage<T>> {
        let pagination = self.pagination;
        let items = self.into_data()?.unwrap_or_default();
        Ok(ListPage { items, pagination })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_failures() {
        let body = br#"{"success":true,"data":[1,2],"pagination":{"current_page":1,"last_page":"5","per_page":20,"total":72}}"#;
        let page = marketplace_core::codec::decode::<Envelope<Vec<u32>>>(body)
            .unwrap()
            .into_page()
            .unwrap();
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!(page.pagination.unwrap().last_page, 5);
        let body = br#"{"success":false,"message":"Yetkisiz"}"#;
        let err = marketplace_core::codec::decode::<Envelope<u32>>(body)
            .unwrap()
            .into_data()
            .unwrap_err();
        assert_eq!(err.to_string(), "API error 200: Yetkisiz");
    }
}
