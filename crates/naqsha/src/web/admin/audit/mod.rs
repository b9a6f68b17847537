//! `/admin/audit`: the audit log for admins, newest first, filtered by who, what, which
//! subject and which days, 100 entries a page; and `/admin/audit.csv`, the same selection as
//! a spreadsheet file (an export, so itself audited). Entries never hold raw content, so
//! nothing here needs the organisation key.

mod csv;
pub mod filter;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::UserId;
use naqsha_core::user::Permission;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

use super::super::error::AppError;
use super::super::pages::render;
use super::session::Staff;
use super::{AdminUi, Route};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::storage::{AuditStore, UserStore};
use filter::{FilterForm, PER_PAGE};

/// The audit routes.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs("/admin/audit", Permission::ViewAudit, get(page)),
        Route::needs("/admin/audit.csv", Permission::ViewAudit, get(export)),
    ]
}

/// The translation key of an action's label.
pub fn action_key(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Init => "admin.action.init",
        AuditAction::Login => "admin.action.login",
        AuditAction::LoginFailed => "admin.action.login_failed",
        AuditAction::Logout => "admin.action.logout",
        AuditAction::Unlock => "admin.action.unlock",
        AuditAction::Recover => "admin.action.recover",
        AuditAction::ViewRaw => "admin.action.view_raw",
        AuditAction::SubmissionReceived => "admin.action.submission_received",
        AuditAction::SubmissionWithdrawn => "admin.action.submission_withdrawn",
        AuditAction::RedactionDecision => "admin.action.redaction_decision",
        AuditAction::StatusChange => "admin.action.status_change",
        AuditAction::Publish => "admin.action.publish",
        AuditAction::Export => "admin.action.export",
        AuditAction::Backup => "admin.action.backup",
        AuditAction::UserChange => "admin.action.user_change",
        AuditAction::PasswordChange => "admin.action.password_change",
        AuditAction::TaxonomyReplaced => "admin.action.taxonomy_replaced",
        AuditAction::BoundariesImported => "admin.action.boundaries_imported",
        AuditAction::Import => "admin.action.import",
        AuditAction::DemoSeeded => "admin.action.demo_seeded",
        AuditAction::SettingsChange => "admin.action.settings_change",
        AuditAction::FloodMode => "admin.action.flood_mode",
        AuditAction::ViewConversation => "admin.action.view_conversation",
        AuditAction::ReplySent => "admin.action.reply_sent",
        AuditAction::ApprovalRequested => "admin.action.approval_requested",
        AuditAction::ResponseDecision => "admin.action.response_decision",
        AuditAction::ResponseWithdrawn => "admin.action.response_withdrawn",
        AuditAction::CampaignChange => "admin.action.campaign_change",
    }
}

/// The first characters of an id: enough to tell entries apart on screen.
fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

/// Staff names by account id.
struct Names(HashMap<UserId, String>);

impl Names {
    async fn load(state: &AppState) -> Result<Self, AppError> {
        Ok(Self(
            state
                .store()
                .users()
                .await?
                .into_iter()
                .map(|u| (u.id, u.username.as_str().to_owned()))
                .collect(),
        ))
    }

    /// The name of the account `id` if `id` is one.
    fn of(&self, id: &str) -> Option<&str> {
        let id = id.parse::<UserId>().ok()?;
        self.0.get(&id).map(String::as_str)
    }
}

/// Who did it, for people: a staff name, or who acts without an account.
fn actor_label(tr: Tr, names: &Names, event: &AuditEvent) -> String {
    match event.actor {
        Some(id) => names
            .of(&id.to_string())
            .map_or_else(|| short(&id.to_string()), str::to_owned),
        None => match event.action {
            AuditAction::SubmissionReceived | AuditAction::SubmissionWithdrawn => {
                tr.t("admin.audit.anonymous").to_owned()
            }
            _ => tr.t("admin.audit.system").to_owned(),
        },
    }
}

/// One choice of a filter's `<select>`.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// What an entry was about, linked to every entry about it.
struct Subject {
    /// A staff name, or the id shortened.
    text: String,
    /// Whether `text` is a staff name (else an id, shown as code).
    is_name: bool,
    /// The whole id.
    full: String,
    /// The log filtered to this subject.
    href: String,
}

/// One entry as the table shows it.
struct Row {
    at: String,
    at_iso: String,
    actor: String,
    action: String,
    subject: Option<Subject>,
    detail: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ui: AdminUi,
    form: FilterForm,
    error: Option<String>,
    actors: Vec<Choice>,
    actions: Vec<Choice>,
    rows: Vec<Row>,
    total: String,
    /// The same number, choosing the plural form.
    total_n: u64,
    position: String,
    newer: Option<String>,
    older: Option<String>,
    csv_href: String,
}

fn row(tr: Tr, names: &Names, event: &AuditEvent) -> Result<Row, AppError> {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let at = event
        .at
        .format(format)
        .map_err(|e| AppError::Internal(e.into()))?;
    let at_iso = event
        .at
        .format(&Rfc3339)
        .map_err(|e| AppError::Internal(e.into()))?;
    let subject = event.subject.as_deref().map(|s| {
        let name = names.of(s);
        Subject {
            text: name.map_or_else(|| short(s), str::to_owned),
            is_name: name.is_some(),
            full: s.to_owned(),
            href: format!(
                "/admin/audit?{}",
                FilterForm {
                    subject: s.to_owned(),
                    ..FilterForm::default()
                }
                .query(None)
            ),
        }
    });
    Ok(Row {
        at,
        at_iso,
        actor: actor_label(tr, names, event),
        action: tr.t(action_key(event.action)).to_owned(),
        subject,
        detail: event.detail.clone().unwrap_or_default(),
    })
}

async fn page(
    State(state): State<AppState>,
    staff: Staff,
    Query(form): Query<FilterForm>,
) -> Result<Response, AppError> {
    let tr = Tr(staff.lang);
    let names = Names::load(&state).await?;
    let parsed = form.parse();
    let (rows, total, page_no, error) = match &parsed {
        Ok(p) => {
            let total = state.store().count_audit_events(&p.filter).await?;
            let offset = (p.page - 1).saturating_mul(PER_PAGE);
            let events = state
                .store()
                .audit_events(&p.filter, PER_PAGE, offset)
                .await?;
            let rows = events
                .iter()
                .map(|e| row(tr, &names, e))
                .collect::<Result<Vec<_>, _>>()?;
            (rows, total, p.page, None)
        }
        Err(key) => (Vec::new(), 0, 1, Some(tr.t(key).to_owned())),
    };
    let pages = u32::try_from(total.div_ceil(u64::from(PER_PAGE)))
        .unwrap_or(u32::MAX)
        .max(1);
    let link = |p: u32| {
        let q = form.query(Some(p));
        if q.is_empty() {
            "/admin/audit".to_owned()
        } else {
            format!("/admin/audit?{q}")
        }
    };
    let mut actors: Vec<Choice> = names
        .0
        .iter()
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name.clone(),
            selected: form.actor.trim() == id.to_string(),
        })
        .collect();
    actors.sort_by(|a, b| a.label.cmp(&b.label));
    let actions = AuditAction::ALL
        .iter()
        .map(|a| Choice {
            value: a.as_str().to_owned(),
            label: tr.t(action_key(*a)).to_owned(),
            selected: form.action.trim() == a.as_str(),
        })
        .collect();
    let here = link(page_no);
    let page = AuditPage {
        ui: AdminUi::new(&staff, "/admin/audit", here),
        error,
        actors,
        actions,
        rows,
        total: total.to_string(),
        total_n: total,
        position: tr.f(
            "admin.audit.position",
            &[
                ("page", &page_no.to_string()),
                ("pages", &pages.to_string()),
            ],
        ),
        newer: (parsed.is_ok() && page_no > 1).then(|| link(page_no - 1)),
        older: (parsed.is_ok() && page_no < pages).then(|| link(page_no + 1)),
        csv_href: format!("/admin/audit.csv?{}", form.query(None)),
        form,
    };
    render(&page)
}

/// The CSV's columns: machine-readable names and values, so the file sorts and filters well
/// in any language.
const CSV_HEADER: &[&str] = &[
    "time",
    "actor_id",
    "actor",
    "action",
    "subject",
    "subject_name",
    "detail",
];

async fn export(
    State(state): State<AppState>,
    staff: Staff,
    Query(form): Query<FilterForm>,
) -> Result<Response, AppError> {
    let parsed = form.parse().map_err(|key| AppError::BadRequest { key })?;
    let names = Names::load(&state).await?;
    // One query rather than pages: entries appended meanwhile would shift the offsets and
    // repeat rows. The log holds a few short columns per entry, so this stays small.
    let events = state
        .store()
        .audit_events(&parsed.filter, u32::MAX, 0)
        .await?;
    let mut csv = csv::Csv::new(CSV_HEADER);
    for e in &events {
        let at =
            e.at.format(&Rfc3339)
                .map_err(|e| AppError::Internal(e.into()))?;
        let actor_id = e.actor.map(|a| a.to_string()).unwrap_or_default();
        let subject = e.subject.as_deref().unwrap_or("");
        csv.row(&[
            &at,
            &actor_id,
            names.of(&actor_id).unwrap_or(""),
            e.action.as_str(),
            subject,
            names.of(subject).unwrap_or(""),
            e.detail.as_deref().unwrap_or(""),
        ]);
    }
    let rows = csv.rows();
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::Export)
                .detail(format!("audit log csv, {rows} rows")),
        )
        .await?;
    let today = OffsetDateTime::now_utc()
        .format(format_description!("[year]-[month]-[day]"))
        .map_err(|e| AppError::Internal(e.into()))?;
    let disposition = format!("attachment; filename=\"naqsha-audit-{today}.csv\"");
    let mut res = csv.finish().into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).map_err(|e| AppError::Internal(e.into()))?,
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[cfg(test)]
mod tests {
    use naqsha_core::lang::Lang;

    use super::*;

    #[test]
    fn every_action_and_filter_error_has_a_label_in_both_languages() {
        for lang in Lang::BASE {
            let tr = Tr(lang);
            for action in AuditAction::ALL {
                let key = action_key(*action);
                assert_ne!(tr.t(key), key, "{key} in {lang}");
            }
            for key in filter::ERROR_KEYS {
                assert_ne!(tr.t(key), *key, "{key} in {lang}");
            }
        }
    }
}
