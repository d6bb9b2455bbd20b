//! Throughput of reading an export, not a test: writes a 100,000-row amoCRM-like CSV (about
//! 30 MB, `;`-separated) in UTF-8 and in Windows-1251, and a 50,000-row XLSX, to a temporary
//! folder, then times `inspect` and `read_leads` on each in a child process of its own, so that
//! the peak memory it prints is the reading's alone.
//!
//! cargo run --release -p sla-crm-export --example read_throughput

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono_tz::Europe::Moscow;
use sla_crm_export::{inspect, read_leads, Mapping};

const CSV_ROWS: usize = 100_000;
const XLSX_ROWS: usize = 50_000;

const HEADER: &str = "ID;Название сделки;Бюджет;Ответственный;Дата создания сделки;\
Кем создана сделка;Дата редактирования;Кем редактирована;Дата закрытия;Этап сделки;Воронка;\
Теги;Источник;Основной контакт;Компания;Телефон;Email";

const OWNERS: [&str; 8] = [
    "Анна Смирнова",
    "Пётр Иванов",
    "Ольга Кузнецова",
    "Игорь Белов",
    "Елена Соколова",
    "Дмитрий Орлов",
    "Мария Волкова",
    "Сергей Ёжиков",
];
const STAGES: [&str; 6] = [
    "Неразобранное",
    "Первичный контакт",
    "Переговоры",
    "Принимают решение",
    "Успешно реализовано",
    "Закрыто и не реализовано",
];
const SOURCES: [&str; 4] = ["Яндекс.Директ", "Сайт", "Звонок", "Партнёры"];

/// A small deterministic generator, so every run reads the same file.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

fn row(i: usize, random: &mut Lcg) -> String {
    let day = 1 + random.next(28);
    let (hour, minute, second) = (8 + random.next(11), random.next(60), random.next(60));
    let owner = OWNERS[random.next(OWNERS.len())];
    let stage = STAGES[random.next(STAGES.len())];
    let closed = if stage.contains("реализовано") {
        format!("{:02}.03.2026 18:00:00", day.min(27) + 1)
    } else {
        String::new()
    };
    format!(
        "{id};Заявка с сайта №{id};{budget} 000;{owner};\
         {day:02}.03.2026 {hour:02}:{minute:02}:{second:02};Робот;{day:02}.03.2026 19:{minute:02}:00;\
         {owner};{closed};{stage};Входящие лиды;сайт, весна-2026;{source};Контакт {id};\
         \"ООО «Компания {company}»\";+7 900 {a:03}-{b:02}-{c:02};client{id}@example.ru",
        id = 18_000_000 + i,
        budget = 10 + random.next(500),
        source = SOURCES[random.next(SOURCES.len())],
        company = random.next(5_000),
        a = random.next(1000),
        b = random.next(100),
        c = random.next(100),
    )
}

fn write_csv(path: &Path, windows_1251: bool) -> u64 {
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    let mut random = Lcg(7);
    let mut write_line = |line: &str| {
        if windows_1251 {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(line);
            assert!(!unmappable);
            out.write_all(&bytes).unwrap();
        } else {
            out.write_all(line.as_bytes()).unwrap();
        }
        out.write_all(b"\r\n").unwrap();
    };
    write_line(HEADER);
    for i in 0..CSV_ROWS {
        write_line(&row(i, &mut random));
    }
    out.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn write_xlsx(path: &Path) -> u64 {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy hh:mm:ss");
    let headers: Vec<&str> = HEADER.split(';').collect();
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    let mut random = Lcg(11);
    for i in 0..XLSX_ROWS {
        let line = row(i, &mut random);
        let r = i as u32 + 1;
        for (column, cell) in line.split(';').enumerate().take(headers.len()) {
            match column {
                0 => sheet.write_number(r, 0, (18_000_000 + i) as f64),
                // 2026-03-01 is serial 46082; a day and a fraction after it.
                4 => sheet.write_number_with_format(
                    r,
                    4,
                    46082.0 + (i % 28) as f64 + (i % 600) as f64 / 1440.0 + 8.0 / 24.0,
                    &date,
                ),
                _ => sheet.write_string(r, column as u16, cell.trim_matches('"')),
            }
            .unwrap();
        }
    }
    workbook.save(path).unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Peak resident memory of this process so far (Linux), in MiB.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn mapping() -> Mapping {
    Mapping {
        id: "ID".into(),
        owner: Some("Ответственный".into()),
        created: "Дата создания сделки".into(),
        stage: Some("Этап сделки".into()),
        mql_values: vec!["Неразобранное".into()],
        accepted_values: STAGES[1..5].iter().map(|s| s.to_string()).collect(),
        rejected_values: vec!["Закрыто и не реализовано".into()],
        ..Mapping::default()
    }
}

/// In the child: time the reads of one file, then print them with the peak memory.
fn measure(label: &str, path: &Path, rows: usize) {
    let size = std::fs::metadata(path).unwrap().len();
    let mapping = mapping();
    let runs = if label == "XLSX" { 3 } else { 5 };
    let mut leads = 0;
    let read = best_of(runs, || {
        leads = read_leads(path, &mapping, Moscow).unwrap().leads.len();
    });
    assert_eq!(leads, rows);
    let read_rss = peak_rss_mib();
    let inspected = best_of(runs, || {
        assert_eq!(inspect(path).unwrap().file.rows, rows);
    });
    println!(
        "{label}: {rows} rows, {:.1} MB: read_leads {:.0} ms ({:.0} MB/s, peak RSS {:.0} MiB), inspect {:.0} ms",
        size as f64 / 1e6,
        read.as_secs_f64() * 1e3,
        size as f64 / 1e6 / read.as_secs_f64(),
        read_rss,
        inspected.as_secs_f64() * 1e3,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, label, path, rows] = &args[..] {
        if flag == "--measure" {
            measure(label, Path::new(path), rows.parse().unwrap());
            return;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (label, windows_1251) in [("CSV UTF-8", false), ("CSV windows-1251", true)] {
        let path = dir.path().join(format!("amocrm-{}.csv", files.len()));
        write_csv(&path, windows_1251);
        files.push((label, path, CSV_ROWS));
    }
    let path = dir.path().join("amocrm.xlsx");
    write_xlsx(&path);
    files.push(("XLSX", path, XLSX_ROWS));
    for (label, path, rows) in files {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--measure",
                label,
                path.to_str().unwrap(),
                &rows.to_string(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
    }
}
