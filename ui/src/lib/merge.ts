/**
 * Writes a new version of a value into the reactive one in place, touching only what changed, so
 * that inputs showing unchanged fields keep their focus, caret and undo history.
 */
export function mergeInto<T extends object>(target: T, source: T): void {
  const t = target as Record<string, unknown>;
  const s = source as Record<string, unknown>;
  if (Array.isArray(target) && Array.isArray(source)) {
    if (target.length !== source.length) {
      target.splice(0, target.length, ...source);
      return;
    }
    source.forEach((item, i) => assign(target as unknown[], i, item));
    return;
  }
  for (const key of Object.keys(t)) if (!(key in s)) delete t[key];
  for (const key of Object.keys(s)) assign(t, key, s[key]);
}

function assign(container: Record<string, unknown> | unknown[], key: string | number, next: unknown): void {
  const c = container as Record<string | number, unknown>;
  const current = c[key];
  if (
    current !== null &&
    next !== null &&
    typeof current === "object" &&
    typeof next === "object" &&
    Array.isArray(current) === Array.isArray(next) &&
    sameVariant(current, next)
  ) {
    mergeInto(current as object, next as object);
  } else if (current !== next) {
    c[key] = next;
  }
}

/** Tagged unions (`{ method: "manual" }`, `{ kind: "metric", id }`) are replaced whole when the tag changes. */
function sameVariant(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return x.method === y.method && x.kind === y.kind;
}

/** An id not used yet, made from a name: "MQLs per rep" -> "mqls-per-rep", then "-2", "-3"... */
export function uniqueId(name: string, taken: Iterable<string>, fallback = "item"): string {
  const used = new Set(taken);
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
