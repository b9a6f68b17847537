//! `GET /strategies` (and `/ur/strategies`): what survivors did and what happened, as the
//! moderators coded it — for every counted case (published stories and statistics-only
//! cases), how many took each action (`action_taken`) and where things stood after it
//! (`outcome`), as one table of actions by outcomes.
//!
//! Each row is the statistics page's own count of a selection (the cases that took that
//! action, [`counting::count`]), and every cell is published by
//! [`naqsha_core::disclosure::PublicCount`] and shown by [`shown_count`], as on `/stats`.
//! Rows keep the taxonomy's order rather than being sorted by their exact counts, which
//! would tell apart cells that are published alike.
//!
//! Below the table, the newest approved "what helped me" responses, each with a link to
//! where it was written: only those whose story is still published (or that answer a
//! campaign). They are read from the store on each request; the page is cached per
//! snapshot and per list of responses shown.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseKind, ResponseTarget};
use naqsha_core::taxonomy::Taxonomy;

use super::chart::shown_count;
use super::counting::{self, Counts};
use super::{Total, cached};
use crate::i18n::Tr;
use crate::public::{PublicQuery, Snapshot};
use crate::state::AppState;
use crate::storage::{PublicResponse, PublicResponseFilter, PublicStore, quick};
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::page_cache::PageKey;
use crate::web::pages::responses::section::ResponseItem;

/// "What helped me" responses shown at most.
const HELPED_SHOWN: usize = 20;
/// Read at most, to find the shown ones among those whose story is no longer published.
const HELPED_READ: u32 = 200;

/// A "what helped me" response, with where it was written.
#[derive(Debug, Clone)]
pub struct HelpedItem {
    /// The response as readers see it.
    pub item: ResponseItem,
    /// The story or campaign page it answers, at the response.
    pub href: String,
}

/// The rows of the table: what was done.
const ACTION: &str = "action_taken";
/// The columns of the table: what happened.
const OUTCOME: &str = "outcome";

/// One published count in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The number, or "fewer than 3".
    pub shown: String,
    /// The count is withheld.
    pub suppressed: bool,
}

impl Cell {
    fn new(tr: Tr, exact: u32) -> Self {
        let count = PublicCount::of(exact);
        Cell {
            shown: shown_count(tr, count),
            suppressed: count.is_withheld(),
        }
    }
}

/// One action and what happened to the cases that took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// The action, in the page language.
    pub label: String,
    /// Cases that took it.
    pub cases: Cell,
    /// Those cases per outcome, in the order of [`StrategiesPage::outcomes`].
    pub outcomes: Vec<Cell>,
    /// Those cases with no outcome recorded.
    pub no_outcome: Cell,
}

#[derive(Template)]
#[template(path = "public/strategies.html")]
struct StrategiesPage {
    ui: Ui,
    /// Every counted case.
    total: Total,
    /// "An action is recorded for N of these cases."
    recorded: String,
    /// The column headings: the outcomes in the page language, in taxonomy order.
    outcomes: Vec<String>,
    rows: Vec<ActionRow>,
    /// The action dimension's name ("Action taken").
    action_label: String,
    stats_href: String,
    resources_href: String,
    /// The newest approved "what helped me" responses.
    helped: Vec<HelpedItem>,
    /// They could not be read now (the page is shown without them).
    helped_unavailable: bool,
}

/// The survivor strategies page.
pub async fn strategies(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
) -> Result<Response, AppError> {
    let snapshot: Arc<Snapshot> = state.published().await?;
    let helped = helped_responses(&state, &snapshot).await;
    let key = PageKey {
        page: "/strategies",
        filter: String::new(),
        lang,
        // The responses change without a publication: the page is kept per list shown.
        extra: match &helped {
            Some(shown) => shown
                .iter()
                .map(|r| r.id.to_string())
                .collect::<Vec<_>>()
                .join(","),
            None => "unavailable".to_owned(),
        },
    };
    cached(&snapshot, key, || {
        let mut page = strategies_page(&state, lang, &snapshot);
        page.helped_unavailable = helped.is_none();
        page.helped = helped
            .iter()
            .flatten()
            .map(|r| helped_item(&page.ui, r))
            .collect();
        Ok(page.render()?)
    })
}

/// The newest approved "what helped me" responses whose story is still published (or that
/// answer a campaign); `None` when they cannot be read now.
async fn helped_responses(state: &AppState, snapshot: &Snapshot) -> Option<Vec<PublicResponse>> {
    let filter = PublicResponseFilter {
        target: None,
        kind: Some(ResponseKind::Helped),
    };
    match quick(
        state
            .public_store()
            .approved_responses(&filter, HELPED_READ, 0),
    )
    .await
    {
        Ok(found) => Some(
            found
                .into_iter()
                .filter(|r| match &r.response.target {
                    ResponseTarget::Story(case) => snapshot.case(*case).is_some(),
                    ResponseTarget::Campaign(_) => true,
                })
                .take(HELPED_SHOWN)
                .collect(),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "responses could not be read");
            None
        }
    }
}

/// A response as the strategies page lists it, with the link to where it was written.
fn helped_item(ui: &Ui, r: &PublicResponse) -> HelpedItem {
    let page = match &r.response.target {
        ResponseTarget::Story(case) => format!("/stories/{case}"),
        ResponseTarget::Campaign(slug) => format!("/campaign/{slug}"),
    };
    HelpedItem {
        item: ResponseItem::new(ui.tr, r),
        href: format!("{}#response-{}", ui.href(&page), r.id),
    }
}

/// The cases of `snapshot` that took `action`, counted per outcome.
fn action_counts(snapshot: &Snapshot, action: &str) -> Counts {
    let q = PublicQuery {
        terms: vec![(ACTION.to_owned(), vec![action.to_owned()])],
        page: 1,
        ..Default::default()
    };
    counting::count(snapshot, &snapshot.select(&q), &[OUTCOME])
}

/// The count of `term` in the `dimension` counts of `counts` (0 when not counted).
fn term_count(counts: &Counts, dimension: &str, term: &str) -> u32 {
    counts
        .dimension(dimension)
        .and_then(|d| d.terms.iter().find(|(t, _)| t == term))
        .map_or(0, |(_, n)| *n)
}

/// The table: one row per action of the taxonomy, one column per outcome.
fn table(tr: Tr, taxonomy: &Taxonomy, snapshot: &Snapshot) -> (Vec<String>, Vec<ActionRow>) {
    let lang = tr.lang();
    let outcome_terms: Vec<(&str, String)> = taxonomy
        .dimension(OUTCOME)
        .map(|d| {
            d.terms
                .iter()
                .map(|t| (t.key.as_str(), t.label(lang).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let rows = taxonomy
        .dimension(ACTION)
        .map(|d| {
            d.terms
                .iter()
                .map(|action| {
                    let counts = action_counts(snapshot, action.key.as_str());
                    let recorded = counts.dimension(OUTCOME).map_or(0, |d| d.recorded);
                    ActionRow {
                        label: action.label(lang).to_owned(),
                        cases: Cell::new(tr, counts.total),
                        outcomes: outcome_terms
                            .iter()
                            .map(|(term, _)| Cell::new(tr, term_count(&counts, OUTCOME, term)))
                            .collect(),
                        no_outcome: Cell::new(tr, counts.total.saturating_sub(recorded)),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    (
        outcome_terms.into_iter().map(|(_, label)| label).collect(),
        rows,
    )
}

fn strategies_page(state: &AppState, lang: Lang, snapshot: &Snapshot) -> StrategiesPage {
    let taxonomy = state.taxonomy();
    let ui = Ui::new(state, lang, "/strategies");
    let tr = ui.tr;
    let all = counting::count(
        snapshot,
        &snapshot.select(&PublicQuery::default()),
        &[ACTION],
    );
    let with_action = all.dimension(ACTION).map_or(0, |d| d.recorded);
    let (outcomes, rows) = table(tr, taxonomy, snapshot);
    StrategiesPage {
        total: Total::new(tr, all.total),
        recorded: tr.f(
            "strategies.recorded",
            &[("recorded", &Cell::new(tr, with_action).shown)],
        ),
        outcomes,
        rows,
        action_label: taxonomy
            .dimension(ACTION)
            .map_or_else(String::new, |d| d.label(lang).to_owned()),
        stats_href: ui.href("/stats"),
        resources_href: ui.href("/resources"),
        helped: Vec::new(),
        helped_unavailable: false,
        ui,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::public::PublicCase;
    use naqsha_core::case::Verification;
    use naqsha_core::ids::CaseId;
    use naqsha_core::places::Gazetteer;
    use naqsha_core::taxonomy::Labels;

    fn case(labels: &[(&str, &str)]) -> PublicCase {
        PublicCase {
            id: CaseId::random(),
            labels: Labels::from_pairs(labels.iter().copied()).unwrap(),
            place: None,
            district: None,
            province: None,
            period: None,
            title_en: None,
            title_ur: None,
            demo: false,
            verification: Verification::Unverified,
            published: None,
        }
    }

    #[test]
    fn each_action_row_counts_its_cases_per_outcome_under_the_public_rule() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let mut cases = Vec::new();
        // Police: 6 resolved, 2 got worse, 1 without an outcome.
        for _ in 0..6 {
            cases.push(case(&[("action_taken", "police"), ("outcome", "resolved")]));
        }
        for _ in 0..2 {
            cases.push(case(&[
                ("action_taken", "police"),
                ("action_taken", "helpline"),
                ("outcome", "got_worse"),
            ]));
        }
        cases.push(case(&[("action_taken", "police")]));
        let snapshot = Snapshot::new(1, cases, tax, g);
        let (outcomes, rows) = table(Tr(Lang::EN), tax, &snapshot);
        assert_eq!(
            outcomes,
            ["Resolved", "Ongoing", "No response", "Got worse"]
        );
        let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap();
        let shown = |r: &ActionRow| {
            std::iter::once(&r.cases)
                .chain(&r.outcomes)
                .chain([&r.no_outcome])
                .map(|c| c.shown.clone())
                .collect::<Vec<_>>()
        };
        // 9 cases published as 10, 6 as 5, 2 and 1 withheld.
        assert_eq!(
            shown(row("Police")),
            ["10", "5", "0", "0", "fewer than 3", "fewer than 3"]
        );
        assert!(row("Police").outcomes[3].suppressed && !row("Police").cases.suppressed);
        assert_eq!(
            shown(row("Helpline")),
            ["fewer than 3", "0", "0", "0", "fewer than 3", "0"]
        );
        assert_eq!(shown(row("Court")), ["0", "0", "0", "0", "0", "0"]);
        // Every action of the taxonomy has its row, in taxonomy order.
        assert_eq!(rows.len(), 8);
        assert_eq!(rows[0].label, "Reported to the platform");
    }
}
