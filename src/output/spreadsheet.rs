//! CSV cells a spreadsheet shows as text (OWASP's advice on CSV injection).

use crate::error::clean;

/// A CSV cell a spreadsheet shows as text: control characters escaped
/// (`\n`, `\u{1b}`) and bidi and zero-width ones made visible, as
/// everywhere (`clean`); then a leading `'` on a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return (or their full-width forms),
/// so that it is not read as a formula. Not escaped: a plain number (`-3`,
/// `+1.5`). Null is an empty cell, so a value `-` is escaped like any other.
pub fn csv_cell(value: &str) -> String {
    let shown = clean(value);
    let risky = |c: char| {
        matches!(
            c,
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
        )
    };
    if number(value) || !value.starts_with(risky) {
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
        for risky in [
            "+cmd",
            "-2+3",
            "@SUM(A1)",
            "=",
            "+",
            "@",
            "-",
            "\u{FF1D}1+1",
        ] {
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
