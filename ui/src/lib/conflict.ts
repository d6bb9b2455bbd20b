/**
 * What differs between the agreement in this window and the version another window or the
 * command line saved meanwhile, field by field, so the person can see both before choosing.
 */
import { stepForField } from "./fieldpath";
import type { StepKey } from "./steps";

export interface Difference {
  /** The field, in the model's path syntax (`commitments[0].metrics[1].target`). */
  path: string;
  /** The wizard step that edits it. */
  step: StepKey;
  /** The value here and in the other version, as text; null where the field does not exist. */
  mine: string | null;
  theirs: string | null;
}

/** Every leaf value of `value` by its path. */
function leaves(value: unknown, path = "", out = new Map<string, string | null>()): Map<string, string | null> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
    if (value.length === 0) out.set(path, "");
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, value === null || value === undefined ? "" : String(value));
  }
  return out;
}

/** The fields whose values differ, in the order of the agreement (this window's first). */
export function differences(mine: unknown, theirs: unknown): Difference[] {
  const a = leaves(mine);
  const b = leaves(theirs);
  const paths = [...a.keys(), ...[...b.keys()].filter((p) => !a.has(p))];
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((path) => ({
      path,
      step: stepForField(path),
      mine: a.has(path) ? (a.get(path) ?? "") : null,
      theirs: b.has(path) ? (b.get(path) ?? "") : null,
    }));
}
