//! Naqsha, the application: storage, web, intake channels, jobs and the command line.
#![forbid(unsafe_code)]

pub mod abuse;
pub mod allocator;
pub mod bidi;
pub mod channels;
pub mod cli;
mod commands;
pub mod config;
pub mod demo;
pub mod federation;
pub mod heavy;
pub mod i18n;
pub mod intake;
pub mod keyring;
pub mod logging;
pub mod moderation;
pub mod public;
pub mod staff;
pub mod startup;
pub mod state;
pub mod storage;
pub mod web;

/// The README's Layout names every module of both crates, one per line.
#[cfg(test)]
mod readme_layout {
    /// The modules a crate root declares (`mod x;` / `pub mod x;`).
    fn modules(lib: &str) -> Vec<&str> {
        lib.lines()
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("pub mod ")
                    .or(l.trim().strip_prefix("mod "))
            })
            .filter_map(|l| l.strip_suffix(';'))
            .collect()
    }

    #[test]
    fn names_every_module() {
        let readme = include_str!("../../../README.md");
        let start = readme.find("\n## Layout\n").unwrap_or(readme.len());
        let layout = &readme[start..];
        let layout = &layout[..layout[1..].find("\n## ").map_or(layout.len(), |i| i + 1)];
        let listed = |name: &str| {
            layout.lines().any(|l| {
                let first = l.trim_start().split(' ').next().unwrap_or_default();
                first == format!("{name}.rs") || first == format!("{name}/")
            })
        };
        for (krate, lib) in [
            ("naqsha-core", include_str!("../../naqsha-core/src/lib.rs")),
            ("naqsha", include_str!("lib.rs")),
        ] {
            let missing: Vec<&str> = modules(lib).into_iter().filter(|m| !listed(m)).collect();
            assert!(
                missing.is_empty(),
                "README Layout misses {krate} modules {missing:?}"
            );
        }
    }
}
