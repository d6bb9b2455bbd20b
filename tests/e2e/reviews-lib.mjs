// The reviews suite's and its performance run's CRM exports, written at run time so that nothing
// big is committed, and the window helpers both share (system file dialogs, signing through the
// window's own commands, reading the compliance grid and the charts' pixels). The agreement is the built-in `sales-marketing` template in English: term
// from 2027-01-01, business calendar Europe/Moscow, Monday to Friday 09:00–18:00, no holidays.
// Its metrics and targets (`sla-studio template sales-marketing`):
//   mql-per-rep        MQLs per sales rep           ≥ 100 a month
//   mql-acceptance     Sales acceptance rate        ≥ 70 %
//   mql-data-complete  Complete lead records        ≥ 95 %   (no export gives it)
//   first-contact-time Time to first contact        ≤ 1 business hour (median)
//   follow-up-attempts Follow-up attempts …         share of MQLs with ≥ 5 attempts
//   connect-rate       Connected conversations      ≥ 50 %   (no export gives it)
//   rejection-reasons  Rejected leads with a reason ≥ 95 %
// Its first escalation step fires on two misses in a row (`missed_in_a_row 2`), due on the review
// day after the period with no extra days; the `lead-plan` remedy when a metric of `mkt-leads`
// achieves below 80 % of its target.
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { SCREENS, click, sleep } from "./lib.mjs";

/**
 * January 2027 as amoCRM exports deals: `;`, Russian headers, `DD.MM.YYYY HH:MM:SS` in Moscow
 * time, Windows-1251, CRLF. 11 January is a Monday, 16 January a Saturday. (The leads of
 * `tests/review_cli.rs`, whose figures that test checks through the CLI.)
 *
 * | lead | rep   | created          | stage        | first contact   | business hours to it |
 * |------|-------|------------------|--------------|-----------------|----------------------|
 * | 101  | Ivan  | Mon 11.01 10:00  | accepted     | Mon 11.01 10:30 | 0.5                  |
 * | 102  | Ivan  | Mon 11.01 17:30  | rejected+why | Tue 12.01 09:45 | 0.5 + 0.75 = 1.25    |
 * | 103  | Olga  | Sat 16.01 12:00  | MQL          | Mon 18.01 11:00 | from Mon 09:00: 2    |
 * | 104  | Olga  | Wed 20.01 09:00  | accepted     | Wed 20.01 09:20 | 1/3                  |
 * | 105  | Olga  | Thu 21.01 09:00  | accepted     | (none)          | never contacted      |
 *
 * mql-per-rep: 5 delivered by 2 reps = 2.5 (target 100): MISSED.
 * mql-acceptance: 3 of 5 = 60 % (target 70 %): missed.
 * first-contact-time: median of 1/3, 0.5, 1.25, 2 = 0.875 h (target ≤ 1): MET.
 * rejection-reasons: 1 of 1 rejected has a reason = 100 %: met.
 * connect-rate: no export gives it: no data.
 */
export const JANUARY = {
  period: "2027-01",
  expected: {
    "mql-per-rep": { status: "missed", actual: 2.5 },
    "mql-acceptance": { status: "missed", actual: 60 },
    "first-contact-time": { status: "met", actual: 0.875 },
    "rejection-reasons": { status: "met", actual: 100 },
    "connect-rate": { status: "no_data", actual: null },
  },
  text: [
    "ID;Название сделки;Бюджет;Ответственный;Дата создания сделки;Этап сделки;Воронка;Теги;Источник;Дата первого контакта;Причина отказа;Количество попыток",
    "101;Запрос демо;10000;Иван Смирнов;11.01.2027 10:00:00;Принят в работу;Продажи;;Сайт;11.01.2027 10:30:00;;2",
    "102;Запрос цены;5000;Иван Смирнов;11.01.2027 17:30:00;Некачественный лид;Продажи;;Сайт;12.01.2027 09:45:00;Нет бюджета;5",
    "103;Вебинар;0;Ольга Иванова;16.01.2027 12:00:00;Квалифицирован;Продажи;;Вебинар;18.01.2027 11:00:00;;1",
    "104;Звонок;0;Ольга Иванова;20.01.2027 09:00:00;Принят в работу;Продажи;;Звонок;20.01.2027 09:20:00;;1",
    "105;Звонок;0;Ольга Иванова;21.01.2027 09:00:00;Принят в работу;Продажи;;Звонок;;;",
  ]
    .map((line) => `${line}\r\n`)
    .join(""),
};

/**
 * February 2027 as HubSpot exports contacts: UTF-8, `,`, every cell quoted, English headers, ISO
 * dates without a zone (read in the calendar's zone, Moscow). 1 February is a Monday, 6 February a
 * Saturday. HubSpot calls the first contact "First Outreach Date", a header the mapping's guess
 * does not know: the guess leaves the first-contact column empty, and a person picks it.
 *
 * | lead | rep      | created         | lead status  | first outreach   | business hours to it |
 * |------|----------|-----------------|--------------|------------------|----------------------|
 * | 5201 | Alex Kim | Mon 01.02 10:00 | IN_PROGRESS  | Mon 01.02 10:20  | 1/3                  |
 * | 5202 | Alex Kim | Tue 02.02 11:00 | IN_PROGRESS  | Tue 02.02 11:30  | 0.5                  |
 * | 5203 | Dana Fox | Wed 03.02 17:00 | UNQUALIFIED  | Thu 04.02 09:30  | 1 + 0.5 = 1.5        |
 * | 5204 | Dana Fox | Fri 05.02 14:00 | IN_PROGRESS  | Fri 05.02 15:00  | 1                    |
 * | 5205 | Dana Fox | Sat 06.02 10:00 | NEW          | Mon 08.02 09:45  | from Mon 09:00: 0.75 |
 *
 * mql-per-rep: 5 delivered by 2 reps = 2.5 (target 100): MISSED again, the second month running,
 *   so escalation step 0 (`missed_in_a_row 2`) fires, due on the review day, Monday 2027-03-01.
 * mql-acceptance: 3 of 5 accepted = 60 %: missed.
 * first-contact-time, with the first-contact column picked: sorted 1/3, 0.5, 0.75, 1, 1.5, median
 *   0.75 h (target ≤ 1): MET. With the guess as it is (no such column): no data.
 * rejection-reasons: 5203 has a disqualification reason: 1 of 1 = 100 %: met.
 * connect-rate: entered by hand in the test (55 %, target ≥ 50 %): met.
 */
export const FEBRUARY = {
  period: "2027-02",
  correctedColumn: "first_contact",
  correctedHeader: "First Outreach Date",
  expected: {
    "mql-per-rep": { status: "missed", actual: 2.5 },
    "mql-acceptance": { status: "missed", actual: 60 },
    "first-contact-time": { status: "met", actual: 0.75 },
    "rejection-reasons": { status: "met", actual: 100 },
    "connect-rate": { status: "no_data", actual: null },
  },
  /** Without the corrected column the first contact is unknown. */
  uncorrected: { "first-contact-time": { status: "no_data", actual: null } },
  text: [
    ["Record ID", "First Name", "Last Name", "Email", "Contact owner", "Create Date", "Lead Status", "Lifecycle Stage", "First Outreach Date", "Disqualification Reason", "Number of times contacted"],
    ["5201", "Jane", "Doe", "jane@example.com", "Alex Kim", "2027-02-01 10:00", "IN_PROGRESS", "salesqualifiedlead", "2027-02-01 10:20", "", "3"],
    ["5202", "John", "Roe", "john@example.com", "Alex Kim", "2027-02-02 11:00", "IN_PROGRESS", "salesqualifiedlead", "2027-02-02 11:30", "", "2"],
    ["5203", "Mia", "Poe", "mia@example.com", "Dana Fox", "2027-02-03 17:00", "UNQUALIFIED", "marketingqualifiedlead", "2027-02-04 09:30", "No budget", "5"],
    ["5204", "Lee", "Ray", "lee@example.com", "Dana Fox", "2027-02-05 14:00", "IN_PROGRESS", "salesqualifiedlead", "2027-02-05 15:00", "", "1"],
    ["5205", "Ada", "Moe", "ada@example.com", "Dana Fox", "2027-02-06 10:00", "NEW", "marketingqualifiedlead", "2027-02-08 09:45", "", "0"],
  ]
    .map((row) => `${row.map((cell) => `"${cell}"`).join(",")}\n`)
    .join(""),
};

/** The figure entered by hand: February's connected conversations, from the telephony report. */
export const HAND_FIGURE = { metric: "connect-rate", period: "2027-02", value: "55", by: "Igor Smirnov", note: "Telephony report, February" };

/** Writes January's export in Windows-1251 (glibc's iconv, on every Debian system). */
export function writeJanuary(path) {
  writeFileSync(path, execFileSync("iconv", ["-f", "UTF-8", "-t", "WINDOWS-1251"], { input: JANUARY.text }));
}

export function writeFebruary(path) {
  writeFileSync(path, FEBRUARY.text, "utf8");
}

const OWNERS = ["Анна Смирнова", "Пётр Иванов", "Ольга Кузнецова", "Игорь Белов", "Елена Соколова", "Дмитрий Орлов", "Мария Волкова", "Сергей Ёжиков"];
const STAGES = ["Квалифицирован", "Принят в работу", "Некачественный лид"];

/** A small deterministic generator (the benchmark's), so every run writes the same file. */
function lcg(seed) {
  let state = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return (below) => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & mask;
    return Number((state >> 33n) % BigInt(below));
  };
}

/**
 * A big amoCRM-style export (UTF-8, `;`), shaped as `src-tauri/crates/sla-compliance/benches/
 * pipeline.rs` writes it (about 300 bytes a lead, 14 columns, 8 reps, three stages, a tenth never
 * contacted), with every lead in one of `months` (`["2027-03"]`, or twelve months spread evenly).
 * Resolves to the file's size in bytes.
 */
export async function writeBigExport(path, rows, months) {
  const out = createWriteStream(path);
  const header = "ID;Название сделки;Бюджет;Ответственный;Дата создания;Этап;Воронка;Теги;Источник;Дата первого контакта;Причина отказа;Количество попыток;Компания;Примечание";
  let chunk = `${header}\n`;
  let bytes = 0;
  const next = lcg(7);
  for (let i = 0; i < rows; i++) {
    const [year, month] = months[i % months.length].split("-");
    const day = 1 + next(28);
    const hour = 8 + next(11);
    const minute = next(60);
    const stage = STAGES[next(STAGES.length)];
    const contactAfter = next(600);
    const contactHour = hour + Math.floor(contactAfter / 60);
    const pad = (n) => String(n).padStart(2, "0");
    const contact = next(10) === 0 || contactHour > 23 ? "" : `${pad(day)}.${month}.${year} ${pad(contactHour)}:${pad(minute)}:00`;
    const reason = stage === "Некачественный лид" && next(4) > 0 ? "Нет бюджета" : "";
    chunk += [
      18_000_000 + i,
      `Заявка с сайта №${i}: консультация`,
      `${10 + next(500)} 000`,
      OWNERS[next(OWNERS.length)],
      `${pad(day)}.${month}.${year} ${pad(hour)}:${pad(minute)}:00`,
      stage,
      "Входящие лиды",
      "сайт, весна-2027",
      "Яндекс.Директ",
      contact,
      reason,
      1 + next(7),
      `ООО «Компания ${next(5000)}»`,
      "Перезвонить после обеда",
    ].join(";");
    chunk += "\n";
    if (chunk.length > 1 << 16) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, "finish");
  return bytes;
}

/** The twelve months of the template's term. */
export const TERM_MONTHS = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, "0")}`);

// ---------------------------------------------------------------------------------------------
// Window helpers.

export { answerFileDialog } from "./lib.mjs";

/** Waits until `path` exists and its size has stopped changing. */
export async function waitForFile(browser, path) {
  let last = -1;
  await browser.waitUntil(
    async () => {
      if (!existsSync(path)) return false;
      const size = statSync(path).size;
      const settled = size > 0 && size === last;
      last = size;
      return settled;
    },
    { timeout: 30000, interval: 200, timeoutMsg: `${path} was not written` },
  );
}

/** Calls a window command the way the UI does (its one IPC entry point) and resolves to its answer. */
export async function invoke(browser, command, args) {
  const result = await browser.executeAsync(
    (command, args, done) => {
      window.__TAURI_INTERNALS__.invoke(command, args).then(
        (ok) => done({ ok: ok ?? null }),
        (error) => done({ error }),
      );
    },
    command,
    args,
  );
  if ("error" in result) throw new Error(`${command} failed: ${JSON.stringify(result.error)}`);
  return result.ok;
}

/**
 * Signs draft `id` in the marketing head's block through the window's own commands: export the PDF,
 * make a signing identity, sign. Only the window's `sign_pdf` records which version was signed (the
 * CLI's `sign` writes a signed file but keeps no record in the store), and the sign-off screen is
 * signing.e2e's subject, so this goes through the commands rather than the form and its dialogs.
 */
export async function signInWindow(browser, id, dir) {
  const exported = join(dir, "agreement.pdf");
  const signed = join(dir, "agreement-signed.pdf");
  await invoke(browser, "export_pdf", { id, language: "en", path: exported });
  const passphrase = "marketing passphrase";
  const identity = await invoke(browser, "identity_create", {
    identity: { name: "Anna Petrova", role: "Head of Marketing", department: "Marketing", organization: "", email: "a.petrova@example.com", key: "p256" },
    passphrase,
  });
  await invoke(browser, "sign_pdf", {
    input: exported,
    output: signed,
    identity: identity.id,
    passphrase,
    remember: false,
    options: { field: "auto", typed_signature: null, drawn_signature: [] },
    language: "en",
  });
  const record = await invoke(browser, "signed_version", { id });
  if (!record || !record.signers.includes("Anna Petrova")) throw new Error(`draft ${id} is not recorded as signed: ${JSON.stringify(record)}`);
  return signed;
}

/** Every cell of the compliance grid, by `metric|period`: its status and text. */
export async function gridCells(browser) {
  return browser.execute(() => {
    const out = {};
    for (const td of document.querySelectorAll("table#compliance-grid td[data-metric][data-period]")) {
      out[`${td.dataset.metric}|${td.dataset.period}`] = { status: td.dataset.status, text: td.textContent.replace(/\s+/g, " ").trim() };
    }
    return out;
  });
}

/** Waits until the grid has a cell for `metric` in `period` with `status`; returns the cell. */
export async function waitCell(browser, metric, period, status, timeout = 30000) {
  let cells = {};
  await browser
    .waitUntil(
      async () => {
        cells = await gridCells(browser);
        return cells[`${metric}|${period}`]?.status === status;
      },
      { timeout, interval: 100 },
    )
    .catch(() => {
      const seen = cells[`${metric}|${period}`];
      throw new Error(`grid cell ${metric} ${period} never became ${status}; it is ${seen ? JSON.stringify(seen) : "missing"}`);
    });
  return cells[`${metric}|${period}`];
}

/**
 * In the page: the number of pixels each chart's canvas has drawn (alpha above zero), by metric
 * id, read back with getImageData. A canvas nothing was drawn on counts 0.
 */
export const countChartInk = () => {
  const out = {};
  for (const figure of document.querySelectorAll("figure.metric-chart[data-metric]")) {
    let ink = 0;
    for (const canvas of figure.querySelectorAll("canvas")) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) ink++;
    }
    out[figure.dataset.metric] = ink;
  }
  return out;
};

export async function chartInk(browser) {
  return browser.execute(countChartInk);
}

/** Saves the chart of `metric` as the page drew it (its canvas's own PNG, from toDataURL). */
export async function saveChartPng(browser, metric, name) {
  const url = await browser.execute((metric) => document.querySelector(`figure.metric-chart[data-metric="${metric}"] canvas`)?.toDataURL("image/png") ?? null, metric);
  if (!url) throw new Error(`no canvas in the chart of ${metric}`);
  mkdirSync(SCREENS, { recursive: true });
  const path = join(SCREENS, `${name}.png`);
  writeFileSync(path, Buffer.from(url.slice(url.indexOf(",") + 1), "base64"));
  return path;
}

/** Sets a select found by CSS selector as its option list would, with the input and change events. */
export async function chooseBy(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10000 });
  const now = await browser.execute(
    (el, value) => {
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      return el.value;
    },
    el,
    value,
  );
  if (now !== value) {
    const options = await browser.execute((el) => [...el.options].map((o) => o.value), el);
    throw new Error(`${selector}: chose ${JSON.stringify(value)} but it shows ${JSON.stringify(now)} (options ${JSON.stringify(options)})`);
  }
}

/** Types into the element `selector` finds as lib's `fill` does: select all, type, check. */
export async function fillBy(browser, selector, text) {
  const el = await browser.$(selector);
  await click(browser, selector);
  await browser.keys(["Control", "a"]);
  await browser.keys(["Backspace"]);
  if (text) await el.addValue(text);
  const value = await el.getValue();
  if (value !== text) throw new Error(`${selector}: typed ${JSON.stringify(text)} but it holds ${JSON.stringify(value)}`);
}

/** The `sla-studio` CLI against the same data folder as the window (tauri-driver passes it on). */
export function cli(args) {
  try {
    return { code: 0, stdout: execFileSync(process.env.SLA_STUDIO_BIN, args, { encoding: "utf8", stdio: "pipe", env: { ...process.env, DISPLAY: "" } }) };
  } catch (e) {
    if (typeof e.status !== "number") throw e;
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}
