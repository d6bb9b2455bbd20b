/**
 * The plan card on the performance step (what the targets rest on: the team and the funnel) and
 * the funnel calculator that reads and writes it, against the in-memory backend.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { tick } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MOCK_TIME_ZONES, MockBackend, installMockBackend } from "../lib/mock/backend";
import { session } from "../lib/session.svelte";
import type { Agreement, Plan } from "../lib/types/agreement";
import type { FunnelInput } from "../lib/types/ipc";
import { example } from "./fixtures";

let backend: MockBackend;

/** The example without its plan and with a second count metric (a team-wide one), opened on `step`. */
async function open(step = "performance", change: (a: Agreement) => void = () => {}) {
  backend = installMockBackend();
  const agreement = example();
  delete agreement.plan;
  agreement.commitments[0].metrics.push({
    ...structuredClone(agreement.commitments[0].metrics[0]),
    id: "sql-volume",
    name: "SQLs for the team",
    flow: "sql",
    target: 300,
  });
  change(agreement);
  const info = backend.create(agreement);
  backend.settings.set("ui.last_draft_id", String(info.id));
  backend.settings.set("ui.last_step", step);
  backend.settings.set("ui.language", "en");
  render(App);
  await screen.findByRole("heading", { level: 1 });
}

function el<T extends HTMLElement = HTMLInputElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`no element #${id}`);
  return found as T;
}

async function type(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
  input.focus();
  for (const ch of text) {
    input.value += ch;
    await fireEvent.input(input);
  }
}

async function clear(input: HTMLInputElement) {
  input.value = "";
  await fireEvent.input(input);
  await tick();
}

const plan = () => session.agreement!.plan as Plan;
const saves = () => backend.calls.filter((c) => c.cmd === "save_draft");

beforeEach(() => {
  setLocale("en");
  session.view = "loading";
});

describe("the plan card", () => {
  it("starts the plan on request and edits a.plan; cleared figures leave it", async () => {
    await open();
    expect(screen.getByRole("heading", { name: "What the targets rest on" })).toBeTruthy();
    expect(session.agreement!.plan).toBeUndefined();
    expect(document.getElementById("f-plan-sales_reps")).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Describe the team and the funnel" }));
    await waitFor(() => expect(document.getElementById("f-plan-sales_reps")).not.toBeNull());
    expect(plan()).toEqual({});

    await type(el("f-plan-sales_reps"), "7");
    expect(plan().sales_reps).toBe(7);
    await type(el("f-plan-rep_hours_per_month"), "62,5");
    expect(plan().rep_hours_per_month).toBe(62.5);
    await type(el("f-plan-after_hours_share_percent"), "30");
    expect(plan().after_hours_share_percent).toBe(30);
    await type(el<HTMLTextAreaElement>("f-plan-source"), "CRM, 2026");
    expect(plan().source).toBe("CRM, 2026");

    await clear(el("f-plan-rep_hours_per_month"));
    expect("rep_hours_per_month" in plan()).toBe(false);
    expect(screen.queryByRole("alert")).toBeNull();
    await clear(el("f-plan-sales_reps"));
    expect("sales_reps" in plan()).toBe(false);

    type Saved = { plan?: Plan };
    await waitFor(
      () => expect((saves().at(-1)?.args.agreement as Saved | undefined)?.plan).toEqual({ after_hours_share_percent: 30, source: "CRM, 2026" }),
      { timeout: 2000 },
    );
  });

  it("offers the count metrics for the lead volume and the percent metrics for each stage", async () => {
    await open("performance", (a) => (a.plan = {}));
    const volume = el<HTMLSelectElement>("f-plan-lead_volume-metric");
    expect([...volume.options].map((o) => o.value)).toEqual(["", "mql-per-rep", "sql-volume"]);
    expect([...volume.options].map((o) => o.textContent)).toEqual(["None", "MQLs per sales rep", "SQLs for the team"]);
    expect(document.getElementById("f-plan-lead_volume-per_rep")).toBeNull();

    volume.value = "mql-per-rep";
    await fireEvent.change(volume);
    // A metric "per sales rep" starts as a per-person target.
    expect(plan().lead_volume).toEqual({ metric: "mql-per-rep", per_rep: true });
    const perRep = el("f-plan-lead_volume-per_rep");
    expect(perRep.checked).toBe(true);
    await fireEvent.click(perRep);
    expect(plan().lead_volume!.per_rep).toBe(false);
    volume.value = "sql-volume";
    await fireEvent.change(volume);
    expect(plan().lead_volume).toEqual({ metric: "sql-volume", per_rep: false });
    volume.value = "";
    await fireEvent.change(volume);
    expect("lead_volume" in plan()).toBe(false);

    await fireEvent.click(screen.getByRole("button", { name: "+ Add a stage" }));
    await type(el("f-plan-funnel-0-name"), "MQL → meeting");
    const rate = el("f-plan-funnel-0-conversion_percent");
    await clear(rate);
    await type(rate, "25");
    expect(plan().funnel).toEqual([{ name: "MQL → meeting", conversion_percent: 25 }]);
    const metric = el<HTMLSelectElement>("f-plan-funnel-0-metric");
    expect([...metric.options].map((o) => o.value)).toEqual([
      "",
      "mql-acceptance",
      "mql-data-complete",
      "follow-up-attempts",
      "connect-rate",
      "rejection-reasons",
    ]);
    metric.value = "connect-rate";
    await fireEvent.change(metric);
    expect(plan().funnel![0].metric).toBe("connect-rate");
    metric.value = "";
    await fireEvent.change(metric);
    expect("metric" in plan().funnel![0]).toBe(false);
    expect(el("plan-funnel-overall").textContent).toContain("25% of the leads become customers: 4 leads per deal");
  });

  it("keeps a chosen metric that no longer fits visible, and gives findings' fields ids", async () => {
    await open("performance", (a) => (a.plan = { lead_volume: { metric: "gone", per_rep: false }, funnel: [{ name: "A", conversion_percent: 50, metric: "mql-per-rep" }] }));
    const volume = el<HTMLSelectElement>("f-plan-lead_volume-metric");
    expect(volume.value).toBe("gone");
    expect(volume.selectedOptions[0].textContent).toBe("gone (does not fit here)");
    const metric = el<HTMLSelectElement>("f-plan-funnel-0-metric");
    expect(metric.value).toBe("mql-per-rep");
    expect(metric.selectedOptions[0].textContent).toBe("MQLs per sales rep (does not fit here)");
    for (const id of ["f-plan", "f-plan-funnel", "f-plan-funnel-0", "f-plan-minutes_per_attempt", "f-plan-attempts_per_lead"])
      expect(document.getElementById(id), id).not.toBeNull();
  });
});

describe("the funnel calculator and the plan", () => {
  it("shows the shipped example's plan and starts the calculator from it", async () => {
    await open("performance", (a) => (a.plan = example().plan));
    expect(document.getElementById("plan-start")).toBeNull();
    expect(el("f-plan-sales_reps").value).toBe("5");
    expect(el<HTMLSelectElement>("f-plan-lead_volume-metric").value).toBe("mql-per-rep");
    expect(el("f-plan-lead_volume-per_rep").checked).toBe(true);
    expect(el("f-plan-funnel-0-name").value).toBe("MQL → connected");
    expect(el<HTMLSelectElement>("f-plan-funnel-0-metric").value).toBe("connect-rate");
    expect(el("funnel").querySelector("label[for='f-funnel-stages-0']")!.textContent).toBe("MQL → connected");
    expect(el("funnel-with-capacity").checked).toBe(true);
  });


  it("records the input it applied in the plan, which the plan card then shows", async () => {
    await open();
    (document.getElementById("funnel") as HTMLDetailsElement).open = true;
    const reps = el("f-funnel-sales_reps");
    await clear(reps);
    await type(reps, "6");
    await fireEvent.click(el("funnel-compute"));
    await waitFor(() => expect(document.getElementById("funnel-apply")).not.toBeNull());
    await fireEvent.click(el("funnel-apply"));
    await waitFor(() => expect(el("funnel").textContent).toContain("per rep a month"));

    const call = backend.calls.find((c) => c.cmd === "funnel_apply")!;
    const input = call.args.input as FunnelInput;
    expect(input.sales_reps).toBe(6);
    expect(input.stages.map((s) => s.name)).toEqual(["MQL → connect", "Connect → discovery call", "Discovery → demo", "Demo → customer"]);
    expect(input.capacity).toBeNull();
    expect(call.args.result).toBeTruthy();

    expect(plan().sales_reps).toBe(6);
    expect(plan().lead_volume).toEqual({ metric: "mql-per-rep", per_rep: true });
    await waitFor(() => expect(el("f-plan-sales_reps").value).toBe("6"));
    expect(el("f-plan-funnel-3-conversion_percent").value).toBe("33.3");
    expect(el("f-plan-funnel-3-name").value).toBe("Demo → customer");
  });

  it("starts from the plan's team, stages and capacity, and applies with them", async () => {
    await open("performance", (a) => {
      a.plan = {
        sales_reps: 8,
        rep_hours_per_month: 80,
        minutes_per_attempt: 4,
        funnel: [
          { name: "Lead → meeting", conversion_percent: 20, metric: "connect-rate" },
          { name: "Meeting → deal", conversion_percent: 25 },
        ],
      };
    });
    (document.getElementById("funnel") as HTMLDetailsElement).open = true;
    expect(el("f-funnel-sales_reps").value).toBe("8");
    expect(el("funnel").querySelector("label[for='f-funnel-stages-0']")!.textContent).toBe("Lead → meeting");
    expect(el("f-funnel-stages-1").value).toBe("25");
    expect(document.getElementById("f-funnel-stages-2")).toBeNull();
    expect(el("funnel-with-capacity").checked).toBe(true);
    expect(el("f-funnel-capacity-rep_hours_per_month").value).toBe("80");
    expect(el("f-funnel-capacity-minutes_per_attempt").value).toBe("4");
    expect(el("f-funnel-capacity-attempts_per_lead").value).toBe("5");

    await fireEvent.click(el("funnel-compute"));
    await waitFor(() => expect(document.getElementById("funnel-apply")).not.toBeNull());
    await fireEvent.click(el("funnel-apply"));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "funnel_apply")).toBe(true));
    const input = backend.calls.find((c) => c.cmd === "funnel_apply")!.args.input as FunnelInput;
    expect(input.sales_reps).toBe(8);
    expect(input.stages).toEqual([
      { name: "Lead → meeting", conversion_percent: 20 },
      { name: "Meeting → deal", conversion_percent: 25 },
    ]);
    expect(input.capacity).toMatchObject({ rep_hours_per_month: 80, minutes_per_attempt: 4, attempts_per_lead: 5 });
    await waitFor(() => expect(plan().attempts_per_lead).toBe(5));
    // The stage keeps the metric it was linked to: same place, same name.
    expect(plan().funnel![0].metric).toBe("connect-rate");
    expect(el("f-plan-attempts_per_lead").value).toBe("5");
  });
});

describe("the time zone field", () => {
  it("offers the common zones first, then every zone the backend knows", async () => {
    await open("deadlines");
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "time_zones")).toBe(true));
    const options = () => [...el("timezones").querySelectorAll("option")].map((o) => o.value);
    await waitFor(() => expect(options()).toContain("Asia/Tokyo"));
    expect(options()[0]).toBe("Europe/Moscow");
    for (const zone of MOCK_TIME_ZONES) expect(options().filter((z) => z === zone)).toHaveLength(1);
  });
});
