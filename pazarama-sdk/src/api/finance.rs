//! Accounting and finance: `client.finance()`.

use marketplace_core::http::Request;

use crate::model::{PaymentAgreement, PaymentAgreementQuery};
use crate::{Client, Result};

/// Sales, returns and payouts (`order/paymentAgreement`).
#[derive(Debug, Clone, Copy)]
pub struct Finance<'a> {
    client: &'a Client,
}

impl Client {
    /// Accounting and finance.
    pub fn finance(&self) -> Finance<'_> {
        Finance { client: self }
    }
}

impl Finance<'_> {
    /// Transactions and totals in a date range (`POST order/paymentAgreement`).
    pub async fn payment_agreement(
        &self,
        query: &PaymentAgreementQuery,
    ) -> Result<PaymentAgreement> {
        query.validate()?;
        let request = Request::post("/order/paymentAgreement")
            .idempotent(true)
            .json(query);
        super::send(self.client, request, "payment agreement").await
    }
}
