//! A small filesystem of the test's own, to see what the program does when a disk is full or
//! read-only. Each such test runs again in a private mount namespace (`unshare`: as root, or as
//! any user through a user namespace), where it mounts a tmpfs of a few hundred KB; the mount goes
//! away with the namespace however the test ends, and nothing outside it sees the mount.
//!
//! ```ignore
//! #[test]
//! fn something_on_a_full_disk() {
//!     let Some(disk) = small_disk::enter("something_on_a_full_disk", 256) else { return };
//!     ...
//! }
//! ```

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const INSIDE: &str = "SLA_TEST_MOUNT_NAMESPACE";

/// A tmpfs of `size_kib` KiB at `path`, inside this test's mount namespace.
pub struct SmallDisk {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// In the parent test process: runs the test `name` again inside a private mount namespace and
/// returns `None` (its outcome is the parent's). Inside that namespace: mounts the small disk and
/// returns it. When no namespace can be made here it says why and returns `None`: the test is then
/// skipped, never passed silently.
pub fn enter(name: &str, size_kib: u32) -> Option<SmallDisk> {
    if std::env::var_os(INSIDE).is_some() {
        return Some(SmallDisk::mount(size_kib));
    }
    let root = effective_uid() == 0;
    let mut unshare = Command::new("unshare");
    if !root {
        unshare.args(["--user", "--map-root-user"]);
    }
    unshare
        .arg("--mount")
        .arg("--")
        .arg(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(INSIDE, "1");
    let out = match unshare.output() {
        Ok(out) => out,
        Err(e) => {
            println!("SKIPPED {name}: cannot run `unshare` ({e}); install util-linux");
            return None;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && stderr.starts_with("unshare:") {
        println!(
            "SKIPPED {name}: no private mount namespace here ({}); run as root or enable user namespaces (sysctl kernel.unprivileged_userns_clone=1)",
            stderr.trim()
        );
        return None;
    }
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{stderr}");
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "{name} failed in its mount namespace"
    );
    None
}

fn effective_uid() -> u32 {
    // `id -u` rather than libc, to keep the tests free of unsafe code.
    let out = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

impl SmallDisk {
    fn mount(size_kib: u32) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).unwrap();
        run(Command::new("mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={size_kib}k,mode=0755"))
            .arg("tmpfs")
            .arg(&path));
        SmallDisk { _dir: dir, path }
    }

    /// Fills the disk to the last byte with `filler`, a file in it; returns its path.
    pub fn fill(&self) -> PathBuf {
        let filler = self.path.join("filler");
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&filler)
            .unwrap();
        for chunk in [64 * 1024, 4096, 512, 1] {
            let bytes = vec![0u8; chunk];
            while file.write_all(&bytes).and_then(|_| file.flush()).is_ok() {}
        }
        assert_eq!(self.free_bytes(), 0, "the disk is full");
        filler
    }

    /// Frees what `fill` took.
    pub fn free(&self) {
        std::fs::remove_file(self.path.join("filler")).unwrap();
    }

    pub fn free_bytes(&self) -> u64 {
        let out = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&self.path)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines().nth(1).unwrap().trim().parse().unwrap()
    }

    /// Makes the whole disk read-only (a read-only mount: root writes through file permissions).
    pub fn make_read_only(&self) {
        run(Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path));
    }

    /// Every file name in `dir`, sorted.
    pub fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
