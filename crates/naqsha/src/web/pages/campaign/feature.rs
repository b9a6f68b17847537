//! The campaign the home page features during its days: its title linking to its page, the
//! day's prompt, and up to three of its stories. Kept small so the map stays on a phone's
//! first screen.

use naqsha_core::campaign::Campaign;

use super::{Said, StoryLink, story_links, today};
use crate::public::Snapshot;
use crate::state::AppState;
use crate::storage::{CampaignStore, quick};
use crate::web::layout::Ui;

/// Stories the home page shows of a campaign.
pub const HOME_STORIES: usize = 3;

/// What the home page shows of the campaign of the day.
pub struct HomeFeature {
    /// The campaign's page in the page language.
    pub href: String,
    /// Its title.
    pub title: Said,
    /// The day's prompt, if the day has one.
    pub prompt: Option<Said>,
    /// Up to [`HOME_STORIES`] of its stories.
    pub stories: Vec<StoryLink>,
}

/// How long a node serves the campaign of the day from memory before asking the database
/// again: a change made on another node shows on this one's home page within this time (a
/// change made here shows at once).
pub const REMEMBERED: std::time::Duration = std::time::Duration::from_secs(30);

/// The campaign whose days include today in the deployment's time zone, if any. The home
/// page is served from memory and must not wait on the database for a decoration: the answer
/// is remembered for [`REMEMBERED`], and while the database does not answer in time the
/// last answer of the same day is used (or none), the failure logged.
pub async fn campaign_of_the_day(state: &AppState) -> Option<Campaign> {
    let day = today(state);
    let memo = state.campaign_of_the_day();
    if let Some((d, campaign)) = memo.fresh(REMEMBERED)
        && d == day
    {
        return campaign;
    }
    match quick(state.campaign_store().campaign_on(day)).await {
        Ok(campaign) => {
            memo.put((day, campaign.clone()));
            campaign
        }
        Err(e) => {
            tracing::warn!(error = %e, "campaign of the day not read; the last answer is used");
            let last = memo.any().filter(|(d, _)| *d == day).and_then(|(_, c)| c);
            // Asked again after a while, not on every request of an outage.
            memo.put((day, last.clone()));
            last
        }
    }
}

/// What the feature of `campaign` shows, for the page cache's key: a cached home page is
/// used only while the feature is the same (the same day's prompt, the campaign unchanged).
pub fn cache_key(state: &AppState, campaign: &Campaign) -> String {
    let day = today(state);
    format!(
        "campaign {} {} {:?} {:?} {:?}",
        campaign.id,
        campaign.slug,
        campaign.title,
        campaign.prompt_on(day),
        campaign.stories
    )
}

/// The feature of `campaign` on the home page in `ui`'s language.
pub fn home_feature(
    state: &AppState,
    snapshot: &Snapshot,
    campaign: &Campaign,
    ui: &Ui,
) -> HomeFeature {
    let day = today(state);
    let prompt = campaign.prompt_on(day);
    let stories = story_links(snapshot, campaign, ui, HOME_STORIES);
    HomeFeature {
        href: ui.href(&format!("/campaign/{}", campaign.slug)),
        title: Said::of(&campaign.title, ui.lang),
        prompt: prompt.map(|p| Said::of(p, ui.lang)),
        stories,
    }
}
