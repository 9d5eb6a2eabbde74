//! The one writer of stderr, and the progress bar every message suspends.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::error::clean;

/// The bar is redrawn this often, also while no row finishes (a rate-limit
/// wait), so that its clock and ETA keep moving.
const STEADY_TICK: Duration = Duration::from_secs(1);

/// The one writer of stderr: messages for people, hidden by `--quiet`;
/// request lines under `--verbose`; a progress bar that every message
/// suspends (it is redrawn below the message, never frozen above it).
#[derive(Debug)]
pub struct Stderr {
    quiet: bool,
    verbose: bool,
    terminal: bool,
    bar: Mutex<Option<ProgressBar>>,
    /// When the rate-limit wait now under way ends (the client says so):
    /// the bar's ETA counts it.
    wait_until: Arc<Mutex<Option<Instant>>>,
}

impl Stderr {
    pub fn new(quiet: bool, verbose: bool, terminal: bool) -> Stderr {
        Stderr {
            quiet,
            verbose,
            terminal,
            bar: Mutex::new(None),
            wait_until: Arc::new(Mutex::new(None)),
        }
    }

    /// A line whatever `--quiet` says (errors).
    pub fn line(&self, text: &str) {
        let bar = self.bar.lock().map(|b| b.clone()).unwrap_or(None);
        match bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }

    /// A message for people.
    pub fn status(&self, msg: &str) {
        if !self.quiet {
            self.line(&clean(msg));
        }
    }

    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            self.line(&format!("warning: {}", clean(msg)));
        }
    }

    pub fn verbose(&self) -> bool {
        self.verbose
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// A `--verbose` line (one per HTTP request).
    pub fn trace(&self, msg: &str) {
        if self.verbose {
            self.line(&format!("> {}", clean(msg)));
        }
    }

    /// The client is about to wait `wait` for a rate-limit window: the
    /// bar's ETA adds what is left of it (the latest end of the waits under
    /// way, as workers wait for the same window).
    pub fn waiting(&self, wait: Duration) {
        let until = Instant::now() + wait;
        if let Ok(mut w) = self.wait_until.lock() {
            if w.is_none_or(|t| t < until) {
                *w = Some(until);
            }
        }
    }

    /// Start a progress bar of `len` steps, at a terminal, when `--quiet`
    /// is not given and there is more than one step.
    pub fn start_bar(&self, len: usize, label: &str) {
        if !self.terminal || self.quiet || len < 2 {
            return;
        }
        quiet_control_echo();
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
        let template = format!(
            "{label:<9} {{bar:30}} {{pos}}/{{len}} rows  {{elapsed}} elapsed, eta {{eta}}{{wait}}"
        );
        let (eta_wait, note_wait) = (Arc::clone(&self.wait_until), Arc::clone(&self.wait_until));
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(
                style
                    .with_key(
                        "eta",
                        move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                            let left = left_of(&eta_wait);
                            let text = match eta(s.elapsed(), left, s.pos(), s.len().unwrap_or(0)) {
                                Some(d) => short_duration(d),
                                None => "?".to_string(),
                            };
                            let _ = w.write_str(&text);
                        },
                    )
                    .with_key(
                        "wait",
                        move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                            let left = left_of(&note_wait);
                            if !left.is_zero() {
                                let _ = write!(w, " (rate limit: {} left)", short_duration(left));
                            }
                        },
                    ),
            );
        }
        bar.enable_steady_tick(STEADY_TICK);
        if let Ok(mut b) = self.bar.lock() {
            *b = Some(bar);
        }
    }

    pub fn tick(&self) {
        if let Ok(b) = self.bar.lock() {
            if let Some(bar) = b.as_ref() {
                bar.inc(1);
            }
        }
    }

    pub fn end_bar(&self) {
        if let Ok(mut b) = self.bar.lock() {
            if let Some(bar) = b.take() {
                bar.finish_and_clear();
            }
        }
        if let Ok(mut w) = self.wait_until.lock() {
            *w = None;
        }
        restore_terminal();
    }
}

/// What is left of the wait under way.
fn left_of(until: &Mutex<Option<Instant>>) -> Duration {
    until
        .lock()
        .ok()
        .and_then(|u| *u)
        .map_or(Duration::ZERO, |u| {
            u.saturating_duration_since(Instant::now())
        })
}

/// The time still to go: the rows left at the pace so far, where the pace
/// counts every wait for the rate limit (the time already spent, and the
/// rest of the wait under way), then the rest of that wait. Indicatif's
/// own ETA, from the pace of recent steps alone, says a few seconds during a
/// wait of a minute. Unknown (`None`) before the first row, unless waiting.
pub fn eta(elapsed: Duration, wait_left: Duration, pos: u64, len: u64) -> Option<Duration> {
    if pos == 0 {
        return (!wait_left.is_zero()).then_some(wait_left);
    }
    let left = len.saturating_sub(pos);
    let per_row = (elapsed + wait_left).as_secs_f64() / pos as f64;
    Some(Duration::from_secs_f64(per_row * left as f64) + wait_left)
}

/// `45s`, `3m 05s`, `1h 02m`.
pub fn short_duration(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}m {:02}s", s / 60, s % 60),
        _ => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
    }
}

/// The terminal's modes before the progress bar changed them.
#[cfg(unix)]
static SAVED_MODES: Mutex<Option<rustix::termios::Termios>> = Mutex::new(None);

/// While a bar is drawn, the terminal must not echo `^C`: the echo moves
/// the cursor, and the bar then clears the wrong line and leaves a frozen
/// copy of itself on screen.
fn quiet_control_echo() {
    #[cfg(unix)]
    {
        use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return;
        }
        let Ok(saved) = tcgetattr(&stdin) else { return };
        let mut quiet = saved.clone();
        quiet.local_modes -= LocalModes::ECHOCTL;
        if let Ok(mut slot) = SAVED_MODES.lock() {
            if slot.is_none() && tcsetattr(&stdin, OptionalActions::Now, &quiet).is_ok() {
                *slot = Some(saved);
            }
        }
    }
}

/// Put back the terminal modes the bar changed (also before an exit on a
/// second interrupt).
pub fn restore_terminal() {
    #[cfg(unix)]
    {
        use rustix::termios::{tcsetattr, OptionalActions};
        if let Ok(mut slot) = SAVED_MODES.lock() {
            if let Some(saved) = slot.take() {
                let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, &saved);
            }
        }
    }
}

/// A last line on stderr when the process must end at once (a second
/// interrupt): no bar, no lock that another thread might hold.
pub fn last_words(text: &str) {
    restore_terminal();
    let mut err = std::io::stderr();
    let _ = writeln!(err, "\n{}", clean(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eta_counts_the_rate_limit_wait() {
        let s = Duration::from_secs;
        let secs = |e: Option<Duration>| e.map(|d| d.as_secs_f64().round() as u64);
        // 100 of 1000 rows in 5 s, then a wait of 55 s begins: the pace is
        // 100 rows a minute, so about 9 minutes are left, wait included.
        assert_eq!(secs(eta(s(5), s(55), 100, 1000)), Some(595));
        // Half way through the wait, half a minute less.
        assert_eq!(secs(eta(s(30), s(30), 100, 1000)), Some(570));
        // After it, at the pace that counts it.
        assert_eq!(secs(eta(s(60), s(0), 100, 1000)), Some(540));
        // Never less than the wait itself.
        assert!(eta(s(1), s(40), 999, 1000).unwrap() >= s(40));
        assert_eq!(eta(s(0), s(0), 0, 10), None);
        assert_eq!(eta(s(0), s(12), 0, 10), Some(s(12)));
    }

    #[test]
    fn durations_are_short() {
        assert_eq!(short_duration(Duration::from_secs(45)), "45s");
        assert_eq!(short_duration(Duration::from_secs(185)), "3m 05s");
        assert_eq!(short_duration(Duration::from_secs(3720)), "1h 02m");
    }
}
