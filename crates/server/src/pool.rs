//! Open projects for the blocking threads that run operations.
//!
//! A [`Project`] is not `Sync` (it may hold a SQLite connection), so each
//! operation gets one to itself: taken from the idle list, or opened as a
//! sibling of the first when none is idle, and put back afterwards. The
//! siblings share the open search index and the values derived from the
//! whole database (entities resolved across sources), so each is made once
//! for every request; the pool makes them as it opens and after every
//! write, in the background, so that no request waits for them. SQLite in WAL mode lets the
//! connections read side by side; writes go through one gate, because the
//! search index allows one writer at a time and the application layer's
//! writes read before they write.

use crate::auth::{authenticate, Credentials};
use crate::error::ApiError;
use casefile_app::{browse, claims, entities, sources, Actor, AppError, Backends, Project};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Semaphore;

/// Most projects kept open while idle.
const MAX_IDLE: usize = 32;

/// Reads that run at once, per core. A read is mostly CPU (a search, a
/// page of statements); with one thread per waiting request, 32 clients on
/// two cores share them in slices, and a long search is stretched by every
/// other one. A few at a time, the rest waiting their turn in order, keeps
/// the slowest reads close to the typical ones.
const READS_PER_CORE: usize = 2;

/// Whether an operation may change the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The projects of one directory, shared by every request.
pub struct ProjectPool {
    /// The first project opened: the others are its siblings.
    first: Mutex<Project>,
    idle: Mutex<Vec<Project>>,
    write_gate: Mutex<()>,
    /// Turns for reads (see [`READS_PER_CORE`]); writes go through
    /// `write_gate` instead, one at a time.
    reads: Arc<Semaphore>,
    warming: Mutex<Warming>,
}

/// Whether [`ProjectPool::warm`] is running, and whether a write came
/// since it started.
#[derive(Default)]
struct Warming {
    running: bool,
    again: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere cannot leave a list of projects or a unit half-changed.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl ProjectPool {
    /// Opens the project in `dir` once, so that a wrong directory fails at start.
    pub fn open(dir: PathBuf, backends: Backends) -> Result<ProjectPool, AppError> {
        let first = sources::open_with(&dir, &backends)?;
        // Every request reads the audit head; on PostgreSQL the server
        // learns it from the database's announcements instead of a round
        // trip each (a write elsewhere shows once announced, well under a
        // millisecond on loopback; see casefile_store's head_watch.rs).
        if let Some(pg) = &backends.postgres {
            pg.watch_audit_head();
        }
        let idle = vec![first.sibling()?];
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(ProjectPool {
            first: Mutex::new(first),
            idle: Mutex::new(idle),
            write_gate: Mutex::new(()),
            reads: Arc::new(Semaphore::new(cores * READS_PER_CORE)),
            warming: Mutex::default(),
        })
    }

    /// Brings the search index up to date, resolves the entities, groups
    /// the claims and counts the overview's figures, on a thread of its
    /// own: requests that need them meanwhile wait for this one computation
    /// rather than start their own. Called at start and after every write,
    /// so that the write, not the next reader, pays for what it changed
    /// (after an ingest, resolving the entities again takes a second on a
    /// large project; after a case edit, nothing needs making). Calls while
    /// one runs are folded into one more round after it.
    pub fn warm(self: &Arc<Self>) {
        {
            let mut warming = lock(&self.warming);
            if warming.running {
                warming.again = true;
                return;
            }
            warming.running = true;
        }
        let pool = Arc::clone(self);
        std::thread::spawn(move || loop {
            let warmed = pool.run_blocking(Access::Read, |project| {
                sources::warm(project)?;
                entities::warm(project)?;
                claims::warm(project)?;
                browse::warm(project)?;
                Ok(())
            });
            if let Err(e) = warmed {
                // The requests that need them will make them (and report).
                eprintln!("casefile serve: warming up: {}", e.message);
            }
            let mut warming = lock(&pool.warming);
            if !std::mem::take(&mut warming.again) {
                warming.running = false;
                return;
            }
        });
    }

    fn checkout(&self) -> Result<Project, AppError> {
        if let Some(project) = lock(&self.idle).pop() {
            return Ok(project);
        }
        Ok(lock(&self.first).sibling()?)
    }

    fn checkin(&self, project: Project) {
        let mut idle = lock(&self.idle);
        if idle.len() < MAX_IDLE {
            idle.push(project);
        }
    }

    /// Runs `f` on a blocking thread with a project, without authentication
    /// (login, and the job runner once a request was authenticated).
    pub async fn run<T, F>(self: &Arc<Self>, access: Access, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Project) -> Result<T, ApiError> + Send + 'static,
    {
        // The turn goes with the work: a client that disconnects drops this
        // future, not the read already running.
        let turn = match access {
            Access::Read => Some(
                Arc::clone(&self.reads)
                    .acquire_owned()
                    .await
                    .map_err(|_| ApiError::internal())?,
            ),
            Access::Write => None,
        };
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let out = pool.run_blocking(access, f);
            drop(turn);
            out
        })
        .await
        .map_err(|_| ApiError::internal())?
    }

    /// [`ProjectPool::run`] on the current thread. After a write, what the
    /// write may have changed is made again in the background ([`ProjectPool::warm`]).
    pub fn run_blocking<T, F>(self: &Arc<Self>, access: Access, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut Project) -> Result<T, ApiError>,
    {
        let mut project = self.checkout()?;
        let out = {
            let _gate = (access == Access::Write).then(|| lock(&self.write_gate));
            // One read of the audit head for the whole request: the
            // credentials, the derived values and the search index are
            // each checked against it rather than asking the database
            // again (a round trip each on PostgreSQL). A write lets it go.
            match project.pin_head() {
                Ok(_) => f(&mut project),
                Err(e) => Err(ApiError::from(AppError::from(e))),
            }
        };
        project.unpin_head();
        self.checkin(project);
        if access == Access::Write {
            self.warm();
        }
        out
    }

    /// Authenticates `credentials` and runs `f` as that actor on a blocking thread.
    pub async fn act<T, F>(
        self: &Arc<Self>,
        credentials: Credentials,
        access: Access,
        f: F,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Project, &Actor) -> Result<T, AppError> + Send + 'static,
    {
        self.run(access, move |project| {
            let actor = authenticate(project, &credentials)?;
            Ok(f(project, &actor)?)
        })
        .await
    }

    /// Only authenticates: the actor behind `credentials`.
    pub async fn actor(self: &Arc<Self>, credentials: Credentials) -> Result<Actor, ApiError> {
        self.run(Access::Read, move |project| {
            authenticate(project, &credentials)
        })
        .await
    }
}
