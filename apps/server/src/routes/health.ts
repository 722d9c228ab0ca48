import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { SiteInfoSchema } from "@lba/core/schemas";
import type { ServerDeps } from "../deps";
import { healthOperations } from "../operations/health";
import { perform } from "../operations/operation";
import { operationRoute } from "./operation-route";
import { ok } from "./responses";

export const HealthSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    env: z.string(),
    dataset: z
      .object({
        kind: z.string(),
        counts: z.record(z.string(), z.number()),
        // The search snapshot's version (UTC build time and content id); null: never published as one.
        version: z.string().nullable(),
        // snapshot: a read-only search snapshot, swapped when a newer one is published (decision 029).
        servedFrom: z.enum(["database", "snapshot"]),
      })
      .nullable(),
    healthcheck: z.object({
      database: z.boolean(),
      // Only with DATABASE_URL: the shared write database (docs/deployment.md#postgresql).
      postgres: z.object({ reachable: z.boolean(), migrated: z.boolean() }).optional(),
    }),
    map: z.object({ tileUrl: z.string().nullable(), tileAttribution: z.string().nullable() }),
    // What the site's information pages state (docs/reference/v1.md#s11-6).
    site: SiteInfoSchema,
  })
  .openapi("Health", {
    example: {
      name: "La bonne alternance",
      version: "0.1.0",
      env: "production",
      dataset: {
        kind: "sample",
        counts: { trainings: 5000, companies: 20000 },
        version: "20261130T071505181Z-f80685e4",
        servedFrom: "snapshot",
      },
      healthcheck: { database: true },
      map: { tileUrl: null, tileAttribution: null },
      site: {
        contactEmail: "contact@exemple.fr",
        applicationRetentionDays: 365,
        reminderAfterDays: 7,
        maxApplicationsPerDay: 100,
        keepsSentMail: false,
        legal: {
          publisher: "Association Exemple",
          publisherAddress: "1 rue de l'Exemple, 75001 Paris",
          publisherPhone: "01 23 45 67 89",
          publicationDirector: "Camille Exemple",
          host: "Hébergeur Exemple SAS",
          hostAddress: "2 avenue de l'Hébergement, 59100 Roubaix",
          hostPhone: "03 20 00 00 00",
        },
      },
    },
  });

export const healthRoute = operationRoute(healthOperations.health, {
  method: "get",
  path: "/api",
  tags: ["Santé"],
  summary: "État du service et du jeu de données",
  responses: {
    200: ok(HealthSchema, "Service opérationnel."),
    503: ok(HealthSchema, "Base de données (ou PostgreSQL, s'il est configuré) indisponible."),
  },
});

export const ReadySchema = z
  .object({
    ready: z.boolean(),
    database: z.boolean(),
    draining: z.boolean(),
    // Only with DATABASE_URL: PostgreSQL answered.
    postgres: z.boolean().optional(),
  })
  .openapi("Ready", { example: { ready: true, database: true, draining: false } });

export const readyRoute = operationRoute(healthOperations.ready, {
  method: "get",
  path: "/api/ready",
  tags: ["Santé"],
  summary: "Prêt à servir (sonde de disponibilité)",
  description:
    "503 tant que la base de données (ou PostgreSQL, s'il est configuré) ne répond pas ou pendant l'arrêt du serveur ; 200 sinon.",
  responses: {
    200: ok(ReadySchema, "Prêt."),
    503: ok(ReadySchema, "Pas prêt : ne pas envoyer de trafic."),
  },
});

export function registerHealth(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(healthRoute, async (c) => {
    const body = await perform(deps, healthOperations.health, undefined);
    const healthy = body.healthcheck.database && body.healthcheck.postgres?.reachable !== false;
    return c.json(body, healthy ? 200 : 503);
  });
  app.openapi(readyRoute, async (c) => {
    const body = await perform(deps, healthOperations.ready, undefined);
    // A probe must see the current state, never a cached one.
    c.header("Cache-Control", "no-store");
    return c.json(body, body.ready ? 200 : 503);
  });
}
