//! A company's own templates in the `templates` folder beside the store: good files are listed
//! with the built-in ones and start agreements; a broken file is left out with a message that
//! names the file and what is wrong, in the interface's language.

use std::path::Path;

use chrono::NaiveDate;
use sla_model::*;
use sla_templates::{file, Catalogue, Origin, TemplateError, TemplateFile, USER_FOLDER};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

/// A good template of the company's own, made from the inbound template in `language`.
fn own(name: &str, language: Language) -> String {
    let mut t = Catalogue::built_in()
        .file("sales-marketing", language)
        .unwrap()
        .clone();
    t.about.name = name.to_string();
    t.about.title = match language {
        Language::En => "Our SLA for the enterprise team".into(),
        Language::Ru => "Наше SLA для корпоративных продаж".into(),
    };
    t.about.choose_when = "Choose this when you sell to enterprises, as we do.".into();
    t.agreement.title = t.about.title.clone();
    file::to_json(&t)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A data folder with good and broken templates in it.
fn folder() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join(USER_FOLDER);
    std::fs::create_dir(&dir).unwrap();
    write(&dir, "enterprise.en.json", &own("enterprise", Language::En));
    write(&dir, "enterprise.ru.json", &own("enterprise", Language::Ru));
    // An agreement exported as it is, without the `template` part: named after its file.
    let plain = sla_templates::example("call-centre", Language::Ru).unwrap();
    write(&dir, "Clinic Calls.sla.json", &to_json_pretty(&plain));
    // Broken, each its own way.
    write(&dir, "a-not-json.json", "{ \"template\": ");
    write(
        &dir,
        "b-bad-about.json",
        &own("bad-about", Language::En).replace("\"choose_when\"", "\"when_to_choose\""),
    );
    write(
        &dir,
        "c-bad-agreement.json",
        &own("bad-agreement", Language::En).replace("\"duration_months\"", "\"months\""),
    );
    write(
        &dir,
        "d-bad-name.json",
        &own("Enterprise Team", Language::En),
    );
    write(&dir, "e-taken.json", &own("call-centre", Language::En));
    let mut unsigned: TemplateFile =
        file::parse(&own("unsigned", Language::En), "unsigned").unwrap();
    unsigned.agreement.signatories.clear();
    write(&dir, "f-fails-checks.json", &file::to_json(&unsigned));
    write(&dir, "g-repeated.json", &own("enterprise", Language::En));
    // Not a template: ignored.
    write(&dir, "README.txt", "Put templates here.");
    data
}

#[test]
fn good_templates_are_listed_after_the_built_in_ones_and_before_the_blank_one() {
    let data = folder();
    let catalogue = Catalogue::load(data.path());
    let listed = catalogue.list(Language::En);
    let names: Vec<_> = listed.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "sales-marketing",
            "outbound-abm",
            "call-centre",
            "long-cycle",
            "partner-channel",
            "clinic-calls",
            "enterprise",
            "blank"
        ]
    );
    let enterprise = listed.iter().find(|t| t.name == "enterprise").unwrap();
    assert_eq!(enterprise.title, "Our SLA for the enterprise team");
    assert_eq!(enterprise.languages, [Language::En, Language::Ru]);
    let Origin::User { files } = &enterprise.origin else {
        panic!("{:?}", enterprise.origin)
    };
    assert_eq!(files.len(), 2);
    // Listed in Russian, a template shows its Russian title where it has one.
    let ru = catalogue.list(Language::Ru);
    let enterprise = ru.iter().find(|t| t.name == "enterprise").unwrap();
    assert_eq!(enterprise.title, "Наше SLA для корпоративных продаж");
    let clinic = ru.iter().find(|t| t.name == "clinic-calls").unwrap();
    assert_eq!(clinic.languages, [Language::Ru]);
    assert!(clinic.title.contains("контакт-центр") || !clinic.title.is_empty());
}

#[test]
fn a_good_template_starts_an_agreement_with_a_fresh_id() {
    let data = folder();
    let catalogue = Catalogue::load(data.path());
    let a = catalogue
        .instantiate("enterprise", Language::Ru, today())
        .unwrap();
    assert_eq!(a.title, "Наше SLA для корпоративных продаж");
    let b = catalogue
        .instantiate("enterprise", Language::Ru, today())
        .unwrap();
    assert_ne!(a.id, b.id);
    let err = catalogue
        .instantiate("clinic-calls", Language::En, today())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "template `clinic-calls` is written only in Russian; choose that language or another template"
    );
    assert!(matches!(
        catalogue.instantiate("nope", Language::En, today()),
        Err(TemplateError::Unknown { available, .. }) if available.ends_with("clinic-calls, enterprise, blank")
    ));
}

#[test]
fn each_broken_file_is_left_out_and_says_why() {
    let data = folder();
    let catalogue = Catalogue::load(data.path());
    let problems = catalogue.problems(Language::En);
    let by_file: Vec<(String, String)> = problems
        .iter()
        .map(|p| {
            (
                p.file.file_name().unwrap().to_string_lossy().into_owned(),
                p.message.clone(),
            )
        })
        .collect();
    let files: Vec<_> = by_file.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "a-not-json.json",
            "b-bad-about.json",
            "c-bad-agreement.json",
            "d-bad-name.json",
            "e-taken.json",
            "f-fails-checks.json",
            "g-repeated.json"
        ]
    );
    let message = |file: &str| {
        by_file
            .iter()
            .find(|(f, _)| f == file)
            .map(|(_, m)| m.clone())
            .unwrap()
    };
    assert!(message("a-not-json.json").starts_with("The file is not JSON:"));
    assert!(
        message("b-bad-about.json").contains("when_to_choose"),
        "{}",
        message("b-bad-about.json")
    );
    assert!(
        message("c-bad-agreement.json").contains("months"),
        "{}",
        message("c-bad-agreement.json")
    );
    assert!(message("d-bad-name.json").contains("\"Enterprise Team\""));
    assert!(message("e-taken.json").contains("built-in template"));
    let fails = message("f-fails-checks.json");
    assert!(
        fails.contains("signatories") && fails.contains("nobody could sign"),
        "{fails}"
    );
    assert!(message("g-repeated.json").contains("enterprise.en.json"));
    // Every problem names its file in full, and the Russian list says the same in Russian.
    assert!(problems.iter().all(|p| p.file.starts_with(data.path())));
    let ru = catalogue.problems(Language::Ru);
    assert_eq!(ru.len(), problems.len());
    assert!(
        ru[0].message.starts_with("Файл не в формате JSON"),
        "{}",
        ru[0].message
    );
    assert!(
        ru[5].message.contains("нельзя было бы подписать"),
        "{}",
        ru[5].message
    );
    // The broken files change nothing on disk.
    assert!(data
        .path()
        .join(USER_FOLDER)
        .join("a-not-json.json")
        .exists());
}

#[test]
fn no_folder_means_the_built_in_templates_and_no_problems() {
    let data = tempfile::tempdir().unwrap();
    let catalogue = Catalogue::load(data.path());
    assert_eq!(catalogue.list(Language::En).len(), 6);
    assert!(catalogue.problems(Language::En).is_empty());
    let blank = catalogue
        .instantiate("blank", Language::En, today())
        .unwrap();
    assert_eq!(
        blank.term.effective_date,
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
    );
}

#[test]
fn a_template_file_round_trips() {
    let text = own("round-trip", Language::En);
    let t = file::parse(&text, "ignored").unwrap();
    assert_eq!(t.about.name, "round-trip");
    assert_eq!(file::to_json(&t), text);
}
