//! Naqsha's pure domain: no I/O, no async.
#![forbid(unsafe_code)]

pub mod agreement;
pub mod audit;
pub mod campaign;
pub mod case;
pub mod conversation;
pub mod cues;
pub mod demo;
pub mod disclosure;
pub mod enums;
pub mod federation;
pub mod ids;
pub mod image_type;
pub mod invisible;
pub mod label;
pub mod lang;
pub mod near_duplicate;
pub mod news;
pub mod password;
pub mod period;
pub mod places;
pub mod redaction;
pub mod referral;
pub mod response;
pub mod review;
pub mod safe_markdown;
pub mod script;
pub mod sealing;
pub mod shared_secret;
pub mod submission;
pub mod taxonomy;
pub mod text;
pub mod urgency;
pub mod user;
