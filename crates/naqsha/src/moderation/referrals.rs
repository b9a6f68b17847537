//! The referrals list in use: the organisation's `<data_dir>/referrals.toml` when it is
//! present and passes the checks of [`naqsha_core::referral`], otherwise the bundled list
//! (`data/referrals/pk.toml`). Read each time it is used, like the resources page, so an
//! admin's edit shows without a restart; the file is a few kilobytes and is read only for
//! staff pages.
//!
//! A copy that cannot be used does not stop anything: the bundled list is used and the
//! problem is kept for `/admin/referrals` to show. The log says only that the copy was
//! refused, not what is in it.

use std::path::{Path, PathBuf};

use naqsha_core::places::Gazetteer;
use naqsha_core::referral::{BUNDLED, Referrals};
use naqsha_core::taxonomy::Taxonomy;

/// The name of the organisation's copy in the data directory.
pub const OVERRIDE_FILE: &str = "referrals.toml";

/// Where the organisation's copy is read from.
pub fn override_path(data_dir: &Path) -> PathBuf {
    data_dir.join(OVERRIDE_FILE)
}

/// Where the list in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The organisation's copy in the data directory.
    Override,
    /// The list compiled into the binary.
    Bundled,
}

/// The list in use and why the organisation's copy is not, if it is not.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The services (empty only when neither list fits the taxonomy and gazetteer in use).
    pub services: Referrals,
    /// Where they came from.
    pub source: Source,
    /// What is wrong with the organisation's copy (or with the bundled list), for admins.
    pub problem: Option<String>,
}

/// The bundled list, checked against `taxonomy` and `gazetteer` (a replaced taxonomy may
/// not have the kinds of violence it names).
fn bundled(taxonomy: &Taxonomy, gazetteer: &Gazetteer, problem: Option<String>) -> Loaded {
    match Referrals::parse(BUNDLED, taxonomy, gazetteer) {
        Ok(services) => Loaded {
            services,
            source: Source::Bundled,
            problem,
        },
        Err(e) => {
            tracing::error!("the bundled referrals list does not fit the taxonomy in use");
            let own = format!("the bundled list does not fit the taxonomy in use: {e}");
            Loaded {
                services: Referrals::default(),
                source: Source::Bundled,
                problem: Some(match problem {
                    Some(p) => format!("{p}; {own}"),
                    None => own,
                }),
            }
        }
    }
}

/// The referrals list in use (see the module documentation).
pub fn load(data_dir: &Path, taxonomy: &Taxonomy, gazetteer: &Gazetteer) -> Loaded {
    let path = override_path(data_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return bundled(taxonomy, gazetteer, None);
        }
        Err(e) => {
            tracing::warn!(
                error = %e.kind(),
                "the referrals file in the data directory cannot be read; the bundled list is used"
            );
            return bundled(
                taxonomy,
                gazetteer,
                Some(format!("{OVERRIDE_FILE} cannot be read: {}", e.kind())),
            );
        }
    };
    match Referrals::parse(&text, taxonomy, gazetteer) {
        Ok(services) => Loaded {
            services,
            source: Source::Override,
            problem: None,
        },
        Err(e) => {
            tracing::warn!(
                "the referrals file in the data directory does not pass its checks; the bundled list is used"
            );
            bundled(taxonomy, gazetteer, Some(e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_from(dir: &Path) -> Loaded {
        load(dir, Taxonomy::pakistan_default(), Gazetteer::pakistan())
    }

    #[test]
    fn without_a_copy_the_bundled_list_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load_from(dir.path());
        assert_eq!(loaded.source, Source::Bundled);
        assert_eq!(loaded.problem, None);
        assert!(loaded.services.get("nccia").is_some());
    }

    #[test]
    fn a_valid_copy_replaces_the_bundled_list_and_a_broken_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let own = "[[service]]\nid = \"our-line\"\nkind = \"helpline\"\nname = { en = \"Our line\", ur = \"ہماری لائن\" }\nhow = { en = \"Call us.\", ur = \"ہمیں کال کریں۔\" }\nphones = [\"042-111\"]\n";
        std::fs::write(override_path(dir.path()), own).unwrap();
        let loaded = load_from(dir.path());
        assert_eq!(loaded.source, Source::Override);
        assert_eq!(loaded.problem, None);
        assert_eq!(loaded.services.services().len(), 1);
        assert!(loaded.services.get("our-line").is_some());

        std::fs::write(
            override_path(dir.path()),
            own.replace("helpline", "hotline"),
        )
        .unwrap();
        let loaded = load_from(dir.path());
        assert_eq!(loaded.source, Source::Bundled);
        assert!(loaded.services.get("nccia").is_some());
        let problem = loaded.problem.unwrap();
        assert!(
            problem.contains("our-line") && problem.contains("kind"),
            "{problem}"
        );
    }

    #[test]
    fn a_taxonomy_without_the_bundled_harms_leaves_the_list_empty_and_says_why() {
        let text = Taxonomy::pakistan_default()
            .to_toml()
            .replace("\"intimate_partner_violence\"", "\"partner_violence\"");
        let taxonomy = Taxonomy::from_toml(&text).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(dir.path(), &taxonomy, Gazetteer::pakistan());
        assert!(loaded.services.is_empty());
        let problem = loaded.problem.unwrap();
        assert!(problem.contains("intimate_partner_violence"), "{problem}");
    }
}
