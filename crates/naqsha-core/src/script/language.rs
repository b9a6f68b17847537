//! Which language of the Arabic script a text is in, from what only that language writes:
//! Sindhi's implosives, aspirates and swash kaf, Pashto's ringed and dotted letters, Punjabi's
//! retroflex n and l, and a few everyday words of each that Urdu never writes (Sindhi آهي
//! "is", Pashto زما "my", Punjabi نوں "to"), since Punjabi in Shahmukhi is mostly typed with
//! Urdu's letters alone.
//!
//! A text is counted by its words: a word is evidence for a language when it holds one of
//! that language's letters or is one of its words. A language is decided only with two such
//! words at least, one in twelve of the text's words at least, and more than any other
//! language has; otherwise an Arabic-script text stays Urdu. So a Sindhi place name in an
//! Urdu story, or one Pashto-keyboard letter in an Urdu SMS, changes nothing.

use super::{fold_letter, is_arabic_letter};

/// The languages guessed, in the order of [`Evidence`]'s counts.
const CODES: [&str; 3] = ["sd", "ps", "pa"];

/// Evidence words needed at least, and the share of all words they must reach (one in …).
const MIN_WORDS: usize = 2;
const ONE_IN: usize = 12;

/// Everyday words, folded by [`fold_letter`], that only Sindhi writes ("is", "are", "my", "in",
/// "and" …) and that Urdu does not write as a whole word.
const SINDHI_WORDS: &[&str] = &[
    "آہی",
    "آہن",
    "آہیان",
    "آہیون",
    "منہنجو",
    "منہنجی",
    "منہنجا",
    "پنہنجو",
    "پنہنجی",
    "توہان",
    "ہئی",
    "ہیو",
    "۾",
    "۽",
];

/// Everyday Pashto words ("I", "my", "is", "your", "we", "this", "that" …), folded by
/// [`fold_letter`]. Not پہ ("in"): colloquial Urdu writes it for پر.
const PASHTO_WORDS: &[&str] = &["زہ", "زما", "دہ", "ستا", "مونږ", "دغہ", "ہغہ", "شوی", "شوې"];

/// Everyday Punjabi and Saraiki words ("of", "to", "in", "from", "and", "with", "our", "you"
/// …), folded by [`fold_letter`]. Not دی, دے, سی, اے, ناں: Urdu writes them too.
const PUNJABI_WORDS: &[&str] = &[
    "دا",
    "دیاں",
    "نوں",
    "وچ",
    "توں",
    "تے",
    "نال",
    "ہن",
    "آں",
    "کیتا",
    "کیتی",
    "دتیاں",
    "کردا",
    "دیندا",
    "رہندا",
    "رہندی",
    "مینوں",
    "تینوں",
    "میکوں",
    "ہک",
    "ساڈا",
    "ساڈی",
    "ساڈے",
    "تہاڈا",
    "تہاڈی",
    "تہاڈے",
    "تسی",
    "تسیں",
    "ایہہ",
    "اوہنے",
    "سانوں",
    // "are", "not", "happened", "stayed", the pronouns' Punjabi forms, "where", "then",
    // "sister", "said", "told", "see", and verbs in Punjabi's -دا/-دی participle, none of
    // which Urdu writes (none is in the IL-NER Urdu corpus's 200,000 words, folded). Not
    // کردی, کردے, لئی, پئی, اوہ: Urdu writes them ("کردی" for "کر دی", "oh").
    "نیں",
    "نئیں",
    "ہویا",
    "رہیا",
    "رہیاں",
    "گئیاں",
    "ساہنوں",
    "اسیں",
    "کیہ",
    "کیہڑا",
    "کیہڑی",
    "جیہڑا",
    "جیہڑی",
    "ایتھے",
    "اوتھے",
    "کتھے",
    "فیر",
    "بھین",
    "آکھیا",
    "آکھدا",
    "آکھدی",
    "دسیا",
    "ویکھو",
    "ویکھیا",
    "دیوے",
    "لگدا",
    "لگدی",
    "چاہیدا",
    "چاہیدی",
    "چاہیدے",
    "جاندا",
    "جاندی",
    "جاندے",
    "لیندا",
    "لیندی",
    "دیندی",
    "رہندے",
    "ڈردی",
    "ڈردا",
    "اوہنوں",
    "ایہنوں",
    "اوہناں",
    "ایہناں",
    "اوہدا",
    "اوہدی",
    "اوہدے",
    "ایہدا",
    "ایہدی",
    "ایہدے",
];

/// Evidence words for Sindhi, Pashto and Punjabi, in the order of [`CODES`].
type Evidence = [usize; 3];

/// The language of `text` as a code: "sd", "ps" or "pa" when the text shows enough of that
/// language (see the module documentation), "ur" for any other text with Arabic-script
/// letters, and `None` for a text without any (English, Roman Urdu, digits).
pub fn guess_language(text: &str) -> Option<&'static str> {
    let mut evidence: Evidence = [0; 3];
    // Of those, the words written with a letter only that language has: they decide between
    // two languages with as many evidence words (Sindhi هن "this" is Punjabi ہن "are", but
    // only Sindhi writes ڪ).
    let mut own: Evidence = [0; 3];
    let mut words = 0usize;
    let mut word = String::new();
    let mut says = [false; 3];
    for c in text.chars().chain([' ']) {
        if is_arabic_letter(c) {
            word.push(fold_letter(c));
            for (s, letter) in says.iter_mut().zip(letter_says(c)) {
                *s |= letter;
            }
            continue;
        }
        if word.is_empty() {
            continue;
        }
        words += 1;
        let listed = [SINDHI_WORDS, PASHTO_WORDS, PUNJABI_WORDS].map(|l| l.contains(&&*word));
        let only = says.iter().filter(|&&s| s).count() == 1;
        for (((count, own), letter), listed) in
            evidence.iter_mut().zip(&mut own).zip(says).zip(listed)
        {
            *count += usize::from(letter || listed);
            *own += usize::from(letter && only);
        }
        word.clear();
        says = [false; 3];
    }
    if words == 0 {
        return None;
    }
    let weight = |i: usize| (evidence[i], own[i]);
    let best = (0..CODES.len()).max_by_key(|&i| weight(i)).unwrap_or(0);
    let count = evidence[best];
    let ahead = (0..CODES.len()).all(|i| i == best || weight(i) < weight(best));
    if count >= MIN_WORDS && count * ONE_IN >= words && ahead {
        CODES.get(best).copied()
    } else {
        Some("ur")
    }
}

/// Whether letter `c`, as typed, is evidence for Sindhi, Pashto, Punjabi.
fn letter_says(c: char) -> [bool; 3] {
    match c {
        // Sindhi's own letters, its swash kaf and retroflex n
        'ڀ' | 'ٺ' | 'ٽ' | 'ٿ' | 'ڃ' | 'ڇ' | 'ڊ' | 'ڌ' | 'ڍ' | 'ڎ' | 'ڏ' | 'ڙ' | 'ڦ' | 'ڪ' | 'ڱ'
        | 'ڻ' => [true, false, false],
        // implosives Sindhi shares with Saraiki (counted as Punjabi)
        'ٻ' | 'ڄ' | 'ڳ' => [true, false, true],
        // Pashto's ringed and dotted letters, its e and yeh with tail
        'ټ' | 'ځ' | 'څ' | 'ډ' | 'ړ' | 'ږ' | 'ښ' | 'ګ' | 'ڼ' | 'ې' | 'ۍ' => {
            [false, true, false]
        }
        // Punjabi's retroflex n and l, Saraiki's implosive d
        'ݨ' | 'ݪ' | 'ݙ' => [false, false, true],
        _ => [false; 3],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sindhi_reports_and_messages_are_sindhi() {
        for text in [
            "منهنجو نمبر ۰۳۰۰-۱۲۳۴۵۶۷ آهي",
            "مون کي هڪ ماڻهو فون تي ڌمڪيون ڏئي رهيو آهي",
            "منهنجون تصويرون فيسبڪ تي وائرل ڪرڻ جي ڌمڪي ڏني وئي آهي. مهرباني ڪري مدد ڪريو",
            "مان ڪراچي ۾ رهندي آهيان",
            // typed on an Urdu keyboard: ک, ہ, ی, but Sindhi's own letters and words
            "میں ٻار آہیان ۽ مونکی ڌمکیون ملن ٿیون",
        ] {
            assert_eq!(guess_language(text), Some("sd"), "{text}");
        }
    }

    #[test]
    fn pashto_reports_and_messages_are_pashto() {
        for text in [
            "زما شمېره ٠٣٣٣١٢٣٤٥٦٧ ده",
            "یو سړی ما ته په ټیلیفون ګواښونه کوي",
            "زه په پېښور کې اوسېږم او مرستې ته اړتیا لرم",
            "زما عکسونه یې خپاره کړل",
            // Pashto on an Urdu keyboard: گ for ګ, but ړ ښ ې and its words stay
            "زما خور ته یو سړی پیغامونه لیږی او وایی چې عکسونه به خپاره کړم",
        ] {
            assert_eq!(guess_language(text), Some("ps"), "{text}");
        }
    }

    #[test]
    fn punjabi_and_saraiki_messages_are_punjabi() {
        for text in [
            "اک بندہ مینوں فون تے دھمکیاں دیندا اے",
            "ساڈی دھی دیاں تصویراں اوہنے فیس بک تے پا دتیاں",
            "میں لاہور وچ رہندی آں تے مینوں مدد چاہیدی اے",
            // Saraiki: implosive d and retroflex n
            "میکوں ہک بندہ ݙراوݨ دی کوشش کریندا پیا ہے",
        ] {
            assert_eq!(guess_language(text), Some("pa"), "{text}");
        }
    }

    #[test]
    fn a_single_stray_letter_or_word_does_not_decide() {
        for text in [
            // one Sindhi word: "please help"
            "مدد ڪريو",
            // an Urdu story naming Karachi the Sindhi way
            "میں ڪراچي میں رہتی ہوں اور میرا کزن مجھے تنگ کرتا ہے",
            // an Urdu SMS with one Pashto-keyboard gaf
            "مجھے بلیک میل کیا جا رہا ہے مدد کریں ګھر والوں کو نہ بتائیں",
            // colloquial Urdu's پہ, and Urdu's دی and سی
            "اس نے مجھ پہ الزام لگایا اور دھمکی دی، وہ پاگل سی ہو گئی",
        ] {
            assert_eq!(guess_language(text), Some("ur"), "{text}");
        }
    }

    #[test]
    fn a_few_foreign_words_in_a_long_urdu_text_leave_it_urdu() {
        let text = "پشاور کی ایک طالبہ نے بتایا کہ اس کے نام سے جعلی اکاؤنٹ بنایا گیا اور اس کی سہیلیوں \
            کو نازیبا پیغامات بھیجے گئے۔ اس نے پښتو میں لکھے ہوئے پیغامات کے اسکرین شاٹ بھی دکھائے جن میں \
            زما اور ده جیسے الفاظ تھے، مگر انتظامیہ نے معاملہ سائبر کرائم ونگ کے حوالے کر دیا ہے۔";
        assert_eq!(guess_language(text), Some("ur"));
    }

    #[test]
    fn urdu_texts_stay_urdu() {
        let corpora = [
            include_str!("../../../../data/redaction/pii-free/advocacy-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/guidance-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/news-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/survivors-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/voices-ur.txt"),
        ];
        // each paragraph, and each sentence alone as short as an SMS
        let mut texts = 0;
        for paragraph in corpora.iter().flat_map(|c| c.lines()) {
            for text in std::iter::once(paragraph).chain(paragraph.split(['۔', '؟', '،'])) {
                if text.trim().is_empty() {
                    continue;
                }
                texts += 1;
                assert_eq!(guess_language(text), Some("ur"), "{text}");
            }
        }
        assert!(texts > 250, "{texts} texts");
        // typed on an Arabic keyboard
        assert_eq!(
            guess_language("ميرا نام فاطمه هے اور مجهے مدد چاهيے"),
            Some("ur")
        );
    }

    #[test]
    fn text_without_arabic_letters_has_no_guess() {
        for text in [
            "",
            "Mera naam Sana hai",
            "call 0300-1234567",
            "۰۳۰۰ ١٢٣٤٥٦٧",
        ] {
            assert_eq!(guess_language(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_letter_only_one_language_has_decides_a_tie() {
        // هن is Sindhi "this" and, folded, Punjabi ہن "are"; ڳ is Sindhi's and Saraiki's.
        // Two words for each, but only Sindhi writes ڪ and ڍ.
        let text = "ڪا اطلاع ناهي: هن سرور تي ايس ايم ايس ڳنڍيل ناهي.";
        assert_eq!(guess_language(text), Some("sd"));
    }

    #[test]
    fn punjabi_in_urdu_letters_is_told_by_its_everyday_words() {
        for text in [
            "ایس رسید نال کوئی رپورٹ نئیں لبھی، فیر کوشش کرو",
            "اوہ آکھدا اے پئی ویڈیو وائرل کر دیوے گا",
            "مینوں ڈر لگدا اے، گھر والیاں نوں پتہ نہ لگے",
        ] {
            assert_eq!(guess_language(text), Some("pa"), "{text}");
        }
        // Urdu writes کردی for "کر دی", and اوہ for "oh".
        for text in [
            "اس نے میری تصویر وائرل کردی ہے اور اب دھمکیاں دے رہا ہے",
            "اوہ خدایا، اس نے میرا اکاؤنٹ ہیک کر لیا",
        ] {
            assert_eq!(guess_language(text), Some("ur"), "{text}");
        }
    }
}
