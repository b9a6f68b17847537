//! `POST /api/v1/submissions`: a partner organisation (a helpline, a shelter's intake app)
//! sends a report as JSON. The rules are the web form's: the request is mapped to the same
//! [`ReportInput`] and validated by the same function, evidence goes through the same checks
//! and cleaning, and the report is sealed and stored by the same intake pipeline (marked as
//! arriving through the API). The reply carries the receipt, once; never the submission id.
//!
//! During a flood, a proof of work from `GET /api/v1/submissions/challenge` is asked for,
//! exactly as from the form's JavaScript; a submission without one (or with a wrong, expired
//! or replayed one) is still accepted and flagged for the moderators, as the form does for a
//! browser without JavaScript. A partner relaying a survivor's report must never have it
//! dropped because a flood happens to be going on.

use std::collections::BTreeMap;
use std::time::Instant;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use naqsha_core::lang::Lang;
use naqsha_core::submission::Channel;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{ApiError, ErrorBody, Refusal, no_store};
use crate::abuse::{Decision, LimitKind};
use crate::intake;
use crate::intake::evidence::{EvidenceError, EvidenceLimits};
use crate::intake::form::{FieldErrors, ReportInput};
use crate::state::AppState;
use crate::storage::{Arrival, NewAttachment};
use crate::web::client::ClientNetwork;
use crate::web::error::AppError;
use crate::web::pages::report;

/// The largest request body accepted: the web form's limit with everything in it
/// base64-encoded (4 bytes for every 3), i.e. 36 MiB. That leaves room for the 25 MiB of
/// evidence the form allows, encoded (33.4 MiB), and the longest text escaped as JSON.
pub const MAX_BODY: usize = report::MAX_BODY.div_ceil(3) * 4;

/// How long a submission may wait for room to read its body before it is refused as busy.
const UPLOAD_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Base64 as RFC 4648 §4 (`+` and `/`), with or without the `=` padding, and no line breaks.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A report, with the same fields and limits as the web form at `/report`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionRequest {
    /// What happened, in the reporter's words: 1 to 20,000 characters, in any language. The
    /// only required field.
    #[schema(min_length = 1, max_length = 20000)]
    pub what_happened: String,
    /// When it happened, to the month. Give both year and month, or neither.
    pub when: Option<WhenInput>,
    /// A gazetteer id of a district or a province (e.g. `pk-pb-lahore`), never an address.
    #[schema(example = "pk-pb-lahore")]
    pub place: Option<String>,
    /// A city or town typed by hand when the district is not known (up to 120 characters).
    #[schema(max_length = 120)]
    pub place_text: Option<String>,
    /// Categories the reporter chose: taxonomy dimension → term keys of the deployment's
    /// taxonomy. Only these dimensions may be given: `act`, `platform`, `perpetrator`,
    /// `harm`, `action_taken`, `outcome`, `survivor_age_band`, `survivor_gender`,
    /// `survivor_role` (the kind of violence is for moderators to code, and the source
    /// follows from `whose_story`).
    #[schema(example = json!({"platform": ["whatsapp"], "act": ["threats"]}))]
    pub labels: Option<BTreeMap<String, Vec<String>>>,
    /// Whose story this is.
    #[schema(value_type = Option<WhoseStoryChoice>)]
    pub whose_story: Option<String>,
    /// A link to the news report (`http://` or `https://`), for a story from the news.
    #[schema(max_length = 2000)]
    pub source_url: Option<String>,
    /// What may be done with the story. Default: `statistics_only`.
    #[schema(value_type = Option<ConsentChoice>)]
    pub consent: Option<String>,
    /// The reporter says she is in danger now: the report is flagged urgent and read before
    /// the others. Default: `false`. (Reports whose words carry threats of leaking, violence
    /// or self-harm are flagged urgent whatever this says.)
    #[serde(default)]
    pub danger_now: bool,
    /// The reporter asks to see the anonymised version before it is published: publishing
    /// then waits for her approval, given with her receipt on `/follow-up`. Default: `false`.
    #[serde(default)]
    pub approve_first: bool,
    /// How to reach the reporter for follow-up; sealed separately and never published.
    pub contact: Option<ContactInput>,
    /// The language of the messages in the reply, and of the report. Default: `en`.
    #[serde(default)]
    pub language: LanguageChoice,
    /// Evidence files: up to 5, each up to 10 MiB and 25 MiB together (before encoding).
    /// JPEG, PNG and WebP pictures are decoded and re-encoded without their metadata
    /// (location, camera, …); PDF documents are kept as sent and never published.
    pub evidence: Option<Vec<EvidenceFile>>,
    /// A solved proof of work, asked for during a flood (see
    /// `GET /api/v1/submissions/challenge`). Without a valid one during a flood the report
    /// is still accepted, and flagged for the moderators.
    pub pow: Option<PowSolution>,
}

/// A month and year, possibly approximate.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WhenInput {
    /// The year, e.g. 2025; not in the future.
    pub year: Option<i64>,
    /// The month, 1 to 12.
    pub month: Option<i64>,
    /// The reporter is not sure of the month.
    #[serde(default)]
    pub approximate: bool,
}

/// How to reach the reporter.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    /// A phone number, 7 to 15 digits (Urdu digits are fine).
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    /// An email address.
    #[schema(max_length = 254)]
    pub email: Option<String>,
}

/// One evidence file.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    /// The file's bytes in base64 (RFC 4648 §4, padding optional, no line breaks). The kind
    /// of file is read from the bytes, never from a name.
    #[schema(content_encoding = "base64")]
    pub content_base64: String,
}

/// A challenge from `GET /api/v1/submissions/challenge` and its solution.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PowSolution {
    /// The challenge string, as received.
    pub challenge: String,
    /// A decimal counter such that SHA-256(`challenge` ‖ `":"` ‖ `solution`) begins with
    /// `difficulty_bits` zero bits.
    #[schema(example = "48213")]
    pub solution: String,
}

/// Whose story a report tells.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(
    dead_code,
    reason = "documents a string field, which stays a string so that a wrong value gets the \
              form's 422 message rather than a parse error"
)]
pub enum WhoseStoryChoice {
    /// The reporter's own story.
    Own,
    /// Someone else's story, told with their permission.
    OtherWithConsent,
    /// A story from the news (give `source_url`).
    NewsReport,
}

/// What the reporter allows to become of the story.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(
    dead_code,
    reason = "documents a string field, which stays a string so that a wrong value gets the \
              form's 422 message rather than a parse error"
)]
pub enum ConsentChoice {
    /// A moderator may publish an anonymised version.
    Publish,
    /// Only counted in the statistics; no text is published.
    StatisticsOnly,
    /// Neither published nor counted; only the team reads it.
    Private,
}

/// A language of the interface, by its code: `en`, `ur`, or another language the site
/// speaks (`sd`, `ps`, `pa`: those of data/languages/languages.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToSchema)]
#[schema(value_type = String, example = "ur")]
pub struct LanguageChoice(Lang);

impl Default for LanguageChoice {
    fn default() -> Self {
        LanguageChoice(Lang::EN)
    }
}

impl<'de> Deserialize<'de> for LanguageChoice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code).map(LanguageChoice).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown language {code:?}, expected one of {}",
                naqsha_core::lang::declared_codes()
            ))
        })
    }
}

impl From<LanguageChoice> for Lang {
    fn from(l: LanguageChoice) -> Self {
        l.0
    }
}

/// The reply to an accepted report.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionCreated {
    /// The receipt, shown this once: the server keeps only a keyed hash of it and cannot
    /// send it again. Hand it to the reporter and do not store it.
    pub receipt: ReceiptBody,
    /// The page where the reporter can use the receipt to see the status, add information or
    /// withdraw the report, in the request's language.
    #[schema(example = "/follow-up")]
    pub follow_up: String,
}

/// A receipt in its two equivalent forms; either is enough at the follow-up page.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptBody {
    /// Seven words from the EFF large word list.
    pub words: String,
    /// The same receipt as seven groups of five digits (1–6).
    pub digits: String,
}

/// A proof-of-work challenge.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeBody {
    /// The challenge, to send back unchanged in `pow.challenge`.
    pub challenge: String,
    /// Zero bits the SHA-256 of `challenge:solution` must begin with.
    pub difficulty_bits: u8,
    /// Seconds left to submit it; each challenge is accepted once.
    pub expires_in_seconds: u64,
    /// Whether a flood is going on now, so that submissions without a proof of work are
    /// flagged for the moderators.
    pub flood: bool,
}

/// The form's field names, as this API names them.
fn api_field(form_field: &'static str) -> String {
    match form_field {
        "contact_phone" => "contact.phone".to_owned(),
        "contact_email" => "contact.email".to_owned(),
        other => other.to_owned(),
    }
}

impl SubmissionRequest {
    /// The same plain-string input the web form builds.
    fn to_input(&self) -> ReportInput {
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        let when = self.when.as_ref();
        let contact = self.contact.as_ref();
        ReportInput {
            what_happened: self.what_happened.clone(),
            month: number(when.and_then(|w| w.month)),
            year: number(when.and_then(|w| w.year)),
            approximate: when.is_some_and(|w| w.approximate),
            place: text(&self.place),
            place_text: text(&self.place_text),
            labels: self.labels.clone().unwrap_or_default(),
            whose_story: text(&self.whose_story),
            source_url: text(&self.source_url),
            consent: text(&self.consent),
            danger_now: self.danger_now,
            approve_first: self.approve_first,
            contact_phone: contact.map(|c| text(&c.phone)).unwrap_or_default(),
            contact_email: contact.map(|c| text(&c.email)).unwrap_or_default(),
            ..ReportInput::default()
        }
    }
}

/// Reads the body as a [`SubmissionRequest`], answering in its language where it has one.
async fn read_request(request: Request) -> Result<(Lang, SubmissionRequest), Refusal> {
    // Parsed in two steps so that a request that is JSON but not the documented shape is
    // still answered in the language it asked for.
    let Json(value) = Json::<serde_json::Value>::from_request(request, &())
        .await
        .map_err(|rejection: JsonRejection| match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Refusal::too_large(Lang::EN),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Refusal::unsupported_media_type(Lang::EN),
            _ => Refusal::bad_request(Lang::EN, Some(rejection.body_text())),
        })?;
    let lang = value
        .get("language")
        .and_then(serde_json::Value::as_str)
        .and_then(Lang::from_code)
        .unwrap_or(Lang::EN);
    let parsed: SubmissionRequest = serde_json::from_value(value)
        .map_err(|e| Refusal::bad_request(lang, Some(e.to_string())))?;
    Ok((parsed.language.into(), parsed))
}

/// Decodes, checks, cleans and seals the evidence files, with the form's limits. Decoding
/// and re-encoding pictures take tens of milliseconds, so they run off the async threads.
async fn seal_evidence(
    state: &AppState,
    files: Vec<EvidenceFile>,
    limits: EvidenceLimits,
) -> Result<Result<Vec<NewAttachment>, EvidenceError>, AppError> {
    if files.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    if files.len() > limits.max_files {
        return Ok(Err(EvidenceError::TooManyFiles {
            max_files: limits.max_files,
        }));
    }
    let public_key = state.intake().public_key(state.store()).await?;
    let decoded = tokio::task::spawn_blocking(move || {
        // An encoded file whose decoded size must be over the limit is refused unread.
        if files
            .iter()
            .any(|f| f.content_base64.len() / 4 * 3 > limits.max_file_bytes + 3)
        {
            return Err(EvidenceError::TooLarge {
                max_bytes: limits.max_file_bytes,
            });
        }
        let decoded = files
            .iter()
            .map(|f| {
                BASE64
                    .decode(f.content_base64.as_bytes())
                    .map_err(|_| EvidenceError::Corrupt)
            })
            .collect::<Result<Vec<_>, _>>()?;
        drop(files);
        Ok(decoded)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(match decoded {
        Ok(files) => {
            state
                .intake()
                .evidence
                .clean_and_seal(files, &limits, &public_key)
                .await
        }
        Err(e) => Err(e),
    })
}

/// Submit a report.
///
/// Checks, in order: the body is JSON of the documented shape (400, 413, 415); the
/// network has not sent too many reports (429, 5 at once then 1 every 2 minutes, shared with
/// the web form); every field and file is acceptable (422, all problems at once). Then the
/// report and its files are sealed to the organisation's key and stored durably before the
/// reply is sent.
#[utoipa::path(
    post,
    path = "/api/v1/submissions",
    tag = "submissions",
    request_body(content = SubmissionRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored. The receipt is in this reply only.",
            body = SubmissionCreated),
        (status = 400, description = "Not JSON, or not the documented shape (unknown fields \
            included).", body = ErrorBody),
        (status = 413, description = "The body is larger than 36 MiB.", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`.", body = ErrorBody),
        (status = 422, description = "Some fields were refused; `error.fields` lists each \
            with a message in the request's language.", body = ErrorBody),
        (status = 429, description = "Too many reports from this network.", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before sending again."))),
        (status = 500, description = "A failure on the server's side.", body = ErrorBody),
        (status = 503, description = "The report could not be stored just now (the database \
            is unavailable, or the server is busy with other uploads); nothing was stored. \
            Send the same request again later.",
            body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before sending again."))),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ClientNetwork(network): ClientNetwork,
    request: Request,
) -> Result<Response, ApiError> {
    let now = Instant::now();
    let runtime = state.intake();
    // The body is read whole (and then decoded and sealed): about three times its size is
    // held until the reply, from the same budget as the form's uploads.
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(MAX_BODY)
        .min(MAX_BODY);
    let Some(_held) = runtime.uploads.take(3 * declared, UPLOAD_WAIT).await else {
        return Err(Refusal::busy(Lang::EN).into());
    };
    let (lang, request) = read_request(request).await?;

    // The same bucket as the form's: a network gets 5 reports at once whichever door it uses.
    if let Decision::Throttle { retry_after } = runtime.check(LimitKind::Report, network, now).await
    {
        return Err(Refusal::throttled(lang, retry_after).into());
    }

    let valid = request.to_input().validate(
        state.taxonomy(),
        state.gazetteer(),
        lang,
        OffsetDateTime::now_utc(),
    );
    let mut errors: FieldErrors = valid.as_ref().err().cloned().unwrap_or_default();
    let SubmissionRequest { evidence, pow, .. } = request;
    let attachments = match seal_evidence(
        &state,
        evidence.unwrap_or_default(),
        EvidenceLimits::default(),
    )
    .await?
    {
        Ok(sealed) => sealed,
        Err(e) if e.is_busy() => return Err(Refusal::busy(lang).into()),
        Err(e) => {
            errors.insert("evidence", e.message_key());
            Vec::new()
        }
    };
    let valid = match valid {
        Ok(v) if errors.is_empty() => v,
        _ => {
            let fields = errors
                .into_iter()
                .map(|(field, key)| (api_field(field), key))
                .collect();
            return Err(Refusal::invalid(lang, fields).into());
        }
    };

    // Checked only now, so that a request refused above has not spent its challenge.
    let flagged = runtime.flood()
        && pow.is_none_or(|p| runtime.pow.verify(&p.challenge, &p.solution, now).is_err());

    let stored = intake::accept_with_receipt(
        &state,
        valid,
        Channel::Api,
        flagged,
        attachments,
        Arrival::default(),
        false,
        now,
    )
    .await;
    let receipt = match stored {
        Ok(accepted) => accepted.receipt,
        Err(refused) if refused.error.is_unavailable() => {
            tracing::warn!(error = %refused.error, "a report could not be stored");
            runtime.refund(LimitKind::Report, network, now).await;
            return Err(Refusal::unavailable(lang).into());
        }
        Err(refused) => return Err(AppError::Internal(refused.error.into()).into()),
    };

    let follow_up = lang.localise("/follow-up");
    let body = SubmissionCreated {
        receipt: ReceiptBody {
            words: receipt.words(),
            digits: receipt.digits(),
        },
        follow_up: follow_up.to_owned(),
    };
    Ok(no_store((StatusCode::CREATED, Json(body)).into_response()))
}

/// Get a proof-of-work challenge.
///
/// A fresh challenge, signed by the server and valid once. During a flood a submission
/// carrying its solution is not flagged; outside a flood the proof is not needed. Solving
/// takes 2^`difficulty_bits` SHA-256 computations on average (about 65,000 by default).
#[utoipa::path(
    get,
    path = "/api/v1/submissions/challenge",
    tag = "submissions",
    responses((status = 200, description = "A fresh challenge.", body = ChallengeBody))
)]
pub async fn challenge(State(state): State<AppState>) -> Response {
    let now = Instant::now();
    let runtime = state.intake();
    let issued = runtime.pow.issue(now);
    let body = ChallengeBody {
        challenge: issued.as_str().to_owned(),
        difficulty_bits: issued.difficulty_bits(),
        expires_in_seconds: issued.expires_at().saturating_duration_since(now).as_secs(),
        flood: runtime.flood(),
    };
    no_store(Json(body).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::form::{self, REPORTER_DIMENSIONS};

    #[test]
    fn the_body_limit_has_room_for_all_evidence_encoded_and_the_longest_text() {
        let limits = EvidenceLimits::default();
        let evidence = limits.max_total_bytes.div_ceil(3) * 4;
        // Every character of the story escaped as a surrogate pair (`\uXXXX\uXXXX`).
        let text = naqsha_core::text::ReportText::MAX_CHARS * 12;
        assert!(
            MAX_BODY >= evidence + text + 64 * 1024,
            "{MAX_BODY} < {evidence} + {text}"
        );
        assert_eq!(MAX_BODY, 36 * 1024 * 1024);
    }

    #[test]
    fn a_full_request_maps_to_the_forms_input() {
        let request: SubmissionRequest = serde_json::from_value(serde_json::json!({
            "what_happened": "A fake profile",
            "when": {"year": 2025, "month": 3, "approximate": true},
            "place": "pk-pb-lahore",
            "labels": {"platform": ["whatsapp"]},
            "whose_story": "own",
            "consent": "publish",
            "contact": {"phone": "0300 1234567"},
            "language": "ur"
        }))
        .unwrap();
        let input = request.to_input();
        assert_eq!((input.month.as_str(), input.year.as_str()), ("3", "2025"));
        assert!(input.approximate);
        assert_eq!(input.labels["platform"], ["whatsapp"]);
        assert_eq!(input.contact_phone, "0300 1234567");
        assert_eq!(input.contact_email, "");
        assert_eq!(Lang::from(request.language), Lang::UR);
    }

    #[test]
    fn unknown_fields_are_refused_at_every_level() {
        for body in [
            serde_json::json!({"what_happened": "x", "website": "spam"}),
            serde_json::json!({"what_happened": "x", "when": {"day": 3}}),
            serde_json::json!({"what_happened": "x", "contact": {"address": "y"}}),
            serde_json::json!({"what_happened": "x", "evidence": [{"name": "a.jpg"}]}),
        ] {
            assert!(
                serde_json::from_value::<SubmissionRequest>(body.clone()).is_err(),
                "{body}"
            );
        }
    }

    #[test]
    fn every_form_field_has_an_api_name() {
        for field in ["contact_phone", "contact_email"] {
            assert!(api_field(field).starts_with("contact."));
        }
        assert_eq!(api_field("what_happened"), "what_happened");
    }

    #[test]
    fn the_documented_dimensions_are_the_forms() {
        let doc =
            serde_json::to_value(<SubmissionRequest as utoipa::PartialSchema>::schema()).unwrap();
        let described = doc["properties"]["labels"]["description"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        for dimension in REPORTER_DIMENSIONS {
            assert!(
                described.contains(&format!("`{dimension}`")),
                "labels description does not name {dimension}: {described}"
            );
        }
        let documented = |pointer: &str| doc.pointer(pointer).and_then(serde_json::Value::as_u64);
        let limit = |n: usize| u64::try_from(n).ok();
        assert_eq!(
            documented("/properties/what_happened/maxLength"),
            limit(naqsha_core::text::ReportText::MAX_CHARS)
        );
        assert_eq!(
            documented("/properties/place_text/maxLength"),
            limit(form::MAX_PLACE_TEXT)
        );
        assert_eq!(
            documented("/properties/source_url/maxLength"),
            limit(form::MAX_URL)
        );
    }

    #[test]
    fn every_documented_choice_is_one_the_form_accepts() {
        use naqsha_core::submission::{Consent, WhoseStory};
        let values = |schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| {
            let doc = serde_json::to_value(schema).unwrap();
            doc["enum"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        };
        let consent = values(<ConsentChoice as utoipa::PartialSchema>::schema());
        assert_eq!(consent, ["publish", "statistics_only", "private"]);
        assert!(consent.iter().all(|v| v.parse::<Consent>().is_ok()));
        let whose = values(<WhoseStoryChoice as utoipa::PartialSchema>::schema());
        assert_eq!(whose, ["own", "other_with_consent", "news_report"]);
        assert!(whose.iter().all(|v| v.parse::<WhoseStory>().is_ok()));
    }

    #[test]
    fn base64_with_or_without_padding() {
        assert_eq!(BASE64.decode("aGk=").unwrap(), b"hi");
        assert_eq!(BASE64.decode("aGk").unwrap(), b"hi");
        assert!(BASE64.decode("aG k=").is_err());
    }
}
