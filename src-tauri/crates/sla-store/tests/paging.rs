//! Lists read a page at a time, on real database files: the order holds across pages, a draft
//! saved between two pages is neither lost nor handed out twice, and search and the trash page
//! the same way.

mod common;

use std::collections::HashSet;

use common::{english, temp_store, Everything};
use sla_store::{DraftId, DraftInfo, Page, PageRequest, Store, StoreError, MAX_PAGE};

fn ids(drafts: &[DraftInfo]) -> Vec<DraftId> {
    drafts.iter().map(|d| d.id).collect()
}

/// `n` drafts; those with `marked(i)` mention the word "zebrafinch".
fn fill(store: &mut Store, n: usize, marked: impl Fn(usize) -> bool) -> Vec<DraftId> {
    (0..n)
        .map(|i| {
            let mut a = english();
            a.title = format!("Agreement {i}");
            if marked(i) {
                a.notes = "Reviewed with the zebrafinch team.".into();
            }
            store.create(&a, "").unwrap().id
        })
        .collect()
}

/// Reads every page of a list, `limit` at a time, calling `between` after each page.
fn pages(
    read: impl Fn(&PageRequest) -> Result<Page, StoreError>,
    limit: usize,
    mut between: impl FnMut(usize),
) -> Vec<Page> {
    let mut request = PageRequest::first(limit);
    let mut pages = Vec::new();
    loop {
        let page = read(&request).unwrap();
        let next = page.next.clone();
        pages.push(page);
        between(pages.len());
        match next {
            Some(cursor) => request = PageRequest::after(cursor, limit),
            None => return pages,
        }
    }
}

fn sizes(pages: &[Page]) -> Vec<usize> {
    pages.iter().map(|p| p.drafts.len()).collect()
}

fn concatenated(pages: &[Page]) -> Vec<DraftId> {
    pages.iter().flat_map(|p| ids(&p.drafts)).collect()
}

#[test]
fn pages_follow_one_another_in_the_lists_order() {
    let (_dir, mut store) = temp_store();
    let created = fill(&mut store, 120, |_| false);

    let read = pages(|r| store.list(r), 50, |_| {});
    assert_eq!(sizes(&read), [50, 50, 20]);
    assert!(read.iter().all(|p| p.newer.is_empty()));
    // Newest first: the order they were created in, reversed, with nothing twice or missing.
    let mut expected = created.clone();
    expected.reverse();
    assert_eq!(concatenated(&read), expected);
    assert_eq!(ids(&store.all_drafts().unwrap()), expected);

    // Reading the same pages again gives the same pages.
    assert_eq!(pages(|r| store.list(r), 50, |_| {}), read);
}

#[test]
fn pages_keep_the_order_when_drafts_share_a_save_time() {
    let (dir, mut store) = temp_store();
    fill(&mut store, 30, |_| false);
    drop(store);
    // Ties on the save time are broken by id, so a cursor never skips or repeats one of them.
    let conn = rusqlite::Connection::open(common::db_path(&dir)).unwrap();
    conn.execute(
        "UPDATE drafts SET updated_at = '2026-05-01T10:00:00.000000Z' WHERE id % 3 = 0",
        [],
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&common::db_path(&dir)).unwrap();
    let read = pages(|r| store.list(r), 4, |_| {});
    let listed = concatenated(&read);
    assert_eq!(listed, ids(&store.all_drafts().unwrap()));
    let unique: HashSet<_> = listed.iter().collect();
    assert_eq!((listed.len(), unique.len()), (30, 30));
}

#[test]
fn a_draft_saved_between_pages_is_handed_out_once_and_not_lost() {
    let (_dir, mut store) = temp_store();
    let created = fill(&mut store, 120, |_| false);
    // Newest first, so the oldest drafts are on the last page.
    let (shown, unseen) = (created[119], created[10]);
    let mut added = None;

    let read = {
        let store = std::cell::RefCell::new(&mut store);
        pages(
            |r| store.borrow().list(r),
            50,
            |page| {
                if page == 1 {
                    let mut store = store.borrow_mut();
                    // Renaming saves a new version, as any save does.
                    for id in [shown, unseen] {
                        store.rename(id, "Renamed between pages").unwrap();
                    }
                    added = Some(store.create(&english(), "").unwrap().id);
                }
            },
        )
    };
    let added = added.unwrap();

    // The saved drafts moved above the cursor: the later pages do not hand them out again...
    let listed = concatenated(&read);
    assert_eq!(listed.iter().filter(|&&id| id == shown).count(), 1);
    assert!(!listed.contains(&unseen));
    assert_eq!(listed.len(), 119);
    // ...the next page names them (and the draft created meanwhile) as newer, newest first...
    assert_eq!(ids(&read[1].newer), [added, unseen, shown]);
    assert_eq!(read[1].newer[1].version, 2);
    assert!(read[2].newer.is_empty(), "each is named once");
    // ...so the pages together hold every draft, each once.
    let mut all: Vec<DraftId> = listed.into_iter().chain(ids(&read[1].newer)).collect();
    all.sort();
    all.dedup();
    let mut expected = created;
    expected.push(added);
    assert_eq!(all, expected);
}

#[test]
fn search_results_come_a_page_at_a_time() {
    let (_dir, mut store) = temp_store();
    let created = fill(&mut store, 120, |i| i % 5 != 0);
    let matching: Vec<DraftId> = created
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, _)| i % 5 != 0)
        .map(|(_, &id)| id)
        .collect();
    store.trash(matching[3]).unwrap();
    let expected: Vec<DraftId> = matching
        .iter()
        .copied()
        .filter(|&id| id != matching[3])
        .collect();

    let read = pages(|r| store.search("Zebra", r), 25, |_| {});
    assert_eq!(sizes(&read), [25, 25, 25, 20]);
    assert_eq!(concatenated(&read), expected);
    assert_eq!(ids(&store.search_all("zebrafinch").unwrap()), expected);
    // A few matches make one page that says it is the last.
    let mut rare = english();
    rare.notes = "Signed off by the quokka committee.".into();
    let rare = store.create(&rare, "").unwrap().id;
    let few = store.search("QUOKKA", &PageRequest::first(50)).unwrap();
    assert_eq!((ids(&few.drafts), few.next), (vec![rare], None));
    // A query with no words pages through every draft.
    assert_eq!(
        sizes(&pages(|r| store.search("  ", r), 50, |_| {})),
        [50, 50, 20]
    );
}

#[test]
fn a_match_saved_between_search_pages_is_named_as_newer() {
    let (_dir, mut store) = temp_store();
    let created = fill(&mut store, 30, |i| i % 2 == 0);
    let first = store.search("zebrafinch", &PageRequest::first(5)).unwrap();
    // A matching draft further down is saved, and a draft that did not match now does.
    for (id, title) in [
        (created[0], "Still reviewed"),
        (created[1], "Zebrafinch review"),
        (created[3], "Still nothing"),
    ] {
        store.rename(id, title).unwrap();
    }
    let second = store
        .search("zebrafinch", &PageRequest::after(first.next.unwrap(), 5))
        .unwrap();
    assert_eq!(ids(&second.newer), [created[1], created[0]]);
    assert!(!ids(&second.drafts).contains(&created[0]));
}

#[test]
fn the_trash_pages_by_when_drafts_were_trashed() {
    let (_dir, mut store) = temp_store();
    let created = fill(&mut store, 70, |_| false);
    // Trashed oldest first, so the trash lists them newest first: the order of `created`.
    for &id in &created[..60] {
        store.trash(id).unwrap();
    }
    assert_eq!(store.count_trash().unwrap(), 60);

    let mut trashed_meanwhile = None;
    let read = {
        let store = std::cell::RefCell::new(&mut store);
        pages(
            |r| store.borrow().list_trash(r),
            50,
            |page| {
                if page == 1 {
                    store.borrow_mut().trash(created[65]).unwrap();
                    trashed_meanwhile = Some(created[65]);
                }
            },
        )
    };
    assert_eq!(sizes(&read), [50, 10]);
    let mut expected: Vec<DraftId> = created[..60].to_vec();
    expected.reverse();
    assert_eq!(concatenated(&read), expected);
    assert_eq!(ids(&read[1].newer), [trashed_meanwhile.unwrap()]);
    assert_eq!(store.count_trash().unwrap(), 61);
    assert_eq!(store.all_drafts().unwrap().len(), 9);
    assert_eq!(store.count_drafts().unwrap(), 9);
}

#[test]
fn a_page_holds_at_least_one_and_at_most_the_maximum() {
    let (_dir, mut store) = temp_store();
    fill(&mut store, 3, |_| false);
    assert_eq!(sizes(&pages(|r| store.list(r), 0, |_| {})), [1, 1, 1]);
    let all = store.list(&PageRequest::first(usize::MAX)).unwrap();
    assert_eq!((all.drafts.len(), all.next), (3, None));
    const { assert!(MAX_PAGE >= 50) };
    let empty = store.list_trash(&PageRequest::first(50)).unwrap();
    assert!(empty.drafts.is_empty() && empty.next.is_none() && empty.newer.is_empty());
}
