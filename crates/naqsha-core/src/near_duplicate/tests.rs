//! Near-duplicate detection on the kinds of texts moderators see: Urdu typed on different
//! keyboards, a news story quoting a survivor, Roman Urdu and English.

use super::*;

const REPORT_UR: &str = "میرا نام عائشہ ہے اور میں لاہور میں رہتی ہوں۔ پچھلے مہینے ایک شخص نے \
    فیس بک پر میری تصویریں بغیر اجازت کے شائع کر دیں اور مجھے دھمکی دی کہ اگر میں نے اس سے بات \
    نہ کی تو وہ یہ تصویریں میرے گھر والوں کو بھیج دے گا۔ میں نے پولیس کو شکایت کی مگر کوئی \
    کارروائی نہیں ہوئی۔ اب وہ مجھے روزانہ نئے نمبروں سے فون کرتا ہے اور پیغامات بھیجتا ہے۔";

/// A news item quoting most of the report, with a dateline and a sentence of its own.
const NEWS_UR: &str = "لاہور (نمائندہ خصوصی): ایک خاتون نے بتایا کہ پچھلے مہینے ایک شخص نے فیس بک \
    پر میری تصویریں بغیر اجازت کے شائع کر دیں اور مجھے دھمکی دی کہ اگر میں نے اس سے بات نہ کی تو \
    وہ یہ تصویریں میرے گھر والوں کو بھیج دے گا۔ میں نے پولیس کو شکایت کی مگر کوئی کارروائی نہیں \
    ہوئی۔ اب وہ مجھے روزانہ نئے نمبروں سے فون کرتا ہے۔ ڈیجیٹل رائٹس فاؤنڈیشن کی ہیلپ لائن کے \
    مطابق اس سال ایسے واقعات میں اضافہ ہوا ہے۔";

const OTHER_UR: &str = "کراچی کی ایک طالبہ کا کہنا ہے کہ اس کے نام سے انسٹاگرام پر جعلی اکاؤنٹ \
    بنایا گیا جس سے اس کی سہیلیوں کو نازیبا پیغامات بھیجے گئے۔ یونیورسٹی انتظامیہ نے معاملہ \
    سائبر کرائم ونگ کے حوالے کر دیا ہے لیکن تین ہفتے گزرنے کے باوجود اکاؤنٹ بند نہیں ہوا۔";

const OTHER_EN: &str = "A journalist in Peshawar says her email account was hacked after she \
    published a story about land disputes, and private photographs were sent to her editor \
    with a demand that she stop reporting.";

const OTHER_ROMAN: &str = "Mera ex mujhe WhatsApp par blackmail kar raha hai ke agar maine \
    paise nahi diye to woh hamari purani chats sab relatives ko forward kar dega, please \
    madad karein.";

/// The report as typed on an Arabic keyboard, with vowel marks, tatweel, zero-width
/// non-joiners and Latin punctuation.
fn keyboard_variant(text: &str) -> String {
    text.replace('ی', "ي")
        .replace('ک', "ك")
        .replace('ہ', "ه")
        .replace("میرا", "مِیرا")
        .replace("نام", "نـــام")
        .replace("تصویریں", "تصو\u{200c}یریں")
        .replace('۔', ". ")
        .replace(" اور ", "، اور ")
}

#[test]
fn urdu_letter_variants_fold_to_the_urdu_letters() {
    assert_eq!(normalise("علي كريم فاطمه"), "علی کریم فاطمہ");
    assert_eq!(normalise("آباد أحمد إمام ۂ"), "اباد احمد امام ہ");
    assert_eq!(normalise("مِیرا نـــام"), "میرا نام");
    assert_eq!(normalise("تصو\u{200c}یر\u{200d}یں"), "تصویریں");
}

#[test]
fn digits_case_and_punctuation_are_folded() {
    assert_eq!(normalise("فون: ۰۳۰۰-١٢٣٤٥٦٧!"), "فون 0300 1234567");
    assert_eq!(
        normalise("  Ayesha   KHAN, Café — Lahore?? "),
        "ayesha khan cafe lahore"
    );
    assert_eq!(normalise("ﻻهور"), "لاہور");
    assert_eq!(normalise("...!!"), "");
}

#[test]
fn the_same_urdu_report_typed_differently_is_a_duplicate() {
    let variant = keyboard_variant(REPORT_UR);
    assert_ne!(variant, REPORT_UR);
    let s = Signature::of(REPORT_UR).similarity(&Signature::of(&variant));
    assert!(s >= 0.9, "similarity {s}");
    assert!(jaccard_exact(REPORT_UR, &variant) >= 0.9);
}

#[test]
fn a_news_story_quoting_a_report_is_closer_than_unrelated_reports() {
    let report = Signature::of(REPORT_UR);
    let news = report.similarity(&Signature::of(NEWS_UR));
    let exact = jaccard_exact(REPORT_UR, NEWS_UR);
    assert!(news >= 0.5, "news {news} (exact {exact})");
    assert!(
        (news - exact).abs() < 0.15,
        "estimate {news} vs exact {exact}"
    );
    for other in [OTHER_UR, OTHER_EN, OTHER_ROMAN] {
        let s = report.similarity(&Signature::of(other));
        assert!(s <= 0.2, "{s} for {other}");
        assert!(Signature::of(NEWS_UR).similarity(&Signature::of(other)) <= 0.2);
    }
}

#[test]
fn unrelated_texts_are_not_similar() {
    let texts = [REPORT_UR, OTHER_UR, OTHER_EN, OTHER_ROMAN];
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            let s = Signature::of(a).similarity(&Signature::of(b));
            assert!(s <= 0.2, "{s}: {a} / {b}");
            assert!(jaccard_exact(a, b) <= 0.2);
        }
    }
}

#[test]
fn short_texts_are_compared_by_characters() {
    let a = Signature::of("Ayesha Khan, Lahore");
    let b = Signature::of("ayesha khan lahore!");
    let c = Signature::of("Bilal Ahmed, Quetta");
    assert_eq!(a.similarity(&b), 1.0);
    assert!(a.similarity(&c) <= 0.2);
    assert!(jaccard_exact("Ayesha Khan Lahore", "Ayesha Khan Lahor") > 0.7);
}

#[test]
fn signatures_are_fixed_across_processes() {
    // a stored signature must keep matching after a restart or an upgrade: the values
    // come from fixed seeds and our own hash, never from std's randomised hasher
    let s = Signature::of("mera naam ayesha hai");
    assert_eq!(
        &s.values()[..4],
        &[156_940_544, 524_527_943, 14_242_512, 171_478_633]
    );
    assert_eq!(Signature::from_values(*s.values()), s);
}

/// A reproducible stream of numbers (xorshift), so the test corpus is the same each run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn random_text(rng: &mut Rng, vocabulary: &[String], words: usize) -> Vec<String> {
    (0..words)
        .map(|_| vocabulary[rng.below(vocabulary.len())].clone())
        .collect()
}

#[test]
fn the_index_finds_the_rewritten_text_among_a_thousand() {
    let syllables = [
        "ka", "ri", "mo", "zan", "shi", "pa", "lu", "dar", "ne", "bo", "ta", "gul", "ha", "si",
        "wa", "rek",
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let vocabulary: Vec<String> = (0..400)
        .map(|_| {
            (0..2 + rng.below(2))
                .map(|_| syllables[rng.below(syllables.len())])
                .collect()
        })
        .collect();
    let corpus: Vec<Vec<String>> = (0..1000)
        .map(|_| random_text(&mut rng, &vocabulary, 60))
        .collect();
    let mut index = NearDuplicateIndex::new();
    for (key, words) in corpus.iter().enumerate() {
        index.insert(key, &Signature::of(&words.join(" ")));
    }
    assert_eq!(index.len(), 1000);

    for key in (0..1000).step_by(50) {
        // the same story retold: two words changed, a sentence added, punctuation
        let mut words = corpus[key].clone();
        words[10] = "badla".into();
        words[40] = "gaya".into();
        words.extend(random_text(&mut rng, &vocabulary, 8));
        let query = Signature::of(&format!("{}.", words.join(", ")));
        assert!(
            index.candidates(&query).contains(&key),
            "{key} not a candidate"
        );
        let found = index.similar(&query, 0.5);
        assert_eq!(found.len(), 1, "{key}: {found:?}");
        assert_eq!(found[0].0, key);
        assert!(found[0].1 >= 0.6, "{key}: {found:?}");
    }

    let fresh = Signature::of(&random_text(&mut rng, &vocabulary, 60).join(" "));
    assert!(index.similar(&fresh, 0.3).is_empty());
}

#[test]
fn similar_ranks_by_similarity_and_reports_a_key_once() {
    let mut index = NearDuplicateIndex::new();
    index.insert("news", &Signature::of(NEWS_UR));
    index.insert("report", &Signature::of(REPORT_UR));
    index.insert("report", &Signature::of(REPORT_UR));
    index.insert("other", &Signature::of(OTHER_UR));
    let found = index.similar(&Signature::of(&keyboard_variant(REPORT_UR)), 0.4);
    let keys: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["report", "news"]);
    assert_eq!(found[0].1, 1.0);
    assert!(found[1].1 < 1.0);
    assert!(
        !index
            .candidates(&Signature::of(OTHER_EN))
            .contains(&"report")
    );
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "میرا",
            "نام",
            "عائشہ",
            "ہے",
            "ي",
            "ك",
            "\u{200c}",
            "۔",
            "mera",
            "naam",
            "Ayesha",
            "0300",
            "۰۳۰۰",
            ",",
            " ",
            "hai",
            "ﻻ",
            "É",
            "\u{0640}",
        ]);
        prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn a_text_is_identical_to_itself_and_similarity_is_symmetric(
            a in text(), b in text()
        ) {
            let (sa, sb) = (Signature::of(&a), Signature::of(&b));
            prop_assert_eq!(sa.similarity(&sa), 1.0);
            prop_assert_eq!(sa.similarity(&sb), sb.similarity(&sa));
            prop_assert_eq!(jaccard_exact(&a, &b), jaccard_exact(&b, &a));
        }

        #[test]
        fn normalising_twice_changes_nothing(a in any::<String>()) {
            let once = normalise(&a);
            prop_assert_eq!(normalise(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
            prop_assert!(!once.contains("  "));
        }
    }
}

/// A report in Sindhi, and the same report typed on an Urdu keyboard by someone who does not
/// have the Sindhi letters (ڪ → ک, ڊ → ڈ, ڀ → بھ, ڻ → ن, ٻ → ب, ي → ی).
const REPORT_SD: &str = "منهنجو نالو سارا آهي ۽ مان حيدرآباد ۾ رهان ٿي. گذريل مهيني هڪ ماڻهو \
    منهنجون تصويرون فيسبڪ تي منهنجي اجازت کان سواءِ وجهي ڇڏيون ۽ مون کي ڌمڪي ڏني ته جيڪڏهن مون \
    ساڻس ڳالهه نه ڪئي ته هو اهي تصويرون منهنجي ڀاءُ ۽ گهر وارن کي موڪليندو. مون پوليس کي شڪايت \
    ڪئي پر ڪا به ڪارروائي نه ٿي.";

fn typed_without_sindhi_letters(text: &str) -> String {
    text.replace('ڪ', "ک")
        .replace('ي', "ی")
        .replace('ڀ', "بھ")
        .replace('ڻ', "ن")
        .replace('ٻ', "ب")
        .replace('ڳ', "گ")
        .replace('ڌ', "دھ")
        .replace('ڇ', "چھ")
}

#[test]
fn a_sindhi_report_typed_without_sindhi_letters_is_a_duplicate() {
    let variant = typed_without_sindhi_letters(REPORT_SD);
    assert_ne!(variant, REPORT_SD);
    assert_eq!(normalise(&variant), normalise(REPORT_SD));
    let s = Signature::of(REPORT_SD).similarity(&Signature::of(&variant));
    assert!(s >= 0.9, "similarity {s}");
    // and is not a duplicate of an unrelated Urdu report
    assert!(Signature::of(REPORT_SD).similarity(&Signature::of(OTHER_UR)) < 0.2);
}

#[test]
fn pashto_and_sindhi_keyboard_letters_fold_to_the_urdu_ones() {
    assert_eq!(normalise("ډاکټر ګل"), normalise("ڈاکٹر گل"));
    assert_eq!(normalise("ڊاڪٽر"), "ڈاکٹر");
    assert_eq!(normalise("زما شمېره ٠٣٣٣ ده"), "زما شمیرہ 0333 دہ");
}
