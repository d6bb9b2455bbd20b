// Performance figures (printed, not asserted): how long SLA Studio takes from process start until
// the wizard accepts input, and how much memory it holds (PSS of the app and its WebKit processes)
// beside an empty Tauri window built the same way. Run by `run.sh --perf` (after the wizard suite)
// or `run.sh --perf-only`; it first leaves a draft open, so each measured start goes straight into
// the wizard.
import { existsSync, readFileSync } from "node:fs";
import { appPids, endSession, processName, processTree, pssKb, sleep, startApp, webkitPids } from "./lib.mjs";

const RUNS = Number(process.env.PERF_RUNS ?? 5);
const SETTLE_MS = 3000;
const appBin = process.env.SLA_STUDIO_BIN;
const profile = process.env.BUILD_PROFILE ?? "debug";
const emptyBin = process.env.EMPTY_WINDOW_BIN;
if (!appBin || !emptyBin) throw new Error("set SLA_STUDIO_BIN and EMPTY_WINDOW_BIN");

const CLK_TCK = 100; // Linux USER_HZ on every supported kernel configuration.

/** Wall-clock time (ms since the epoch) at which process `pid` started. */
function processStartEpochMs(pid) {
  const now = Date.now();
  const uptimeS = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const starttimeTicks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  return now - (uptimeS * 1000 - (starttimeTicks * 1000) / CLK_TCK);
}

/** Waits for a performance mark the page sets, and returns its wall-clock time. */
async function markEpochMs(browser, script) {
  let value = null;
  await browser.waitUntil(
    async () => {
      value = await browser.execute(script);
      return value !== null;
    },
    { timeout: 30000, interval: 20, timeoutMsg: "the window never became ready" },
  );
  return value;
}

function memory(binary) {
  const [pid] = appPids(binary);
  const tree = processTree(pid);
  const parts = tree.map((p) => ({ pid: p, name: processName(p), pss: pssKb(p) }));
  // Other WebKit processes (another app's, another test run's) share libraries with ours, which
  // lowers our PSS; the figures are only comparable when there are none.
  const others = webkitPids().filter((p) => !tree.includes(p)).length;
  return { pid, tree, total: parts.reduce((s, p) => s + p.pss, 0), parts, others };
}

/** Waits until every process of a measured app is gone, so that none shares pages with the next. */
async function waitGone(pids) {
  const alive = () => pids.filter((p) => existsSync(`/proc/${p}`));
  for (let i = 0; i < 200 && alive().length > 0; i++) await sleep(50);
}

async function measure(binary, readyScript) {
  const browser = await startApp(binary);
  let tree = [];
  try {
    const readyAt = await markEpochMs(browser, readyScript);
    const [pid] = appPids(binary);
    const startMs = readyAt - processStartEpochMs(pid);
    await sleep(SETTLE_MS);
    const result = { startMs, ...memory(binary) };
    tree = result.tree;
    return result;
  } finally {
    await endSession(browser);
    for (let i = 0; i < 100 && appPids(binary).length > 0; i++) await sleep(50);
    await waitGone(tree);
  }
}

const wizardReady = () => {
  const mark = performance.getEntriesByName("sla-wizard-ready")[0];
  return mark ? performance.timeOrigin + mark.startTime : null;
};
const pageReady = () => {
  const nav = performance.getEntriesByType("navigation")[0];
  return nav && nav.domContentLoadedEventEnd > 0 ? performance.timeOrigin + nav.domContentLoadedEventEnd : null;
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (kb) => (kb / 1024).toFixed(1);

/** Leaves the app with a draft open, so that each measured start goes straight into the wizard. */
async function openADraft() {
  const browser = await startApp(appBin);
  try {
    const shown = async (selector) => browser.$(selector).isExisting();
    await browser.waitUntil(async () => (await shown("#step-heading")) || (await shown(".draft-title")) || (await shown("#create-agreement")), {
      timeout: 30000,
      timeoutMsg: "neither the wizard nor the home page appeared",
    });
    if (!(await shown("#step-heading"))) {
      // An empty data folder: make an agreement from the first template.
      await (await browser.$(await shown(".draft-title") ? ".draft-title" : "#create-agreement")).click();
      await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    }
    await sleep(500);
  } finally {
    await endSession(browser);
    for (let i = 0; i < 100 && appPids(appBin).length > 0; i++) await sleep(50);
  }
}

await openADraft();
const app = [];
const empty = [];
for (let i = 0; i < RUNS; i++) {
  app.push(await measure(appBin, wizardReady));
  empty.push(await measure(emptyBin, pageReady));
}

const appStart = median(app.map((r) => r.startMs));
const emptyStart = median(empty.map((r) => r.startMs));
const appPss = median(app.map((r) => r.total));
const emptyPss = median(empty.map((r) => r.total));
const byName = (runs) => {
  const names = {};
  for (const r of runs) for (const p of r.parts) (names[p.name] ??= []).push(p.pss);
  return Object.entries(names)
    .map(([n, v]) => `${n} ${mb(median(v))}`)
    .join(", ");
};
const runsOf = (runs, key) => runs.map((r) => mb(r[key])).join(", ");

console.log(`\nSLA Studio performance (${RUNS} runs each, medians; ${profile} builds with embedded UI, Xvfb)`);
console.log(`  start to wizard accepting input: ${Math.round(appStart)} ms (runs: ${app.map((r) => Math.round(r.startMs)).join(", ")}) [target < 1500 ms]`);
console.log(`  empty window start to DOMContentLoaded: ${Math.round(emptyStart)} ms`);
console.log(`  memory, SLA Studio (PSS): ${mb(appPss)} MB (runs: ${runsOf(app, "total")})  [${byName(app)}]`);
console.log(`  memory, empty Tauri window (PSS): ${mb(emptyPss)} MB (runs: ${runsOf(empty, "total")})  [${byName(empty)}]`);
console.log(`  difference: ${mb(appPss - emptyPss)} MB [target <= 40 MB]`);
const crowded = [...app, ...empty].filter((r) => r.others > 0).length;
if (crowded > 0) {
  console.log(`  note: other WebKit processes were running during ${crowded} of ${2 * RUNS} measurements; they share libraries with ours and lower the PSS figures`);
}
