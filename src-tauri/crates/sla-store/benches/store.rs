//! How fast the store is with 10,000 realistic drafts: save latency percentiles (a save that adds
//! a version, and an autosave that replaces the one it added), the first page of the drafts list
//! and of a search for a word in a few drafts and one in thousands, and every page of each.
//! Targets: save p99 under 5 ms, search under 20 ms. Run with `cargo bench -p sla-store`.
//!
//! The database lives under the cargo target folder, on the same disk as real data would, so
//! each save pays for its fsync.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use sla_model::Agreement;
use sla_store::{DraftId, DraftInfo, Page, PageRequest, Store, StoreError, MAX_PAGE};

const DRAFTS: usize = 10_000;
const SAVES: usize = 3_000;
const READS: usize = 200;
/// Drafts the home screen shows at first, and then adds as the person scrolls.
const PAGE: usize = 50;
/// A surname only a handful of drafts contain.
const RARE_NAME: &str = "Zakharchenko";

const EN_TITLES: [&str; 8] = [
    "Lead handoff agreement",
    "Inbound pipeline SLA",
    "Partner channel agreement",
    "Enterprise accounts SLA",
    "SMB funnel agreement",
    "Webinar leads SLA",
    "Outbound campaign agreement",
    "Renewals and upsell SLA",
];
const RU_TITLES: [&str; 6] = [
    "Соглашение о передаче лидов",
    "SLA входящего потока",
    "Соглашение по партнёрскому каналу",
    "SLA для крупных клиентов",
    "Соглашение по вебинарам",
    "SLA отдела продаж и маркетинга",
];
const EN_NAMES: [&str; 8] = [
    "Anna Petrova",
    "John Carter",
    "Maria Lopez",
    "David Kim",
    "Sarah Jones",
    "Tom Becker",
    "Lena Fischer",
    "Omar Haddad",
];
const RU_NAMES: [&str; 8] = [
    "Анна Петрова",
    "Игорь Смирнов",
    "Ольга Кузнецова",
    "Павел Орлов",
    "Елена Соколова",
    "Дмитрий Волков",
    "Мария Лебедева",
    "Сергей Морозов",
];
const EN_DEPARTMENTS: [&str; 6] = [
    "Marketing",
    "Demand Generation",
    "Growth Marketing",
    "Sales",
    "Inside Sales",
    "Enterprise Sales",
];
const RU_DEPARTMENTS: [&str; 6] = [
    "Маркетинг",
    "Отдел лидогенерации",
    "Digital-маркетинг",
    "Отдел продаж",
    "Продажи B2B",
    "Корпоративные продажи",
];
const EN_WORDS: [&str; 16] = [
    "leads",
    "pipeline",
    "quarterly",
    "review",
    "webinar",
    "trial",
    "demo",
    "renewal",
    "region",
    "partner",
    "campaign",
    "budget",
    "forecast",
    "territory",
    "onboarding",
    "handoff",
];
const RU_WORDS: [&str; 12] = [
    "лиды",
    "воронка",
    "квартал",
    "отчёт",
    "вебинар",
    "демо",
    "партнёр",
    "кампания",
    "бюджет",
    "прогноз",
    "регион",
    "передача",
];

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(0..items.len())]
}

fn sentence(rng: &mut fastrand::Rng, words: &[&str], length: std::ops::Range<usize>) -> String {
    let n = rng.usize(length);
    let mut s: Vec<&str> = (0..n).map(|_| pick(rng, words)).collect();
    s.push(".");
    s.join(" ")
}

/// One draft of realistic size: the template with its own title, parties and notes; a third
/// of them in Russian.
fn realistic(rng: &mut fastrand::Rng, n: usize) -> Agreement {
    let russian = n % 3 == 2;
    let (mut a, titles, names, departments, words) = if russian {
        (
            common::russian(),
            &RU_TITLES[..],
            &RU_NAMES[..],
            &RU_DEPARTMENTS[..],
            &RU_WORDS[..],
        )
    } else {
        (
            common::english(),
            &EN_TITLES[..],
            &EN_NAMES[..],
            &EN_DEPARTMENTS[..],
            &EN_WORDS[..],
        )
    };
    a.id = sla_model::new_id();
    a.title = format!("{} {}", pick(rng, titles), 2025 + n % 4);
    a.parties.marketing.department = departments[rng.usize(0..3)].into();
    a.parties.sales.department = departments[rng.usize(3..6)].into();
    let mut marketing_head = pick(rng, names).to_string();
    if n % 2000 == 7 {
        marketing_head = format!("Irina {RARE_NAME}");
    }
    let sales_head = pick(rng, names);
    let email = |name: &str| {
        format!(
            "{}@example.com",
            name.split(' ').next().unwrap_or("head").to_lowercase()
        )
    };
    common::set_heads(
        &mut a,
        (&marketing_head, &email(&marketing_head)),
        (sales_head, &email(sales_head)),
    );
    a.notes = (0..rng.usize(2..12))
        .map(|_| sentence(rng, words, 6..16))
        .collect::<Vec<_>>()
        .join(" ");
    for c in &mut a.commitments {
        c.description.push(' ');
        c.description.push_str(&sentence(rng, words, 4..12));
    }
    a.commitments[0].metrics[0].target = rng.u32(40..200) as f64;
    a
}

/// Wall-clock time of each call, and the CPU time the calling thread spent in it. On a machine
/// busy with other work the two differ: wall time includes waiting for a CPU and for the disk.
#[derive(Default)]
struct Timings {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

/// The value at quantile `q` of sorted durations.
fn at(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// CPU time used by this thread so far.
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if ok {
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    } else {
        Duration::ZERO
    }
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    Duration::ZERO
}

impl Timings {
    fn measure<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (wall, cpu) = (Instant::now(), thread_cpu_time());
        let value = f();
        self.cpu.push(thread_cpu_time().saturating_sub(cpu));
        self.wall.push(wall.elapsed());
        value
    }

    /// The wall time at quantile `q`, once [`Timings::report`] has sorted the times.
    fn wall_at(&self, q: f64) -> Duration {
        at(&self.wall, q)
    }

    fn report(&mut self, what: &str, target: Option<Duration>) {
        self.wall.sort();
        self.cpu.sort();
        let ms = |d: Duration| format!("{:7.3}", d.as_secs_f64() * 1000.0);
        let verdict = match target {
            Some(t) if at(&self.wall, 0.99) <= t => {
                format!("  target p99 < {} ms: met", t.as_millis())
            }
            Some(t) => format!("  target p99 < {} ms: MISSED", t.as_millis()),
            None => String::new(),
        };
        println!(
            "{what:<52} n={:<5} wall ms: p50 {} p99 {} max {} | cpu ms: p50 {} p99 {}{verdict}",
            self.wall.len(),
            ms(at(&self.wall, 0.50)),
            ms(at(&self.wall, 0.99)),
            ms(*self.wall.last().unwrap()),
            ms(at(&self.cpu, 0.50)),
            ms(at(&self.cpu, 0.99)),
        );
    }
}

/// Autosave: a changed agreement saved to an existing draft, `n` times.
fn measure_saves(store: &mut Store, ids: &[DraftId], rng: &mut fastrand::Rng, n: usize) -> Timings {
    let mut save = Timings::default();
    for i in 0..n {
        let id = ids[rng.usize(0..ids.len())];
        let draft = store.get(id).unwrap();
        let (mut a, base) = (draft.agreement, draft.info.version);
        a.notes.push_str(&format!(" edit {i}"));
        a.commitments[0].metrics[0].target += 1.0;
        let info = save.measure(|| store.save(id, &a, base).unwrap());
        assert!(info.version >= 2);
    }
    save
}

/// Autosave in a session: a few drafts edited over and over within the autosave windows, so
/// after each draft's first autosave (which adds a version, not measured) every one replaces the
/// version that first one added.
fn measure_autosaves(
    store: &mut Store,
    ids: &[DraftId],
    rng: &mut fastrand::Rng,
    n: usize,
) -> Timings {
    let session: Vec<DraftId> = (0..20).map(|_| ids[rng.usize(0..ids.len())]).collect();
    let mut versions = std::collections::HashMap::new();
    for &id in &session {
        let draft = store.get(id).unwrap();
        let (mut a, base) = (draft.agreement, draft.info.version);
        a.notes.push_str(" opened");
        versions.insert(id, store.autosave(id, &a, base).unwrap().version);
    }
    let mut autosave = Timings::default();
    for i in 0..n {
        let id = session[rng.usize(0..session.len())];
        let draft = store.get(id).unwrap();
        let (mut a, base) = (draft.agreement, draft.info.version);
        a.notes.push_str(&format!(" typed {i}"));
        a.commitments[0].metrics[0].target += 1.0;
        let info = autosave.measure(|| store.autosave(id, &a, base).unwrap());
        assert_eq!(
            info.version, versions[&id],
            "the autosave replaced its version"
        );
    }
    autosave
}

/// The disk's own flush latency: what one save's log write (about 18 pages) and its sync cost
/// in the same folder, with no database involved. No durable save can be faster than this.
fn measure_disk_flush(dir: &Path, n: usize) -> Timings {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::File::create(dir.join("flush-probe")).unwrap();
    let block = vec![0x5a_u8; 18 * 4096];
    let mut flush = Timings::default();
    for i in 0..n {
        file.seek(SeekFrom::Start((i % 64 * block.len()) as u64))
            .unwrap();
        flush.measure(|| {
            file.write_all(&block).unwrap();
            file.sync_all().unwrap();
        });
    }
    flush
}

/// Every page of a list, the most a page holds at a time.
fn every_page(read: impl Fn(&PageRequest) -> Result<Page, StoreError>) -> Vec<DraftInfo> {
    let mut request = PageRequest::first(MAX_PAGE);
    let mut drafts = Vec::new();
    loop {
        let page = read(&request).unwrap();
        drafts.extend(page.drafts);
        match page.next {
            Some(cursor) => request = PageRequest::after(cursor, MAX_PAGE),
            None => return drafts,
        }
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split(' ').take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this too, and then a tiny store
    // is enough to prove it works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let drafts = if quick { 200 } else { DRAFTS };
    let saves = if quick { 100 } else { SAVES };
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("drafts.sqlite3");
    let mut rng = fastrand::Rng::with_seed(20261126);
    // To look at the filled database afterwards, name a folder to copy it into.
    let keep = std::env::var_os("SLA_STORE_BENCH_KEEP").map(std::path::PathBuf::from);
    println!("load average before: {}", load_average());

    let mut store = Store::open(&path).unwrap();
    let mut create = Timings::default();
    let mut ids: Vec<DraftId> = Vec::with_capacity(drafts);
    let mut sizes = 0usize;
    let started = Instant::now();
    for n in 0..drafts {
        let a = realistic(&mut rng, n);
        sizes += sla_model::to_canonical_json(&a).len();
        ids.push(create.measure(|| store.create(&a, "").unwrap()).id);
    }
    println!(
        "store: {drafts} drafts, average agreement {:.1} KB, filled in {:.1} s, file {:.1} MB",
        sizes as f64 / drafts as f64 / 1024.0,
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).unwrap().len() as f64 / 1e6,
    );
    create.report("create", None);

    let mut save = measure_saves(&mut store, &ids, &mut rng, saves);
    save.report("save (changed agreement)", Some(Duration::from_millis(5)));
    let mut flush = measure_disk_flush(dir.path(), saves);
    flush.report("  the disk's flush alone", None);
    // The disk of a shared machine swings from run to run: the ratio says more than either.
    println!(
        "  save / flush: p50 {:.1}x, p99 {:.1}x",
        save.wall_at(0.50).as_secs_f64() / flush.wall_at(0.50).as_secs_f64(),
        save.wall_at(0.99).as_secs_f64() / flush.wall_at(0.99).as_secs_f64(),
    );
    measure_autosaves(&mut store, &ids, &mut rng, saves).report(
        "autosave (replacing its version)",
        Some(Duration::from_millis(5)),
    );

    let mut unchanged = Timings::default();
    for _ in 0..READS {
        let id = ids[rng.usize(0..ids.len())];
        let draft = store.get(id).unwrap();
        unchanged.measure(|| {
            store
                .save(id, &draft.agreement, draft.info.version)
                .unwrap()
        });
    }
    unchanged.report("save (unchanged, no new version)", None);

    let mut get = Timings::default();
    for _ in 0..READS {
        let id = ids[rng.usize(0..ids.len())];
        get.measure(|| store.get(id).unwrap());
    }
    get.report("get (latest version, parsed)", None);

    // The home screen shows the first page and reads more as the person scrolls.
    let mut list = Timings::default();
    for _ in 0..READS {
        list.measure(|| store.list(&PageRequest::first(PAGE)).unwrap());
    }
    list.report(&format!("list, first page ({PAGE})"), None);
    let mut every = Timings::default();
    let mut listed = 0;
    for _ in 0..READS / 10 {
        listed = every.measure(|| every_page(|r| store.list(r))).len();
    }
    every.report(&format!("list, every page ({listed} drafts)"), None);

    for (query, label) in [
        ("zakharch", "few"),
        ("sales", "many"),
        ("петр", "Russian prefix"),
        ("leads pipe", "two words"),
    ] {
        let mut search = Timings::default();
        for _ in 0..READS {
            search.measure(|| store.search(query, &PageRequest::first(PAGE)).unwrap());
        }
        let found = every_page(|r| store.search(query, r)).len();
        search.report(
            &format!("search {label} {query:?}, first page ({found} found)"),
            Some(Duration::from_millis(20)),
        );
    }
    let mut every = Timings::default();
    let mut found = 0;
    for _ in 0..READS / 10 {
        found = every
            .measure(|| every_page(|r| store.search("sales", r)))
            .len();
    }
    every.report(
        &format!("search \"sales\", every page ({found} found)"),
        None,
    );

    let mut history = Timings::default();
    for _ in 0..READS {
        let id = ids[rng.usize(0..ids.len())];
        history.measure(|| store.history(id).unwrap());
    }
    history.report("history", None);

    drop(store);
    let mut open = Timings::default();
    for _ in 0..20 {
        drop(open.measure(|| Store::open(&path).unwrap()));
    }
    open.report("open (existing database)", None);

    // The same saves on a RAM disk, where a sync costs nothing: the store's own share.
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        let ram = tempfile::tempdir_in(shm).unwrap();
        std::fs::copy(&path, ram.path().join("drafts.sqlite3")).unwrap();
        let mut store = Store::open(&ram.path().join("drafts.sqlite3")).unwrap();
        measure_saves(&mut store, &ids, &mut rng, saves).report(
            "save on a RAM disk (no flush)",
            Some(Duration::from_millis(5)),
        );
        measure_autosaves(&mut store, &ids, &mut rng, saves).report(
            "autosave on a RAM disk (no flush)",
            Some(Duration::from_millis(5)),
        );
    }
    println!("load average after: {}", load_average());

    if let Some(keep) = keep {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&path, keep.join("drafts.sqlite3")).unwrap();
    }
}
