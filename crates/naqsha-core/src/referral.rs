//! Referrals: services a moderator can point a reporter to (the cybercrime authority,
//! helplines, legal aid, shelters, counselling), by province and kind of violence, each with
//! how to reach it, in every interface language.
//!
//! The list is a data file the organisation edits (`data/referrals/README.md` describes the
//! format; the bundled default is [`BUNDLED`]). [`Referrals::parse`] checks a file against
//! the gazetteer and the taxonomy in use and names the service and field of the first
//! mistake. A [`Service`] serialises whole, so the services chosen for a reply can be sealed
//! into the message: what the reporter saw stays what was sent, whatever the file says later.
//! Its phone numbers, web and email addresses are validated types, also when read back from a
//! sealed message. Everything here is pure: no I/O.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::places::{Gazetteer, PlaceId, PlaceLevel};
use crate::taxonomy::{Bilingual, Taxonomy};

/// The bundled list of services for the Pakistan deployment (`data/referrals/pk.toml`).
pub const BUNDLED: &str = include_str!("../../../data/referrals/pk.toml");

/// The taxonomy dimension whose terms a service's `harms` name.
pub const HARM_DIMENSION: &str = "kind";

/// Longest name, in characters.
const MAX_NAME_CHARS: usize = 160;
/// Longest "how to reach" or "hours" text, in characters.
const MAX_TEXT_CHARS: usize = 800;
/// Longest phone number as written, in characters.
const MAX_PHONE_CHARS: usize = 24;
/// Longest web or email address, in characters.
const MAX_ADDRESS_CHARS: usize = 300;
/// Most phone numbers of one service.
const MAX_PHONES: usize = 6;

/// What kind of service it is; the order is the order the kinds are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// The authority that takes cybercrime complaints (NCCIA, formerly the FIA Cybercrime Wing).
    Cybercrime,
    /// A helpline that listens, advises and refers.
    Helpline,
    /// Free legal advice or representation.
    LegalAid,
    /// Counselling and psychological support.
    Counselling,
    /// Shelters and crisis centres.
    Shelter,
}

impl ServiceKind {
    /// Every kind, in the order shown.
    pub const ALL: &'static [ServiceKind] = &[
        ServiceKind::Cybercrime,
        ServiceKind::Helpline,
        ServiceKind::LegalAid,
        ServiceKind::Counselling,
        ServiceKind::Shelter,
    ];

    /// The kind as written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceKind::Cybercrime => "cybercrime",
            ServiceKind::Helpline => "helpline",
            ServiceKind::LegalAid => "legal_aid",
            ServiceKind::Counselling => "counselling",
            ServiceKind::Shelter => "shelter",
        }
    }

    /// The kind written `s` in a file.
    pub fn from_key(s: &str) -> Option<ServiceKind> {
        ServiceKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

/// A service's id: 1–64 characters of `a-z`, `0-9` and single inner hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ServiceId(String);

impl ServiceId {
    /// Checks a slug.
    pub fn new(s: impl Into<String>) -> Result<Self, FieldProblem> {
        let s = s.into();
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(s))
        } else {
            Err(FieldProblem::BadId)
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ServiceId {
    type Error = FieldProblem;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<ServiceId> for String {
    fn from(id: ServiceId) -> Self {
        id.0
    }
}

/// A phone number as written (`0800-39393`, `+92 51 1234567`): digits, spaces and hyphens,
/// and a `+` only in front, with at least two digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// Checks a number as written.
    pub fn new(s: impl Into<String>) -> Result<Self, FieldProblem> {
        let s = s.into();
        let body = s.strip_prefix('+').unwrap_or(&s);
        let ok = s.chars().count() <= MAX_PHONE_CHARS
            && s.trim() == s
            && body
                .chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
            && body.chars().filter(char::is_ascii_digit).count() >= 2
            && body.starts_with(|c: char| c.is_ascii_digit());
        if ok {
            Ok(Self(s))
        } else {
            Err(FieldProblem::BadPhone(s))
        }
    }

    /// The number as written, for showing.
    pub fn as_written(&self) -> &str {
        &self.0
    }

    /// The `tel:` address: the digits and a leading `+`, nothing else.
    pub fn tel(&self) -> String {
        let mut out = String::from("tel:");
        out.extend(self.0.chars().filter(|c| c.is_ascii_digit() || *c == '+'));
        out
    }
}

impl TryFrom<String> for Phone {
    type Error = FieldProblem;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> Self {
        p.0
    }
}

/// Whether `c` may not appear in an address: a browser reads `\` as `/` and drops tabs and
/// line breaks, and a hidden character makes an address read as another.
fn refused_in_address(c: char) -> bool {
    c == '\\'
        || c == '"'
        || c == '\''
        || c == '<'
        || c == '>'
        || c == '`'
        || c.is_whitespace()
        || c.is_control()
        || crate::invisible::is_invisible(c)
}

/// A web address: `https://` and a host, nothing that would take the browser elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebAddress(String);

impl WebAddress {
    /// Checks an address.
    pub fn new(s: impl Into<String>) -> Result<Self, FieldProblem> {
        let s = s.into();
        let parsed = url::Url::parse(&s).ok();
        let ok = s.starts_with("https://")
            && s.chars().count() <= MAX_ADDRESS_CHARS
            && !s.chars().any(refused_in_address)
            && parsed.is_some_and(|u| {
                u.scheme() == "https"
                    && u.host_str().is_some_and(|h| h.contains('.'))
                    && u.username().is_empty()
                    && u.password().is_none()
            });
        if ok {
            Ok(Self(s))
        } else {
            Err(FieldProblem::BadWeb(s))
        }
    }

    /// The address, for `href`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address as shown: without `https://`, a leading `www.` or a closing `/`.
    pub fn shown(&self) -> &str {
        let rest = self.0.strip_prefix("https://").unwrap_or(&self.0);
        let rest = rest.strip_prefix("www.").unwrap_or(rest);
        rest.strip_suffix('/').unwrap_or(rest)
    }
}

impl TryFrom<String> for WebAddress {
    type Error = FieldProblem;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<WebAddress> for String {
    fn from(w: WebAddress) -> Self {
        w.0
    }
}

/// An email address: `name@domain.tld` in letters, digits and `.`, `-`, `_`, `+`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Checks an address.
    pub fn new(s: impl Into<String>) -> Result<Self, FieldProblem> {
        let s = s.into();
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
        let ok = s.len() <= MAX_ADDRESS_CHARS
            && s.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && local.chars().all(allowed)
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && domain
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            });
        if ok {
            Ok(Self(s))
        } else {
            Err(FieldProblem::BadEmail(s))
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `mailto:` address.
    pub fn mailto(&self) -> String {
        format!("mailto:{}", self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = FieldProblem;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl From<EmailAddress> for String {
    fn from(e: EmailAddress) -> Self {
        e.0
    }
}

/// One service, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// Its id in the file (kept in a sealed message to say which entry was sent).
    pub id: ServiceId,
    /// What kind of service it is.
    pub kind: ServiceKind,
    /// The provinces (gazetteer ids) it serves; empty: the whole country.
    pub provinces: Vec<PlaceId>,
    /// The kinds of violence (terms of the taxonomy's [`HARM_DIMENSION`]) it is for; empty: any.
    pub harms: Vec<String>,
    /// Its name.
    pub name: Bilingual,
    /// How to reach it and what it does.
    pub how: Bilingual,
    /// Its phone numbers, first the one to call first.
    pub phones: Vec<Phone>,
    /// Its website.
    pub web: Option<WebAddress>,
    /// Its email address.
    pub email: Option<EmailAddress>,
    /// When it answers.
    pub hours: Option<Bilingual>,
    /// The organisation has not confirmed these details yet: staff pages say so.
    #[serde(default)]
    pub check: bool,
}

impl Service {
    /// Whether it serves the whole country.
    pub fn nationwide(&self) -> bool {
        self.provinces.is_empty()
    }

    /// Whether it is for any of `harms` (any kind of violence when it names none; all
    /// services when `harms` is empty).
    pub fn fits_harms(&self, harms: &[&str]) -> bool {
        harms.is_empty()
            || self.harms.is_empty()
            || self.harms.iter().any(|h| harms.contains(&h.as_str()))
    }

    /// Its name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    /// A required field is missing.
    #[error("missing")]
    Missing,
    /// The id is not a slug.
    #[error("must be 1–64 characters of a-z, 0-9 and single inner hyphens")]
    BadId,
    /// Another service has the same id.
    #[error("another service already has this id")]
    DuplicateId,
    /// Not one of the kinds.
    #[error(
        "{0:?} is not a kind of service (one of cybercrime, helpline, legal_aid, counselling, shelter)"
    )]
    UnknownKind(String),
    /// Not a province of the gazetteer.
    #[error("{0:?} is not a province id of the gazetteer (or \"all\")")]
    UnknownProvince(String),
    /// Not a term of the taxonomy's kind dimension.
    #[error("{0:?} is not a term of the taxonomy's \"kind\" dimension")]
    UnknownHarm(String),
    /// The same entry twice in a list.
    #[error("{0:?} is listed twice")]
    Repeated(String),
    /// A text is missing in a language.
    #[error("the {0} text is missing")]
    MissingLanguage(&'static str),
    /// The Urdu text has no Urdu letters (English pasted in by mistake).
    #[error("the ur text has no Urdu letters")]
    UrduNotInUrdu,
    /// A text is too long.
    #[error("the {lang} text is longer than {max} characters")]
    TooLong {
        /// Which language.
        lang: &'static str,
        /// The limit.
        max: usize,
    },
    /// Not a phone number.
    #[error("{0:?} is not a phone number (digits, spaces and hyphens, a + only in front)")]
    BadPhone(String),
    /// Too many phone numbers.
    #[error("more than {MAX_PHONES} numbers")]
    TooManyPhones,
    /// Not an https address.
    #[error("{0:?} is not an https:// address")]
    BadWeb(String),
    /// Not an email address.
    #[error("{0:?} is not an email address")]
    BadEmail(String),
}

/// Why a referrals file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferralError {
    /// The file is not TOML of the expected shape (the message names the line).
    #[error("not a referrals file: {0}")]
    Format(String),
    /// The file lists no service.
    #[error("the file lists no [[service]]")]
    Empty,
    /// One field of one service is wrong.
    #[error("service {service}, field {field}: {problem}")]
    Field {
        /// The service's id, or its position (`#3`) when the id itself is wrong.
        service: String,
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: FieldProblem,
    },
}

/// A text in both languages as written in the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: Option<String>,
    ur: Option<String>,
}

/// One `[[service]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: Option<String>,
    kind: Option<String>,
    provinces: Option<Vec<String>>,
    harms: Option<Vec<String>>,
    name: Option<RawText>,
    how: Option<RawText>,
    #[serde(default)]
    phones: Vec<String>,
    web: Option<String>,
    email: Option<String>,
    hours: Option<RawText>,
    #[serde(default)]
    check: bool,
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    service: Vec<RawService>,
}

/// A checked list of services, in the file's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Referrals {
    services: Vec<Service>,
}

/// A text in both languages: both present and non-blank, characters that hide dropped, the
/// Urdu in Urdu letters.
fn bilingual(raw: Option<RawText>, max: usize) -> Result<Bilingual, FieldProblem> {
    let raw = raw.ok_or(FieldProblem::Missing)?;
    let clean = |text: Option<String>, lang: &'static str| {
        let text = text.ok_or(FieldProblem::MissingLanguage(lang))?;
        let text = crate::invisible::strip(text.trim()).into_owned();
        if text.is_empty() {
            return Err(FieldProblem::MissingLanguage(lang));
        }
        if text.chars().count() > max {
            return Err(FieldProblem::TooLong { lang, max });
        }
        Ok(text)
    };
    let en = clean(raw.en, "en")?;
    let ur = clean(raw.ur, "ur")?;
    if !crate::script::has_arabic_letters(&ur) {
        return Err(FieldProblem::UrduNotInUrdu);
    }
    Ok(Bilingual { en, ur })
}

impl Referrals {
    /// Parses and checks a referrals file: provinces must be province ids of `gazetteer`
    /// (or `"all"`), harms terms of `taxonomy`'s [`HARM_DIMENSION`].
    pub fn parse(
        text: &str,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Result<Referrals, ReferralError> {
        let raw: RawFile =
            toml::from_str(text).map_err(|e| ReferralError::Format(e.to_string()))?;
        if raw.service.is_empty() {
            return Err(ReferralError::Empty);
        }
        let harm_terms = taxonomy.dimension(HARM_DIMENSION);
        let mut seen = BTreeSet::new();
        let mut services = Vec::with_capacity(raw.service.len());
        for (i, raw) in raw.service.into_iter().enumerate() {
            let position = format!("#{}", i + 1);
            let at = |service: &str, field: &'static str| {
                let service = service.to_owned();
                move |problem| ReferralError::Field {
                    service,
                    field,
                    problem,
                }
            };
            let id = raw
                .id
                .ok_or(FieldProblem::Missing)
                .and_then(ServiceId::new)
                .map_err(at(&position, "id"))?;
            let me = id.as_str().to_owned();
            if !seen.insert(me.clone()) {
                return Err(at(&me, "id")(FieldProblem::DuplicateId));
            }
            let kind = match raw.kind {
                None => Err(FieldProblem::Missing),
                Some(k) => ServiceKind::from_key(&k).ok_or(FieldProblem::UnknownKind(k)),
            }
            .map_err(at(&me, "kind"))?;
            let mut provinces: Vec<PlaceId> = Vec::new();
            let listed = raw.provinces.unwrap_or_default();
            let everywhere = listed.iter().any(|p| p == "all");
            for p in listed {
                if p == "all" {
                    continue;
                }
                let place = PlaceId::new(p.clone())
                    .ok()
                    .and_then(|id| gazetteer.get(&id))
                    .filter(|place| place.level() == PlaceLevel::Province)
                    .ok_or_else(|| {
                        at(&me, "provinces")(FieldProblem::UnknownProvince(p.clone()))
                    })?;
                if provinces.contains(place.id()) {
                    return Err(at(&me, "provinces")(FieldProblem::Repeated(p)));
                }
                provinces.push(place.id().clone());
            }
            if everywhere {
                provinces.clear();
            }
            let mut harms: Vec<String> = Vec::new();
            for h in raw.harms.unwrap_or_default() {
                if harm_terms.and_then(|d| d.term(&h)).is_none() {
                    return Err(at(&me, "harms")(FieldProblem::UnknownHarm(h)));
                }
                if harms.contains(&h) {
                    return Err(at(&me, "harms")(FieldProblem::Repeated(h)));
                }
                harms.push(h);
            }
            let name = bilingual(raw.name, MAX_NAME_CHARS).map_err(at(&me, "name"))?;
            let how = bilingual(raw.how, MAX_TEXT_CHARS).map_err(at(&me, "how"))?;
            let hours = raw
                .hours
                .map(|h| bilingual(Some(h), MAX_TEXT_CHARS))
                .transpose()
                .map_err(at(&me, "hours"))?;
            if raw.phones.len() > MAX_PHONES {
                return Err(at(&me, "phones")(FieldProblem::TooManyPhones));
            }
            let phones = raw
                .phones
                .into_iter()
                .map(Phone::new)
                .collect::<Result<Vec<_>, _>>()
                .map_err(at(&me, "phones"))?;
            let web = raw
                .web
                .map(WebAddress::new)
                .transpose()
                .map_err(at(&me, "web"))?;
            let email = raw
                .email
                .map(EmailAddress::new)
                .transpose()
                .map_err(at(&me, "email"))?;
            services.push(Service {
                id,
                kind,
                provinces,
                harms,
                name,
                how,
                phones,
                web,
                email,
                hours,
                check: raw.check,
            });
        }
        Ok(Referrals { services })
    }

    /// Every service, in the file's order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }

    /// The service with this id.
    pub fn get(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id.as_str() == id)
    }

    /// The services to suggest for a case at `place` (any level: its province is what
    /// counts) about `harms` (terms of the taxonomy's kind dimension; none: any): first the
    /// services of the place's province, then the nationwide ones, each in the file's order.
    /// A service of another province is never suggested; neither is one for other harms.
    pub fn suggest(
        &self,
        gazetteer: &Gazetteer,
        place: Option<&PlaceId>,
        harms: &[&str],
    ) -> Vec<&Service> {
        let province = place.and_then(|p| gazetteer.province_of(p)).map(|p| p.id());
        let fitting = || self.services.iter().filter(|s| s.fits_harms(harms));
        let local = fitting().filter(|s| province.is_some_and(|p| s.provinces.contains(p)));
        local.chain(fitting().filter(|s| s.nationwide())).collect()
    }

    /// Copies of the services with these ids, in the order given, for sealing into a
    /// message; the first id not in the list is the error.
    pub fn select<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<Vec<Service>, UnknownService> {
        let mut out: Vec<Service> = Vec::new();
        for id in ids {
            let service = self.get(id).ok_or_else(|| UnknownService(id.to_owned()))?;
            if !out.iter().any(|s| s.id == service.id) {
                out.push(service.clone());
            }
        }
        Ok(out)
    }
}

/// A referral id that is not in the list (e.g. the file changed while a moderator wrote).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no referral {0:?} in the list")]
pub struct UnknownService(pub String);

/// `services` grouped by kind, in [`ServiceKind::ALL`] order, each group in the given order;
/// kinds without a service are left out.
pub fn by_kind<'a, I>(services: I) -> Vec<(ServiceKind, Vec<&'a Service>)>
where
    I: IntoIterator<Item = &'a Service>,
    I::IntoIter: Clone,
{
    let services = services.into_iter();
    ServiceKind::ALL
        .iter()
        .filter_map(|&kind| {
            let group: Vec<&Service> = services.clone().filter(|s| s.kind == kind).collect();
            (!group.is_empty()).then_some((kind, group))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Referrals, ReferralError> {
        Referrals::parse(text, Taxonomy::pakistan_default(), Gazetteer::pakistan())
    }

    const ONE: &str = r#"
[[service]]
id = "line"
kind = "helpline"
name.en = "A line"
name.ur = "ایک لائن"
how.en = "Call."
how.ur = "کال کریں۔"
phones = ["0800-39393"]
"#;

    /// `ONE` with `line` replaced.
    fn one_with(from: &str, to: &str) -> String {
        assert!(ONE.contains(from), "{from}");
        ONE.replacen(from, to, 1)
    }

    fn field_error(text: &str) -> (String, &'static str, FieldProblem) {
        match parse(text) {
            Err(ReferralError::Field {
                service,
                field,
                problem,
            }) => (service, field, problem),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn the_bundled_file_fits_the_bundled_taxonomy_and_gazetteer() {
        let r = parse(BUNDLED).unwrap();
        assert!(r.services().len() >= 8);
        for kind in ServiceKind::ALL {
            assert!(
                r.services().iter().any(|s| s.kind == *kind),
                "no {kind:?} in the bundled list"
            );
        }
        // The numbers the resources page lists are the same here.
        let drf = r.get("drf-cyber-harassment-helpline").unwrap();
        assert_eq!(drf.phones[0].as_written(), "0800-39393");
        assert_eq!(drf.phones[0].tel(), "tel:080039393");
        assert_eq!(
            r.get("mohr-helpline").unwrap().phones[0].as_written(),
            "1099"
        );
        assert_eq!(r.get("nccia").unwrap().phones[0].as_written(), "1991");
        assert!(r.get("nccia").unwrap().nationwide());
        let punjab = r.get("punjab-women-protection-authority").unwrap();
        assert_eq!(punjab.phones[0].as_written(), "1043");
        assert_eq!(punjab.provinces, vec![PlaceId::new("pk-pb").unwrap()]);
    }

    #[test]
    fn a_small_file_parses() {
        let r = parse(ONE).unwrap();
        let s = r.get("line").unwrap();
        assert_eq!(s.kind, ServiceKind::Helpline);
        assert!(s.nationwide() && s.harms.is_empty() && !s.check);
        assert_eq!(s.name(Lang::UR), "ایک لائن");
        assert_eq!(r.get("other"), None);
    }

    #[test]
    fn mistakes_name_the_service_and_the_field() {
        let cases: Vec<(String, &str, &str, FieldProblem)> = vec![
            (
                one_with("id = \"line\"", "id = \"Line\""),
                "#1",
                "id",
                FieldProblem::BadId,
            ),
            (
                one_with("id = \"line\"\n", ""),
                "#1",
                "id",
                FieldProblem::Missing,
            ),
            (
                one_with("helpline", "hotline"),
                "line",
                "kind",
                FieldProblem::UnknownKind("hotline".into()),
            ),
            (
                one_with("kind", "provinces = [\"pk-pb-lahore\"]\nkind"),
                "line",
                "provinces",
                FieldProblem::UnknownProvince("pk-pb-lahore".into()),
            ),
            (
                one_with("kind", "provinces = [\"pk-xx\"]\nkind"),
                "line",
                "provinces",
                FieldProblem::UnknownProvince("pk-xx".into()),
            ),
            (
                one_with("kind", "provinces = [\"pk-pb\", \"pk-pb\"]\nkind"),
                "line",
                "provinces",
                FieldProblem::Repeated("pk-pb".into()),
            ),
            (
                one_with("kind", "harms = [\"blackmail_sextortion\"]\nkind"),
                "line",
                "harms",
                FieldProblem::UnknownHarm("blackmail_sextortion".into()),
            ),
            (
                one_with("name.ur = \"ایک لائن\"\n", ""),
                "line",
                "name",
                FieldProblem::MissingLanguage("ur"),
            ),
            (
                one_with("how.en = \"Call.\"", "how.en = \"  \""),
                "line",
                "how",
                FieldProblem::MissingLanguage("en"),
            ),
            (
                one_with("name.ur = \"ایک لائن\"", "name.ur = \"A line\""),
                "line",
                "name",
                FieldProblem::UrduNotInUrdu,
            ),
            (
                one_with(
                    "how.en = \"Call.\"\n",
                    "how.en = \"Call.\"\nhours.en = \"9 to 5\"\n",
                ),
                "line",
                "hours",
                FieldProblem::MissingLanguage("ur"),
            ),
            (
                one_with("0800-39393", "0800-39393 ext. 2"),
                "line",
                "phones",
                FieldProblem::BadPhone("0800-39393 ext. 2".into()),
            ),
            (
                one_with("phones", "web = \"http://example.org\"\nphones"),
                "line",
                "web",
                FieldProblem::BadWeb("http://example.org".into()),
            ),
            (
                one_with("phones", "email = \"help at example.org\"\nphones"),
                "line",
                "email",
                FieldProblem::BadEmail("help at example.org".into()),
            ),
        ];
        for (text, service, field, problem) in cases {
            assert_eq!(
                field_error(&text),
                (service.to_owned(), field, problem),
                "{text}"
            );
        }
        let twice = format!("{ONE}\n{ONE}");
        assert_eq!(
            field_error(&twice),
            ("line".to_owned(), "id", FieldProblem::DuplicateId)
        );
        let e = parse(&one_with("helpline", "hotline"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("service line") && e.contains("field kind"),
            "{e}"
        );
    }

    #[test]
    fn unknown_fields_and_empty_files_are_refused() {
        let typo = one_with("phones", "phone = [\"1\"]\nphones");
        match parse(&typo) {
            Err(ReferralError::Format(m)) => assert!(m.contains("phone"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("# nothing yet\n"), Err(ReferralError::Empty));
        assert!(matches!(
            parse("[[service]\n"),
            Err(ReferralError::Format(_))
        ));
    }

    #[test]
    fn phones_keep_only_digits_and_a_leading_plus_in_the_tel_address() {
        for ok in ["0800-39393", "1099", "+92 51 111 222 333", "15"] {
            let p = Phone::new(ok).unwrap();
            assert!(p.tel()[4..].chars().all(|c| c.is_ascii_digit() || c == '+'));
        }
        assert_eq!(Phone::new("+92 51-1234").unwrap().tel(), "tel:+92511234");
        for bad in [
            "",
            "1",
            "++92 1234",
            "92+1234",
            "0800\u{202e}39393",
            "0800\u{200b}39393",
            "٠٨٠٠٣٩٣٩٣",
            "0800-39393;ext=2",
            " 1099",
            "-1099",
            "1099 javascript:x",
        ] {
            assert!(Phone::new(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn web_addresses_are_https_to_a_host_and_nothing_else() {
        let w = WebAddress::new("https://www.digitalrightsfoundation.pk/helpline/").unwrap();
        assert_eq!(w.shown(), "digitalrightsfoundation.pk/helpline");
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "https://user:pw@example.org",
            "https://example.org/\\evil",
            "https://exa mple.org",
            "https://example.org/\"onmouseover=x",
            "https://example.org/\u{200b}",
            "//example.org",
        ] {
            assert!(WebAddress::new(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            EmailAddress::new("helpdesk@example.org").unwrap().mailto(),
            "mailto:helpdesk@example.org"
        );
        for bad in [
            "a@b",
            "a@@b.org",
            "a@b.org?cc=x",
            "a b@c.org",
            "@c.org",
            "a@.org",
        ] {
            assert!(EmailAddress::new(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn hidden_characters_are_dropped_from_texts() {
        let r = parse(&one_with(
            "name.en = \"A line\"",
            "name.en = \"A\u{202e}enil\u{202c}\"",
        ))
        .unwrap();
        assert_eq!(r.get("line").unwrap().name.en, "Aenil");
    }

    const THREE: &str = r#"
[[service]]
id = "nation"
kind = "helpline"
provinces = ["all"]
name = { en = "Nation", ur = "قومی" }
how = { en = "Call.", ur = "کال کریں۔" }

[[service]]
id = "sindh-shelter"
kind = "shelter"
provinces = ["pk-sd"]
harms = ["intimate_partner_violence"]
name = { en = "Sindh shelter", ur = "سندھ پناہ گاہ" }
how = { en = "Go.", ur = "جائیں۔" }

[[service]]
id = "punjab"
kind = "helpline"
provinces = ["pk-pb"]
name = { en = "Punjab", ur = "پنجاب" }
how = { en = "Call.", ur = "کال کریں۔" }

[[service]]
id = "sindh-line"
kind = "helpline"
provinces = ["pk-sd", "pk-ba"]
name = { en = "Sindh line", ur = "سندھ لائن" }
how = { en = "Call.", ur = "کال کریں۔" }
"#;

    fn ids(list: Vec<&Service>) -> Vec<&str> {
        list.into_iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn suggestions_put_the_province_first_then_the_nation_filtered_by_harm() {
        let r = parse(THREE).unwrap();
        let g = Gazetteer::pakistan();
        let karachi = g
            .districts_of(&PlaceId::new("pk-sd").unwrap())
            .first()
            .map(|d| d.id().clone())
            .unwrap();
        assert_eq!(
            ids(r.suggest(g, Some(&karachi), &[])),
            ["sindh-shelter", "sindh-line", "nation"]
        );
        assert_eq!(
            ids(r.suggest(g, Some(&karachi), &["online_harassment_cyberstalking"])),
            ["sindh-line", "nation"]
        );
        assert_eq!(
            ids(r.suggest(
                g,
                Some(&PlaceId::new("pk-sd").unwrap()),
                &["intimate_partner_violence", "rape_sexual_assault"]
            )),
            ["sindh-shelter", "sindh-line", "nation"]
        );
        assert_eq!(
            ids(r.suggest(g, Some(&PlaceId::new("pk-pb").unwrap()), &[])),
            ["punjab", "nation"]
        );
        // No place (or one the gazetteer does not know): the nationwide services only.
        assert_eq!(ids(r.suggest(g, None, &[])), ["nation"]);
        assert_eq!(
            ids(r.suggest(g, Some(&PlaceId::new("pk-nowhere").unwrap()), &[])),
            ["nation"]
        );
    }

    #[test]
    fn chosen_services_survive_a_round_trip_through_a_sealed_message() {
        let r = parse(BUNDLED).unwrap();
        let chosen = r
            .select(["nccia", "drf-cyber-harassment-helpline", "nccia"])
            .unwrap();
        assert_eq!(chosen.len(), 2);
        let json = serde_json::to_string(&chosen).unwrap();
        let back: Vec<Service> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, chosen);
        assert_eq!(
            r.select(["nccia", "gone"]),
            Err(UnknownService("gone".into()))
        );
        // A tampered or corrupted message cannot smuggle an address in.
        let bad = json.replace("https://", "javascript://");
        assert!(serde_json::from_str::<Vec<Service>>(&bad).is_err());
    }

    #[test]
    fn grouping_follows_the_order_of_kinds() {
        let r = parse(THREE).unwrap();
        let groups = by_kind(r.services());
        let kinds: Vec<ServiceKind> = groups.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [ServiceKind::Helpline, ServiceKind::Shelter]);
        assert_eq!(ids(groups[0].1.clone()), ["nation", "punjab", "sindh-line"]);
    }
}
