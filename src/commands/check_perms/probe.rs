//! Harmless read-only requests that prove some rights when Okta refuses to
//! list the token's roles.

use serde::Serialize;

use crate::error::{Kind, Result};
use crate::okta::Client;

/// One probe: the request sent, whether Okta allowed it, what that proves.
#[derive(Debug, Serialize)]
pub struct Probe {
    #[serde(skip)]
    pub key: &'static str,
    pub request: String,
    pub ok: bool,
    pub proves: &'static str,
}

type Spec = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

const PROBES: &[Spec] = &[
    ("users", "users", &[("limit", "1")], "read users"),
    ("groups", "groups", &[("limit", "1")], "read groups"),
    ("apps", "apps", &[("limit", "1")], "read apps (app_read)"),
    (
        "logs",
        "logs",
        &[("limit", "1")],
        "read the System Log (log_read)",
    ),
    (
        "policies",
        "policies",
        &[("type", "PASSWORD")],
        "read the password policies (policy_read)",
    ),
];

/// Send every probe; a 403 or 404 is a refusal, other errors stop the audit
/// with their own exit codes.
pub fn run(client: &Client) -> Result<Vec<Probe>> {
    PROBES
        .iter()
        .map(|&(key, path, query, proves)| {
            let url = client.api_query(&[path], query)?;
            let request = match url.query() {
                Some(q) => format!("GET {}?{q}", url.path()),
                None => format!("GET {}", url.path()),
            };
            let ok = match client.get::<serde_json::Value>(url) {
                Ok(_) => true,
                Err(e) if matches!(e.kind, Kind::Permission | Kind::NotFound) => false,
                Err(e) => return Err(e.context("probing what the token may read")),
            };
            Ok(Probe {
                key,
                request,
                ok,
                proves,
            })
        })
        .collect()
}
