//! Tables that fit the terminal without breaking what must stay whole: an
//! id, login, email, time or event type is never wrapped or cut. When the
//! row is too wide, low-value columns are cut (with `…`) and then dropped,
//! optional ones dropped, and only free text is wrapped.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How a column gives way when the table is wider than the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Never wrapped, cut or dropped: logins, emails, users, times, event
    /// types, statuses and results.
    Whole,
    /// Whole or not at all: dropped (rightmost first) when short of room;
    /// ids beside a login, IP addresses.
    Optional,
    /// Low value: cut with `…`, then dropped: names, departments, labels.
    Low,
    /// Free text: wrapped to the room left: errors, messages, reasons.
    Free,
}

/// Free text is wrapped no narrower than this (or its header).
const FREE_MIN: usize = 20;
/// ... and, when nothing else gives way, no narrower than this.
const FREE_LAST: usize = 8;
/// Low-value text is cut no shorter than this (or its header).
const LOW_MIN: usize = 6;

impl Fit {
    /// The default for a column, by its name.
    pub fn of(column: &str) -> Fit {
        match column {
            "error" | "message" | "reason" | "display_message" | "detail" | "fix"
            | "description" | "call" | "request" | "user_agent" | "scopes" | "scope" | "why" => {
                Fit::Free
            }
            "name" | "department" | "title" | "manager" | "label" | "policy" | "group"
            | "location" | "source" | "keyring" | "via_group" | "role_label" => Fit::Low,
            "client_ip" | "ip" | "row" | "proven_by" => Fit::Optional,
            c if c.ends_with("_id") => Fit::Optional,
            _ => Fit::Whole,
        }
    }
}

/// Which columns are shown, and how wide each is (kept columns only, in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub keep: Vec<usize>,
    pub widths: Vec<usize>,
}

/// The width a line of these columns takes: one space of padding either
/// side of each cell, the last cell's trailing one trimmed.
fn line_width(widths: &[usize]) -> usize {
    widths
        .iter()
        .map(|w| w + 2)
        .sum::<usize>()
        .saturating_sub(1)
}

pub fn text_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Lay out the columns in `room` (no limit: everything as wide as it is).
/// First every low-value column is cut and every free-text one narrowed to
/// its minimum; then optional columns, then low-value ones, are dropped
/// from the right until the row fits; then free text narrows further, and
/// whole columns are dropped from the right (never the first); a dropped
/// column that fits again comes back; the room left goes back to free
/// text, then to low-value text. A column that must
/// stay whole is never narrowed: if the first alone is wider than the
/// terminal, so are the lines.
pub fn plan(heads: &[&str], fits: &[Fit], rows: &[Vec<String>], room: Option<usize>) -> Layout {
    let n = heads.len();
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| text_width(c))
                .chain([text_width(heads[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fit = |i: usize| fits.get(i).copied().unwrap_or(Fit::Whole);
    let all = Layout {
        keep: (0..n).collect(),
        widths: natural.clone(),
    };
    let Some(room) = room else { return all };
    if line_width(&natural) <= room {
        return all;
    }
    let least = |i: usize| {
        let floor = match fit(i) {
            Fit::Low => LOW_MIN,
            Fit::Free => FREE_MIN,
            Fit::Whole | Fit::Optional => return natural[i],
        };
        floor.max(text_width(heads[i])).min(natural[i])
    };
    let mut keep: Vec<usize> = (0..n).collect();
    let mut width: Vec<usize> = (0..n).map(least).collect();
    let total = |keep: &[usize], width: &[usize]| {
        line_width(&keep.iter().map(|&i| width[i]).collect::<Vec<_>>())
    };
    for give_up in [Fit::Optional, Fit::Low] {
        while total(&keep, &width) > room {
            match keep.iter().rposition(|&i| fit(i) == give_up) {
                Some(at) => {
                    keep.remove(at);
                }
                None => break,
            }
        }
    }
    // Still too wide: free text narrower, then whole columns dropped from
    // the right (the first one stays), rather than lines the terminal breaks.
    if total(&keep, &width) > room {
        for &i in keep.iter().filter(|&&i| fit(i) == Fit::Free) {
            width[i] = FREE_LAST.max(text_width(heads[i])).min(width[i]);
        }
    }
    while total(&keep, &width) > room && keep.len() > 1 {
        match keep.iter().rposition(|&i| fit(i) == Fit::Whole) {
            Some(at) if at > 0 => {
                keep.remove(at);
            }
            _ => break,
        }
    }
    // A column dropped on the way that fits again beside what is left (a
    // name cut short, once a wide whole column has gone) comes back.
    for i in 0..n {
        if keep.contains(&i) {
            continue;
        }
        let mut with = keep.clone();
        let at = with.partition_point(|&k| k < i);
        with.insert(at, i);
        if total(&with, &width) <= room {
            keep = with;
        }
    }
    // The room left, a column at a time: free text first, then low value.
    let mut spare = room.saturating_sub(total(&keep, &width));
    for take in [Fit::Free, Fit::Low] {
        loop {
            let hungry: Vec<usize> = keep
                .iter()
                .copied()
                .filter(|&i| fit(i) == take && width[i] < natural[i])
                .collect();
            if spare == 0 || hungry.is_empty() {
                break;
            }
            for i in hungry {
                if spare > 0 && width[i] < natural[i] {
                    width[i] += 1;
                    spare -= 1;
                }
            }
        }
    }
    Layout {
        widths: keep.iter().map(|&i| width[i]).collect(),
        keep,
    }
}

/// `text` in at most `width` columns: cut, ending in `…`.
pub fn cut(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` wrapped into lines of at most `width` columns, at spaces where it
/// can be, inside a word longer than a line where it must (a character
/// wider than the line gets a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let (lw, ww) = (text_width(&line), text_width(word));
        if !line.is_empty() && lw + 1 + ww <= width {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word too long for a line: split after `_`, `.`, `-`, `/` or `:`
        // where one falls within the line, else between characters.
        let mut rest = word;
        while text_width(rest) > width {
            let mut used = 0;
            let (mut fits, mut at_mark) = (0, None);
            for (i, c) in rest.char_indices() {
                used += c.width().unwrap_or(0);
                if used > width {
                    break;
                }
                fits = i + c.len_utf8();
                if matches!(c, '_' | '.' | '-' | '/' | ':') {
                    at_mark = Some(fits);
                }
            }
            let cut = at_mark
                .unwrap_or(fits)
                .max(rest.chars().next().map_or(1, char::len_utf8));
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        line.push_str(rest);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The cell as laid out: cut, wrapped or as it is.
pub fn shape(text: &str, fit: Fit, width: usize) -> String {
    match fit {
        Fit::Low => cut(text, width),
        Fit::Free => wrap(text, width).join("\n"),
        Fit::Whole | Fit::Optional => text.to_string(),
    }
}

/// Rows of text as aligned lines (two spaces between columns), for pickers.
pub fn aligned(rows: &[Vec<String>]) -> Vec<String> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| text_width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|r| {
            let mut line = String::new();
            for (i, cell) in r.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < r.len() {
                    let pad = widths[i].saturating_sub(text_width(cell)) + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_that_fits_is_left_alone() {
        let rows = vec![vec!["a".to_string(), "bb".to_string()]];
        let l = plan(&["x", "y"], &[Fit::Whole, Fit::Free], &rows, Some(80));
        assert_eq!(l.keep, vec![0, 1]);
        assert_eq!(l.widths, vec![1, 2]);
        assert_eq!(plan(&["x", "y"], &[Fit::Whole, Fit::Free], &rows, None), l);
    }

    #[test]
    fn optional_then_low_columns_go_first() {
        let rows = vec![vec![
            "00u1abcdefghijklmnop".to_string(),
            "jane.doe@example.com".to_string(),
            "Jane Doe".to_string(),
            "LOCKED_OUT".to_string(),
            "Research".to_string(),
        ]];
        let fits = [Fit::Optional, Fit::Whole, Fit::Low, Fit::Whole, Fit::Low];
        let heads = ["id", "login", "name", "status", "department"];
        let l = plan(&heads, &fits, &rows, Some(60));
        assert_eq!(l.keep, vec![1, 2, 3, 4], "the id goes first");
        assert_eq!(
            l.widths,
            vec![20, 8, 10, 10],
            "the room left undoes the cuts"
        );
        let l = plan(&heads, &fits, &rows, Some(50));
        assert_eq!(l.keep, vec![1, 2, 3], "then the rightmost low column");
        assert!(line_width(&l.widths) <= 50, "{l:?}");
        let l = plan(&heads, &fits, &rows, Some(40));
        assert_eq!(l.keep, vec![1, 3], "then the next");
        let l = plan(&heads, &fits, &rows, Some(25));
        assert_eq!(l.keep, vec![1], "then whole columns, from the right");
    }

    #[test]
    fn a_column_dropped_on_the_way_comes_back_when_it_fits() {
        let rows = vec![vec![
            "maximilian.mustermann@acme.com".to_string(),
            "Jane Doe-Smithers".to_string(),
            "PASSWORD_EXPIRED".to_string(),
            "3 h ago".to_string(),
        ]];
        let fits = [Fit::Whole, Fit::Low, Fit::Whole, Fit::Whole];
        let heads = ["LOGIN", "NAME", "STATUS", "LAST_LOGIN"];
        // The name is dropped (61 > 60), then the time; the name fits again.
        let l = plan(&heads, &fits, &rows, Some(60));
        assert_eq!(l.keep, vec![0, 1, 2]);
        assert_eq!(l.widths, vec![30, 9, 16]);
        // Narrower than the first column: that column alone, whole.
        assert_eq!(plan(&heads, &fits, &rows, Some(10)).keep, vec![0]);
    }

    #[test]
    fn free_text_wraps_and_low_text_is_cut() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(
            wrap("INVALID_CREDENTIALS", 13),
            vec!["INVALID_", "CREDENTIALS"]
        );
        assert_eq!(wrap("a 日本語", 1), vec!["a", "日", "本", "語"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(cut("Engineering", 6), "Engin…");
        assert_eq!(cut("R&D", 6), "R&D");
        assert_eq!(text_width(&cut("日本語のテキスト", 7)), 7);
    }

    #[test]
    fn pickers_line_up() {
        let rows = vec![
            vec![
                "a@x.com".to_string(),
                "Al".to_string(),
                "ACTIVE".to_string(),
            ],
            vec![
                "bob.b@x.com".to_string(),
                "Bob Bo".to_string(),
                "LOCKED_OUT".to_string(),
            ],
        ];
        assert_eq!(
            aligned(&rows),
            vec![
                "a@x.com      Al      ACTIVE",
                "bob.b@x.com  Bob Bo  LOCKED_OUT"
            ]
        );
    }
}
