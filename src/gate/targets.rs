//! The users a change acts on: USER arguments, then the rows of `--from`
//! (a file, or `-` for stdin), each with its place in the input.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::run::Pace;
use super::{Gate, Outcome, Row};
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::okta::users::batch::{Batch, Hit};
use crate::okta::users::{ambiguous, Found};

/// Column names, most exact first, that hold the user in a CSV file.
const USER_COLUMNS: [&str; 3] = ["id", "login", "email"];

/// One row of input: its 1-based position and the user as given.
#[derive(Debug, Clone)]
pub struct Target {
    pub row: usize,
    pub input: String,
}

/// Input and pacing of every command that changes several users.
#[derive(Debug, Clone, Args)]
pub struct BulkArgs {
    /// Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Rows worked on at once, sharing the org's rate limit
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub concurrency: u8,
    /// Start no new row after N rows failed (the rest are reported `skipped`)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_errors: Option<u32>,
    /// Skip the check, before the first change of several, that the credential's roles cover the run
    #[arg(long)]
    pub no_preflight: bool,
}

impl BulkArgs {
    pub fn pace(&self) -> Pace {
        Pace {
            concurrency: usize::from(self.concurrency),
            max_errors: self.max_errors.map(|m| m as usize),
        }
    }
}

impl Gate<'_> {
    /// The user a row names. `me` (the credential's own admin account) is
    /// refused: a change never acts on the account that makes it. The only
    /// row may show a picker at a terminal; in bulk, several matches fail.
    /// `Err` is the row's final result: `refused` for `me`, else `failed`
    /// with the error as `explain` words it.
    pub fn resolve(
        &self,
        t: &Target,
        single: bool,
        explain: impl Fn(Error) -> Error,
    ) -> std::result::Result<User, Box<Row>> {
        self.resolve_from(None, t, single, explain)
    }

    /// `resolve`, taking first what a batch lookup (`Client::find_users`)
    /// found: a user it found needs no request, one it searched for in
    /// vain gets one `GET` (the search index lags), others are looked up
    /// as usual.
    pub fn resolve_from(
        &self,
        batch: Option<&Batch>,
        t: &Target,
        single: bool,
        explain: impl Fn(Error) -> Error,
    ) -> std::result::Result<User, Box<Row>> {
        if t.input.trim().eq_ignore_ascii_case("me") {
            let e =
                Error::usage("'me' names the credential's own admin account; changes refuse it")
                    .hint("name the user by id, login or email");
            return Err(Box::new(Row::failed(t.row, &t.input, Outcome::Refused, e)));
        }
        let found = match (batch.and_then(|b| b.get(&t.input)), single) {
            (Some(Hit::Found(f)), _) => Ok(f.clone()),
            (Some(Hit::Missed), _) => self.client.find_user_by_get(&t.input),
            (None, true) => self
                .ctx
                .resolve_user(&t.input)
                .map(|u| Found::One(Box::new(u))),
            (None, false) => self.client.find_user(&t.input),
        };
        let found = found.and_then(|f| match f {
            Found::One(u) => Ok(*u),
            Found::Many(users) => Err(ambiguous(&t.input, &users)),
        });
        found.map_err(|e| Box::new(Row::failed(t.row, &t.input, Outcome::Failed, explain(e))))
    }
}

/// The USER arguments followed by the users of `--from` (`-` = stdin), in order.
pub fn read_targets(args: &[String], from: Option<&Path>) -> Result<Vec<Target>> {
    let mut targets: Vec<String> = args
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    if let Some(path) = from {
        let text = if path == Path::new("-") {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Error::usage(format!("cannot read users from stdin: {e}")))?;
            s
        } else {
            std::fs::read_to_string(path).map_err(|e| {
                Error::usage(format!("cannot read users from {}: {e}", path.display()))
            })?
        };
        targets.extend(parse(&text).map_err(|e| e.context(path.display()))?);
    }
    if targets.is_empty() {
        return Err(
            Error::usage("no users given").hint("name users as arguments, or pass --from FILE")
        );
    }
    Ok(targets
        .into_iter()
        .enumerate()
        .map(|(i, input)| Target { row: i + 1, input })
        .collect())
}

/// Plain lines (blank lines and `#` comments skipped), or CSV whose first
/// line is a header with a `login`, `email` or `id` column.
pub fn parse(text: &str) -> Result<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let useful = |l: &&str| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with('#')
    };
    let Some(first) = text.lines().find(useful) else {
        return Ok(Vec::new());
    };
    let header: Vec<String> = first
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let column = USER_COLUMNS
        .iter()
        .find_map(|want| header.iter().position(|h| h == want));
    let Some(column) = column else {
        if header.len() > 1 {
            return Err(
                Error::usage("the CSV header has no login, email or id column")
                    .hint("name the column holding the users 'login', 'email' or 'id'"),
            );
        }
        return Ok(text
            .lines()
            .filter(useful)
            .map(|l| l.trim().to_string())
            .collect());
    };
    let body: String = text.lines().filter(useful).collect::<Vec<_>>().join("\n");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(body.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| Error::usage(format!("bad CSV at data row {}: {e}", i + 1)))?;
        if let Some(v) = record.get(column).filter(|v| !v.is_empty()) {
            out.push(v.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_skip_blanks_and_comments() {
        let got = parse("# users\njane@x.com\n\n  bob@x.com  \n#x\n").unwrap();
        assert_eq!(got, vec!["jane@x.com", "bob@x.com"]);
    }

    #[test]
    fn csv_takes_the_user_column() {
        let got = parse("Name,Email,Dept\n\"Doe, Jane\",jane@x.com,R&D\nBob,bob@x.com,\n").unwrap();
        assert_eq!(got, vec!["jane@x.com", "bob@x.com"]);
        let got = parse("id,email\n00u1,a@x.com\n").unwrap();
        assert_eq!(got, vec!["00u1"]);
        assert_eq!(parse("LOGIN\njane\n").unwrap(), vec!["jane"]);
    }

    #[test]
    fn csv_without_a_user_column_is_refused() {
        let e = parse("name,dept\nJane,R&D\n").unwrap_err();
        assert_eq!(e.exit_code(), 2);
    }
}
