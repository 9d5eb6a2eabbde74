//! `lockouts --watch` and `--once`: new lock-outs as they happen, by
//! Okta's polling pattern for the System Log ([SYSLOG]): a query without
//! `until`, `sortOrder=ASCENDING`, from `since`; then each next link's
//! `after`, kept in the cursor file after every event delivered. An empty
//! page (it still has a next link) is "nothing newer yet": wait
//! `--interval`, then ask again from the saved cursor.

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

use super::cursor::{self, Cursor};
use super::hook::Hook;
use super::lock;
use super::stream::Stream;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::interrupt;
use crate::okta::logs;
use crate::okta::Client;
use crate::perms::{needs_role, REPORTS};

/// Pages one `--once` run reads at most (a backlog past it waits for the
/// next run; the cursor keeps the place).
const MAX_ONCE_PAGES: u32 = 100;
/// Pages with new events read back to back before the watch waits anyway.
const MAX_BURST: u32 = 20;
/// Failed polls in a row (network, 5xx, 429) a watch rides out.
const MAX_FAILED_POLLS: u32 = 10;

/// The watch's filter: the lock-outs themselves.
pub fn filter() -> String {
    logs::types_filter(&[logs::LOCK, logs::LOCK_LIMIT])
}

pub struct Options {
    /// Where a watch without a saved cursor starts: this far back.
    pub since: SignedDuration,
    pub interval: Duration,
    pub once: bool,
    pub from_now: bool,
    pub hook: Option<Hook>,
}

pub(super) enum Poll {
    /// New events came, or the cursor moved past a full page: ask again now.
    More,
    /// Nothing newer yet.
    Tail,
    /// Okta refused the saved cursor; the next poll starts from the watermark.
    Again,
    Interrupted,
}

pub(super) struct Watcher<'a> {
    pub(super) ctx: &'a Context,
    pub(super) client: &'a Client,
    pub(super) path: std::path::PathBuf,
    pub(super) cur: Cursor,
    pub(super) out: Stream,
    pub(super) hook: Option<Hook>,
    pub(super) shown: u64,
    pub(super) fell_back: bool,
}

pub fn run(ctx: &Context, opts: Options) -> Result<()> {
    interrupt::install()?;
    let client = ctx.client()?;
    let org = crate::config::origin_text(client.origin());
    let path = cursor::path(client.origin(), ctx.profile())?;
    let _held = lock::hold(&path)?;
    let saved = match opts.from_now {
        true => None,
        false => cursor::load(&path, &org, ctx.profile())?,
    };
    let cur = match saved {
        Some(c) => c,
        None => {
            let now = Timestamp::from_second(Timestamp::now().as_second())
                .map_err(|e| Error::failed(format!("cannot read the clock: {e}")))?;
            let start = if opts.from_now {
                Ok(now)
            } else {
                now.checked_sub(opts.since)
            }
            .map_err(|e| Error::usage(format!("--since reaches too far back: {e}")))?;
            let c = Cursor::starting(&org, ctx.profile(), &start.to_string());
            cursor::save(&path, &c)?;
            c
        }
    };
    let mut w = Watcher {
        ctx,
        client,
        path,
        cur,
        out: Stream::new(&ctx.out),
        hook: opts.hook,
        shown: 0,
        fell_back: false,
    };
    if w.out.is_table() && !opts.once {
        ctx.out.status(&format!(
            "watching for lock-outs every {} s; Ctrl-C ends the watch",
            opts.interval.as_secs()
        ));
    }
    let ended = w.watch(opts.once, opts.interval);
    w.summary(opts.once);
    ended?;
    match &w.hook {
        Some(h) if h.failed > 0 => Err(Error::failed(format!(
            "--exec failed for {} of {} lock-outs",
            h.failed,
            h.failed + h.ok
        ))
        .hint("the watch went on; the warnings above say why each failed")),
        _ => Ok(()),
    }
}

impl Watcher<'_> {
    fn watch(&mut self, once: bool, interval: Duration) -> Result<()> {
        let (mut pages, mut burst, mut failed) = (0u32, 0u32, 0u32);
        loop {
            if interrupt::requested() {
                return Ok(());
            }
            let poll = match self.poll() {
                Ok(p) => {
                    failed = 0;
                    p
                }
                Err(e) if !once && passing(&e) && failed + 1 < MAX_FAILED_POLLS => {
                    failed += 1;
                    self.ctx.out.warn(&format!(
                        "{}; asking again in {} s",
                        e.short(),
                        interval.as_secs()
                    ));
                    Poll::Tail
                }
                Err(e) => return Err(e),
            };
            match poll {
                Poll::Interrupted => return Ok(()),
                Poll::Again => continue,
                Poll::Tail if once => return Ok(()),
                Poll::More if once => {
                    pages += 1;
                    if pages >= MAX_ONCE_PAGES {
                        self.ctx.out.warn(&format!(
                            "read {MAX_ONCE_PAGES} pages; more remain: run again to see them"
                        ));
                        return Ok(());
                    }
                }
                Poll::More if burst + 1 < MAX_BURST => burst += 1,
                Poll::More | Poll::Tail => {
                    burst = 0;
                    if interrupt::sleep(interval).is_err() {
                        return Ok(());
                    }
                }
            }
        }
    }

    fn summary(&self, once: bool) {
        let what = match self.shown {
            0 if once => "no new lock-outs since the last run".to_string(),
            1 => "1 new lock-out".to_string(),
            n => format!("{n} new lock-outs"),
        };
        let hooks = match &self.hook {
            Some(h) => format!("; --exec: {} ok, {} failed", h.ok, h.failed),
            None => String::new(),
        };
        self.ctx.out.status(&format!("{what}{hooks}"));
    }
}

/// Worth asking again after `--interval`: the network, Okta's 5xx, a 429
/// that outlasted the allowed wait.
fn passing(e: &Error) -> bool {
    matches!(e.kind, Kind::Network | Kind::RateLimited)
}

pub(super) fn map_error(e: Error) -> Error {
    let e = needs_role(e.context("polling the System Log"), REPORTS);
    if super::find::refused_filter(&e) {
        return e.hint(format!("the filter sent: {}", filter()));
    }
    e
}
