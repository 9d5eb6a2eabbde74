//! Running the `oktactl` binary as a user would, and reading what it says.

use std::time::Duration;

use serde_json::Value;

use super::{leaks, Env, Step};

/// The longest one `oktactl` run may take.
const BIN_TIMEOUT: Duration = Duration::from_secs(300);

/// How the `oktactl` binary is started: with the caller's environment
/// (`inherit`) or a cleared one, plus `vars`.
pub struct Bin {
    pub inherit: bool,
    pub vars: Vec<(String, String)>,
}

/// One `oktactl` run: the step, its stderr, and its JSON (null when none).
pub struct Ran {
    pub step: Step,
    pub stderr: String,
    pub json: Value,
}

impl Env {
    /// Run the `oktactl` binary. A panic, a signal, a timeout, an exit code
    /// the contract does not list, JSON that does not parse, or the
    /// credential in its output is an error; anything else is its answer.
    pub fn oktactl(&self, args: &[&str]) -> Result<Ran, String> {
        let request = format!("oktactl {}", args.join(" "));
        let mut cmd = assert_cmd::Command::cargo_bin("oktactl")
            .map_err(|e| format!("cannot find the oktactl binary: {e}"))?;
        if !self.bin.inherit {
            cmd.env_clear();
        }
        for (k, v) in &self.bin.vars {
            cmd.env(k, v);
        }
        cmd.env("NO_COLOR", "1")
            .args(args)
            .write_stdin(Vec::<u8>::new())
            .timeout(BIN_TIMEOUT);
        let out = cmd
            .output()
            .map_err(|e| format!("cannot run `{request}`: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let secrets = self.secrets();
        if leaks(&stdout, &secrets) || leaks(&stderr, &secrets) {
            return Err(format!("`{request}` printed the credential"));
        }
        let code = out.status.code().ok_or_else(|| {
            format!(
                "`{request}` was killed (a signal, or no exit within {} s)",
                BIN_TIMEOUT.as_secs()
            )
        })?;
        if let Some(line) = stderr.lines().find(|l| l.contains("panicked")) {
            return Err(format!("`{request}` panicked: {}", short(line)));
        }
        if !matches!(code, 0..=7 | 130) {
            return Err(format!(
                "`{request}` exited {code}, a code the contract does not list"
            ));
        }
        let mut step = Step {
            via: "oktactl",
            request,
            status: None,
            error_code: None,
            exit_code: Some(code),
            note: None,
        };
        if let Some(line) = stderr.lines().find(|l| l.starts_with("error:")) {
            step.note = Some(short(line));
            if let Some((s, c)) = answered_in(line) {
                step.status = Some(s);
                step.error_code = c;
            }
        }
        let wants_json = args.windows(2).any(|w| w == ["-o", "json"]);
        let json = if wants_json && (code == 0 || !stdout.trim().is_empty()) {
            serde_json::from_str(&stdout).map_err(|e| {
                format!(
                    "`{}` exited {code} without one JSON document on stdout ({e})",
                    step.request
                )
            })?
        } else {
            Value::Null
        };
        Ok(Ran { step, stderr, json })
    }
}

/// `… Okta answered 403 E0000006: …` → (403, Some("E0000006")); the code is
/// Okta's `E…` or an OAuth error word.
pub fn answered_in(text: &str) -> Option<(u16, Option<String>)> {
    let rest = &text[text.find("Okta answered ")? + "Okta answered ".len()..];
    let status: u16 = rest.get(..3)?.parse().ok()?;
    let code = rest[3..]
        .strip_prefix(' ')
        .and_then(|r| r.split([':', ' ', ',']).next())
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
        .map(str::to_string);
    Some((status, code))
}

/// The first 300 characters of one line.
pub fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    match line.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

/// The statuses of the `-v` request lines (`> METHOD /path… STATUS …`) whose
/// path starts with `prefix`.
pub fn traced(stderr: &str, prefix: &str) -> Vec<u16> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("> "))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let (_method, path, status) = (words.next()?, words.next()?, words.next()?);
            path.starts_with(prefix)
                .then(|| status.parse().ok())
                .flatten()
        })
        .collect()
}
