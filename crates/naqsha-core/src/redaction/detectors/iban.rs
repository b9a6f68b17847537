//! IBAN: two letters, two check digits and up to 30 letters or digits, written in one
//! block or in groups of four, accepted only when the mod-97 check holds. The check also
//! finds where an IBAN ends when a short word follows it ("PK36SCBL0000001123456702 mein").

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::Class;

/// Lengths of IBANs by country, for the countries a Pakistani story is likely to mention
/// and those of the published test sets; other countries accept 15 to 34 characters.
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"PK", 24),
    (b"GB", 22),
    (b"AE", 23),
    (b"SA", 24),
    (b"QA", 29),
    (b"KW", 30),
    (b"BH", 22),
    (b"OM", 23),
    (b"TR", 26),
    (b"DE", 22),
    (b"FR", 27),
    (b"IT", 27),
    (b"ES", 24),
    (b"NL", 18),
    (b"BE", 16),
    (b"IE", 22),
    (b"NO", 15),
    (b"SE", 24),
    (b"DK", 18),
    (b"FI", 18),
    (b"CH", 21),
    (b"AT", 20),
    (b"PL", 28),
];

/// Finds IBANs.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    for i in 0..toks.len().saturating_sub(1) {
        let t = &toks[i];
        if t.class != Class::Latin || t.len() != 2 || ctx.glued(i) {
            continue;
        }
        let next = &toks[i + 1];
        if next.class != Class::Digits || next.gap != 0 || next.len() < 2 {
            continue;
        }
        let start = t.start as usize;
        // collect up to 34 letters and digits, allowing single spaces between groups
        let mut chars = [0u8; 34];
        let mut ends = [0usize; 34];
        let mut n = 0;
        let bytes = ctx.bytes;
        let mut p = start;
        // letters keep the case of the country code (an IBAN is written all upper or all
        // lower case), and a space may only follow a group of four ("PK36 SCBL 0000 …")
        let upper = bytes[start].is_ascii_uppercase();
        let mut group = 0;
        while p < bytes.len() && n < 34 {
            let b = bytes[p];
            let same_case = !b.is_ascii_alphabetic() || b.is_ascii_uppercase() == upper;
            if b.is_ascii_alphanumeric() && same_case {
                chars[n] = b.to_ascii_uppercase();
                ends[n] = p + 1;
                n += 1;
                group += 1;
                p += 1;
            } else if b == b' '
                && group == 4
                && p + 1 < bytes.len()
                && bytes[p + 1].is_ascii_alphanumeric()
            {
                group = 0;
                p += 1;
            } else {
                break;
            }
        }
        if n < 15 {
            continue;
        }
        let country = [chars[0], chars[1]];
        // an unknown country's IBAN is taken only as one block ending at a word's end
        let lengths: Vec<usize> = match LENGTHS.iter().find(|(c, _)| **c == country) {
            Some(&(_, len)) => vec![len],
            None if ends[n - 1] - start == n => vec![n],
            None => Vec::new(),
        };
        for len in lengths {
            if len > n {
                continue;
            }
            let end = ends[len - 1];
            // the IBAN must end where a word ends
            if bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            if mod97(&chars[..len]) {
                push(out, start, end, Kind::Iban, 0.99);
                break;
            }
        }
    }
}

/// The ISO 13616 check: move the first four characters to the end, read letters as 10–35,
/// and the number must leave 1 when divided by 97.
pub(crate) fn mod97(iban: &[u8]) -> bool {
    if iban.len() < 5 || !iban[2].is_ascii_digit() || !iban[3].is_ascii_digit() {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in iban[4..].iter().chain(&iban[..4]) {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else if c.is_ascii_uppercase() {
            let v = u32::from(c - b'A') + 10;
            rem = (rem * 100 + v) % 97;
        } else {
            return false;
        }
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod97_accepts_valid_ibans_only() {
        assert!(mod97(b"GB82WEST12345698765432"));
        assert!(mod97(b"PK36SCBL0000001123456702"));
        assert!(!mod97(b"PK36SCBL0000001123456703"));
    }
}
