//! What `--from` text means: the users it names, one per row.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`; blank lines and lines starting
//! `#` are skipped. The first line decides the format:
//! - it holds a `,`, `;` or tab outside quotes: CSV with that delimiter,
//!   the first line its header (several of those characters: refused);
//! - else one column: the first line is its header when it is `login`,
//!   `email`, `id` (any case) or the `--column` name; without a header,
//!   the first line must look like a user (an `@`, or an id `00u…`), so a
//!   header naming no known column is never looked up as a user.
//!
//! In CSV the users' column is the `--column` one, else the one column of
//! the header named `id`, `login` or `email`; a header with several of those
//! (an `id` of employee numbers beside `email`) or none is refused.

use std::io::Read;

use super::{size, MAX_LINE, MAX_ROWS};
use crate::error::{Error, Result};

/// The column names that hold a user, as Okta names them.
const USER_COLUMNS: [&str; 3] = ["id", "login", "email"];

/// The users `text` names, in order.
pub fn parse(text: &str, column: Option<&str>) -> Result<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = useful_lines(text);
    let Some(first) = lines.clone().next() else {
        return Ok(Vec::new());
    };
    match delimiter(first)? {
        Some(d) => csv_column(lines, d, column),
        None => one_column(first, lines, column),
    }
}

/// The lines that count, trimmed.
fn useful_lines(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The one delimiter the header line uses outside quotes, if any.
fn delimiter(header: &str) -> Result<Option<u8>> {
    let mut quoted = false;
    let mut seen: Vec<u8> = Vec::new();
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' | b';' | b'\t' if !quoted && !seen.contains(&b) => seen.push(b),
            _ => {}
        }
    }
    match seen.as_slice() {
        [] => Ok(None),
        [d] => Ok(Some(*d)),
        _ => {
            let names: Vec<&str> = seen.iter().map(|d| delimiter_name(*d)).collect();
            Err(Error::usage(format!(
                "the header line mixes {}: cannot tell which separates the columns",
                names.join(" and ")
            ))
            .hint(
                "separate the columns with one of ',', ';' or a tab, and quote cells that hold it",
            ))
        }
    }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "','",
        b';' => "';'",
        _ => "tabs",
    }
}

/// One value per line, after an optional header.
fn one_column<'a>(
    first: &str,
    lines: impl Iterator<Item = &'a str>,
    column: Option<&str>,
) -> Result<Vec<String>> {
    let head = unquote(first);
    let is_header = match column {
        Some(c) if head.eq_ignore_ascii_case(c.trim()) => true,
        Some(c) => {
            return Err(Error::usage(format!(
                "--column '{c}': the first line, '{head}', is not a header naming it"
            ))
            .hint(
                if USER_COLUMNS.iter().any(|k| head.eq_ignore_ascii_case(k)) {
                    format!("its header is '{head}': pass --column {head}, or leave out --column")
                } else {
                    format!(
                        "start the input with a header line `{}`, or leave out --column",
                        c.trim()
                    )
                },
            ))
        }
        None => USER_COLUMNS.iter().any(|k| head.eq_ignore_ascii_case(k)),
    };
    if !is_header && !looks_like_user(&head) {
        return Err(Error::usage(format!(
            "the first line, '{head}', is neither a column name (login, email or id) nor a user (an email, or an id 00u…)"
        ))
        .hint("if every line is a user, add a first line `login`; CSV columns are separated by ',', ';' or a tab"));
    }
    let mut out = Vec::new();
    for l in lines.skip(usize::from(is_header)) {
        push(&mut out, unquote(l))?;
    }
    Ok(out)
}

/// A value with no header would be (`jane@acme.com`, `00u1ab2cd3EF4gh5i6j7`).
fn looks_like_user(v: &str) -> bool {
    v.contains('@') || v.starts_with("00u")
}

/// One cell of a one-column CSV: `"a ""b"""` → `a "b"`.
fn unquote(cell: &str) -> String {
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\"").trim().to_string(),
        None => cell.to_string(),
    }
}

fn push(out: &mut Vec<String>, v: String) -> Result<()> {
    if v.is_empty() {
        return Ok(());
    }
    if out.len() >= MAX_ROWS {
        return Err(
            Error::usage(format!("more than {MAX_ROWS} users: the limit for one run"))
                .hint("split the users into several files and run once per file"),
        );
    }
    out.push(v);
    Ok(())
}

/// The users' column of a CSV file.
fn csv_column<'a>(
    lines: impl Iterator<Item = &'a str>,
    delimiter: u8,
    column: Option<&str>,
) -> Result<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(Joined::new(lines));
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Error::usage(format!("bad CSV header: {e}")))?
        .iter()
        .map(str::to_string)
        .collect();
    let at = pick(&header, column)?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| Error::usage(format!("bad CSV at data row {}: {e}", i + 1)))?;
        if record.as_slice().len() > MAX_LINE {
            return Err(Error::usage(format!(
                "data row {} is longer than {}, the limit for one row",
                i + 1,
                size(MAX_LINE)
            )));
        }
        push(&mut out, record.get(at).unwrap_or_default().to_string())?;
    }
    Ok(out)
}

/// The index of the column holding the users.
fn pick(header: &[String], column: Option<&str>) -> Result<usize> {
    let listed = || header.join(", ");
    let at = |name: &str| -> Vec<usize> {
        (0..header.len())
            .filter(|&i| header.get(i).is_some_and(|h| h.eq_ignore_ascii_case(name)))
            .collect()
    };
    if let Some(name) = column {
        return match at(name.trim()).as_slice() {
            [i] => Ok(*i),
            [] => Err(Error::usage(format!(
                "--column '{name}': the CSV header has no such column"
            ))
            .hint(format!("its columns: {}", listed()))),
            _ => Err(Error::usage(format!(
                "--column '{name}': the CSV header has that column more than once"
            ))
            .hint("rename the columns so that the one holding the users is unique")),
        };
    }
    let found: Vec<(usize, &str)> = USER_COLUMNS
        .iter()
        .flat_map(|k| at(k).into_iter().map(move |i| (i, *k)))
        .collect();
    match found.as_slice() {
        [(i, _)] => Ok(*i),
        [] => Err(
            Error::usage("the CSV header names no column of users (login, email or id)").hint(
                format!(
                    "its columns: {}; pass --column NAME to read one of them",
                    listed()
                ),
            ),
        ),
        _ => {
            let names: Vec<&str> = found.iter().map(|(_, k)| *k).collect();
            let passes: Vec<String> = names.iter().map(|k| format!("--column {k}")).collect();
            Err(Error::usage(format!(
                "the CSV header has more than one column that could hold the users: {}",
                names.join(", ")
            ))
            .hint(format!("say which: pass {}", passes.join(" or "))))
        }
    }
}

/// The useful lines as one stream, each ending `\n`, for the CSV reader.
struct Joined<'a, I> {
    lines: I,
    cur: &'a [u8],
    newline: bool,
}

impl<'a, I: Iterator<Item = &'a str>> Joined<'a, I> {
    fn new(lines: I) -> Self {
        Joined {
            lines,
            cur: &[],
            newline: false,
        }
    }
}

impl<'a, I: Iterator<Item = &'a str>> Read for Joined<'a, I> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while let Some(room) = buf.get_mut(n..).filter(|r| !r.is_empty()) {
            if !self.cur.is_empty() {
                let k = room.len().min(self.cur.len());
                let (now, rest) = self.cur.split_at(k);
                room.get_mut(..k).unwrap_or_default().copy_from_slice(now);
                self.cur = rest;
                n += k;
            } else if self.newline {
                if let Some(b) = room.first_mut() {
                    *b = b'\n';
                }
                self.newline = false;
                n += 1;
            } else if let Some(line) = self.lines.next() {
                self.cur = line.as_bytes();
                self.newline = true;
            } else {
                break;
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(text: &str) -> Vec<String> {
        parse(text, None).unwrap()
    }

    fn refused(text: &str, column: Option<&str>) -> Error {
        let e = parse(text, column).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        e
    }

    #[test]
    fn plain_lines_skip_blanks_and_comments() {
        let got = users("# users\njane@x.com\n\n  bob@x.com  \n#x\n00u1\n");
        assert_eq!(got, vec!["jane@x.com", "bob@x.com", "00u1"]);
        assert_eq!(users("login\njane\n\"bob\"\n"), vec!["jane", "bob"]);
        assert_eq!(users("\u{feff}EMAIL\r\njane@x.com\r\n"), vec!["jane@x.com"]);
        assert!(users("\n# nothing\n").is_empty());
    }

    #[test]
    fn a_first_line_that_is_no_header_and_no_user_is_refused() {
        let e = refused("Employees\njane@x.com\n", None);
        assert!(e.message.contains("'Employees'"), "{}", e.message);
        assert!(e.hints.concat().contains("`login`"), "{:?}", e.hints);
        refused("jane\nbob\n", None);
        refused("login|email\njane|jane@x.com\n", None);
    }

    #[test]
    fn csv_takes_the_user_column() {
        let got = users("Name,Email,Dept\n\"Doe, Jane\",jane@x.com,R&D\nBob,bob@x.com,\n");
        assert_eq!(got, vec!["jane@x.com", "bob@x.com"]);
        assert_eq!(users("name,LOGIN\nA,\n B , jane \n"), vec!["jane"]);
    }

    #[test]
    fn several_user_columns_need_column() {
        let e = refused("id,email\n1042,a@x.com\n", None);
        assert!(e.message.contains("id, email"), "{}", e.message);
        assert!(
            e.hints.concat().contains("--column id or --column email"),
            "{:?}",
            e.hints
        );
        let got = parse("id,email\n1042,a@x.com\n", Some("Email")).unwrap();
        assert_eq!(got, vec!["a@x.com"]);
        let got = parse("Employee,Work Mail\n1,a@x.com\n", Some("work mail")).unwrap();
        assert_eq!(got, vec!["a@x.com"]);
        let e = refused("id,email\n1,a@x.com\n", Some("mail"));
        assert!(e.hints.concat().contains("id, email"), "{:?}", e.hints);
        refused("email,email\na@x.com,b@x.com\n", None);
        let e = refused("email\njane@x.com\n", Some("login"));
        assert!(e.hints.concat().contains("--column email"), "{:?}", e.hints);
        assert_eq!(parse("User\njane\n", Some("user")).unwrap(), vec!["jane"]);
    }

    #[test]
    fn csv_without_a_user_column_is_refused() {
        let e = refused("name,dept\nJane,R&D\n", None);
        assert!(e.hints.concat().contains("name, dept"), "{:?}", e.hints);
        // Data without a header is not guessed at.
        refused("jane@x.com,Jane Doe\n", None);
    }

    #[test]
    fn delimiters_and_line_endings() {
        assert_eq!(users("name;email\nDoe, J;j@x.com\n"), vec!["j@x.com"]);
        assert_eq!(users("name\temail\nJ\tj@x.com\n"), vec!["j@x.com"]);
        assert_eq!(users("\"a;b\",email\nx,j@x.com\n"), vec!["j@x.com"]);
        assert_eq!(
            users("name,email\rJ,j@x.com\rK,k@x.com"),
            vec!["j@x.com", "k@x.com"]
        );
        assert_eq!(users("a@x.com\rb@x.com\r"), vec!["a@x.com", "b@x.com"]);
        let e = refused("name;email,dept\n", None);
        assert!(e.message.contains("';' and ','"), "{}", e.message);
    }

    #[test]
    fn rows_are_bounded() {
        let long = format!("name,email\n\"{}\",j@x.com\n", "a\n".repeat(MAX_LINE));
        let e = refused(&long, None);
        assert!(e.message.contains("64 KiB"), "{}", e.message);
        let many = "a@x.com\n".repeat(MAX_ROWS + 1);
        let e = refused(&many, None);
        assert!(e.message.contains("100000"), "{}", e.message);
        assert_eq!(users(&"a@x.com\n".repeat(MAX_ROWS)).len(), MAX_ROWS);
    }
}
