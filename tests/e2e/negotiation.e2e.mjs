// Two heads negotiating on the real app, each with a data folder of their own (a tauri-driver per
// head, started here with the head's SLA_STUDIO_DATA_DIR), exchanging files through the system's
// file dialogs: Anna creates the agreement and saves it for Igor; Igor opens it (a new draft,
// the same agreement), lowers two targets and saves his answer; Anna opens the answer, which is
// recognised as her draft's new version and compared from the version both had: exactly two
// changes and one comment; one change accepted and one rejected; she replies to the comment
// beside its field. The merged draft and the thread are checked through the CLI. The
// comparison and the comments are kept as screenshots in both languages.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { remote } from "webdriverio";
import { SCREENS, answerFileDialog, choose, click, endSession, fill, goToStep, sleep, waitSaved } from "./lib.mjs";

const BIN = process.env.SLA_STUDIO_BIN;
const dir = mkdtempSync(join(tmpdir(), "sla-negotiation-"));
const folders = { anna: join(dir, "anna"), igor: join(dir, "igor") };
const fromAnna = join(dir, "for-igor.sla.json");
const fromIgor = join(dir, "for-anna.sla.json");

// Ports of our own, beside the driver run.sh started for this suite.
const base = Number(process.env.WEBDRIVER_PORT ?? 4444) + 10;
let driver = null;
let browser = null;

async function portOpen(port) {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** The app on `head`'s data folder, through a tauri-driver started with that folder. */
async function startHead(head) {
  // A step that failed left the other head's app open.
  await stopHead();
  mkdirSync(folders[head], { recursive: true });
  driver = spawn("tauri-driver", ["--port", String(base), "--native-port", String(base + 1)], {
    env: { ...process.env, SLA_STUDIO_DATA_DIR: folders[head] },
    stdio: "ignore",
  });
  for (let i = 0; i < 100 && !(await portOpen(base)); i++) await sleep(100);
  browser = await remote({
    hostname: "127.0.0.1",
    port: base,
    logLevel: "error",
    connectionRetryCount: 1,
    capabilities: { "tauri:options": { application: BIN } },
  });
}

async function stopHead() {
  if (browser) await endSession(browser);
  browser = null;
  if (driver) {
    driver.kill();
    await new Promise((resolve) => (driver.exitCode !== null ? resolve() : driver.once("exit", resolve)));
  }
  driver = null;
  for (let i = 0; i < 100 && (await portOpen(base)); i++) await sleep(100);
}

async function screenshot(name) {
  mkdirSync(SCREENS, { recursive: true });
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await sleep(200);
  execFileSync("import", ["-window", "root", join(SCREENS, `${name}.png`)]);
}

async function waitText(selector, pattern) {
  let last = "";
  await browser.waitUntil(
    async () => {
      const el = await browser.$(selector);
      last = (await el.isExisting()) ? await el.getText() : "";
      return pattern.test(last);
    },
    { timeout: 20000, timeoutMsg: `${selector} never matched ${pattern}; it says: ${last}` },
  );
  return last;
}

/** The CLI on a head's data folder: the same store the window wrote. */
function cli(head, ...args) {
  return execFileSync(BIN, args, { encoding: "utf8", env: { ...process.env, SLA_STUDIO_DATA_DIR: folders[head], DISPLAY: "" } });
}

/** Saves the open draft for the other head from the sign-off step, as `side`, to `path`. */
async function sendFile(side, path) {
  await goToStep(browser, "signoff");
  await browser.execute((side) => {
    const select = document.getElementById("send-from");
    select.value = side;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }, side);
  await answerFileDialog(browser, "#send-proposal", path, "save");
  await waitText("#proposal-sent", /Send it to the other head/);
  assert.ok(existsSync(path), `${path} was written`);
}

describe("two heads negotiating through files", { concurrency: false }, () => {
  after(async () => {
    await stopHead().catch(() => {});
  });

  it("Anna creates the agreement and saves it for Igor", async () => {
    await startHead("anna");
    await browser.$("#create-agreement").waitForExist({ timeout: 30000 });
    await click(browser, "#ui-lang-en");
    await click(browser, "#template-sales-marketing");
    await click(browser, "#new-lang-en");
    await click(browser, "#create-agreement");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    await sendFile("marketing", fromAnna);
    const sent = JSON.parse(execFileSync("cat", [fromAnna], { encoding: "utf8" }));
    assert.equal(sent.negotiation.from, "marketing");
    assert.equal(sent.negotiation.base.version, 1);
    await stopHead();
  });

  it("Igor opens it as a new draft of the same agreement, lowers two targets and answers", async () => {
    await startHead("igor");
    await browser.$("#open-agreement-file").waitForExist({ timeout: 30000 });
    await click(browser, "#ui-lang-en");
    await answerFileDialog(browser, "#open-agreement-file", fromAnna, "open");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    const drafts = JSON.parse(cli("igor", "drafts", "--json"));
    assert.equal(drafts.length, 1);
    const mine = JSON.parse(cli("igor", "show", String(drafts[0].id)));
    const sent = JSON.parse(execFileSync("cat", [fromAnna], { encoding: "utf8" }));
    assert.equal(mine.id, sent.id, "the same agreement number");

    await goToStep(browser, "performance");
    await click(browser, "#f-commitments-0-metrics-0 > summary");
    await fill(browser, "f-commitments-0-metrics-0-target", "80");
    await click(browser, "#f-commitments-0-metrics-1 > summary");
    await fill(browser, "f-commitments-0-metrics-1-target", "60");
    // A comment on a third target, as the head of sales.
    await click(browser, "#f-commitments-0-metrics-2 > summary");
    await click(browser, "#f-commitments-0-metrics-2-target");
    await click(browser, "#comments-open");
    await choose(browser, "comment-side", "sales");
    await fill(browser, "comment-text", "95% is too high for Q1");
    await click(browser, "#comment-add");
    await waitText("#comments-open", /^Comments \(1 open\)$/);
    await waitText('.comment-mark[data-path="commitments[0].metrics[2].target"]', /^1 comment$/);
    await waitSaved(browser);
    await sendFile("sales", fromIgor);
    await stopHead();
  });

  it("Anna opens the answer: her draft's new version, exactly two changes", async () => {
    await startHead("anna");
    await browser.$("#go-home").waitForExist({ timeout: 30000 });
    await click(browser, "#go-home");
    await answerFileDialog(browser, "#open-agreement-file", fromIgor, "open");
    await browser.$(".proposal").waitForExist({ timeout: 10000 });
    assert.equal(await (await browser.$("#proposal-heading")).getText(), "Changes proposed by Igor Smirnov");
    assert.match(await (await browser.$("#proposal-base")).getText(), /^Compared from version 1/);
    assert.equal(await (await browser.$("#proposal-counts")).getText(), "2 changes, 0 conflicts, 1 new comment");
    const changes = await browser.execute(() => [...document.querySelectorAll(".change .change-text")].map((e) => e.textContent));
    assert.deepEqual(changes, [
      "3.1.1 MQLs per sales rep: target 100 → 80 a month",
      "3.1.2 Sales acceptance rate: target 70% → 60% a month",
    ]);
    await screenshot("negotiation-proposal-en");
    await click(browser, "#ui-lang-ru");
    await waitText("#proposal-heading", /^Изменения, предложенные Igor Smirnov$/);
    await waitText(".change .change-text", /целевое значение 100 → 80 за месяц/);
    await screenshot("negotiation-proposal-ru");
    await click(browser, "#ui-lang-en");
    await waitText(".change .change-text", /target 100 → 80 a month/);
  });

  it("accepts one change, rejects the other, and the merged draft holds exactly that", async () => {
    await click(browser, '[data-key="commitments[mkt-leads].metrics[mql-acceptance].target"] input.reject');
    await waitText("#merge-proposal", /^Merge 1 change$/);
    await click(browser, "#merge-proposal");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    const drafts = JSON.parse(cli("anna", "drafts", "--json"));
    assert.equal(drafts.length, 1, "no second draft");
    const merged = JSON.parse(cli("anna", "show", String(drafts[0].id)));
    assert.equal(merged.commitments[0].metrics[0].target, 80);
    assert.equal(merged.commitments[0].metrics[1].target, 70);
    assert.match(cli("anna", "history", String(drafts[0].id)), /merged the proposal of Igor Smirnov/);
    await screenshot("negotiation-merged");
  });

  it("Anna sees Igor's comment beside its field and replies", async () => {
    await waitText("#comments-open", /^Comments \(1 open\)$/);
    await click(browser, "#comments-open");
    await waitText(".thread .text", /^95% is too high for Q1$/);
    await click(browser, ".thread .thread-field");
    await waitText('.comment-mark[data-path="commitments[0].metrics[2].target"]', /^1 comment$/);
    await fill(browser, await browser.execute(() => document.querySelector(".thread .reply-text").id), "Agreed: 90% until April");
    await click(browser, ".thread button.reply");
    await waitText(".thread", /Agreed: 90% until April/);
    await screenshot("negotiation-comments-en");
    await click(browser, "#ui-lang-ru");
    await waitText("#comments-open", /^Комментарии/);
    await screenshot("negotiation-comments-ru");
    await click(browser, "#ui-lang-en");
    await waitSaved(browser);
    const drafts = JSON.parse(cli("anna", "drafts", "--json"));
    const saved = JSON.parse(cli("anna", "show", String(drafts[0].id)));
    const [thread] = saved.negotiation.comments;
    assert.equal(thread.on, "commitments[mkt-leads].metrics[mql-data-complete].target");
    assert.deepEqual(
      thread.messages.map((m) => [m.author, m.text]),
      [
        ["Igor Smirnov", "95% is too high for Q1"],
        ["Anna Petrova", "Agreed: 90% until April"],
      ],
    );
    await stopHead();
  });
});
