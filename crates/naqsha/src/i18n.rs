//! Interface messages in every language, from `i18n/en.toml` and `i18n/ur.toml`, embedded at
//! compile time. Templates and handlers translate through [`Tr`]: `tr.t("home.title")` for a
//! plain message, `tr.f("paging.position", &[("page", "2"), ...])` for one with placeholders,
//! `tr.p("admin.inbox.count", n, &[("count", …)])` for one whose words follow a number.
//! Keys are always string literals at the call site, so a test can find every key in use.
//!
//! A message with plural forms is a table of CLDR plural categories in the catalog
//! (`count.one = "{count} report"`, `count.other = "{count} reports"`); English and Urdu both
//! have only "one" and "other". In Urdu every value put into a message is wrapped in Unicode
//! isolates (FSI … PDI), so a phone number, a receipt, a URL or a name in Latin letters keeps
//! its own order inside right-to-left text, on a page, in a `title`, in an SMS.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use naqsha_core::lang::Lang;
use naqsha_core::submission::SubmissionStatus;

/// The catalog files of each language: the public site, then one file per area of the staff
/// workspace (so each area's messages live beside each other). A key defined twice is an error.
const EN: &[(&str, &str)] = &[
    ("en.toml", include_str!("../i18n/en.toml")),
    (
        "admin/auth.en.toml",
        include_str!("../i18n/admin/auth.en.toml"),
    ),
    (
        "admin/inbox.en.toml",
        include_str!("../i18n/admin/inbox.en.toml"),
    ),
    (
        "admin/review.en.toml",
        include_str!("../i18n/admin/review.en.toml"),
    ),
    (
        "admin/audit.en.toml",
        include_str!("../i18n/admin/audit.en.toml"),
    ),
    (
        "admin/feeds.en.toml",
        include_str!("../i18n/admin/feeds.en.toml"),
    ),
    (
        "admin/campaigns.en.toml",
        include_str!("../i18n/admin/campaigns.en.toml"),
    ),
    (
        "public/campaigns.en.toml",
        include_str!("../i18n/public/campaigns.en.toml"),
    ),
    (
        "public/filters.en.toml",
        include_str!("../i18n/public/filters.en.toml"),
    ),
    (
        "public/map.en.toml",
        include_str!("../i18n/public/map.en.toml"),
    ),
    (
        "public/stats.en.toml",
        include_str!("../i18n/public/stats.en.toml"),
    ),
    (
        "public/strategies.en.toml",
        include_str!("../i18n/public/strategies.en.toml"),
    ),
    (
        "public/data.en.toml",
        include_str!("../i18n/public/data.en.toml"),
    ),
    (
        "public/frame.en.toml",
        include_str!("../i18n/public/frame.en.toml"),
    ),
    (
        "public/conversation.en.toml",
        include_str!("../i18n/public/conversation.en.toml"),
    ),
    (
        "admin/conversation.en.toml",
        include_str!("../i18n/admin/conversation.en.toml"),
    ),
    (
        "public/creative.en.toml",
        include_str!("../i18n/public/creative.en.toml"),
    ),
    (
        "admin/responses.en.toml",
        include_str!("../i18n/admin/responses.en.toml"),
    ),
    ("sms.en.toml", include_str!("../i18n/sms.en.toml")),
    ("chat.en.toml", include_str!("../i18n/chat.en.toml")),
    ("notice.en.toml", include_str!("../i18n/notice.en.toml")),
    (
        "referrals.en.toml",
        include_str!("../i18n/referrals.en.toml"),
    ),
    (
        "public/responses.en.toml",
        include_str!("../i18n/public/responses.en.toml"),
    ),
];
const UR: &[(&str, &str)] = &[
    ("ur.toml", include_str!("../i18n/ur.toml")),
    (
        "admin/auth.ur.toml",
        include_str!("../i18n/admin/auth.ur.toml"),
    ),
    (
        "admin/inbox.ur.toml",
        include_str!("../i18n/admin/inbox.ur.toml"),
    ),
    (
        "admin/review.ur.toml",
        include_str!("../i18n/admin/review.ur.toml"),
    ),
    (
        "admin/audit.ur.toml",
        include_str!("../i18n/admin/audit.ur.toml"),
    ),
    (
        "admin/feeds.ur.toml",
        include_str!("../i18n/admin/feeds.ur.toml"),
    ),
    (
        "admin/campaigns.ur.toml",
        include_str!("../i18n/admin/campaigns.ur.toml"),
    ),
    (
        "public/campaigns.ur.toml",
        include_str!("../i18n/public/campaigns.ur.toml"),
    ),
    (
        "public/filters.ur.toml",
        include_str!("../i18n/public/filters.ur.toml"),
    ),
    (
        "public/map.ur.toml",
        include_str!("../i18n/public/map.ur.toml"),
    ),
    (
        "public/stats.ur.toml",
        include_str!("../i18n/public/stats.ur.toml"),
    ),
    (
        "public/strategies.ur.toml",
        include_str!("../i18n/public/strategies.ur.toml"),
    ),
    (
        "public/data.ur.toml",
        include_str!("../i18n/public/data.ur.toml"),
    ),
    (
        "public/frame.ur.toml",
        include_str!("../i18n/public/frame.ur.toml"),
    ),
    (
        "public/conversation.ur.toml",
        include_str!("../i18n/public/conversation.ur.toml"),
    ),
    (
        "admin/conversation.ur.toml",
        include_str!("../i18n/admin/conversation.ur.toml"),
    ),
    (
        "public/creative.ur.toml",
        include_str!("../i18n/public/creative.ur.toml"),
    ),
    (
        "admin/responses.ur.toml",
        include_str!("../i18n/admin/responses.ur.toml"),
    ),
    ("sms.ur.toml", include_str!("../i18n/sms.ur.toml")),
    ("chat.ur.toml", include_str!("../i18n/chat.ur.toml")),
    ("notice.ur.toml", include_str!("../i18n/notice.ur.toml")),
    (
        "referrals.ur.toml",
        include_str!("../i18n/referrals.ur.toml"),
    ),
    (
        "public/responses.ur.toml",
        include_str!("../i18n/public/responses.ur.toml"),
    ),
];

/// Flattened catalog: `section.sub.key` → message.
type Catalog = BTreeMap<String, String>;

#[expect(
    clippy::panic,
    reason = "the catalogs are embedded; a malformed one is a build mistake every test run catches"
)]
static CATALOGS: LazyLock<[Catalog; 2]> = LazyLock::new(|| {
    // The catalogs are part of the binary; a malformed one is a build mistake that every test
    // run catches, so failing loudly here is right.
    [
        merge_catalogs(EN).unwrap_or_else(|e| panic!("i18n/{e}")),
        merge_catalogs(UR)
            .map(|messages| {
                // A phone number or a code written into an Urdu message keeps its order.
                messages
                    .into_iter()
                    .map(|(key, text)| (key, crate::bidi::isolate_plain(&text)))
                    .collect()
            })
            .unwrap_or_else(|e| panic!("i18n/{e}")),
    ]
});

/// Parses and merges the files of one language.
fn merge_catalogs(files: &[(&str, &str)]) -> Result<Catalog, String> {
    let mut out = Catalog::new();
    for (name, text) in files {
        for (key, message) in parse_catalog(text).map_err(|e| format!("{name}: {e}"))? {
            if out.insert(key.clone(), message).is_some() {
                return Err(format!("{name}: {key} is defined twice"));
            }
        }
    }
    Ok(out)
}

fn catalog(lang: Lang) -> &'static Catalog {
    match lang {
        Lang::En => &CATALOGS[0],
        Lang::Ur => &CATALOGS[1],
    }
}

/// Parses a catalog file into flat dotted keys; every leaf must be a string.
fn parse_catalog(text: &str) -> Result<Catalog, String> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_owned())?;
    let mut out = Catalog::new();
    flatten("", &table, &mut out)?;
    Ok(out)
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut Catalog) -> Result<(), String> {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(&key, t, out)?,
            other => return Err(format!("{key}: expected text, got {}", other.type_str())),
        }
    }
    Ok(())
}

/// Translates `key` into `lang`.
///
/// A missing key is a bug (tests check every key used); in a release build the key itself is
/// shown rather than failing the page, in a debug build it panics so tests notice.
pub fn t(lang: Lang, key: &str) -> &str {
    match catalog(lang).get(key) {
        Some(message) => message.as_str(),
        None => {
            debug_assert!(false, "missing translation {key:?} for {lang}");
            tracing::warn!(key, lang = lang.code(), "missing translation");
            key
        }
    }
}

use crate::bidi::{FSI, PDI};

/// `value` isolated from the text around it when that text is right to left, so bidi cannot
/// reorder it with its neighbours ("0800 39393" does not become "39393 0800"). A plain number
/// or a value wholly in Arabic script needs no isolate and gets none.
pub fn isolate(lang: Lang, value: &str) -> String {
    match lang {
        Lang::Ur if needs_isolate(value) => format!("{FSI}{value}{PDI}"),
        _ => value.to_owned(),
    }
}

/// Whether `value` can be reordered inside right-to-left text: anything but a run of digits
/// or text wholly in Arabic script (with spaces).
fn needs_isolate(value: &str) -> bool {
    let arabic = |c: char| naqsha_core::script::is_arabic_script(c) && !c.is_numeric();
    let digits = !value.is_empty() && value.chars().all(char::is_numeric);
    let urdu = value.chars().all(|c| arabic(c) || c.is_whitespace());
    !(digits || urdu)
}

/// The CLDR plural category of the whole number `n` in `lang`: English and Urdu say "one" of
/// exactly 1 and "other" of everything else (0 included).
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::En | Lang::Ur => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
    }
}

/// Whether `lang` has the message `key`, as a plain message or in plural forms.
pub fn has_message(lang: Lang, key: &str) -> bool {
    let catalog = catalog(lang);
    catalog.contains_key(key)
        || ["one", "other"]
            .iter()
            .all(|form| catalog.contains_key(&format!("{key}.{form}")))
}

/// The translation keys of a status and its explanation, as the follow-up page and the SMS status reply show them.
pub fn status_keys(status: SubmissionStatus) -> (&'static str, &'static str) {
    match status {
        SubmissionStatus::New => ("followup.status.new", "followup.status.new_explain"),
        SubmissionStatus::InReview => (
            "followup.status.in_review",
            "followup.status.in_review_explain",
        ),
        SubmissionStatus::Published => (
            "followup.status.published",
            "followup.status.published_explain",
        ),
        SubmissionStatus::StatisticsOnly => (
            "followup.status.statistics_only",
            "followup.status.statistics_only_explain",
        ),
        SubmissionStatus::Archived | SubmissionStatus::Rejected => {
            ("followup.status.kept", "followup.status.kept_explain")
        }
        SubmissionStatus::Withdrawn => (
            "followup.status.withdrawn",
            "followup.status.withdrawn_explain",
        ),
    }
}

/// `message` with each `{name}` in `args` replaced by its value, isolated in right-to-left
/// languages.
fn fill(lang: Lang, message: &str, args: &[(&str, &str)]) -> String {
    let mut text = message.to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), &isolate(lang, value));
    }
    text
}

/// A number that chooses a plural form, however a template holds it (templates see fields
/// through references).
pub trait PluralNumber {
    /// The number, saturating at `u64::MAX` (negative numbers count as 0).
    fn number(&self) -> u64;
}

macro_rules! plural_number {
    ($($t:ty),*) => {$(
        impl PluralNumber for $t {
            fn number(&self) -> u64 {
                u64::try_from(*self).unwrap_or(if *self > 0 as $t { u64::MAX } else { 0 })
            }
        }
    )*};
}
plural_number!(u8, u16, u32, u64, usize, i32, i64);

impl<T: PluralNumber + ?Sized> PluralNumber for &T {
    fn number(&self) -> u64 {
        (**self).number()
    }
}

/// The translator for one language, handed to every template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    /// The language translated into.
    pub fn lang(&self) -> Lang {
        self.0
    }

    /// The message `key`.
    pub fn t<'k>(&self, key: &'k str) -> &'k str {
        t(self.0, key)
    }

    /// The message `key` with each `{name}` replaced by its value (isolated in Urdu).
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.0, t(self.0, key), args)
    }

    /// The plural form of message `key` that fits the number `n` (see [`plural_category`]),
    /// with each `{name}` replaced by its value. `n` chooses the form only: pass it among
    /// `args` too where the message shows it.
    pub fn p(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let form = format!("{key}.{}", plural_category(self.0, n));
        fill(self.0, t(self.0, &form), args)
    }

    /// Message `key` about waiting `wait`, in whole minutes rounded up (at least one), with
    /// the plural form that fits: "wait 1 minute", "wait 3 minutes".
    pub fn wait_minutes(&self, key: &str, wait: std::time::Duration) -> String {
        let minutes = wait.as_secs().div_ceil(60).max(1);
        self.p(key, minutes, &[("minutes", &minutes.to_string())])
    }

    /// The name of month `month` (1–12), e.g. "March" or "مارچ".
    pub fn month(&self, month: u8) -> &'static str {
        const KEYS: [&str; 12] = [
            "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
            "month.9", "month.10", "month.11", "month.12",
        ];
        let index = usize::from(month.clamp(1, 12)) - 1;
        t(self.0, KEYS[index])
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use super::*;

    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            out.insert(rest[start + 1..start + len].to_owned());
            rest = &rest[start + len..];
        }
        out
    }

    #[test]
    fn catalogs_have_the_same_keys() {
        let en: BTreeSet<_> = catalog(Lang::En).keys().collect();
        let ur: BTreeSet<_> = catalog(Lang::Ur).keys().collect();
        let only_en: Vec<_> = en.difference(&ur).collect();
        let only_ur: Vec<_> = ur.difference(&en).collect();
        assert!(only_en.is_empty(), "keys missing from ur.toml: {only_en:?}");
        assert!(only_ur.is_empty(), "keys missing from en.toml: {only_ur:?}");
    }

    #[test]
    fn placeholders_match_and_urdu_is_in_urdu_script() {
        for (key, en) in catalog(Lang::En) {
            let ur = &catalog(Lang::Ur)[key];
            assert_eq!(
                placeholders(en),
                placeholders(ur),
                "placeholders differ in {key}"
            );
            assert!(
                !en.trim().is_empty() && !ur.trim().is_empty(),
                "{key} is empty"
            );
            let arabic_script = ur.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            assert!(
                arabic_script,
                "ur.toml {key} is not written in Urdu: {ur:?}"
            );
        }
    }

    #[test]
    fn months_and_placeholders_translate() {
        assert_eq!(Tr(Lang::En).month(3), "March");
        assert_eq!(Tr(Lang::Ur).month(12), "دسمبر");
        for m in 1..=12 {
            assert_ne!(Tr(Lang::Ur).month(m), Tr(Lang::En).month(m));
        }
        let en = Tr(Lang::En).f("paging.position", &[("page", "2"), ("pages", "5")]);
        assert_eq!(en, "Page 2 of 5");
        let ur = Tr(Lang::Ur).f("paging.position", &[("page", "2"), ("pages", "5")]);
        assert!(
            ur.contains('2') && ur.contains('5') && !ur.contains('{'),
            "{ur}"
        );
    }

    fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_under(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }

    /// Every key passed as a literal to `Tr::t` or `Tr::f` in a template or in the web code.
    fn keys_used(text: &str) -> Vec<String> {
        let mut keys = Vec::new();
        // A method call `.t(` or `.f(` whose first argument is a string literal.
        for call in ["t(", "f(", "p("] {
            for (at, _) in text.match_indices(call) {
                if !text[..at].ends_with('.') {
                    continue;
                }
                // rustfmt may put the literal on the next line.
                let rest = text[at + call.len()..].trim_start();
                let Some(literal) = rest.strip_prefix('"') else {
                    continue;
                };
                if let Some(end) = literal.find('"') {
                    keys.push(literal[..end].to_owned());
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_used_in_templates_and_handlers_exists() {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        files_under(&crate_dir.join("../../templates"), "html", &mut files);
        let templates = files.len();
        files_under(&crate_dir.join("src/web"), "rs", &mut files);
        assert!(templates >= 4, "templates not found");

        let mut used = 0;
        let mut missing = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            for key in keys_used(&text) {
                used += 1;
                for lang in Lang::ALL {
                    if !has_message(lang, &key) {
                        missing.push(format!(
                            "{} uses {key:?}, missing in {lang}",
                            file.display()
                        ));
                    }
                }
            }
        }
        assert!(
            used > 20,
            "the key scan found only {used} keys: is the call pattern still .t(\"…\")?"
        );
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// File extensions: a dotted literal ending in one is a file name, not a message key.
    const FILE_EXTENSIONS: &[&str] = &[
        "toml", "md", "csv", "json", "geojson", "jsonl", "html", "css", "js", "txt", "db", "sql",
        "eml", "png", "svg", "xml",
    ];

    /// Every string literal in `text` that names a message: a dotted key whose first part is
    /// a section of the catalogs (`"error.forbidden.role"`, `"evidence.too_large"`, however it
    /// is passed on: an `AppError`'s key, a form problem, an API refusal, a `…_key()`
    /// function's answer), and any literal written where a message key goes (`key: "…"`,
    /// `Problem::new("…")`, `Problem::with("…"`), whatever its section.
    fn message_keys(text: &str, sections: &BTreeSet<&str>) -> Vec<String> {
        let is_key_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
        let mut keys = Vec::new();
        // Every stretch between two quotes is a candidate; no attempt is made to pair quotes
        // (char literals, escapes), since only a dotted identifier can match.
        let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
        for pair in quotes.windows(2) {
            let (open, close) = (pair[0], pair[1]);
            let literal = &text[open + 1..close];
            let parts: Vec<&str> = literal.split('.').collect();
            let dotted = parts.len() >= 2
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(is_key_char));
            if !dotted || parts.last().is_some_and(|l| FILE_EXTENSIONS.contains(l)) {
                continue;
            }
            let before = text[..open].trim_end();
            let in_key_position = ["key:", "Problem::new(", "Problem::with("]
                .iter()
                .any(|p| before.ends_with(p));
            if in_key_position || sections.contains(parts[0]) {
                keys.push(literal.to_owned());
            }
        }
        keys
    }

    #[test]
    fn every_message_key_in_the_source_has_english_and_urdu() {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        files_under(&crate_dir.join("../../templates"), "html", &mut files);
        files_under(&crate_dir.join("src"), "rs", &mut files);
        // Setting names ("sms.webhook_secret") and the catalog file list are not messages.
        let config = crate_dir.join("src/config");
        files.retain(|f| !f.starts_with(&config) && !f.ends_with("src/i18n.rs"));
        let sections: BTreeSet<&str> = catalog(Lang::En)
            .keys()
            .filter_map(|k| k.split('.').next())
            .collect();

        let mut found = BTreeSet::new();
        let mut missing = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            for key in message_keys(&text, &sections) {
                for lang in Lang::ALL {
                    if !has_message(lang, &key) {
                        missing.push(format!(
                            "{} uses {key:?}, missing in {lang}",
                            file.display()
                        ));
                    }
                }
                found.insert(key);
            }
        }
        // the scan must see the keys of error pages, refusals and evidence checks
        for known in [
            "error.forbidden.csrf",
            "error.bad_request.form.body",
            "error.bad_request.back.body",
            "admin.review.error.leak",
            "evidence.too_large",
            "followup.error.throttled",
        ] {
            assert!(found.contains(known), "the key scan missed {known}");
        }
        assert!(
            found.len() > 300,
            "the key scan found only {} keys",
            found.len()
        );
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn message_key_scan_finds_keys_in_every_position() {
        let sections: BTreeSet<&str> = ["error", "evidence"].into_iter().collect();
        let code = r#"AppError::BadRequest { key: "new_area.refused" };
            Problem::new("admin.review.error.mark"); let x = "evidence.too_large";
            let file = "evidence.md"; let c = '"'; let s = "error.page_number.body"; "a b.c""#;
        assert_eq!(
            message_keys(code, &sections),
            [
                "new_area.refused",
                "admin.review.error.mark",
                "evidence.too_large",
                "error.page_number.body"
            ]
        );
    }

    #[test]
    fn plural_forms_follow_the_number_and_values_are_isolated_in_urdu() {
        for lang in Lang::ALL {
            assert_eq!(plural_category(lang, 1), "one");
            for n in [0, 2, 5, 11, 21, 101] {
                assert_eq!(plural_category(lang, n), "other");
            }
        }
        let en = Tr(Lang::En);
        assert_eq!(en.p("admin.inbox.count", 1, &[("count", "1")]), "1 report");
        assert_eq!(en.p("admin.inbox.count", 0, &[("count", "0")]), "0 reports");
        let ur = Tr(Lang::Ur).p("admin.inbox.count", 2, &[("count", "0800 39393")]);
        assert!(ur.contains("\u{2068}0800 39393\u{2069}"), "{ur}");
        for plain in ["12", "۱۲", "لاہور، پنجاب", ""] {
            assert_eq!(isolate(Lang::Ur, plain), plain);
        }
        for mixed in [
            "0800-39393",
            "2024-03",
            "https://example.org/data",
            "Ayesha",
            "۳ کیس 5",
        ] {
            assert_eq!(isolate(Lang::Ur, mixed), format!("{FSI}{mixed}{PDI}"));
            assert_eq!(isolate(Lang::En, mixed), mixed);
        }
        // Plural tables of both languages have the same forms (checked by key) and every
        // plural message a catalog has is complete.
        for lang in Lang::ALL {
            for key in catalog(lang).keys() {
                if let Some(base) = key.strip_suffix(".one") {
                    assert!(has_message(lang, base), "{key} has no .other in {lang}");
                }
            }
        }
    }

    #[test]
    fn key_scan_finds_keys() {
        let found =
            keys_used("{{ ui.t(\"home.title\") }} tr.f(\n    \"paging.position\", &[]) x.t(key)");
        assert_eq!(found, ["home.title", "paging.position"]);
    }
}
