// V1 with nothing but fetch, as curl would call it: search trainings and companies around a point, then apply.
// Run: LBA_URL=http://localhost:3000 npx tsx examples/fetch.ts
import { applicationTo, BASE_URL, CALLER, firstApplicable, SEARCH, type Applicable } from "./applicant.js";

type Results = { results: Applicable[] } | { result: "error"; message: string } | null;

/** A V1 call; a 429 is retried once, after the seconds its `Retry-After` header asks for. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${BASE_URL}${path}`, init);
  if (res.status !== 429) return res;
  const seconds = Number(res.headers.get("retry-after") ?? "1");
  await new Promise((done) => setTimeout(done, seconds * 1000));
  return fetch(`${BASE_URL}${path}`, init);
}

async function search<T>(path: string, query: Record<string, string>): Promise<T> {
  const res = await call(`${path}?${new URLSearchParams({ ...query, caller: CALLER })}`);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const trainings = await search<{ results: unknown[] }>("/api/V1/formations", SEARCH);
console.log(`trainings: ${trainings.results.length}`);

const jobs = await search<{ lbaCompanies: Results; lbbCompanies: Results }>("/api/V1/jobs", {
  ...SEARCH,
  sources: "lba,lbb",
});
// A source that failed is `{ result: "error", message }` inside a 200 answer; one not asked for is null.
const companies = [jobs.lbaCompanies, jobs.lbbCompanies].flatMap((s) =>
  s && "results" in s ? s.results : [],
);
console.log(`companies: ${companies.length}`);

const company = firstApplicable(companies);
if (!company) throw new Error("no company to apply to around this point");
console.log(`applying to: ${company.company.name} (${company.company.siret})`);

// The same Idempotency-Key on a retry (a timeout, a lost answer) returns the first answer without sending again.
const apply = () =>
  call("/api/V1/application", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify({ ...applicationTo(company), caller: CALLER }),
  });
const idempotencyKey = crypto.randomUUID();
for (const attempt of ["application", "retried with the same Idempotency-Key"]) {
  const res = await apply();
  const body = (await res.json()) as { message?: string; error?: string };
  if (!res.ok) throw new Error(`application refused (${res.status}): ${body.error}`);
  console.log(`${attempt}: ${body.message}`);
}
