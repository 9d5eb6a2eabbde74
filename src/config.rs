//! The config file (named profiles, never a token): read with a size cap
//! and only when private (`file`), saved atomically; org URL validation (`org`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

mod file;
mod org;

use file::{create_private_dir, read_private};
pub use org::{origin_text, parse_org};

pub const DEFAULT_PROFILE: &str = "default";

/// One named profile: where it points, and for a service app its client id
/// and scopes. Tokens and private keys live in the OS keyring only.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// `$OKTACTL_CONFIG`, else `oktactl/config.toml` under the platform config dir.
pub fn config_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("OKTACTL_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::BaseDirs::new()
        .map(|d| d.config_dir().join("oktactl").join("config.toml"))
        .ok_or_else(|| {
            Error::usage("cannot find a config directory (no home directory)")
                .hint("set OKTACTL_CONFIG to the path of the config file")
        })
}

/// The largest config file read (it holds a few profiles).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

impl Config {
    /// Read the file; none is an empty config. A file larger than
    /// [`MAX_CONFIG_BYTES`], not a regular file, or (Unix) writable by group
    /// or others or owned by another user is refused (exit 2), as ssh does:
    /// whoever can edit it can point the profile elsewhere.
    pub fn load(path: &Path) -> Result<Config> {
        let shown = path.display();
        let Some(bytes) = read_private(path)? else {
            return Ok(Config::default());
        };
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::usage(format!("config file {shown} is not UTF-8 text"))
                .hint("fix or remove the file; it holds only profiles (org URLs)")
        })?;
        toml::from_str(&text).map_err(|e| {
            Error::usage(format!(
                "config file {} is not valid: {}",
                path.display(),
                e.message()
            ))
            .hint("fix or remove the file; it holds only profiles (org URLs)")
        })
    }

    /// Write the file whole: a new temporary file created exclusively (a
    /// random name, `O_EXCL`, mode 0600 from creation) in the same directory,
    /// synced, then renamed over the config. Nothing already there, such as
    /// a symlink planted at a predictable temporary name, is followed.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = toml::to_string_pretty(self)
            .map_err(|e| Error::failed(format!("cannot encode config: {e}")))?;
        let failed = |e: std::io::Error| {
            Error::failed(format!("cannot write config file {}: {e}", path.display()))
        };
        let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) => {
                create_private_dir(dir).map_err(|e| {
                    Error::failed(format!("cannot create config dir {}: {e}", dir.display()))
                })?;
                dir
            }
            None => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".config.").suffix(".toml.tmp");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
        let mut tmp = builder.tempfile_in(dir).map_err(failed)?;
        tmp.write_all(text.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(failed)?;
        tmp.persist(path).map_err(|e| failed(e.error))?;
        Ok(())
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_profile() -> Config {
        let mut cfg = Config::default();
        cfg.profiles.insert(
            "default".into(),
            Profile {
                org: Some("https://acme.okta.com".into()),
                ..Profile::default()
            },
        );
        cfg
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new").join("config.toml");
        assert!(Config::load(&path).unwrap().profiles.is_empty());
        one_profile().save(&path).unwrap();
        assert_eq!(
            Config::load(&path).unwrap().profiles,
            one_profile().profiles
        );
        // Only the config is left behind: no temporary file.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["config.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn saved_file_is_private_from_creation() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("made").join("config.toml");
        one_profile().save(&path).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        // Saving over a looser file leaves a private one.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        one_profile().save(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_temp_symlink_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "untouched").unwrap();
        let planted = dir.path().join("config.toml.tmp");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        one_profile().save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert!(std::fs::symlink_metadata(&planted)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(
            Config::load(&path).unwrap().profiles,
            one_profile().profiles
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_config_others_can_write_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        one_profile().save(&path).unwrap();
        for (mode, who) in [
            (0o620, "group"),
            (0o602, "others"),
            (0o666, "group and others"),
        ] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let e = Config::load(&path).expect_err("refused");
            assert_eq!(e.exit_code(), 2);
            assert!(
                e.message.contains(&format!("writable by {who} ")),
                "{}",
                e.message
            );
            assert_eq!(e.hints, [format!("chmod 600 {}", path.display())]);
        }
        for mode in [0o644, 0o640, 0o400] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            assert!(Config::load(&path).is_ok(), "{mode:o}");
        }
    }

    #[test]
    fn a_config_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut text = String::from("# padding\n");
        text.push_str(&"#".repeat(MAX_CONFIG_BYTES as usize));
        std::fs::write(&path, &text).unwrap();
        let e = Config::load(&path).expect_err("refused");
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("larger than 1 MiB"), "{}", e.message);
        // Exactly at the cap is read.
        text.truncate(MAX_CONFIG_BYTES as usize);
        std::fs::write(&path, &text).unwrap();
        assert!(Config::load(&path).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_or_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let e = Config::load(dir.path()).expect_err("a directory");
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("not a regular file"), "{}", e.message);
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = Config::load(&fifo).expect_err("a fifo");
            assert!(e.message.contains("not a regular file"), "{}", e.message);
        }
    }
}
