//! Finance — current-account statement (reference §9).
//!
//! `settlements` / `other_financials` fetch one page and check Trendyol's rules first
//! (transaction type required, range ≤ 15 days, size 500 or 1000). The `*_stream`
//! methods take any range, split it into 15-day windows with
//! [`TimeWindow::split`](marketplace_core::paging::TimeWindow::split) (via
//! [`windowed`]), page within each window and yield each record once.

use chrono::TimeDelta;
use futures::{Stream, StreamExt};
use marketplace_core::http::Request;
use marketplace_core::paging::{
    Page, PagingOptions, TimeWindow, WindowOptions, dedup_by_key, paginate, windowed,
};

use super::checks;
use crate::model::finance::{
    CargoInvoiceItem, FINANCE_PAGE_SIZES, FinancePage, FinanceQuery, FinancialRecord, PaymentOrder,
};
use crate::{Client, Error, Result};

/// Longest range one statement query may cover.
pub const MAX_FINANCE_SPAN_DAYS: i64 = 15;

/// Largest page of `getPaymentOrders`.
pub const MAX_PAYMENT_ORDER_PAGE: u32 = 10;

impl Client {
    /// Finance: settlements, other financials, payment orders, cargo invoices (§9).
    pub fn finance(&self) -> Finance<'_> {
        Finance { client: self }
    }
}

/// The finance endpoints. Get one with [`Client::finance`].
#[derive(Debug, Clone, Copy)]
pub struct Finance<'a> {
    client: &'a Client,
}

#[derive(Clone, Copy)]
enum Statement {
    Settlements,
    OtherFinancials,
}

impl Statement {
    fn template(self) -> &'static str {
        match self {
            Statement::Settlements => "/integration/finance/che/sellers/{sellerId}/settlements",
            Statement::OtherFinancials => {
                "/integration/finance/che/sellers/{sellerId}/otherfinancials"
            }
        }
    }
}

impl Finance<'_> {
    fn seller(&self) -> u64 {
        self.client.seller_id()
    }

    /// `getSettlements`: one page (sales, returns, discounts, coupons, provisions, …).
    pub async fn settlements(&self, query: &FinanceQuery) -> Result<FinancePage<FinancialRecord>> {
        self.statement(Statement::Settlements, query).await
    }

    /// `getOtherFinancials`: one page (transfers, payouts, invoices, withholding, …).
    pub async fn other_financials(
        &self,
        query: &FinanceQuery,
    ) -> Result<FinancePage<FinancialRecord>> {
        self.statement(Statement::OtherFinancials, query).await
    }

    /// Every settlement record of `query`, any range length (see the module docs).
    pub fn settlements_stream(
        &self,
        query: &FinanceQuery,
    ) -> impl Stream<Item = Result<FinancialRecord>> + '_ {
        self.statement_stream(Statement::Settlements, query.clone())
    }

    /// Every other-financials record of `query`, any range length.
    pub fn other_financials_stream(
        &self,
        query: &FinanceQuery,
    ) -> impl Stream<Item = Result<FinancialRecord>> + '_ {
        self.statement_stream(Statement::OtherFinancials, query.clone())
    }

    async fn statement(
        &self,
        which: Statement,
        query: &FinanceQuery,
    ) -> Result<FinancePage<FinancialRecord>> {
        validate_statement(query, true)?;
        let req = Request::get(which.template())
            .path_param("sellerId", self.seller())
            .query_struct(query);
        self.client.transport().execute(req).await
    }

    fn statement_stream(
        &self,
        which: Statement,
        mut query: FinanceQuery,
    ) -> impl Stream<Item = Result<FinancialRecord>> + '_ {
        query.size = Some(query.size.unwrap_or(FINANCE_PAGE_SIZES[0]));
        let checked = validate_statement(&query, false);
        let range = match (query.start_date, query.end_date) {
            (Some(start), Some(end)) => Some(TimeWindow::new(start, end)),
            _ => None,
        };
        let fetch = move |window: Option<TimeWindow>, page: u32| {
            let mut q = query.clone();
            if let Some(w) = window {
                q.start_date = Some(w.start);
                q.end_date = Some(w.end);
            }
            q.page = Some(page);
            async move {
                let p = self.statement(which, &q).await?;
                Ok(to_page(p))
            }
        };
        let records = match (checked, range) {
            (Err(err), _) => futures::stream::once(async { Err(err) }).boxed_local(),
            (Ok(()), Some(range)) => {
                let options = WindowOptions::new(TimeDelta::days(MAX_FINANCE_SPAN_DAYS));
                windowed(range, options, move |w, page| fetch(Some(w), page)).boxed_local()
            }
            (Ok(()), None) => {
                paginate(PagingOptions::default(), move |page| fetch(None, page)).boxed_local()
            }
        };
        dedup_by_key(records, |r: &FinancialRecord| r.id.as_str().to_owned())
    }

    /// `getPaymentOrders`: one page of paid payment orders (`size` ≤ 10).
    pub async fn payment_orders(&self, page: u32, size: u32) -> Result<FinancePage<PaymentOrder>> {
        checks::page_size("size", Some(size), MAX_PAYMENT_ORDER_PAGE)?;
        let req = Request::get("/integration/finance/che/sellers/{sellerId}/payment-order")
            .path_param("sellerId", self.seller())
            .query("page", page)
            .query("size", size);
        self.client.transport().execute(req).await
    }

    /// Every paid payment order, 10 per page.
    pub fn payment_orders_stream(&self) -> impl Stream<Item = Result<PaymentOrder>> + '_ {
        paginate(
            PagingOptions::default().concurrency(2),
            move |page| async move {
                Ok(to_page(
                    self.payment_orders(page, MAX_PAYMENT_ORDER_PAGE).await?,
                ))
            },
        )
    }

    /// `getCargoInvoiceItems`: one page of the parcels billed on a cargo invoice
    /// (`invoice_serial_number` = the `id` of a `DeductionInvoices` record).
    pub async fn cargo_invoice_items(
        &self,
        invoice_serial_number: &str,
        page: u32,
        size: u32,
    ) -> Result<FinancePage<CargoInvoiceItem>> {
        checks::page_size("size", Some(size), 1000)?;
        let req = Request::get(
            "/integration/finance/che/sellers/{sellerId}/cargo-invoice/{invoiceSerialNumber}/items",
        )
        .path_param("sellerId", self.seller())
        .path_param("invoiceSerialNumber", invoice_serial_number)
        .query("page", page)
        .query("size", size);
        self.client.transport().execute(req).await
    }

    /// Every parcel of a cargo invoice, 500 per page.
    pub fn cargo_invoice_items_stream<'s>(
        &'s self,
        invoice_serial_number: &'s str,
    ) -> impl Stream<Item = Result<CargoInvoiceItem>> + 's {
        paginate(
            PagingOptions::default().concurrency(2),
            move |page| async move {
                Ok(to_page(
                    self.cargo_invoice_items(invoice_serial_number, page, 500)
                        .await?,
                ))
            },
        )
    }
}

fn to_page<T>(p: FinancePage<T>) -> Page<T> {
    let mut page = Page::new(p.content);
    page.total_pages = p.total_pages;
    page.total_elements = p.total_elements;
    page
}

/// Trendyol's statement rules. `single`: the query goes out as is (range ≤ 15 days).
fn validate_statement(query: &FinanceQuery, single: bool) -> Result<()> {
    if query.transaction_type.is_none() && query.transaction_types.is_empty() {
        return Err(Error::invalid_input(
            "transactionType",
            "a transaction type (or transactionTypes) is required; without one Trendyol answers 500",
        ));
    }
    if let Some(size) = query.size {
        if !FINANCE_PAGE_SIZES.contains(&size) {
            return Err(Error::invalid_input(
                "size",
                format!("must be 500 or 1000, got {size}"),
            ));
        }
    }
    let has_range = query.start_date.is_some() && query.end_date.is_some();
    if query.start_date.is_some() != query.end_date.is_some() {
        return Err(Error::invalid_input(
            if query.start_date.is_none() {
                "startDate"
            } else {
                "endDate"
            },
            "startDate and endDate go together",
        ));
    }
    if !has_range && query.payment_date.is_none() && query.payment_order_id.is_none() {
        return Err(Error::invalid_input(
            "startDate",
            "a date range, paymentDate or paymentOrderId is required",
        ));
    }
    let max = single.then(|| TimeDelta::days(MAX_FINANCE_SPAN_DAYS));
    checks::date_range("endDate", query.start_date, query.end_date, max)
}
