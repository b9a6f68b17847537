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
        lang: Lang::Ur,
        created_at: at,
        last_seen_at: at,
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
    store.set_session_lang("a1", Lang::En).await.unwrap();
    store
        .touch_session("a1", now + time::Duration::minutes(5))
        .await
        .unwrap();
    let a1 = store.session("a1").await.unwrap().unwrap();
    assert_eq!(a1.stage, SessionStage::Active);
    assert_eq!(a1.lang, Lang::En);
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
