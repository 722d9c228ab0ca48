import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { CompanyParamsSchema, toCompanyQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { jobsOperations } from "../../operations/jobs";
import { detailJson, operationRoute } from "../operation-route";
import { CompanyAnswerSchema, ok } from "../responses";
import { EXPLORER_EXAMPLES } from "../explorer-examples";

export const getCompanyRoute = operationRoute(jobsOperations.company, {
  method: "get",
  path: "/api/V1/jobs/company/{siret}",
  tags: ["Emplois"],
  summary: "Une entreprise (lba ou lbb) par son SIRET",
  request: {
    params: z.object({
      siret: z
        .string()
        .openapi({ param: { name: "siret", in: "path" }, example: EXPLORER_EXAMPLES.companySiret }),
    }),
    query: CompanyParamsSchema,
  },
  responses: { 200: ok(CompanyAnswerSchema, "L'entreprise, sous lbaCompanies ou lbbCompanies selon type.") },
});

export function registerGetCompany(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getCompanyRoute, (c) =>
    detailJson(c, deps, jobsOperations.company, {
      siret: c.req.valid("param").siret,
      ...toCompanyQuery(c.req.valid("query")),
      trusted: false,
    }),
  );
}
