//! The atomic file writer on a disk that is full or read-only: an error that says so, the old
//! file as it was, and no temporary file left behind.
//! Linux only: the small filesystem is a tmpfs mounted in a private mount namespace.
#![cfg(target_os = "linux")]

#[path = "../../../../tests/support/small_disk.rs"]
mod small_disk;

use sla_model::interchange::write_atomically;
use small_disk::SmallDisk;
use std::io::ErrorKind;

#[test]
fn a_write_to_a_full_disk_fails_whole_and_leaves_no_temporary_file() {
    let Some(disk) = small_disk::enter(
        "a_write_to_a_full_disk_fails_whole_and_leaves_no_temporary_file",
        256,
    ) else {
        return;
    };
    let path = disk.path.join("agreement.pdf");
    write_atomically(&path, b"the version from yesterday", false).unwrap();
    disk.fill();
    let pdf = vec![b'%'; 64 * 1024];

    // Replacing a file: the old one stays exactly as it was.
    let err = write_atomically(&path, &pdf, false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::StorageFull, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the version from yesterday");
    // A new file: nothing at all.
    let new = disk.path.join("new.pdf");
    let err = write_atomically(&new, &pdf, true).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::StorageFull, "{err}");
    assert!(!new.exists());
    assert_eq!(
        SmallDisk::names(&disk.path),
        ["agreement.pdf", "filler"],
        "no temporary file is left taking space"
    );

    // Once there is room the same write goes through.
    disk.free();
    write_atomically(&path, &pdf, false).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), pdf);
    assert_eq!(SmallDisk::names(&disk.path), ["agreement.pdf"]);
}

#[test]
fn a_write_to_a_read_only_disk_fails_and_changes_nothing() {
    let Some(disk) =
        small_disk::enter("a_write_to_a_read_only_disk_fails_and_changes_nothing", 256)
    else {
        return;
    };
    let path = disk.path.join("agreement.pdf");
    write_atomically(&path, b"old", false).unwrap();
    disk.make_read_only();
    let err = write_atomically(&path, b"new", false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ReadOnlyFilesystem, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    assert_eq!(SmallDisk::names(&disk.path), ["agreement.pdf"]);
}
