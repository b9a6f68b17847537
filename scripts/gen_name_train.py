#!/usr/bin/env python3
"""Training stories for the name tagger (crates/naqsha-core/src/redaction/model/).

The story templates of benches/pii/gen_pk.py with other people in them: names drawn from
the gazetteers the engine ships (data/names/given-latin.txt, family-latin.txt,
intl-latin.txt, urdu.txt), never from data/names/heldout/, which the evaluation draws from.
A tenth of the English and Roman-Urdu stories have their names lowercased, as people type.
Then English and Roman-Urdu text in many more sentence shapes, with negative text, from
scripts/name_train_latin.py (its training templates only, the same shipped people).
Same JSON lines as gen_pk.py. The seed must differ from the evaluation seed (7).
With --urdu N, N more Urdu-script texts of many sentence shapes from
scripts/name_train_urdu.py (its training templates and shipped people only).

Usage: python3 scripts/gen_name_train.py [--seed 1017] [--stories 600] [--latin 1200] > train.jsonl
"""
import argparse
import importlib.util
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("gen_pk", os.path.join(ROOT, "benches", "pii", "gen_pk.py"))
gen_pk = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_pk)
spec = importlib.util.spec_from_file_location("name_train_latin", os.path.join(ROOT, "scripts", "name_train_latin.py"))
name_train_latin = importlib.util.module_from_spec(spec)
spec.loader.exec_module(name_train_latin)
import name_train_urdu  # noqa: E402  (beside this script)


def names(*parts):
    with open(os.path.join(ROOT, "data", "names", *parts), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


HELD = {n for f in ("given-latin.txt", "family-latin.txt", "given-urdu.txt", "family-urdu.txt")
        for n in names("heldout", f)}


def shipped(f):
    return sorted({n for n in names(f) if n not in HELD and " " not in n})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1017)
    ap.add_argument("--stories", type=int, default=600, help="stories per writing")
    ap.add_argument("--neutral", type=int, default=100, help="PII-free texts per writing")
    ap.add_argument("--latin", type=int, default=1200,
                    help="stories per writing (en, roman) from name_train_latin.py")
    ap.add_argument("--latin-neutral", type=int, default=1200,
                    help="PII-free texts per writing (en, roman) from name_train_latin.py")
    ap.add_argument("--urdu", type=int, default=3000,
                    help="Urdu-script texts from scripts/name_train_urdu.py")
    args = ap.parse_args()
    if args.seed == 7:
        raise SystemExit("seed 7 makes the evaluation set")
    intl = shipped("intl-latin.txt")
    gen_pk.GIVEN = [n.capitalize() for n in shipped("given-latin.txt") + intl[::2]]
    gen_pk.FAMILY = [n.capitalize() for n in shipped("family-latin.txt") + intl[1::2]]
    urdu = shipped("urdu.txt")
    gen_pk.GIVEN_UR = urdu
    gen_pk.FAMILY_UR = urdu
    r = random.Random(args.seed)
    for lang, make in (("en", gen_pk.story_en), ("roman", gen_pk.story_roman), ("ur", gen_pk.story_ur)):
        for _ in range(args.stories):
            s = make(r)
            text = s.text()
            if lang != "ur" and r.random() < 0.1:
                for sp in s.spans:
                    if sp["kind"] == "name":
                        a, b = sp["start"], sp["end"]
                        text = text[:a] + text[a:b].lower() + text[b:]
            print(json.dumps({"lang": lang, "pii_free": False, "text": text, "spans": s.spans},
                             ensure_ascii=False))
    for lang, pool in (("en", gen_pk.NEUTRAL_EN), ("roman", gen_pk.NEUTRAL_ROMAN), ("ur", gen_pk.NEUTRAL_UR)):
        for _ in range(args.neutral):
            print(json.dumps({"lang": lang, "pii_free": True, "text": " ".join(r.sample(pool, 3)),
                              "spans": []}, ensure_ascii=False))
    # after every other draw, so the stories above stay as they were
    # mostly Pakistani people; a few of the international names English text also meets
    latin_given = shipped("given-latin.txt") + intl[::8]
    latin_family = shipped("family-latin.txt") + intl[1::8]
    for item in name_train_latin.stories(r, latin_given, latin_family, False, args.latin,
                                         args.latin_neutral):
        print(json.dumps(item, ensure_ascii=False))
    for line in name_train_urdu.texts(r, args.urdu):
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
