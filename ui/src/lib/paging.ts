/**
 * A list the home screen reads a page at a time: the first page when it opens (or the search
 * changes), the next as the person scrolls to the end or presses "Load more".
 */
import type { Cursor, DraftInfo, Page, PageRequest } from "./types/ipc";

/** Drafts the home screen shows at first, and adds each time the person reaches the end. */
export const PAGE_SIZE = 50;
/** The most one page may hold (the store's `MAX_PAGE`). */
export const MAX_PAGE = 1000;

export interface Listing {
  drafts: DraftInfo[];
  /** Where the next page starts; `null` when everything is shown. */
  next: Cursor | null;
}

export const emptyListing: Listing = { drafts: [], next: null };

/**
 * The listing with `page` added: drafts saved since the listing began (`newer`) go on top in place
 * of their earlier entry, the page's drafts go at the end. No draft is ever shown twice.
 */
export function addPage(listing: Listing, page: Page): Listing {
  const newer = new Set(page.newer.map((d) => d.id));
  const kept = listing.drafts.filter((d) => !newer.has(d.id));
  const shown = new Set(kept.map((d) => d.id));
  return {
    drafts: [...page.newer, ...kept, ...page.drafts.filter((d) => !shown.has(d.id) && !newer.has(d.id))],
    next: page.next,
  };
}

/**
 * Reads one list page by page. A read that finishes after the list was restarted (the search
 * changed, or an action reloaded it) is dropped, and only one next page is read at a time.
 */
export class Pager {
  listing: Listing = emptyListing;
  private generation = 0;
  private reading: Promise<Listing> | null = null;

  constructor(private read: (request: PageRequest) => Promise<Page>) {}

  /** Whether there is more to read. */
  get more(): boolean {
    return this.listing.next !== null;
  }

  /**
   * Reads the list again from the top. `keep` asks for at least that many drafts at once, so that
   * a reload after an action keeps what the person had scrolled to.
   */
  async restart(keep = 0): Promise<Listing> {
    const generation = ++this.generation;
    this.reading = null;
    const limit = Math.min(MAX_PAGE, Math.max(PAGE_SIZE, keep));
    const page = await this.read({ after: null, limit });
    if (generation === this.generation) this.listing = addPage(emptyListing, page);
    return this.listing;
  }

  /** Reads the next page, if there is one; a call while one is being read waits for that one. */
  async loadMore(): Promise<Listing> {
    if (this.reading) return this.reading;
    const after = this.listing.next;
    if (!after) return this.listing;
    const generation = this.generation;
    this.reading = (async () => {
      try {
        const page = await this.read({ after, limit: PAGE_SIZE });
        if (generation === this.generation) this.listing = addPage(this.listing, page);
        return this.listing;
      } finally {
        if (generation === this.generation) this.reading = null;
      }
    })();
    return this.reading;
  }
}
