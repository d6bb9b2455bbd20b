import { beforeEach, describe, expect, it } from "vitest";
import { hasMessage, setLocale, translate } from "../i18n.svelte";
import type { ColumnMapping, ReviewOverview, StageValue } from "../types/reviews";
import {
  FIELD_MESSAGES,
  MAPPING_FIELDS,
  baseName,
  encodingMessage,
  figureMetrics,
  formatFigure,
  formatMessages,
  initialFigurePeriod,
  initialPeriod,
  mappingProblems,
  monthsBetween,
  parseFigure,
  periodOptions,
  termPeriodOptions,
  separatorMessage,
  stageClasses,
  withColumn,
  withStageClass,
  withStageValues,
} from "./import";

const HEADERS = ["ID", "Owner", "Created", "Stage", "Reason"];

function columns(overrides: Partial<ColumnMapping> = {}): ColumnMapping {
  return {
    id: "ID",
    owner: "Owner",
    created: "Created",
    stage: "Stage",
    mql_values: ["New"],
    accepted_values: ["Qualified"],
    rejected_values: ["Lost"],
    rejection_reason: "Reason",
    ...overrides,
  };
}

function overview(overrides: Partial<ReviewOverview> = {}): ReviewOverview {
  return { draft_id: 1, periods: [], done: [], entered: [], clauses: {}, manual_metrics: [], term: { first: "2026-11", last: "2027-04" }, ...overrides };
}

beforeEach(() => setLocale("en"));

describe("stage values", () => {
  it("move a value from one list to another, or out of all of them as other", () => {
    let c = withStageClass(columns(), "New", "accepted");
    expect(c.mql_values).toEqual([]);
    expect(c.accepted_values).toEqual(["Qualified", "New"]);
    c = withStageClass(c, "Qualified", null);
    expect(c.accepted_values).toEqual(["New"]);
    expect([...c.mql_values, ...c.rejected_values]).toEqual(["Lost"]);
    c = withStageClass(c, "Lost", "rejected");
    expect(c.rejected_values).toEqual(["Lost"]);
  });

  it("show the mapping's classes, the guess only for values the mapping has none for", () => {
    const values: StageValue[] = [
      { value: "New", count: 3, class: "accepted" },
      { value: "Lost", count: 2, class: null },
      { value: "Other", count: 1, class: "delivered" },
    ];
    expect([...stageClasses(columns(), values)]).toEqual([
      ["New", "delivered"],
      ["Lost", "rejected"],
      ["Other", null],
    ]);
  });

  it("are rebuilt from a new stage column's values and their guesses", () => {
    const c = withStageValues(columns(), [
      { value: "Won", count: 5, class: "accepted" },
      { value: "MQL", count: 4, class: "delivered" },
      { value: "Junk", count: 2, class: "rejected" },
      { value: "Inquiry", count: 9, class: null },
    ]);
    expect(c.mql_values).toEqual(["MQL"]);
    expect(c.accepted_values).toEqual(["Won"]);
    expect(c.rejected_values).toEqual(["Junk"]);
  });
});

describe("the mapping", () => {
  it("needs the id and creation columns, and they must be the file's", () => {
    expect(mappingProblems(columns(), HEADERS)).toEqual({ missing: [], unknown: [], shared: [] });
    expect(mappingProblems(withColumn(columns(), "id", ""), HEADERS).missing).toEqual(["id"]);
    expect(mappingProblems(columns({ created: "Date created" }), HEADERS).missing).toEqual(["created"]);
  });

  it("warns of a column read as two fields and of an optional column the file lacks", () => {
    const c = withColumn(withColumn(columns(), "mql_date", "Created"), "first_contact", "First touch");
    const problems = mappingProblems(c, HEADERS);
    expect(problems.missing).toEqual([]);
    expect(problems.shared).toEqual([{ header: "Created", fields: ["created", "mql_date"] }]);
    expect(problems.unknown).toEqual(["first_contact"]);
  });

  it("drops an optional column chosen as none to null, a required one to an empty name", () => {
    expect(withColumn(columns(), "owner", "").owner).toBeNull();
    expect(withColumn(columns(), "created", "").created).toBe("");
  });

  it("has a label and a guidance text for every field, in both languages", () => {
    for (const field of MAPPING_FIELDS) {
      for (const id of Object.values(FIELD_MESSAGES[field])) {
        expect(hasMessage("en", id) && hasMessage("ru", id), id).toBe(true);
      }
    }
  });
});

describe("the format in words", () => {
  it("names encodings and separators as people know them", () => {
    expect(translate("en", encodingMessage("windows1251"))).toBe("Windows-1251 (Cyrillic)");
    expect(translate("ru", encodingMessage("windows1251"))).toBe("Windows-1251 (кириллица)");
    expect(translate("en", encodingMessage("utf8"))).toBe("UTF-8");
    expect(translate("en", separatorMessage(";"))).toBe("semicolon (;)");
    expect(translate("en", separatorMessage("\t"))).toBe("tab");
    expect(translate("ru", separatorMessage(","))).toBe("запятая (,)");
    const xlsx = formatMessages({ kind: "xlsx", sheet: "Leads" });
    expect(translate("en", ...xlsx.separator)).toBe("“Leads”");
    expect(translate("en", ...xlsx.encoding)).toBe("Excel workbook (no text encoding to guess)");
    for (const e of ["utf8", "utf8-bom", "utf16-le", "utf16-be", "windows1251", "windows1252"] as const) {
      expect(hasMessage("en", encodingMessage(e)) && hasMessage("ru", encodingMessage(e)), e).toBe(true);
    }
  });
});

describe("the periods", () => {
  const preview = {
    periods: [
      { period: "2027-01", leads: 40 },
      { period: "2027-02", leads: 310 },
      { period: "2027-03", leads: 12 },
    ],
    suggested: "2027-02",
    stored: ["2027-01"],
  };

  it("offer the export's months newest first, each with its leads, the stored ones marked", () => {
    expect(periodOptions(preview)).toEqual([
      { period: "2027-03", leads: 12, stored: false },
      { period: "2027-02", leads: 310, stored: false },
      { period: "2027-01", leads: 40, stored: true },
    ]);
    expect(initialPeriod(preview)).toBe("2027-02");
    expect(initialPeriod({ ...preview, suggested: null })).toBe("2027-03");
    expect(initialPeriod({ periods: [], suggested: null })).toBeNull();
  });

  it("fall back to the term's months, newest first, when the export's are unknown", () => {
    expect(termPeriodOptions({ first: "2026-12", last: "2027-02" }, ["2027-01"])).toEqual([
      { period: "2027-02", leads: null, stored: false },
      { period: "2027-01", leads: null, stored: true },
      { period: "2026-12", leads: null, stored: false },
    ]);
  });

  it("of a term run month by month across the year", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsBetween("2027-02", "2027-01")).toEqual([]);
    expect(monthsBetween("soon", "2027-01")).toEqual([]);
  });
});

describe("a figure entered by hand", () => {
  it("reads numbers as people type them, and nothing else", () => {
    expect(parseFigure("12.5")).toBe(12.5);
    expect(parseFigure("12,5")).toBe(12.5);
    expect(parseFigure(" 1 200 ")).toBe(1200);
    expect(parseFigure("85%")).toBe(85);
    expect(parseFigure("-3")).toBe(-3);
    for (const bad of ["", "abc", "1.2.3", "12,5,1", "1e400", "--1", ","]) expect(parseFigure(bad), bad).toBeNull();
  });

  it("offers the metrics no export gives first", () => {
    const agreement = {
      commitments: [
        { metrics: [{ id: "mql", name: "MQLs", unit: "count" }, { id: "nps", name: "Sales NPS", unit: "count" }] },
        { metrics: [{ id: "speed", name: "Response", unit: "business_hours" }] },
      ],
    } as unknown as Parameters<typeof figureMetrics>[1];
    const list = figureMetrics(overview({ manual_metrics: ["speed"] }), agreement);
    expect(list.map((m) => [m.id, m.manual])).toEqual([
      ["speed", true],
      ["mql", false],
      ["nps", false],
    ]);
  });

  it("starts on the month asked for, else the newest stored one in the term", () => {
    const stored = (period: string) => ({ review: { period, review_date: "", metrics: [], fired: [], adjustments: [] }, import: null, computed_at: "" });
    expect(initialFigurePeriod(overview(), "2027-03")).toBe("2027-03");
    expect(initialFigurePeriod(overview(), "2030-01")).toBe("2026-11");
    expect(initialFigurePeriod(overview({ periods: [stored("2026-12"), stored("2027-01")] }), null)).toBe("2027-01");
  });

  it("is written with its unit, and a target with its comparator", () => {
    expect(formatFigure(85, "percent")).toBe("85%");
    expect(formatFigure(4.25, "business_hours")).toBe("4 h 15 min");
    expect(formatFigure(12, "count")).toBe("12");
    expect(formatFigure(null, "count")).toBe("no figure");
    expect(baseName("C:\\exports\\amo.csv")).toBe("amo.csv");
    expect(baseName("/tmp/hubspot.csv")).toBe("hubspot.csv");
  });
});
