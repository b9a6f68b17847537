//! What a moderator decides on the review screen, as pure functions: which suggested
//! spans to redact, which to add by typing a phrase or selecting text, the draft that
//! results, and a last check before publishing that nothing redacted is still visible.
//!
//! Offsets are in characters (Unicode scalar values) of the original text, like every
//! [`Span`]. A browser's selection offsets count UTF-16 units; the web layer converts them.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::near_duplicate::{fold_char, normalise};
use crate::redaction::{self, Kind, PlaceholderStyle, RedactOptions, Span, tidy_spans};

/// Score of a span the moderator marked: it is personal data because they said so.
pub const MODERATOR_SCORE: f32 = 1.0;

/// Shorter redacted strings are not checked by [`leaks`]: "Ali" is, "Al" would be found in
/// every other word.
pub const MIN_LEAK_CHARS: usize = 3;

/// A moderator's decision on one suggested span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Redact it.
    Accept,
    /// Leave it in the text.
    Reject,
}

/// A plan that does not hold together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// There is not exactly one decision per suggested span.
    #[error("{decisions} decisions for {suggested} suggested spans")]
    LengthMismatch {
        /// Number of suggested spans.
        suggested: usize,
        /// Number of decisions.
        decisions: usize,
    },
    /// A decision refers to a suggestion that does not exist.
    #[error("no suggested span number {index}")]
    NoSuchSuggestion {
        /// The index asked for.
        index: usize,
    },
}

/// The redactions of one text: the detector's suggestions with a decision on each, and the
/// spans the moderator added. Holds one decision per suggestion by construction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PlanParts")]
pub struct RedactionPlan {
    suggested: Vec<Span>,
    decisions: Vec<Decision>,
    added: Vec<Span>,
}

/// A plan as stored or posted, checked before it becomes a [`RedactionPlan`].
#[derive(Deserialize)]
struct PlanParts {
    suggested: Vec<Span>,
    decisions: Vec<Decision>,
    added: Vec<Span>,
}

impl TryFrom<PlanParts> for RedactionPlan {
    type Error = PlanError;
    fn try_from(p: PlanParts) -> Result<Self, Self::Error> {
        RedactionPlan::from_parts(p.suggested, p.decisions, p.added)
    }
}

impl RedactionPlan {
    /// A plan that accepts every suggestion and adds nothing.
    pub fn new(suggested: Vec<Span>) -> Self {
        let decisions = vec![Decision::Accept; suggested.len()];
        Self {
            suggested,
            decisions,
            added: Vec::new(),
        }
    }

    /// A plan from its parts, as posted back by the review form.
    pub fn from_parts(
        suggested: Vec<Span>,
        decisions: Vec<Decision>,
        added: Vec<Span>,
    ) -> Result<Self, PlanError> {
        if suggested.len() != decisions.len() {
            return Err(PlanError::LengthMismatch {
                suggested: suggested.len(),
                decisions: decisions.len(),
            });
        }
        Ok(Self {
            suggested,
            decisions,
            added,
        })
    }

    /// The detector's suggestions, in the order they were given.
    pub fn suggested(&self) -> &[Span] {
        &self.suggested
    }

    /// The decision on each suggestion (same length and order as [`Self::suggested`]).
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The spans the moderator added.
    pub fn added(&self) -> &[Span] {
        &self.added
    }

    /// Records the decision on suggestion number `index`.
    pub fn decide(&mut self, index: usize, decision: Decision) -> Result<(), PlanError> {
        let slot = self
            .decisions
            .get_mut(index)
            .ok_or(PlanError::NoSuchSuggestion { index })?;
        *slot = decision;
        Ok(())
    }

    /// Adds spans the moderator marked.
    pub fn add(&mut self, spans: impl IntoIterator<Item = Span>) {
        self.added.extend(spans);
    }

    /// Takes back added span number `index` (`None` when there is none).
    pub fn remove_added(&mut self, index: usize) -> Option<Span> {
        (index < self.added.len()).then(|| self.added.remove(index))
    }

    /// The spans to redact in `text`: accepted suggestions and added spans, clamped to the
    /// text, sorted, and overlapping ones joined into one span with the kind of the
    /// longest (the first on a tie).
    pub fn spans(&self, text: &str) -> Vec<Span> {
        let accepted = self
            .suggested
            .iter()
            .zip(&self.decisions)
            .filter(|(_, d)| **d == Decision::Accept)
            .map(|(s, _)| *s);
        let all: Vec<Span> = accepted.chain(self.added.iter().copied()).collect();
        tidy_spans(&all, text.chars().count())
    }
}

/// A text folded character by character like [`normalise`] (punctuation kept, whitespace
/// runs made one space), remembering which original character each folded one came from.
struct Folded {
    chars: Vec<char>,
    /// Original character index of each folded character.
    orig: Vec<usize>,
    /// Characters in the original.
    len: usize,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut f = Folded {
            chars: Vec::with_capacity(text.len()),
            orig: Vec::with_capacity(text.len()),
            len: 0,
        };
        for (i, c) in text.chars().enumerate() {
            fold_char(c, |d| {
                let d = if d.is_whitespace() { ' ' } else { d };
                if d != ' ' || f.chars.last().is_some_and(|&p| p != ' ') {
                    f.chars.push(d);
                    f.orig.push(i);
                }
            });
            f.len = i + 1;
        }
        f
    }

    /// Whether folded character `at` exists and joins onto a word.
    fn is_word_char(&self, at: Option<usize>) -> bool {
        at.and_then(|i| self.chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    }
}

/// Every occurrence of `phrase` in `text` as spans of `kind`: case, Urdu letter variants,
/// diacritics and digits do not matter, whitespace runs match any whitespace run, and a
/// phrase that starts (ends) with a letter only matches at the start (end) of a word.
pub fn find_marks(text: &str, phrase: &str, kind: Kind) -> Vec<Span> {
    let needle = Folded::new(phrase.trim()).chars;
    let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else {
        return Vec::new();
    };
    let hay = Folded::new(text);
    let n = needle.len();
    let mut spans = Vec::new();
    let mut i = 0;
    while i + n <= hay.chars.len() {
        let glued_before = first.is_alphabetic() && hay.is_word_char(i.checked_sub(1));
        let glued_after = last.is_alphabetic() && hay.is_word_char(Some(i + n));
        if !glued_before && !glued_after && hay.chars[i..i + n] == needle[..] {
            let start = hay.orig[i];
            // marks and invisible characters after the match belong to its last letter
            let next = hay.orig.get(i + n).copied().unwrap_or(hay.len);
            let end = next.max(hay.orig[i + n - 1] + 1);
            spans.push(Span {
                start,
                end,
                kind,
                score: MODERATOR_SCORE,
            });
            i += n;
        } else {
            i += 1;
        }
    }
    spans
}

/// The span a moderator selected, if `start < end <= ` the text's length in characters;
/// whitespace at either edge of the selection is left out (`None` if nothing else is left).
pub fn span_from_selection(text: &str, start: usize, end: usize, kind: Kind) -> Option<Span> {
    let chars: Vec<char> = text.chars().collect();
    if start >= end || end > chars.len() {
        return None;
    }
    let selected = &chars[start..end];
    let first = selected.iter().position(|c| !c.is_whitespace())?;
    let last = selected.iter().rposition(|c| !c.is_whitespace())?;
    Some(Span {
        start: start + first,
        end: start + last + 1,
        kind,
        score: MODERATOR_SCORE,
    })
}

/// The text with `spans` replaced by typed placeholders (`[NAME]`, `[نام]`) in `lang`, or in
/// the script around each span when `lang` is `None`.
pub fn draft_text(text: &str, spans: &[Span], lang: Option<Lang>) -> String {
    let options = RedactOptions {
        style: PlaceholderStyle::Typed,
        lang,
        min_score: 0.0,
    };
    redaction::apply(text, spans, &options).text
}

/// The publish guard: each redacted string of `raw` (at least [`MIN_LEAK_CHARS`]
/// characters) that still appears in `public_text`, with its kind, once each.
///
/// Words are compared folded (case, Urdu letter variants, digits, punctuation), as whole
/// words; numbers by their digits alone, so "0300 1234567" or "+92 300 1234567" in the
/// public text give away "0300-1234567"; IBANs, passports and plates with their spaces
/// and dashes removed.
pub fn leaks(public_text: &str, raw: &str, spans: &[Span]) -> Vec<(Kind, String)> {
    let public = PublicText::new(public_text);
    let raw: Vec<char> = raw.chars().collect();
    let mut found: Vec<(Kind, String)> = Vec::new();
    for span in spans {
        let end = span.end.min(raw.len());
        let start = span.start.min(end);
        let original: String = raw[start..end].iter().collect();
        let original = original.trim();
        if original.chars().count() < MIN_LEAK_CHARS {
            continue;
        }
        // under a bidi override the moderator read it in the other order: "\u{202E}nahK"
        // shows as "Khan", and "Khan" in the public text gives it away too
        let mut displayed = redaction::normalise::Normalised::default();
        displayed.fill_visual(original);
        let leaked = public.contains(span.kind, original)
            || (displayed.has_overrides() && public.contains(span.kind, displayed.text()));
        if leaked && !found.iter().any(|(k, s)| *k == span.kind && s == original) {
            found.push((span.kind, original.to_owned()));
        }
    }
    found
}

/// The public text prepared once for every comparison [`leaks`] makes.
struct PublicText {
    /// " folded words " with a space at each end, for whole-word search.
    padded: String,
    /// Its words.
    words: Vec<String>,
    /// Runs of digits, joined across single spaces ("0300 1234567" → "03001234567").
    numbers: Vec<String>,
}

impl PublicText {
    fn new(text: &str) -> Self {
        let folded = normalise(text);
        let words: Vec<String> = folded.split(' ').map(str::to_owned).collect();
        let mut numbers = Vec::new();
        let mut current = String::new();
        let mut chars = folded.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                current.push(c);
            } else if c == ' ' && chars.peek().is_some_and(char::is_ascii_digit) {
                // the number may go on after the space
            } else if !current.is_empty() {
                numbers.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            numbers.push(current);
        }
        Self {
            padded: format!(" {folded} "),
            words,
            numbers,
        }
    }

    /// Whether `original`, redacted as `kind`, can still be read in the public text.
    fn contains(&self, kind: Kind, original: &str) -> bool {
        let folded = normalise(original);
        match kind {
            Kind::Phone | Kind::Cnic | Kind::Card => {
                let digits: String = folded.chars().filter(char::is_ascii_digit).collect();
                if digits.len() >= MIN_LEAK_CHARS {
                    let core = if kind == Kind::Phone {
                        national_number(&digits)
                    } else {
                        &digits
                    };
                    return self.numbers.iter().any(|n| n.contains(core));
                }
            }
            Kind::Iban | Kind::Passport | Kind::Plate => {
                let compact: String = folded.chars().filter(|&c| c != ' ').collect();
                return self.has_joined_words(&compact);
            }
            _ => {}
        }
        !folded.is_empty() && self.padded.contains(&format!(" {folded} "))
    }

    /// Whether consecutive public words, joined without spaces, spell `compact` exactly.
    fn has_joined_words(&self, compact: &str) -> bool {
        !compact.is_empty()
            && (0..self.words.len()).any(|i| {
                let mut rest = compact;
                for w in &self.words[i..] {
                    match rest.strip_prefix(w.as_str()) {
                        Some("") => return true,
                        Some(r) if !w.is_empty() => rest = r,
                        _ => return false,
                    }
                }
                false
            })
    }
}

/// A Pakistani number without its country code or trunk zero (0092 300…, 92 300…,
/// 0300… → 300…), so that every way of writing it is found; other numbers as they are.
fn national_number(digits: &str) -> &str {
    let core = if let Some(rest) = digits.strip_prefix("0092") {
        rest
    } else if let Some(rest) = digits.strip_prefix("92").filter(|_| digits.len() >= 12) {
        rest
    } else {
        digits.strip_prefix('0').unwrap_or(digits)
    };
    // a short number keeps its zero: "0" alone must not make it match more numbers
    if core.len() >= 7 { core } else { digits }
}

#[cfg(test)]
mod tests;
