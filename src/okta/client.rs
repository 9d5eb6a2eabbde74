//! The one blocking Okta client: authentication, timeouts, retries, rate limits.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client as Http, RequestBuilder};
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use url::Url;

use super::answer::{error_from, header, Reply};
use super::ratelimit::{bucket_of, now_ms, Observed, RateLimits};
use crate::credentials::Credential;
use crate::error::{Error, Kind, Result};
use crate::oauth::Session;

/// Retries for 5xx and connection errors on requests that are safe to repeat.
const MAX_RETRIES: u32 = 3;
const BACKOFF: Duration = Duration::from_millis(500);
/// Waits shorter than this go unannounced.
const ANNOUNCE_WAIT: Duration = Duration::from_secs(3);

pub struct Options {
    pub origin: Url,
    pub credential: Credential,
    pub timeout: Duration,
    /// The most one request may spend waiting out 429 answers.
    pub max_rate_wait: Duration,
    pub verbose: bool,
    pub quiet: bool,
}

/// How each request proves who it is: a fixed SSWS header, or OAuth access
/// tokens (with DPoP proofs) from a session.
pub enum Auth {
    Ssws(HeaderValue),
    OAuth(Box<Session>),
}

pub struct Client {
    http: Http,
    origin: Url,
    auth: Auth,
    limits: Arc<RateLimits>,
    /// Until when a wait has been announced: workers waiting for the same
    /// window say so once between them.
    announced_until: std::sync::Mutex<Option<Instant>>,
    max_rate_wait: Duration,
    verbose: bool,
    quiet: bool,
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
                Auth::OAuth(Box::new(Session::new(app, &o.origin, o.quiet)?))
            }
        };
        Ok(Client {
            http,
            origin: o.origin,
            auth,
            limits: Arc::new(RateLimits::default()),
            announced_until: std::sync::Mutex::new(None),
            max_rate_wait: o.max_rate_wait,
            verbose: o.verbose,
            quiet: o.quiet,
        })
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
            return Err(crate::oauth::explain(error_from(&reply), &reply));
        }
    }

    /// One request with waits and retries; `make` builds each attempt afresh
    /// (new proofs and assertions). Any final answer comes back as a reply,
    /// except a redirect or a 429 that outlasts the allowed wait.
    pub(crate) fn exchange(
        &self,
        method: &Method,
        url: &Url,
        make: &dyn Fn() -> Result<RequestBuilder>,
    ) -> Result<Reply> {
        if url.origin() != self.origin.origin() {
            return Err(foreign(url));
        }
        let path = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        let what = format!("{method} {}", url.path());
        let bucket = bucket_of(method, url.path());
        let idempotent = *method != Method::POST;
        let mut retries = 0;
        let mut rate_waited = Duration::ZERO;
        let mut retry_for: Option<(String, u32)> = None;
        loop {
            self.wait_for_slot(&bucket);
            let started = Instant::now();
            let mut req = match make() {
                Ok(r) => r,
                Err(e) => {
                    self.limits.release(&bucket);
                    return Err(e);
                }
            };
            if let Some((id, n)) = &retry_for {
                req = req
                    .header("X-Okta-Retry-For", id.as_str())
                    .header("X-Okta-Retry-Count", n.to_string());
            }
            let answer = req.send().and_then(|r| {
                let status = r.status().as_u16();
                let headers = r.headers().clone();
                r.bytes().map(|b| (status, headers, b.to_vec()))
            });
            let ms = started.elapsed().as_millis();
            let (status, headers, bytes) = match answer {
                Ok(a) => a,
                Err(e) => {
                    self.limits.release(&bucket);
                    self.log(format_args!(
                        "{method} {path} failed after {ms} ms: {}",
                        transport_text(&e)
                    ));
                    // A POST that may have reached Okta is never repeated.
                    let safe = idempotent || e.is_connect();
                    if safe && retries < MAX_RETRIES {
                        std::thread::sleep(BACKOFF * 2u32.pow(retries));
                        retries += 1;
                        continue;
                    }
                    return Err(transport_error(&what, &self.origin, &e));
                }
            };
            let seen = Observed::from_headers(&headers);
            self.limits.observe(&bucket, seen, now_ms());
            let remaining = seen
                .remaining
                .map(|r| r.to_string())
                .unwrap_or_else(|| "-".into());
            self.log(format_args!(
                "{method} {path} {status} {ms} ms remaining={remaining}"
            ));
            let reply = Reply {
                status,
                headers,
                body: bytes,
                what: what.clone(),
            };
            match status {
                200..=299 => return Ok(reply),
                429 => {
                    let attempt = retry_for.as_ref().map_or(0, |r| r.1);
                    let wait = self
                        .limits
                        .wait_after_429(&bucket, seen)
                        .unwrap_or(BACKOFF * 2u32.pow(attempt.min(6)));
                    if rate_waited + wait > self.max_rate_wait {
                        let mut err = error_from(&reply);
                        err.message = format!(
                            "{what}: still rate limited by Okta (429) after waiting {} s",
                            rate_waited.as_secs()
                        );
                        return Err(err.hint("wait for the rate-limit window to pass, or raise OKTACTL_MAX_RATE_WAIT"));
                    }
                    self.announce(wait, "rate limited (429)");
                    std::thread::sleep(wait);
                    rate_waited += wait;
                    let id = reply.request_id().unwrap_or_default();
                    retry_for = Some((id, attempt + 1));
                }
                500..=599 if idempotent && retries < MAX_RETRIES => {
                    std::thread::sleep(BACKOFF * 2u32.pow(retries));
                    retries += 1;
                }
                300..=399 => {
                    let to = header(&reply.headers, "location").unwrap_or_else(|| "nowhere".into());
                    return Err(Error::network(format!(
                        "{what}: Okta answered {status}, a redirect to {to}; redirects are not followed"
                    ))
                    .hint("the token goes only to the org's own origin: check that --org is the org's API address"));
                }
                _ => return Ok(reply),
            }
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

    /// Wait while the bucket is known to be empty, then reserve a slot.
    fn wait_for_slot(&self, bucket: &str) {
        loop {
            let wait = self.limits.reserve(bucket);
            if wait.is_zero() {
                return;
            }
            self.announce(wait, "rate-limit window used up");
            std::thread::sleep(wait);
        }
    }

    fn announce(&self, wait: Duration, why: &str) {
        let until = Instant::now() + wait;
        let fresh = match self.announced_until.lock() {
            Ok(mut last) => {
                let seen = last.is_some_and(|t| until <= t + Duration::from_millis(500));
                if !seen {
                    *last = Some(until);
                }
                !seen
            }
            Err(_) => true,
        };
        if self.verbose || (fresh && !self.quiet && wait >= ANNOUNCE_WAIT) {
            eprintln!(
                "oktactl: {why}; waiting {:.1} s for Okta's window to reset",
                wait.as_secs_f64()
            );
        }
    }

    fn log(&self, line: std::fmt::Arguments<'_>) {
        if self.verbose {
            eprintln!("> {line}");
        }
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

fn transport_text(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        text = format!("{text}: {s}");
        src = s.source();
    }
    text
}

fn transport_error(what: &str, origin: &Url, e: &reqwest::Error) -> Error {
    let why = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        format!(
            "cannot connect to {}",
            origin.origin().ascii_serialization()
        )
    } else {
        "the connection failed".to_string()
    };
    Error::new(
        Kind::Network,
        format!("{what}: {why} ({})", transport_text(e)),
    )
    .hint("check the org URL, your network or proxy (HTTPS_PROXY), and --timeout")
}
