//! Hostile and broken files handed to the CLI as a real process: each must be refused with one
//! line naming what is wrong and exit code 2, within bounded memory and CPU time, leaving the
//! store as it was. The bounds are rlimits on the child (heap and CPU seconds), so a reader that
//! runs away is killed and the test fails, whatever the machine's speed.
//!
//! `cargo test --test hostile_files -- --nocapture --test-threads=1` prints each case's CPU time
//! and peak memory (the figures in the README).

#![cfg(unix)]

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use env::Env;

/// The CLI under test: this package's, or the build `SLA_STUDIO_BIN` names (as for the e2e tests).
fn bin() -> PathBuf {
    std::env::var_os("SLA_STUDIO_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env::BIN))
}

/// The most heap (data segment and private anonymous mappings) a child may use.
const MEMORY_LIMIT_BYTES: u64 = 200 * 1024 * 1024;
/// Generous CPU time for an unoptimised build on a busy machine; the figures are far below it.
const CPU_LIMIT_SECONDS: u64 = 20;
const GIB: u64 = 1024 * 1024 * 1024;

/// A store holding one draft, so that "untouched" means something.
fn env_with_a_draft() -> Env {
    let env = Env::running(bin());
    let agreement = env.file_path("a.sla.json", env.ok(&["template", "sales-marketing"]));
    env.ok(&["import", agreement.to_str().unwrap()]);
    env
}

/// What a bounded run of the CLI did and what it cost.
struct Measured {
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
    cpu: Duration,
    wall: Duration,
    peak_rss_bytes: u64,
}

/// Runs the CLI with `args` under the memory and CPU rlimits and measures it (`wait4` gives this
/// child's own CPU time and peak resident memory, whatever else the test process runs).
fn run_bounded(env: &Env, args: &[&str]) -> Measured {
    let mut cmd = env.cmd();
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls (setrlimit) between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = |resource, value: u64| {
                let rlim = libc::rlimit {
                    rlim_cur: value as libc::rlim_t,
                    rlim_max: value as libc::rlim_t,
                };
                if libc::setrlimit(resource, &rlim) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            };
            limit(libc::RLIMIT_DATA, MEMORY_LIMIT_BYTES)?;
            limit(libc::RLIMIT_CPU, CPU_LIMIT_SECONDS)
        });
    }
    let started = Instant::now();
    // Reaped below with wait4, which also gives its CPU time and peak memory; std's wait cannot.
    #[allow(clippy::zombie_processes)]
    let mut child = cmd.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut stdout_pipe = child.stdout.take().unwrap();
    let mut stderr_pipe = child.stderr.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut s = Vec::new();
        stdout_pipe.read_to_end(&mut s).unwrap();
        s
    });
    let stderr = std::thread::spawn(move || {
        let mut s = Vec::new();
        stderr_pipe.read_to_end(&mut s).unwrap();
        s
    });
    let mut status = 0;
    // SAFETY: rusage is plain data; the child is ours and not yet reaped (std never waits on it).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
    let wall = started.elapsed();
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Measured {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
        stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        wall,
        // Linux reports ru_maxrss in kilobytes.
        peak_rss_bytes: usage.ru_maxrss as u64 * 1024,
    }
}

/// Runs `args` bounded and prints what it cost. Exit code 2 must come with one line on stderr
/// containing `expected` and nothing on stdout; exit code 1 (verify's "no") with `expected` in the
/// report. Either way within the limits and with the data folder unchanged.
fn assert_answered(env: &Env, case: &str, args: &[&str], code: i32, expected: &str) {
    let before = env.snapshot();
    let run = run_bounded(env, args);
    let said = if code == 2 { &run.stderr } else { &run.stdout };
    println!(
        "hostile file: {case:<52} {:>6.2} s CPU {:>6.2} s wall {:>6.1} MB peak | {}",
        run.cpu.as_secs_f64(),
        run.wall.as_secs_f64(),
        run.peak_rss_bytes as f64 / 1e6,
        said.trim_end().lines().last().unwrap_or_default()
    );
    assert_eq!(
        (run.code, run.signal),
        (Some(code), None),
        "{case}: {args:?} should exit {code} (a signal means a limit was hit): {}{}",
        run.stdout,
        run.stderr
    );
    assert!(
        said.contains(expected),
        "{case}: expected {expected:?} in {said:?}"
    );
    if code == 2 {
        assert_eq!(
            run.stderr.trim_end().lines().count(),
            1,
            "{case}: one line expected, got {:?}",
            run.stderr
        );
        assert!(
            run.stdout.is_empty(),
            "{case}: nothing on stdout on failure"
        );
    }
    assert!(
        run.peak_rss_bytes < MEMORY_LIMIT_BYTES,
        "{case}: {} bytes at peak",
        run.peak_rss_bytes
    );
    assert!(
        env.snapshot() == before,
        "{case}: {args:?} changed the store"
    );
}

fn assert_refused(env: &Env, case: &str, args: &[&str], expected: &str) {
    assert_answered(env, case, args, 2, expected)
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

// ---------------------------------------------------------------------------------------------
// Building hostile PDFs byte by byte: every offset is known, nothing repairs them on the way.

/// The header and numbered object bodies (1, 2, …) of a PDF, and each object's offset.
fn header_and_objects(objects: &[Vec<u8>]) -> (Vec<u8>, Vec<usize>) {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    (out, offsets)
}

/// A PDF of numbered object bodies with a classic cross-reference table. In `trailer_extra`,
/// `XREF` stands for the table's own offset.
fn pdf(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let (mut out, offsets) = header_and_objects(objects);
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let extra = trailer_extra.replace("XREF", &xref.to_string());
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    body.extend(data);
    body.extend(b"\nendstream");
    body
}

/// Catalog, page tree and one page: objects 1 to 3, the catalog carrying `catalog_extra`.
fn document(catalog_extra: &str) -> Vec<Vec<u8>> {
    vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
    ]
}

/// A document whose attached `agreement.sla.json` (objects 4 and 5) is `data` under `filter`.
fn with_attachment(filter: &str, data: &[u8]) -> Vec<u8> {
    let mut objects = document(
        "/Names << /EmbeddedFiles << /Names [(agreement.sla.json) 4 0 R] >> >> /AF [4 0 R]",
    );
    objects.push(
        b"<< /Type /Filespec /F (agreement.sla.json) /UF (agreement.sla.json) /EF << /F 5 0 R >> >>"
            .to_vec(),
    );
    objects.push(stream(
        &format!("/Type /EmbeddedFile /Subtype /application#2Fjson {filter}"),
        data,
    ));
    pdf(&objects, "")
}

/// A zlib stream that inflates to `size` zero bytes in a few KB per GiB: one compressed MiB
/// of zeros, flushed to a byte boundary as a non-final block, repeated, then an empty final
/// block. The checksum is left wrong: a reader that stops at its limit never gets to it.
fn zlib_bomb(size: u64) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    const MIB: usize = 1024 * 1024;
    let mut compress = Compress::new(Compression::best(), false);
    let mut block = Vec::with_capacity(4096);
    compress
        .compress_vec(&vec![0; MIB], &mut block, FlushCompress::Sync)
        .unwrap();
    let mut out = vec![0x78, 0xDA];
    for _ in 0..size / MIB as u64 {
        out.extend(&block);
    }
    // A final fixed-Huffman block holding only its end code, then the (wrong) Adler-32.
    out.extend([0x03, 0x00, 0, 0, 0, 0]);
    out
}

/// An exported agreement, its identity (P-256: made quickly) and passphrase file.
struct Signing {
    env: Env,
    pdf: PathBuf,
    p12: PathBuf,
    passphrase: PathBuf,
}

fn signing_env() -> Signing {
    let env = env_with_a_draft();
    let agreement = env.file_path("b.sla.json", env.ok(&["template", "sales-marketing"]));
    let pdf = env.path("b.pdf");
    env.ok(&["export", s(&agreement), "-o", s(&pdf)]);
    let passphrase = env.file_path("pass.txt", "correct horse battery staple\n");
    let p12 = env.path("anna.p12");
    env.ok(&[
        "identity",
        "new",
        "--name",
        "Anna Petrova",
        "--role",
        "Head of Marketing",
        "--key",
        "p256",
        "-o",
        s(&p12),
        "--passphrase-file",
        s(&passphrase),
    ]);
    Signing {
        env,
        pdf,
        p12,
        passphrase,
    }
}

/// A sparse file of 2 GiB that starts like `head`: no disk space, but every byte readable.
fn two_gib_file(env: &Env, name: &str, head: &[u8]) -> PathBuf {
    let path = env.file_path(name, head);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(2 * GIB)
        .unwrap();
    path
}

// ---------------------------------------------------------------------------------------------

#[test]
fn a_decompression_bomb_in_the_attachment_is_refused() {
    let env = env_with_a_draft();
    let bomb = env.file_path(
        "bomb.pdf",
        with_attachment("/Filter /FlateDecode", &zlib_bomb(2 * GIB)),
    );
    assert!(std::fs::metadata(&bomb).unwrap().len() < 8 << 20);
    assert_refused(
        &env,
        "PDF attachment inflating to 2 GiB (import)",
        &["import", s(&bomb)],
        "the attached agreement cannot be decompressed",
    );
}

#[test]
fn a_decompression_bomb_in_the_cross_reference_stream_is_refused() {
    let env = env_with_a_draft();
    // The file's only cross-reference section is a stream that inflates to 2 GiB: a reader
    // decodes it while loading, before any attachment is looked at.
    let (mut bytes, _) = header_and_objects(&document(""));
    let xref_at = bytes.len();
    bytes.extend(b"4 0 obj\n");
    bytes.extend(stream(
        "/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode",
        &zlib_bomb(2 * GIB),
    ));
    bytes.extend(format!("\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    let bomb = env.file_path("xref-bomb.pdf", &bytes);
    for command in ["import", "verify"] {
        assert_refused(
            &env,
            &format!("cross-reference stream inflating to 2 GiB ({command})"),
            &[command, s(&bomb)],
            "bomb",
        );
    }
}

#[test]
fn json_nested_200000_deep_is_refused() {
    let env = env_with_a_draft();
    let depth = 200_000;
    let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let file = env.file_path("deep.sla.json", json);
    assert_refused(
        &env,
        "JSON arrays nested 200,000 deep (import)",
        &["import", s(&file)],
        "recursion limit exceeded",
    );
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let file = env.file_path("deep-objects.sla.json", objects);
    assert_refused(
        &env,
        "JSON objects nested 200,000 deep (import)",
        &["import", s(&file)],
        "recursion limit exceeded",
    );
}

#[test]
fn pdf_objects_nested_thousands_deep_are_refused() {
    let env = env_with_a_draft();
    let depth = 50_000;
    let cases = [
        (
            "arrays",
            format!("/Deep {}{}", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            "dictionaries",
            format!("/Deep {}{}", "<< /A ".repeat(depth), ">>".repeat(depth)),
        ),
    ];
    for (what, extra) in cases {
        let file = env.file_path(&format!("deep-{what}.pdf"), pdf(&document(&extra), ""));
        for command in ["import", "verify"] {
            assert_refused(
                &env,
                &format!("PDF {what} nested {depth} deep ({command})"),
                &[command, s(&file)],
                "no document catalog",
            );
        }
    }

    // A page tree of indirect objects thousands of levels deep, and a name tree of the same
    // depth: readers that walk them must stop.
    let levels = 5_000;
    let mut objects = document("/Names << /EmbeddedFiles 4 0 R >>");
    objects[1] = b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>".to_vec();
    objects.push(b"<< /Kids [5 0 R] >>".to_vec());
    while objects.len() < levels {
        let next = objects.len() + 2;
        objects.push(format!("<< /Type /Pages /Kids [{next} 0 R] /Count 1 >>").into_bytes());
    }
    objects.push(b"<< /Type /Page /MediaBox [0 0 595 842] >>".to_vec());
    let file = env.file_path("deep-tree.pdf", pdf(&objects, ""));
    assert_refused(
        &env,
        &format!("PDF page tree {levels} levels deep (import)"),
        &["import", s(&file)],
        "not made by SLA Studio",
    );
    assert_answered(
        &env,
        &format!("PDF page tree {levels} levels deep (verify)"),
        &["verify", s(&file)],
        1,
        "no signatures",
    );
}

#[test]
fn cross_reference_loops_are_refused() {
    let env = env_with_a_draft();
    // A table whose /Prev names itself.
    let to_itself = env.file_path("prev-self.pdf", pdf(&document(""), "/Prev XREF"));

    // Two tables, each naming the other as the previous one (the first's /Prev written with a
    // fixed width, then patched once the second's offset is known).
    let mut looped = pdf(&document(""), "/Prev 0000000000");
    let first = rfind(&looped, b"xref\n").unwrap();
    let second = looped.len();
    looped.extend(
        format!(
            "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R /Prev {first} >>\n\
             startxref\n{second}\n%%EOF\n"
        )
        .as_bytes(),
    );
    let at = rfind(&looped[..second], b"/Prev 0000000000").unwrap() + b"/Prev ".len();
    looped[at..at + 10].copy_from_slice(format!("{second:010}").as_bytes());
    let each_other = env.file_path("prev-each-other.pdf", &looped);

    // Cross-reference streams: one whose /Prev names itself, and two naming each other.
    let streams_self = env.file_path("xref-stream-self.pdf", xref_stream_pdf(true));
    let streams_pair = env.file_path("xref-stream-pair.pdf", xref_stream_pdf(false));

    for (what, file) in [
        ("/Prev naming its own table", &to_itself),
        ("two tables naming each other", &each_other),
        ("cross-reference stream naming itself", &streams_self),
        ("cross-reference streams naming each other", &streams_pair),
    ] {
        // The loops are cut where they close; what is left has no agreement, and no signatures.
        assert_refused(
            &env,
            &format!("{what} (import)"),
            &["import", s(file)],
            "PDF",
        );
        assert_answered(
            &env,
            &format!("{what} (verify)"),
            &["verify", s(file)],
            1,
            "The document has no signatures.",
        );
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A PDF whose two cross-reference sections are streams (objects 4 and 5): the last one's /Prev
/// names itself (`to_itself`), or names the first, whose /Prev names the last.
fn xref_stream_pdf(to_itself: bool) -> Vec<u8> {
    let (mut out, offsets) = header_and_objects(&document(""));
    // Entries of /W [1 4 2] (type, offset, generation) for objects 0 to 5.
    let entries = |streams: [usize; 2]| {
        let mut data = vec![0u8, 0, 0, 0, 0, 0xFF, 0xFF];
        for offset in offsets.iter().chain(&streams) {
            data.push(1);
            data.extend((*offset as u32).to_be_bytes());
            data.extend([0, 0]);
        }
        data
    };
    // Offsets are written ten digits wide, so the first stream's length is known beforehand.
    let xref_stream = |number: u32, prev: usize, streams: [usize; 2]| {
        let mut o = format!("{number} 0 obj\n").into_bytes();
        o.extend(stream(
            &format!("/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Prev {prev:010}"),
            &entries(streams),
        ));
        o.extend(b"\nendobj\n");
        o
    };
    let first = out.len();
    let second = first + xref_stream(4, 0, [0, 0]).len();
    let streams = [first, second];
    out.extend(xref_stream(4, second, streams));
    out.extend(xref_stream(
        5,
        if to_itself { second } else { first },
        streams,
    ));
    out.extend(format!("startxref\n{second}\n%%EOF\n").as_bytes());
    out
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let signing = signing_env();
    let env = &signing.env;
    let locked = env.path("locked.pdf");
    sla_pdf_inspect::encrypt(&signing.pdf, &locked);
    for command in ["import", "verify"] {
        assert_refused(
            env,
            &format!("encrypted PDF, AES-256 ({command})"),
            &[command, s(&locked)],
            "encrypted",
        );
    }
    let never = env.path("never.pdf");
    assert_refused(
        env,
        "encrypted PDF, AES-256 (sign)",
        &[
            "sign",
            s(&locked),
            "--identity",
            s(&signing.p12),
            "--passphrase-file",
            s(&signing.passphrase),
            "-o",
            s(&never),
        ],
        "encrypted",
    );
    assert!(!never.exists());
}

#[test]
fn two_gib_files_are_refused_without_reading_them() {
    let signing = signing_env();
    let env = &signing.env;
    let pdf = two_gib_file(env, "huge.pdf", b"%PDF-1.7\n");
    for command in ["import", "verify"] {
        assert_refused(
            env,
            &format!("2 GiB file ({command})"),
            &[command, s(&pdf)],
            "is 2147483648 bytes",
        );
    }
    let never = env.path("never.pdf");
    let sign = |input: &Path, identity: &Path| {
        vec![
            "sign".to_owned(),
            s(input).to_owned(),
            "--identity".to_owned(),
            s(identity).to_owned(),
            "--passphrase-file".to_owned(),
            s(&signing.passphrase).to_owned(),
            "-o".to_owned(),
            s(&never).to_owned(),
        ]
    };
    let args = sign(&pdf, &signing.p12);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_refused(env, "2 GiB file (sign)", &args, "is 2147483648 bytes");

    let p12 = two_gib_file(env, "huge.p12", &std::fs::read(&signing.p12).unwrap());
    let args = sign(&signing.pdf, &p12);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_refused(
        env,
        "2 GiB identity (sign --identity)",
        &args,
        "is 2147483648 bytes",
    );

    let pass = two_gib_file(env, "huge-pass.txt", b"correct horse battery staple\n");
    let mut args = sign(&signing.pdf, &signing.p12);
    args[5] = s(&pass).to_owned();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_refused(
        env,
        "2 GiB passphrase file (sign)",
        &args,
        "is 2147483648 bytes",
    );
    assert!(!never.exists());

    let pem = two_gib_file(env, "huge.pem", b"-----BEGIN CERTIFICATE-----\n");
    assert_refused(
        env,
        "2 GiB certificate (verify --trust)",
        &["verify", s(&signing.pdf), "--trust", s(&pem)],
        "is 2147483648 bytes",
    );
}

#[test]
fn a_p12_with_a_wrong_mac_is_refused() {
    let signing = signing_env();
    let env = &signing.env;
    // The MAC is the last structure of a PKCS#12 file: SEQUENCE { DigestInfo { algorithm,
    // OCTET STRING digest }, OCTET STRING salt, INTEGER iterations }. Change the digest's first
    // byte: the passphrase is right, the file no longer matches its MAC.
    let mut bytes = std::fs::read(&signing.p12).unwrap();
    let digest = bytes
        .windows(2)
        .rposition(|w| w == [0x04, 0x20])
        .expect("a SHA-256 MAC digest")
        + 2;
    bytes[digest] ^= 0xFF;
    let bad = env.file_path("bad-mac.p12", &bytes);
    let never = env.path("never.pdf");
    assert_refused(
        env,
        ".p12 with a wrong MAC (sign --identity)",
        &[
            "sign",
            s(&signing.pdf),
            "--identity",
            s(&bad),
            "--passphrase-file",
            s(&signing.passphrase),
            "-o",
            s(&never),
        ],
        "bad-mac.p12",
    );
    assert!(!never.exists());
}
