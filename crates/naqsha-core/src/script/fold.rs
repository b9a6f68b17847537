//! Folding the letter variants of the Arabic script, so that a word typed on an Arabic,
//! Persian, Urdu, Sindhi or Pashto keyboard matches the same word typed on another.
//!
//! Two strengths, because callers match for different reasons:
//!
//! * [`fold_letter`] (strict) joins only code points that are the same letter: Arabic yeh,
//!   kaf and heh for Urdu's (ي → ی, ك → ک, ه → ہ), and the retroflex and velar letters
//!   that Pashto, Sindhi and Punjabi give a code point of their own although Urdu already has
//!   one for the sound (Pashto ټ ډ ړ ګ, Sindhi ٽ ڊ ڙ → ٹ ڈ ڑ گ). Sindhi's swash kaf ڪ is the
//!   Urdu ک the Sindhi way, so it folds too (Sindhi's own ک, "kh", is then no longer told
//!   from it: a rare pair next to every Sindhi word with a k typed on an Urdu keyboard).
//!   One character stays one character, so the redaction engine keeps its map back to the
//!   original. Letters that tell words apart in one of these languages stay apart: Urdu's
//!   ھ and ہ (بھی is not بہی), Pashto's ې and ی, Sindhi's implosives.
//! * [`fold_letter_loosely`] also joins what a searcher would not care about: every yeh and
//!   heh shape, hamza carriers (ئ → ی, ؤ → و, آ أ إ ٱ → ا), Sindhi's implosives and Punjabi's
//!   retroflex n and l as their plain letters (ٻ → ب, ڻ ݨ ڼ → ن, ݪ → ل), and Sindhi's aspirated
//!   letters as the Urdu pair (ڀ → بھ, folded on to بہ). For near-duplicates, cue and news-rule
//!   phrases, place names and the publishing leak check, where a miss costs more than a
//!   false match.

/// One character folded loosely: one letter, or two for a Sindhi aspirate (ڀ → ب ہ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Folded(char, Option<char>);

impl IntoIterator for Folded {
    type Item = char;
    type IntoIter = std::iter::Chain<std::iter::Once<char>, std::option::IntoIter<char>>;

    fn into_iter(self) -> Self::IntoIter {
        std::iter::once(self.0).chain(self.1)
    }
}

/// `c` as the letter it is the same as in Urdu's alphabet (see the module documentation);
/// any other character unchanged.
pub fn fold_letter(c: char) -> char {
    match c {
        // Arabic (and Sindhi, Pashto) yeh, Pashto's yeh with tail
        'ي' | 'ى' | 'ۍ' => 'ی',
        // Arabic kaf, Sindhi swash kaf
        'ك' | 'ڪ' => 'ک',
        // Arabic heh (Sindhi writes it for every h), teh marbuta, heh with hamza
        'ه' | 'ة' | 'ۀ' | 'ۂ' => 'ہ',
        // Pashto gaf
        'ګ' => 'گ',
        // retroflex t, d, r: Pashto, Sindhi
        'ټ' | 'ٽ' => 'ٹ',
        'ډ' | 'ڊ' => 'ڈ',
        'ړ' | 'ڙ' => 'ڑ',
        // retroflex n: Pashto, Punjabi → Sindhi's (Urdu has none)
        'ڼ' | 'ݨ' => 'ڻ',
        // implosive d: Saraiki → Sindhi's
        'ݙ' => 'ڏ',
        _ => c,
    }
}

/// `c` folded as [`fold_letter`] and then loosely (see the module documentation); any other
/// character unchanged.
pub fn fold_letter_loosely(c: char) -> Folded {
    let one = |c| Folded(c, None);
    let aspirate = |c| Folded(c, Some('ہ'));
    match fold_letter(c) {
        'ے' | 'ۓ' | 'ې' | 'ئ' => one('ی'),
        'ھ' | 'ۃ' | 'ە' => one('ہ'),
        'آ' | 'أ' | 'إ' | 'ٱ' => one('ا'),
        'ؤ' => one('و'),
        // Sindhi (and Saraiki) implosives
        'ٻ' => one('ب'),
        'ڄ' => one('ج'),
        'ڳ' => one('گ'),
        'ڏ' => one('د'),
        // retroflex n and l
        'ڻ' => one('ن'),
        'ݪ' => one('ل'),
        // Sindhi aspirates, which Urdu writes with ھ (folded to ہ above)
        'ڀ' => aspirate('ب'),
        'ٿ' => aspirate('ت'),
        'ٺ' => aspirate('ٹ'),
        'ڇ' => aspirate('چ'),
        'ڌ' => aspirate('د'),
        'ڍ' => aspirate('ڈ'),
        'ڦ' => aspirate('پ'),
        f => one(f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict(word: &str) -> String {
        word.chars().map(fold_letter).collect()
    }

    fn loose(word: &str) -> String {
        word.chars().flat_map(fold_letter_loosely).collect()
    }

    #[test]
    fn arabic_keyboard_letters_fold_as_urdu_text_always_did() {
        assert_eq!(strict("علي كريم فاطمه"), "علی کریم فاطمہ");
        assert_eq!(strict("ۀ ۂ ة ى"), "ہ ہ ہ ی");
        // what tells Urdu words apart stays apart
        assert_eq!(strict("بھی بہی سے ئ"), "بھی بہی سے ئ");
    }

    #[test]
    fn the_same_word_on_a_sindhi_pashto_or_urdu_keyboard_folds_alike() {
        // "doctor": Sindhi, Pashto, Urdu
        assert_eq!(strict("ڊاڪٽر"), "ڈاکٹر");
        assert_eq!(strict("ډاکټر"), "ڈاکٹر");
        // "Karachi" the Sindhi way; "card" on a Pashto keyboard
        assert_eq!(strict("ڪراچي"), "کراچی");
        assert_eq!(strict("کارډ"), "کارڈ");
        // Pashto gaf, retroflex r: "car", "girl"
        assert_eq!(strict("ګاډی"), "گاڈی");
        assert_eq!(strict("ړ ڙ ڑ"), "ڑ ڑ ڑ");
        // retroflex n of three languages is one letter, not yet n
        assert_eq!(strict("ڼ ݨ ڻ ن"), "ڻ ڻ ڻ ن");
        // Pashto's e and Sindhi's implosives tell words apart: strict keeps them
        assert_eq!(strict("ې ٻ ڄ ڳ ڏ ݙ"), "ې ٻ ڄ ڳ ڏ ڏ");
    }

    #[test]
    fn loose_folding_joins_what_a_searcher_would_not_tell_apart() {
        // Sindhi aspirates are the Urdu letter pairs (ھ and ہ alike when loose)
        assert_eq!(loose("ڀاءُ"), loose("بھاءُ"));
        assert_eq!(loose("ٿر"), loose("تھر"));
        assert_eq!(loose("ڇوڪري"), loose("چھوکری"));
        assert_eq!(loose("ڦل"), "پہل");
        // implosives, retroflex n and l, every yeh and hamza carrier
        assert_eq!(loose("ٻار ڄاڻ ڳالهه ڏاڍو"), "بار جان گالہہ داڈہو");
        assert_eq!(loose("پاݨی ݪوک"), "پانی لوک");
        assert_eq!(loose("کوئٹہ"), loose("کویٹہ"));
        assert_eq!(loose("آباد أحمد إمام ؤ"), "اباد احمد امام و");
        assert_eq!(loose("ښځې ۍ ے ۓ"), "ښځی ی ی ی");
        // the letters of one language that no other shares stay
        assert_eq!(loose("څ ځ ښ ږ ڃ ڱ"), "څ ځ ښ ږ ڃ ڱ");
        // Latin and digits are not this fold's business
        assert_eq!(loose("Ab ۳"), "Ab ۳");
    }

    #[test]
    fn loose_folding_includes_the_strict_one_and_is_idempotent() {
        let all: String = ('\u{0600}'..='\u{06FF}')
            .chain('\u{0750}'..='\u{077F}')
            .collect();
        let once = loose(&all);
        assert_eq!(loose(&once), once);
        assert_eq!(loose(&strict(&all)), once);
        assert_eq!(strict(&strict(&all)), strict(&all));
    }
}
