import { describe, expect, it } from "vitest";
import { fieldId, focusField, parentPath, pathFromFieldId, stepForField } from "./fieldpath";

describe("field paths", () => {
  it("derive element ids that are valid and unique per path", () => {
    expect(fieldId("commitments[0].metrics[1].owner")).toBe("f-commitments-0-metrics-1-owner");
    expect(fieldId("parties.marketing.head.name")).toBe("f-parties-marketing-head-name");
    expect(fieldId("term.review_dates[2]")).toBe("f-term-review_dates-2");
    expect(fieldId("")).toBe("f-agreement");
    expect(fieldId("plan.funnel[1].conversion_percent")).toBe("f-plan-funnel-1-conversion_percent");
    expect(pathFromFieldId("f-plan-funnel-1-conversion_percent")).toBe("plan.funnel[1].conversion_percent");
  });

  it("walk up one level at a time", () => {
    expect(parentPath("commitments[0].metrics[1].collection.reason")).toBe("commitments[0].metrics[1].collection");
    expect(parentPath("commitments[0].metrics[1]")).toBe("commitments[0].metrics");
    expect(parentPath("commitments[0]")).toBe("commitments");
    expect(parentPath("commitments")).toBe("");
    expect(parentPath("")).toBeNull();
  });

  it("send every path the checks use to the step that edits it", () => {
    const cases: [string, string][] = [
      ["title", "parties"],
      ["parties.sales.head.role", "parties"],
      ["term.duration_months", "parties"],
      ["term.review_dates", "parties"],
      ["commitments", "parties"],
      ["commitments[1].service", "parties"],
      ["commitments[1].id", "parties"],
      ["commitments[1].metrics", "performance"],
      ["commitments[1].metrics[3].target", "performance"],
      ["plan", "performance"],
      ["plan.sales_reps", "performance"],
      ["plan.rep_hours_per_month", "performance"],
      ["plan.lead_volume.metric", "performance"],
      ["plan.funnel[1].conversion_percent", "performance"],
      ["plan.funnel[0].metric", "performance"],
      ["monitoring.review_cadence", "monitoring"],
      ["monitoring.reports[0].owner", "monitoring"],
      ["deadlines.calendar.timezone", "deadlines"],
      ["consequences.escalation", "consequences"],
      ["notes", "consequences"],
      ["signatories", "signoff"],
      ["signatories[0].name", "signoff"],
      ["", "review"],
    ];
    for (const [path, step] of cases) expect(stepForField(path), path).toBe(step);
  });

  it("focus the field itself, or the nearest section when it has no input, opening collapsed parts", () => {
    document.body.innerHTML = `
      <section id="f-commitments-0-metrics" tabindex="-1">
        <details id="f-commitments-0-metrics-1"><summary>MQLs</summary>
          <input id="f-commitments-0-metrics-1-owner">
        </details>
      </section>`;
    const owner = focusField("commitments[0].metrics[1].owner");
    expect(owner?.id).toBe("f-commitments-0-metrics-1-owner");
    expect(document.activeElement).toBe(owner);
    expect((document.getElementById("f-commitments-0-metrics-1") as HTMLDetailsElement).open).toBe(true);

    const section = focusField("commitments[0].metrics[7].id");
    expect(section?.id).toBe("f-commitments-0-metrics");
    expect(document.activeElement).toBe(section);
    expect(focusField("monitoring.reports")).toBeNull();
  });
});

describe("field ids back to paths", () => {
  it("turn into the path they were made from", () => {
    for (const path of ["title", "commitments[0].metrics[2].target", "monitoring.reports[1].name", "deadlines.calendar.holidays[0]", "parties.sales.head.email"]) {
      expect(pathFromFieldId(fieldId(path))).toBe(path);
    }
    expect(pathFromFieldId("step-heading")).toBeNull();
  });
});
