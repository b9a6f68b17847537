#!/usr/bin/env python3
"""Writes N rows of a realistic Ushahidi v3/v5 (platform) CSV export to standard output.

The layout is the platform's: a header of field labels, a row of HXL tags, then one post per
row with the native columns (Post ID … Unstructured Description) followed by survey fields,
a location as `Location.lat` / `Location.lon`, and multi-value fields joined by commas.
Texts mix English, Roman Urdu and Urdu, some with quoted newlines; a few rows are broken on
purpose (empty description, unparseable date). Standard library only; deterministic per seed.

    python3 benches/import/gen_ushahidi.py --rows 1000000 --seed 7 > /tmp/ushahidi-1m.csv
"""

import argparse
import csv
import random
import sys

HEADER = [
    "Post ID", "Survey", "Post Status", "Created (UTC)", "Updated (UTC)", "Post Date (UTC)",
    "Contact ID", "Contact", "Data Source ID", "Source", "Unstructured Description",
    "Title", "Description", "Categories", "Platform", "Location.lat", "Location.lon",
    "Age of survivor", "Sets",
]
HXL = [
    "#id", "", "#status", "#date +created", "", "#date +reported", "", "#contact", "",
    "#meta +source", "", "#description +title", "#description", "#cause", "#meta +platform",
    "#geo +lat", "#geo +lon", "#affected +age", "",
]
CATEGORIES = ["Impersonation / fake profile", "Threats", "Hacking", "Blackmail",
              "Harassment", "Stalking", "Hate speech", "Other"]
PLATFORMS = ["Facebook", "WhatsApp", "Instagram", "TikTok", "Messenger", "SMS", "Twitter"]
# Points inside Pakistan (district headquarters, jittered below).
POINTS = [(31.5204, 74.3587), (24.8607, 67.0011), (33.6844, 73.0479), (34.0151, 71.5249),
          (30.1798, 66.9750), (30.1575, 71.5249), (25.3960, 68.3578), (32.0836, 72.6711)]
SENTENCES = [
    "Someone made a fake account with my pictures and sent them to my relatives.",
    "He keeps sending messages at night even after I blocked three numbers.",
    "My account was hacked and the password changed; they post from it now.",
    "Mujhe WhatsApp par dhamkiyan mil rahi hain ke tasveerein phela dega.",
    "مجھے فیس بک پر ایک جعلی اکاؤنٹ سے مسلسل پیغامات آ رہے ہیں۔",
    "He asked for money or he would send the video to my family.",
    "Comments under my posts call me names and accuse me of blasphemy.",
    "Meri tasveeren edit kar ke group mein share ki gayi hain.",
]


def post(i, rnd):
    day = rnd.randint(1, 28)
    month = rnd.randint(1, 12)
    year = rnd.randint(2016, 2024)
    created = f"{year}-{month:02d}-{day:02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00"
    post_date = f"{year}-{month:02d}-{day:02d} 00:00:00"
    sms = rnd.random() < 0.2
    text = " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 4)))
    if rnd.random() < 0.1:
        text += "\n\n" + rnd.choice(SENTENCES)
    if rnd.random() < 0.001:
        text = ""  # broken on purpose: nothing to import
    if rnd.random() < 0.001:
        post_date = "sometime last year"  # broken on purpose
    lat, lon = rnd.choice(POINTS)
    located = rnd.random() < 0.7
    cats = ",".join(sorted(set(rnd.choice(CATEGORIES) for _ in range(rnd.randint(1, 2)))))
    plats = ",".join(sorted(set(rnd.choice(PLATFORMS) for _ in range(rnd.randint(1, 2)))))
    contact = f"+92300{rnd.randint(1000000, 9999999)}" if sms or rnd.random() < 0.3 else ""
    return [
        str(i), "" if sms else "Report a case", rnd.choice(["published", "draft", "in review"]),
        created, created, post_date, str(i) if contact else "", contact,
        "3" if sms else "", "sms" if sms else "web",
        text if sms else "", "" if sms else text[:60], "" if sms else text,
        "" if sms else cats, "" if sms else plats,
        f"{lat + rnd.uniform(-0.05, 0.05):.6f}" if located else "",
        f"{lon + rnd.uniform(-0.05, 0.05):.6f}" if located else "",
        rnd.choice(["", "18-24", "25-34", "under 18"]), "",
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADER)
    out.writerow(HXL)
    for i in range(1, args.rows + 1):
        out.writerow(post(i, rnd))


if __name__ == "__main__":
    main()
