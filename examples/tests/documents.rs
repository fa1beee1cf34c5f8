//! The `labels_invoices` and `finance_report` flows against the three sandboxes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Utc;
use examples::documents::{self, LocalStorage, Storage};
use examples::finance::{self, Summary};
use marketplace_core::paging::TimeWindow;
use rust_decimal::Decimal;
use trendyol_sdk::model::orders::PackageStatus;
use trendyol_sdk::model::sellers::InvoiceFile;

/// A fresh folder under the system temp dir (not created until written to), removed
/// when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "pazaryeri-{test}-{}-{}-{}",
            std::process::id(),
            Utc::now().timestamp_nanos_opt().unwrap_or_default(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        TempDir(dir)
    }

    fn storage(&self) -> LocalStorage {
        LocalStorage::new(&self.0)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn trendyol() -> (trendyol_sdk::sandbox::Sandbox, trendyol_sdk::Client) {
    let sandbox = trendyol_sdk::sandbox::Sandbox::start().await.unwrap();
    let client = sandbox.client().unwrap();
    (sandbox, client)
}

fn tracking_number(sandbox: &trendyol_sdk::sandbox::Sandbox, package: u64) -> String {
    sandbox
        .package(package)
        .unwrap()
        .cargo_tracking_number
        .unwrap()
        .to_string()
}

// ---- labels and invoices ---------------------------------------------------------------------

#[tokio::test]
async fn seller_addresses_come_from_the_sandbox() {
    let (_sandbox, client) = trendyol().await;
    let addresses = client.sellers().addresses().await.unwrap();
    assert_eq!(addresses.supplier_addresses.len(), 4);
    let shipment = addresses.default_shipment_address.unwrap();
    assert_eq!(shipment.address_type.as_deref(), Some("Shipment"));
    assert_eq!(shipment.is_default, Some(true));
}

#[tokio::test]
async fn label_file_holds_the_zpl_the_sandbox_stored() {
    let (sandbox, client) = trendyol().await;
    let dir = TempDir::new("label");
    let storage = dir.storage();
    let package = sandbox.seed_order(PackageStatus::Picking);
    let ctn = tracking_number(&sandbox, package);

    let label = documents::download_common_label(&client, &storage, &ctn, 3)
        .await
        .unwrap();

    let stored = sandbox.common_labels(&ctn);
    assert_eq!(stored.len(), 3);
    assert_eq!(label.boxes, 3);
    let expected = stored.join("\n") + "\n";
    assert_eq!(label.zpl, expected);
    let path = dir.0.join("labels").join(format!("{ctn}.zpl"));
    assert_eq!(label.location, path.display().to_string());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    assert!(expected.starts_with("^XA") && expected.trim_end().ends_with("^XZ"));
}

#[tokio::test]
async fn a_label_for_a_package_not_yet_picked_is_refused_and_nothing_is_written() {
    let (sandbox, client) = trendyol().await;
    let dir = TempDir::new("label-refused");
    let package = sandbox.seed_order(PackageStatus::Created);
    let ctn = tracking_number(&sandbox, package);
    let err = documents::download_common_label(&client, &dir.storage(), &ctn, 1)
        .await
        .unwrap_err();
    let err = err.downcast::<trendyol_sdk::Error>().unwrap();
    assert_eq!(err.status(), Some(400), "{err}");
    assert!(!dir.0.exists());
}

#[tokio::test]
async fn invoice_link_is_recorded_on_the_package() {
    let (sandbox, client) = trendyol().await;
    let package = sandbox.seed_order(PackageStatus::Invoiced);
    let link = format!("https://fatura.example.com/2026/{package}.pdf");
    documents::send_invoice_link(&client, package, &link)
        .await
        .unwrap();
    assert_eq!(
        sandbox.invoice_link(package).as_deref(),
        Some(link.as_str())
    );
    assert_eq!(
        sandbox.package(package).unwrap().invoice_link.as_deref(),
        Some(link.as_str())
    );
}

fn invoice(package: u64, data: Vec<u8>) -> InvoiceFile {
    InvoiceFile {
        shipment_package_id: package,
        file_name: format!("fatura-{package}.pdf"),
        mime: "application/pdf".into(),
        data,
        invoice_date_time: None,
        invoice_number: None,
    }
}

#[tokio::test]
async fn invoice_upload_is_accepted_and_kept_and_a_too_large_file_is_refused_before_sending() {
    let (sandbox, client) = trendyol().await;
    let dir = TempDir::new("invoice");
    let storage = dir.storage();
    let package = sandbox.seed_order(PackageStatus::Invoiced);
    let pdf = documents::simple_pdf(&["FATURA".into(), format!("Paket: {package}")]);

    let uploaded = documents::upload_invoice(&client, &storage, &invoice(package, pdf.clone()))
        .await
        .unwrap();
    let received = sandbox.invoice_file(package).unwrap();
    assert_eq!(received.data, pdf);
    assert_eq!(received.mime, "application/pdf");
    assert_eq!(received.file_name, format!("fatura-{package}.pdf"));
    assert_eq!(uploaded.bytes, pdf.len());
    let key = format!("invoices/{package}/fatura-{package}.pdf");
    assert_eq!(storage.get(&key).unwrap(), pdf);
    assert_eq!(
        uploaded.location,
        storage.path(&key).unwrap().display().to_string()
    );

    let other = sandbox.seed_order(PackageStatus::Invoiced);
    let writes = sandbox.writes_received();
    let big = invoice(
        other,
        vec![b'%'; trendyol_sdk::api::sellers::MAX_INVOICE_FILE_BYTES + 1],
    );
    let err = documents::upload_invoice(&client, &storage, &big)
        .await
        .unwrap_err();
    match err.downcast::<trendyol_sdk::Error>().unwrap().as_ref() {
        trendyol_sdk::Error::InvalidInput { field, .. } => assert_eq!(field, "file"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    assert_eq!(
        sandbox.writes_received(),
        writes,
        "nothing reached the sandbox"
    );
    assert!(sandbox.invoice_file(other).is_none());
    assert!(!dir.0.join("invoices").join(other.to_string()).exists());
}

// ---- finance ---------------------------------------------------------------------------------

fn in_window(at: Option<chrono::DateTime<Utc>>, window: &TimeWindow) -> bool {
    at.is_some_and(|d| window.start <= d && d <= window.end)
}

#[tokio::test]
async fn finance_sums_equal_the_seeded_records() {
    let window = TimeWindow::last_days(30);

    // Trendyol: every seeded record of the window, summed by hand.
    let (ty_sandbox, ty_client) = trendyol().await;
    let ty = finance::trendyol(&ty_client, window).await.unwrap();
    let settlements: Vec<_> = ty_sandbox
        .settlements()
        .into_iter()
        .filter(|r| in_window(r.transaction_date, &window))
        .collect();
    let other: Vec<_> = ty_sandbox
        .other_financials()
        .into_iter()
        .filter(|r| in_window(r.transaction_date, &window))
        .collect();
    let kind = |r: &trendyol_sdk::model::finance::FinancialRecord| {
        r.transaction_type.clone().unwrap_or_default()
    };
    let debt = |r: &trendyol_sdk::model::finance::FinancialRecord| {
        r.debt.unwrap_or_default() - r.credit.unwrap_or_default()
    };
    let sales: Vec<_> = settlements.iter().filter(|r| kind(r) == "Sale").collect();
    let sold: Decimal = sales.iter().map(|r| r.credit.unwrap()).sum();
    let commission: Decimal = sales.iter().map(|r| r.commission_amount.unwrap()).sum();
    let other_settlements: Decimal = settlements
        .iter()
        .filter(|r| kind(r) != "Sale")
        .map(debt)
        .sum();
    let invoices: Decimal = other
        .iter()
        .filter(|r| kind(r) != "PaymentOrder")
        .map(debt)
        .sum();
    let paid: Decimal = other
        .iter()
        .filter(|r| kind(r) == "PaymentOrder")
        .map(|r| r.debt.unwrap())
        .sum();
    assert!(sold > Decimal::ZERO && paid > Decimal::ZERO);
    assert_eq!(ty.sold, sold);
    assert_eq!(ty.deducted, commission + other_settlements + invoices);
    assert_eq!(ty.paid, paid);
    assert_eq!(ty.records, settlements.len() + other.len());

    // Pazarama: sales, 12 % commission, allowances transferred by now.
    let pz_sandbox = pazarama_sdk::sandbox::Sandbox::start().await.unwrap();
    let pz = finance::pazarama(&pz_sandbox.client(), window)
        .await
        .unwrap();
    let now = Utc::now();
    let txs: Vec<_> = pz_sandbox
        .transactions()
        .into_iter()
        .filter(|t| in_window(t.transaction_date, &window))
        .collect();
    assert!(!txs.is_empty());
    assert_eq!(
        pz.sold,
        txs.iter().map(|t| t.amount.unwrap()).sum::<Decimal>()
    );
    assert_eq!(
        pz.deducted,
        txs.iter()
            .map(|t| t.commission_amount.unwrap())
            .sum::<Decimal>()
    );
    assert_eq!(
        pz.paid,
        txs.iter()
            .filter(|t| t.transferred_date.unwrap() <= now)
            .map(|t| t.allowance_amount.unwrap())
            .sum::<Decimal>()
    );
    assert_eq!(pz.records, txs.len());

    // Giyim Moda: commission history and payouts of the window.
    let gm_sandbox = giyimmoda_sdk::sandbox::Sandbox::start().await.unwrap();
    let gm = finance::giyimmoda(&gm_sandbox.client(), window)
        .await
        .unwrap();
    let commissions: Vec<_> = gm_sandbox
        .commissions()
        .into_iter()
        .filter(|c| in_window(c.created_at, &window))
        .collect();
    let payments: Vec<_> = gm_sandbox
        .payments()
        .into_iter()
        .filter(|p| in_window(p.created_at, &window))
        .collect();
    assert!(!commissions.is_empty() && !payments.is_empty());
    let fees: Decimal = commissions
        .iter()
        .map(|c| c.admin_commission.unwrap())
        .sum();
    let earnings: Decimal = commissions.iter().map(|c| c.seller_earning.unwrap()).sum();
    assert_eq!(gm.sold, fees + earnings);
    assert_eq!(gm.deducted, fees);
    assert_eq!(
        gm.paid,
        payments.iter().map(|p| p.amount.unwrap()).sum::<Decimal>()
    );
    assert_eq!(gm.records, commissions.len() + payments.len());

    let table = finance::table(&[ty.clone(), pz.clone(), gm.clone()]);
    for s in [&ty, &pz, &gm] {
        assert!(table.contains(&s.marketplace));
        assert!(table.contains(&finance::format_try(s.sold)));
    }
}

/// The `height="…"` of every `<rect` in `svg`.
fn rect_heights(svg: &str) -> Vec<f64> {
    svg.split("<rect")
        .skip(1)
        .map(|r| {
            let start = r.find("height=\"").unwrap() + "height=\"".len();
            let end = start + r[start..].find('"').unwrap();
            r[start..end].parse().unwrap()
        })
        .collect()
}

fn summary(name: &str, sold: i64, deducted: i64, paid: i64) -> Summary {
    Summary {
        marketplace: name.into(),
        sold: Decimal::new(sold, 2),
        deducted: Decimal::new(deducted, 2),
        paid: Decimal::new(paid, 2),
        currency: "TRY".into(),
        records: 1,
    }
}

#[tokio::test]
async fn the_chart_is_well_formed_svg_with_nine_positive_bars() {
    let window = TimeWindow::last_days(30);
    let (_ty_sandbox, ty_client) = trendyol().await;
    let pz_sandbox = pazarama_sdk::sandbox::Sandbox::start().await.unwrap();
    let gm_sandbox = giyimmoda_sdk::sandbox::Sandbox::start().await.unwrap();
    let summaries = vec![
        finance::trendyol(&ty_client, window).await.unwrap(),
        finance::pazarama(&pz_sandbox.client(), window)
            .await
            .unwrap(),
        finance::giyimmoda(&gm_sandbox.client(), window)
            .await
            .unwrap(),
    ];
    let svg = finance::svg_chart(&summaries, "Finance <30 days> & more");
    let dir = TempDir::new("chart");
    let storage = dir.storage();
    let location = storage.put("finance-report.svg", svg.as_bytes()).unwrap();
    let written = std::fs::read_to_string(&location).unwrap();
    assert_eq!(written, svg);

    assert!(written.starts_with("<svg"));
    assert!(written.trim_end().ends_with("</svg>"));
    assert_eq!(written.matches("<rect").count(), 9);
    let heights = rect_heights(&written);
    assert_eq!(heights.len(), 9);
    assert!(heights.iter().all(|h| *h > 0.0), "{heights:?}");
    // The largest value gets the tallest bar.
    let values: Vec<Decimal> = summaries
        .iter()
        .flat_map(|s| [s.sold, s.deducted, s.paid])
        .collect();
    let tallest = heights
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap()
        .0;
    assert_eq!(values[tallest], values.iter().copied().max().unwrap());
    // Labels and values are on it, text escaped, every element closed.
    for s in &summaries {
        assert!(written.contains(&s.marketplace));
        assert!(written.contains(&finance::format_try(s.paid)));
    }
    assert!(written.contains("Finance &lt;30 days&gt; &amp; more"));
    assert_eq!(
        written.matches("<text").count(),
        written.matches("</text>").count()
    );
    assert_eq!(
        written.matches("<rect").count(),
        written.matches("</rect>").count()
    );
}

#[test]
fn zero_and_negative_values_still_draw_a_visible_bar() {
    let svg = finance::svg_chart(
        &[
            summary("A", 10_000, 0, -500),
            summary("B", 0, 0, 0),
            summary("C", 5_000, 2_500, 1_000),
        ],
        "edge cases",
    );
    let heights = rect_heights(&svg);
    assert_eq!(heights.len(), 9);
    assert!(heights.iter().all(|h| *h >= 1.0), "{heights:?}");
    assert!(svg.contains("-5,00"));
}

#[test]
fn local_storage_creates_missing_folders_and_refuses_escaping_keys() {
    let dir = TempDir::new("storage");
    let storage = dir.storage();
    assert!(!dir.0.exists());
    let location = storage.put("a/b/c.txt", b"hello").unwrap();
    assert_eq!(std::fs::read(location).unwrap(), b"hello");
    assert!(storage.put("../escape.txt", b"x").is_err());
    assert!(storage.put("/abs.txt", b"x").is_err());
}
