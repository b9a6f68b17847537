//! Channels other than the web form and the API: SMS gateways and email. Each turns what
//! arrives into an [`crate::intake::Incoming`] and goes through [`crate::intake::accept`], so
//! the report and the sender's number or address are sealed before anything is stored.

pub mod email;
pub mod sms;
