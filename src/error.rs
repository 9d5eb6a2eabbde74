//! The one error type of the tool and its exit-code table.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success, including no-ops |
//! | 1 | the operation failed (a gap found, some bulk rows failed) |
//! | 2 | usage: bad flags or values, invalid org URL, confirmation impossible |
//! | 3 | not found or ambiguous: a user, group or app |
//! | 4 | authentication: no token, or Okta rejected it |
//! | 5 | permission denied |
//! | 6 | rate limited after the allowed waiting |
//! | 7 | network or server |

use std::fmt;

/// What went wrong, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Failed,
    Usage,
    NotFound,
    Auth,
    Permission,
    RateLimited,
    Network,
    Cancelled,
    Interrupted,
}

impl Kind {
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Failed => 1,
            Kind::Usage => 2,
            Kind::NotFound => 3,
            Kind::Auth => 4,
            Kind::Permission => 5,
            Kind::RateLimited => 6,
            Kind::Network => 7,
            Kind::Cancelled => 1,
            Kind::Interrupted => 130,
        }
    }
}

/// Details of an answer Okta gave, kept so commands can act on them.
#[derive(Debug, Clone, Default)]
pub struct OktaAnswer {
    pub status: u16,
    pub error_code: Option<String>,
    pub request_id: Option<String>,
    /// `METHOD /path` of the request, which the message starts with.
    pub request: String,
}

/// An error shown as `error: …` and `hint: …` lines.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
    /// Why it happened, in the user's terms: the first hint, and the short
    /// text of a bulk row. Set where the cause is known.
    pub why: Option<String>,
    /// A fallback explanation from the HTTP layer, shown only when no `why`
    /// was given by the code that knows more.
    pub generic: Option<&'static str>,
    pub okta: Option<Box<OktaAnswer>>,
    /// Stdout was closed by its reader (`| head`): stop quietly.
    pub broken_pipe: bool,
    /// The request may have reached Okta and been applied although no
    /// answer came back (a timeout or a connection lost mid-answer).
    pub maybe_applied: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
            why: None,
            generic: None,
            okta: None,
            broken_pipe: false,
            maybe_applied: false,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, message)
    }
    pub fn auth(message: impl Into<String>) -> Self {
        Self::new(Kind::Auth, message)
    }
    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(Kind::Failed, message)
    }
    pub fn network(message: impl Into<String>) -> Self {
        Self::new(Kind::Network, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Why it happened (replaces the HTTP layer's generic explanation).
    pub fn why(mut self, why: impl Into<String>) -> Self {
        self.why = Some(why.into());
        self
    }

    /// The short explanation for a table cell: the `why`, else the message
    /// without the request it names (the request stays in JSON).
    pub fn short(&self) -> String {
        if let Some(why) = &self.why {
            return clean(why);
        }
        let msg = match &self.okta {
            Some(o) if !o.request.is_empty() => {
                let prefix = format!("{}: ", o.request);
                match self.message.find(&prefix) {
                    Some(i) => &self.message[i + prefix.len()..],
                    None => self.message.as_str(),
                }
            }
            _ => self.message.as_str(),
        };
        clean(msg)
    }

    /// Prefix the message with what was being done: "looking up user x: …".
    pub fn context(mut self, doing: impl fmt::Display) -> Self {
        self.message = format!("{doing}: {}", self.message);
        self
    }

    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }

    /// Okta's HTTP status, when the error is an answer from Okta.
    pub fn status(&self) -> Option<u16> {
        self.okta.as_ref().map(|o| o.status)
    }

    /// Okta's `errorCode`, when there is one.
    pub fn error_code(&self) -> Option<&str> {
        self.okta.as_ref().and_then(|o| o.error_code.as_deref())
    }

    pub fn request_id(&self) -> Option<&str> {
        self.okta.as_ref().and_then(|o| o.request_id.as_deref())
    }

    /// The lines printed on stderr.
    pub fn render(&self) -> String {
        let mut out = match self.kind {
            Kind::Cancelled => format!("{}\n", clean(&self.message)),
            _ => format!("error: {}\n", clean(&self.message)),
        };
        if let Some(why) = self.why.as_deref().or(self.generic) {
            out.push_str(&format!("hint: {}\n", clean(why)));
        }
        for h in &self.hints {
            out.push_str(&format!("hint: {}\n", clean(h)));
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        let mut err = Error::failed(format!("cannot write output: {e}"));
        err.broken_pipe = e.kind() == std::io::ErrorKind::BrokenPipe;
        err
    }
}

/// Text from a server or a user may hold control characters (terminal
/// escapes) and invisible ones (bidi overrides, zero-width): show them
/// escaped, so they can neither act on the terminal nor hide or reorder
/// what is shown. Every user-controlled string printed passes here.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            out.push(c);
        } else if c.is_control() {
            out.extend(c.escape_default());
        } else if invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Bidi controls, zero-width and other format characters that change how
/// the text around them is shown.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{00AD}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        let table = [
            (Kind::Failed, 1),
            (Kind::Usage, 2),
            (Kind::NotFound, 3),
            (Kind::Auth, 4),
            (Kind::Permission, 5),
            (Kind::RateLimited, 6),
            (Kind::Network, 7),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code);
        }
    }

    #[test]
    fn render_escapes_terminal_control() {
        let e = Error::failed("bad \x1b[31mred\x1b[0m").hint("do x");
        let r = e.render();
        assert!(!r.contains('\x1b'));
        assert!(r.starts_with("error: bad "));
        assert!(r.contains("hint: do x"));
    }

    #[test]
    fn invisible_characters_are_shown() {
        let shown = clean("admin\u{202E}gpj.exe\u{200B}x");
        assert_eq!(shown, "admin\\u{202e}gpj.exe\\u{200b}x");
        assert_eq!(clean("Zoë\tO'Brien"), "Zoë\tO'Brien");
    }

    #[test]
    fn cancelled_has_no_error_prefix() {
        let e = Error::new(Kind::Cancelled, "cancelled; nothing was changed");
        assert_eq!(e.render(), "cancelled; nothing was changed\n");
        assert_eq!(e.exit_code(), 1);
    }

    #[test]
    fn why_replaces_the_generic_hint_and_is_the_short_text() {
        let mut e = Error::new(Kind::Permission, "PUT /api/v1/groups/g/users/u: Okta answered 403");
        e.generic = Some("the token's admin lacks a role");
        e.okta = Some(Box::new(OktaAnswer {
            status: 403,
            request: "PUT /api/v1/groups/g/users/u".into(),
            ..OktaAnswer::default()
        }));
        assert!(e.render().contains("hint: the token's admin lacks a role"));
        assert_eq!(e.short(), "Okta answered 403");
        let e = e.why("outside the role's targets");
        assert!(!e.render().contains("lacks a role"));
        assert_eq!(e.short(), "outside the role's targets");
    }
}
