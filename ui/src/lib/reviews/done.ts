/**
 * What fired in a period as one list: escalation steps, remedies and adjustments, each with the
 * key it is marked done under, the clause it comes from, and whether (and how) it was done.
 */
import {
  consequenceKey,
  type AppliedAdjustment,
  type ConsequenceKey,
  type DoneAction,
  type FiredConsequence,
  type Period,
  type ReviewOverview,
  type Review,
} from "../types/reviews";

export type FiredItem =
  | { kind: "escalation" | "remedy"; key: ConsequenceKey; clause: string | null; fired: FiredConsequence; done: DoneAction | null }
  | { kind: "adjustment"; key: ConsequenceKey; clause: string | null; adjustment: AppliedAdjustment; done: DoneAction | null };

export function adjustmentKey(adjustment: AppliedAdjustment): ConsequenceKey {
  return `adjustment:${adjustment.adjustment_id}`;
}

/** The done record of `key` in `period`, if any. */
export function doneFor(done: DoneAction[], period: Period, key: ConsequenceKey): DoneAction | null {
  return done.find((d) => d.period === period && d.consequence === key) ?? null;
}

/** Everything that fired in `review`, escalation steps first, then remedies, then adjustments. */
export function firedItems(review: Review, overview: Pick<ReviewOverview, "clauses" | "done">): FiredItem[] {
  const items: FiredItem[] = [];
  const ordered = [...review.fired].sort((a, b) => (a.source.kind === b.source.kind ? 0 : a.source.kind === "escalation" ? -1 : 1));
  for (const fired of ordered) {
    const key = consequenceKey(fired.source);
    items.push({ kind: fired.source.kind, key, clause: overview.clauses[key] ?? null, fired, done: doneFor(overview.done, review.period, key) });
  }
  for (const adjustment of review.adjustments) {
    const key = adjustmentKey(adjustment);
    items.push({ kind: "adjustment", key, clause: overview.clauses[key] ?? null, adjustment, done: doneFor(overview.done, review.period, key) });
  }
  return items;
}

/**
 * The overview with the done list the backend answered after a mark (it answers the draft's whole
 * list); the periods are not read again, since marking changes none of their figures.
 */
export function withDone(overview: ReviewOverview, done: DoneAction[]): ReviewOverview {
  return { ...overview, done };
}
