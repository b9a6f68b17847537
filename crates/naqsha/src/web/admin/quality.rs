//! Coding you can defend (`/admin/quality`): an admin marks a random sample of coded reports
//! for double coding; another moderator codes each again on a page that shows the report but
//! not the first coding; the page gives the agreement between the two codings per taxonomy
//! dimension (Cohen's kappa, `naqsha_core::agreement`), so campaigners can say how reliable
//! the statistics are.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use naqsha_core::agreement;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::SubmissionId;
use naqsha_core::sealing;
use naqsha_core::submission::SealedReport;
use naqsha_core::taxonomy::Labels;
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::session::Staff;
use super::{AdminUi, Route};
use crate::state::AppState;
use crate::storage::{AuditStore, ModerationStore, QualityStore};
use crate::web::error::AppError;
use crate::web::pages::render;

/// Reports an admin may mark at once.
const MAX_SAMPLE: u32 = 500;
/// The size the form suggests.
const DEFAULT_SAMPLE: u32 = 20;

/// The routes of the quality page.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs("/admin/quality", Permission::Moderate, get(page)),
        Route::needs("/admin/quality/sample", Permission::ViewAudit, post(sample)),
        Route::needs(
            "/admin/quality/{id}",
            Permission::Moderate,
            get(code_form).post(code),
        ),
    ]
}

/// One report of the sample.
struct SampleRow {
    short: String,
    /// Where to code it a second time, when the viewer may.
    code_href: Option<String>,
    status: String,
}

/// Agreement on one dimension, as shown.
struct AgreementRow {
    dimension: String,
    reports: usize,
    observed: String,
    kappa: String,
}

#[derive(Template)]
#[template(path = "admin/quality.html")]
struct QualityPage {
    ui: AdminUi,
    can_sample: bool,
    default_sample: u32,
    max_sample: u32,
    notice: Option<String>,
    total: usize,
    coded: usize,
    rows: Vec<SampleRow>,
    agreement: Vec<AgreementRow>,
}

/// `?done=` after an action.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
    #[serde(default)]
    n: String,
}

/// `GET /admin/quality`.
async fn page(
    State(state): State<AppState>,
    staff: Staff,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let ui = AdminUi::new(&staff, "/admin/quality", "/admin/quality".to_owned());
    let store = state.store();
    let sample = store.double_coding().await?;
    let mut rows = Vec::with_capacity(sample.len());
    let mut pairs = Vec::new();
    for d in &sample {
        let first_coder = store
            .inbox_row(d.submission)
            .await?
            .and_then(|r| r.assigned_to);
        let (code_href, status) = match &d.second {
            Some((_, labels)) => {
                pairs.push((d.first.clone(), labels.clone()));
                (None, ui.t("admin.quality.status.coded").to_owned())
            }
            None if first_coder == Some(staff.user.id) => {
                (None, ui.t("admin.quality.status.yours").to_owned())
            }
            None => (
                Some(format!("/admin/quality/{}", d.submission)),
                ui.t("admin.quality.status.waiting").to_owned(),
            ),
        };
        rows.push(SampleRow {
            short: d.submission.to_string().chars().take(8).collect(),
            code_href,
            status,
        });
    }
    let percent = |x: f64| format!("{:.0}%", x * 100.0);
    let agreement = agreement::per_dimension(state.taxonomy(), &pairs)
        .into_iter()
        .filter(|a| a.reports > 0)
        .map(|a| AgreementRow {
            dimension: state
                .taxonomy()
                .dimension(&a.dimension)
                .map_or_else(|| a.dimension.clone(), |d| d.label(ui.lang).to_owned()),
            reports: a.reports,
            observed: percent(a.observed),
            kappa: a
                .kappa
                .map_or_else(|| "–".to_owned(), |k| format!("{k:.2}")),
        })
        .collect();
    let notice = match done.done.as_str() {
        "sample" => {
            let n = done.n.parse::<u64>().unwrap_or(0);
            Some(ui.p("admin.quality.done.sample", n, &[("count", &n.to_string())]))
        }
        "coded" => Some(ui.t("admin.quality.done.coded").to_owned()),
        _ => None,
    };
    let page = QualityPage {
        can_sample: staff.can(Permission::ViewAudit),
        default_sample: DEFAULT_SAMPLE,
        max_sample: MAX_SAMPLE,
        notice,
        total: sample.len(),
        coded: pairs.len(),
        rows,
        agreement,
        ui,
    };
    render(&page)
}

/// `POST /admin/quality/sample`: marks `n` coded reports at random (admins).
async fn sample(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> Result<Response, AppError> {
    let n = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "n")
        .and_then(|(_, v)| v.trim().parse::<u32>().ok())
        .filter(|n| (1..=MAX_SAMPLE).contains(n))
        .ok_or(AppError::BadRequest {
            key: "admin.quality.error.size",
        })?;
    let audit = AuditEvent::now(Some(staff.user.id), AuditAction::SettingsChange).detail(format!(
        "double coding: a random sample of up to {n} coded reports"
    ));
    let marked = state
        .store()
        .sample_for_double_coding(n, staff.user.id, &audit)
        .await?;
    Ok(Redirect::to(&format!("/admin/quality?done=sample&n={marked}")).into_response())
}

/// A taxonomy dimension with its terms, as checkboxes.
struct Picker {
    key: String,
    label: String,
    terms: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "admin/quality_code.html")]
struct CodePage {
    ui: AdminUi,
    id: SubmissionId,
    text: String,
    lang: naqsha_core::lang::Lang,
    pickers: Vec<Picker>,
}

/// The report of the sample, opened for a second coder: refused to the first one.
async fn open_for_second_coding(
    state: &AppState,
    staff: &Staff,
    id: &str,
) -> Result<(SubmissionId, SealedReport), AppError> {
    let id: SubmissionId = id.parse().map_err(|_| AppError::NotFound)?;
    let store = state.store();
    let entry = store
        .double_coding()
        .await?
        .into_iter()
        .find(|d| d.submission == id)
        .ok_or(AppError::NotFound)?;
    if entry.second.is_some() {
        return Err(AppError::BadRequest {
            key: "admin.quality.error.done",
        });
    }
    let row = store.inbox_row(id).await?.ok_or(AppError::NotFound)?;
    if row.assigned_to == Some(staff.user.id) {
        return Err(AppError::Forbidden {
            key: "admin.quality.error.first_coder",
        });
    }
    let sealed = store
        .sealed_submission(id)
        .await?
        .and_then(|s| s.report)
        .ok_or(AppError::NotFound)?;
    let key = staff.key()?;
    let plain = sealing::open(&key.secret, &sealed).map_err(|e| {
        AppError::Internal(anyhow::Error::new(e).context("opening a report to code it again"))
    })?;
    let report: SealedReport = serde_json::from_slice(&plain).map_err(|e| {
        AppError::Internal(anyhow::Error::new(e).context("decoding a report to code it again"))
    })?;
    Ok((id, report))
}

/// `GET /admin/quality/{id}`: the report and empty pickers (never the first coding).
async fn code_form(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (id, report) = open_for_second_coding(&state, &staff, &id).await?;
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::ViewRaw)
                .subject(id)
                .detail("double coding"),
        )
        .await?;
    let here = format!("/admin/quality/{id}");
    let ui = AdminUi::new(&staff, "/admin/quality", here);
    let pickers = state
        .taxonomy()
        .dimensions()
        .iter()
        .map(|d| Picker {
            key: d.key.as_str().to_owned(),
            label: d.label(ui.lang).to_owned(),
            terms: d
                .terms
                .iter()
                .map(|t| (t.key.as_str().to_owned(), t.label(ui.lang).to_owned()))
                .collect(),
        })
        .collect();
    render(&CodePage {
        id,
        text: report.report.what_happened.as_str().to_owned(),
        lang: report.report.language,
        pickers,
        ui,
    })
}

/// `POST /admin/quality/{id}`: the second coding (`label.DIMENSION` = term, repeated).
async fn code(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (id, _) = open_for_second_coding(&state, &staff, &id).await?;
    let taxonomy = state.taxonomy();
    let mut labels = Labels::new();
    for (k, v) in form_urlencoded::parse(&body) {
        let Some(dimension) = k.strip_prefix("label.") else {
            continue;
        };
        if taxonomy.term(dimension, &v).is_none() {
            return Err(AppError::BadRequest {
                key: "admin.quality.error.term",
            });
        }
        labels
            .insert_str(dimension, &v)
            .map_err(|_| AppError::BadRequest {
                key: "admin.quality.error.term",
            })?;
    }
    let audit = AuditEvent::now(Some(staff.user.id), AuditAction::StatusChange)
        .subject(id)
        .detail("second coding (double coding sample)");
    let stored = state
        .store()
        .save_second_coding(id, staff.user.id, &labels, &audit)
        .await?;
    if !stored {
        return Err(AppError::BadRequest {
            key: "admin.quality.error.done",
        });
    }
    Ok(Redirect::to("/admin/quality?done=coded").into_response())
}
