// ROME 4.0 parent/child codes: a search for a code also finds items coded with its parent fiche and, for a
// parent fiche, items coded with its children (db/query/rome-ranges.ts expands the codes of every search).

/** True when the ROME code belongs to one of the domains ("A", "F16"); any code when there are none. */
export function inRomeDomains(code: string, domains: readonly string[] | undefined): boolean {
  const upper = code.toUpperCase();
  return !domains?.length || domains.some((domain) => upper.startsWith(domain.toUpperCase()));
}

/** The jobs routes take 15 ROME codes at most (docs/reference/v1.md#s4). */
export const MAX_JOB_ROMES = 15;

/**
 * The shortest list of ROME codes that a search expands to the same items, within `max` codes: a child
 * whose parent is listed is dropped (the parent finds it); while the list is too long, the children of the
 * parent standing for the most of them are replaced by that parent (which also finds their siblings); the
 * codes standing for the most of the original list are kept first when it still is. Order otherwise kept.
 */
export function compactRomeCodes(
  codes: readonly string[],
  parentOf: (code: string) => string | null | undefined,
  max = MAX_JOB_ROMES,
): string[] {
  const parent = (code: string) => parentOf(code) ?? code;
  let list = [...new Set(codes)];
  const listed = new Set(list);
  list = list.filter((code) => parent(code) === code || !listed.has(parent(code)));
  const weight = new Map(list.map((code) => [code, 1]));

  while (list.length > max) {
    const groups = new Map<string, string[]>();
    for (const code of list) {
      if (parent(code) === code) continue;
      groups.set(parent(code), [...(groups.get(parent(code)) ?? []), code]);
    }
    const [best] = [...groups.entries()]
      .filter(([, children]) => children.length > 1)
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    if (!best) break;
    const [fiche, children] = best;
    const first = list.indexOf(children[0] ?? "");
    weight.set(
      fiche,
      children.reduce((sum, child) => sum + (weight.get(child) ?? 1), 0),
    );
    list = list.flatMap((code, i) => (i === first ? [fiche] : children.includes(code) ? [] : [code]));
  }
  if (list.length <= max) return list;
  const kept = new Set(
    [...list]
      .map((code, i) => ({ code, i, w: weight.get(code) ?? 1 }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, max)
      .map((c) => c.code),
  );
  return list.filter((code) => kept.has(code));
}
