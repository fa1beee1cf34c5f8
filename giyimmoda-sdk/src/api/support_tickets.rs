//! Support tickets to the platform: `client.support_tickets()`.

use futures::Stream;
use marketplace_core::http::Request;
use serde::Serialize;

use super::listing;
use crate::model::{ListPage, ListQuery, NewTicket, Ticket, TicketDetail, TicketReply};
use crate::{Client, Result};

/// Support ticket calls (`support-tickets`).
#[derive(Debug, Clone, Copy)]
pub struct SupportTickets<'a> {
    client: &'a Client,
}

impl Client {
    /// Support tickets to the platform.
    pub fn support_tickets(&self) -> SupportTickets<'_> {
        SupportTickets { client: self }
    }
}

/// Body of `POST support-tickets/{id}/reply` (field name assumed).
#[derive(Serialize)]
struct ReplyBody<'a> {
    reply: &'a str,
}

impl SupportTickets<'_> {
    /// One page of tickets (`GET support-tickets`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Ticket>> {
        listing::list(self.client, Request::get("support-tickets"), query).await
    }

    /// Every ticket, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Ticket>> + '_ {
        listing::stream(self.client, query, || Request::get("support-tickets"))
    }

    /// One ticket with its replies (`GET support-tickets/{id}`).
    pub async fn get(&self, id: u64) -> Result<TicketDetail> {
        let request = Request::get("support-tickets/{id}").path_param("id", id);
        super::send(self.client, request, "ticket").await
    }

    /// Open a ticket (`POST support-tickets`); blank `subject` or `details` is rejected
    /// before sending.
    pub async fn create(&self, ticket: &NewTicket) -> Result<Ticket> {
        listing::non_empty("subject", &ticket.subject)?;
        listing::non_empty("details", &ticket.details)?;
        let request = Request::post("support-tickets").json(ticket);
        super::send(self.client, request, "ticket").await
    }

    /// Reply on a ticket (`POST support-tickets/{id}/reply`, body `{"reply": …}`); blank
    /// text is rejected before sending.
    pub async fn reply(&self, id: u64, text: &str) -> Result<TicketReply> {
        listing::non_empty("reply", text)?;
        let request = Request::post("support-tickets/{id}/reply")
            .path_param("id", id)
            .json(&ReplyBody { reply: text });
        super::send(self.client, request, "ticket reply").await
    }
}
