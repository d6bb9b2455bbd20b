// Where the reviews view's memory goes (printed, not asserted): the agreement with twelve months
// (all through the CLI), then fresh starts of the app measured with the wizard open, with the
// reviews view open, and with the reviews view open after parts of it are taken out of the page
// (the charts hidden, the hidden data tables removed, the view left for the home screen). For each,
// the PSS of every process of the app, and the web process's PSS by kind of mapping (the malloc
// heap, other anonymous memory such as the JavaScript heap, shared memory such as the painted
// surfaces, files). Run: PERF_SUITES=reviews-memory-probe.mjs SLA_STUDIO_BIN=... tests/e2e/run.sh --perf-only
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPids, click, endSession, processName, processTree, pssKb, sleep, startApp } from "./lib.mjs";
import { TERM_MONTHS, cli, signInWindow, writeBigExport } from "./reviews-lib.mjs";

const RUNS = Number(process.env.PERF_RUNS ?? 3);
const SETTLE_MS = 3000;
const dir = mkdtempSync(join(tmpdir(), "sla-reviews-probe-"));
const mb = (kb) => (kb / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(args) {
  const out = cli(args);
  if (out.code !== 0 && !(out.code === 1 && args[0] === "review")) throw new Error(`sla-studio ${args.join(" ")} exited ${out.code}: ${out.stderr}`);
  return out.stdout;
}

const template = join(dir, "agreement.sla.json");
writeFileSync(template, run(["template", "sales-marketing", "--lang", "en"]));
const id = Number(run(["import", template]).trim());
const year = join(dir, "year.csv");
await writeBigExport(year, 12 * 500, TERM_MONTHS);
for (const month of TERM_MONTHS) run(["review", String(id), "--data", year, "--period", month]);

/** The process's PSS by kind of mapping, from /proc/<pid>/smaps. */
function kinds(pid) {
  const out = { heap: 0, anon: 0, shm: 0, file: 0 };
  let kind = "anon";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[1];
      kind = name === "[heap]" ? "heap" : name === "" || name.startsWith("[") ? "anon" : name.startsWith("/memfd:") || name.startsWith("/dev/shm") || name.includes("(deleted)") ? "shm" : "file";
      continue;
    }
    const pss = /^Pss:\s+(\d+) kB/.exec(line);
    if (pss) out[kind] += Number(pss[1]);
  }
  return out;
}

function memory() {
  const [pid] = appPids();
  const tree = processTree(pid);
  const parts = tree.map((p) => ({ name: processName(p), pss: pssKb(p), kinds: processName(p) === "WebKitWebProces" ? kinds(p) : null }));
  return { tree, total: parts.reduce((s, p) => s + p.pss, 0), parts };
}

async function home(browser) {
  try {
    await browser.$("#create-agreement, #step-heading, .open-reviews, .draft-title, #reviews-back").waitForExist({ timeout: 60000 });
  } catch (e) {
    console.error("page:", await browser.execute(() => `${location.href} ${document.body?.innerText.slice(0, 600)}`).catch((x) => String(x)));
    throw e;
  }
  if (await (await browser.$("#go-home")).isExisting()) await click(browser, "#go-home");
  // The window opens where it was left, which may be the reviews view.
  if (await (await browser.$("#reviews-back")).isExisting()) await click(browser, "#reviews-back");
  await browser.$(".draft-title").waitForExist({ timeout: 20000 });
}

const drawn = (done) => {
  const started = Date.now();
  const check = () => {
    const figures = [...document.querySelectorAll("figure.metric-chart canvas")];
    const cells = document.querySelectorAll('table#compliance-grid td[data-period="2027-12"]').length;
    if (cells > 0 && figures.length > 0 && figures.every((c) => c.width > 0)) return done(true);
    if (Date.now() - started > 60000) return done(false);
    requestAnimationFrame(check);
  };
  check();
};

async function openReviews(browser) {
  await home(browser);
  await click(browser, `.open-reviews[data-draft-id="${id}"]`);
  if (!(await browser.executeAsync(drawn))) throw new Error("the reviews view did not draw");
}
async function openWizard(browser) {
  await home(browser);
  await click(browser, ".draft-title");
  await browser.$("#step-heading").waitForExist({ timeout: 30000 });
}
const pageFacts = (browser) =>
  browser.execute(() => ({
    elements: document.getElementsByTagName("*").length,
    canvases: [...document.querySelectorAll("canvas")].map((c) => `${c.width}x${c.height}`).join(" "),
    jsHeap: performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1024) : null,
    scroll: `${document.scrollingElement.scrollWidth}x${document.scrollingElement.scrollHeight}`,
  }));

// Each variant: what to do in the page after the reviews view (or the wizard) is open.
const variants = {
  wizard: { open: openWizard },
  reviews: { open: openReviews },
  "reviews, charts display:none": {
    open: openReviews,
    after: () => document.querySelectorAll("figure.metric-chart").forEach((f) => (f.style.display = "none")),
  },
  "reviews, chart-data tables removed": { open: openReviews, after: () => document.querySelectorAll("table.chart-data").forEach((t) => t.remove()) },
  "reviews, grid display:none": { open: openReviews, after: () => (document.querySelector(".grid-scroll").style.display = "none") },
  "reviews, then home": { open: openReviews, home: true },
  "wizard, then home": { open: openWizard, home: true },
};

/** Waits until the app and every process it started are gone (the next start would find its lock). */
async function gone(tree) {
  for (let j = 0; j < 200 && (appPids().length > 0 || tree.some((p) => existsSync(`/proc/${p}`))); j++) await sleep(50);
  await sleep(500);
}

const results = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const facts = {};
const bootedAt = Date.now();
{
  const browser = await startApp();
  const tree = processTree(appPids()[0]);
  try {
    await home(browser);
    await signInWindow(browser, id, dir);
  } finally {
    await endSession(browser);
    await gone(tree);
  }
}
for (let i = 0; i < RUNS; i++) {
  for (const [name, v] of Object.entries(variants)) {
    const browser = await startApp();
    let tree = [];
    try {
      await browser.$(".draft-title").waitForExist({ timeout: 60000 });
      await v.open(browser);
      if (v.after) await browser.execute(v.after);
      if (v.home) await home(browser);
      await sleep(SETTLE_MS);
      facts[name] = await pageFacts(browser);
      const m = memory();
      tree = m.tree;
      results[name].push(m);
      // The next start opens on the list only when this one ends there.
      await home(browser);
      await sleep(300);
    } finally {
      await endSession(browser);
      await gone(tree);
    }
  }
}
console.log(`\nreviews memory probe (${RUNS} fresh starts each, medians; ${Math.round((Date.now() - bootedAt) / 1000)} s)`);
for (const [name, runs] of Object.entries(results)) {
  const parts = {};
  for (const r of runs) for (const p of r.parts) (parts[p.name] ??= []).push(p.pss);
  const k = { heap: [], anon: [], shm: [], file: [] };
  for (const r of runs) for (const p of r.parts) if (p.kinds) for (const key of Object.keys(k)) k[key].push(p.kinds[key]);
  console.log(`  ${name.padEnd(36)} ${mb(median(runs.map((r) => r.total)))} MB (runs ${runs.map((r) => mb(r.total)).join(", ")})`);
  console.log(`      ${Object.entries(parts).map(([n, v]) => `${n} ${mb(median(v))}`).join(", ")}`);
  console.log(`      web process: ${Object.entries(k).map(([n, v]) => `${n} ${mb(median(v))}`).join(", ")}; page ${JSON.stringify(facts[name])}`);
}
rmSync(dir, { recursive: true, force: true });
