//! Client-side rule checks shared by the endpoint groups: each returns
//! `Error::InvalidInput` naming the field, before anything is sent.

use chrono::{DateTime, TimeDelta, Utc};

use crate::{Error, Result};

/// `items` must hold between 1 and `max` entries.
pub(crate) fn item_count<T>(field: &str, items: &[T], max: usize) -> Result<()> {
    if items.is_empty() {
        return Err(Error::invalid_input(
            field,
            "must contain at least one item",
        ));
    }
    if items.len() > max {
        return Err(Error::invalid_input(
            field,
            format!("at most {max} items per request, got {}", items.len()),
        ));
    }
    Ok(())
}

/// `value` must not be blank and must be at most `max` characters.
pub(crate) fn text(field: &str, value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(
            field,
            "is required and must not be empty",
        ));
    }
    max_len(field, value, max)
}

/// `value` must be at most `max` characters (characters, not bytes: Turkish letters count once).
pub(crate) fn max_len(field: &str, value: &str, max: usize) -> Result<()> {
    let len = value.chars().count();
    if len > max {
        return Err(Error::invalid_input(
            field,
            format!("at most {max} characters, got {len}"),
        ));
    }
    Ok(())
}

/// Optional text: when present, at most `max` characters.
pub(crate) fn opt_max_len(field: &str, value: Option<&str>, max: usize) -> Result<()> {
    value.map_or(Ok(()), |v| max_len(field, v, max))
}

/// Page size must be between 1 and `max`.
pub(crate) fn page_size(field: &str, size: Option<u32>, max: u32) -> Result<()> {
    match size {
        Some(0) => Err(Error::invalid_input(field, "must be at least 1")),
        Some(s) if s > max => Err(Error::invalid_input(
            field,
            format!("at most {max}, got {s}"),
        )),
        _ => Ok(()),
    }
}

/// A date range must not run backwards and, when `max_span` is given, not exceed it.
pub(crate) fn date_range(
    field: &str,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    max_span: Option<TimeDelta>,
) -> Result<()> {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            return Err(Error::invalid_input(field, "end date is before start date"));
        }
        if let Some(max) = max_span {
            if end - start > max {
                return Err(Error::invalid_input(
                    field,
                    format!(
                        "range is longer than the {} days one request may cover; use the stream method, which splits it",
                        max.num_days()
                    ),
                ));
            }
        }
    }
    Ok(())
}
