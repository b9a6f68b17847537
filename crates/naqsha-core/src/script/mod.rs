//! The Arabic script, in which Urdu, Sindhi, Pashto and Punjabi (Shahmukhi) are written: the
//! one definition every part of Naqsha uses to tell such text from Latin text (the language of
//! an SMS, a right-to-left run, a label's width on the map, a taxonomy's Urdu names), its
//! digits (a receipt, a code or a phone number typed on an Urdu, Sindhi or Pashto keyboard),
//! the folding of its letter variants for matching ([`fold_letter`], [`fold_letter_loosely`])
//! and a guess of which of these languages a text is in ([`guess_language`]).

mod fold;
mod language;

pub use fold::{Folded, fold_letter, fold_letter_loosely};
pub use language::guess_language;

/// Whether `c` is in one of the Arabic script's blocks: Arabic, Arabic Supplement, Arabic
/// Extended-B and -A, and the presentation forms (without U+FEFF, the byte-order mark that
/// shares their block). Digits and punctuation of the script are included.
pub fn is_arabic_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{0870}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFE}'
    )
}

/// Whether `c` is a letter of the Arabic script (Urdu, Sindhi, Pashto, Punjabi, Saraiki,
/// Arabic, Persian): not a digit, a punctuation mark, or a vowel or Quranic mark (which
/// redaction and receipts drop). Sindhi's ۽ ("and") and ۾ ("in") are symbols to Unicode but
/// whole words to a reader, so they count as letters.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{064a}' | '\u{066e}'..='\u{06d3}' | '\u{06d5}' | '\u{06ee}'..='\u{06ef}'
        | '\u{06fa}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{fefc}')
}

/// Whether `text` has at least one Arabic-script letter.
pub fn has_arabic_letters(text: &str) -> bool {
    text.chars().any(is_arabic_letter)
}

/// The value of a decimal digit in ASCII, Extended Arabic-Indic (۰–۹: Urdu, Sindhi, Pashto,
/// Persian keyboards) or Arabic-Indic (٠–٩: Arabic keyboards, and Pashto and Sindhi ones that
/// follow them) script; none for any other character. Sindhi and Pashto draw some of these
/// digits differently from Urdu, but the code points are shared.
pub fn digit_value(c: char) -> Option<u8> {
    let value = match c {
        '0'..='9' => u32::from(c) - u32::from('0'),
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        _ => return None,
    };
    u8::try_from(value).ok()
}

/// An Extended Arabic-Indic or Arabic-Indic digit as its ASCII digit; none for any other character (ASCII
/// digits included: they need no folding).
pub fn fold_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return None;
    }
    digit_value(c).map(|d| char::from(b'0' + d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urdu_letters_digits_and_forms_are_arabic_script() {
        for c in ['ا', 'ک', 'ے', 'ۓ', 'ݢ', 'ﻻ', '۳', '،', 'ࢠ'] {
            assert!(is_arabic_script(c), "{c}");
        }
        for c in ['a', '3', ' ', '-', '\u{FEFF}', 'ü'] {
            assert!(!is_arabic_script(c), "{c:?}");
        }
        assert!(is_arabic_letter('ک') && !is_arabic_letter('۳') && !is_arabic_letter('،'));
        assert!(
            !is_arabic_letter('\u{064E}'),
            "a vowel mark is not a letter"
        );
        assert!(has_arabic_letters("call me: میں ہوں"));
        assert!(has_arabic_letters("مان ۾ آهيان"));
        assert!(!has_arabic_letters("۰۳۰۰ 1234567"));
    }

    /// Every letter Sindhi, Pashto, Punjabi and Saraiki add to the Urdu alphabet, by code
    /// point (checked against the Unicode chart), is a letter, so no word is cut at one.
    #[test]
    fn the_letters_of_sindhi_pashto_and_punjabi_are_letters() {
        let sindhi = [
            '\u{067B}', '\u{0680}', '\u{067A}', '\u{067D}', '\u{067F}', '\u{0684}', '\u{0683}',
            '\u{0687}', '\u{068A}', '\u{068C}', '\u{068D}', '\u{068E}', '\u{068F}', '\u{0699}',
            '\u{06A6}', '\u{06AA}', '\u{06B3}', '\u{06B1}', '\u{06BB}', '\u{06BE}', '\u{06FD}',
            '\u{06FE}',
        ];
        let pashto = [
            '\u{067C}', '\u{0681}', '\u{0685}', '\u{0689}', '\u{0693}', '\u{0696}', '\u{069A}',
            '\u{06AB}', '\u{06BC}', '\u{06D0}', '\u{06CD}', '\u{064A}', '\u{0626}',
        ];
        let punjabi = ['\u{0768}', '\u{076A}', '\u{0759}'];
        assert_eq!(sindhi.iter().collect::<String>(), "ٻڀٺٽٿڄڃڇڊڌڍڎڏڙڦڪڳڱڻھ۽۾");
        assert_eq!(pashto.iter().collect::<String>(), "ټځڅډړږښګڼېۍيئ");
        assert_eq!(punjabi.iter().collect::<String>(), "ݨݪݙ");
        for c in sindhi.into_iter().chain(pashto).chain(punjabi) {
            assert!(is_arabic_letter(c) && is_arabic_script(c), "{c}");
            assert_eq!(digit_value(c), None, "{c}");
        }
    }

    #[test]
    fn digits_of_three_scripts_have_their_values() {
        for (i, (ascii, urdu, arabic)) in "0123456789"
            .chars()
            .zip("۰۱۲۳۴۵۶۷۸۹".chars())
            .zip("٠١٢٣٤٥٦٧٨٩".chars())
            .map(|((a, u), r)| (a, u, r))
            .enumerate()
        {
            let i = u8::try_from(i).unwrap();
            assert_eq!(digit_value(ascii), Some(i));
            assert_eq!(digit_value(urdu), Some(i));
            assert_eq!(digit_value(arabic), Some(i));
            assert_eq!(fold_digit(urdu), Some(ascii));
            assert_eq!(fold_digit(arabic), Some(ascii));
            assert_eq!(fold_digit(ascii), None);
        }
        for c in [
            'a', 'ا', '/', '\u{06EF}', '\u{06FA}', '\u{065F}', '\u{066A}',
        ] {
            assert_eq!(digit_value(c), None, "{c}");
        }
    }
}
