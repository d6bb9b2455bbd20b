//! `sla-studio template` with the company's own templates folder beside the store, and `lint`
//! on every built-in template: the CLI lists what the start screen lists, and says which files it
//! left out and why.

#[path = "support/env.rs"]
mod env;
#[path = "support/spawn.rs"]
mod spawn;

use env::Env;

const BUILT_IN: [&str; 5] = [
    "sales-marketing",
    "outbound-abm",
    "call-centre",
    "long-cycle",
    "partner-channel",
];

#[test]
fn every_built_in_template_prints_and_passes_lint_in_both_languages() {
    let env = Env::new();
    for name in BUILT_IN {
        for lang in ["en", "ru"] {
            let json = env.ok(&["template", name, "--lang", lang]);
            let file = env.file(&format!("{name}.{lang}.sla.json"), &json);
            let out = env.ok(&["lint", &file]);
            assert!(
                out.ends_with("0 finding(s), 0 error(s)\n"),
                "{name} {lang}: {out}"
            );
        }
    }
}

#[test]
fn the_list_names_each_template_with_when_to_choose_it() {
    let env = Env::new();
    let out = env.ok(&["template", "--list"]);
    for name in BUILT_IN.iter().chain(&["blank"]) {
        assert!(out.contains(name), "{name}: {out}");
    }
    assert_eq!(out.matches("Choose this when").count(), 6, "{out}");
    let ru = env.ok(&["template", "--list", "--lang", "ru"]);
    assert_eq!(ru.matches("Выберите, если").count(), 6, "{ru}");
    assert!(!env.data_dir().exists(), "listing must not create a store");
}

#[test]
fn own_templates_are_listed_and_used_and_broken_ones_named() {
    let env = Env::new();
    let folder = env.data_dir().join("templates");
    std::fs::create_dir_all(&folder).unwrap();
    // An agreement exported as it is becomes a template named after its file.
    let mut own: serde_json::Value =
        serde_json::from_str(&env.ok(&["template", "long-cycle", "--lang", "ru"])).unwrap();
    own["title"] = "Проекты для энергетики".into();
    std::fs::write(folder.join("Energy Projects.sla.json"), env::pretty(&own)).unwrap();
    std::fs::write(folder.join("broken.json"), "{ not json").unwrap();

    let out = env.run(&["template", "--list"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken file is reported by the exit code"
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("energy-projects") && listed.contains("Проекты для энергетики"),
        "{listed}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("broken.json") && stderr.contains("The file is not JSON"),
        "{stderr}"
    );

    let json = env.ok(&["template", "energy-projects", "--lang", "ru"]);
    let agreement = sla_model::from_json(&json).unwrap();
    assert_eq!(agreement.title, "Проекты для энергетики");
    assert_ne!(
        serde_json::Value::from(agreement.id),
        own["id"],
        "a fresh id"
    );

    let out = env.run(&["template", "energy-projects", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("written only in Russian"), "{stderr}");
}

#[test]
fn lint_says_why_each_finding_matters() {
    let env = Env::new();
    let mut a = env.template("en");
    a["commitments"][0]["metrics"][0]["target"] = 150.into();
    a["deadlines"]["calendar"]["timezone"] = "Europe/Moskow".into();
    let file = env.file("a.sla.json", env::pretty(&a));
    let out = env.code(&["lint", &file], 1);
    assert!(
        out.contains("warning[volume-beyond-capacity] commitments[0].metrics[0].target")
            && out.contains("error[timezone-unknown] deadlines.calendar.timezone"),
        "{out}"
    );
    assert!(
        out.contains("    why: The article, choosing metrics (5)"),
        "{out}"
    );
    assert!(
        out.contains("    why: The IANA time zone database"),
        "{out}"
    );
}
