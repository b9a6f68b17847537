//! The one reading of a `cases` row: every query that returns cases selects
//! [`CASE_COLUMNS`] (a case with its stories, for moderation and the one story a public page
//! shows) or [`CODED_COLUMNS`] (a case without any of its text, for exports and counts), and
//! reads the row here.

use naqsha_core::case::{Case, PublicStory};
use naqsha_core::text::{PublicText, PublicTitle};
use sqlx::any::AnyRow;

use super::StorageError;
use super::rows::Cols;

/// The columns of a case without its titles and stories.
macro_rules! coded_columns {
    () => {
        "id, submission_id, status, taxonomy_version, labels, place, province, period, \
         consent, verification, demo, created_at, updated_at, published_at"
    };
}

/// The columns of a case without any of its text: what [`coded_case`] reads.
pub(crate) const CODED_COLUMNS: &str = coded_columns!();

/// Every column of a case: what [`case_from_row`] reads.
pub(crate) const CASE_COLUMNS: &str =
    concat!(coded_columns!(), ", title_en, text_en, title_ur, text_ur");

/// A case with its stories, from a row that selected [`CASE_COLUMNS`].
pub(crate) fn case_from_row(row: &AnyRow) -> Result<Case, StorageError> {
    let c = Cols::new(row, "cases");
    Ok(Case {
        story_en: story(&c, "title_en", "text_en")?,
        story_ur: story(&c, "title_ur", "text_ur")?,
        ..coded_case(&c)?
    })
}

/// A case without its stories (both `None`), from a row that selected at least
/// [`CODED_COLUMNS`].
pub(crate) fn coded_case(c: &Cols<'_>) -> Result<Case, StorageError> {
    let labels = c.labels("labels")?;
    let period = c.opt_month("period")?;
    Ok(Case {
        id: c.parsed("id")?,
        submission: c.opt_parsed("submission_id")?,
        status: c.parsed("status")?,
        taxonomy_version: c.text("taxonomy_version")?,
        labels,
        place: c.opt_parsed("place")?,
        province: c.opt_parsed("province")?,
        period,
        story_en: None,
        story_ur: None,
        consent: c.parsed("consent")?,
        verification: c.parsed("verification")?,
        demo: c.flag("demo")?,
        created_at: c.time("created_at")?,
        updated_at: c.time("updated_at")?,
        published_at: c.opt_time("published_at")?,
    })
}

/// A story in one language: its title and text, both or neither.
fn story(
    c: &Cols<'_>,
    title: &'static str,
    text: &'static str,
) -> Result<Option<PublicStory>, StorageError> {
    match (c.opt_text(title)?, c.opt_text(text)?) {
        (Some(t), Some(x)) => Ok(Some(PublicStory {
            title: PublicTitle::parse(&t).map_err(|e| c.corrupt(title, e))?,
            text: PublicText::parse(&x).map_err(|e| c.corrupt(text, e))?,
        })),
        _ => Ok(None),
    }
}
