//! Believable Turkish seed data: reference data (brands, categories, claim issue reasons),
//! ~10 products, ~30 packages over the last 45 days, claims, questions and finance
//! records — and the builders the inspection API uses to add more.

use chrono::{DateTime, TimeDelta, Utc};
use marketplace_core::codec::Id;
use rust_decimal::Decimal;
use serde_json::json;

use crate::model::claim::{
    Claim, ClaimIssueReason, ClaimItem, ClaimItemStatus, ClaimItemStatusRef, ClaimLine,
    ClaimOrderLine, ClaimReason,
};
use crate::model::finance::{FinancialRecord, PaymentOrder};
use crate::model::orders::{PackageStatus, ShipmentPackage};
use crate::model::product::{AttributeRef, Brand, Category, Image, ProductAttribute};
use crate::model::question::{Question, QuestionAnswer, QuestionStatus};

use super::state::{ProductRecord, State, days_ago, recompute_totals};

/// A catalogue entry: barcode, title, model code, brand, category, price (kuruş), colour, size.
struct Item {
    barcode: &'static str,
    title: &'static str,
    main_id: &'static str,
    brand: i64,
    category: i64,
    price_kurus: i64,
    color: &'static str,
    size: &'static str,
}

const CATALOGUE: [Item; 10] = [
    Item {
        barcode: "8680001000011",
        title: "Erkek Basic Bisiklet Yaka Tişört Beyaz",
        main_id: "TS-BASIC-01",
        brand: 1001,
        category: 411,
        price_kurus: 24990,
        color: "Beyaz",
        size: "M",
    },
    Item {
        barcode: "8680001000028",
        title: "Erkek Basic Bisiklet Yaka Tişört Siyah",
        main_id: "TS-BASIC-01",
        brand: 1001,
        category: 411,
        price_kurus: 24990,
        color: "Siyah",
        size: "L",
    },
    Item {
        barcode: "8680001000035",
        title: "Kadın Keten Oversize Gömlek Bej",
        main_id: "GM-KETEN-02",
        brand: 1002,
        category: 412,
        price_kurus: 59990,
        color: "Bej",
        size: "S",
    },
    Item {
        barcode: "8680001000042",
        title: "Unisex Yün Karışımlı Triko Kazak Lacivert",
        main_id: "KZ-TRIKO-03",
        brand: 1002,
        category: 413,
        price_kurus: 79990,
        color: "Lacivert",
        size: "M",
    },
    Item {
        barcode: "8680001000059",
        title: "Erkek Hafif Koşu Ayakkabısı Gri",
        main_id: "AY-KOSU-04",
        brand: 1004,
        category: 1172,
        price_kurus: 149990,
        color: "Gri",
        size: "42",
    },
    Item {
        barcode: "8680001000066",
        title: "Kadın Deri Bot Taba",
        main_id: "AY-BOT-05",
        brand: 1003,
        category: 1173,
        price_kurus: 229990,
        color: "Taba",
        size: "38",
    },
    Item {
        barcode: "8680001000073",
        title: "Hakiki Deri Omuz Çantası Siyah",
        main_id: "CN-OMUZ-06",
        brand: 1003,
        category: 1211,
        price_kurus: 119990,
        color: "Siyah",
        size: "Tek Ebat",
    },
    Item {
        barcode: "8680001000080",
        title: "Hakiki Deri Kartlık Cüzdan Kahverengi",
        main_id: "CZ-KART-07",
        brand: 1003,
        category: 1212,
        price_kurus: 34990,
        color: "Kahverengi",
        size: "Tek Ebat",
    },
    Item {
        barcode: "8680001000097",
        title: "Çocuk Pamuklu Eşofman Altı Gri Melanj",
        main_id: "ES-COCUK-08",
        brand: 1004,
        category: 414,
        price_kurus: 27990,
        color: "Gri Melanj",
        size: "7-8 Yaş",
    },
    Item {
        barcode: "8680001000103",
        title: "Kadın Spor Sneaker Beyaz",
        main_id: "AY-SNK-09",
        brand: 1004,
        category: 1172,
        price_kurus: 99990,
        color: "Beyaz",
        size: "39",
    },
];

const CUSTOMERS: [(&str, &str); 10] = [
    ("Ayşe", "Yılmaz"),
    ("Mehmet", "Kaya"),
    ("Zeynep", "Demir"),
    ("Ahmet", "Şahin"),
    ("Elif", "Çelik"),
    ("Mustafa", "Yıldız"),
    ("Fatma", "Aydın"),
    ("Emre", "Öztürk"),
    ("Merve", "Arslan"),
    ("Burak", "Doğan"),
];

const PLACES: [(&str, i64, &str, &str); 6] = [
    (
        "İstanbul",
        34,
        "Kadıköy",
        "Caferağa Mah. Moda Cad. No:12 D:4",
    ),
    (
        "Ankara",
        6,
        "Çankaya",
        "Kızılay Mah. Atatürk Blv. No:45 D:7",
    ),
    (
        "İzmir",
        35,
        "Karşıyaka",
        "Bostanlı Mah. Cemal Gürsel Cad. No:210 D:3",
    ),
    ("Bursa", 16, "Nilüfer", "Özlüce Mah. Kırlangıç Sk. No:8 D:2"),
    (
        "Antalya",
        7,
        "Muratpaşa",
        "Lara Mah. Tekelioğlu Cad. No:33 D:9",
    ),
    (
        "Eskişehir",
        26,
        "Tepebaşı",
        "Hoşnudiye Mah. İsmet İnönü Cad. No:61 D:5",
    ),
];

/// Attribute ids the seeded categories use.
pub(crate) const COLOR_ATTRIBUTE: i64 = 47;
/// Size attribute id.
pub(crate) const SIZE_ATTRIBUTE: i64 = 338;

impl State {
    /// Reference data every sandbox has (also with `seed: false`).
    pub(crate) fn seed_reference(&mut self) {
        self.brands = [
            (1001, "Anadolu Moda"),
            (1002, "Boğaziçi Tekstil"),
            (1003, "Kapadokya Deri"),
            (1004, "Ege Spor"),
            (1005, "Karadeniz Örgü"),
        ]
        .into_iter()
        .map(|(id, name)| Brand {
            id,
            name: name.to_owned(),
            luxe: None,
        })
        .collect();
        let leaf = |id: i64, name: &str, parent: i64| Category {
            id,
            name: name.to_owned(),
            parent_id: Some(parent),
            sub_categories: Vec::new(),
        };
        let node = |id: i64, name: &str, children: Vec<Category>| Category {
            id,
            name: name.to_owned(),
            parent_id: None,
            sub_categories: children,
        };
        self.categories = vec![
            node(
                400,
                "Giyim",
                vec![
                    leaf(411, "Tişört", 400),
                    leaf(412, "Gömlek", 400),
                    leaf(413, "Kazak", 400),
                    leaf(414, "Eşofman Altı", 400),
                ],
            ),
            node(
                1100,
                "Ayakkabı",
                vec![leaf(1172, "Spor Ayakkabı", 1100), leaf(1173, "Bot", 1100)],
            ),
            node(
                1200,
                "Aksesuar",
                vec![leaf(1211, "Çanta", 1200), leaf(1212, "Cüzdan", 1200)],
            ),
        ];
        self.issue_reasons = [
            (1651, "Ürün iade şartlarına uygun değil"),
            (451, "İade edilen ürün bize ulaşmadı"),
            (2077, "Kişiye özel üretilmiş ürün"),
            (2078, "Ürün kusursuz, müşteri memnuniyeti için kabul"),
            (
                2079,
                "Ürün doğru gönderildi; iade edilen ürün eksik/hasarlı/farklı",
            ),
            (51, "İade gelen ürün kullanılmış"),
            (2101, "İade gelen ürün farklı"),
        ]
        .into_iter()
        .map(|(id, name)| ClaimIssueReason {
            id,
            name: Some(name.to_owned()),
        })
        .collect();
    }

    /// Everything else: products, packages, claims, questions, finance.
    pub(crate) fn seed_demo(&mut self) {
        let created = days_ago(120);
        for (i, item) in CATALOGUE.iter().enumerate() {
            let content_id = 1_239_000_000 + 1 + catalogue_content_index(item.main_id);
            self.products.insert(
                item.barcode.to_owned(),
                ProductRecord {
                    barcode: item.barcode.to_owned(),
                    content_id,
                    variant_id: 70_000_001 + i as u64,
                    title: item.title.to_owned(),
                    product_main_id: item.main_id.to_owned(),
                    brand_id: item.brand,
                    category_id: item.category,
                    description: format!(
                        "{} — %100 orijinal, Türkiye'de üretilmiştir.",
                        item.title
                    ),
                    stock_code: Some(format!("STK-{}", &item.barcode[8..])),
                    quantity: 25 + 10 * (i as i64 % 4),
                    sale_price: Decimal::new(item.price_kurus, 2),
                    list_price: Decimal::new(item.price_kurus + item.price_kurus / 5, 2),
                    vat_rate: 20,
                    images: vec![Image::new(format!(
                        "https://cdn.sandbox.example/urun/{}.jpg",
                        item.barcode
                    ))],
                    attributes: vec![
                        ProductAttribute {
                            attribute_id: COLOR_ATTRIBUTE,
                            attribute_name: Some("Renk".into()),
                            attribute_value: Some(item.color.to_owned()),
                            ..ProductAttribute::default()
                        },
                        ProductAttribute {
                            attribute_id: SIZE_ATTRIBUTE,
                            attribute_name: Some("Beden".into()),
                            attribute_value: Some(item.size.to_owned()),
                            ..ProductAttribute::default()
                        },
                    ],
                    archived: false,
                    created,
                    modified: created,
                    stock_modified: Some(days_ago(3)),
                },
            );
        }
        self.next_content_id = 1_239_000_100;

        // ~30 packages over the last 45 days: older ones are further along.
        let mut delivered = Vec::new();
        for i in 0..30u32 {
            let age_hours = i64::from(i) * 36 + 5;
            let status = match i {
                0..=3 => PackageStatus::Created,
                4 => PackageStatus::Awaiting,
                5..=6 => PackageStatus::Picking,
                7..=8 => PackageStatus::Invoiced,
                9..=12 => PackageStatus::Shipped,
                13 | 21 => PackageStatus::Cancelled,
                14 => PackageStatus::UnDelivered,
                27 => PackageStatus::Returned,
                _ => PackageStatus::Delivered,
            };
            let at = Utc::now() - TimeDelta::hours(age_hours);
            let id = self.add_package(&status, at, i as usize);
            if status == PackageStatus::Delivered {
                delivered.push(id);
            }
        }

        // Claims: three waiting for the seller, one accepted, one on its way back.
        let mut claim_sources = delivered.into_iter().rev();
        for status in [
            ClaimItemStatus::WaitingInAction,
            ClaimItemStatus::WaitingInAction,
            ClaimItemStatus::WaitingInAction,
            ClaimItemStatus::Accepted,
            ClaimItemStatus::Created,
        ] {
            let source = claim_sources.next();
            self.add_claim(&status, source);
        }

        // Questions: three waiting, two answered.
        for i in 0..5usize {
            self.add_question(i, i >= 3);
        }

        self.seed_finance();
    }

    /// A new package in `status`, ordered at `order_date`, with one or two catalogue lines
    /// chosen by `variant`. Returns its id.
    pub(crate) fn add_package(
        &mut self,
        status: &PackageStatus,
        order_date: DateTime<Utc>,
        variant: usize,
    ) -> u64 {
        let id = self.next_package_id;
        self.next_package_id += 1;
        let number = self.next_order_number;
        self.next_order_number += 1;
        let (first, last) = CUSTOMERS[variant % CUSTOMERS.len()];
        let (city, city_code, district, street) = PLACES[variant % PLACES.len()];
        let mut lines = Vec::new();
        let picks: Vec<usize> = if variant % 3 == 0 {
            vec![variant % CATALOGUE.len(), (variant + 3) % CATALOGUE.len()]
        } else {
            vec![variant % CATALOGUE.len()]
        };
        for (n, pick) in picks.into_iter().enumerate() {
            let item = &CATALOGUE[pick];
            let line_id = self.next_line_id;
            self.next_line_id += 1;
            let qty = 1 + u32::try_from((variant + n) % 2).unwrap_or(0);
            let price = Decimal::new(item.price_kurus, 2);
            lines.push(json!({
                "lineId": line_id,
                "quantity": qty,
                "barcode": item.barcode,
                "stockCode": format!("STK-{}", &item.barcode[8..]),
                "productName": format!("{}, {}", item.title, item.size),
                "contentId": 1_239_000_001 + catalogue_content_index(item.main_id),
                "sellerId": self.seller_id,
                "productOrigin": "TR",
                "productSize": item.size,
                "productColor": item.color,
                "lineUnitPrice": price,
                "lineSellerDiscount": 0,
                "lineTyDiscount": 0,
                "lineTotalDiscount": 0,
                "vatRate": 20,
                "commission": 15,
                "currencyCode": "TRY",
                "discountDetails": [{"lineItemPrice": price, "lineItemSellerDiscount": 0, "lineItemTyDiscount": 0}],
                "orderLineItemStatusName": status.as_str(),
                "productCategoryId": item.category,
                "businessUnit": "Giyim",
                "cancelledBy": "",
                "cancelReason": "",
                "cancelReasonCode": 0,
                "fastDeliveryOptions": []
            }));
        }
        let chain = history_for(status);
        let histories: Vec<_> = chain
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let at = order_date + TimeDelta::hours(6 * k as i64);
                json!({"createdDate": at.timestamp_millis().min(Utc::now().timestamp_millis()), "status": s.as_str()})
            })
            .collect();
        let modified = self.stamp();
        let address = json!({
            "id": 12_000_000 + id % 1_000_000,
            "firstName": first, "lastName": last, "fullName": format!("{first} {last}"),
            "company": "", "address1": street, "address2": "",
            "city": city, "cityCode": city_code, "district": district, "districtId": 100 + city_code,
            "postalCode": format!("{city_code:02}000"), "countryCode": "TR",
            "neighborhood": street.split(' ').next().unwrap_or_default(),
            "phone": null,
            "fullAddress": format!("{street} {district} {city}")
        });
        let shipment_address = address.clone();
        let raw = json!({
            "shipmentPackageId": id,
            "orderNumber": number.to_string(),
            "orderDate": order_date.timestamp_millis(),
            "status": status.as_str(),
            "shipmentPackageStatus": status.as_str(),
            "packageSellerDiscount": 0, "packageTyDiscount": 0, "packageTotalDiscount": 0,
            "currencyCode": "TRY",
            "customerFirstName": first, "customerLastName": last,
            "customerId": 145_000_000 + variant as u64,
            "customerEmail": format!("pf+{}@trendyolmail.com", id % 100_000),
            "supplierId": self.seller_id,
            "channelId": 1,
            "cargoTrackingNumber": 7_280_027_500_000_000u64 + id % 1_000_000,
            "cargoSenderNumber": format!("2100{id}"),
            "cargoTrackingLink": format!("https://kargotakip.sandbox.example/?id={id}"),
            "cargoProviderName": "Trendyol Express Marketplace",
            "cargoDeci": 2,
            "shipmentNumber": 606_000_000 + id % 1_000_000,
        });
        let more = json!({
            "shipmentAddress": shipment_address,
            "invoiceAddress": address,
            "lines": lines,
            "packageHistories": histories,
            "deliveryType": "normal",
            "deliveryAddressType": "Shipment",
            "agreedDeliveryDate": (order_date + TimeDelta::days(2)).timestamp_millis(),
            "estimatedDeliveryStartDate": (order_date + TimeDelta::days(3)).timestamp_millis(),
            "estimatedDeliveryEndDate": (order_date + TimeDelta::days(5)).timestamp_millis(),
            "lastModifiedDate": modified.timestamp_millis(),
            "commercial": false, "micro": false, "fastDelivery": false,
            "giftBoxRequested": false, "3pByTrendyol": false, "containsDangerousProduct": false,
            "isCod": false, "is4P": false,
            "warehouseId": 372_389,
            "createdBy": "order-creation",
            "originPackageIds": null,
            "paymentMethod": if variant % 2 == 0 { "Kredi Kartı" } else { "Banka Kartı" }
        });
        let mut raw = raw;
        if let (Some(base), serde_json::Value::Object(rest)) = (raw.as_object_mut(), more) {
            base.extend(rest);
        }
        if let Ok(mut package) = serde_json::from_value::<ShipmentPackage>(raw) {
            recompute_totals(&mut package);
            self.packages.insert(id, package);
        }
        id
    }

    /// A claim whose items are in `status`, for package `source` (or a fresh delivered
    /// package). Returns the claim id.
    pub(crate) fn add_claim(&mut self, status: &ClaimItemStatus, source: Option<u64>) -> String {
        let package_id = source.unwrap_or_else(|| {
            let n = self.packages.len();
            self.add_package(&PackageStatus::Delivered, days_ago(9), n)
        });
        let Some(package) = self.packages.get(&package_id).cloned() else {
            return String::new();
        };
        let claim_id = uuid::Uuid::new_v4().to_string();
        let n = self.claims.len();
        let reasons = [
            ("Beden uymama", 23, "UNFIT"),
            ("Ürün beğenilmedi", 21, "DISLIKED"),
            ("Kusurlu ürün", 31, "DEFECTIVE"),
        ];
        let (reason, reason_id, code) = reasons[n % reasons.len()];
        let claim_reason = ClaimReason {
            name: Some(reason.to_owned()),
            external_reason_id: Some(reason_id),
            code: Some(code.to_owned()),
        };
        let items = package
            .lines
            .iter()
            .take(1)
            .map(|line| ClaimLine {
                order_line: ClaimOrderLine {
                    id: Some(line.line_id.clone()),
                    product_name: line.product_name.clone(),
                    barcode: line.barcode.clone(),
                    merchant_sku: line.stock_code.clone(),
                    product_color: line.product_color.clone(),
                    product_size: line.product_size.clone(),
                    price: line.line_unit_price,
                    vat_rate: line.vat_rate,
                },
                claim_items: (0..line.quantity.unwrap_or(1).min(2))
                    .map(|k| ClaimItem {
                        id: uuid::Uuid::new_v4().to_string(),
                        order_line_item_id: Some(Id::from(
                            29_800_000 + package_id % 100_000 + u64::from(k),
                        )),
                        customer_claim_item_reason: Some(claim_reason.clone()),
                        trendyol_claim_item_reason: Some(claim_reason.clone()),
                        claim_item_status: Some(ClaimItemStatusRef {
                            name: status.clone(),
                        }),
                        note: Some(String::new()),
                        customer_note: Some(
                            "Ürün beklediğim gibi değildi, iade etmek istiyorum.".into(),
                        ),
                        resolved: Some(matches!(
                            status,
                            ClaimItemStatus::Accepted | ClaimItemStatus::Rejected
                        )),
                        auto_accepted: Some(false),
                        accepted_by_seller: Some(*status == ClaimItemStatus::Accepted),
                        accept_detail: (*status == ClaimItemStatus::Accepted)
                            .then(|| "SUPPLIER".to_owned()),
                    })
                    .collect(),
            })
            .collect();
        let claim_date = Utc::now() - TimeDelta::days(2 + n as i64);
        self.claims.push(Claim {
            id: claim_id.clone(),
            claim_id: Some(claim_id.clone()),
            order_number: package.order_number.clone(),
            order_date: package.order_date,
            customer_first_name: package.customer_first_name.clone(),
            customer_last_name: package.customer_last_name.clone(),
            claim_date: Some(claim_date),
            cargo_tracking_number: Some(Id::from(
                7_260_000_000_000_000u64 + package_id % 1_000_000,
            )),
            cargo_sender_number: Some(Id::from(format!("81064{package_id}"))),
            cargo_provider_name: Some("Trendyol Express Marketplace".into()),
            order_shipment_package_id: Some(package.shipment_package_id.clone()),
            replacement_outbound_package_info: None,
            rejected_package_info: None,
            items,
            last_modified_date: Some(Utc::now()),
            order_outbound_package_id: Some(package.shipment_package_id),
            channel_id: Some(Id::from(1u64)),
        });
        claim_id
    }

    /// A question about catalogue item `variant`; answered or waiting. Returns its id.
    pub(crate) fn add_question(&mut self, variant: usize, answered: bool) -> u64 {
        let texts = [
            "Merhaba, bu ürünün kumaşı pamuklu mu? Yıkamada çeker mi?",
            "Beden tablosuna göre 1.80 boy 75 kilo için hangi bedeni önerirsiniz?",
            "Sipariş verirsem ne zaman kargoya verilir?",
            "Ürünün rengi fotoğraftaki gibi mi, daha koyu mu?",
            "Faturalı ve garantili mi gönderiyorsunuz?",
        ];
        let id = self.next_question_id;
        self.next_question_id += 1;
        let item = &CATALOGUE[variant % CATALOGUE.len()];
        let created = Utc::now() - TimeDelta::hours(5 + 11 * variant as i64);
        let answer = answered.then(|| {
            let answer_id = self.next_answer_id;
            self.next_answer_id += 1;
            QuestionAnswer {
                id: Some(Id::from(answer_id)),
                text: Some("Merhaba, ürünümüz %100 pamukludur ve aynı gün kargoya verilir. İyi günlerde kullanın.".into()),
                creation_date: Some(created + TimeDelta::hours(2)),
                has_private_info: Some(false),
            }
        });
        let (first, last) = CUSTOMERS[(variant + 3) % CUSTOMERS.len()];
        self.questions.insert(
            id,
            Question {
                id: Id::from(id),
                text: Some(texts[variant % texts.len()].to_owned()),
                customer_id: Some(Id::from(145_100_000 + variant as u64)),
                user_name: Some(format!(
                    "{}*** {}***",
                    first.chars().next().unwrap_or('*'),
                    last.chars().next().unwrap_or('*')
                )),
                show_user_name: Some(variant % 2 == 0),
                status: Some(if answered {
                    QuestionStatus::Answered
                } else {
                    QuestionStatus::WaitingForAnswer
                }),
                public: Some(true),
                product_main_id: Some(item.main_id.to_owned()),
                product_name: Some(item.title.to_owned()),
                image_url: Some(format!(
                    "https://cdn.sandbox.example/urun/{}.jpg",
                    item.barcode
                )),
                web_url: Some(format!(
                    "https://www.trendyol.com/sandbox/p-{}",
                    item.main_id
                )),
                creation_date: Some(created),
                answered_date_message: answered.then(|| "2 saat".to_owned()),
                answer,
                rejected_answer: None,
                rejected_date: None,
                reason: None,
                report_reason: None,
                reported_date: None,
            },
        );
        id
    }

    fn seed_finance(&mut self) {
        let mut n = 0u64;
        let mut record = |kind: &str,
                          at: DateTime<Utc>,
                          package: Option<&ShipmentPackage>,
                          debt: Decimal,
                          credit: Decimal,
                          description: &str| {
            n += 1;
            let commission = (credit * Decimal::new(15, 2)).round_dp(2);
            FinancialRecord {
                id: Id::from(format!("{}{:06}", at.format("%Y%m%d"), n)),
                transaction_date: Some(at),
                barcode: package
                    .and_then(|p| p.lines.first())
                    .and_then(|l| l.barcode.clone()),
                transaction_type: Some(kind.to_owned()),
                receipt_id: Some(Id::from(55_000_000 + n)),
                description: Some(description.to_owned()),
                debt: Some(debt),
                credit: Some(credit),
                payment_period: Some(28),
                commission_rate: (kind == "Sale").then(|| Decimal::new(15, 0)),
                commission_amount: (kind == "Sale").then_some(commission),
                commission_invoice_serial_number: None,
                seller_revenue: (kind == "Sale").then(|| credit - commission),
                order_number: package.and_then(|p| p.order_number.clone()),
                payment_order_id: Some(Id::from(9_100_001 + n % 3)),
                payment_date: Some(at + TimeDelta::days(28)),
                seller_id: None,
                store_id: None,
                store_name: None,
                store_address: None,
                country: Some("Türkiye".into()),
                order_date: package.and_then(|p| p.order_date),
                affiliate: Some("TRENDYOLTR".into()),
                shipment_package_id: package.map(|p| p.shipment_package_id.clone()),
                currency: Some("TRY".into()),
            }
        };
        let packages: Vec<ShipmentPackage> = self.packages.values().cloned().collect();
        let mut settlements = Vec::new();
        for p in &packages {
            let total = p.package_total_price.unwrap_or_default();
            let at = p.order_date.unwrap_or_else(Utc::now) + TimeDelta::days(3);
            match p.status {
                Some(PackageStatus::Delivered | PackageStatus::Shipped) => {
                    settlements.push(record("Sale", at, Some(p), Decimal::ZERO, total, "Satış"));
                }
                Some(PackageStatus::Returned) => {
                    settlements.push(record("Sale", at, Some(p), Decimal::ZERO, total, "Satış"));
                    settlements.push(record(
                        "Return",
                        at + TimeDelta::days(4),
                        Some(p),
                        total,
                        Decimal::ZERO,
                        "İade",
                    ));
                }
                _ => {}
            }
        }
        if let Some(p) = packages
            .iter()
            .find(|p| p.status == Some(PackageStatus::Delivered))
        {
            let at = p.order_date.unwrap_or_else(Utc::now) + TimeDelta::days(3);
            settlements.push(record(
                "Discount",
                at,
                Some(p),
                Decimal::new(2500, 2),
                Decimal::ZERO,
                "Satıcı indirimi",
            ));
        }
        let other = vec![
            record(
                "DeductionInvoices",
                days_ago(20),
                None,
                Decimal::new(48_750, 2),
                Decimal::ZERO,
                "Kargo Fatura",
            ),
            record(
                "DeductionInvoices",
                days_ago(6),
                None,
                Decimal::new(12_990, 2),
                Decimal::ZERO,
                "Platform Hizmet Bedeli",
            ),
            record(
                "PaymentOrder",
                days_ago(14),
                None,
                Decimal::new(1_254_030, 2),
                Decimal::ZERO,
                "Ödeme talimatı",
            ),
        ];
        self.settlements = settlements;
        self.other_financials = other;
        self.payment_orders = (0..3u64)
            .map(|k| PaymentOrder {
                id: Id::from(9_100_001 + k),
                status: Some(if k == 0 { "PLANNED" } else { "PAID" }.into()),
                amount: Some(Decimal::new(1_254_030 - 100_000 * k as i64, 2)),
                payout_date: Some(days_ago(7 + 14 * k as i64)),
                payment_type: Some("PaymentOrder".into()),
                seller_id: Some(Id::from(self.seller_id)),
                region_id: Some(Id::from(1u64)),
                region_name: Some("Türkiye".into()),
                region_code: Some("TR".into()),
            })
            .collect();
    }

    /// The category's attributes (colour and size, both required).
    pub(crate) fn category_attribute_refs() -> Vec<(AttributeRef, bool, bool)> {
        vec![
            (
                AttributeRef {
                    id: COLOR_ATTRIBUTE,
                    name: Some("Renk".into()),
                },
                true,
                false,
            ),
            (
                AttributeRef {
                    id: SIZE_ATTRIBUTE,
                    name: Some("Beden".into()),
                },
                false,
                true,
            ),
        ]
    }
}

/// Index of a model code among the catalogue's distinct model codes.
fn catalogue_content_index(main_id: &str) -> u64 {
    let mut seen: Vec<&str> = Vec::new();
    for item in &CATALOGUE {
        if !seen.contains(&item.main_id) {
            seen.push(item.main_id);
        }
    }
    seen.iter().position(|m| *m == main_id).unwrap_or(0) as u64
}

/// The statuses a package passed through to reach `status`.
fn history_for(status: &PackageStatus) -> Vec<PackageStatus> {
    use PackageStatus as S;
    let chain = [
        S::Created,
        S::Picking,
        S::Invoiced,
        S::Shipped,
        S::Delivered,
    ];
    match status {
        S::Awaiting => vec![S::Awaiting],
        S::Cancelled => vec![S::Created, S::Cancelled],
        S::UnSupplied => vec![S::Created, S::UnSupplied],
        S::UnDelivered => vec![
            S::Created,
            S::Picking,
            S::Invoiced,
            S::Shipped,
            S::UnDelivered,
        ],
        S::Returned => vec![
            S::Created,
            S::Picking,
            S::Invoiced,
            S::Shipped,
            S::Delivered,
            S::Returned,
        ],
        S::AtCollectionPoint => vec![
            S::Created,
            S::Picking,
            S::Invoiced,
            S::Shipped,
            S::AtCollectionPoint,
        ],
        other => {
            let end = chain.iter().position(|s| s == other).unwrap_or(0);
            chain[..=end].to_vec()
        }
    }
}
