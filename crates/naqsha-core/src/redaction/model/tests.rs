use super::*;
use crate::redaction::Redactor;

fn model() -> &'static NameModel {
    NameModel::shipped().expect("the compiled-in weights are a model")
}

fn spans(text: &str) -> Vec<(usize, usize)> {
    model()
        .names(text)
        .iter()
        .map(|&(s, e, _)| (s, e))
        .collect()
}

#[test]
fn the_shipped_weights_load_and_write_back_the_same() {
    assert_eq!(model().to_bytes(), SHIPPED);
    assert_eq!(
        NameModel::from_bytes(b"NQNM").unwrap_err(),
        ModelError::Format
    );
}

// No name below is in a gazetteer or a training text: Aashir, Ghuman, تسنیم and تہمینہ are
// from data/names/heldout/, Zarshala and دوگر are in no list at all.
#[test]
fn unseen_names_are_found_in_the_three_writings() {
    assert_eq!(
        spans("Aashir Ghuman said he will post the pictures."),
        [(0, 13)]
    );
    assert_eq!(
        spans("Yesterday Zarshala Ghuman sent me a message on Facebook."),
        [(10, 25)]
    );
    assert_eq!(spans("my cousin zarshala keeps calling me"), [(10, 18)]);
    assert_eq!(
        spans("Meri dost Zarshala ne kaha ke woh police jaye gi."),
        [(10, 18)]
    );
    assert_eq!(spans("میری بہن تسنیم کو اس نے دھمکی دی۔"), [(9, 14)]);
    assert_eq!(
        spans("صدر تہمینہ دوگر نے کہا کہ حکومت کام کرے گی۔"),
        [(4, 15)]
    );
}

#[test]
fn places_and_plain_sentences_are_no_names() {
    assert!(spans("The weather in Lahore was hot today.").is_empty());
    assert!(spans("ہیلپ لائن والوں نے کہا کہ بلاک کر دو اور پاس ورڈ بدل دو۔").is_empty());
}

#[test]
fn structured_kinds_stay_with_the_rules() {
    let text = "Zarshala ka number 0300-1234567 hai, CNIC 35202-1234567-1, email zar@example.com.";
    let kinds = |r: Redactor| -> Vec<(usize, usize, crate::redaction::Kind)> {
        r.detect(text)
            .into_iter()
            .filter(|s| s.kind != crate::redaction::Kind::Name)
            .map(|s| (s.start, s.end, s.kind))
            .collect()
    };
    let with = kinds(Redactor::shared());
    assert_eq!(with.len(), 3);
    assert_eq!(with, kinds(Redactor::rules_only()));
}

/// The index of word `w` in the tokens of `text`, the tokens and no rule evidence.
fn toks_of(text: &str, w: &str) -> (Vec<Tok>, usize, Vec<u8>) {
    let mut toks = Vec::new();
    tokenize(text, Lexicon::get(), &mut toks);
    let i = toks
        .iter()
        .position(|t| t.text(text) == w)
        .expect("the word is in the text");
    let rules = vec![0; toks.len()];
    (toks, i, rules)
}

#[test]
fn lone_unlisted_guesses_in_roman_urdu_are_dropped_but_marked_ones_stay() {
    let text = "Maqami thane ne muqadma darj karne se inkar kar diya.";
    let (toks, i, rules) = toks_of(text, "Maqami");
    assert!(roman_urdu(text, &toks));
    assert!(lone_guess(text, &toks, &rules, i, i));
    // a possessive after it marks a thing as often as a person
    let text = "Kaam ki jagah par harassment ke khilaf qanoon hai.";
    let (toks, i, rules) = toks_of(text, "Kaam");
    assert!(lone_guess(text, &toks, &rules, i, i));
    // a word after it that marks a person, or a cue before it, vouches for it
    let text = "Kal zarnish ne mujhe dhamki di aur phir call ki.";
    let (toks, i, rules) = toks_of(text, "zarnish");
    assert!(!lone_guess(text, &toks, &rules, i, i));
    let text = "Meri behen zarnish mujhe batati hai.";
    let (toks, i, rules) = toks_of(text, "zarnish");
    assert!(!lone_guess(text, &toks, &rules, i, i));
    // English is not Roman Urdu: its lowercase names stay with the tagger
    let text = "olga krylova sentenced to life in prison";
    let (toks, _, _) = toks_of(text, "olga");
    assert!(!roman_urdu(text, &toks));
}

/// The names the whole engine (rules and tagger) finds in `text`, as (start, end).
fn engine_names(text: &str) -> Vec<(usize, usize)> {
    Redactor::shared()
        .detect(text)
        .into_iter()
        .filter(|s| s.kind == Kind::Name)
        .map(|s| (s.start, s.end))
        .collect()
}

/// The model alone (no rules' names) on `text`, with the given offsets.
fn spans_with(o_bias: f32, lower_o_bias: f32, text: &str) -> Vec<(usize, usize)> {
    let m = NameModel::from_bytes(SHIPPED)
        .expect("the compiled-in weights are a model")
        .with_o_bias(o_bias)
        .with_lower_o_bias(lower_o_bias);
    m.names(text).iter().map(|&(s, e, _)| (s, e)).collect()
}

#[test]
fn the_three_offsets_are_read_and_written_apart() {
    let m = NameModel::from_bytes(SHIPPED)
        .expect("a model")
        .with_o_bias(3.0)
        .with_lower_o_bias(-5.0);
    let back = NameModel::from_bytes(&m.to_bytes()).expect("its own bytes");
    assert_eq!((back.o_bias(), back.lower_o_bias()), (3.0, -5.0));
    // a version-2 file (24-byte header, no offset for capitalised Latin words) is not read
    // as this version
    let mut v2 = SHIPPED[..24].to_vec();
    v2[4] = 2;
    v2.extend_from_slice(&SHIPPED[28..]);
    assert_eq!(NameModel::from_bytes(&v2).unwrap_err(), ModelError::Format);
    let m = m.with_latin_o_bias(7.0);
    let back = NameModel::from_bytes(&m.to_bytes()).expect("its own bytes");
    assert_eq!(back.latin_o_bias(), 7.0);
}

// Zarshala is in no list; تسنیم is from data/names/heldout/.
#[test]
fn lower_case_latin_names_follow_their_own_offset_and_urdu_script_the_other() {
    let en = "my cousin zarshala keeps calling me";
    let roman = "meri dost zarshala ne kaha ke woh police jaye gi";
    let ur = "میری بہن تسنیم کو اس نے دھمکی دی۔";
    let (o, lower) = (model().o_bias(), model().lower_o_bias());
    assert_eq!(spans_with(o, lower, en), [(10, 18)]);
    assert_eq!(spans_with(o, lower, roman), [(10, 18)]);
    assert_eq!(spans_with(o, lower, ur), [(9, 14)]);
    // no name can beat an offset this high: only the words it governs lose their names
    let never = 1.0e6;
    assert!(spans_with(o, never, en).is_empty());
    assert!(spans_with(o, never, roman).is_empty());
    assert_eq!(spans_with(o, never, ur), [(9, 14)]);
    assert_eq!(spans_with(never, lower, roman), [(10, 18)]);
    assert!(spans_with(never, lower, ur).is_empty());
}

// Sentence shapes of scripts/name_train_latin.py (an honorific after a lower-case name,
// dialogue, a complaint form), with names in no list (Gulmeena, Shahzeb) or only in
// data/names/heldout/ (Ghuman).
#[test]
fn roman_urdu_and_english_names_in_new_shapes_are_found() {
    assert_eq!(
        spans("shahzeb bhai ne meri tasveerein share kar di."),
        [(0, 7)]
    );
    assert_eq!(
        spans("meri beti Gulmeena school jati hai to Shahzeb us ka peecha karta hai."),
        [(10, 18), (38, 45)]
    );
    assert_eq!(
        spans("\"Delete them,\" Shahzeb Ghuman told me on the phone."),
        [(15, 29)]
    );
    assert_eq!(
        spans("Accused: Shahzeb Ghuman\nComplainant: Gulmeena"),
        [(9, 23), (37, 45)]
    );
}

#[test]
fn roman_urdu_words_that_are_also_names_stay_readable() {
    for text in [
        "bas sabr rakho, sab theek ho jayega.",
        "ghar ka malik roz kiraya mangne aata hai.",
        "Shohar ke ghar walon ne mera phone cheen liya aur kaha ke ab bahar jane ki zaroorat nahi.",
        "I filed a complaint under the Prevention of Electronic Crimes Act in March.",
    ] {
        assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
    }
}

#[test]
fn a_placeholder_read_backwards_under_a_bidi_override_is_no_name() {
    // displayed, "[NAME]" under U+202E reads "]EMAN[", and Eman is a given name
    for text in ["\u{202e} [NAME]", "\u{202e}[NAME] ne kaha"] {
        assert!(Redactor::shared().detect(text).is_empty(), "{text:?}");
    }
}

#[test]
fn a_lone_place_or_acronym_is_no_name_but_a_cued_one_is() {
    for text in [
        "A schoolteacher from a village near Sukkur said a student made a fake profile.",
        "DPO ne bataya ke SIM bina tasdeeq ke bechi gayi thi.",
        "HR ko email ki lekin koi jawab nahi aaya.",
    ] {
        assert!(
            engine_names(text).is_empty(),
            "{text}: {:?}",
            engine_names(text)
        );
    }
    // a cue before the same shapes still makes them a name
    let text = "My name is ZOE and I live in Lahore.";
    assert_eq!(engine_names(text), [(11, 14)]);
}

#[test]
fn a_contraction_opening_a_quoted_threat_is_no_name() {
    // found by the Ushahidi import test: "You'll" is a stop word's contraction
    let text = "He wrote \"You'll regret it\" under every post.";
    assert!(engine_names(text).is_empty(), "{:?}", engine_names(text));
}
