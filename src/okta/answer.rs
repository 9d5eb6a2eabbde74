//! What Okta answered: the raw reply, and errors parsed from Okta's body.

use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{clean, Error, Kind, OktaAnswer};

/// One HTTP answer, read whole (at most the client's cap, `OKTACTL_MAX_BODY`).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// `METHOD /path`, for messages.
    pub what: String,
}

impl Reply {
    pub fn request_id(&self) -> Option<String> {
        header(&self.headers, "x-okta-request-id")
    }

    /// The body as JSON of the expected shape; anything else (not JSON, or
    /// JSON of another shape) is a server error, exit 7, never a usage error.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_slice(&self.body).map_err(|e| {
            let ctype = header(&self.headers, "content-type").unwrap_or_else(|| "none".into());
            Error::network(format!(
                "{}: Okta's answer was not the JSON expected (content-type {ctype}): {e}",
                self.what
            ))
            .hint("check that --org is your Okta org's API address, e.g. https://acme.okta.com")
        })
    }

    /// Like `json`, but an empty body counts as `default`.
    pub fn json_or_default<T: DeserializeOwned + Default>(&self) -> Result<T, Error> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            Ok(T::default())
        } else {
            self.json()
        }
    }
}

pub fn header(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    error_code: Option<String>,
    error_summary: Option<String>,
    #[serde(default)]
    error_causes: Vec<Cause>,
    error_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cause {
    error_summary: Option<String>,
}

/// Build the error for a non-success answer.
pub fn error_from(reply: &Reply) -> Error {
    let body: Body = serde_json::from_slice(&reply.body).unwrap_or_default();
    let status = reply.status;
    let code = body.error_code.clone();
    let mut message = format!("{}: Okta answered {status}", reply.what);
    if let Some(c) = &code {
        message.push_str(&format!(" {c}"));
    }
    if let Some(s) = &body.error_summary {
        message.push_str(&format!(": {}", clean(s)));
    }
    let causes: Vec<String> = body
        .error_causes
        .iter()
        .filter_map(|c| c.error_summary.as_deref().map(clean))
        .collect();
    if !causes.is_empty() {
        message.push_str(&format!(" ({})", causes.join("; ")));
    }
    let auth_header = header(&reply.headers, "www-authenticate");
    let kind = match (status, code.as_deref()) {
        (401, _) => Kind::Auth,
        (403, _) => Kind::Permission,
        (404, _) => Kind::NotFound,
        (429, _) => Kind::RateLimited,
        // Bad search, paging, or System Log filter (E0000053): the request's fault.
        (400, Some("E0000031" | "E0000029" | "E0000053")) => Kind::Usage,
        (s, _) if s >= 500 => Kind::Network,
        _ => Kind::Failed,
    };
    let mut err = Error::new(kind, message);
    if let Some(scope) = auth_header.as_deref().and_then(missing_scope) {
        err.message
            .push_str(&format!(": the credential lacks the scope {scope}"));
        err = err.hint(format!(
            "grant the scope {scope} to the service app in Okta"
        ));
    }
    match kind {
        Kind::Auth => {
            err.generic = Some("the token is invalid, expired or revoked: run `oktactl auth login` with a new token, or fix OKTA_API_TOKEN")
        }
        Kind::Permission if err.hints.is_empty() => {
            err.generic = Some("the token's admin lacks a role for this; `oktactl check-perms` shows which")
        }
        _ => {}
    }
    let request_id = reply.request_id();
    if let Some(id) = &request_id {
        err = err.hint(format!(
            "Okta request id {id}{}",
            body.error_id
                .map(|e| format!(", error id {e}"))
                .unwrap_or_default()
        ));
    }
    // A gateway that gave up may have passed the request on.
    err.maybe_applied = matches!(status, 502 | 504);
    err.okta = Some(Box::new(OktaAnswer {
        status,
        error_code: code,
        request_id,
        request: reply.what.clone(),
    }));
    err
}

/// The scope named in `WWW-Authenticate: … error="insufficient_scope", scope="…"`.
fn missing_scope(h: &str) -> Option<String> {
    if !h.contains("insufficient_scope") {
        return None;
    }
    let start = h.find("scope=\"")? + 7;
    let end = h[start..].find('"')? + start;
    Some(clean(&h[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, body: &str) -> Reply {
        let mut headers = HeaderMap::new();
        headers.insert("x-okta-request-id", "req-1".parse().unwrap());
        Reply {
            status,
            headers,
            body: body.as_bytes().to_vec(),
            what: "GET /api/v1/users/me".into(),
        }
    }

    #[test]
    fn parses_okta_error_body() {
        let e = error_from(&reply(
            403,
            r#"{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action","errorCauses":[{"errorSummary":"why"}],"errorId":"oaeX"}"#,
        ));
        assert_eq!(e.exit_code(), 5);
        assert_eq!(e.error_code(), Some("E0000006"));
        assert_eq!(e.request_id(), Some("req-1"));
        assert!(e.message.contains("E0000006: You do not have permission"));
        assert!(e.message.contains("(why)"));
    }

    #[test]
    fn status_decides_kind_without_body() {
        assert_eq!(error_from(&reply(401, "")).exit_code(), 4);
        assert_eq!(error_from(&reply(404, "<html>")).exit_code(), 3);
        assert_eq!(error_from(&reply(503, "")).exit_code(), 7);
        assert_eq!(error_from(&reply(429, "")).exit_code(), 6);
        assert_eq!(error_from(&reply(409, "")).exit_code(), 1);
        let bad_filter = r#"{"errorCode":"E0000053","errorSummary":"Invalid SCIM filter."}"#;
        assert_eq!(error_from(&reply(400, bad_filter)).exit_code(), 2);
    }

    #[test]
    fn wrong_shape_is_a_server_error() {
        for body in [
            r#"{"id":"00u1"}"#,
            r#"[1,2]"#,
            "",
            "<html>",
            r#"[{"id":5}]"#,
        ] {
            let e = reply(200, body).json::<Vec<Shape>>().unwrap_err();
            assert_eq!(e.exit_code(), 7, "{body}");
            assert!(e.message.contains("not the JSON expected"), "{body}");
        }
        assert_eq!(
            reply(200, r#"[{"id":"00u1"}]"#)
                .json::<Vec<Shape>>()
                .unwrap()
                .len(),
            1
        );
    }

    #[derive(Debug, Deserialize)]
    struct Shape {
        #[allow(dead_code)]
        id: String,
    }

    #[test]
    fn names_missing_scope() {
        let h =
            r#"Bearer authorization_uri="x", error="insufficient_scope", scope="okta.users.read""#;
        assert_eq!(missing_scope(h).as_deref(), Some("okta.users.read"));
        assert_eq!(missing_scope("Bearer realm=x"), None);
    }
}
