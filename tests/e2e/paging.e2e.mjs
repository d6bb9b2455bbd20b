// The home screen with more drafts than one page, on the real app: 120 agreements imported with
// the command line into the suite's data folder; the window shows the first 50, adds the next
// page as the end of the list scrolls into view, and "Load more" does the same from the keyboard.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { endSession, fill, screenshot, startApp } from "./lib.mjs";

const BIN = process.env.SLA_STUDIO_BIN;
const DRAFTS = 120;
// The command line, not the window: no display.
const cli = (...args) => execFileSync(BIN, args, { encoding: "utf8", env: { ...process.env, DISPLAY: "" } });

let browser;

const rows = () => browser.execute(() => document.querySelectorAll(".draft-list .draft-title").length);
const titles = () => browser.execute(() => [...document.querySelectorAll(".draft-list .draft-title")].map((el) => el.textContent.trim()));

async function waitRows(n, why) {
  await browser.waitUntil(async () => (await rows()) === n, {
    timeout: 15000,
    timeoutMsg: `${why}: expected ${n} drafts, the list shows ${await rows()}`,
  });
}

describe("the home screen with more drafts than a page", { concurrency: false }, () => {
  before(async () => {
    const template = JSON.parse(cli("template", "sales-marketing", "--lang", "en"));
    const dir = mkdtempSync(join(tmpdir(), "sla-paging-"));
    for (let i = 0; i < DRAFTS; i++) {
      const file = join(dir, `${i}.sla.json`);
      // Each its own agreement: a file of an agreement already here would be its next version.
      writeFileSync(file, JSON.stringify({ ...template, id: `paged-${i}`, title: `Paged agreement ${String(i).padStart(3, "0")}` }));
      cli("import", file);
    }
    browser = await startApp();
    await browser.$("#create-agreement").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("shows the first 50 and adds the next pages as the list scrolls", async () => {
    await waitRows(50, "at start");
    for (const shown of [100, DRAFTS]) {
      // Scrolling as a person does: the end of the list comes into view.
      await browser.execute(() => document.querySelector(".draft-list li:last-child").scrollIntoView({ block: "end" }));
      await waitRows(shown, "after scrolling to the end");
    }
    await screenshot(browser, "home-120-drafts");
    assert.equal(await (await browser.$("#load-more-drafts")).isExisting(), false, "nothing more to load");
    const expected = Array.from({ length: DRAFTS }, (_, i) => `Paged agreement ${String(DRAFTS - 1 - i).padStart(3, "0")}`);
    assert.deepEqual(await titles(), expected, "newest first, each once");
  });

  it("loads the next page of a search with the keyboard", async () => {
    await browser.execute(() => window.scrollTo(0, 0));
    await fill(browser, "draft-search", "paged");
    await waitRows(50, "a new search starts from its first page");
    const more = await browser.$("#load-more-drafts");
    await browser.execute((el) => el.focus(), more);
    await browser.keys(["Enter"]);
    await browser.waitUntil(async () => (await rows()) >= 100, { timeout: 15000, timeoutMsg: "Enter on Load more added nothing" });
  });
});
