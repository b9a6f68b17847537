-- Campaign pages (issue 20 item 3): pages the organisation writes in English and Urdu, in
-- the safe Markdown subset, with a period (days as YYYY-MM-DD, both included) during which
-- the home page features the campaign. Nothing here was written by the public.

CREATE TABLE campaigns (
    id          TEXT PRIMARY KEY NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    title_en    TEXT NOT NULL,
    title_ur    TEXT NOT NULL,
    intro_en    TEXT NOT NULL,
    intro_ur    TEXT NOT NULL,
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX campaigns_by_period ON campaigns (first_day, last_day);

-- Posts, shown newest first on the campaign's page.
CREATE TABLE campaign_posts (
    id          TEXT PRIMARY KEY NOT NULL,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    title_en    TEXT NOT NULL,
    title_ur    TEXT NOT NULL,
    body_en     TEXT NOT NULL,
    body_ur     TEXT NOT NULL,
    day         TEXT NOT NULL
);
CREATE INDEX campaign_posts_of ON campaign_posts (campaign_id, day);

-- A prompt for a day of the period.
CREATE TABLE campaign_prompts (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    prompt_en   TEXT NOT NULL,
    prompt_ur   TEXT NOT NULL,
    PRIMARY KEY (campaign_id, day)
);

-- Published cases the campaign features, in the order chosen. The case id is not a
-- foreign key: a case withdrawn later simply stops being shown (pages read the published
-- snapshot), and the campaign keeps its list.
CREATE TABLE campaign_stories (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    case_id     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, position)
);

-- Images for the pages, already re-encoded without metadata (naqsha::intake::evidence).
CREATE TABLE campaign_images (
    id           TEXT PRIMARY KEY NOT NULL,
    campaign_id  TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    alt_en       TEXT NOT NULL,
    alt_ur       TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX campaign_images_of ON campaign_images (campaign_id);
