//! `audit`: read the local audit log back, one row per change made or tried.
//!
//! The log is JSON lines (see `crate::audit`). A change is two lines sharing
//! a `change_id`: the intent, written before the request is sent, and the
//! outcome, written after; an intent without an outcome is a change a crash
//! or an interrupt left open, whose result is unknown. Lines of the old
//! format (one line per change, `result` instead of `outcome`) are finished
//! changes of their own.
//!
//! The file is streamed, line by line with a cap on a line's length; a line
//! that cannot be read is a warning naming its line number, and the rest is
//! still listed. Nothing here talks to Okta.

mod join;
mod lines;
mod record;

use std::fs::File;
use std::io::{BufReader, ErrorKind};
use std::path::Path;

use clap::Args;
use jiff::Timestamp;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Format, Printer};
use crate::policy::duration::{span, SpanError};
use join::{Change, Join};
use lines::{Lines, Text, MAX_LINE};

/// Warnings about single lines shown, at most; the rest are counted.
const MAX_WARNINGS: u64 = 20;

/// Read the local audit log: the changes made or tried, and those left unfinished
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl audit --since 24h      # changes of the last 24 hours
  oktactl audit --user jane.doe@acme.com --since 7d
  oktactl audit --ticket HD-1234 -o json
  oktactl audit --command unlock --since 2026-11-01T00:00:00Z -o csv
  oktactl audit --unfinished     # changes a crash or Ctrl-C left open

WHEN is a span back from now, a whole number and a unit s, m, h, d or w \
(15m, 24h, 7d), or an RFC 3339 time (2026-11-29T17:00:00Z).

The log is $OKTACTL_AUDIT_LOG, else audit.log in the platform state directory.

An outcome of `unfinished` means the change was started but no outcome was \
written: check the user in Okta (`oktactl user show USER`, `oktactl log USER`).")]
pub struct AuditArgs {
    /// Only changes started since then: a span back from now (24h, 15m, 7d) or an RFC 3339 time
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only changes to this user: a user id (exact) or login (any case)
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Only changes made for this ticket (exact; OKTACTL_TICKET does not filter)
    #[arg(long, value_name = "ID")]
    pub ticket: Option<String>,
    /// Only changes made by this command, e.g. unlock, grant, reset-password
    #[arg(long, value_name = "NAME")]
    pub command: Option<String>,
    /// Only changes started with no outcome written (interrupted or crashed): check those users in Okta
    #[arg(long)]
    pub unfinished: bool,
}

pub fn run(ctx: &Context, args: AuditArgs) -> Result<()> {
    let filter = Filter::new(&args, Timestamp::now())?;
    let path = crate::audit::path()?;
    let Some(file) = open(&path)? else {
        ctx.out
            .status(&format!("no audit log at {} yet", path.display()));
        if ctx.out.format != Format::Table {
            ctx.out.list(std::iter::empty::<Result<Change>>())?;
        }
        return Ok(());
    };
    let mut rows = Rows {
        lines: Lines::new(BufReader::with_capacity(64 * 1024, file)),
        join: Join::default(),
        filter,
        warn: Warner {
            out: &ctx.out,
            path: path.display().to_string(),
            count: 0,
        },
        ended: false,
        unfinished: 0,
    };
    ctx.out.list(&mut rows)?;
    rows.warn.finish();
    let n = rows.unfinished;
    if n > 0 && args.unfinished {
        ctx.out.status(&format!(
            "{}: a run was interrupted or crashed after the intent was written, so whether Okta made the change is unknown. \
             Check each user's state in Okta before trying again: `oktactl user show USER`, and `oktactl log USER` for what happened.",
            changes(n, "was started but has no outcome", "were started but have no outcome")
        ));
    } else if n > 0 {
        ctx.out.status(&format!(
            "{} (no outcome written): `oktactl audit --unfinished` lists such changes and what to do about them",
            changes(n, "is unfinished", "are unfinished")
        ));
    }
    Ok(())
}

fn changes(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 change {one}")
    } else {
        format!("{n} changes {many}")
    }
}

/// The log, or `None` when there is none yet.
fn open(path: &Path) -> Result<Option<File>> {
    let cannot = |e: std::io::Error| {
        let err = Error::failed(format!("cannot read the audit log {}: {e}", path.display()));
        if e.kind() == ErrorKind::PermissionDenied {
            err.hint("the log is readable only by the OS user who wrote it (mode 0600): run as that user, or set OKTACTL_AUDIT_LOG to a copy you can read")
        } else {
            err.hint("set OKTACTL_AUDIT_LOG to the audit log's path")
        }
    };
    let not_a_file = |what: &str| {
        Error::usage(format!("the audit log {} is {what}", path.display())).hint(
            "set OKTACTL_AUDIT_LOG to the log file itself (audit.log), or unset it for the default",
        )
    };
    // Look before opening: opening a FIFO would block.
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    if meta.is_dir() {
        return Err(not_a_file("a directory"));
    }
    if !meta.is_file() {
        return Err(not_a_file("not a regular file"));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    match file.metadata() {
        Ok(m) if m.is_file() => Ok(Some(file)),
        Ok(_) => Err(not_a_file("not a regular file")),
        Err(e) => Err(cannot(e)),
    }
}

/// What `--since`, `--user`, `--ticket`, `--command`, `--unfinished` keep.
struct Filter {
    since: Option<Timestamp>,
    user: Option<String>,
    ticket: Option<String>,
    command: Option<String>,
    unfinished: bool,
}

impl Filter {
    fn new(args: &AuditArgs, now: Timestamp) -> Result<Filter> {
        Ok(Filter {
            since: args
                .since
                .as_deref()
                .map(|s| parse_since(s, now))
                .transpose()?,
            user: args.user.clone(),
            ticket: args.ticket.clone(),
            command: args.command.as_deref().map(str::to_lowercase),
            unfinished: args.unfinished,
        })
    }

    fn keeps(&self, c: &Change) -> bool {
        if self.unfinished && c.finished {
            return false;
        }
        if let Some(since) = self.since {
            // A row without a readable time cannot be placed: left out.
            if c.at.is_none_or(|at| at < since) {
                return false;
            }
        }
        if let Some(user) = &self.user {
            let by_id = c.user_id.as_deref() == Some(user.as_str());
            let by_login = c
                .user
                .as_deref()
                .is_some_and(|login| login.to_lowercase() == user.to_lowercase());
            if !by_id && !by_login {
                return false;
            }
        }
        if self.ticket.is_some() && c.ticket != self.ticket {
            return false;
        }
        if let Some(command) = &self.command {
            if c.command.as_deref().map(str::to_lowercase).as_ref() != Some(command) {
                return false;
            }
        }
        true
    }
}

/// `24h`, `15m`, `7d`, `2w`, `90s` back from `now`, or an RFC 3339 time.
fn parse_since(text: &str, now: Timestamp) -> Result<Timestamp> {
    let text = text.trim();
    let bad = |why: String| {
        Error::usage(format!("--since '{text}': {why}")).hint(
            "give a span back from now, a whole number and a unit s, m, h, d or w \
             (15m, 24h, 7d), or an RFC 3339 time such as 2026-11-29T17:00:00Z",
        )
    };
    if text.contains(['-', ':', 'T']) {
        return text
            .parse::<Timestamp>()
            .map_err(|e| bad(format!("not an RFC 3339 time ({e})")));
    }
    let span = span(text).map_err(|e| match e {
        SpanError::NotASpan => bad("not a duration or a time".into()),
        other => bad(other.to_string()),
    })?;
    now.checked_sub(span)
        .map_err(|_| bad("that reaches back before the year -9999".into()))
}

/// Warnings about lines: `warning: PATH:LINE: …`, the first few of them.
struct Warner<'a> {
    out: &'a Printer,
    path: String,
    count: u64,
}

impl Warner<'_> {
    fn line(&mut self, number: u64, why: &str) {
        self.count += 1;
        if self.count <= MAX_WARNINGS {
            self.out.warn(&format!("{}:{number}: {why}", self.path));
        }
    }

    fn finish(&self) {
        if self.count > MAX_WARNINGS {
            self.out.warn(&format!(
                "{}: {} more lines could not be read and were skipped",
                self.path,
                self.count - MAX_WARNINGS
            ));
        }
    }
}

/// The rows that pass the filter, as the file is read.
struct Rows<'a, R> {
    lines: Lines<R>,
    join: Join,
    filter: Filter,
    warn: Warner<'a>,
    ended: bool,
    /// Unfinished changes listed.
    unfinished: u64,
}

impl<R: std::io::BufRead> Iterator for Rows<'_, R> {
    type Item = Result<Change>;

    fn next(&mut self) -> Option<Result<Change>> {
        loop {
            if let Some(change) = self.join.pop() {
                if self.filter.keeps(&change) {
                    if !change.finished {
                        self.unfinished += 1;
                    }
                    return Some(Ok(change));
                }
                continue;
            }
            if self.ended {
                return None;
            }
            match self.lines.next() {
                None => {
                    self.ended = true;
                    self.join.end();
                }
                Some(Err(e)) => {
                    self.ended = true;
                    return Some(Err(Error::failed(format!(
                        "reading the audit log {}: {e}",
                        self.warn.path
                    ))));
                }
                Some(Ok(line)) => self.take(line),
            }
        }
    }
}

impl<R> Rows<'_, R> {
    fn take(&mut self, line: lines::Line) {
        let bytes = match line.text {
            Text::TooLong(len) => {
                let why = format!(
                    "a line of {len} bytes, longer than the {} MiB a line may have; skipped",
                    MAX_LINE >> 20
                );
                self.warn.line(line.number, &why);
                return;
            }
            Text::Bytes(b) => b,
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        match record::parse(&bytes) {
            Ok(r) => {
                if let Some(note) = self.join.push(r) {
                    self.warn.line(line.number, &note);
                }
            }
            Err(why) if !line.terminated => self.warn.line(
                line.number,
                &format!(
                    "the last line is cut short (a run stopped while writing it?): {why}; skipped"
                ),
            ),
            Err(why) => self.warn.line(line.number, &format!("{why}; skipped")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Term;

    fn rows_of<'a, T: std::io::Read>(
        data: T,
        filter: Filter,
        out: &'a Printer,
    ) -> Rows<'a, BufReader<T>> {
        Rows {
            lines: Lines::new(BufReader::new(data)),
            join: Join::default(),
            filter,
            warn: Warner {
                out,
                path: "log".into(),
                count: 0,
            },
            ended: false,
            unfinished: 0,
        }
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn since_takes_spans_and_times() {
        let now = ts("2026-11-29T18:00:00Z");
        assert_eq!(parse_since("24h", now).unwrap(), ts("2026-11-28T18:00:00Z"));
        assert_eq!(parse_since("15m", now).unwrap(), ts("2026-11-29T17:45:00Z"));
        assert_eq!(parse_since("7d", now).unwrap(), ts("2026-11-22T18:00:00Z"));
        assert_eq!(parse_since("1w", now).unwrap(), ts("2026-11-22T18:00:00Z"));
        assert_eq!(
            parse_since("2026-11-29T17:00:00+01:00", now).unwrap(),
            ts("2026-11-29T16:00:00Z")
        );
        for bad in [
            "",
            "h",
            "5y",
            "-5h",
            "0h",
            "24 h",
            "2026-11-29",
            "99999999999999999d",
            "9223372036854775807s",
        ] {
            let e = parse_since(bad, now).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
            assert!(e.render().contains("hint: "), "{bad}");
        }
    }

    fn filter(f: impl FnOnce(&mut AuditArgs)) -> Filter {
        let mut args = AuditArgs {
            since: None,
            user: None,
            ticket: None,
            command: None,
            unfinished: false,
        };
        f(&mut args);
        Filter::new(&args, ts("2026-11-29T18:00:00Z")).unwrap()
    }

    fn change() -> Change {
        Change {
            time: Some("2026-11-29T17:30:00Z".into()),
            at: Some(ts("2026-11-29T17:30:00Z")),
            command: Some("Reset-Password".into()),
            user: Some("Jane@X.com".into()),
            user_id: Some("00u1".into()),
            ticket: Some("HD-1".into()),
            finished: true,
            ..Change::default()
        }
    }

    #[test]
    fn filters() {
        let c = change();
        assert!(filter(|_| {}).keeps(&c));
        assert!(filter(|a| a.user = Some("jane@x.COM".into())).keeps(&c));
        assert!(filter(|a| a.user = Some("00u1".into())).keeps(&c));
        assert!(!filter(|a| a.user = Some("00U1".into())).keeps(&c));
        assert!(!filter(|a| a.user = Some("jane".into())).keeps(&c));
        assert!(filter(|a| a.ticket = Some("HD-1".into())).keeps(&c));
        assert!(!filter(|a| a.ticket = Some("hd-1".into())).keeps(&c));
        assert!(filter(|a| a.command = Some("reset-password".into())).keeps(&c));
        assert!(!filter(|a| a.command = Some("reset".into())).keeps(&c));
        assert!(filter(|a| a.since = Some("1h".into())).keeps(&c));
        assert!(!filter(|a| a.since = Some("15m".into())).keeps(&c));
        assert!(!filter(|a| a.unfinished = true).keeps(&c));
        let open = Change {
            finished: false,
            ..change()
        };
        assert!(filter(|a| a.unfinished = true).keeps(&open));
        let timeless = Change {
            at: None,
            ..change()
        };
        assert!(filter(|_| {}).keeps(&timeless));
        assert!(!filter(|a| a.since = Some("100w".into())).keeps(&timeless));
    }

    #[test]
    fn rows_survive_any_bytes() {
        let out = Printer {
            format: Format::Json,
            term: Term {
                stdin: false,
                stdout: false,
                stderr: false,
                color: false,
                width: None,
            },
            quiet: true,
            csv_raw: false,
            err: std::sync::Arc::new(crate::output::Stderr::new(true, false, false)),
            times: crate::output::Times::iso(),
        };
        let log = concat!(
            r#"{"time":"2026-11-29T17:30:00Z","phase":"intent","change_id":"c1","command":"unlock","user":"a@x.com"}"#,
            "\n\u{0}\u{1}garbage\n[]\n\"x\"\n\n",
            r#"{"time":"2026-11-29T17:31:00Z","phase":"outcome","change_id":"c1","outcome":"unlocked"}"#,
            "\n",
            r#"{"time":"2026-11-29T17:32:00Z","phase":"intent","change_id":"c2","command":"unlock"}"#,
            "\n{\"time\":\"2026-11-29T17:3"
        );
        let mut rows = rows_of(log.as_bytes(), filter(|_| {}), &out);
        let got: Vec<Change> = (&mut rows).map(|r| r.unwrap()).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].outcome.as_deref(), Some("unlocked"));
        assert_eq!(got[1].outcome.as_deref(), Some("unfinished"));
        assert_eq!(rows.warn.count, 4, "garbage, array, string, torn line");
        assert_eq!(rows.unfinished, 1);

        // Arbitrary bytes: never a panic.
        let mut seed: u32 = 7;
        for _ in 0..200 {
            let junk: Vec<u8> = (0..300)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    b"{}[]\":,\n ax0phase"[(seed >> 16) as usize % 17]
                })
                .collect();
            for r in rows_of(junk.as_slice(), filter(|_| {}), &out) {
                r.unwrap();
            }
        }
    }
}
