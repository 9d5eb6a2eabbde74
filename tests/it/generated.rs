//! The committed completions/ and man/ must match the clap tree.
//! `UPDATE_GENERATED=1 cargo test` rewrites them.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1");
    let files = oktactl::generate::all_files().unwrap();
    let mut stale = Vec::new();
    for (rel, want) in &files {
        let path = root.join(rel);
        let have = std::fs::read(&path).ok();
        if have.as_deref() != Some(want.as_slice()) {
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, want).unwrap();
            } else {
                stale.push(rel.clone());
            }
        }
    }
    // Files left over from removed commands are stale too.
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let rel = format!("{dir}/{}", entry.file_name().to_string_lossy());
            if !files.iter().any(|(r, _)| *r == rel) {
                if update {
                    std::fs::remove_file(entry.path()).unwrap();
                } else {
                    stale.push(rel);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `UPDATE_GENERATED=1 cargo test --test it generated`"
    );
}

#[test]
fn completions_command_prints_the_same_script() {
    let out = assert_cmd::Command::cargo_bin("oktactl")
        .unwrap()
        .env_clear()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let want =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/oktactl.bash"))
            .unwrap();
    assert_eq!(out.stdout, want);
}
