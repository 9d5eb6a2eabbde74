//! The sections of a policy file, key by key, each value checked and set
//! with its line.

use toml_edit::{Item, TableLike};

use super::parse::{key_span, kind, Span, Walk};
use super::{Confirm, Cooldown, Policy, Sourced};

/// Set `slot` (and its line) when the value could be read.
fn set<T>(slot: &mut Sourced<T>, value: Option<T>, line: Option<usize>) {
    if let Some(value) = value {
        *slot = Sourced { value, line };
    }
}

impl Walk<'_> {
    pub(super) fn verification(&mut self, t: &dyn TableLike, p: &mut Policy) {
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = format!("[verification] {key}");
            let v = &mut p.verification;
            match key {
                "required_for" => {
                    let list = self.commands(item, &at, &what, |c| c.verifiable);
                    set(&mut v.required_for, list, line);
                }
                "window" => set(&mut v.window, self.span_value(item, &at, &what), line),
                "allow_skip" => set(&mut v.allow_skip, self.boolean(item, &at, &what), line),
                _ => self.unknown(
                    at,
                    "verification",
                    key,
                    &["required_for", "window", "allow_skip"],
                ),
            }
        }
    }

    pub(super) fn protect(&mut self, t: &dyn TableLike, p: &mut Policy) {
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = format!("[protect] {key}");
            match key {
                "admins" => set(&mut p.protect.admins, self.boolean(item, &at, &what), line),
                "groups" => {
                    let names = self.strings(item, &at, &what).map(|names| {
                        let mut out: Vec<String> = Vec::new();
                        for (n, span) in names {
                            if n.trim().is_empty() {
                                self.problem(span, format!("{what}: an empty group name"));
                            } else if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
                                out.push(n.to_string());
                            }
                        }
                        out
                    });
                    set(&mut p.protect.groups, names, line);
                }
                _ => self.unknown(at, "protect", key, &["admins", "groups"]),
            }
        }
    }

    pub(super) fn cooldown(&mut self, t: &dyn TableLike, p: &mut Policy) {
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = "[cooldown]";
            let Some(command) = self.command(key, at.clone(), what, |_| true) else {
                continue;
            };
            let every = self.span_value(item, &at, &format!("[cooldown] {key}"));
            match (every, p.cooldown.iter().any(|c| c.command == command)) {
                (Some(_), true) => self.problem(at, format!("[cooldown] {command} is given twice")),
                (Some(value), false) => p.cooldown.push(Cooldown {
                    command,
                    every: Sourced { value, line },
                }),
                (None, _) => {}
            }
        }
    }

    pub(super) fn ticket(&mut self, t: &dyn TableLike, p: &mut Policy) {
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = format!("[ticket] {key}");
            match key {
                "required_for" => {
                    let list = self.commands(item, &at, &what, |_| true);
                    set(&mut p.ticket.required_for, list, line);
                }
                "pattern" => {
                    let pattern = self
                        .string(item, &at, &what)
                        .and_then(|(s, span)| self.pattern(s, span, &what));
                    set(&mut p.ticket.pattern, pattern.map(Some), line);
                }
                _ => self.unknown(at, "ticket", key, &["required_for", "pattern"]),
            }
        }
    }

    pub(super) fn grant(&mut self, t: &dyn TableLike, p: &mut Policy) {
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = format!("[grant] {key}");
            match key {
                "allow" => set(&mut p.grant.allow, self.patterns(item, &at, &what), line),
                "deny" => set(&mut p.grant.deny, self.patterns(item, &at, &what), line),
                _ => self.unknown(at, "grant", key, &["allow", "deny"]),
            }
        }
    }

    pub(super) fn mcp(&mut self, t: &dyn TableLike, p: &mut Policy) {
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = format!("[mcp] {key}");
            match key {
                "tools" => {
                    let tools = self.strings(item, &at, &what).map(|names| {
                        let mut out = Vec::new();
                        for (n, span) in names {
                            let ok = !n.is_empty()
                                && n.chars()
                                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
                            if ok {
                                out.push(n.to_string());
                            } else {
                                self.problem(
                                    span,
                                    format!(
                                        "{what}: '{n}' is not a tool name (letters, digits, _ - .)"
                                    ),
                                );
                            }
                        }
                        Some(out)
                    });
                    set(&mut p.mcp.tools, tools, line);
                }
                "confirm" => {
                    let confirm = self.string(item, &at, &what).and_then(|(s, span)| match s {
                        "elicit" => Some(Confirm::Elicit),
                        "policy" => Some(Confirm::Policy),
                        other => {
                            self.problem(
                                span,
                                format!("{what} must be \"elicit\" or \"policy\", not '{other}'"),
                            );
                            None
                        }
                    });
                    set(&mut p.mcp.confirm, confirm, line);
                }
                "budget" => self.budget(item, &at, p),
                _ => self.unknown(at, "mcp", key, &["tools", "confirm", "budget"]),
            }
        }
    }

    fn budget(&mut self, item: &Item, at: &Span, p: &mut Policy) {
        let Some(t) = item.as_table_like() else {
            self.problem(
                at.clone(),
                format!("[mcp] budget must be a table, not {}", kind(item)),
            );
            return;
        };
        for (key, item) in t.iter() {
            let at = key_span(t, key);
            let line = self.line(at.clone());
            let what = format!("[mcp.budget] {key}");
            match key {
                "per_user_per_hour" => {
                    let n = self.count(item, &at, &what);
                    set(&mut p.mcp.per_user_per_hour, n.map(Some), line);
                }
                "global_per_hour" => {
                    let n = self.count(item, &at, &what);
                    set(&mut p.mcp.global_per_hour, n.map(Some), line);
                }
                _ => self.unknown(
                    at,
                    "mcp.budget",
                    key,
                    &["per_user_per_hour", "global_per_hour"],
                ),
            }
        }
    }
}
