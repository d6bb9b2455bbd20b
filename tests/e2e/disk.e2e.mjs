// A full disk under the real app: the data folder is a small tmpfs of its own (run.sh mounts it).
// Fill it, type, and the header says the save is waiting while the window keeps the text; free
// the space, and the save goes through on its own; restart the app, and the text is there.
// Screenshots of the header in English and Russian go to tests/artifacts/screens/.
import assert from "node:assert/strict";
import { closeSync, openSync, rmSync, statfsSync, writeSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { appPids, click, endSession, fill, screenshot, sleep, startApp, waitSaved } from "./lib.mjs";

const DATA = process.env.SLA_STUDIO_DATA_DIR;
const filler = join(DATA, "filler");
const TYPED = "Typed while the disk was full";

/** Writes into `filler` until the disk has not a byte left. */
function fillDisk() {
  const fd = openSync(filler, "a");
  try {
    for (const size of [1 << 20, 65536, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (e) {
          if (e.code !== "ENOSPC") throw e;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  const fs = statfsSync(DATA);
  assert.equal(fs.bavail, 0, "the data folder's disk is full");
}

async function status(browser) {
  const el = await browser.$("#save-status");
  return { state: await el.getAttribute("data-state"), reason: await el.getAttribute("data-reason"), text: await el.getText() };
}

let browser;

describe("a full disk under the window", { concurrency: false }, () => {
  before(async () => {
    assert.ok(DATA && statfsSync(DATA).blocks * statfsSync(DATA).bsize < 64 << 20, "run.sh mounts a small tmpfs here");
    browser = await startApp();
    await browser.$("#create-agreement").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    rmSync(filler, { force: true });
    if (browser) await endSession(browser);
  });

  it("keeps what is typed and says the save waits for space", async () => {
    await click(browser, "#ui-lang-en");
    await click(browser, "#create-agreement");
    await browser.$("#f-title").waitForExist({ timeout: 10000 });
    await waitSaved(browser);

    fillDisk();
    await fill(browser, "f-title", TYPED);
    // A long description too, so the save needs more pages than SQLite's log already holds.
    await browser.execute((text) => {
      const el = document.querySelector("textarea[id^='f-commitments']");
      el.value = text;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, "Kept in the window until there is room on the disk. ".repeat(1500));
    await browser.waitUntil(async () => (await status(browser)).state === "error", {
      timeout: 15000,
      timeoutMsg: "the header never said the save failed",
    });
    const waiting = await status(browser);
    assert.equal(waiting.reason, "disk_full");
    assert.match(waiting.text, /Not saved yet: the disk is full/);
    assert.match(waiting.text, /kept here, next try in \d+ s/);
    await screenshot(browser, "save-waiting-disk-full-en");
    await click(browser, "#ui-lang-ru");
    await browser.waitUntil(async () => /диск заполнен/.test((await status(browser)).text), { timeout: 5000 });
    await screenshot(browser, "save-waiting-disk-full-ru");
    await click(browser, "#ui-lang-en");

    // Leaving the draft would drop the only copy: it stays open and says why.
    await click(browser, "#go-home");
    await browser.waitUntil(async () => browser.execute(() => document.body.innerText.includes("Your latest changes are not saved yet")), {
      timeout: 5000,
      timeoutMsg: "no message said why the draft stays open",
    });
    assert.equal(await (await browser.$("#f-title")).getValue(), TYPED);
  });

  it("asks before the window closes with the edits unsaved, and keeping it open keeps them", async () => {
    // What the window's close button sends; the page may ask for it too (core:window:allow-close).
    await browser.execute(() => window.__TAURI_INTERNALS__.invoke("plugin:window|close", { label: "main" }));
    const dialog = await browser.$("#close-guard");
    await dialog.waitForExist({ timeout: 10000, timeoutMsg: "the window closed (or would) without asking" });
    assert.match(await dialog.getText(), /Your latest edits are not saved/);
    assert.match(await dialog.getText(), /The disk is full\. They exist only in this window/);
    await screenshot(browser, "close-guard-disk-full-en");
    await click(browser, "#close-guard-stay");
    await dialog.waitForExist({ reverse: true, timeout: 5000 });
    assert.equal(await (await browser.$("#f-title")).getValue(), TYPED);
  });

  it("saves by itself once space returns, and the text survives a restart", async () => {
    rmSync(filler);
    // The next try comes within the backoff's pause (at most 30 s); no click needed.
    await browser.waitUntil(async () => (await status(browser)).state === "saved", {
      timeout: 40000,
      interval: 250,
      timeoutMsg: "the save did not go through after space returned",
    });

    await endSession(browser);
    browser = await startApp();
    const title = await browser.$("#f-title");
    await title.waitForExist({ timeout: 20000 });
    assert.equal(await title.getValue(), TYPED);
  });

  it("closes at once when everything is saved", async () => {
    await waitSaved(browser);
    assert.ok(appPids().length > 0, "the app runs");
    await browser.execute(() => window.__TAURI_INTERNALS__.invoke("plugin:window|close", { label: "main" })).catch(() => {});
    for (let i = 0; i < 100 && appPids().length > 0; i++) await sleep(100);
    assert.deepEqual(appPids(), [], "the window did not close");
  });
});
