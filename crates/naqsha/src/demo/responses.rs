//! Fictional responses for the demo's moderation queue (`serve --demo`): a few messages of
//! support and "what helped me" under demo stories, in both languages, one with a made-up
//! phone number for the engine to find, a creative response for a campaign, and a small
//! troll wave of near-identical messages sent during a flood. They go through the real
//! intake ([`accept_response`]), sealed like any response, and wait for a moderator.
//! Fewer than the flood threshold (20 a minute), so seeding does not switch flood mode on.

use naqsha_core::lang::Lang;
use naqsha_core::response::{Licence, PublicLink, ResponseBody, ResponseKind, ResponseTarget};
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText};

use crate::intake::Context;
use crate::intake::response::{IncomingResponse, ResponseError, accept_response};
use crate::storage::{CaseFilter, PublicStore};

/// Copies of the troll template in the demo queue.
pub const TROLL_COPIES: usize = 8;

const TROLL: &str = "[demo] this story is a lie made up to shame decent families and everyone \
                     who shares it will answer for spreading it";

/// (kind, language, text, pseudonym)
const MESSAGES: &[(ResponseKind, Lang, &str, Option<&str>)] = &[
    (
        ResponseKind::Support,
        Lang::UR,
        "[نمونہ] آپ اکیلی نہیں ہیں۔ آپ نے بول کر بہت ہمت دکھائی، ہم آپ کے ساتھ ہیں۔",
        None,
    ),
    (
        ResponseKind::Support,
        Lang::EN,
        "[demo] You did nothing wrong. Thank you for telling your story; it will help others.",
        Some("A friend in Multan"),
    ),
    (
        ResponseKind::Helped,
        Lang::EN,
        "[demo] Reporting the fake account to the platform and the cybercrime helpline got it \
         removed within a week.",
        None,
    ),
    (
        ResponseKind::Helped,
        Lang::EN,
        "[demo] What helped me was calling Rukhsana Baig on 0300-7654321, she knows a lawyer.",
        Some("Nadia"),
    ),
];

fn text(s: &str) -> Result<ResponseText, ResponseError> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    ResponseText::parse(&joined)
        .map_err(|e| ResponseError::Intake(crate::intake::IntakeError::Encode(e.to_string())))
}

fn body(kind: ResponseKind, lang: Lang, words: &str) -> Result<ResponseBody, ResponseError> {
    Ok(ResponseBody {
        kind,
        lang,
        text: Some(text(words)?),
        pseudonym: None,
        title: None,
        link: None,
        licence: None,
    })
}

/// Puts the fictional responses in the queue, under the first demo stories. Returns how
/// many were stored.
pub async fn seed_responses(state: &impl Context) -> Result<usize, ResponseError> {
    let stories = state
        .store()
        .published_cases(&CaseFilter::default(), 2, 0)
        .await
        .map_err(|e| ResponseError::Intake(e.into()))?;
    let Some(first) = stories.first() else {
        return Ok(0);
    };
    let second = stories.get(1).unwrap_or(first);
    let mut incoming = Vec::new();
    for (i, (kind, lang, words, pseudonym)) in MESSAGES.iter().enumerate() {
        let mut b = body(*kind, *lang, words)?;
        b.pseudonym = pseudonym.and_then(|p| Pseudonym::parse(p).ok());
        let story = if i % 2 == 0 { first } else { second };
        incoming.push((ResponseTarget::Story(story.id), b, false));
    }
    let mut poem = body(
        ResponseKind::Creative,
        Lang::EN,
        "[demo] We map it, we name it, we end it.",
    )?;
    poem.title = CreativeTitle::parse("[demo] the sixteen days").ok();
    poem.licence = Some(Licence::CcBy);
    poem.link = PublicLink::parse("https://video.example.org/sixteen-days").ok();
    incoming.push((
        ResponseTarget::Campaign(super::DEMO_CAMPAIGN_SLUG.to_owned()),
        poem,
        false,
    ));
    for i in 0..TROLL_COPIES {
        let words = format!("{TROLL} {}", i + 1);
        incoming.push((
            ResponseTarget::Story(first.id),
            body(ResponseKind::Support, Lang::EN, &words)?,
            true,
        ));
    }
    let mut stored = 0;
    for (target, body, flagged) in incoming {
        accept_response(
            state,
            IncomingResponse {
                target,
                body,
                image: None,
                flagged,
            },
            None,
            false,
            std::time::Instant::now(),
        )
        .await?;
        stored += 1;
    }
    Ok(stored)
}
