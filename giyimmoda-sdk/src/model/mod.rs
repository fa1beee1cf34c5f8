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
mod reports;
mod reviews;
mod uploads;

pub use account::{
    Address, AddressInput, Profile, ProfileUpdate, Shop, ShopUpdate, ShopVerification,
};
pub use catalog::Brand;
pub use coupons::{Coupon, CouponType, CouponUpdate, DiscountType, NewCoupon};
pub use customers::{Customer, CustomerDetail, CustomerOrder};
pub use digital::{
    DigitalDownload, DigitalProduct, DigitalProductUpdate, DownloadLink, NewDigitalProduct,
};
pub use envelope::{Envelope, ListPage, Pagination, PerPage};
pub use finance::{CommissionRecord, NewWithdrawRequest, Payment, WithdrawRequest};
pub use listing::ListQuery;
pub use messaging::{
    Conversation, ConversationDetail, Message, NewTicket, Notification, ProductQuery, Ticket,
    TicketDetail, TicketReply,
};
pub use reports::{
    CommissionReport, Dashboard, GroupBy, ProductPerformance, ProductReport, ProductReportQuery,
    Report, ReportPeriod, SalesReport, SalesReportQuery, SalesRow,
};
pub use reviews::Review;
pub use uploads::{FileUpload, Upload};
