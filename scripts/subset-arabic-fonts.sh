#!/usr/bin/env bash
# Cuts the two Arabic-script fonts down to the letters Naqsha's languages need, writes each
# with its @font-face rule into assets/vendor/fonts/, and records what every vendored font
# file covers in assets/vendor/fonts/coverage.json.
#
#   Noto Nastaliq Urdu  -> noto-nastaliq-urdu-urdu-400-normal.<hash>.woff2 + fonts-urdu.css
#                          (Urdu, and Punjabi in Shahmukhi, which Nastaliq is the custom for)
#   Noto Naskh Arabic   -> noto-naskh-arabic-arabic-400-normal.<hash>.woff2 + fonts-naskh.css
#                          (Sindhi and Pashto, which are printed in Naskh, and any other
#                          language of Pakistan written in Arabic script)
#
# data/languages/languages.toml names, per language, which of the two stylesheets its pages
# link and which file they preload; English pages link neither.
#
# Nastaliq keeps the Urdu alphabet (Arabic letters and the Urdu additions ٹ پ چ ڈ ڑ ژ ک گ ں
# ھ ہ ۂ ۃ ی ے ۓ), the Punjabi and Saraiki additions it draws (ݨ ݪ ٻ ڄ ݙ ڳ), the vowel
# marks and hamza, the honorific signs, both sets of Arabic-Indic digits, Urdu punctuation,
# the space, the joiners and direction marks. Naskh keeps all of that and the letters of
# Sindhi (ٻ ڀ ٽ ٺ ٿ ڄ ڃ ڇ ڊ ڌ ڍ ڏ ڙ ڦ ڪ ڳ ڱ ڻ ۽ ۾), Pashto (ټ ځ څ ډ ړ ږ ښ ګ ڼ ې ۍ) and
# Balochi (ێ ۏ ۆ). Neither keeps the Arabic presentation forms (no text Naqsha writes or
# receives is normalised to them) nor Persian-only or Arabic-only extensions. Every OpenType
# layout feature is kept: Arabic script cannot be drawn without its contextual forms,
# ligatures and mark positioning. Hinting is dropped: browsers on phones ignore it, and for
# Nastaliq it is a quarter of the file. Only the regular weight is made: headings are set
# bold by the browser, and a second file would double the wait on a slow network.
#
# Usage: scripts/subset-arabic-fonts.sh [NODE_MODULES]
#   NODE_MODULES  where `npm ci` installed the packages pinned in package.json
#                 (default: ./node_modules); the sources are the packages' regular
#                 arabic-subset woff2 files of @fontsource/noto-nastaliq-urdu and
#                 @fontsource/noto-naskh-arabic
# Needs fontTools (PyPI fonttools, with brotli for woff2); when python3 lacks them, a
# temporary virtual environment gets the pinned versions below from PyPI.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/assets/vendor/fonts"
modules="${1:-$root/node_modules}"
nastaliq_src="$modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2"
naskh_src="$modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2"
for src in "$nastaliq_src" "$naskh_src"; do
    if [[ ! -f "$src" ]]; then
        echo "subset-arabic-fonts: $src not found (run npm ci, or name the node_modules folder)" >&2
        exit 1
    fi
done

FONTTOOLS=4.69.1
BROTLI=1.2.1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if python3 -c 'import fontTools.subset, brotli' 2>/dev/null; then
    python=python3
else
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet "fonttools==$FONTTOOLS" "brotli==$BROTLI"
    python="$work/venv/bin/python"
fi

# What Urdu needs; both fonts keep it. Each list is written once here, and the stylesheet
# gets the same ranges as its unicode-range.
urdu=(
    U+0020 U+00A0                     # spaces
    U+060C U+061B U+061C U+061F       # ، ؛ (Arabic letter mark) ؟
    U+0610-0615                       # honorific signs (ؐ ؑ ؒ ؓ ؔ ؕ)
    U+0621-063A                       # hamza and the Arabic letters
    U+0640-0658                       # tatweel, letters, vowel marks, hamza above/below, noon ghunna
    U+0660-066C                       # Arabic-Indic digits, ٪ ٫ ٬
    U+0670                            # superscript alef
    U+0679 U+067E U+0686 U+0688 U+0691 U+0698 # ٹ پ چ ڈ ڑ ژ
    U+06A9 U+06AF U+06BA U+06BE       # ک گ ں ھ
    U+06C0-06C3 U+06CC U+06D2-06D4    # ۀ ہ ۂ ۃ ی ے ۓ ۔
    U+06F0-06F9                       # Urdu (Extended Arabic-Indic) digits ۰–۹
    U+200C-200F                       # joiners and direction marks
    U+2010-2011                       # hyphens
    U+2066-2069                       # direction isolates (drawn by no font; kept for the range)
)
# Punjabi (Shahmukhi) and Saraiki: ݨ ݪ, and Saraiki's implosives ٻ ڄ ݙ ڳ.
punjabi=(U+0759 U+0768 U+076A U+067B U+0684 U+06B3)
# The language switch of every page names Sindhi «سنڌي» and Pashto «پښتو»; on pages set in
# Nastaliq those names are drawn by it (the Naskh stack falls back to it), so it keeps ڌ ښ.
names=(U+068C U+069A)
sindhi=(
    U+067A-067B U+067D U+067F-0680    # ٺ ٻ ٽ ٿ ڀ
    U+0683-0684 U+0687                # ڃ ڄ ڇ
    U+068A U+068C-068D U+068F U+0699  # ڊ ڌ ڍ ڏ ڙ
    U+06A6 U+06AA U+06B1 U+06B3 U+06BB # ڦ ڪ ڱ ڳ ڻ
    U+06FD-06FE                       # ۽ ۾
)
pashto=(
    U+067C U+0681 U+0685 U+0689 U+0693 U+0696 U+069A # ټ ځ څ ډ ړ ږ ښ
    U+06AB U+06BC U+06CD U+06D0       # ګ ڼ ۍ ې
)
balochi=(U+06C6 U+06CE U+06CF)        # ۆ ێ ۏ

# The ranges joined by commas, each once (Saraiki and Sindhi share letters).
joined() {
    printf '%s\n' "$@" | awk '!seen[$0]++' | paste -sd ,
}

# subset SOURCE FAMILY NAME STYLESHEET WHO RANGES...: one font file and its stylesheet.
subset() {
    local src="$1" family="$2" stem="$3" sheet="$4" who="$5"
    shift 5
    local list
    list="$(joined "$@")"
    "$python" -m fontTools.subset "$src" \
        --unicodes="$list" \
        --layout-features='*' \
        --no-hinting \
        --flavor=woff2 \
        --output-file="$work/$stem.woff2"
    local hash name
    hash="$(sha256sum "$work/$stem.woff2" | cut -c1-12)"
    name="$stem.$hash.woff2"
    rm -f "$out/$stem".*.woff2
    cp "$work/$stem.woff2" "$out/$name"
    cat >"$out/$sheet" <<CSS
/* Generated by scripts/subset-arabic-fonts.sh; do not edit by hand. Linked by $who. */
/* Licence: SIL Open Font License 1.1, see LICENSE-*.txt in this folder. */
@font-face {
  font-family: '$family';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./$name) format('woff2');
  unicode-range: $list;
}
CSS
    echo "subset-arabic-fonts: $(basename "$src") $(stat -c %s "$src") bytes -> $name $(stat -c %s "$out/$name") bytes"
}

subset "$nastaliq_src" "Noto Nastaliq Urdu" noto-nastaliq-urdu-urdu-400-normal fonts-urdu.css \
    "the pages of languages set in Nastaliq (Urdu, Punjabi) and admin pages" \
    "${urdu[@]}" "${punjabi[@]}" "${names[@]}"
subset "$naskh_src" "Noto Naskh Arabic" noto-naskh-arabic-arabic-400-normal fonts-naskh.css \
    "the pages of languages set in Naskh (Sindhi, Pashto)" \
    "${urdu[@]}" "${punjabi[@]}" "${sindhi[@]}" "${pashto[@]}" "${balochi[@]}"

# What each vendored file can draw, read from its own cmap: the coverage test
# (crates/naqsha/src/web/font_coverage.rs) checks every language's letters and messages
# against it. Not served (assets.rs leaves it out of the binary).
"$python" - "$out" <<'PY'
import json, pathlib, sys
from fontTools.ttLib import TTFont

folder = pathlib.Path(sys.argv[1])
entries = []
for path in sorted(folder.glob("*.woff2")):
    font = TTFont(path)
    entry = {
        "family": font["name"].getBestFamilyName(),
        "code_points": sorted(font.getBestCmap()),
    }
    entries.append(f"  {json.dumps(path.name)}: {json.dumps(entry)}")
text = '{\n "files": {\n' + ",\n".join(entries) + "\n }\n}\n"
json.loads(text)
(folder / "coverage.json").write_text(text)
PY
echo "subset-arabic-fonts: coverage of $(cd "$out" && ls ./*.woff2 | wc -l) files in coverage.json"
