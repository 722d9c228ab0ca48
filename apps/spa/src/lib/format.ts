import { frenchDate } from "@lba/core/referentials";

/** An ISO date or timestamp as "1er décembre 2026", the day it is in France, as the e-mails write it. */
export function formatDate(iso: string | null | undefined): string | null {
  return iso ? frenchDate(new Date(iso)) : null;
}

/**
 * A result's distance from the search point, "8,6 km", or null when there is none to give: without a search point
 * (a France-wide search, an item opened by its id) the API's 0 for France Travail offers (docs/reference/v1.md#s5)
 * measures nothing.
 */
export function formatDistance(km: number | null | undefined, fromSearchPoint: boolean): string | null {
  if (km === null || km === undefined || !fromSearchPoint) return null;
  return `${km.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} km`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;
}

/**
 * A company's headcount band (`company.size`, the `tranche_effectif` of the companies file: "0-0", "1-2", "10-19",
 * "1000+") in words: "Aucun salarié", "1 à 2 salariés", "1 000 salariés ou plus"; any other text as it is.
 */
export function formatCompanySize(size: string | null | undefined): string | null {
  const text = size?.trim();
  if (!text) return null;
  const n = (digits: string) => Number(digits).toLocaleString("fr-FR");
  const band = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (band) {
    const [, from = "", to = ""] = band;
    if (Number(to) === 0) return "Aucun salarié";
    return Number(from) === Number(to)
      ? plural(Number(from), "salarié", "salariés")
      : `${n(from)} à ${n(to)} salariés`;
  }
  const atLeast = /^(\d+)\s*\+$/.exec(text);
  if (atLeast) return `${n(atLeast[1] ?? "")} salariés ou plus`;
  if (/^\d+$/.test(text)) return plural(Number(text), "salarié", "salariés");
  return text;
}
