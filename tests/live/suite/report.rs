//! What the suite records: one `Point` per open question, each with the
//! requests made (`Step`s), and the report file that holds them all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{json, Value};

/// One request made for a point: by the library or by the `oktactl` binary.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// `library` or `oktactl`.
    pub via: &'static str,
    /// `GET /api/v1/users/me`, or `oktactl whoami -o json`.
    pub request: String,
    pub status: Option<u16>,
    #[serde(rename = "errorCode")]
    pub error_code: Option<String>,
    /// The binary's exit code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// Okta's error summary, the binary's error line, or what came back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Step {
    pub fn library(request: String) -> Step {
        Step {
            via: "library",
            request,
            status: None,
            error_code: None,
            exit_code: None,
            note: None,
        }
    }

    pub fn ok(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    /// `200`, or `403 E0000006`, or `no answer`.
    pub fn answer(&self) -> String {
        match (self.status, &self.error_code) {
            (Some(s), Some(c)) => format!("{s} {c}"),
            (Some(s), None) => s.to_string(),
            (None, _) => "no answer".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The org answered the question (whatever the answer).
    Answered,
    /// Not asked: a variable it needs is unset, or it does not apply.
    NotRun,
    /// The tool crashed, an answer was malformed, or nothing answered.
    Error,
}

/// The record of one open question.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub point: &'static str,
    pub question: &'static str,
    /// The request whose answer settles the point.
    pub request: Option<String>,
    pub status: Option<u16>,
    #[serde(rename = "errorCode")]
    pub error_code: Option<String>,
    pub observation: String,
    pub conclusion: String,
    pub outcome: Outcome,
    /// Figures behind the observation (counts, headers, results).
    pub data: Value,
    pub steps: Vec<Step>,
    /// Why the suite fails on this point (a crash, a malformed answer).
    #[serde(skip)]
    pub failure: Option<String>,
}

impl Point {
    pub fn new(point: &'static str, question: &'static str) -> Point {
        Point {
            point,
            question,
            request: None,
            status: None,
            error_code: None,
            observation: String::new(),
            conclusion: "ended without a conclusion".into(),
            outcome: Outcome::Error,
            data: json!({}),
            steps: Vec::new(),
            failure: None,
        }
    }

    /// Keep a step; the last one kept with `key` is the one that settles.
    pub fn step(&mut self, s: &Step) {
        self.steps.push(s.clone());
    }

    /// Keep a step and make it the point's deciding request.
    pub fn key(&mut self, s: &Step) {
        self.request = Some(s.request.clone());
        self.status = s.status;
        self.error_code = s.error_code.clone();
        self.step(s);
    }

    pub fn set(&mut self, name: &str, value: Value) {
        if let Value::Object(map) = &mut self.data {
            map.insert(name.to_string(), value);
        }
    }

    pub fn answered(&mut self, observation: String, conclusion: String) {
        self.outcome = Outcome::Answered;
        self.observation = observation;
        self.conclusion = conclusion;
    }

    pub fn not_run(&mut self, observation: String, conclusion: String) {
        self.outcome = Outcome::NotRun;
        self.observation = observation;
        self.conclusion = conclusion;
    }

    /// One line for the test's output.
    pub fn summary(&self) -> String {
        format!(
            "{} [{}]: {}",
            self.point,
            serde_json::to_value(self.outcome)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            self.conclusion
        )
    }
}

/// Replace every secret in `text` by `(redacted)`.
pub fn redact(text: &str, secrets: &[String]) -> String {
    secrets
        .iter()
        .filter(|s| !s.is_empty())
        .fold(text.to_string(), |t, s| t.replace(s.as_str(), "(redacted)"))
}

/// Whether `text` holds any of the secrets.
pub fn leaks(text: &str, secrets: &[String]) -> bool {
    secrets
        .iter()
        .any(|s| !s.is_empty() && text.contains(s.as_str()))
}

/// What ran against what: the report's first fields.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    pub suite: &'static str,
    pub oktactl: &'static str,
    pub org: String,
    pub credential: String,
    pub writes: bool,
    pub group: Option<String>,
    pub user: Option<String>,
    pub started: String,
}

#[derive(Serialize)]
struct Doc<'a> {
    #[serde(flatten)]
    head: &'a Head,
    points: Vec<&'a Point>,
}

/// The report file: the run's facts and its points, rewritten whole after
/// every point, so it exists whatever happens to the points after it.
pub struct Report {
    path: PathBuf,
    head: Head,
    points: BTreeMap<&'static str, Point>,
}

impl Report {
    pub fn new(path: PathBuf, head: Head) -> Report {
        Report {
            path,
            head,
            points: BTreeMap::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Add (or replace) a point and write the file, every secret redacted.
    pub fn record(&mut self, point: Point, secrets: &[String]) -> Result<(), String> {
        self.points.insert(point.point, point);
        self.write(secrets)
    }

    fn write(&self, secrets: &[String]) -> Result<(), String> {
        let doc = Doc {
            head: &self.head,
            points: self.points.values().collect(),
        };
        let text = serde_json::to_string_pretty(&doc)
            .map_err(|e| format!("cannot encode the report: {e}"))?;
        let text = redact(&text, secrets);
        let shown = self.path.display();
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {shown}: {e}"))?;
        }
        let tmp = self.path.with_extension("json.tmp");
        std::fs::write(&tmp, text + "\n").map_err(|e| format!("cannot write {shown}: {e}"))?;
        std::fs::rename(&tmp, &self.path).map_err(|e| format!("cannot write {shown}: {e}"))
    }
}
