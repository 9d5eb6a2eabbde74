//! Reading a policy file: every key and value checked, every problem found
//! reported with its line and column (unknown keys, wrong types, bad
//! regexes, bad spans, unknown commands), not just the first.

use std::ops::Range;
use std::path::Path;

use toml_edit::{ImDocument, Item, TableLike};

use super::Policy;

const SECTIONS: [&str; 6] = [
    "verification",
    "protect",
    "cooldown",
    "ticket",
    "grant",
    "mcp",
];

/// Where something is in the file: a byte range, when known.
pub(super) type Span = Option<Range<usize>>;

/// One thing wrong with a file, where it is (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Read a policy; `Err` holds every problem found.
pub fn parse(text: &str, file: &Path) -> Result<Policy, Vec<Problem>> {
    let mut w = Walk {
        text,
        problems: Vec::new(),
    };
    let doc = match ImDocument::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let message = e.message().trim().to_string();
            w.problem(e.span(), format!("not valid TOML: {message}"));
            return Err(w.problems);
        }
    };
    let mut p = Policy::defaults(file);
    if let Some(root) = doc.as_item().as_table_like() {
        for (name, item) in root.iter() {
            let at = key_span(root, name);
            let Some(t) = item.as_table_like() else {
                let msg = format!("'{name}' must be a table ([{name}]), not {}", kind(item));
                w.problem(at, msg);
                continue;
            };
            match name {
                "verification" => w.verification(t, &mut p),
                "protect" => w.protect(t, &mut p),
                "cooldown" => w.cooldown(t, &mut p),
                "ticket" => w.ticket(t, &mut p),
                "grant" => w.grant(t, &mut p),
                "mcp" => w.mcp(t, &mut p),
                _ => w.unknown(at, "", name, &SECTIONS),
            }
        }
    }
    if w.problems.is_empty() {
        return Ok(p);
    }
    // In the order of the file.
    w.problems.sort_by_key(|p| (p.line, p.column));
    Err(w.problems)
}

pub(super) struct Walk<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

pub(super) fn key_span(t: &dyn TableLike, key: &str) -> Span {
    t.get_key_value(key).and_then(|(k, _)| k.span())
}

pub(super) fn kind(item: &Item) -> String {
    match item {
        Item::Value(v) => format!("{} {}", article(v.type_name()), v.type_name()),
        other => format!("{} {}", article(other.type_name()), other.type_name()),
    }
}

pub(super) fn article(name: &str) -> &'static str {
    match name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

impl Walk<'_> {
    /// 1-based line and column of a byte offset.
    fn place(&self, offset: usize) -> (usize, usize) {
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    pub(super) fn line(&self, span: Span) -> Option<usize> {
        Some(self.place(span.map_or(0, |s| s.start)).0)
    }

    pub(super) fn problem(&mut self, span: Span, message: String) {
        let (line, column) = self.place(span.map_or(0, |s| s.start));
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    pub(super) fn unknown(&mut self, at: Span, section: &str, key: &str, known: &[&str]) {
        let msg = if section.is_empty() {
            format!(
                "unknown section [{key}]; the sections are {}",
                known.join(", ")
            )
        } else {
            format!(
                "unknown key '{key}' in [{section}]; its keys are {}",
                known.join(", ")
            )
        };
        self.problem(at, msg);
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
