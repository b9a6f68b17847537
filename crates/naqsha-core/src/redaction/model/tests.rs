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
