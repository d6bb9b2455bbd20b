//! Two heads, each with a data folder of their own, negotiating through files with the CLI as a
//! real process: `export` to a proposal (.json) or a PDF naming its base, `import` recognising
//! the same agreement, `merge` three ways with changes rejected by key, conflicts refused until
//! `--accept-all`, a two-way merge only when confirmed; both languages; exit codes 0, 1 and 2.

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use env::{arg, pretty, Env};
use serde_json::{json, Value};
use sla_pdf_inspect::pdftotext_layout;

fn read(env: &Env, name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(env.path(name)).unwrap()).unwrap()
}

/// Anna's draft 1 from the template, sent to Igor as `p1.sla.json` and imported there as his
/// draft 1.
fn anna_and_igor() -> (Env, Env, Value) {
    let anna = Env::new();
    let igor = Env::new();
    let a = anna.template("en");
    let file = anna.file("a.sla.json", pretty(&a));
    assert_eq!(anna.ok(&["import", &file]).trim(), "1");
    let p1 = arg(&anna.path("p1.sla.json"));
    anna.ok(&["export", "1", "-o", &p1, "--from", "marketing"]);
    let sent = read(&anna, "p1.sla.json");
    assert_eq!(sent["negotiation"]["from"], "marketing");
    assert_eq!(sent["negotiation"]["base"]["version"], 1);
    let p1_at_igor = igor.file("p1.sla.json", std::fs::read(&p1).unwrap());
    assert_eq!(igor.ok(&["import", &p1_at_igor]).trim(), "1");
    (anna, igor, a)
}

#[test]
fn a_proposal_comes_back_merged_three_ways_with_one_change_rejected() {
    let (anna, igor, a) = anna_and_igor();
    // Igor's draft is the same agreement, without the file's details.
    let igor_v1: Value = serde_json::from_str(&igor.ok(&["show", "1"])).unwrap();
    assert_eq!(igor_v1["id"], a["id"]);
    assert!(igor_v1.get("negotiation").is_none(), "{igor_v1}");

    // Igor lowers two targets and comments on a third.
    let mut edited = igor_v1.clone();
    edited["commitments"][0]["metrics"][0]["target"] = json!(80.0);
    edited["commitments"][0]["metrics"][1]["target"] = json!(60.0);
    edited["negotiation"] = json!({"comments": [{
        "id": "t1",
        "on": "commitments[mkt-leads].metrics[mql-per-rep].target",
        "messages": [{"id": "m1", "side": "sales", "author": "Igor Smirnov",
                      "at": "2026-11-03T09:00:00Z", "text": "<b>Too high</b> for Q1"}]
    }]});
    let file = igor.file("v2.sla.json", pretty(&edited));
    assert_eq!(igor.ok(&["save", "1", &file]).trim(), "2");
    let p2 = arg(&igor.path("p2.sla.json"));
    igor.ok(&["export", "1", "-o", &p2, "--from", "sales"]);
    let p2_at_anna = anna.file("p2.sla.json", std::fs::read(&p2).unwrap());

    // Importing it at Anna's is refused: it is draft 1's next version.
    let out = anna.code(&["import", &p2_at_anna], 1);
    assert!(out.contains("is a new version of draft 1"), "{out}");
    assert!(out.contains("sla-studio merge 1"), "{out}");
    assert_eq!(anna.ok(&["drafts", "--json"]).matches("\"id\"").count(), 1);

    // The proposal as JSON, without saving: two changes, the base found, one new comment.
    let shown: Value =
        serde_json::from_str(&anna.ok(&["merge", "1", &p2_at_anna, "--json", "--dry-run"]))
            .unwrap();
    assert_eq!(shown["base"], json!({"kind": "found", "version": 1}));
    assert_eq!(shown["from"], "sales");
    assert_eq!(shown["proposer"], "Igor Smirnov");
    assert_eq!(shown["new_comments"], 1);
    assert_eq!(shown["saved_version"], Value::Null);
    let keys: Vec<&str> = shown["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "commitments[mkt-leads].metrics[mql-per-rep].target",
            "commitments[mkt-leads].metrics[mql-acceptance].target",
        ]
    );
    assert_eq!(anna.ok(&["history", "1"]).lines().count(), 1);
    // A key the proposal does not have is bad input, and saves nothing.
    let out = anna.run(&["merge", "1", &p2_at_anna, "--reject", "title"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no change with key `title`"));
    assert_eq!(anna.ok(&["history", "1"]).lines().count(), 1);

    // Rejecting one of them by key and accepting the other.
    let out = anna.ok(&[
        "merge",
        "1",
        &p2_at_anna,
        "--reject",
        "commitments[mkt-leads].metrics[mql-acceptance].target",
    ]);
    assert_eq!(
        out,
        "Proposal of Igor Smirnov for draft 1 (“Service-level agreement between Marketing and Sales”).
Compared three ways from version 1, the version you both last had: only what the proposal changed is shown.

Performance levels
  3.1.1 MQLs per sales rep: target 100 → 80 a month
  3.1.2 Sales acceptance rate: target 70% → 60% a month

2 changes, 1 new comment
Merged into draft 1 as version 2.
"
    );
    let merged: Value = serde_json::from_str(&anna.ok(&["show", "1"])).unwrap();
    assert_eq!(merged["commitments"][0]["metrics"][0]["target"], 80.0);
    assert_eq!(merged["commitments"][0]["metrics"][1]["target"], 70.0);
    assert_eq!(
        merged["negotiation"]["comments"][0]["messages"][0]["text"],
        "<b>Too high</b> for Q1"
    );
    assert!(anna
        .ok(&["history", "1"])
        .contains("merged the proposal of Igor Smirnov"));

    // The same file again offers only the change rejected before.
    let again: Value =
        serde_json::from_str(&anna.ok(&["merge", "1", &p2_at_anna, "--json", "--dry-run"]))
            .unwrap();
    assert_eq!(again["changes"].as_array().unwrap().len(), 1);
    assert_eq!(again["new_comments"], 0);
}

#[test]
fn conflicts_are_refused_until_the_proposals_side_is_taken() {
    let (anna, igor, _) = anna_and_igor();
    let mut theirs: Value = serde_json::from_str(&igor.ok(&["show", "1"])).unwrap();
    theirs["commitments"][0]["metrics"][0]["target"] = json!(80.0);
    let file = igor.file("v2.sla.json", pretty(&theirs));
    igor.ok(&["save", "1", &file]);
    let p2 = arg(&igor.path("p2.pdf"));
    igor.ok(&["export", "1", "-o", &p2, "--from", "sales", "--lang", "ru"]);

    let mut ours: Value = serde_json::from_str(&anna.ok(&["show", "1"])).unwrap();
    ours["commitments"][0]["metrics"][0]["target"] = json!(120.0);
    let file = anna.file("mine.sla.json", pretty(&ours));
    anna.ok(&["save", "1", &file]);

    // The PDF carries its base too.
    let p2_at_anna = anna.file("p2.pdf", std::fs::read(&p2).unwrap());
    let out = anna.code(&["merge", "1", &p2_at_anna, "--lang", "ru"], 1);
    assert!(out.contains("Конфликты: это изменили вы оба"), "{out}");
    assert!(
        out.contains("ваше: 3.1.1 MQLs per sales rep: целевое значение 100 → 120 за месяц"),
        "{out}"
    );
    assert!(
        out.contains("их: 3.1.1 MQLs per sales rep: целевое значение 100 → 80 за месяц"),
        "{out}"
    );
    assert!(out.contains("Остался 1 конфликт"), "{out}");
    assert_eq!(
        anna.ok(&["history", "1"]).lines().count(),
        2,
        "nothing saved"
    );

    anna.ok(&["merge", "1", &p2_at_anna, "--accept-all"]);
    let now: Value = serde_json::from_str(&anna.ok(&["show", "1"])).unwrap();
    assert_eq!(now["commitments"][0]["metrics"][0]["target"], 80.0);
}

#[test]
fn a_file_from_elsewhere_is_merged_two_ways_only_when_confirmed_and_another_agreement_never() {
    let anna = Env::new();
    let a = anna.template("en");
    anna.ok(&["import", &anna.file("a.sla.json", pretty(&a))]);
    let mut b = a.clone();
    b["title"] = json!("Renamed by hand");
    b["negotiation"] = json!({"base": {"fingerprint": "0".repeat(64)}});
    let file = anna.file("b.sla.json", pretty(&b));
    let out = anna.code(&["merge", "1", &file], 1);
    assert!(
        out.contains("a version this computer has never had"),
        "{out}"
    );
    assert!(out.contains("Nothing was saved"), "{out}");
    anna.ok(&["merge", "1", &file, "--accept-all"]);
    let now: Value = serde_json::from_str(&anna.ok(&["show", "1"])).unwrap();
    assert_eq!(now["title"], "Renamed by hand");

    // Another agreement: refused, naming both, and `import` stores it as a draft of its own.
    let other = anna.template("en");
    let file = anna.file("other.sla.json", pretty(&other));
    let out = anna.run(&["merge", "1", &file]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("import it as a new draft"), "{stderr}");
    assert_eq!(anna.ok(&["import", &file]).trim(), "2");
    // A new version stored as a separate draft on purpose gets an agreement number of its own.
    let again = anna.file("again.sla.json", pretty(&other));
    assert_eq!(anna.ok(&["import", "--as-new", &again]).trim(), "3");
    let copy: Value = serde_json::from_str(&anna.ok(&["show", "3"])).unwrap();
    assert_ne!(copy["id"], other["id"]);

    // A file from a newer format is refused before anything is read into the store.
    let mut future = a.clone();
    future["schema_version"] = json!(2);
    let file = anna.file("future.sla.json", pretty(&future));
    let out = anna.run(&["merge", "1", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown schema version 2"));
}

#[test]
fn a_change_after_signing_exports_as_an_amendment_listing_every_change() {
    let anna = Env::new();
    let a = anna.template("en");
    anna.ok(&["import", &anna.file("a.sla.json", pretty(&a))]);
    let v1 = anna.path("v1.pdf");
    anna.ok(&["export", "1", "-o", &arg(&v1)]);
    let before = pdftotext_layout(&v1, None);
    assert!(!before.contains("AMENDMENT"), "{before}");

    let pass = anna.file("pass.txt", "correct horse battery staple\n");
    let p12 = arg(&anna.path("anna.p12"));
    anna.ok(&[
        "identity",
        "new",
        "--name",
        "Anna Petrova",
        "--role",
        "Head of Marketing",
        "--key",
        "p256",
        "-o",
        &p12,
        "--passphrase-file",
        &pass,
    ]);
    let signed = anna.path("signed.pdf");
    anna.ok(&[
        "sign",
        &arg(&v1),
        "--identity",
        &p12,
        "--passphrase-file",
        &pass,
        "-o",
        &arg(&signed),
    ]);
    // Signing the export marked version 1 signed: exporting it again is no amendment.
    let again = anna.path("v1-again.pdf");
    anna.ok(&["export", "1@1", "-o", &arg(&again)]);
    assert!(!pdftotext_layout(&again, None).contains("AMENDMENT"));

    let mut b = a.clone();
    b["commitments"][0]["metrics"][0]["target"] = json!(120.0);
    b["deadlines"]["calendar"]["holidays"]
        .as_array_mut()
        .unwrap()
        .push(json!("2027-01-07"));
    anna.ok(&["save", "1", &anna.file("b.sla.json", pretty(&b))]);
    let v2 = anna.path("v2.pdf");
    anna.ok(&["export", "1", "-o", &arg(&v2)]);
    let text = pdftotext_layout(&v2, None);
    assert!(
        text.contains("AMENDMENT TO THE SERVICE-LEVEL AGREEMENT"),
        "{text}"
    );
    // It names the signed agreement by the fingerprint the signed PDF's footer prints.
    let signed_text = pdftotext_layout(&signed, None);
    let label = "SHA-256 of the agreement data: ";
    let at = signed_text.find(label).expect("the footer's fingerprint") + label.len();
    let hash: String = signed_text[at..].chars().take(64).collect();
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{hash}");
    let short = format!(
        "{} {} {} {}",
        &hash[0..4],
        &hash[4..8],
        &hash[8..12],
        &hash[12..16]
    );
    assert!(
        text.contains(&format!("(SHA-256 {short}…)")),
        "{short}: {text}"
    );
    assert!(
        text.contains("Annex. Changes to the signed agreement"),
        "{text}"
    );
    assert!(
        text.contains("1. 3.1.1 MQLs per sales rep: target 100 → 120 a month"),
        "{text}"
    );
    assert!(
        text.contains("2. 5.1 holiday added: 7 January 2027"),
        "{text}"
    );

    // In Russian too.
    let ru = anna.path("v2-ru.pdf");
    anna.ok(&["export", "1", "-o", &arg(&ru), "--lang", "ru"]);
    let text = pdftotext_layout(&ru, None);
    assert!(
        text.contains("ИЗМЕНЕНИЕ СОГЛАШЕНИЯ ОБ УРОВНЕ СЕРВИСА"),
        "{text}"
    );
    assert!(
        text.contains("Приложение. Изменения подписанного соглашения"),
        "{text}"
    );
    assert!(text.contains("вносит в соглашение"), "{text}");
}
