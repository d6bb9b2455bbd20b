// Helpers for driving the real SLA Studio window through tauri-driver (W3C WebDriver on
// 127.0.0.1, port WEBDRIVER_PORT or 4444, which starts the app through WebKitWebDriver).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync, mkdirSync, realpathSync } from "node:fs";
import { basename, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const SCREENS = join(HERE, "..", "artifacts", "screens");

/** A WebDriver session on a freshly started app process. */
export async function startApp(binary = process.env.SLA_STUDIO_BIN) {
  if (!binary) throw new Error("SLA_STUDIO_BIN must name the built sla-studio binary");
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.WEBDRIVER_PORT ?? 4444),
    logLevel: "error",
    connectionRetryCount: 1,
    capabilities: { "tauri:options": { application: binary } },
  });
  return browser;
}

/** Ends the session; the app may already be gone (killed), which is fine. */
export async function endSession(browser) {
  try {
    await browser.deleteSession();
  } catch {
    // The app was killed: the driver has nothing left to close.
  }
}

/** Process ids whose executable is `binary`, i.e. the app instances this run started. */
export function appPids(binary = process.env.SLA_STUDIO_BIN) {
  const target = realpathSync(binary);
  const pids = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/exe`) === target) pids.push(Number(name));
    } catch {
      // Not ours, or gone.
    }
  }
  return pids;
}

/** The process and all its descendants. */
export function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // Gone.
    }
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

export function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/**
 * Proportional set size in kB, from /proc/<pid>/smaps_rollup. Pages shared with other processes
 * count by their share, so the figure drops while other programs map the same libraries.
 */
export function pssKb(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+) kB/m.exec(text)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Running WebKit processes (web, network), by process id. */
export function webkitPids() {
  const pids = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const comm = processName(name);
    if (comm.startsWith("WebKit") && comm !== "WebKitWebDriver") pids.push(Number(name));
  }
  return pids;
}

/** Kills the app the hard way, as a crash or a power cut would, and waits until it is gone. */
export async function killApp(binary = process.env.SLA_STUDIO_BIN) {
  const pids = appPids(binary);
  if (pids.length === 0) throw new Error("no running app to kill");
  for (const pid of pids) process.kill(pid, "SIGKILL");
  for (let i = 0; i < 100 && appPids(binary).length > 0; i++) await sleep(50);
  return pids;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function screenshot(browser, name) {
  mkdirSync(SCREENS, { recursive: true });
  // Let the window paint what the last command changed before it is captured.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await sleep(200);
  const path = join(SCREENS, `${name}.png`);
  await browser.saveScreenshot(path);
  return path;
}

/** Replaces the text of an input or text area the way a person does: select all, type. */
export async function fill(browser, id, text) {
  const el = await browser.$(`[id="${id}"]`);
  await clickElement(browser, el, `#${id}`);
  await browser.keys(["Control", "a"]);
  await browser.keys(["Backspace"]);
  if (text) await el.addValue(text);
  const value = await el.getValue();
  if (value !== text) throw new Error(`#${id}: typed ${JSON.stringify(text)} but the field holds ${JSON.stringify(value)}`);
}

/** Picks an option of a select by its value, through the keyboard-free DOM API plus a change event. */
export async function choose(browser, id, value) {
  const el = await browser.$(`[id="${id}"]`);
  await reveal(browser, el, `#${id}`);
  // Set as the option list sets it: a native pop-up menu left open would take the next click.
  await browser.execute(
    (el, value) => {
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    el,
    value,
  );
  const now = await el.getValue();
  if (now !== value) throw new Error(`#${id}: chose ${value} but the select shows ${now}`);
}

/**
 * Sets a date input. Native date pickers take keystrokes in the system's own order of day, month
 * and year, so the value is set as the picker would set it, with the same input event.
 */
export async function setDate(browser, id, iso) {
  await (await browser.$(`[id="${id}"]`)).waitForExist({ timeout: 5000 });
  await browser.execute(
    (id, iso) => {
      const el = document.getElementById(id);
      el.value = iso;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    id,
    iso,
  );
}

/**
 * Scrolls an element to the middle of the window, clear of the sticky header above and of overlay
 * scroll bars and messages at the bottom edge, then waits until it is shown, enabled and the
 * topmost thing at its centre. Nothing here depends on pixel positions, fonts or the window's
 * size; a control that something still covers fails with what covers it. (That scrolling by the
 * nearest edge, as the browser does, never leaves a control under the header is a test of its own.)
 */
export async function reveal(browser, el, what = "the element") {
  await el.waitForExist({ timeout: 5000 });
  let seen = "";
  await browser.waitUntil(
    async () => {
      seen = await browser.execute((el) => {
        el.scrollIntoView({ block: "center", inline: "nearest" });
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return "not shown";
        if (el.disabled) return "disabled";
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const targets = [el, ...(el.labels ?? [])];
        if (hit && targets.some((t) => t === hit || t.contains(hit))) return "";
        const name = (n) => (n ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""}${n.className ? `.${String(n.className).split(" ").join(".")}` : ""}` : "nothing");
        return `covered by ${name(hit)} at y=${Math.round(r.top)}`;
      }, el);
      return seen === "";
    },
    { timeout: 5000, interval: 100 },
  ).catch(() => {
    throw new Error(`${what} cannot be clicked: ${seen}`);
  });
}

/** Scrolls the page so that the element starts just below the header, as a link to it would. */
export async function scrollToTop(browser, selector) {
  await (await browser.$(selector)).waitForExist({ timeout: 5000 });
  await browser.execute((selector) => document.querySelector(selector).scrollIntoView({ block: "start" }), selector);
}

/** Clicks an element once it is in view, enabled and uncovered. */
export async function clickElement(browser, el, what) {
  await reveal(browser, el, what);
  await el.click();
}

export async function click(browser, selector) {
  await clickElement(browser, await browser.$(selector), selector);
}

export async function goToStep(browser, step) {
  const link = await browser.$(`#step-link-${step}`);
  if ((await link.getAttribute("aria-current")) === "step") return;
  await click(browser, `#step-link-${step}`);
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "step-heading", {
    timeout: 5000,
    timeoutMsg: `step ${step} did not open`,
  });
}

export async function heading(browser) {
  return (await browser.$("#step-heading")).getText();
}

/** Waits until the header says the draft is saved, and returns what it says. */
export async function waitSaved(browser) {
  const status = await browser.$("#save-status");
  await browser.waitUntil(async () => (await status.getAttribute("data-state")) === "saved", {
    timeout: 10000,
    timeoutMsg: "the draft was not saved",
  });
  return status.getText();
}

/** The value of every field of the current step, by element id. */
export async function fieldValues(browser) {
  return browser.execute(() => {
    const out = {};
    for (const el of document.querySelectorAll("input[id], textarea[id], select[id]")) {
      if (!el.id.startsWith("f-") && !el.id.startsWith("workday-") && !el.id.startsWith("basis-")) continue;
      out[el.id] = el.type === "checkbox" || el.type === "radio" ? el.checked : el.value;
    }
    return out;
  });
}

/** Ids of the visible top-level windows on the virtual display. */
function visibleWindows() {
  try {
    return execFileSync("xdotool", ["search", "--onlyvisible", "--name", "."], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

/** Whether X says the window is a dialog (GTK marks its file chooser so). */
function isDialog(id) {
  try {
    return execFileSync("xprop", ["-id", id, "_NET_WM_WINDOW_TYPE"], { encoding: "utf8" }).includes("_NET_WM_WINDOW_TYPE_DIALOG");
  } catch {
    return false;
  }
}

function windowName(id) {
  try {
    return execFileSync("xdotool", ["getwindowname", id], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

/**
 * Clicks `selector`, which opens a system file dialog (GTK's, on the virtual display), and answers
 * it the way a person does: types `path` and presses Enter. The dialog is found as the window that
 * was not there before the click, so its title (the app may name it) does not matter. `kind` is
 * "open" or "save": the save dialog's name field has the focus, the open dialog needs its location
 * field (Ctrl+L). Resolves to the time (ms since the epoch) just before Enter was pressed.
 */
export async function answerFileDialog(browser, selector, path, kind) {
  const before = new Set(visibleWindows());
  await click(browser, selector);
  let dialog = null;
  const clickedAt = Date.now();
  await browser
    .waitUntil(
      async () => {
        // A new window marked as a dialog; any new named one if none is marked within 3 s.
        const fresh = visibleWindows().filter((w) => !before.has(w) && windowName(w) !== "");
        dialog = fresh.find(isDialog) ?? (Date.now() - clickedAt > 3000 ? fresh[0] : undefined) ?? null;
        return dialog !== null;
      },
      { timeout: 20000, interval: 100 },
    )
    .catch(() => {
      const names = visibleWindows().map(windowName).join(", ");
      throw new Error(`${selector} opened no file dialog within 20 s (visible windows: ${names})`);
    });
  // On a loaded machine GTK may not have drawn the location field when the keys arrive, and the
  // path goes in short (Enter then opens a folder, or nothing). The dialog then stays: answer it again,
  // replacing whatever its field holds.
  let answeredAt = 0;
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && !visibleWindows().includes(dialog)) break; // it closed late after all
    execFileSync("xdotool", ["windowfocus", "--sync", dialog]);
    await sleep(300 * attempt);
    if (kind !== "save") {
      execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+l"]);
      await sleep(300 * attempt);
    }
    execFileSync("xdotool", ["key", "--clearmodifiers", "ctrl+a"]);
    await sleep(100 * attempt);
    execFileSync("xdotool", ["type", "--delay", String(5 * attempt), path]);
    await sleep(200 * attempt);
    answeredAt = Date.now();
    execFileSync("xdotool", ["key", "Return"]);
    const closed = await browser
      .waitUntil(async () => !visibleWindows().includes(dialog), { timeout: 8000, interval: 50 })
      .then(() => true)
      .catch(() => false);
    if (closed) break;
    console.error(`# the file dialog for ${path} stayed open after answer ${attempt}`);
    if (attempt === 3) {
      mkdirSync(SCREENS, { recursive: true });
      const shot = join(SCREENS, `dialog-stuck-${basename(path)}.png`);
      try {
        execFileSync("import", ["-window", "root", shot]);
      } catch {
        // the message below is what matters
      }
      throw new Error(
        `the file dialog "${windowName(dialog)}" for ${path} did not close after 3 answers (screen in ${shot})`,
      );
    }
  }
  return answeredAt;
}
