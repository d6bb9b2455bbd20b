//! CSV exports as the four CRMs write them (fixtures under `tests/fixtures/`), and the ways a
//! CSV export goes wrong. Expected instants are worked out by hand in the comments.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::America::{Chicago, New_York};
use chrono_tz::Europe::Moscow;
use sla_crm_export::{
    inspect, read_leads, stage_values, CsvEncoding, ExportFormat, Mapping, ReadError, StageClass,
    StageValue, CSV_SIZE_LIMIT,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stage(value: &str, count: usize, class: Option<StageClass>) -> StageValue {
    StageValue {
        value: value.to_string(),
        count,
        class,
    }
}

#[test]
fn amocrm_deals_in_windows_1251_with_semicolons() {
    let path = fixture("amocrm-deals.windows-1251.csv");
    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.file.format,
        ExportFormat::Csv {
            encoding: CsvEncoding::Windows1251,
            separator: ';'
        }
    );
    assert_eq!(preview.file.name, "amocrm-deals.windows-1251.csv");
    assert_eq!(preview.file.rows, 3);
    assert_eq!(preview.file.fingerprint.len(), 64);
    assert_eq!(preview.headers[1], "Название сделки");
    assert_eq!(preview.headers.len(), 13);
    // The quoted cell keeps its semicolon; Ё and « » survive the code page.
    assert_eq!(preview.sample[0][1], "Заявка с сайта: Ёлкин");
    assert_eq!(preview.sample[1][1], "Звонок; перезвонить");
    assert_eq!(preview.sample[2][1], "Заявка «Партнёр»");
    assert_eq!(preview.sample[1][3], "Пётр Иванов");
    assert_eq!(
        preview.mapping,
        Mapping {
            id: "ID".into(),
            owner: Some("Ответственный".into()),
            created: "Дата создания сделки".into(),
            stage: Some("Этап сделки".into()),
            mql_values: strings(&["Неразобранное"]),
            accepted_values: strings(&["Первичный контакт"]),
            rejected_values: strings(&["Закрыто и не реализовано"]),
            ..Mapping::default()
        }
    );
    // One each, in the order of their text.
    assert_eq!(
        preview.stage_values,
        vec![
            stage("Закрыто и не реализовано", 1, Some(StageClass::Rejected)),
            stage("Неразобранное", 1, Some(StageClass::Delivered)),
            stage("Первичный контакт", 1, Some(StageClass::Accepted)),
        ]
    );

    let export = read_leads(&path, &preview.mapping, Moscow).unwrap();
    assert_eq!(export.file, preview.file);
    let leads = &export.leads;
    assert_eq!(leads.len(), 3);
    assert_eq!(leads[0].row, 2);
    assert_eq!(leads[0].id, "18930411");
    assert_eq!(leads[0].owner, "Анна Смирнова");
    // 09:15 in Moscow (UTC+3) is 06:15Z.
    assert_eq!(leads[0].created, utc("2026-03-05T06:15:00Z"));
    assert_eq!(leads[0].stage, "Первичный контакт");
    assert_eq!(leads[0].class, Some(StageClass::Accepted));
    assert_eq!(leads[1].owner, "Пётр Иванов");
    assert_eq!(leads[1].created, utc("2026-03-05T15:40:00Z"));
    assert_eq!(leads[1].class, Some(StageClass::Rejected));
    assert_eq!(leads[2].row, 4);
    assert_eq!(leads[2].created, utc("2026-03-06T07:05:30Z"));
    assert_eq!(leads[2].class, Some(StageClass::Delivered));
    assert!(leads.iter().all(|lead| lead.first_contact.is_none()));
}

#[test]
fn bitrix24_leads_in_utf8_with_bom() {
    let path = fixture("bitrix24-leads.utf8-bom.csv");
    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.file.format,
        ExportFormat::Csv {
            encoding: CsvEncoding::Utf8Bom,
            separator: ';'
        }
    );
    // The byte-order mark is not part of the first header.
    assert_eq!(preview.headers[0], "ID");
    assert_eq!(
        preview.mapping,
        Mapping {
            id: "ID".into(),
            owner: Some("Ответственный".into()),
            created: "Дата создания".into(),
            stage: Some("Стадия".into()),
            mql_values: strings(&["Не обработан"]),
            accepted_values: strings(&["В работе"]),
            rejected_values: strings(&["Некачественный лид"]),
            rejection_reason: Some("Причина отказа".into()),
            first_contact: Some("Дата первого контакта".into()),
            ..Mapping::default()
        }
    );
    let leads = read_leads(&path, &preview.mapping, Moscow).unwrap().leads;
    assert_eq!(leads[0].class, Some(StageClass::Delivered));
    assert_eq!(leads[0].first_contact, None);
    // 10:30 and 11:00 Moscow time.
    assert_eq!(leads[1].created, utc("2026-03-02T07:30:00Z"));
    assert_eq!(leads[1].first_contact, Some(utc("2026-03-02T08:00:00Z")));
    assert_eq!(leads[1].class, Some(StageClass::Accepted));
    // A date alone is midnight in Moscow: 21:00Z the day before.
    assert_eq!(leads[2].created, utc("2026-03-02T21:00:00Z"));
    assert_eq!(leads[2].first_contact, Some(utc("2026-03-03T11:20:00Z")));
    assert_eq!(leads[2].class, Some(StageClass::Rejected));
    assert_eq!(leads[2].rejection_reason.as_deref(), Some("Нет бюджета"));
    assert_eq!(leads[2].owner, "Елена Соколова");
}

#[test]
fn hubspot_contacts_with_qualification_dates() {
    let path = fixture("hubspot-contacts.csv");
    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.file.format,
        ExportFormat::Csv {
            encoding: CsvEncoding::Utf8,
            separator: ','
        }
    );
    assert_eq!(
        preview.mapping,
        Mapping {
            id: "Record ID".into(),
            owner: Some("Contact owner".into()),
            created: "Create Date".into(),
            stage: Some("Lead Status".into()),
            mql_values: strings(&["NEW"]),
            accepted_values: strings(&["IN_PROGRESS"]),
            rejected_values: strings(&["UNQUALIFIED"]),
            mql_date: Some("Became a Marketing Qualified Lead Date".into()),
            accepted_date: Some("Became a Sales Qualified Lead Date".into()),
            attempts: Some("Number of times contacted".into()),
            ..Mapping::default()
        }
    );
    // Status cells that are empty are not values.
    assert_eq!(preview.stage_values.len(), 3);
    // A person who prefers the lifecycle stage sees its values: two MQLs, one SQL, one
    // subscriber.
    assert_eq!(
        stage_values(&path, "lifecycle stage").unwrap(),
        vec![
            stage("marketingqualifiedlead", 2, Some(StageClass::Delivered)),
            stage("salesqualifiedlead", 1, Some(StageClass::Accepted)),
            stage("subscriber", 1, None),
        ]
    );
    assert!(matches!(
        stage_values(&path, "Stage"),
        Err(ReadError::MissingColumn { .. })
    ));

    // Only the date columns say who was delivered and accepted.
    let mapping = Mapping {
        mql_values: vec![],
        accepted_values: vec![],
        rejected_values: strings(&["Unqualified"]),
        ..preview.mapping
    };
    let leads = read_leads(&path, &mapping, New_York).unwrap().leads;
    // 5101 became an SQL: accepted. 09:00 EST (UTC-5) is 14:00Z.
    assert_eq!(leads[0].class, Some(StageClass::Accepted));
    assert_eq!(leads[0].created, utc("2026-03-02T14:00:00Z"));
    assert_eq!(leads[0].attempts, Some(3));
    // 5102: its status matches "Unqualified" ignoring case; a written zone is kept.
    assert_eq!(leads[1].class, Some(StageClass::Rejected));
    assert_eq!(leads[1].created, utc("2026-03-02T08:15:00Z"));
    // 5103 never became an MQL and has no status.
    assert_eq!(leads[2].class, None);
    assert_eq!(leads[2].owner, "");
    assert_eq!(leads[2].attempts, Some(0));
    // 5104 became an MQL only.
    assert_eq!(leads[3].class, Some(StageClass::Delivered));
}

#[test]
fn salesforce_leads_with_us_dates() {
    let path = fixture("salesforce-leads.csv");
    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.mapping,
        Mapping {
            id: "Lead ID".into(),
            owner: Some("Lead Owner".into()),
            created: "Create Date".into(),
            stage: Some("Lead Status".into()),
            mql_values: strings(&["Open - Not Contacted"]),
            accepted_values: strings(&["Working - Contacted"]),
            rejected_values: strings(&["Closed - Not Converted"]),
            rejection_reason: Some("Unqualified Reason".into()),
            first_contact: Some("First Response Date/Time".into()),
            ..Mapping::default()
        }
    );
    // The comma inside the quoted company name does not split it.
    assert_eq!(preview.sample[1][3], "Wu, Wu & Sons");
    let leads = read_leads(&path, &preview.mapping, Chicago).unwrap().leads;
    // 9:05 AM CST (UTC-6) is 15:05Z; 2:40 PM is 20:40Z.
    assert_eq!(leads[0].created, utc("2026-03-02T15:05:00Z"));
    assert_eq!(leads[0].first_contact, Some(utc("2026-03-02T20:40:00Z")));
    // 4:30 PM is 22:30Z; the next morning 10:00 AM is 16:00Z.
    assert_eq!(leads[1].created, utc("2026-03-02T22:30:00Z"));
    assert_eq!(leads[1].first_contact, Some(utc("2026-03-03T16:00:00Z")));
    assert_eq!(leads[1].rejection_reason.as_deref(), Some("No budget"));
    // 9 March is after the 8 March change to CDT (UTC-5): 11:15 AM is 16:15Z.
    assert_eq!(leads[2].created, utc("2026-03-09T16:15:00Z"));
    assert_eq!(leads[2].class, Some(StageClass::Delivered));
}

#[test]
fn tabs_utf16_and_western_code_page() {
    let dir = tempfile::tempdir().unwrap();
    // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated.
    let text = "ID\tСоздан\tЭтап\r\n7\t2026-03-05 12:00\tMQL\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = write(dir.path(), "unicode.txt", &bytes);
    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.file.format,
        ExportFormat::Csv {
            encoding: CsvEncoding::Utf16Le,
            separator: '\t'
        }
    );
    assert_eq!(preview.headers, strings(&["ID", "Создан", "Этап"]));
    assert_eq!(preview.mapping.created, "Создан");
    assert_eq!(preview.mapping.mql_values, strings(&["MQL"]));
    let leads = read_leads(&path, &preview.mapping, Moscow).unwrap().leads;
    assert_eq!(leads[0].created, utc("2026-03-05T09:00:00Z"));

    // "Café" and "Müller" in Windows-1252: accented letters alone among ASCII ones.
    let path = write(
        dir.path(),
        "western.csv",
        b"ID,Owner,Created\n1,Caf\xe9 M\xfcller,2026-03-05\n",
    );
    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.file.format,
        ExportFormat::Csv {
            encoding: CsvEncoding::Windows1252,
            separator: ','
        }
    );
    assert_eq!(preview.sample[0][1], "Café Müller");
}

fn mapping(id: &str, created: &str) -> Mapping {
    Mapping {
        id: id.into(),
        created: created.into(),
        ..Mapping::default()
    }
}

fn error(path: &Path, mapping: &Mapping) -> (ReadError, String) {
    let error = read_leads(path, mapping, Moscow).unwrap_err();
    let message = error.to_string();
    (error, message)
}

#[test]
fn bad_input_names_the_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let both = mapping("ID", "Создан");
    let contact = Mapping {
        first_contact: Some("Контакт".into()),
        attempts: Some("Попытки".into()),
        ..both.clone()
    };

    let path = write(
        dir.path(),
        "report.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    );
    let (error, message) = error(&path, &both);
    assert!(matches!(error, ReadError::NotCsvOrXlsx { .. }), "{error:?}");
    assert!(message.ends_with("report.pdf: is neither CSV nor XLSX (a PDF document)"));

    let path = write(dir.path(), "export.xls", b"\x00\x01\x02binary\x00");
    let (_, message) = self::error(&path, &both);
    assert!(
        message.contains("is neither CSV nor XLSX (binary data)"),
        "{message}"
    );

    let path = write(
        dir.path(),
        "bitrix.xls",
        "<html><meta charset=utf-8><table><tr><td>ID</td></tr></table>".as_bytes(),
    );
    let (_, message) = self::error(&path, &both);
    assert!(message.contains("an HTML table"), "{message}");

    let path = write(dir.path(), "empty.csv", b"");
    let (error, message) = self::error(&path, &both);
    assert!(matches!(error, ReadError::Empty { .. }));
    assert!(message.ends_with("empty.csv: is empty: no header row and no leads"));
    assert!(matches!(inspect(&path), Err(ReadError::Empty { .. })));

    let path = write(dir.path(), "header.csv", "ID;Создан\r\n\r\n".as_bytes());
    let (error, message) = self::error(&path, &both);
    assert!(matches!(error, ReadError::NoLeads { .. }));
    assert!(message.ends_with("header.csv: has a header row but no leads"));
    assert!(matches!(inspect(&path), Err(ReadError::NoLeads { .. })));

    let path = write(
        dir.path(),
        "leads.csv",
        "ID;Создан\n1;05.03.2026\n".as_bytes(),
    );
    let (error, message) = self::error(&path, &mapping("ID", "Дата создания"));
    assert!(matches!(error, ReadError::MissingColumn { .. }));
    assert!(
        message.ends_with(
            "leads.csv: the mapping's column \"Дата создания\" for the creation time is not in \
             the file; its columns are: \"ID\", \"Создан\""
        ),
        "{message}"
    );
    let (error, _) = self::error(&path, &mapping("ID", ""));
    assert!(matches!(
        error,
        ReadError::UnmappedField {
            field: "creation time",
            ..
        }
    ));
    // Column names match ignoring case and surrounding spaces.
    assert!(read_leads(&path, &mapping(" id ", "СОЗДАН"), Moscow).is_ok());

    let path = write(
        dir.path(),
        "dates.csv",
        "ID;Создан\n1;05.03.2026\n2;31.02.2026 10:00\n".as_bytes(),
    );
    let (error, message) = self::error(&path, &both);
    assert!(matches!(error, ReadError::BadDate { row: 3, .. }));
    assert!(
        message.contains("dates.csv, row 3, column \"Создан\": \"31.02.2026 10:00\" is not a date"),
        "{message}"
    );

    let path = write(
        dir.path(),
        "contact.csv",
        "ID;Создан;Контакт;Попытки\n1;05.03.2026 10:00;05.03.2026 09:59:30;1\n2;05.03.2026 10:00;05.03.2026 09:58;2\n"
            .as_bytes(),
    );
    let (error, message) = self::error(&path, &contact);
    assert!(matches!(
        error,
        ReadError::ContactBeforeCreation { row: 3, .. }
    ));
    assert!(
        message.ends_with(
            "contact.csv, row 3, column \"Контакт\": first contact 05.03.2026 09:58 is before the \
             lead was created (05.03.2026 10:00)"
        ),
        "{message}"
    );
    // Within a minute (one column may be written without seconds) it counts as at creation.
    let path = write(
        dir.path(),
        "contact.csv",
        "ID;Создан;Контакт;Попытки\n1;05.03.2026 10:00:40;05.03.2026 10:00;1\n".as_bytes(),
    );
    let leads = read_leads(&path, &contact, Moscow).unwrap().leads;
    assert_eq!(leads[0].first_contact, Some(leads[0].created));

    let path = write(
        dir.path(),
        "attempts.csv",
        "ID;Создан;Контакт;Попытки\n1;05.03.2026;;два\n".as_bytes(),
    );
    let (_, message) = self::error(&path, &contact);
    assert!(
        message.ends_with("attempts.csv, row 2, column \"Попытки\": \"два\" is not a whole number"),
        "{message}"
    );

    let path = write(
        dir.path(),
        "twice.csv",
        "ID;Создан\n1;05.03.2026\n2;05.03.2026\n\n1;06.03.2026\n".as_bytes(),
    );
    let (error, message) = self::error(&path, &both);
    assert!(matches!(
        error,
        ReadError::DuplicateId {
            first_row: 2,
            row: 4,
            ..
        }
    ));
    assert!(
        message.ends_with("twice.csv, rows 2 and 4, column \"ID\": the same lead id \"1\" twice"),
        "{message}"
    );

    let path = write(
        dir.path(),
        "noid.csv",
        "ID;Создан\n;05.03.2026\n".as_bytes(),
    );
    let (_, message) = self::error(&path, &both);
    assert!(
        message.ends_with("noid.csv, row 2, column \"ID\": the lead's id is empty"),
        "{message}"
    );
}

#[test]
fn windows_1251_past_the_sniffed_start_of_a_utf8_file_is_refused_not_garbled() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "ID;Создан;Ответственный\n".as_bytes().to_vec();
    let mut row = 1;
    while bytes.len() < 70 * 1024 {
        writeln!(bytes, "{row};05.03.2026;Анна").unwrap();
        row += 1;
    }
    // "Пётр" in Windows-1251, past the 64 KiB the encoding is told from.
    bytes.extend_from_slice(format!("{row};05.03.2026;").as_bytes());
    bytes.extend_from_slice(b"\xcf\xb8\xf2\xf0\n");
    let path = write(dir.path(), "mixed.csv", &bytes);
    let mapping = Mapping {
        owner: Some("Ответственный".into()),
        ..mapping("ID", "Создан")
    };
    let (error, message) = self::error(&path, &mapping);
    assert!(matches!(error, ReadError::BadEncoding { .. }), "{error:?}");
    assert!(
        message.ends_with(&format!(
            "mixed.csv, row {}: the text is not valid UTF-8 (the encoding found in the file's \
             first lines); save the export as UTF-8",
            row + 1
        )),
        "{message}"
    );
}

#[test]
fn a_one_gigabyte_export_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all("ID;Создан\n1;05.03.2026\n".as_bytes())
        .unwrap();
    // Sparse: no disk space taken, nothing to read.
    file.set_len(1 << 30).unwrap();
    drop(file);
    for error in [
        read_leads(&path, &mapping("ID", "Создан"), Moscow).unwrap_err(),
        inspect(&path).unwrap_err(),
    ] {
        assert!(
            matches!(error, ReadError::TooLarge { size, limit, .. } if size == 1 << 30 && limit == CSV_SIZE_LIMIT),
            "{error:?}"
        );
        assert!(error.to_string().ends_with(
            "huge.csv: is 1073741824 bytes, over the 536870912-byte limit for a CSV export; \
             export a shorter period or fewer columns"
        ));
    }
}

#[test]
fn a_number_in_a_csv_date_column_is_an_excel_serial() {
    let dir = tempfile::tempdir().unwrap();
    // 46086 days after 1899-12-30 is 2026-03-05; .75 is 18:00, in Moscow 15:00Z.
    let path = write(dir.path(), "serial.csv", b"ID,Created\nA-1,46086.75\n");
    let leads = read_leads(&path, &mapping("ID", "Created"), Moscow)
        .unwrap()
        .leads;
    assert_eq!(leads[0].created, utc("2026-03-05T15:00:00Z"));
}

/// Each fixture with bytes changed at random places or cut short, and bytes at random: every
/// one is read or refused with an error, never a panic.
#[test]
fn damaged_csv_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut random = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below.max(1) as u64) as usize
    };
    let damaged = dir.path().join("damaged.csv");
    let names = [
        "amocrm-deals.windows-1251.csv",
        "bitrix24-leads.utf8-bom.csv",
        "hubspot-contacts.csv",
        "salesforce-leads.csv",
    ];
    for round in 0..200 {
        let original = std::fs::read(fixture(names[round % names.len()])).unwrap();
        let mut bytes = original.clone();
        match round % 4 {
            0 => bytes.truncate(random(bytes.len())),
            1 => bytes = (0..random(600)).map(|_| random(256) as u8).collect(),
            _ => {
                for _ in 0..1 + random(12) {
                    let at = random(bytes.len());
                    // Mostly the bytes that matter to CSV and dates.
                    bytes[at] = *[b'"', b';', b',', b'\n', b'.', b'/', b':', 0xC0, 0xFF, b'9']
                        .get(random(12))
                        .unwrap_or(&(random(256) as u8));
                }
            }
        }
        std::fs::write(&damaged, &bytes).unwrap();
        if let Ok(preview) = inspect(&damaged) {
            let _ = read_leads(&damaged, &preview.mapping, Moscow);
        }
        let _ = read_leads(&damaged, &mapping("ID", "Дата создания"), Moscow);
    }
}
