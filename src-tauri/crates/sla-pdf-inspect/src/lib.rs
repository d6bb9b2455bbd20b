//! Poppler's command-line tools (poppler-utils) and qpdf run on the PDFs the tests make: readers
//! nobody here wrote, so a test judges what a viewer shows rather than what our own code reads
//! back. A crate rather than a test module because the tests of several crates and the CLI's
//! tests need the same runner, and a dev-dependency is how cargo shares code between the tests of
//! different packages. Never part of the app.
//!
//! Every tool is started by its plain name (`pdftotext`, `qpdf`): on Linux from PATH, and in the
//! Windows build's tests, under Wine, as the `TOOL.exe` that `tests/windows/wine-run.sh` puts on
//! PATH. The functions assert only that the tool ran and its output reads; what a test expects of
//! that output stays in the test.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

/// Where a tool comes from, for the message when it cannot be started.
fn install_hint(program: &str) -> String {
    match program {
        "pdftotext" | "pdfinfo" | "pdftoppm" | "pdfsig" | "pdfdetach" | "pdffonts"
        | "pdfimages" => {
            "it is in the Debian package poppler-utils: apt-get install poppler-utils".into()
        }
        "qpdf" => "it is in the Debian package qpdf: apt-get install qpdf".into(),
        // Not a Debian package; some signing tests run it through here beside pdfsig.
        "pyhanko" => "pip install pyhanko pyhanko-cli, as `make setup` does".into(),
        _ => format!("install {program} and put it on PATH"),
    }
}

/// Windows' ERROR_INTERNAL_ERROR. Under Wine, where the Windows build's tests run, starting a
/// program now and then fails with it while the machine is busy, before the program has run;
/// starting it again works (tests/support/spawn.rs does the same for the CLI).
const INTERNAL_ERROR: i32 = 1359;

/// Runs `program` and waits for it; panics, naming the program and where to get it, when it
/// cannot be started.
fn output<S: AsRef<OsStr>>(program: &str, args: &[S]) -> Output {
    let mut cmd = Command::new(program);
    cmd.args(args);
    let mut tries = 0;
    loop {
        match cmd.output() {
            Ok(output) => return output,
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(INTERNAL_ERROR) && tries < 4 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(100 * tries));
            }
            Err(e) => panic!(
                "`{program}` cannot be run ({e}); is it installed? {}",
                install_hint(program)
            ),
        }
    }
}

/// Runs `program` with `args` and waits for it: whether it exited 0, and its output and its
/// error as text. Every tool here goes through it.
pub fn run<S: AsRef<OsStr>>(program: &str, args: &[S]) -> (bool, String, String) {
    let out = output(program, args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// [`run`] with the output and the error as one text, output first: for tests that judge what a
/// tool says wherever it says it.
pub fn run_merged<S: AsRef<OsStr>>(program: &str, args: &[S]) -> (bool, String) {
    let (ok, out, err) = run(program, args);
    (ok, out + &err)
}

/// The text of the whole document, or of one page (1-based), in reading order (`pdftotext`).
pub fn pdftotext(path: impl AsRef<Path>, page: Option<usize>) -> String {
    text(path.as_ref(), page, false)
}

/// The text laid out as printed (`pdftotext -layout`): a label and what follows it on the page
/// stay on one line, and a line's position on the page is kept.
pub fn pdftotext_layout(path: impl AsRef<Path>, page: Option<usize>) -> String {
    text(path.as_ref(), page, true)
}

fn text(path: &Path, page: Option<usize>, layout: bool) -> String {
    let mut args: Vec<&OsStr> = Vec::new();
    if layout {
        args.push("-layout".as_ref());
    }
    let n = page.map(|n| n.to_string());
    if let Some(n) = &n {
        args.extend(["-f", n.as_str(), "-l", n.as_str()].map(OsStr::new));
    }
    args.extend([path.as_os_str(), "-".as_ref()]);
    let (ok, out, err) = run("pdftotext", &args);
    assert!(ok, "pdftotext {}: {err}", path.display());
    out
}

/// The number of pages, as `pdfinfo` reports it.
pub fn page_count(path: impl AsRef<Path>) -> usize {
    let path = path.as_ref();
    let (ok, out, err) = run("pdfinfo", &[path]);
    assert!(ok, "pdfinfo {}: {err}", path.display());
    out.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// A word and its box as `pdftotext -bbox` reports it, in points from the page's top-left.
#[derive(Debug, Clone)]
pub struct WordBox {
    pub text: String,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
}

/// A page's size in points and its words, as `pdftotext -bbox` reports them.
#[derive(Debug, Clone)]
pub struct PageBoxes {
    pub width: f32,
    pub height: f32,
    pub words: Vec<WordBox>,
}

/// Every page's words with their boxes (`pdftotext -bbox`).
pub fn word_boxes(path: impl AsRef<Path>) -> Vec<PageBoxes> {
    let path = path.as_ref();
    let (ok, out, err) = run(
        "pdftotext",
        &["-bbox".as_ref(), path.as_os_str(), "-".as_ref()],
    );
    assert!(ok, "pdftotext -bbox {}: {err}", path.display());
    parse_bbox(&out)
}

/// Reads the XHTML `pdftotext -bbox` prints: `<page width height>` holding `<word xMin yMin xMax
/// yMax>text</word>`. Its shape is fixed, so plain string splitting does.
fn parse_bbox(out: &str) -> Vec<PageBoxes> {
    fn attr(tag: &str, name: &str) -> f32 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    }
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }
    let mut pages = Vec::new();
    for chunk in out.split("<page ").skip(1) {
        let tag_end = chunk.find('>').unwrap();
        let tag = &chunk[..tag_end];
        let mut page = PageBoxes {
            width: attr(tag, "width"),
            height: attr(tag, "height"),
            words: Vec::new(),
        };
        for word in chunk.split("<word ").skip(1) {
            let tag_end = word.find('>').unwrap();
            let tag = &word[..tag_end];
            let text_end = word.find("</word>").unwrap();
            page.words.push(WordBox {
                text: unescape(&word[tag_end + 1..text_end]),
                x_min: attr(tag, "xMin"),
                y_min: attr(tag, "yMin"),
                x_max: attr(tag, "xMax"),
                y_max: attr(tag, "yMax"),
            });
        }
        pages.push(page);
    }
    pages
}

/// `plain` encrypted by qpdf (AES-256, user password "secret") into `locked`, for tests of a PDF the
/// reader cannot open.
pub fn encrypt(plain: impl AsRef<Path>, locked: impl AsRef<Path>) {
    let (plain, locked) = (plain.as_ref(), locked.as_ref());
    let (ok, _, err) = run(
        "qpdf",
        &[
            "--encrypt",
            "secret",
            "owner",
            "256",
            "--",
            &plain.to_string_lossy(),
            &locked.to_string_lossy(),
        ],
    );
    assert!(ok, "qpdf --encrypt {}: {err}", plain.display());
}

/// `qpdf --check`: whether it passed (exit 0, saying "No syntax or stream encoding errors"), and
/// what it printed (output and error) to show when it did not.
pub fn qpdf_check(path: impl AsRef<Path>) -> (bool, String) {
    let (ok, out) = run_merged("qpdf", &["--check".as_ref(), path.as_ref().as_os_str()]);
    (
        ok && out.contains("No syntax or stream encoding errors"),
        out,
    )
}

/// `qpdf --check` passes and warns of nothing, not even on its error output: stricter than
/// [`qpdf_check`], for the PDFs whose every byte this project writes.
pub fn assert_qpdf_clean(path: impl AsRef<Path>) {
    let (ok, out, err) = run("qpdf", &["--check".as_ref(), path.as_ref().as_os_str()]);
    assert!(ok, "qpdf --check failed:\n{out}\n{err}");
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    assert!(
        !out.to_lowercase().contains("warning") && err.trim().is_empty(),
        "qpdf warns:\n{out}\n{err}"
    );
}

/// The document as qpdf's JSON (version 2) describes it, limited to the top-level `keys`
/// (`"qpdf"` for the objects, `"outlines"`, `"attachments"`, `"acroform"`, ...).
pub fn qpdf_json(path: impl AsRef<Path>, keys: &[&str]) -> serde_json::Value {
    let path = path.as_ref();
    let mut options = vec!["--json=2".to_string()];
    options.extend(keys.iter().map(|k| format!("--json-key={k}")));
    let mut args: Vec<&OsStr> = options.iter().map(OsStr::new).collect();
    args.push(path.as_os_str());
    let (ok, out, err) = run("qpdf", &args);
    assert!(ok, "qpdf --json {}: {err}", path.display());
    serde_json::from_str(&out).expect("qpdf prints JSON")
}

/// What `pdfsig` says of a PDF's signatures.
#[derive(Debug, Clone)]
pub struct Signatures {
    /// Whether pdfsig exited 0.
    pub ok: bool,
    /// How many signatures it lists ("Signature #n").
    pub found: usize,
    /// How many of them it calls valid ("Signature Validation: Signature is Valid.").
    pub valid: usize,
    /// What it printed (output and error), a paragraph a signature: for the test's messages and
    /// whatever else a test reads in it.
    pub report: String,
}

impl Signatures {
    /// pdfsig ran, found signatures, and every one of them is valid.
    pub fn all_valid(&self) -> bool {
        self.ok && self.found > 0 && self.valid == self.found
    }
}

/// `pdfsig` on the PDF at `path`. Its exit code is reported, not asserted: what it says of each
/// signature is what a test judges.
pub fn pdfsig(path: impl AsRef<Path>) -> Signatures {
    let (ok, report) = run_merged("pdfsig", &[path.as_ref()]);
    Signatures {
        ok,
        found: report.matches("Signature #").count(),
        valid: report
            .matches("Signature Validation: Signature is Valid.")
            .count(),
        report,
    }
}

/// A page rendered by `pdftoppm`: `width` × `height` pixels, three bytes (red, green, blue) each,
/// row by row from the top left.
#[derive(Debug, Clone)]
pub struct Pixmap {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

impl Pixmap {
    /// The pixel in column `x` of row `y`.
    pub fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        let at = (y * self.width + x) * 3;
        [self.rgb[at], self.rgb[at + 1], self.rgb[at + 2]]
    }

    /// Every pixel, row by row.
    pub fn pixels(&self) -> impl Iterator<Item = [u8; 3]> + '_ {
        self.rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]])
    }
}

/// Every page, or one page (1-based), rendered by `pdftoppm` at `dpi`, in page order, to count
/// colours in. The pixels come back on pdftoppm's standard output (one PPM a page), so no files
/// are left behind.
pub fn render(path: impl AsRef<Path>, page: Option<usize>, dpi: u32) -> Vec<Pixmap> {
    let path = path.as_ref();
    let dpi = dpi.to_string();
    let mut args: Vec<&OsStr> = vec!["-r".as_ref(), dpi.as_ref()];
    let n = page.map(|n| n.to_string());
    if let Some(n) = &n {
        args.extend(["-f", n.as_str(), "-l", n.as_str()].map(OsStr::new));
    }
    args.push(path.as_os_str());
    let out = output("pdftoppm", &args);
    assert!(
        out.status.success(),
        "pdftoppm {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let images = parse_ppm(&out.stdout);
    if page.is_some() {
        assert_eq!(images.len(), 1, "pdftoppm renders the one page asked for");
    }
    images
}

/// Reads binary PPMs one after another: "P6", width, height, maximum value (255), one
/// whitespace, then the RGB bytes.
fn parse_ppm(mut data: &[u8]) -> Vec<Pixmap> {
    let mut images = Vec::new();
    while data.iter().any(|b| !b.is_ascii_whitespace()) {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while data[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !data[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
        }
        assert!(
            fields[0] == "P6" && fields[3] == "255",
            "a binary PPM with one byte a colour, not {fields:?}"
        );
        let (width, height): (usize, usize) =
            (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        let start = at + 1;
        let end = start + width * height * 3;
        images.push(Pixmap {
            width,
            height,
            rgb: data[start..end].to_vec(),
        });
        data = &data[end..];
    }
    images
}

/// One page (1-based) rendered by `pdftoppm` at `dpi` as the PNG file `png`, for people to look
/// at. pdftoppm names the file itself from a prefix, so `png` must end in `.png`.
pub fn render_png(path: impl AsRef<Path>, page: usize, dpi: u32, png: impl AsRef<Path>) {
    let (path, png) = (path.as_ref(), png.as_ref());
    assert_eq!(
        png.extension(),
        Some(OsStr::new("png")),
        "{}",
        png.display()
    );
    let prefix = png.with_extension("");
    let (dpi, n) = (dpi.to_string(), page.to_string());
    let mut args: Vec<&OsStr> = ["-png", "-r", &dpi, "-f", &n, "-l", &n, "-singlefile"]
        .map(OsStr::new)
        .to_vec();
    args.extend([path.as_os_str(), prefix.as_os_str()]);
    let (ok, out) = run_merged("pdftoppm", &args);
    assert!(ok, "pdftoppm {}: {out}", path.display());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boxes_read_pages_and_unescape_words() {
        let out = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>Agreement</title>
</head>
<body>
<doc>
  <page width="595.276000" height="841.890000">
    <word xMin="70.866000" yMin="60.000000" xMax="120.500000" yMax="72.250000">Sales</word>
    <word xMin="124.000000" yMin="60.000000" xMax="140.000000" yMax="72.250000">&amp;&lt;&quot;</word>
  </page>
  <page width="612.000000" height="792.000000">
  </page>
</doc>
</body>
</html>
"#;
        let pages = parse_bbox(out);
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[0].width, pages[1].height), (595.276, 792.0));
        let words: Vec<&str> = pages[0].words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["Sales", "&<\""]);
        let w = &pages[0].words[0];
        assert_eq!(
            (w.x_min, w.y_min, w.x_max, w.y_max),
            (70.866, 60.0, 120.5, 72.25)
        );
        assert!(pages[1].words.is_empty());
    }

    #[test]
    fn ppms_one_after_another_are_read_as_pages() {
        let mut data = b"P6\n2 1\n255\n".to_vec();
        data.extend([255, 0, 0, 0, 0, 255]);
        data.extend(b"P6\n1 2\n255\n");
        data.extend([1, 2, 3, 4, 5, 6]);
        let images = parse_ppm(&data);
        assert_eq!(images.len(), 2);
        assert_eq!((images[0].width, images[0].height), (2, 1));
        assert_eq!(images[0].pixel(1, 0), [0, 0, 255]);
        assert_eq!(images[1].pixel(0, 1), [4, 5, 6]);
        assert_eq!(images[1].pixels().count(), 2);
    }

    #[test]
    fn a_missing_tool_names_its_package() {
        assert!(install_hint("pdftoppm").contains("poppler-utils"));
        assert!(install_hint("qpdf").contains("Debian package qpdf"));
        let missing = std::panic::catch_unwind(|| run("sla-no-such-pdf-tool", &["-v"]));
        let message = missing.unwrap_err();
        let message = message.downcast_ref::<String>().unwrap();
        assert!(
            message.starts_with("`sla-no-such-pdf-tool` cannot be run"),
            "{message}"
        );
    }
}
