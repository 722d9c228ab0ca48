import { z } from "@hono/zod-openapi";
import { emptyItem, ItemSchema, SourceAnswerSchema, type Item } from "@lba/core/schemas";
import { V1ErrorSchema } from "@lba/core/schemas";
import { PayloadTooLargeSchema } from "../lib/body-limit";
import {
  InternalErrorSchema,
  NotFoundSchema,
  TooManyRequestsSchema,
  UpstreamUnavailableSchema,
} from "../lib/errors";
import { UrlNotEncodedSchema } from "../lib/url-encoding";

// Response shapes of the V1 routes, with the examples shown in the OpenAPI document.

function example(ideaType: Item["ideaType"], patch: Partial<Item>): Item {
  const item = emptyItem(ideaType);
  return {
    ...item,
    ...patch,
    place: { ...item.place, ...patch.place },
    company: { ...item.company, ...patch.company },
  };
}

export const trainingExample = example("formation", {
  title: "BTS Management commercial opérationnel",
  id: "085162P01214119509120003",
  cleMinistereEducatif: "085162P01214119509120003",
  diplomaLevel: "5 (BTS, DEUST...)",
  diploma: "BTS",
  place: {
    ...emptyItem("formation").place,
    distance: 2.4,
    city: "Paris",
    zipCode: "75011",
    latitude: 48.857,
    longitude: 2.38,
  },
  company: { ...emptyItem("formation").company, name: "CFA Commerce Paris", siret: "12345678901234" },
  romes: [{ code: "D1406", label: null }],
});

export const companyExample = example("lba", {
  title: "Boulangerie du Marché",
  place: {
    ...emptyItem("lba").place,
    distance: 1.2,
    city: "Lyon",
    zipCode: "69003",
    latitude: 45.76,
    longitude: 4.85,
  },
  company: {
    ...emptyItem("lba").company,
    name: "Boulangerie du Marché",
    siret: "40292958800029",
    opco: "akto",
  },
  romes: [{ code: "D1102", label: "Boulangerie - viennoiserie" }],
});

export const peJobExample = example("peJob", {
  title: "Apprenti boulanger (H/F)",
  id: "110MSJT",
  place: { ...emptyItem("peJob").place, distance: 3.1, city: "69 - Lyon", latitude: 45.75, longitude: 4.83 },
  job: {
    id: "110MSJT",
    creationDate: "2026-01-15T09:00:00.000Z",
    description: "Apprentissage en boulangerie.",
    contractType: "CDD",
    contractDescription: "CDD - 24 Mois",
    duration: "35H/semaine",
    jobStartDate: null,
    romeDetails: null,
    rythmeAlternance: null,
    dureeContrat: null,
    quantiteContrat: null,
    elligibleHandicap: null,
  },
});

export const matchaExample = example("matcha", {
  title: "Vendeur en boulangerie",
  id: "64f1c2a9e4b0a1b2c3d4e5f6-0",
  place: {
    ...emptyItem("matcha").place,
    distance: 4.5,
    city: "Villeurbanne",
    latitude: 45.77,
    longitude: 4.88,
  },
});

// Built with the zod instance extended by zod-openapi (core schemas are plain zod).
const resultsShape = { results: z.array(ItemSchema), stale: z.boolean().optional() };

export const FormationsAnswerSchema = z
  .object({
    ...resultsShape,
    // true when nothing was within the radius and these are the 5 nearest trainings anywhere.
    nearestFallback: z.boolean().optional(),
  })
  .openapi("FormationsAnswer", { example: { results: [trainingExample], nearestFallback: false } });

export const ResultsAnswerSchema = z
  .object(resultsShape)
  .openapi("Results", { example: { results: [trainingExample] } });

export const jobsExample = {
  peJobs: { results: [peJobExample] },
  matchas: { results: [matchaExample] },
  lbaCompanies: { results: [companyExample] },
  lbbCompanies: null,
};

export const JobsAnswerSchema = z
  .object({
    peJobs: SourceAnswerSchema,
    matchas: SourceAnswerSchema,
    lbaCompanies: SourceAnswerSchema,
    lbbCompanies: SourceAnswerSchema,
  })
  .openapi("JobsAnswer", { example: jobsExample });

export const JobsEtFormationsAnswerSchema = z
  .object({ formations: SourceAnswerSchema, jobs: JobsAnswerSchema.nullable() })
  .openapi("JobsEtFormationsAnswer", {
    example: { formations: { results: [trainingExample] }, jobs: jobsExample },
  });

export const PeJobsAnswerSchema = z
  .object({ peJobs: z.array(ItemSchema) })
  .openapi("PeJobAnswer", { example: { peJobs: [peJobExample] } });
export const MatchasAnswerSchema = z
  .object({ matchas: z.array(ItemSchema) })
  .openapi("MatchaAnswer", { example: { matchas: [matchaExample] } });
export const CompanyAnswerSchema = z
  .union([z.object({ lbaCompanies: z.array(ItemSchema) }), z.object({ lbbCompanies: z.array(ItemSchema) })])
  .openapi("CompanyAnswer", { example: { lbaCompanies: [companyExample] } });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const header = (description: string, type: "integer" | "string", required = true) => ({
  description,
  required,
  schema: { type },
});

/** What a 400 says of `url_not_encoded`, which any /api route may answer (docs/reference/v1.md#s2-5). */
export const NOT_ENCODED =
  "`url_not_encoded` : l'adresse contient des caractères non encodés en UTF-8 (accents, espaces) ; `encoded` donne " +
  "l'adresse à envoyer. Répondu avant la limite de débit, sans en-têtes RateLimit-*.";

/** The 400 of a route that validates its query: the V1 envelope, or an URL not encoded (docs/reference/v1.md#s2-5). */
export const badRequest = json(
  z.union([V1ErrorSchema, UrlNotEncodedSchema]),
  `Paramètres invalides : chaque règle non respectée est listée dans \`error_messages\`. Ou ${NOT_ENCODED}`,
);
/** The 400 every /api route may answer, before anything else. */
export const notEncodedResponse = json(UrlNotEncodedSchema, `Adresse refusée : ${NOT_ENCODED}`);
export const notFoundResponse = json(NotFoundSchema, "Introuvable.");
export const internalError = json(InternalErrorSchema, "Erreur inattendue.");
export const upstreamUnavailable = json(
  UpstreamUnavailableSchema,
  "Le service externe interrogé (France Travail) ne répond pas et aucune copie en cache ne le remplace.",
);
export const payloadTooLarge = json(PayloadTooLargeSchema, "Corps de requête de plus de 5 Mo.");

/**
 * The headers of every answer of a rate-limited route, whatever its status: the limiter runs before the route
 * (docs/reference/v1.md#s2-4). `required` false on a 400, which may be a `url_not_encoded`, answered before it.
 */
export function rateLimitHeaders(required: boolean) {
  return {
    "RateLimit-Limit": header("Requêtes permises par fenêtre.", "integer", required),
    "RateLimit-Remaining": header("Requêtes restantes dans la fenêtre.", "integer", required),
    "RateLimit-Reset": header("Secondes avant la fin de la fenêtre.", "integer", required),
    "RateLimit-Policy": header(
      "La limite et la fenêtre en secondes, par exemple `7;w=1` ; absent d'une réponse 304.",
      "string",
      false,
    ),
  };
}

export const tooManyRequests = {
  ...json(
    TooManyRequestsSchema,
    "Trop de requêtes depuis cette adresse IP pour le groupe de cette route (limites par fenêtre).",
  ),
  headers: { "Retry-After": header("Secondes avant de réessayer.", "integer") },
};

// The searches answered through the answer cache (lib/answer-cache.ts): an ETag on each answer it keeps, and a
// 304 to a request whose If-None-Match names it.
const ETAG = "Validateur de la réponse, à renvoyer dans If-None-Match";

/** `If-None-Match` of a cached search, documented only: the route reads it itself. */
export const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description:
    "L'ETag d'une réponse précédente : 304 sans corps si la réponse gardée n'a pas changé. Sans effet avec " +
    "Cache-Control: no-cache (que fetch ajoute à une requête qui porte If-None-Match) : la réponse est recalculée.",
  schema: { type: "string" },
} as const;

/** The 200 of a cached search, with its ETag, and its 304. */
export function cachedSearchResponses<T extends z.ZodType>(schema: T, description: string) {
  return {
    200: {
      ...json(schema, description),
      headers: {
        ETag: header(
          `${ETAG} ; absent quand une source a échoué (réponse non gardée) ou que le cache est désactivé.`,
          "string",
          false,
        ),
      },
    },
    304: {
      description: "La réponse dont If-None-Match donne l'ETag n'a pas changé : pas de corps.",
      headers: { ETag: header(ETAG, "string") },
    },
  };
}

export const MethodNotAllowedSchema = z
  .object({ error: z.literal("method_not_allowed"), message: z.string() })
  .openapi("MethodNotAllowed", {
    example: {
      error: "method_not_allowed",
      message: "Méthode POST non acceptée sur cette route : GET, HEAD.",
    },
  });

/**
 * The answer of a route asked with a method it does not answer (app.ts), a reusable response of the document rather
 * than any operation's (routes/docs.ts): its body is the `MethodNotAllowed` schema component.
 */
export const methodNotAllowed = {
  description:
    "Réponse de toute route demandée avec une méthode qu'elle n'accepte pas (`POST /api/V1/jobs`, `PUT`, " +
    "`DELETE`...) : la route existe, mais pas avec cette méthode. Une adresse non encodée reçoit d'abord 400 " +
    "`url_not_encoded`, un corps de plus de 5 Mo d'abord 413 `payload_too_large`.",
  headers: { Allow: header("Les méthodes que la route accepte, par exemple `GET, HEAD`.", "string") },
  content: { "application/json": { schema: { $ref: "#/components/schemas/MethodNotAllowed" } } },
};

export const ok = json;
