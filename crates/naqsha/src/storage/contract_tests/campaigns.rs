//! Storage contracts of campaign pages.

use std::collections::BTreeMap;

use naqsha_core::campaign::{
    Bilingual, Campaign, CampaignId, CampaignImageId, CampaignImageInfo, CampaignPeriod,
    CampaignPost, CampaignPostId, CampaignSlug,
};
use time::macros::date;

use super::*;

fn both(en: &str, ur: &str) -> Bilingual {
    Bilingual {
        en: en.into(),
        ur: ur.into(),
    }
}

fn campaign(slug: &str, first: time::Date, last: time::Date) -> Campaign {
    Campaign {
        id: CampaignId::random(),
        slug: CampaignSlug::parse(slug).unwrap(),
        title: both("16 Days", "16 دن"),
        intro: both("## Why\nBecause.", "کیونکہ"),
        period: CampaignPeriod::new(first, last).unwrap(),
        stories: vec![CaseId::random(), CaseId::random()],
        prompts: BTreeMap::from([(first, both("Speak", "بولیں"))]),
    }
}

fn change(id: CampaignId, what: &str) -> AuditEvent {
    AuditEvent::now(None, AuditAction::CampaignChange)
        .subject(id)
        .detail(what)
}

async fn changes(store: &Store) -> usize {
    store
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::CampaignChange),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap()
        .len()
}

async fn campaigns_are_saved_with_prompts_stories_and_audit(store: &Store) {
    let mut a = campaign("16-days", date!(2026 - 11 - 25), date!(2026 - 12 - 10));
    let b = campaign("take-back", date!(2026 - 03 - 01), date!(2026 - 03 - 08));
    store
        .save_campaign(&a, &change(a.id, "created"))
        .await
        .unwrap();
    store
        .save_campaign(&b, &change(b.id, "created"))
        .await
        .unwrap();
    assert_eq!(store.campaign(a.id).await.unwrap().as_ref(), Some(&a));
    assert_eq!(
        store.campaign_by_slug(&a.slug).await.unwrap().as_ref(),
        Some(&a)
    );
    assert!(
        store
            .campaign_by_slug(&CampaignSlug::parse("none").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let slugs: Vec<String> = store
        .campaigns()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.slug.to_string())
        .collect();
    assert_eq!(slugs, ["16-days", "take-back"], "latest period first");

    // The period includes both ends.
    for (day, expected) in [
        (date!(2026 - 11 - 24), None),
        (date!(2026 - 11 - 25), Some(a.id)),
        (date!(2026 - 12 - 10), Some(a.id)),
        (date!(2026 - 12 - 11), None),
        (date!(2026 - 03 - 05), Some(b.id)),
    ] {
        assert_eq!(
            store.campaign_on(day).await.unwrap().map(|c| c.id),
            expected,
            "{day}"
        );
    }

    // Editing replaces prompts and stories, in their new order.
    a.stories.reverse();
    a.stories.pop();
    a.prompts = BTreeMap::from([
        (date!(2026 - 11 - 26), both("Listen", "سنیں")),
        (date!(2026 - 11 - 27), both("", "صرف اردو")),
    ]);
    a.title.en = "Sixteen Days".into();
    store
        .save_campaign(&a, &change(a.id, "edited"))
        .await
        .unwrap();
    assert_eq!(store.campaign(a.id).await.unwrap().as_ref(), Some(&a));

    // A slug taken by another campaign is refused, and nothing of the change is stored.
    let mut clash = b.clone();
    clash.slug = a.slug.clone();
    clash.title.en = "clash".into();
    let err = store
        .save_campaign(&clash, &change(b.id, "edited"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StorageError::Conflict("campaign_slug")),
        "{err:?}"
    );
    assert_eq!(store.campaign(b.id).await.unwrap().as_ref(), Some(&b));
    assert_eq!(changes(store).await, 3, "one entry per stored change");
}
contract!(campaigns_are_saved_with_prompts_stories_and_audit);

async fn posts_are_listed_newest_first_and_scoped_to_their_campaign(store: &Store) {
    let a = campaign("a", date!(2026 - 11 - 25), date!(2026 - 12 - 10));
    let b = campaign("b", date!(2026 - 01 - 01), date!(2026 - 01 - 02));
    for c in [&a, &b] {
        store
            .save_campaign(c, &change(c.id, "created"))
            .await
            .unwrap();
    }
    let post = |day, title: &str| CampaignPost {
        id: CampaignPostId::random(),
        campaign: a.id,
        title: both(title, "عنوان"),
        body: both("Body [link](/resources)", "متن"),
        date: day,
    };
    let older = post(date!(2026 - 11 - 25), "older");
    let mut newer = post(date!(2026 - 12 - 01), "newer");
    for p in [&older, &newer] {
        assert!(
            store
                .save_campaign_post(p, &change(a.id, "post"))
                .await
                .unwrap()
        );
    }
    assert_eq!(
        store.campaign_posts(a.id).await.unwrap(),
        vec![newer.clone(), older.clone()]
    );
    newer.title.en = "newer, edited".into();
    assert!(
        store
            .save_campaign_post(&newer, &change(a.id, "post"))
            .await
            .unwrap()
    );
    assert_eq!(store.campaign_posts(a.id).await.unwrap()[0], newer);

    // Another campaign cannot take the post over or delete it.
    let mut stolen = older.clone();
    stolen.campaign = b.id;
    stolen.title.en = "stolen".into();
    assert!(
        !store
            .save_campaign_post(&stolen, &change(b.id, "post"))
            .await
            .unwrap()
    );
    assert!(
        !store
            .delete_campaign_post(b.id, older.id, &change(b.id, "post"))
            .await
            .unwrap()
    );
    assert!(store.campaign_posts(b.id).await.unwrap().is_empty());
    assert_eq!(store.campaign_posts(a.id).await.unwrap()[1], older);

    assert!(
        store
            .delete_campaign_post(a.id, older.id, &change(a.id, "post deleted"))
            .await
            .unwrap()
    );
    assert_eq!(store.campaign_posts(a.id).await.unwrap(), vec![newer]);
    assert_eq!(changes(store).await, 6, "refused changes are not audited");
}
contract!(posts_are_listed_newest_first_and_scoped_to_their_campaign);

async fn images_keep_their_bytes_and_alt_text(store: &Store) {
    let a = campaign("a", date!(2026 - 11 - 25), date!(2026 - 12 - 10));
    store
        .save_campaign(&a, &change(a.id, "created"))
        .await
        .unwrap();
    let image = CampaignImage {
        info: CampaignImageInfo {
            id: CampaignImageId::random(),
            campaign: a.id,
            content_type: "image/png".into(),
            width: 640,
            height: 480,
            alt: both("A purple ribbon", "جامنی ربن"),
        },
        bytes: vec![0x89, b'P', b'N', b'G', 0, 1, 2, 255],
    };
    store
        .insert_campaign_image(&image, &change(a.id, "image"))
        .await
        .unwrap();
    assert_eq!(
        store.campaign_image(image.info.id).await.unwrap().as_ref(),
        Some(&image)
    );
    assert!(
        store
            .campaign_image(CampaignImageId::random())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store.campaign_images(a.id).await.unwrap(),
        vec![image.info.clone()]
    );
    assert_eq!(
        store.campaign_image_ids().await.unwrap(),
        vec![image.info.id]
    );
    assert_eq!(changes(store).await, 2);
}
contract!(images_keep_their_bytes_and_alt_text);
