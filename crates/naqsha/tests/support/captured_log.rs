//! The application's log kept in memory, for the tests that look at what it wrote.
//!
//! A test installs a subscriber writing here with `tracing::subscriber::set_default` (for its
//! own thread). `tracing` caches per call site, across threads, whether anyone listens, so
//! such a test must not run beside other tests that log: the binaries that use this keep to
//! themselves and run their captures one at a time.

use std::io::Write;
use std::sync::{Arc, Mutex};

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// Everything written so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.0.lock().expect("log buffer").clone()
    }

    /// Everything written so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.bytes()).expect("the log is UTF-8")
    }
}
