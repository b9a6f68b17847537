//! The creative response form as typed (a poem, a drawing, a comic, a link to a video or a
//! podcast for a campaign's gallery) and its check into a [`ResponseBody`], with a message
//! key for each field that needs correcting.

use naqsha_core::lang::Lang;
use naqsha_core::response::{Licence, PublicLink, ResponseBody, ResponseKind};
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText, TextError};

use super::form::FieldErrors;

/// What a creative response is, as the form asks. It is not stored: it says which part the
/// work needs (a picture, the poem's text, or a link); the gallery shows the parts it has.
pub const WHAT: &[&str] = &["artwork", "comic", "poem", "video", "podcast"];

/// The form's `credit` value for a work shown under a pseudonym.
pub const CREDIT_PSEUDONYM: &str = "pseudonym";
/// The form's `credit` value for a work shown without a name.
pub const CREDIT_ANONYMOUS: &str = "anonymous";

/// Every field of the form, as typed (kept to show the form again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreativeInput {
    /// The title.
    pub title: String,
    /// One of [`WHAT`].
    pub what: String,
    /// The poem, or words about the work.
    pub text: String,
    /// A link to a video or a podcast.
    pub link: String,
    /// [`CREDIT_ANONYMOUS`] or [`CREDIT_PSEUDONYM`].
    pub credit: String,
    /// The pseudonym, when credited by one.
    pub pseudonym: String,
    /// A [`Licence`] value.
    pub licence: String,
}

fn text_error(e: &TextError, too_long: &'static str, invalid: &'static str) -> &'static str {
    match e {
        TextError::TooLong { .. } => too_long,
        TextError::Empty | TextError::Control => invalid,
    }
}

impl CreativeInput {
    /// Whether she chose to be credited by a pseudonym.
    pub fn credited(&self) -> bool {
        self.credit == CREDIT_PSEUDONYM
    }

    /// Checks every field; `has_image` says whether a picture came with it and was cleaned.
    /// Messages already given for the picture (`image`) are left as they are.
    pub fn validate(
        &self,
        lang: Lang,
        has_image: bool,
        errors: &mut FieldErrors,
    ) -> Option<ResponseBody> {
        let title = match CreativeTitle::parse(&self.title) {
            Ok(t) => Some(t),
            Err(TextError::Empty) => {
                errors.insert("title", "creative.error.title_missing");
                None
            }
            Err(e) => {
                errors.insert(
                    "title",
                    text_error(
                        &e,
                        "creative.error.title_too_long",
                        "creative.error.title_invalid",
                    ),
                );
                None
            }
        };
        let what = WHAT.iter().find(|w| **w == self.what.trim()).copied();
        if what.is_none() {
            errors.insert("what", "creative.error.what_missing");
        }
        let text = if self.text.trim().is_empty() {
            if what == Some("poem") {
                errors.insert("text", "creative.error.poem_missing");
            }
            None
        } else {
            match ResponseText::parse(&self.text) {
                Ok(t) => Some(t),
                Err(e) => {
                    errors.insert(
                        "text",
                        text_error(
                            &e,
                            "creative.error.text_too_long",
                            "creative.error.text_invalid",
                        ),
                    );
                    None
                }
            }
        };
        let link = if self.link.trim().is_empty() {
            if matches!(what, Some("video" | "podcast")) {
                errors.insert("link", "creative.error.link_missing");
            }
            None
        } else {
            match PublicLink::parse(&self.link) {
                Ok(l) => Some(l),
                Err(_) => {
                    errors.insert("link", "creative.error.link_invalid");
                    None
                }
            }
        };
        if matches!(what, Some("artwork" | "comic")) && !has_image {
            errors
                .entry("image")
                .or_insert("creative.error.image_missing");
        }
        let pseudonym = if self.credited() {
            match Pseudonym::parse(&self.pseudonym) {
                Ok(p) => Some(p),
                Err(TextError::Empty) => {
                    errors.insert("pseudonym", "creative.error.pseudonym_missing");
                    None
                }
                Err(e) => {
                    errors.insert(
                        "pseudonym",
                        text_error(
                            &e,
                            "creative.error.pseudonym_too_long",
                            "creative.error.pseudonym_invalid",
                        ),
                    );
                    None
                }
            }
        } else {
            None
        };
        let licence = self.licence.trim().parse::<Licence>().ok();
        if licence.is_none() {
            errors.insert("licence", "creative.error.licence_missing");
        }
        if !errors.is_empty() {
            return None;
        }
        let body = ResponseBody {
            kind: ResponseKind::Creative,
            lang,
            text,
            pseudonym,
            title,
            link,
            licence,
        };
        match body.check(has_image) {
            Ok(()) => Some(body),
            Err(_) => {
                errors.insert("what", "creative.error.nothing_to_show");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poem() -> CreativeInput {
        CreativeInput {
            title: "Raat".into(),
            what: "poem".into(),
            text: "line one\nline two".into(),
            credit: CREDIT_ANONYMOUS.into(),
            licence: "cc_by".into(),
            ..CreativeInput::default()
        }
    }

    #[test]
    fn a_poem_needs_its_text_a_video_its_link_a_drawing_its_picture() {
        let mut errors = FieldErrors::new();
        let body = poem().validate(Lang::UR, false, &mut errors).unwrap();
        assert_eq!(body.kind, ResponseKind::Creative);
        assert_eq!(body.pseudonym, None);
        assert_eq!(body.licence, Some(Licence::CcBy));

        let mut errors = FieldErrors::new();
        let no_text = CreativeInput {
            text: " ".into(),
            ..poem()
        };
        assert!(no_text.validate(Lang::EN, false, &mut errors).is_none());
        assert_eq!(errors.get("text"), Some(&"creative.error.poem_missing"));

        let mut errors = FieldErrors::new();
        let video = CreativeInput {
            what: "video".into(),
            ..poem()
        };
        assert!(video.validate(Lang::EN, false, &mut errors).is_none());
        assert_eq!(errors.get("link"), Some(&"creative.error.link_missing"));

        let mut errors = FieldErrors::new();
        let drawing = CreativeInput {
            what: "artwork".into(),
            ..poem()
        };
        assert!(drawing.validate(Lang::EN, false, &mut errors).is_none());
        assert_eq!(errors.get("image"), Some(&"creative.error.image_missing"));
        let mut errors = FieldErrors::new();
        assert!(drawing.validate(Lang::EN, true, &mut errors).is_some());
    }

    #[test]
    fn every_missing_or_wrong_field_has_its_message() {
        let mut errors = FieldErrors::new();
        let bad = CreativeInput {
            title: String::new(),
            what: "sculpture".into(),
            text: String::new(),
            link: "javascript:alert(1)".into(),
            credit: CREDIT_PSEUDONYM.into(),
            pseudonym: "  ".into(),
            licence: "public_domain".into(),
        };
        assert!(bad.validate(Lang::EN, false, &mut errors).is_none());
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            ["licence", "link", "pseudonym", "title", "what"]
        );
    }

    #[test]
    fn a_pseudonym_counts_only_when_chosen() {
        let mut errors = FieldErrors::new();
        let typed_but_anonymous = CreativeInput {
            pseudonym: "Noor".into(),
            ..poem()
        };
        let body = typed_but_anonymous
            .validate(Lang::EN, false, &mut errors)
            .unwrap();
        assert_eq!(body.pseudonym, None);
        let credited = CreativeInput {
            credit: CREDIT_PSEUDONYM.into(),
            ..typed_but_anonymous
        };
        let body = credited.validate(Lang::EN, false, &mut errors).unwrap();
        assert_eq!(body.pseudonym.unwrap().as_str(), "Noor");
    }
}
