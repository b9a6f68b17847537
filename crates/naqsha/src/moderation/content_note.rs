//! Content notes: a report that mentions intimate images or sexual violence is marked on the
//! review page before its text, so the moderator is not met by it unwarned. The phrases are
//! data (`data/moderation/content-note-cues.txt`), matched as whole words after the folding
//! the review screen uses for phrases ([`naqsha_core::near_duplicate::normalise`]).

use std::sync::LazyLock;

use naqsha_core::near_duplicate::normalise;

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

/// The folded phrases of each note, each padded with a space on either side. A section the code does not know is skipped (and the
/// unit test refuses it).
static PHRASES: LazyLock<Vec<(ContentNote, String)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    let mut note = None;
    for line in CUES.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            note = ContentNote::section(name);
            continue;
        }
        let folded = normalise(line);
        if let (Some(note), false) = (note, folded.is_empty()) {
            // padded, to be found as whole words in a padded text
            out.push((note, format!(" {folded} ")));
        }
    }
    out
});

/// The notes `text` calls for, each once, in the order of [`ContentNote`].
pub fn notes(text: &str) -> Vec<ContentNote> {
    let folded = format!(" {} ", normalise(text));
    [ContentNote::IntimateImages, ContentNote::SexualViolence]
        .into_iter()
        .filter(|note| {
            PHRASES
                .iter()
                .any(|(n, phrase)| n == note && folded.contains(phrase.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_lists_parse_into_known_sections_only() {
        let mut section = None;
        for line in CUES.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = ContentNote::section(name);
                assert!(section.is_some(), "unknown section [{name}]");
            } else if !line.is_empty() && !line.starts_with('#') {
                assert!(section.is_some(), "{line:?} before any section");
                assert!(!normalise(line).is_empty(), "{line:?} folds to nothing");
            }
        }
        assert!(PHRASES.len() > 50);
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
