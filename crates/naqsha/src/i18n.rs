//! Interface messages in every language, from the Project Fluent catalogs
//! `crates/naqsha/i18n/<code>/*.ftl`, embedded at compile time. Templates and handlers
//! translate through [`Tr`]: `tr.t("home.title")` for a plain message,
//! `tr.f("paging.position", &[("page", "2"), ...])` for one with variables,
//! `tr.p("admin.inbox.count", n, &[("count", …)])` for one whose words follow a number.
//! Keys are always string literals at the call site, so a test can find every key in use.
//!
//! A key is written with dots in the code (`home.title`) and with dashes in the catalogs
//! (`home-title`); variables are `{ $name }`. Plural forms are Fluent selects on a number
//! (`{ $count -> [one] … *[other] … }`) whose categories are CLDR's for the language
//! (`plural` in `data/languages/languages.toml`): Urdu and English say "one" of exactly 1,
//! Punjabi also of 0.
//!
//! A message a language's catalogs lack comes from the next language of its fallback chain
//! (Sindhi → Urdu → English); [`watch_fallback`] tells a page whether any of its messages
//! did, so it can say so. In right-to-left languages every value put into a message that bidi
//! could reorder is wrapped in Unicode isolates (FSI … PDI), and so is every left-to-right run
//! of the catalog text itself (LRI … PDI), so a phone number, a receipt, a URL or a name in
//! Latin letters keeps its own order inside right-to-left text, on a page, in a `title`, in an
//! SMS. Fluent's own isolation is off: it would also wrap plain digits and Arabic-script
//! words, which need none, and isolates are drawn as boxes by some old phones' fonts.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use naqsha_core::lang::{Digits, Lang};
use naqsha_core::submission::SubmissionStatus;
use rust_embed::RustEmbed;

use crate::bidi::{FSI, PDI};

/// The catalog files: one folder per language code, the same file names in each.
#[derive(RustEmbed)]
#[folder = "i18n/"]
#[include = "*.ftl"]
struct CatalogFiles;

/// A message as `t` returns it, with the language it was taken from.
struct Resolved {
    text: String,
    from: Lang,
}

/// One language's catalogs.
struct Catalog {
    bundle: FluentBundle<FluentResource>,
    /// The messages of this language's own files (Fluent id → file), without fallback.
    own: BTreeMap<String, String>,
    /// Every message the whole fallback chain offers, keyed by dotted key, with each
    /// variable written `{name}`: what `t` answers.
    resolved: BTreeMap<String, Resolved>,
    plurals: PluralRules,
}

/// Every language's catalogs, in the order of [`Lang::all`].
struct Catalogs(Vec<Catalog>);

/// A catalog that cannot be used: which file, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("i18n/{file}: {reason}")]
pub struct CatalogError {
    file: String,
    reason: String,
}

impl CatalogError {
    fn new(file: &str, reason: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            reason: reason.into(),
        }
    }
}

#[expect(
    clippy::panic,
    reason = "the catalogs are embedded; a malformed one is a build mistake every test run catches"
)]
static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| {
    let files = CatalogFiles::iter().filter_map(|path| {
        let file = CatalogFiles::get(&path)?;
        Some((
            path.into_owned(),
            String::from_utf8_lossy(&file.data).into_owned(),
        ))
    });
    Catalogs::load(files.collect()).unwrap_or_else(|e| panic!("{e}"))
});

impl Catalogs {
    /// Parses the catalog files (`<code>/<path>.ftl` → text) of every declared language.
    fn load(files: Vec<(String, String)>) -> Result<Catalogs, CatalogError> {
        let mut by_lang: BTreeMap<Lang, Vec<(String, String)>> = BTreeMap::new();
        for (path, text) in files {
            let code = path.split('/').next().unwrap_or_default();
            let Some(lang) = Lang::all().iter().copied().find(|l| l.code() == code) else {
                return Err(CatalogError::new(
                    &path,
                    format!("{code:?} is not a language of data/languages/languages.toml"),
                ));
            };
            by_lang.entry(lang).or_default().push((path, text));
        }
        let mut bundles = Vec::new();
        let mut owns = Vec::new();
        for &lang in Lang::all() {
            let (bundle, own) = bundle(lang, by_lang.remove(&lang).unwrap_or_default())?;
            bundles.push(bundle);
            owns.push(own);
        }
        let english: Vec<String> = owns[0].keys().cloned().collect();
        if english.is_empty() {
            return Err(CatalogError::new("en", "English has no messages"));
        }
        let mut catalogs = Vec::new();
        for (index, &lang) in Lang::all().iter().enumerate() {
            let mut resolved = BTreeMap::new();
            for id in &english {
                for &from in lang.fallbacks() {
                    let source = &bundles[usize::from(from.index())];
                    if let Some(text) = template(source, id) {
                        resolved.insert(id.replace('-', "."), Resolved { text, from });
                        break;
                    }
                }
            }
            let locale = lang
                .plural_locale()
                .parse::<unic_langid::LanguageIdentifier>()
                .map_err(|_| CatalogError::new(lang.code(), "plural locale is not a locale"))?;
            let plurals = PluralRules::create(locale, PluralRuleType::CARDINAL)
                .map_err(|e| CatalogError::new(lang.code(), format!("plural rules: {e}")))?;
            debug_assert_eq!(usize::from(lang.index()), index);
            catalogs.push((resolved, plurals));
        }
        Ok(Catalogs(
            bundles
                .into_iter()
                .zip(owns)
                .zip(catalogs)
                .map(|((bundle, own), (resolved, plurals))| Catalog {
                    bundle,
                    own,
                    resolved,
                    plurals,
                })
                .collect(),
        ))
    }

    fn get(&self, lang: Lang) -> &Catalog {
        &self.0[usize::from(lang.index()).min(self.0.len() - 1)]
    }
}

/// The bundle of one language's files and the ids of its messages, refusing a syntax error
/// or a message defined twice.
fn bundle(
    lang: Lang,
    mut files: Vec<(String, String)>,
) -> Result<(FluentBundle<FluentResource>, BTreeMap<String, String>), CatalogError> {
    files.sort();
    let locale: unic_langid::LanguageIdentifier = lang
        .plural_locale()
        .parse()
        .map_err(|_| CatalogError::new(lang.code(), "not a locale"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    if lang.is_rtl() {
        bundle.set_transform(Some(isolate_catalog_text));
    }
    bundle.set_formatter(match lang.digits() {
        Digits::Latn => None,
        Digits::Arabext => Some(number_in_arabext),
        Digits::Arab => Some(number_in_arab),
    });
    let mut own = BTreeMap::new();
    for (path, text) in files {
        let resource = FluentResource::try_new(text).map_err(|(_, errors)| {
            let first = errors
                .first()
                .map(|e| format!("syntax error: {e}"))
                .unwrap_or_default();
            CatalogError::new(&path, first)
        })?;
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                if message.value.is_none() {
                    continue;
                }
                let id = message.id.name;
                if let Some(other) = own.insert(id.to_owned(), path.clone()) {
                    return Err(CatalogError::new(
                        &path,
                        format!("{id} is also defined in {other}"),
                    ));
                }
            }
        }
        bundle.add_resource(resource).map_err(|errors| {
            CatalogError::new(&path, format!("defined twice or broken: {errors:?}"))
        })?;
    }
    Ok((bundle, own))
}

fn isolate_catalog_text(text: &str) -> Cow<'_, str> {
    Cow::Owned(crate::bidi::isolate_plain(text))
}

fn number_in_arabext<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in(Digits::Arabext, value)
}

fn number_in_arab<M>(value: &FluentValue, _: &M) -> Option<String> {
    number_in(Digits::Arab, value)
}

fn number_in(digits: Digits, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(digits.write(&n.as_string())),
        _ => None,
    }
}

/// The message `id` formatted with each variable written `{name}` (what `t` returns: a
/// select takes its default variant).
fn template(bundle: &FluentBundle<FluentResource>, id: &str) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut names = BTreeSet::new();
    variables(pattern, &mut names);
    let mut args = FluentArgs::new();
    for name in names {
        let shown = format!("{{{name}}}");
        args.set(name, FluentValue::from(shown));
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned(),
    )
}

/// The variables a pattern uses, in its text and its selects.
fn variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut BTreeSet<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

thread_local! {
    /// How many messages were taken from another language since [`watch_fallback`] began.
    static FELL_BACK: Cell<Option<u32>> = const { Cell::new(None) };
}

tokio::task_local! {
    /// Whether any message translated for the request running on this task came from another
    /// language: counts, labels and other words a page formats before its template renders
    /// (and across awaits) are seen here, where [`FELL_BACK`] sees only the render itself.
    static REQUEST_FELL_BACK: Cell<bool>;
}

fn note_fallback(lang: Lang, key: &str) {
    tracing::debug!(
        key,
        lang = lang.code(),
        "message taken from a fallback language"
    );
    FELL_BACK.with(|count| {
        if let Some(n) = count.get() {
            count.set(Some(n.saturating_add(1)));
        }
    });
    // Outside a request (tests, commands) there is no request to mark.
    let _ = REQUEST_FELL_BACK.try_with(|fell_back| fell_back.set(true));
}

/// Runs `request` (the handler of every request the server answers): any message it
/// translates from a fallback language is remembered for it, so its page can say so
/// ([`request_fell_back`]).
pub async fn in_request<F: std::future::Future>(request: F) -> F::Output {
    REQUEST_FELL_BACK.scope(Cell::new(false), request).await
}

/// Whether the request running on this task has translated any message from a fallback
/// language so far (false outside a request).
pub fn request_fell_back() -> bool {
    REQUEST_FELL_BACK.try_with(Cell::get).unwrap_or(false)
}

/// Runs `render` and says whether any message it translated came from another language than
/// the one asked for (a Sindhi page showing Urdu where Sindhi has no translation yet), so the
/// page can say so. Rendering is synchronous, so the count stays on this thread.
pub fn watch_fallback<R>(render: impl FnOnce() -> R) -> (R, bool) {
    let outer = FELL_BACK.with(|count| count.replace(Some(0)));
    let out = render();
    let fell_back = FELL_BACK.with(|count| count.replace(outer)).unwrap_or(0) > 0;
    if let Some(n) = outer {
        FELL_BACK.with(|count| count.set(Some(n + u32::from(fell_back))));
    }
    (out, fell_back)
}

/// Translates `key` into `lang`, or the first language of its fallback chain that has it.
///
/// A missing key is a bug (tests check every key used); in a release build the key itself is
/// shown rather than failing the page, in a debug build it panics so tests notice.
pub fn t(lang: Lang, key: &str) -> &str {
    match CATALOGS.get(lang).resolved.get(key) {
        Some(message) => {
            if message.from != lang {
                note_fallback(lang, key);
            }
            message.text.as_str()
        }
        None => {
            debug_assert!(false, "missing translation {key:?} for {lang}");
            tracing::warn!(key, lang = lang.code(), "missing translation");
            key
        }
    }
}

/// `value` isolated from the text around it when that text is right to left, so bidi cannot
/// reorder it with its neighbours ("0800 39393" does not become "39393 0800"). A plain number
/// or a value wholly in Arabic script needs no isolate and gets none.
pub fn isolate(lang: Lang, value: &str) -> String {
    if lang.is_rtl() && needs_isolate(value) {
        format!("{FSI}{value}{PDI}")
    } else {
        value.to_owned()
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

/// The CLDR plural category of the whole number `n` in `lang` ("one", "few", "other"…):
/// English and Urdu say "one" of exactly 1, Punjabi of 0 and 1.
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    match CATALOGS.get(lang).plurals.select(n) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        Ok(PluralCategory::OTHER) | Err(_) => "other",
    }
}

/// Whether `lang`'s own catalogs (not its fallbacks) have the message `key`.
pub fn has_message(lang: Lang, key: &str) -> bool {
    CATALOGS.get(lang).own.contains_key(&fluent_id(key))
}

/// How many of the English messages `lang`'s own catalogs translate, and how many there are.
pub fn coverage(lang: Lang) -> (usize, usize) {
    let english = &CATALOGS.get(Lang::EN).own;
    let own = &CATALOGS.get(lang).own;
    (
        english.keys().filter(|id| own.contains_key(*id)).count(),
        english.len(),
    )
}

/// The Fluent id of a dotted key: `home.title` → `home-title`.
fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
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

/// Message `key` in `lang` (or its fallback) with `args`: strings isolated in right-to-left
/// languages, and numbers (the `n` of a plural) as Fluent numbers so a select can choose.
fn format(lang: Lang, key: &str, args: &[(&str, &str)], number: Option<u64>) -> String {
    let id = fluent_id(key);
    let Some((from, pattern)) = lang.fallbacks().iter().find_map(|&from| {
        let pattern = CATALOGS.get(from).bundle.get_message(&id)?.value()?;
        Some((from, pattern))
    }) else {
        return t(lang, key).to_owned();
    };
    if from != lang {
        note_fallback(lang, key);
    }
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let as_number = number.filter(|n| n.to_string() == *value);
        match as_number {
            Some(n) => fluent_args.set(*name, FluentValue::from(n)),
            None => fluent_args.set(*name, FluentValue::from(isolate(from, value))),
        }
    }
    let mut errors = Vec::new();
    let text = CATALOGS
        .get(from)
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        debug_assert!(false, "{key} in {from}: {errors:?}");
        tracing::warn!(key, lang = from.code(), "message formatted with errors");
    }
    text.into_owned()
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

    /// The message `key` with each `{ $name }` replaced by its value (isolated in
    /// right-to-left languages).
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        format(self.0, key, args, None)
    }

    /// The plural form of message `key` that fits the number `n` (see [`plural_category`]),
    /// with each `{ $name }` replaced by its value. An argument whose value is `n` written
    /// out is passed as the number, so the catalog's select chooses by it; `n` chooses the
    /// form only: pass it among `args` too where the message shows it.
    pub fn p(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        format(self.0, key, args, Some(n))
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

    /// Every message `lang`'s own catalogs have, by dotted key, with variables as `{name}`.
    fn catalog(lang: Lang) -> BTreeMap<String, String> {
        let c = CATALOGS.get(lang);
        c.own
            .keys()
            .map(|id| (id.replace('-', "."), template(&c.bundle, id).unwrap()))
            .collect()
    }

    /// The variables of message `id` in `lang`'s own catalogs.
    fn message_variables(lang: Lang, id: &str) -> BTreeSet<String> {
        let pattern = CATALOGS.get(lang).bundle.get_message(id).unwrap().value();
        let mut names = BTreeSet::new();
        variables(pattern.unwrap(), &mut names);
        names.into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn english_and_urdu_have_the_same_keys_and_others_only_english_ones() {
        let en: BTreeSet<_> = catalog(Lang::EN).into_keys().collect();
        let ur: BTreeSet<_> = catalog(Lang::UR).into_keys().collect();
        let only_en: Vec<_> = en.difference(&ur).collect();
        let only_ur: Vec<_> = ur.difference(&en).collect();
        assert!(only_en.is_empty(), "keys missing from ur/: {only_en:?}");
        assert!(only_ur.is_empty(), "keys missing from en/: {only_ur:?}");
        for &lang in Lang::all() {
            let own: BTreeSet<_> = catalog(lang).into_keys().collect();
            let stray: Vec<_> = own.difference(&en).collect();
            assert!(stray.is_empty(), "{lang} has keys English lacks: {stray:?}");
            // and each in the file of the same name as English's
            for (id, file) in &CATALOGS.get(lang).own {
                let english = &CATALOGS.get(Lang::EN).own[id];
                assert_eq!(
                    file.split_once('/').unwrap().1,
                    english.split_once('/').unwrap().1,
                    "{id} in {lang}"
                );
            }
        }
    }

    #[test]
    fn variables_match_english_and_translations_are_in_their_script() {
        let english = catalog(Lang::EN);
        for &lang in Lang::all() {
            for (key, text) in catalog(lang) {
                let id = fluent_id(&key);
                assert_eq!(
                    message_variables(lang, &id),
                    message_variables(Lang::EN, &id),
                    "variables differ in {key} ({lang})"
                );
                assert!(!text.trim().is_empty(), "{key} is empty in {lang}");
                let words = |t: &str| {
                    let mut rest = t.to_owned();
                    for v in message_variables(lang, &id) {
                        rest = rest.replace(&format!("{{{v}}}"), "");
                    }
                    rest
                };
                let latin_words = words(&english[&key])
                    .chars()
                    .any(|c| c.is_ascii_alphabetic());
                if lang.is_rtl() && latin_words {
                    let arabic = words(&text).chars().any(|c| {
                        ('\u{0600}'..='\u{06FF}').contains(&c)
                            || ('\u{0750}'..='\u{077F}').contains(&c)
                    });
                    assert!(arabic, "{lang} {key} is not in its script: {text:?}");
                }
            }
        }
    }

    #[test]
    fn every_language_gives_every_message_through_its_fallback_chain() {
        for &lang in Lang::all() {
            for key in catalog(Lang::EN).keys() {
                let resolved = &CATALOGS.get(lang).resolved[key];
                assert!(!resolved.text.trim().is_empty(), "{key} in {lang}");
                assert!(lang.fallbacks().contains(&resolved.from));
                let id = fluent_id(key);
                let names = message_variables(resolved.from, &id);
                let args: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "7")).collect();
                for n in [0, 1, 2, 7] {
                    let text = format(lang, key, &args, Some(n));
                    assert!(!text.contains('{'), "{key} in {lang}: {text}");
                }
            }
        }
        let sd = Lang::from_code("sd").unwrap();
        let ((), fell_back) = watch_fallback(|| {
            Tr(sd).t("admin.nav.inbox");
        });
        assert!(fell_back, "the staff menu is not translated into Sindhi");
        let ((), fell_back) = watch_fallback(|| {
            Tr(sd).t("report.title");
        });
        assert!(!fell_back, "the report form is translated into Sindhi");
    }

    #[test]
    fn plural_variants_are_the_language_s_own_categories() {
        for &lang in Lang::all() {
            let categories: BTreeSet<&str> = (0..=1000).map(|n| plural_category(lang, n)).collect();
            let c = CATALOGS.get(lang);
            for id in c.own.keys() {
                let pattern = c.bundle.get_message(id).unwrap().value().unwrap();
                for element in &pattern.elements {
                    let ast::PatternElement::Placeable {
                        expression: ast::Expression::Select { variants, .. },
                    } = element
                    else {
                        continue;
                    };
                    for variant in variants {
                        if let ast::VariantKey::Identifier { name } = variant.key {
                            assert!(
                                categories.contains(name),
                                "{lang} {id}: [{name}] is not a plural category of {}",
                                lang.plural_locale()
                            );
                        }
                        if variant.default {
                            assert!(
                                matches!(
                                    variant.key,
                                    ast::VariantKey::Identifier { name: "other" }
                                ),
                                "{lang} {id}: the default variant must be [other]"
                            );
                        }
                    }
                }
            }
        }
        let pa = Lang::from_code("pa").unwrap();
        assert_eq!(plural_category(pa, 0), "one");
        assert_eq!(plural_category(Lang::UR, 0), "other");
    }

    #[test]
    fn translations_awaiting_review_say_so_in_every_file() {
        for (path, file) in
            CatalogFiles::iter().filter_map(|p| Some((p.clone(), CatalogFiles::get(&p)?)))
        {
            let code = path.split('/').next().unwrap();
            let lang = Lang::from_code(code).unwrap();
            if lang.reviewed() {
                continue;
            }
            let text = String::from_utf8_lossy(&file.data);
            let header: String = text.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(
                header.contains("needs review by a native speaker"),
                "{path} does not say it needs a native speaker's review"
            );
        }
    }

    #[test]
    fn a_broken_catalog_is_refused_naming_its_file() {
        let english = || ("en/site.ftl".to_owned(), "site-name = Naqsha\n".to_owned());
        let cases = [
            (
                vec![
                    english(),
                    ("ur/site.ftl".into(), "site-name = { $oops\n".into()),
                ],
                "ur/site.ftl",
            ),
            (
                vec![
                    english(),
                    ("en/more.ftl".into(), "site-name = Again\n".into()),
                ],
                "also defined",
            ),
            (
                vec![
                    english(),
                    ("fr/site.ftl".into(), "site-name = Naqsha\n".into()),
                ],
                "fr",
            ),
            (
                vec![("en/site.ftl".to_owned(), "# nothing\n".to_owned())],
                "no messages",
            ),
        ];
        for (files, reason) in cases {
            let err = Catalogs::load(files).err().expect(reason).to_string();
            assert!(err.contains(reason), "{reason}: {err}");
        }
    }

    /// The share of English messages each language translates, for the closing note:
    /// `cargo test -p naqsha --lib i18n::tests::coverage_of_each_language -- --nocapture`.
    #[test]
    fn coverage_of_each_language() {
        for &lang in Lang::all() {
            let (own, all) = coverage(lang);
            println!("{lang}: {own}/{all}");
            if Lang::BASE.contains(&lang) {
                assert_eq!(own, all);
            } else {
                assert!(own > 200, "{lang} translates only {own}");
            }
        }
    }

    #[test]
    fn months_and_placeholders_translate() {
        assert_eq!(Tr(Lang::EN).month(3), "March");
        assert_eq!(Tr(Lang::UR).month(12), "دسمبر");
        for m in 1..=12 {
            assert_ne!(Tr(Lang::UR).month(m), Tr(Lang::EN).month(m));
        }
        let en = Tr(Lang::EN).f("paging.position", &[("page", "2"), ("pages", "5")]);
        assert_eq!(en, "Page 2 of 5");
        let ur = Tr(Lang::UR).f("paging.position", &[("page", "2"), ("pages", "5")]);
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
                for lang in Lang::BASE {
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
        let english = catalog(Lang::EN);
        let sections: BTreeSet<&str> = english.keys().filter_map(|k| k.split('.').next()).collect();

        let mut found = BTreeSet::new();
        let mut missing = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            for key in message_keys(&text, &sections) {
                for lang in Lang::BASE {
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
        for lang in Lang::BASE {
            assert_eq!(plural_category(lang, 1), "one");
            for n in [0, 2, 5, 11, 21, 101] {
                assert_eq!(plural_category(lang, n), "other");
            }
        }
        let en = Tr(Lang::EN);
        assert_eq!(en.p("admin.inbox.count", 1, &[("count", "1")]), "1 report");
        assert_eq!(en.p("admin.inbox.count", 0, &[("count", "0")]), "0 reports");
        let ur = Tr(Lang::UR).p("admin.inbox.count", 2, &[("count", "0800 39393")]);
        assert!(ur.contains("\u{2068}0800 39393\u{2069}"), "{ur}");
        for plain in ["12", "۱۲", "لاہور، پنجاب", ""] {
            assert_eq!(isolate(Lang::UR, plain), plain);
        }
        for mixed in [
            "0800-39393",
            "2024-03",
            "https://example.org/data",
            "Ayesha",
            "۳ کیس 5",
        ] {
            assert_eq!(isolate(Lang::UR, mixed), format!("{FSI}{mixed}{PDI}"));
            assert_eq!(isolate(Lang::EN, mixed), mixed);
        }
        let pa = Tr(Lang::from_code("pa").unwrap());
        assert!(!pa.p("admin.inbox.count", 0, &[("count", "0")]).is_empty());
    }

    #[test]
    fn key_scan_finds_keys() {
        let found =
            keys_used("{{ ui.t(\"home.title\") }} tr.f(\n    \"paging.position\", &[]) x.t(key)");
        assert_eq!(found, ["home.title", "paging.position"]);
    }
}
