// Typecheck only: the generated REST types of the answers whose sources may be null are the core's own types, and
// the typed client offers no method a route refuses.
import type { Item, SourceAnswer } from "@lba/core/schemas";
import type { JobsAnswer, JobsEtFormationsAnswer } from "@lba/core/search";
import createClient from "openapi-fetch";
import type { components, paths } from "../src/rest/v1.js";

type Schemas = components["schemas"];
/** Compiles only when `Actual` is assignable to `Expected`; used both ways, it says the two are the same. */
type Same<Expected, Actual extends Expected> = [Expected, Actual];

export type RestChecks = [
  Same<Schemas["Item"], Item>,
  Same<Item, Schemas["Item"]>,
  Same<Schemas["JobsAnswer"]["peJobs"], SourceAnswer>,
  Same<SourceAnswer, Schemas["JobsAnswer"]["peJobs"]>,
  Same<Schemas["JobsAnswer"], JobsAnswer>,
  Same<JobsAnswer, Schemas["JobsAnswer"]>,
  Same<Schemas["JobsEtFormationsAnswer"], JobsEtFormationsAnswer>,
  Same<JobsEtFormationsAnswer, Schemas["JobsEtFormationsAnswer"]>,
];

// The document declares only the methods a path answers (a refused one is the document-level 405, never an
// operation), so openapi-fetch offers no call the server would answer 405.
const api = createClient<paths>({ baseUrl: "http://localhost:3000" });
export const refusedMethods = () => [
  api.GET("/api/V1/jobs", { params: { query: { romes: "D1102", caller: "contact@exemple.fr exemple" } } }),
  // @ts-expect-error -- /api/V1/jobs answers GET only
  api.POST("/api/V1/jobs"),
  // @ts-expect-error -- /api/V1/formations answers GET only
  api.POST("/api/V1/formations"),
  // @ts-expect-error -- /api/V1/application answers POST only
  api.GET("/api/V1/application"),
  // @ts-expect-error -- no path answers DELETE
  api.DELETE("/api/V1/jobs/job/{id}", { params: { path: { id: "1" } } }),
];
