//! Coupons: `client.coupons()`.

use chrono::NaiveDate;
use futures::Stream;
use marketplace_core::http::Request;
use rust_decimal::Decimal;

use super::listing;
use crate::model::{
    Coupon, CouponType, CouponUpdate, DiscountType, ListPage, ListQuery, NewCoupon,
};
use crate::{Client, Error, Result};

/// Coupon calls (`coupons`).
#[derive(Debug, Clone, Copy)]
pub struct Coupons<'a> {
    client: &'a Client,
}

impl Client {
    /// The seller's discount coupons.
    pub fn coupons(&self) -> Coupons<'_> {
        Coupons { client: self }
    }
}

/// The fields both create and update check, each optional.
struct Checked<'a> {
    coupon_type: Option<&'a CouponType>,
    code: Option<&'a str>,
    discount: Option<Decimal>,
    discount_type: Option<&'a DiscountType>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    min_buy: Option<Decimal>,
    max_discount: Option<Decimal>,
}

fn check(c: &Checked<'_>) -> Result<()> {
    if let Some(CouponType::Other(raw)) = c.coupon_type {
        return Err(Error::invalid_input(
            "type",
            format!("must be product_base, cart_base or welcome_base, got {raw:?}"),
        ));
    }
    if let Some(code) = c.code {
        listing::non_empty("code", code)?;
    }
    if let Some(discount) = c.discount {
        if discount <= Decimal::ZERO {
            return Err(Error::invalid_input(
                "discount",
                format!("must be greater than 0, got {discount}"),
            ));
        }
        if c.discount_type == Some(&DiscountType::Percent) && discount > Decimal::ONE_HUNDRED {
            return Err(Error::invalid_input(
                "discount",
                format!("a percentage must be at most 100, got {discount}"),
            ));
        }
    }
    if let (Some(start), Some(end)) = (c.start_date, c.end_date) {
        if end < start {
            return Err(Error::invalid_input(
                "end_date",
                format!("{end} is before start_date {start}"),
            ));
        }
    }
    for (field, value) in [("min_buy", c.min_buy), ("max_discount", c.max_discount)] {
        if value.is_some_and(|v| v < Decimal::ZERO) {
            return Err(Error::invalid_input(field, "must not be negative"));
        }
    }
    Ok(())
}

impl Coupons<'_> {
    /// One page of coupons (`GET coupons`; `per_page` may be [`PerPage::All`](crate::model::PerPage::All)).
    pub async fn list(&self, query: &ListQuery) -> Result<ListPage<Coupon>> {
        listing::list(self.client, Request::get("coupons"), query).await
    }

    /// Every coupon, page by page.
    pub fn stream(&self, query: &ListQuery) -> impl Stream<Item = Result<Coupon>> + '_ {
        listing::stream(self.client, query, || Request::get("coupons"))
    }

    /// One coupon (`GET coupons/{id}`).
    pub async fn get(&self, id: u64) -> Result<Coupon> {
        let request = Request::get("coupons/{id}").path_param("id", id);
        super::send(self.client, request, "coupon").await
    }

    /// Create a coupon (`POST coupons`), checked as described on [`NewCoupon`].
    pub async fn create(&self, coupon: &NewCoupon) -> Result<Coupon> {
        check(&Checked {
            coupon_type: Some(&coupon.coupon_type),
            code: Some(&coupon.code),
            discount: Some(coupon.discount),
            discount_type: Some(&coupon.discount_type),
            start_date: coupon.start_date,
            end_date: coupon.end_date,
            min_buy: coupon.min_buy,
            max_discount: coupon.max_discount,
        })?;
        if coupon.coupon_type == CouponType::ProductBase && coupon.product_ids.is_empty() {
            return Err(Error::invalid_input(
                "product_ids",
                "a product_base coupon needs at least one product",
            ));
        }
        let request = Request::post("coupons").json(coupon);
        super::send(self.client, request, "coupon").await
    }

    /// Change the fields set in `update` (`PUT coupons/{id}`), checked like a new
    /// coupon's; an empty update is rejected before sending.
    pub async fn update(&self, id: u64, update: &CouponUpdate) -> Result<Coupon> {
        if update.is_empty() {
            return Err(Error::invalid_input("coupon", "nothing to update"));
        }
        check(&Checked {
            coupon_type: update.coupon_type.as_ref(),
            code: update.code.as_deref(),
            discount: update.discount,
            discount_type: update.discount_type.as_ref(),
            start_date: update.start_date,
            end_date: update.end_date,
            min_buy: update.min_buy,
            max_discount: update.max_discount,
        })?;
        let request = Request::put("coupons/{id}")
            .path_param("id", id)
            .json(update);
        super::send(self.client, request, "coupon").await
    }

    /// Delete a coupon (`DELETE coupons/{id}`).
    pub async fn delete(&self, id: u64) -> Result<()> {
        let request = Request::delete("coupons/{id}").path_param("id", id);
        super::send_unit(self.client, request).await
    }
}
