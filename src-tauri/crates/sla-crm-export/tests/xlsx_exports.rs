//! XLSX exports written in the test with rust_xlsxwriter: typed cells (numbers, serial dates in
//! both epochs, dates as text), and workbooks that are encrypted, damaged or too large.
//! Expected instants are worked out by hand in the comments.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Moscow;
use rust_xlsxwriter::{Format, Workbook};
use sla_crm_export::{
    inspect, read_leads, ExportFormat, Mapping, ReadError, StageClass, XLSX_SIZE_LIMIT,
};

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

const HEADERS: [&str; 6] = [
    "ID",
    "Название лида",
    "Ответственный",
    "Дата создания",
    "Стадия",
    "Дата первого контакта",
];

/// A Bitrix24-like lead sheet: ids as numbers, creation times as date cells (serial numbers
/// with a date format), first contacts as date cells or as text.
fn write_leads(path: &Path, serials: &[f64]) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Лиды").unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    for (column, header) in HEADERS.iter().enumerate() {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    let stages = ["Не обработан", "В работе", "Некачественный лид"];
    for (i, serial) in serials.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, 1042.0 + i as f64).unwrap();
        sheet.write_string(row, 1, "Заявка с сайта").unwrap();
        sheet.write_string(row, 2, "Игорь Белов").unwrap();
        sheet
            .write_number_with_format(row, 3, *serial, &date)
            .unwrap();
        sheet.write_string(row, 4, stages[i % 3]).unwrap();
    }
    // The second lead's first contact is a date cell, the third's is text as a person typed it.
    sheet
        .write_number_with_format(2, 5, serials[1] + 1.0 / 24.0, &date)
        .unwrap();
    sheet.write_string(3, 5, "05.03.2026 15:30").unwrap();
    workbook.save(path).unwrap();
}

fn bitrix_mapping() -> Mapping {
    Mapping {
        id: "ID".into(),
        owner: Some("Ответственный".into()),
        created: "Дата создания".into(),
        stage: Some("Стадия".into()),
        mql_values: vec!["Не обработан".into()],
        accepted_values: vec!["В работе".into()],
        rejected_values: vec!["Некачественный лид".into()],
        first_contact: Some("Дата первого контакта".into()),
        ..Mapping::default()
    }
}

/// The same workbook switched to the 1904 date system: its `workbookPr` gets `date1904="1"`.
fn to_1904(from: &Path, to: &Path) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            assert!(xml.contains("<workbookPr"));
            bytes = xml
                .replace("<workbookPr", "<workbookPr date1904=\"1\"")
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn a_bitrix24_sheet_with_typed_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leads.xlsx");
    // 46084 is 2026-03-03 (46086 is 2026-03-05, counting from 1899-12-30); .375 is 09:00,
    // .5 is 12:00, .6 is 14:24.
    write_leads(&path, &[46084.375, 46085.5, 46086.6]);

    let preview = inspect(&path).unwrap();
    assert_eq!(
        preview.file.format,
        ExportFormat::Xlsx {
            sheet: "Лиды".into()
        }
    );
    assert_eq!(preview.file.rows, 3);
    assert_eq!(preview.headers, HEADERS.map(String::from).to_vec());
    // Numbers as written, date cells as ISO 8601.
    assert_eq!(preview.sample[0][0], "1042");
    assert_eq!(preview.sample[0][3], "2026-03-03T09:00:00");
    assert_eq!(preview.sample[2][5], "05.03.2026 15:30");
    assert_eq!(preview.mapping, bitrix_mapping());

    let export = read_leads(&path, &preview.mapping, Moscow).unwrap();
    assert_eq!(export.file, preview.file);
    let leads = &export.leads;
    assert_eq!(leads[0].id, "1042");
    assert_eq!(leads[0].row, 2);
    assert_eq!(leads[0].owner, "Игорь Белов");
    // 09:00 in Moscow (UTC+3) is 06:00Z.
    assert_eq!(leads[0].created, utc("2026-03-03T06:00:00Z"));
    assert_eq!(leads[0].class, Some(StageClass::Delivered));
    assert_eq!(leads[0].first_contact, None);
    // 2026-03-04 12:00 → 09:00Z; its contact an hour later.
    assert_eq!(leads[1].created, utc("2026-03-04T09:00:00Z"));
    assert_eq!(leads[1].first_contact, Some(utc("2026-03-04T10:00:00Z")));
    assert_eq!(leads[1].class, Some(StageClass::Accepted));
    // 2026-03-05 14:24 → 11:24Z; contact typed as 15:30 → 12:30Z.
    assert_eq!(leads[2].created, utc("2026-03-05T11:24:00Z"));
    assert_eq!(leads[2].first_contact, Some(utc("2026-03-05T12:30:00Z")));
    assert_eq!(leads[2].class, Some(StageClass::Rejected));
}

#[test]
fn a_workbook_in_the_1904_date_system() {
    let dir = tempfile::tempdir().unwrap();
    let path_1900 = dir.path().join("1900.xlsx");
    let path_1904 = dir.path().join("1904.xlsx");
    // The same instants as in the 1900 workbook above, 1462 days fewer from the 1904 epoch:
    // 46084.375 − 1462 = 44622.375 is 2026-03-03 09:00.
    write_leads(&path_1900, &[44622.375, 44623.5, 44624.6]);
    to_1904(&path_1900, &path_1904);

    let leads = read_leads(&path_1904, &bitrix_mapping(), Moscow)
        .unwrap()
        .leads;
    assert_eq!(leads[0].created, utc("2026-03-03T06:00:00Z"));
    assert_eq!(leads[1].created, utc("2026-03-04T09:00:00Z"));
    assert_eq!(leads[1].first_contact, Some(utc("2026-03-04T10:00:00Z")));
    assert_eq!(leads[2].created, utc("2026-03-05T11:24:00Z"));
    // Read as 1900 serials, the same numbers are four years and a day earlier.
    let leads = read_leads(&path_1900, &bitrix_mapping(), Moscow)
        .unwrap()
        .leads;
    assert_eq!(leads[0].created, utc("2022-03-02T06:00:00Z"));
}

#[test]
fn bad_cells_name_the_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "ID").unwrap();
    sheet.write_string(0, 1, "Дата создания").unwrap();
    sheet.write_string(1, 0, "A").unwrap();
    sheet.write_string(1, 1, "2026-03-05").unwrap();
    // Row 3 is left blank; Excel's row 4 holds the bad date.
    sheet.write_string(3, 0, "B").unwrap();
    sheet.write_string(3, 1, "на следующей неделе").unwrap();
    workbook.save(&path).unwrap();
    let mapping = Mapping {
        id: "ID".into(),
        created: "Дата создания".into(),
        ..Mapping::default()
    };
    let error = read_leads(&path, &mapping, Moscow).unwrap_err();
    assert!(
        matches!(error, ReadError::BadDate { row: 4, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains(
        "bad.xlsx, row 4, column \"Дата создания\": \"на следующей неделе\" is not a date"
    ));

    let path = dir.path().join("header.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "ID").unwrap();
    sheet.write_string(0, 1, "Дата создания").unwrap();
    workbook.save(&path).unwrap();
    let error = read_leads(&path, &mapping, Moscow).unwrap_err();
    assert!(matches!(error, ReadError::NoLeads { .. }), "{error:?}");

    let path = dir.path().join("blank.xlsx");
    Workbook::new().save(&path).unwrap();
    let error = inspect(&path).unwrap_err();
    assert!(matches!(error, ReadError::Empty { .. }), "{error:?}");
}

#[test]
fn encrypted_damaged_foreign_and_oversized_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let mapping = Mapping {
        id: "ID".into(),
        created: "Дата создания".into(),
        ..Mapping::default()
    };
    let read = |path: &PathBuf| read_leads(path, &mapping, Moscow).unwrap_err();

    // What Excel writes for a workbook with a password to open: an OLE compound file holding
    // the encryption parameters and the encrypted package.
    let path = dir.path().join("secret.xlsx");
    let mut container = cfb::create(&path).unwrap();
    container
        .create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    container
        .create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[0x5A; 4096])
        .unwrap();
    container.flush().unwrap();
    drop(container);
    let error = read(&path);
    assert!(
        matches!(error, ReadError::EncryptedXlsx { .. }),
        "{error:?}"
    );
    assert!(error.to_string().ends_with(
        "secret.xlsx: the workbook is encrypted or password-protected; save a copy without a \
         password and import that"
    ));
    assert!(matches!(
        inspect(&path),
        Err(ReadError::EncryptedXlsx { .. })
    ));

    // An OLE file without an encrypted package: an Excel 97–2003 workbook.
    let path = dir.path().join("old.xls");
    let mut container = cfb::create(&path).unwrap();
    container
        .create_stream("/Workbook")
        .unwrap()
        .write_all(&[0x09, 0x08, 0x10, 0])
        .unwrap();
    container.flush().unwrap();
    drop(container);
    let error = read(&path);
    assert!(
        error
            .to_string()
            .contains("old.xls: is neither CSV nor XLSX (an Excel 97–2003 .xls workbook"),
        "{error}"
    );

    // A workbook cut short, as by an interrupted download: its zip directory is gone.
    let whole = dir.path().join("whole.xlsx");
    let mut workbook = Workbook::new();
    workbook.add_worksheet().write_string(0, 0, "ID").unwrap();
    workbook.save(&whole).unwrap();
    let bytes = std::fs::read(&whole).unwrap();
    let path = dir.path().join("cut.xlsx");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let error = read(&path);
    assert!(matches!(error, ReadError::CorruptXlsx { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("cut.xlsx: the XLSX workbook is damaged and cannot be read"),
        "{error}"
    );

    // A zip archive of something else.
    let path = dir.path().join("photos.zip");
    let mut archive = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    archive
        .start_file("photo.jpg", zip::write::SimpleFileOptions::default())
        .unwrap();
    archive.write_all(b"\xff\xd8\xff").unwrap();
    archive.finish().unwrap();
    let error = read(&path);
    assert!(matches!(error, ReadError::NotCsvOrXlsx { .. }), "{error:?}");
    assert!(
        error.to_string().ends_with(
            "photos.zip: is neither CSV nor XLSX (a ZIP archive that is not an Excel workbook)"
        ),
        "{error}"
    );

    // Over the XLSX limit: a sparse file, refused before calamine opens it.
    let path = dir.path().join("huge.xlsx");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(&bytes[..64]).unwrap();
    file.set_len(XLSX_SIZE_LIMIT + 1).unwrap();
    drop(file);
    let error = read(&path);
    assert!(
        matches!(error, ReadError::TooLarge { kind: "XLSX", limit, .. } if limit == XLSX_SIZE_LIMIT),
        "{error:?}"
    );
}

/// Bytes changed at random places, and files cut short, in a real workbook: every one is read
/// or refused with an error, never a panic.
#[test]
fn damaged_workbooks_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leads.xlsx");
    write_leads(&path, &[46084.375, 46085.5, 46086.6]);
    let original = std::fs::read(&path).unwrap();
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut random = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let damaged = dir.path().join("damaged.xlsx");
    for round in 0..150 {
        let mut bytes = original.clone();
        if round % 3 == 0 {
            bytes.truncate(random(bytes.len()));
        } else {
            for _ in 0..1 + random(8) {
                let at = random(bytes.len());
                bytes[at] = random(256) as u8;
            }
        }
        std::fs::write(&damaged, &bytes).unwrap();
        let _ = inspect(&damaged);
        let _ = read_leads(&damaged, &bitrix_mapping(), Moscow);
    }
}
