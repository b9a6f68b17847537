//! The staff workspace under `/admin`: sign-in with a second factor, the inbox, the review
//! screen, the audit log and staff accounts. Every page takes [`session::Staff`], which
//! only a fully signed-in, unexpired session yields; every state-changing request passed the
//! CSRF layer ([`super::csrf`]) before it got here.

pub mod audit;
pub mod campaigns;
pub mod conversation;
pub mod federation;
pub mod feeds;
pub mod flood;
pub mod inbox;
pub mod login;
pub mod quality;
pub mod referrals;
pub mod responses;
pub mod review;
pub mod session;
pub mod unlock;
pub mod users;

use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get};
use naqsha_core::lang::Lang;
use naqsha_core::user::{Permission, Role};

use crate::i18n::{PluralNumber, Tr};
use crate::state::AppState;
use session::Staff;

/// Who may use a route. Checked in one layer before the handler (see [`super::router`]);
/// handlers add only object-level checks (a moderator's own or unassigned reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: public pages, the API, the sign-in steps.
    Anyone,
    /// Any signed-in staff member.
    SignedIn,
    /// Signed-in staff whose role has this permission.
    Needs(Permission),
}

/// One route of the table.
pub struct Route {
    /// The path pattern.
    pub path: &'static str,
    /// Who may use it.
    pub access: Access,
    /// The handlers.
    pub router: MethodRouter<AppState>,
}

impl Route {
    /// A route for signed-in staff with `permission`.
    pub fn needs(
        path: &'static str,
        permission: Permission,
        router: MethodRouter<AppState>,
    ) -> Self {
        Self {
            path,
            access: Access::Needs(permission),
            router,
        }
    }
}

/// Every workspace route.
pub fn routes() -> Vec<Route> {
    let mut all = vec![Route {
        path: "/admin",
        access: Access::SignedIn,
        router: get(home),
    }];
    all.extend(login::routes());
    all.extend(unlock::routes());
    all.extend(inbox::routes());
    all.extend(review::routes());
    all.extend(conversation::routes());
    all.extend(audit::routes());
    all.extend(quality::routes());
    all.extend(users::routes());
    all.extend(feeds::routes());
    all.extend(federation::routes());
    all.extend(campaigns::routes());
    all.extend(flood::routes());
    all.extend(referrals::routes());
    all.extend(responses::routes());
    all
}

/// Middleware for a route with [`Access::Needs`]: sends a visitor who is not signed in to
/// the sign-in page and refuses a role without the permission.
pub async fn check_access(
    state: AppState,
    permission: Permission,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::extract::FromRequestParts;
    let (mut parts, body) = req.into_parts();
    let staff = match Staff::from_request_parts(&mut parts, &state).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    if let Err(e) = staff.require(permission) {
        return e.into_response();
    }
    // The handler's `Staff` extractor takes this one instead of reading the session again.
    parts.extensions.insert(staff);
    next.run(axum::extract::Request::from_parts(parts, body))
        .await
}

/// `/admin`: the first page a role works on.
async fn home(staff: Staff) -> Response {
    let to = if staff.can(Permission::Moderate) {
        "/admin/inbox"
    } else {
        "/admin/cases"
    };
    Redirect::to(to).into_response()
}

/// One link of the workspace navigation.
#[derive(Debug, Clone)]
pub struct NavLink {
    /// Where it goes.
    pub href: &'static str,
    /// Translation key of its label.
    pub label: &'static str,
    /// Whether it is the current section.
    pub current: bool,
    /// What waits there ("12 waiting"), if anything.
    pub count: Option<String>,
}

/// The frame of every workspace page (`templates/admin/base.html`).
#[derive(Debug, Clone)]
pub struct AdminUi {
    /// The page language.
    pub lang: Lang,
    /// The other language, offered by the switch.
    pub other: Lang,
    /// Translator into `lang`.
    pub tr: Tr,
    /// The CSRF token for this page's forms.
    pub csrf: String,
    /// The signed-in account's name, if any.
    pub username: Option<String>,
    /// Its role's translation key.
    pub role: Option<&'static str>,
    /// The navigation the role may use.
    pub nav: Vec<NavLink>,
    /// This page's path, to come back to after switching language.
    pub here: String,
    /// The organisation's time zone, times are shown in.
    pub tz: jiff::tz::TimeZone,
}

/// Today in the organisation's time zone, as the moments `[start, end)`.
pub fn today(tz: &jiff::tz::TimeZone) -> Option<(time::OffsetDateTime, time::OffsetDateTime)> {
    let now = jiff::Timestamp::now().to_zoned(tz.clone());
    let start = now.start_of_day().ok()?;
    let end = start.tomorrow().ok()?.start_of_day().ok()?;
    let at = |z: &jiff::Zoned| time::OffsetDateTime::from_unix_timestamp(z.timestamp().as_second());
    Some((at(&start).ok()?, at(&end).ok()?))
}

/// `t` as staff pages show it: to the minute, in the organisation's time zone, with the
/// zone's abbreviation (`2026-12-06 14:05 PKT`).
pub fn local_time(tz: &jiff::tz::TimeZone, t: time::OffsetDateTime) -> String {
    match jiff::Timestamp::from_second(t.unix_timestamp()) {
        Ok(ts) => ts
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
        Err(_) => String::new(),
    }
}

/// The sections of the navigation, each shown to the staff its route lets in.
const SECTIONS: &[(&str, &str, Access)] = &[
    (
        "/admin/inbox",
        "admin.nav.inbox",
        Access::Needs(Permission::Moderate),
    ),
    (
        "/admin/responses",
        "admin.nav.responses",
        Access::Needs(Permission::Moderate),
    ),
    (
        "/admin/cases",
        "admin.nav.cases",
        Access::Needs(Permission::ViewCases),
    ),
    (
        "/admin/users",
        "admin.nav.users",
        Access::Needs(Permission::ManageUsers),
    ),
    (
        "/admin/audit",
        "admin.nav.audit",
        Access::Needs(Permission::ViewAudit),
    ),
    (
        "/admin/quality",
        "admin.nav.quality",
        Access::Needs(Permission::Moderate),
    ),
    (
        "/admin/feeds",
        "admin.nav.feeds",
        Access::Needs(Permission::Settings),
    ),
    (
        "/admin/federation",
        "admin.nav.federation",
        Access::Needs(Permission::Settings),
    ),
    (
        "/admin/campaigns",
        "admin.nav.campaigns",
        Access::Needs(Permission::Settings),
    ),
    ("/admin/referrals", "admin.nav.referrals", Access::SignedIn),
];

fn other(lang: Lang) -> Lang {
    match lang.base() {
        Lang::EN => Lang::UR,
        _ => Lang::EN,
    }
}

/// The translation key of a role's name.
pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin.role.admin",
        Role::Coordinator => "admin.role.coordinator",
        Role::Moderator => "admin.role.moderator",
        Role::Analyst => "admin.role.analyst",
    }
}

impl AdminUi {
    /// The frame for a signed-in page at `here`, in section `section` (its path).
    pub fn new(staff: &Staff, section: &str, here: impl Into<String>) -> Self {
        let nav = SECTIONS
            .iter()
            .filter(|(_, _, access)| match access {
                Access::Needs(p) => staff.can(*p),
                Access::SignedIn | Access::Anyone => true,
            })
            .map(|&(href, label, _)| NavLink {
                href,
                label,
                current: href == section,
                count: (href == responses::QUEUE_PATH)
                    .then_some(staff.responses_waiting)
                    .flatten()
                    .filter(|n| *n > 0)
                    .map(|n| {
                        Tr(staff.lang).p("admin.nav.waiting", n, &[("count", &n.to_string())])
                    }),
            })
            .collect();
        Self {
            lang: staff.lang,
            other: other(staff.lang),
            tr: Tr(staff.lang),
            csrf: staff.csrf.clone(),
            username: Some(staff.user.username.as_str().to_owned()),
            role: Some(role_key(staff.user.role)),
            nav,
            here: here.into(),
            tz: staff.tz.clone(),
        }
    }

    /// `t` in the organisation's time zone, to the minute ([`local_time`]).
    pub fn time(&self, t: time::OffsetDateTime) -> String {
        local_time(&self.tz, t)
    }

    /// The frame of a sign-in page (nobody signed in yet).
    pub fn signing_in(lang: Lang, csrf: String, here: impl Into<String>) -> Self {
        Self {
            lang,
            other: other(lang),
            tr: Tr(lang),
            csrf,
            username: None,
            role: None,
            nav: Vec::new(),
            here: here.into(),
            // Sign-in pages show no times.
            tz: jiff::tz::TimeZone::UTC,
        }
    }

    /// Translates `key`.
    pub fn t<'k>(&self, key: &'k str) -> &'k str {
        self.tr.t(key)
    }

    /// Translates `key` with `{name}` placeholders filled.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.tr.f(key, args)
    }

    /// `text` as HTML, with numbers, phone numbers, codes and addresses isolated from the
    /// Urdu around them (see [`crate::bidi`]); for `|safe` in templates.
    pub fn bidi(&self, text: &str) -> String {
        crate::bidi::html(self.tr.lang(), text)
    }

    /// The plural form of `key` that fits `n`, with `{name}` placeholders filled.
    pub fn p(&self, key: &str, n: impl PluralNumber, args: &[(&str, &str)]) -> String {
        self.tr.p(key, n.number(), args)
    }
}
