//! Withdraw requests: `client.withdrawals()`.

use futures::Stream;
use marketplace_core::http::Request;
use rust_decimal::Decimal;

use super::listing;
use crate::model::{ListPage, ListQuery, NewWithdrawRequest, WithdrawRequest};
use crate::{Client, Error, Result};

/// Withdraw request calls (`withdraw-requests`).
#[derive(Debug, Clone, Copy)]
pub struct Withdrawals<'a> {
    client: &'a Client,
}

impl Client {
    /// Requests to pay out the seller's balance.
    pub fn withdrawals(&self) -> Withdrawals<'_> {
        Withdrawals { client: self }
    }
}

impl Withdrawals<'_> {
    /// One page of withdraw requests (`GET withdraw-requests`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<WithdrawRequest>> {
        listing::list(self.client, Request::get("withdraw-requests"), query).await
    }

    /// Every withdraw request, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<WithdrawRequest>> + '_ {
        listing::stream(self.client, query, || Request::get("withdraw-requests"))
    }

    /// One withdraw request (`GET withdraw-requests/{id}`).
    pub async fn get(&self, id: u64) -> Result<WithdrawRequest> {
        let request = Request::get("withdraw-requests/{id}").path_param("id", id);
        super::send(self.client, request, "withdraw request").await
    }

    /// Ask for a payout (`POST withdraw-requests`). `amount` must be greater than zero;
    /// the document states no minimum or maximum, so those are left to the server (its
    /// refusal arrives as [`Error::Api`] with the field errors). Not retried after it may
    /// have reached the server.
    pub async fn create(&self, request: &NewWithdrawRequest) -> Result<WithdrawRequest> {
        if request.amount <= Decimal::ZERO {
            return Err(Error::invalid_input(
                "amount",
                format!("must be greater than 0, got {}", request.amount),
            ));
        }
        let req = Request::post("withdraw-requests").json(request);
        super::send(self.client, req, "withdraw request").await
    }
}
