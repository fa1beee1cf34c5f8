//! Serde helpers (placeholder until the full codec lands).

/// Decode a JSON body, naming the failing path.
pub fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> crate::Result<T> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| crate::Error::Decode {
        path: e.path().to_string(),
        message: e.inner().to_string(),
        body_snippet: crate::error::body_snippet(body),
    })
}
