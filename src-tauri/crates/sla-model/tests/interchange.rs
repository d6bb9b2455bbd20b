//! The interchange format: round trips, the checked-in schema, and the errors for bad documents.

use sla_model::*;

const TEMPLATE: &str = include_str!("../../sla-templates/builtin/sales-marketing.en.json");

#[test]
fn json_round_trip_is_lossless() {
    let a = from_json(TEMPLATE).unwrap();
    let again = from_json(&to_json_pretty(&a)).unwrap();
    assert_eq!(a, again);
    let compact = from_json(&to_canonical_json(&a)).unwrap();
    assert_eq!(a, compact);
    assert_eq!(to_canonical_json(&a), to_canonical_json(&compact));
}

#[test]
fn checked_in_schema_matches_the_types() {
    let generated = schema::agreement_schema_json();
    if generated != schema::CHECKED_IN_SCHEMA {
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/agreement.schema.json"),
                &generated,
            )
            .unwrap();
        } else {
            panic!("agreement.schema.json is out of date; run `UPDATE_SCHEMA=1 cargo test -p sla-model`");
        }
    }
}

#[test]
fn schema_names_every_top_level_field_as_required() {
    let schema: serde_json::Value = serde_json::from_str(schema::CHECKED_IN_SCHEMA).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in [
        "schema_version",
        "id",
        "parties",
        "term",
        "commitments",
        "monitoring",
        "deadlines",
        "consequences",
        "signatories",
    ] {
        assert!(required.contains(&field), "{field} should be required");
    }
}

fn edit(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(TEMPLATE).unwrap();
    f(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn syntax_error_reports_line_and_column() {
    let err = from_json("{\n  \"schema_version\": 1,\n  \"id\": oops\n}").unwrap_err();
    match &err {
        ReadError::Syntax { at, .. } => assert_eq!((at.line, at.column), (3, 9)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("malformed JSON at line 3, column 9: expected value"),
        "{err}"
    );
}

#[test]
fn unknown_schema_version_is_named() {
    let err = from_json(&edit(|v| v["schema_version"] = 7.into())).unwrap_err();
    assert!(matches!(err, ReadError::UnknownSchemaVersion { .. }));
    assert_eq!(
        err.to_string(),
        "unknown schema version 7 in field `schema_version`; this version of SLA Studio reads version 1"
    );
}

#[test]
fn missing_schema_version_is_named() {
    let err = from_json(&edit(|v| {
        v.as_object_mut().unwrap().remove("schema_version");
    }))
    .unwrap_err();
    assert!(matches!(err, ReadError::MissingSchemaVersion), "{err}");
}

#[test]
fn missing_field_names_its_path() {
    let err = from_json(&edit(|v| {
        v["parties"]["sales"]["head"]
            .as_object_mut()
            .unwrap()
            .remove("name");
    }))
    .unwrap_err();
    let ReadError::Invalid { at, message } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(at.path, "parties.sales.head");
    assert_eq!(message, "missing field `name`");
    assert!(at.line > 1);
}

#[test]
fn wrongly_typed_field_names_its_path_line_and_column() {
    let text = edit(|v| v["commitments"][1]["metrics"][0]["target"] = "fast".into());
    let err = from_json(&text).unwrap_err();
    let ReadError::Invalid { at, message } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(at.path, "commitments[1].metrics[0].target");
    assert!(
        message.contains("invalid type: string \"fast\", expected f64"),
        "{message}"
    );
    let line = text.lines().nth(at.line - 1).unwrap();
    assert!(line.contains("\"fast\""), "line {} is {line:?}", at.line);
}

#[test]
fn unknown_field_is_rejected_with_its_path() {
    let err = from_json(&edit(|v| v["term"]["reveiw_dates"] = serde_json::json!([]))).unwrap_err();
    let ReadError::Invalid { at, message } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(at.path, "term.reveiw_dates");
    assert!(
        message.starts_with("unknown field `reveiw_dates`"),
        "{message}"
    );
}

#[test]
fn bad_enum_value_lists_the_accepted_ones() {
    let err = from_json(&edit(|v| {
        v["commitments"][0]["provider"] = "finance".into()
    }))
    .unwrap_err();
    assert!(err.to_string().contains("commitments[0].provider"), "{err}");
    assert!(
        err.to_string().contains("expected `marketing` or `sales`"),
        "{err}"
    );
}

#[test]
fn not_an_object_and_not_utf8_are_refused() {
    assert!(matches!(
        from_json("[1,2]").unwrap_err(),
        ReadError::Invalid { .. }
    ));
    assert!(matches!(
        from_bytes(b"{\"a\":\"\xff\"}").unwrap_err(),
        ReadError::NotUtf8 { offset: 6 }
    ));
}

#[test]
fn file_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_file(dir.path()).unwrap_err();
    assert!(matches!(err, ReadError::IsDirectory { .. }));
    assert!(err.to_string().contains(&dir.path().display().to_string()));

    let missing = dir.path().join("missing.json");
    let err = read_file(&missing).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("cannot read {}", missing.display())),
        "{err}"
    );

    let big = dir.path().join("big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(interchange::MAX_FILE_BYTES + 1).unwrap();
    assert!(matches!(
        read_file(&big).unwrap_err(),
        ReadError::TooLarge { .. }
    ));
}

#[test]
fn search_text_holds_typed_words() {
    let a = from_json(TEMPLATE).unwrap();
    let text = a.search_text();
    for word in [
        "Anna Petrova",
        "Sales acceptance rate",
        "CRM activity log",
        "Revenue operations lead",
    ] {
        assert!(text.contains(word), "{word}");
    }
    // A structured trigger's condition is chosen from a list, not typed.
    assert!(!text.contains("missed_in_a_row") && !text.contains("achieved_below"));
}

#[test]
fn a_file_is_written_whole_or_not_at_all() {
    use sla_model::interchange::write_atomically;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agreement.pdf");
    write_atomically(&path, b"first", false).unwrap();
    write_atomically(&path, b"second, longer", false).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second, longer");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["agreement.pdf"], "no temporary file is left behind");

    // Into a folder that is not there: an error, and nothing anywhere.
    let missing = dir.path().join("no-such-folder").join("a.pdf");
    assert!(write_atomically(&missing, b"x", false).is_err());
    assert!(!missing.exists());

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = dir.path().join("key.p12");
        write_atomically(&key, b"secret", true).unwrap();
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "a private file is its owner's alone");
    }
}

#[test]
fn structured_triggers_are_optional_and_leave_older_agreements_byte_for_byte() {
    // The template as it was before it had structured triggers.
    let mut agreement = sla_model::from_json(TEMPLATE).unwrap();
    let k = &mut agreement.consequences;
    k.escalation.iter_mut().for_each(|s| s.when = None);
    k.remedies.iter_mut().for_each(|r| r.when = None);
    let canonical = sla_model::to_canonical_json(&agreement);
    assert!(!canonical.contains("\"when\""), "no trigger, no key");
    assert!(!canonical.contains("\"scope\":null"), "no scope, no key");

    let mut with_trigger = agreement.clone();
    with_trigger.consequences.escalation[0].when =
        Some(sla_model::Trigger::MissedInARow { periods: 2 });
    let json = sla_model::to_canonical_json(&with_trigger);
    assert!(
        json.contains(r#""when":{"condition":"missed_in_a_row","periods":2}"#),
        "{json}"
    );
    assert_eq!(sla_model::from_json(&json).unwrap(), with_trigger);

    let bad = json.replace("missed_in_a_row", "missed_sometimes");
    let err = sla_model::from_json(&bad).unwrap_err().to_string();
    assert!(err.contains("consequences.escalation[0].when"), "{err}");
}
