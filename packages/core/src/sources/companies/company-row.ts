import type { Db } from "../../db/client";
import type { SqlRow } from "../../db/bulk";
import { nafLabel, normalizeNaf } from "../../referentials/naf";
import { fieldIssue, ROME_CODE_FORM, SOME_ROME_FORM, type RecordIssue } from "../upstream/record-issues";
import { cleanLine, webUrl } from "../upstream/text";
import { companyPoint } from "./projection";
import { communeFinder, spreadPoint } from "./place";
import type { CompanyDraft, FieldNames } from "./records";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROME = /^[A-N]\d{4}$/;

export type BuiltCompany =
  { ok: true; row: SqlRow; siret: string; placedBy: "file" | "commune" } | { ok: false; issue: RecordIssue };

// The forms a rejection states (upstream/record-issues.ts), the field named as the file names it.
const SIRET = "un SIRET (14 chiffres)";
const INSEE = "un code commune INSEE connu (75056, 2A004)";
const POINT = "des coordonnées du territoire (Lambert-93, UTM des DROM ou degrés)";

/**
 * Validates a draft into a `companies` row (plus the stage-only `rome_scores`): a 14-digit SIRET, at least
 * one ROME code of the file, and a point (the file's x/y, else the commune's centroid spread by SIRET).
 * Texts are cleaned; a web address other than http(s), a malformed or blacklisted e-mail is dropped (a blacklisted
 * one kept aside in `blacklisted_email`, never served, until Postmark reactivates it). A rejection names the field
 * as `names` says the file writes it, the form expected and the value found.
 */
export function companyRowBuilder(
  db: Db,
  now: string,
): (draft: CompanyDraft, names: FieldNames) => BuiltCompany {
  const commune = communeFinder(db);
  const opco = db.$client.prepare("SELECT opco FROM opcos WHERE siren = ?").pluck();
  const blacklisted = db.$client.prepare("SELECT 1 FROM email_blacklist WHERE email = ?").pluck();

  return (draft, names) => {
    const fail = (field: keyof FieldNames, expected: string, found: unknown): BuiltCompany => ({
      ok: false,
      issue: fieldIssue(names[field], expected, found),
    });
    const digits = draft.siret?.replace(/\s/g, "") ?? "";
    if (!/^\d{1,14}$/.test(digits)) return fail("siret", SIRET, draft.siret);
    // spreadsheets and JSON numbers drop leading zeros; sirets are 14 characters, zero-padded
    const siret = digits.padStart(14, "0");

    const scores = new Map<string, number | null>();
    for (const { code, score } of draft.romes) {
      const rome = code.trim().toUpperCase();
      if (!ROME.test(rome)) return fail("romes", ROME_CODE_FORM, code);
      const known = scores.get(rome);
      scores.set(rome, known === undefined || known === null ? score : Math.max(known, score ?? known));
    }
    if (scores.size === 0) return fail("romes", SOME_ROME_FORM, null);

    const insee = draft.insee ? padCode(draft.insee) : null;
    const place = insee ? commune(insee) : undefined;
    let point = null;
    let placedBy: "file" | "commune" = "file";
    if (draft.x !== null && draft.y !== null) {
      const projected = companyPoint(draft.x, draft.y, insee);
      if (projected.ok) point = projected.point;
    }
    if (!point && place) {
      point = spreadPoint(place, siret);
      placedBy = "commune";
    }
    if (!point) {
      return draft.x !== null && draft.y !== null
        ? fail("point", POINT, [draft.x, draft.y])
        : fail("insee", INSEE, draft.insee);
    }

    const naf = draft.nafCode ? (normalizeNaf(draft.nafCode) ?? draft.nafCode.trim().toUpperCase()) : null;
    const email = draft.email?.trim().toLowerCase() ?? null;
    const valid = !!email && EMAIL.test(email);
    const kept = valid && blacklisted.get(email) !== undefined;
    const raisonSociale = cleanLine(draft.raisonSociale);
    const romeScores = [...scores.values()].filter((s): s is number => s !== null);
    return {
      ok: true,
      siret,
      placedBy,
      row: {
        siret,
        type: "lba",
        raison_sociale: raisonSociale,
        enseigne: cleanLine(draft.enseigne) ?? raisonSociale,
        code_naf: naf,
        intitule_naf: (naf ? nafLabel(naf) : null) ?? cleanLine(draft.nafLabel),
        romes: JSON.stringify([...scores.keys()]),
        rome_scores: JSON.stringify(Object.fromEntries(scores)),
        numero_rue: cleanLine(draft.streetNumber),
        libelle_rue: cleanLine(draft.streetName),
        code_commune: insee,
        code_postal: draft.zipCode ? padCode(draft.zipCode) : (place?.postcodes.split(" ")[0] ?? null),
        ville: place?.name ?? cleanLine(draft.city),
        latitude: point.latitude,
        longitude: point.longitude,
        email: valid && !kept ? email : null,
        // as a blacklisting keeps it (db/store/sqlite.ts): Postmark's reactivation puts it back
        blacklisted_email: kept ? email : null,
        telephone: draft.phone?.replace(/[\s.\-/]/g, "") || null,
        tranche_effectif: draft.size,
        website: webUrl(draft.website),
        score: romeScores.length > 0 ? Math.max(...romeScores) : null,
        opco: (opco.get(siret.slice(0, 9)) as string | undefined) ?? null,
        created_at: now,
        last_update_at: now,
      },
    };
  };
}

// INSEE codes and postcodes written as numbers lose their leading zero (1004 -> 01004)
const padCode = (code: string) =>
  /^\d{1,5}$/.test(code.trim()) ? code.trim().padStart(5, "0") : code.trim();
