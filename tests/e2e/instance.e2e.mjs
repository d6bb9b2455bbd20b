// One window per store, on the real app: a second start on the same data folder hands its file to
// the window already open and exits; where it cannot reach that window (no session bus) it says so
// and leaves the store alone; another data folder has a window of its own. run.sh gives this suite
// a private D-Bus session bus, as a desktop session has.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { appPids, endSession, screenshot, sleep, startApp } from "./lib.mjs";

const BIN = process.env.SLA_STUDIO_BIN;
const DATA = process.env.SLA_STUDIO_DATA_DIR;
const dir = mkdtempSync(join(tmpdir(), "sla-instance-"));

/** Starts the app as a double-click would, with `env` over this process's; resolves when it exits. */
function secondStart(args, env = {}) {
  const started = Date.now();
  const child = spawn(BIN, args, { env: { ...process.env, ...env }, cwd: dir });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => {
    child.on("exit", (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
  return { child, exited };
}

/** Resolves with what `promise` gives, or rejects after `ms`. */
function within(ms, promise, what) {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what} took over ${ms} ms`)))]);
}

function drafts(data = DATA) {
  return execFileSync(BIN, ["drafts"], { env: { ...process.env, SLA_STUDIO_DATA_DIR: data }, encoding: "utf8" });
}

let browser;

describe("one window per store", { concurrency: false }, () => {
  before(async () => {
    assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, "run.sh starts a session bus for this suite");
    browser = await startApp();
    await browser.$("#create-agreement").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("a second start hands its agreement file to the open window and exits", async () => {
    const template = JSON.parse(execFileSync(BIN, ["template", "--lang", "en", "sales-marketing"], { encoding: "utf8" }));
    template.title = "Opened by a second start";
    writeFileSync(join(dir, "handed-over.sla.json"), JSON.stringify(template, null, 2));
    const windowPid = appPids();
    assert.equal(windowPid.length, 1);

    // A relative path, as a file manager in that folder would pass it.
    const { exited } = secondStart(["handed-over.sla.json"]);
    const second = await within(15000, exited, "the second start");
    assert.equal(second.code, 0, second.stderr);
    console.log(`second start handed over its file and exited in ${second.ms} ms`);

    const title = await browser.$("#f-title");
    await title.waitForExist({ timeout: 10000 });
    await browser.waitUntil(async () => (await title.getValue()) === "Opened by a second start", {
      timeout: 10000,
      timeoutMsg: "the window did not open the handed-over file",
    });
    assert.deepEqual(appPids(), windowPid, "still the one window process");
    assert.match(drafts(), /Opened by a second start/);
    await screenshot(browser, "instance-handed-over");
  });

  it("without a session bus, a second start says the store is open elsewhere and touches nothing", async () => {
    const before = drafts();
    const store = readFileSync(join(DATA, "drafts.sqlite3"));
    const { exited } = secondStart(["handed-over.sla.json"], { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, "no-bus")}` });
    // It shows a dialog; answer it as a person would.
    const found = execFileSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "^SLA Studio is already open$"], {
      encoding: "utf8",
      timeout: 20000,
    });
    execFileSync("xdotool", ["windowfocus", "--sync", found.trim().split("\n").pop()]);
    await sleep(300);
    execFileSync("xdotool", ["key", "Return"]);
    const second = await within(15000, exited, "the refused start");
    assert.equal(second.code, 1);
    assert.match(second.stderr, /already open in another SLA Studio window/);
    assert.ok(second.stderr.includes(DATA), `names the data folder: ${second.stderr}`);
    assert.equal(drafts(), before, "no draft was imported");
    assert.ok(readFileSync(join(DATA, "drafts.sqlite3")).equals(store), "the store was not written");
  });

  it("another data folder has a window of its own", async () => {
    const other = mkdtempSync(join(tmpdir(), "sla-other-data-"));
    const { child, exited } = secondStart([], { SLA_STUDIO_DATA_DIR: other });
    try {
      const early = await Promise.race([exited, sleep(5000).then(() => null)]);
      assert.equal(early, null, `the window on another folder stayed open: ${early?.stderr}`);
      assert.ok(existsSync(join(other, "drafts.sqlite3")), "it opened its own store");
      assert.equal(appPids().length, 2);
    } finally {
      child.kill("SIGTERM");
      await within(10000, exited, "closing the other window").catch(() => child.kill("SIGKILL"));
    }
  });
});
