/**
 * The home list's line for each signed agreement: its last reviewed period in words and a symbol,
 * read with one call per page, a way into its reviews, and nothing lost when that call fails.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { setLocale } from "../lib/i18n.svelte";
import { MockBackend, installMockBackend } from "../lib/mock/backend";
import { reviewStatusLine } from "../lib/reviewstatus";
import { session } from "../lib/session.svelte";
import type { ReviewStatus } from "../lib/types/reviews";

const status = (period: string | null, met: number, missed: number, no_data: number): ReviewStatus => ({ draft_id: 1, period, met, missed, no_data });

describe("the review status line", () => {
  afterEach(() => setLocale("en"));

  it("says all met, how many missed, no data, or no reviews yet, with a symbol", () => {
    setLocale("en");
    expect(reviewStatusLine(status("2027-01", 7, 0, 0))).toEqual({ kind: "met", symbol: "✓", text: "January 2027: all met" });
    expect(reviewStatusLine(status("2027-01", 5, 2, 0))).toEqual({ kind: "missed", symbol: "✗", text: "January 2027: 2 missed" });
    expect(reviewStatusLine(status("2027-02", 3, 1, 3)).text).toBe("February 2027: 1 missed, 3 without data");
    expect(reviewStatusLine(status("2027-01", 0, 0, 7))).toEqual({ kind: "no_data", symbol: "–", text: "January 2027: no data" });
    expect(reviewStatusLine(status("2027-01", 4, 0, 3))).toEqual({ kind: "no_data", symbol: "–", text: "January 2027: 4 met, 3 without data" });
    expect(reviewStatusLine(status(null, 0, 0, 0))).toEqual({ kind: "none", symbol: "○", text: "No reviews yet" });
  });

  it("counts the misses in Russian with the noun in the right form", () => {
    setLocale("ru");
    const missed = (n: number) => reviewStatusLine(status("2027-01", 0, n, 0)).text;
    expect(missed(1)).toBe("Январь 2027: не выполнена 1 метрика");
    expect(missed(2)).toBe("Январь 2027: не выполнены 2 метрики");
    expect(missed(5)).toBe("Январь 2027: не выполнено 5 метрик");
    expect(missed(21)).toBe("Январь 2027: не выполнена 21 метрика");
    expect(reviewStatusLine(status("2027-03", 7, 0, 0)).text).toBe("Март 2027: всё выполнено");
    expect(reviewStatusLine(status("2027-03", 3, 0, 4)).text).toBe("Март 2027: выполнены 3 метрики, без данных — 4");
    expect(reviewStatusLine(status("2027-03", 0, 2, 1)).text).toBe("Март 2027: не выполнены 2 метрики, без данных — 1");
    expect(reviewStatusLine(status("2027-03", 0, 0, 7)).text).toBe("Март 2027: нет данных");
    expect(reviewStatusLine(status(null, 0, 0, 0)).text).toBe("Разборов ещё не было");
  });
});

describe("the home list's review lines", () => {
  let backend: MockBackend;
  const ids: number[] = [];

  /** Three drafts: the first signed with January and February reviewed, the second signed with none. */
  function setUp() {
    backend = installMockBackend();
    ids.length = 0;
    for (let i = 0; i < 3; i++) {
      const d = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
      ids.push(d.info.id);
    }
    backend.handle("rename_draft", { id: ids[0], title: "Signed and reviewed" });
    backend.handle("rename_draft", { id: ids[1], title: "Signed, not reviewed" });
    backend.handle("rename_draft", { id: ids[2], title: "Still a draft" });
    backend.reviews.signed.add(ids[0]);
    backend.reviews.signed.add(ids[1]);
    const met = { "mql-per-rep": 120, "mql-acceptance": 80, "mql-data-complete": 99, "first-contact-time": 0.5, "follow-up-attempts": 95, "connect-rate": 60, "rejection-reasons": 98 };
    backend.reviews.periods.set(ids[0], [
      { period: "2027-01", figures: { ...met }, import: null, computed_at: "2027-02-01T09:00:00Z" },
      // February: two targets missed.
      { period: "2027-02", figures: { ...met, "mql-per-rep": 80, "first-contact-time": 3 }, import: null, computed_at: "2027-03-01T09:00:00Z" },
    ]);
    backend.settings.set("ui.language", "en");
  }

  const row = (title: string) => screen.getByRole("button", { name: title }).closest("li")!;

  beforeEach(() => {
    setLocale("en");
    session.view = "loading";
  });

  it("shows each signed agreement's last period and opens its reviews", async () => {
    setUp();
    render(App);
    await waitFor(() => expect(document.querySelectorAll(".review-status")).toHaveLength(2));
    const calls = backend.calls.filter((c) => c.cmd === "review_statuses");
    expect(calls).toHaveLength(1);
    expect([...(calls[0].args.ids as number[])].sort()).toEqual([...ids].sort());

    const reviewed = row("Signed and reviewed");
    expect(reviewed.querySelector(".review-status")!.textContent).toBe("✗ February 2027: 2 missed");
    expect(reviewed.querySelector(".review-status")!.className).toContain("status-missed");
    expect(reviewed.querySelector(".status-symbol")!.getAttribute("aria-hidden")).toBe("true");
    expect(row("Signed, not reviewed").querySelector(".review-status")!.textContent).toBe("○ No reviews yet");
    expect(row("Still a draft").querySelector(".review-status, .open-reviews")).toBeNull();

    const open = reviewed.querySelector<HTMLButtonElement>(".open-reviews")!;
    expect(open.dataset.draftId).toBe(String(ids[0]));
    expect(open.textContent).toBe("Reviews");
    await fireEvent.click(open);
    await waitFor(() => expect(session.view).toBe("reviews"));
    expect(session.draft?.id).toBe(ids[0]);
  });

  it("asks again only for the drafts a new page brings", async () => {
    setUp();
    render(App);
    await waitFor(() => expect(document.querySelectorAll(".review-status")).toHaveLength(2));
    await fireEvent.click(screen.getAllByRole("button", { name: "Duplicate" })[0]);
    await waitFor(() => expect(backend.calls.filter((c) => c.cmd === "review_statuses")).toHaveLength(2));
    const second = backend.calls.filter((c) => c.cmd === "review_statuses")[1];
    expect(second.args.ids).toHaveLength(1);
    expect(ids).not.toContain((second.args.ids as number[])[0]);
  });

  it("keeps the list whole when the statuses cannot be read", async () => {
    setUp();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handle = backend.reviews.handle.bind(backend.reviews);
    vi.spyOn(backend.reviews, "handle").mockImplementation((cmd, args) => {
      if (cmd === "review_statuses") throw { kind: "store_unavailable", message: "the store is closed" };
      return handle(cmd, args);
    });
    render(App);
    await waitFor(() => expect(warn).toHaveBeenCalledWith("cannot read the review statuses:", expect.anything()));
    expect(document.querySelectorAll(".draft-row")).toHaveLength(3);
    expect(document.querySelectorAll(".review-status, .open-reviews")).toHaveLength(0);
    expect(document.querySelector(".banner.error")).toBeNull();
  });
});

describe("the wizard's way to the reviews", () => {
  let backend: MockBackend;
  async function openWizard(signed: boolean) {
    backend = installMockBackend();
    const d = backend.handle("create_draft", { template: "sales-marketing", language: "en" }) as { info: { id: number } };
    if (signed) {
      const version = { version: 1, signers: ["Anna Petrova", "Ivan Smirnov"], signed_at: "2027-01-10T14:00:00Z", agreement_sha256: "ab".repeat(32) };
      backend.settings.set(`signed-version:${d.info.id}`, JSON.stringify(version));
    }
    backend.settings.set("ui.last_draft_id", String(d.info.id));
    backend.settings.set("ui.last_step", "consequences");
    backend.settings.set("ui.language", "en");
    render(App);
    await screen.findByRole("heading", { level: 1 });
    return d.info.id;
  }

  beforeEach(() => {
    setLocale("en");
    session.view = "loading";
  });

  it("offers the monthly reviews of a signed agreement and opens them", async () => {
    const id = await openWizard(true);
    const button = await waitFor(() => {
      const found = document.getElementById("open-reviews");
      if (!found) throw new Error("no #open-reviews");
      return found;
    });
    expect(button.textContent).toBe("Monthly reviews");
    await fireEvent.click(button);
    await waitFor(() => expect(session.view).toBe("reviews"));
    expect(session.draft?.id).toBe(id);
  });

  it("does not offer them for an agreement nobody has signed", async () => {
    await openWizard(false);
    await waitFor(() => expect(document.getElementById("history-open")).not.toBeNull());
    // Once the window has asked which version is signed (none) and drawn the answer.
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === "signed_version")).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(document.getElementById("open-reviews")).toBeNull();
  });
});
