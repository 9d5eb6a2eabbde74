//! The live-org smoke suite: what it runs against (`Env`), how it asks (the
//! library for raw answers, the `oktactl` binary for the tool's behaviour),
//! and the points it records. Shared by `tests/live` (a real org) and
//! `tests/it/live_offline.rs` (a mock org).

pub mod bin;
pub mod factors;
pub mod library;
pub mod logs;
pub mod lookup;
pub mod members;
pub mod points;
pub mod rate;
pub mod report;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use oktactl::credentials::{self, Credential};
use oktactl::okta::{Client, Options};
use oktactl::output::Stderr;
use serde_json::Value;
use url::Url;

pub use bin::{answered_in, short, Bin, Ran};
pub use library::Answer;
pub use report::{leaks, redact, Head, Outcome, Point, Report, Step};

/// What a test prints when the suite is not asked for.
pub const SKIP: &str = "skipped: set OKTACTL_LIVE=1 (with OKTA_ORG_URL and OKTA_API_TOKEN, or OKTA_CLIENT_ID and a key) to run the live-org smoke suite";

/// The ticket the suite's changes are audited under.
pub const TICKET: &str = "oktactl-live-suite";

/// The org and credential the points run against.
pub struct Env {
    pub org: Url,
    pub credential: Credential,
    /// `OKTACTL_LIVE_GROUP`: the test group writes may change.
    pub group: Option<String>,
    /// `OKTACTL_LIVE_USER`: the test user (a login or id).
    pub user: Option<String>,
    pub bin: Bin,
    secrets: Mutex<Vec<String>>,
    client: OnceLock<Result<Client, String>>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Env {
    pub fn new(org: Url, credential: Credential, bin: Bin) -> Env {
        let secrets = match &credential {
            Credential::ApiToken(t) => vec![t.expose().to_string()],
            Credential::ServiceApp(app) => {
                let given = bin
                    .vars
                    .iter()
                    .find(|(k, _)| k == "OKTA_PRIVATE_KEY")
                    .map(|(_, v)| v.clone())
                    .or_else(|| var("OKTA_PRIVATE_KEY"))
                    .or_else(|| {
                        var("OKTA_PRIVATE_KEY_FILE").and_then(|f| std::fs::read_to_string(f).ok())
                    });
                let pkcs8 = app.key.to_pkcs8_pem().unwrap_or_default();
                key_lines(&given.unwrap_or_default())
                    .into_iter()
                    .chain(key_lines(&pkcs8))
                    .collect()
            }
        };
        Env {
            org,
            credential,
            group: None,
            user: None,
            bin,
            secrets: Mutex::new(secrets),
            client: OnceLock::new(),
        }
    }

    /// The environment's org and credential when `OKTACTL_LIVE=1`; `None`
    /// otherwise; an error when the suite is asked for but cannot run.
    pub fn from_live() -> Result<Option<Env>, String> {
        if std::env::var("OKTACTL_LIVE").as_deref() != Ok("1") {
            return Ok(None);
        }
        let org = var("OKTA_ORG_URL")
            .or_else(|| var("OKTA_CLIENT_ORGURL"))
            .ok_or("OKTACTL_LIVE=1 needs OKTA_ORG_URL (the sandbox org)")?;
        let org = oktactl::config::parse_org(&org).map_err(|e| e.render())?;
        let credential = match credentials::token_from_env().map_err(|e| e.render())? {
            Some((token, _)) => Credential::ApiToken(token),
            None => match credentials::app_from_env().map_err(|e| e.render())? {
                Some(app) => Credential::ServiceApp(app),
                None => return Err("OKTACTL_LIVE=1 needs OKTA_API_TOKEN, or OKTA_CLIENT_ID with OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE".into()),
            },
        };
        let mut vars = Vec::new();
        if var("OKTACTL_AUDIT_LOG").is_none() {
            let log = target_dir().join("live-audit.log");
            vars.push(("OKTACTL_AUDIT_LOG".into(), log.display().to_string()));
        }
        let mut env = Env::new(
            org,
            credential,
            Bin {
                inherit: true,
                vars,
            },
        );
        env.group = var("OKTACTL_LIVE_GROUP");
        env.user = var("OKTACTL_LIVE_USER");
        Ok(Some(env))
    }

    /// Whether the suite may change the org (a test group and user named).
    pub fn writes(&self) -> bool {
        self.group.is_some() && self.user.is_some()
    }

    /// The report's head: what ran against what.
    pub fn head(&self) -> Head {
        Head {
            suite: "oktactl live-org smoke suite",
            oktactl: env!("CARGO_PKG_VERSION"),
            org: self.org.origin().ascii_serialization(),
            credential: self.credential.kind(),
            writes: self.writes(),
            group: self.group.clone(),
            user: self.user.clone(),
            started: jiff::Timestamp::now().to_string(),
        }
    }

    pub fn secrets(&self) -> Vec<String> {
        self.secrets.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn add_secret(&self, s: &str) {
        if let Ok(mut list) = self.secrets.lock() {
            if !list.iter().any(|x| x == s) {
                list.push(s.to_string());
            }
        }
    }

    /// The library client, built once; with a service app, its access token
    /// becomes one more secret to keep out of every output.
    pub fn client(&self) -> Result<&Client, String> {
        let built = self.client.get_or_init(|| {
            Client::new(Options {
                origin: self.org.clone(),
                credential: self.credential.clone(),
                timeout: Duration::from_secs(30),
                max_rate_wait: Duration::from_secs(60),
                rate_share: 100,
                err: Arc::new(Stderr::new(true, false, false)),
            })
            .map_err(|e| e.render())
        });
        let client = built.as_ref().map_err(Clone::clone)?;
        if let Some(session) = client.oauth() {
            if let Ok(access) = session.access(client) {
                self.add_secret(access.token.expose());
            }
        }
        Ok(client)
    }

    /// `segments` under `/api/v1`, with a query.
    pub fn api(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Url, String> {
        self.client()?
            .api_query(segments, query)
            .map_err(|e| e.render())
    }
}

/// Where `target/` is: `CARGO_TARGET_DIR`, else the package's own.
pub fn target_dir() -> PathBuf {
    var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// `OKTACTL_LIVE_REPORT`, else `target/live-report.json`.
pub fn report_path() -> PathBuf {
    var("OKTACTL_LIVE_REPORT")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("live-report.json"))
}

/// The body lines of a PEM key (or a JWK's private `d`), as secrets of their own.
fn key_lines(text: &str) -> Vec<String> {
    if let Ok(jwk) = serde_json::from_str::<Value>(text) {
        return jwk["d"].as_str().map(str::to_string).into_iter().collect();
    }
    text.lines()
        .map(str::trim)
        .filter(|l| l.len() >= 16 && !l.starts_with("-----"))
        .map(str::to_string)
        .collect()
}

/// Run one point: `ask` records steps and a conclusion; an error it returns
/// (a crash, a malformed answer, no answer) is recorded and fails the test.
pub fn run(
    name: &'static str,
    question: &'static str,
    env: &Env,
    ask: impl FnOnce(&Env, &mut Point) -> Result<(), String>,
) -> Point {
    let mut p = Point::new(name, question);
    if let Err(why) = ask(env, &mut p) {
        p.outcome = Outcome::Error;
        p.conclusion = format!("error: {why}");
        p.failure = Some(why);
    }
    p
}
