//! The labelled data `pii_eval` measures on and `train_names` trains on, read once here so
//! the two agree on what a span is and on which presidio-research items may train the name
//! tagger (the rest is evaluation only). Spans are in characters of the text.

use std::path::Path;

use serde_json::Value;

/// A labelled span: IL-NER's entity (`NEP`, `NEO`, …), presidio's `entity_type`, or the
/// generated sets' `kind`.
pub struct Labelled {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// A text and its labelled spans.
pub struct Item {
    pub text: String,
    pub spans: Vec<Labelled>,
}

/// A line of a generated set (`gen_pk.py`, `gen_heldout.py`, `gen_name_train.py`).
pub struct Generated {
    pub item: Item,
    pub lang: String,
    pub pii_free: bool,
}

/// Whether presidio-research item `i` may train the name tagger; `pii_eval` reports those
/// items apart as `presidio-q0`.
pub fn presidio_trains(i: usize) -> bool {
    i.is_multiple_of(4)
}

/// IL-NER sentences (one token and its tag a line, a blank line between sentences), tokens
/// joined by spaces; a `B-X` and the `I-X` after it are one span labelled `X`.
pub fn ilner(path: &Path) -> Vec<Item> {
    let raw = std::fs::read_to_string(path).expect("IL-NER file");
    let mut out = Vec::new();
    for block in raw.split("\n\n") {
        let mut text = String::new();
        let mut len = 0usize;
        let mut spans: Vec<Labelled> = Vec::new();
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
            let continues = tag.starts_with("I-") && prev.as_deref() == Some(ent);
            match spans.last_mut() {
                Some(s) if continues => s.end = len,
                _ => spans.push(Labelled {
                    start,
                    end: len,
                    label: ent.to_owned(),
                }),
            }
            prev = Some(ent.to_owned());
        }
        if !text.is_empty() {
            out.push(Item { text, spans });
        }
    }
    out
}

/// The presidio-research synthetic set, in its order (see [`presidio_trains`]).
pub fn presidio(path: &Path) -> Vec<Item> {
    let raw = std::fs::read_to_string(path).expect("presidio-research set");
    let items: Vec<Value> = serde_json::from_str(&raw).expect("presidio JSON");
    items
        .iter()
        .map(|it| Item {
            text: it["full_text"].as_str().unwrap_or_default().to_owned(),
            spans: it["spans"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| Labelled {
                    start: s["start_position"].as_u64().unwrap_or(0) as usize,
                    end: s["end_position"].as_u64().unwrap_or(0) as usize,
                    label: s["entity_type"].as_str().unwrap_or("").to_owned(),
                })
                .collect(),
        })
        .collect()
}

/// A generated set, one JSON object a line.
pub fn generated(path: &Path) -> Vec<Generated> {
    let raw = std::fs::read_to_string(path).expect("generated set");
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("generated JSON line");
            Generated {
                item: Item {
                    text: v["text"].as_str().unwrap_or_default().to_owned(),
                    spans: v["spans"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|s| Labelled {
                            start: s["start"].as_u64().unwrap_or(0) as usize,
                            end: s["end"].as_u64().unwrap_or(0) as usize,
                            label: s["kind"].as_str().unwrap_or("").to_owned(),
                        })
                        .collect(),
                },
                lang: v["lang"].as_str().unwrap_or("?").to_owned(),
                pii_free: v["pii_free"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}
