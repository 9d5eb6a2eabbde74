//! One request, start to finish: rate-limit slots, 429 waits with Okta's
//! retry headers, retries of what is safe to repeat, redirects refused.

use std::time::{Duration, Instant};

use reqwest::blocking::RequestBuilder;
use reqwest::Method;
use url::Url;

use super::answer::{error_from, header, Reply};
use super::client::foreign;
use super::ratelimit::{bucket_of, now_ms, Observed};
use super::Client;
use crate::error::{Error, Kind, Result};
use crate::interrupt;

/// Retries for 5xx and transport errors on requests that are safe to repeat.
const MAX_RETRIES: u32 = 3;
/// Retries when no connection could be made at all: one, since a refused
/// or unresolvable host rarely comes back within seconds, and a person is
/// waiting for the one line that says so.
const MAX_CONNECT_RETRIES: u32 = 1;
const BACKOFF: Duration = Duration::from_millis(500);
/// Waits shorter than this go unannounced.
const ANNOUNCE_WAIT: Duration = Duration::from_secs(3);

impl Client {
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
        // An earlier attempt may have reached Okta (its answer was lost).
        let mut maybe_sent = false;
        loop {
            self.wait_for_slot(&bucket)?;
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
                read_body(r, self.max_body, started + self.timeout, &what)
                    .map(|b| (status, headers, b))
            });
            let ms = started.elapsed().as_millis();
            let (status, headers, body) = match answer {
                Ok(a) => a,
                Err(e) => {
                    self.limits.release(&bucket);
                    self.log(format_args!(
                        "{method} {path} failed after {ms} ms: {}",
                        transport_text(&e)
                    ));
                    // A POST that may have reached Okta is never repeated.
                    let safe = idempotent || e.is_connect();
                    maybe_sent |= !e.is_connect();
                    let most = if e.is_connect() {
                        MAX_CONNECT_RETRIES
                    } else {
                        MAX_RETRIES
                    };
                    // Interrupted while waiting to retry: this attempt's
                    // error stands (it may have been applied).
                    if safe
                        && retries < most
                        && interrupt::sleep(BACKOFF * 2u32.pow(retries)).is_ok()
                    {
                        retries += 1;
                        continue;
                    }
                    let mut err = transport_error(&what, &self.origin, &e);
                    err.maybe_applied |= maybe_sent;
                    return Err(err);
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
            // Too large or too slow: never retried; a change may have been made.
            let bytes = body.map_err(|mut e| {
                e.maybe_applied = *method != Method::GET;
                e
            })?;
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
                    interrupt::sleep(wait).map_err(|mut e| {
                        e.maybe_applied = maybe_sent;
                        e
                    })?;
                    rate_waited += wait;
                    let id = reply.request_id().unwrap_or_default();
                    retry_for = Some((id, attempt + 1));
                }
                500..=599
                    if idempotent
                        && retries < MAX_RETRIES
                        && interrupt::sleep(BACKOFF * 2u32.pow(retries)).is_ok() =>
                {
                    maybe_sent |= matches!(status, 502 | 504);
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

    /// Wait while the bucket is known to be empty, then reserve a slot.
    fn wait_for_slot(&self, bucket: &str) -> Result<()> {
        loop {
            let wait = self.limits.reserve(bucket);
            if wait.is_zero() {
                return Ok(());
            }
            self.announce(wait, "rate-limit window used up");
            interrupt::sleep(wait)?;
        }
    }

    fn announce(&self, wait: Duration, why: &str) {
        // The progress bar's ETA counts the wait.
        self.err.waiting(wait);
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
        if self.err.verbose() || (fresh && wait >= ANNOUNCE_WAIT) {
            self.err.status(&format!(
                "{why}; waiting {:.1} s for Okta's window to reset",
                wait.as_secs_f64()
            ));
        }
    }

    fn log(&self, line: std::fmt::Arguments<'_>) {
        if self.err.verbose() {
            self.err.trace(&line.to_string());
        }
    }
}

/// The body, read a slice at a time: at most `cap` bytes (past it, exit 7
/// without reading further), and whole by `deadline` (each read has its own
/// timeout, so a trickle would outlast it). A read that fails is a
/// transport error (retried where safe); the cap and the deadline are ours.
fn read_body(
    mut r: reqwest::blocking::Response,
    cap: u64,
    deadline: Instant,
    what: &str,
) -> reqwest::Result<Result<Vec<u8>>> {
    use std::io::Read;
    let too_large = || {
        Error::network(format!(
            "{what}: the answer from Okta is too large (over {} MiB)",
            cap >> 20
        ))
        .hint("raise OKTACTL_MAX_BODY (in MiB) if the answer is genuine")
    };
    let declared = r.content_length().unwrap_or(0);
    if declared > cap {
        return Ok(Err(too_large()));
    }
    // Grown as it arrives, from the declared length (itself under the cap).
    let mut body = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => return Ok(Ok(body)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return match e.into_inner().map(|b| b.downcast::<reqwest::Error>()) {
                    Some(Ok(e)) => Err(*e),
                    Some(Err(other)) => Ok(Err(Error::network(format!(
                        "{what}: the connection failed while reading Okta's answer ({other})"
                    )))),
                    None => Ok(Err(Error::network(format!(
                        "{what}: the connection failed while reading Okta's answer"
                    )))),
                };
            }
        };
        if body.len() as u64 + n as u64 > cap {
            return Ok(Err(too_large()));
        }
        body.extend_from_slice(&buf[..n]);
        if Instant::now() > deadline {
            return Ok(Err(Error::network(format!(
                "{what}: timed out reading Okta's answer ({} KiB arrived)",
                body.len() >> 10
            ))
            .hint("check your network or proxy (HTTPS_PROXY), and --timeout")));
        }
    }
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

/// A connection that failed after the request may have gone out leaves the
/// change's fate unknown (`maybe_applied`). No connection at all is one
/// line, `cannot connect to https://acme.okta.com: connection refused`;
/// reqwest's whole chain of causes is in the `--verbose` line above it.
fn transport_error(what: &str, origin: &Url, e: &reqwest::Error) -> Error {
    let org = origin.origin().ascii_serialization();
    if e.is_connect() {
        let mut err = Error::new(
            Kind::Network,
            format!("cannot connect to {org}: {}", connect_reason(e)),
        );
        err.maybe_applied = false;
        return err;
    }
    let why = if e.is_timeout() {
        "timed out".to_string()
    } else {
        "the connection failed".to_string()
    };
    let mut err = Error::new(
        Kind::Network,
        format!("{what}: {why} ({})", transport_text(e)),
    )
    .hint("check the org URL, your network or proxy (HTTPS_PROXY), and --timeout");
    err.maybe_applied = true;
    err
}

/// Why no connection was made, in a few words: the kind of the I/O error
/// under reqwest's chain (`connection refused`), a name that does not
/// resolve, a TLS failure, else the innermost cause.
fn connect_reason(e: &reqwest::Error) -> String {
    use std::io::ErrorKind as K;
    let mut innermost = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            let said = match io.kind() {
                K::ConnectionRefused => Some("connection refused"),
                K::ConnectionReset => Some("connection reset"),
                K::ConnectionAborted => Some("connection aborted"),
                K::TimedOut => Some("timed out"),
                K::NetworkUnreachable => Some("network unreachable"),
                K::HostUnreachable => Some("host unreachable"),
                K::AddrNotAvailable => Some("address not available"),
                K::PermissionDenied => Some("permission denied"),
                _ => None,
            };
            if let Some(said) = said {
                return said.to_string();
            }
        }
        let text = s.to_string();
        if text.starts_with("dns error") {
            return "the host name does not resolve".to_string();
        }
        if text.contains("certificate") || text.to_ascii_lowercase().contains("tls") {
            return format!("TLS failed ({})", last_cause(s));
        }
        innermost = text;
        src = s.source();
    }
    if e.is_timeout() {
        return "timed out".to_string();
    }
    innermost
}

/// The innermost cause of an error.
fn last_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e;
    while let Some(s) = last.source() {
        last = s;
    }
    last.to_string()
}
