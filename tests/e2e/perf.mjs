// Performance figures (printed, not asserted): how long SLA Studio takes from process start until
// the wizard accepts input, and how much memory it holds (PSS of the app and its WebKit processes)
// beside an empty Tauri window built the same way. Run by `run.sh --perf` after the wizard suite,
// so the data folder holds a draft and the app reopens straight into the wizard.
import { readFileSync } from "node:fs";
import { appPids, endSession, processName, processTree, pssKb, sleep, startApp } from "./lib.mjs";

const RUNS = Number(process.env.PERF_RUNS ?? 5);
const SETTLE_MS = 3000;
const appBin = process.env.SLA_STUDIO_BIN;
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
  return { pid, total: parts.reduce((s, p) => s + p.pss, 0), parts };
}

async function measure(binary, readyScript) {
  const browser = await startApp(binary);
  try {
    const readyAt = await markEpochMs(browser, readyScript);
    const [pid] = appPids(binary);
    const startMs = readyAt - processStartEpochMs(pid);
    await sleep(SETTLE_MS);
    return { startMs, ...memory(binary) };
  } finally {
    await endSession(browser);
    for (let i = 0; i < 100 && appPids(binary).length > 0; i++) await sleep(50);
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
    await browser.waitUntil(async () => (await browser.$("#step-heading").isExisting()) || (await browser.$(".draft-title").isExisting()), {
      timeout: 30000,
      timeoutMsg: "neither the wizard nor the drafts list appeared",
    });
    if (!(await browser.$("#step-heading").isExisting())) {
      await (await browser.$(".draft-title")).click();
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

console.log(`\nSLA Studio performance (${RUNS} runs each, medians; debug build with embedded UI, Xvfb)`);
console.log(`  start to wizard accepting input: ${Math.round(appStart)} ms (runs: ${app.map((r) => Math.round(r.startMs)).join(", ")}) [target < 1500 ms]`);
console.log(`  empty window start to DOMContentLoaded: ${Math.round(emptyStart)} ms`);
console.log(`  memory, SLA Studio (PSS): ${mb(appPss)} MB  [${byName(app)}]`);
console.log(`  memory, empty Tauri window (PSS): ${mb(emptyPss)} MB  [${byName(empty)}]`);
console.log(`  difference: ${mb(appPss - emptyPss)} MB [target <= 40 MB]`);
