//! Serde models of the Giyim Moda API, field names exactly as Giyim Moda sends them.

mod catalog;
mod envelope;

pub use catalog::Brand;
pub use envelope::{Envelope, ListPage, Pagination, PerPage};
