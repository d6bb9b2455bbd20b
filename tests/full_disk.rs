//! A full disk and a read-only folder, on a small filesystem made by the test: the drafts store
//! refuses a save whole and takes it once there is room (as the window's autosave retries it), and
//! an exported or signed PDF that cannot be written fails with the place named and no file left.
//! Linux only: the small filesystem is a tmpfs mounted in a private mount namespace.
#![cfg(target_os = "linux")]

#[path = "support/small_disk.rs"]
mod small_disk;

use std::path::Path;
use std::process::{Command, Output};

use sla_store::{Store, StoreError};
use small_disk::SmallDisk;

const BIN: &str = env!("CARGO_BIN_EXE_sla-studio");

fn cli(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("SLA_STUDIO_DATA_DIR", data)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .args(args)
        .output()
        .unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = cli(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn template(data: &Path) -> sla_model::Agreement {
    sla_model::from_json(&ok(data, &["template", "--lang", "en", "sales-marketing"])).unwrap()
}

#[test]
fn a_save_on_a_full_disk_is_refused_whole_and_taken_once_there_is_room() {
    let Some(disk) = small_disk::enter(
        "a_save_on_a_full_disk_is_refused_whole_and_taken_once_there_is_room",
        1024,
    ) else {
        return;
    };
    let db = disk.path.join(sla_store::DATABASE_FILE_NAME);
    let mut agreement = template(&disk.path);
    // The window keeps its store open all the while, as here.
    let mut store = Store::open(&db).unwrap();
    let id = store.create(&agreement, "").unwrap().id;

    disk.fill();
    agreement.title = "Typed while the disk was full".into();
    // Enough text that the save needs new pages, whatever SQLite had room for.
    agreement.notes = "a note that needs room. ".repeat(2000);
    let err = store.autosave(id, &agreement, 1).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert!(err.to_string().contains("is full"), "{err}");
    assert!(
        err.to_string().contains(&db.display().to_string()),
        "the message names the place: {err}"
    );
    assert_eq!(store.get(id).unwrap().info.version, 1, "nothing half-saved");

    // Space returns: the same save, tried again, goes through and survives a restart.
    disk.free();
    let info = store.autosave(id, &agreement, 1).unwrap();
    assert_eq!(info.version, 2);
    drop(store);
    let store = Store::open(&db).unwrap();
    let stored = store.get(id).unwrap();
    assert_eq!(stored.agreement, agreement);
    assert_eq!(stored.info.version, 2);
}

#[test]
fn export_and_signing_to_a_full_or_read_only_place_fail_naming_it_and_leave_nothing() {
    let Some(disk) = small_disk::enter(
        "export_and_signing_to_a_full_or_read_only_place_fail_naming_it_and_leave_nothing",
        256,
    ) else {
        return;
    };
    // The data folder and the files to sign live elsewhere; only the output goes to the small disk.
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let w = |name: &str| work.path().join(name).to_str().unwrap().to_string();
    std::fs::write(
        w("a.sla.json"),
        ok(&data, &["template", "--lang", "en", "sales-marketing"]),
    )
    .unwrap();
    ok(&data, &["export", &w("a.sla.json"), "-o", &w("a.pdf")]);
    std::fs::write(w("pass.txt"), "correct horse battery staple\n").unwrap();
    ok(
        &data,
        &[
            "identity",
            "new",
            "--name",
            "Anna Petrova",
            "--role",
            "Head of Marketing",
            "--key",
            "p256",
            "-o",
            &w("anna.p12"),
            "--passphrase-file",
            &w("pass.txt"),
        ],
    );
    let sign_to = |target: &Path| {
        cli(
            &data,
            &[
                "sign",
                &w("a.pdf"),
                "--identity",
                &w("anna.p12"),
                "--passphrase-file",
                &w("pass.txt"),
                "-o",
                target.to_str().unwrap(),
            ],
        )
    };
    let refused = |out: Output, target: &Path, why: &str| {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{target:?} was written?");
        assert!(
            stderr.contains(&target.display().to_string()) && stderr.contains(why),
            "the message names the place and why: {stderr}"
        );
    };

    let exported = disk.path.join("exported.pdf");
    let signed = disk.path.join("signed.pdf");
    disk.fill();
    refused(
        cli(
            &data,
            &["export", &w("a.sla.json"), "-o", exported.to_str().unwrap()],
        ),
        &exported,
        "No space left on device",
    );
    refused(sign_to(&signed), &signed, "No space left on device");
    assert_eq!(
        SmallDisk::names(&disk.path),
        ["filler"],
        "no partial PDF, no temporary file"
    );

    disk.free();
    disk.make_read_only();
    refused(
        cli(
            &data,
            &["export", &w("a.sla.json"), "-o", exported.to_str().unwrap()],
        ),
        &exported,
        "Read-only file system",
    );
    refused(sign_to(&signed), &signed, "Read-only file system");
    assert!(SmallDisk::names(&disk.path).is_empty());
}
