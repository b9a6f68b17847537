//! Replacing detected spans: typed placeholders (`[NAME]`, `[نام]`) or pseudonyms that stay
//! the same for the same person within one story ("Person A").

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::detectors::URDU_LETTERS;
use super::lexicon::fold;
use super::{Kind, Span, text_lang};
use crate::lang::Lang;

/// How spans are replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceholderStyle {
    /// `[NAME]`, `[PHONE]` … (`[نام]`, `[فون]` … in Urdu text).
    #[default]
    Typed,
    /// Names become "Person A", "Person B" … and organisations "Organisation A" …, the same
    /// letter for the same name throughout the text (a first name alone takes the letter of
    /// the full name it belongs to); other kinds get typed placeholders.
    Pseudonym,
}

/// Options for [`super::Redactor::redact`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RedactOptions {
    /// Placeholders or pseudonyms.
    pub style: PlaceholderStyle,
    /// Language of the placeholders; `None` picks the script most of the text is in.
    pub lang: Option<Lang>,
    /// Spans scoring below this are left in the text (0 redacts everything detected).
    pub min_score: f32,
}

/// A redacted text with the spans that were replaced (offsets in the original text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Redacted {
    /// The text with every span replaced.
    pub text: String,
    /// The replaced spans, in characters of the original text.
    pub spans: Vec<Span>,
}

/// Replaces `spans` in `text`. The spans may come in any order, overlap or run past the
/// end: they are clamped to the text and overlapping ones joined into one span with the
/// kind of the longest, so no character of any span is left in the result.
pub fn apply(text: &str, spans: &[Span], options: &RedactOptions) -> Redacted {
    let spans = tidy_spans(spans, text.chars().count());
    apply_with_layout(text, spans, options).0
}

/// `spans` clamped to a text of `char_len` characters, empty ones dropped, sorted, and
/// overlapping ones joined into one span with the kind of the longest (the first on a
/// tie) and the highest score.
pub(crate) fn tidy_spans(spans: &[Span], char_len: usize) -> Vec<Span> {
    let mut sorted: Vec<Span> = spans
        .iter()
        .map(|s| Span {
            start: s.start.min(char_len),
            end: s.end.min(char_len),
            ..*s
        })
        .filter(|s| s.start < s.end)
        .collect();
    sorted.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
    // length of the span whose kind the last joined span carries
    let mut kind_len = 0;
    for s in sorted {
        let len = s.end - s.start;
        match out.last_mut() {
            Some(last) if s.start < last.end => {
                if len > kind_len {
                    last.kind = s.kind;
                    kind_len = len;
                }
                last.end = last.end.max(s.end);
                last.score = last.score.max(s.score);
            }
            _ => {
                kind_len = len;
                out.push(s);
            }
        }
    }
    out
}

/// Replaces `spans` (sorted, non-overlapping, in characters) in `text`.
/// Also tells where each replacement sits in the result.
pub(crate) fn apply_with_layout(
    text: &str,
    mut spans: Vec<Span>,
    options: &RedactOptions,
) -> (Redacted, Layout) {
    spans.retain(|s| s.score >= options.min_score);
    // the whole text's script is only needed for a span with no letters near it
    let mut doc_lang: Option<Lang> = options.lang;
    let mut out = String::with_capacity(text.len());
    let mut pseudonyms = Pseudonyms::default();
    let mut chars = text.char_indices().enumerate().peekable();
    let mut copied_to = 0usize; // byte offset
    let mut out_chars = 0usize;
    let mut pieces = Vec::with_capacity(spans.len());
    for span in &spans {
        // byte offsets of span.start and span.end
        let mut start_b = text.len();
        let mut end_b = text.len();
        while let Some(&(ci, (bi, _))) = chars.peek() {
            if ci == span.start {
                start_b = bi;
            }
            if ci == span.end {
                end_b = bi;
                break;
            }
            chars.next();
        }
        if start_b < copied_to {
            continue;
        }
        let kept = &text[copied_to..start_b];
        out.push_str(kept);
        out_chars += kept.chars().count();
        let original = &text[start_b..end_b];
        let lang = match options.lang {
            Some(l) => l,
            None => span_lang(text, start_b, end_b)
                .unwrap_or_else(|| *doc_lang.get_or_insert_with(|| text_lang(text))),
        };
        // a pseudonym glued to a word ("Person AvE") would read as other words; the
        // bracketed placeholder stays recognisable anywhere (found by the fuzzer)
        let glued = text[end_b..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            || text[..start_b]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let replacement = match (options.style, span.kind) {
            (PlaceholderStyle::Pseudonym, Kind::Name | Kind::Org) if !glued => {
                pseudonyms.label(span.kind, original, lang)
            }
            _ => span.kind.placeholder(lang).to_owned(),
        };
        let n = replacement.chars().count();
        out.push_str(&replacement);
        pieces.push((span.start, span.end, out_chars, out_chars + n));
        out_chars += n;
        copied_to = end_b;
    }
    out.push_str(&text[copied_to..]);
    let layout = Layout {
        pieces,
        original_len: text.chars().count(),
    };
    (Redacted { text: out, spans }, layout)
}

/// Where each replaced span sits in the redacted text.
pub(crate) struct Layout {
    /// (original start, original end, redacted start, redacted end), in characters.
    pieces: Vec<(usize, usize, usize, usize)>,
    original_len: usize,
}

impl Layout {
    /// The original character index of a redacted-text index; an index inside a
    /// replacement maps to the start (or, for an end, the end) of the replaced span.
    fn to_original(&self, at: usize, is_end: bool) -> usize {
        let mut shift: isize = 0;
        for &(os, oe, rs, re) in &self.pieces {
            if at < rs {
                break;
            }
            if at < re || (at == re && is_end) {
                return if is_end && at > rs { oe } else { os };
            }
            shift = re as isize - oe as isize;
        }
        ((at as isize - shift).max(0) as usize).min(self.original_len)
    }
}

/// Adds spans found in the redacted text to the original spans.
pub(crate) fn merge_back(layout: &Layout, more: Vec<Span>, mut spans: Vec<Span>) -> Vec<Span> {
    for m in more {
        let start = layout.to_original(m.start, false);
        let end = layout.to_original(m.end, true);
        if end > start {
            spans.push(Span { start, end, ..m });
        }
    }
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start < last.end => {
                if s.score > last.score {
                    last.kind = s.kind;
                    last.score = s.score;
                }
                last.end = last.end.max(s.end);
            }
            _ => merged.push(s),
        }
    }
    merged
}

/// The script around a span in mixed text: the span's own letters, else the nearest letter
/// before it, else after it ("فون ۰۳۰۰…" takes an Urdu placeholder in an English story).
fn span_lang(text: &str, start: usize, end: usize) -> Option<Lang> {
    let script = |c: char| {
        if c.is_ascii_alphabetic() {
            Some(Lang::EN)
        } else if crate::script::is_arabic_letter(c) {
            Some(Lang::UR)
        } else {
            None
        }
    };
    // looking a bounded distance keeps the cost linear in long texts without letters
    text[start..end]
        .chars()
        .take(64)
        .find_map(script)
        .or_else(|| text[..start].chars().rev().take(64).find_map(script))
        .or_else(|| text[end..].chars().take(64).find_map(script))
}

/// Pseudonym letters handed out so far.
#[derive(Default)]
struct Pseudonyms {
    by_key: HashMap<(Kind, String), usize>,
    by_word: HashMap<(Kind, String), usize>,
    next: HashMap<Kind, usize>,
}

impl Pseudonyms {
    fn label(&mut self, kind: Kind, original: &str, lang: Lang) -> String {
        let words: Vec<String> = original
            .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        let key = (kind, words.join(" "));
        let index = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                let reuse = if words.len() == 1 {
                    self.by_word.get(&(kind, words[0].clone())).copied()
                } else {
                    None
                };
                let i = reuse.unwrap_or_else(|| {
                    let n = self.next.entry(kind).or_insert(0);
                    *n += 1;
                    *n - 1
                });
                self.by_key.insert(key, i);
                for w in &words {
                    self.by_word.entry((kind, w.clone())).or_insert(i);
                }
                i
            }
        };
        let (noun_en, noun_ur) = match kind {
            Kind::Org => ("Organisation", "ادارہ"),
            _ => ("Person", "شخص"),
        };
        match lang.base() {
            Lang::EN => format!("{noun_en} {}", latin_label(index)),
            _ => {
                let letter = URDU_LETTERS[index % URDU_LETTERS.len()];
                let round = index / URDU_LETTERS.len();
                if round == 0 {
                    format!("{noun_ur} {letter}")
                } else {
                    format!("{noun_ur} {letter}{}", round + 1)
                }
            }
        }
    }
}

/// A, B, … Z, AA, AB, …
fn latin_label(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_run_a_to_z_then_aa() {
        assert_eq!(latin_label(0), "A");
        assert_eq!(latin_label(25), "Z");
        assert_eq!(latin_label(26), "AA");
        assert_eq!(latin_label(27), "AB");
    }
}
