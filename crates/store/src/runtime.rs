//! A small owned tokio runtime that lets the sync [`crate::Store`] and
//! [`crate::Blobs`] traits drive the async clients underneath them
//! (tokio-postgres, object_store).
//!
//! Callers block on it from their own threads: the CLI's main thread, the
//! server's blocking pool (`spawn_blocking`). Blocking from inside an async
//! task is refused by tokio, as it is for any sync database client.

use crate::{Result, StoreError};
use std::future::Future;

/// One multi-threaded runtime with a single worker: the worker drives the
/// sockets while each caller's future runs on the caller's own thread, so
/// many request threads can wait at once.
pub(crate) struct BlockingRuntime {
    /// `None` only while being dropped.
    runtime: Option<tokio::runtime::Runtime>,
}

impl BlockingRuntime {
    pub(crate) fn new(thread_name: &str) -> Result<BlockingRuntime> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name(thread_name)
            .enable_all()
            .build()
            .map_err(|e| StoreError::io(format!("runtime {thread_name}"), e))?;
        Ok(BlockingRuntime {
            runtime: Some(runtime),
        })
    }

    /// Runs `future` in the background on the runtime's worker, for as
    /// long as the runtime lives.
    pub(crate) fn spawn<F>(&self, future: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        if let Some(runtime) = &self.runtime {
            runtime.spawn(future);
        }
    }

    /// Runs `future` to completion on the calling thread.
    pub(crate) fn block_on<F: Future>(&self, future: F) -> F::Output {
        match &self.runtime {
            Some(runtime) => runtime.block_on(future),
            None => unreachable!("the runtime is only taken by drop"),
        }
    }
}

impl Drop for BlockingRuntime {
    fn drop(&mut self) {
        // A plain drop waits for the worker and panics when the last handle
        // happens to be dropped inside an async task (e.g. a server shutting
        // down); this one returns at once.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}
