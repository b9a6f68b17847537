#!/usr/bin/env python3
"""Builds `urdu_receipt_words.txt`: 7,776 common Urdu words for the second word form of a
receipt (see README.md in this folder and crates/naqsha/src/intake/receipt.rs).

Source: the Urdu word frequencies of the PyPI package wordfreq 3.1.1 (data CC BY-SA 4.0).
Run it inside a virtual environment with that exact version installed:

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python data/wordlists/make_urdu_wordlist.py > data/wordlists/urdu_receipt_words.txt

The output is deterministic for a given wordfreq version and exclusion file. Changing it
changes which word stands for which receipt index: receipts already issued keep working in
their English and digits forms, but their Urdu words change, so do not rebuild it lightly.

Filters, in order (a word is kept only if it passes all of them):
  * does not begin with a letter that only ends or joins words (ء ئ ں ھ ے ۓ);
  * only Urdu letters (no digits, Latin, punctuation, or the Arabic-only forms ي ك ه ة ى,
    which mark Arabic rather than Urdu spellings);
  * 2 to 7 letters after folding (see `fold`);
  * not in `urdu_exclude.txt` (violence, sex, religion, politics, abuse, names of people,
    places, parties and brands, run-together words, words a reviewer did not recognise);
  * not two very common words run together without a space (`کیاتھا`, `اسنے`);
  * no earlier (more frequent) word folds to the same form, so that typed variants of
    letters never make two list words the same.
The 7,776 most frequent survivors are sorted in Urdu alphabetical order and numbered with
the dice numbers 11111..66666, like the EFF list they stand beside.
"""

import sys
import unicodedata
from pathlib import Path

import wordfreq

HERE = Path(__file__).resolve().parent
WANTED = 7776
DICE = 5

# The letters of the Urdu alphabet (and hamza forms) that a list word may be written with.
URDU_LETTERS = set(
    "ءآأؤإئابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھۂۃیےۓ"
)

# Receipt folding: must match `fold_char` in crates/naqsha/src/intake/receipt.rs.
FOLD = {
    "ي": "ی", "ى": "ی", "ۍ": "ی", "ئ": "ی",
    "ك": "ک", "ڪ": "ک",
    "ه": "ہ", "ة": "ہ", "ۀ": "ہ", "ۂ": "ہ", "ۃ": "ہ", "ھ": "ہ",
    "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا",
    "ؤ": "و",
    "ۓ": "ے",
}


def is_dropped(c):
    """Vowel marks, tatweel and invisible characters: dropped by the folding."""
    o = ord(c)
    return (
        0x064B <= o <= 0x065F
        or o == 0x0670
        or o == 0x0640
        or 0x06D6 <= o <= 0x06ED
        or 0x200B <= o <= 0x200F
        or o in (0x00AD, 0x061C, 0xFEFF)
    )


def fold(word):
    """The form two spellings of a receipt word share."""
    word = unicodedata.normalize("NFC", word)
    return "".join(FOLD.get(c, c) for c in word if not is_dropped(c))


# Urdu alphabetical order, for sorting the final list.
ORDER = "اآبپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے"
RANK = {c: i for i, c in enumerate(ORDER)}


def sort_key(word):
    return [RANK.get(c, len(ORDER) + ord(c)) for c in fold(word)]


def dice_of(index):
    digits = []
    for _ in range(DICE):
        digits.append(str(1 + index % 6))
        index //= 6
    return "".join(reversed(digits))


def load_exclusions():
    words = set()
    for line in (HERE / "urdu_exclude.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        for w in line.split():
            words.add(fold(w))
    return words


def main():
    ranked = wordfreq.top_n_list("ur", 40000)
    excluded = load_exclusions()
    # Very common words (particles, pronouns, verbs "to be"): a candidate made of two of
    # these, or of one of these and another frequent word, is text that lost a space.
    common = {fold(w) for w in ranked[:80]}
    frequent = {fold(w) for w in ranked[:5000]}

    def run_together(f):
        for i in range(2, len(f) - 1):
            a, b = f[:i], f[i:]
            if (a in common and b in frequent) or (b in common and a in frequent):
                return True
        return False

    seen = set()
    kept = []
    for word in ranked:
        word = unicodedata.normalize("NFC", word)
        if not word or any(c not in URDU_LETTERS for c in word):
            continue
        # a word cannot begin with these: such entries are broken-off endings (ئیں, ے)
        if word[0] in "ءئںھےۓ":
            continue
        f = fold(word)
        if not 2 <= len(f) <= 7 or f in seen:
            seen.add(f)
            continue
        seen.add(f)
        if f in excluded or run_together(f):
            continue
        kept.append(word)
        if len(kept) == WANTED:
            break
    if len(kept) != WANTED:
        sys.exit(f"only {len(kept)} words survive the filters")
    kept.sort(key=sort_key)
    for i, word in enumerate(kept):
        sys.stdout.write(f"{dice_of(i)}\t{word}\n")


if __name__ == "__main__":
    main()
