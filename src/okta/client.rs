//! The one blocking Okta client: authentication, timeouts, retries, rate limits.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client as Http, RequestBuilder};
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use url::Url;

use super::answer::{error_from, header, Reply};
use super::ratelimit::RateLimits;
use super::session::{explain, Session};
use crate::credentials::Credential;
use crate::error::{Error, Result};
use crate::output::Stderr;

/// The largest answer read, unless `OKTACTL_MAX_BODY` says otherwise: far
/// more than any Okta page (200 users, 1000 log events).
pub const DEFAULT_MAX_BODY_MIB: u64 = 32;

pub struct Options {
    pub origin: Url,
    pub credential: Credential,
    pub timeout: Duration,
    /// The most one request may spend waiting for rate limits, in all.
    pub max_rate_wait: Duration,
    /// Percent of each rate-limit bucket to use (`OKTACTL_RATE_SHARE`).
    pub rate_share: u32,
    /// Where notices (rate-limit waits, `--verbose` request lines) go.
    pub err: Arc<Stderr>,
}

/// How each request proves who it is: a fixed SSWS header, or OAuth access
/// tokens (with DPoP proofs) from a session.
pub enum Auth {
    Ssws(HeaderValue),
    OAuth(Box<Session>),
}

pub struct Client {
    pub(super) http: Http,
    pub(super) origin: Url,
    pub(super) auth: Auth,
    pub(super) limits: Arc<RateLimits>,
    /// Until when a wait has been announced: workers waiting for the same
    /// window say so once between them.
    pub(super) announced_until: std::sync::Mutex<Option<Instant>>,
    pub(super) max_rate_wait: Duration,
    /// Per attempt; twice this bounds a request's attempts and retries.
    pub(super) timeout: Duration,
    pub(super) err: Arc<Stderr>,
    /// Bytes of one answer read at most.
    pub(super) max_body: u64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("origin", &self.origin.as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    pub fn new(o: Options) -> Result<Client> {
        let http = Http::builder()
            .user_agent(concat!("oktactl/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .timeout(o.timeout)
            .connect_timeout(o.timeout.min(Duration::from_secs(10)))
            .https_only(o.origin.scheme() == "https")
            .build()
            .map_err(|e| Error::network(format!("cannot set up HTTP: {e}")))?;
        let auth = match o.credential {
            Credential::ApiToken(token) => {
                let mut h = HeaderValue::from_str(&format!("SSWS {}", token.expose()))
                    .map_err(|_| Error::auth("the token holds characters a header cannot carry"))?;
                h.set_sensitive(true);
                Auth::Ssws(h)
            }
            Credential::ServiceApp(app) => {
                Auth::OAuth(Box::new(Session::new(app, &o.origin, Arc::clone(&o.err))?))
            }
        };
        Ok(Client {
            http,
            origin: o.origin,
            auth,
            limits: Arc::new(RateLimits::new(o.rate_share, o.max_rate_wait)),
            announced_until: std::sync::Mutex::new(None),
            max_rate_wait: o.max_rate_wait,
            timeout: o.timeout,
            err: o.err,
            max_body: DEFAULT_MAX_BODY_MIB << 20,
        })
    }

    /// Read at most `mib` MiB of any answer (past it, exit 7).
    pub fn with_max_body(mut self, mib: u64) -> Client {
        self.max_body = mib.saturating_mul(1 << 20);
        self
    }

    pub fn origin(&self) -> &Url {
        &self.origin
    }

    /// The OAuth session, when the credential is a service app.
    pub fn oauth(&self) -> Option<&Session> {
        match &self.auth {
            Auth::OAuth(s) => Some(s),
            Auth::Ssws(_) => None,
        }
    }

    pub(crate) fn http(&self) -> &Http {
        &self.http
    }

    /// `GET` and decode.
    pub fn get<T: DeserializeOwned>(&self, url: Url) -> Result<T> {
        self.send(Method::GET, url, None)?.json()
    }

    /// Send one request, waiting out rate limits and retrying what is safe to
    /// retry. Any non-2xx answer is an error.
    pub fn send(
        &self,
        method: Method,
        url: Url,
        body: Option<&serde_json::Value>,
    ) -> Result<Reply> {
        if url.origin() != self.origin.origin() {
            return Err(foreign(&url));
        }
        let mut nonce_retry = true;
        loop {
            let reply = self.exchange(&method, &url, &|| self.request(&method, &url, body))?;
            let Auth::OAuth(session) = &self.auth else {
                return ok_or_error(reply);
            };
            let new_nonce = session.observe_nonce(&reply.headers);
            if reply.status == 401 && new_nonce && nonce_retry && wants_nonce(&reply) {
                nonce_retry = false;
                continue;
            }
            if (200..300).contains(&reply.status) {
                return Ok(reply);
            }
            return Err(explain(error_from(&reply), &reply));
        }
    }

    fn request(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&serde_json::Value>,
    ) -> Result<RequestBuilder> {
        let req = self
            .http
            .request(method.clone(), url.clone())
            .header(ACCEPT, "application/json");
        let req = match &self.auth {
            Auth::Ssws(h) => req.header(AUTHORIZATION, h.clone()),
            Auth::OAuth(s) => s.authorize(self, req, method, url)?,
        };
        Ok(match body {
            Some(b) => req
                .header(CONTENT_TYPE, "application/json")
                .body(b.to_string()),
            // Okta answers 411 to a body-less POST or PUT without Content-Length: 0.
            None if *method == Method::POST || *method == Method::PUT => req
                .header(CONTENT_TYPE, "application/json")
                .body(Vec::<u8>::new()),
            None => req,
        })
    }
}

fn ok_or_error(reply: Reply) -> Result<Reply> {
    if (200..300).contains(&reply.status) {
        Ok(reply)
    } else {
        Err(error_from(&reply))
    }
}

/// `WWW-Authenticate: DPoP … error="use_dpop_nonce"`.
fn wants_nonce(reply: &Reply) -> bool {
    header(&reply.headers, "www-authenticate").is_some_and(|h| h.contains("use_dpop_nonce"))
}

pub(crate) fn foreign(url: &Url) -> Error {
    Error::network(format!(
        "refused to follow a link to {}: it is not the org's origin",
        url.origin().ascii_serialization()
    ))
    .hint("the token is sent only to the org; a link elsewhere is a misconfigured proxy or a bad server")
}
