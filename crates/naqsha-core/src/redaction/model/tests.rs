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
