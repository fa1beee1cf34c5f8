//! Serde models of the Pazarama API, field names exactly as Pazarama sends them.

mod catalog;
mod catalog_ops;
mod category;
mod commercial;
mod envelope;
mod finance;
pub mod guid;
mod listing;
mod orders;
mod product;
mod questions;
mod refunds;

pub use catalog::{Brand, BrandQuery};
pub use catalog_ops::{
    CatalogProduct, CatalogSearchRequest, CatalogSearchResult, PageResponse, QuickAddProduct,
    QuickAddRequest, QuickAddResult, SaleLimitRequest, SaleStatus, SaleStatusOutcome,
    SaleStatusResult, VatRateItem, VatRateUpdateRequest,
};
pub(crate) use catalog_ops::{SaleStatusItem, SaleStatusRequest};
pub use category::{
    AttributeValue, CargoCompany, Category, CategoryAttribute, CategoryWithAttributes, City,
    DeliveryOption, SellerDelivery, SellerDeliveryPreferences,
};
pub use commercial::{
    CommercialTemplate, CommercialTemplateList, CommercialTemplateRequest, CommercialType,
    ProductCommercialUpdate,
};
pub use envelope::Envelope;
pub use finance::*;
pub(crate) use listing::ListingStateResponse;
pub use listing::{
    ListingOperationStatus, ListingState, ListingStatePage, ListingStateQuery, PriceItem,
    PriceOutcome, PriceUpdateRequest, StockItem, StockOutcome, StockUpdateRequest,
};
pub use orders::*;
pub(crate) use product::ProductDetailRequest;
pub use product::{
    BatchErrors, CreateProductsRequest, CreateProductsResult, NamedAttribute, NewProduct,
    ProductAttribute, ProductBatchItem, ProductBatchResult, ProductBatchStatus,
    ProductCommercialAdditionalInfo, ProductCommercialRef, ProductDeliveryType, ProductDetail,
    ProductImage, ProductQuery, ProductState, ProductSummary,
};
pub use questions::*;
pub use refunds::*;
