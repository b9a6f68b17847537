#!/usr/bin/env python3
"""Texts for `cargo run --release -p naqsha-core --example guess_eval`, one per line:
set<TAB>expected language<TAB>text.

- `il-ner-ur`: every sentence of the IL-NER Urdu news corpus (train and dev; real text
  written by others, from ../shared/data/pii-eval/, override with --data). Every one should
  stay Urdu: a Sindhi, Pashto or Punjabi guess would answer an Urdu SMS in another language.
- `catalog`: every message of Naqsha's own Urdu, Sindhi, Pashto and Punjabi catalogs
  (crates/naqsha/i18n/<code>/**/*.ftl) of at least --min-words words, variables and
  selectors removed. The Sindhi, Pashto and Punjabi ones are drafts that still need a native
  speaker's review, written by this project: evidence that the guesser reads what a
  translated page says, weaker than text written by native speakers.
"""
import argparse
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def il_ner(data):
    for name in ("il-ner-urdu-train.txt", "il-ner-urdu-dev.txt"):
        words = []
        with open(os.path.join(data, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    if words:
                        yield " ".join(words)
                    words = []
                    continue
                words.append(line.split("\t")[0])
        if words:
            yield " ".join(words)


def messages(code):
    for path in sorted(glob.glob(os.path.join(REPO, "crates/naqsha/i18n", code, "**/*.ftl"), recursive=True)):
        text = open(path, encoding="utf-8").read()
        # A message is its first line and the indented lines that follow.
        for m in re.finditer(r"^[a-zA-Z][\w-]*\s*=(.*(?:\n[ \t]+.*)*)", text, re.M):
            body = m.group(1)
            body = re.sub(r"\{[^{}]*\}", " ", body)  # placeables
            body = re.sub(r"\[[a-z]+\]|\*\[[a-z]+\]|->", " ", body)  # selector variants
            yield " ".join(body.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data", "pii-eval"))
    ap.add_argument("--min-words", type=int, default=4)
    args = ap.parse_args()
    out = sys.stdout
    for sentence in il_ner(args.data):
        out.write(f"il-ner-ur\tur\t{sentence}\n")
    for code in ("ur", "sd", "ps", "pa"):
        for message in messages(code):
            if len(re.findall(r"[\u0600-\u06ff\u0750-\u077f]+", message)) >= args.min_words:
                out.write(f"catalog\t{code}\t{message}\n")


if __name__ == "__main__":
    main()
