//! Characters that draw nothing: bidi controls, zero-width characters and the other
//! default-ignorable code points. The one rule for them, used wherever text crosses a line
//! of trust:
//!
//! * the moderator's view of a raw report shows each one that [`hides`] as a visible marker
//!   (see [`pieces`]), so `U+202E` + "evil" is read as stored, not as "live";
//! * published text (titles and stories) keeps none that hides ([`strip`]): an override in a
//!   public title would show readers something other than what the moderator checked, and a
//!   zero-width character inside a name defeats every later search for it;
//! * the redaction engine drops them all before matching (`redaction::normalise`) and reads
//!   overridden runs in the order they are displayed.
//!
//! Why strip and not refuse: the characters are invisible, so a moderator told "the title
//! contains one" could not find it to delete it, and cases published before this rule must
//! still be served. The review form strips them and, when that changed what the moderator
//! typed, shows the cleaned wording once more before it can be published.
//!
//! Zero-width non-joiner (U+200C) and joiner (U+200D) are part of how Urdu and Persian are
//! written (they choose a letter's joining form), and the joiner builds emoji sequences; they
//! are kept where they do that — between two Arabic-script letters, or between two emoji —
//! and treated like the rest anywhere else. Variation selectors 15 and 16 are kept right
//! after an emoji (or in a keycap such as 1️⃣) for the same reason.

use std::borrow::Cow;

use crate::script::is_arabic_letter;

/// Whether `c` is a default-ignorable code point (Unicode's `Default_Ignorable_Code_Point`):
/// a character that renderers show as nothing. Bidi controls and zero-width characters are
/// among them.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}'..='\u{1160}' | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fff8}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

/// Whether `c` changes the direction text is displayed in: marks, embeddings, overrides and
/// isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Arabic vowel marks and the like, skipped when looking for the letter before a joiner.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}')
}

/// Roughly Unicode's emoji blocks: enough to keep the joiners and selectors of emoji
/// sequences in published text.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{00a9}' | '\u{00ae}' | '\u{203c}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21aa}' | '\u{2300}'..='\u{23ff}' | '\u{25aa}'..='\u{25fe}'
        | '\u{2600}'..='\u{27bf}' | '\u{2934}'..='\u{2935}' | '\u{2b00}'..='\u{2bff}'
        | '\u{3030}' | '\u{303d}' | '\u{3297}' | '\u{3299}' | '\u{1f000}'..='\u{1faff}')
}

/// Whether the invisible `c` at `i` of `chars` is part of how the text around it is written
/// (see the module documentation), so neither marked nor stripped.
fn is_orthographic(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let next = chars.get(i + 1).copied();
    match c {
        '\u{200c}' | '\u{200d}' => {
            let arabic_before = chars[..i]
                .iter()
                .rev()
                .find(|p| !is_arabic_mark(**p))
                .is_some_and(|p| is_arabic_letter(*p));
            if arabic_before && next.is_some_and(is_arabic_letter) {
                return true;
            }
            // an emoji sequence: 👩 ZWJ 💻, 👍 U+FE0F ZWJ …
            c == '\u{200d}'
                && chars[..i]
                    .iter()
                    .rev()
                    .find(|p| !matches!(**p, '\u{fe0e}' | '\u{fe0f}'))
                    .is_some_and(|p| is_emoji(*p))
                && next.is_some_and(is_emoji)
        }
        '\u{fe0e}' | '\u{fe0f}' => {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            prev.is_some_and(is_emoji)
                || (prev.is_some_and(|p| p.is_ascii_digit() || p == '#' || p == '*')
                    && next == Some('\u{20e3}'))
        }
        _ => false,
    }
}

/// Whether `text` holds any invisible character at all (a cheap first look).
pub fn has_invisible(text: &str) -> bool {
    text.chars().any(is_invisible)
}

/// The character indices of `text`'s characters that hide: invisible and not part of how
/// the script around them is written.
fn hiding(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    (0..chars.len()).filter(|&i| is_invisible(chars[i]) && !is_orthographic(chars, i))
}

/// Whether `text` holds a character that hides (what [`strip`] removes).
pub fn hides(text: &str) -> bool {
    if !has_invisible(text) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    hiding(&chars).next().is_some()
}

/// `text` without the characters that hide; orthographic joiners stay. Idempotent.
pub fn strip(text: &str) -> Cow<'_, str> {
    if !has_invisible(text) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut drop = hiding(&chars).peekable();
    if drop.peek().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        if drop.peek() == Some(&i) {
            drop.next();
        } else {
            out.push(*c);
        }
    }
    Cow::Owned(out)
}

/// A stretch of text as a moderator should see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as it is.
    Shown(&'a str),
    /// One character that hides, to be shown as a marker instead.
    Hidden(char),
}

impl Piece<'_> {
    /// The marker that stands for a hidden character: `⟨U+202E⟩`.
    pub fn marker(c: char) -> String {
        format!("⟨U+{:04X}⟩", u32::from(c))
    }
}

/// `text` cut into shown stretches and hidden characters, in stored order; concatenated
/// they give `text` back.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    if !has_invisible(text) {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Shown(text)]
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut shown_from = 0;
    let mut byte = 0;
    let mut drop = hiding(&chars).peekable();
    for (i, c) in chars.iter().enumerate() {
        if drop.peek() == Some(&i) {
            drop.next();
            if shown_from < byte {
                out.push(Piece::Shown(&text[shown_from..byte]));
            }
            out.push(Piece::Hidden(*c));
            shown_from = byte + c.len_utf8();
        }
        byte += c.len_utf8();
    }
    if shown_from < text.len() {
        out.push(Piece::Shown(&text[shown_from..]));
    }
    out
}

/// A short English name of a hidden character, for a tooltip.
pub fn describe(c: char) -> &'static str {
    match c {
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{061c}' => "Arabic letter mark",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "zero-width no-break space",
        '\u{00ad}' => "soft hyphen",
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => "variation selector",
        '\u{e0000}'..='\u{e007f}' => "tag character",
        _ if is_bidi_control(c) => "direction control",
        _ => "invisible character",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_zero_width_characters_are_invisible() {
        for c in [
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{061c}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['a', ' ', 'ب', '\u{064e}', '\n', '😀'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn strip_removes_overrides_and_zero_width_characters() {
        assert_eq!(strip("\u{202e}evil\u{202c}"), "evil");
        assert_eq!(strip("Ay\u{200b}esha"), "Ayesha");
        assert_eq!(strip("a\u{2066}b\u{2069}c\u{feff}"), "abc");
        assert!(matches!(strip("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn urdu_joiners_between_letters_and_emoji_sequences_are_kept() {
        // ZWNJ between two Urdu letters chooses a letter form: part of the spelling
        let urdu = "نمک\u{200c}دان";
        assert_eq!(strip(urdu), urdu);
        // after a vowel mark too
        let marked = "بَ\u{200c}ت";
        assert_eq!(strip(marked), marked);
        let family = "👩\u{200d}💻 and ❤\u{fe0f} and 1\u{fe0f}\u{20e3}";
        assert_eq!(strip(family), family);
        // between Latin letters, at the edge of a word or doubled, they hide
        assert_eq!(strip("Ali\u{200c}Khan"), "AliKhan");
        assert_eq!(strip("\u{200d}علی"), "علی");
        assert_eq!(strip("ب\u{200c}\u{200c}ب"), "بب");
        assert_eq!(strip("a\u{fe0f}\u{200d}😀"), "a😀");
    }

    #[test]
    fn pieces_mark_what_hides_in_stored_order() {
        let text = "x\u{202e}evil\u{202c} نمک\u{200c}دان";
        let p = pieces(text);
        assert_eq!(
            p,
            [
                Piece::Shown("x"),
                Piece::Hidden('\u{202e}'),
                Piece::Shown("evil"),
                Piece::Hidden('\u{202c}'),
                Piece::Shown(" نمک\u{200c}دان"),
            ]
        );
        assert_eq!(Piece::marker('\u{202e}'), "⟨U+202E⟩");
        assert_eq!(Piece::marker('\u{e0041}'), "⟨U+E0041⟩");
        assert_eq!(describe('\u{202e}'), "right-to-left override");
        assert!(pieces("").is_empty());
        assert!(hides(text) && !hides("نمک\u{200c}دان"));
    }

    mod prop {
        use super::super::*;
        use proptest::prelude::*;

        /// Text mixing Latin, Urdu, digits, emoji and every kind of invisible character.
        fn mixed() -> impl Strategy<Value = String> {
            let pick = prop::sample::select(vec![
                'a',
                'Z',
                ' ',
                '1',
                'ب',
                'ی',
                'ک',
                '\u{064e}',
                '😀',
                '❤',
                '#',
                '\u{20e3}',
                '\u{200b}',
                '\u{200c}',
                '\u{200d}',
                '\u{200e}',
                '\u{202e}',
                '\u{202c}',
                '\u{2066}',
                '\u{2069}',
                '\u{feff}',
                '\u{fe0f}',
                '\u{00ad}',
                '\u{e0041}',
            ]);
            prop::collection::vec(pick, 0..40).prop_map(|v| v.into_iter().collect())
        }

        proptest! {
            #[test]
            fn strip_is_idempotent_and_leaves_nothing_that_hides(text in mixed()) {
                let once = strip(&text).into_owned();
                let twice = strip(&once);
                prop_assert_eq!(twice.as_ref(), once.as_str());
                prop_assert!(!hides(&once));
                prop_assert!(!once.chars().any(is_bidi_control));
                // only invisible characters are removed
                let visible = |s: &str| s.chars().filter(|c| !is_invisible(*c)).collect::<String>();
                prop_assert_eq!(visible(&once), visible(&text));
            }

            #[test]
            fn pieces_give_the_text_back(text in mixed()) {
                let joined: String = pieces(&text)
                    .iter()
                    .map(|p| match p {
                        Piece::Shown(s) => (*s).to_owned(),
                        Piece::Hidden(c) => c.to_string(),
                    })
                    .collect();
                prop_assert_eq!(&joined, &text);
                let shown: String = pieces(&text)
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Shown(s) => Some(*s),
                        Piece::Hidden(_) => None,
                    })
                    .collect();
                prop_assert_eq!(shown, strip(&text).into_owned());
            }
        }
    }
}
