//! The headless CLI, run as a real process against a real drafts database in a temporary folder.
//! Every bad-input case must fail with one line naming the problem, exit non-zero, and leave the
//! store exactly as it was.

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use env::Env;
use sla_pdf_inspect::{pdfsig, pdftotext_layout};

fn template_json(env: &Env) -> String {
    env.ok(&["template", "sales-marketing"])
}

fn edited(env: &Env, f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&template_json(env)).unwrap();
    f(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

/// Runs `args`, expects failure with exit code 2 and a one-line error containing `expected`, and
/// checks the data folder did not change.
fn assert_refused(env: &Env, args: &[&str], expected: &str) {
    let before = env.snapshot();
    let out = env.run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(
        stderr.contains(expected),
        "{args:?}: expected {expected:?} in {stderr:?}"
    );
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one line expected, got {stderr:?}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout on failure");
    assert!(env.snapshot() == before, "{args:?} changed the store");
}

#[test]
fn template_list_names_the_built_in_and_the_blank_template() {
    let env = Env::new();
    let out = env.ok(&["template", "--list"]);
    assert!(
        out.contains("sales-marketing") && out.contains("blank"),
        "{out}"
    );
}

#[test]
fn templates_print_valid_agreements_in_both_languages() {
    let env = Env::new();
    for lang in ["en", "ru"] {
        for name in ["sales-marketing", "blank"] {
            let json = env.ok(&["template", name, "--lang", lang]);
            let agreement = sla_model::from_json(&json).unwrap();
            assert_eq!(serde_json::to_value(agreement.language).unwrap(), lang);
        }
    }
    assert!(
        !env.data_dir().exists(),
        "printing a template must not create a store"
    );
}

#[test]
fn import_show_drafts_and_history_round_trip() {
    let env = Env::new();
    let json = template_json(&env);
    let file = env.file_path("a.sla.json", &json);
    let id = env.ok(&["import", file.to_str().unwrap()]);
    let id = id.trim();
    assert!(
        id.parse::<i64>().is_ok(),
        "import prints the draft id, got {id:?}"
    );

    let shown = env.ok(&["show", id]);
    assert_eq!(
        sla_model::from_json(&shown).unwrap(),
        sla_model::from_json(&json).unwrap()
    );

    let list = env.ok(&["drafts"]);
    assert!(
        list.contains("Service-level agreement between Marketing and Sales"),
        "{list}"
    );
    let listed: serde_json::Value = serde_json::from_str(&env.ok(&["drafts", "--json"])).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let limited = env.ok(&["drafts", "--limit", "1", "--json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&limited).unwrap(),
        listed
    );

    let found = env.ok(&["drafts", "--search", "Petrova"]);
    assert!(found.contains(id), "{found}");
    let none = env.ok(&["drafts", "--search", "Zyxwvut"]);
    assert!(!none.contains("Service-level"), "{none}");

    let history = env.ok(&["history", id]);
    assert!(history.starts_with("v1 "), "{history}");
    assert!(history.contains("imported from"), "{history}");
}

#[test]
fn drafts_prints_every_draft_or_the_newest_few() {
    let env = Env::new();
    let ids: Vec<String> = (0..3)
        .map(|i| {
            let file = env.file_path(
                &format!("{i}.sla.json"),
                edited(&env, |v| {
                    v["title"] = format!("Agreement number {i}").into()
                }),
            );
            env.ok(&["import", file.to_str().unwrap()])
                .trim()
                .to_string()
        })
        .collect();
    let listed_ids = |args: &[&str]| -> Vec<String> {
        env.ok(args)
            .lines()
            .map(|line| line.split_whitespace().next().unwrap().to_string())
            .collect()
    };
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(listed_ids(&["drafts"]), newest_first);
    assert_eq!(listed_ids(&["drafts", "--limit", "2"]), newest_first[..2]);
    assert_eq!(listed_ids(&["drafts", "--limit", "99"]), newest_first);
    assert_eq!(
        listed_ids(&["drafts", "--search", "number", "--limit", "1"]),
        newest_first[..1]
    );
    let zero = env.run(&["drafts", "--limit", "0"]);
    let stderr = String::from_utf8_lossy(&zero.stderr);
    assert_eq!(zero.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("'--limit <N>': \"0\" is not a number of drafts (1 or more)"),
        "{stderr}"
    );
}

#[test]
fn help_is_available_on_every_command() {
    let env = Env::new();
    for cmd in [
        "template", "import", "drafts", "show", "history", "review", "actual", "calendar",
    ] {
        let out = env.ok(&[cmd, "--help"]);
        assert!(out.contains("Usage: sla-studio"), "{cmd}: {out}");
    }
}

/// A store with one draft in it, so "unchanged" is checked against real data.
fn env_with_a_draft() -> Env {
    let env = Env::new();
    let file = env.file_path("seed.sla.json", template_json(&env));
    env.ok(&["import", file.to_str().unwrap()]);
    env
}

#[test]
fn malformed_json_names_line_and_column() {
    let env = env_with_a_draft();
    let file = env.file_path(
        "bad.json",
        "{\n  \"schema_version\": 1,\n  \"title\": \"x\",,\n}",
    );
    assert_refused(
        &env,
        &["import", file.to_str().unwrap()],
        "bad.json: malformed JSON at line 3, column 16: key must be a string",
    );
}

#[test]
fn unknown_schema_version_is_refused() {
    let env = env_with_a_draft();
    let file = env.file_path(
        "future.json",
        edited(&env, |v| v["schema_version"] = 99.into()),
    );
    assert_refused(
        &env,
        &["import", file.to_str().unwrap()],
        "unknown schema version 99",
    );
}

#[test]
fn missing_field_names_its_path() {
    let env = env_with_a_draft();
    let file = env.file_path(
        "missing.json",
        edited(&env, |v| {
            v["term"].as_object_mut().unwrap().remove("effective_date");
        }),
    );
    assert_refused(&env, &["import", file.to_str().unwrap()], "field `term`");
    assert_refused(
        &env,
        &["import", file.to_str().unwrap()],
        "missing field `effective_date`",
    );
}

#[test]
fn wrongly_typed_field_names_path_line_and_column() {
    let env = env_with_a_draft();
    let file = env.file_path(
        "typed.json",
        edited(&env, |v| v["term"]["duration_months"] = "twelve".into()),
    );
    assert_refused(
        &env,
        &["import", file.to_str().unwrap()],
        "field `term.duration_months` (line ",
    );
    assert_refused(
        &env,
        &["import", file.to_str().unwrap()],
        "invalid type: string \"twelve\"",
    );
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let env = env_with_a_draft();
    let path = env.dir.path().join("huge.json");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    assert_refused(
        &env,
        &["import", path.to_str().unwrap()],
        "is 1073741824 bytes; an agreement file is at most",
    );
}

#[test]
fn directory_is_refused() {
    let env = env_with_a_draft();
    let dir = env.dir.path().join("folder.sla.json");
    std::fs::create_dir(&dir).unwrap();
    assert_refused(
        &env,
        &["import", dir.to_str().unwrap()],
        "is a directory, not an agreement file",
    );
}

#[test]
fn missing_file_is_refused() {
    let env = env_with_a_draft();
    let path = env.dir.path().join("nowhere.json");
    assert_refused(
        &env,
        &["import", path.to_str().unwrap()],
        // The system's own words differ ("No such file or directory", "File not found"); its
        // error number does not.
        "(os error 2)",
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_refused() {
    let env = env_with_a_draft();
    let file = env.file_path("secret.json", template_json(&env));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file, so run the CLI as an unprivileged user when we are root.
    let is_root = effective_uid() == 0;
    let args = ["import", file.to_str().unwrap()];
    let before = env.snapshot();
    let out = if is_root {
        std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", env::BIN])
            .args(args)
            .env("SLA_STUDIO_DATA_DIR", env.data_dir())
            .output()
            .expect("setpriv (util-linux) runs the CLI as nobody")
    } else {
        env.run(&args)
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Permission denied") && stderr.contains("secret.json"),
        "{stderr}"
    );
    assert!(env.snapshot() == before);
}

/// Windows' counterpart of a file without read permission: one another program holds open without
/// sharing it (as Excel does with a workbook), which nobody else may read.
#[cfg(windows)]
#[test]
fn file_held_by_another_program_is_refused() {
    use std::os::windows::fs::OpenOptionsExt;
    let env = env_with_a_draft();
    let file = env.file_path("secret.json", template_json(&env));
    let _held = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(0)
        .open(&file)
        .unwrap();
    let before = env.snapshot();
    let out = env.run(&["import", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("secret.json"), "{stderr}");
    assert!(env.snapshot() == before);
}

/// On Windows a PDF open in a viewer cannot be replaced: the export says so, names the file,
/// leaves the open one as it was and no temporary file beside it.
#[cfg(windows)]
#[test]
fn export_over_a_pdf_open_in_a_viewer_names_the_cause() {
    use std::os::windows::fs::OpenOptionsExt;
    const FILE_SHARE_READ: u32 = 1;
    let env = env_with_a_draft();
    let pdf = env.file_path("agreement.pdf", b"%PDF-1.7 the copy a viewer has open");
    let viewer = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(FILE_SHARE_READ)
        .open(&pdf)
        .unwrap();
    let out = env.run(&["export", "1", "-o", pdf.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("agreement.pdf") && stderr.contains("open in another program"),
        "{stderr}"
    );
    drop(viewer);
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        b"%PDF-1.7 the copy a viewer has open"
    );
    let left: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[cfg(unix)]
fn effective_uid() -> u32 {
    use std::os::unix::fs::MetadataExt;
    // The owner of a file we just created is our effective uid.
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid()
}

#[test]
fn not_utf8_is_refused() {
    let env = env_with_a_draft();
    let file = env.file_path("latin1.json", b"{\"title\": \"caf\xe9\"}");
    assert_refused(&env, &["import", file.to_str().unwrap()], "not UTF-8 text");
}

#[test]
fn unknown_draft_and_version_are_named() {
    let env = env_with_a_draft();
    assert_refused(&env, &["show", "999"], "999");
    assert_refused(&env, &["show", "1", "--version", "42"], "42");
    assert_refused(&env, &["history", "999"], "999");
}

#[test]
fn bad_arguments_are_refused_by_the_parser() {
    let env = env_with_a_draft();
    let before = env.snapshot();
    for args in [
        &["show", "abc"][..],
        &["template", "nope"],
        &["import"],
        &["frobnicate"],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    assert!(env.snapshot() == before);
}

#[cfg(target_os = "linux")]
#[test]
fn window_without_a_display_explains_itself() {
    let env = Env::new();
    let out = env.run(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no display"), "{stderr}");
    assert!(
        !env.data_dir().exists(),
        "nothing is created when the window cannot open"
    );
}

/// Windows' counterpart: no WebView2 runtime (as under Wine, where these tests run). On a machine
/// that has it, the window would open, so there is nothing to check.
#[cfg(windows)]
#[test]
fn window_without_webview2_explains_itself() {
    if let Ok(version) = tauri::webview_version() {
        eprintln!("WebView2 {version} is installed here: the window would open");
        return;
    }
    let env = Env::new();
    let out = env.run(&[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("WebView2 Runtime") && stderr.contains("developer.microsoft.com"),
        "{stderr}"
    );
    assert!(
        !env.data_dir().exists(),
        "nothing is created when the window cannot open"
    );
}

#[test]
fn lint_exit_codes_follow_the_findings() {
    let env = Env::new();
    let good = env.file_path("good.sla.json", template_json(&env));
    let out = env.run(&["lint", good.to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        findings.as_array().unwrap().len(),
        0,
        "the template passes every check: {findings}"
    );

    // The article's first warning: a metric the provider does not control.
    let bad = env.file_path(
        "bad.sla.json",
        edited(&env, |v| {
            v["commitments"][0]["metrics"][0]["owner"] = "sales".into()
        }),
    );
    let out = env.run(&["lint", bad.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let owner = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "metric-owner-not-provider")
        .expect("the owner check fires");
    assert_eq!(owner["field"], "commitments[0].metrics[0].owner");
    assert_eq!(owner["severity"], "error");

    let text = env.run(&["lint", bad.to_str().unwrap(), "--lang", "ru"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("error[metric-owner-not-provider] commitments[0].metrics[0].owner"),
        "{text}"
    );
    assert!(
        text.chars().any(|c| ('а'..='я').contains(&c)),
        "Russian messages: {text}"
    );

    assert_refused(
        &env,
        &["lint", "/nonexistent/x.json"],
        "cannot read /nonexistent/x.json",
    );
}

#[test]
fn export_writes_a_pdf_that_imports_back_exactly() {
    let env = Env::new();
    let json = template_json(&env);
    let file = env.file_path("a.sla.json", &json);
    let pdf = env.dir.path().join("a.pdf");
    let out = env.ok(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.contains("bytes"), "{out}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let id = env.ok(&["import", pdf.to_str().unwrap()]);
    let shown = env.ok(&["show", id.trim()]);
    assert_eq!(
        sla_model::from_json(&shown).unwrap(),
        sla_model::from_json(&json).unwrap()
    );

    // A stored draft exports by id, in the other language.
    let ru_pdf = env.dir.path().join("ru.pdf");
    env.ok(&[
        "export",
        id.trim(),
        "-o",
        ru_pdf.to_str().unwrap(),
        "--lang",
        "ru",
    ]);
    // The exported version is kept: the window's autosave never folds later edits into it.
    let store = sla_store::Store::open(&env.store_path()).unwrap();
    let history = store.history(id.trim().parse().unwrap()).unwrap();
    assert!(history.last().unwrap().kept, "{history:?}");
    drop(store);
    let text = pdftotext_layout(&ru_pdf, None);
    assert!(text.contains("Anna Petrova"), "typed names stay as typed");
    assert!(
        text.chars().any(|c| ('а'..='я').contains(&c)),
        "Russian labels: {text}"
    );
}

#[test]
fn export_of_bad_input_writes_nothing() {
    let env = env_with_a_draft();
    let out_pdf = env.dir.path().join("never.pdf");
    let bad = env.file_path("bad.json", "{");
    assert_refused(
        &env,
        &[
            "export",
            bad.to_str().unwrap(),
            "-o",
            out_pdf.to_str().unwrap(),
        ],
        "malformed JSON",
    );
    assert_refused(
        &env,
        &["export", "42", "-o", out_pdf.to_str().unwrap()],
        "42",
    );
    assert!(!out_pdf.exists());
    let not_ours = env.file_path(
        "other.pdf",
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    );
    assert_refused(&env, &["import", not_ours.to_str().unwrap()], "other.pdf: ");
}

#[test]
fn sign_countersign_and_verify_from_the_command_line() {
    let env = Env::new();
    let dir = env.dir.path();
    let agreement = env.file_path("a.sla.json", template_json(&env));
    let pdf = dir.join("a.pdf");
    env.ok(&[
        "export",
        agreement.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let pass = env.file_path("pass.txt", "correct horse battery staple\n");
    let p = |name: &str| dir.join(name).to_str().unwrap().to_string();
    for (name, role, key, file) in [
        ("Anna Petrova", "Head of Marketing", "rsa", "anna"),
        ("Igor Smirnov", "Head of Sales", "p256", "igor"),
    ] {
        env.ok(&[
            "identity",
            "new",
            "--name",
            name,
            "--role",
            role,
            "--key",
            key,
            "-o",
            &p(&format!("{file}.p12")),
            "--passphrase-file",
            pass.to_str().unwrap(),
            "--certificate",
            &p(&format!("{file}.pem")),
        ]);
    }
    env.ok(&[
        "sign",
        pdf.to_str().unwrap(),
        "--identity",
        &p("anna.p12"),
        "--passphrase-file",
        pass.to_str().unwrap(),
        "-o",
        &p("signed1.pdf"),
    ]);
    let first = env.ok(&["verify", &p("signed1.pdf")]);
    assert!(
        first.contains("Anna Petrova") && first.contains("VALID"),
        "{first}"
    );
    assert!(
        first.contains("sig-2"),
        "the second field is still unsigned: {first}"
    );

    env.ok(&[
        "sign",
        &p("signed1.pdf"),
        "--identity",
        &p("igor.p12"),
        "--passphrase-file",
        pass.to_str().unwrap(),
        "-o",
        &p("signed2.pdf"),
    ]);
    let both = env.ok(&[
        "verify",
        &p("signed2.pdf"),
        "--trust",
        &p("anna.pem"),
        "--trust",
        &p("igor.pem"),
        "--lang",
        "ru",
    ]);
    assert_eq!(both.matches("ДЕЙСТВИТЕЛЬНА").count(), 2, "{both}");

    // poppler, which nobody here wrote, agrees.
    let signatures = pdfsig(p("signed2.pdf"));
    assert_eq!(signatures.valid, 2, "{}", signatures.report);

    // One changed byte inside the first signed range: verify says no, with exit code 1.
    let mut bytes = std::fs::read(p("signed2.pdf")).unwrap();
    let at = bytes
        .windows(6)
        .position(|w| w == b"Petrov")
        .unwrap_or(2000);
    bytes[at] ^= 0x01;
    std::fs::write(p("tampered.pdf"), &bytes).unwrap();
    let out = env.run(&["verify", &p("tampered.pdf")]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // A wrong passphrase writes nothing.
    let wrong = env.file_path("wrong.txt", "not it\n");
    let out = env.run(&[
        "sign",
        pdf.to_str().unwrap(),
        "--identity",
        &p("anna.p12"),
        "--passphrase-file",
        wrong.to_str().unwrap(),
        "-o",
        &p("never.pdf"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("passphrase"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("never.pdf").exists());
}
