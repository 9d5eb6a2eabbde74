//! Asking the org directly through `oktactl::okta::Client`, for the raw
//! status, error code and headers of requests the CLI has no command for
//! (the client's origin pinning keeps the credential at the org).

use reqwest::header::HeaderMap;
use reqwest::Method;
use serde_json::Value;
use url::Url;

use super::{answered_in, short, Env, Step};

/// One answer the library got: the step, the body (null when empty or an
/// error) and the headers (empty on an error).
pub struct Answer {
    pub step: Step,
    pub body: Value,
    pub headers: HeaderMap,
}

impl Env {
    /// One request through the library. Any HTTP answer is an `Answer`;
    /// a 2xx body that is not JSON, or no answer at all, is an error.
    pub fn call(&self, method: Method, url: Url) -> Result<Answer, String> {
        let client = self.client()?;
        let mut step = Step::library(describe(&method, &url));
        match client.send(method, url, None) {
            Ok(reply) => {
                step.status = Some(reply.status);
                let body = if reply.body.iter().all(u8::is_ascii_whitespace) {
                    Value::Null
                } else {
                    serde_json::from_slice(&reply.body).map_err(|e| {
                        format!(
                            "{}: a malformed answer: {} with a body that is not JSON ({e})",
                            step.request, reply.status
                        )
                    })?
                };
                Ok(Answer {
                    step,
                    body,
                    headers: reply.headers,
                })
            }
            Err(e) => {
                let (status, code) = match e.status() {
                    Some(s) => (s, e.error_code().map(str::to_string)),
                    None => answered_in(&e.message)
                        .ok_or_else(|| format!("{}: no answer: {}", step.request, e.message))?,
                };
                step.status = Some(status);
                step.error_code = code;
                step.note = Some(short(&e.message));
                Ok(Answer {
                    step,
                    body: Value::Null,
                    headers: HeaderMap::new(),
                })
            }
        }
    }
}

/// `GET /api/v1/logs?filter=…` with the query decoded, for people.
pub fn describe(method: &Method, url: &Url) -> String {
    let query: Vec<String> = url.query_pairs().map(|(k, v)| format!("{k}={v}")).collect();
    if query.is_empty() {
        format!("{method} {}", url.path())
    } else {
        format!("{method} {}?{}", url.path(), query.join("&"))
    }
}
