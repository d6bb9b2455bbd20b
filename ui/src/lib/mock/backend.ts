/**
 * An in-memory stand-in for the Rust side, used by the unit tests (through `mockIPC`) and by
 * `npm run dev:mock` to work on the window in a browser. It keeps the commands' contracts (names,
 * arguments, error shape) but none of the real logic beyond what the window needs to be exercised:
 * the real checks, library and funnel live in Rust and are exercised by the end-to-end tests.
 */
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import templateEn from "../../../../src-tauri/crates/sla-templates/builtin/sales-marketing.en.json";
import templateRu from "../../../../src-tauri/crates/sla-templates/builtin/sales-marketing.ru.json";
import type { Agreement } from "../types/agreement";
import { MockReviews } from "./reviews";
import type {
  AppliedTarget,
  CertificateSummary,
  DraftInfo,
  FileView,
  Finding,
  FunnelInput,
  FunnelResult,
  HistoryEntry,
  IdentityInfo,
  Language,
  LibraryMetric,
  NewIdentity,
  Page,
  PageRequest,
  PdfSignatures,
  RecoveryReport,
  SignOptions,
} from "../types/ipc";

/** A page of `list` in the store's order (newest `key` first, then highest id), as `Store::page` reads it. */
function pageOf(list: DraftInfo[], key: (d: DraftInfo) => string, request: PageRequest): Page {
  const before = (a: DraftInfo, at: string, id: number) => key(a) < at || (key(a) === at && a.id < id);
  const sorted = list.sort((a, b) => key(b).localeCompare(key(a)) || b.id - a.id);
  const limit = Math.min(1000, Math.max(1, request.limit));
  const after = request.after;
  const rows = (after ? sorted.filter((d) => before(d, after.at, after.id)) : sorted).slice(0, limit + 1);
  const newer = after ? sorted.filter((d) => key(d) > after.since).slice(0, limit) : [];
  const drafts = rows.slice(0, limit);
  const since = [after?.since ?? "", drafts[0] ? key(drafts[0]) : "", newer[0] ? key(newer[0]) : ""].reduce((a, b) => (a > b ? a : b));
  const last = drafts[drafts.length - 1];
  return { drafts, newer, next: rows.length > limit && last ? { at: key(last), id: last.id, since } : null };
}

interface StoredDraft {
  info: DraftInfo;
  agreement: Agreement;
  history: { entry: HistoryEntry; agreement: Agreement }[];
}

type Args = Record<string, unknown>;

export class MockBackend {
  drafts = new Map<number, StoredDraft>();
  settings = new Map<string, string>();
  calls: { cmd: string; args: Args }[] = [];
  /** When set, the next save rejects with this message (to exercise the error state). */
  failNextSave: string | null = null;
  /** While set, every save fails as on a full disk. */
  diskFull = false;
  /** What `recovery_status` answers: set to start on the recovery screen. */
  recovery: RecoveryReport | null = null;
  /** What `take_file_to_open` answers. */
  fileToOpen: string | null = null;
  /** Signing identities with the passphrase each was made with. */
  identities = new Map<string, { info: IdentityInfo; passphrase: string }>();
  /** Whether a system keychain answers; what it remembers, by identity id. */
  keychain = true;
  remembered = new Map<string, string>();
  /** PDFs the window exported or signed, as verification would report them. */
  pdfs = new Map<string, PdfSignatures>();
  /** Certificates the person trusts, by holder's name. */
  trusted: IdentityInfo[] = [];
  /** What the open dialog answers. */
  openPath: string | null = "/tmp/other.pdf";
  /**
   * Files from the other head a test registers: what `examine_file` answers for the path, and the
   * agreement `import_file` stores or a merge saves (the real merge is Rust's, tested there).
   */
  incoming = new Map<string, { view: FileView; agreement: Agreement }>();
  /** The review commands (`review_*`): exports a test registers, stored periods, done actions. */
  reviews = new MockReviews((id) => this.get(id).agreement);
  private nextId = 1;
  private clock = Date.parse("2027-01-10T14:03:00Z");

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  create(agreement: Agreement, note = "created"): DraftInfo {
    const id = this.nextId++;
    const at = this.now();
    const info: DraftInfo = {
      id,
      title: agreement.title,
      marketing: agreement.parties.marketing.department,
      sales: agreement.parties.sales.department,
      version: 1,
      created_at: at,
      updated_at: at,
      trashed_at: null,
    };
    const copy = structuredClone(agreement);
    this.drafts.set(id, { info, agreement: copy, history: [{ entry: { version: 1, saved_at: at, title: info.title, note, kept: false }, agreement: copy }] });
    return { ...info };
  }

  /** Saves a new version the way another window or the command line would, behind this window's back. */
  saveElsewhere(id: number, agreement: Agreement, note = ""): DraftInfo {
    const d = this.get(id);
    d.agreement = structuredClone(agreement);
    d.info = { ...d.info, version: d.info.version + 1, updated_at: this.now(), title: agreement.title };
    d.history.push({ entry: { version: d.info.version, saved_at: d.info.updated_at, title: d.info.title, note, kept: false }, agreement: d.agreement });
    return { ...d.info };
  }

  private get(id: unknown): StoredDraft {
    const draft = this.drafts.get(Number(id));
    if (!draft) throw { kind: "not_found", message: `no draft with id ${String(id)}` };
    return draft;
  }

  handle(cmd: string, args: Args = {}): unknown {
    this.calls.push({ cmd, args: structuredClone(args) });
    if (cmd.startsWith("review_")) return this.reviews.handle(cmd, args);
    switch (cmd) {
      case "list_templates":
        return {
          templates: [
            {
              name: "sales-marketing",
              title: "Inbound B2B",
              summary: "Classic two-way SLA",
              choose_when: "Choose this when marketing brings inbound leads.",
              origin: { kind: "built_in" },
              languages: ["en", "ru"],
            },
            {
              name: "blank",
              title: "Blank agreement",
              summary: "An empty agreement",
              choose_when: "Choose this when no template fits.",
              origin: { kind: "built_in" },
              languages: ["en", "ru"],
            },
          ],
          problems: [],
          folder: "/home/anna/.local/share/com.slastudio.desktop/templates",
        };
      case "list_drafts": {
        const q = String(args.query ?? "").toLowerCase().trim();
        const found = [...this.drafts.values()]
          .filter((d) => d.info.trashed_at === null)
          .filter((d) => !q || JSON.stringify(d.agreement).toLowerCase().includes(q))
          .map((d) => ({ ...d.info }));
        return pageOf(found, (d) => d.updated_at, args.page as PageRequest);
      }
      case "list_trash": {
        const trashed = [...this.drafts.values()].filter((d) => d.info.trashed_at !== null).map((d) => ({ ...d.info }));
        return pageOf(trashed, (d) => d.trashed_at ?? d.updated_at, args.page as PageRequest);
      }
      case "count_trash":
        return [...this.drafts.values()].filter((d) => d.info.trashed_at !== null).length;
      case "create_draft": {
        const language = args.language as Language;
        const agreement =
          args.template === "blank" ? blankAgreement(language) : (structuredClone(language === "ru" ? templateRu : templateEn) as Agreement);
        agreement.id = `mock-${this.nextId}`;
        const info = this.create(agreement, `created from template ${String(args.template)}`);
        return { info, agreement: structuredClone(agreement) };
      }
      case "open_draft": {
        const d = this.get(args.id);
        return { info: { ...d.info }, agreement: structuredClone(d.agreement) };
      }
      case "save_draft": {
        const d = this.get(args.id);
        if (this.failNextSave) {
          const message = this.failNextSave;
          this.failNextSave = null;
          throw { kind: "store", message };
        }
        if (this.diskFull) {
          throw { kind: "disk_full", message: "could not finish saving draft: the disk holding /data/drafts.sqlite3 is full" };
        }
        const agreement = args.agreement as Agreement;
        const base = Number(args.base);
        if (JSON.stringify(agreement) !== JSON.stringify(d.agreement) && base !== d.info.version) {
          // As the store does: a save based on a version that is no longer the latest is refused.
          const latest = d.history[d.history.length - 1].entry;
          throw {
            kind: "conflict",
            message: `draft ${d.info.id} was changed elsewhere while this was being edited: version ${latest.version} was saved by another window or command, after version ${base} that this save was based on; nothing was saved, so neither is lost`,
            field: null,
            conflict: { id: d.info.id, base, latest: latest.version, saved_at: latest.saved_at, note: latest.note },
          };
        }
        if (JSON.stringify(agreement) !== JSON.stringify(d.agreement)) {
          d.agreement = structuredClone(agreement);
          d.info.version += 1;
          d.info.updated_at = this.now();
          d.info.title = agreement.title;
          d.info.marketing = agreement.parties.marketing.department;
          d.info.sales = agreement.parties.sales.department;
          d.history.push({ entry: { version: d.info.version, saved_at: d.info.updated_at, title: d.info.title, note: "", kept: false }, agreement: d.agreement });
        }
        return { ...d.info };
      }
      case "duplicate_draft": {
        const d = this.get(args.id);
        const copy = structuredClone(d.agreement);
        copy.title = `${copy.title} (2)`;
        return this.create(copy, `copy of draft ${d.info.id}`);
      }
      case "rename_draft": {
        const d = this.get(args.id);
        d.agreement.title = String(args.title);
        d.info.title = String(args.title);
        d.info.version += 1;
        d.info.updated_at = this.now();
        return { ...d.info };
      }
      case "trash_draft":
        this.get(args.id).info.trashed_at = this.now();
        return null;
      case "restore_draft":
        this.get(args.id).info.trashed_at = null;
        return null;
      case "empty_trash": {
        let n = 0;
        for (const [id, d] of this.drafts) if (d.info.trashed_at !== null) (this.drafts.delete(id), n++);
        return n;
      }
      // The real anchoring is Rust's (items by identity); the mock keys a field by its path.
      case "comment_key":
        return `key:${String(args.field)}`;
      case "comment_anchors": {
        const agreement = args.agreement as Agreement;
        const exists = (path: string) =>
          path
            .replace(/\[(\d+)\]/g, ".$1")
            .split(".")
            .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), agreement) !== undefined;
        return (agreement.negotiation?.comments ?? []).map((c) => {
          const field = c.on.startsWith("key:") ? c.on.slice(4) : null;
          return { thread: c.id, field: field && exists(field) ? field : null };
        });
      }
      case "draft_badges":
        return (args.ids as number[]).flatMap((id) => {
          const d = this.drafts.get(id);
          if (!d) return [];
          const open = (d.agreement.negotiation?.comments ?? []).filter((t) => !t.resolved_at).length;
          const pending = this.settings.get(`proposal-pending:${id}`) || null;
          return open > 0 || pending ? [{ id, open_comments: open, pending_proposal: pending }] : [];
        });
      case "compare_versions": {
        // The real comparison is Rust's; this one finds changed targets, enough for the window.
        const d = this.get(args.id);
        const at = (v: unknown) => d.history.find((h) => h.entry.version === Number(v))?.agreement;
        const [a, b] = [at(args.from), at(args.to)];
        if (!a || !b) throw { kind: "store", message: "no such version" };
        const changes = [];
        for (const [i, c] of b.commitments.entries()) {
          for (const [j, m] of c.metrics.entries()) {
            const old = a.commitments.find((x) => x.id === c.id)?.metrics.find((x) => x.id === m.id);
            if (old && old.target !== m.target) {
              changes.push({
                key: `commitments[${c.id}].metrics[${m.id}].target`,
                step: "performance",
                kind: "changed",
                text: `${m.name}: ${old.target} → ${m.target}`,
                field: `commitments[${i}].metrics[${j}].target`,
              });
            }
          }
        }
        return changes;
      }
      case "draft_history":
        return this.get(args.id).history.map((h) => h.entry).reverse();
      case "restore_version": {
        const d = this.get(args.id);
        const old = d.history.find((h) => h.entry.version === Number(args.version));
        if (!old) throw { kind: "not_found", message: `draft ${String(args.id)} has no version ${String(args.version)}` };
        // Based on the latest, read in the same step, as the store's restore is.
        return this.handle("save_draft", { id: args.id, agreement: old.agreement, base: d.info.version });
      }
      case "take_file_to_open":
        return this.fileToOpen;
      case "recovery_status":
        return this.recovery;
      case "recovery_apply": {
        if (!this.recovery) throw { kind: "io", message: "there is nothing to recover: the drafts database is open" };
        const report = this.recovery;
        const imported = (args.import as number[]).map((i) => {
          const found = report.salvaged.find((d) => d.index === i);
          if (!found) throw { kind: "io", message: `there is no salvaged draft ${i}` };
          return found;
        });
        this.drafts.clear();
        this.recovery = null;
        return { drafts: (args.backup ? (report.backup?.drafts ?? 0) : 0) + imported.length, imported: imported.length };
      }
      case "examine_file": {
        const file = this.incoming.get(String(args.path));
        if (!file) throw { kind: "invalid_agreement", message: `${String(args.path)}: not an agreement file` };
        if (file.view.kind === "proposal") this.settings.set(`proposal-pending:${file.view.draft}`, String(args.path));
        return structuredClone(file.view);
      }
      case "import_file": {
        const file = this.incoming.get(String(args.path));
        if (!file) throw { kind: "invalid_agreement", message: `${String(args.path)}: not an agreement file` };
        const agreement = structuredClone(file.agreement);
        if (args.separate) agreement.id = `mock-copy-${this.nextId}`;
        const info = this.create(agreement, `imported from ${String(args.path)}`);
        return { info, agreement };
      }
      case "accept_proposal": {
        const file = this.incoming.get(String(args.path));
        if (!file || file.view.kind !== "proposal") throw { kind: "invalid_agreement", message: "not a proposal" };
        const d = this.get(args.draft);
        if (d.info.version !== Number(args.latest)) {
          throw { kind: "conflict", message: "the draft was saved since", conflict: { id: d.info.id, base: Number(args.latest), latest: d.info.version, saved_at: d.info.updated_at, note: "" } };
        }
        const name = file.view.proposer ?? String(args.path);
        this.settings.set(`proposal-pending:${d.info.id}`, "");
        const info = this.saveElsewhere(d.info.id, file.agreement, `merged the proposal of ${name}`);
        return { info, agreement: structuredClone(file.agreement) };
      }
      case "export_proposal":
        this.settings.set(`proposal-sent:${String(args.id)}`, String(args.from));
        return args.path;
      case "import_draft":
        throw { kind: "invalid_agreement", message: `${String(args.path)}: not an agreement file` };
      case "get_setting":
        return this.settings.get(String(args.key)) ?? null;
      case "set_setting":
        this.settings.set(String(args.key), String(args.value));
        return null;
      case "check_agreement":
        return mockChecks(args.agreement as Agreement, args.language as Language);
      case "metric_library":
        return mockLibrary(args.language as Language);
      case "funnel_compute":
        return mockFunnel(args.input as FunnelInput);
      case "funnel_apply": {
        const agreement = structuredClone(args.agreement as Agreement);
        const input = args.input as FunnelInput;
        const result = args.result as { mqls_per_rep_per_month: number };
        let applied: AppliedTarget | null = null;
        agreement.commitments.forEach((c, ci) =>
          c.metrics.forEach((m, mi) => {
            if (applied || m.kind !== "volume" || m.flow !== "mql") return;
            applied = {
              metric_id: m.id,
              field: `commitments[${ci}].metrics[${mi}].target`,
              previous_target: m.target,
              target: result.mqls_per_rep_per_month,
              created_metric: false,
              created_commitment: false,
              changed_fields: [`commitments[${ci}].metrics[${mi}].target`, "plan"],
            };
            m.target = result.mqls_per_rep_per_month;
          }),
        );
        recordPlan(agreement, input, (applied as AppliedTarget | null)?.metric_id ?? null);
        return { agreement, applied };
      }
      case "time_zones":
        return [...MOCK_TIME_ZONES];
      case "export_pdf": {
        const draft = this.get(args.id);
        this.pdfs.set(String(args.path), {
          path: String(args.path),
          title: draft.agreement.title,
          signatures: [],
          unsigned: draft.agreement.signatories.map((s, i) => ({ name: `sig-${i + 1}`, signatory: s.name, page: 3 })),
          all_valid: false,
          verdict: "The document has no signatures.",
          exported_from: { draft: draft.info.id, version: draft.info.version },
        });
        return { path: String(args.path), bytes: 48213, draft_mark: false };
      }
      case "identities_list":
        return [...this.identities.values()].map((i) => ({ ...i.info, remembered: this.remembered.has(i.info.id) }));
      case "keychain_status":
        return this.keychain
          ? { available: true, detail: null }
          : { available: false, detail: "this computer has no system keychain (no D-Bus session): type the passphrase each time" };
      case "identity_forget_passphrase":
        this.remembered.delete(String(args.id));
        return null;
      case "identity_create": {
        const identity = args.identity as NewIdentity;
        if (!String(args.passphrase)) throw { kind: "signing", message: "the passphrase is empty: choose one to protect the key" };
        if (!identity.name.trim()) throw { kind: "signing", message: "the identity's name is empty" };
        const id = String(this.identities.size + 1).padStart(16, "0");
        const info = { id, certificate: mockCertificate(identity) };
        this.identities.set(id, { info, passphrase: String(args.passphrase) });
        return info;
      }
      case "identity_delete":
        this.identities.delete(String(args.id));
        this.remembered.delete(String(args.id));
        return null;
      case "trusted_list":
        return this.trusted;
      case "trust_certificate": {
        const name = String(args.path).replace(/^.*\//, "").replace(/\.pem$/, "");
        const info = { id: String(this.trusted.length + 1).padStart(16, "a"), certificate: mockCertificate({ name, role: "", department: "", organization: "", email: "", key: "rsa" }) };
        this.trusted.push(info);
        return [info];
      }
      case "inspect_pdf": {
        const pdf = this.pdfs.get(String(args.path));
        if (!pdf) throw { kind: "signing", message: `${String(args.path)} is not a PDF: it does not start with %PDF-` };
        const report = structuredClone(pdf);
        for (const s of report.signatures) s.trusted ||= this.trusted.some((t) => t.certificate.name === s.signer?.name);
        return report;
      }
      case "sign_pdf": {
        const pdf = this.pdfs.get(String(args.input));
        const identity = this.identities.get(String(args.identity));
        if (!pdf || !identity) throw { kind: "signing", message: "no such PDF or identity" };
        const id = identity.info.id;
        const typed = String(args.passphrase);
        if (!typed) {
          const remembered = this.remembered.get(id);
          if (remembered === undefined) throw { kind: "signing", message: `no passphrase is remembered for ${id}.p12: type it` };
          if (remembered !== identity.passphrase) {
            this.remembered.delete(id);
            throw { kind: "signing", message: `the passphrase remembered in the system keychain no longer unlocks ${id}.p12 (was the file replaced?); it has been forgotten: type the passphrase` };
          }
        } else if (identity.passphrase !== typed) {
          throw { kind: "signing", message: `wrong passphrase for ${identity.info.certificate.name}'s signing identity` };
        } else if (args.remember) {
          if (!this.keychain) throw { kind: "signing", message: "this computer has no system keychain (no D-Bus session): type the passphrase each time" };
          this.remembered.set(id, typed);
        }
        const options = args.options as SignOptions;
        const field = typeof options.field === "object" ? options.field.named : pdf.unsigned[0].name;
        const signed: PdfSignatures = structuredClone(pdf);
        signed.path = String(args.output);
        signed.unsigned = signed.unsigned.filter((f) => f.name !== field);
        signed.signatures.push({
          field,
          valid: true,
          trusted: true,
          signer: identity.info.certificate,
          signing_time: this.now(),
          findings: [{ id: "sig-intact", text: "The signed content is intact." }],
        });
        signed.all_valid = true;
        signed.verdict = `All signatures are valid (${signed.signatures.length}).`;
        this.pdfs.set(signed.path, signed);
        if (pdf.exported_from) {
          const key = `signed-version:${pdf.exported_from.draft}`;
          const old = JSON.parse(this.settings.get(key) ?? "null");
          const signers = old?.version === pdf.exported_from.version ? old.signers : [];
          this.settings.set(
            key,
            JSON.stringify({ version: pdf.exported_from.version, signers: [...signers, identity.info.certificate.name], signed_at: this.now(), agreement_sha256: "00" }),
          );
        }
        return signed;
      }
      case "signed_version":
        return JSON.parse(this.settings.get(`signed-version:${String(args.id)}`) ?? "null");
      case "app_info":
        return { name: "SLA Studio", version: "0.1.0", publisher: "SLA Studio", data_dir: "/tmp/sla-studio" };
      case "plugin:dialog|save":
        return "/tmp/agreement.pdf";
      case "plugin:dialog|open":
        return this.openPath;
      case "open_pdf":
        return null;
      default:
        throw { kind: "unknown_command", message: `the mock does not know ${cmd}` };
    }
  }
}

function mockCertificate(identity: NewIdentity): CertificateSummary {
  return {
    name: identity.name,
    role: identity.role,
    department: identity.department,
    organization: identity.organization,
    email: identity.email,
    issuer: identity.name,
    key: identity.key === "rsa" ? { kind: "rsa", bits: 2048 } : { kind: "ecdsa_p256" },
    fingerprint_sha256: "97:73:3E:BD",
    not_before: "2027-01-10T14:00:00Z",
    not_after: "2030-01-09T14:00:00Z",
    self_signed: true,
  };
}

function blankAgreement(language: Language): Agreement {
  const ru = language === "ru";
  return {
    schema_version: 1,
    id: "",
    title: ru ? "Соглашение об уровне сервиса между маркетингом и продажами" : "Service-level agreement between Marketing and Sales",
    language,
    parties: {
      marketing: { department: ru ? "Маркетинг" : "Marketing", head: { name: "", role: "", email: "" } },
      sales: { department: ru ? "Продажи" : "Sales", head: { name: "", role: "", email: "" } },
    },
    term: { effective_date: "2027-02-01", duration_months: 12, renewal: "by_agreement", review_dates: [] },
    commitments: [],
    monitoring: { data_collection: "", data_processing: "", reports: [], review_cadence: null, reviewers: [] },
    deadlines: {
      basis: "business_hours",
      calendar: { timezone: ru ? "Europe/Moscow" : "UTC", workdays: [1, 2, 3, 4, 5], day_start: "09:00", day_end: "18:00", holidays: [] },
      rules: [],
    },
    consequences: { escalation: [], remedies: [], adjustments: [] },
    signatories: [],
    notes: "",
  };
}

function mockChecks(a: Agreement, language: Language): Finding[] {
  const ru = language === "ru";
  const out: Finding[] = [];
  for (const side of ["marketing", "sales"] as const) {
    if (!a.parties[side].head.name.trim())
      out.push({
        id: "party-head-no-name",
        severity: "error",
        field: `parties.${side}.head.name`,
        message: ru ? "Не указан руководитель" : "The head of the department has no name",
        fix: ru ? "Впишите имя руководителя" : "Enter the head's name",
        cites: "contents-document",
        citation: ru ? "Статья: SLA сводит услуги и ответственность сторон в один документ." : "The article: an SLA puts every service and the responsibility for it into one document.",
      });
  }
  a.commitments.forEach((c, ci) =>
    c.metrics.forEach((m, mi) => {
      if (m.owner !== c.provider)
        out.push({
          id: "metric-owner-not-provider",
          severity: "warning",
          field: `commitments[${ci}].metrics[${mi}].owner`,
          message: ru ? "Метрику контролирует не поставщик услуги" : "The metric is answered for by the side that does not provide the service",
          fix: ru ? "Сделайте ответственным поставщика" : "Make the provider answerable for it",
          cites: "metrics-provider",
          citation: ru ? "Статья, выбор метрик (2): измеряйте только то, что контролирует поставщик." : "The article, choosing metrics (2): measure only what the provider controls.",
        });
    }),
  );
  if (!a.monitoring.review_cadence)
    out.push({
      id: "review-no-cadence",
      severity: "error",
      field: "monitoring.review_cadence",
      message: ru ? "Не указано, как часто проходит разбор" : "How often the figures are reviewed is not agreed",
      fix: ru ? "Выберите периодичность" : "Choose a cadence",
      cites: "contents-monitoring",
      citation: ru ? "Статья, что входит в SLA (3): мониторинг и отчётность." : "The article, what an SLA contains (3): monitoring and reporting.",
    });
  return out;
}

function mockLibrary(language: Language): LibraryMetric[] {
  const template = (language === "ru" ? templateRu : templateEn) as Agreement;
  return template.commitments.flatMap((c) =>
    c.metrics.map((metric) => ({ metric, reason: "Recorded by the CRM without effort", source: "HubSpot", provider: c.provider })),
  );
}

function mockFunnel(input: FunnelInput): FunnelResult {
  const deals = Math.ceil(input.revenue_goal / input.average_deal_size);
  const rate = input.stages.reduce((r, s) => (r * s.conversion_percent) / 100, 1);
  const mqls = Math.ceil(deals / rate);
  const perMonth = Math.ceil(mqls / input.period_months);
  let entering = perMonth;
  const stages = input.stages.map((s) => {
    const moving_on = (entering * s.conversion_percent) / 100;
    const v = { name: s.name, conversion_percent: s.conversion_percent, entering, moving_on };
    entering = moving_on;
    return v;
  });
  return {
    deals_needed: deals,
    overall_conversion_percent: rate * 100,
    mqls_per_deal: 1 / rate,
    mqls_needed: mqls,
    mqls_per_month: perMonth,
    mqls_per_rep_per_month: Math.ceil(mqls / (input.period_months * input.sales_reps)),
    stages,
    capacity: null,
  };
}

/** A few of the IANA zones `time_zones` lists, sorted as it sorts them. */
export const MOCK_TIME_ZONES = ["America/New_York", "Asia/Tokyo", "Europe/Berlin", "Europe/London", "Europe/Moscow", "UTC"];

/** What Rust's `funnel::apply` records in the plan: the calculator's team, funnel and capacity. */
function recordPlan(agreement: Agreement, input: FunnelInput, metricId: string | null): void {
  const plan = (agreement.plan ??= {});
  const before = plan.funnel ?? [];
  plan.sales_reps = input.sales_reps;
  if (metricId) plan.lead_volume = { metric: metricId, per_rep: true };
  plan.funnel = input.stages.map((stage, i) => {
    const kept = before[i]?.name === stage.name ? before[i].metric : null;
    return kept ? { ...stage, metric: kept } : { ...stage };
  });
  if (input.capacity) {
    plan.rep_hours_per_month = input.capacity.rep_hours_per_month;
    plan.attempts_per_lead = input.capacity.attempts_per_lead;
    plan.minutes_per_attempt = input.capacity.minutes_per_attempt;
    plan.after_hours_share_percent = input.capacity.after_hours_share_percent;
  }
}

/** Routes every IPC call of the window to a fresh mock backend and returns it. */
export function installMockBackend(backend = new MockBackend()): MockBackend {
  // One window named "main", whose events (close requests, files handed over) the tests can emit.
  mockWindows("main");
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Args), { shouldMockEvents: true });
  return backend;
}
