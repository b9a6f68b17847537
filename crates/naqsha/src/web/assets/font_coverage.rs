//! Every language served in a vendored font can be drawn by it: no letter of its alphabet and
//! no character of its messages falls to a reader's own fonts (which on many phones draw a
//! box or the wrong style). "Drawn" means what a browser does: a face of the stylesheet the
//! language's pages link claims the character in its `unicode-range` *and* the font file's
//! cmap has it. The cmaps are in `assets/vendor/fonts/coverage.json`, read from the real
//! files by fontTools when `scripts/subset-arabic-fonts.sh` cuts them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use naqsha_core::lang::Lang;
use serde::Deserialize;

use super::Assets;

#[derive(Deserialize)]
struct Coverage {
    files: BTreeMap<String, CoveredFile>,
}

#[derive(Deserialize)]
struct CoveredFile {
    family: String,
    code_points: BTreeSet<u32>,
}

/// One `@font-face` rule and what its file covers.
struct Face {
    family: String,
    file: String,
    ranges: Vec<(u32, u32)>,
    cmap: BTreeSet<u32>,
}

impl Face {
    fn draws(&self, c: char) -> bool {
        let c = u32::from(c);
        self.ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) && self.cmap.contains(&c)
    }
}

fn coverage() -> Coverage {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/vendor/fonts/coverage.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The faces of a served stylesheet under `vendor/fonts/`, read as the browser gets it.
fn faces(stylesheet: &str, coverage: &Coverage) -> Vec<Face> {
    let file = Assets::get(&format!("vendor/fonts/{stylesheet}"))
        .unwrap_or_else(|| panic!("{stylesheet} is not served"));
    let css = std::str::from_utf8(&file.data).unwrap().to_owned();
    css.split("@font-face")
        .skip(1)
        .map(|rule| {
            let rule = rule.split('}').next().unwrap();
            let value = |property: &str| {
                let start = rule
                    .find(&format!("{property}:"))
                    .unwrap_or_else(|| panic!("{stylesheet}: a rule without {property}"))
                    + property.len()
                    + 1;
                rule[start..].split(';').next().unwrap().trim().to_owned()
            };
            let family = value("font-family").trim_matches(['\'', '"']).to_owned();
            let src = value("src");
            let file = src
                .split("url(./")
                .nth(1)
                .and_then(|s| s.split(')').next())
                .unwrap_or_else(|| panic!("{stylesheet}: src {src}"))
                .to_owned();
            let ranges = value("unicode-range")
                .split(',')
                .map(|range| parse_range(range.trim()))
                .collect();
            let covered = coverage
                .files
                .get(&file)
                .unwrap_or_else(|| panic!("{stylesheet} names {file}, which coverage.json lacks"));
            assert_eq!(
                covered.family, family,
                "{stylesheet}: {file} is a font of another family"
            );
            Face {
                family,
                cmap: covered.code_points.clone(),
                file,
                ranges,
            }
        })
        .collect()
}

/// `U+0600` or `U+0600-06FF` (the fonts' stylesheets use no `?` wildcards).
fn parse_range(range: &str) -> (u32, u32) {
    let hex = range
        .strip_prefix("U+")
        .unwrap_or_else(|| panic!("unicode-range {range}"));
    let number = |s: &str| u32::from_str_radix(s, 16).unwrap_or_else(|_| panic!("{range}"));
    match hex.split_once('-') {
        Some((lo, hi)) => (number(lo), number(hi)),
        None => (number(hex), number(hex)),
    }
}

/// Characters no font needs to draw: the direction marks and isolates, joiners and the
/// byte-order mark are invisible controls that shape or order the text around them.
fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Symbols (arrows, mathematical and technical signs such as Chrome's menu «⋮», the admin
/// workspace's «⟨U+…⟩») belong to no script: no served font is a symbol font, and English pages
/// draw them with the reader's fonts as well, so they are not a language's coverage gap.
fn is_symbol(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

fn name(c: char) -> String {
    format!("{c} U+{:04X}", u32::from(c))
}

#[test]
fn every_letter_of_a_language_is_drawn_by_its_own_font() {
    let coverage = coverage();
    let mut checked = 0;
    for &lang in Lang::all() {
        let Some(font) = lang.font() else {
            continue;
        };
        let code = lang.code();
        let letters = lang
            .info()
            .letters
            .as_deref()
            .unwrap_or_else(|| panic!("{code}: a language with a font lists its `letters`"));
        let faces: Vec<Face> = faces(&font.stylesheet, &coverage)
            .into_iter()
            .filter(|face| face.family == font.family)
            .collect();
        assert!(
            !faces.is_empty(),
            "{code}: {} has no face of {}",
            font.stylesheet,
            font.family
        );
        assert!(
            faces
                .iter()
                .any(|face| face.file.starts_with(&font.preload)),
            "{code}: the preloaded {}… is not a file {} names",
            font.preload,
            font.stylesheet
        );
        let missing: Vec<String> = letters
            .chars()
            .filter(|c| !c.is_whitespace())
            .filter(|&c| !faces.iter().any(|face| face.draws(c)))
            .map(name)
            .collect();
        assert!(
            missing.is_empty(),
            "{code}: {} does not draw {missing:?}",
            font.family
        );
        checked += letters.chars().filter(|c| !c.is_whitespace()).count();
    }
    // Urdu, Sindhi, Pashto and Punjabi: well over a hundred letters in all.
    assert!(checked > 150, "only {checked} letters checked");
}

#[test]
fn the_check_finds_a_letter_a_font_lacks() {
    let coverage = coverage();
    let nastaliq = faces("fonts-urdu.css", &coverage);
    let naskh = faces("fonts-naskh.css", &coverage);
    // Sindhi's kaf «ڪ» is not in Noto Nastaliq Urdu at all; Naskh has it.
    assert!(!nastaliq.iter().any(|face| face.draws('ڪ')));
    assert!(naskh.iter().any(|face| face.draws('ڪ')));
    // Punjabi's «ݨ» and «ݪ» are kept in the Nastaliq cut.
    assert!(nastaliq.iter().any(|face| face.draws('ݨ')));
    assert!(nastaliq.iter().any(|face| face.draws('ݪ')));
    // A Latin letter is in neither Arabic font's range.
    assert!(!naskh.iter().any(|face| face.draws('a')));
}

#[test]
fn every_character_of_a_language_s_messages_is_drawn() {
    let coverage = coverage();
    let latin = faces("fonts.css", &coverage);
    let mut checked = 0;
    for &lang in Lang::all() {
        let Some(font) = lang.font() else {
            continue;
        };
        let code = lang.code();
        // Every page links fonts.css (Noto Sans: Latin, digits, «», dashes) beside its own.
        let mut page = faces(&font.stylesheet, &coverage);
        page.extend(faces("fonts.css", &coverage));
        let mut missing = BTreeSet::new();
        let catalogs = catalogs(code);
        assert!(!catalogs.is_empty(), "{code}: no catalogs found");
        for (path, text) in catalogs {
            let drawn = text
                .chars()
                .filter(|&c| !c.is_ascii() && !needs_no_glyph(c) && !is_symbol(c));
            for c in drawn {
                checked += 1;
                if !page.iter().any(|face| face.draws(c)) {
                    missing.insert(format!("{} in {path}", name(c)));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{code}: no served font draws {missing:?}"
        );
    }
    assert!(!latin.is_empty());
    assert!(checked > 1000, "only {checked} characters checked");
}

/// The Fluent catalogs of a language (`crates/naqsha/i18n/<code>/**/*.ftl`), by path.
fn catalogs(code: &str) -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let mut found = Vec::new();
    let mut folders = vec![root.join(code)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "ftl") {
                let relative = path.strip_prefix(&root).unwrap().display().to_string();
                found.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found
}

#[test]
fn naqsha_css_sets_every_language_in_its_font() {
    let css = Assets::get("css/naqsha.css").unwrap();
    let css = std::str::from_utf8(&css.data).unwrap();
    for &lang in Lang::all() {
        let Some(font) = lang.font() else {
            continue;
        };
        let selector = format!(":lang({})", lang.code());
        let named = css.split('}').any(|rule| {
            let Some((selectors, body)) = rule.split_once('{') else {
                return false;
            };
            let Some(family) = body.split("font-family:").nth(1) else {
                return false;
            };
            let family = family.split(';').next().unwrap_or("").trim();
            let family = match family.strip_prefix("var(") {
                Some(var) => {
                    let var = var.trim_end_matches(')');
                    css.split(&format!("{var}:"))
                        .nth(1)
                        .and_then(|v| v.split(';').next())
                        .unwrap_or("")
                        .trim()
                }
                None => family,
            };
            // The rule's own selectors, not a comment before them.
            let selectors = selectors.rsplit("*/").next().unwrap_or(selectors);
            selectors.contains(&selector) && family.starts_with(&format!("\"{}\"", font.family))
        });
        assert!(
            named,
            "naqsha.css has no `{selector}` rule whose font-family starts with {}",
            font.family
        );
    }
}
