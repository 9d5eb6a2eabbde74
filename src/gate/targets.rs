//! The users a change acts on: USER arguments, then the rows of `--from`
//! (a file, or `-` for stdin), each with its place in the input.

use std::path::PathBuf;

use clap::Args;

use super::input::{self, MAX_ROWS};
use super::run::Pace;
use super::{Gate, Outcome, Row};
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::okta::users::batch::{Batch, Hit};
use crate::okta::users::{ambiguous, Found};

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
    /// The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)
    #[arg(long, value_name = "NAME", requires = "from")]
    pub column: Option<String>,
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
    /// No file, one worker, no error budget: a single-user command.
    pub fn none() -> BulkArgs {
        BulkArgs {
            from: None,
            column: None,
            concurrency: 1,
            max_errors: None,
            no_preflight: false,
        }
    }

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

/// The USER arguments followed by the users of `--from` (`-` = stdin), in
/// order, at most `MAX_ROWS`.
/// One USER argument as the only row (commands that act on one user).
pub fn one_target(user: &str) -> Result<Vec<Target>> {
    read_targets(&[user.to_string()], &BulkArgs::none())
}

pub fn read_targets(args: &[String], bulk: &BulkArgs) -> Result<Vec<Target>> {
    let mut targets: Vec<String> = args
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    if let Some(path) = bulk.from.as_deref() {
        let text = input::read(path)?;
        let rows = input::parse(&text, bulk.column.as_deref()).map_err(|e| {
            let name = if path.as_os_str() == "-" {
                "stdin".to_string()
            } else {
                path.display().to_string()
            };
            e.context(format!("reading users from {name}"))
        })?;
        targets.extend(rows);
    }
    if targets.is_empty() {
        return Err(
            Error::usage("no users given").hint("name users as arguments, or pass --from FILE")
        );
    }
    if targets.len() > MAX_ROWS {
        return Err(
            Error::usage(format!("more than {MAX_ROWS} users: the limit for one run"))
                .hint("split the users into several files and run once per file"),
        );
    }
    Ok(targets
        .into_iter()
        .enumerate()
        .map(|(i, input)| Target { row: i + 1, input })
        .collect())
}
