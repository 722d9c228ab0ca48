// V1 with the REST types generated from the OpenAPI document (@lba/client/rest) and openapi-fetch.
// Run: LBA_URL=http://localhost:3000 npx tsx examples/rest-client.ts
import type { paths } from "@lba/client/rest";
import createClient from "openapi-fetch";
import {
  applicationTo,
  applyAndRetry,
  BASE_URL,
  CALLER,
  companyToApply,
  fetchWithRetryAfter,
  SEARCH,
} from "./shared.js";

// A 429 is retried after its Retry-After.
const api = createClient<paths>({ baseUrl: BASE_URL, fetch: fetchWithRetryAfter });

const trainings = await api.GET("/api/V1/formations", { params: { query: { ...SEARCH, caller: CALLER } } });
if (!trainings.data) throw new Error(`formations: ${trainings.response.status}`);
console.log(`trainings: ${trainings.data.results.length}`);

const jobs = await api.GET("/api/V1/jobs", {
  params: { query: { ...SEARCH, sources: "lba,lbb", caller: CALLER } },
});
if (!jobs.data) throw new Error(`jobs: ${jobs.response.status}`);
const company = companyToApply([jobs.data.lbaCompanies, jobs.data.lbbCompanies]);

const idempotencyKey = crypto.randomUUID();
await applyAndRetry(async () => {
  const sent = await api.POST("/api/V1/application", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { ...applicationTo(company), caller: CALLER },
  });
  // `sent.error.error` is one of the documented keys: "email société invalide", "max candidatures atteint", ...
  if (sent.error) throw new Error(`application refused (${sent.response.status}): ${sent.error.error}`);
  return sent.data.message;
});
