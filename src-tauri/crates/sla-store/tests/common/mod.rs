//! Agreements and stores the tests share.
#![allow(dead_code)]

use std::path::PathBuf;

use sla_model::{Agreement, Language, Side};
use sla_store::{DraftInfo, PageRequest, Store, StoreError, MAX_PAGE};
use tempfile::TempDir;

const TEMPLATE: &str = include_str!("../../../sla-templates/builtin/sales-marketing.en.json");

/// The English sales-marketing template, as the app instantiates it.
pub fn english() -> Agreement {
    sla_model::from_json(TEMPLATE).expect("the template is a valid agreement")
}

/// The same agreement written in Russian by people with Russian names.
pub fn russian() -> Agreement {
    let mut a = english();
    a.language = Language::Ru;
    a.title = "Соглашение об уровне сервиса между маркетингом и продажами".into();
    a.parties.marketing.department = "Маркетинг".into();
    a.parties.marketing.head.role = "Директор по маркетингу".into();
    a.parties.sales.department = "Отдел продаж B2B".into();
    a.parties.sales.head.role = "Руководитель отдела продаж".into();
    set_heads(
        &mut a,
        ("Анна Петрова", "anna@example.ru"),
        ("Игорь Смирнов", "igor@example.ru"),
    );
    a.notes = "Лиды передаются через CRM; отказ от лида сопровождается причиной.".into();
    a
}

/// A fresh database file in a temporary folder that lives as long as the returned guard.
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("drafts.sqlite3")).unwrap();
    (dir, store)
}

pub fn db_path(dir: &TempDir) -> PathBuf {
    dir.path().join("drafts.sqlite3")
}

/// Names the two heads, as parties and as signatories.
pub fn set_heads(a: &mut Agreement, marketing: (&str, &str), sales: (&str, &str)) {
    for (person, (name, email)) in [
        (&mut a.parties.marketing.head, marketing),
        (&mut a.parties.sales.head, sales),
    ] {
        person.name = name.into();
        person.email = email.into();
    }
    for signatory in &mut a.signatories {
        let (name, email) = match signatory.side {
            Side::Marketing => marketing,
            Side::Sales => sales,
        };
        signatory.name = name.into();
        signatory.email = email.into();
    }
}

/// Every page of a list at once, for tests about what a list holds rather than how it pages.
pub trait Everything {
    fn all_drafts(&self) -> Result<Vec<DraftInfo>, StoreError>;
    fn all_trash(&self) -> Result<Vec<DraftInfo>, StoreError>;
    fn search_all(&self, query: &str) -> Result<Vec<DraftInfo>, StoreError>;
}

impl Everything for Store {
    fn all_drafts(&self) -> Result<Vec<DraftInfo>, StoreError> {
        every_page(|request| self.list(request))
    }

    fn all_trash(&self) -> Result<Vec<DraftInfo>, StoreError> {
        every_page(|request| self.list_trash(request))
    }

    fn search_all(&self, query: &str) -> Result<Vec<DraftInfo>, StoreError> {
        every_page(|request| self.search(query, request))
    }
}

fn every_page(
    read: impl Fn(&PageRequest) -> Result<sla_store::Page, StoreError>,
) -> Result<Vec<DraftInfo>, StoreError> {
    let mut request = PageRequest::first(MAX_PAGE);
    let mut drafts = Vec::new();
    loop {
        let page = read(&request)?;
        drafts.extend(page.drafts);
        match page.next {
            Some(cursor) => request = PageRequest::after(cursor, MAX_PAGE),
            None => return Ok(drafts),
        }
    }
}
