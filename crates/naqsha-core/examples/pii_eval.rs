//! Evaluation of the redaction engine.
//!
//! ```text
//! python3 benches/pii/gen_pk.py > /tmp/pk.jsonl
//! cargo run --release -p naqsha-core --example pii_eval -- --generated /tmp/pk.jsonl
//! ```
//!
//! Reads the presidio-research synthetic set and the IL-NER Urdu dev split from
//! `../shared/data/pii-eval/` (override with `--data DIR`) and, if given, a generated
//! Pakistani set. Prints, per data set and kind: support, leak-free recall (every letter
//! and digit of the true span covered by some detected span, of any kind) and character
//! precision (letters and digits of detected spans of that kind that lie inside a true
//! span of a kind we redact); and the false redactions per 2,000 characters on texts
//! without personal data. `--misses KIND` prints the true spans of that kind not covered;
//! `--false-positives` prints what was found in texts without personal data; `--rules-only`
//! leaves out the learned name tagger.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a measuring tool run by hand: a failed step should stop it loudly"
)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use naqsha_core::redaction::{Kind, Redactor, Span};
use serde_json::Value;

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

fn load_presidio(path: &PathBuf) -> Vec<Doc> {
    let raw = std::fs::read_to_string(path).expect("presidio set");
    let items: Vec<Value> = serde_json::from_str(&raw).expect("presidio JSON");
    items
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            let text = it["full_text"].as_str().unwrap_or_default().to_owned();
            let chars: Vec<char> = text.chars().collect();
            let gold: Vec<Gold> = it["spans"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| {
                    let start = s["start_position"].as_u64().unwrap_or(0) as usize;
                    Gold {
                        start,
                        end: s["end_position"].as_u64().unwrap_or(0) as usize,
                        kind: presidio_kind(s["entity_type"].as_str().unwrap_or(""), &chars, start),
                    }
                })
                .collect();
            Doc {
                // a quarter may train the name tagger (train_names --presidio): reported apart
                set: if i % 4 == 0 {
                    "presidio-q0"
                } else {
                    "presidio"
                }
                .into(),
                pii_free: gold.is_empty(),
                text,
                gold,
            }
        })
        .collect()
}

fn load_ilner(path: &PathBuf) -> Vec<Doc> {
    let raw = std::fs::read_to_string(path).expect("IL-NER file");
    let mut docs = Vec::new();
    for block in raw.split("\n\n") {
        let mut text = String::new();
        let mut len = 0usize;
        let mut gold: Vec<Gold> = Vec::new();
        let mut prev: Option<String> = None;
        for line in block.lines() {
            let Some((tok, tag)) = line.split_once('\t') else {
                continue;
            };
            let tag = tag.trim();
            if !text.is_empty() {
                text.push(' ');
                len += 1;
            }
            let start = len;
            text.push_str(tok);
            len += tok.chars().count();
            let ent = tag
                .trim_start_matches("B-")
                .trim_start_matches("I-")
                .trim_start_matches('-');
            if tag == "O" || ent.is_empty() {
                prev = None;
                continue;
            }
            let kind = match ent {
                "NEP" => Some(Kind::Name),
                "NEO" => Some(Kind::Org),
                _ => None,
            };
            let continues = tag.starts_with("I-") && prev.as_deref() == Some(ent);
            match gold.last_mut() {
                Some(g) if continues => g.end = len,
                _ => gold.push(Gold {
                    start,
                    end: len,
                    kind,
                }),
            }
            prev = Some(ent.to_owned());
        }
        if text.is_empty() {
            continue;
        }
        let pii_free = !gold.iter().any(|g| g.kind.is_some());
        docs.push(Doc {
            set: "il-ner-dev".into(),
            text,
            gold,
            pii_free,
        });
    }
    docs
}

fn load_generated(path: &PathBuf) -> Vec<Doc> {
    let raw = std::fs::read_to_string(path).expect("generated set");
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("generated JSON line");
            let gold = v["spans"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| Gold {
                    start: s["start"].as_u64().unwrap_or(0) as usize,
                    end: s["end"].as_u64().unwrap_or(0) as usize,
                    kind: s["kind"].as_str().and_then(|k| k.parse().ok()),
                })
                .collect();
            Doc {
                set: format!("generated/{}", v["lang"].as_str().unwrap_or("?")),
                text: v["text"].as_str().unwrap_or_default().to_owned(),
                gold,
                pii_free: v["pii_free"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/pii-eval");
    let mut generated: Option<PathBuf> = None;
    let mut misses: Option<Kind> = None;
    let mut false_pos = false;
    let mut rules_only = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = PathBuf::from(args.next().expect("--data DIR")),
            "--generated" => generated = args.next().map(PathBuf::from),
            "--misses" => misses = args.next().and_then(|k| k.parse().ok()),
            "--false-positives" => false_pos = true,
            "--rules-only" => rules_only = true,
            _ => panic!("unknown argument {a}"),
        }
    }
    let mut docs = load_presidio(&data.join("presidio-research-synth_dataset_v2.json"));
    docs.extend(load_ilner(&data.join("il-ner-urdu-dev.txt")));
    if let Some(g) = &generated {
        docs.extend(load_generated(g));
    }
    let redactor = if rules_only {
        Redactor::rules_only()
    } else {
        Redactor::shared()
    };
    let mut tallies: BTreeMap<(String, Kind), Tally> = BTreeMap::new();
    let mut overall: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut free: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut chars_total = 0usize;
    let started = Instant::now();
    let mut detected: Vec<Vec<Span>> = Vec::with_capacity(docs.len());
    for d in &docs {
        detected.push(redactor.detect(&d.text));
        chars_total += d.text.chars().count();
    }
    let elapsed = started.elapsed().as_secs_f64();
    for (d, spans) in docs.iter().zip(&detected) {
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
            let e = free.entry(d.set.clone()).or_default();
            e.0 += spans.len();
            e.1 += chars.len();
            if false_pos {
                for s in spans {
                    let t: String = chars[s.start..s.end].iter().collect();
                    println!("FP {} {} {:?} in {:?}", d.set, s.kind, t, d.text);
                }
            }
        }
        for g in &d.gold {
            let Some(kind) = g.kind else { continue };
            let t = tallies.entry((d.set.clone(), kind)).or_default();
            t.support += 1;
            let leak = (g.start..g.end.min(chars.len()))
                .any(|i| chars[i].is_alphanumeric() && !covered[i]);
            if !leak {
                t.found += 1;
            } else if misses == Some(kind) {
                let t: String = chars[g.start..g.end].iter().collect();
                println!("MISS {} {:?} in {:?}", d.set, t, d.text);
            }
        }
        for s in spans {
            if false_pos && !d.pii_free {
                let wrong = (s.start..s.end.min(chars.len()))
                    .filter(|&i| chars[i].is_alphanumeric() && !truth[i])
                    .count();
                if wrong > 0 {
                    let t: String = chars[s.start..s.end].iter().collect();
                    println!("WRONG {} {} {:?} in {:?}", d.set, s.kind, t, d.text);
                }
            }
            let t = tallies.entry((d.set.clone(), s.kind)).or_default();
            t.pred_spans += 1;
            let o = overall.entry(d.set.clone()).or_default();
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
    println!("| data set | kind | support | leak-free recall | char precision | detected spans |");
    println!("|---|---|---:|---:|---:|---:|");
    for ((s, kind), t) in &tallies {
        let recall = if t.support > 0 {
            format!("{:.3}", t.found as f64 / t.support as f64)
        } else {
            "–".into()
        };
        let precision = if t.pred_chars > 0 {
            format!("{:.3}", t.pred_true_chars as f64 / t.pred_chars as f64)
        } else {
            "–".into()
        };
        println!(
            "| {s} | {kind} | {} | {recall} | {precision} | {} |",
            t.support, t.pred_spans
        );
    }
    println!();
    println!("| data set | overall char precision |");
    println!("|---|---:|");
    for (s, (all, good)) in &overall {
        println!("| {s} | {:.3} |", *good as f64 / (*all).max(1) as f64);
    }
    println!();
    println!("| PII-free texts | characters | false redactions | per 2,000 characters |");
    println!("|---|---:|---:|---:|");
    for (s, (n, c)) in &free {
        println!(
            "| {s} | {c} | {n} | {:.3} |",
            *n as f64 * 2000.0 / (*c).max(1) as f64
        );
    }
    println!();
    println!(
        "detected {} texts, {} characters in {:.3} s ({:.1} M chars/s, one thread, including the first load of the word lists)",
        docs.len(),
        chars_total,
        elapsed,
        chars_total as f64 / elapsed / 1e6
    );
}
