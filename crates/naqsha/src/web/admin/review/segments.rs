//! The raw text cut into stretches at every mark boundary, for highlighting: one sort of
//! the boundaries and one pass over the text, so a long report with many spans stays cheap.

use naqsha_core::redaction::{Kind, Span};
use naqsha_core::review::Decision;

/// One stretch of the raw text: plain, or inside a suggested or added mark.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Its first character's offset in the raw text.
    pub start: usize,
    /// The text.
    pub text: String,
    /// The suggestion covering it.
    pub suggestion: Option<usize>,
    /// The kind of that suggestion (or of the added mark).
    pub kind: Option<Kind>,
    /// The suggestion was rejected.
    pub rejected: bool,
    /// An added mark covers it.
    pub added: bool,
}

/// Character offsets → byte offsets, once for the whole text.
pub(super) struct CharIndex<'t> {
    text: &'t str,
    bytes: Vec<usize>,
}

impl<'t> CharIndex<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Self { text, bytes }
    }

    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    pub(super) fn slice(&self, start: usize, end: usize) -> &'t str {
        let end = end.min(self.len());
        let start = start.min(end);
        &self.text[self.bytes[start]..self.bytes[end]]
    }
}

/// Splits the raw text at every mark boundary: one sort of the boundaries and one pass.
pub fn segments(
    raw: &str,
    suggested: &[Span],
    decisions: &[Decision],
    added: &[Span],
) -> Vec<Segment> {
    let index = CharIndex::new(raw);
    let len = index.len();
    // (position, 0 = end / 1 = start, suggestion index or None for an added mark)
    let mut events: Vec<(usize, u8, Option<usize>, Kind)> =
        Vec::with_capacity(2 * (suggested.len() + added.len()));
    let mut push = |span: &Span, which: Option<usize>| {
        let end = span.end.min(len);
        let start = span.start.min(end);
        if start < end {
            events.push((start, 1, which, span.kind));
            events.push((end, 0, which, span.kind));
        }
    };
    suggested
        .iter()
        .enumerate()
        .for_each(|(i, s)| push(s, Some(i)));
    added.iter().for_each(|s| push(s, None));
    events.sort_unstable_by_key(|e| (e.0, e.1));
    let mut out = Vec::with_capacity(events.len() + 1);
    let mut active: Vec<(usize, Kind)> = Vec::new();
    let mut added_active: Vec<Kind> = Vec::new();
    let mut at = 0;
    let mut emit = |from: usize, to: usize, active: &[(usize, Kind)], added_active: &[Kind]| {
        if from < to {
            let first = active.first();
            out.push(Segment {
                start: from,
                text: index.slice(from, to).to_owned(),
                suggestion: first.map(|a| a.0),
                kind: first.map(|a| a.1).or(added_active.first().copied()),
                rejected: first.is_some_and(|a| decisions.get(a.0) == Some(&Decision::Reject)),
                added: !added_active.is_empty(),
            });
        }
    };
    for (pos, is_start, which, kind) in events {
        emit(at, pos, &active, &added_active);
        at = at.max(pos);
        match (which, is_start) {
            (Some(i), 1) => active.push((i, kind)),
            (Some(i), _) => active.retain(|a| a.0 != i),
            (None, 1) => added_active.push(kind),
            (None, _) => {
                if let Some(p) = added_active.iter().position(|k| *k == kind) {
                    added_active.remove(p);
                }
            }
        }
    }
    emit(at, len, &active, &added_active);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: Kind) -> Span {
        Span {
            start,
            end,
            kind,
            score: 1.0,
        }
    }

    #[test]
    fn segments_cover_the_text_once_with_marks_where_the_spans_are() {
        let raw = "میرا نام عائشہ ہے، فون 0300-1234567";
        let sugg = [span(9, 14, Kind::Name), span(23, 35, Kind::Phone)];
        let added = [span(0, 4, Kind::Name)];
        let segs = segments(raw, &sugg, &[Decision::Accept, Decision::Reject], &added);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, raw);
        let marked: Vec<(&str, Option<usize>, bool, bool)> = segs
            .iter()
            .filter(|s| s.kind.is_some())
            .map(|s| (s.text.as_str(), s.suggestion, s.rejected, s.added))
            .collect();
        assert_eq!(
            marked,
            [
                ("میرا", None, false, true),
                ("عائشہ", Some(0), false, false),
                ("0300-1234567", Some(1), true, false)
            ]
        );
        assert_eq!(segs[1].start, 4);
    }
}
