//! How the server's memory allocator is tuned, without code of its own.
//!
//! glibc's `malloc` serves a large buffer from `mmap` until one of that size is freed; from
//! then on (its "dynamic threshold", up to 32 MiB) buffers of that size come from the
//! per-thread arenas, and an arena other than the main one hardly ever gives freed memory
//! back. Uploads of a few MiB, handled on many threads, so left hundreds of MiB resident
//! that held nothing (357 MiB for 160 MiB of live data in the abuse soak, see
//! `benches/README.md`). A fixed threshold of 1 MiB keeps every large buffer in its own
//! mapping, returned to the system the moment it is freed.
//!
//! The threshold is a glibc tunable read when a process starts, so `serve` runs itself once
//! more with it set (the same process id, arguments and standard streams). A deployment that
//! sets `GLIBC_TUNABLES` itself is left as it is. Other allocators and systems are untouched.

/// The tunables `serve` runs with.
pub const TUNABLES: &str = "glibc.malloc.mmap_threshold=1048576";

/// Replaces this process with itself, started with [`TUNABLES`], unless they (or any other
/// tunables) are already set. Returns only if that is not done or not possible; the server
/// then runs with the allocator's defaults.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn tune_and_restart() {
    use std::os::unix::process::CommandExt;

    if std::env::var_os("GLIBC_TUNABLES").is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut args = std::env::args_os();
    let arg0 = args.next().unwrap_or_else(|| exe.clone().into_os_string());
    let error = std::process::Command::new(&exe)
        .arg0(arg0)
        .args(args)
        .env("GLIBC_TUNABLES", TUNABLES)
        .exec();
    // exec returns only when it failed; the server runs on as it is.
    eprintln!("naqsha: could not tune the memory allocator ({error}); continuing without");
}

/// Nothing to tune here.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune_and_restart() {}
