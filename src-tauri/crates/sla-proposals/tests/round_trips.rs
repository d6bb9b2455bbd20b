//! Two heads, each with a database of their own, sending the agreement back and forth as files:
//! the same agreement recognised, the base found, changes accepted and rejected, comments kept.

use sla_compare::Choice;
use sla_model::{from_json, to_json_pretty, Agreement, Message, Side, Thread};
use sla_proposals::{accept, examine, examine_for, import_new, outgoing, BaseFound, Incoming};
use sla_store::Store;
use tempfile::TempDir;

const TEMPLATE: &str = include_str!("../../sla-templates/builtin/sales-marketing.en.json");

struct Head {
    _dir: TempDir,
    store: Store,
}

fn head() -> Head {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    Head { _dir: dir, store }
}

/// What crosses between the two computers: the file's text, read back as a file is.
fn send(agreement: &Agreement) -> Agreement {
    from_json(&to_json_pretty(agreement)).unwrap()
}

fn proposal_in(store: &Store, file: Agreement) -> Box<sla_proposals::Proposal> {
    match examine(store, file).unwrap() {
        Incoming::Proposal(p) => p,
        Incoming::New(_) => panic!("taken for a new agreement"),
    }
}

fn comment(thread: &str, id: &str, side: Side, at: &str, text: &str) -> Thread {
    Thread {
        id: thread.into(),
        on: "commitments[mkt-leads].metrics[mql-per-rep].target".into(),
        messages: vec![Message {
            id: id.into(),
            side,
            author: "Igor Smirnov".into(),
            at: at.into(),
            text: text.into(),
        }],
        resolved_at: None,
        resolved_by: None,
    }
}

#[test]
fn anna_and_igor_negotiate_to_one_text() {
    let mut anna = head();
    let mut igor = head();
    let mut a = from_json(TEMPLATE).unwrap();
    a.parties.marketing.head.name = "Anna Petrova".into();
    a.parties.sales.head.name = "Igor Smirnov".into();
    let anna_draft = anna.store.create(&a, "").unwrap().id;

    // Anna sends version 1: it names itself as the base.
    let p1 = send(&outgoing(&mut anna.store, anna_draft, 1, Some(Side::Marketing)).unwrap());
    let base = p1.negotiation.base.clone().unwrap();
    assert_eq!(base.fingerprint, sla_model::fingerprint(&a));
    assert_eq!(base.version, Some(1));
    assert_eq!(p1.negotiation.from, Some(Side::Marketing));

    // Igor has no such agreement: a new draft, same agreement id, no file details kept.
    let Incoming::New(file) = examine(&igor.store, p1).unwrap() else {
        panic!("Igor has no draft of it yet")
    };
    let igor_draft = import_new(&mut igor.store, *file, "imported from p1.sla.json").unwrap();
    let igor_v1 = igor.store.get(igor_draft.id).unwrap().agreement;
    assert_eq!(igor_v1.id, a.id);
    assert!(igor_v1.negotiation.is_empty());

    // Igor changes two targets and comments on a third, then sends it.
    let mut edited = igor_v1.clone();
    edited.commitments[0].metrics[0].target = 80.0;
    edited.commitments[0].metrics[1].target = 60.0;
    edited.negotiation.comments = vec![comment(
        "t1",
        "m1",
        Side::Sales,
        "2026-11-03T09:00:00Z",
        "Response time of 1 hour is too tight in Q1",
    )];
    igor.store.save(igor_draft.id, &edited, 1).unwrap();
    let p2 = send(&outgoing(&mut igor.store, igor_draft.id, 2, Some(Side::Sales)).unwrap());
    assert_eq!(
        p2.negotiation.base.as_ref().unwrap().fingerprint,
        base.fingerprint,
        "Igor's proposal names what Anna sent as its base"
    );

    // Meanwhile Anna edited the notes. Her file comes back as a proposal, three ways.
    let mut anna_v2 = a.clone();
    anna_v2.notes = "Leads pass through the CRM.".into();
    anna.store.save(anna_draft, &anna_v2, 1).unwrap();
    let proposal = proposal_in(&anna.store, p2);
    assert_eq!(proposal.draft, anna_draft);
    assert_eq!(proposal.base, BaseFound::Found { version: 1 });
    assert_eq!(proposal.proposer.as_deref(), Some("Igor Smirnov"));
    assert_eq!(proposal.new_comments, 1);
    let theirs: Vec<String> = proposal
        .their_changes()
        .map(|m| m.change.text.en.clone())
        .collect();
    assert_eq!(
        theirs,
        [
            "3.1.1 MQLs per sales rep: target 100 → 80 a month",
            "3.1.2 Sales acceptance rate: target 70% → 60% a month",
        ]
    );
    assert!(proposal.merge.conflicts.is_empty());

    // Anna accepts the first and rejects the second.
    let rejected = proposal.their_changes().nth(1).unwrap().change.key.clone();
    let merged = accept(
        &mut anna.store,
        &proposal,
        &[rejected],
        &[] as &[(&str, Choice)],
        "p2.sla.json",
    )
    .unwrap();
    assert_eq!(merged.version, 3);
    let history = anna.store.history(anna_draft).unwrap();
    assert_eq!(history[0].note, "merged the proposal of Igor Smirnov");
    let now = anna.store.get(anna_draft).unwrap().agreement;
    assert_eq!(now.commitments[0].metrics[0].target, 80.0);
    assert_eq!(now.commitments[0].metrics[1].target, 70.0);
    assert_eq!(
        now.notes, "Leads pass through the CRM.",
        "her own edit stays"
    );
    assert_eq!(now.negotiation.comments.len(), 1);
    assert_eq!(now.negotiation.base, None);

    // Anna replies and sends it back: the base is now Igor's proposal, which he has.
    let mut replied = now.clone();
    replied.negotiation.comments[0].messages.push(Message {
        id: "m2".into(),
        side: Side::Marketing,
        author: "Anna Petrova".into(),
        at: "2026-11-04T09:00:00Z".into(),
        text: "Agreed for MQLs, not for acceptance".into(),
    });
    anna.store.save(anna_draft, &replied, 3).unwrap();
    let p3 = send(&outgoing(&mut anna.store, anna_draft, 4, Some(Side::Marketing)).unwrap());
    assert_eq!(
        p3.negotiation.base.as_ref().unwrap().version,
        None,
        "Anna never had Igor's text as a version of hers"
    );
    let back = proposal_in(&igor.store, p3);
    assert_eq!(back.base, BaseFound::Found { version: 2 });
    assert_eq!(back.new_comments, 1);
    let keys: Vec<&str> = back
        .their_changes()
        .map(|m| m.change.key.as_str())
        .collect();
    assert_eq!(
        keys.len(),
        2,
        "the notes and the acceptance target: {keys:?}"
    );
    accept(
        &mut igor.store,
        &back,
        &[] as &[&str],
        &[] as &[(&str, Choice)],
        "p3",
    )
    .unwrap();
    let igor_now = igor.store.get(igor_draft.id).unwrap().agreement;
    let anna_now = anna.store.get(anna_draft).unwrap().agreement;
    assert_eq!(
        sla_model::fingerprint(&igor_now),
        sla_model::fingerprint(&anna_now),
        "one text on both computers"
    );
    assert_eq!(igor_now.negotiation.comments, anna_now.negotiation.comments);
}

#[test]
fn both_changing_one_target_is_a_conflict_settled_by_choice() {
    let mut anna = head();
    let mut igor = head();
    let a = from_json(TEMPLATE).unwrap();
    let anna_draft = anna.store.create(&a, "").unwrap().id;
    let p1 = send(&outgoing(&mut anna.store, anna_draft, 1, Some(Side::Marketing)).unwrap());
    let Incoming::New(file) = examine(&igor.store, p1).unwrap() else {
        panic!()
    };
    let igor_draft = import_new(&mut igor.store, *file, "").unwrap().id;
    let mut theirs = igor.store.get(igor_draft).unwrap().agreement;
    theirs.commitments[0].metrics[0].target = 80.0;
    igor.store.save(igor_draft, &theirs, 1).unwrap();
    let mut ours = a.clone();
    ours.commitments[0].metrics[0].target = 120.0;
    anna.store.save(anna_draft, &ours, 1).unwrap();

    let p2 = send(&outgoing(&mut igor.store, igor_draft, 2, Some(Side::Sales)).unwrap());
    let proposal = proposal_in(&anna.store, p2);
    assert_eq!(proposal.merge.conflicts.len(), 1);
    let key = proposal.merge.conflicts[0].key.clone();
    assert!(matches!(
        accept(
            &mut anna.store,
            &proposal,
            &[] as &[&str],
            &[] as &[(&str, Choice)],
            "f"
        ),
        Err(sla_proposals::ProposalError::Compare(
            sla_compare::CompareError::Unresolved(_)
        ))
    ));
    assert_eq!(
        anna.store.history(anna_draft).unwrap().len(),
        2,
        "nothing saved"
    );
    accept(
        &mut anna.store,
        &proposal,
        &[] as &[&str],
        &[(key, Choice::Theirs)],
        "f",
    )
    .unwrap();
    let now = anna.store.get(anna_draft).unwrap().agreement;
    assert_eq!(now.commitments[0].metrics[0].target, 80.0);
}

#[test]
fn an_unknown_base_compares_two_ways_and_another_agreement_is_refused() {
    let mut anna = head();
    let a = from_json(TEMPLATE).unwrap();
    let anna_draft = anna.store.create(&a, "").unwrap().id;
    let mut file = a.clone();
    file.commitments[0].metrics[0].target = 90.0;
    file.negotiation.base = Some(sla_model::BaseVersion {
        fingerprint: "f".repeat(64),
        version: Some(7),
    });
    let p = proposal_in(&anna.store, send(&file));
    assert_eq!(p.base, BaseFound::Unknown);
    assert_eq!(p.their_changes().count(), 1);

    let mut plain = a.clone();
    plain.title = "Renamed".into();
    assert_eq!(
        proposal_in(&anna.store, send(&plain)).base,
        BaseFound::NotNamed
    );

    let mut other = a.clone();
    other.id = sla_model::new_id();
    assert!(matches!(
        examine(&anna.store, other.clone()).unwrap(),
        Incoming::New(_)
    ));
    let err = examine_for(&anna.store, anna_draft, other).unwrap_err();
    assert!(
        err.to_string().contains("import it as a new draft"),
        "{err}"
    );
}

#[test]
fn a_draft_saved_since_the_proposal_was_examined_is_not_overwritten() {
    let mut anna = head();
    let a = from_json(TEMPLATE).unwrap();
    let anna_draft = anna.store.create(&a, "").unwrap().id;
    let mut file = a.clone();
    file.commitments[0].metrics[0].target = 90.0;
    let p = proposal_in(&anna.store, send(&file));
    let mut meanwhile = a.clone();
    meanwhile.title = "Saved meanwhile".into();
    anna.store.save(anna_draft, &meanwhile, 1).unwrap();
    let err = accept(
        &mut anna.store,
        &p,
        &[] as &[&str],
        &[] as &[(&str, Choice)],
        "f",
    )
    .unwrap_err();
    assert!(matches!(
        err,
        sla_proposals::ProposalError::Store(sla_store::StoreError::Conflict { .. })
    ));
    assert_eq!(
        anna.store.get(anna_draft).unwrap().agreement.title,
        "Saved meanwhile"
    );
}
