import type { Db } from "../client";
import { ROMES_STAMP_KEY, romeKey, romeKeyRange } from "../indexes";
import { stampedMemo } from "./stamped-memo";

// A search on several ROME codes (or one romeDomain) is a list of ranges, passed to SQL as JSON and
// joined with json_each, so one prepared statement serves any number of codes.

/** ROME 4.0 parent/child links (`romes.parent_code`), both ways, as searches read them. */
interface RomeFamily {
  parent: Map<string, string>;
  children: Map<string, string[]>;
}

// Read once per connection and kept until the ROME codes are written again (their stamp moves): a search
// expands its codes for each of its sources, and a query per call cost about 0.1 ms each (5 per jobsEtFormations).
function romeFamily(db: Db): RomeFamily {
  return stampedMemo(db, "rome-family", ROMES_STAMP_KEY, () => {
    const rows = db.$client
      .prepare("SELECT code, parent_code AS parent FROM romes WHERE parent_code IS NOT NULL")
      .all() as { code: string; parent: string }[];
    const family: RomeFamily = { parent: new Map(), children: new Map() };
    for (const { code, parent } of rows) {
      family.parent.set(code, parent);
      const siblings = family.children.get(parent);
      if (siblings) siblings.push(code);
      else family.children.set(parent, [code]);
    }
    return family;
  });
}

/**
 * The ROME codes a search for `codes` matches: each code, its parent fiche, and the children of a parent
 * fiche (`romes.parent_code`), upper-cased, sorted, without duplicates.
 */
export function expandRomeCodes(db: Db, codes: readonly string[] | undefined): string[] {
  const wanted = [...new Set((codes ?? []).map((code) => code.toUpperCase()))];
  if (wanted.length === 0) return [];
  const { parent, children } = romeFamily(db);
  const related = wanted.flatMap((code) => {
    const up = parent.get(code);
    return [...(up ? [up] : []), ...(children.get(code) ?? [])];
  });
  return [...new Set([...wanted, ...related])].sort();
}

/** Consecutive keys joined: [[1,1],[2,2],[5,5]] -> [[1,2],[5,5]] (sorted input). */
function joined(keys: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const key of keys) {
    const last = ranges[ranges.length - 1];
    if (last && key === last[1] + 1) last[1] = key;
    else if (!last || key > last[1]) ranges.push([key, key]);
  }
  return ranges;
}

const CODE = (key: number) =>
  `${String.fromCharCode(65 + Math.floor(key / 10000))}${String(key % 10000).padStart(4, "0")}`;

/** The key ranges of ROME domains ("A", "F16"), sorted, overlapping and adjacent ones merged. */
export function domainKeyRanges(domains: readonly string[]): [number, number][] {
  const ranges = domains.map(romeKeyRange).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The parts of the sorted, disjoint `ranges` that lie within the sorted, disjoint `within`. */
export function intersectRanges(
  ranges: readonly [number, number][],
  within: readonly [number, number][],
): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of ranges)
    for (const [c, d] of within) {
      const from = Math.max(a, c);
      const to = Math.min(b, d);
      if (from <= to) out.push([from, to]);
    }
  return out;
}

/**
 * R*Tree ROME key ranges: consecutive codes joined, or the domain's contiguous range; with `domains` (a
 * partner scope, docs/decisions/024-partner-scopes.md), only their parts within those domains.
 */
export function romeKeyRanges(
  romes: string[] | undefined,
  romeDomain: string | undefined,
  domains?: readonly string[],
): [number, number][] {
  const ranges = romeDomain
    ? [romeKeyRange(romeDomain)]
    : joined([...new Set((romes ?? []).map(romeKey))].sort((a, b) => a - b));
  return domains?.length ? intersectRanges(ranges, domainKeyRanges(domains)) : ranges;
}

/**
 * Text ranges on the `*_romes.rome_code` indexes: consecutive codes joined ([D1102, D1104] for D1102, D1103,
 * D1104: every code is a letter and 4 digits), or a domain's prefix range; within `domains` when given.
 */
export function romeCodeRanges(
  romes: string[] | undefined,
  romeDomain: string | undefined,
  domains?: readonly string[],
): [string, string][] {
  if (romeDomain && !domains?.length) return [prefixRange(romeDomain.toUpperCase())];
  return romeKeyRanges(romes, romeDomain, domains).map(([a, b]) => [CODE(a), CODE(b)]);
}

/** [prefix, upper bound) for every string starting with the prefix (codes are ASCII letters and digits). */
export function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\u007f`];
}
