//! Normalisation that keeps offsets: the detectors read a normalised copy of the text, and
//! every byte of that copy knows which character of the original it came from.
//!
//! Each original character becomes zero or one normalised character, so a span found in
//! the copy maps back to a span of whole characters in the original:
//!
//! * Urdu (۰–۹) and Arabic-Indic (٠–٩) digits become ASCII digits;
//! * Arabic letter forms become the Urdu ones (ي/ى → ی, ك → ک, ه/ة/ۀ → ہ);
//! * zero-width joiners and non-joiners, direction marks, soft hyphens, tatweel and Arabic
//!   vowel marks are dropped;
//! * full-width ASCII (０３００, ＠) becomes ASCII; unusual spaces become a space; dashes and
//!   minus signs become `-`; curly quotes become straight ones.

/// A normalised copy of a text with its map back to the original.
#[derive(Debug, Default, Clone)]
pub struct Normalised {
    text: String,
    /// For each byte of `text`, the index (in chars) of the original character it came
    /// from; one extra entry at the end holds the original length in chars.
    orig: Vec<u32>,
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
            if let Some(n) = normalise_char(c) {
                let at = self.text.len();
                self.text.push(n);
                for _ in at..self.text.len() {
                    self.orig.push(index);
                }
            }
            index += 1;
        }
        self.orig.push(index);
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
}

/// The normalised form of one character, or `None` when it is dropped.
pub fn normalise_char(c: char) -> Option<char> {
    Some(match c {
        '\u{06f0}'..='\u{06f9}' => char::from(b'0' + (c as u32 - 0x06f0) as u8),
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        'ي' | 'ى' | 'ۍ' => 'ی',
        'ك' | 'ڪ' => 'ک',
        'ه' | 'ة' | 'ۀ' | 'ۂ' => 'ہ',
        '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' => {
            return None;
        }
        '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{034f}' => return None,
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xff01 + 0x21).unwrap_or(c),
        '\u{3000}' | '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' => '"',
        '\u{2028}' | '\u{2029}' => '\n',
        _ => c,
    })
}

/// Normalises a word-list entry the way text is normalised.
pub fn normalise_str(s: &str) -> String {
    s.chars().filter_map(normalise_char).collect()
}

/// An Arabic-script letter (Urdu, Arabic, Persian; not a digit or punctuation mark).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{064a}' | '\u{066e}'..='\u{06d3}' | '\u{06d5}' | '\u{06ee}'..='\u{06ef}'
        | '\u{06fa}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{fefc}')
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
    fn invisible_characters_are_dropped_but_counted() {
        let n = Normalised::new("A\u{200d}li x");
        assert_eq!(n.text(), "Ali x");
        // "x" is the sixth character of the original
        assert_eq!(n.orig_char(4), 5);
    }

    #[test]
    fn full_width_and_dashes_become_ascii() {
        assert_eq!(normalise_str("０３００–１２３"), "0300-123");
        assert_eq!(normalise_str("a＠b"), "a@b");
    }
}
