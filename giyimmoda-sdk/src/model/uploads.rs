//! Uploaded files (`uploads`).
//!
//! The API document lists the upload endpoints without samples; the field names of
//! [`Upload`] are the `uploads` columns the document names in the invoice upload section
//! (`file_name`, `file_original_name`, `extension`, `type`, `file_size`, `user_id`).
//! Other fields are kept in `extra`. The multipart field name of `POST uploads` is not
//! documented; [`FileUpload`] defaults it to `file`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

type Extra = serde_json::Map<String, serde_json::Value>;

/// An uploaded file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    /// Upload id (what product/invoice fields refer to).
    #[serde(with = "marketplace_core::codec::lenient::int")]
    pub id: u64,
    /// Storage path, e.g. `uploads/all/x.pdf`.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub file_name: Option<String>,
    /// The name the file was uploaded with.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub file_original_name: Option<String>,
    /// Extension, e.g. `pdf`.
    #[serde(default, with = "marketplace_core::codec::lenient::string::option")]
    pub extension: Option<String>,
    /// Kind (`type`: `image`, `document`, `invoice`, …).
    #[serde(
        rename = "type",
        default,
        with = "marketplace_core::codec::lenient::string::option"
    )]
    pub upload_type: Option<String>,
    /// Size in bytes.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub file_size: Option<u64>,
    /// Owner.
    #[serde(default, with = "marketplace_core::codec::lenient::int::option")]
    pub user_id: Option<u64>,
    /// Upload time.
    #[serde(default, with = "marketplace_core::codec::datetime::option")]
    pub created_at: Option<DateTime<Utc>>,
    /// Every other field of the answer (a public URL, for instance).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A file to send with `POST uploads` (multipart). `file_name` and `data` must not be
/// empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileUpload {
    /// Multipart field name (default `file`; not documented).
    pub field: String,
    /// File name sent with the part.
    pub file_name: String,
    /// MIME type, e.g. `image/jpeg`.
    pub content_type: String,
    /// The file's bytes.
    pub data: Vec<u8>,
}

impl FileUpload {
    /// A file under the default field name `file`.
    pub fn new(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Vec<u8>>,
    ) -> Self {
        FileUpload {
            field: "file".to_owned(),
            file_name: file_name.into(),
            content_type: content_type.into(),
            data: data.into(),
        }
    }

    /// Send the file under another multipart field name.
    #[must_use]
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }
}
