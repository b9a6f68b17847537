//! Channels other than the web form and the API: SMS gateways, WhatsApp, Telegram, email,
//! news feeds and imports from other systems. Each turns what arrives into a report sealed by the intake pipeline
//! ([`crate::intake`]), so the report and the sender's number or address are sealed before
//! anything is stored.

pub mod chat;
pub mod conversation;
pub mod email;
pub mod feeds;
pub mod import;
pub mod notice;
pub mod sms;
pub mod telegram;
pub mod whatsapp;

use naqsha_core::lang::Lang;

use crate::config::Config;

/// What channels need of the running application: what intake needs (they hand reports
/// to it), the configuration, and the memory of the messaging channels (gateway state,
/// join windows). The application state implements it.
pub trait Context: crate::intake::Context + Clone + Send + Sync + 'static {
    /// The configuration.
    fn config(&self) -> &Config;
    /// SMS gateway state.
    fn sms(&self) -> &sms::SmsRuntime;
    /// WhatsApp's memory.
    fn whatsapp(&self) -> &chat::ChatRuntime;
    /// Telegram's memory.
    fn telegram(&self) -> &chat::ChatRuntime;
}

/// The language a reporter wrote in: for Arabic-script text, the language its letters and
/// words show ([`naqsha_core::script::guess_language`]: Sindhi, Pashto, Punjabi, else Urdu)
/// when this site speaks it, else Urdu, whose messages every one of them falls back to;
/// English for any other text (Roman Urdu reads as English here; replies to it are in
/// English).
pub fn language_of(text: &str) -> Lang {
    match naqsha_core::script::guess_language(text) {
        Some(code) => Lang::from_code(code).unwrap_or(Lang::UR),
        None => Lang::EN,
    }
}
