import type { Rng } from "./prng";
import { makeSiret } from "./siret";

/** Fixed "now" of the generated data, so that the same seed gives the same dates on any day. */
export const DATASET_NOW = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

export function isoDaysBefore(rng: Rng, maxDays: number, from = DATASET_NOW): string {
  return new Date(from - rng.int(0, maxDays) * DAY - rng.int(0, DAY / 1000 - 1) * 1000).toISOString();
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

/** An update date after `iso`, never past the dataset's "now". */
export function updatedAfter(rng: Rng, iso: string, maxDays: number): string {
  return new Date(Math.min(DATASET_NOW, Date.parse(iso) + rng.int(0, maxDays) * DAY)).toISOString();
}

const HEX = "0123456789abcdef";
export function hex(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += HEX[rng.int(0, 15)];
  return out;
}

export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Upper case without accents, as company registers write names: "Bègles" -> "BEGLES". */
export function upperCase(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase();
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// Generated contacts must never reach a real person: reserved domains (RFC 2606) and the
// number ranges ARCEP sets aside for fiction.
const FICTION_DOMAINS = ["example.com", "example.org", "example.net"];
const FICTION_PHONES = ["0199", "0261", "0353", "0465", "0536", "0639"];

export function fictionalEmail(rng: Rng, local: string): string {
  return `${local}@${rng.pick(FICTION_DOMAINS)}`;
}

export function fictionalPhone(rng: Rng): string {
  const prefix = rng.pick(FICTION_PHONES);
  const middle = { "0199": "00", "0261": "91", "0353": "01", "0465": "71", "0536": "49", "0639": "98" }[
    prefix
  ];
  return `${prefix}${middle}${pad(rng.int(0, 9999), 4)}`;
}

export function fictionalWebsite(name: string): string {
  return `https://${slug(name)}.example.com`;
}

/** Hands out SIRETs that are Luhn-valid and never repeated within one dataset. */
export class SiretFactory {
  private readonly used = new Set<string>();

  next(rng: Rng): string {
    for (;;) {
      const siret = makeSiret(
        rng.int(10_000_000, 99_999_999),
        rng.chance(0.7) ? rng.int(1, 40) : rng.int(1, 9999),
      );
      if (!this.used.has(siret)) {
        this.used.add(siret);
        return siret;
      }
    }
  }
}
