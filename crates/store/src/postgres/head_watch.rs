//! The audit head as PostgreSQL announces it, so that a server's requests
//! learn that nothing changed without a round trip each.
//!
//! Why: every request of a server starts by reading the audit head
//! ([`crate::Project::pin_head`]): the caches of credentials, entity pages
//! and the search index are each kept while the head stays where it was.
//! On PostgreSQL that read is a round trip, most of the time of a read
//! served from those caches. A server therefore watches the head
//! ([`super::PgStore::watch_audit_head`]):
//! - writes through this process move the watched head at their commit
//!   (`Writer::commit`), so a client always reads its own writes;
//! - writes by other processes (a second server, the CLI) arrive as
//!   notifications: migration 10 makes every move of `audit_head` notify the
//!   channel [`CHANNEL`], which PostgreSQL delivers to the listening
//!   connection right after the writer's commit (well under a millisecond
//!   on loopback);
//! - the listening connection also reads the head every [`REFRESH`], and a
//!   watch that has not heard from the database for [`STALE_AFTER`] is not
//!   trusted: reads go back to a round trip each until it has heard again.
//!   A lost connection is given up at once and made again.
//!
//! What a server gives up: a write by another process shows on this
//! server's requests once its notification has arrived, instead of on the
//! very next request; never later than [`STALE_AFTER`] whatever happens to
//! the connection. [`crate::Store::audit_head`] itself stays exact (verify
//! reads it); [`crate::Store::recent_audit_head`] is the watched one.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_postgres::{AsyncMessage, NoTls};

/// The channel that migration 10's trigger notifies with "schema seq".
pub(super) const CHANNEL: &str = "casefile_audit_head";
/// How often the listening connection reads the head itself.
pub(super) const REFRESH: Duration = Duration::from_millis(500);
/// A watch silent for longer than this is not trusted.
pub(super) const STALE_AFTER: Duration = Duration::from_millis(1500);
/// Wait before connecting again after the listening connection was lost.
const RETRY: Duration = Duration::from_millis(250);

/// The watched head, shared by the clones of one [`super::PgStore`].
#[derive(Debug)]
pub(super) struct HeadWatch {
    head: AtomicU64,
    /// Milliseconds after `epoch` (plus one) when the database was last
    /// heard from; 0 when the listening connection is down or not started.
    heard_at: AtomicU64,
    epoch: Instant,
    started: AtomicBool,
}

impl Default for HeadWatch {
    fn default() -> Self {
        HeadWatch {
            head: AtomicU64::new(0),
            heard_at: AtomicU64::new(0),
            epoch: Instant::now(),
            started: AtomicBool::new(false),
        }
    }
}

impl HeadWatch {
    /// The watched head, when the database was heard from recently enough
    /// for it to be trusted.
    pub(super) fn current(&self) -> Option<u64> {
        let heard = self.heard_at.load(Ordering::Acquire);
        if heard == 0 || self.now() - heard > STALE_AFTER.as_millis() as u64 {
            return None;
        }
        Some(self.head.load(Ordering::Acquire))
    }

    /// The head is at least `head` (a commit of this process, a
    /// notification, a read): heads only move forward.
    pub(super) fn saw(&self, head: u64) {
        self.head.fetch_max(head, Ordering::AcqRel);
    }

    /// True the first time only: the one listening task is started once.
    pub(super) fn start(&self) -> bool {
        !self.started.swap(true, Ordering::AcqRel)
    }

    fn heard(&self) {
        self.heard_at.store(self.now(), Ordering::Release);
    }

    fn lost(&self) {
        self.heard_at.store(0, Ordering::Release);
    }

    fn now(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64 + 1
    }
}

/// Listens for moves of the head for as long as the runtime runs,
/// connecting again whenever the connection is lost.
pub(super) async fn listen(watch: Arc<HeadWatch>, config: tokio_postgres::Config) {
    loop {
        // Whatever ended the connection, the watch is not trusted until a
        // new one has read the head.
        let _ = listen_once(&watch, &config).await;
        watch.lost();
        tokio::time::sleep(RETRY).await;
    }
}

/// Why the listening connection stopped.
#[derive(Debug)]
enum Lost {
    Database,
    Silent,
    Closed,
}

impl From<tokio_postgres::Error> for Lost {
    fn from(_: tokio_postgres::Error) -> Self {
        Lost::Database
    }
}

async fn listen_once(watch: &HeadWatch, config: &tokio_postgres::Config) -> Result<(), Lost> {
    let (client, mut connection) = config.connect(NoTls).await?;
    let (payloads, mut received) = tokio::sync::mpsc::unbounded_channel::<String>();
    // The connection delivers notifications only while it is polled; this
    // task ends when the client is dropped and the connection closes.
    tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(message) = futures_util::StreamExt::next(&mut messages).await {
            match message {
                Ok(AsyncMessage::Notification(n)) => {
                    if payloads.send(n.payload().to_string()).is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    });
    client.batch_execute(&format!("LISTEN {CHANNEL}")).await?;
    // Read after LISTEN: every commit after this read is announced.
    let schema: String = client
        .query_one("SELECT current_schema()", &[])
        .await?
        .try_get(0)?;
    let read_head = client.prepare("SELECT seq FROM audit_head").await?;
    let mut refresh = tokio::time::interval(REFRESH);
    refresh.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            payload = received.recv() => {
                let Some(payload) = payload else {
                    return Err(Lost::Closed);
                };
                if let Some(seq) = announced_head(&payload, &schema) {
                    watch.saw(seq);
                    watch.heard();
                }
            }
            _ = refresh.tick() => {
                let row = tokio::time::timeout(REFRESH, client.query_one(&read_head, &[]))
                    .await
                    .map_err(|_| Lost::Silent)??;
                let seq: i64 = row.try_get(0)?;
                watch.saw(seq.max(0) as u64);
                watch.heard();
            }
        }
    }
}

/// The head a notification announces for `schema` ("schema seq"); other
/// schemas (other projects in the same database) are not ours.
fn announced_head(payload: &str, schema: &str) -> Option<u64> {
    let (from, seq) = payload.rsplit_once(' ')?;
    if from != schema {
        return None;
    }
    seq.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_schemas_announcements_move_the_head() {
        assert_eq!(announced_head("public 42", "public"), Some(42));
        assert_eq!(announced_head("casefile_t1 7", "casefile_t1"), Some(7));
        assert_eq!(announced_head("casefile_t2 7", "casefile_t1"), None);
        assert_eq!(announced_head("public", "public"), None);
        assert_eq!(announced_head("public x", "public"), None);
    }

    #[test]
    fn a_watch_is_trusted_only_after_hearing_and_heads_only_move_forward() {
        let watch = HeadWatch::default();
        assert_eq!(watch.current(), None);
        watch.saw(5);
        assert_eq!(watch.current(), None, "not heard from yet");
        watch.heard();
        assert_eq!(watch.current(), Some(5));
        watch.saw(3);
        assert_eq!(watch.current(), Some(5));
        watch.lost();
        assert_eq!(watch.current(), None);
        assert!(watch.start());
        assert!(!watch.start());
    }
}
