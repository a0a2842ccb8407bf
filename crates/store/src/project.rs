//! Creating, finding and opening a project directory.

use crate::accounts::{AccountStore, SqliteAccountStore};
use crate::blobs::{BlobStore, Blobs};
use crate::postgres::{PgAccountStore, PgOptions, PgStore};
use crate::records::audit_record;
use crate::s3::{S3Blobs, S3Options};
use crate::search::{HitFilter, HitPage, SearchHit, SearchIndex, SearchQuery};
use crate::sqlite::SqliteStore;
use crate::store::{AuditQuery, Store};
use crate::{Result, StoreError};
use casefile_core::{AuditRecord, Source, SourceId};
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::cell::Cell;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

/// The marker file that makes a directory a project.
pub const CONFIG_FILE: &str = "casefile.toml";
const DB_FILE: &str = "casefile.db";
const BLOB_DIR: &str = "blobs";
const INDEX_DIR: &str = "index";
/// Most audit entries [`Project::derived`] reads to decide that a value made
/// before them still holds; after more, the value is made again.
pub const DERIVED_LOOK_BACK: u64 = 256;
/// Version of the directory layout; bumped on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// Settings kept in `casefile.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectConfig {
    pub format_version: u32,
    /// Files larger than this are refused at ingest (bytes).
    #[serde(default = "default_max_file_size")]
    pub max_file_size: u64,
    /// Registry CSVs larger than this are refused at import (bytes). Larger
    /// than for documents: a national list of a million children is ~100 MB.
    #[serde(default = "default_max_registry_size")]
    pub max_registry_size: u64,
    /// Who hands evidence packages over (`Source-Organization` of a bag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// `Contact-Name` of a bag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_name: Option<String>,
    /// `Contact-Email` of a bag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// True when the database is PostgreSQL (the directory then holds only
    /// these settings and the search index): opening it without the
    /// database, or an embedded project with one, is refused rather than
    /// mixing an index of one database with the rows of another.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub team_database: bool,
    /// On a team database, the name under which it records what this
    /// directory's search index holds (each server keeps its own index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_owner: Option<String>,
    /// Where the originals are when not in the project folder (the
    /// `s3://bucket/prefix` of `--blobs`), recorded at init: opening the
    /// project with other blobs, or without these, is refused, since the
    /// database's sources would then name originals that are elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blobs: Option<String>,
}

fn default_max_file_size() -> u64 {
    50 * 1024 * 1024
}

fn default_max_registry_size() -> u64 {
    1024 * 1024 * 1024
}

impl Default for ProjectConfig {
    fn default() -> Self {
        ProjectConfig {
            format_version: FORMAT_VERSION,
            max_file_size: default_max_file_size(),
            max_registry_size: default_max_registry_size(),
            organisation: None,
            contact_name: None,
            contact_email: None,
            team_database: false,
            index_owner: None,
            blobs: None,
        }
    }
}

/// Where a project's database and originals live when not in its directory:
/// PostgreSQL instead of the SQLite file, and an S3 bucket instead of the
/// blob folder (each independently). Connected once, then shared by every
/// [`Project`] opened with it (clones share the connection pool and the S3
/// client). The search index always stays in the directory: it is derived,
/// and each server keeps its own.
#[derive(Clone, Default)]
pub struct Backends {
    /// The database, with its accounts, when it is PostgreSQL.
    pub postgres: Option<PgStore>,
    /// The originals, when they are not in the project's folder.
    pub blobs: Option<Arc<dyn Blobs>>,
}

impl std::fmt::Debug for Backends {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Backends {
    /// Connects to the database at `database_url` (migrating its schema)
    /// and opens the blobs at `blobs_url` (`s3://bucket/prefix`); either may
    /// be absent, and the project directory then holds that part.
    pub fn connect(
        database_url: Option<&str>,
        pg: &PgOptions,
        blobs_url: Option<&str>,
        s3: &S3Options,
    ) -> Result<Backends> {
        let postgres = match database_url {
            Some(url) => Some(PgStore::connect_with(url, pg)?),
            None => None,
        };
        let blobs: Option<Arc<dyn Blobs>> = match blobs_url {
            Some(url) => Some(Arc::new(S3Blobs::open(url, s3)?)),
            None => None,
        };
        Ok(Backends { postgres, blobs })
    }

    /// True when nothing is outside the project directory.
    pub fn is_embedded(&self) -> bool {
        self.postgres.is_none() && self.blobs.is_none()
    }

    /// A short description for messages (no password, no key).
    pub fn describe(&self) -> String {
        let database = if self.postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        match &self.blobs {
            Some(blobs) => format!("{database}, originals in {}", blobs.location()),
            None => format!("{database}, originals in the project folder"),
        }
    }
}

/// An open project: its settings, database, originals and search index.
///
/// The database is reached only through the [`Store`] trait
/// ([`Project::store`], [`Project::store_mut`]), so that every caller works
/// the same on any backend.
pub struct Project {
    pub root: PathBuf,
    pub config: ProjectConfig,
    store: Box<dyn Store + Send>,
    /// Users, tokens and sessions of a team server (in the same database).
    accounts: Box<dyn AccountStore + Send>,
    /// The originals: the project's folder, or a shared object store.
    pub blobs: Arc<dyn Blobs>,
    index_dir: PathBuf,
    /// Where the database and originals are (for [`Project::sibling`]).
    backends: Backends,
    /// The search index and the derived values, shared with every sibling.
    shared: Arc<Shared>,
    /// The audit head read once for the request under way
    /// ([`Project::pin_head`]): every cache asks it instead of the database
    /// until the next write through [`Project::store_mut`] or
    /// [`Project::accounts_mut`], or [`Project::unpin_head`].
    pinned_head: Cell<Option<u64>>,
}

/// What a project shares with its siblings ([`Project::sibling`]): the
/// search index kept open between searches and the values derived from the
/// whole database, each tagged with the audit head it was made at. Every
/// write appends to the log, so while the head stays put there is nothing
/// new to index, reload or recompute, whichever connection (or process)
/// wrote.
#[derive(Default)]
struct Shared {
    index: RwLock<OpenIndex>,
    /// One slot per key; a slot's lock is held while its value is made, so
    /// that requests arriving meanwhile wait for that one computation
    /// instead of each starting its own.
    derived: Mutex<HashMap<&'static str, Arc<Mutex<Option<Derived>>>>>,
    /// The tables of [`Project::memo`], by name.
    memos: Mutex<HashMap<&'static str, Arc<Mutex<Memo>>>>,
}

/// A table of small values of [`Project::memo`], each made from the
/// database as it was at audit head `at` or later.
#[derive(Default)]
struct Memo {
    at: u64,
    values: HashMap<String, Arc<dyn Any + Send + Sync>>,
    /// The sum of the weights of `values`.
    weight: usize,
}

impl Memo {
    /// Keeps `value` (made at `head`, weighing `weight`) under `key`: only
    /// into the table of the state it was made in (a table moved on
    /// meanwhile may have been emptied by a write after `head`), and never
    /// past the table's capacity (the table is emptied first).
    fn keep(
        &mut self,
        table: &MemoTable,
        head: u64,
        key: &str,
        value: Arc<dyn Any + Send + Sync>,
        weight: usize,
    ) {
        if self.at != head || weight > table.capacity {
            return;
        }
        if self.weight.saturating_add(weight) > table.capacity {
            self.values.clear();
            self.weight = 0;
        }
        // A value made twice by racing requests is counted twice, which
        // only empties the table sooner.
        self.values.insert(key.to_string(), value);
        self.weight = self.weight.saturating_add(weight);
    }
}

/// Sources read by whole id ([`Project::source_rows`]).
const SOURCE_ROWS: MemoTable = MemoTable {
    name: "sources.rows",
    kept_by: sources_never_change,
    capacity: 64 << 20,
};

/// Every write leaves a source already stored as it was: sources are only
/// ever added (`source.ingest`), never updated or removed.
fn sources_never_change(_: &AuditRecord) -> bool {
    true
}

/// What a table of [`Project::memo`] holds and when it is emptied.
pub struct MemoTable {
    /// Its name among the project's tables (one per kind of value).
    pub name: &'static str,
    /// True of the audit entries whose writes cannot change any value of
    /// the table: after any other, the table is emptied.
    pub kept_by: fn(&AuditRecord) -> bool,
    /// The table is emptied when the weights of its values (as `make`
    /// tells them) would exceed this.
    pub capacity: usize,
}

/// The open search index and the audit head it was last caught up at.
#[derive(Default)]
struct OpenIndex {
    index: Option<SearchIndex>,
    seen_head: Option<u64>,
}

/// A value of [`Project::derived`] and the audit head it was computed at.
type Derived = (u64, Arc<dyn Any + Send + Sync>);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Whoever panicked holding it left either the old value or none.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A name for a new directory's search index that no other server shares:
/// a hash of the directory, the time and the process.
fn new_index_owner(dir: &Path) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let seed = format!("{}\n{nanos}\n{}", dir.display(), std::process::id());
    casefile_core::sha256_hex(seed.as_bytes())[..16].to_string()
}

impl Project {
    /// Creates a project in `dir` (which may exist but must be empty) and
    /// records the creation as the first audit entry.
    pub fn init(dir: &Path, actor: &str) -> Result<Project> {
        Project::init_with(dir, actor, &Backends::default())
    }

    /// [`Project::init`] with the database and originals in `backends`. On
    /// PostgreSQL the directory holds only the settings and this server's
    /// search index; `project.init` is logged only when the database's log
    /// is still empty (a second server joining an existing database logs
    /// nothing).
    pub fn init_with(dir: &Path, actor: &str, backends: &Backends) -> Result<Project> {
        if dir.join(CONFIG_FILE).exists() {
            return Err(StoreError::AlreadyAProject(dir.to_path_buf()));
        }
        if dir.exists() {
            let entries: Vec<_> = fs::read_dir(dir)
                .map_err(|e| StoreError::io(dir, e))?
                .flatten()
                .collect();
            // Only the leftovers of an init that crashed before writing the
            // marker may be cleared: nothing else can have used them.
            let leftover = |name: &str| {
                [
                    DB_FILE,
                    "casefile.db-wal",
                    "casefile.db-shm",
                    BLOB_DIR,
                    INDEX_DIR,
                ]
                .contains(&name)
            };
            if entries
                .iter()
                .any(|e| !e.file_name().to_str().is_some_and(leftover))
            {
                return Err(StoreError::NotEmpty {
                    path: dir.to_path_buf(),
                });
            }
            for entry in entries {
                let path = entry.path();
                let removed = if path.is_dir() {
                    fs::remove_dir_all(&path)
                } else {
                    fs::remove_file(&path)
                };
                removed.map_err(|e| StoreError::io(&path, e))?;
            }
        }
        fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let team = backends.postgres.is_some();
        let config = ProjectConfig {
            team_database: team,
            index_owner: team.then(|| new_index_owner(dir)),
            blobs: backends.blobs.as_ref().map(|b| b.location()),
            ..ProjectConfig::default()
        };
        let text = toml::to_string(&config).map_err(|e| StoreError::Config {
            path: dir.join(CONFIG_FILE),
            reason: e.to_string(),
        })?;
        let mut project = Project::open_parts(dir, config, backends)?;
        SearchIndex::create(&project.index_dir)?;
        if backends.postgres.is_none() || project.store.audit_head()? == 0 {
            project.store.append_audit(audit_record(
                actor,
                "project.init",
                vec![],
                serde_json::json!({ "format_version": FORMAT_VERSION }).to_string(),
            ))?;
        }
        // The marker is written last: a crash before this point leaves a
        // directory that is not yet a project and can simply be re-initialised.
        let header = "# casefile project settings\n";
        fs::write(dir.join(CONFIG_FILE), format!("{header}{text}"))
            .map_err(|e| StoreError::io(dir.join(CONFIG_FILE), e))?;
        Ok(project)
    }

    /// Opens the project in `dir`.
    pub fn open(dir: &Path) -> Result<Project> {
        Project::open_with(dir, &Backends::default())
    }

    /// Opens the project in `dir` with the database and originals in `backends`.
    pub fn open_with(dir: &Path, backends: &Backends) -> Result<Project> {
        let config_path = dir.join(CONFIG_FILE);
        let text = match fs::read_to_string(&config_path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NotAProject(dir.to_path_buf()))
            }
            Err(e) => return Err(StoreError::io(config_path, e)),
        };
        let config: ProjectConfig = toml::from_str(&text).map_err(|e| StoreError::Config {
            path: config_path.clone(),
            reason: e.message().to_string(),
        })?;
        if config.format_version > FORMAT_VERSION {
            return Err(StoreError::UnsupportedVersion {
                found: config.format_version,
                supported: FORMAT_VERSION,
            });
        }
        if config.team_database != backends.postgres.is_some() {
            let reason = if config.team_database {
                "its database is PostgreSQL: give the database URL (--database or CASEFILE_DATABASE)"
            } else {
                "it holds an embedded database: open it without a PostgreSQL URL"
            };
            return Err(StoreError::Config {
                path: config_path,
                reason: reason.to_string(),
            });
        }
        let given = backends.blobs.as_ref().map(|b| b.location());
        if config.blobs != given {
            let reason = match (&config.blobs, &given) {
                (None, _) => "its originals are in the project folder: open it without --blobs (CASEFILE_BLOBS)".to_string(),
                (Some(kept), None) => format!("its originals are in {kept}: give --blobs {kept} (or CASEFILE_BLOBS)"),
                (Some(kept), Some(given)) => format!("its originals are in {kept}, not in {given}"),
            };
            return Err(StoreError::Config {
                path: config_path,
                reason,
            });
        }
        Project::open_parts(dir, config, backends)
    }

    fn open_parts(dir: &Path, config: ProjectConfig, backends: &Backends) -> Result<Project> {
        let (store, accounts): (Box<dyn Store + Send>, Box<dyn AccountStore + Send>) =
            match &backends.postgres {
                Some(pg) => (
                    Box::new(match &config.index_owner {
                        Some(owner) => pg.with_index_owner(owner),
                        None => pg.clone(),
                    }),
                    Box::new(PgAccountStore::new(pg.clone())),
                ),
                None => (
                    Box::new(SqliteStore::open(&dir.join(DB_FILE))?),
                    // After the main store, whose schema the accounts' audit entries need.
                    Box::new(SqliteAccountStore::open(&dir.join(DB_FILE))?),
                ),
            };
        let blobs: Arc<dyn Blobs> = match &backends.blobs {
            Some(blobs) => Arc::clone(blobs),
            None => Arc::new(BlobStore::open(dir.join(BLOB_DIR))?),
        };
        Ok(Project {
            root: dir.to_path_buf(),
            config,
            store,
            accounts,
            blobs,
            index_dir: dir.join(INDEX_DIR),
            backends: backends.clone(),
            shared: Arc::default(),
            pinned_head: Cell::new(None),
        })
    }

    /// Another handle on this project, with a database connection of its own
    /// (SQLite) or the same pool (PostgreSQL), sharing the open search index
    /// and the derived values: what a server gives each of its concurrent
    /// requests, so that a value is computed once for all of them.
    pub fn sibling(&self) -> Result<Project> {
        let mut project = Project::open_parts(&self.root, self.config.clone(), &self.backends)?;
        project.shared = Arc::clone(&self.shared);
        Ok(project)
    }

    /// The case database.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// The case database, for writes (which move the audit head: the
    /// pinned head is let go).
    pub fn store_mut(&mut self) -> &mut dyn Store {
        self.pinned_head.set(None);
        self.store.as_mut()
    }

    /// Users, tokens and sessions.
    pub fn accounts(&self) -> &dyn AccountStore {
        self.accounts.as_ref()
    }

    /// Users, tokens and sessions, for writes (which move the audit head:
    /// the pinned head is let go).
    pub fn accounts_mut(&mut self) -> &mut dyn AccountStore {
        self.pinned_head.set(None);
        self.accounts.as_mut()
    }

    /// Reads the audit head once and keeps it for what follows: the
    /// caches ([`Project::derived`], [`Project::memo`], the search index)
    /// then ask no more round trips of the database to learn that it has
    /// not changed. A server pins the head at the start of each request, so
    /// that the request sees the database at least as it was when the
    /// request began (as when each cache read the head itself), for one
    /// read of the head instead of one per cache. The next write through
    /// this project lets it go. On a PostgreSQL store whose head is watched
    /// ([`crate::PgStore::watch_audit_head`]) the read is made in memory: the
    /// request then sees every write of this process, and another process's
    /// once its announcement has arrived.
    pub fn pin_head(&self) -> Result<u64> {
        let head = self.store.recent_audit_head()?;
        self.pinned_head.set(Some(head));
        Ok(head)
    }

    /// Lets the pinned head go: the caches read the head again each time.
    pub fn unpin_head(&self) {
        self.pinned_head.set(None);
    }

    /// The pinned audit head, or the database's as this process last
    /// learned it ([`Store::recent_audit_head`]).
    pub fn audit_head(&self) -> Result<u64> {
        match self.pinned_head.get() {
            Some(head) => Ok(head),
            None => self.store.recent_audit_head(),
        }
    }

    /// The nearest directory at or above `start` that holds a project.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .find(|dir| dir.join(CONFIG_FILE).is_file())
            .map(Path::to_path_buf)
    }

    /// Opens the search index, first indexing any source the index is missing
    /// (after a crash between a database commit and an index commit, or after
    /// the index folder was deleted to be rebuilt).
    pub fn search_index(&mut self) -> Result<SearchIndex> {
        Ok(self.search_index_caught_up()?.0)
    }

    /// [`Project::search_index`], also returning how many sources it had to index.
    pub fn search_index_caught_up(&mut self) -> Result<(SearchIndex, usize)> {
        // An index made by a build with other fields is made again.
        let rebuilt = !self.index_dir.join("meta.json").exists()
            || !SearchIndex::has_current_schema(&self.index_dir);
        let mut index = if rebuilt {
            self.store.mark_all_unindexed()?;
            SearchIndex::create(&self.index_dir)?
        } else {
            SearchIndex::open(&self.index_dir)?
        };
        let indexed = index.catch_up(self.store.as_mut())?;
        Ok((index, indexed))
    }

    /// The value named `key` computed by `make` from the database, kept
    /// while the audit head stays where it was when it was made: every write
    /// appends to the log, so an unchanged head means unchanged data. For
    /// values that cost a pass over many rows (entities resolved across
    /// sources); `make` must depend on the database alone. Shared with the
    /// project's siblings; while one of them makes the value the others
    /// asking for it wait and then take it.
    ///
    /// `kept_by` tells the audit entries whose writes cannot change the
    /// value: when every entry written since the value was made is one of
    /// them, the value is kept rather than made again. On a team server a
    /// tracer's read of a registry or a case edit is written to the log
    /// every few seconds; without this, each would throw away the entities
    /// resolved across every source. Any other action, or more entries than
    /// [`DERIVED_LOOK_BACK`], makes the value again.
    pub fn derived<T, E>(
        &self,
        key: &'static str,
        kept_by: fn(&AuditRecord) -> bool,
        make: impl FnOnce(&dyn Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        E: From<StoreError>,
    {
        let head = self.audit_head()?;
        let slot = Arc::clone(lock(&self.shared.derived).entry(key).or_default());
        let mut slot = lock(&slot);
        // A value made at this head or later (while we waited) will do: a
        // later one holds every write up to this head too.
        if let Some((at, value)) = slot.as_mut() {
            let current = *at >= head || self.only_actions_since(*at, head, kept_by)?;
            if current {
                if let Ok(value) = Arc::clone(value).downcast::<T>() {
                    *at = head.max(*at);
                    return Ok(value);
                }
            }
        }
        let value = Arc::new(make(self.store.as_ref())?);
        *slot = Some((head, value.clone() as Arc<dyn Any + Send + Sync>));
        Ok(value)
    }

    /// True when `kept_by` holds for every audit entry after position `at`
    /// up to `head` (see [`Project::derived`]).
    fn only_actions_since(
        &self,
        at: u64,
        head: u64,
        kept_by: fn(&AuditRecord) -> bool,
    ) -> Result<bool> {
        let since = head - at;
        if since > DERIVED_LOOK_BACK {
            return Ok(false);
        }
        let entries = self.store.audit_page(&AuditQuery {
            before: Some(head + 1),
            limit: since as usize,
            ..AuditQuery::default()
        })?;
        // Positions are consecutive; anything else (a log being rewritten
        // under us) is not trusted to be harmless.
        Ok(entries.len() as u64 == since
            && entries.iter().all(|e| e.seq > at && kept_by(&e.record)))
    }

    /// The value under `key` in `table`, made by `make` from the database
    /// (with its weight) when the table lacks it; kept while the audit head
    /// stays where it was, or moves only by entries that `table.kept_by`
    /// says cannot change it (see [`Project::derived`]). For many small
    /// values of one kind, each cheap to make but asked for on every
    /// request (who a token belongs to, a page of an entity): one check of
    /// the log per move of the head serves every value of the table.
    /// Shared with the project's siblings. `make` must depend on the
    /// database and `key` alone.
    pub fn memo<T, E>(
        &self,
        table: &MemoTable,
        key: &str,
        make: impl FnOnce(&dyn Store) -> std::result::Result<(T, usize), E>,
    ) -> std::result::Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        E: From<StoreError>,
    {
        let head = self.audit_head()?;
        let slot = self.memo_table(table);
        {
            let mut memo = lock(&slot);
            self.memo_at_head(&mut memo, table, head)?;
            // A table made at a later head than this request's holds every
            // write up to this head too.
            if let Some(value) = memo.values.get(key) {
                if let Ok(value) = Arc::clone(value).downcast::<T>() {
                    return Ok(value);
                }
            }
        }
        // Made without the table locked: other keys need not wait.
        let (value, weight) = make(self.store.as_ref())?;
        let value = Arc::new(value);
        lock(&slot).keep(table, head, key, value.clone(), weight);
        Ok(value)
    }

    /// The sources with these whole ids that exist, in the order asked,
    /// each kept once read: a source never changes once ingested (its id
    /// is the SHA-256 of its original, and no write updates or removes
    /// one), so a source read again (its page, a search hit's snippet)
    /// costs no database read, whatever was written since. Those not kept
    /// yet are read in one query. Up to 64 MiB of text is kept, shared with
    /// the siblings.
    pub fn source_rows(&self, ids: &[SourceId]) -> Result<Vec<Arc<Source>>> {
        let head = self.audit_head()?;
        let slot = self.memo_table(&SOURCE_ROWS);
        let mut found: HashMap<String, Arc<Source>> = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        {
            let mut memo = lock(&slot);
            self.memo_at_head(&mut memo, &SOURCE_ROWS, head)?;
            for id in ids {
                let kept = memo.values.get(&id.0).cloned();
                match kept.and_then(|value| value.downcast::<Source>().ok()) {
                    Some(source) => {
                        found.insert(id.0.clone(), source);
                    }
                    None => missing.push(id.clone()),
                }
            }
        }
        if !missing.is_empty() {
            let read = self.store.sources_by_id(&missing)?;
            let mut memo = lock(&slot);
            for source in read {
                // The text and a generous allowance for the rest of the row.
                let weight = source.text.len() + 1024;
                let source = Arc::new(source);
                memo.keep(&SOURCE_ROWS, head, &source.id.0, source.clone(), weight);
                found.insert(source.id.0.clone(), source);
            }
        }
        Ok(ids
            .iter()
            .filter_map(|id| found.get(&id.0).cloned())
            .collect())
    }

    /// The shared table of `table`, made empty the first time.
    fn memo_table(&self, table: &MemoTable) -> Arc<Mutex<Memo>> {
        Arc::clone(lock(&self.shared.memos).entry(table.name).or_default())
    }

    /// Brings `memo` to `head`: emptied unless every audit entry since it
    /// was last brought is one that `table.kept_by` keeps. Done with the
    /// table locked, so that one request checks the log for all of them.
    fn memo_at_head(&self, memo: &mut Memo, table: &MemoTable, head: u64) -> Result<()> {
        if memo.at < head {
            if !self.only_actions_since(memo.at, head, table.kept_by)? {
                memo.values.clear();
                memo.weight = 0;
            }
            memo.at = head;
        }
        Ok(())
    }

    /// Full-text search with the index kept open (and shared with the
    /// siblings): caught up (and reloaded) only when the audit head moved
    /// since the last search, i.e. when something may have been written by
    /// this or another process. Searches run side by side; a catch-up runs
    /// alone.
    pub fn search(&mut self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        Ok(self.search_page(query, None, 0)?.hits)
    }

    /// [`SearchIndex::search_page`] on the shared index, as [`Project::search`].
    pub fn search_page(
        &mut self,
        query: &SearchQuery,
        keep: Option<HitFilter<'_>>,
        window: usize,
    ) -> Result<HitPage> {
        // The hits' rows kept for the next search and source read.
        self.with_index(|index, project| {
            index.search_page_with(&|ids| project.source_rows(ids), query, keep, window)
        })
    }

    /// Runs `f` on the shared index, caught up first when the audit head
    /// moved since it last was.
    fn with_index<T>(&mut self, f: impl Fn(&SearchIndex, &Project) -> Result<T>) -> Result<T> {
        let head = self.audit_head()?;
        {
            let open = self.shared.index.read().unwrap_or_else(|p| p.into_inner());
            if let Some(index) = self.fresh(&open, head) {
                return f(index, self);
            }
        }
        self.open_search_at(head)?;
        let open = self.shared.index.read().unwrap_or_else(|p| p.into_inner());
        match &open.index {
            Some(index) => f(index, self),
            None => Err(StoreError::Corrupt {
                what: "search index".into(),
                reason: "not open".into(),
            }),
        }
    }

    /// Opens the shared search index and catches it up, ahead of the first
    /// search (a server does this at start).
    pub fn open_search(&mut self) -> Result<()> {
        let head = self.audit_head()?;
        self.open_search_at(head)
    }

    /// The shared index when it was caught up at `head` (and still exists).
    fn fresh<'o>(&self, open: &'o OpenIndex, head: u64) -> Option<&'o SearchIndex> {
        let current = open.seen_head == Some(head) && self.index_dir.join("meta.json").exists();
        open.index.as_ref().filter(|_| current)
    }

    fn open_search_at(&mut self, head: u64) -> Result<()> {
        let shared = Arc::clone(&self.shared);
        let mut open = shared.index.write().unwrap_or_else(|p| p.into_inner());
        if self.fresh(&open, head).is_some() {
            return Ok(());
        }
        let kept = open
            .index
            .as_mut()
            .filter(|_| self.index_dir.join("meta.json").exists());
        match kept {
            // The open index only needs what was written since.
            Some(index) => {
                index.catch_up(self.store.as_mut())?;
            }
            None => {
                open.index = None;
                open.index = Some(self.search_index_caught_up()?.0);
            }
        }
        // Seen only when nothing is left to index: another process may
        // hold the writer and commit the rest after this search.
        open.seen_head = open
            .index
            .as_ref()
            .filter(|index| index.is_caught_up())
            .map(|_| head);
        Ok(())
    }

    /// Path of the database file (for diagnostics and tests).
    pub fn database_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn reads_only(record: &AuditRecord) -> bool {
        record.action == "registry.read"
    }

    /// How many times `make` ran when the value is asked for once.
    fn ask(project: &Project, made: &AtomicUsize) -> usize {
        let value = project
            .derived("test.value", reads_only, |_| -> Result<usize> {
                Ok(made.fetch_add(1, Ordering::SeqCst) + 1)
            })
            .unwrap_or_else(|e| panic!("derived: {e}"));
        *value
    }

    fn log(project: &mut Project, action: &str, times: usize) {
        for _ in 0..times {
            project
                .store_mut()
                .append_audit(audit_record("t", action, vec![], "{}".into()))
                .unwrap_or_else(|e| panic!("append {action}: {e}"));
        }
    }

    #[test]
    fn a_derived_value_outlives_the_writes_that_cannot_change_it_and_no_other() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut project = Project::init(dir.path(), "t").unwrap_or_else(|e| panic!("init: {e}"));
        let made = AtomicUsize::new(0);
        assert_eq!(ask(&project, &made), 1);
        assert_eq!(ask(&project, &made), 1, "an unchanged head keeps the value");
        log(&mut project, "registry.read", 3);
        assert_eq!(ask(&project, &made), 1, "reads alone keep it");
        log(&mut project, "registry.read", 1);
        log(&mut project, "source.ingest", 1);
        assert_eq!(ask(&project, &made), 2, "any other write makes it again");
        let many = usize::try_from(DERIVED_LOOK_BACK).unwrap_or(usize::MAX) + 1;
        log(&mut project, "registry.read", many);
        assert_eq!(
            ask(&project, &made),
            3,
            "more than the look-back makes it again"
        );
        let sibling = project.sibling().unwrap_or_else(|e| panic!("sibling: {e}"));
        log(&mut project, "registry.read", 2);
        assert_eq!(ask(&sibling, &made), 3, "siblings share the kept value");
    }

    const TABLE: MemoTable = MemoTable {
        name: "test.memo",
        kept_by: reads_only,
        capacity: 3,
    };

    /// The value of `key`, and whether it was made (not found in the table).
    fn recall(project: &Project, key: &str, weight: usize) -> (String, bool) {
        let mut made = false;
        let value = project
            .memo(&TABLE, key, |_| -> Result<(String, usize)> {
                made = true;
                Ok((format!("value of {key}"), weight))
            })
            .unwrap_or_else(|e| panic!("memo: {e}"));
        (value.to_string(), made)
    }

    #[test]
    fn memos_are_kept_per_state_of_the_database_and_within_their_capacity() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut project = Project::init(dir.path(), "t").unwrap_or_else(|e| panic!("init: {e}"));
        assert_eq!(recall(&project, "a", 1), ("value of a".into(), true));
        assert!(!recall(&project, "a", 1).1, "kept");
        assert!(recall(&project, "b", 1).1);
        log(&mut project, "registry.read", 2);
        assert!(!recall(&project, "a", 1).1, "reads alone keep it");
        log(&mut project, "user.role", 1);
        assert!(
            recall(&project, "a", 1).1,
            "any other write empties the table"
        );
        assert!(recall(&project, "b", 2).1);
        assert!(recall(&project, "c", 1).1, "over the capacity: emptied");
        assert!(recall(&project, "a", 1).1);
        assert!(!recall(&project, "c", 1).1);
        assert!(recall(&project, "huge", 4).1);
        assert!(
            recall(&project, "huge", 4).1,
            "heavier than the table: never kept"
        );

        // A pinned head: writes elsewhere are seen once it is let go, and a
        // write through this project lets it go.
        let sibling = project.sibling().unwrap_or_else(|e| panic!("sibling: {e}"));
        assert!(!recall(&sibling, "c", 1).1, "siblings share the table");
        sibling.pin_head().unwrap_or_else(|e| panic!("pin: {e}"));
        log(&mut project, "user.disable", 1);
        assert!(!recall(&sibling, "c", 1).1, "pinned before the write");
        sibling.unpin_head();
        assert!(recall(&sibling, "c", 1).1, "the write is seen");
        project.pin_head().unwrap_or_else(|e| panic!("pin: {e}"));
        log(&mut project, "user.role", 1);
        assert!(recall(&project, "c", 1).1, "its own write let the pin go");
    }
}
