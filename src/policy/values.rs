//! Reading one value of a policy file: its type checked, and what it
//! names (commands, spans, patterns, counts) checked, each problem placed.

use regex::RegexBuilder;
use toml_edit::{Item, Value};

use super::commands::{self, Command};
use super::duration::policy_span;
use super::parse::{article, kind, Span, Walk};
use super::Pattern;
use jiff::SignedDuration;

/// A pattern longer than this is refused (group names and tickets are short).
const MAX_PATTERN: usize = 1000;
/// What one compiled pattern may take.
const REGEX_SIZE: usize = 1 << 20;
/// The most `[mcp] budget` may allow in an hour.
const MAX_BUDGET: i64 = 100_000;

impl Walk<'_> {
    /// The value of `key`, which must not be a table.
    pub(super) fn value<'i>(&mut self, item: &'i Item, at: &Span, what: &str) -> Option<&'i Value> {
        let v = item.as_value();
        if v.is_none() {
            self.problem(
                at.clone(),
                format!("{what} must be a value, not {}", kind(item)),
            );
        }
        v
    }

    pub(super) fn boolean(&mut self, item: &Item, at: &Span, what: &str) -> Option<bool> {
        let v = self.value(item, at, what)?;
        let b = v.as_bool();
        if b.is_none() {
            self.problem(
                v.span(),
                format!("{what} must be true or false, not {}", kind(item)),
            );
        }
        b
    }

    pub(super) fn string<'i>(
        &mut self,
        item: &'i Item,
        at: &Span,
        what: &str,
    ) -> Option<(&'i str, Span)> {
        let v = self.value(item, at, what)?;
        match v.as_str() {
            Some(s) => Some((s, v.span())),
            None => {
                self.problem(
                    v.span(),
                    format!("{what} must be a string, not {}", kind(item)),
                );
                None
            }
        }
    }

    /// An array of strings, each with its place; `None` when it is not one.
    pub(super) fn strings<'i>(
        &mut self,
        item: &'i Item,
        at: &Span,
        what: &str,
    ) -> Option<Vec<(&'i str, Span)>> {
        let v = self.value(item, at, what)?;
        let Some(array) = v.as_array() else {
            self.problem(
                v.span(),
                format!("{what} must be a list of strings, not {}", kind(item)),
            );
            return None;
        };
        let mut out = Vec::new();
        for e in array.iter() {
            match e.as_str() {
                Some(s) => out.push((s, e.span())),
                None => self.problem(
                    e.span(),
                    format!(
                        "{what} must hold strings, not {} {}",
                        article(e.type_name()),
                        e.type_name()
                    ),
                ),
            }
        }
        Some(out)
    }

    /// A list of command names, each one that `fits`.
    pub(super) fn commands(
        &mut self,
        item: &Item,
        at: &Span,
        what: &str,
        fits: fn(&Command) -> bool,
    ) -> Option<Vec<&'static str>> {
        let names = self.strings(item, at, what)?;
        let mut out = Vec::new();
        for (name, span) in names {
            match self.command(name, span, what, fits) {
                Some(c) if !out.contains(&c) => out.push(c),
                _ => {}
            }
        }
        Some(out)
    }

    pub(super) fn command(
        &mut self,
        name: &str,
        span: Span,
        what: &str,
        fits: fn(&Command) -> bool,
    ) -> Option<&'static str> {
        match commands::find(name) {
            Some(c) if fits(c) => Some(c.name),
            Some(c) => {
                let msg = format!(
                    "{what}: {} cannot be named here; these can: {}",
                    c.name,
                    commands::names(fits)
                );
                self.problem(span, msg);
                None
            }
            None => {
                let msg = format!(
                    "{what}: '{name}' is not a command oktactl knows; the commands are {}",
                    commands::names(fits)
                );
                self.problem(span, msg);
                None
            }
        }
    }

    pub(super) fn span_value(
        &mut self,
        item: &Item,
        at: &Span,
        what: &str,
    ) -> Option<SignedDuration> {
        let (text, span) = self.string(item, at, what)?;
        match policy_span(text) {
            Ok(d) => Some(d),
            Err(why) => {
                self.problem(span, format!("{what}: '{text}': {why}; write a whole number and a unit, as in 15m, 24h or 7d"));
                None
            }
        }
    }

    pub(super) fn pattern(&mut self, text: &str, span: Span, what: &str) -> Option<Pattern> {
        let compiled = if text.is_empty() {
            Err("an empty pattern matches everything; write .* if that is meant".to_string())
        } else if text.chars().count() > MAX_PATTERN {
            Err(format!("longer than {MAX_PATTERN} characters"))
        } else {
            RegexBuilder::new(text)
                .size_limit(REGEX_SIZE)
                .dfa_size_limit(REGEX_SIZE)
                .build()
                .map_err(|e| regex_error(&e))
        };
        match compiled {
            Ok(regex) => Some(Pattern {
                text: text.to_string(),
                regex,
            }),
            Err(why) => {
                self.problem(
                    span,
                    format!("{what}: '{text}' is not a valid regex: {why}"),
                );
                None
            }
        }
    }

    pub(super) fn patterns(&mut self, item: &Item, at: &Span, what: &str) -> Option<Vec<Pattern>> {
        let texts = self.strings(item, at, what)?;
        let out: Vec<Pattern> = texts
            .into_iter()
            .filter_map(|(t, span)| self.pattern(t, span, what))
            .collect();
        Some(out)
    }

    pub(super) fn count(&mut self, item: &Item, at: &Span, what: &str) -> Option<u32> {
        let v = self.value(item, at, what)?;
        match v.as_integer() {
            Some(n) if (1..=MAX_BUDGET).contains(&n) => u32::try_from(n).ok(),
            _ => {
                self.problem(
                    v.span(),
                    format!("{what} must be a whole number from 1 to {MAX_BUDGET}"),
                );
                None
            }
        }
    }
}

/// The last line of the regex crate's message (its first lines repeat the pattern).
fn regex_error(e: &regex::Error) -> String {
    let text = e.to_string();
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("invalid");
    last.trim().trim_start_matches("error: ").to_string()
}
