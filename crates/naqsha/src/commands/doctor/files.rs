//! What doctor reads of the file system: permission bits, owners, free space and stray
//! backup keys. Unix only where the question is Unix's (modes, owners); elsewhere the checks
//! say they were not made.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How many entries of the data directory are looked at, at most (uploads can be many).
const WALK_LIMIT: usize = 10_000;

/// Files larger than this are not read when looking for a backup key.
const KEY_FILE_MAX: u64 = 64 * 1024;

/// The user id this process runs as.
#[cfg(target_os = "linux")]
pub fn current_uid() -> Option<u32> {
    Some(rustix::process::geteuid().as_raw())
}

/// The user id this process runs as.
#[cfg(not(target_os = "linux"))]
pub fn current_uid() -> Option<u32> {
    None
}

/// A file's permission bits and owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mode {
    /// The permission bits (e.g. 0o640).
    pub bits: u32,
    /// The owner's user id.
    pub uid: u32,
}

/// The permission bits and owner of `path` (not following a symbolic link).
#[cfg(unix)]
pub fn mode_of(path: &Path) -> std::io::Result<Mode> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path)?;
    Ok(Mode {
        bits: meta.mode() & 0o7777,
        uid: meta.uid(),
    })
}

/// The permission bits and owner of `path` (not on this system).
#[cfg(not(unix))]
pub fn mode_of(_path: &Path) -> std::io::Result<Mode> {
    Err(std::io::Error::other(
        "file modes are not checked on this system",
    ))
}

/// Entries under `dir` (itself included) that group or others may read, write or enter,
/// with their modes; symbolic links are not followed. At most [`WALK_LIMIT`] entries are
/// looked at.
pub fn open_to_others(dir: &Path) -> std::io::Result<Vec<(PathBuf, u32)>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = 0;
    while let Some(path) = stack.pop() {
        seen += 1;
        if seen > WALK_LIMIT {
            break;
        }
        // The directory itself must be there; a file inside may go while we look (SQLite's
        // -wal and -shm come and go with connections).
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if path != dir && e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        if meta.file_type().is_symlink() {
            continue;
        }
        let Ok(mode) = mode_of(&path) else {
            continue;
        };
        if mode.bits & 0o077 != 0 {
            found.push((path.clone(), mode.bits));
        }
        if meta.is_dir() {
            // A directory doctor may not list (another user's, 0700) hides nothing from the
            // owner's processes; what it can see is reported.
            if let Ok(entries) = std::fs::read_dir(&path) {
                for entry in entries.flatten() {
                    stack.push(entry.path());
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Small files directly in `dirs` that hold an age secret key (`AGE-SECRET-KEY-1…`, as
/// `age-keygen` writes them). Files doctor may not read are passed over.
pub fn age_secret_keys(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let small_file = std::fs::symlink_metadata(&path)
                .is_ok_and(|m| m.is_file() && m.len() <= KEY_FILE_MAX);
            if !small_file {
                continue;
            }
            if std::fs::read(&path).is_ok_and(|bytes| {
                bytes
                    .windows(b"AGE-SECRET-KEY-1".len())
                    .any(|w| w.eq_ignore_ascii_case(b"AGE-SECRET-KEY-1"))
            }) {
                found.push(path);
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// The newest file ending in `.age` directly in `dir` and when it was last written.
pub fn newest_backup(dir: &Path) -> Option<(PathBuf, SystemTime)> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "age"))
        .filter_map(|e| Some((e.path(), e.metadata().ok()?.modified().ok()?)))
        .max_by_key(|(_, t)| *t)
}

/// Space on the file system holding `path`: (bytes available to an unprivileged user,
/// bytes in all).
#[cfg(target_os = "linux")]
pub fn disk_space(path: &Path) -> std::io::Result<(u64, u64)> {
    let s = rustix::fs::statvfs(path).map_err(std::io::Error::from)?;
    Ok((
        s.f_bavail.saturating_mul(s.f_frsize),
        s.f_blocks.saturating_mul(s.f_frsize),
    ))
}

/// Space on the file system holding `path` (not on this system).
#[cfg(not(target_os = "linux"))]
pub fn disk_space(_path: &Path) -> std::io::Result<(u64, u64)> {
    Err(std::io::Error::other(
        "free space is not checked on this system",
    ))
}
