use super::*;

const B: Bucket = Bucket::Users;
const LONG: Duration = Duration::from_secs(300);

/// An answer that arrived `ago` before now, saying `remaining` of `limit`
/// until a reset `in_secs` after its `Date`. Answers built in one test
/// share one `Date` (taken once per thread), so their resets agree.
fn answer(limit: Option<u64>, remaining: u64, in_secs: i64, ago: Duration) -> Observed {
    thread_local!(static BASE: i64 = now_ms());
    let base = BASE.with(|b| *b);
    Observed {
        limit,
        remaining: Some(remaining),
        reset: Some(base / 1000 + in_secs),
        date_ms: Some(base / 1000 * 1000),
        at: Instant::now().checked_sub(ago).unwrap(),
        at_ms: base,
    }
}

fn fresh(limit: u64, remaining: u64, in_secs: i64) -> Observed {
    answer(Some(limit), remaining, in_secs, Duration::ZERO)
}

/// A limiter whose bucket `B` knows a window (the probe answered `seen`)
/// and all of whose limit an earlier window proved to be ours.
fn opened(share: u32, seen: &Observed) -> RateLimits {
    let rl = RateLimits::new(share, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, seen, true);
    rl.state.lock().unwrap().0.get_mut(&B).unwrap().proven = 10;
    rl
}

fn go(rl: &RateLimits) -> bool {
    rl.reserve(B) == Slot::Go { probe: false }
}

fn held(rl: &RateLimits) -> Option<(Duration, Hold)> {
    match rl.reserve(B) {
        Slot::Wait(d, h) => Some((d, h)),
        Slot::Go { .. } => None,
    }
}

#[test]
fn the_first_request_probes_and_the_others_wait_for_its_answer() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
    // Another bucket is not held.
    assert_eq!(rl.reserve(Bucket::Groups), Slot::Go { probe: true });
    rl.observe(B, &fresh(600, 10, 30), true);
    assert!((0..10).all(|_| go(&rl)));
    assert_eq!(held(&rl).map(|h| h.1), Some(Hold::WindowUsedUp));
}

#[test]
fn a_probe_without_an_answer_lets_the_next_request_probe() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.release(B, true);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
}

#[test]
fn answers_without_headers_let_requests_go_unchecked() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, &Observed::none(), true);
    assert!((0..50).all(|_| go(&rl)));
}

#[test]
fn a_used_up_window_waits_until_its_end() {
    let rl = opened(100, &fresh(600, 0, 2));
    let (wait, hold) = held(&rl).unwrap();
    assert_eq!(hold, Hold::WindowUsedUp);
    assert!(
        wait > Duration::from_millis(1900) && wait <= Duration::from_millis(2150),
        "{wait:?}"
    );
}

#[test]
fn after_the_window_ends_one_request_goes_and_the_rest_are_held() {
    // The window ended 100 ms ago (1 s after an answer 1.25 s old, + margin).
    let rl = opened(100, &answer(Some(600), 0, 1, Duration::from_millis(1250)));
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    for _ in 0..7 {
        assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
    }
    rl.observe(B, &fresh(600, 599, 60), true);
    assert!((0..8).all(|_| go(&rl)));
}

#[test]
fn requests_in_flight_count_against_remaining() {
    let rl = opened(100, &fresh(600, 100, 30));
    for _ in 0..3 {
        assert!(go(&rl));
    }
    // One answer says 2 remain; the two others still out use them up.
    rl.observe(B, &fresh(600, 2, 30), false);
    assert_eq!(held(&rl).map(|h| h.1), Some(Hold::WindowUsedUp));
}

#[test]
fn an_older_windows_answer_changes_nothing() {
    let rl = opened(100, &fresh(600, 100, 30));
    assert!(go(&rl));
    rl.observe(B, &fresh(600, 0, 10), false);
    assert!(go(&rl));
}

#[test]
fn the_share_caps_requests_per_window() {
    let rl = opened(50, &fresh(10, 10, 30));
    // The probe and four more: half of 10.
    assert!((0..4).all(|_| go(&rl)));
    assert_eq!(held(&rl).map(|h| h.1), Some(Hold::Budget));
}

#[test]
fn a_concurrency_429_leaves_the_bucket_alone_and_halves_the_requests_out() {
    let rl = opened(100, &fresh(600, 50, 30));
    assert!(go(&rl));
    assert!(go(&rl));
    let conc = Observed {
        limit: Some(0),
        ..fresh(0, 0, 60)
    };
    assert_eq!(
        rl.after_429(B, &conc, false),
        After429::Concurrency { cap: Some(1) }
    );
    // One is still out: the next waits for it, in any bucket but the token's.
    assert_eq!(held(&rl), Some((POLL, Hold::Concurrency)));
    assert_eq!(rl.reserve(Bucket::Token), Slot::Go { probe: true });
    rl.observe(B, &fresh(600, 47, 30), false);
    // The window was left as it was.
    for left in (0..47).rev() {
        assert!(go(&rl));
        rl.observe(B, &fresh(600, left, 30), false);
    }
    assert_eq!(held(&rl).map(|h| h.1), Some(Hold::WindowUsedUp));
}

#[test]
fn a_429_with_requests_remaining_lowers_the_budget_to_what_got_through() {
    let rl = opened(100, &fresh(20, 19, 2));
    for left in (10..19).rev() {
        assert!(go(&rl));
        rl.observe(B, &fresh(20, left, 2), false);
    }
    // The 11th request: refused although 9 remained; 10 of 20 got through.
    assert!(go(&rl));
    let verdict = rl.after_429(B, &fresh(20, 9, 2), false);
    let After429::Reset { wait, lowered } = verdict else {
        panic!("{verdict:?}");
    };
    assert!(wait > Duration::from_millis(1500), "{wait:?}");
    let lowered = lowered.unwrap();
    assert_eq!((lowered.from, lowered.to, lowered.remaining), (100, 50, 9));
    assert_eq!(held(&rl).map(|h| h.1), Some(Hold::WindowUsedUp));
    // The next window: at most 10 of its 20.
    rl.state.lock().unwrap().0.get_mut(&B).unwrap().window = None;
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, &fresh(20, 19, 60), true);
    assert!((0..9).all(|_| go(&rl)));
    assert_eq!(held(&rl).map(|h| h.1), Some(Hold::Budget));
}

#[test]
fn a_429_with_nothing_through_halves_the_budget_and_never_raises_it() {
    let rl = RateLimits::new(40, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    let verdict = rl.after_429(B, &fresh(20, 15, 30), true);
    let After429::Reset { lowered, .. } = verdict else {
        panic!("{verdict:?}");
    };
    assert_eq!(lowered.map(|l| (l.from, l.to)), Some((40, 20)));
    // A plain 429 (nothing remaining) lowers nothing.
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    let verdict = rl.after_429(B, &fresh(20, 0, 30), true);
    assert!(matches!(verdict, After429::Reset { lowered: None, .. }));
}

#[test]
fn a_far_future_reset_or_a_1970_date_is_not_believed() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    let far = fresh(600, 0, 1_000_000_000);
    assert_eq!(
        rl.after_429(B, &far, true),
        After429::Unknown {
            bogus_s: Some(1_000_000_000)
        }
    );
    // Nor in an answer that is not a 429: no wait before the next request.
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, &far, true);
    assert!(go(&rl));
    let y1970 = Observed {
        date_ms: Some(0),
        ..fresh(600, 0, 30)
    };
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    assert!(matches!(
        rl.after_429(B, &y1970, true),
        After429::Unknown { bogus_s: Some(s) } if s > 1_000_000_000
    ));
}

#[test]
fn a_429_without_a_reset_backs_off() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    let bare = Observed {
        reset: None,
        ..fresh(600, 0, 30)
    };
    assert_eq!(
        rl.after_429(B, &bare, true),
        After429::Unknown { bogus_s: None }
    );
    // A reset already past is no better.
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    assert_eq!(
        rl.after_429(B, &fresh(600, 0, 0), true),
        After429::Unknown { bogus_s: None }
    );
}

#[test]
fn the_first_request_past_each_unproven_tenth_goes_alone_once_per_run() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, &fresh(100, 99, 30), true);
    // Requests 2 to 10 go together; the 11th, past a tenth, waits for them
    // and then goes alone.
    assert!((0..9).all(|_| go(&rl)));
    assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
    for left in (90..99).rev() {
        rl.observe(B, &fresh(100, left, 30), false);
    }
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
    rl.observe(B, &fresh(100, 89, 30), true);
    assert!((0..9).all(|_| go(&rl)));
    assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
    for left in (80..89).rev() {
        rl.observe(B, &fresh(100, left, 30), false);
    }
    // In the next window the first tenth is known: the 11th goes along,
    // the 21st alone.
    rl.state.lock().unwrap().0.get_mut(&B).unwrap().window = None;
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, &fresh(100, 99, 60), true);
    assert!((0..19).all(|_| go(&rl)));
    assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
}

#[test]
fn a_token_share_of_half_draws_one_429_however_many_workers() {
    let rl = RateLimits::new(100, LONG);
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    rl.observe(B, &fresh(10, 9, 30), true);
    // 16 workers: each request past a tenth goes alone, so the 6th (past
    // the token's 5 of 10) is the only one out when Okta refuses it.
    for n in 2..=5 {
        assert_eq!(rl.reserve(B), Slot::Go { probe: true }, "request {n}");
        assert_eq!(held(&rl), Some((POLL, Hold::Probe)));
        rl.observe(B, &fresh(10, 10 - n, 30), true);
    }
    assert_eq!(rl.reserve(B), Slot::Go { probe: true });
    let verdict = rl.after_429(B, &fresh(10, 5, 30), true);
    assert!(
        matches!(verdict, After429::Reset { lowered: Some(l), .. } if l.to == 50),
        "{verdict:?}"
    );
    // A second 429 in that window (one sent before) lowers nothing more.
    let again = rl.after_429(B, &fresh(10, 5, 30), false);
    assert!(matches!(again, After429::Reset { lowered: None, .. }));
}
