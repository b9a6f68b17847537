#!/usr/bin/env python3
"""Held-out evaluation set for the redaction engine: new people, new sentence shapes.

Written apart from gen_pk.py (the development set) and after it: none of its templates, none of
its people. People come only from benches/pii/heldout-people/ (evaluation only: the engine must
never load them). The texts imitate how survivors write to a helpline: WhatsApp-style lines,
English and Urdu mixed, kinship words before names (my cousin, meri behan, میرے کزن), a name
opening the sentence, caste or clan names after a given name (ملک، مرزا, Butt, Chaudhry),
lower-case Roman names, honorifics (sahab, bhai, baji, صاحب), titles and home names.

Output: JSON lines {"id", "lang": "en"|"roman"|"ur", "text", "pii_free": false,
"spans": [{"start", "end", "kind"}]}, offsets in Unicode code points, end exclusive: the
format pii_eval's --heldout reads. Only the person's name is labelled, never the honorific.

Usage: python3 benches/pii/gen_heldout.py [--seed 17] [--stories 300] > heldout.jsonl
       python3 benches/pii/gen_heldout.py --check-overlap
"""
import argparse
import json
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PEOPLE = os.path.join(HERE, "heldout-people")
ROOT = os.path.dirname(os.path.dirname(HERE))
EASTERN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def rows(name):
    with open(os.path.join(PEOPLE, name), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


GIVEN = [(r[0], r[1], r[2]) for r in rows("given.tsv")]
FAMILY = [(r[0], r[1]) for r in rows("family.tsv")]
CASTES = [(r[0].split("|"), r[1]) for r in rows("castes.tsv")]
NICKS = [(r[0], r[1]) for r in rows("nicknames.tsv")]


class Text:
    """A text built piece by piece, remembering where each labelled piece lies."""

    def __init__(self):
        self.buf, self.spans, self.at = [], [], 0

    def put(self, piece, kind=None):
        if kind and piece:
            self.spans.append({"start": self.at, "end": self.at + len(piece), "kind": kind})
        self.buf.append(piece)
        self.at += len(piece)

    def __call__(self, *pieces):
        """Plain strings as they are; (text, kind) tuples labelled."""
        for p in pieces:
            if isinstance(p, tuple):
                self.put(*p)
            else:
                self.put(p)

    def text(self):
        return "".join(self.buf)


class Person:
    """One invented person, writable in Latin and Urdu script."""

    def __init__(self, r, gender=None):
        pool = [g for g in GIVEN if gender is None or g[2] == gender]
        self.given = r.choice(pool)
        roll = r.random()
        if roll < 0.45:
            self.family = r.choice(FAMILY)
        elif roll < 0.85:
            c = r.choice(CASTES)
            self.family = (r.choice(c[0]), c[1])
        else:
            self.family = None
        self.nick = r.choice(NICKS)
        self.digits = "".join(r.choice("0123456789") for _ in range(r.choice([2, 3, 4])))

    def latin(self, full=True, lower=False):
        n = self.given[0]
        if full and self.family:
            n += " " + self.family[0]
        return n.lower() if lower else n

    def urdu(self, full=True):
        return self.given[1] + (" " + self.family[1] if full and self.family else "")

    def slug(self, r):
        g = self.given[0].lower()
        f = (self.family[0] if self.family else "").lower().rstrip(".")
        return r.choice([g + f, f"{g}.{f}" if f else g, f"{g}_{self.digits}", g + self.digits,
                         f"{g[:3]}{f}{self.digits[:2]}", f"the.real.{g}"])


def mobile(r, eastern=False):
    op = r.choice(["300", "302", "304", "305", "307", "308", "309", "310", "314", "316", "317",
                   "318", "323", "324", "325", "330", "332", "335", "340", "342", "343", "344",
                   "348", "349", "355"])
    a, b, c = (str(r.randint(100, 999)), str(r.randint(1000, 9999)),
               "".join(r.choice("0123456789") for _ in range(7)))
    p = r.choice([f"0{op}.{a}.{b}", f"0{op}-{a}-{b}", f"+92 ({op}) {c}", f"92-{op}-{c}",
                  f"0{op} {a} {b}", f"+92 {op}-{c}", f"+92{op}-{a}{b}", f"0{op}{a}{b}",
                  f"(+92) {op} {a} {b}", f"+92 {op} {a}{b}"])
    return p.translate(EASTERN) if eastern else p


def landline(r):
    code = r.choice(["22", "48", "52", "55", "62", "65", "81", "91", "99"])
    n = str(r.randint(2000000, 9999999))
    return r.choice([f"0{code} {n}", f"0{code}-{n}", f"+92 {code} {n}"])


def cnic(r, eastern=False):
    d = str(r.choice([1, 3, 4, 5, 6])) + "".join(r.choice("0123456789") for _ in range(12))
    c = r.choice([f"{d[:5]}-{d[5:12]}-{d[12]}", f"{d[:5]} {d[5:12]} {d[12]}",
                  f"{d[:5]}-{d[5:12]}-{d[12]}", d])
    return c.translate(EASTERN) if eastern else c


def email(r, who):
    dom = r.choice(["icloud.com", "live.com", "protonmail.com", "ymail.com", "ptcl.net.pk",
                    "students.uol.edu.pk", "gmail.com", "hotmail.co.uk", "cloud.com.pk"])
    g = who.given[0].lower()
    f = (who.family[0] if who.family else "pk").lower().rstrip(".")
    local = r.choice([f"{g}.{f}", f"{g}{who.digits}", f"{g}+fb", f"{f}.{g[0]}{who.digits}",
                      f"{g.capitalize()}{f.capitalize()}", f"{g}_{f}_{who.digits}"])
    return f"{local}@{dom}"


def link(r, who):
    s = who.slug(r)
    n = str(r.randint(10**14, 10**16))
    return r.choice([f"https://m.facebook.com/{s}", f"www.facebook.com/profile.php?id={n}",
                     f"https://youtube.com/@{s}", f"snapchat.com/add/{s}", f"t.me/{s}",
                     f"https://www.tiktok.com/@{s}/video/{n[:13]}", f"x.com/{s}/status/{n}",
                     f"https://instagram.com/{s}?igsh={n[:8]}", f"linktr.ee/{s}",
                     f"https://wa.me/92{r.randint(3000000000, 3499999999)}"])


def handle(r, who):
    s = who.slug(r)
    # people often give a username without the @
    return s if r.random() < 0.2 else "@" + s


def iban(r):
    bank = r.choice(["MEZN", "HABB", "NBPA", "ALFH", "FAYS", "BKIP", "JSBL", "SUMB", "SONE"])
    acct = "".join(r.choice("0123456789") for _ in range(16))
    digits = "".join(str(int(c, 36)) for c in bank + acct + "PK00")
    s = f"PK{98 - int(digits) % 97:02d}{bank}{acct}"
    form = r.random()
    if form < 0.35:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    elif form < 0.45:
        s = s.lower()
    return s


def name_en(r, who, full=None):
    full = r.random() < 0.65 if full is None else full
    return (who.latin(full, lower=r.random() < 0.12), "name")


def name_ro(r, who, full=None):
    full = r.random() < 0.65 if full is None else full
    return (who.latin(full, lower=r.random() < 0.4), "name")


def name_ur(r, who, full=None):
    full = r.random() < 0.65 if full is None else full
    return (who.urdu(full), "name")


def en_lines(r):
    a, b = Person(r, "m"), Person(r)
    sis = Person(r, "f")
    return [
        lambda: ("my cousin ", name_en(r, a, True), " says he will post my pics if i dont talk to him"),
        lambda: (name_en(r, a), " keeps texting me from ", (mobile(r), "phone"),
                 ". i blocked him and now its a new number every day"),
        lambda: ("Sir/madam i need help urgently, ", name_en(r, a), " (my ex) has my pictures"),
        lambda: ("So basically ", (a.given[0], "name"), " bhai from our street made a fake account ",
                 (link(r, a), "url"), " and tagged my whole family"),
        lambda: ("He calls himself ", (a.nick[0], "name"), " online but his real name is ",
                 (a.latin(True), "name"), "."),
        lambda: ("Dr. ", (b.latin(True), "name"), " at the clinic saw the video and told my father."),
        lambda: ("send 50k to ", (iban(r), "iban"), " or everyone sees them — thats what ",
                 (a.given[0], "name"), " wrote"),
        lambda: ((a.given[0], "name"), " and ", (b.given[0], "name"),
                 " added me to a group and shared my number there"),
        lambda: ("My husband's brother ", name_en(r, a, True),
                 " put a tracker on my phone, I found it last week."),
        lambda: ("pls call me on ", (mobile(r), "phone"), " not on the house number ",
                 (landline(r), "phone")),
        lambda: ("i took a pic of his cnic when he left it, its ", (cnic(r), "cnic")),
        lambda: ("The emails come from ", (email(r, a), "email"), " every few days."),
        lambda: ("My sister ", (sis.given[0], "name"), " got the same message from ",
                 (handle(r, a), "handle"), " on insta"),
        lambda: ((sis.given[0], "name"), " Aunty showed my mother the screenshots."),
        lambda: ("Uncle ", (a.latin(True), "name"), " is the one who gave him my address."),
        lambda: ("My name is ", name_en(r, sis), ", I am 19 and I study in Quetta."),
        lambda: ("ok so ", (a.latin(False, lower=True), "name"),
                 " is my classmate, he made edits of my photos"),
        lambda: ("It started when ", name_en(r, a, True), " sent me a friend request on TikTok."),
    ]


def roman_lines(r):
    a, b = Person(r, "m"), Person(r)
    sis = Person(r, "f")
    return [
        lambda: ("meri behan ", name_ro(r, sis, False), " ko ", name_ro(r, a),
                 " roz msg karta hai ", (mobile(r), "phone"), " se"),
        lambda: (name_ro(r, a, True), " ne meri pics leak krne ki dhamki di hai"),
        lambda: ("yeh ", (link(r, a), "url"), " wali id ", name_ro(r, a, False), " ne banai hai 100%"),
        lambda: ("mere cousin ", name_ro(r, a, True), " ka number ", (mobile(r), "phone"),
                 " hai, usi ne sab kuch kiya"),
        lambda: (name_ro(r, b, True), " sahab ne kaha paise ", (iban(r), "iban"), " mein bhejo"),
        lambda: ("main ", name_ro(r, sis), " hoon, Sukkur se likh rahi hoon"),
        lambda: ("uska snap ", (handle(r, a), "handle"), " hai aur insta bhi yehi hai"),
        lambda: ((a.nick[0].lower() if r.random() < 0.4 else a.nick[0], "name"), " (asal naam ",
                 name_ro(r, a, True), ") mera ex hai"),
        lambda: ("bhai ", name_ro(r, a, False), " ko bolo mujhe ", (email(r, sis), "email"),
                 " pe contact kare"),
        lambda: (name_ro(r, sis, False), " baji ne mera cnic ", (cnic(r), "cnic"),
                 " mang ke aage de diya"),
        lambda: ("Mere shohar ", name_ro(r, a, True), " mera phone check karte hain roz"),
        lambda: ("us ne kaha ", (a.given[0].lower(), "name"), " ko sab pata hai, woh video bhej dega"),
        lambda: ("Plz help, ", name_ro(r, a, True), " ne mera FB hack kar liya"),
        lambda: ("hamare mohalle ka ", name_ro(r, a, True), " mujhe follow karta hai"),
        lambda: ("Ammi ne ", name_ro(r, b, False), " khala ko sab bata diya"),
    ]


def urdu_lines(r):
    a, b = Person(r, "m"), Person(r)
    sis = Person(r, "f")
    east = r.random() < 0.5
    return [
        lambda: ("میرے کزن ", name_ur(r, a, True), " نے میری تصویریں سب کو بھیج دیں۔"),
        lambda: (name_ur(r, a, True), " نے مجھے دھمکی دی۔"),
        lambda: ("میری بہن ", name_ur(r, sis, False), " کو ", name_ur(r, a), " بار بار ",
                 (mobile(r, east), "phone"), " سے کال کرتا ہے۔"),
        lambda: (name_ur(r, b, True), " صاحب نے کہا کہ پیسے ", (iban(r), "iban"), " میں بھیجو۔"),
        lambda: ("اس کا واٹس ایپ نمبر ", (mobile(r, east), "phone"), " ہے اور نام ",
                 name_ur(r, a), " ہے۔"),
        lambda: ((a.nick[1], "name"), " عرف ", name_ur(r, a, True), " میرا سابق منگیتر ہے۔"),
        lambda: (name_ur(r, a, False), " بھائی نے میری جعلی آئی ڈی ", (link(r, a), "url"),
                 " بنائی۔"),
        lambda: ("میرے شوہر ", name_ur(r, a, True), " اور ان کے دوست ", name_ur(r, b),
                 " میرا فون چیک کرتے ہیں۔"),
        lambda: ("اس کا شناختی کارڈ نمبر ", (cnic(r, east), "cnic"), " ہے۔"),
        lambda: ("ای میل ", (email(r, a), "email"), " سے روز پیغام آتا ہے۔"),
        lambda: ("انسٹاگرام پر ", (handle(r, a), "handle"), " نام سے اکاؤنٹ بنا ہوا ہے۔"),
        lambda: ("ڈاکٹر ", name_ur(r, b, True), " نے ویڈیو دیکھ کر ابو کو بتا دیا۔"),
        lambda: (name_ur(r, a, True), " نے میری pics لیک کرنے کی دھمکی دی ہے plz help"),
        lambda: ("میں ", name_ur(r, sis), " ہوں اور حیدرآباد سے لکھ رہی ہوں۔"),
        lambda: (name_ur(r, sis, False), " باجی نے میرا نمبر ", (mobile(r, east), "phone"),
                 " آگے دے دیا۔"),
    ]


OPENERS = {
    "en": ["", "", "Assalam o alaikum. ", "hi, ", "Hello, I want to report something. "],
    "roman": ["", "", "AoA, ", "Salam, ", "Asslam o alaikum. "],
    "ur": ["", "", "السلام علیکم۔ ", "محترمہ، "],
}
LINES = {"en": en_lines, "roman": roman_lines, "ur": urdu_lines}


def story(r, lang):
    t = Text()
    t(r.choice(OPENERS[lang]))
    lines = LINES[lang](r)
    for i, make in enumerate(r.sample(lines, r.randint(2, 4))):
        if i:
            t("\n" if r.random() < 0.5 else " ")
        t(*make())
    return t


def fold_latin(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower())
                   if not unicodedata.combining(c)).rstrip(".")


def fold_urdu(s):
    s = s.replace("ي", "ی").replace("ك", "ک").replace("ه", "ہ")
    return "".join(c for c in s if not ("\u064b" <= c <= "\u0652" or c == "\u0670"))


def check_overlap():
    """Print held-out names that the engine's lists (data/names/) now contain."""
    names = os.path.join(ROOT, "data", "names")
    known = set()
    for dirpath, _, files in os.walk(names):
        for f in files:
            if f.endswith(".txt"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    known |= {fold_urdu(l.strip()) for l in fh if not l.startswith("#")}
    hits = 0
    for label, pairs in (("given", [(g[0], g[1]) for g in GIVEN]), ("family", FAMILY),
                         ("nickname", NICKS)):
        for latin, urdu in pairs:
            seen = [w for w in [fold_latin(latin)] + [fold_urdu(u) for u in urdu.split()]
                    if w in known]
            if seen:
                hits += 1
                print(f"{label}: {latin} / {urdu} in data/names: {', '.join(seen)}")
    print(f"{hits} of {len(GIVEN) + len(FAMILY) + len(NICKS)} held-out names are in the "
          "engine's lists (castes.tsv is common on purpose and not checked)", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--stories", type=int, default=300, help="stories per writing")
    ap.add_argument("--check-overlap", action="store_true")
    args = ap.parse_args()
    if args.check_overlap:
        check_overlap()
        return
    r = random.Random(args.seed)
    n = 0
    for lang in ("en", "roman", "ur"):
        for _ in range(args.stories):
            t = story(r, lang)
            print(json.dumps({"id": n, "lang": lang, "pii_free": False, "text": t.text(),
                              "spans": t.spans}, ensure_ascii=False))
            n += 1


if __name__ == "__main__":
    main()
