//! A code read back: Okta sends one by SMS, call or email (`POST …/verify`
//! without a body, `CHALLENGE`), or the employee's authenticator app shows
//! one (TOTP, no challenge); the caller reads it to the help desk, who types
//! it at the prompt (at a terminal), or a script gives it as one line of
//! stdin (never as an argument); then `{"passCode": …}` checks it. A wrong
//! code is 403 E0000068 (`wrong_code`). The code is never printed, logged
//! or written to the audit log.

use std::io::{BufRead, Read};

use zeroize::Zeroizing;

use super::record::Record;
use super::{settled, Factor, Verification};
use crate::context::Context;
use crate::error::{clean, Error, Kind, Result};
use crate::gate::Outcome;
use crate::okta::verify::Body;
use crate::okta::Client;

/// Bytes of stdin read for a code, at most.
const MAX_LINE: u64 = 256;

pub(super) fn code(
    ctx: &Context,
    client: &Client,
    rec: &mut Record<'_>,
    v: &mut Verification,
    kind: Factor,
) -> Result<()> {
    let factor = v.factor_id.clone().unwrap_or_default();
    if kind != Factor::Totp {
        rec.intent()?;
        match client.verify_factor(&v.user_id, &factor, Body::Challenge) {
            Ok(a) => {
                v.request_id.clone_from(&a.request_id);
                if let Some(done) = settled(&a.result, false) {
                    v.set(done.0, done.1);
                    return Ok(());
                }
                ctx.out.status(&sent(kind, &v.who, a.sent_to.as_deref()));
            }
            Err(e) => {
                v.request_id = e.request_id().map(str::to_string);
                v.set(Outcome::Failed, Some(e.context("sending the code")));
                return Ok(());
            }
        }
    } else {
        ctx.out.status(&format!(
            "ask {} for the code their authenticator app shows now",
            v.who
        ));
    }
    let typed = match read(ctx, &v.who) {
        Ok(Some(t)) => t,
        Ok(None) => {
            let e = Error::usage("no code was given; nothing was checked")
                .hint("at a terminal, type the code the caller reads out; in a script, give it as one line on stdin (never as an argument)");
            v.set(Outcome::Failed, Some(e));
            return Ok(());
        }
        Err(e) => {
            let o = match e.kind {
                Kind::Interrupted => Outcome::Cancelled,
                _ => Outcome::Failed,
            };
            v.set(o, Some(e));
            return Ok(());
        }
    };
    let Some(code) = normalise(&typed) else {
        let e = Error::failed(
            "what was read back is not a code (4 to 10 digits); it was not sent to Okta",
        );
        v.set(Outcome::WrongCode, Some(e));
        return Ok(());
    };
    if kind == Factor::Totp {
        rec.intent()?;
    }
    match client.verify_factor(&v.user_id, &factor, Body::Code(&code)) {
        Ok(a) => {
            v.request_id.clone_from(&a.request_id);
            let done = settled(&a.result, true).unwrap_or_else(|| {
                let e = Error::failed(format!(
                    "Okta answered factorResult {} to the code",
                    clean(&a.result)
                ));
                (Outcome::Failed, Some(e))
            });
            v.set(done.0, done.1);
        }
        Err(e) => {
            v.request_id = e.request_id().map(str::to_string);
            let (o, e) = match e.error_code() {
                Some("E0000068") => (
                    Outcome::WrongCode,
                    e.why("Okta says the code is not the one it sent (E0000068)"),
                ),
                Some("E0000069") => {
                    let mut e =
                        e.why("Okta locked this factor after too many wrong codes (E0000069)");
                    e.kind = Kind::Failed;
                    (Outcome::Failed, e)
                }
                _ => (Outcome::Failed, e.context("checking the code")),
            };
            v.set(o, Some(e));
        }
    }
    Ok(())
}

/// Where the code went, without the whole number or address.
fn sent(kind: Factor, user: &str, to: Option<&str>) -> String {
    let to = to.map(mask).unwrap_or_else(|| "the user".into());
    let how = match kind {
        Factor::Sms => format!("a code was sent by SMS to {to}"),
        Factor::Call => format!("Okta is calling {to} to read out a code"),
        _ => format!("a code was emailed to {to}"),
    };
    format!("{how}: ask {user} to read it back")
}

/// `+12532236986` → `…6986`; `jane@acme.com` → `j…@acme.com`.
fn mask(to: &str) -> String {
    let to = clean(to);
    match to.split_once('@') {
        Some((name, domain)) => {
            let first: String = name.chars().take(1).collect();
            format!("{first}…@{domain}")
        }
        None => {
            let digits: Vec<char> = to.chars().filter(char::is_ascii_digit).collect();
            let tail: String = digits[digits.len().saturating_sub(4)..].iter().collect();
            format!("…{tail}")
        }
    }
}

/// Spaces and dashes dropped (people read `123 456`); 4 to 10 digits.
fn normalise(typed: &str) -> Option<Zeroizing<String>> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let ok = (4..=10).contains(&code.len()) && code.chars().all(|c| c.is_ascii_digit());
    ok.then(|| Zeroizing::new(code))
}

/// The code: at a terminal, asked for (typed visibly: a code read out
/// loud is no secret from the person typing it); else one line of stdin.
/// `None`: nothing given. Ctrl-C at the prompt: `Err` (interrupted).
fn read(ctx: &Context, user: &str) -> Result<Option<Zeroizing<String>>> {
    let typed = if ctx.out.term.interactive() {
        crate::prompt::discard_typeahead();
        let asked = dialoguer::Input::<String>::new()
            .with_prompt(format!("Code {} reads back", clean(user)))
            .allow_empty(true)
            .report(false)
            .interact_text();
        match asked {
            Ok(s) => Zeroizing::new(s),
            Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
                // The prompt's line is left unfinished.
                ctx.out.err.line("");
                return Err(crate::interrupt::error("cancelled at the code prompt"));
            }
            Err(e) => return Err(Error::usage(format!("cannot ask for the code: {e}"))),
        }
    } else {
        ctx.out.status("reading the code from stdin (one line)");
        let mut line = Zeroizing::new(String::new());
        std::io::stdin()
            .lock()
            .take(MAX_LINE)
            .read_line(&mut line)
            .map_err(|e| Error::usage(format!("cannot read the code from stdin: {e}")))?;
        line
    };
    Ok((!typed.trim().is_empty()).then_some(typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_as_people_read_them() {
        let n = |s: &str| normalise(s).map(|c| c.to_string());
        assert_eq!(n("123456"), Some("123456".into()));
        assert_eq!(n(" 123 456\n"), Some("123456".into()));
        assert_eq!(n("123-456"), Some("123456".into()));
        for bad in ["", "123", "12345678901", "12a456", "１２３４５６"] {
            assert_eq!(n(bad), None, "{bad}");
        }
    }

    #[test]
    fn where_it_went_is_masked() {
        assert_eq!(mask("+12532236986"), "…6986");
        assert_eq!(mask("jane.doe@acme.com"), "j…@acme.com");
        assert_eq!(mask("12"), "…12");
        assert!(sent(Factor::Sms, "jane", Some("+12532236986")).contains("SMS to …6986"));
    }
}
