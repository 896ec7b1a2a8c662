//! The thread that runs every check.
//!
//! Checks used to run on tokio's blocking pool, on whichever thread was free. glibc gives
//! each such thread its own allocator arena and seldom hands their memory back, so a
//! long session kept several copies of a large draft's analysis: 130 MB peak on a
//! 100,000-word draft against 68 MB with all checks on one thread. One thread also bounds
//! the CPU a server takes from the editor. Open drafts go first: a whole-workspace check
//! queued behind them never delays the diagnostics of a keystroke.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};

type Job = Box<dyn FnOnce() + Send>;

/// How soon a job should run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    /// An open draft the writer is looking at.
    Open,
    /// A file of the workspace that is not open.
    Background,
}

#[derive(Default)]
struct Queues {
    open: VecDeque<Job>,
    background: VecDeque<Job>,
}

#[derive(Default)]
struct Shared {
    queues: Mutex<Queues>,
    ready: Condvar,
}

/// The check thread, started on the first job.
#[derive(Default)]
pub struct Checker {
    shared: Arc<Shared>,
    started: OnceLock<Result<(), String>>,
}

impl Checker {
    /// Runs `job` on the check thread. `Err` says why it did not finish: it panicked (the
    /// thread goes on with the next job), or the thread could not be started.
    pub async fn run<T: Send + 'static>(
        &self,
        priority: Priority,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, String> {
        self.started
            .get_or_init(|| {
                let shared = Arc::clone(&self.shared);
                std::thread::Builder::new()
                    .name("copydesk-check".into())
                    .spawn(move || shared.work())
                    .map(drop)
                    .map_err(|e| format!("cannot start the check thread: {e}"))
            })
            .clone()?;
        let (tx, rx) = tokio::sync::oneshot::channel();
        let wrapped: Job = Box::new(move || {
            let result =
                catch_unwind(AssertUnwindSafe(job)).map_err(|panic| panic_message(&*panic));
            let _ = tx.send(result);
        });
        {
            let mut queues = lock(&self.shared.queues);
            match priority {
                Priority::Open => queues.open.push_back(wrapped),
                Priority::Background => queues.background.push_back(wrapped),
            }
        }
        self.shared.ready.notify_one();
        rx.await
            .unwrap_or_else(|_| Err("the check thread stopped".to_string()))
    }
}

impl Shared {
    fn work(&self) {
        loop {
            let job = {
                let mut queues = lock(&self.queues);
                loop {
                    if let Some(job) = queues
                        .open
                        .pop_front()
                        .or_else(|| queues.background.pop_front())
                    {
                        break job;
                    }
                    queues = self
                        .ready
                        .wait(queues)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            };
            job();
        }
    }
}

/// Jobs run outside the lock and panics are caught, so a poisoned lock is still sound.
fn lock(queues: &Mutex<Queues>) -> MutexGuard<'_, Queues> {
    queues.lock().unwrap_or_else(PoisonError::into_inner)
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_and_survives_a_panic() {
        let checker = Checker::default();
        assert_eq!(checker.run(Priority::Open, || 2 + 2).await, Ok(4));
        let failed = checker
            .run(Priority::Background, || -> u8 { panic!("boom") })
            .await;
        assert_eq!(failed, Err("boom".to_string()));
        assert_eq!(
            checker.run(Priority::Open, || "still here").await,
            Ok("still here")
        );
    }
}
