//! The audit trail: who did what and when, never with raw content.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::enums::str_enum;
use crate::ids::{AuditEventId, UserId};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// The organisation key pair was created.
    Init,
    /// A staff member logged in.
    Login,
    /// A login failed.
    LoginFailed,
    /// A staff member logged out.
    Logout,
    /// The organisation key was unwrapped into a session.
    Unlock,
    /// The recovery key was used.
    Recover,
    /// Someone read raw report text.
    ViewRaw,
    /// A report arrived (no content recorded).
    SubmissionReceived,
    /// A survivor withdrew a report.
    SubmissionWithdrawn,
    /// A redaction was accepted or rejected.
    RedactionDecision,
    /// A case changed status.
    StatusChange,
    /// A case was published.
    Publish,
    /// Data left the system.
    Export,
    /// A backup was written.
    Backup,
    /// A staff account was created, changed or disabled.
    UserChange,
    /// A password was changed.
    PasswordChange,
    /// The taxonomy was replaced.
    TaxonomyReplaced,
    /// District boundaries were imported.
    BoundariesImported,
    /// Data was imported.
    Import,
    /// Demo data was seeded.
    DemoSeeded,
    /// A setting was changed (news feeds and their keyword rules).
    SettingsChange,
    /// Staff switched the automatic flood mode off for a while, or back on.
    FloodMode,
    /// Staff opened the conversation with a reporter (her words and the replies).
    ViewConversation,
    /// Staff sent a reply to a reporter (the detail names attached referrals, never words).
    ReplySent,
    /// Staff sent the anonymised version to a reporter for her approval.
    ApprovalRequested,
    /// Staff approved, rejected or edited public responses (the detail counts them).
    ResponseDecision,
    /// A writer changed or deleted her response with its receipt.
    ResponseWithdrawn,
    /// An admin created, changed or deleted a campaign page, post or image.
    CampaignChange,
}

str_enum!(AuditAction {
    Init => "init", Login => "login", LoginFailed => "login_failed", Logout => "logout",
    Unlock => "unlock", Recover => "recover", ViewRaw => "view_raw",
    SubmissionReceived => "submission_received", SubmissionWithdrawn => "submission_withdrawn",
    RedactionDecision => "redaction_decision", StatusChange => "status_change",
    Publish => "publish", Export => "export", Backup => "backup", UserChange => "user_change",
    PasswordChange => "password_change", TaxonomyReplaced => "taxonomy_replaced",
    BoundariesImported => "boundaries_imported", Import => "import", DemoSeeded => "demo_seeded",
    SettingsChange => "settings_change", FloodMode => "flood_mode",
    ViewConversation => "view_conversation", ReplySent => "reply_sent",
    ApprovalRequested => "approval_requested", ResponseDecision => "response_decision",
    ResponseWithdrawn => "response_withdrawn", CampaignChange => "campaign_change",
});

/// One entry of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// The id.
    pub id: AuditEventId,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who; none for the system or an anonymous reporter.
    pub actor: Option<UserId>,
    /// What.
    pub action: AuditAction,
    /// The id of the thing acted on.
    pub subject: Option<String>,
    /// A short note without raw content (e.g. "in_review -> published").
    pub detail: Option<String>,
}

impl AuditEvent {
    /// A new event happening now.
    pub fn now(actor: Option<UserId>, action: AuditAction) -> Self {
        Self {
            id: AuditEventId::random(),
            at: OffsetDateTime::now_utc(),
            actor,
            action,
            subject: None,
            detail: None,
        }
    }

    /// Names the thing acted on.
    pub fn subject(mut self, subject: impl ToString) -> Self {
        self.subject = Some(subject.to_string());
        self
    }

    /// Adds a short note.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}
