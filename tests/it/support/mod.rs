//! Shared set-up for the integration tests: a hermetic environment (no
//! inherited variables, temp config/state dirs) and Okta-shaped JSON.
#![allow(dead_code)]

pub mod oauth;

use assert_cmd::Command;
use tempfile::TempDir;

pub const TOKEN: &str = "00TESTtoken-SECRET-abc123";

/// A temp home for one test: config, audit log and XDG dirs live in it.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// `oktactl` with a cleared environment pointed at `org`, token in env.
    pub fn cmd(&self, org: &str) -> Command {
        let mut c = self.bare();
        c.env("OKTA_ORG_URL", org).env("OKTA_API_TOKEN", TOKEN);
        c
    }

    /// `oktactl` with a cleared environment and no org or token.
    pub fn bare(&self) -> Command {
        let mut c = Command::cargo_bin("oktactl").unwrap();
        let home = self.dir.path();
        c.env_clear()
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("OKTACTL_CONFIG", home.join("config.toml"))
            .env("OKTACTL_AUDIT_LOG", home.join("audit.log"))
            .timeout(std::time::Duration::from_secs(60));
        c
    }
}

/// An Okta User object.
pub fn user(id: &str, login: &str, status: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "status": status,
        "created": "2024-01-02T03:04:05.000Z",
        "activated": "2024-01-02T03:04:05.000Z",
        "statusChanged": "2024-01-02T03:04:05.000Z",
        "lastLogin": "2026-11-20T08:00:00.000Z",
        "lastUpdated": "2026-11-20T08:00:00.000Z",
        "passwordChanged": "2026-10-01T00:00:00.000Z",
        "type": {"id": "oty1"},
        "profile": {
            "login": login,
            "email": login,
            "firstName": "Jane",
            "lastName": "Doe",
            "title": "Engineer",
            "department": "R&D",
            "manager": "Max Boss"
        },
        "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}},
        "_links": {"self": {"href": format!("https://example.okta.com/api/v1/users/{id}")}}
    })
}

/// An Okta error body.
pub fn okta_error(code: &str, summary: &str) -> String {
    serde_json::json!({
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": "oaeTEST",
        "errorCauses": []
    })
    .to_string()
}

/// The stdout/stderr of a finished command as text.
pub fn text(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Mocks for any POST or DELETE at all, each expecting none: assert
/// them to prove that nothing was changed.
pub fn no_mutation(server: &mut mockito::Server) -> (mockito::Mock, mockito::Mock) {
    let any = || mockito::Matcher::Any;
    let post = server
        .mock("POST", any())
        .match_query(any())
        .expect(0)
        .create();
    let delete = server
        .mock("DELETE", any())
        .match_query(any())
        .expect(0)
        .create();
    (post, delete)
}
