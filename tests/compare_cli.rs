//! `sla-studio diff`, run as a real process against a real drafts database in a temporary folder:
//! versions of a draft, drafts against files, files against files (with no store at all), an
//! exported PDF against its JSON; the text and JSON output in both languages; exit codes 0, 1
//! and 2. No call may change the data folder.

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use std::path::{Path, PathBuf};

use env::{arg, pretty, Env};
use serde_json::{json, Value};

/// `diff` run so that a change it made to the data folder, anywhere in it, is seen.
trait Diff {
    fn diff(&self, args: &[&str], code: i32) -> String;
    fn snapshot_tree(&self) -> Option<Vec<(PathBuf, Vec<u8>)>>;
}

impl Diff for Env {
    /// Runs `diff` with `args`, checks its exit code and that it left the data folder as it was
    /// (or absent), and returns its standard output.
    fn diff(&self, args: &[&str], code: i32) -> String {
        let before = self.snapshot_tree();
        let out = self.run(&[&["diff"][..], args].concat());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "diff {args:?}: {stderr}");
        assert!(
            self.snapshot_tree() == before,
            "diff {args:?} changed the data folder"
        );
        String::from_utf8(out.stdout).unwrap()
    }
    /// Every file under the data folder with its bytes; `None` when there is no data folder.
    fn snapshot_tree(&self) -> Option<Vec<(PathBuf, Vec<u8>)>> {
        fn walk(dir: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, files);
                } else {
                    files.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        let dir = self.data_dir();
        dir.exists().then(|| {
            let mut files = vec![];
            walk(&dir, &mut files);
            files.sort();
            files
        })
    }
}

/// The edits the tests make: a target raised and a holiday added.
fn edited(a: &Value) -> Value {
    let mut b = a.clone();
    b["commitments"][0]["metrics"][0]["target"] = json!(120.0);
    b["deadlines"]["calendar"]["holidays"]
        .as_array_mut()
        .unwrap()
        .push(json!("2027-01-07"));
    b
}

const EDITS_IN_ENGLISH: &str = "\
Performance levels
  3.1.1 MQLs per sales rep: target 100 → 120 a month

Deadlines
  5.1 holiday added: 7 January 2027

2 changes
";

/// A store holding the template as draft 1, version 1, and its edit as version 2 (by `import`
/// and `save`); returns the two as JSON.
fn env_with_two_versions() -> (Env, Value, Value) {
    let env = Env::new();
    let a = env.template("en");
    let b = edited(&a);
    let first = env.file("a.sla.json", pretty(&a));
    assert_eq!(env.ok(&["import", &first]).trim(), "1");
    let second = env.file("b.sla.json", pretty(&b));
    assert_eq!(env.ok(&["save", "1", &second]).trim(), "2");
    (env, a, b)
}

#[test]
fn two_versions_of_a_draft_read_as_their_changes_under_the_wizards_steps() {
    let (env, _, _) = env_with_two_versions();
    assert_eq!(env.diff(&["1@1", "1@2"], 1), EDITS_IN_ENGLISH);
    // A bare id is the latest version.
    assert_eq!(env.diff(&["1@1", "1"], 1), EDITS_IN_ENGLISH);
    assert_eq!(
        env.diff(&["1@2", "1@1"], 1),
        "\
Performance levels
  3.1.1 MQLs per sales rep: target 120 → 100 a month

Deadlines
  5.1 holiday removed: 7 January 2027

2 changes
"
    );
    assert_eq!(
        env.diff(&["1", "1@2"], 0),
        "The two agreements are the same.\n"
    );
}

#[test]
fn a_draft_compares_with_a_file() {
    let (env, a, b) = env_with_two_versions();
    let edited_file = env.file("edited.sla.json", pretty(&b));
    assert_eq!(env.diff(&["1@1", &edited_file], 1), EDITS_IN_ENGLISH);
    let original_file = env.file("original.sla.json", pretty(&a));
    assert_eq!(
        env.diff(&[&original_file, "1@1"], 0),
        "The two agreements are the same.\n"
    );
}

#[test]
fn two_files_compare_without_a_store() {
    let env = Env::new();
    let a = env.template("en");
    let first = env.file("a.sla.json", pretty(&a));
    let second = env.file("b.sla.json", pretty(&edited(&a)));
    assert_eq!(env.diff(&[&first, &second], 1), EDITS_IN_ENGLISH);
    assert_eq!(
        env.diff(&[&first, &first], 0),
        "The two agreements are the same.\n"
    );
    assert!(
        !env.data_dir().exists(),
        "comparing two files must not create a store"
    );
}

#[test]
fn an_exported_or_signed_pdf_holds_the_same_agreement_as_its_json() {
    let env = Env::new();
    let a = env.template("en");
    let json = env.file("a.sla.json", pretty(&a));
    let pdf = arg(&env.path("a.pdf"));
    env.ok(&["export", &json, "-o", &pdf]);
    assert_eq!(
        env.diff(&[&pdf, &json], 0),
        "The two agreements are the same.\n"
    );
    let second = env.file("b.sla.json", pretty(&edited(&a)));
    assert_eq!(env.diff(&[&pdf, &second], 1), EDITS_IN_ENGLISH);
    assert!(!env.data_dir().exists(), "no store was needed");

    // Signing adds to the PDF and leaves the agreement in it as it was.
    let pass = env.file("pass.txt", "correct horse battery staple\n");
    let identity = arg(&env.path("anna.p12"));
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
        &identity,
        "--passphrase-file",
        &pass,
        "--certificate",
        &arg(&env.path("anna.pem")),
    ]);
    let signed = arg(&env.path("signed.pdf"));
    env.ok(&[
        "sign",
        &pdf,
        "--identity",
        &identity,
        "--passphrase-file",
        &pass,
        "-o",
        &signed,
    ]);
    assert_eq!(
        env.diff(&[&json, &signed], 0),
        "The two agreements are the same.\n"
    );
    assert_eq!(env.diff(&[&signed, &second], 1), EDITS_IN_ENGLISH);
}

#[test]
fn json_lists_the_changes_as_the_comparison_has_them() {
    let (env, _, _) = env_with_two_versions();
    let changes: Value = serde_json::from_str(&env.diff(&["1@1", "1@2", "--json"], 1)).unwrap();
    let changes = changes.as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:#?}");
    let target = &changes[0];
    assert_eq!(
        target["key"],
        "commitments[mkt-leads].metrics[mql-per-rep].target"
    );
    assert_eq!(target["kind"], "changed");
    assert_eq!(target["step"], "performance");
    assert_eq!(target["old"], json!(100.0));
    assert_eq!(target["new"], json!(120.0));
    assert_eq!(
        target["sentence"],
        "3.1.1 MQLs per sales rep: target 100 → 120 a month"
    );
    assert_eq!(target["text"]["en"], target["sentence"]);
    assert_eq!(
        target["text"]["ru"],
        "3.1.1 MQLs per sales rep: целевое значение 100 → 120 за месяц"
    );
    assert_eq!(target["subject"]["en"], "3.1.1 MQLs per sales rep, target");
    let holiday = &changes[1];
    assert_eq!(holiday["key"], "deadlines.calendar.holidays[2027-01-07]");
    assert_eq!(holiday["kind"], "added");
    assert_eq!(holiday["step"], "deadlines");
    assert_eq!(holiday["old"], Value::Null);
    assert_eq!(holiday["new"], "2027-01-07");

    let russian: Value =
        serde_json::from_str(&env.diff(&["1@1", "1@2", "--json", "--lang", "ru"], 1)).unwrap();
    assert_eq!(russian[0]["sentence"], target["text"]["ru"]);
    assert_eq!(env.diff(&["1", "1@2", "--json"], 0).trim(), "[]");
}

#[test]
fn a_russian_agreement_reads_in_russian() {
    let env = Env::new();
    let a = env.template("ru");
    let mut b = edited(&a);
    b["signatories"][1]["name"] = json!("Ольга Иванова");
    b["term"]["review_dates"].as_array_mut().unwrap().remove(0);
    let first = env.file("a.sla.json", pretty(&a));
    let second = env.file("b.sla.json", pretty(&b));
    assert_eq!(
        env.diff(&[&first, &second], 1),
        "\
Стороны и услуги
  1.2 дата пересмотра удалена: 31\u{a0}марта 2027\u{a0}г.

Уровень услуг
  3.1.1 MQL на менеджера по продажам: целевое значение 100 → 120 за месяц

Сроки
  5.1 праздничный день добавлен: 7\u{a0}января 2027\u{a0}г.

Подписание и экспорт
  8. подписант от продаж: Игорь Смирнов → Ольга Иванова

4 изменения
"
    );
    assert_eq!(env.diff(&[&first, &first], 0), "Соглашения совпадают.\n");
    // --lang overrides the agreement's language.
    let english = env.diff(&[&first, &second, "--lang", "en"], 1);
    assert!(
        english.contains(
            "Sign-off and export\n  8. signatory for Sales: Игорь Смирнов → Ольга Иванова\n"
        ),
        "{english}"
    );
    assert!(english.ends_with("\n4 changes\n"), "{english}");
}

#[test]
fn the_language_is_the_second_agreements() {
    let env = Env::new();
    let a = env.template("en");
    let mut b = a.clone();
    b["language"] = json!("ru");
    let first = env.file("a.sla.json", pretty(&a));
    let second = env.file("b.sla.json", pretty(&b));
    let out = env.diff(&[&first, &second], 1);
    assert!(out.starts_with("Проверка\n  "), "{out}");
    assert!(out.ends_with("\n1 изменение\n"), "{out}");
    let out = env.diff(&[&second, &first], 1);
    assert!(out.starts_with("Review\n  "), "{out}");
    assert!(out.ends_with("\n1 change\n"), "{out}");
}

#[test]
fn two_different_agreements_are_compared_after_saying_so() {
    let env = Env::new();
    let a = env.template("en");
    let mut b = edited(&a);
    b["id"] = json!("00000000-0000-4000-8000-00000000beef");
    b["title"] = json!("Another agreement");
    let first = env.file("a.sla.json", pretty(&a));
    let second = env.file("b.sla.json", pretty(&b));
    let out = env.diff(&[&first, &second], 1);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "These are two different agreements: “Service-level agreement between Marketing and Sales” ({}) and “Another agreement” (00000000-0000-4000-8000-00000000beef).",
            a["id"].as_str().unwrap()
        )
    );
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("Parties and service"));
    assert!(
        out.contains("\n  3.1.1 MQLs per sales rep: target 100 → 120 a month\n"),
        "{out}"
    );
    assert!(out.ends_with("\n4 changes\n"), "{out}");

    // With --json the line goes to stderr, so that standard output stays JSON.
    let json = env.run(&["diff", &first, &second, "--json"]);
    assert_eq!(json.status.code(), Some(1));
    let changes: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(changes.as_array().unwrap().len(), 4);
    assert!(
        String::from_utf8_lossy(&json.stderr).starts_with("These are two different agreements: "),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
}

/// Runs `diff args`, expects exit 2, nothing on stdout and one line on stderr containing each
/// of `expected`, and the data folder as it was.
fn assert_refused(env: &Env, args: &[&str], expected: &[&str]) {
    let before = env.snapshot_tree();
    let out = env.run(&[&["diff"][..], args].concat());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "diff {args:?}: {stderr}");
    for expected in expected {
        assert!(
            stderr.contains(expected),
            "diff {args:?}: expected {expected:?} in {stderr:?}"
        );
    }
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout: {:?}", out.stdout);
    assert!(
        env.snapshot_tree() == before,
        "diff {args:?} changed the data folder"
    );
}

/// A well-formed PDF of one empty page, with nothing attached.
fn pdf_without_an_agreement() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = vec![];
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn bad_input_is_named_and_exits_2() {
    let (env, a, _) = env_with_two_versions();
    let good = env.file("good.sla.json", pretty(&a));

    assert_refused(&env, &["1", "999"], &["draft 999 does not exist"]);
    assert_refused(
        &env,
        &["1@42", "1"],
        &["draft 1 has no version 42 (its versions are 1 to 2)"],
    );
    for malformed in ["1@x", "1@", "1@-2", "12@3@4"] {
        assert_refused(
            &env,
            &[&good, malformed],
            &[format!(
                "`{malformed}` is neither a file nor a draft: write a draft as its id (12) or a version of it as ID@VERSION (12@3)"
            )
            .as_str()],
        );
    }

    let missing = arg(&env.path("nowhere.sla.json"));
    // The system's own words differ ("No such file or directory", "File not found"); its error
    // number does not.
    assert_refused(&env, &[&missing, "1"], &[missing.as_str(), "(os error 2)"]);

    let not_ours = env.file("other.pdf", pdf_without_an_agreement());
    assert_refused(
        &env,
        &["1", &not_ours],
        &[format!("{not_ours}: this PDF was not made by SLA Studio").as_str()],
    );

    let mut future = a.clone();
    future["schema_version"] = json!(99);
    let future = env.file("future.sla.json", pretty(&future));
    assert_refused(
        &env,
        &[&good, &future],
        &[future.as_str(), "unknown schema version 99"],
    );

    // A bad file is reported before the store is looked at.
    assert_refused(&env, &["999", &missing], &[missing.as_str()]);
}

#[test]
fn a_draft_without_a_store_is_named_and_no_store_is_made() {
    let env = Env::new();
    let file = env.file("a.sla.json", pretty(&env.template("en")));
    let database = env.data_dir().join("drafts.sqlite3");
    assert_refused(
        &env,
        &[&file, "1"],
        &[
            "draft 1 does not exist: there is no drafts database at",
            arg(&database).as_str(),
        ],
    );
    assert!(!env.data_dir().exists(), "a data folder was created");
}

/// The headings are the wizard's own step names (`step-*` in wizard.ftl), kept in compare.ftl
/// for the Rust side.
#[test]
fn headings_are_the_wizards_step_names() {
    fn messages(ftl: &str) -> Vec<(&str, &str)> {
        ftl.lines()
            .filter_map(|line| line.split_once(" = "))
            .collect()
    }
    for (wizard, compare) in [
        (
            include_str!("../ui/src/locales/en/wizard.ftl"),
            include_str!("../ui/src/locales/en/compare.ftl"),
        ),
        (
            include_str!("../ui/src/locales/ru/wizard.ftl"),
            include_str!("../ui/src/locales/ru/compare.ftl"),
        ),
    ] {
        let (wizard, compare) = (messages(wizard), messages(compare));
        let groups: Vec<_> = compare
            .iter()
            .filter_map(|(id, text)| Some((id.strip_prefix("compare-group-")?, *text)))
            .collect();
        assert_eq!(groups.len(), 7, "{groups:?}");
        for (step, heading) in groups {
            let id = format!("step-{step}");
            let name = wizard.iter().find(|(i, _)| *i == id).map(|(_, t)| *t);
            assert_eq!(name, Some(heading), "{id}");
        }
    }
}
