//! Exports an agreement file to PDF: `cargo run -p sla-pdf --example export -- IN.json OUT.pdf
//! [--lang ru|en] [--draft]`.

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: export IN.json OUT.pdf [--lang ru|en] [--draft]");
        std::process::exit(2);
    };
    let agreement = match sla_model::read_file(Path::new(input)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{input}: {e}");
            std::process::exit(1);
        }
    };
    let mut options = sla_pdf::ExportOptions::new(&agreement);
    options.draft_mark = args.iter().any(|a| a == "--draft");
    if let Some(i) = args.iter().position(|a| a == "--lang") {
        options.language = match args.get(i + 1).map(String::as_str) {
            Some("ru") => sla_pdf::Language::Ru,
            _ => sla_pdf::Language::En,
        };
    }
    let started = std::time::Instant::now();
    match sla_pdf::export(&agreement, &options) {
        Ok(bytes) => {
            std::fs::write(output, &bytes).expect("write the PDF");
            eprintln!("{output}: {} bytes in {:?}", bytes.len(), started.elapsed());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
