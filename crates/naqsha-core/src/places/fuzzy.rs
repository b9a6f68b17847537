//! Name folding and approximate matching for place names in English and Urdu.
//!
//! Folding makes spellings that a person would consider the same compare equal:
//! case, Latin diacritics (Karāchi → karachi), punctuation and spaces
//! (D.I. Khan → dikhan), and the Arabic-script letter variants that Urdu text typed on
//! Arabic or Persian keyboards contains (ي/ى/ے → ی, ك → ک, ه/ھ/ة/ۃ/ۀ → ہ, hamza and
//! madda marks dropped, so آباد == اباد and کوئٹہ == کویٹہ).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Fold a name for comparison. The result is only meant for matching, never for display.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match fold_char(c) {
            Some(f) => out.extend(f.to_lowercase()),
            None => continue,
        }
    }
    out
}

/// Map one (already decomposed) character to its folded form, or drop it.
fn fold_char(c: char) -> Option<char> {
    // Arabic-Indic and extended digits fold to ASCII digits
    if let Some(digit) = crate::script::fold_digit(c) {
        return Some(digit);
    }
    match c {
        // Arabic-script letter variants
        'ي' | 'ى' | 'ے' | 'ۓ' | 'ې' | 'ۍ' => Some('ی'),
        'ك' | 'ڪ' => Some('ک'),
        'ه' | 'ھ' | 'ة' | 'ۃ' | 'ۀ' | 'ۂ' => Some('ہ'),
        'أ' | 'إ' | 'ٱ' | 'آ' => Some('ا'),
        'ؤ' => Some('و'),
        // tatweel, zero-width joiners and marks, Arabic-script punctuation
        '\u{0640}' | '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '،' | '۔' | '؟' | '٬' => {
            None
        }
        c if c.is_alphanumeric() => Some(c),
        // spaces, hyphens, dots, apostrophes and other punctuation are dropped
        _ => None,
    }
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
