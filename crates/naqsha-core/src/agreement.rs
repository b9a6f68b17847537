//! Agreement between two coders (Cohen's kappa), per taxonomy dimension, for the quality page:
//! how far the statistics can be trusted to say the same whoever coded the reports.
//!
//! A dimension may carry several terms per case, so each (report, term) is one yes/no
//! decision of each coder ("is this term coded?"), pooled over the dimension's terms:
//! κ = (p_o − p_e) / (1 − p_e), with p_o the share of decisions the coders agree on and p_e the
//! agreement expected by chance from how often each coder says yes. κ is undefined (`None`)
//! when chance agreement is total (both coders never, or always, use the dimension).

use crate::taxonomy::{Labels, Taxonomy};

/// Agreement on one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// The dimension's key.
    pub dimension: String,
    /// Reports coded twice.
    pub reports: usize,
    /// Yes/no decisions compared (reports × the dimension's terms).
    pub decisions: usize,
    /// Share of decisions the coders agree on.
    pub observed: f64,
    /// Cohen's kappa, when defined.
    pub kappa: Option<f64>,
}

/// Cohen's kappa of paired yes/no decisions: (decisions, observed agreement, kappa).
pub fn kappa(pairs: impl IntoIterator<Item = (bool, bool)>) -> (usize, f64, Option<f64>) {
    let (mut n, mut agree, mut yes_a, mut yes_b) = (0usize, 0usize, 0usize, 0usize);
    for (a, b) in pairs {
        n += 1;
        agree += usize::from(a == b);
        yes_a += usize::from(a);
        yes_b += usize::from(b);
    }
    if n == 0 {
        return (0, 0.0, None);
    }
    let n_f = n as f64;
    let observed = agree as f64 / n_f;
    let (pa, pb) = (yes_a as f64 / n_f, yes_b as f64 / n_f);
    let expected = pa * pb + (1.0 - pa) * (1.0 - pb);
    let kappa = (expected < 1.0 - 1e-12).then(|| (observed - expected) / (1.0 - expected));
    (n, observed, kappa)
}

/// Agreement per dimension of `taxonomy` over reports coded twice: (first, second) codings.
pub fn per_dimension(taxonomy: &Taxonomy, codings: &[(Labels, Labels)]) -> Vec<Agreement> {
    taxonomy
        .dimensions()
        .iter()
        .map(|d| {
            let key = d.key.as_str();
            let pairs = codings.iter().flat_map(|(a, b)| {
                d.terms.iter().map(move |t| {
                    let has = |l: &Labels| l.terms(key).any(|x| x == &t.key);
                    (has(a), has(b))
                })
            });
            let (decisions, observed, kappa) = kappa(pairs);
            Agreement {
                dimension: key.to_owned(),
                reports: codings.len(),
                decisions,
                observed,
                kappa,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_matches_a_worked_example() {
        // 50 decisions: both yes 20, both no 15, a yes b no 5, a no b yes 10.
        // p_o = 0.7; p_a = 0.5, p_b = 0.6; p_e = 0.3 + 0.2 = 0.5; κ = 0.4.
        let mut pairs = Vec::new();
        pairs.extend(std::iter::repeat_n((true, true), 20));
        pairs.extend(std::iter::repeat_n((false, false), 15));
        pairs.extend(std::iter::repeat_n((true, false), 5));
        pairs.extend(std::iter::repeat_n((false, true), 10));
        let (n, po, k) = kappa(pairs);
        assert_eq!(n, 50);
        assert!((po - 0.7).abs() < 1e-9);
        assert!((k.unwrap() - 0.4).abs() < 1e-9);
        // Perfect agreement is 1; agreement no better than chance is 0; nothing used: undefined.
        assert_eq!(kappa([(true, true), (false, false)]).2, Some(1.0));
        assert_eq!(
            kappa([(true, false), (false, true), (true, true), (false, false)]).2,
            Some(0.0)
        );
        assert_eq!(kappa([(false, false), (false, false)]).2, None);
        assert_eq!(kappa([]).0, 0);
    }

    #[test]
    fn each_dimension_pools_its_terms() {
        let taxonomy = Taxonomy::pakistan_default();
        let coded = |kind: &str, platforms: &[&str]| {
            let mut l = Labels::new();
            l.insert_str("kind", kind).unwrap();
            for p in platforms {
                l.insert_str("platform", p).unwrap();
            }
            l
        };
        let codings = vec![
            (
                coded("intimate_partner_violence", &["whatsapp"]),
                coded("intimate_partner_violence", &["whatsapp"]),
            ),
            (
                coded("online_harassment_cyberstalking", &["facebook"]),
                coded(
                    "online_harassment_cyberstalking",
                    &["facebook", "instagram"],
                ),
            ),
            (
                coded("intimate_partner_violence", &["whatsapp"]),
                coded("online_harassment_cyberstalking", &["whatsapp"]),
            ),
        ];
        let all = per_dimension(taxonomy, &codings);
        let kind = all.iter().find(|a| a.dimension == "kind").unwrap();
        let terms = taxonomy.dimension("kind").unwrap().terms.len();
        assert_eq!(kind.reports, 3);
        assert_eq!(kind.decisions, 3 * terms);
        assert!(kind.kappa.unwrap() > 0.0 && kind.kappa.unwrap() < 1.0);
        let platform = all.iter().find(|a| a.dimension == "platform").unwrap();
        assert!(platform.kappa.unwrap() > 0.5);
        let outcome = all.iter().find(|a| a.dimension == "outcome").unwrap();
        assert_eq!(outcome.kappa, None, "neither coder used it");
    }
}
