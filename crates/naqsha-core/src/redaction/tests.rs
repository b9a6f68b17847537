//! Behaviour of the whole engine on sentences a moderator would see.

use super::*;

fn kinds(text: &str) -> Vec<(String, Kind)> {
    let chars: Vec<char> = text.chars().collect();
    detect(text)
        .into_iter()
        .map(|s| (chars[s.start..s.end].iter().collect(), s.kind))
        .collect()
}

/// Asserts that nothing in `text` is taken for a name.
fn no_names(text: &str) {
    let names: Vec<_> = kinds(text)
        .into_iter()
        .filter(|(_, k)| *k == Kind::Name)
        .collect();
    assert!(names.is_empty(), "{text}: {names:?}");
}

fn has(text: &str, want: &str, kind: Kind) {
    let found = kinds(text);
    assert!(
        found.iter().any(|(t, k)| t.contains(want) && *k == kind),
        "{want:?} as {kind} not found in {text:?}: {found:?}"
    );
}

#[test]
fn pakistani_phone_numbers_in_every_writing() {
    for n in [
        "0300-1234567",
        "0300 1234567",
        "+92 300 1234567",
        "923001234567",
        "+92-300-1234567",
        "03001234567",
        "۰۳۰۰۱۲۳۴۵۶۷",
        "042-35761234",
        "+44 20 7946 0958",
    ] {
        has(&format!("call me at {n} tonight"), n, Kind::Phone);
    }
}

#[test]
fn a_short_number_labelled_after_it_is_a_phone() {
    // a seven-digit local number needs a label; written after it on a contact line
    has(
        "781 1704 office\n(579)888-3058 fax",
        "781 1704",
        Kind::Phone,
    );
    has(
        "082 490 1693-Office, fax below",
        "082 490 1693",
        Kind::Phone,
    );
    has("345 6789 (mobile)", "345 6789", Kind::Phone);
    // an extension written apart belongs to the number
    has(
        "call 579-888-3058 ext. 12 after five",
        "579-888-3058 ext. 12",
        Kind::Phone,
    );
    has(
        "office (042) 3576 1234 x 45 ok",
        "(042) 3576 1234 x 45",
        Kind::Phone,
    );
    // without a label, a bare seven-digit number is not taken
    assert!(
        kinds("the fund paid 781 1704 rupees")
            .iter()
            .all(|(_, k)| *k != Kind::Phone)
    );
}

#[test]
fn numbers_that_look_like_dates_are_checked_for_day_and_month() {
    has(
        "They're not answering at 71-33-52-22",
        "71-33-52-22",
        Kind::Phone,
    );
    has("call me on 01.84.17.61.18?", "01.84.17.61.18", Kind::Phone);
    assert!(kinds("When: 2000-04-16 11:34:35 at the club").is_empty());
    has(
        "on 12/03/2024 0300 1234567 called",
        "0300 1234567",
        Kind::Phone,
    );
    // found by the fuzzer: a long group where a date's day would be overflowed the check
    check_never_panics("1..1/1/1..1222222222222/1/1");
    // found by the fuzzer: chained handles are one handle, not one per round
    check_never_panics("@aa@bb@cc@dd@ee@ff@gg@hh@WW55Wl");
    // found by the fuzzer: a pseudonym glued to the next word
    let pseudo = RedactOptions {
        style: PlaceholderStyle::Pseudonym,
        ..RedactOptions::default()
    };
    let text =
        "I=\0\0\0\0\u{1}\0\0,\u{c}Co&Co\r.vE\0\0\0\0\u{1}\0\0,\u{c}Co&Coa\u{c}Wg&nCa\u{c}Wg&nHgenb";
    let once = redact(text, &pseudo);
    assert_eq!(redact(&once.text, &pseudo).text, once.text);
}

fn check_never_panics(text: &str) {
    let n = text.chars().count();
    for s in detect(text) {
        assert!(s.start < s.end && s.end <= n);
    }
    let once = redact(text, &RedactOptions::default());
    assert_eq!(
        redact(&once.text, &RedactOptions::default()).text,
        once.text
    );
}

#[test]
fn cnic_with_and_without_dashes() {
    has("CNIC 35202-1234567-1 hai", "35202-1234567-1", Kind::Cnic);
    has("id card 3520212345671 is lost", "3520212345671", Kind::Cnic);
    has(
        "شناختی کارڈ ۳۵۲۰۲-۱۲۳۴۵۶۷-۱ ہے",
        "۳۵۲۰۲-۱۲۳۴۵۶۷-۱",
        Kind::Cnic,
    );
}

#[test]
fn iban_does_not_run_into_the_next_words() {
    // "UD1467329 and now asks" happens to pass mod-97 when read as one code
    let found = kinds("my passport number UD1467329 and now asks for money");
    assert!(found.iter().all(|(_, k)| *k != Kind::Iban), "{found:?}");
    has(
        "PK36 SCBL 0000 0011 2345 6702 mein",
        "PK36 SCBL 0000 0011 2345 6702",
        Kind::Iban,
    );
}

#[test]
fn iban_followed_by_a_roman_urdu_word() {
    has(
        "PK36SCBL0000001123456702 mein paise bhejo",
        "PK36SCBL0000001123456702",
        Kind::Iban,
    );
    let spans = detect("PK36SCBL0000001123456702 mein");
    assert_eq!(spans[0].end, 24, "the IBAN ends before 'mein'");
    // a wrong check digit is not an IBAN
    assert!(
        detect("PK36SCBL0000001123456703 mein")
            .iter()
            .all(|s| s.kind != Kind::Iban)
    );
}

#[test]
fn email_url_and_handles() {
    has(
        "write to ayesha.k@example.com.pk now",
        "ayesha.k@example.com.pk",
        Kind::Email,
    );
    has(
        "see facebook.com/ayesha.khan.fake please",
        "facebook.com/ayesha.khan.fake",
        Kind::Url,
    );
    has(
        "link https://example.org/a?b=c, then",
        "https://example.org/a?b=c",
        Kind::Url,
    );
    has("his insta is @bad_guy_99 yaar", "@bad_guy_99", Kind::Handle);
}

#[test]
fn usernames_without_their_at_sign() {
    // an inner '_' is enough; digits after letters or dots need a platform word nearby
    has(
        "he made a page called dil_jalay_77",
        "dil_jalay_77",
        Kind::Handle,
    );
    has("uski tiktok id kami786 hai", "kami786", Kind::Handle);
    has(
        "gulnaz.official is her snap",
        "gulnaz.official",
        Kind::Handle,
    );
    has(
        "انسٹاگرام پر nida.writes نام سے اکاؤنٹ",
        "nida.writes",
        Kind::Handle,
    );
    // without a platform word, or as parts of addresses and links, they are something else
    for text in [
        "we met in room b12 at covid19 time",
        "the Pakistan Penal Code section 509 applies",
        "mail me at rani_k92@example.org",
        "see instagram.com/rani_k92 now",
        // a template's placeholder
        "the corner of {street_name} and {street_name}",
    ] {
        let spans = detect(text);
        let handles: Vec<_> = spans
            .iter()
            .filter(|s| s.kind == Kind::Handle)
            .map(|s| &text[s.start..s.end])
            .collect();
        assert!(handles.is_empty(), "{text}: {handles:?}");
    }
}

#[test]
fn names_with_cues_in_three_writings() {
    has("My name is Zarmeen and I need help", "Zarmeen", Kind::Name);
    has("mera naam zarmeen hai", "zarmeen", Kind::Name);
    has("Ayesha Khan sent me a message", "Ayesha Khan", Kind::Name);
    has("Imran sahib ne mujhe dhamki di", "Imran", Kind::Name);
    has("میرا نام فاطمہ ہے", "فاطمہ", Kind::Name);
    has("کل عمران صاحب نے فون کیا", "عمران", Kind::Name);
    has("میرے کزن علی نے دھمکی دی", "علی", Kind::Name);
}

#[test]
fn common_words_that_are_names_need_context() {
    assert!(kinds("I have hope and faith in the courts.").is_empty());
    assert!(kinds("Sabr karo, sab theek ho jayega.").is_empty());
    has("Noor Fatima reported it", "Noor Fatima", Kind::Name);
    has("my friend Noor called", "Noor", Kind::Name);
}

#[test]
fn roman_urdu_words_are_no_names_but_a_name_that_is_a_word_is_after_a_cue() {
    for text in [
        "Halanke qanoon mojood hai, hum awaz uthao muhim mein shamil hain.",
        "Yeh saboot thane ke qareeb rakhi jayegi aur har roz check hogi.",
        "meri behen ne mujhe bataya ke woh ghar par thi",
        "They came to the mosques and reported the threats.",
    ] {
        no_names(text);
    }
    // "noor" (light) and "khushi" (joy) need a cue; "rakhi" (kept) is a listed name
    has("meri behen noor ne mujhe bataya", "noor", Kind::Name);
    has("meri dost khushi ne mujhe bataya", "khushi", Kind::Name);
    has("meri behen rakhi ne mujhe bataya", "rakhi", Kind::Name);
    has("mera naam rakhi hai", "rakhi", Kind::Name);
    has(
        "mera naam sabr hai aur mujhe dhamki mili",
        "sabr",
        Kind::Name,
    );
    has("meri behen Rakhi ko usne dhamki di", "Rakhi", Kind::Name);
}

#[test]
fn places_are_not_names() {
    assert!(kinds("We moved from Lahore to Karachi last year.").is_empty());
}

#[test]
fn pakistani_addresses() {
    has(
        "She lives at House No. 12, Street 5, Sector G-9/2, Islamabad and works nearby.",
        "House No. 12, Street 5, Sector G-9/2, Islamabad",
        Kind::Address,
    );
    has(
        "Mohalla Islampura, Gali No. 4 mein ghar hai",
        "Mohalla Islampura, Gali No. 4",
        Kind::Address,
    );
    has(
        "وہ مکان نمبر ۱۲، گلی نمبر ۵ میں رہتا ہے",
        "مکان نمبر ۱۲، گلی نمبر ۵",
        Kind::Address,
    );
}

#[test]
fn dates_only_next_to_birth_words() {
    has(
        "I was born on 12/03/1995 in Multan",
        "12/03/1995",
        Kind::Dob,
    );
    has("تاریخ پیدائش ۱۲ مارچ ۱۹۹۵ ہے", "۱۲ مارچ ۱۹۹۵", Kind::Dob);
    assert!(kinds("It happened on 12/03/2024 at night.").is_empty());
}

#[test]
fn passport_plate_org_card() {
    has(
        "passport number AB1234567 was taken",
        "AB1234567",
        Kind::Passport,
    );
    has("a white car LEA-1234 followed me", "LEA-1234", Kind::Plate);
    has(
        "I study at Karachi Grammar School since 2019",
        "Karachi Grammar School",
        Kind::Org,
    );
    has(
        "card 4111 1111 1111 1111 was used",
        "4111 1111 1111 1111",
        Kind::Card,
    );
}

#[test]
fn urdu_placeholders_in_urdu_text() {
    let out = redact("میرا نام فاطمہ ہے", &RedactOptions::default());
    assert_eq!(out.text, "میرا نام [نام] ہے");
}

#[test]
fn mixed_text_takes_the_placeholder_of_each_span_script() {
    let out = redact(
        "Mera naam Ayesha hai. میرا نام فاطمہ ہے اور فون ۰۳۰۰۱۲۳۴۵۶۷",
        &RedactOptions::default(),
    );
    assert_eq!(
        out.text,
        "Mera naam [NAME] hai. میرا نام [نام] ہے اور فون [فون]"
    );
}

#[test]
fn pseudonyms_are_consistent_within_a_story() {
    let opts = RedactOptions {
        style: PlaceholderStyle::Pseudonym,
        ..RedactOptions::default()
    };
    let out = redact(
        "Ayesha Khan met Bilal Ahmed. Later Ayesha blocked Bilal Ahmed.",
        &opts,
    );
    assert_eq!(
        out.text,
        "Person A met Person B. Later Person A blocked Person B."
    );
}

#[test]
fn offsets_are_characters_of_the_original() {
    let text = "نام: علی\u{200d} خان، فون ۰۳۰۰۱۲۳۴۵۶۷";
    let chars: Vec<char> = text.chars().collect();
    for s in detect(text) {
        let got: String = chars[s.start..s.end].iter().collect();
        assert!(!got.trim().is_empty());
        if s.kind == Kind::Phone {
            assert_eq!(got, "۰۳۰۰۱۲۳۴۵۶۷");
        }
    }
}

fn redacted(text: &str) -> String {
    redact(text, &RedactOptions::default()).text
}

#[test]
fn invisible_characters_inside_a_name_or_number_hide_nothing() {
    // zero-width characters interleaved with the letters and digits
    let text = "Mera naam Ay\u{200b}esha K\u{2060}han hai, number 0300\u{200d}-123\u{feff}4567.";
    assert_eq!(redacted(text), "Mera naam [NAME] hai, number [PHONE].");
    // a name wrapped in isolates and marks: the span covers the wrapping too, so no stray
    // control is left to turn the rest of the line around
    let text = "my name is \u{2067}\u{200f}Ayesha Khan\u{2069} and I live here";
    let spans = detect(text);
    let chars: Vec<char> = text.chars().collect();
    let name: String = chars[spans[0].start..spans[0].end].iter().collect();
    assert_eq!(name, "\u{2067}\u{200f}Ayesha Khan\u{2069}");
    assert_eq!(redacted(text), "my name is [NAME] and I live here");
    let urdu = "میرا نام \u{2067}عائشہ\u{2069} ہے";
    assert_eq!(redacted(urdu), "میرا نام [نام] ہے");
}

#[test]
fn a_name_or_number_under_an_override_is_read_as_displayed() {
    // shown as "My name is Ayesha Khan." and "call 0300-1234567 now"
    let text = "My name is \u{202e}nahK ahseyA\u{202c}.";
    assert_eq!(redacted(text), "My name is [NAME].");
    let text = "call \u{202e}7654321-0030\u{202c} now";
    assert_eq!(redacted(text), "call [PHONE] now");
    // half of a name outside the override, half inside: "Ayesha"
    let text = "mera naam Aye\u{202e}ahs\u{202c} hai";
    let spans = detect(text);
    assert!(
        spans
            .iter()
            .any(|s| s.kind == Kind::Name && s.start == 10 && s.end >= 17),
        "{spans:?}"
    );
}

#[test]
fn span_serialises_as_start_end_kind_score() {
    let s = Span {
        start: 0,
        end: 5,
        kind: Kind::Name,
        score: 0.5,
    };
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"{"start":0,"end":5,"kind":"name","score":0.5}"#
    );
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    fn story() -> impl Strategy<Value = String> {
        let parts = prop::sample::select(vec![
            "Ayesha",
            "Khan",
            "my name is",
            "0300",
            "-",
            "1234567",
            " ",
            ", ",
            ". ",
            "\n",
            "House",
            "No.",
            "12",
            "Street",
            "G-9/2",
            "@",
            "x.com",
            "PK36SCBL0000001123456702",
            "میرا نام",
            "علی",
            "صاحب",
            "۰۳۰۰",
            "\u{200d}",
            "ي",
            "born",
            "12/03/1995",
            "[NAME]",
            "Person A",
            "mein",
            "LEA",
            "passport",
            "AB1234567",
            "University",
            "of",
            "The",
        ]);
        (
            prop::collection::vec(parts, 0..40),
            prop::collection::vec(any::<char>(), 0..8),
        )
            .prop_map(|(parts, noise)| {
                let mut s = parts.join(" ");
                s.extend(noise);
                s
            })
    }

    fn check(text: &str) {
        let spans = detect(text);
        let n = text.chars().count();
        let mut prev_end = 0;
        for s in &spans {
            assert!(
                s.start < s.end && s.end <= n,
                "{s:?} out of bounds in {text:?}"
            );
            assert!(
                s.start >= prev_end,
                "overlap or unsorted at {s:?} in {text:?}"
            );
            prev_end = s.end;
        }
    }

    /// A story with a name and a phone number, and invisible characters anywhere.
    fn hidden_in(base: &'static str) -> impl Strategy<Value = (String, Vec<(usize, char)>)> {
        let hiders = prop::sample::select(vec![
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}',
            '\u{202c}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2060}', '\u{feff}',
            '\u{061c}', '\u{00ad}',
        ]);
        let n = base.chars().count();
        prop::collection::vec((0..=n, hiders), 0..8).prop_map(move |mut inserts| {
            inserts.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
            let mut chars: Vec<char> = base.chars().collect();
            for (at, c) in &inserts {
                chars.insert(*at, *c);
            }
            (chars.into_iter().collect(), inserts)
        })
    }

    /// Text with bidi controls among names and numbers.
    fn bidi_story() -> impl Strategy<Value = String> {
        let parts = prop::sample::select(vec![
            "Ayesha",
            "Khan",
            "my name is",
            "0300-1234567",
            "\u{202e}",
            "\u{202d}",
            "\u{202c}",
            "\u{2067}",
            "\u{2069}",
            "\u{200b}",
            "علی",
            " ",
            "\n",
            "[NAME]",
            "7654321-0030",
            "nahK",
            "ahseyA",
        ]);
        prop::collection::vec(parts, 0..30).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn invisible_characters_never_let_a_name_or_number_through(
            (text, _) in hidden_in("Mera naam Ayesha Khan hai, number 0300-1234567 hai.")
        ) {
            let out = redact(&text, &RedactOptions::default());
            let visible: String = out.text.chars().filter(|c| !crate::invisible::is_invisible(*c)).collect();
            prop_assert!(!visible.contains("Ayesha"), "{:?} -> {:?}", text, out.text);
            prop_assert!(!visible.contains("Khan"), "{:?} -> {:?}", text, out.text);
            prop_assert!(!visible.contains("1234567"), "{:?} -> {:?}", text, out.text);
            prop_assert!(visible.contains("[NAME]") && visible.contains("[PHONE]"), "{:?}", out.text);
        }

        #[test]
        fn bidi_text_gives_sound_spans_and_stable_redactions(text in bidi_story()) {
            check(&text);
            let opts = RedactOptions::default();
            let once = redact(&text, &opts);
            let twice = redact(&once.text, &opts);
            prop_assert_eq!(&twice.text, &once.text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn spans_are_in_bounds_sorted_and_disjoint(text in story()) {
            check(&text);
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn redacting_twice_changes_nothing_more(text in story()) {
            let opts = RedactOptions::default();
            let once = redact(&text, &opts);
            let twice = redact(&once.text, &opts);
            prop_assert_eq!(&twice.text, &once.text);
        }

        #[test]
        fn pseudonyms_are_stable_too(text in story()) {
            let opts = RedactOptions { style: PlaceholderStyle::Pseudonym, ..RedactOptions::default() };
            let once = redact(&text, &opts);
            let twice = redact(&once.text, &opts);
            prop_assert_eq!(&twice.text, &once.text);
        }
    }
}

#[test]
fn a_pseudonym_before_a_full_stop_ends_the_sentence() {
    // found by the fuzzer: "Person B." must not read as an initial, or the next word's
    // reading changes between the first and the second redaction
    let text =
        "^p\tJp\u{1}Jp\tp\tp\tp\tJp\t.Jp\t.JJp\t.Jni\t\t.JndJnh\t.JnJp\t.JJp\t.Jni\t\t.Jnd\tz`\tJ";
    let opts = RedactOptions {
        style: PlaceholderStyle::Pseudonym,
        ..RedactOptions::default()
    };
    let once = redact(text, &opts);
    assert_eq!(redact(&once.text, &opts).text, once.text);
}

#[test]
fn a_pseudonym_under_a_bidi_override_is_stable() {
    // found by proptest: after "میرا نام" a left-to-right override and a private-use
    // character; the second redaction must read the pseudonym as the first wrote it
    let text = "علی House House میرا نام\u{202d}\u{e000}B";
    let opts = RedactOptions {
        style: PlaceholderStyle::Pseudonym,
        ..RedactOptions::default()
    };
    let once = redact(text, &opts);
    assert_eq!(redact(&once.text, &opts).text, once.text);
}

// Issue 17: surnames, castes and tribes as name parts; never-names. Zarlasht, Gulalai,
// Parkha, Sassui, Adnan and Sadaf (and their Urdu spellings) are in no list the engine
// loads, so these do not pass by memory.

#[test]
fn a_surname_or_caste_after_a_given_name_is_redacted_with_it() {
    for (text, want) in [
        (
            "میرے کزن عدنان مرزا نے مجھے دھمکی دی۔",
            "میرے کزن [نام] نے مجھے دھمکی دی۔",
        ),
        ("میری دوست زینب شیخ نے بتایا۔", "میری دوست [نام] نے بتایا۔"),
        ("کل زرلشت بٹ نے فون کیا۔", "کل [نام] نے فون کیا۔"),
        ("گلالئی قریشی کو پیغام ملا۔", "[نام] کو پیغام ملا۔"),
        (
            "My cousin Adnan Mirza threatened me.",
            "My cousin [NAME] threatened me.",
        ),
        ("Adnan Mirza threatened me.", "[NAME] threatened me."),
        (
            "Zainab Sheikh sent the pictures.",
            "[NAME] sent the pictures.",
        ),
        (
            "Then Parkha Chaudhry posted my photos.",
            "Then [NAME] posted my photos.",
        ),
        (
            "FIA said Sassui Baloch filed it.",
            "FIA said [NAME] filed it.",
        ),
        (
            "adnan mirza ne mujhe dhamki di",
            "[NAME] ne mujhe dhamki di",
        ),
        (
            "mere cousin zarlasht butt ne photos bhejin",
            "mere cousin [NAME] ne photos bhejin",
        ),
        (
            "Sadaf Malik ne mujhe dhamki di.",
            "[NAME] ne mujhe dhamki di.",
        ),
        ("ali malik ne number diya", "[NAME] ne number diya"),
        (
            "meri dost sadaf malik ne bataya",
            "meri dost [NAME] ne bataya",
        ),
    ] {
        assert_eq!(redacted(text), want, "{text}");
    }
}

#[test]
fn an_urdu_name_opening_a_sentence_is_found_by_its_surname() {
    assert_eq!(
        redacted("صدف ملک نے مجھے دھمکی دی۔"),
        "[نام] نے مجھے دھمکی دی۔"
    );
    assert_eq!(
        redacted("پہلے سب ٹھیک تھا۔ زرلشت اعوان نے میری تصویریں پھیلائیں۔"),
        "پہلے سب ٹھیک تھا۔ [نام] نے میری تصویریں پھیلائیں۔"
    );
}

/// The name spans the rules alone find in `text`, as text.
fn rule_names(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    crate::redaction::Redactor::rules_only()
        .detect(text)
        .into_iter()
        .filter(|s| s.kind == Kind::Name)
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect()
}

#[test]
fn two_unlisted_urdu_words_before_ne_are_a_person() {
    // neither word is in any name list: "نے" after a run of words nothing else knows
    // marks the doer, at a sentence start or after a time word
    assert_eq!(
        rule_names("زرغونہ پلوشہ نے مجھے دھمکی دی۔"),
        ["زرغونہ پلوشہ"]
    );
    assert_eq!(
        rule_names("سب ٹھیک تھا۔ پچھلے ہفتے زرغونہ پلوشہ نے میری تصویریں پھیلائیں۔"),
        ["زرغونہ پلوشہ"]
    );
    // one word alone, a body after a genitive, or ordinary words are no person
    assert!(rule_names("زرغونہ نے مجھے بتایا۔").is_empty());
    assert!(rule_names("بھارت کی عدالت عظمیٰ نے فیصلہ دیا۔").is_empty());
    assert!(rule_names("پولیس نے مقدمہ درج کیا۔").is_empty());
}

#[test]
fn surname_words_used_as_ordinary_words_are_kept() {
    // Decision: a surname, caste or tribe word alone is no name unless a cue marks it
    // ("Mr Butt", "ملک صاحب"); ملک is "country", malik "owner", Baloch and Rajput name a
    // people. A capitalised surname that is only a surname ("Qureshi") is still a name.
    for text in [
        "ملک کے حالات خراب ہیں۔",
        "ملک بھر میں خواتین کو ہراساں کیا جاتا ہے۔",
        "پڑوسی ملک نے بھی ایسا قانون بنایا۔",
        "دشمن ملک نے حملہ کیا۔",
        "اسلامی ملک نے قانون بنایا۔",
        "ترقی پذیر ملک نے قرض لیا۔",
        "ترقی پذیر ملک میں یہ مسئلہ سنگین ہے۔",
        "بلوچ خواتین کارکنوں کو دھمکیاں ملیں۔",
        "ghar ka malik ne kiraya barha diya",
        "makan malik ne ghar khali karwaya",
        "Baloch women activists were harassed online.",
        "The Rajput community held a meeting.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    for (text, want) in [
        ("Mr. Butt called again.", "Mr. [NAME] called again."),
        ("Malik sahab ne dhamki di", "[NAME] sahab ne dhamki di"),
        ("ملک صاحب نے دھمکی دی", "[نام] صاحب نے دھمکی دی"),
        ("Qureshi threatened me.", "[NAME] threatened me."),
    ] {
        assert_eq!(redacted(text), want, "{text}");
    }
}

#[test]
fn laws_agencies_courts_and_platforms_are_never_redacted_but_people_beside_them_are() {
    for text in [
        "The Prevention of Electronic Crimes Act 2016 is the main law.",
        "I reported it to the FIA Cyber Crime Wing and the National Commission on the Status of Women.",
        "The Digital Rights Foundation runs a helpline.",
        "Punjab Women Protection Authority and the Federal Ombudsperson for Protection against Harassment.",
        "Lahore High Court ne PECA ke case mein faisla diya.",
        "میں نے ایف آئی اے کے سائبر کرائم ونگ اور لاہور ہائی کورٹ میں درخواست دی۔",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    assert_eq!(
        redacted("FIA officer Asad Butt refused to register my complaint."),
        "FIA officer [NAME] refused to register my complaint."
    );
    assert_eq!(
        redacted("ایف آئی اے کے افسر زرلشت بٹ نے شکایت درج نہیں کی۔"),
        "ایف آئی اے کے افسر [نام] نے شکایت درج نہیں کی۔"
    );
}

/// Advocacy, news, campaign and survivors' text about PECA, the FIA, NCSW, courts and
/// platforms, without any person's name (written for this test and for tuning).
const PII_FREE: [(&str, &str); 3] = [
    (
        "English",
        concat!(
            include_str!("../../../../data/redaction/pii-free/advocacy-en.txt"),
            include_str!("../../../../data/redaction/pii-free/news-en.txt"),
            include_str!("../../../../data/redaction/pii-free/reports-en.txt"),
        ),
    ),
    (
        "Roman Urdu",
        concat!(
            include_str!("../../../../data/redaction/pii-free/advocacy-roman.txt"),
            include_str!("../../../../data/redaction/pii-free/news-roman.txt"),
            include_str!("../../../../data/redaction/pii-free/survivors-roman.txt"),
        ),
    ),
    (
        "Urdu",
        concat!(
            include_str!("../../../../data/redaction/pii-free/advocacy-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/news-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/survivors-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/guidance-ur.txt"),
            include_str!("../../../../data/redaction/pii-free/voices-ur.txt"),
        ),
    ),
];

#[test]
fn advocacy_text_without_names_has_nothing_redacted_in_three_languages() {
    for (lang, text) in PII_FREE {
        let chars = text.chars().count();
        assert!(chars >= 1900, "{lang}: {chars} characters");
        let spans = detect(text);
        let wrong: usize = spans.iter().map(|s| s.end - s.start).sum();
        // printed with --nocapture: the figure the issue's target is stated in
        println!(
            "{lang}: {wrong} wrongly redacted characters of {chars}, {:.1} per 2,000",
            wrong as f64 * 2000.0 / chars as f64
        );
        assert!(spans.is_empty(), "{lang}: {:?}", kinds(text));
    }
}

#[test]
fn urdu_acronyms_compounds_and_possessions_are_no_names() {
    for text in [
        // an acronym spelt in letter names
        "ریاستی ٹیکس ( ایس جی ایس ٹی ) کے تحت",
        "ایس پی نے کہا کہ مقدمہ درج ہو گا",
        // a word joined by '_' into a compound
        "ہندوستان کی سیاسی دانش_مندی کے اندر",
        // after a title or a relation and a possessive: what is theirs
        "اس کے لیے والدین ڈاکٹر کی مدد حاصل کر سکتے ہیں",
        "اس نے میری بیوی کی تصویریں فیس بک پر ڈالیں",
        // an office before an ordinary word
        "وزیر تجارت نے کہا کہ",
        // titles, honorifics and relations without a name
        "جج صاحب نے کہا کہ متاثرہ خاتون کی شناخت ظاہر نہ کی جائے۔",
        "خالہ جان ہر بات پر طعنے دیتی ہیں۔",
        "محلے کے مولوی صاحب نے بھی یہی کہا۔",
        "استانی جی نے بچیوں کو بتایا کہ کسی اجنبی سے تصویر شیئر نہ کریں۔",
        "انسپکٹر جنرل پولیس نے خواتین ڈیسک کے قیام کی ہدایت کی۔",
        "قانون دان کہتے ہیں کہ پیکا میں ترمیم سے اظہار رائے متاثر ہو گی۔",
        "میری نند نے مجھے دھمکی دی کہ وہ تصویریں دکھا دے گی۔",
        "میرے ماموں زاد بھائی نے جعلی پروفائل بنا کر پیغامات بھیجے۔",
        // "name" used as a noun
        "انہوں نے صحافت میں بہت نام پیدا کیا",
        // a verb after a relation
        "میرا کزن کہتا ہے کہ اس نے فائلیں نقل کر لیں",
        "Mera cousin kehta hai ke usne files copy kar li thin.",
    ] {
        no_names(text);
    }
    // initials beside a name, a name after a cue and a name word alone stay names
    has("ایم وینکیا نائیڈو نے کہا", "وینکیا نائیڈو", Kind::Name);
    has("میرا نام ثروت_جہاں ہے", "ثروت", Kind::Name);
    has("میری بہن دانش کو دھمکی ملی", "دانش", Kind::Name);
    has("میرا کزن عدنان ہے جو دھمکی دیتا ہے", "عدنان", Kind::Name);
    has("مولوی عبدالرحمن نے کہا", "عبدالرحمن", Kind::Name);
    has("ملک صاحب نے دھمکی دی", "ملک", Kind::Name);
    // a name that is also a word, where the clause ends after it
    has("میرا نام مسرت رشید ہے", "مسرت رشید", Kind::Name);
    has("اس کا نام مسرت تھا۔", "مسرت", Kind::Name);
    has(
        "جناب مسرت رشید نے میری تصاویر لگا دیں",
        "مسرت رشید",
        Kind::Name,
    );
}

#[test]
fn lowercase_words_the_name_lists_hold_are_no_names_alone() {
    for text in [
        "My brother said I should delete my account.",
        "The court asked Parliament to review the sections.",
    ] {
        no_names(text);
    }
    has("my brother Said sent the pictures", "Said", Kind::Name);
}

/// The hand-written ordinary Urdu words of abuse reports (data/redaction/urdu-domain.txt):
/// none is a name on its own or in an ordinary sentence, and a name after a relation cue
/// beside them is still found.
#[test]
fn ordinary_urdu_words_of_abuse_reports_are_not_names_but_a_cued_name_is() {
    let list = include_str!("../../../../data/redaction/urdu-domain.txt");
    let words: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(words.len() >= 700, "{} words", words.len());
    for w in words {
        for text in [w.to_string(), format!("اس میں {w} کا ذکر تھا۔")] {
            no_names(&text);
        }
    }
    for text in [
        "السلام علیکم، مجھے ہراسانی کی شکایت درج کرانی ہے۔",
        "تفتیشی افسر نے کہا کہ شاگرد کا بیان کل ریکارڈ ہوگا۔",
        "وکیل صاحب نے التوا مقدمات سنبھال لیے اور کہا اسکرین شاٹ لو۔",
    ] {
        no_names(text);
    }
    has(
        "میری بہن صائمہ نے ہراسانی کی شکایت تھانے میں درج کرائی۔",
        "صائمہ",
        Kind::Name,
    );
    has(
        "میری بہن صائمہ کو جعلی اکاؤنٹ سے دھمکیاں مل رہی ہیں۔",
        "صائمہ",
        Kind::Name,
    );
}
