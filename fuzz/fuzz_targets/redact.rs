//! Fuzz target for the redaction engine: any UTF-8 input must not panic, spans must be in
//! bounds, sorted and disjoint, and redacting the result again must change nothing.
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run redact -- -max_total_time=60`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use naqsha_core::redaction::{PlaceholderStyle, RedactOptions, detect, redact};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    let spans = detect(text);
    let mut prev = 0;
    for s in &spans {
        assert!(s.start < s.end && s.end <= n, "span out of bounds");
        assert!(s.start >= prev, "spans overlap or are unsorted");
        prev = s.end;
    }
    for style in [PlaceholderStyle::Typed, PlaceholderStyle::Pseudonym] {
        let opts = RedactOptions {
            style,
            ..RedactOptions::default()
        };
        let once = redact(text, &opts);
        let twice = redact(&once.text, &opts);
        assert_eq!(once.text, twice.text, "redacting twice changed the text");
    }
});
