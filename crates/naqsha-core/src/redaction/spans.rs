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
