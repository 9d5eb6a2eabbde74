//! The yes/no question before a change, asked so that no stray key can
//! answer it.
//!
//! A one-key prompt acts on whatever arrives first: a `y` typed while the
//! identity card was still loading, or the `y` of `yes` (whose `es` then
//! ends up in the shell). Here, at a terminal:
//!
//! - anything typed before the question appeared is discarded (the
//!   terminal's input queue is flushed, `tcflush(TCIFLUSH)`);
//! - the question is printed once, on stderr, as `PROMPT [y/N] `, and the
//!   answer is a typed line that counts only after Enter; characters are
//!   echoed, Backspace (and Ctrl-U) edit, and the line is never redrawn;
//! - Ctrl-C, Ctrl-D and Esc cancel. The terminal is put in non-canonical
//!   mode without signals for the question, so Ctrl-C arrives as a byte
//!   rather than a SIGINT, and the terminal's modes are restored on every
//!   way out (a guard's `Drop`). Input typed after the answer is discarded
//!   as well, so none of it reaches the shell afterwards.
//!
//! [`confirm`] takes `y` or `yes` (any case, spaces around ignored) as yes;
//! [`confirm_typed`] wants an exact text, such as the number of rows of a
//! bulk change. Everything else, an empty line, or the end of input, is no.
//!
//! Keep the question short: longer explanations belong on lines printed
//! above it. A question too long for the terminal's width is printed on its
//! own, with `[y/N] ` on the line below, and the answer is limited to what
//! fits on that line, so the line never wraps.
//!
//! Outside Unix the question is read as a plain line from standard input
//! (it still needs Enter), without discarding earlier input.

use unicode_width::UnicodeWidthChar;

use crate::error::{clean, Error, Result};

/// What the person answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// They typed the confirming text and pressed Enter.
    Yes,
    /// Anything else and Enter, or the end of input.
    No,
    /// Ctrl-C, Ctrl-D or Esc at the question.
    Cancelled,
}

/// Ask a yes/no question at the terminal (default no): `y` or `yes` and
/// Enter is yes. Errors when standard input is not a terminal.
pub fn confirm(prompt: &str) -> Result<Answer> {
    ask(&Question {
        prompt,
        choices: "[y/N]".to_string(),
        room: "yes".len(),
        judge: &yes_or_no,
    })
}

/// Ask for a confirming text at the terminal: yes only when the person
/// typed exactly `expected` (spaces around it ignored) and pressed Enter.
/// An empty `expected` can never be confirmed.
pub fn confirm_typed(prompt: &str, expected: &str) -> Result<Answer> {
    let judge = |typed: &str| typed_exactly(typed, expected);
    ask(&Question {
        prompt,
        choices: format!("[type {} to confirm]", clean(expected)),
        room: width(expected),
        judge: &judge,
    })
}

/// `y` or `yes`, in any case, with spaces around: yes; anything else: no.
pub fn yes_or_no(typed: &str) -> Answer {
    let t = typed.trim();
    if t.eq_ignore_ascii_case("y") || t.eq_ignore_ascii_case("yes") {
        Answer::Yes
    } else {
        Answer::No
    }
}

/// Exactly `expected` (spaces around ignored): yes; anything else: no.
pub fn typed_exactly(typed: &str, expected: &str) -> Answer {
    let expected = expected.trim();
    if !expected.is_empty() && typed.trim() == expected {
        Answer::Yes
    } else {
        Answer::No
    }
}

/// Discard whatever was typed at the terminal but not read yet, before
/// another kind of question (a picker) is shown. Does nothing when standard
/// input is not a terminal, or outside Unix.
pub fn discard_typeahead() {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let stdin = std::io::stdin();
        let input = stdin.as_fd();
        if rustix::termios::isatty(input) {
            // If this fails the old input stays, as it did before.
            let _ = rustix::termios::tcflush(input, rustix::termios::QueueSelector::IFlush);
        }
    }
}

/// What [`read_key`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// One of the keys asked for, lower case.
    Char(char),
    /// Ctrl-C, Ctrl-D, Esc, or the end of input.
    Quit,
}

/// What one read of the terminal held, for [`read_key`].
#[derive(Debug, PartialEq, Eq)]
enum Pressed {
    Key(Key),
    /// An Esc byte alone: the Esc key, unless the rest of a sequence follows.
    Escape,
    /// Nothing asked for (another key, an arrow key's sequence).
    Nothing,
}

/// The first key of `keys` (ASCII, any case) in what one read held; an
/// arrow or function key arrives as one sequence starting with Esc and is
/// ignored whole.
fn pressed(chunk: &[u8], keys: &str) -> Pressed {
    match chunk {
        [0x1b] => return Pressed::Escape,
        [0x1b, ..] => return Pressed::Nothing,
        _ => {}
    }
    for &byte in chunk {
        match byte {
            0x03 | 0x04 => return Pressed::Key(Key::Quit),
            // Esc and then something: Alt with a key, or a sequence.
            0x1b => return Pressed::Nothing,
            b if b.is_ascii_graphic() => {
                let c = char::from(b.to_ascii_lowercase());
                if keys.contains(c) {
                    return Pressed::Key(Key::Char(c));
                }
            }
            _ => {}
        }
    }
    Pressed::Nothing
}

/// One key at the terminal, no Enter needed, for a menu of one-key
/// choices (`triage`): what was typed before the prompt appeared is
/// discarded, `prompt` is printed on stderr, keys not in `keys` are ignored
/// (and not echoed), the key taken is echoed. Ctrl-C, Ctrl-D, Esc and the
/// end of input are [`Key::Quit`]. The terminal's modes are restored on
/// every way out, and keys typed after the answer are discarded. Errors
/// when standard input is not a terminal. Outside Unix: a line is read, and
/// its first key of `keys` counts.
pub fn read_key(prompt: &str, keys: &str) -> Result<Key> {
    read_key_at(&clean(prompt), keys)
}

struct Question<'a> {
    prompt: &'a str,
    /// `[y/N]`, shown after the prompt.
    choices: String,
    /// Columns the expected answer needs.
    room: usize,
    judge: &'a dyn Fn(&str) -> Answer,
}

/// The columns a text takes at a terminal.
fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// What to print for a question at a terminal `columns` wide, and how many
/// columns the typed answer may take so that the line never wraps.
fn layout(prompt: &str, choices: &str, room: usize, columns: usize) -> (String, usize) {
    let prompt = clean(prompt.trim());
    let one_line = if prompt.is_empty() {
        format!("{choices} ")
    } else {
        format!("{prompt} {choices} ")
    };
    // Leave the last column free: a character there wraps on some terminals.
    let wanted = room.max(3) + 1;
    let used = width(&one_line);
    if used + wanted <= columns || prompt.is_empty() {
        let left = columns.saturating_sub(used + 1);
        return (one_line, left.max(wanted - 1));
    }
    let second = format!("{choices} ");
    let left = columns.saturating_sub(width(&second) + 1);
    (format!("{prompt}\n{second}"), left.max(wanted - 1))
}

/// What a key did to the answer being typed.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// Nothing to show (an ignored key, or part of a longer sequence).
    Nothing,
    /// Text to write to the terminal: an echoed character, or erasing.
    Show(String),
    /// Enter: the answer is complete.
    Enter,
    /// Ctrl-C, Ctrl-D or Esc.
    Cancel,
}

/// Where the editor is within a terminal escape sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Escape {
    None,
    /// An Esc byte, alone so far.
    Start,
    /// `Esc [` and its parameters (an arrow or function key).
    Csi,
    /// `Esc O`, then one more byte (an arrow key in application mode).
    Ss3,
}

/// The answer line being typed, fed one byte at a time.
#[derive(Debug)]
struct Line {
    /// The typed characters, with the columns each takes.
    typed: Vec<(char, usize)>,
    /// Columns the answer may take.
    limit: usize,
    escape: Escape,
    /// The first bytes of a character of several bytes.
    partial: Vec<u8>,
}

const ERASE: &str = "\x08 \x08";

impl Line {
    fn new(limit: usize) -> Line {
        Line {
            typed: Vec::new(),
            limit,
            escape: Escape::None,
            partial: Vec::new(),
        }
    }

    fn text(&self) -> String {
        self.typed.iter().map(|(c, _)| c).collect()
    }

    fn columns(&self) -> usize {
        self.typed.iter().map(|(_, w)| w).sum()
    }

    /// An Esc that nothing followed yet: a lone Esc key unless more comes.
    fn waiting_after_escape(&self) -> bool {
        self.escape == Escape::Start
    }

    fn feed(&mut self, byte: u8) -> Step {
        match self.escape {
            Escape::Start => {
                return match byte {
                    b'[' => {
                        self.escape = Escape::Csi;
                        Step::Nothing
                    }
                    b'O' => {
                        self.escape = Escape::Ss3;
                        Step::Nothing
                    }
                    // Esc and then a key, or Alt with a key: cancel anyway.
                    _ => Step::Cancel,
                };
            }
            Escape::Csi => {
                // Parameters and intermediates go on; a final byte ends it.
                if !(0x20..=0x3f).contains(&byte) {
                    self.escape = Escape::None;
                }
                return Step::Nothing;
            }
            Escape::Ss3 => {
                self.escape = Escape::None;
                return Step::Nothing;
            }
            Escape::None => {}
        }
        if byte >= 0x80 || !self.partial.is_empty() {
            return self.feed_multibyte(byte);
        }
        match byte {
            // Ctrl-C, Ctrl-D.
            0x03 | 0x04 => Step::Cancel,
            0x1b => {
                self.escape = Escape::Start;
                Step::Nothing
            }
            b'\r' | b'\n' => Step::Enter,
            // Backspace (DEL or Ctrl-H).
            0x7f | 0x08 => match self.typed.pop() {
                Some((_, w)) => Step::Show(ERASE.repeat(w)),
                None => Step::Nothing,
            },
            // Ctrl-U: erase the whole answer.
            0x15 => {
                let columns = self.columns();
                self.typed.clear();
                if columns == 0 {
                    Step::Nothing
                } else {
                    Step::Show(ERASE.repeat(columns))
                }
            }
            0x00..=0x1f => Step::Nothing,
            _ => self.push(char::from(byte)),
        }
    }

    fn feed_multibyte(&mut self, byte: u8) -> Step {
        self.partial.push(byte);
        match std::str::from_utf8(&self.partial) {
            Ok(s) => {
                let c = s.chars().next();
                self.partial.clear();
                match c {
                    Some(c) => self.push(c),
                    None => Step::Nothing,
                }
            }
            // Not complete yet.
            Err(e) if e.error_len().is_none() && self.partial.len() < 4 => Step::Nothing,
            Err(_) => {
                self.partial.clear();
                Step::Nothing
            }
        }
    }

    fn push(&mut self, c: char) -> Step {
        // Zero-width and control characters could not be erased cleanly.
        let w = match c.width() {
            Some(w) if w > 0 && !c.is_control() => w,
            _ => return Step::Nothing,
        };
        if self.columns() + w > self.limit {
            return Step::Nothing;
        }
        self.typed.push((c, w));
        Step::Show(c.to_string())
    }
}

fn cannot_ask(e: impl std::fmt::Display) -> Error {
    Error::usage(format!("cannot ask for confirmation: {e}"))
}

#[cfg(unix)]
fn ask(q: &Question) -> Result<Answer> {
    use std::io::Write;
    use std::os::fd::AsFd;
    use std::time::Duration;

    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    use rustix::io::Errno;
    use rustix::termios::{tcflush, tcgetwinsize, QueueSelector};

    // How long after an Esc the rest of a key's sequence may take to arrive.
    const ESCAPE_WAIT: Duration = Duration::from_millis(50);

    let stdin = std::io::stdin();
    let input = stdin.as_fd();
    if !rustix::termios::isatty(input) {
        return Err(cannot_ask("standard input is not a terminal"));
    }
    let stderr = std::io::stderr();
    let columns = tcgetwinsize(stderr.as_fd())
        .ok()
        .map(|w| usize::from(w.ws_col))
        .filter(|&c| c > 0)
        .unwrap_or(80);
    let (text, limit) = layout(q.prompt, &q.choices, q.room, columns);

    let _restore = Unbuffered::enter(input)?;
    // Whatever was typed before the question appeared is not an answer.
    tcflush(input, QueueSelector::IFlush).map_err(cannot_ask)?;
    let mut out = stderr.lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(cannot_ask)?;

    let mut line = Line::new(limit);
    let mut buf = [0u8; 64];
    let answer = 'read: loop {
        let n = match rustix::io::read(input, &mut buf) {
            Ok(n) => n,
            Err(Errno::INTR) => continue,
            Err(e) => return Err(cannot_ask(e)),
        };
        if n == 0 {
            break Answer::No;
        }
        for &byte in buf.iter().take(n) {
            match line.feed(byte) {
                Step::Nothing => {}
                Step::Show(s) => out
                    .write_all(s.as_bytes())
                    .and_then(|_| out.flush())
                    .map_err(cannot_ask)?,
                Step::Enter => break 'read (q.judge)(&line.text()),
                Step::Cancel => break 'read Answer::Cancelled,
            }
        }
        if line.waiting_after_escape() {
            // A key's sequence arrives at once; an Esc key comes alone.
            let wait = Timespec::try_from(ESCAPE_WAIT).map_err(cannot_ask)?;
            let mut fds = [PollFd::new(&input, PollFlags::IN)];
            match poll(&mut fds, Some(&wait)) {
                Ok(0) => break Answer::Cancelled,
                Ok(_) | Err(Errno::INTR) => {}
                Err(e) => return Err(cannot_ask(e)),
            }
        }
    };
    out.write_all(b"\r\n")
        .and_then(|_| out.flush())
        .map_err(cannot_ask)?;
    Ok(answer)
}

/// The terminal without line editing, echo or signal keys, for one
/// question; dropping it restores the saved modes and discards any input
/// typed after the answer.
#[cfg(unix)]
struct Unbuffered<'a> {
    fd: std::os::fd::BorrowedFd<'a>,
    saved: rustix::termios::Termios,
}

#[cfg(unix)]
impl<'a> Unbuffered<'a> {
    fn enter(fd: std::os::fd::BorrowedFd<'a>) -> Result<Unbuffered<'a>> {
        use rustix::termios::{
            tcgetattr, tcsetattr, InputModes, LocalModes, OptionalActions, SpecialCodeIndex,
        };

        let saved = tcgetattr(fd).map_err(cannot_ask)?;
        let mut mode = saved.clone();
        mode.local_modes -=
            LocalModes::ICANON | LocalModes::ECHO | LocalModes::ECHONL | LocalModes::ISIG;
        mode.local_modes -= LocalModes::IEXTEN;
        // Enter must arrive, and Ctrl-S must not freeze the screen.
        mode.input_modes -= InputModes::IGNCR | InputModes::IXON;
        mode.special_codes[SpecialCodeIndex::VMIN] = 1;
        mode.special_codes[SpecialCodeIndex::VTIME] = 0;
        tcsetattr(fd, OptionalActions::Now, &mode).map_err(cannot_ask)?;
        Ok(Unbuffered { fd, saved })
    }
}

#[cfg(unix)]
impl Drop for Unbuffered<'_> {
    fn drop(&mut self) {
        use rustix::termios::{tcsetattr, OptionalActions};
        // Nothing better to do if this fails: the terminal may be gone.
        let _ = tcsetattr(self.fd, OptionalActions::Flush, &self.saved);
    }
}

#[cfg(unix)]
fn read_key_at(prompt: &str, keys: &str) -> Result<Key> {
    use std::io::Write;
    use std::os::fd::AsFd;
    use std::time::Duration;

    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    use rustix::io::Errno;
    use rustix::termios::{tcflush, QueueSelector};

    const ESCAPE_WAIT: Duration = Duration::from_millis(50);

    let stdin = std::io::stdin();
    let input = stdin.as_fd();
    if !rustix::termios::isatty(input) {
        return Err(cannot_ask("standard input is not a terminal"));
    }
    let _restore = Unbuffered::enter(input)?;
    tcflush(input, QueueSelector::IFlush).map_err(cannot_ask)?;
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    out.write_all(prompt.as_bytes())
        .and_then(|_| out.flush())
        .map_err(cannot_ask)?;
    let mut buf = [0u8; 64];
    let key = loop {
        let n = match rustix::io::read(input, &mut buf) {
            Ok(n) => n,
            Err(Errno::INTR) => continue,
            Err(e) => return Err(cannot_ask(e)),
        };
        if n == 0 {
            break Key::Quit;
        }
        match pressed(buf.get(..n).unwrap_or_default(), keys) {
            Pressed::Key(k) => break k,
            Pressed::Nothing => {}
            Pressed::Escape => {
                // A key's sequence arrives at once; an Esc key comes alone.
                let wait = Timespec::try_from(ESCAPE_WAIT).map_err(cannot_ask)?;
                let mut fds = [PollFd::new(&input, PollFlags::IN)];
                match poll(&mut fds, Some(&wait)) {
                    Ok(0) => break Key::Quit,
                    // The rest of the sequence: read and ignored.
                    Ok(_) => {
                        let _ = rustix::io::read(input, &mut buf);
                    }
                    Err(Errno::INTR) => {}
                    Err(e) => return Err(cannot_ask(e)),
                }
            }
        }
    };
    let echo = match key {
        Key::Char(c) => format!("{c}\r\n"),
        Key::Quit => "\r\n".to_string(),
    };
    out.write_all(echo.as_bytes())
        .and_then(|_| out.flush())
        .map_err(cannot_ask)?;
    Ok(key)
}

#[cfg(not(unix))]
fn read_key_at(prompt: &str, keys: &str) -> Result<Key> {
    use std::io::{IsTerminal, Write};

    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(cannot_ask("standard input is not a terminal"));
    }
    let mut err = std::io::stderr();
    err.write_all(prompt.as_bytes())
        .and_then(|_| err.flush())
        .map_err(cannot_ask)?;
    loop {
        let mut typed = String::new();
        match stdin.read_line(&mut typed) {
            Ok(0) => return Ok(Key::Quit),
            Ok(_) => {
                if let Pressed::Key(k) = pressed(typed.trim().as_bytes(), keys) {
                    return Ok(k);
                }
            }
            Err(e) => return Err(cannot_ask(e)),
        }
    }
}

#[cfg(not(unix))]
fn ask(q: &Question) -> Result<Answer> {
    use std::io::{IsTerminal, Write};

    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(cannot_ask("standard input is not a terminal"));
    }
    let (text, _) = layout(q.prompt, &q.choices, q.room, 80);
    let mut err = std::io::stderr();
    err.write_all(text.as_bytes())
        .and_then(|_| err.flush())
        .map_err(cannot_ask)?;
    let mut typed = String::new();
    match stdin.read_line(&mut typed) {
        Ok(0) => Ok(Answer::No),
        Ok(_) => Ok((q.judge)(&typed)),
        Err(e) => Err(cannot_ask(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(line: &mut Line, bytes: &[u8]) -> Vec<Step> {
        bytes.iter().map(|&b| line.feed(b)).collect()
    }

    #[test]
    fn y_and_yes_in_any_case_are_yes() {
        for typed in ["y", "Y", "yes", "YES", "Yes", "yEs", "  y ", " yes\t"] {
            assert_eq!(yes_or_no(typed), Answer::Yes, "{typed:?}");
        }
    }

    #[test]
    fn everything_else_is_no() {
        for typed in [
            "", " ", "n", "no", "N", "ye", "yess", "y es", "yes!", "ja", "1", "oui", "yy",
        ] {
            assert_eq!(yes_or_no(typed), Answer::No, "{typed:?}");
        }
    }

    #[test]
    fn a_typed_confirmation_must_match_exactly() {
        assert_eq!(typed_exactly("200", "200"), Answer::Yes);
        assert_eq!(typed_exactly(" 200 ", "200"), Answer::Yes);
        for typed in ["20", "2000", "y", "yes", "", "200 rows", "２００"] {
            assert_eq!(typed_exactly(typed, "200"), Answer::No, "{typed:?}");
        }
        assert_eq!(typed_exactly("Figma", "figma"), Answer::No);
    }

    #[test]
    fn an_empty_expected_text_is_never_confirmed() {
        assert_eq!(typed_exactly("", ""), Answer::No);
        assert_eq!(typed_exactly("  ", " "), Answer::No);
        assert_eq!(typed_exactly("y", ""), Answer::No);
    }

    #[test]
    fn characters_are_echoed_and_enter_ends_the_line() {
        let mut line = Line::new(10);
        let steps = feed(&mut line, b"yes");
        assert_eq!(
            steps,
            vec![
                Step::Show("y".into()),
                Step::Show("e".into()),
                Step::Show("s".into())
            ]
        );
        assert_eq!(line.feed(b'\r'), Step::Enter);
        assert_eq!(line.text(), "yes");
        assert_eq!(Line::new(10).feed(b'\n'), Step::Enter);
    }

    #[test]
    fn backspace_erases_the_last_character() {
        let mut line = Line::new(10);
        feed(&mut line, b"yx");
        assert_eq!(line.feed(0x7f), Step::Show(ERASE.into()));
        assert_eq!(line.text(), "y");
        assert_eq!(line.feed(0x08), Step::Show(ERASE.into()));
        assert_eq!(line.feed(0x7f), Step::Nothing);
        assert_eq!(line.text(), "");
    }

    #[test]
    fn ctrl_u_erases_the_whole_answer() {
        let mut line = Line::new(10);
        feed(&mut line, b"nope");
        assert_eq!(line.feed(0x15), Step::Show(ERASE.repeat(4)));
        assert_eq!(line.text(), "");
        assert_eq!(line.feed(0x15), Step::Nothing);
    }

    #[test]
    fn ctrl_c_and_ctrl_d_cancel() {
        let mut line = Line::new(10);
        feed(&mut line, b"ye");
        assert_eq!(line.feed(0x03), Step::Cancel);
        assert_eq!(Line::new(10).feed(0x04), Step::Cancel);
    }

    #[test]
    fn esc_alone_waits_then_esc_with_another_key_cancels() {
        let mut line = Line::new(10);
        assert_eq!(line.feed(0x1b), Step::Nothing);
        assert!(line.waiting_after_escape());
        assert_eq!(line.feed(b'y'), Step::Cancel);
    }

    #[test]
    fn arrow_and_function_keys_are_ignored() {
        let mut line = Line::new(10);
        feed(&mut line, b"y");
        for key in [&b"\x1b[D"[..], b"\x1b[3~", b"\x1b[1;5C", b"\x1bOA"] {
            assert!(feed(&mut line, key).iter().all(|s| *s == Step::Nothing));
            assert!(!line.waiting_after_escape());
        }
        assert_eq!(line.feed(b'e'), Step::Show("e".into()));
        assert_eq!(line.text(), "ye");
    }

    #[test]
    fn other_control_characters_are_ignored() {
        let mut line = Line::new(10);
        assert!(feed(&mut line, b"\t\x01\x1a\x00")
            .iter()
            .all(|s| *s == Step::Nothing));
        assert_eq!(line.text(), "");
    }

    #[test]
    fn characters_of_several_bytes_are_put_together() {
        let mut line = Line::new(10);
        let steps = feed(&mut line, "é日".as_bytes());
        assert_eq!(
            steps,
            vec![
                Step::Nothing,
                Step::Show("é".into()),
                Step::Nothing,
                Step::Nothing,
                Step::Show("日".into())
            ]
        );
        // A wide character takes two columns to erase.
        assert_eq!(line.feed(0x7f), Step::Show(ERASE.repeat(2)));
        assert_eq!(line.text(), "é");
        // Invalid bytes are dropped.
        assert_eq!(line.feed(0xff), Step::Nothing);
        assert_eq!(line.feed(b'x'), Step::Show("x".into()));
        assert_eq!(line.text(), "éx");
    }

    #[test]
    fn the_answer_stops_at_its_limit() {
        let mut line = Line::new(3);
        feed(&mut line, b"abcdef");
        assert_eq!(line.text(), "abc");
        assert_eq!(line.feed(b'g'), Step::Nothing);
        line.feed(0x7f);
        assert_eq!(line.feed(b'z'), Step::Show("z".into()));
    }

    #[test]
    fn a_short_question_is_one_line() {
        let (text, limit) = layout("Reset the password of jane?", "[y/N]", 3, 80);
        assert_eq!(text, "Reset the password of jane? [y/N] ");
        assert_eq!(limit, 80 - text.len() - 1);
    }

    #[test]
    fn a_long_question_puts_the_choices_on_the_next_line() {
        let prompt = "Reset the password of Jane Doe (jane.doe@acme.com): have Okta email a reset link, and end all sessions?";
        let (text, limit) = layout(prompt, "[y/N]", 3, 80);
        assert_eq!(text, format!("{prompt}\n[y/N] "));
        assert_eq!(limit, 80 - "[y/N] ".len() - 1);
    }

    #[test]
    fn a_narrow_terminal_still_leaves_room_for_the_answer() {
        let (text, limit) = layout("Go?", "[type 12345 to confirm]", 5, 10);
        assert!(text.ends_with("\n[type 12345 to confirm] "), "{text:?}");
        assert_eq!(limit, 5);
    }

    #[test]
    fn control_characters_in_the_question_are_shown_escaped() {
        let (text, _) = layout("Remove \x1b[31mx\x1b[0m?", "[y/N]", 3, 80);
        assert!(!text.contains('\x1b'), "{text:?}");
    }

    #[test]
    fn a_key_asked_for_counts_in_any_case_and_others_are_ignored() {
        assert_eq!(pressed(b"u", "uslq"), Pressed::Key(Key::Char('u')));
        assert_eq!(pressed(b"S", "uslq"), Pressed::Key(Key::Char('s')));
        assert_eq!(pressed(b"xz", "uslq"), Pressed::Nothing);
        assert_eq!(pressed(b"xq", "uslq"), Pressed::Key(Key::Char('q')));
        assert_eq!(pressed(b"\r\n ", "uslq"), Pressed::Nothing);
    }

    #[test]
    fn ctrl_c_ctrl_d_and_esc_quit_but_arrow_keys_do_not() {
        assert_eq!(pressed(b"\x03", "u"), Pressed::Key(Key::Quit));
        assert_eq!(pressed(b"\x04", "u"), Pressed::Key(Key::Quit));
        assert_eq!(pressed(b"\x1b", "u"), Pressed::Escape);
        for seq in [&b"\x1b[A"[..], b"\x1b[3~", b"\x1bOB", b"\x1bu"] {
            assert_eq!(pressed(seq, "u"), Pressed::Nothing, "{seq:?}");
        }
    }
}
