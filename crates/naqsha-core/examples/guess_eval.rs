//! How well [`naqsha_core::script::guess_language`] tells Sindhi, Pashto and Punjabi from Urdu:
//! the language an SMS, WhatsApp, Telegram or e-mail report is stored and answered in.
//!
//! ```text
//! python3 benches/languages/guess_eval.py | cargo run --release -p naqsha-core --example guess_eval
//! ```
//!
//! Reads lines `set<TAB>expected<TAB>text` from standard input and prints, per set, how many
//! texts of each expected language were guessed as each language, and the share guessed right.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a measuring tool run by hand: a failed step should stop it loudly"
)]

use std::collections::BTreeMap;
use std::io::BufRead;

use naqsha_core::script::guess_language;

const LANGS: [&str; 5] = ["ur", "sd", "ps", "pa", "none"];

fn main() {
    // set → expected → guessed → count
    let mut counts: BTreeMap<String, BTreeMap<String, BTreeMap<&str, usize>>> = BTreeMap::new();
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("standard input");
        let mut fields = line.splitn(3, '\t');
        let (Some(set), Some(expected), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let guessed = guess_language(text).unwrap_or("none");
        *counts
            .entry(set.to_owned())
            .or_default()
            .entry(expected.to_owned())
            .or_default()
            .entry(guessed)
            .or_default() += 1;
        if guessed != expected {
            let examples = wrong
                .entry(format!("{set} {expected}→{guessed}"))
                .or_default();
            if examples.len() < 3 {
                examples.push(text.chars().take(90).collect());
            }
        }
    }
    for (set, by_expected) in &counts {
        println!("\n{set}");
        println!("| expected | texts | {} | right |", LANGS.join(" | "));
        println!("|---|---:|{}---:|", "---:|".repeat(LANGS.len()));
        for (expected, guessed) in by_expected {
            let total: usize = guessed.values().sum();
            let cells: Vec<String> = LANGS
                .iter()
                .map(|l| guessed.get(l).copied().unwrap_or(0).to_string())
                .collect();
            let right = guessed.get(expected.as_str()).copied().unwrap_or(0);
            println!(
                "| {expected} | {total} | {} | {:.1} % |",
                cells.join(" | "),
                100.0 * right as f64 / total.max(1) as f64
            );
        }
    }
    if std::env::args().any(|a| a == "--wrong") {
        for (what, examples) in wrong {
            println!("\n{what}");
            for e in examples {
                println!("  {e}");
            }
        }
    }
}
