//! `oktactl mcp` driven by a real MCP client, the official Python SDK
//! (`tests/mcp/client.py` in the venv that `.ci/run` creates), against the
//! mock org. Without that venv the tests skip, unless
//! `OKTACTL_REQUIRE_MCP_CLIENT=1` (set by `.ci/run`) makes that a failure.
//! Every message both ways, the server's stderr and the audit log are
//! scanned for the token.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use crate::support::org::Org;
use crate::support::{user, Sandbox, TOKEN};

mod change;
mod policy;
mod read;
mod verify;

pub const ME: &str = "00uBOT";
pub const JANE: &str = "00u1jane0000000000aa";

/// The venv's python with `mcp` importable, or `None` (skip) locally.
fn python() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let py = root.join("tests/mcp/.venv/bin/python");
    let works = py.exists()
        && Command::new(&py)
            .args(["-c", "import mcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if works {
        return Some(py);
    }
    let required = std::env::var_os("OKTACTL_REQUIRE_MCP_CLIENT").is_some_and(|v| v == "1");
    assert!(
        !required,
        "OKTACTL_REQUIRE_MCP_CLIENT=1 but no MCP client at {}: .ci/run installs it (python3 -m venv tests/mcp/.venv && tests/mcp/.venv/bin/pip install mcp==2.3.0)",
        py.display()
    );
    eprintln!("skipped: no MCP Python client at {}", py.display());
    None
}

/// A client session as the plan describes it.
pub struct Session<'a> {
    pub args: &'a [&'a str],
    pub mode: &'a str,
    pub elicitation: Option<&'a str>,
    pub steps: Vec<Value>,
}

impl Session<'_> {
    pub fn new(steps: Vec<Value>) -> Self {
        Session {
            args: &["mcp"],
            mode: "auto",
            elicitation: None,
            steps,
        }
    }
}

pub fn list() -> Value {
    json!({"op": "list"})
}

pub fn call(tool: &str, args: Value) -> Value {
    json!({"op": "call", "tool": tool, "args": args})
}

/// Run the session; `None` when the client is not installed (skipped).
/// The transcript, with the server's stderr under `"stderr"`.
pub fn drive(sb: &Sandbox, org: &str, s: Session<'_>) -> Option<Value> {
    let py = python()?;
    let mut env: serde_json::Map<String, Value> = sb
        .env()
        .into_iter()
        .map(|(k, v)| (k.to_string(), json!(v.display().to_string())))
        .collect();
    env.insert("OKTA_ORG_URL".into(), json!(org));
    env.insert("OKTA_API_TOKEN".into(), json!(TOKEN));
    let plan = json!({
        "server": {"command": assert_cmd::cargo::cargo_bin("oktactl"), "args": s.args, "env": env},
        "mode": s.mode,
        "client": {"name": "helpdesk-bot", "version": "4.2"},
        "elicitation": s.elicitation,
        "steps": s.steps,
    });
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/mcp/client.py");
    let mut child = Command::new(py)
        .arg(script)
        .env_clear()
        .env("HOME", sb.dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(plan.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = crate::support::text(&out);
    assert!(out.status.success(), "client failed: {stderr}\n{stdout}");
    assert!(!stdout.contains(TOKEN), "the token in a message: {stdout}");
    assert!(!stderr.contains(TOKEN), "the token on stderr: {stderr}");
    let audit = std::fs::read_to_string(sb.path("audit.log")).unwrap_or_default();
    assert!(!audit.contains(TOKEN), "the token in the audit log");
    let mut v: Value = serde_json::from_str(&stdout).unwrap();
    v["stderr"] = json!(stderr);
    Some(v)
}

/// The bot's account, its roles (targets: all groups) and a healthy token,
/// for the check at start (and whoami).
pub fn bot(org: &mut Org, kinds: &[&str]) -> Vec<Mock> {
    let roles: Vec<Value> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            json!({"id": format!("ra{i}"), "type": k, "label": k, "status": "ACTIVE",
                   "assignmentType": "USER"})
        })
        .collect();
    let mut mocks = vec![
        any_times(org, "/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        any_times(org, &format!("/api/v1/users/{ME}/roles"), json!(roles)),
        any_times(
            org,
            "/api/v1/api-tokens",
            json!([crate::check_perms::healthy_token(ME)]),
        ),
    ];
    for (i, k) in kinds.iter().enumerate() {
        let tail = match *k {
            "APP_ADMIN" => "catalog/apps",
            "USER_ADMIN" | "HELP_DESK_ADMIN" | "GROUP_MEMBERSHIP_ADMIN" => "groups",
            _ => continue,
        };
        let path = format!("/api/v1/users/{ME}/roles/ra{i}/targets/{tail}");
        mocks.push(any_times(org, &path, json!([])));
    }
    mocks
}

/// `GET path` (any query) answered `body`, at least once.
pub fn any_times(org: &mut Org, path: &str, body: Value) -> Mock {
    org.mock("GET", path)
        .match_query(Matcher::Any)
        .with_body(body.to_string())
        .expect_at_least(1)
        .create()
}

pub fn structured(result: &Value) -> &Value {
    &result["structuredContent"]
}

pub fn is_error(result: &Value) -> bool {
    result["isError"] == true
}

pub fn tool_names(listed: &Value) -> Vec<String> {
    listed["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect()
}
