//! `/admin/feeds`: news monitoring for admins. The feeds followed (last fetched, items
//! seen, candidates, the last error, the next poll) and the keyword rules, with forms to
//! add, change, switch off and remove them. Forms re-render with translated errors and the
//! values typed; successful changes redirect back to the list (post/redirect/get).

mod feed_actions;
mod rule_actions;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::lang::Lang;
use naqsha_core::taxonomy::Taxonomy;
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::super::error::AppError;
use super::super::pages::render;
use super::session::Staff;
use super::{AdminUi, Route, local_time};
use crate::state::AppState;
use crate::storage::{AuditStore, NewsStore};
use naqsha_core::news::{Feed, Rule, RuleLang, hint_values};

/// The news monitoring routes (admins: [`Permission::Settings`]).
pub fn routes() -> Vec<Route> {
    let p = Permission::Settings;
    vec![
        Route::needs("/admin/feeds", p, get(list).post(feed_actions::add)),
        Route::needs(
            "/admin/feeds/{id}",
            p,
            get(feed_actions::edit).post(feed_actions::update),
        ),
        Route::needs("/admin/feeds/{id}/toggle", p, post(feed_actions::toggle)),
        Route::needs("/admin/feeds/{id}/poll", p, post(feed_actions::poll_now)),
        Route::needs("/admin/feeds/{id}/delete", p, post(feed_actions::delete)),
        Route::needs("/admin/feeds/rules", p, post(rule_actions::add)),
        Route::needs(
            "/admin/feeds/rules/{id}",
            p,
            get(rule_actions::edit).post(rule_actions::update),
        ),
        Route::needs(
            "/admin/feeds/rules/{id}/delete",
            p,
            post(rule_actions::delete),
        ),
    ]
}

/// One choice of a `<select>`.
pub struct Choice {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

/// One feed as the list shows it.
struct FeedRow {
    id: String,
    name: String,
    url: String,
    lang: &'static str,
    enabled: bool,
    last_fetched: Option<String>,
    items_seen: i64,
    candidates: i64,
    error: Option<(&'static str, String)>,
    failures: u32,
    next_poll: String,
}

impl FeedRow {
    fn new(f: &Feed, tz: &jiff::tz::TimeZone) -> Self {
        Self {
            id: f.id.to_string(),
            name: f.name.clone(),
            url: f.url.clone(),
            lang: lang_label(f.lang),
            enabled: f.enabled,
            last_fetched: f.last_fetched_at.map(|t| local_time(tz, t)),
            items_seen: f.items_seen,
            candidates: f.candidates,
            error: f
                .last_error
                .as_ref()
                .map(|e| (e.kind.label(), e.detail.clone())),
            failures: f.failures,
            next_poll: local_time(tz, f.next_poll_at),
        }
    }
}

/// One rule as the list shows it.
struct RuleRow {
    id: String,
    name: String,
    phrases: Vec<String>,
    lang: &'static str,
    rtl: bool,
    match_all: bool,
    hints: Vec<String>,
    enabled: bool,
}

fn lang_label(lang: Lang) -> &'static str {
    match lang.base() {
        Lang::EN => "admin.feeds.lang.en",
        _ => "admin.feeds.lang.ur",
    }
}

/// The feed form's values (add or edit).
pub struct FeedFormView {
    action: String,
    submit: &'static str,
    url: String,
    name: String,
    enabled: bool,
    langs: Vec<Choice>,
    error: Option<&'static str>,
}

/// What the feed form posts.
#[derive(Debug, Default, Deserialize)]
pub struct FeedInput {
    #[serde(default)]
    url: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    enabled: Option<String>,
}

impl FeedFormView {
    fn new(action: String, submit: &'static str, input: &FeedInput) -> Self {
        Self {
            action,
            submit,
            url: input.url.clone(),
            name: input.name.clone(),
            enabled: input.enabled.is_some(),
            langs: [("en", "admin.feeds.lang.en"), ("ur", "admin.feeds.lang.ur")]
                .into_iter()
                .map(|(value, label)| Choice {
                    value,
                    label,
                    selected: input.lang == value,
                })
                .collect(),
            error: None,
        }
    }

    fn blank() -> Self {
        let input = FeedInput {
            lang: "en".into(),
            enabled: Some("1".into()),
            ..FeedInput::default()
        };
        Self::new("/admin/feeds".into(), "admin.feeds.add_feed", &input)
    }
}

/// One taxonomy term offered as a hint.
struct HintOption {
    value: String,
    label: String,
    checked: bool,
}

/// A dimension's hint checkboxes.
struct HintGroup {
    label: String,
    options: Vec<HintOption>,
}

/// The dimensions offered as hints: what a news headline tells most often.
const HINT_DIMENSIONS: [&str; 3] = ["kind", "act", "platform"];

/// The rule form's values (add or edit).
pub struct RuleFormView {
    action: String,
    submit: &'static str,
    name: String,
    phrases: String,
    match_all: bool,
    enabled: bool,
    langs: Vec<Choice>,
    hints: Vec<HintGroup>,
    any_hint: bool,
    error: Option<&'static str>,
}

/// What the rule form posts (read by hand: `hint` repeats).
#[derive(Debug, Default)]
pub struct RuleInput {
    name: String,
    phrases: String,
    lang: String,
    match_all: bool,
    enabled: bool,
    hints: Vec<String>,
}

impl RuleInput {
    fn parse(body: &[u8]) -> Self {
        let mut input = RuleInput::default();
        for (k, v) in form_urlencoded::parse(body) {
            match k.as_ref() {
                "name" => input.name = v.into_owned(),
                "phrases" => input.phrases = v.into_owned(),
                "lang" => input.lang = v.into_owned(),
                "match" => input.match_all = v == "all",
                "enabled" => input.enabled = true,
                "hint" => input.hints.push(v.into_owned()),
                _ => {}
            }
        }
        input
    }

    fn of(rule: &Rule) -> Self {
        Self {
            name: rule.name.clone(),
            phrases: rule.phrases.join("\n"),
            lang: rule.lang.as_str().to_owned(),
            match_all: rule.match_all,
            enabled: rule.enabled,
            hints: hint_values(&rule.hints),
        }
    }
}

impl RuleFormView {
    fn new(
        action: String,
        submit: &'static str,
        input: &RuleInput,
        taxonomy: &Taxonomy,
        lang: Lang,
    ) -> Self {
        let hints = HINT_DIMENSIONS
            .iter()
            .filter_map(|d| taxonomy.dimension(d))
            .map(|d| HintGroup {
                label: d.label(lang).to_owned(),
                options: d
                    .terms
                    .iter()
                    .map(|t| {
                        let value = format!("{}:{}", d.key, t.key);
                        HintOption {
                            checked: input.hints.contains(&value),
                            value,
                            label: t.label(lang).to_owned(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Self {
            action,
            submit,
            name: input.name.clone(),
            phrases: input.phrases.clone(),
            match_all: input.match_all,
            enabled: input.enabled,
            langs: RuleLang::ALL
                .into_iter()
                .map(|l| Choice {
                    value: l.as_str(),
                    label: l.label(),
                    selected: input.lang == l.as_str(),
                })
                .collect(),
            hints,
            any_hint: !input.hints.is_empty(),
            error: None,
        }
    }

    fn blank(taxonomy: &Taxonomy, lang: Lang) -> Self {
        let input = RuleInput {
            lang: "en".into(),
            enabled: true,
            ..RuleInput::default()
        };
        Self::new(
            "/admin/feeds/rules".into(),
            "admin.feeds.add_rule",
            &input,
            taxonomy,
            lang,
        )
    }
}

#[derive(Template)]
#[template(path = "admin/feeds.html")]
struct FeedsPage {
    ui: AdminUi,
    feeds: Vec<FeedRow>,
    rules: Vec<RuleRow>,
    feed_form: FeedFormView,
    rule_form: RuleFormView,
    notice: Option<&'static str>,
    poll_minutes: u32,
}

/// The list page with the given forms (blank ones, or a refused form with its values).
async fn feeds_page(
    state: &AppState,
    staff: &Staff,
    feed_form: Option<FeedFormView>,
    rule_form: Option<RuleFormView>,
    notice: Option<&'static str>,
) -> Result<FeedsPage, AppError> {
    let store = state.store();
    let taxonomy = state.taxonomy();
    let feeds = store
        .feeds()
        .await?
        .iter()
        .map(|f| FeedRow::new(f, &staff.tz))
        .collect();
    let rules = store
        .rules()
        .await?
        .iter()
        .map(|r| RuleRow {
            id: r.id.to_string(),
            name: r.name.clone(),
            phrases: r.phrases.clone(),
            lang: r.lang.label(),
            rtl: r.lang.rtl(),
            match_all: r.match_all,
            hints: r
                .hints
                .iter()
                .flat_map(|(d, terms)| {
                    terms.iter().map(move |t| {
                        taxonomy
                            .term(d.as_str(), t.as_str())
                            .map_or_else(|| t.to_string(), |term| term.label(staff.lang).to_owned())
                    })
                })
                .collect(),
            enabled: r.enabled,
        })
        .collect();
    Ok(FeedsPage {
        ui: AdminUi::new(staff, "/admin/feeds", "/admin/feeds"),
        feeds,
        rules,
        feed_form: feed_form.unwrap_or_else(FeedFormView::blank),
        rule_form: rule_form.unwrap_or_else(|| RuleFormView::blank(taxonomy, staff.lang)),
        notice,
        poll_minutes: state.config().news_poll_minutes,
    })
}

/// What was just done, named in the redirect after an action.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "feed_added" => "admin.feeds.done.feed_added",
        "feed_saved" => "admin.feeds.done.feed_saved",
        "feed_deleted" => "admin.feeds.done.feed_deleted",
        "feed_due" => "admin.feeds.done.feed_due",
        "rule_added" => "admin.feeds.done.rule_added",
        "rule_saved" => "admin.feeds.done.rule_saved",
        "rule_deleted" => "admin.feeds.done.rule_deleted",
        _ => return None,
    })
}

/// `GET /admin/feeds`.
async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    render(&feeds_page(&state, &staff, None, None, notice(&done.done)).await?)
}

/// Records a change to the news settings in the audit log: who, which feed or rule, and what
/// was done (never the feed's content).
async fn audited(
    state: &AppState,
    staff: &Staff,
    subject: impl ToString,
    what: &str,
) -> Result<(), AppError> {
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::SettingsChange)
                .subject(subject)
                .detail(what),
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tr;

    #[test]
    fn every_message_exists_in_both_languages() {
        for lang in Lang::BASE {
            for done in [
                "feed_added",
                "feed_saved",
                "feed_deleted",
                "feed_due",
                "rule_added",
                "rule_saved",
                "rule_deleted",
            ] {
                let key = notice(done).unwrap();
                assert_ne!(Tr(lang).t(key), key, "{key} in {lang}");
            }
            for kind in [
                naqsha_core::news::FetchErrorKind::Connect,
                naqsha_core::news::FetchErrorKind::Timeout,
                naqsha_core::news::FetchErrorKind::Status,
                naqsha_core::news::FetchErrorKind::TooLarge,
                naqsha_core::news::FetchErrorKind::Parse,
            ] {
                assert_ne!(Tr(lang).t(kind.label()), kind.label(), "{lang}");
            }
            for l in RuleLang::ALL {
                assert_ne!(Tr(lang).t(l.label()), l.label(), "{lang}");
            }
        }
    }
}
