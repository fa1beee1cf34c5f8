//! Address lookups (reference §2.16, `/integration/member/...`).
//!
//! Gotcha: the path parameters called "code" in the docs take the **internal `id`** of the
//! parent entry (Adana is `{id: 100, code: "1"}`; pass `100`).

use marketplace_core::http::Request;

use crate::model::orders::Location;
use crate::{Client, Result};

impl Client {
    /// Address lookups: countries, cities, districts, neighbourhoods (reference §2.16).
    pub fn locations(&self) -> Locations<'_> {
        Locations { client: self }
    }
}

/// The address lookup group; see [`Client::locations`].
#[derive(Debug, Clone, Copy)]
pub struct Locations<'a> {
    client: &'a Client,
}

impl Locations<'_> {
    async fn get(&self, req: Request) -> Result<Vec<Location>> {
        self.client.transport().execute(req).await
    }

    /// `GET /integration/member/countries`.
    pub async fn countries(&self) -> Result<Vec<Location>> {
        self.get(Request::get("/integration/member/countries"))
            .await
    }

    /// `GET /integration/member/countries/domestic/TR/cities`.
    pub async fn tr_cities(&self) -> Result<Vec<Location>> {
        self.get(Request::get(
            "/integration/member/countries/domestic/TR/cities",
        ))
        .await
    }

    /// `GET /integration/member/countries/domestic/TR/cities/{cityId}/districts`.
    pub async fn tr_districts(&self, city_id: i64) -> Result<Vec<Location>> {
        self.get(
            Request::get("/integration/member/countries/domestic/TR/cities/{cityId}/districts")
                .path_param("cityId", city_id),
        )
        .await
    }

    /// `GET /integration/member/countries/domestic/TR/cities/{cityId}/districts/{districtId}/neighborhoods`.
    pub async fn tr_neighborhoods(&self, city_id: i64, district_id: i64) -> Result<Vec<Location>> {
        self.get(
            Request::get(
                "/integration/member/countries/domestic/TR/cities/{cityId}/districts/{districtId}/neighborhoods",
            )
            .path_param("cityId", city_id)
            .path_param("districtId", district_id),
        )
        .await
    }

    /// `GET /integration/member/countries/domestic/AZ/cities`.
    pub async fn az_cities(&self) -> Result<Vec<Location>> {
        self.get(Request::get(
            "/integration/member/countries/domestic/AZ/cities",
        ))
        .await
    }

    /// `GET /integration/member/countries/domestic/AZ/cities/{cityId}/districts`.
    pub async fn az_districts(&self, city_id: i64) -> Result<Vec<Location>> {
        self.get(
            Request::get("/integration/member/countries/domestic/AZ/cities/{cityId}/districts")
                .path_param("cityId", city_id),
        )
        .await
    }

    /// `GET /integration/member/countries/{countryCode}/cities` (Gulf / CEE).
    pub async fn cities(&self, country_code: &str) -> Result<Vec<Location>> {
        self.get(
            Request::get("/integration/member/countries/{countryCode}/cities")
                .path_param("countryCode", country_code),
        )
        .await
    }

    /// `GET /integration/member/countries/{countryCode}/cities/{cityId}/districts` (Gulf).
    pub async fn districts(&self, country_code: &str, city_id: i64) -> Result<Vec<Location>> {
        self.get(
            Request::get("/integration/member/countries/{countryCode}/cities/{cityId}/districts")
                .path_param("countryCode", country_code)
                .path_param("cityId", city_id),
        )
        .await
    }
}
