//! One poll of a watch: a page from the saved cursor (else its start),
//! each new lock-out shown, handed to `--exec` and remembered, the cursor
//! moved on and saved.

use super::cursor;
use super::stream::LockEvent;
use super::watch::{filter, map_error, Poll, Watcher};
use crate::error::Result;
use crate::interrupt;
use crate::okta::logs::{self, LogEvent, LogPage};

impl Watcher<'_> {
    /// The next poll: from the saved cursor, else from its start.
    fn url(&self) -> Result<url::Url> {
        let filter = filter();
        let mut q = vec![
            ("filter", filter.as_str()),
            ("sortOrder", "ASCENDING"),
            ("limit", logs::PAGE_LIMIT),
        ];
        // `since` and `after` are mutually exclusive ([SYSLOG]).
        match (&self.cur.after, &self.cur.since) {
            (Some(after), _) => q.push(("after", after.as_str())),
            (None, Some(since)) => q.push(("since", since.as_str())),
            (None, None) => {}
        }
        self.client.logs_url(&q)
    }

    pub(super) fn poll(&mut self) -> Result<Poll> {
        let page: LogPage<LogEvent> = match self.client.log_page(self.url()?) {
            Ok(p) => p,
            // UNCONFIRMED whether Okta takes a saved `after` sent without
            // the rest of its next link (live-suite point
            // `log_polling_cursor`; its docs say to follow the links). If
            // it refuses, resume from the newest time delivered: the ids
            // remembered keep what was shown from being shown again.
            Err(e) if e.status() == Some(400) && self.cur.after.is_some() && !self.fell_back => {
                self.fell_back = true;
                self.ctx.out.warn(&format!(
                    "Okta refused the saved cursor ({}); going on from the last lock-out shown ({})",
                    e.error_code().unwrap_or("400"),
                    self.cur.watermark.as_deref().unwrap_or("the start")
                ));
                self.cur.since = self.cur.watermark.clone();
                self.cur.after = None;
                return Ok(Poll::Again);
            }
            Err(e) => return Err(map_error(e)),
        };
        let mut new = false;
        let full = !page.events.is_empty();
        for e in &page.events {
            if interrupt::requested() {
                return Ok(Poll::Interrupted);
            }
            // Only lock-outs are shown, whatever the server sends.
            if !matches!(e.event_type(), logs::LOCK | logs::LOCK_LIMIT) {
                continue;
            }
            let id = e.uuid.clone().filter(|u| !u.is_empty());
            if id.as_deref().is_some_and(|id| self.cur.delivered(id)) {
                continue;
            }
            self.deliver(e)?;
            new = true;
            if let Some(id) = id {
                self.cur.remember(&id, e.published.as_deref());
                cursor::save(&self.path, &self.cur)?;
            }
        }
        let Some(after) = page.after else {
            // A polling query always has a next link ([SYSLOG]): without
            // one, keep the cursor and ask again later.
            return Ok(Poll::Tail);
        };
        let moved = self.cur.after.as_deref() != Some(after.as_str());
        if moved {
            self.cur.after = Some(after);
            self.cur.since = None;
            cursor::save(&self.path, &self.cur)?;
        }
        Ok(if new || (moved && full) {
            Poll::More
        } else {
            Poll::Tail
        })
    }

    fn deliver(&mut self, e: &LogEvent) -> Result<()> {
        let event = LockEvent::from(e);
        self.out.event(&event)?;
        self.shown += 1;
        if let Some(hook) = self.hook.as_mut() {
            if let Err(why) = hook.run(&event.json_line()?) {
                self.ctx.out.warn(&format!(
                    "--exec: {why} (lock-out of {}, event {})",
                    event.login.as_deref().unwrap_or("?"),
                    event.event_id.as_deref().unwrap_or("?")
                ));
            }
        }
        Ok(())
    }
}
