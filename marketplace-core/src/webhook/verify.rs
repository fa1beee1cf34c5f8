//! [`Verifier`]: who sent this delivery, and is the body intact?

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use http::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue, InvalidHeaderValue};
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use sha2::{Digest, Sha256};
use subtle::{Choice, ConstantTimeEq};

use super::{Deduplicator, Rejection, signing};

/// Default body limit: 1 MiB. A Trendyol order payload is a few kilobytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// The header Trendyol puts the webhook's `apiKey` in (`authenticationType: API_KEY`).
pub const DEFAULT_API_KEY_HEADER: &str = "x-api-key";

/// The header Giyim Moda puts the body's HMAC-SHA256 in (`X-Webhook-Signature`; header
/// names are case-insensitive).
pub const DEFAULT_SIGNATURE_HEADER: &str = "x-webhook-signature";

/// Length of a hex-encoded SHA-256 digest.
const SHA256_HEX_LEN: usize = 64;

/// How a marketplace authenticates its deliveries, with the expected secret.
///
/// Header names are [`HeaderName`]s, which are case-insensitive: build one with
/// `HeaderName::from_static("x-my-key")` (lower case) or `"X-My-Key".parse::<HeaderName>()`.
///
/// `Debug` never prints the password, key or secret.
#[derive(Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// `Authorization: Basic base64(username:password)` (Trendyol `BASIC_AUTHENTICATION`).
    ///
    /// The scheme name is matched case-insensitively; the username and password are
    /// compared as bytes, each in constant time over its SHA-256 digest (so neither the
    /// content nor the length of the expected values leaks through timing).
    Basic {
        /// Expected username.
        username: String,
        /// Expected password.
        password: SecretString,
    },
    /// A static key in a header (Trendyol `API_KEY`, sent in `x-api-key`).
    ///
    /// The header value is compared byte for byte, in constant time over SHA-256 digests.
    ApiKey {
        /// The header carrying the key; Trendyol uses [`DEFAULT_API_KEY_HEADER`].
        header_name: HeaderName,
        /// Expected key.
        key: SecretString,
    },
    /// HMAC-SHA256 of the raw body, keyed with the UTF-8 bytes of `secret` (Giyim Moda).
    ///
    /// The header value is the 32-byte MAC as 64 hex digits, lower or upper case, optionally
    /// prefixed with `sha256=` (any case), surrounding whitespace ignored — the formats that
    /// PHP's `hash_hmac('sha256', $body, $secret)` and GitHub-style senders produce. The MAC
    /// is compared in constant time.
    HmacSha256 {
        /// The header carrying the signature; Giyim Moda uses [`DEFAULT_SIGNATURE_HEADER`].
        header_name: HeaderName,
        /// The shared secret.
        secret: SecretString,
    },
}

impl Credentials {
    /// [`Credentials::Basic`].
    pub fn basic(username: impl Into<String>, password: impl Into<SecretString>) -> Self {
        Credentials::Basic {
            username: username.into(),
            password: password.into(),
        }
    }

    /// [`Credentials::ApiKey`] in Trendyol's header, [`DEFAULT_API_KEY_HEADER`].
    pub fn api_key(key: impl Into<SecretString>) -> Self {
        Self::api_key_in(HeaderName::from_static(DEFAULT_API_KEY_HEADER), key)
    }

    /// [`Credentials::ApiKey`] in a header of your choice.
    pub fn api_key_in(header_name: HeaderName, key: impl Into<SecretString>) -> Self {
        Credentials::ApiKey {
            header_name,
            key: key.into(),
        }
    }

    /// [`Credentials::HmacSha256`] in Giyim Moda's header, [`DEFAULT_SIGNATURE_HEADER`].
    pub fn hmac_sha256(secret: impl Into<SecretString>) -> Self {
        Self::hmac_sha256_in(HeaderName::from_static(DEFAULT_SIGNATURE_HEADER), secret)
    }

    /// [`Credentials::HmacSha256`] in a header of your choice.
    pub fn hmac_sha256_in(header_name: HeaderName, secret: impl Into<SecretString>) -> Self {
        Credentials::HmacSha256 {
            header_name,
            secret: secret.into(),
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &"[REDACTED]")
                .finish(),
            Credentials::ApiKey { header_name, .. } => f
                .debug_struct("ApiKey")
                .field("header_name", header_name)
                .field("key", &"[REDACTED]")
                .finish(),
            Credentials::HmacSha256 { header_name, .. } => f
                .debug_struct("HmacSha256")
                .field("header_name", header_name)
                .field("secret", &"[REDACTED]")
                .finish(),
        }
    }
}

/// Checks incoming deliveries: body size first, then credentials or signature.
///
/// Cheap to clone; `Debug` never prints a secret. Verification is synchronous and does no
/// I/O; it runs over the raw body bytes and is independent of parsing.
#[derive(Clone, Debug)]
pub struct Verifier {
    credentials: Credentials,
    max_body_bytes: usize,
}

impl Verifier {
    /// A verifier for `credentials` with the [`DEFAULT_MAX_BODY_BYTES`] limit.
    pub fn new(credentials: Credentials) -> Self {
        Verifier {
            credentials,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// Shorthand for `Verifier::new(Credentials::basic(username, password))`.
    pub fn basic(username: impl Into<String>, password: impl Into<SecretString>) -> Self {
        Self::new(Credentials::basic(username, password))
    }

    /// Shorthand for `Verifier::new(Credentials::api_key(key))` (Trendyol's `x-api-key`).
    pub fn api_key(key: impl Into<SecretString>) -> Self {
        Self::new(Credentials::api_key(key))
    }

    /// Shorthand for `Verifier::new(Credentials::hmac_sha256(secret))` (Giyim Moda's
    /// `X-Webhook-Signature`).
    pub fn hmac_sha256(secret: impl Into<SecretString>) -> Self {
        Self::new(Credentials::hmac_sha256(secret))
    }

    /// Set the largest body accepted, in bytes.
    #[must_use]
    pub fn with_max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The largest body accepted, in bytes. Configure your HTTP server's body limit with it
    /// too, so an oversized body is refused while it is read rather than after.
    pub fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }

    /// The configured credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Refuse a body of `len` bytes if it is over the limit. Useful on `Content-Length`
    /// before reading the body; [`Verifier::verify`] calls it first thing.
    pub fn check_size(&self, len: usize) -> Result<(), Rejection> {
        if len > self.max_body_bytes {
            return Err(Rejection::BodyTooLarge {
                size: len,
                limit: self.max_body_bytes,
            });
        }
        Ok(())
    }

    /// Verify one delivery: `body` must be the raw bytes as received.
    ///
    /// The body size is checked before anything else (no hashing of oversized bodies).
    /// Header names are case-insensitive; a credentials or signature header sent more than
    /// once is refused as malformed rather than guessed at.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), Rejection> {
        self.check_size(body.len())?;
        match &self.credentials {
            Credentials::Basic { username, password } => verify_basic(
                headers,
                username.as_bytes(),
                password.expose_secret().as_bytes(),
            ),
            Credentials::ApiKey { header_name, key } => {
                verify_api_key(headers, header_name, key.expose_secret().as_bytes())
            }
            Credentials::HmacSha256 {
                header_name,
                secret,
            } => verify_hmac(
                headers,
                header_name,
                secret.expose_secret().as_bytes(),
                body,
            ),
        }
    }

    /// [`Verifier::verify`], then record `key` in `dedupe`: a key already seen within the
    /// de-duplication window gives [`Rejection::Duplicate`].
    ///
    /// A key is only recorded for a delivery that passed verification. If handling the
    /// event then fails and you answer with an error so the marketplace re-delivers it,
    /// call [`Deduplicator::forget`] with the key, or the re-delivery is dropped as a
    /// duplicate.
    ///
    /// Trendyol deliveries carry no event id: derive the key from the payload (e.g. order
    /// number + status + `lastModifiedDate`) or use [`super::body_digest_key`] for
    /// byte-identical re-deliveries.
    pub async fn verify_and_dedupe(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        key: &str,
        dedupe: &dyn Deduplicator,
    ) -> Result<(), Rejection> {
        self.verify(headers, body)?;
        if dedupe.first_seen(key).await {
            Ok(())
        } else {
            Err(Rejection::Duplicate {
                key: key.to_owned(),
            })
        }
    }

    /// The headers a marketplace configured with these credentials would send with `body`
    /// (for testing your own receiver). The authentication header is marked sensitive.
    ///
    /// Fails only if an API key contains characters not allowed in a header value.
    pub fn delivery_headers(&self, body: &[u8]) -> Result<HeaderMap, InvalidHeaderValue> {
        match &self.credentials {
            Credentials::Basic { username, password } => {
                signing::basic_auth_headers(username, password.expose_secret())
            }
            Credentials::ApiKey { header_name, key } => {
                signing::api_key_headers(header_name.clone(), key.expose_secret())
            }
            Credentials::HmacSha256 {
                header_name,
                secret,
            } => signing::hmac_sha256_headers(header_name.clone(), secret.expose_secret(), body),
        }
    }
}

/// The single value of `name`; `Err(())` if the header is repeated.
fn single_header<'a>(
    headers: &'a HeaderMap,
    name: &HeaderName,
) -> Result<Option<&'a HeaderValue>, ()> {
    let mut values = headers.get_all(name).iter();
    let first = values.next();
    if values.next().is_some() {
        return Err(());
    }
    Ok(first)
}

/// Constant-time equality of two byte strings of any length, via their SHA-256 digests.
fn digest_eq(presented: &[u8], expected: &[u8]) -> Choice {
    let a = Sha256::digest(presented);
    let b = Sha256::digest(expected);
    a.as_slice().ct_eq(b.as_slice())
}

fn verify_basic(headers: &HeaderMap, username: &[u8], password: &[u8]) -> Result<(), Rejection> {
    let header = AUTHORIZATION.as_str();
    let malformed = |reason| Rejection::MalformedCredentials {
        header: header.to_owned(),
        reason,
    };
    let value = match single_header(headers, &AUTHORIZATION) {
        Ok(Some(value)) => value,
        Ok(None) => {
            return Err(Rejection::MissingCredentials {
                header: header.to_owned(),
            });
        }
        Err(()) => return Err(malformed("header sent more than once")),
    };
    let text = value
        .to_str()
        .map_err(|_| malformed("not visible ASCII"))?
        .trim();
    let (scheme, token) = text
        .split_once(' ')
        .ok_or_else(|| malformed("expected `Basic <base64(username:password)>`"))?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(malformed("authorization scheme is not Basic"));
    }
    let decoded: SecretSlice<u8> = BASE64
        .decode(token.trim())
        .map_err(|_| malformed("credentials are not valid base64"))?
        .into();
    let decoded = decoded.expose_secret();
    let colon = decoded.iter().position(|&b| b == b':').ok_or_else(|| {
        malformed("decoded credentials have no `:` between username and password")
    })?;
    let (user, pass) = (&decoded[..colon], &decoded[colon + 1..]);
    // `&` on `Choice`: both comparisons always run.
    let ok = digest_eq(user, username) & digest_eq(pass, password);
    if bool::from(ok) {
        Ok(())
    } else {
        Err(Rejection::WrongCredentials)
    }
}

fn verify_api_key(headers: &HeaderMap, name: &HeaderName, key: &[u8]) -> Result<(), Rejection> {
    let value = match single_header(headers, name) {
        Ok(Some(value)) => value,
        Ok(None) => {
            return Err(Rejection::MissingCredentials {
                header: name.as_str().to_owned(),
            });
        }
        Err(()) => {
            return Err(Rejection::MalformedCredentials {
                header: name.as_str().to_owned(),
                reason: "header sent more than once",
            });
        }
    };
    if bool::from(digest_eq(value.as_bytes(), key)) {
        Ok(())
    } else {
        Err(Rejection::WrongCredentials)
    }
}

fn verify_hmac(
    headers: &HeaderMap,
    name: &HeaderName,
    secret: &[u8],
    body: &[u8],
) -> Result<(), Rejection> {
    let malformed = |reason| Rejection::MalformedSignature { reason };
    let value = match single_header(headers, name) {
        Ok(Some(value)) => value,
        Ok(None) => return Err(Rejection::MissingSignature),
        Err(()) => return Err(malformed("header sent more than once")),
    };
    let text = value
        .to_str()
        .map_err(|_| malformed("not visible ASCII"))?
        .trim();
    let hex = match text.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("sha256=") => &text[7..],
        _ => text,
    };
    let presented = decode_sha256_hex(hex).map_err(malformed)?;

    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(secret) else {
        // HMAC accepts keys of any length; this cannot happen.
        return Err(Rejection::BadSignature);
    };
    mac.update(body);
    let expected = mac.finalize().into_bytes();
    if bool::from(presented.as_slice().ct_eq(expected.as_slice())) {
        Ok(())
    } else {
        Err(Rejection::BadSignature)
    }
}

/// Decode 64 hex digits (either case) into 32 bytes.
fn decode_sha256_hex(hex: &str) -> Result<[u8; 32], &'static str> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let bytes = hex.as_bytes();
    if bytes.iter().any(|&c| nibble(c).is_none()) {
        return Err("signature is not hexadecimal");
    }
    if bytes.len() != SHA256_HEX_LEN {
        return Err("signature is not 64 hex digits (a SHA-256 HMAC)");
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let (Some(hi), Some(lo)) = (nibble(pair[0]), nibble(pair[1])) else {
            return Err("signature is not hexadecimal");
        };
        *byte = (hi << 4) | lo;
    }
    Ok(out)
}
