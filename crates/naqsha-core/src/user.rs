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
        !matches!(self, Role::Analyst)
    }
}

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
