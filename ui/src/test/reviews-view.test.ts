/**
 * The reviews view against the mock backend with two stored months: the grid's cells by status,
 * the charts made once and redrawn when another month is chosen, what fired and marking it done
 * and not done, the report written, opened and taken to the signing desk, the calendar saved, and
 * the overview read again in Russian when the interface switches.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import ReviewsView from "../components/reviews/ReviewsView.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { SEED_FIGURES, seedReviews } from "../lib/mock/reviews-seed";
import { openReviews } from "../lib/navigation";
import { session, toasts } from "../lib/session.svelte";

// jsdom has no canvas: a stand-in for uPlot that counts what the view asks of it.
const plots = vi.hoisted(() => ({ made: 0, setData: 0, redraw: 0, destroyed: 0 }));
vi.mock("uplot", () => ({
  default: class {
    static pxRatio = 1;
    root: HTMLElement;
    constructor(_options: unknown, _data: unknown, target: HTMLElement) {
      plots.made++;
      this.root = document.createElement("div");
      this.root.append(document.createElement("canvas"));
      target.append(this.root);
    }
    setData() {
      plots.setData++;
    }
    redraw() {
      plots.redraw++;
    }
    setSize() {}
    destroy() {
      plots.destroyed++;
      this.root.remove();
    }
  },
}));

// Dropping files is the import panel's (tested with it); here the listener is left out.
vi.mock("../lib/reviews/filedrop", () => ({ onFileDrop: async () => () => {} }));

let backend: MockBackend;

function el<T extends HTMLElement = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`no element ${selector}`);
  return found;
}

const cell = (metric: string, period: string) => el(`#compliance-grid td[data-metric="${metric}"][data-period="${period}"]`);

async function opened(months: string[] = ["2027-01", "2027-02"]) {
  backend = installMockBackend();
  const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
  seedReviews(backend, draft.info.id, Object.fromEntries(months.map((m) => [m, SEED_FIGURES[m]])));
  await openReviews(draft.info.id);
  const view = render(ReviewsView);
  await waitFor(() => expect(document.getElementById("compliance-grid")).not.toBeNull());
  // uPlot is loaded with the first chart; then each figure has its canvas.
  await waitFor(() => expect(document.querySelectorAll("figure.metric-chart canvas")).toHaveLength(7));
  return { id: draft.info.id, view };
}

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
  toasts.list.splice(0);
  Object.assign(plots, { made: 0, setData: 0, redraw: 0, destroyed: 0 });
});

describe("the reviews view", () => {
  it("shows the latest month: its summary, the grid by status with actual and target, a chart per metric", async () => {
    await opened();
    expect(el("main#main.reviews h1").textContent).toBe("Service-level agreement between Marketing and Sales");
    const tab = el('.period-tab[data-period="2027-02"]');
    expect(tab.getAttribute("aria-selected")).toBe("true");
    expect(el('.period-tab[data-period="2027-01"]').getAttribute("aria-selected")).toBe("false");
    expect(el("#summary-title").textContent).toBe("February 2027 at a glance");
    expect(el(".summary-counts").textContent).toMatch(/3 targets met.*4 targets missed.*0 without data/s);

    const missed = cell("mql-acceptance", "2027-02");
    expect(missed.dataset.status).toBe("missed");
    expect(missed.textContent).toMatch(/✗\s*missed\s*66%\s*target ≥ 70%/);
    const met = cell("mql-acceptance", "2027-01");
    expect(met.dataset.status).toBe("met");
    expect(met.textContent).toMatch(/✓\s*met\s*74%/);
    const time = cell("first-contact-time", "2027-02");
    expect(time.textContent).toMatch(/✗\s*missed\s*1 h 24 min\s*target ≤ 1 h/);
    const none = cell("rejection-reasons", "2027-01");
    expect(none.dataset.status).toBe("no_data");
    expect(none.textContent).toMatch(/–\s*no data\s*—\s*target ≥ 95%/);
    expect(within(document.querySelector("#compliance-grid tbody tr")!).getByText("clause 3.1.1")).toBeTruthy();

    const charts = document.querySelectorAll("figure.metric-chart");
    expect(charts).toHaveLength(7);
    for (const chart of charts) expect(chart.querySelectorAll("canvas")).toHaveLength(1);
    expect(plots.made).toBe(7);
    const time90 = el('figure.metric-chart[data-metric="first-contact-time"]');
    expect(within(time90).getByRole("img").getAttribute("aria-label")).toBe(
      "Time to first contact, 2 months, met in 1. February 2027: 1 h 24 min against a target of ≤ 1 h, missed.",
    );
    const table = time90.querySelector("table.chart-data")!;
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Month", "Median", "90th percentile", "Target", "Status"]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent?.trim()))).toEqual([
      ["January 2027", "48 min", "1 h 36 min", "1 h", "✓ met"],
      ["February 2027", "1 h 24 min", "2 h 48 min", "1 h", "✗ missed"],
    ]);
    // The lead metrics have the bonus's tiers, so a tolerance band.
    expect(el('figure.metric-chart[data-metric="mql-per-rep"]').textContent).toContain("Tolerance before the first adjustment");
    expect(time90.textContent).not.toContain("Tolerance");
    // Every metric has a figure in some month: no chart is empty.
    expect(document.querySelectorAll(".chart-empty")).toHaveLength(0);
  });

  it("switches months by tab, by the grid's heading and by the arrow keys, redrawing the charts without making them again", async () => {
    await opened();
    await fireEvent.click(el('.period-tab[data-period="2027-01"]'));
    expect(el("#summary-title").textContent).toBe("January 2027 at a glance");
    expect(el('.period-head[data-period="2027-01"]').getAttribute("aria-pressed")).toBe("true");
    expect(el("#fired-none").textContent).toBe("Nothing fired in January 2027: no escalation, remedy or adjustment.");
    expect(plots.made).toBe(7);
    expect(plots.redraw).toBe(7);

    await fireEvent.click(el('.period-head[data-period="2027-02"]'));
    expect(el('.period-tab[data-period="2027-02"]').getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(el('.period-tab[data-period="2027-02"]'), { key: "ArrowLeft" });
    expect(el('.period-tab[data-period="2027-01"]').getAttribute("aria-selected")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(el('.period-tab[data-period="2027-01"]')));
    expect(el('.period-tab[data-period="2027-01"]').tabIndex).toBe(0);
    expect(el('.period-tab[data-period="2027-02"]').tabIndex).toBe(-1);
    expect(plots.made).toBe(7);
    expect(plots.redraw).toBe(21);
  });

  it("lists what fired with its clause and due date, and marks it done with a note and not done again", async () => {
    // February and March both miss the acceptance rate: two misses in a row fire the first step.
    const { id } = await opened(["2027-02", "2027-03"]);
    const fired = el("#fired");
    const step = el<HTMLLIElement>('#fired li.fired[data-key="escalation:0"]');
    expect(fired.querySelectorAll("li.fired")).toHaveLength(1);
    expect(step.textContent).toContain("Escalate to Head of the other department");
    expect(step.textContent).toContain("clause 6.1.1");
    expect(step.textContent).toContain("Due 2 March 2027");
    expect(step.textContent).toContain("The two heads agree a fix within 3 business days.");
    expect(step.classList.contains("done")).toBe(false);

    await fireEvent.click(within(step).getByRole("button", { name: "Mark done" }));
    const note = el<HTMLTextAreaElement>('li[data-key="escalation:0"] textarea.done-note');
    note.value = "Heads met on 3 Feb; the SDR queue is reassigned.";
    await fireEvent.input(note);
    await fireEvent.click(el('li[data-key="escalation:0"] .mark-done-save'));
    await waitFor(() => expect(el('li[data-key="escalation:0"]').classList.contains("done")).toBe(true));
    expect(el('li[data-key="escalation:0"]').textContent).toContain("Heads met on 3 Feb; the SDR queue is reassigned.");
    await waitFor(() => expect(document.activeElement).toBe(el('li[data-key="escalation:0"] .mark-undone')));
    expect(backend.reviews.done.get(id)).toEqual([
      { period: "2027-03", consequence: "escalation:0", note: "Heads met on 3 Feb; the SDR queue is reassigned.", done_at: "2027-02-03T09:00:00Z" },
    ]);
    // February had one miss only: nothing fired there; March keeps its done mark.
    await fireEvent.click(el('.period-tab[data-period="2027-02"]'));
    expect(document.querySelector('li[data-key="escalation:0"]')).toBeNull();
    await fireEvent.click(el('.period-tab[data-period="2027-03"]'));
    expect(el('li[data-key="escalation:0"]').classList.contains("done")).toBe(true);

    await fireEvent.click(el('li[data-key="escalation:0"] .mark-undone'));
    await waitFor(() => expect(el('li[data-key="escalation:0"]').classList.contains("done")).toBe(false));
    expect(backend.reviews.done.get(id)).toEqual([]);
    expect(el('li[data-key="escalation:0"] .mark-done')).toBeTruthy();
  });

  it("says so over a chart whose metric has no figure in any month", async () => {
    await opened(["2027-01"]);
    const empty = [...document.querySelectorAll("figure.metric-chart")].filter((f) => f.querySelector(".chart-empty"));
    expect(empty.map((f) => (f as HTMLElement).dataset.metric)).toEqual(["rejection-reasons"]);
    expect(empty[0].querySelector(".chart-empty")?.textContent).toBe("No figures for this metric yet.");
  });

  it("shows an adjustment with the amount after its cap and the clause it comes from", async () => {
    backend = installMockBackend();
    const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
    seedReviews(backend, draft.info.id, { "2027-02": SEED_FIGURES["2027-02"] });
    // The mock computes no adjustments; the review answers one as the real one would.
    const review = backend.reviews.review.bind(backend.reviews);
    backend.reviews.review = (...args) => ({
      ...review(...args),
      adjustments: [
        {
          adjustment_id: "lead-bonus",
          kind: "bonus",
          scope: { kind: "commitment", id: "mkt-leads" },
          level_percent: 94.3,
          tier_percent: -15,
          applied_percent: -10,
          capped_by: "month",
          year_total_percent: -10,
        },
      ],
    });
    await openReviews(draft.info.id);
    render(ReviewsView);
    const item = await waitFor(() => el('#fired li.fired[data-key="adjustment:lead-bonus"]'));
    expect(item.querySelector("strong")?.textContent).toBe("Bonus adjustment");
    expect(item.textContent).toContain("-10% applied: tier -15%, 94.3% of target achieved.");
    expect(item.textContent).toContain("Cut to the monthly cap.");
    expect(item.textContent).toContain("-10% so far this year.");
    await fireEvent.click(item.querySelector(".mark-done")!);
    await fireEvent.click(el('li[data-key="adjustment:lead-bonus"] .mark-done-save'));
    await waitFor(() => expect(el('li[data-key="adjustment:lead-bonus"]').classList.contains("done")).toBe(true));
    expect(backend.reviews.done.get(draft.info.id)?.map((d) => d.consequence)).toEqual(["adjustment:lead-bonus"]);
  });

  it("writes the month's report where asked, opens it, signs it without asking again, and saves the calendar", async () => {
    const { id } = await opened();
    await fireEvent.click(el("#report-export"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "open_pdf")).toBe(true));
    const asked = backend.calls.find((c) => c.cmd === "plugin:dialog|save")!;
    expect(asked.args).toMatchObject({ options: { defaultPath: "review-2027-02.pdf", filters: [{ extensions: ["pdf"] }] } });
    expect(backend.calls.find((c) => c.cmd === "review_report")!.args).toEqual({ id, period: "2027-02", language: "en", path: "/tmp/agreement.pdf" });
    expect(backend.calls.find((c) => c.cmd === "open_pdf")!.args).toEqual({ path: "/tmp/agreement.pdf" });

    await fireEvent.click(el("#calendar-save"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "review_calendar")).toBe(true));
    expect(backend.calls.filter((c) => c.cmd === "plugin:dialog|save")[1].args).toMatchObject({
      options: { defaultPath: "review-calendar.ics", filters: [{ name: "iCalendar", extensions: ["ics"] }] },
    });
    expect(toasts.list.map((t) => t.message)).toContain("Review calendar saved to /tmp/agreement.pdf");

    const dialogs = backend.calls.filter((c) => c.cmd === "plugin:dialog|save").length;
    await fireEvent.click(el("#report-sign"));
    await waitFor(() => expect(session.view).toBe("signatures"));
    expect(session.signingFile).toBe("/tmp/agreement.pdf");
    expect(backend.calls.filter((c) => c.cmd === "plugin:dialog|save")).toHaveLength(dialogs);
  });

  it("says in a toast what failed when the report cannot be written", async () => {
    await opened();
    const original = backend.reviews.handle.bind(backend.reviews);
    backend.reviews.handle = (cmd, args) => {
      if (cmd === "review_report") throw { kind: "io", message: "/tmp/agreement.pdf: permission denied" };
      return original(cmd, args);
    };
    await fireEvent.click(el("#report-export"));
    await waitFor(() =>
      expect(toasts.list.map((t) => t.message)).toContain("The review report could not be written: /tmp/agreement.pdf: permission denied"),
    );
    expect(backend.calls.some((c) => c.cmd === "open_pdf")).toBe(false);
  });

  it("reads the overview again in Russian when the interface switches, its charts labelled anew", async () => {
    await opened();
    const reads = () => backend.calls.filter((c) => c.cmd === "review_overview").map((c) => c.args.language);
    expect(reads()).toEqual(["en"]);
    setLocale("ru");
    await waitFor(() => expect(reads()).toEqual(["en", "ru"]));
    await waitFor(() => expect(el("#summary-title").textContent).toBe("Февраль 2027: итоги месяца"));
    expect(cell("mql-acceptance", "2027-02").textContent).toMatch(/✗\s*не выполнено\s*66\s%\s*цель ≥ 70\s%/);
    expect(el(".summary-counts").textContent).toMatch(/3 цели выполнены.*4 цели не выполнены.*0 показателей без данных/s);
    // uPlot keeps an axis's labels while its ticks stay put: each chart is made again in Russian.
    expect(plots.made).toBe(14);
    expect(plots.setData).toBe(0);
  });

  it("explains what to bring when no month is stored, with the import button first, and destroys its charts when left", async () => {
    backend = installMockBackend();
    const draft = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
    await openReviews(draft.info.id);
    const view = render(ReviewsView);
    await screen.findByText("No month reviewed yet");
    expect(el(".empty-state").textContent).toContain("CRM export of one month's leads");
    expect(el(".empty-state #import-start").textContent).toBe("Import a month's export");
    expect(document.querySelectorAll("#import-start")).toHaveLength(1);
    await fireEvent.click(el("#import-start"));
    const panel = el("#import-panel");
    // The import stays one press away while the panel is open, and starts it afresh.
    expect(document.querySelectorAll("#import-start")).toHaveLength(1);
    await fireEvent.click(el("#import-start"));
    expect(document.getElementById("import-panel")).not.toBe(panel);
    view.unmount();

    const { view: full } = await opened();
    full.unmount();
    expect(plots.destroyed).toBe(7);
  });
});
