//! The trash and full-text search, on real database files.

mod common;

use common::{english, russian, temp_store, Everything};
use sla_store::{DraftId, Store, StoreError};

fn ids(found: Vec<sla_store::DraftInfo>) -> Vec<DraftId> {
    found.into_iter().map(|d| d.id).collect()
}

fn search(store: &Store, query: &str) -> Vec<DraftId> {
    ids(store.search_all(query).unwrap())
}

#[test]
fn trash_hides_a_draft_and_restore_brings_it_back() {
    let (_dir, mut store) = temp_store();
    let kept = store.create(&english(), "").unwrap().id;
    let trashed = store.create(&russian(), "").unwrap().id;

    store.trash(trashed).unwrap();
    assert_eq!(ids(store.all_drafts().unwrap()), [kept]);
    let in_trash = store.all_trash().unwrap();
    assert_eq!(ids(in_trash.clone()), [trashed]);
    let trashed_at = in_trash[0]
        .trashed_at
        .clone()
        .expect("a trashed draft says when");
    chrono::DateTime::parse_from_rfc3339(&trashed_at).unwrap();
    // It can still be read, and says it is in the trash.
    let draft = store.get(trashed).unwrap();
    assert_eq!(draft.agreement, russian());
    assert_eq!(draft.info.trashed_at.as_deref(), Some(trashed_at.as_str()));
    // Trashing again changes nothing, not even the time.
    store.trash(trashed).unwrap();
    assert_eq!(
        store.all_trash().unwrap()[0].trashed_at.as_deref(),
        Some(trashed_at.as_str())
    );

    store.restore_from_trash(trashed).unwrap();
    assert_eq!(ids(store.all_drafts().unwrap()), [trashed, kept]);
    assert!(store.all_trash().unwrap().is_empty());
    assert_eq!(store.get(trashed).unwrap().info.trashed_at, None);
    let mut edited = russian();
    edited.notes = "снова в работе".into();
    assert_eq!(store.save(trashed, &edited, 1).unwrap().version, 2);
}

#[test]
fn a_trashed_draft_refuses_changes() {
    let (_dir, mut store) = temp_store();
    let id = store.create(&english(), "").unwrap().id;
    let mut edited = english();
    edited.notes = "edited".into();
    store.save(id, &edited, 1).unwrap();
    store.trash(id).unwrap();

    let expected = format!("draft {id} is in the trash; restore it first");
    assert_eq!(
        store.save(id, &english(), 2).unwrap_err().to_string(),
        expected
    );
    assert_eq!(
        store.save(id, &edited, 2).unwrap_err().to_string(),
        expected
    );
    assert_eq!(
        store.rename(id, "New name").unwrap_err().to_string(),
        expected
    );
    assert_eq!(
        store.restore_version(id, 1).unwrap_err().to_string(),
        expected
    );
    assert!(matches!(store.save(id, &english(), 2), Err(StoreError::Trashed(t)) if t == id));
    // Nothing was written.
    assert_eq!(store.history(id).unwrap().len(), 2);
    assert_eq!(store.get(id).unwrap().agreement, edited);
}

#[test]
fn emptying_the_trash_deletes_drafts_and_their_versions_for_good() {
    let (dir, mut store) = temp_store();
    let kept = store.create(&english(), "").unwrap().id;
    let gone = store.create(&russian(), "").unwrap().id;
    let mut edited = russian();
    edited.notes = "вторая версия".into();
    store.save(gone, &edited, 1).unwrap();
    assert_eq!(store.empty_trash().unwrap(), 0);

    store.trash(gone).unwrap();
    assert_eq!(store.empty_trash().unwrap(), 1);
    assert!(store.all_trash().unwrap().is_empty());
    assert_eq!(ids(store.all_drafts().unwrap()), [kept]);
    assert_eq!(
        store.get(gone).unwrap_err().to_string(),
        format!("draft {gone} does not exist")
    );
    assert!(matches!(
        store.history(gone),
        Err(StoreError::DraftNotFound(_))
    ));
    assert!(matches!(
        store.restore_from_trash(gone),
        Err(StoreError::DraftNotFound(_))
    ));
    assert!(search(&store, "вторая").is_empty());

    // No row of it is left anywhere, and its id is never handed out again.
    let conn = rusqlite::Connection::open(common::db_path(&dir)).unwrap();
    let count = |sql: &str| conn.query_row(sql, [gone], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(
        count("SELECT count(*) FROM versions WHERE draft_id = ?1"),
        0
    );
    assert_eq!(count("SELECT count(*) FROM drafts WHERE id = ?1"), 0);
    assert_eq!(count("SELECT count(*) FROM draft_text WHERE rowid = ?1"), 0);
    assert_eq!(
        count("SELECT count(*) FROM versions WHERE draft_id <> ?1"),
        1
    );
    let next = store.create(&russian(), "").unwrap().id;
    assert!(next > gone, "id {next} reused");
}

#[test]
fn trash_operations_name_a_missing_draft() {
    let (_dir, mut store) = temp_store();
    assert_eq!(
        store.trash(7).unwrap_err().to_string(),
        "draft 7 does not exist"
    );
    assert_eq!(
        store.restore_from_trash(7).unwrap_err().to_string(),
        "draft 7 does not exist"
    );
}

#[test]
fn search_finds_titles_parties_names_and_any_text_by_prefix() {
    let (_dir, mut store) = temp_store();
    let en = store.create(&english(), "").unwrap().id;
    let mut enterprise = english();
    enterprise.title = "Demand generation and enterprise accounts".into();
    enterprise.parties.sales.department = "Enterprise Sales".into();
    common::set_heads(
        &mut enterprise,
        ("Olga Kuznetsova", "o.kuznetsova@example.com"),
        ("Pavel Orlov", "p.orlov@example.com"),
    );
    let ent = store.create(&enterprise, "").unwrap().id;
    let ru = store.create(&russian(), "").unwrap().id;

    // Head names, by prefix, in any case.
    assert_eq!(search(&store, "Petr"), [en]);
    assert_eq!(search(&store, "petrova"), [en]);
    assert_eq!(search(&store, "KUZNETS"), [ent]);
    // Department names and titles.
    assert_eq!(search(&store, "enterprise"), [ent]);
    assert_eq!(search(&store, "Demand gen"), [ent]);
    // Any other text the agreement holds; every word must match.
    assert_eq!(search(&store, "acceptance rate"), [ru, ent, en]);
    assert_eq!(search(&store, "acceptance zzzz"), Vec::<DraftId>::new());
    assert_eq!(search(&store, "orlov petr"), Vec::<DraftId>::new());
}

#[test]
fn search_handles_russian_case_insensitively_and_by_prefix() {
    let (_dir, mut store) = temp_store();
    let en = store.create(&english(), "").unwrap().id;
    let ru = store.create(&russian(), "").unwrap().id;

    assert_eq!(search(&store, "Петр"), [ru]);
    assert_eq!(search(&store, "петрова"), [ru]);
    assert_eq!(search(&store, "ПЕТРОВА"), [ru]);
    assert_eq!(search(&store, "пЕтРо смИРН"), [ru]);
    assert_eq!(search(&store, "маркет"), [ru]);
    assert_eq!(search(&store, "отдел продаж"), [ru]);
    assert_eq!(search(&store, "причиной"), [ru]);
    // Words joined by a hyphen or written with a digit are still words.
    assert_eq!(search(&store, "B2B"), [ru]);
    // The English template knows her as Petrova.
    assert_eq!(search(&store, "petr"), [en]);

    // "ё" and "е" are the same letter to a searcher, either way round.
    let mut report = russian();
    report.notes = "Ежемесячный отчёт о лидах".into();
    store.save(ru, &report, 1).unwrap();
    assert_eq!(search(&store, "отчет"), [ru]);
    assert_eq!(search(&store, "ОТЧЁТ"), [ru]);
    assert_eq!(search(&store, "ежемес"), [ru]);
}

#[test]
fn search_follows_the_latest_version_and_skips_the_trash() {
    let (_dir, mut store) = temp_store();
    let a = store.create(&english(), "").unwrap().id;
    let b = store.create(&english(), "").unwrap().id;
    store.rename(a, "Zephyr rollout agreement").unwrap();
    assert_eq!(search(&store, "zephyr"), [a]);
    assert_eq!(search(&store, "petrova"), [a, b]);

    let mut retitled = store.get(a).unwrap().agreement;
    retitled.title = "Aurora rollout agreement".into();
    store.save(a, &retitled, 2).unwrap();
    assert!(search(&store, "zephyr").is_empty());
    assert_eq!(search(&store, "aurora"), [a]);

    // Restoring an old version makes its words findable again.
    store.restore_version(a, 2).unwrap();
    assert_eq!(search(&store, "zephyr"), [a]);

    store.trash(a).unwrap();
    assert!(search(&store, "zephyr").is_empty());
    assert_eq!(search(&store, "petrova"), [b]);
    store.restore_from_trash(a).unwrap();
    assert_eq!(search(&store, "zephyr"), [a]);

    // A duplicate is indexed under its own id.
    let copy = store.duplicate(a).unwrap().id;
    assert_eq!(search(&store, "zephyr copy"), [copy]);
}

#[test]
fn queries_with_no_words_list_everything_and_operators_are_plain_text() {
    let (_dir, mut store) = temp_store();
    let a = store.create(&english(), "").unwrap().id;
    let b = store.create(&russian(), "").unwrap().id;
    for query in ["", "   ", "\t\n", "*", "\"", "( - )", "^"] {
        assert_eq!(search(&store, query), [b, a], "query {query:?}");
    }
    for query in [
        "\"petrova",
        "AND",
        "OR petrova",
        "NOT",
        "petrova*",
        "NEAR(",
        "petr:",
        "col:petr",
        "{body}",
    ] {
        store
            .search_all(query)
            .unwrap_or_else(|e| panic!("query {query:?}: {e}"));
    }
    assert_eq!(search(&store, "\"Petrova\""), [a]);
}
