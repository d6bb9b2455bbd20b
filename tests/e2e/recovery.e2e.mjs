// A damaged drafts database on the real app: the command line stores three agreements and a
// backup between the second and the third, then the test damages the file as a bad sector would
// (bytes written over one of its pages). The window opens on the recovery screen instead of
// failing to start, offers the backup, salvages the third agreement from the damaged file, and
// restoring leaves all three in the list with the damaged file moved aside, untouched. Then the
// file's first page is damaged, where SQLite cannot even tell it is a database: the window still
// opens and says so.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { click, endSession, startApp } from "./lib.mjs";

const BIN = process.env.SLA_STUDIO_BIN;
const DATA = process.env.SLA_STUDIO_DATA_DIR;
const STORE = DATA && join(DATA, "drafts.sqlite3");
const cli = (...args) => execFileSync(BIN, args, { encoding: "utf8", env: { ...process.env, DISPLAY: "" } });

/** Imports the English template under `title` and returns the draft's id. */
function importAgreement(title) {
  const agreement = JSON.parse(cli("template", "sales-marketing", "--lang", "en"));
  agreement.title = title;
  const file = join(mkdtempSync(join(tmpdir(), "sla-recovery-")), "agreement.sla.json");
  writeFileSync(file, JSON.stringify(agreement));
  return cli("import", file).trim();
}

/** Writes `bytes` of garbage at `offset` of the store, as a failing disk would. */
function damage(offset, bytes) {
  const fd = openSync(STORE, "r+");
  writeSync(fd, Buffer.alloc(bytes, 0xa5), 0, bytes, offset);
  closeSync(fd);
}

/** The first page of the list index: damaging it fails SQLite's quick check but leaves every agreement readable. */
function listIndexOffset() {
  const out = execFileSync(
    "python3",
    [
      "-c",
      "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); p=c.execute('pragma page_size').fetchone()[0]; r=c.execute(\"select rootpage from sqlite_master where name='drafts_recent'\").fetchone()[0]; print((r-1)*p, p)",
      STORE,
    ],
    { encoding: "utf8" },
  );
  const [offset, pageSize] = out.trim().split(" ").map(Number);
  return { offset, pageSize };
}

async function listedTitles(browser) {
  await browser.$(".draft-list").waitForExist({ timeout: 10000 });
  return browser.execute(() => [...document.querySelectorAll(".draft-list .draft-title")].map((e) => e.textContent.trim()));
}

let browser;

describe("a damaged drafts database", { concurrency: false }, () => {
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("the command line stores two agreements, a backup, then a third", () => {
    assert.ok(DATA, "run through run.sh, which sets the data folder");
    importAgreement("Alpha agreement");
    importAgreement("Bravo agreement");
    const backup = join(DATA, "backups");
    cli("backup");
    assert.ok(readdirSync(backup).length >= 1, "a backup was written to backups/");
    importAgreement("Charlie agreement");
    const titles = JSON.parse(cli("drafts", "--json")).map((d) => d.title);
    assert.deepEqual(titles.sort(), ["Alpha agreement", "Bravo agreement", "Charlie agreement"]);
  });

  it("a bad sector in the file opens the window on the recovery screen", async () => {
    const { offset, pageSize } = listIndexOffset();
    assert.ok(offset > 0, "the list index is not on the first page");
    const before = readFileSync(STORE);
    damage(offset + 8, pageSize - 8);
    browser = await startApp();
    await browser.$("#recovery-heading").waitForExist({ timeout: 20000, timeoutMsg: "no recovery screen" });
    await click(browser, "#ui-lang-en");
    assert.equal(await (await browser.$("#recovery-heading")).getText(), "Your drafts database is damaged");
    // Moved aside, byte for byte as the disk left it, and nothing in its place yet.
    const moved = readdirSync(DATA).filter((f) => f.startsWith("drafts.damaged-") && f.endsWith(".sqlite3"));
    assert.equal(moved.length, 1, `one damaged file set aside, found ${moved}`);
    assert.ok(!existsSync(STORE), "no store was made in its place before the person chose");
    const kept = readFileSync(join(DATA, moved[0]));
    assert.equal(kept.length, before.length);
    assert.match(await (await browser.$("#recovery-moved")).getText(), new RegExp(moved[0].replace(/\./g, "\\.")));
    // The backup holds the first two; the third is read back from the damaged file, ticked.
    const backup = await (await browser.$("#recovery-backup")).getText();
    assert.match(backup, /2 agreements/);
    assert.match(backup, /Alpha agreement/);
    const salvaged = await (await browser.$("#recovery-salvaged")).getText();
    assert.match(salvaged, /Charlie agreement/);
    assert.match(salvaged, /newer than the backup/);
    await click(browser, "#ui-lang-ru");
    assert.equal(await (await browser.$("#recovery-heading")).getText(), "База черновиков повреждена");
    await click(browser, "#ui-lang-en");
  });

  it("restoring the backup and the salvaged agreement brings back all three", async () => {
    assert.match(await (await browser.$("#recovery-restore")).getText(), /Restore this backup and add 1 agreement/);
    await click(browser, "#recovery-restore");
    await browser.$("#recovery-heading").waitForExist({ reverse: true, timeout: 20000 });
    await browser.waitUntil(async () => (await listedTitles(browser)).length === 3, {
      timeout: 10000,
      timeoutMsg: "the list does not show three agreements",
    });
    assert.deepEqual((await listedTitles(browser)).sort(), ["Alpha agreement", "Bravo agreement", "Charlie agreement"]);
    await endSession(browser);
    browser = null;
    // The restored store is sound, and the command line sees the same.
    const titles = JSON.parse(cli("drafts", "--json")).map((d) => d.title);
    assert.deepEqual(titles.sort(), ["Alpha agreement", "Bravo agreement", "Charlie agreement"]);
  });

  it("damage in the first page still opens the window, which says so", async () => {
    damage(0, 100);
    browser = await startApp();
    await browser.$("#recovery-heading").waitForExist({ timeout: 20000, timeoutMsg: "no window on a damaged first page" });
    await click(browser, "#ui-lang-en");
    assert.equal(await (await browser.$("#recovery-heading")).getText(), "Your drafts database is damaged");
    assert.ok(await (await browser.$("#recovery-restore")).isExisting(), "the newest good backup is offered");
    await click(browser, "#recovery-restore");
    await browser.$("#recovery-heading").waitForExist({ reverse: true, timeout: 20000 });
    // The newest good backup is the one taken by hand, with the first two.
    await browser.waitUntil(async () => (await listedTitles(browser)).length >= 2, { timeout: 10000 });
    const titles = await listedTitles(browser);
    assert.ok(titles.includes("Alpha agreement") && titles.includes("Bravo agreement"), `the restored list shows ${titles}`);
  });
});
