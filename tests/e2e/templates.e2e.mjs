// Templates and the checks that teach, on the real app. The start screen lists a template for each
// way of selling with when to choose it, and the company's own from the templates folder beside
// the store (a broken file named with its reason); an agreement started from the call-centre
// template; a lead volume its team cannot work and a time zone that does not exist are flagged on
// the review step, each with the rule or source it applies, and each link takes the person to the
// field. Screenshots in both languages go to tests/artifacts/screens/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { click, clickElement, endSession, fill, goToStep, heading, screenshot, startApp, waitSaved } from "./lib.mjs";

const DATA = process.env.SLA_STUDIO_DATA_DIR;
let browser;

/** The finding on the review step at `field` whose message contains `words`. */
async function findingAt(field, words) {
  const items = await browser.$$(".finding");
  for (const item of items) {
    const link = await item.$(".finding-link");
    if ((await link.getAttribute("data-field")) !== field) continue;
    const text = await item.getText();
    if (text.includes(words)) return { item, link, text };
  }
  const all = await Promise.all(items.map((i) => i.getText()));
  throw new Error(`no finding at ${field} saying "${words}"; the review shows:\n${all.join("\n---\n")}`);
}

/** Clicks a finding's link and waits until the field it names has the focus. */
async function followFinding(link, field) {
  await clickElement(browser, link, `the finding link for ${field}`);
  const expected = "f-" + field.replace(/\[(\d+)\]/g, ".$1").replace(/\./g, "-");
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id ?? "")) === expected, {
    timeout: 5000,
    timeoutMsg: `clicking the finding for ${field} did not focus #${expected}`,
  });
}

describe("templates and the checks that teach", { concurrency: false }, () => {
  before(async () => {
    assert.ok(DATA, "run.sh sets SLA_STUDIO_DATA_DIR");
    // The company's own: an exported agreement as it is, and a file that is not JSON.
    const folder = join(DATA, "templates");
    mkdirSync(folder, { recursive: true });
    const own = JSON.parse(execFileSync(process.env.SLA_STUDIO_BIN, ["template", "long-cycle", "--lang", "en"], { encoding: "utf8" }));
    own.title = "Energy projects and tenders";
    writeFileSync(join(folder, "Energy Projects.sla.json"), JSON.stringify(own, null, 2));
    writeFileSync(join(folder, "broken.json"), "{ not json");
    browser = await startApp();
    await browser.$("#create-agreement").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("lists a template for each way of selling, the company's own, and says which file it left out", async () => {
    await click(browser, "#ui-lang-en");
    for (const name of ["sales-marketing", "outbound-abm", "call-centre", "long-cycle", "partner-channel", "energy-projects", "blank"]) {
      assert.ok(await (await browser.$(`#template-${name}`)).isExisting(), `#template-${name} is offered`);
    }
    const choices = await browser.$(".new-agreement fieldset").getText();
    assert.ok(choices.includes("Energy projects and tenders"), choices);
    assert.equal(choices.split("Choose this when").length - 1, 6, `every built-in one says when to choose it:\n${choices}`);
    const problems = await browser.$(".template-problems").getText();
    assert.ok(problems.includes("broken.json") && problems.includes("not JSON"), problems);
    await screenshot(browser, "templates-home-en");
    await click(browser, "#ui-lang-ru");
    await browser.waitUntil(async () => (await browser.$(".new-agreement fieldset").getText()).includes("Выберите, если"), {
      timeout: 5000,
      timeoutMsg: "the templates were not described in Russian",
    });
    assert.ok((await browser.$(".template-problems").getText()).includes("не в формате JSON"));
    await screenshot(browser, "templates-home-ru");
    await click(browser, "#ui-lang-en");
  });

  it("starts an agreement from the call-centre template, with its plan", async () => {
    await click(browser, "#template-call-centre");
    await click(browser, "#new-lang-en");
    await click(browser, "#create-agreement");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    await goToStep(browser, "performance");
    const reps = await browser.$("#f-plan-sales_reps");
    assert.equal(await reps.getValue(), "12", "the plan's agents");
    await reps.scrollIntoView({ block: "start" });
    await screenshot(browser, "templates-plan-en");
  });

  it("flags a lead volume the team cannot work and takes the person to it", async () => {
    // The contact centre's team target: 3,000 leads a month for 12 agents; ten times that is
    // 500 hours of calls for each, who have 80.
    await click(browser, "#f-commitments-0-metrics-0 > summary");
    await fill(browser, "f-commitments-0-metrics-0-target", "30000");
    await waitSaved(browser);
    await goToStep(browser, "review");
    const { item, link, text } = await findingAt("commitments[0].metrics[0].target", "cannot work the leads");
    assert.ok(text.includes("choosing metrics (5)"), `the finding cites the article's rule:\n${text}`);
    await item.scrollIntoView({ block: "center" });
    await screenshot(browser, "templates-finding-capacity-en");
    await followFinding(link, "commitments[0].metrics[0].target");
    assert.equal(await heading(browser), "Performance levels");
    await screenshot(browser, "templates-finding-capacity-field");
  });

  it("flags a time zone that does not exist, offers the real ones, and cites IANA", async () => {
    await goToStep(browser, "deadlines");
    const zones = await browser.execute(() => document.querySelectorAll("#timezones option").length);
    assert.ok(zones > 300, `the time-zone list offers every IANA zone (${zones})`);
    await fill(browser, "f-deadlines-calendar-timezone", "Europe/Moskow");
    await waitSaved(browser);
    await goToStep(browser, "review");
    const { text } = await findingAt("deadlines.calendar.timezone", "Europe/Moskow");
    assert.ok(text.includes("Europe/Moscow") && text.includes("IANA"), text);
    await click(browser, "#ui-lang-ru");
    const ru = await findingAt("deadlines.calendar.timezone", "Europe/Moskow");
    assert.ok(ru.text.includes("базе IANA"), ru.text);
    await ru.item.scrollIntoView({ block: "center" });
    await screenshot(browser, "templates-finding-timezone-ru");
    await followFinding(ru.link, "deadlines.calendar.timezone");
  });
});
