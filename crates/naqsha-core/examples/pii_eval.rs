//! Evaluation of the redaction engine.
//!
//! ```text
//! python3 benches/pii/gen_pk.py --seed 7 > /tmp/pk.jsonl
//! python3 benches/pii/gen_heldout.py --seed 17 > /tmp/heldout.jsonl
//! cargo run --release -p naqsha-core --example pii_eval -- \
//!     --generated /tmp/pk.jsonl --heldout /tmp/heldout.jsonl
//! ```
//!
//! Reads the presidio-research synthetic set and the IL-NER Urdu dev split from
//! `../shared/data/pii-eval/` (override with `--data DIR`), the texts without personal
//! data in `benches/pii/pii-free/` (`--pii-free DIR`) and, if given, the generated
//! development set (`--generated`, data sets `dev/…`) and held-out set (`--heldout`,
//! `heldout/…`), which are then shown side by side per writing. Prints, per data set and
//! kind: support, leak-free recall (every letter and digit of the true span covered by
//! some detected span, of any kind) and character precision (letters and digits of
//! detected spans of that kind that lie inside a true span of a kind we redact); the
//! wrongly redacted letters and digits per 2,000 characters on texts without personal
//! data; and one line per target of issue 17, met or missed. `--misses KIND` prints the
//! true spans of that kind not covered and what of them stays readable;
//! `--false-positives` prints what was found in texts without personal data; `--rules-only`
//! leaves out the learned name tagger, and `--model FILE` uses the weights in FILE (written
//! by `train_names --out FILE`) instead of the compiled-in ones. A quarter of presidio (every fourth item) may train
//! the name tagger (`train_names --presidio`) and is reported apart as `presidio-q0`; the
//! presidio figures and targets are over the other three quarters.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a measuring tool run by hand: a failed step should stop it loudly"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use naqsha_core::redaction::model::NameModel;
use naqsha_core::redaction::{Kind, Redactor, Span};

#[path = "common/pii_data.rs"]
mod pii_data;

struct Gold {
    start: usize,
    end: usize,
    /// `None` for entity types we do not redact (GPE, TITLE, …).
    kind: Option<Kind>,
}

struct Doc {
    set: String,
    text: String,
    gold: Vec<Gold>,
    pii_free: bool,
}

#[derive(Default)]
struct Tally {
    support: usize,
    found: usize,
    pred_chars: usize,
    pred_true_chars: usize,
    pred_spans: usize,
}

fn presidio_kind(t: &str, text: &[char], start: usize) -> Option<Kind> {
    Some(match t {
        "PERSON" => Kind::Name,
        "STREET_ADDRESS" => Kind::Address,
        "PHONE_NUMBER" => Kind::Phone,
        "EMAIL_ADDRESS" => Kind::Email,
        "IBAN_CODE" => Kind::Iban,
        "ORGANIZATION" => Kind::Org,
        "CREDIT_CARD" => Kind::Card,
        "DOMAIN_NAME" => Kind::Url,
        // a date right after a birth word is a date of birth; other dates are not redacted
        "DATE_TIME" => {
            let from = start.saturating_sub(40);
            let before: String = text[from..start].iter().collect::<String>().to_lowercase();
            if ["birth", "born", "dob"].iter().any(|w| before.contains(w)) {
                Kind::Dob
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

fn load_presidio(path: &Path) -> Vec<Doc> {
    pii_data::presidio(path)
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            let chars: Vec<char> = it.text.chars().collect();
            let gold: Vec<Gold> = it
                .spans
                .iter()
                .map(|s| Gold {
                    start: s.start,
                    end: s.end,
                    kind: presidio_kind(&s.label, &chars, s.start),
                })
                .collect();
            Doc {
                // a quarter may train the name tagger (train_names --presidio): reported apart
                set: if pii_data::presidio_trains(i) {
                    "presidio-q0"
                } else {
                    "presidio"
                }
                .into(),
                pii_free: gold.is_empty(),
                text: it.text,
                gold,
            }
        })
        .collect()
}

fn load_ilner(path: &Path) -> Vec<Doc> {
    pii_data::ilner(path)
        .into_iter()
        .map(|it| {
            let gold: Vec<Gold> = it
                .spans
                .iter()
                .map(|s| Gold {
                    start: s.start,
                    end: s.end,
                    kind: match s.label.as_str() {
                        "NEP" => Some(Kind::Name),
                        "NEO" => Some(Kind::Org),
                        _ => None,
                    },
                })
                .collect();
            Doc {
                set: "il-ner-dev".into(),
                pii_free: !gold.iter().any(|g| g.kind.is_some()),
                text: it.text,
                gold,
            }
        })
        .collect()
}

/// A generated set (`gen_pk.py` or `gen_heldout.py`); data sets are named `{prefix}/{lang}`.
fn load_generated(path: &Path, prefix: &str) -> Vec<Doc> {
    pii_data::generated(path)
        .into_iter()
        .map(|g| Doc {
            set: format!("{prefix}/{}", g.lang),
            gold: g
                .item
                .spans
                .iter()
                .map(|s| Gold {
                    start: s.start,
                    end: s.end,
                    kind: s.label.parse().ok(),
                })
                .collect(),
            text: g.item.text,
            pii_free: g.pii_free,
        })
        .collect()
}

/// The committed texts without personal data: one paragraph per line, one file per writing.
fn load_pii_free(dir: &Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    for lang in ["en", "roman-ur", "ur"] {
        let path = dir.join(format!("{lang}.txt"));
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("PII-free corpus {}: {e}", path.display()));
        docs.extend(raw.lines().filter(|l| !l.trim().is_empty()).map(|l| Doc {
            set: format!("pii-free/{lang}"),
            text: l.to_owned(),
            gold: Vec::new(),
            pii_free: true,
        }));
    }
    docs
}

/// What one run measured, per data set and kind.
#[derive(Default)]
struct Results {
    tallies: BTreeMap<(String, Kind), Tally>,
    /// Per data set: letters and digits detected, and of them inside a true span.
    overall: BTreeMap<String, (usize, usize)>,
    /// Per data set of texts without personal data.
    free: BTreeMap<String, Free>,
}

#[derive(Default)]
struct Free {
    chars: usize,
    spans: usize,
    /// Letters and digits inside detected spans (all of them wrongly redacted).
    wrong_chars: usize,
    wrong_by_kind: BTreeMap<Kind, usize>,
}

impl Results {
    fn recall(&self, set: &str, kind: Kind) -> Option<(f64, usize)> {
        self.pooled_recall(&[set], kind)
    }

    /// Leak-free recall over several data sets together, with the support.
    fn pooled_recall(&self, sets: &[&str], kind: Kind) -> Option<(f64, usize)> {
        let (found, support) = sets
            .iter()
            .filter_map(|s| self.tallies.get(&((*s).to_owned(), kind)))
            .fold((0, 0), |(f, n), t| (f + t.found, n + t.support));
        (support > 0).then(|| (found as f64 / support as f64, support))
    }

    fn precision(&self, set: &str, kind: Kind) -> Option<f64> {
        let t = self.tallies.get(&(set.to_owned(), kind))?;
        (t.pred_chars > 0).then(|| t.pred_true_chars as f64 / t.pred_chars as f64)
    }

    fn overall_precision(&self, set: &str) -> Option<f64> {
        let (all, good) = self.overall.get(set)?;
        (*all > 0).then(|| *good as f64 / *all as f64)
    }

    fn wrong_per_2000(&self, set: &str) -> Option<f64> {
        let f = self.free.get(set)?;
        (f.chars > 0).then(|| f.wrong_chars as f64 * 2000.0 / f.chars as f64)
    }
}

fn measure(docs: &[Doc], detected: &[Vec<Span>], misses: Option<Kind>, show_fp: bool) -> Results {
    let mut r = Results::default();
    for (d, spans) in docs.iter().zip(detected) {
        let chars: Vec<char> = d.text.chars().collect();
        let mut covered = vec![false; chars.len()];
        for s in spans {
            covered[s.start..s.end.min(chars.len())].fill(true);
        }
        let mut truth = vec![false; chars.len()];
        for g in &d.gold {
            if g.kind.is_some() {
                truth[g.start..g.end.min(chars.len())].fill(true);
            }
        }
        if d.pii_free {
            let f = r.free.entry(d.set.clone()).or_default();
            f.spans += spans.len();
            f.chars += chars.len();
            for s in spans {
                let wrong = chars[s.start..s.end.min(chars.len())]
                    .iter()
                    .filter(|c| c.is_alphanumeric())
                    .count();
                f.wrong_chars += wrong;
                *f.wrong_by_kind.entry(s.kind).or_default() += wrong;
                if show_fp {
                    let t: String = chars[s.start..s.end].iter().collect();
                    println!("FP {} {} {:?} in {:?}", d.set, s.kind, t, d.text);
                }
            }
        }
        for g in &d.gold {
            let Some(kind) = g.kind else { continue };
            let t = r.tallies.entry((d.set.clone(), kind)).or_default();
            t.support += 1;
            let leak = (g.start..g.end.min(chars.len()))
                .any(|i| chars[i].is_alphanumeric() && !covered[i]);
            if !leak {
                t.found += 1;
            } else if misses == Some(kind) {
                let t: String = chars[g.start..g.end].iter().collect();
                // what stays readable: the true span with the covered letters blanked
                let left: String = (g.start..g.end)
                    .map(|i| if covered[i] { '_' } else { chars[i] })
                    .collect();
                println!("MISS {} {:?} left {:?} in {:?}", d.set, t, left, d.text);
            }
        }
        for s in spans {
            if show_fp && !d.pii_free {
                let wrong = (s.start..s.end.min(chars.len()))
                    .filter(|&i| chars[i].is_alphanumeric() && !truth[i])
                    .count();
                if wrong > 0 {
                    let t: String = chars[s.start..s.end].iter().collect();
                    println!("WRONG {} {} {:?} in {:?}", d.set, s.kind, t, d.text);
                }
            }
            let t = r.tallies.entry((d.set.clone(), s.kind)).or_default();
            t.pred_spans += 1;
            let o = r.overall.entry(d.set.clone()).or_default();
            for i in s.start..s.end.min(chars.len()) {
                if chars[i].is_alphanumeric() {
                    t.pred_chars += 1;
                    o.0 += 1;
                    if truth[i] {
                        t.pred_true_chars += 1;
                        o.1 += 1;
                    }
                }
            }
        }
    }
    r
}

fn fmt3(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |v| format!("{v:.3}"))
}

fn print_tables(r: &Results) {
    println!("| data set | kind | support | leak-free recall | char precision | detected spans |");
    println!("|---|---|---:|---:|---:|---:|");
    for ((s, kind), t) in &r.tallies {
        println!(
            "| {s} | {kind} | {} | {} | {} | {} |",
            t.support,
            fmt3(r.recall(s, *kind).map(|x| x.0)),
            fmt3(r.precision(s, *kind)),
            t.pred_spans
        );
    }
    println!();
    println!("| data set | overall char precision |");
    println!("|---|---:|");
    for s in r.overall.keys() {
        println!("| {s} | {} |", fmt3(r.overall_precision(s)));
    }
    println!();
    println!(
        "| PII-free texts | characters | false spans | wrongly redacted characters (by kind) | per 2,000 characters |"
    );
    println!("|---|---:|---:|---:|---:|");
    for (s, f) in &r.free {
        let by_kind: Vec<String> = f
            .wrong_by_kind
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let by_kind = if by_kind.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_kind.join(", "))
        };
        println!(
            "| {s} | {} | {} | {}{by_kind} | {} |",
            f.chars,
            f.spans,
            f.wrong_chars,
            fmt3(r.wrong_per_2000(s))
        );
    }
    println!();
}

/// Development and held-out generated sets side by side, per writing and kind.
fn print_side_by_side(r: &Results) {
    println!("Development set (--generated) beside the held-out set (--heldout):");
    println!();
    println!(
        "| writing | kind | dev support | dev recall | held-out support | held-out recall | dev char precision | held-out char precision |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for lang in ["en", "roman", "ur"] {
        let (dev, held) = (format!("dev/{lang}"), format!("heldout/{lang}"));
        for kind in Kind::ALL {
            let (d, h) = (r.recall(&dev, kind), r.recall(&held, kind));
            if d.is_none() && h.is_none() {
                continue;
            }
            let n = |x: Option<(f64, usize)>| x.map_or_else(|| "–".into(), |v| v.1.to_string());
            println!(
                "| {lang} | {kind} | {} | {} | {} | {} | {} | {} |",
                n(d),
                fmt3(d.map(|x| x.0)),
                n(h),
                fmt3(h.map(|x| x.0)),
                fmt3(r.precision(&dev, kind)),
                fmt3(r.precision(&held, kind))
            );
        }
        println!(
            "| {lang} | overall char precision | | | | | {} | {} |",
            fmt3(r.overall_precision(&dev)),
            fmt3(r.overall_precision(&held))
        );
    }
    println!();
}

/// One line per target of issue 17: measured, target, met or missed by how much.
fn check(label: &str, measured: Option<f64>, target: f64, at_least: bool) {
    let Some(v) = measured else {
        println!(
            "| {label} | not measured | {} |  |",
            bound(target, at_least)
        );
        return;
    };
    let verdict = if at_least && v >= target || !at_least && v <= target {
        "met".to_owned()
    } else {
        format!("**missed by {:.3}**", (v - target).abs())
    };
    println!(
        "| {label} | {v:.3} | {} | {verdict} |",
        bound(target, at_least)
    );
}

fn bound(target: f64, at_least: bool) -> String {
    let sign = if at_least { "≥" } else { "≤" };
    if target < 1.0 {
        format!("{sign} {target:.2}")
    } else {
        format!("{sign} {target}")
    }
}

/// Presidio's regex-only analyser on this machine, M chars/s (benches/README.md).
const PRESIDIO_REGEX_M_CHARS: f64 = 0.19;

fn print_targets(r: &Results, mb_per_s: f64, m_chars_per_s: f64) {
    println!("Targets (issue 17):");
    println!();
    println!("| target | measured | target | result |");
    println!("|---|---:|---:|---|");
    let rec = |s: &str, k| r.recall(s, k).map(|x| x.0);
    check(
        "IL-NER dev: name recall",
        rec("il-ner-dev", Kind::Name),
        0.80,
        true,
    );
    check(
        "IL-NER dev: name char precision",
        r.precision("il-ner-dev", Kind::Name),
        0.85,
        true,
    );
    check(
        "presidio: name recall",
        rec("presidio", Kind::Name),
        0.93,
        true,
    );
    for k in [Kind::Phone, Kind::Email, Kind::Url, Kind::Iban] {
        check(
            &format!("presidio: {k} recall"),
            rec("presidio", k),
            0.99,
            true,
        );
    }
    for s in [
        "presidio",
        "il-ner-dev",
        "heldout/en",
        "heldout/roman",
        "heldout/ur",
    ] {
        check(
            &format!("{s}: overall char precision"),
            r.overall_precision(s),
            0.90,
            true,
        );
    }
    for (lang, target) in [("en", 0.95), ("roman", 0.95), ("ur", 0.90)] {
        let s = format!("heldout/{lang}");
        check(
            &format!("{s}: name recall"),
            rec(&s, Kind::Name),
            target,
            true,
        );
    }
    let held = ["heldout/en", "heldout/roman", "heldout/ur"];
    for k in [
        Kind::Phone,
        Kind::Cnic,
        Kind::Email,
        Kind::Url,
        Kind::Handle,
        Kind::Iban,
    ] {
        check(
            &format!("heldout, three writings: {k} recall"),
            r.pooled_recall(&held, k).map(|x| x.0),
            0.99,
            true,
        );
    }
    for s in ["pii-free/en", "pii-free/roman-ur", "pii-free/ur"] {
        check(
            &format!("{s}: wrongly redacted characters per 2,000"),
            r.wrong_per_2000(s),
            2.0,
            false,
        );
    }
    check(
        "detect, MB/s on one core (fastest of ten passes over every text above)",
        Some(mb_per_s),
        20.0,
        true,
    );
    check(
        "detect, times Presidio regex-only (0.19 M chars/s, benches/README.md)",
        Some(m_chars_per_s / PRESIDIO_REGEX_M_CHARS),
        100.0,
        true,
    );
    println!();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut data = root.join("../shared/data/pii-eval");
    let mut pii_free = root.join("benches/pii/pii-free");
    let mut generated: Option<PathBuf> = None;
    let mut heldout: Option<PathBuf> = None;
    let mut misses: Option<Kind> = None;
    let mut false_pos = false;
    let mut rules_only = false;
    let mut model_file: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = PathBuf::from(args.next().expect("--data DIR")),
            "--pii-free" => pii_free = PathBuf::from(args.next().expect("--pii-free DIR")),
            "--generated" => generated = args.next().map(PathBuf::from),
            "--heldout" => heldout = args.next().map(PathBuf::from),
            "--misses" => misses = args.next().and_then(|k| k.parse().ok()),
            "--false-positives" => false_pos = true,
            "--rules-only" => rules_only = true,
            "--model" => model_file = args.next().map(PathBuf::from),
            _ => panic!("unknown argument {a}"),
        }
    }
    let mut docs = load_presidio(&data.join("presidio-research-synth_dataset_v2.json"));
    docs.extend(load_ilner(&data.join("il-ner-urdu-dev.txt")));
    if let Some(g) = &generated {
        docs.extend(load_generated(g, "dev"));
    }
    if let Some(h) = &heldout {
        docs.extend(load_generated(h, "heldout"));
    }
    docs.extend(load_pii_free(&pii_free));
    let redactor = if rules_only {
        Redactor::rules_only()
    } else if let Some(path) = &model_file {
        let bytes = std::fs::read(path).expect("read the --model file");
        let model = NameModel::from_bytes(&bytes).expect("a name-model file");
        Redactor::with_model(Box::leak(Box::new(model)))
    } else {
        Redactor::shared()
    };
    let started = Instant::now();
    let detected: Vec<Vec<Span>> = docs.iter().map(|d| redactor.detect(&d.text)).collect();
    let first = started.elapsed().as_secs_f64();
    // Later passes, with the word lists loaded, are the speed a running server sees; one
    // pass takes a few hundredths of a second, so the fastest of ten is reported.
    let mut second = f64::INFINITY;
    for _ in 0..10 {
        let started = Instant::now();
        let again: usize = docs.iter().map(|d| redactor.detect(&d.text).len()).sum();
        second = second.min(started.elapsed().as_secs_f64());
        assert_eq!(again, detected.iter().map(Vec::len).sum::<usize>());
    }
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let r = measure(&docs, &detected, misses, false_pos);
    print_tables(&r);
    if generated.is_some() || heldout.is_some() {
        print_side_by_side(&r);
    }
    let (mb, mc) = (bytes as f64 / second / 1e6, chars as f64 / second / 1e6);
    print_targets(&r, mb, mc);
    println!(
        "detected {} texts, {chars} characters ({bytes} bytes): first pass {first:.3} s (with the first load of the word lists), fastest later pass {second:.3} s = {mc:.1} M chars/s = {mb:.1} MB/s, one thread",
        docs.len(),
    );
}
