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

/// The campaign whose days include today in the deployment's time zone, if any. A database
/// that does not answer in time leaves the feature out (the map is served from memory
/// and must not wait for a decoration); the failure is logged.
pub async fn campaign_of_the_day(state: &AppState) -> Option<Campaign> {
    match quick(state.campaign_store().campaign_on(today(state))).await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, "campaign of the day not read; home page shown without it");
            None
        }
    }
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
