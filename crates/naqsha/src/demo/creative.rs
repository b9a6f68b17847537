//! The demo campaign's gallery for `serve --demo`: three fictional creative responses (a
//! poem in English, one in Urdu, a drawing and a link to a video), sent and approved as a
//! moderator would, so the gallery has something to show.

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::{ResponseId, UserId};
use naqsha_core::lang::Lang;
use naqsha_core::response::{
    Licence, PublicLink, PublishedResponse, ResponseBody, ResponseKind, ResponseTarget,
};
use naqsha_core::sealing::{self, OrgPublicKey};
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText};
use time::OffsetDateTime;

use crate::storage::{
    NewResponse, ResponseDecision, ResponseImage, ResponseStore, StorageError, Store,
};

fn corrupt(e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt {
        table: "demo",
        column: "creative",
        reason: e.to_string(),
    }
}

/// A drawing made here: bands of colour, as a PNG with no metadata.
fn drawing() -> Result<Vec<u8>, StorageError> {
    let picture = image::RgbImage::from_fn(320, 200, |x, y| {
        let band = u8::try_from((x / 40 + y / 50) % 4).unwrap_or(0);
        match band {
            0 => image::Rgb([106, 27, 154]),
            1 => image::Rgb([255, 193, 7]),
            2 => image::Rgb([0, 121, 107]),
            _ => image::Rgb([250, 250, 250]),
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(corrupt)?;
    Ok(out.into_inner())
}

struct Work {
    lang: Lang,
    title: &'static str,
    text: Option<&'static str>,
    pseudonym: Option<&'static str>,
    link: Option<&'static str>,
    licence: Licence,
    picture: bool,
}

const WORKS: &[Work] = &[
    Work {
        lang: Lang::EN,
        title: "Still here [Demo]",
        text: Some(
            "They wrote my name in a hundred places.\nI wrote it once, in my own hand,\nand it was enough.",
        ),
        pseudonym: Some("Sahar"),
        link: None,
        licence: Licence::CcByNc,
        picture: false,
    },
    Work {
        lang: Lang::UR,
        title: "آواز [نمونہ]",
        text: Some("میری آواز میری ہے\nکوئی اسے چھین نہیں سکتا"),
        pseudonym: None,
        link: None,
        licence: Licence::CcBy,
        picture: false,
    },
    Work {
        lang: Lang::EN,
        title: "Colours of the sixteen days [Demo]",
        text: None,
        pseudonym: Some("Mahnoor"),
        link: Some("https://video.example.org/watch/sixteen-days"),
        licence: Licence::AllRightsReserved,
        picture: true,
    },
];

/// Sends and approves the demo works for the campaign at `slug`, approved by `admin`.
pub async fn seed_creative(
    store: &Store,
    public_key: &OrgPublicKey,
    admin: UserId,
    slug: &str,
) -> Result<usize, StorageError> {
    let target = ResponseTarget::Campaign(slug.to_owned());
    let mut decisions = Vec::new();
    for work in WORKS {
        let body = ResponseBody {
            kind: ResponseKind::Creative,
            lang: work.lang,
            text: work
                .text
                .map(ResponseText::parse)
                .transpose()
                .map_err(corrupt)?,
            pseudonym: work
                .pseudonym
                .map(Pseudonym::parse)
                .transpose()
                .map_err(corrupt)?,
            title: Some(CreativeTitle::parse(work.title).map_err(corrupt)?),
            link: work
                .link
                .map(PublicLink::parse)
                .transpose()
                .map_err(corrupt)?,
            licence: Some(work.licence),
        };
        let picture = if work.picture { Some(drawing()?) } else { None };
        let plain = serde_json::to_vec(&body).map_err(corrupt)?;
        let id = ResponseId::random();
        store
            .add_response(
                &NewResponse {
                    id,
                    // No receipt was given for a demo work: a hash no receipt has.
                    receipt_hash: format!("demo-{id}"),
                    target: target.clone(),
                    kind: body.kind,
                    lang: body.lang,
                    sealed: sealing::seal(public_key, &plain),
                    sealed_image: picture.as_ref().map(|p| sealing::seal(public_key, p)),
                    flagged: false,
                    at: OffsetDateTime::now_utc(),
                },
                None,
                None,
            )
            .await?;
        decisions.push(ResponseDecision::Approve {
            id,
            public: Box::new(PublishedResponse::from_body(&body, target.clone())),
            image: picture.map(|bytes| ResponseImage {
                bytes,
                content_type: "image/png".to_owned(),
            }),
        });
    }
    let audit = AuditEvent::now(Some(admin), AuditAction::ResponseDecision).detail("demo works");
    let decided = store.decide_responses(&decisions, admin, &audit).await?;
    Ok(decided.approved)
}
