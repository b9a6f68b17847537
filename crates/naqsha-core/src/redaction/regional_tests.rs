//! The engine on Sindhi, Pashto and Punjabi (Shahmukhi) text: words of these languages are
//! words, and numbers are found in every digit script they are typed in.
//!
//! Three sets of sentences: the development set, written while the engine was taught these
//! languages, must be found whole; the held-out set, written afterwards in other sentence
//! shapes (the number first, in brackets, split differently, other cue words, landlines, no
//! cue at all), measured how well that generalises. Its three missed names (a Sindhi name
//! after the participle رهندڙ, a Pashto name after "نوم یې", a Punjabi name after "اوہدا
//! ناں") were then known and worked on, so since the second round of work on names it is
//! development material too, and must be found whole. The second held-out set
//! ([`HELD_OUT_2`]) was written before that round, in shapes and cue words neither other
//! set has, and was not tuned on: it is measured and reported separately
//! (benches/README.md, "Sindhi, Pashto and Punjabi").

use super::tokens::{Class, tokenize};
use super::*;

/// A sentence, its language, and the personal data it holds.
type Labelled = (&'static str, &'static str, &'static [(&'static str, Kind)]);

const DEVELOPMENT: &[Labelled] = &[
    // Sindhi
    (
        "sd",
        "منهنجو نمبر ۰۳۰۰-۱۲۳۴۵۶۷ آهي",
        &[("۰۳۰۰-۱۲۳۴۵۶۷", Kind::Phone)],
    ),
    (
        "sd",
        "هن ماڻهوءَ مون کي ٠٣٢١٧٦٥٤٣٢١ تان فون ڪيو",
        &[("٠٣٢١٧٦٥٤٣٢١", Kind::Phone)],
    ),
    (
        "sd",
        "منهنجو شناختي ڪارڊ نمبر ۴۱۳۰۳-۱۲۳۴۵۶۷-۸ آهي",
        &[("۴۱۳۰۳-۱۲۳۴۵۶۷-۸", Kind::Cnic)],
    ),
    (
        "sd",
        "هن مون کي ayesha.k@example.com تي اي ميل موڪلي",
        &[("ayesha.k@example.com", Kind::Email)],
    ),
    (
        "sd",
        "منهنجو نمبر 0300-۱۲۳۴۵۶۷ آهي",
        &[("0300-۱۲۳۴۵۶۷", Kind::Phone)],
    ),
    // Pashto
    (
        "ps",
        "زما شمېره ٠٣٣٣١٢٣٤٥٦٧ ده",
        &[("٠٣٣٣١٢٣٤٥٦٧", Kind::Phone)],
    ),
    (
        "ps",
        "زما د شناختي کارډ شمېره ۱۷۳۰۱-۱۲۳۴۵۶۷-۹ ده",
        &[("۱۷۳۰۱-۱۲۳۴۵۶۷-۹", Kind::Cnic)],
    ),
    (
        "ps",
        "هغه ما ته له +۹۲ ۳۴۵ ۱۲۳۴۵۶۷ څخه ټیلیفون کوي",
        &[("+۹۲ ۳۴۵ ۱۲۳۴۵۶۷", Kind::Phone)],
    ),
    (
        "ps",
        "زما شمېره ٠٣٣٣-1234567 ده",
        &[("٠٣٣٣-1234567", Kind::Phone)],
    ),
    // Punjabi
    (
        "pa",
        "میرا نمبر ۰۳۰۰۱۲۳۴۵۶۷ اے، مینوں فون کرو",
        &[("۰۳۰۰۱۲۳۴۵۶۷", Kind::Phone)],
    ),
    (
        "pa",
        "اوہنے میرا شناختی کارڈ ۳۵۲۰۲-۱۲۳۴۵۶۷-۱ لے لیا",
        &[("۳۵۲۰۲-۱۲۳۴۵۶۷-۱", Kind::Cnic)],
    ),
    (
        "pa",
        "ساڈا نمبر ٠٣٠٠ 1234567 اے",
        &[("٠٣٠٠ 1234567", Kind::Phone)],
    ),
    // a seven-digit number needs a cue word of the language; a name its "my name is",
    // "my sister", and the language's function words to end it
    (
        "sd",
        "منهنجي آفيس جو فون ۲۷۸۰۱۲۳ آهي",
        &[("۲۷۸۰۱۲۳", Kind::Phone)],
    ),
    (
        "ps",
        "زما د ټیلیفون شمېره ۲۷۸۰۱۲۳ ده",
        &[("۲۷۸۰۱۲۳", Kind::Phone)],
    ),
    (
        "sd",
        "منهنجو نالو فاطمه آهي ۽ مان ڪراچي ۾ رهان ٿي",
        &[("فاطمه", Kind::Name)],
    ),
    (
        "sd",
        "منهنجي ڀيڻ سارا کي علي خان ڌمڪيون ڏئي ٿو",
        &[("سارا", Kind::Name), ("علي خان", Kind::Name)],
    ),
    (
        "ps",
        "زما نوم ګلالۍ دی او زه په پېښور کې اوسېږم",
        &[("ګلالۍ", Kind::Name)],
    ),
    (
        "ps",
        "زما خور ملالۍ ته احمد خان ګواښونه کوي",
        &[("ملالۍ", Kind::Name), ("احمد خان", Kind::Name)],
    ),
    (
        "pa",
        "میرا ناں عائشہ اے تے میں لاہور وچ رہندی آں",
        &[("عائشہ", Kind::Name)],
    ),
    (
        "pa",
        "عمران نے مینوں فون تے دھمکیاں دتیاں",
        &[("عمران", Kind::Name)],
    ),
    // second round, from the first held-out set's misses: a participle or agent noun before
    // a name is no part of it, a Pashto enclitic pronoun may stand between "name" and the
    // name, and a possessive pronoun and "name" are no part of the name either
    (
        "sd",
        "اسان کي ڌمڪيون ڏيندڙ اشفاق چانڊيو پوليس وٽ نه ويو",
        &[("اشفاق چانڊيو", Kind::Name)],
    ),
    (
        "ps",
        "زموږ په کلي کې اوسېدونکی ګل رحمان ما ته پیغامونه لیږي",
        &[("ګل رحمان", Kind::Name)],
    ),
    (
        "ps",
        "نوم مې پلوشه دی او په مردان کې اوسېږم",
        &[("پلوشه", Kind::Name)],
    ),
    (
        "pa",
        "ایہدا ناں ناصر محمود اے تے ایہہ ساڈا گوانڈی اے",
        &[("ناصر محمود", Kind::Name)],
    ),
];

const HELD_OUT: &[Labelled] = &[
    // Sindhi
    (
        "sd",
        "۰۳۴۵-۶۷۸۹۰۱۲ تان مون کي روز رات جو ميسيج اچن ٿا",
        &[("۰۳۴۵-۶۷۸۹۰۱۲", Kind::Phone)],
    ),
    (
        "sd",
        "اسان جي گهر جو فون (۰۲۲) ۲۷۸۰۱۲۳ آهي",
        &[("(۰۲۲) ۲۷۸۰۱۲۳", Kind::Phone)],
    ),
    (
        "sd",
        "ڪارڊ: ٤٢١٠١١٢٣٤٥٦٧٣، هن اهو فيسبڪ تي وجهي ڇڏيو",
        &[("٤٢١٠١١٢٣٤٥٦٧٣", Kind::Cnic)],
    ),
    (
        "sd",
        "هو واٽس ايپ ۰۳۱۲ ۳۴۵۶۷۸۹ تان ڌمڪيون ڏئي ٿو",
        &[("۰۳۱۲ ۳۴۵۶۷۸۹", Kind::Phone)],
    ),
    (
        "sd",
        "پئسا PK36SCBL0000001123456702 ۾ گهريا ويا ۽ منهنجي ڀيڻ کي ۰۳۳۳۱۲۳۴۵۶۷ تان ڪال آئي",
        &[
            ("PK36SCBL0000001123456702", Kind::Iban),
            ("۰۳۳۳۱۲۳۴۵۶۷", Kind::Phone),
        ],
    ),
    // Pashto
    (
        "ps",
        "۰۳۰۰ ۹۸۷ ۶۵ ۴۳ زما د ورور شمېره ده",
        &[("۰۳۰۰ ۹۸۷ ۶۵ ۴۳", Kind::Phone)],
    ),
    (
        "ps",
        "هغه په واټساپ (٠٣٤٥٦٧٨٩٠١٢) ګواښونه رالیږي",
        &[("٠٣٤٥٦٧٨٩٠١٢", Kind::Phone)],
    ),
    (
        "ps",
        "تذکره: ۱۵۶۰۲۱۲۳۴۵۶۷۱ او موبایل: 0312-٣٤٥٦٧٨٩",
        &[("۱۵۶۰۲۱۲۳۴۵۶۷۱", Kind::Cnic), ("0312-٣٤٥٦٧٨٩", Kind::Phone)],
    ),
    (
        "ps",
        "زما انځورونه یې په facebook.com/gul.khan.fake خپاره کړل",
        &[("facebook.com/gul.khan.fake", Kind::Url)],
    ),
    (
        "ps",
        "ما ته یې له gulalai.p@example.org څخه برېښنالیک راولېږه",
        &[("gulalai.p@example.org", Kind::Email)],
    ),
    // Punjabi and Saraiki
    (
        "pa",
        "۰۳۲۱-۷۶۵۴۳۲۱ والا بندہ مینوں تنگ کردا اے",
        &[("۰۳۲۱-۷۶۵۴۳۲۱", Kind::Phone)],
    ),
    (
        "pa",
        "ساڈے گھر دا فون ۰۴۲-۳۵۷۶۱۲۳۴ اے",
        &[("۰۴۲-۳۵۷۶۱۲۳۴", Kind::Phone)],
    ),
    (
        "pa",
        "میکوں ہک بندہ ݙراوݨ کیتے ٠٣٠١٢٣٤٥٦٧٨ توں فون کریندا اے",
        &[("٠٣٠١٢٣٤٥٦٧٨", Kind::Phone)],
    ),
    (
        "pa",
        "اوہدا شناختی کارڈ ۳۶۳۰۲ ۱۲۳۴۵۶۷ ۵ میرے کول اے",
        &[("۳۶۳۰۲ ۱۲۳۴۵۶۷ ۵", Kind::Cnic)],
    ),
    // names and seven-digit numbers, in shapes the development set does not have
    (
        "sd",
        "ڪالهه منهنجي ڀاءُ احمد کي هڪ اڻڄاتل نمبر تان ڪال آئي",
        &[("احمد", Kind::Name)],
    ),
    (
        "sd",
        "اسان جي پاڙي ۾ رهندڙ عمران سومرو منهنجون تصويرون وائرل ڪيون",
        &[("عمران سومرو", Kind::Name)],
    ),
    (
        "sd",
        "منهنجو موبائيل ۳۴۵۶۷۸۹ آهي",
        &[("۳۴۵۶۷۸۹", Kind::Phone)],
    ),
    (
        "ps",
        "زما ورور بلال ته یې هم پیغامونه لیږلي",
        &[("بلال", Kind::Name)],
    ),
    (
        "ps",
        "زموږ د کلي یو سړی چې نوم یې شاه ولي دی ما ځوروي",
        &[("شاه ولي", Kind::Name)],
    ),
    ("ps", "اړیکه: ۹۱۲۳۴۵۶ (دفتر)", &[("۹۱۲۳۴۵۶", Kind::Phone)]),
    (
        "pa",
        "میری بھین نازیہ نوں اوہ روز فون کردا اے",
        &[("نازیہ", Kind::Name)],
    ),
    (
        "pa",
        "اوہدا ناں شاہد اقبال اے تے اوہ ساڈے محلے وچ رہندا اے",
        &[("شاہد اقبال", Kind::Name)],
    ),
    (
        "pa",
        "ساڈے ابا جی دا نمبر ۳۴۵۶۷۸۹ اے",
        &[("۳۴۵۶۷۸۹", Kind::Phone)],
    ),
];

/// The second held-out set, written before the engine's second round of work on these
/// languages' names (after the first held-out set's misses were known, so that set became
/// development material): names as the subject of a verb, after relation words the other sets
/// lack (husband, cousin, niece, sister-in-law, friend, teacher), followed by a father's name
/// (ولد, "son of"), a woman's and a man's name in one sentence, and names of Sindhi, Baloch,
/// Pashtun, Punjabi, Muslim, Hindu, Sikh and Christian origin. Not tuned on: measured before
/// and after, and reported separately.
const HELD_OUT_2: &[Labelled] = &[
    // Sindhi
    (
        "sd",
        "رضيه ۽ سندس مڙس جاويد مون کي گاريون ڏنيون",
        &[("رضيه", Kind::Name), ("جاويد", Kind::Name)],
    ),
    (
        "sd",
        "منهنجي ماسات پريا ڪماري کي ڪنهن جعلي اڪائونٽ تان ميسيج ڪيا",
        &[("پريا ڪماري", Kind::Name)],
    ),
    (
        "sd",
        "شهزاد ٻروهي ولد محمد بخش ٻروهي مون کي ۰۳۰۱-۲۲۳۳۴۴۵ تان تنگ ڪري ٿو",
        &[
            ("شهزاد ٻروهي", Kind::Name),
            ("محمد بخش ٻروهي", Kind::Name),
            ("۰۳۰۱-۲۲۳۳۴۴۵", Kind::Phone),
        ],
    ),
    (
        "sd",
        "ڪالهه ساجد لغاري منهنجي گهر ٻاهران بيٺو هو",
        &[("ساجد لغاري", Kind::Name)],
    ),
    (
        "sd",
        "منهنجي مڙس جو دوست جان مسيح منهنجون تصويرون گهري ٿو",
        &[("جان مسيح", Kind::Name)],
    ),
    (
        "sd",
        "هوءَ چوي ٿي ته نسيم بلوچ جو نمبر ٠٣٤٢٨٨٧٦٥٤٣ آهي",
        &[("نسيم بلوچ", Kind::Name), ("٠٣٤٢٨٨٧٦٥٤٣", Kind::Phone)],
    ),
    (
        "sd",
        "مون کي ڌمڪيون ڏيڻ وارو ماڻهو ارشد ڀٽو آهي",
        &[("ارشد ڀٽو", Kind::Name)],
    ),
    (
        "sd",
        "منهنجي ڀاڻيجي سسئي کي اسڪول ۾ ڪاشف تنگ ڪيو",
        &[("سسئي", Kind::Name), ("ڪاشف", Kind::Name)],
    ),
    (
        "sd",
        "لکمي چند ۽ ان جي زال ڪملا مون کان پئسا گهرن ٿا",
        &[("لکمي چند", Kind::Name), ("ڪملا", Kind::Name)],
    ),
    // Pashto
    (
        "ps",
        "زرمینه او د هغې ورور اسفندیار ما ته ګواښونه کوي",
        &[("زرمینه", Kind::Name), ("اسفندیار", Kind::Name)],
    ),
    (
        "ps",
        "زما د تره زوی نعمت الله زما عکسونه په انټرنېټ خپاره کړل",
        &[("نعمت الله", Kind::Name)],
    ),
    (
        "ps",
        "ګل محمد د شیر علي زوی له ۰۳۱۵-۹۸۷۶۵۴۳ نه ما ته زنګ وهي",
        &[
            ("ګل محمد", Kind::Name),
            ("شیر علي", Kind::Name),
            ("۰۳۱۵-۹۸۷۶۵۴۳", Kind::Phone),
        ],
    ),
    (
        "ps",
        "پرون شپه ګلاب خټک زما کور ته راغی",
        &[("ګلاب خټک", Kind::Name)],
    ),
    (
        "ps",
        "د هغې مېړه وحید الله هره ورځ هغه وهي",
        &[("وحید الله", Kind::Name)],
    ),
    (
        "ps",
        "زما ملګرې مریم مسیح ته هم دا پیغامونه راغلي",
        &[("مریم مسیح", Kind::Name)],
    ),
    (
        "ps",
        "که تاسو اړیکه غواړئ نو د نصیر آفریدي شمېره ٠٣٤٦١٢٣٤٥٦٧ ده",
        &[("نصیر آفریدي", Kind::Name), ("٠٣٤٦١٢٣٤٥٦٧", Kind::Phone)],
    ),
    (
        "ps",
        "جمال الدین بګټي دا ګواښونه لیږلي دي",
        &[("جمال الدین بګټي", Kind::Name)],
    ),
    (
        "ps",
        "بي بي حلیمه وویل چې 0333-۵۵۵۱۲۳۴ د عارف شمېره ده",
        &[
            ("حلیمه", Kind::Name),
            ("عارف", Kind::Name),
            ("0333-۵۵۵۱۲۳۴", Kind::Phone),
        ],
    ),
    // Punjabi
    (
        "pa",
        "رخسانہ تے اوہدا بھرا طارق مینوں گالاں کڈھدے نیں",
        &[("رخسانہ", Kind::Name), ("طارق", Kind::Name)],
    ),
    (
        "pa",
        "میرے چاچے دا پتر ندیم گجر میریاں تصویراں ویچدا اے",
        &[("ندیم گجر", Kind::Name)],
    ),
    (
        "pa",
        "اصغر علی ولد غلام رسول نے ۰۳۰۶-۴۴۵۵۶۶۷ توں کال کیتی",
        &[
            ("اصغر علی", Kind::Name),
            ("غلام رسول", Kind::Name),
            ("۰۳۰۶-۴۴۵۵۶۶۷", Kind::Phone),
        ],
    ),
    (
        "pa",
        "کل رات پرویز بٹ ساڈے بوہے تے آیا سی",
        &[("پرویز بٹ", Kind::Name)],
    ),
    (
        "pa",
        "میری نݨان شبنم مینوں ڈراندی رہندی اے",
        &[("شبنم", Kind::Name)],
    ),
    (
        "pa",
        "ساڈے محلے دا پادری یوسف مسیح وی ایہہ گل جاݨدا اے",
        &[("یوسف مسیح", Kind::Name)],
    ),
    (
        "pa",
        "گرمیت سنگھ تے اوہدی گھر والی ہرپریت کور نے سانوں دھمکایا",
        &[("گرمیت سنگھ", Kind::Name), ("ہرپریت کور", Kind::Name)],
    ),
    (
        "pa",
        "ایہہ سارے میسج جمیل مزاری نے ۰۳۴۴ ۱۲۳ ۴۵۶۷ توں بھیجے",
        &[("جمیل مزاری", Kind::Name), ("۰۳۴۴ ۱۲۳ ۴۵۶۷", Kind::Phone)],
    ),
    (
        "pa",
        "میری ووہٹی دی سہیلی صائمہ نوں وی اوہنے تنگ کیتا",
        &[("صائمہ", Kind::Name)],
    ),
];

/// How many of a set's items were found, of how many, for names and for the rest
/// (numbers, addresses of mail and web), and what was missed.
#[derive(Debug, Default)]
struct Recall {
    names: (usize, usize),
    others: (usize, usize),
    missed: Vec<String>,
}

/// The items of `set` found as the kind they are. A span counts when it holds the item and
/// at most two characters more (a bracket, a sign): a name span running over the rest of the
/// sentence, as one did before the engine knew these languages' function words, hides the
/// story from the moderator and counts as a miss.
fn recall(set: &[Labelled]) -> Recall {
    let mut r = Recall::default();
    for (lang, text, wanted) in set {
        let chars: Vec<char> = text.chars().collect();
        let spans: Vec<(String, Kind)> = detect(text)
            .into_iter()
            .map(|s| (chars[s.start..s.end].iter().collect(), s.kind))
            .collect();
        for (item, kind) in *wanted {
            let tight =
                |t: &String| t.contains(item) && t.chars().count() <= item.chars().count() + 2;
            let found = spans.iter().any(|(t, k)| tight(t) && k == kind);
            let count = if *kind == Kind::Name {
                &mut r.names
            } else {
                &mut r.others
            };
            count.0 += usize::from(found);
            count.1 += 1;
            if !found {
                r.missed
                    .push(format!("{lang}: {item} ({kind}) in {text}: {spans:?}"));
            }
        }
    }
    r
}

#[test]
fn everything_in_the_development_set_is_found() {
    let r = recall(DEVELOPMENT);
    println!(
        "development set: names {:?}, numbers and addresses {:?}",
        r.names, r.others
    );
    assert!(r.missed.is_empty(), "{:#?}", r.missed);
}

#[test]
fn held_out_sentences_are_found_as_well() {
    let r = recall(HELD_OUT);
    println!(
        "held-out set (development material since the second round): names {:?}, numbers \
         and addresses {:?}, missed {:#?}",
        r.names, r.others, r.missed
    );
    // its misses were worked on, so like the development set it must be found whole
    assert!(r.missed.is_empty(), "{:#?}", r.missed);
}

#[test]
fn second_held_out_set() {
    let r = recall(HELD_OUT_2);
    println!(
        "second held-out set: names {:?}, numbers {:?}, missed {:#?}",
        r.names, r.others, r.missed
    );
    // the figures are in benches/README.md; these floors keep them from sliding back unseen
    assert_eq!(r.others.0, r.others.1, "{:#?}", r.missed);
    assert!(r.names.0 >= 18, "{:#?}", r.missed);
}

#[test]
fn sindhi_pashto_and_punjabi_words_are_whole_words() {
    // every letter these languages add to Urdu's, inside words and at their ends, and
    // Sindhi's ۽ ("and") and ۾ ("in"), which are words of their own
    let text = "ڀاءُ ٺٽو ٿر ڄاڻ ڃ ڇوڪري ڊاڪٽر ڌمڪي ڍڳي ڎ ڏينهن ڙ ڦل ڪم ڳالهه ڱ ماڻهو ٻار ۽ ۾ \
                ټولنه ځای څه ډېر ړوند ږغ ښځه ګټه ټڼ سړۍ پاݨی ݪوک ݙاڈھا";
    let normalised = normalise::Normalised::new(text);
    let n = normalised.text();
    let mut toks = Vec::new();
    tokenize(n, lexicon::Lexicon::get(), &mut toks);
    let words: Vec<&str> = n.split(' ').collect();
    assert_eq!(
        toks.len(),
        words.len(),
        "{:?}",
        toks.iter().map(|t| t.text(n)).collect::<Vec<_>>()
    );
    for (t, w) in toks.iter().zip(&words) {
        assert_eq!((t.text(n), t.class), (*w, Class::Urdu));
    }
}

#[test]
fn amounts_and_dates_in_these_languages_are_no_phone_numbers() {
    for text in [
        // "he asked for 50,000 rupees"; "on 12 March 2024"
        "هن مون کان ۵۰۰۰۰ رپيا گهريا",
        "هغه له ما نه ٥٠٠٠٠ روپۍ وغوښتې",
        "۱۲ مارچ ۲۰۲۴ نوں ایہہ ہویا",
    ] {
        let phones: Vec<Span> = detect(text)
            .into_iter()
            .filter(|s| s.kind == Kind::Phone)
            .collect();
        assert!(phones.is_empty(), "{text}: {phones:?}");
    }
}
