//! Trains the name tagger of the redaction engine and writes its weights.
//!
//! ```text
//! python3 scripts/gen_name_train.py --seed 1017 > /tmp/name-train.jsonl
//! cargo run --release -p naqsha-core --example train_names -- --generated /tmp/name-train.jsonl \
//!     --presidio ../shared/data/pii-eval/presidio-research-synth_dataset_v2.json
//! ```
//!
//! Data: the IL-NER Urdu **train** split (`../shared/data/pii-eval/il-ner-urdu-train.txt`,
//! CC BY 4.0), generated stories whose people come from the shipped gazetteers only, and
//! with `--presidio FILE` the presidio-research items whose index % 4 == 0 (MIT; `pii_eval`
//! reports those apart as `presidio-q0`, and only the rest counts as evaluation).
//! Every tenth IL-NER train sentence (index % 10 == 9) is kept out of training and used,
//! with the presidio part when given, to choose the decision offset: the setting of the whole engine that finds the most names
//! there (leak-free recall, never below the rules' alone), then the best name character
//! precision among those; with `--precision P`, the best recall at precision ≥ P instead.
//! The model only adds names: every name the rules find is kept.
//! With `--latin-tune FILE` (`python3 scripts/name_train_latin.py --tuning`: sentence shapes
//! and people that never train), lower-case Latin-script words get their own decision
//! offset, chosen there: the most names found while the model adds to the rules' at most
//! two wrongly redacted characters per 2,000 on its texts without personal data. Without it
//! they share the first offset; `--lower-offset X` sets it by hand (to try a setting).
//! Both offsets must also keep the committed texts without personal data
//! (`data/redaction/pii-free/`): the model adds no wrongly redacted character to the
//! rules' on the advocacy texts (laws, agencies, courts) and at most one per 2,000 on all.
//! The IL-NER dev split is not read. Writes `data/redaction/name-model.bin`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a tool run by hand: a failed step should stop it loudly"
)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use naqsha_core::redaction::model::{Example, NameModel, TrainOptions, train};
use naqsha_core::redaction::{Kind, Redactor, Span};

#[path = "common/pii_data.rs"]
#[allow(
    dead_code,
    reason = "training reads the texts and spans, not a line's language"
)]
mod pii_data;

/// The spans labelled `label`, as (start, end).
fn spans_of(item: &pii_data::Item, label: &str) -> Vec<(usize, usize)> {
    item.spans
        .iter()
        .filter(|s| s.label == label)
        .map(|s| (s.start, s.end))
        .collect()
}

/// Wrongly redacted name characters per 2,000 characters of texts without personal data,
/// as `pii_eval` counts them (letters and digits inside a detected name).
fn false_names_per_2000(r: &Redactor, texts: &[String]) -> f64 {
    let (mut chars, mut wrong) = (0usize, 0usize);
    for text in texts {
        let cs: Vec<char> = text.chars().collect();
        chars += cs.len();
        let names: Vec<Span> = r
            .detect(text)
            .into_iter()
            .filter(|s| s.kind == Kind::Name)
            .collect();
        wrong += cs
            .iter()
            .enumerate()
            .filter(|&(i, c)| {
                c.is_alphanumeric() && names.iter().any(|s| s.start <= i && i < s.end)
            })
            .count();
    }
    wrong as f64 * 2000.0 / chars.max(1) as f64
}

/// The texts without personal data of `data/redaction/pii-free/` (one per line) whose file
/// names start with `prefix` and end with one of `endings`.
fn pii_free_texts(prefix: &str, endings: &[&str]) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("data/redaction/pii-free")
        .expect("data/redaction/pii-free (run from the repository root)")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(prefix) && endings.iter().any(|e| name.ends_with(e))
        })
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|file| {
            let raw =
                std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            raw.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The committed texts without personal data as (advocacy, all): the model may add no
/// wrongly redacted character to the rules' on the advocacy texts (laws, agencies, courts:
/// a unit test wants them untouched) and at most [`COMMITTED_FALSE_BUDGET`] per 2,000 on all.
struct Committed {
    advocacy: Vec<String>,
    all: Vec<String>,
    base: (f64, f64),
}

/// Half the issue's budget of 2 per 2,000; the rest is the rules'.
const COMMITTED_FALSE_BUDGET: f64 = 1.0;

impl Committed {
    fn load(endings: &[&str]) -> Committed {
        let mut c = Committed {
            advocacy: pii_free_texts("advocacy-", endings),
            all: pii_free_texts("", endings),
            base: (0.0, 0.0),
        };
        c.base = c.false_names(&Redactor::rules_only());
        c
    }

    /// Wrongly redacted characters per 2,000: (advocacy, all).
    fn false_names(&self, r: &Redactor) -> (f64, f64) {
        (
            false_names_per_2000(r, &self.advocacy),
            false_names_per_2000(r, &self.all),
        )
    }

    fn within(&self, (adv, all): (f64, f64)) -> bool {
        adv <= self.base.0 && all <= self.base.1 + COMMITTED_FALSE_BUDGET
    }
}

/// Wrongly redacted characters per 2,000 the tagger may add to the rules' on the Latin
/// tuning part's texts without personal data: the issue's whole budget.
const LATIN_FALSE_BUDGET: f64 = 2.0;

/// The decision offset for lower-case Latin-script words, chosen on generated tuning text:
/// the most names found, as long as the model adds to the rules' no wrongly redacted
/// character on the committed texts without personal data (`data/redaction/pii-free/*-en.txt`
/// and `*-roman.txt`, which the advocacy test reads) and at most [`LATIN_FALSE_BUDGET`] per 2,000
/// on the tuning part's texts without personal data.
fn choose_latin_offset(model: &NameModel, path: &Path) -> f32 {
    let committed = Committed::load(&["-en.txt", "-roman.txt"]);
    let (mut stories, mut clean) = (Vec::new(), Vec::new());
    for g in pii_data::generated(path) {
        if g.pii_free {
            clean.push(g.item.text);
        } else {
            stories.push(Example {
                names: spans_of(&g.item, "name"),
                text: g.item.text,
            });
        }
    }
    let rules = Redactor::rules_only();
    let (r0, p0) = measure(&rules, &stories);
    let f0 = false_names_per_2000(&rules, &clean);
    eprintln!(
        "Latin tuning part, rules only: recall {r0:.3}, precision {p0:.3}, {f0:.2} false per 2,000"
    );
    // (offset, recall, false per 2,000 on the tuning texts, on the advocacy texts)
    let settings: Vec<(f32, f64, f64, (f64, f64))> = [-4.0f32, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0]
        .into_iter()
        .map(|o_bias| {
            let m = NameModel::from_bytes(&model.to_bytes())
                .expect("own bytes")
                .with_lower_o_bias(o_bias);
            let leaked: &'static NameModel = Box::leak(Box::new(m));
            let r = Redactor::with_model(leaked);
            let (rec, prec) = measure(&r, &stories);
            let f = false_names_per_2000(&r, &clean);
            let a = committed.false_names(&r);
            eprintln!(
                "lower-case offset {o_bias:>5}: recall {rec:.3}, precision {prec:.3}, {f:.2} false per 2,000 ({:.2} on the advocacy texts, {:.2} on all of data/redaction/pii-free)",
                a.0, a.1
            );
            (o_bias, rec, f, a)
        })
        .collect();
    settings
        .iter()
        .filter(|&&(_, _, f, a)| f <= f0 + LATIN_FALSE_BUDGET && committed.within(a))
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.total_cmp(&x.0)))
        .map_or(24.0, |s| s.0)
}

/// IL-NER sentences with their person spans.
fn load_ilner(path: &Path) -> Vec<Example> {
    pii_data::ilner(path)
        .into_iter()
        .map(|it| Example {
            names: spans_of(&it, "NEP"),
            text: it.text,
        })
        .collect()
}

/// Generated stories: only the name spans are used.
fn load_generated(path: &Path) -> Vec<Example> {
    pii_data::generated(path)
        .into_iter()
        .map(|g| Example {
            names: spans_of(&g.item, "name"),
            text: g.item.text,
        })
        .collect()
}

/// The presidio-research items that may train the tagger (the rest is evaluation only).
fn load_presidio_part(path: &Path) -> Vec<Example> {
    pii_data::presidio(path)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| pii_data::presidio_trains(*i))
        .map(|(_, it)| Example {
            names: spans_of(&it, "PERSON"),
            text: it.text,
        })
        .collect()
}

/// Leak-free recall and character precision of the engine's names on `set`.
fn measure(r: &Redactor, set: &[Example]) -> (f64, f64) {
    measure_spans(set, |text| {
        r.detect(text)
            .into_iter()
            .map(|s| (s.start, s.end, s.kind))
            .collect()
    })
}

fn measure_spans(set: &[Example], find: impl Fn(&str) -> Vec<(usize, usize, Kind)>) -> (f64, f64) {
    let (mut support, mut found, mut pred, mut pred_true) = (0usize, 0usize, 0usize, 0usize);
    for ex in set {
        let chars: Vec<char> = ex.text.chars().collect();
        let spans: Vec<Span> = find(&ex.text)
            .into_iter()
            .map(|(start, end, kind)| Span {
                start,
                end,
                kind,
                score: 1.0,
            })
            .collect();
        let covered = |i: usize| spans.iter().any(|s| s.start <= i && i < s.end);
        for &(s, e) in &ex.names {
            support += 1;
            if (s..e).all(|i| !chars[i].is_alphanumeric() || covered(i)) {
                found += 1;
            }
        }
        for s in spans.iter().filter(|s| s.kind == Kind::Name) {
            for (i, c) in chars.iter().enumerate().take(s.end).skip(s.start) {
                if c.is_alphanumeric() {
                    pred += 1;
                    if ex.names.iter().any(|&(a, b)| a <= i && i < b) {
                        pred_true += 1;
                    }
                }
            }
        }
    }
    (
        found as f64 / support.max(1) as f64,
        pred_true as f64 / pred.max(1) as f64,
    )
}

fn main() {
    let mut ilner = PathBuf::from("../shared/data/pii-eval/il-ner-urdu-train.txt");
    let mut generated: Option<PathBuf> = None;
    let mut presidio: Option<PathBuf> = None;
    let mut latin_tune: Option<PathBuf> = None;
    let mut out = PathBuf::from("data/redaction/name-model.bin");
    let mut opts = TrainOptions {
        epochs: 6,
        seed: 17,
        hide_names: 0.3,
        hide_words: 0.0,
    };
    let mut min_precision: Option<f64> = None;
    let mut lower_offset: Option<f32> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().expect("a value after the flag");
        match a.as_str() {
            "--ilner" => ilner = val().into(),
            "--generated" => generated = Some(val().into()),
            "--presidio" => presidio = Some(val().into()),
            "--latin-tune" => latin_tune = Some(val().into()),
            "--out" => out = val().into(),
            "--epochs" => opts.epochs = val().parse().expect("epochs"),
            "--seed" => opts.seed = val().parse().expect("seed"),
            "--hide-names" => opts.hide_names = val().parse().expect("share"),
            "--hide-words" => opts.hide_words = val().parse().expect("share"),
            "--precision" => min_precision = Some(val().parse().expect("precision")),
            "--lower-offset" => lower_offset = Some(val().parse().expect("offset")),
            other => panic!("unknown argument {other}"),
        }
    }
    let all = load_ilner(&ilner);
    let (mut train_set, mut tune) = (Vec::new(), Vec::new());
    for (i, ex) in all.into_iter().enumerate() {
        if i % 10 == 9 {
            tune.push(ex);
        } else {
            train_set.push(ex);
        }
    }
    let il_train = train_set.len();
    if let Some(g) = &generated {
        train_set.extend(load_generated(g));
    }
    let generated_texts = train_set.len() - il_train;
    if let Some(p) = &presidio {
        train_set.extend(load_presidio_part(p));
        // The IL-NER tenth alone (about 90 names, Urdu only) ties over most offsets once
        // the rules' false names are few, and its tie-break on precision then chose the
        // highest offset, which lost a tenth of presidio's English names; the presidio
        // part (which also trains) joins the choice so English recall counts too.
        tune.extend(load_presidio_part(p));
    }
    eprintln!(
        "training on {} texts ({il_train} IL-NER train sentences, {generated_texts} generated, {} presidio-research); choosing the offset on {} texts (IL-NER train's tenth and the presidio part)",
        train_set.len(),
        train_set.len() - il_train - generated_texts,
        tune.len()
    );
    let t = Instant::now();
    let model = train(&train_set, &opts);
    eprintln!("trained in {:.1} s", t.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    let (r0, p0) = measure(&Redactor::rules_only(), &tune);
    // the committed texts without personal data, in the three writings: the model may add
    // no wrongly redacted character there (lower-case Latin words, which the second offset
    // governs, are left out of this choice)
    let committed = Committed::load(&[".txt"]);
    let f0 = committed.base;
    eprintln!(
        "rules only on the tuning part: recall {r0:.3}, precision {p0:.3}; false per 2,000 on the advocacy texts {:.2}, on all of data/redaction/pii-free {:.2}",
        f0.0, f0.1
    );
    // (recall, precision, offset, floor); on exact ties the later, surer setting wins (the
    // same names on the tuning part, fewer words taken on other text)
    let mut chosen: Option<(f64, f64, f32, f32)> = None;
    // The model only adds names: every name the rules find stays (keep_rules 0). Letting the
    // model veto the rules' weaker Urdu-script names looked better on the tuning part but
    // lost a quarter of the names on the held-out Urdu set (0.756 -> 0.555 leak-free
    // recall), and a leaked name costs more than a word too many.
    for keep_rules in [0.0f32] {
        for o_bias in [-4.0f32, -2.0, 0.0, 2.0, 4.0, 8.0, 16.0] {
            let m = NameModel::from_bytes(&bytes)
                .expect("own bytes")
                .with_o_bias(o_bias)
                .with_keep_rules(keep_rules);
            let upper_only = NameModel::from_bytes(&m.to_bytes())
                .expect("own bytes")
                .with_lower_o_bias(1.0e6);
            let f = committed.false_names(&Redactor::with_model(Box::leak(Box::new(upper_only))));
            let leaked: &'static NameModel = Box::leak(Box::new(m));
            let (r, p) = measure(&Redactor::with_model(leaked), &tune);
            eprintln!(
                "keep rules' names from {keep_rules:.2}, offset {o_bias:>5}: recall {r:.3}, precision {p:.3}, false per 2,000 {:.2} / {:.2}",
                f.0, f.1
            );
            if !committed.within(f) {
                continue;
            }
            let better = match (min_precision, chosen) {
                (Some(floor), c) => p >= floor && c.is_none_or(|(br, ..)| r > br),
                // most names found, then the best precision among those
                (None, c) => r >= r0 && c.is_none_or(|(br, bp, ..)| r > br || (r == br && p >= bp)),
            };
            if better {
                chosen = Some((r, p, o_bias, keep_rules));
            }
        }
    }
    // nothing qualifies: the rules' names all stay and the model adds only its surest
    let (_, _, o_bias, keep_rules) = chosen.unwrap_or((0.0, 0.0, 16.0, 0.0));
    eprintln!("chosen: keep rules' names from {keep_rules}, offset {o_bias}");
    let model = NameModel::from_bytes(&bytes)
        .expect("own bytes")
        .with_o_bias(o_bias)
        .with_lower_o_bias(o_bias)
        .with_keep_rules(keep_rules);
    let model = match &latin_tune {
        Some(path) => {
            let chosen = choose_latin_offset(&model, path);
            let latin = lower_offset.unwrap_or(chosen);
            eprintln!("chosen for lower-case Latin words: offset {latin}");
            model.with_lower_o_bias(latin)
        }
        None => model,
    };
    std::fs::write(&out, model.to_bytes()).expect("write the weights");
    eprintln!("wrote {} ({} bytes)", out.display(), model.to_bytes().len());
}
