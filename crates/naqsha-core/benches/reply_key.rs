//! The cost of a reply key (issue 19): one argon2id derivation at [`ReplyKdf::DEFAULT`],
//! paid when a report is stored and on every follow-up step with a found receipt.
//! Run: `cargo bench -p naqsha-core --bench reply_key`.

use criterion::{Criterion, criterion_group, criterion_main};
use naqsha_core::sealing::{ReplyKdf, ReplyKey};

fn derive(c: &mut Criterion) {
    let salt = ReplyKey::new_salt();
    let receipt = "anchor-basket-candle-donkey-eagle-forest-garden";
    let mut group = c.benchmark_group("reply_key");
    group.sample_size(30);
    group.bench_function("derive_default_19MiB_t2_p1", |b| {
        b.iter(|| ReplyKey::derive(receipt, &salt, ReplyKdf::DEFAULT).map(|k| k.recipient()))
    });
    group.finish();
}

criterion_group!(benches, derive);
criterion_main!(benches);
