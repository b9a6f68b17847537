//! Fictional reports for the demo inbox, so that someone trying Naqsha can sign in and review,
//! redact, code and publish a report straight away. Every one is marked as a demo and every
//! name, number and handle in them is made up. They go through the real intake pipeline, so
//! they are sealed like any report and carry the engine's suggested redactions.

use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, PlaceId};
use naqsha_core::sealing::OrgPublicKey;
use naqsha_core::submission::{Channel, Consent, RawReport, ReportedWhen, WhoseStory};
use naqsha_core::taxonomy::{Labels, Taxonomy};
use naqsha_core::text::ReportText;
use time::OffsetDateTime;

use crate::intake::{self, Incoming, IntakeError};
use crate::storage::Store;

struct DemoReport {
    text: &'static str,
    lang: Lang,
    channel: Channel,
    place: &'static str,
    month: (i32, u8),
    labels: &'static [(&'static str, &'static str)],
    whose: WhoseStory,
    consent: Consent,
    source_url: Option<&'static str>,
}

const REPORTS: &[DemoReport] = &[
    DemoReport {
        text: "[نمونہ] میرا نام ثمینہ اختر ہے۔ میری سابقہ منگنی والے شخص، کامران شاہ، نے میری تصاویر \
               لے کر مجھے واٹس ایپ پر دھمکیاں دیں کہ اگر میں نے پیسے نہ دیے تو وہ یہ تصاویر فیس بک پر \
               ڈال دے گا۔ اس کا نمبر 0301-4567890 ہے۔ میں بہت ڈری ہوئی ہوں اور گھر والوں کو نہیں بتا سکتی۔",
        lang: Lang::UR,
        channel: Channel::Web,
        place: "pk-pb-lahore",
        month: (2026, 9),
        labels: &[
            ("kind", "intimate_partner_violence"),
            ("act", "blackmail_sextortion"),
            ("platform", "whatsapp"),
            ("perpetrator", "intimate_partner"),
        ],
        whose: WhoseStory::Own,
        consent: Consent::Publish,
        source_url: None,
    },
    DemoReport {
        text: "[Demo] Someone made a fake Instagram account, @ayesha.k.official, with my photos and my \
               name, Ayesha Khan, and is sending messages to my students and colleagues at the \
               university. My email ayesha.khan@example.org was also posted with my phone number \
               0333 7654321. I reported the profile three times but it is still there.",
        lang: Lang::EN,
        channel: Channel::Web,
        place: "pk-is-islamabad",
        month: (2026, 8),
        labels: &[
            ("kind", "online_harassment_cyberstalking"),
            ("act", "impersonation"),
            ("act", "doxxing"),
            ("platform", "instagram"),
            ("action_taken", "reported_platform"),
        ],
        whose: WhoseStory::Own,
        consent: Consent::Publish,
        source_url: None,
    },
    DemoReport {
        text: "[Demo] Meri behen Rubina ka Facebook account hack ho gaya hai. Hacker us ke account se \
               logon ko ganday messages bhej raha hai aur ab 50,000 rupay maang raha hai. Us ne apna \
               JazzCash number 0345-1122334 diya hai. Hum ne FIA ko shikayat di hai.",
        lang: Lang::UR,
        channel: Channel::Api,
        place: "pk-sd-karachi-central",
        month: (2026, 7),
        labels: &[
            ("kind", "online_harassment_cyberstalking"),
            ("act", "hacking"),
            ("act", "blackmail_sextortion"),
            ("platform", "facebook"),
            ("action_taken", "fia_cybercrime"),
        ],
        whose: WhoseStory::OtherWithConsent,
        consent: Consent::StatisticsOnly,
        source_url: None,
    },
    DemoReport {
        text: "[نمونہ] ایک مقامی صحافی خاتون، نازیہ بلوچ، پر سوشل میڈیا پر توہینِ مذہب کا جھوٹا الزام لگایا گیا \
               جب اس نے ایک ٹی وی پروگرام میں خواتین کے حقوق پر بات کی۔ ایکس (ٹوئٹر) پر سینکڑوں اکاؤنٹس نے اس کا \
               پتہ اور تصویر شیئر کی۔ وہ اب گھر سے باہر نہیں نکل سکتیں۔",
        lang: Lang::UR,
        channel: Channel::News,
        place: "pk-ba-quetta",
        month: (2026, 6),
        labels: &[
            ("kind", "violence_targeting_communities"),
            ("act", "coordinated_attack"),
            ("act", "doxxing"),
            ("platform", "x_twitter"),
            ("survivor_role", "journalist"),
        ],
        whose: WhoseStory::NewsReport,
        consent: Consent::Publish,
        source_url: Some("https://news.example.org/2026/06/journalist-threatened"),
    },
    DemoReport {
        text: "[نمونہ] ایک مقامی صحافی خاتون نازیہ بلوچ پر سوشل میڈیا پر توہینِ مذہب کا جھوٹا الزام لگایا گیا \
               جب اس نے ٹی وی پروگرام میں خواتین کے حقوق پر بات کی۔ ایکس پر سینکڑوں اکاؤنٹس نے اس کا پتہ اور \
               تصویر شیئر کی۔ وہ اب گھر سے باہر نہیں نکل سکتیں اور پولیس نے ابھی تک کچھ نہیں کیا۔",
        lang: Lang::UR,
        channel: Channel::Web,
        place: "pk-ba-quetta",
        month: (2026, 6),
        labels: &[
            ("kind", "violence_targeting_communities"),
            ("act", "coordinated_attack"),
            ("platform", "x_twitter"),
        ],
        whose: WhoseStory::OtherWithConsent,
        consent: Consent::Publish,
        source_url: None,
    },
    DemoReport {
        text: "[Demo] A man I met on a dating app recorded our video call without asking and now \
               threatens to send it to my family in Peshawar unless I meet him again. His profile \
               name is Bilal R. and he messages me from +92 312 9988776.",
        lang: Lang::EN,
        channel: Channel::Web,
        place: "pk-kp-peshawar",
        month: (2026, 10),
        labels: &[
            ("kind", "rape_sexual_assault"),
            ("act", "recording_without_consent"),
            ("act", "threats"),
            ("platform", "dating_app"),
            ("perpetrator", "stranger"),
        ],
        whose: WhoseStory::Own,
        consent: Consent::Publish,
        source_url: None,
    },
];

/// Puts the fictional demo reports in the inbox. Returns how many were stored.
pub async fn seed_inbox(
    store: &Store,
    public_key: &OrgPublicKey,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> Result<usize, IntakeError> {
    let mut stored = 0;
    for demo in REPORTS {
        let mut labels = Labels::new();
        for (dimension, term) in demo.labels {
            labels
                .insert_str(dimension, term)
                .map_err(|e| IntakeError::Labels(e.to_string()))?;
        }
        let text = demo.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let report = RawReport {
            danger_now: false,
            approve_first: false,
            self_description: None,
            what_happened: ReportText::parse(&text)
                .map_err(|e| IntakeError::Encode(e.to_string()))?,
            when: Some(ReportedWhen {
                month: YearMonth::new(demo.month.0, demo.month.1)
                    .map_err(|e| IntakeError::Encode(e.to_string()))?,
                approximate: false,
            }),
            place: Some(PlaceId::new(demo.place).map_err(|_| IntakeError::UnknownPlace)?),
            place_text: None,
            labels,
            whose_story: Some(demo.whose),
            source_url: demo.source_url.map(str::to_owned),
            consent: demo.consent,
            language: demo.lang,
            received_at: OffsetDateTime::now_utc(),
        };
        let incoming = Incoming {
            report,
            contact: None,
            channel: demo.channel,
            flagged: false,
            receipt_hash: None,
            attachments: Vec::new(),
        };
        intake::accept(
            store,
            public_key,
            taxonomy,
            gazetteer,
            incoming,
            crate::storage::Arrival::default(),
        )
        .await?;
        stored += 1;
    }
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_reports_use_known_places_and_terms() {
        let gazetteer = Gazetteer::pakistan();
        let taxonomy = Taxonomy::pakistan_default();
        for demo in REPORTS {
            let place = PlaceId::new(demo.place).unwrap();
            assert!(gazetteer.get(&place).is_some(), "{}", demo.place);
            let mut labels = Labels::new();
            for (d, t) in demo.labels {
                labels.insert_str(d, t).unwrap();
            }
            taxonomy.validate_labels(&labels).unwrap();
            assert!(demo.text.contains("[Demo]") || demo.text.contains("[نمونہ]"));
            // The engine finds something to redact in every one of them.
            assert!(!naqsha_core::redaction::detect(demo.text).is_empty());
        }
    }
}
