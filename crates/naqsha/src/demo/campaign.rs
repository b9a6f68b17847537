//! The demo campaign of `serve --demo`: "16 Days of Activism \[Demo\]", 25 November to
//! 10 December of the current year, with a prompt for each day, a post and three of the demo
//! stories.

use std::collections::BTreeMap;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::campaign::{
    Bilingual, Campaign, CampaignId, CampaignPeriod, CampaignPost, CampaignPostId, CampaignSlug,
};
use naqsha_core::ids::CaseId;
use time::{Date, Month};

use crate::storage::{CampaignStore, StorageError, Store};

/// The demo campaign's address.
pub const DEMO_CAMPAIGN_SLUG: &str = "16-days-demo";

/// The prompts, one a day in turn.
const PROMPTS: &[(&str, &str)] = &[
    (
        "What would you tell someone who is being harassed online today?",
        "آج آن لائن ہراسانی کا سامنا کرنے والے کسی شخص سے آپ کیا کہیں گی؟",
    ),
    (
        "What helped you, or someone you know, feel safe online again?",
        "کس چیز نے آپ کو، یا آپ کے کسی جاننے والے کو، دوبارہ آن لائن محفوظ محسوس کرنے میں مدد دی؟",
    ),
    (
        "Which platform should do more, and what should it do?",
        "کس پلیٹ فارم کو زیادہ کرنا چاہیے، اور کیا کرنا چاہیے؟",
    ),
    (
        "Share a message of solidarity with the survivors on the map.",
        "نقشے پر موجود متاثرین کے لیے یکجہتی کا پیغام لکھیں۔",
    ),
];

fn corrupt(e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt {
        table: "demo",
        column: "campaign",
        reason: e.to_string(),
    }
}

/// Stores the demo campaign for `year`, featuring `stories` (published demo cases).
pub async fn seed_campaign(
    store: &Store,
    year: i32,
    stories: Vec<CaseId>,
) -> Result<CampaignId, StorageError> {
    let first = Date::from_calendar_date(year, Month::November, 25).map_err(corrupt)?;
    let last = Date::from_calendar_date(year, Month::December, 10).map_err(corrupt)?;
    let period = CampaignPeriod::new(first, last).map_err(corrupt)?;
    let mut prompts = BTreeMap::new();
    let mut day = first;
    let mut i = 0;
    while day <= last {
        let (en, ur) = PROMPTS[i % PROMPTS.len()];
        prompts.insert(
            day,
            Bilingual {
                en: en.into(),
                ur: ur.into(),
            },
        );
        i += 1;
        day = day.next_day().ok_or_else(|| corrupt("calendar"))?;
    }
    let campaign = Campaign {
        id: CampaignId::random(),
        slug: CampaignSlug::parse(DEMO_CAMPAIGN_SLUG).map_err(corrupt)?,
        title: Bilingual {
            en: "16 Days of Activism [Demo]".into(),
            ur: "سرگرمی کے سولہ دن [نمونہ]".into(),
        },
        intro: Bilingual {
            en: "This is a fictional demo campaign.\n\nFrom 25 November, the International Day for the Elimination of Violence against Women, to 10 December, Human Rights Day, we share stories of technology-related violence and what helped the people who lived them.\n\n## Take part\n\n- Read the [stories on the map](/)\n- See [what others did, and what happened](/strategies)\n- Find [help and advice](/resources)".into(),
            ur: "یہ ایک فرضی نمونہ مہم ہے۔\n\n25 نومبر، خواتین پر تشدد کے خاتمے کے عالمی دن، سے 10 دسمبر، انسانی حقوق کے دن، تک ہم ٹیکنالوجی سے جڑے تشدد کی کہانیاں اور ان لوگوں کی مدد کرنے والی باتیں شیئر کرتے ہیں جن پر یہ گزری۔\n\n## حصہ لیں\n\n- [نقشے پر کہانیاں](/ur/) پڑھیں\n- دیکھیں [دوسروں نے کیا کیا، اور کیا ہوا](/ur/strategies)\n- [مدد اور مشورہ](/ur/resources) حاصل کریں".into(),
        },
        period,
        stories,
        prompts,
    };
    let audit = |what: &str| {
        AuditEvent::now(None, AuditAction::CampaignChange)
            .subject(campaign.id)
            .detail(what)
    };
    store
        .save_campaign(&campaign, &audit("demo campaign created"))
        .await?;
    let post = CampaignPost {
        id: CampaignPostId::random(),
        campaign: campaign.id,
        title: Bilingual {
            en: "The campaign begins [Demo]".into(),
            ur: "مہم کا آغاز [نمونہ]".into(),
        },
        body: Bilingual {
            en: "For sixteen days this page will carry a question each day. The stories below were chosen from the map: each one was told to us, anonymised and published with the consent of the person who lived it.".into(),
            ur: "سولہ دن تک یہ صفحہ ہر روز ایک سوال پیش کرے گا۔ نیچے دی گئی کہانیاں نقشے سے چنی گئی ہیں: ہر ایک ہمیں سنائی گئی، گمنام بنائی گئی اور اس شخص کی رضامندی سے شائع کی گئی جس پر یہ گزری۔".into(),
        },
        date: first,
    };
    store
        .save_campaign_post(&post, &audit("demo post added"))
        .await?;
    Ok(campaign.id)
}
