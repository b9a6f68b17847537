//! The review screen's decisions on English and Urdu stories.

use super::*;

const RAW_UR: &str = "میرا نام عائشہ ہے اور نمبر ۰۳۰۰۱۲۳۴۵۶۷ ہے";

fn span(start: usize, end: usize, kind: Kind) -> Span {
    Span {
        start,
        end,
        kind,
        score: 0.8,
    }
}

fn cut(text: &str, s: &Span) -> String {
    text.chars().skip(s.start).take(s.end - s.start).collect()
}

/// The name and the number of [`RAW_UR`], marked the way a moderator would.
fn urdu_spans() -> Vec<Span> {
    let mut spans = find_marks(RAW_UR, "عائشہ", Kind::Name);
    spans.extend(find_marks(RAW_UR, "۰۳۰۰۱۲۳۴۵۶۷", Kind::Phone));
    spans
}

#[test]
fn a_new_plan_accepts_every_suggestion() {
    let plan = RedactionPlan::new(vec![span(10, 14, Kind::Phone), span(0, 4, Kind::Name)]);
    assert_eq!(plan.decisions(), [Decision::Accept, Decision::Accept]);
    let spans = plan.spans("abcd efgh ijkl mnop");
    assert_eq!(
        spans.iter().map(|s| (s.start, s.kind)).collect::<Vec<_>>(),
        [(0, Kind::Name), (10, Kind::Phone)]
    );
}

#[test]
fn rejected_suggestions_stay_in_the_text() {
    let text = "Ayesha met Bilal in Lahore";
    let mut plan = RedactionPlan::new(vec![span(0, 6, Kind::Name), span(11, 16, Kind::Name)]);
    plan.decide(1, Decision::Reject).unwrap();
    assert_eq!(
        plan.decide(2, Decision::Reject),
        Err(PlanError::NoSuchSuggestion { index: 2 })
    );
    assert_eq!(
        draft_text(text, &plan.spans(text), None),
        "[NAME] met Bilal in Lahore"
    );
}

#[test]
fn added_spans_join_the_suggestions_they_overlap() {
    let text = "House 12 Street 5 Gulberg Lahore";
    let mut plan = RedactionPlan::new(vec![span(6, 8, Kind::Phone), span(26, 32, Kind::Name)]);
    // the moderator marks the whole address, which swallows the "phone" inside it
    plan.add([span(0, 25, Kind::Address), span(20, 40, Kind::Org)]);
    let spans = plan.spans(text);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!((spans[0].start, spans[0].end), (0, 32));
    assert_eq!(spans[0].kind, Kind::Address);
    assert_eq!(draft_text(text, &spans, None), "[ADDRESS]");
    assert_eq!(plan.remove_added(1), Some(span(20, 40, Kind::Org)));
    assert_eq!(plan.remove_added(5), None);
    assert_eq!(plan.spans(text).len(), 2);
}

#[test]
fn spans_past_the_end_or_empty_are_clamped_or_dropped() {
    let mut plan = RedactionPlan::new(vec![span(3, 3, Kind::Name)]);
    plan.add([span(4, 99, Kind::Email), span(50, 60, Kind::Url)]);
    let spans = plan.spans("abc defg");
    assert_eq!(spans, [span(4, 8, Kind::Email)]);
}

#[test]
fn plans_round_trip_as_json_and_bad_ones_are_refused() {
    let mut plan = RedactionPlan::new(vec![span(0, 6, Kind::Name)]);
    plan.decide(0, Decision::Reject).unwrap();
    plan.add([span(7, 9, Kind::Org)]);
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.contains(r#""decisions":["reject"]"#), "{json}");
    assert_eq!(serde_json::from_str::<RedactionPlan>(&json).unwrap(), plan);
    let bad = r#"{"suggested":[],"decisions":["accept"],"added":[]}"#;
    let err = serde_json::from_str::<RedactionPlan>(bad).unwrap_err();
    assert!(err.to_string().contains("1 decisions for 0"), "{err}");
}

#[test]
fn typed_phrases_are_found_whatever_the_case_as_whole_words() {
    let text = "Ayesha told AYESHA's friend; Ayeshabad is a town. ayesha  khan";
    let found: Vec<String> = find_marks(text, "  ayesha ", Kind::Name)
        .iter()
        .map(|s| cut(text, s))
        .collect();
    assert_eq!(found, ["Ayesha", "AYESHA", "ayesha"]);
    let full = find_marks(text, "Ayesha Khan", Kind::Name);
    assert_eq!(full.len(), 1);
    assert_eq!(cut(text, &full[0]), "ayesha  khan");
    assert!(find_marks(text, "   ", Kind::Name).is_empty());
    assert!(find_marks(text, "", Kind::Name).is_empty());
}

#[test]
fn typed_urdu_phrases_match_other_keyboards_and_keep_original_offsets() {
    // Arabic-keyboard letters, a vowel mark, tatweel and a zero-width non-joiner
    let text = "کل عايـشَه\u{200c} اور عائشہ آئیں، عائشہؓ بھی";
    let found = find_marks(text, "عائشہ", Kind::Name);
    let cuts: Vec<String> = found.iter().map(|s| cut(text, s)).collect();
    assert_eq!(cuts, ["عايـشَه\u{200c}", "عائشہ", "عائشہؓ"]);
    assert_eq!(found[0].start, 3);
    assert_eq!(found[0].score, MODERATOR_SCORE);
    assert_eq!(
        draft_text(text, &found, None),
        "کل [نام] اور [نام] آئیں، [نام] بھی"
    );
}

#[test]
fn typed_numbers_match_inside_longer_numbers_and_across_digit_scripts() {
    let marks = find_marks(RAW_UR, "0300", Kind::Phone);
    assert_eq!(marks.len(), 1);
    assert_eq!(cut(RAW_UR, &marks[0]), "۰۳۰۰");
    let whole = find_marks(RAW_UR, "03001234567", Kind::Phone);
    assert_eq!(cut(RAW_UR, &whole[0]), "۰۳۰۰۱۲۳۴۵۶۷");
}

#[test]
fn selections_are_checked_and_trimmed() {
    let text = "name: عائشہ خان";
    assert_eq!(
        span_from_selection(text, 5, 11, Kind::Name).map(|s| cut(text, &s)),
        Some("عائشہ".to_owned())
    );
    let s = span_from_selection(text, 6, 15, Kind::Name).unwrap();
    assert_eq!((s.start, s.end, s.score), (6, 15, MODERATOR_SCORE));
    assert_eq!(span_from_selection(text, 6, 16, Kind::Name), None);
    assert_eq!(span_from_selection(text, 6, 6, Kind::Name), None);
    assert_eq!(span_from_selection(text, 7, 6, Kind::Name), None);
    assert_eq!(span_from_selection(text, 5, 6, Kind::Name), None);
}

#[test]
fn drafts_use_the_placeholders_of_the_language_asked_for() {
    let spans = urdu_spans();
    assert_eq!(
        draft_text(RAW_UR, &spans, None),
        "میرا نام [نام] ہے اور نمبر [فون] ہے"
    );
    assert_eq!(
        draft_text(RAW_UR, &spans, Some(Lang::EN)),
        "میرا نام [NAME] ہے اور نمبر [PHONE] ہے"
    );
    assert_eq!(draft_text(RAW_UR, &[], None), RAW_UR);
}

#[test]
fn the_redacted_draft_leaks_nothing() {
    let spans = urdu_spans();
    assert_eq!(spans.len(), 2);
    let draft = draft_text(RAW_UR, &spans, None);
    assert!(leaks(&draft, RAW_UR, &spans).is_empty());
}

#[test]
fn an_edited_public_text_that_brings_back_the_number_or_name_is_caught() {
    let spans = urdu_spans();
    let number = (Kind::Phone, "۰۳۰۰۱۲۳۴۵۶۷".to_owned());
    let name = (Kind::Name, "عائشہ".to_owned());
    for public in [
        "میرا نام [نام] ہے اور نمبر 0300-1234567 ہے",
        "میرا نام [نام] ہے، فون: 0300 1234567",
        "call +92 300 1234567 now",
        "نمبر ۰۳۰۰۱۲۳۴۵۶۷",
    ] {
        assert_eq!(
            leaks(public, RAW_UR, &spans),
            std::slice::from_ref(&number),
            "{public}"
        );
    }
    for public in ["میرا نام عائشہ ہے اور نمبر [فون] ہے", "عايشه نے بتایا"]
    {
        assert_eq!(
            leaks(public, RAW_UR, &spans),
            std::slice::from_ref(&name),
            "{public}"
        );
    }
    let both = "عائشہ (0300-1234567) اور عائشہ";
    assert_eq!(leaks(both, RAW_UR, &spans), [name.clone(), number]);
    // another number, and the name inside a longer word, are not the redacted ones
    assert!(leaks("نمبر 0300-1234568، عائشہبیگم", RAW_UR, &spans).is_empty());
    assert_eq!(
        leaks("نمبر 0300-1234568، عائشہ۔بیگم", RAW_UR, &spans),
        [name]
    );
}

#[test]
fn a_name_stored_under_an_override_leaks_in_the_order_it_was_shown() {
    // shown to the moderator as "Ayesha Khan"
    let raw = "My name is \u{202e}nahK ahseyA\u{202c}.";
    let spans = redaction::detect(raw);
    assert!(spans.iter().any(|s| s.kind == Kind::Name), "{spans:?}");
    let found = leaks("She is Ayesha Khan from Lahore", raw, &spans);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Kind::Name);
    // and as stored
    assert_eq!(leaks("nahK ahseyA wrote", raw, &spans).len(), 1);
    assert!(leaks("She wrote to us", raw, &spans).is_empty());
}

#[test]
fn leaks_skip_short_strings_and_compare_words_whole() {
    let raw = "Al and Ali met at LEA-1234, PK36 SCBL 0000 0011 2345 6702";
    let spans = [
        span(0, 2, Kind::Name),
        span(7, 10, Kind::Name),
        span(18, 26, Kind::Plate),
        span(28, 57, Kind::Iban),
    ];
    assert_eq!(cut(raw, &spans[3]), "PK36 SCBL 0000 0011 2345 6702");
    assert!(leaks("Alina and Al met in Bali", raw, &spans).is_empty());
    assert_eq!(
        leaks(
            "ALI's car lea 1234; iban pk36scbl0000001123456702",
            raw,
            &spans
        ),
        [
            (Kind::Name, "Ali".to_owned()),
            (Kind::Plate, "LEA-1234".to_owned()),
            (Kind::Iban, "PK36 SCBL 0000 0011 2345 6702".to_owned()),
        ]
    );
    // joined words must start and end where the plate does
    assert!(leaks("plea 12345", raw, &spans[2..3]).is_empty());
}

#[test]
fn a_sindhi_or_pashto_spelling_of_a_redacted_name_or_number_leaks() {
    // Sindhi: "my sister Sara was threatened by Ali Khan"; the moderator's draft spells the
    // name the Urdu way, and the number in Pashto digits
    let raw = "منهنجي ڀيڻ سارا کي علي خان ڌمڪيون ڏنيون، هن جو نمبر ۰۳۰۰-۱۲۳۴۵۶۷ آهي";
    let spans = redaction::detect(raw);
    let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
    assert!(
        kinds.contains(&Kind::Name) && kinds.contains(&Kind::Phone),
        "{spans:?}"
    );
    let found = leaks(
        "ایک خاتون کو علی خان نے ٠٣٠٠ ١٢٣٤٥٦٧ سے دھمکیاں دیں",
        raw,
        &spans,
    );
    assert!(
        found.contains(&(Kind::Name, "علي خان".to_owned())),
        "{found:?}"
    );
    assert!(found.iter().any(|(k, _)| *k == Kind::Phone), "{found:?}");
    assert!(leaks("ایک خاتون کو دھمکیاں دی گئیں", raw, &spans).is_empty());
    // a Pashto-keyboard gaf and Sindhi kaf in the public text still give the name away
    let raw = "میرا نام گلالئی ہے اور ڈاکٹر کامران مجھے تنگ کرتا ہے";
    let spans = redaction::detect(raw);
    let found = leaks("ګلالئی او ڊاڪٽر ڪامران", raw, &spans);
    assert!(found.len() >= 2, "{spans:?} {found:?}");
}

#[test]
fn marks_are_found_in_sindhi_and_pashto_spellings() {
    // a moderator types the Urdu spelling; the text has the Sindhi one
    let text = "ڪالهه ڊاڪٽر ڪامران فون ڪيو";
    let marks = find_marks(text, "ڈاکٹر کامران", Kind::Name);
    assert_eq!(marks.len(), 1);
    assert_eq!(cut(text, &marks[0]), "ڊاڪٽر ڪامران");
}
