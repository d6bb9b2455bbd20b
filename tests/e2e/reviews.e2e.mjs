// The monthly reviews end to end on the real app: an English agreement from the template, signed;
// January 2027's amoCRM export (Windows-1251) and February's HubSpot export brought in through the
// real file dialog, one guessed column corrected; the grid (a metric missed both months), the charts
// drawn (their canvases read back), the escalation two misses fire, marked done with a note; a
// figure entered by hand; the app killed and started again with everything intact (also through
// the CLI); the review report PDF saved and read back by poppler; every screen in English and in
// Russian. The expected figures are worked out by hand in reviews-lib.mjs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SCREENS, clickElement, endSession, fill, killApp, scrollToTop, sleep, startApp, waitSaved } from "./lib.mjs";
import {
  FEBRUARY,
  HAND_FIGURE,
  JANUARY,
  answerFileDialog,
  chartInk,
  chooseBy,
  cli,
  fillBy,
  gridCells,
  invoke,
  saveChartPng,
  signInWindow,
  waitCell,
  waitForFile,
  writeFebruary,
  writeJanuary,
} from "./reviews-lib.mjs";

const dir = mkdtempSync(join(tmpdir(), "sla-reviews-"));
const januaryFile = join(dir, "amocrm-january-2027.csv");
const februaryFile = join(dir, "hubspot-february-2027.csv");
const reportFile = join(dir, "review-2027-02.pdf");
const calendarFile = join(dir, "reviews.ics");
writeJanuary(januaryFile);
writeFebruary(februaryFile);

const METRIC_NAMES = {
  "mql-per-rep": "MQLs per sales rep",
  "first-contact-time": "Time to first contact",
  "connect-rate": "Connected conversations",
};

let browser;
let draftId;

/**
 * What the virtual display shows (the window and any dialog over it), for people to look at. Taken
 * by ImageMagick's `import` rather than WebDriver's screenshot, which here sometimes waits minutes
 * for a paint; the chart's own picture is taken through WebDriver below.
 */
async function shot(name) {
  mkdirSync(SCREENS, { recursive: true });
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await sleep(200);
  const path = join(SCREENS, `${name}.png`);
  execFileSync("import", ["-window", "root", path]);
  return path;
}

/** Clicks like lib's `click`; on failure keeps a picture of the window and says which element. */
async function tap(selector) {
  const el = await browser.$(selector);
  try {
    await clickElement(browser, el, selector);
  } catch (e) {
    const name = `failed-click-${selector.replace(/[^a-z0-9-]+/gi, "_")}`;
    await shot(name);
    throw new Error(`clicking ${selector} failed (screen in ${name}.png): ${e.message}`);
  }
}

async function exists(selector) {
  return (await browser.$(selector)).isExisting();
}

async function waitFor(selector, timeout = 20000) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout, timeoutMsg: `${selector} did not appear within ${timeout / 1000} s` });
  return el;
}

async function text(selector) {
  return (await waitFor(selector)).getText();
}

/** The text of an element even when it is visually hidden (WebDriver's getText gives "" then). */
async function textContent(selector) {
  await waitFor(selector);
  return browser.execute((s) => document.querySelector(s).textContent.replace(/\s+/g, " ").trim(), selector);
}

async function waitText(selector, pattern, timeout = 20000) {
  let last = "";
  await browser.waitUntil(
    async () => {
      last = (await exists(selector)) ? await textContent(selector) : "";
      return pattern.test(last);
    },
    { timeout, interval: 100, timeoutMsg: `${selector} never matched ${pattern}; it says: ${last}` },
  );
  return last;
}

/** Opens the import panel, which opens the system file dialog at once, and chooses `path` in it. */
async function chooseExport(path) {
  return answerFileDialog(browser, "#import-start", path, "open");
}

/** Computes the import's preview when the panel asks for it, then waits for what will be stored. */
async function computeImport() {
  const compute = await browser.$("#import-compute");
  if ((await compute.isExisting()) && (await compute.isEnabled())) await clickElement(browser, compute, "#import-compute");
  await waitFor("#import-result", 60000);
}

/** Stores the previewed import, and waits until the panel has closed. */
async function confirmImport(selector = "#import-confirm") {
  await tap(selector);
  await (await browser.$("#import-panel")).waitForExist({ reverse: true, timeout: 60000, timeoutMsg: "the import panel stayed open after storing" });
}

async function choosePeriod(period) {
  const tab = await browser.$(`.period-tab[data-period="${period}"]`);
  await waitFor(`.period-tab[data-period="${period}"]`);
  const chosen = async () => (await tab.getAttribute("aria-pressed")) === "true" || (await tab.getAttribute("aria-selected")) === "true";
  if (!(await chosen())) await clickElement(browser, tab, `period ${period}`);
  await browser.waitUntil(chosen, { timeout: 10000, timeoutMsg: `period ${period} was not chosen` });
}

/** Waits until every chart has ink on its canvas, and returns the pixel counts. */
async function waitChartsDrawn(metrics) {
  let ink = {};
  await browser
    .waitUntil(
      async () => {
        ink = await chartInk(browser);
        return metrics.every((m) => (ink[m] ?? 0) > 0);
      },
      { timeout: 20000, interval: 200 },
    )
    .catch(() => {
      throw new Error(`charts not drawn: pixels per chart ${JSON.stringify(ink)}`);
    });
  return ink;
}

/** The figure of `metric` in the CLI's JSON review of `period`. */
function cliReview(period) {
  const { code, stdout, stderr } = cli(["review", String(draftId), "--period", period, "--json"]);
  assert.ok(code === 0 || code === 1, `review --json exited ${code}: ${stderr}`);
  const review = JSON.parse(stdout);
  return Object.fromEntries(review.metrics.map((m) => [m.metric_id, m]));
}

const close = (a, b) => a !== null && Math.abs(a - b) < 1e-6;

/** Checks the grid against the figures worked out by hand for one month (and the figure entered). */
function checkMonth(cells, month, entered = false) {
  const expected = { ...month.expected };
  if (entered && HAND_FIGURE.period === month.period) expected[HAND_FIGURE.metric] = { status: "met" };
  for (const [metric, { status }] of Object.entries(expected)) {
    const cell = cells[`${metric}|${month.period}`];
    assert.ok(cell, `no grid cell for ${metric} in ${month.period}`);
    assert.equal(cell.status, status, `${metric} ${month.period}: ${cell.text}`);
  }
}

describe("monthly reviews on the real app", { concurrency: false }, () => {
  before(async () => {
    browser = await startApp();
    await browser.$("#create-agreement, #step-heading").waitForExist({ timeout: 30000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
    // The report stays for people to look at; the exports and the rest go.
    if (existsSync(reportFile)) copyFileSync(reportFile, join(SCREENS, "..", "review-2027-02.pdf"));
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes an English agreement from the template and signs it", async () => {
    if (await exists("#go-home")) await tap("#go-home");
    await tap("#ui-lang-en");
    await tap("#template-sales-marketing");
    await tap("#new-lang-en");
    await tap("#create-agreement");
    await waitFor("#step-heading", 10000);
    await waitSaved(browser);
    const { drafts } = await invoke(browser, "list_drafts", { query: "", page: { after: null, limit: 1 } });
    draftId = drafts[0].id;
    await signInWindow(browser, draftId, dir);

    // The home list offers the signed agreement's reviews, with no period reviewed yet.
    await tap("#go-home");
    const open = `.open-reviews[data-draft-id="${draftId}"]`;
    await waitFor(open);
    await shot("reviews-00-home-signed-en");
    // Back into the agreement, and from the wizard into its reviews.
    await tap(".draft-title");
    await waitFor("#step-heading");
    await tap("#open-reviews");
    await waitFor("main#main.reviews");
    await shot("reviews-01-empty-en");
    await tap("#ui-lang-ru");
    await waitText("main#main.reviews", /[А-Яа-яЁё]{4}/);
    await shot("reviews-01-empty-ru");
    await tap("#ui-lang-en");
  });

  it("brings January's amoCRM export in Windows-1251 through the file dialog", async () => {
    await chooseExport(januaryFile);
    await waitFor("#import-preview", 30000);
    assert.match(await textContent("#import-encoding"), /1251/);
    assert.match(await textContent("#import-separator"), /;|semicolon/i);
    // Decoded, not mojibake: the reps' names as amoCRM wrote them.
    assert.match(await textContent("#import-sample"), /Иван Смирнов/);
    assert.equal(await (await browser.$('select[data-column="created"]')).getValue(), "Дата создания сделки");
    assert.equal(await (await browser.$('select[data-column="first_contact"]')).getValue(), "Дата первого контакта");
    assert.equal(await (await browser.$("#import-period")).getValue(), JANUARY.period);
    await shot("reviews-02-import-preview-en");
    await computeImport();
    await shot("reviews-03-import-result-en");
    await confirmImport();
    await waitCell(browser, "mql-per-rep", JANUARY.period, "missed");
    checkMonth(await gridCells(browser), JANUARY);
  });

  it("brings February's HubSpot export, with the first-contact column the guess missed picked by hand", async () => {
    await chooseExport(februaryFile);
    await waitFor("#import-preview", 30000);
    assert.match(await textContent("#import-encoding"), /UTF-?8/i);
    assert.match(await textContent("#import-sample"), /Alex Kim/);
    assert.equal(await (await browser.$('select[data-column="id"]')).getValue(), "Record ID");
    assert.equal(await (await browser.$('select[data-column="stage"]')).getValue(), "Lead Status");
    // HubSpot's "First Outreach Date" is not a header the guess knows.
    const firstContact = `select[data-column="${FEBRUARY.correctedColumn}"]`;
    assert.equal(await (await browser.$(firstContact)).getValue(), "", "the guess leaves the first contact empty");
    assert.equal(await (await browser.$("#import-period")).getValue(), FEBRUARY.period);
    // As guessed, the response time has no data; with the column picked it is computed.
    const contactRow = '#import-result tr[data-metric="first-contact-time"]';
    await computeImport();
    await browser.waitUntil(async () => (await (await browser.$(contactRow)).getAttribute("data-status")) === "no_data", {
      timeout: 20000,
      timeoutMsg: "without a first-contact column the response time should have no data",
    });
    await chooseBy(browser, firstContact, FEBRUARY.correctedHeader);
    await shot("reviews-04-import-mapping-corrected-en");
    await computeImport();
    await browser.waitUntil(async () => (await (await browser.$(contactRow)).getAttribute("data-status")) === "met", {
      timeout: 20000,
      timeoutMsg: "with the first-contact column picked the response time should be met",
    });
    await confirmImport();
    // The corrected column reached the computation: without it the first contact has no data.
    await waitCell(browser, "first-contact-time", FEBRUARY.period, "met");
    const cells = await gridCells(browser);
    checkMonth(cells, JANUARY);
    checkMonth(cells, FEBRUARY);
  });

  it("shows the grid with the missed metric marked in words or symbols as well as colour", async () => {
    const cells = await gridCells(browser);
    const perRep = cells[`mql-per-rep|${FEBRUARY.period}`];
    assert.match(perRep.text, /2\.5/, "the actual is in the cell");
    assert.match(perRep.text, /100/, "the target is in the cell");
    // Whatever marks "missed" (a word or a symbol), every missed cell has it and no met cell does.
    const words = (cell) => new Set(cell.text.split(/[\s\d.,%:/()≥≤—–-]+/).filter(Boolean));
    const missed = Object.values(cells).filter((c) => c.status === "missed").map(words);
    const met = Object.values(cells).filter((c) => c.status === "met").map(words);
    assert.ok(missed.length >= 2 && met.length >= 2, JSON.stringify(cells));
    const marks = [...missed[0]].filter((w) => missed.every((s) => s.has(w)) && met.every((s) => !s.has(w)));
    assert.ok(marks.length > 0, `no word or symbol tells a missed cell from a met one: ${JSON.stringify(cells)}`);
    await scrollToTop(browser, "table#compliance-grid");
    await shot("reviews-05-grid-en");
  });

  it("draws each metric's chart on its canvas, with its figures as a table for screen readers", async () => {
    await choosePeriod(FEBRUARY.period);
    const ink = await waitChartsDrawn(["mql-per-rep", "first-contact-time"]);
    assert.ok(ink["mql-per-rep"] > 100, `the volume chart has only ${ink["mql-per-rep"]} pixels drawn`);
    const table = await textContent('figure.metric-chart[data-metric="mql-per-rep"] table.chart-data');
    assert.match(table, /2\.5/);
    await saveChartPng(browser, "mql-per-rep", "reviews-06-chart-mql-per-rep-canvas");
    await scrollToTop(browser, 'figure.metric-chart[data-metric="mql-per-rep"]');
    await shot("reviews-06-charts-en");
    // The chart as WebDriver sees it on screen (canvas, legend and all).
    const chart = await browser.$('figure.metric-chart[data-metric="mql-per-rep"]');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("WebDriver's screenshot did not answer in 60 s")), 60000));
    await Promise.race([chart.saveScreenshot(join(SCREENS, "reviews-06-chart-mql-per-rep.png")), timeout]);
  });

  it("fires the first escalation step after two misses in a row, and not after one", async () => {
    await choosePeriod(JANUARY.period);
    // January's list is shown once the remedy gives January's reason.
    await waitText('#fired li.fired[data-key="remedy:lead-plan"]', /in January 2027/);
    assert.equal(await exists('#fired li.fired[data-key="escalation:0"]'), false, "one miss is noise");
    assert.equal(await exists('#fired li.fired[data-key="remedy:lead-plan"]'), true, "the lead plan remedy fires below 80 % of target");

    await choosePeriod(FEBRUARY.period);
    const step = '#fired li.fired[data-key="escalation:0"]';
    const said = await waitText(step, /Head of the other department/);
    assert.match(said, /fix within 3 business days/);
    assert.equal(await exists('#fired li.fired[data-key="escalation:1"]'), false, "the CEO step needs three misses");
    await scrollToTop(browser, "#fired");
    await shot("reviews-07-fired-en");
  });

  it("marks the escalation done with a note", async () => {
    const step = '#fired li.fired[data-key="escalation:0"]';
    await tap(`${step} .mark-done`);
    await fillBy(browser, `${step} textarea.done-note`, "Agreed a fix on 2 March: two more webinars");
    await tap(`${step} .mark-done-save`);
    await browser.waitUntil(async () => /\bdone\b/.test((await (await browser.$(step)).getAttribute("class")) ?? ""), {
      timeout: 10000,
      timeoutMsg: "the escalation was not shown as done",
    });
    await shot("reviews-08-fired-done-en");
  });

  it("takes a figure no export gives by hand, and the grid shows it", async () => {
    await tap("#enter-figure");
    await waitFor("#enter-figure-form");
    await chooseBy(browser, "#figure-metric", HAND_FIGURE.metric);
    await chooseBy(browser, "#figure-period", HAND_FIGURE.period);
    await fill(browser, "figure-value", HAND_FIGURE.value);
    await fill(browser, "figure-by", HAND_FIGURE.by);
    await fill(browser, "figure-note", HAND_FIGURE.note);
    await shot("reviews-09-enter-figure-en");
    await tap("#figure-save");
    const cell = await waitCell(browser, HAND_FIGURE.metric, HAND_FIGURE.period, "met");
    assert.match(cell.text, /55/);
  });

  it("keeps both periods, the mark and the figure when the app is killed and started again", async () => {
    await killApp();
    await endSession(browser);
    browser = await startApp();
    // The reviews view is left for home on a new start; the home list names the last period.
    await browser.$("#create-agreement, #step-heading, .open-reviews").waitForExist({ timeout: 30000 });
    if (await exists("#go-home")) await tap("#go-home");
    await tap("#ui-lang-en");
    const status = await waitText(`.review-status`, /2027/);
    assert.match(status, /February 2027|2027-02/);
    assert.match(status, /missed/i);
    await shot("reviews-10-home-status-en");
    await tap("#ui-lang-ru");
    await waitText(".review-status", /[А-Яа-яЁё]{3}/);
    await shot("reviews-10-home-status-ru");
    await tap("#ui-lang-en");
    await tap(`.open-reviews[data-draft-id="${draftId}"]`);
    await waitCell(browser, "mql-per-rep", JANUARY.period, "missed");
    const cells = await gridCells(browser);
    checkMonth(cells, JANUARY, true);
    checkMonth(cells, FEBRUARY, true);
    await choosePeriod(FEBRUARY.period);
    await browser.waitUntil(async () => /\bdone\b/.test((await (await browser.$('#fired li.fired[data-key="escalation:0"]')).getAttribute("class")) ?? ""), {
      timeout: 10000,
      timeoutMsg: "the escalation marked done before the kill is no longer done",
    });

    // The store itself, read by the CLI from the same data folder.
    const january = cliReview(JANUARY.period);
    const february = cliReview(FEBRUARY.period);
    for (const [month, review] of [
      [JANUARY, january],
      [FEBRUARY, february],
    ]) {
      for (const [metric, { status, actual }] of Object.entries(month.expected)) {
        if (month === FEBRUARY && metric === HAND_FIGURE.metric) continue;
        assert.equal(review[metric].status, status, `${metric} ${month.period}`);
        if (actual !== null) assert.ok(close(review[metric].actual, actual), `${metric} ${month.period}: ${review[metric].actual}`);
      }
    }
    assert.ok(close(february[HAND_FIGURE.metric].actual, Number(HAND_FIGURE.value)));
    assert.equal(february[HAND_FIGURE.metric].source.from, "manual");
    assert.equal(february["mql-per-rep"].misses_in_a_row, 2);
  });

  it("saves February's review report PDF, which poppler reads", async () => {
    await choosePeriod(FEBRUARY.period);
    await answerFileDialog(browser, "#report-export", reportFile, "save");
    await waitForFile(browser, reportFile);
    const info = execFileSync("pdfinfo", [reportFile], { encoding: "utf8" });
    assert.match(info, /^Pages:\s+[1-9]/m);
    // In reading order, with the table cells' line breaks as spaces.
    const pdfText = execFileSync("pdftotext", [reportFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(pdfText, /Review of February 2027/);
    for (const name of Object.values(METRIC_NAMES)) assert.ok(pdfText.includes(name), `the report does not name ${name}`);
    assert.ok(pdfText.includes("Head of the other department"), "the report says who the escalation tells");
    assert.ok(pdfText.includes(`entered by ${HAND_FIGURE.by}`), "the report says who entered the figure by hand");
    await shot("reviews-11-report-saved-en");
  });

  it("saves the review calendar", async () => {
    await answerFileDialog(browser, "#calendar-save", calendarFile, "save");
    await waitForFile(browser, calendarFile);
    const ics = readFileSync(calendarFile, "utf8");
    assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics.slice(0, 200));
    assert.match(ics, /TZID:Europe\/Moscow/);
    assert.match(ics, /RRULE:/);
  });

  it("puts the written report on the signing desk, waiting for both heads", async () => {
    await tap("#report-sign");
    await waitText("#signature-verdict", /no signatures/i);
    assert.match(await textContent("#waiting-for"), /Anna Petrova.*Igor Smirnov/);
    await shot("reviews-12-report-signing-desk-en");
    await tap("#go-home");
    await tap(`.open-reviews[data-draft-id="${draftId}"]`);
    await waitCell(browser, "mql-per-rep", FEBRUARY.period, "missed");
  });

  it("shows every reviews screen in Russian", async () => {
    await tap("#ui-lang-ru");
    await waitText("main#main.reviews", /[А-Яа-яЁё]{4}/);
    await scrollToTop(browser, "table#compliance-grid");
    await shot("reviews-05-grid-ru");
    await scrollToTop(browser, 'figure.metric-chart[data-metric="mql-per-rep"]');
    await waitChartsDrawn(["mql-per-rep"]);
    await shot("reviews-06-charts-ru");
    await scrollToTop(browser, "#fired");
    await waitText('#fired li.fired[data-key="escalation:0"]', /[А-Яа-яЁё]{4}/);
    await shot("reviews-07-fired-ru");

    // February again: the panel shows what storing it once more would change, and asks.
    await chooseExport(februaryFile);
    await waitFor("#import-preview", 30000);
    await chooseBy(browser, `select[data-column="${FEBRUARY.correctedColumn}"]`, FEBRUARY.correctedHeader);
    await shot("reviews-02-import-preview-ru");
    await computeImport();
    await scrollToTop(browser, "#import-changes");
    await shot("reviews-03-import-changes-ru");
    await tap("#import-cancel");
    await (await browser.$("#import-panel")).waitForExist({ reverse: true, timeout: 10000 });

    await tap("#enter-figure");
    await waitFor("#enter-figure-form");
    await shot("reviews-09-enter-figure-ru");
    // Nothing entered: leave the form as it came.
    await browser.keys(["Escape"]);

    await tap("#ui-lang-en");
  });
});
