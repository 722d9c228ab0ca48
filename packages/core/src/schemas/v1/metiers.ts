import { z } from "zod";
import { MSG } from "./messages";
import { param, requiredParam, romesParam } from "./params";
import { checkRomeFormat, checkRomes, fail, present, toOptional, toRomes } from "./rules";
import { TRAININGS_MAX_ROMES, SITE_MAX_ROMES } from "./formations";

export const MetiersRawSchema = z.object({
  title: param("Début du libellé d'un métier ; chaque mot est cherché comme préfixe.", "boulang"),
  // Examples only on title: the criteria narrow each other, and the explorer fills in every example.
  romes: param("Codes ROME séparés par des virgules (ex. D1102)."),
  rncps: param("Codes RNCP séparés par des virgules (ex. RNCP37873)."),
});
export type MetiersRaw = z.infer<typeof MetiersRawSchema>;

/** A comma-separated list, each item trimmed, empty ones left out. */
const codes = (v: string | undefined) =>
  present(v)
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * At least one criterion, reported with the `missing_parameters` error key (docs/reference/v1.md#s3-8); ROME codes,
 * when given, well formed (a malformed one matched nothing, which hid the caller's mistake behind an empty answer).
 */
export const MetiersParamsSchema = MetiersRawSchema.superRefine((raw, ctx) => {
  if (![raw.title, raw.romes, raw.rncps].some((v) => present(v?.trim())))
    fail(ctx, "title", MSG.metiersNothing);
  else if (present(raw.romes?.trim())) checkRomeFormat(codes(raw.romes).join(","), ctx);
});

export interface MetiersQuery {
  title: string | null;
  romes: string[];
  rncps: string[];
}

export function toMetiersQuery(raw: MetiersRaw): MetiersQuery {
  return {
    title: toOptional(raw.title),
    romes: codes(raw.romes).map((r) => r.toUpperCase()),
    rncps: codes(raw.rncps),
  };
}

export const MetiersQuerySchema = MetiersParamsSchema.transform(toMetiersQuery);

export const AutocompleteRawSchema = z.object({
  title: requiredParam(param("Texte saisi : métiers et diplômes dont un mot commence ainsi.", "boulang")),
  withRomeLabels: param("Non vide : ajoute les libellés des codes ROME à chaque métier.", "true"),
  caller: param("Ignoré (compatibilité)."),
});
export type AutocompleteRaw = z.infer<typeof AutocompleteRawSchema>;

export const AutocompleteParamsSchema = AutocompleteRawSchema.superRefine((raw, ctx) => {
  if (!present(raw.title?.trim())) fail(ctx, "title", MSG.titleMissing);
});

export function toAutocompleteQuery(raw: AutocompleteRaw): { title: string; withRomeLabels: boolean } {
  return { title: raw.title?.trim() ?? "", withRomeLabels: present(raw.withRomeLabels) };
}

export const AutocompleteQuerySchema = AutocompleteParamsSchema.transform(toAutocompleteQuery);

export const DiplomaLevelsRawSchema = z.object({
  romes: requiredParam(romesParam(TRAININGS_MAX_ROMES)),
  rncps: param("Ignoré (compatibilité)."),
});
export type DiplomaLevelsRaw = z.infer<typeof DiplomaLevelsRawSchema>;

export const DiplomaLevelsParamsSchema = DiplomaLevelsRawSchema.superRefine((raw, ctx) =>
  checkRomes(raw.romes, TRAININGS_MAX_ROMES, ctx),
);

/** First-party (tRPC) look-ups by ROME codes: every code of a métier (SITE_MAX_ROMES). */
export const SiteRomesParamsSchema = DiplomaLevelsRawSchema.superRefine((raw, ctx) =>
  checkRomes(raw.romes, SITE_MAX_ROMES, ctx),
);

export const DiplomaLevelsQuerySchema = DiplomaLevelsParamsSchema.transform((raw) => ({
  romes: toRomes(raw.romes),
}));
