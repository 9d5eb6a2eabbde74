//! Rendering: the same structs as a table, one JSON document, or CSV; and the
//! one decision about terminals and colour. Data goes to stdout, the rest to stderr.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};

use clap::ValueEnum;
use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::error::{clean, Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// What is a terminal, decided once at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    pub color: bool,
}

impl Term {
    /// `OKTACTL_FORCE_TTY=1` (hidden, for tests) renders stdout as for a terminal.
    pub fn detect(no_color: bool) -> Term {
        let forced = std::env::var_os("OKTACTL_FORCE_TTY").is_some_and(|v| v == "1");
        let stdout = forced || std::io::stdout().is_terminal();
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Term {
            stdin: std::io::stdin().is_terminal(),
            stdout,
            stderr: std::io::stderr().is_terminal(),
            color: stdout && !no_color && !no_color_env,
        }
    }

    /// Someone can answer a prompt.
    pub fn interactive(&self) -> bool {
        self.stdin && self.stderr
    }
}

/// A struct that can be a table row as well as JSON.
pub trait Tabular: Serialize {
    fn columns() -> Vec<&'static str>;
    fn row(&self) -> Vec<String>;
    /// The columns a list shows as a table (CSV and cards show all).
    fn table_columns() -> Vec<&'static str> {
        Self::columns()
    }
}

impl<T: Tabular> Tabular for &T {
    fn columns() -> Vec<&'static str> {
        T::columns()
    }
    fn row(&self) -> Vec<String> {
        (*self).row()
    }
    fn table_columns() -> Vec<&'static str> {
        T::table_columns()
    }
}

pub struct Printer {
    pub format: Format,
    pub term: Term,
    pub quiet: bool,
    /// `--csv-raw`: CSV cells exactly as they are (`csv_cell` off).
    pub csv_raw: bool,
    /// Every stderr write of the process, shared with the Okta client.
    pub err: Arc<Stderr>,
}

/// The one writer of stderr: messages for people, hidden by `--quiet`;
/// request lines under `--verbose`; a progress bar that every message
/// suspends (it is redrawn below the message, never frozen above it).
#[derive(Debug)]
pub struct Stderr {
    quiet: bool,
    verbose: bool,
    terminal: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Stderr {
    pub fn new(quiet: bool, verbose: bool, terminal: bool) -> Stderr {
        Stderr {
            quiet,
            verbose,
            terminal,
            bar: Mutex::new(None),
        }
    }

    /// A line whatever `--quiet` says (errors).
    pub fn line(&self, text: &str) {
        let bar = self.bar.lock().map(|b| b.clone()).unwrap_or(None);
        match bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }

    /// A message for people.
    pub fn status(&self, msg: &str) {
        if !self.quiet {
            self.line(&clean(msg));
        }
    }

    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            self.line(&format!("warning: {}", clean(msg)));
        }
    }

    pub fn verbose(&self) -> bool {
        self.verbose
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// A `--verbose` line (one per HTTP request).
    pub fn trace(&self, msg: &str) {
        if self.verbose {
            self.line(&format!("> {}", clean(msg)));
        }
    }

    /// Start a progress bar of `len` steps, at a terminal, when `--quiet`
    /// is not given and there is more than one step.
    pub fn start_bar(&self, len: usize, label: &str) {
        if !self.terminal || self.quiet || len < 2 {
            return;
        }
        quiet_control_echo();
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
        let template =
            format!("{label:<9} {{bar:30}} {{pos}}/{{len}} rows  {{elapsed}} elapsed, eta {{eta}}");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        if let Ok(mut b) = self.bar.lock() {
            *b = Some(bar);
        }
    }

    pub fn tick(&self) {
        if let Ok(b) = self.bar.lock() {
            if let Some(bar) = b.as_ref() {
                bar.inc(1);
            }
        }
    }

    pub fn end_bar(&self) {
        if let Ok(mut b) = self.bar.lock() {
            if let Some(bar) = b.take() {
                bar.finish_and_clear();
            }
        }
        restore_terminal();
    }
}

/// The terminal's modes before the progress bar changed them.
#[cfg(unix)]
static SAVED_MODES: Mutex<Option<rustix::termios::Termios>> = Mutex::new(None);

/// While a bar is drawn, the terminal must not echo `^C`: the echo moves
/// the cursor, and the bar then clears the wrong line and leaves a frozen
/// copy of itself on screen.
fn quiet_control_echo() {
    #[cfg(unix)]
    {
        use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return;
        }
        let Ok(saved) = tcgetattr(&stdin) else { return };
        let mut quiet = saved.clone();
        quiet.local_modes -= LocalModes::ECHOCTL;
        if let Ok(mut slot) = SAVED_MODES.lock() {
            if slot.is_none() && tcsetattr(&stdin, OptionalActions::Now, &quiet).is_ok() {
                *slot = Some(saved);
            }
        }
    }
}

/// Put back the terminal modes the bar changed (also before an exit on a
/// second interrupt).
pub fn restore_terminal() {
    #[cfg(unix)]
    {
        use rustix::termios::{tcsetattr, OptionalActions};
        if let Ok(mut slot) = SAVED_MODES.lock() {
            if let Some(saved) = slot.take() {
                let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, &saved);
            }
        }
    }
}

/// A last line on stderr when the process must end at once (a second
/// interrupt): no bar, no lock that another thread might hold.
pub fn last_words(text: &str) {
    restore_terminal();
    let mut err = std::io::stderr();
    let _ = writeln!(err, "\n{}", clean(text));
}

fn write_err(e: std::io::Error) -> Error {
    Error::from(e)
}

impl Printer {
    /// Print a list as it arrives: JSON and CSV stream; a table needs every row.
    /// A list that fails part way still ends well-formed (the JSON array
    /// closed, the CSV rows whole, the rows so far as a table), then the
    /// error is returned, saying after how many items the list stopped.
    pub fn list<T: Tabular>(&self, items: impl Iterator<Item = Result<T>>) -> Result<usize> {
        let mut items = UntilError { items, error: None };
        let n = self.render(&mut items)?;
        match items.error {
            None => Ok(n),
            Some(e) => Err(e.hint(format!(
                "the list stopped after {n} item{}{}",
                if n == 1 { "" } else { "s" },
                match self.format {
                    Format::Json => "; stdout holds them as a complete JSON array",
                    Format::Csv => "; stdout holds them as complete CSV rows",
                    Format::Table => "",
                }
            ))),
        }
    }

    fn render<T: Tabular, I: Iterator<Item = Result<T>>>(
        &self,
        items: &mut UntilError<I>,
    ) -> Result<usize> {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
        let mut n = 0;
        match self.format {
            Format::Json => {
                out.write_all(b"[").map_err(write_err)?;
                for item in items.by_ref() {
                    if n > 0 {
                        out.write_all(b",").map_err(write_err)?;
                    }
                    out.write_all(b"\n  ").map_err(write_err)?;
                    serde_json::to_writer(&mut out, &item).map_err(json_err)?;
                    n += 1;
                }
                out.write_all(if n > 0 { b"\n]\n" } else { b"]\n" })
                    .map_err(write_err)?;
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(T::columns()).map_err(csv_err)?;
                for item in items.by_ref() {
                    w.write_record(self.csv_row(item.row())).map_err(csv_err)?;
                    n += 1;
                }
                w.flush().map_err(write_err)?;
            }
            Format::Table => {
                let all = T::columns();
                let shown = T::table_columns();
                let picks: Vec<usize> = shown
                    .iter()
                    .filter_map(|c| all.iter().position(|a| a == c))
                    .collect();
                let mut rows = Vec::new();
                for item in items.by_ref() {
                    let row = item.row();
                    rows.push(
                        picks
                            .iter()
                            .map(|&i| row.get(i).cloned().unwrap_or_default())
                            .collect(),
                    );
                }
                n = rows.len();
                if n == 0 && items.error.is_none() {
                    self.status("no results");
                } else if n > 0 {
                    let text = self.table(&shown, rows).to_string();
                    for line in text.lines() {
                        writeln!(out, "{}", line.trim_end()).map_err(write_err)?;
                    }
                }
            }
        }
        out.flush().map_err(write_err)?;
        Ok(n)
    }

    /// Print one object: a field/value card as a table, an object as JSON,
    /// a header and one row as CSV.
    pub fn one<T: Tabular>(&self, item: &T) -> Result<()> {
        match self.format {
            Format::Json => self.json(item),
            Format::Csv => self.list(std::iter::once(Ok(item))).map(|_| ()),
            Format::Table => {
                let rows = T::columns()
                    .into_iter()
                    .zip(item.row())
                    .map(|(k, v)| vec![k.to_string(), v])
                    .collect();
                self.data(&self.card(rows).to_string())
            }
        }
    }

    /// One JSON document, pretty, never coloured.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(|e| Error::failed(e.to_string()))?;
        self.data(&text)
    }

    /// Text on stdout.
    /// Text on stdout, without the trailing blanks tables pad lines with.
    pub fn data(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        // An empty text is one blank line, as with println!.
        std::iter::once(text.lines().next().unwrap_or(""))
            .chain(text.lines().skip(1))
            .try_for_each(|line| writeln!(out, "{}", line.trim_end()))
            .and_then(|_| out.flush())
            .map_err(write_err)
    }

    /// A table with a header row.
    pub fn table(&self, columns: &[&str], rows: Vec<Vec<String>>) -> Table {
        let mut t = self.base_table();
        t.set_header(columns.iter().map(|c| {
            let head = Cell::new(c.to_uppercase());
            if self.term.color {
                head.add_attribute(Attribute::Bold)
            } else {
                head
            }
        }));
        for row in rows {
            t.add_row(row.iter().zip(columns).map(|(v, c)| self.cell(c, v)));
        }
        t
    }

    /// A two-column field/value table without a header.
    pub fn card(&self, rows: Vec<Vec<String>>) -> Table {
        let mut t = self.base_table();
        for row in rows {
            let key = row.first().cloned().unwrap_or_default();
            let mut cells: Vec<Cell> = row.iter().map(|v| self.cell(&key, v)).collect();
            if let (Some(first), true) = (cells.first_mut(), self.term.color) {
                *first = Cell::new(clean(&key)).add_attribute(Attribute::Bold);
            }
            t.add_row(cells);
        }
        t
    }

    fn base_table(&self) -> Table {
        // No borders: columns line up, and the output copies cleanly.
        let mut t = Table::new();
        t.load_preset(presets::NOTHING);
        t.set_content_arrangement(if self.term.stdout {
            ContentArrangement::Dynamic
        } else {
            ContentArrangement::Disabled
        });
        // The one colour decision is Term's, not comfy-table's own TTY check.
        if self.term.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t
    }

    fn cell(&self, column: &str, value: &str) -> Cell {
        let cell = Cell::new(clean(value));
        if !self.term.color || !matches!(column, "status" | "result" | "check") {
            return cell;
        }
        match value {
            "ACTIVE" | "PASS" | "added" | "removed" | "unlocked" | "reset" => cell.fg(Color::Green),
            "LOCKED_OUT" | "SUSPENDED" | "DEPROVISIONED" | "PASSWORD_EXPIRED" | "FAIL"
            | "failed" => cell.fg(Color::Red),
            "RECOVERY" | "STAGED" | "PROVISIONED" | "EXCESS" => cell.fg(Color::Yellow),
            _ => cell,
        }
    }

    /// A CSV row as written: each cell through `csv_cell`, unless `--csv-raw`.
    fn csv_row(&self, row: Vec<String>) -> Vec<String> {
        if self.csv_raw {
            return row;
        }
        row.iter().map(|c| csv_cell(c)).collect()
    }

    /// A message for people: stderr, hidden by `--quiet`.
    pub fn status(&self, msg: &str) {
        self.err.status(msg);
    }

    pub fn warn(&self, msg: &str) {
        self.err.warn(msg);
    }
}

/// The items of a list up to its first error, which is kept.
struct UntilError<I> {
    items: I,
    error: Option<Error>,
}

impl<T, I: Iterator<Item = Result<T>>> Iterator for UntilError<I> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.error.is_some() {
            return None;
        }
        match self.items.next()? {
            Ok(item) => Some(item),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }
}

/// A closed stdout (`| head`) stays a broken pipe, so the command stops quietly.
fn json_err(e: serde_json::Error) -> Error {
    if e.is_io() {
        Error::from(std::io::Error::from(e))
    } else {
        Error::failed(e.to_string())
    }
}

fn csv_err(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::from(io),
        other => Error::failed(format!("cannot write CSV: {other:?}")),
    }
}

/// An optional text, or "-" in tables.
pub fn or_dash(v: &Option<String>) -> String {
    v.as_deref()
        .filter(|s| !s.is_empty())
        .unwrap_or("-")
        .to_string()
}

/// A CSV cell a spreadsheet shows as text (OWASP's advice on CSV injection):
/// control characters escaped (`\n`, `\u{1b}`) and bidi and zero-width ones
/// made visible, as everywhere (`clean`); then a leading `'` on a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
/// full-width forms), so that it is not read as a formula. Not escaped: a
/// plain number (`-3`, `+1.5`), and the lone `-` that stands for null.
pub fn csv_cell(value: &str) -> String {
    let shown = clean(value);
    let risky = |c: char| {
        matches!(
            c,
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
        )
    };
    if value == "-" || number(value) || !value.starts_with(risky) {
        return shown;
    }
    format!("'{shown}")
}

/// `-3`, `+15551234567`, `-0.5`: a number, which no spreadsheet runs.
fn number(v: &str) -> bool {
    let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let all = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all(whole) && parts.next().is_none_or(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_written_as_text() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\",\"a\")"),
            "'=HYPERLINK(\"http://x\",\"a\")"
        );
        for risky in ["+cmd", "-2+3", "@SUM(A1)", "=", "+", "@", "\u{FF1D}1+1"] {
            assert_eq!(csv_cell(risky), format!("'{risky}"), "{risky}");
        }
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("\r=1"), "'\\r=1");
    }

    #[test]
    fn other_cells_are_left_alone() {
        for plain in [
            "jane@x.com",
            "Jane",
            "",
            "-",
            "-3",
            "+15551234567",
            "-0.5",
            "2026-11-20",
        ] {
            assert_eq!(csv_cell(plain), plain, "{plain}");
        }
        assert_eq!(csv_cell("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(csv_cell("a\u{202e}b"), "a\\u{202e}b");
        assert!(!number("-"));
        assert!(!number("1."));
        assert!(!number("1e5"));
    }
}
