//! The conversation between the organisation and a reporter, held on her receipt.
//!
//! Every message is one age file sealed to the organisation key and to her reply key
//! ([`crate::sealing::ReplyKey`]): moderators read it in an unlocked session, she reads it
//! on `/follow-up` with her receipt, and nobody else reads it. What is sealed is a
//! [`MessageBody`]; only the [`MessageKind`], the author (staff) and a time are stored in
//! the clear.
//!
//! A reporter who asked to see her story before it is public is sent a [`Proposal`]: exactly
//! the parts of the case that would be published (title and text per language, the place,
//! the month and the categories). She answers with an [`ApprovalAnswer`]. Publishing checks
//! that the case about to be published still equals the proposal she approved, by
//! [`Proposal::digest`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::case::{Case, PublicStory};
use crate::period::YearMonth;
use crate::places::PlaceId;
use crate::taxonomy::Labels;

/// What a message is, stored in the clear beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// From staff: a question, a referral, news of the report.
    Reply,
    /// From her: an answer to a reply.
    Answer,
    /// From staff: the anonymised version, for her approval.
    Proposal,
    /// From her: her answer to a proposal.
    Decision,
}

impl MessageKind {
    /// Every kind.
    pub const ALL: &'static [MessageKind] = &[
        MessageKind::Reply,
        MessageKind::Answer,
        MessageKind::Proposal,
        MessageKind::Decision,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Reply => "reply",
            MessageKind::Answer => "answer",
            MessageKind::Proposal => "proposal",
            MessageKind::Decision => "decision",
        }
    }

    /// Whether the reporter wrote it (staff wrote the others).
    pub fn from_reporter(self) -> bool {
        matches!(self, MessageKind::Answer | MessageKind::Decision)
    }
}

impl fmt::Display for MessageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MessageKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MessageKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown message kind {s:?}"))
    }
}

/// Her answer to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalAnswer {
    /// Publish it as shown.
    Approved,
    /// Change it first (what to change is in the message text).
    Changes,
    /// Do not publish the story; count it in statistics only.
    StatisticsOnly,
    /// Do not publish or count it.
    Private,
}

impl ApprovalAnswer {
    /// Every answer.
    pub const ALL: &'static [ApprovalAnswer] = &[
        ApprovalAnswer::Approved,
        ApprovalAnswer::Changes,
        ApprovalAnswer::StatisticsOnly,
        ApprovalAnswer::Private,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalAnswer::Approved => "approved",
            ApprovalAnswer::Changes => "changes",
            ApprovalAnswer::StatisticsOnly => "statistics_only",
            ApprovalAnswer::Private => "private",
        }
    }

    /// The consent this answer sets, when it changes her consent.
    pub fn consent(self) -> Option<crate::submission::Consent> {
        match self {
            ApprovalAnswer::StatisticsOnly => Some(crate::submission::Consent::StatisticsOnly),
            ApprovalAnswer::Private => Some(crate::submission::Consent::Private),
            _ => None,
        }
    }
}

impl fmt::Display for ApprovalAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ApprovalAnswer {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ApprovalAnswer::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown approval answer {s:?}"))
    }
}

/// Exactly what would become public of a case: what she approves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// The English story, if there is one.
    pub story_en: Option<PublicStory>,
    /// The Urdu story, if there is one.
    pub story_ur: Option<PublicStory>,
    /// The published place (a district or a province), if any.
    pub place: Option<PlaceId>,
    /// The published month, if any.
    pub period: Option<YearMonth>,
    /// The categories.
    pub labels: Labels,
    /// The taxonomy the categories are coded with.
    pub taxonomy_version: String,
}

impl Proposal {
    /// The public parts of `case` (as the publish step would write it).
    pub fn of_case(case: &Case) -> Self {
        Proposal {
            story_en: case.story_en.clone(),
            story_ur: case.story_ur.clone(),
            place: case.place.clone(),
            period: case.period,
            labels: case.labels.clone(),
            taxonomy_version: case.taxonomy_version.clone(),
        }
    }

    /// A SHA-256 of the proposal's canonical JSON, hex: stored in the clear with the round
    /// so publishing can check the case is still what she approved without opening
    /// anything. It reveals nothing a guesser could use: it covers the whole text.
    #[expect(
        clippy::expect_used,
        reason = "serialising plain data with string keys cannot fail"
    )]
    pub fn digest(&self) -> String {
        let json = serde_json::to_vec(self).expect("a proposal serialises");
        let hash = Sha256::digest(&json);
        let mut out = String::with_capacity(64);
        for b in hash {
            out.push_str(&format!("{b:02x}"));
        }
        out
    }
}

/// What a message says: the sealed part of a conversation message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageBody {
    /// The words, if any (a decision may carry none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The template it was started from (`question`, `referral`, `published`), for the
    /// staff view only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Referrals attached to a reply, as they were when it was sent (a later edit of the
    /// referral file does not change what she was told). Their addresses are checked again
    /// as they are read back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referrals: Vec<crate::referral::Service>,
    /// The proposal, for [`MessageKind::Proposal`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<Proposal>,
    /// Her answer, for [`MessageKind::Decision`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<ApprovalAnswer>,
}

impl MessageBody {
    /// The JSON that is sealed.
    #[expect(
        clippy::expect_used,
        reason = "serialising plain data with string keys cannot fail"
    )]
    pub fn to_json(&self) -> zeroize::Zeroizing<Vec<u8>> {
        zeroize::Zeroizing::new(serde_json::to_vec(self).expect("a message body serialises"))
    }

    /// Reads opened JSON.
    pub fn from_json(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_answers_round_trip_through_their_names() {
        for k in MessageKind::ALL {
            assert_eq!(k.as_str().parse::<MessageKind>().unwrap(), *k);
        }
        for a in ApprovalAnswer::ALL {
            assert_eq!(a.as_str().parse::<ApprovalAnswer>().unwrap(), *a);
        }
        assert!("x".parse::<MessageKind>().is_err() && "x".parse::<ApprovalAnswer>().is_err());
        assert!(MessageKind::Answer.from_reporter() && !MessageKind::Proposal.from_reporter());
    }

    fn proposal(title: &str) -> Proposal {
        Proposal {
            story_en: Some(PublicStory {
                title: crate::text::PublicTitle::parse(title).unwrap(),
                text: crate::text::PublicText::parse("She was threatened online.").unwrap(),
            }),
            story_ur: None,
            place: Some(PlaceId::new("pk-pb-lahore").unwrap()),
            period: Some(YearMonth::new(2026, 3).unwrap()),
            labels: Labels::new(),
            taxonomy_version: "1".into(),
        }
    }

    #[test]
    fn a_digest_changes_with_any_public_part() {
        let a = proposal("A threat");
        assert_eq!(a.digest(), proposal("A threat").digest());
        assert_eq!(a.digest().len(), 64);
        assert_ne!(a.digest(), proposal("A threat.").digest());
        let mut later = a.clone();
        later.period = Some(YearMonth::new(2026, 4).unwrap());
        assert_ne!(a.digest(), later.digest());
        let mut wider = a.clone();
        wider.place = Some(PlaceId::new("pk-pb").unwrap());
        assert_ne!(a.digest(), wider.digest());
    }

    #[test]
    fn a_body_round_trips_and_old_bodies_without_fields_read() {
        let body = MessageBody {
            text: Some("Can we call you?".into()),
            proposal: Some(proposal("A threat")),
            ..MessageBody::default()
        };
        assert_eq!(MessageBody::from_json(&body.to_json()).unwrap(), body);
        assert_eq!(
            MessageBody::from_json(b"{}").unwrap(),
            MessageBody::default()
        );
        assert_eq!(
            ApprovalAnswer::StatisticsOnly.consent(),
            Some(crate::submission::Consent::StatisticsOnly)
        );
        assert_eq!(ApprovalAnswer::Approved.consent(), None);
    }
}
