//! Rendering: the same structs as a table, one JSON document, or CSV; and the
//! one decision about terminals and colour. Data goes to stdout, the rest to
//! stderr (`stderr::Stderr`). Tables fit the terminal (`table`), times in
//! them read as people say them (`time`), CSV cells are safe to open
//! (`spreadsheet`).

mod render;
mod spreadsheet;
mod stderr;
mod table;
mod time;

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use clap::ValueEnum;
use comfy_table::Table;
use serde::Serialize;

use crate::error::{Error, Result};

pub use spreadsheet::csv_cell;
pub use stderr::{last_words, restore_terminal, Stderr};
pub use table::{aligned, Fit};
pub use time::Times;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// `--color`: when stdout gets ANSI colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// At a terminal, unless NO_COLOR is set
    Auto,
    /// Always, also in a pipe and whatever NO_COLOR says
    Always,
    /// Never (as --no-color)
    Never,
}

/// Tables are laid out no narrower than this, whatever `COLUMNS` says.
const MIN_WIDTH: usize = 20;
/// A terminal whose width cannot be read (a forced one in tests).
const FALLBACK_WIDTH: usize = 80;

/// What is a terminal, decided once at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    pub color: bool,
    /// The room a table has: `None` for no limit (a pipe).
    pub width: Option<usize>,
}

impl Term {
    /// The one decision about terminals and colour. `OKTACTL_FORCE_TTY=1`
    /// (hidden, for tests) renders stdout as for a terminal. Colour: never
    /// with `--color never` (or `--no-color`), always with `--color
    /// always`, else at a terminal unless `NO_COLOR` is set (and not empty).
    pub fn detect(color: ColorWhen) -> Term {
        let forced = std::env::var_os("OKTACTL_FORCE_TTY").is_some_and(|v| v == "1");
        let real = std::io::stdout().is_terminal();
        let stdout = forced || real;
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Term {
            stdin: std::io::stdin().is_terminal(),
            stdout,
            stderr: std::io::stderr().is_terminal(),
            color: match color {
                ColorWhen::Always => true,
                ColorWhen::Never => false,
                ColorWhen::Auto => stdout && !no_color_env,
            },
            width: table_width(stdout, real),
        }
    }

    /// Someone can answer a prompt.
    pub fn interactive(&self) -> bool {
        self.stdin && self.stderr
    }
}

/// The room for a table: `COLUMNS` when set to a number (also in a pipe,
/// as `ps` and `ls` do), else the terminal's width; in a pipe no limit.
fn table_width(terminal: bool, real: bool) -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0);
    if let Some(n) = columns {
        return Some(n.max(MIN_WIDTH));
    }
    if !terminal {
        return None;
    }
    // One column short of the terminal: a styled last cell keeps its
    // padding inside the escape codes, and a line of exactly the width
    // leaves an empty line behind it in some terminals.
    let measured = if real {
        Table::new()
            .width()
            .map(usize::from)
            .filter(|&w| w > 1)
            .map(|w| w - 1)
    } else {
        None
    };
    Some(measured.unwrap_or(FALLBACK_WIDTH).max(MIN_WIDTH))
}

/// A struct that can be a table row as well as JSON.
pub trait Tabular: Serialize {
    fn columns() -> Vec<&'static str>;
    /// The cells, in the order of `columns`; an empty cell is null (`-` in
    /// a table, an empty CSV cell).
    fn row(&self) -> Vec<String>;
    /// The columns a list shows as a table (CSV and cards show all).
    fn table_columns() -> Vec<&'static str> {
        Self::columns()
    }
    /// How a column gives way in a narrow terminal (default: by its name,
    /// `Fit::of`).
    fn fit(column: &str) -> Fit {
        Fit::of(column)
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
    fn fit(column: &str) -> Fit {
        T::fit(column)
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
    /// How times read in tables (`--utc`).
    pub times: Times,
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
                    let fits: Vec<Fit> = shown.iter().map(|c| T::fit(c)).collect();
                    let text = self.table_with(&shown, &fits, rows).to_string();
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
                self.data(&self.card_with(rows, T::fit).to_string())
            }
        }
    }

    /// One JSON document, pretty, never coloured.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(|e| Error::failed(e.to_string()))?;
        self.data(&text)
    }

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

/// An optional text as a cell: empty for null, which a table shows as `-`
/// and CSV writes as an empty cell.
pub fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}
