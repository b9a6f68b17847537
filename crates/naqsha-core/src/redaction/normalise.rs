//! Normalisation that keeps offsets: the detectors read a normalised copy of the text, and
//! every byte of that copy knows which character of the original it came from.
//!
//! Each original character becomes zero or one normalised character, so a span found in
//! the copy maps back to a span of whole characters in the original:
//!
//! * Extended Arabic-Indic (۰–۹) and Arabic-Indic (٠–٩) digits become ASCII digits
//!   ([`crate::script::fold_digit`]);
//! * Arabic, Sindhi and Pashto letter forms become the Urdu ones (ي/ى → ی, ك/ڪ → ک,
//!   ه/ة/ۀ → ہ, ګ → گ, ټ/ٽ → ٹ …: [`crate::script::fold_letter`]);
//! * every invisible character ([`crate::invisible::is_invisible`]: zero-width joiners and
//!   non-joiners, bidi controls, soft hyphens …), tatweel and Arabic vowel marks are dropped;
//! * full-width ASCII (０３００, ＠) becomes ASCII; unusual spaces become a space; dashes and
//!   minus signs become `-`; curly quotes become straight ones.
//!
//! A bidi override (U+202D, U+202E) shows its text in the reverse of the stored order, so
//! "\u{202E}nahK ahseyA" is read on screen as "Ayesha Khan". [`Normalised::fill_visual`] makes
//! the copy as displayed: each overridden run reversed, every byte still knowing its
//! original character (the map is then no longer in order; see [`Normalised::orig_range`]).

use crate::invisible::is_invisible;

/// A normalised copy of a text with its map back to the original.
#[derive(Debug, Default, Clone)]
pub struct Normalised {
    text: String,
    /// For each byte of `text`, the index (in chars) of the original character it came
    /// from; one extra entry at the end holds the original length in chars.
    orig: Vec<u32>,
    /// An invisible character was dropped.
    invisible: bool,
    /// The original holds a bidi override.
    overrides: bool,
}

impl Normalised {
    /// Normalises `original`.
    pub fn new(original: &str) -> Self {
        let mut n = Self::default();
        n.fill(original);
        n
    }

    /// Normalises `original` into this buffer, reusing its memory.
    pub fn fill(&mut self, original: &str) {
        self.text.clear();
        self.orig.clear();
        self.invisible = false;
        self.overrides = false;
        self.text.reserve(original.len());
        self.orig.reserve(original.len() + 1);
        let mut index: u32 = 0;
        // Fast path: runs of ASCII other than control characters map to themselves.
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                let run = bytes[i..]
                    .iter()
                    .position(|&b| b >= 0x80)
                    .unwrap_or(bytes.len() - i);
                self.text.push_str(&original[i..i + run]);
                let run = run as u32;
                self.orig.extend(index..index + run);
                index += run;
                i += run as usize;
                continue;
            }
            let c = original[i..].chars().next().unwrap_or('\u{fffd}');
            i += c.len_utf8();
            self.push(c, index);
            index += 1;
        }
        self.orig.push(index);
    }

    /// Normalises one original character, number `index`.
    fn push(&mut self, c: char, index: u32) {
        if let Some(n) = normalise_char(c) {
            let at = self.text.len();
            self.text.push(n);
            for _ in at..self.text.len() {
                self.orig.push(index);
            }
        } else if is_invisible(c) {
            self.invisible = true;
            self.overrides |= matches!(c, '\u{202d}' | '\u{202e}');
        }
    }

    /// Normalises `original` as it is displayed: the text of each bidi override (from
    /// U+202D or U+202E to its U+202C, a line break or the end) in reverse order. Nested
    /// embeddings and isolates are not modelled: the aim is to read what a moderator reads,
    /// not to lay out text.
    pub fn fill_visual(&mut self, original: &str) {
        self.fill(original);
        if !self.overrides {
            return;
        }
        let chars: Vec<char> = original.chars().collect();
        self.text.clear();
        self.orig.clear();
        let mut i = 0;
        while i < chars.len() {
            if !matches!(chars[i], '\u{202d}' | '\u{202e}') {
                self.push(chars[i], i as u32);
                i += 1;
                continue;
            }
            // the override's run: to the matching pop, or the end of the paragraph
            let mut depth = 0usize;
            let mut end = i;
            while end < chars.len() {
                match chars[end] {
                    '\u{202a}'..='\u{202b}' | '\u{202d}'..='\u{202e}' => depth += 1,
                    '\u{202c}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            break;
                        }
                    }
                    '\n' | '\u{2029}' => break,
                    _ => {}
                }
                end += 1;
            }
            for k in (i..end).rev() {
                self.push(chars[k], k as u32);
            }
            i = end;
        }
        self.orig.push(chars.len() as u32);
    }

    /// Whether an invisible character was dropped (spans may then be widened over them).
    pub fn dropped_invisible(&self) -> bool {
        self.invisible
    }

    /// Whether the original holds a bidi override (and so reads differently on screen).
    pub fn has_overrides(&self) -> bool {
        self.overrides
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original character index of a byte offset of the normalised text (which must be
    /// a char boundary of it, or its length).
    pub fn orig_char(&self, byte: usize) -> usize {
        self.orig[byte] as usize
    }

    /// The original characters that the bytes `start..end` (non-empty) of the normalised
    /// text came from, as one range from the first to the last of them: for a copy made by
    /// [`Normalised::fill_visual`], whose map is not in order.
    pub fn orig_range(&self, start: usize, end: usize) -> (usize, usize) {
        let bytes = &self.orig[start..end.max(start + 1)];
        let lo = bytes.iter().min().copied().unwrap_or(0) as usize;
        let hi = bytes.iter().max().copied().unwrap_or(0) as usize;
        (lo, hi + 1)
    }
}

/// The normalised form of one character, or `None` when it is dropped.
pub fn normalise_char(c: char) -> Option<char> {
    if let Some(digit) = crate::script::fold_digit(c) {
        return Some(digit);
    }
    Some(match c {
        '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}' => return None,
        _ if is_invisible(c) => return None,
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xff01 + 0x21).unwrap_or(c),
        '\u{3000}' | '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' => '"',
        '\u{2028}' | '\u{2029}' => '\n',
        _ => crate::script::fold_letter(c),
    })
}

/// Normalises a word-list entry the way text is normalised.
pub fn normalise_str(s: &str) -> String {
    s.chars().filter_map(normalise_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urdu_digits_become_ascii_and_offsets_stay_with_the_original() {
        let n = Normalised::new("فون ۰۳۰۰");
        assert_eq!(n.text(), "فون 0300");
        let at = n.text().find("0300").unwrap();
        assert_eq!(n.orig_char(at), 4);
        assert_eq!(n.orig_char(n.text().len()), 8);
    }

    #[test]
    fn arabic_letter_forms_become_urdu_ones() {
        assert_eq!(normalise_str("علي كريم فاطمه"), "علی کریم فاطمہ");
    }

    #[test]
    fn sindhi_and_pashto_letters_and_digits_become_urdu_ones_one_for_one() {
        // "my card number": Sindhi, Pashto keyboards; Arabic-Indic digits
        let n = Normalised::new("منهنجو ڪارڊ ٠٣٠٠");
        assert_eq!(n.text(), "منہنجو کارڈ 0300");
        assert_eq!(n.orig_char(n.text().find("0300").unwrap()), 12);
        assert_eq!(normalise_str("شناختي کارډ ګاډی"), "شناختی کارڈ گاڈی");
    }

    #[test]
    fn invisible_characters_are_dropped_but_counted() {
        let n = Normalised::new("A\u{200d}li x");
        assert_eq!(n.text(), "Ali x");
        // "x" is the sixth character of the original
        assert_eq!(n.orig_char(4), 5);
    }

    #[test]
    fn overridden_runs_read_as_displayed() {
        let text = "My name is \u{202e}nahK ahseyA\u{202c}, ok";
        let mut n = Normalised::default();
        n.fill_visual(text);
        assert_eq!(n.text(), "My name is Ayesha Khan, ok");
        assert!(n.has_overrides() && n.dropped_invisible());
        let at = n.text().find("Ayesha Khan").unwrap();
        // "nahK ahseyA" is characters 12..23 of the original
        assert_eq!(n.orig_range(at, at + "Ayesha Khan".len()), (12, 23));
        // a line break ends an override that is never popped
        n.fill_visual("\u{202d}ab\ncd");
        assert_eq!(n.text(), "ba\ncd");
        // the logical copy keeps the stored order
        assert_eq!(Normalised::new(text).text(), "My name is nahK ahseyA, ok");
    }

    #[test]
    fn full_width_and_dashes_become_ascii() {
        assert_eq!(normalise_str("０３００–１２３"), "0300-123");
        assert_eq!(normalise_str("a＠b"), "a@b");
    }
}
