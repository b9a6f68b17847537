//! Storage contracts of staff sign-in: second factors used once, sessions found, moved
//! through the sign-in stages, expired and ended.

use naqsha_core::lang::Lang;
use naqsha_core::user::SessionStage;
use time::OffsetDateTime;

use super::*;

async fn a_user(store: &Store, name: &str) -> User {
    let user = User {
        id: UserId::random(),
        username: Username::parse(name).unwrap(),
        role: Role::Moderator,
        password_hash: "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA".into(),
        key_wrap: None,
        disabled: false,
        must_change_password: false,
        created_at: datetime!(2026-01-01 00:00 UTC),
    };
    store.insert_user(&user).await.unwrap();
    user
}

async fn totp_codes_are_single_use(store: &Store) {
    let user = a_user(store, "amina").await;
    assert_eq!(store.totp(user.id).await.unwrap(), None);
    store.set_totp(user.id, "SECRETBASE32", 100).await.unwrap();
    assert_eq!(store.totp(user.id).await.unwrap().unwrap().last_step, 100);
    assert!(
        !store.use_totp_step(user.id, 100).await.unwrap(),
        "same step"
    );
    assert!(
        !store.use_totp_step(user.id, 99).await.unwrap(),
        "earlier step"
    );
    assert!(store.use_totp_step(user.id, 101).await.unwrap());
    assert!(!store.use_totp_step(user.id, 101).await.unwrap(), "replay");
    // Re-enrolment replaces the secret.
    store.set_totp(user.id, "OTHERSECRET", 5).await.unwrap();
    let t = store.totp(user.id).await.unwrap().unwrap();
    assert_eq!((t.secret.as_str(), t.last_step), ("OTHERSECRET", 5));
    assert!(store.remove_totp(user.id).await.unwrap());
    assert_eq!(store.totp(user.id).await.unwrap(), None);
}
contract!(totp_codes_are_single_use);

async fn sessions_live_move_and_end(store: &Store) {
    let amina = a_user(store, "amina").await;
    let bilal = a_user(store, "bilal").await;
    let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
    let session = |hash: &str, user: UserId, at: OffsetDateTime| StaffSession {
        id_hash: hash.into(),
        user,
        stage: SessionStage::Totp,
        lang: Lang::UR,
        created_at: at,
        last_seen_at: at,
        node: "web-1".into(),
        vault_id: format!("v-{hash}"),
        csrf_secret: format!("secret-{hash}"),
        pending_totp: None,
    };
    store
        .insert_session(&session("a1", amina.id, now))
        .await
        .unwrap();
    store
        .insert_session(&session("a2", amina.id, now))
        .await
        .unwrap();
    store
        .insert_session(&session("b1", bilal.id, now - time::Duration::hours(2)))
        .await
        .unwrap();
    assert_eq!(
        store.session("a1").await.unwrap(),
        Some(session("a1", amina.id, now))
    );
    assert_eq!(store.session("nope").await.unwrap(), None);

    store
        .set_session_stage("a1", SessionStage::Active)
        .await
        .unwrap();
    store.set_session_lang("a1", Lang::EN).await.unwrap();
    store
        .touch_session("a1", now + time::Duration::minutes(5))
        .await
        .unwrap();
    let a1 = store.session("a1").await.unwrap().unwrap();
    assert_eq!(a1.stage, SessionStage::Active);
    assert_eq!(a1.lang, Lang::EN);
    assert_eq!(a1.last_seen_at, now + time::Duration::minutes(5));

    // Idle or too old sessions are purged; live ones stay.
    let purged = store
        .purge_sessions(
            now - time::Duration::hours(1),
            now - time::Duration::days(1),
        )
        .await
        .unwrap();
    assert_eq!(purged, 1);
    assert_eq!(store.session("b1").await.unwrap(), None);

    assert!(store.delete_session("a2").await.unwrap());
    assert!(!store.delete_session("a2").await.unwrap());
    store
        .insert_session(&session("a3", amina.id, now))
        .await
        .unwrap();
    assert_eq!(store.delete_sessions_of(amina.id).await.unwrap(), 2);
    assert_eq!(store.session("a1").await.unwrap(), None);
}
contract!(sessions_live_move_and_end);

fn session_on(node: &str, hash: &str, user: UserId, seen: OffsetDateTime) -> StaffSession {
    StaffSession {
        id_hash: hash.into(),
        user,
        stage: SessionStage::Active,
        lang: Lang::EN,
        created_at: seen,
        last_seen_at: seen,
        node: node.into(),
        vault_id: format!("v-{hash}"),
        csrf_secret: format!("secret-{hash}"),
        pending_totp: None,
    }
}

async fn sessions_carry_their_node_and_are_purged_only_by_it(store: &Store) {
    let amina = a_user(store, "amina").await;
    let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
    let old = now - time::Duration::hours(2);
    for (node, hash, seen) in [
        ("web-1", "a-live", now),
        ("web-1", "a-idle", old),
        ("web-2", "b-live", now),
        ("web-2", "b-idle", old),
    ] {
        store
            .insert_session(&session_on(node, hash, amina.id, seen))
            .await
            .unwrap();
    }
    let stored = store.session("b-live").await.unwrap().unwrap();
    assert_eq!(stored, session_on("web-2", "b-live", amina.id, now));
    let purged = store
        .purge_node_sessions(
            "web-1",
            now - time::Duration::hours(1),
            now - time::Duration::days(1),
        )
        .await
        .unwrap();
    assert_eq!(purged, 1, "web-1 purges its own idle session only");
    assert!(store.session("a-idle").await.unwrap().is_none());
    assert!(
        store.session("b-idle").await.unwrap().is_some(),
        "web-2's is left"
    );
    assert!(store.session("a-live").await.unwrap().is_some());

    // The key stays under its vault id while the session id rotates.
    let mut rotated = session_on("web-1", "a-rotated", amina.id, now);
    rotated.vault_id = "v-a-live".into();
    store.insert_session(&rotated).await.unwrap();
    let mut sharing: Vec<String> = store
        .sessions_with_vault_id("v-a-live")
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id_hash)
        .collect();
    sharing.sort();
    assert_eq!(sharing, ["a-live", "a-rotated"]);
    assert!(
        store
            .sessions_with_vault_id("v-none")
            .await
            .unwrap()
            .is_empty()
    );

    // The TOTP secret offered at enrolment is kept sealed in the row, then forgotten.
    store
        .set_pending_totp("a-live", Some("sealed"))
        .await
        .unwrap();
    let a = store.session("a-live").await.unwrap().unwrap();
    assert_eq!(a.pending_totp.as_deref(), Some("sealed"));
    store.set_pending_totp("a-live", None).await.unwrap();
    assert_eq!(
        store.session("a-live").await.unwrap().unwrap().pending_totp,
        None
    );
}
contract!(sessions_carry_their_node_and_are_purged_only_by_it);

async fn throttle_counts_are_atomic_and_forgotten_by_time(store: &Store) {
    let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
    let day = time::Duration::days(1);
    let salt = store.throttle_salt("first").await.unwrap();
    assert_eq!(salt, "first");
    assert_eq!(
        store.throttle_salt("second").await.unwrap(),
        "first",
        "kept"
    );
    assert_eq!(store.throttle_entry("k").await.unwrap(), None);
    // Two nodes failing at once: both count.
    let (a, b) = tokio::join!(
        store.throttle_failed("k", now, now + day),
        store.throttle_failed("k", now, now + day),
    );
    let mut counts = [a.unwrap(), b.unwrap()];
    counts.sort();
    assert_eq!(counts, [1, 2]);
    assert_eq!(store.throttle_failed("k", now, now + day).await.unwrap(), 3);
    let later = now + time::Duration::milliseconds(1500);
    store
        .set_throttle_forget_at("k", 3, later + day)
        .await
        .unwrap();
    store.set_throttle_forget_at("k", 2, now).await.unwrap();
    let e = store.throttle_entry("k").await.unwrap().unwrap();
    assert_eq!(
        (e.failures, e.last_at, e.forget_at),
        (3, now, later + day),
        "a stale count does not move forget_at"
    );
    // Once forgotten, the next failure is the first again.
    assert_eq!(
        store
            .throttle_failed("k", later + day, later + day + day)
            .await
            .unwrap(),
        1
    );
    store
        .throttle_failed("other", now, now + day)
        .await
        .unwrap();
    assert_eq!(store.prune_throttle(now + day).await.unwrap(), 1, "other");
    store.throttle_clear("k").await.unwrap();
    assert_eq!(store.throttle_entry("k").await.unwrap(), None);
}
contract!(throttle_counts_are_atomic_and_forgotten_by_time);
