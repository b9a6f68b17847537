//! Referrals as pages show them: [`ReferralList`] for the partial
//! `templates/public/referrals.html` (what a reporter sees on `/follow-up`, and what
//! `/admin/referrals` shows staff), [`ReferralPicker`] for the partial
//! `templates/admin/referral_picker.html` (the checkboxes a moderator chooses from).
//!
//! The views carry their own translated labels, so the partials need no `ui` and can be
//! included by a public page and a workspace page alike:
//! `{% let referrals = list %}{% include "public/referrals.html" %}` with a [`ReferralList`]
//! named `referrals`, `{% include "admin/referral_picker.html" %}` with a [`ReferralPicker`]
//! named `picker`.

use naqsha_core::lang::Lang;
use naqsha_core::referral::{Referrals, Service, ServiceKind, by_kind};

use crate::i18n::Tr;

/// The translation key of a kind's heading.
pub fn kind_key(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::Cybercrime => "referrals.kind.cybercrime",
        ServiceKind::Helpline => "referrals.kind.helpline",
        ServiceKind::LegalAid => "referrals.kind.legal_aid",
        ServiceKind::Counselling => "referrals.kind.counselling",
        ServiceKind::Shelter => "referrals.kind.shelter",
    }
}

/// A phone number: as written, and its `tel:` address (digits and a leading `+` only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneLink {
    /// As written (`0800-39393`).
    pub shown: String,
    /// `tel:080039393`.
    pub tel: String,
}

/// A web or mail link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The address (`https://…`, `mailto:…`).
    pub href: String,
    /// What the link says (the address without `https://`, the email address).
    pub shown: String,
}

/// One service in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralView {
    /// The service's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// How to reach it, as HTML: escaped, numbers and addresses isolated on Urdu pages
    /// ([`crate::bidi::html`]); for `|safe`.
    pub how_html: String,
    /// When it answers, as HTML like `how_html`.
    pub hours_html: Option<String>,
    /// Its numbers.
    pub phones: Vec<PhoneLink>,
    /// Its website.
    pub web: Option<Link>,
    /// Its email address.
    pub email: Option<Link>,
    /// Details not yet confirmed by the organisation (shown on staff pages only).
    pub check: bool,
}

impl ReferralView {
    /// `service` in `lang`.
    pub fn of(service: &Service, lang: Lang) -> Self {
        Self {
            id: service.id.as_str().to_owned(),
            name: service.name.get(lang).to_owned(),
            how_html: crate::bidi::html(lang, service.how.get(lang)),
            hours_html: service
                .hours
                .as_ref()
                .map(|h| crate::bidi::html(lang, h.get(lang))),
            phones: service
                .phones
                .iter()
                .map(|p| PhoneLink {
                    shown: p.as_written().to_owned(),
                    tel: p.tel(),
                })
                .collect(),
            web: service.web.as_ref().map(|w| Link {
                href: w.as_str().to_owned(),
                shown: w.shown().to_owned(),
            }),
            email: service.email.as_ref().map(|e| Link {
                href: e.mailto(),
                shown: e.as_str().to_owned(),
            }),
            check: service.check,
        }
    }
}

/// The services of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralGroup {
    /// The kind's heading.
    pub heading: String,
    /// Its services.
    pub services: Vec<ReferralView>,
}

/// Services grouped by kind, in one language, with the labels the partial shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralList {
    /// The language's code, for the partial's `lang`.
    pub lang: &'static str,
    /// `ltr` or `rtl`, for the partial's `dir`.
    pub dir: &'static str,
    /// The groups, in the order of kinds.
    pub groups: Vec<ReferralGroup>,
    /// Whether to mark services whose details are not confirmed (staff pages).
    pub show_checks: bool,
    /// "Call".
    pub call_label: String,
    /// "Website".
    pub web_label: String,
    /// "Email".
    pub email_label: String,
    /// "Hours".
    pub hours_label: String,
    /// "Not confirmed: check before sending".
    pub check_label: String,
}

impl ReferralList {
    /// `services` in `lang`, as a reporter sees them.
    pub fn of<'a, I>(services: I, lang: Lang) -> Self
    where
        I: IntoIterator<Item = &'a Service>,
        I::IntoIter: Clone,
    {
        let tr = Tr(lang);
        Self {
            lang: lang.code(),
            dir: lang.dir(),
            groups: by_kind(services)
                .into_iter()
                .map(|(kind, group)| ReferralGroup {
                    heading: tr.t(kind_key(kind)).to_owned(),
                    services: group
                        .into_iter()
                        .map(|s| ReferralView::of(s, lang))
                        .collect(),
                })
                .collect(),
            show_checks: false,
            call_label: tr.t("referrals.call").to_owned(),
            web_label: tr.t("referrals.website").to_owned(),
            email_label: tr.t("referrals.email").to_owned(),
            hours_label: tr.t("referrals.hours").to_owned(),
            check_label: tr.t("referrals.check").to_owned(),
        }
    }

    /// The same list with unconfirmed services marked, for staff pages.
    pub fn for_staff(mut self) -> Self {
        self.show_checks = true;
        self
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// One checkbox of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerOption {
    /// The service's id (the checkbox's value).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its numbers as written, to tell services apart.
    pub phones: String,
    /// Suggested for this case (marked, not ticked).
    pub suggested: bool,
    /// Ticked: the moderator chose it before (a form shown again).
    pub checked: bool,
    /// Not yet confirmed by the organisation.
    pub check: bool,
}

/// The picker's services of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerGroup {
    /// The kind's heading.
    pub heading: String,
    /// Suggested first (in the order suggested), then the rest in the file's order.
    pub options: Vec<PickerOption>,
}

/// Checkboxes `name="referral"` for every service, grouped by kind; suggested services
/// first in their group and marked, none ticked unless the moderator ticked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralPicker {
    /// The groups, in the order of kinds.
    pub groups: Vec<PickerGroup>,
    /// The legend of the fieldset.
    pub legend: String,
    /// What the picker is for.
    pub hint: String,
    /// The mark of a suggested service.
    pub suggested_label: String,
    /// The mark of an unconfirmed one.
    pub check_label: String,
}

impl ReferralPicker {
    /// The picker over `all`, marking `suggested` (from [`Referrals::suggest`]) and ticking
    /// the ids in `chosen`, in the staff member's `lang`.
    pub fn new(all: &Referrals, suggested: &[&Service], chosen: &[String], lang: Lang) -> Self {
        let tr = Tr(lang);
        let is_suggested = |s: &Service| suggested.iter().any(|x| x.id == s.id);
        let groups = by_kind(all.services())
            .into_iter()
            .map(|(kind, group)| {
                // Suggested first, in the order suggested (the case's province first).
                let mut first: Vec<&Service> = suggested
                    .iter()
                    .copied()
                    .filter(|s| s.kind == kind)
                    .collect();
                first.extend(group.into_iter().filter(|s| !is_suggested(s)));
                PickerGroup {
                    heading: tr.t(kind_key(kind)).to_owned(),
                    options: first
                        .into_iter()
                        .map(|s| PickerOption {
                            id: s.id.as_str().to_owned(),
                            name: s.name.get(lang).to_owned(),
                            phones: s
                                .phones
                                .iter()
                                .map(|p| p.as_written())
                                .collect::<Vec<_>>()
                                .join(", "),
                            suggested: is_suggested(s),
                            checked: chosen.iter().any(|c| c == s.id.as_str()),
                            check: s.check,
                        })
                        .collect(),
                }
            })
            .collect();
        Self {
            groups,
            legend: tr.t("referrals.picker.legend").to_owned(),
            hint: tr.t("referrals.picker.hint").to_owned(),
            suggested_label: tr.t("referrals.picker.suggested").to_owned(),
            check_label: tr.t("referrals.check").to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use askama::Template;
    use naqsha_core::places::{Gazetteer, PlaceId};
    use naqsha_core::referral::BUNDLED;
    use naqsha_core::taxonomy::Taxonomy;
    use scraper::{Html, Selector};

    use super::*;

    #[derive(Template)]
    #[template(source = "{% include \"public/referrals.html\" %}", ext = "html")]
    struct ListPartial {
        referrals: ReferralList,
    }

    #[derive(Template)]
    #[template(source = "{% include \"admin/referral_picker.html\" %}", ext = "html")]
    struct PickerPartial {
        picker: ReferralPicker,
    }

    fn bundled() -> Referrals {
        Referrals::parse(BUNDLED, Taxonomy::pakistan_default(), Gazetteer::pakistan()).unwrap()
    }

    fn select<'h>(html: &'h Html, css: &str) -> Vec<scraper::ElementRef<'h>> {
        html.select(&Selector::parse(css).unwrap()).collect()
    }

    #[test]
    fn the_urdu_list_isolates_every_number_as_a_left_to_right_tel_link() {
        let all = bundled();
        let page = ListPartial {
            referrals: ReferralList::of(all.services(), Lang::UR),
        }
        .render()
        .unwrap();
        let html = Html::parse_fragment(&page);
        let root = select(&html, "div.referrals");
        assert_eq!(root.len(), 1);
        assert_eq!(root[0].value().attr("dir"), Some("rtl"));
        assert_eq!(root[0].value().attr("lang"), Some("ur"));

        let numbers: usize = all.services().iter().map(|s| s.phones.len()).sum();
        let links = select(&html, "a.referral__phone");
        assert_eq!(links.len(), numbers);
        assert!(numbers >= 7);
        for a in links {
            assert_eq!(a.value().attr("dir"), Some("ltr"), "{}", a.html());
            let href = a.value().attr("href").unwrap();
            let digits = href.strip_prefix("tel:").unwrap();
            assert!(
                !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '+'),
                "{href}"
            );
            // The number sits alone in a <bdi>, as written.
            let bdi: Vec<_> = a.children().filter_map(scraper::ElementRef::wrap).collect();
            assert_eq!(bdi.len(), 1);
            assert_eq!(bdi[0].value().name(), "bdi");
            let shown: String = bdi[0].text().collect();
            assert_eq!(
                shown
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>(),
                digits.trim_start_matches('+')
            );
        }
        // Web and mail addresses are links too, left to right.
        for a in select(&html, ".referral__web a, .referral__email a") {
            assert_eq!(a.value().attr("dir"), Some("ltr"));
            let href = a.value().attr("href").unwrap();
            assert!(
                href.starts_with("https://") || href.starts_with("mailto:"),
                "{href}"
            );
        }
        // Headings per kind in Urdu, in the order of kinds.
        let headings: Vec<String> = select(&html, "h3")
            .into_iter()
            .map(|h| h.text().collect())
            .collect();
        let expected: Vec<String> = ServiceKind::ALL
            .iter()
            .map(|k| Tr(Lang::UR).t(kind_key(*k)).to_owned())
            .collect();
        assert_eq!(headings, expected);
        // Addresses inside the Urdu "how" text are isolated too.
        let how = select(&html, "#referral-ur-nccia .referral__how bdi[dir=ltr]");
        assert!(
            how.iter()
                .any(|b| b.text().collect::<String>() == "complaint.fia.gov.pk")
        );
        // A reporter is not told which details the organisation has not confirmed.
        assert!(select(&html, ".referral__check").is_empty());
    }

    #[test]
    fn the_picker_marks_suggestions_first_and_ticks_nothing_for_the_moderator() {
        let all = bundled();
        let g = Gazetteer::pakistan();
        let punjab = PlaceId::new("pk-pb").unwrap();
        let suggested = all.suggest(g, Some(&punjab), &["online_harassment_cyberstalking"]);
        let page = PickerPartial {
            picker: ReferralPicker::new(&all, &suggested, &[], Lang::EN),
        }
        .render()
        .unwrap();
        let html = Html::parse_fragment(&page);
        let boxes = select(&html, "input[type=checkbox][name=referral]");
        assert_eq!(boxes.len(), all.services().len());
        assert!(boxes.iter().all(|b| b.value().attr("checked").is_none()));
        // In the helplines, Punjab's own line comes first and is marked; KP's is not marked.
        let helplines = select(&html, "fieldset.referral-picker__kind")
            .into_iter()
            .find(|f| {
                f.text()
                    .any(|t| t.contains(Tr(Lang::EN).t("referrals.kind.helpline")))
            })
            .unwrap();
        let values: Vec<&str> = helplines
            .select(&Selector::parse("input").unwrap())
            .map(|i| i.value().attr("value").unwrap())
            .collect();
        assert_eq!(values[0], "punjab-women-protection-authority");
        let marked: Vec<String> = helplines
            .select(&Selector::parse(".referral-picker__option").unwrap())
            .filter(|o| {
                o.select(&Selector::parse(".referral-picker__suggested").unwrap())
                    .next()
                    .is_some()
            })
            .filter_map(|o| {
                o.select(&Selector::parse("input").unwrap())
                    .next()
                    .and_then(|i| i.value().attr("value"))
                    .map(str::to_owned)
            })
            .collect();
        assert_eq!(
            marked,
            [
                "punjab-women-protection-authority",
                "drf-cyber-harassment-helpline",
                "madadgaar-1098"
            ]
        );
        // The shelter is for other kinds of violence: not suggested for harassment.
        assert!(!suggested.iter().any(|s| s.id.as_str() == "dar-ul-aman"));

        // Shown again after a refusal, what the moderator ticked stays ticked.
        let again = PickerPartial {
            picker: ReferralPicker::new(&all, &suggested, &["nccia".to_owned()], Lang::EN),
        }
        .render()
        .unwrap();
        let html = Html::parse_fragment(&again);
        let ticked: Vec<&str> = select(&html, "input[checked]")
            .into_iter()
            .map(|i| i.value().attr("value").unwrap())
            .collect();
        assert_eq!(ticked, ["nccia"]);
    }
}
