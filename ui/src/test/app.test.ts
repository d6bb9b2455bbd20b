/**
 * The window as a whole against the in-memory backend: opening a draft, typing, autosave, the
 * language switch, findings that lead to their field, and text that stays text.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";

let backend: MockBackend;

async function openExample(step = "parties", ui = "en") {
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  backend.settings.set("ui.last_draft_id", String(draft.info.id));
  backend.settings.set("ui.last_step", step);
  backend.settings.set("ui.language", ui);
  render(App);
  await screen.findByRole("heading", { level: 1 });
  return draft.info.id;
}

function input(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el as HTMLInputElement;
}

async function type(el: HTMLInputElement | HTMLTextAreaElement, text: string) {
  el.focus();
  for (const ch of text) {
    el.value += ch;
    await fireEvent.input(el);
  }
}

const saves = () => backend.calls.filter((c) => c.cmd === "save_draft");

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
});

describe("the wizard window", () => {
  it("comes back to the draft and the step it was closed on", async () => {
    await openExample("deadlines");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Deadlines");
    expect(input("f-deadlines-calendar-timezone").value).toBe("Europe/Moscow");
  });

  it("saves once after typing stops, keeps the same input element, and shows the version", async () => {
    const id = await openExample();
    const name = input("f-parties-marketing-head-name");
    await type(name, " Jr");
    expect(saves()).toHaveLength(0);
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 2000 });
    expect((saves()[0].args.agreement as { parties: { marketing: { head: { name: string } } } }).parties.marketing.head.name).toBe(
      "Anna Petrova Jr",
    );
    expect(saves()[0].args.id).toBe(id);
    // The very same element: re-rendering it would lose the caret and the undo history.
    expect(input("f-parties-marketing-head-name")).toBe(name);
    expect(document.activeElement).toBe(name);
    await waitFor(() => expect(screen.getByText(/Saved · version 2 ·/)).toBeTruthy());
  });

  it("lets a number be cleared and retyped without putting the old one back", async () => {
    await openExample();
    const months = input("f-term-duration_months");
    months.value = "";
    await fireEvent.input(months);
    await tick();
    expect(months.value).toBe("");
    expect(screen.getByRole("alert").textContent).toBe("Enter a number.");
    expect(session.agreement!.term.duration_months).toBe(12);
    await type(months, "18");
    expect(months.value).toBe("18");
    expect(session.agreement!.term.duration_months).toBe(18);
    await type(months, "x");
    expect(screen.getByRole("alert").textContent).toBe("Enter a number, e.g. 12 or 0.5.");
    expect(session.agreement!.term.duration_months).toBe(18);
  });

  it("brings back an earlier version in place", async () => {
    await openExample();
    const title = input("f-title");
    const original = title.value;
    await type(title, " v2");
    await waitFor(() => expect(screen.getByText(/Saved · version 2/)).toBeTruthy(), { timeout: 2000 });
    await fireEvent.click(document.getElementById("history-open")!);
    await waitFor(() => expect(screen.getByText("Version 1")).toBeTruthy());
    await fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(title.value).toBe(original));
    expect(input("f-title")).toBe(title);
    await waitFor(() => expect(screen.getByText(/Saved · version 3/)).toBeTruthy());
    expect(backend.drafts.get(1)!.agreement.title).toBe(original);
  });

  it("shows a failed save and saves again on retry", async () => {
    await openExample();
    backend.failNextSave = "database is locked";
    await type(input("f-title"), "!");
    await waitFor(() => expect(screen.getByText(/Not saved yet/)).toBeTruthy(), { timeout: 2000 });
    await fireEvent.click(screen.getByRole("button", { name: "Try now" }));
    await waitFor(() => expect(screen.getByText(/Saved · version 2/)).toBeTruthy());
    expect(backend.drafts.get(1)!.agreement.title.endsWith("!")).toBe(true);
  });

  it("on a full disk keeps the changes, stays on the draft, and saves them once there is room", async () => {
    await openExample();
    backend.diskFull = true;
    await type(input("f-title"), " (kept)");
    const status = () => document.getElementById("save-status")!;
    await waitFor(() => expect(status().textContent).toContain("Not saved yet: the disk is full"), { timeout: 2000 });
    expect(status().textContent).toContain("kept here, next try in");
    expect(status().dataset.reason).toBe("disk_full");

    // Leaving would drop the only copy of the changes: the draft stays open and says why.
    await fireEvent.click(document.getElementById("go-home")!);
    await screen.findByText(/Your latest changes are not saved yet/);
    expect(session.view).toBe("wizard");
    expect(input("f-title").value.endsWith(" (kept)")).toBe(true);

    backend.diskFull = false;
    await fireEvent.click(screen.getByRole("button", { name: "Try now" }));
    await waitFor(() => expect(status().textContent).toMatch(/Saved · version 2/));
    expect(backend.drafts.get(1)!.agreement.title.endsWith(" (kept)")).toBe(true);
  });

  it("switches the interface language without touching what was typed", async () => {
    await openExample();
    const title = input("f-title");
    await type(title, " (draft)");
    await fireEvent.click(screen.getByRole("button", { name: "Русский" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Стороны и услуги");
    expect(screen.getByLabelText(/Название\*?$/)).toBe(title);
    expect(title.value).toBe("Service-level agreement between Marketing and Sales (draft)");
    expect(document.documentElement.lang).toBe("ru");
    await waitFor(() => expect(backend.settings.get("ui.language")).toBe("ru"));
    await fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Parties and service");
  });

  it("links every finding to the field that fixes it", async () => {
    await openExample("review");
    session.agreement!.parties.sales.head.name = "";
    session.agreement!.monitoring.review_cadence = null;
    await waitFor(() => expect(screen.getAllByRole("button", { name: /Fix in/ })).toHaveLength(2), { timeout: 3000 });
    await fireEvent.click(screen.getAllByRole("button", { name: /Fix in/ })[0]);
    await tick();
    await waitFor(() => expect(document.activeElement?.id).toBe("f-parties-sales-head-name"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Parties and service");

    await fireEvent.click(document.getElementById("step-link-review")!);
    await fireEvent.click(await screen.findByRole("button", { name: "Fix in “Monitoring and reporting”" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-monitoring-review_cadence"));
  });

  it("keeps a metric open and the caret in its name while the name is rewritten", async () => {
    await openExample("performance");
    const card = document.getElementById("f-commitments-0-metrics-0") as HTMLDetailsElement;
    expect(card.open).toBe(false);
    card.open = true;
    card.dispatchEvent(new Event("toggle"));
    const name = input("f-commitments-0-metrics-0-name");
    name.value = "";
    await fireEvent.input(name);
    await type(name, "MQL");
    await tick();
    expect(card.open).toBe(true);
    expect(document.activeElement).toBe(name);
    expect(card.querySelector("summary")!.textContent).toContain("MQL");
  });

  it("writes the funnel calculator's figure into the MQL target with one action", async () => {
    await openExample("performance");
    const metric = session.agreement!.commitments[0].metrics[0];
    (document.getElementById("funnel") as HTMLDetailsElement).open = true;
    await fireEvent.click(document.getElementById("funnel-compute")!);
    await waitFor(() => expect(document.getElementById("funnel-apply")).not.toBeNull());
    const apply = document.getElementById("funnel-apply")!;
    // 30 000 000 / 500 000 = 60 deals; at 50% x 60% x 50% x 33.3% = 4.995% that is 1202 MQLs a
    // year, for 5 reps 21 each a month (rounded up).
    expect(apply.textContent).toContain("21");
    await fireEvent.click(apply);
    await waitFor(() => expect(document.getElementById("funnel")!.textContent).toContain("changed from 100 to 21 per rep a month"));
    expect(session.agreement!.commitments[0].metrics[0]).toBe(metric);
    expect(metric.target).toBe(21);
    expect(input("f-commitments-0-metrics-0-target").value).toBe("21");
    type Saved = { commitments: { metrics: { target: number }[] }[] };
    await waitFor(() => expect((saves().at(-1)?.args.agreement as Saved | undefined)?.commitments[0].metrics[0].target).toBe(21), {
      timeout: 2000,
    });
  });

  it("marks the steps complete or not in the step bar", async () => {
    await openExample();
    const bar = screen.getByRole("navigation", { name: "Steps of the agreement" });
    expect(bar.querySelectorAll(".step-link.complete")).toHaveLength(7);
    session.agreement!.monitoring.reports = [];
    await tick();
    expect(document.getElementById("step-link-monitoring")!.className).toContain("incomplete");
    expect(document.getElementById("step-link-monitoring")!.textContent).toContain("To fill in");
  });

  it("labels every field of every step", async () => {
    await openExample();
    for (const step of ["parties", "performance", "monitoring", "deadlines", "consequences", "review", "signoff"] as const) {
      session.step = step;
      await tick();
      for (const d of document.querySelectorAll("details")) d.open = true;
      const unlabelled = [...document.querySelectorAll<HTMLInputElement>("input, select, textarea")]
        .filter((el) => el.type !== "hidden")
        .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute("aria-label"))
        .map((el) => el.id || el.outerHTML);
      expect(unlabelled, step).toEqual([]);
    }
  });

  it("shows markup typed into a field as text everywhere", async () => {
    await openExample();
    const markup = `<img src=x onerror="window.__pwned=1"><b>bold</b>`;
    await type(input("f-parties-marketing-department"), markup);
    await type(input("f-title"), markup);
    await fireEvent.click(document.getElementById("step-link-review")!);
    await screen.findByRole("heading", { name: "Review" });
    expect(document.querySelectorAll("img")).toHaveLength(0);
    expect(document.querySelectorAll("main b")).toHaveLength(0);
    expect(document.body.textContent).toContain(`Marketing${markup}`);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe("the drafts list", () => {
  it("deletes with undo, restores from the trash and creates from a template", async () => {
    backend = installMockBackend();
    backend.handle("create_draft", { template: "sales-marketing", language: "en" });
    render(App);
    const open = await screen.findByRole("button", { name: "Service-level agreement between Marketing and Sales" });
    expect(open).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.getByText(/moved to the trash/)).toBeTruthy());
    expect(screen.getByRole("button", { name: "Trash (1)" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Trash (0)" })).toBeTruthy());
    expect(backend.calls.map((c) => c.cmd)).toContain("restore_draft");

    await fireEvent.click(screen.getByLabelText("Blank agreement", { exact: false }));
    await fireEvent.click(screen.getByLabelText("English"));
    await fireEvent.click(screen.getByRole("button", { name: "Create agreement" }));
    await screen.findByRole("heading", { name: "Parties and service" });
    expect(backend.calls.find((c) => c.cmd === "create_draft" && c.args.template === "blank")?.args.language).toBe("en");
    expect(backend.settings.get("ui.last_draft_id")).toBe("2");
  });
});
