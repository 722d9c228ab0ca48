import type { Db } from "../../db/client";
import type { SqlRow } from "../../db/bulk";
import { nafLabel, normalizeNaf } from "../../referentials/naf";
import { cleanLine, webUrl } from "../upstream/text";
import { companyPoint } from "./projection";
import { communeFinder, spreadPoint } from "./place";
import type { CompanyDraft } from "./records";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ROME = /^[A-N]\d{4}$/;

export type BuiltCompany =
  | { ok: true; row: SqlRow; siret: string; placedBy: "file" | "commune" }
  | { ok: false; reason: string; kind: string };

/**
 * Validates a draft into a `companies` row (plus the stage-only `rome_scores`): a 14-digit SIRET, at least
 * one ROME code of the file, and a point (the file's x/y, else the commune's centroid spread by SIRET).
 * Texts are cleaned; a web address other than http(s), a malformed or blacklisted e-mail is dropped (a blacklisted
 * one kept aside in `blacklisted_email`, never served, until Postmark reactivates it).
 */
export function companyRowBuilder(db: Db, now: string): (draft: CompanyDraft) => BuiltCompany {
  const commune = communeFinder(db);
  const opco = db.$client.prepare("SELECT opco FROM opcos WHERE siren = ?").pluck();
  const blacklisted = db.$client.prepare("SELECT 1 FROM email_blacklist WHERE email = ?").pluck();

  return (draft) => {
    const fail = (reason: string, kind: string): BuiltCompany => ({ ok: false, reason, kind });
    const digits = draft.siret?.replace(/\s/g, "") ?? "";
    if (!/^\d{1,14}$/.test(digits)) return fail(`siret invalide : "${draft.siret ?? ""}"`, "siret invalide");
    // spreadsheets and JSON numbers drop leading zeros; sirets are 14 characters, zero-padded
    const siret = digits.padStart(14, "0");

    const scores = new Map<string, number | null>();
    for (const { code, score } of draft.romes) {
      const rome = code.trim().toUpperCase();
      if (!ROME.test(rome)) return fail(`code ROME invalide : "${code}"`, "code ROME invalide");
      const known = scores.get(rome);
      scores.set(rome, known === undefined || known === null ? score : Math.max(known, score ?? known));
    }
    if (scores.size === 0) return fail("aucun code ROME", "aucun code ROME");

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
        ? fail(`coordonnées hors du territoire : x=${draft.x} y=${draft.y}`, "coordonnées hors du territoire")
        : fail(`commune inconnue : "${draft.insee ?? ""}"`, "commune inconnue");
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
