//! Content notes: a report that mentions intimate images or sexual violence is marked on the
//! review page before its text, so the moderator is not met by it unwarned. The phrases are
//! data (`data/moderation/content-note-cues.txt`), matched as whole words after the folding
//! the review screen uses for phrases ([`naqsha_core::near_duplicate::normalise`]).

use std::sync::LazyLock;

use naqsha_core::cues::Cues;

/// The cue lists, embedded.
const CUES: &str = include_str!("../../../../data/moderation/content-note-cues.txt");

/// What a report mentions that a moderator is warned of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentNote {
    /// Intimate images: nudes, intimate or morphed pictures and videos.
    IntimateImages,
    /// Sexual violence: rape, sexual assault or abuse.
    SexualViolence,
}

impl ContentNote {
    /// The message key of the note.
    pub fn key(self) -> &'static str {
        match self {
            ContentNote::IntimateImages => "admin.review.content_note.intimate_images",
            ContentNote::SexualViolence => "admin.review.content_note.sexual_violence",
        }
    }

    fn section(name: &str) -> Option<Self> {
        match name {
            "intimate_images" => Some(ContentNote::IntimateImages),
            "sexual_violence" => Some(ContentNote::SexualViolence),
            _ => None,
        }
    }
}

/// The cue list, parsed once.
static LIST: LazyLock<Cues<ContentNote>> =
    LazyLock::new(|| Cues::parse(CUES, ContentNote::section));

/// The notes `text` calls for, each once, in the order of [`ContentNote`].
pub fn notes(text: &str) -> Vec<ContentNote> {
    LIST.found(
        text,
        &[ContentNote::IntimateImages, ContentNote::SexualViolence],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_lists_parse_into_known_sections_only() {
        assert_eq!(
            Cues::problems(CUES, ContentNote::section),
            Vec::<String>::new()
        );
        assert!(LIST.len() > 50);
    }

    #[test]
    fn intimate_images_and_sexual_violence_are_noted_in_three_ways_of_writing() {
        use ContentNote::*;
        for (text, want) in [
            (
                "He says he will post my nudes tonight.",
                vec![IntimateImages],
            ),
            (
                "Usne meri gandi tasveerein banayi aur dhamki di",
                vec![IntimateImages],
            ),
            (
                "اس نے میری نازیبا تصاویر وائرل کرنے کی دھمکی دی",
                vec![IntimateImages],
            ),
            (
                "I was RAPED and he filmed it as a video",
                vec![SexualViolence],
            ),
            (
                "مجھے جنسی زیادتی کا نشانہ بنایا گیا اور ننگی ویڈیو بنائی",
                vec![IntimateImages, SexualViolence],
            ),
            (
                "Jinsi ziadti ke baad usne video bhejne ki dhamki di",
                vec![SexualViolence],
            ),
        ] {
            assert_eq!(notes(text), want, "{text}");
        }
    }

    #[test]
    fn whole_words_only_and_ordinary_reports_have_no_note() {
        for text in [
            "My therapist said the grapes were drapes.",
            "Someone hacked my Facebook account and posted my phone number.",
            "A fake profile uses my photos and name to message my family.",
            "میرا اکاؤنٹ ہیک ہو گیا اور میری تصویریں چوری ہو گئیں",
            "Usne meri tasveer chura ke fake account banaya",
        ] {
            assert!(notes(text).is_empty(), "{text}: {:?}", notes(text));
        }
    }
}
