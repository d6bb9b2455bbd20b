/**
 * Reading the home screen's lists a page at a time, against the in-memory backend: the pages
 * follow one another, a draft saved between two pages is shown once, at the top, and the home
 * screen adds a page when "Load more" is pressed.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";
import templateEn from "../../../src-tauri/crates/sla-templates/builtin/sales-marketing.en.json";
import Home from "../components/Home.svelte";
import { setLocale } from "./i18n.svelte";
import { MockBackend, installMockBackend } from "./mock/backend";
import { PAGE_SIZE, Pager, addPage } from "./paging";
import type { Agreement } from "./types/agreement";
import type { DraftInfo, Page, PageRequest } from "./types/ipc";

let backend: MockBackend;

/** `n` drafts, oldest first; every third mentions "zebrafinch". */
function fill(n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const a = structuredClone(templateEn) as Agreement;
    a.title = `Agreement ${i}`;
    if (i % 3 === 0) a.notes = "Reviewed with the zebrafinch team.";
    return backend.create(a).id;
  });
}

const ids = (drafts: DraftInfo[]) => drafts.map((d) => d.id);
const listDrafts = (query = "") => (page: PageRequest) => backend.handle("list_drafts", { query, page }) as Page;

beforeEach(() => {
  setLocale("en");
  backend = installMockBackend();
});

describe("a list read a page at a time", () => {
  it("reads fifty at a time, newest first, until the list ends", async () => {
    const created = fill(120);
    const pager = new Pager(async (page) => listDrafts()(page));
    expect(ids((await pager.restart()).drafts)).toEqual(created.slice(70).reverse());
    expect(pager.more).toBe(true);
    expect((await pager.loadMore()).drafts).toHaveLength(100);
    const all = await pager.loadMore();
    expect(ids(all.drafts)).toEqual([...created].reverse());
    expect(pager.more).toBe(false);
    expect(await pager.loadMore()).toBe(all);
  });

  it("shows a draft saved between two pages once, at the top", async () => {
    const created = fill(120);
    const pager = new Pager(async (page) => listDrafts()(page));
    await pager.restart();
    // One draft already shown and one further down are saved; one is created.
    for (const id of [created[110], created[5]]) backend.handle("rename_draft", { id, title: "Renamed between pages" });
    const added = backend.create(structuredClone(templateEn) as Agreement).id;
    await pager.loadMore();
    const all = await pager.loadMore();
    const shown = ids(all.drafts);
    expect(shown.slice(0, 3)).toEqual([added, created[5], created[110]]);
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort((a, b) => a - b)).toEqual([...created, added]);
  });

  it("pages a search, and a new search starts from its first page", async () => {
    fill(200);
    const pager = new Pager(async (page) => listDrafts("zebrafinch")(page));
    expect((await pager.restart()).drafts).toHaveLength(PAGE_SIZE);
    const all = await pager.loadMore();
    expect(all.drafts).toHaveLength(67);
    expect(all.drafts.every((d) => Number(d.title.split(" ")[1]) % 3 === 0)).toBe(true);
    expect(pager.more).toBe(false);
  });

  it("drops a page that arrives after the list was restarted", async () => {
    fill(120);
    let release: () => void = () => {};
    let slow = false;
    const pager = new Pager(async (page) => {
      if (slow) await new Promise<void>((r) => (release = r));
      return listDrafts()(page);
    });
    await pager.restart();
    slow = true;
    const late = pager.loadMore();
    slow = false;
    await pager.restart();
    release();
    await late;
    expect(pager.listing.drafts).toHaveLength(PAGE_SIZE);
  });

  it("pages the trash by when drafts were trashed", async () => {
    const created = fill(60);
    for (const id of created.slice(0, 55)) backend.handle("trash_draft", { id });
    const pager = new Pager(async (page) => backend.handle("list_trash", { page }) as Page);
    await pager.restart();
    const all = await pager.loadMore();
    expect(ids(all.drafts)).toEqual(created.slice(0, 55).reverse());
    expect(backend.handle("count_trash")).toBe(55);
  });

  it("keeps entries unique when a page repeats what is shown", () => {
    const info = (id: number) => ({ id }) as DraftInfo;
    const listing = { drafts: [info(3), info(2)], next: null };
    const merged = addPage(listing, { drafts: [info(2), info(1)], newer: [info(4), info(2)], next: null });
    expect(ids(merged.drafts)).toEqual([4, 2, 3, 1]);
  });
});

describe("the home screen", () => {
  // Rendering rows in jsdom is slow on a busy machine: a few more than a page is enough.
  it("shows the first fifty and adds the next page with Load more", { timeout: 60_000 }, async () => {
    fill(65);
    render(Home);
    await waitFor(() => expect(document.querySelectorAll(".draft-row")).toHaveLength(50), { timeout: 20_000 });
    await fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(document.querySelectorAll(".draft-row")).toHaveLength(65), { timeout: 20_000 });
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    const reads = backend.calls.filter((c) => c.cmd === "list_drafts");
    expect(reads.map((c) => (c.args.page as PageRequest).limit)).toEqual([50, 50]);
  });

  it("counts the whole trash in its tab, not only the page shown", { timeout: 60_000 }, async () => {
    const created = fill(70);
    for (const id of created.slice(0, 60)) backend.handle("trash_draft", { id });
    render(Home);
    await screen.findByRole("button", { name: "Trash (60)" });
    await fireEvent.click(screen.getByRole("button", { name: "Trash (60)" }));
    await waitFor(() => expect(document.querySelectorAll(".draft-row")).toHaveLength(50), { timeout: 20_000 });
    await fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(document.querySelectorAll(".draft-row")).toHaveLength(60), { timeout: 20_000 });
  });
});
