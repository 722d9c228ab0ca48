import { z } from "@hono/zod-openapi";
import { emptyItem, ItemSchema, SourceAnswerSchema, type Item } from "@lba/core/schemas";
import { V1ErrorSchema } from "@lba/core/schemas";
import {
  InternalErrorSchema,
  NotFoundSchema,
  TooManyRequestsSchema,
  UpstreamUnavailableSchema,
} from "../lib/errors";

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

export const badRequest = json(
  V1ErrorSchema,
  "Paramètres invalides : chaque règle non respectée est listée.",
);
export const notFoundResponse = json(NotFoundSchema, "Introuvable.");
export const internalError = json(InternalErrorSchema, "Erreur inattendue.");
export const upstreamUnavailable = json(
  UpstreamUnavailableSchema,
  "Le service externe interrogé (France Travail) ne répond pas et aucune copie en cache ne le remplace.",
);
const integerHeader = (description: string) => ({ description, schema: { type: "integer" as const } });
export const tooManyRequests = {
  ...json(
    TooManyRequestsSchema,
    "Trop de requêtes depuis cette adresse IP pour le groupe de cette route (limites par fenêtre).",
  ),
  headers: {
    "Retry-After": integerHeader("Secondes avant de réessayer."),
    "RateLimit-Limit": integerHeader("Requêtes permises par fenêtre."),
    "RateLimit-Remaining": integerHeader("Requêtes restantes dans la fenêtre."),
    "RateLimit-Reset": integerHeader("Secondes avant la fin de la fenêtre."),
  },
};
export const ok = json;
