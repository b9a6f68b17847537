//! The inbox filter as its GET form sends it: parsed into an [`InboxFilter`] and a page,
//! and written back into links (paging, the `back` field of the row forms) so every filter
//! survives a click.

use naqsha_core::ids::UserId;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::submission::{Channel, SubmissionStatus};
use naqsha_core::taxonomy::Taxonomy;
use serde::Deserialize;

use crate::storage::{Assigned, InboxFilter, InboxSort};

/// Where the inbox lives; `back` fields must start with it.
pub const INBOX_PATH: &str = "/admin/inbox";

/// The query string as typed; every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct InboxQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    province: String,
    #[serde(default)]
    assigned: String,
    #[serde(default)]
    flagged: String,
    #[serde(default)]
    urgent: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
    /// One wave alone: the id of one of its reports.
    #[serde(default)]
    wave: String,
    /// After a bulk action: which (its form value), how many it reached, of how many.
    #[serde(default)]
    done: String,
    #[serde(default)]
    done_n: String,
    #[serde(default)]
    done_of: String,
}

/// The inbox address `back` (made safe) with a bulk action's outcome, for the page to say.
pub fn with_outcome(back: &str, action: &str, reached: usize, chosen: usize) -> String {
    let back = safe_back(back);
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("done", action)
        .append_pair("done_n", &reached.to_string())
        .append_pair("done_of", &chosen.to_string());
    let join = if back.contains('?') { '&' } else { '?' };
    format!("{back}{join}{}", q.finish())
}

/// Which statuses the inbox shows, as chosen in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChoice {
    /// New and in review: the work still to do (the default).
    Open,
    /// Every status.
    Any,
    /// This one.
    One(SubmissionStatus),
}

impl StatusChoice {
    /// The value in the query string.
    pub fn value(self) -> &'static str {
        match self {
            StatusChoice::Open => "open",
            StatusChoice::Any => "any",
            StatusChoice::One(s) => s.as_str(),
        }
    }

    /// The statuses it stands for (none: every status).
    fn statuses(self) -> Vec<SubmissionStatus> {
        match self {
            StatusChoice::Open => vec![SubmissionStatus::New, SubmissionStatus::InReview],
            StatusChoice::Any => Vec::new(),
            StatusChoice::One(s) => vec![s],
        }
    }
}

/// Whose reports the inbox shows, as chosen in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignedChoice {
    /// Everyone's.
    Anyone,
    /// Assigned to the viewer.
    Me,
    /// Assigned to nobody.
    Nobody,
    /// Assigned to nobody or to the viewer (a moderator's default).
    Open,
    /// Assigned to this staff member (coordinators).
    User(UserId),
}

impl AssignedChoice {
    /// The value in the query string.
    pub fn value(self) -> String {
        match self {
            AssignedChoice::Anyone => "anyone".into(),
            AssignedChoice::Me => "me".into(),
            AssignedChoice::Nobody => "nobody".into(),
            AssignedChoice::Open => "open".into(),
            AssignedChoice::User(u) => u.to_string(),
        }
    }
}

/// A parsed filter with the page asked for.
#[derive(Debug, Clone)]
pub struct Chosen {
    /// Which statuses.
    pub status: StatusChoice,
    /// Channel, if one.
    pub channel: Option<Channel>,
    /// Kind term, if one.
    pub kind: Option<String>,
    /// Province, if one.
    pub province: Option<PlaceId>,
    /// Whose.
    pub assigned: AssignedChoice,
    /// Flagged only.
    pub flagged: bool,
    /// Urgent only.
    pub urgent: bool,
    /// The order.
    pub sort: InboxSort,
    /// One wave alone, named by one of its reports.
    pub wave: Option<naqsha_core::ids::SubmissionId>,
    /// The page, from 1.
    pub page: u32,
}

/// Who is looking, for the defaults and for what they may choose.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    /// Their account.
    pub user: UserId,
    /// Whether they may see and choose any staff member's reports by name.
    pub coordinates: bool,
}

/// A checkbox sent as `1`, or not sent.
fn tick(text: &str) -> Result<bool, ()> {
    match text.trim() {
        "" => Ok(false),
        "1" => Ok(true),
        _ => Err(()),
    }
}

fn opt<T>(text: &str, parse: impl FnOnce(&str) -> Option<T>) -> Result<Option<T>, ()> {
    match text.trim() {
        "" => Ok(None),
        t => parse(t).map(Some).ok_or(()),
    }
}

impl InboxQuery {
    /// The query of an inbox address (`back` of a form, made safe first).
    pub fn of_address(back: &str) -> Self {
        safe_back(back)
            .parse::<axum::http::Uri>()
            .ok()
            .and_then(|uri| axum::extract::Query::<InboxQuery>::try_from_uri(&uri).ok())
            .map(|q| q.0)
            .unwrap_or_default()
    }

    /// A bulk action's outcome to say: (message key, reached, chosen).
    pub fn done(&self) -> Option<(&'static str, usize, usize)> {
        let key = match self.done.as_str() {
            "archive" => "admin.inbox.bulk.done.archive",
            "duplicate" => "admin.inbox.bulk.done.duplicate",
            "assign" => "admin.inbox.bulk.done.assign",
            "urgent" => "admin.inbox.bulk.done.urgent",
            "not_urgent" => "admin.inbox.bulk.done.not_urgent",
            _ => return None,
        };
        let n = self.done_n.parse().ok()?;
        let of = self.done_of.parse().ok()?;
        Some((key, n, of))
    }

    /// Parses the query against the taxonomy and gazetteer; `Err` when a value is not one
    /// the form offers.
    pub fn parse(
        &self,
        viewer: Viewer,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Result<Chosen, ()> {
        let status = match self.status.trim() {
            "" | "open" => StatusChoice::Open,
            "any" => StatusChoice::Any,
            t => StatusChoice::One(t.parse().map_err(|_| ())?),
        };
        let channel = opt(&self.channel, |t| t.parse().ok())?;
        let kind = opt(&self.kind, |t| {
            taxonomy.term("kind", t).map(|term| term.key.to_string())
        })?;
        let province = opt(&self.province, |t| {
            let id = PlaceId::new(t).ok()?;
            gazetteer
                .get(&id)
                .filter(|p| p.level() == PlaceLevel::Province)
                .map(|p| p.id().clone())
        })?;
        // Everyone starts on her own and nobody's reports; coordinators can choose anyone's.
        let assigned = match self.assigned.trim() {
            "" | "open" => AssignedChoice::Open,
            "anyone" => AssignedChoice::Anyone,
            "me" => AssignedChoice::Me,
            "nobody" => AssignedChoice::Nobody,
            id if viewer.coordinates => AssignedChoice::User(id.parse().map_err(|_| ())?),
            _ => return Err(()),
        };
        let flagged = tick(&self.flagged)?;
        let urgent = tick(&self.urgent)?;
        let sort = match self.sort.trim() {
            "" => InboxSort::UrgentFirst,
            t => *InboxSort::ALL.iter().find(|s| s.as_str() == t).ok_or(())?,
        };
        let page = opt(&self.page, |t| t.parse::<u32>().ok().filter(|n| *n >= 1))?.unwrap_or(1);
        Ok(Chosen {
            status,
            channel,
            kind,
            province,
            assigned,
            flagged,
            urgent,
            sort,
            wave: opt(&self.wave, |t| t.parse().ok())?,
            page,
        })
    }
}

impl Chosen {
    /// The storage filter for `viewer`.
    pub fn filter(&self, viewer: Viewer) -> InboxFilter {
        InboxFilter {
            statuses: self.status.statuses(),
            urgent: self.urgent.then_some(true),
            sort: self.sort,
            only: None,
            except: Vec::new(),
            channel: self.channel,
            kind: self.kind.clone(),
            province: self.province.clone(),
            flagged: self.flagged.then_some(true),
            assigned: match self.assigned {
                AssignedChoice::Anyone => Assigned::Anyone,
                AssignedChoice::Me => Assigned::To(viewer.user),
                AssignedChoice::Nobody => Assigned::Nobody,
                AssignedChoice::Open => Assigned::NobodyOr(viewer.user),
                AssignedChoice::User(u) => Assigned::To(u),
            },
        }
    }

    /// The inbox address showing this filter at `page`.
    pub fn href(&self, page: u32) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("status", self.status.value());
        if let Some(c) = self.channel {
            q.append_pair("channel", c.as_str());
        }
        if let Some(k) = &self.kind {
            q.append_pair("kind", k);
        }
        if let Some(p) = &self.province {
            q.append_pair("province", p.as_str());
        }
        q.append_pair("assigned", &self.assigned.value());
        if self.flagged {
            q.append_pair("flagged", "1");
        }
        if self.urgent {
            q.append_pair("urgent", "1");
        }
        if self.sort != InboxSort::default() {
            q.append_pair("sort", self.sort.as_str());
        }
        if let Some(wave) = self.wave {
            q.append_pair("wave", &wave.to_string());
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        format!("{INBOX_PATH}?{}", q.finish())
    }
}

/// The report to open after `current` when the moderator works through the inbox shown at
/// `from` (an inbox address): the one after it in that list, or, when a decision took it out
/// of the list, the first one. `None` at the end of the list, or when `from` is not an inbox
/// address with a filter the viewer may use.
pub async fn next_report(
    store: &crate::storage::Store,
    viewer: Viewer,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    from: &str,
    current: naqsha_core::ids::SubmissionId,
) -> Result<Option<naqsha_core::ids::SubmissionId>, crate::storage::StorageError> {
    use crate::storage::ModerationStore;
    /// How far down the list the next report is looked for.
    const LOOK: u32 = 500;
    let Ok(uri) = safe_back(from).parse::<axum::http::Uri>() else {
        return Ok(None);
    };
    let Ok(axum::extract::Query(query)) = axum::extract::Query::<InboxQuery>::try_from_uri(&uri)
    else {
        return Ok(None);
    };
    let Ok(chosen) = query.parse(viewer, taxonomy, gazetteer) else {
        return Ok(None);
    };
    let rows = store.inbox(&chosen.filter(viewer), LOOK, 0).await?;
    let after = match rows.iter().position(|r| r.id == current) {
        Some(i) => rows.get(i + 1),
        // The decision took it out of the list, which moved up: its first report is next.
        None => rows.first(),
    };
    Ok(after.map(|r| r.id))
}

/// Where a form sends the browser back to: `back` if it is an inbox address (so a forged
/// field cannot redirect elsewhere), else the inbox.
pub fn safe_back(back: &str) -> String {
    let ok = (back == INBOX_PATH || back.starts_with("/admin/inbox?"))
        && !back.contains(['\r', '\n', '\\'])
        && !back.contains("//");
    if ok {
        back.to_owned()
    } else {
        INBOX_PATH.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(coordinates: bool) -> Viewer {
        Viewer {
            user: UserId::random(),
            coordinates,
        }
    }

    /// The query a browser would send for `pairs`.
    fn query(pairs: &str) -> InboxQuery {
        let mut q = InboxQuery::default();
        for (k, v) in form_urlencoded::parse(pairs.as_bytes()) {
            let v = v.into_owned();
            match &*k {
                "status" => q.status = v,
                "channel" => q.channel = v,
                "kind" => q.kind = v,
                "province" => q.province = v,
                "assigned" => q.assigned = v,
                "flagged" => q.flagged = v,
                "urgent" => q.urgent = v,
                "sort" => q.sort = v,
                "wave" => q.wave = v,
                "page" => q.page = v,
                _ => {}
            }
        }
        q
    }

    #[test]
    fn a_filter_survives_its_own_link() {
        let tax = Taxonomy::pakistan_default();
        let gaz = Gazetteer::pakistan();
        let v = viewer(true);
        let chosen = query(
            "status=in_review&channel=api&kind=intimate_partner_violence&province=pk-sd&flagged=1&urgent=1&sort=oldest&assigned=anyone&page=3",
        )
        .parse(v, tax, gaz)
        .unwrap();
        assert_eq!(chosen.page, 3);
        let href = chosen.href(2);
        let again = query(href.split_once('?').unwrap().1)
            .parse(v, tax, gaz)
            .unwrap();
        assert_eq!(again.status, StatusChoice::One(SubmissionStatus::InReview));
        assert!(again.urgent);
        assert_eq!(again.sort, InboxSort::Oldest);
        assert_eq!(again.channel, Some(Channel::Api));
        assert_eq!(again.kind.as_deref(), Some("intimate_partner_violence"));
        assert_eq!(again.province.as_ref().map(|p| p.as_str()), Some("pk-sd"));
        assert!(again.flagged);
        assert_eq!(again.page, 2);
        assert_eq!(again.assigned, AssignedChoice::Anyone);
    }

    #[test]
    fn defaults_depend_on_the_role_and_bad_values_are_refused() {
        let tax = Taxonomy::pakistan_default();
        let gaz = Gazetteer::pakistan();
        let moderator = viewer(false);
        let chosen = query("").parse(moderator, tax, gaz).unwrap();
        assert_eq!(chosen.assigned, AssignedChoice::Open);
        assert_eq!(
            chosen.filter(moderator).assigned,
            Assigned::NobodyOr(moderator.user)
        );
        // The default view, for moderators and coordinators alike: new and in review, hers
        // and nobody's, urgent first.
        let coordinator = viewer(true);
        let default = query("").parse(coordinator, tax, gaz).unwrap();
        assert_eq!(default.assigned, AssignedChoice::Open);
        assert_eq!(default.status, StatusChoice::Open);
        let filter = default.filter(coordinator);
        assert_eq!(
            filter.statuses,
            [SubmissionStatus::New, SubmissionStatus::InReview]
        );
        assert_eq!(filter.sort, InboxSort::UrgentFirst);
        assert!(
            query("status=any")
                .parse(coordinator, tax, gaz)
                .unwrap()
                .filter(coordinator)
                .statuses
                .is_empty()
        );
        let someone = UserId::random().to_string();
        assert!(
            query(&format!("assigned={someone}"))
                .parse(moderator, tax, gaz)
                .is_err()
        );
        for bad in [
            "status=bogus",
            "channel=fax",
            "kind=whatsapp",
            "province=pk-pb-lahore",
            "flagged=yes",
            "urgent=yes",
            "sort=random",
            "page=0",
        ] {
            assert!(query(bad).parse(viewer(true), tax, gaz).is_err(), "{bad}");
        }
    }

    #[test]
    fn back_stays_in_the_inbox() {
        assert_eq!(safe_back("/admin/inbox?page=2"), "/admin/inbox?page=2");
        assert_eq!(safe_back("/admin/inbox"), "/admin/inbox");
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/admin/users",
            "/admin/inboxes",
        ] {
            assert_eq!(safe_back(bad), INBOX_PATH, "{bad}");
        }
    }
}
