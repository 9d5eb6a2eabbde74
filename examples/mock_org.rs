//! A small mock Okta org for benchmarks: `cargo run --release --example mock_org -- --users 20000`.
//!
//! Serves a deterministic directory (users, 10 groups, 2 password policies) over plain
//! HTTP/1.1 with keep-alive on 127.0.0.1, with Okta-style paging (`Link` headers),
//! rate-limit headers, optional 429s and optional per-response latency.
//! `GET /__stats` and `POST /__reset` expose and reset request counters.
//! Rate limits follow Okta's buckets with unaligned windows (`mock_org/rates.rs`).
//! `--log-events N --lockouts L` sets the System Log it serves (see `syslog.rs`).
//! Factor verification (push with number matching, SMS code 123456) is in
//! `verify.rs`; `--push-polls N` sets how many polls a push stays WAITING.

#[path = "mock_org/rates.rs"]
mod rates;
#[path = "mock_org/syslog.rs"]
mod syslog;
#[path = "mock_org/verify.rs"]
mod verify;

use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const GROUPS: usize = 10;
const ADMIN_ID: &str = "00uadmin000000000000";
const EVERYONE_ID: &str = "00geveryone000000000";
const TYPE_ID: &str = "otydefault0000000000";
const MAX_LINE: u64 = 16 * 1024;
const MAX_HEADERS: usize = 100;
const MAX_BODY: usize = 1024 * 1024;
const MAX_CONNECTIONS: usize = 512;
const FIRST: [&str; 20] = [
    "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara",
    "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
];
const LAST: [&str; 23] = [
    "Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen",
    "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka",
    "Ueda", "Varga", "Weber",
];
const TITLES: [&str; 7] = [
    "Engineer",
    "Senior Engineer",
    "Account Executive",
    "Analyst",
    "Support Specialist",
    "Designer",
    "Manager",
];
const DEPTS: [&str; 5] = ["Engineering", "Sales", "Finance", "Support", "Marketing"];

struct Config {
    port: u16,
    users: usize,
    latency: Duration,
    bucket: Option<u64>,
    window_secs: u64,
    share: u64,
    concurrency: Option<usize>,
    log_events: usize,
    lockouts: usize,
    push_polls: u64,
}

#[derive(Default)]
struct Stats {
    requests: u64,
    rate_limited: u64,
    by_path: BTreeMap<&'static str, u64>,
}

#[derive(Default)]
struct Membership {
    added: HashSet<(usize, usize)>,
    removed: HashSet<(usize, usize)>,
}

impl Membership {
    fn is_member(&self, group: usize, user: usize) -> bool {
        (user % GROUPS == group && !self.removed.contains(&(group, user)))
            || self.added.contains(&(group, user))
    }
}

/// MFA changes made through the mock: users whose factors were all reset,
/// and factor or enrolment ids removed one by one.
#[derive(Default)]
struct Mfa {
    reset: HashSet<usize>,
    gone: HashSet<String>,
}

/// Containment through the mock: statuses changed by suspend, unsuspend
/// and expire_password, and each user's Temporary Access Code enrolment.
#[derive(Default)]
struct Containment {
    status: HashMap<usize, &'static str>,
    /// A user issued a code (`None` once it is revoked): their enrolments
    /// can be listed from then on.
    tac: HashMap<usize, Option<String>>,
    tac_seq: u64,
}

struct State {
    cfg: Config,
    base: String,
    users: Vec<String>,
    statuses: Vec<&'static str>,
    admin: String,
    stats: Mutex<Stats>,
    rates: rates::Rates,
    members: Mutex<Membership>,
    mfa: Mutex<Mfa>,
    contain: Mutex<Containment>,
    pushes: verify::Shared,
    request_seq: AtomicU64,
    seed: u64,
    active: AtomicUsize,
    log: syslog::Log,
}

struct Request {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    close: bool,
    body: Vec<u8>,
}

struct Response {
    status: u16,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Response {
    fn json(status: u16, body: String) -> Self {
        Response {
            status,
            body,
            headers: Vec::new(),
        }
    }
    fn empty(status: u16) -> Self {
        Response::json(status, String::new())
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

// ---------- time helpers (civil-date algorithms, proleptic Gregorian, UTC) ----------

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn rfc3339(secs: i64) -> String {
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn http_date(secs: i64) -> String {
    const WD: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs.div_euclid(86_400);
    let (y, mo, d) = civil_from_days(days);
    let s = secs.rem_euclid(86_400);
    let wd = WD
        .get(days.rem_euclid(7) as usize)
        .copied()
        .unwrap_or("Thu");
    let mon = MON.get((mo - 1) as usize).copied().unwrap_or("Jan");
    format!(
        "{wd}, {d:02} {mon} {y} {:02}:{:02}:{:02} GMT",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

// ---------- directory data ----------

fn base_epoch() -> i64 {
    days_from_civil(2026, 11, 28) * 86_400
}

fn user_id(i: usize) -> String {
    format!("00u{i:017}")
}

fn group_id(k: usize) -> String {
    format!("00g{k:017}")
}

fn parse_index(id: &str, prefix: &str, n: usize) -> Option<usize> {
    let rest = id.strip_prefix(prefix)?;
    if rest.len() != 17 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse::<usize>().ok().filter(|&i| i < n)
}

fn status_of(i: usize) -> &'static str {
    if i.is_multiple_of(50) {
        "LOCKED_OUT"
    } else if i.is_multiple_of(97) {
        "PASSWORD_EXPIRED"
    } else {
        "ACTIVE"
    }
}

struct Person<'a> {
    id: &'a str,
    login: &'a str,
    first: &'a str,
    last: &'a str,
    status: &'a str,
    title: &'a str,
    department: &'a str,
    manager: Option<(String, String)>,
    employee_number: String,
    created: i64,
    last_login: Option<i64>,
    password_changed: i64,
    provider: (&'a str, &'a str),
}

fn user_value(base: &str, p: &Person) -> Value {
    let href = format!("{base}/api/v1/users/{}", p.id);
    let activated = p.created + 60;
    let status_changed = if p.status == "ACTIVE" {
        activated
    } else {
        p.password_changed + 3600
    };
    let last_login = p.last_login.map(rfc3339);
    let last_updated = p.password_changed.max(status_changed).max(activated);
    let (manager, manager_id) = match &p.manager {
        Some((name, id)) => (json!(name), json!(id)),
        None => (Value::Null, Value::Null),
    };
    let mut links = json!({
        "self": {"href": href},
        "type": {"href": format!("{base}/api/v1/meta/types/user/{TYPE_ID}")},
        "resetPassword": {"href": format!("{href}/lifecycle/reset_password"), "method": "POST"},
        "expirePassword": {"href": format!("{href}/lifecycle/expire_password"), "method": "POST"},
        "changePassword": {"href": format!("{href}/credentials/change_password"), "method": "POST"}
    });
    if p.status == "LOCKED_OUT" {
        if let Some(obj) = links.as_object_mut() {
            obj.insert(
                "unlock".into(),
                json!({"href": format!("{href}/lifecycle/unlock"), "method": "POST"}),
            );
        }
    }
    json!({
        "id": p.id,
        "status": p.status,
        "created": rfc3339(p.created),
        "activated": rfc3339(activated),
        "statusChanged": rfc3339(status_changed),
        "lastLogin": last_login,
        "lastUpdated": rfc3339(last_updated),
        "passwordChanged": rfc3339(p.password_changed),
        "type": {"id": TYPE_ID},
        "profile": {
            "firstName": p.first,
            "lastName": p.last,
            "mobilePhone": null,
            "secondEmail": null,
            "login": p.login,
            "email": p.login,
            "title": p.title,
            "department": p.department,
            "manager": manager,
            "managerId": manager_id,
            "employeeNumber": p.employee_number
        },
        "credentials": {
            "password": {},
            "provider": {"type": p.provider.0, "name": p.provider.1}
        },
        "_links": links
    })
}

fn regular_user(base: &str, i: usize) -> Value {
    let be = base_epoch();
    let ii = i as i64;
    let first = FIRST[i % FIRST.len()];
    let last = LAST[i % LAST.len()];
    let boss = (i / 25) * 25;
    let manager = (boss != i).then(|| {
        (
            format!("{} {}", FIRST[boss % FIRST.len()], LAST[boss % LAST.len()]),
            user_id(boss),
        )
    });
    let login = format!("user{i}@example.com");
    let id = user_id(i);
    let provider = if i.is_multiple_of(40) {
        ("ACTIVE_DIRECTORY", "example.local")
    } else {
        ("OKTA", "OKTA")
    };
    let p = Person {
        id: &id,
        login: &login,
        first,
        last,
        status: status_of(i),
        title: TITLES[i % TITLES.len()],
        department: DEPTS[i % DEPTS.len()],
        manager,
        employee_number: format!("E{:06}", 100_000 + i),
        created: be - (400 + ii % 700) * 86_400 - (ii * 7919) % 86_400,
        // Every 13th user never logged in (Okta sends null).
        last_login: (!i.is_multiple_of(13))
            .then(|| be - (ii % 30) * 86_400 - (ii * 104_729) % 86_400),
        password_changed: be - (ii % 120) * 86_400 - (ii * 37) % 86_400,
        provider,
    };
    user_value(base, &p)
}

fn admin_user(base: &str) -> Value {
    let be = base_epoch();
    user_value(
        base,
        &Person {
            id: ADMIN_ID,
            login: "admin@example.com",
            first: "Help",
            last: "Desk",
            status: "ACTIVE",
            title: "Help Desk Administrator",
            department: "IT",
            manager: None,
            employee_number: "E000001".into(),
            created: be - 900 * 86_400,
            last_login: Some(be - 3600),
            password_changed: be - 10 * 86_400,
            provider: ("OKTA", "OKTA"),
        },
    )
}

fn group_value(base: &str, id: &str, name: &str, gtype: &str, desc: &str) -> Value {
    let t = rfc3339(base_epoch() - 1000 * 86_400);
    let href = format!("{base}/api/v1/groups/{id}");
    json!({
        "id": id,
        "created": t,
        "lastUpdated": t,
        "lastMembershipUpdated": rfc3339(base_epoch() - 86_400),
        "objectClass": ["okta:user_group"],
        "type": gtype,
        "profile": {"name": name, "description": desc},
        "_links": {
            "logo": [{"name": "medium", "href": "https://op1static.oktacdn.com/assets/img/logos/groups/okta-medium.png", "type": "image/png"}],
            "users": {"href": format!("{href}/users")},
            "apps": {"href": format!("{href}/apps")}
        }
    })
}

fn group_by_index(base: &str, k: usize) -> Value {
    let desc = format!("Mock group {k}");
    group_value(
        base,
        &group_id(k),
        &format!("Group {k}"),
        "OKTA_GROUP",
        &desc,
    )
}

fn everyone_group(base: &str) -> Value {
    group_value(
        base,
        EVERYONE_ID,
        "Everyone",
        "BUILT_IN",
        "All users in your organization",
    )
}

fn password_policy(base: &str, n: usize) -> Option<Value> {
    let (id, name, prio, system, group, max_age, warn) = match n {
        1 => (
            "00ppasswordpolicy001",
            "Contractors",
            1,
            false,
            group_id(1),
            30,
            5,
        ),
        2 => (
            "00ppasswordpolicy002",
            "Default Policy",
            2,
            true,
            EVERYONE_ID.to_string(),
            90,
            14,
        ),
        _ => return None,
    };
    let t = rfc3339(base_epoch() - 800 * 86_400);
    Some(json!({
        "id": id, "status": "ACTIVE", "name": name,
        "description": format!("{name} password policy"),
        "priority": prio, "system": system,
        "conditions": {
            "people": {"groups": {"include": [group]}},
            "authProvider": {"provider": "OKTA"}
        },
        "created": t, "lastUpdated": t,
        "settings": {
            "password": {
                "complexity": {"minLength": 12, "minLowerCase": 1, "minUpperCase": 1, "minNumber": 1,
                    "minSymbol": 0, "excludeUsername": true, "dictionary": {"common": {"exclude": true}},
                    "excludeAttributes": []},
                "age": {"maxAgeDays": max_age, "expireWarnDays": warn, "minAgeMinutes": 0, "historyCount": 4},
                "lockout": {"maxAttempts": 10, "autoUnlockMinutes": 0,
                    "userLockoutNotificationChannels": [], "showLockoutFailures": false}
            },
            "recovery": {"factors": {"recovery_question": {"status": "ACTIVE",
                "properties": {"complexity": {"minLength": 4}}}}},
            "delegation": {"options": {"skipUnlock": false}}
        },
        "type": "PASSWORD",
        "_links": {
            "self": {"href": format!("{base}/api/v1/policies/{id}"), "hints": {"allow": ["GET", "PUT", "DELETE"]}},
            "rules": {"href": format!("{base}/api/v1/policies/{id}/rules"), "hints": {"allow": ["GET", "POST"]}}
        }
    }))
}

fn policy_rule(base: &str, n: usize) -> Value {
    let pid = format!("00ppasswordpolicy00{n}");
    let rid = format!("0prpasswordrule0000{n}");
    let t = rfc3339(base_epoch() - 800 * 86_400);
    json!([{
        "id": rid, "status": "ACTIVE", "name": "Default Rule", "priority": 1,
        "created": t, "lastUpdated": t, "system": n == 2, "type": "PASSWORD",
        "conditions": {"people": {"users": {"exclude": []}}, "network": {"connection": "ANYWHERE"}},
        "actions": {
            "passwordChange": {"access": "ALLOW"},
            "selfServicePasswordReset": {"access": "ALLOW"},
            "selfServiceUnlock": {"access": "DENY"}
        },
        "_links": {"self": {"href": format!("{base}/api/v1/policies/{pid}/rules/{rid}")}}
    }])
}

// ---------- HTTP plumbing ----------

fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' if plus_is_space => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

enum Incoming {
    Req(Request),
    Eof,
    Bad(u16, &'static str),
}

fn read_line(r: &mut BufReader<TcpStream>, buf: &mut Vec<u8>) -> io::Result<Option<String>> {
    buf.clear();
    let n = r.by_ref().take(MAX_LINE).read_until(b'\n', buf)?;
    if n == 0 || buf.last() != Some(&b'\n') {
        return Ok(None);
    }
    Ok(String::from_utf8(std::mem::take(buf))
        .ok()
        .map(|s| s.trim_end().to_string()))
}

fn read_request(r: &mut BufReader<TcpStream>) -> io::Result<Incoming> {
    let mut buf = Vec::new();
    let line = match read_line(r, &mut buf)? {
        Some(l) => l,
        None if buf.is_empty() => return Ok(Incoming::Eof),
        None => return Ok(Incoming::Bad(400, "malformed request line")),
    };
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Ok(Incoming::Bad(400, "malformed request line"));
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Ok(Incoming::Bad(400, "unsupported request target or version"));
    }
    let mut close = version == "HTTP/1.0";
    let mut content_length: Option<usize> = None;
    let mut headers = 0;
    loop {
        let Some(h) = read_line(r, &mut buf)? else {
            return Ok(Incoming::Bad(400, "malformed header"));
        };
        if h.is_empty() {
            break;
        }
        headers += 1;
        let Some((name, value)) = h.split_once(':') else {
            return Ok(Incoming::Bad(400, "malformed header"));
        };
        if headers > MAX_HEADERS {
            return Ok(Incoming::Bad(431, "too many headers"));
        }
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
        match name.as_str() {
            "content-length" => match value.parse::<usize>() {
                Ok(v) if v <= MAX_BODY => content_length = Some(v),
                Ok(_) => return Ok(Incoming::Bad(413, "request body too large")),
                Err(_) => return Ok(Incoming::Bad(400, "invalid Content-Length")),
            },
            "transfer-encoding" => {
                return Ok(Incoming::Bad(411, "chunked bodies are not supported"))
            }
            "connection" => {
                let v = value.to_ascii_lowercase();
                if v.contains("close") {
                    close = true;
                } else if v.contains("keep-alive") {
                    close = false;
                }
            }
            _ => {}
        }
    }
    let mut body = Vec::new();
    if let Some(len) = content_length {
        body = vec![0u8; len];
        r.read_exact(&mut body)?;
    }
    let method = method.to_string();
    if (method == "PUT" || method == "POST")
        && content_length.is_none()
        && !target.starts_with("/__")
    {
        return Ok(Incoming::Bad(411, "Length Required"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Incoming::Req(Request {
        method,
        path: path.to_string(),
        query: parse_query(query),
        close,
        body,
    }))
}

fn okta_error(state: &State, status: u16, code: &str, summary: &str) -> Response {
    let n = state.request_seq.fetch_add(1, Ordering::Relaxed);
    let body = json!({
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": format!("oae{:011x}{:08x}", state.seed & 0xfff_ffff_ffff, n),
        "errorCauses": []
    });
    Response::json(status, body.to_string())
}

fn not_found(state: &State, what: &str, kind: &str) -> Response {
    okta_error(
        state,
        404,
        "E0000007",
        &format!("Not found: Resource not found: {what} ({kind})"),
    )
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        _ => "Unknown",
    }
}

fn write_response(
    stream: &mut TcpStream,
    state: &State,
    resp: &Response,
    rate: (u64, u64, u64),
    close: bool,
) -> io::Result<()> {
    let seq = state.request_seq.fetch_add(1, Ordering::Relaxed);
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nDate: {}\r\nX-Okta-Request-Id: mock{:012x}{:010}\r\nX-Rate-Limit-Limit: {}\r\nX-Rate-Limit-Remaining: {}\r\nX-Rate-Limit-Reset: {}\r\n",
        resp.status,
        reason(resp.status),
        http_date(now_secs() as i64),
        state.seed & 0xffff_ffff_ffff,
        seq,
        rate.0,
        rate.1,
        rate.2
    );
    for (k, v) in &resp.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if resp.status != 204 {
        head.push_str(&format!("Content-Length: {}\r\n", resp.body.len()));
    }
    head.push_str(if close {
        "Connection: close\r\n\r\n"
    } else {
        "Connection: keep-alive\r\n\r\n"
    });
    let mut out = head.into_bytes();
    out.extend_from_slice(resp.body.as_bytes());
    stream.write_all(&out)?;
    stream.flush()
}

// ---------- paging ----------

fn page(n: usize, start: usize, limit: usize, pred: impl Fn(usize) -> bool) -> (Vec<usize>, bool) {
    let mut hits = Vec::new();
    let mut i = start;
    while i < n && hits.len() < limit {
        if pred(i) {
            hits.push(i);
        }
        i += 1;
    }
    let more = (i..n).any(&pred);
    (hits, more)
}

fn param<'a>(req: &'a Request, key: &str) -> Option<&'a str> {
    req.query
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn limit_of(req: &Request, default: usize, max: usize) -> usize {
    param(req, "limit")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(default)
        .clamp(1, max)
}

/// Extracts `"X"` from e.g. `status eq "X"` (case-insensitive attribute and operator).
fn eq_value(expr: &str, attr: &str) -> Option<String> {
    let lower = expr.to_ascii_lowercase();
    let needle = format!("{} eq \"", attr.to_ascii_lowercase());
    let at = lower.find(&needle)? + needle.len();
    let rest = expr.get(at..)?;
    rest.split_once('"').map(|(v, _)| v.to_string())
}

fn link_headers(
    state: &State,
    req: &Request,
    after: Option<&str>,
    limit: usize,
    next: Option<String>,
) -> Vec<(&'static str, String)> {
    let mut kept = String::new();
    for (k, v) in req
        .query
        .iter()
        .filter(|(k, _)| k != "after" && k != "limit")
    {
        kept.push_str(&format!("{}={}&", percent_encode(k), percent_encode(v)));
    }
    let url = |cursor: Option<&str>| {
        let c = cursor
            .map(|c| format!("after={}&", percent_encode(c)))
            .unwrap_or_default();
        format!("<{}{}?{kept}{c}limit={limit}>", state.base, req.path)
    };
    let mut h = vec![("Link", format!("{}; rel=\"self\"", url(after)))];
    if let Some(n) = next {
        h.push(("Link", format!("{}; rel=\"next\"", url(Some(&n)))));
    }
    h
}

/// A user's status now: as generated, unless changed through the mock.
fn status_now(state: &State, i: usize) -> &'static str {
    lock(&state.contain)
        .status
        .get(&i)
        .copied()
        .unwrap_or(state.statuses[i])
}

/// A user's JSON now, with a status changed through the mock.
fn user_json(state: &State, i: usize) -> String {
    let Some(status) = lock(&state.contain).status.get(&i).copied() else {
        return state.users[i].clone();
    };
    match serde_json::from_str::<Value>(&state.users[i]) {
        Ok(mut v) => {
            v["status"] = json!(status);
            v.to_string()
        }
        Err(_) => state.users[i].clone(),
    }
}

fn user_page(state: &State, req: &Request, pred: impl Fn(usize) -> bool) -> Response {
    let n = state.users.len();
    let limit = limit_of(req, 200, 200);
    let after = param(req, "after");
    let start = match after {
        None | Some("") => 0,
        Some(a) => match parse_index(a, "00u", n) {
            Some(i) => i + 1,
            None => return okta_error(state, 400, "E0000001", "Api validation failed: after"),
        },
    };
    let (hits, more) = page(n, start, limit, pred);
    let mut body = String::with_capacity(hits.len() * 1300 + 2);
    body.push('[');
    for (j, &i) in hits.iter().enumerate() {
        if j > 0 {
            body.push(',');
        }
        body.push_str(&user_json(state, i));
    }
    body.push(']');
    let next = if more {
        hits.last().map(|&i| user_id(i))
    } else {
        None
    };
    let mut resp = Response::json(200, body);
    resp.headers = link_headers(state, req, after, limit, next);
    resp
}

// ---------- routing ----------

fn lookup_user(state: &State, key: &str) -> Option<usize> {
    if let Some(i) = parse_index(key, "00u", state.users.len()) {
        return Some(i);
    }
    let login = key.to_ascii_lowercase();
    let num = login.strip_prefix("user")?.strip_suffix("@example.com")?;
    let i = num
        .parse::<usize>()
        .ok()
        .filter(|&i| i < state.users.len())?;
    (format!("user{i}@example.com") == login).then_some(i)
}

/// The users an `or` of `id eq "…"`, `profile.login eq "…"` and
/// `profile.email eq "…"` terms names, as a bulk run's batched lookup sends
/// it; `None` for any other expression.
fn named_users(state: &State, expr: &str) -> Option<HashSet<usize>> {
    let mut named = HashSet::new();
    let mut rest = expr.trim();
    loop {
        let (attr, after) = rest.split_once(' ')?;
        let after = after.trim_start();
        let after = after
            .get(..3)
            .filter(|op| op.eq_ignore_ascii_case("eq "))
            .and_then(|_| after.get(3..))?
            .trim_start()
            .strip_prefix('"')?;
        let mut value = String::new();
        let mut chars = after.char_indices();
        let end = loop {
            match chars.next()? {
                (_, '\\') => value.push(chars.next()?.1),
                (i, '"') => break i + 1,
                (_, c) => value.push(c),
            }
        };
        let found = match attr {
            "id" => parse_index(&value, "00u", state.users.len()),
            "profile.login" | "profile.email" => lookup_user(state, &value),
            _ => return None,
        };
        named.extend(found);
        rest = after.get(end..)?.trim_start();
        if rest.is_empty() {
            return Some(named);
        }
        rest = rest
            .get(..3)
            .filter(|op| op.eq_ignore_ascii_case("or "))
            .and_then(|_| rest.get(3..))?
            .trim_start();
    }
}

fn lookup_group(key: &str) -> Option<usize> {
    parse_index(key, "00g", GROUPS)
}

fn route_name(method: &str, seg: &[&str]) -> &'static str {
    match (method, seg) {
        ("GET", ["api", "v1", "users"]) => "GET /api/v1/users",
        ("GET", ["api", "v1", "users", "me"]) => "GET /api/v1/users/me",
        ("GET", ["api", "v1", "users", _]) => "GET /api/v1/users/{id}",
        ("GET", ["api", "v1", "users", _, "roles"]) => "GET /api/v1/users/{id}/roles",
        ("GET", ["api", "v1", "users", _, "roles", _, "targets", "groups"]) => {
            "GET /api/v1/users/{id}/roles/{rid}/targets/groups"
        }
        ("GET", ["api", "v1", "users", _, "groups"]) => "GET /api/v1/users/{id}/groups",
        ("GET", ["api", "v1", "users", _, "factors"]) => "GET /api/v1/users/{id}/factors",
        ("POST", ["api", "v1", "users", _, "factors", _, "verify"]) => {
            "POST /api/v1/users/{id}/factors/{fid}/verify"
        }
        ("GET", ["api", "v1", "users", _, "factors", _, "transactions", _]) => {
            "GET /api/v1/users/{id}/factors/{fid}/transactions/{tid}"
        }
        ("DELETE", ["api", "v1", "users", _, "factors", _, "transactions", _]) => {
            "DELETE /api/v1/users/{id}/factors/{fid}/transactions/{tid}"
        }
        ("GET", ["api", "v1", "users", _, "authenticator-enrollments"]) => {
            "GET /api/v1/users/{id}/authenticator-enrollments"
        }
        ("DELETE", ["api", "v1", "users", _, "sessions"]) => "DELETE /api/v1/users/{id}/sessions",
        ("POST", ["api", "v1", "users", _, "lifecycle", _]) => {
            "POST /api/v1/users/{id}/lifecycle/{op}"
        }
        ("GET", ["api", "v1", "authenticators"]) => "GET /api/v1/authenticators",
        ("POST", ["api", "v1", "users", _, "authenticator-enrollments", "tac"]) => {
            "POST /api/v1/users/{id}/authenticator-enrollments/tac"
        }
        ("DELETE", ["api", "v1", "users", _, "authenticator-enrollments", _]) => {
            "DELETE /api/v1/users/{id}/authenticator-enrollments/{eid}"
        }
        ("GET", ["api", "v1", "groups"]) => "GET /api/v1/groups",
        ("GET", ["api", "v1", "groups", _]) => "GET /api/v1/groups/{id}",
        ("GET", ["api", "v1", "groups", _, "users"]) => "GET /api/v1/groups/{id}/users",
        ("GET", ["api", "v1", "groups", _, "apps"]) => "GET /api/v1/groups/{id}/apps",
        ("PUT", ["api", "v1", "groups", _, "users", _]) => "PUT /api/v1/groups/{id}/users/{uid}",
        ("DELETE", ["api", "v1", "groups", _, "users", _]) => {
            "DELETE /api/v1/groups/{id}/users/{uid}"
        }
        ("GET", ["api", "v1", "policies"]) => "GET /api/v1/policies",
        ("GET", ["api", "v1", "policies", _]) => "GET /api/v1/policies/{id}",
        ("GET", ["api", "v1", "policies", _, "rules"]) => "GET /api/v1/policies/{id}/rules",
        ("GET", ["api", "v1", "logs"]) => "GET /api/v1/logs",
        _ => "other",
    }
}

fn handle_api(state: &State, req: &Request, seg: &[&str]) -> Response {
    let n = state.users.len();
    let base = state.base.as_str();
    match (req.method.as_str(), seg) {
        ("GET", ["api", "v1", "users"]) => {
            let expr = param(req, "search")
                .or_else(|| param(req, "filter"))
                .unwrap_or("");
            if let Some(named) = named_users(state, expr) {
                return user_page(state, req, |i| named.contains(&i));
            }
            match eq_value(expr, "status") {
                Some(st) => {
                    let st = st.to_ascii_uppercase();
                    user_page(state, req, |i| status_now(state, i) == st)
                }
                None => user_page(state, req, |_| true),
            }
        }
        ("GET", ["api", "v1", "users", "me"]) => Response::json(200, state.admin.clone()),
        ("GET", ["api", "v1", "users", id])
            if *id == ADMIN_ID || id.eq_ignore_ascii_case("admin@example.com") =>
        {
            Response::json(200, state.admin.clone())
        }
        ("GET", ["api", "v1", "users", id]) => match lookup_user(state, id) {
            Some(i) => Response::json(200, user_json(state, i)),
            None => not_found(state, id, "User"),
        },
        ("GET", ["api", "v1", "users", id, "roles"]) => {
            if *id == ADMIN_ID {
                let t = rfc3339(base_epoch() - 500 * 86_400);
                let roles = json!([{"id": "KVJUKUS7IFCE2SKO", "type": "USER_ADMIN", "label": "Group Administrator",
                    "status": "ACTIVE", "assignmentType": "USER", "created": t, "lastUpdated": t,
                    "_links": {"assignee": {"href": format!("{base}/api/v1/users/{ADMIN_ID}")}}}]);
                Response::json(200, roles.to_string())
            } else if lookup_user(state, id).is_some() {
                Response::json(200, "[]".into())
            } else {
                not_found(state, id, "User")
            }
        }
        ("GET", ["api", "v1", "users", id, "roles", _, "targets", "groups"]) => {
            if *id == ADMIN_ID || lookup_user(state, id).is_some() {
                Response::json(200, "[]".into())
            } else {
                not_found(state, id, "User")
            }
        }
        ("GET", ["api", "v1", "users", id, "groups"]) => {
            let mut groups = vec![everyone_group(base)];
            if let Some(i) = lookup_user(state, id) {
                let m = lock(&state.members);
                groups.extend(
                    (0..GROUPS)
                        .filter(|&k| m.is_member(k, i))
                        .map(|k| group_by_index(base, k)),
                );
            } else if *id != ADMIN_ID {
                return not_found(state, id, "User");
            }
            Response::json(200, Value::Array(groups).to_string())
        }
        ("GET", ["api", "v1", "groups"]) => {
            let limit = limit_of(req, 10_000, 10_000);
            let after = param(req, "after");
            let start = after.and_then(lookup_group).map_or(0, |k| k + 1);
            let name = param(req, "search").and_then(|s| eq_value(s, "profile.name"));
            let prefix = param(req, "q").map(str::to_ascii_lowercase);
            let pred = |k: usize| {
                let gname = format!("Group {k}");
                name.as_ref().is_none_or(|n| n.eq_ignore_ascii_case(&gname))
                    && prefix
                        .as_ref()
                        .is_none_or(|p| gname.to_ascii_lowercase().starts_with(p.as_str()))
            };
            let (hits, more) = page(GROUPS, start, limit, pred);
            let body: Vec<Value> = hits.iter().map(|&k| group_by_index(base, k)).collect();
            let next = if more {
                hits.last().map(|&k| group_id(k))
            } else {
                None
            };
            let mut resp = Response::json(200, Value::Array(body).to_string());
            resp.headers = link_headers(state, req, after, limit, next);
            resp
        }
        ("GET", ["api", "v1", "groups", gid]) if *gid == EVERYONE_ID => {
            Response::json(200, everyone_group(base).to_string())
        }
        ("GET", ["api", "v1", "groups", gid]) => match lookup_group(gid) {
            Some(k) => Response::json(200, group_by_index(base, k).to_string()),
            None => not_found(state, gid, "UserGroup"),
        },
        ("GET", ["api", "v1", "groups", gid, "users"]) => {
            if *gid == EVERYONE_ID {
                return user_page(state, req, |_| true);
            }
            let Some(k) = lookup_group(gid) else {
                return not_found(state, gid, "UserGroup");
            };
            let m = lock(&state.members);
            user_page(state, req, |i| m.is_member(k, i))
        }
        ("GET", ["api", "v1", "groups", gid, "apps"]) => match lookup_group(gid) {
            Some(k) => {
                let apps: &[(&str, &str)] = match k {
                    1 | 2 => &[("0oafigma000000000001", "Figma")],
                    4 => &[("0oaslack000000000002", "Slack")],
                    _ => &[],
                };
                let list: Vec<Value> = apps
                    .iter()
                    .map(|(id, label)| json!({"id": id, "name": label.to_ascii_lowercase(), "label": label, "status": "ACTIVE"}))
                    .collect();
                Response::json(200, Value::Array(list).to_string())
            }
            None => not_found(state, gid, "UserGroup"),
        },
        (method @ ("PUT" | "DELETE"), ["api", "v1", "groups", gid, "users", uid]) => {
            if *gid == EVERYONE_ID {
                return okta_error(
                    state,
                    400,
                    "E0000001",
                    "Api validation failed: cannot modify the Everyone group",
                );
            }
            let Some(k) = lookup_group(gid) else {
                return not_found(state, gid, "UserGroup");
            };
            let Some(i) = parse_index(uid, "00u", n) else {
                return not_found(state, uid, "User");
            };
            let mut m = lock(&state.members);
            let native = i % GROUPS == k;
            if method == "PUT" {
                m.removed.remove(&(k, i));
                if !native {
                    m.added.insert((k, i));
                }
            } else {
                m.added.remove(&(k, i));
                if native {
                    m.removed.insert((k, i));
                }
            }
            Response::empty(204)
        }
        ("POST", ["api", "v1", "users", id, "lifecycle", op]) => {
            let Some(i) = lookup_user(state, id) else {
                return not_found(state, id, "User");
            };
            match *op {
                "unlock" if status_now(state, i) == "LOCKED_OUT" => Response::empty(200),
                "unlock" => okta_error(state, 403, "E0000032", "Unlock is not allowed for this user."),
                "reset_password" if param(req, "sendEmail") == Some("false") => Response::json(
                    200,
                    json!({"resetPasswordUrl": format!("{base}/reset_password/drpMockOneTime{i}")}).to_string(),
                ),
                "reset_password" => Response::json(200, "{}".into()),
                "expire_password_with_temp_password" => {
                    Response::json(200, json!({"tempPassword": format!("Mock-Temp-{i}")}).to_string())
                }
                "reset_factors" => {
                    lock(&state.mfa).reset.insert(i);
                    Response::empty(200)
                }
                "suspend" | "unsuspend" | "expire_password" => lifecycle_change(state, i, op),
                _ => not_found(state, op, "Lifecycle"),
            }
        }
        // Every third user has SMS and Okta Verify push; every sixth one also
        // Google Authenticator, which its enrollment policy leaves out of
        // the factors list. Only every sixth user's enrolments can be listed
        // (`authenticator-enrollments`; the others answer 404, as an org
        // without that endpoint may).
        ("GET", ["api", "v1", "users", id, "factors"]) => match lookup_user(state, id) {
            Some(i) => {
                let list: Vec<Value> = mfa_of(state, i)
                    .into_iter()
                    .filter_map(|(fid, factor, _, _)| factor.map(|t| (fid, t)))
                    .map(|(fid, t)| json!({"id": fid, "factorType": t, "provider": "OKTA", "status": "ACTIVE"}))
                    .collect();
                Response::json(200, Value::Array(list).to_string())
            }
            None => not_found(state, id, "User"),
        },
        ("GET", ["api", "v1", "users", id, "authenticator-enrollments"]) => {
            let tac = lookup_user(state, id).and_then(|i| lock(&state.contain).tac.get(&i).cloned());
            match lookup_user(state, id) {
                Some(i) if i % 6 == 0 || tac.is_some() => {
                    let tac = tac.flatten();
                    let mut list = vec![json!({"id": format!("lae{i:017}"), "type": "password",
                        "key": "okta_password", "name": "Password", "status": "ACTIVE"})];
                    list.push(json!({"id": format!("eae{i:017}"), "type": "email",
                        "key": "okta_email", "name": "Email", "status": "ACTIVE"}));
                    list.extend(mfa_of(state, i).into_iter().map(|(fid, _, key, name)| {
                        json!({"id": fid, "type": if key == "phone_number" { "phone" } else { "app" },
                               "key": key, "name": name, "status": "ACTIVE"})
                    }));
                    if let Some(tid) = tac {
                        list.push(json!({"id": tid, "type": "tac", "key": "tac",
                            "name": "Temporary Access Code", "status": "ACTIVE"}));
                    }
                    Response::json(200, Value::Array(list).to_string())
                }
                Some(_) => okta_error(state, 404, "E0000007", &format!("Not found: Resource not found: {} (path)", req.path)),
                None => not_found(state, id, "User"),
            }
        }
        ("POST", ["api", "v1", "users", id, "factors", fid, "verify"]) => {
            verify::verify(state, req, id, fid)
        }
        (m @ ("GET" | "DELETE"), ["api", "v1", "users", _, "factors", _, "transactions", tid]) => {
            verify::transaction(state, m, tid)
        }
        ("DELETE", ["api", "v1", "users", id, "sessions"]) => match lookup_user(state, id) {
            Some(_) => Response::empty(204),
            None => not_found(state, id, "User"),
        },
        ("GET", ["api", "v1", "authenticators"]) => Response::json(
            200,
            json!([
                {"id": "autpassword000000001", "key": "okta_password", "type": "password", "name": "Password", "status": "ACTIVE"},
                {"id": "autoktaverify0000001", "key": "okta_verify", "type": "app", "name": "Okta Verify", "status": "ACTIVE"},
                {"id": "auttac00000000000001", "key": "tac", "type": "tac", "name": "Temporary Access Code", "status": "ACTIVE"}
            ])
            .to_string(),
        ),
        ("POST", ["api", "v1", "users", id, "authenticator-enrollments", "tac"]) => {
            match lookup_user(state, id) {
                Some(i) => issue_tac(state, i),
                None => not_found(state, id, "User"),
            }
        }
        ("DELETE", ["api", "v1", "users", id, "authenticator-enrollments", eid]) => {
            let Some(i) = lookup_user(state, id) else {
                return not_found(state, id, "User");
            };
            let mut c = lock(&state.contain);
            if c.tac.get(&i).is_some_and(|t| t.as_deref() == Some(*eid)) {
                c.tac.insert(i, None);
                Response::empty(204)
            } else {
                drop(c);
                not_found(state, eid, "AuthenticatorEnrollment")
            }
        }
        ("DELETE", ["api", "v1", "users", id, "factors", fid]) => match lookup_user(state, id) {
            Some(i) => {
                let mine = mfa_of(state, i);
                if !mine.iter().any(|m| m.0 == *fid) {
                    return not_found(state, fid, "Factor");
                }
                let mut mfa = lock(&state.mfa);
                mfa.gone.insert(fid.to_string());
                // Okta Verify push takes the user's TOTP factors with it.
                if fid.starts_with("opf") {
                    mfa.gone.insert(format!("gao{i:017}"));
                }
                Response::empty(204)
            }
            None => not_found(state, id, "User"),
        },
        ("GET", ["api", "v1", "logs"]) => match state.log.page(&req.query, now_ms()) {
            Ok(page) => {
                let mut resp = Response::json(200, page.body);
                let limit = limit_of(req, 100, 1000);
                resp.headers = link_headers(state, req, param(req, "after"), limit, page.next);
                resp
            }
            Err((status, code, summary)) => okta_error(state, status, code, &summary),
        },
        ("GET", ["api", "v1", "apps"]) => {
            // Two apps: "Figma" through groups 1 and 2, "Slack" through group 4.
            let q = param(req, "q").unwrap_or("").to_ascii_lowercase();
            let apps: Vec<Value> = [("0oafigma000000000001", "Figma"), ("0oaslack000000000002", "Slack")]
                .iter()
                .filter(|(_, label)| label.to_ascii_lowercase().starts_with(&q))
                .map(|(id, label)| json!({"id": id, "name": label.to_ascii_lowercase(), "label": label, "status": "ACTIVE"}))
                .collect();
            Response::json(200, Value::Array(apps).to_string())
        }
        ("GET", ["api", "v1", "apps", app, "groups"]) => {
            let groups: &[usize] = match *app {
                "0oafigma000000000001" => &[1, 2],
                "0oaslack000000000002" => &[4],
                _ => return not_found(state, app, "App"),
            };
            let list: Vec<Value> = groups
                .iter()
                .map(|&k| json!({"id": group_id(k), "priority": 0, "_embedded": {"group": group_by_index(base, k)}}))
                .collect();
            Response::json(200, Value::Array(list).to_string())
        }
        // OAuth service apps: any assertion gets a DPoP-bound token (the mock
        // checks no signatures; the tests in tests/oauth.rs do).
        ("POST", ["oauth2", "v1", "token"]) => Response::json(
            200,
            json!({"token_type": "DPoP", "expires_in": 3600, "access_token": "mock-access-token",
                   "scope": "okta.users.manage okta.groups.manage okta.apps.read okta.roles.read okta.policies.read okta.logs.read"})
            .to_string(),
        ),
        ("GET", ["oauth2", "v1", "clients", _, "roles"]) => Response::json(
            200,
            json!([{"id": "irb1", "type": "HELP_DESK_ADMIN", "label": "Help Desk Administrator",
                    "status": "ACTIVE", "assignmentType": "CLIENT"},
                   {"id": "irb2", "type": "REPORT_ADMIN", "label": "Report Administrator",
                    "status": "ACTIVE", "assignmentType": "CLIENT"}])
            .to_string(),
        ),
        ("GET", ["oauth2", "v1", "clients", _, "roles", _, "targets", "groups"]) => {
            Response::json(200, "[]".into())
        }
        ("GET", ["api", "v1", "policies"]) => match param(req, "type") {
            None => okta_error(state, 400, "E0000001", "Api validation failed: type"),
            Some(t) if t.eq_ignore_ascii_case("PASSWORD") => {
                let list: Vec<Value> = (1..=2).filter_map(|p| password_policy(base, p)).collect();
                Response::json(200, Value::Array(list).to_string())
            }
            Some(_) => Response::json(200, "[]".into()),
        },
        ("GET", ["api", "v1", "policies", pid]) => {
            match policy_index(pid).and_then(|p| password_policy(base, p)) {
                Some(v) => Response::json(200, v.to_string()),
                None => not_found(state, pid, "Policy"),
            }
        }
        ("GET", ["api", "v1", "policies", pid, "rules"]) => match policy_index(pid) {
            Some(p) => Response::json(200, policy_rule(base, p).to_string()),
            None => not_found(state, pid, "Policy"),
        },
        (_, seg) if route_name("GET", seg) != "other" || route_name("PUT", seg) != "other" => {
            okta_error(
                state,
                405,
                "E0000022",
                "The endpoint does not support the provided HTTP method",
            )
        }
        _ => okta_error(
            state,
            404,
            "E0000007",
            &format!("Not found: Resource not found: {} (path)", req.path),
        ),
    }
}

/// A user's MFA enrolments still in place: (id, factor type when the
/// factors list shows it, authenticator key, authenticator name).
fn mfa_of(
    state: &State,
    i: usize,
) -> Vec<(String, Option<&'static str>, &'static str, &'static str)> {
    if !i.is_multiple_of(3) {
        return Vec::new();
    }
    let mfa = lock(&state.mfa);
    if mfa.reset.contains(&i) {
        return Vec::new();
    }
    let mut all = vec![
        (format!("sms{i:017}"), Some("sms"), "phone_number", "Phone"),
        (
            format!("opf{i:017}"),
            Some("push"),
            "okta_verify",
            "Okta Verify",
        ),
    ];
    if i.is_multiple_of(6) {
        all.push((
            format!("gao{i:017}"),
            None,
            "google_otp",
            "Google Authenticator",
        ));
    }
    all.retain(|m| !mfa.gone.contains(&m.0));
    all
}

/// suspend (ACTIVE only), unsuspend (SUSPENDED only), expire_password
/// (answered with the User, as Okta does).
fn lifecycle_change(state: &State, i: usize, op: &str) -> Response {
    let now = status_now(state, i);
    let (from, to): (&[&str], &'static str) = match op {
        "suspend" => (&["ACTIVE"], "SUSPENDED"),
        "unsuspend" => (&["SUSPENDED"], "ACTIVE"),
        _ => (
            &["ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY"],
            "PASSWORD_EXPIRED",
        ),
    };
    if !from.contains(&now) {
        return okta_error(
            state,
            403,
            "E0000038",
            "This operation is not allowed in the user's current status.",
        );
    }
    lock(&state.contain).status.insert(i, to);
    match op {
        "expire_password" => Response::json(200, user_json(state, i)),
        _ => Response::empty(200),
    }
}

/// A new Temporary Access Code for user `i`, replacing any earlier one.
fn issue_tac(state: &State, i: usize) -> Response {
    if matches!(status_now(state, i), "SUSPENDED" | "DEPROVISIONED") {
        return okta_error(state, 400, "E0000001", "Api validation failed: user status");
    }
    let mut c = lock(&state.contain);
    c.tac_seq += 1;
    let id = format!("tac{:017}", c.tac_seq);
    c.tac.insert(i, Some(id.clone()));
    drop(c);
    let code = format!(
        "Mock-TAC-{:08x}",
        (state.seed ^ (i as u64) ^ (now_secs() << 8)) & 0xffff_ffff
    );
    let base = &state.base;
    let expires = rfc3339(now_secs() as i64 + 3600);
    Response::json(
        200,
        json!({"type": "tac", "id": id, "key": "tac", "status": "ACTIVE", "name": "Temporary Access Code",
               "profile": {"tac": code, "multiUse": false, "expiresAt": expires},
               "_links": {"self": {"href": format!("{base}/api/v1/users/{}/authenticator-enrollments/{id}", user_id(i))}}})
        .to_string(),
    )
}

fn policy_index(pid: &str) -> Option<usize> {
    match pid {
        "00ppasswordpolicy001" => Some(1),
        "00ppasswordpolicy002" => Some(2),
        _ => None,
    }
}

/// The headers of answers that count against no bucket.
fn idle_rate() -> (u64, u64, u64) {
    (100_000, 100_000, now_secs() + 60)
}

fn handle(state: &State, req: &Request) -> (Response, (u64, u64, u64)) {
    let decoded: Vec<String> = req
        .path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_decode(s, false))
        .collect();
    let seg: Vec<&str> = decoded.iter().map(String::as_str).collect();
    match (req.method.as_str(), seg.as_slice()) {
        ("GET", ["__stats"]) => {
            let s = lock(&state.stats);
            let body = json!({"requests": s.requests, "rate_limited": s.rate_limited, "by_path": s.by_path,
                "by_bucket": *lock(&state.rates.stats), "refusals": *lock(&state.rates.by_refusal)});
            return (Response::json(200, body.to_string()), idle_rate());
        }
        ("POST", ["__reset"]) => {
            *lock(&state.stats) = Stats::default();
            state.rates.reset();
            return (Response::empty(204), idle_rate());
        }
        _ => {}
    }
    let (verdict, _in_flight) = state.rates.take(rates::bucket_of(&req.method, &seg));
    let limited = verdict.refused.is_some();
    {
        let mut s = lock(&state.stats);
        s.requests += 1;
        *s.by_path.entry(route_name(&req.method, &seg)).or_insert(0) += 1;
        if limited {
            s.rate_limited += 1;
        }
    }
    if !state.cfg.latency.is_zero() {
        std::thread::sleep(state.cfg.latency);
    }
    let resp = if limited {
        okta_error(
            state,
            429,
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        )
    } else {
        handle_api(state, req, &seg)
    };
    (resp, (verdict.limit, verdict.remaining, verdict.reset))
}

fn serve(stream: TcpStream, state: &State) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        match read_request(&mut reader)? {
            Incoming::Eof => return Ok(()),
            Incoming::Bad(status, msg) => {
                let resp = okta_error(state, status, "E0000001", &format!("Bad request: {msg}"));
                return write_response(&mut writer, state, &resp, idle_rate(), true);
            }
            Incoming::Req(req) => {
                let (resp, rate) = handle(state, &req);
                write_response(&mut writer, state, &resp, rate, req.close)?;
                if req.close {
                    return Ok(());
                }
            }
        }
    }
}

struct ActiveGuard<'a>(&'a AtomicUsize);

impl Drop for ActiveGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

const USAGE: &str = "usage: mock_org [--port P] [--users N] [--latency-ms MS] [--bucket N] [--window-secs S] [--share PERCENT] [--concurrency N] [--log-events N] [--lockouts N] [--push-polls N]";

fn parse_args() -> Result<Config, String> {
    let mut cfg = Config {
        port: 0,
        users: 20_000,
        latency: Duration::ZERO,
        bucket: None,
        window_secs: 60,
        share: 100,
        concurrency: None,
        log_events: 2_000,
        lockouts: 40,
        push_polls: 2,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.into());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let num = |v: &str| {
            v.parse::<u64>()
                .map_err(|_| format!("invalid value for {flag}: {v}"))
        };
        match flag.as_str() {
            "--port" => {
                cfg.port = u16::try_from(num(&value)?)
                    .map_err(|_| format!("port out of range: {value}"))?
            }
            "--users" => cfg.users = usize::try_from(num(&value)?).map_err(|e| e.to_string())?,
            "--latency-ms" => cfg.latency = Duration::from_millis(num(&value)?),
            "--bucket" => cfg.bucket = Some(num(&value)?),
            "--window-secs" => cfg.window_secs = num(&value)?.max(1),
            "--share" => cfg.share = num(&value)?.clamp(1, 100),
            "--concurrency" => {
                cfg.concurrency =
                    Some(usize::try_from(num(&value)?.max(1)).map_err(|e| e.to_string())?)
            }
            "--log-events" => {
                cfg.log_events =
                    usize::try_from(num(&value)?.min(10_000_000)).map_err(|e| e.to_string())?
            }
            "--push-polls" => cfg.push_polls = num(&value)?.min(100),
            "--lockouts" => {
                cfg.lockouts = usize::try_from(num(&value)?).map_err(|e| e.to_string())?
            }
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    if cfg.users >= 100_000_000_000_000_000 {
        return Err("--users too large".into());
    }
    Ok(cfg)
}

fn main() {
    let cfg = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let listener = match TcpListener::bind(("127.0.0.1", cfg.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mock_org: cannot listen on 127.0.0.1:{}: {e}", cfg.port);
            std::process::exit(1);
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(cfg.port);
    let base = format!("http://127.0.0.1:{port}");
    let users: Vec<String> = (0..cfg.users)
        .map(|i| regular_user(&base, i).to_string())
        .collect();
    let statuses = (0..cfg.users).map(status_of).collect();
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    let lockouts = cfg.lockouts.min(cfg.log_events / 20);
    let log = syslog::Log::generate(cfg.log_events, lockouts, cfg.users, now_ms(), seed);
    let state = Arc::new(State {
        log,
        admin: admin_user(&base).to_string(),
        base,
        users,
        statuses,
        rates: rates::Rates::new(rates::Limits {
            bucket: cfg.bucket,
            window_ms: cfg.window_secs * 1000,
            share: cfg.share,
            concurrency: cfg.concurrency,
        }),
        cfg,
        stats: Mutex::new(Stats::default()),
        members: Mutex::new(Membership::default()),
        mfa: Mutex::new(Mfa::default()),
        contain: Mutex::new(Containment::default()),
        pushes: Mutex::new(verify::Pushes::default()),
        request_seq: AtomicU64::new(0),
        seed,
        active: AtomicUsize::new(0),
    });
    println!("listening http://127.0.0.1:{port}");
    if io::stdout().flush().is_err() {
        std::process::exit(1);
    }
    for conn in listener.incoming() {
        let Ok(stream) = conn else { continue };
        if state.active.fetch_add(1, Ordering::Relaxed) >= MAX_CONNECTIONS {
            state.active.fetch_sub(1, Ordering::Relaxed);
            continue; // dropping the stream closes it
        }
        let st = Arc::clone(&state);
        let spawned = std::thread::Builder::new()
            .name("conn".into())
            .spawn(move || {
                let _guard = ActiveGuard(&st.active);
                let _ = serve(stream, &st);
            });
        if spawned.is_err() {
            state.active.fetch_sub(1, Ordering::Relaxed);
        }
    }
}
