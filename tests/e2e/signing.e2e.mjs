// Sign-off end to end on the real app: export an agreement, make a signing identity, sign in the
// first head's block, countersign with a drawn signature as the second head, see the signed
// version frozen and an edit turn into an amendment whose PDF lists the change in an annex, and
// open the signed PDF to verify it.
// The system's file dialogs are answered by typing into them (xdotool, lib's answerFileDialog); the signed files are
// checked by poppler's pdfsig, which nobody here wrote.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SCREENS, answerFileDialog, choose, click, endSession, fill, goToStep, reveal, scrollToTop, sleep, startApp, waitSaved } from "./lib.mjs";

const dir = mkdtempSync(join(tmpdir(), "sla-signing-"));
const exported = join(dir, "agreement.pdf");
const signedOnce = join(dir, "agreement-signed.pdf");
const signedTwice = join(dir, "agreement-countersigned.pdf");
const amended = join(dir, "agreement-amended.pdf");

let browser;

/** Clicks a button that opens the save dialog and saves as `path`. */
async function saveAs(selector, path) {
  await answerFileDialog(browser, selector, path, "save");
}

/** Clicks a button that opens the open dialog and chooses `path`. */
async function openFile(selector, path) {
  await answerFileDialog(browser, selector, path, "open");
}

/** What the virtual display shows, the window and any dialog over it, saved for people to look at. */
async function screenshot(name) {
  mkdirSync(SCREENS, { recursive: true });
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await sleep(200);
  execFileSync("import", ["-window", "root", join(SCREENS, `${name}.png`)]);
}

/** Clicks like lib's `click`, and on failure says which element and keeps a picture of the screen. */
async function tap(selector) {
  try {
    await click(browser, selector);
  } catch (e) {
    const name = `failed-click-${selector.replace(/[^a-z0-9-]+/gi, "_")}`;
    await screenshot(name).catch(() => {});
    throw new Error(`clicking ${selector} failed (screen in ${name}.png): ${e.message}`);
  }
}

async function text(selector) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10000 });
  return el.getText();
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

/** pdfsig's verdict on every signature of `file`. */
function pdfsig(file) {
  try {
    return execFileSync("pdfsig", [file], { encoding: "utf8" });
  } catch (e) {
    return `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
}

/** Draws a signature with the pointer, the way a person does with a mouse. */
async function drawSignature() {
  const canvas = await browser.$("#signature-canvas");
  await reveal(browser, canvas, "the drawing pad");
  // Points as fractions of the pad's half-width and half-height from its centre, so the strokes
  // stay on the pad whatever size the window and the fonts make it.
  const strokes = [
    [[-0.8, 0.1], [-0.65, -0.5], [-0.5, 0.3], [-0.35, -0.4], [-0.15, 0.25]],
    [[0, 0], [0.2, -0.3], [0.4, 0.15], [0.6, -0.25], [0.8, 0.1]],
  ];
  const { width, height } = await canvas.getSize();
  const at = ([fx, fy]) => ({ x: Math.round((fx * width) / 2), y: Math.round((fy * height) / 2) });
  for (const stroke of strokes) {
    let action = browser.action("pointer", { parameters: { pointerType: "mouse" } });
    const [first, ...rest] = stroke;
    action = action.move({ origin: canvas, ...at(first) }).down();
    for (const point of rest) action = action.move({ origin: canvas, ...at(point), duration: 30 });
    await action.up().perform();
  }
}

async function createIdentity({ expectName, passphrase, key, screen }) {
  await tap("#identity-new");
  assert.equal(await (await browser.$("#identity-name")).getValue(), expectName);
  if (key) await choose(browser, "identity-key", key);
  await fill(browser, "identity-passphrase", passphrase);
  await fill(browser, "identity-repeat", passphrase);
  if (screen) await screenshot(screen);
  await tap("#identity-save");
  await (await browser.$("#identity-form")).waitForExist({ reverse: true, timeout: 60000 });
}

describe("sign-off on the real app", { concurrency: false }, () => {
  let marketingHead;
  let salesHead;

  before(async () => {
    browser = await startApp();
    await browser.$("#create-agreement, #step-heading").waitForExist({ timeout: 20000 });
  });
  after(async () => {
    if (browser) await endSession(browser);
  });

  it("exports an English agreement from the template with both heads as signatories", async () => {
    if (await (await browser.$("#go-home")).isExisting()) await tap("#go-home");
    await tap("#ui-lang-en");
    await tap("#template-sales-marketing");
    await tap("#new-lang-en");
    await tap("#create-agreement");
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    await goToStep(browser, "signoff");
    await tap("#f-signatories .item-head button");
    marketingHead = await (await browser.$("#f-signatories-0-name")).getValue();
    salesHead = await (await browser.$("#f-signatories-1-name")).getValue();
    assert.ok(marketingHead && salesHead, "the template names both heads");
    await waitSaved(browser);

    await saveAs("#export-pdf", exported);
    await waitText(".ok[role=status]", /agreement\.pdf/);
    assert.ok(existsSync(exported), "the PDF is written where the save dialog said");
    await waitText("#signature-verdict", /no signatures/);
    assert.match(await text("#waiting-for"), new RegExp(`${marketingHead}.*${salesHead}`));
    assert.match(await text("#identities-empty"), /No signing identity yet/);
  });

  it("makes the first head's signing identity from the signatory's details", async () => {
    await createIdentity({ expectName: marketingHead, passphrase: "marketing passphrase", screen: "19-new-identity" });
    await browser.$("#sign-form").waitForExist({ timeout: 10000 });
    assert.match(await text("#identities .identity-row"), new RegExp(marketingHead));
    assert.match(await text("#identities .identity-row"), /RSA-2048 · valid until .* · Self-signed/);
    assert.equal(await (await browser.$("#sign-field")).getValue(), "sig-1");
    assert.equal(await (await browser.$("#sign-typed")).getValue(), marketingHead);
  });

  it("refuses a wrong passphrase in words and writes nothing", async () => {
    await fill(browser, "sign-passphrase", "not the passphrase");
    await saveAs("#sign-button", signedOnce);
    assert.match(await waitText("#sign-error", /passphrase/i), /passphrase/i);
    assert.ok(!existsSync(signedOnce), "nothing written after a wrong passphrase");
  });

  it("signs the first head's block; pdfsig finds the signature valid", async () => {
    await fill(browser, "sign-passphrase", "marketing passphrase");
    await saveAs("#sign-button", signedOnce);
    await waitText("#signature-verdict", /All signatures are valid \(1\)/);
    assert.ok(existsSync(signedOnce));
    assert.match(await text("#signature-1"), new RegExp(marketingHead));
    assert.match(await text("#signature-1"), /Trusted/, "your own certificate is trusted");
    assert.match(await text("#waiting-for"), new RegExp(salesHead));
    const verdict = pdfsig(signedOnce);
    assert.match(verdict, /Signature Validation: Signature is Valid/);
    assert.match(verdict, /Total document signed/);
    await waitText("#frozen-banner", new RegExp(`is signed by ${marketingHead} and frozen`));
    await scrollToTop(browser, "#signature-report");
    await screenshot("20-signed-once");
  });

  it("countersigns in the second head's block with a drawn signature", async () => {
    // The new-identity form now offers the signatory who has no identity yet.
    await createIdentity({ expectName: salesHead, passphrase: "sales passphrase", key: "p256" });
    await browser.waitUntil(async () => (await (await browser.$("#sign-field")).getValue()) === "sig-2", {
      timeout: 5000,
      timeoutMsg: "the form did not offer the second head's block",
    });
    // From the keyboard, as a person who does not use the mouse would: the arrow key moves the
    // choice from a typed signature to a drawn one.
    await browser.execute(() => document.getElementById("sign-kind-typed").focus());
    await browser.keys(["ArrowRight"]);
    assert.equal(await (await browser.$("#sign-kind-drawn")).isSelected(), true);
    await drawSignature();
    await screenshot("21-drawn-signature");
    await fill(browser, "sign-passphrase", "sales passphrase");
    await saveAs("#sign-button", signedTwice);
    await waitText("#signature-verdict", /All signatures are valid \(2\)/);
    assert.match(await text("#signature-2"), new RegExp(salesHead));
    assert.match(await text("#signature-1"), /Only later signatures were added after this one/);
    assert.match(await text("#all-signed"), /Every signatory has signed/);
    const verdict = pdfsig(signedTwice);
    assert.equal((verdict.match(/Signature is Valid/g) ?? []).length, 2, verdict);
    await waitText("#frozen-banner", new RegExp(`${marketingHead}, ${salesHead}`));
    await scrollToTop(browser, "#signature-report");
    await screenshot("22-countersigned");
  });

  it("turns an edit of the signed version into an amendment", async () => {
    await goToStep(browser, "parties");
    const title = await browser.$("#f-title");
    await title.waitForExist({ timeout: 5000 });
    await fill(browser, "f-title", `${await title.getValue()} (amended)`);
    await waitSaved(browser);
    await waitText("#frozen-banner", /Amendment: version \d+ was signed/);
    await screenshot("23-amendment");
  });

  it("exports the amendment with an annex listing the change, naming the signed agreement", async () => {
    await goToStep(browser, "signoff");
    await saveAs("#export-pdf", amended);
    await waitText(".ok[role=status]", /agreement-amended\.pdf/);
    const pdf = execFileSync("pdftotext", [amended, "-"], { encoding: "utf8" });
    const flat = pdf.replace(/\s+/g, " ");
    assert.match(flat, /AMENDMENT TO THE SERVICE-LEVEL AGREEMENT/);
    assert.match(flat, /Annex\. Changes to the signed agreement/);
    assert.match(flat, /1\. Title: “[^”]*” → “[^”]*\(amended\)”/);
    // The signed agreement, by the fingerprint its own footer printed.
    const signedText = execFileSync("pdftotext", [signedTwice, "-"], { encoding: "utf8" });
    const hash = /SHA-256 of the agreement data: ([0-9a-f]{64})/.exec(signedText)?.[1];
    assert.ok(hash, "the signed PDF's footer names its fingerprint");
    assert.ok(pdf.replace(/\s+/g, "").includes(hash), "the annex names the signed agreement's fingerprint");
  });

  it("opens the countersigned PDF from the home screen and verifies it, in Russian too", async () => {
    await tap("#go-home");
    await tap("#open-signatures");
    await openFile("#choose-pdf", signedTwice);
    await waitText("#signature-verdict", /All signatures are valid \(2\)/);
    await tap("#ui-lang-ru");
    await waitText("#signature-verdict", /Все подписи действительны \(2\)/);
    assert.match(await text("#signature-2"), /Действительна/);
    await screenshot("24-verify-russian");
    await tap("#ui-lang-en");
  });

  it("says plainly when the chosen file is not a PDF, and keeps the screen usable", async () => {
    const junk = join(dir, "notes.pdf");
    writeFileSync(junk, "meeting notes, not a PDF");
    await openFile("#choose-pdf", junk);
    assert.match(await waitText("#desk-error", /PDF/), /not a PDF/);
    await openFile("#choose-pdf", signedTwice);
    await waitText("#signature-verdict", /All signatures are valid \(2\)/);
  });
});
