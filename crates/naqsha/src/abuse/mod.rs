//! Abuse resistance without tracking anyone: a honeypot field, per-network rate limits keyed
//! by a salted HMAC of the network prefix, a global flood detector, signed form tokens
//! instead of cookies, and a proof-of-work for JavaScript clients during a flood.
//!
//! Nothing here stores an address, a user agent or a cookie; every secret lives only in
//! memory (with several nodes, also in PostgreSQL's unlogged table that nodes agree through)
//! and is replaced on a schedule, and every table is bounded.

pub mod budget;
pub mod form_token;
pub mod network;
pub mod pow;
pub mod rate_limit;
mod seen_set;
pub mod shared_secret;

pub use form_token::{FormTokens, TokenError};
pub use network::{NetworkKey, NetworkKeyer};
pub use pow::{Challenge, PowChallenges, PowError};
pub use rate_limit::{
    Decision, FloodCause, FloodStatus, FloodSwitch, LimitKind, Limiter, RateLimits,
    retry_after_secs,
};
pub use shared_secret::SharedSecrets;

/// Name of the honeypot field in anonymous forms.
///
/// The form renders it inside a wrapper that people never see and bots do:
///
/// ```html
/// <div class="form-extra" aria-hidden="true">
///   <label for="website">Website</label>
///   <input id="website" name="website" type="text" value="" autocomplete="off" tabindex="-1">
/// </div>
/// ```
///
/// with this rule in the stylesheet (moved off screen rather than `display: none`, which
/// simple bots skip):
///
/// ```css
/// .form-extra { position: absolute; inset-inline-start: -10000px; inline-size: 1px;
///               block-size: 1px; overflow: hidden; }
/// ```
pub const HONEYPOT_FIELD: &str = "website";

/// CSS class of the honeypot's wrapper (see [`HONEYPOT_FIELD`]); a neutral name on purpose.
pub const HONEYPOT_CLASS: &str = "form-extra";

/// Whether the honeypot field was filled in.
///
/// A strong bot signal, not proof: a browser's autofill can fill a field it should not. Accept
/// the submission and flag it for the moderators rather than dropping a survivor's report.
pub fn honeypot_tripped(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honeypot_trips_only_when_filled() {
        assert!(!honeypot_tripped(None));
        assert!(!honeypot_tripped(Some("")));
        assert!(!honeypot_tripped(Some("  \n")));
        assert!(honeypot_tripped(Some("http://spam.example")));
        assert!(honeypot_tripped(Some(" x ")));
    }
}
