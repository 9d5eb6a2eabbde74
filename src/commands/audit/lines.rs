//! Lines of a file, read as they come with a cap on one line's length: a
//! line longer than the cap is reported by its length, not kept in memory.

use std::io::{self, BufRead};

/// The longest line kept: an audit line is a few hundred bytes.
pub const MAX_LINE: usize = 1 << 20;

/// What one line held.
#[derive(Debug, PartialEq, Eq)]
pub enum Text {
    /// The bytes without the line feed.
    Bytes(Vec<u8>),
    /// A line longer than the cap, skipped; its length in bytes.
    TooLong(u64),
}

/// One line and where it was.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based.
    pub number: u64,
    pub text: Text,
    /// It ended with a line feed (false only for a last line cut short).
    pub terminated: bool,
}

pub struct Lines<R> {
    inner: R,
    max: usize,
    number: u64,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(inner: R) -> Self {
        Self::with_max(inner, MAX_LINE)
    }

    pub fn with_max(inner: R, max: usize) -> Self {
        Lines {
            inner,
            max,
            number: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        if self.done {
            return None;
        }
        let mut kept = Vec::new();
        let mut len: u64 = 0;
        let mut too_long = false;
        let terminated = loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if chunk.is_empty() {
                self.done = true;
                if len == 0 {
                    return None;
                }
                break false;
            }
            let newline = chunk.iter().position(|&b| b == b'\n');
            let take = newline.unwrap_or(chunk.len());
            let part = chunk.get(..take).unwrap_or_default();
            len = len.saturating_add(take as u64);
            if !too_long {
                if kept.len().saturating_add(part.len()) > self.max {
                    too_long = true;
                    kept = Vec::new();
                } else {
                    kept.extend_from_slice(part);
                }
            }
            let used = take + usize::from(newline.is_some());
            self.inner.consume(used);
            if newline.is_some() {
                break true;
            }
        };
        self.number += 1;
        let text = if too_long {
            Text::TooLong(len)
        } else {
            Text::Bytes(kept)
        };
        Some(Ok(Line {
            number: self.number,
            text,
            terminated,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    fn all(data: &[u8], max: usize, buf: usize) -> Vec<Line> {
        let reader = BufReader::with_capacity(buf, Cursor::new(data.to_vec()));
        Lines::with_max(reader, max).map(|l| l.unwrap()).collect()
    }

    fn bytes(number: u64, s: &str, terminated: bool) -> Line {
        Line {
            number,
            text: Text::Bytes(s.as_bytes().to_vec()),
            terminated,
        }
    }

    #[test]
    fn splits_numbers_and_marks_a_torn_last_line() {
        for buf in [1, 3, 64] {
            let got = all(b"ab\n\ncd\nef", 10, buf);
            assert_eq!(
                got,
                vec![
                    bytes(1, "ab", true),
                    bytes(2, "", true),
                    bytes(3, "cd", true),
                    bytes(4, "ef", false),
                ]
            );
        }
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(all(b"", 10, 8).is_empty());
        assert_eq!(all(b"\n", 10, 8), vec![bytes(1, "", true)]);
    }

    #[test]
    fn a_long_line_is_measured_not_kept() {
        for buf in [1, 4, 64] {
            let got = all(b"12345\n1234567890123\nok\n123456789012", 5, buf);
            assert_eq!(
                got,
                vec![
                    bytes(1, "12345", true),
                    Line {
                        number: 2,
                        text: Text::TooLong(13),
                        terminated: true
                    },
                    bytes(3, "ok", true),
                    Line {
                        number: 4,
                        text: Text::TooLong(12),
                        terminated: false
                    },
                ]
            );
        }
    }

    struct Failing;
    impl io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn a_read_error_ends_the_lines() {
        let mut lines = Lines::new(BufReader::new(Failing));
        assert!(lines.next().unwrap().is_err());
        assert!(lines.next().is_none());
    }
}
