import { describe, expect, it } from "vitest";
import templateEn from "../../../src-tauri/crates/sla-templates/builtin/sales-marketing.en.json";
import { addThread, isResolved, openCount, reopen, reply, resolve, threadsOf } from "./comments";
import type { Agreement } from "./types/agreement";

const at = (s: string) => new Date(s);

describe("comment threads", () => {
  it("are made, replied to, resolved and reopened as the Rust side reads them", () => {
    const a = structuredClone(templateEn) as Agreement;
    expect(a.negotiation).toBeUndefined();
    const t = addThread(a, "commitments[mkt-leads].metrics[mql-per-rep].target", "sales", "Too high", at("2026-11-03T09:00:00Z"));
    expect(threadsOf(a)).toHaveLength(1);
    expect(t.messages[0]).toMatchObject({ side: "sales", author: "Igor Smirnov", at: "2026-11-03T09:00:00.000Z", text: "Too high" });
    expect(openCount(a)).toBe(1);
    resolve(t, "marketing", at("2026-11-04T09:00:00Z"));
    expect(isResolved(t)).toBe(true);
    expect(openCount(a)).toBe(0);
    // A reply after the resolution opens it again, as merging the two sides' copies would.
    reply(a, t, "sales", "Not yet", at("2026-11-05T09:00:00Z"));
    expect(isResolved(t)).toBe(false);
    resolve(t, "marketing", at("2026-11-06T09:00:00Z"));
    reopen(t);
    expect(t.resolved_at).toBeUndefined();
    expect(t.messages.map((m) => m.author)).toEqual(["Igor Smirnov", "Igor Smirnov"]);
    expect(new Set([t.id, ...t.messages.map((m) => m.id)]).size).toBe(3);
  });
});
