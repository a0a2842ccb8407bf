//! The `casefile` command line: the edge where user input becomes calls into
//! the application layer (`casefile_app`), whose results are rendered here
//! as text or JSON, and whose errors become one clear line each and an exit
//! code. No domain logic lives in this crate.
//!
//! Every command but `init`, `demo`, `extract`, `names` and `verify-package` works on a project: `--project DIR`,
//! else `CASEFILE_PROJECT`, else the nearest directory at or above the current
//! one that holds a `casefile.toml`.

mod capture;
mod commands;
mod demo;
mod estimate;
mod evidence;
mod findings;
mod names;
mod progress;
mod registry;
mod report;
mod users;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code when some inputs of a batch failed but the rest was stored.
pub const EXIT_PARTIAL: u8 = 3;
/// Exit code when `verify` or `verify-package` finds a fault.
pub const EXIT_VERIFY_FAILED: u8 = 4;

#[derive(Parser)]
#[command(
    name = "casefile",
    version,
    about = "Evidence and case database for documenting the forced transfer of children",
    long_about = None
)]
pub struct Cli {
    /// Project directory (default: the nearest one at or above the current directory).
    #[arg(long, global = true, env = "CASEFILE_PROJECT")]
    project: Option<PathBuf>,
    /// Who is acting, recorded in the audit log (default: $USER).
    #[arg(long, global = true, env = "CASEFILE_ACTOR")]
    actor: Option<String>,
    /// Keep the database in PostgreSQL (postgres://user[:password]@host[:port]/db)
    /// instead of the project's SQLite file; the project directory then holds
    /// the settings and the search index. `serve` also reads DATABASE_URL.
    #[arg(long, global = true, env = "CASEFILE_DATABASE", hide_env_values = true)]
    database: Option<String>,
    /// The PostgreSQL schema of this project's tables (created if absent;
    /// default: the connection's search path).
    #[arg(long, global = true, env = "CASEFILE_DATABASE_SCHEMA")]
    database_schema: Option<String>,
    /// Most PostgreSQL connections open at once.
    #[arg(long, global = true, default_value_t = 16)]
    database_pool: usize,
    /// Keep the originals in an S3-compatible bucket (s3://bucket/prefix)
    /// instead of the project's folder; endpoint and keys from AWS_ENDPOINT_URL,
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION (plain http only to
    /// this machine unless AWS_ALLOW_HTTP=true).
    #[arg(long, global = true, env = "CASEFILE_BLOBS")]
    blobs: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a project directory (database, blob folder, search index, audit log).
    Init { dir: PathBuf },
    /// Store files and directories (recursively): text, Markdown, HTML.
    Ingest(commands::IngestArgs),
    /// Preserve web pages: the HTTP exchange, a full-page screenshot and a PDF
    /// print as one WARC, hashed at capture, ingested as sources.
    Capture(capture::CaptureArgs),
    /// List the stored sources.
    Sources {
        #[arg(long)]
        json: bool,
    },
    /// Show one source: metadata, custody record and clean text.
    Show {
        /// Source id or a unique prefix of it (at least 4 hex digits).
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search with ranked results, snippets and hit offsets.
    Search(commands::SearchArgs),
    /// Re-hash every original and check the audit chain.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Print the audit log.
    Log {
        #[arg(long)]
        json: bool,
        /// Only the last N entries.
        #[arg(long)]
        last: Option<usize>,
    },
    /// Run extraction on one file (no project needed) and print what it finds.
    Extract {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// List persons, organizations and places resolved across all sources.
    Entities {
        /// person, organization or place.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one entity and every statement about it, with sources and quotes.
    Entity {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Record that two entities are the same (reversible: see `split`).
    Merge {
        a: String,
        b: String,
        #[arg(long, required = true)]
        reason: String,
    },
    /// Record that some members of an entity are someone else.
    Split {
        /// The entity (any of its member ids).
        id: String,
        /// The member ids to separate (see `casefile entity ID`).
        #[arg(required = true)]
        members: Vec<String>,
        #[arg(long, required = true)]
        reason: String,
    },
    /// Counts of children with qualifier, ages, scope and who asserts them, grouped across sources.
    Claims {
        #[arg(long, default_value = "child-count")]
        kind: String,
        #[arg(long)]
        json: bool,
    },
    /// Show a statement, or change its review status.
    Statement {
        id: i64,
        /// proposed, confirmed, disputed or rejected.
        #[arg(long)]
        set: Option<casefile_app::Status>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Routes of transfer (origin → via → destination) with counts, asserters and sources.
    Routes(report::RoutesArgs),
    /// The report of a case: summary, map, timeline, counts, network, notes (HTML and/or PDF).
    Report(report::ReportArgs),
    /// Import, append to and list child registries (CSV).
    #[command(subcommand)]
    Registry(registry::RegistryCommand),
    /// Link the records of two registries that refer to the same child.
    Link {
        left: String,
        right: String,
        #[command(flatten)]
        options: registry::LinkOptions,
    },
    /// Find records of the same child inside one registry.
    Dedupe {
        registry: String,
        #[command(flatten)]
        options: registry::LinkOptions,
    },
    /// The stored clusters of linked records: where one came from and what became of it.
    #[command(subcommand)]
    Cluster(registry::ClusterCommand),
    /// The queue of uncertain pairs, and accepting or rejecting them.
    Review(registry::ReviewArgs),
    /// How many children 3-5 linked registries together missed (multiple-systems estimation).
    Estimate(estimate::EstimateArgs),
    /// Cases: what goes into one submission (sources, entities, statements).
    #[command(subcommand)]
    Case(evidence::CaseCommand),
    /// The project's signing key.
    #[command(subcommand)]
    Key(evidence::KeyCommand),
    /// Signed BagIt evidence packages, FollowTheMoney entities, web sources as WARC.
    #[command(subcommand)]
    Export(evidence::ExportCommand),
    /// Check an evidence package: every hash, the payload count and the signature (no project needed).
    VerifyPackage {
        dir: PathBuf,
        /// The sender's public key (PEM); default: the key the package carries.
        #[arg(long)]
        key: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Compare names across scripts and spellings; list variants.
    #[command(subcommand)]
    Names(names::NamesCommand),
    /// Users of a team server: add, passwd, role, disable, list, token, revoke.
    #[command(subcommand)]
    User(users::UserCommand),
    /// Serve the project's web pages and HTTP API to a team.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Cookies without the Secure flag, for plain HTTP (only where no one can listen in).
        #[arg(long)]
        insecure_cookies: bool,
    },
    /// Build a demo project from the sample corpus that ships inside casefile, and tour it.
    Demo {
        /// Where to build it (replaced if it is an earlier demo project).
        #[arg(long, default_value = "casefile-demo")]
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    let actor = casefile_app::Actor::local(commands::actor_name(cli.actor.as_deref()));
    let mut database = cli.database.clone();
    if database.is_none() && matches!(cli.command, Command::Serve { .. }) {
        database = std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty());
    }
    if database.is_some() || cli.blobs.is_some() {
        let pg = casefile_app::PgOptions {
            schema: cli.database_schema.clone(),
            pool_size: cli.database_pool,
        };
        let backends = casefile_app::Backends::connect(
            database.as_deref(),
            &pg,
            cli.blobs.as_deref(),
            &casefile_app::S3Options::default(),
        )
        .context("cannot reach the project's database or originals")?;
        commands::set_backends(backends);
    }
    match cli.command {
        Command::Init { dir } => commands::init(&dir, &actor),
        Command::Demo { dir } => demo::run(&dir, &actor),
        Command::Names(command) => names::run(command),
        Command::User(command) => users::run(&project_dir(cli.project)?, command, &actor),
        Command::Serve {
            bind,
            insecure_cookies,
        } => users::serve(&project_dir(cli.project)?, bind, insecure_cookies),
        Command::VerifyPackage { dir, key, json } => {
            evidence::verify_package(&dir, key.as_deref(), json)
        }
        Command::Case(command) => evidence::case(&project_dir(cli.project)?, &actor, command),
        Command::Key(command) => evidence::key(&project_dir(cli.project)?, command),
        Command::Export(command) => evidence::export(&project_dir(cli.project)?, &actor, command),
        Command::Routes(args) => report::routes(&project_dir(cli.project)?, &actor, args),
        Command::Report(args) => report::report(&project_dir(cli.project)?, &actor, args),
        Command::Registry(command) => registry::run(&project_dir(cli.project)?, command, &actor),
        Command::Link {
            left,
            right,
            options,
        } => registry::link(&project_dir(cli.project)?, &left, &right, &options, &actor),
        Command::Dedupe { registry, options } => {
            registry::dedupe(&project_dir(cli.project)?, &registry, &options, &actor)
        }
        Command::Cluster(command) => registry::cluster(&project_dir(cli.project)?, command, &actor),
        Command::Review(args) => registry::review(&project_dir(cli.project)?, args, &actor),
        Command::Estimate(args) => estimate::run(&project_dir(cli.project)?, &args, &actor),
        Command::Extract { file, json } => findings::extract_file(&file, json),
        Command::Entities { kind, json } => {
            findings::entities(&project_dir(cli.project)?, &actor, kind.as_deref(), json)
        }
        Command::Entity { id, json } => {
            findings::entity(&project_dir(cli.project)?, &actor, &id, json)
        }
        Command::Merge { a, b, reason } => {
            findings::merge(&project_dir(cli.project)?, &a, &b, &reason, &actor)
        }
        Command::Split {
            id,
            members,
            reason,
        } => findings::split(&project_dir(cli.project)?, &id, &members, &reason, &actor),
        Command::Claims { kind, json } => {
            findings::claims(&project_dir(cli.project)?, &actor, &kind, json)
        }
        Command::Statement { id, set, reason } => findings::set_statement_status(
            &project_dir(cli.project)?,
            id,
            set,
            reason.as_deref(),
            &actor,
        ),
        Command::Capture(args) => capture::run(&project_dir(cli.project)?, &actor, args),
        Command::Ingest(args) => commands::ingest(&project_dir(cli.project)?, &actor, args),
        Command::Sources { json } => commands::sources(&project_dir(cli.project)?, &actor, json),
        Command::Show { id, json } => commands::show(&project_dir(cli.project)?, &actor, &id, json),
        Command::Search(args) => commands::search(&project_dir(cli.project)?, &actor, args),
        Command::Verify { json } => commands::verify(&project_dir(cli.project)?, &actor, json),
        Command::Log { json, last } => {
            commands::log(&project_dir(cli.project)?, &actor, json, last)
        }
    }
}

/// Lets `casefile … | head` end quietly, as Unix tools do, instead of
/// panicking on a closed pipe (Rust ignores SIGPIPE by default).
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn project_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    casefile_app::sources::discover(&cwd).with_context(|| {
        format!(
            "no casefile project at or above {}: pass --project DIR, set CASEFILE_PROJECT, or run `casefile init DIR`",
            cwd.display()
        )
    })
}
