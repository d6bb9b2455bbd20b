//! Shared by the integration tests: agreement-like PDFs with unsigned signature fields (built
//! the way sla-pdf lays them out), identities made once per test binary, and the external
//! validators required and run (poppler and qpdf through sla-pdf-inspect).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use lopdf::{dictionary, Dictionary, Document, Object, Stream, StringFormat};
use sla_signing::{KeyKind, NewIdentity, SigningIdentity};

/// One signatory of the test agreement.
pub struct Signatory<'a> {
    pub name: &'a str,
    pub role: &'a str,
}

pub const ANNA: Signatory<'static> = Signatory {
    name: "Анна Петрова",
    role: "Директор по маркетингу",
};
pub const IVAN: Signatory<'static> = Signatory {
    name: "Ivan Sokolov",
    role: "Head of Sales",
};

fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A one-page agreement with one unsigned signature field per signatory, merged with its
/// widget, listed in the page's /Annots and an indirect /AcroForm, and the agreement JSON
/// attached as `agreement.sla.json` — the structure sla-pdf exports.
pub fn agreement_pdf(signatories: &[Signatory], language: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut content = String::from(
        "BT /F1 18 Tf 60 780 Td (Service-Level Agreement: Marketing and Sales) Tj ET\n\
         BT /F1 11 Tf 60 750 Td (Marketing delivers 100 MQLs per rep per month.) Tj ET\n\
         BT /F1 11 Tf 60 734 Td (Sales calls every A-lead within 1 business hour.) Tj ET\n",
    );
    let page_id = doc.new_object_id();
    let mut field_ids = Vec::new();
    for (i, signatory) in signatories.iter().enumerate() {
        let x = 60.0 + (i % 2) as f32 * 250.0;
        let y = 420.0 - (i / 2) as f32 * 140.0;
        let rect = [x, y, x + 230.0, y + 90.0];
        content.push_str(&format!(
            "0.7 G 0.5 w {} {} 230 90 re S\nBT /F1 9 Tf {} {} Td (Signatory {}) Tj ET\n",
            rect[0],
            rect[1],
            rect[0],
            rect[3] + 6.0,
            i + 1
        ));
        let field_id = doc.add_object(dictionary! {
            "FT" => "Sig",
            "T" => Object::string_literal(format!("sig-{}", i + 1)),
            "TU" => text_string(signatory.name),
            "Type" => "Annot",
            "Subtype" => "Widget",
            "F" => 4,
            "Rect" => rect.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
            "P" => page_id,
        });
        field_ids.push(field_id);
    }
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.into_bytes()));
    doc.objects.insert(
        page_id,
        Object::Dictionary(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "Contents" => content_id,
            "Annots" => field_ids.iter().map(|id| Object::Reference(*id)).collect::<Vec<_>>(),
        }),
    );
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let form_id = doc.add_object(dictionary! {
        "Fields" => field_ids.iter().map(|id| Object::Reference(*id)).collect::<Vec<_>>(),
    });
    let json =
        format!("{{\"schema_version\":1,\"id\":\"test-agreement\",\"language\":\"{language}\"}}");
    let file_id = doc.add_object(Stream::new(
        dictionary! { "Type" => "EmbeddedFile", "Subtype" => "application/json" },
        json.into_bytes(),
    ));
    let spec_id = doc.add_object(dictionary! {
        "Type" => "Filespec",
        "F" => Object::string_literal("agreement.sla.json"),
        "UF" => text_string("agreement.sla.json"),
        "EF" => dictionary! { "F" => file_id, "UF" => file_id },
        "AFRelationship" => "Data",
    });
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "AcroForm" => form_id,
        "Lang" => Object::string_literal(language),
        "Names" => dictionary! {
            "EmbeddedFiles" => dictionary! {
                "Names" => vec![Object::string_literal("agreement.sla.json"), spec_id.into()],
            },
        },
        "AF" => vec![Object::Reference(spec_id)],
    });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the test agreement saves");
    bytes
}

/// The attached agreement JSON written by [`agreement_pdf`].
pub fn agreement_json(language: &str) -> Vec<u8> {
    format!("{{\"schema_version\":1,\"id\":\"test-agreement\",\"language\":\"{language}\"}}")
        .into_bytes()
}

/// Anna (RSA-2048) and Ivan (ECDSA P-256), made once per test binary: RSA key generation is
/// slow in debug builds.
pub fn anna() -> &'static SigningIdentity {
    static ANNA_IDENTITY: OnceLock<SigningIdentity> = OnceLock::new();
    ANNA_IDENTITY.get_or_init(|| {
        let mut new = NewIdentity::new(ANNA.name, ANNA.role);
        new.department = "Маркетинг".into();
        new.email = "anna.petrova@example.com".into();
        new.key = KeyKind::Rsa;
        SigningIdentity::create(&new).expect("Anna's identity")
    })
}

pub fn ivan() -> &'static SigningIdentity {
    static IVAN_IDENTITY: OnceLock<SigningIdentity> = OnceLock::new();
    IVAN_IDENTITY.get_or_init(|| {
        let mut new = NewIdentity::new(IVAN.name, IVAN.role);
        new.department = "B2B Sales".into();
        new.email = "ivan.sokolov@example.com".into();
        new.key = KeyKind::P256;
        SigningIdentity::create(&new).expect("Ivan's identity")
    })
}

/// Fails the test, saying how to install it, when an external tool is missing.
pub fn require_tool(program: &str, install: &str) {
    let found = Command::new(program).arg("--help").output().is_ok()
        || Command::new(program).arg("-v").output().is_ok();
    assert!(
        found,
        "`{program}` is not installed; these tests need it: {install}"
    );
}

pub fn require_pdfsig() {
    require_tool("pdfsig", "apt-get install poppler-utils");
}

pub fn require_pyhanko() {
    require_tool("pyhanko", "pip install pyhanko pyhanko-cli");
}

/// Runs a command (openssl, pyhanko, qpdf, ...), returning its exit success and stdout + stderr.
/// sla-pdf-inspect's, so a tool that is missing is named with where to get it.
pub use sla_pdf_inspect::run_merged as run;

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

/// Where the rendered pages of the signed PDFs are kept for people to look at: the project's
/// `tests/artifacts/pdf-pages` (ignored by git), beside the window's screenshots. Best effort: a
/// test built elsewhere (the Windows build runs where that path may not exist) keeps none.
pub fn pages_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/artifacts/pdf-pages");
    std::fs::create_dir_all(&dir).ok().map(|_| dir)
}

/// A hand-drawn signature as a browser canvas would report it (pixels, y down): a looping
/// scrawl and an underline.
pub fn drawn_signature() -> Vec<sla_signing::Stroke> {
    use sla_signing::Point;
    let scrawl = (0..=160)
        .map(|i| {
            let t = i as f32 / 160.0 * 12.0;
            Point {
                x: 20.0 + 26.0 * t + 14.0 * (2.6 * t).sin(),
                y: 60.0 - 28.0 * (1.3 * t).sin() * (0.35 * t).cos(),
            }
        })
        .collect();
    let underline = (0..=40)
        .map(|i| {
            let t = i as f32 / 40.0;
            Point {
                x: 40.0 + 280.0 * t,
                y: 104.0 - 10.0 * (3.0 * t).sin(),
            }
        })
        .collect();
    let dot = vec![Point { x: 300.0, y: 30.0 }];
    vec![scrawl, underline, dot]
}

/// The passphrase of the company's PKCS#12 file made by [`company_identity`].
pub const COMPANY_PASSPHRASE: &str = "company-secret";

/// Files of a company-issued identity made with the openssl command line: a root CA and a
/// P-256 key for Igor Smirnov issued under it, packed as PKCS#12 with the chain.
pub struct CompanyFiles {
    pub ca_pem: PathBuf,
    pub leaf_pem: PathBuf,
    pub p12: PathBuf,
}

/// Makes a company CA and identity with openssl in `dir`; `legacy` packs the PKCS#12 with
/// 3DES and a SHA-1 MAC, as older company tools do.
pub fn company_identity(dir: &Path, legacy: bool) -> CompanyFiles {
    require_tool("openssl", "apt-get install openssl");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let openssl = |args: &[&str]| {
        let (ok, output) = run("openssl", args);
        assert!(ok, "openssl {args:?} failed: {output}");
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        &path("ca.key"),
        "-out",
        &path("ca.pem"),
        "-days",
        "3650",
        "-subj",
        "/O=Example Corp/CN=Example Corp Signing CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(&[
        "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", &path("leaf.key"), "-out", &path("leaf.csr"), "-subj",
        "/O=Example Corp/OU=Sales/title=Head of Sales/CN=Igor Smirnov/emailAddress=i.smirnov@example.com",
    ]);
    std::fs::write(
        dir.join("leaf.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n\
         subjectAltName=email:i.smirnov@example.com\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        &path("leaf.csr"),
        "-CA",
        &path("ca.pem"),
        "-CAkey",
        &path("ca.key"),
        "-CAcreateserial",
        "-out",
        &path("leaf.pem"),
        "-days",
        "730",
        "-extfile",
        &path("leaf.ext"),
    ]);
    let passout = format!("pass:{COMPANY_PASSPHRASE}");
    let mut export = vec![
        "pkcs12",
        "-export",
        "-inkey",
        "",
        "-in",
        "",
        "-certfile",
        "",
        "-name",
        "Igor Smirnov",
        "-passout",
        &passout,
        "-out",
        "",
    ];
    let (key, leaf, ca, p12) = (
        path("leaf.key"),
        path("leaf.pem"),
        path("ca.pem"),
        path("company.p12"),
    );
    export[3] = &key;
    export[5] = &leaf;
    export[7] = &ca;
    export[13] = &p12;
    if legacy {
        export.extend([
            "-keypbe",
            "PBE-SHA1-3DES",
            "-certpbe",
            "PBE-SHA1-3DES",
            "-macalg",
            "sha1",
        ]);
    }
    openssl(&export);
    CompanyFiles {
        ca_pem: dir.join("ca.pem"),
        leaf_pem: dir.join("leaf.pem"),
        p12: dir.join("company.p12"),
    }
}

/// Appends an incremental update by hand that rewrites page 1 with `/Rotate 90`: a change no
/// signature covers.
pub fn append_page_change(pdf: &[u8]) -> Vec<u8> {
    let doc = Document::load_mem(pdf).expect("the signed file loads");
    let page_id = doc.page_iter().next().expect("a page");
    let header = format!("\n{} {} obj", page_id.0, page_id.1);
    let start = rfind(pdf, header.as_bytes()).expect("the page object") + 1;
    let end = start + find(&pdf[start..], b"endobj").expect("endobj") + 6;
    let original = String::from_utf8_lossy(&pdf[start..end]).into_owned();
    let changed = original.replacen("<<", "<</Rotate 90 ", 1);
    let size = doc.trailer.get(b"Size").unwrap().as_i64().unwrap();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let prev = rfind(pdf, b"startxref").map(|at| {
        String::from_utf8_lossy(&pdf[at + 9..])
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned()
    });
    let mut out = pdf.to_vec();
    let offset = out.len();
    out.extend_from_slice(changed.as_bytes());
    out.push(b'\n');
    let xref = out.len();
    out.extend_from_slice(
        format!(
            "xref\n{} 1\n{offset:010} {:05} n\r\ntrailer\n<</Size {size} /Root {} {} R /Prev {}>>\nstartxref\n{xref}\n%%EOF\n",
            page_id.0, page_id.1, root.0, root.1, prev.unwrap()
        )
        .as_bytes(),
    );
    out
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
