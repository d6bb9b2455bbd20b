//! Agreements and stores the tests share.
#![allow(dead_code)]

use std::path::PathBuf;

use sla_model::{Agreement, Language, Side};
use sla_store::Store;
use tempfile::TempDir;

const TEMPLATE: &str = include_str!("../../../sla-guidance/templates/sales-marketing.en.json");

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
