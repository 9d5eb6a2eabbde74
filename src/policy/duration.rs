//! Spans of time as people write them: a whole number and a unit, `s`, `m`,
//! `h`, `d` or `w` (`15m`, `24h`, `7d`). The policy file's windows and
//! cooldowns use it, and so does `audit --since`.

use jiff::SignedDuration;

/// The longest span a policy may give: Okta keeps 90 days of System Log.
pub const MAX_POLICY_DAYS: i64 = 90;

/// The units and their length in seconds.
const UNITS: [(&str, i64); 5] = [
    ("s", 1),
    ("m", 60),
    ("h", 3600),
    ("d", 86_400),
    ("w", 7 * 86_400),
];

/// Why a span could not be read; the text says it in a few words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanError {
    /// Not a number followed by a unit.
    NotASpan,
    /// A number, but the unit is not one of s, m, h, d, w.
    Unit,
    Zero,
    TooLong,
}

impl std::fmt::Display for SpanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SpanError::NotASpan => "not a span of time like 15m, 24h or 7d",
            SpanError::Unit => "the unit must be s, m, h, d or w",
            SpanError::Zero => "the span must be longer than zero",
            SpanError::TooLong => "the span is too long",
        })
    }
}

/// `24h` → 24 hours. Whole numbers only, no sign, no space, units in lower case.
pub fn span(text: &str) -> Result<SignedDuration, SpanError> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: i64 = number.parse().map_err(|_| SpanError::NotASpan)?;
    let secs = UNITS
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, s)| *s)
        .ok_or(SpanError::Unit)?;
    if n == 0 {
        return Err(SpanError::Zero);
    }
    n.checked_mul(secs)
        .map(SignedDuration::from_secs)
        .ok_or(SpanError::TooLong)
}

/// A span for the policy file: as `span`, and at most 90 days.
pub fn policy_span(text: &str) -> Result<SignedDuration, String> {
    let d = span(text).map_err(|e| e.to_string())?;
    if d > SignedDuration::from_hours(24 * MAX_POLICY_DAYS) {
        return Err(format!(
            "at most {MAX_POLICY_DAYS}d (Okta keeps {MAX_POLICY_DAYS} days of System Log)"
        ));
    }
    Ok(d)
}

/// The span as people write it: days from two days on, else the largest
/// unit that writes it whole (`24h`, `90m`, `7d`).
pub fn show(d: SignedDuration) -> String {
    let secs = d.as_secs();
    let (unit, size) = match secs {
        s if s >= 2 * 86_400 && s % 86_400 == 0 => ("d", 86_400),
        s if s % 3600 == 0 && s > 0 => ("h", 3600),
        s if s % 60 == 0 && s > 0 => ("m", 60),
        _ => ("s", 1),
    };
    format!("{}{unit}", secs / size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        assert_eq!(span("15m"), Ok(SignedDuration::from_mins(15)));
        assert_eq!(span(" 24h "), Ok(SignedDuration::from_hours(24)));
        assert_eq!(span("7d"), Ok(SignedDuration::from_hours(168)));
        assert_eq!(span("1w"), Ok(SignedDuration::from_hours(168)));
        assert_eq!(span("90s"), Ok(SignedDuration::from_secs(90)));
        for (bad, why) in [
            ("", SpanError::NotASpan),
            ("h", SpanError::NotASpan),
            ("-5h", SpanError::NotASpan),
            ("5y", SpanError::Unit),
            ("5H", SpanError::Unit),
            ("24 h", SpanError::Unit),
            ("1.5h", SpanError::Unit),
            ("0h", SpanError::Zero),
            ("9223372036854775807w", SpanError::TooLong),
            ("99999999999999999999s", SpanError::NotASpan),
        ] {
            assert_eq!(span(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn policy_spans_stop_at_90_days() {
        assert!(policy_span("90d").is_ok());
        assert!(policy_span("12w").is_ok());
        assert!(policy_span("91d").unwrap_err().contains("at most 90d"));
        assert!(policy_span("24x").unwrap_err().contains("unit"));
    }

    #[test]
    fn shown_in_the_largest_whole_unit() {
        assert_eq!(show(SignedDuration::from_hours(24)), "24h");
        assert_eq!(show(SignedDuration::from_hours(48)), "2d");
        assert_eq!(show(SignedDuration::from_mins(90)), "90m");
        assert_eq!(show(SignedDuration::from_hours(168)), "7d");
        assert_eq!(show(SignedDuration::from_secs(61)), "61s");
    }
}
