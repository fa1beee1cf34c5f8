//! Believable Turkish seed data: a fashion seller's catalogue, 30 orders over the last
//! 45 days, refund requests and product questions.

use chrono::{DateTime, TimeDelta, Utc};
use marketplace_core::codec::datetime::ISTANBUL;
use rust_decimal::Decimal;

use super::state::{ProductRec, State};
use crate::model::{
    Approval, Brand, Category, DeliveryStatus, Order, OrderCustomer, OrderDetail, PaymentStatus,
    PaymentType, Product, ProductQuestion, ProductUnit, Profile, RefundCustomer, RefundOrder,
    RefundOrderDetail, RefundProduct, RefundRequest,
};

/// Stock record ids are the product id plus this.
pub(crate) const STOCK_ID_BASE: u64 = 500_000;

/// The seller id every record belongs to.
pub(crate) const SELLER_ID: u64 = 10;

pub(crate) fn categories() -> Vec<Category> {
    let c = |id: u64, name: &str, parent: Option<u64>, slug: &str, rate: i64| Category {
        id,
        name: name.to_owned(),
        parent_id: Some(parent.unwrap_or(0)),
        level: Some(u32::from(parent.is_some())),
        slug: Some(slug.to_owned()),
        commission_rate: Some(Decimal::new(rate, 1)),
        children: Vec::new(),
    };
    vec![
        c(1, "Kadın Giyim", None, "kadin-giyim", 150),
        c(2, "Erkek Giyim", None, "erkek-giyim", 150),
        c(149, "Elbise", Some(1), "elbise", 170),
        c(150, "Bluz", Some(1), "bluz", 170),
        c(151, "Etek", Some(1), "etek", 170),
        c(152, "Gömlek", Some(2), "gomlek", 160),
        c(153, "Pantolon", Some(2), "pantolon", 160),
        c(154, "Aksesuar", None, "aksesuar", 200),
    ]
}

pub(crate) fn brands() -> Vec<Brand> {
    [
        (5, "Koton", "koton"),
        (6, "LC Waikiki", "lc-waikiki"),
        (7, "Mavi", "mavi"),
        (8, "DeFacto", "defacto"),
        (9, "Colin's", "colins"),
    ]
    .into_iter()
    .map(|(id, name, slug)| Brand {
        id,
        name: name.to_owned(),
        logo: Some(format!(
            "https://www.giyimmoda.com.tr/uploads/brands/{slug}.png"
        )),
        slug: Some(slug.to_owned()),
    })
    .collect()
}

pub(crate) fn profile(now: DateTime<Utc>) -> Profile {
    let mut extra = serde_json::Map::new();
    extra.insert("user_type".into(), "seller".into());
    extra.insert("shop_name".into(), "Moda Butik Tekstil".into());
    Profile {
        id: SELLER_ID,
        name: Some("Moda Butik Tekstil".to_owned()),
        email: Some(super::Sandbox::EMAIL.to_owned()),
        phone: Some("05321234567".to_owned()),
        avatar: None,
        created_at: Some(now - TimeDelta::days(400)),
        extra,
    }
}

fn money(units: i64, cents: u32) -> Decimal {
    Decimal::new(units * 100 + i64::from(cents), 2)
}

struct ProductSpec {
    name: &'static str,
    category: u64,
    brand: u64,
    price: Decimal,
    stock: i64,
    published: bool,
    sku: &'static str,
}

fn product_specs() -> Vec<ProductSpec> {
    let p = |name, category, brand, price, stock, published, sku| ProductSpec {
        name,
        category,
        brand,
        price,
        stock,
        published,
        sku,
    };
    vec![
        p(
            "Çiçek Desenli Midi Elbise",
            149,
            5,
            money(449, 99),
            42,
            true,
            "GM-ELB-001",
        ),
        p(
            "Keten Gömlek Elbise",
            149,
            7,
            money(599, 90),
            18,
            true,
            "GM-ELB-002",
        ),
        p("Saten Bluz", 150, 6, money(279, 99), 3, true, "GM-BLZ-001"),
        p(
            "Basic Pamuklu Bluz",
            150,
            8,
            money(149, 99),
            120,
            true,
            "GM-BLZ-002",
        ),
        p(
            "Pileli Midi Etek",
            151,
            5,
            money(329, 99),
            0,
            true,
            "GM-ETK-001",
        ),
        p(
            "Slim Fit Oxford Gömlek",
            152,
            9,
            money(389, 90),
            55,
            true,
            "GM-GML-001",
        ),
        p(
            "Regular Fit Keten Gömlek",
            152,
            7,
            money(459, 90),
            7,
            true,
            "GM-GML-002",
        ),
        p(
            "Slim Fit Jean Pantolon",
            153,
            7,
            money(899, 90),
            64,
            true,
            "GM-PNT-001",
        ),
        p(
            "Chino Pantolon",
            153,
            8,
            money(499, 99),
            25,
            false,
            "GM-PNT-002",
        ),
        p(
            "Hakiki Deri Kemer",
            154,
            9,
            money(249, 90),
            33,
            true,
            "GM-AKS-001",
        ),
    ]
}

/// The first 140 characters, the document's default `meta_description`.
pub(crate) fn meta_description(description: &str) -> String {
    description.chars().take(140).collect()
}

/// URL slug: the name in ASCII, dashed, plus a timestamp (as the document says).
pub(crate) fn slug(name: &str, now: DateTime<Utc>) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            'ç' | 'Ç' => 'c',
            'ğ' | 'Ğ' => 'g',
            'ı' | 'I' | 'İ' | 'i' => 'i',
            'ö' | 'Ö' => 'o',
            'ş' | 'Ş' => 's',
            'ü' | 'Ü' => 'u',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let dashed = folded
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{dashed}-{}", now.timestamp())
}

/// Store `product` (id assigned here) with its stock record; returns the id.
pub(crate) fn insert_product(state: &mut State, mut product: Product) -> u64 {
    let id = state.next();
    let stock_id = STOCK_ID_BASE + id;
    product.id = id;
    if product.sku.is_none() {
        product.sku = Some(format!("GM-{id}"));
    }
    state.products.insert(id, ProductRec { product, stock_id });
    id
}

fn seed_products(state: &mut State, now: DateTime<Utc>) {
    for (i, spec) in product_specs().into_iter().enumerate() {
        let n = i + 1;
        let description = format!(
            "{} — %100 kalite kumaş, Türkiye'de üretilmiştir. Makinede 30 derecede yıkanabilir.",
            spec.name
        );
        let created = now - TimeDelta::days(90 - 5 * i64::try_from(i).unwrap_or(0));
        let product = Product {
            id: 0,
            name: Some(spec.name.to_owned()),
            description: Some(description.clone()),
            category_id: Some(spec.category),
            brand_id: Some(spec.brand),
            unit_price: Some(spec.price),
            current_stock: Some(spec.stock),
            sku: Some(spec.sku.to_owned()),
            barcode: Some(format!("86900000{n:05}")),
            delivery_time: Some(2),
            unit: Some(ProductUnit::Adet),
            weight: Some(Decimal::new(5, 1)),
            tax_rate: Some(Decimal::from(20)),
            refundable: Some(true),
            published: Some(spec.published),
            digital: Some(false),
            slug: Some(slug(spec.name, created)),
            thumbnail_img: Some(format!(
                "https://www.giyimmoda.com.tr/uploads/all/{}-thumb.jpg",
                spec.sku.to_ascii_lowercase()
            )),
            photos: Some(format!(
                "https://www.giyimmoda.com.tr/uploads/all/{0}-1.jpg,https://www.giyimmoda.com.tr/uploads/all/{0}-2.jpg",
                spec.sku.to_ascii_lowercase()
            )),
            meta_title: Some(spec.name.to_owned()),
            meta_description: Some(meta_description(&description)),
            created_at: Some(created),
            updated_at: Some(created),
        };
        insert_product(state, product);
    }
}

const CUSTOMERS: &[(&str, &str, &str, &str)] = &[
    (
        "Ahmet Yılmaz",
        "ahmet.yilmaz@example.com",
        "05551234567",
        "İstanbul",
    ),
    (
        "Ayşe Demir",
        "ayse.demir@example.com",
        "05329876543",
        "Ankara",
    ),
    (
        "Mehmet Kaya",
        "mehmet.kaya@example.com",
        "05441112233",
        "İzmir",
    ),
    (
        "Zeynep Çelik",
        "zeynep.celik@example.com",
        "05367778899",
        "Bursa",
    ),
    (
        "Emre Şahin",
        "emre.sahin@example.com",
        "05053334455",
        "Antalya",
    ),
    (
        "Elif Öztürk",
        "elif.ozturk@example.com",
        "05426665544",
        "Eskişehir",
    ),
    (
        "Burak Arslan",
        "burak.arslan@example.com",
        "05312223344",
        "Konya",
    ),
    (
        "Selin Aydın",
        "selin.aydin@example.com",
        "05559990011",
        "Kocaeli",
    ),
];

/// The order code the real API generates: `Ymd-His` (Istanbul) plus two digits.
fn order_code(at: DateTime<Utc>, n: u64) -> String {
    format!(
        "{}{:02}",
        at.with_timezone(&ISTANBUL).format("%Y%m%d-%H%M%S"),
        n % 100
    )
}

/// A line for `quantity` of `product` with the document's computed columns: price
/// (tax included), tax (20 %), shipping (free over 500 TL).
pub(crate) fn order_line(
    state: &mut State,
    product_id: u64,
    quantity: u32,
    status: &DeliveryStatus,
) -> OrderDetail {
    let unit = state
        .products
        .get(&product_id)
        .and_then(|p| p.product.unit_price)
        .unwrap_or_else(|| money(199, 90));
    let price = (unit * Decimal::from(quantity)).round_dp(2);
    let tax = (price * Decimal::from(20) / Decimal::from(120)).round_dp(2);
    OrderDetail {
        id: Some(state.next()),
        product_id: Some(product_id),
        variation: Some(String::new()),
        quantity: Some(quantity),
        price: Some(price),
        tax: Some(tax),
        shipping_cost: Some(Decimal::ZERO),
        delivery_status: Some(status.clone()),
    }
}

/// Build and store an order from lines; returns its id.
pub(crate) fn insert_order(
    state: &mut State,
    at: DateTime<Utc>,
    customer: (u64, &str, &str, &str),
    address: serde_json::Value,
    payment_type: PaymentType,
    status: DeliveryStatus,
    mut lines: Vec<OrderDetail>,
) -> u64 {
    let id = state.next();
    let subtotal: Decimal = lines.iter().filter_map(|l| l.price).sum();
    let shipping = if subtotal >= Decimal::from(500) {
        Decimal::ZERO
    } else {
        money(39, 90)
    };
    if let Some(first) = lines.first_mut() {
        first.shipping_cost = Some(shipping);
    }
    let paid = match (&payment_type, &status) {
        (PaymentType::CashOnDelivery, DeliveryStatus::Delivered) => PaymentStatus::Paid,
        (PaymentType::CashOnDelivery | PaymentType::BankPayment, _) => PaymentStatus::Unpaid,
        _ => PaymentStatus::Paid,
    };
    let (customer_id, name, email, phone) = customer;
    let order = Order {
        id,
        code: Some(order_code(at, id)),
        date: Some(at),
        customer: Some(OrderCustomer {
            id: Some(customer_id),
            name: Some(name.to_owned()),
            email: Some(email.to_owned()),
            phone: Some(phone.to_owned()),
        }),
        payment_type: Some(payment_type),
        payment_status: Some(paid),
        delivery_status: Some(status),
        grand_total: Some(subtotal + shipping),
        tracking_code: None,
        shipping_address: Some(address),
        additional_info: None,
        order_details: lines,
        invoice_url: None,
    };
    state.orders.insert(id, order);
    id
}

/// One order dated `at` in `status` for a seeded customer (product: the given one or a
/// seeded one); returns its id.
pub(crate) fn add_order(
    state: &mut State,
    at: DateTime<Utc>,
    status: DeliveryStatus,
    product: Option<u64>,
) -> u64 {
    let n = state.orders.len();
    let (name, email, phone, city) = CUSTOMERS[n % CUSTOMERS.len()];
    let product_ids: Vec<u64> = state.products.keys().copied().collect();
    let first = product.or_else(|| product_ids.get(n % product_ids.len().max(1)).copied());
    let mut lines = Vec::new();
    if let Some(pid) = first {
        lines.push(order_line(state, pid, 1, &status));
    }
    if n % 3 == 0 && product.is_none() {
        if let Some(pid) = product_ids.get((n + 3) % product_ids.len().max(1)) {
            lines.push(order_line(state, *pid, 2, &status));
        }
    }
    let payment = match n % 4 {
        0 => PaymentType::Iyzico,
        1 => PaymentType::CashOnDelivery,
        2 => PaymentType::Iyzico,
        _ => PaymentType::BankPayment,
    };
    let customer_id = 40 + u64::try_from(n % CUSTOMERS.len()).unwrap_or(0);
    let address = serde_json::json!({
        "name": name,
        "email": email,
        "phone": phone,
        "address": format!("Atatürk Cad. No:{}", 10 + n),
        "city": city,
        "country": "Türkiye",
        "postal_code": "34000",
    });
    let shipped = matches!(
        status,
        DeliveryStatus::PickedUp | DeliveryStatus::OnTheWay | DeliveryStatus::Delivered
    );
    let id = insert_order(
        state,
        at,
        (customer_id, name, email, phone),
        address,
        payment,
        status,
        lines,
    );
    if shipped {
        if let Some(order) = state.orders.get_mut(&id) {
            order.tracking_code = Some(format!("YK{id:010}"));
        }
    }
    id
}

fn seed_orders(state: &mut State, now: DateTime<Utc>) {
    for i in 0..30i64 {
        // Spread over the last 45 days, newest first, at varying times of day.
        let at = now - TimeDelta::minutes(i * 36 * 60 + 95 + (i * 137) % 600);
        let status = match i {
            0..=3 => DeliveryStatus::Pending,
            6 => DeliveryStatus::Cancelled,
            4..=8 => DeliveryStatus::Confirmed,
            9..=11 => DeliveryStatus::PickedUp,
            12..=14 => DeliveryStatus::OnTheWay,
            15..=25 => DeliveryStatus::Delivered,
            _ => DeliveryStatus::Cancelled,
        };
        add_order(state, at, status, None);
    }
}

const REASONS: &[&str] = &[
    "Ürün hasarlı geldi",
    "Beden küçük geldi",
    "Renk fotoğraftakinden farklı",
    "Yanlış ürün gönderildi",
    "Kumaş kalitesi beklentimi karşılamadı",
];

pub(crate) fn approval_text(a: &Approval) -> String {
    match a {
        Approval::Pending => "Bekliyor",
        Approval::Approved => "Onaylandı",
        Approval::Rejected => "Reddedildi",
        Approval::Unknown(_) => "Bilinmiyor",
    }
    .to_owned()
}

/// A refund request (with its own delivered order, ten days old) in `approval`; returns
/// its id.
pub(crate) fn add_refund(state: &mut State, now: DateTime<Utc>, approval: Approval) -> u64 {
    let order_id = add_order(
        state,
        now - TimeDelta::days(10),
        DeliveryStatus::Delivered,
        None,
    );
    let Some(order) = state.orders.get(&order_id).cloned() else {
        return 0;
    };
    let line = order.order_details.first().cloned();
    let product = line
        .as_ref()
        .and_then(|l| l.product_id)
        .and_then(|pid| state.products.get(&pid))
        .map(|p| p.product.clone());
    let id = state.next();
    let n = usize::try_from(id).unwrap_or(0);
    let amount = line
        .as_ref()
        .map(|l| l.price.unwrap_or_default() + l.shipping_cost.unwrap_or_default())
        .unwrap_or_default();
    let customer = order.customer.clone();
    let created =
        now - TimeDelta::days(2) + TimeDelta::minutes(i64::try_from(n % 600).unwrap_or(0));
    let rejection_reason = (approval == Approval::Rejected)
        .then(|| "Ürün kullanılmış durumda, iade kabul edilemez".to_owned());
    let refund = RefundRequest {
        id,
        order_id: Some(order_id),
        order_code: order.code.clone(),
        order_detail_id: line.as_ref().and_then(|l| l.id),
        seller_id: Some(SELLER_ID),
        customer: customer.map(|c| RefundCustomer {
            id: c.id,
            name: c.name,
            email: c.email,
            phone: c.phone,
        }),
        product: product.as_ref().map(|p| RefundProduct {
            id: Some(p.id),
            name: p.name.clone(),
            thumbnail: p.thumbnail_img.clone(),
            sku: p.sku.clone(),
        }),
        reason: Some(REASONS[n % REASONS.len()].to_owned()),
        refund_amount: Some(amount),
        refund_type: Some("individual".to_owned()),
        refund_type_text: Some("Bireysel".to_owned()),
        seller_approval_text: Some(approval_text(&approval)),
        seller_approval: Some(approval),
        admin_approval: Some(Approval::Pending),
        admin_approval_text: Some(approval_text(&Approval::Pending)),
        refund_status: Some(Approval::Pending),
        refund_status_text: Some(approval_text(&Approval::Pending)),
        rejection_reason,
        order_detail: line.as_ref().map(|l| RefundOrderDetail {
            id: l.id,
            variation: l.variation.clone(),
            quantity: l.quantity,
            price: l.price,
            tax: l.tax,
            shipping_cost: l.shipping_cost,
        }),
        order: Some(RefundOrder {
            id: Some(order.id),
            code: order.code.clone(),
            date: order.date,
            payment_status: order.payment_status.clone(),
            delivery_status: order.delivery_status,
        }),
        created_at: Some(created),
        updated_at: Some(created),
    };
    state.refunds.insert(id, refund);
    id
}

const QUESTIONS: &[&str] = &[
    "Bu ürünün kumaşı pamuklu mu?",
    "38 beden kalıbı dar mı, bir beden büyük mü almalıyım?",
    "Ürün ne zaman kargoya verilir?",
    "Makinede yıkanabilir mi?",
    "Boy uzunluğu kaç santim?",
];

/// A product question, answered when `reply` is given; returns its id.
pub(crate) fn add_question(state: &mut State, now: DateTime<Utc>, reply: Option<&str>) -> u64 {
    let id = state.next();
    let n = usize::try_from(id).unwrap_or(0);
    let product_ids: Vec<u64> = state.products.keys().copied().collect();
    let product_id = product_ids.get(n % product_ids.len().max(1)).copied();
    let product_name = product_id
        .and_then(|pid| state.products.get(&pid))
        .and_then(|p| p.product.name.clone());
    let (customer, ..) = CUSTOMERS[n % CUSTOMERS.len()];
    let mut extra = serde_json::Map::new();
    extra.insert("product_name".into(), product_name.into());
    extra.insert("customer_name".into(), customer.into());
    extra.insert(
        "status".into(),
        if reply.is_some() {
            "answered"
        } else {
            "pending"
        }
        .into(),
    );
    let question = ProductQuestion {
        id,
        product_id,
        customer_id: Some(40 + u64::try_from(n % CUSTOMERS.len()).unwrap_or(0)),
        question: Some(QUESTIONS[n % QUESTIONS.len()].to_owned()),
        reply: reply.map(str::to_owned),
        created_at: Some(now - TimeDelta::hours(i64::try_from(n % 72).unwrap_or(0) + 1)),
        extra,
    };
    state.questions.insert(id, question);
    id
}

/// The whole seed: products, orders, refund requests, questions.
pub(crate) fn seed(state: &mut State, now: DateTime<Utc>) {
    seed_products(state, now);
    seed_orders(state, now);
    for approval in [
        Approval::Pending,
        Approval::Pending,
        Approval::Pending,
        Approval::Approved,
        Approval::Rejected,
    ] {
        add_refund(state, now, approval);
    }
    for reply in [
        None,
        None,
        None,
        Some("Merhaba, ürünümüz %100 pamukludur."),
        Some("Siparişleriniz 1-2 iş günü içinde kargoya verilir."),
    ] {
        add_question(state, now, reply);
    }
}
