//! One request, start to finish: rate-limit slots, 429 waits with Okta's
//! retry headers, retries of what is safe to repeat, redirects refused.
//!
//! Two bounds hold for each request: its waits for rate limits (before it
//! goes, after a 429, behind a window's first request) add up to at most
//! `OKTACTL_MAX_RATE_WAIT`; its attempts and the pauses between retries add
//! up to at most twice `--timeout` (each attempt gets what is left).

use std::time::{Duration, Instant};

use reqwest::blocking::RequestBuilder;
use reqwest::Method;
use url::Url;

use super::answer::{error_from, header, Reply};
use super::client::foreign;
use super::ratelimit::{Bucket, Observed, Tally};
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
/// The least time worth starting an attempt with.
const MIN_ATTEMPT: Duration = Duration::from_millis(250);

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
        let bucket = Bucket::of(method, url.path());
        let idempotent = *method != Method::POST;
        let budget = self.timeout * 2;
        let mut t = Tally::default();
        loop {
            let probe = self.wait_for_slot(bucket, &what, &mut t)?;
            let started = Instant::now();
            let mut req = match make() {
                Ok(r) => r.timeout(self.timeout.min(budget.saturating_sub(t.spent))),
                Err(e) => {
                    self.limits.release(bucket, probe);
                    return Err(e);
                }
            };
            if let Some((id, n)) = &t.retry_for {
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
            t.spent += started.elapsed();
            let ms = started.elapsed().as_millis();
            let (status, headers, body) = match answer {
                Ok(a) => a,
                Err(e) => {
                    self.limits.release(bucket, probe);
                    self.log(format_args!(
                        "{method} {path} failed after {ms} ms: {}",
                        transport_text(&e)
                    ));
                    // A POST that may have reached Okta is never repeated.
                    let safe = idempotent || e.is_connect();
                    t.maybe_sent |= !e.is_connect();
                    // A refused connection is retried once, other failures
                    // as the budget allows. Interrupted while waiting to
                    // retry: this attempt's error stands (it may have been
                    // applied).
                    let room = !e.is_connect() || t.retries < MAX_CONNECT_RETRIES;
                    if safe && room && retry_pause(&mut t, budget) {
                        continue;
                    }
                    let mut err = transport_error(&what, &self.origin, &e);
                    err.maybe_applied |= t.maybe_sent;
                    // A refused connection stays one line; -v shows the attempts.
                    if t.retries > 0 && !e.is_connect() {
                        err.message.push_str(&format!(
                            "; gave up after {} attempts in {:.1} s (at most twice --timeout)",
                            t.retries + 1,
                            t.spent.as_secs_f64()
                        ));
                    }
                    return Err(err);
                }
            };
            let seen = Observed::from_headers(&headers);
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
            if status == 429 {
                let (wait, why) = self.wait_after_429(bucket, &seen, probe, &mut t);
                if budget.saturating_sub(t.spent) < MIN_ATTEMPT {
                    return Err(error_from(&reply));
                }
                self.rate_wait(&what, wait, &why, &mut t, Some(&reply))?;
                let id = reply.request_id().unwrap_or_default();
                let n = t.retry_for.as_ref().map_or(0, |r| r.1);
                t.retry_for = Some((id, n + 1));
                continue;
            }
            self.limits.observe(bucket, &seen, probe);
            match status {
                200..=299 => return Ok(reply),
                500..=599 if idempotent && retry_pause(&mut t, budget) => {
                    t.maybe_sent |= matches!(status, 502 | 504);
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

/// Pause before retrying a 5xx or a failed connection: `false` when the
/// retries, or the request's time (twice `--timeout`), are used up, or a
/// signal came.
fn retry_pause(t: &mut Tally, budget: Duration) -> bool {
    let pause = BACKOFF * 2u32.pow(t.retries);
    if t.retries >= MAX_RETRIES || t.spent + pause + MIN_ATTEMPT > budget {
        return false;
    }
    if interrupt::sleep(pause).is_err() {
        return false;
    }
    t.spent += pause;
    t.retries += 1;
    true
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
