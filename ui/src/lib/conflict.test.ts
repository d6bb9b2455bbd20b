import { describe, expect, it } from "vitest";
import { differences } from "./conflict";
import { example } from "../test/fixtures";

describe("differences between this window's agreement and another saved version", () => {
  it("lists each changed field once with both values and the step that edits it", () => {
    const mine = example();
    const theirs = example();
    mine.parties.marketing.head.name = "Anna Petrova-Smith";
    theirs.notes = "Saved from the command line";
    theirs.commitments[0].metrics[0].target = 250;
    expect(differences(mine, theirs)).toEqual([
      { path: "parties.marketing.head.name", step: "parties", mine: "Anna Petrova-Smith", theirs: example().parties.marketing.head.name },
      {
        path: "commitments[0].metrics[0].target",
        step: "performance",
        mine: String(example().commitments[0].metrics[0].target),
        theirs: "250",
      },
      { path: "notes", step: "consequences", mine: example().notes ?? "", theirs: "Saved from the command line" },
    ]);
  });

  it("names fields that exist on one side only, and finds nothing between equal agreements", () => {
    const mine = example();
    const theirs = example();
    theirs.commitments[0].metrics.pop();
    const diff = differences(mine, theirs);
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.every((d) => d.theirs === null && d.mine !== null)).toBe(true);
    expect(diff.every((d) => d.path.startsWith(`commitments[0].metrics[${mine.commitments[0].metrics.length - 1}]`))).toBe(true);
    expect(differences(example(), example())).toEqual([]);
  });
});
