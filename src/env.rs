//! Every environment variable oktactl reads, and the files it keeps, in one
//! place (as uv's `env_vars.rs`). The man page's ENVIRONMENT and FILES
//! sections and docs/cli.md's *Environment* table are made from these
//! lists; a test checks that every variable the code reads is listed here.
//! A new variable: add it here, then `UPDATE_GENERATED=1 cargo test --test
//! it generated`.

/// A variable and what it does.
#[derive(Debug, Clone, Copy)]
pub struct Var {
    pub name: &'static str,
    pub meaning: &'static str,
}

const fn var(name: &'static str, meaning: &'static str) -> Var {
    Var { name, meaning }
}

/// The variables a user may set, in the order the docs list them.
pub const VARS: &[Var] = &[
    var("OKTA_ORG_URL", "The Okta org, as --org (e.g. https://acme.okta.com)."),
    var(
        "OKTA_CLIENT_ORGURL",
        "The org, when neither --org nor OKTA_ORG_URL gives one (the name Okta's SDKs use).",
    ),
    var(
        "OKTA_API_TOKEN",
        "An API token (SSWS). It wins over a service app and over the keyring; never put a token in an argument.",
    ),
    var("OKTA_CLIENT_TOKEN", "An API token, when OKTA_API_TOKEN is not set."),
    var(
        "OKTA_CLIENT_ID",
        "A service app's client id (OAuth 2.0 with a private key), used with OKTA_PRIVATE_KEY or OKTA_PRIVATE_KEY_FILE when no API token is set.",
    ),
    var(
        "OKTA_PRIVATE_KEY",
        "The service app's private key as text: PEM (PKCS#8, PKCS#1, SEC1) or JWK, RSA or EC P-256.",
    ),
    var("OKTA_PRIVATE_KEY_FILE", "A file holding the service app's private key."),
    var(
        "OKTA_PRIVATE_KEY_ID",
        "The key id (kid) registered for the service app's public key, when the JWK holds none.",
    ),
    var(
        "OKTA_SCOPES",
        "The scopes the service app asks for, separated by commas or spaces (default: those the commands need).",
    ),
    var("OKTACTL_PROFILE", "The profile of the config file, as --profile (default: default)."),
    var(
        "OKTACTL_CONFIG",
        "The config file (default: oktactl/config.toml in the platform's config directory).",
    ),
    var(
        "OKTACTL_AUDIT_LOG",
        "The audit log (default: audit.log in the platform's state directory).",
    ),
    var(
        "OKTACTL_TICKET",
        "The help-desk ticket of a command that changes things, as its --ticket; written to the audit log. It does not filter `audit`.",
    ),
    var(
        "OKTACTL_MAX_RATE_WAIT",
        "The most one request may wait for Okta's rate limits in all, in whole seconds from 1 to 86400 (default 300); past it, exit 6. Any other value is exit 2.",
    ),
    var(
        "OKTACTL_RATE_SHARE",
        "The percent of each rate-limit bucket to use, 1 to 100 (`%` allowed; default 100); Okta gives each token or app 50 % by default. Any other value is exit 2.",
    ),
    var(
        "OKTACTL_MAX_BODY",
        "The largest answer from Okta read, in MiB: a whole number from 1 to 4096 (default 32); past it, exit 7. Any other value is exit 2.",
    ),
    var(
        "OKTACTL_POLICY",
        "The local policy file every change must pass (as --policy; default: policy.toml beside the config file).",
    ),
    var("NO_COLOR", "Set and not empty: no ANSI colour, as --no-color."),
    var(
        "HTTPS_PROXY",
        "The proxy the requests to Okta go through (also https_proxy; else ALL_PROXY).",
    ),
    var("NO_PROXY", "Hosts reached without the proxy, separated by commas."),
    var(
        "SSL_CERT_FILE",
        "A PEM file of the certificate authorities to trust instead of the OS store (e.g. a TLS-inspecting proxy's); SSL_CERT_DIR: directories of them.",
    ),
    var(
        "COLUMNS",
        "The width tables are fitted to and help is wrapped to, also in a pipe (at a terminal without it, the terminal's width).",
    ),
    var(
        "TZ",
        "The local time zone of the times shown in tables (relative and local unless --utc).",
    ),
    var(
        "USER",
        "The operator written to the audit log, only when the OS does not tell the account (then also USERNAME, LOGNAME).",
    ),
    var("USERNAME", "As USER, when USER is not set."),
    var("LOGNAME", "As USER, when neither USER nor USERNAME is set."),
];

/// Read, but for tests only: not documented.
pub const FOR_TESTS: &[&str] = &[
    // "1": stdout and stderr count as terminals (the human format).
    "OKTACTL_FORCE_TTY",
    // An RFC 3339 time standing in for the clock of relative times.
    "OKTACTL_NOW",
];

/// A file oktactl reads or writes, and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct File {
    pub path: &'static str,
    pub meaning: &'static str,
}

const fn file(path: &'static str, meaning: &'static str) -> File {
    File { path, meaning }
}

/// The files, with their default places on Linux (macOS and Windows use
/// the platform's config and data directories).
pub const FILES: &[File] = &[
    file(
        "$OKTACTL_CONFIG, else ~/.config/oktactl/config.toml ($XDG_CONFIG_HOME)",
        "The config file: profiles (org URL, service-app client id and scopes), never a secret. It must be a regular file of at most 1 MiB, not writable by group or others, owned by you or root.",
    ),
    file(
        "$OKTACTL_AUDIT_LOG, else ~/.local/state/oktactl/audit.log ($XDG_STATE_HOME)",
        "The audit log: two JSON lines per change made or tried (intent and outcome), mode 0600; read back with `oktactl audit`.",
    ),
    file(
        "$OKTACTL_POLICY, else ~/.config/oktactl/policy.toml ($XDG_CONFIG_HOME)",
        "The local policy: verification, protected users, cooldowns, tickets, grant allow/deny, agent mode; checked with `oktactl policy check FILE`, at most 1 MiB.",
    ),
    file(
        "~/.local/state/oktactl/watch/HOST/PROFILE/lockouts.cursor ($XDG_STATE_HOME)",
        "Where `lockouts --watch` and `--once` are in the System Log (Okta's `after` cursor and the last lock-outs shown), one per org and profile, mode 0600, rewritten whole after each lock-out; `lockouts.cursor.lock` beside it while a watch runs.",
    ),
    file(
        "OS keyring: service oktactl, account PROFILE",
        "The profile's API token or service-app private key, with the org it was stored for; written by `auth login`, deleted by `auth logout`.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn each_variable_is_listed_once() {
        let mut names: Vec<&str> = VARS
            .iter()
            .map(|v| v.name)
            .chain(FOR_TESTS.iter().copied())
            .collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    /// Okta's own words that look like our variables.
    const NOT_VARIABLES: &[&str] = &["OKTA_GROUP"];

    /// Every `"NAME"` literal in `text` (upper case, digits, `_`) and the
    /// text before it.
    fn literals(text: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while let Some(at) = rest.find('"') {
            let start = offset + at + 1;
            let tail = &text[start..];
            let len = tail
                .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(tail.len());
            if len > 1 && tail[len..].starts_with('"') {
                out.push((&tail[..len], &text[..start - 1]));
            }
            offset = start;
            rest = &text[offset..];
        }
        out
    }

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/env.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// A variable the code reads is listed: any `"OKTA_…"`/`"OKTACTL_…"`
    /// literal, and any literal read with `var(…)`, `var_os(…)`, `env(…)`
    /// or a clap `env = …`.
    #[test]
    fn every_variable_the_code_reads_is_listed() {
        let listed: Vec<&str> = VARS
            .iter()
            .map(|v| v.name)
            .chain(FOR_TESTS.iter().copied())
            .chain(NOT_VARIABLES.iter().copied())
            .collect();
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut missing = Vec::new();
        for (path, text) in &files {
            for (name, before) in literals(text) {
                let ours = name.starts_with("OKTA_") || name.starts_with("OKTACTL_");
                let read = ["var(", "var_os(", "env(", "env = "]
                    .iter()
                    .any(|call| before.trim_end().ends_with(call.trim_end()));
                if (ours || read) && !listed.contains(&name) {
                    missing.push(format!("{name} ({path})"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "read but not in src/env.rs (add each to VARS, then `UPDATE_GENERATED=1 cargo test --test it generated`): {missing:?}"
        );
    }

    #[test]
    fn the_scan_finds_reads() {
        let text = r#"std::env::var("A_B"); var_os( "NO_COLOR"); env("OKTACTL_X"); #[arg(env = "C_D")] let s = "E_F"; x("OKTA_Y")"#;
        let names: Vec<&str> = literals(text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["A_B", "NO_COLOR", "OKTACTL_X", "C_D", "E_F", "OKTA_Y"]
        );
    }
}
