//! A small HTTP/1.1 server for what mockito cannot serve: answers that take
//! their time, answers held until the test ends, and (for later tests)
//! hostile ones such as a body that never ends. Written with std only: a
//! listener on 127.0.0.1 (never anything else), a thread per connection,
//! one request per connection, every answer `Connection: close`.
//!
//! Bounded by construction: every socket read and write has a timeout, a
//! request must arrive whole within `REQUEST_DEADLINE` and within size caps,
//! pauses and endless bodies end when the server is dropped, and dropping
//! the server joins every thread it started.
//!
//! `FakeOrg` is an Okta org for `grant --from FILE --group GID`: each PUT of
//! a membership is recorded as applied when it arrives, then answered 204
//! after a delay, so a run can be interrupted while requests are in flight.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{group, okta_error, user, TOKEN};

/// A request must arrive whole within this, or the connection is closed.
const REQUEST_DEADLINE: Duration = Duration::from_secs(10);
/// Socket reads and writes wake this often to look at the stop flag.
const IO_SLICE: Duration = Duration::from_millis(50);
/// A write that makes no progress for this long fails.
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
const MAX_HEAD: usize = 64 << 10;
const MAX_BODY: usize = 8 << 20;
/// Connections open at once, at most; more are closed unanswered.
const MAX_CONNECTIONS: usize = 256;
/// An endless body stops after this many bytes whatever happens.
const MAX_ENDLESS: u64 = 1 << 30;

/// One request as received. The path and query are as sent (still
/// percent-encoded); header names are lower case.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    stop: Arc<AtomicBool>,
}

impl Request {
    /// The first header of that name (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Sleep for `wait`, or less when the server is dropped meanwhile:
    /// `false` then. Handlers delay their answers with this.
    pub fn pause(&self, wait: Duration) -> bool {
        pause(&self.stop, wait)
    }
}

fn pause(stop: &AtomicBool, wait: Duration) -> bool {
    let until = Instant::now() + wait;
    loop {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        std::thread::sleep(left.min(Duration::from_millis(10)));
    }
}

/// What is sent after the head.
#[derive(Debug, Clone)]
pub enum Body {
    /// Sent with its `Content-Length`.
    Bytes(Vec<u8>),
    /// This chunk over and over, without `Content-Length`, until the client
    /// goes away, the server is dropped, or `MAX_ENDLESS` bytes.
    Endless(Vec<u8>),
}

/// An answer: status, headers (besides `Content-Length` and `Connection`,
/// which the server writes), body.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Response {
    /// `status` with an empty body.
    pub fn empty(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
        }
    }

    /// `status` with a JSON body.
    pub fn json(status: u16, body: &Value) -> Response {
        Response::text(status, &body.to_string()).header("content-type", "application/json")
    }

    /// `status` with `body` as it is.
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            body: Body::Bytes(body.as_bytes().to_vec()),
            ..Response::empty(status)
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// The server; it stops, and its threads are joined, when it is dropped.
pub struct FakeServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl FakeServer {
    /// Listen on 127.0.0.1 (a free port) and answer every request with `handler`.
    pub fn start(handler: impl Fn(&Request) -> Response + Send + Sync + 'static) -> FakeServer {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let addr = listener.local_addr().expect("the listener's address");
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let flag = Arc::clone(&stop);
        let acceptor = std::thread::Builder::new()
            .name(format!("fake-http-{}", addr.port()))
            .spawn(move || accept(&listener, &flag, &handler))
            .expect("spawn the acceptor");
        FakeServer {
            addr,
            stop,
            acceptor: Some(acceptor),
        }
    }

    /// `http://127.0.0.1:PORT`, for OKTA_ORG_URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(acceptor) = self.acceptor.take() {
            // A panicking connection thread already failed the test's output;
            // dropping must not panic again.
            let _ = acceptor.join();
        }
    }
}

/// Accept until stopped, then join every connection thread.
fn accept(listener: &TcpListener, stop: &Arc<AtomicBool>, handler: &Arc<Handler>) {
    let mut open: Vec<JoinHandle<()>> = Vec::new();
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => {
                open.retain(|t| !t.is_finished());
                if open.len() >= MAX_CONNECTIONS {
                    continue;
                }
                let stop = Arc::clone(stop);
                let handler = Arc::clone(handler);
                let spawned = std::thread::Builder::new()
                    .name("fake-http-conn".into())
                    .spawn(move || serve(stream, &stop, handler.as_ref()));
                if let Ok(t) = spawned {
                    open.push(t);
                }
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    for t in open {
        let _ = t.join();
    }
}

/// One connection: read one request, answer it, close.
fn serve(mut stream: TcpStream, stop: &Arc<AtomicBool>, handler: &Handler) {
    let ready = stream
        .set_nonblocking(false)
        .and_then(|()| stream.set_read_timeout(Some(IO_SLICE)))
        .and_then(|()| stream.set_write_timeout(Some(IO_SLICE)))
        .and_then(|()| stream.set_nodelay(true));
    if ready.is_err() {
        return;
    }
    let response = match read_request(&mut stream, stop) {
        Ok(Some(request)) => handler(&request),
        Ok(None) => return,
        Err(why) => Response::text(400, why),
    };
    let _ = write_response(&mut stream, stop, &response);
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
}

/// Read into `buf` until `done(buf)`; `None` when the peer closed, the
/// server stopped or the deadline passed first.
fn read_until(
    stream: &mut TcpStream,
    stop: &AtomicBool,
    deadline: Instant,
    buf: &mut Vec<u8>,
    done: &dyn Fn(&[u8]) -> bool,
) -> Option<()> {
    let mut chunk = [0u8; 8192];
    while !done(buf) {
        if stop.load(Ordering::SeqCst) || Instant::now() >= deadline {
            return None;
        }
        match stream.read(&mut chunk) {
            Ok(0) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(())
}

fn head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

/// The request on `stream`: `Ok(None)` when none came whole, `Err` (a 400's
/// body) when it is not one this server reads.
fn read_request(
    stream: &mut TcpStream,
    stop: &Arc<AtomicBool>,
) -> Result<Option<Request>, &'static str> {
    let deadline = Instant::now() + REQUEST_DEADLINE;
    let mut buf = Vec::new();
    let head_seen = |b: &[u8]| head_end(b).is_some() || b.len() > MAX_HEAD;
    if read_until(stream, stop, deadline, &mut buf, &head_seen).is_none() {
        return Ok(None);
    }
    let end = head_end(&buf).ok_or("request head too large")?;
    let mut body = buf.split_off(end + 4);
    let head = std::str::from_utf8(&buf[..end]).map_err(|_| "request head not UTF-8")?;
    let mut lines = head.split("\r\n");
    let mut parts = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("bad request line");
    };
    if !version.starts_with("HTTP/1.") {
        return Err("not HTTP/1.x");
    }
    let mut headers = Vec::new();
    for line in lines {
        let (k, v) = line.split_once(':').ok_or("bad header line")?;
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
    }
    let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    if header("transfer-encoding").is_some() {
        return Err("chunked request bodies are not read here");
    }
    let length = match header("content-length") {
        Some(v) => v.parse::<usize>().map_err(|_| "bad content-length")?,
        None => 0,
    };
    if length > MAX_BODY {
        return Err("request body too large");
    }
    let body_seen = |b: &[u8]| b.len() >= length;
    if read_until(stream, stop, deadline, &mut body, &body_seen).is_none() {
        return Ok(None);
    }
    body.truncate(length);
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (target.to_string(), None),
    };
    Ok(Some(Request {
        method: method.to_string(),
        path,
        query,
        headers,
        body,
        stop: Arc::clone(stop),
    }))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

fn write_response(stream: &mut TcpStream, stop: &AtomicBool, r: &Response) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        r.status,
        reason(r.status)
    );
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    // No Content-Length on 1xx, 204 and 304 (RFC 9110 8.6).
    let bodiless = r.status < 200 || r.status == 204 || r.status == 304;
    if let (Body::Bytes(b), false) = (&r.body, bodiless) {
        head.push_str(&format!("Content-Length: {}\r\n", b.len()));
    }
    head.push_str("\r\n");
    write_all(stream, stop, head.as_bytes())?;
    match &r.body {
        Body::Bytes(_) if bodiless => Ok(()),
        Body::Bytes(b) => write_all(stream, stop, b),
        Body::Endless(chunk) if chunk.is_empty() => Ok(()),
        Body::Endless(chunk) => {
            let mut sent = 0u64;
            while sent < MAX_ENDLESS {
                write_all(stream, stop, chunk)?;
                sent += chunk.len() as u64;
            }
            Ok(())
        }
    }
}

/// Write all of `bytes`, in slices that look at the stop flag: fails when
/// the server stops, or no byte goes out for `WRITE_TIMEOUT`.
fn write_all(stream: &mut TcpStream, stop: &AtomicBool, mut bytes: &[u8]) -> std::io::Result<()> {
    let mut progress = Instant::now();
    while !bytes.is_empty() {
        if stop.load(Ordering::SeqCst) {
            return Err(ErrorKind::ConnectionAborted.into());
        }
        match stream.write(bytes) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => {
                bytes = &bytes[n..];
                progress = Instant::now();
            }
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                if progress.elapsed() >= WRITE_TIMEOUT {
                    return Err(e);
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The id of the user `u{n}`: `00u` and `n` in 17 digits.
pub fn user_id(n: u64) -> String {
    format!("00u{n:017}")
}

/// A membership PUT the org received.
#[derive(Debug, Clone)]
pub struct Put {
    pub group: String,
    pub user_id: String,
    /// When it arrived (and was applied).
    pub at: Instant,
    /// Its 204 was released (not held, or held until the org was dropped).
    pub answered: bool,
}

struct OrgState {
    delay: Duration,
    /// PUTs from this one on (1-based) are held until the org is dropped.
    hang_from: Option<usize>,
    puts: Mutex<Vec<Put>>,
    /// Requests the org has no answer for, as `METHOD path?query`.
    unexpected: Mutex<Vec<String>>,
}

/// Held PUTs are released after this even if the org is not dropped.
const HANG: Duration = Duration::from_secs(60);

/// An org for `grant --from FILE --group GID` (any `00g…` group): the group
/// (an OKTA_GROUP), its apps (none), its members (none), users `u{n}` (id
/// `user_id(n)`, login `u{n}@acme.com`, ACTIVE; a search finds none), and membership PUTs,
/// applied on arrival and answered 204 after `delay`. Anything else, or a
/// request without the test token, is answered 404/401 and kept in
/// `unexpected()`.
pub struct FakeOrg {
    state: Arc<OrgState>,
    server: FakeServer,
}

impl FakeOrg {
    /// Every PUT answered after `delay`.
    pub fn new(delay: Duration) -> FakeOrg {
        FakeOrg::with(delay, None)
    }

    /// PUTs answered after `delay`, except the `n`-th (1-based) and every
    /// later one: those are applied but held until the org is dropped.
    pub fn hanging_from(delay: Duration, n: usize) -> FakeOrg {
        FakeOrg::with(delay, Some(n))
    }

    fn with(delay: Duration, hang_from: Option<usize>) -> FakeOrg {
        let state = Arc::new(OrgState {
            delay,
            hang_from,
            puts: Mutex::new(Vec::new()),
            unexpected: Mutex::new(Vec::new()),
        });
        let shared = Arc::clone(&state);
        let server = FakeServer::start(move |req| answer(&shared, req));
        FakeOrg { state, server }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    /// The membership PUTs received so far, in order of arrival.
    pub fn puts(&self) -> Vec<Put> {
        self.state.puts.lock().unwrap().clone()
    }

    /// How many membership PUTs were applied so far.
    pub fn applied(&self) -> usize {
        self.state.puts.lock().unwrap().len()
    }

    pub fn unexpected(&self) -> Vec<String> {
        self.state.unexpected.lock().unwrap().clone()
    }
}

fn answer(org: &OrgState, req: &Request) -> Response {
    let seen = || match &req.query {
        Some(q) => format!("{} {}?{q}", req.method, req.path),
        None => format!("{} {}", req.method, req.path),
    };
    if req.header("authorization") != Some(format!("SSWS {TOKEN}").as_str()) {
        org.unexpected
            .lock()
            .unwrap()
            .push(format!("{} (no token)", seen()));
        return Response::text(401, &okta_error("E0000011", "Invalid token provided"));
    }
    let parts: Vec<&str> = req.path.split('/').collect();
    let is_group = |g: &str| g.starts_with("00g") && g.len() == 20;
    match (req.method.as_str(), parts.as_slice()) {
        ("GET", ["", "api", "v1", "groups", g]) if is_group(g) => {
            Response::json(200, &group(g, &format!("Group {g}"), "OKTA_GROUP"))
        }
        ("GET", ["", "api", "v1", "groups", g, "apps" | "users"]) if is_group(g) => {
            Response::json(200, &json!([]))
        }
        // A bulk run's batched search: the `u{n}` are no logins, so none is found.
        ("GET", ["", "api", "v1", "users"])
            if req
                .query
                .as_deref()
                .is_some_and(|q| q.starts_with("search=")) =>
        {
            Response::json(200, &json!([]))
        }
        ("GET", ["", "api", "v1", "users", login]) => {
            match login.strip_prefix('u').and_then(|n| n.parse::<u64>().ok()) {
                Some(n) => {
                    Response::json(200, &user(&user_id(n), &format!("u{n}@acme.com"), "ACTIVE"))
                }
                None => {
                    org.unexpected.lock().unwrap().push(seen());
                    Response::text(
                        404,
                        &okta_error("E0000007", "Not found: Resource not found"),
                    )
                }
            }
        }
        ("PUT", ["", "api", "v1", "groups", g, "users", u]) if is_group(g) => {
            let n = {
                let mut puts = org.puts.lock().unwrap();
                puts.push(Put {
                    group: g.to_string(),
                    user_id: u.to_string(),
                    at: Instant::now(),
                    answered: false,
                });
                puts.len()
            };
            let hold = org.hang_from.is_some_and(|from| n >= from);
            let released = req.pause(if hold { HANG } else { org.delay });
            if released {
                if let Some(p) = org.puts.lock().unwrap().get_mut(n - 1) {
                    p.answered = true;
                }
            }
            Response::empty(204).header("x-okta-request-id", &format!("req-{n}"))
        }
        _ => {
            org.unexpected.lock().unwrap().push(seen());
            Response::text(
                404,
                &okta_error("E0000007", "Not found: Resource not found"),
            )
        }
    }
}

#[test]
fn fake_server_answers_and_stops_when_dropped() {
    let server = FakeServer::start(|req| {
        if req.path == "/endless" {
            return Response {
                status: 200,
                headers: Vec::new(),
                body: Body::Endless(vec![b'x'; 4096]),
            };
        }
        Response::text(
            200,
            &format!(
                "{} {} {:?} {}",
                req.method,
                req.path,
                req.query,
                req.body.len()
            ),
        )
        .header("x-seen", req.header("x-test").unwrap_or("-"))
    });
    let ask = |text: &str| {
        let mut s = TcpStream::connect(server.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(text.as_bytes()).unwrap();
        s
    };
    let mut s =
        ask("POST /a/b?x=1 HTTP/1.1\r\nHost: x\r\nX-Test: yes\r\nContent-Length: 3\r\n\r\nabc");
    let mut got = String::new();
    s.read_to_string(&mut got).unwrap();
    assert!(got.starts_with("HTTP/1.1 200 OK\r\n"), "{got}");
    assert!(got.contains("Connection: close\r\n"), "{got}");
    assert!(got.contains("x-seen: yes\r\n"), "{got}");
    assert!(got.ends_with("\r\n\r\nPOST /a/b Some(\"x=1\") 3"), "{got}");
    let mut bad = String::new();
    ask("nonsense\r\n\r\n").read_to_string(&mut bad).unwrap();
    assert!(bad.starts_with("HTTP/1.1 400 "), "{bad}");
    // An endless body flows until the server is dropped, which then returns.
    let mut s = ask("GET /endless HTTP/1.1\r\n\r\n");
    let mut first = [0u8; 65536];
    s.read_exact(&mut first).unwrap();
    let started = Instant::now();
    drop(server);
    assert!(started.elapsed() < Duration::from_secs(10));
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
}
