//! Splitting normalised text into tokens, each looked up once in the lexicon.

use super::lexicon::{Lexicon, flag};
use crate::script::is_arabic_letter;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Latin letters (with an inner apostrophe: D'Souza).
    Latin,
    /// Arabic-script letters (Urdu, Sindhi, Pashto, Punjabi …).
    Urdu,
    /// ASCII digits.
    Digits,
    /// One other visible character.
    Punct,
}

/// Letter case of a Latin token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// all lowercase
    Lower,
    /// First letter uppercase, not all uppercase.
    Capital,
    /// Two or more letters, all uppercase.
    Upper,
    /// Not Latin, or mixed in another way.
    Other,
}

/// One token of the normalised text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Lexicon role flags (0 for digits, punctuation and unknown words).
    pub flags: u32,
    pub class: Class,
    pub shape: Shape,
    /// Whitespace before the token: 0 none, 1 spaces, 2 a line break.
    pub gap: u8,
    /// First word of a sentence (after . ! ? ۔ ؟, a line break, or at the start).
    pub sentence_start: bool,
}

impl Tok {
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    pub(crate) fn is_word(&self) -> bool {
        matches!(self.class, Class::Latin | Class::Urdu)
    }
    pub(crate) fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// The single punctuation character, if this is one.
    pub(crate) fn punct(&self, text: &str) -> Option<char> {
        if self.class == Class::Punct {
            text[self.start as usize..].chars().next()
        } else {
            None
        }
    }
    pub(crate) fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

fn is_latin_letter(c: char) -> bool {
    // the Arabic-script range test is cheap; `is_alphabetic` on non-ASCII is not
    c.is_ascii_alphabetic() || (!c.is_ascii() && !is_arabic_letter(c) && c.is_alphabetic())
}

/// Tokenises `text` into `out` (cleared first).
pub(crate) fn tokenize(text: &str, lex: &Lexicon, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut fold = String::with_capacity(32);
    let mut i = 0;
    let mut gap = 0u8;
    let mut sentence_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' || b == b'\x0c' {
            gap = gap.max(1);
            i += 1;
            continue;
        }
        if b == b'\n' {
            gap = 2;
            sentence_start = true;
            i += 1;
            continue;
        }
        let start = i;
        let (class, end) = if b.is_ascii_digit() {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            (Class::Digits, j)
        } else if b.is_ascii_alphabetic() || b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                gap = gap.max(1);
                i += c.len_utf8();
                continue;
            }
            if is_arabic_letter(c) {
                (Class::Urdu, scan_urdu(text, i))
            } else if is_latin_letter(c) {
                (Class::Latin, scan_latin(text, i))
            } else {
                (Class::Punct, i + c.len_utf8())
            }
        } else {
            (Class::Punct, i + 1)
        };
        let word = &text[start..end];
        let (shape, flags) = match class {
            Class::Latin => {
                let shape = shape_of(word);
                fold.clear();
                let flags = if word.len() <= 40 {
                    if word.is_ascii() {
                        for &c in word.as_bytes() {
                            fold.push(c.to_ascii_lowercase() as char);
                        }
                    } else {
                        fold.extend(word.chars().flat_map(char::to_lowercase));
                    }
                    lex.flags(&fold)
                } else {
                    0
                };
                (shape, flags)
            }
            Class::Urdu => (Shape::Other, lex.flags(word)),
            _ => (Shape::Other, 0),
        };
        out.push(Tok {
            start: start as u32,
            end: end as u32,
            flags,
            class,
            shape,
            gap,
            sentence_start,
        });
        sentence_start = class == Class::Punct
            && matches!(word, "." | "!" | "?" | "۔" | "؟" | "\"" | ">" | "*" | "•")
            && (word != "." || !is_abbreviation(out, text));
        if class == Class::Punct && (word == "\"" || word == "'" || word == "(") {
            // an opening quote keeps the sentence start of what came before it
            sentence_start = out.len() < 2 || out[out.len() - 2].sentence_start;
        }
        gap = 0;
        i = end;
    }
    mark_never_names(text, lex, out);
}

/// Marks the words of never-name phrases (a law, a public body, a platform: see
/// data/redaction/never-names.txt), and the punctuation between them, with `NEVER_NAME`.
fn mark_never_names(text: &str, lex: &Lexicon, toks: &mut [Tok]) {
    let mut fold = String::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].has(flag::NEVER_FIRST) {
            i += 1;
            continue;
        }
        fold_into(toks[i].text(text), &mut fold);
        let last = lex
            .phrases(&fold)
            .iter()
            .find_map(|rest| phrase_end(text, toks, i, rest));
        match last {
            Some(last) => {
                for t in &mut toks[i..=last] {
                    t.flags |= flag::NEVER_NAME;
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// The last token of a phrase whose first word is token `i` and whose other folded words
/// are `rest`, on one line; hyphens, full stops, apostrophes and brackets between the
/// words are skipped ("F.I.A", "Prevention of Electronic Crimes (Amendment) Act").
fn phrase_end(text: &str, toks: &[Tok], i: usize, rest: &[Box<str>]) -> Option<usize> {
    let mut fold = String::new();
    let mut k = i;
    for w in rest {
        let mut j = k + 1;
        while toks.get(j).is_some_and(|t| {
            t.gap < 2 && matches!(t.punct(text), Some('-' | '.' | '\'' | '’' | '(' | ')'))
        }) {
            j += 1;
        }
        let t = toks.get(j)?;
        if !t.is_word() || t.gap == 2 {
            return None;
        }
        fold_into(t.text(text), &mut fold);
        if fold != **w {
            return None;
        }
        k = j;
    }
    Some(k)
}

/// Lowercases a word of the normalised text into `out`, as the lexicon folds its keys (the
/// text's Arabic-script letters were already folded by normalising it, like the keys').
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().flat_map(char::to_lowercase));
}

/// A full stop after "Mr", "Dr", "St", a single capital (initial) and the like does not end
/// a sentence.
fn is_abbreviation(out: &[Tok], text: &str) -> bool {
    if out.len() < 2 {
        return false;
    }
    let prev = &out[out.len() - 2];
    // "Person B." is a pseudonym ending a sentence, not an initial
    let pseudonym =
        out.len() >= 3 && matches!(out[out.len() - 3].text(text), "Person" | "Organisation");
    prev.class == Class::Latin
        && ((prev.len() == 1 && !pseudonym)
            || prev.has(super::lexicon::flag::TITLE)
            || prev.has(super::lexicon::flag::STREET_SUFFIX))
}

fn scan_latin(text: &str, from: usize) -> usize {
    let mut end = from;
    let mut chars = text[from..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if is_latin_letter(c) {
            end = from + off + c.len_utf8();
        } else if c == '\'' {
            // inner apostrophe: D'Souza, Froebel's
            match chars.peek() {
                Some(&(_, n)) if n.is_ascii_alphabetic() => continue,
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

fn scan_urdu(text: &str, from: usize) -> usize {
    let mut end = from;
    for (off, c) in text[from..].char_indices() {
        if is_arabic_letter(c) {
            end = from + off + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn shape_of(word: &str) -> Shape {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    let mut any_lower = false;
    let mut any_upper = false;
    let mut n = 1;
    for c in chars {
        n += 1;
        any_lower |= c.is_lowercase();
        any_upper |= c.is_uppercase();
    }
    if first.is_uppercase() {
        if !any_lower && n >= 2 {
            Shape::Upper
        } else {
            Shape::Capital
        }
    } else if !any_upper {
        Shape::Lower
    } else {
        Shape::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        tokenize(text, Lexicon::get(), &mut out);
        out
    }

    #[test]
    fn splits_scripts_digits_and_punctuation() {
        let text = "Mr. D'Souza, 0300-1234567 علی۔";
        let t = toks(text);
        let words: Vec<&str> = t.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            [
                "Mr", ".", "D'Souza", ",", "0300", "-", "1234567", "علی", "۔"
            ]
        );
        assert_eq!(t[2].shape, Shape::Capital);
        assert!(
            !t[2].sentence_start,
            "a full stop after Mr does not end a sentence"
        );
        assert_eq!(t[7].class, Class::Urdu);
    }
}
