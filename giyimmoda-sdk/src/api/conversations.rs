//! Conversations with customers: `client.conversations()`.

use futures::Stream;
use marketplace_core::http::Request;
use serde::Serialize;

use super::listing;
use crate::model::{Conversation, ConversationDetail, ListPage, ListQuery, Message};
use crate::{Client, Result};

/// Conversation calls (`conversations`).
#[derive(Debug, Clone, Copy)]
pub struct Conversations<'a> {
    client: &'a Client,
}

impl Client {
    /// Message threads with customers.
    pub fn conversations(&self) -> Conversations<'_> {
        Conversations { client: self }
    }
}

/// Body of `POST conversations/{id}/message` (field name assumed).
#[derive(Serialize)]
struct MessageBody<'a> {
    message: &'a str,
}

impl Conversations<'_> {
    /// One page of conversations (`GET conversations`).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Conversation>> {
        listing::list(self.client, Request::get("conversations"), query).await
    }

    /// Every conversation, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Conversation>> + '_ {
        listing::stream(self.client, query, || Request::get("conversations"))
    }

    /// One conversation with its messages (`GET conversations/{id}`).
    pub async fn get(&self, id: u64) -> Result<ConversationDetail> {
        let request = Request::get("conversations/{id}").path_param("id", id);
        super::send(self.client, request, "conversation").await
    }

    /// Send a message (`POST conversations/{id}/message`, body `{"message": …}`); blank
    /// text is rejected before sending. Not retried after it may have reached the server.
    pub async fn send_message(&self, id: u64, text: &str) -> Result<Message> {
        listing::non_empty("message", text)?;
        let request = Request::post("conversations/{id}/message")
            .path_param("id", id)
            .json(&MessageBody { message: text });
        super::send(self.client, request, "message").await
    }
}
