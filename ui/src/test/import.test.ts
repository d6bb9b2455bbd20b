/**
 * Bringing a period's export into the reviews view, against the in-memory backend: the file chosen
 * (or dropped), its preview, a corrected mapping, the period computed and stored; a re-import that
 * shows what changes and asks; errors in words with the panel still usable; a figure entered by hand.
 */
import { emit } from "@tauri-apps/api/event";
import { cleanup, fireEvent, render, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import DropHint from "../components/reviews/DropHint.svelte";
import EnterFigure from "../components/reviews/EnterFigure.svelte";
import ImportPanel from "../components/reviews/ImportPanel.svelte";
import ReviewsView from "../components/reviews/ReviewsView.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { amoPreview, type MockExport } from "../lib/mock/reviews";
import { session } from "../lib/session.svelte";
import type { ReviewMapping, ReviewOverview } from "../lib/types/reviews";

let backend: MockBackend;
let draftId: number;

const JANUARY: MockExport["figures"] = {
  "2027-01": { "mql-per-rep": 120, "mql-acceptance": 60, "first-contact-time": 0.8 },
};

function el<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no element ${selector}`);
  return found as T;
}

async function choose(selector: string, value: string) {
  const select = el<HTMLSelectElement>(selector);
  expect([...select.options].map((o) => o.value), selector).toContain(value);
  select.value = value;
  await fireEvent.change(select);
}

async function typeInto(selector: string, value: string) {
  const input = el<HTMLInputElement>(selector);
  input.value = value;
  await fireEvent.input(input);
}

const calls = (cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

function panel(path: string | null = null) {
  const onimported = vi.fn<(o: ReviewOverview) => void>();
  const oncancel = vi.fn();
  render(ImportPanel, { draftId, path, onimported, oncancel });
  return { onimported, oncancel };
}

async function previewShown() {
  await waitFor(() => expect(document.getElementById("import-preview")).not.toBeNull());
}

async function computed() {
  await fireEvent.click(el("#import-compute"));
  await waitFor(() => expect(document.getElementById("import-result")).not.toBeNull());
}

beforeEach(() => {
  setLocale("en");
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  draftId = draft.info.id;
  backend.reviews.addExport("/exports/amocrm-2027-01.csv", { preview: amoPreview(), figures: JANUARY });
  backend.openPath = "/exports/amocrm-2027-01.csv";
  session.agreement = null;
});

describe("the import panel", () => {
  it("reads the chosen file, takes a corrected mapping and stores the period with it", async () => {
    const { onimported } = panel();
    await previewShown();

    // The system dialog was asked for exports only.
    const dialog = calls("plugin:dialog|open")[0];
    expect(JSON.stringify(dialog.args)).toContain('"extensions":["csv","xlsx","txt"]');
    expect(el("#import-file").textContent).toBe("amocrm-2027-01.csv: 12 rows");
    expect(el("#import-encoding").textContent).toBe("Windows-1251 (Cyrillic)");
    expect(el("#import-separator").textContent).toBe("semicolon (;)");
    const sample = el<HTMLTableElement>("#import-sample");
    expect(sample.tHead!.textContent).toContain("Этап сделки");
    expect(sample.tBodies[0].rows).toHaveLength(2);
    expect(el("#import-origin").textContent).toContain("Guessed from the column names");
    // The guess is preselected; the guidance says what each column is for.
    expect(el<HTMLSelectElement>('select[data-column="created"]').value).toBe("Дата создания");
    expect(el<HTMLSelectElement>('select[data-column="attempts"]').value).toBe("");
    expect(el(".import-guidance").textContent).toContain("response-time metrics");
    expect(el<HTMLSelectElement>('select[data-stage-value="Отказ"]').value).toBe("rejected");
    // The month most leads were created in is offered.
    expect(el<HTMLSelectElement>("#import-period").value).toBe("2027-01");
    expect(el("#import-period").textContent).toContain("January 2027: 12 leads");

    // Corrections: no rejection-reason column, "Новый лид" is not delivered yet.
    await choose('select[data-column="rejection_reason"]', "");
    await choose('select[data-stage-value="Новый лид"]', "");
    expect(document.getElementById("import-confirm")).toBeNull();

    await computed();
    expect(el("#import-leads").textContent).toBe("12 leads created in the month are counted.");
    const missed = el('#import-result tr[data-metric="mql-acceptance"]');
    expect(missed.dataset.status).toBe("missed");
    expect(missed.textContent).toContain("60%");
    expect(missed.textContent).toContain("≥ 70%");
    expect(missed.textContent).toContain("✗ missed");
    expect(el('#import-result tr[data-metric="mql-per-rep"]').textContent).toContain("✓ met");
    // A time metric's median, with its 90th percentile beside it.
    expect(el('#import-result tr[data-metric="first-contact-time"]').textContent).toMatch(/48 min\s*90th percentile 1 h 36 min/);
    expect(el('#import-result tr[data-metric="connect-rate"]').textContent).toContain("– no data");
    expect(calls("review_import")).toHaveLength(0);

    await fireEvent.click(el("#import-confirm"));
    await waitFor(() => expect(onimported).toHaveBeenCalledOnce());
    const stored = calls("review_import")[0].args;
    const mapping = stored.mapping as ReviewMapping;
    expect(stored).toMatchObject({ id: draftId, path: "/exports/amocrm-2027-01.csv", period: "2027-01", replace: false, language: "en" });
    expect(mapping.columns.rejection_reason).toBeNull();
    expect(mapping.columns.mql_values).toEqual([]);
    expect(mapping.columns.accepted_values).toEqual(["Квалифицирован"]);
    expect(mapping.columns.rejected_values).toEqual(["Отказ"]);
    expect(onimported.mock.calls[0][0].periods.map((p) => p.review.period)).toEqual(["2027-01"]);
  });

  it("reloads the stage values when another stage column is picked, and rebuilds the lists from them", async () => {
    panel();
    await previewShown();
    await choose('select[data-column="stage"]', "Ответственный");
    await waitFor(() => expect(document.querySelector('select[data-stage-value="Ольга Иванова"]')).not.toBeNull());
    expect(calls("review_stage_values")[0].args).toEqual({ path: "/exports/amocrm-2027-01.csv", column: "Ответственный" });
    expect(document.querySelector('select[data-stage-value="Отказ"]')).toBeNull();

    await choose('select[data-column="stage"]', "Этап сделки");
    await waitFor(() => expect(document.querySelector('select[data-stage-value="Квалифицирован"]')).not.toBeNull());
    // The mock guesses nothing for these values: the person says which is which.
    expect(el<HTMLSelectElement>('select[data-stage-value="Квалифицирован"]').value).toBe("");
    await choose('select[data-stage-value="Квалифицирован"]', "accepted");
    await computed();
    await fireEvent.click(el("#import-confirm"));
    await waitFor(() => expect(calls("review_import")).toHaveLength(1));
    const columns = (calls("review_import")[0].args.mapping as ReviewMapping).columns;
    expect(columns.stage).toBe("Этап сделки");
    expect(columns.accepted_values).toEqual(["Квалифицирован"]);
    expect(columns.mql_values).toEqual([]);
  });

  it("reads a dropped file without the dialog, shows what a re-import changes and replaces only when asked", async () => {
    backend.handle("review_import", { id: draftId, path: "/exports/amocrm-2027-01.csv", mapping: amoPreview().mapping, period: "2027-01", replace: false });
    backend.reviews.addExport("/exports/again.csv", {
      preview: amoPreview("again.csv"),
      figures: { "2027-01": { "mql-per-rep": 90, "mql-acceptance": 60, "first-contact-time": 0.8 } },
    });
    const { onimported, oncancel } = panel("/exports/again.csv");
    await previewShown();
    expect(calls("plugin:dialog|open")).toHaveLength(0);
    expect(el("#import-period").textContent).toContain("January 2027: 12 leads, already imported");
    expect(el("#import-period-stored").textContent).toContain("you will see what changes");

    await computed();
    expect(el("#import-changes").textContent).toContain("MQLs per sales rep: 120 → 90");
    expect(el("#import-changes").textContent).not.toContain("acceptance");
    expect(document.getElementById("import-confirm")).toBeNull();

    // Changing the month or the mapping drops the computed figures, and the question with them.
    await choose('select[data-column="owner"]', "");
    expect(document.getElementById("import-changes")).toBeNull();
    expect(document.getElementById("import-replace")).toBeNull();
    await computed();

    await fireEvent.click(el("#import-replace"));
    await waitFor(() => expect(onimported).toHaveBeenCalledOnce());
    expect(calls("review_import").at(-1)!.args).toMatchObject({ path: "/exports/again.csv", replace: true });
    expect(backend.reviews.periods.get(draftId)![0].figures["mql-per-rep"]).toBe(90);
    expect(oncancel).not.toHaveBeenCalled();
  });

  it("asks before replacing a period stored elsewhere after the preview", async () => {
    const { onimported } = panel();
    await previewShown();
    await computed();
    expect(document.getElementById("import-changes")).toBeNull();
    // The command line imports the same month meanwhile.
    backend.handle("review_import", { id: draftId, path: "/exports/amocrm-2027-01.csv", mapping: amoPreview().mapping, period: "2027-01", replace: false });

    await fireEvent.click(el("#import-confirm"));
    await waitFor(() => expect(document.getElementById("import-changes")).not.toBeNull());
    expect(el("#import-changes").textContent).toContain("2027-01 already has figures from amocrm-2027-01.csv");
    expect(onimported).not.toHaveBeenCalled();
    await fireEvent.click(el("#import-replace"));
    await waitFor(() => expect(onimported).toHaveBeenCalledOnce());
    expect(calls("review_import").at(-1)!.args.replace).toBe(true);
  });

  it("cancel keeps what was stored", async () => {
    const { oncancel } = panel();
    await previewShown();
    await computed();
    await fireEvent.click(el("#import-cancel"));
    expect(oncancel).toHaveBeenCalledOnce();
    expect(calls("review_import")).toHaveLength(0);
    expect(backend.reviews.periods.get(draftId) ?? []).toEqual([]);
  });

  it("says what is wrong with a file in words and stays usable", async () => {
    const handle = backend.reviews.handle.bind(backend.reviews);
    vi.spyOn(backend.reviews, "handle").mockImplementation((cmd, args) => {
      if (cmd === "review_inspect" && args.path === "/exports/locked.xlsx") {
        throw { kind: "export", message: "/exports/locked.xlsx: the workbook is encrypted; save it without a password and choose it again" };
      }
      return handle(cmd, args);
    });
    backend.openPath = "/exports/locked.xlsx";
    panel();
    await waitFor(() => expect(document.getElementById("import-error")).not.toBeNull());
    expect(el("#import-error").textContent).toContain("/exports/locked.xlsx: the workbook is encrypted");
    expect(document.getElementById("import-preview")).toBeNull();

    // Another file can be chosen at once.
    backend.openPath = "/exports/amocrm-2027-01.csv";
    expect(el<HTMLButtonElement>("#import-choose").disabled).toBe(false);
    await fireEvent.click(el("#import-choose"));
    await previewShown();
    expect(document.getElementById("import-error")).toBeNull();

    // A required column left out is named, and nothing can be computed.
    await choose('select[data-column="id"]', "");
    expect(el("#import-missing-id").textContent).toBe("Choose the column for “Lead ID”: no lead can be read without it.");
    expect(el('select[data-column="id"]').getAttribute("aria-invalid")).toBe("true");
    expect(el<HTMLButtonElement>("#import-compute").disabled).toBe(true);
    // A column read twice is worth a word, but allowed.
    await choose('select[data-column="id"]', "ID");
    await choose('select[data-column="first_contact"]', "Дата создания");
    expect(el("#import-mapping-warnings").textContent).toContain("“Дата создания” is read as Created, First contact");
    expect(el<HTMLButtonElement>("#import-compute").disabled).toBe(false);
    expect(calls("review_import")).toHaveLength(0);
  });

  it("shows why the offered mapping cannot read the leads", async () => {
    const preview = amoPreview("hubspot.csv");
    preview.read_error = 'hubspot.csv: no column "Create Date" (the creation column); the file has: ID, Ответственный';
    preview.file.format = { kind: "csv", encoding: "utf8", separator: "," };
    backend.reviews.addExport("/exports/hubspot.csv", { preview, figures: {} });
    panel("/exports/hubspot.csv");
    await previewShown();
    expect(el("#import-read-error").textContent).toContain('no column "Create Date"');
    expect(el("#import-encoding").textContent).toBe("UTF-8");
    expect(el("#import-separator").textContent).toBe("comma (,)");
  });

  it("names a workbook's sheet instead of a separator", async () => {
    const preview = amoPreview("leads.xlsx");
    preview.file.format = { kind: "xlsx", sheet: "Leads" };
    backend.reviews.addExport("/exports/leads.xlsx", { preview, figures: {} });
    panel("/exports/leads.xlsx");
    await previewShown();
    expect(el("#import-preview .format").textContent).toMatch(/Encoding\s*Excel workbook \(no text encoding to guess\)\s*Sheet\s*“Leads”/);
  });

  it("offers the term's months when the offered mapping cannot read the leads, and computes once corrected", async () => {
    const preview = amoPreview("renamed.csv");
    preview.mapping.columns.id = "";
    preview.read_error = 'renamed.csv: the lead id column is not mapped; the file has: ID, Ответственный, …';
    preview.periods = [];
    preview.suggested = null;
    backend.reviews.addExport("/exports/renamed.csv", { preview, figures: JANUARY });
    const { onimported } = panel("/exports/renamed.csv");
    await previewShown();
    expect(el("#import-no-periods").textContent).toContain("pick the month the export is for");
    await waitFor(() => expect(el<HTMLSelectElement>("#import-period").options.length).toBe(13));
    const months = el<HTMLSelectElement>("#import-period");
    expect(months.value).toBe("");
    expect(months.options[1].textContent!.trim()).toBe("December 2027");
    expect(el<HTMLButtonElement>("#import-compute").disabled).toBe(true);

    await choose('select[data-column="id"]', "ID");
    expect(el<HTMLButtonElement>("#import-compute").disabled).toBe(true);
    await choose("#import-period", "2027-01");
    expect(el<HTMLButtonElement>("#import-compute").disabled).toBe(false);
    await computed();
    await fireEvent.click(el("#import-confirm"));
    await waitFor(() => expect(onimported).toHaveBeenCalledOnce());
    expect(calls("review_import")[0].args).toMatchObject({ period: "2027-01", mapping: { columns: { id: "ID" } } });
  });

  it("is busy while a file is read, its buttons disabled", async () => {
    let release: (() => void) | null = null;
    const handle = backend.reviews.handle.bind(backend.reviews);
    vi.spyOn(backend.reviews, "handle").mockImplementation((cmd, args) => {
      if (cmd !== "review_inspect") return handle(cmd, args);
      return new Promise((resolve) => (release = () => resolve(handle(cmd, args))));
    });
    panel();
    await waitFor(() => expect(el("#import-panel").getAttribute("aria-busy")).toBe("true"));
    expect(el<HTMLButtonElement>("#import-choose").disabled).toBe(true);
    expect(el("#import-panel").textContent).toContain("Reading amocrm-2027-01.csv…");
    release!();
    await previewShown();
    expect(el("#import-panel").getAttribute("aria-busy")).toBe("false");
  });

  it("shows the file dropped last when an earlier one answers later", async () => {
    let release: (() => void) | null = null;
    const handle = backend.reviews.handle.bind(backend.reviews);
    vi.spyOn(backend.reviews, "handle").mockImplementation((cmd, args) => {
      if (cmd === "review_inspect" && args.path === "/exports/amocrm-2027-01.csv") {
        return new Promise((resolve) => (release = () => resolve(handle(cmd, args))));
      }
      return handle(cmd, args);
    });
    const hubspot = amoPreview("hubspot.csv");
    hubspot.headers = ["Record ID", "Contact owner", "Create Date", "Lead Status", "Disqualification Reason", "First Outreach Date"];
    hubspot.mapping.columns = { ...hubspot.mapping.columns, id: "Record ID", owner: "Contact owner", created: "Create Date", stage: "Lead Status" };
    hubspot.mapping.columns.rejection_reason = null;
    hubspot.mapping.columns.first_contact = null;
    backend.reviews.addExport("/exports/hubspot.csv", { preview: hubspot, figures: {} });
    const { rerender } = render(ImportPanel, { draftId, path: "/exports/amocrm-2027-01.csv", onimported: vi.fn(), oncancel: vi.fn() });
    await waitFor(() => expect(release).not.toBeNull());
    await rerender({ path: "/exports/hubspot.csv" });
    await waitFor(() => expect(document.getElementById("import-file")?.textContent).toBe("hubspot.csv: 12 rows"));
    release!();
    await new Promise((r) => setTimeout(r, 50));
    expect(el("#import-file").textContent).toBe("hubspot.csv: 12 rows");
    expect(el("#import-panel").dataset.path).toBe("/exports/hubspot.csv");
    expect(el<HTMLSelectElement>('select[data-column="id"]').value).toBe("Record ID");
    expect(el<HTMLSelectElement>('select[data-column="created"]').value).toBe("Create Date");
    expect(el<HTMLSelectElement>('select[data-column="first_contact"]').value).toBe("");
    expect(el("#import-panel").getAttribute("aria-busy")).toBe("false");
  });

  it("speaks Russian", async () => {
    setLocale("ru");
    panel();
    await previewShown();
    expect(el("#import-file").textContent).toBe("amocrm-2027-01.csv: 12 строк");
    expect(el("#import-encoding").textContent).toBe("Windows-1251 (кириллица)");
    expect(el("#import-separator").textContent).toBe("точка с запятой (;)");
    expect(el("#import-period").textContent).toContain("Январь 2027: 12 лидов");
    await computed();
    expect(el("#import-leads").textContent).toBe("Учтено 12 лидов, созданных в этом месяце.");
    expect(el('#import-result tr[data-metric="mql-acceptance"]').textContent).toContain("✗ не выполнено");
  });
});

describe("a file dropped on the window", () => {
  it("shows where to drop while dragged over, then hands over the dropped path", async () => {
    const ondrop = vi.fn();
    render(DropHint, { ondrop });
    // Listening starts asynchronously: drag until the hint shows.
    await waitFor(async () => {
      await emit("tauri://drag-enter", { paths: ["/exports/amocrm-2027-01.csv"], position: { x: 10, y: 10 } });
      expect(document.getElementById("drop-hint")).not.toBeNull();
    });
    // The four listeners register one after another; the last is for leaving.
    await waitFor(async () => {
      await emit("tauri://drag-leave", null);
      expect(document.getElementById("drop-hint")).toBeNull();
    });
    await emit("tauri://drag-over", { position: { x: 12, y: 12 } });
    await waitFor(() => expect(document.getElementById("drop-hint")).not.toBeNull());
    await emit("tauri://drag-drop", { paths: ["/exports/amocrm-2027-01.csv", "/exports/other.csv"], position: { x: 10, y: 10 } });
    await waitFor(() => expect(ondrop).toHaveBeenCalledWith("/exports/amocrm-2027-01.csv"));
    expect(ondrop).toHaveBeenCalledOnce();
    expect(document.getElementById("drop-hint")).toBeNull();
  });

  it("opens the reviews view's import panel with the dropped file, skipping the dialog", async () => {
    const draft = backend.handle("open_draft", { id: draftId }) as { info: typeof session.draft; agreement: typeof session.agreement };
    session.draft = draft.info;
    session.agreement = draft.agreement;
    render(ReviewsView);
    await waitFor(() => expect(document.getElementById("import-start")).not.toBeNull());
    await waitFor(async () => {
      await emit("tauri://drag-drop", { paths: ["/exports/amocrm-2027-01.csv"], position: { x: 10, y: 10 } });
      expect(document.getElementById("import-panel")).not.toBeNull();
    });
    await previewShown();
    expect(el("#import-panel").dataset.path).toBe("/exports/amocrm-2027-01.csv");
    expect(calls("plugin:dialog|open")).toHaveLength(0);
    // Closed, the panel forgets the dropped file: the import button asks for one again.
    await fireEvent.click(el("#import-cancel"));
    await fireEvent.click(el("#import-start"));
    await waitFor(() => expect(calls("plugin:dialog|open")).toHaveLength(1));
  });
});

describe("a figure entered by hand", () => {
  function form(props: { metric?: string | null; period?: string | null } = {}) {
    const agreement = backend.drafts.get(draftId)!.agreement;
    agreement.commitments[1].metrics[0].collection = { method: "manual" };
    session.agreement = agreement;
    const overview = backend.reviews.overview(draftId);
    const onentered = vi.fn<(o: ReviewOverview) => void>();
    const oncancel = vi.fn();
    render(EnterFigure, { overview, onentered, oncancel, ...props });
    return { onentered, oncancel, manual: agreement.commitments[1].metrics[0] };
  }

  it("offers the metrics entered by hand first, checks the value and stores it", async () => {
    const { onentered, manual } = form();
    const metric = el<HTMLSelectElement>("#figure-metric");
    expect(metric.value).toBe(manual.id);
    expect(metric.options[0].parentElement!.getAttribute("label")).toBe("Entered by hand");
    const period = el<HTMLSelectElement>("#figure-period");
    expect(period.options).toHaveLength(12);
    expect(period.value).toBe("2027-01");
    expect(period.options[11].textContent).toBe("December 2027");

    await typeInto("#figure-value", "twelve");
    await typeInto("#figure-by", "Olga Ivanova");
    await fireEvent.submit(el("#figure-save").closest("form")!);
    expect(el("#figure-value-problem").textContent).toBe("Enter a number, such as 12.5.");
    expect(el("#figure-value").getAttribute("aria-invalid")).toBe("true");
    expect(calls("review_enter_figure")).toHaveLength(0);

    await typeInto("#figure-value", "12,5");
    expect(document.getElementById("figure-value-problem")).toBeNull();
    expect(el("#figure-note-hint").textContent).toContain("A note is recommended");
    await typeInto("#figure-note", "Counted from the call log");
    expect(document.getElementById("figure-note-hint")).toBeNull();
    await choose("#figure-period", "2027-02");
    await fireEvent.submit(el("#figure-save").closest("form")!);
    await waitFor(() => expect(onentered).toHaveBeenCalledOnce());
    expect(calls("review_enter_figure")[0].args).toEqual({
      id: draftId,
      metric: manual.id,
      period: "2027-02",
      value: 12.5,
      by: "Olga Ivanova",
      note: "Counted from the call log",
      language: "en",
    });
    const entered = onentered.mock.calls[0][0];
    expect(entered.entered).toMatchObject([{ metric_id: manual.id, period: "2027-02", value: 12.5 }]);
    // The next figure is offered under the same name.
    await waitFor(() => expect(backend.settings.get("reviews.entered_by")).toBe("Olga Ivanova"));
    cleanup();
    form();
    await waitFor(() => expect(el<HTMLInputElement>("#figure-by").value).toBe("Olga Ivanova"));
  });

  it("starts on the metric and month it was opened for, and says who must be named", async () => {
    form({ metric: "connect-rate", period: "2027-03" });
    expect(el<HTMLSelectElement>("#figure-metric").value).toBe("connect-rate");
    expect(el<HTMLSelectElement>("#figure-period").value).toBe("2027-03");
    expect(el("#figure-unit").textContent).toBe("%");
    await typeInto("#figure-value", "48");
    await fireEvent.submit(el("#figure-save").closest("form")!);
    expect(el("#figure-by-problem").textContent).toBe("Say who entered the figure.");
    expect(calls("review_enter_figure")).toHaveLength(0);
  });

  it("shows the store's refusal in the form", async () => {
    const overview = backend.reviews.overview(draftId);
    const onentered = vi.fn();
    render(EnterFigure, { overview, onentered, oncancel: vi.fn(), metrics: [{ id: "gone", name: "A removed metric", unit: "count", manual: true }] });
    await typeInto("#figure-value", "3");
    await typeInto("#figure-by", "Olga");
    await fireEvent.submit(el("#figure-save").closest("form")!);
    await waitFor(() => expect(el("#figure-error").textContent).toContain("has no metric `gone`"));
    expect(onentered).not.toHaveBeenCalled();
    expect(el<HTMLButtonElement>("#figure-save").disabled).toBe(false);
  });
});
