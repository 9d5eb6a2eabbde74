//! Bulk commands (`unlock`, `grant`, `revoke`): the users to act on, from
//! arguments and `--from FILE`, and the per-row results.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{or_dash, Format, Tabular};

/// Column names, most exact first, that hold the user in a CSV file.
const USER_COLUMNS: [&str; 3] = ["id", "login", "email"];

/// The USER arguments followed by the users of `--from` (`-` = stdin), in order.
pub fn read_targets(args: &[String], from: Option<&Path>) -> Result<Vec<String>> {
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
    Ok(targets)
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

/// The result of one row of a bulk command.
#[derive(Debug, Serialize)]
pub struct BulkRow {
    pub user: String,
    pub user_id: Option<String>,
    pub group: Option<String>,
    pub result: String,
    pub error: Option<String>,
    /// The failure itself, for the exit code of a single-row run.
    #[serde(skip)]
    pub failure: Option<Error>,
}

impl BulkRow {
    pub fn ok(user: &str, user_id: &str, result: &str) -> BulkRow {
        BulkRow {
            user: user.to_string(),
            user_id: Some(user_id.to_string()),
            group: None,
            result: result.to_string(),
            error: None,
            failure: None,
        }
    }

    pub fn failed(user: &str, user_id: Option<&str>, e: Error) -> BulkRow {
        BulkRow {
            user: user.to_string(),
            user_id: user_id.map(str::to_string),
            group: None,
            result: "failed".into(),
            error: Some(e.message.clone()),
            failure: Some(e),
        }
    }

    pub fn is_failed(&self) -> bool {
        self.failure.is_some()
    }
}

impl Tabular for BulkRow {
    fn columns() -> Vec<&'static str> {
        vec!["user", "user_id", "group", "result", "error"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user.clone(),
            or_dash(&self.user_id),
            or_dash(&self.group),
            self.result.clone(),
            or_dash(&self.error),
        ]
    }
}

#[derive(Serialize)]
struct Summary<'a> {
    results: &'a [BulkRow],
    ok: usize,
    failed: usize,
}

/// Print the rows (table, `{"results","ok","failed"}` JSON, or CSV) and
/// decide the outcome: several rows with a failure → exit 1; a single row
/// → that row's own error.
pub fn finish(ctx: &Context, rows: Vec<BulkRow>) -> Result<()> {
    let failed = rows.iter().filter(|r| r.is_failed()).count();
    let ok = rows.len() - failed;
    let single_failure = rows.len() == 1 && failed == 1;
    match ctx.out.format {
        Format::Json => ctx.out.json(&Summary {
            results: &rows,
            ok,
            failed,
        })?,
        Format::Csv => {
            ctx.out.list(rows.iter().map(Ok))?;
        }
        // A single failed row is said by the error itself.
        Format::Table if single_failure => {}
        Format::Table => {
            let with_group = rows.iter().any(|r| r.group.is_some());
            let columns: Vec<&str> = BulkRow::columns()
                .into_iter()
                .filter(|c| with_group || *c != "group")
                .collect();
            let table_rows = rows
                .iter()
                .map(|r| {
                    let mut row = r.row();
                    if !with_group {
                        row.remove(2);
                    }
                    row
                })
                .collect();
            ctx.out
                .data(&ctx.out.table(&columns, table_rows).to_string())?;
        }
    }
    if single_failure {
        if let Some(e) = rows.into_iter().find_map(|r| r.failure) {
            return Err(e);
        }
    }
    if failed > 0 {
        return Err(Error::failed(format!(
            "{failed} of {} failed ({ok} ok)",
            ok + failed
        )));
    }
    Ok(())
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
