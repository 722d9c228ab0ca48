import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { CompanyParamsSchema, toCompanyQuery } from "@lba/core/schemas";
import { getCompany } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { tracked } from "../../lib/api-calls";
import { notFound } from "../../lib/errors";
import { badRequest, CompanyAnswerSchema, internalError, notFoundResponse, ok } from "../responses";

export const COMPANY_NOT_FOUND = "Société non trouvée";

export const getCompanyRoute = createRoute({
  method: "get",
  path: "/api/V1/jobs/company/{siret}",
  tags: ["Emplois"],
  summary: "Une entreprise (lba ou lbb) par son SIRET",
  request: {
    params: z.object({
      siret: z.string().openapi({ param: { name: "siret", in: "path" }, example: "40292958800029" }),
    }),
    query: CompanyParamsSchema,
  },
  responses: {
    200: ok(CompanyAnswerSchema, "L'entreprise, sous lbaCompanies ou lbbCompanies selon type."),
    400: badRequest,
    404: notFoundResponse,
    500: internalError,
  },
});

export function registerGetCompany(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getCompanyRoute, async (c) => {
    const { siret } = c.req.valid("param");
    const { type, caller } = toCompanyQuery(c.req.valid("query"));
    const viewer = { caller, trusted: false };
    const item = await tracked(
      deps.core,
      "jobV1/company",
      caller,
      () => getCompany(deps.core, siret, type, viewer),
      (i) => ({
        nbEmplois: i && type === "lba" ? 1 : 0,
        resultCount: i ? 1 : 0,
      }),
    );
    if (!item) return c.json(notFound(COMPANY_NOT_FOUND), 404);
    return c.json(type === "lbb" ? { lbbCompanies: [item] } : { lbaCompanies: [item] }, 200);
  });
}
