//! SIGINT and SIGTERM while changes are being made: the first asks the run
//! to stop starting work (in-flight requests finish and are recorded); a
//! second one ends the process at once with exit 130.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{Error, Kind, Result};
use crate::output;

static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Take over SIGINT and SIGTERM for the rest of the process (idempotent).
/// Before this, a signal ends the process as usual. A thread waits for
/// the signals: the first sets the flag, the second ends the process at
/// once (exit 130), saying what that leaves behind.
pub fn install() -> Result<()> {
    if FLAG.get().is_some() {
        return Ok(());
    }
    let flag = Arc::clone(FLAG.get_or_init(|| Arc::new(AtomicBool::new(false))));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        use signal_hook::iterator::Signals;
        let mut signals = Signals::new([SIGINT, SIGTERM])
            .map_err(|e| Error::failed(format!("cannot handle interrupts: {e}")))?;
        std::thread::spawn(move || {
            for _ in signals.forever() {
                if flag.swap(true, Ordering::SeqCst) {
                    output::last_words(
                        "interrupted again: exiting now; changes in flight may have no outcome line: `oktactl audit --unfinished` lists them",
                    );
                    std::process::exit(130);
                }
            }
        });
    }
    Ok(())
}

/// Whether SIGINT or SIGTERM arrived since `install`.
pub fn requested() -> bool {
    FLAG.get().is_some_and(|f| f.load(Ordering::SeqCst))
}

/// Say that a signal arrived (tests, and the prompt's Ctrl-C in raw mode).
pub fn request() {
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)))
        .store(true, Ordering::SeqCst);
}

/// The error of a run stopped by a signal.
pub fn error(message: impl Into<String>) -> Error {
    Error::new(Kind::Interrupted, message)
}

/// Sleep for `wait`, waking early when interrupted: `Err` then.
pub fn sleep(wait: Duration) -> Result<()> {
    let until = Instant::now() + wait;
    loop {
        if requested() {
            return Err(error("interrupted while waiting"));
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        std::thread::sleep(left.min(Duration::from_millis(100)));
    }
}
