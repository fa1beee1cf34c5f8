//! Serde models of the Giyim Moda API, field names exactly as Giyim Moda sends them.

mod catalog;
mod envelope;
mod order;
mod product;
mod refund;
mod stock;
mod webhook;

pub use catalog::{Brand, Category};
pub use envelope::{Envelope, ListPage, Pagination, PerPage};
pub use order::{
    DeliveryStatus, InvoiceUpload, NewOrder, NewOrderCustomer, NewOrderItem, Order, OrderCustomer,
    OrderDetail, OrderQuery, OrderStatusUpdate, PaymentStatus, PaymentType,
};
pub(crate) use product::ProductsBody;
pub use product::{
    BulkCreateResult, BulkItemOutcome, BulkUpdateResult, DownloadedFile, ExportLink, ImportResult,
    ItemFieldError, NewProduct, Product, ProductBulkUpdateItem, ProductQuery, ProductStatus,
    ProductUnit, ProductUpdate,
};
pub(crate) use refund::RefundRejection;
pub use refund::{
    Approval, RefundCustomer, RefundFilter, RefundOrder, RefundOrderDetail, RefundProduct,
    RefundQuery, RefundRequest,
};
pub use stock::{PriceUpdate, ProductStocks, Stock, StockQuery, StockUpdate};
pub(crate) use stock::{PricesBody, QtyBody, StocksBody, UnitPriceBody};
pub use webhook::{NewWebhook, Webhook, WebhookEvent, WebhookUpdate};
