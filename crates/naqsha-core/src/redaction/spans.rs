//! Turning the detectors' candidates into sorted, non-overlapping spans.

use super::Kind;

/// A detector's finding, in byte offsets of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub score: f32,
}

/// Sorts the candidates and merges every overlap into one span covering both (a leak is
/// worse than a wide span); the merged span keeps the kind of the more confident finding.
pub(crate) fn resolve(cands: &mut Vec<Candidate>) {
    cands.retain(|c| c.end > c.start);
    cands.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        match out.last_mut() {
            Some(last) if c.start < last.end => {
                let keep_last = last.score > c.score
                    || (last.score == c.score && last.end - last.start >= c.end - c.start);
                if !keep_last {
                    last.kind = c.kind;
                    last.score = c.score;
                }
                last.end = last.end.max(c.end);
            }
            _ => out.push(c),
        }
    }
    *cands = out;
}

/// "Amanda's daughter": the possessive ending is not part of the name, and leaving it in
/// the clear ("\[NAME\]'s daughter") gives nothing away.
pub(crate) fn trim_possessives(text: &str, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == Kind::Name) {
        let Some(span) = text.get(c.start..c.end) else {
            continue;
        };
        if let Some(rest) = span
            .strip_suffix("'s")
            .or_else(|| span.strip_suffix("\u{2019}s"))
            .filter(|rest| !rest.is_empty())
        {
            c.end = c.start + rest.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(start: usize, end: usize, kind: Kind, score: f32) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            score,
        }
    }

    #[test]
    fn a_name_ends_before_its_possessive() {
        let text = "Amanda's kid and Asya\u{2019}s friend and 's";
        let mut v = vec![
            c(0, 8, Kind::Name, 0.8),
            c(17, 25, Kind::Name, 0.8),
            c(37, 39, Kind::Name, 0.8),
            c(0, 8, Kind::Org, 0.8),
        ];
        trim_possessives(text, &mut v);
        assert_eq!(&text[v[0].start..v[0].end], "Amanda");
        assert_eq!(&text[v[1].start..v[1].end], "Asya");
        // nothing but the ending is left alone, and only names are trimmed
        assert_eq!((v[2].start, v[2].end), (37, 39));
        assert_eq!((v[3].start, v[3].end), (0, 8));
    }

    #[test]
    fn overlaps_merge_into_the_union_with_the_surer_kind() {
        let mut v = vec![
            c(10, 20, Kind::Name, 0.5),
            c(0, 4, Kind::Phone, 0.9),
            c(15, 30, Kind::Address, 0.8),
            c(30, 32, Kind::Name, 0.6),
        ];
        resolve(&mut v);
        assert_eq!(
            v,
            vec![
                c(0, 4, Kind::Phone, 0.9),
                c(10, 30, Kind::Address, 0.8),
                c(30, 32, Kind::Name, 0.6)
            ]
        );
    }
}
