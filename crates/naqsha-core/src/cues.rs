//! Cue lists: phrases kept as data (`data/moderation/*.txt`), in sections, found as whole
//! words in a text after [`normalise`] (case, Urdu letter variants, diacritics, digits and
//! punctuation folded). The review page's content notes and the inbox's urgency use them.
//!
//! A list is plain text: `# comments`, `[section]` headers, one phrase a line, in English,
//! Roman Urdu or Urdu. Whole words only, so every inflection to be found is listed.

use crate::near_duplicate::normalise;

/// A parsed cue list whose sections are `S`.
#[derive(Debug, Clone)]
pub struct Cues<S> {
    /// Folded phrases, each padded with a space on either side.
    phrases: Vec<(S, String)>,
}

impl<S: Copy + PartialEq> Cues<S> {
    /// Parses `list`, naming sections with `section`; a section it does not know, and
    /// phrases before any section or folding to nothing, are skipped ([`Cues::problems`]
    /// lists them, for a test of the shipped lists).
    pub fn parse(list: &str, section: impl Fn(&str) -> Option<S>) -> Self {
        let mut phrases = Vec::new();
        let mut current = None;
        for line in list.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = header(line) {
                current = section(name);
                continue;
            }
            let folded = normalise(line);
            if let (Some(s), false) = (current, folded.is_empty()) {
                phrases.push((s, format!(" {folded} ")));
            }
        }
        Self { phrases }
    }

    /// What [`Cues::parse`] skips in `list`, one line each.
    pub fn problems(list: &str, section: impl Fn(&str) -> Option<S>) -> Vec<String> {
        let mut out = Vec::new();
        let mut known = None;
        for line in list.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = header(line) {
                known = Some(section(name).is_some());
                if known == Some(false) {
                    out.push(format!("unknown section [{name}]"));
                }
            } else if known.is_none() {
                out.push(format!("{line:?} before any section"));
            } else if normalise(line).is_empty() {
                out.push(format!("{line:?} folds to nothing"));
            }
        }
        out
    }

    /// How many phrases the list holds.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the list holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The sections of `order` that `text` has a phrase of, in that order.
    pub fn found(&self, text: &str, order: &[S]) -> Vec<S> {
        let folded = format!(" {} ", normalise(text));
        order
            .iter()
            .copied()
            .filter(|s| {
                self.phrases
                    .iter()
                    .any(|(t, phrase)| t == s && folded.contains(phrase.as_str()))
            })
            .collect()
    }
}

fn header(line: &str) -> Option<&str> {
    line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum S {
        A,
        B,
    }

    fn section(name: &str) -> Option<S> {
        match name {
            "a" => Some(S::A),
            "b" => Some(S::B),
            _ => None,
        }
    }

    const LIST: &str = "# a list\nstray\n[a]\nkill you\nجان سے مار\n[c]\nskipped\n[b]\n...\nleak\n";

    #[test]
    fn phrases_are_whole_words_in_any_script_and_case() {
        let cues = Cues::parse(LIST, section);
        assert_eq!(cues.len(), 3);
        assert_eq!(
            cues.found("He said: I will KILL YOU.", &[S::A, S::B]),
            [S::A]
        );
        assert_eq!(
            cues.found("وہ مجھے جان سے مار دے گا", &[S::A, S::B]),
            [S::A]
        );
        assert_eq!(cues.found("kill yourself? leak!", &[S::B, S::A]), [S::B]);
        assert!(cues.found("skillet leaks", &[S::A, S::B]).is_empty());
        assert!(cues.found("skipped stray", &[S::A, S::B]).is_empty());
    }

    #[test]
    fn problems_are_listed() {
        assert_eq!(
            Cues::problems(LIST, section),
            [
                "\"stray\" before any section",
                "unknown section [c]",
                "\"...\" folds to nothing"
            ]
        );
    }
}
