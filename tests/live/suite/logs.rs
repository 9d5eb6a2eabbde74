//! System Log points: the filter grammar `log` relies on, and which event
//! names a real org writes for rate limits.

use std::collections::BTreeMap;

use reqwest::Method;
use serde_json::{json, Value};

use super::lookup::{day_ago, live_user, me, types_of};
use super::{run, Env, Point};

/// The prefixes searched: the catalog's, and the spelling of Okta's
/// monitoring page (`system.rate.limit`), which the catalog lacks.
pub const EVENT_PREFIXES: [&str; 4] = [
    "system.org.rate_limit",
    "system.rate.limit",
    "system.operation.rate_limit",
    "system.client.rate_limit",
];

/// Events read per prefix (one page).
const EVENTS_PER_PREFIX: &str = "100";

pub fn log_filter_grammar(env: &Env) -> Point {
    run(
        "log_filter_grammar",
        "Does the System Log take `(target.id eq … or actor.id eq …) and eventType sw \"user.\"`, or answer E0000053?",
        env,
        |env, p| {
            let client = env.client()?;
            let user = match &env.user {
                Some(_) => live_user(env, p)?,
                None => me(env, p)?,
            };
            let id = match (&user, client.oauth()) {
                (Some(id), _) => id.clone(),
                (None, Some(s)) if env.user.is_none() => s.client_id().to_string(),
                (None, _) => return Ok(()),
            };
            let expr = format!(r#"(target.id eq "{id}" or actor.id eq "{id}") and eventType sw "user.""#);
            let since = day_ago();
            let url = env.api(&["logs"], &[("since", &since), ("filter", &expr), ("limit", "1")])?;
            let a = env.call(Method::GET, url)?;
            p.key(&a.step);
            let mut obs = format!("{} answered {}", a.step.request, a.step.answer());
            if user.is_some() {
                let ran = env.oktactl(&["log", &id, "--since", "24h", "--type", "mfa", "-o", "json"])?;
                p.step(&ran.step);
                obs.push_str(&format!(
                    "; `oktactl log --type mfa` (the same shape with a parenthesised type) exited {}",
                    ran.step.exit_code.unwrap_or(-1)
                ));
            }
            match (a.step.status, a.step.error_code.as_deref()) {
                (Some(200), _) => p.answered(obs, "accepted: a parenthesised `or` joined by `and` to another field is valid grammar".into()),
                (Some(400), Some("E0000053")) => p.answered(obs, "rejected (E0000053): the System Log does not take this filter; `log` must send simpler ones".into()),
                (Some(403), _) => p.not_run(obs, "not settled: the credential cannot read the System Log (Report Admin or Read-only Admin needed)".into()),
                _ => p.answered(obs, format!("not settled: the org answered {}", a.step.answer())),
            }
            Ok(())
        },
    )
}

pub fn rate_limit_event_names(env: &Env) -> Point {
    run(
        "rate_limit_event_names",
        "Which System Log event names does the org write for rate limits (system.org.rate_limit.* or system.rate.limit.*)?",
        env,
        |env, p| {
            let since = day_ago();
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            let mut counts = serde_json::Map::new();
            let mut stray = 0;
            for prefix in EVENT_PREFIXES {
                let filter = format!("eventType sw \"{prefix}\"");
                let url = env.api(
                    &["logs"],
                    &[("since", &since), ("filter", &filter), ("limit", EVENTS_PER_PREFIX)],
                )?;
                let a = env.call(Method::GET, url)?;
                if prefix == EVENT_PREFIXES[1] {
                    p.key(&a.step);
                } else {
                    p.step(&a.step);
                }
                if a.step.status == Some(403) {
                    p.not_run(
                        format!("{} answered {}", a.step.request, a.step.answer()),
                        "not settled: the credential cannot read the System Log (Report Admin or Read-only Admin needed)".into(),
                    );
                    return Ok(());
                }
                if a.step.ok() && !a.body.is_array() {
                    return Err(format!("{}: a malformed answer: 200 without a JSON array", a.step.request));
                }
                let types = types_of(&a.body, "eventType");
                let (matching, other): (Vec<String>, Vec<String>) =
                    types.into_iter().partition(|t| t.starts_with(prefix));
                stray += other.len();
                counts.insert(prefix.to_string(), json!(matching.len()));
                for t in matching {
                    *seen.entry(t).or_default() += 1;
                }
            }
            p.set("events_per_prefix", Value::Object(counts));
            p.set("event_types", json!(seen));
            p.set("events_outside_their_filter", json!(stray));
            let stray_note = if stray > 0 {
                format!("; {stray} event(s) came back that do not match their filter")
            } else {
                String::new()
            };
            let under = |prefix: &str| seen.keys().any(|t| t.starts_with(prefix));
            let obs = if seen.is_empty() {
                "no rate-limit events in the last 24 h under any of the four prefixes".to_string()
            } else {
                format!("in the last 24 h: {}", seen.iter().map(|(t, n)| format!("{t} ×{n}")).collect::<Vec<_>>().join(", "))
            };
            let conclusion = match (under("system.org.rate_limit"), under("system.rate.limit")) {
                (true, false) => "the org writes the catalog's spelling, system.org.rate_limit.*",
                (false, true) => "the org writes system.rate.limit.* (the monitoring page's spelling), not the catalog's",
                (true, true) => "the org writes both spellings",
                (false, false) if seen.is_empty() => "not settled: no rate-limit event in the last 24 h; run again after a warning or violation",
                (false, false) => "not settled: only per-operation or per-client rate-limit events were found",
            };
            p.answered(format!("{obs}{stray_note}"), conclusion.into());
            Ok(())
        },
    )
}
