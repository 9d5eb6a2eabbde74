//! The mock org's System Log: `--log-events N` events spread evenly over the
//! 24 hours before the mock started, `--lockouts L` of them lock-outs (each
//! after a few failed sign-ins; one in four unlocked again), the rest a mix
//! of sign-ins (2 % failed), app sign-ons, MFA checks and group changes.
//!
//! Queries as Okta answers them ([SYSLOG]): `filter` (`eq`/`sw` on
//! `eventType`, `outcome.result`, `outcome.reason`, `actor.id`,
//! `target.id`, with `and`, `or` and parentheses; anything else is 400
//! `E0000053`), `since`, `until`, `sortOrder`, `limit` (at most 1000) and
//! the `after` cursor of the next links. A polling query (no `until`,
//! ascending) always has a next link, also on an empty page.

use serde_json::{json, Value};

use crate::{user_id, FIRST, LAST};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    SignIn,
    SignInFailed,
    SignInLockedOut,
    Sso,
    Mfa,
    GroupAdd,
    Lock,
    Unlock,
    UnlockByAdmin,
}

#[derive(Clone, Copy)]
struct Ev {
    ms: i64,
    kind: Kind,
    user: usize,
}

pub struct Log {
    events: Vec<Ev>,
    seed: u64,
}

/// One answer: the events as JSON text, and the next link's cursor.
pub struct Page {
    pub body: String,
    pub next: Option<String>,
}

fn mix(i: u64) -> u64 {
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D;
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

impl Log {
    pub fn generate(n: usize, lockouts: usize, users: usize, now_ms: i64, seed: u64) -> Log {
        let users = users.max(1);
        let start = now_ms - 86_400_000;
        let step = 86_400_000 / n.max(1) as i64;
        let mut events: Vec<Ev> = (0..n)
            .map(|i| {
                let h = mix(i as u64);
                let kind = match h % 100 {
                    0..=1 => Kind::SignInFailed,
                    2..=49 => Kind::SignIn,
                    50..=84 => Kind::Sso,
                    85..=94 => Kind::Mfa,
                    _ => Kind::GroupAdd,
                };
                // Users whose number ends in 00 or 01 sign in only in lock-outs.
                let mut user = (h >> 8) as usize % users;
                if user % 50 <= 1 {
                    user = (user + 2) % users;
                }
                Ev {
                    ms: start + i as i64 * step,
                    kind,
                    user,
                }
            })
            .collect();
        // Lock-out k: user 50k (still LOCKED_OUT in the directory), or for
        // one in four user 50k+1 (ACTIVE), unlocked 10 events later.
        for k in 0..lockouts {
            let at = (k + 1) * n / (lockouts + 1);
            let unlocked = k % 4 == 3;
            let user = (50 * k + usize::from(unlocked)) % users;
            let fails = 3 + k % 3;
            for j in 1..=fails.min(at) {
                events[at - j] = Ev {
                    kind: Kind::SignInFailed,
                    user,
                    ..events[at - j]
                };
            }
            events[at] = Ev {
                kind: Kind::Lock,
                user,
                ..events[at]
            };
            if at + 1 < n {
                events[at + 1] = Ev {
                    kind: Kind::SignInLockedOut,
                    user,
                    ..events[at + 1]
                };
            }
            if unlocked && at + 10 < n {
                let kind = if k % 8 == 3 {
                    Kind::Unlock
                } else {
                    Kind::UnlockByAdmin
                };
                events[at + 10] = Ev {
                    kind,
                    user,
                    ..events[at + 10]
                };
            }
        }
        Log { events, seed }
    }

    /// The page a query asks for, or (status, errorCode, summary).
    pub fn page(
        &self,
        q: &[(String, String)],
        now_ms: i64,
    ) -> Result<Page, (u16, &'static str, String)> {
        let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let filter = match get("filter").filter(|f| !f.trim().is_empty()) {
            Some(f) => Some(parse(f).ok_or((400, "E0000053", format!("Invalid filter '{f}'")))?),
            None => None,
        };
        let time = |k: &str| -> Result<Option<i64>, (u16, &'static str, String)> {
            get(k)
                .map(|v| {
                    v.parse::<jiff::Timestamp>().map(|t| t.as_millisecond()).map_err(|_| {
                        (400, "E0000001", format!("Api validation failed: '{k}': The date format in your query is not recognized."))
                    })
                })
                .transpose()
        };
        let since = time("since")?.unwrap_or(now_ms - 7 * 86_400_000);
        let until = time("until")?;
        let descending = get("sortOrder").is_some_and(|s| s.eq_ignore_ascii_case("DESCENDING"));
        let polling = until.is_none() && !descending;
        let limit = get("limit")
            .and_then(|l| l.parse::<usize>().ok())
            .unwrap_or(100)
            .clamp(1, 1000);
        let after = match get("after") {
            Some(a) => Some(
                a.parse::<i64>()
                    .map_err(|_| (400, "E0000001", "Api validation failed: after".to_string()))?,
            ),
            None => None,
        };
        let hit = |i: usize| {
            let e = &self.events[i];
            e.ms >= since
                && until.is_none_or(|u| e.ms < u)
                && filter.as_ref().is_none_or(|f| f.eval(&|a| self.attr(i, a)))
        };
        let n = self.events.len() as i64;
        let mut picked = Vec::new();
        let mut more = false;
        let range: Box<dyn Iterator<Item = i64>> = if descending {
            Box::new((0..after.unwrap_or(n).min(n)).rev())
        } else {
            Box::new(after.map_or(0, |a| a + 1).max(0)..n)
        };
        for i in range {
            if hit(i as usize) {
                if picked.len() == limit {
                    more = true;
                    break;
                }
                picked.push(i as usize);
            }
        }
        let last = picked.last().map(|&i| i as i64);
        let next = if polling {
            // The tail: the same place again (or just before `since`).
            Some(
                last.or(after)
                    .unwrap_or_else(|| self.events.partition_point(|e| e.ms < since) as i64 - 1),
            )
        } else if more {
            last
        } else {
            None
        };
        let body: Vec<Value> = picked.iter().map(|&i| self.json(i)).collect();
        Ok(Page {
            body: Value::Array(body).to_string(),
            next: next.map(|c| c.to_string()),
        })
    }

    fn attr(&self, i: usize, attr: &str) -> Option<String> {
        let e = &self.events[i];
        let (kind, result, reason) = describe(e.kind);
        Some(match attr {
            "eventType" => kind.to_string(),
            "outcome.result" => result.to_string(),
            "outcome.reason" => reason?.to_string(),
            "actor.id" if e.kind == Kind::UnlockByAdmin || e.kind == Kind::GroupAdd => {
                crate::ADMIN_ID.to_string()
            }
            "actor.id" => user_id(e.user),
            "target.id"
                if matches!(e.kind, Kind::UnlockByAdmin | Kind::GroupAdd | Kind::Unlock) =>
            {
                user_id(e.user)
            }
            _ => return None,
        })
    }

    fn json(&self, i: usize) -> Value {
        let e = &self.events[i];
        let (kind, result, reason) = describe(e.kind);
        let u = e.user;
        let person = json!({"id": user_id(u), "type": "User", "alternateId": format!("user{u}@example.com"),
                            "displayName": format!("{} {}", FIRST[u % FIRST.len()], LAST[u % LAST.len()])});
        let admin = json!({"id": crate::ADMIN_ID, "type": "User", "alternateId": "admin@example.com",
                           "displayName": "Help Desk"});
        let (actor, target) = match e.kind {
            Kind::UnlockByAdmin | Kind::GroupAdd => (admin, json!([person])),
            Kind::Unlock => (person.clone(), json!([person])),
            _ => (person, json!([])),
        };
        const PLACES: [(&str, &str, &str); 4] = [
            ("Lyon", "Auvergne-Rhone-Alpes", "France"),
            ("Berlin", "Berlin", "Germany"),
            ("Austin", "Texas", "United States"),
            ("Leeds", "England", "United Kingdom"),
        ];
        let (city, state, country) = PLACES[u % PLACES.len()];
        json!({
            "uuid": format!("{:08x}-{:04x}-4000-8000-{:012x}", self.seed as u32, (i >> 48) & 0xffff, i),
            "published": jiff::Timestamp::from_millisecond(e.ms).map(|t| t.to_string()).unwrap_or_default(),
            "eventType": kind,
            "version": "0",
            "severity": if result == "FAILURE" { "WARN" } else { "INFO" },
            "displayMessage": kind,
            "actor": actor,
            "target": target,
            "outcome": {"result": result, "reason": reason},
            "client": {"ipAddress": format!("198.51.100.{}", u % 250 + 1),
                       "userAgent": {"rawUserAgent": "Mozilla/5.0 (Macintosh)", "os": "Mac OS X", "browser": "SAFARI"},
                       "zone": "null", "device": "Computer",
                       "geographicalContext": {"city": city, "state": state, "country": country,
                                               "postalCode": null, "geolocation": {"lat": 45.0, "lon": 4.0}}},
            "transaction": {"type": "WEB", "id": format!("mock{i:012x}"), "detail": {}},
            "authenticationContext": {"externalSessionId": null},
            "debugContext": {"debugData": {}}
        })
    }
}

fn describe(kind: Kind) -> (&'static str, &'static str, Option<&'static str>) {
    match kind {
        Kind::SignIn => ("user.session.start", "SUCCESS", None),
        Kind::SignInFailed => ("user.session.start", "FAILURE", Some("INVALID_CREDENTIALS")),
        Kind::SignInLockedOut => ("user.session.start", "FAILURE", Some("LOCKED_OUT")),
        Kind::Sso => ("user.authentication.sso", "SUCCESS", None),
        Kind::Mfa => ("user.authentication.auth_via_mfa", "SUCCESS", None),
        Kind::GroupAdd => ("group.user_membership.add", "SUCCESS", None),
        Kind::Lock => ("user.account.lock", "FAILURE", Some("LOCKED_OUT")),
        Kind::Unlock => ("user.account.unlock", "SUCCESS", None),
        Kind::UnlockByAdmin => ("user.account.unlock_by_admin", "SUCCESS", None),
    }
}

/// A filter expression: `or` of `and` of comparisons or parenthesised expressions.
enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Cmp {
        attr: String,
        sw: bool,
        value: String,
    },
}

impl Expr {
    fn eval(&self, get: &dyn Fn(&str) -> Option<String>) -> bool {
        match self {
            Expr::Or(v) => v.iter().any(|e| e.eval(get)),
            Expr::And(v) => v.iter().all(|e| e.eval(get)),
            Expr::Cmp { attr, sw, value } => get(attr).is_some_and(|have| {
                let (have, value) = (have.to_ascii_lowercase(), value.to_ascii_lowercase());
                if *sw {
                    have.starts_with(&value)
                } else {
                    have == value
                }
            }),
        }
    }
}

const ATTRS: [&str; 5] = [
    "eventType",
    "outcome.result",
    "outcome.reason",
    "actor.id",
    "target.id",
];

fn parse(text: &str) -> Option<Expr> {
    let tokens = tokenize(text)?;
    let mut pos = 0;
    let e = or(&tokens, &mut pos)?;
    (pos == tokens.len()).then_some(e)
}

fn tokenize(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' | '\t' => {
                chars.next();
            }
            '(' | ')' => {
                out.push(c.to_string());
                chars.next();
            }
            '"' => {
                chars.next();
                let mut s = String::from("\"");
                loop {
                    match chars.next()? {
                        '\\' => s.push(chars.next()?),
                        '"' => break,
                        c => s.push(c),
                    }
                }
                out.push(s);
            }
            _ => {
                let mut s = String::new();
                while let Some(&c) = chars.peek() {
                    if c == ' ' || c == '(' || c == ')' || c == '"' {
                        break;
                    }
                    s.push(c);
                    chars.next();
                }
                out.push(s);
            }
        }
    }
    Some(out)
}

fn or(t: &[String], pos: &mut usize) -> Option<Expr> {
    let mut terms = vec![and(t, pos)?];
    while t.get(*pos).is_some_and(|w| w.eq_ignore_ascii_case("or")) {
        *pos += 1;
        terms.push(and(t, pos)?);
    }
    Some(Expr::Or(terms))
}

fn and(t: &[String], pos: &mut usize) -> Option<Expr> {
    let mut terms = vec![factor(t, pos)?];
    while t.get(*pos).is_some_and(|w| w.eq_ignore_ascii_case("and")) {
        *pos += 1;
        terms.push(factor(t, pos)?);
    }
    Some(Expr::And(terms))
}

fn factor(t: &[String], pos: &mut usize) -> Option<Expr> {
    if t.get(*pos)?.as_str() == "(" {
        *pos += 1;
        let e = or(t, pos)?;
        (t.get(*pos)?.as_str() == ")").then_some(())?;
        *pos += 1;
        return Some(e);
    }
    let attr = t.get(*pos)?.clone();
    let op = t.get(*pos + 1)?.to_ascii_lowercase();
    let value = t.get(*pos + 2)?.strip_prefix('"')?.to_string();
    *pos += 3;
    (ATTRS.contains(&attr.as_str()) && (op == "eq" || op == "sw")).then_some(Expr::Cmp {
        attr,
        sw: op == "sw",
        value,
    })
}
