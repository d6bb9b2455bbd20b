//! The monthly review's pipeline, timed beside the tool an analyst would otherwise use: a
//! 100,000-row CSV lead export (about 30 MB) and a 50,000-row XLSX read, mapped and computed for
//! one period (`read_leads` + `compute_period` + `review`), then Python + pandas reading and
//! aggregating the same CSV (`pandas_baseline.py`). Prints the median of 5 runs and the peak
//! memory of each; the ratio is what to compare across these shared, noisy machines.
//!
//! cargo bench -p sla-compliance --bench pipeline   (needs python3-pandas for the baseline)

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use sla_compliance::{compute_period, review, BusinessClock, Overrides, Period};
use sla_crm_export::{read_leads, Mapping};
use sla_model::{Agreement, Language};

const CSV_ROWS: usize = 100_000;
const XLSX_ROWS: usize = 50_000;
const RUNS: usize = 5;

const HEADER: [&str; 14] = [
    "ID",
    "Название сделки",
    "Бюджет",
    "Ответственный",
    "Дата создания",
    "Этап",
    "Воронка",
    "Теги",
    "Источник",
    "Дата первого контакта",
    "Причина отказа",
    "Количество попыток",
    "Компания",
    "Примечание",
];
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
const STAGES: [&str; 3] = ["Квалифицирован", "Принят в работу", "Некачественный лид"];

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

/// One lead of January to March 2027, about 300 bytes (Cyrillic takes two bytes a letter).
fn row(i: usize, random: &mut Lcg) -> Vec<String> {
    let month = 1 + random.next(3);
    let day = 1 + random.next(28);
    let (hour, minute) = (8 + random.next(11), random.next(60));
    let stage = STAGES[random.next(STAGES.len())];
    let contact_after = random.next(600);
    let (contact_hour, contact_minute) = (hour + contact_after / 60, minute);
    let contact = if random.next(10) == 0 || contact_hour > 23 {
        String::new()
    } else {
        format!("{day:02}.{month:02}.2027 {contact_hour:02}:{contact_minute:02}:00")
    };
    let reason = if stage == "Некачественный лид" && random.next(4) > 0 {
        "Нет бюджета"
    } else {
        ""
    };
    vec![
        (18_000_000 + i).to_string(),
        format!("Заявка с сайта №{i}: консультация"),
        format!("{} 000", 10 + random.next(500)),
        OWNERS[random.next(OWNERS.len())].to_string(),
        format!("{day:02}.{month:02}.2027 {hour:02}:{minute:02}:00"),
        stage.to_string(),
        "Входящие лиды".to_string(),
        "сайт, весна-2027".to_string(),
        "Яндекс.Директ".to_string(),
        contact,
        reason.to_string(),
        (1 + random.next(7)).to_string(),
        format!("ООО «Компания {}»", random.next(5_000)),
        "Перезвонить после обеда".to_string(),
    ]
}

fn write_csv(path: &Path) -> u64 {
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "{}", HEADER.join(";")).unwrap();
    let mut random = Lcg(7);
    for i in 0..CSV_ROWS {
        writeln!(out, "{}", row(i, &mut random).join(";")).unwrap();
    }
    out.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn write_xlsx(path: &Path) -> u64 {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    let mut random = Lcg(11);
    for i in 0..XLSX_ROWS {
        for (column, cell) in row(i, &mut random).iter().enumerate() {
            sheet
                .write_string(i as u32 + 1, column as u16, cell)
                .unwrap();
        }
    }
    workbook.save(path).unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn mapping() -> Mapping {
    Mapping {
        id: "ID".into(),
        owner: Some("Ответственный".into()),
        created: "Дата создания".into(),
        stage: Some("Этап".into()),
        mql_values: vec!["Квалифицирован".into()],
        accepted_values: vec!["Принят в работу".into()],
        rejected_values: vec!["Некачественный лид".into()],
        rejection_reason: Some("Причина отказа".into()),
        first_contact: Some("Дата первого контакта".into()),
        attempts: Some("Количество попыток".into()),
        ..Mapping::default()
    }
}

fn agreement() -> Agreement {
    sla_templates::example("sales-marketing", Language::Ru).unwrap()
}

/// Reads, maps and computes February 2027; returns the leads read.
fn pipeline(path: &Path, agreement: &Agreement) -> usize {
    let clock = BusinessClock::new(&agreement.deadlines.calendar).unwrap();
    let export = read_leads(path, &mapping(), clock.zone()).unwrap();
    let period = Period {
        year: 2027,
        month: 2,
    };
    let figures = compute_period(agreement, &export.leads, period, &[], &Overrides::new()).unwrap();
    let review = review(agreement, &[figures], period, Language::Ru).unwrap();
    assert_eq!(review.metrics.len(), agreement.metrics().count());
    export.leads.len()
}

/// Peak resident memory of this process since the last reset, in MB (Linux).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Resets the peak to the current resident size, so the next figure is the pipeline's own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time_pipeline(path: &Path, agreement: &Agreement) -> (Duration, f64, usize) {
    let mut times = Vec::new();
    let mut peak = 0.0f64;
    let mut leads = 0;
    for _ in 0..RUNS {
        reset_peak();
        let start = Instant::now();
        leads = pipeline(path, agreement);
        times.push(start.elapsed());
        peak = peak.max(peak_mb());
    }
    (median(times), peak, leads)
}

fn main() {
    // `cargo bench` passes --bench; anything else (cargo test --benches) only checks it builds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("leads.csv");
    let xlsx = dir.path().join("leads.xlsx");
    let csv_bytes = write_csv(&csv);
    let xlsx_bytes = write_xlsx(&xlsx);
    let agreement = agreement();

    let (csv_time, csv_peak, leads) = time_pipeline(&csv, &agreement);
    println!(
        "CSV  {CSV_ROWS} rows, {:.1} MB: read + map + compute + review {:>7.1} ms, peak {csv_peak:.0} MB ({leads} leads)",
        csv_bytes as f64 / 1e6,
        csv_time.as_secs_f64() * 1e3
    );
    let (xlsx_time, xlsx_peak, _) = time_pipeline(&xlsx, &agreement);
    println!(
        "XLSX {XLSX_ROWS} rows, {:.1} MB: read + map + compute + review {:>7.1} ms, peak {xlsx_peak:.0} MB",
        xlsx_bytes as f64 / 1e6,
        xlsx_time.as_secs_f64() * 1e3
    );

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/pandas_baseline.py");
    let mut pandas = Vec::new();
    let mut pandas_peak = 0.0f64;
    for _ in 0..RUNS {
        // Debian's Python, where apt installs python3-pandas (not a virtual environment's).
        let out = Command::new("/usr/bin/python3")
            .args([script, csv.to_str().unwrap(), "2027-02"])
            .output();
        match out {
            Ok(out) if out.status.success() => {
                let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                pandas.push(Duration::from_secs_f64(line["seconds"].as_f64().unwrap()));
                pandas_peak = pandas_peak.max(line["peak_mb"].as_f64().unwrap());
            }
            Ok(out) => {
                println!(
                    "pandas baseline did not run (apt-get install python3-pandas): {}",
                    String::from_utf8_lossy(&out.stderr)
                        .lines()
                        .last()
                        .unwrap_or("")
                );
                return;
            }
            Err(e) => {
                println!("pandas baseline did not run: python3: {e}");
                return;
            }
        }
    }
    let pandas = median(pandas);
    println!(
        "CSV  with Python + pandas (read + aggregate, interpreter start not counted) {:>7.1} ms, peak {pandas_peak:.0} MB",
        pandas.as_secs_f64() * 1e3
    );
    println!(
        "SLA Studio / pandas: {:.2}× the time, {:.2}× the memory",
        csv_time.as_secs_f64() / pandas.as_secs_f64(),
        csv_peak / pandas_peak
    );
}
