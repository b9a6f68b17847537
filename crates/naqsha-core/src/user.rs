//! Staff accounts and their roles.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::enums::str_enum;
use crate::ids::UserId;
use crate::text::Username;

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, keys, settings, taxonomy.
    Admin,
    /// Everything on cases, assignment.
    Coordinator,
    /// Review and publish assigned or open cases.
    Moderator,
    /// Published data, statistics and exports; never raw text.
    Analyst,
}

str_enum!(Role { Admin => "admin", Coordinator => "coordinator", Moderator => "moderator", Analyst => "analyst" });

impl Role {
    /// Whether this role reads raw reports and so holds a wrap of the organisation key.
    pub fn reads_raw(&self) -> bool {
        self.can(Permission::ReadRaw)
    }

    /// Whether this role may do `what`: the one authorisation table of the workspace.
    pub fn can(&self, what: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::Coordinator => matches!(
                what,
                ReadRaw | Moderate | Assign | ViewCases | Export | FloodControl
            ),
            Role::Moderator => matches!(what, ReadRaw | Moderate | ViewCases),
            Role::Analyst => matches!(what, ViewCases | Export),
        }
    }
}

/// Something a staff member may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read raw reports (needs the organisation key).
    ReadRaw,
    /// Review, code and publish reports assigned to them or to nobody.
    Moderate,
    /// Assign reports to anyone, and moderate reports assigned to others.
    Assign,
    /// See coded cases (no raw text) and statistics.
    ViewCases,
    /// Export coded data.
    Export,
    /// Add, disable and reset staff accounts.
    ManageUsers,
    /// Read the audit log.
    ViewAudit,
    /// Change settings and the taxonomy.
    Settings,
    /// Switch the automatic flood mode off for a while (someone on duty must be able to
    /// when a flood keeps real reporters behind a proof of work).
    FloodControl,
}

str_enum!(Permission {
    ReadRaw => "read_raw", Moderate => "moderate", Assign => "assign", ViewCases => "view_cases",
    Export => "export", ManageUsers => "manage_users", ViewAudit => "view_audit",
    Settings => "settings", FloodControl => "flood_control",
});

/// How far a sign-in has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    /// The password was right; a one-time password must be replaced.
    ChangePassword,
    /// The password was right; the account has no second factor yet.
    EnrolTotp,
    /// The password was right; the second factor is awaited.
    Totp,
    /// Fully signed in.
    Active,
}

str_enum!(SessionStage {
    ChangePassword => "change_password", EnrolTotp => "enrol_totp", Totp => "totp",
    Active => "active",
});

/// A staff account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The id.
    pub id: UserId,
    /// Login name.
    pub username: Username,
    /// Role.
    pub role: Role,
    /// argon2id PHC string of the password.
    pub password_hash: String,
    /// The organisation secret key wrapped with this user's password, for roles that read raw.
    pub key_wrap: Option<String>,
    /// Disabled accounts cannot log in and hold no key wrap.
    pub disabled: bool,
    /// Must change the password at next login (one-time passwords).
    pub must_change_password: bool,
    /// Created.
    pub created_at: OffsetDateTime,
}
