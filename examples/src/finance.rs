//! Finance report (roadmap sprint 14): "what I sold / what was deducted / what was paid"
//! per marketplace for a time window, as [`Decimal`] sums, printed as a table and drawn
//! as an SVG bar chart.
//!
//! How each marketplace's records are read:
//!
//! | | sold | deducted | paid |
//! |---|---|---|---|
//! | Trendyol | `credit` of `Sale` settlements | `commissionAmount` of sales + `debt − credit` of every other settlement (returns, discounts, coupons, …) and of deduction/withholding invoices in other financials | `debt` of `PaymentOrder` records in other financials |
//! | Pazarama | `amount` of each payment-agreement transaction | `amount − allowanceAmount` (commission, seller-funded coupons) | `allowanceAmount` of transactions already transferred |
//! | Giyim Moda | `admin_commission + seller_earning` of commission-history records | `admin_commission` | `amount` of payment-history records |
//!
//! Records are counted when their transaction (Trendyol, Pazarama) or booking (Giyim
//! Moda) date falls in the window.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use marketplace_core::paging::TimeWindow;
use rust_decimal::Decimal;
use trendyol_sdk::model::finance::{FinanceQuery, FinancialRecord, TransactionType};

use crate::BoxError;

/// One marketplace's totals for the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Marketplace name as printed.
    pub marketplace: String,
    /// What was sold (gross).
    pub sold: Decimal,
    /// What was deducted (commission, returns, discounts, invoices, …; net of reversals).
    pub deducted: Decimal,
    /// What was paid out to the seller.
    pub paid: Decimal,
    /// Currency of the sums.
    pub currency: String,
    /// How many records were read.
    pub records: usize,
}

impl Summary {
    fn new(marketplace: &str) -> Self {
        Summary {
            marketplace: marketplace.to_owned(),
            sold: Decimal::ZERO,
            deducted: Decimal::ZERO,
            paid: Decimal::ZERO,
            currency: "TRY".to_owned(),
            records: 0,
        }
    }
}

/// Settlement types the Trendyol report reads.
pub const TRENDYOL_SETTLEMENT_TYPES: [TransactionType; 16] = [
    TransactionType::Sale,
    TransactionType::Return,
    TransactionType::Discount,
    TransactionType::DiscountCancel,
    TransactionType::Coupon,
    TransactionType::CouponCancel,
    TransactionType::ProvisionPositive,
    TransactionType::ProvisionNegative,
    TransactionType::ManualRefund,
    TransactionType::ManualRefundCancel,
    TransactionType::CommissionPositive,
    TransactionType::CommissionNegative,
    TransactionType::CommissionPositiveCancel,
    TransactionType::CommissionNegativeCancel,
    TransactionType::DeliveryFee,
    TransactionType::DeliveryFeeCancel,
];

/// Other-financials types the Trendyol report reads.
pub const TRENDYOL_OTHER_TYPES: [TransactionType; 5] = [
    TransactionType::PaymentOrder,
    TransactionType::DeductionInvoices,
    TransactionType::Stoppage,
    TransactionType::ReturnInvoice,
    TransactionType::CommissionAgreementInvoice,
];

fn net_debt(r: &FinancialRecord) -> Decimal {
    r.debt.unwrap_or_default() - r.credit.unwrap_or_default()
}

/// Sum Trendyol settlements and other financials (see the module table).
pub fn summarize_trendyol(settlements: &[FinancialRecord], other: &[FinancialRecord]) -> Summary {
    let mut s = Summary::new("Trendyol");
    for r in settlements {
        if r.transaction_type.as_deref() == Some("Sale") {
            s.sold += r.credit.unwrap_or_default();
            s.deducted += r.commission_amount.unwrap_or_default();
        } else {
            s.deducted += net_debt(r);
        }
    }
    for r in other {
        if r.transaction_type.as_deref() == Some("PaymentOrder") {
            s.paid += r.debt.unwrap_or_default();
        } else {
            s.deducted += net_debt(r);
        }
    }
    s.records = settlements.len() + other.len();
    if let Some(c) = settlements
        .iter()
        .chain(other)
        .find_map(|r| r.currency.clone())
    {
        s.currency = c;
    }
    s
}

/// Trendyol's settlements and other financials in `window` (any length: the SDK splits it
/// into 15-day requests), summed.
pub async fn trendyol(
    client: &trendyol_sdk::Client,
    window: TimeWindow,
) -> Result<Summary, BoxError> {
    let finance = client.finance();
    let settlements: Vec<FinancialRecord> = finance
        .settlements_stream(
            &FinanceQuery::of_types(TRENDYOL_SETTLEMENT_TYPES)
                .start_date(window.start)
                .end_date(window.end),
        )
        .try_collect()
        .await?;
    let other: Vec<FinancialRecord> = finance
        .other_financials_stream(
            &FinanceQuery::of_types(TRENDYOL_OTHER_TYPES)
                .start_date(window.start)
                .end_date(window.end),
        )
        .try_collect()
        .await?;
    Ok(summarize_trendyol(&settlements, &other))
}

/// Sum Pazarama payment-agreement transactions (see the module table); `now` decides
/// which allowances were transferred already.
pub fn summarize_pazarama(
    transactions: &[pazarama_sdk::model::Transaction],
    now: DateTime<Utc>,
) -> Summary {
    let mut s = Summary::new("Pazarama");
    for t in transactions {
        let amount = t.amount.unwrap_or_default();
        s.sold += amount;
        s.deducted += match t.allowance_amount {
            Some(allowance) => amount - allowance,
            None => t.commission_amount.unwrap_or_default() + t.coupon_discount.unwrap_or_default(),
        };
        if t.transferred_date.is_some_and(|d| d <= now) {
            s.paid += t.allowance_amount.unwrap_or_default();
        }
    }
    s.records = transactions.len();
    s
}

/// Pazarama's payment agreement for `window`, summed.
pub async fn pazarama(
    client: &pazarama_sdk::Client,
    window: TimeWindow,
) -> Result<Summary, BoxError> {
    let query = pazarama_sdk::model::PaymentAgreementQuery::between(window.start, window.end);
    let agreement = client.finance().payment_agreement(&query).await?;
    Ok(summarize_pazarama(&agreement.transaction_list, Utc::now()))
}

fn in_window(at: Option<DateTime<Utc>>, window: &TimeWindow) -> bool {
    at.is_some_and(|d| window.start <= d && d <= window.end)
}

/// Sum Giyim Moda commission and payment history inside `window` (see the module table).
pub fn summarize_giyimmoda(
    commissions: &[giyimmoda_sdk::model::CommissionRecord],
    payments: &[giyimmoda_sdk::model::Payment],
    window: &TimeWindow,
) -> Summary {
    let mut s = Summary::new("Giyim Moda");
    for c in commissions
        .iter()
        .filter(|c| in_window(c.created_at, window))
    {
        let fee = c.admin_commission.unwrap_or_default();
        s.sold += fee + c.seller_earning.unwrap_or_default();
        s.deducted += fee;
        s.records += 1;
    }
    for p in payments.iter().filter(|p| in_window(p.created_at, window)) {
        s.paid += p.amount.unwrap_or_default();
        s.records += 1;
    }
    s
}

/// Giyim Moda's commission and payment history (every page; the endpoints take no date
/// filter), summed for `window`.
pub async fn giyimmoda(
    client: &giyimmoda_sdk::Client,
    window: TimeWindow,
) -> Result<Summary, BoxError> {
    let query =
        giyimmoda_sdk::model::ListQuery::new().per_page(giyimmoda_sdk::model::PerPage::Count(100));
    let commissions: Vec<_> = client.commissions().stream(&query).try_collect().await?;
    let payments: Vec<_> = client.payments().stream(&query).try_collect().await?;
    Ok(summarize_giyimmoda(&commissions, &payments, &window))
}

/// `1234567.8` → `1.234.567,80` (Turkish grouping, two decimals).
pub fn format_try(amount: Decimal) -> String {
    let text = format!("{:.2}", amount.round_dp(2));
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{cents}")
}

/// The summaries as a text table.
pub fn table(summaries: &[Summary]) -> String {
    let mut out = format!(
        "{:<12} {:>16} {:>16} {:>16} {:>8}\n",
        "market", "sold", "deducted", "paid", "records"
    );
    out.push_str(&"-".repeat(72));
    out.push('\n');
    for s in summaries {
        let _ = writeln!(
            out,
            "{:<12} {:>16} {:>16} {:>16} {:>8}",
            s.marketplace,
            format!("{} {}", format_try(s.sold), s.currency),
            format!("{} {}", format_try(s.deducted), s.currency),
            format!("{} {}", format_try(s.paid), s.currency),
            s.records
        );
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Bar colours: sold, deducted, paid.
const COLOURS: [&str; 3] = ["#2e7d32", "#c62828", "#1565c0"];
const KINDS: [&str; 3] = ["sold", "deducted", "paid"];

/// A bar chart: one group per marketplace, three bars (sold, deducted, paid) each with
/// its value above it, marketplace names below, a legend, `title` on top. Bars scale to
/// the largest value; a zero or negative value is drawn as a 1-pixel bar (its label
/// shows the real value). Hand-written SVG, no dependency.
pub fn svg_chart(summaries: &[Summary], title: &str) -> String {
    const BAR: u32 = 56;
    const GAP: u32 = 10;
    const GROUP_GAP: u32 = 60;
    const LEFT: u32 = 40;
    const TOP: u32 = 80;
    const PLOT: u32 = 260;
    let group_width = 3 * BAR + 2 * GAP;
    let groups = u32::try_from(summaries.len()).unwrap_or(0);
    let width = LEFT * 2 + groups * group_width + groups.saturating_sub(1) * GROUP_GAP;
    let width = width.max(420);
    let baseline = TOP + PLOT;
    let height = baseline + 70;
    let max = summaries
        .iter()
        .flat_map(|s| [s.sold, s.deducted, s.paid])
        .fold(Decimal::ZERO, Decimal::max);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">\n"
    );
    let _ = writeln!(
        svg,
        "  <text x=\"{}\" y=\"28\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>",
        width / 2,
        escape(title)
    );
    for (i, (kind, colour)) in KINDS.iter().zip(COLOURS).enumerate() {
        let x = LEFT + u32::try_from(i).unwrap_or(0) * 110;
        let _ = writeln!(
            svg,
            "  <circle cx=\"{}\" cy=\"50\" r=\"6\" fill=\"{colour}\"/><text x=\"{}\" y=\"54\" font-size=\"12\">{kind}</text>",
            x + 6,
            x + 16
        );
    }
    let _ = writeln!(
        svg,
        "  <line x1=\"{}\" y1=\"{baseline}\" x2=\"{}\" y2=\"{baseline}\" stroke=\"#555\"/>",
        LEFT - 10,
        width - LEFT + 10
    );
    for (g, s) in summaries.iter().enumerate() {
        let x0 = LEFT + u32::try_from(g).unwrap_or(0) * (group_width + GROUP_GAP);
        for (b, value) in [s.sold, s.deducted, s.paid].into_iter().enumerate() {
            let x = x0 + u32::try_from(b).unwrap_or(0) * (BAR + GAP);
            let h = if max > Decimal::ZERO && value > Decimal::ZERO {
                (value * Decimal::from(PLOT) / max)
                    .round()
                    .try_into()
                    .unwrap_or(1u32)
                    .clamp(1, PLOT)
            } else {
                1
            };
            let y = baseline - h;
            let _ = writeln!(
                svg,
                "  <rect x=\"{x}\" y=\"{y}\" width=\"{BAR}\" height=\"{h}\" fill=\"{}\"><title>{} {}: {} {}</title></rect>",
                COLOURS[b],
                escape(&s.marketplace),
                KINDS[b],
                format_try(value),
                escape(&s.currency)
            );
            let _ = writeln!(
                svg,
                "  <text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
                x + BAR / 2,
                y.saturating_sub(4),
                format_try(value)
            );
        }
        let _ = writeln!(
            svg,
            "  <text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\">{} ({})</text>",
            x0 + group_width / 2,
            baseline + 22,
            escape(&s.marketplace),
            escape(&s.currency)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_the_turkish_way() {
        assert_eq!(format_try(Decimal::new(123_456_789, 2)), "1.234.567,89");
        assert_eq!(format_try(Decimal::new(5, 1)), "0,50");
        assert_eq!(format_try(Decimal::new(-100_000, 2)), "-1.000,00");
        assert_eq!(format_try(Decimal::ZERO), "0,00");
    }

    #[test]
    fn text_is_escaped_in_the_chart() {
        let mut s = Summary::new("A&B <x>");
        s.sold = Decimal::ONE;
        let svg = svg_chart(&[s], "t");
        assert!(svg.contains("A&amp;B &lt;x&gt;"));
        assert_eq!(svg.matches("<rect").count(), 3);
    }
}
