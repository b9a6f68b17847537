//! `naqsha doctor`: checks a deployment's configuration, files and database for the mistakes
//! that matter to survivors' safety and to staff, and prints one line per check in plain
//! words: `ok` and what was found, or `fix` and what to do. Exits 1 when anything needs
//! fixing, so a script or CI can call it.
//!
//! It reads the same configuration as `serve` and changes nothing: it never migrates the
//! database, and with SQLite it refuses to open a database file that belongs to another user
//! (opening it could leave files the service cannot open). Its output is in English only: it
//! is an operator's command, run on the server, like the rest of the command line; the Urdu
//! interface is for survivors and staff pages.

mod checks;
mod files;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use crate::config::Config;

pub use checks::examine;

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was checked, e.g. `backups`.
    pub check: &'static str,
    /// Whether something needs fixing.
    pub verdict: Verdict,
    /// What was found, and for a fix what to do, in plain words.
    pub text: String,
}

/// A check's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// As it should be.
    Ok,
    /// Needs fixing; the text says how.
    Fix,
}

impl Finding {
    fn ok(check: &'static str, text: impl Into<String>) -> Self {
        Self {
            check,
            verdict: Verdict::Ok,
            text: text.into(),
        }
    }

    fn fix(check: &'static str, text: impl Into<String>) -> Self {
        Self {
            check,
            verdict: Verdict::Fix,
            text: text.into(),
        }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let word = match self.verdict {
            Verdict::Ok => "ok ",
            Verdict::Fix => "fix",
        };
        write!(f, "{word} {}: {}", self.check, self.text)
    }
}

/// Everything the checks look at besides the configuration.
#[derive(Debug, Clone, Default)]
pub struct Surroundings {
    /// The configuration file read, if any.
    pub config_file: Option<PathBuf>,
    /// Secrets read from files (`NAQSHA_*_FILE`): the variable and the file.
    pub secret_files: Vec<(String, PathBuf)>,
    /// The user id doctor runs as (Unix).
    pub uid: Option<u32>,
}

impl Surroundings {
    /// Those of this process: its configuration file, environment and user.
    pub fn of_this_process(config_file: Option<PathBuf>) -> Self {
        let mut secret_files: Vec<(String, PathBuf)> = std::env::vars_os()
            .filter_map(|(k, v)| {
                let k = k.into_string().ok()?;
                (k.starts_with("NAQSHA_") && k.ends_with("_FILE")).then(|| (k, PathBuf::from(v)))
            })
            .collect();
        secret_files.sort();
        Self {
            config_file,
            secret_files,
            uid: files::current_uid(),
        }
    }
}

/// Runs every check on `config`, prints the findings, and fails (exit status 1) when any
/// needs fixing.
pub async fn run(config: Config, config_file: Option<PathBuf>) -> anyhow::Result<()> {
    let surroundings = Surroundings::of_this_process(config_file);
    println!(
        "Checking the configuration {} with the database {}",
        surroundings.config_file.as_ref().map_or_else(
            || "(no file; defaults and NAQSHA_* variables)".to_owned(),
            |p| p.display().to_string()
        ),
        config.database_for_display()
    );
    let findings = examine(&config, &surroundings).await;
    for finding in &findings {
        println!("{finding}");
    }
    let to_fix = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Fix)
        .count();
    if to_fix == 0 {
        println!("All {} checks are ok.", findings.len());
        Ok(())
    } else {
        Err(super::Exit {
            code: 1,
            message: format!(
                "{to_fix} of {} checks need fixing (the lines starting with \"fix\")",
                findings.len()
            ),
        }
        .into())
    }
}
