//! Reports: `client.reports()`.

use marketplace_core::http::Request;

use crate::model::{
    CommissionReport, Dashboard, ProductReport, ProductReportQuery, ReportPeriod, SalesReport,
    SalesReportQuery,
};
use crate::{Client, Error, Result};

/// Report calls (`reports/…`).
#[derive(Debug, Clone, Copy)]
pub struct Reports<'a> {
    client: &'a Client,
}

impl Client {
    /// Sales, product, commission and dashboard reports.
    pub fn reports(&self) -> Reports<'_> {
        Reports { client: self }
    }
}

/// `date_from`/`date_to` as `Y-m-d`; an inverted range is rejected before sending.
fn with_period(request: Request, period: &ReportPeriod) -> Result<Request> {
    if let (Some(from), Some(to)) = (period.date_from, period.date_to) {
        if from > to {
            return Err(Error::invalid_input(
                "date_to",
                format!("{to} is before date_from {from}"),
            ));
        }
    }
    Ok(request
        .query_opt("date_from", period.date_from)
        .query_opt("date_to", period.date_to))
}

impl Reports<'_> {
    /// Sales per day, week or month (`GET reports/sales`).
    pub async fn sales(&self, query: &SalesReportQuery) -> Result<SalesReport> {
        let request = with_period(Request::get("reports/sales"), &query.period)?
            .query_opt("group_by", query.group_by.as_ref());
        super::send(self.client, request, "sales report").await
    }

    /// Best-performing products (`GET reports/products`); `limit` must be at least 1.
    pub async fn products(&self, query: &ProductReportQuery) -> Result<ProductReport> {
        if query.limit == Some(0) {
            return Err(Error::invalid_input("limit", "must be at least 1"));
        }
        let request = with_period(Request::get("reports/products"), &query.period)?
            .query_opt("limit", query.limit);
        super::send(self.client, request, "product report").await
    }

    /// Commission taken in the period (`GET reports/commission`).
    pub async fn commission(&self, period: &ReportPeriod) -> Result<CommissionReport> {
        let request = with_period(Request::get("reports/commission"), period)?;
        super::send(self.client, request, "commission report").await
    }

    /// Dashboard figures (`GET reports/dashboard`).
    pub async fn dashboard(&self, period: &ReportPeriod) -> Result<Dashboard> {
        let request = with_period(Request::get("reports/dashboard"), period)?;
        super::send(self.client, request, "dashboard").await
    }
}
