//! A small pool of worker threads for bulk rows: they share the one client
//! (and so its rate-limit state), take rows in input order, and the results
//! come back in input order whatever order they finish in.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::bulk::BulkRow;
use crate::error::{clean, Error, Result};

/// Status lines and the progress bar of a run, on stderr.
pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Progress {
    /// A bar only when stderr is a terminal, there is more than one row and
    /// `--quiet` is not given.
    pub fn new(rows: usize, stderr_is_terminal: bool, quiet: bool) -> Progress {
        let bar = (stderr_is_terminal && !quiet && rows > 1).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(rows as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} rows  {elapsed} elapsed, eta {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, quiet }
    }

    /// A message for people, above the bar.
    pub fn say(&self, msg: &str) {
        if self.quiet {
            return;
        }
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{}", clean(msg))),
            None => eprintln!("{}", clean(msg)),
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Run `work` on every target with `concurrency` threads. After
/// `max_errors` failed rows no new row is started; the rows never started
/// come back `failed` with a "skipped" error, nothing sent for them.
/// `Err` from `work` (the audit log failed) stops the run and is returned.
pub fn run<F>(
    targets: &[String],
    concurrency: usize,
    max_errors: Option<usize>,
    progress: &Progress,
    work: F,
) -> Result<Vec<BulkRow>>
where
    F: Fn(&str) -> Result<BulkRow> + Sync,
{
    let next = AtomicUsize::new(0);
    let failures = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let fatal: Mutex<Option<Error>> = Mutex::new(None);
    let slots: Vec<Mutex<Option<BulkRow>>> = targets.iter().map(|_| Mutex::new(None)).collect();
    let worker = || loop {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let i = next.fetch_add(1, Ordering::SeqCst);
        let Some(who) = targets.get(i) else { return };
        match work(who) {
            Ok(row) => {
                if row.is_failed() {
                    let n = failures.fetch_add(1, Ordering::SeqCst) + 1;
                    if max_errors.is_some_and(|m| n >= m) {
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                if let Some(slot) = slots.get(i) {
                    *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(row);
                }
            }
            Err(e) => {
                stop.store(true, Ordering::SeqCst);
                fatal
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get_or_insert(e);
            }
        }
        progress.tick();
    };
    let threads = concurrency.clamp(1, targets.len().max(1));
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(worker);
        }
        worker();
    });
    progress.done();
    if let Some(e) = fatal.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    let limit = max_errors.unwrap_or(0);
    Ok(slots
        .into_iter()
        .zip(targets)
        .map(|(slot, who)| {
            slot.into_inner()
                .unwrap_or_else(|p| p.into_inner())
                .unwrap_or_else(|| {
                    let e = Error::failed(format!(
                        "skipped: --max-errors {limit} was reached before this row started; nothing was sent"
                    ));
                    BulkRow::failed(who, None, e)
                })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("u{i}")).collect()
    }

    #[test]
    fn keeps_input_order() {
        let t = targets(50);
        let quiet = Progress::new(50, false, true);
        let rows = run(&t, 8, None, &quiet, |who| {
            let n: u64 = who[1..].parse().unwrap();
            std::thread::sleep(std::time::Duration::from_millis((50 - n) % 7));
            Ok(BulkRow::ok(who, "00u", "added"))
        })
        .unwrap();
        let users: Vec<&str> = rows.iter().map(|r| r.user.as_str()).collect();
        assert_eq!(users, t.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn max_errors_stops_starting_rows() {
        let t = targets(20);
        let quiet = Progress::new(20, false, true);
        let rows = run(&t, 1, Some(2), &quiet, |who| {
            Ok(BulkRow::failed(who, None, Error::not_found("no such user")))
        })
        .unwrap();
        assert_eq!(rows.len(), 20);
        assert!(rows[0].error.as_deref() == Some("no such user"));
        assert!(rows[2].error.as_deref().unwrap().starts_with("skipped"));
        assert!(rows.iter().all(BulkRow::is_failed));
    }
}
