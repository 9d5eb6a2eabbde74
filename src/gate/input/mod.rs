//! The bytes of `--from`, read within bounds: a file, or `-` for stdin, of
//! at most 64 MiB, in lines of at most 64 KiB, UTF-8 without NUL bytes.
//! The limits are checked as the bytes stream in, so `/dev/zero` or a file
//! of one endless line stops at the first limit it passes, never after
//! filling memory. Directories and named pipes are refused before they are
//! opened: opening a pipe that has no writer waits for ever.

use std::io::{ErrorKind, Read};
use std::path::Path;

use crate::error::{Error, Result};

mod rows;
pub use rows::parse;

/// The most bytes `--from` may hold.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// The longest line (and CSV record) `--from` may hold, in bytes.
pub const MAX_LINE: usize = 64 * 1024;
/// The most users one run takes (USER arguments and rows together): each
/// row is planned and held in memory before the first change.
pub const MAX_ROWS: usize = 100_000;

/// Bounds of one read (tests use small ones).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub bytes: u64,
    pub line: usize,
}

impl Limits {
    pub const FROM: Limits = Limits {
        bytes: MAX_BYTES,
        line: MAX_LINE,
    };
}

/// The text of `--from PATH`; `-` reads stdin.
pub fn read(path: &Path) -> Result<String> {
    if path == Path::new("-") {
        return read_bounded(std::io::stdin().lock(), "stdin", Limits::FROM);
    }
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| cannot(&name, &e))?;
    refuse_kind(&name, &meta)?;
    let file = std::fs::File::open(path).map_err(|e| cannot(&name, &e))?;
    read_bounded(file, &name, Limits::FROM)
}

/// A directory, a named pipe or a socket is no file of users. Character
/// devices (`/dev/zero`) are read, within the limits.
fn refuse_kind(name: &str, meta: &std::fs::Metadata) -> Result<()> {
    if meta.is_dir() {
        return Err(
            Error::usage(format!("cannot read users from {name}: it is a directory"))
                .hint("pass a file of users, or `--from -` to read them from stdin"),
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() || kind.is_socket() {
            return Err(Error::usage(format!(
                "cannot read users from {name}: it is a named pipe or socket, which oktactl does not open (with no writer, opening it waits for ever)"
            ))
            .hint("send the users on stdin and pass `--from -`, e.g. `producer | oktactl … --from -`"));
        }
    }
    Ok(())
}

fn cannot(name: &str, e: &std::io::Error) -> Error {
    Error::usage(format!("cannot read users from {name}: {e}"))
}

/// Read `r` to the end within `limits`, checking each line as it ends:
/// UTF-8, no NUL byte. Lines end at `\n`, `\r\n` or a lone `\r`.
pub fn read_bounded(r: impl Read, name: &str, limits: Limits) -> Result<String> {
    let mut r = r.take(limits.bytes.saturating_add(1));
    let mut text: Vec<u8> = Vec::new();
    // A chunk a byte longer than a line: an endless line stops at the first.
    let mut chunk = vec![0u8; limits.line.saturating_add(1).min(1 << 20)];
    let mut line = 1usize;
    let mut start = 0usize;
    let mut prev = 0u8;
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot(name, &e)),
        };
        if (text.len() + n) as u64 > limits.bytes {
            return Err(too_large(name, limits.bytes));
        }
        let from = text.len();
        text.extend_from_slice(chunk.get(..n).unwrap_or_default());
        for (k, &b) in text.get(from..).unwrap_or_default().iter().enumerate() {
            let i = from + k;
            if b == b'\n' || b == b'\r' {
                if !(b == b'\n' && prev == b'\r') {
                    check_line(name, line, text.get(start..i).unwrap_or_default(), limits)?;
                    line += 1;
                }
                start = i + 1;
            }
            prev = b;
        }
        if text.len() - start > limits.line {
            return Err(too_long(name, line, limits.line));
        }
    }
    check_line(name, line, text.get(start..).unwrap_or_default(), limits)?;
    String::from_utf8(text).map_err(|_| not_utf8(name, line, false))
}

/// One line's checks, in the order a reader can fix them.
fn check_line(name: &str, line: usize, bytes: &[u8], limits: Limits) -> Result<()> {
    if bytes.len() > limits.line {
        return Err(too_long(name, line, limits.line));
    }
    if std::str::from_utf8(bytes).is_err() {
        let utf16 = line == 1 && (bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff"));
        return Err(not_utf8(name, line, utf16));
    }
    if bytes.contains(&0) {
        return Err(Error::usage(format!(
            "cannot read users from {name}: line {line} holds a NUL byte; this is not a text file"
        ))
        .hint("pass a text file: one user per line, or CSV"));
    }
    Ok(())
}

fn too_large(name: &str, limit: u64) -> Error {
    Error::usage(format!(
        "cannot read users from {name}: it is larger than {}, the limit for --from",
        size(limit as usize)
    ))
    .hint(format!(
        "split the users into files of under {} and run once per file",
        size(limit as usize)
    ))
}

fn too_long(name: &str, line: usize, limit: usize) -> Error {
    Error::usage(format!(
        "cannot read users from {name}: line {line} is longer than {}, the limit for one row",
        size(limit)
    ))
    .hint("is this the right file? Each row names one user")
}

fn not_utf8(name: &str, line: usize, utf16: bool) -> Error {
    let e = Error::usage(format!(
        "cannot read users from {name}: line {line} is not UTF-8 text"
    ));
    if utf16 {
        e.hint("the file looks like UTF-16: save it as UTF-8 (Excel: \"CSV UTF-8\")")
    } else {
        e.hint("save the file as UTF-8 (Excel: \"CSV UTF-8\")")
    }
}

/// `65536` → `64 KiB`, `67108864` → `64 MiB`.
pub fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limits = Limits { bytes: 64, line: 8 };

    fn read(bytes: &[u8]) -> Result<String> {
        read_bounded(bytes, "f", SMALL)
    }

    #[test]
    fn text_within_the_limits_comes_back_whole() {
        assert_eq!(read(b"a@x\r\nb@x\rc@x\n").unwrap(), "a@x\r\nb@x\rc@x\n");
        assert_eq!(read(b"").unwrap(), "");
        assert_eq!(read(b"12345678").unwrap(), "12345678");
    }

    #[test]
    fn the_limits_are_named() {
        let e = read("a@x\n".repeat(17).as_bytes()).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("larger than 64 bytes"), "{}", e.message);
        let e = read(b"ok\n123456789\n").unwrap_err();
        assert!(
            e.message.contains("line 2 is longer than 8 bytes"),
            "{}",
            e.message
        );
        // An endless line stops at the limit, with no terminator in sight.
        let e = read_bounded(std::io::repeat(0), "/dev/zero", SMALL).unwrap_err();
        assert!(e.message.contains("line 1 is longer"), "{}", e.message);
        let e = read_bounded(std::io::repeat(b'\n'), "f", SMALL).unwrap_err();
        assert!(e.message.contains("larger than"), "{}", e.message);
        assert_eq!(size(64 << 20), "64 MiB");
        assert_eq!(size(64 << 10), "64 KiB");
    }

    #[test]
    fn bad_bytes_are_named_with_their_line() {
        let e = read(b"a\r\nb\r\n\xffc\n").unwrap_err();
        assert!(e.message.contains("line 3 is not UTF-8"), "{}", e.message);
        let e = read(b"a\rb\r\xffc").unwrap_err();
        assert!(e.message.contains("line 3 is not UTF-8"), "{}", e.message);
        let e = read(b"\xff\xfea\0").unwrap_err();
        assert!(e.hints.concat().contains("UTF-16"), "{:?}", e.hints);
        let e = read(b"a\nb\0c\n").unwrap_err();
        assert!(
            e.message.contains("line 2 holds a NUL byte"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_directory_is_refused_by_name() {
        let dir = std::env::temp_dir();
        let e = super::read(&dir).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("is a directory"), "{}", e.message);
    }
}
