//! Which counter the `X-Rate-Limit-*` headers report.
use reqwest::Method;
use serde_json::{json, Value};

use super::{run, Answer, Env, Point};

fn header(a: &Answer, name: &str) -> Option<i64> {
    a.headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

fn reading(a: &Answer) -> Value {
    json!({
        "status": a.step.status,
        "limit": header(a, "x-rate-limit-limit"),
        "remaining": header(a, "x-rate-limit-remaining"),
        "reset": header(a, "x-rate-limit-reset"),
    })
}

pub fn rate_limit_headers(env: &Env) -> Point {
    run(
        "rate_limit_headers",
        "Do X-Rate-Limit-* headers count the credential's share of a bucket or the whole org bucket?",
        env,
        |env, p| {
            let url = env.api(&["users"], &[("limit", "1")])?;
            let first = env.call(Method::GET, url.clone())?;
            let second = env.call(Method::GET, url)?;
            p.step(&first.step);
            p.key(&second.step);
            let readings = [reading(&first), reading(&second)];
            p.set("readings", json!(readings));
            let client = env.client()?;
            let kind = if client.oauth().is_some() { "OAUTH_CLIENT" } else { "SSWS_TOKEN" };
            let filter = format!("principalType eq \"{kind}\"");
            let shares = env.call(
                Method::GET,
                env.api(&["principal-rate-limits"], &[("filter", &filter)])?,
            )?;
            p.step(&shares.step);
            let mut percents: Vec<i64> = shares
                .body
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["defaultPercentage"].as_i64())
                .collect();
            percents.sort_unstable();
            percents.dedup();
            p.set("principal_percentages", json!(percents));
            let (Some(limit), Some(r1), Some(r2)) = (
                header(&second, "x-rate-limit-limit"),
                header(&first, "x-rate-limit-remaining"),
                header(&second, "x-rate-limit-remaining"),
            ) else {
                p.answered(
                    format!("{} answered {} and {} without X-Rate-Limit headers", second.step.request, first.step.answer(), second.step.answer()),
                    "not settled: no rate-limit headers came back".into(),
                );
                return Ok(());
            };
            let share = match percents.as_slice() {
                [] => format!("the share is not readable here ({}); Okta's default is 50 %", shares.step.answer()),
                list => format!("principal rate limits give {kind} principals {list:?} %"),
            };
            p.answered(
                format!("two consecutive {}: limit {limit}, remaining {r1} then {r2}; {share}", second.step.request),
                format!("compare limit {limit} with the org's limit for /api/v1/users in Admin Console › Reports › Rate limits: equal means the headers count the org bucket; the share of it means they count this credential's share"),
            );
            Ok(())
        },
    )
}
