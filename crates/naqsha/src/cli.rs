//! The `naqsha` command line: the server and every admin task are subcommands of one binary.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::config::{Config, Overrides};

/// Naqsha: safe documentation and mapping of technology-related violence.
#[derive(Debug, Parser)]
#[command(name = "naqsha", version, about)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Flags every subcommand accepts.
#[derive(Debug, Args)]
struct GlobalArgs {
    /// Read settings from this TOML file (default: ./naqsha.toml if present).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Directory for the database and keys (default: ./naqsha-data).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server.
    Serve {
        /// Address to listen on (default 127.0.0.1:8080).
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// On an empty data directory: initialise, create an admin and seed fictional cases.
        #[arg(long)]
        demo: bool,
    },
    /// Create the organisation's key pair and the first admin account.
    Init {
        /// Login name of the first admin.
        #[arg(long, default_value = "admin")]
        admin: String,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Check this configuration for the mistakes that matter (https, cookies, backups, file
    /// permissions, proxy header, database, disk, clock, onion); one line per check, exit
    /// status 1 when anything needs fixing.
    Doctor,
    /// Write the whole public side (map, stories, statistics, data files) as static files.
    ExportStatic {
        /// The folder to write to (created if missing).
        dir: PathBuf,
    },
    /// Write an encrypted backup of the whole store (safe while `serve` runs), which the
    /// standard `age` tool can decrypt.
    Backup {
        /// The file to write (`-` for standard output).
        out: PathBuf,
        /// Encrypt to this age public key (age1…, from `age-keygen`); repeatable. Default:
        /// backup.recipients in naqsha.toml.
        #[arg(long = "recipient", short = 'r', value_name = "AGE1…")]
        recipients: Vec<String>,
        /// Also encrypt to the recipients in this file (one per line, as `age -R` reads).
        #[arg(long, short = 'R', value_name = "FILE")]
        recipients_file: Option<PathBuf>,
    },
    /// Restore a backup into an empty data directory or database.
    Restore {
        /// The backup file (`-` for standard input).
        input: PathBuf,
        /// The age identity file holding the backup key (as age-keygen writes it); repeatable.
        #[arg(
            long = "identity",
            short = 'i',
            value_name = "KEYFILE",
            required = true
        )]
        identities: Vec<PathBuf>,
    },
    /// Copy the whole store into another, empty database (e.g. SQLite to PostgreSQL).
    MigrateStore {
        /// The target database URL.
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// Find and replace personal data in UTF-8 text from standard input (needs no database).
    Redact {
        /// Output: the redacted text, JSON with spans, or JSON lines in and out.
        #[arg(long, value_enum, default_value = "text")]
        format: crate::commands::redact::Format,
        /// Replace names with consistent pseudonyms ("Person A") instead of [NAME].
        #[allow(
            rustdoc::broken_intra_doc_links,
            reason = "this line is the --help text, where [NAME] is the placeholder itself"
        )]
        #[arg(long)]
        pseudonyms: bool,
        /// Leave spans scoring below this in the text.
        #[arg(long, default_value_t = 0.0)]
        min_score: f32,
    },
    /// Store one email message (FILE, or standard input from an MTA) as a sealed report.
    /// Exits 0 when stored or already stored before (same sender and Message-ID), 65 when
    /// the input is not a usable message, 75 when storing failed and the MTA should retry.
    IngestEmail {
        /// The RFC 5322 message; standard input when left out.
        file: Option<PathBuf>,
    },
    /// Demo data.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
    /// Optional district boundaries.
    Boundaries {
        #[command(subcommand)]
        command: BoundariesCommand,
    },
    /// Federation: this instance's signed feed, and the instances this one follows.
    Federation {
        #[command(subcommand)]
        command: FederationCommand,
    },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The coding taxonomy.
    Taxonomy {
        #[command(subcommand)]
        command: TaxonomyCommand,
    },
    /// Import reports from other systems into the inbox, sealed, for anonymisation.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Print a new random secret for an SMS gateway (32 random bytes, base64url), e.g. for
    /// NAQSHA_SMSSYNC_SECRET or NAQSHA_SMS_WEBHOOK_SECRET.
    Secret,
    /// Export cases: the published ones as open data, or every coded case (--full).
    Export {
        /// csv, geojson (published cases only) or jsonl.
        #[arg(long, value_enum)]
        format: crate::commands::export::Format,
        /// Every coded case of any status, without any text, for analysts.
        #[arg(long)]
        full: bool,
        /// Only published cases matching a public filter, e.g. "province=pk-pb&from=2020".
        #[arg(long, value_name = "QUERY")]
        filter: Option<String>,
        /// The file to write, or - for standard output.
        out: String,
    },
}

/// Flags shared by both kinds of import.
#[derive(Debug, Args)]
struct ImportArgs {
    /// The CSV file.
    file: PathBuf,
    /// A mapping file (TOML) from the file's columns and categories to the taxonomy.
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,
    /// Scan the file and write a starting mapping here (nothing is imported).
    #[arg(long, value_name = "FILE")]
    write_mapping: Option<PathBuf>,
    /// Read and check every row, store nothing.
    #[arg(long)]
    dry_run: bool,
    /// Also write the report of skipped rows here (.json, or CSV otherwise).
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// The file's character encoding (e.g. utf-8, windows-1252, macintosh), when detection
    /// guesses wrong; without it, a file that is not UTF-8 is detected.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// An Ushahidi v3/v5 (platform) or v2 CSV export.
    Ushahidi(ImportArgs),
    /// Any CSV file, with a mapping.
    Csv(ImportArgs),
}

#[derive(Debug, Subcommand)]
enum DemoCommand {
    /// Add N fictional published cases, clearly marked as demo data.
    Seed {
        /// How many cases.
        #[arg(long, default_value_t = 300)]
        cases: usize,
        /// Seed of the random generator (same seed, same cases).
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
enum BoundariesCommand {
    /// Load district polygons from a GeoJSON FeatureCollection (e.g. geoBoundaries ADM2).
    Import {
        /// The GeoJSON file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum FederationCommand {
    /// Print this instance's public key and feed address (making the key if there is none).
    Key,
    /// Follow another instance's feed.
    Follow {
        /// Its address, e.g. `https://map.example.org`.
        url: String,
        /// Its public key, ed25519:… (as `naqsha federation key` prints it there).
        #[arg(long)]
        key: String,
        /// Its name here: on the map, the admin page and in the mapping file.
        #[arg(long)]
        name: String,
    },
    /// List the followed instances: address, key, cases held, last pull and error.
    List,
    /// Stop following an instance and remove its cases.
    Unfollow {
        /// Its name here.
        name: String,
    },
    /// Pull one followed instance (or all) now and print what happened.
    Pull {
        /// Its name here; all when left out.
        name: Option<String>,
    },
    /// Print (or with --write, write) the taxonomy mapping file with counts.
    Mapping {
        /// Write it to [federation] mapping, keeping the decisions already in it.
        #[arg(long)]
        write: bool,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a staff account with a one-time password (asks for an admin's password, or reads
    /// NAQSHA_ADMIN_PASSWORD).
    Add {
        /// Login name.
        username: String,
        /// admin, coordinator, moderator or analyst.
        #[arg(long)]
        role: String,
        /// The admin who unlocks the organisation key for the new account.
        #[arg(long, default_value = "admin")]
        admin: String,
    },
    /// List staff accounts.
    List,
    /// Disable an account, delete its key wrap and end its sessions.
    Disable {
        /// Login name.
        username: String,
    },
    /// Remove an account's second factor (a lost phone): it enrols again at next sign-in.
    ResetSecondFactor {
        /// Login name.
        username: String,
    },
}

#[derive(Debug, Subcommand)]
enum TaxonomyCommand {
    /// Replace the active taxonomy with a TOML file (it must carry a new version).
    Replace {
        /// The TOML file.
        file: PathBuf,
    },
    /// Print the active taxonomy's version and dimensions.
    Show,
}

/// Parses arguments, runs the command and turns errors into one readable line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("naqsha: {e:#}");
            match e.downcast_ref::<crate::commands::Exit>() {
                Some(mail) => ExitCode::from(mail.code),
                None => ExitCode::FAILURE,
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    // Needs no configuration: it makes the secret a refused configuration asks for.
    if let Command::Secret = cli.command {
        return crate::commands::secret::run(&mut std::io::stdout().lock());
    }
    let bind = match &cli.command {
        Command::Serve { bind, .. } => bind.clone(),
        _ => None,
    };
    if let Command::Serve { .. } = cli.command {
        // Before anything else starts: this may replace the process with a tuned one.
        crate::allocator::tune_and_restart();
    }
    let overrides = Overrides {
        config_file: cli.global.config,
        data_dir: cli.global.data_dir,
        bind,
        database_url: cli.global.database_url,
    };
    let config_file = Config::file_in_use(&overrides);
    let config = Config::load(&overrides)?;
    // The server writes a line per request: through the log's writer thread. Commands write
    // theirs as they come, in order with what they print.
    let output = match cli.command {
        Command::Serve { .. } => crate::logging::Output::Buffered,
        _ => crate::logging::Output::Direct,
    };
    crate::logging::init(&config.log, output);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let done = runtime.block_on(dispatch(cli.command, config, config_file));
    // Whatever the runtime's tasks log as they stop is written too.
    drop(runtime);
    crate::logging::flush();
    done
}

/// Runs `command`; `config_file` is the file `config` was read from, if any.
async fn dispatch(
    command: Command,
    config: Config,
    config_file: Option<PathBuf>,
) -> anyhow::Result<()> {
    match command {
        Command::Serve { demo, .. } => crate::commands::serve::run(config, demo).await,
        Command::Init { admin } => crate::commands::init::run(config, &admin).await,
        Command::IngestEmail { file } => {
            crate::commands::ingest_email::run(config, file.as_deref()).await
        }
        Command::Migrate => crate::commands::migrate::run(config).await,
        Command::Doctor => crate::commands::doctor::run(config, config_file).await,
        Command::MigrateStore { to } => crate::commands::migrate::copy_store(config, &to).await,
        Command::Redact {
            format,
            pseudonyms,
            min_score,
        } => crate::commands::redact::run(crate::commands::redact::Settings {
            format,
            pseudonyms,
            min_score,
        }),
        Command::Demo {
            command: DemoCommand::Seed { cases, seed },
        } => crate::commands::demo::seed(config, cases, seed).await,
        Command::Boundaries {
            command: BoundariesCommand::Import { file },
        } => crate::commands::boundaries::import(config, &file).await,
        Command::Taxonomy {
            command: TaxonomyCommand::Replace { file },
        } => crate::commands::taxonomy::replace(config, &file).await,
        Command::User {
            command:
                UserCommand::Add {
                    username,
                    role,
                    admin,
                },
        } => crate::commands::user::add(config, &username, &role, &admin).await,
        Command::ExportStatic { dir } => crate::commands::export_static::run(config, &dir).await,
        Command::Backup {
            out,
            recipients,
            recipients_file,
        } => crate::commands::backup::run_backup(config, &out, &recipients, recipients_file).await,
        Command::Restore { input, identities } => {
            crate::commands::backup::run_restore(config, &input, &identities).await
        }
        Command::User {
            command: UserCommand::List,
        } => crate::commands::user::list(config).await,
        Command::User {
            command: UserCommand::Disable { username },
        } => crate::commands::user::disable(config, &username).await,
        Command::User {
            command: UserCommand::ResetSecondFactor { username },
        } => crate::commands::user::reset_second_factor(config, &username).await,
        Command::Taxonomy {
            command: TaxonomyCommand::Show,
        } => crate::commands::taxonomy::show(config).await,
        Command::Federation { command } => federation(config, command).await,
        Command::Import { command } => {
            let (args, ushahidi) = match command {
                ImportCommand::Ushahidi(a) => (a, true),
                ImportCommand::Csv(a) => (a, false),
            };
            crate::commands::import::run(
                config,
                crate::commands::import::Request {
                    file: args.file,
                    mapping: args.mapping,
                    write_mapping: args.write_mapping,
                    dry_run: args.dry_run,
                    report: args.report,
                    ushahidi,
                    encoding: args.encoding,
                },
            )
            .await
        }
        Command::Secret => crate::commands::secret::run(&mut std::io::stdout().lock()),
        Command::Export {
            format,
            full,
            filter,
            out,
        } => {
            crate::commands::export::run(
                config,
                crate::commands::export::Request {
                    format,
                    out,
                    full,
                    filter,
                },
            )
            .await
        }
    }
}

/// Runs a `naqsha federation …` command.
async fn federation(config: Config, command: FederationCommand) -> anyhow::Result<()> {
    use crate::commands::federation as f;
    match command {
        FederationCommand::Key => f::key(config).await,
        FederationCommand::Follow { url, key, name } => f::follow(config, &url, &key, &name).await,
        FederationCommand::List => f::list(config).await,
        FederationCommand::Unfollow { name } => f::unfollow(config, &name).await,
        FederationCommand::Pull { name } => f::pull(config, name.as_deref()).await,
        FederationCommand::Mapping { write } => f::mapping(config, write).await,
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every command a user can run (`serve`, `user add`, …): the leaves of the definition.
    fn leaves(command: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            let path = format!("{prefix}{}", sub.get_name()).trim().to_owned();
            if sub.has_subcommands() {
                leaves(sub, &format!("{path} "), out);
            } else {
                out.push(path);
            }
        }
    }

    /// The README's command table names every command and no command that does not exist.
    /// A row's first cell is `naqsha CMD [SUB] ARGS…`, where `a|b` names two commands, and
    /// may add siblings of the last one as `` `SUB2 ARGS` `` (`user add` / `list`).
    #[test]
    fn readme_lists_every_command() {
        let mut in_readme = Vec::new();
        for row in crate::config::readme_table("Commands") {
            let spans: Vec<&str> = row[0].split('`').skip(1).step_by(2).collect();
            let Some(first) = spans.first().and_then(|s| s.strip_prefix("naqsha ")) else {
                panic!("a row starts with `naqsha …`: {row:?}");
            };
            // The command words: lower-case words before the first argument.
            let words: Vec<&str> = first
                .split(' ')
                .take_while(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_lowercase() || "-|".contains(c))
                })
                .take_while(|w| !w.starts_with('-'))
                .collect();
            let (last, parents) = words.split_last().unwrap_or_else(|| panic!("{row:?}"));
            let parent = parents.join(" ");
            let mut names: Vec<&str> = last.split('|').collect();
            for sibling in &spans[1..] {
                names.push(sibling.split(' ').next().unwrap_or_default());
            }
            for name in names {
                in_readme.push(format!("{parent} {name}").trim().to_owned());
            }
        }
        let mut in_code = Vec::new();
        leaves(&Cli::command(), "", &mut in_code);
        in_code.retain(|c| c != "help");
        in_readme.sort();
        in_code.sort();
        assert_eq!(
            in_readme, in_code,
            "README.md's Commands table against the CLI"
        );
    }

    #[test]
    fn global_flags_work_after_the_subcommand() {
        let cli = Cli::try_parse_from(["naqsha", "migrate", "--data-dir", "/tmp/x"]).unwrap();
        assert_eq!(cli.global.data_dir, Some(PathBuf::from("/tmp/x")));
        let cli =
            Cli::try_parse_from(["naqsha", "serve", "--demo", "--bind", "127.0.0.1:0"]).unwrap();
        assert!(matches!(cli.command, Command::Serve { demo: true, .. }));
    }
}
