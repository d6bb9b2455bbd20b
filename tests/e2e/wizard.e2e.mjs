// The wizard end to end on the real app: create an agreement from the sales-marketing template,
// fill every step in Russian, switch to English and back, kill the app and find every field intact,
// and see typed markup shown as text. Screenshots of every step go to tests/artifacts/screens/.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  choose,
  click,
  clickElement,
  endSession,
  fieldValues,
  fill,
  goToStep,
  heading,
  killApp,
  screenshot,
  scrollToTop,
  setDate,
  startApp,
  waitSaved,
} from "./lib.mjs";

const MARKUP = "<img src=x onerror=alert(1)>";
const STEPS = ["parties", "performance", "monitoring", "deadlines", "consequences", "review", "signoff"];
const RU_HEADINGS = {
  parties: "Стороны и услуги",
  performance: "Уровень услуг",
  monitoring: "Мониторинг и отчётность",
  deadlines: "Сроки",
  consequences: "Последствия",
  review: "Проверка",
  signoff: "Подписание и экспорт",
};

let browser;
/** Every field's value on every step just before the app was killed. */
const before_kill = {};

describe("the wizard on the real app", { concurrency: false }, () => {
  before(async () => {
    browser = await startApp();
    await browser.$("#create-agreement").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("creates a Russian agreement from the sales-marketing template", async () => {
    await click(browser, "#ui-lang-ru");
    assert.equal(await (await browser.$("#create-agreement")).getText(), "Создать соглашение");
    await screenshot(browser, "00-home");
    await click(browser, "#template-sales-marketing");
    await click(browser, "#new-lang-ru");
    await click(browser, "#create-agreement");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    assert.equal(await heading(browser), RU_HEADINGS.parties);
  });

  it("fills step 1: parties, services, term and review dates", async () => {
    await fill(browser, "f-title", "Соглашение об уровне сервиса между маркетингом и продажами ООО «Вектор»");
    await fill(browser, "f-parties-marketing-department", "Отдел маркетинга");
    await fill(browser, "f-parties-marketing-head-name", "Мария Иванова");
    await fill(browser, "f-parties-marketing-head-role", "Директор по маркетингу");
    await fill(browser, "f-parties-marketing-head-email", "m.ivanova@vector.example");
    await fill(browser, "f-parties-sales-department", "Отдел продаж");
    await fill(browser, "f-parties-sales-head-name", "Сергей Кузнецов");
    await fill(browser, "f-parties-sales-head-role", "Коммерческий директор");
    await fill(browser, "f-parties-sales-head-email", "s.kuznetsov@vector.example");
    await fill(browser, "f-commitments-0-service", "Квалифицированные лиды (MQL)");
    await fill(browser, "f-commitments-0-description", "Маркетинг передаёт в CRM лиды, отвечающие согласованному описанию: отрасль, размер компании, должность, потребность.");
    await fill(browser, "f-commitments-1-service", "Обработка лидов и обратная связь");
    await setDate(browser, "f-term-effective_date", "2027-02-01");
    await fill(browser, "f-term-duration_months", "18");
    await choose(browser, "f-term-renewal", "automatic");
    const before = (await browser.$$("#f-term-review_dates input[type=date]")).length;
    await click(browser, "#f-term-review_dates button.add");
    await setDate(browser, `f-term-review_dates-${before}`, "2028-06-30");
    await waitSaved(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "01-parties");
  });

  it("fills step 2: metrics, a metric of one's own, targets", async () => {
    await goToStep(browser, "performance");
    assert.equal(await heading(browser), RU_HEADINGS.performance);
    await click(browser, "#f-commitments-0-metrics-0 > summary");
    await fill(browser, "f-commitments-0-metrics-0-name", "MQL на одного менеджера");
    await fill(browser, "f-commitments-0-metrics-0-target", "120");
    await fill(browser, "f-commitments-0-metrics-0-data_source", "amoCRM, отчёт по лидам");
    const count = (await browser.$$("#f-commitments-1-metrics details.metric")).length;
    await click(browser, "#metric-add-1");
    const m = `f-commitments-1-metrics-${count}`;
    await fill(browser, `${m}-name`, "Лиды, обработанные в срок");
    await fill(browser, `${m}-definition`, "Доля MQL, с которыми менеджер связался в срок, установленный для категории лида.");
    await choose(browser, `${m}-kind`, "reliability");
    await choose(browser, `${m}-unit`, "percent");
    await choose(browser, `${m}-comparator`, "at_least");
    await fill(browser, `${m}-target`, "95");
    await fill(browser, `${m}-data_source`, "amoCRM, журнал звонков");
    await waitSaved(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "02-performance");
    assert.equal(await browser.execute((id) => document.getElementById(id).open, m), true, "a new metric opens for writing");
    await scrollToTop(browser, `#${m}`);
    await screenshot(browser, "02-performance-own-metric");
  });

  it("fills step 3: data, reports, review cadence and reviewers", async () => {
    await goToStep(browser, "monitoring");
    assert.equal(await heading(browser), RU_HEADINGS.monitoring);
    await fill(browser, "f-monitoring-data_collection", "Все цифры берутся из amoCRM и телефонии; вручную ничего не вносится.");
    await fill(browser, "f-monitoring-data_processing", "Отдел RevOps удаляет дубли и тестовые лиды и каждое утро обновляет дашборд.");
    await fill(browser, "f-monitoring-reports-0-name", "Ежедневный дашборд SLA");
    const reports = (await browser.$$("#f-monitoring-reports .item-card")).length;
    await click(browser, "#report-add");
    await fill(browser, `f-monitoring-reports-${reports}-name`, "Квартальный обзор воронки");
    await fill(browser, `f-monitoring-reports-${reports}-owner`, "Аналитик отдела продаж");
    await choose(browser, `f-monitoring-reports-${reports}-frequency`, "quarterly");
    await choose(browser, "f-monitoring-review_cadence", "weekly");
    const reviewers = (await browser.$$("#f-monitoring-reviewers .string-row")).length;
    await click(browser, "#f-monitoring-reviewers button.add");
    await fill(browser, `f-monitoring-reviewers-${reviewers}`, "Директор по развитию");
    await waitSaved(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "03-monitoring");
  });

  it("fills step 4: business calendar and deadlines", async () => {
    await goToStep(browser, "deadlines");
    assert.equal(await heading(browser), RU_HEADINGS.deadlines);
    await fill(browser, "f-deadlines-calendar-timezone", "Asia/Yekaterinburg");
    await setDate(browser, "f-deadlines-calendar-day_start", "08:30");
    await setDate(browser, "f-deadlines-calendar-day_end", "17:30");
    await click(browser, "#workday-6");
    const rules = (await browser.$$("#f-deadlines-rules > .item-card")).length;
    await click(browser, "#rule-add");
    const r = `f-deadlines-rules-${rules}`;
    await fill(browser, `${r}-applies_to`, "Категория C: подписка на рассылку");
    await fill(browser, `${r}-response-value`, "2");
    await choose(browser, `${r}-response-unit`, "days");
    await fill(browser, `${r}-resolution-value`, "");
    await waitSaved(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "04-deadlines");
  });

  it("fills step 5: escalation, remedies, an adjustment and notes with markup in them", async () => {
    await goToStep(browser, "consequences");
    assert.equal(await heading(browser), RU_HEADINGS.consequences);
    await fill(browser, "f-consequences-escalation-0-trigger", "Метрика ниже цели две недели подряд");
    const levels = (await browser.$$("#f-consequences-escalation .ladder > li")).length;
    await click(browser, "#escalation-add");
    await fill(browser, `f-consequences-escalation-${levels}-trigger`, "Нет улучшения через месяц");
    await fill(browser, `f-consequences-escalation-${levels}-escalate_to`, "Совет директоров");
    await fill(browser, `f-consequences-escalation-${levels}-after_days`, "30");
    await fill(browser, "f-consequences-remedies-0-action", "Лид передаётся другому менеджеру по очереди.");
    await click(browser, "#adjustment-add");
    await fill(browser, "f-consequences-adjustments-0-cap_per_month_percent", "7,5");
    await fill(browser, "f-notes", `Лиды, найденные самими менеджерами, не входят в соглашение. ${MARKUP}`);
    await waitSaved(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "05-consequences");
  });

  it("shows markup typed into fields as text, never as markup", async () => {
    await goToStep(browser, "parties");
    await fill(browser, "f-parties-marketing-department", `Отдел маркетинга ${MARKUP}`);
    await waitSaved(browser);
    await goToStep(browser, "review");
    const doc = await browser.$("article.document");
    const text = await doc.getText();
    assert.ok(text.includes(`Отдел маркетинга ${MARKUP}`), "the department name appears literally in the review");
    assert.ok(text.includes(MARKUP), "the notes appear literally");
    const images = await browser.execute(() => document.querySelectorAll("img").length);
    assert.equal(images, 0, "no <img> element was created from typed text");
    const alerted = await browser.execute(() => typeof window.__alerted);
    assert.equal(alerted, "undefined");
  });

  it("reviews the agreement and links each finding to its field", async () => {
    assert.equal(await heading(browser), RU_HEADINGS.review);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "06-review");
    const links = await browser.$$(".finding-link");
    if (links.length > 0) {
      const field = await links[0].getAttribute("data-field");
      await clickElement(browser, links[0], `the finding link for ${field}`);
      await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id ?? "")).startsWith("f-"), {
        timeout: 5000,
        timeoutMsg: `clicking the finding for ${field} focused nothing`,
      });
      const focused = await browser.execute(() => document.activeElement.id);
      const expected = "f-" + field.replace(/\[(\d+)\]/g, ".$1").replace(/\./g, "-");
      assert.ok(expected.startsWith(focused), `finding ${field} focused #${focused}`);
      await screenshot(browser, "06-review-finding-focused");
    }
  });

  it("fills step 7: signatories from the heads", async () => {
    await goToStep(browser, "signoff");
    assert.equal(await heading(browser), RU_HEADINGS.signoff);
    await click(browser, "#f-signatories .item-head button");
    assert.equal(await (await browser.$("#f-signatories-0-name")).getValue(), "Мария Иванова");
    assert.equal(await (await browser.$("#f-signatories-1-name")).getValue(), "Сергей Кузнецов");
    assert.equal(await (await browser.$("#f-signatories-1-role")).getValue(), "Коммерческий директор");
    await fill(browser, "f-signatories-1-email", "kuznetsov@vector.example");
    await waitSaved(browser);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "07-signoff");
    await scrollToTop(browser, "#export-pdf");
    await screenshot(browser, "07-signoff-export");
  });

  it("exports the saved draft to a PDF through the same command the export button uses", async () => {
    // The system save dialog is not part of the page, so the path it would return is given here.
    const path = join(mkdtempSync(join(tmpdir(), "sla-pdf-")), "agreement.pdf");
    const result = await browser.executeAsync((path, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      invoke("list_drafts", { query: "", page: { after: null, limit: 1 } })
        .then(({ drafts: [draft] }) => invoke("export_pdf", { id: draft.id, language: "ru", path }))
        .then((r) => done({ ok: r }), (e) => done({ error: e }));
    }, path);
    assert.ok(result.ok, `export failed: ${JSON.stringify(result.error)}`);
    const bytes = readFileSync(path);
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
    assert.equal(result.ok.bytes, bytes.length);
  });

  it("switches the interface to English and back without touching the agreement", async () => {
    const russian = await fieldValues(browser);
    await click(browser, "#ui-lang-en");
    assert.equal(await heading(browser), "Sign-off and export");
    assert.equal(await (await browser.$("#step-link-parties .step-name")).getText(), "Parties and service");
    assert.deepEqual(await fieldValues(browser), russian);
    await goToStep(browser, "performance");
    await screenshot(browser, "08-performance-english");
    await click(browser, "#ui-lang-ru");
    assert.equal(await heading(browser), RU_HEADINGS.performance);
    await goToStep(browser, "signoff");
    assert.deepEqual(await fieldValues(browser), russian);
  });

  it("fits a 1024x700 window without sideways scrolling", async () => {
    await browser.setWindowSize(1024, 700);
    await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= 1024, { timeout: 5000 });
    for (const step of ["performance", "consequences", "review"]) {
      await goToStep(browser, step);
      const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${step} is ${overflow}px wider than the window`);
    }
    await goToStep(browser, "performance");
    await screenshot(browser, "09-performance-1024x700");
    await browser.setWindowSize(1200, 800);
  });

  it("loses nothing when the app is killed: the draft, the step and every field come back", async () => {
    const status = await waitSaved(browser);
    assert.match(status, /Сохранено · версия \d+ · \d\d:\d\d/);
    for (const step of STEPS) {
      await goToStep(browser, step);
      before_kill[step] = await fieldValues(browser);
    }
    await goToStep(browser, "signoff");
    await waitSaved(browser);
    const killed = await killApp();
    assert.ok(killed.length >= 1);
    await endSession(browser);

    browser = await startApp();
    await browser.$("#step-heading").waitForExist({ timeout: 20000 });
    assert.equal(await heading(browser), RU_HEADINGS.signoff, "the app reopens on the step it was on");
    for (const step of STEPS) {
      await goToStep(browser, step);
      assert.deepEqual(await fieldValues(browser), before_kill[step], `every field of ${step} is intact`);
    }
    assert.ok(Object.keys(before_kill.parties).length > 15);
    assert.ok(Object.keys(before_kill.performance).length > 50);
  });

  it("lists every saved version of the draft", async () => {
    await click(browser, "#history-open");
    const numbers = () =>
      browser.execute(() =>
        [...document.querySelectorAll(".history-list li strong")].map((l) => Number(l.textContent.replace(/\D+/g, ""))),
      );
    await browser.waitUntil(async () => (await numbers()).at(-1) === 1, {
      timeout: 15000,
      timeoutMsg: "the versions did not appear",
    });
    // Every version from the current one down to the first, newest first, none missing.
    const listed = await numbers();
    assert.ok(listed.length > 1, `the edits made several versions: ${listed}`);
    assert.deepEqual(listed, Array.from({ length: listed.length }, (_, i) => listed.length - i));
    assert.equal(await (await browser.$(".history-list li .current-badge")).getText(), "Текущая");
    // The version the PDF was exported from is marked: later edits never fold into it.
    assert.equal(await (await browser.$(".history-list li .kept-badge")).getText(), "Выгружена в PDF");
    await screenshot(browser, "11-versions");
    await click(browser, "#history-open");
  });

  it("manages drafts on the home screen: search, duplicate, rename, delete with undo, trash", async () => {
    await click(browser, "#go-home");
    await browser.$("#draft-search").waitForExist({ timeout: 10000 });
    const rows = async () => (await browser.$$(".drafts .draft-row")).length;
    const waitRows = (n, what) => browser.waitUntil(async () => (await rows()) === n, { timeout: 5000, timeoutMsg: `${what}: expected ${n} rows` });
    await waitRows(1, "the one agreement");
    await fill(browser, "draft-search", "Вектор");
    await waitRows(1, "search by title");
    await fill(browser, "draft-search", "нет такого слова");
    await waitRows(0, "search with no match");
    await fill(browser, "draft-search", "");
    await waitRows(1, "search cleared");

    await click(browser, "button=Копировать");
    await waitRows(2, "after duplicate");
    // The copy is the newer of the two and carries the store's "(копия)" mark.
    const copy = await browser.$(`//li[contains(@class,"draft-row")][.//*[contains(text(),"(копия)")]]`);
    const renameButton = await copy.$("button=Переименовать");
    const id = (await renameButton.getAttribute("id")).replace("rename-button-", "");
    await clickElement(browser, renameButton, "the copy's rename button");
    const input = await browser.$(`#rename-${id}`);
    await input.waitForExist({ timeout: 5000 });
    await browser.keys(["Control", "a"]);
    await input.addValue("Копия для отдела B2B");
    await browser.keys(["Enter"]);
    await browser.waitUntil(async () => (await browser.$(".drafts").getText()).includes("Копия для отдела B2B"), { timeout: 5000 });

    const copyRow = await browser.$(`//li[contains(@class,"draft-row")][.//*[contains(text(),"Копия для отдела B2B")]]`);
    await clickElement(browser, await copyRow.$("button=Удалить"), "the copy's delete button");
    await waitRows(1, "after delete");
    await click(browser, "button=Отменить");
    await waitRows(2, "after undo");
    await clickElement(browser, await copyRow.$("button=Удалить"), "the copy's delete button");
    await waitRows(1, "after deleting again");
    await click(browser, "#view-trash");
    await browser.waitUntil(async () => (await browser.$(".drafts").getText()).includes("Копия для отдела B2B"), { timeout: 5000 });
    await screenshot(browser, "10-trash");
    await click(browser, "button=Восстановить");
    await click(browser, "#view-drafts");
    await waitRows(2, "after restore");
    await clickElement(browser, await copyRow.$("button=Удалить"), "the copy's delete button");
    await waitRows(1, "deleted for good next");
    await click(browser, "#view-trash");
    await click(browser, "button=Очистить корзину");
    await click(browser, "button=Удалить навсегда");
    await browser.waitUntil(async () => (await (await browser.$("#view-trash")).getText()) === "Корзина (0)", { timeout: 5000 });
    await click(browser, "#view-drafts");
    await waitRows(1, "the original stays");
    assert.ok((await browser.$(".drafts").getText()).includes("ООО «Вектор»"), "the original agreement is still there");
    assert.ok(!(await browser.$(".drafts").getText()).includes("Копия для отдела B2B"));
    await screenshot(browser, "00-home-drafts");
  });

  it("shows an About box with the version from Cargo.toml and where drafts are kept", async () => {
    const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
    const version = cargo.match(/^version = "([^"]+)"/m)[1];
    await click(browser, "#about-open");
    await browser.$("#about-version").waitForDisplayed({ timeout: 5000 });
    assert.equal(await (await browser.$("#about-version")).getText(), version);
    const text = await (await browser.$("dialog.about")).getText();
    assert.ok(text.includes("SLA Studio"), text);
    assert.match(text, /(Publisher|Издатель)\s+SLA Studio/, `the publisher is shown: ${text}`);
    assert.ok(text.includes(process.env.SLA_STUDIO_DATA_DIR), `the data folder is shown: ${text}`);
    await screenshot(browser, "12-about");
    await click(browser, "#about-close");
    await browser.waitUntil(async () => !(await (await browser.$("dialog.about")).isDisplayed()), { timeout: 5000 });
  });

  it("never leaves a control of a scrolled page under the sticky header", async () => {
    // A list longer than the smallest window, whatever the fonts, so the page scrolls.
    if (await (await browser.$("#go-home")).isExisting()) await click(browser, "#go-home");
    await browser.$("#draft-search").waitForExist({ timeout: 10000 });
    const rows = async () => (await browser.$$(".drafts .draft-row")).length;
    while ((await rows()) < 8) {
      const before = await rows();
      await click(browser, '(//li[contains(@class,"draft-row")])[last()]//button[text()="Копировать"]');
      await browser.waitUntil(async () => (await rows()) > before, { timeout: 5000, timeoutMsg: "the copy did not appear" });
    }
    await browser.setWindowSize(1024, 700);
    await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= 1024, { timeout: 5000 });
    // From the bottom of the page, each control is scrolled into view by its nearest edge, as a
    // WebDriver click and the browser's own scrolling do.
    const underHeader = await browser.execute(() => {
      const header = document.querySelector(".app-header").getBoundingClientRect().bottom;
      const controls = document.querySelectorAll("main button, main input, main select, main textarea, main a[href]");
      const out = [];
      for (const el of controls) {
        window.scrollTo(0, document.documentElement.scrollHeight);
        el.scrollIntoView({ block: "nearest" });
        const r = el.getBoundingClientRect();
        if (r.height > 0 && r.top < header) out.push(`${el.id || el.textContent.trim()}: top ${Math.round(r.top)} < ${Math.round(header)}`);
      }
      return { out, scrolls: document.documentElement.scrollHeight > window.innerHeight, count: controls.length };
    });
    assert.ok(underHeader.scrolls, "the home screen is longer than the window");
    assert.ok(underHeader.count > 20, `${underHeader.count} controls checked`);
    assert.deepEqual(underHeader.out, [], "controls left under the header");
    // The tabs, reached from the bottom of the page, take a click where the header used to cover them.
    await browser.execute(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await screenshot(browser, "13-home-scrolled");
    await (await browser.$("#view-trash")).click();
    await browser.waitUntil(async () => (await (await browser.$("#view-trash")).getAttribute("aria-pressed")) === "true", { timeout: 5000 });
    await click(browser, "#view-drafts");
    await browser.setWindowSize(1200, 800);
  });
});
