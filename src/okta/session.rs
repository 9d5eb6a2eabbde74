//! The OAuth side of the client: access tokens by client credentials with a
//! `private_key_jwt` assertion, kept in memory and renewed before they expire,
//! and the `Authorization`/`DPoP` headers of each request; and `explain`, which turns
//! an API error seen with a service app into hints about the app.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::blocking::RequestBuilder;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION};
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;
use url::Url;

use super::{Client, Reply};
use crate::credentials::{ServiceApp, Token};
use crate::error::{clean, Error, Kind, Result};
use crate::oauth::dpop::DpopKey;
use crate::oauth::jwt::{compact, jti, now};
use crate::output::Stderr;

/// An access token is renewed when less than this is left of its life.
const RENEW_BEFORE: Duration = Duration::from_secs(60);
/// The assertion's lifetime (Okta allows at most an hour).
const ASSERTION_LIFE: u64 = 300;
const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

#[derive(Clone, Debug)]
pub struct Access {
    pub token: Token,
    /// `DPoP` or `Bearer`, as Okta's `token_type` says.
    pub dpop: bool,
    pub granted: Vec<String>,
    expires: Instant,
}

#[derive(Deserialize)]
struct TokenAnswer {
    token_type: String,
    expires_in: Option<u64>,
    access_token: String,
    scope: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct OAuthError {
    #[serde(default)]
    pub error: String,
    pub error_description: Option<String>,
}

pub struct Session {
    app: ServiceApp,
    token_url: Url,
    dpop: DpopKey,
    access: Mutex<Option<Access>>,
    nonce: Mutex<Option<String>>,
    err: Arc<Stderr>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("client_id", &self.app.client_id)
            .finish_non_exhaustive()
    }
}

fn sensitive(text: &str) -> Result<HeaderValue> {
    let mut v = HeaderValue::from_str(text)
        .map_err(|_| Error::auth("Okta's access token holds characters a header cannot carry"))?;
    v.set_sensitive(true);
    Ok(v)
}

impl Session {
    pub fn new(app: ServiceApp, origin: &Url, err: Arc<Stderr>) -> Result<Session> {
        let token_url = origin
            .join("/oauth2/v1/token")
            .map_err(|e| Error::usage(format!("cannot build the token URL: {e}")))?;
        Ok(Session {
            app,
            token_url,
            dpop: DpopKey::generate()?,
            access: Mutex::new(None),
            nonce: Mutex::new(None),
            err,
        })
    }

    pub fn client_id(&self) -> &str {
        &self.app.client_id
    }

    pub fn scopes(&self) -> &[String] {
        &self.app.scopes
    }

    /// The `kid` the client assertions carry, when the key has one.
    pub fn key_id(&self) -> Option<&str> {
        self.app.key.kid()
    }

    fn nonce(&self) -> Option<String> {
        self.nonce.lock().ok().and_then(|n| n.clone())
    }

    /// Keep the server's latest `DPoP-Nonce`; true when one was given.
    pub fn observe_nonce(&self, headers: &HeaderMap) -> bool {
        let Some(n) = headers.get("dpop-nonce").and_then(|v| v.to_str().ok()) else {
            return false;
        };
        if let Ok(mut slot) = self.nonce.lock() {
            *slot = Some(n.to_string());
        }
        true
    }

    /// The current access token, fetched or renewed when needed.
    pub fn access(&self, client: &Client) -> Result<Access> {
        let mut slot = self
            .access
            .lock()
            .map_err(|_| Error::failed("the token cache is unusable"))?;
        if let Some(a) = slot.as_ref() {
            if Instant::now() + RENEW_BEFORE < a.expires {
                return Ok(a.clone());
            }
        }
        let fresh = self.fetch(client)?;
        *slot = Some(fresh.clone());
        Ok(fresh)
    }

    /// The authentication headers of one resource request (each attempt).
    pub fn authorize(
        &self,
        client: &Client,
        req: RequestBuilder,
        method: &Method,
        url: &Url,
    ) -> Result<RequestBuilder> {
        let a = self.access(client)?;
        let scheme = if a.dpop { "DPoP" } else { "Bearer" };
        let req = req.header(
            AUTHORIZATION,
            sensitive(&format!("{scheme} {}", a.token.expose()))?,
        );
        if !a.dpop {
            return Ok(req);
        }
        let proof = self.dpop.proof(
            method.as_str(),
            url,
            Some(a.token.expose()),
            self.nonce().as_deref(),
        )?;
        Ok(req.header("DPoP", sensitive(&proof)?))
    }

    /// A fresh `private_key_jwt` client assertion.
    fn assertion(&self) -> Result<String> {
        let mut header = json!({"alg": self.app.key.alg(), "typ": "JWT"});
        if let Some(kid) = self.app.key.kid() {
            header["kid"] = kid.into();
        }
        let iat = now();
        let claims = json!({
            "iss": self.app.client_id,
            "sub": self.app.client_id,
            "aud": self.token_url.as_str(),
            "iat": iat,
            "exp": iat + ASSERTION_LIFE,
            "jti": jti()?,
        });
        compact(&header, &claims, |input| self.app.key.sign(input))
    }

    fn token_request(&self, client: &Client, dpop: bool) -> Result<RequestBuilder> {
        let assertion = self.assertion()?;
        let scope = self.app.scopes.join(" ");
        let form = [
            ("grant_type", "client_credentials"),
            ("scope", scope.as_str()),
            ("client_assertion_type", ASSERTION_TYPE),
            ("client_assertion", assertion.as_str()),
        ];
        let mut req = client
            .http()
            .post(self.token_url.clone())
            .header(ACCEPT, "application/json")
            .form(&form);
        if dpop {
            let proof = self
                .dpop
                .proof("POST", &self.token_url, None, self.nonce().as_deref())?;
            req = req.header("DPoP", sensitive(&proof)?);
        }
        Ok(req)
    }

    /// Client credentials at `{org}/oauth2/v1/token`: DPoP first; once more
    /// with the server's nonce when it asks; once without DPoP when Okta
    /// refuses a proof from an app that does not use DPoP.
    fn fetch(&self, client: &Client) -> Result<Access> {
        let (mut dpop, mut nonce_tries, mut first_error) = (true, 0, None);
        loop {
            let reply = client.exchange(&Method::POST, &self.token_url, &|| {
                self.token_request(client, dpop)
            })?;
            let got_nonce = self.observe_nonce(&reply.headers);
            if (200..300).contains(&reply.status) {
                return self.accept(&reply);
            }
            let err: OAuthError = serde_json::from_slice(&reply.body).unwrap_or_default();
            match err.error.as_str() {
                "use_dpop_nonce" if dpop && got_nonce && nonce_tries < 2 => nonce_tries += 1,
                "invalid_dpop_proof" if dpop && nonce_tries == 0 && first_error.is_none() => {
                    first_error = Some(token_error(&reply, &err));
                    dpop = false;
                }
                "invalid_dpop_proof" if first_error.is_some() => {
                    return Err(first_error.unwrap_or_else(|| token_error(&reply, &err)))
                }
                _ => return Err(token_error(&reply, &err)),
            }
        }
    }

    fn accept(&self, reply: &Reply) -> Result<Access> {
        let t: TokenAnswer = reply.json()?;
        let token = Token::new(&t.access_token)
            .map_err(|e| e.context("Okta's token endpoint gave an unusable access token"))?;
        let granted: Vec<String> = match &t.scope {
            Some(s) => s.split_whitespace().map(str::to_string).collect(),
            None => self.app.scopes.clone(),
        };
        let missing: Vec<&str> = self
            .app
            .scopes
            .iter()
            .filter(|s| !granted.contains(s))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            self.err.warn(&format!(
                "Okta did not grant the scopes {}; commands that need them will fail (grant them to the app in Okta)",
                missing.join(", ")
            ));
        }
        let life = Duration::from_secs(t.expires_in.unwrap_or(3600).min(24 * 3600));
        Ok(Access {
            token,
            dpop: t.token_type.eq_ignore_ascii_case("DPoP"),
            granted,
            expires: Instant::now() + life,
        })
    }
}

/// An error from the token endpoint: a refused assertion is exit 4, a scope
/// problem exit 5, a server failure exit 7.
fn token_error(reply: &Reply, err: &OAuthError) -> Error {
    let desc = err
        .error_description
        .as_deref()
        .map(|d| format!(": {}", clean(d)))
        .unwrap_or_default();
    let code = if err.error.is_empty() {
        String::new()
    } else {
        format!(" {}", clean(&err.error))
    };
    let message = format!(
        "getting an access token: Okta answered {}{code}{desc}",
        reply.status
    );
    let (kind, hint) = match (reply.status, err.error.as_str()) {
        (s, _) if s >= 500 => (Kind::Network, "Okta's token endpoint failed; try again later"),
        (_, "invalid_scope") => (Kind::Permission, "grant the scopes to the service app (Okta API Scopes tab; only a Super Admin can), or ask for fewer with --scopes"),
        (_, "invalid_dpop_proof" | "use_dpop_nonce") => (Kind::Auth, "Okta refused the DPoP proof; check the machine's clock"),
        _ => (Kind::Auth, "check the client id, that the app's public key matches the private key (and its kid), that the app uses 'Public key / Private key' client authentication, and the machine's clock"),
    };
    let mut e = Error::new(kind, message).hint(hint);
    if let Some(id) = reply.request_id() {
        e = e.hint(format!("Okta request id {id}"));
    }
    e
}

/// An API error seen with an OAuth credential: the reason Okta gives in
/// `WWW-Authenticate` (DPoP and token errors come with an empty body), and
/// hints about the service app instead of an API token.
pub fn explain(mut err: Error, reply: &Reply) -> Error {
    let www = reply
        .headers
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(code) = param(www, "error").filter(|c| c != "insufficient_scope") {
        let desc = param(www, "error_description")
            .map(|d| format!(" ({})", clean(&d)))
            .unwrap_or_default();
        err.message.push_str(&format!(": {}{desc}", clean(&code)));
    }
    // The HTTP layer's fallback speaks of an API token: speak of the app.
    if err.generic.is_some() {
        err.generic = Some(match err.kind {
            Kind::Permission => "the service app lacks an admin role for this: assign one to the app (Applications › the app › Admin roles); its rights are its scopes ∩ its roles",
            _ => "Okta refused the service app's access token; `oktactl auth status` checks the credential",
        });
    }
    err
}

/// `name="value"` in a `WWW-Authenticate` header.
fn param(header: &str, name: &str) -> Option<String> {
    let mut rest = header;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || matches!(rest.as_bytes()[i - 1], b' ' | b',');
        let after = &rest[i + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|end| v[..end].to_string());
            }
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_params() {
        let h = r#"DPoP algs="ES256", error="invalid_dpop_proof", error_description="'htu' bad""#;
        assert_eq!(param(h, "error").as_deref(), Some("invalid_dpop_proof"));
        assert_eq!(param(h, "error_description").as_deref(), Some("'htu' bad"));
        assert_eq!(param("Bearer realm=x", "error"), None);
    }
}
