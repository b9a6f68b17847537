//! Following other instances end to end: signed feeds served on loopback by the test
//! (`support::fake_instance`, sealed with the core's `FeedPage::seal` as a publisher seals
//! them) — "Nepal" with another country and another taxonomy (`type/sextortion`), and
//! "Pakistan" with the default one — pulled by the real puller, checked on the admin page
//! `/admin/federation`, by `naqsha federation …` and in the world map's cases: follow, pull,
//! show; a withdrawal vanishes on the next pull; tampered, wrongly signed, replayed and
//! misattributed feeds are refused with the reason while the cases held stay; items that
//! break the rules are refused one by one; the mapping file decides how cases are counted.

use std::process::Output;

use naqsha::federation::pull::{PullNow, PullOutcome};
use naqsha::storage::FollowStore;
use naqsha_core::user::Role;
use time::macros::datetime;

use crate::support::fake_instance::{FakeInstance, Misbehave};
use crate::support::staff::signed_in;
use crate::support::{App, binary, texts};

const BAGMATI: (&str, &str) = ("NP-P3", "Bagmati");
const KATHMANDU: (f64, f64) = (27.7, 85.3);
const PUNJAB: (&str, &str) = ("PK-PB", "Punjab");
const LAHORE: (f64, f64) = (31.55, 74.34);

/// A follower that may pull from loopback (the test's feeds).
async fn follower() -> App {
    App::with_config(|c| c.federation.allow_private_hosts = true).await
}

/// Runs `naqsha federation ARGS` on the app's data directory, whatever the outcome. (The
/// tests run on a multi-threaded runtime: the feeds keep answering while this waits.)
fn cli(app: &App, args: &[&str]) -> Output {
    binary::naqsha()
        .arg("--data-dir")
        .arg(app.data_dir())
        .env("NAQSHA_FEDERATION_ALLOW_PRIVATE_HOSTS", "true")
        .arg("federation")
        .args(args)
        .output()
        .expect("the naqsha binary runs")
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

async fn pull(app: &App, name: &str) -> PullOutcome {
    let puller = app.state.federation().puller().expect("a puller");
    match puller.pull_now(app.state.store(), name).await.unwrap() {
        PullNow::Pulled(o) => o,
        other => panic!("{name} not pulled: {other:?}"),
    }
}

/// Nepal with three cases in its own taxonomy, followed by `app` from the command line.
async fn nepal_followed(app: &App) -> FakeInstance {
    let np = FakeInstance::start("Nepal map", "NP", "np-2026").await;
    np.publish(
        "n1",
        np.case(
            "n1",
            BAGMATI,
            KATHMANDU,
            "Blackmailed with photos",
            &["type/sextortion", "type/dating_app"],
            &["act/blackmail_sextortion"],
        ),
    );
    np.publish(
        "n2",
        np.case(
            "n2",
            BAGMATI,
            KATHMANDU,
            "A fake profile",
            &["type/impersonation"],
            &["act/impersonation"],
        ),
    );
    np.publish(
        "n3",
        np.case(
            "n3",
            BAGMATI,
            KATHMANDU,
            "Threats after a post",
            &["type/sextortion", "act/doxxing"],
            &["act/blackmail_sextortion", "act/doxxing"],
        ),
    );
    let key = np.public_key().to_string();
    let o = cli(
        app,
        &["follow", np.url.as_str(), "--key", &key, "--name", "Nepal"],
    );
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("Following Nepal"), "{}", out(&o));
    np
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_followed_instance_is_pulled_shown_and_its_withdrawal_vanishes() {
    let app = follower().await;
    let np = nepal_followed(&app).await;
    // The same instance again, under its name or its address, and a bad key: refused.
    let key = np.public_key().to_string();
    let again = cli(
        &app,
        &["follow", np.url.as_str(), "--key", &key, "--name", "Nepal"],
    );
    assert!(!again.status.success());
    assert!(out(&again).contains("followed already"), "{}", out(&again));
    let bad = cli(
        &app,
        &[
            "follow",
            "http://127.0.0.1:9/",
            "--key",
            "ed25519:AAAA",
            "--name",
            "X",
        ],
    );
    assert!(!bad.status.success());
    assert!(out(&bad).contains("key:"), "{}", out(&bad));

    // Two items a page: the puller follows `more` to the end.
    np.set_page_size(2);
    let o = pull(&app, "Nepal").await;
    assert_eq!(o.error, None);
    assert_eq!((o.pages, o.taken, o.removed), (2, 3, 0));
    let followed = app.state.followed_cases().await.unwrap();
    let mut ids: Vec<&str> = followed.cases.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["n1", "n2", "n3"]);
    let n1 = followed.cases.iter().find(|c| c.id == "n1").unwrap();
    assert_eq!(n1.source.name, "Nepal");
    assert!(!n1.source.own);
    assert_eq!(
        n1.case.url.as_str(),
        np.url.join("stories/n1").unwrap().as_str()
    );
    // No mapping file yet: the source's own exchange terms count.
    assert_eq!(
        n1.exchange.iter().collect::<Vec<_>>(),
        ["act/blackmail_sextortion"]
    );

    let list = cli(&app, &["list"]);
    assert!(list.status.success(), "{}", out(&list));
    let text = out(&list);
    assert!(text.contains("Nepal\n"), "{text}");
    assert!(text.contains(&format!("key:        {key}")), "{text}");
    assert!(text.contains("cases:      3"), "{text}");
    assert!(text.contains("last error: none"), "{text}");

    // Withdrawn at the source, and another case edited: gone and changed on the next pull.
    np.withdraw("n2");
    np.publish(
        "n1",
        np.case(
            "n1",
            BAGMATI,
            KATHMANDU,
            "Blackmailed",
            &["type/sextortion"],
            &[],
        ),
    );
    np.set_now(datetime!(2026-03-01 10:15 UTC));
    let o = pull(&app, "Nepal").await;
    assert_eq!((o.error.as_deref(), o.taken, o.removed), (None, 1, 1));
    let followed = app.state.followed_cases().await.unwrap();
    assert!(
        followed.cases.iter().all(|c| c.id != "n2"),
        "the withdrawn case is gone"
    );
    let n1 = followed.cases.iter().find(|c| c.id == "n1").unwrap();
    assert_eq!(n1.case.title["en"], "Blackmailed");

    // Nothing new: an empty page, and asked again with its ETag, 304; nothing changes.
    let o = pull(&app, "Nepal").await;
    assert_eq!(
        (o.error.as_deref(), o.pages, o.taken, o.not_modified),
        (None, 1, 0, false)
    );
    let o = pull(&app, "Nepal").await;
    assert!(o.not_modified, "{o:?}");
    assert_eq!(np.seen().last(), Some(&(5, true)));
    assert_eq!(app.state.followed_cases().await.unwrap().cases.len(), 2);

    let admin = signed_in(&app, "fed-admin", Role::Admin).await;
    let page = admin.get(&app, "/admin/federation").await;
    assert_eq!(page.status, 200);
    let html = page.html();
    assert_eq!(texts(&html, ".follow-cases"), ["2"]);
    assert_eq!(texts(&html, ".follow-key"), [key.as_str()]);
    assert!(texts(&html, ".follow-error").is_empty());
    assert!(texts(&html, "nav a").iter().any(|t| t == "Federation"));
    // "Pull now" pulls and comes back to the list, which shows the new case.
    np.publish(
        "n5",
        np.case(
            "n5",
            BAGMATI,
            KATHMANDU,
            "Stalkerware",
            &["type/spyware"],
            &[],
        ),
    );
    let pulled = admin
        .post(&app, "/admin/federation/pull", &[("name", "Nepal")])
        .await;
    assert_eq!(pulled.status, 303);
    assert_eq!(
        pulled.header("location"),
        Some("/admin/federation?done=pulled")
    );
    let html = admin
        .get(&app, "/admin/federation?done=pulled")
        .await
        .html();
    assert_eq!(texts(&html, ".follow-cases"), ["3"]);
    assert_eq!(texts(&html, "[role=status]"), ["Pulled."]);
    let unknown = admin
        .post(&app, "/admin/federation/pull", &[("name", "Nowhere")])
        .await;
    assert_eq!(unknown.status, 404);
    // A moderator does not manage federation.
    let moderator = signed_in(&app, "fed-mod", Role::Moderator).await;
    assert_eq!(moderator.get(&app, "/admin/federation").await.status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tampered_wrongly_signed_misattributed_or_replayed_feeds_are_refused_and_the_cases_kept() {
    let app = follower().await;
    let np = nepal_followed(&app).await;
    assert_eq!(pull(&app, "Nepal").await.taken, 3);
    // A new case waits in the feed, so every refused page has something to take.
    np.publish(
        "n4",
        np.case(
            "n4",
            BAGMATI,
            KATHMANDU,
            "Hacked account",
            &["type/hacking"],
            &["act/hacking"],
        ),
    );
    np.set_now(datetime!(2026-03-01 11:00 UTC));
    let admin = signed_in(&app, "fed-admin", Role::Admin).await;
    let mut waits = Vec::new();
    for (n, (how, reason)) in [
        (
            Misbehave::Tamper {
                from: "Hacked account".into(),
                to: "Hacked accounts".into(),
            },
            "the signature does not match the feed",
        ),
        (Misbehave::WrongKey, "not by the followed key"),
        (
            Misbehave::ClaimsToBe("https://pk.example/".parse().unwrap()),
            "not the followed",
        ),
        (
            Misbehave::MadeAt(datetime!(2026-03-01 09:00 UTC)),
            "a replayed page",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        np.misbehave(how);
        let o = pull(&app, "Nepal").await;
        let error = o.error.unwrap_or_default();
        assert!(error.contains(reason), "{reason:?} in {error:?}");
        let follow = app.state.store().follow("Nepal").await.unwrap().unwrap();
        assert_eq!(follow.cases, 3, "the last good state is kept");
        assert_eq!(follow.cursor, 3);
        assert_eq!(follow.failures as usize, n + 1);
        waits.push(follow.next_pull_at - follow.last_error_at.unwrap());
        let html = admin.get(&app, "/admin/federation").await.html();
        let shown = texts(&html, ".follow-error-reason");
        assert!(shown.len() == 1 && shown[0].contains(reason), "{shown:?}");
        assert_eq!(texts(&html, ".follow-cases"), ["3"]);
    }
    // Each failure waits twice as long as the one before.
    assert!(waits.windows(2).all(|w| w[1] == w[0] * 2), "{waits:?}");
    let list = out(&cli(&app, &["list"]));
    assert!(list.contains("last error: a replayed page"), "{list}");
    assert!(list.contains("4 in a row"), "{list}");
    let refused = cli(&app, &["pull", "Nepal"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        out(&refused).contains("REFUSED: a replayed page"),
        "{}",
        out(&refused)
    );

    // Honest again: the pull takes the waiting case and the error is cleared.
    np.misbehave(Misbehave::No);
    let o = pull(&app, "Nepal").await;
    assert_eq!((o.error.as_deref(), o.taken), (None, 1));
    let follow = app.state.store().follow("Nepal").await.unwrap().unwrap();
    assert_eq!(
        (follow.cases, follow.failures, follow.last_error),
        (4, 0, None)
    );
    let html = admin.get(&app, "/admin/federation").await.html();
    assert!(texts(&html, ".follow-error").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn items_that_break_the_rules_are_refused_one_by_one_with_their_reasons() {
    let app = follower().await;
    let np = nepal_followed(&app).await;
    assert_eq!(pull(&app, "Nepal").await.taken, 3);
    np.publish(
        "far",
        np.case("far", BAGMATI, (10.0, 10.0), "Elsewhere", &[], &[]),
    );
    np.publish(
        "long",
        np.case("long", BAGMATI, KATHMANDU, &"a".repeat(301), &[], &[]),
    );
    // A case held before, sent again broken: not kept in its old form.
    np.publish(
        "n3",
        np.case("n3", BAGMATI, LAHORE, "Moved to another country", &[], &[]),
    );
    np.publish(
        "ok",
        np.case("ok", BAGMATI, KATHMANDU, "Stalked by an app", &[], &[]),
    );
    np.set_now(datetime!(2026-03-01 10:30 UTC));
    let o = pull(&app, "Nepal").await;
    assert_eq!(o.error, None);
    assert_eq!(o.refused.len(), 3, "{o:?}");
    let mut ids: Vec<String> = app
        .state
        .followed_cases()
        .await
        .unwrap()
        .cases
        .iter()
        .map(|c| c.id.clone())
        .collect();
    ids.sort();
    assert_eq!(ids, ["n1", "n2", "ok"]);

    let admin = signed_in(&app, "fed-admin", Role::Admin).await;
    let html = admin.get(&app, "/admin/federation").await.html();
    let reasons = texts(&html, ".follow-refused li");
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("far") && r.contains("is outside NP")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("long") && r.contains("title has 301 characters")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("n3") && r.contains("outside NP")),
        "{reasons:?}"
    );
    let list = out(&cli(&app, &["list"]));
    assert!(list.contains("refused:    3"), "{list}");
    assert!(
        list.contains("far: its point 10, 10 is outside NP"),
        "{list}"
    );

    // A feed full of broken items fills no page: 200 kept with their reasons, the rest counted.
    for i in 0..205 {
        let id = format!("bad{i}");
        np.publish(
            &id,
            np.case(&id, BAGMATI, (10.0, 10.0), "Elsewhere", &[], &[]),
        );
    }
    let o = pull(&app, "Nepal").await;
    assert_eq!(o.error, None);
    let follow = app.state.store().follow("Nepal").await.unwrap().unwrap();
    assert_eq!(follow.refused.len(), 201);
    assert_eq!(follow.refused[200].reason, "and 5 more");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mapping_file_is_written_with_counts_and_then_decides_how_cases_count() {
    let app = follower().await;
    let np = nepal_followed(&app).await;
    // Pakistan, in Urdu, with the default taxonomy: its keys are the exchange's own.
    let pk = FakeInstance::start("نقشہ پاکستان", "PK", "pk-default-3").await;
    let mut case = pk.case(
        "p1",
        PUNJAB,
        LAHORE,
        "",
        &["act/blackmail_sextortion"],
        &["act/blackmail_sextortion"],
    );
    case.title = [("ur".to_owned(), "تصویروں سے بلیک میل".to_owned())].into();
    pk.publish("p1", case);
    let pk_key = pk.public_key().to_string();
    let o = cli(
        &app,
        &[
            "follow",
            pk.url.as_str(),
            "--key",
            &pk_key,
            "--name",
            "Pakistan",
        ],
    );
    assert!(o.status.success(), "{}", out(&o));
    let o = cli(&app, &["pull"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(
        out(&o).contains("Nepal: 1 page(s), 3 case(s) taken"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains("Pakistan: 1 page(s), 1 case(s) taken"),
        "{}",
        out(&o)
    );
    let _ = np;

    // Printed: the file on standard output, the summary beside it.
    let shown = cli(&app, &["mapping"]);
    assert!(shown.status.success(), "{}", out(&shown));
    let stdout = String::from_utf8_lossy(&shown.stdout).to_string();
    assert!(
        stdout.contains("[sources.Nepal]") || stdout.contains("[sources.\"Nepal\"]"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&shown.stderr).contains("Nepal: 3 term(s) unmapped"));
    let path = app.data_dir().join("federation-mapping.toml");
    assert!(!path.exists(), "not written without --write");

    let written = cli(&app, &["mapping", "--write"]);
    assert!(written.status.success(), "{}", out(&written));
    let summary = out(&written);
    assert!(summary.contains("Nepal: 3 term(s) unmapped"), "{summary}");
    assert!(
        summary.contains("Pakistan: 0 term(s) unmapped"),
        "{summary}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    for line in [
        "\"type/sextortion\" = []  # 2 cases, UNMAPPED: decide",
        "\"type/impersonation\" = []  # 1 case, UNMAPPED: decide",
        "\"act/doxxing\" = [\"act/doxxing\"]  # 1 case, same key",
        "\"act/blackmail_sextortion\" = [\"act/blackmail_sextortion\"]  # 1 case, same key",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    // Written, the undecided terms count in no category and the admin page says so.
    let followed = app.state.followed_cases().await.unwrap();
    assert_eq!(followed.undecided["Nepal"].len(), 3);
    let n1 = followed.cases.iter().find(|c| c.id == "n1").unwrap();
    assert!(n1.exchange.is_empty(), "{:?}", n1.exchange);

    // The admin decides sextortion and drops the impersonation line: Nepal's and Pakistan's
    // blackmail cases now count together, and the dropped term is reported as unmapped.
    let decided = text
        .replace(
            "\"type/sextortion\" = []  # 2 cases, UNMAPPED: decide",
            "\"type/sextortion\" = [\"act/blackmail_sextortion\"]",
        )
        .replace(
            "\"type/impersonation\" = []  # 1 case, UNMAPPED: decide\n",
            "",
        );
    std::fs::write(&path, decided).unwrap();
    let followed = app.state.followed_cases().await.unwrap();
    let blackmail: Vec<(&str, &str)> = followed
        .cases
        .iter()
        .filter(|c| c.exchange.contains("act/blackmail_sextortion"))
        .map(|c| (c.source.name.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(blackmail.len(), 3, "{blackmail:?}");
    assert!(blackmail.contains(&("Pakistan", "p1")));
    assert_eq!(
        followed.unmapped["Nepal"].iter().collect::<Vec<_>>(),
        [(&"type/impersonation".to_owned(), &1)]
    );
    assert_eq!(followed.undecided["Nepal"], ["type/dating_app"]);
    let admin = signed_in(&app, "fed-admin", Role::Admin).await;
    let html = admin.get(&app, "/admin/federation").await.html();
    let unmapped = texts(&html, ".unmapped[data-source=\"Nepal\"] li");
    assert!(
        unmapped.len() == 1
            && unmapped[0].starts_with("type/impersonation")
            && unmapped[0].ends_with("1 case"),
        "{unmapped:?}"
    );
    assert_eq!(
        texts(&html, ".undecided[data-source=\"Nepal\"] li"),
        ["type/dating_app"]
    );

    // A broken file is reported, and the sources' own mappings are used meanwhile.
    std::fs::write(&path, "[sources.Nepal]\n\"type/x\" = [\"act/nothing\"]\n").unwrap();
    let followed = app.state.followed_cases().await.unwrap();
    assert!(
        followed
            .mapping_error
            .as_deref()
            .unwrap_or_default()
            .contains("act/nothing")
    );
    let html = admin.get(&app, "/admin/federation").await.html();
    assert_eq!(texts(&html, ".mapping-error").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unfollowing_removes_the_cases_and_says_when_the_configuration_brings_it_back() {
    let app = follower().await;
    let np = nepal_followed(&app).await;
    assert_eq!(pull(&app, "Nepal").await.taken, 3);
    let o = cli(&app, &["unfollow", "Nepal"]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(
        out(&o).contains("Unfollowed Nepal; its 3 case(s) are removed."),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("next start"), "not in the configuration");
    assert!(app.state.followed_cases().await.unwrap().cases.is_empty());
    assert!(out(&cli(&app, &["list"])).contains("Following no instance."));
    assert!(!cli(&app, &["unfollow", "Nepal"]).status.success());

    // One named in [federation] follow comes back at the next start: the command says so.
    let key = np.public_key().to_string();
    assert!(
        cli(
            &app,
            &["follow", np.url.as_str(), "--key", &key, "--name", "Nepal"]
        )
        .status
        .success()
    );
    let o = binary::naqsha()
        .arg("--data-dir")
        .arg(app.data_dir())
        .env(
            "NAQSHA_FEDERATION_FOLLOW",
            format!(
                "[{{ url = \"{}\", public_key = \"{key}\", name = \"Nepal\" }}]",
                np.url
            ),
        )
        .args(["federation", "unfollow", "Nepal"])
        .output()
        .unwrap();
    assert!(
        out(&o).contains("followed again at the next start"),
        "{}",
        out(&o)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_on_a_private_address_is_refused_unless_allowed() {
    let app = App::new().await;
    let np = FakeInstance::start("Nepal map", "NP", "np-2026").await;
    let new =
        naqsha::federation::follows::parse(np.url.as_str(), &np.public_key().to_string(), "Nepal")
            .unwrap();
    naqsha::federation::follows::follow(app.state.store(), &new)
        .await
        .unwrap();
    let o = pull(&app, "Nepal").await;
    assert!(
        o.error
            .unwrap_or_default()
            .contains("private or local network")
    );
    assert!(np.seen().is_empty(), "nothing was asked of it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_follows_the_configured_instances_and_pulls_them_on_its_own() {
    let np = FakeInstance::start("Nepal map", "NP", "np-2026").await;
    np.publish(
        "n1",
        np.case(
            "n1",
            BAGMATI,
            KATHMANDU,
            "Blackmailed",
            &["type/sextortion"],
            &[],
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    binary::init(&data);
    let follow = format!(
        "[{{ url = \"{}\", public_key = \"{}\", name = \"Nepal\" }}]",
        np.url,
        np.public_key()
    );
    let _server = binary::Server::start_with(
        &data,
        std::process::Stdio::null(),
        &[
            ("NAQSHA_FEDERATION_FOLLOW", &follow),
            ("NAQSHA_FEDERATION_ALLOW_PRIVATE_HOSTS", "true"),
        ],
    );
    // The background task looks for due follows at once, then every minute.
    let mut listed = String::new();
    for _ in 0..100 {
        let o = binary::naqsha()
            .arg("--data-dir")
            .arg(&data)
            .args(["federation", "list"])
            .output()
            .unwrap();
        listed = out(&o);
        if listed.contains("cases:      1") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(listed.contains("cases:      1"), "{listed}");
    assert_eq!(np.seen().first(), Some(&(0, false)));
}
