#!/usr/bin/env python3
"""Deterministic generator of Pakistani test stories with labelled personal data.

Writes JSON lines: {"id", "lang": "en"|"roman"|"ur", "text", "pii_free": bool,
"spans": [{"start", "end", "kind"}]} with offsets in Unicode code points (end exclusive).

People are drawn ONLY from data/names/heldout/ (names the engine never loads: see
data/names/derive.py), so name recall measures generalisation, not memory. Organisations,
neighbourhoods and e-mail domains are written here and are not in the engine's lists.

Usage: python3 benches/pii/gen_pk.py [--seed 7] [--stories 300] [--neutral 300] > out.jsonl
"""
import argparse
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
URDU_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def load(name):
    path = os.path.join(ROOT, "data", "names", "heldout", name)
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


GIVEN = [n.capitalize() for n in load("given-latin.txt")]
FAMILY = [n.capitalize() for n in load("family-latin.txt")]
GIVEN_UR = load("given-urdu.txt")
FAMILY_UR = load("family-urdu.txt")

ORGS = ["Iqra Public School", "Hamdard University", "Riphah International University",
        "Crescent Textile Mills", "Shifa International Hospital", "Al-Huda Academy",
        "Bahria College", "Nishat Mills", "Sapphire Textiles", "Qarshi Industries",
        "Mughal Steel", "Dawood Public School", "Lahore Grammar School",
        "Government College for Women", "Fatima Jinnah Women University"]
ORGS_UR = ["پنجاب یونیورسٹی", "گورنمنٹ گرلز ہائی سکول", "جامعہ کراچی", "الہدیٰ اکیڈمی",
           "شفا انٹرنیشنل ہسپتال", "حمدرد یونیورسٹی", "اقرا پبلک سکول"]
MOHALLA = ["Islampura", "Rehmanpura", "Qasaban", "Sadiqabad", "Shadbagh", "Krishan Nagar",
           "Ghausia", "Faizabad", "Mustafabad", "Ittehad"]
MOHALLA_UR = ["اسلام پورہ", "رحمان پورہ", "صادق آباد", "شاد باغ", "مصطفیٰ آباد", "غوثیہ"]
CITIES = ["Lahore", "Karachi", "Islamabad", "Rawalpindi", "Faisalabad", "Multan", "Peshawar",
          "Quetta", "Sialkot", "Gujranwala", "Hyderabad", "Bahawalpur", "Sargodha", "Okara"]
CITIES_UR = ["لاہور", "کراچی", "اسلام آباد", "راولپنڈی", "فیصل آباد", "ملتان", "پشاور",
             "کوئٹہ", "سیالکوٹ", "گوجرانوالہ"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_UR = ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر",
             "اکتوبر", "نومبر", "دسمبر"]
BANKS = ["HABB", "MUCB", "UNIL", "SCBL", "MEZN", "ALFH", "BAHL", "ASCM"]
DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "mail.com.pk"]


class Story:
    def __init__(self):
        self.parts, self.spans, self.len = [], [], 0

    def add(self, text, kind=None):
        if kind:
            self.spans.append({"start": self.len, "end": self.len + len(text), "kind": kind})
        self.parts.append(text)
        self.len += len(text)
        return self

    def text(self):
        return "".join(self.parts)


def iban(r):
    bank = r.choice(BANKS)
    acct = "".join(r.choice("0123456789") for _ in range(16))
    body = bank + acct + "PK00"
    num = "".join(str(int(c, 36)) for c in body)
    check = 98 - int(num) % 97
    s = f"PK{check:02d}{bank}{acct}"
    if r.random() < 0.3:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def phone(r, urdu=False):
    op = r.choice(["300", "301", "302", "303", "306", "311", "312", "313", "315", "320", "321",
                   "322", "331", "333", "334", "336", "341", "345", "346", "347"])
    sub = "".join(r.choice("0123456789") for _ in range(7))
    area = r.choice(["42", "21", "51", "41", "61", "91"])
    land = "".join(r.choice("0123456789") for _ in range(r.choice([7, 8])))
    forms = [f"0{op}-{sub}", f"0{op} {sub}", f"+92 {op} {sub}", f"92{op}{sub}", f"+92{op}{sub}",
             f"0{op}{sub}", f"0092 {op} {sub}", f"+92-{op}-{sub}", f"0{area}-{land}",
             f"(0{area}) {land}", f"+92 {area} {land}", "+44 7700 900" + sub[:3],
             "+971 50 " + sub[:3] + " " + sub[3:], "+1 415 555 " + sub[:4]]
    p = r.choice(forms)
    return p.translate(URDU_DIGITS) if urdu and r.random() < 0.6 else p


def cnic(r, urdu=False):
    d = str(r.randint(1, 7)) + "".join(r.choice("0123456789") for _ in range(12))
    c = f"{d[:5]}-{d[5:12]}-{d[12]}" if r.random() < 0.7 else d
    return c.translate(URDU_DIGITS) if urdu and r.random() < 0.6 else c


def person(r, lower=False, full=None):
    g, f = r.choice(GIVEN), r.choice(FAMILY)
    full = r.random() < 0.6 if full is None else full
    n = f"{g} {f}" if full else g
    return (n.lower() if lower else n), g, f


def person_ur(r, full=None):
    full = r.random() < 0.5 if full is None else full
    g = r.choice(GIVEN_UR)
    return f"{g} {r.choice(FAMILY_UR)}" if full else g


def address(r):
    n, m = r.randint(1, 999), r.randint(1, 60)
    s, d, e = r.choice("EFGHI"), r.randint(5, 14), r.randint(1, 4)
    city = r.choice(CITIES)
    return r.choice([
        f"House No. {n}, Street {m}, Sector {s}-{d}/{e}, Islamabad",
        f"H# {n}, St {m}, {s}-{d}/{e}, Islamabad",
        f"Flat {n}{r.choice('ABCD')}, Block {m}, Gulshan-e-Iqbal, Karachi",
        f"Mohalla {r.choice(MOHALLA)}, Gali No. {m}, {city}",
        f"Chak {n} GB, {r.choice(['Faisalabad', 'Toba Tek Singh', 'Jhang'])}",
        f"Plot {n}, Phase {r.randint(1, 8)}, DHA, Lahore",
        f"House {n}, Block {r.choice('ABCDEFGH')}, Johar Town, Lahore",
        f"Street {m}, Mohalla {r.choice(MOHALLA)}, {city}",
    ])


def address_ur(r):
    n, m = str(r.randint(1, 999)), str(r.randint(1, 60))
    if r.random() < 0.5:
        n, m = n.translate(URDU_DIGITS), m.translate(URDU_DIGITS)
    return r.choice([
        f"مکان نمبر {n}، گلی نمبر {m}، محلہ {r.choice(MOHALLA_UR)}، {r.choice(CITIES_UR)}",
        f"چک نمبر {n}، {r.choice(CITIES_UR)}",
        f"فلیٹ نمبر {n}، بلاک {m}، {r.choice(CITIES_UR)}",
        f"محلہ {r.choice(MOHALLA_UR)}، گلی نمبر {m}",
    ])


def dob(r, urdu=False):
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(1970, 2008)
    if urdu:
        s = r.choice([f"{d} {MONTHS_UR[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}"])
        return s.translate(URDU_DIGITS) if r.random() < 0.6 else s
    return r.choice([f"{d} {MONTHS[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
                     f"{MONTHS[m - 1]} {d}, {y}", f"{d}-{m}-{y}"])


def handle(r, g, f):
    return "@" + r.choice([f"{g.lower()}_{f.lower()}", f"{g.lower()}{r.randint(1, 99)}",
                           f"{g.lower()}.{f.lower()[:3]}"])


def url(r, g, f):
    return r.choice([f"facebook.com/{g.lower()}.{f.lower()}",
                     f"https://www.instagram.com/{g.lower()}_{r.randint(1, 999)}/",
                     f"tiktok.com/@{g.lower()}{f.lower()}", f"https://twitter.com/{g.lower()}{r.randint(1, 99)}",
                     f"https://fb.com/profile.php?id={r.randint(10**9, 10**10)}"])


def passport(r):
    return r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + \
        "".join(r.choice("0123456789") for _ in range(7))


def plate(r):
    return r.choice([f"LE{r.choice('ABCDEF')}-{r.randint(1000, 9999)}",
                     f"LE{r.choice('ABCDEF')}-{r.randint(10, 23)}-{r.randint(100, 9999)}",
                     f"ICT-{r.choice(['AB', 'AC', 'AD', 'AE'])}-{r.randint(100, 999)}",
                     f"{r.choice(['RIK', 'GAA', 'MNA', 'FDA', 'SKT'])} {r.randint(100, 9999)}"])


def story_en(r):
    s = Story()
    n, g, f = person(r)
    n2, g2, f2 = person(r, full=True)
    k = r.randrange(8)
    if k == 0:
        s.add("My name is ").add(n, "name").add(" and I live at ").add(address(r), "address")
        s.add(". A man who says he is ").add(n2, "name").add(" keeps calling me on ")
        s.add(phone(r), "phone").add(" and threatens to share my photos.")
    elif k == 1:
        s.add("I study at ").add(r.choice(ORGS), "org").add(". My classmate ").add(g2, "name")
        s.add(" made a fake profile ").add(url(r, g, f), "url").add(" with my pictures and my email ")
        s.add(f"{g.lower()}.{f.lower()}{r.randint(1, 99)}@{r.choice(DOMAINS)}", "email").add(".")
    elif k == 2:
        s.add(n2, "name").add(" took my CNIC ").add(cnic(r), "cnic").add(" and my passport number ")
        s.add(passport(r), "passport").add(" and now asks for money to ").add(iban(r), "iban").add(".")
    elif k == 3:
        s.add("Yesterday ").add(n2, "name").add(" followed me in a white car ").add(plate(r), "plate")
        s.add(" from my office at ").add(r.choice(ORGS), "org").add(" to ").add(address(r), "address").add(".")
    elif k == 4:
        s.add("I was born on ").add(dob(r), "dob").add(". My ex-husband ").add(g2, "name")
        s.add(" posts about me from ").add(handle(r, g2, f2), "handle").add(" and messages me at ")
        s.add(phone(r), "phone").add(".")
    elif k == 5:
        s.add("Please help. Mr. ").add(n2, "name").add(" from ").add(r.choice(ORGS), "org")
        s.add(" sends threats to my sister ").add(g, "name").add(" on WhatsApp ")
        s.add(phone(r), "phone").add(" every night.")
    elif k == 6:
        s.add("Date of birth: ").add(dob(r), "dob").add("\nName: ").add(n, "name")
        s.add("\nCNIC: ").add(cnic(r), "cnic").add("\nAddress: ").add(address(r), "address")
        s.add("\nEmail: ").add(f"{g.lower()}{r.randint(1, 999)}@{r.choice(DOMAINS)}", "email")
    else:
        s.add("My cousin ").add(n2, "name").add(" hacked my Instagram and now the account ")
        s.add(handle(r, g, f), "handle").add(" posts my photos. ").add(g2, "name")
        s.add(" also sent money from my account ").add(iban(r), "iban").add(" to his friend.")
    return s


def story_roman(r):
    s = Story()
    lower = r.random() < 0.25
    n, g, f = person(r, lower=lower)
    n2, g2, f2 = person(r, full=True)
    k = r.randrange(7)
    if k == 0:
        s.add("Mera naam ").add(n, "name").add(" hai aur main ").add(address(r), "address")
        s.add(" mein rehti hoon. Ek larka ").add(phone(r), "phone").add(" se mujhe roz call karta hai.")
    elif k == 1:
        s.add("Meri behen ").add(g, "name").add(" ko ").add(n2, "name")
        s.add(" blackmail kar raha hai. Us ne paise ").add(iban(r), "iban").add(" mein mangwaye hain.")
    elif k == 2:
        s.add(g2, "name").add(" bhai ne meri fake id ").add(url(r, g, f), "url")
        s.add(" banayi aur meri CNIC ").add(cnic(r), "cnic").add(" bhi share kar di.")
    elif k == 3:
        s.add("Meri paidaish ").add(dob(r), "dob").add(" ki hai aur main ").add(r.choice(ORGS), "org")
        s.add(" mein parhti hoon. Wahan ka ek teacher ").add(n2, "name").add(" mujhe ")
        s.add(handle(r, g2, f2), "handle").add(" se message karta hai.")
    elif k == 4:
        s.add("Us ki gari ka number ").add(plate(r), "plate").add(" hai aur woh ")
        s.add(address(r), "address").add(" ke bahar khara hota hai. Us ka email ")
        s.add(f"{g2.lower()}{r.randint(1, 99)}@{r.choice(DOMAINS)}", "email").add(" hai.")
    elif k == 5:
        s.add(n2, "name").add(" sahab ne mera number ").add(phone(r), "phone")
        s.add(" sab ko de diya aur mera passport ").add(passport(r), "passport").add(" bhi le gaye.")
    else:
        s.add("Kal ").add(n2, "name").add(" ne mujhe ").add(phone(r), "phone")
        s.add(" se dhamki di ke woh meri tasveerein viral kar dega.")
    return s


def story_ur(r):
    s = Story()
    n, n2 = person_ur(r), person_ur(r, full=True)
    k = r.randrange(7)
    if k == 0:
        s.add("میرا نام ").add(n, "name").add(" ہے اور میں ").add(address_ur(r), "address")
        s.add(" میں رہتی ہوں۔ ایک شخص ").add(phone(r, True), "phone").add(" سے مجھے فون کرتا ہے۔")
    elif k == 1:
        s.add("میرے کزن ").add(n2, "name").add(" نے میرا شناختی کارڈ ").add(cnic(r, True), "cnic")
        s.add(" سب کو بھیج دیا۔")
    elif k == 2:
        s.add(n2, "name").add(" صاحب ").add(r.choice(ORGS_UR), "org").add(" میں پڑھاتے ہیں اور مجھے ")
        s.add(phone(r, True), "phone").add(" سے پیغامات بھیجتے ہیں۔")
    elif k == 3:
        s.add("میری تاریخ پیدائش ").add(dob(r, True), "dob").add(" ہے۔ میری بہن ").add(n, "name")
        s.add(" کو ایک جعلی اکاؤنٹ ").add(url(r, "x", "y"), "url").add(" سے دھمکیاں ملتی ہیں۔")
    elif k == 4:
        s.add("اس نے پیسے ").add(iban(r), "iban").add(" میں منگوائے اور اس کا ای میل ")
        s.add(f"user{r.randint(1, 999)}@{r.choice(DOMAINS)}", "email").add(" ہے۔")
    elif k == 5:
        s.add("جناب ").add(n2, "name").add(" نے میری تصاویر ").add(handle(r, "abc", "def"), "handle")
        s.add(" پر لگا دیں۔")
    else:
        s.add(n2, "name").add(" بھائی نے کہا کہ وہ ").add(address_ur(r), "address").add(" آئے گا۔")
    return s


NEUTRAL_EN = [
    "I reported the account to Facebook in March but nothing happened.",
    "The FIA Cybercrime Wing in Lahore asked me to come back after Eid.",
    "She lost her job in Karachi after the video was shared on WhatsApp and TikTok.",
    "On 12/03/2024 at 9 pm the messages started again.",
    "He asked for Rs. 50,000 and said he would send the pictures to my family.",
    "My parents took my phone away and I could not go to university for two months.",
    "The helpline told me to block him and change my password.",
    "Many women journalists in Sindh and Punjab face coordinated attacks on Twitter.",
    "Last year I moved from Multan to Islamabad with my mother.",
    "Nobody at the police station in Rawalpindi wanted to register an FIR.",
    "In 2023 the number of complaints about fake profiles doubled.",
    "Please do not share my story with anyone in my village.",
    "The court hearing was postponed three times between January and June.",
    "Google and Instagram removed the posts after two weeks.",
    "I am 24 years old and I live with my family near Peshawar.",
    "Sometimes I feel afraid to use the internet at all.",
    "Room 5 on the second floor of the hospital had no signal.",
    "The Pakistan Telecommunication Authority blocked the website in October.",
    "Hope and patience kept me going through the worst days.",
    "After the hearing on 5 May 2024 the case was closed.",
]
NEUTRAL_ROMAN = [
    "Main ne Facebook ko report kiya lekin kuch nahi hua.",
    "Us ne kaha ke agar paise nahi diye to tasveerein viral kar dega.",
    "FIA wale kehte hain Eid ke baad aana.",
    "Meri ammi ne mera phone le liya aur mujhe university jane nahi diya.",
    "Raat ko 11 baje phir se messages aane lage.",
    "Hum Lahore se Karachi shift ho gaye magar woh phir bhi peecha karta raha.",
    "Sabr karo, sab theek ho jayega, sab yehi kehte hain.",
    "Police station mein koi FIR likhne ko tayyar nahi tha.",
    "Mujhe bohat dar lagta hai ke ghar walon ko pata chal jayega.",
    "Instagram ne do hafte baad account band kar diya.",
    "Pichle saal 2023 mein yeh sab shuru hua tha.",
    "Helpline walon ne kaha block kar do aur password badal do.",
    "Woh Rs 20,000 mang raha hai aur roz dhamki deta hai.",
    "Meri job chali gayi aur main ghar se bahar nahi nikalti.",
    "Noor aur umeed ki baat sab karte hain magar madad koi nahi karta.",
]
NEUTRAL_UR = [
    "میں نے فیس بک کو رپورٹ کی لیکن کچھ نہیں ہوا۔",
    "اس نے کہا کہ اگر پیسے نہ دیے تو تصویریں وائرل کر دے گا۔",
    "ایف آئی اے والوں نے کہا کہ عید کے بعد آنا۔",
    "میری امی نے میرا فون لے لیا اور مجھے یونیورسٹی جانے نہیں دیا۔",
    "رات گیارہ بجے پھر سے پیغامات آنے لگے۔",
    "ہم لاہور سے کراچی منتقل ہو گئے مگر وہ پھر بھی پیچھا کرتا رہا۔",
    "صبر کرو، سب ٹھیک ہو جائے گا۔",
    "تھانے میں کوئی ایف آئی آر لکھنے کو تیار نہیں تھا۔",
    "مجھے بہت ڈر لگتا ہے کہ گھر والوں کو پتہ چل جائے گا۔",
    "انسٹاگرام نے دو ہفتے بعد اکاؤنٹ بند کر دیا۔",
    "۲۰۲۳ میں یہ سب شروع ہوا تھا۔",
    "ہیلپ لائن والوں نے کہا کہ بلاک کر دو اور پاس ورڈ بدل دو۔",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stories", type=int, default=300, help="stories per writing")
    ap.add_argument("--neutral", type=int, default=300, help="PII-free texts per writing")
    args = ap.parse_args()
    r = random.Random(args.seed)
    i = 0
    for lang, make in (("en", story_en), ("roman", story_roman), ("ur", story_ur)):
        for _ in range(args.stories):
            s = make(r)
            print(json.dumps({"id": i, "lang": lang, "pii_free": False, "text": s.text(),
                              "spans": s.spans}, ensure_ascii=False))
            i += 1
    for lang, pool in (("en", NEUTRAL_EN), ("roman", NEUTRAL_ROMAN), ("ur", NEUTRAL_UR)):
        for _ in range(args.neutral):
            text = " ".join(r.sample(pool, 3))
            print(json.dumps({"id": i, "lang": lang, "pii_free": True, "text": text, "spans": []},
                             ensure_ascii=False))
            i += 1


if __name__ == "__main__":
    main()
