//! Creating, finding and opening a project directory.

use crate::accounts::{AccountStore, SqliteAccountStore};
use crate::blobs::BlobStore;
use crate::records::audit_record;
use crate::search::SearchIndex;
use crate::sqlite::SqliteStore;
use crate::store::Store;
use crate::{Result, StoreError};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// The marker file that makes a directory a project.
pub const CONFIG_FILE: &str = "casefile.toml";
const DB_FILE: &str = "casefile.db";
const BLOB_DIR: &str = "blobs";
const INDEX_DIR: &str = "index";
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
    pub blobs: BlobStore,
    index_dir: PathBuf,
}

impl Project {
    /// Creates a project in `dir` (which may exist but must be empty) and
    /// records the creation as the first audit entry.
    pub fn init(dir: &Path, actor: &str) -> Result<Project> {
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
        let config = ProjectConfig::default();
        let text = toml::to_string(&config).map_err(|e| StoreError::Config {
            path: dir.join(CONFIG_FILE),
            reason: e.to_string(),
        })?;
        let mut project = Project::open_parts(dir, config)?;
        SearchIndex::create(&project.index_dir)?;
        project.store.append_audit(audit_record(
            actor,
            "project.init",
            vec![],
            serde_json::json!({ "format_version": FORMAT_VERSION }).to_string(),
        ))?;
        // The marker is written last: a crash before this point leaves a
        // directory that is not yet a project and can simply be re-initialised.
        let header = "# casefile project settings\n";
        fs::write(dir.join(CONFIG_FILE), format!("{header}{text}"))
            .map_err(|e| StoreError::io(dir.join(CONFIG_FILE), e))?;
        Ok(project)
    }

    /// Opens the project in `dir`.
    pub fn open(dir: &Path) -> Result<Project> {
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
        Project::open_parts(dir, config)
    }

    fn open_parts(dir: &Path, config: ProjectConfig) -> Result<Project> {
        let store = Box::new(SqliteStore::open(&dir.join(DB_FILE))?);
        // After the main store, whose schema the accounts' audit entries need.
        let accounts = Box::new(SqliteAccountStore::open(&dir.join(DB_FILE))?);
        let blobs = BlobStore::open(dir.join(BLOB_DIR))?;
        Ok(Project {
            root: dir.to_path_buf(),
            config,
            store,
            accounts,
            blobs,
            index_dir: dir.join(INDEX_DIR),
        })
    }

    /// The case database.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// The case database, for writes.
    pub fn store_mut(&mut self) -> &mut dyn Store {
        self.store.as_mut()
    }

    /// Users, tokens and sessions.
    pub fn accounts(&self) -> &dyn AccountStore {
        self.accounts.as_ref()
    }

    /// Users, tokens and sessions, for writes.
    pub fn accounts_mut(&mut self) -> &mut dyn AccountStore {
        self.accounts.as_mut()
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
        let rebuilt = !self.index_dir.join("meta.json").exists();
        let mut index = if rebuilt {
            self.store.mark_all_unindexed()?;
            SearchIndex::create(&self.index_dir)?
        } else {
            SearchIndex::open(&self.index_dir)?
        };
        let indexed = index.catch_up(self.store.as_mut())?;
        Ok((index, indexed))
    }

    /// Path of the database file (for diagnostics and tests).
    pub fn database_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }
}
