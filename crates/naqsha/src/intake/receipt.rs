//! Receipts: the passphrase a survivor is shown once after a report, to follow up on it, add
//! information or withdraw it later without an account.
//!
//! A receipt is seven words drawn uniformly from the EFF large word list (7,776 words, see
//! `data/wordlists/README.md`), about 90.5 bits. Each word is also its five dice rolls, so the
//! same receipt has a digits form (`41523 63411 …`) for someone who would rather copy numbers
//! than English words; both forms parse to the same receipt, typed with ASCII, Urdu (۰–۹) or
//! Arabic-Indic (٠–٩) digits. Only a keyed hash of the canonical form is ever stored.
//!
//! For an Urdu reader the same seven indices also have an Urdu words form: word `i` of a
//! second list of 7,776 common Urdu words (`data/wordlists/urdu_receipt_words.txt`, in the
//! same dice order). Urdu words are compared after folding the letter variants that keyboards
//! and fonts mix up ([`fold_urdu`]), and the list is checked to stay unique after folding, so
//! `کیا`, `كيا` and `کیآ` are the same word. The hashed canonical form stays the English one:
//! receipts issued before the Urdu list keep working in every form.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use naqsha_core::redaction::normalise::normalise_char;
use naqsha_core::script::{digit_value, is_arabic_letter};
use rand::Rng;
use rand::rngs::OsRng;
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

/// Words in a receipt.
pub const RECEIPT_WORDS: usize = 7;
/// Dice rolls (digits 1–6) that stand for one word in the digits form.
pub const DICE_PER_WORD: usize = 5;
/// Words in the list: every roll of five six-sided dice.
pub const WORDLIST_LEN: usize = 6usize.pow(DICE_PER_WORD as u32);

const WORDLIST_TEXT: &str = include_str!("../../../../data/wordlists/eff_large_wordlist.txt");
const URDU_WORDLIST_TEXT: &str = include_str!("../../../../data/wordlists/urdu_receipt_words.txt");

/// The word list, in dice order, with a reverse index.
struct WordList {
    words: Vec<&'static str>,
    index: HashMap<&'static str, u16>,
    /// Hyphenated words typed without their hyphen (`tshirt`), where that is not a word itself.
    unhyphenated: HashMap<String, u16>,
}

#[expect(
    clippy::panic,
    reason = "embedded word list, checked by its unit tests"
)]
static WORDS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::parse(WORDLIST_TEXT).unwrap_or_else(|err| {
        panic!("the embedded receipt word list is invalid (checked by its unit tests): {err}")
    })
});

/// The Urdu word list, in the same dice order as the English one, with a reverse index by
/// folded form.
struct UrduWordList {
    words: Vec<&'static str>,
    index: HashMap<String, u16>,
}

#[expect(
    clippy::panic,
    reason = "embedded word list, checked by its unit tests"
)]
static URDU_WORDS: LazyLock<UrduWordList> = LazyLock::new(|| {
    UrduWordList::parse(URDU_WORDLIST_TEXT).unwrap_or_else(|err| {
        panic!("the embedded Urdu receipt word list is invalid (checked by its unit tests): {err}")
    })
});

/// Letters a folded Urdu list word has at least and at most.
const URDU_WORD_LETTERS: std::ops::RangeInclusive<usize> = 2..=7;

impl UrduWordList {
    /// Parses `dice<TAB>word` lines: every dice number once and in order, every word of 2–7
    /// Arabic-script letters, no two words the same after folding.
    fn parse(text: &'static str) -> Result<Self, String> {
        let mut words = Vec::with_capacity(WORDLIST_LEN);
        let mut index = HashMap::with_capacity(WORDLIST_LEN);
        for (n, line) in text.lines().enumerate() {
            let word = dice_line(n, line)?;
            if !word.chars().all(is_arabic_letter) {
                return Err(format!(
                    "line {}: not a word of Arabic-script letters",
                    n + 1
                ));
            }
            let folded = fold_urdu(word);
            if !URDU_WORD_LETTERS.contains(&folded.chars().count()) {
                return Err(format!("line {}: not 2 to 7 letters", n + 1));
            }
            let id = u16::try_from(n).map_err(|_| "too many lines".to_owned())?;
            if index.insert(folded, id).is_some() {
                return Err(format!("line {}: same as another word once folded", n + 1));
            }
            words.push(word);
        }
        if words.len() != WORDLIST_LEN {
            return Err(format!("{} words, expected {WORDLIST_LEN}", words.len()));
        }
        Ok(Self { words, index })
    }
}

/// The form two spellings of an Urdu receipt word share: the text normaliser's Arabic-to-Urdu
/// letters (ي → ی, ك → ک, ه → ہ, marks and invisible characters dropped), and also the letters
/// a hurried typist swaps (ھ → ہ, آ/أ/إ → ا, ئ → ی, ؤ → و, ۓ → ے, Quranic marks dropped).
pub fn fold_urdu(word: &str) -> String {
    word.chars()
        .filter_map(normalise_char)
        .filter_map(|c| match c {
            'ھ' | 'ۃ' => Some('ہ'),
            'آ' | 'أ' | 'إ' | 'ٱ' => Some('ا'),
            'ئ' => Some('ی'),
            'ؤ' => Some('و'),
            'ۓ' => Some('ے'),
            '\u{06d6}'..='\u{06ed}' => None,
            _ => Some(c),
        })
        .collect()
}

/// Characters of an Urdu word that are not letters: vowel and Quranic marks, tatweel and the
/// joiners (ZWNJ, ZWJ) that Urdu keyboards put inside words.
fn is_urdu_word_mark(c: char) -> bool {
    matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' | '\u{200c}' | '\u{200d}')
}

impl WordList {
    /// Parses `dice<TAB>word` lines, checking every dice number appears once, in order.
    fn parse(text: &'static str) -> Result<Self, String> {
        let mut words = Vec::with_capacity(WORDLIST_LEN);
        let mut index = HashMap::with_capacity(WORDLIST_LEN);
        for (n, line) in text.lines().enumerate() {
            let word = dice_line(n, line)?;
            let well_formed = !word.is_empty()
                && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !word.starts_with('-')
                && !word.ends_with('-');
            if !well_formed {
                return Err(format!("line {}: word is not lowercase ASCII", n + 1));
            }
            let id = u16::try_from(n).map_err(|_| "too many lines".to_owned())?;
            if index.insert(word, id).is_some() {
                return Err(format!("line {}: duplicate word", n + 1));
            }
            words.push(word);
        }
        if words.len() != WORDLIST_LEN {
            return Err(format!("{} words, expected {WORDLIST_LEN}", words.len()));
        }
        let mut unhyphenated = HashMap::new();
        for (&word, &id) in &index {
            if let Some((head, _)) = word.split_once('-') {
                // Typed with a space instead of the hyphen, `head` must not be a word on its
                // own, or "t shirt" could be read two ways.
                if index.contains_key(head) {
                    return Err(format!("'{word}' starts with a word of the list"));
                }
                let joined = word.replace('-', "");
                if !index.contains_key(joined.as_str()) {
                    unhyphenated.insert(joined, id);
                }
            }
        }
        Ok(Self {
            words,
            index,
            unhyphenated,
        })
    }

    fn lookup(&self, token: &str) -> Option<u16> {
        self.index
            .get(token)
            .or_else(|| self.unhyphenated.get(token))
            .copied()
    }
}

/// The word of line `n` (from 0) of a `dice<TAB>word` list, checking its dice number is the
/// `n`th in order.
fn dice_line(n: usize, line: &str) -> Result<&str, String> {
    let (dice, word) = line
        .split_once('\t')
        .ok_or_else(|| format!("line {}: no TAB", n + 1))?;
    if dice != dice_of(n) {
        return Err(format!("line {}: dice number {dice} out of order", n + 1));
    }
    Ok(word)
}

/// The five dice digits (`'1'..='6'`) of the word at `index`.
fn dice_of(index: usize) -> String {
    let mut digits = [0u8; DICE_PER_WORD];
    let mut rest = index;
    for slot in digits.iter_mut().rev() {
        // rest % 6 < 6, so the cast cannot truncate.
        *slot = b'1' + (rest % 6) as u8;
        rest /= 6;
    }
    digits.iter().map(|&d| char::from(d)).collect()
}

/// Bits of entropy of a receipt: `RECEIPT_WORDS × log2(WORDLIST_LEN)`.
pub fn entropy_bits() -> f64 {
    RECEIPT_WORDS as f64 * (WORDLIST_LEN as f64).log2()
}

/// A receipt passphrase. Debug never shows it; its memory is wiped on drop.
#[derive(PartialEq, Eq)]
pub struct Receipt {
    words: [u16; RECEIPT_WORDS],
}

impl Receipt {
    /// Draws a new receipt from the operating system's random generator.
    pub fn generate() -> Self {
        let mut words = [0u16; RECEIPT_WORDS];
        for word in &mut words {
            // WORDLIST_LEN = 7776 fits in u16; gen_range is unbiased.
            *word = OsRng.gen_range(0..WORDLIST_LEN as u16);
        }
        Self { words }
    }

    /// The words form, e.g. `correct-horse-battery-…`: the canonical form that is hashed.
    pub fn words(&self) -> String {
        let list = &WORDS.words;
        let parts: Vec<&str> = self.words.iter().map(|&i| list[usize::from(i)]).collect();
        parts.join("-")
    }

    /// The digits form: seven groups of five ASCII digits 1–6 separated by spaces.
    pub fn digits(&self) -> String {
        let parts: Vec<String> = self
            .words
            .iter()
            .map(|&i| dice_of(usize::from(i)))
            .collect();
        parts.join(" ")
    }

    /// The Urdu words form: the seven words of the Urdu list, in order (shown one per line).
    pub fn urdu_words(&self) -> Vec<&'static str> {
        let list = &URDU_WORDS.words;
        self.words.iter().map(|&i| list[usize::from(i)]).collect()
    }

    /// The seven word indices, two bytes each, to be encrypted for a view shown once.
    pub(crate) fn to_bytes(&self) -> Zeroizing<[u8; 2 * RECEIPT_WORDS]> {
        let mut out = Zeroizing::new([0u8; 2 * RECEIPT_WORDS]);
        for (i, word) in self.words.iter().enumerate() {
            out[2 * i..2 * i + 2].copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    /// The receipt of [`Receipt::to_bytes`]; `None` if an index is outside the list.
    pub(crate) fn from_bytes(bytes: &[u8; 2 * RECEIPT_WORDS]) -> Option<Self> {
        let mut words = [0u16; RECEIPT_WORDS];
        for (i, word) in words.iter_mut().enumerate() {
            *word = u16::from_be_bytes([bytes[2 * i], bytes[2 * i + 1]]);
            if usize::from(*word) >= WORDLIST_LEN {
                words.zeroize();
                return None;
            }
        }
        Some(Self { words })
    }

    /// The canonical form: the words form.
    pub fn canonical(&self) -> String {
        self.words()
    }

    /// A second copy, for work that outlives the request that showed the receipt (making
    /// her reply key after the report is stored). Like the first, it is wiped on drop;
    /// deliberately not `Clone`, so every copy is asked for by name.
    pub fn second_copy(&self) -> Self {
        Receipt { words: self.words }
    }

    /// Reads a receipt as typed, in any of its three forms: English words, Urdu words or
    /// digits. Case, spaces, hyphens, commas, full stops, new lines and invisible direction
    /// marks between words are ignored; digits may be ASCII, Urdu or Arabic-Indic; Urdu words
    /// may use any spelling that folds to the list's ([`fold_urdu`]). The error never
    /// contains the input.
    pub fn parse(input: &str) -> Result<Self, ReceiptError> {
        let mut has_digit = false;
        let mut has_letter = false;
        let mut has_urdu = false;
        for c in input.chars() {
            if digit_value(c).is_some() {
                has_digit = true;
            } else if c.is_ascii_alphabetic() {
                has_letter = true;
            } else if is_arabic_letter(c) || is_urdu_word_mark(c) {
                has_urdu = true;
            } else if !is_separator(c) {
                return Err(ReceiptError::UnexpectedCharacter);
            }
        }
        match (has_digit, has_letter, has_urdu) {
            (false, false, false) => Err(ReceiptError::Empty),
            (true, false, false) => Self::parse_digits(input),
            (false, true, false) => Self::parse_words(input),
            (false, false, true) => Self::parse_urdu_words(input),
            _ => Err(ReceiptError::Mixed),
        }
    }

    fn parse_urdu_words(input: &str) -> Result<Self, ReceiptError> {
        // Joiners belong inside a word; every other separator stands between words.
        let joined: Zeroizing<String> = Zeroizing::new(
            input
                .chars()
                .filter(|&c| !matches!(c, '\u{200c}' | '\u{200d}'))
                .collect(),
        );
        let list = &*URDU_WORDS;
        let mut found = Vec::with_capacity(RECEIPT_WORDS);
        for token in joined.split(is_separator).filter(|t| !t.is_empty()) {
            let folded = Zeroizing::new(fold_urdu(token));
            match list.index.get(folded.as_str()) {
                Some(&id) => found.push(id),
                None => {
                    let position = found.len() + 1;
                    found.zeroize();
                    return Err(ReceiptError::UnknownWord { position });
                }
            }
        }
        let words: [u16; RECEIPT_WORDS] = found
            .as_slice()
            .try_into()
            .map_err(|_| ReceiptError::WrongWordCount { found: found.len() })?;
        found.zeroize();
        Ok(Self { words })
    }

    fn parse_digits(input: &str) -> Result<Self, ReceiptError> {
        let digits: Zeroizing<Vec<u8>> =
            Zeroizing::new(input.chars().filter_map(digit_value).collect());
        if digits.len() != RECEIPT_WORDS * DICE_PER_WORD {
            return Err(ReceiptError::WrongDigitCount {
                found: digits.len(),
            });
        }
        let mut words = [0u16; RECEIPT_WORDS];
        for (word, dice) in words.iter_mut().zip(digits.chunks(DICE_PER_WORD)) {
            let mut index = 0u16;
            for &d in dice {
                if !(1..=6).contains(&d) {
                    return Err(ReceiptError::BadDigit);
                }
                index = index * 6 + u16::from(d - 1);
            }
            *word = index;
        }
        Ok(Self { words })
    }

    fn parse_words(input: &str) -> Result<Self, ReceiptError> {
        let lowered = Zeroizing::new(input.to_ascii_lowercase());
        let tokens: Vec<&str> = lowered
            .split(is_separator)
            .filter(|t| !t.is_empty())
            .collect();
        let list = &*WORDS;
        let mut found = Vec::with_capacity(RECEIPT_WORDS);
        let mut i = 0;
        while i < tokens.len() {
            if let Some(id) = list.lookup(tokens[i]) {
                found.push(id);
                i += 1;
                continue;
            }
            // A hyphenated word (`t-shirt`) split by the separator rules; unambiguous because
            // no such word starts with a word of the list (checked when the list loads).
            let joined = tokens
                .get(i + 1)
                .map(|next| Zeroizing::new(format!("{}-{next}", tokens[i])));
            match joined.and_then(|j| list.index.get(j.as_str()).copied()) {
                Some(id) => {
                    found.push(id);
                    i += 2;
                }
                None => {
                    return Err(ReceiptError::UnknownWord {
                        position: found.len() + 1,
                    });
                }
            }
        }
        let words: [u16; RECEIPT_WORDS] = found
            .as_slice()
            .try_into()
            .map_err(|_| ReceiptError::WrongWordCount { found: found.len() })?;
        found.zeroize();
        Ok(Self { words })
    }
}

impl Drop for Receipt {
    fn drop(&mut self) {
        self.words.zeroize();
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(redacted)")
    }
}

/// Characters that may stand between words or digit groups, including the invisible direction
/// marks that Urdu keyboards and copy-paste insert around Latin text.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' // hyphens and dashes
                | '\u{2212}' // minus sign
                | ',' | '\u{060C}' // Arabic comma
                | '.' | '\u{06D4}' // Urdu full stop
                | ';' | '\u{061B}' // Arabic semicolon
                | ':' | '_' | '/' | '|'
                | '\u{200B}'..='\u{200F}' // zero-width space, joiners, LRM, RLM
                | '\u{061C}' // Arabic letter mark
                | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
                | '\u{2066}'..='\u{2069}' // bidi isolates
                | '\u{FEFF}'
        )
}

/// Why typed text is not a receipt. Never carries the text itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    /// Nothing was typed.
    #[error("no receipt was entered")]
    Empty,
    /// Words and digits (or English and Urdu words) together.
    #[error("a receipt is English words, Urdu words or digits, not a mix")]
    Mixed,
    /// A character that is neither a letter, a digit nor a separator.
    #[error("the receipt contains a character that cannot be part of it")]
    UnexpectedCharacter,
    /// A word that is not in the list (1-based position).
    #[error("word {position} is not a receipt word")]
    UnknownWord {
        /// Which word, counting from 1.
        position: usize,
    },
    /// Not seven words.
    #[error("a receipt has {RECEIPT_WORDS} words, not {found}")]
    WrongWordCount {
        /// Words found.
        found: usize,
    },
    /// Not 35 digits.
    #[error("a receipt has {} digits, not {found}", RECEIPT_WORDS * DICE_PER_WORD)]
    WrongDigitCount {
        /// Digits found.
        found: usize,
    },
    /// A digit other than 1–6.
    #[error("receipt digits are 1 to 6")]
    BadDigit,
}

/// The secret key of receipt hashes: 32 random bytes, kept in the database's meta table.
/// Other keyed hashes that must match on every node (an email's Message-ID) use keys
/// derived from it with [`ReceiptKey::keyed_hash`].
pub struct ReceiptKey(Zeroizing<[u8; 32]>);

impl ReceiptKey {
    /// A new random key.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill(&mut bytes[..]);
        Self(bytes)
    }

    /// Lowercase hex of an HMAC-SHA256 over `parts` (each length-prefixed), keyed with a key
    /// derived from this one for `purpose`: a hash for one purpose never matches another's,
    /// nor a receipt hash.
    pub fn keyed_hash(&self, purpose: &str, parts: &[&[u8]]) -> String {
        let mut derive = Hmac::<Sha256>::new_from_slice(&self.0[..])
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        derive.update(b"naqsha derived key v1\0");
        derive.update(purpose.as_bytes());
        let mut sub = Zeroizing::new([0u8; 32]);
        sub.copy_from_slice(&derive.finalize().into_bytes());
        let mut mac = Hmac::<Sha256>::new_from_slice(&sub[..])
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        let tag = mac.finalize().into_bytes();
        tag.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Standard base64 of the key, for storage.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(&self.0[..])
    }

    /// Reads a key written by [`ReceiptKey::to_base64`].
    pub fn from_base64(text: &str) -> Result<Self, ReceiptKeyError> {
        let decoded = Zeroizing::new(STANDARD.decode(text.trim()).map_err(|_| ReceiptKeyError)?);
        let mut bytes = Zeroizing::new([0u8; 32]);
        if decoded.len() != bytes.len() {
            return Err(ReceiptKeyError);
        }
        bytes.copy_from_slice(&decoded);
        Ok(Self(bytes))
    }
}

impl fmt::Debug for ReceiptKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReceiptKey(redacted)")
    }
}

/// A stored receipt key is not 32 bytes of base64.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the receipt key is not 32 bytes of base64")]
pub struct ReceiptKeyError;

/// The value stored for a receipt: lowercase hex of HMAC-SHA256 over its canonical form.
pub fn receipt_hash(key: &ReceiptKey, receipt: &Receipt) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(&key.0[..])
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(Zeroizing::new(receipt.canonical()).as_bytes());
    let tag = mac.finalize().into_bytes();
    tag.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn to_urdu_digits(ascii: &str) -> String {
        ascii
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).unwrap(),
                None => c,
            })
            .collect()
    }

    #[test]
    fn word_list_is_the_full_eff_large_list() {
        let list = WordList::parse(WORDLIST_TEXT).unwrap();
        assert_eq!(list.words.len(), 7776);
        let unique: HashSet<&str> = list.words.iter().copied().collect();
        assert_eq!(unique.len(), 7776);
        assert_eq!(list.words[0], "abacus");
        assert_eq!(list.words[7775], "zoom");
        assert!(
            list.words
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
    }

    #[test]
    fn word_list_parser_rejects_a_damaged_list() {
        let dropped_line: &'static str = WORDLIST_TEXT.split_once('\n').unwrap().1;
        assert!(WordList::parse(dropped_line).is_err());
        let duplicated: &'static str = Box::leak(
            WORDLIST_TEXT
                .replacen("\tabdomen\n", "\tabacus\n", 1)
                .into_boxed_str(),
        );
        assert!(WordList::parse(duplicated).is_err());
        let upper: &'static str = Box::leak(
            WORDLIST_TEXT
                .replacen("\tzoom", "\tZoom", 1)
                .into_boxed_str(),
        );
        assert!(WordList::parse(upper).is_err());
    }

    #[test]
    fn a_receipt_has_at_least_90_bits() {
        assert_eq!(WORDS.words.len(), WORDLIST_LEN);
        let bits = entropy_bits();
        assert!(bits >= 90.0, "receipt entropy {bits} bits");
        assert!((bits - 90.47).abs() < 0.01, "receipt entropy {bits} bits");
    }

    #[test]
    fn generated_receipts_differ_and_have_seven_words() {
        let a = Receipt::generate();
        let b = Receipt::generate();
        assert_ne!(a, b);
        assert_eq!(a.words().split('-').count(), 7 + hyphens_inside_words(&a));
        assert_eq!(a.digits().split(' ').count(), 7);
    }

    fn hyphens_inside_words(r: &Receipt) -> usize {
        r.words
            .iter()
            .filter(|&&i| WORDS.words[usize::from(i)].contains('-'))
            .count()
    }

    #[test]
    fn digits_form_is_the_dice_numbers() {
        let r = Receipt::parse("abacus zoom abdomen yo-yo t-shirt zoology ability").unwrap();
        assert_eq!(
            r.digits(),
            "11111 66666 11112 ".to_owned()
                + &dice_line("yo-yo")
                + " "
                + &dice_line("t-shirt")
                + " 66665 11116"
        );
        assert!(
            r.digits()
                .chars()
                .all(|c| c == ' ' || ('1'..='6').contains(&c))
        );
    }

    fn dice_line(word: &str) -> String {
        WORDLIST_TEXT
            .lines()
            .find_map(|l| l.strip_suffix(word).and_then(|d| d.strip_suffix('\t')))
            .unwrap()
            .to_owned()
    }

    #[test]
    fn both_forms_parse_to_the_same_receipt_and_hash() {
        let key = ReceiptKey::generate();
        for _ in 0..50 {
            let r = Receipt::generate();
            let from_words = Receipt::parse(&r.words()).unwrap();
            let from_digits = Receipt::parse(&r.digits()).unwrap();
            assert_eq!(from_words, r);
            assert_eq!(from_digits, r);
            assert_eq!(receipt_hash(&key, &from_words), receipt_hash(&key, &r));
            assert_eq!(receipt_hash(&key, &from_digits), receipt_hash(&key, &r));
        }
    }

    #[test]
    fn parsing_tolerates_how_people_copy_words() {
        let canonical = Receipt::parse("abacus-zoom-abdomen-yo-yo-t-shirt-zoology-ability")
            .unwrap()
            .words();
        assert_eq!(
            canonical,
            "abacus-zoom-abdomen-yo-yo-t-shirt-zoology-ability"
        );
        for typed in [
            "  ABACUS Zoom abdomen yo yo t shirt zoology ability ",
            "abacus, zoom, abdomen, yo-yo, tshirt, zoology, ability",
            "abacus\nzoom\nabdomen\nyo–yo\nt-shirt\nzoology\nability\n",
            "\u{200F}abacus zoom\u{200E} abdomen۔ yo-yo، t-shirt zoology ability",
        ] {
            assert_eq!(
                Receipt::parse(typed).unwrap().words(),
                canonical,
                "{typed:?}"
            );
        }
    }

    #[test]
    fn urdu_and_arabic_indic_digits_parse() {
        let r = Receipt::generate();
        let urdu = to_urdu_digits(&r.digits());
        assert!(urdu.chars().all(|c| !c.is_ascii_digit()));
        assert_eq!(Receipt::parse(&urdu).unwrap(), r);
        let arabic: String = r
            .digits()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0660 + d).unwrap(),
                None => '-',
            })
            .collect();
        assert_eq!(Receipt::parse(&arabic).unwrap(), r);
        let squeezed: String = r.digits().split(' ').collect();
        assert_eq!(Receipt::parse(&squeezed).unwrap(), r);
    }

    #[test]
    fn typos_fail() {
        let r = Receipt::parse("abacus zoom abdomen ability zoology ablaze able").unwrap();
        let key = ReceiptKey::generate();
        assert!(receipt_hash(&key, &r).len() == 64);
        assert_eq!(
            Receipt::parse("abacus zoom abdomen abilty zoology ablaze able"),
            Err(ReceiptError::UnknownWord { position: 4 })
        );
        assert_eq!(
            Receipt::parse("abacus zoom abdomen ability zoology ablaze"),
            Err(ReceiptError::WrongWordCount { found: 6 })
        );
        let digits = r.digits();
        assert_eq!(
            Receipt::parse(&digits.replacen('1', "7", 1)),
            Err(ReceiptError::BadDigit)
        );
        assert_eq!(
            Receipt::parse(&digits[1..]),
            Err(ReceiptError::WrongDigitCount { found: 34 })
        );
        assert_eq!(Receipt::parse("abacus 11111"), Err(ReceiptError::Mixed));
        assert_eq!(Receipt::parse(" - \n"), Err(ReceiptError::Empty));
        assert_eq!(
            Receipt::parse("abacus zoom abdomen ability zoology ablaze ablé"),
            Err(ReceiptError::UnexpectedCharacter)
        );
        // A swapped pair of words is another receipt, with another hash.
        let swapped = Receipt::parse("zoom abacus abdomen ability zoology ablaze able").unwrap();
        assert_ne!(receipt_hash(&key, &swapped), receipt_hash(&key, &r));
    }

    #[test]
    fn urdu_list_is_7776_distinct_words_after_folding() {
        let list = UrduWordList::parse(URDU_WORDLIST_TEXT).unwrap();
        assert_eq!(list.words.len(), WORDLIST_LEN);
        assert_eq!(list.index.len(), WORDLIST_LEN);
        for word in &list.words {
            let letters = fold_urdu(word).chars().count();
            assert!((2..=7).contains(&letters), "{word}");
            assert!(
                word.chars()
                    .all(|c| is_arabic_letter(c) && digit_value(c).is_none()),
                "{word}"
            );
        }
        // Both forms carry the same 7 × log2(7776) ≈ 90.5 bits.
        let urdu_bits = RECEIPT_WORDS as f64 * (list.index.len() as f64).log2();
        assert!(urdu_bits >= 90.0, "{urdu_bits}");
    }

    #[test]
    fn urdu_list_parser_rejects_a_damaged_list() {
        let first = URDU_WORDLIST_TEXT.lines().next().unwrap();
        let second = URDU_WORDLIST_TEXT.lines().nth(1).unwrap();
        let (_, w1) = first.split_once('\t').unwrap();
        let (d2, _) = second.split_once('\t').unwrap();
        // the second word replaced by a variant spelling of the first one
        let variant = w1.replace('ی', "ي").replace('ک', "ك") + "\u{064e}";
        let collided: &'static str = Box::leak(
            URDU_WORDLIST_TEXT
                .replacen(second, &format!("{d2}\t{variant}"), 1)
                .into_boxed_str(),
        );
        assert!(UrduWordList::parse(collided).is_err());
        let latin: &'static str = Box::leak(
            URDU_WORDLIST_TEXT
                .replacen(second, &format!("{d2}\tabc"), 1)
                .into_boxed_str(),
        );
        assert!(UrduWordList::parse(latin).is_err());
        let dropped: &'static str = URDU_WORDLIST_TEXT.split_once('\n').unwrap().1;
        assert!(UrduWordList::parse(dropped).is_err());
    }

    #[test]
    fn every_form_parses_to_the_same_receipt_and_hash() {
        let key = ReceiptKey::generate();
        for _ in 0..200 {
            let r = Receipt::generate();
            let urdu = r.urdu_words();
            assert_eq!(urdu.len(), RECEIPT_WORDS);
            for typed in [
                urdu.join(" "),
                urdu.join("\n"),
                urdu.join("، "),
                format!("\u{200f}{}\u{200f}", urdu.join(" \u{200f}")),
                to_urdu_digits(&r.digits()),
                r.words(),
            ] {
                let parsed = Receipt::parse(&typed).unwrap();
                assert_eq!(parsed, r);
                assert_eq!(receipt_hash(&key, &parsed), receipt_hash(&key, &r));
            }
        }
    }

    #[test]
    fn every_urdu_word_parses_from_its_variant_spellings() {
        for (i, word) in URDU_WORDS.words.iter().enumerate() {
            let arabic_letters: String = word
                .chars()
                .map(|c| match c {
                    'ی' => 'ي',
                    'ک' => 'ك',
                    'ہ' | 'ھ' => 'ه',
                    'آ' => 'ا',
                    _ => c,
                })
                .collect();
            // a zero-width non-joiner and a vowel mark inside, as some keyboards type
            let mut marked = String::new();
            for (n, c) in word.chars().enumerate() {
                marked.push(c);
                if n == 0 {
                    marked.push_str("\u{200c}\u{0650}");
                }
            }
            for typed in [arabic_letters, marked] {
                let id = URDU_WORDS.index.get(fold_urdu(&typed).as_str()).copied();
                assert_eq!(id, Some(i as u16), "{word} typed as {typed:?}");
            }
        }
        let r = Receipt::generate();
        let kaf_yeh: Vec<String> = r
            .urdu_words()
            .iter()
            .map(|w| w.replace('ی', "ي").replace('ک', "ك").replace('ھ', "ه"))
            .collect();
        assert_eq!(Receipt::parse(&kaf_yeh.join(" ")).unwrap(), r);
    }

    #[test]
    fn urdu_typos_and_mixtures_fail() {
        let r = Receipt::generate();
        let urdu = r.urdu_words();
        assert_eq!(
            Receipt::parse(&urdu[..6].join(" ")),
            Err(ReceiptError::WrongWordCount { found: 6 })
        );
        let mut wrong: Vec<String> = urdu.iter().map(|w| (*w).to_owned()).collect();
        wrong[2] = "ژژژژ".to_owned();
        assert_eq!(
            Receipt::parse(&wrong.join(" ")),
            Err(ReceiptError::UnknownWord { position: 3 })
        );
        assert_eq!(
            Receipt::parse(&format!("{} abacus", urdu.join(" "))),
            Err(ReceiptError::Mixed)
        );
        assert_eq!(
            Receipt::parse(&format!("{} ۱۲۳", urdu.join(" "))),
            Err(ReceiptError::Mixed)
        );
    }

    #[test]
    fn receipts_issued_before_the_urdu_list_still_parse_and_hash_the_same() {
        // A receipt as the old code printed it: the hashed form is unchanged.
        let old = "abacus-zoom-abdomen-yo-yo-t-shirt-zoology-ability";
        let r = Receipt::parse(old).unwrap();
        assert_eq!(r.canonical(), old);
        let key = ReceiptKey::generate();
        let mut mac = Hmac::<Sha256>::new_from_slice(&key.0[..]).unwrap();
        mac.update(old.as_bytes());
        let expected: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(receipt_hash(&key, &r), expected);
        let from_urdu = Receipt::parse(&r.urdu_words().join(" ")).unwrap();
        assert_eq!(receipt_hash(&key, &from_urdu), expected);
        // the first and last Urdu words stand for the first and last dice numbers
        assert_eq!(
            URDU_WORDS.words[0],
            URDU_WORDLIST_TEXT
                .lines()
                .next()
                .unwrap()
                .split_once('\t')
                .unwrap()
                .1
        );
    }

    #[test]
    fn hash_depends_on_the_key_and_key_round_trips() {
        let r = Receipt::generate();
        let key = ReceiptKey::generate();
        let again = ReceiptKey::from_base64(&key.to_base64()).unwrap();
        assert_eq!(receipt_hash(&key, &r), receipt_hash(&again, &r));
        assert_ne!(
            receipt_hash(&key, &r),
            receipt_hash(&ReceiptKey::generate(), &r)
        );
        let hash = receipt_hash(&key, &r);
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert!(!hash.contains(&r.words()) && !hash.contains(&r.digits()));
        assert!(ReceiptKey::from_base64("c2hvcnQ=").is_err());
        assert!(ReceiptKey::from_base64("not base64!").is_err());
    }

    #[test]
    fn keyed_hashes_are_separated_by_purpose_key_and_part_boundaries() {
        let key = ReceiptKey::generate();
        let again = ReceiptKey::from_base64(&key.to_base64()).unwrap();
        let h = key.keyed_hash("email", &[b"a@example.org", b"id-1"]);
        assert_eq!(h, again.keyed_hash("email", &[b"a@example.org", b"id-1"]));
        assert_eq!(h.len(), 64);
        assert_ne!(h, key.keyed_hash("sms", &[b"a@example.org", b"id-1"]));
        assert_ne!(h, key.keyed_hash("email", &[b"a@example.or", b"gid-1"]));
        assert_ne!(
            h,
            ReceiptKey::generate().keyed_hash("email", &[b"a@example.org", b"id-1"])
        );
        assert!(!h.contains("id-1") && !h.contains("example"));
    }

    #[test]
    fn debug_never_shows_the_receipt_or_key() {
        let r = Receipt::generate();
        // Exact strings: a derived Debug would print the word numbers, which are the receipt.
        assert_eq!(format!("{r:?}"), "Receipt(redacted)");
        assert_eq!(
            format!("{:?}", ReceiptKey::generate()),
            "ReceiptKey(redacted)"
        );
        let err = Receipt::parse("abacus zoom secretword").unwrap_err();
        assert!(!err.to_string().contains("secretword"));
    }
}
