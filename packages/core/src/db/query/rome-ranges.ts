import { romeKey, romeKeyRange } from "../indexes";

// A search on several ROME codes (or one romeDomain) is a list of ranges, passed to SQL as JSON and
// joined with json_each, so one prepared statement serves any number of codes.

/** R*Tree ROME key ranges: one per code, or the domain's contiguous range. */
export function romeKeyRanges(
  romes: string[] | undefined,
  romeDomain: string | undefined,
): [number, number][] {
  if (romeDomain) return [romeKeyRange(romeDomain)];
  return (romes ?? []).map((code) => [romeKey(code), romeKey(code)]);
}

/** Text ranges on the `*_romes.rome_code` indexes: a code is [code, code], a domain its prefix range. */
export function romeCodeRanges(
  romes: string[] | undefined,
  romeDomain: string | undefined,
): [string, string][] {
  if (romeDomain) return [prefixRange(romeDomain.toUpperCase())];
  return (romes ?? []).map((code) => [code.toUpperCase(), code.toUpperCase()]);
}

/** [prefix, upper bound) for every string starting with the prefix (codes are ASCII letters and digits). */
export function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\u007f`];
}
