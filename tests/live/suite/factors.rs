//! The test user's factor list against its authenticator enrolments.

use reqwest::Method;
use serde_json::{json, Value};

use super::lookup::live_user;
use super::{run, Env, Point};

/// `type/key` of each item of a list (or of one object).
fn labels(body: &Value, kind: &str, detail: &str) -> Vec<String> {
    let items: Vec<&Value> = match body {
        Value::Array(list) => list.iter().collect(),
        Value::Object(_) => vec![body],
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|i| {
            format!(
                "{}/{}",
                i[kind].as_str().unwrap_or("?"),
                i[detail].as_str().unwrap_or("?")
            )
        })
        .collect()
}

pub fn factors_vs_enrollments(env: &Env) -> Point {
    run(
        "factors_vs_enrollments",
        "Does /users/{id}/factors list fewer than /users/{id}/authenticator-enrollments, and does the org have enrolments at all?",
        env,
        |env, p| {
            if env.user.is_none() {
                p.not_run(
                    "no test user named".into(),
                    "not run: set OKTACTL_LIVE_USER (a test user with MFA enrolled) to compare the two lists".into(),
                );
                return Ok(());
            }
            let Some(uid) = live_user(env, p)? else {
                return Ok(());
            };
            let f = env.call(Method::GET, env.api(&["users", &uid, "factors"], &[])?)?;
            p.step(&f.step);
            let e = env.call(Method::GET, env.api(&["users", &uid, "authenticator-enrollments"], &[])?)?;
            p.key(&e.step);
            let show = env.oktactl(&["user", "show", &uid, "--factors", "-o", "json"])?;
            p.step(&show.step);
            let factors = labels(&f.body, "factorType", "provider");
            let enrolled = labels(&e.body, "type", "key");
            let shown = show.json["factors"].as_array().map(Vec::len);
            p.set("factors", json!(factors));
            p.set("enrollments", json!(enrolled));
            p.set("oktactl_factors", json!(shown));
            let obs = format!(
                "{} answered {} with {} factor(s) {factors:?}; {} answered {} with {} enrolment(s) {enrolled:?}; `oktactl user show --factors` listed {}",
                f.step.request,
                f.step.answer(),
                factors.len(),
                e.step.request,
                e.step.answer(),
                enrolled.len(),
                shown.map(|n| n.to_string()).unwrap_or_else(|| "none".into())
            );
            let conclusion = match e.step.status {
                Some(200) if enrolled.len() > factors.len() => format!(
                    "the org has enrolments, and they list {} more than the factors do: the factors list is incomplete for this user",
                    enrolled.len() - factors.len()
                ),
                Some(200) => "the org has enrolments; for this user the factors list is not shorter".into(),
                Some(400 | 401 | 404) => format!("the org has no enrolments API here ({}): factors are the only list", e.step.answer()),
                Some(403) => format!("refused ({}): the credential cannot read enrolments", e.step.answer()),
                _ => format!("not settled: the org answered {}", e.step.answer()),
            };
            p.answered(obs, conclusion);
            Ok(())
        },
    )
}
