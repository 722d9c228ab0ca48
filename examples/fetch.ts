// V1 with nothing but fetch, as curl would call it: search trainings and companies around a point, then apply.
// Run: LBA_URL=http://localhost:3000 npx tsx examples/fetch.ts
import {
  applicationTo,
  applyAndRetry,
  BASE_URL,
  CALLER,
  companyToApply,
  fetchWithRetryAfter,
  SEARCH,
  type Applicable,
} from "./shared.js";

type Source = { results: Applicable[] } | { result: "error"; message: string } | null;

/** A V1 call; a 429 is retried once, after the seconds its `Retry-After` header asks for. */
const call = (path: string, init: RequestInit = {}) => fetchWithRetryAfter(`${BASE_URL}${path}`, init);

async function search<T>(path: string, query: Record<string, string>): Promise<T> {
  const res = await call(`${path}?${new URLSearchParams({ ...query, caller: CALLER })}`);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const trainings = await search<{ results: unknown[] }>("/api/V1/formations", SEARCH);
console.log(`trainings: ${trainings.results.length}`);

const jobs = await search<{ lbaCompanies: Source; lbbCompanies: Source }>("/api/V1/jobs", {
  ...SEARCH,
  sources: "lba,lbb",
});
const company = companyToApply([jobs.lbaCompanies, jobs.lbbCompanies]);

// The same Idempotency-Key on a retry (a timeout, a lost answer) returns the first answer without sending again.
const idempotencyKey = crypto.randomUUID();
await applyAndRetry(async () => {
  const res = await call("/api/V1/application", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify({ ...applicationTo(company), caller: CALLER }),
  });
  const body = (await res.json()) as { message?: string; error?: string };
  if (!res.ok) throw new Error(`application refused (${res.status}): ${body.error}`);
  return body.message ?? "";
});
