/**
 * The review commands of the mock backend. Exports are not read: a test (or `dev:mock`) registers
 * what a path "contains" with `addExport`, as figures per metric and period. The review logic is a
 * small stand-in for `sla-compliance` (met or missed against the target, runs of misses, escalation
 * steps whose `missed_in_a_row` trigger is reached); the real one is tested in Rust and end to end.
 */
import type { Agreement } from "../types/agreement";
import type {
  DoneAction,
  EnteredActual,
  ExportPreview,
  FiredConsequence,
  ImportInfo,
  ImportPreview,
  MetricCompliance,
  Period,
  Review,
  ReviewMapping,
  ReviewOverview,
  ReviewStatus,
  StageValue,
  Status,
} from "../types/reviews";

type Args = Record<string, unknown>;

/** What a mock export file holds: its preview, and each period's figure per metric id. */
export interface MockExport {
  preview: ExportPreview;
  figures: Record<Period, Record<string, number | null>>;
}

interface StoredPeriod {
  period: Period;
  figures: Record<string, number | null>;
  import: ImportInfo | null;
  computed_at: string;
}

export const AMO_HEADERS = ["ID", "Ответственный", "Дата создания", "Этап сделки", "Причина отказа", "Первый контакт"];

/** A preview like the one the real reader gives for an amoCRM export in Windows-1251. */
export function amoPreview(name = "amocrm-2027-01.csv", periods: Period[] = ["2027-01"]): ExportPreview {
  return {
    file: { name, fingerprint: "ab".repeat(32), format: { kind: "csv", encoding: "windows1251", separator: ";" }, rows: 12 },
    headers: AMO_HEADERS,
    sample: [
      ["1001", "Ольга Иванова", "09.01.2027 10:15", "Квалифицирован", "", "09.01.2027 10:40"],
      ["1002", "Пётр Сидоров", "09.01.2027 11:02", "Отказ", "Нет бюджета", "09.01.2027 12:30"],
    ],
    mapping: {
      columns: {
        id: "ID",
        owner: "Ответственный",
        created: "Дата создания",
        stage: "Этап сделки",
        mql_values: ["Новый лид"],
        accepted_values: ["Квалифицирован"],
        rejected_values: ["Отказ"],
        rejection_reason: "Причина отказа",
        first_contact: "Первый контакт",
      },
    },
    origin: "guessed",
    stage_values: [
      { value: "Квалифицирован", count: 7, class: "accepted" },
      { value: "Отказ", count: 3, class: "rejected" },
      { value: "Новый лид", count: 2, class: "delivered" },
    ],
    periods: periods.map((period) => ({ period, leads: 12 })),
    suggested: periods[periods.length - 1] ?? null,
    stored: [],
    read_error: null,
  };
}

function metricsOf(agreement: Agreement) {
  return agreement.commitments.flatMap((c) => c.metrics);
}

function meets(comparator: string, actual: number, target: number): boolean {
  if (comparator === "exactly") return actual === target;
  return comparator === "at_most" ? actual <= target : actual >= target;
}

export class MockReviews {
  exports = new Map<string, MockExport>();
  periods = new Map<number, StoredPeriod[]>();
  done = new Map<number, DoneAction[]>();
  entered = new Map<number, EnteredActual[]>();
  /** Draft ids the home list treats as signed. */
  signed = new Set<number>();
  private nextImport = 1;

  constructor(private readonly agreementOf: (id: number) => Agreement) {}

  addExport(path: string, value: MockExport): void {
    this.exports.set(path, value);
  }

  private exportAt(path: unknown): MockExport {
    const found = this.exports.get(String(path));
    if (!found) throw { kind: "export", message: `${String(path)}: no such file` };
    return found;
  }

  private stored(id: number): StoredPeriod[] {
    let list = this.periods.get(id);
    if (!list) this.periods.set(id, (list = []));
    return list;
  }

  /** The review of `period` against the periods before it among `list`. */
  review(id: number, list: StoredPeriod[], period: Period): Review {
    const agreement = this.agreementOf(id);
    const sorted = [...list].sort((a, b) => a.period.localeCompare(b.period));
    const upTo = sorted.filter((p) => p.period <= period);
    const metrics: MetricCompliance[] = metricsOf(agreement).map((m) => {
      const trend = upTo.map((p): [Period, number | null] => [p.period, p.figures[m.id] ?? null]);
      const status = (value: number | null): Status => (value === null ? "no_data" : meets(m.comparator, value, m.target) ? "met" : "missed");
      let misses = 0;
      for (let i = trend.length - 1; i >= 0 && status(trend[i][1]) === "missed"; i--) misses++;
      const actual = trend.length ? trend[trend.length - 1][1] : null;
      return {
        metric_id: m.id,
        name: m.name,
        unit: m.unit,
        comparator: m.comparator,
        target: m.target,
        actual,
        status: status(actual),
        achieved_percent: actual === null || m.target === 0 ? null : m.comparator === "at_most" ? (m.target / Math.max(actual, 1e-9)) * 100 : (actual / m.target) * 100,
        misses_in_a_row: misses,
        time: m.unit === "business_hours" && actual !== null ? { count: 10, median: actual, p90: actual * 2, within_target_percent: 60, never_contacted: 1 } : null,
        source: actual === null ? { from: "no_data", reason: "The export has no such column.", cause: "manual_entry" } : { from: "export", leads: 12 },
        trend,
      };
    });
    const fired: FiredConsequence[] = [];
    agreement.consequences.escalation.forEach((step, index) => {
      const when = (step as { when?: { condition: string; periods?: number } }).when;
      if (when?.condition !== "missed_in_a_row") return;
      const hit = metrics.filter((m) => m.misses_in_a_row >= (when.periods ?? 1));
      if (!hit.length) return;
      fired.push({
        source: { kind: "escalation", index },
        metric_ids: hit.map((m) => m.metric_id),
        escalate_to: step.escalate_to,
        action: step.action ?? "",
        trigger: { condition: "missed_in_a_row", periods: when.periods ?? 1 },
        reason: `${hit[0].name} missed ${hit[0].misses_in_a_row} periods in a row`,
        due: `${period}-0${2 + index}`,
      });
    });
    return { period, review_date: `${period}-28`, metrics, fired, adjustments: [] };
  }

  overview(id: number): ReviewOverview {
    const agreement = this.agreementOf(id);
    const list = [...this.stored(id)].sort((a, b) => a.period.localeCompare(b.period));
    const clauses: Record<string, string> = {};
    agreement.commitments.forEach((c, ci) => c.metrics.forEach((m, mi) => (clauses[`metric:${m.id}`] = `3.${ci + 1}.${mi + 1}`)));
    agreement.consequences.escalation.forEach((_, i) => (clauses[`escalation:${i}`] = `6.1.${i + 1}`));
    agreement.consequences.remedies.forEach((r, i) => (clauses[`remedy:${r.id}`] = `6.2.${i + 1}`));
    const start = agreement.term.effective_date.slice(0, 7);
    const [y, mo] = start.split("-").map(Number);
    const endMonth = y * 12 + (mo - 1) + Math.max(1, agreement.term.duration_months) - 1;
    const last = `${Math.floor(endMonth / 12)}-${String((endMonth % 12) + 1).padStart(2, "0")}`;
    return {
      draft_id: id,
      periods: list.map((p) => ({ review: this.review(id, list, p.period), import: p.import, computed_at: p.computed_at })),
      done: [...(this.done.get(id) ?? [])],
      entered: [...(this.entered.get(id) ?? [])],
      clauses,
      manual_metrics: metricsOf(agreement)
        .filter((m) => m.collection.method === "manual")
        .map((m) => m.id),
      term: { first: start, last },
    };
  }

  handle(cmd: string, args: Args): unknown {
    const id = Number(args.id);
    switch (cmd) {
      case "review_inspect": {
        const preview = structuredClone(this.exportAt(args.path).preview);
        preview.stored = this.stored(id).filter((p) => p.import).map((p) => p.period);
        return preview;
      }
      case "review_stage_values": {
        const preview = this.exportAt(args.path).preview;
        const column = preview.headers.indexOf(String(args.column));
        if (column < 0) throw { kind: "export", message: `${String(args.path)}: no column "${String(args.column)}"` };
        const counts = new Map<string, number>();
        for (const row of preview.sample) counts.set(row[column] ?? "", (counts.get(row[column] ?? "") ?? 0) + 1);
        return [...counts].map(([value, count]): StageValue => ({ value, count, class: null }));
      }
      case "review_preview": {
        const file = this.exportAt(args.path);
        const period = String(args.period);
        const figures = file.figures[period] ?? {};
        const list = this.stored(id).filter((p) => p.period !== period);
        const previous = this.stored(id).find((p) => p.period === period && p.import);
        const review = this.review(id, [...list, { period, figures, import: null, computed_at: "" }], period);
        const changes = previous
          ? metricsOf(this.agreementOf(id))
              .filter((m) => (previous.figures[m.id] ?? null) !== (figures[m.id] ?? null))
              .map((m) => ({ metric_id: m.id, name: m.name, before: previous.figures[m.id] ?? null, after: figures[m.id] ?? null }))
          : null;
        const leads = file.preview.periods.find((p) => p.period === period)?.leads ?? 0;
        return { period, leads, review, changes } satisfies ImportPreview;
      }
      case "review_import": {
        const file = this.exportAt(args.path);
        const period = String(args.period);
        const list = this.stored(id);
        const at = list.findIndex((p) => p.period === period);
        if (at >= 0 && list[at].import && !args.replace) {
          throw { kind: "would_replace", message: `${period} already has figures from ${list[at].import?.file_name}` };
        }
        const mapping = args.mapping as ReviewMapping;
        if (!mapping?.columns?.id || !mapping.columns.created) throw { kind: "export", message: "the mapping names no id or creation column" };
        const stored: StoredPeriod = {
          period,
          figures: { ...(file.figures[period] ?? {}) },
          import: { id: this.nextImport++, file_name: file.preview.file.name, fingerprint: file.preview.file.fingerprint, format: "CSV", row_count: file.preview.file.rows, imported_at: "2027-02-02T09:00:00Z" },
          computed_at: "2027-02-02T09:00:00Z",
        };
        for (const e of this.entered.get(id) ?? []) if (e.period === period) stored.figures[e.metric_id] = e.value;
        if (at >= 0) list[at] = stored;
        else list.push(stored);
        return this.overview(id);
      }
      case "review_overview":
        return this.overview(id);
      case "review_period": {
        const list = this.stored(id);
        if (!list.some((p) => p.period === args.period)) throw { kind: "io", message: `draft ${id} has no figures for ${String(args.period)}` };
        return this.review(id, list, String(args.period));
      }
      case "review_enter_figure": {
        const metric = String(args.metric);
        if (!metricsOf(this.agreementOf(id)).some((m) => m.id === metric)) throw { kind: "io", message: `draft ${id} has no metric \`${metric}\`` };
        const period = String(args.period);
        const value = Number(args.value);
        const entered = this.entered.get(id) ?? [];
        const row = { period, metric_id: metric, value, entered_by: String(args.by ?? ""), note: String(args.note ?? ""), entered_at: "2027-02-02T10:00:00Z" };
        this.entered.set(id, [...entered.filter((e) => !(e.period === period && e.metric_id === metric)), row]);
        const list = this.stored(id);
        let stored = list.find((p) => p.period === period);
        if (!stored) list.push((stored = { period, figures: {}, import: null, computed_at: "2027-02-02T10:00:00Z" }));
        stored.figures[metric] = value;
        return this.overview(id);
      }
      case "review_mark_done": {
        const key = String(args.consequence);
        if (!/^(escalation:\d+|remedy:.+|adjustment:.+)$/.test(key)) throw { kind: "io", message: `\`${key}\` is not a consequence` };
        const list = (this.done.get(id) ?? []).filter((d) => !(d.period === args.period && d.consequence === key));
        if (args.done) list.push({ period: String(args.period), consequence: key, note: String(args.note ?? ""), done_at: "2027-02-03T09:00:00Z" });
        this.done.set(id, list);
        return [...list];
      }
      case "review_report":
        return { path: String(args.path), bytes: 48_000, draft_mark: false };
      case "review_calendar":
        return null;
      case "review_statuses":
        return (args.ids as number[])
          .filter((d) => this.signed.has(d))
          .map((d): ReviewStatus => {
            const list = [...this.stored(d)].sort((a, b) => a.period.localeCompare(b.period));
            const last = list[list.length - 1];
            if (!last) return { draft_id: d, period: null, met: 0, missed: 0, no_data: 0 };
            const review = this.review(d, list, last.period);
            const count = (s: Status) => review.metrics.filter((m) => m.status === s).length;
            return { draft_id: d, period: last.period, met: count("met"), missed: count("missed"), no_data: count("no_data") };
          });
      default:
        throw { kind: "error", message: `unknown command ${cmd}` };
    }
  }
}
