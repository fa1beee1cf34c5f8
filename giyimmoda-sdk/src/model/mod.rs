//! Serde models of the Giyim Moda API, field names exactly as Giyim Moda sends them.

mod account;
mod catalog;
mod coupons;
mod customers;
mod digital;
mod envelope;
mod finance;
mod listing;
mod messaging;
mod order;
mod product;
mod refund;
mod reports;
mod reviews;
mod stock;
mod uploads;
mod webhook;

pub use account::{
    Address, AddressInput, Profile, ProfileUpdate, Shop, ShopUpdate, ShopVerification,
};
pub use catalog::{Brand, Category};
pub use coupons::{Coupon, CouponType, CouponUpdate, DiscountType, NewCoupon};
pub use customers::{Customer, CustomerDetail, CustomerOrder};
pub use digital::{
    DigitalDownload, DigitalProduct, DigitalProductUpdate, DownloadLink, NewDigitalProduct,
};
pub use envelope::{Envelope, ListPage, Pagination, PerPage};
pub use finance::{CommissionRecord, NewWithdrawRequest, Payment, WithdrawRequest};
pub use listing::ListQuery;
pub use messaging::{
    Conversation, ConversationDetail, Message, NewTicket, Notification, ProductQuestion, Ticket,
    TicketDetail, TicketReply,
};
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
pub use reports::{
    CommissionReport, Dashboard, GroupBy, ProductPerformance, ProductReport, ProductReportQuery,
    Report, ReportPeriod, SalesReport, SalesReportQuery, SalesRow,
};
pub use reviews::Review;
pub use stock::{PriceUpdate, ProductStocks, Stock, StockQuery, StockUpdate};
pub(crate) use stock::{PricesBody, QtyBody, StocksBody, UnitPriceBody};
pub use uploads::{FileUpload, Upload};
pub use webhook::{NewWebhook, Webhook, WebhookEvent, WebhookUpdate};
