// Lost updates on the real app: the window has a draft open, the command line (same data folder)
// saves a new version of it, the person types in the window; the window shows the conflict with
// both versions instead of overwriting, and "keep mine" leaves both versions in the history with
// the window's text latest. Screenshots of the conflict view in English and Russian go to
// tests/artifacts/screens/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { click, endSession, fill, screenshot, startApp, waitSaved } from "./lib.mjs";

const BIN = process.env.SLA_STUDIO_BIN;
/** The command line on the window's data folder (SLA_STUDIO_DATA_DIR, which run.sh sets for both). */
const cli = (...args) => execFileSync(BIN, args, { encoding: "utf8", env: { ...process.env, DISPLAY: "" } });
const CLI_NOTES = "Agreed on the phone with sales: leads are called back within 4 working hours.";

let browser;
let id;

describe("a version saved from the command line while the window edits the draft", { concurrency: false }, () => {
  before(async () => {
    assert.ok(process.env.SLA_STUDIO_DATA_DIR, "run through run.sh, which sets the data folder");
    browser = await startApp();
    await browser.$("#create-agreement").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("opens a new English draft in the window", async () => {
    await click(browser, "#ui-lang-en");
    await click(browser, "#template-sales-marketing");
    await click(browser, "#new-lang-en");
    await click(browser, "#create-agreement");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    await waitSaved(browser);
    const drafts = JSON.parse(cli("drafts", "--json"));
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0].version, 1);
    id = String(drafts[0].id);
  });

  it("the command line saves version 2 of the same draft", () => {
    const agreement = JSON.parse(cli("show", id));
    agreement.notes = CLI_NOTES;
    const file = join(mkdtempSync(join(tmpdir(), "sla-conflict-")), "from-cli.sla.json");
    writeFileSync(file, JSON.stringify(agreement, null, 2));
    assert.equal(cli("save", id, file).trim(), "2");
  });

  it("typing in the window meets the conflict view instead of overwriting", async () => {
    await fill(browser, "f-parties-marketing-head-name", "Anna Petrova-Smith");
    const view = await browser.$("#conflict");
    await view.waitForExist({ timeout: 10000, timeoutMsg: "no conflict view after typing" });
    await browser.$("#conflict-differences").waitForExist({ timeout: 10000 });
    assert.equal(await (await browser.$("#save-status")).getAttribute("data-state"), "conflict");
    const explain = await (await browser.$("#conflict-explain")).getText();
    assert.match(explain, /^While you were editing, version 2 was saved on .+ by another SLA Studio window or the command line\./);
    const rows = await browser.execute(() =>
      [...document.querySelectorAll("#conflict-differences tbody tr")].map((r) => [...r.children].map((c) => c.textContent.trim())),
    );
    assert.ok(
      rows.some((r) => r[0].endsWith("parties.marketing.head.name") && r[1] === "Anna Petrova-Smith" && r[2] !== "Anna Petrova-Smith"),
      JSON.stringify(rows),
    );
    assert.ok(rows.some((r) => r[0].endsWith("notes") && r[2] === CLI_NOTES), JSON.stringify(rows));
    // Nothing the window typed reached the store.
    assert.equal(cli("history", id).trim().split("\n").length, 2);
    await browser.execute(() => document.getElementById("conflict").scrollIntoView({ block: "start" }));
    await screenshot(browser, "conflict-en");
    await click(browser, "#ui-lang-ru");
    await browser.waitUntil(async () => (await (await browser.$("#conflict-keep-mine")).getText()) === "Оставить моё", { timeout: 5000 });
    await browser.execute(() => document.getElementById("conflict").scrollIntoView({ block: "start" }));
    await screenshot(browser, "conflict-ru");
    await click(browser, "#ui-lang-en");
  });

  it("keep mine saves the window's text as version 3; the command line's version 2 stays", async () => {
    await click(browser, "#conflict-keep-mine");
    await (await browser.$("#conflict")).waitForExist({ reverse: true, timeout: 10000 });
    assert.match(await waitSaved(browser), /version 3/);
    assert.equal(cli("history", id).trim().split("\n").length, 3);
    const latest = JSON.parse(cli("show", id));
    assert.equal(latest.parties.marketing.head.name, "Anna Petrova-Smith");
    assert.notEqual(latest.notes, CLI_NOTES);
    assert.equal(JSON.parse(cli("show", id, "--version", "2")).notes, CLI_NOTES);
    // Autosave goes on from version 3.
    await fill(browser, "f-parties-sales-head-name", "Igor Smirnov");
    assert.match(await waitSaved(browser), /version 3/);
    assert.equal(JSON.parse(cli("show", id)).parties.sales.head.name, "Igor Smirnov");
  });
});
