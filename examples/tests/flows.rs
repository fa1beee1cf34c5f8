//! The examples' flows against the three sandboxes, asserting what the examples print:
//! per-item batch failures, one item on the wire for a SKU updated ten times, claim states
//! after approve/reject, the illegal move refused without a request, every waiting
//! question answered.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use examples::flows::{self, Rejecter};
use futures::TryStreamExt;
use marketplace_core::batch::BatchPoller;
use marketplace_core::model::{BatchState, ClaimStatus, QuestionQuery, StockPrice};
use marketplace_core::{ClaimApi, Error, Marketplace};
use rust_decimal::Decimal;

const FAST: Duration = Duration::from_millis(20);

fn poller() -> BatchPoller {
    BatchPoller::new()
        .initial_interval(Duration::from_millis(10))
        .max_interval(Duration::from_millis(50))
        .deadline(Duration::from_secs(10))
}

async fn trendyol() -> trendyol_sdk::sandbox::Sandbox {
    trendyol_sdk::sandbox::Sandbox::start_with(
        trendyol_sdk::sandbox::SandboxConfig::default().batch_delay(FAST),
    )
    .await
    .unwrap()
}

async fn pazarama() -> pazarama_sdk::sandbox::Sandbox {
    pazarama_sdk::sandbox::Sandbox::start_with(
        pazarama_sdk::sandbox::SandboxConfig::default().batch_delay(FAST),
    )
    .await
    .unwrap()
}

async fn giyimmoda() -> giyimmoda_sdk::sandbox::Sandbox {
    giyimmoda_sdk::sandbox::Sandbox::start_with(
        giyimmoda_sdk::sandbox::SandboxConfig::new().batch_delay(FAST),
    )
    .await
    .unwrap()
}

// ---- products ------------------------------------------------------------------------------

#[tokio::test]
async fn products_flow_reports_per_item_outcomes_and_updates_the_catalogue() {
    let sandbox = trendyol().await;
    let client = sandbox.client().unwrap();
    let s = flows::products_flow(&client, "Ege Spor", "TEST", &poller())
        .await
        .unwrap();

    assert_eq!(s.lookup.category_id, 411);
    assert_eq!(s.lookup.category_path, "Giyim > Tişört");
    assert_eq!(s.lookup.brand.id, 1004);
    assert_eq!(s.lookup.attributes.len(), 2);

    // The batch completes with one success and one failure carrying both reasons.
    assert_eq!(s.created.state, BatchState::Completed);
    assert_eq!(s.created.items.len(), 2);
    let ok: Vec<_> = s.created.succeeded().map(|i| i.key.as_str()).collect();
    assert_eq!(ok, ["TEST01"]);
    let failed: Vec<_> = s.created.failed().collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].key, "TEST02");
    assert!(
        failed[0]
            .messages
            .iter()
            .any(|m| m.contains("brandId 999999999"))
    );
    assert!(
        failed[0]
            .messages
            .iter()
            .any(|m| m.contains("categoryId 1 "))
    );
    let barcodes = sandbox.product_barcodes();
    assert!(barcodes.contains(&"TEST01".to_owned()));
    assert!(!barcodes.contains(&"TEST02".to_owned()));

    // Content update: the new content succeeds, the unknown content id fails.
    let content_id = s.content_id.unwrap();
    let update = s.content_update.as_ref().unwrap();
    let ok: Vec<_> = update.succeeded().map(|i| i.key.clone()).collect();
    assert_eq!(ok, [content_id.to_string()]);
    let failed: Vec<_> = update.failed().map(|i| i.key.as_str()).collect();
    assert_eq!(failed, ["404404404"]);
    let approved = client
        .products()
        .approved(&trendyol_sdk::model::product::ApprovedProductQuery::default().barcode("TEST01"))
        .await
        .unwrap();
    assert_eq!(
        approved.content[0].title.as_deref(),
        Some("Basic Pamuklu Tişört Lacivert — Yeni Sezon")
    );

    // Archived.
    assert!(s.archived.as_ref().unwrap().all_succeeded());
    let base = client.products().product_base("TEST01").await.unwrap();
    assert_eq!(base.archived, Some(true));
}

#[tokio::test]
async fn products_flow_with_an_unknown_brand_name_sends_nothing() {
    let sandbox = trendyol().await;
    let client = sandbox.client().unwrap();
    let err = flows::products_flow(&client, "Olmayan Marka", "TEST", &poller())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "brand"),
        "{err:?}"
    );
    assert_eq!(sandbox.writes_received(), 0);
}

// ---- inventory -----------------------------------------------------------------------------

#[tokio::test]
async fn trendyol_sync_sends_one_item_for_ten_updates_and_reports_the_unknown_barcode() {
    let sandbox = trendyol().await;
    let client = sandbox.client().unwrap();
    let seeded = flows::seed_trendyol_skus(&client, 999, &poller())
        .await
        .unwrap();
    assert_eq!(seeded.len(), 999);
    let mut barcodes = flows::trendyol_barcodes(&client, 1_000).await.unwrap();
    assert_eq!(barcodes.len(), 1_000);
    let hot = barcodes.remove(0);
    barcodes.push("8680009999999".to_owned());

    let updates = flows::busy_minute(&hot, &barcodes);
    assert_eq!(updates.len(), 1_010);
    let s = flows::trendyol_inventory_sync(&client, &updates, &hot, &poller())
        .await
        .unwrap();

    assert_eq!(s.requested, 1_010);
    assert_eq!(s.sent_items, 1_001);
    assert_eq!(s.requests, 2);
    let price = Decimal::new(27_990, 2);
    assert_eq!(
        s.hot_sku_sent,
        Some(StockPrice::new(&hot).quantity(1).sale_price(price))
    );
    // On the wire: exactly one item for the SKU updated ten times, with the last values.
    let received = sandbox.stock_items_received(&hot);
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0].quantity, Some(1));
    assert_eq!(sandbox.product_stock(&hot), Some((1, price)));

    assert_eq!(s.succeeded(), 1_000);
    let failed = s.failed();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].key, "8680009999999");
    assert!(failed[0].messages[0].contains("bulunamadı"));
}

#[tokio::test]
async fn unified_sync_coalesces_on_pazarama_and_giyim_moda() {
    let pz = pazarama().await;
    let gm = giyimmoda().await;
    let pz_client = pz.client();
    let gm_client = gm.client();

    for (marketplace, name) in [
        (&pz_client as &dyn Marketplace, "pazarama"),
        (&gm_client as &dyn Marketplace, "giyimmoda"),
    ] {
        let mut skus = flows::unified_skus(marketplace, 1_000).await.unwrap();
        assert!(skus.len() >= 5, "{name}: {skus:?}");
        let hot = skus.remove(0);
        let others = skus.len();
        skus.push("BILINMEYEN-SKU".to_owned());
        let updates = flows::busy_minute(&hot, &skus);
        let s = flows::unified_inventory_sync(marketplace, &updates, &hot, &poller())
            .await
            .unwrap();
        assert_eq!(s.requested, 10 + others as u64 + 1, "{name}");
        assert_eq!(s.sent_items, 1 + others + 1, "{name}");
        let failed: Vec<_> = s.failed().iter().map(|i| i.key.clone()).collect();
        assert_eq!(failed, ["BILINMEYEN-SKU"], "{name}");
        // Pazarama takes stock and prices on separate endpoints: the hot SKU (stock and
        // price) has a result in each; Giyim Moda writes both in one item.
        let expected = if name == "pazarama" {
            others + 2
        } else {
            others + 1
        };
        assert_eq!(s.succeeded(), expected, "{name}");

        let received = match name {
            "pazarama" => pz.stock_items_received(&hot),
            _ => gm.stock_items_received(&hot),
        };
        assert_eq!(received.len(), 1, "{name}: {received:?}");
        assert_eq!(received[0].quantity, Some(1), "{name}");
        assert_eq!(
            received[0].sale_price,
            Some(Decimal::new(27_990, 2)),
            "{name}"
        );
    }
}

// ---- claims --------------------------------------------------------------------------------

#[tokio::test]
async fn claims_are_approved_and_rejected_and_the_illegal_move_is_refused_unsent() {
    let ty = trendyol().await;
    let pz = pazarama().await;
    let gm = giyimmoda().await;
    let ty_client = ty.client().unwrap();
    let pz_client = pz.client();
    let gm_client = gm.client();

    let runs: [(&dyn Marketplace, Rejecter<'_>); 3] = [
        (&ty_client, flows::trendyol_rejecter()),
        (&pz_client, flows::pazarama_rejecter(&pz_client)),
        (&gm_client, flows::giyimmoda_rejecter()),
    ];
    for (marketplace, rejecter) in &runs {
        let id = marketplace.id();
        let s = flows::claims_flow(*marketplace, rejecter).await.unwrap();
        assert_eq!(s.listed.len(), 5, "{id}");

        let approved = s.approved.as_ref().unwrap();
        assert_eq!(approved.status, ClaimStatus::Accepted, "{id}");
        let (rejected, rejection) = s.rejected.as_ref().unwrap();
        assert_eq!(rejected.status, ClaimStatus::Rejected, "{id}");
        assert!(!rejection.text.is_empty());
        assert!(
            matches!(
                &s.illegal_move,
                Some(Error::InvalidTransition { entity: "claim", from, to })
                    if from == "rejected" && to == "accepted"
            ),
            "{id}: {:?}",
            s.illegal_move
        );

        // The far side agrees.
        match id.as_str() {
            "trendyol" => {
                use trendyol_sdk::model::claim::ClaimItemStatus;
                assert_eq!(
                    ty.claim_status(&approved.id),
                    Some(ClaimItemStatus::Accepted)
                );
                assert_eq!(
                    ty.claim_status(&rejected.id),
                    Some(ClaimItemStatus::Rejected)
                );
            }
            "pazarama" => {
                use pazarama_sdk::model::RefundStatus;
                let uuid = |s: &str| s.parse::<uuid::Uuid>().unwrap();
                assert_eq!(
                    pz.claim_status(uuid(&approved.id)),
                    Some(RefundStatus::ApprovedBySeller)
                );
                assert_eq!(
                    pz.claim_status(uuid(&rejected.id)),
                    Some(RefundStatus::RejectedBySeller)
                );
            }
            _ => {
                use giyimmoda_sdk::model::Approval;
                assert_eq!(
                    gm.refund_status(approved.id.parse().unwrap()),
                    Some(Approval::Approved)
                );
                assert_eq!(
                    gm.refund_status(rejected.id.parse().unwrap()),
                    Some(Approval::Rejected)
                );
            }
        }

        // Refused before sending: no write reaches the sandbox.
        let writes = || match id.as_str() {
            "trendyol" => ty.writes_received(),
            "pazarama" => pz.writes_received(),
            _ => gm.writes_received(),
        };
        let before = writes();
        let err = flows::try_illegal_approval(*marketplace, rejected).await;
        assert!(matches!(err, Some(Error::InvalidTransition { .. })), "{id}");
        assert_eq!(
            writes(),
            before,
            "{id}: the refused approval reached the sandbox"
        );
    }
}

#[tokio::test]
async fn pazarama_rejection_without_the_photo_it_requires_is_refused_unsent() {
    let pz = pazarama().await;
    let client = pz.client();
    let claims: Vec<_> = client
        .claims(&marketplace_core::model::ClaimQuery::default())
        .try_collect()
        .await
        .unwrap();
    let waiting = claims.iter().find(|c| c.status.awaits_seller()).unwrap();
    let Rejecter::PazaramaWithPhotos(_, rejection, _) = flows::pazarama_rejecter(&client) else {
        panic!("the Pazarama rejecter carries photos");
    };
    let before = pz.writes_received();
    let err = client
        .reject_claim(waiting, &[], &rejection)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    assert_eq!(pz.writes_received(), before);
    assert_eq!(
        pz.claim_status(waiting.id.parse().unwrap()),
        Some(pazarama_sdk::model::RefundStatus::Pending)
    );
}

#[test]
fn the_claim_photo_is_a_png() {
    assert_eq!(&flows::TINY_PNG[1..4], b"PNG");
    assert_eq!(&flows::TINY_PNG[flows::TINY_PNG.len() - 8..][..4], b"IEND");
}

// ---- questions -----------------------------------------------------------------------------

#[tokio::test]
async fn every_waiting_question_is_answered_with_the_template() {
    let ty = trendyol().await;
    let pz = pazarama().await;
    let gm = giyimmoda().await;
    let ty_client = ty.client().unwrap();
    let pz_client = pz.client();
    let gm_client = gm.client();

    for marketplace in [
        &ty_client as &dyn Marketplace,
        &pz_client as &dyn Marketplace,
        &gm_client as &dyn Marketplace,
    ] {
        let id = marketplace.id();
        let answered = flows::answer_waiting_questions(marketplace).await.unwrap();
        assert_eq!(answered.len(), 3, "{id}");
        for a in &answered {
            let len = a.answer.chars().count();
            assert!((10..=2000).contains(&len), "{id}: {len}");
            let held = match id.as_str() {
                "trendyol" => ty.question_answer(a.question.id.parse().unwrap()),
                "pazarama" => pz.question_answer(a.question.id.parse().unwrap()),
                _ => gm.question_answer(a.question.id.parse().unwrap()),
            };
            assert_eq!(held.as_deref(), Some(a.answer.as_str()), "{id}");
            if let Some(product) = &a.question.product_name {
                assert!(a.answer.contains(product.as_str()), "{id}");
            }
        }
        // Nothing is left waiting, and running again answers nothing.
        let left: Vec<_> = marketplace
            .questions(&QuestionQuery::unanswered())
            .try_collect()
            .await
            .unwrap();
        assert!(left.is_empty(), "{id}: {left:?}");
        assert!(
            flows::answer_waiting_questions(marketplace)
                .await
                .unwrap()
                .is_empty()
        );
    }
}
