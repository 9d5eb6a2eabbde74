//! Lookups several points share: the credential's own account, the test
//! user, the types in a list, the start of the last day.

use reqwest::Method;
use serde_json::Value;

use super::{Env, Point};

/// The `type` of each item of a JSON array (none when not an array).
pub fn types_of(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item[field].as_str().map(str::to_string))
        .collect()
}

/// `GET /api/v1/users/me`: the token's own account (an API token only).
pub fn me(env: &Env, p: &mut Point) -> Result<Option<String>, String> {
    if env.client()?.oauth().is_some() {
        return Ok(None);
    }
    let me = env.call(Method::GET, env.api(&["users", "me"], &[])?)?;
    p.step(&me.step);
    if !me.step.ok() {
        p.not_run(
            format!("{} answered {}", me.step.request, me.step.answer()),
            "not settled: the org refused the credential's own account".into(),
        );
        return Ok(None);
    }
    Ok(me.body["id"].as_str().map(str::to_string))
}

/// The test user (`OKTACTL_LIVE_USER`) looked up: its id.
pub fn live_user(env: &Env, p: &mut Point) -> Result<Option<String>, String> {
    let Some(who) = &env.user else {
        return Ok(None);
    };
    let u = env.call(Method::GET, env.api(&["users", who], &[])?)?;
    p.step(&u.step);
    match u.body["id"].as_str() {
        Some(id) if u.step.ok() => Ok(Some(id.to_string())),
        _ => {
            p.not_run(
                format!("{} answered {}", u.step.request, u.step.answer()),
                "not settled: OKTACTL_LIVE_USER was not found (give a login or an id)".into(),
            );
            Ok(None)
        }
    }
}

/// Whole seconds, 24 hours back.
pub fn day_ago() -> String {
    let now = jiff::Timestamp::now().as_second() - 86_400;
    jiff::Timestamp::from_second(now)
        .map(|t| t.to_string())
        .unwrap_or_default()
}
