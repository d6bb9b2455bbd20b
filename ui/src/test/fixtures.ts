import templateEn from "../../../src-tauri/crates/sla-templates/builtin/sales-marketing.en.json";
import type { Agreement } from "../lib/types/agreement";
import type { DraftInfo } from "../lib/types/ipc";

/** The example agreement the app ships, as the store would hand it over. */
export function example(): Agreement {
  return structuredClone(templateEn) as Agreement;
}

export function info(version: number, updated_at = "2027-01-10T14:03:00Z"): DraftInfo {
  return {
    id: 1,
    title: "t",
    marketing: "Marketing",
    sales: "Sales",
    version,
    created_at: updated_at,
    updated_at,
    trashed_at: null,
  };
}
