//! `/campaign/{slug}/create`: the form for a creative response to a campaign, without
//! JavaScript. It has the report form's guards (signed form token, honeypot, per-network
//! limit, proof of work during a flood); the picture goes through the evidence gate and is
//! cleaned of its metadata before it is sealed; what is stored waits for a moderator. After
//! a post/redirect/get, the receipt is shown once at an unguessable address.

use std::collections::BTreeMap;
use std::time::Instant;

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use naqsha_core::campaign::Campaign;
use naqsha_core::lang::Lang;
use naqsha_core::response::{Licence, ResponseTarget};
use naqsha_core::text::{CreativeTitle, Pseudonym, ResponseText};
use time::OffsetDateTime;

use super::{Shown, campaign_of};
use crate::abuse::budget::Held;
use crate::abuse::{LimitKind, NetworkKey};
use crate::i18n::Tr;
use crate::intake::creative_form::{CREDIT_ANONYMOUS, CREDIT_PSEUDONYM, CreativeInput, WHAT};
use crate::intake::evidence::{EvidenceError, EvidenceLimits};
use crate::intake::form::FieldErrors;
use crate::intake::response::{IncomingResponse, accept_response};
use crate::state::AppState;
use crate::storage::SpentToken;
use crate::web::client::ClientNetwork;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::public_form::{
    Again, Envelope, TokenState, check_guards, read_text, read_upload,
};
use crate::web::pages::render;

/// Name of the creative response form in its signed token.
pub const FORM: &str = "creative";
/// The largest picture taken.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// The largest request the form accepts: the picture and the text fields.
pub const MAX_BODY: usize = MAX_IMAGE_BYTES + 512 * 1024;

fn limits() -> EvidenceLimits {
    EvidenceLimits {
        max_files: 1,
        max_file_bytes: MAX_IMAGE_BYTES,
        max_total_bytes: MAX_IMAGE_BYTES,
        ..EvidenceLimits::default()
    }
}

/// One choice of a radio group.
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub checked: bool,
}

/// Everything the form template needs.
pub struct FormView {
    pub action: String,
    pub token: String,
    pub pow_challenge: Option<String>,
    pub input: CreativeInput,
    pub what: Vec<Choice>,
    pub licences: Vec<Choice>,
    /// Field → translated message.
    pub errors: BTreeMap<&'static str, String>,
    /// Messages about the whole form (expired token, throttled…).
    pub notices: Vec<String>,
    /// A picture was sent with a form shown again: it must be chosen again.
    pub choose_again: bool,
    pub max_title: usize,
    pub max_text: usize,
    pub max_pseudonym: usize,
}

impl FormView {
    /// The message for `field`, if it has one.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field).map(String::as_str)
    }

    /// Whether the form carries any message.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || !self.notices.is_empty()
    }
}

#[derive(Template)]
#[template(path = "public/creative_form.html")]
struct FormPage {
    ui: Ui,
    campaign: Shown,
    campaign_href: String,
    gallery_href: String,
    form: FormView,
}

#[derive(Template)]
#[template(path = "public/creative_receipt.html")]
struct ReceiptPage {
    ui: Ui,
    campaign: Shown,
    gallery_href: String,
    /// The English words form (the hashed one).
    words: String,
    /// The digits form in groups of five, each shown unbroken.
    digit_groups: Vec<String>,
    /// The Urdu words form, shown one word per line on Urdu pages.
    urdu_words: Vec<&'static str>,
    /// Urdu pages lead with the digits, then the Urdu words; English ones with the words.
    urdu_first: bool,
}

fn what_label(tr: Tr, what: &str) -> &'static str {
    match what {
        "artwork" => tr.t("creative.what.artwork"),
        "comic" => tr.t("creative.what.comic"),
        "poem" => tr.t("creative.what.poem"),
        "video" => tr.t("creative.what.video"),
        _ => tr.t("creative.what.podcast"),
    }
}

/// The name of a licence and what it lets others do, in plain words.
pub(crate) fn licence_words(tr: Tr, licence: Licence) -> (&'static str, &'static str) {
    match licence {
        Licence::CcBy => (
            tr.t("creative.licence.cc_by"),
            tr.t("creative.licence.cc_by_hint"),
        ),
        Licence::CcByNc => (
            tr.t("creative.licence.cc_by_nc"),
            tr.t("creative.licence.cc_by_nc_hint"),
        ),
        Licence::AllRightsReserved => (
            tr.t("creative.licence.all_rights_reserved"),
            tr.t("creative.licence.all_rights_reserved_hint"),
        ),
    }
}

fn form_view(
    state: &AppState,
    ui: &Ui,
    action: String,
    input: CreativeInput,
    errors: &FieldErrors,
) -> FormView {
    let now = Instant::now();
    let tr = ui.tr;
    let what = WHAT
        .iter()
        .map(|w| Choice {
            value: w,
            label: what_label(tr, w),
            hint: None,
            checked: input.what == *w,
        })
        .collect();
    let licences = [Licence::CcBy, Licence::CcByNc, Licence::AllRightsReserved]
        .into_iter()
        .map(|l| {
            let (label, hint) = licence_words(tr, l);
            Choice {
                value: l.as_str(),
                label,
                hint: Some(hint),
                checked: input.licence == l.as_str(),
            }
        })
        .collect();
    FormView {
        action,
        token: state.intake().form_tokens.issue(FORM, now),
        pow_challenge: state
            .intake()
            .flood()
            .then(|| state.intake().pow.issue(now).to_string()),
        input,
        what,
        licences,
        errors: errors
            .iter()
            .map(|(k, v)| (*k, tr.t(v).to_owned()))
            .collect(),
        notices: Vec::new(),
        choose_again: false,
        max_title: CreativeTitle::MAX_CHARS,
        max_text: ResponseText::MAX_CHARS,
        max_pseudonym: Pseudonym::MAX_CHARS,
    }
}

/// The form page of the campaign at `slug`; `campaign` is `None` only while the database
/// is away (the slug then stands for its title).
fn page(
    state: &AppState,
    lang: Lang,
    slug: &str,
    campaign: Option<&Campaign>,
    input: CreativeInput,
    errors: &FieldErrors,
) -> FormPage {
    let ui = Ui::new(state, lang, &format!("/campaign/{slug}/create"));
    let form = form_view(
        state,
        &ui,
        ui.href(&format!("/campaign/{slug}/create")),
        input,
        errors,
    );
    FormPage {
        campaign: campaign.map_or_else(
            || Shown {
                text: slug.to_owned(),
                lang: None,
                dir: Some("ltr"),
            },
            |c| Shown::title_of(c, lang),
        ),
        campaign_href: ui.href(&format!("/campaign/{slug}")),
        gallery_href: ui.href(&format!("/campaign/{slug}/gallery")),
        form,
        ui,
    }
}

/// `GET /campaign/{slug}/create`: the empty form (credited anonymously unless she chooses).
pub async fn form(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let campaign = campaign_of(&state, &slug).await?;
    let input = CreativeInput {
        credit: CREDIT_ANONYMOUS.to_owned(),
        ..CreativeInput::default()
    };
    render(&page(
        &state,
        lang,
        campaign.slug.as_str(),
        Some(&campaign),
        input,
        &FieldErrors::new(),
    ))
}

/// What the form posted.
#[derive(Default)]
struct Posted {
    input: CreativeInput,
    envelope: Envelope,
    image: Option<Result<Vec<u8>, EvidenceError>>,
    /// The share of the uploads budget the picture holds while this request runs.
    held: Held,
}

async fn read_form(state: &AppState, mut multipart: Multipart) -> Result<Posted, AppError> {
    let mut p = Posted::default();
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest {
            key: "error.bad_request.form.body",
        })?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "image" {
            let read = read_upload(
                &mut field,
                MAX_IMAGE_BYTES,
                &state.intake().uploads,
                &mut p.held,
            )
            .await?;
            if read.is_some() {
                p.image = read;
            }
            continue;
        }
        let value = read_text(&mut field).await?;
        let i = &mut p.input;
        match name.as_str() {
            "title" => i.title = value,
            "what" => i.what = value,
            "text" => i.text = value,
            "link" => i.link = value,
            "credit" => i.credit = value,
            "pseudonym" => i.pseudonym = value,
            "licence" => i.licence = value,
            other => {
                // Unknown fields are ignored rather than refused: an old cached form works.
                p.envelope.take(other, &value);
            }
        }
    }
    if p.input.credit != CREDIT_PSEUDONYM {
        p.input.credit = CREDIT_ANONYMOUS.to_owned();
    }
    Ok(p)
}

/// Who a form is shown again to, and for which campaign.
struct Visit<'a> {
    state: &'a AppState,
    lang: Lang,
    network: NetworkKey,
    slug: &'a str,
    /// `None` when the database was away before the campaign could be read.
    campaign: Option<&'a Campaign>,
}

/// `POST /campaign/{slug}/create`: checks, cleans, seals and stores a creative response,
/// then sends her to its receipt.
pub async fn submit(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    Path(slug): Path<String>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let campaign = match campaign_of(&state, &slug).await {
        Ok(campaign) => campaign,
        // The database is away: her work comes back, and the campaign is checked again
        // when she sends it.
        Err(AppError::Unavailable(cause)) => {
            tracing::error!(
                error = format!("{cause:#}"),
                "a creative response could not be checked"
            );
            let posted = read_form(&state, multipart).await?;
            let visit = Visit {
                state: &state,
                lang,
                network,
                slug: &slug,
                campaign: None,
            };
            return rerender(
                &visit,
                posted.input,
                &FieldErrors::new(),
                &["creative.error.unavailable"],
                posted.image.is_some(),
                Again::Unavailable,
            );
        }
        Err(other) => return Err(other),
    };
    let posted = read_form(&state, multipart).await?;
    let input = posted.input.clone();
    let sent_image = posted.image.is_some();
    let visit = Visit {
        state: &state,
        lang,
        network,
        slug: campaign.slug.as_str(),
        campaign: Some(&campaign),
    };
    match check_and_store(&visit, &campaign, posted).await {
        // Whatever step needed the database and found it unavailable: her work comes back.
        Err(AppError::Unavailable(cause)) => {
            tracing::error!(
                error = format!("{cause:#}"),
                "a creative response could not be stored"
            );
            refund(&state, network).await;
            rerender(
                &visit,
                input,
                &FieldErrors::new(),
                &["creative.error.unavailable"],
                sent_image,
                Again::Unavailable,
            )
        }
        other => other,
    }
}

async fn check_and_store(
    visit: &Visit<'_>,
    campaign: &Campaign,
    posted: Posted,
) -> Result<Response, AppError> {
    let Visit {
        state,
        lang,
        network,
        ..
    } = *visit;
    let now = Instant::now();
    let runtime = state.intake();
    let mut errors = FieldErrors::new();
    let mut notices: Vec<&'static str> = Vec::new();
    let sent_image = posted.image.is_some();

    let guards = check_guards(
        runtime,
        LimitKind::Response,
        network,
        FORM,
        &posted.envelope,
        now,
    )
    .await;
    if guards.throttled.is_some() {
        notices.push("creative.error.throttled");
    }
    if guards.token == TokenState::Expired {
        notices.push("creative.error.form_expired");
    }

    let mut busy = false;
    let mut image = None;
    match posted.image {
        Some(Err(e)) => {
            busy = e.is_busy();
            errors.insert("image", picture_message(&e));
        }
        Some(Ok(bytes)) if guards.throttled.is_none() => {
            match runtime.evidence.clean_picture(bytes, &limits()).await {
                Ok(clean) => image = Some(clean.bytes),
                Err(e) => {
                    busy = e.is_busy();
                    errors.insert("image", picture_message(&e));
                }
            }
        }
        Some(Ok(_)) | None => {}
    }
    drop(posted.held);

    let body = posted.input.validate(lang, image.is_some(), &mut errors);
    let body = match body {
        Some(body) if errors.is_empty() && notices.is_empty() => body,
        _ => {
            let again = match guards.throttled {
                Some(wait) => Again::Throttled(wait),
                None if busy => Again::Unavailable,
                None => Again::Correct,
            };
            return rerender(visit, posted.input, &errors, &notices, sent_image, again);
        }
    };

    let spendable = match runtime.form_tokens.spend(&posted.envelope.token, FORM, now) {
        Ok(spendable) => spendable,
        Err(_) => {
            return rerender(
                visit,
                posted.input,
                &errors,
                &["creative.error.form_expired"],
                sent_image,
                Again::Correct,
            );
        }
    };
    let form_token = SpentToken {
        nonce: spendable.nonce,
        expires_at: OffsetDateTime::now_utc() + spendable.remaining,
    };
    let incoming = IncomingResponse {
        target: ResponseTarget::Campaign(campaign.slug.as_str().to_owned()),
        body,
        image,
        flagged: guards.flagged || spendable.too_fast,
    };
    match accept_response(state, incoming, Some(form_token), true, now).await {
        Ok(accepted) => {
            let view = accepted.view.unwrap_or_default();
            let ui = Ui::new(state, lang, "/");
            let to = ui.href(&format!(
                "/campaign/{}/create/receipt/{view}",
                campaign.slug.as_str()
            ));
            Ok(Redirect::to(&to).into_response())
        }
        // The same form sent twice (a double click): the first one was stored, in the same
        // transaction that spent this token.
        Err(e) if e.already_stored() => rerender(
            visit,
            posted.input,
            &errors,
            &["creative.error.already_sent"],
            false,
            Again::Correct,
        ),
        Err(e) if e.is_unavailable() => {
            tracing::warn!(error = %e, "a creative response could not be stored");
            refund(state, network).await;
            rerender(
                visit,
                posted.input,
                &errors,
                &["creative.error.unavailable"],
                sent_image,
                Again::Unavailable,
            )
        }
        Err(e) => Err(AppError::Internal(e.into())),
    }
}

/// The message for a refused picture, in this form's words (one picture of at most 5 MB;
/// a PDF, or anything else that is not a picture, is "not a picture we take").
fn picture_message(e: &EvidenceError) -> &'static str {
    match e {
        EvidenceError::Empty => "creative.error.image_empty",
        EvidenceError::UnsupportedType
        | EvidenceError::PdfActiveContent
        | EvidenceError::PdfUncheckable => "creative.error.image_type",
        EvidenceError::Heic => "creative.error.image_heic",
        EvidenceError::TooLarge { .. }
        | EvidenceError::TotalTooLarge { .. }
        | EvidenceError::TooManyFiles { .. } => "creative.error.image_too_large",
        EvidenceError::TooManyPixels { .. } => "creative.error.image_too_many_pixels",
        EvidenceError::Corrupt => "creative.error.image_corrupt",
        EvidenceError::Polyglot => "creative.error.image_polyglot",
        EvidenceError::Reencode => "creative.error.image_failed",
        EvidenceError::Busy => "creative.error.image_busy",
    }
}

/// Gives back the network's token of a try the database failed.
async fn refund(state: &AppState, network: NetworkKey) {
    state
        .intake()
        .refund(LimitKind::Response, network, Instant::now())
        .await;
}

fn rerender(
    visit: &Visit<'_>,
    input: CreativeInput,
    errors: &FieldErrors,
    notices: &[&'static str],
    sent_image: bool,
    again: Again,
) -> Result<Response, AppError> {
    let mut page = page(
        visit.state,
        visit.lang,
        visit.slug,
        visit.campaign,
        input,
        errors,
    );
    let tr = page.ui.tr;
    for key in notices {
        let text = match (*key, again) {
            ("creative.error.throttled", Again::Throttled(wait)) => {
                tr.wait_minutes("creative.error.throttled", wait)
            }
            _ => tr.t(key).to_owned(),
        };
        page.form.notices.push(text);
    }
    page.form.choose_again = sent_image;
    let mut res = render(&page)?;
    again.apply(&mut res);
    Ok(res)
}

/// `GET /campaign/{slug}/create/receipt/{view}`: the receipt, shown once.
pub async fn receipt(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path((slug, view)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let campaign = campaign_of(&state, &slug).await?;
    let receipt = state
        .intake()
        .take_receipt(&view)
        .await?
        .ok_or(AppError::NotFound)?;
    let slug = campaign.slug.as_str();
    let ui = Ui::new(&state, lang, &format!("/campaign/{slug}/create"));
    render(&ReceiptPage {
        campaign: Shown::title_of(&campaign, lang),
        gallery_href: ui.href(&format!("/campaign/{slug}/gallery")),
        words: receipt.words(),
        digit_groups: receipt.digits().split(' ').map(str::to_owned).collect(),
        urdu_words: receipt.urdu_words(),
        urdu_first: lang == Lang::UR,
        ui,
    })
}
