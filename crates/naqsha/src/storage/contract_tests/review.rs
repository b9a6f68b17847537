//! Storage contracts of the review screen.

use super::*;

async fn review_drafts_notes_and_evidence(store: &Store) {
    let keys = OrgKeyPair::generate();
    let s = new_submission(&keys.public, None);
    let other = new_submission(&keys.public, None);
    store
        .insert_submission(&s, &Arrival::default())
        .await
        .unwrap();
    store
        .insert_submission(&other, &Arrival::default())
        .await
        .unwrap();
    let id = s.envelope.id;
    let moderator = user("moderator", Role::Moderator);
    store.insert_user(&moderator).await.unwrap();

    assert!(store.review_draft(id).await.unwrap().is_none());
    let first = sealing::seal(&keys.public, b"draft one");
    let second = sealing::seal(&keys.public, b"draft two");
    store
        .save_review_draft(id, moderator.id, &first)
        .await
        .unwrap();
    store
        .save_review_draft(id, moderator.id, &second)
        .await
        .unwrap();
    assert_eq!(
        store.review_draft(id).await.unwrap(),
        Some(second),
        "a save replaces the draft"
    );
    assert_eq!(store.additions(id, DRAFT_KIND).await.unwrap().len(), 1);
    assert!(
        store
            .review_draft(other.envelope.id)
            .await
            .unwrap()
            .is_none()
    );

    let note = NewAddition {
        id: AdditionId::random(),
        submission: id,
        kind: "note",
        author: Some(moderator.id),
        sealed: sealing::seal(&keys.public, b"called the helpline"),
        sms_message: None,
    };
    store.add_to_submission(&note).await.unwrap();
    store
        .add_to_submission(&NewAddition {
            id: AdditionId::random(),
            submission: id,
            kind: "follow_up",
            author: None,
            sealed: sealing::seal(&keys.public, b"more"),
            sms_message: None,
        })
        .await
        .unwrap();
    let notes = store.additions(id, "note").await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].id, note.id);
    assert_eq!(notes[0].author.as_deref(), Some("moderator"));
    assert_eq!(notes[0].sealed, note.sealed);
    let follow_ups = store.additions(id, "follow_up").await.unwrap();
    assert_eq!(follow_ups.len(), 1);
    assert_eq!(follow_ups[0].author, None);

    let files = store.attachments(id).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].id, s.attachments[0].id);
    assert_eq!(files[0].media_type, "image/jpeg");
    assert_eq!(files[0].byte_size, 12);
    let (media_type, sealed) = store.attachment(id, files[0].id).await.unwrap().unwrap();
    assert_eq!(media_type, "image/jpeg");
    assert_eq!(sealed, s.attachments[0].sealed);
    assert!(
        store
            .attachment(other.envelope.id, files[0].id)
            .await
            .unwrap()
            .is_none(),
        "a file is only found under its own submission"
    );

    assert!(store.claim_submission(id, moderator.id).await.unwrap());
    assert!(
        !store.claim_submission(id, UserId::random()).await.unwrap(),
        "a claimed report is not claimed again"
    );
    let claimed = store.sealed_submission(id).await.unwrap().unwrap();
    assert_eq!(claimed.assigned_to, Some(moderator.id));
    assert_eq!(claimed.envelope.status, SubmissionStatus::InReview);

    assert!(store.case_for_submission(id).await.unwrap().is_none());
    let mut case = published_case("pk-pb", "2025-01", &[]);
    case.submission = Some(id);
    case.status = CaseStatus::Archived;
    store.save_case(&case).await.unwrap();
    assert_eq!(store.case_for_submission(id).await.unwrap(), Some(case));
    assert!(
        store
            .case_for_submission(other.envelope.id)
            .await
            .unwrap()
            .is_none()
    );
}
contract!(review_drafts_notes_and_evidence);

async fn small_cells_are_counted_by_district_month_and_kind(store: &Store) {
    let lahore = "pk-pb-lahore";
    let case = |place: &str, period: &str, kind: Option<&str>, status: CaseStatus| {
        let labels: Vec<(&str, &str)> = kind.map(|k| ("kind", k)).into_iter().collect();
        let mut c = published_case("pk-pb", period, &labels);
        c.place = Some(province(place));
        c.status = status;
        c
    };
    let counted = case(lahore, "2024-03", Some("harassment"), CaseStatus::Published);
    let cases = [
        counted.clone(),
        case(
            lahore,
            "2024-03",
            Some("harassment"),
            CaseStatus::StatisticsOnly,
        ),
        case(lahore, "2024-03", Some("harassment"), CaseStatus::InReview),
        case(lahore, "2024-04", Some("harassment"), CaseStatus::Published),
        case(lahore, "2024-03", Some("ipv"), CaseStatus::Published),
        case(lahore, "2024-03", None, CaseStatus::Published),
        case(
            "pk-pb-multan",
            "2024-03",
            Some("harassment"),
            CaseStatus::Published,
        ),
    ];
    store.save_cases(&cases).await.unwrap();
    let district = province(lahore);
    let march: YearMonth = "2024-03".parse().unwrap();
    let count = |period: Option<YearMonth>, kind: Option<&'static str>, except: Option<CaseId>| {
        let district = district.clone();
        async move {
            store
                .count_in_cell(&CaseCell {
                    district: &district,
                    period,
                    kind,
                    except,
                })
                .await
                .unwrap()
        }
    };
    assert_eq!(
        count(Some(march), Some("harassment"), None).await,
        2,
        "published and statistics-only cases count; cases in review do not"
    );
    assert_eq!(
        count(Some(march), Some("harassment"), Some(counted.id)).await,
        1,
        "the case being decided is left out"
    );
    assert_eq!(count(None, Some("harassment"), None).await, 3, "any month");
    assert_eq!(count(Some(march), Some("ipv"), None).await, 1);
    assert_eq!(
        count(Some(march), None, None).await,
        1,
        "cases without a kind"
    );
}
contract!(small_cells_are_counted_by_district_month_and_kind);
