// V1 with the REST types generated from the OpenAPI document (@lba/client/rest) and openapi-fetch.
// Run: LBA_URL=http://localhost:3000 npx tsx examples/rest-client.ts
import type { paths } from "@lba/client/rest";
import createClient from "openapi-fetch";
import { applicationTo, BASE_URL, CALLER, firstApplicable, SEARCH } from "./applicant.js";

const api = createClient<paths>({ baseUrl: BASE_URL });

const trainings = await api.GET("/api/V1/formations", { params: { query: { ...SEARCH, caller: CALLER } } });
if (!trainings.data) throw new Error(`formations: ${trainings.response.status}`);
console.log(`trainings: ${trainings.data.results.length}`);

const jobs = await api.GET("/api/V1/jobs", {
  params: { query: { ...SEARCH, sources: "lba,lbb", caller: CALLER } },
});
if (!jobs.data) throw new Error(`jobs: ${jobs.response.status}`);
const { lbaCompanies, lbbCompanies } = jobs.data;
const companies = [lbaCompanies, lbbCompanies].flatMap((s) => (s && "results" in s ? s.results : []));
console.log(`companies: ${companies.length}`);

const company = firstApplicable(companies);
if (!company) throw new Error("no company to apply to around this point");
console.log(`applying to: ${company.company.name} (${company.company.siret})`);

const idempotencyKey = crypto.randomUUID();
for (const attempt of ["application", "retried with the same Idempotency-Key"]) {
  const sent = await api.POST("/api/V1/application", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { ...applicationTo(company), caller: CALLER },
  });
  // `sent.error.error` is one of the documented keys: "email société invalide", "max candidatures atteint", ...
  if (sent.error) throw new Error(`application refused (${sent.response.status}): ${sent.error.error}`);
  console.log(`${attempt}: ${sent.data.message}`);
}
