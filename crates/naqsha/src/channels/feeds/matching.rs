//! Keyword matching of news items against the admins' rules.
//!
//! Text and phrases are folded by [`naqsha_core::near_duplicate::normalise`], the folding
//! the review screen uses when a moderator marks a phrase: case, Urdu letter variants
//! (ي/ی, ك/ک, ہ/ھ/ۃ, …), diacritics and digits do not matter, punctuation separates words.
//! A phrase matches only whole words ("rape" is not found in "grapes").

use naqsha_core::near_duplicate::normalise;
use naqsha_core::taxonomy::Labels;

use naqsha_core::news::Rule;

/// An item's text folded once, to test many rules against.
pub struct FoldedText(String);

impl FoldedText {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        // padded so a phrase can be looked up with a space on each side
        FoldedText(format!(" {} ", normalise(text)))
    }

    /// Whether `phrase` occurs in the text as whole words.
    pub fn contains(&self, phrase: &str) -> bool {
        let folded = normalise(phrase);
        !folded.is_empty() && self.0.contains(&format!(" {folded} "))
    }
}

/// Whether `rule` matches the text: any of its phrases, or all of them for a word list.
pub fn rule_matches(rule: &Rule, text: &FoldedText) -> bool {
    if !rule.enabled || rule.phrases.is_empty() {
        return false;
    }
    if rule.match_all {
        rule.phrases.iter().all(|p| text.contains(p))
    } else {
        rule.phrases.iter().any(|p| text.contains(p))
    }
}

/// The rules that match `text`, with their hints joined: `None` when no rule matches.
pub fn matching_hints(rules: &[Rule], text: &str) -> Option<Labels> {
    let folded = FoldedText::new(text);
    let mut hints: Option<Labels> = None;
    for rule in rules.iter().filter(|r| rule_matches(r, &folded)) {
        let all = hints.get_or_insert_with(Labels::new);
        for (d, terms) in rule.hints.iter() {
            for t in terms {
                all.insert(d.clone(), t.clone());
            }
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;
    use naqsha_core::news::{RuleId, RuleLang};

    fn rule(phrases: &[&str], lang: RuleLang, match_all: bool) -> Rule {
        Rule {
            id: RuleId::random(),
            name: "r".into(),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            lang,
            match_all,
            hints: Labels::new(),
            enabled: true,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn english_phrases_match_whole_words_in_any_case() {
        let r = rule(&["fake profile", "blackmail"], RuleLang::En, false);
        assert!(rule_matches(
            &r,
            &FoldedText::new("Woman BLACKMAILED? No: Blackmail, FIA says")
        ));
        assert!(rule_matches(
            &r,
            &FoldedText::new("A FAKE  Profile on Facebook")
        ));
        assert!(!rule_matches(&r, &FoldedText::new("Blackmailers arrested")));
        assert!(!rule_matches(&r, &FoldedText::new("Cricket scores")));
    }

    #[test]
    fn urdu_phrases_match_across_letter_variants_and_diacritics() {
        // the rule is typed with Urdu letters, the item with Arabic yeh and kaf
        let r = rule(&["بلیک میل", "جعلی تصویریں"], RuleLang::Ur, false);
        assert!(rule_matches(
            &r,
            &FoldedText::new("لاہور میں خاتون کو بليك ميل کرنے والا گرفتار")
        ));
        assert!(rule_matches(
            &r,
            &FoldedText::new("جَعلی تصویریں پھیلانے پر مقدمہ")
        ));
        assert!(!rule_matches(&r, &FoldedText::new("کرکٹ میچ کے نتائج")));
    }

    #[test]
    fn urdu_phrases_match_sindhi_and_pashto_news_spellings() {
        // "blackmail", "doctor": Sindhi and Pashto papers spell them with their own kaf,
        // yeh and retroflex letters
        let r = rule(&["بلیک میل", "ڈاکٹر"], RuleLang::Ur, false);
        assert!(rule_matches(
            &r,
            &FoldedText::new("حيدرآباد ۾ ڇوڪريءَ کي بليڪ ميل ڪندڙ گرفتار")
        ));
        assert!(rule_matches(
            &r,
            &FoldedText::new("پښاور کې یو ډاکټر ونیول شو")
        ));
        assert!(rule_matches(
            &r,
            &FoldedText::new("ڪراچي ۾ جعلي ڊاڪٽر گرفتار")
        ));
        assert!(!rule_matches(&r, &FoldedText::new("ڪرڪيٽ جي ميچ جا نتيجا")));
    }

    #[test]
    fn roman_urdu_word_lists_need_every_word() {
        let r = rule(&["tasveerein", "viral"], RuleLang::RomanUr, true);
        assert!(rule_matches(
            &r,
            &FoldedText::new("Larki ki Tasveerein VIRAL kar di gayin")
        ));
        assert!(!rule_matches(
            &r,
            &FoldedText::new("Larki ki tasveerein chori")
        ));
    }

    #[test]
    fn disabled_rules_never_match_and_hints_of_matching_rules_are_joined() {
        let mut a = rule(&["blackmail"], RuleLang::En, false);
        a.hints.insert_str("act", "blackmail_sextortion").unwrap();
        let mut b = rule(&["hacked"], RuleLang::En, false);
        b.hints.insert_str("act", "hacking").unwrap();
        let mut off = rule(&["blackmail"], RuleLang::En, false);
        off.enabled = false;
        off.hints
            .insert_str("kind", "intimate_partner_violence")
            .unwrap();
        let rules = [a, b, off];
        let hints = matching_hints(&rules, "Account hacked, then blackmail").unwrap();
        let acts: Vec<String> = hints.terms("act").map(|t| t.to_string()).collect();
        assert_eq!(acts, ["blackmail_sextortion", "hacking"]);
        assert_eq!(hints.terms("kind").count(), 0);
        assert!(matching_hints(&rules, "Weather report").is_none());
    }
}
