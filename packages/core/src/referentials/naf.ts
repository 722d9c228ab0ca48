import nafCodes from "@socialgouv/codes-naf";

// NAF rév. 2 (INSEE) sub-classes and their labels, from @socialgouv/codes-naf (see docs/data-sources.md).

const NAF_LABELS = new Map<string, string>();
for (const { id, label } of nafCodes)
  if (/^\d{2}\.\d{2}[A-Z]$/.test(id)) NAF_LABELS.set(id.replace(".", ""), label);

/** "10.71C", "1071C" or "1071c" -> "1071C"; null when it is not a NAF rév. 2 sub-class. */
export function normalizeNaf(code: string): string | null {
  const compact = code.trim().toUpperCase().replace(".", "");
  return NAF_LABELS.has(compact) ? compact : null;
}

/** Label of a NAF rév. 2 sub-class ("1071C" -> "Boulangerie et boulangerie-pâtisserie"). */
export function nafLabel(code: string): string | null {
  return NAF_LABELS.get(code) ?? null;
}
