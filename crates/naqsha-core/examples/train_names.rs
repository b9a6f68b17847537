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
//! The model only adds names: every name the rules find is kept. It has three decision
//! offsets, one per kind of word, each the setting of the whole engine that finds the most
//! names on its tuning text (leak-free recall, never below the rules' alone), then the best
//! name character precision; on exact ties the higher, surer offset:
//! - Urdu-script words: every tenth IL-NER train sentence (index % 10 == 9), kept out of
//!   training (`--precision P`: the most names at precision ≥ P; `--offset O` sets it);
//! - capitalised Latin-script words: the presidio part and the stories of `--latin-tune FILE`
//!   (`python3 scripts/name_train_latin.py --tuning`: sentence shapes and people that never
//!   train); `--latin-offset O` sets it;
//! - lower-case Latin-script words: the `--latin-tune` part, where the model may add at most
//!   two wrongly redacted characters per 2,000 to the rules' on its texts without personal
//!   data (without `--latin-tune` it is the capitalised offset); `--lower-offset O` sets it.
//!
//! Every offset must also keep the committed texts without personal data
//! (`data/redaction/pii-free/`) as the rules leave them: the model adds no wrongly
//! redacted character there (the advocacy unit test reads them all).
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
/// wrongly redacted character to the rules' on the advocacy texts (laws, agencies, courts)
/// and at most [`COMMITTED_FALSE_BUDGET`] per 2,000 on all of them; the advocacy unit test
/// wants them all untouched.
struct Committed {
    advocacy: Vec<String>,
    all: Vec<String>,
    base: (f64, f64),
}

/// None: a budget of 1 per 2,000 (half the issue's 2) let the model take "Officials" and
/// "SIM" in the committed news texts, which the advocacy test forbids.
const COMMITTED_FALSE_BUDGET: f64 = 0.0;

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
            stories.push(story(g));
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

/// The offset, among a few, at which the whole engine finds the most names on `tune`
/// (leak-free recall, never below the rules' alone), then the best name precision (with
/// `min_precision`, the most names at that precision or better); on exact ties the higher,
/// surer offset. Settings where the model adds wrongly redacted characters beyond
/// [`Committed::within`] are skipped; if none is left, 16.
fn choose(
    what: &str,
    tune: &[Example],
    committed: &Committed,
    min_precision: Option<f64>,
    model_at: impl Fn(f32) -> NameModel,
) -> f32 {
    let (r0, p0) = measure(&Redactor::rules_only(), tune);
    eprintln!(
        "{what}: rules only: recall {r0:.3}, precision {p0:.3}; false per 2,000: advocacy {:.2}, all {:.2}",
        committed.base.0, committed.base.1
    );
    let mut chosen: Option<(f64, f64, f32)> = None;
    for o_bias in [-4.0f32, -2.0, 0.0, 2.0, 4.0, 8.0, 16.0] {
        let m: &'static NameModel = Box::leak(Box::new(model_at(o_bias)));
        let r = Redactor::with_model(m);
        let (rec, prec) = measure(&r, tune);
        let f = committed.false_names(&r);
        eprintln!(
            "{what}: offset {o_bias:>5}: recall {rec:.3}, precision {prec:.3}; false per 2,000: advocacy {:.2}, all {:.2}",
            f.0, f.1
        );
        if !committed.within(f) {
            continue;
        }
        let better = match (min_precision, chosen) {
            (Some(floor), c) => prec >= floor && c.is_none_or(|(br, ..)| rec >= br),
            (None, c) => {
                rec >= r0 && c.is_none_or(|(br, bp, _)| rec > br || (rec == br && prec >= bp))
            }
        };
        if better {
            chosen = Some((rec, prec, o_bias));
        }
    }
    let o = chosen.map_or(16.0, |c| c.2);
    eprintln!("{what}: chosen offset {o}");
    o
}

/// The stories (not the texts without personal data) of the Latin tuning part.
fn latin_stories(path: &Path) -> Vec<Example> {
    pii_data::generated(path)
        .into_iter()
        .filter(|g| !g.pii_free)
        .map(story)
        .collect()
}

/// A generated text with its name spans (the only kind the tagger learns).
fn story(g: pii_data::Generated) -> Example {
    Example {
        names: spans_of(&g.item, "name"),
        text: g.item.text,
    }
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
    pii_data::generated(path).into_iter().map(story).collect()
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
        hide_urdu_names: 0.7,
        hide_words: 0.0,
    };
    let mut min_precision: Option<f64> = None;
    let mut lower_offset: Option<f32> = None;
    let mut fixed_offset: Option<f32> = None;
    let mut latin_offset: Option<f32> = None;
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
            "--hide-urdu-names" => opts.hide_urdu_names = val().parse().expect("share"),
            "--hide-words" => opts.hide_words = val().parse().expect("share"),
            "--offset" => fixed_offset = Some(val().parse().expect("offset")),
            "--precision" => min_precision = Some(val().parse().expect("precision")),
            "--lower-offset" => lower_offset = Some(val().parse().expect("offset")),
            "--latin-offset" => latin_offset = Some(val().parse().expect("offset")),
            other => panic!("unknown argument {other}"),
        }
    }
    let all = load_ilner(&ilner);
    let (mut train_set, mut urdu_tune) = (Vec::new(), Vec::new());
    for (i, ex) in all.into_iter().enumerate() {
        if i % 10 == 9 {
            urdu_tune.push(ex);
        } else {
            train_set.push(ex);
        }
    }
    let il_train = train_set.len();
    if let Some(g) = &generated {
        train_set.extend(load_generated(g));
    }
    let generated_texts = train_set.len() - il_train;
    let mut latin_tune_set = Vec::new();
    if let Some(p) = &presidio {
        let part = load_presidio_part(p);
        train_set.extend(part.iter().cloned());
        latin_tune_set.extend(part);
    }
    if let Some(path) = &latin_tune {
        latin_tune_set.extend(latin_stories(path));
    }
    eprintln!(
        "training on {} texts ({il_train} IL-NER train sentences, {generated_texts} generated, {} presidio-research); Urdu offset chosen on {} IL-NER train sentences, Latin offsets on {} texts",
        train_set.len(),
        train_set.len() - il_train - generated_texts,
        urdu_tune.len(),
        latin_tune_set.len(),
    );
    let t = Instant::now();
    let model = train(&train_set, &opts);
    eprintln!("trained in {:.1} s", t.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    let with = |urdu: f32, latin: f32, lower: f32| {
        NameModel::from_bytes(&bytes)
            .expect("own bytes")
            .with_o_bias(urdu)
            .with_latin_o_bias(latin)
            .with_lower_o_bias(lower)
            .with_keep_rules(0.0)
    };
    // The model only adds names: every name the rules find stays (keep_rules 0). Letting the
    // model veto the rules' weaker Urdu-script names looked better on the tuning part but
    // lost a quarter of the names on the held-out Urdu set (0.756 -> 0.555 leak-free
    // recall), and a leaked name costs more than a word too many.
    //
    // One offset per script: Urdu-script words on IL-NER train's tenth (the Latin offsets
    // shut while choosing it), then capitalised Latin words on presidio's training quarter
    // and the Latin tuning part (lower-case Latin words shut), then lower-case Latin words.
    const NEVER: f32 = 1.0e6;
    let urdu = fixed_offset.unwrap_or_else(|| {
        choose(
            "Urdu-script words",
            &urdu_tune,
            &Committed::load(&["-ur.txt"]),
            min_precision,
            |o| with(o, NEVER, NEVER),
        )
    });
    let latin = latin_offset.unwrap_or_else(|| {
        choose(
            "capitalised Latin-script words",
            &latin_tune_set,
            &Committed::load(&["-en.txt", "-roman.txt"]),
            None,
            |o| with(urdu, o, NEVER),
        )
    });
    let model = with(urdu, latin, latin);
    let model = match &latin_tune {
        Some(path) => {
            let chosen = choose_latin_offset(&model, path);
            let lower = lower_offset.unwrap_or(chosen);
            eprintln!("chosen for lower-case Latin words: offset {lower}");
            model.with_lower_o_bias(lower)
        }
        None => model,
    };
    eprintln!(
        "offsets: Urdu {}, capitalised Latin {}, lower-case Latin {}",
        model.o_bias(),
        model.latin_o_bias(),
        model.lower_o_bias()
    );
    std::fs::write(&out, model.to_bytes()).expect("write the weights");
    eprintln!("wrote {} ({} bytes)", out.display(), model.to_bytes().len());
}
