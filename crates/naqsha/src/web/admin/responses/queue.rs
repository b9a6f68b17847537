//! `GET /admin/responses`: the waiting responses, oldest first, a hundred entries a page;
//! near-duplicates folded into one entry that says how many and can be decided at once.
//!
//! The oldest [`MAX_GROUPED`] waiting responses of the filter are opened in memory to group
//! them (the grouping reaches across pages, so a troll template sent 600 times is one
//! entry); the redaction engine reads only the responses the page shows.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use naqsha_core::ids::{CaseId, ResponseId};
use naqsha_core::lang::Lang;
use naqsha_core::response::{ResponseBody, ResponseKind, ResponseTarget};
use serde::Deserialize;

use super::{Filters, kind_key, licence_key};
use crate::moderation::responses::{near_duplicate_groups, open_body, suggestions};
use crate::state::AppState;
use crate::storage::{ModerationStore, ResponseStore, StoredResponse};
use crate::web::admin::AdminUi;
use crate::web::admin::review::page::{RawPiece, raw_pieces};
use crate::web::admin::review::segments::{Segment, segments};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;
use crate::web::pages::render;

/// Entries (a response, or a group of near-duplicates) per page.
pub const PER_PAGE: usize = 100;
/// Waiting responses opened and grouped per view, oldest first; younger ones are listed
/// once these are decided.
pub const MAX_GROUPED: u32 = 2_000;
/// Members of a group shown inside it (the group's forms reach all of them).
pub const MEMBERS_SHOWN: usize = 20;

/// The query: filters, and what the last decision did.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    #[serde(flatten)]
    filters: Filters,
    #[serde(default)]
    approved: Option<usize>,
    #[serde(default)]
    rejected: Option<usize>,
    #[serde(default)]
    stale: Option<usize>,
    #[serde(default)]
    held: Option<usize>,
}

/// Where a response is to be shown.
pub struct TargetView {
    /// The story's title or the campaign's slug.
    pub label: String,
    /// The story's page (none for a campaign, or a story no longer public).
    pub href: Option<String>,
    /// Whether it is a campaign.
    pub campaign: bool,
}

/// One response, opened.
pub struct Item {
    /// The id.
    pub id: String,
    /// The kind, translated.
    pub kind: &'static str,
    /// The language it was written in (`lang`, `dir`).
    pub lang: Lang,
    /// The credit she chose.
    pub pseudonym: Option<String>,
    /// Where it is for.
    pub target: TargetView,
    /// The hour it arrived.
    pub received: String,
    /// Arrived in a flood without a proof of work.
    pub flagged: bool,
    /// Title, text and pseudonym, cut at the engine's suggestions.
    pub segments: Vec<Segment>,
    /// The engine suggested personal data: approved only alone.
    pub needs_check: bool,
    /// A creative response's title.
    pub title: Option<String>,
    /// A creative response's licence, translated.
    pub licence: Option<&'static str>,
    /// A creative response's link, shown as text.
    pub link: Option<String>,
    /// Whether an image came with it.
    pub image: bool,
    /// Ticked again after a refused action.
    pub checked: bool,
}

/// An entry of the list: one response, or a group of near-duplicates.
pub struct Entry {
    /// The first (oldest) response, shown open.
    pub first: Item,
    /// The others shown inside the fold (at most [`MEMBERS_SHOWN`]).
    pub others: Vec<Item>,
    /// Every member's id, for the group's forms.
    pub ids: Vec<String>,
    /// "37 near-identical responses".
    pub summary: Option<String>,
    /// "and 17 more" when not every member is shown.
    pub more: Option<String>,
    /// How many members need a check before approval.
    pub to_check: Option<String>,
}

/// A message above the list.
pub struct Notice {
    /// What happened, or why nothing did.
    pub text: String,
    /// Whether it is a refusal.
    pub error: bool,
}

/// An option of a select.
pub struct Choice {
    /// The value sent.
    pub value: &'static str,
    /// What it says.
    pub label: &'static str,
    /// Whether it is the current one.
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin/responses.html")]
struct QueuePage {
    ui: AdminUi,
    filters: Filters,
    flagged_choices: Vec<Choice>,
    kinds: Vec<Choice>,
    /// "312 responses waiting, 120 of them flagged".
    total: String,
    /// How many flagged responses wait (for the reject-all form).
    flagged_waiting: u64,
    reject_flagged_label: String,
    /// When more wait than are grouped.
    capped: Option<String>,
    entries: Vec<Entry>,
    notice: Option<Notice>,
    newer: Option<String>,
    older: Option<String>,
    position: Option<String>,
    /// The page number, for the forms to come back to.
    page: u32,
}

impl QueuePage {
    /// Raw text in pieces, hidden characters as markers.
    pub fn pieces<'t>(&self, text: &'t str) -> Vec<RawPiece<'t>> {
        raw_pieces(text)
    }

    /// A kind of personal data, translated.
    pub fn kind_label(&self, k: &naqsha_core::redaction::Kind) -> &'static str {
        self.ui.t(crate::web::admin::review::labels::kind(*k))
    }
}

/// What a decision did, in words ("312 rejected, 2 already decided by someone else").
pub fn outcome_text(
    ui: &AdminUi,
    approved: usize,
    rejected: usize,
    stale: usize,
    held: usize,
) -> String {
    let mut parts = Vec::new();
    let n = |n: usize| n.to_string();
    if approved > 0 || (rejected == 0 && stale == 0 && held == 0) {
        parts.push(ui.p(
            "admin.responses.done.approved",
            approved as u64,
            &[("count", &n(approved))],
        ));
    }
    if rejected > 0 {
        parts.push(ui.p(
            "admin.responses.done.rejected",
            rejected as u64,
            &[("count", &n(rejected))],
        ));
    }
    if stale > 0 {
        parts.push(ui.p(
            "admin.responses.done.stale",
            stale as u64,
            &[("count", &n(stale))],
        ));
    }
    if held > 0 {
        parts.push(ui.p(
            "admin.responses.done.held",
            held as u64,
            &[("count", &n(held))],
        ));
    }
    parts.join(ui.t("admin.responses.done.separator"))
}

/// `GET /admin/responses`.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Ok(Query(query)) = query else {
        return Err(AppError::BadRequest {
            key: "admin.responses.error.filter",
        });
    };
    let ui = AdminUi::new(&staff, super::QUEUE_PATH, String::new());
    let notice = match (query.approved, query.rejected, query.stale, query.held) {
        (None, None, None, None) => None,
        (a, r, s, h) => Some(Notice {
            text: outcome_text(
                &ui,
                a.unwrap_or(0),
                r.unwrap_or(0),
                s.unwrap_or(0),
                h.unwrap_or(0),
            ),
            error: false,
        }),
    };
    page(&state, &staff, query.filters, notice, &[]).await
}

/// Where a response is for, as the queue shows it; stories looked up once per page.
async fn target_view(
    state: &AppState,
    lang: Lang,
    target: &ResponseTarget,
    titles: &mut HashMap<CaseId, Option<String>>,
) -> Result<TargetView, AppError> {
    Ok(match target {
        ResponseTarget::Campaign(slug) => TargetView {
            label: slug.clone(),
            href: None,
            campaign: true,
        },
        ResponseTarget::Story(case) => {
            if !titles.contains_key(case) {
                let title = state.store().case(*case).await?.and_then(|c| {
                    let (mine, other) = match lang.base() {
                        Lang::EN => (c.story_en, c.story_ur),
                        _ => (c.story_ur, c.story_en),
                    };
                    mine.or(other).map(|s| s.title.as_str().to_owned())
                });
                titles.insert(*case, title);
            }
            let title = titles.get(case).cloned().flatten();
            let prefix = lang.localise("");
            TargetView {
                href: title.as_ref().map(|_| format!("{prefix}/stories/{case}")),
                label: title.unwrap_or_else(|| case.to_string()),
                campaign: false,
            }
        }
    })
}

/// One response opened for the page.
pub(super) async fn item(
    state: &AppState,
    ui: &AdminUi,
    stored: &StoredResponse,
    body: &ResponseBody,
    titles: &mut HashMap<CaseId, Option<String>>,
    checked: &[String],
) -> Result<Item, AppError> {
    let readable = body.readable();
    let spans = suggestions(body);
    let id = stored.id.to_string();
    Ok(Item {
        kind: ui.t(kind_key(stored.kind)),
        lang: body.lang,
        pseudonym: body.pseudonym.as_ref().map(|p| p.as_str().to_owned()),
        target: target_view(state, ui.lang, &stored.target, titles).await?,
        received: ui.time(stored.received_at),
        flagged: stored.flagged,
        segments: segments(&readable, &spans, &[], &[]),
        needs_check: !spans.is_empty(),
        title: body.title.as_ref().map(|t| t.as_str().to_owned()),
        licence: body.licence.map(|l| ui.t(licence_key(l))),
        link: body.link.as_ref().map(|l| l.as_str().to_owned()),
        image: stored.sealed_image.is_some(),
        checked: checked.contains(&id),
        id,
    })
}

/// The queue page for `filters`, with `notice` and the ids `checked` ticked again.
pub(super) async fn page(
    state: &AppState,
    staff: &Staff,
    filters: Filters,
    notice: Option<Notice>,
    checked: &[String],
) -> Result<Response, AppError> {
    let bad = AppError::BadRequest {
        key: "admin.responses.error.filter",
    };
    let (Some(waiting_filter), Some(page_no)) = (filters.waiting(), filters.page()) else {
        return Err(bad);
    };
    let key = staff.key()?;
    let store = state.store();
    let (waiting, flagged_waiting) = store.waiting_response_counts().await?;
    let found = store
        .waiting_responses(waiting_filter, MAX_GROUPED, 0)
        .await?;
    let mut opened: Vec<(StoredResponse, ResponseBody)> = Vec::with_capacity(found.len());
    for stored in found {
        if let Some(body) = open_body(&key.secret, &stored)
            .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("opening responses")))?
        {
            opened.push((stored, body));
        }
    }
    let texts: Vec<(ResponseId, String)> =
        opened.iter().map(|(s, b)| (s.id, b.readable())).collect();
    let groups = near_duplicate_groups(&texts);
    let at: HashMap<ResponseId, usize> = opened
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.id, i))
        .collect();
    let pages = u32::try_from(groups.len().max(1).div_ceil(PER_PAGE)).unwrap_or(u32::MAX);
    // After a decision the list is shorter: a page past its end shows the last one.
    let page_no = page_no.min(pages);
    let ui = AdminUi::new(staff, super::QUEUE_PATH, filters.href(page_no, &[]));
    let mut titles = HashMap::new();
    let mut entries = Vec::new();
    let start = (page_no as usize - 1) * PER_PAGE;
    for group in groups.iter().skip(start).take(PER_PAGE) {
        let mut shown = Vec::new();
        for id in group.iter().take(MEMBERS_SHOWN + 1) {
            let Some(&i) = at.get(id) else { continue };
            let (stored, body) = &opened[i];
            shown.push(item(state, &ui, stored, body, &mut titles, checked).await?);
        }
        let mut shown = shown.into_iter();
        let Some(first) = shown.next() else { continue };
        let others: Vec<Item> = shown.collect();
        let count = group.len();
        let to_check = std::iter::once(&first)
            .chain(&others)
            .filter(|i| i.needs_check)
            .count();
        entries.push(Entry {
            summary: (count > 1).then(|| {
                ui.p(
                    "admin.responses.group.summary",
                    count as u64,
                    &[("count", &count.to_string())],
                )
            }),
            more: (count > others.len() + 1).then(|| {
                let rest = count - others.len() - 1;
                ui.p(
                    "admin.responses.group.more",
                    rest as u64,
                    &[("count", &rest.to_string())],
                )
            }),
            to_check: (count > 1 && to_check > 0).then(|| {
                ui.p(
                    "admin.responses.group.to_check",
                    to_check as u64,
                    &[("count", &to_check.to_string())],
                )
            }),
            ids: group.iter().map(ToString::to_string).collect(),
            first,
            others,
        });
    }
    let flagged_choices = [
        ("", "admin.responses.flagged.any"),
        ("1", "admin.responses.flagged.only"),
        ("0", "admin.responses.flagged.not"),
    ]
    .into_iter()
    .map(|(value, key)| Choice {
        value,
        label: ui.t(key),
        selected: filters.flagged == value,
    })
    .collect();
    let kinds = [
        ResponseKind::Support,
        ResponseKind::Helped,
        ResponseKind::Creative,
    ]
    .into_iter()
    .map(|k| Choice {
        value: k.as_str(),
        label: ui.t(kind_key(k)),
        selected: filters.kind == k.as_str(),
    })
    .collect();
    let page = QueuePage {
        total: ui.p(
            "admin.responses.count",
            waiting,
            &[
                ("count", &waiting.to_string()),
                ("flagged", &flagged_waiting.to_string()),
            ],
        ),
        reject_flagged_label: ui.p(
            "admin.responses.reject_flagged",
            flagged_waiting,
            &[("count", &flagged_waiting.to_string())],
        ),
        flagged_waiting,
        capped: (opened.len() >= MAX_GROUPED as usize).then(|| {
            ui.f(
                "admin.responses.capped",
                &[("count", &MAX_GROUPED.to_string())],
            )
        }),
        flagged_choices,
        kinds,
        entries,
        notice,
        newer: (page_no > 1).then(|| filters.href(page_no - 1, &[])),
        older: (page_no < pages).then(|| filters.href(page_no + 1, &[])),
        position: (pages > 1).then(|| {
            ui.f(
                "admin.responses.position",
                &[
                    ("page", &page_no.to_string()),
                    ("pages", &pages.to_string()),
                ],
            )
        }),
        page: page_no,
        filters,
        ui,
    };
    let status = if page.notice.as_ref().is_some_and(|n| n.error) {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = render(&page)?;
    *response.status_mut() = status;
    Ok(response)
}
