#!/usr/bin/env python3
"""Derive the name gazetteers under data/names/ from registry packages.

Sources (all downloaded with `pip download --no-deps` into a temporary directory, never
committed):
  * faker-pk 0.2.0 (MIT, INFERENCE Lab): faker_pk/faker_pk.db, table `names` (male, female,
    last) and table `castes` (used as family names).
  * Faker 40.54.0 (MIT): person providers en_PK (Pakistani first and last names), en, en_GB,
    en_IN (Latin-script names met in English text), fa_IR (Persian-script names, which after
    the letter normalisation ي→ی ك→ک ه→ہ are Urdu spellings of the same names).
  * pakgender 0.1.61 (MIT, Sahib Dino): pakgender/data/names.json, first names of frequency
    "high" or "medium".
  * A hand-written transliteration table (URDU_TABLE below) of common Pakistani given and
    family names into Urdu script, because none of the packages ship Urdu-script Pakistani
    names.
  * IL-NER Urdu train split (CC BY 4.0, Bahad et al. 2024), read from
    ../shared/data/pii-eval/il-ner-urdu-train.txt: person tokens (B-NEP/I-NEP) that are
    tagged as person more often than not, counted over the nine tenths of its sentences
    that train the name tagger (index % 10 != 9; the last tenth tunes it and must hold
    names the lists have not seen). urdu-common.txt still counts all of train. The dev split is never read, so evaluating on it
    is evaluating on held-out text.

Held-out split: a deterministic 20 % of the Pakistani names (by SHA-256 of the folded
name), excluding the ALWAYS_KNOWN list of very frequent names, is written to
data/names/heldout/ and removed from every gazetteer. The test-set generator
(benches/pii/gen_pk.py) draws its people only from the held-out lists, so the evaluation
never tests on names the engine was built from.

Usage: python3 data/names/derive.py [--download-dir DIR]
"""
import argparse
import ast
import collections
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ILNER_TRAIN = os.path.join(ROOT, "..", "shared", "data", "pii-eval", "il-ner-urdu-train.txt")

PACKAGES = ["faker-pk==0.2.0", "faker==40.54.0", "pakgender==0.1.61"]

# Names so frequent that holding them out would test nothing useful.
ALWAYS_KNOWN = set(
    """muhammad mohammad mohammed ahmed ahmad ali hassan hussain khan fatima ayesha aisha
    zainab maryam bibi begum sheikh malik butt chaudhry chaudhary raja syed shah qureshi
    iqbal akhtar bano noor abdul ullah rehman rahman din nisa khatoon parveen""".split()
)

# Latin → Urdu script for common Pakistani names (given and family). Written by hand from
# the usual Urdu spellings; variants of one name share one Urdu form.
URDU_TABLE = {
    # given names, men
    "muhammad": "محمد", "mohammad": "محمد", "ahmed": "احمد", "ahmad": "احمد",
    "ali": "علی", "hassan": "حسن", "hasan": "حسن", "hussain": "حسین", "husain": "حسین",
    "usman": "عثمان", "umar": "عمر", "omar": "عمر", "bilal": "بلال", "hamza": "حمزہ",
    "imran": "عمران", "kamran": "کامران", "faisal": "فیصل", "tariq": "طارق",
    "asif": "آصف", "arif": "عارف", "shahid": "شاہد", "zahid": "زاہد", "sajid": "ساجد",
    "majid": "ماجد", "khalid": "خالد", "rashid": "راشد", "javed": "جاوید",
    "naveed": "نوید", "waseem": "وسیم", "nadeem": "ندیم", "saleem": "سلیم",
    "naeem": "نعیم", "kashif": "کاشف", "adnan": "عدنان", "irfan": "عرفان",
    "zubair": "زبیر", "junaid": "جنید", "fahad": "فہد", "saad": "سعد", "asad": "اسد",
    "danish": "دانش", "haris": "حارث", "hamid": "حامد", "abid": "عابد", "sohail": "سہیل",
    "suhail": "سہیل", "shoaib": "شعیب", "sharjeel": "شرجیل", "waqas": "وقاص",
    "yasir": "یاسر", "yousaf": "یوسف", "yusuf": "یوسف", "ibrahim": "ابراہیم",
    "ismail": "اسماعیل", "idrees": "ادریس", "ilyas": "الیاس", "ishaq": "اسحاق",
    "zeeshan": "ذیشان", "shahzad": "شہزاد", "farhan": "فرحان", "rizwan": "رضوان",
    "adeel": "عدیل", "aqeel": "عقیل", "jamil": "جمیل", "jameel": "جمیل", "nasir": "ناصر",
    "tahir": "طاہر", "amir": "عامر", "aamir": "عامر", "amjad": "امجد", "azhar": "اظہر",
    "mazhar": "مظہر", "anwar": "انور", "akbar": "اکبر", "asghar": "اصغر", "abbas": "عباس",
    "raza": "رضا", "mehdi": "مہدی", "haider": "حیدر", "nawaz": "نواز", "shehbaz": "شہباز",
    "shahbaz": "شہباز", "sultan": "سلطان", "salman": "سلمان", "sulaiman": "سلیمان",
    "talha": "طلحہ", "zain": "زین", "ayaan": "ایان", "rehan": "ریحان", "faraz": "فراز",
    "fawad": "فواد", "jawad": "جواد", "murad": "مراد", "mansoor": "منصور",
    "mushtaq": "مشتاق", "ashfaq": "اشفاق", "ishtiaq": "اشتیاق", "iftikhar": "افتخار",
    "imtiaz": "امتیاز", "ejaz": "اعجاز", "ijaz": "اعجاز", "riaz": "ریاض", "fayyaz": "فیاض",
    "ghulam": "غلام", "rasool": "رسول", "qasim": "قاسم", "hashim": "ہاشم",
    "saqib": "ثاقب", "aqib": "عاقب", "wajid": "واجد", "atif": "عاطف", "arshad": "ارشد",
    "irshad": "ارشاد", "khurram": "خرم", "babar": "بابر", "tanveer": "تنویر",
    "pervaiz": "پرویز", "parvez": "پرویز", "shafiq": "شفیق", "rafiq": "رفیق",
    "tauseef": "توصیف", "mudassar": "مدثر", "muneeb": "منیب", "moiz": "معیز",
    "owais": "اویس", "awais": "اویس", "uzair": "عزیر", "ehsan": "احسان", "ahsan": "احسن",
    "mohsin": "محسن", "noman": "نعمان", "shakeel": "شکیل", "aslam": "اسلم",
    "akram": "اکرم", "zafar": "ظفر", "jahangir": "جہانگیر", "sikandar": "سکندر",
    "taimur": "تیمور", "qaiser": "قیصر", "ghazanfar": "غضنفر", "sarfraz": "سرفراز",
    "mubashir": "مبشر", "mujahid": "مجاہد", "wahid": "واحد", "waheed": "وحید",
    "hameed": "حمید", "rasheed": "رشید", "saeed": "سعید", "majeed": "مجید",
    "latif": "لطیف", "aziz": "عزیز", "habib": "حبیب", "zahoor": "ظہور", "manzoor": "منظور",
    "ashraf": "اشرف", "younas": "یونس", "younis": "یونس", "yaqoob": "یعقوب",
    "ayub": "ایوب", "dawood": "داؤد", "musa": "موسیٰ", "essa": "عیسیٰ",
    # given names, women
    "fatima": "فاطمہ", "ayesha": "عائشہ", "aisha": "عائشہ", "zainab": "زینب",
    "maryam": "مریم", "mariam": "مریم", "khadija": "خدیجہ", "amna": "آمنہ",
    "sana": "ثناء", "hina": "حنا", "saima": "صائمہ", "nadia": "نادیہ", "rabia": "رابعہ",
    "sadia": "سعدیہ", "samina": "ثمینہ", "shazia": "شازیہ", "nazia": "نازیہ",
    "farah": "فرح", "sidra": "سدرہ", "iqra": "اقرا", "mehwish": "مہوش", "mahnoor": "ماہ نور",
    "sobia": "صوبیہ", "sumaira": "سمیرا", "rubina": "روبینہ", "robina": "روبینہ",
    "shabana": "شبانہ", "nasreen": "نسرین", "parveen": "پروین", "perveen": "پروین",
    "razia": "رضیہ", "kausar": "کوثر", "kulsoom": "کلثوم", "ruqayya": "رقیہ",
    "bushra": "بشریٰ", "asma": "اسماء", "uzma": "عظمیٰ", "huma": "ہما", "uroosa": "عروسہ",
    "hira": "حرا", "laiba": "لائبہ", "areeba": "اریبہ", "anum": "انعم", "mehak": "مہک",
    "kiran": "کرن", "komal": "کومل", "sehrish": "سحرش", "saba": "صبا", "sameera": "سمیرہ",
    "tahira": "طاہرہ", "zahida": "زاہدہ", "shahida": "شاہدہ", "naila": "نائلہ",
    "nabila": "نبیلہ", "farzana": "فرزانہ", "rukhsana": "رخسانہ", "tehmina": "تہمینہ",
    "shagufta": "شگفتہ", "shaista": "شائستہ", "ghazala": "غزالہ", "nighat": "نگہت",
    "yasmin": "یاسمین", "yasmeen": "یاسمین", "fouzia": "فوزیہ", "fozia": "فوزیہ",
    "zubaida": "زبیدہ", "salma": "سلمیٰ", "sughra": "صغریٰ", "kubra": "کبریٰ",
    "batool": "بتول", "zahra": "زہرا", "zehra": "زہرا", "sakina": "سکینہ",
    "hajra": "ہاجرہ", "sara": "سارہ", "sarah": "سارہ", "aliya": "عالیہ", "alia": "عالیہ",
    "javeria": "جویریہ", "madiha": "مدیحہ", "mahira": "ماہرہ", "maira": "مائرہ",
    "zoya": "زویا", "anaya": "انایا", "eman": "ایمان", "iman": "ایمان", "ifra": "افرا",
    "misbah": "مصباح", "tayyaba": "طیبہ", "sundus": "سندس", "rimsha": "رمشا",
    "ramsha": "رمشا", "kainat": "کائنات", "urooj": "عروج", "fiza": "فضا",
    "mehreen": "مہرین", "nargis": "نرگس", "gulnaz": "گلناز", "shamim": "شمیم",
    "tasneem": "تسنیم", "tabassum": "تبسم", "naseem": "نسیم", "musarrat": "مسرت",
    "rehana": "ریحانہ", "shehla": "شہلا", "lubna": "لبنیٰ", "nida": "ندا",
    "arooj": "عروج", "sehar": "سحر", "mishal": "مشعل", "bisma": "بسمہ", "aqsa": "اقصیٰ",
    "wajiha": "وجیہہ", "hafsa": "حفصہ", "memoona": "میمونہ", "maimoona": "میمونہ",
    "noreen": "نورین", "naheed": "ناہید", "shireen": "شیریں", "gul": "گل",
    # family, clan and caste names
    "khan": "خان", "malik": "ملک", "butt": "بٹ", "bhatti": "بھٹی", "chaudhry": "چودھری",
    "chaudhary": "چودھری", "raja": "راجہ", "syed": "سید", "shah": "شاہ",
    "qureshi": "قریشی", "siddiqui": "صدیقی", "farooqi": "فاروقی", "hashmi": "ہاشمی",
    "rizvi": "رضوی", "naqvi": "نقوی", "jafri": "جعفری", "zaidi": "زیدی", "kazmi": "کاظمی",
    "gillani": "گیلانی", "gilani": "گیلانی", "bukhari": "بخاری", "abbasi": "عباسی",
    "awan": "اعوان", "rajput": "راجپوت", "jutt": "جٹ", "jatt": "جٹ", "arain": "آرائیں",
    "gujjar": "گجر", "mughal": "مغل", "sheikh": "شیخ", "ansari": "انصاری",
    "afridi": "آفریدی", "yousafzai": "یوسفزئی", "khattak": "خٹک", "durrani": "درانی",
    "baloch": "بلوچ", "mengal": "مینگل", "bugti": "بگٹی", "marri": "مری",
    "memon": "میمن", "soomro": "سومرو", "jatoi": "جتوئی", "leghari": "لغاری",
    "mazari": "مزاری", "khosa": "کھوسہ", "dogar": "ڈوگر", "cheema": "چیمہ",
    "bajwa": "باجوہ", "warraich": "وڑائچ", "gondal": "گوندل", "tarar": "تارڑ",
    "niazi": "نیازی", "lodhi": "لودھی", "tiwana": "ٹوانہ", "kiyani": "کیانی",
    "kayani": "کیانی", "janjua": "جنجوعہ", "minhas": "منہاس", "sethi": "سیٹھی",
    "mirza": "مرزا", "baig": "بیگ", "beg": "بیگ", "ahmadani": "احمدانی", "rana": "رانا",
    "iqbal": "اقبال", "akhtar": "اختر", "hussaini": "حسینی", "rehman": "رحمان",
    "rahman": "رحمان", "ullah": "اللہ", "din": "دین", "bibi": "بی بی", "begum": "بیگم",
    "khatoon": "خاتون", "bano": "بانو", "noor": "نور", "nisa": "نساء",
    "abdul": "عبدالل", "masih": "مسیح", "gill": "گل", "bhutto": "بھٹو", "zardari": "زرداری",
    "sharif": "شریف", "mahmood": "محمود", "mehmood": "محمود", "javaid": "جاوید",
}
# "abdul" is written joined to the next word in Urdu (عبدالرحمان); the entry above is a
# prefix form and is dropped below rather than guessed.
URDU_TABLE.pop("abdul")


def fold_latin(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.strip().lower()


URDU_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ہ", "ۀ": "ہ",
                           "\u200c": None, "\u200d": None, "\u064b": None, "\u064c": None,
                           "\u064d": None, "\u064e": None, "\u064f": None, "\u0650": None,
                           "\u0651": None, "\u0652": None, "\u0670": None, "ـ": None})


def fold_urdu(s):
    return s.translate(URDU_FOLD).strip()


def heldout(name):
    if name in ALWAYS_KNOWN:
        return False
    return hashlib.sha256(name.encode()).digest()[0] % 5 == 0


def download(dest):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", dest,
                    *PACKAGES], check=True)
    out = {}
    for f in os.listdir(dest):
        if f.endswith(".whl"):
            d = os.path.join(dest, f[:-4])
            with zipfile.ZipFile(os.path.join(dest, f)) as z:
                z.extractall(d)
            out[f.split("-")[0].lower()] = d
    return out


def faker_lists(root, locale):
    path = os.path.join(root, "faker", "providers", "person", locale, "__init__.py")
    tree = ast.parse(open(path, encoding="utf-8").read())
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.List)):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = [e.value for e in node.value.elts
                                 if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out[t.id] = [k.value for k in node.value.keys
                                 if isinstance(k, ast.Constant) and isinstance(k.value, str)]
    return out


def is_latin_name(s):
    return 3 <= len(s) <= 20 and all(c.isascii() and (c.isalpha() or c in "'-") for c in s)


def write(name, items, header):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for x in sorted(set(items)):
            f.write(x + "\n")
    print(f"{name}: {len(set(items))}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--download-dir")
    args = ap.parse_args()
    tmp = args.download_dir or tempfile.mkdtemp(prefix="naqsha-names-")
    pk = download(tmp)
    faker_root = os.path.join(pk["faker"], "faker")
    faker_root = os.path.dirname(faker_root)
    ambiguous = set(load_list(os.path.join(HERE, "ambiguous.txt")))

    given_pk, family_pk = set(), set()
    db = sqlite3.connect(os.path.join(pk["faker_pk"], "faker_pk", "faker_pk.db"))
    for name, kind in db.execute("select name, type from names"):
        (family_pk if kind == "last" else given_pk).add(fold_latin(name))
    for (name,) in db.execute("select name from castes"):
        family_pk.add(fold_latin(name))
    en_pk = faker_lists(faker_root, "en_PK")
    given_pk.update(fold_latin(n) for n in en_pk["first_names"])
    family_pk.update(fold_latin(n) for n in en_pk["last_names"])
    pg = json.load(open(os.path.join(pk["pakgender"], "pakgender", "data", "names.json")))
    for name, info in pg["first_names"].items():
        if info.get("frequency") in ("high", "medium") and len(name) >= 4:
            given_pk.add(fold_latin(name))
    given_pk = {n for n in given_pk if is_latin_name(n)}
    family_pk = {n for n in family_pk if is_latin_name(n)}
    # table names count as Pakistani names too
    given_pk |= {k for k in URDU_TABLE if k not in family_pk}

    intl_given, intl_family = set(), set()
    for loc in ("en", "en_GB", "en_IN"):
        lists = faker_lists(faker_root, loc)
        for key, vals in lists.items():
            if key.startswith("first_names"):
                intl_given.update(fold_latin(v) for v in vals)
            elif key.startswith("last_names"):
                intl_family.update(fold_latin(v) for v in vals)
    intl_given = {n for n in intl_given if is_latin_name(n)} - given_pk - family_pk
    intl_family = {n for n in intl_family if is_latin_name(n)} - given_pk - family_pk

    held_given = {n for n in given_pk if heldout(n)}
    held_family = {n for n in family_pk if heldout(n)} - given_pk
    held_given -= family_pk
    given_known = given_pk - held_given
    family_known = family_pk - held_family
    write("given-latin.txt", given_known - ambiguous,
          "Pakistani given names, Latin script, folded (faker-pk, Faker en_PK, pakgender; MIT)")
    write("family-latin.txt", family_known - ambiguous,
          "Pakistani family, clan and caste names, Latin script (faker-pk, Faker en_PK; MIT)")
    write("intl-latin.txt", (intl_given | intl_family) - held_given - held_family - ambiguous,
          "International given and family names, Latin script (Faker en, en_GB, en_IN; MIT)")
    write("heldout/given-latin.txt", held_given,
          "HELD OUT: never loaded by the engine; the test-set generator draws from these")
    write("heldout/family-latin.txt", held_family,
          "HELD OUT: never loaded by the engine; the test-set generator draws from these")

    # Urdu script
    urdu_known, urdu_held_given, urdu_held_family = set(), set(), set()
    family_keys = family_pk | {"khan", "malik", "butt", "syed", "shah"}
    for latin, urdu in URDU_TABLE.items():
        u = fold_urdu(urdu)
        if heldout(latin):
            (urdu_held_family if latin in family_keys else urdu_held_given).add(u)
        else:
            urdu_known.add(u)
    fa = faker_lists(faker_root, "fa_IR")
    persian = set()
    for key in ("first_names_male", "first_names_female", "last_names"):
        for v in fa.get(key, []):
            for part in fold_urdu(v).split():
                if len(part) >= 2:
                    persian.add(part)
    ilner = ilner_person_tokens()
    held_urdu = urdu_held_given | urdu_held_family
    # names from the table or Persian that IL-NER train shows mostly as ordinary words
    # (دانش "wisdom", مظہر "manifestation") need context like the hand-listed ambiguous ones
    person, other = ilner_counts()
    common = {w for w in (urdu_known | persian) if other[w] >= 2 and other[w] > person[w]}
    write("urdu.txt", (urdu_known | persian | ilner) - held_urdu - ambiguous - common,
          "Urdu-script name tokens, folded: hand transliteration table, Faker fa_IR (MIT), "
          "IL-NER train person tokens (CC BY 4.0)")
    write("urdu-ambiguous.txt", common - held_urdu,
          "Urdu-script names that IL-NER train (CC BY 4.0) shows mostly as ordinary words; "
          "taken as names only with context")
    write_urdu_common()
    write_english_common(faker_root, given_pk | family_pk)
    write("heldout/given-urdu.txt", urdu_held_given,
          "HELD OUT: never loaded by the engine; the test-set generator draws from these")
    write("heldout/family-urdu.txt", urdu_held_family,
          "HELD OUT: never loaded by the engine; the test-set generator draws from these")


def write_urdu_common():
    """The most frequent Urdu tokens of IL-NER train that are (almost) never a person:
    function words and common nouns, which stop a name from being extended over them."""
    if not os.path.exists(ILNER_TRAIN):
        return
    person, other = collections.Counter(), collections.Counter()
    for line in open(ILNER_TRAIN, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2:
            continue
        tok = fold_urdu(parts[0])
        if parts[1].strip().endswith("NEP"):
            person[tok] += 1
        else:
            other[tok] += 1
    # a stray person tag on a function word (annotation noise) must not keep it out
    urdu = [(i, w, n) for i, (w, n) in enumerate(other.most_common())
            if person[w] * 20 < n and not any(c.isascii() or c.isdigit() for c in w)]
    words = [w for i, w, n in urdu if i < 3000 and n >= 3]
    path = os.path.join(ROOT, "data", "redaction", "urdu-common.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Frequent Urdu tokens never tagged as a person in IL-NER train (CC BY 4.0, "
                "Bahad et al. 2024); derived by data/names/derive.py\n")
        for w in sorted(words):
            f.write(w + "\n")
    # the rest seen twice or more: ordinary words ("ہمعصر", "نامزدگی") that do not extend a
    # name beside them, but may be a name themselves ("مسرت", "اسماء") and stay open to
    # cues and the tagger
    common = set(words)
    seen = [w for _, w, n in urdu if n >= 2 and w not in common]
    path = os.path.join(ROOT, "data", "redaction", "urdu-seen.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Urdu tokens seen at least twice in IL-NER train (CC BY 4.0, Bahad et al. 2024) "
                "and never as a person, beyond urdu-common.txt; derived by data/names/derive.py\n")
        for w in sorted(seen):
            f.write(w + "\n")
    print(f"data/redaction/urdu-seen.txt: {len(seen)}")
    print(f"data/redaction/urdu-common.txt: {len(words)}")


def write_english_common(faker_root, pakistani_names):
    """Common English words (Faker's lorem en_US word list) and the words of country
    names (Faker's address en countries): capitalised, they are no person's name."""
    words = set()
    for rel, key in (("lorem/en_US/__init__.py", "word_list"),
                     ("address/en/__init__.py", "countries")):
        path = os.path.join(faker_root, "faker", "providers", rel)
        tree = ast.parse(open(path, encoding="utf-8").read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == key for t in node.targets):
                for e in node.value.elts:
                    if isinstance(e, ast.Constant) and isinstance(e.value, str):
                        for w in e.value.replace("(", " ").replace(")", " ").split():
                            w = fold_latin(w).strip(",.'")
                            if w.isalpha() and len(w) >= 2:
                                words.add(w)
    words -= pakistani_names
    path = os.path.join(ROOT, "data", "redaction", "english-common.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Common English words and words of country names, from Faker 40.54.0 "
                "(lorem en_US word_list, address en countries; MIT); derived by "
                "data/names/derive.py\n")
        for w in sorted(words):
            f.write(w + "\n")
    print(f"data/redaction/english-common.txt: {len(words)}")


def load_list(path):
    if not os.path.exists(path):
        return []
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(fold_urdu(line.lower()))
    return out


def ilner_training_tokens():
    """(token, tag) pairs of the IL-NER train sentences that train the name tagger.

    Sentences are split as crates/naqsha-core/examples/common/pii_data.rs splits them (blocks
    between blank lines, lines without a tab skipped, empty blocks not counted); sentence
    i % 10 == 9 is the tagger's tuning tenth (examples/train_names.rs), where its operating
    point is chosen, so no name list may be built from it: the lists would know every name
    there and the operating point would be chosen where recall is unrealistically easy.
    """
    if not os.path.exists(ILNER_TRAIN):
        return []
    out, i = [], 0
    for block in open(ILNER_TRAIN, encoding="utf-8").read().split("\n\n"):
        pairs = [line.split("\t", 1) for line in block.split("\n") if "\t" in line]
        if not pairs:
            continue
        if i % 10 != 9:
            out.extend((fold_urdu(tok), tag.strip()) for tok, tag in pairs)
        i += 1
    return out


def ilner_counts():
    person, other = collections.Counter(), collections.Counter()
    for tok, tag in ilner_training_tokens():
        if tag.endswith("NEP"):
            person[tok] += 1
        else:
            other[tok] += 1
    return person, other


def ilner_person_tokens():
    if not os.path.exists(ILNER_TRAIN):
        print("IL-NER train split not found; Urdu gazetteer without it", file=sys.stderr)
        return set()
    person, other = ilner_counts()
    keep = set()
    for tok, n in person.items():
        if len(tok) < 2 or any(c.isdigit() or c.isascii() for c in tok):
            continue
        if n > other[tok]:
            keep.add(tok)
    return keep


if __name__ == "__main__":
    main()
