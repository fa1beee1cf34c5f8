//! Brands, categories, cities and the finance report.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::Query;
use axum::response::Response;
use rust_decimal::Decimal;
use uuid::{Uuid, uuid};

use super::{Sb, bad_request, decode, num_param, ok, page_of, param};
use crate::model::{
    AttributeValue, CategoryAttribute, CategoryWithAttributes, PaymentAgreement,
    PaymentAgreementQuery,
};
use crate::sandbox::seed::{COLOR_ATTRIBUTE_ID, COLOR_VALUE_IDS};

pub(crate) async fn brands(
    axum::extract::State(shared): Sb,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let page = match num_param(&query, "Page", 1) {
        Ok(p) => p.max(1),
        Err(r) => return r,
    };
    let size = match num_param(&query, "Size", 10) {
        Ok(s) => s.max(1),
        Err(r) => return r,
    };
    let name = param(&query, "name")
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty());
    let state = shared.lock();
    let found: Vec<_> = state
        .brands
        .iter()
        .filter(|b| {
            name.as_ref()
                .is_none_or(|n| b.name.to_lowercase().contains(n))
        })
        .cloned()
        .collect();
    ok(page_of(&found, page, size))
}

pub(crate) async fn category_tree(axum::extract::State(shared): Sb) -> Response {
    ok(shared.lock().categories.clone())
}

pub(crate) async fn category_with_attributes(
    axum::extract::State(shared): Sb,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(text) = param(&query, "Id").map(str::trim).filter(|i| !i.is_empty()) else {
        return bad_request("Id zorunludur.");
    };
    let Ok(id) = Uuid::parse_str(text) else {
        return bad_request(format!("{text} geçerli bir kategori kimliği değil."));
    };
    let state = shared.lock();
    let Some(category) = state.categories.iter().find(|c| c.id == id) else {
        return bad_request(format!("{id} kategorisi bulunamadı."));
    };
    let attribute =
        |id: Uuid, name: &str, variant: bool, values: &[(Uuid, &str)]| CategoryAttribute {
            id,
            name: name.to_owned(),
            display_name: Some(name.to_owned()),
            is_variantable: variant,
            is_required: true,
            description: None,
            attribute_values: values
                .iter()
                .map(|(id, value)| AttributeValue {
                    id: *id,
                    value: Some((*value).to_owned()),
                })
                .collect(),
        };
    let attributes = if category.leaf {
        vec![
            attribute(
                COLOR_ATTRIBUTE_ID,
                "Renk",
                true,
                &[(COLOR_VALUE_IDS[0], "Beyaz"), (COLOR_VALUE_IDS[1], "Siyah")],
            ),
            attribute(
                uuid!("f2a74f71-5cc2-4ed7-a9d9-3874a9e94cb6"),
                "Garanti Süresi",
                false,
                &[(uuid!("e25fbf44-bb65-452f-8b5f-819ad019076d"), "2 Yıl")],
            ),
        ]
    } else {
        Vec::new()
    };
    ok(CategoryWithAttributes {
        id: category.id,
        name: category.name.clone(),
        display_name: category.display_name.clone(),
        description: category.description.clone(),
        attributes,
    })
}

pub(crate) async fn cities(axum::extract::State(shared): Sb) -> Response {
    ok(shared.lock().cities.clone())
}

pub(crate) async fn payment_agreement(axum::extract::State(shared): Sb, body: Bytes) -> Response {
    let query: PaymentAgreementQuery = match decode(&body) {
        Ok(q) => q,
        Err(r) => return r,
    };
    if query.end_date < query.start_date {
        return bad_request("endDate startDate'ten önce olamaz.");
    }
    let state = shared.lock();
    let list: Vec<_> = state
        .transactions
        .iter()
        .filter(|t| {
            t.transaction_date
                .is_some_and(|d| query.start_date <= d && d <= query.end_date)
        })
        .filter(|t| {
            query
                .order_id
                .as_ref()
                .is_none_or(|id| t.order_id.as_ref() == Some(id))
        })
        .cloned()
        .collect();
    let sum = |f: fn(&crate::model::Transaction) -> Option<Decimal>| {
        list.iter().filter_map(f).sum::<Decimal>()
    };
    ok(PaymentAgreement {
        total_amount: Some(sum(|t| t.amount)),
        total_commission: Some(sum(|t| t.commission_amount)),
        total_allowance: Some(sum(|t| t.allowance_amount)),
        transaction_list: list,
    })
}
