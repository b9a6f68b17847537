//! Adds N sealed fictional reports (each with a contact and one evidence file) to a data
//! directory, initialising its keys first if it has none: the load for the backup benchmark.
//!
//! `cargo run --release -p naqsha --example seed_reports -- DATA_DIR N`

use naqsha::config::Config;
use naqsha::intake::{self, Incoming};
use naqsha::keyring;
use naqsha::storage::{KeyStore, NewAttachment};
use naqsha_core::ids::AttachmentId;
use naqsha_core::lang::Lang;
use naqsha_core::sealing::{self, KdfParams};
use naqsha_core::submission::{Channel, Consent, ContactDetails, RawReport, WhoseStory};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: seed_reports DATA_DIR N");
    };
    let n: usize = n.parse()?;
    let state = naqsha::startup::build_state(Config::for_data_dir(dir)).await?;
    let store = state.store();
    if store.org_keys().await?.is_none() {
        keyring::initialise(store, "admin", KdfParams::INSECURE_FAST_FOR_TESTS).await?;
    }
    let public_key = keyring::public_key(store).await?;
    for i in 0..n {
        let evidence = vec![(i % 251) as u8; 20_000];
        intake::accept(
            store,
            &public_key,
            state.taxonomy(),
            state.gazetteer(),
            Incoming {
                report: RawReport {
                    danger_now: false,
                    approve_first: false,
                    self_description: None,
                    what_happened: ReportText::parse(&format!(
                        "Report {i}: a fake profile used my photos and sent messages to my \
                         family. میرے نام سے جعلی اکاؤنٹ بنا کر میری تصویریں لگائی گئیں۔"
                    ))?,
                    when: None,
                    place: None,
                    place_text: None,
                    labels: Labels::default(),
                    whose_story: Some(WhoseStory::Own),
                    source_url: None,
                    consent: Consent::StatisticsOnly,
                    language: Lang::UR,
                    received_at: OffsetDateTime::now_utc(),
                },
                contact: Some(ContactDetails::new(Some(format!("0300-{i:07}")), None)),
                channel: Channel::Web,
                flagged: false,
                receipt_hash: None,
                attachments: vec![NewAttachment {
                    id: AttachmentId::random(),
                    media_type: "image/png".into(),
                    byte_size: evidence.len() as u64,
                    sealed: sealing::seal(&public_key, &evidence),
                }],
            },
            naqsha::storage::Arrival::default(),
        )
        .await?;
    }
    Ok(())
}
