//! Flood mode for staff: a panel at the top of the inbox says whether it is on, since when and
//! whether traffic or the setting switched it on; `POST /admin/flood` switches the automatic
//! mode off for a while, or back to automatic, and is audited.
//!
//! Anyone who can send reports can keep flood mode on, and in flood mode survivors without
//! JavaScript are flagged and the others wait for a proof of work: someone on duty must be
//! able to stop that. The state is this node's memory ([`crate::abuse::rate_limit`]): on
//! several nodes, a switch-off applies to the node that took it, and a restart forgets it.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::user::Permission;
use time::OffsetDateTime;

use super::session::Staff;
use super::{AdminUi, Route};
use crate::abuse::FloodCause;
use crate::state::AppState;
use crate::storage::AuditStore;
use crate::web::error::AppError;

/// How long flood mode may be switched off, in hours, with the label of each choice.
pub const PAUSE_CHOICES: [(u64, &str); 3] = [
    (1, "admin.flood.hours_1"),
    (4, "admin.flood.hours_4"),
    (24, "admin.flood.hours_24"),
];

/// The route that switches flood mode.
pub fn routes() -> Vec<Route> {
    vec![Route::needs(
        "/admin/flood",
        Permission::FloodControl,
        post(switch),
    )]
}

/// The flood panel as shown.
#[derive(Debug, Clone)]
pub struct FloodPanel {
    /// Flood mode is on.
    pub on: bool,
    /// Whether it is on, why and since when, translated.
    pub state: String,
    /// Until when staff switched it off, translated.
    pub paused: Option<String>,
    /// The viewer may switch it (and the setting does not force it on).
    pub can_switch: bool,
    /// The durations offered: (hours, label key).
    pub choices: &'static [(u64, &'static str)],
}

impl FloodPanel {
    /// The panel for `staff` now.
    pub fn new(state: &AppState, staff: &Staff, ui: &AdminUi) -> Self {
        let limiter = &state.intake().limiter;
        let now = Instant::now();
        let wall = OffsetDateTime::now_utc();
        let status = limiter.flood_status(now);
        // the limiter keeps monotonic instants; shown as times of day
        let at = |t: Option<Instant>| {
            t.map(|t| {
                ui.time(if t <= now {
                    wall - (now - t)
                } else {
                    wall + (t - now)
                })
            })
            .unwrap_or_default()
        };
        let state_text = match status.cause {
            Some(FloodCause::Traffic) => ui.f(
                "admin.flood.on_traffic",
                &[
                    ("since", &at(status.since)),
                    ("ends", &at(status.ends)),
                    ("threshold", &limiter.limits().flood.threshold.to_string()),
                ],
            ),
            Some(FloodCause::Setting) => {
                ui.f("admin.flood.on_setting", &[("since", &at(status.since))])
            }
            None => ui.t("admin.flood.off").to_owned(),
        };
        Self {
            on: status.on(),
            state: state_text,
            paused: status
                .paused_until
                .map(|p| ui.f("admin.flood.paused", &[("until", &at(Some(p)))])),
            can_switch: staff.can(Permission::FloodControl)
                && status.cause != Some(FloodCause::Setting),
            choices: &PAUSE_CHOICES,
        }
    }
}

/// What the form asks for.
enum Switch {
    /// Off for this many hours.
    Pause(u64),
    /// Back to automatic.
    Resume,
}

fn parse(body: &[u8]) -> Option<Switch> {
    let mut action = None;
    let mut hours = None;
    for (key, value) in form_urlencoded::parse(body) {
        match key.as_ref() {
            "action" => action = Some(value.into_owned()),
            "hours" => hours = value.parse::<u64>().ok(),
            _ => {}
        }
    }
    match action.as_deref()? {
        "pause" => hours
            .filter(|h| PAUSE_CHOICES.iter().any(|(c, _)| c == h))
            .map(Switch::Pause),
        "resume" => Some(Switch::Resume),
        _ => None,
    }
}

/// `POST /admin/flood`: switches the automatic flood mode off for the chosen hours, or back
/// to automatic. The audit entry is written first, so no switch goes unrecorded.
async fn switch(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> Result<Response, AppError> {
    let choice = parse(&body).ok_or(AppError::BadRequest {
        key: "admin.flood.bad_choice",
    })?;
    let limiter = &state.intake().limiter;
    let now = Instant::now();
    if limiter.flood_status(now).cause == Some(FloodCause::Setting) {
        return Err(AppError::BadRequest {
            key: "admin.flood.forced",
        });
    }
    let detail = match choice {
        Switch::Pause(hours) => {
            let until = OffsetDateTime::now_utc() + Duration::from_secs(hours * 3600);
            // The audit trail keeps UTC, as every time it records.
            let until = super::local_time(&jiff::tz::TimeZone::UTC, until);
            format!("off for {hours} h, until {until}")
        }
        Switch::Resume => "automatic again".to_owned(),
    };
    state
        .store()
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::FloodMode)
                .subject("flood_mode")
                .detail(detail),
        )
        .await?;
    match choice {
        Switch::Pause(hours) => {
            limiter.pause_flood(now, now + Duration::from_secs(hours * 3600));
        }
        Switch::Resume => limiter.resume_flood(),
    }
    Ok(Redirect::to("/admin/inbox#flood").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_offered_durations_and_resume_are_taken() {
        assert!(matches!(
            parse(b"action=pause&hours=4"),
            Some(Switch::Pause(4))
        ));
        assert!(matches!(parse(b"action=resume"), Some(Switch::Resume)));
        for bad in [
            &b"action=pause&hours=1000"[..],
            b"action=pause",
            b"action=pause&hours=-1",
            b"hours=1",
            b"action=off",
            b"",
        ] {
            assert!(parse(bad).is_none(), "{}", String::from_utf8_lossy(bad));
        }
    }
}
