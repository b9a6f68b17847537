"""Urdu-script training (and tuning) text for the name tagger, written for Naqsha.

Many sentence shapes, unlike the few story templates of benches/pii/gen_pk.py: a name that
opens a sentence with no cue before it ("… نے مجھے …"), a name before نے/کو/کی/کا/کے/سے/والی
and before an honorific (صاحب، صاحبہ، بھائی، باجی، آپا), given names with a caste or family
name from data/names/name-parts.txt, names in lists, in quotes, in WhatsApp-style messages,
complaints and news-style reports; and sentences without any person that hold institutions
(data/redaction/never-names.txt), places, months and ordinary words that are also names
(data/names/urdu-ambiguous.txt), so the tagger learns that context, not the word, decides.

People in the training part come only from the shipped lists (data/names/urdu.txt and the
Urdu entries of name-parts.txt), never from data/names/heldout/. The tuning part (`--tuning`)
uses templates the training part never uses, with people from data/names/heldout/
given-urdu.txt and family-urdu.txt; measure on it with `pii_eval --generated FILE` (dev/ur).

Imported by scripts/gen_name_train.py (tests: python3 -m unittest scripts/test_name_train_urdu.py);
run alone to write the tuning part:
    python3 scripts/name_train_urdu.py --tuning --seed 5 > /tmp/urdu-tune.jsonl
"""
import argparse
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARABIC = re.compile("[\u0600-\u06ff]")


def _lines(*parts):
    out = []
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def _urdu_parts():
    """Urdu entries of name-parts.txt: (all, common), common being the [common] section."""
    parts, common, in_common = [], set(), False
    for line in _lines("data", "names", "name-parts.txt"):
        if line == "[common]":
            in_common = True
            continue
        if ARABIC.search(line) and " " not in line:
            parts.append(line)
            if in_common:
                common.add(line)
    return sorted(set(parts)), common


HELD = set(_lines("data", "names", "heldout", "given-urdu.txt")) | set(
    _lines("data", "names", "heldout", "family-urdu.txt"))
PARTS, COMMON_PARTS = _urdu_parts()
AMBIGUOUS = sorted(set(_lines("data", "names", "urdu-ambiguous.txt")) | {
    w for w in _lines("data", "names", "ambiguous.txt") if ARABIC.search(w)})
INSTITUTIONS = sorted(w for w in _lines("data", "redaction", "never-names.txt") if ARABIC.search(w))

# Pakistani places and months: never a person.
PLACES = ("لاہور کراچی اسلام_آباد راولپنڈی پشاور کوئٹہ ملتان فیصل_آباد گوجرانوالہ سیالکوٹ "
          "حیدرآباد سکھر بہاولپور سرگودھا ایبٹ_آباد مردان سوات گلگت مظفرآباد جہلم گجرات "
          "ساہیوال اوکاڑہ قصور شیخوپورہ لاڑکانہ نواب_شاہ ڈیرہ_غازی_خان رحیم_یار_خان").split()
PLACES = [p.replace("_", " ") for p in PLACES]
MONTHS = "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر".split()
DAYS = "پیر منگل بدھ جمعرات جمعہ ہفتہ اتوار".split()
RELATIONS = ("کزن بھائی بہن خالہ زاد ماموں پھوپھو چچا تایا سسر دیور جیٹھ نند بھابھی شوہر "
             "سابق_شوہر منگیتر دوست کلاس_فیلو ہمسائے باس استاد پڑوسی").split()
RELATIONS = [x.replace("_", " ") for x in RELATIONS]
HONORIFICS = ["صاحب", "صاحبہ", "بھائی", "باجی", "آپا", "جی"]
TITLES_BEFORE = ["جناب", "محترمہ", "ڈاکٹر", "مسز", "پروفیسر", "انسپکٹر", "وکیل"]


class Pool:
    """Given names and family names/name parts to draw people from."""

    def __init__(self, given, family):
        self.given, self.family = sorted(set(given)), sorted(set(family))

    def person(self, r):
        """A name as people write it: given; given + family; two given; a caste before."""
        k = r.random()
        g = r.choice(self.given)
        if k < 0.3:
            return g
        if k < 0.7:
            return f"{g} {r.choice(self.family)}"
        if k < 0.82:
            g2 = r.choice(self.given)
            return f"{g} {g2}" if g2 != g else g
        if k < 0.92:
            return f"{r.choice(self.family)} {g}"
        return f"{g} {r.choice(self.given)} {r.choice(self.family)}"


def training_pool():
    urdu = [w for w in _lines("data", "names", "urdu.txt") if " " not in w and w not in HELD]
    parts = [w for w in PARTS if w not in HELD]
    family = set(parts) | {w for w in urdu if w in PARTS}
    given = [w for w in urdu if w not in family]
    return Pool(given, sorted(family))


def tuning_pool():
    given = _lines("data", "names", "heldout", "given-urdu.txt")
    family = _lines("data", "names", "heldout", "family-urdu.txt")
    return Pool(given, family)


# Templates: {P} a person (a name span); {PLACE} {MONTH} {DAY} {INST} {AMB} {REL} {HON}
# {TITLE} {N} fillers. Each list is used by only one part.
TRAIN = [
    "{P} نے مجھے کل رات فون پر دھمکی دی۔",
    "{P} نے میری تصویریں فیس بک پر لگا دیں۔",
    "{P} نے کہا کہ وہ میرے گھر والوں کو سب بتا دے گا۔",
    "{P} مجھے روز میسج کرتا ہے اور جواب نہ دوں تو گالیاں دیتا ہے۔",
    "{P} میری کلاس میں پڑھتی ہے اور اس نے میرا اکاؤنٹ ہیک کیا۔",
    "میرے {REL} {P} نے میری ویڈیو بنا کر دوستوں کو بھیجی۔",
    "میں نے {P} کو کئی بار بلاک کیا مگر وہ نئے نمبر سے آ جاتا ہے۔",
    "{P} کی بہن نے بھی مجھے دھمکیاں دیں۔",
    "{P} کا کہنا ہے کہ اس کے پاس میری اور تصویریں بھی ہیں۔",
    "{P} کے بھائی نے {PLACE} میں میرا پیچھا کیا۔",
    "مجھے {P} سے ڈر لگتا ہے۔",
    "{P} {HON} نے ہماری شکایت درج نہیں کی۔",
    "{P} {HON} کو میں نے سارے اسکرین شاٹ دکھائے۔",
    "{TITLE} {P} نے بتایا کہ مقدمہ {MONTH} میں سنا جائے گا۔",
    "ملزمان میں {P}، {P} اور {P} شامل ہیں۔",
    "جن لوگوں نے مجھے تنگ کیا: {P}، {P}۔",
    "اس نے کہا \"{P} کو کچھ مت بتانا\"۔",
    "\"{P} نے تمہاری تصویر گروپ میں ڈال دی ہے\" میری سہیلی نے لکھا۔",
    "[{N}/{N}/{N}، رات {N}:{N}] {P}: تم نے میری بات نہیں مانی تو سب کو دکھا دوں گا",
    "{P}: جواب دو ورنہ انجام برا ہو گا",
    "شکایت کنندہ: {P}۔ ملزم: {P}۔ واقعہ {PLACE} میں {MONTH} کے مہینے میں ہوا۔",
    "درخواست گزار {P} ولد {P} سکنہ {PLACE} عرض کرتی ہے کہ",
    "{PLACE} پولیس کے مطابق {P} کو {DAY} کے روز گرفتار کیا گیا۔",
    "{PLACE} میں {P} نامی شخص نے ایک طالبہ کو بلیک میل کیا، پولیس نے بتایا۔",
    "{INST} نے {P} کے خلاف مقدمہ درج کر لیا ہے۔",
    "یہ سب {P} والی بات کے بعد شروع ہوا۔",
    "{P} والی آنٹی نے میری امی کو سب بتا دیا۔",
    "کل {P} اور {P} میرے دفتر آئے اور مجھے دھمکایا۔",
    "میری شادی {P} سے طے ہوئی تھی لیکن اس نے بعد میں بلیک میل کیا۔",
    "{P} سے میری بات {MONTH} میں انسٹاگرام پر شروع ہوئی۔",
    "آج {P} پھر میرے کالج کے باہر کھڑا تھا۔",
    "میرا نام {P} ہے اور میں {PLACE} سے ہوں۔",
    "{P} اور اس کے دوست نے مل کر جعلی اکاؤنٹ بنایا۔",
    "براہ کرم {P} کا نمبر بلاک کر دیں۔",
    "{P} کہتا ہے کہ وہ {INST} میں کام کرتا ہے۔",
    "وہ خود کو {P} بتاتا ہے لیکن اصل نام کچھ اور ہے۔",
    "ہمارے محلے کے {P} نے مجھے راستے میں روکا۔",
    "{P}، {P} کا بیٹا، مجھے روز کال کرتا ہے۔",
    "اسکول کی پرنسپل {P} نے کوئی کارروائی نہیں کی۔",
    "{P} {HON} سے گزارش ہے کہ ہماری مدد کریں۔",
]
TUNE = [
    "{P} نے میرے ابو کو بھی میسج کیا۔",
    "{P} نے دھمکی دی کہ تیزاب پھینک دے گا۔",
    "پچھلے ہفتے {P} نے میری آئی ڈی سے لوگوں کو پیغام بھیجے۔",
    "اس واقعے کا ذمہ دار {P} ہے۔",
    "میری {REL} کے شوہر {P} نے مجھے غلط پیغامات بھیجے۔",
    "{P} {HON} نے کہا کہ صلح کر لو۔",
    "{P} کو پولیس نے {DAY} کی صبح حراست میں لیا۔",
    "گواہان: {P}، {P}۔",
    "{P}: میں تمہیں چھوڑوں گا نہیں",
    "{PLACE} کی عدالت نے {P} کی ضمانت منظور کر لی۔",
    "{P} کے ساتھ میری منگنی {MONTH} میں ٹوٹ گئی تھی۔",
    "سب سے زیادہ تنگ {P} کرتا ہے۔",
    "\"میں {P} ہوں\" اس نے فون پر کہا۔",
    "{TITLE} {P} کی رپورٹ {INST} کو بھیج دی گئی۔",
    "{P} ہمارے گھر کے سامنے رہتا ہے۔",
]
NEG_TRAIN = [
    "{INST} نے {MONTH} میں نئی ہدایات جاری کیں۔",
    "میں نے {INST} کو شکایت بھیجی مگر جواب نہیں آیا۔",
    "{PLACE} میں {DAY} کو احتجاج ہوا۔",
    "اس کی {AMB} کے بارے میں کسی کو معلوم نہیں۔",
    "{AMB} کی بات ہے کہ {PLACE} میں ایسا ہوا۔",
    "{MONTH} کے آخر میں {INST} کا اجلاس ہو گا۔",
    "میرے {REL} نے مجھے {PLACE} سے فون کیا۔",
    "{INST} کی ہیلپ لائن پر {DAY} کو بات ہوئی۔",
    "ملک بھر میں خواتین کے خلاف جرائم بڑھ رہے ہیں۔",
    "گھر کا مالک کرایہ مانگنے آیا تھا۔",
    "{AMB} اور {AMB} جیسے الفاظ ہر جگہ استعمال ہوتے ہیں۔",
    "وہ {PLACE} کے ایک اسکول میں پڑھاتی ہے اور {MONTH} سے پریشان ہے۔",
]
NEG_TUNE = [
    "{INST} کے دفتر میں {MONTH} تک کوئی سماعت نہیں ہوئی۔",
    "{PLACE} سے {PLACE} جاتے ہوئے مجھے میسج آیا۔",
    "یہ معاملہ {AMB} سے جڑا ہوا ہے۔",
    "ہم نے {DAY} کو {INST} سے رابطہ کیا۔",
]


def fill(r, template, pool):
    """The text of a template and its name spans (code points, end exclusive)."""
    out, spans, n = [], [], 0
    for piece in re.split(r"(\{[A-Z]+\})", template):
        kind = None
        if piece == "{P}":
            text, kind = pool.person(r), "name"
        elif piece == "{PLACE}":
            text = r.choice(PLACES)
        elif piece == "{MONTH}":
            text = r.choice(MONTHS)
        elif piece == "{DAY}":
            text = r.choice(DAYS)
        elif piece == "{INST}":
            text = r.choice(INSTITUTIONS)
        elif piece == "{AMB}":
            text = r.choice(AMBIGUOUS)
        elif piece == "{REL}":
            text = r.choice(RELATIONS)
        elif piece == "{HON}":
            text = r.choice(HONORIFICS)
        elif piece == "{TITLE}":
            text = r.choice(TITLES_BEFORE)
        elif piece == "{N}":
            text = str(r.randint(1, 28))
        else:
            text = piece
        if kind:
            spans.append({"start": n, "end": n + len(text), "kind": kind})
        out.append(text)
        n += len(text)
    return "".join(out), spans


def texts(r, count, tuning=False):
    """`count` JSON-ready lines: one to three sentences each, a fifth of them person-free."""
    pool = tuning_pool() if tuning else training_pool()
    shapes, negatives = (TUNE, NEG_TUNE) if tuning else (TRAIN, NEG_TRAIN)
    for _ in range(count):
        pii_free = r.random() < 0.2
        text, spans = "", []
        for _ in range(r.randint(1, 3)):
            t, s = fill(r, r.choice(negatives if pii_free or r.random() < 0.3 else shapes), pool)
            if text:
                text += " "
            spans += [{**x, "start": x["start"] + len(text), "end": x["end"] + len(text)} for x in s]
            text += t
        yield {"lang": "ur", "pii_free": not spans, "text": text, "spans": spans}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--tuning", action="store_true",
                    help="the tuning part: its own templates, people from data/names/heldout/")
    args = ap.parse_args()
    for line in texts(random.Random(args.seed), args.count, args.tuning):
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
