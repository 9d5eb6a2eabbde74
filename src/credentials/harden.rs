//! Keep secrets in memory out of core dumps: at start the process sets its
//! core-file limit to 0 (soft and hard, so nothing it runs can raise it) and,
//! on Linux, marks itself not dumpable, which also holds when the kernel
//! pipes core dumps to a helper (a piped `core_pattern` ignores RLIMIT_CORE)
//! and keeps other processes of the same user from attaching to it.

/// Disable core dumps for this process; the first failure, if any.
#[cfg(unix)]
pub fn no_core_dumps() -> std::io::Result<()> {
    use rustix::process::{setrlimit, Resource, Rlimit};
    setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    )?;
    #[cfg(target_os = "linux")]
    rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)?;
    Ok(())
}

/// Windows writes no core files unless Windows Error Reporting is set up to.
#[cfg(not(unix))]
pub fn no_core_dumps() -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use rustix::process::{getrlimit, Resource};

    #[test]
    fn the_core_limit_is_zero_after_the_call() {
        super::no_core_dumps().unwrap();
        let limit = getrlimit(Resource::Core);
        assert_eq!(limit.current, Some(0));
        assert_eq!(limit.maximum, Some(0));
        #[cfg(target_os = "linux")]
        assert_eq!(
            rustix::process::dumpable_behavior().unwrap(),
            rustix::process::DumpableBehavior::NotDumpable
        );
    }
}
