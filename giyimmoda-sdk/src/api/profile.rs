//! The seller's profile: `client.profile()`.

use marketplace_core::http::Request;

use crate::model::{Profile, ProfileUpdate};
use crate::{Client, Error, Result};

/// Profile calls (`profile`).
#[derive(Debug, Clone, Copy)]
pub struct Profiles<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's profile.
    pub fn profile(&self) -> Profiles<'_> {
        Profiles { client: self }
    }
}

impl Profiles<'_> {
    /// The seller's account (`GET profile`).
    pub async fn get(&self) -> Result<Profile> {
        super::send(self.client, Request::get("profile"), "profile").await
    }

    /// Change the fields set in `update` (`PUT profile`); returns the saved profile.
    /// An empty update is rejected before sending.
    pub async fn update(&self, update: &ProfileUpdate) -> Result<Profile> {
        if update.is_empty() {
            return Err(Error::invalid_input("profile", "nothing to update"));
        }
        let request = Request::put("profile").json(update);
        super::send(self.client, request, "profile").await
    }
}
