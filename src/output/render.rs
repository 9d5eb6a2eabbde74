//! The printer's tables: each cell cleaned, times as people read them, null
//! as `-`, laid out to the terminal's width (`table::plan`), coloured by
//! status where colour is on.

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

use super::table::{plan, shape, text_width, wrap};
use super::time::is_time;
use super::{Fit, Printer};
use crate::error::clean;

/// A card's value column is wrapped no narrower than this.
const CARD_VALUE_MIN: usize = 20;

impl Printer {
    /// A table with a header row, its columns fitted by name (`Fit::of`).
    pub fn table(&self, columns: &[&str], rows: Vec<Vec<String>>) -> Table {
        let fits: Vec<Fit> = columns.iter().map(|c| Fit::of(c)).collect();
        self.table_with(columns, &fits, rows)
    }

    /// A table with a header row, each column fitted as `fits` says.
    pub fn table_with(&self, columns: &[&str], fits: &[Fit], rows: Vec<Vec<String>>) -> Table {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| self.text(c, row.get(i).map_or("", String::as_str), false))
                    .collect()
            })
            .collect();
        let heads: Vec<String> = columns.iter().map(|c| c.to_uppercase()).collect();
        let head_refs: Vec<&str> = heads.iter().map(String::as_str).collect();
        let layout = plan(&head_refs, fits, &rows, self.term.width);
        let mut t = self.base_table();
        t.set_header(layout.keep.iter().map(|&i| {
            let head = Cell::new(&heads[i]);
            if self.term.color {
                head.add_attribute(Attribute::Bold)
            } else {
                head
            }
        }));
        for row in &rows {
            t.add_row(layout.keep.iter().zip(&layout.widths).map(|(&i, &w)| {
                let fit = fits.get(i).copied().unwrap_or(Fit::Whole);
                let text = shape(row.get(i).map_or("", String::as_str), fit, w);
                self.styled(columns[i], text)
            }));
        }
        t
    }

    /// A two-column field/value table without a header.
    pub fn card(&self, rows: Vec<Vec<String>>) -> Table {
        self.card_with(rows, Fit::of)
    }

    /// A card whose long free-text values wrap to the terminal (`fit` by
    /// field name); times read as `2026-11-20 09:12 (3 h ago)`.
    pub fn card_with(&self, rows: Vec<Vec<String>>, fit: impl Fn(&str) -> Fit) -> Table {
        let key_width = rows
            .iter()
            .filter_map(|r| r.first())
            .map(|k| text_width(&clean(k)))
            .max()
            .unwrap_or(0);
        let room = self
            .term
            .width
            .map(|w| w.saturating_sub(key_width + 3).max(CARD_VALUE_MIN));
        let mut t = self.base_table();
        for row in rows {
            let key = row.first().cloned().unwrap_or_default();
            let mut cells = vec![if self.term.color {
                Cell::new(clean(&key)).add_attribute(Attribute::Bold)
            } else {
                Cell::new(clean(&key))
            }];
            for v in row.iter().skip(1) {
                let mut text = self.text(&key, v, true);
                if let (Some(room), Fit::Free | Fit::Low) = (room, fit(&key)) {
                    text = wrap(&text, room).join("\n");
                }
                cells.push(self.styled(&key, text));
            }
            t.add_row(cells);
        }
        t
    }

    /// A cell's text: a time as people read it, control characters escaped,
    /// tabs as spaces, null (empty) as `-`.
    fn text(&self, column: &str, value: &str, long: bool) -> String {
        let value = if is_time(column) {
            if long {
                self.times.long(value)
            } else {
                self.times.short(value)
            }
        } else {
            value.to_string()
        };
        let text = clean(&value).replace('\t', " ");
        if text.trim().is_empty() {
            "-".to_string()
        } else {
            text
        }
    }

    fn base_table(&self) -> Table {
        // No borders: columns line up, and the output copies cleanly. The
        // layout is `plan`'s, never comfy-table's own wrapping.
        let mut t = Table::new();
        t.load_preset(presets::NOTHING);
        t.set_content_arrangement(ContentArrangement::Disabled);
        // The one colour decision is Term's, not comfy-table's own TTY check.
        if self.term.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t
    }

    /// The cell, coloured by its value in status columns where colour is on.
    fn styled(&self, column: &str, text: String) -> Cell {
        let colour = match text.as_str() {
            "ACTIVE" | "PASS" | "added" | "removed" | "unlocked" | "reset" => Some(Color::Green),
            "LOCKED_OUT" | "SUSPENDED" | "DEPROVISIONED" | "PASSWORD_EXPIRED" | "FAIL"
            | "failed" => Some(Color::Red),
            "RECOVERY" | "STAGED" | "PROVISIONED" | "EXCESS" => Some(Color::Yellow),
            _ => None,
        };
        let cell = Cell::new(text);
        match colour {
            Some(c) if self.term.color && matches!(column, "status" | "result" | "check") => {
                cell.fg(c)
            }
            _ => cell,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::output::{Format, Stderr, Term, Times};

    fn printer(width: Option<usize>, times: Times) -> Printer {
        Printer {
            format: Format::Table,
            term: Term {
                stdin: false,
                stdout: true,
                stderr: false,
                color: false,
                width,
            },
            quiet: true,
            csv_raw: false,
            err: Arc::new(Stderr::new(true, false, false)),
            times,
        }
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|c| c.to_string()).collect()
    }

    /// `user list` at 60 columns: no login is broken or cut, no line is
    /// wider than the terminal; the id (optional) and the department (low
    /// value) give way first.
    #[test]
    fn at_60_columns_every_login_stays_whole() {
        let columns = ["id", "login", "name", "status", "department", "last_login"];
        let fits = [
            Fit::Optional,
            Fit::Whole,
            Fit::Low,
            Fit::Whole,
            Fit::Low,
            Fit::Whole,
        ];
        let logins = [
            "jane.doe@acme.com",
            "maximilian.mustermann@example.org",
            "a@b.co",
        ];
        let rows: Vec<Vec<String>> = logins
            .iter()
            .map(|l| {
                s(&[
                    "00u1abcdefghijklmnop",
                    l,
                    "Maximilian Alexander Mustermann",
                    "LOCKED_OUT",
                    "Research and Development",
                    "2026-11-23T07:00:00.000Z",
                ])
            })
            .collect();
        let human = Times::at("2026-11-23T10:00:00Z", jiff::tz::TimeZone::UTC);
        for (times, utc) in [(human, false), (Times::iso(), true)] {
            let p = printer(Some(60), times);
            let text = p.table_with(&columns, &fits, rows.clone()).to_string();
            let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
            for line in &lines {
                assert!(
                    text_width(line) <= 60,
                    "{} wide: {line}\n{text}",
                    text_width(line)
                );
            }
            for login in logins {
                assert!(
                    lines
                        .iter()
                        .any(|l| l.split_whitespace().any(|w| w == login)),
                    "{login} broken:\n{text}"
                );
            }
            assert!(
                lines[0].contains("LOGIN") && lines[0].contains("STATUS"),
                "{text}"
            );
            assert!(
                !text.contains("00u1abcdefghijklmnop"),
                "the id gave way: {text}"
            );
            if utc {
                // The ISO time does not fit beside the longest login: it goes whole.
                assert!(!text.contains("2026-11-23"), "{text}");
            } else {
                assert!(text.contains("3 h ago"), "{text}");
            }
        }
    }

    #[test]
    fn free_text_wraps_under_its_header_and_nulls_are_dashes() {
        let columns = ["user", "result", "error"];
        let rows = vec![
            s(&[
                "jane@acme.com",
                "failed",
                "the user is not locked out, so there is nothing to unlock here",
            ]),
            s(&["max@acme.com", "unlocked", ""]),
        ];
        let text = printer(Some(50), Times::iso())
            .table(&columns, rows)
            .to_string();
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        assert!(lines.len() > 3, "the error wraps: {text}");
        assert!(lines.iter().all(|l| text_width(l) <= 50), "{text}");
        let error_at = lines[0].find("ERROR").unwrap();
        assert_eq!(&lines[1][error_at..error_at + 3], "the", "{text}");
        assert!(lines.last().unwrap().ends_with('-'), "{text}");
    }

    #[test]
    fn times_are_relative_at_a_terminal_and_iso_with_utc() {
        let rows = || vec![s(&["jane@acme.com", "2026-11-23T07:00:00.000Z"])];
        let human = Times::at("2026-11-23T10:00:00Z", jiff::tz::TimeZone::UTC);
        let text = printer(Some(80), human)
            .table(&["login", "last_login"], rows())
            .to_string();
        assert!(text.contains("3 h ago"), "{text}");
        let text = printer(Some(80), Times::iso())
            .table(&["login", "last_login"], rows())
            .to_string();
        assert!(text.contains("2026-11-23T07:00:00Z"), "{text}");
    }
}
