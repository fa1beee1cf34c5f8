//! Seed data: believable Turkish reference data, products, orders, refunds, questions and
//! finance records, built from the crate's own model types.

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use uuid::{Uuid, uuid};

use super::state::{State, tl};
use crate::model::{
    Address, Amount, Brand, Cargo, Category, City, DeliveryType, InvoiceType, NewProduct, Order,
    OrderItem, OrderItemStatus, OrderProduct, PaymentType, ProductAttribute, ProductImage,
    ProductState, Question, QuestionStatus, Refund, RefundStatus, Transaction,
};

/// Brand ids the sandbox knows (`brand/getBrands`): Koton, Mavi, LC Waikiki, Arçelik,
/// Tat-bi Makarna.
pub const BRAND_IDS: [Uuid; 5] = [
    uuid!("1cea1866-b916-4f4f-bdbe-08db68d6a026"),
    uuid!("2f7b1c8e-4a1d-4c6f-9a3e-08db68d6a027"),
    uuid!("3a9e4d21-7b2c-4e8f-8d1a-08db68d6a028"),
    uuid!("4b1d6e32-8c3d-4f90-9e2b-08db68d6a029"),
    uuid!("5c2e7f43-9d4e-4a01-af3c-08db68d6a02a"),
];

const BRAND_NAMES: [&str; 5] = ["Koton", "Mavi", "LC Waikiki", "Arçelik", "Tat-bi Makarna"];

/// Leaf category ids the sandbox knows (`category/getCategoryTree`): Kadın Tişört, Erkek
/// Kot Pantolon, Çamaşır Makinesi, Makarna. Their parents (not leaves) refuse products.
pub const CATEGORY_IDS: [Uuid; 4] = [
    uuid!("8ddbf6c0-d95b-42ed-ab42-a75e5ba03a12"),
    uuid!("9eecf7d1-e06c-43fe-bc53-b86f6cb04b23"),
    uuid!("af0d08e2-f17d-4401-8d64-c97a7dc15c34"),
    uuid!("b01e19f3-0281-4512-9e75-d08b8ed26d45"),
];

const CATEGORY_NAMES: [&str; 4] = [
    "Kadın Tişört",
    "Erkek Kot Pantolon",
    "Çamaşır Makinesi",
    "Makarna",
];

const PARENT_CATEGORIES: [(Uuid, &str); 3] = [
    (uuid!("00b8be55-5ec1-46fd-97d9-1f70cfed5a12"), "Giyim"),
    (uuid!("11c9cf66-6fd2-47fe-a8ea-2a81d0fe6b23"), "Elektronik"),
    (uuid!("22dad077-70e3-4a0f-b9fb-3b92e10f7c34"), "Süpermarket"),
];

/// Id of the "Renk" (colour) attribute of every leaf category
/// (`category/getCategoryWithAttributes`).
pub const COLOR_ATTRIBUTE_ID: Uuid = uuid!("08b2020b-e519-405f-85e2-1fd712104097");

/// Value ids of the colour attribute: Beyaz, Siyah.
pub const COLOR_VALUE_IDS: [Uuid; 2] = [
    uuid!("5097b54e-0be9-49de-bef2-abe721c1c90b"),
    uuid!("6108c65f-1cfa-4ae0-8cf3-bcf832d2d01c"),
];

/// Carrier id used by seeded shipments (Yurtiçi Kargo).
pub const CARGO_COMPANY_ID: Uuid = uuid!("7b5567ff-abe7-487e-5c79-08d8e480366a");

const CITIES: [(&str, &str); 8] = [
    ("34", "İstanbul"),
    ("06", "Ankara"),
    ("35", "İzmir"),
    ("16", "Bursa"),
    ("07", "Antalya"),
    ("01", "Adana"),
    ("42", "Konya"),
    ("61", "Trabzon"),
];

/// (barcode, name, brand index, category index, list price in kuruş, stock)
const PRODUCTS: [(&str, &str, usize, usize, i64, u32); 10] = [
    (
        "8683670274616",
        "Basic Bisiklet Yaka Tişört Beyaz",
        0,
        0,
        19_999,
        40,
    ),
    (
        "8683670274623",
        "Basic Bisiklet Yaka Tişört Siyah",
        0,
        0,
        19_999,
        25,
    ),
    ("8683670279192", "Oversize Baskılı Tişört", 2, 0, 14_999, 60),
    (
        "5707055046711",
        "Jake Slim Fit Kot Pantolon",
        1,
        1,
        89_999,
        12,
    ),
    (
        "5707055046728",
        "Marcus Regular Kot Pantolon",
        1,
        1,
        79_999,
        0,
    ),
    (
        "ESSN218",
        "9 kg 1200 Devir Çamaşır Makinesi",
        3,
        2,
        1_899_900,
        3,
    ),
    (
        "ESSN219",
        "8 kg 1000 Devir Çamaşır Makinesi",
        3,
        2,
        1_549_900,
        5,
    ),
    ("8690000100017", "Burgu Makarna 500 g", 4, 3, 2_450, 300),
    ("8690000100024", "Spagetti Makarna 500 g", 4, 3, 2_450, 250),
    ("8690000100031", "Kelebek Makarna 500 g", 4, 3, 2_650, 180),
];

const CUSTOMERS: [(&str, &str, &str); 8] = [
    ("Ayşe Yılmaz", "İstanbul", "Kadıköy"),
    ("Mehmet Demir", "Ankara", "Çankaya"),
    ("Elif Kaya", "İzmir", "Karşıyaka"),
    ("Mustafa Şahin", "Bursa", "Nilüfer"),
    ("Zeynep Çelik", "Antalya", "Muratpaşa"),
    ("Ahmet Öztürk", "Adana", "Seyhan"),
    ("Fatma Arslan", "Konya", "Selçuklu"),
    ("Emre Koç", "Trabzon", "Ortahisar"),
];

/// A product the sandbox accepts: seeded brand and leaf category, one image, barcode
/// and stock code `code`.
pub fn sample_product(code: &str) -> NewProduct {
    NewProduct {
        name: format!("Sandbox Ürün {code}"),
        display_name: format!("Sandbox Ürün {code} — %100 Pamuk"),
        description: "<p>%100 pamuklu, rahat kesim.</p>".to_owned(),
        brand_id: BRAND_IDS[0],
        desi: 1,
        code: code.to_owned(),
        group_code: format!("GRP-{code}"),
        stock_code: code.to_owned(),
        stock_count: 10,
        list_price: tl(24_999),
        sale_price: tl(19_999),
        product_sale_limit_quantity: None,
        currency_type: Some("TRY".to_owned()),
        vat_rate: 10,
        images: vec![ProductImage::new(format!(
            "https://cdn.pazarama.com/sandbox/{code}.jpg"
        ))],
        category_id: CATEGORY_IDS[0],
        attributes: vec![ProductAttribute::new(
            COLOR_ATTRIBUTE_ID,
            COLOR_VALUE_IDS[0],
        )],
        delivery_types: Vec::new(),
        product_commercial_additional_info: None,
        product_commercials: Vec::new(),
    }
}

/// Fill `state` with reference data and (when `full`) everything else, relative to `now`.
pub(crate) fn seed(state: &mut State, full: bool, now: DateTime<Utc>) {
    state.seeded_at = now;
    state.brands = BRAND_IDS
        .iter()
        .zip(BRAND_NAMES)
        .map(|(id, name)| Brand {
            id: *id,
            name: name.to_owned(),
            logo_url: Some(String::new()),
            website: Some(String::new()),
            status: Some(true),
            seo_name: Some(name.to_lowercase().replace(' ', "-")),
        })
        .collect();
    state.categories = categories();
    state.cities = CITIES
        .iter()
        .enumerate()
        .map(|(i, (code, name))| City {
            id: Uuid::from_u128(0xc17e_0000_0000_4000_8000_0000_0000_0000 + i as u128),
            code: Some((*code).to_owned()),
            name: (*name).to_owned(),
        })
        .collect();
    if !full {
        return;
    }
    for (code, name, brand, category, list, stock) in PRODUCTS {
        let mut p = sample_product(code);
        p.name = name.to_owned();
        p.display_name = name.to_owned();
        p.description = format!("<p>{name}</p>");
        p.brand_id = BRAND_IDS[brand];
        p.category_id = CATEGORY_IDS[category];
        p.list_price = tl(list);
        p.sale_price = tl(list);
        p.stock_count = stock;
        p.group_code = format!("GRP-{}", &code[..code.len().min(6)]);
        p.vat_rate = if category == 3 { 1 } else { 20 };
        state.add_product(p, ProductState::Approved);
    }
    // ~30 orders over the last 45 days, the older ones further along the flow.
    let statuses = [
        OrderItemStatus::Delivered,
        OrderItemStatus::Delivered,
        OrderItemStatus::Shipped,
        OrderItemStatus::Delivered,
        OrderItemStatus::Cancelled,
        OrderItemStatus::Preparing,
        OrderItemStatus::Undelivered,
        OrderItemStatus::Shipped,
        OrderItemStatus::Unsupplied,
        OrderItemStatus::Received,
    ];
    for i in 0..30_i64 {
        let at = now - TimeDelta::hours(45 * 24 - i * 36 - 5);
        let age_days = (now - at).num_days();
        let status = if age_days < 3 {
            if i % 2 == 0 {
                OrderItemStatus::Received
            } else {
                OrderItemStatus::Preparing
            }
        } else {
            statuses[usize::try_from(i).unwrap_or(0) % statuses.len()]
        };
        let lines = if i % 7 == 3 { 2 } else { 1 };
        let quantity = if i % 5 == 2 { 2 } else { 1 };
        let order = order(state, at, status, lines, quantity);
        if status == OrderItemStatus::Delivered {
            state.transactions.extend(transactions(&order, at));
        }
        state.orders.push(order);
    }
    for i in 0..3_i64 {
        state.add_refund(now - TimeDelta::days(3 - i));
    }
    for i in 0..2_i64 {
        state.add_cancellation(now - TimeDelta::hours(20 - 8 * i));
    }
    for i in 0..3_i64 {
        state.add_question(now - TimeDelta::hours(30 - 9 * i));
    }
}

fn categories() -> Vec<Category> {
    let mut out: Vec<Category> = PARENT_CATEGORIES
        .iter()
        .map(|(id, name)| Category {
            id: *id,
            parent_id: None,
            code: None,
            parent_categories: vec![(*name).to_owned()],
            name: (*name).to_owned(),
            display_name: Some((*name).to_owned()),
            display_order: Some(0),
            description: Some(String::new()),
            leaf: false,
        })
        .collect();
    let parents = [0, 0, 1, 2];
    for ((id, name), parent) in CATEGORY_IDS.iter().zip(CATEGORY_NAMES).zip(parents) {
        let (parent_id, parent_name) = PARENT_CATEGORIES[parent];
        out.push(Category {
            id: *id,
            parent_id: Some(parent_id),
            code: None,
            parent_categories: vec![parent_name.to_owned(), name.to_owned()],
            name: name.to_owned(),
            display_name: Some(name.to_owned()),
            display_order: Some(1),
            description: Some(String::new()),
            leaf: true,
        });
    }
    out
}

/// Pazarama's money object for `value`.
pub(crate) fn amount(value: Decimal) -> Amount {
    let text = format!("{value:.2}").replace('.', ",");
    let (whole, fraction) = text.split_once(',').unwrap_or((text.as_str(), "00"));
    Amount {
        value,
        currency: Some("TL".to_owned()),
        value_int: (value * Decimal::from(100)).trunc().try_into().ok(),
        value_string: Some(format!("{text} TL")),
        whole_part_string: Some(whole.to_owned()),
        fraction_part_string: Some(fraction.to_owned()),
        decimal_separator: Some(",".to_owned()),
    }
}

/// A new order placed at `at` with `lines` items of `quantity` units, all in `status`.
pub(crate) fn order(
    state: &mut State,
    at: DateTime<Utc>,
    status: OrderItemStatus,
    lines: usize,
    quantity: u32,
) -> Order {
    let number = state.next();
    let order_id = state.next_id(0x0de);
    let k = usize::try_from(number % 8).unwrap_or(0);
    let (customer, city, district) = CUSTOMERS[k];
    let address = Address {
        address_id: Some(state.next_id(0xadd)),
        title: Some("Ev Adresim".to_owned()),
        name_surname: Some(customer.to_owned()),
        customer_email: Some(format!("musteri{k}@example.com")),
        city_name: Some(city.to_owned()),
        district_name: Some(district.to_owned()),
        neighborhood_name: Some("Merkez Mah.".to_owned()),
        address_detail: Some(format!("Atatürk Cad. No:{}", k + 1)),
        display_address_text: Some(format!(
            "Atatürk Cad. No:{} Merkez Mah. {district}/{city}",
            k + 1
        )),
        phone_number: Some(format!("5{k}21234567")),
        identity_number: Some("11111111110".to_owned()),
        invoice_type: Some(InvoiceType::Individual),
        company_name: None,
        tax_number: None,
        tax_office: None,
        is_e_invoice_obliged: Some(false),
    };
    let mut items = Vec::new();
    let mut total = Decimal::ZERO;
    for line in 0..lines {
        let idx = usize::try_from(number).unwrap_or(0).wrapping_add(line * 3) % PRODUCTS.len();
        let (code, name, _, _, list, _) = PRODUCTS[idx];
        let unit = tl(list);
        let line_total = unit * Decimal::from(quantity);
        total += line_total;
        let shipped = matches!(
            status,
            OrderItemStatus::Shipped
                | OrderItemStatus::Delivered
                | OrderItemStatus::Undelivered
                | OrderItemStatus::ReturnRequested
        );
        items.push(OrderItem {
            order_item_id: state.next_id(0x17e),
            order_item_status: status,
            shipment_code: Some(format!("PZ{number}{line}")),
            shipment_cost: Some(amount(tl(3_499))),
            delivery_type: Some(DeliveryType::Cargo),
            delivery_detail: None,
            quantity,
            list_price: Some(amount(unit)),
            sale_price: Some(amount(unit)),
            tax_amount: Some(amount(
                (line_total * Decimal::new(20, 2) / Decimal::new(120, 2)).round_dp(2),
            )),
            shipment_amount: Some(amount(Decimal::ZERO)),
            total_price: Some(amount(line_total)),
            discount_amount: Some(amount(Decimal::ZERO)),
            discount_description: None,
            tax_included: Some(true),
            cargo: shipped.then(|| Cargo {
                company_name: Some("Yurtiçi Kargo".to_owned()),
                tracking_number: Some(marketplace_core::codec::Id::from(format!(
                    "16155980{number}"
                ))),
                tracking_url: Some("https://www.yurticikargo.com/".to_owned()),
            }),
            product: Some(OrderProduct {
                product_id: Some(Uuid::from_u128(
                    0x9d00_0000_0000_4000_8000_0000_0000_0000 + idx as u128,
                )),
                name: Some(name.to_owned()),
                title: Some(name.to_owned()),
                url: Some(name.to_lowercase().replace(' ', "-")),
                image_url: Some(format!("https://cdn.pazarama.com/sandbox/{code}.jpg")),
                variant_option_display: None,
                stock_code: Some(code.to_owned()),
                code: Some(code.to_owned()),
                vat_rate: Some(Decimal::from(20)),
            }),
            seller_address_id: None,
        });
    }
    Order {
        order_id,
        order_number: number,
        order_date: Some(at),
        order_amount: Some(total),
        shipment_amount: Some(Decimal::ZERO),
        discount_amount: Some(Decimal::ZERO),
        discount_description: None,
        currency: Some("TL".to_owned()),
        payment_type: Some(PaymentType::Card),
        order_status: Some(status),
        customer_id: Some(state.next_id(0xc05)),
        customer_name: Some(customer.to_owned()),
        customer_email: address.customer_email.clone(),
        shipment_address: Some(address.clone()),
        billing_address: Some(address),
        items,
        seller_address_id: None,
    }
}

/// A refund request (status 1) for the first item of `order`, made at `at`.
pub(crate) fn refund(state: &mut State, order: &Order, at: DateTime<Utc>) -> Refund {
    let refund_id = state.next_id(0x8ef);
    let refund_number = state.next();
    let item = order.items.first();
    let product = item.and_then(|i| i.product.clone()).unwrap_or_default();
    let address = order.shipment_address.clone().unwrap_or_default();
    let reasons = [
        "Beden uymadı",
        "Ürün hasarlı geldi",
        "Yanlış ürün gönderildi",
    ];
    let reason = reasons[usize::try_from(refund_number % 3).unwrap_or(0)];
    Refund {
        id: Some(i64::try_from(state.refunds.len() + 1).unwrap_or(i64::MAX)),
        refund_id,
        order_number: Some(order.order_number),
        order_date: order.order_date,
        refund_number: Some(refund_number),
        refund_type: Some(reason.to_owned()),
        refund_status: Some(RefundStatus::Pending),
        refund_status_name: Some("Onay Bekliyor".to_owned()),
        payment_type: Some("Banka/Kredi Kartı".to_owned()),
        refund_date: Some(at),
        total_amount: order.order_amount.map(amount),
        refund_amount: item.and_then(|i| i.total_price.clone()),
        customer_id: order.customer_id,
        customer_name: order.customer_name.clone(),
        customer_email: order.customer_email.clone(),
        customer_phone_number: address.phone_number.clone(),
        customer_address: address.display_address_text,
        product_name: product.name.clone(),
        product_code: product.code.clone(),
        product_stock_code: product.stock_code,
        shipment_company_name: Some("Yurtiçi Kargo".to_owned()),
        shipment_code: Some(marketplace_core::codec::Id::from(format!(
            "PZR{refund_number}"
        ))),
        description: Some(format!("{reason}, iade etmek istiyorum.")),
        bo_description: None,
        quantity: item.map(|i| i.quantity),
        order_item_id: item.map(|i| i.order_item_id),
    }
}

/// A question waiting for an answer, asked at `at`.
pub(crate) fn question(state: &mut State, at: DateTime<Utc>) -> Question {
    let texts = [
        "Merhaba, bu ürünün kumaşı pamuklu mu?",
        "Kargoya ne zaman verilir?",
        "L beden 1.80 boyundaki birine olur mu?",
        "Garanti süresi ne kadar?",
    ];
    let question_id = state.next_id(0x9a5);
    let n = usize::try_from(state.next_number).unwrap_or(0);
    let (code, name, brand, ..) = PRODUCTS[n % PRODUCTS.len()];
    Question {
        question_id,
        seller_id: Some(state.seller_id),
        product_name: Some(name.to_owned()),
        product_image_url: Some(format!("https://cdn.pazarama.com/sandbox/{code}.jpg")),
        barcode: Some(code.to_owned()),
        brand: Some(BRAND_NAMES[brand].to_owned()),
        masked_user_name: Some("M**** S****".to_owned()),
        question: Some(texts[n % texts.len()].to_owned()),
        question_date: Some(at),
        answer: None,
        answer_date: None,
        question_status: Some(QuestionStatus::AwaitingAnswer),
        topic_id: Some(Uuid::from_u128(0x7091_c000_0000_4000_8000_0000_0000_0001)),
    }
}

/// Sale transaction (commission 12%) and its payout for a delivered order.
fn transactions(order: &Order, at: DateTime<Utc>) -> Vec<Transaction> {
    let total = order.order_amount.unwrap_or_default();
    let commission = (total * Decimal::new(12, 2)).round_dp(2);
    let id = Uuid::from_u128(u128::from(order.order_number) | (0x7e0_u128 << 100));
    vec![Transaction {
        order_id: Some(marketplace_core::codec::Id::from(
            order.order_number.to_string(),
        )),
        trx_code: Some(format!("TRX{}", order.order_number)),
        trx_id: Some(id),
        amount: Some(total),
        installment_number: Some(1),
        commission_amount: Some(commission),
        coupon_discount: Some(Decimal::ZERO),
        allowance_amount: Some(total - commission),
        status: Some("Satış".to_owned()),
        transaction_date: Some(at),
        transferred_date: Some(at + TimeDelta::days(14)),
    }]
}
