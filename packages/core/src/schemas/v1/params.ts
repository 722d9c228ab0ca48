import { z } from "zod";
import { CALLER_MAX_LENGTH } from "../application-limits";
import { POPULATIONS } from "../widget";
import { NOT_ONE_TEXT } from "./messages";

/** A string parameter whose type error is NOT_ONE_TEXT. */
const text = () => z.string({ error: NOT_ONE_TEXT });

/**
 * A raw query-string parameter: always a string (or absent), documented with an example and, when it takes only
 * some `values`, their list (an OpenAPI enum: documentation only, the V1 rules report another value with their own
 * message).
 */
export function param(description: string, example?: string, values?: readonly string[]) {
  return text()
    .optional()
    .meta({
      description,
      ...(example === undefined ? {} : { example }),
      ...(values ? { enum: [...values] } : {}),
    });
}

/**
 * `schema` documented as a required parameter (OpenAPI `required: true`, so the generated client's types ask for
 * it). It stays optional for parsing: the schema's rules report an absent value with its V1 message, not a zod
 * type error.
 */
export function requiredParam<T extends z.ZodType>(schema: T): T {
  return schema.meta({ param: { required: true } });
}

export const romesParam = (max: number) =>
  param(`Codes ROME séparés par des virgules (lettre + 4 chiffres), ${max} au plus.`, "F1603,I1308");
// No pre-filled example where a parameter excludes or narrows another: the API explorer fills in every example, and
// its "Try it out" must answer with results as it is (romes and romeDomain together are refused).
export const romeDomainParam = param(
  "Domaine ROME : une lettre ou une lettre suivie de 2 chiffres (ex. F16), à la place de romes.",
);
export const latitudeParam = param("Latitude du centre de recherche (degrés décimaux).", "48.845");
export const longitudeParam = param("Longitude du centre de recherche (degrés décimaux).", "2.3752");
export const radiusParam = param("Rayon de recherche en km : 0 à 200, ou 20000. 0 ou absent : 30 km.", "30");
export const diplomaParam = param("Niveau de diplôme visé : commence par 3, 4, 5, 6 ou 7.", "5");
export const callerParam = text()
  .max(CALLER_MAX_LENGTH, `caller must be at most ${CALLER_MAX_LENGTH} characters.`)
  .optional()
  .meta({
    description: `Identifiant de l'appelant, de préférence un e-mail de contact suivi du nom de la société (${CALLER_MAX_LENGTH} caractères au plus).`,
    example: "contact@domaine nom_de_societe",
  });
/** `caller` on the V1 search routes, which refuse a call without it (checkCaller). */
export const requiredCallerParam = requiredParam(callerParam);
export const inseeParam = param(
  "Code INSEE de la commune de recherche (facultatif : déduit du centre s'il est absent).",
  "75056",
);
export const opcoParam = param("Ne garder que les entreprises de cet OPCO (ex. akto).");

// Extensions of this project (docs/decisions/024-partner-scopes.md). No example: the explorer would pre-fill them.
const EXTENSION = "Extension de ce projet, absent du service d'origine : ";
export const scopeParams = {
  domains: param(
    `${EXTENSION}ne garder que les résultats de ces domaines ROME, séparés par des virgules (grand domaine « A » ` +
      "ou domaine professionnel « F16 », 30 au plus), par exemple A,F16.",
  ),
  departement: param(
    `${EXTENSION}ne garder que les résultats de ce département, code à 2 ou 3 chiffres (Corse : 20), par exemple 69.`,
  ),
  region: param(
    `${EXTENSION}ne garder que les résultats de cette région, code à 2 chiffres (liste de formationsParRegion), ` +
      "par exemple 84 ; pas avec departement.",
  ),
};
export const populationParam = param(
  `${EXTENSION}apprentissage : seulement les entreprises et offres en apprentissage (entreprises lba, offres en ` +
    "contrat d'apprentissage) ; alternance (par défaut) : aussi la professionnalisation.",
  undefined,
  POPULATIONS,
);
