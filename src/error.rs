//! The one error type of the tool and its exit-code table, written once:
//! `kinds!` below declares each `Kind` with its exit code and the one-line
//! meaning that `--help`, README.md and docs/cli.md show (a test holds the
//! two documents to it).

use std::fmt;

/// What exit code 0 means (success is not a `Kind`).
pub const SUCCESS: &str = "success, including no-ops (already a member, not locked)";

/// Declares `Kind` together with its exit-code table, so that no kind can lack
/// a code or a meaning and the table cannot list a kind that does not exist.
macro_rules! kinds {
    ($($(#[$attr:meta])* $kind:ident => $code:literal, $meaning:literal;)*) => {
        /// What went wrong, which decides the exit code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind {
            $($(#[$attr])* $kind,)*
        }

        impl Kind {
            /// Every kind, in the order of the table.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind),*];

            pub const fn exit_code(self) -> i32 {
                match self {
                    $(Kind::$kind => $code,)*
                }
            }

            /// What the exit code means, in one line.
            pub const fn meaning(self) -> &'static str {
                match self {
                    $(Kind::$kind => $meaning,)*
                }
            }
        }
    };
}

kinds! {
    Failed => 1, "the operation failed: a gap found, or some bulk rows failed";
    /// Someone answered no at a confirmation; shown without `error:`.
    Cancelled => 1, "cancelled at a confirmation";
    Usage => 2, "usage: bad flags or values, invalid org URL, confirmation needed but impossible";
    NotFound => 3, "not found, or ambiguous: a user, group or app";
    Auth => 4, "authentication: no token, or Okta rejected it";
    Permission => 5, "permission denied: the token's admin lacks a role";
    RateLimited => 6, "rate limited: Okta still answered 429 after the allowed waiting";
    Network => 7, "network or server: connection, timeout, 5xx, an answer that is not Okta's JSON";
    /// A rule of the local policy file refused the change; nothing was sent.
    Policy => 8, "refused by policy: a rule of the local policy file (policy.toml) refused the change";
    Interrupted => 130, "interrupted by a signal; see the summary for what was done";
}

/// The exit-code table, one row per code: 0 first, then each code of the
/// kinds in order, the meanings of kinds that share a code joined by `; `.
pub fn exit_codes() -> Vec<(i32, String)> {
    let mut rows = vec![(0, SUCCESS.to_string())];
    for kind in Kind::ALL {
        let code = kind.exit_code();
        match rows.iter_mut().find(|(c, _)| *c == code) {
            Some((_, meaning)) => {
                meaning.push_str("; ");
                meaning.push_str(kind.meaning());
            }
            None => rows.push((code, kind.meaning().to_string())),
        }
    }
    rows
}

/// The table as the root command's long help shows it.
pub fn exit_codes_help() -> String {
    let mut out = String::from("Exit codes:\n");
    for (code, meaning) in exit_codes() {
        out.push_str(&format!("  {code:>3}  {meaning}\n"));
    }
    out
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
    /// Someone said no at a confirmation: `cancelled; nothing was changed`.
    pub fn cancelled(message: impl Into<String>) -> Self {
        Self::new(Kind::Cancelled, message)
    }
    /// A signal stopped the command part way.
    pub fn interrupted(message: impl Into<String>) -> Self {
        Self::new(Kind::Interrupted, message)
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

    /// The lines printed on stderr: `error: …` (a cancellation is no error
    /// and says only what happened), then `hint: …` lines.
    pub fn render(&self) -> String {
        let mut out = match self.kind {
            Kind::Cancelled | Kind::Interrupted => format!("{}\n", clean(&self.message)),
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
            (Kind::Cancelled, 1),
            (Kind::Usage, 2),
            (Kind::NotFound, 3),
            (Kind::Auth, 4),
            (Kind::Permission, 5),
            (Kind::RateLimited, 6),
            (Kind::Network, 7),
            (Kind::Policy, 8),
            (Kind::Interrupted, 130),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code);
        }
        assert_eq!(Kind::ALL.len(), table.len());
    }

    #[test]
    fn a_cancellation_is_not_shown_as_an_error() {
        let e = Error::cancelled("cancelled; nothing was changed").hint("h");
        assert_eq!(e.render(), "cancelled; nothing was changed\nhint: h\n");
        assert_eq!(e.exit_code(), 1);
        assert_eq!(Error::interrupted("x").exit_code(), 130);
    }

    /// The `| code | meaning |` rows of a document's `## Exit codes` table.
    fn documented(doc: &str) -> Vec<(i32, String)> {
        let section = doc
            .split("\n## Exit codes\n")
            .nth(1)
            .unwrap_or_else(|| panic!("no '## Exit codes' section"));
        section
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                Some((cells.get(1)?.parse().ok()?, cells.get(2)?.to_string()))
            })
            .collect()
    }

    #[test]
    fn documents_hold_the_exit_code_table() {
        let docs = [
            (
                "README.md",
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")),
            ),
            (
                "docs/cli.md",
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cli.md")),
            ),
        ];
        for (doc, text) in docs {
            let rows = documented(text);
            let codes: Vec<i32> = rows.iter().map(|(c, _)| *c).collect();
            let want: Vec<i32> = exit_codes().iter().map(|(c, _)| *c).collect();
            assert_eq!(codes, want, "{doc}: the exit codes in its table");
            let meaning_of = |code: i32| {
                rows.iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, m)| m.as_str())
                    .unwrap_or("")
            };
            assert!(
                meaning_of(0).contains(SUCCESS),
                "{doc}: code 0 lacks '{SUCCESS}'"
            );
            for kind in Kind::ALL {
                let (code, meaning) = (kind.exit_code(), kind.meaning());
                assert!(
                    meaning_of(code).contains(meaning),
                    "{doc}: code {code} lacks '{meaning}'"
                );
            }
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
        let mut e = Error::new(
            Kind::Permission,
            "PUT /api/v1/groups/g/users/u: Okta answered 403",
        );
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
