//! Reference data: `profile`, `categories…`, `brands…` (minimal).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};

use super::Shared;
use super::http::{self, ApiError, ApiResult, Params};
use crate::model::{Category, ProfileUpdate};

/// `GET profile`.
pub(crate) async fn profile(State(shared): State<Arc<Shared>>) -> ApiResult {
    let profile = shared.lock().profile.clone();
    http::ok(None, profile)
}

/// `PUT profile`: the fields sent replace the stored ones.
pub(crate) async fn update_profile(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let update: ProfileUpdate = http::json(&body)?;
    if update.email.as_deref().is_some_and(|e| !e.contains('@')) {
        return Err(ApiError::field(
            "email",
            "The email field must be a valid email address.",
        ));
    }
    let profile = {
        let mut state = shared.lock();
        let p = &mut state.profile;
        if update.name.is_some() {
            p.name = update.name;
        }
        if update.email.is_some() {
            p.email = update.email;
        }
        if update.phone.is_some() {
            p.phone = update.phone;
        }
        if update.avatar.is_some() {
            p.avatar = update.avatar;
        }
        p.extra.extend(update.extra);
        p.clone()
    };
    http::ok(Some("Profil güncellendi"), profile)
}

/// `GET categories` (flat, paged).
pub(crate) async fn categories(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let items = shared.lock().categories.clone();
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET categories/tree`: roots with their `children`.
pub(crate) async fn category_tree(State(shared): State<Arc<Shared>>) -> ApiResult {
    let flat = shared.lock().categories.clone();
    fn children(flat: &[Category], parent: u64) -> Vec<Category> {
        flat.iter()
            .filter(|c| c.parent_id.unwrap_or(0) == parent && c.id != parent)
            .map(|c| Category {
                children: children(flat, c.id),
                ..c.clone()
            })
            .collect()
    }
    http::ok(None, children(&flat, 0))
}

/// `GET categories/{id}`.
pub(crate) async fn category(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> ApiResult {
    let id = http::id(&id, "Kategori")?;
    let category = shared
        .lock()
        .categories
        .iter()
        .find(|c| c.id == id)
        .cloned();
    http::ok(
        None,
        category.ok_or_else(|| ApiError::not_found("Kategori"))?,
    )
}

/// `GET brands` (paged).
pub(crate) async fn brands(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Params>,
) -> ApiResult {
    let items = shared.lock().brands.clone();
    let (items, pagination) = http::page(items, &params)?;
    http::list(items, pagination)
}

/// `GET brands/{id}`.
pub(crate) async fn brand(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> ApiResult {
    let id = http::id(&id, "Marka")?;
    let brand = shared.lock().brands.iter().find(|b| b.id == id).cloned();
    http::ok(None, brand.ok_or_else(|| ApiError::not_found("Marka"))?)
}
