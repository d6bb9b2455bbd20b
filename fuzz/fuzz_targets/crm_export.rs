//! A CRM export brought for a review (CSV in any encoding and separator, or XLSX): previewed with
//! its guessed mapping, then read through that mapping. The readers take a path, as the CLI and
//! the window give them one, so each input is written to a file of this process first.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("sla-fuzz-export-{}", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    match sla_crm_export::inspect(&path) {
        Ok(preview) => {
            if let Err(e) =
                sla_crm_export::read_leads(&path, &preview.mapping, chrono_tz::Europe::Moscow)
            {
                let _ = e.to_string();
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
