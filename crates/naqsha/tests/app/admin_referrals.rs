//! The referrals page (`/admin/referrals`): every signed-in role sees the services in use in
//! English and Urdu as a reporter would, with numbers as left-to-right `tel:` links; the
//! organisation's `referrals.toml` replaces the bundled list when it passes its checks, and
//! when it does not the bundled list is shown with what is wrong, for the admin to mend.

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha_core::lang::Lang;
use naqsha_core::user::Role;

use crate::support::staff::{get, send, signed_in};
use crate::support::{App, attrs, count, texts};

const OWN_LIST: &str = r#"
[[service]]
id = "our-line"
kind = "helpline"
provinces = ["pk-sd"]
name.en = "Our own line"
name.ur = "ہماری اپنی لائن"
how.en = "Call us any day."
how.ur = "کسی بھی دن کال کریں۔"
phones = ["+92 21 111-222"]
web = "https://example.org/help"
"#;

fn write_override(app: &App, text: &str) {
    std::fs::create_dir_all(app.data_dir()).unwrap();
    std::fs::write(app.data_dir().join("referrals.toml"), text).unwrap();
}

#[tokio::test]
async fn every_role_sees_the_bundled_list_in_both_languages_and_visitors_do_not() {
    let app = App::new().await;
    let anonymous = send(&app, None, get("/admin/referrals")).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.header("location"), Some("/admin/login"));

    for role in Role::ALL {
        let who = signed_in(&app, &format!("{}-ref", role.as_str()), *role).await;
        let page = who.get(&app, "/admin/referrals").await;
        assert_eq!(page.status, StatusCode::OK, "{role:?}: {}", page.text());
        let html = page.html();
        // The navigation leads here for every role.
        assert_eq!(
            attrs(&html, "nav a[aria-current=page]", "href"),
            ["/admin/referrals"],
            "{role:?}"
        );
        // One list per language, each with its own direction.
        let dirs: Vec<(String, String)> = attrs(&html, ".referrals", "lang")
            .into_iter()
            .zip(attrs(&html, ".referrals", "dir"))
            .collect();
        assert_eq!(
            dirs,
            [("en".into(), "ltr".into()), ("ur".into(), "rtl".into())]
        );
        // The helpline number of the resources page, in both lists, as the help box links it.
        let drf = attrs(
            &html,
            "#referral-ur-drf-cyber-harassment-helpline a.referral__phone",
            "href",
        );
        assert_eq!(drf, ["tel:080039393"]);
        assert_eq!(
            count(
                &html,
                "#referral-en-drf-cyber-harassment-helpline a.referral__phone[dir=ltr] bdi"
            ),
            1
        );
        assert!(
            texts(&html, ".referrals[lang=ur] h3")
                .contains(&t(Lang::UR, "referrals.kind.shelter").to_owned())
        );
        assert!(
            texts(&html, ".referrals[lang=ur] .referral__name strong")
                .contains(&"ڈیجیٹل رائٹس فاؤنڈیشن — سائبر ہراسمنٹ ہیلپ لائن".to_owned())
        );
        // Staff see which details are not confirmed yet.
        assert!(count(&html, "#referral-en-kp-bolo-helpline .referral__check") == 1);
        assert_eq!(count(&html, "#referral-en-nccia .referral__check"), 0);
        // Nothing is wrong: no problem shown.
        assert_eq!(count(&html, "[role=alert]"), 0);
        assert_eq!(
            texts(&html, ".referrals-source").concat(),
            t(Lang::EN, "referrals.admin.source_bundled")
        );
    }
}

#[tokio::test]
async fn the_organisations_list_replaces_the_bundled_one_and_a_broken_one_is_reported() {
    let app = App::new().await;
    let admin = signed_in(&app, "ada", Role::Admin).await;

    write_override(&app, OWN_LIST);
    let html = admin.get(&app, "/admin/referrals").await.html();
    assert_eq!(count(&html, "[role=alert]"), 0);
    assert_eq!(
        texts(&html, ".referrals-source").concat(),
        t(Lang::EN, "referrals.admin.source_override")
    );
    assert_eq!(
        count(&html, "#referral-en-nccia"),
        0,
        "the bundled list is still shown"
    );
    assert_eq!(
        attrs(&html, "#referral-ur-our-line a.referral__phone", "href"),
        ["tel:+9221111222"]
    );
    assert_eq!(
        texts(&html, "#referral-ur-our-line a.referral__phone bdi"),
        ["+92 21 111-222"]
    );
    assert_eq!(
        attrs(&html, "#referral-en-our-line .referral__web a", "href"),
        ["https://example.org/help"]
    );
    // Where it is suggested, in the staff member's language.
    assert!(
        texts(&html, ".referrals-scope__where") == ["Provinces: Sindh. Kinds of violence: Any."]
    );

    // A mistake: the bundled list comes back, and the page says which service and field.
    write_override(&app, &OWN_LIST.replace("https://", "http://"));
    let page = admin.get(&app, "/admin/referrals").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    let problem = texts(&html, "[role=alert] .referrals-problem").concat();
    assert!(
        problem.contains("our-line") && problem.contains("web"),
        "{problem}"
    );
    assert_eq!(count(&html, "#referral-en-our-line"), 0);
    assert_eq!(count(&html, "#referral-en-nccia"), 1);
    assert_eq!(
        texts(&html, ".referrals-source").concat(),
        t(Lang::EN, "referrals.admin.source_bundled")
    );

    // Not TOML at all: the same, with the file's own error.
    write_override(&app, "[[service]\nid = ");
    let html = admin.get(&app, "/admin/referrals").await.html();
    assert_eq!(count(&html, "[role=alert]"), 1);
    assert_eq!(count(&html, "#referral-ur-nccia"), 1);
}
