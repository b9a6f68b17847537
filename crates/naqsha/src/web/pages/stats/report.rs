//! `GET /stats/report` (and `/ur/stats/report`): a printable summary of the selection for
//! advocacy letters and briefings: what was selected, the totals, the main breakdowns as
//! tables and how the numbers were made, dated.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use naqsha_core::lang::Lang;
use time::OffsetDateTime;

use super::chart::Chart;
use super::counting::{self, Counts};
use super::view::{self, FilterForm};
use super::{Total, cached, parse_query};
use crate::i18n::Tr;
use crate::public::{PublicQuery, Snapshot};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::page_cache::PageKey;
use crate::web::pages::public_address;

/// The dimensions the summary breaks down (province and year follow them).
const REPORT_DIMENSIONS: &[&str] = &["kind", "act", "platform"];

#[derive(Template)]
#[template(path = "public/stats_report.html")]
struct ReportPage {
    ui: Ui,
    form: FilterForm,
    years: String,
    area: String,
    /// The scope in one line for the document title: "Act: Blackmail · 2019–2024 · Punjab".
    scope: String,
    total: Total,
    verification: String,
    tables: Vec<Chart>,
    generated: String,
    stats_url: String,
    data_url: String,
    stats_href: String,
}

/// The printable summary.
pub async fn report(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let q = parse_query(&state, raw.as_deref())?;
    let snapshot: Arc<Snapshot> = state.published().await?;
    let today = OffsetDateTime::now_utc().date();
    // Links are printed in full, so that a printed link works on paper.
    let base = public_address::base(&state, &headers).unwrap_or_default();
    let key = PageKey {
        page: "/stats/report",
        filter: q.filter_string(),
        lang,
        extra: format!("{today} {base}"),
    };
    cached(&snapshot, key, || {
        Ok(crate::web::pages::html(&report_page(
            &state, lang, &q, &snapshot, today, &base,
        ))?)
    })
}

fn report_page(
    state: &AppState,
    lang: Lang,
    q: &PublicQuery,
    snapshot: &Snapshot,
    today: time::Date,
    base: &str,
) -> ReportPage {
    let taxonomy = state.taxonomy();
    let gazetteer = state.gazetteer();
    let selection = snapshot.select(q);
    let counts: Counts = counting::count(snapshot, &selection, REPORT_DIMENSIONS);
    let ui = Ui::new(state, lang, &q.href("/stats/report", 1));
    let tr = ui.tr;
    let mut tables: Vec<Chart> = counts
        .dimensions
        .iter()
        .filter_map(|d| view::dimension_chart(tr, taxonomy, &counts, d, true))
        .collect();
    tables.push(view::province_chart(tr, gazetteer, &counts));
    tables.push(view::year_chart(tr, &counts));
    let area = match q.province.as_ref().and_then(|p| gazetteer.get(p)) {
        Some(p) => p.name(lang).to_owned(),
        None => tr.t("stats_report.all_areas").to_owned(),
    };
    let form = FilterForm::new(
        tr,
        ui.href("/stats/report"),
        q,
        snapshot,
        taxonomy,
        gazetteer,
    );
    let years = years_label(tr, q);
    let scope = form
        .active
        .iter()
        .map(|a| format!("{}: {}", a.label, a.terms))
        .chain([years.clone(), area.clone()])
        .collect::<Vec<_>>()
        .join(" · ");
    ReportPage {
        form,
        years,
        area,
        scope,
        total: Total::new(tr, counts.total),
        verification: view::verification_note(tr, &counts),
        tables,
        generated: tr.f(
            "stats_report.generated",
            &[("date", &date_label(tr, today))],
        ),
        stats_url: format!("{base}{}", q.href(&ui.href("/stats"), 1)),
        data_url: format!("{base}{}", ui.href("/data")),
        stats_href: q.href(&ui.href("/stats"), 1),
        ui,
    }
}

/// The years of the selection in words: "All years", "2019–2024", "From 2019", "Up to 2024".
fn years_label(tr: Tr, q: &PublicQuery) -> String {
    match (q.from, q.to) {
        (None, None) => tr.t("stats_report.all_years").to_owned(),
        (Some(f), Some(t)) if f == t => f.to_string(),
        (Some(f), Some(t)) => tr.f(
            "stats_report.years_range",
            &[("from", &f.to_string()), ("to", &t.to_string())],
        ),
        (Some(f), None) => tr.f("stats_report.years_from", &[("from", &f.to_string())]),
        (None, Some(t)) => tr.f("stats_report.years_to", &[("to", &t.to_string())]),
    }
}

/// "5 March 2025" / "5 مارچ 2025".
fn date_label(tr: Tr, date: time::Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        tr.month(date.month().into()),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ranges_read_as_words() {
        let q = |from, to| PublicQuery {
            from,
            to,
            ..Default::default()
        };
        let tr = Tr(Lang::EN);
        assert_eq!(years_label(tr, &q(None, None)), "All years");
        assert_eq!(years_label(tr, &q(Some(2019), Some(2024))), "2019–2024");
        assert_eq!(years_label(tr, &q(Some(2020), Some(2020))), "2020");
        assert_eq!(years_label(tr, &q(Some(2019), None)), "From 2019");
        assert_eq!(years_label(tr, &q(None, Some(2024))), "Up to 2024");
        let d = time::Date::from_calendar_date(2025, time::Month::March, 5).unwrap();
        assert_eq!(date_label(tr, d), "5 March 2025");
    }
}
