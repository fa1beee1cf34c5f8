//! Build what a marketplace would send, to test a receiver without a marketplace.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use http::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue, InvalidHeaderValue};
use sha2::Sha256;

use super::hex_lower;

/// The lower-case hex HMAC-SHA256 of `body` keyed with `secret`: the value Giyim Moda puts
/// in `X-Webhook-Signature`.
///
/// ```
/// use marketplace_core::webhook::sign_hmac_sha256_hex;
/// // RFC 4231 test case 2.
/// assert_eq!(
///     sign_hmac_sha256_hex("Jefe", b"what do ya want for nothing?"),
///     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
/// );
/// ```
pub fn sign_hmac_sha256_hex(secret: impl AsRef<[u8]>, body: &[u8]) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_ref()) else {
        // HMAC accepts keys of any length; this branch is never taken.
        return String::new();
    };
    mac.update(body);
    hex_lower(&mac.finalize().into_bytes())
}

/// Headers of a Basic-authenticated delivery: `Authorization: Basic base64(username:password)`,
/// marked sensitive.
pub fn basic_auth_headers(username: &str, password: &str) -> Result<HeaderMap, InvalidHeaderValue> {
    let token = BASE64.encode(format!("{username}:{password}"));
    one_header(AUTHORIZATION, &format!("Basic {token}"))
}

/// Headers of an API-key delivery: `header_name: key`, marked sensitive.
///
/// Fails if `key` contains characters not allowed in a header value (e.g. control characters).
pub fn api_key_headers(
    header_name: HeaderName,
    key: &str,
) -> Result<HeaderMap, InvalidHeaderValue> {
    one_header(header_name, key)
}

/// Headers of an HMAC-signed delivery: `header_name: <lower-case hex HMAC-SHA256 of body>`.
pub fn hmac_sha256_headers(
    header_name: HeaderName,
    secret: &str,
    body: &[u8],
) -> Result<HeaderMap, InvalidHeaderValue> {
    one_header(header_name, &sign_hmac_sha256_hex(secret, body))
}

fn one_header(name: HeaderName, value: &str) -> Result<HeaderMap, InvalidHeaderValue> {
    let mut value = HeaderValue::from_str(value)?;
    value.set_sensitive(true);
    let mut headers = HeaderMap::new();
    headers.insert(name, value);
    Ok(headers)
}
