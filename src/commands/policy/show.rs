//! `policy show`: the effective policy, every key with its value and where
//! it came from (the file and line, or `default`).

use clap::Args;
use serde::Serialize;
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::Result;
use crate::output::{Format, Tabular};
use crate::policy::{self, duration, Pattern, Policy, Sourced};

/// Show the policy in force: each value and where it came from
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl policy show
  oktactl policy show -o json
  oktactl --policy strict.toml policy show

The file is --policy FILE, else $OKTACTL_POLICY, else policy.toml beside the \
config file (none there: every rule is off). A value's source is FILE:LINE, \
or `default` when the file does not set it.")]
pub struct ShowArgs {}

#[derive(Debug, Serialize)]
struct Entry {
    key: String,
    value: Value,
    source: String,
}

impl Tabular for Entry {
    fn columns() -> Vec<&'static str> {
        vec!["key", "value", "source"]
    }
    fn row(&self) -> Vec<String> {
        let value = match &self.value {
            // Null is an empty cell (`-` in a table, empty in CSV).
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        vec![self.key.clone(), value, self.source.clone()]
    }
}

#[derive(Serialize)]
struct Shown<'a> {
    /// The file in force, or the one looked for.
    file: String,
    /// `--policy`, `OKTACTL_POLICY` or `the config directory`.
    chosen_by: &'static str,
    exists: bool,
    values: &'a [Entry],
}

pub fn run(ctx: &Context, _: ShowArgs) -> Result<()> {
    let loc = policy::locate(ctx.global.policy.as_deref())?;
    let text = policy::read(&loc)?;
    let exists = text.is_some();
    let policy = match &text {
        Some(t) => policy::checked(t, &loc.path)?,
        None => Policy::defaults(&loc.path),
    };
    let shown = loc.path.display().to_string();
    let entries = entries(&policy, exists);
    match ctx.out.format {
        Format::Json => ctx.out.json(&Shown {
            file: shown,
            chosen_by: loc.chosen.as_str(),
            exists,
            values: &entries,
        }),
        _ => {
            ctx.out.status(&match exists {
                true => format!("policy file {shown} (from {})", loc.chosen.as_str()),
                false => format!("no policy file at {shown}: every rule is off"),
            });
            ctx.out.list(entries.iter().map(Ok)).map(|_| ())
        }
    }
}

fn entries(p: &Policy, exists: bool) -> Vec<Entry> {
    let file = p.file.display().to_string();
    let source = |line: Option<usize>| match (line, exists) {
        (Some(l), true) => format!("{file}:{l}"),
        _ => "default".to_string(),
    };
    let entry = |key: &str, value: Value, line: Option<usize>| Entry {
        key: key.to_string(),
        value,
        source: source(line),
    };
    let of = |s: &Sourced<Vec<&'static str>>| json!(s.value);
    let patterns =
        |s: &Sourced<Vec<Pattern>>| json!(s.value.iter().map(|p| &p.text).collect::<Vec<_>>());
    let v = &p.verification;
    let mut out = vec![
        entry(
            "verification.required_for",
            of(&v.required_for),
            v.required_for.line,
        ),
        entry(
            "verification.window",
            json!(duration::show(v.window.value)),
            v.window.line,
        ),
        entry(
            "verification.allow_skip",
            json!(v.allow_skip.value),
            v.allow_skip.line,
        ),
        entry(
            "protect.admins",
            json!(p.protect.admins.value),
            p.protect.admins.line,
        ),
        entry(
            "protect.groups",
            json!(p.protect.groups.value),
            p.protect.groups.line,
        ),
    ];
    if p.cooldown.is_empty() {
        out.push(entry("cooldown", json!({}), None));
    }
    for c in &p.cooldown {
        let key = format!("cooldown.{}", c.command);
        out.push(entry(
            &key,
            json!(duration::show(c.every.value)),
            c.every.line,
        ));
    }
    let t = &p.ticket;
    let pattern = t.pattern.value.as_ref().map(|p| p.text.clone());
    let m = &p.mcp;
    out.extend([
        entry(
            "ticket.required_for",
            of(&t.required_for),
            t.required_for.line,
        ),
        entry("ticket.pattern", json!(pattern), t.pattern.line),
        entry("grant.allow", patterns(&p.grant.allow), p.grant.allow.line),
        entry("grant.deny", patterns(&p.grant.deny), p.grant.deny.line),
        entry("mcp.tools", json!(m.tools.value), m.tools.line),
        entry(
            "mcp.confirm",
            json!(m.confirm.value.as_str()),
            m.confirm.line,
        ),
        entry(
            "mcp.budget.per_user_per_hour",
            json!(m.per_user_per_hour.value),
            m.per_user_per_hour.line,
        ),
        entry(
            "mcp.budget.global_per_hour",
            json!(m.global_per_hour.value),
            m.global_per_hour.line,
        ),
    ]);
    out
}
