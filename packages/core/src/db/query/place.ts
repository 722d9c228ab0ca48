import { prefixRange } from "./rome-ranges";

// A partner's place scope in SQL (docs/decisions/024-partner-scopes.md): the code prefixes of a département or
// of the départements of a region, bound as one JSON parameter so that one prepared statement serves every scope.

/**
 * SQL condition: `column` starts with one of the `@prefixes` ([from, to) pairs, see `prefixesParam`); true when
 * `@prefixes` is NULL (no place scope). It filters rows an index already selected, never drives a query.
 */
export function inPrefixes(column: string): string {
  return `(@prefixes IS NULL OR EXISTS (SELECT 1 FROM json_each(@prefixes) p
    WHERE ${column} >= (p.value ->> 0) AND ${column} < (p.value ->> 1)))`;
}

/** The `@prefixes` parameter of `inPrefixes`: null for no scope. */
export function prefixesParam(prefixes: readonly string[] | null): string | null {
  return prefixes ? JSON.stringify(prefixes.map(prefixRange)) : null;
}
