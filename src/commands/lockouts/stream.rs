//! What a watch prints for each new lock-out, as it happens: one JSON
//! object per line (`-o json`, and any pipe), CSV rows under one header
//! (`-o csv`), or table rows appended under one header at a terminal.
//! Each event is flushed at once.

use std::io::Write;

use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::view;
use crate::error::{clean, Error, Result};
use crate::okta::logs::{Location, LogEvent};
use crate::output::{csv_cell, Format, Printer};

/// One lock-out as it happened: a line of `lockouts --watch -o json`, and
/// what `--exec` reads on its stdin.
#[derive(Debug, Clone, Serialize)]
pub struct LockEvent {
    pub event_id: Option<String>,
    /// RFC 3339 UTC, as Okta sent it.
    pub published: Option<String>,
    pub event_type: String,
    pub user_id: Option<String>,
    pub login: Option<String>,
    pub name: Option<String>,
    pub client_ip: Option<String>,
    pub location: Option<Location>,
    pub user_agent: Option<String>,
    pub reason: Option<String>,
    pub display_message: Option<String>,
}

impl From<&LogEvent> for LockEvent {
    fn from(e: &LogEvent) -> Self {
        let who = e.subject();
        LockEvent {
            event_id: e.uuid.clone(),
            published: e.published.clone(),
            event_type: e.event_type().to_string(),
            user_id: who.and_then(|w| w.id.clone()),
            login: who.and_then(|w| w.alternate_id.clone()),
            name: who.and_then(|w| w.display_name.clone()),
            client_ip: e.client_ip(),
            location: e.location(),
            user_agent: e.user_agent(),
            reason: e.reason().map(str::to_string),
            display_message: e.display_message.clone(),
        }
    }
}

impl LockEvent {
    /// One line of JSON, with its newline.
    pub fn json_line(&self) -> Result<Vec<u8>> {
        let mut line = serde_json::to_vec(self).map_err(|e| Error::failed(e.to_string()))?;
        line.push(b'\n');
        Ok(line)
    }
}

const CSV_COLUMNS: [&str; 11] = [
    "event_id",
    "published",
    "event_type",
    "user_id",
    "login",
    "name",
    "client_ip",
    "location",
    "user_agent",
    "reason",
    "display_message",
];

/// Table columns and their widths (the last one is not padded).
const TABLE: [(&str, usize); 6] = [
    ("TIME", 16),
    ("LOGIN", 28),
    ("NAME", 20),
    ("IP", 15),
    ("LOCATION", 24),
    ("EVENT", 0),
];

enum Mode {
    Json,
    Csv { raw: bool },
    Table,
}

/// The watch's stdout.
pub struct Stream {
    mode: Mode,
    header: bool,
    tz: TimeZone,
}

impl Stream {
    /// A table only at a terminal: in a pipe, `-o table` (the default)
    /// prints JSON lines, which a program can read line by line.
    pub fn new(p: &Printer) -> Stream {
        let mode = match p.format {
            Format::Json => Mode::Json,
            Format::Csv => Mode::Csv { raw: p.csv_raw },
            Format::Table if p.term.stdout => Mode::Table,
            Format::Table => Mode::Json,
        };
        Stream {
            mode,
            header: false,
            tz: TimeZone::system(),
        }
    }

    pub fn is_table(&self) -> bool {
        matches!(self.mode, Mode::Table)
    }

    pub fn event(&mut self, e: &LockEvent) -> Result<()> {
        let mut text = Vec::new();
        match self.mode {
            Mode::Json => text = e.json_line()?,
            Mode::Csv { raw } => {
                let mut w = csv::Writer::from_writer(&mut text);
                let header = !std::mem::replace(&mut self.header, true);
                let row = csv_row(e)
                    .into_iter()
                    .map(|c| if raw { c } else { csv_cell(&c) });
                let written = if header {
                    w.write_record(CSV_COLUMNS)
                } else {
                    Ok(())
                }
                .and_then(|()| w.write_record(row))
                .and_then(|()| w.flush().map_err(csv::Error::from));
                written.map_err(|e| Error::failed(format!("cannot write CSV: {e}")))?;
                drop(w);
            }
            Mode::Table => {
                if !std::mem::replace(&mut self.header, true) {
                    text.extend(table_line(TABLE.map(|(h, _)| h.to_string())).into_bytes());
                }
                text.extend(table_line(self.table_row(e)).into_bytes());
            }
        }
        let mut out = std::io::stdout().lock();
        out.write_all(&text).and_then(|()| out.flush())?;
        Ok(())
    }

    fn table_row(&self, e: &LockEvent) -> [String; 6] {
        let at = e
            .published
            .as_deref()
            .and_then(|p| p.parse::<Timestamp>().ok());
        let now = Timestamp::now();
        let dash = |v: &Option<String>| v.clone().filter(|s| !s.is_empty()).unwrap_or("-".into());
        [
            at.map(|t| view::local(t, now, &self.tz))
                .unwrap_or("-".into()),
            dash(&e.login),
            dash(&e.name),
            dash(&e.client_ip),
            dash(&e.location.as_ref().and_then(Location::text)),
            e.event_type.clone(),
        ]
    }
}

fn csv_row(e: &LockEvent) -> Vec<String> {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        s(&e.event_id),
        s(&e.published),
        e.event_type.clone(),
        s(&e.user_id),
        s(&e.login),
        s(&e.name),
        s(&e.client_ip),
        s(&e.location.as_ref().and_then(Location::text)),
        s(&e.user_agent),
        s(&e.reason),
        s(&e.display_message),
    ]
}

/// Cells padded to their column's width, never cut: a login longer than
/// its column pushes the rest of its row to the right.
fn table_line(cells: [String; 6]) -> String {
    let mut line = String::new();
    for ((_, width), cell) in TABLE.iter().zip(cells) {
        let cell = clean(&cell);
        line.push_str(&cell);
        if *width > 0 {
            let pad = width.saturating_sub(cell.width()) + 2;
            line.push_str(&" ".repeat(pad));
        }
    }
    line.truncate(line.trim_end().len());
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lines_line_up_and_keep_long_logins_whole() {
        let head = table_line(TABLE.map(|(h, _)| h.to_string()));
        assert!(head.starts_with("TIME              LOGIN"), "{head}");
        let long = "a.very.long.login.name@example-company.com".to_string();
        let row = table_line([
            "09:12".into(),
            long.clone(),
            "Jane".into(),
            "-".into(),
            "-".into(),
            "user.account.lock".into(),
        ]);
        assert!(row.contains(&format!("{long}  Jane")), "{row}");
        assert!(row.ends_with("user.account.lock\n"));
    }
}
