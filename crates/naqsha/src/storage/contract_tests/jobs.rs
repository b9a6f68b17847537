//! Storage contracts of background-job leases.

use super::*;

async fn a_job_is_held_by_one_node_until_released_or_run_out(store: &Store) {
    let t0 = datetime!(2026-03-01 10:00 UTC);
    let until = t0 + time::Duration::minutes(15);
    assert!(
        store
            .claim_job("imap_poll", "node-1", t0, until)
            .await
            .unwrap()
    );
    assert!(
        !store
            .claim_job("imap_poll", "node-2", t0, until)
            .await
            .unwrap(),
        "one node at a time"
    );
    assert!(
        store
            .claim_job("other_job", "node-2", t0, until)
            .await
            .unwrap(),
        "each job its own lease"
    );
    assert!(
        store
            .claim_job("imap_poll", "node-1", t0, until)
            .await
            .unwrap(),
        "the holder may renew it"
    );
    store.release_job("imap_poll", "node-2").await.unwrap();
    assert!(
        !store
            .claim_job("imap_poll", "node-2", t0, until)
            .await
            .unwrap(),
        "only the holder releases it"
    );
    store.release_job("imap_poll", "node-1").await.unwrap();
    assert!(
        store
            .claim_job("imap_poll", "node-2", t0, until)
            .await
            .unwrap()
    );
    // A node that died holding it: another takes it once the lease has run out.
    let later = until + time::Duration::seconds(1);
    assert!(
        store
            .claim_job(
                "imap_poll",
                "node-3",
                later,
                later + time::Duration::minutes(15)
            )
            .await
            .unwrap()
    );
}
contract!(a_job_is_held_by_one_node_until_released_or_run_out);
