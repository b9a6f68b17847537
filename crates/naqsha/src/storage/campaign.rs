//! Campaign pages: campaigns with their prompts and selected stories, posts, and images.
//! Everything here is written by staff; nothing is sealed, and the public pages read it
//! through this role. Each change is stored with its audit entry in one transaction.

use std::collections::BTreeMap;
use std::future::Future;

use naqsha_core::audit::AuditEvent;
use naqsha_core::campaign::{
    Bilingual, Campaign, CampaignId, CampaignImageId, CampaignImageInfo, CampaignPeriod,
    CampaignPost, CampaignPostId, CampaignSlug, format_day, parse_day,
};
use naqsha_core::ids::CaseId;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

use super::audit::write_audit;
use super::rows::{Cols, ts};
use super::{StorageError, Store};

/// An image with its bytes, as served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignImage {
    /// What the pages know of it.
    pub info: CampaignImageInfo,
    /// The re-encoded image.
    pub bytes: Vec<u8>,
}

/// Campaigns, their posts and images.
pub trait CampaignStore {
    /// Every campaign, the latest period first.
    fn campaigns(&self) -> impl Future<Output = Result<Vec<Campaign>, StorageError>> + Send;
    /// One campaign.
    fn campaign(
        &self,
        id: CampaignId,
    ) -> impl Future<Output = Result<Option<Campaign>, StorageError>> + Send;
    /// The campaign at `/campaign/<slug>`.
    fn campaign_by_slug(
        &self,
        slug: &CampaignSlug,
    ) -> impl Future<Output = Result<Option<Campaign>, StorageError>> + Send;
    /// The campaign whose period contains `day` (of several, the one that started last).
    fn campaign_on(
        &self,
        day: Date,
    ) -> impl Future<Output = Result<Option<Campaign>, StorageError>> + Send;
    /// Adds a campaign or replaces the one with its id (prompts and stories included),
    /// with its audit entry. [`StorageError::Conflict`]`("campaign_slug")` when another
    /// campaign has the slug.
    fn save_campaign(
        &self,
        campaign: &Campaign,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// A campaign's posts, newest first.
    fn campaign_posts(
        &self,
        campaign: CampaignId,
    ) -> impl Future<Output = Result<Vec<CampaignPost>, StorageError>> + Send;
    /// Adds a post or replaces the one with its id (of the same campaign), with its audit
    /// entry. False when the post belongs to another campaign.
    fn save_campaign_post(
        &self,
        post: &CampaignPost,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Removes a post of `campaign`, with its audit entry; false if there was none.
    fn delete_campaign_post(
        &self,
        campaign: CampaignId,
        post: CampaignPostId,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Stores an image (already cleaned), with its audit entry.
    fn insert_campaign_image(
        &self,
        image: &CampaignImage,
        audit: &AuditEvent,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// A campaign's images, oldest first, without their bytes.
    fn campaign_images(
        &self,
        campaign: CampaignId,
    ) -> impl Future<Output = Result<Vec<CampaignImageInfo>, StorageError>> + Send;
    /// Every image id (the ones Markdown may show).
    fn campaign_image_ids(
        &self,
    ) -> impl Future<Output = Result<Vec<CampaignImageId>, StorageError>> + Send;
    /// One image with its bytes.
    fn campaign_image(
        &self,
        id: CampaignImageId,
    ) -> impl Future<Output = Result<Option<CampaignImage>, StorageError>> + Send;
}

const CAMPAIGN_COLUMNS: &str =
    "id, slug, title_en, title_ur, intro_en, intro_ur, first_day, last_day";

fn day(c: &Cols<'_>, column: &'static str) -> Result<Date, StorageError> {
    let raw = c.text(column)?;
    parse_day(&raw).map_err(|e| c.corrupt(column, e))
}

fn campaign_from(row: &AnyRow) -> Result<Campaign, StorageError> {
    let c = Cols::new(row, "campaigns");
    let period = CampaignPeriod::new(day(&c, "first_day")?, day(&c, "last_day")?)
        .map_err(|e| c.corrupt("last_day", e))?;
    Ok(Campaign {
        id: c.parsed("id")?,
        slug: c.parsed("slug")?,
        title: Bilingual {
            en: c.text("title_en")?,
            ur: c.text("title_ur")?,
        },
        intro: Bilingual {
            en: c.text("intro_en")?,
            ur: c.text("intro_ur")?,
        },
        period,
        stories: Vec::new(),
        prompts: BTreeMap::new(),
    })
}

fn post_from(row: &AnyRow) -> Result<CampaignPost, StorageError> {
    let c = Cols::new(row, "campaign_posts");
    Ok(CampaignPost {
        id: c.parsed("id")?,
        campaign: c.parsed("campaign_id")?,
        title: Bilingual {
            en: c.text("title_en")?,
            ur: c.text("title_ur")?,
        },
        body: Bilingual {
            en: c.text("body_en")?,
            ur: c.text("body_ur")?,
        },
        date: day(&c, "day")?,
    })
}

const IMAGE_COLUMNS: &str = "id, campaign_id, content_type, width, height, alt_en, alt_ur";

fn image_from(row: &AnyRow) -> Result<CampaignImageInfo, StorageError> {
    let c = Cols::new(row, "campaign_images");
    let px = |column| {
        c.int(column)
            .and_then(|v| u32::try_from(v).map_err(|e| c.corrupt(column, e)))
    };
    Ok(CampaignImageInfo {
        id: c.parsed("id")?,
        campaign: c.parsed("campaign_id")?,
        content_type: c.text("content_type")?,
        width: px("width")?,
        height: px("height")?,
        alt: Bilingual {
            en: c.text("alt_en")?,
            ur: c.text("alt_ur")?,
        },
    })
}

impl Store {
    /// Fills in a campaign's prompts and stories.
    async fn complete(&self, mut campaign: Campaign) -> Result<Campaign, StorageError> {
        let id = campaign.id.to_string();
        let rows = sqlx::query(
            "SELECT day, prompt_en, prompt_ur FROM campaign_prompts WHERE campaign_id = $1",
        )
        .bind(&id)
        .fetch_all(self.pool())
        .await?;
        for row in &rows {
            let c = Cols::new(row, "campaign_prompts");
            campaign.prompts.insert(
                day(&c, "day")?,
                Bilingual {
                    en: c.text("prompt_en")?,
                    ur: c.text("prompt_ur")?,
                },
            );
        }
        let rows = sqlx::query(
            "SELECT case_id FROM campaign_stories WHERE campaign_id = $1 ORDER BY position",
        )
        .bind(&id)
        .fetch_all(self.pool())
        .await?;
        campaign.stories = rows
            .iter()
            .map(|row| Cols::new(row, "campaign_stories").parsed::<CaseId>("case_id"))
            .collect::<Result<_, _>>()?;
        Ok(campaign)
    }

    async fn one_campaign(
        &self,
        condition: &str,
        value: String,
    ) -> Result<Option<Campaign>, StorageError> {
        let sql = format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE {condition} = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(value)
            .fetch_optional(self.pool())
            .await?;
        match row.as_ref().map(campaign_from).transpose()? {
            Some(c) => Ok(Some(self.complete(c).await?)),
            None => Ok(None),
        }
    }
}

impl CampaignStore for Store {
    async fn campaigns(&self) -> Result<Vec<Campaign>, StorageError> {
        let sql = format!("SELECT {CAMPAIGN_COLUMNS} FROM campaigns ORDER BY first_day DESC, slug");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(self.complete(campaign_from(row)?).await?);
        }
        Ok(out)
    }

    async fn campaign(&self, id: CampaignId) -> Result<Option<Campaign>, StorageError> {
        self.one_campaign("id", id.to_string()).await
    }

    async fn campaign_by_slug(
        &self,
        slug: &CampaignSlug,
    ) -> Result<Option<Campaign>, StorageError> {
        self.one_campaign("slug", slug.as_str().to_owned()).await
    }

    async fn campaign_on(&self, on: Date) -> Result<Option<Campaign>, StorageError> {
        let sql = format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE first_day <= $1 AND last_day >= $1 \
             ORDER BY first_day DESC, slug LIMIT 1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(format_day(on))
            .fetch_optional(self.pool())
            .await?;
        match row.as_ref().map(campaign_from).transpose()? {
            Some(c) => Ok(Some(self.complete(c).await?)),
            None => Ok(None),
        }
    }

    async fn save_campaign(&self, c: &Campaign, audit: &AuditEvent) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let id = c.id.to_string();
        let taken = sqlx::query("SELECT id FROM campaigns WHERE slug = $1 AND id <> $2")
            .bind(c.slug.as_str())
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StorageError::Conflict("campaign_slug"));
        }
        sqlx::query(
            "INSERT INTO campaigns (id, slug, title_en, title_ur, intro_en, intro_ur, \
             first_day, last_day, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title_en = excluded.title_en, \
             title_ur = excluded.title_ur, intro_en = excluded.intro_en, \
             intro_ur = excluded.intro_ur, first_day = excluded.first_day, \
             last_day = excluded.last_day, updated_at = excluded.updated_at",
        )
        .bind(&id)
        .bind(c.slug.as_str())
        .bind(&c.title.en)
        .bind(&c.title.ur)
        .bind(&c.intro.en)
        .bind(&c.intro.ur)
        .bind(format_day(c.period.first()))
        .bind(format_day(c.period.last()))
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM campaign_prompts WHERE campaign_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        for (d, p) in &c.prompts {
            sqlx::query(
                "INSERT INTO campaign_prompts (campaign_id, day, prompt_en, prompt_ur) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&id)
            .bind(format_day(*d))
            .bind(&p.en)
            .bind(&p.ur)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM campaign_stories WHERE campaign_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        for (position, case) in c.stories.iter().enumerate() {
            sqlx::query(
                "INSERT INTO campaign_stories (campaign_id, position, case_id) \
                 VALUES ($1, $2, $3)",
            )
            .bind(&id)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(case.to_string())
            .execute(&mut *tx)
            .await?;
        }
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn campaign_posts(
        &self,
        campaign: CampaignId,
    ) -> Result<Vec<CampaignPost>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, campaign_id, title_en, title_ur, body_en, body_ur, day \
             FROM campaign_posts WHERE campaign_id = $1 ORDER BY day DESC, id",
        )
        .bind(campaign.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(post_from).collect()
    }

    async fn save_campaign_post(
        &self,
        p: &CampaignPost,
        audit: &AuditEvent,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        // Scoped in the WHERE: a post id of another campaign is never taken over.
        let done = sqlx::query(
            "INSERT INTO campaign_posts (id, campaign_id, title_en, title_ur, body_en, body_ur, \
             day) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (id) DO UPDATE SET title_en = excluded.title_en, \
             title_ur = excluded.title_ur, body_en = excluded.body_en, \
             body_ur = excluded.body_ur, day = excluded.day \
             WHERE campaign_posts.campaign_id = excluded.campaign_id",
        )
        .bind(p.id.to_string())
        .bind(p.campaign.to_string())
        .bind(&p.title.en)
        .bind(&p.title.ur)
        .bind(&p.body.en)
        .bind(&p.body.ur)
        .bind(format_day(p.date))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn delete_campaign_post(
        &self,
        campaign: CampaignId,
        post: CampaignPostId,
        audit: &AuditEvent,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM campaign_posts WHERE id = $1 AND campaign_id = $2")
            .bind(post.to_string())
            .bind(campaign.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn insert_campaign_image(
        &self,
        image: &CampaignImage,
        audit: &AuditEvent,
    ) -> Result<(), StorageError> {
        let i = &image.info;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO campaign_images (id, campaign_id, content_type, width, height, alt_en, \
             alt_ur, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(i.id.to_string())
        .bind(i.campaign.to_string())
        .bind(&i.content_type)
        .bind(i64::from(i.width))
        .bind(i64::from(i.height))
        .bind(&i.alt.en)
        .bind(&i.alt.ur)
        .bind(image.bytes.clone())
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        write_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn campaign_images(
        &self,
        campaign: CampaignId,
    ) -> Result<Vec<CampaignImageInfo>, StorageError> {
        let sql = format!(
            "SELECT {IMAGE_COLUMNS} FROM campaign_images WHERE campaign_id = $1 \
             ORDER BY created_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(campaign.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(image_from).collect()
    }

    async fn campaign_image_ids(&self) -> Result<Vec<CampaignImageId>, StorageError> {
        let rows = sqlx::query("SELECT id FROM campaign_images ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| Cols::new(row, "campaign_images").parsed("id"))
            .collect()
    }

    async fn campaign_image(
        &self,
        id: CampaignImageId,
    ) -> Result<Option<CampaignImage>, StorageError> {
        let sql = format!("SELECT {IMAGE_COLUMNS}, bytes FROM campaign_images WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let info = image_from(&row)?;
        let bytes = Cols::new(&row, "campaign_images")
            .bytes("bytes")?
            .unwrap_or_default();
        Ok(Some(CampaignImage { info, bytes }))
    }
}
