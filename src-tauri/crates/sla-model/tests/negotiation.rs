//! What travels with an agreement while it is negotiated: kept in files, left out of the
//! fingerprint, comments merged without losing any, and bad comments refused with their field.

use sla_model::*;

const TEMPLATE: &str = include_str!("../../sla-templates/builtin/sales-marketing.en.json");

fn message(id: &str, side: Side, at: &str, text: &str) -> Message {
    Message {
        id: id.into(),
        side,
        author: match side {
            Side::Marketing => "Anna Petrova".into(),
            Side::Sales => "Igor Smirnov".into(),
        },
        at: at.into(),
        text: text.into(),
    }
}

fn thread(id: &str, messages: Vec<Message>) -> Thread {
    Thread {
        id: id.into(),
        on: "commitments[mkt-leads].metrics[mql-per-rep].target".into(),
        messages,
        resolved_at: None,
        resolved_by: None,
    }
}

#[test]
fn an_agreement_without_negotiation_has_no_such_key_and_keeps_its_fingerprint() {
    let a = from_json(TEMPLATE).unwrap();
    assert!(a.negotiation.is_empty());
    let json = to_canonical_json(&a);
    assert!(!json.contains("negotiation"), "{json}");
    // The fingerprint is the hash of exactly these bytes, as it was before negotiations existed:
    // PDFs signed then still name the same content.
    use sha2::Digest;
    let hash: String = sha2::Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(fingerprint(&a), hash);
}

#[test]
fn the_negotiation_travels_in_the_file_but_not_in_the_fingerprint() {
    let plain = from_json(TEMPLATE).unwrap();
    let mut a = plain.clone();
    a.negotiation = Negotiation {
        base: Some(BaseVersion {
            fingerprint: "ab".repeat(32),
            version: Some(3),
        }),
        from: Some(Side::Sales),
        comments: vec![thread(
            "t1",
            vec![message(
                "m1",
                Side::Sales,
                "2026-11-03T09:00:00Z",
                "120 is too high for Q1 <b>really</b>",
            )],
        )],
    };
    let back = from_json(&to_json_pretty(&a)).unwrap();
    assert_eq!(back, a);
    assert_eq!(fingerprint(&a), fingerprint(&plain));
    let mut changed = a.clone();
    changed.title.push('!');
    assert_ne!(fingerprint(&changed), fingerprint(&a));
}

#[test]
fn comments_merge_into_one_set_whichever_side_is_first() {
    let ours = vec![thread(
        "t1",
        vec![
            message("m1", Side::Sales, "2026-11-03T09:00:00Z", "Too high"),
            message("m2", Side::Marketing, "2026-11-04T09:00:00Z", "Why?"),
        ],
    )];
    let theirs = vec![
        thread(
            "t1",
            vec![
                message("m1", Side::Sales, "2026-11-03T09:00:00Z", "Too high"),
                message("m3", Side::Sales, "2026-11-03T12:00:00+03:00", "Q1 is slow"),
            ],
        ),
        thread(
            "t2",
            vec![message(
                "m4",
                Side::Sales,
                "2026-11-02T08:00:00Z",
                "Add a remedy",
            )],
        ),
    ];
    let merged = merge_comments(&ours, &theirs);
    assert_eq!(merged, merge_comments(&theirs, &ours));
    let ids: Vec<&str> = merged.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["t2", "t1"], "threads by their first message");
    let t1: Vec<&str> = merged[1].messages.iter().map(|m| m.id.as_str()).collect();
    // m3 was written at 09:00 UTC too (12:00 in Moscow), after m1 by id, before m2.
    assert_eq!(t1, ["m1", "m3", "m2"]);
    // Merging again changes nothing.
    assert_eq!(merge_comments(&merged, &theirs), merged);
}

#[test]
fn a_reply_after_the_resolution_opens_the_thread_again() {
    let mut resolved = thread(
        "t1",
        vec![message(
            "m1",
            Side::Sales,
            "2026-11-03T09:00:00Z",
            "Too high",
        )],
    );
    resolved.resolved_at = Some("2026-11-05T10:00:00Z".into());
    resolved.resolved_by = Some(Side::Marketing);
    assert!(resolved.is_resolved());

    let mut replied = thread(
        "t1",
        vec![message(
            "m1",
            Side::Sales,
            "2026-11-03T09:00:00Z",
            "Too high",
        )],
    );
    replied.messages.push(message(
        "m2",
        Side::Sales,
        "2026-11-06T10:00:00Z",
        "Not yet",
    ));
    let merged = merge_comments(&[resolved.clone()], &[replied]);
    assert!(!merged[0].is_resolved());
    assert_eq!(merged[0].messages.len(), 2);
    let n = Negotiation {
        comments: merged,
        ..Default::default()
    };
    assert_eq!(n.open_threads(), 1);

    // Resolved after the reply: resolved on both sides.
    let mut later = resolved;
    later.resolved_at = Some("2026-11-07T10:00:00Z".into());
    let again = merge_comments(&n.comments, &[later]);
    assert!(again[0].is_resolved());
    assert_eq!(again[0].messages.len(), 2);
}

#[test]
fn a_comment_with_a_bad_time_or_too_long_is_refused_naming_its_field() {
    let mut a = from_json(TEMPLATE).unwrap();
    a.negotiation.comments = vec![thread(
        "t1",
        vec![message("m1", Side::Sales, "yesterday", "Too high")],
    )];
    let err = from_json(&to_json_pretty(&a)).unwrap_err();
    assert!(matches!(err, ReadError::BadComment { .. }));
    assert_eq!(
        err.to_string(),
        "field `negotiation.comments[0].messages[0].at`: \"yesterday\" is not a date and time (RFC 3339)"
    );

    a.negotiation.comments = vec![thread(
        "t1",
        vec![message(
            "m1",
            Side::Sales,
            "2026-11-03T09:00:00Z",
            &"x".repeat(negotiation::MAX_COMMENT_CHARS + 1),
        )],
    )];
    let err = from_json(&to_json_pretty(&a)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("field `negotiation.comments[0].messages[0].text`: 4001 characters"),
        "{err}"
    );

    a.negotiation.comments = vec![thread("t1", vec![])];
    let err = from_json(&to_json_pretty(&a)).unwrap_err();
    assert!(err.to_string().contains("negotiation.comments[0].messages"));
}

#[test]
fn an_unknown_field_in_the_negotiation_is_refused() {
    let a = from_json(TEMPLATE).unwrap();
    let mut value = serde_json::to_value(&a).unwrap();
    value["negotiation"] = serde_json::json!({"from": "sales", "signed": true});
    let err = from_json(&value.to_string()).unwrap_err();
    assert!(err.to_string().contains("negotiation"), "{err}");
    assert!(err.to_string().contains("signed"), "{err}");
}
