//! Translation keys of the values the review page shows (kinds of personal data, statuses,
//! consent, channels, verification levels).

use naqsha_core::case::{CaseStatus, Verification};
use naqsha_core::redaction::Kind;
use naqsha_core::submission::{Channel, Consent, SubmissionStatus};

/// A kind of personal data.
pub fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Name => "admin.review.kind.name",
        Kind::Phone => "admin.review.kind.phone",
        Kind::Cnic => "admin.review.kind.cnic",
        Kind::Email => "admin.review.kind.email",
        Kind::Url => "admin.review.kind.url",
        Kind::Handle => "admin.review.kind.handle",
        Kind::Iban => "admin.review.kind.iban",
        Kind::Passport => "admin.review.kind.passport",
        Kind::Plate => "admin.review.kind.plate",
        Kind::Dob => "admin.review.kind.dob",
        Kind::Address => "admin.review.kind.address",
        Kind::Org => "admin.review.kind.org",
        Kind::Card => "admin.review.kind.card",
    }
}

/// A submission's status.
pub fn status(s: SubmissionStatus) -> &'static str {
    match s {
        SubmissionStatus::New => "admin.review.status.new",
        SubmissionStatus::InReview => "admin.review.status.in_review",
        SubmissionStatus::Published => "admin.review.status.published",
        SubmissionStatus::StatisticsOnly => "admin.review.status.statistics_only",
        SubmissionStatus::Archived => "admin.review.status.archived",
        SubmissionStatus::Rejected => "admin.review.status.rejected",
        SubmissionStatus::Withdrawn => "admin.review.status.withdrawn",
    }
}

/// A case's status.
pub fn case_status(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::InReview => "admin.review.status.in_review",
        CaseStatus::Published => "admin.review.status.published",
        CaseStatus::StatisticsOnly => "admin.review.status.statistics_only",
        CaseStatus::Archived => "admin.review.status.archived",
        CaseStatus::Rejected => "admin.review.status.rejected",
    }
}

/// What the reporter allowed.
pub fn consent(c: Consent) -> &'static str {
    match c {
        Consent::Publish => "admin.review.consent.publish",
        Consent::StatisticsOnly => "admin.review.consent.statistics_only",
        Consent::Private => "admin.review.consent.private",
    }
}

/// Where it came from.
pub fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Web => "admin.review.channel.web",
        Channel::Api => "admin.review.channel.api",
        Channel::Sms => "admin.review.channel.sms",
        Channel::Email => "admin.review.channel.email",
        Channel::WhatsApp => "admin.review.channel.whatsapp",
        Channel::Telegram => "admin.review.channel.telegram",
        Channel::News => "admin.review.channel.news",
        Channel::Import => "admin.review.channel.import",
    }
}

/// How far it was checked.
pub fn verification(v: Verification) -> &'static str {
    match v {
        Verification::Unverified => "admin.review.verification.unverified",
        Verification::Corroborated => "admin.review.verification.corroborated",
        Verification::Verified => "admin.review.verification.verified",
    }
}

/// Every verification level, in order.
pub const VERIFICATIONS: [Verification; 3] = [
    Verification::Unverified,
    Verification::Corroborated,
    Verification::Verified,
];
