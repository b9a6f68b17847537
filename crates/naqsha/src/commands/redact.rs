//! `naqsha redact`: find and replace personal data in UTF-8 text read from standard input.
//! Needs no database, data directory or keys: everything it uses is compiled in.

use std::io::{BufRead, BufWriter, Write};

use anyhow::Context;
use clap::ValueEnum;
use naqsha_core::redaction::{PlaceholderStyle, RedactOptions, Redacted, Redactor, Span};
use serde::{Deserialize, Serialize};

/// Output form of `naqsha redact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The redacted text.
    Text,
    /// `{"redacted": "...", "spans": [...]}`.
    Json,
    /// One `{"id": ..., "text": "..."}` object per input line, one
    /// `{"id": ..., "redacted": "...", "spans": [...]}` per output line.
    Jsonl,
}

/// What to redact and how.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Output form.
    pub format: Format,
    /// "Person A" instead of `[NAME]`.
    pub pseudonyms: bool,
    /// Leave spans scoring below this in the text.
    pub min_score: f32,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    redacted: &'a str,
    spans: &'a [Span],
}

#[derive(Deserialize)]
struct LineIn {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct LineOut<'a> {
    id: &'a serde_json::Value,
    redacted: &'a str,
    spans: &'a [Span],
}

/// Runs the command on standard input and output.
pub fn run(settings: Settings) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    process(settings, stdin.lock(), &mut out)?;
    out.flush().context("cannot write to standard output")
}

/// Reads from `input`, writes to `output`. Jsonl is processed line by line, in constant
/// memory.
pub fn process(
    settings: Settings,
    mut input: impl BufRead,
    output: &mut impl Write,
) -> anyhow::Result<()> {
    let redactor = Redactor::shared();
    let options = RedactOptions {
        style: if settings.pseudonyms {
            PlaceholderStyle::Pseudonym
        } else {
            PlaceholderStyle::Typed
        },
        lang: None,
        min_score: settings.min_score,
    };
    match settings.format {
        Format::Text | Format::Json => {
            let mut text = String::new();
            input
                .read_to_string(&mut text)
                .context("standard input is not UTF-8 text")?;
            let Redacted {
                text: redacted,
                spans,
            } = redactor.redact(&text, &options);
            if settings.format == Format::Text {
                output.write_all(redacted.as_bytes())?;
            } else {
                serde_json::to_writer(
                    &mut *output,
                    &JsonOut {
                        redacted: &redacted,
                        spans: &spans,
                    },
                )?;
                output.write_all(b"\n")?;
            }
        }
        Format::Jsonl => {
            let mut line = String::new();
            let mut number = 0usize;
            loop {
                line.clear();
                let n = input
                    .read_line(&mut line)
                    .with_context(|| format!("line {}: not UTF-8", number + 1))?;
                if n == 0 {
                    break;
                }
                number += 1;
                if line.trim().is_empty() {
                    continue;
                }
                let item: LineIn = serde_json::from_str(&line).with_context(|| {
                    format!("line {number}: expected {{\"id\": …, \"text\": \"…\"}}")
                })?;
                let r = redactor.redact(&item.text, &options);
                serde_json::to_writer(
                    &mut *output,
                    &LineOut {
                        id: &item.id,
                        redacted: &r.text,
                        spans: &r.spans,
                    },
                )?;
                output.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(format: Format, input: &str) -> String {
        let mut out = Vec::new();
        let settings = Settings {
            format,
            pseudonyms: false,
            min_score: 0.0,
        };
        process(settings, input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_prints_the_redacted_text() {
        assert_eq!(
            run_on(Format::Text, "call 0300-1234567 now"),
            "call [PHONE] now"
        );
    }

    #[test]
    fn json_prints_text_and_spans() {
        let v: serde_json::Value =
            serde_json::from_str(&run_on(Format::Json, "call 0300-1234567 now")).unwrap();
        assert_eq!(v["redacted"], "call [PHONE] now");
        assert_eq!(v["spans"][0]["start"], 5);
        assert_eq!(v["spans"][0]["end"], 17);
        assert_eq!(v["spans"][0]["kind"], "phone");
    }

    #[test]
    fn jsonl_answers_each_line_with_its_id() {
        let out = run_on(
            Format::Jsonl,
            "{\"id\": 7, \"text\": \"mera naam Ayesha hai\"}\n{\"id\": \"b\", \"text\": \"no data\"}\n",
        );
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], 7);
        assert_eq!(lines[0]["redacted"], "mera naam [NAME] hai");
        assert_eq!(lines[1]["id"], "b");
        assert_eq!(lines[1]["spans"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn jsonl_rejects_a_line_without_text() {
        let settings = Settings {
            format: Format::Jsonl,
            pseudonyms: false,
            min_score: 0.0,
        };
        let err = process(settings, "{\"id\": 1}\n".as_bytes(), &mut Vec::new()).unwrap_err();
        assert!(format!("{err:#}").contains("line 1"));
    }
}
