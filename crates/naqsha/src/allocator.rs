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
//! glibc also gives every thread that meets a busy arena an arena of its own, up to eight
//! per core, and memory freed in one arena serves only that arena. The published snapshot is
//! read whole (at start-up, and after a change nobody announced) on whichever heavy thread is
//! free, so each such read could leave its freed predecessor's tens of MiB in yet another
//! arena: at 100,000 cases, twenty full reads on two cores grew a node from 75 to 178–248 MiB
//! with the default, to 152–154 MiB with one arena per core, to 122–123 MiB with one arena
//! (`benches/README.md`, "Issue 18: snapshot"). One arena per core keeps requests on
//! different cores from waiting for each other's `malloc`.
//!
//! Both are glibc tunables, read when a process starts, so `serve` runs itself once more with
//! them set (the same process id, arguments and standard streams). A deployment that sets
//! `GLIBC_TUNABLES` itself is left as it is. Other allocators and systems are untouched.

/// The tunables `serve` runs with: large buffers in their own mappings, one arena per core
/// (at least two).
pub fn tunables() -> String {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
    format!("glibc.malloc.mmap_threshold=1048576:glibc.malloc.arena_max={cores}")
}

/// Replaces this process with itself, started with [`tunables`], unless they (or any other
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
        .env("GLIBC_TUNABLES", tunables())
        .exec();
    // exec returns only when it failed; the server runs on as it is.
    eprintln!("naqsha: could not tune the memory allocator ({error}); continuing without");
}

/// Nothing to tune here.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune_and_restart() {}
