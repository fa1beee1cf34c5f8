//! The `{data, success, messageCode, message, userMessage}` wrapper around every answer.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Pazarama's response wrapper. Most services answer HTTP 200 and put the outcome in
/// `success`; [`Envelope::into_data`] turns `success: false` into an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// The payload (absent or `null` on many failures and on some writes).
    #[serde(default = "none")]
    pub data: Option<T>,
    /// Whether the call succeeded.
    #[serde(default = "yes", with = "marketplace_core::codec::lenient::bool")]
    pub success: bool,
    /// Pazarama's message code (`"0"` on success for some services).
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub message_code: Option<String>,
    /// Technical message.
    #[serde(default)]
    pub message: Option<String>,
    /// Message meant for the user (Turkish), usually the most useful one.
    #[serde(default)]
    pub user_message: Option<String>,
    /// Whether Pazarama served this from its cache.
    #[serde(default)]
    pub from_cache: Option<bool>,
}

fn none<T>() -> Option<T> {
    None
}

fn yes() -> bool {
    true
}

impl<T> Envelope<T> {
    /// The payload, or [`Error::Api`] (status 200, the message code and the best message)
    /// when `success` is false.
    pub fn into_data(self) -> Result<Option<T>> {
        if self.success {
            return Ok(self.data);
        }
        let message = self
            .user_message
            .filter(|m| !m.trim().is_empty())
            .or(self.message.filter(|m| !m.trim().is_empty()))
            .unwrap_or_else(|| "Pazarama answered success: false".to_owned());
        Err(Error::Api {
            status: 200,
            code: self.message_code,
            message,
            body: Box::default(),
        })
    }

    /// The payload, requiring it to be present.
    pub fn into_required(self, what: &str) -> Result<T> {
        self.into_data()?.ok_or_else(|| Error::Decode {
            path: "data".into(),
            message: format!("{what}: Pazarama answered success without data"),
            body_snippet: String::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_false_becomes_an_api_error_with_the_user_message() {
        let body = r#"{"data":null,"success":false,"messageCode":"E12","message":"x","userMessage":"Sipariş bulunamadı"}"#;
        let env: Envelope<u32> = marketplace_core::codec::decode(body.as_bytes()).unwrap();
        match env.into_data().unwrap_err() {
            Error::Api {
                status,
                code,
                message,
                ..
            } => {
                assert_eq!(status, 200);
                assert_eq!(code.as_deref(), Some("E12"));
                assert_eq!(message, "Sipariş bulunamadı");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lenient_fields_and_missing_data() {
        let body = br#"{"success":"true","messageCode":0}"#;
        let env: Envelope<u32> = marketplace_core::codec::decode(body).unwrap();
        assert_eq!(env.message_code.as_deref(), Some("0"));
        assert_eq!(env.clone().into_data().unwrap(), None);
        assert!(matches!(
            env.into_required("brands"),
            Err(Error::Decode { .. })
        ));
    }
}
