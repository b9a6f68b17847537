//! Name folding and approximate matching for place names in English and Urdu.
//!
//! Folding makes spellings that a person would consider the same compare equal:
//! case, Latin diacritics (Karāchi → karachi), punctuation and spaces
//! (D.I. Khan → dikhan), and the Arabic-script letter variants of names typed on Arabic,
//! Persian, Sindhi or Pashto keyboards, folded loosely ([`crate::script::fold_letter_loosely`]:
//! ي/ى/ے → ی, ك/ڪ → ک, ه/ھ/ة/ۃ/ۀ → ہ, hamza and madda marks dropped, so آباد == اباد,
//! کوئٹہ == کویٹہ and ڪراچي == کراچی).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Fold a name for comparison. The result is only meant for matching, never for display.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if let Some(digit) = crate::script::fold_digit(c) {
            out.push(digit);
            continue;
        }
        for f in crate::script::fold_letter_loosely(c) {
            // tatweel is a letter to Unicode, a stretch of the line to a reader
            if f.is_alphanumeric() && f != '\u{0640}' {
                out.extend(f.to_lowercase());
            }
            // zero-width joiners and marks, spaces, hyphens, dots, apostrophes, Arabic-script
            // and other punctuation are dropped
        }
    }
    out
}

/// Optimal-string-alignment edit distance (insertions, deletions, substitutions and
/// transpositions of adjacent characters), computed over chars. Returns `None` as soon
/// as the distance is certain to exceed `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// The largest edit distance tolerated between a query and a name, by the folded
/// length of the name: none under 5 letters, 1 up to 8 letters, 2 beyond.
pub fn fuzzy_budget(folded_len: usize) -> usize {
    match folded_len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_case_diacritics_and_punctuation() {
        assert_eq!(fold("Karāchi"), "karachi");
        assert_eq!(fold("D.I. Khan"), fold("DI Khan"));
        assert_eq!(fold("Dera  Ismail-Khan"), "deraismailkhan");
        assert_eq!(fold("Khairpur Mir’s"), "khairpurmirs");
    }

    #[test]
    fn folds_urdu_letter_variants() {
        // Arabic yeh, kaf and heh typed for Urdu letters
        assert_eq!(fold("لاهور"), fold("لاہور"));
        assert_eq!(fold("لاھور"), fold("لاہور"));
        assert_eq!(fold("كراچي"), fold("کراچی"));
        assert_eq!(fold("اسلام اباد"), fold("اسلام آباد"));
        assert_eq!(fold("کویٹہ"), fold("کوئٹہ"));
        assert_eq!(fold("لاہور۔"), fold("لاہور"));
        assert_eq!(fold("لاہـــور"), fold("لاہور"));
    }

    #[test]
    fn folds_sindhi_and_pashto_spellings_of_the_same_name() {
        assert_eq!(fold("ڪراچي"), fold("کراچی"));
        assert_eq!(fold("حيدرآباد"), fold("حیدرآباد"));
        // Thatta: Sindhi ٺٽو against Urdu ٹھٹہ differs by the last letter only
        assert_eq!(edit_distance(&fold("ٺٽو"), &fold("ٹھٹو"), 0), Some(0));
        assert_eq!(fold("ګلګت"), fold("گلگت"));
        assert_eq!(fold("ٹانک ۲"), "ٹانک2");
    }

    #[test]
    fn edit_distance_counts_and_cuts_off() {
        assert_eq!(edit_distance("peshawar", "pishawar", 2), Some(1));
        assert_eq!(edit_distance("multan", "mutlan", 1), Some(1));
        assert_eq!(edit_distance("lahore", "lahore", 0), Some(0));
        assert_eq!(edit_distance("quetta", "karachi", 2), None);
        assert_eq!(edit_distance("abc", "abcdef", 2), None);
        assert_eq!(edit_distance("", "ab", 2), Some(2));
    }

    #[test]
    fn budget_grows_with_length() {
        assert_eq!(fuzzy_budget(4), 0);
        assert_eq!(fuzzy_budget(6), 1);
        assert_eq!(fuzzy_budget(12), 2);
    }
}
