//! A data folder of its own for each test, and the CLI run against it as a process: the helper
//! the CLI tests share. Include it with `#[path = "support/env.rs"] mod env;` beside `spawn.rs`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::spawn;

pub const BIN: &str = env!("CARGO_BIN_EXE_sla-studio");

/// A temporary folder holding the data folder (`data/`) and the test's files.
pub struct Env {
    pub dir: tempfile::TempDir,
    /// The CLI the commands run: this package's unless the test names another build.
    bin: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        Env::running(BIN)
    }
    /// A data folder for another build of the CLI (say a release build, to measure it).
    pub fn running(bin: impl Into<PathBuf>) -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
            bin: bin.into(),
        }
    }
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    /// The drafts database in the data folder.
    pub fn store_path(&self) -> PathBuf {
        self.data_dir().join(sla_store::DATABASE_FILE_NAME)
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// Writes `contents` to `name` in the temporary folder and returns the path as an argument.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        arg(&self.file_path(name, contents))
    }
    /// Writes `contents` to `name` in the temporary folder and returns its path.
    pub fn file_path(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
    /// The CLI on this data folder, with no display, so nothing can open a window; add the
    /// arguments, and anything else the test needs, before starting it.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env("SLA_STUDIO_DATA_DIR", self.data_dir())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY");
        cmd
    }
    /// Runs the CLI with `args` to the end.
    pub fn run(&self, args: &[&str]) -> Output {
        spawn::output(self.cmd().args(args))
    }
    /// Runs the CLI, checks its exit code, and returns its standard output.
    pub fn code(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
    /// Runs the CLI, which must succeed, and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.code(args, 0)
    }
    /// The template in `lang` with a fresh id, as JSON to edit.
    pub fn template(&self, lang: &str) -> Value {
        serde_json::from_str(&self.ok(&["template", "sales-marketing", "--lang", lang])).unwrap()
    }
    /// Every file of the data folder (not below it) with its bytes, none while there is no data
    /// folder: "unchanged" means this is equal before and after.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = vec![];
        if let Ok(entries) = std::fs::read_dir(self.data_dir()) {
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_file() {
                    files.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }
}

pub fn arg(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}
