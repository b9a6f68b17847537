//! `GET /admin/inbox`: a hundred submissions to a page, urgent ones first, without their
//! text; one compact line each, with a box to tick for the bulk actions above the list.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use naqsha_core::ids::SubmissionId;
use naqsha_core::submission::{Channel, SubmissionStatus};
use naqsha_core::urgency::Urgency;
use naqsha_core::user::Permission;

use super::filters::{AssignedChoice, Chosen, InboxQuery, StatusChoice, Viewer};
use super::waves;
use super::{
    channel_key, consent_key, hints, kind_labels, kind_options, may_work_on, page_count,
    province_options, status_key,
};
use crate::moderation::bulk::ArchiveReason;
use crate::state::AppState;
use crate::storage::{AuditStore, InboxRow, InboxSort, ModerationStore, UserStore};
use crate::web::admin::AdminUi;
use crate::web::admin::flood::FloodPanel;
use crate::web::admin::session::Staff;
use crate::web::error::AppError;
use crate::web::pages::render;

/// Submissions per page.
pub const PER_PAGE: u32 = 100;

/// An option of a select: value, label, selected.
pub struct Choice {
    /// The value sent.
    pub value: String,
    /// What the option says.
    pub label: String,
    /// Whether it is the current one.
    pub selected: bool,
}

/// The options of a select, the one with value `current` selected.
pub(super) fn choices(options: Vec<(String, String)>, current: &str) -> Vec<Choice> {
    options
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

/// A link to another submission, by the start of its id.
pub struct SubmissionLink {
    /// The full id (for forms).
    pub id: String,
    /// Its review page.
    pub href: String,
    /// The first characters of the id.
    pub short: String,
}

impl SubmissionLink {
    /// The same link, telling the review page which inbox list it was opened from (so
    /// "then open the next report" knows the list).
    fn from(mut self, inbox: &str) -> Self {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("from", inbox);
        self.href = format!("{}?{}", self.href, q.finish());
        self
    }

    fn new(id: SubmissionId) -> Self {
        let id = id.to_string();
        Self {
            href: format!("/admin/submissions/{id}"),
            short: id.chars().take(8).collect(),
            id,
        }
    }
}

/// A near-duplicate hint of a row.
pub struct Hint {
    /// The other submission.
    pub other: SubmissionLink,
    /// "83% similar".
    pub similarity: String,
}

/// One row of the table.
pub struct Row {
    /// The submission.
    pub link: SubmissionLink,
    /// Received hour, UTC.
    pub received: String,
    /// Channel label.
    pub channel: String,
    /// Status label.
    pub status: String,
    /// Kind labels.
    pub kinds: Vec<String>,
    /// Province name, if any.
    pub province: Option<String>,
    /// Consent label.
    pub consent: String,
    /// Arrived in a flood without proof of work.
    pub flagged: bool,
    /// Why it is urgent, if it is.
    pub urgent: Option<String>,
    /// The assignee's name.
    pub assignee: Option<String>,
    /// The viewer may work on it: tick it for a bulk action, link it as a duplicate.
    pub can_link: bool,
    /// Ticked when the page is shown again after a refused bulk action.
    pub checked: bool,
    /// What it was linked to as a duplicate.
    pub duplicate_of: Option<SubmissionLink>,
    /// Likely near-duplicates.
    pub hints: Vec<Hint>,
    /// A news candidate not yet opened: it can be made a case in one step.
    pub news_candidate: bool,
}

/// A wave, as one line of the list.
pub struct WaveRow {
    /// "42 near-identical reports arrived in the hour from 6 Dec 14:00".
    pub summary: String,
    /// The wave as a list of its own.
    pub show_href: String,
    /// Its reports' ids, for the archive-all form.
    pub ids: Vec<String>,
    /// "Archive all 42 as spam".
    pub archive_label: String,
}

/// Links between pages, keeping the filters.
pub struct Paging {
    /// "Page 2 of 5".
    pub position: String,
    /// The previous page.
    pub newer: Option<String>,
    /// The next page.
    pub older: Option<String>,
}

/// The bulk-action form above the list, with what was chosen in it when it is shown again
/// after a refusal.
#[derive(Default)]
pub struct Bulk {
    /// The action chosen.
    pub action: String,
    /// The archive reasons: (value, label, chosen).
    pub reasons: Vec<Choice>,
    /// The note.
    pub note: String,
    /// The original report's id, as typed.
    pub of: String,
    /// Who to assign to: (value, label, chosen).
    pub assignees: Vec<Choice>,
    /// The ids ticked.
    pub checked: std::collections::HashSet<String>,
}

/// A message above the list after a bulk action.
pub struct Notice {
    /// What happened, or why nothing did.
    pub text: String,
    /// Whether it is a refusal.
    pub error: bool,
}

/// What a page shows besides the list: a notice and the bulk form's values.
#[derive(Default)]
pub struct Extra {
    /// The notice.
    pub notice: Option<Notice>,
    /// The bulk form as sent.
    pub bulk: Option<Bulk>,
}

#[derive(Template)]
#[template(path = "admin/inbox.html")]
struct InboxPage {
    ui: AdminUi,
    /// How many reports the viewer opened today (her workload, shown to her alone).
    workload: String,
    /// For coordinators: how many the team opened today, a total only.
    team_workload: Option<String>,
    statuses: Vec<Choice>,
    channels: Vec<Choice>,
    kinds: Vec<Choice>,
    provinces: Vec<Choice>,
    assigned: Vec<Choice>,
    sorts: Vec<Choice>,
    flagged: bool,
    urgent: bool,
    total: String,
    /// Waves, one line each (on the first page of the default view).
    waves: Vec<WaveRow>,
    /// When one wave is shown alone: what it is.
    wave_alone: Option<String>,
    rows: Vec<Row>,
    paging: Option<Paging>,
    /// This page's address, for the forms to come back to.
    back: String,
    /// The bulk form.
    bulk: Bulk,
    /// The bulk form's hint (what it reaches).
    bulk_hint: String,
    /// A message after a bulk action.
    notice: Option<Notice>,
    /// Flood mode and its switch.
    flood: FloodPanel,
}

/// What a page showing one wave says about it.
enum WaveAlone {
    /// The wave: how many reports, and their hour.
    Shown(usize, time::OffsetDateTime),
    /// The report named is no longer in a wave: it is shown alone.
    Gone,
}

fn viewer(staff: &Staff) -> Viewer {
    Viewer {
        user: staff.user.id,
        coordinates: staff.can(Permission::Assign),
    }
}

/// `GET /admin/inbox`.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    query: Result<Query<InboxQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Ok(Query(query)) = query else {
        return Err(AppError::BadRequest {
            key: "admin.inbox.error.filter",
        });
    };
    let notice = query.done().map(|(key, count, chosen)| {
        let ui = AdminUi::new(&staff, "/admin/inbox", String::new());
        let mut text = ui.f(
            key,
            &[
                ("count", &count.to_string()),
                ("chosen", &chosen.to_string()),
            ],
        );
        if count < chosen {
            text.push(' ');
            text.push_str(ui.t("admin.inbox.bulk.skipped"));
        }
        Notice { text, error: false }
    });
    page(&state, &staff, &query, Extra { notice, bulk: None }).await
}

/// The inbox page for `query`, with `extra` (a bulk action's outcome or refusal).
pub(super) async fn page(
    state: &AppState,
    staff: &Staff,
    query: &InboxQuery,
    extra: Extra,
) -> Result<Response, AppError> {
    let bad = AppError::BadRequest {
        key: "admin.inbox.error.filter",
    };
    let viewer = viewer(staff);
    let chosen = query
        .parse(viewer, state.taxonomy(), state.gazetteer())
        .map_err(|()| bad)?;
    let store = state.store();
    // The hints' signatures first: the waves are found with them.
    hints::refresh(state, staff).await?;
    let mut filter = chosen.filter(viewer);
    let looks_for_waves = chosen.wave.is_some()
        || matches!(
            chosen.status,
            StatusChoice::Open | StatusChoice::One(SubmissionStatus::New)
        );
    let found_waves = if looks_for_waves {
        waves::find(state, staff.user.id).await?
    } else {
        Vec::new()
    };
    let mut wave_alone = None;
    if let Some(one) = chosen.wave {
        let wave = found_waves.iter().find(|w| w.members.contains(&one));
        filter.only = Some(wave.map_or_else(|| vec![one], |w| w.members.clone()));
        wave_alone = Some(wave.map_or_else(
            || WaveAlone::Gone,
            |w| WaveAlone::Shown(w.members.len(), w.hour),
        ));
    } else {
        filter.except = found_waves
            .iter()
            .flat_map(|w| w.members.iter().copied())
            .collect();
    }
    let total = store.inbox_count(&filter).await?;
    let pages = page_count(total, PER_PAGE);
    if chosen.page > pages {
        return Err(AppError::NotFound);
    }
    let found = store
        .inbox_rows(&filter, PER_PAGE, (chosen.page - 1) * PER_PAGE)
        .await?;

    let ui = AdminUi::new(staff, "/admin/inbox", chosen.href(chosen.page));
    let back = chosen.href(chosen.page);
    let mut bulk = extra.bulk.unwrap_or_default();
    let rows = found
        .iter()
        .map(|r| row(state, staff, &ui, r, &back, &bulk.checked))
        .collect();
    let staff_list = if viewer.coordinates {
        store
            .users()
            .await?
            .into_iter()
            .filter(|u| !u.disabled && u.role.can(Permission::Moderate))
            .collect()
    } else {
        Vec::new()
    };
    let paging = (pages > 1).then(|| Paging {
        position: ui.f(
            "admin.inbox.position",
            &[
                ("page", &chosen.page.to_string()),
                ("pages", &pages.to_string()),
            ],
        ),
        newer: (chosen.page > 1).then(|| chosen.href(chosen.page - 1)),
        older: (chosen.page < pages).then(|| chosen.href(chosen.page + 1)),
    });
    // Workload, not surveillance: each moderator sees her own count, coordinators the
    // team's total and nobody anyone else's.
    let (mut workload, mut team_workload) = (String::new(), None);
    bulk.reasons = choices(
        crate::moderation::bulk::ArchiveReason::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), ui.t(reason_key(*r)).to_owned()))
            .collect(),
        bulk.reasons
            .iter()
            .find(|c| c.selected)
            .map_or("spam", |c| c.value.as_str()),
    );
    let mut to = vec![
        (String::new(), ui.t("admin.inbox.bulk.to_nobody").to_owned()),
        (
            staff.user.id.to_string(),
            ui.t("admin.inbox.bulk.to_me").to_owned(),
        ),
    ];
    to.extend(
        staff_list
            .iter()
            .filter(|u| u.id != staff.user.id)
            .map(|u| (u.id.to_string(), u.username.as_str().to_owned())),
    );
    let me = staff.user.id.to_string();
    bulk.assignees = choices(
        to,
        bulk.assignees
            .iter()
            .find(|c| c.selected)
            .map_or(me.as_str(), |c| c.value.as_str()),
    );
    let bulk_hint = ui.f(
        "admin.inbox.bulk.hint",
        &[(
            "scope",
            if viewer.coordinates {
                ""
            } else {
                ui.t("admin.inbox.bulk.hint_scope_mine")
            },
        )],
    );
    if let Some((from, to)) = crate::web::admin::today(&staff.tz) {
        let mine = store.reports_opened(Some(staff.user.id), from, to).await?;
        workload = ui.p(
            "admin.inbox.workload_you",
            mine,
            &[("count", &mine.to_string())],
        );
        if viewer.coordinates {
            let all = store.reports_opened(None, from, to).await?;
            team_workload = Some(ui.p(
                "admin.inbox.workload_team",
                all,
                &[("count", &all.to_string())],
            ));
        }
    }
    let waves = if chosen.wave.is_none() && chosen.page == 1 {
        found_waves
            .iter()
            .filter_map(|w| {
                let count = w.members.len();
                let first = *w.members.first()?;
                let show = Chosen {
                    wave: Some(first),
                    page: 1,
                    ..chosen.clone()
                };
                Some(WaveRow {
                    summary: ui.p(
                        "admin.inbox.wave.summary",
                        count as u64,
                        &[("count", &count.to_string()), ("hour", &ui.time(w.hour))],
                    ),
                    show_href: show.href(1),
                    ids: w.members.iter().map(ToString::to_string).collect(),
                    archive_label: ui.p(
                        "admin.inbox.wave.archive",
                        count as u64,
                        &[("count", &count.to_string())],
                    ),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let wave_alone = wave_alone.map(|w| match w {
        WaveAlone::Shown(count, hour) => ui.p(
            "admin.inbox.wave.alone",
            count as u64,
            &[("count", &count.to_string()), ("hour", &ui.time(hour))],
        ),
        WaveAlone::Gone => ui.t("admin.inbox.wave.gone").to_owned(),
    });
    let page = InboxPage {
        waves,
        wave_alone,
        workload,
        team_workload,
        statuses: status_choices(&ui, chosen.status),
        sorts: choices(
            InboxSort::ALL
                .iter()
                .map(|s| (s.as_str().to_owned(), ui.t(sort_key(*s)).to_owned()))
                .collect(),
            chosen.sort.as_str(),
        ),
        urgent: chosen.urgent,
        channels: channel_choices(&ui, chosen.channel),
        kinds: choices(
            kind_options(state.taxonomy(), ui.lang),
            chosen.kind.as_deref().unwrap_or(""),
        ),
        provinces: choices(
            province_options(state.gazetteer(), ui.lang),
            chosen.province.as_ref().map_or("", |p| p.as_str()),
        ),
        assigned: assigned_choices(&ui, &chosen, viewer, &staff_list),
        flagged: chosen.flagged,
        total: ui.p(
            "admin.inbox.count",
            u64::try_from(total).unwrap_or(0),
            &[("count", &total.to_string())],
        ),
        rows,
        paging,
        back,
        bulk,
        bulk_hint,
        notice: extra.notice,
        flood: FloodPanel::new(state, staff, &ui),
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

/// The translation key of an order.
fn sort_key(sort: InboxSort) -> &'static str {
    match sort {
        InboxSort::UrgentFirst => "admin.inbox.sort.urgent",
        InboxSort::Newest => "admin.inbox.sort.newest",
        InboxSort::Oldest => "admin.inbox.sort.oldest",
    }
}

/// The translation key of an archive reason.
fn reason_key(reason: ArchiveReason) -> &'static str {
    match reason {
        ArchiveReason::Spam => "admin.inbox.bulk.reasons.spam",
        ArchiveReason::OutOfScope => "admin.inbox.bulk.reasons.out_of_scope",
        ArchiveReason::Test => "admin.inbox.bulk.reasons.test",
        ArchiveReason::Other => "admin.inbox.bulk.reasons.other",
    }
}

/// The translation key of an urgency's reason.
pub(crate) fn urgency_key(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Danger => "admin.inbox.urgency.danger",
        Urgency::SelfHarm => "admin.inbox.urgency.self_harm",
        Urgency::Violence => "admin.inbox.urgency.violence",
        Urgency::Leak => "admin.inbox.urgency.leak",
        Urgency::Threat => "admin.inbox.urgency.threat",
        Urgency::Moderator => "admin.inbox.urgency.moderator",
    }
}

fn status_choices(ui: &AdminUi, current: StatusChoice) -> Vec<Choice> {
    let mut options = vec![
        (
            StatusChoice::Open.value().to_owned(),
            ui.t("admin.inbox.status_open").to_owned(),
        ),
        (
            StatusChoice::Any.value().to_owned(),
            ui.t("admin.inbox.status_any").to_owned(),
        ),
    ];
    options.extend(
        SubmissionStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), ui.t(status_key(*s)).to_owned())),
    );
    choices(options, current.value())
}

fn channel_choices(ui: &AdminUi, current: Option<Channel>) -> Vec<Choice> {
    let options = Channel::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), ui.t(channel_key(*c)).to_owned()))
        .collect();
    choices(options, current.map_or("", |c| c.as_str()))
}

fn assigned_choices(
    ui: &AdminUi,
    chosen: &Chosen,
    viewer: Viewer,
    staff_list: &[naqsha_core::user::User],
) -> Vec<Choice> {
    let mut options = vec![
        (
            AssignedChoice::Open.value(),
            ui.t("admin.inbox.assigned.open").to_owned(),
        ),
        (
            AssignedChoice::Anyone.value(),
            ui.t("admin.inbox.assigned.anyone").to_owned(),
        ),
        (
            AssignedChoice::Me.value(),
            ui.t("admin.inbox.assigned.me").to_owned(),
        ),
        (
            AssignedChoice::Nobody.value(),
            ui.t("admin.inbox.assigned.nobody").to_owned(),
        ),
    ];
    if viewer.coordinates {
        options.extend(
            staff_list
                .iter()
                .filter(|u| u.id != viewer.user)
                .map(|u| (u.id.to_string(), u.username.as_str().to_owned())),
        );
    }
    choices(options, &chosen.assigned.value())
}

fn row(
    state: &AppState,
    staff: &Staff,
    ui: &AdminUi,
    r: &InboxRow,
    back: &str,
    checked: &std::collections::HashSet<String>,
) -> Row {
    let e = &r.envelope;
    let workable = may_work_on(staff, r) && e.status != SubmissionStatus::Withdrawn;
    let id = e.id.to_string();
    Row {
        link: SubmissionLink::new(e.id).from(back),
        received: ui.time(e.received_hour),
        channel: ui.t(channel_key(e.channel)).to_owned(),
        status: ui.t(status_key(e.status)).to_owned(),
        kinds: kind_labels(state.taxonomy(), &r.kinds, ui.lang),
        province: e.province.as_ref().map(|p| {
            state
                .gazetteer()
                .get(p)
                .map_or_else(|| p.to_string(), |pl| pl.name(ui.lang).to_owned())
        }),
        consent: ui.t(consent_key(e.consent)).to_owned(),
        flagged: e.flagged,
        urgent: e.urgency.map(|u| ui.t(urgency_key(u)).to_owned()),
        assignee: r.assignee.clone(),
        can_link: workable,
        checked: checked.contains(&id),
        news_candidate: workable
            && e.channel == naqsha_core::submission::Channel::News
            && e.status == SubmissionStatus::New,
        duplicate_of: r.duplicate_of.map(SubmissionLink::new),
        hints: hints::of(state, e.id)
            .into_iter()
            .filter(|(other, _)| Some(*other) != r.duplicate_of)
            .map(|(other, percent)| Hint {
                other: SubmissionLink::new(other),
                similarity: ui.f("admin.inbox.similar", &[("percent", &percent.to_string())]),
            })
            .collect(),
    }
}
