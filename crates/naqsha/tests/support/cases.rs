//! Published cases to put in a store, built in memory: what the public pages, the API and
//! the downloads are tested with.

use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::places::PlaceId;
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::{Labels, Taxonomy};
use naqsha_core::text::{PublicText, PublicTitle};
use time::OffsetDateTime;

/// A public story with `title` and `text`.
pub fn story(title: &str, text: &str) -> PublicStory {
    PublicStory {
        title: PublicTitle::parse(title).expect("a title"),
        text: PublicText::parse(text).expect("a text"),
    }
}

/// A place of the gazetteer, as a case holds it.
pub fn place(id: &str) -> Option<PlaceId> {
    Some(PlaceId::new(id).expect("a place id"))
}

/// A published case with an English story titled `title` and nothing else (not yet saved).
pub fn case(title: &str) -> Case {
    let now = OffsetDateTime::now_utc();
    Case {
        id: CaseId::random(),
        submission: None,
        status: CaseStatus::Published,
        taxonomy_version: Taxonomy::pakistan_default().version().to_string(),
        labels: Labels::new(),
        place: None,
        province: None,
        period: Some(YearMonth::new(2024, 3).expect("a month")),
        story_en: Some(story(title, "What happened, anonymised.")),
        story_ur: None,
        consent: Consent::Publish,
        verification: Verification::Unverified,
        demo: false,
        created_at: now,
        updated_at: now,
        published_at: Some(now),
    }
}

/// The label of a taxonomy term in a language, as the pages should show it.
pub fn term_label(dimension: &str, term: &str, lang: Lang) -> String {
    Taxonomy::pakistan_default()
        .term(dimension, term)
        .expect("a term of the default taxonomy")
        .label(lang)
        .to_owned()
}
